// SPDX-License-Identifier: MIT
// Sextant: the graphql-js reference (tests/reference/reference.mjs) as a child process speaking JSON lines.
#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QJsonObject>
#include <QtCore/QList>
#include <QtCore/QProcess>
#include <QtCore/QString>

namespace Sextant::Differential {

/**
 * Owns one `node tests/reference/reference.mjs` process for the whole test run (one spawn, many requests).
 * Lives on the test's main thread. Requests go out in batches; answers are read back in order, each one
 * JSON object per line (the protocol is documented at the top of reference.mjs).
 *
 * start() returns false with a reason when node, the script or its graphql package is missing or the process
 * does not answer a ping. ask() returns an empty list when the process dies or does not answer within the
 * deadline; the reason is in errorString().
 */
class ReferenceProcess final
{
public:
    ReferenceProcess() = default;
    ~ReferenceProcess();
    Q_DISABLE_COPY_MOVE(ReferenceProcess)

    /// The `node` executable on PATH, or an empty string.
    static QString nodeExecutable();

    bool start(const QString &node, const QString &script);
    /// Sends every request (one compact JSON object each) and returns the answers in the same order.
    QList<QJsonObject> ask(const QList<QByteArray> &requests, int timeoutMs);
    QString errorString() const { return m_error; }
    QString version() const { return m_version; }

    /// A JSON string literal for @p text with every non-ASCII UTF-16 unit escaped (\uXXXX), so lone
    /// surrogates and control characters reach graphql-js exactly as our parser sees them.
    static QByteArray jsonString(const QString &text);

private:
    QProcess m_process;
    QByteArray m_pending;
    QString m_error;
    QString m_version;
};

} // namespace Sextant::Differential
