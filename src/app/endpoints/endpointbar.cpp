// SPDX-License-Identifier: MIT
// Sextant: the endpoint bar: profile kind, environment, URL, reload schema, Run, Stop and a status line.
#include "endpointbar.h"

#include "ui_endpointbar.h"

#include <net/endpointprofile.h>

namespace Sextant::App {

namespace {
constexpr int ManageRole = Qt::UserRole + 1; // marks the "Manage environments…" item
}

EndpointBar::EndpointBar(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::EndpointBar>())
{
    m_ui->setupUi(this);
    for (Net::EndpointKind kind :
         {Net::EndpointKind::Dagster, Net::EndpointKind::DaggerSession, Net::EndpointKind::GenericHttp})
        m_ui->kindCombo->addItem(Net::EndpointProfile::kindName(kind), int(kind));
    m_ui->urlEdit->setMinimumWidth(320);
    m_ui->statusLabel->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);

    connect(m_ui->runButton, &QPushButton::clicked, this, &EndpointBar::runRequested);
    connect(m_ui->stopButton, &QPushButton::clicked, this, &EndpointBar::stopRequested);
    connect(m_ui->reconnectButton, &QToolButton::clicked, this, &EndpointBar::reconnectRequested);
    // Per-endpoint settings (timeout, GET, redirects, subscriptions, cookies, certificates): MainWindow opens them.
    m_settingsButton = new QToolButton(this);
    m_settingsButton->setObjectName(QStringLiteral("settingsButton"));
    m_settingsButton->setText(QStringLiteral("⚙"));
    m_settingsButton->setToolTip(tr("Endpoint settings: timeout, GET for queries, redirects, subscriptions, cookies "
                                    "and trusted certificates"));
    m_settingsButton->setAccessibleName(tr("Endpoint settings"));
    m_ui->layout->insertWidget(m_ui->layout->indexOf(m_ui->reconnectButton) + 1, m_settingsButton);
    connect(m_settingsButton, &QToolButton::clicked, this, &EndpointBar::settingsRequested);
    connect(m_ui->urlEdit, &QLineEdit::returnPressed, this, &EndpointBar::urlEdited);
    m_ui->operationCombo->setEnabled(false);
    connect(m_ui->operationCombo, &QComboBox::activated, this, [this](int index) {
        if (!m_updating)
            emit operationPicked(index);
    });
    setEnvironments({}, QString());
    connect(m_ui->environmentCombo, &QComboBox::activated, this, [this](int index) {
        if (m_updating)
            return;
        if (m_ui->environmentCombo->itemData(index, ManageRole).toBool()) {
            setCurrentEnvironment(m_environmentId); // Manage is an action, not a choice
            emit manageEnvironmentsRequested();
            return;
        }
        const QString id = m_ui->environmentCombo->itemData(index).toString();
        if (id == m_environmentId)
            return;
        m_environmentId = id;
        emit environmentPicked(id);
    });
    connect(m_ui->kindCombo, &QComboBox::currentIndexChanged, this, [this](int) {
        if (!m_updating)
            emit kindChanged(kind());
    });
}

EndpointBar::~EndpointBar() = default;

QToolButton *EndpointBar::settingsButton() const
{
    return m_settingsButton;
}

int EndpointBar::kind() const
{
    return m_ui->kindCombo->currentData().toInt();
}

void EndpointBar::setKind(int kind)
{
    m_updating = true;
    m_ui->kindCombo->setCurrentIndex(qMax(0, m_ui->kindCombo->findData(kind)));
    m_updating = false;
}

QString EndpointBar::urlText() const
{
    return m_ui->urlEdit->text().trimmed();
}

void EndpointBar::setUrlText(const QString &url)
{
    m_ui->urlEdit->setText(url);
}

void EndpointBar::setRunning(bool running)
{
    m_ui->runButton->setEnabled(!running);
    m_ui->stopButton->setEnabled(running);
}

void EndpointBar::setStatus(const QString &text, bool isError)
{
    m_ui->statusLabel->setText(text);
    m_ui->statusLabel->setToolTip(text);
    m_ui->statusLabel->setStyleSheet(isError ? QStringLiteral("color: #b00020;") : QString());
}

void EndpointBar::setOperations(const QStringList &labels, int current)
{
    m_updating = true;
    if (operations() != labels) {
        m_ui->operationCombo->clear();
        m_ui->operationCombo->addItems(labels);
    }
    m_ui->operationCombo->setEnabled(!labels.isEmpty());
    m_ui->operationCombo->setCurrentIndex(labels.isEmpty() ? -1 : qBound(0, current, int(labels.size()) - 1));
    m_updating = false;
}

void EndpointBar::setCurrentOperation(int index)
{
    m_updating = true;
    if (index >= 0 && index < m_ui->operationCombo->count())
        m_ui->operationCombo->setCurrentIndex(index);
    m_updating = false;
}

int EndpointBar::currentOperation() const
{
    return m_ui->operationCombo->currentIndex();
}

QStringList EndpointBar::operations() const
{
    QStringList labels;
    for (int i = 0; i < m_ui->operationCombo->count(); ++i)
        labels << m_ui->operationCombo->itemText(i);
    return labels;
}

void EndpointBar::setEnvironments(const QList<QPair<QString, QString>> &environments, const QString &currentId)
{
    m_updating = true;
    QComboBox *combo = m_ui->environmentCombo;
    combo->clear();
    combo->addItem(tr("No environment"), QString());
    for (const auto &[id, name] : environments)
        combo->addItem(name, id);
    combo->insertSeparator(combo->count());
    combo->addItem(tr("Manage environments…"));
    combo->setItemData(combo->count() - 1, true, ManageRole);
    m_updating = false;
    setCurrentEnvironment(currentId);
}

void EndpointBar::setCurrentEnvironment(const QString &id)
{
    m_updating = true;
    const int index = id.isEmpty() ? 0 : m_ui->environmentCombo->findData(id);
    m_ui->environmentCombo->setCurrentIndex(qMax(0, index));
    m_environmentId = index > 0 ? id : QString();
    m_updating = false;
}

QString EndpointBar::currentEnvironmentId() const
{
    return m_environmentId;
}

QString EndpointBar::currentEnvironmentName() const
{
    return m_environmentId.isEmpty() ? QString() : m_ui->environmentCombo->currentText();
}

void EndpointBar::focusUrl(int column, int length)
{
    m_ui->urlEdit->setFocus(Qt::OtherFocusReason);
    const int start = qBound(0, column - 1, int(m_ui->urlEdit->text().size()));
    if (length > 0)
        m_ui->urlEdit->setSelection(start, length);
    else
        m_ui->urlEdit->setCursorPosition(start);
}

QString EndpointBar::statusText() const
{
    return m_ui->statusLabel->text();
}

} // namespace Sextant::App
