// SPDX-License-Identifier: MIT
// Sextant: what Run checks locally before anything is sent, and which operation it picks.
#include <app/run/requestpreparation.h>

#include <QTest>

using namespace Sextant;
using namespace Qt::StringLiterals;

class RequestPreparationTest final : public QObject
{
    Q_OBJECT

private slots:
    void problems_data();
    void problems();
    void picksOperation_data();
    void picksOperation();
    void keepsVariablesVerbatim();
};

void RequestPreparationTest::problems_data()
{
    QTest::addColumn<QString>("document");
    QTest::addColumn<QString>("variables");
    QTest::addColumn<QString>("headers");
    QTest::addColumn<int>("input");
    QTest::addColumn<QString>("messageContains");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    const QString ok = u"{ a }"_s;
    QTest::newRow("variables syntax") << ok << u"{\n  \"a\": 1,\n}"_s << QString() << int(App::RequestInput::Variables)
                                      << u"at line 3, column 2. Nothing was sent."_s << 3 << 2; // Qt reports the offset after the brace
    QTest::newRow("variables not an object") << ok << u"[1]"_s << QString() << int(App::RequestInput::Variables)
                                             << u"must be a JSON object"_s << 0 << 0;
    QTest::newRow("bad header") << ok << QString() << u"no colon here"_s << int(App::RequestInput::Headers)
                                << u"Headers: "_s << 0 << 0;
    QTest::newRow("empty document") << u"  \n"_s << QString() << QString() << int(App::RequestInput::Query)
                                    << u"The query editor is empty"_s << 0 << 0;
    QTest::newRow("syntax error") << u"query {\n  a(\n}"_s << QString() << QString() << int(App::RequestInput::Query)
                                  << u"Syntax Error: Expected Name, found \"}\". (line 3, column 1)"_s << 3 << 1;
    QTest::newRow("only fragments") << u"fragment F on Query { a }"_s << QString() << QString()
                                    << int(App::RequestInput::Query) << u"no operation to run"_s << 0 << 0;
    QTest::newRow("anonymous among several") << u"{ a }\nquery B { b }"_s << QString() << QString()
                                             << int(App::RequestInput::Query) << u"Anonymous operations"_s << 0 << 0;
}

void RequestPreparationTest::problems()
{
    QFETCH(QString, document);
    QFETCH(QString, variables);
    QFETCH(QString, headers);
    QFETCH(int, input);
    QFETCH(QString, messageContains);
    QFETCH(int, line);
    QFETCH(int, column);
    const App::PreparedRequest prepared = App::prepareRequest(document, variables, headers, 0, 0);
    QVERIFY(!prepared.isValid());
    QCOMPARE(int(prepared.problem.input), input);
    QVERIFY2(prepared.problem.message.contains(messageContains), qPrintable(prepared.problem.message));
    QCOMPARE(prepared.problem.line, line);
    QCOMPARE(prepared.problem.column, column);
    QVERIFY(prepared.request.query.isEmpty()); // nothing to send
}

void RequestPreparationTest::picksOperation_data()
{
    QTest::addColumn<QString>("document");
    QTest::addColumn<int>("atCursor");
    QTest::addColumn<int>("picked");
    QTest::addColumn<QString>("operationName");
    const QString two = u"query A { a }\nmutation B { b }\nquery C { c }"_s;
    QTest::newRow("single anonymous: no name sent") << u"{ a }"_s << 0 << 0 << QString();
    QTest::newRow("single named: no name needed") << u"query A { a }"_s << -1 << 0 << QString();
    QTest::newRow("cursor in the second") << two << 1 << 0 << u"B"_s;
    QTest::newRow("cursor in the third") << two << 2 << 0 << u"C"_s;
    QTest::newRow("between operations: toolbar pick") << two << -1 << 2 << u"C"_s;
    QTest::newRow("pick out of range is clamped") << two << -1 << 9 << u"C"_s;
}

void RequestPreparationTest::picksOperation()
{
    QFETCH(QString, document);
    QFETCH(int, atCursor);
    QFETCH(int, picked);
    QFETCH(QString, operationName);
    const App::PreparedRequest prepared = App::prepareRequest(document, QString(), QString(), atCursor, picked);
    QVERIFY2(prepared.isValid(), qPrintable(prepared.problem.message));
    QCOMPARE(prepared.request.operationName, operationName);
    QCOMPARE(prepared.request.query, document);
}

void RequestPreparationTest::keepsVariablesVerbatim()
{
    const QString variables = u"{\"big\": 12345678901234567890123}"_s;
    const App::PreparedRequest prepared = App::prepareRequest(u"{ a }"_s, variables, u"X-Trace: 1"_s, 0, 0);
    QVERIFY(prepared.isValid());
    QCOMPARE(prepared.request.variablesJson, variables.toUtf8());
}

QTEST_GUILESS_MAIN(RequestPreparationTest)
#include "requestpreparation_test.moc"
