// SPDX-License-Identifier: MIT
// Sextant: tests `sextant format` in-process through runFormatCommand() with in-memory streams.

#include <cli/formatcommand.h>

#include <QBuffer>
#include <QTest>

using namespace Sextant::Cli;
using namespace Qt::StringLiterals;

class FormatCommandTest final : public QObject
{
    Q_OBJECT

private slots:
    void formats_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QByteArray>("output");
        QTest::addColumn<QByteArray>("errors");
        QTest::newRow("pretty") << QStringList() << QByteArray("query Q{a(x:1){b}} # end") << 0
                                << QByteArray("query Q {\n  a(x: 1) {\n    b\n  }\n} # end\n") << QByteArray();
        QTest::newRow("minify") << QStringList{u"--minify"_s} << QByteArray("query Q {\n  a(x: 1) { b }\n}\n# c\n") << 0
                                << QByteArray("query Q{a(x:1){b}}\n") << QByteArray();
        QTest::newRow("indent") << QStringList{u"--indent"_s, u"4"_s} << QByteArray("{a{b}}") << 0
                                << QByteArray("{\n    a {\n        b\n    }\n}\n") << QByteArray();
        QTest::newRow("syntax error") << QStringList() << QByteArray("{ a") << 1 << QByteArray()
                                      << QByteArray(
                                             "sextant: <stdin>: Syntax Error: Expected Name, found <EOF>. (1:4)\n");
        QTest::newRow("unknown option") << QStringList{u"--frobnicate"_s} << QByteArray("{a}") << 2 << QByteArray()
                                        << QByteArray(
                                               "sextant: unknown format option \"--frobnicate\"\n"
                                               "usage: sextant format [--minify] [--indent N] < document.graphql\n");
    }

    void formats()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, input);
        QFETCH(int, exitCode);
        QFETCH(QByteArray, output);
        QFETCH(QByteArray, errors);
        QBuffer in(&input);
        QByteArray outBytes, errBytes;
        QBuffer out(&outBytes), err(&errBytes);
        QVERIFY(in.open(QIODevice::ReadOnly) && out.open(QIODevice::WriteOnly) && err.open(QIODevice::WriteOnly));
        QCOMPARE(runFormatCommand(arguments, in, out, err), exitCode);
        QCOMPARE(outBytes, output);
        QCOMPARE(errBytes, errors);
    }
};

QTEST_GUILESS_MAIN(FormatCommandTest)
#include "formatcommand_test.moc"
