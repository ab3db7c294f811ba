// SPDX-License-Identifier: MIT
// Sextant: the graphql-js reference (tests/reference/reference.mjs) as a child process speaking JSON lines.
#include "referenceprocess.h"

#include <QtCore/QDeadlineTimer>
#include <QtCore/QFileInfo>
#include <QtCore/QJsonDocument>
#include <QtCore/QStandardPaths>

using namespace Qt::StringLiterals;

namespace Sextant::Differential {

ReferenceProcess::~ReferenceProcess()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.closeWriteChannel(); // reference.mjs exits when stdin closes
        if (!m_process.waitForFinished(5000)) {
            m_process.kill();
            m_process.waitForFinished(2000);
        }
    }
}

QString ReferenceProcess::nodeExecutable()
{
    return QStandardPaths::findExecutable(u"node"_s);
}

bool ReferenceProcess::start(const QString &node, const QString &script)
{
    const QFileInfo scriptInfo(script);
    if (!scriptInfo.isFile()) {
        m_error = u"missing "_s + script;
        return false;
    }
    const QString package = scriptInfo.absolutePath() + u"/node_modules/graphql/package.json"_s;
    if (!QFileInfo::exists(package)) {
        m_error = u"graphql-js is not installed: run `npm ci` in "_s + scriptInfo.absolutePath()
                  + u" (scripts/test does this)"_s;
        return false;
    }
    m_process.setProgram(node);
    m_process.setArguments({script});
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process.start();
    if (!m_process.waitForStarted(10000)) {
        m_error = u"could not start node: "_s + m_process.errorString();
        return false;
    }
    const QList<QJsonObject> pong = ask({QByteArrayLiteral("{\"op\":\"ping\"}")}, 20000);
    if (pong.size() != 1) {
        return false;
    }
    m_version = pong.first().value(u"version"_s).toString();
    return true;
}

QList<QJsonObject> ReferenceProcess::ask(const QList<QByteArray> &requests, int timeoutMs)
{
    QByteArray out;
    for (const QByteArray &request : requests) {
        out += request;
        out += '\n';
    }
    m_process.write(out);

    QList<QJsonObject> answers;
    answers.reserve(requests.size());
    const QDeadlineTimer deadline(timeoutMs);
    while (answers.size() < requests.size()) {
        const qsizetype newline = m_pending.indexOf('\n');
        if (newline >= 0) {
            QJsonParseError error;
            const QJsonDocument document = QJsonDocument::fromJson(m_pending.left(newline), &error);
            m_pending.remove(0, newline + 1);
            if (!document.isObject()) {
                m_error = u"reference answered with bad JSON: "_s + error.errorString();
                return {};
            }
            answers.append(document.object());
            continue;
        }
        if (m_process.state() != QProcess::Running) {
            m_error = u"the reference process exited: "_s + m_process.errorString();
            return {};
        }
        if (deadline.hasExpired()) {
            m_error = u"the reference process did not answer in time"_s;
            return {};
        }
        // waitForReadyRead also flushes our pending writes, so a large batch cannot deadlock on full pipes.
        if (m_process.waitForReadyRead(int(qBound(qint64(1), deadline.remainingTime(), qint64(1000)))))
            m_pending += m_process.readAllStandardOutput();
    }
    return answers;
}

QByteArray ReferenceProcess::jsonString(const QString &text)
{
    static constexpr char hex[] = "0123456789abcdef";
    QByteArray result;
    result.reserve(text.size() + 2);
    result += '"';
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u == u'"' || u == u'\\') {
            result += '\\';
            result += char(u);
        } else if (u >= 0x20 && u < 0x7f) {
            result += char(u);
        } else {
            result += "\\u";
            result += hex[(u >> 12) & 0xf];
            result += hex[(u >> 8) & 0xf];
            result += hex[(u >> 4) & 0xf];
            result += hex[u & 0xf];
        }
    }
    result += '"';
    return result;
}

} // namespace Sextant::Differential
