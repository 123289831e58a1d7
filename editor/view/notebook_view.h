#pragma once

#include "cell_widget.h"
#include "editor/model/notebook_editing.h"

#include <QAbstractScrollArea>
#include <QPointer>
#include <memory>
#include <unordered_set>

namespace quire::editor {

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

signals:
    void currentChanged(int index);
    void modeChanged(bool editMode);
    void markdownRendered(int index);
    void executeRequested(int index); // a code cell asked to run
    void layoutSettled();             // every visible cell has its widget and exact height

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
    std::unique_ptr<class CommandKeys> m_keys;
    int m_lineHeight = 16;
};

} // namespace quire::editor
