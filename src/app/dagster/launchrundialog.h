// SPDX-License-Identifier: MIT
// Sextant: the Dagster "Launch run" dialog: job picker, run config form from the schema, validation, launchRun.
#pragma once

#include <net/dagsterjobs.h>
#include <net/dagsterlaunch.h>
#include <net/dagsterrunconfigschema.h>
#include <net/endpointprofile.h>

#include <QDialog>
#include <QJsonObject>
#include <QPointer>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTimer;

namespace Sextant::Net {
class GraphQLClient;
class GraphQLCall;
}

namespace Sextant::App {

class RunConfigForm;

/**
 * Launches a Dagster job (PROTOCOLS.md §4.7): lists the jobs with their repository and code location
 * (repositoriesOrError), fetches the chosen job's run config schema (runConfigSchemaOrError) and builds a
 * RunConfigForm from it; a "JSON" tab shows the runConfigData kept in sync both ways (editing it fills the form;
 * what it holds is what is sent). Tags: "key=value, …" (executionMetadata.tags). Every change re-validates after
 * validateDelayMs (isRunConfigValid; never two checks in flight: a change during a check re-checks when it lands);
 * errors appear in a list and next to their fields. Launch is enabled only while the current config is the one
 * the server last called valid and has no local problems (bad integer, bad JSON). Launch sends launchRun and shows
 * the new run id (runLaunched) or the union error (launchFailed). All answers are parsed off the UI thread.
 * GUI thread only; non-modal use is fine.
 */
class LaunchRunDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LaunchRunDialog)

public:
    static constexpr int validateDelayMs = 400;

    LaunchRunDialog(Net::GraphQLClient *client, const Net::EndpointProfile &endpoint, QWidget *parent = nullptr);
    ~LaunchRunDialog() override;

    /// Reloads the job list from @p endpoint (clears the form).
    void setEndpoint(const Net::EndpointProfile &endpoint);
    QList<Net::DagsterJob> jobs() const { return m_jobs; }
    /// Selects the job named @p jobName (first match; false if the list has none) and loads its schema.
    bool selectJob(const QString &jobName);
    Net::DagsterJob currentJob() const;

    RunConfigForm *form() const { return m_form; }
    /// The runConfigData that would be sent.
    QJsonObject runConfig() const;
    /// Replaces the config (form and JSON tab) and re-validates.
    void setRunConfig(const QJsonObject &config);
    void setTags(const Net::DagsterTags &tags);
    bool isSchemaLoaded() const { return m_schema.ok(); }
    /// The server said the current config is valid (and nothing changed since).
    bool isConfigValid() const;
    bool isLaunchEnabled() const;
    QList<Net::DagsterConfigError> validationErrors() const { return m_validationErrors; }
    /// Validates now (skipping the debounce).
    void validateNow();
    /// Sends launchRun; false (nothing sent) while Launch is disabled.
    bool launch();
    /// The status/error line.
    QString statusText() const;

signals:
    void jobsLoaded();
    void schemaLoaded();
    /// A validation answer for the current config landed.
    void validated(bool valid);
    void runLaunched(const QString &runId);
    void launchFailed(const QString &message);

private:
    void loadJobs();
    void loadSchema();
    void onFormChanged();
    void onRawChanged();
    void configChanged();
    void sendValidation();
    void setStatus(const QString &text, bool error);
    void updateLaunchButton();

    Net::GraphQLClient *m_client;
    Net::EndpointProfile m_endpoint;
    QList<Net::DagsterJob> m_jobs;
    Net::DagsterRunConfigSchema m_schema;
    quint64 m_generation = 0;
    QPointer<Net::GraphQLCall> m_validateCall;
    bool m_validating = false;
    bool m_launching = false;
    bool m_revalidate = false;
    QJsonObject m_validConfig; ///< the config the server last called valid
    bool m_hasValidConfig = false;
    QList<Net::DagsterConfigError> m_validationErrors;
    bool m_rawIsSource = false; ///< the JSON tab was edited last: send what it holds
    QJsonObject m_rawConfig;
    bool m_rawBad = false;

    QComboBox *m_jobCombo = nullptr;
    QLabel *m_jobInfo = nullptr;
    QTabWidget *m_tabs = nullptr;
    RunConfigForm *m_form = nullptr;
    QPlainTextEdit *m_rawEdit = nullptr;
    QLineEdit *m_tagsEdit = nullptr;
    QListWidget *m_errorList = nullptr;
    QLabel *m_statusLabel = nullptr;
    QPushButton *m_validateButton = nullptr;
    QPushButton *m_launchButton = nullptr;
    QTimer *m_validateTimer = nullptr;
    QTimer *m_rawTimer = nullptr;
};

} // namespace Sextant::App
