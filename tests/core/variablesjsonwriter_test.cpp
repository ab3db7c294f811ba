// SPDX-License-Identifier: MIT
// Sextant: tests for setVariableInJsonText() and suggestVariableName() ("Use as Variable…").
#include <core/response/responsedocument.h>
#include <core/response/variablesjsonwriter.h>

#include <QTest>

using namespace Qt::StringLiterals;
using Sextant::Core::ResponseDocument;

class VariablesJsonWriterTest final : public QObject
{
    Q_OBJECT

private slots:
    void setVariable_data();
    void setVariable();
    void errors_data();
    void errors();
    void suggestName_data();
    void suggestName();
};

void VariablesJsonWriterTest::setVariable_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QString>("expected");

    QTest::newRow("empty") << QString() << u"directoryId"_s << QByteArray(R"("DIR_1")")
                           << u"{\n  \"directoryId\": \"DIR_1\"\n}"_s;
    QTest::newRow("blank") << u"  \n"_s << u"n"_s << QByteArray("42") << u"{\n  \"n\": 42\n}"_s;
    QTest::newRow("empty object keeps surroundings")
        << u"  {}\n"_s << u"n"_s << QByteArray("true") << u"  {\n  \"n\": true\n}\n"_s;
    QTest::newRow("append multi-line, keep indent and order")
        << u"{\n    \"b\": 1,\n    \"a\": [1, 2]\n}\n"_s << u"c"_s << QByteArray(R"("x")")
        << u"{\n    \"b\": 1,\n    \"a\": [1, 2],\n    \"c\": \"x\"\n}\n"_s;
    QTest::newRow("append one-line") << uR"({"a":1})"_s << u"b"_s << QByteArray("null") << uR"({"a":1, "b": null})"_s;
    QTest::newRow("replace in place") << u"{\n  \"a\": 1,\n  \"id\": {\"old\": [\"}\"]},\n  \"z\": \"q\"\n}"_s
                                      << u"id"_s << QByteArray(R"("new")")
                                      << u"{\n  \"a\": 1,\n  \"id\": \"new\",\n  \"z\": \"q\"\n}"_s;
    QTest::newRow("replace escaped key") << uR"({ "\u0061" : 1 })"_s << u"a"_s << QByteArray("2")
                                         << uR"({ "\u0061" : 2 })"_s;
    QTest::newRow("string with braces and quotes untouched")
        << uR"({"s": "a\"}, {b", "n": 0})"_s << u"n"_s << QByteArray("1") << uR"({"s": "a\"}, {b", "n": 1})"_s;
    QTest::newRow("name escaped") << uR"({})"_s << u"we\"ird"_s << QByteArray("1") << u"{\n  \"we\\\"ird\": 1\n}"_s;
    QTest::newRow("big integer kept") << u"{}"_s << u"n"_s << QByteArray("12345678901234567890")
                                      << u"{\n  \"n\": 12345678901234567890\n}"_s;
}

void VariablesJsonWriterTest::setVariable()
{
    QFETCH(QString, text);
    QFETCH(QString, name);
    QFETCH(QByteArray, value);
    QFETCH(QString, expected);
    QString error = u"stale"_s;
    const QString result = Sextant::Core::setVariableInJsonText(text, name, value, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(result, expected);
    QVERIFY(ResponseDocument::parse(result.toUtf8()));
}

void VariablesJsonWriterTest::errors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QString>("message");
    QTest::newRow("invalid json") << u"{\"a\": }"_s << u"b"_s << QByteArray("1")
                                  << u"the variables are not valid JSON: "_s;
    QTest::newRow("not an object") << u"[1]"_s << u"b"_s << QByteArray("1")
                                   << u"the variables must be a JSON object, not array"_s;
    QTest::newRow("empty name") << u"{}"_s << QString() << QByteArray("1") << u"the variable name is empty"_s;
    QTest::newRow("bad value") << u"{}"_s << u"b"_s << QByteArray("nope") << u"the value is not JSON"_s;
}

void VariablesJsonWriterTest::errors()
{
    QFETCH(QString, text);
    QFETCH(QString, name);
    QFETCH(QByteArray, value);
    QFETCH(QString, message);
    QString error;
    QCOMPARE(Sextant::Core::setVariableInJsonText(text, name, value, &error), text);
    QVERIFY2(error.startsWith(message), qPrintable(error));
}

void VariablesJsonWriterTest::suggestName_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("name");
    QTest::newRow("id under directory") << u"data.directory.id"_s << u"directoryId"_s;
    QTest::newRow("dagger chain") << u"data.git.branch.tree.id"_s << u"treeId"_s;
    QTest::newRow("runId stays") << u"data.runsOrError.results[1].runId"_s << u"runId"_s;
    QTest::newRow("id in list element") << u"data.runsOrError.results[0].id"_s << u"resultsId"_s;
    QTest::newRow("name under branch") << u"data.git.branch.name"_s << u"branchName"_s;
    QTest::newRow("odd key sanitized") << uR"(data["a b"])"_s << u"a_b"_s;
    QTest::newRow("digit key") << uR"(data["9"])"_s << u"_9"_s;
    QTest::newRow("top-level id") << u"id"_s << u"id"_s;
    QTest::newRow("root list element") << u"data.list[0]"_s << u"list"_s;
}

void VariablesJsonWriterTest::suggestName()
{
    QFETCH(QString, path);
    QFETCH(QString, name);
    const auto document = ResponseDocument::parse(
        R"({"id":1,"data":{"directory":{"id":"D"},"git":{"branch":{"name":"main","tree":{"id":"T"}}},)"
        R"("runsOrError":{"results":[{"id":"r0"},{"runId":"r1"}]},"a b":1,"9":2,"list":[7]}})");
    QVERIFY(document);
    const auto node = [&] {
        for (qint64 i = 0; i < document->nodeCount(); ++i) {
            if (document->pathString(ResponseDocument::NodeId(i)) == path)
                return ResponseDocument::NodeId(i);
        }
        return ResponseDocument::InvalidNode;
    }();
    QVERIFY(node != ResponseDocument::InvalidNode);
    QCOMPARE(Sextant::Core::suggestVariableName(*document, node), name);
}

QTEST_APPLESS_MAIN(VariablesJsonWriterTest)
#include "variablesjsonwriter_test.moc"
