#pragma once

#include "editor/render/ansi_text.h"
#include "editor/render/output_view_actions.h"

#include <QWidget>

#include <memory>
#include <vector>

class QTextLayout;

namespace quire::editor {

// Terminal-style text of one output (a stream, an error traceback, text/plain), painted with
// QTextLayout; no QTextEdit. Up to kWrapLineLimit lines are laid out once per width with
// wrapping. Longer outputs are not wrapped: every line is one row, and only the rows inside
// the paint event's rect are laid out, so a million-line output paints like a short one.
// Beyond kMaxRows rows the middle is elided (the ends stay; "Copy output" gets everything).
class TextOutputView : public QWidget, public OutputViewActions {
    Q_OBJECT

public:
    enum class Kind { Plain, Stderr, Error };
    static constexpr qsizetype kWrapLineLimit = 5000;
    static constexpr qsizetype kWrapCharLimit = 256 * 1024;
    static constexpr qsizetype kMaxRows = 100000;
    static constexpr qsizetype kMaxRowChars = 4000; // longer lines are cut in unwrapped mode

    explicit TextOutputView(QWidget* parent = nullptr);
    ~TextOutputView() override;

    // `terminalText` may hold ANSI escapes, \r and \b. When it extends the text shown
    // (a growing stream), only the new part is parsed.
    void setText(const QString& terminalText, Kind kind = Kind::Plain);
    Kind kind() const { return m_kind; }

    const QString& plainText() const { return m_text.text; }
    QString selectedText() const;
    qsizetype lineCount() const { return qsizetype(m_lineStarts.size()); }
    bool isWrapping() const { return m_wrap; }

    // Rows laid out by the last paint (diagnostics and tests of the virtualized path).
    int lastPaintedRowCount() const { return m_lastPaintedRows; }

    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    // Copy, Select All, Save Output As… (OutputArea adds Copy Output for the whole output).
    void addContextActions(QMenu& menu, const QPoint& pos) override;

protected:
    void paintEvent(QPaintEvent* event) override;
    void changeEvent(QEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;

private:
    static constexpr int kPadX = 4;
    static constexpr int kPadY = 2;

    void invalidate();
    void indexLines(qsizetype from);
    void ensureWrappedLayout(int width) const;
    qreal rowHeight() const;
    qsizetype rowCount() const;
    qsizetype lineOfRow(qsizetype row) const; // -1 for the elision marker
    QStringView lineText(qsizetype line) const;
    qsizetype positionAt(QPointF point) const;
    QList<QTextLayout::FormatRange> selectionRanges(qsizetype from, qsizetype length) const;
    void paintUnwrapped(QPainter& painter, const QRect& rect);
    void copySelection() const;
    void saveOutput();

    QString m_raw; // as given, kept to recognise appends
    AnsiText m_text;
    std::vector<qsizetype> m_lineStarts;
    qsizetype m_end = 0; // end of the shown text: a final line break opens no empty line
    Kind m_kind = Kind::Plain;
    bool m_wrap = true;
    mutable std::unique_ptr<QTextLayout> m_layout; // wrapped mode
    mutable int m_layoutWidth = -1;
    mutable qreal m_layoutHeight = 0;
    qsizetype m_selectionAnchor = -1;
    qsizetype m_selectionCursor = -1;
    int m_lastPaintedRows = 0;
};

} // namespace quire::editor
