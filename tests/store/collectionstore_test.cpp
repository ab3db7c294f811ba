// SPDX-License-Identifier: MIT
// Sextant: CollectionStore — on-disk round trips, sidecar format, bad sidecars, moves, names and atomic writes.
#include <store/collectionjson.h>
#include <store/collectionstore.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using Sextant::Store::CollectionFolder;
using Sextant::Store::CollectionJson;
using Sextant::Store::CollectionStore;
using Sextant::Store::SavedRequest;

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeAll(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

SavedRequest sampleRequest(const QString &name)
{
    SavedRequest request;
    request.name = name;
    request.document = u"# runs ✓\nquery Runs($limit: Int) {\n  runsOrError(limit: $limit) { __typename }\n}\n"
                       u"query Other { version }"_s;
    request.operationName = u"Runs"_s;
    request.endpointKind = u"dagster"_s;
    request.endpointUrl = u"{{baseUrl}}/graphql"_s;
    request.variables = u"{\n  \"limit\": 12345678901234567890,\n  \"b\": [\n    1,\n    \"x\"\n  ],\n  \"a\": {}\n}"_s;
    request.headers = u"X-Trace: on\nAccept-Language: en"_s;
    request.description = u"Runs, \"quoted\" and ünïcode"_s;
    return request;
}

QStringList filesIn(const QString &dir)
{
    QStringList files;
    const QFileInfoList entries = QDir(dir).entryInfoList(QDir::Files | QDir::Hidden | QDir::System, QDir::Name);
    for (const QFileInfo &entry : entries)
        files << entry.fileName();
    return files;
}

} // namespace

class CollectionStoreTest final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void requestRoundTrip();
    void sidecarFormatIsStableAndDiffFriendly();
    void documentWithoutSidecarLoadsWithDefaults();
    void badSidecars_data();
    void badSidecars();
    void unreadableDocument();
    void nestedFolderRoundTrip();
    void writeFolderNeverOverwrites();
    void credentialsNeverWritten();
    void variablesThatAreNotJson();
    void reindent_data();
    void reindent();
    void moveAndRenameRequest();
    void moveFolder();
    void sanitizeFileName_data();
    void sanitizeFileName();
    void uniqueName();
    void atomicWrites();
};

void CollectionStoreTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void CollectionStoreTest::requestRoundTrip()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"Runs.graphql"_s);
    QString error = u"stale"_s;
    QVERIFY2(CollectionStore::writeRequest(sampleRequest(u"ignored"_s), path, &error), qPrintable(error));
    QVERIFY(error.isEmpty());
    QCOMPARE(readAll(path), sampleRequest(u""_s).document.toUtf8()); // the document exactly as typed
    const std::optional<SavedRequest> loaded = CollectionStore::readRequest(path, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(loaded.has_value());
    QCOMPARE(*loaded, sampleRequest(u"Runs"_s)); // the name comes from the file
    QCOMPARE(filesIn(dir.path()), (QStringList{u"Runs.graphql"_s, u"Runs.request.json"_s}));
}

void CollectionStoreTest::sidecarFormatIsStableAndDiffFriendly()
{
    SavedRequest request = sampleRequest(u"x"_s);
    request.variables = u"{\"z\":1,\"a\":[true,null]}"_s;
    request.headers = u"X-Trace: on"_s;
    const QByteArray expected = "{\n"
                                "  \"version\": 1,\n"
                                "  \"operationName\": \"Runs\",\n"
                                "  \"endpoint\": {\n"
                                "    \"kind\": \"dagster\",\n"
                                "    \"url\": \"{{baseUrl}}/graphql\"\n"
                                "  },\n"
                                "  \"variables\": {\n"
                                "    \"z\": 1,\n"
                                "    \"a\": [\n"
                                "      true,\n"
                                "      null\n"
                                "    ]\n"
                                "  },\n"
                                "  \"headers\": [\n"
                                "    \"X-Trace: on\"\n"
                                "  ],\n"
                                "  \"description\": \"Runs, \\\"quoted\\\" and \xc3\xbcn\xc3\xaf"
                                "code\"\n"
                                "}\n";
    QCOMPARE(CollectionStore::sidecarBytes(request), expected);
    QVERIFY(QJsonDocument::fromJson(expected).isObject());

    SavedRequest empty;
    QCOMPARE(
        CollectionStore::sidecarBytes(empty),
        QByteArray("{\n  \"version\": 1,\n  \"operationName\": \"\",\n  \"endpoint\": {\n    \"kind\": \"\",\n"
                   "    \"url\": \"\"\n  },\n  \"variables\": {},\n  \"headers\": [],\n  \"description\": \"\"\n}\n"));
    SavedRequest back;
    QString error;
    QVERIFY(CollectionStore::parseSidecar(CollectionStore::sidecarBytes(empty), &back, &error));
    QCOMPARE(back, empty);
}

void CollectionStoreTest::documentWithoutSidecarLoadsWithDefaults()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"plain.graphql"_s);
    QVERIFY(writeAll(path, "{ version }\n"));
    QString error = u"stale"_s;
    const auto loaded = CollectionStore::readRequest(path, &error);
    QVERIFY(loaded.has_value());
    QVERIFY(error.isEmpty());
    SavedRequest expected;
    expected.name = u"plain"_s;
    expected.document = u"{ version }\n"_s;
    QCOMPARE(*loaded, expected);
}

void CollectionStoreTest::badSidecars_data()
{
    QTest::addColumn<QByteArray>("sidecar");
    QTest::addColumn<QString>("expectedError");
    QTest::addColumn<QString>("expectedDescription");
    QTest::newRow("not JSON") << QByteArray("{\"description\": ") << u"not a valid request sidecar"_s << QString();
    QTest::newRow("array") << QByteArray("[1]") << u"expected a JSON object"_s << QString();
    QTest::newRow("empty") << QByteArray() << u"not a valid request sidecar"_s << QString();
    QTest::newRow("binary") << QByteArray("\x00\xff\xfe{", 4) << u"not a valid request sidecar"_s << QString();
    QTest::newRow("newer") << QByteArray(R"({"version": 9, "description": "d"})") << u"newer Sextant (format 9)"_s
                           << QString();
    QTest::newRow("mistyped fields keep the good ones")
        << QByteArray(R"({"description": "kept", "operationName": 5, "headers": {"a": 1}, "endpoint": []})")
        << u"\"operationName\" is not a string"_s << u"kept"_s;
}

void CollectionStoreTest::badSidecars()
{
    QFETCH(QByteArray, sidecar);
    QFETCH(QString, expectedError);
    QFETCH(QString, expectedDescription);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"broken.graphql"_s);
    QVERIFY(writeAll(path, "{ version }"));
    QVERIFY(writeAll(CollectionStore::sidecarPath(path), sidecar));
    QString error;
    const auto loaded = CollectionStore::readRequest(path, &error);
    QVERIFY(loaded.has_value());
    QCOMPARE(loaded->document, u"{ version }"_s);
    QCOMPARE(loaded->description, expectedDescription);
    QVERIFY2(error.startsWith(CollectionStore::sidecarPath(path) + u": "_s), qPrintable(error));
    QVERIFY2(error.contains(expectedError), qPrintable(error));

    // In a folder read the request is listed and the problem reported.
    QStringList errors;
    const CollectionFolder folder = CollectionStore::readFolder(dir.path(), &errors);
    QCOMPARE(folder.requests.size(), 1);
    QCOMPARE(errors.size(), 1);
}

void CollectionStoreTest::unreadableDocument()
{
    QTemporaryDir dir;
    QString error;
    QVERIFY(!CollectionStore::readRequest(dir.filePath(u"missing.graphql"_s), &error).has_value());
    QVERIFY2(error.contains(u"cannot read"_s), qPrintable(error));
    QStringList errors;
    const CollectionFolder folder = CollectionStore::readFolder(dir.filePath(u"nope"_s), &errors);
    QVERIFY(folder.requests.isEmpty());
    QCOMPARE(errors.size(), 1);
}

void CollectionStoreTest::nestedFolderRoundTrip()
{
    CollectionFolder root;
    root.name = u"Mine"_s;
    root.requests = {sampleRequest(u"b request"_s), sampleRequest(u"A request"_s)};
    CollectionFolder runs;
    runs.name = u"Runs & Jobs"_s;
    runs.requests = {sampleRequest(u"Status: of run?"_s)};
    CollectionFolder deeper;
    deeper.name = u"deeper"_s;
    deeper.requests = {sampleRequest(u"ünïcode ✓"_s)};
    runs.folders = {deeper};
    root.folders = {runs};

    QTemporaryDir dir;
    const QString target = dir.filePath(u"Mine"_s);
    QString error;
    QVERIFY2(CollectionStore::writeFolder(root, target, &error), qPrintable(error));
    QVERIFY(QFileInfo::exists(target + u"/Runs & Jobs/Status_ of run_.graphql"_s));
    QVERIFY(QFileInfo::exists(target + u"/Runs & Jobs/deeper/ünïcode ✓.request.json"_s));

    QStringList errors;
    const CollectionFolder read = CollectionStore::readFolder(target, &errors);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
    CollectionFolder expected = root;
    expected.requests = {sampleRequest(u"A request"_s), sampleRequest(u"b request"_s)}; // sorted, case-insensitive
    expected.folders[0].requests[0].name = u"Status_ of run_"_s;
    QCOMPARE(read, expected);

    // Hidden folders (.git) and orphan sidecars are not requests.
    QVERIFY(writeAll(target + u"/.git/x.graphql"_s, "{ a }"));
    QVERIFY(writeAll(target + u"/orphan.request.json"_s, "{}"));
    QCOMPARE(CollectionStore::readFolder(target, &errors), expected);
}

void CollectionStoreTest::writeFolderNeverOverwrites()
{
    QTemporaryDir dir;
    CollectionFolder folder;
    folder.name = u"x"_s;
    folder.requests = {sampleRequest(u"same"_s), sampleRequest(u"same"_s)};
    QString error;
    QVERIFY(CollectionStore::writeFolder(folder, dir.path(), &error));
    QVERIFY(CollectionStore::writeFolder(folder, dir.path(), &error));
    QCOMPARE(CollectionStore::readFolder(dir.path()).requests.size(), 4);
    QVERIFY(QFileInfo::exists(dir.filePath(u"same 4.graphql"_s)));
}

void CollectionStoreTest::credentialsNeverWritten()
{
    QTemporaryDir dir;
    SavedRequest request = sampleRequest(u"r"_s);
    request.endpointUrl = u"https://alice:hunter2-password@example.com/graphql"_s;
    request.headers = u"Authorization: Bearer tok-secret-1\nX-Trace: on\nX-Api-Key: key-secret-2\n"
                      u"Cookie: s=cookie-secret-3"_s;
    request.variables = u"{\"input\": {\"password\": \"pw-secret-4\", \"user\": \"ann\"}}"_s;
    const QString path = dir.filePath(u"r.graphql"_s);
    QString error;
    QVERIFY(CollectionStore::writeRequest(request, path, &error));
    const QByteArray sidecar = readAll(CollectionStore::sidecarPath(path));
    for (const char *secret : {"hunter2-password", "tok-secret-1", "key-secret-2", "cookie-secret-3", "pw-secret-4"})
        QVERIFY2(!sidecar.contains(secret), secret);
    const auto loaded = CollectionStore::readRequest(path, &error);
    QCOMPARE(loaded->headers, u"X-Trace: on"_s);
    QVERIFY2(loaded->variables.contains(u"\"password\": \"{{password}}\""_s), qPrintable(loaded->variables));
    QVERIFY(loaded->variables.contains(u"\"user\": \"ann\""_s));
    QCOMPARE(loaded->endpointUrl, u"https://alice@example.com/graphql"_s);

    // A hand-edited sidecar with a credential header does not bring it back either.
    QVERIFY(writeAll(CollectionStore::sidecarPath(path), R"({"headers": ["Authorization: Bearer x", "A: b"]})"));
    QCOMPARE(CollectionStore::readRequest(path, &error)->headers, u"A: b"_s);
}

void CollectionStoreTest::variablesThatAreNotJson()
{
    QTemporaryDir dir;
    SavedRequest request = sampleRequest(u"v"_s);
    request.variables = u"{ \"a\": 1, // half typed\n"_s;
    const QString path = dir.filePath(u"v.graphql"_s);
    QString error;
    QVERIFY(CollectionStore::writeRequest(request, path, &error));
    const QJsonObject object = QJsonDocument::fromJson(readAll(CollectionStore::sidecarPath(path))).object();
    QVERIFY(object.value(u"variables"_s).isString());
    QCOMPARE(CollectionStore::readRequest(path, &error)->variables, request.variables);

    request.variables = u"{}"_s; // empty object and empty text are the same request
    QVERIFY(CollectionStore::writeRequest(request, path, &error));
    QCOMPARE(CollectionStore::readRequest(path, &error)->variables, QString());
}

void CollectionStoreTest::reindent_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<int>("depth");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<bool>("valid");
    QTest::newRow("scalar") << u" 42 "_s << 0 << u"42"_s << true;
    QTest::newRow("empty object") << u"{ }"_s << 0 << u"{}"_s << true;
    QTest::newRow("object") << u"{\"b\":1,\"a\":{\"c\":[]}}"_s << 0
                            << u"{\n  \"b\": 1,\n  \"a\": {\n    \"c\": []\n  }\n}"_s << true;
    QTest::newRow("strings with punctuation") << u"[\"a,{b}:\\\"\"]"_s << 0 << u"[\n  \"a,{b}:\\\"\"\n]"_s << true;
    QTest::newRow("depth 1") << u"[1]"_s << 1 << u"[\n    1\n  ]"_s << true;
    QTest::newRow("big number kept") << u"[1e400,123456789012345678901234567890]"_s << 0
                                     << u"[\n  1e400,\n  123456789012345678901234567890\n]"_s << true;
    QTest::newRow("garbage does not crash") << u"}}]]\"unterminated"_s << 0 << u"\n}\n}\n]\n]\"unterminated"_s << false;
}

void CollectionStoreTest::reindent()
{
    QFETCH(QString, input);
    QFETCH(int, depth);
    QFETCH(QString, expected);
    QFETCH(bool, valid);
    QCOMPARE(CollectionJson::reindent(input, depth), expected);
    if (valid)
        QCOMPARE(CollectionJson::memberText(QString(u"{\"x\": 1, \"v\": "_s + input + u"}"_s), u"v"), input.trimmed());
}

void CollectionStoreTest::moveAndRenameRequest()
{
    QTemporaryDir dir;
    const QString from = dir.filePath(u"a.graphql"_s);
    QString error;
    QVERIFY(CollectionStore::writeRequest(sampleRequest(u"a"_s), from, &error));
    const QString renamed = dir.filePath(u"b.graphql"_s);
    QVERIFY2(CollectionStore::moveRequest(from, renamed, &error), qPrintable(error));
    QCOMPARE(filesIn(dir.path()), (QStringList{u"b.graphql"_s, u"b.request.json"_s}));
    const QString moved = dir.filePath(u"sub/deeper/b.graphql"_s);
    QVERIFY(CollectionStore::moveRequest(renamed, moved, &error));
    QCOMPARE(CollectionStore::readRequest(moved, &error)->description, sampleRequest(u""_s).description);

    // Targets that exist (either file) are refused and nothing moves.
    QVERIFY(writeAll(dir.filePath(u"c.request.json"_s), "{}"));
    QVERIFY(!CollectionStore::moveRequest(moved, dir.filePath(u"c.graphql"_s), &error));
    QVERIFY(error.contains(u"exists already"_s));
    QVERIFY(QFileInfo::exists(moved));
    QVERIFY(!CollectionStore::moveRequest(dir.filePath(u"missing.graphql"_s), dir.filePath(u"d.graphql"_s), &error));

    // A request without sidecar moves alone.
    QVERIFY(writeAll(dir.filePath(u"bare.graphql"_s), "{ a }"));
    QVERIFY(CollectionStore::moveRequest(dir.filePath(u"bare.graphql"_s), dir.filePath(u"bare2.graphql"_s), &error));
    QVERIFY(!QFileInfo::exists(dir.filePath(u"bare2.request.json"_s)));
}

void CollectionStoreTest::moveFolder()
{
    QTemporaryDir dir;
    QString error;
    QVERIFY(CollectionStore::writeRequest(sampleRequest(u"a"_s), dir.filePath(u"one/a.graphql"_s), &error));
    QVERIFY(QDir().mkpath(dir.filePath(u"two"_s)));
    QVERIFY(!CollectionStore::moveFolder(dir.filePath(u"one"_s), dir.filePath(u"one/inside"_s), &error));
    QVERIFY(error.contains(u"into itself"_s));
    QVERIFY(!CollectionStore::moveFolder(dir.filePath(u"one"_s), dir.filePath(u"two"_s), &error));
    QVERIFY(CollectionStore::moveFolder(dir.filePath(u"one"_s), dir.filePath(u"two/one"_s), &error));
    QVERIFY(QFileInfo::exists(dir.filePath(u"two/one/a.request.json"_s)));
    QVERIFY(!QFileInfo::exists(dir.filePath(u"one"_s)));
}

void CollectionStoreTest::sanitizeFileName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << u"Launch run"_s << u"Launch run"_s;
    QTest::newRow("separators") << u"a/b\\c"_s << u"a_b_c"_s;
    QTest::newRow("reserved") << u"what? <x>: \"y\" | *"_s << u"what_ _x__ _y_ _ _"_s;
    QTest::newRow("control") << u"a\nb\tc"_s << u"a_b_c"_s;
    QTest::newRow("dots") << u"..hidden..."_s << u"hidden"_s;
    QTest::newRow("dot dot") << u".."_s << u"Untitled"_s;
    QTest::newRow("empty") << u"   "_s << u"Untitled"_s;
    QTest::newRow("windows device") << u"con"_s << u"con_"_s;
    QTest::newRow("windows device ext") << u"NUL.txt"_s << u"NUL.txt_"_s;
    QTest::newRow("unicode kept") << u"ünïcode ✓ 日本"_s << u"ünïcode ✓ 日本"_s;
    QTest::newRow("long") << QString(300, u'x') << QString(120, u'x');
}

void CollectionStoreTest::sanitizeFileName()
{
    QFETCH(QString, name);
    QFETCH(QString, expected);
    QCOMPARE(CollectionStore::sanitizeFileName(name), expected);
}

void CollectionStoreTest::uniqueName()
{
    QTemporaryDir dir;
    QCOMPARE(CollectionStore::uniqueName(dir.path(), u"q"_s), u"q"_s);
    QVERIFY(writeAll(dir.filePath(u"q.graphql"_s), "{ a }"));
    QVERIFY(writeAll(dir.filePath(u"q 2.request.json"_s), "{}"));
    QVERIFY(QDir().mkpath(dir.filePath(u"q 3"_s)));
    QCOMPARE(CollectionStore::uniqueName(dir.path(), u"q"_s), u"q 4"_s);
    QCOMPARE(CollectionStore::uniqueName(dir.path(), u"a/b"_s), u"a_b"_s);
}

void CollectionStoreTest::atomicWrites()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"big.graphql"_s);
    SavedRequest big = sampleRequest(u"big"_s);
    big.document = QString(300000, u'x');
    QString error;
    QVERIFY(CollectionStore::writeRequest(big, path, &error));
    QVERIFY(CollectionStore::writeRequest(sampleRequest(u"big"_s), path, &error));
    QCOMPARE(readAll(path), sampleRequest(u""_s).document.toUtf8());
    // No temporary files are left next to the targets.
    QCOMPARE(filesIn(dir.path()), (QStringList{u"big.graphql"_s, u"big.request.json"_s}));

    // A failing write (the document path is a directory) leaves the old content of the other file intact.
    const QString blocked = dir.filePath(u"blocked.graphql"_s);
    QVERIFY(QDir().mkpath(blocked));
    QVERIFY(!CollectionStore::writeRequest(big, blocked, &error));
    QVERIFY(error.contains(u"is a directory"_s));
    QVERIFY(!QFileInfo::exists(dir.filePath(u"blocked.request.json"_s)));

    // Parent is a file: nothing is created, the file stays as it was.
    QVERIFY(writeAll(dir.filePath(u"file"_s), "previous"));
    QVERIFY(!CollectionStore::writeRequest(big, dir.filePath(u"file/x.graphql"_s), &error));
    QCOMPARE(readAll(dir.filePath(u"file"_s)), QByteArray("previous"));

    // A read-only directory: the write fails and the old target is untouched (QSaveFile never truncates it).
    const QString lockedDir = dir.filePath(u"locked"_s);
    QVERIFY(CollectionStore::writeRequest(sampleRequest(u"r"_s), lockedDir + u"/r.graphql"_s, &error));
    QFile::setPermissions(lockedDir, QFile::ReadOwner | QFile::ExeOwner);
    if (QFileInfo(lockedDir).isWritable()) { // running as root: permissions are not enforced
        QFile::setPermissions(lockedDir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        return;
    }
    QVERIFY(!CollectionStore::writeRequest(big, lockedDir + u"/r.graphql"_s, &error));
    QFile::setPermissions(lockedDir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    QCOMPARE(readAll(lockedDir + u"/r.graphql"_s), sampleRequest(u""_s).document.toUtf8());
}

QTEST_GUILESS_MAIN(CollectionStoreTest)
#include "collectionstore_test.moc"
