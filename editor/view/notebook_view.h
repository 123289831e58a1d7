#pragma once

#include "editor/execution/cell_run_state.h"
#include "cell_widget.h"
#include "editor/model/notebook_editing.h"

#include <QAbstractScrollArea>
#include <QPointer>
#include <memory>
#include <unordered_map>
#include <unordered_set>

namespace quire::editor {

class CodeAssistant;
class NotebookDocument;

// The notebook as a virtualized vertical list: every cell has a height (estimated until it
// has been laid out once), and only cells near the viewport own a CellWidget. Implements
// Jupyter's command/edit keyboard model on top of NotebookEditing.
class NotebookView : public QAbstractScrollArea {
    Q_OBJECT
public:
    explicit NotebookView(NotebookDocument* document, QWidget* parent = nullptr);
    ~NotebookView() override;

    NotebookDocument* document() const { return m_doc; }
    NotebookEditing& editing() { return m_editing; }

    int currentIndex() const { return m_current; }
    QList<int> selectedIndices() const;
    void setCurrentIndex(int index, bool extendSelection = false);
    // The next visible cell from the current one in `direction` (-1/+1); out of range at an edge.
    int neighbour(int direction) const;
    bool isEditMode() const { return m_editMode; }
    void enterEditMode();
    void enterCommandMode();
    void scrollToCell(int index);
    void setViewOptions(const CellViewOptions& options);
    const CellViewOptions& viewOptions() const { return m_options; }

    // Cell operations on the selection (what the menus and command-mode keys call).
    void insertCell(bool below, CellType type = CellType::Code);
    void deleteSelected();
    void copySelected();
    void cutSelected();
    void paste(bool below);
    bool canPaste() const;
    void changeSelectedType(CellType type);
    void mergeSelected(); // with the cell below when only one is selected
    void splitAtCursor();
    void moveSelected(int delta);
    void clearSelectedOutputs();
    void clearAllOutputs();
    // Hide or show the selected cells' outputs, let them scroll or not (command mode O and
    // Shift+O): the current cell's state decides which way all of them go.
    void toggleSelectedOutputsHidden();
    void toggleSelectedOutputsScrolled();
    void toggleSection(int index);
    void setAllSectionsCollapsed(bool collapsed);
    bool isCollapsed(int index) const;

    // Introspection for tests and benchmarks.
    CellWidget* widgetAt(int index) const;
    int materializedCount() const;
    int cellTop(int index);
    bool isHidden(int index) const;

    enum class RunMode { Stay, Advance, InsertBelow }; // Ctrl+Enter, Shift+Enter, Alt+Enter
    // "Run" the current cell: markdown renders; code cells are handed to whoever executes
    // them (executeRequested); then the selection moves as the mode says.
    void runCurrent(RunMode mode);

    // Finds the cell containing the widget (an editor inside a cell, for instance).
    int indexOfWidget(const QWidget* widget) const;

    // What the executor says about a cell. Kept here, by cell, for widgets created later;
    // Idle with no input == forget it. When an input row appears and this window is active
    // (or the view had the keyboard), the cell scrolls into view and the field takes the
    // keyboard (edit mode ends); when it goes, the keyboard returns to the view.
    void setRunState(const Cell* cell, const CellRunState& state);
    CellRunState runState(const Cell* cell) const;
    // Tab completion / Shift+Tab inspection in code cells, present and future; nullptr turns
    // them off. Not owned: reset it before the assistant is destroyed.
    void setCodeAssistant(CodeAssistant* assistant);

signals:
    void currentChanged(int index);
    void modeChanged(bool editMode);
    void markdownRendered(int index);
    void executeRequested(int index); // a code cell asked to run
    void layoutSettled();             // every visible cell has its widget and exact height
    // Enter in a cell's input row (the state stays until the caller sets a new one).
    void inputSubmitted(const quire::editor::Cell* cell, const QString& value);
    void interruptRequested(); // command mode: I, I
    void restartRequested();   // command mode: 0, 0

protected:
    void keyPressEvent(QKeyEvent* event) override;
    bool event(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void scrollContentsBy(int dx, int dy) override;
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;

private:
    struct Slot {
        CellPtr cell;
        int height = 0;
        bool exact = false;
        bool hidden = false;
        CellWidget* widget = nullptr;
    };

    void onInserted(int first, int count);
    void onRemoved(int first, int count);
    void onMoved(int first, int count, int to);
    void onReplaced(int index);
    void onSourceChanged(int index);
    void onOutputsChanged(int index);
    void onMetadataChanged(int index);

    void requestLayout();
    void relayout();
    void placeWidgets();
    CellWidget* materialize(int index);
    void release(int index);
    int estimateHeight(const Cell& cell) const;
    int contentWidth() const;
    int indexAtY(int y) const; // cell under content coordinate y
    void updateHidden();
    void updateModes();
    void connectWidget(CellWidget* w);
    int slotIndex(const CellWidget* w) const;
    int indexOfCell(const Cell* cell) const;
    void applyRunState(CellWidget* w) const;
    void focusInput(int index);

    NotebookDocument* m_doc;
    NotebookEditing m_editing;
    CellViewOptions m_options;
    std::vector<Slot> m_slots;
    std::vector<int> m_tops;
    int m_total = 0;
    bool m_layoutDirty = true;
    bool m_layoutQueued = false;
    bool m_inPlace = false;
    int m_current = 0;
    int m_anchor = 0;
    bool m_editMode = false;
    std::unordered_set<const Cell*> m_collapsed;
    struct RunEntry {
        CellRunState state;
        // Set when the cell was in the notebook: a dead cell's address may be reused.
        std::weak_ptr<const Cell> cell;
        bool tracked = false;
    };
    std::unordered_map<const Cell*, RunEntry> m_runStates;
    CodeAssistant* m_assistant = nullptr;
    std::unique_ptr<class CommandKeys> m_keys;
    int m_lineHeight = 16;
};

} // namespace quire::editor
