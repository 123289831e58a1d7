#pragma once

#include "editor/execution/widget_comms.h"
#include "editor/render/html_output_view.h"

#include <QPointer>

namespace quire::editor {

class WidgetPageBridge;

// An ipywidgets view (application/vnd.jupyter.widget-view+json) in an HtmlOutputView page:
// the page runs the jupyter-js-widgets library with Quire's manager, and talks to the
// kernel's models through a WidgetPageBridge on its QWebChannel. The page may be released
// and made again like any output page; it then builds its models afresh from WidgetComms.
class WidgetOutputView : public HtmlOutputView {
    Q_OBJECT
public:
    WidgetOutputView(WidgetComms* comms, const QString& modelId, QWidget* parent = nullptr);

    const QString& modelId() const { return m_modelId; }
    // The live page's bridge (null while the page is released).
    WidgetPageBridge* bridge() const { return m_bridge; }

signals:
    void bridgeCreated(quire::editor::WidgetPageBridge* bridge);

protected:
    void preparePage(WebOutputPage* page) override;
    void changeEvent(QEvent* event) override;

private:
    QPointer<WidgetComms> m_comms;
    QString m_modelId;
    QPointer<WidgetPageBridge> m_bridge;
};

} // namespace quire::editor
