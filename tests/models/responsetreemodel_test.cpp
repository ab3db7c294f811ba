// SPDX-License-Identifier: MIT
// Sextant: tests for the lazy result tree (ResponseTreeModel) and the error table (ErrorListModel).
#include <core/response/graphqlresponse.h>
#include <core/response/responsedocument.h>
#include <models/errorlistmodel.h>
#include <models/responsetreemodel.h>
#include <models/roles.h>

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using Sextant::Core::JsonKind;
using Sextant::Core::ResponseDocument;
using Sextant::Models::ErrorListModel;
using Sextant::Models::ResponseTreeModel;
using DocumentPtr = std::shared_ptr<const ResponseDocument>;

namespace {

QString responsesDir()
{
    return QStringLiteral(SEXTANT_FIXTURES_DIR "/responses");
}

DocumentPtr loadFixture(const QString &name)
{
    QFile file(responsesDir() + QLatin1Char('/') + name);
    if (!file.open(QIODevice::ReadOnly))
        return nullptr;
    return ResponseDocument::parse(file.readAll());
}

DocumentPtr arrayDocument(int size, bool wrapped)
{
    QByteArray json = wrapped ? R"({"data":{"items":[)" : "[";
    for (int i = 0; i < size; ++i) {
        if (i)
            json += ',';
        json += QByteArray::number(i);
    }
    json += wrapped ? "]}}" : "]";
    return ResponseDocument::parse(json);
}

QString display(const QAbstractItemModel &model, const QModelIndex &index, int column)
{
    return model.index(index.row(), column, index.parent()).data().toString();
}

// Qt 6.4's tester calls fetchMore() from its modelReset/rowsInserted handlers before its own bookkeeping
// for that change ran, so it reports a nested change for every model that inserts rows in fetchMore().
// The tests drive fetchMore() themselves instead; the tester still checks every insert they cause.
void attachTester(std::unique_ptr<QAbstractItemModelTester> &tester, QAbstractItemModel *model)
{
    tester = std::make_unique<QAbstractItemModelTester>(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    tester->setUseFetchMore(false);
}

// Expands every container (fetching all its rows) down to a bounded number of visited rows.
int visitAll(QAbstractItemModel &model, const QModelIndex &parent, int budget)
{
    int visited = 0;
    for (int guard = 0; model.canFetchMore(parent) && guard < 10000; ++guard)
        model.fetchMore(parent);
    for (int row = 0; row < model.rowCount(parent) && visited < budget; ++row) {
        const QModelIndex child = model.index(row, 0, parent);
        ++visited;
        if (model.hasChildren(child))
            visited += visitAll(model, child, budget - visited);
    }
    return visited;
}

} // namespace

class ResponseTreeModelTest final : public QObject
{
    Q_OBJECT

private slots:
    void modelTester_data();
    void modelTester();
    void columnsAndRoles();
    void lazyFetch();
    void lazyFetchAtTopLevel();
    void pathForIndex();
    void indexForPath();
    void indexForPathIntoNulledSubtree();
    void scalarRoot();
    void clearAndReplace();
    void errorListModel();
    void errorListModelPaths();
    void generatedDagsterResponse();
};

void ResponseTreeModelTest::modelTester_data()
{
    QTest::addColumn<QString>("file");
    const QStringList files = QDir(responsesDir()).entryList({u"*.json"_s}, QDir::Files, QDir::Name);
    QVERIFY(files.size() >= 10);
    for (const QString &file : files)
        QTest::newRow(qPrintable(file)) << file;
}

void ResponseTreeModelTest::modelTester()
{
    QFETCH(QString, file);
    const DocumentPtr doc = loadFixture(file);
    QVERIFY(doc);

    ResponseTreeModel model;
    model.setFetchChunkSize(2); // small chunks so the fixtures exercise fetchMore() too
    std::unique_ptr<QAbstractItemModelTester> tester;
    attachTester(tester, &model);
    model.setDocument(doc);
    QCOMPARE(model.rowCount(), doc->childCount(doc->root()) < 2 ? doc->childCount(doc->root()) : 2);
    const int visited = visitAll(model, {}, 100000);
    QCOMPARE(qint64(visited), doc->nodeCount() - 1); // every value but the root is a row
    model.clear();
    QCOMPARE(model.rowCount(), 0);

    ErrorListModel errors;
    std::unique_ptr<QAbstractItemModelTester> errorTester;
    attachTester(errorTester, &errors);
    errors.setErrors(Sextant::Core::readGraphQLResponse(*doc).errors);
    QCOMPARE(errors.rowCount(), Sextant::Core::readGraphQLResponse(*doc).errors.size());
}

void ResponseTreeModelTest::columnsAndRoles()
{
    const DocumentPtr doc = loadFixture(u"dagster_runs_small.json"_s);
    QVERIFY(doc);
    ResponseTreeModel model;
    model.setDocument(doc);

    QCOMPARE(model.columnCount(), 3);
    QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), u"Key"_s);
    QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), u"Value"_s);
    QCOMPARE(model.headerData(2, Qt::Horizontal).toString(), u"Type"_s);

    QCOMPARE(model.rowCount(), 1);
    const QModelIndex data = model.index(0, 0);
    QCOMPARE(data.data().toString(), u"data"_s);
    QCOMPARE(display(model, data, 1), u"{1 key}"_s);
    QCOMPARE(display(model, data, 2), u"object"_s);

    const QModelIndex runsOrError = model.index(0, 0, data);
    QCOMPARE(model.rowCount(runsOrError), 3);
    QCOMPARE(display(model, runsOrError, 1), u"{3 keys}"_s);
    const QModelIndex results = model.index(2, 0, runsOrError);
    QCOMPARE(results.data().toString(), u"results"_s);
    QCOMPARE(display(model, results, 1), u"[2 items]"_s);
    QCOMPARE(display(model, results, 2), u"array"_s);
    QCOMPARE(results.data(Sextant::Models::ChildCountRole).toInt(), 2);
    QCOMPARE(results.data(Sextant::Models::JsonKindRole).toInt(), int(JsonKind::Array));

    const QModelIndex second = model.index(1, 0, results);
    QCOMPARE(second.data().toString(), u"[1]"_s);
    const QModelIndex job = model.index(3, 0, second);
    QCOMPARE(job.data().toString(), u"jobName"_s);
    QCOMPARE(display(model, job, 1), u"\"ingest_événements\""_s);
    QCOMPARE(display(model, job, 2), u"string"_s);
    QCOMPARE(job.data(Sextant::Models::JsonRawValueRole).toString(), u"ingest_événements"_s);
    QCOMPARE(job.data(Qt::ToolTipRole).toString(), u"data.runsOrError.results[1].jobName"_s);
    QCOMPARE(job.data(Sextant::Models::JsonPathRole).toString(), u"data.runsOrError.results[1].jobName"_s);
    QVERIFY(model.flags(job) & Qt::ItemNeverHasChildren);
    QVERIFY(!model.hasChildren(job));

    const QModelIndex creation = model.index(5, 0, second);
    QCOMPARE(creation.data().toString(), u"creationTime"_s);
    QCOMPARE(display(model, creation, 1), u"1716203600"_s);
    QCOMPARE(display(model, creation, 2), u"number"_s);
    const QModelIndex tags = model.index(8, 0, second);
    QCOMPARE(display(model, tags, 1), u"[0 items]"_s);
    QVERIFY(!model.hasChildren(tags));
    QCOMPARE(tags.data(Sextant::Models::JsonRawValueRole).toString(), u"[]"_s);

    // The parent chain leads back up with the right rows.
    QCOMPARE(job.parent(), model.index(1, 0, results));
    QCOMPARE(job.parent().parent(), results);
    QCOMPARE(results.parent().parent(), data);
    QVERIFY(!data.parent().isValid());
    QCOMPARE(model.nodeForIndex(job), doc->nodeAtPath({u"data"_s, u"runsOrError"_s, u"results"_s, 1, u"jobName"_s}));
    QCOMPARE(model.nodeForIndex(QModelIndex()), ResponseDocument::InvalidNode);
}

void ResponseTreeModelTest::lazyFetch()
{
    const DocumentPtr doc = arrayDocument(10000, true);
    QVERIFY(doc);
    ResponseTreeModel model;
    std::unique_ptr<QAbstractItemModelTester> tester;
    attachTester(tester, &model);
    model.setDocument(doc);
    const QModelIndex items = model.index(0, 0, model.index(0, 0));
    QCOMPARE(items.data().toString(), u"items"_s);
    QCOMPARE(display(model, items, 1), u"[10000 items]"_s);
    QCOMPARE(items.data(Sextant::Models::ChildCountRole).toInt(), 10000);

    // Only the first chunk exists until the view asks for more.
    QCOMPARE(model.rowCount(items), 200);
    QCOMPARE(model.rowCount(items), ResponseTreeModel::DefaultFetchChunkSize);
    QVERIFY(model.canFetchMore(items));
    QVERIFY(!model.index(200, 0, items).isValid());
    QCOMPARE(model.index(199, 0, items).data().toString(), u"[199]"_s);

    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.fetchMore(items);
    QCOMPARE(model.rowCount(items), 400);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.at(0).at(0).value<QModelIndex>(), items);
    QCOMPARE(inserted.at(0).at(1).toInt(), 200);
    QCOMPARE(inserted.at(0).at(2).toInt(), 399);
    QCOMPARE(display(model, model.index(399, 0, items), 1), u"399"_s);

    int fetches = 0;
    while (model.canFetchMore(items) && fetches < 100) {
        model.fetchMore(items);
        ++fetches;
    }
    QCOMPARE(fetches, 48);
    QCOMPARE(model.rowCount(items), 10000);
    QVERIFY(!model.canFetchMore(items));
    QCOMPARE(display(model, model.index(9999, 0, items), 1), u"9999"_s);
    model.fetchMore(items); // nothing left: no signal
    QCOMPARE(inserted.size(), 49);

    // Scalars and objects with few members never need fetching.
    QVERIFY(!model.canFetchMore(model.index(0, 0)));
    QVERIFY(!model.canFetchMore(model.index(0, 0, items)));
}

void ResponseTreeModelTest::lazyFetchAtTopLevel()
{
    const DocumentPtr doc = arrayDocument(1000000, false);
    QVERIFY(doc);
    ResponseTreeModel model;
    model.setDocument(doc);
    QCOMPARE(model.rowCount(), 200);
    QVERIFY(model.canFetchMore({}));
    model.fetchMore({});
    QCOMPARE(model.rowCount(), 400);
    QCOMPARE(model.index(0, 0).data().toString(), u"[0]"_s);
    QCOMPARE(model.pathForIndex(model.index(399, 0)), u"[399]"_s);
}

void ResponseTreeModelTest::pathForIndex()
{
    const DocumentPtr doc = loadFixture(u"partial_data_with_errors.json"_s);
    QVERIFY(doc);
    ResponseTreeModel model;
    model.setDocument(doc);
    const QModelIndex errors = model.index(0, 0);
    QCOMPARE(model.pathForIndex(errors), u"errors"_s);
    const QModelIndex firstError = model.index(0, 0, errors);
    QCOMPARE(model.pathForIndex(firstError), u"errors[0]"_s);
    const QModelIndex path = model.index(2, 0, firstError);
    QCOMPARE(model.pathForIndex(model.index(1, 0, path)), u"errors[0].path[1]"_s);
    const QModelIndex extensions = model.index(3, 0, firstError);
    QCOMPARE(model.pathForIndex(extensions), u"errors[0].extensions"_s);
    const QModelIndex details = model.index(2, 0, extensions);
    QCOMPARE(model.pathForIndex(details), u"errors[0].extensions.details"_s);
    const QModelIndex attempts = model.index(1, 0, details);
    QCOMPARE(model.pathForIndex(attempts), u"errors[0].extensions.details.attempts"_s);
    QCOMPARE(model.pathForIndex(model.index(1, 2, attempts.parent())), u"errors[0].extensions.details.attempts"_s);
    QVERIFY(model.pathForIndex(QModelIndex()).isEmpty());
}

void ResponseTreeModelTest::indexForPath()
{
    const DocumentPtr doc = arrayDocument(10000, true);
    QVERIFY(doc);
    ResponseTreeModel model;
    std::unique_ptr<QAbstractItemModelTester> tester;
    attachTester(tester, &model);
    model.setDocument(doc);
    const QModelIndex items = model.indexForPath({u"data"_s, u"items"_s});
    QCOMPARE(items.data().toString(), u"items"_s);
    QCOMPARE(model.rowCount(items), 200);

    // A row beyond the fetched ones is fetched in whole chunks on the way.
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    const QModelIndex row750 = model.indexForPath({u"data"_s, u"items"_s, 750});
    QVERIFY(row750.isValid());
    QCOMPARE(row750.row(), 750);
    QCOMPARE(row750.parent(), items);
    QCOMPARE(display(model, row750, 1), u"750"_s);
    QCOMPARE(model.rowCount(items), 800);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(model.pathForIndex(row750), u"data.items[750]"_s);

    // Already fetched: no more inserts. Past the end: the nearest ancestor.
    QCOMPARE(model.indexForPath({u"data"_s, u"items"_s, 10}).row(), 10);
    QCOMPARE(model.indexForPath({u"data"_s, u"items"_s, 20000}), items);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(model.indexForPath({u"data"_s}), model.index(0, 0));
    QVERIFY(!model.indexForPath({u"nope"_s}).isValid());
    QVERIFY(!model.indexForPath({}).isValid());
    QCOMPARE(model.indexForPath({u"data"_s, u"items"_s, 9999}).row(), 9999);
    QCOMPARE(model.rowCount(items), 10000);
}

void ResponseTreeModelTest::indexForPathIntoNulledSubtree()
{
    const DocumentPtr doc = loadFixture(u"null_bubbling_to_root.json"_s);
    QVERIFY(doc);
    ResponseTreeModel model;
    model.setDocument(doc);
    const auto errors = Sextant::Core::readGraphQLResponse(*doc).errors;
    QCOMPARE(errors.size(), 1);
    // Error paths are relative to "data"; the item that null bubbling nulled is the nearest existing node.
    const QModelIndex nearest = model.indexForPath(QVariantList{u"data"_s} + errors.at(0).path);
    QVERIFY(nearest.isValid());
    QCOMPARE(nearest.data().toString(), u"[1]"_s);
    QCOMPARE(display(model, nearest, 1), u"null"_s);
    QCOMPARE(display(model, nearest, 2), u"null"_s);
    QCOMPARE(model.pathForIndex(nearest), u"data.viewer.repositories.nodes[1]"_s);
}

void ResponseTreeModelTest::scalarRoot()
{
    ResponseTreeModel model;
    std::unique_ptr<QAbstractItemModelTester> tester;
    attachTester(tester, &model);
    model.setDocument(ResponseDocument::parse("\"just a string\""));
    QCOMPARE(model.rowCount(), 1);
    const QModelIndex root = model.index(0, 0);
    QVERIFY(root.data().toString().isEmpty());
    QCOMPARE(display(model, root, 1), u"\"just a string\""_s);
    QCOMPARE(display(model, root, 2), u"string"_s);
    QVERIFY(!model.hasChildren(root));
    QVERIFY(!root.parent().isValid());
    QCOMPARE(model.indexForPath({}), root);
    QCOMPARE(model.indexForPath({u"x"_s}), root);

    model.setDocument(ResponseDocument::parse("{}"));
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.hasChildren());
}

void ResponseTreeModelTest::clearAndReplace()
{
    ResponseTreeModel model;
    std::unique_ptr<QAbstractItemModelTester> tester;
    attachTester(tester, &model);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.hasChildren());
    QVERIFY(!model.indexForPath({u"data"_s}).isValid());
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setDocument(arrayDocument(5000, true));
    const QModelIndex items = model.indexForPath({u"data"_s, u"items"_s, 4000}).parent();
    QCOMPARE(model.rowCount(items), 4200);
    model.setDocument(arrayDocument(5000, true));
    QCOMPARE(model.rowCount(model.indexForPath({u"data"_s, u"items"_s})), 200); // fetched rows are forgotten
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.document());
    QCOMPARE(reset.size(), 3);
}

void ResponseTreeModelTest::errorListModel()
{
    const DocumentPtr doc = loadFixture(u"validation_errors_multiple.json"_s);
    QVERIFY(doc);
    ErrorListModel model;
    std::unique_ptr<QAbstractItemModelTester> tester;
    attachTester(tester, &model);
    model.setErrors(Sextant::Core::readGraphQLResponse(*doc).errors);

    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.columnCount(), 4);
    QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), u"Message"_s);
    QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), u"Path"_s);
    QCOMPARE(model.headerData(2, Qt::Horizontal).toString(), u"Locations"_s);
    QCOMPARE(model.headerData(3, Qt::Horizontal).toString(), u"Extensions"_s);
    QCOMPARE(model.index(0, 3).data().toString(), uR"({"code":"GRAPHQL_VALIDATION_FAILED"})"_s);
    QCOMPARE(model.index(0, 0).data().toString(),
             u"Cannot query field \"runz\" on type \"Runs\". Did you mean \"results\"?"_s);
    QCOMPARE(model.index(1, 0).data().toString(), u"Variable \"$limit\" is never used in operation \"Runs\"."_s);
    QVERIFY(model.index(0, 1).data().toString().isEmpty()); // validation errors have no path
    QCOMPARE(model.index(0, 2).data().toString(), u"4:9"_s);
    QCOMPARE(model.index(1, 2).data().toString(), u"1:12"_s);
    QCOMPARE(model.index(0, 0).data(Sextant::Models::ErrorLocationLineRole).toInt(), 4);
    QCOMPARE(model.index(0, 0).data(Sextant::Models::ErrorLocationColumnRole).toInt(), 9);
    QCOMPARE(model.index(1, 1).data(Sextant::Models::ErrorLocationLineRole).toInt(), 1);
    QCOMPARE(model.index(1, 1).data(Sextant::Models::ErrorLocationColumnRole).toInt(), 12);
    QVERIFY(model.index(0, 0).data(Sextant::Models::ErrorPathRole).toList().isEmpty());
    QCOMPARE(model.index(0, 0).data(Sextant::Models::ErrorExtensionsRole).toString(),
             uR"({"code":"GRAPHQL_VALIDATION_FAILED"})"_s);
    QVERIFY(model.index(1, 0).data(Sextant::Models::ErrorJsonRole).toString().contains(u"\"line\": 1"_s));
    QCOMPARE(model.error(1).message, model.index(1, 0).data().toString());
    QVERIFY(model.error(5).message.isEmpty());

    QCOMPARE(ErrorListModel::locationsText({{3, 5, -1}, {7, 1, -1}}), u"3:5, 7:1"_s);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void ResponseTreeModelTest::errorListModelPaths()
{
    const DocumentPtr doc = loadFixture(u"partial_data_with_errors.json"_s);
    QVERIFY(doc);
    ErrorListModel errors;
    errors.setErrors(Sextant::Core::readGraphQLResponse(*doc).errors);
    QCOMPARE(errors.rowCount(), 2);
    QCOMPARE(errors.index(1, 1).data().toString(), u"repositoriesOrError.nodes[2].jobs[0].name"_s);
    const QVariantList path = errors.index(1, 0).data(Sextant::Models::ErrorPathRole).toList();
    QCOMPARE(path, QVariantList({u"repositoriesOrError"_s, u"nodes"_s, 2, u"jobs"_s, 0, u"name"_s}));

    // The error's path leads the result tree to the nulled "jobs" list that replaced the failing field.
    ResponseTreeModel tree;
    tree.setDocument(doc);
    const QModelIndex target = tree.indexForPath(QVariantList{u"data"_s} + path);
    QCOMPARE(tree.pathForIndex(target), u"data.repositoriesOrError.nodes[2].jobs"_s);
    QCOMPARE(display(tree, target, 1), u"null"_s);
}

void ResponseTreeModelTest::generatedDagsterResponse()
{
    // A Dagster runsOrError page shaped like tests/fixtures/responses/gen-response.mjs output, built here so the
    // test needs no node: 1,500 runs with tags, one key that is no GraphQL Name.
    QByteArray json = R"({"data":{"runsOrError":{"__typename":"Runs","results":[)";
    constexpr int Runs = 1500;
    for (int i = 0; i < Runs; ++i) {
        if (i)
            json += ',';
        json += R"({"runId":"run-)" + QByteArray::number(i) + R"(","status":"SUCCESS","tags":[)";
        for (int t = 0; t < i % 4; ++t)
            json += (t ? "," : "") + QByteArray(R"({"key":"k","value":"v"})");
        json += R"(],"stats":{"stepsSucceeded":)" + QByteArray::number(i) + R"(,"a b":null}})";
    }
    json += R"(],"count":1500}}})";
    const DocumentPtr doc = ResponseDocument::parse(json);
    QVERIFY(doc);
    ResponseTreeModel model;
    std::unique_ptr<QAbstractItemModelTester> tester;
    attachTester(tester, &model);
    model.setDocument(doc);

    const QModelIndex data = model.index(0, 0);
    const QModelIndex runsOrError = model.index(0, 0, data);
    QCOMPARE(display(model, runsOrError, 1), u"{3 keys}"_s);
    const QModelIndex results = model.index(1, 0, runsOrError);
    QCOMPARE(display(model, results, 1), u"[1500 items]"_s);
    QCOMPARE(display(model, results, 2), u"array"_s);
    QCOMPARE(model.rowCount(results), ResponseTreeModel::DefaultFetchChunkSize);
    const QModelIndex run3 = model.index(3, 0, results);
    QCOMPARE(display(model, model.index(2, 0, run3), 1), u"[3 items]"_s);
    QCOMPARE(display(model, model.index(2, 0, model.index(1, 0, results)), 1), u"[1 item]"_s);
    QCOMPARE(display(model, model.index(3, 0, run3), 1), u"{2 keys}"_s);
    QCOMPARE(model.pathForIndex(model.index(0, 0, run3)), u"data.runsOrError.results[3].runId"_s);
    QCOMPARE(model.pathForIndex(model.index(1, 0, model.index(3, 0, run3))), uR"(data.runsOrError.results[3].stats["a b"])"_s);

    // Revealing run 1,234 exposes rows up to the end of its chunk only.
    const QVariantList path{u"data"_s, u"runsOrError"_s, u"results"_s, 1234, u"runId"_s};
    const QModelIndex runId = model.indexForPath(path);
    QCOMPARE(runId.data().toString(), u"runId"_s);
    QCOMPARE(display(model, runId, 1), u"\"run-1234\""_s);
    QCOMPARE(model.rowCount(results), 1400);
    QVERIFY(model.canFetchMore(results));
    QCOMPARE(model.indexForNode(model.nodeForIndex(runId)), runId);

    // JSON straight from the bytes, pretty or compact.
    QCOMPARE(model.jsonForIndex(runId, 0), QByteArray(R"("run-1234")"));
    QCOMPARE(model.jsonForIndex(model.index(3, 0, run3), 2),
             QByteArray("{\n  \"stepsSucceeded\": 3,\n  \"a b\": null\n}"));
    QVERIFY(model.isContainer(results));
    QVERIFY(!model.isContainer(runId));
    QVERIFY(model.jsonForIndex({}).isEmpty());
}

QTEST_GUILESS_MAIN(ResponseTreeModelTest)
#include "responsetreemodel_test.moc"
