#include "editor/render/web_request_guard.h"

#include "editor/render/web_asset_scheme.h"
#include "editor/render/web_output_log.h"

namespace quire::editor {

WebRequestGuard::WebRequestGuard(QObject* parent) : QWebEngineUrlRequestInterceptor(parent) {}

bool WebRequestGuard::isAllowed(const QUrl& url) {
    const QString scheme = url.scheme();
    // quire-asset: serves only its own lists (WebAssetScheme), never the network or disk.
    return scheme == u"data" || scheme == u"blob" || scheme == u"about" ||
           scheme == QLatin1String(WebAssetScheme::name());
}

void WebRequestGuard::interceptRequest(QWebEngineUrlRequestInfo& info) {
    if (isAllowed(info.requestUrl()))
        return;
    info.block(true);
    ++m_blocked;
    qCInfo(lcWebOutput) << "blocked a request from an output page:"
                        << info.requestUrl().toDisplayString().left(200);
    emit blocked(info.requestUrl());
}

} // namespace quire::editor
