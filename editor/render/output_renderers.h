#pragma once

#include "editor/nbformat/json.h"

#include <QHash>
#include <QStringList>

#include <functional>

class QWidget;

namespace quire::editor {

// What a renderer may know about where an output is shown.
struct OutputRenderContext {
    // The output's cell is trusted (NotebookDocument::isTrusted): scripts may run.
    bool trusted = false;
};

// Makes the widget that shows `mime` of a display_data or execute_result `output` (the whole
// output object: data, metadata). May return nullptr when the data cannot be shown.
using OutputRendererFactory = std::function<QWidget*(
    const Json& output, const QString& mime, const OutputRenderContext& context, QWidget* parent)>;

// The one table of MIME renderers. It starts with the native ones (text/plain with ANSI,
// application/json as a tree, text/markdown, text/latex with math typeset, PNG/JPEG/GIF,
// SVG) and the web ones (text/html in a QtWebEngine view; application/javascript, which
// only trusted outputs may use). Which type an output shows is decided by selectMimeType()
// among mimeTypes(trusted). GUI thread only.
class OutputRendererRegistry {
public:
    static OutputRendererRegistry& instance();

    // Adds or replaces the renderer for `mime`; a `trustedOnly` one is offered for trusted
    // outputs only (untrusted ones show their next richest type).
    void add(const QString& mime, OutputRendererFactory factory, bool trustedOnly = false);
    void remove(const QString& mime);
    // The renderer for `mime` (empty when none), and whether it is for trusted outputs only.
    OutputRendererFactory factory(const QString& mime) const { return m_factories.value(mime); }
    bool isTrustedOnly(const QString& mime) const { return m_trustedOnly.contains(mime); }

    // The types renderers exist for: all of them for trusted outputs, else the safe ones.
    QStringList mimeTypes(bool trusted = false) const;
    // Changes whenever a renderer is added or removed (views made before are stale).
    int generation() const { return m_generation; }
    QWidget* create(const Json& output, const QString& mime, const OutputRenderContext& context,
                    QWidget* parent) const;

private:
    OutputRendererRegistry();

    QStringList m_order;
    int m_generation = 0;
    QHash<QString, OutputRendererFactory> m_factories;
    QStringList m_trustedOnly;
};

} // namespace quire::editor
