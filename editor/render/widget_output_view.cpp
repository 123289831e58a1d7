#include "editor/render/widget_output_view.h"

#include "editor/render/web_assets.h"
#include "editor/render/web_output_log.h"
#include "editor/render/web_output_page.h"
#include "editor/render/widget_page_bridge.h"

#include <QWebChannel>
#include <QWebEngineScript>
#include <QWebEngineScriptCollection>
#include <QWebEngineView>
#include <cmath>

namespace quire::editor {

WidgetOutputView::WidgetOutputView(WidgetComms* comms, const QString& modelId, QWidget* parent)
    : HtmlOutputView(parent), m_comms(comms), m_modelId(modelId) {
    setHtml(QStringLiteral("<div id=\"quire-widget-root\" class=\"jupyter-widgets\"></div>"), true);
}

void WidgetOutputView::preparePage(WebOutputPage* page) {
    QString error;
    const QString& script = web_assets::widgetPageScript(&error);
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
