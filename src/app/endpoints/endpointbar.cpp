// SPDX-License-Identifier: MIT
// Sextant: the endpoint bar: profile kind, URL, reload schema, Run, Stop and a status line.
#include "endpointbar.h"

#include "ui_endpointbar.h"

#include <net/endpointprofile.h>

namespace Sextant::App {

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
    connect(m_ui->urlEdit, &QLineEdit::returnPressed, this, &EndpointBar::urlEdited);
    m_ui->operationCombo->setEnabled(false);
    connect(m_ui->operationCombo, &QComboBox::activated, this, [this](int index) {
        if (!m_updating)
            emit operationPicked(index);
    });
    connect(m_ui->kindCombo, &QComboBox::currentIndexChanged, this, [this](int) {
        if (!m_updating)
            emit kindChanged(kind());
    });
}

EndpointBar::~EndpointBar() = default;

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

QString EndpointBar::statusText() const
{
    return m_ui->statusLabel->text();
}

} // namespace Sextant::App
