// SPDX-License-Identifier: MIT
// Sextant: tests for the response index (ResponseDocument) and the GraphQL response reader.
#include <core/response/graphqlresponse.h>
#include <core/response/responsedocument.h>
#include <core/response/responsedocumentbuilder.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTest>

#include <cmath>
#include <cstring>
#include <limits>
#include <vector>

using namespace Qt::StringLiterals;
using Sextant::Core::JsonKind;
using Sextant::Core::ResponseDocument;
using Sextant::Core::ResponseDocumentBuilder;
using Engine = ResponseDocumentBuilder::Engine;
using NodeId = ResponseDocument::NodeId;
using DocumentPtr = std::shared_ptr<const ResponseDocument>;

namespace {

QString responsesDir()
{
    return QStringLiteral(SEXTANT_FIXTURES_DIR "/responses");
}

QByteArray readFixture(const QString &name)
{
    QFile file(responsesDir() + QLatin1Char('/') + name);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

DocumentPtr parseOrFail(const QByteArray &bytes)
{
    ResponseDocument::ParseError error;
    DocumentPtr doc = ResponseDocument::parse(bytes, &error);
    if (!doc)
        qWarning("unexpected parse error: %s", qPrintable(error.message));
    return doc;
}

// Structural equality including member order, walked with an explicit stack.
bool sameStructure(const ResponseDocument &a, NodeId na, const ResponseDocument &b, NodeId nb, QString *why)
{
    std::vector<std::pair<NodeId, NodeId>> stack{{na, nb}};
    while (!stack.empty()) {
        const auto [x, y] = stack.back();
        stack.pop_back();
        if (a.kind(x) != b.kind(y) || a.key(x) != b.key(y) || a.childCount(x) != b.childCount(y)) {
            *why = u"differs at "_s + a.pathString(x);
            return false;
        }
        if (a.stringValue(x) != b.stringValue(y) || a.numberText(x) != b.numberText(y)
            || a.boolValue(x) != b.boolValue(y)) {
            *why = u"value differs at "_s + a.pathString(x);
            return false;
        }
        for (int i = 0; i < a.childCount(x); ++i)
            stack.emplace_back(a.child(x, i), b.child(y, i));
    }
    return true;
}

// Independent oracle: QJsonDocument (which sorts keys, so members are matched by name).
bool matchesQJson(const ResponseDocument &doc, NodeId node, const QJsonValue &value, QString *why)
{
    const auto fail = [&](const QString &what) {
        *why = what + u" at "_s + doc.pathString(node);
        return false;
    };
    switch (doc.kind(node)) {
    case JsonKind::Null:
        return value.isNull() ? true : fail(u"null"_s);
    case JsonKind::Bool:
        return value.isBool() && value.toBool() == doc.boolValue(node) ? true : fail(u"bool"_s);
    case JsonKind::Number:
        return value.isDouble() && value.toDouble() == doc.numberValue(node) ? true : fail(u"number"_s);
    case JsonKind::String:
        return value.isString() && value.toString() == doc.stringValue(node) ? true : fail(u"string"_s);
    case JsonKind::Array: {
        const QJsonArray array = value.toArray();
        if (!value.isArray() || array.size() != doc.childCount(node))
            return fail(u"array"_s);
        for (int i = 0; i < array.size(); ++i) {
            if (!matchesQJson(doc, doc.child(node, i), array.at(i), why))
                return false;
        }
        return true;
    }
    case JsonKind::Object: {
        const QJsonObject object = value.toObject();
        if (!value.isObject() || object.size() != doc.childCount(node))
            return fail(u"object"_s);
        for (int i = 0; i < doc.childCount(node); ++i) {
            const NodeId member = doc.child(node, i);
            if (doc.member(node, doc.key(member)) != member)
                return fail(u"member lookup"_s);
            if (!matchesQJson(doc, member, object.value(doc.key(member)), why))
                return false;
        }
        return true;
    }
    }
    return false;
}

QStringList keysOf(const ResponseDocument &doc, NodeId object)
{
    QStringList keys;
    for (int i = 0; i < doc.childCount(object); ++i)
        keys.append(doc.key(doc.child(object, i)));
    return keys;
}

// A ~20 MB Dagster-shaped response built in C++ when node is not installed.
QByteArray buildLargeResponse(int *runs)
{
    QByteArray out = R"({"data":{"runsOrError":{"__typename":"Runs","results":[)";
    int i = 0;
    for (; out.size() < 20 * 1024 * 1024; ++i) {
        if (i)
            out += ',';
        out += R"({"__typename":"Run","runId":"run-)" + QByteArray::number(i)
               + R"(","status":"SUCCESS",)"
                 R"("creationTime":)"
               + QByteArray::number(1700000000 + i * 37)
               + R"(.25,"canTerminate":false,)"
                 "\"tags\":[{\"key\":\"team\",\"value\":\"donn\\u00e9es \\\"q\\\" \\\\ \\n\"},"
                 "{\"key\":\"ключ\",\"value\":\"🧪 #42\"}],"
                 R"("stats":{"stepsSucceeded":7,"stepsFailed":null},"stepStats":[{"stepKey":"op_1","attempts":[]}]})";
    }
    out += R"(],"count":)" + QByteArray::number(i) + R"(}},"extensions":{"runs":)" + QByteArray::number(i) + "}}";
    *runs = i;
    return out;
}

// gen-response.mjs output (compact JSON), or an empty array when node is not installed or the generator failed.
QByteArray generateResponse(const QStringList &arguments)
{
    const QString node = QStandardPaths::findExecutable(u"node"_s);
    if (node.isEmpty())
        return {};
    QProcess generator;
    generator.start(node, QStringList{responsesDir() + u"/gen-response.mjs"_s} + arguments);
    if (!generator.waitForStarted(10000))
        return {};
    QByteArray bytes;
    // Drain stdout while it runs: the generator waits for the pipe (backpressure).
    QElapsedTimer limit;
    limit.start();
    while (generator.state() != QProcess::NotRunning && limit.elapsed() < 60000) {
        generator.waitForReadyRead(1000);
        bytes += generator.readAllStandardOutput();
    }
    if (generator.state() != QProcess::NotRunning) {
        generator.kill();
        generator.waitForFinished(5000);
        return {};
    }
    bytes += generator.readAllStandardOutput();
    return generator.exitStatus() == QProcess::NormalExit && generator.exitCode() == 0 ? bytes : QByteArray();
}

} // namespace

class ResponseDocumentTest final : public QObject
{
    Q_OBJECT

private slots:
    void rawAccessors();
    void fixtures_data();
    void fixtures();
    void keyOrder();
    void unicodeAndEscapes_data();
    void unicodeAndEscapes();
    void unicodeFixture();
    void randomStrings();
    void controlCharacterAtEveryAlignment();
    void numbers();
    void scalarRoots_data();
    void scalarRoots();
    void badJson_data();
    void badJson();
    void emptyInput_data();
    void emptyInput();
    void byteOrderMark();
    void deepNesting();
    void navigation();
    void pathsAndNodeAtPath();
    void pathStrings();
    void displayValue_data();
    void displayValue();
    void prettyJson();
    void largeGeneratedResponse();
    void exactNumberText_data();
    void exactNumberText();
    void nestingLimit_data();
    void nestingLimit();
    void paddedAndUnpadded();
    void garbageInPadding();
    void generatedRoundTrip();
    void enginesAgree();
    void escapedKeysAcrossTheIndex();
};

void ResponseDocumentTest::fixtures_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<bool>("hasData");
    QTest::addColumn<bool>("dataIsNull");
    QTest::addColumn<int>("errorCount");
    QTest::addColumn<bool>("hasExtensions");

    // Expected shapes, from tests/fixtures/responses/README.md and the files themselves.
    struct Expectation
    {
        bool hasData;
        bool dataIsNull;
        int errors;
        bool extensions;
    };
    const QHash<QString, Expectation> expected{
        {u"dagger_go_build_export.json"_s, {true, false, 0, false}},
        {u"dagster_launch_run_config_invalid.json"_s, {true, false, 0, false}}, // errors live inside data
        {u"dagster_runs_small.json"_s, {true, false, 0, false}},
        {u"dagster_terminate_run_not_found.json"_s, {true, false, 0, false}},
        {u"github_style_error_type_top_level.json"_s, {true, false, 1, false}},
        {u"null_bubbling_data_null.json"_s, {true, true, 1, false}},
        {u"null_bubbling_to_root.json"_s, {true, false, 1, false}},
        {u"partial_data_with_errors.json"_s, {true, false, 2, false}},
        {u"request_error_no_data.json"_s, {false, false, 1, false}},
        {u"unicode_and_escapes.json"_s, {true, false, 0, true}},
        {u"validation_errors_multiple.json"_s, {false, false, 2, false}},
    };
    const QStringList files = QDir(responsesDir()).entryList({u"*.json"_s}, QDir::Files, QDir::Name);
    QVERIFY2(files.size() >= expected.size(), "response fixtures are missing");
    for (const QString &file : files) {
        QVERIFY2(expected.contains(file), qPrintable(u"no expectation for fixture "_s + file));
        const Expectation e = expected.value(file);
        QTest::newRow(qPrintable(file)) << file << e.hasData << e.dataIsNull << e.errors << e.extensions;
    }
}

void ResponseDocumentTest::fixtures()
{
    QFETCH(QString, file);
    QFETCH(bool, hasData);
    QFETCH(bool, dataIsNull);
    QFETCH(int, errorCount);
    QFETCH(bool, hasExtensions);

    const QByteArray bytes = readFixture(file);
    QVERIFY(!bytes.isEmpty());
    const DocumentPtr doc = parseOrFail(bytes);
    QVERIFY(doc);
    QCOMPARE(doc->kind(doc->root()), JsonKind::Object);
    QVERIFY(doc->nodeCount() > 1);

    QString why;
    QJsonParseError qjsonError;
    const QJsonDocument oracle = QJsonDocument::fromJson(bytes, &qjsonError);
    QCOMPARE(qjsonError.error, QJsonParseError::NoError);
    QVERIFY2(matchesQJson(*doc, doc->root(), oracle.object(), &why), qPrintable(why));

    for (const int indent : {0, 2, 4}) {
        const QByteArray json = doc->toJson(doc->root(), indent);
        const DocumentPtr again = parseOrFail(json);
        QVERIFY(again);
        QCOMPARE(again->nodeCount(), doc->nodeCount());
        QVERIFY2(sameStructure(*doc, doc->root(), *again, again->root(), &why), qPrintable(why));
        QCOMPARE(again->toJson(again->root(), indent), json); // a fixed point
        QCOMPARE(json.contains('\n'), indent > 0);
    }

    const Sextant::Core::GraphQLResponse response = Sextant::Core::readGraphQLResponse(*doc);
    QVERIFY(response.isObject);
    QCOMPARE(response.hasData, hasData);
    QCOMPARE(response.dataIsNull, dataIsNull);
    QCOMPARE(response.errors.size(), errorCount);
    QCOMPARE(response.hasExtensions, hasExtensions);
    QCOMPARE(response.isRequestError(), !hasData && errorCount > 0);
    for (const Sextant::Core::ResponseError &error : response.errors) {
        QVERIFY(!error.message.isEmpty());
        QVERIFY(parseOrFail(error.json));
    }
}

void ResponseDocumentTest::keyOrder()
{
    // QJsonObject would sort these; the document keeps the order of the bytes (spec §7 map ordering).
    const DocumentPtr partial = parseOrFail(readFixture(u"partial_data_with_errors.json"_s));
    QVERIFY(partial);
    QCOMPARE(keysOf(*partial, partial->root()), QStringList({u"errors"_s, u"data"_s}));
    const NodeId node = partial->nodeAtPath({u"data"_s, u"repositoriesOrError"_s, u"nodes"_s, 0});
    QCOMPARE(keysOf(*partial, node), QStringList({u"name"_s, u"location"_s, u"jobs"_s}));

    const DocumentPtr runs = parseOrFail(readFixture(u"dagster_runs_small.json"_s));
    QVERIFY(runs);
    const NodeId run = runs->nodeAtPath({u"data"_s, u"runsOrError"_s, u"results"_s, 0});
    const QStringList expected{u"id"_s,           u"runId"_s,     u"status"_s,  u"jobName"_s, u"pipelineName"_s,
                               u"creationTime"_s, u"startTime"_s, u"endTime"_s, u"tags"_s,    u"stats"_s};
    QCOMPARE(keysOf(*runs, run), expected);
    const DocumentPtr compact = parseOrFail(runs->toJson(run, 0));
    QVERIFY(compact);
    QCOMPARE(keysOf(*compact, compact->root()), expected);
    QVERIFY(runs->toJson(run, 0).startsWith(R"({"id":"6b1f6e2a-0c1d-4b7e-9a51-3f2d1c0b9e77","runId":)"));

    const DocumentPtr duplicates = parseOrFail(R"({"b":1,"a":2,"b":3})");
    QVERIFY(duplicates);
    QCOMPARE(keysOf(*duplicates, 0), QStringList({u"b"_s, u"a"_s, u"b"_s}));
    QCOMPARE(duplicates->member(0, u"b"), duplicates->child(0, 0));
}

void ResponseDocumentTest::unicodeAndEscapes_data()
{
    QTest::addColumn<QByteArray>("literal");
    QTest::addColumn<QString>("expected");

    QTest::newRow("plain") << QByteArray(R"("abc")") << u"abc"_s;
    QTest::newRow("utf8") << QByteArray("\"Zo\xC3\xAB \xE4\xB8\xAD\xE6\x96\x87\"") << u"Zoë 中文"_s;
    QTest::newRow("bmp escape") << QByteArray(R"("\u00e9\u00C9")") << u"éÉ"_s;
    QTest::newRow("surrogate pair escape") << QByteArray(R"("\ud83d\ude80")") << u"🚀"_s;
    QTest::newRow("raw astral") << QByteArray("\"\xF0\x9F\x9A\x80!\"") << u"🚀!"_s;
    QTest::newRow("nul") << QByteArray(R"("a\u0000b")") << QString(u"a"_s + QChar(0) + u"b"_s);
    QTest::newRow("short escapes") << QByteArray(R"("\"\\\/\b\f\n\r\t")") << u"\"\\/\b\f\n\r\t"_s;
    QTest::newRow("line separators") << QByteArray(R"("\u2028x\u2029")")
                                     << QString(QChar(0x2028) + u"x"_s + QChar(0x2029));
    QTest::newRow("raw line separator") << QByteArray("\"\xE2\x80\xA8\"") << QString(QChar(0x2028));
    QTest::newRow("lone high surrogate") << QByteArray(R"("\ud800x")") << QString(QChar(0xD800) + u"x"_s);
    QTest::newRow("backslash before quote") << QByteArray(R"("a\\")") << u"a\\"_s;
    QTest::newRow("empty") << QByteArray(R"("")") << QString();
}

void ResponseDocumentTest::unicodeAndEscapes()
{
    QFETCH(QByteArray, literal);
    QFETCH(QString, expected);

    // As a value, as a key, and after a compact round trip.
    const DocumentPtr doc = parseOrFail("{" + literal + ":[" + literal + "]}");
    QVERIFY(doc);
    const NodeId member = doc->child(doc->root(), 0);
    QCOMPARE(doc->key(member), expected);
    QCOMPARE(doc->member(doc->root(), expected), member);
    QCOMPARE(doc->stringValue(doc->child(member, 0)), expected);

    const DocumentPtr again = parseOrFail(doc->toJson(doc->root(), 0));
    QVERIFY(again);
    QCOMPARE(again->stringValue(again->child(again->child(0, 0), 0)), expected);

    // pathToString re-escapes keys that are not names; the result parses back to the same string.
    const QString path = ResponseDocument::pathToString({expected});
    if (!expected.isEmpty() && !path.startsWith(QLatin1Char('['))) {
        QCOMPARE(path, expected);
    } else {
        QVERIFY(path.startsWith(u"[\""_s) && path.endsWith(u"\"]"_s));
        const DocumentPtr key = parseOrFail(path.sliced(1, path.size() - 2).toUtf8());
        QVERIFY(key);
        QCOMPARE(key->stringValue(key->root()), expected);
    }
}

void ResponseDocumentTest::unicodeFixture()
{
    const DocumentPtr doc = parseOrFail(readFixture(u"unicode_and_escapes.json"_s));
    QVERIFY(doc);
    const NodeId title = doc->nodeAtPath({u"data"_s, u"search"_s, 0, u"title"_s});
    QCOMPARE(doc->stringValue(title), u"Ünïcødé — 本 🚀 "_s + QChar(0) + u"nul \"quoted\" \\back\\slash\ttab"_s);
    const NodeId separators = doc->nodeAtPath({u"data"_s, u"search"_s, 2, u"title"_s});
    QCOMPARE(doc->stringValue(separators), QChar(0x2028) + u"line-sep"_s + QChar(0x2029) + u"para-sep"_s);
    const NodeId issue = doc->nodeAtPath({u"data"_s, u"search"_s, 2, u"issue"_s});
    QCOMPARE(doc->numberText(issue), u"-0"_s);
    QVERIFY(std::signbit(doc->numberValue(issue)));
    QCOMPARE(doc->numberText(doc->nodeAtPath({u"extensions"_s, u"cost"_s, u"requested"_s})), u"1.5e3"_s);
    QCOMPARE(doc->numberValue(doc->nodeAtPath({u"extensions"_s, u"cost"_s, u"max"_s})), 10000.0);

    int matched = 0;
    const QVariantList deepest{u"extensions"_s, u"trace"_s, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0};
    const NodeId ten = doc->nodeAtPath(deepest, &matched);
    QCOMPARE(matched, deepest.size());
    QCOMPARE(doc->numberValue(ten), 10.0);
    QCOMPARE(doc->path(ten), deepest);
    QCOMPARE(doc->pathString(ten), u"extensions.trace[0][1][1][1][1][1][1][1][1][1][0]"_s);
}

void ResponseDocumentTest::randomStrings()
{
    // Strings full of the bytes the scanner stops at, encoded by an independent writer (QJsonDocument).
    const QList<QString> alphabet{u"a"_s,
                                  u"\""_s,
                                  u"\\"_s,
                                  u"\n"_s,
                                  u"\t"_s,
                                  QString(QChar(1)),
                                  QString(QChar(0x1f)),
                                  u"é"_s,
                                  u"🚀"_s,
                                  QString(QChar(0x2028)),
                                  u"/"_s,
                                  u" "_s,
                                  u"\\u"_s,
                                  u"0"_s};
    QRandomGenerator random(42); // fixed seed: the same strings on every run
    QJsonArray array;
    QStringList expected;
    for (int i = 0; i < 3000; ++i) {
        QString text;
        const int length = int(random.bounded(40));
        for (int j = 0; j < length; ++j)
            text += alphabet.at(int(random.bounded(int(alphabet.size()))));
        array.append(text);
        expected.append(text);
    }
    const QByteArray json = QJsonDocument(array).toJson(QJsonDocument::Compact);
    const DocumentPtr doc = parseOrFail(json);
    QVERIFY(doc);
    QCOMPARE(doc->childCount(doc->root()), expected.size());
    for (int i = 0; i < expected.size(); ++i)
        QCOMPARE(doc->stringValue(doc->child(doc->root(), i)), expected.at(i));
    QCOMPARE(doc->toJson(doc->root(), 0), json);
}

void ResponseDocumentTest::controlCharacterAtEveryAlignment()
{
    // The string scanner reads 8 bytes at a time; a stop byte must be found at every position in a word.
    for (int prefix = 0; prefix < 24; ++prefix) {
        for (const char stop : {'\x01', '\x1f', '"', '\\'}) {
            const QByteArray body = QByteArray(prefix, 'a') + stop + QByteArray(17, 'b');
            ResponseDocument::ParseError error;
            const DocumentPtr doc = ResponseDocument::parse("[\"" + body + "\"]", &error);
            if (stop == '"') {
                QVERIFY(!doc); // the string ends early and 'b' follows it
                QCOMPARE(error.column, prefix + 4);
            } else if (stop == '\\') {
                QVERIFY(doc); // "\b" is a valid escape (backspace)
                QCOMPARE(doc->stringValue(doc->child(0, 0)),
                         QString(prefix, QLatin1Char('a')) + QChar(u'\b') + QString(16, QLatin1Char('b')));
            } else {
                QVERIFY(!doc);
                QCOMPARE(error.column, prefix + 3);
                QVERIFY(error.message.startsWith(u"Unescaped control character"_s));
            }
        }
        const QByteArray clean = "[\"" + QByteArray(prefix, 'a') + "\\\"" + QByteArray(9, 'b') + "\"]";
        const DocumentPtr doc = parseOrFail(clean);
        QVERIFY(doc);
        QCOMPARE(doc->stringValue(doc->child(0, 0)),
                 QString(prefix, QLatin1Char('a')) + u"\""_s + QString(9, QLatin1Char('b')));
    }
}

void ResponseDocumentTest::numbers()
{
    const QByteArray json =
        R"({"big":12345678901234567890,"bigger":-98765432109876543210987654321,"exp":1.5E+3,"tiny":1e-400,)"
        R"("huge":1e400,"neg":-1e400,"zero":0,"frac":0.000001,"longfrac":0.)"
        + QByteArray(400, '0') + R"(1,"int":-42})";
    const DocumentPtr doc = parseOrFail(json);
    QVERIFY(doc);
    const auto number = [&](const char16_t *key) { return doc->member(doc->root(), QStringView(key)); };
    QCOMPARE(doc->numberText(number(u"big")), u"12345678901234567890"_s);
    QCOMPARE(doc->numberValue(number(u"big")), 12345678901234567890.0);
    QCOMPARE(doc->numberText(number(u"bigger")), u"-98765432109876543210987654321"_s);
    QCOMPARE(doc->numberValue(number(u"bigger")), -98765432109876543210987654321.0);
    QCOMPARE(doc->numberValue(number(u"exp")), 1500.0);
    QCOMPARE(doc->numberValue(number(u"tiny")), 0.0);
    QVERIFY(std::isinf(doc->numberValue(number(u"huge"))) && doc->numberValue(number(u"huge")) > 0);
    QVERIFY(std::isinf(doc->numberValue(number(u"neg"))) && doc->numberValue(number(u"neg")) < 0);
    QCOMPARE(doc->numberValue(number(u"longfrac")), 0.0);
    QCOMPARE(doc->numberValue(number(u"frac")), 0.000001);
    QCOMPARE(doc->numberValue(number(u"int")), -42.0);
    QCOMPARE(doc->displayValue(number(u"big")), u"12345678901234567890"_s);
    // Exact spelling survives serialisation, so big ids are never rounded through a double.
    QCOMPARE(doc->toJson(doc->root(), 0), json);
    QVERIFY(doc->toJson(doc->root(), 2).contains(R"("bigger": -98765432109876543210987654321)"));
    // Non-numbers read as 0 / empty.
    QCOMPARE(doc->numberValue(doc->root()), 0.0);
    QVERIFY(doc->numberText(doc->root()).isEmpty());
}

void ResponseDocumentTest::scalarRoots_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("display");

    QTest::newRow("number") << QByteArray(" 42 ") << int(JsonKind::Number) << u"42"_s;
    QTest::newRow("string") << QByteArray("\"s\"") << int(JsonKind::String) << u"\"s\""_s;
    QTest::newRow("true") << QByteArray("true") << int(JsonKind::Bool) << u"true"_s;
    QTest::newRow("false") << QByteArray("\n false\r\n") << int(JsonKind::Bool) << u"false"_s;
    QTest::newRow("null") << QByteArray("null") << int(JsonKind::Null) << u"null"_s;
    QTest::newRow("empty array") << QByteArray("[ ]") << int(JsonKind::Array) << u"[0]"_s;
    QTest::newRow("empty object") << QByteArray("{\t}") << int(JsonKind::Object) << u"{0}"_s;
}

void ResponseDocumentTest::scalarRoots()
{
    QFETCH(QByteArray, json);
    QFETCH(int, kind);
    QFETCH(QString, display);

    const DocumentPtr doc = parseOrFail(json);
    QVERIFY(doc);
    QCOMPARE(int(doc->kind(doc->root())), kind);
    QCOMPARE(doc->displayValue(doc->root()), display);
    QCOMPARE(doc->nodeCount(), 1);
    QCOMPARE(doc->parent(doc->root()), ResponseDocument::InvalidNode);
    QCOMPARE(doc->indexInParent(doc->root()), -1);
    QVERIFY(doc->pathString(doc->root()).isEmpty());
    QVERIFY(doc->path(doc->root()).isEmpty());
    QCOMPARE(doc->toJson(doc->root(), 0), json.trimmed().replace(" ", "").replace("\t", ""));
    const auto response = Sextant::Core::readGraphQLResponse(*doc);
    QCOMPARE(response.isObject, kind == int(JsonKind::Object));
    QVERIFY(!response.hasData);
}

void ResponseDocumentTest::badJson_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("message"); // the full message, or a prefix ending with "…"

    QTest::newRow("end of input") << QByteArray(R"({"data":{"runs":)") << 1 << 17
                                  << u"Unexpected end of input at line 1, column 17"_s;
    QTest::newRow("unclosed array") << QByteArray("[1,2") << 1 << 5 << u"Unexpected end of input at line 1, column 5"_s;
    QTest::newRow("unclosed string") << QByteArray(R"(["abc)") << 1 << 6
                                     << u"Unexpected end of input inside a string at line 1, column 6"_s;
    QTest::newRow("trailing comma array")
        << QByteArray("[1,2,]") << 1 << 6 << u"Expected a JSON value, found ']' at line 1, column 6"_s;
    QTest::newRow("trailing comma object")
        << QByteArray(R"({"a":1,})") << 1 << 8 << u"Expected a string as object key, found '}' at line 1, column 8"_s;
    QTest::newRow("missing colon") << QByteArray(R"({"a" 1})") << 1 << 6
                                   << u"Expected ':' after the object key, found '1' at line 1, column 6"_s;
    QTest::newRow("missing comma array") << QByteArray(
        "[1 2]") << 1 << 4 << u"Expected ',' or ']' after an array element, found '2' at line 1, column 4"_s;
    QTest::newRow("missing comma object")
        << QByteArray(R"({"a":1 "b":2})") << 1 << 8 << u"Expected ',' or '}' after an object member, found '\"'…"_s;
    QTest::newRow("unquoted key") << QByteArray("{a:1}") << 1 << 2 << u"Expected a string as object key, found 'a'…"_s;
    QTest::newRow("numeric key") << QByteArray("{1:2}") << 1 << 2 << u"Expected a string as object key…"_s;
    QTest::newRow("bad literal") << QByteArray("[tru]") << 1 << 2 << u"Invalid literal: expected 'true'…"_s;
    QTest::newRow("literal too long") << QByteArray("[nulll]") << 1 << 2 << u"Invalid literal: expected 'null'…"_s;
    QTest::newRow("NaN") << QByteArray("[NaN]") << 1 << 2 << u"Expected a JSON value, found 'N'…"_s;
    QTest::newRow("leading zero") << QByteArray("[01]") << 1 << 3
                                  << u"Invalid number: leading zeros are not allowed…"_s;
    QTest::newRow("lone minus") << QByteArray("[-]") << 1 << 3 << u"Invalid number: expected a digit, found ']'…"_s;
    QTest::newRow("no fraction digits") << QByteArray("[1.]") << 1 << 4
                                        << u"Invalid number: expected a digit after '.'…"_s;
    QTest::newRow("no exponent digits") << QByteArray("[1e+]") << 1 << 5
                                        << u"Invalid number: expected a digit in the exponent…"_s;
    QTest::newRow("leading dot") << QByteArray("[.5]") << 1 << 2 << u"Expected a JSON value, found '.'…"_s;
    QTest::newRow("hex number") << QByteArray("[0x1F]") << 1 << 3 << u"Invalid number: unexpected 'x'…"_s;
    QTest::newRow("raw tab in string") << QByteArray("[\"a\tb\"]") << 1 << 4
                                       << u"Unescaped control character U+0009 in a string at line 1, column 4"_s;
    QTest::newRow("raw newline in string")
        << QByteArray("[\"a\nb\"]") << 1 << 4 << u"Unescaped control character U+000A…"_s;
    QTest::newRow("bad escape") << QByteArray(R"(["\x"])") << 1 << 3 << u"Invalid escape sequence '\\x' in a string…"_s;
    QTest::newRow("short unicode escape") << QByteArray(R"(["\u12G4"])") << 1 << 7 << u"Invalid \\u escape…"_s;
    QTest::newRow("trailing content") << QByteArray(R"({"a":1} x)") << 1 << 9
                                      << u"Unexpected 'x' after the end of the JSON value at line 1, column 9"_s;
    QTest::newRow("two documents") << QByteArray("[1] [2]") << 1 << 5 << u"Unexpected '[' after the end…"_s;
    QTest::newRow("extra close") << QByteArray("[1]]") << 1 << 4 << u"Unexpected ']' after the end…"_s;
    QTest::newRow("mismatched close") << QByteArray(R"({"a":[})") << 1 << 7 << u"Expected a JSON value, found '}'…"_s;
    QTest::newRow("comment") << QByteArray("// hi\n{}") << 1 << 1 << u"Expected a JSON value, found '/'…"_s;
    QTest::newRow("multi-line") << QByteArray("{\n  \"a\": [1,\n    2\n  }\n}") << 4 << 3
                                << u"Expected ',' or ']' after an array element, found '}' at line 4, column 3"_s;
    QTest::newRow("crlf lines") << QByteArray("{\r\n\"a\":\r\n}") << 3 << 1 << u"Expected a JSON value, found '}'…"_s;
    QTest::newRow("column counts UTF-16") << QByteArray("{\"\xC3\xA9\xF0\x9F\x9A\x80\": x}") << 1 << 9
                                          << u"Expected a JSON value, found 'x' at line 1, column 9"_s;
    QTest::newRow("invalid UTF-8") << QByteArray("[\"a\xFF\"]") << 1 << 4
                                   << u"Invalid UTF-8 byte sequence (byte 0xff) at line 1, column 4"_s;
    QTest::newRow("overlong UTF-8") << QByteArray("[\"\xC0\xAF\"]") << 1 << 3 << u"Invalid UTF-8 byte sequence…"_s;
    QTest::newRow("UTF-8 surrogate") << QByteArray("[\"\xED\xA0\x80\"]") << 1 << 3 << u"Invalid UTF-8 byte sequence…"_s;
    QTest::newRow("control char outside")
        << QByteArray("[1,\x01]") << 1 << 4 << u"Expected a JSON value, found U+0001…"_s;
    QTest::newRow("non-ASCII outside") << QByteArray("[\xC3\xA9]") << 1 << 2 << u"Expected a JSON value, found 'é'…"_s;
}

void ResponseDocumentTest::badJson()
{
    QFETCH(QByteArray, json);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, message);

    ResponseDocument::ParseError error;
    QVERIFY(!ResponseDocument::parse(json, &error));
    QCOMPARE(error.line, line);
    QCOMPARE(error.column, column);
    QVERIFY(error.offset >= 0 && error.offset <= json.size());
    if (message.endsWith(QChar(0x2026)))
        QVERIFY2(error.message.startsWith(message.chopped(1)), qPrintable(error.message));
    else
        QCOMPARE(error.message, message);
    QVERIFY2(error.message.endsWith(u" at line %1, column %2"_s.arg(line).arg(column)), qPrintable(error.message));
    // No error pointer is fine too.
    QVERIFY(!ResponseDocument::parse(json));
}

void ResponseDocumentTest::emptyInput_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::newRow("null bytes") << QByteArray() << 1 << 1;
    QTest::newRow("empty") << QByteArray("") << 1 << 1;
    QTest::newRow("whitespace") << QByteArray(" \n\t ") << 2 << 3;
    QTest::newRow("only BOM") << QByteArray("\xEF\xBB\xBF") << 1 << 2;
}

void ResponseDocumentTest::emptyInput()
{
    QFETCH(QByteArray, json);
    QFETCH(int, line);
    QFETCH(int, column);
    ResponseDocument::ParseError error;
    QVERIFY(!ResponseDocument::parse(json, &error));
    QVERIFY2(error.message.startsWith(u"Unexpected end of input: the document is empty"_s), qPrintable(error.message));
    QCOMPARE(error.line, line);
    QCOMPARE(error.column, column);
}

void ResponseDocumentTest::byteOrderMark()
{
    const DocumentPtr doc = parseOrFail("\xEF\xBB\xBF{\"a\":1}");
    QVERIFY(doc);
    QCOMPARE(doc->toJson(doc->root(), 0), QByteArray(R"({"a":1})"));
}

void ResponseDocumentTest::deepNesting()
{
    constexpr int depth = 100000;
    // Unclosed: fails cleanly at the end.
    ResponseDocument::ParseError error;
    QVERIFY(!ResponseDocument::parse(QByteArray(depth, '['), &error));
    QCOMPARE(error.message, u"Unexpected end of input at line 1, column %1"_s.arg(depth + 1));

    // Closed: succeeds; nothing recurses, so neither parsing nor walking overflows the stack.
    const QByteArray arrays = QByteArray(depth, '[') + QByteArray(depth, ']');
    const DocumentPtr doc = parseOrFail(arrays);
    QVERIFY(doc);
    QCOMPARE(doc->nodeCount(), depth);
    NodeId innermost = doc->root();
    while (doc->childCount(innermost) > 0)
        innermost = doc->child(innermost, 0);
    QCOMPARE(innermost, NodeId(depth - 1));
    QCOMPARE(doc->path(innermost).size(), depth - 1);
    QCOMPARE(doc->pathString(innermost).size(), 3 * (depth - 1));
    QCOMPARE(doc->nodeAtPath(doc->path(innermost)), innermost);
    QCOMPARE(doc->toJson(doc->root(), 0), arrays);

    QByteArray objects;
    for (int i = 0; i < depth; ++i)
        objects += "{\"a\":";
    objects += "null" + QByteArray(depth, '}');
    const DocumentPtr objectDoc = parseOrFail(objects);
    QVERIFY(objectDoc);
    QCOMPARE(objectDoc->nodeCount(), depth + 1);
    QCOMPARE(objectDoc->toJson(objectDoc->root(), 0), objects);
    QCOMPARE(Sextant::Core::readGraphQLResponse(*objectDoc).hasData, false);
}

void ResponseDocumentTest::navigation()
{
    const DocumentPtr doc = parseOrFail(R"({"a":[10,{"b":true,"c":"x"},[]],"d":{}})");
    QVERIFY(doc);
    const NodeId root = doc->root();
    QCOMPARE(doc->childCount(root), 2);
    const NodeId a = doc->child(root, 0);
    QCOMPARE(doc->key(a), u"a"_s);
    QCOMPARE(doc->kind(a), JsonKind::Array);
    QCOMPARE(doc->childCount(a), 3);
    QCOMPARE(doc->displayValue(a), u"[3]"_s);
    const NodeId object = doc->child(a, 1);
    QCOMPARE(doc->parent(object), a);
    QCOMPARE(doc->indexInParent(object), 1);
    QCOMPARE(doc->indexInParent(doc->child(a, 2)), 2);
    QVERIFY(doc->key(object).isEmpty()); // array elements have no key
    QCOMPARE(doc->displayValue(object), u"{2}"_s);
    QVERIFY(doc->boolValue(doc->member(object, u"b")));
    QCOMPARE(doc->stringValue(doc->member(object, u"c")), u"x"_s);
    QCOMPARE(doc->member(object, u"missing"), ResponseDocument::InvalidNode);
    QCOMPARE(doc->member(a, u"b"), ResponseDocument::InvalidNode); // not an object
    QCOMPARE(doc->child(a, 3), ResponseDocument::InvalidNode);
    QCOMPARE(doc->child(a, -1), ResponseDocument::InvalidNode);
    QCOMPARE(doc->child(doc->child(a, 0), 0), ResponseDocument::InvalidNode); // scalar
    QCOMPARE(doc->childCount(doc->member(root, u"d")), 0);
    // Invalid ids are harmless.
    QCOMPARE(doc->kind(ResponseDocument::InvalidNode), JsonKind::Null);
    QCOMPARE(doc->childCount(12345), 0);
    QCOMPARE(doc->parent(12345), ResponseDocument::InvalidNode);
    QVERIFY(doc->key(12345).isEmpty());
    QVERIFY(doc->toJson(12345).isEmpty());
    QVERIFY(doc->pathString(12345).isEmpty());
    QCOMPARE(doc->nodeAtPath(12345, {u"a"_s}), ResponseDocument::InvalidNode);
    QCOMPARE(doc->toJson(object, 0), QByteArray(R"({"b":true,"c":"x"})"));
    QCOMPARE(doc->bytes(), QByteArray(R"({"a":[10,{"b":true,"c":"x"},[]],"d":{}})"));
}

void ResponseDocumentTest::pathsAndNodeAtPath()
{
    const DocumentPtr doc = parseOrFail(readFixture(u"null_bubbling_to_root.json"_s));
    QVERIFY(doc);
    const auto response = Sextant::Core::readGraphQLResponse(*doc);
    QCOMPARE(response.errors.size(), 1);
    const QVariantList errorPath = response.errors.at(0).path;
    QCOMPARE(errorPath, QVariantList({u"viewer"_s, u"repositories"_s, u"nodes"_s, 1, u"owner"_s, u"login"_s}));
    QCOMPARE(response.errors.at(0).pathString, u"viewer.repositories.nodes[1].owner.login"_s);

    // The error path points into a subtree that null bubbling removed: the nearest ancestor is the null item.
    const NodeId data = doc->member(doc->root(), u"data");
    int matched = -1;
    const NodeId nearest = doc->nodeAtPath(data, errorPath, &matched);
    QCOMPARE(matched, 4);
    QCOMPARE(doc->kind(nearest), JsonKind::Null);
    QCOMPARE(doc->pathString(nearest), u"data.viewer.repositories.nodes[1]"_s);
    QCOMPARE(doc->path(nearest), QVariantList({u"data"_s, u"viewer"_s, u"repositories"_s, u"nodes"_s, 1}));
    QCOMPARE(doc->nodeAtPath(QVariantList{u"data"_s} + errorPath, &matched), nearest);
    QCOMPARE(matched, 5);

    // Existing paths round-trip through path()/nodeAtPath(); qint64 and integral doubles work as indices.
    const NodeId login = doc->nodeAtPath(
        {u"data"_s, u"viewer"_s, u"repositories"_s, u"nodes"_s, qint64(0), u"owner"_s, u"login"_s}, &matched);
    QCOMPARE(matched, 7);
    QCOMPARE(doc->stringValue(login), u"octocat"_s);
    QCOMPARE(doc->nodeAtPath(doc->path(login)), login);
    QCOMPARE(doc->nodeAtPath({u"data"_s, u"viewer"_s, u"repositories"_s, u"nodes"_s, 0.0}),
             doc->nodeAtPath({u"data"_s, u"viewer"_s, u"repositories"_s, u"nodes"_s, 0}));
    // Wrong kinds stop the walk: a name into an array, an index into an object, an index out of range.
    const NodeId nodes = doc->nodeAtPath({u"data"_s, u"viewer"_s, u"repositories"_s, u"nodes"_s});
    QCOMPARE(doc->nodeAtPath({u"data"_s, u"viewer"_s, u"repositories"_s, u"nodes"_s, u"0"_s}, &matched), nodes);
    QCOMPARE(matched, 4);
    QCOMPARE(doc->nodeAtPath({u"data"_s, 0}, &matched), data);
    QCOMPARE(matched, 1);
    QCOMPARE(doc->nodeAtPath({u"data"_s, u"viewer"_s, u"repositories"_s, u"nodes"_s, 2}, &matched), nodes);
    QCOMPARE(doc->nodeAtPath({u"nope"_s}, &matched), doc->root());
    QCOMPARE(matched, 0);
    QCOMPARE(doc->nodeAtPath({}), doc->root());

    // partial_data_with_errors: "jobs": null on nodes[2], the error points at jobs[0].name.
    const DocumentPtr partial = parseOrFail(readFixture(u"partial_data_with_errors.json"_s));
    QVERIFY(partial);
    const auto partialErrors = Sextant::Core::readGraphQLResponse(*partial).errors;
    const NodeId jobs = partial->nodeAtPath(partial->member(0, u"data"), partialErrors.at(1).path, &matched);
    QCOMPARE(matched, 4);
    QCOMPARE(partial->pathString(jobs), u"data.repositoriesOrError.nodes[2].jobs"_s);
    QCOMPARE(partial->kind(jobs), JsonKind::Null);
}

void ResponseDocumentTest::pathStrings()
{
    const DocumentPtr doc = parseOrFail(R"({"a b":{"dagster/run_key":[{"x.y":1,"_ok9":2}]},"":3})");
    QVERIFY(doc);
    const NodeId xy = doc->nodeAtPath({u"a b"_s, u"dagster/run_key"_s, 0, u"x.y"_s});
    QCOMPARE(doc->pathString(xy), uR"(["a b"]["dagster/run_key"][0]["x.y"])"_s);
    const NodeId ok = doc->nodeAtPath({u"a b"_s, u"dagster/run_key"_s, 0, u"_ok9"_s});
    QCOMPARE(doc->pathString(ok), uR"(["a b"]["dagster/run_key"][0]._ok9)"_s);
    QCOMPARE(doc->pathString(doc->member(0, u"")), uR"([""])"_s);
    QCOMPARE(ResponseDocument::pathToString({u"data"_s, u"runsOrError"_s, u"results"_s, 3, u"runId"_s}),
             u"data.runsOrError.results[3].runId"_s);
    QCOMPARE(ResponseDocument::pathToString({2, u"a"_s}), u"[2].a"_s);
    QCOMPARE(ResponseDocument::pathToString({u"say \"hi\""_s}), uR"(["say \"hi\""])"_s);
    QVERIFY(ResponseDocument::pathToString({}).isEmpty());
}

void ResponseDocumentTest::displayValue_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("maxChars");
    QTest::addColumn<QString>("expected");

    QTest::newRow("string") << QByteArray(R"(["abc"])") << 200 << u"\"abc\""_s;
    QTest::newRow("elided") << QByteArray(R"(["0123456789abcdef"])") << 10 << u"\"0123456789…\""_s;
    QTest::newRow("exactly max") << QByteArray(R"(["0123456789"])") << 10 << u"\"0123456789\""_s;
    QTest::newRow("escapes shown") << QByteArray(R"(["line\nbreak\t\"q\" \\"])") << 200
                                   << uR"("line\nbreak\t\"q\" \\")"_s;
    QTest::newRow("control") << QByteArray(R"(["\u0001"])") << 200 << uR"("\u0001")"_s;
    QTest::newRow("unicode kept") << QByteArray(R"(["Zoë \ud83d\ude80"])") << 200 << u"\"Zoë 🚀\""_s;
    QTest::newRow("number") << QByteArray("[42]") << 200 << u"42"_s;
    QTest::newRow("true") << QByteArray("[true]") << 200 << u"true"_s;
    QTest::newRow("null") << QByteArray("[null]") << 200 << u"null"_s;
    QTest::newRow("object") << QByteArray(R"([{"a":1,"b":2,"c":3}])") << 200 << u"{3}"_s;
    QByteArray many = "[[";
    for (int i = 0; i < 120; ++i)
        many += (i ? "," : "") + QByteArray::number(i);
    QTest::newRow("array") << many + "]]" << 200 << u"[120]"_s;
}

void ResponseDocumentTest::displayValue()
{
    QFETCH(QByteArray, json);
    QFETCH(int, maxChars);
    QFETCH(QString, expected);
    const DocumentPtr doc = parseOrFail(json);
    QVERIFY(doc);
    QCOMPARE(doc->displayValue(doc->child(doc->root(), 0), maxChars), expected);
}

void ResponseDocumentTest::prettyJson()
{
    const DocumentPtr doc = parseOrFail(R"({ "a" : [1, {"b":null}], "c":{}, "d":[], "e\u00e9":"\u00e9" })");
    QVERIFY(doc);
    // The layout of JSON.stringify(value, null, 2); scalars and keys keep their spelling.
    const QByteArray expected = "{\n"
                                "  \"a\": [\n"
                                "    1,\n"
                                "    {\n"
                                "      \"b\": null\n"
                                "    }\n"
                                "  ],\n"
                                "  \"c\": {},\n"
                                "  \"d\": [],\n"
                                "  \"e\\u00e9\": \"\\u00e9\"\n"
                                "}";
    QCOMPARE(doc->toJson(doc->root()), expected);
    QCOMPARE(doc->toJson(doc->root(), 0), QByteArray(R"({"a":[1,{"b":null}],"c":{},"d":[],"e\u00e9":"\u00e9"})"));
    QCOMPARE(doc->toJson(doc->member(0, u"a"), 1), QByteArray("[\n 1,\n {\n  \"b\": null\n }\n]"));
    QCOMPARE(doc->toJson(doc->nodeAtPath({u"a"_s, 1, u"b"_s})), QByteArray("null"));
}

void ResponseDocumentTest::largeGeneratedResponse()
{
    QByteArray bytes;
    int runs = -1;
    bool withErrors = false;
    const QString node = QStandardPaths::findExecutable(u"node"_s);
    if (!node.isEmpty()) {
        QProcess generator;
        generator.start(
            node, {responsesDir() + u"/gen-response.mjs"_s, u"--mb"_s, u"20"_s, u"--seed"_s, u"3"_s, u"--errors"_s});
        QVERIFY(generator.waitForStarted(10000));
        // Drain stdout while it runs: the generator waits for the pipe (backpressure).
        QElapsedTimer limit;
        limit.start();
        while (generator.state() != QProcess::NotRunning && limit.elapsed() < 60000) {
            generator.waitForReadyRead(1000);
            bytes += generator.readAllStandardOutput();
        }
        QCOMPARE(generator.state(), QProcess::NotRunning);
        bytes += generator.readAllStandardOutput();
        QCOMPARE(generator.exitStatus(), QProcess::NormalExit);
        QCOMPARE(generator.exitCode(), 0);
        withErrors = true;
    } else {
        bytes = buildLargeResponse(&runs);
    }
    QVERIFY2(bytes.size() > 19 * 1024 * 1024, qPrintable(QString::number(bytes.size())));

    QElapsedTimer timer;
    timer.start();
    const DocumentPtr doc = parseOrFail(bytes);
    const qint64 parseMs = timer.elapsed();
    QVERIFY(doc);
    qInfo("parsed %lld bytes into %lld nodes in %lld ms", qint64(bytes.size()), doc->nodeCount(), parseMs);
    // Plausible: compact Dagster-shaped JSON averages ~20 bytes per value.
    QVERIFY(doc->nodeCount() > bytes.size() / 60);
    QVERIFY(doc->nodeCount() < bytes.size() / 8);

    const NodeId results = doc->nodeAtPath({u"data"_s, u"runsOrError"_s, u"results"_s});
    QCOMPARE(doc->kind(results), JsonKind::Array);
    const int count = doc->childCount(results);
    QVERIFY(count > 1000);
    QCOMPARE(doc->numberValue(doc->nodeAtPath({u"data"_s, u"runsOrError"_s, u"count"_s})), double(count));
    QCOMPARE(doc->numberValue(doc->nodeAtPath({u"extensions"_s, u"runs"_s})), double(count));
    if (runs >= 0)
        QCOMPARE(count, runs);
    const NodeId lastRunId = doc->nodeAtPath({u"data"_s, u"runsOrError"_s, u"results"_s, count - 1, u"runId"_s});
    QCOMPARE(doc->kind(lastRunId), JsonKind::String);
    QCOMPARE(doc->pathString(lastRunId), u"data.runsOrError.results[%1].runId"_s.arg(count - 1));

    const auto response = Sextant::Core::readGraphQLResponse(*doc);
    QVERIFY(response.hasData && !response.dataIsNull && response.hasExtensions);
    if (withErrors) {
        // --errors nulls "stats" on runs 13, 110, 207, ... and reports each in errors[].
        QCOMPARE(response.errors.size(), (count - 13 + 96) / 97);
        for (const Sextant::Core::ResponseError &error : response.errors) {
            int matched = 0;
            const NodeId target = doc->nodeAtPath(doc->member(0, u"data"), error.path, &matched);
            QCOMPARE(matched, error.path.size());
            QCOMPARE(doc->kind(target), JsonKind::Null);
        }
    }

    // The generator writes compact JSON, so a compact re-serialisation reproduces it byte for byte.
    timer.restart();
    const QByteArray json = doc->toJson(doc->root(), 0);
    qInfo("serialised in %lld ms", timer.elapsed());
    QVERIFY(json == bytes);
}

// The allocation-free accessors the introspection reader uses: raw spans, escape flags, byte-exact comparisons.
void ResponseDocumentTest::rawAccessors()
{
    const QByteArray bytes = R"({"plain" : "text", "esc\u0061ped":"a\nb", "ünï":"", "n": 1,
  "k"
  :
  "v"})";
    const auto document = Sextant::Core::ResponseDocument::parse(bytes);
    QVERIFY(document);
    using Doc = Sextant::Core::ResponseDocument;
    const Doc::NodeId root = document->root();
    QCOMPARE(document->childCount(root), 5);
    const Doc::NodeId plain = document->child(root, 0);
    QCOMPARE(document->rawKey(plain), QByteArrayView("plain"));
    QVERIFY(!document->keyHasEscapes(plain));
    QVERIFY(document->keyEquals(plain, "plain"));
    QVERIFY(!document->keyEquals(plain, "plai"));
    QCOMPARE(document->rawString(plain), QByteArrayView("text"));
    QVERIFY(!document->stringHasEscapes(plain));
    QVERIFY(document->stringEquals(plain, "text"));

    const Doc::NodeId escaped = document->child(root, 1);
    QVERIFY(document->keyHasEscapes(escaped));
    QVERIFY(document->keyEquals(escaped, "escaped")); // decoded when the name has escapes
    QVERIFY(document->stringHasEscapes(escaped));
    QVERIFY(document->stringEquals(escaped, "a\nb"));
    QCOMPARE(document->rawString(escaped), QByteArrayView("a\\nb"));

    const Doc::NodeId unicode = document->child(root, 2);
    QVERIFY(document->keyEquals(unicode, QUtf8StringView(u8"ünï")));
    QVERIFY(!document->keyEquals(unicode, "uni"));
    QVERIFY(document->stringEquals(unicode, ""));

    // Whitespace and line breaks around ':' do not confuse the key span.
    const Doc::NodeId spaced = document->child(root, 4);
    QCOMPARE(document->rawKey(spaced), QByteArrayView("k"));
    QCOMPARE(document->stringValue(spaced), QStringLiteral("v"));
    // A number is not a string: comparing it as one is false, not a crash.
    QVERIFY(!document->stringEquals(document->child(root, 3), "1"));
}

void ResponseDocumentTest::exactNumberText_data()
{
    QTest::addColumn<QByteArray>("number");
    QTest::addColumn<double>("value");
    QTest::newRow("2^64") << QByteArray("18446744073709551616") << 18446744073709551616.0;
    QTest::newRow("30 digits") << QByteArray("-123456789012345678901234567890") << -123456789012345678901234567890.0;
    QTest::newRow("int64 min") << QByteArray("-9223372036854775808") << -9223372036854775808.0;
    QTest::newRow("2^53 + 1") << QByteArray("9007199254740993") << 9007199254740992.0;
    QTest::newRow("negative zero") << QByteArray("-0") << -0.0;
    QTest::newRow("exponent") << QByteArray("1E+2") << 100.0;
    QTest::newRow("small") << QByteArray("0.1e-5") << 0.000001;
    QTest::newRow("trailing zeros") << QByteArray("1.500000000000000000000") << 1.5;
    QTest::newRow("overflow") << QByteArray("1e400") << std::numeric_limits<double>::infinity();
}

void ResponseDocumentTest::exactNumberText()
{
    QFETCH(QByteArray, number);
    QFETCH(double, value);
    // In an array, as a member and as the root: the token is kept exactly as written.
    const QByteArray json = "{\"a\":[" + number + "," + number + " ],\"n\":" + number + "\n}";
    const DocumentPtr doc = parseOrFail(json);
    QVERIFY(doc);
    const NodeId member = doc->member(doc->root(), u"n");
    const NodeId array = doc->child(doc->root(), 0);
    for (const NodeId node : {doc->child(array, 0), doc->child(array, 1), member}) {
        QCOMPARE(doc->kind(node), JsonKind::Number);
        QCOMPARE(doc->numberText(node), QString::fromLatin1(number));
        QCOMPARE(doc->numberValue(node), value);
    }
    QCOMPARE(doc->toJson(doc->root(), 0), "{\"a\":[" + number + "," + number + "],\"n\":" + number + "}");
    const DocumentPtr root = parseOrFail(" " + number + " ");
    QVERIFY(root);
    QCOMPARE(root->numberText(root->root()), QString::fromLatin1(number));
}

void ResponseDocumentTest::nestingLimit_data()
{
    QTest::addColumn<bool>("objects");
    QTest::newRow("arrays") << false;
    QTest::newRow("objects") << true;
}

void ResponseDocumentTest::nestingLimit()
{
    QFETCH(bool, objects);
    const auto nested = [objects](int depth) {
        QByteArray json;
        json.reserve(qsizetype(depth) * 6 + 8);
        for (int i = 0; i < depth; ++i)
            json += objects ? "{\"a\":" : "[";
        json += "1";
        for (int i = 0; i < depth; ++i)
            json += objects ? '}' : ']';
        return json;
    };
    constexpr int limit = ResponseDocumentBuilder::maxDepth;
    const QByteArray deepest = nested(limit);
    const DocumentPtr doc = parseOrFail(deepest);
    QVERIFY(doc);
    QCOMPARE(doc->nodeCount(), qint64(limit) + 1);
    QCOMPARE(doc->toJson(doc->root(), 0), deepest);

    const QByteArray tooDeep = nested(limit + 1);
    ResponseDocument::ParseError error;
    QVERIFY(!ResponseDocument::parse(tooDeep, &error));
    const qint64 offset = qint64(limit) * (objects ? 5 : 1); // the bracket that opens level limit + 1
    QCOMPARE(error.offset, offset);
    QCOMPARE(error.line, 1);
    QCOMPARE(error.column, int(offset) + 1);
    QCOMPARE(error.message, u"Nesting deeper than %1 levels at line 1, column %2"_s.arg(limit).arg(offset + 1));
    // The reference scanner has no limit: the input itself is valid JSON.
    QVERIFY(ResponseDocumentBuilder::parse(tooDeep, nullptr, Engine::Reference));
}

void ResponseDocumentTest::paddedAndUnpadded()
{
    static const char json[] = R"({"data":{"s":"caf\u00e9","n":12345678901234567890,"list":[true,null,"x"]}})";
    const auto size = qsizetype(sizeof(json) - 1);

    // Spare capacity for simdjson's read-ahead: parsed in place, the document shares the caller's buffer.
    QByteArray padded;
    padded.reserve(size + ResponseDocument::requiredPadding);
    padded.append(json, size);
    QVERIFY(padded.capacity() - padded.size() >= ResponseDocument::requiredPadding);
    const DocumentPtr inPlace = parseOrFail(padded);
    QVERIFY(inPlace);
    QVERIFY(inPlace->bytes().constData() == padded.constData());

    // No spare capacity (raw data): copied once into a padded buffer that the document owns.
    const QByteArray raw = QByteArray::fromRawData(json, size);
    QCOMPARE(raw.capacity(), 0);
    const DocumentPtr copied = parseOrFail(raw);
    QVERIFY(copied);
    QVERIFY(copied->bytes().constData() != raw.constData());
    QCOMPARE(copied->bytes(), raw);

    // Exactly as large as the text.
    QByteArray tight(size, Qt::Uninitialized);
    std::memcpy(tight.data(), json, size_t(size));
    QVERIFY(tight.capacity() - tight.size() < ResponseDocument::requiredPadding);
    const DocumentPtr fromTight = parseOrFail(tight);
    QVERIFY(fromTight);

    QString why;
    for (const DocumentPtr &doc : {copied, fromTight}) {
        QCOMPARE(doc->nodeCount(), inPlace->nodeCount());
        QVERIFY2(sameStructure(*inPlace, inPlace->root(), *doc, doc->root(), &why), qPrintable(why));
        QCOMPARE(doc->toJson(doc->root(), 0), padded);
    }
    QCOMPARE(inPlace->stringValue(inPlace->nodeAtPath({u"data"_s, u"s"_s})), u"café"_s);
}

void ResponseDocumentTest::garbageInPadding()
{
    // Whatever lies in the spare capacity after the text must not complete or extend the document.
    const QList<QByteArray> cases{"[[1]", "{\"a\":[1,2", "[\"abc", "{\"a\":tru", "[1,2,", "[12"};
    for (const QByteArray &text : cases) {
        for (const char filler : {']', '}', '"', ' ', '1', 'e'}) {
            QByteArray bytes(text.size() + 2 * ResponseDocument::requiredPadding, filler);
            std::memcpy(bytes.data(), text.constData(), size_t(text.size()));
            bytes.resize(text.size()); // keeps the capacity and the filler behind the terminating '\0'
            QVERIFY(bytes.capacity() - bytes.size() >= ResponseDocument::requiredPadding);
            ResponseDocument::ParseError error;
            QVERIFY2(!ResponseDocument::parse(bytes, &error), text.constData());
            QVERIFY2(error.offset >= 0 && error.offset <= text.size(), qPrintable(error.message));
            ResponseDocument::ParseError reference;
            QVERIFY(!ResponseDocumentBuilder::parse(text, &reference, Engine::Reference));
            QCOMPARE(error.message, reference.message);
        }
    }
}

void ResponseDocumentTest::generatedRoundTrip()
{
    QByteArray bytes = generateResponse({u"--mb"_s, u"5"_s, u"--seed"_s, u"7"_s, u"--errors"_s});
    if (bytes.isEmpty()) {
        int runs = 0;
        bytes = buildLargeResponse(&runs);
    }
    QVERIFY2(bytes.size() > 5 * 1000 * 1000, qPrintable(QString::number(bytes.size())));
    const DocumentPtr doc = parseOrFail(bytes);
    QVERIFY(doc);
    QVERIFY(doc->toJson(doc->root(), 0) == bytes);
    // Same tape as the reference scanner, node for node.
    const DocumentPtr reference = ResponseDocumentBuilder::parse(bytes, nullptr, Engine::Reference);
    QVERIFY(reference);
    QCOMPARE(doc->nodeCount(), reference->nodeCount());
    QString why;
    QVERIFY2(sameStructure(*doc, doc->root(), *reference, reference->root(), &why), qPrintable(why));
    for (NodeId id = 0; id < NodeId(doc->nodeCount()); id += 997) {
        QCOMPARE(doc->parent(id), reference->parent(id));
        QCOMPARE(doc->rawKey(id), reference->rawKey(id));
        QCOMPARE(doc->keyHasEscapes(id), reference->keyHasEscapes(id));
        QCOMPARE(doc->stringHasEscapes(id), reference->stringHasEscapes(id));
    }
    // Pretty output re-parses to the same structure.
    const DocumentPtr pretty = parseOrFail(doc->toJson(doc->root(), 2));
    QVERIFY(pretty);
    QVERIFY2(sameStructure(*doc, doc->root(), *pretty, pretty->root(), &why), qPrintable(why));
}

void ResponseDocumentTest::enginesAgree()
{
    // Random single-byte edits of valid documents: simdjson and the reference scanner accept the same inputs and
    // build the same tape (the simdjson engine describes errors with the reference scanner, so messages match).
    const QList<QByteArray> seeds{
        R"({"data":{"a":[1,-2.5e3,true,false,null,"x\"y\\z\u00e9"],"b":{},"c":[]},"errors":[{"message":"m"}]})",
        "{\n  \"k\\u0041\" : [ 0 , 1.0 , \"\xC3\xA9\xF0\x9F\x9A\x80\" ] ,\r\n \"o\":{\"p\":null}\t}",
        R"([[[[{"a":[{"b":"c"}]}]]],"tail",12345678901234567890])",
        R"({"a":{"b":{"c":[1,{"d":"e"},[],{}]}},"f":"g","h":[["i"],{"j":[true]}]})",
        R"([{"":""},{"k":-0.0e-0},"\/

	",[null,[false,[0]]]])",
    };
    const QByteArray alphabet = "{}[]\":,\\ \n0123456789-+.eEtrufalsn\x01\x7f\xC3\xA9\xFF";
    QRandomGenerator random(20240611);
    int accepted = 0;
    int rejected = 0;
    for (int round = 0; round < 30000; ++round) {
        QByteArray json = seeds.at(round % seeds.size());
        const int edits = 1 + random.bounded(3);
        for (int e = 0; e < edits; ++e) {
            const int at = random.bounded(int(json.size()));
            const char c = alphabet.at(random.bounded(int(alphabet.size())));
            switch (random.bounded(3)) {
            case 0:
                json[at] = c;
                break;
            case 1:
                json.insert(at, c);
                break;
            default:
                json.remove(at, 1);
                break;
            }
        }
        ResponseDocument::ParseError simdError;
        ResponseDocument::ParseError referenceError;
        const DocumentPtr simd = ResponseDocument::parse(json, &simdError);
        const DocumentPtr reference = ResponseDocumentBuilder::parse(json, &referenceError, Engine::Reference);
        QVERIFY2(bool(simd) == bool(reference), json.toHex(' ').constData());
        if (!simd) {
            ++rejected;
            QCOMPARE(simdError.message, referenceError.message);
            QCOMPARE(simdError.offset, referenceError.offset);
            continue;
        }
        ++accepted;
        QCOMPARE(simd->nodeCount(), reference->nodeCount());
        QCOMPARE(simd->toJson(simd->root(), 0), reference->toJson(reference->root(), 0));
        QString why;
        QVERIFY2(sameStructure(*simd, simd->root(), *reference, reference->root(), &why), qPrintable(why));
    }
    QVERIFY(accepted > 100);
    QVERIFY(rejected > 1000);
}

// Member names are found by stepping back from the value (no key offset in the node), and the simdjson engine gives
// the structural index back to the system while it walks: a document of several MB with escaped, backslash-ending
// and empty member names and whitespace everywhere must give the same name, kind and parent for every node as the
// reference scanner, from the first node to the last.
void ResponseDocumentTest::escapedKeysAcrossTheIndex()
{
    const QList<QByteArray> keys{R"("a")", R"("q\"uote")", R"("ends\\")", R"("\\")", R"("\"")", R"("")",
                                 R"("\u00e9t\u00e9")", R"("x\\\"y")", R"("long key with spaces, commas: and colons")"};
    const QList<QByteArray> gaps{"", " ", "\n  ", "\t", "\r\n"};
    QRandomGenerator random(7);
    QByteArray bytes = "{\"items\" :\n[";
    int items = 0;
    while (bytes.size() < 3 * 1024 * 1024) {
        if (items++ > 0)
            bytes += ",";
        bytes += gaps.at(random.bounded(int(gaps.size()))) + "{";
        const int members = 1 + random.bounded(6);
        for (int m = 0; m < members; ++m) {
            if (m > 0)
                bytes += "," + gaps.at(random.bounded(int(gaps.size())));
            bytes += keys.at(random.bounded(int(keys.size()))) + gaps.at(random.bounded(int(gaps.size()))) + ":"
                     + gaps.at(random.bounded(int(gaps.size())));
            switch (random.bounded(4)) {
            case 0:
                bytes += QByteArray::number(random.bounded(100000));
                break;
            case 1:
                bytes += R"("v\\al\"ue")";
                break;
            case 2:
                bytes += "[" + keys.at(random.bounded(int(keys.size()))) + ", {" + keys.at(0) + ":null}]";
                break;
            default:
                bytes += "true";
                break;
            }
        }
        bytes += gaps.at(random.bounded(int(gaps.size()))) + "}";
    }
    bytes += "]\n}\n";
    const DocumentPtr doc = parseOrFail(bytes);
    const DocumentPtr reference = ResponseDocumentBuilder::parse(bytes, nullptr, Engine::Reference);
    QVERIFY(doc);
    QVERIFY(reference);
    QCOMPARE(doc->nodeCount(), reference->nodeCount());
    QVERIFY2(doc->nodeCount() > 150000, qPrintable(QString::number(doc->nodeCount())));
    QCOMPARE(doc->toJson(doc->root(), 0), reference->toJson(reference->root(), 0));
    for (NodeId id = 0; id < NodeId(doc->nodeCount()); ++id) {
        QCOMPARE(doc->kind(id), reference->kind(id));
        QCOMPARE(doc->parent(id), reference->parent(id));
        QCOMPARE(doc->rawKey(id), reference->rawKey(id));
        QCOMPARE(doc->keyHasEscapes(id), reference->keyHasEscapes(id));
        QCOMPARE(doc->stringHasEscapes(id), reference->stringHasEscapes(id));
        if (doc->kind(reference->parent(id)) == JsonKind::Object) {
            const QByteArrayView raw = doc->rawKey(id);
            QCOMPARE(doc->keyHasEscapes(id), raw.contains('\\'));
            QVERIFY(doc->keyEquals(id, QUtf8StringView(doc->key(id).toUtf8())));
        } else {
            QVERIFY(doc->rawKey(id).isEmpty());
            QVERIFY(doc->key(id).isEmpty());
        }
    }
    // Spot checks of decoded names.
    const NodeId first = doc->child(doc->member(doc->root(), u"items"), 0);
    QCOMPARE(doc->kind(first), JsonKind::Object);
    QCOMPARE(doc->key(doc->member(doc->root(), u"items")), u"items"_s);
    QVERIFY(doc->member(first, doc->key(doc->child(first, 0))) != ResponseDocument::InvalidNode);
}

QTEST_GUILESS_MAIN(ResponseDocumentTest)
#include "responsedocument_test.moc"
