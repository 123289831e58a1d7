#pragma once

#include "editor/nbformat/json.h"
#include "editor/render/markdown_renderer.h"
#include "editor/render/output_view_actions.h"

#include <QWidget>

#include <memory>

class QTextDocument;

namespace quire::editor {

// Shows rendered markdown (a markdown cell, or a text/markdown output). It has no frame or
// scroll bars and takes the height its content needs at a given width (heightForWidth), so
// the notebook's own scrolling shows it. Text can be selected with the mouse and copied;
// links open with QDesktopServices, links to "#anchor" are reported instead.
class MarkdownView : public QWidget, public OutputViewActions {
    Q_OBJECT

public:
    explicit MarkdownView(QWidget* parent = nullptr);
    ~MarkdownView() override;

    // `attachments` is the cell's "attachments" object; `baseDirectory` the notebook's folder.
    void setMarkdown(const QString& source, const Json& attachments = {},
                     const QString& baseDirectory = {});
    const QString& markdown() const { return m_source; }

    QTextDocument* document() const { return m_doc.get(); }

    // The y offset of the heading with this anchor id, or -1.
    int anchorPosition(const QString& anchor) const;

    QString selectedText() const;

    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    // Open Link / Copy Link Address (on a link), Copy, Copy All, Copy Markdown Source.
    void addContextActions(QMenu& menu, const QPoint& pos) override;

signals:
    // A link to a place in the notebook ("#Heading-id") was clicked.
    void anchorActivated(const QString& anchor);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;

private:
    void render();
    void layoutFor(int width) const;
    int positionAt(QPointF point, Qt::HitTestAccuracy accuracy) const;
    QString anchorAt(QPointF point) const;
    void openLink(const QString& href);
    void copySelection() const;

    std::unique_ptr<QTextDocument> m_doc;
    QString m_source;
    Json m_attachments;
    QString m_baseDirectory;
    mutable int m_layoutWidth = -1;
    bool m_hasImages = false;
    int m_selectionAnchor = -1;
    int m_selectionCursor = -1;
    QString m_pressedHref;
    bool m_selecting = false;
};

} // namespace quire::editor
