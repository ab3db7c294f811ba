// SPDX-License-Identifier: MIT
// Sextant: the schema browser over real introspection results.
#include <app/schema/schemabrowser.h>
#include <core/schema/introspectionreader.h>
#include <core/schema/schema.h>
#include <models/roles.h>
#include <models/schematreemodel.h>

#include <QFile>
#include <QTest>
#include <QTextBrowser>
#include <QTreeView>

using namespace Sextant;

class SchemaBrowserTest : public QObject
{
    Q_OBJECT

private slots:
    void showsRootFieldsAndNavigates_data();
    void showsRootFieldsAndNavigates();
    void filterKeepsMatchesAndAncestors();
    void detailsShowDeprecation();

private:
    static std::shared_ptr<const Core::Schema> load(const QString &name);
};

std::shared_ptr<const Core::Schema> SchemaBrowserTest::load(const QString &name)
{
    QFile file(QStringLiteral(SEXTANT_FIXTURES_DIR "/schemas/%1/introspection.json").arg(name));
    if (!file.open(QIODevice::ReadOnly))
        return nullptr;
    return Core::IntrospectionReader::read(file.readAll()).schema;
}

void SchemaBrowserTest::showsRootFieldsAndNavigates_data()
{
    QTest::addColumn<QString>("schema");
    QTest::addColumn<QString>("rootField");
    QTest::addColumn<QString>("returnType");
    QTest::newRow("dagster") << QStringLiteral("dagster") << QStringLiteral("runsOrError")
                             << QStringLiteral("RunsOrError");
    QTest::newRow("dagger") << QStringLiteral("dagger") << QStringLiteral("container") << QStringLiteral("Container");
    QTest::newRow("small") << QStringLiteral("small") << QStringLiteral("search") << QStringLiteral("SearchResult");
}

void SchemaBrowserTest::showsRootFieldsAndNavigates()
{
    QFETCH(QString, schema);
    QFETCH(QString, rootField);
    QFETCH(QString, returnType);
    auto loaded = load(schema);
    QVERIFY(loaded);
    App::SchemaBrowser browser;
    browser.setSchema(loaded);
    browser.show();

    QAbstractItemModel *model = browser.treeView()->model();
    const QModelIndex query = model->index(0, 0);
    QVERIFY(query.data().toString().contains(loaded->queryTypeName()));
    QVERIFY(browser.treeView()->isExpanded(query));
    QModelIndex field;
    for (int row = 0; row < model->rowCount(query); ++row) {
        if (model->index(row, 0, query).data().toString() == rootField)
            field = model->index(row, 0, query);
    }
    QVERIFY(field.isValid());
    QVERIFY(!model->data(field, Qt::DecorationRole).isNull()); // kind icons come from the app layer
    QCOMPARE(field.data(Models::TypeNameRole).toString(), returnType);

    // Selecting the field shows its signature with the return type as a link; following it navigates.
    browser.treeView()->setCurrentIndex(field);
    QVERIFY(browser.detailsView()->toHtml().contains(u"sextant-type:" + returnType));
    emit browser.detailsView()->anchorClicked(QUrl(u"sextant-type:" + returnType));
    QCOMPARE(browser.currentTypeName(), returnType);
    QCOMPARE(browser.treeView()->currentIndex().data(Models::TypeNameRole).toString(), returnType);
    QVERIFY(browser.showType(loaded->queryTypeName()));
    browser.goBack();
    QCOMPARE(browser.currentTypeName(), returnType);
    QVERIFY(!browser.showType(QStringLiteral("NoSuchType")));
}

void SchemaBrowserTest::filterKeepsMatchesAndAncestors()
{
    App::SchemaBrowser browser;
    browser.setSchema(load(QStringLiteral("dagster")));
    browser.setFilterText(QStringLiteral("terminateRun"));
    QAbstractItemModel *model = browser.treeView()->model();
    QVERIFY(model->rowCount() >= 1);
    bool found = false;
    for (int row = 0; row < model->rowCount() && !found; ++row) {
        const QModelIndex root = model->index(row, 0);
        for (int child = 0; child < model->rowCount(root); ++child)
            found = found || model->index(child, 0, root).data().toString() == u"terminateRun";
    }
    QVERIFY(found);
    browser.setFilterText(QString());
    QVERIFY(model->rowCount() >= 3);
}

void SchemaBrowserTest::detailsShowDeprecation()
{
    auto schema = load(QStringLiteral("small"));
    QVERIFY(schema);
    App::SchemaBrowser browser;
    browser.setSchema(schema);
    const QModelIndex source = browser.schemaModel()->indexForType(QStringLiteral("Format"));
    QVERIFY(source.isValid());
    QVERIFY(browser.showType(QStringLiteral("Format")));
    QAbstractItemModel *model = browser.treeView()->model();
    const QModelIndex format = browser.treeView()->currentIndex();
    QModelIndex cassette;
    for (int row = 0; row < model->rowCount(format); ++row) {
        if (model->index(row, 0, format).data().toString() == u"CASSETTE")
            cassette = model->index(row, 0, format);
    }
    QVERIFY(cassette.isValid());
    browser.treeView()->setCurrentIndex(cassette);
    QVERIFY(browser.detailsView()->toPlainText().contains(u"Deprecated"));
}

QTEST_MAIN(SchemaBrowserTest)
#include "schemabrowser_test.moc"
