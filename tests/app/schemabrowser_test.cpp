// SPDX-License-Identifier: MIT
// Sextant: the schema browser over real introspection results.
#include <app/schema/schemabrowser.h>
#include <core/schema/introspectionreader.h>
#include <core/schema/schema.h>
#include <models/roles.h>
#include <models/schematreemodel.h>

#include <QFile>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>
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
    void insertFieldFromButtonAndDoubleClick();

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

void SchemaBrowserTest::insertFieldFromButtonAndDoubleClick()
{
    auto schema = load(QStringLiteral("small"));
    QVERIFY(schema);
    App::SchemaBrowser browser;
    browser.resize(500, 700);
    browser.setSchema(schema);
    browser.show();
    QVERIFY(QTest::qWaitForWindowExposed(&browser));
    QSignalSpy spy(&browser, &App::SchemaBrowser::insertFieldRequested);
    QToolButton *button = browser.insertButton();
    QCOMPARE(button->toolTip(), QStringLiteral("Insert field into the current operation"));
    QVERIFY(!button->isEnabled());

    // A root field row: the button inserts Query.viewer.
    QAbstractItemModel *model = browser.treeView()->model();
    const QModelIndex query = model->index(0, 0);
    QModelIndex viewer;
    for (int row = 0; row < model->rowCount(query); ++row) {
        if (model->index(row, 0, query).data().toString() == u"viewer")
            viewer = model->index(row, 0, query);
    }
    QVERIFY(viewer.isValid());
    browser.treeView()->setCurrentIndex(viewer);
    QVERIFY(button->isEnabled());
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0), (QVariantList{QStringLiteral("Query"), QStringLiteral("viewer")}));

    // Double-clicking a field row (either column) inserts it instead of navigating.
    const QString typeBefore = browser.currentTypeName();
    browser.treeView()->scrollTo(viewer);
    const QRect rect = browser.treeView()->visualRect(viewer.siblingAtColumn(1));
    QVERIFY(rect.isValid());
    // A real double-click: the view emits doubleClicked() only for the index the press went to.
    QTest::mouseClick(browser.treeView()->viewport(), Qt::LeftButton, {}, rect.center());
    QTest::mouseDClick(browser.treeView()->viewport(), Qt::LeftButton, {}, rect.center());
    QCOMPARE(spy.count(), 2);
    QCOMPARE(spy.at(1), (QVariantList{QStringLiteral("Query"), QStringLiteral("viewer")}));
    QCOMPARE(browser.currentTypeName(), typeBefore);

    // A field under a type of "All types" names that type; an argument row disables the button.
    QVERIFY(browser.showElement(QStringLiteral("Member"), QStringLiteral("email")));
    QVERIFY(button->isEnabled());
    QVERIFY(browser.insertCurrentField());
    QCOMPARE(spy.count(), 3);
    QCOMPARE(spy.at(2), (QVariantList{QStringLiteral("Member"), QStringLiteral("email")}));
    const QModelIndex member = browser.treeView()->currentIndex().parent();
    QModelIndex loans;
    for (int row = 0; row < model->rowCount(member); ++row) {
        if (model->index(row, 0, member).data().toString() == u"loans")
            loans = model->index(row, 0, member);
    }
    QVERIFY(loans.isValid());
    browser.treeView()->expand(loans);
    QVERIFY(model->rowCount(loans) > 0);
    browser.treeView()->setCurrentIndex(model->index(0, 0, loans));
    QVERIFY(!button->isEnabled());
    QVERIFY(!browser.insertCurrentField());

    // Double-clicking a type row still expands it and inserts nothing.
    browser.treeView()->setCurrentIndex(member);
    browser.treeView()->collapse(member);
    browser.treeView()->scrollTo(member);
    QVERIFY(!button->isEnabled());
    const QPoint memberCenter = browser.treeView()->visualRect(member).center();
    QTest::mouseClick(browser.treeView()->viewport(), Qt::LeftButton, {}, memberCenter);
    QTest::mouseDClick(browser.treeView()->viewport(), Qt::LeftButton, {}, memberCenter);
    QVERIFY(browser.treeView()->isExpanded(member));
    QCOMPARE(spy.count(), 3);
}

QTEST_MAIN(SchemaBrowserTest)
#include "schemabrowser_test.moc"
