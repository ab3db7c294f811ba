// SPDX-License-Identifier: MIT
// Sextant: the result pane's Headers tab: the HTTP status line and every response header, Set-Cookie masked.
#include "responseheadersview.h"

#include <net/httpresult.h>

#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QShortcut>
#include <QStringDecoder>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Sextant::App {

namespace {

const QString Mask = u"••••••"_s;

QString decoded(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless); // a cut sequence is an error too
    QString text = decoder(bytes);
    if (decoder.hasError())
        text = QString::fromLatin1(bytes);
    return text;
}

} // namespace

ResponseHeaders ResponseHeaders::fromResult(const Net::HttpResult &result)
{
    ResponseHeaders headers;
    headers.httpStatus = result.httpStatus;
    headers.reasonPhrase = result.reasonPhrase;
    headers.headers = result.responseHeaders;
    return headers;
}

QString ResponseHeaders::statusLine() const
{
    if (httpStatus <= 0)
        return {};
    QByteArray reason = reasonPhrase.trimmed();
    if (reason.isEmpty())
        reason = Net::HttpResult::standardReasonPhrase(httpStatus);
    QString line = u"HTTP "_s + QString::number(httpStatus);
    if (!reason.isEmpty())
        line += u' ' + decoded(reason);
    return line;
}

QString ResponseHeaders::displayValue(const QByteArray &name, const QByteArray &value)
{
    const QByteArray lower = name.trimmed().toLower();
    if (lower != "set-cookie" && lower != "set-cookie2")
        return decoded(value);
    // RFC 6265 §4.1: cookie-pair *( ";" SP cookie-av ). Only the pair's value is a secret.
    const qsizetype semicolon = value.indexOf(';');
    const QByteArray pair = semicolon < 0 ? value : value.left(semicolon);
    const QByteArray attributes = semicolon < 0 ? QByteArray() : value.mid(semicolon);
    const qsizetype equals = pair.indexOf('=');
    const QString cookieName = equals < 0 ? QString() : decoded(pair.left(equals).trimmed());
    return (cookieName.isEmpty() ? Mask : cookieName + u'=' + Mask) + decoded(attributes);
}

ResponseHeadersView::ResponseHeadersView(QWidget *parent)
    : QWidget(parent)
    , m_statusLabel(new QLabel(this))
    , m_table(new QTableWidget(0, 2, this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    m_statusLabel->setObjectName(u"headersStatusLabel"_s);
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_statusLabel);
    m_table->setObjectName(u"headersTable"_s);
    m_table->setHorizontalHeaderLabels({tr("Name"), tr("Value")});
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->resizeSection(0, 220);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setWordWrap(false);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    layout->addWidget(m_table);
    connect(m_table, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        QMenu *menu = createContextMenu();
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->popup(m_table->viewport()->mapToGlobal(pos));
    });
    auto *copy = new QShortcut(QKeySequence::Copy, m_table, nullptr, nullptr, Qt::WidgetShortcut);
    connect(copy, &QShortcut::activated, this, &ResponseHeadersView::copySelection);
    clear();
}

ResponseHeadersView::~ResponseHeadersView() = default;

void ResponseHeadersView::setHeaders(const ResponseHeaders &headers)
{
    m_headers = headers;
    m_table->clearContents();
    m_table->setRowCount(int(headers.headers.size()));
    for (int row = 0; row < headers.headers.size(); ++row) {
        const auto &[name, value] = headers.headers.at(row);
        auto *nameItem = new QTableWidgetItem(QString::fromLatin1(name));
        const QString shown = ResponseHeaders::displayValue(name, value);
        auto *valueItem = new QTableWidgetItem(shown);
        valueItem->setToolTip(shown.size() > 80 ? shown : QString());
        m_table->setItem(row, 0, nameItem);
        m_table->setItem(row, 1, valueItem);
    }
    if (headers.httpStatus > 0)
        m_statusLabel->setText(headers.statusLine());
    else if (headers.headers.isEmpty())
        m_statusLabel->setText(tr("No HTTP response."));
    else
        m_statusLabel->setText(QString());
}

void ResponseHeadersView::clear()
{
    setHeaders({});
}

ResponseHeaders ResponseHeadersView::headers() const
{
    return m_headers;
}

QString ResponseHeadersView::statusText() const
{
    return m_statusLabel->text();
}

QString ResponseHeadersView::selectedText() const
{
    QList<int> rows;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        rows << index.row();
    std::sort(rows.begin(), rows.end());
    QStringList lines;
    for (int row : std::as_const(rows))
        lines << m_table->item(row, 0)->text() + u": "_s + m_table->item(row, 1)->text();
    return lines.join(u'\n');
}

QString ResponseHeadersView::allText() const
{
    QStringList lines;
    if (m_headers.httpStatus > 0)
        lines << m_headers.statusLine();
    for (const auto &[name, value] : m_headers.headers)
        lines << QString::fromLatin1(name) + u": "_s + ResponseHeaders::displayValue(name, value);
    return lines.join(u'\n');
}

void ResponseHeadersView::copySelection() const
{
    const QString text = selectedText();
    if (!text.isEmpty())
        QGuiApplication::clipboard()->setText(text);
}

void ResponseHeadersView::copyAll() const
{
    const QString text = allText();
    if (!text.isEmpty())
        QGuiApplication::clipboard()->setText(text);
}

QTableWidget *ResponseHeadersView::table() const
{
    return m_table;
}

QMenu *ResponseHeadersView::createContextMenu()
{
    auto *menu = new QMenu(this);
    QAction *copy = menu->addAction(tr("Copy"), this, &ResponseHeadersView::copySelection);
    copy->setEnabled(m_table->selectionModel()->hasSelection());
    QAction *copyAll = menu->addAction(tr("Copy All"), this, &ResponseHeadersView::copyAll);
    copyAll->setEnabled(!m_headers.isEmpty());
    return menu;
}

} // namespace Sextant::App
