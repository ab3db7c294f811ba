// SPDX-License-Identifier: MIT
// Sextant: runs one of the Python test servers in tests/servers/ and reads its KEY=VALUE start-up header.
#include "serverprocess.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QStandardPaths>
#include <QFileInfo>
#include <QProcess>

using namespace Qt::StringLiterals;

namespace {
constexpr int StopGraceMs = 15000;
constexpr int KillWaitMs = 3000;
} // namespace

ServerProcess::ServerProcess() = default;

ServerProcess::~ServerProcess()
{
    stop();
}

QString ServerProcess::pythonPath()
{
    const QString overridden = qEnvironmentVariable("SEXTANT_PYTHON");
    if (!overridden.isEmpty())
        return overridden;
    return QStringLiteral(SEXTANT_SOURCE_DIR "/.venv/bin/python");
}

QString ServerProcess::sourcePath(const QString &relativePath)
{
    return QDir(QStringLiteral(SEXTANT_SOURCE_DIR)).absoluteFilePath(relativePath);
}

bool ServerProcess::start(const QString &script, const QStringList &arguments, int timeoutMs, QString *error)
{
    stop();
    const auto fail = [this, error](const QString &reason) {
        if (error)
            *error = reason;
        stop();
        return false;
    };

    const QString scriptPath = QFileInfo(script).isAbsolute() ? script : sourcePath(script);
    if (!QFileInfo::exists(scriptPath))
        return fail(u"test server script not found: %1"_s.arg(scriptPath));
    // Node.js reference servers (tests/reference/*.mjs, npm packages from tests/reference/node_modules) run with
    // node from PATH; everything else with the venv's Python.
    const bool isNode = scriptPath.endsWith(u".mjs"_s) || scriptPath.endsWith(u".js"_s);
    const QString python = isNode ? QStandardPaths::findExecutable(u"node"_s) : pythonPath();
    if (isNode && python.isEmpty())
        return fail(u"node not found in PATH (scripts/test installs nodejs)"_s);
    if (!QFileInfo(python).isExecutable())
        return fail(u"Python interpreter not found: %1 (run scripts/test once to create .venv)"_s.arg(python));

    m_process = std::make_unique<QProcess>();
    m_process->setProgram(python);
    // -u: the header must not sit in a pipe buffer.
    m_process->setArguments((isNode ? QStringList{scriptPath} : QStringList{u"-u"_s, scriptPath}) + arguments);
    m_process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process->setWorkingDirectory(QStringLiteral(SEXTANT_SOURCE_DIR));
    m_process->start();
    if (!m_process->waitForStarted(qMax(timeoutMs, 1000)))
        return fail(u"could not start %1: %2"_s.arg(python, m_process->errorString()));

    const QDeadlineTimer deadline(timeoutMs);
    while (true) {
        while (m_process->canReadLine()) {
            const QString line = QString::fromUtf8(m_process->readLine()).trimmed();
            const qsizetype equals = line.indexOf(u'=');
            if (equals <= 0)
                continue;
            const QString key = line.left(equals);
            const QString value = line.mid(equals + 1);
            m_values.insert(key, value);
            if (key == "PORT"_L1) {
                bool ok = false;
                const uint port = value.toUInt(&ok);
                if (!ok || port == 0 || port > 65535)
                    return fail(u"%1 printed a malformed port: %2"_s.arg(script, value));
                m_port = quint16(port);
                return true;
            }
        }
        if (m_process->state() == QProcess::NotRunning)
            return fail(u"%1 exited with code %2 before printing PORT= (see its stderr)"_s.arg(
                script, QString::number(m_process->exitCode())));
        if (deadline.hasExpired())
            return fail(u"%1 did not print PORT= within %2 ms"_s.arg(script, QString::number(timeoutMs)));
        m_process->waitForReadyRead(int(qMin<qint64>(deadline.remainingTime(), 500)));
    }
}

void ServerProcess::stop()
{
    if (m_process) {
        if (m_process->state() != QProcess::NotRunning) {
            m_process->closeWriteChannel();
            m_process->terminate();
            if (!m_process->waitForFinished(StopGraceMs)) {
                m_process->kill();
                m_process->waitForFinished(KillWaitMs);
            }
        }
        m_process.reset();
    }
    m_values.clear();
    m_port = 0;
}

bool ServerProcess::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

quint16 ServerProcess::port() const
{
    return m_port;
}

QString ServerProcess::value(const QString &key) const
{
    return m_values.value(key);
}

QUrl ServerProcess::url(const QString &path) const
{
    QUrl result;
    result.setScheme(u"http"_s);
    result.setHost(u"127.0.0.1"_s);
    result.setPort(m_port);
    result.setPath(path);
    return result;
}
