#include "editor/render/output_renderers.h"

#include "editor/execution/widget_comms.h"
#include "editor/render/html_output_view.h"
#include "editor/render/image_cache.h"
#include "editor/render/image_output_view.h"
#include "editor/render/json_tree_view.h"
#include "editor/render/latex_output_view.h"
#include "editor/render/markdown_view.h"
#include "editor/render/mime_select.h"
#include "editor/render/scripted_outputs.h"
#include "editor/render/text_output_view.h"
#include "editor/render/web_output_page.h"
#include "editor/render/widget_output_view.h"
#include "editor/render/widget_page_bridge.h"
#include "editor/render/widget_page_script.h"

#include <QCoreApplication>

namespace quire::editor {

namespace {

// Output metadata {"image/png": {"width": W, "height": H}}; either may be missing.
QSizeF metadataSize(const Json& output, const QString& mime, QSizeF natural) {
    const auto meta = output.find("metadata");
    if (meta == output.end() || !meta->is_object())
        return natural;
    const auto forMime = meta->find(mime.toStdString());
    if (forMime == meta->end() || !forMime->is_object())
        return natural;
    const auto number = [&](const char* key) -> qreal {
        const auto v = forMime->find(key);
        if (v == forMime->end())
            return 0;
        if (v->is_number())
            return v->get<double>();
        if (v->is_string())
            return QString::fromStdString(v->get<std::string>()).toDouble();
        return 0;
    };
    const qreal w = number("width");
    const qreal h = number("height");
    if (w > 0 && h > 0)
        return QSizeF(w, h);
    if (w > 0 && natural.width() > 0)
        return QSizeF(w, natural.height() * w / natural.width());
    if (h > 0 && natural.height() > 0)
        return QSizeF(natural.width() * h / natural.height(), h);
    return natural;
}

bool needsLightBackground(const Json& output) {
    const auto meta = output.find("metadata");
    if (meta == output.end() || !meta->is_object())
        return false;
    const auto v = meta->find("needs_background");
    return v != meta->end() && v->is_string() && v->get<std::string>() == "light";
}

QWidget* textView(const QString& text, QWidget* parent) {
    auto* view = new TextOutputView(parent);
    view->setText(text);
    return view;
}

QWidget* plainText(const Json& output, const QString& mime, const OutputRenderContext&,
                   QWidget* parent) {
    return textView(mimeText(mimeValue(output, mime)), parent);
}

// Output metadata {"application/json": {"expanded": true, "root": "name"}} (IPython's JSON).
QWidget* jsonTree(const Json& output, const QString& mime, const OutputRenderContext&,
                  QWidget* parent) {
    QString root;
    bool expanded = false;
    if (const auto meta = output.find("metadata"); meta != output.end() && meta->is_object()) {
        if (const auto m = meta->find(mime.toStdString()); m != meta->end() && m->is_object()) {
            if (const auto e = m->find("expanded"); e != m->end() && e->is_boolean())
                expanded = e->get<bool>();
            if (const auto r = m->find("root"); r != m->end() && r->is_string())
                root = QString::fromStdString(r->get<std::string>());
        }
    }
    auto* view = new JsonTreeView(parent);
    view->setJson(mimeValue(output, mime), root, expanded);
    return view;
}

QWidget* latex(const Json& output, const QString& mime, const OutputRenderContext&,
               QWidget* parent) {
    const QString source = mimeText(mimeValue(output, mime));
    if (!LatexOutputView::containsMath(source))
        return textView(source, parent);
    auto* view = new LatexOutputView(parent);
    view->setLatex(source);
    return view;
}

QWidget* markdown(const Json& output, const QString& mime, const OutputRenderContext&,
                  QWidget* parent) {
    auto* view = new MarkdownView(parent);
    view->setMarkdown(mimeText(mimeValue(output, mime)));
    return view;
}

QWidget* rasterImage(const Json& output, const QString& mime, const OutputRenderContext&,
                     QWidget* parent) {
    const QByteArray base64 = mimeBytes(mimeValue(output, mime));
    const QImage image = image_cache::fromBase64(base64);
    if (image.isNull()) {
        return textView(QCoreApplication::translate("quire::editor::OutputArea",
                                                    "[%1 image could not be decoded]")
                            .arg(mime),
                        parent);
    }
    auto* view = new ImageOutputView(parent);
    const QString suffix = mime == u"image/jpeg" ? QStringLiteral("jpg") : mime.mid(6);
    const QSizeF size = metadataSize(output, mime, image.deviceIndependentSize());
    if (mime == u"image/gif")
        view->setAnimation(base64, size, suffix);
    else
        view->setRaster(image, size, base64, suffix);
    view->setNeedsLightBackground(needsLightBackground(output));
    return view;
}

QWidget* svgImage(const Json& output, const QString& mime, const OutputRenderContext&,
                  QWidget* parent) {
    const QByteArray svg = mimeBytes(mimeValue(output, mime));
    auto* view = new ImageOutputView(parent);
    view->setSvg(svg, metadataSize(output, mime, image_cache::svgSize(svg)));
    view->setNeedsLightBackground(needsLightBackground(output));
    return view;
}

QWidget* htmlOutput(const Json& output, const QString& mime, const OutputRenderContext& context,
                    QWidget* parent) {
    const QString html = mimeText(mimeValue(output, mime));
    // Larger pages do not fit QWebEnginePage::setHtml (a data: URL): without the asset scheme
    // that serves them (WebOutputPage::prepareEngine not called) they show their source.
    if (!WebOutputPage::assetScheme() && html.toUtf8().size() > WebOutputPage::kMaxDataUrlBytes)
        return nullptr;
    auto* view = new HtmlOutputView(parent);
    view->setHtml(context.trusted ? withMathJax(html) : html, context.trusted);
    return view;
}

QWidget* javascriptOutput(const Json& output, const QString& mime,
                          const OutputRenderContext& context, QWidget* parent) {
    if (!context.trusted)
        return nullptr;
    auto* view = new HtmlOutputView(parent);
    view->setScript(mimeText(mimeValue(output, mime)));
    return view;
}

// An ipywidgets view: a live model of a running kernel, else (a stored notebook, a kernel
// that restarted) the output's text/plain or a note saying why nothing is drawn.
QWidget* widgetView(const Json& output, const QString& mime, const OutputRenderContext&,
                    QWidget* parent) {
    const Json& spec = mimeValue(output, mime);
    const QString id = spec.is_object() && spec.value("model_id", Json()).is_string()
                           ? QString::fromStdString(spec["model_id"].get<std::string>())
                           : QString();
    WidgetComms* comms = id.isEmpty() ? nullptr : WidgetComms::forModel(id);
    if (comms && !widgetPageScript().isEmpty()) // (a build without jupyter-js-widgets)
        return new WidgetOutputView(comms, id, parent);
    const Json& plain = mimeValue(output, QStringLiteral("text/plain"));
    return textView(plain.is_null() ? WidgetPageBridge::goneText() : mimeText(plain), parent);
}

} // namespace

OutputRendererRegistry::OutputRendererRegistry() {
    add(QStringLiteral("text/markdown"), markdown);
    add(QStringLiteral("text/latex"), latex);
    add(QStringLiteral("image/svg+xml"), svgImage);
    add(QStringLiteral("image/png"), rasterImage);
    add(QStringLiteral("image/jpeg"), rasterImage);
    add(QStringLiteral("image/gif"), rasterImage);
    add(QStringLiteral("application/json"), jsonTree);
    add(QStringLiteral("text/plain"), plainText);
    add(QStringLiteral("text/html"), htmlOutput);
    add(QStringLiteral("application/javascript"), javascriptOutput, true);
    add(QStringLiteral("application/vnd.jupyter.widget-view+json"), widgetView, true);
    addScriptedOutputRenderers(*this);
}

OutputRendererRegistry& OutputRendererRegistry::instance() {
    static OutputRendererRegistry registry;
    return registry;
}

void OutputRendererRegistry::add(const QString& mime, OutputRendererFactory factory,
                                 bool trustedOnly) {
    if (!m_factories.contains(mime))
        m_order.append(mime);
    m_factories.insert(mime, std::move(factory));
    m_trustedOnly.removeAll(mime);
    if (trustedOnly)
        m_trustedOnly.append(mime);
    ++m_generation;
}

void OutputRendererRegistry::remove(const QString& mime) {
    m_order.removeAll(mime);
    m_trustedOnly.removeAll(mime);
    m_factories.remove(mime);
    ++m_generation;
}

QStringList OutputRendererRegistry::mimeTypes(bool trusted) const {
    if (trusted)
        return m_order;
    QStringList safe = m_order;
    for (const QString& mime : m_trustedOnly)
        safe.removeAll(mime);
    return safe;
}

QWidget* OutputRendererRegistry::create(const Json& output, const QString& mime,
                                        const OutputRenderContext& context, QWidget* parent) const {
    const auto it = m_factories.constFind(mime);
    if (it == m_factories.constEnd() || (!context.trusted && m_trustedOnly.contains(mime)))
        return nullptr;
    return (*it)(output, mime, context, parent);
}

} // namespace quire::editor
