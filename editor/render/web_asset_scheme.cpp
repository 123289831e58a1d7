#include "editor/render/web_asset_scheme.h"

#include "editor/render/web_assets.h"
#include "editor/render/web_output_log.h"

#include <QBuffer>
#include <QFile>
#include <QUuid>
#include <QWebEngineUrlRequestJob>
#include <QWebEngineUrlScheme>

namespace quire::editor {

namespace {

bool& registeredFlag() {
    static bool registered = false;
    return registered;
}

QByteArray contentType(const QString& path) {
    if (path.endsWith(u".js"))
        return QByteArrayLiteral("text/javascript");
    if (path.endsWith(u".css"))
        return QByteArrayLiteral("text/css");
    if (path.endsWith(u".svg"))
        return QByteArrayLiteral("image/svg+xml");
    if (path.endsWith(u".woff"))
        return QByteArrayLiteral("font/woff");
    if (path.endsWith(u".otf"))
        return QByteArrayLiteral("font/otf");
    return QByteArrayLiteral("application/octet-stream");
}

} // namespace

WebAssetScheme::WebAssetScheme(QObject* parent) : QWebEngineUrlSchemeHandler(parent) {}

QByteArray WebAssetScheme::name() {
    return QByteArrayLiteral("quire-asset");
}

void WebAssetScheme::registerScheme() {
    if (registeredFlag())
        return;
    QWebEngineUrlScheme scheme(name());
    scheme.setSyntax(QWebEngineUrlScheme::Syntax::Host);
    // Secure: pages may load it without mixed-content rules. Not a local scheme, so a page
    // from setHtml (a data: URL) may load scripts from it; reaching it is up to the guard
    // and this handler, which only the output pages' profile has.
    scheme.setFlags(QWebEngineUrlScheme::SecureScheme);
    QWebEngineUrlScheme::registerScheme(scheme);
    registeredFlag() = true;
}

bool WebAssetScheme::isRegistered() {
    return registeredFlag();
}

QUrl WebAssetScheme::bundledUrl(const QString& asset) {
    return QUrl(QString::fromLatin1(name()) + QStringLiteral("://web/") + asset);
}

QUrl WebAssetScheme::mathJaxUrl(const QString& path) {
    return QUrl(QString::fromLatin1(name()) + QStringLiteral("://mathjax/") + path);
}

QUrl WebAssetScheme::publishDocument(const QByteArray& document) {
    const QString id = QUuid::createUuid().toString(QUuid::Id128);
    m_documents.insert(id, document);
    return QUrl(QString::fromLatin1(name()) + QStringLiteral("://doc/") + id);
}

void WebAssetScheme::withdrawDocument(const QUrl& url) {
    if (url.scheme() == QLatin1String(name()) && url.host() == u"doc")
        m_documents.remove(url.path().mid(1));
}

void WebAssetScheme::requestStarted(QWebEngineUrlRequestJob* job) {
    const QUrl url = job->requestUrl();
    const QString host = url.host();
    const QString path = url.path(QUrl::FullyDecoded).mid(1); // without the leading '/'
    if (job->requestMethod() != "GET") {
        job->fail(QWebEngineUrlRequestJob::RequestDenied);
        return;
    }
    if (host == u"doc") {
        const auto it = m_documents.constFind(path);
        if (it == m_documents.constEnd()) {
            job->fail(QWebEngineUrlRequestJob::UrlNotFound);
            return;
        }
        auto* buffer = new QBuffer(job);
        buffer->setData(*it);
        buffer->open(QIODevice::ReadOnly);
        job->reply(QByteArrayLiteral("text/html;charset=utf-8"), buffer);
        return;
    }
    QString file;
    if (host == u"web")
        file = WebAssets::bundledFile(path);
    else if (host == u"mathjax")
        file = WebAssets::mathJaxFile(path);
    auto* device = file.isEmpty() ? nullptr : new QFile(file, job);
    if (!device || !device->open(QIODevice::ReadOnly)) {
        qCInfo(lcWebOutput) << "no asset for" << url.toDisplayString().left(200);
        job->fail(QWebEngineUrlRequestJob::UrlNotFound);
        return;
    }
    job->reply(contentType(file), device);
}

} // namespace quire::editor
