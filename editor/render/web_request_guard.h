#pragma once

#include <QWebEngineUrlRequestInterceptor>

namespace quire::editor {

// Lets output pages load only what they carry themselves (data:, blob:, about:) and the
// bundled scripts and big documents of the quire-asset: scheme (WebAssetScheme), and refuses
// every other request (http, https, file, ftp, ws, ...), so an output can neither reach the
// network nor read local files. Each refusal is logged (category quire.render.web) and
// announced. Runs on the GUI thread (Qt 6).
class WebRequestGuard : public QWebEngineUrlRequestInterceptor {
    Q_OBJECT

public:
    explicit WebRequestGuard(QObject* parent = nullptr);

    static bool isAllowed(const QUrl& url);
    void interceptRequest(QWebEngineUrlRequestInfo& info) override;
    int blockedCount() const { return m_blocked; }

signals:
    void blocked(const QUrl& url);

private:
    int m_blocked = 0;
};

} // namespace quire::editor
