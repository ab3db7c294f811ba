// SPDX-License-Identifier: MIT
// Sextant: runs one of the Python test servers in tests/servers/ and reads its KEY=VALUE start-up header.
#pragma once

#include <QHash>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <memory>

class QProcess;

/**
 * Owns one test server process (tests/servers/dagger_session.py, tests/servers/dagster_server.py) started
 * with the project's venv interpreter, SEXTANT_SOURCE_DIR "/.venv/bin/python" (override: env SEXTANT_PYTHON), or a
 * Node.js reference server (tests/reference/NAME.mjs) run by node from PATH.
 *
 * start() blocks the calling thread (no event loop needed) until the server prints its `PORT=<n>` line on stdout,
 * collecting every `KEY=VALUE` line up to and including it, or until timeoutMs passes. The servers print PORT= last,
 * once they are ready to answer. The server's stderr is forwarded to this process's stderr.
 * Stopping (stop() or the destructor) closes the server's stdin, sends SIGTERM, waits up to 15 s (the Dagster
 * script needs up to 10 s to stop its webserver), then kills it.
 *
 * Bad input: a missing script or interpreter, an early exit, a malformed PORT= or a timeout make start() return
 * false with a one-line reason in *error; port() is then 0 and value() returns empty strings.
 * Use it from one thread only (the one that called start()).
 */
class ServerProcess final
{
    Q_DISABLE_COPY_MOVE(ServerProcess)

public:
    ServerProcess();
    ~ServerProcess();

    /// script: absolute, or relative to the source tree (e.g. "tests/servers/dagger_session.py").
    bool start(const QString &script, const QStringList &arguments, int timeoutMs, QString *error = nullptr);
    void stop();

    bool isRunning() const;
    quint16 port() const;
    /// The value of a KEY=VALUE header line (e.g. "LOCATION" from dagster_server.py); empty if absent.
    QString value(const QString &key) const;
    /// http://127.0.0.1:<port><path>
    QUrl url(const QString &path = QString()) const;

    /// The venv interpreter the servers run with.
    static QString pythonPath();
    /// An absolute path for a path relative to the source tree.
    static QString sourcePath(const QString &relativePath);

private:
    std::unique_ptr<QProcess> m_process;
    QHash<QString, QString> m_values;
    quint16 m_port = 0;
};
