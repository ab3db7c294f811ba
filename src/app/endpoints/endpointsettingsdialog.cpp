// SPDX-License-Identifier: MIT
// Sextant: the Endpoint settings dialog: timeout, GET, redirects, subscriptions, cookies and trusted certificates.
#include "endpointsettingsdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QNetworkCookie>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Sextant::App {

namespace {

const QString Mask = u"••••••"_s;

QString dateText(const QDateTime &dateTime)
{
    return dateTime.isValid() ? dateTime.toUTC().toString(u"yyyy-MM-dd HH:mm 'UTC'"_s) : QString();
}

QTableWidget *makeTable(const QStringList &columns, QWidget *parent)
{
    auto *table = new QTableWidget(0, int(columns.size()), parent);
    table->setHorizontalHeaderLabels(columns);
    table->horizontalHeader()->setStretchLastSection(true);
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    table->setWordWrap(false);
    table->setMinimumHeight(110);
    return table;
}

QString secondsText(int ms)
{
    if (ms <= 0)
        return EndpointSettingsDialog::tr("none");
    return EndpointSettingsDialog::tr("%1 s").arg(QLocale().toString((ms + 999) / 1000));
}

} // namespace

QList<EndpointCookieRow> EndpointCookieRow::fromCookies(const QList<QNetworkCookie> &cookies)
{
    QList<EndpointCookieRow> rows;
    rows.reserve(cookies.size());
    for (const QNetworkCookie &cookie : cookies) {
        EndpointCookieRow row;
        row.name = QString::fromUtf8(cookie.name());
        row.domain = cookie.domain();
        row.path = cookie.path();
        row.expires = cookie.isSessionCookie() ? QDateTime() : cookie.expirationDate();
        row.secure = cookie.isSecure();
        row.httpOnly = cookie.isHttpOnly();
        rows.append(row);
    }
    return rows;
}

EndpointSettingsDialog::EndpointSettingsDialog(QWidget *parent)
    : QDialog(parent)
    , m_endpointLabel(new QLabel(this))
    , m_timeoutMode(new QComboBox(this))
    , m_timeoutSeconds(new QSpinBox(this))
    , m_useGet(new QCheckBox(tr("Use GET for queries"), this))
    , m_crossOrigin(
          new QCheckBox(tr("Follow redirects to other origins (credentials and cookies are never sent there)"), this))
    , m_protocol(new QComboBox(this))
    , m_subscriptionUrl(new QLineEdit(this))
    , m_cookies(makeTable({tr("Name"), tr("Value"), tr("Domain"), tr("Path"), tr("Expires")}, this))
    , m_clearCookies(new QPushButton(tr("Clear cookies"), this))
    , m_certificates(
          makeTable({tr("Host"), tr("SHA-256"), tr("Subject"), tr("Issuer"), tr("Expires"), tr("Added")}, this))
    , m_removeCertificates(new QPushButton(tr("Remove"), this))
    , m_problem(new QLabel(this))
{
    setWindowTitle(tr("Endpoint Settings"));
    setObjectName(u"EndpointSettingsDialog"_s);
    auto *layout = new QVBoxLayout(this);
    m_endpointLabel->setObjectName(u"endpointLabel"_s);
    m_endpointLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_endpointLabel->setWordWrap(true);
    layout->addWidget(m_endpointLabel);

    // Requests.
    auto *requests = new QGroupBox(tr("Requests"), this);
    auto *requestForm = new QFormLayout(requests);
    m_timeoutMode->setObjectName(u"timeoutModeCombo"_s);
    m_timeoutMode->addItem(tr("Default"), int(DefaultTimeout));
    m_timeoutMode->addItem(tr("No timeout"), int(NoTimeout));
    m_timeoutMode->addItem(tr("Custom"), int(CustomTimeout));
    m_timeoutSeconds->setObjectName(u"timeoutSpin"_s);
    m_timeoutSeconds->setRange(1, Store::EndpointSettingsStore::MaxTimeoutMs / 1000);
    m_timeoutSeconds->setValue(60);
    m_timeoutSeconds->setSuffix(tr(" s"));
    m_timeoutSeconds->setToolTip(tr("Transfer (inactivity) timeout: the request fails when nothing arrives for this "
                                    "long"));
    auto *timeoutRow = new QHBoxLayout;
    timeoutRow->addWidget(m_timeoutMode, 1);
    timeoutRow->addWidget(m_timeoutSeconds);
    requestForm->addRow(tr("&Timeout:"), timeoutRow);
    m_useGet->setObjectName(u"useGetCheck"_s);
    m_useGet->setToolTip(tr("Queries are sent as GET with URL parameters; mutations and subscriptions stay POST"));
    requestForm->addRow(m_useGet);
    m_crossOrigin->setObjectName(u"crossOriginRedirectsCheck"_s);
    m_crossOrigin->setToolTip(tr("Off: redirects are followed within the same origin (scheme, host and port) only"));
    requestForm->addRow(m_crossOrigin);
    layout->addWidget(requests);

    // Subscriptions.
    auto *subscriptions = new QGroupBox(tr("Subscriptions"), this);
    auto *subscriptionForm = new QFormLayout(subscriptions);
    m_protocol->setObjectName(u"subscriptionProtocolCombo"_s);
    m_protocol->addItem(tr("Automatic (the server picks)"), u"auto"_s);
    m_protocol->addItem(u"graphql-transport-ws"_s, u"graphql-transport-ws"_s);
    m_protocol->addItem(tr("graphql-ws (legacy, Dagster)"), u"graphql-ws"_s);
    subscriptionForm->addRow(tr("&Protocol:"), m_protocol);
    m_subscriptionUrl->setObjectName(u"subscriptionUrlEdit"_s);
    m_subscriptionUrl->setClearButtonEnabled(true);
    subscriptionForm->addRow(tr("&WebSocket URL:"), m_subscriptionUrl);
    layout->addWidget(subscriptions);

    // Cookies of this endpoint.
    auto *cookies = new QGroupBox(tr("Cookies"), this);
    auto *cookieLayout = new QVBoxLayout(cookies);
    m_cookies->setObjectName(u"cookiesTable"_s);
    cookieLayout->addWidget(m_cookies);
    m_clearCookies->setObjectName(u"clearCookiesButton"_s);
    m_clearCookies->setAutoDefault(false);
    auto *cookieButtons = new QHBoxLayout;
    cookieButtons->addStretch(1);
    cookieButtons->addWidget(m_clearCookies);
    cookieLayout->addLayout(cookieButtons);
    layout->addWidget(cookies);

    // Trusted certificates (every host).
    auto *certificates = new QGroupBox(tr("Trusted certificates (all hosts)"), this);
    auto *certificateLayout = new QVBoxLayout(certificates);
    m_certificates->setObjectName(u"certificatesTable"_s);
    certificateLayout->addWidget(m_certificates);
    m_removeCertificates->setObjectName(u"removeCertificatesButton"_s);
    m_removeCertificates->setAutoDefault(false);
    auto *certificateButtons = new QHBoxLayout;
    certificateButtons->addStretch(1);
    certificateButtons->addWidget(m_removeCertificates);
    certificateLayout->addLayout(certificateButtons);
    layout->addWidget(certificates);

    m_problem->setObjectName(u"problemLabel"_s);
    m_problem->setStyleSheet(u"color: #b00020;"_s);
    m_problem->setWordWrap(true);
    m_problem->hide();
    layout->addWidget(m_problem);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, &EndpointSettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &EndpointSettingsDialog::reject);
    connect(m_timeoutMode, &QComboBox::currentIndexChanged, this, &EndpointSettingsDialog::updateTimeoutControls);
    connect(m_subscriptionUrl, &QLineEdit::textEdited, m_problem, &QLabel::hide);
    connect(m_clearCookies, &QPushButton::clicked, this, [this] { emit clearCookiesRequested(m_profileKey); });
    connect(m_removeCertificates, &QPushButton::clicked, this, &EndpointSettingsDialog::removeSelectedCertificates);
    connect(m_certificates->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { m_removeCertificates->setEnabled(m_certificates->selectionModel()->hasSelection()); });
    setCookies({});
    setTrustedCertificates({});
    updateTimeoutControls();
    resize(720, 640);
}

EndpointSettingsDialog::~EndpointSettingsDialog() = default;

void EndpointSettingsDialog::setEndpoint(const Net::EndpointProfile &profile, int preferencesTimeoutMs)
{
    m_profileKey = profile.profileKey();
    m_endpointLabel->setText(Net::EndpointProfile::kindName(profile.kind) + u' '
                             + profile.url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery));
    const QString defaultText = profile.kind == Net::EndpointKind::DaggerSession
                                    ? tr("Default (none for a Dagger session)")
                                    : tr("Default (Preferences: %1)").arg(secondsText(preferencesTimeoutMs));
    m_timeoutMode->setItemText(DefaultTimeout, defaultText);
    Net::EndpointProfile derived = profile;
    derived.subscriptionUrl.clear();
    m_subscriptionUrl->setPlaceholderText(
        tr("%1 (from the endpoint URL)").arg(derived.effectiveSubscriptionUrl().toDisplayString(QUrl::RemoveUserInfo)));
}

QString EndpointSettingsDialog::profileKey() const
{
    return m_profileKey;
}

void EndpointSettingsDialog::setSettings(const Store::EndpointSettings &settings)
{
    if (!settings.timeoutMs) {
        m_timeoutMode->setCurrentIndex(DefaultTimeout);
    } else if (*settings.timeoutMs <= 0) {
        m_timeoutMode->setCurrentIndex(NoTimeout);
    } else {
        m_timeoutMode->setCurrentIndex(CustomTimeout);
        m_timeoutSeconds->setValue((*settings.timeoutMs + 999) / 1000);
    }
    m_useGet->setChecked(settings.useGetForQueries);
    m_crossOrigin->setChecked(settings.allowCrossOriginRedirects);
    const QString id = settings.subscriptionProtocolId.trimmed().toLower();
    int index = m_protocol->findData(id.isEmpty() ? u"auto"_s : id);
    if (index < 0) { // written by a newer version: keep it rather than lose it on OK
        m_protocol->addItem(tr("%1 (not known to this version)").arg(id), id);
        index = m_protocol->count() - 1;
    }
    m_protocol->setCurrentIndex(index);
    m_subscriptionUrl->setText(settings.subscriptionUrl);
    m_problem->hide();
    updateTimeoutControls();
}

Store::EndpointSettings EndpointSettingsDialog::settings() const
{
    Store::EndpointSettings settings;
    switch (m_timeoutMode->currentData().toInt()) {
    case NoTimeout:
        settings.timeoutMs = 0;
        break;
    case CustomTimeout:
        settings.timeoutMs = m_timeoutSeconds->value() * 1000;
        break;
    default:
        break;
    }
    settings.useGetForQueries = m_useGet->isChecked();
    settings.allowCrossOriginRedirects = m_crossOrigin->isChecked();
    settings.subscriptionProtocolId = m_protocol->currentData().toString();
    settings.subscriptionUrl = m_subscriptionUrl->text().trimmed();
    return settings;
}

QString EndpointSettingsDialog::validationError() const
{
    const QString text = m_subscriptionUrl->text().trimmed();
    if (text.isEmpty())
        return {};
    const QUrl url(text, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty() || (scheme != u"ws"_s && scheme != u"wss"_s))
        return tr("The WebSocket URL must start with ws:// or wss:// and name a host, such as "
                  "ws://127.0.0.1:3000/graphql; leave it empty to derive it from the endpoint URL.");
    return {};
}

void EndpointSettingsDialog::setCookies(const QList<EndpointCookieRow> &cookies)
{
    m_cookies->clearContents();
    m_cookies->setRowCount(int(cookies.size()));
    for (int row = 0; row < cookies.size(); ++row) {
        const EndpointCookieRow &cookie = cookies.at(row);
        QStringList flags;
        if (cookie.secure)
            flags << tr("Secure");
        if (cookie.httpOnly)
            flags << u"HttpOnly"_s;
        auto *name = new QTableWidgetItem(cookie.name);
        name->setToolTip(flags.join(u", "_s));
        m_cookies->setItem(row, 0, name);
        m_cookies->setItem(row, 1, new QTableWidgetItem(Mask));
        m_cookies->setItem(row, 2, new QTableWidgetItem(cookie.domain));
        m_cookies->setItem(row, 3, new QTableWidgetItem(cookie.path));
        m_cookies->setItem(row, 4,
                           new QTableWidgetItem(cookie.expires.isValid() ? dateText(cookie.expires) : tr("Session")));
    }
    m_clearCookies->setEnabled(!cookies.isEmpty() && !m_profileKey.isEmpty());
    m_cookies->setToolTip(cookies.isEmpty() ? tr("No cookies for this endpoint") : QString());
}

void EndpointSettingsDialog::setTrustedCertificates(const QList<Store::TrustedCertificate> &certificates)
{
    m_certificateList = certificates;
    m_certificates->clearSelection();
    m_certificates->clearContents();
    m_certificates->setRowCount(int(certificates.size()));
    for (int row = 0; row < certificates.size(); ++row) {
        const Store::TrustedCertificate &certificate = certificates.at(row);
        const QString fingerprint = Store::TrustedCertificate::formatFingerprint(certificate.sha256Hex);
        auto *fingerprintItem = new QTableWidgetItem(fingerprint);
        fingerprintItem->setToolTip(fingerprint);
        m_certificates->setItem(row, 0, new QTableWidgetItem(certificate.hostPort));
        m_certificates->setItem(row, 1, fingerprintItem);
        m_certificates->setItem(row, 2, new QTableWidgetItem(certificate.subject));
        m_certificates->setItem(row, 3, new QTableWidgetItem(certificate.issuer));
        m_certificates->setItem(row, 4, new QTableWidgetItem(dateText(certificate.notAfter)));
        m_certificates->setItem(row, 5, new QTableWidgetItem(dateText(certificate.addedAt)));
    }
    m_removeCertificates->setEnabled(false);
    m_certificates->setToolTip(certificates.isEmpty() ? tr("No trusted certificates") : QString());
}

int EndpointSettingsDialog::removeSelectedCertificates()
{
    QList<int> rows;
    for (const QModelIndex &index : m_certificates->selectionModel()->selectedRows())
        rows << index.row();
    std::sort(rows.begin(), rows.end());
    // Copies first: a slot may refresh the list (and the table) while we emit.
    QList<Store::TrustedCertificate> chosen;
    for (int row : std::as_const(rows))
        if (row >= 0 && row < m_certificateList.size())
            chosen << m_certificateList.at(row);
    for (const Store::TrustedCertificate &certificate : std::as_const(chosen))
        emit untrustRequested(certificate.hostPort, certificate.sha256Hex);
    return int(chosen.size());
}

QComboBox *EndpointSettingsDialog::timeoutModeCombo() const { return m_timeoutMode; }
QSpinBox *EndpointSettingsDialog::timeoutSpin() const { return m_timeoutSeconds; }
QCheckBox *EndpointSettingsDialog::useGetCheck() const { return m_useGet; }
QCheckBox *EndpointSettingsDialog::crossOriginRedirectsCheck() const { return m_crossOrigin; }
QComboBox *EndpointSettingsDialog::subscriptionProtocolCombo() const { return m_protocol; }
QLineEdit *EndpointSettingsDialog::subscriptionUrlEdit() const { return m_subscriptionUrl; }
QTableWidget *EndpointSettingsDialog::cookiesTable() const { return m_cookies; }
QPushButton *EndpointSettingsDialog::clearCookiesButton() const { return m_clearCookies; }
QTableWidget *EndpointSettingsDialog::certificatesTable() const { return m_certificates; }
QPushButton *EndpointSettingsDialog::removeCertificatesButton() const { return m_removeCertificates; }

QString EndpointSettingsDialog::problemText() const
{
    return m_problem->isVisibleTo(this) ? m_problem->text() : QString();
}

void EndpointSettingsDialog::accept()
{
    const QString problem = validationError();
    if (!problem.isEmpty()) {
        m_problem->setText(problem);
        m_problem->show();
        m_subscriptionUrl->setFocus();
        return;
    }
    m_problem->hide();
    emit settingsAccepted(m_profileKey, settings());
    QDialog::accept();
}

void EndpointSettingsDialog::updateTimeoutControls()
{
    const bool custom = m_timeoutMode->currentData().toInt() == CustomTimeout;
    m_timeoutSeconds->setEnabled(custom);
    m_timeoutSeconds->setVisible(custom);
}

} // namespace Sextant::App
