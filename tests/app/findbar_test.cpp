// SPDX-License-Identifier: MIT
// Sextant: the find / replace bar on a real QsciScintilla: counting, navigation, options, replace, undo, keys.
#include <app/editor/editorsetup.h>
#include <app/editor/findbar.h>

#include <Qsci/qsciscintilla.h>

#include <QAction>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Sextant;
using namespace Qt::StringLiterals;

namespace {

/// A window with an editor above the bar, as the main window arranges them; the bar's actions are on the window.
struct Fixture
{
    QWidget window;
    QsciScintilla *editor;
    App::FindBar *bar;

    explicit Fixture(const QString &text) : editor(new QsciScintilla(&window)), bar(new App::FindBar(&window))
    {
        auto *layout = new QVBoxLayout(&window);
        layout->addWidget(editor);
        layout->addWidget(bar);
        App::configureCodeEditor(editor);
        editor->setText(text);
        editor->SendScintilla(QsciScintilla::SCI_EMPTYUNDOBUFFER);
        editor->setCursorPosition(0, 0);
        bar->hide();
        bar->setEditor(editor);
        window.addActions(bar->editActions());
        window.resize(800, 500);
        window.show();
    }

    QToolButton *toggle(const char *name) const { return bar->findChild<QToolButton *>(QLatin1StringView(name)); }
    QLabel *status() const { return bar->findChild<QLabel *>(u"statusLabel"_s); }
    int selectionStart() const { return int(editor->SendScintilla(QsciScintilla::SCI_GETSELECTIONSTART)); }
    int selectionEnd() const { return int(editor->SendScintilla(QsciScintilla::SCI_GETSELECTIONEND)); }
    bool highlighted(int bytePosition) const
    {
        return editor->SendScintilla(QsciScintilla::SCI_INDICATORVALUEAT, App::FindIndicator, bytePosition) != 0;
    }
};

} // namespace

class FindBarTest : public QObject
{
    Q_OBJECT

private slots:
    void countsMatches_data();
    void countsMatches();
    void nextAndPreviousWrap();
    void searchesFromTheCaret();
    void invalidRegularExpression();
    void replaceOne();
    void replaceAllIsOneUndoStep_data();
    void replaceAllIsOneUndoStep();
    void escapeHidesAndRefocusesEditor();
    void opensWithSelectionAndShortcuts();
    void followsDocumentEditsAndEditorSwitch();
    void largeDocumentStaysFast();
};

void FindBarTest::countsMatches_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<bool>("matchCase");
    QTest::addColumn<bool>("wholeWord");
    QTest::addColumn<bool>("regex");
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("firstMatch");

    const QString words = u"Foo foo FOO food\nfoo_bar"_s;
    QTest::newRow("ignore case") << words << u"foo"_s << false << false << false << 5 << u"Foo"_s;
    QTest::newRow("match case") << words << u"foo"_s << true << false << false << 3 << u"foo"_s;
    QTest::newRow("whole word") << words << u"foo"_s << false << true << false << 3 << u"Foo"_s;
    QTest::newRow("whole word, match case") << words << u"foo"_s << true << true << false << 1 << u"foo"_s;
    QTest::newRow("plain text is not a pattern")
        << u"a.b axb a.b"_s << u"a.b"_s << false << false << false << 2 << u"a.b"_s;
    QTest::newRow("regex") << u"id1 id22 idx"_s << u"id\\d+"_s << false << false << true << 2 << u"id1"_s;
    QTest::newRow("regex anchors per line")
        << u"query A\nquery B\n  query C"_s << u"^query"_s << false << false << true << 2 << u"query"_s;
    QTest::newRow("regex, whole word") << u"id1 xid2 id3"_s << u"id\\d"_s << false << true << true << 2 << u"id1"_s;
    QTest::newRow("empty matches skipped") << u"aa b aaa"_s << u"a*"_s << false << false << true << 2 << u"aa"_s;
    QTest::newRow("after multi-byte text")
        << u"é€😀 name\n€ name"_s << u"name"_s << false << false << false << 2 << u"name"_s;
    QTest::newRow("no results") << words << u"bar baz"_s << false << false << false << 0 << QString();
}

void FindBarTest::countsMatches()
{
    QFETCH(QString, text);
    QFETCH(QString, pattern);
    QFETCH(bool, matchCase);
    QFETCH(bool, wholeWord);
    QFETCH(bool, regex);
    QFETCH(int, count);
    QFETCH(QString, firstMatch);
    Fixture f(text);
    f.bar->openFind();
    f.toggle("matchCaseButton")->setChecked(matchCase);
    f.toggle("wholeWordButton")->setChecked(wholeWord);
    f.toggle("regexButton")->setChecked(regex);
    QTest::keyClicks(f.bar->findEdit(), pattern);
    QCOMPARE(f.bar->findEdit()->text(), pattern);
    QCOMPARE(f.bar->matchCount(), count);
    if (count == 0) {
        QCOMPARE(f.bar->currentMatch(), 0);
        QCOMPARE(f.bar->statusText(), u"No results"_s);
        return;
    }
    // Typing selects the first match after the caret (at 0): "1 of N", and every match is highlighted.
    QCOMPARE(f.bar->currentMatch(), 1);
    QCOMPARE(f.editor->selectedText(), firstMatch);
    QCOMPARE(f.bar->statusText(), u"1 of %1"_s.arg(count));
    QVERIFY(f.highlighted(f.selectionStart()));
    QVERIFY(f.highlighted(f.selectionEnd() - 1));
    int highlightedRuns = 0;
    const int length = int(f.editor->SendScintilla(QsciScintilla::SCI_GETLENGTH));
    for (int position = 0; position < length;) {
        const int end = int(f.editor->SendScintilla(QsciScintilla::SCI_INDICATOREND, App::FindIndicator, position));
        if (f.highlighted(position))
            ++highlightedRuns;
        if (end <= position)
            break;
        position = end;
    }
    QVERIFY(highlightedRuns >= 1 && highlightedRuns <= count); // adjacent matches merge into one run
}

void FindBarTest::nextAndPreviousWrap()
{
    const QString text = u"alpha beta alpha gamma\nalpha"_s;
    QList<int> starts; // byte positions; the text is ASCII
    for (qsizetype at = text.indexOf(u"alpha"); at >= 0; at = text.indexOf(u"alpha", at + 1))
        starts << int(at);
    Fixture f(text);
    f.bar->openFind();
    QTest::keyClicks(f.bar->findEdit(), u"alpha"_s);
    QCOMPARE(f.bar->matchCount(), 3);
    QCOMPARE(f.selectionStart(), starts.at(0));

    QTest::keyClick(f.bar->findEdit(), Qt::Key_Return); // Enter = next
    QCOMPARE(f.bar->currentMatch(), 2);
    QCOMPARE(f.selectionStart(), starts.at(1));
    QCOMPARE(f.selectionEnd(), starts.at(1) + 5);
    f.bar->findNext();
    QCOMPARE(f.selectionStart(), starts.at(2));
    QCOMPARE(f.bar->statusText(), u"3 of 3"_s);
    f.bar->findNextAction()->trigger(); // wraps to the top
    QCOMPARE(f.bar->currentMatch(), 1);
    QCOMPARE(f.selectionStart(), starts.at(0));
    QTest::keyClick(f.bar->findEdit(), Qt::Key_Return, Qt::ShiftModifier); // Shift+Enter = previous, wraps
    QCOMPARE(f.bar->currentMatch(), 3);
    QCOMPARE(f.selectionStart(), starts.at(2));
    f.bar->findPreviousAction()->trigger();
    QCOMPARE(f.bar->currentMatch(), 2);
    QCOMPARE(f.selectionStart(), starts.at(1));
    QTest::mouseClick(f.bar->findChild<QToolButton *>(u"previousButton"_s), Qt::LeftButton);
    QCOMPARE(f.bar->currentMatch(), 1);
    QTest::mouseClick(f.bar->findChild<QToolButton *>(u"nextButton"_s), Qt::LeftButton);
    QCOMPARE(f.bar->currentMatch(), 2);
}

void FindBarTest::searchesFromTheCaret()
{
    Fixture f(u"one two one two one"_s);
    f.bar->openFind();
    QTest::keyClicks(f.bar->findEdit(), u"one"_s);
    QCOMPARE(f.bar->matchCount(), 3);
    f.editor->SendScintilla(QsciScintilla::SCI_GOTOPOS, 5); // inside "two": not a match any more
    QCOMPARE(f.bar->currentMatch(), 0);
    QCOMPARE(f.bar->statusText(), u"3 results"_s);
    f.bar->findNext();
    QCOMPARE(f.selectionStart(), 8);
    f.editor->SendScintilla(QsciScintilla::SCI_GOTOPOS, 10);
    f.bar->findPrevious();
    QCOMPARE(f.selectionStart(), 8);
    f.editor->SendScintilla(QsciScintilla::SCI_GOTOPOS, 1);
    f.bar->findPrevious(); // the match the caret is in starts before it
    QCOMPARE(f.selectionStart(), 0);
    f.editor->SendScintilla(QsciScintilla::SCI_GOTOPOS, 0);
    f.bar->findPrevious(); // nothing before the caret: wraps to the last match
    QCOMPARE(f.selectionStart(), 16);
}

void FindBarTest::invalidRegularExpression()
{
    Fixture f(u"(ab) ab"_s);
    f.bar->openFind();
    f.toggle("regexButton")->setChecked(true);
    QTest::keyClicks(f.bar->findEdit(), u"(ab"_s);
    QCOMPARE(f.bar->matchCount(), 0);
    const QString expected = QRegularExpression(u"(ab"_s).errorString();
    QVERIFY(!expected.isEmpty());
    QVERIFY2(f.bar->statusText().contains(expected), qPrintable(f.bar->statusText()));
    const QColor error = f.status()->palette().color(QPalette::WindowText);
    QVERIFY(error.red() > 2 * error.green() && error.red() > 2 * error.blue());
    QVERIFY(!f.highlighted(0));

    QTest::keyClicks(f.bar->findEdit(), u")"_s);
    QCOMPARE(f.bar->matchCount(), 2);
    QCOMPARE(f.bar->statusText(), u"1 of 2"_s);
    QVERIFY(f.status()->palette().color(QPalette::WindowText) != error);

    f.toggle("regexButton")->setChecked(false); // as plain text "(ab)" occurs once
    QCOMPARE(f.bar->matchCount(), 1);
}

void FindBarTest::replaceOne()
{
    Fixture f(u"foo bar foo\nfoo"_s);
    f.bar->openReplace();
    QVERIFY(f.bar->isReplaceVisible());
    QTest::keyClicks(f.bar->findEdit(), u"foo"_s);
    QTest::keyClicks(f.bar->replaceEdit(), u"baz"_s);
    QCOMPARE(f.bar->currentMatch(), 1);

    QTest::mouseClick(f.bar->findChild<QPushButton *>(u"replaceButton"_s), Qt::LeftButton);
    QCOMPARE(f.editor->text(), u"baz bar foo\nfoo"_s);
    QCOMPARE(f.bar->matchCount(), 2);
    QCOMPARE(f.bar->currentMatch(), 1); // the next match is selected
    QCOMPARE(f.selectionStart(), 8);

    QTest::keyClick(f.bar->replaceEdit(), Qt::Key_Return); // Enter in the replace field replaces
    QCOMPARE(f.editor->text(), u"baz bar baz\nfoo"_s);
    f.bar->replace();
    QCOMPARE(f.editor->text(), u"baz bar baz\nbaz"_s);
    QCOMPARE(f.bar->matchCount(), 0);
    QCOMPARE(f.bar->statusText(), u"No results"_s);

    // A selection that is not a match: the first Replace only selects the next match.
    f.bar->findEdit()->setText(u"bar"_s);
    f.editor->SendScintilla(QsciScintilla::SCI_GOTOPOS, 0);
    f.bar->replace();
    QCOMPARE(f.editor->text(), u"baz bar baz\nbaz"_s);
    QCOMPARE(f.editor->selectedText(), u"bar"_s);
}

void FindBarTest::replaceAllIsOneUndoStep_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<bool>("wholeWord");
    QTest::addColumn<bool>("regex");
    QTest::addColumn<QString>("replacement");
    QTest::addColumn<QString>("expected");

    QTest::newRow("capture groups")
        << u"{\n  user(id: 1) { name }\n  user(id: 22) { name }\n}"_s << u"user\\(id: (\\d+)\\)"_s << false << true
        << u"member(ref: \\1, was: \"\\0\")"_s
        << u"{\n  member(ref: 1, was: \"user(id: 1)\") { name }\n  member(ref: 22, was: \"user(id: 22)\") { name }\n}"_s;
    QTest::newRow("swap groups, escapes")
        << u"a=1\nb=2"_s << u"(\\w)=(\\d)"_s << false << true << u"\\2\\t\\\\\\1"_s << u"1\t\\a\n2\t\\b"_s;
    QTest::newRow("plain text is literal")
        << u"x.y x.y\\1"_s << u"x.y"_s << false << false << u"\\1"_s << u"\\1 \\1\\1"_s;
    QTest::newRow("whole word, multi-byte")
        << u"été ét été étés"_s << u"été"_s << true << false << u"summer"_s << u"summer ét summer étés"_s;
    QTest::newRow("longer replacement") << u"ab ab ab"_s << u"ab"_s << false << false << u"abab"_s
                                        << u"abab abab abab"_s;
}

void FindBarTest::replaceAllIsOneUndoStep()
{
    QFETCH(QString, text);
    QFETCH(QString, pattern);
    QFETCH(bool, wholeWord);
    QFETCH(bool, regex);
    QFETCH(QString, replacement);
    QFETCH(QString, expected);
    Fixture f(text);
    QVERIFY(!f.editor->isUndoAvailable());
    f.bar->openReplace();
    f.toggle("wholeWordButton")->setChecked(wholeWord);
    f.toggle("regexButton")->setChecked(regex);
    f.bar->findEdit()->setText(pattern);
    f.bar->replaceEdit()->setText(replacement);
    QVERIFY(f.bar->matchCount() > 1);

    QTest::mouseClick(f.bar->findChild<QPushButton *>(u"replaceAllButton"_s), Qt::LeftButton);
    QCOMPARE(f.editor->text(), expected);
    f.editor->undo();
    QCOMPARE(f.editor->text(), text);
    QVERIFY(!f.editor->isUndoAvailable()); // one undo step took it all back
    f.editor->redo();
    QCOMPARE(f.editor->text(), expected);
}

void FindBarTest::escapeHidesAndRefocusesEditor()
{
    Fixture f(u"query { viewer { login } }"_s);
    QVERIFY(QTest::qWaitForWindowActive(&f.window));
    f.editor->setFocus();
    f.bar->openFind();
    QTRY_VERIFY_WITH_TIMEOUT(f.bar->findEdit()->hasFocus(), 5000);
    QTest::keyClicks(f.bar->findEdit(), u"viewer"_s);
    QVERIFY(f.highlighted(8));

    QTest::keyClick(f.bar->findEdit(), Qt::Key_Escape);
    QVERIFY(f.bar->isHidden());
    QTRY_VERIFY_WITH_TIMEOUT(f.editor->hasFocus(), 5000);
    QVERIFY(!f.highlighted(8));                      // highlights go with the bar
    QCOMPARE(f.editor->selectedText(), u"viewer"_s); // the found match stays selected

    // Escape on a button of the bar closes it too.
    f.bar->openReplace();
    auto *replaceAll = f.bar->findChild<QPushButton *>(u"replaceAllButton"_s);
    replaceAll->setFocus();
    QTest::keyClick(replaceAll, Qt::Key_Escape);
    QVERIFY(f.bar->isHidden());
}

void FindBarTest::opensWithSelectionAndShortcuts()
{
    Fixture f(u"query Foo {\n  foo\n}"_s);
    QCOMPARE(f.bar->findAction()->objectName(), u"Edit.Find"_s);
    QCOMPARE(f.bar->replaceAction()->objectName(), u"Edit.Replace"_s);
    QCOMPARE(f.bar->findNextAction()->objectName(), u"Edit.FindNext"_s);
    QCOMPARE(f.bar->findPreviousAction()->objectName(), u"Edit.FindPrevious"_s);
    QCOMPARE(f.bar->findAction()->shortcut(), QKeySequence(u"Ctrl+F"_s));
    QCOMPARE(f.bar->replaceAction()->shortcut(), QKeySequence(u"Ctrl+H"_s));
    QCOMPARE(f.bar->findNextAction()->shortcut(), QKeySequence(u"F3"_s));
    QCOMPARE(f.bar->findPreviousAction()->shortcut(), QKeySequence(u"Shift+F3"_s));
    for (const QAction *action : f.bar->editActions())
        QCOMPARE(action->shortcutContext(), Qt::WindowShortcut);

    QVERIFY(QTest::qWaitForWindowActive(&f.window));
    f.editor->setFocus();
    f.editor->setSelection(0, 6, 0, 9); // "Foo"
    QTest::keyClick(f.editor, Qt::Key_F, Qt::ControlModifier);
    QVERIFY(f.bar->isVisible());
    QVERIFY(!f.bar->isReplaceVisible());
    QCOMPARE(f.bar->findEdit()->text(), u"Foo"_s);
    QCOMPARE(f.bar->matchCount(), 2); // "Foo" and "foo", case-insensitive
    QCOMPARE(f.bar->currentMatch(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(f.bar->findEdit()->hasFocus(), 5000);

    // Ctrl+H inside the find field is the Replace action, not the line edit's backspace.
    QTest::keyClick(f.bar->findEdit(), Qt::Key_H, Qt::ControlModifier);
    QVERIFY(f.bar->isReplaceVisible());
    QCOMPARE(f.bar->findEdit()->text(), u"Foo"_s);
    QTRY_VERIFY_WITH_TIMEOUT(f.bar->replaceEdit()->hasFocus(), 5000);

    // F3 from the editor with the bar closed opens it and goes to the next match.
    QTest::keyClick(f.bar->replaceEdit(), Qt::Key_Escape);
    QVERIFY(f.bar->isHidden());
    QTRY_VERIFY_WITH_TIMEOUT(f.editor->hasFocus(), 5000);
    QTest::keyClick(f.editor, Qt::Key_F3);
    QVERIFY(f.bar->isVisible());
    QCOMPARE(f.bar->currentMatch(), 2);
    QCOMPARE(f.editor->selectedText(), u"foo"_s);
    QTest::keyClick(f.editor, Qt::Key_F3, Qt::ShiftModifier);
    QCOMPARE(f.bar->currentMatch(), 1);

    // A selection over several lines does not pre-fill the field.
    f.editor->setSelection(0, 0, 1, 3);
    f.bar->openFind();
    QCOMPARE(f.bar->findEdit()->text(), u"Foo"_s);
    QVERIFY(!f.bar->isReplaceVisible());

    // Ctrl+H from the editor opens the replace row.
    f.editor->setFocus();
    QTRY_VERIFY_WITH_TIMEOUT(f.editor->hasFocus(), 5000);
    QTest::keyClick(f.editor, Qt::Key_H, Qt::ControlModifier);
    QVERIFY(f.bar->isReplaceVisible());
}

void FindBarTest::followsDocumentEditsAndEditorSwitch()
{
    Fixture f(u"name name"_s);
    f.bar->openFind();
    QTest::keyClicks(f.bar->findEdit(), u"name"_s);
    QCOMPARE(f.bar->matchCount(), 2);
    f.editor->append(u"\nname"_s);
    QTRY_COMPARE_WITH_TIMEOUT(f.bar->matchCount(), 3, 5000);
    const int last = int(f.editor->SendScintilla(QsciScintilla::SCI_GETLENGTH)) - 1;
    QVERIFY(f.highlighted(last));
    f.window.hide(); // e.g. its tab is hidden: highlights go, and come back with it
    QVERIFY(!f.highlighted(last));
    f.window.show();
    QVERIFY(f.highlighted(last));

    QsciScintilla other(&f.window);
    App::configureCodeEditor(&other);
    other.setText(u"no match here, only names: name"_s);
    f.bar->setEditor(&other);
    QCOMPARE(f.bar->editor(), &other);
    QCOMPARE(f.bar->matchCount(), 2);
    QVERIFY(!f.highlighted(0)); // the old editor's highlights are cleared
    f.bar->findNext();
    QCOMPARE(other.selectedText(), u"name"_s);

    f.bar->setEditor(nullptr);
    QCOMPARE(f.bar->matchCount(), 0);
    f.bar->findNext(); // no editor: nothing happens
    QCOMPARE(f.bar->currentMatch(), 0);
}

void FindBarTest::largeDocumentStaysFast()
{
    QString text;
    for (int line = 0; line < 2000; ++line)
        text += u"  field%1(arg: \"välue\") { id name }\n"_s.arg(line);
    Fixture f(text);
    f.bar->openFind();
    QElapsedTimer timer;
    timer.start();
    QTest::keyClicks(f.bar->findEdit(), u"name"_s); // four searches, one per keystroke
    const qint64 elapsed = timer.elapsed();
    QCOMPARE(f.bar->matchCount(), 2000);
    QCOMPARE(f.bar->currentMatch(), 1);
    f.bar->findPrevious(); // wraps to the last line
    QCOMPARE(f.bar->currentMatch(), 2000);
    QCOMPARE(f.editor->SendScintilla(QsciScintilla::SCI_LINEFROMPOSITION, f.selectionStart()), 1999);
    QCOMPARE(f.editor->selectedText(), u"name"_s);
    // Generous bound for a shared CI machine; a search per keystroke takes about a millisecond here.
    QVERIFY2(elapsed < 3000, qPrintable(u"%1 ms"_s.arg(elapsed)));
}

QTEST_MAIN(FindBarTest)
#include "findbar_test.moc"
