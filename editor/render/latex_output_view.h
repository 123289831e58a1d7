#pragma once

#include "editor/render/output_view_actions.h"

#include <QWidget>
#include <memory>

class QTextDocument;

namespace quire::editor {

// A text/latex output that holds math: formulas ($…$, \(…\) inline; $$…$$, \[…\] and math
// environments such as \begin{equation} displayed, centred) are typeset by the native TeX
// engine (tex_math, math_layout) and the text around them is shown as it is, as MathJax does
// in JupyterLab. An inline formula that starts with \displaystyle (IPython's Math, SymPy) is
// laid out in display style where it stands. Text without math is not for this view: the
// renderer shows it as plain text (see containsMath).
class LatexOutputView : public QWidget, public OutputViewActions {
    Q_OBJECT

public:
    explicit LatexOutputView(QWidget* parent = nullptr);
    ~LatexOutputView() override;

    static bool containsMath(const QString& latex);

    void setLatex(const QString& latex);
    const QString& latex() const { return m_source; }
    QTextDocument* document() const { return m_doc.get(); }
    // Formulas in the document (math objects, not text).
    int formulaCount() const;

    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    void addContextActions(QMenu& menu, const QPoint& pos) override;

protected:
    void paintEvent(QPaintEvent* event) override;
    void changeEvent(QEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;

private:
    void render();
    void layoutFor(int width) const;

    QString m_source;
    std::unique_ptr<QTextDocument> m_doc;
    mutable int m_layoutWidth = -1;
};

} // namespace quire::editor
