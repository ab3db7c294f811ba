// SPDX-License-Identifier: MIT
// Sextant: the GraphQL documents named on sextant's command line (a file manager's %F) become absolute paths.
#include <app/startarguments.h>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace Sextant;

class StartArgumentsTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void arguments_data();
    void arguments();

private:
    QTemporaryDir m_dir;
};

void StartArgumentsTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    for (const char *name : {"a.graphql", "b.gql", "C.GraphQL", "notes.txt"}) {
        QFile file(m_dir.filePath(QString::fromLatin1(name)));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{ __typename }\n");
    }
    QVERIFY(QDir(m_dir.path()).mkdir(QStringLiteral("folder.graphql")));
    QVERIFY(QDir::setCurrent(m_dir.path())); // relative arguments are relative to the working directory
}

void StartArgumentsTest::arguments_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QStringList>("expected"); // file names under m_dir
    QTest::addColumn<QString>("error");        // empty = accepted

    const QString a = m_dir.filePath(QStringLiteral("a.graphql"));
    QTest::newRow("none") << QStringList{} << QStringList{} << QString();
    QTest::newRow("absolute and relative, both suffixes, any case")
        << QStringList{a, QStringLiteral("b.gql"), QStringLiteral("C.GraphQL")}
        << QStringList{QStringLiteral("a.graphql"), QStringLiteral("b.gql"), QStringLiteral("C.GraphQL")} << QString();
    QTest::newRow("file URL (%U)") << QStringList{QUrl::fromLocalFile(a).toString()}
                                   << QStringList{QStringLiteral("a.graphql")} << QString();
    QTest::newRow("duplicates dropped, order kept")
        << QStringList{QStringLiteral("b.gql"), a, QStringLiteral("./b.gql")}
        << QStringList{QStringLiteral("b.gql"), QStringLiteral("a.graphql")} << QString();
    QTest::newRow("other suffix") << QStringList{a, QStringLiteral("notes.txt")} << QStringList{}
                                  << QStringLiteral("sextant: not a GraphQL document (.graphql, .gql): notes.txt");
    QTest::newRow("missing") << QStringList{QStringLiteral("gone.graphql")} << QStringList{}
                             << QStringLiteral("sextant: no such file: gone.graphql");
    QTest::newRow("directory") << QStringList{QStringLiteral("folder.graphql")} << QStringList{}
                               << QStringLiteral("sextant: cannot read folder.graphql");
    QTest::newRow("remote URL") << QStringList{QStringLiteral("file://example.com/x.graphql")} << QStringList{}
                                << QStringLiteral("sextant: not a local file: file://example.com/x.graphql");
}

void StartArgumentsTest::arguments()
{
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, expected);
    QFETCH(QString, error);
    QString message = QStringLiteral("stale");
    const QStringList files = App::graphqlFilesFromArguments(arguments, &message);
    QCOMPARE(message, error);
    QStringList expectedPaths;
    for (const QString &name : expected)
        expectedPaths << QDir(m_dir.path()).absoluteFilePath(name);
    QCOMPARE(files, expectedPaths);
}

QTEST_GUILESS_MAIN(StartArgumentsTest)
#include "startarguments_test.moc"
