// SPDX-License-Identifier: MIT
// Sextant: the schema browser over real introspection results.
#include <app/editor/editordiagnostics.h>
#include <app/editor/editorhover.h>
#include <app/schema/schemabrowser.h>
#include <core/schema/introspectionreader.h>
#include <core/schema/schema.h>
#include <models/roles.h>
#include <models/schematreemodel.h>

#include "editortestsupport.h"

#include <Qsci/qsciscintilla.h>

#include <QFile>
#include <QHeaderView>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>
#include <QTextBrowser>
#include <QTreeView>

using namespace Sextant;
using namespace Qt::StringLiterals;

class SchemaBrowserTest : public QObject
{
    Q_OBJECT

private slots:
    void showsRootFieldsAndNavigates_data();
    void showsRootFieldsAndNavigates();
    void filterKeepsMatchesAndAncestors();
    void detailsShowDeprecation();
    void insertFieldFromButtonAndDoubleClick();
    void showDirective_data();
    void showDirective();
    void ctrlClickOnADirectiveShowsIt();
    void longSignaturesListOneArgumentPerLine();
    void nameColumnFollowsTheWidth();

private:
    static std::shared_ptr<const Core::Schema> load(const QString &name);
};

std::shared_ptr<const Core::Schema> SchemaBrowserTest::load(const QString &name)
{
    QFile file(QStringLiteral(SEXTANT_FIXTURES_DIR "/schemas/%1/introspection.json").arg(name));
    if (!file.open(QIODevice::ReadOnly))
        return nullptr;
    return Core::IntrospectionReader::read(file.readAll()).schema;
}

void SchemaBrowserTest::showsRootFieldsAndNavigates_data()
{
    QTest::addColumn<QString>("schema");
    QTest::addColumn<QString>("rootField");
    QTest::addColumn<QString>("returnType");
    QTest::newRow("dagster") << QStringLiteral("dagster") << QStringLiteral("runsOrError")
                             << QStringLiteral("RunsOrError");
    QTest::newRow("dagger") << QStringLiteral("dagger") << QStringLiteral("container") << QStringLiteral("Container");
    QTest::newRow("small") << QStringLiteral("small") << QStringLiteral("search") << QStringLiteral("SearchResult");
}

void SchemaBrowserTest::showsRootFieldsAndNavigates()
{
    QFETCH(QString, schema);
    QFETCH(QString, rootField);
    QFETCH(QString, returnType);
    auto loaded = load(schema);
    QVERIFY(loaded);
    App::SchemaBrowser browser;
    browser.setSchema(loaded);
    browser.show();

    QAbstractItemModel *model = browser.treeView()->model();
    const QModelIndex query = model->index(0, 0);
    QVERIFY(query.data().toString().contains(loaded->queryTypeName()));
    QVERIFY(browser.treeView()->isExpanded(query));
    QModelIndex field;
    for (int row = 0; row < model->rowCount(query); ++row) {
        if (model->index(row, 0, query).data().toString() == rootField)
            field = model->index(row, 0, query);
    }
    QVERIFY(field.isValid());
    QVERIFY(!model->data(field, Qt::DecorationRole).isNull()); // kind icons come from the app layer
    QCOMPARE(field.data(Models::TypeNameRole).toString(), returnType);

    // Selecting the field shows its signature with the return type as a link; following it navigates.
    browser.treeView()->setCurrentIndex(field);
    QVERIFY(browser.detailsView()->toHtml().contains(u"sextant-type:" + returnType));
    emit browser.detailsView()->anchorClicked(QUrl(u"sextant-type:" + returnType));
    QCOMPARE(browser.currentTypeName(), returnType);
    QCOMPARE(browser.treeView()->currentIndex().data(Models::TypeNameRole).toString(), returnType);
    QVERIFY(browser.showType(loaded->queryTypeName()));
    browser.goBack();
    QCOMPARE(browser.currentTypeName(), returnType);
    QVERIFY(!browser.showType(QStringLiteral("NoSuchType")));
}

void SchemaBrowserTest::filterKeepsMatchesAndAncestors()
{
    App::SchemaBrowser browser;
    browser.setSchema(load(QStringLiteral("dagster")));
    browser.setFilterText(QStringLiteral("terminateRun"));
    QAbstractItemModel *model = browser.treeView()->model();
    QVERIFY(model->rowCount() >= 1);
    bool found = false;
    for (int row = 0; row < model->rowCount() && !found; ++row) {
        const QModelIndex root = model->index(row, 0);
        for (int child = 0; child < model->rowCount(root); ++child)
            found = found || model->index(child, 0, root).data().toString() == u"terminateRun";
    }
    QVERIFY(found);
    browser.setFilterText(QString());
    QVERIFY(model->rowCount() >= 3);
}

void SchemaBrowserTest::detailsShowDeprecation()
{
    auto schema = load(QStringLiteral("small"));
    QVERIFY(schema);
    App::SchemaBrowser browser;
    browser.setSchema(schema);
    const QModelIndex source = browser.schemaModel()->indexForType(QStringLiteral("Format"));
    QVERIFY(source.isValid());
    QVERIFY(browser.showType(QStringLiteral("Format")));
    QAbstractItemModel *model = browser.treeView()->model();
    const QModelIndex format = browser.treeView()->currentIndex();
    QModelIndex cassette;
    for (int row = 0; row < model->rowCount(format); ++row) {
        if (model->index(row, 0, format).data().toString() == u"CASSETTE")
            cassette = model->index(row, 0, format);
    }
    QVERIFY(cassette.isValid());
    browser.treeView()->setCurrentIndex(cassette);
    QVERIFY(browser.detailsView()->toPlainText().contains(u"Deprecated"));
}

void SchemaBrowserTest::insertFieldFromButtonAndDoubleClick()
{
    auto schema = load(QStringLiteral("small"));
    QVERIFY(schema);
    App::SchemaBrowser browser;
    browser.resize(500, 700);
    browser.setSchema(schema);
    browser.show();
    QVERIFY(QTest::qWaitForWindowExposed(&browser));
    QSignalSpy spy(&browser, &App::SchemaBrowser::insertFieldRequested);
    QToolButton *button = browser.insertButton();
    QCOMPARE(button->toolTip(), QStringLiteral("Insert field into the current operation"));
    QVERIFY(!button->isEnabled());

    // A root field row: the button inserts Query.viewer.
    QAbstractItemModel *model = browser.treeView()->model();
    const QModelIndex query = model->index(0, 0);
    QModelIndex viewer;
    for (int row = 0; row < model->rowCount(query); ++row) {
        if (model->index(row, 0, query).data().toString() == u"viewer")
            viewer = model->index(row, 0, query);
    }
    QVERIFY(viewer.isValid());
    browser.treeView()->setCurrentIndex(viewer);
    QVERIFY(button->isEnabled());
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0), (QVariantList{QStringLiteral("Query"), QStringLiteral("viewer")}));

    // Double-clicking a field row (either column) inserts it instead of navigating.
    const QString typeBefore = browser.currentTypeName();
    browser.treeView()->scrollTo(viewer);
    const QRect rect = browser.treeView()->visualRect(viewer.siblingAtColumn(1));
    QVERIFY(rect.isValid());
    // A real double-click: the view emits doubleClicked() only for the index the press went to.
    QTest::mouseClick(browser.treeView()->viewport(), Qt::LeftButton, {}, rect.center());
    QTest::mouseDClick(browser.treeView()->viewport(), Qt::LeftButton, {}, rect.center());
    QCOMPARE(spy.count(), 2);
    QCOMPARE(spy.at(1), (QVariantList{QStringLiteral("Query"), QStringLiteral("viewer")}));
    QCOMPARE(browser.currentTypeName(), typeBefore);

    // A field under a type of "All types" names that type; an argument row disables the button.
    QVERIFY(browser.showElement(QStringLiteral("Member"), QStringLiteral("email")));
    QVERIFY(button->isEnabled());
    QVERIFY(browser.insertCurrentField());
    QCOMPARE(spy.count(), 3);
    QCOMPARE(spy.at(2), (QVariantList{QStringLiteral("Member"), QStringLiteral("email")}));
    const QModelIndex member = browser.treeView()->currentIndex().parent();
    QModelIndex loans;
    for (int row = 0; row < model->rowCount(member); ++row) {
        if (model->index(row, 0, member).data().toString() == u"loans")
            loans = model->index(row, 0, member);
    }
    QVERIFY(loans.isValid());
    browser.treeView()->expand(loans);
    QVERIFY(model->rowCount(loans) > 0);
    browser.treeView()->setCurrentIndex(model->index(0, 0, loans));
    QVERIFY(!button->isEnabled());
    QVERIFY(!browser.insertCurrentField());

    // Double-clicking a type row still expands it and inserts nothing.
    browser.treeView()->setCurrentIndex(member);
    browser.treeView()->collapse(member);
    browser.treeView()->scrollTo(member);
    QVERIFY(!button->isEnabled());
    const QPoint memberCenter = browser.treeView()->visualRect(member).center();
    QTest::mouseClick(browser.treeView()->viewport(), Qt::LeftButton, {}, memberCenter);
    QTest::mouseDClick(browser.treeView()->viewport(), Qt::LeftButton, {}, memberCenter);
    QVERIFY(browser.treeView()->isExpanded(member));
    QCOMPARE(spy.count(), 3);
}

void SchemaBrowserTest::showDirective_data()
{
    QTest::addColumn<QString>("schema");
    QTest::addColumn<QString>("directive");
    QTest::addColumn<QString>("argument");
    QTest::addColumn<QString>("signature");   // in the details pane
    QTest::addColumn<QString>("description"); // in the details pane
    QTest::newRow("small: @label") << u"small"_s << u"label"_s << QString()
                                   << u"@label(name: String!, value: String) repeatable on"_s
                                   << u"Attach a free-form label."_s;
    QTest::newRow("small: @highlight(color:)") << u"small"_s << u"highlight"_s << u"color"_s
                                               << u"color: Color = YELLOW"_s << u"No description."_s;
    QTest::newRow("github: @include") << u"github"_s << u"include"_s << QString() << u"@include(if: Boolean!)"_s
                                      << u"Directs the executor to include this field or fragment"_s;
    QTest::newRow("github: @deprecated(reason:)") << u"github"_s << u"deprecated"_s << u"reason"_s
                                                  << u"reason: String"_s << u"Explains why this element"_s;
}

void SchemaBrowserTest::showDirective()
{
    QFETCH(QString, schema);
    QFETCH(QString, directive);
    QFETCH(QString, argument);
    QFETCH(QString, signature);
    QFETCH(QString, description);
    const auto loaded = EditorTestSupport::loadSchema(schema);
    QVERIFY(loaded);
    App::SchemaBrowser browser;
    browser.resize(500, 700);
    browser.setSchema(loaded);
    browser.show();
    QVERIFY(QTest::qWaitForWindowExposed(&browser));
    // A filter that hides the directive is cleared rather than navigating nowhere.
    browser.setFilterText(u"viewer"_s);
    QVERIFY(browser.showType(loaded->queryTypeName()));

    QVERIFY(browser.showDirective(directive, argument));
    QCOMPARE(browser.currentDirectiveName(), directive);
    QCOMPARE(browser.currentTypeName(), QString());
    const QModelIndex current = browser.treeView()->currentIndex();
    QVERIFY(current.isValid());
    using NodeKind = Models::SchemaTreeModel::NodeKind;
    const QModelIndex directiveRow = argument.isEmpty() ? current : current.parent();
    QCOMPARE(directiveRow.data().toString(), u'@' + directive);
    QCOMPARE(directiveRow.data(Models::NodeKindRole).toInt(), int(NodeKind::Directive));
    QCOMPARE(directiveRow.parent().data(Models::NodeKindRole).toInt(), int(NodeKind::DirectivesGroup));
    if (!argument.isEmpty()) {
        QCOMPARE(current.data().toString(), argument);
        QCOMPARE(current.data(Models::NodeKindRole).toInt(), int(NodeKind::Argument));
    }
    QVERIFY(browser.treeView()->isExpanded(directiveRow.parent()));
    QVERIFY(browser.treeView()->visualRect(current).intersects(browser.treeView()->viewport()->rect()));
    const QString details = browser.detailsView()->toPlainText();
    QVERIFY2(details.contains(signature), qPrintable(details));
    QVERIFY2(details.contains(description), qPrintable(details));

    // The directive is a history entry like a type: back to the query type, forward to the directive again.
    QVERIFY(browser.canGoBack());
    browser.goBack();
    QCOMPARE(browser.currentTypeName(), loaded->queryTypeName());
    QCOMPARE(browser.currentDirectiveName(), QString());
    browser.goForward();
    QCOMPARE(browser.currentDirectiveName(), directive);
    QCOMPARE(browser.treeView()->currentIndex().data().toString(), u'@' + directive);

    // Unknown names change nothing; a type name is not a directive and "@x" is not a type.
    QVERIFY(!browser.showDirective(u"noSuchDirective"_s));
    QVERIFY(!browser.showDirective(QString()));
    QVERIFY(!browser.showType(u'@' + directive));
    QCOMPARE(browser.currentDirectiveName(), directive);
    QVERIFY(!browser.showDirective(loaded->queryTypeName()));
}

void SchemaBrowserTest::ctrlClickOnADirectiveShowsIt()
{
    // Wired as the window does it: the editor's Ctrl+click on a directive shows it in the browser.
    const auto loaded = EditorTestSupport::loadSchema(u"small"_s);
    QVERIFY(loaded);
    App::SchemaBrowser browser;
    browser.setSchema(loaded);
    QsciScintilla editor;
    auto *diagnostics = new App::EditorDiagnostics(&editor, &editor);
    auto *hover = new App::EditorHover(&editor, diagnostics, &editor);
    hover->setSchema(loaded);
    connect(hover, &App::EditorHover::directiveActivated, &browser, &App::SchemaBrowser::showDirective);
    const auto [text, offset] = EditorTestSupport::splitCaret(u"{ viewer { id @highlight(col|or: RED) } }"_s);
    editor.setText(text);
    QVERIFY(hover->activateAt(offset));
    QCOMPARE(browser.currentDirectiveName(), u"highlight"_s);
    QCOMPARE(browser.treeView()->currentIndex().data().toString(), u"color"_s);
    const QString details = browser.detailsView()->toPlainText();
    QVERIFY2(details.contains(u"color: Color = YELLOW"_s), qPrintable(details));
    QVERIFY2(!details.contains(u"Default:"_s), qPrintable(details)); // the signature shows it already
    QVERIFY(browser.detailsView()->toHtml().contains(u"sextant-type:Color"_s));
}

void SchemaBrowserTest::longSignaturesListOneArgumentPerLine()
{
    const auto loaded = load(u"dagster"_s);
    QVERIFY(loaded);
    App::SchemaBrowser browser;
    browser.setSchema(loaded);
    QVERIFY(browser.showElement(u"Query"_s, u"runsOrError"_s));
    const QString indent = u"  "_s; // &nbsp;&nbsp; (toPlainText() gives spaces)
    QString details = browser.detailsView()->toPlainText();
    QVERIFY2(details.contains(u"runsOrError(\n"_s + indent + u"filter: RunsFilter\n"_s + indent + u"cursor: String\n"_s
                              + indent + u"limit: Int\n): RunsOrError!"_s),
             qPrintable(details));
    const QString html = browser.detailsView()->toHtml();
    QVERIFY(html.contains(u"sextant-type:RunsFilter"_s));
    QVERIFY(html.contains(u"sextant-type:RunsOrError"_s));

    // A short one stays on one line.
    QVERIFY(browser.showDirective(u"include"_s));
    details = browser.detailsView()->toPlainText();
    QVERIFY2(details.contains(u"directive @include(if: Boolean!) on FIELD"_s), qPrintable(details));
    // The description is Markdown, rendered: `if` is code, not backticks.
    QVERIFY2(details.contains(u"only when the if argument is true."_s), qPrintable(details));
    QVERIFY(browser.detailsView()->toHtml().contains(u"monospace"_s));
}

void SchemaBrowserTest::nameColumnFollowsTheWidth()
{
    App::SchemaBrowser browser;
    browser.setSchema(load(u"small"_s));
    browser.resize(300, 600);
    browser.show();
    QVERIFY(QTest::qWaitForWindowExposed(&browser));
    QHeaderView *header = browser.treeView()->header();
    const auto fitted = [&] { return std::max(120, browser.treeView()->viewport()->width() * 3 / 5); };
    QTRY_COMPARE(header->sectionSize(0), fitted());
    QVERIFY(header->sectionSize(1) >= browser.treeView()->viewport()->width() / 3); // the type column stays readable
    browser.resize(700, 600);
    QTRY_COMPARE(header->sectionSize(0), fitted());
    QVERIFY(header->sectionSize(0) > 300);
    // Once the user has sized the column, resizing the browser keeps that width.
    header->resizeSection(0, 150);
    browser.resize(500, 600);
    QTRY_VERIFY(browser.treeView()->viewport()->width() < 500);
    QCOMPARE(header->sectionSize(0), 150);
}

QTEST_MAIN(SchemaBrowserTest)
#include "schemabrowser_test.moc"
