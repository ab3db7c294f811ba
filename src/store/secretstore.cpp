// SPDX-License-Identifier: MIT
// Sextant: tokens and passwords in the system keychain (QtKeychain), or for this session only where there is none.
#include "secretstore.h"

#include <qt6keychain/keychain.h>

#include <QTimer>

using namespace Qt::StringLiterals;

namespace Sextant::Store {

namespace {

// Errors that say the keychain itself does not work (as opposed to "this entry" or "the user said no").
bool meansNoKeychain(QKeychain::Error error, bool keychainConfirmed)
{
    switch (error) {
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return true;
    case QKeychain::AccessDenied:
    case QKeychain::OtherError:
        return !keychainConfirmed;
    default:
        return false;
    }
}

} // namespace

QString SecretStore::defaultService()
{
    return u"dev.sextant.Sextant"_s;
}

QString SecretStore::tabHeadersKey(const QString &tabId)
{
    return u"tab/"_s + tabId + u"/headers"_s;
}

SecretStore::SecretStore(QObject *parent) : SecretStore(defaultService(), 60000, parent) {}

SecretStore::SecretStore(const QString &service, int probeTimeoutMs, QObject *parent)
    : QObject(parent), m_service(service), m_probeTimeoutMs(probeTimeoutMs), m_probeTimer(new QTimer(this))
{
    m_probeTimer->setSingleShot(true);
    connect(m_probeTimer, &QTimer::timeout, this, &SecretStore::onProbeTimeout);
}

void SecretStore::readSecret(const QString &key, QObject *context, ReadCallback done)
{
    enqueue({Kind::Read, key, QString(), context, context != nullptr, std::move(done), {}});
}

void SecretStore::writeSecret(const QString &key, const QString &value, QObject *context, DoneCallback done)
{
    enqueue({Kind::Write, key, value, context, context != nullptr, {}, std::move(done)});
}

void SecretStore::removeSecret(const QString &key, QObject *context, DoneCallback done)
{
    enqueue({Kind::Remove, key, QString(), context, context != nullptr, {}, std::move(done)});
}

void SecretStore::useSessionOnly(const QString &reason)
{
    if (m_backend == Backend::SessionOnly)
        return;
    m_backend = Backend::SessionOnly;
    m_notice = tr("No system keychain is available (%1). Passwords and tokens are kept for this session only: "
                  "they are not saved and must be entered again after Sextant restarts.")
                   .arg(reason.isEmpty() ? tr("no Secret Service, KWallet or other keychain answered") : reason);
    emit sessionOnlyStarted(m_notice);
}

void SecretStore::enqueue(Operation operation)
{
    m_queue.push_back(std::move(operation));
    if (!m_current)
        // Not from inside the caller: callbacks always arrive later, whichever backend answers.
        QMetaObject::invokeMethod(this, &SecretStore::startNext, Qt::QueuedConnection);
}

void SecretStore::startNext()
{
    while (!m_current && !m_queue.empty()) {
        Operation operation = std::move(m_queue.front());
        m_queue.pop_front();
        if (m_backend == Backend::SessionOnly) {
            runInMemory(operation);
            continue;
        }
        m_current = std::make_unique<Operation>(std::move(operation));
        QKeychain::Job *job = nullptr;
        switch (m_current->kind) {
        case Kind::Read:
            job = new QKeychain::ReadPasswordJob(m_service);
            break;
        case Kind::Write: {
            auto *write = new QKeychain::WritePasswordJob(m_service);
            write->setTextData(m_current->value);
            job = write;
            break;
        }
        case Kind::Remove:
            job = new QKeychain::DeletePasswordJob(m_service);
            break;
        }
        // No parent, and it deletes itself once it has finished: libsecret answers through a raw pointer to the
        // job, so a job deleted with this store (window closed mid-read) would be used after free.
        job->setAutoDelete(true);
        job->setInsecureFallback(false); // never a plain-text file
        job->setKey(m_current->key);
        const quint64 generation = m_generation;
        connect(job, &QKeychain::Job::finished, this, [this, generation](QKeychain::Job *finished) {
            if (generation == m_generation)
                finishCurrent(finished);
        });
        if (m_backend == Backend::Unknown && m_probeTimeoutMs > 0)
            m_probeTimer->start(m_probeTimeoutMs);
        job->start();
    }
}

void SecretStore::finishCurrent(QKeychain::Job *job)
{
    m_probeTimer->stop();
    std::unique_ptr<Operation> operation = std::move(m_current);
    const QKeychain::Error error = job->error();
    if (error == QKeychain::NoError || error == QKeychain::EntryNotFound) {
        m_backend = Backend::Keychain;
        ReadResult read;
        if (operation->kind == Kind::Read && error == QKeychain::NoError) {
            read.found = true;
            read.value = static_cast<QKeychain::ReadPasswordJob *>(job)->textData();
        }
        // Removing what is not there leaves the keychain as asked: success.
        deliver(*operation, read, true, QString());
    } else if (meansNoKeychain(error, m_backend == Backend::Keychain)) {
        useSessionOnly(job->errorString());
        runInMemory(*operation);
    } else {
        const QString message = tr("Keychain: %1").arg(job->errorString());
        ReadResult read;
        read.error = message;
        deliver(*operation, read, false, message);
    }
    startNext();
}

void SecretStore::onProbeTimeout()
{
    if (!m_current)
        return;
    ++m_generation; // the abandoned job may still answer: ignored (it deletes itself then)
    useSessionOnly(tr("the keychain did not answer within %1 s").arg(m_probeTimeoutMs / 1000.0));
    std::unique_ptr<Operation> operation = std::move(m_current);
    runInMemory(*operation);
    startNext();
}

void SecretStore::runInMemory(const Operation &operation)
{
    ReadResult read;
    switch (operation.kind) {
    case Kind::Read: {
        const auto found = m_sessionSecrets.constFind(operation.key);
        if (found != m_sessionSecrets.cend()) {
            read.found = true;
            read.value = *found;
        }
        break;
    }
    case Kind::Write:
        m_sessionSecrets.insert(operation.key, operation.value);
        break;
    case Kind::Remove:
        m_sessionSecrets.remove(operation.key);
        break;
    }
    deliver(operation, read, true, QString());
}

void SecretStore::deliver(const Operation &operation, const ReadResult &read, bool ok, const QString &error)
{
    if (operation.hasContext && !operation.context)
        return; // the asker is gone
    if (operation.kind == Kind::Read) {
        if (operation.readDone)
            operation.readDone(read);
    } else if (operation.done) {
        operation.done(ok, error);
    }
}

} // namespace Sextant::Store
