// SPDX-License-Identifier: MIT
// Sextant: tabs and collection files together: open a saved request in a tab, save a tab, follow moves and reloads.
#include "collectiontabs.h"

#include "tabcontroller.h"

#include "app/collections/collectiondock.h"
#include "app/editor/editoractions.h"
#include "app/endpoints/endpointbar.h"

#include <core/language/operationoutline.h>
#include <net/endpointprofile.h>
#include <store/collectionstore.h>
#include <store/historyredaction.h>

#include <Qsci/qsciscintilla.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMessageBox>
#include <QSaveFile>

namespace Sextant::App {

namespace {

bool isInside(const QString &path, const QString &directory)
{
    const QString root = QDir::cleanPath(directory) + u'/';
    return QDir::cleanPath(path).startsWith(root);
}

} // namespace

CollectionTabs::CollectionTabs(TabController *tabs, CollectionDock *collections, QsciScintilla *queryEditor,
                               QsciScintilla *variablesEditor, EndpointBar *endpointBar, QWidget *window)
    : QObject(window)
    , m_tabs(tabs)
    , m_collections(collections)
    , m_query(queryEditor)
    , m_variables(variablesEditor)
    , m_endpointBar(endpointBar)
    , m_window(window)
{
    connect(m_collections, &CollectionDock::requestOpened, this, &CollectionTabs::openRequest);
    connect(m_collections, &CollectionDock::pathMoved, this, &CollectionTabs::onPathMoved);
    connect(m_collections, &CollectionDock::requestFileChanged, this, &CollectionTabs::onFileChanged);
}

void CollectionTabs::setDaggerSessionUrl(const QString &url)
{
    m_daggerSessionUrl = url;
}

Store::SavedRequest CollectionTabs::currentRequest() const
{
    const Store::TabState tab = m_tabs->currentState();
    Store::SavedRequest request;
    if (!tab.collectionPath.isEmpty() && isInside(tab.collectionPath, m_collections->collectionsDirectory())) {
        QString error;
        if (const auto existing = Store::CollectionStore::readRequest(tab.collectionPath, &error))
            request = *existing; // keeps the description and anything else the sidecar has
    }
    request.name = m_tabs->tabTitle(m_tabs->currentIndex());
    request.document = tab.query;
    request.variables = tab.variables;
    request.headers = tab.headers; // the collection writer drops credential values; {{references}} stay
    request.endpointKind = Net::EndpointProfile::kindId(Net::EndpointKind(tab.endpointKind));
    request.endpointUrl = tab.url;
    const QList<Core::OperationInfo> operations = Core::outlineOperations(tab.query);
    const int picked = m_endpointBar->currentOperation();
    request.operationName = operations.size() > 1 && picked >= 0 && picked < operations.size()
                                ? operations[picked].name
                                : QString(); // one operation needs no name to be run
    return request;
}


bool CollectionTabs::save()
{
    const Store::TabState tab = m_tabs->currentState();
    if (tab.collectionPath.isEmpty())
        return saveAs();
    QString error;
    bool saved = false;
    if (isInside(tab.collectionPath, m_collections->collectionsDirectory())) {
        saved = m_collections->saveRequest(currentRequest(), tab.collectionPath, &error);
    } else {
        // A .graphql file opened from elsewhere: written back as it is, no sidecar next to the user's file.
        QSaveFile file(tab.collectionPath);
        saved = file.open(QIODevice::WriteOnly) && file.write(tab.query.toUtf8()) >= 0 && file.commit();
        if (!saved)
            error = file.errorString();
    }
    if (!saved) {
        QMessageBox::warning(m_window, tr("Save"), tr("Could not save %1: %2").arg(tab.collectionPath, error));
        return false;
    }
    m_savedDocuments.insert(tab.collectionPath, tab.query);
    emit message(savedMessage(tab.collectionPath, tab.variables), 8000);
    return true;
}

QString CollectionTabs::savedMessage(const QString &path, const QString &variables) const
{
    QString text = tr("Saved %1").arg(QDir::toNativeSeparators(path));
    if (isInside(path, m_collections->collectionsDirectory())
        && Store::HistoryRedaction::variablesWithSecretsAsReferences(variables) != variables)
        text += tr(" — secret variable values were saved as {{references}}: give them values in an environment.");
    return text;
}


bool CollectionTabs::saveAs()
{
    const QString path = m_collections->saveRequestAs(currentRequest(), m_window);
    if (path.isEmpty())
        return false;
    m_tabs->setCollectionPath(m_tabs->currentIndex(), path, Store::CollectionStore::requestName(path));
    m_savedDocuments.insert(path, m_query->text());
    emit message(savedMessage(path, m_variables->text()), 8000);
    return true;
}


void CollectionTabs::openRequest(const Store::SavedRequest &request, const QString &filePath)
{
    if (!filePath.isEmpty()) {
        for (int i = 0; i < m_tabs->count(); ++i) {
            if (m_tabs->tabState(i).collectionPath == filePath) {
                m_tabs->setCurrentIndex(i);
                return;
            }
        }
    }
    Store::TabState tab;
    tab.query = request.document;
    tab.variables = request.variables;
    tab.headers = request.headers;
    tab.collectionPath = filePath; // empty for a starter: Ctrl+S asks where to keep the copy
    tab.title = request.name;
    tab.customTitle = filePath.isEmpty();
    if (const auto kind = Net::EndpointProfile::kindFromId(request.endpointKind); kind && !request.endpointUrl.isEmpty()) {
        tab.endpointKind = int(*kind);
        tab.url = request.endpointUrl;
    } else if (kind == Net::EndpointKind::DaggerSession && !m_daggerSessionUrl.isEmpty()) {
        tab.endpointKind = int(*kind);
        tab.url = m_daggerSessionUrl;
    }
    m_tabs->addTab(tab);
    if (!filePath.isEmpty())
        m_savedDocuments.insert(filePath, request.document);
    if (!request.operationName.isEmpty()) { // the window outlined the new tab's operations as it came to front
        const QList<Core::OperationInfo> operations = Core::outlineOperations(request.document);
        for (int i = 0; i < operations.size(); ++i) {
            if (operations[i].name == request.operationName)
                m_endpointBar->setCurrentOperation(i);
        }
    }
    m_query->setFocus();
}


void CollectionTabs::onPathMoved(const QString &from, const QString &to)
{
    for (int i = 0; i < m_tabs->count(); ++i) {
        const QString path = m_tabs->tabState(i).collectionPath;
        if (path != from && !path.startsWith(from + u'/'))
            continue;
        if (to.isEmpty()) { // deleted: the tab keeps its text as an unsaved request
            m_tabs->setCollectionPath(i, QString());
            continue;
        }
        const QString moved = to + path.mid(from.size());
        m_tabs->setCollectionPath(i, moved, Store::CollectionStore::requestName(moved));
        m_savedDocuments.insert(moved, m_savedDocuments.take(path));
    }
}


void CollectionTabs::onFileChanged(const QString &filePath)
{
    for (int i = 0; i < m_tabs->count(); ++i) {
        const Store::TabState tab = m_tabs->tabState(i);
        if (tab.collectionPath != filePath)
            continue;
        QString error;
        const auto request = Store::CollectionStore::readRequest(filePath, &error);
        if (!request) {
            emit message(tr("%1 changed on disk and could not be read: %2").arg(filePath, error), 15000);
            return;
        }
        if (tab.query != m_savedDocuments.value(filePath)) {
            // The user edited the tab since it was opened or saved: their text wins; say what happened.
            emit message(tr("%1 changed on disk; the tab keeps your edits (Save overwrites the file).")
                                         .arg(QFileInfo(filePath).fileName()),
                                     15000);
            return;
        }
        const int current = m_tabs->currentIndex();
        m_tabs->setCurrentIndex(i);
        replaceAllText(m_query, request->document); // one undo step: the reload can be taken back
        if (m_variables->text() != request->variables)
            replaceAllText(m_variables, request->variables);
        m_savedDocuments.insert(filePath, request->document);
        m_tabs->setCurrentIndex(current);
        emit message(tr("Reloaded %1 (changed on disk).").arg(QFileInfo(filePath).fileName()), 8000);
        return;
    }
}


void CollectionTabs::openFiles(const QStringList &paths)
{
    QStringList problems;
    for (const QString &path : paths) {
        const QString absolute = QFileInfo(path).absoluteFilePath();
        bool shown = false;
        for (int i = 0; i < m_tabs->count() && !shown; ++i) {
            if (m_tabs->tabState(i).collectionPath == absolute) {
                m_tabs->setCurrentIndex(i);
                shown = true;
            }
        }
        if (shown)
            continue;
        QFile file(absolute);
        if (!file.open(QIODevice::ReadOnly)) {
            problems << tr("%1: %2").arg(path, file.errorString());
            continue;
        }
        if (file.size() > 64 * 1024 * 1024) {
            problems << tr("%1: larger than 64 MB").arg(path);
            continue;
        }
        Store::TabState tab;
        tab.query = QString::fromUtf8(file.readAll());
        tab.collectionPath = absolute;
        tab.title = QFileInfo(absolute).completeBaseName();
        m_tabs->addTab(tab);
    }
    if (!problems.isEmpty())
        emit message(tr("Could not open %1").arg(problems.join(QStringLiteral("; "))), 15000);
}


} // namespace Sextant::App
