// SPDX-License-Identifier: MIT
// Sextant: the window's environments: the file, their secrets in SecretStore, the bar's combo and the editor.
#include "environmentcontroller.h"

#include "environmentdialog.h"

#include <app/endpoints/endpointbar.h>
#include <store/secretstore.h>

using namespace Qt::StringLiterals;

namespace Sextant::App {

EnvironmentController::EnvironmentController(Store::SecretStore *secrets, EndpointBar *bar, QWidget *dialogParent,
                                             QObject *parent)
    : QObject(parent), m_secrets(secrets), m_bar(bar), m_dialogParent(dialogParent)
{
    if (m_bar) {
        connect(m_bar, &EndpointBar::environmentPicked, this, &EnvironmentController::setActive);
        connect(m_bar, &EndpointBar::manageEnvironmentsRequested, this, &EnvironmentController::openManager);
    }
}

EnvironmentController::~EnvironmentController() = default;

void EnvironmentController::load(const QString &path)
{
    m_path = path.isEmpty() ? Store::EnvironmentStore::defaultPath() : path;
    QString error;
    m_state = Store::EnvironmentStore::load(m_path, &error);
    if (!error.isEmpty())
        emit problemOccurred(error);
    refreshBar();
    m_unread.clear();
    for (const Store::Environment &environment : std::as_const(m_state.environments))
        for (const Store::EnvironmentVariable &variable : environment.variables)
            if (variable.isSecret) // the file never has their values
                m_unread.insert(environment.secretKey(variable.name));
    readSecrets(m_unread);
    emit environmentsChanged();
    emit activeEnvironmentChanged(m_state.activeId);
}

void EnvironmentController::readSecrets(const QSet<QString> &keys)
{
    ++m_generation;
    m_pendingReads = 0;
    if (!m_secrets)
        return;
    const quint64 generation = m_generation;
    for (const QString &key : keys) {
        ++m_pendingReads;
        m_secrets->readSecret(key, this, [this, key, generation](const Store::SecretStore::ReadResult &result) {
            if (generation != m_generation)
                return;
            if (result.found && m_unread.contains(key)) {
                for (Store::Environment &environment : m_state.environments)
                    for (Store::EnvironmentVariable &variable : environment.variables)
                        if (variable.isSecret && environment.secretKey(variable.name) == key)
                            variable.value = result.value;
                m_unread.remove(key);
            } else if (!result.error.isEmpty()) {
                emit problemOccurred(tr("An environment secret could not be read: %1").arg(result.error));
            }
            if (--m_pendingReads == 0)
                emit secretsRead();
        });
    }
}

std::optional<RequestEnvironment> EnvironmentController::activeEnvironment() const
{
    const Store::Environment *environment = m_state.active();
    if (!environment)
        return std::nullopt;
    RequestEnvironment result;
    result.name = environment->name;
    result.values = environment->values();
    for (const Store::EnvironmentVariable &variable : environment->variables)
        if (variable.isSecret && m_unread.contains(environment->secretKey(variable.name)))
            result.unreadSecrets << variable.name;
    return result;
}

void EnvironmentController::setActive(const QString &id)
{
    const QString active = m_state.find(id) ? id : QString();
    if (m_bar)
        m_bar->setCurrentEnvironment(active);
    if (active == m_state.activeId)
        return;
    m_state.activeId = active;
    save();
    emit activeEnvironmentChanged(active);
}

void EnvironmentController::apply(const Store::EnvironmentStore::State &edited)
{
    const Store::EnvironmentStore::State previous = m_state;
    Store::EnvironmentStore::State next = edited;
    if (!next.find(next.activeId))
        next.activeId.clear();

    const auto reportFailure = [this](const QString &what) {
        return [this, what](bool ok, const QString &error) {
            if (!ok)
                emit problemOccurred(tr("%1: %2").arg(what, error));
        };
    };

    // Secrets that are gone (variable deleted or no longer secret, environment deleted) leave the keychain.
    for (const Store::Environment &old : previous.environments) {
        const Store::Environment *now = next.find(old.id);
        for (const Store::EnvironmentVariable &variable : old.variables) {
            if (!variable.isSecret)
                continue;
            const Store::EnvironmentVariable *kept = now ? now->variable(variable.name) : nullptr;
            if (kept && kept->isSecret)
                continue;
            const QString key = old.secretKey(variable.name);
            m_unread.remove(key);
            if (m_secrets)
                m_secrets->removeSecret(key, this,
                                        reportFailure(tr("The keychain kept the secret {{%1}}").arg(variable.name)));
        }
    }
    // New or changed secret values go to the keychain; an untouched one that was never read stays unread.
    for (const Store::Environment &environment : next.environments) {
        const Store::Environment *old = previous.find(environment.id);
        for (const Store::EnvironmentVariable &variable : environment.variables) {
            if (!variable.isSecret)
                continue;
            const QString key = environment.secretKey(variable.name);
            const Store::EnvironmentVariable *before = old ? old->variable(variable.name) : nullptr;
            const bool wasKnown = before && before->isSecret && !m_unread.contains(key);
            if (wasKnown && before->value == variable.value)
                continue;
            if (variable.value.isEmpty() && !wasKnown) {
                m_unread.insert(key);
                continue;
            }
            m_unread.remove(key);
            if (m_secrets)
                m_secrets->writeSecret(
                    key, variable.value, this,
                    reportFailure(tr("The secret {{%1}} could not be stored in the keychain").arg(variable.name)));
        }
    }

    const QString previousActive = m_state.activeId;
    m_state = next;
    readSecrets(m_unread); // restarts the reads a change may have interrupted (older answers are ignored)
    save();
    refreshBar();
    emit environmentsChanged();
    if (previousActive != m_state.activeId)
        emit activeEnvironmentChanged(m_state.activeId);
}

EnvironmentDialog *EnvironmentController::openManager()
{
    if (m_dialog) {
        m_dialog->raise();
        m_dialog->activateWindow();
        return m_dialog;
    }
    auto *dialog = new EnvironmentDialog(m_state, m_dialogParent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (m_secrets)
        dialog->setNotice(m_secrets->notice());
    connect(dialog, &QDialog::accepted, this, [this, dialog] { apply(dialog->state()); });
    m_dialog = dialog;
    dialog->open();
    return dialog;
}

void EnvironmentController::save()
{
    if (m_path.isEmpty())
        return; // never loaded: nothing to overwrite
    QString error;
    if (!Store::EnvironmentStore::save(m_path, m_state, &error))
        emit problemOccurred(error);
}

void EnvironmentController::refreshBar()
{
    if (!m_bar)
        return;
    QList<QPair<QString, QString>> items;
    for (const Store::Environment &environment : std::as_const(m_state.environments))
        items.append({environment.id, environment.name});
    m_bar->setEnvironments(items, m_state.activeId);
}

} // namespace Sextant::App
