// SPDX-License-Identifier: MIT
// Sextant: tests for the streamed JSON and CSV export of a response (ResultExport).
#include <core/response/responsedocument.h>
#include <store/resultexport.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <memory>

using namespace Qt::StringLiterals;
using Sextant::Core::ResponseDocument;
using Sextant::Store::ResultExport;
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

ResponseDocument::NodeId resultsList(const ResponseDocument &doc)
{
    return doc.nodeAtPath({u"data"_s, u"runsOrError"_s, u"results"_s});
}

/// About @p minBytes of compact JSON: {"data":{"rows":[{...}, ...]}} with escapes, unicode, nulls and nesting.
QByteArray generatedResponse(qsizetype minBytes, int *rows)
{
    QByteArray json = R"({"data":{"rows":[)";
    int i = 0;
    while (json.size() < minBytes) {
        if (i > 0)
            json += ',';
        json += "{\"id\":" + QByteArray::number(i) + ",\"name\":\"row " + QByteArray::number(i)
                + " \\\"quoted\\\", comma\",\"value\":" + QByteArray::number(i * 0.25, 'g', 12)
                + ",\"ok\":" + (i % 3 ? "true" : "false") + ",\"note\":" + (i % 5 ? "\"données ✓\"" : "null")
                + ",\"tags\":[{\"k\":\"a\",\"v\":1},{\"k\":\"b\",\"v\":[]}],\"empty\":{}}";
        ++i;
    }
    json += "]}}";
    *rows = i;
    return json;
}

} // namespace

class ResultExportTest final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void jsonAsReceived();
    void jsonPrettyMatchesJsonStringify();
    void prettyMatchesToJson_data();
    void prettyMatchesToJson();
    void prettyPrintPieces();
    void csvField_data();
    void csvField();
    void csvMatchesReference_data();
    void csvMatchesReference();
    void csvRowOrderMissingAndNonObjects();
    void csvRejectsNonList();
    void cancelKeepsPreviousFile();
    void unwritablePathFails();
    void largeResponseStreams();

private:
    QTemporaryDir m_dir;
};

void ResultExportTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

void ResultExportTest::jsonAsReceived()
{
    const QString source = fixture(u"responses/dagster_runs_small.json"_s);
    const DocumentPtr doc = parseFile(source);
    QVERIFY(doc);
    const QString out = m_dir.filePath(u"received.json"_s);
    QString error;
    QVERIFY2(ResultExport::writeJson(out, *doc, ResultExport::JsonFormat::AsReceived, nullptr, &error),
             qPrintable(error));
    QCOMPARE(readFile(out), readFile(source));
}

void ResultExportTest::jsonPrettyMatchesJsonStringify()
{
    const DocumentPtr doc = parseFile(fixture(u"results/runs3_seed7.json"_s));
    QVERIFY(doc);
    const QString out = m_dir.filePath(u"pretty.json"_s);
    QString error;
    QVERIFY2(ResultExport::writeJson(out, *doc, ResultExport::JsonFormat::Pretty, nullptr, &error), qPrintable(error));
    QCOMPARE(readFile(out), readFile(fixture(u"results/runs3_seed7.pretty.json"_s)));
}

void ResultExportTest::prettyMatchesToJson_data()
{
    QTest::addColumn<QString>("file");
    const QStringList files = QDir(fixture(u"responses"_s)).entryList({u"*.json"_s}, QDir::Files, QDir::Name);
    QVERIFY(files.size() >= 5);
    for (const QString &name : files)
        QTest::newRow(qPrintable(name)) << fixture(u"responses/"_s + name);
    QTest::newRow("pretty input") << fixture(u"results/runs3_seed7.pretty.json"_s);
}

void ResultExportTest::prettyMatchesToJson()
{
    QFETCH(QString, file);
    const DocumentPtr doc = parseFile(file);
    QVERIFY(doc);
    QByteArray streamed;
    QVERIFY(ResultExport::prettyPrint(doc->bytes(), 2, [&streamed](QByteArrayView piece) {
        streamed.append(piece);
        return true;
    }));
    QCOMPARE(streamed, doc->toJson(doc->root(), 2));
}

void ResultExportTest::prettyPrintPieces()
{
    const DocumentPtr doc = parseFile(fixture(u"results/runs3_seed7.json"_s));
    QVERIFY(doc);
    QByteArray streamed;
    int pieces = 0;
    QVERIFY(ResultExport::prettyPrint(
        doc->bytes(), 2,
        [&](QByteArrayView piece) {
            // Pieces may overshoot by one token, but never by much.
            if (piece.size() > 64 + 4096)
                return false;
            streamed.append(piece);
            ++pieces;
            return true;
        },
        64));
    QVERIFY(pieces > 100);
    QCOMPARE(streamed, readFile(fixture(u"results/runs3_seed7.pretty.json"_s)));

    int calls = 0;
    QVERIFY(!ResultExport::prettyPrint(
        doc->bytes(), 2, [&calls](QByteArrayView) { return ++calls < 3; }, 64));
    QCOMPARE(calls, 3);
}

void ResultExportTest::csvField_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("plain") << QByteArray("abc") << QByteArray("abc");
    QTest::newRow("empty") << QByteArray() << QByteArray();
    QTest::newRow("spaces kept") << QByteArray(" a b ") << QByteArray(" a b ");
    QTest::newRow("comma") << QByteArray("a,b") << QByteArray("\"a,b\"");
    QTest::newRow("quote") << QByteArray("say \"hi\"") << QByteArray("\"say \"\"hi\"\"\"");
    QTest::newRow("LF") << QByteArray("a\nb") << QByteArray("\"a\nb\"");
    QTest::newRow("CR") << QByteArray("a\rb") << QByteArray("\"a\rb\"");
    QTest::newRow("utf-8") << QByteArray("données ✓") << QByteArray("données ✓");
}

void ResultExportTest::csvField()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    QByteArray out;
    ResultExport::appendCsvField(out, input);
    QCOMPARE(out, expected);
}

void ResultExportTest::csvMatchesReference_data()
{
    QTest::addColumn<QString>("response");
    QTest::addColumn<QString>("expected");
    QTest::newRow("dagster_runs_small") << fixture(u"responses/dagster_runs_small.json"_s)
                                        << fixture(u"results/dagster_runs_small.results.csv"_s);
    QTest::newRow("runs3_seed7") << fixture(u"results/runs3_seed7.json"_s)
                                 << fixture(u"results/runs3_seed7.results.csv"_s);
}

void ResultExportTest::csvMatchesReference()
{
    QFETCH(QString, response);
    QFETCH(QString, expected);
    const DocumentPtr doc = parseFile(response);
    QVERIFY(doc);
    const QByteArray reference = readFile(expected);
    QVERIFY(!reference.isEmpty());
    // Header names in these fixtures need no quoting; the column choice itself is ResponseTableModel's.
    const QStringList columns = QString::fromUtf8(reference.left(reference.indexOf("\r\n"))).split(QLatin1Char(','));
    const QString out = m_dir.filePath(u"table.csv"_s);
    QString error;
    QVERIFY2(ResultExport::writeCsv(out, *doc, resultsList(*doc), columns, {}, nullptr, &error), qPrintable(error));
    QCOMPARE(readFile(out), reference);
}

void ResultExportTest::csvRowOrderMissingAndNonObjects()
{
    const DocumentPtr doc =
        ResponseDocument::parse(R"([{"a":1,"b":"x,y"},{"b":null,"c":{"n":[1,2]}},7,{"a":"line\nbreak","c":"\u00e9"}])");
    QVERIFY(doc);
    const QString out = m_dir.filePath(u"order.csv"_s);
    QString error;
    QVERIFY2(ResultExport::writeCsv(out, *doc, doc->root(), {u"a"_s, u"b"_s, u"c"_s, u"zz"_s}, {3, 2, 1, 0}, nullptr,
                                    &error),
             qPrintable(error));
    QCOMPARE(readFile(out), QByteArray("a,b,c,zz\r\n"
                                       "\"line\nbreak\",,é,\r\n"
                                       ",,,\r\n"
                                       ",,\"{\"\"n\"\":[1,2]}\",\r\n"
                                       "1,\"x,y\",,\r\n"));
}

void ResultExportTest::csvRejectsNonList()
{
    const DocumentPtr doc = ResponseDocument::parse(R"({"a":[]})");
    QVERIFY(doc);
    const QString out = m_dir.filePath(u"nolist.csv"_s);
    QString error;
    QVERIFY(!ResultExport::writeCsv(out, *doc, doc->root(), {u"a"_s}, {}, nullptr, &error));
    QVERIFY(error.contains(u"not a list"_s));
    QVERIFY(!QFile::exists(out));
    QVERIFY(ResultExport::writeCsv(out, *doc, doc->member(doc->root(), u"a"), {u"a"_s}, {}, nullptr, &error));
    QCOMPARE(readFile(out), QByteArray("a\r\n"));
}

void ResultExportTest::cancelKeepsPreviousFile()
{
    const DocumentPtr doc = parseFile(fixture(u"results/runs3_seed7.json"_s));
    QVERIFY(doc);
    const QString out = m_dir.filePath(u"kept.json"_s);
    {
        QFile previous(out);
        QVERIFY(previous.open(QIODevice::WriteOnly));
        previous.write("previous");
    }
    std::atomic<bool> cancel{true};
    QString error;
    QVERIFY(!ResultExport::writeJson(out, *doc, ResultExport::JsonFormat::Pretty, &cancel, &error));
    QCOMPARE(error, u"Export cancelled"_s);
    QVERIFY(!ResultExport::writeJson(out, *doc, ResultExport::JsonFormat::AsReceived, &cancel, &error));
    QVERIFY(!ResultExport::writeCsv(out, *doc, resultsList(*doc), {u"id"_s}, {}, &cancel, &error));
    QCOMPARE(readFile(out), QByteArray("previous"));
    QCOMPARE(QDir(m_dir.path()).entryList({u"kept.json*"_s}, QDir::Files), QStringList{u"kept.json"_s});
}

void ResultExportTest::unwritablePathFails()
{
    const DocumentPtr doc = ResponseDocument::parse("[1]");
    QVERIFY(doc);
    const QString out = m_dir.filePath(u"missing-dir/out.json"_s);
    QString error;
    QVERIFY(!ResultExport::writeJson(out, *doc, ResultExport::JsonFormat::AsReceived, nullptr, &error));
    QVERIFY2(error.contains(out), qPrintable(error));
}

void ResultExportTest::largeResponseStreams()
{
    int rows = 0;
    const QByteArray json = generatedResponse(20 * 1024 * 1024, &rows);
    const DocumentPtr doc = ResponseDocument::parse(json);
    QVERIFY(doc);
    QString error;

    const QString received = m_dir.filePath(u"large.json"_s);
    QVERIFY2(ResultExport::writeJson(received, *doc, ResultExport::JsonFormat::AsReceived, nullptr, &error),
             qPrintable(error));
    QCOMPARE(QFileInfo(received).size(), json.size());
    QVERIFY(readFile(received) == json);

    const QString pretty = m_dir.filePath(u"large.pretty.json"_s);
    QVERIFY2(ResultExport::writeJson(pretty, *doc, ResultExport::JsonFormat::Pretty, nullptr, &error),
             qPrintable(error));
    const DocumentPtr reparsed = parseFile(pretty);
    QVERIFY(reparsed);
    QCOMPARE(reparsed->nodeCount(), doc->nodeCount());
    QVERIFY(reparsed->toJson(reparsed->root(), 0) == json);
    QVERIFY(readFile(pretty) == doc->toJson(doc->root(), 2));

    const QString csv = m_dir.filePath(u"large.csv"_s);
    const ResponseDocument::NodeId list = doc->nodeAtPath({u"data"_s, u"rows"_s});
    QVERIFY2(ResultExport::writeCsv(csv, *doc, list, {u"id"_s, u"name"_s, u"ok"_s, u"note"_s, u"tags"_s}, {}, nullptr,
                                    &error),
             qPrintable(error));
    const QByteArray table = readFile(csv);
    QCOMPARE(table.count("\r\n"), qsizetype(rows) + 1);
    QVERIFY(table.startsWith("id,name,ok,note,tags\r\n"
                             "0,\"row 0 \"\"quoted\"\", comma\",false,,\"[{\"\"k\"\":\"\"a\"\",\"\"v\"\":1},"
                             "{\"\"k\"\":\"\"b\"\",\"\"v\"\":[]}]\"\r\n"
                             "1,\"row 1 \"\"quoted\"\", comma\",true,données ✓,"));
    const QByteArray lastRow = QByteArray::number(rows - 1) + ",\"row " + QByteArray::number(rows - 1)
                               + " \"\"quoted\"\", comma\"," + ((rows - 1) % 3 ? "true" : "false") + ","
                               + ((rows - 1) % 5 ? "données ✓" : "") + ",\"[{\"\"k\"\":\"\"a\"\",\"\"v\"\":1},"
                               + "{\"\"k\"\":\"\"b\"\",\"\"v\"\":[]}]\"\r\n";
    QVERIFY(table.endsWith(lastRow));
}

QTEST_GUILESS_MAIN(ResultExportTest)

#include "resultexport_test.moc"
