#pragma once

#include "editor/model/cell.h"

#include <QWidget>

namespace quire::editor {

class CodeEditor;
class MarkdownView;
class OutputArea;
class CellGutter;

struct CellViewOptions {
    QString language = QStringLiteral("python");
    QString baseDir; // the notebook's folder, for relative images in markdown
    bool lineNumbers = false;
};

// The heavy widget of one cell: editor (QScintilla), rendered markdown, outputs. The
// notebook view creates these only for cells near the viewport and rebinds nothing: a
// CellWidget shows one Cell for its whole life.
class CellWidget : public QWidget {
    Q_OBJECT
public:
    enum class Mode { None, Command, Edit };
    static constexpr int GutterWidth = 72;

    CellWidget(CellPtr cell, const CellViewOptions& options, QWidget* parent = nullptr);

    const CellPtr& cell() const { return m_cell; }
    int heightForWidth(int width) const override;
    bool hasHeightForWidth() const override { return true; }

    void setMode(Mode mode);
    // Puts the cursor in the editor (rendered markdown switches to its source first).
    void startEditing();
    // Shows rendered markdown again (markdown cells); false if not a markdown cell.
    bool renderMarkdown();
    bool isEditingMarkdown() const { return m_editingMarkdown; }
    CodeEditor* editor() const { return m_editor; }

    void setCollapsible(bool collapsible, bool collapsed, int hiddenCount);
    void setOptions(const CellViewOptions& options);
    // Model → view.
    void sourceChanged();
    void outputsChanged();

signals:
    void activated(CellWidget* self);     // clicked: select this cell
    void editRequested(CellWidget* self); // the editor got focus
    void sourceEdited(CellWidget* self);  // the user typed
    void heightChanged(CellWidget* self);
    void escapePressed(CellWidget* self);
    void runRequested(CellWidget* self, Qt::KeyboardModifiers modifiers);
    void navigateOut(CellWidget* self, int direction);
    void collapseToggled(CellWidget* self);
    void anchorActivated(const QString& anchor); // a "#heading" link in rendered markdown

protected:
    void mousePressEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void layoutChildren();
    void ensureEditor();
    void updatePrompt();
    void watchClicks(QWidget* root); // a click anywhere in the cell selects it

    CellPtr m_cell;
    CellViewOptions m_options;
    CellGutter* m_gutter = nullptr;
    CodeEditor* m_editor = nullptr;
    MarkdownView* m_markdown = nullptr;
    OutputArea* m_outputs = nullptr;
    Mode m_mode = Mode::None;
    bool m_editingMarkdown = false;
};

} // namespace quire::editor
