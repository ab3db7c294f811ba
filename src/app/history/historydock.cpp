// SPDX-License-Identifier: MIT
// Sextant: the History dock's widget: search, the list of past runs, a preview, re-open, delete and clear.
#include "historydock.h"

#include "historystatusdelegate.h"

#include <models/historylistmodel.h>
#include <store/historystore.h>

#include <QAction>
#include <QClipboard>
#include <QFontDatabase>
#include <QFuture>
#include <QGuiApplication>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QStackedWidget>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

namespace Sextant::App {

namespace {

QPlainTextEdit *makePreview(const QString &placeholder, QWidget *parent)
{
    auto *edit = new QPlainTextEdit(parent);
    edit->setReadOnly(true);
    edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    edit->setPlaceholderText(placeholder);
    return edit;
}

} // namespace

HistoryDock::HistoryDock(Store::HistoryStore *store, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_model(new Models::HistoryListModel(this))
    , m_search(new QLineEdit(this))
    , m_searchTimer(new QTimer(this))
    , m_errorLabel(new QLabel(this))
    , m_emptyLabel(new QLabel(this))
    , m_list(new QTreeView(this))
    , m_summary(new QLabel(this))
    , m_documentPreview(makePreview(tr("Document"), this))
    , m_variablesPreview(makePreview(tr("Variables"), this))
    , m_openAction(new QAction(tr("Open in New Tab"), this))
    , m_copyAction(new QAction(tr("Copy Document"), this))
    , m_deleteAction(new QAction(tr("Delete"), this))
    , m_clearAction(new QAction(tr("Clear History…"), this))
{
    setObjectName(QStringLiteral("HistoryDock"));
    m_search->setPlaceholderText(tr("Search operation, document, endpoint, variables"));
    m_search->setClearButtonEnabled(true);
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setForegroundRole(QPalette::BrightText);
    m_errorLabel->setVisible(false);
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setEnabled(false);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_list->setModel(m_model);
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAllColumnsShowFocus(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
    m_list->setItemDelegateForColumn(Models::HistoryListModel::StatusColumn, new HistoryStatusDelegate(m_list));
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(Models::HistoryListModel::OperationColumn, QHeaderView::Stretch);

    auto *listStack = new QStackedWidget(this);
    listStack->addWidget(m_list);
    listStack->addWidget(m_emptyLabel);

    auto *preview = new QWidget(this);
    auto *previewLayout = new QVBoxLayout(preview);
    previewLayout->setContentsMargins(0, 0, 0, 0);
    previewLayout->addWidget(m_summary);
    auto *previewSplitter = new QSplitter(Qt::Vertical, preview);
    previewSplitter->addWidget(m_documentPreview);
    previewSplitter->addWidget(m_variablesPreview);
    previewSplitter->setStretchFactor(0, 3);
    previewSplitter->setStretchFactor(1, 1);
    previewLayout->addWidget(previewSplitter, 1);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(listStack);
    splitter->addWidget(preview);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_search);
    layout->addWidget(m_errorLabel);
    layout->addWidget(splitter, 1);

    m_openAction->setObjectName(QStringLiteral("History.Open"));
    m_copyAction->setObjectName(QStringLiteral("History.CopyDocument"));
    m_deleteAction->setObjectName(QStringLiteral("History.Delete"));
    m_deleteAction->setShortcut(QKeySequence::Delete);
    m_deleteAction->setShortcutContext(Qt::WidgetShortcut);
    m_clearAction->setObjectName(QStringLiteral("History.Clear"));
    m_list->addAction(m_deleteAction);
    connect(m_openAction, &QAction::triggered, this, &HistoryDock::openCurrent);
    connect(m_copyAction, &QAction::triggered, this, &HistoryDock::copyCurrentDocument);
    connect(m_deleteAction, &QAction::triggered, this, &HistoryDock::deleteCurrent);
    connect(m_clearAction, &QAction::triggered, this, &HistoryDock::clearHistory);

    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(searchDebounceMs);
    connect(m_search, &QLineEdit::textChanged, m_searchTimer, qOverload<>(&QTimer::start));
    connect(m_searchTimer, &QTimer::timeout, this, &HistoryDock::refresh);

    connect(m_list, &QTreeView::activated, this, [this](const QModelIndex &index) {
        const Store::HistoryEntry entry = m_model->entry(index.row());
        if (entry.id != 0)
            emit reopenRequested(entry);
    });
    connect(m_list, &QWidget::customContextMenuRequested, this, &HistoryDock::showContextMenu);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        updatePreview();
        updateActions();
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this, listStack] {
        listStack->setCurrentWidget(m_model->rowCount() > 0 ? static_cast<QWidget *>(m_list) : m_emptyLabel);
        m_emptyLabel->setText(m_search->text().trimmed().isEmpty() ? tr("No runs yet") : tr("No runs match"));
    });

    connect(store, &Store::HistoryStore::recorded, this, &HistoryDock::refresh);
    connect(store, &Store::HistoryStore::removed, this, &HistoryDock::refresh);
    connect(store, &Store::HistoryStore::pruned, this, &HistoryDock::refresh);
    connect(store, &Store::HistoryStore::cleared, this, &HistoryDock::refresh);
    connect(store, &Store::HistoryStore::errorOccurred, this, [this](const QString &message) {
        m_errorLabel->setText(message);
        m_errorLabel->setVisible(true);
    });

    updatePreview();
    updateActions();
    refresh();
}

HistoryDock::~HistoryDock() = default;

Store::HistoryEntry HistoryDock::currentEntry() const
{
    return m_model->entry(m_list->currentIndex().row());
}

void HistoryDock::refresh()
{
    m_searchTimer->stop();
    if (!m_store)
        return;
    const quint64 generation = ++m_searchGeneration;
    // The continuation runs on this (GUI) thread and is dropped with the dock; older searches are ignored.
    m_store->search(m_search->text().trimmed())
        .then(this, [this, generation](const QList<Store::HistoryEntry> &entries) {
            if (generation == m_searchGeneration)
                showEntries(entries);
        });
}

void HistoryDock::showEntries(const QList<Store::HistoryEntry> &entries)
{
    const qint64 currentId = currentEntry().id;
    m_model->setEntries(entries);
    const int row = currentId != 0 ? m_model->rowOf(currentId) : -1;
    if (row >= 0)
        m_list->setCurrentIndex(m_model->index(row, 0));
    updatePreview();
    updateActions();
    emit refreshed(int(entries.size()));
}

void HistoryDock::updatePreview()
{
    const Store::HistoryEntry entry = currentEntry();
    if (entry.id == 0) {
        m_summary->clear();
        m_documentPreview->clear();
        m_variablesPreview->clear();
        return;
    }
    m_summary->setText(entry.startedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) + u"  "
                       + entry.endpointUrl + u"\n" + entry.message);
    m_documentPreview->setPlainText(entry.document);
    m_variablesPreview->setPlainText(entry.variables);
}

void HistoryDock::updateActions()
{
    const bool hasCurrent = m_list->currentIndex().isValid();
    m_openAction->setEnabled(hasCurrent);
    m_copyAction->setEnabled(hasCurrent);
    m_deleteAction->setEnabled(hasCurrent);
    m_clearAction->setEnabled(m_model->rowCount() > 0 || !m_search->text().isEmpty());
}

void HistoryDock::showContextMenu(const QPoint &position)
{
    const QModelIndex index = m_list->indexAt(position);
    if (index.isValid())
        m_list->setCurrentIndex(index);
    updateActions();
    QMenu menu(this);
    menu.addAction(m_openAction);
    menu.addAction(m_copyAction);
    menu.addAction(m_deleteAction);
    menu.addSeparator();
    menu.addAction(m_clearAction);
    menu.exec(m_list->viewport()->mapToGlobal(position));
}

void HistoryDock::openCurrent()
{
    const Store::HistoryEntry entry = currentEntry();
    if (entry.id != 0)
        emit reopenRequested(entry);
}

void HistoryDock::copyCurrentDocument()
{
    const Store::HistoryEntry entry = currentEntry();
    if (entry.id != 0)
        QGuiApplication::clipboard()->setText(entry.document);
}

void HistoryDock::deleteCurrent()
{
    const Store::HistoryEntry entry = currentEntry();
    if (entry.id != 0 && m_store)
        m_store->remove(entry.id); // removed() refreshes the list
}

void HistoryDock::clearHistory()
{
    const auto answer =
        QMessageBox::question(this, tr("Clear History"), tr("Delete every recorded run? This cannot be undone."),
                              QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer == QMessageBox::Yes && m_store)
        m_store->clear(); // cleared() refreshes the list
}

} // namespace Sextant::App
