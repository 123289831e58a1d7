#pragma once

#include "editor/nbformat/json.h"

#include <QList>
#include <QPointer>
#include <QWidget>

#include <optional>

class QMenu;
class QScrollBar;

namespace quire::editor {

class OutputViewer;

// Shows a code cell's outputs (its "outputs" array): streams, errors, execute results and
// display data. Each output becomes one light child view (text painted with QTextLayout,
// images, markdown, a JSON tree, typeset LaTeX), made by OutputRendererRegistry for the MIME
// type selectMimeType() picks; an execute result gets an "Out[n]:" prompt in the left margin.
// The widget takes the height of its content for a given width (heightForWidth), to sit in
// the notebook's scrolling view.
//
// Per-cell display state comes from the owner (the cell's metadata): hidden outputs show one
// "… N outputs hidden" bar; scrolled outputs taller than maximumScrolledHeight() get that
// height and a scroll bar of their own. The area never changes that state itself: a click on
// the left margin (hide), on the bar (show) and the context menu (Copy Output, Open in Viewer,
// Hide Outputs, Scroll Long Output, Clear Output, after the view's own actions such as Save
// Image As…) emit requests that the owner turns into notebook edits.
class OutputArea : public QWidget {
    Q_OBJECT

public:
    explicit OutputArea(QWidget* parent = nullptr);
    ~OutputArea() override;

    // Replaces what is shown. Views of outputs that did not change are kept, a stream that
    // grew is extended in place, and decoded images come from a shared cache, so calling
    // this on every model change (streaming) or reopening a view stays cheap.
    // `executionCount` (the cell's) numbers execute results that carry no count of their own.
    void setOutputs(const Json& outputs, std::optional<long long> executionCount = std::nullopt);
    // Whether the outputs are trusted (the cell's, see Cell::outputsTrusted): trusted HTML
    // runs its scripts and application/javascript runs. Takes effect at the next setOutputs.
    void setTrusted(bool trusted) { m_trusted = trusted; }
    bool isTrusted() const { return m_trusted; }
    void clear();
    int outputCount() const { return int(m_views.size()); }
    bool hasOutputs() const { return !m_views.isEmpty(); }
    // The child view showing output `index` (a TextOutputView, ImageOutputView, MarkdownView,
    // JsonTreeView, LatexOutputView or a registered renderer's widget).
    QWidget* outputView(int index) const;
    // The output under `pos` (this widget's coordinates, the margin included), or -1.
    int outputIndexAt(const QPoint& pos) const;

    // All outputs as plain text.
    QString plainText() const;
    // What "Copy Output" copies for output `index`: a stream's or error's text, else the
    // output's text/plain, else the source its view shows (markdown, LaTeX, JSON).
    QString outputText(int index) const;

    // Width of the left margin that holds "Out[n]:" prompts (default: fits "Out[999]:").
    void setPromptWidth(int pixels);
    int promptWidth() const { return m_promptWidth; }

    void setOutputsHidden(bool hidden);
    bool outputsHidden() const { return m_hidden; }
    void setScrolled(bool scrolled);
    bool isScrolled() const { return m_scrolled; }
    // Scrolled and taller than the limit: the outputs scroll inside a fixed height.
    bool isScrolling() const;
    QScrollBar* scrollBar() const { return m_scrollBar; }
    // The fixed height of scrolling outputs. 0 (the default): 60% of the viewport of the
    // scroll area the outputs sit in (the notebook), else of the screen.
    void setMaximumScrolledHeight(int pixels);
    int maximumScrolledHeight() const;

    // The context menu for output `index` (-1: none in particular). With `viewPos` (in the
    // output view's coordinates) the view's own actions come first.
    void fillContextMenu(QMenu& menu, int index, std::optional<QPoint> viewPos = std::nullopt);
    // Opens output `index`'s text in a window of its own (nullptr when it has no text).
    OutputViewer* openInViewer(int index);

    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize sizeHint() const override;

signals:
    // The user asked to hide or show the outputs, to let tall ones scroll, or to clear them.
    void outputsHiddenRequested(bool hidden);
    void scrolledRequested(bool scrolled);
    void clearRequested();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void showEvent(QShowEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;

private:
    class Content;
    friend class Content;

    QWidget* makeView(const Json& output, QString* copyText);
    QWidget* makeDataView(const Json& output, QString* copyText);
    QWidget* makeTextView(const QString& text, int kind);
    void layoutContent(bool evenIfHidden = false);
    int barHeight() const;
    QString hiddenText() const;

    struct Shown {
        QPointer<QWidget> view;
        long long executionCount = -1; // >= 0: an execute result with a prompt
        size_t signature = 0;          // hash of the output's JSON
        QString copyText;              // text/plain of data shown another way
    };
    bool reuse(Shown& old, const Json& output, size_t signature);
    Content* m_content = nullptr;
    QScrollBar* m_scrollBar = nullptr;
    QList<Shown> m_views;
    int m_promptWidth = -1;
    int m_maxScrolledHeight = 0;
    bool m_hidden = false;
    bool m_scrolled = false;
    bool m_trusted = false;
    bool m_layoutPending = false;
};

} // namespace quire::editor
