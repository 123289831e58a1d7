#pragma once

#include <QHash>
#include <QObject>
#include <QString>
#include <functional>
#include <optional>

namespace quire::app {

// Remote runtime tokens in the operating system's keychain (Secret Service, KWallet, …)
// through QtKeychain: never in settings files, never logged. Every call is asynchronous.
// When no keychain answers, a token lives in memory for this session only and the caller
// gets the keychain's message to show ("it will not be remembered").
class TokenVault : public QObject {
    Q_OBJECT
public:
    explicit TokenVault(QObject* parent = nullptr);
    explicit TokenVault(QString service, QObject* parent = nullptr);

    // `error` is empty when the keychain took the token.
    using Stored = std::function<void(const QString& error)>;
    // `token` is empty when none is stored; `error` says why the keychain could not answer.
    using Fetched = std::function<void(const std::optional<QString>& token, const QString& error)>;

    void store(const QString& key, const QString& token, Stored done);
    void fetch(const QString& key, Fetched done);
    void forget(const QString& key, Stored done = {});

    const QString& service() const { return m_service; }

private:
    QString m_service;
    QHash<QString, QString> m_sessionOnly; // tokens the keychain refused
};

} // namespace quire::app
