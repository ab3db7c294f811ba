// SPDX-License-Identifier: MIT
// Sextant: CollectionDock — open, save, save as, rename, move, delete with undo, search, outside changes.
#include <app/collections/collectiondock.h>
#include <app/collections/collectionitemmodel.h>
#include <app/collections/collectionoperations.h>
#include <app/collections/collectionsavedialog.h>
#include <store/collectionimport.h>
#include <store/collectionstore.h>

#include <QAbstractProxyModel>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QMimeData>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>
#include <QUndoStack>

#include <functional>
#include <memory>

using namespace Qt::StringLiterals;
using Sextant::App::CollectionDock;
using Sextant::App::CollectionItemModel;
using Sextant::App::CollectionSaveDialog;
using Sextant::Store::CollectionStore;
using Sextant::Store::SavedRequest;

namespace {

constexpr int waitMs = 10000;

bool writeAll(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

SavedRequest request(const QString &name, const QString &description = QString())
{
    SavedRequest r;
    r.name = name;
    r.document = u"query %1 { version }\n"_s.arg(QString(name).remove(u' '));
    r.endpointKind = u"dagger-session"_s;
    r.variables = u"{\n  \"a\": 1\n}"_s;
    r.headers = u"X-Trace: on"_s;
    r.description = description;
    return r;
}

/// Paths of the request items the view shows (through the search filter).
QStringList visibleRequests(const QTreeView *tree)
{
    QStringList names;
    const QAbstractItemModel *model = tree->model();
    const std::function<void(const QModelIndex &)> walk = [&](const QModelIndex &parent) {
        for (int row = 0; row < model->rowCount(parent); ++row) {
            const QModelIndex index = model->index(row, 0, parent);
            if (index.data(CollectionItemModel::KindRole).toInt() == CollectionItemModel::RequestKind)
                names << index.data(Qt::DisplayRole).toString();
            walk(index);
        }
    };
    walk(QModelIndex());
    names.sort();
    return names;
}

struct Fixture
{
    QTemporaryDir collections;
    QTemporaryDir trash;
    std::unique_ptr<CollectionDock> dock = std::make_unique<CollectionDock>();

    QString path(const QString &relative) const { return collections.filePath(relative); }
    bool shows(const QString &path) const { return dock->itemModel()->indexForPath(path).isValid(); }
    void select(const QString &path) const
    {
        auto *tree = dock->treeView();
        auto *proxy = qobject_cast<QAbstractProxyModel *>(tree->model());
        tree->setCurrentIndex(proxy->mapFromSource(dock->itemModel()->indexForPath(path)));
    }
};

} // namespace

class CollectionDockTest final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void showsUserAndStarterCollections();
    void openEmitsTheRequest();
    void saveWritesTheFile();
    void saveAsAsksForNameAndFolder();
    void renameAndUndo();
    void moveByDragAndDropAndUndo();
    void deleteAndUndoRestoresFiles();
    void newFolderAndMoveTo();
    void searchFiltersNamesDescriptionsAndDocuments();
    void outsideChangesShowUp();
    void corruptSidecarIsReportedNotFatal();
    void importAndExport();

private:
    std::unique_ptr<Fixture> f;
};

void CollectionDockTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void CollectionDockTest::init()
{
    f = std::make_unique<Fixture>();
    QVERIFY(f->collections.isValid() && f->trash.isValid());
    QVERIFY(CollectionStore::writeRequest(request(u"First"_s), f->path(u"First.graphql"_s)));
    QVERIFY(CollectionStore::writeRequest(request(u"Inner"_s, u"a needle here"_s), f->path(u"Team/Inner.graphql"_s)));
    QVERIFY(QDir().mkpath(f->path(u"Other"_s)));
    f->dock->operations()->setTrashDirectory(f->trash.path());
    f->dock->setCollectionsDirectory(f->collections.path());
    QTRY_VERIFY_WITH_TIMEOUT(f->shows(f->path(u"Team/Inner.graphql"_s)), waitMs);
}

void CollectionDockTest::cleanup()
{
    f.reset();
}

void CollectionDockTest::showsUserAndStarterCollections()
{
    CollectionItemModel *model = f->dock->itemModel();
    QCOMPARE(model->rowCount(), 2);
    QCOMPARE(model->index(0, 0).data(CollectionItemModel::PathRole).toString(), f->collections.path());
    QCOMPARE(model->index(1, 0).data(Qt::DisplayRole).toString(), u"Starter"_s);
    QVERIFY(model->index(1, 0).data(CollectionItemModel::ReadOnlyRole).toBool());
    QStringList starters;
    for (int row = 0; row < model->rowCount(model->index(1, 0)); ++row)
        starters << model->index(row, 0, model->index(1, 0)).data(Qt::DisplayRole).toString();
    QCOMPARE(starters, (QStringList{u"Dagger"_s, u"Dagster"_s}));
    const QModelIndex launch = model->indexForPath(u":/collections/dagster/Runs/Launch run.graphql"_s);
    QVERIFY(launch.isValid());
    QVERIFY(!(model->flags(launch) & Qt::ItemIsEditable));
    QVERIFY(!(model->flags(launch) & Qt::ItemIsDragEnabled));
    QVERIFY(model->flags(model->indexForPath(f->path(u"First.graphql"_s))) & Qt::ItemIsEditable);
    // Folders first, then requests; the user's root is expanded at the start.
    QCOMPARE(model->index(0, 0, model->index(0, 0)).data(Qt::DisplayRole).toString(), u"Other"_s);
    QVERIFY(f->dock->treeView()->isExpanded(f->dock->treeView()->model()->index(0, 0)));
}

void CollectionDockTest::openEmitsTheRequest()
{
    QSignalSpy opened(f->dock.get(), &CollectionDock::requestOpened);
    f->select(f->path(u"Team/Inner.graphql"_s));
    QTest::keyClick(f->dock->treeView(), Qt::Key_Return);
    QCOMPARE(opened.size(), 1);
    SavedRequest expected = request(u"Inner"_s, u"a needle here"_s);
    QCOMPARE(opened.at(0).at(0).value<SavedRequest>(), expected);
    QCOMPARE(opened.at(0).at(1).toString(), f->path(u"Team/Inner.graphql"_s));

    // A double-click opens too.
    f->dock->resize(400, 600);
    f->dock->show();
    QVERIFY(QTest::qWaitForWindowExposed(f->dock.get()));
    QTreeView *tree = f->dock->treeView();
    auto *proxy = qobject_cast<QAbstractProxyModel *>(tree->model());
    const QRect first =
        tree->visualRect(proxy->mapFromSource(f->dock->itemModel()->indexForPath(f->path(u"First.graphql"_s))));
    QVERIFY(first.isValid());
    QTest::mousePress(tree->viewport(), Qt::LeftButton, {}, first.center());
    QTest::mouseRelease(tree->viewport(), Qt::LeftButton, {}, first.center());
    QTest::mouseDClick(tree->viewport(), Qt::LeftButton, {}, first.center());
    QCOMPARE(opened.size(), 2);
    QCOMPARE(opened.at(1).at(1).toString(), f->path(u"First.graphql"_s));
    opened.removeLast();

    // A built-in request opens as an unsaved copy: no file path.
    QVERIFY(f->dock->openRequest(u":/collections/dagger/Container uname.graphql"_s));
    QCOMPARE(opened.size(), 2);
    const auto uname = opened.at(1).at(0).value<SavedRequest>();
    QVERIFY(uname.document.contains(u"uname"_s));
    QCOMPARE(uname.endpointKind, u"dagger-session"_s);
    QCOMPARE(uname.operationName, u"ContainerUname"_s);
    QVERIFY(opened.at(1).at(1).toString().isEmpty());
}

void CollectionDockTest::saveWritesTheFile()
{
    QSignalSpy changed(f->dock.get(), &CollectionDock::requestFileChanged);
    SavedRequest edited = request(u"First"_s, u"edited"_s);
    edited.document = u"{ edited }"_s;
    edited.headers = u"Authorization: Bearer secret-token-1\nX-Trace: on"_s;
    QString error;
    QVERIFY2(f->dock->saveRequest(edited, f->path(u"First.graphql"_s), &error), qPrintable(error));
    QCOMPARE(readAll(f->path(u"First.graphql"_s)), QByteArray("{ edited }"));
    QVERIFY(!readAll(f->path(u"First.request.json"_s)).contains("secret-token-1"));
    QTRY_COMPARE_WITH_TIMEOUT(
        f->dock->itemModel()->indexForPath(f->path(u"First.graphql"_s)).data(CollectionItemModel::DocumentRole),
        QVariant(u"{ edited }"_s), waitMs);
    QCOMPARE(changed.size(), 0); // our own save is no outside change

    QVERIFY(!f->dock->saveRequest(edited, QString(), &error));
    QVERIFY(error.contains(u"Save As"_s));
    QVERIFY(!f->dock->saveRequest(edited, u":/collections/dagger/Container uname.graphql"_s, &error));
}

void CollectionDockTest::saveAsAsksForNameAndFolder()
{
    bool sawTakenName = false;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<CollectionSaveDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        QPushButton *save = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save);
        dialog->setCurrentFolder(f->collections.path());
        dialog->nameEdit()->setText(u"First"_s); // taken: Save is disabled
        sawTakenName = !save->isEnabled();
        dialog->setCurrentFolder(f->path(u"Team"_s));
        dialog->nameEdit()->setText(u"Saved: copy"_s);
        dialog->accept();
    });
    const QString path = f->dock->saveRequestAs(request(u"Copy"_s), f->dock.get());
    QVERIFY(sawTakenName);
    QCOMPARE(path, f->path(u"Team/Saved_ copy.graphql"_s));
    QCOMPARE(CollectionStore::readRequest(path)->document, request(u"Copy"_s).document);
    QTRY_VERIFY_WITH_TIMEOUT(f->shows(path), waitMs);
    QTRY_COMPARE_WITH_TIMEOUT(f->dock->currentPath(), path, waitMs);

    QTimer::singleShot(0, this, [] {
        if (auto *dialog = QApplication::activeModalWidget())
            qobject_cast<QDialog *>(dialog)->reject();
    });
    QVERIFY(f->dock->saveRequestAs(request(u"Cancelled"_s), f->dock.get()).isEmpty());
    QVERIFY(!QFileInfo::exists(f->path(u"Team/Cancelled.graphql"_s)));
}

void CollectionDockTest::renameAndUndo()
{
    QSignalSpy moved(f->dock.get(), &CollectionDock::pathMoved);
    const QString from = f->path(u"First.graphql"_s);
    const QString to = f->path(u"Renamed_1.graphql"_s);
    // In-place editing commits through the model's setData.
    CollectionItemModel *model = f->dock->itemModel();
    QVERIFY(!model->setData(model->indexForPath(from), u"Renamed/1"_s, Qt::EditRole));
    QVERIFY(QFileInfo::exists(to) && QFileInfo::exists(f->path(u"Renamed_1.request.json"_s)));
    QVERIFY(!QFileInfo::exists(from));
    QCOMPARE(moved.size(), 1);
    QCOMPARE(moved.at(0).at(1).toString(), to);
    QTRY_VERIFY_WITH_TIMEOUT(f->shows(to) && !f->shows(from), waitMs);

    QCOMPARE(f->dock->action(u"Collections.Undo"_s)->shortcut(), QKeySequence(QKeySequence::Undo));
    f->dock->action(u"Collections.Undo"_s)->trigger();
    QVERIFY(QFileInfo::exists(from) && QFileInfo::exists(f->path(u"First.request.json"_s)));
    QVERIFY(!QFileInfo::exists(to));
    QTRY_VERIFY_WITH_TIMEOUT(f->shows(from), waitMs);
    f->dock->action(u"Collections.Redo"_s)->trigger();
    QVERIFY(QFileInfo::exists(to));

    // Folders rename too, with everything inside.
    QVERIFY(!f->dock->operations()->renameEntry(f->path(u"Team"_s), u"Crew"_s, nullptr).isEmpty());
    QVERIFY(QFileInfo::exists(f->path(u"Crew/Inner.request.json"_s)));
    f->dock->undoStack()->undo();
    QVERIFY(QFileInfo::exists(f->path(u"Team/Inner.request.json"_s)));
}

void CollectionDockTest::moveByDragAndDropAndUndo()
{
    CollectionItemModel *model = f->dock->itemModel();
    const QString from = f->path(u"First.graphql"_s);
    const QString to = f->path(u"Team/First.graphql"_s);
    std::unique_ptr<QMimeData> data(model->mimeData({model->indexForPath(from)}));
    QVERIFY(data);
    const QModelIndex team = model->indexForPath(f->path(u"Team"_s));
    QVERIFY(model->canDropMimeData(data.get(), Qt::MoveAction, -1, 0, team));
    // Built-in folders take no drops.
    QVERIFY(
        !model->canDropMimeData(data.get(), Qt::MoveAction, -1, 0, model->indexForPath(u":/collections/dagster"_s)));
    QVERIFY(!model->dropMimeData(data.get(), Qt::MoveAction, -1, 0, team)); // the view must not remove rows
    QVERIFY(QFileInfo::exists(to) && QFileInfo::exists(f->path(u"Team/First.request.json"_s)));
    QVERIFY(!QFileInfo::exists(from));
    QTRY_VERIFY_WITH_TIMEOUT(f->shows(to) && !f->shows(from), waitMs);

    f->dock->undoStack()->undo();
    QVERIFY(QFileInfo::exists(from) && QFileInfo::exists(f->path(u"First.request.json"_s)));
    QTRY_VERIFY_WITH_TIMEOUT(f->shows(from) && !f->shows(to), waitMs);

    // A folder cannot be dropped into itself; nothing changes.
    QString error;
    QVERIFY(!f->dock->operations()->moveEntries({f->path(u"Team"_s)}, f->path(u"Team"_s) + u"/Inner"_s, &error)
            || !QFileInfo::exists(f->path(u"Team/Inner/Team"_s)));
    QVERIFY(QFileInfo::exists(f->path(u"Team/Inner.graphql"_s)));
}

void CollectionDockTest::deleteAndUndoRestoresFiles()
{
    const QString doc = f->path(u"Team/Inner.graphql"_s);
    const QByteArray before = readAll(doc);
    const QByteArray sidecarBefore = readAll(CollectionStore::sidecarPath(doc));
    QSignalSpy moved(f->dock.get(), &CollectionDock::pathMoved);
    f->select(doc);
    QVERIFY(f->dock->action(u"Collections.Delete"_s)->isEnabled());
    f->dock->action(u"Collections.Delete"_s)->trigger();
    QVERIFY(!QFileInfo::exists(doc));
    QVERIFY(!QFileInfo::exists(CollectionStore::sidecarPath(doc)));
    QCOMPARE(moved.size(), 1);
    QVERIFY(moved.at(0).at(1).toString().isEmpty()); // deleted
    QCOMPARE(QDir(f->trash.path()).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(!f->shows(doc), waitMs);

    f->dock->action(u"Collections.Undo"_s)->trigger();
    QCOMPARE(readAll(doc), before);
    QCOMPARE(readAll(CollectionStore::sidecarPath(doc)), sidecarBefore);
    QTRY_VERIFY_WITH_TIMEOUT(f->shows(doc), waitMs);

    // A whole folder, deleted and restored.
    QVERIFY(f->dock->operations()->deleteEntries({f->path(u"Team"_s)}, nullptr));
    QVERIFY(!QFileInfo::exists(f->path(u"Team"_s)));
    f->dock->undoStack()->undo();
    QCOMPARE(readAll(doc), before);

    // The keys: Delete removes the current request, Ctrl+Z in the dock brings it back.
    f->dock->show();
    f->dock->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(f->dock.get()));
    f->select(doc);
    f->dock->treeView()->setFocus();
    QTest::keyClick(f->dock->treeView(), Qt::Key_Delete);
    QVERIFY(!QFileInfo::exists(doc));
    QTest::keyClick(f->dock->treeView(), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(readAll(doc), before);

    // Built-in requests cannot be deleted.
    QString error;
    QVERIFY(!f->dock->operations()->deleteEntries({u":/collections/dagger/Container uname.graphql"_s}, &error));
    QVERIFY(error.contains(u"read-only"_s));
}

void CollectionDockTest::newFolderAndMoveTo()
{
    QString error;
    const QString folder = f->dock->operations()->createFolder(f->path(u"Other"_s), u"Nested: deeper"_s, &error);
    QCOMPARE(folder, f->path(u"Other/Nested_ deeper"_s));
    QVERIFY(QFileInfo(folder).isDir());
    QVERIFY(f->dock->operations()->moveEntries({f->path(u"First.graphql"_s), f->path(u"Team/Inner.graphql"_s)}, folder,
                                               &error));
    QVERIFY(QFileInfo::exists(folder + u"/First.graphql"_s) && QFileInfo::exists(folder + u"/Inner.request.json"_s));
    QTRY_VERIFY_WITH_TIMEOUT(f->shows(folder + u"/Inner.graphql"_s), waitMs);
    f->dock->undoStack()->undo(); // both moves are one step
    QVERIFY(QFileInfo::exists(f->path(u"First.graphql"_s)) && QFileInfo::exists(f->path(u"Team/Inner.graphql"_s)));
    QCOMPARE(f->dock->undoStack()->count(), 1);
}

void CollectionDockTest::searchFiltersNamesDescriptionsAndDocuments()
{
    QTreeView *tree = f->dock->treeView();
    QVERIFY(visibleRequests(tree).contains(u"First"_s));
    f->dock->searchField()->setText(u"NEEDLE"_s); // a description, case-insensitive
    QCOMPARE(visibleRequests(tree), QStringList{u"Inner"_s});
    f->dock->searchField()->setText(u"uname"_s); // a built-in's name and document
    QCOMPARE(visibleRequests(tree), QStringList{u"Container uname"_s});
    f->dock->searchField()->setText(u"terminateRun"_s); // document text only
    QCOMPARE(visibleRequests(tree), QStringList{u"Terminate run"_s});
    f->dock->searchField()->setText(u"team"_s); // a folder: its contents stay
    QCOMPARE(visibleRequests(tree), QStringList{u"Inner"_s});
    f->dock->searchField()->setText(u"no such text anywhere"_s);
    QVERIFY(visibleRequests(tree).isEmpty());
    f->dock->searchField()->clear();
    QCOMPARE(visibleRequests(tree).size(), 2 + 9);
}

void CollectionDockTest::outsideChangesShowUp()
{
    QSignalSpy changed(f->dock.get(), &CollectionDock::requestFileChanged);
    QTreeView *tree = f->dock->treeView();
    auto *proxy = qobject_cast<QAbstractProxyModel *>(tree->model());
    const QModelIndex team = proxy->mapFromSource(f->dock->itemModel()->indexForPath(f->path(u"Team"_s)));
    tree->setExpanded(team, true);
    f->select(f->path(u"Team/Inner.graphql"_s));

    // A new request file (as a git pull would bring) appears without any call to refresh().
    QVERIFY(writeAll(f->path(u"Team/Pulled.graphql"_s), "{ pulled }"));
    QTRY_VERIFY_WITH_TIMEOUT(f->shows(f->path(u"Team/Pulled.graphql"_s)), waitMs);
    // ... in a new folder too.
    QVERIFY(writeAll(f->path(u"Fresh/Deep/New.graphql"_s), "{ fresh }"));
    QTRY_VERIFY_WITH_TIMEOUT(f->shows(f->path(u"Fresh/Deep/New.graphql"_s)), waitMs);
    // Expansion and selection survive the rebuilds.
    QVERIFY(tree->isExpanded(proxy->mapFromSource(f->dock->itemModel()->indexForPath(f->path(u"Team"_s)))));
    QCOMPARE(f->dock->currentPath(), f->path(u"Team/Inner.graphql"_s));

    // Changing a request's document or sidecar on disk is reported for that request.
    QVERIFY(writeAll(f->path(u"Team/Inner.graphql"_s), "{ changedOutside }"));
    QTRY_VERIFY_WITH_TIMEOUT(!changed.isEmpty(), waitMs);
    QCOMPARE(changed.last().at(0).toString(), f->path(u"Team/Inner.graphql"_s));
    changed.clear();
    QVERIFY(writeAll(f->path(u"First.request.json"_s), R"({"description": "from git"})"));
    QTRY_VERIFY_WITH_TIMEOUT(!changed.isEmpty(), waitMs);
    QCOMPARE(changed.last().at(0).toString(), f->path(u"First.graphql"_s));

    // Removal from outside.
    QVERIFY(QFile::remove(f->path(u"Team/Pulled.graphql"_s)));
    QTRY_VERIFY_WITH_TIMEOUT(!f->shows(f->path(u"Team/Pulled.graphql"_s)), waitMs);
}

void CollectionDockTest::corruptSidecarIsReportedNotFatal()
{
    QSignalSpy problems(f->dock.get(), &CollectionDock::problemReported);
    QVERIFY(writeAll(f->path(u"Broken.graphql"_s), "{ broken }"));
    QVERIFY(writeAll(f->path(u"Broken.request.json"_s), "{ not json"));
    QTRY_VERIFY_WITH_TIMEOUT(f->shows(f->path(u"Broken.graphql"_s)), waitMs);
    QTRY_VERIFY_WITH_TIMEOUT(!problems.isEmpty(), waitMs);
    QVERIFY(problems.last().at(0).toString().contains(u"Broken.request.json"_s));
    QVERIFY(f->shows(f->path(u"First.graphql"_s)));
    QSignalSpy opened(f->dock.get(), &CollectionDock::requestOpened);
    QVERIFY(f->dock->openRequest(f->path(u"Broken.graphql"_s)));
    QCOMPARE(opened.at(0).at(0).value<SavedRequest>().document, u"{ broken }"_s);
}

void CollectionDockTest::importAndExport()
{
    QTemporaryDir outside;
    QString error;
    // Export the built-in Dagster collection as a folder: the same requests come back.
    const QString exported = f->dock->operations()->exportFolder(u":/collections/dagster"_s, outside.path(), &error);
    QVERIFY2(!exported.isEmpty(), qPrintable(error));
    QCOMPARE(CollectionStore::readFolder(exported), CollectionStore::readFolder(u":/collections/dagster"_s));

    // ... and as a Postman collection.
    const QString postman = outside.filePath(u"dagster.postman_collection.json"_s);
    QVERIFY2(f->dock->operations()->exportPostman(u":/collections/dagster"_s, postman, &error), qPrintable(error));
    QVERIFY(QJsonDocument::fromJson(readAll(postman)).object().contains(u"item"_s));
    QVERIFY(readAll(postman).contains("launchRun"));

    // Import it back into a folder of the user's collections.
    const QString imported = f->dock->operations()->importCollection(postman, f->path(u"Other"_s), &error);
    QVERIFY2(!imported.isEmpty(), qPrintable(error));
    QVERIFY(imported.startsWith(f->path(u"Other/"_s)));
    QTRY_VERIFY_WITH_TIMEOUT(f->shows(imported), waitMs);
    QStringList documents;
    const std::function<void(const Sextant::Store::CollectionFolder &)> collect =
        [&](const Sextant::Store::CollectionFolder &folder) {
            for (const SavedRequest &r : folder.requests)
                documents << r.document;
            for (const auto &child : folder.folders)
                collect(child);
        };
    collect(CollectionStore::readFolder(imported));
    QCOMPARE(documents.size(), 6);
    QVERIFY(documents.join(u'\n').contains(u"reloadRepositoryLocation"_s));

    // A curl command becomes a request file.
    const QString curl = f->dock->operations()->importCurl(
        u"curl -X POST http://127.0.0.1:3000/graphql -H 'Content-Type: application/json' "
        u"-d '{\"query\":\"{ version }\"}'"_s,
        f->path(u"Other"_s), &error);
    QVERIFY2(!curl.isEmpty(), qPrintable(error));
    QCOMPARE(CollectionStore::readRequest(curl)->document, u"{ version }"_s);

    // Importing into a built-in folder is refused.
    QVERIFY(f->dock->operations()->importCollection(postman, u":/collections/dagster"_s, &error).isEmpty());
}

QTEST_MAIN(CollectionDockTest)
#include "collectiondock_test.moc"
