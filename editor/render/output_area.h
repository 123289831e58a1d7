#pragma once

#include "editor/nbformat/json.h"

#include <QList>
#include <QPointer>
#include <QWidget>

#include <optional>

class QVBoxLayout;

namespace quire::editor {

// Shows a code cell's outputs (its "outputs" array): streams, errors, execute results and
// display data. Each output becomes one light child view (text painted with QTextLayout,
// images, markdown), made by OutputRendererRegistry for the MIME type selectMimeType()
// picks; an execute result gets an "Out[n]:" prompt in the left margin. The
// widget takes the height of its content for a given width (heightForWidth), to sit in the
// notebook's scrolling view.
class OutputArea : public QWidget {
    Q_OBJECT

public:
    explicit OutputArea(QWidget* parent = nullptr);

    // Replaces what is shown. Views of outputs that did not change are kept, a stream that
    // grew is extended in place, and decoded images come from a shared cache, so calling
    // this on every model change (streaming) or reopening a view stays cheap.
    // `executionCount` (the cell's) numbers execute results that carry no count of their own.
    void setOutputs(const Json& outputs, std::optional<long long> executionCount = std::nullopt);
    void clear();
    int outputCount() const { return int(m_views.size()); }
    bool hasOutputs() const { return !m_views.isEmpty(); }
    // The child view showing output `index` (a TextOutputView, ImageOutputView or MarkdownView).
    QWidget* outputView(int index) const;

    // All outputs as plain text, as "Copy Output" puts it on the clipboard.
    QString plainText() const;

    // Width of the left margin that holds "Out[n]:" prompts (default: fits "Out[999]:").
    void setPromptWidth(int pixels);
    int promptWidth() const { return m_promptWidth; }

    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QWidget* makeView(const Json& output);
    QWidget* makeDataView(const Json& output);
    QWidget* makeTextView(const QString& text, int kind);

    struct Shown {
        QPointer<QWidget> view;
        long long executionCount = -1; // >= 0: an execute result with a prompt
        size_t signature = 0;          // hash of the output's JSON
    };
    bool reuse(Shown& old, const Json& output, size_t signature);
    QVBoxLayout* m_layout = nullptr;
    QList<Shown> m_views;
    int m_promptWidth = -1;
};

} // namespace quire::editor
