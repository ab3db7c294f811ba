// SPDX-License-Identifier: MIT
// Sextant: collection import (Altair, Postman, Insomnia, Bruno, .graphql) and Postman export, with no secret kept.
#include <store/collectionimport.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Sextant::Store;

namespace {

const QString fixtures = QStringLiteral(SEXTANT_FIXTURES_DIR "/import/");
// The secret values written into the fixtures; none of them may survive an import.
const QStringList secrets = {u"8f14e45fceea167a"_s, u"pa55w0rd"_s, u"YWRhOnBhNTV3MHJk"_s};

QString everything(const CollectionFolder &folder)
{
    QString text = folder.name;
    for (const CollectionFolder &sub : folder.folders)
        text += u'\n' + everything(sub);
    for (const SavedRequest &r : folder.requests)
        text += u'\n' + r.name + r.document + r.operationName + r.endpointKind + r.endpointUrl + r.variables + r.headers
                + r.description;
    return text;
}

/// "Folder/Sub/Request" → the request, or nullptr.
const SavedRequest *find(const CollectionFolder &root, const QString &path)
{
    const QStringList parts = path.split(u'/');
    const CollectionFolder *folder = &root;
    for (qsizetype i = 0; i + 1 < parts.size(); ++i) {
        const auto it = std::find_if(folder->folders.cbegin(), folder->folders.cend(),
                                     [&](const CollectionFolder &f) { return f.name == parts.at(i); });
        if (it == folder->folders.cend())
            return nullptr;
        folder = &*it;
    }
    for (const SavedRequest &request : folder->requests) {
        if (request.name == parts.last())
            return &request;
    }
    return nullptr;
}

int countRequests(const CollectionFolder &folder)
{
    int count = int(folder.requests.size());
    for (const CollectionFolder &sub : folder.folders)
        count += countRequests(sub);
    return count;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class CollectionImportTest final : public QObject
{
    Q_OBJECT

private slots:
    void importsEachFormat_data();
    void importsEachFormat();
    void foldersKeepTheSourceStructure_data();
    void foldersKeepTheSourceStructure();
    void noSecretSurvivesAnyImport_data();
    void noSecretSurvivesAnyImport();
    void malformedInputGivesAClearError_data();
    void malformedInputGivesAClearError();
    void truncatedFilesNeverCrash();
    void importsDataWithoutAFile();
    void importsSeveralGraphQLFiles();
    void brunoFolderErrorsNameTheFile();
    void endpointKinds_data();
    void endpointKinds();
    void secretsBecomeReferences_data();
    void secretsBecomeReferences();
    void referenceOnlyHeaderValues_data();
    void referenceOnlyHeaderValues();
    void postmanExportHasSchemaAndGraphQLMode();
    void postmanExportReimportsIdentically();
    void postmanExportOfDaggerSessionUsesSessionAuth();
    void postmanExportNeverWritesASecret();
    void postmanExportFailsCleanly();
};

void CollectionImportTest::importsEachFormat_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("collection");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("document");
    QTest::addColumn<QString>("operationName");
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("variables");
    QTest::addColumn<QString>("headers");
    QTest::addColumn<QString>("description");

    const QString latestRuns = u"query LatestRuns($limit: Int) {\n  runsOrError(limit: $limit) {\n    __typename\n"_s;
    QTest::newRow("altair: top request, secret header")
        << u"altair/dagster-runs.agc"_s << u"Dagster runs"_s << u"Latest runs"_s << latestRuns << QString()
        << u"http://127.0.0.1:3000/graphql"_s << u"dagster"_s << u"{\n  \"limit\": 5\n}"_s
        << u"Authorization: Bearer {{token}}\nX-Request-Source: altair"_s << QString();
    QTest::newRow("altair: sub-collection, name from the operation, reference kept")
        << u"altair/dagster-runs.agc"_s << u"Dagster runs"_s << u"Assets/AssetKeys"_s << u"query AssetKeys {"_s
        << QString() << u"{{baseUrl}}/graphql"_s << QString() << u"{}"_s << u"X-Api-Key: {{apiKey}}"_s << QString();
    QTest::newRow("postman: nested item groups, collection api key")
        << u"postman/dagster.postman_collection.json"_s << u"Dagster GraphQL"_s << u"Runs/Launch/Launch run"_s
        << u"mutation Launch($params: ExecutionParams!) {"_s << QString() << u"{{baseUrl}}/graphql"_s << QString()
        << u"{\n  \"params\": {\"selector\": {\"jobName\": \"etl\"}}\n}"_s << u"X-Api-Key: {{xApiKey}}"_s << QString();
    QTest::newRow("postman: bearer auth, cookie, disabled header")
        << u"postman/dagster.postman_collection.json"_s << u"Dagster GraphQL"_s << u"Runs/Run status"_s
        << u"query RunStatus($runId: ID!) {"_s << QString() << u"http://127.0.0.1:3000/graphql"_s << u"dagster"_s
        << u"{\"runId\": \"{{runId}}\"}"_s << u"X-Trace: on\nCookie: {{cookie}}\nAuthorization: Bearer {{token}}"_s
        << u"Status of one run"_s;
    QTest::newRow("postman: raw JSON GraphQL body")
        << u"postman/dagster.postman_collection.json"_s << u"Dagster GraphQL"_s << u"Raw JSON body"_s
        << u"{ version }"_s << QString() << u"https://api.example.com/graphql"_s << u"http"_s << QString()
        << u"X-Api-Key: {{xApiKey}}"_s << QString();
    QTest::newRow("insomnia: workspace request, bearer authentication, {{ _.baseUrl }}")
        << u"insomnia/insomnia-v4.json"_s << u"Pipelines API"_s << u"Version"_s << u"{\n  version\n}"_s << QString()
        << u"{{baseUrl}}/graphql"_s << QString() << QString() << u"Authorization: Bearer {{token}}"_s
        << u"Server version"_s;
    QTest::newRow("insomnia: nested request groups, operationName, token header")
        << u"insomnia/insomnia-v4.json"_s << u"Pipelines API"_s << u"Dagster/Runs/Run logs"_s
        << u"query RunLogs($runId: ID!) {"_s << u"RunLogs"_s << u"{{baseUrl}}/graphql"_s << QString()
        << u"{\n    \"runId\": \"{{runId}}\"\n}"_s << u"X-Auth-Token: {{xAuthToken}}"_s << QString();
    QTest::newRow("bruno folder: inherited collection auth, docs")
        << u"bruno/dagster-collection"_s << u"Dagster (Bruno)"_s << u"Version"_s << u"{\n  version\n}"_s << QString()
        << u"{{baseUrl}}/graphql"_s << QString() << QString()
        << u"X-Collection: sextant-tests\nAuthorization: Bearer {{token}}"_s << u"The webserver's version string."_s;
    QTest::newRow("bruno folder: folder.bru name, header secret, vars")
        << u"bruno/dagster-collection"_s << u"Dagster (Bruno)"_s << u"Runs/Latest runs"_s
        << u"query LatestRuns($limit: Int) {\n  runsOrError(limit: $limit) {\n    __typename\n  }\n}"_s << QString()
        << u"http://127.0.0.1:3000/graphql"_s << u"dagster"_s << u"{\n  \"limit\": 5\n}"_s
        << u"X-Collection: sextant-tests\nAuthorization: Bearer {{token}}\nX-Trace: on"_s << QString();
    QTest::newRow("bruno folder: basic auth")
        << u"bruno/bruno.json-of-folder"_s << u"Dagster (Bruno)"_s << u"Runs/Launch"_s
        << u"mutation Launch($params: ExecutionParams!) {"_s << QString() << u"{{baseUrl}}/graphql"_s << QString()
        << u"{\n  \"params\": {\"selector\": {\"jobName\": \"etl\"}}\n}"_s
        << u"X-Collection: sextant-tests\nAuthorization: Basic {{basicAuth}}"_s << QString();
    QTest::newRow("bruno: one .bru file")
        << u"bruno/spacex.bru"_s << u"spacex"_s << u"spacex"_s << u"{\n  company {\n    ceo\n  }\n}"_s << QString()
        << u"{{localhost}}/api/graphql"_s << QString() << QString() << QString() << QString();
    QTest::newRow(".graphql file") << u"graphql/queries/version.graphql"_s << u"Version"_s << u"Version"_s
                                   << u"# The webserver's version.\nquery Version {\n  version\n}\n"_s << QString()
                                   << QString() << QString() << QString() << QString() << QString();
    QTest::newRow(".gql file in a folder: first named operation")
        << u"graphql/queries"_s << u"queries"_s << u"runs/LatestRuns"_s << u"fragment RunFields on Run {"_s << QString()
        << QString() << QString() << QString() << QString() << QString();
    QTest::newRow("anonymous operation: named after the file")
        << u"graphql/queries"_s << u"queries"_s << u"runs/anonymous"_s << u"{\n  repositoriesOrError {"_s << QString()
        << QString() << QString() << QString() << QString() << QString();
}

void CollectionImportTest::importsEachFormat()
{
    QFETCH(QString, file);
    QFETCH(QString, collection);
    QFETCH(QString, path);
    QFETCH(QString, document);
    QFETCH(QString, operationName);
    QFETCH(QString, url);
    QFETCH(QString, kind);
    QFETCH(QString, variables);
    QFETCH(QString, headers);
    QFETCH(QString, description);

    if (file == "bruno/bruno.json-of-folder"_L1) // the bruno.json file itself stands for its folder
        file = u"bruno/dagster-collection/bruno.json"_s;
    QString error = u"unset"_s;
    const auto imported = importCollectionFile(fixtures + file, &error);
    QVERIFY2(imported, qPrintable(error));
    QVERIFY(error.isEmpty());
    QCOMPARE(imported->name, collection);
    const SavedRequest *request = find(*imported, path);
    QVERIFY2(request, qPrintable(u"no request "_s + path + u" in:\n"_s + everything(*imported)));
    QVERIFY2(request->document.startsWith(document), qPrintable(request->document));
    QCOMPARE(request->operationName, operationName);
    QCOMPARE(request->endpointUrl, url);
    QCOMPARE(request->endpointKind, kind);
    QCOMPARE(request->variables, variables);
    QCOMPARE(request->headers, headers);
    QCOMPARE(request->description, description);
}

void CollectionImportTest::foldersKeepTheSourceStructure_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("topFolders");
    QTest::addColumn<QStringList>("topRequests");
    QTest::addColumn<int>("requests");

    QTest::newRow("altair (empty sub-collection dropped)")
        << u"altair/dagster-runs.agc"_s << QStringList{u"Assets"_s} << QStringList{u"Latest runs"_s} << 2;
    QTest::newRow("postman (REST request skipped)") << u"postman/dagster.postman_collection.json"_s
                                                    << QStringList{u"Runs"_s} << QStringList{u"Raw JSON body"_s} << 3;
    QTest::newRow("insomnia (metaSortKey order, REST skipped)")
        << u"insomnia/insomnia-v4.json"_s << QStringList{u"Dagster"_s} << QStringList{u"Version"_s} << 2;
    QTest::newRow("bruno (seq order, http request and environments skipped)")
        << u"bruno/dagster-collection"_s << QStringList{u"Runs"_s} << QStringList{u"Version"_s} << 3;
    QTest::newRow("graphql folder") << u"graphql/queries"_s << QStringList{u"runs"_s} << QStringList{u"Version"_s} << 3;
}

void CollectionImportTest::foldersKeepTheSourceStructure()
{
    QFETCH(QString, file);
    QFETCH(QStringList, topFolders);
    QFETCH(QStringList, topRequests);
    QFETCH(int, requests);

    QString error;
    const auto imported = importCollectionFile(fixtures + file, &error);
    QVERIFY2(imported, qPrintable(error));
    QStringList folders;
    for (const CollectionFolder &folder : imported->folders)
        folders << folder.name;
    QStringList names;
    for (const SavedRequest &request : imported->requests)
        names << request.name;
    QCOMPARE(folders, topFolders);
    QCOMPARE(names, topRequests);
    QCOMPARE(countRequests(*imported), requests);
    if (file.startsWith("bruno"_L1)) { // seq 1 before seq 2 inside "Runs"
        QCOMPARE(imported->folders.first().requests.size(), 2);
        QCOMPARE(imported->folders.first().requests.at(0).name, u"Launch"_s);
        QCOMPARE(imported->folders.first().requests.at(1).name, u"Latest runs"_s);
    }
}

void CollectionImportTest::noSecretSurvivesAnyImport_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("altair") << u"altair/dagster-runs.agc"_s;
    QTest::newRow("postman") << u"postman/dagster.postman_collection.json"_s;
    QTest::newRow("insomnia") << u"insomnia/insomnia-v4.json"_s;
    QTest::newRow("bruno") << u"bruno/dagster-collection"_s;
    QTest::newRow("curl file (powershell)") << u"curl/powershell.txt"_s;
    QTest::newRow("curl file (chrome bash)") << u"curl/chrome-bash.txt"_s;
}

void CollectionImportTest::noSecretSurvivesAnyImport()
{
    QFETCH(QString, file);
    const QByteArray source = readAll(fixtures + file);
    QString error;
    const auto imported = importCollectionFile(fixtures + file, &error);
    QVERIFY2(imported, qPrintable(error));
    const QString text = everything(*imported);
    bool sourceHadSecret = !QFileInfo(fixtures + file).isFile();
    for (const QString &secret : secrets) {
        sourceHadSecret = sourceHadSecret || source.contains(secret.toUtf8());
        QVERIFY2(!text.contains(secret), qPrintable(secret + u" survived in:\n"_s + text));
    }
    QVERIFY2(sourceHadSecret, "the fixture must hold a secret for this test to mean anything");
    QVERIFY(text.contains("{{"_L1));
}

void CollectionImportTest::malformedInputGivesAClearError_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("message");
    QTest::newRow("truncated .agc") << u"malformed/truncated.agc"_s << u"not valid JSON"_s;
    QTest::newRow("postman v1") << u"malformed/postman-v1.json"_s << u"Postman Collection v1 is not supported"_s;
    QTest::newRow("postman without GraphQL") << u"malformed/postman-rest-only.json"_s << u"no GraphQL requests found"_s;
    QTest::newRow("insomnia v3") << u"malformed/insomnia-v3.json"_s << u"unsupported Insomnia export format 3"_s;
    QTest::newRow("unclosed .bru block") << u"malformed/unclosed.bru"_s
                                         << u"line 7: the block \"body:graphql\" is not closed"_s;
    QTest::newRow("http .bru") << u"malformed/http-only.bru"_s << u"not a GraphQL request"_s;
    QTest::newRow("empty file") << u"malformed/empty.json"_s << u"the file is empty"_s;
    QTest::newRow("plain text") << u"malformed/notes.txt"_s << u"unrecognized format"_s;
    QTest::newRow("not GraphQL") << u"malformed/syntax-error.graphql"_s << u"no GraphQL operation"_s;
    QTest::newRow("missing file") << u"malformed/does-not-exist.agc"_s << u"no such file or folder"_s;
}

void CollectionImportTest::malformedInputGivesAClearError()
{
    QFETCH(QString, file);
    QFETCH(QString, message);
    QString error;
    const auto imported = importCollectionFile(fixtures + file, &error);
    QVERIFY(!imported);
    QVERIFY2(error.contains(message), qPrintable(error));
    QVERIFY2(error.startsWith(QDir::toNativeSeparators(fixtures + file)), qPrintable(error));
    QVERIFY(!error.contains(u'\n'));
}

void CollectionImportTest::truncatedFilesNeverCrash()
{
    const QStringList files = {
        u"altair/dagster-runs.agc"_s, u"postman/dagster.postman_collection.json"_s,  u"insomnia/insomnia-v4.json"_s,
        u"bruno/spacex.bru"_s,        u"bruno/dagster-collection/runs/launch.bru"_s, u"curl/chrome-cmd.txt"_s};
    int results = 0;
    for (const QString &file : files) {
        const QByteArray bytes = readAll(fixtures + file);
        QVERIFY(!bytes.isEmpty());
        for (qsizetype cut = 0; cut < bytes.size(); cut += 7) {
            QString error;
            const auto imported = importCollectionData(bytes.left(cut), QFileInfo(file).fileName(), &error);
            QVERIFY2(imported || !error.isEmpty(), qPrintable(file + u" cut at %1"_s.arg(cut)));
            ++results;
        }
    }
    QVERIFY(results > 500);
}

void CollectionImportTest::importsDataWithoutAFile()
{
    QString error;
    const auto bru = importCollectionData(readAll(fixtures + u"bruno/spacex.bru"_s), QString(), &error);
    QVERIFY2(bru, qPrintable(error));
    QCOMPARE(bru->requests.first().name, u"spacex"_s);
    const auto postman =
        importCollectionData(readAll(fixtures + u"postman/dagster.postman_collection.json"_s), QString(), &error);
    QVERIFY2(postman, qPrintable(error));
    QCOMPARE(postman->name, u"Dagster GraphQL"_s);
    const auto curl = importCollectionData("curl -d '{\"query\":\"{ version }\"}' http://127.0.0.1:3000/graphql",
                                           u"pasted.txt"_s, &error);
    QVERIFY2(curl, qPrintable(error));
    QCOMPARE(curl->requests.first().endpointKind, u"dagster"_s);
    QVERIFY(!importCollectionData(QByteArray("\x00\xff\xfe{[", 5), u"x.bin"_s, &error));
    QVERIFY(error.startsWith("x.bin: "_L1));
}

void CollectionImportTest::importsSeveralGraphQLFiles()
{
    const QStringList paths = {fixtures + u"graphql/queries/runs/latest.gql"_s,
                               fixtures + u"graphql/queries/version.graphql"_s};
    QString error;
    const auto imported = importGraphQLFiles(paths, u"Picked"_s, &error);
    QVERIFY2(imported, qPrintable(error));
    QCOMPARE(imported->name, u"Picked"_s);
    QCOMPARE(imported->requests.size(), 2);
    QCOMPARE(imported->requests.at(0).name, u"LatestRuns"_s);
    QCOMPARE(imported->requests.at(1).name, u"Version"_s);
    QVERIFY(!importGraphQLFiles({fixtures + u"graphql/nope.graphql"_s}, u"x"_s, &error));
    QVERIFY(error.contains("nope.graphql"_L1));
    QTemporaryDir empty;
    QVERIFY(!importCollectionFile(empty.path(), &error));
    QVERIFY2(error.contains("not an importable folder"_L1), qPrintable(error));
}

void CollectionImportTest::brunoFolderErrorsNameTheFile()
{
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkpath(u"runs"_s));
    QVERIFY(QFile::copy(fixtures + u"bruno/dagster-collection/bruno.json"_s, dir.filePath(u"bruno.json"_s)));
    QVERIFY(QFile::copy(fixtures + u"malformed/unclosed.bru"_s, dir.filePath(u"runs/broken.bru"_s)));
    QString error;
    QVERIFY(!importCollectionFile(dir.path(), &error));
    QCOMPARE(error, QDir::toNativeSeparators(dir.path())
                        + u": runs/broken.bru: line 7: the block \"body:graphql\" is not closed by a \"}\" line"_s);
}

void CollectionImportTest::endpointKinds_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("basic");
    QTest::addColumn<QString>("kind");
    QTest::newRow("dagger session") << u"http://127.0.0.1:41234/query"_s << true << u"dagger-session"_s;
    QTest::newRow("dagger session, port reference")
        << u"http://localhost:{{port}}/query"_s << true << u"dagger-session"_s;
    QTest::newRow("/query without basic auth") << u"http://127.0.0.1:41234/query"_s << false << u"http"_s;
    QTest::newRow("/query on another host") << u"http://10.0.0.2:41234/query"_s << true << u"http"_s;
    QTest::newRow("dagster") << u"http://127.0.0.1:3000/graphql"_s << false << u"dagster"_s;
    QTest::newRow("dagster, trailing slash") << u"http://dagster.internal:3000/graphql/"_s << false << u"dagster"_s;
    QTest::newRow("other port") << u"http://127.0.0.1:4000/graphql"_s << false << u"http"_s;
    QTest::newRow("https") << u"https://api.github.com/graphql"_s << false << u"http"_s;
    QTest::newRow("reference host: unknown") << u"{{baseUrl}}/graphql"_s << false << QString();
    QTest::newRow("empty: unknown") << QString() << false << QString();
}

void CollectionImportTest::endpointKinds()
{
    QFETCH(QString, url);
    QFETCH(bool, basic);
    QFETCH(QString, kind);
    QCOMPARE(endpointKindForUrl(url, basic), kind);
}

void CollectionImportTest::secretsBecomeReferences_data()
{
    QTest::addColumn<QString>("headers");
    QTest::addColumn<QString>("expected");
    QTest::newRow("bearer") << u"Authorization: Bearer abc.def"_s << u"Authorization: Bearer {{token}}"_s;
    QTest::newRow("basic") << u"authorization: Basic YWRhOnBhNTV3MHJk"_s << u"authorization: Basic {{basicAuth}}"_s;
    QTest::newRow("other scheme") << u"Authorization: Token abc"_s << u"Authorization: Token {{authorization}}"_s;
    QTest::newRow("bare value") << u"Authorization: abc"_s << u"Authorization: {{authorization}}"_s;
    QTest::newRow("api key") << u"X-Api-Key: abc"_s << u"X-Api-Key: {{xApiKey}}"_s;
    QTest::newRow("upper-case name") << u"X-API-KEY: abc"_s << u"X-API-KEY: {{xApiKey}}"_s;
    QTest::newRow("cookie") << u"Cookie: a=1; b=2"_s << u"Cookie: {{cookie}}"_s;
    QTest::newRow("reference kept") << u"Authorization: Bearer {{myToken}}"_s << u"Authorization: Bearer {{myToken}}"_s;
    QTest::newRow("insomnia reference") << u"X-Auth-Token: {{ _.apiToken }}"_s << u"X-Auth-Token: {{apiToken}}"_s;
    QTest::newRow("other headers and comments unchanged")
        << u"# staging\nX-Trace:on\nX-Session-Id: s1"_s << u"# staging\nX-Trace:on\nX-Session-Id: {{xSessionId}}"_s;
}

void CollectionImportTest::secretsBecomeReferences()
{
    QFETCH(QString, headers);
    QFETCH(QString, expected);
    QCOMPARE(withSecretsAsReferences(headers), expected);
}

void CollectionImportTest::referenceOnlyHeaderValues_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("referenceOnly");
    QTest::newRow("reference") << u"{{apiKey}}"_s << true;
    QTest::newRow("scheme and reference") << u"Bearer {{token}}"_s << true;
    QTest::newRow("spaces inside") << u" Basic {{ basicAuth }} "_s << true;
    QTest::newRow("secret") << u"Bearer abc"_s << false;
    QTest::newRow("reference plus text") << u"Bearer {{token}}x"_s << false;
    QTest::newRow("two references") << u"{{a}}{{b}}"_s << false;
    QTest::newRow("empty") << QString() << false;
}

void CollectionImportTest::referenceOnlyHeaderValues()
{
    QFETCH(QString, value);
    QFETCH(bool, referenceOnly);
    QCOMPARE(isReferenceOnlyHeaderValue(value), referenceOnly);
}

void CollectionImportTest::postmanExportHasSchemaAndGraphQLMode()
{
    QString error;
    const auto imported = importCollectionFile(fixtures + u"insomnia/insomnia-v4.json"_s, &error);
    QVERIFY2(imported, qPrintable(error));
    QTemporaryDir dir;
    const QString path = dir.filePath(u"out/pipelines.postman_collection.json"_s);
    QVERIFY2(exportPostmanCollection(*imported, path, &error), qPrintable(error));
    const QJsonObject root = QJsonDocument::fromJson(readAll(path)).object();
    QCOMPARE(root.value("info"_L1).toObject().value("schema"_L1).toString(),
             u"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"_s);
    QCOMPARE(root.value("info"_L1).toObject().value("name"_L1).toString(), u"Pipelines API"_s);
    const QJsonArray items = root.value("item"_L1).toArray();
    QCOMPARE(items.size(), 2); // the "Dagster" item group, then the "Version" request
    const QJsonObject group = items.at(0).toObject();
    QCOMPARE(group.value("name"_L1).toString(), u"Dagster"_s);
    const QJsonObject runs = group.value("item"_L1).toArray().at(0).toObject();
    QCOMPARE(runs.value("name"_L1).toString(), u"Runs"_s);
    const QJsonObject logs = runs.value("item"_L1).toArray().at(0).toObject();
    QCOMPARE(logs.value("name"_L1).toString(), u"Run logs"_s);
    const QJsonObject body = logs.value("request"_L1).toObject().value("body"_L1).toObject();
    QCOMPARE(body.value("mode"_L1).toString(), u"graphql"_s);
    QVERIFY(body.value("graphql"_L1).toObject().value("query"_L1).toString().startsWith("query RunLogs"_L1));
    QVERIFY(body.value("graphql"_L1).toObject().value("variables"_L1).isString());
    const QJsonObject version = items.at(1).toObject().value("request"_L1).toObject();
    QCOMPARE(version.value("method"_L1).toString(), u"POST"_s);
    QCOMPARE(version.value("url"_L1).toObject().value("raw"_L1).toString(), u"{{baseUrl}}/graphql"_s);
    QCOMPARE(version.value("header"_L1).toArray().at(0).toObject().value("value"_L1).toString(), u"Bearer {{token}}"_s);
}

void CollectionImportTest::postmanExportReimportsIdentically()
{
    for (const QString &file : {u"postman/dagster.postman_collection.json"_s, u"altair/dagster-runs.agc"_s,
                                u"bruno/dagster-collection"_s, u"insomnia/insomnia-v4.json"_s /* operationName */}) {
        QString error;
        auto imported = importCollectionFile(fixtures + file, &error);
        QVERIFY2(imported, qPrintable(error));
        QTemporaryDir dir;
        const QString path = dir.filePath(u"round.json"_s);
        QVERIFY2(exportPostmanCollection(*imported, path, &error), qPrintable(error));
        const auto again = importCollectionFile(path, &error);
        QVERIFY2(again, qPrintable(error));
        QVERIFY2(*again == *imported,
                 qPrintable(file + u":\n"_s + everything(*again) + u"\n---\n"_s + everything(*imported)));
    }
}

void CollectionImportTest::postmanExportOfDaggerSessionUsesSessionAuth()
{
    SavedRequest request;
    request.name = u"uname"_s;
    request.document = u"{ container { from(address: \"alpine\") { withExec(args: [\"uname\"]) { stdout } } } }"_s;
    request.endpointKind = u"dagger-session"_s;
    request.endpointUrl = u"http://127.0.0.1:{{DAGGER_SESSION_PORT}}/query"_s;
    CollectionFolder folder;
    folder.name = u"Dagger"_s;
    folder.requests << request;
    const QJsonObject root = QJsonDocument::fromJson(postmanCollectionJson(folder)).object();
    const QJsonObject auth =
        root.value("item"_L1).toArray().at(0).toObject().value("request"_L1).toObject().value("auth"_L1).toObject();
    QCOMPARE(auth.value("type"_L1).toString(), u"basic"_s);
    QCOMPARE(auth.value("basic"_L1).toArray().at(0).toObject().value("value"_L1).toString(),
             u"{{DAGGER_SESSION_TOKEN}}"_s);
    QString error;
    const auto again = importCollectionData(postmanCollectionJson(folder), u"dagger.json"_s, &error);
    QVERIFY2(again, qPrintable(error));
    QCOMPARE(*again, folder);
}

void CollectionImportTest::postmanExportNeverWritesASecret()
{
    SavedRequest request;
    request.name = u"leaky"_s;
    request.document = u"{ viewer { login } }"_s;
    request.endpointUrl = u"https://bot:8f14e45fceea167a@api.github.com/graphql?access_token=8f14e45fceea167a"_s;
    request.headers = u"Authorization: Bearer ghp_8f14e45fceea167a\nX-Trace: on"_s; // a caller that forgot to strip
    CollectionFolder folder;
    folder.name = u"GitHub"_s;
    folder.requests << request;
    const QByteArray json = postmanCollectionJson(folder);
    QVERIFY(!json.contains("8f14e45fceea167a"));
    QVERIFY(json.contains("Bearer {{token}}"));
    QVERIFY(json.contains("X-Trace"));
    QVERIFY(json.contains("https://api.github.com/graphql?access_token={{accessToken}}"));
}

void CollectionImportTest::postmanExportFailsCleanly()
{
    QTemporaryDir dir;
    CollectionFolder folder;
    folder.name = u"x"_s;
    SavedRequest request;
    request.name = u"q"_s;
    request.document = u"{ a }"_s;
    folder.requests << request;
    const QString path = dir.filePath(u"existing.json"_s);
    QVERIFY(exportPostmanCollection(folder, path, nullptr));
    const QByteArray before = readAll(path);
    QString error;
    QVERIFY(!exportPostmanCollection(folder, dir.path(), &error));
    QVERIFY2(error.contains("is a folder"_L1), qPrintable(error));
    QFile blocker(dir.filePath(u"file"_s));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    QVERIFY(!exportPostmanCollection(folder, dir.filePath(u"file/sub/out.json"_s), &error));
    QVERIFY(!error.isEmpty());
    QCOMPARE(readAll(path), before);
}

QTEST_GUILESS_MAIN(CollectionImportTest)
#include "collectionimport_test.moc"
