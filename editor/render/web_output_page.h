#pragma once

#include <QWebEnginePage>

class QWebEngineProfile;

namespace quire::editor {

class WebRequestGuard;

// The page of one HTML output. It shows the HTML it is given and nothing else: it never
// navigates away (a clicked link opens in the system browser through QDesktopServices,
// anything else is refused), opens no windows, reads no local files and, through the shared
// profile's WebRequestGuard, makes no network request. Scripts run only when `trusted`.
class WebOutputPage : public QWebEnginePage {
    Q_OBJECT

public:
    WebOutputPage(bool trusted, QObject* parent = nullptr);

    // Call before QtWebEngine starts (before the QApplication): output pages share a few
    // renderer processes instead of one each (Chromium's --renderer-process-limit, added to
    // QTWEBENGINE_CHROMIUM_FLAGS unless the user set a limit there).
    static void prepareProcessModel();

    // The one off-the-record profile all output pages share (no disk cache, cookies or
    // storage), with its request guard. Made on first use, owned by the application.
    static QWebEngineProfile* sharedProfile();
    static WebRequestGuard* requestGuard();

    bool isTrusted() const { return m_trusted; }
    // Loads `document` (a whole HTML document) as this page's own content.
    void showDocument(const QString& document);

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
};

} // namespace quire::editor
