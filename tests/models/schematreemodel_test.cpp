// SPDX-License-Identifier: MIT
// Sextant: tests for SchemaTreeModel (shape, roles, lazy building, filtering) on the fixture schemas.
#include <models/roles.h>
#include <models/schematreemodel.h>

#include <core/schema/introspectionreader.h>
#include <core/schema/schema.h>

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

#include <deque>
#include <functional>

using namespace Sextant;
using namespace Qt::StringLiterals;
using Models::SchemaTreeModel;
using NodeKind = Models::SchemaTreeModel::NodeKind;

namespace {

// Reads tests/fixtures/schemas/<name>/introspection.json, or its .gz (the GitHub schema) through gzip.
std::shared_ptr<const Core::Schema> loadSchema(const QString &name)
{
    const QString base = QStringLiteral(SEXTANT_FIXTURES_DIR "/schemas/") + name + u"/introspection.json"_s;
    QByteArray json;
    QFile plain(base);
    if (plain.open(QIODevice::ReadOnly)) {
        json = plain.readAll();
    } else {
        QProcess gunzip;
        gunzip.start(u"gzip"_s, {u"-dc"_s, base + u".gz"_s});
        if (gunzip.waitForFinished(60000) && gunzip.exitCode() == 0)
            json = gunzip.readAllStandardOutput();
    }
    return Core::IntrospectionReader::read(json).schema;
}

QStringList childNames(const QAbstractItemModel &model, const QModelIndex &parent)
{
    QStringList names;
    for (int row = 0; row < model.rowCount(parent); ++row)
        names.append(model.index(row, 0, parent).data().toString());
    return names;
}

// The first direct child of `parent` whose column-0 text equals `name`.
QModelIndex childNamed(const QAbstractItemModel &model, const QModelIndex &parent, const QString &name)
{
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, 0, parent);
        if (index.data().toString() == name)
            return index;
    }
    return {};
}

NodeKind kindOf(const QModelIndex &index)
{
    return NodeKind(index.data(Models::NodeKindRole).toInt());
}

} // namespace

class SchemaTreeModelTest final : public QObject
{
    Q_OBJECT

private slots:
    void modelTester_data();
    void modelTester();
    void rootRows();
    void emptyModel();
    void indexForType();
    void deprecatedFieldRoles();
    void typeChildren();
    void directives();
    void recursiveFilter();
    void recursiveFilterLargeSchema();
};

void SchemaTreeModelTest::modelTester_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("small") << u"small"_s;
    QTest::newRow("dagster") << u"dagster"_s;
    QTest::newRow("dagger") << u"dagger"_s;
    QTest::newRow("github") << u"github"_s;
}

void SchemaTreeModelTest::modelTester()
{
    QFETCH(QString, name);
    const auto schema = loadSchema(name);
    QVERIFY(schema);

    SchemaTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy changed(&model, &SchemaTreeModel::schemaChanged);
    QElapsedTimer timer;
    timer.start();
    model.setSchema(schema);
    qInfo("%s: setSchema took %lld ms", qPrintable(name), timer.elapsed());
    QCOMPARE(changed.size(), 1);
    QCOMPARE(model.schema(), schema);

    // Walk breadth first over a bounded number of nodes, checking the index/parent contract and
    // touching every role the way views and the filter proxy do.
    const QList<int> roles{Qt::DisplayRole,       Qt::ToolTipRole,       Models::NodeKindRole,
                           Models::TypeKindRole,  Models::TypeNameRole,  Models::TypeRefRole,
                           Models::DescriptionRole, Models::IsDeprecatedRole, Models::DeprecationReasonRole,
                           Models::SignatureRole, Models::DefaultValueRole};
    std::deque<QModelIndex> queue{QModelIndex()};
    int visited = 0;
    while (!queue.empty() && visited < 4000) {
        const QModelIndex parent = queue.front();
        queue.pop_front();
        const int rows = model.rowCount(parent);
        QCOMPARE(model.hasChildren(parent), rows > 0);
        for (int row = 0; row < rows && visited < 4000; ++row, ++visited) {
            const QModelIndex index = model.index(row, SchemaTreeModel::NameColumn, parent);
            const QModelIndex typeCell = model.index(row, SchemaTreeModel::TypeColumn, parent);
            QVERIFY(index.isValid());
            QCOMPARE(model.parent(index), parent);
            QCOMPARE(model.parent(typeCell), parent);
            QCOMPARE(model.rowCount(typeCell), 0);
            QVERIFY(!index.data().toString().isEmpty());
            for (int role : roles) {
                index.data(role);
                typeCell.data(role);
            }
            const NodeKind kind = kindOf(index);
            if (kind == NodeKind::Field || kind == NodeKind::Argument || kind == NodeKind::InputField) {
                QVERIFY(!typeCell.data().toString().isEmpty());
                QCOMPARE(index.data(Models::TypeRefRole).toString(), typeCell.data().toString());
                QVERIFY(schema->type(index.data(Models::TypeNameRole).toString())); // navigable
            }
            if (model.hasChildren(index))
                queue.push_back(index);
        }
    }
    QVERIFY(visited > 0);

    // Replacing and clearing the schema resets cleanly under the tester.
    model.setSchema(loadSchema(u"small"_s));
    QVERIFY(model.rowCount() > 0);
    model.setSchema(nullptr);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(changed.size(), 3);
}

void SchemaTreeModelTest::rootRows()
{
    SchemaTreeModel model;
    model.setSchema(loadSchema(u"small"_s));
    QCOMPARE(childNames(model, {}), (QStringList{u"query: Query"_s, u"mutation: Mutation"_s,
                                                 u"subscription: Subscription"_s, u"All types (51)"_s,
                                                 u"Directives"_s}));
    const QModelIndex query = model.index(0, 0);
    QCOMPARE(kindOf(query), NodeKind::RootOperation);
    QCOMPARE(query.data(Models::TypeNameRole).toString(), u"Query"_s);
    QCOMPARE(model.index(0, 1).data().toString(), u"OBJECT"_s);
    QCOMPARE(model.rowCount(query), 11); // Query's fields
    QCOMPARE(kindOf(model.index(3, 0)), NodeKind::TypesGroup);
    QCOMPARE(kindOf(model.index(4, 0)), NodeKind::DirectivesGroup);

    model.setSchema(loadSchema(u"dagger"_s)); // no Mutation, no Subscription
    QCOMPARE(childNames(model, {}), (QStringList{u"query: Query"_s, u"All types (120)"_s, u"Directives"_s}));

    model.setSchema(loadSchema(u"github"_s)); // no Subscription
    QCOMPARE(childNames(model, {}),
             (QStringList{u"query: Query"_s, u"mutation: Mutation"_s, u"All types (1606)"_s, u"Directives"_s}));
}

void SchemaTreeModelTest::emptyModel()
{
    SchemaTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.schema());
    QVERIFY(!model.indexForType(u"Query"_s).isValid());
    QVERIFY(!model.indexForField(u"Query"_s, u"a"_s).isValid());
    QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), u"Name"_s);
    QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), u"Type"_s);
}

void SchemaTreeModelTest::indexForType()
{
    SchemaTreeModel model;
    const auto schema = loadSchema(u"dagster"_s);
    model.setSchema(schema);

    const QModelIndex run = model.indexForType(u"Run"_s);
    QVERIFY(run.isValid());
    QCOMPARE(run.data().toString(), u"Run"_s);
    QCOMPARE(kindOf(run), NodeKind::Type);
    QCOMPARE(run.data(Models::TypeKindRole).toInt(), int(Core::TypeKind::Object));
    QCOMPARE(run.siblingAtColumn(1).data().toString(), u"OBJECT"_s);
    QVERIFY(run.data(Models::SignatureRole).toString().startsWith(u"type Run implements "_s));
    const QModelIndex group = run.parent();
    QCOMPARE(kindOf(group), NodeKind::TypesGroup);
    QCOMPARE(group.data().toString(), u"All types (531)"_s);
    QCOMPARE(model.rowCount(group), 531);
    QVERIFY(!model.indexForType(u"NoSuchType"_s).isValid());
    QVERIFY(!model.indexForField(u"Run"_s, u"noSuchField"_s).isValid());

    // Sorted by name (case-insensitively), the "__" introspection types last; each row finds itself.
    const QStringList names = childNames(model, group);
    QCOMPARE(names.size(), 531);
    for (int row = 0; row < names.size(); ++row)
        QCOMPARE(model.indexForType(names[row]).row(), row);
    const qsizetype firstIntrospection = names.indexOf(u"__Directive"_s);
    QCOMPARE(firstIntrospection, 531 - 8);
    for (qsizetype i = 1; i < names.size(); ++i) {
        if (i == firstIntrospection)
            continue;
        QVERIFY2(names[i - 1].compare(names[i], Qt::CaseInsensitive) <= 0, qPrintable(names[i]));
    }
    for (qsizetype i = firstIntrospection; i < names.size(); ++i)
        QVERIFY(names[i].startsWith(u"__"_s));

    // Navigation: a field's TypeNameRole leads to its return type's row.
    const QModelIndex runsOrError = model.indexForField(u"Query"_s, u"runsOrError"_s);
    QVERIFY(runsOrError.isValid());
    QCOMPARE(runsOrError.parent().data().toString(), u"Query"_s);
    const QModelIndex target = model.indexForType(runsOrError.data(Models::TypeNameRole).toString());
    QCOMPARE(target.data().toString(), u"RunsOrError"_s);
    QCOMPARE(target.data(Models::TypeKindRole).toInt(), int(Core::TypeKind::Union));
    QCOMPARE(childNames(model, target), (QStringList{u"Runs"_s, u"InvalidPipelineRunsFilterError"_s, u"PythonError"_s}));
    QCOMPARE(kindOf(model.index(0, 0, target)), NodeKind::PossibleType);
}

void SchemaTreeModelTest::deprecatedFieldRoles()
{
    SchemaTreeModel model;
    model.setSchema(loadSchema(u"small"_s));

    const QModelIndex allBooks = model.indexForField(u"Query"_s, u"allBooks"_s);
    QVERIFY(allBooks.isValid());
    QCOMPARE(allBooks.data().toString(), u"allBooks"_s); // deprecated items keep their plain name
    QCOMPARE(kindOf(allBooks), NodeKind::Field);
    QCOMPARE(allBooks.siblingAtColumn(1).data().toString(), u"[Book]"_s);
    QCOMPARE(allBooks.data(Models::TypeRefRole).toString(), u"[Book]"_s);
    QCOMPARE(allBooks.data(Models::TypeNameRole).toString(), u"Book"_s);
    QCOMPARE(allBooks.data(Models::TypeKindRole).toInt(), int(Core::TypeKind::Object));
    QCOMPARE(allBooks.data(Models::DescriptionRole).toString(), u"Deprecated root field."_s);
    QCOMPARE(allBooks.data(Models::IsDeprecatedRole).toBool(), true);
    QCOMPARE(allBooks.data(Models::DeprecationReasonRole).toString(), u"Use `books` with pagination."_s);
    QCOMPARE(allBooks.data(Models::SignatureRole).toString(), u"allBooks: [Book]"_s);
    QCOMPARE(allBooks.data(Qt::ToolTipRole).toString(), u"allBooks: [Book]"_s);
    QCOMPARE(model.rowCount(allBooks), 0);
    QVERIFY(!allBooks.data(Qt::DecorationRole).isValid());
    QVERIFY(!allBooks.data(Qt::ForegroundRole).isValid());

    const QModelIndex books = model.indexForField(u"Query"_s, u"books"_s);
    QCOMPARE(books.data(Models::IsDeprecatedRole).toBool(), false);
    QCOMPARE(books.data(Models::SignatureRole).toString(),
             u"books(first: Int = 20, after: String, filter: BookFilter, orderBy: [BookOrder!]): [Book!]!"_s);
    QCOMPARE(childNames(model, books), (QStringList{u"first"_s, u"after"_s, u"filter"_s, u"orderBy"_s}));
    const QModelIndex first = model.index(0, 0, books);
    QCOMPARE(kindOf(first), NodeKind::Argument);
    QCOMPARE(first.data(Models::DefaultValueRole).toString(), u"20"_s);
    QCOMPARE(first.data(Models::TypeKindRole).toInt(), int(Core::TypeKind::Scalar));
    QCOMPARE(first.data(Models::SignatureRole).toString(), u"first: Int = 20"_s);

    // A deprecated argument (input-value deprecation).
    const QModelIndex rating = model.indexForField(u"Book"_s, u"rating"_s);
    const QModelIndex precise = childNamed(model, rating, u"precise"_s);
    QVERIFY(precise.isValid());
    QVERIFY(precise.data(Models::IsDeprecatedRole).toBool());
    QCOMPARE(precise.data(Models::DeprecationReasonRole).toString(), u"Always precise now."_s);
    QCOMPARE(precise.data(Models::DefaultValueRole).toString(), u"false"_s);
}

void SchemaTreeModelTest::typeChildren()
{
    SchemaTreeModel model;
    model.setSchema(loadSchema(u"small"_s));

    // Enum values, one deprecated.
    const QModelIndex format = model.indexForType(u"Format"_s);
    QCOMPARE(format.siblingAtColumn(1).data().toString(), u"ENUM"_s);
    QCOMPARE(childNames(model, format),
             (QStringList{u"HARDCOVER"_s, u"PAPERBACK"_s, u"EBOOK"_s, u"AUDIOBOOK"_s, u"CASSETTE"_s}));
    const QModelIndex cassette = model.index(4, 0, format);
    QCOMPARE(kindOf(cassette), NodeKind::EnumValue);
    QVERIFY(cassette.data(Models::IsDeprecatedRole).toBool());
    QCOMPARE(cassette.data(Models::TypeNameRole).toString(), u"Format"_s);
    QCOMPARE(cassette.data(Models::SignatureRole).toString(), u"Format.CASSETTE"_s);

    // Input object fields with defaults, a deprecated one; @oneOf in the signature.
    const QModelIndex filter = model.indexForType(u"BookFilter"_s);
    const QModelIndex formats = childNamed(model, filter, u"formats"_s);
    QCOMPARE(kindOf(formats), NodeKind::InputField);
    QCOMPARE(formats.data(Models::DefaultValueRole).toString(), u"[HARDCOVER, PAPERBACK]"_s);
    QCOMPARE(formats.siblingAtColumn(1).data().toString(), u"[Format!]"_s);
    QCOMPARE(formats.data(Models::TypeKindRole).toInt(), int(Core::TypeKind::Enum));
    QVERIFY(childNamed(model, filter, u"titleLike"_s).data(Models::IsDeprecatedRole).toBool());
    QCOMPARE(model.indexForType(u"ItemRef"_s).data(Models::SignatureRole).toString(), u"input ItemRef @oneOf"_s);

    // An interface: fields, then the interfaces it implements, then its implementations.
    const QModelIndex lendable = model.indexForType(u"Lendable"_s);
    const QStringList lendableChildren = childNames(model, lendable);
    QCOMPARE(lendableChildren.mid(6), (QStringList{u"Timestamped"_s, u"Node"_s, u"Book"_s, u"Magazine"_s, u"Dvd"_s}));
    QCOMPARE(kindOf(model.index(6, 0, lendable)), NodeKind::Interface);
    QCOMPARE(model.index(6, 1, lendable).data().toString(), u"INTERFACE"_s);
    QCOMPARE(kindOf(model.index(8, 0, lendable)), NodeKind::PossibleType);
    QCOMPARE(model.index(8, 0, lendable).data(Models::TypeNameRole).toString(), u"Book"_s);

    // Scalars are leaves; their specifiedBy shows nowhere but the type's own roles stay filled.
    const QModelIndex dateTime = model.indexForType(u"DateTime"_s);
    QCOMPARE(model.rowCount(dateTime), 0);
    QVERIFY(!model.hasChildren(dateTime));
    QCOMPARE(dateTime.data(Models::DescriptionRole).toString(), u"An RFC 3339 date-time string, always in UTC."_s);
}

void SchemaTreeModelTest::directives()
{
    SchemaTreeModel model;
    model.setSchema(loadSchema(u"small"_s));
    const QModelIndex label = model.indexForDirective(u"label"_s);
    QVERIFY(label.isValid());
    QCOMPARE(label.data().toString(), u"@label"_s);
    QCOMPARE(kindOf(label), NodeKind::Directive);
    QCOMPARE(kindOf(label.parent()), NodeKind::DirectivesGroup);
    QVERIFY(label.data(Models::SignatureRole).toString().startsWith(u"directive @label(name: String!, value: String) repeatable on OBJECT | "_s));
    QVERIFY(label.siblingAtColumn(1).data().toString().startsWith(u"OBJECT | INTERFACE"_s));
    QCOMPARE(childNames(model, label), (QStringList{u"name"_s, u"value"_s}));
    const QModelIndex name = model.index(0, 0, label);
    QCOMPARE(kindOf(name), NodeKind::Argument);
    QCOMPARE(name.data(Models::TypeRefRole).toString(), u"String!"_s);
    QCOMPARE(name.parent(), label);
    QVERIFY(!model.indexForDirective(u"nope"_s).isValid());
}

void SchemaTreeModelTest::recursiveFilter()
{
    SchemaTreeModel model;
    model.setSchema(loadSchema(u"dagster"_s));
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setRecursiveFilteringEnabled(true);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);

    // Case-sensitive: exactly Query.runsOrError, under the query root and under Query in "All types".
    proxy.setFilterCaseSensitivity(Qt::CaseSensitive);
    QElapsedTimer timer;
    timer.start();
    proxy.setFilterFixedString(u"runsOrError"_s);
    QCOMPARE(childNames(proxy, {}), (QStringList{u"query: Query"_s, u"All types (531)"_s}));
    qInfo("filtering the dagster tree took %lld ms", timer.elapsed());
    const QModelIndex underRoot = proxy.index(0, 0);
    QCOMPARE(childNames(proxy, underRoot), QStringList{u"runsOrError"_s});
    const QModelIndex allTypes = proxy.index(1, 0);
    QCOMPARE(childNames(proxy, allTypes), QStringList{u"Query"_s});
    const QModelIndex field = proxy.index(0, 0, proxy.index(0, 0, allTypes));
    QCOMPARE(proxy.mapToSource(field), model.indexForField(u"Query"_s, u"runsOrError"_s));
    QCOMPARE(field.data(Models::TypeRefRole).toString(), u"RunsOrError!"_s);
    QCOMPARE(proxy.rowCount(field), 0); // its arguments do not match

    // Case-insensitive, as the app filters: the union type and Query.pipelineRunsOrError join in, and
    // every visible row either matches or has a matching descendant.
    proxy.setFilterCaseSensitivity(Qt::CaseInsensitive);
    const QModelIndex types = childNamed(proxy, {}, u"All types (531)"_s);
    QCOMPARE(childNames(proxy, types), (QStringList{u"Query"_s, u"RunsOrError"_s}));
    QCOMPARE(childNames(proxy, childNamed(proxy, {}, u"query: Query"_s)),
             (QStringList{u"pipelineRunsOrError"_s, u"runsOrError"_s}));
    const std::function<bool(const QModelIndex &)> matchesBelow = [&](const QModelIndex &parent) {
        bool any = false;
        for (int row = 0; row < proxy.rowCount(parent); ++row) {
            const QModelIndex index = proxy.index(row, 0, parent);
            const bool self = index.data().toString().contains(u"runsOrError"_s, Qt::CaseInsensitive);
            const bool below = matchesBelow(index);
            if (!self && !below)
                return false;
            any = true;
        }
        return any || proxy.rowCount(parent) == 0;
    };
    QVERIFY(matchesBelow({}));

    proxy.setFilterFixedString(u"no-such-name-anywhere"_s);
    QCOMPARE(proxy.rowCount(), 0);
}

void SchemaTreeModelTest::recursiveFilterLargeSchema()
{
    // Filtering visits (and so builds) every node of the GitHub tree once.
    SchemaTreeModel model;
    model.setSchema(loadSchema(u"github"_s));
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setRecursiveFilteringEnabled(true);
    proxy.setFilterCaseSensitivity(Qt::CaseInsensitive);
    QElapsedTimer timer;
    timer.start();
    proxy.setFilterFixedString(u"viewerCanMergeAsAdmin"_s);
    const QModelIndex types = childNamed(proxy, {}, u"All types (1606)"_s); // the proxy filters on demand
    qInfo("filtering the github tree took %lld ms", timer.elapsed());
    QCOMPARE(childNames(proxy, types), QStringList{u"PullRequest"_s});
    const QModelIndex field = proxy.index(0, 0, proxy.index(0, 0, types));
    QCOMPARE(proxy.mapToSource(field), model.indexForField(u"PullRequest"_s, u"viewerCanMergeAsAdmin"_s));
    QCOMPARE(field.data(Models::TypeRefRole).toString(), u"Boolean!"_s);
}

QTEST_GUILESS_MAIN(SchemaTreeModelTest)
#include "schematreemodel_test.moc"
