// SPDX-License-Identifier: MIT
// Sextant: the window's tabs: each one's documents, endpoint and last result summary, and their autosave.
#include "tabcontroller.h"

#include "app/endpoints/endpointbar.h"

#include <core/language/operationoutline.h>
#include <store/credentialheaders.h>
#include <store/secretstore.h>

#include <Qsci/qscidocument.h>
#include <Qsci/qsciscintilla.h>

#include <QAction>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextDocumentLayout>
#include <QPlainTextEdit>
#include <QTabBar>
#include <QTextDocument>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Sextant::App {

namespace {

constexpr int maxClosedTabs = 20;
constexpr int saveDelayMs = 300; // well inside the 1 s the issue allows, with room for a loaded machine

} // namespace

struct TabController::Tab
{
    Store::TabState state;     ///< texts are current only while the tab is not in front (see tabState())
    QsciDocument queryDocument;
    QsciDocument variablesDocument;
    std::unique_ptr<QTextDocument> headersDocument;
    bool attachedOnce = false; ///< the documents got their text (lazily: restoring 30 tabs costs nothing)
    bool dirty = false;
    QString savedSecret;        ///< the credential lines last written to the keychain
    bool secretRequested = false; ///< the keychain was asked for them (first show after a restore)
    long queryCaret = 0;
    long queryFirstLine = 0;
};

TabController::TabController(QTabBar *tabBar, QsciScintilla *queryEditor, QsciScintilla *variablesEditor,
                             QPlainTextEdit *headersEditor, EndpointBar *endpointBar, QObject *parent)
    : QObject(parent)
    , m_tabBar(tabBar)
    , m_query(queryEditor)
    , m_variables(variablesEditor)
    , m_headers(headersEditor)
    , m_endpointBar(endpointBar)
    , m_saveTimer(new QTimer(this))
    , m_titleTimer(new QTimer(this))
{
    m_writer.setMaxThreadCount(1);
    m_writer.setExpiryTimeout(-1);
    m_saveTimer->setSingleShot(true);
    m_saveTimer->setInterval(saveDelayMs);
    connect(m_saveTimer, &QTimer::timeout, this, &TabController::saveDirty);
    m_titleTimer->setSingleShot(true);
    m_titleTimer->setInterval(400);
    connect(m_titleTimer, &QTimer::timeout, this, [this] {
        if (m_current >= 0)
            refreshTitle(m_current);
    });

    m_tabBar->setMovable(true);
    m_tabBar->setTabsClosable(true);
    m_tabBar->setExpanding(false);
    m_tabBar->setDocumentMode(true);
    m_tabBar->setElideMode(Qt::ElideRight);
    m_tabBar->setUsesScrollButtons(true);
    m_tabBar->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_tabBar, &QTabBar::currentChanged, this, [this](int index) {
        if (!m_switching && index >= 0 && index != m_current)
            setCurrentIndex(index);
    });
    connect(m_tabBar, &QTabBar::tabMoved, this, [this](int from, int to) {
        auto moved = std::move(m_tabs[size_t(from)]);
        m_tabs.erase(m_tabs.begin() + from);
        m_tabs.insert(m_tabs.begin() + to, std::move(moved));
        m_current = m_tabBar->currentIndex();
        saveIndex();
        emit tabsChanged();
    });
    connect(m_tabBar, &QTabBar::tabCloseRequested, this, &TabController::closeTab);
    connect(m_tabBar, &QTabBar::tabBarDoubleClicked, this, [this](int index) {
        if (index >= 0)
            startRename(index);
        else
            addTab({});
    });
    connect(m_tabBar, &QTabBar::customContextMenuRequested, this, &TabController::showContextMenu);

    connect(m_query, &QsciScintilla::textChanged, this, [this] {
        markDirty();
        if (!m_switching)
            m_titleTimer->start();
    });
    connect(m_variables, &QsciScintilla::textChanged, this, &TabController::markDirty);
    connect(m_headers, &QPlainTextEdit::textChanged, this, &TabController::markDirty);
}

TabController::~TabController()
{
    flush();
    // The editors outlive this controller only during window destruction; give them back a document of their own
    // so none of them points at a QTextDocument destroyed with our tabs.
    m_switching = true;
    m_headers->setDocument(nullptr);
}

void TabController::setDirectory(const QString &directory)
{
    m_directory = directory;
}

QString TabController::directory() const
{
    return m_directory;
}

void TabController::setSecretStore(Store::SecretStore *secrets)
{
    m_secrets = secrets;
}

void TabController::restore(const Store::WorkspaceState &state, const Store::TabState &fallback)
{
    m_switching = true;
    while (m_tabBar->count() > 0)
        m_tabBar->removeTab(0);
    m_switching = false;
    m_tabs.clear();
    m_current = -1;
    const QList<Store::TabState> tabs = state.tabs.isEmpty() ? QList<Store::TabState>{fallback} : state.tabs;
    int current = 0;
    for (Store::TabState tab : tabs) {
        if (tab.id.isEmpty())
            tab.id = Store::WorkspaceStore::newTabId();
        if (tab.id == state.currentId)
            current = int(m_tabs.size());
        auto created = std::make_unique<Tab>();
        created->state = std::move(tab);
        created->dirty = state.tabs.isEmpty(); // a fresh workspace is written once
        m_tabs.push_back(std::move(created));
        m_switching = true;
        m_tabBar->addTab(QString());
        m_switching = false;
        refreshTitle(int(m_tabs.size()) - 1);
    }
    setCurrentIndex(current);
    if (state.tabs.isEmpty() && !m_directory.isEmpty())
        m_saveTimer->start();
    emit tabsChanged();
}

int TabController::count() const
{
    return int(m_tabs.size());
}

int TabController::currentIndex() const
{
    return m_current;
}

int TabController::indexOfId(const QString &id) const
{
    for (size_t i = 0; i < m_tabs.size(); ++i) {
        if (m_tabs[i]->state.id == id)
            return int(i);
    }
    return -1;
}

Store::TabState TabController::tabState(int index) const
{
    if (index < 0 || index >= count())
        return {};
    Store::TabState state = m_tabs[size_t(index)]->state;
    if (index == m_current) {
        state.query = m_query->text();
        state.variables = m_variables->text();
        state.headers = m_headers->toPlainText();
        state.endpointKind = m_endpointBar->kind();
        state.url = m_endpointBar->urlText();
    }
    return state;
}

QString TabController::tabTitle(int index) const
{
    return index >= 0 && index < count() ? m_tabBar->tabText(index) : QString();
}

int TabController::addTab(Store::TabState state, bool makeCurrent)
{
    if (state.id.isEmpty() || indexOfId(state.id) >= 0)
        state.id = Store::WorkspaceStore::newTabId();
    if (state.url.isEmpty() && m_current >= 0) { // a new tab talks to the same server as the one in front
        state.endpointKind = m_endpointBar->kind();
        state.url = m_endpointBar->urlText();
    }
    const int index = m_current < 0 ? count() : m_current + 1;
    auto created = std::make_unique<Tab>();
    created->state = std::move(state);
    created->dirty = true;
    m_tabs.insert(m_tabs.begin() + index, std::move(created));
    m_switching = true;
    m_tabBar->insertTab(index, QString());
    if (m_current >= index)
        ++m_current;
    m_tabBar->setCurrentIndex(m_current);
    m_switching = false;
    refreshTitle(index);
    if (makeCurrent)
        setCurrentIndex(index);
    if (!m_directory.isEmpty() && !m_saveTimer->isActive())
        m_saveTimer->start();
    emit tabsChanged();
    return index;
}

void TabController::setCurrentIndex(int index)
{
    if (index < 0 || index >= count())
        return;
    if (index == m_current) {
        m_tabBar->setCurrentIndex(index);
        return;
    }
    const int previous = m_current;
    snapshotCurrent();
    attach(index);
    refreshTitle(previous); // its name may follow an edit the title timer has not seen yet
    saveIndex();
    emit currentTabChanged(index);
}

void TabController::snapshotCurrent()
{
    if (m_current < 0 || m_current >= count())
        return;
    Tab &tab = *m_tabs[size_t(m_current)];
    tab.state = tabState(m_current);
    tab.queryCaret = long(m_query->SendScintilla(QsciScintilla::SCI_GETCURRENTPOS));
    tab.queryFirstLine = long(m_query->SendScintilla(QsciScintilla::SCI_GETFIRSTVISIBLELINE));
}

void TabController::attach(int index)
{
    Tab &tab = *m_tabs[size_t(index)];
    m_switching = true;
    m_query->setDocument(tab.queryDocument);
    m_variables->setDocument(tab.variablesDocument);
    if (!tab.headersDocument) {
        tab.headersDocument = std::make_unique<QTextDocument>();
        tab.headersDocument->setDocumentLayout(new QPlainTextDocumentLayout(tab.headersDocument.get()));
        tab.headersDocument->setDefaultFont(m_headers->font());
        tab.headersDocument->setPlainText(tab.state.headers);
    }
    m_headers->setDocument(tab.headersDocument.get());
    if (m_secrets && !m_directory.isEmpty() && !tab.secretRequested) {
        tab.secretRequested = true;
        const QString id = tab.state.id;
        QTextDocument *document = tab.headersDocument.get();
        const int revision = document->revision();
        m_secrets->readSecret(Store::SecretStore::tabHeadersKey(id), document,
                              [this, id, document, revision](const Store::SecretStore::ReadResult &result) {
                                  const int index = indexOfId(id);
                                  if (!result.found || index < 0 || document->revision() != revision)
                                      return; // nothing kept, tab closed, or the user typed meanwhile
                                  m_tabs[size_t(index)]->savedSecret = result.value;
                                  const bool wasSwitching = m_switching;
                                  m_switching = true; // putting back what was there is not an edit
                                  document->setPlainText(
                                      Store::CredentialHeaders::merge(document->toPlainText(), result.value));
                                  m_switching = wasSwitching;
                              });
    }
    if (!tab.attachedOnce) {
        tab.attachedOnce = true;
        m_query->setText(tab.state.query);
        m_query->SendScintilla(QsciScintilla::SCI_EMPTYUNDOBUFFER);
        m_variables->setText(tab.state.variables);
        m_variables->SendScintilla(QsciScintilla::SCI_EMPTYUNDOBUFFER);
    }
    m_query->SendScintilla(QsciScintilla::SCI_GOTOPOS, tab.queryCaret);
    m_query->SendScintilla(QsciScintilla::SCI_SETFIRSTVISIBLELINE, tab.queryFirstLine);
    m_endpointBar->setKind(tab.state.endpointKind);
    m_endpointBar->setUrlText(tab.state.url);
    m_current = index;
    m_tabBar->setCurrentIndex(index);
    // Everything that follows the editors' text (diagnostics, outline, variables checks) sees the new documents.
    emit m_query->textChanged();
    emit m_variables->textChanged();
    m_switching = false;
}

void TabController::closeTab(int index)
{
    if (index < 0 || index >= count())
        return;
    if (count() == 1)
        addTab({}, false); // the window always has a tab: a fresh one replaces the last
    if (index == m_current)
        setCurrentIndex(index + 1 < count() ? index + 1 : index - 1);
    Store::TabState closed = tabState(index);
    if (m_secrets && !m_tabs[size_t(index)]->savedSecret.isEmpty())
        m_secrets->removeSecret(Store::SecretStore::tabHeadersKey(closed.id)); // a reopened tab writes it again
    m_closed.push_back(closed);
    if (m_closed.size() > size_t(maxClosedTabs))
        m_closed.erase(m_closed.begin());
    m_switching = true;
    m_tabBar->removeTab(index);
    m_switching = false;
    m_tabs.erase(m_tabs.begin() + index);
    if (m_current > index)
        --m_current;
    m_tabBar->setCurrentIndex(m_current);
    saveIndex();
    if (!m_directory.isEmpty()) {
        const QString directory = m_directory;
        const QString id = closed.id;
        m_writer.start([this, directory, id] {
            QString error;
            if (!Store::WorkspaceStore::removeTab(directory, id, &error))
                QMetaObject::invokeMethod(this, [this, error] { emit saveFailed(error); }, Qt::QueuedConnection);
        });
    }
    emit tabsChanged();
}

bool TabController::reopenClosedTab()
{
    if (m_closed.empty())
        return false;
    Store::TabState state = m_closed.back();
    m_closed.pop_back();
    addTab(std::move(state));
    return true;
}

int TabController::closedTabCount() const
{
    return int(m_closed.size());
}

int TabController::duplicateTab(int index)
{
    if (index < 0 || index >= count())
        return -1;
    refreshTitle(index);
    Store::TabState copy = tabState(index);
    copy.id.clear();
    copy.collectionPath.clear(); // the copy is a new request; saving it must not overwrite the original
    copy.title = tabTitle(index) + tr(" (copy)");
    copy.customTitle = true;
    setCurrentIndex(index);
    return addTab(std::move(copy));
}

void TabController::renameTab(int index, const QString &title)
{
    if (index < 0 || index >= count())
        return;
    Store::TabState &state = m_tabs[size_t(index)]->state;
    state.title = title.trimmed();
    state.customTitle = !state.title.isEmpty();
    m_tabs[size_t(index)]->dirty = true;
    refreshTitle(index);
    if (!m_directory.isEmpty() && !m_saveTimer->isActive())
        m_saveTimer->start();
    emit tabsChanged();
}

void TabController::moveTab(int from, int to)
{
    if (from < 0 || from >= count() || to < 0 || to >= count() || from == to)
        return;
    m_tabBar->moveTab(from, to); // tabMoved reorders m_tabs
}

void TabController::setResultSummary(const QString &tabId, const QString &summary)
{
    const int index = indexOfId(tabId);
    if (index < 0)
        return;
    m_tabs[size_t(index)]->state.resultSummary = summary;
    m_tabs[size_t(index)]->dirty = true;
    refreshTitle(index);
    if (!m_directory.isEmpty() && !m_saveTimer->isActive())
        m_saveTimer->start();
}

void TabController::setCollectionPath(int index, const QString &path, const QString &title)
{
    if (index < 0 || index >= count())
        return;
    Store::TabState &state = m_tabs[size_t(index)]->state;
    state.collectionPath = path;
    if (!title.isEmpty() && !state.customTitle)
        state.title = title;
    m_tabs[size_t(index)]->dirty = true;
    refreshTitle(index);
    if (!m_directory.isEmpty() && !m_saveTimer->isActive())
        m_saveTimer->start();
    emit tabsChanged();
}

void TabController::noteEndpointEdited()
{
    markDirty();
    if (m_current >= 0)
        refreshTitle(m_current);
}

void TabController::markDirty()
{
    if (m_switching || m_current < 0)
        return;
    m_tabs[size_t(m_current)]->dirty = true;
    // Not restarted by later edits: a continuous storm of typing is still saved every saveDelayMs.
    if (!m_directory.isEmpty() && !m_saveTimer->isActive())
        m_saveTimer->start();
}

void TabController::saveDirty()
{
    if (m_directory.isEmpty())
        return;
    for (int i = 0; i < count(); ++i) {
        Tab &tab = *m_tabs[size_t(i)];
        if (!tab.dirty)
            continue;
        tab.dirty = false;
        const Store::TabState state = tabState(i);
        if (m_secrets && tab.secretRequested) {
            const QString secret = Store::CredentialHeaders::extract(state.headers);
            if (secret != tab.savedSecret) { // only on change: some keychains prompt on every write
                tab.savedSecret = secret;
                const QString key = Store::SecretStore::tabHeadersKey(state.id);
                if (secret.isEmpty())
                    m_secrets->removeSecret(key);
                else
                    m_secrets->writeSecret(key, secret);
            }
        }
        const QString directory = m_directory;
        m_writer.start([this, directory, state] {
            QString error;
            if (!Store::WorkspaceStore::saveTab(directory, state, &error))
                QMetaObject::invokeMethod(this, [this, error] { emit saveFailed(error); }, Qt::QueuedConnection);
        });
    }
}

void TabController::saveIndex()
{
    if (m_directory.isEmpty())
        return;
    saveDirty(); // a new tab's file lands before the index that lists it
    QStringList ids;
    for (const auto &tab : m_tabs)
        ids << tab->state.id;
    const QString current = m_current >= 0 ? m_tabs[size_t(m_current)]->state.id : QString();
    const QString directory = m_directory;
    m_writer.start([this, directory, ids, current] {
        QString error;
        if (!Store::WorkspaceStore::saveIndex(directory, ids, current, &error))
            QMetaObject::invokeMethod(this, [this, error] { emit saveFailed(error); }, Qt::QueuedConnection);
    });
}

void TabController::flush()
{
    m_saveTimer->stop();
    saveDirty();
    m_writer.waitForDone();
}

QString TabController::derivedTitle(const Tab &tab) const
{
    if (!tab.state.title.isEmpty() && (tab.state.customTitle || !tab.state.collectionPath.isEmpty()))
        return tab.state.title;
    const bool isCurrent = m_current >= 0 && m_tabs[size_t(m_current)].get() == &tab;
    const QString query = isCurrent ? m_query->text() : tab.state.query;
    // Outlining is cheap (a token scan); a multi-megabyte paste is not worth naming a tab by.
    if (query.size() < 2 * 1024 * 1024) {
        const QList<Core::OperationInfo> operations = Core::outlineOperations(query);
        for (const Core::OperationInfo &operation : operations) {
            if (!operation.name.isEmpty())
                return operation.name;
        }
        if (!operations.isEmpty())
            return tr("Anonymous %1").arg(Core::operationTypeKeyword(operations.first().operation));
    }
    return tr("Untitled");
}

void TabController::refreshTitle(int index)
{
    if (index < 0 || index >= count())
        return;
    const Tab &tab = *m_tabs[size_t(index)];
    m_tabBar->setTabText(index, derivedTitle(tab));
    const Store::TabState state = tabState(index);
    QString tip = state.url;
    if (!state.collectionPath.isEmpty())
        tip += u'\n' + state.collectionPath;
    if (!state.resultSummary.isEmpty())
        tip += u'\n' + tr("Last run: %1").arg(state.resultSummary);
    m_tabBar->setTabToolTip(index, tip);
}

void TabController::startRename(int index)
{
    auto *editor = new QLineEdit(m_tabBar);
    editor->setText(tabTitle(index));
    editor->selectAll();
    editor->setGeometry(m_tabBar->tabRect(index));
    editor->show();
    editor->setFocus();
    const QString id = m_tabs[size_t(index)]->state.id;
    connect(editor, &QLineEdit::editingFinished, this, [this, editor, id] {
        if (!editor->isVisible())
            return;
        editor->hide();
        editor->deleteLater();
        renameTab(indexOfId(id), editor->text());
    });
}

void TabController::showContextMenu(const QPoint &position)
{
    const int index = m_tabBar->tabAt(position);
    QMenu menu;
    menu.addAction(tr("New Tab"), this, [this] { addTab({}); });
    if (index >= 0) {
        menu.addAction(tr("Rename…"), this, [this, index] { startRename(index); });
        menu.addAction(tr("Duplicate"), this, [this, index] { duplicateTab(index); });
        menu.addSeparator();
        menu.addAction(tr("Close"), this, [this, index] { closeTab(index); });
        QAction *others = menu.addAction(tr("Close Other Tabs"), this, [this, index] {
            const QString keep = m_tabs[size_t(index)]->state.id;
            for (int i = count() - 1; i >= 0; --i) {
                if (m_tabs[size_t(i)]->state.id != keep)
                    closeTab(i);
            }
        });
        others->setEnabled(count() > 1);
    }
    QAction *reopen = menu.addAction(tr("Reopen Closed Tab"), this, [this] { reopenClosedTab(); });
    reopen->setEnabled(!m_closed.empty());
    menu.exec(m_tabBar->mapToGlobal(position));
}

} // namespace Sextant::App
