#pragma once

#include "editor/nbformat/json.h"

#include <QHash>
#include <QStringList>

#include <functional>

class QWidget;

namespace quire::editor {

// Makes the widget that shows `mime` of a display_data or execute_result `output` (the whole
// output object: data, metadata). May return nullptr when the data cannot be shown.
using OutputRendererFactory =
    std::function<QWidget*(const Json& output, const QString& mime, QWidget* parent)>;

// The one table of MIME renderers. It starts with the native ones (text/plain with ANSI,
// application/json as a tree, text/markdown, text/latex with math typeset, PNG/JPEG/GIF,
// SVG); a web renderer for text/html and
// friends registers itself here. Which type an output shows is decided by selectMimeType()
// among mimeTypes(). GUI thread only.
class OutputRendererRegistry {
public:
    static OutputRendererRegistry& instance();

    // Adds or replaces the renderer for `mime`.
    void add(const QString& mime, OutputRendererFactory factory);
    void remove(const QString& mime);

    QStringList mimeTypes() const { return m_order; }
    // Changes whenever a renderer is added or removed (views made before are stale).
    int generation() const { return m_generation; }
    QWidget* create(const Json& output, const QString& mime, QWidget* parent) const;

private:
    OutputRendererRegistry();

    QStringList m_order;
    int m_generation = 0;
    QHash<QString, OutputRendererFactory> m_factories;
};

} // namespace quire::editor
