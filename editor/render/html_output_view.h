#pragma once

#include "editor/render/output_view_actions.h"

#include <QString>
#include <QWidget>

class QTimer;
class QWebEngineView;

namespace quire::editor {

class WebOutputPage;

// A text/html (or, trusted, application/javascript) output in a QtWebEngine page. The widget
// itself is light: the web view is made only when the widget is first painted (so outputs
// never scrolled to cost nothing), WebViewPool caps how many exist, and a released one leaves
// a placeholder of the same height until it is painted again. The widget is as tall as the
// page's content at its width (QWebEnginePage::contentsSize, which needs no script), so
// the notebook scrolls, never the page; wide content scrolls sideways inside the page.
// Pages run scripts only for trusted outputs; see WebOutputPage for what they may not do.
// A right click inside the page opens the output area's context menu, like other outputs.
class HtmlOutputView : public QWidget, public OutputViewActions {
    Q_OBJECT

public:
    explicit HtmlOutputView(QWidget* parent = nullptr);
    ~HtmlOutputView() override;

    void setHtml(const QString& html, bool trusted);
    // Runs `script` like JupyterLab runs application/javascript (always trusted).
    void setScript(const QString& script);
    const QString& html() const { return m_body; }
    bool isTrusted() const { return m_trusted; }

    // The live web view and its page; null while released (or before the first paint).
    QWebEngineView* webView() const { return m_view; }
    WebOutputPage* page() const;
    bool isLoaded() const { return m_loaded; }
    // The content's height at the current width; 0 until measured.
    int contentHeight() const { return m_measured ? m_contentHeight : 0; }

    bool isOnScreen() const;
    // Drops the web view (the pool does this to views off screen); it comes back when painted.
    void releaseWebView();
    // Makes the web view now instead of at the first paint.
    void ensureWebView();

    // Copy (the page's selection), before the output area's own actions.
    void addContextActions(QMenu& menu, const QPoint& pos) override;

    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize sizeHint() const override;

signals:
    void loadFinished(bool ok);
    void contentHeightChanged(int height);

protected:
    // A new page, before its document loads (subclasses add scripts and channels).
    virtual void preparePage(WebOutputPage* page) { Q_UNUSED(page) }
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

    // The content's height as the page itself measured it (pages whose content appears later
    // report it when Chromium does not, see WidgetOutputView).
    void setContentHeight(int height);

private:
    void contentsSizeChanged(const QSizeF& size);
    void placeWebView();
    void loadDocument();
    void probeScriptedHeight();

    QString m_body;
    QString m_document; // m_body as loaded, in the palette and font it was made for
    bool m_trusted = false;
    QWebEngineView* m_view = nullptr;
    int m_contentHeight = 0;
    int m_measuredWidth = -1;
    bool m_measured = false;
    bool m_loaded = false;
    bool m_creationQueued = false;
    // Trusted pages may grow after loading (a plot drawn by its script); Chromium does not
    // always report their new size to a view only 1 px high (on X11), so the page is asked.
    QTimer* m_heightProbe = nullptr;
    int m_probeStep = 0;
};

} // namespace quire::editor
