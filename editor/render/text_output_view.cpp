#include "editor/render/text_output_view.h"

#include "editor/render/render_colors.h"

#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QFileDialog>
#include <QFontDatabase>
#include <QMenu>
#include <QMessageBox>
#include <QPainter>
#include <QSaveFile>
#include <QTextLayout>

#include <cmath>

namespace quire::editor {

namespace {

const QFont& outputFont() {
    static const QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    return font;
}

QTextOption textOption(const QFont& font, bool wrap) {
    QTextOption option;
    option.setWrapMode(wrap ? QTextOption::WrapAtWordBoundaryOrAnywhere : QTextOption::NoWrap);
    option.setTabStopDistance(8 * QFontMetricsF(font).horizontalAdvance(u' '));
    return option;
}

} // namespace

TextOutputView::TextOutputView(QWidget* parent) : QWidget(parent) {
    QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
    setFont(outputFont());
    setFocusPolicy(Qt::ClickFocus);
    setCursor(Qt::IBeamCursor);
}

TextOutputView::~TextOutputView() = default;

void TextOutputView::setText(const QString& terminalText, Kind kind) {
    const bool grows = kind == m_kind && !m_raw.isEmpty() && terminalText.size() >= m_raw.size() &&
                       QStringView(terminalText).first(m_raw.size()) == m_raw;
    if (grows && terminalText.size() == m_raw.size())
        return;
    if (grows) {
        const qsizetype lastLine = m_text.text.lastIndexOf(u'\n') + 1;
        extendAnsi(m_text, m_raw, terminalText);
        indexLines(lastLine);
    } else {
        m_text = parseAnsi(terminalText);
        m_selectionAnchor = m_selectionCursor = -1;
        indexLines(0);
    }
    m_raw = terminalText;
    m_kind = kind;
    invalidate();
}

// Line starts from `from` (a line start) on; a final line break opens no empty line.
void TextOutputView::indexLines(qsizetype from) {
    const QString& t = m_text.text;
    while (!m_lineStarts.empty() && m_lineStarts.back() >= from)
        m_lineStarts.pop_back();
    m_end = t.endsWith(u'\n') ? t.size() - 1 : t.size();
    if ((from == 0 && m_end > 0) || (from > 0 && from <= m_end)) {
        m_lineStarts.push_back(from);
        for (qsizetype i = t.indexOf(u'\n', from); i >= 0 && i < m_end; i = t.indexOf(u'\n', i + 1))
            m_lineStarts.push_back(i + 1);
    }
    m_wrap = lineCount() <= kWrapLineLimit && m_end <= kWrapCharLimit;
    const qsizetype end = m_end;
    const auto clampSel = [end](qsizetype& p) { p = std::min(p, end); };
    clampSel(m_selectionAnchor);
    clampSel(m_selectionCursor);
}

void TextOutputView::invalidate() {
    m_layout.reset();
    m_layoutWidth = -1;
    updateGeometry();
    update();
}

qreal TextOutputView::rowHeight() const {
    return std::ceil(QFontMetricsF(font()).height());
}

qsizetype TextOutputView::rowCount() const {
    return lineCount() <= kMaxRows ? lineCount() : kMaxRows + 1;
}

qsizetype TextOutputView::lineOfRow(qsizetype row) const {
    if (lineCount() <= kMaxRows)
        return row;
    const qsizetype head = kMaxRows / 2;
    if (row < head)
        return row;
    if (row == head)
        return -1;
    return lineCount() - (rowCount() - row);
}

QStringView TextOutputView::lineText(qsizetype line) const {
    const qsizetype start = m_lineStarts[size_t(line)];
    const qsizetype end = size_t(line + 1) < m_lineStarts.size() ? m_lineStarts[size_t(line + 1)] - 1 : m_end;
    return QStringView(m_text.text).mid(start, end - start);
}

void TextOutputView::ensureWrappedLayout(int width) const {
    if (m_layout && m_layoutWidth == width)
        return;
    QString text = m_text.text.left(m_end);
    text.replace(u'\n', QChar::LineSeparator);
    m_layout = std::make_unique<QTextLayout>(text, font());
    m_layout->setTextOption(textOption(font(), true));
    m_layout->setFormats(ansiFormats(m_text, AnsiPalette(palette()), 0, m_end));
    m_layout->setCacheEnabled(true);
    const qreal lineWidth = std::max(10, width - 2 * kPadX);
    qreal y = 0;
    m_layout->beginLayout();
    for (QTextLine line = m_layout->createLine(); line.isValid(); line = m_layout->createLine()) {
        line.setLineWidth(lineWidth);
        line.setPosition(QPointF(0, y));
        y += line.height();
    }
    m_layout->endLayout();
    m_layoutWidth = width;
    m_layoutHeight = std::ceil(y);
}

int TextOutputView::heightForWidth(int width) const {
    if (m_end == 0)
        return 0;
    if (m_wrap) {
        ensureWrappedLayout(width);
        return int(m_layoutHeight) + 2 * kPadY;
    }
    return int(qreal(rowCount()) * rowHeight()) + 2 * kPadY;
}

QSize TextOutputView::sizeHint() const {
    const int w = width() > 0 && isVisible() ? width() : 600;
    return QSize(w, heightForWidth(w));
}

QSize TextOutputView::minimumSizeHint() const {
    return QSize(50, m_end == 0 ? 0 : int(rowHeight()) + 2 * kPadY);
}

QList<QTextLayout::FormatRange> TextOutputView::selectionRanges(qsizetype from, qsizetype length) const {
    if (m_selectionAnchor < 0 || m_selectionAnchor == m_selectionCursor)
        return {};
    const qsizetype s = std::max(std::min(m_selectionAnchor, m_selectionCursor), from);
    const qsizetype e = std::min(std::max(m_selectionAnchor, m_selectionCursor), from + length);
    if (e <= s)
        return {};
    QTextCharFormat f;
    f.setBackground(palette().brush(QPalette::Highlight));
    f.setForeground(palette().brush(QPalette::HighlightedText));
    return {QTextLayout::FormatRange{int(s - from), int(e - s), f}};
}

void TextOutputView::paintEvent(QPaintEvent* event) {
    QPainter painter(this);
    if (m_kind != Kind::Plain)
        painter.fillRect(event->rect(), errorBackground(palette()));
    painter.setPen(palette().color(QPalette::Text));
    if (m_end == 0)
        return;
    if (!m_wrap) {
        paintUnwrapped(painter, event->rect());
        return;
    }
    ensureWrappedLayout(width());
    m_layout->draw(&painter, QPointF(kPadX, kPadY), selectionRanges(0, m_end),
                   QRectF(event->rect()).translated(-kPadX, -kPadY));
    m_lastPaintedRows = m_layout->lineCount();
}

void TextOutputView::paintUnwrapped(QPainter& painter, const QRect& rect) {
    const qreal rh = rowHeight();
    const qsizetype rows = rowCount();
    const qsizetype first = std::clamp<qsizetype>(qsizetype((rect.top() - kPadY) / rh), 0, rows);
    const qsizetype last = std::clamp<qsizetype>(qsizetype(std::ceil((rect.bottom() + 1 - kPadY) / rh)), 0, rows);
    const AnsiPalette ansi(palette());
    const QTextOption option = textOption(font(), false);
    m_lastPaintedRows = 0;
    for (qsizetype row = first; row < last; ++row) {
        const QPointF origin(kPadX, kPadY + qreal(row) * rh);
        const qsizetype line = lineOfRow(row);
        ++m_lastPaintedRows;
        if (line < 0) {
            QFont f = font();
            f.setItalic(true);
            painter.setFont(f);
            painter.setPen(mixColors(palette().color(QPalette::Text), palette().color(QPalette::Base), 0.4));
            const QString note = tr("⋯ %n more line(s) not shown; use Copy Output or Save Output As… ⋯", nullptr,
                                    int(std::min<qsizetype>(lineCount() - kMaxRows, INT_MAX)));
            painter.drawText(QRectF(origin, QSizeF(width() - 2 * kPadX, rh)), Qt::AlignVCenter, note);
            painter.setPen(palette().color(QPalette::Text));
            continue;
        }
        const QStringView text = lineText(line).left(kMaxRowChars);
        const qsizetype start = m_lineStarts[size_t(line)];
        QTextLayout layout(text.toString(), font());
        layout.setTextOption(option);
        layout.setFormats(ansiFormats(m_text, ansi, start, text.size()));
        layout.beginLayout();
        layout.createLine();
        layout.endLayout();
        layout.draw(&painter, origin, selectionRanges(start, text.size()));
    }
}

void TextOutputView::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        invalidate();
}

qsizetype TextOutputView::positionAt(QPointF point) const {
    if (m_end == 0)
        return 0;
    const QPointF p = point - QPointF(kPadX, kPadY);
    if (m_wrap) {
        ensureWrappedLayout(width());
        for (int i = 0; i < m_layout->lineCount(); ++i) {
            const QTextLine line = m_layout->lineAt(i);
            if (p.y() < line.y() + line.height() || i + 1 == m_layout->lineCount())
                return p.y() < 0 ? 0 : line.xToCursor(p.x());
        }
        return 0;
    }
    const qsizetype row = std::clamp<qsizetype>(qsizetype(p.y() / rowHeight()), 0, rowCount() - 1);
    qsizetype line = lineOfRow(row);
    if (line < 0)
        line = lineOfRow(row + 1);
    const QStringView text = lineText(line).left(kMaxRowChars);
    QTextLayout layout(text.toString(), font());
    layout.setTextOption(textOption(font(), false));
    layout.beginLayout();
    QTextLine l = layout.createLine();
    layout.endLayout();
    return m_lineStarts[size_t(line)] + l.xToCursor(p.x());
}

QString TextOutputView::selectedText() const {
    if (m_selectionAnchor < 0 || m_selectionAnchor == m_selectionCursor)
        return {};
    const qsizetype s = std::min(m_selectionAnchor, m_selectionCursor);
    return m_text.text.mid(s, std::max(m_selectionAnchor, m_selectionCursor) - s);
}

void TextOutputView::mousePressEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton)
        return QWidget::mousePressEvent(event);
    m_selectionAnchor = m_selectionCursor = positionAt(event->position());
    update();
}

void TextOutputView::mouseMoveEvent(QMouseEvent* event) {
    if (!(event->buttons() & Qt::LeftButton) || m_selectionAnchor < 0)
        return;
    m_selectionCursor = positionAt(event->position());
    update();
}

void TextOutputView::mouseReleaseEvent(QMouseEvent* event) {
    QWidget::mouseReleaseEvent(event);
}

void TextOutputView::keyPressEvent(QKeyEvent* event) {
    if (event == QKeySequence::Copy) {
        copySelection();
    } else if (event == QKeySequence::SelectAll) {
        m_selectionAnchor = 0;
        m_selectionCursor = m_end;
        update();
    } else {
        QWidget::keyPressEvent(event);
    }
}

void TextOutputView::copySelection() const {
    const QString text = selectedText();
    QApplication::clipboard()->setText(text.isEmpty() ? m_text.text : text);
}

void TextOutputView::addContextActions(QMenu& menu, const QPoint&) {
    QAction* copy = menu.addAction(tr("Copy"), this, [this] { copySelection(); });
    copy->setEnabled(!selectedText().isEmpty());
    menu.addAction(tr("Select All"), this, [this] {
        m_selectionAnchor = 0;
        m_selectionCursor = m_end;
        update();
    });
    menu.addAction(tr("Save Output As…"), this, [this] { saveOutput(); });
}

void TextOutputView::contextMenuEvent(QContextMenuEvent* event) {
    QMenu menu(this);
    addContextActions(menu, event->pos());
    menu.addAction(tr("Copy Output"), this, [this] { QApplication::clipboard()->setText(m_text.text); });
    menu.exec(event->globalPos());
}

void TextOutputView::saveOutput() {
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Output As"), tr("output.txt"),
                                                      tr("Text files (*.txt);;All files (*)"));
    if (path.isEmpty())
        return;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(m_text.text.toUtf8()) < 0 || !file.commit())
        QMessageBox::warning(this, tr("Save Output As"),
                             tr("Could not save %1: %2").arg(path, file.errorString()));
}

} // namespace quire::editor
