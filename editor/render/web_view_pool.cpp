#include "editor/render/web_view_pool.h"

#include "editor/render/html_output_view.h"

#include <algorithm>

namespace quire::editor {

WebViewPool& WebViewPool::instance() {
    static WebViewPool pool;
    return pool;
}

void WebViewPool::setCapacity(int views) {
    m_capacity = std::max(1, views);
    makeRoom(0, nullptr);
}

void WebViewPool::acquire(HtmlOutputView* view) {
    if (m_live.contains(view)) {
        touch(view);
        return;
    }
    makeRoom(1, view);
    m_live.append(view);
}

void WebViewPool::touch(HtmlOutputView* view) {
    const qsizetype i = m_live.indexOf(view);
    if (i >= 0 && i != m_live.size() - 1)
        m_live.move(i, m_live.size() - 1);
}

void WebViewPool::release(HtmlOutputView* view) {
    m_live.removeAll(view);
}

void WebViewPool::makeRoom(int free, const HtmlOutputView* keep) {
    const QList<HtmlOutputView*> oldestFirst = m_live;
    for (HtmlOutputView* candidate : oldestFirst) {
        if (m_live.size() + free <= m_capacity)
            return;
        if (candidate != keep && !candidate->isOnScreen())
            candidate->releaseWebView(); // calls release(candidate)
    }
}

} // namespace quire::editor
