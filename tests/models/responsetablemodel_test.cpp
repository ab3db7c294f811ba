// SPDX-License-Identifier: MIT
// Sextant: tests for the list-of-objects table (ResponseTableModel): columns, cells, sorting, list discovery.
#include <core/response/responsedocument.h>
#include <models/responsetablemodel.h>
#include <models/roles.h>

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QFile>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using Sextant::Core::JsonKind;
using Sextant::Core::ResponseDocument;
using Sextant::Models::ResponseTableModel;
using DocumentPtr = std::shared_ptr<const ResponseDocument>;
using NodeId = ResponseDocument::NodeId;

namespace {

DocumentPtr loadFixture(const QString &name)
{
    QFile file(QStringLiteral(SEXTANT_FIXTURES_DIR "/responses/") + name);
    if (!file.open(QIODevice::ReadOnly))
        return nullptr;
    return ResponseDocument::parse(file.readAll());
}

QStringList headers(const QAbstractItemModel &model)
{
    QStringList out;
    for (int c = 0; c < model.columnCount(); ++c)
        out.append(model.headerData(c, Qt::Horizontal).toString());
    return out;
}

QStringList column(const QAbstractItemModel &model, int c)
{
    QStringList out;
    for (int r = 0; r < model.rowCount(); ++r)
        out.append(model.index(r, c).data().toString());
    return out;
}

QStringList paths(const ResponseDocument &doc, const std::vector<NodeId> &nodes)
{
    QStringList out;
    for (const NodeId node : nodes)
        out.append(doc.pathString(node));
    return out;
}

} // namespace

class ResponseTableModelTest final : public QObject
{
    Q_OBJECT

private slots:
    void dagsterRuns();
    void cellsAndRoles();
    void missingMembersAndValueColumn();
    void notAList();
    void columnScanLimit();
    void sort_data();
    void sort();
    void sortKeepsPersistentIndexes();
    void sortMillionRows();
    void candidateLists_data();
    void candidateLists();
    void candidateListsBounded();
    void parsePath_data();
    void parsePath();
    void parsePathRoundTrip();
};

void ResponseTableModelTest::dagsterRuns()
{
    const DocumentPtr doc = loadFixture(u"dagster_runs_small.json"_s);
    QVERIFY(doc);
    ResponseTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDocument(doc);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), 0);
    const NodeId results = doc->nodeAtPath({u"data"_s, u"runsOrError"_s, u"results"_s});
    QVERIFY(model.setList(results));
    QCOMPARE(model.listNode(), results);
    QCOMPARE(model.rowCount(), 2);
    const QStringList expected = {u"id"_s,           u"runId"_s,     u"status"_s,  u"jobName"_s, u"pipelineName"_s,
                                  u"creationTime"_s, u"startTime"_s, u"endTime"_s, u"tags"_s,    u"stats"_s};
    QCOMPARE(headers(model), expected);
    QCOMPARE(model.columnKeys(), expected);
    QVERIFY(!model.hasValueColumn());
    QCOMPARE(column(model, 2), (QStringList{u"SUCCESS"_s, u"FAILURE"_s}));
    QCOMPARE(column(model, 3), (QStringList{u"daily_sales_rollup"_s, u"ingest_événements"_s}));
    QCOMPARE(column(model, 7), (QStringList{u"1716200321.75"_s, u"1716203660.0"_s}));
    QCOMPARE(
        column(model, 8),
        (QStringList{
            uR"([{"key":"dagster/schedule_name","value":"daily_sales_rollup_schedule"},{"key":"team","value":"données & analytics"}])"_s,
            u"[]"_s}));
    QCOMPARE(
        column(model, 9),
        (QStringList{uR"({"stepsSucceeded":7,"stepsFailed":0,"materializations":3,"expectations":0})"_s,
                     uR"({"message":"dagster._check.CheckError: Invariant failed.","__typename":"PythonError"})"_s}));
    QCOMPARE(model.headerData(1, Qt::Vertical).toInt(), 1);
    QCOMPARE(doc->pathString(model.rowNode(1)), u"data.runsOrError.results[1]"_s);
    QCOMPARE(doc->pathString(model.cellNode(0, 2)), u"data.runsOrError.results[0].status"_s);
}

void ResponseTableModelTest::cellsAndRoles()
{
    // A big nested value is summarized instead of serialized; a long string is elided.
    QByteArray big = "[";
    for (int i = 0; i < 100; ++i)
        big += (i ? "," : "") + QByteArray::number(i);
    big += "]";
    const QByteArray longText(500, 'x');
    const DocumentPtr doc =
        ResponseDocument::parse(R"([{"n":-1.5e3,"s":"a\"b\u00e9","t":true,"z":null,"o":{"a":)" + big
                                + R"(,"b":1,"c":2},"l":)" + big + R"(,"long":")" + longText + R"(","e":{}}])");
    QVERIFY(doc);
    ResponseTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDocument(doc);
    QVERIFY(model.setList(doc->root()));
    QCOMPARE(headers(model), (QStringList{u"n"_s, u"s"_s, u"t"_s, u"z"_s, u"o"_s, u"l"_s, u"long"_s, u"e"_s}));
    const auto cell = [&](int c, int role = Qt::DisplayRole) { return model.index(0, c).data(role); };
    QCOMPARE(cell(0).toString(), u"-1.5e3"_s);
    QCOMPARE(cell(1).toString(), u"a\"bé"_s);
    QCOMPARE(cell(2).toString(), u"true"_s);
    QCOMPARE(cell(3).toString(), u"null"_s);
    QCOMPARE(cell(4).toString(), u"{\u20263 keys}"_s);
    QCOMPARE(cell(5).toString(), u"[\u2026100 items]"_s);
    QCOMPARE(cell(6).toString(), QString(ResponseTableModel::CellTextLimit, QLatin1Char('x')) + QChar(0x2026));
    QCOMPARE(cell(7).toString(), u"{}"_s);
    QCOMPARE(cell(0, Sextant::Models::JsonKindRole).toInt(), int(JsonKind::Number));
    QCOMPARE(cell(4, Sextant::Models::JsonKindRole).toInt(), int(JsonKind::Object));
    QCOMPARE(cell(4, Sextant::Models::ChildCountRole).toInt(), 3);
    QCOMPARE(cell(1, Sextant::Models::JsonPathRole).toString(), u"[0].s"_s);
    QCOMPARE(cell(6, Sextant::Models::JsonRawValueRole).toString(), QString::fromLatin1(longText));
    QCOMPARE(cell(5, Sextant::Models::JsonRawValueRole).toString(), QString::fromLatin1(big));
    QVERIFY(cell(0, Qt::TextAlignmentRole).value<Qt::Alignment>() & Qt::AlignRight);
    QVERIFY(!cell(1, Qt::TextAlignmentRole).isValid());
}

void ResponseTableModelTest::missingMembersAndValueColumn()
{
    const DocumentPtr doc = ResponseDocument::parse(R"({"xs":[{"a":1},"text",{"b":2,"a":3},null]})");
    QVERIFY(doc);
    ResponseTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDocument(doc);
    QVERIFY(model.setList(doc->member(doc->root(), u"xs")));
    QVERIFY(model.hasValueColumn());
    QCOMPARE(headers(model), (QStringList{u"(value)"_s, u"a"_s, u"b"_s}));
    QCOMPARE(model.columnKeys(), (QStringList{u"a"_s, u"b"_s}));
    QCOMPARE(column(model, 0), (QStringList{QString(), u"text"_s, QString(), u"null"_s}));
    QCOMPARE(column(model, 1), (QStringList{u"1"_s, QString(), u"3"_s, QString()}));
    QCOMPARE(column(model, 2), (QStringList{QString(), QString(), u"2"_s, QString()}));
    QCOMPARE(model.index(0, 2).data(Sextant::Models::JsonKindRole).toInt(), -1);
    QCOMPARE(model.index(0, 2).data(Sextant::Models::JsonPathRole).toString(), u"xs[0].b"_s);
}

void ResponseTableModelTest::notAList()
{
    const DocumentPtr doc = ResponseDocument::parse(R"({"a":{"b":1}})");
    QVERIFY(doc);
    ResponseTableModel model;
    QVERIFY(!model.setList(doc->root())); // no document yet
    model.setDocument(doc);
    QVERIFY(!model.setList(doc->root()));
    QVERIFY(!model.setList(ResponseDocument::InvalidNode));
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), 0);
    QCOMPARE(model.listNode(), ResponseDocument::InvalidNode);
    model.sort(0); // harmless on an empty table
    QCOMPARE(model.rowCount(), 0);
}

void ResponseTableModelTest::columnScanLimit()
{
    QByteArray json = "[";
    const int rows = ResponseTableModel::ColumnScanLimit + 1;
    for (int i = 0; i < rows; ++i) {
        json += i ? "," : "";
        json += R"({"id":)" + QByteArray::number(i) + (i == rows - 1 ? R"(,"late":1})" : "}");
    }
    json += "]";
    const DocumentPtr doc = ResponseDocument::parse(json);
    QVERIFY(doc);
    ResponseTableModel model;
    model.setDocument(doc);
    QVERIFY(model.setList(doc->root()));
    QCOMPARE(model.rowCount(), rows);
    QCOMPARE(headers(model), QStringList{u"id"_s});
    QCOMPARE(model.index(rows - 1, 0).data().toString(), QString::number(rows - 1));
}

void ResponseTableModelTest::sort_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("order");
    QTest::addColumn<QList<int>>("expected"); // array indices in display order

    const QByteArray mixed =
        R"([{"v":"b"},{"v":10},{"v":null},{"v":"a"},{},{"v":9.5},{"v":true},{"v":[1,2]},{"v":"B"},{"v":-3}])";
    QTest::newRow("mixed ascending") << mixed << int(Qt::AscendingOrder) << QList<int>{9, 5, 1, 8, 3, 0, 6, 7, 2, 4};
    QTest::newRow("mixed descending") << mixed << int(Qt::DescendingOrder) << QList<int>{7, 6, 0, 3, 8, 1, 5, 9, 2, 4};
    const QByteArray numbers = R"([{"v":100},{"v":20},{"v":3},{"v":1e2},{"v":-0.5},{"v":12345678901234567890}])";
    QTest::newRow("numbers numerically, stable ties")
        << numbers << int(Qt::AscendingOrder) << QList<int>{4, 2, 1, 0, 3, 5};
    QTest::newRow("numbers descending, stable ties")
        << numbers << int(Qt::DescendingOrder) << QList<int>{5, 0, 3, 1, 2, 4};
    const QByteArray strings = R"([{"v":"é"},{"v":"z"},{"v":"\u0041"},{"v":"ab"},{"v":"a"}])";
    QTest::newRow("strings by code point, escapes decoded")
        << strings << int(Qt::AscendingOrder) << QList<int>{2, 4, 3, 1, 0};
}

void ResponseTableModelTest::sort()
{
    QFETCH(QByteArray, json);
    QFETCH(int, order);
    QFETCH(QList<int>, expected);
    const DocumentPtr doc = ResponseDocument::parse(json);
    QVERIFY(doc);
    ResponseTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDocument(doc);
    QVERIFY(model.setList(doc->root()));
    model.sort(0, Qt::SortOrder(order));
    QCOMPARE(model.sortColumn(), 0);
    QCOMPARE(model.sortOrder(), Qt::SortOrder(order));
    QList<int> shown;
    for (int r = 0; r < model.rowCount(); ++r)
        shown.append(model.headerData(r, Qt::Vertical).toInt());
    QCOMPARE(shown, expected);
    QCOMPARE(QList<int>(model.rowOrder().begin(), model.rowOrder().end()), expected);
    model.sort(-1);
    QCOMPARE(model.headerData(0, Qt::Vertical).toInt(), 0);
    QCOMPARE(model.sortColumn(), -1);
}

void ResponseTableModelTest::sortKeepsPersistentIndexes()
{
    const DocumentPtr doc = ResponseDocument::parse(R"([{"k":3,"name":"c"},{"k":1,"name":"a"},{"k":2,"name":"b"}])");
    QVERIFY(doc);
    ResponseTableModel model;
    model.setDocument(doc);
    QVERIFY(model.setList(doc->root()));
    const QPersistentModelIndex third(model.index(2, 1));
    QCOMPARE(third.data().toString(), u"b"_s);
    model.sort(0, Qt::AscendingOrder);
    QCOMPARE(third.row(), 1);
    QCOMPARE(third.column(), 1);
    QCOMPARE(third.data().toString(), u"b"_s);
    model.sort(1, Qt::DescendingOrder);
    QCOMPARE(third.row(), 1);
    QCOMPARE(column(model, 1), (QStringList{u"c"_s, u"b"_s, u"a"_s}));
}

void ResponseTableModelTest::sortMillionRows()
{
    constexpr int rows = 1000000;
    QByteArray json;
    json.reserve(rows * 40);
    json += "[";
    quint32 x = 12345;
    for (int i = 0; i < rows; ++i) {
        x = x * 1664525u + 1013904223u; // deterministic LCG
        json += i ? "," : "";
        json += R"({"id":)" + QByteArray::number(i) + R"(,"n":)" + QByteArray::number(x % 100000) + R"(,"s":"k)"
                + QByteArray::number(x % 7919) + R"("})";
    }
    json += "]";
    const DocumentPtr doc = ResponseDocument::parse(json);
    QVERIFY(doc);
    ResponseTableModel model;
    model.setDocument(doc);
    QVERIFY(model.setList(doc->root()));
    QCOMPARE(model.rowCount(), rows);

    QElapsedTimer timer;
    timer.start();
    model.sort(1, Qt::DescendingOrder);
    const qint64 numericMs = timer.restart();
    model.sort(2, Qt::AscendingOrder);
    const qint64 stringMs = timer.elapsed();
    qInfo("sorted %d rows: numeric %lld ms, string %lld ms", rows, numericMs, stringMs);

    // String column ascending, ties in document order (id ascending).
    QString previous;
    int previousId = -1;
    for (int r = 0; r < rows; r += 997) {
        const QString s = model.index(r, 2).data().toString();
        const int id = model.index(r, 0).data().toInt();
        QVERIFY(previous <= s);
        if (previous == s)
            QVERIFY(previousId < id);
        previous = s;
        previousId = id;
    }
    model.sort(1, Qt::DescendingOrder);
    double last = 1e18;
    for (int r = 0; r < rows; r += 991) {
        const double n = model.index(r, 1).data().toDouble();
        QVERIFY(n <= last);
        last = n;
    }
}

void ResponseTableModelTest::candidateLists_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("dagster runs") << u"dagster_runs_small.json"_s
                                  << QStringList{u"data.runsOrError.results"_s, u"data.runsOrError.results[0].tags"_s};
    QTest::newRow("errors and data") << u"partial_data_with_errors.json"_s
                                     << QStringList{u"errors"_s, u"errors[0].locations"_s,
                                                    u"data.repositoriesOrError.nodes"_s,
                                                    u"data.repositoriesOrError.nodes[0].jobs"_s};
    QTest::newRow("no data") << u"request_error_no_data.json"_s << QStringList{u"errors"_s};
}

void ResponseTableModelTest::candidateLists()
{
    QFETCH(QString, fixture);
    QFETCH(QStringList, expected);
    const DocumentPtr doc = loadFixture(fixture);
    QVERIFY(doc);
    const auto lists = ResponseTableModel::candidateLists(*doc);
    QStringList found = paths(*doc, lists);
    // Only the first few are pinned down; deeper lists may follow.
    QVERIFY2(found.size() >= expected.size(), qPrintable(found.join(u", "_s)));
    QCOMPARE(found.mid(0, expected.size()), expected);
}

void ResponseTableModelTest::candidateListsBounded()
{
    const DocumentPtr root = ResponseDocument::parse(R"([{"a":1}])");
    QVERIFY(root);
    QCOMPARE(paths(*root, ResponseTableModel::candidateLists(*root)), QStringList{QString()});
    const DocumentPtr scalars = ResponseDocument::parse(R"({"a":[1,2],"b":[],"c":[[{"x":1}]]})");
    QVERIFY(scalars);
    QCOMPARE(paths(*scalars, ResponseTableModel::candidateLists(*scalars)), QStringList{u"c[0]"_s});

    QByteArray wide = "{";
    for (int i = 0; i < 500; ++i)
        wide += QByteArray(i ? "," : "") + "\"k" + QByteArray::number(i) + R"(":[{"x":1}])";
    wide += "}";
    const DocumentPtr many = ResponseDocument::parse(wide);
    QVERIFY(many);
    QCOMPARE(int(ResponseTableModel::candidateLists(*many, 200000, 100).size()), 100);
    QCOMPARE(int(ResponseTableModel::candidateLists(*many, 11, 1000).size()), 10); // root + 10 nodes visited
}

void ResponseTableModelTest::parsePath_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QVariantList>("expected");
    QTest::newRow("root") << QString() << true << QVariantList{};
    QTest::newRow("names") << u"data.runsOrError.results"_s << true
                           << QVariantList{u"data"_s, u"runsOrError"_s, u"results"_s};
    QTest::newRow("indices") << u"data.runs[3].tags[0]"_s << true
                             << QVariantList{u"data"_s, u"runs"_s, 3, u"tags"_s, 0};
    QTest::newRow("root index") << u"[2].id"_s << true << QVariantList{2, u"id"_s};
    QTest::newRow("quoted key") << uR"(data["a b"]["x\"y"].z)"_s << true
                                << QVariantList{u"data"_s, u"a b"_s, u"x\"y"_s, u"z"_s};
    QTest::newRow("unicode name") << u"données.clé"_s << true << QVariantList{u"données"_s, u"clé"_s};
    QTest::newRow("leading dot") << u".a"_s << false << QVariantList{};
    QTest::newRow("double dot") << u"a..b"_s << false << QVariantList{};
    QTest::newRow("unclosed bracket") << u"a[1"_s << false << QVariantList{};
    QTest::newRow("bad index") << u"a[x]"_s << false << QVariantList{};
    QTest::newRow("unclosed quote") << uR"(a["b)"_s << false << QVariantList{};
    QTest::newRow("trailing dot") << u"a."_s << false << QVariantList{};
}

void ResponseTableModelTest::parsePath()
{
    QFETCH(QString, path);
    QFETCH(bool, valid);
    QFETCH(QVariantList, expected);
    bool ok = !valid;
    const QVariantList parsed = ResponseTableModel::parsePath(path, &ok);
    QCOMPARE(ok, valid);
    QCOMPARE(parsed, expected);
}

void ResponseTableModelTest::parsePathRoundTrip()
{
    const DocumentPtr doc = loadFixture(u"unicode_and_escapes.json"_s);
    QVERIFY(doc);
    for (NodeId node = 0; node < NodeId(doc->nodeCount()); ++node) {
        bool ok = false;
        const QString text = doc->pathString(node);
        const QVariantList parsed = ResponseTableModel::parsePath(text, &ok);
        QVERIFY2(ok, qPrintable(text));
        QCOMPARE(parsed, doc->path(node));
    }
}

QTEST_GUILESS_MAIN(ResponseTableModelTest)

#include "responsetablemodel_test.moc"
