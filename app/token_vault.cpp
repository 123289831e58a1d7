#include "token_vault.h"

#include <qt6keychain/keychain.h>

namespace quire::app {

namespace {
const QString kService = QStringLiteral("io.github.quire.Quire");
}

TokenVault::TokenVault(QObject* parent) : TokenVault(kService, parent) {}

TokenVault::TokenVault(QString service, QObject* parent)
    : QObject(parent), m_service(std::move(service)) {}

void TokenVault::store(const QString& key, const QString& token, Stored done) {
    auto* job = new QKeychain::WritePasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    job->setTextData(token);
    connect(job, &QKeychain::Job::finished, this, [this, key, token, done](QKeychain::Job* j) {
        QString error;
        if (j->error() == QKeychain::NoError) {
            m_sessionOnly.remove(key);
        } else {
            m_sessionOnly.insert(key, token);
            error = j->errorString();
        }
        if (done)
            done(error);
    });
    job->start();
}

void TokenVault::fetch(const QString& key, Fetched done) {
    if (auto it = m_sessionOnly.constFind(key); it != m_sessionOnly.constEnd()) {
        done(*it, QString());
        return;
    }
    auto* job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [done](QKeychain::Job* j) {
        auto* read = static_cast<QKeychain::ReadPasswordJob*>(j);
        if (read->error() == QKeychain::NoError)
            done(read->textData(), QString());
        else if (read->error() == QKeychain::EntryNotFound)
            done(std::nullopt, QString());
        else
            done(std::nullopt, read->errorString());
    });
    job->start();
}

void TokenVault::forget(const QString& key, Stored done) {
    m_sessionOnly.remove(key);
    auto* job = new QKeychain::DeletePasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [done](QKeychain::Job* j) {
        if (done)
            done(j->error() == QKeychain::NoError || j->error() == QKeychain::EntryNotFound
                     ? QString()
                     : j->errorString());
    });
    job->start();
}

} // namespace quire::app
