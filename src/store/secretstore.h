// SPDX-License-Identifier: MIT
// Sextant: tokens and passwords in the system keychain (QtKeychain), or for this session only where there is none.
#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>

#include <deque>
#include <functional>
#include <memory>

class QTimer;

namespace QKeychain {
class Job;
}

namespace Sextant::Store {

/**
 * Named secrets (tokens, passwords, credential header values) in the system keychain through QtKeychain, service
 * "dev.sextant.Sextant" (Secret Service / KWallet on Linux, Keychain on macOS, Credential Manager on Windows), or
 * in memory for this session only when no keychain works. Nothing here ever writes a secret to a file or a log:
 * QtKeychain's plain-text "insecure fallback" is off, and errors carry QtKeychain's message, never a value.
 *
 * Keys are plain strings; the conventions are keys for environment secrets (Environment::secretKey:
 * "environment/<id>/<name>") and for a tab's credential headers (tabHeadersKey: "tab/<tabId>/headers").
 *
 * Operations run one at a time in the order they were asked (so a write is seen by the read after it) and report
 * through a callback, always later from the event loop, never from inside the call; the callback is dropped if
 * @p context was given and has been destroyed. Lives on the GUI thread (QtKeychain jobs need its event loop);
 * call it and receive callbacks there.
 *
 * Fallback: while no keychain operation has succeeded yet, a failure with NoBackendAvailable, NotImplemented,
 * AccessDenied or OtherError, or no answer within probeTimeoutMs, means no keychain service works: the store
 * switches to a session-only in-memory map for the rest of the process, replays the failed operation there, and
 * emits sessionOnlyStarted() once with a notice for the user. Later NoBackendAvailable failures do the same.
 * A missing key is not an error: ReadResult::found is false.
 */
class SecretStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretStore)

public:
    enum class Backend : quint8 { Unknown, Keychain, SessionOnly };

    struct ReadResult
    {
        bool found = false;
        QString value; ///< the secret: never log it
        QString error; ///< a keychain failure other than "not found" (the value is then absent)
    };
    using ReadCallback = std::function<void(const ReadResult &result)>;
    using DoneCallback = std::function<void(bool ok, const QString &error)>;

    static QString defaultService();                    ///< "dev.sextant.Sextant"
    static QString tabHeadersKey(const QString &tabId); ///< "tab/<tabId>/headers"

    explicit SecretStore(QObject *parent = nullptr);
    /// @p service names the keychain entries (tests use their own); @p probeTimeoutMs bounds the first answer.
    SecretStore(const QString &service, int probeTimeoutMs, QObject *parent = nullptr);

    void readSecret(const QString &key, QObject *context, ReadCallback done);
    void writeSecret(const QString &key, const QString &value, QObject *context = nullptr, DoneCallback done = {});
    void removeSecret(const QString &key, QObject *context = nullptr, DoneCallback done = {});

    Backend backend() const { return m_backend; }
    bool isSessionOnly() const { return m_backend == Backend::SessionOnly; }
    /// The user-facing notice once session-only (empty before).
    QString notice() const { return m_notice; }
    /// Switch to session-only now (a user's choice, or a test); emits sessionOnlyStarted once.
    void useSessionOnly(const QString &reason);
    /// True while an operation is queued or running.
    bool isBusy() const { return m_current || !m_queue.empty(); }

signals:
    /// No keychain service works: secrets are kept in memory for this session only. @p notice is for the user.
    void sessionOnlyStarted(const QString &notice);

private:
    enum class Kind : quint8 { Read, Write, Remove };
    struct Operation
    {
        Kind kind;
        QString key;
        QString value;
        QPointer<QObject> context;
        bool hasContext = false;
        ReadCallback readDone;
        DoneCallback done;
    };

    void enqueue(Operation operation);
    void startNext();
    void runInMemory(const Operation &operation);
    void finishCurrent(QKeychain::Job *job);
    void onProbeTimeout();
    void deliver(const Operation &operation, const ReadResult &read, bool ok, const QString &error);

    QString m_service;
    int m_probeTimeoutMs;
    Backend m_backend = Backend::Unknown;
    QString m_notice;
    QHash<QString, QString> m_sessionSecrets;
    std::deque<Operation> m_queue;
    std::unique_ptr<Operation> m_current;
    QTimer *m_probeTimer = nullptr;
    quint64 m_generation = 0; ///< bumps when a job is abandoned (timeout), so its late answer is ignored
};

} // namespace Sextant::Store
