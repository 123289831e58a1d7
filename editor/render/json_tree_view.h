#pragma once

#include "editor/nbformat/json.h"
#include "editor/render/output_view_actions.h"

#include <QWidget>
#include <memory>
#include <vector>

namespace quire::editor {

// An application/json output as a tree: one row per member or element, keys and values in
// type colours, containers with their size ("{…} 12 keys", "[…] 300 items"). Containers open
// two levels deep at first. Children are made only when their parent first opens, and a
// container with more than kGroupSize children shows them in ranges ("[0 … 99]", nested for
// huge arrays), so a 10 MB document costs a handful of rows until someone opens it. Rows are
// painted, not widgets, and only the ones inside the paint rect. A click on a container opens
// or closes it; the keyboard moves (arrows, Home/End, Page Up/Down), opens (Right, Enter,
// Space) and closes (Left); Ctrl+C copies the current row's value.
class JsonTreeView : public QWidget, public OutputViewActions {
    Q_OBJECT

public:
    static constexpr int kOpenDepth = 2;              // containers above this level open at first
    static constexpr qsizetype kGroupSize = 100;      // more children than this come in ranges
    static constexpr qsizetype kOpenRowBudget = 1000; // opening at first stops near this many rows

    explicit JsonTreeView(QWidget* parent = nullptr);
    ~JsonTreeView() override;

    // Shows `value` (the view keeps it). `rootName` labels the top row (JupyterLab's output
    // metadata "root"); `openAll` opens every level ("expanded": true), within kOpenRowBudget.
    void setJson(Json value, const QString& rootName = {}, bool openAll = false);
    const Json& json() const { return m_value; }

    int rowCount() const { return int(m_rows.size()); }
    // A row as drawn, without its arrow: "name: \"Ada\"", "items: […] 300 items", "[0 … 99]".
    QString rowText(int row) const;
    int rowIndent(int row) const;
    bool isExpandable(int row) const;
    bool isExpanded(int row) const;
    void setExpanded(int row, bool expanded);
    int currentRow() const { return m_current; }
    void setCurrentRow(int row);
    int rowAt(const QPoint& pos) const;
    // A row's value as copied: a string as it is, anything else as indented JSON.
    QString valueText(int row) const;
    void copyValue(int row) const;
    // Nodes made so far (each row is one; closed containers have made none of their children).
    qsizetype createdNodeCount() const { return m_nodeCount; }

    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    void addContextActions(QMenu& menu, const QPoint& pos) override;

protected:
    bool event(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    struct Node;
    struct Segment;

    Node* makeNode(Node* parent);
    void buildChildren(Node* node);
    void openInitially(bool openAll);
    void rebuildRows();
    void appendRows(Node* node);
    std::vector<Segment> segments(const Node* node) const;
    int rowHeight() const;
    void moveCurrent(int row);
    Json rangeValue(const Node* node) const;

    Json m_value;
    QString m_rootName;
    std::unique_ptr<Node> m_root;
    std::vector<Node*> m_rows; // the visible rows, in order
    qsizetype m_nodeCount = 0;
    int m_current = -1;
};

} // namespace quire::editor
