// SPDX-License-Identifier: MIT
// Sextant: tests for ResponseSearch: keys and values, case folding, escapes, caps, chunks and cancellation.
#include <core/response/responsedocument.h>
#include <core/response/responsesearch.h>

#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;
using Sextant::Core::ResponseDocument;
using Sextant::Core::ResponseSearch;

class ResponseSearchTest final : public QObject
{
    Q_OBJECT

private slots:
    void matches_data();
    void matches();
    void documentOrderAndCap();
    void chunksAndCancel();
    void fixtureAgreesWithDecodedScan();
    void countText();
};

namespace {

const QByteArray kSample = R"({"data":{"Directory":{"id":"DIR_abc","entries":["main.go","Dockerfile"]},)"
                           R"("n":12345678901234567890,"ok":true,"nothing":null,"esc":"tab\there \u00c9t\u00e9",)"
                           R"("ключ":"Значение","list":[1,2,3]}})";

QStringList matchedPaths(const ResponseDocument &document, const QString &needle)
{
    QStringList paths;
    for (const auto node : ResponseSearch(needle).run(document).matches)
        paths.append(document.pathString(node));
    return paths;
}

} // namespace

void ResponseSearchTest::matches_data()
{
    QTest::addColumn<QString>("needle");
    QTest::addColumn<QStringList>("paths");
    QTest::newRow("empty") << QString() << QStringList();
    QTest::newRow("key any case") << u"directory"_s << QStringList{u"data.Directory"_s};
    QTest::newRow("value any case") << u"DOCKER"_s << QStringList{u"data.Directory.entries[1]"_s};
    QTest::newRow("key and value") << u"id"_s << QStringList{u"data.Directory.id"_s};
    QTest::newRow("value prefix") << u"dir_"_s << QStringList{u"data.Directory.id"_s};
    QTest::newRow("big number spelling") << u"8901234567890"_s << QStringList{u"data.n"_s};
    QTest::newRow("bool") << u"TRU"_s << QStringList{u"data.ok"_s};
    QTest::newRow("null") << u"null"_s << QStringList{u"data.nothing"_s};
    QTest::newRow("escaped tab decoded") << u"tab\there"_s << QStringList{u"data.esc"_s};
    QTest::newRow("escaped unicode, ascii needle") << u"t h"_s << QStringList();
    QTest::newRow("non-ascii needle folds case") << u"été"_s << QStringList{u"data.esc"_s};
    QTest::newRow("cyrillic key") << u"КЛЮЧ"_s << QStringList{uR"(data["ключ"])"_s};
    QTest::newRow("cyrillic value") << u"значение"_s << QStringList{uR"(data["ключ"])"_s};
    QTest::newRow("kelvin sign folds to ascii k")
        << u"\u212A"_s << QStringList{u"data.Directory.entries[1]"_s, u"data.ok"_s};
    QTest::newRow("non-ascii needle skips numbers") << u"é1"_s << QStringList();
    QTest::newRow("numbers in list") << u"2"_s << QStringList{u"data.n"_s, u"data.list[1]"_s};
    QTest::newRow("no index keys") << u"[1]"_s << QStringList();
}

void ResponseSearchTest::matches()
{
    QFETCH(QString, needle);
    QFETCH(QStringList, paths);
    const auto document = ResponseDocument::parse(kSample);
    QVERIFY(document);
    QCOMPARE(matchedPaths(*document, needle), paths);
}

void ResponseSearchTest::documentOrderAndCap()
{
    QByteArray json = "[";
    for (int i = 0; i < 500; ++i)
        json += (i ? ",\"x" : "\"x") + QByteArray::number(i) + '"';
    json += ']';
    const auto document = ResponseDocument::parse(json);
    QVERIFY(document);
    const auto all = ResponseSearch(u"X"_s).run(*document);
    QCOMPARE(int(all.matches.size()), 500);
    QVERIFY(!all.capped);
    QVERIFY(std::is_sorted(all.matches.begin(), all.matches.end()));
    const auto capped = ResponseSearch(u"x"_s).run(*document, 100);
    QCOMPARE(int(capped.matches.size()), 100);
    QVERIFY(capped.capped);
    QCOMPARE(document->stringValue(capped.matches.back()), u"x99"_s);
    const auto exact = ResponseSearch(u"x"_s).run(*document, 500);
    QVERIFY(!exact.capped);
}

void ResponseSearchTest::chunksAndCancel()
{
    QByteArray json = "[";
    for (int i = 0; i < 20000; ++i)
        json += i ? ",\"a\"" : "\"a\"";
    json += ']';
    const auto document = ResponseDocument::parse(json);
    QVERIFY(document);
    std::vector<ResponseDocument::NodeId> streamed;
    int chunks = 0;
    const auto result = ResponseSearch(u"a"_s).run(
        *document, 100000, {},
        [&](const auto &chunk) {
            ++chunks;
            QVERIFY(chunk.size() <= 3000);
            streamed.insert(streamed.end(), chunk.begin(), chunk.end());
        },
        3000);
    QCOMPARE(chunks, 8); // the first match alone, 6 x 3000, then 1,999
    QCOMPARE(streamed, result.matches);

    int checks = 0;
    const auto canceled = ResponseSearch(u"a"_s).run(*document, 100000, [&] { return ++checks > 2; });
    QVERIFY(canceled.canceled);
    QVERIFY(canceled.matches.size() < 20000);
    QCOMPARE(checks, 3);
}

void ResponseSearchTest::fixtureAgreesWithDecodedScan()
{
    QFile file(QStringLiteral(SEXTANT_FIXTURES_DIR "/responses/unicode_and_escapes.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const auto document = ResponseDocument::parse(file.readAll());
    QVERIFY(document);
    // The byte-level fast path must agree with a plain decode-and-compare of every key and value.
    for (const QString &needle : {u"e"_s, u"\\"_s, u"\""_s, u"a b"_s, u"NULL"_s, u"é"_s, u"1"_s}) {
        const ResponseSearch search(needle);
        std::vector<ResponseDocument::NodeId> expected;
        for (qint64 i = 0; i < document->nodeCount(); ++i) {
            const auto node = ResponseDocument::NodeId(i);
            QString value;
            switch (document->kind(node)) {
            case Sextant::Core::JsonKind::String:
                value = document->stringValue(node);
                break;
            case Sextant::Core::JsonKind::Number:
                value = document->numberText(node);
                break;
            case Sextant::Core::JsonKind::Bool:
                value = document->boolValue(node) ? u"true"_s : u"false"_s;
                break;
            case Sextant::Core::JsonKind::Null:
                value = u"null"_s;
                break;
            default:
                break;
            }
            const auto parent = document->parent(node);
            const bool keyed =
                parent != ResponseDocument::InvalidNode && document->kind(parent) == Sextant::Core::JsonKind::Object;
            if ((keyed && document->key(node).contains(needle, Qt::CaseInsensitive))
                || value.contains(needle, Qt::CaseInsensitive))
                expected.push_back(node);
        }
        QCOMPARE(search.run(*document).matches, expected);
    }
}

void ResponseSearchTest::countText()
{
    QCOMPARE(ResponseSearch::countText(0, false), u"0"_s);
    QCOMPARE(ResponseSearch::countText(1204, false), u"1,204"_s);
    QCOMPARE(ResponseSearch::countText(100000, true), u"100,000+"_s);
}

QTEST_APPLESS_MAIN(ResponseSearchTest)
#include "responsesearch_test.moc"
