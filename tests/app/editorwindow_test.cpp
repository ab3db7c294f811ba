// SPDX-License-Identifier: MIT
// Sextant: widget tests of the query editor inside a window: operation picker, operationName, undo, brackets.
#include <app/endpoints/endpointbar.h>
#include <app/mainwindow.h>
#include <app/result/resultview.h>

#include "editortestsupport.h"

#include <support/fakehttpserver.h>

#include <Qsci/qsciscintilla.h>

#include <QAction>
#include <QComboBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <memory>

using namespace Sextant;
using namespace Qt::StringLiterals;
using namespace EditorTestSupport;

/**
 * A MainWindow talking to a FakeHttpServer on 127.0.0.1 (introspection refused, the small schema loaded from its
 * file): with several operations the toolbar lists them and follows the caret, Run sends the whole document with
 * the picked operationName; prettify is one undo step on top of the typing history; brackets match.
 */
class EditorWindowTest final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void operationPicker_data();
    void operationPicker();
    void anonymousOperationAmongSeveralIsNotSent();
    void undoHistorySurvivesPrettify();
    void bracketMatching();

private:
    std::unique_ptr<App::MainWindow> windowOnFakeServer();

    FakeHttpServer m_server;
};

void EditorWindowTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_server.isListening());
    // Introspection is refused (the schema comes from a file); operations are answered.
    m_server.setHandler([](const FakeHttpServer::Request &request) {
        if (request.body.contains("__schema") || request.body.contains("Introspection"))
            return FakeHttpServer::json(500, R"({"errors":[{"message":"introspection disabled"}]})");
        return FakeHttpServer::json(200, R"({"data":{"__typename":"Query"}})");
    });
}

std::unique_ptr<App::MainWindow> EditorWindowTest::windowOnFakeServer()
{
    App::StartOptions options;
    options.restoreSession = false;
    options.kind = Net::EndpointKind::GenericHttp;
    options.endpoint = m_server.url().toString();
    auto window = std::make_unique<App::MainWindow>(options);
    QSignalSpy failed(window.get(), &App::MainWindow::schemaFailed);
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()) || !failed.wait(20000)) // introspection is refused
        return nullptr;
    QSignalSpy loaded(window.get(), &App::MainWindow::schemaLoaded);
    window->loadSchemaFile(QStringLiteral(SEXTANT_FIXTURES_DIR "/schemas/small/schema.graphql"));
    if (!loaded.wait(20000))
        return nullptr;
    return window;
}

void EditorWindowTest::operationPicker_data()
{
    QTest::addColumn<QString>("document"); // `|` is the caret
    QTest::addColumn<int>("picked");       // the toolbar's current operation
    QTest::addColumn<QString>("operationName");

    const QString operations =
        u"query First { viewer { id } }\n\nmutation Second { deleteNode(id: \"1\") }\n\n"
        u"fragment F on Member { id }\n\nquery Third { serverTime }\n"_s;
    const auto at = [&operations](const QString &after) {
        QString marked = operations;
        marked.insert(marked.indexOf(after) + after.size(), u'|');
        return marked;
    };
    QTest::newRow("in the first operation's name") << at(u"query Fi"_s) << 0 << u"First"_s;
    QTest::newRow("in the mutation's selection") << at(u"deleteNode(id: \"1\""_s) << 1 << u"Second"_s;
    QTest::newRow("on the last operation's brace") << at(u"{ serverTime "_s) << 2 << u"Third"_s;
    QTest::newRow("at the very start") << u"|"_s + operations << 0 << u"First"_s;
}

void EditorWindowTest::operationPicker()
{
    QFETCH(QString, document);
    QFETCH(int, picked);
    QFETCH(QString, operationName);
    auto window = windowOnFakeServer();
    QVERIFY(window);
    QsciScintilla *editor = window->queryEditor();
    const auto [text, caret] = splitCaret(document);
    editor->setText(text);
    placeCaret(editor, text, caret);
    auto *combo = window->findChild<QComboBox *>(u"operationCombo"_s);
    QVERIFY(combo);
    QTRY_COMPARE_WITH_TIMEOUT(window->endpointBar()->operations(),
                              (QStringList{u"query First"_s, u"mutation Second"_s, u"query Third"_s}), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(combo->currentIndex(), picked, 5000);
    QCOMPARE(window->endpointBar()->currentOperation(), picked);

    const int before = m_server.requestCount();
    QSignalSpy finished(window.get(), &App::MainWindow::requestFinished);
    window->run();
    QVERIFY(finished.wait(20000));
    QCOMPARE(m_server.requestCount(), before + 1);
    const QJsonObject body = QJsonDocument::fromJson(m_server.lastRequest().body).object();
    QCOMPARE(body.value(u"operationName"_s).toString(), operationName);
    QCOMPARE(body.value(u"query"_s).toString(), text); // the whole document; the server picks by name
    QCOMPARE(editor->text(), text);

    // Picking another operation in the toolbar moves the caret there, and Run sends that one.
    const int other = (picked + 1) % 3;
    combo->setCurrentIndex(other); // what the user's pick does before QComboBox emits activated
    emit combo->activated(other);
    QCOMPARE(window->endpointBar()->currentOperation(), other);
    window->run();
    QVERIFY(finished.wait(20000));
    const QJsonObject second = QJsonDocument::fromJson(m_server.lastRequest().body).object();
    const QStringList names{u"First"_s, u"Second"_s, u"Third"_s};
    QCOMPARE(second.value(u"operationName"_s).toString(), names.at(other));
}

void EditorWindowTest::anonymousOperationAmongSeveralIsNotSent()
{
    auto window = windowOnFakeServer();
    QVERIFY(window);
    const QString text = u"{ viewer { id } }\nquery Named { serverTime }\n"_s;
    window->queryEditor()->setText(text);
    placeCaret(window->queryEditor(), text, 3);
    QTRY_COMPARE_WITH_TIMEOUT(window->endpointBar()->operations(),
                              (QStringList{u"query (anonymous)"_s, u"query Named"_s}), 5000);
    const int before = m_server.requestCount();
    QSignalSpy finished(window.get(), &App::MainWindow::requestFinished);
    window->run();
    QCOMPARE(finished.size(), 1); // decided locally: the operation cannot be named in the request
    QVERIFY2(window->resultView()->messageText().contains(u"name it"), qPrintable(window->resultView()->messageText()));
    QCOMPARE(m_server.requestCount(), before);
}

void EditorWindowTest::undoHistorySurvivesPrettify()
{
    auto window = windowOnFakeServer();
    QVERIFY(window);
    window->activateWindow();
    QsciScintilla *editor = window->queryEditor();
    editor->clear();
    editor->SendScintilla(QsciScintilla::SCI_EMPTYUNDOBUFFER);
    editor->setFocus();
    const QString typed = u"query Q{viewer{id tier}}"_s;
    QTest::keyClicks(editor, typed);
    if (editor->isListActive())
        editor->cancelList();
    QCOMPARE(editor->text(), typed);

    auto *prettify = window->findChild<QAction *>(u"Editor.Prettify"_s);
    QVERIFY(prettify);
    prettify->trigger();
    const QString pretty = u"query Q {\n  viewer {\n    id\n    tier\n  }\n}"_s;
    QCOMPARE(editor->text(), pretty);
    editor->undo(); // one step gives back exactly what was typed
    QCOMPARE(editor->text(), typed);
    editor->redo();
    QCOMPARE(editor->text(), pretty);
    editor->undo();
    // The typing before the prettify is still in the history, all the way back to the empty editor.
    for (int step = 0; step < 100 && editor->isUndoAvailable(); ++step)
        editor->undo();
    QCOMPARE(editor->text(), QString());
}

void EditorWindowTest::bracketMatching()
{
    auto window = windowOnFakeServer();
    QVERIFY(window);
    QsciScintilla *editor = window->queryEditor();
    QCOMPARE(editor->braceMatching(), QsciScintilla::SloppyBraceMatch);
    const auto matchOf = [editor](const QString &text, int offset) {
        placeCaret(editor, text, offset);
        editor->moveToMatchingBrace();
        return App::utf16OffsetOfPosition(editor, int(editor->SendScintilla(QsciScintilla::SCI_GETCURRENTPOS)));
    };
    const QString text = u"{ books(first: 1, filter: {genres: [POETRY]}) { id } }"_s;
    editor->setText(text);
    editor->SendScintilla(QsciScintilla::SCI_COLOURISE, 0, -1);
    // From before an opening bracket, QScintilla moves the caret to just after its partner.
    QCOMPARE(matchOf(text, 0), int(text.size()));                                     // { … }
    QCOMPARE(matchOf(text, int(text.indexOf(u'('))), int(text.indexOf(u')')) + 1);   // ( … )
    QCOMPARE(matchOf(text, int(text.indexOf(u'['))), int(text.indexOf(u']')) + 1);   // [ … ]
    QCOMPARE(matchOf(text, int(text.indexOf(u"{genres"))), int(text.indexOf(u"]}")) + 2);

    // Brackets inside strings and comments are not punctuation: they are skipped (the lexer's styles).
    const QString quoted = u"{ search(text: \"} ) ]\") { __typename } # }\n}"_s;
    editor->setText(quoted);
    editor->SendScintilla(QsciScintilla::SCI_COLOURISE, 0, -1);
    QCOMPARE(matchOf(quoted, 0), int(quoted.size()));
    QCOMPARE(matchOf(quoted, int(quoted.indexOf(u'('))), int(quoted.indexOf(u") {")) + 1);
}

QTEST_MAIN(EditorWindowTest)
#include "editorwindow_test.moc"
