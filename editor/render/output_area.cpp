#include "editor/render/output_area.h"

#include "editor/render/ansi_text.h"
#include "editor/render/json_tree_view.h"
#include "editor/render/latex_output_view.h"
#include "editor/render/markdown_view.h"
#include "editor/render/mime_select.h"
#include "editor/render/output_renderers.h"
#include "editor/render/output_view_actions.h"
#include "editor/render/output_viewer.h"
#include "editor/render/render_colors.h"
#include "editor/render/text_output_view.h"

#include <QAbstractScrollArea>
#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QFontDatabase>
#include <QHelpEvent>
#include <QMenu>
#include <QPainter>
#include <QPainterPath>
#include <QScreen>
#include <QScrollBar>
#include <QToolTip>

namespace quire::editor {

namespace {

constexpr int kSpacing = 2;    // between outputs
constexpr int kScrollStep = 20; // pixels per scroll bar arrow click

QString textField(const Json& output, const char* key) {
    const auto it = output.find(key);
    return it == output.end() ? QString() : mimeText(*it);
}

// A content hash of a JSON value; strings are hashed as bytes, without copying.
size_t jsonHash(const Json& j, size_t seed) {
    switch (j.type()) {
    case Json::value_t::string: {
        const auto& s = j.get_ref<const std::string&>();
        return qHash(QByteArrayView(s.data(), qsizetype(s.size())), seed);
    }
    case Json::value_t::array:
        for (const Json& item : j)
            seed = jsonHash(item, seed * 31 + 1);
        return seed;
    case Json::value_t::object:
        for (auto it = j.begin(); it != j.end(); ++it)
            seed = jsonHash(it.value(), qHash(QByteArrayView(it.key().data(), qsizetype(it.key().size())), seed));
        return seed;
    default:
        return qHashMulti(seed, int(j.type()), QByteArrayView(j.dump().c_str()));
    }
}

int viewHeight(const QWidget* view, int width) {
    return view->hasHeightForWidth() ? view->heightForWidth(width) : view->sizeHint().height();
}

} // namespace

// The outputs stacked in a column, with the "Out[n]:" prompts in the left margin. It is as
// tall as the outputs; when they scroll, the area moves it under a fixed height. The margin
// is the handle that hides the outputs: it lights up under the mouse and a click hides.
class OutputArea::Content : public QWidget {
public:
    explicit Content(OutputArea* area) : QWidget(area), m_area(area) { setMouseTracking(true); }

    int heightFor(int width) const {
        const int w = std::max(10, width - m_area->m_promptWidth);
        int h = 0;
        int n = 0;
        for (const Shown& s : m_area->m_views) {
            if (s.view)
                h += (n++ ? kSpacing : 0) + viewHeight(s.view, w);
        }
        return h;
    }

    void layoutViews() {
        const int x = m_area->m_promptWidth;
        const int w = std::max(10, width() - x);
        int y = 0;
        for (const Shown& s : m_area->m_views) {
            if (!s.view)
                continue;
            const int h = viewHeight(s.view, w);
            s.view->setGeometry(x, y, w, h);
            y += h + kSpacing;
        }
    }

    bool inMargin(const QPoint& pos) const { return pos.x() < m_area->m_promptWidth; }

protected:
    bool event(QEvent* event) override {
        switch (event->type()) {
        case QEvent::LayoutRequest: // an output's size changed (a tree opened, text grew)
            m_area->layoutContent();
            m_area->updateGeometry();
            return true;
        case QEvent::ToolTip: {
            auto* help = static_cast<QHelpEvent*>(event);
            if (inMargin(help->pos()))
                QToolTip::showText(help->globalPos(), OutputArea::tr("Click to hide the outputs"), this);
            else
                QToolTip::hideText();
            return true;
        }
        default:
            return QWidget::event(event);
        }
    }

    void resizeEvent(QResizeEvent*) override { layoutViews(); }

    void mouseMoveEvent(QMouseEvent* event) override {
        setHover(inMargin(event->position().toPoint()));
        QWidget::mouseMoveEvent(event);
    }

    void leaveEvent(QEvent* event) override {
        setHover(false);
        QWidget::leaveEvent(event);
    }

    void mousePressEvent(QMouseEvent* event) override {
        if (event->button() == Qt::LeftButton && inMargin(event->position().toPoint())) {
            emit m_area->outputsHiddenRequested(true);
            return;
        }
        QWidget::mousePressEvent(event);
    }

    void paintEvent(QPaintEvent* event) override {
        QPainter painter(this);
        const QRect clip = event->rect();
        const int margin = m_area->m_promptWidth;
        if (m_hover) {
            const QColor strip = mixColors(palette().color(QPalette::Base),
                                           palette().color(QPalette::Highlight), 0.55);
            painter.setRenderHint(QPainter::Antialiasing);
            QPainterPath path;
            path.addRoundedRect(QRectF(7, 1, 5, height() - 2), 2.5, 2.5);
            painter.fillPath(path, strip);
            painter.setRenderHint(QPainter::Antialiasing, false);
        }
        painter.setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        painter.setPen(outputPromptColor(palette()));
        for (const Shown& s : m_area->m_views) {
            if (s.executionCount < 0 || !s.view ||
                !s.view->geometry().intersects(clip.adjusted(-margin, 0, 0, 0)))
                continue;
            const QRect r(0, s.view->y(), margin - 6, painter.fontMetrics().height() + 4);
            const QString prompt = s.executionCount > 0
                                       ? OutputArea::tr("Out[%1]:").arg(s.executionCount)
                                       : OutputArea::tr("Out[ ]:");
            painter.drawText(r, Qt::AlignRight | Qt::AlignVCenter, prompt);
        }
    }

private:
    void setHover(bool hover) {
        if (hover == m_hover)
            return;
        m_hover = hover;
        if (hover)
            setCursor(Qt::PointingHandCursor);
        else
            unsetCursor();
        update(0, 0, m_area->m_promptWidth, height());
    }

    OutputArea* m_area;
    bool m_hover = false;
};

OutputArea::OutputArea(QWidget* parent)
    : QWidget(parent), m_content(new Content(this)), m_scrollBar(new QScrollBar(Qt::Vertical, this)) {
    setPromptWidth(-1);
    QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
    m_scrollBar->hide();
    m_scrollBar->setSingleStep(kScrollStep);
    m_scrollBar->setAccessibleName(tr("Output scroll bar"));
    connect(m_scrollBar, &QScrollBar::valueChanged, this, [this](int value) {
        m_content->move(0, -value);
    });
}

OutputArea::~OutputArea() = default;

void OutputArea::setPromptWidth(int pixels) {
    if (pixels < 0) {
        const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
        pixels = QFontMetrics(fixed).horizontalAdvance(QStringLiteral("Out[999]:")) + 8;
    }
    m_promptWidth = pixels;
    layoutContent();
}

void OutputArea::clear() {
    for (const Shown& s : std::as_const(m_views))
        delete s.view;
    m_views.clear();
    layoutContent();
    updateGeometry();
}

bool OutputArea::reuse(Shown& old, const Json& output, size_t signature) {
    if (!old.view)
        return false;
    if (old.signature == signature)
        return true;
    // A stream that grew: extend its view instead of parsing everything again.
    auto* text = qobject_cast<TextOutputView*>(old.view.data());
    if (!text || output.value("output_type", std::string()) != "stream")
        return false;
    const auto kind = output.value("name", std::string()) == "stderr" ? TextOutputView::Kind::Stderr
                                                                      : TextOutputView::Kind::Plain;
    if (text->kind() != kind)
        return false;
    text->setText(textField(output, "text"), kind);
    return true;
}

void OutputArea::setOutputs(const Json& outputs, std::optional<long long> executionCount) {
    QList<Shown> old = std::move(m_views);
    m_views.clear();
    if (outputs.is_array()) {
        for (const Json& output : outputs) {
            if (!output.is_object())
                continue;
            const size_t signature =
                jsonHash(output, size_t(0x51ed) +
                                     size_t(OutputRendererRegistry::instance().generation()) * 2 +
                                     size_t(m_trusted));
            Shown shown;
            const qsizetype i = m_views.size();
            if (i < old.size() && reuse(old[i], output, signature)) {
                shown.view = old[i].view;
                shown.copyText = old[i].copyText;
                old[i].view = nullptr;
            } else {
                shown.view = makeView(output, &shown.copyText);
                if (shown.view) {
                    shown.view->setParent(m_content);
                    shown.view->installEventFilter(this);
                    shown.view->show();
                }
            }
            if (!shown.view)
                continue;
            shown.signature = signature;
            if (output.value("output_type", std::string()) == "execute_result") {
                const auto count = output.find("execution_count");
                shown.executionCount = count != output.end() && count->is_number_integer()
                                           ? count->get<long long>()
                                           : executionCount.value_or(0);
            }
            m_views.append(shown);
        }
    }
    for (const Shown& s : std::as_const(old))
        delete s.view;
    layoutContent();
    updateGeometry();
    m_content->update();
}

QWidget* OutputArea::outputView(int index) const {
    return index >= 0 && index < m_views.size() ? m_views[index].view.data() : nullptr;
}

int OutputArea::outputIndexAt(const QPoint& pos) const {
    if (m_hidden || m_content->isHidden())
        return -1;
    const int y = m_content->mapFrom(this, pos).y();
    for (int i = 0; i < m_views.size(); ++i) {
        const QWidget* view = m_views[i].view;
        if (view && y >= view->y() - kSpacing && y < view->y() + view->height())
            return i;
    }
    return -1;
}

QWidget* OutputArea::makeView(const Json& output, QString* copyText) {
    const std::string type = output.value("output_type", std::string());
    if (type == "stream") {
        const bool err = output.value("name", std::string()) == "stderr";
        return makeTextView(textField(output, "text"),
                            int(err ? TextOutputView::Kind::Stderr : TextOutputView::Kind::Plain));
    }
    if (type == "error") {
        QString text;
        if (const auto tb = output.find("traceback"); tb != output.end() && tb->is_array()) {
            QStringList lines;
            for (const Json& line : *tb)
                lines.append(mimeText(line));
            text = lines.join(u'\n');
        }
        const QString ename = textField(output, "ename");
        const QString evalue = textField(output, "evalue");
        // IPython's traceback already ends with "ename: evalue"; other kernels may not.
        if (!ename.isEmpty() && !ansiToPlainText(text).contains(ename))
            text += (text.isEmpty() ? QString() : QStringLiteral("\n")) + ename + QStringLiteral(": ") + evalue;
        return makeTextView(text, int(TextOutputView::Kind::Error));
    }
    if (type == "execute_result" || type == "display_data")
        return makeDataView(output, copyText);
    return makeTextView(tr("[output of type \"%1\" is not shown]").arg(QString::fromStdString(type)),
                        int(TextOutputView::Kind::Plain));
}

QWidget* OutputArea::makeDataView(const Json& output, QString* copyText) {
    const auto data = output.find("data");
    if (data == output.end() || !data->is_object() || data->empty())
        return nullptr;
    const OutputRendererRegistry& renderers = OutputRendererRegistry::instance();
    const QString mime = selectMimeType(*data, renderers.mimeTypes(m_trusted));
    // Shown another way, the output still copies as its text/plain.
    if (mime != u"text/plain") {
        if (const auto plain = data->find("text/plain"); plain != data->end())
            *copyText = mimeText(*plain);
    }
    if (!mime.isEmpty()) {
        if (QWidget* view =
                renderers.create(output, mime, OutputRenderContext{m_trusted}, m_content))
            return view;
    }
    // Nothing drawn natively (e.g. only text/html): show the richest source.
    for (const QString& type : mimePreferenceOrder()) {
        const auto it = data->find(type.toStdString());
        if (it != data->end() && !isJsonMimeType(type))
            return makeTextView(mimeText(*it), int(TextOutputView::Kind::Plain));
    }
    return makeTextView(tr("[%1 output is not shown]").arg(QString::fromStdString(data->begin().key())),
                        int(TextOutputView::Kind::Plain));
}

QWidget* OutputArea::makeTextView(const QString& text, int kind) {
    auto* view = new TextOutputView(m_content);
    view->setText(text, TextOutputView::Kind(kind));
    return view;
}

QString OutputArea::outputText(int index) const {
    if (index < 0 || index >= m_views.size())
        return {};
    const Shown& s = m_views[index];
    if (!s.copyText.isEmpty())
        return s.copyText;
    QWidget* view = s.view.data();
    if (auto* text = qobject_cast<TextOutputView*>(view))
        return text->plainText();
    if (auto* md = qobject_cast<MarkdownView*>(view))
        return md->markdown();
    if (auto* latex = qobject_cast<LatexOutputView*>(view))
        return latex->latex();
    if (auto* tree = qobject_cast<JsonTreeView*>(view))
        return tree->valueText(0);
    return {};
}

QString OutputArea::plainText() const {
    QStringList parts;
    for (int i = 0; i < m_views.size(); ++i) {
        const QString text = outputText(i);
        if (!text.isEmpty())
            parts.append(text);
    }
    return parts.join(u'\n');
}

// ---- hidden and scrolled outputs ---------------------------------------------------------

void OutputArea::setOutputsHidden(bool hidden) {
    if (hidden == m_hidden)
        return;
    m_hidden = hidden;
    setToolTip(hidden ? tr("Click to show the outputs") : QString());
    if (hidden)
        setCursor(Qt::PointingHandCursor);
    else
        unsetCursor();
    layoutContent();
    updateGeometry();
}

void OutputArea::setScrolled(bool scrolled) {
    if (scrolled == m_scrolled)
        return;
    m_scrolled = scrolled;
    m_scrollBar->setValue(0);
    layoutContent();
    updateGeometry();
}

void OutputArea::setMaximumScrolledHeight(int pixels) {
    m_maxScrolledHeight = std::max(0, pixels);
    layoutContent();
    updateGeometry();
}

int OutputArea::maximumScrolledHeight() const {
    if (m_maxScrolledHeight > 0)
        return m_maxScrolledHeight;
    constexpr double kShare = 0.6;
    for (const QWidget* p = parentWidget(); p; p = p->parentWidget()) {
        if (auto* scroll = qobject_cast<const QAbstractScrollArea*>(p))
            return std::max(100, int(scroll->viewport()->height() * kShare));
    }
    const QScreen* s = screen();
    return std::max(100, int((s ? s->availableGeometry().height() : 800) * kShare));
}

bool OutputArea::isScrolling() const {
    return m_scrolled && !m_hidden && hasOutputs() &&
           m_content->heightFor(width()) > maximumScrolledHeight();
}

int OutputArea::barHeight() const {
    return fontMetrics().height() + 8;
}

QString OutputArea::hiddenText() const {
    const int n = outputCount();
    return n == 1 ? tr("… 1 output hidden") : tr("… %1 outputs hidden").arg(n);
}

void OutputArea::layoutContent(bool evenIfHidden) {
    // Widgets start small and hidden: laying out wrapped text at that width would be wasted.
    if (!isVisible() && !evenIfHidden) {
        m_layoutPending = true;
        return;
    }
    m_layoutPending = false;
    const bool shown = !m_hidden && hasOutputs();
    m_content->setVisible(shown);
    if (!shown) {
        m_scrollBar->hide();
        update();
        return;
    }
    const int w = width();
    if (isScrolling()) {
        const int bar = m_scrollBar->sizeHint().width();
        const int inner = m_content->heightFor(w - bar);
        const bool atEnd = !m_scrollBar->isHidden() && m_scrollBar->maximum() > 0 &&
                           m_scrollBar->value() == m_scrollBar->maximum();
        m_scrollBar->setRange(0, std::max(0, inner - height()));
        m_scrollBar->setPageStep(std::max(1, height()));
        if (atEnd) // follow a stream that grows at the end
            m_scrollBar->setValue(m_scrollBar->maximum());
        m_scrollBar->setGeometry(w - bar, 0, bar, height());
        m_scrollBar->show();
        m_scrollBar->raise();
        m_content->setGeometry(0, -m_scrollBar->value(), w - bar, inner);
    } else {
        m_scrollBar->hide();
        m_scrollBar->setValue(0);
        m_content->setGeometry(0, 0, w, m_content->heightFor(w));
    }
    m_content->layoutViews();
    update();
}

int OutputArea::heightForWidth(int width) const {
    if (m_views.isEmpty())
        return 0;
    if (m_hidden)
        return barHeight();
    const int full = m_content->heightFor(width);
    if (m_scrolled)
        return std::min(full, maximumScrolledHeight());
    return full;
}

QSize OutputArea::sizeHint() const {
    const int w = width() > 0 && isVisible() ? width() : 600;
    return QSize(w, heightForWidth(w));
}

void OutputArea::resizeEvent(QResizeEvent*) {
    layoutContent(/*evenIfHidden=*/true); // a size given before showing (render()) is real
}

void OutputArea::showEvent(QShowEvent*) {
    if (m_layoutPending)
        layoutContent();
}

void OutputArea::paintEvent(QPaintEvent*) {
    if (!m_hidden || !hasOutputs())
        return;
    QPainter painter(this);
    const QRect bar(m_promptWidth, 1, width() - m_promptWidth - 1, barHeight() - 2);
    painter.setRenderHint(QPainter::Antialiasing);
    QPainterPath path;
    path.addRoundedRect(QRectF(bar).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4);
    painter.fillPath(path, codeBackground(palette()));
    painter.setPen(mixColors(palette().color(QPalette::Text), palette().color(QPalette::Base), 0.7));
    painter.drawPath(path);
    painter.setPen(jsonColor(palette(), JsonColorRole::Muted));
    painter.drawText(bar.adjusted(8, 0, -8, 0), Qt::AlignLeft | Qt::AlignVCenter,
                     fontMetrics().elidedText(hiddenText(), Qt::ElideRight, bar.width() - 16));
}

void OutputArea::mousePressEvent(QMouseEvent* event) {
    if (m_hidden && event->button() == Qt::LeftButton) {
        emit outputsHiddenRequested(false);
        return;
    }
    QWidget::mousePressEvent(event);
}

void OutputArea::wheelEvent(QWheelEvent* event) {
    // Scrolling outputs take the wheel until they reach an end; then the notebook scrolls.
    if (m_scrollBar->isHidden()) {
        event->ignore();
        return;
    }
    const int delta = !event->pixelDelta().isNull()
                          ? -event->pixelDelta().y()
                          : -event->angleDelta().y() * QApplication::wheelScrollLines() * kScrollStep / 120;
    const int value = m_scrollBar->value();
    if (delta == 0 || (delta < 0 && value <= 0) || (delta > 0 && value >= m_scrollBar->maximum())) {
        event->ignore();
        return;
    }
    m_scrollBar->setValue(value + delta);
    event->accept();
}

// ---- context menu ------------------------------------------------------------------------

void OutputArea::fillContextMenu(QMenu& menu, int index, std::optional<QPoint> viewPos) {
    QWidget* view = outputView(index);
    if (auto* own = dynamic_cast<OutputViewActions*>(view); own && viewPos) {
        own->addContextActions(menu, *viewPos);
        menu.addSeparator();
    }
    QAction* copy = menu.addAction(tr("Copy Output"), this, [this, index] {
        QApplication::clipboard()->setText(outputText(index));
    });
    copy->setObjectName(QStringLiteral("copyOutput"));
    copy->setEnabled(index >= 0);
    QAction* viewer = menu.addAction(tr("Open in Viewer"), this, [this, index] { openInViewer(index); });
    viewer->setObjectName(QStringLiteral("openInViewer"));
    viewer->setEnabled(index >= 0);
    menu.addSeparator();
    QAction* hide = menu.addAction(m_hidden ? tr("Show Outputs") : tr("Hide Outputs"), this,
                                   [this] { emit outputsHiddenRequested(!m_hidden); });
    hide->setObjectName(QStringLiteral("toggleOutputsHidden"));
    QAction* scroll = menu.addAction(tr("Scroll Long Output"));
    scroll->setObjectName(QStringLiteral("toggleScrolled"));
    scroll->setCheckable(true);
    scroll->setChecked(m_scrolled);
    connect(scroll, &QAction::triggered, this, [this](bool on) { emit scrolledRequested(on); });
    menu.addSeparator();
    QAction* clear = menu.addAction(tr("Clear Output"), this, [this] { emit clearRequested(); });
    clear->setObjectName(QStringLiteral("clearOutput"));
}

OutputViewer* OutputArea::openInViewer(int index) {
    const QString text = outputText(index);
    if (text.isEmpty())
        return nullptr;
    auto* viewer = new OutputViewer(text, tr("Output"), window());
    viewer->show();
    viewer->raise();
    viewer->activateWindow();
    return viewer;
}

bool OutputArea::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() != QEvent::ContextMenu)
        return false;
    int index = -1;
    for (int i = 0; i < m_views.size(); ++i) {
        if (m_views[i].view == watched)
            index = i;
    }
    if (index < 0)
        return false;
    auto* e = static_cast<QContextMenuEvent*>(event);
    QMenu menu(this);
    fillContextMenu(menu, index, e->pos());
    menu.exec(e->globalPos());
    return true;
}

void OutputArea::contextMenuEvent(QContextMenuEvent* event) {
    QMenu menu(this);
    fillContextMenu(menu, outputIndexAt(event->pos()));
    menu.exec(event->globalPos());
}

} // namespace quire::editor
