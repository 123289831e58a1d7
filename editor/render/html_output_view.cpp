#include "editor/render/html_output_view.h"

#include "editor/render/web_output_document.h"
#include "editor/render/web_output_page.h"
#include "editor/render/web_view_pool.h"

#include <QContextMenuEvent>
#include <QCoreApplication>
#include <QMenu>
#include <QPaintEvent>
#include <QPainter>
#include <QPointer>
#include <QTimer>
#include <QWebEngineScript>
#include <QWebEngineView>
#include <QWheelEvent>
#include <cmath>

namespace quire::editor {

namespace {

// Shown before the page has measured itself (one line of text).
constexpr int kPendingHeight = 24;
// When a trusted page's height is asked for after it loaded (ms): scripts draw after loading.
constexpr int kProbeDelays[] = {100, 250, 500, 1000, 2000, 4000, 8000};

} // namespace

HtmlOutputView::HtmlOutputView(QWidget* parent) : QWidget(parent), m_heightProbe(new QTimer(this)) {
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_heightProbe->setSingleShot(true);
    connect(m_heightProbe, &QTimer::timeout, this, &HtmlOutputView::probeScriptedHeight);
}

HtmlOutputView::~HtmlOutputView() {
    WebViewPool::instance().release(this);
}

void HtmlOutputView::setHtml(const QString& html, bool trusted) {
    const bool hadView = m_view;
    releaseWebView();
    m_body = html;
    m_trusted = trusted;
    m_measured = false;
    m_measuredWidth = -1;
    if (hadView)
        ensureWebView();
    updateGeometry();
    update();
}

void HtmlOutputView::setScript(const QString& script) {
    setHtml(javascriptOutputBody(script), true);
}

WebOutputPage* HtmlOutputView::page() const {
    return m_view ? static_cast<WebOutputPage*>(m_view->page()) : nullptr;
}

bool HtmlOutputView::isOnScreen() const {
    return isVisible() && !visibleRegion().isEmpty();
}

void HtmlOutputView::releaseWebView() {
    if (!m_view)
        return;
    WebViewPool::instance().release(this);
    delete m_view;
    m_view = nullptr;
    m_loaded = false;
    m_heightProbe->stop();
    update();
}

void HtmlOutputView::ensureWebView() {
    if (m_view)
        return;
    WebViewPool::instance().acquire(this);
    m_view = new QWebEngineView(this);
    // The output area's menu, not the browser's (Back, Reload, View Source, ...).
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint& pos) {
        QContextMenuEvent menu(QContextMenuEvent::Mouse, m_view->mapTo(this, pos),
                               m_view->mapToGlobal(pos));
        QCoreApplication::sendEvent(this, &menu); // the output area watches its views' menus
    });
    m_view->installEventFilter(this); // to watch the widget that takes its input
    auto* page = new WebOutputPage(m_trusted, m_view);
    m_view->setPage(page);
    connect(page, &QWebEnginePage::contentsSizeChanged, this, &HtmlOutputView::contentsSizeChanged);
    connect(page, &QWebEnginePage::loadFinished, this, [this](bool ok) {
        if (QWidget* input = m_view->focusProxy())
            input->installEventFilter(this);
        m_loaded = true;
        if (m_trusted) {
            m_probeStep = 0;
            m_heightProbe->start(kProbeDelays[0]);
        }
        emit loadFinished(ok);
    });
    preparePage(page);
    placeWebView();
    m_view->show();
    loadDocument();
}

void HtmlOutputView::loadDocument() {
    m_document = webOutputDocument(m_body, palette(), font());
    if (auto* p = page()) {
        p->setBackgroundColor(palette().color(QPalette::Base));
        p->showDocument(m_document);
    }
}

void HtmlOutputView::probeScriptedHeight() {
    WebOutputPage* p = page();
    if (!p || !m_loaded)
        return;
    QPointer<HtmlOutputView> self(this);
    const int width = m_measuredWidth;
    // A page that goes away calls its pending callbacks with nothing (while this view may be
    // halfway destroyed): only a number means the page is still there.
    p->runJavaScript(QStringLiteral("document.documentElement.scrollHeight"),
                     QWebEngineScript::ApplicationWorld, [self, p, width](const QVariant& v) {
                         bool isNumber = false;
                         const int h = v.toInt(&isNumber);
                         if (!isNumber || !self || self->page() != p ||
                             self->m_measuredWidth != width)
                             return;
                         if (h > 0 && (!self->m_measured || h != self->m_contentHeight))
                             self->contentsSizeChanged(QSizeF(width, h));
                     });
    if (++m_probeStep < int(std::size(kProbeDelays)))
        m_heightProbe->start(kProbeDelays[m_probeStep]);
}

void HtmlOutputView::placeWebView() {
    if (!m_view)
        return;
    // A page is never shorter than its view, so it is measured in a 1 px high view when the
    // width changes; afterwards the view is as tall as the content.
    if (m_measuredWidth != width()) {
        m_measuredWidth = width();
        m_view->setGeometry(0, 0, width(), 1);
        if (m_trusted && m_loaded) {
            m_probeStep = 0;
            m_heightProbe->start(kProbeDelays[0]);
        }
        return;
    }
    m_view->setGeometry(0, 0, width(), m_measured ? std::max(1, m_contentHeight) : 1);
}

void HtmlOutputView::addContextActions(QMenu& menu, const QPoint&) {
    WebOutputPage* p = page();
    if (!p || !p->hasSelection())
        return;
    // The text outputs' "Copy" (one translation for both).
    QAction* copy =
        menu.addAction(QCoreApplication::translate("quire::editor::TextOutputView", "Copy"));
    copy->setShortcut(QKeySequence::Copy);
    connect(copy, &QAction::triggered, p, [p] { p->triggerAction(QWebEnginePage::Copy); });
    menu.addSeparator();
}

void HtmlOutputView::contentsSizeChanged(const QSizeF& size) {
    setContentHeight(int(std::ceil(size.height())));
}

void HtmlOutputView::setContentHeight(int h) {
    if (m_measured && h == m_contentHeight && m_view && m_view->height() == h)
        return;
    const bool changed = !m_measured || h != m_contentHeight;
    m_measured = true;
    m_contentHeight = h;
    placeWebView();
    if (changed) {
        updateGeometry();
        emit contentHeightChanged(h);
    }
}

int HtmlOutputView::heightForWidth(int) const {
    return m_measured ? m_contentHeight : kPendingHeight;
}

QSize HtmlOutputView::sizeHint() const {
    return QSize(400, heightForWidth(400));
}

void HtmlOutputView::paintEvent(QPaintEvent* event) {
    QPainter painter(this);
    painter.fillRect(event->rect(), palette().color(QPalette::Base));
    if (m_view) {
        WebViewPool::instance().touch(this);
        return;
    }
    // First painted (or painted again after a release): the page comes right after.
    if (!m_creationQueued) {
        m_creationQueued = true;
        QMetaObject::invokeMethod(
            this,
            [this] {
                m_creationQueued = false;
                if (isOnScreen())
                    ensureWebView();
            },
            Qt::QueuedConnection);
    }
}

void HtmlOutputView::resizeEvent(QResizeEvent*) {
    placeWebView();
}

bool HtmlOutputView::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_view && event->type() == QEvent::ChildAdded) {
        if (auto* child = qobject_cast<QWidget*>(static_cast<QChildEvent*>(event)->child()))
            child->installEventFilter(this);
        return false;
    }
    if ((event->type() == QEvent::MouseButtonRelease || event->type() == QEvent::KeyPress) &&
        watched != m_view && page())
        page()->noteUserInput();
    // The page never scrolls vertically (it is as tall as its content): vertical wheel turns
    // belong to the notebook around it. Sideways ones stay for wide tables; Ctrl+wheel too.
    if (event->type() == QEvent::Wheel && watched != m_view) {
        auto* wheel = static_cast<QWheelEvent*>(event);
        const QPoint delta = wheel->angleDelta();
        if (std::abs(delta.y()) > std::abs(delta.x()) &&
            !(wheel->modifiers() & Qt::ControlModifier)) {
            // Sent events do not travel up by themselves: offer it to each ancestor in turn.
            const QPoint local =
                static_cast<QWidget*>(watched)->mapTo(this, wheel->position().toPoint());
            for (QWidget* w = parentWidget(); w; w = w->isWindow() ? nullptr : w->parentWidget()) {
                QWheelEvent forwarded(mapTo(w, local), wheel->globalPosition(), wheel->pixelDelta(),
                                      delta, wheel->buttons(), wheel->modifiers(), wheel->phase(),
                                      wheel->inverted(), wheel->source());
                QCoreApplication::sendEvent(w, &forwarded); // handlers ignore what they do not take
                if (forwarded.isAccepted())
                    break;
            }
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void HtmlOutputView::changeEvent(QEvent* event) {
    // The page's colours and font are the notebook's: a theme change reloads it.
    if ((event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) && m_view &&
        webOutputDocument(m_body, palette(), font()) != m_document) {
        m_measuredWidth = -1;
        placeWebView();
        loadDocument();
    }
    QWidget::changeEvent(event);
}

} // namespace quire::editor
