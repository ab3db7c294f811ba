// SPDX-License-Identifier: MIT
// Sextant: offscreen widget tests of the query editor's completion, diagnostics, hover and Ctrl+click per fixture schema.
#include <app/editor/editorcompletion.h>
#include <app/editor/editordiagnostics.h>
#include <app/editor/editorhover.h>
#include <app/editor/editorsetup.h>
#include <app/editor/graphqllexer.h>
#include <core/schema/schema.h>

#include "editortestsupport.h"

#include <Qsci/qsciscintilla.h>

#include <QGuiApplication>
#include <QHash>
#include <QScreen>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Sextant;
using namespace Qt::StringLiterals;
using namespace EditorTestSupport;

namespace {

// Types `text` key by key (QTest::keyClicks only knows ASCII; other characters come as text-only key events).
void typeText(QWidget *widget, const QString &text)
{
    for (const QChar c : text) {
        if (c.unicode() < 0x80)
            QTest::keyClick(widget, char(c.unicode()));
        else
            QTest::sendKeyEvent(QTest::Click, widget, Qt::Key_unknown, QString(c), Qt::NoModifier);
    }
}

QStringList labelsOf(const QList<Core::CompletionItem> &items)
{
    QStringList labels;
    for (const Core::CompletionItem &item : items)
        labels << item.label;
    return labels;
}

QStringList list(const QString &commaSeparated)
{
    return commaSeparated.split(u',', Qt::SkipEmptyParts);
}

/** A query editor wired like MainWindow::setupEditors(): lexer, diagnostics, hover and completion. */
struct EditorUnderTest
{
    explicit EditorUnderTest(const std::shared_ptr<const Core::Schema> &schema)
    {
        App::configureCodeEditor(&editor);
        editor.setLexer(new App::GraphQLLexer(&editor));
        diagnostics = new App::EditorDiagnostics(&editor, &editor);
        hover = new App::EditorHover(&editor, diagnostics, &editor);
        completion = new App::EditorCompletion(&editor, &editor);
        diagnostics->setSchema(schema);
        hover->setSchema(schema);
        completion->setSchema(schema);
        // Inside the offscreen screen (800x600): QScintilla places its list with QGuiApplication::screenAt().
        editor.setGeometry(20, 20, 700, 300);
    }

    bool showAndFocus()
    {
        editor.show();
        editor.activateWindow();
        editor.setFocus();
        return QTest::qWaitForWindowActive(&editor);
    }

    QsciScintilla editor;
    App::EditorDiagnostics *diagnostics = nullptr;
    App::EditorHover *hover = nullptr;
    App::EditorCompletion *completion = nullptr;
};

} // namespace

class EditorIntelligenceTest final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void completion_data();
    void completion();
    void completionWithTheCaretOffScreen();
    void diagnostics_data();
    void diagnostics();
    void diagnosticsAreDebouncedAndNeverStale();
    void hover_data();
    void hover();
    void ctrlClickActivatesTheElement_data();
    void ctrlClickActivatesTheElement();
    void ctrlClickActivatesTheDirective_data();
    void ctrlClickActivatesTheDirective();

private:
    std::shared_ptr<const Core::Schema> schema(const QString &name);

    QHash<QString, std::shared_ptr<const Core::Schema>> m_schemas;
};

std::shared_ptr<const Core::Schema> EditorIntelligenceTest::schema(const QString &name)
{
    std::shared_ptr<const Core::Schema> &slot = m_schemas[name];
    if (!slot)
        slot = loadSchema(name);
    return slot;
}

void EditorIntelligenceTest::initTestCase()
{
    for (const QString &name : {u"small"_s, u"dagster"_s, u"github"_s})
        QVERIFY2(schema(name), qPrintable(u"cannot load the fixture schema "_s + name));
}

// ---------------------------------------------------------------------------------------------------------------
// Completion: type at the caret (or press Ctrl+Space when nothing is typed), check the list, accept an item.

void EditorIntelligenceTest::completion_data()
{
    QTest::addColumn<QString>("schemaName");
    QTest::addColumn<QString>("document"); // `|` is the caret before typing
    QTest::addColumn<QString>("typed");    // empty: Ctrl+Space
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<bool>("ordered"); // expected labels appear in this order (required arguments first...)
    QTest::addColumn<QStringList>("absent");
    QTest::addColumn<QString>("accept"); // label to accept; empty: none
    QTest::addColumn<QString>("key");    // "enter", "tab" (keyboard, arrowing down to the item) or "" (accept())
    QTest::addColumn<QString>("result"); // text after accepting, `|` at the caret

    const auto row = [](const char *name, const QString &schema, const QString &document, const QString &typed,
                        const QString &expected, bool ordered, const QString &absent, const QString &accept,
                        const QString &key, const QString &result) {
        QTest::newRow(name) << schema << document << typed << list(expected) << ordered << list(absent) << accept
                            << key << result;
    };
    const QString small = u"small"_s;
    const QString dagster = u"dagster"_s;
    const QString github = u"github"_s;

    // --- small (the library schema: every type-system feature)
    row("small: field names while typing", small, u"{ viewer { | } }"_s, u"dis"_s, u"displayName"_s, false, {},
        u"displayName"_s, u"enter"_s, u"{ viewer { displayName| } }"_s);
    row("small: object field adds braces, caret inside", small, u"{ |}"_s, u"view"_s, u"viewer"_s, false, {},
        u"viewer"_s, u"tab"_s, u"{ viewer { |}}"_s);
    row("small: required argument is written out", small, u"{ |}"_s, u"sea"_s, u"search"_s, false, {},
        u"search"_s, u"enter"_s, u"{ search(text: |) { }}"_s);
    row("small: Ctrl+Space lists the parent's fields", small, u"{ viewer { id | } }"_s, {},
        u"id,displayName,email,tier,loans,favourite,__typename"_s, true, u"search,title,__schema"_s, {}, {}, {});
    row("small: __typename in a union", small, u"{ viewer { favourite { | } } }"_s, u"__t"_s, u"__typename"_s,
        false, u"id,title"_s, u"__typename"_s, u"enter"_s, u"{ viewer { favourite { __typename| } } }"_s);
    row("small: arguments on (, required first", small, u"{ search|) { __typename } }"_s, u"("_s,
        u"text,limit"_s, true, {}, u"limit"_s, u"enter"_s, u"{ search(limit: |) { __typename } }"_s);
    row("small: input object fields inside { }, required first", small,
        u"mutation { checkout(input: {|}) { __typename } }"_s, {}, u"item,memberId,days,note,express"_s, true, {},
        u"memberId"_s, u"enter"_s, u"mutation { checkout(input: {memberId: |}) { __typename } }"_s);
    row("small: enum values of a non-null enum, no null", small, u"{ books(orderBy: {field: |}) { id } }"_s,
        u"T"_s, u"TITLE"_s, false, u"null,ASC"_s, u"TITLE"_s, u"tab"_s,
        u"{ books(orderBy: {field: TITLE|}) { id } }"_s);
    row("small: booleans and null", small, u"{ book(ref: {id: \"1\"}) { rating(precise: |) } }"_s, {},
        u"true,false,null"_s, false, {}, u"false"_s, u"enter"_s,
        u"{ book(ref: {id: \"1\"}) { rating(precise: false|) } }"_s);
    row("small: variables of a matching type", small, u"query Q($n: Int, $s: String, $m: Int!) { books(first: |) { id } }"_s,
        u"$"_s, u"$n,$m"_s, false, u"$s"_s, u"$m"_s, u"enter"_s,
        u"query Q($n: Int, $s: String, $m: Int!) { books(first: $m|) { id } }"_s);
    row("small: directives valid on a field", small, u"{ viewer { id | } }"_s, u"@"_s, u"highlight,include,skip"_s,
        false, u"trace,computed,label,deprecated,oneOf"_s, u"include"_s, u"enter"_s,
        u"{ viewer { id @include(if: |) } }"_s);
    row("small: directives valid on a query", small, u"query Q |{ viewer { id } }"_s, u"@"_s, u"trace"_s, false,
        u"include,skip,highlight"_s, u"trace"_s, u"enter"_s, u"query Q @trace|{ viewer { id } }"_s);
    row("small: directive arguments", small, u"{ viewer { id @highlight|) } }"_s, u"("_s, u"color"_s, false, {},
        u"color"_s, u"enter"_s, u"{ viewer { id @highlight(color: |) } }"_s);
    row("small: directive argument value", small, u"{ viewer { id @highlight(color: |) } }"_s, u"P"_s, u"PINK"_s,
        false, u"YELLOW"_s, u"PINK"_s, {}, u"{ viewer { id @highlight(color: PINK|) } }"_s);
    row("small: fragment names that can apply", small,
        u"{ viewer { ...| } } fragment M on Member { id } fragment B on Book { id } fragment N on Node { id }"_s, {},
        u"M,N,on"_s, true, u"B"_s, u"M"_s, u"enter"_s,
        u"{ viewer { ...M| } } fragment M on Member { id } fragment B on Book { id } fragment N on Node { id }"_s);
    row("small: type conditions limited to possible types", small, u"{ viewer { favourite { ... on | } } }"_s, {},
        u"SearchResult,Book,Magazine,Dvd,Author,Member"_s, false, u"Loan,Query,CheckoutError,Lendable"_s, {}, {},
        {});
    row("small: type condition typed", small, u"{ viewer { favourite { ... on | } } }"_s, u"Dv"_s, u"Dvd"_s, false,
        {}, u"Dvd"_s, u"tab"_s, u"{ viewer { favourite { ... on Dvd| } } }"_s);
    row("small: input types in variable definitions", small, u"query Q($f: |) { books(filter: $f) { id } }"_s,
        u"Book"_s, u"BookFilter,BookOrder,BookField"_s, false, u"Book"_s, u"BookFilter"_s, u"enter"_s,
        u"query Q($f: BookFilter|) { books(filter: $f) { id } }"_s);

    row("small: renaming a field keeps its selection set", small, u"{ vi|ewer { id } }"_s, {}, u"viewer"_s, false, {},
        u"viewer"_s, u"enter"_s, u"{ viewer| { id } }"_s);
    row("small: renaming a field keeps its arguments", small, u"{ sea|rch(text: \"a\") { __typename } }"_s, {},
        u"search"_s, false, {}, u"search"_s, u"enter"_s, u"{ search|(text: \"a\") { __typename } }"_s);
    row("small: renaming an argument keeps its value", small, u"{ search(te|xt: \"a\") { __typename } }"_s, {},
        u"text"_s, false, {}, u"text"_s, u"tab"_s, u"{ search(text|: \"a\") { __typename } }"_s);

    // --- dagster (unions everywhere, RunsFilter, RunStatus)
    row("dagster: object field adds braces", dagster, u"{ |}"_s, u"runs"_s, u"runsOrError"_s, false, {},
        u"runsOrError"_s, u"enter"_s, u"{ runsOrError { |}}"_s);
    row("dagster: required argument is written out", dagster, u"{ |}"_s, u"runOr"_s, u"runOrError"_s, false, {},
        u"runOrError"_s, u"enter"_s, u"{ runOrError(runId: |) { }}"_s);
    row("dagster: union offers only __typename", dagster, u"{ runsOrError { | } }"_s, {}, u"__typename"_s, false,
        u"runId,results,status"_s, {}, {}, {});
    row("dagster: type conditions limited to the union", dagster, u"{ runsOrError { ... on | } }"_s, {},
        u"RunsOrError,Runs,InvalidPipelineRunsFilterError,PythonError"_s, false, u"Run,Query,PipelineRun"_s, {}, {},
        {});
    row("dagster: type condition typed", dagster, u"{ runsOrError { ... on | } }"_s, u"Ru"_s, u"Runs"_s, false, {},
        u"Runs"_s, u"enter"_s, u"{ runsOrError { ... on Runs| } }"_s);
    row("dagster: fields in an inline fragment", dagster, u"{ runsOrError { ... on Runs { results { | } } } }"_s,
        u"stat"_s, u"status"_s, false, {}, u"status"_s, u"enter"_s,
        u"{ runsOrError { ... on Runs { results { status| } } } }"_s);
    row("dagster: arguments on (, required first", dagster, u"{ schedulesOrError|) { __typename } }"_s, u"("_s,
        u"repositorySelector,scheduleStatus"_s, true, {}, u"repositorySelector"_s, u"enter"_s,
        u"{ schedulesOrError(repositorySelector: |) { __typename } }"_s);
    row("dagster: RunsFilter fields inside { }", dagster, u"{ runsOrError(filter: {|}) { __typename } }"_s,
        u"st"_s, u"statuses"_s, false, {}, u"statuses"_s, u"tab"_s,
        u"{ runsOrError(filter: {statuses: |}) { __typename } }"_s);
    row("dagster: RunStatus values in a list", dagster,
        u"{ runsOrError(filter: {statuses: [|]}) { __typename } }"_s, u"SU"_s, u"SUCCESS"_s, false, u"QUEUED,null"_s,
        u"SUCCESS"_s, u"enter"_s, u"{ runsOrError(filter: {statuses: [SUCCESS|]}) { __typename } }"_s);
    row("dagster: variables of a matching type", dagster,
        u"query Q($f: RunsFilter, $l: Int, $s: String) { runsOrError(filter: |) { __typename } }"_s, u"$"_s,
        u"$f"_s, false, u"$l,$s"_s, u"$f"_s, u"enter"_s,
        u"query Q($f: RunsFilter, $l: Int, $s: String) { runsOrError(filter: $f|) { __typename } }"_s);
    row("dagster: directives valid on a field", dagster, u"{ version |}"_s, u"@"_s, u"include,skip"_s, false,
        u"deprecated,specifiedBy,oneOf"_s, u"skip"_s, u"enter"_s, u"{ version @skip(if: |)}"_s);
    row("dagster: input types in variable definitions", dagster, u"query Q($f: |) { __typename }"_s, u"RunsF"_s,
        u"RunsFilter"_s, false, u"Runs,RunsOrError"_s, u"RunsFilter"_s, u"enter"_s,
        u"query Q($f: RunsFilter|) { __typename }"_s);
    row("dagster: fragment names that can apply", dagster,
        u"{ runsOrError { ...| } } fragment R on Runs { count } fragment P on PythonError { message } "
        u"fragment X on Run { runId }"_s,
        {}, u"R,P,on"_s, true, u"X"_s, u"P"_s, u"enter"_s,
        u"{ runsOrError { ...P| } } fragment R on Runs { count } fragment P on PythonError { message } "
        u"fragment X on Run { runId }"_s);

    // --- github (the big one: 1,600 types)
    row("github: required arguments are written out", github, u"{ |}"_s, u"repos"_s, u"repository"_s, false, {},
        u"repository"_s, u"enter"_s, u"{ repository(owner: |, name: ) { }}"_s);
    row("github: arguments on (, required first", github, u"{ repository|) { id } }"_s, u"("_s,
        u"owner,name,followRenames"_s, true, {}, u"followRenames"_s, u"enter"_s,
        u"{ repository(followRenames: |) { id } }"_s);
    row("github: IssueState values, no null in a non-null list item", github,
        u"{ repository(owner: \"a\", name: \"b\") { issues(states: [|]) { totalCount } } }"_s, {}, u"CLOSED,OPEN"_s,
        false, u"null,COMPLETED"_s, u"OPEN"_s, u"enter"_s,
        u"{ repository(owner: \"a\", name: \"b\") { issues(states: [OPEN|]) { totalCount } } }"_s);
    row("github: IssueFilters fields inside { }", github,
        u"{ repository(owner: \"a\", name: \"b\") { issues(filterBy: {|}) { totalCount } } }"_s, u"sta"_s,
        u"states"_s, false, {}, u"states"_s, u"enter"_s,
        u"{ repository(owner: \"a\", name: \"b\") { issues(filterBy: {states: |}) { totalCount } } }"_s);
    row("github: booleans and null", github, u"{ repository(owner: \"a\", name: \"b\", followRenames: |) { id } }"_s,
        {}, u"true,false,null"_s, false, {}, u"true"_s, u"tab"_s,
        u"{ repository(owner: \"a\", name: \"b\", followRenames: true|) { id } }"_s);
    row("github: variables of a matching type", github,
        u"query Q($s: [IssueState!], $f: IssueFilters, $n: Int) { repository(owner: \"a\", name: \"b\") "
        u"{ issues(states: |) { totalCount } } }"_s,
        u"$"_s, u"$s"_s, false, u"$f,$n"_s, u"$s"_s, u"enter"_s,
        u"query Q($s: [IssueState!], $f: IssueFilters, $n: Int) { repository(owner: \"a\", name: \"b\") "
        u"{ issues(states: $s|) { totalCount } } }"_s);
    row("github: directives valid on a field", github, u"{ viewer { login |} }"_s, u"@"_s, u"include,skip"_s, false,
        u"requiredCapabilities,deprecated,oneOf"_s, u"include"_s, u"enter"_s,
        u"{ viewer { login @include(if: |)} }"_s);
    row("github: directive arguments", github, u"{ viewer { login @skip|) } }"_s, u"("_s, u"if"_s, false, {},
        u"if"_s, u"enter"_s, u"{ viewer { login @skip(if: |) } }"_s);
    row("github: type conditions limited to the union", github,
        u"{ repository(owner: \"a\", name: \"b\") { issueOrPullRequest(number: 1) { ... on | } } }"_s, {},
        u"IssueOrPullRequest,Issue,PullRequest"_s, false, u"Repository,User,Node"_s, {}, {}, {});
    row("github: type condition typed", github,
        u"{ repository(owner: \"a\", name: \"b\") { issueOrPullRequest(number: 1) { ... on | } } }"_s, u"Pu"_s,
        u"PullRequest"_s, false, {}, u"PullRequest"_s, u"enter"_s,
        u"{ repository(owner: \"a\", name: \"b\") { issueOrPullRequest(number: 1) { ... on PullRequest| } } }"_s);
    row("github: fragment names that can apply", github,
        u"query { viewer { ...| } } fragment U on User { login } fragment A on Actor { login } "
        u"fragment R on Repository { name }"_s,
        {}, u"U,A,on"_s, true, u"R"_s, u"A"_s, u"enter"_s,
        u"query { viewer { ...A| } } fragment U on User { login } fragment A on Actor { login } "
        u"fragment R on Repository { name }"_s);
    row("github: input types in variable definitions", github, u"query Q($f: |) { viewer { login } }"_s,
        u"Issue"_s, u"IssueFilters,IssueOrder,IssueState"_s, false, u"Issue,IssueConnection,IssueOrPullRequest"_s,
        u"IssueFilters"_s, u"enter"_s, u"query Q($f: IssueFilters|) { viewer { login } }"_s);
    row("github: __typename", github, u"{ viewer { | } }"_s, u"__ty"_s, u"__typename"_s, false, u"__schema"_s,
        u"__typename"_s, u"enter"_s, u"{ viewer { __typename| } }"_s);
}

void EditorIntelligenceTest::completion()
{
    QFETCH(QString, schemaName);
    QFETCH(QString, document);
    QFETCH(QString, typed);
    QFETCH(QStringList, expected);
    QFETCH(bool, ordered);
    QFETCH(QStringList, absent);
    QFETCH(QString, accept);
    QFETCH(QString, key);
    QFETCH(QString, result);

    EditorUnderTest under(schema(schemaName));
    QVERIFY(under.showAndFocus());
    QsciScintilla *editor = &under.editor;
    const auto [text, caret] = splitCaret(document);
    editor->setText(text);
    placeCaret(editor, text, caret);
    if (typed.isEmpty())
        QTest::keyClick(editor, Qt::Key_Space, Qt::ControlModifier);
    else
        QTest::keyClicks(editor, typed);

    const QStringList labels = labelsOf(under.completion->items());
    QVERIFY2(editor->isListActive(), qPrintable(textWithCaret(editor)));
    qsizetype previous = -1;
    for (const QString &label : std::as_const(expected)) {
        const qsizetype at = labels.indexOf(label);
        QVERIFY2(at >= 0, qPrintable(label + u" missing from: "_s + labels.mid(0, 40).join(u',')));
        if (ordered)
            QVERIFY2(at > previous, qPrintable(label + u" out of order in: "_s + labels.mid(0, 40).join(u',')));
        previous = at;
    }
    for (const QString &label : std::as_const(absent))
        QVERIFY2(!labels.contains(label), qPrintable(label + u" should not be offered"_s));
    if (accept.isEmpty())
        return;

    const int index = int(labels.indexOf(accept));
    QVERIFY(index >= 0);
    if (key.isEmpty()) {
        QVERIFY(under.completion->accept(index));
    } else {
        for (int i = 0; i < index; ++i)
            QTest::keyClick(editor, Qt::Key_Down);
        QTest::keyClick(editor, key == u"tab" ? Qt::Key_Tab : Qt::Key_Return);
    }
    QVERIFY(!editor->isListActive());
    QCOMPARE(textWithCaret(editor), result);
}

void EditorIntelligenceTest::completionWithTheCaretOffScreen()
{
    // A window partly off the desktop: the caret is on no screen, where QScintilla cannot place its list.
    EditorUnderTest under(schema(u"small"_s));
    QVERIFY(under.showAndFocus());
    QsciScintilla *editor = &under.editor;
    const QString text = u"{ viewer { id } }"_s + QString(200, u' ');
    editor->setText(text);
    const QRect screen = editor->screen()->geometry();
    editor->move(screen.right() - 40, 20);
    placeCaret(editor, text, int(text.size()));
    const int position = int(editor->SendScintilla(QsciScintilla::SCI_GETCURRENTPOS));
    const QPoint caret(int(editor->SendScintilla(QsciScintilla::SCI_POINTXFROMPOSITION, 0UL, position)),
                       int(editor->SendScintilla(QsciScintilla::SCI_POINTYFROMPOSITION, 0UL, position)));
    QVERIFY(!QGuiApplication::screenAt(editor->viewport()->mapToGlobal(caret)));
    QTest::keyClicks(editor, u"qu"_s);
    QVERIFY(!editor->isListActive());
    QVERIFY(labelsOf(under.completion->items()).contains(u"query"_s)); // computed, just not shown there
    QCOMPARE(editor->text(), text + u"qu"_s);
}

// ---------------------------------------------------------------------------------------------------------------
// Diagnostics: typed documents with «the underlined range»; the message shows on hover.

void EditorIntelligenceTest::diagnostics_data()
{
    QTest::addColumn<QString>("schemaName");
    QTest::addColumn<QString>("document"); // «» around the range that must be underlined
    QTest::addColumn<QString>("message");

    const auto row = [](const char *name, const QString &schema, const QString &document, const QString &message) {
        QTest::newRow(name) << schema << document << message;
    };
    row("small: unknown field", u"small"_s, u"{ viewer { «nope» } }"_s,
        u"Cannot query field \"nope\" on type \"Member\"."_s);
    row("small: missing required argument", u"small"_s, u"{ «search» { __typename } }"_s,
        u"Field \"search\" argument \"text\" of type \"String!\" is required, but it was not provided."_s);
    row("small: unexpected end of document", u"small"_s, u"{ viewer { id «}»"_s,
        u"Syntax Error: Expected Name, found <EOF>."_s);
    row("small: unexpected character", u"small"_s, u"{ viewer { «^» } }"_s,
        u"Syntax Error: Unexpected character: \"^\"."_s);
    row("small: range after non-ASCII text", u"small"_s, u"{ search(text: \"Zoë 中文\") { «nope» } }"_s,
        u"Cannot query field \"nope\" on type \"SearchResult\"."_s);
    row("dagster: enum value not in RunStatus", u"dagster"_s,
        u"{ runsOrError(filter: {statuses: [«DONE»]}) { __typename } }"_s,
        u"Value \"DONE\" does not exist in \"RunStatus\" enum."_s);
    row("dagster: undefined variable, whole token", u"dagster"_s,
        u"query Q { runOrError(runId: «$id») { __typename } }"_s,
        u"Variable \"$id\" is not defined by operation \"Q\"."_s);
    row("dagster: unknown directive, whole token", u"dagster"_s, u"{ version «@cached» }"_s,
        u"Unknown directive \"@cached\"."_s);
    row("github: Int argument given a string", u"github"_s,
        u"{ viewer { repositories(first: «\"ten\"») { totalCount } } }"_s,
        u"Int cannot represent non-integer value: \"ten\""_s);
    row("github: leaf selection missing", u"github"_s, u"{ «viewer» }"_s,
        u"Field \"viewer\" of type \"User!\" must have a selection of subfields. Did you mean \"viewer { ... }\"?"_s);
}

void EditorIntelligenceTest::diagnostics()
{
    QFETCH(QString, schemaName);
    QFETCH(QString, document);
    QFETCH(QString, message);
    const qsizetype start = document.indexOf(u'«');
    QString text = document;
    text.remove(start, 1);
    const qsizetype end = text.indexOf(u'»');
    text.remove(end, 1);

    EditorUnderTest under(schema(schemaName));
    QVERIFY(under.showAndFocus());
    QsciScintilla *editor = &under.editor;
    typeText(editor, text);
    if (editor->isListActive())
        editor->cancelList();
    QCOMPARE(editor->text(), text);

    const int from = bytePosition(text, int(start));
    const int to = bytePosition(text, int(end));
    QTRY_VERIFY_WITH_TIMEOUT(
        editor->SendScintilla(QsciScintilla::SCI_INDICATORVALUEAT, App::ErrorIndicator, from) != 0, 10000);
    QCOMPARE(int(editor->SendScintilla(QsciScintilla::SCI_INDICATORSTART, App::ErrorIndicator, from)), from);
    QCOMPARE(int(editor->SendScintilla(QsciScintilla::SCI_INDICATOREND, App::ErrorIndicator, from)), to);

    QStringList messages;
    for (const App::Diagnostic &diagnostic : under.diagnostics->diagnostics())
        messages << diagnostic.message;
    QVERIFY2(messages.contains(message), qPrintable(messages.join(u'\n')));
    // Hovering the squiggle shows the message.
    const QString tooltip = under.hover->tooltipAt(int(start));
    QVERIFY2(tooltip.contains(message.toHtmlEscaped()), qPrintable(tooltip));
}

void EditorIntelligenceTest::diagnosticsAreDebouncedAndNeverStale()
{
    EditorUnderTest under(schema(u"small"_s));
    QVERIFY(under.showAndFocus());
    QsciScintilla *editor = &under.editor;
    QSignalSpy changed(under.diagnostics, &App::EditorDiagnostics::diagnosticsChanged);

    // Fast typing: one check after the burst (debounced), on the final text (a check of the empty text still
    // running from setSchema() is dropped by the first keystroke).
    const QString typed = u"{ viewer { displayName tier } }"_s;
    QTest::keyClicks(editor, typed);
    if (editor->isListActive())
        editor->cancelList();
    QTRY_VERIFY_WITH_TIMEOUT(changed.size() >= 1, 10000);
    QTest::qWait(0);
    QCOMPARE(changed.size(), 1);
    QVERIFY(under.diagnostics->diagnostics().isEmpty());

    // A check of an invalid text is running when the text becomes valid: its result is dropped, the first result
    // shown is that of the valid text.
    changed.clear();
    const QString invalid = u"{ viewer { nope } }"_s;
    editor->setText(invalid);
    under.diagnostics->refreshNow();
    editor->setText(typed);
    QTRY_VERIFY_WITH_TIMEOUT(changed.size() >= 1, 10000);
    QVERIFY2(under.diagnostics->diagnostics().isEmpty(), qPrintable(under.diagnostics->summary()));
    const int at = bytePosition(typed, int(typed.indexOf(u"tier")));
    QCOMPARE(editor->SendScintilla(QsciScintilla::SCI_INDICATORVALUEAT, App::ErrorIndicator, at), 0L);

    // And the other way round: the squiggle follows the last text only.
    changed.clear();
    editor->setText(typed);
    under.diagnostics->refreshNow();
    editor->setText(invalid);
    QTRY_VERIFY_WITH_TIMEOUT(changed.size() >= 1, 10000);
    QCOMPARE(under.diagnostics->diagnostics().size(), 1);
    const int nope = bytePosition(invalid, int(invalid.indexOf(u"nope")));
    QVERIFY(editor->SendScintilla(QsciScintilla::SCI_INDICATORVALUEAT, App::ErrorIndicator, nope) != 0);
}

// ---------------------------------------------------------------------------------------------------------------
// Hover: the tooltip of fields, arguments, types, enum values, input fields and directives.

void EditorIntelligenceTest::hover_data()
{
    QTest::addColumn<QString>("schemaName");
    QTest::addColumn<QString>("document"); // `|` where the mouse rests
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<QStringList>("absent");

    const auto row = [](const char *name, const QString &schema, const QString &document, const QStringList &expected,
                        const QStringList &absent) { QTest::newRow(name) << schema << document << expected << absent; };
    const QString small = u"small"_s;
    const QString dagster = u"dagster"_s;
    const QString github = u"github"_s;
    const QString backtick = u"`"_s;

    row("small: deprecated field, Markdown reason", small, u"{ allBo|oks { id } }"_s,
        {u"Query.allBooks: [Book]"_s, u"Deprecated root field."_s, u"Deprecated"_s, u"with pagination"_s},
        {backtick});
    row("small: deprecated argument", small, u"{ book(ref: {id: \"1\"}) { rating(pre|cise: true) } }"_s,
        {u"Book.rating(precise: Boolean = false)"_s, u"Always precise now."_s}, {});
    row("small: type", small, u"query ($r: Item|Ref!) { book(ref: $r) { id } }"_s,
        {u"ItemRef"_s, u"Exactly one way of identifying an item must be given."_s}, {u"Deprecated"_s});
    row("small: deprecated enum value", small, u"{ books(filter: {formats: [CASS|ETTE]}) { id } }"_s,
        {u"Format.CASSETTE"_s, u"No longer stocked."_s}, {});
    row("small: deprecated input field", small, u"{ books(filter: {title|Like: \"a\"}) { id } }"_s,
        {u"BookFilter.titleLike: String"_s, u"Old spelling of titleContains."_s, u"Use titleContains."_s}, {});
    row("small: directive", small, u"{ viewer { id @high|light } }"_s,
        {u"@highlight(color: Color = YELLOW)"_s, u"Client-side directive: wrap the field in a span for highlighting."_s},
        {});
    row("small: multi-line Markdown description", small, u"{ node(id: \"1\") { ... on Author { b|io } } }"_s,
        {u"Author.bio: String"_s, u"Long-form biography."_s, u"Zoë"_s}, {});
    row("dagster: field", dagster, u"{ runs|OrError { __typename } }"_s,
        {u"Query.runsOrError(filter: RunsFilter, cursor: String, limit: Int): RunsOrError!"_s}, {});
    row("dagster: argument", dagster, u"{ runsOrError(fil|ter: {}) { __typename } }"_s,
        {u"Query.runsOrError(filter: RunsFilter)"_s}, {});
    row("dagster: enum value", dagster, u"{ runsOrError(filter: {statuses: [SUCC|ESS]}) { __typename } }"_s,
        {u"RunStatus.SUCCESS"_s}, {});
    row("dagster: input type", dagster, u"query ($f: Runs|Filter) { runsOrError(filter: $f) { __typename } }"_s,
        {u"RunsFilter"_s}, {});
    row("dagster: directive, Markdown description", dagster, u"{ version @sk|ip(if: true) }"_s,
        {u"@skip(if: Boolean!)"_s, u"Directs the executor to skip this field or fragment when the"_s}, {backtick});
    row("github: field", github, u"{ repos|itory(owner: \"a\", name: \"b\") { id } }"_s,
        {u"Query.repository("_s, u"Lookup a given repository by the owner and repository name."_s}, {});
    row("github: argument", github, u"{ repository(owner: \"a\", name: \"b\", follow|Renames: true) { id } }"_s,
        {u"Query.repository(followRenames: Boolean = true)"_s, u"Follow repository renames."_s}, {});
    row("github: enum value", github,
        u"{ repository(owner: \"a\", name: \"b\") { issues(states: [OP|EN]) { totalCount } } }"_s,
        {u"IssueState.OPEN"_s, u"An issue that is still open"_s}, {});
    row("github: input type", github,
        u"query ($f: IssueFil|ters) { repository(owner: \"a\", name: \"b\") { issues(filterBy: $f) { totalCount } } }"_s,
        {u"IssueFilters"_s, u"Ways in which to filter lists of issues."_s}, {});
    row("github: deprecated field, Markdown reason", github,
        u"{ repository(owner: \"a\", name: \"b\") { issue(number: 1) { timel|ine(first: 1) { totalCount } } } }"_s,
        {u"Issue.timeline("_s, u"Deprecated"_s, u"Use Issue.timelineItems instead."_s}, {backtick});
    row("github: directive", github, u"{ viewer { login @incl|ude(if: true) } }"_s,
        {u"@include(if: Boolean!)"_s, u"Directs the executor to include this field or fragment only when the"_s},
        {backtick});
}

void EditorIntelligenceTest::hover()
{
    QFETCH(QString, schemaName);
    QFETCH(QString, document);
    QFETCH(QStringList, expected);
    QFETCH(QStringList, absent);
    EditorUnderTest under(schema(schemaName));
    const auto [text, offset] = splitCaret(document);
    under.editor.setText(text);
    const QString tooltip = under.hover->tooltipAt(offset);
    QVERIFY2(!tooltip.isEmpty(), qPrintable(text));
    for (const QString &part : std::as_const(expected))
        QVERIFY2(tooltip.contains(part.toHtmlEscaped()), qPrintable(part + u" not in: "_s + tooltip));
    for (const QString &part : std::as_const(absent))
        QVERIFY2(!tooltip.contains(part), qPrintable(part + u" in: "_s + tooltip));
}

void EditorIntelligenceTest::ctrlClickActivatesTheElement_data()
{
    QTest::addColumn<QString>("schemaName");
    QTest::addColumn<QString>("document"); // `|` where the mouse clicks
    QTest::addColumn<QString>("typeName");
    QTest::addColumn<QString>("fieldName");
    QTest::newRow("small: field") << u"small"_s << u"{ view|er { id } }"_s << u"Query"_s << u"viewer"_s;
    QTest::newRow("dagster: argument") << u"dagster"_s << u"{ runsOrError(fil|ter: {}) { __typename } }"_s
                                       << u"Query"_s << u"runsOrError"_s;
    QTest::newRow("github: type") << u"github"_s << u"query ($f: IssueFil|ters) { viewer { login } }"_s
                                  << u"IssueFilters"_s << QString();
    QTest::newRow("github: enum value")
        << u"github"_s << u"{ repository(owner: \"a\", name: \"b\") { issues(states: [OP|EN]) { totalCount } } }"_s
        << u"IssueState"_s << QString();
    QTest::newRow("small: input field") << u"small"_s << u"{ books(filter: {genr|es: [POETRY]}) { id } }"_s
                                        << u"BookFilter"_s << u"genres"_s;
}

void EditorIntelligenceTest::ctrlClickActivatesTheElement()
{
    QFETCH(QString, schemaName);
    QFETCH(QString, document);
    QFETCH(QString, typeName);
    QFETCH(QString, fieldName);
    EditorUnderTest under(schema(schemaName));
    QVERIFY(under.showAndFocus());
    const auto [text, offset] = splitCaret(document);
    under.editor.setText(text);
    const int position = bytePosition(text, offset);
    const int x = int(under.editor.SendScintilla(QsciScintilla::SCI_POINTXFROMPOSITION, 0UL, position));
    const int y = int(under.editor.SendScintilla(QsciScintilla::SCI_POINTYFROMPOSITION, 0UL, position));
    const int height = int(under.editor.SendScintilla(QsciScintilla::SCI_TEXTHEIGHT, 0));
    QSignalSpy activated(under.hover, &App::EditorHover::schemaElementActivated);
    QTest::mouseClick(under.editor.viewport(), Qt::LeftButton, Qt::ControlModifier, QPoint(x + 1, y + height / 2));
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.first().at(0).toString(), typeName);
    QCOMPARE(activated.first().at(1).toString(), fieldName);
    // A plain click only moves the caret.
    QTest::mouseClick(under.editor.viewport(), Qt::LeftButton, Qt::NoModifier, QPoint(x + 1, y + height / 2));
    QCOMPARE(activated.size(), 1);
}

void EditorIntelligenceTest::ctrlClickActivatesTheDirective_data()
{
    QTest::addColumn<QString>("schemaName");
    QTest::addColumn<QString>("document"); // `|` where the mouse clicks
    QTest::addColumn<QString>("directiveName");
    QTest::addColumn<QString>("argumentName");
    QTest::newRow("small: custom directive") << u"small"_s << u"{ viewer { id @highl|ight } }"_s << u"highlight"_s
                                             << QString();
    QTest::newRow("small: custom directive's argument")
        << u"small"_s << u"{ viewer { id @highlight(col|or: RED) } }"_s << u"highlight"_s << u"color"_s;
    QTest::newRow("small: type-system directive by name")
        << u"small"_s << u"{ viewer { id @la|bel(name: \"x\") } }"_s << u"label"_s << QString();
    QTest::newRow("small: on the operation") << u"small"_s << u"query Q @tr|ace(tag: \"t\") { viewer { id } }"_s
                                             << u"trace"_s << QString();
    QTest::newRow("github: @include") << u"github"_s << u"{ viewer { login @incl|ude(if: true) } }"_s
                                      << u"include"_s << QString();
    QTest::newRow("github: @skip(if:)") << u"github"_s << u"{ viewer { login @skip(i|f: false) } }"_s << u"skip"_s
                                        << u"if"_s;
    QTest::newRow("github: @deprecated") << u"github"_s << u"{ viewer { login @deprec|ated } }"_s
                                         << u"deprecated"_s << QString();
}

void EditorIntelligenceTest::ctrlClickActivatesTheDirective()
{
    QFETCH(QString, schemaName);
    QFETCH(QString, document);
    QFETCH(QString, directiveName);
    QFETCH(QString, argumentName);
    EditorUnderTest under(schema(schemaName));
    QVERIFY(under.showAndFocus());
    const auto [text, offset] = splitCaret(document);
    under.editor.setText(text);
    const int position = bytePosition(text, offset);
    const int x = int(under.editor.SendScintilla(QsciScintilla::SCI_POINTXFROMPOSITION, 0UL, position));
    const int y = int(under.editor.SendScintilla(QsciScintilla::SCI_POINTYFROMPOSITION, 0UL, position));
    const int height = int(under.editor.SendScintilla(QsciScintilla::SCI_TEXTHEIGHT, 0));
    QSignalSpy directives(under.hover, &App::EditorHover::directiveActivated);
    QSignalSpy elements(under.hover, &App::EditorHover::schemaElementActivated);
    QTest::mouseClick(under.editor.viewport(), Qt::LeftButton, Qt::ControlModifier, QPoint(x + 1, y + height / 2));
    QCOMPARE(directives.size(), 1);
    QCOMPARE(directives.first().at(0).toString(), directiveName);
    QCOMPARE(directives.first().at(1).toString(), argumentName);
    QCOMPARE(elements.size(), 0);
    // Without a schema there is nothing to show: the click is an ordinary click.
    under.hover->setSchema(nullptr);
    QVERIFY(!under.hover->activateAt(offset));
    QCOMPARE(directives.size(), 1);
}

QTEST_MAIN(EditorIntelligenceTest)
#include "editorintelligence_test.moc"
