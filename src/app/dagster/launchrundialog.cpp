// SPDX-License-Identifier: MIT
// Sextant: the Dagster "Launch run" dialog: job picker, run config form from the schema, validation, launchRun.
#include "app/dagster/launchrundialog.h"

#include "app/dagster/dagsterrequest.h"
#include "app/dagster/runconfigform.h"

#include <net/graphqlclient.h>

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace Sextant::App {

LaunchRunDialog::LaunchRunDialog(Net::GraphQLClient *client, const Net::EndpointProfile &endpoint, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_endpoint(endpoint)
{
    setObjectName(QStringLiteral("dagsterLaunchRunDialog"));
    setWindowTitle(tr("Launch Dagster Run"));
    resize(720, 640);
    auto *layout = new QVBoxLayout(this);

    auto *top = new QFormLayout;
    m_jobCombo = new QComboBox(this);
    m_jobCombo->setObjectName(QStringLiteral("jobCombo"));
    top->addRow(tr("Job:"), m_jobCombo);
    m_jobInfo = new QLabel(this);
    m_jobInfo->setWordWrap(true);
    top->addRow(QString(), m_jobInfo);
    layout->addLayout(top);

    m_tabs = new QTabWidget(this);
    auto *scroll = new QScrollArea(m_tabs);
    scroll->setWidgetResizable(true);
    m_form = new RunConfigForm(scroll);
    scroll->setWidget(m_form);
    m_tabs->addTab(scroll, tr("Form"));
    m_rawEdit = new QPlainTextEdit(m_tabs);
    m_rawEdit->setObjectName(QStringLiteral("runConfigJsonEdit"));
    QFont mono(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::Monospace);
    m_rawEdit->setFont(mono);
    m_tabs->addTab(m_rawEdit, tr("JSON"));

    m_errorList = new QListWidget(this);
    m_errorList->setObjectName(QStringLiteral("validationErrorList"));
    m_errorList->setWordWrap(true);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_tabs);
    splitter->addWidget(m_errorList);
    splitter->setStretchFactor(0, 4);
    splitter->setStretchFactor(1, 1);
    layout->addWidget(splitter, 1);

    auto *tagsRow = new QFormLayout;
    m_tagsEdit = new QLineEdit(this);
    m_tagsEdit->setObjectName(QStringLiteral("launchTagsEdit"));
    m_tagsEdit->setPlaceholderText(tr("key=value, key2=value2"));
    tagsRow->addRow(tr("Tags:"), m_tagsEdit);
    layout->addLayout(tagsRow);

    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("launchStatusLabel"));
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_statusLabel);

    auto *buttons = new QDialogButtonBox(this);
    m_validateButton = buttons->addButton(tr("Validate"), QDialogButtonBox::ActionRole);
    m_launchButton = buttons->addButton(tr("Launch"), QDialogButtonBox::AcceptRole);
    m_launchButton->setObjectName(QStringLiteral("launchButton"));
    buttons->addButton(QDialogButtonBox::Close);
    layout->addWidget(buttons);

    m_validateTimer = new QTimer(this);
    m_validateTimer->setSingleShot(true);
    m_validateTimer->setInterval(validateDelayMs);
    m_rawTimer = new QTimer(this);
    m_rawTimer->setSingleShot(true);
    m_rawTimer->setInterval(300);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_validateButton, &QPushButton::clicked, this, &LaunchRunDialog::validateNow);
    connect(m_launchButton, &QPushButton::clicked, this, &LaunchRunDialog::launch);
    connect(m_validateTimer, &QTimer::timeout, this, &LaunchRunDialog::sendValidation);
    connect(m_rawTimer, &QTimer::timeout, this, &LaunchRunDialog::onRawChanged);
    connect(m_form, &RunConfigForm::changed, this, &LaunchRunDialog::onFormChanged);
    connect(m_rawEdit, &QPlainTextEdit::textChanged, this, [this] {
        m_rawIsSource = true;
        m_rawBad = true; // until the debounced parse has read it
        updateLaunchButton();
        m_rawTimer->start();
    });
    connect(m_tagsEdit, &QLineEdit::textChanged, this, &LaunchRunDialog::updateLaunchButton);
    connect(m_jobCombo, &QComboBox::currentIndexChanged, this, &LaunchRunDialog::loadSchema);

    updateLaunchButton();
    loadJobs();
}

LaunchRunDialog::~LaunchRunDialog()
{
    ++m_generation;
    if (m_validateCall)
        m_validateCall->abort();
}

void LaunchRunDialog::setEndpoint(const Net::EndpointProfile &endpoint)
{
    m_endpoint = endpoint;
    loadJobs();
}

void LaunchRunDialog::setStatus(const QString &text, bool error)
{
    m_statusLabel->setText(text);
    m_statusLabel->setStyleSheet(error ? QStringLiteral("color: #c62828;") : QString());
}

QString LaunchRunDialog::statusText() const
{
    return m_statusLabel->text();
}

void LaunchRunDialog::loadJobs()
{
    const quint64 generation = ++m_generation;
    m_jobs.clear();
    m_schema = {};
    m_form->setSchema(m_schema);
    {
        const QSignalBlocker blocker(m_jobCombo);
        m_jobCombo->clear();
    }
    setStatus(tr("Loading jobs from %1…").arg(m_endpoint.url.toString()), false);
    updateLaunchButton();
    sendDagsterRequest<Net::DagsterJobList>(
        this, m_client, m_endpoint, Net::DagsterJobsQuery::request(),
        [](const Net::HttpResult &result) { return Net::DagsterJobsQuery::parse(result); },
        [this, generation](const Net::DagsterJobList &list) {
            if (generation != m_generation)
                return;
            if (!list.ok) {
                setStatus(tr("Could not list jobs: %1").arg(list.error.text()), true);
                m_statusLabel->setToolTip(list.error.stack.join(QString()));
                return;
            }
            m_jobs = list.jobs;
            {
                const QSignalBlocker blocker(m_jobCombo);
                for (const Net::DagsterJob &job : std::as_const(m_jobs))
                    m_jobCombo->addItem(job.displayName(!list.isAmbiguous(job.name)));
                m_jobCombo->setCurrentIndex(-1);
            }
            setStatus(m_jobs.isEmpty() ? tr("This webserver has no jobs.") : tr("Pick a job."), m_jobs.isEmpty());
            emit jobsLoaded();
            if (!m_jobs.isEmpty())
                m_jobCombo->setCurrentIndex(0);
        });
}

bool LaunchRunDialog::selectJob(const QString &jobName)
{
    for (int i = 0; i < m_jobs.size(); ++i) {
        if (m_jobs.at(i).name == jobName) {
            if (m_jobCombo->currentIndex() == i)
                loadSchema();
            else
                m_jobCombo->setCurrentIndex(i);
            return true;
        }
    }
    return false;
}

Net::DagsterJob LaunchRunDialog::currentJob() const
{
    const int index = m_jobCombo->currentIndex();
    return index >= 0 && index < m_jobs.size() ? m_jobs.at(index) : Net::DagsterJob();
}

void LaunchRunDialog::loadSchema()
{
    const Net::DagsterJob job = currentJob();
    const quint64 generation = ++m_generation;
    m_schema = {};
    m_form->setSchema(m_schema);
    m_hasValidConfig = false;
    m_validationErrors.clear();
    m_errorList->clear();
    m_rawIsSource = false;
    m_rawBad = false;
    updateLaunchButton();
    if (!job.isValid())
        return;
    m_jobInfo->setText(tr("%1 in repository %2, code location %3%4")
                           .arg(job.name, job.repository, job.location,
                                job.description.isEmpty() ? QString() : QStringLiteral("\n") + job.description));
    setStatus(tr("Loading the run config schema of %1…").arg(job.name), false);
    sendDagsterRequest<Net::DagsterRunConfigSchema>(
        this, m_client, m_endpoint, Net::DagsterRunConfigSchema::request(job),
        [](const Net::HttpResult &result) { return Net::DagsterRunConfigSchema::parse(result); },
        [this, generation](const Net::DagsterRunConfigSchema &schema) {
            if (generation != m_generation)
                return;
            if (!schema.ok()) {
                setStatus(tr("Could not load the run config schema: %1").arg(schema.error().text()), true);
                m_statusLabel->setToolTip(schema.error().stack.join(QString()));
                return;
            }
            m_schema = schema;
            m_form->setSchema(schema);
            setStatus(tr("Fill in the run config; it is validated as you type."), false);
            emit schemaLoaded();
            onFormChanged();
        });
}

QJsonObject LaunchRunDialog::runConfig() const
{
    return m_rawIsSource ? m_rawConfig : m_form->value();
}

void LaunchRunDialog::setRunConfig(const QJsonObject &config)
{
    m_form->setValue(config);
    m_rawIsSource = m_form->value() != config;
    m_rawConfig = config;
    m_rawBad = false;
    {
        const QSignalBlocker blocker(m_rawEdit);
        m_rawEdit->setPlainText(QString::fromUtf8(QJsonDocument(config).toJson(QJsonDocument::Indented)));
    }
    configChanged();
}

void LaunchRunDialog::setTags(const Net::DagsterTags &tags)
{
    QStringList texts;
    for (const auto &[key, value] : tags)
        texts << key + QLatin1Char('=') + value;
    m_tagsEdit->setText(texts.join(QStringLiteral(", ")));
}

void LaunchRunDialog::onFormChanged()
{
    m_rawIsSource = false;
    m_rawBad = false;
    m_rawTimer->stop();
    {
        const QSignalBlocker blocker(m_rawEdit);
        m_rawEdit->setPlainText(QString::fromUtf8(QJsonDocument(m_form->value()).toJson(QJsonDocument::Indented)));
    }
    configChanged();
}

void LaunchRunDialog::onRawChanged()
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(m_rawEdit->toPlainText().toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        m_rawBad = true;
        setStatus(error.error != QJsonParseError::NoError
                      ? tr("JSON tab: %1 at offset %2").arg(error.errorString()).arg(error.offset)
                      : tr("JSON tab: the run config must be a JSON object"),
                  true);
        updateLaunchButton();
        return;
    }
    m_rawBad = false;
    m_rawIsSource = true;
    m_rawConfig = document.object();
    m_form->setValue(m_rawConfig);
    if (m_form->value() == m_rawConfig)
        m_rawIsSource = false; // the form holds it all
    configChanged();
}

void LaunchRunDialog::configChanged()
{
    updateLaunchButton();
    if (m_schema.ok())
        m_validateTimer->start();
}

void LaunchRunDialog::validateNow()
{
    m_validateTimer->stop();
    sendValidation();
}

void LaunchRunDialog::sendValidation()
{
    if (!m_schema.ok())
        return;
    if (m_validating) {
        m_revalidate = true;
        return;
    }
    QStringList problems = m_rawIsSource ? QStringList() : m_form->problems();
    if (m_rawBad)
        problems << tr("JSON tab: not a valid JSON object");
    if (!problems.isEmpty()) {
        m_errorList->clear();
        m_errorList->addItems(problems);
        setStatus(tr("Fix the marked values first."), true);
        updateLaunchButton();
        emit validated(false);
        return;
    }
    const QJsonObject config = runConfig();
    const quint64 generation = m_generation;
    m_validating = true;
    m_revalidate = false;
    setStatus(tr("Validating…"), false);
    m_validateCall = sendDagsterRequest<Net::DagsterConfigValidation>(
        this, m_client, m_endpoint, Net::DagsterRunConfigSchema::validateRequest(currentJob(), config),
        [](const Net::HttpResult &result) { return Net::DagsterRunConfigSchema::parseValidation(result); },
        [this, generation, config](const Net::DagsterConfigValidation &validation) {
            m_validating = false;
            m_validateCall = nullptr;
            if (generation != m_generation) {
                if (m_revalidate)
                    m_validateTimer->start();
                return;
            }
            const bool current = config == runConfig() && !m_rawBad;
            if (current) {
                m_errorList->clear();
                if (!validation.ok) {
                    m_hasValidConfig = false;
                    setStatus(tr("Validation failed: %1").arg(validation.error.text()), true);
                    m_statusLabel->setToolTip(validation.error.stack.join(QString()));
                } else {
                    m_hasValidConfig = validation.valid;
                    m_validConfig = config;
                    m_validationErrors = validation.errors;
                    m_form->showErrors(validation.errors);
                    for (const Net::DagsterConfigError &error : validation.errors)
                        m_errorList->addItem(error.pathString() + QStringLiteral(": ") + error.message);
                    setStatus(validation.valid ? tr("Run config is valid.")
                                               : tr("Run config is invalid: %n error(s).", nullptr,
                                                    int(validation.errors.size())),
                              !validation.valid);
                }
                updateLaunchButton();
                emit validated(validation.ok && validation.valid);
            }
            if (m_revalidate || !current)
                m_validateTimer->start();
        });
}

bool LaunchRunDialog::isConfigValid() const
{
    if (!m_schema.ok() || !m_hasValidConfig || m_rawBad || m_validating)
        return false;
    if (!m_rawIsSource && !m_form->problems().isEmpty())
        return false;
    return runConfig() == m_validConfig;
}

bool LaunchRunDialog::isLaunchEnabled() const
{
    return m_launchButton->isEnabled();
}

void LaunchRunDialog::updateLaunchButton()
{
    const bool tagsOk = Net::DagsterRunsFilter::parseTags(m_tagsEdit->text()).has_value();
    m_launchButton->setEnabled(isConfigValid() && tagsOk && !m_launching);
    m_launchButton->setToolTip(tagsOk ? QString() : tr("Tags must be key=value items"));
    m_validateButton->setEnabled(m_schema.ok());
}

bool LaunchRunDialog::launch()
{
    updateLaunchButton();
    if (!m_launchButton->isEnabled())
        return false;
    const auto tags = Net::DagsterRunsFilter::parseTags(m_tagsEdit->text());
    const Net::DagsterJob job = currentJob();
    m_launching = true;
    updateLaunchButton();
    setStatus(tr("Launching %1…").arg(job.name), false);
    sendDagsterRequest<Net::DagsterLaunchResult>(
        this, m_client, m_endpoint, Net::DagsterLaunch::request(job, runConfig(), tags.value_or(Net::DagsterTags())),
        [](const Net::HttpResult &result) { return Net::DagsterLaunch::parse(result); },
        [this, job](const Net::DagsterLaunchResult &result) {
            m_launching = false;
            updateLaunchButton();
            if (result.ok) {
                setStatus(tr("Launched %1: run %2 (%3)").arg(job.name, result.runId, result.status), false);
                emit runLaunched(result.runId);
                return;
            }
            if (!result.configErrors.isEmpty()) {
                m_form->showErrors(result.configErrors);
                m_hasValidConfig = false;
                updateLaunchButton();
            }
            setStatus(tr("Launch failed: %1").arg(result.error.text()), true);
            m_statusLabel->setToolTip(result.error.stack.join(QString()));
            emit launchFailed(result.error.text());
        });
    return true;
}

} // namespace Sextant::App
