// SPDX-License-Identifier: MIT
// Sextant: the Problems list: rows, order, per-source replacement, activation, and real editor diagnostics.
#include <app/editor/editordiagnostics.h>
#include <app/editor/editorsetup.h>
#include <app/editor/problemlistmodel.h>
#include <app/editor/problemsview.h>
#include <core/schema/introspectionreader.h>
#include <core/schema/schema.h>

#include <Qsci/qsciscintilla.h>

#include <QAbstractItemModelTester>
#include <QFile>
#include <QLabel>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

using namespace Sextant;
using namespace Qt::StringLiterals;

class ProblemsViewTest : public QObject
{
    Q_OBJECT

private slots:
    void rowsAndOrder_data();
    void rowsAndOrder();
    void countAndEmptyState();
    void activation_data();
    void activation();
    void realEditorDiagnostics_data();
    void realEditorDiagnostics();

private:
    /// A call of setProblems(): first entry the source, then "line:column:message" per Diagnostic (line 0: none).
    static void feed(App::ProblemsView &view, const QStringList &call);
    /// "Source|Ln 3, Col 5|message" for each row of the view.
    static QStringList rows(const App::ProblemsView &view);
};

void ProblemsViewTest::feed(App::ProblemsView &view, const QStringList &call)
{
    QList<App::Diagnostic> diagnostics;
    for (const QString &entry : call.mid(1)) {
        const QStringList parts = entry.split(u':');
        App::Diagnostic diagnostic{parts.mid(2).join(u':'), {}};
        if (parts.at(0).toInt() > 0)
            diagnostic.locations.append(Core::SourceLocation{parts.at(0).toInt(), parts.at(1).toInt(), 0});
        diagnostics.append(diagnostic);
    }
    view.setProblems(call.first(), diagnostics);
}

QStringList ProblemsViewTest::rows(const App::ProblemsView &view)
{
    QStringList result;
    const QAbstractItemModel *model = view.treeView()->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        result << model->index(row, App::ProblemListModel::SourceColumn).data().toString() + u'|'
                      + model->index(row, App::ProblemListModel::PositionColumn).data().toString() + u'|'
                      + model->index(row, App::ProblemListModel::MessageColumn).data().toString();
    }
    return result;
}

void ProblemsViewTest::rowsAndOrder_data()
{
    QTest::addColumn<QList<QStringList>>("calls");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("one problem") << QList<QStringList>{{u"Query"_s, u"3:5:Cannot query field \"nope\"."_s}}
                                 << QStringList{u"Query|Ln 3, Col 5|Cannot query field \"nope\"."_s};
    QTest::newRow("by line then column") << QList<QStringList>{{u"Query"_s, u"5:1:e"_s, u"2:7:c"_s, u"2:3:b"_s,
                                                                u"1:9:a"_s}}
                                         << QStringList{u"Query|Ln 1, Col 9|a"_s, u"Query|Ln 2, Col 3|b"_s,
                                                        u"Query|Ln 2, Col 7|c"_s, u"Query|Ln 5, Col 1|e"_s};
    QTest::newRow("by source first") << QList<QStringList>{{u"Variables"_s, u"1:2:json"_s},
                                                           {u"Query"_s, u"9:1:late"_s, u"4:4:early"_s}}
                                     << QStringList{u"Query|Ln 4, Col 4|early"_s, u"Query|Ln 9, Col 1|late"_s,
                                                    u"Variables|Ln 1, Col 2|json"_s};
    QTest::newRow("a source replaces its own rows only")
        << QList<QStringList>{{u"Query"_s, u"1:1:old a"_s, u"2:1:old b"_s},
                              {u"Variables"_s, u"3:3:kept"_s},
                              {u"Query"_s, u"7:2:new"_s}}
        << QStringList{u"Query|Ln 7, Col 2|new"_s, u"Variables|Ln 3, Col 3|kept"_s};
    QTest::newRow("an empty list removes the source")
        << QList<QStringList>{{u"Query"_s, u"1:1:gone"_s}, {u"Headers"_s, u"2:1:stays"_s}, {u"Query"_s}}
        << QStringList{u"Headers|Ln 2, Col 1|stays"_s};
    QTest::newRow("no location sorts last, empty position")
        << QList<QStringList>{{u"Query"_s, u"0:0:whole document"_s, u"4:2:located"_s}}
        << QStringList{u"Query|Ln 4, Col 2|located"_s, u"Query||whole document"_s};
    QTest::newRow("multi-line message shows its first line")
        << QList<QStringList>{{u"Query"_s, u"2:2:first line\nsecond line"_s}}
        << QStringList{u"Query|Ln 2, Col 2|first line"_s};
}

void ProblemsViewTest::rowsAndOrder()
{
    QFETCH(QList<QStringList>, calls);
    QFETCH(QStringList, expected);
    App::ProblemsView view;
    QAbstractItemModelTester tester(view.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    for (const QStringList &call : calls)
        feed(view, call);
    QCOMPARE(rows(view), expected);
    QCOMPARE(view.problemCount(), expected.size());
    QVERIFY(!view.treeView()->rootIsDecorated());
    const QModelIndex severity = view.model()->index(0, App::ProblemListModel::SeverityColumn);
    QCOMPARE(severity.data().toString(), QStringLiteral("Error"));
    QVERIFY(!severity.data(Qt::DecorationRole).value<QIcon>().isNull());
    // The tooltip keeps the whole message.
    const QStringList last = calls.last();
    if (last.size() > 1 && last.at(1).contains(u'\n'))
        QVERIFY(view.model()->index(0, 1).data(Qt::ToolTipRole).toString().contains(u"second line"));
}

void ProblemsViewTest::countAndEmptyState()
{
    App::ProblemsView view;
    QSignalSpy counts(&view, &App::ProblemsView::countChanged);
    QCOMPARE(view.problemCount(), 0);
    QVERIFY(!view.emptyStateLabel()->isHidden());
    QCOMPARE(view.emptyStateLabel()->text(), QStringLiteral("No problems"));
    QVERIFY(view.treeView()->isHidden());

    feed(view, {u"Query"_s, u"1:1:a"_s, u"2:1:b"_s});
    feed(view, {u"Variables"_s, u"1:1:c"_s});
    feed(view, {u"Query"_s, u"3:1:d"_s, u"4:1:e"_s}); // same total: no signal
    QVERIFY(view.emptyStateLabel()->isHidden());
    QVERIFY(!view.treeView()->isHidden());
    feed(view, {u"Query"_s});
    feed(view, {u"Variables"_s});

    QList<int> emitted;
    for (const QList<QVariant> &arguments : std::as_const(counts))
        emitted << arguments.at(0).toInt();
    QCOMPARE(emitted, (QList<int>{2, 3, 1, 0}));
    QCOMPARE(view.problemCount(), 0);
    QVERIFY(!view.emptyStateLabel()->isHidden());
}

void ProblemsViewTest::activation_data()
{
    QTest::addColumn<QString>("how");
    QTest::addColumn<int>("row");
    QTest::addColumn<QString>("source");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    // Rows (sorted): Query 2:4, Query 6:11, Variables 1:3, Variables (no location).
    QTest::newRow("click") << u"click"_s << 1 << u"Query"_s << 6 << 11;
    QTest::newRow("double-click") << u"double-click"_s << 2 << u"Variables"_s << 1 << 3;
    QTest::newRow("enter") << u"enter"_s << 0 << u"Query"_s << 2 << 4;
    QTest::newRow("no location: nothing") << u"click"_s << 3 << QString() << 0 << 0;
}

void ProblemsViewTest::activation()
{
    QFETCH(QString, how);
    QFETCH(int, row);
    QFETCH(QString, source);
    QFETCH(int, line);
    QFETCH(int, column);
    App::ProblemsView view;
    feed(view, {u"Variables"_s, u"0:0:no location"_s, u"1:3:Expected a value"_s});
    feed(view, {u"Query"_s, u"6:11:Unknown argument"_s, u"2:4:Cannot query field"_s});
    view.resize(600, 200);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QSignalSpy activated(&view, &App::ProblemsView::problemActivated);

    QTreeView *tree = view.treeView();
    const QModelIndex index = view.model()->index(row, App::ProblemListModel::MessageColumn);
    const QPoint point = tree->visualRect(index).center();
    if (how == u"click") {
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, point);
    } else if (how == u"double-click") {
        QSignalSpy doubleClicked(tree, &QTreeView::doubleClicked);
        // A platform delivers a press before the double-click event; QTest::mouseDClick alone sends none.
        QTest::mousePress(tree->viewport(), Qt::LeftButton, {}, point);
        QTest::mouseDClick(tree->viewport(), Qt::LeftButton, {}, point);
        QCOMPARE(doubleClicked.count(), 1);
    } else {
        tree->setFocus();
        tree->setCurrentIndex(index);
        QTest::keyClick(tree, Qt::Key_Return);
    }
    if (line == 0) {
        QCOMPARE(activated.count(), 0);
        return;
    }
    QVERIFY(activated.count() >= 1);
    for (const QList<QVariant> &arguments : std::as_const(activated))
        QCOMPARE(arguments, (QList<QVariant>{source, line, column}));
}

void ProblemsViewTest::realEditorDiagnostics_data()
{
    QTest::addColumn<QString>("query"); // '|' marks where the problem is reported
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("unknown field") << u"query Me {\n  viewer {\n    |nope\n  }\n}\n"_s << u"\"nope\""_s;
    QTest::newRow("unknown argument") << u"{\n  book(ref: {id: \"1\"}, |colour: 3) {\n    title\n  }\n}\n"_s
                                      << u"\"colour\""_s;
    QTest::newRow("syntax error") << u"{\n  viewer {\n    id(|: 1)\n  }\n}\n"_s << u"Syntax Error"_s;
}

void ProblemsViewTest::realEditorDiagnostics()
{
    QFETCH(QString, query);
    QFETCH(QString, messagePart);
    QFile file(QStringLiteral(SEXTANT_FIXTURES_DIR "/schemas/small/introspection.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    std::shared_ptr<const Core::Schema> schema = Core::IntrospectionReader::read(file.readAll()).schema;
    QVERIFY(schema);

    const qsizetype marker = query.indexOf(u'|');
    const QString text = QString(query).remove(marker, 1);
    const int expectedLine = int(text.left(marker).count(u'\n')) + 1;
    const int expectedColumn = int(marker - text.lastIndexOf(u'\n', marker - 1));

    QsciScintilla editor;
    App::configureCodeEditor(&editor);
    App::EditorDiagnostics diagnostics(&editor);
    QSignalSpy changed(&diagnostics, &App::EditorDiagnostics::diagnosticsChanged);
    editor.setText(text);
    diagnostics.setSchema(schema);
    QTRY_VERIFY_WITH_TIMEOUT(changed.count() >= 1 && !diagnostics.diagnostics().isEmpty(), 10000);

    App::ProblemsView view;
    QSignalSpy counts(&view, &App::ProblemsView::countChanged);
    view.setProblems(QStringLiteral("Query"), diagnostics.diagnostics());
    QCOMPARE(view.problemCount(), diagnostics.diagnostics().size());
    QCOMPARE(counts.count(), 1);
    QCOMPARE(counts.first().first().toInt(), view.problemCount());

    const QAbstractItemModel *model = view.treeView()->model();
    const QString message = model->index(0, App::ProblemListModel::MessageColumn).data().toString();
    QVERIFY2(message.contains(messagePart), qPrintable(message));
    QCOMPARE(message, diagnostics.diagnostics().first().message);
    QCOMPARE(model->index(0, App::ProblemListModel::PositionColumn).data().toString(),
             QStringLiteral("Ln %1, Col %2").arg(expectedLine).arg(expectedColumn));
    QCOMPARE(model->index(0, App::ProblemListModel::SourceColumn).data().toString(), QStringLiteral("Query"));

    view.resize(600, 200);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QSignalSpy activated(&view, &App::ProblemsView::problemActivated);
    QTest::mouseClick(view.treeView()->viewport(), Qt::LeftButton, {},
                      view.treeView()->visualRect(model->index(0, App::ProblemListModel::MessageColumn)).center());
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.first(), (QList<QVariant>{QStringLiteral("Query"), expectedLine, expectedColumn}));
}

QTEST_MAIN(ProblemsViewTest)
#include "problemsview_test.moc"
