// SPDX-License-Identifier: MIT
// Sextant: `sextant validate` — JSON output, exit status and schema formats, through a real process on stdio.
#include <QProcess>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// The real executable: `sextant validate` is dispatched by src/main.cpp before any GUI object exists.
const QString Sextant = QStringLiteral(SEXTANT_BINARY_DIR "/sextant");
const QString Fixtures = QStringLiteral(SEXTANT_FIXTURES_DIR);

struct Outcome
{
    int exitCode = -1;
    QString out;
    QString err;
};

Outcome run(const QStringList &arguments, const QByteArray &input)
{
    QProcess process;
    process.start(Sextant, QStringList{QStringLiteral("validate")} + arguments);
    Outcome outcome;
    if (!process.waitForStarted(10000))
        return outcome;
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(120000))
        return outcome;
    outcome.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    outcome.out = QString::fromUtf8(process.readAllStandardOutput());
    outcome.err = QString::fromUtf8(process.readAllStandardError());
    return outcome;
}

} // namespace

class ValidateCommandTest final : public QObject
{
    Q_OBJECT

private slots:
    void output_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("document");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("stdoutText");
        const QString small = Fixtures + u"/schemas/small/introspection.json"_s;
        const QString smallSdl = Fixtures + u"/schemas/small/schema.graphql"_s;
        const QString github = Fixtures + u"/schemas/github/introspection.json.gz"_s;
        const QString unknownDirective =
            u"{\"errors\":[{\"message\":\"Unknown directive \\\"@nope\\\".\",\"locations\":[{\"line\":1,\"column\":24}]}]}"_s
            + u'\n';
        QTest::newRow("valid") << QStringList{u"--schema"_s, small} << QByteArray("{ viewer { displayName } }") << 0
                               << u"{\"errors\":[]}\n"_s;
        QTest::newRow("invalid") << QStringList{u"--schema"_s, small} << QByteArray("{ viewer { displayName @nope } }")
                                 << 1 << unknownDirective;
        QTest::newRow("sdl schema") << QStringList{u"--schema="_s + smallSdl}
                                    << QByteArray("{ viewer { displayName @nope } }") << 1 << unknownDirective;
        QTest::newRow("gzipped introspection")
            << QStringList{u"--schema"_s, github} << QByteArray("{ viewer { login } }") << 0 << u"{\"errors\":[]}\n"_s;
        QTest::newRow("syntax error")
            << QStringList{u"--schema"_s, small} << QByteArray("{ member(id: \"1) { displayName } }") << 1
            << u"{\"errors\":[{\"message\":\"Syntax Error: Unterminated string.\",\"locations\":[{\"line\":1,\"column\":35}]}]}"_s
                   + u'\n';
        QTest::newRow("variables coerced")
            << QStringList{u"--schema"_s, small, u"--variables"_s, u"{\"n\":\"x\"}"_s}
            << QByteArray("query Q($n: Int) { books(first: $n) { title } }") << 1
            << u"{\"errors\":[{\"message\":\"Variable \\\"$n\\\" got invalid value \\\"x\\\"; Int cannot represent non-integer value: \\\"x\\\"\",\"locations\":[{\"line\":1,\"column\":9}]}]}"_s
                   + u'\n';
        QTest::newRow("variables fine") << QStringList{u"--schema"_s, small, u"--variables"_s, u"{\"n\":3}"_s}
                                        << QByteArray("query Q($n: Int) { books(first: $n) { title } }") << 0
                                        << u"{\"errors\":[]}\n"_s;
    }

    void output()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, document);
        QFETCH(int, exitCode);
        QFETCH(QString, stdoutText);
        const Outcome outcome = run(arguments, document);
        QCOMPARE(outcome.out, stdoutText);
        QCOMPARE(outcome.exitCode, exitCode);
        QCOMPARE(outcome.err, QString());
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("no schema") << QStringList{};
        QTest::newRow("unknown option") << QStringList{u"--schema"_s, Fixtures + u"/schemas/small/introspection.json"_s,
                                                       u"--bogus"_s};
        QTest::newRow("missing file") << QStringList{u"--schema"_s, Fixtures + u"/schemas/none/introspection.json"_s};
        QTest::newRow("not a schema") << QStringList{u"--schema"_s, Fixtures + u"/validation/README.md"_s};
    }

    void usageErrors()
    {
        QFETCH(QStringList, arguments);
        const Outcome outcome = run(arguments, QByteArray("{ viewer { displayName } }"));
        QCOMPARE(outcome.exitCode, 2);
        QCOMPARE(outcome.out, QString());
        QVERIFY(outcome.err.startsWith(u"sextant: "_s));
        QCOMPARE(outcome.err.count(u'\n'), 1);
    }
};

QTEST_GUILESS_MAIN(ValidateCommandTest)
#include "validatecommand_test.moc"
