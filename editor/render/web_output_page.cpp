#include "editor/render/web_output_page.h"

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

QWebEngineProfile* WebOutputPage::sharedProfile() {
    QPointer<QWebEngineProfile>& profile = profileSlot();
    if (!profile) {
        // No storage name: off the record, nothing written to disk.
        profile = new QWebEngineProfile(QCoreApplication::instance());
        profile->setHttpCacheType(QWebEngineProfile::MemoryHttpCache);
        profile->setPersistentCookiesPolicy(QWebEngineProfile::NoPersistentCookies);
        profile->setSpellCheckEnabled(false);
        profile->setUrlRequestInterceptor(new WebRequestGuard(profile));
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

WebOutputPage::WebOutputPage(bool trusted, QObject* parent)
    : QWebEnginePage(sharedProfile(), parent), m_trusted(trusted) {
    settings()->setAttribute(QWebEngineSettings::JavascriptEnabled, trusted);
}

void WebOutputPage::showDocument(const QString& document) {
    m_expectingOwnLoad = true;
    setHtml(document);
}

bool WebOutputPage::acceptNavigationRequest(const QUrl& url, NavigationType type,
                                            bool isMainFrame) {
    // Our own setHtml (a data: URL), once.
    if (isMainFrame && m_expectingOwnLoad && url.scheme() == u"data") {
        m_expectingOwnLoad = false;
        return true;
    }
    // Frames inside the output may show inline content only.
    if (!isMainFrame && (url.scheme() == u"data" || url.toString() == u"about:blank" ||
                         url.toString() == u"about:srcdoc"))
        return true;
    if (type == NavigationTypeLinkClicked && isMainFrame && opensInBrowser(url))
        QDesktopServices::openUrl(url);
    else
        qCInfo(lcWebOutput) << "refused a navigation from an output page:"
                            << url.toDisplayString().left(200);
    emit navigationBlocked(url);
    return false;
}

QWebEnginePage* WebOutputPage::createWindow(WebWindowType) {
    return nullptr; // no pop-ups; target="_blank" links do nothing for now
}

void WebOutputPage::javaScriptConsoleMessage(JavaScriptConsoleMessageLevel, const QString& message,
                                             int line, const QString&) {
    qCDebug(lcWebOutput) << "output script:" << line << message.left(500);
}

} // namespace quire::editor
