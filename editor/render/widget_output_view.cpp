#include "editor/render/widget_output_view.h"

#include "editor/render/widget_page_script.h"
#include "editor/render/web_output_log.h"
#include "editor/render/web_output_page.h"
#include "editor/render/widget_page_bridge.h"

#include <QEvent>
#include <QPalette>
#include <QWebChannel>
#include <QWebEngineScript>
#include <QWebEngineScriptCollection>

namespace quire::editor {

namespace {

// The JupyterLab theme variables the widget style sheets use, in the notebook's colours (the
// library's own are a light theme). html:root outranks the library's :root rules, which are
// added after this.
QString widgetBody(const QPalette& palette) {
    const auto color = [&](QPalette::ColorRole role) { return palette.color(role).name(); };
    return QStringLiteral("<style>html:root{"
                          "--jp-content-font-color0:%1;--jp-content-font-color1:%1;"
                          "--jp-content-font-color2:%3;--jp-content-font-color3:%3;"
                          "--jp-ui-font-color0:%1;--jp-ui-font-color1:%1;"
                          "--jp-ui-font-color2:%3;--jp-ui-font-color3:%3;"
                          "--jp-layout-color0:%2;--jp-layout-color1:%2;"
                          "--jp-layout-color2:%5;--jp-layout-color3:%4;"
                          "--jp-border-color0:%4;--jp-border-color1:%4;"
                          "--jp-border-color2:%4;--jp-border-color3:%4;"
                          "--jp-brand-color1:%7;--jp-brand-color2:%7}"
                          ".widget-button,.widget-toggle-button{color:%6}</style>"
                          "<div id=\"quire-widget-root\" class=\"jupyter-widgets\"></div>")
        .arg(color(QPalette::Text), color(QPalette::Base), color(QPalette::PlaceholderText),
             color(QPalette::Mid), color(QPalette::Button), color(QPalette::ButtonText),
             color(QPalette::Highlight));
}

} // namespace

WidgetOutputView::WidgetOutputView(WidgetComms* comms, const QString& modelId, QWidget* parent)
    : HtmlOutputView(parent), m_comms(comms), m_modelId(modelId) {
    setHtml(widgetBody(palette()), true);
}

void WidgetOutputView::changeEvent(QEvent* event) {
    // A theme change: the page is made again in the new colours (its models are kept).
    if (event->type() == QEvent::PaletteChange && widgetBody(palette()) != html())
        setHtml(widgetBody(palette()), true);
    HtmlOutputView::changeEvent(event);
}

void WidgetOutputView::preparePage(WebOutputPage* page) {
    QString error;
    const QString& script = widgetPageScript(&error);
    if (script.isEmpty()) {
        qCWarning(lcWebOutput) << "widget scripts are missing:" << error;
        return;
    }
    auto* channel = new QWebChannel(page);
    m_bridge = new WidgetPageBridge(m_comms, m_modelId, channel);
    channel->registerObject(QStringLiteral("quire"), m_bridge);
    // Views appear after the page loaded, when their models arrive, and Chromium does not
    // always report the new contents size of a page that is not drawing frames: the page
    // says how tall it is itself.
    connect(m_bridge, &WidgetPageBridge::contentHeightReported, this,
            &WidgetOutputView::setContentHeight);
    page->setWebChannel(channel);

    QWebEngineScript widgets;
    widgets.setName(QStringLiteral("quire-widgets"));
    widgets.setSourceCode(script);
    widgets.setInjectionPoint(QWebEngineScript::DocumentReady);
    widgets.setWorldId(QWebEngineScript::MainWorld);
    widgets.setRunsOnSubFrames(false);
    page->scripts().insert(widgets);
    emit bridgeCreated(m_bridge);
}

} // namespace quire::editor
