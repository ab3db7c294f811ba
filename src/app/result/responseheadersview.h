// SPDX-License-Identifier: MIT
// Sextant: the result pane's Headers tab: the HTTP status line and every response header, Set-Cookie masked.
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QWidget>

class QLabel;
class QMenu;
class QTableWidget;

namespace Sextant::Net {
struct HttpResult;
}

namespace Sextant::App {

/// The status and headers of one HTTP answer, as received (names and values are bytes, in wire order).
struct ResponseHeaders
{
    int httpStatus = 0; ///< 0: no HTTP answer (refused connection, cancelled before the headers, local error)
    QByteArray reasonPhrase;
    QList<QPair<QByteArray, QByteArray>> headers;

    bool operator==(const ResponseHeaders &) const = default;
    bool isEmpty() const { return httpStatus == 0 && headers.isEmpty(); }
    /// The status, reason phrase and headers of @p result (any kind: a 502 HTML page has headers too).
    static ResponseHeaders fromResult(const Net::HttpResult &result);
    /// "HTTP 200 OK" (the standard reason phrase when the server sent none); empty without a status.
    QString statusLine() const;
    /// The value as shown and copied: Set-Cookie / Set-Cookie2 keep the cookie's name and attributes but not its
    /// value ("session=••••••; Path=/; HttpOnly"); other values are decoded as UTF-8, else Latin-1.
    static QString displayValue(const QByteArray &name, const QByteArray &value);
};

/**
 * A two-column table (Name, Value) under the status line of the last answer. Values of Set-Cookie are masked
 * (ResponseHeaders::displayValue) on screen and in the clipboard: a cookie value is a credential. Rows are
 * selectable; Ctrl+C and the context menu copy the selected rows as "Name: value" lines, Copy All copies the status
 * line and every header. GUI thread only.
 */
class ResponseHeadersView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResponseHeadersView)

public:
    explicit ResponseHeadersView(QWidget *parent = nullptr);
    ~ResponseHeadersView() override;

    /// Shows @p headers (an empty value: "No HTTP response." and an empty table).
    void setHeaders(const ResponseHeaders &headers);
    void clear();
    ResponseHeaders headers() const;

    QString statusText() const;   ///< the line above the table
    QString selectedText() const; ///< the selected rows as "Name: value" lines
    QString allText() const;      ///< the status line, then every header as "Name: value"
    void copySelection() const;
    void copyAll() const;
    QTableWidget *table() const;
    /// A new context menu owned by the caller (Copy, Copy All).
    QMenu *createContextMenu();

private:
    QLabel *m_statusLabel;
    QTableWidget *m_table;
    ResponseHeaders m_headers;
};

} // namespace Sextant::App
