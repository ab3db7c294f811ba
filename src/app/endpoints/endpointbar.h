// SPDX-License-Identifier: MIT
// Sextant: the endpoint bar: profile kind, environment, URL, reload schema, Run, Stop and a status line.
#pragma once

#include <QList>
#include <QPair>
#include <QWidget>

#include <memory>

class QToolButton;

namespace Ui {
class EndpointBar;
}

namespace Sextant::App {

/**
 * The bar above the editor (ui/endpoints/endpointbar.ui). Owns only its widgets; the endpoint itself (and any
 * secret) lives in MainWindow. Kinds are the Net::EndpointKind values in order: Dagster webserver, Dagger session,
 * GraphQL over HTTP. The environment combo lists "No environment", the environments (by id) and "Manage
 * environments…"; choosing Manage does not change the selection. GUI thread only.
 */
class EndpointBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EndpointBar)

public:
    explicit EndpointBar(QWidget *parent = nullptr);
    ~EndpointBar() override;

    int kind() const;              ///< Net::EndpointKind as int
    void setKind(int kind);        ///< does not emit endpointEdited
    QString urlText() const;
    void setUrlText(const QString &url); ///< does not emit endpointEdited
    void setRunning(bool running); ///< Run disabled and Stop enabled while a request runs
    void setStatus(const QString &text, bool isError = false);
    QString statusText() const;

    /// Lists the document's operations ("query Runs", "mutation (anonymous)"); does not emit operationPicked.
    void setOperations(const QStringList &labels, int current);
    void setCurrentOperation(int index); ///< does not emit operationPicked
    int currentOperation() const;        ///< -1 when the document has no operation
    QStringList operations() const;

    /// Fills the environment combo with (id, name) pairs and selects @p currentId (empty or unknown = "No
    /// environment"); does not emit environmentPicked.
    void setEnvironments(const QList<QPair<QString, QString>> &environments, const QString &currentId);
    void setCurrentEnvironment(const QString &id); ///< does not emit environmentPicked
    QString currentEnvironmentId() const;          ///< empty = no environment
    QString currentEnvironmentName() const;        ///< empty = no environment
    /// The "⚙" button next to Reload schema that emits settingsRequested().
    QToolButton *settingsButton() const;
    /// Puts the caret in the URL field at the 1-based @p column and selects @p length characters (a URL problem).
    void focusUrl(int column, int length = 0);

signals:
    void runRequested();
    void stopRequested();
    void reconnectRequested();
    void kindChanged(int kind);    ///< the user picked another profile kind
    void urlEdited();              ///< the user pressed Enter in the URL field
    void operationPicked(int index); ///< the user chose an operation in the picker
    void environmentPicked(const QString &id); ///< the user chose another environment (empty id = none)
    void manageEnvironmentsRequested();        ///< the user chose "Manage environments…"
    void settingsRequested();                  ///< the user pressed "Endpoint settings" (⚙)

private:
    std::unique_ptr<Ui::EndpointBar> m_ui;
    bool m_updating = false;
    QString m_environmentId; ///< the selection before "Manage environments…" was chosen
    QToolButton *m_settingsButton = nullptr;
};

} // namespace Sextant::App
