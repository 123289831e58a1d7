#include "editor/render/markdown_view.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QDesktopServices>
#include <QDir>
#include <QMenu>
#include <QPainter>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QUrl>

#include <algorithm>

namespace quire::editor {

MarkdownView::MarkdownView(QWidget* parent) : QWidget(parent) {
    QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
    setMouseTracking(true);
    setFocusPolicy(Qt::ClickFocus);
    setCursor(Qt::IBeamCursor);
    m_doc = std::make_unique<QTextDocument>();
}

MarkdownView::~MarkdownView() = default;

void MarkdownView::setMarkdown(const QString& source, const Json& attachments,
                               const QString& baseDirectory) {
    m_source = source;
    m_attachments = attachments;
    m_baseDirectory = baseDirectory;
    render();
}

void MarkdownView::render() {
    // A fresh document each time: cheap, and no formulas or resources pile up.
    MarkdownContext ctx;
    ctx.attachments = m_attachments;
    ctx.baseDirectory = m_baseDirectory;
    ctx.palette = palette();
    ctx.font = font();
    m_doc = renderMarkdown(m_source, ctx);
    m_hasImages = !m_doc->allFormats().isEmpty() &&
                  std::any_of(m_doc->allFormats().cbegin(), m_doc->allFormats().cend(),
                              [](const QTextFormat& f) { return f.isImageFormat(); });
    m_doc->setDocumentMargin(2);
    m_layoutWidth = -1;
    m_selectionAnchor = m_selectionCursor = -1;
    updateGeometry();
    update();
}

void MarkdownView::layoutFor(int width) const {
    if (width == m_layoutWidth)
        return;
    m_layoutWidth = width;
    if (m_hasImages) // images never overflow the view: scale wide ones down
        fitMarkdownImages(m_doc.get(), std::max(16.0, width - 4 * m_doc->documentMargin() - 16));
    m_doc->setTextWidth(std::max(1, width));
}

int MarkdownView::heightForWidth(int width) const {
    layoutFor(width);
    return int(std::ceil(m_doc->size().height()));
}

QSize MarkdownView::sizeHint() const {
    const int w = width() > 0 && isVisible() ? width() : 600;
    return QSize(w, heightForWidth(w));
}

QSize MarkdownView::minimumSizeHint() const {
    return QSize(50, 0);
}

int MarkdownView::anchorPosition(const QString& anchor) const {
    layoutFor(width());
    for (QTextBlock b = m_doc->begin(); b.isValid(); b = b.next()) {
        if (b.blockFormat().stringProperty(kHeadingAnchorProperty) == anchor)
            return int(m_doc->documentLayout()->blockBoundingRect(b).top());
    }
    return -1;
}

QString MarkdownView::selectedText() const {
    if (m_selectionAnchor < 0 || m_selectionAnchor == m_selectionCursor)
        return {};
    return markdownDocumentText(m_doc.get(), std::min(m_selectionAnchor, m_selectionCursor),
                                std::max(m_selectionAnchor, m_selectionCursor));
}

void MarkdownView::paintEvent(QPaintEvent* event) {
    layoutFor(width());
    QPainter painter(this);
    QAbstractTextDocumentLayout::PaintContext ctx;
    ctx.palette = palette();
    ctx.palette.setColor(QPalette::Text, palette().color(QPalette::Text));
    ctx.clip = event->rect();
    if (m_selectionAnchor >= 0 && m_selectionAnchor != m_selectionCursor) {
        QAbstractTextDocumentLayout::Selection sel;
        sel.cursor = QTextCursor(m_doc.get());
        sel.cursor.setPosition(m_selectionAnchor);
        sel.cursor.setPosition(m_selectionCursor, QTextCursor::KeepAnchor);
        sel.format.setBackground(palette().brush(QPalette::Highlight));
        sel.format.setForeground(palette().brush(QPalette::HighlightedText));
        ctx.selections.append(sel);
    }
    painter.setClipRect(event->rect());
    m_doc->documentLayout()->draw(&painter, ctx);
}

void MarkdownView::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    layoutFor(width());
}

void MarkdownView::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        render(); // code and link colours are baked into the document
}

int MarkdownView::positionAt(QPointF point, Qt::HitTestAccuracy accuracy) const {
    layoutFor(width());
    return m_doc->documentLayout()->hitTest(point, accuracy);
}

QString MarkdownView::anchorAt(QPointF point) const {
    layoutFor(width());
    return m_doc->documentLayout()->anchorAt(point);
}

void MarkdownView::mousePressEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton)
        return QWidget::mousePressEvent(event);
    m_pressedHref = anchorAt(event->position());
    m_selectionAnchor = m_selectionCursor = positionAt(event->position(), Qt::FuzzyHit);
    m_selecting = true;
    update();
}

void MarkdownView::mouseMoveEvent(QMouseEvent* event) {
    if (m_selecting && (event->buttons() & Qt::LeftButton)) {
        m_selectionCursor = positionAt(event->position(), Qt::FuzzyHit);
        if (m_selectionCursor != m_selectionAnchor)
            m_pressedHref.clear(); // a drag selects, it does not click
        update();
        return;
    }
    setCursor(anchorAt(event->position()).isEmpty() ? Qt::IBeamCursor : Qt::PointingHandCursor);
}

void MarkdownView::mouseReleaseEvent(QMouseEvent* event) {
    m_selecting = false;
    if (event->button() == Qt::LeftButton && !m_pressedHref.isEmpty() &&
        anchorAt(event->position()) == m_pressedHref) {
        const QString href = m_pressedHref;
        m_pressedHref.clear();
        openLink(href);
    }
}

void MarkdownView::mouseDoubleClickEvent(QMouseEvent* event) {
    QTextCursor c(m_doc.get());
    c.setPosition(positionAt(event->position(), Qt::FuzzyHit));
    c.select(QTextCursor::WordUnderCursor);
    m_selectionAnchor = c.anchor();
    m_selectionCursor = c.position();
    update();
}

void MarkdownView::keyPressEvent(QKeyEvent* event) {
    if (event == QKeySequence::Copy) {
        copySelection();
        return;
    }
    if (event == QKeySequence::SelectAll) {
        m_selectionAnchor = 0;
        m_selectionCursor = m_doc->characterCount() - 1;
        update();
        return;
    }
    QWidget::keyPressEvent(event);
}

void MarkdownView::copySelection() const {
    const QString text = selectedText();
    QApplication::clipboard()->setText(text.isEmpty() ? markdownDocumentText(m_doc.get()) : text);
}

void MarkdownView::contextMenuEvent(QContextMenuEvent* event) {
    QMenu menu(this);
    addContextActions(menu, event->pos());
    menu.exec(event->globalPos());
}

void MarkdownView::addContextActions(QMenu& menu, const QPoint& pos) {
    const QString href = anchorAt(pos);
    if (!href.isEmpty()) {
        menu.addAction(tr("Open Link"), this, [this, href] { openLink(href); });
        menu.addAction(tr("Copy Link Address"), this,
                       [href] { QApplication::clipboard()->setText(href); });
        menu.addSeparator();
    }
    QAction* copy = menu.addAction(tr("Copy"), this, [this] { copySelection(); });
    copy->setEnabled(!selectedText().isEmpty());
    menu.addAction(tr("Copy All"), this,
                   [this] { QApplication::clipboard()->setText(markdownDocumentText(m_doc.get())); });
    menu.addAction(tr("Copy Markdown Source"), this,
                   [this] { QApplication::clipboard()->setText(m_source); });
}

void MarkdownView::openLink(const QString& href) {
    if (href.startsWith(u'#')) {
        emit anchorActivated(QUrl::fromPercentEncoding(href.mid(1).toUtf8()));
        return;
    }
    QUrl url(href);
    if (url.isRelative() && !m_baseDirectory.isEmpty())
        url = QUrl::fromLocalFile(QDir(m_baseDirectory).filePath(url.path()));
    QDesktopServices::openUrl(url);
}

} // namespace quire::editor
