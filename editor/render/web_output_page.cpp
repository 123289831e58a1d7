#include "editor/render/web_output_page.h"

#include "editor/render/web_asset_scheme.h"
#include "editor/render/web_output_log.h"
#include "editor/render/web_request_guard.h"

#include <QCoreApplication>
#include <QDesktopServices>
#include <QPointer>
#include <QWebEngineProfile>
#include <QWebEngineSettings>

namespace quire::editor {

Q_LOGGING_CATEGORY(lcWebOutput, "quire.render.web")

namespace {

bool opensInBrowser(const QUrl& url) {
    const QString scheme = url.scheme();
    return scheme == u"http" || scheme == u"https" || scheme == u"mailto";
}

QPointer<QWebEngineProfile>& profileSlot() {
    static QPointer<QWebEngineProfile> profile;
    return profile;
}

} // namespace

void WebOutputPage::prepareEngine() {
    QByteArray flags = qgetenv("QTWEBENGINE_CHROMIUM_FLAGS");
    const auto add = [&](const QByteArray& name, const QByteArray& value) {
        if (!flags.contains(name))
            flags += (flags.isEmpty() ? "" : " ") + name + '=' + value;
    };
    add("--renderer-process-limit", "4");
    add("--force-webrtc-ip-handling-policy", "disable_non_proxied_udp");
    // Nothing in an output page may reach the network; the request guard sees requests, not
    // what Chromium does on its own (preconnects, WebRTC over TCP): all of that goes to a proxy
    // that is not there. Quire's own network traffic does not go through QtWebEngine.
    add("--proxy-server", "socks5://127.0.0.1:9");
    qputenv("QTWEBENGINE_CHROMIUM_FLAGS", flags);
    WebAssetScheme::registerScheme();
}

QWebEngineProfile* WebOutputPage::sharedProfile() {
    QPointer<QWebEngineProfile>& profile = profileSlot();
    if (!profile) {
        // No storage name: off the record, nothing written to disk.
        profile = new QWebEngineProfile(QCoreApplication::instance());
        profile->setHttpCacheType(QWebEngineProfile::MemoryHttpCache);
        profile->setPersistentCookiesPolicy(QWebEngineProfile::NoPersistentCookies);
        profile->setSpellCheckEnabled(false);
        profile->setUrlRequestInterceptor(new WebRequestGuard(profile));
        if (WebAssetScheme::isRegistered())
            profile->installUrlSchemeHandler(WebAssetScheme::name(), new WebAssetScheme(profile));
        QWebEngineSettings* s = profile->settings();
        s->setAttribute(QWebEngineSettings::LocalContentCanAccessFileUrls, false);
        s->setAttribute(QWebEngineSettings::LocalContentCanAccessRemoteUrls, false);
        s->setAttribute(QWebEngineSettings::LocalStorageEnabled, false);
        s->setAttribute(QWebEngineSettings::JavascriptCanOpenWindows, false);
        s->setAttribute(QWebEngineSettings::JavascriptCanAccessClipboard, false);
        s->setAttribute(QWebEngineSettings::PluginsEnabled, false);
        s->setAttribute(QWebEngineSettings::PdfViewerEnabled, false);
        s->setAttribute(QWebEngineSettings::ErrorPageEnabled, false);
        s->setAttribute(QWebEngineSettings::AutoLoadIconsForPage, false);
        s->setAttribute(QWebEngineSettings::FocusOnNavigationEnabled, false);
        s->setAttribute(QWebEngineSettings::WebGLEnabled, false);
        s->setAttribute(QWebEngineSettings::DnsPrefetchEnabled, false);
        s->setAttribute(QWebEngineSettings::NavigateOnDropEnabled, false);
    }
    return profile;
}

WebRequestGuard* WebOutputPage::requestGuard() {
    return sharedProfile()->findChild<WebRequestGuard*>(QString(), Qt::FindDirectChildrenOnly);
}

WebAssetScheme* WebOutputPage::assetScheme() {
    return sharedProfile()->findChild<WebAssetScheme*>(QString(), Qt::FindDirectChildrenOnly);
}

WebOutputPage::WebOutputPage(bool trusted, QObject* parent)
    : QWebEnginePage(sharedProfile(), parent), m_trusted(trusted) {
    settings()->setAttribute(QWebEngineSettings::JavascriptEnabled, trusted);
}

WebOutputPage::~WebOutputPage() {
    // Only a page that published a document asks (and so never makes the profile again while
    // the application is going away).
    if (m_documentUrl.isEmpty() || !profileSlot())
        return;
    if (WebAssetScheme* scheme = assetScheme())
        scheme->withdrawDocument(m_documentUrl);
}

void WebOutputPage::showDocument(const QString& document) {
    WebAssetScheme* scheme = assetScheme();
    if (scheme && !m_documentUrl.isEmpty()) {
        scheme->withdrawDocument(m_documentUrl);
        m_documentUrl.clear();
    }
    m_expectingOwnLoad = true;
    QByteArray utf8 = document.toUtf8();
    if (utf8.size() <= kMaxDataUrlBytes || !scheme) {
        setHtml(document);
        return;
    }
    m_documentUrl = scheme->publishDocument(std::move(utf8));
    load(m_documentUrl);
}

bool WebOutputPage::acceptNavigationRequest(const QUrl& url, NavigationType type,
                                            bool isMainFrame) {
    // Our own setHtml (a data: URL) or published document, once.
    if (isMainFrame && m_expectingOwnLoad &&
        (m_documentUrl.isEmpty() ? url.scheme() == u"data" : url == m_documentUrl)) {
        m_expectingOwnLoad = false;
        return true;
    }
    // A link to an anchor in the page itself.
    if (isMainFrame && type == NavigationTypeLinkClicked && url.hasFragment() &&
        url.adjusted(QUrl::RemoveFragment) == this->url().adjusted(QUrl::RemoveFragment))
        return true;
    // Frames inside the output may show inline content only.
    if (!isMainFrame && (url.scheme() == u"data" || url.toString() == u"about:blank" ||
                         url.toString() == u"about:srcdoc"))
        return true;
    // Chromium calls a script's own location change a link click too: only one right after
    // the user clicked in the page counts.
    if (type == NavigationTypeLinkClicked && isMainFrame && hadRecentUserInput() &&
        opensInBrowser(url))
        QDesktopServices::openUrl(url);
    else
        qCInfo(lcWebOutput) << "refused a navigation from an output page:"
                            << url.toDisplayString().left(200);
    emit navigationBlocked(url);
    return false;
}

namespace {

// Stands in for the window a target="_blank" link asks for: the link goes to the system
// browser and the stand-in goes away without loading anything. Only right after the user
// clicked in the page: a script's own window.open() opens nothing.
class LinkCatcher : public QWebEnginePage {
public:
    LinkCatcher(WebOutputPage* opener)
        : QWebEnginePage(opener->profile(), opener), m_opener(opener) {
        settings()->setAttribute(QWebEngineSettings::JavascriptEnabled, false);
    }

protected:
    bool acceptNavigationRequest(const QUrl& url, NavigationType, bool) override {
        if (m_opener->hadRecentUserInput() && opensInBrowser(url))
            QDesktopServices::openUrl(url);
        else
            qCInfo(lcWebOutput) << "refused a new window for" << url.toDisplayString().left(200);
        deleteLater();
        return false;
    }

private:
    WebOutputPage* m_opener;
};

} // namespace

QWebEnginePage* WebOutputPage::createWindow(WebWindowType) {
    return new LinkCatcher(this);
}

void WebOutputPage::javaScriptConsoleMessage(JavaScriptConsoleMessageLevel, const QString& message,
                                             int line, const QString&) {
    qCDebug(lcWebOutput) << "output script:" << line << message.left(500);
}

} // namespace quire::editor
