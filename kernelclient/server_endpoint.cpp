#include "server_endpoint.h"

#include <QStringList>

namespace quire::kernel {

namespace {
// Path segments of the web UIs that people copy from the address bar; the server's base path
// ends where one of them starts.
const QStringList kUiSegments = {
    QStringLiteral("lab"),   QStringLiteral("tree"),      QStringLiteral("notebooks"),
    QStringLiteral("edit"),  QStringLiteral("terminals"), QStringLiteral("api"),
    QStringLiteral("login"), QStringLiteral("doc"),       QStringLiteral("voila"),
};
} // namespace

std::optional<ServerEndpoint> ServerEndpoint::parse(const QString& text, QString* error) {
    QString trimmed = text.trimmed();
    if (!trimmed.contains(QLatin1String("://")))
        trimmed.prepend(QLatin1String("http://"));
    const QUrl url(trimmed, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty() ||
        (scheme != QLatin1String("http") && scheme != QLatin1String("https"))) {
        if (error)
            *error = QStringLiteral("\"%1\" is not a server address (expected something like "
                                    "http://host:8888/?token=...)")
                         .arg(text.trimmed());
        return std::nullopt;
    }
    ServerEndpoint e;
    e.m_token = QUrlQuery(url).queryItemValue(QStringLiteral("token"), QUrl::FullyDecoded);

    const QStringList segments = url.path().split(QLatin1Char('/'), Qt::SkipEmptyParts);
    QStringList kept;
    for (qsizetype i = 0; i < segments.size(); ++i) {
        const QString& s = segments[i];
        if (s == QLatin1String("user") && i + 1 < segments.size()) {
            // JupyterHub: everything up to /user/<name>/ is the single-user server's base.
            kept << s << segments[i + 1];
            e.m_hubUser = QUrl::fromPercentEncoding(segments[i + 1].toUtf8());
            break;
        }
        if (kUiSegments.contains(s))
            break;
        kept << s;
    }
    QUrl base;
    base.setScheme(scheme);
    base.setHost(url.host().toLower());
    base.setPort(url.port());
    base.setPath(QLatin1Char('/') + kept.join(QLatin1Char('/')) +
                     (kept.isEmpty() ? QString() : QStringLiteral("/")),
                 QUrl::StrictMode);
    e.m_base = base;
    return e;
}

QString ServerEndpoint::hostPort() const {
    return QStringLiteral("%1:%2").arg(m_base.host()).arg(m_base.port(isTls() ? 443 : 80));
}

QUrl ServerEndpoint::apiUrl(const QString& path, const QUrlQuery& query) const {
    QUrl url = m_base;
    url.setPath(m_base.path(QUrl::FullyEncoded) + QLatin1String("api/") + path, QUrl::StrictMode);
    if (!query.isEmpty())
        url.setQuery(query);
    return url;
}

QUrl ServerEndpoint::webSocketUrl(const QString& path, const QUrlQuery& query) const {
    QUrl url = m_base;
    url.setScheme(isTls() ? QStringLiteral("wss") : QStringLiteral("ws"));
    url.setPath(m_base.path(QUrl::FullyEncoded) + path, QUrl::StrictMode);
    if (!query.isEmpty())
        url.setQuery(query);
    return url;
}

QString encodePath(const QString& path) {
    QStringList parts;
    for (const QString& s : path.split(QLatin1Char('/'), Qt::SkipEmptyParts))
        parts << QString::fromLatin1(QUrl::toPercentEncoding(s));
    return parts.join(QLatin1Char('/'));
}

} // namespace quire::kernel
