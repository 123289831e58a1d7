#pragma once

#include <QList>
#include <QObject>

namespace quire::editor {

class HtmlOutputView;

// Caps how many output pages are alive at once. Every HtmlOutputView that holds a web view
// is listed here, most recently shown last; when one more wants a view and the cap is
// reached, the least recently shown views that are not on screen release theirs (they keep
// their height and show a placeholder until they are painted again). Views on screen are
// never released, so the cap can be passed while more than that many are visible.
class WebViewPool {
public:
    static WebViewPool& instance();

    int capacity() const { return m_capacity; }
    void setCapacity(int views);
    int liveCount() const { return int(m_live.size()); }

    // `view` is about to make its web view: room is made first.
    void acquire(HtmlOutputView* view);
    // `view` was shown: it becomes the most recent.
    void touch(HtmlOutputView* view);
    // `view` released its web view (or is going away).
    void release(HtmlOutputView* view);

private:
    WebViewPool() = default;
    void makeRoom(int free, const HtmlOutputView* keep);

    QList<HtmlOutputView*> m_live; // least recently shown first
    int m_capacity = 16;
};

} // namespace quire::editor
