// SPDX-License-Identifier: MIT
// Sextant: the collection tree's widgets, worker-thread scans, file watching and the user's actions.
#include "app/collections/collectiondock.h"

#include "app/collections/collectionfilterproxy.h"
#include "app/collections/collectionitemmodel.h"
#include "app/collections/collectionoperations.h"
#include "app/collections/collectionsavedialog.h"
#include "store/collectionimport.h"
#include "store/collectionstore.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QFutureWatcher>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QStandardPaths>
#include <QTimer>
#include <QTreeView>
#include <QUndoStack>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <functional>

using namespace Qt::StringLiterals;
using Sextant::Store::CollectionStore;

namespace Sextant::App {

namespace {

constexpr int rescanDelayMs = 150;

void collectWatchPaths(const Store::CollectionFolder &folder, const QString &dir, QStringList *dirs, QStringList *files)
{
    *dirs << dir;
    for (const Store::SavedRequest &request : folder.requests) {
        const QString path = dir + u'/' + request.name + CollectionStore::documentSuffix();
        *files << path;
        if (QFileInfo::exists(CollectionStore::sidecarPath(path)))
            *files << CollectionStore::sidecarPath(path);
    }
    for (const Store::CollectionFolder &child : folder.folders)
        collectWatchPaths(child, dir + u'/' + child.name, dirs, files);
}

} // namespace

struct CollectionDock::ScanResult
{
    quint64 generation = 0;
    QString root;
    Store::CollectionFolder folder;
    QStringList errors;
    QStringList dirs;
    QStringList files;
};

CollectionDock::CollectionDock(QWidget *parent)
    : QDockWidget(tr("Collections"), parent)
    , m_operations(new CollectionOperations(this))
    , m_model(new CollectionItemModel(this))
    , m_proxy(new CollectionFilterProxy(this))
    , m_tree(new QTreeView)
    , m_search(new QLineEdit)
    , m_problem(new QLabel)
    , m_watcher(new QFileSystemWatcher(this))
    , m_rescanTimer(new QTimer(this))
{
    setObjectName(u"CollectionDock"_s);
    m_starter = CollectionStore::readFolder(starterCollectionsPath());

    m_proxy->setSourceModel(m_model);
    m_tree->setModel(m_proxy);
    m_tree->setObjectName(u"CollectionTree"_s);
    m_tree->setHeaderHidden(true);
    m_tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_tree->setDragDropMode(QAbstractItemView::DragDrop);
    m_tree->setDefaultDropAction(Qt::MoveAction);
    m_tree->setDropIndicatorShown(true);
    m_tree->setEditTriggers(QAbstractItemView::EditKeyPressed);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_search->setPlaceholderText(tr("Search names, descriptions and documents"));
    m_search->setClearButtonEnabled(true);
    m_search->setObjectName(u"CollectionSearch"_s);
    m_problem->setWordWrap(true);
    m_problem->setVisible(false);
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_search);
    layout->addWidget(m_tree, 1);
    layout->addWidget(m_problem);
    setWidget(content);

    m_rescanTimer->setSingleShot(true);
    m_rescanTimer->setInterval(rescanDelayMs);
    connect(m_rescanTimer, &QTimer::timeout, this, &CollectionDock::refresh);
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, m_rescanTimer, qOverload<>(&QTimer::start));
    connect(m_watcher, &QFileSystemWatcher::fileChanged, m_rescanTimer, qOverload<>(&QTimer::start));

    connect(m_search, &QLineEdit::textChanged, this, &CollectionDock::setSearchText);
    connect(m_tree, &QTreeView::activated, this, [this](const QModelIndex &index) {
        if (index.data(CollectionItemModel::KindRole).toInt() == CollectionItemModel::RequestKind)
            openRequest(index.data(CollectionItemModel::PathRole).toString());
    });
    connect(m_tree, &QWidget::customContextMenuRequested, this, &CollectionDock::showContextMenu);
    connect(m_model, &CollectionItemModel::renameRequested, this, [this](const QString &path, const QString &name) {
        QString error;
        const QString renamed = m_operations->renameEntry(path, name, &error);
        if (renamed.isEmpty())
            reportProblem(error);
        else
            setCurrentPath(renamed);
    });
    connect(m_model, &CollectionItemModel::entriesDropped, this,
            [this](const QStringList &paths, const QString &target) {
                QString error;
                if (!m_operations->moveEntries(paths, target, &error))
                    reportProblem(error);
            });
    connect(m_operations, &CollectionOperations::collectionsChanged, this, &CollectionDock::refresh);
    connect(m_operations, &CollectionOperations::requestWritten, this, &CollectionDock::rememberOwnWrite);
    connect(m_operations, &CollectionOperations::pathMoved, this, &CollectionDock::pathMoved);
    connect(m_operations, &CollectionOperations::errorOccurred, this, &CollectionDock::reportProblem);

    createActions();
    connect(m_tree->selectionModel(), &QItemSelectionModel::selectionChanged, this, &CollectionDock::updateActions);
    setCollectionsDirectory(defaultCollectionsDirectory());
}

CollectionDock::~CollectionDock() = default;

QString CollectionDock::defaultCollectionsDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/collections"_s;
}

QString CollectionDock::starterCollectionsPath()
{
    return u":/collections"_s;
}

void CollectionDock::setCollectionsDirectory(const QString &dir)
{
    m_collectionsDirectory = QDir::cleanPath(dir);
    m_known.clear();
    m_firstBuild = true;
    refresh();
}

QUndoStack *CollectionDock::undoStack() const
{
    return m_operations->undoStack();
}

QAction *CollectionDock::action(const QString &id) const
{
    return m_actions.value(id);
}

void CollectionDock::createActions()
{
    const auto add = [this](const QString &id, const QString &text, const QKeySequence &shortcut,
                            void (CollectionDock::*slot)()) {
        auto *action = new QAction(text, this);
        action->setObjectName(id);
        if (!shortcut.isEmpty()) {
            action->setShortcut(shortcut);
            action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
            addAction(action);
        }
        if (slot)
            connect(action, &QAction::triggered, this, slot);
        m_actions.insert(id, action);
        return action;
    };
    connect(add(u"Collections.Open"_s, tr("&Open"), {}, nullptr), &QAction::triggered, this,
            [this] { openRequest(currentPath()); });
    add(u"Collections.NewFolder"_s, tr("New &Folder…"), {}, &CollectionDock::newFolder);
    add(u"Collections.Rename"_s, tr("&Rename"), QKeySequence(Qt::Key_F2), &CollectionDock::renameCurrent);
    add(u"Collections.MoveTo"_s, tr("&Move To…"), {}, &CollectionDock::moveSelectedTo);
    add(u"Collections.Delete"_s, tr("&Delete"), QKeySequence::Delete, &CollectionDock::deleteSelected);
    connect(add(u"Collections.Refresh"_s, tr("Re&load From Disk"), {}, nullptr), &QAction::triggered, this,
            &CollectionDock::refresh);

    QAction *undo = undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setObjectName(u"Collections.Undo"_s);
    undo->setShortcut(QKeySequence::Undo);
    undo->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(undo);
    m_actions.insert(undo->objectName(), undo);
    QAction *redo = undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setObjectName(u"Collections.Redo"_s);
    redo->setShortcut(QKeySequence::Redo);
    redo->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(redo);
    m_actions.insert(redo->objectName(), redo);

    add(u"Collections.Import"_s, tr("&Import Collection…"), {}, &CollectionDock::importCollection);
    add(u"Collections.PasteCurl"_s, tr("Paste &curl Command"), {}, &CollectionDock::pasteCurl);
    add(u"Collections.ExportPostman"_s, tr("Export as &Postman Collection…"), {}, &CollectionDock::exportPostman);
    add(u"Collections.ExportFolder"_s, tr("Export as F&older…"), {}, &CollectionDock::exportFolder);
    updateActions();
}

void CollectionDock::updateActions()
{
    const QModelIndex current = m_tree->currentIndex();
    const int kind = current.data(CollectionItemModel::KindRole).toInt();
    const bool valid = current.isValid();
    const bool writable = valid && !current.data(CollectionItemModel::ReadOnlyRole).toBool();
    const bool entry = writable && kind != CollectionItemModel::RootKind;
    m_actions.value(u"Collections.Open"_s)->setEnabled(valid && kind == CollectionItemModel::RequestKind);
    m_actions.value(u"Collections.Rename"_s)->setEnabled(entry);
    m_actions.value(u"Collections.MoveTo"_s)->setEnabled(entry);
    m_actions.value(u"Collections.Delete"_s)->setEnabled(entry);
    m_actions.value(u"Collections.ExportPostman"_s)->setEnabled(valid && kind != CollectionItemModel::RequestKind);
    m_actions.value(u"Collections.ExportFolder"_s)->setEnabled(valid && kind != CollectionItemModel::RequestKind);
}

void CollectionDock::showContextMenu(const QPoint &position)
{
    updateActions();
    QMenu menu(this);
    for (const QString &id :
         {u"Collections.Open"_s, QString(), u"Collections.NewFolder"_s, u"Collections.Rename"_s,
          u"Collections.MoveTo"_s, u"Collections.Delete"_s, QString(), u"Collections.Undo"_s, u"Collections.Redo"_s,
          QString(), u"Collections.Import"_s, u"Collections.PasteCurl"_s, u"Collections.ExportPostman"_s,
          u"Collections.ExportFolder"_s, QString(), u"Collections.Refresh"_s}) {
        if (id.isEmpty())
            menu.addSeparator();
        else
            menu.addAction(m_actions.value(id));
    }
    menu.exec(m_tree->viewport()->mapToGlobal(position));
}

void CollectionDock::refresh()
{
    const quint64 generation = ++m_generation;
    const QString root = m_collectionsDirectory;
    auto *watcher = new QFutureWatcher<ScanResult>(this);
    connect(watcher, &QFutureWatcher<ScanResult>::finished, this, [this, watcher] {
        applyScan(watcher->result());
        watcher->deleteLater();
    });
    watcher->setFuture(QtConcurrent::run([root, generation] {
        ScanResult result;
        result.generation = generation;
        result.root = root;
        QDir().mkpath(root);
        result.folder = CollectionStore::readFolder(root, &result.errors);
        collectWatchPaths(result.folder, root, &result.dirs, &result.files);
        return result;
    }));
}

void CollectionDock::applyScan(const ScanResult &result)
{
    if (result.generation != m_generation || result.root != m_collectionsDirectory)
        return; // a newer scan is on its way

    QSet<QString> expanded;
    const QString current = m_pendingCurrent.isEmpty() ? currentPath() : m_pendingCurrent;
    m_pendingCurrent.clear();
    const std::function<void(const QModelIndex &)> collect = [&](const QModelIndex &parent) {
        for (int row = 0; row < m_proxy->rowCount(parent); ++row) {
            const QModelIndex index = m_proxy->index(row, 0, parent);
            if (m_tree->isExpanded(index)) {
                expanded.insert(index.data(CollectionItemModel::PathRole).toString());
                collect(index);
            }
        }
    };
    collect(QModelIndex());

    m_model->setRoots({{tr("My Collections"), result.root, false, result.folder},
                       {tr("Starter"), starterCollectionsPath(), true, m_starter}});
    if (m_firstBuild) {
        expanded << result.root << starterCollectionsPath();
        m_firstBuild = false;
    }
    if (!m_proxy->searchText().isEmpty()) {
        m_tree->expandAll();
    } else {
        for (const QString &path : std::as_const(expanded)) {
            const QModelIndex index = m_proxy->mapFromSource(m_model->indexForPath(path));
            if (index.isValid())
                m_tree->setExpanded(index, true);
        }
    }
    const QModelIndex selected = m_proxy->mapFromSource(m_model->indexForPath(current));
    if (selected.isValid()) {
        m_tree->setCurrentIndex(selected);
        m_tree->scrollTo(selected);
    }

    // Watch exactly what the tree shows now (a replaced file drops its watch, so re-adding is needed).
    const QStringList oldPaths = m_watcher->files() + m_watcher->directories();
    const QStringList newPaths = result.dirs + result.files;
    const QSet<QString> wanted(newPaths.cbegin(), newPaths.cend());
    QStringList stale;
    for (const QString &path : oldPaths) {
        if (!wanted.contains(path))
            stale << path;
    }
    if (!stale.isEmpty())
        m_watcher->removePaths(stale);
    const QSet<QString> have(oldPaths.cbegin(), oldPaths.cend());
    QStringList added;
    for (const QString &path : newPaths) {
        if (!have.contains(path))
            added << path;
    }
    if (!added.isEmpty())
        m_watcher->addPaths(added);

    QHash<QString, Store::SavedRequest> seen;
    detectExternalChanges(result.folder, result.root, &seen);
    m_known = std::move(seen);

    m_problem->setText(result.errors.join(u'\n'));
    m_problem->setVisible(!result.errors.isEmpty());
    for (const QString &error : result.errors)
        emit problemReported(error);
    updateActions();
    emit refreshed();
}

void CollectionDock::detectExternalChanges(const Store::CollectionFolder &folder, const QString &dir,
                                           QHash<QString, Store::SavedRequest> *seen)
{
    for (const Store::SavedRequest &request : folder.requests) {
        const QString path = dir + u'/' + request.name + CollectionStore::documentSuffix();
        const auto known = m_known.constFind(path);
        if (known != m_known.cend() && *known != request)
            emit requestFileChanged(path);
        seen->insert(path, request);
    }
    for (const Store::CollectionFolder &child : folder.folders)
        detectExternalChanges(child, dir + u'/' + child.name, seen);
}

void CollectionDock::rememberOwnWrite(const QString &path)
{
    // What Sextant wrote itself is no outside change: the next scan compares against this.
    if (const std::optional<Store::SavedRequest> written = CollectionStore::readRequest(path))
        m_known.insert(path, *written);
}

void CollectionDock::reportProblem(const QString &message)
{
    if (message.isEmpty())
        return;
    m_problem->setText(message);
    m_problem->setVisible(true);
    emit problemReported(message);
}

void CollectionDock::setSearchText(const QString &text)
{
    m_proxy->setSearchText(text);
    if (!m_proxy->searchText().isEmpty())
        m_tree->expandAll();
}

QString CollectionDock::currentPath() const
{
    return m_tree->currentIndex().data(CollectionItemModel::PathRole).toString();
}

void CollectionDock::setCurrentPath(const QString &path)
{
    const QModelIndex index = m_proxy->mapFromSource(m_model->indexForPath(path));
    if (index.isValid())
        m_tree->setCurrentIndex(index);
    m_pendingCurrent = path; // the tree may be rebuilt before the item shows
}

bool CollectionDock::openRequest(const QString &path)
{
    if (!CollectionStore::isRequestPath(path))
        return false;
    QString error;
    const std::optional<Store::SavedRequest> request = CollectionStore::readRequest(path, &error);
    if (!error.isEmpty())
        reportProblem(error);
    if (!request)
        return false;
    emit requestOpened(*request, path.startsWith(u":/"_s) ? QString() : path);
    return true;
}

bool CollectionDock::saveRequest(const Store::SavedRequest &request, const QString &filePath, QString *error)
{
    return m_operations->saveRequest(request, filePath, error);
}

QString CollectionDock::saveRequestAs(const Store::SavedRequest &request, QWidget *parent)
{
    CollectionSaveDialog dialog(parent ? parent : this);
    dialog.setFolders(folderChoices());
    dialog.setCurrentFolder(targetFolder());
    QString name = request.name;
    if (name.isEmpty())
        name = request.operationName;
    dialog.setName(name.isEmpty() ? tr("Untitled") : name);
    if (dialog.exec() != QDialog::Accepted)
        return QString();
    QString error;
    const QString path = m_operations->saveRequestInto(request, dialog.folder(), dialog.name(), &error);
    if (path.isEmpty()) {
        reportProblem(error);
        QMessageBox::warning(parent ? parent : this, tr("Save Request As"), error);
        return QString();
    }
    setCurrentPath(path);
    return path;
}

QStringList CollectionDock::selectedPaths() const
{
    QStringList paths;
    const QModelIndexList rows = m_tree->selectionModel()->selectedRows();
    for (const QModelIndex &index : rows) {
        if (index.data(CollectionItemModel::KindRole).toInt() != CollectionItemModel::RootKind
            && !index.data(CollectionItemModel::ReadOnlyRole).toBool())
            paths << index.data(CollectionItemModel::PathRole).toString();
    }
    if (paths.isEmpty() && m_tree->currentIndex().isValid()) {
        const QModelIndex index = m_tree->currentIndex();
        if (index.data(CollectionItemModel::KindRole).toInt() != CollectionItemModel::RootKind
            && !index.data(CollectionItemModel::ReadOnlyRole).toBool())
            paths << index.data(CollectionItemModel::PathRole).toString();
    }
    return paths;
}

QString CollectionDock::targetFolder() const
{
    QModelIndex index = m_tree->currentIndex();
    if (index.isValid() && index.data(CollectionItemModel::KindRole).toInt() == CollectionItemModel::RequestKind)
        index = index.parent();
    if (!index.isValid() || index.data(CollectionItemModel::ReadOnlyRole).toBool())
        return m_collectionsDirectory;
    return index.data(CollectionItemModel::PathRole).toString();
}

QList<QPair<QString, QString>> CollectionDock::folderChoices() const
{
    QList<QPair<QString, QString>> choices;
    const QModelIndex root = m_model->indexForPath(m_collectionsDirectory);
    if (!root.isValid())
        return {{tr("My Collections"), m_collectionsDirectory}};
    const std::function<void(const QModelIndex &, const QString &)> walk = [&](const QModelIndex &parent,
                                                                               const QString &label) {
        choices.append({label, parent.data(CollectionItemModel::PathRole).toString()});
        for (int row = 0; row < m_model->rowCount(parent); ++row) {
            const QModelIndex child = m_model->index(row, 0, parent);
            if (child.data(CollectionItemModel::KindRole).toInt() == CollectionItemModel::FolderKind)
                walk(child, label + u" / "_s + child.data(Qt::DisplayRole).toString());
        }
    };
    walk(root, root.data(Qt::DisplayRole).toString());
    return choices;
}

void CollectionDock::newFolder()
{
    bool ok = false;
    const QString name =
        QInputDialog::getText(this, tr("New Folder"), tr("Folder name:"), QLineEdit::Normal, tr("New Folder"), &ok);
    if (!ok || name.trimmed().isEmpty())
        return;
    QString error;
    const QString path = m_operations->createFolder(targetFolder(), name, &error);
    if (path.isEmpty())
        reportProblem(error);
    else
        setCurrentPath(path);
}

void CollectionDock::renameCurrent()
{
    const QModelIndex index = m_tree->currentIndex();
    if (index.isValid() && (index.flags() & Qt::ItemIsEditable))
        m_tree->edit(index);
}

void CollectionDock::moveSelectedTo()
{
    const QStringList paths = selectedPaths();
    if (paths.isEmpty())
        return;
    const QList<QPair<QString, QString>> choices = folderChoices();
    QStringList labels;
    for (const auto &choice : choices)
        labels << choice.first;
    bool ok = false;
    const QString label = QInputDialog::getItem(this, tr("Move To"), tr("Folder:"), labels, 0, false, &ok);
    const qsizetype chosen = labels.indexOf(label);
    if (!ok || chosen < 0)
        return;
    QString error;
    if (!m_operations->moveEntries(paths, choices.at(chosen).second, &error))
        reportProblem(error);
}

void CollectionDock::deleteSelected()
{
    const QStringList paths = selectedPaths();
    if (paths.isEmpty())
        return;
    QString error;
    if (!m_operations->deleteEntries(paths, &error))
        reportProblem(error);
}

void CollectionDock::importCollection()
{
    const QString file =
        QFileDialog::getOpenFileName(this, tr("Import Collection"), QDir::homePath(), Store::importFileDialogFilter());
    if (file.isEmpty())
        return;
    QString error;
    const QString path = m_operations->importCollection(file, targetFolder(), &error);
    if (path.isEmpty())
        reportProblem(error);
    else
        setCurrentPath(path);
}

void CollectionDock::pasteCurl()
{
    QString error;
    const QString path = m_operations->importCurl(QApplication::clipboard()->text(), targetFolder(), &error);
    if (path.isEmpty())
        reportProblem(error);
    else
        setCurrentPath(path);
}

void CollectionDock::exportPostman()
{
    const QModelIndex index = m_tree->currentIndex();
    if (!index.isValid() || index.data(CollectionItemModel::KindRole).toInt() == CollectionItemModel::RequestKind)
        return;
    const QString name = index.data(Qt::DisplayRole).toString();
    const QString file = QFileDialog::getSaveFileName(this, tr("Export as Postman Collection"),
                                                      QDir::homePath() + u'/' + name + u".postman_collection.json"_s,
                                                      tr("Postman collection (*.json)"));
    if (file.isEmpty())
        return;
    QString error;
    if (!m_operations->exportPostman(index.data(CollectionItemModel::PathRole).toString(), file, &error))
        reportProblem(error);
}

void CollectionDock::exportFolder()
{
    const QModelIndex index = m_tree->currentIndex();
    if (!index.isValid() || index.data(CollectionItemModel::KindRole).toInt() == CollectionItemModel::RequestKind)
        return;
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Export as Folder"), QDir::homePath());
    if (dir.isEmpty())
        return;
    QString error;
    if (m_operations->exportFolder(index.data(CollectionItemModel::PathRole).toString(), dir, &error).isEmpty())
        reportProblem(error);
}

} // namespace Sextant::App
