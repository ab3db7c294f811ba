// SPDX-License-Identifier: MIT
// Sextant: the window's environments: the file, their secrets in SecretStore, the bar's combo and the editor.
#pragma once

#include <app/run/requestpreparation.h>
#include <store/environmentstore.h>

#include <QObject>
#include <QPointer>
#include <QSet>

#include <optional>

class QWidget;

namespace Sextant::Store {
class SecretStore;
}

namespace Sextant::App {

class EndpointBar;
class EnvironmentDialog;

/**
 * Owns the environments of the window (Store::EnvironmentStore::State, secret values in memory only) and keeps
 * three things in step: the environments file (saved on every change; never a secret value), the keychain
 * (Store::SecretStore: every secret variable under Environment::secretKey) and the EndpointBar's combo (picking
 * an environment makes it active and saves the choice; "Manage environments…" opens EnvironmentDialog).
 *
 * load() reads the file and asks the keychain for every secret value; until a value arrives (or when the keychain
 * does not have it) the variable is listed in RequestEnvironment::unreadSecrets, so Run refuses to send rather
 * than send an empty token. GUI thread only. Bad input: file and keychain errors are reported through
 * problemOccurred() (a one-line message without any value) and leave the environments usable in memory.
 */
class EnvironmentController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EnvironmentController)

public:
    /// @p bar may be null (no combo); @p dialogParent parents the editor dialog.
    EnvironmentController(Store::SecretStore *secrets, EndpointBar *bar, QWidget *dialogParent,
                          QObject *parent = nullptr);
    ~EnvironmentController() override;

    /// Reads @p path (default: EnvironmentStore::defaultPath()) and the secrets; saves go to the same path.
    void load(const QString &path = QString());
    const Store::EnvironmentStore::State &state() const { return m_state; }
    QString activeId() const { return m_state.activeId; }
    /// The active environment for prepareRequest(), or nullopt when "No environment" is selected.
    std::optional<RequestEnvironment> activeEnvironment() const;
    /// True while secret values are still being read from the keychain.
    bool isReadingSecrets() const { return m_pendingReads > 0; }

    /// Makes @p id active (empty = none), updates the bar, saves; emits activeEnvironmentChanged when it changed.
    void setActive(const QString &id);
    /// Replaces every environment with @p edited (the editor's result): writes changed secrets to the keychain,
    /// removes the secrets of deleted variables and environments, saves the file and refreshes the bar.
    void apply(const Store::EnvironmentStore::State &edited);
    /// Opens the editor without blocking (QDialog::open); its OK applies the result. Returns the dialog (deleted
    /// on close); an already open editor is raised and returned.
    EnvironmentDialog *openManager();

signals:
    void activeEnvironmentChanged(const QString &id);
    void environmentsChanged();
    void secretsRead(); ///< the last pending keychain read finished
    void problemOccurred(const QString &message);

private:
    void save();
    void refreshBar();
    void readSecrets(const QSet<QString> &keys);

    Store::SecretStore *m_secrets;
    QPointer<EndpointBar> m_bar;
    QPointer<QWidget> m_dialogParent;
    QPointer<EnvironmentDialog> m_dialog;
    QString m_path;
    Store::EnvironmentStore::State m_state;
    QSet<QString> m_unread; ///< secret keys whose value is not in memory
    int m_pendingReads = 0;
    quint64 m_generation = 0; ///< bumps on load() and apply(): older keychain answers are ignored
};

} // namespace Sextant::App
