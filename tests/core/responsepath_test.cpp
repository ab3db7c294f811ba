// SPDX-License-Identifier: MIT
// Sextant: tests for the response path syntax (ResponsePath) against ResponseDocument::pathString().
#include <core/response/responsedocument.h>
#include <core/response/responsepath.h>

#include <QTest>

using namespace Qt::StringLiterals;
using Sextant::Core::ResponseDocument;
using Sextant::Core::ResponsePath;

class ResponsePathTest final : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void errors_data();
    void errors();
    void roundTripsEveryNode();
};

void ResponsePathTest::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QVariantList>("steps");
    QTest::newRow("root") << QString() << QVariantList();
    QTest::newRow("dagster") << u"data.runsOrError.results[3].runId"_s
                             << QVariantList{u"data"_s, u"runsOrError"_s, u"results"_s, 3, u"runId"_s};
    QTest::newRow("dagger") << u"data.git.branch.tree.id"_s
                            << QVariantList{u"data"_s, u"git"_s, u"branch"_s, u"tree"_s, u"id"_s};
    QTest::newRow("leading index") << u"[0][12].a"_s << QVariantList{0, 12, u"a"_s};
    QTest::newRow("quoted key") << uR"(data["a b"].c)"_s << QVariantList{u"data"_s, u"a b"_s, u"c"_s};
    QTest::newRow("quoted escapes") << uR"(["q\"x\u00e9"])"_s << QVariantList{u"q\"xé"_s};
    QTest::newRow("unicode key") << uR"(data["ключ"])"_s << QVariantList{u"data"_s, u"ключ"_s};
}

void ResponsePathTest::parse()
{
    QFETCH(QString, text);
    QFETCH(QVariantList, steps);
    QString error;
    const auto parsed = ResponsePath::parse(text, &error);
    QVERIFY2(parsed, qPrintable(error));
    QCOMPARE(*parsed, steps);
    // Written back, the path reads the same steps (and is the same text unless it used \u escapes).
    QCOMPARE(ResponsePath::parse(ResponsePath::toString(*parsed)), parsed);
    if (!text.contains(u"\\u"_s))
        QCOMPARE(ResponsePath::toString(*parsed), text);
}

void ResponsePathTest::errors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");
    QTest::newRow("leading dot") << u".data"_s << u"expected a name at character 1"_s;
    QTest::newRow("trailing dot") << u"data."_s << u"expected a name at the end of the path"_s;
    QTest::newRow("double dot") << u"a..b"_s << u"expected a name at character 3"_s;
    QTest::newRow("unclosed bracket") << u"a[3"_s << u"expected \"]\" at the end of the path"_s;
    QTest::newRow("negative index") << u"a[-1]"_s << u"expected an index or a quoted name after \"[\" at character 3"_s;
    QTest::newRow("space") << u"a b"_s << u"unexpected \" \" at character 2"_s;
    QTest::newRow("unterminated") << uR"(a["b)"_s << u"unterminated string at the end of the path"_s;
    QTest::newRow("bad escape") << uR"(a["\q"])"_s << u"invalid string at character 3"_s;
    QTest::newRow("huge index") << u"a[99999999999]"_s << u"index too large at character 3"_s;
}

void ResponsePathTest::errors()
{
    QFETCH(QString, text);
    QFETCH(QString, message);
    QString error;
    QVERIFY(!ResponsePath::parse(text, &error));
    QCOMPARE(error, message);
}

void ResponsePathTest::roundTripsEveryNode()
{
    const auto document =
        ResponseDocument::parse(R"({"data":{"a b":[{"x.y":1,"_ok9":[true,null]},{"9":"n","ключ":{"":2}}],"e":{}}})");
    QVERIFY(document);
    for (qint64 i = 0; i < document->nodeCount(); ++i) {
        const auto node = ResponseDocument::NodeId(i);
        const QString text = document->pathString(node);
        QString error;
        const auto steps = ResponsePath::parse(text, &error);
        QVERIFY2(steps, qPrintable(text + u": "_s + error));
        QCOMPARE(*steps, document->path(node));
        QCOMPARE(document->nodeAtPath(*steps), node);
    }
}

QTEST_APPLESS_MAIN(ResponsePathTest)
#include "responsepath_test.moc"
