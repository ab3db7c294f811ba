// SPDX-License-Identifier: MIT
// Sextant: {{name}} substitution: plain and JSON text, unknown names with positions, escapes, no recursion.
#include <store/templatesubstitution.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Sextant;
using namespace Qt::StringLiterals;

class TemplateSubstitutionTest final : public QObject
{
    Q_OBJECT

private slots:
    void substitutes_data();
    void substitutes();
    void unknownNames_data();
    void unknownNames();
    void jsonWholeValueStaysString();
    void mapsBackToSource();
    void names_data();
    void names();

private:
    static QHash<QString, QString> values();
};

QHash<QString, QString> TemplateSubstitutionTest::values()
{
    return {{u"baseUrl"_s, u"http://127.0.0.1:3000"_s},
            {u"token"_s, u"t0k\"en\\x"_s},
            {u"n"_s, u"20"_s},
            {u"a.b-c_d"_s, u"dotted"_s},
            {u"self"_s, u"{{baseUrl}}"_s},
            {u"line"_s, u"one\ntwo\tthree\u0001"_s},
            {u"empty"_s, QString()}};
}

void TemplateSubstitutionTest::substitutes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("json");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<int>("count");
    QTest::newRow("url") << u"{{baseUrl}}/graphql"_s << false << u"http://127.0.0.1:3000/graphql"_s << 1;
    QTest::newRow("spaces and tabs inside") << u"{{ baseUrl\t}}/x"_s << false << u"http://127.0.0.1:3000/x"_s << 1;
    QTest::newRow("several occurrences") << u"{{n}}-{{n}}-{{ n }}"_s << false << u"20-20-20"_s << 3;
    QTest::newRow("dotted name") << u"[{{a.b-c_d}}]"_s << false << u"[dotted]"_s << 1;
    QTest::newRow("plain value verbatim")
        << u"Authorization: Bearer {{token}}"_s << false << u"Authorization: Bearer t0k\"en\\x"_s << 1;
    QTest::newRow("no recursion into values") << u"{{self}}"_s << false << u"{{baseUrl}}"_s << 1;
    QTest::newRow("empty value") << u"a{{empty}}b"_s << false << u"ab"_s << 1;
    QTest::newRow("not a reference: empty") << u"{{}} {{ }}"_s << false << u"{{}} {{ }}"_s << 0;
    QTest::newRow("not a reference: two words") << u"{{a b}}"_s << false << u"{{a b}}"_s << 0;
    QTest::newRow("not a reference: unclosed") << u"{{n"_s << false << u"{{n"_s << 0;
    QTest::newRow("nested: inner one substituted") << u"{{x{{n}}}}"_s << false << u"{{x20}}"_s << 1;
    QTest::newRow("triple braces") << u"{{{n}}}"_s << false << u"{20}"_s << 1;
    QTest::newRow("escape") << u"\\{{n}} {{n}}"_s << false << u"{{n}} 20"_s << 1;
    QTest::newRow("lone backslash kept") << u"a\\b {{n}}"_s << false << u"a\\b 20"_s << 1;
    QTest::newRow("json string escapes value")
        << u"{\"t\": \"Bearer {{token}}\"}"_s << true << u"{\"t\": \"Bearer t0k\\\"en\\\\x\"}"_s << 1;
    QTest::newRow("json controls escaped")
        << u"{\"l\": \"{{line}}\"}"_s << true << u"{\"l\": \"one\\ntwo\\tthree\\u0001\"}"_s << 1;
    QTest::newRow("json outside string raw") << u"{\"first\": {{n}}}"_s << true << u"{\"first\": 20}"_s << 1;
    QTest::newRow("json key") << u"{\"{{n}}\": 1}"_s << true << u"{\"20\": 1}"_s << 1;
    QTest::newRow("json escaped quote keeps string state")
        << u"{\"a\": \"x\\\"{{n}}\"}"_s << true << u"{\"a\": \"x\\\"20\"}"_s << 1;
    QTest::newRow("json escaped backslash then reference")
        << u"{\"p\": \"C:\\\\{{n}}\"}"_s << true << u"{\"p\": \"C:\\\\20\"}"_s << 1;
    QTest::newRow("json brace escape in string") << u"{\"m\": \"\\{{n}}\"}"_s << true << u"{\"m\": \"{{n}}\"}"_s << 0;
    QTest::newRow("multi-line") << u"A: {{n}}\nB: {{baseUrl}}"_s << false << u"A: 20\nB: http://127.0.0.1:3000"_s << 2;
}

void TemplateSubstitutionTest::substitutes()
{
    QFETCH(QString, text);
    QFETCH(bool, json);
    QFETCH(QString, expected);
    QFETCH(int, count);
    const Store::SubstitutionResult result = Store::substituteTemplate(
        text, values(), json ? Store::TemplateSyntax::Json : Store::TemplateSyntax::PlainText);
    QVERIFY(result.isValid());
    QCOMPARE(result.text, expected);
    QCOMPARE(result.substitutions, count);
}

void TemplateSubstitutionTest::unknownNames_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("json");
    QTest::addColumn<QStringList>("names");
    QTest::addColumn<QList<int>>("lines");
    QTest::addColumn<QList<int>>("columns");
    QTest::addColumn<QString>("expected");
    QTest::newRow("one") << u"{{host}}/graphql"_s << false << QStringList{u"host"_s} << QList<int>{1} << QList<int>{1}
                         << u"{{host}}/graphql"_s;
    QTest::newRow("each occurrence, known ones still substituted")
        << u"X: {{n}}\nY: {{missing}} {{ missing }}"_s << false << QStringList{u"missing"_s, u"missing"_s}
        << QList<int>{2, 2} << QList<int>{4, 16} << u"X: 20\nY: {{missing}} {{ missing }}"_s;
    QTest::newRow("json, third line") << u"{\n  \"a\": 1,\n  \"b\": \"{{nope}}\"\n}"_s << true << QStringList{u"nope"_s}
                                      << QList<int>{3} << QList<int>{9}
                                      << u"{\n  \"a\": 1,\n  \"b\": \"{{nope}}\"\n}"_s;
    QTest::newRow("case matters") << u"{{Token}}"_s << false << QStringList{u"Token"_s} << QList<int>{1}
                                  << QList<int>{1} << u"{{Token}}"_s;
    QTest::newRow("escaped is not unknown")
        << u"\\{{nope}}"_s << false << QStringList() << QList<int>() << QList<int>() << u"{{nope}}"_s;
}

void TemplateSubstitutionTest::unknownNames()
{
    QFETCH(QString, text);
    QFETCH(bool, json);
    QFETCH(QStringList, names);
    QFETCH(QList<int>, lines);
    QFETCH(QList<int>, columns);
    QFETCH(QString, expected);
    const Store::SubstitutionResult result = Store::substituteTemplate(
        text, values(), json ? Store::TemplateSyntax::Json : Store::TemplateSyntax::PlainText);
    QCOMPARE(result.isValid(), names.isEmpty());
    QStringList gotNames;
    QList<int> gotLines;
    QList<int> gotColumns;
    for (const Store::TemplateReference &reference : result.unknown) {
        gotNames << reference.name;
        gotLines << reference.line;
        gotColumns << reference.column;
        QCOMPARE(text.mid(reference.offset, 2), u"{{"_s);
        QCOMPARE(text.mid(reference.offset + reference.length - 2, 2), u"}}"_s);
    }
    QCOMPARE(gotNames, names);
    QCOMPARE(gotLines, lines);
    QCOMPARE(gotColumns, columns);
    QCOMPARE(result.text, expected);
}

void TemplateSubstitutionTest::jsonWholeValueStaysString()
{
    // Whatever the value holds (a number, JSON, quotes), "{{v}}" stays a JSON string with exactly that value.
    for (const QString &value : {u"20"_s, u"{\"a\":1}"_s, u"say \"hi\"\\"_s, u"true"_s, u"\n"_s}) {
        const auto result =
            Store::substituteTemplate(u"{\"v\": \"{{v}}\"}"_s, {{u"v"_s, value}}, Store::TemplateSyntax::Json);
        QJsonParseError error;
        const QJsonDocument json = QJsonDocument::fromJson(result.text.toUtf8(), &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QVERIFY(json.object().value("v"_L1).isString());
        QCOMPARE(json.object().value("v"_L1).toString(), value);
    }
}

void TemplateSubstitutionTest::mapsBackToSource()
{
    const QString text = u"ab{{n}}cd\\{{x}}ef{{baseUrl}}gh"_s;
    const auto result = Store::substituteTemplate(text, values());
    QCOMPARE(result.text, u"ab20cd{{x}}efhttp://127.0.0.1:3000gh"_s);
    QCOMPARE(result.sourceOffset(0), 0); // a
    QCOMPARE(result.sourceOffset(2), 2); // inside "20" → the reference
    QCOMPARE(result.sourceOffset(3), 2);
    QCOMPARE(result.sourceOffset(4), text.indexOf(u'c'));
    QCOMPARE(result.sourceOffset(6), text.indexOf(u"{{x")); // the escaped braces, after the dropped backslash
    QCOMPARE(result.sourceOffset(11), text.indexOf(u"ef"));
    QCOMPARE(result.sourceOffset(result.text.indexOf(u"gh")), text.indexOf(u"gh"));
}

void TemplateSubstitutionTest::names_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");
    QTest::newRow("word") << u"token"_s << true;
    QTest::newRow("dotted") << u"api.key-2_x"_s << true;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("space") << u"a b"_s << false;
    QTest::newRow("brace") << u"a}"_s << false;
}

void TemplateSubstitutionTest::names()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    QCOMPARE(Store::isTemplateVariableName(name), valid);
    if (valid)
        QCOMPARE(Store::templateReferences(u"x {{"_s + name + u"}}"_s).value(0).name, name);
}

QTEST_GUILESS_MAIN(TemplateSubstitutionTest)
#include "templatesubstitution_test.moc"
