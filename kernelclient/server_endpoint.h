#pragma once

#include <QString>
#include <QUrl>
#include <QUrlQuery>
#include <optional>

namespace quire::kernel {

// Where a Jupyter Server answers: a normalised base URL (scheme, host, port, path ending in
// '/', no query) and its token. Parses what users paste: "host:8888", "http://h:8888/lab?token=t",
// "https://hub/user/ana/lab/tree/x.ipynb". The token is never part of baseUrl() or toString().
class ServerEndpoint {
public:
    // nullopt with `error` (user-facing) when `text` is not an http(s) URL.
    static std::optional<ServerEndpoint> parse(const QString& text, QString* error = nullptr);

    const QUrl& baseUrl() const { return m_base; }
    const QString& token() const { return m_token; }
    void setToken(const QString& token) { m_token = token; }
    bool isTls() const { return m_base.scheme() == QLatin1String("https"); }
    // A JupyterHub single-user server: the base path ends in /user/<name>/.
    bool isHubUserServer() const { return !m_hubUser.isEmpty(); }
    const QString& hubUser() const { return m_hubUser; }
    // "host:port" (the port filled in from the scheme), the key for TlsTrust.
    QString hostPort() const;
    // The base URL without the token, for display and logs.
    QString toString() const { return m_base.toString(); }

    // baseUrl + "api/" + path (path without a leading '/', each segment percent-encoded).
    QUrl apiUrl(const QString& path, const QUrlQuery& query = {}) const;
    // The same on ws:// or wss://.
    QUrl webSocketUrl(const QString& path, const QUrlQuery& query = {}) const;

private:
    QUrl m_base;
    QString m_token;
    QString m_hubUser;
};

// `path` with each '/'-separated segment percent-encoded (for contents paths in URLs).
QString encodePath(const QString& path);

} // namespace quire::kernel
