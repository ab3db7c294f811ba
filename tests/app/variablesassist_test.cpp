// SPDX-License-Identifier: MIT
// Sextant: the variables editor's completion list, inserted text, squiggles and tooltips (offscreen, Dagster schema).
#include <app/editor/editorsetup.h>
#include <app/editor/variablesassist.h>
#include <core/schema/introspectionreader.h>
#include <core/schema/schema.h>

#include <Qsci/qsciscintilla.h>

#include <QAction>
#include <QFile>
#include <QSignalSpy>
#include <QTest>

using namespace Sextant;
using namespace Qt::StringLiterals;

namespace {

const QString DagsterDocument = u"query Runs($filter: RunsFilter, $cursor: String, $limit: Int) {\n"
                                u"  runsOrError(filter: $filter, cursor: $cursor, limit: $limit) { __typename }\n"
                                u"}\n"
                                u"mutation Launch($executionParams: ExecutionParams!) {\n"
                                u"  launchPipelineExecution(executionParams: $executionParams) { __typename }\n"
                                u"}\n"_s;

QStringList labels(const QList<Core::CompletionItem> &items)
{
    QStringList out;
    for (const Core::CompletionItem &item : items)
        out << item.label;
    return out;
}

int caretUtf16(QsciScintilla *editor)
{
    return App::utf16OffsetOfPosition(editor, int(editor->SendScintilla(QsciScintilla::SCI_GETCURRENTPOS)));
}

void placeCaret(QsciScintilla *editor, int utf16Offset)
{
    editor->SendScintilla(QsciScintilla::SCI_GOTOPOS, int(editor->text().left(utf16Offset).toUtf8().size()));
}

// The underlined [start, end) byte range around a byte position, or {-1, -1}.
std::pair<int, int> indicatorRunAt(QsciScintilla *editor, int position)
{
    if (!editor->SendScintilla(QsciScintilla::SCI_INDICATORVALUEAT, App::ErrorIndicator, position))
        return {-1, -1};
    return {int(editor->SendScintilla(QsciScintilla::SCI_INDICATORSTART, App::ErrorIndicator, position)),
            int(editor->SendScintilla(QsciScintilla::SCI_INDICATOREND, App::ErrorIndicator, position))};
}

} // namespace

class VariablesAssistTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void typedQuoteShowsVariableNames();
    void enumValuesAfterColon();
    void inputFieldsOnCtrlSpace();
    void badEnumValueIsUnderlined();
    void missingRequiredVariable();
    void wrongTypeInNestedField();
    void syntaxErrorWhileTyping();
    void staleResultsAreDropped();

private:
    void waitForCheck(QSignalSpy &spy);

    std::shared_ptr<const Core::Schema> m_schema;
    QsciScintilla *m_editor = nullptr;
    App::VariablesAssist *m_assist = nullptr;
};

void VariablesAssistTest::initTestCase()
{
    QFile file(QStringLiteral(SEXTANT_FIXTURES_DIR "/schemas/dagster/introspection.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    m_schema = Core::IntrospectionReader::read(file.readAll()).schema;
    QVERIFY(m_schema);
}

void VariablesAssistTest::init()
{
    m_editor = new QsciScintilla;
    App::configureJsonEditor(m_editor);
    m_editor->resize(600, 300);
    m_editor->show();
    m_assist = new App::VariablesAssist(m_editor, m_editor);
    m_assist->setSchema(m_schema);
    m_assist->setOperation(DagsterDocument, u"Runs"_s);
}

void VariablesAssistTest::cleanup()
{
    delete m_editor;
    m_editor = nullptr;
    m_assist = nullptr;
}

void VariablesAssistTest::waitForCheck(QSignalSpy &spy)
{
    QVERIFY(spy.isValid());
    QVERIFY(spy.count() > 0 || spy.wait(5000));
}

void VariablesAssistTest::typedQuoteShowsVariableNames()
{
    m_editor->setText(u"{\n  \n}"_s);
    m_editor->setCursorPosition(1, 2);
    QTest::keyClicks(m_editor, u"\""_s);
    QVERIFY(m_editor->isListActive());
    QCOMPARE(labels(m_assist->items()), (QStringList{u"filter"_s, u"cursor"_s, u"limit"_s}));
    QCOMPARE(m_assist->items().first().detail, u"RunsFilter"_s);

    QTest::keyClicks(m_editor, u"li"_s);
    QCOMPARE(labels(m_assist->items()), QStringList{u"limit"_s});
    QVERIFY(m_assist->accept(0));
    QCOMPARE(m_editor->text(), u"{\n  \"limit\": \n}"_s);
    QCOMPARE(caretUtf16(m_editor), 13); // after `: `
    QVERIFY(!m_assist->accept(5));
}

void VariablesAssistTest::enumValuesAfterColon()
{
    m_editor->setText(u"{\"filter\": {\"statuses\"}}"_s);
    m_editor->setCursorPosition(0, 22);
    QTest::keyClicks(m_editor, u": "_s);
    QVERIFY(m_editor->isListActive());
    const QStringList shown = labels(m_assist->items());
    QCOMPARE(shown.first(), u"[]"_s);
    const int success = int(shown.indexOf(u"\"SUCCESS\""_s));
    QVERIFY(success > 0);
    QCOMPARE(m_assist->items()[success].kind, Core::CompletionKind::EnumValue);
    QVERIFY(m_assist->accept(success));
    QCOMPARE(m_editor->text(), u"{\"filter\": {\"statuses\": \"SUCCESS\"}}"_s);

    // Inside a list, typing a quote lists the values again, narrowed as more is typed.
    m_editor->setText(u"{\"filter\": {\"statuses\": [\"QUEUED\", ]}}"_s);
    m_editor->setCursorPosition(0, 35);
    QTest::keyClicks(m_editor, u"\"FA"_s);
    QCOMPARE(labels(m_assist->items()), QStringList{u"\"FAILURE\""_s});
    QVERIFY(m_assist->accept(0));
    QCOMPARE(m_editor->text(), u"{\"filter\": {\"statuses\": [\"QUEUED\", \"FAILURE\"]}}"_s);
}

void VariablesAssistTest::inputFieldsOnCtrlSpace()
{
    m_assist->setOperation(DagsterDocument, u"Launch"_s);
    m_editor->setText(u"{\"executionParams\": {\"selector\": {\"repositoryName\": \"r\", }}}"_s);
    placeCaret(m_editor, int(m_editor->text().indexOf(u", }"_s)) + 2);
    auto *complete = m_editor->findChild<QAction *>(u"Variables.Complete"_s);
    QVERIFY(complete);
    QCOMPARE(complete->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Space));
    complete->trigger();
    QVERIFY(m_editor->isListActive());
    QCOMPARE(labels(m_assist->items()),
             (QStringList{u"repositoryLocationName"_s, u"pipelineName"_s, u"jobName"_s, u"solidSelection"_s,
                          u"assetSelection"_s, u"assetCheckSelection"_s}));
    QVERIFY(m_assist->accept(0));
    QCOMPARE(m_editor->text(),
             u"{\"executionParams\": {\"selector\": {\"repositoryName\": \"r\", \"repositoryLocationName\": }}}"_s);

    // Nothing to offer (a String value): no list.
    QVERIFY(!m_assist->showCompletions());
    QVERIFY(!m_editor->isListActive());
}

void VariablesAssistTest::badEnumValueIsUnderlined()
{
    QSignalSpy spy(m_assist, &App::VariablesAssist::diagnosticsChanged);
    m_editor->setText(u"{\n  \"filter\": {\"statuses\": [\"SUCESS\"]}\n}"_s);
    waitForCheck(spy);
    QCOMPARE(m_assist->diagnostics().size(), 1);
    const App::Diagnostic diagnostic = m_assist->diagnostics().first();
    QCOMPARE(diagnostic.message,
             u"Variable \"$filter\" got invalid value \"SUCESS\" at \"filter.statuses[0]\"; Value \"SUCESS\" does not "
             u"exist in \"RunStatus\" enum. Did you mean the enum value \"SUCCESS\"?"_s);
    QCOMPARE(diagnostic.locations.size(), 1);
    QCOMPARE(diagnostic.locations.first().line, 2);
    QCOMPARE(diagnostic.locations.first().column, 27);

    const int start = int(m_editor->text().indexOf(u"\"SUCESS\""_s));
    QCOMPARE(indicatorRunAt(m_editor, start + 1), (std::pair<int, int>(start, start + 8)));
    QCOMPARE(indicatorRunAt(m_editor, start - 1), (std::pair<int, int>(-1, -1)));
    QCOMPARE(m_assist->messageAt(start + 3), diagnostic.message);
    QVERIFY(m_assist->messageAt(start - 1).isEmpty());

    // Fixing the value clears the squiggle after the debounce.
    spy.clear();
    m_editor->setCursorPosition(1, 30);
    QTest::keyClicks(m_editor, u"C"_s);
    QVERIFY(m_editor->text().contains(u"\"SUCCESS\""_s));
    waitForCheck(spy);
    QVERIFY(m_assist->diagnostics().isEmpty());
    QCOMPARE(indicatorRunAt(m_editor, start + 1), (std::pair<int, int>(-1, -1)));
}

void VariablesAssistTest::missingRequiredVariable()
{
    QSignalSpy spy(m_assist, &App::VariablesAssist::diagnosticsChanged);
    m_editor->setText(u"{\n}"_s);
    waitForCheck(spy);
    QVERIFY(m_assist->diagnostics().isEmpty()); // Runs has no required variable

    spy.clear();
    m_assist->setOperation(DagsterDocument, u"Launch"_s);
    waitForCheck(spy);
    QCOMPARE(m_assist->diagnostics().size(), 1);
    QCOMPARE(m_assist->diagnostics().first().message,
             u"Variable \"$executionParams\" of required type \"ExecutionParams!\" was not provided."_s);
    QCOMPARE(indicatorRunAt(m_editor, 0), (std::pair<int, int>(0, 1))); // the root `{`
    QCOMPARE(m_assist->problems().first().path, QVariantList{u"executionParams"_s});
}

void VariablesAssistTest::wrongTypeInNestedField()
{
    m_assist->setOperation(DagsterDocument, u"Launch"_s);
    QSignalSpy spy(m_assist, &App::VariablesAssist::diagnosticsChanged);
    // Typed, so the debounce starts from the keyboard; "é" checks UTF-8 positions against UTF-16 offsets.
    m_editor->setText(
        u"{\"executionParams\": {\"selector\": {\"repositoryName\": \"é\", \"repositoryLocationName\": }}}"_s);
    placeCaret(m_editor, int(m_editor->text().indexOf(u": }"_s)) + 2);
    QTest::keyClicks(m_editor, u"42"_s);
    waitForCheck(spy);
    QTRY_COMPARE_WITH_TIMEOUT(m_assist->diagnostics().size(), 1, 5000);
    QCOMPARE(m_assist->diagnostics().first().message,
             u"Variable \"$executionParams\" got invalid value 42 at "
             u"\"executionParams.selector.repositoryLocationName\"; String cannot represent a non string value: 42"_s);
    const QString text = m_editor->text();
    const int start = int(text.indexOf(u"42"_s));
    const int startBytes = int(text.left(start).toUtf8().size());
    QCOMPARE(indicatorRunAt(m_editor, startBytes), (std::pair<int, int>(startBytes, startBytes + 2)));
    QCOMPARE(m_assist->messageAt(start + 1), m_assist->diagnostics().first().message);
}

void VariablesAssistTest::syntaxErrorWhileTyping()
{
    QSignalSpy spy(m_assist, &App::VariablesAssist::diagnosticsChanged);
    m_editor->setText(u"{\"limit\": 5,\n}"_s);
    waitForCheck(spy);
    QCOMPARE(m_assist->diagnostics().size(), 1);
    QVERIFY(m_assist->diagnostics().first().message.startsWith(u"Variables are not valid JSON: "_s));
    QCOMPARE(m_assist->diagnostics().first().locations.first().line, 2);

    // Without a schema the JSON syntax is still checked, and nothing is completed.
    spy.clear();
    m_assist->setSchema(nullptr);
    waitForCheck(spy);
    QCOMPARE(m_assist->diagnostics().size(), 1);
    m_editor->setCursorPosition(0, 1);
    QVERIFY(!m_assist->showCompletions());
}

void VariablesAssistTest::staleResultsAreDropped()
{
    QSignalSpy spy(m_assist, &App::VariablesAssist::diagnosticsChanged);
    m_editor->setText(u"{\"limit\": \"five\"}"_s);
    m_assist->refreshNow();                 // a check of the bad text starts on the worker...
    m_editor->setText(u"{\"limit\": 5}"_s); // ...and is outdated at once
    waitForCheck(spy);
    QCOMPARE(spy.count(), 1);
    QVERIFY(m_assist->diagnostics().isEmpty());
    QCOMPARE(indicatorRunAt(m_editor, 11), (std::pair<int, int>(-1, -1)));
}

QTEST_MAIN(VariablesAssistTest)
#include "variablesassist_test.moc"
