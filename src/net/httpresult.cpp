// SPDX-License-Identifier: MIT
// Sextant: status lines and reason phrases for HttpResult.
#include "net/httpresult.h"

using namespace Qt::StringLiterals;

namespace Sextant::Net {

QString HttpResult::formatSize(qint64 bytes)
{
    if (bytes < 1024)
        return u"%1 B"_s.arg(bytes);
    if (bytes < 1024 * 1024)
        return u"%1 KB"_s.arg(double(bytes) / 1024.0, 0, 'f', 1);
    if (bytes < qint64(1024) * 1024 * 1024)
        return u"%1 MB"_s.arg(double(bytes) / (1024.0 * 1024.0), 0, 'f', 1);
    return u"%1 GB"_s.arg(double(bytes) / (1024.0 * 1024.0 * 1024.0), 0, 'f', 1);
}

QByteArray HttpResult::standardReasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 202:
        return "Accepted";
    case 204:
        return "No Content";
    case 294:
        return "Partial Success"; // GraphQL over HTTP draft §Partial success
    case 301:
        return "Moved Permanently";
    case 302:
        return "Found";
    case 303:
        return "See Other";
    case 304:
        return "Not Modified";
    case 307:
        return "Temporary Redirect";
    case 308:
        return "Permanent Redirect";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 406:
        return "Not Acceptable";
    case 408:
        return "Request Timeout";
    case 409:
        return "Conflict";
    case 413:
        return "Content Too Large";
    case 414:
        return "URI Too Long";
    case 415:
        return "Unsupported Media Type";
    case 422:
        return "Unprocessable Content";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    default:
        return {};
    }
}

QByteArray HttpResult::responseHeader(const QByteArray &name) const
{
    for (const auto &header : responseHeaders) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return header.second;
    }
    return {};
}

QString HttpResult::statusLine() const
{
    QString head;
    if (httpStatus > 0) {
        head = u"HTTP %1"_s.arg(httpStatus);
        const QByteArray reason = reasonPhrase.isEmpty() && httpStatus == 294 ? standardReasonPhrase(294) : reasonPhrase;
        if (!reason.isEmpty())
            head += u' ' + QString::fromUtf8(reason);
    } else if (kind == ResultKind::Cancelled) {
        head = u"Cancelled"_s;
    } else if (kind == ResultKind::TimedOut) {
        head = u"Timed out"_s;
    } else {
        head = u"No response"_s;
    }
    head += u" · %1 ms"_s.arg(elapsedMs);
    if (httpStatus > 0)
        head += u" · "_s + formatSize(body.size());
    return head;
}

} // namespace Sextant::Net
