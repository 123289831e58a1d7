#pragma once

#include "editor/execution/cell_run_state.h"
#include "editor/model/cell.h"

#include <QFont>
#include <QFontDatabase>
#include <QWidget>

class QLineEdit;
class QTimer;

namespace quire::editor {

class CellInputRow;
class CodeAssistant;
class CodeEditor;
class MarkdownView;
class OutputArea;
class CellGutter;

struct CellViewOptions {
    QString language = QStringLiteral("python");
    QString baseDir; // the notebook's folder, for relative images in markdown
    bool lineNumbers = false;
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont); // the cell editors'
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
    void metadataChanged(); // outputs hidden or scrolled (cell_output_state.h)
    OutputArea* outputArea() const { return m_outputs; } // nullptr unless a code cell

    // Execution → view: the prompt shows the state; a running cell shows its elapsed time;
    // inputActive adds the input row under the outputs.
    void setRunState(const CellRunState& state);
    const CellRunState& runState() const { return m_runState; }
    // Given to the code editor (code cells only), now and when it is created. Not owned.
    void setCodeAssistant(CodeAssistant* assistant);
    // Moves the keyboard to the input row; false when there is none.
    bool focusInput();
    bool inputHasFocus() const;

    // What the gutter shows ("[*]:", "3.2 s"), and the input field (nullptr when hidden);
    // for tests.
    QString promptText() const;
    QString runStatusText() const;
    QLineEdit* inputField() const;
    static QString elapsedText(qint64 ms);

signals:
    void activated(CellWidget* self);     // clicked: select this cell
    void editRequested(CellWidget* self); // the editor got focus
    void sourceEdited(CellWidget* self);  // the user typed
    void heightChanged(CellWidget* self);
    void escapePressed(CellWidget* self); // also Escape in the input row
    void inputSubmitted(CellWidget* self, const QString& value);
    void runRequested(CellWidget* self, Qt::KeyboardModifiers modifiers);
    void navigateOut(CellWidget* self, int direction);
    void collapseToggled(CellWidget* self);
    // The outputs' own actions, for the view to turn into notebook edits.
    void outputsHiddenRequested(CellWidget* self, bool hidden);
    void outputsScrolledRequested(CellWidget* self, bool scrolled);
    void clearOutputsRequested(CellWidget* self);
    void anchorActivated(const QString& anchor); // a "#heading" link in rendered markdown

protected:
    bool event(QEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void layoutChildren();
    void ensureEditor();
    void updatePrompt();
    void applyOutputState();
    int bodyHeight(int contentWidth) const; // editor or markdown, at least the gutter's text
    void watchClicks(QWidget* root);        // a click anywhere in the cell selects it

    CellPtr m_cell;
    CellViewOptions m_options;
    CellGutter* m_gutter = nullptr;
    CodeEditor* m_editor = nullptr;
    MarkdownView* m_markdown = nullptr;
    OutputArea* m_outputs = nullptr;
    CellInputRow* m_input = nullptr;
    QTimer* m_clock = nullptr; // refreshes the elapsed time while running
    CodeAssistant* m_assistant = nullptr;
    CellRunState m_runState;
    Mode m_mode = Mode::None;
    bool m_editingMarkdown = false;
};

} // namespace quire::editor
