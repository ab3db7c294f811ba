// SPDX-License-Identifier: MIT
// Sextant: tests for the virtualized raw JSON view (RawJsonView) and its line index (RawJsonLines).
#include <app/result/rawjsonlines.h>
#include <app/result/rawjsonview.h>
#include <core/response/responsedocument.h>

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using Sextant::App::RawJsonLines;
using Sextant::App::RawJsonView;
using Sextant::Core::ResponseDocument;
using DocumentPtr = std::shared_ptr<const ResponseDocument>;

namespace {

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString fixture(const QString &relative)
{
    return QStringLiteral(SEXTANT_FIXTURES_DIR "/") + relative;
}

DocumentPtr parseFile(const QString &path)
{
    return ResponseDocument::parse(readFile(path));
}

QStringList allLines(const RawJsonLines &lines)
{
    QStringList out;
    for (int i = 0; i < lines.lineCount(); ++i)
        out.append(lines.lineText(i));
    return out;
}

/// Sets the document and waits for its line index.
bool load(RawJsonView &view, DocumentPtr doc)
{
    QSignalSpy indexed(&view, &RawJsonView::linesIndexed);
    view.setDocument(std::move(doc));
    return indexed.wait(20000) && !view.isIndexing();
}

} // namespace

class RawJsonViewTest final : public QObject
{
    Q_OBJECT

private slots:
    void prettyMatchesJsonStringify();
    void prettyMatchesToJson_data();
    void prettyMatchesToJson();
    void asReceivedKeepsLines();
    void asReceivedWraps_data();
    void asReceivedWraps();
    void longStringsAreCutForDisplayOnly();
    void buildCancelled();
    void togglePrettyRebuilds();
    void newerDocumentWins();
    void selectionAndCopy();
    void copyWinsOverWindowShortcut();
    void goToLineAndKeyboard();
    void mouseSelects();
    void paintsLargeDocument();
    void emptyAndCleared();
};

void RawJsonViewTest::prettyMatchesJsonStringify()
{
    const DocumentPtr doc = parseFile(fixture(u"results/runs3_seed7.json"_s));
    QVERIFY(doc);
    const QString expected = QString::fromUtf8(readFile(fixture(u"results/runs3_seed7.pretty.json"_s)));
    RawJsonView view;
    QVERIFY(view.isPretty());
    QVERIFY(load(view, doc));
    QCOMPARE(view.lineCount(), int(expected.count(QLatin1Char('\n'))) + 1);
    QCOMPARE(view.lineText(0), u"{"_s);
    QCOMPARE(view.lineText(1), uR"(  "data": {)"_s);
    QCOMPARE(view.lineText(2), uR"(    "runsOrError": {)"_s);
    QCOMPARE(view.lineText(view.lineCount() - 1), u"}"_s);
    view.selectAll();
    bool truncated = true;
    QCOMPARE(view.selectedText(&truncated), expected);
    QVERIFY(!truncated);
}

void RawJsonViewTest::prettyMatchesToJson_data()
{
    QTest::addColumn<QString>("file");
    const QStringList files = QDir(fixture(u"responses"_s)).entryList({u"*.json"_s}, QDir::Files, QDir::Name);
    QVERIFY(files.size() >= 5);
    for (const QString &name : files)
        QTest::newRow(qPrintable(name)) << fixture(u"responses/"_s + name);
    QTest::newRow("scalar root") << QString();
}

void RawJsonViewTest::prettyMatchesToJson()
{
    QFETCH(QString, file);
    const DocumentPtr doc = file.isEmpty() ? ResponseDocument::parse("\"just a string\"") : parseFile(file);
    QVERIFY(doc);
    const auto lines = RawJsonLines::build(doc, RawJsonLines::Mode::Pretty);
    QVERIFY(lines);
    QCOMPARE(allLines(*lines), QString::fromUtf8(doc->toJson(doc->root(), 2)).split(QLatin1Char('\n')));
    QCOMPARE(lines->nodeAt(0), doc->root());
    QCOMPARE(lines->startsInString(0), false);
}

void RawJsonViewTest::asReceivedKeepsLines()
{
    // A server that sends indented JSON is shown line for line.
    const QByteArray bytes = readFile(fixture(u"results/runs3_seed7.pretty.json"_s));
    const DocumentPtr doc = ResponseDocument::parse(bytes);
    QVERIFY(doc);
    RawJsonView view;
    view.setWrapBytes(100000);
    view.setPretty(false);
    QVERIFY(load(view, doc));
    QCOMPARE(view.lineCount(), int(bytes.count('\n')) + 1);
    view.selectAll();
    QCOMPARE(view.selectedText(), QString::fromUtf8(bytes));
    const auto crlf = ResponseDocument::parse("{\r\n  \"a\": 1\r\n}\r\n");
    QVERIFY(crlf);
    const auto lines = RawJsonLines::build(crlf, RawJsonLines::Mode::AsReceived);
    QCOMPARE(allLines(*lines), (QStringList{u"{"_s, uR"(  "a": 1)"_s, u"}"_s}));
}

void RawJsonViewTest::asReceivedWraps_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("wrap");
    QTest::newRow("dagster 16") << fixture(u"responses/dagster_runs_small.json"_s) << 16;
    QTest::newRow("dagster 200") << fixture(u"responses/dagster_runs_small.json"_s) << 200;
    QTest::newRow("unicode 17") << fixture(u"responses/unicode_and_escapes.json"_s) << 17;
    QTest::newRow("runs3 33") << fixture(u"results/runs3_seed7.json"_s) << 33;
}

void RawJsonViewTest::asReceivedWraps()
{
    QFETCH(QString, file);
    QFETCH(int, wrap);
    const QByteArray bytes = readFile(file);
    const DocumentPtr doc = ResponseDocument::parse(bytes);
    QVERIFY(doc);
    const auto lines = RawJsonLines::build(doc, RawJsonLines::Mode::AsReceived, wrap);
    QVERIFY(lines);
    QCOMPARE(lines->wrapBytes(), wrap);
    const QStringList texts = allLines(*lines);
    // Wrapping only splits: the lines put together are the bytes without their line breaks.
    QByteArray joined;
    for (const QString &line : texts) {
        const QByteArray utf8 = line.toUtf8();
        QVERIFY2(!line.contains(QChar::ReplacementCharacter), "a line split a UTF-8 sequence");
        QVERIFY2(utf8.size() <= wrap + 4, utf8.constData());
        joined += utf8;
    }
    QByteArray expected = bytes;
    expected.replace("\n", "");
    QCOMPARE(joined, expected);
    const qsizetype longest = bytes.size() - bytes.count('\n');
    QVERIFY(lines->lineCount() >= longest / (wrap + 4));

    // The "inside a string" flag is what a scan of the bytes before the line start says.
    qsizetype offset = 0;
    for (int i = 0; i < lines->lineCount(); ++i) {
        bool inString = false;
        bool escaped = false;
        for (const char c : expected.left(offset)) {
            if (inString) {
                if (escaped)
                    escaped = false;
                else if (c == '\\')
                    escaped = true;
                else if (c == '"')
                    inString = false;
            } else if (c == '"') {
                inString = true;
            }
        }
        QVERIFY(!escaped); // never wrapped inside an escape
        QCOMPARE(lines->startsInString(i), inString);
        offset += texts.at(i).toUtf8().size();
    }
}

void RawJsonViewTest::longStringsAreCutForDisplayOnly()
{
    const QByteArray text(100000, 'y');
    const DocumentPtr doc = ResponseDocument::parse(R"({"a":")" + text + R"(","b":1})");
    QVERIFY(doc);
    const auto lines = RawJsonLines::build(doc, RawJsonLines::Mode::Pretty);
    QVERIFY(lines);
    QCOMPARE(lines->lineCount(), 4);
    bool truncated = false;
    const QString cut = lines->lineText(1, 50, &truncated);
    QVERIFY(truncated);
    QCOMPARE(cut.size(), 50);
    QVERIFY(cut.startsWith(uR"(  "a": "yyy)"_s));
    QCOMPARE(lines->lineText(1, -1, &truncated), u"  \"a\": \""_s + QString::fromLatin1(text) + u"\","_s);
    QVERIFY(!truncated);
    QCOMPARE(lines->lineText(2, 50, &truncated), uR"(  "b": 1)"_s);
    QVERIFY(!truncated);

    RawJsonView view;
    QVERIFY(load(view, doc));
    view.resize(400, 200);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QVERIFY(!view.grab().isNull());
    QCOMPARE(view.lineText(1).size(), text.size() + 10);
}

void RawJsonViewTest::buildCancelled()
{
    const DocumentPtr doc = parseFile(fixture(u"results/runs3_seed7.json"_s));
    QVERIFY(doc);
    std::atomic<bool> cancel{true};
    QVERIFY(!RawJsonLines::build(doc, RawJsonLines::Mode::Pretty, 200, &cancel));
    QVERIFY(!RawJsonLines::build(doc, RawJsonLines::Mode::AsReceived, 200, &cancel));
    QVERIFY(!RawJsonLines::build(nullptr, RawJsonLines::Mode::Pretty));
    cancel = false;
    QVERIFY(RawJsonLines::build(doc, RawJsonLines::Mode::Pretty, 200, &cancel));
}

void RawJsonViewTest::togglePrettyRebuilds()
{
    const DocumentPtr doc = parseFile(fixture(u"responses/dagster_runs_small.json"_s));
    QVERIFY(doc);
    RawJsonView view;
    QVERIFY(load(view, doc));
    const int prettyLines = view.lineCount();
    QVERIFY(prettyLines > 40);

    QSignalSpy changed(&view, &RawJsonView::prettyChanged);
    QSignalSpy indexed(&view, &RawJsonView::linesIndexed);
    view.prettyAction()->trigger(); // the context menu's toggle
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toBool(), false);
    QVERIFY(!view.isPretty());
    QVERIFY(view.isIndexing());
    QCOMPARE(view.lineCount(), 0);
    QVERIFY(indexed.wait(20000));
    const QByteArray bytes = doc->bytes();
    QVERIFY(view.lineCount() <= int((bytes.trimmed().size() + 199) / 200));
    QVERIFY(view.lineCount() >= int(bytes.trimmed().size() / 204));
    QCOMPARE(view.lineText(0), QString::fromUtf8(bytes.left(200)));

    view.setPretty(true);
    QVERIFY(view.prettyAction()->isChecked());
    QVERIFY(indexed.wait(20000));
    QCOMPARE(view.lineCount(), prettyLines);
}

void RawJsonViewTest::newerDocumentWins()
{
    const DocumentPtr first = parseFile(fixture(u"results/runs3_seed7.json"_s));
    const DocumentPtr second = ResponseDocument::parse(R"({"only":[1,2]})");
    QVERIFY(first && second);
    RawJsonView view;
    QSignalSpy indexed(&view, &RawJsonView::linesIndexed);
    view.setDocument(first);
    view.setDocument(second);
    QVERIFY(indexed.wait(20000));
    // Give a late result of the first request the chance to arrive (it must be dropped).
    QTest::qWait(50);
    QCOMPARE(indexed.count(), 1);
    QCOMPARE(indexed.at(0).at(0).toInt(), 6);
    QCOMPARE(view.lineText(1), uR"(  "only": [)"_s);
    QCOMPARE(view.document(), second);
}

void RawJsonViewTest::selectionAndCopy()
{
    const DocumentPtr doc = parseFile(fixture(u"responses/dagster_runs_small.json"_s));
    QVERIFY(doc);
    RawJsonView view;
    QVERIFY(load(view, doc));
    QCOMPARE(view.selectionStart(), -1);
    QCOMPARE(view.selectedText(), QString());
    view.selectLines(5, 3);
    QCOMPARE(view.selectionStart(), 3);
    QCOMPARE(view.selectionEnd(), 5);
    const QString expected = view.lineText(3) + u"\n"_s + view.lineText(4) + u"\n"_s + view.lineText(5);
    QCOMPARE(view.selectedText(), expected);
    view.copy();
    QCOMPARE(QApplication::clipboard()->text(), expected);
    QApplication::clipboard()->clear();
    view.setFocus();
    QTest::keyClick(&view, Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(QApplication::clipboard()->text(), expected);
    QTest::keyClick(&view, Qt::Key_A, Qt::ControlModifier);
    QCOMPARE(view.selectionStart(), 0);
    QCOMPARE(view.selectionEnd(), view.lineCount() - 1);
    QCOMPARE(view.selectedText(), QString::fromUtf8(doc->toJson(doc->root(), 2)));
}

void RawJsonViewTest::copyWinsOverWindowShortcut()
{
    QWidget window;
    auto *windowCopy = new QAction(&window);
    windowCopy->setShortcut(QKeySequence::Copy);
    window.addAction(windowCopy);
    QSignalSpy windowTriggered(windowCopy, &QAction::triggered);
    auto *view = new RawJsonView(&window);
    window.resize(400, 300);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(load(*view, ResponseDocument::parse(R"({"a":1})")));
    view->selectLines(1, 1);
    view->setFocus();
    QApplication::clipboard()->clear();
    QTest::keyClick(view, Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(QApplication::clipboard()->text(), u"  \"a\": 1"_s);
    QCOMPARE(windowTriggered.count(), 0);
}

void RawJsonViewTest::goToLineAndKeyboard()
{
    const DocumentPtr doc = parseFile(fixture(u"results/runs3_seed7.json"_s));
    QVERIFY(doc);
    RawJsonView view;
    view.resize(500, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QVERIFY(load(view, doc));
    view.goToLine(500);
    QCOMPARE(view.selectionStart(), 499);
    QCOMPARE(view.selectionEnd(), 499);
    QVERIFY(view.firstVisibleLine() <= 499);
    QVERIFY(view.firstVisibleLine() > 400);
    view.goToLine(100000);
    QCOMPARE(view.selectionStart(), view.lineCount() - 1);
    view.goToLine(1);
    QCOMPARE(view.firstVisibleLine(), 0);

    view.setFocus();
    QTest::keyClick(&view, Qt::Key_Down);
    QCOMPARE(view.selectionStart(), 1);
    QTest::keyClick(&view, Qt::Key_Down, Qt::ShiftModifier);
    QTest::keyClick(&view, Qt::Key_Down, Qt::ShiftModifier);
    QCOMPARE(view.selectionStart(), 1);
    QCOMPARE(view.selectionEnd(), 3);
    QTest::keyClick(&view, Qt::Key_End);
    QCOMPARE(view.selectionStart(), view.lineCount() - 1);
    QCOMPARE(view.firstVisibleLine(), view.verticalScrollBar()->maximum());
    QTest::keyClick(&view, Qt::Key_Home, Qt::ShiftModifier);
    QCOMPARE(view.selectionStart(), 0);
    QCOMPARE(view.selectionEnd(), view.lineCount() - 1);
}

void RawJsonViewTest::mouseSelects()
{
    const DocumentPtr doc = parseFile(fixture(u"results/runs3_seed7.json"_s));
    QVERIFY(doc);
    RawJsonView view;
    view.resize(500, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QVERIFY(load(view, doc));
    const int lineHeight = view.fontMetrics().height();
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, QPoint(100, lineHeight * 2 + lineHeight / 2));
    QCOMPARE(view.selectionStart(), 2);
    QCOMPARE(view.selectionEnd(), 2);
    QTest::mouseClick(view.viewport(), Qt::LeftButton, Qt::ShiftModifier, QPoint(100, lineHeight * 5 + 1));
    QCOMPARE(view.selectionStart(), 2);
    QCOMPARE(view.selectionEnd(), 5);
}

void RawJsonViewTest::paintsLargeDocument()
{
    QByteArray json = R"({"data":{"items":[)";
    for (int i = 0; i < 50000; ++i)
        json += QByteArray(i ? "," : "") + R"({"id":)" + QByteArray::number(i) + R"(,"name":"n\"ame )"
                + QByteArray::number(i) + R"(","ok":true,"v":null})";
    json += "]}}";
    const DocumentPtr doc = ResponseDocument::parse(json);
    QVERIFY(doc);
    RawJsonView view;
    view.resize(600, 400);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QVERIFY(load(view, doc));
    QCOMPARE(view.lineCount(), 50000 * 6 + 6);
    QCOMPARE(view.lineText(3), u"      {"_s);
    QCOMPARE(view.lineText(4), u"        \"id\": 0,"_s);
    QCOMPARE(view.lineText(50000 * 6 + 2), u"      }"_s);
    QCOMPARE(view.lineText(50000 * 6 + 3), u"    ]"_s);
    view.verticalScrollBar()->setValue(view.verticalScrollBar()->maximum() / 2);
    QVERIFY(!view.grab().isNull());
    QVERIFY(view.horizontalScrollBar()->maximum() >= 0);
    view.setPretty(false);
    QSignalSpy indexed(&view, &RawJsonView::linesIndexed);
    QVERIFY(indexed.wait(20000));
    // Wraps move past an escape or a UTF-8 sequence by a few bytes at most.
    QVERIFY(view.lineCount() <= int((json.size() + 199) / 200));
    QVERIFY(view.lineCount() >= int(json.size() / 204));
    QVERIFY(!view.grab().isNull());
}

void RawJsonViewTest::emptyAndCleared()
{
    RawJsonView view;
    QCOMPARE(view.lineCount(), 0);
    QVERIFY(!view.isIndexing());
    QCOMPARE(view.lineText(0), QString());
    view.selectAll();
    view.goToLine(3);
    QCOMPARE(view.selectionStart(), -1);
    QVERIFY(!view.grab().isNull());
    QVERIFY(load(view, ResponseDocument::parse("[]")));
    QCOMPARE(view.lineCount(), 1);
    QCOMPARE(view.lineText(0), u"[]"_s);
    view.clear();
    QCOMPARE(view.lineCount(), 0);
    QVERIFY(!view.isIndexing());
    QVERIFY(!view.document());
}

QTEST_MAIN(RawJsonViewTest)

#include "rawjsonview_test.moc"
