#pragma once

#include <QElapsedTimer>
#include <QWebEnginePage>

class QWebEngineProfile;

namespace quire::editor {

class WebAssetScheme;
class WebRequestGuard;

// The page of one HTML output. It shows the HTML it is given and nothing else: it never
// navigates away (a clicked link opens in the system browser through QDesktopServices,
// anything else is refused), opens no windows, reads no local files and, through the shared
// profile's WebRequestGuard, makes no network request. Scripts run only when `trusted`.
class WebOutputPage : public QWebEnginePage {
    Q_OBJECT

public:
    WebOutputPage(bool trusted, QObject* parent = nullptr);
    ~WebOutputPage() override;

    // Call before QtWebEngine starts (before the QApplication). Adds Chromium switches to
    // QTWEBENGINE_CHROMIUM_FLAGS (each unless the user set it there): output pages share a few
    // renderer processes instead of one each, and WebRTC sends no UDP of its own (the one way
    // out of a page the request guard does not see). Registers the quire-asset: scheme.
    static void prepareEngine();

    // The one off-the-record profile all output pages share (no disk cache, cookies or
    // storage), with its request guard. Made on first use, owned by the application.
    static QWebEngineProfile* sharedProfile();
    static WebRequestGuard* requestGuard();
    // The profile's quire-asset: handler; null when prepareEngine() did not register it.
    static WebAssetScheme* assetScheme();

    // A data: URL (setHtml) holds at most 2 MB, base64 (4/3) and its prefix included: bigger
    // documents go through the asset scheme.
    static constexpr qsizetype kMaxDataUrlBytes = 1536 * 1024 - 1024;

    bool isTrusted() const { return m_trusted; }
    // Loads `document` (a whole HTML document) as this page's own content: as a data: URL,
    // or, over 1.5 MB (setHtml's limit is 2 MB), from the quire-asset: scheme.
    void showDocument(const QString& document);
    // The user clicked or typed in the page (its view reports it): for the next second a link
    // it follows (or a new window it asks for, target="_blank") opens in the system browser.
    void noteUserInput() { m_lastInput.start(); }
    bool hadRecentUserInput() const {
        return m_lastInput.isValid() && m_lastInput.elapsed() < 1000;
    }

signals:
    // A navigation this page refused (a link click too, after handing it to the browser).
    void navigationBlocked(const QUrl& url);

protected:
    bool acceptNavigationRequest(const QUrl& url, NavigationType type, bool isMainFrame) override;
    QWebEnginePage* createWindow(WebWindowType type) override;
    void javaScriptConsoleMessage(JavaScriptConsoleMessageLevel level, const QString& message,
                                  int line, const QString& source) override;

private:
    bool m_trusted = false;
    bool m_expectingOwnLoad = false;
    QUrl m_documentUrl; // published on the asset scheme while this page shows it
    QElapsedTimer m_lastInput;
};

} // namespace quire::editor
