#pragma once

class QMenu;
class QPoint;

namespace quire::editor {

// An output view with context-menu actions of its own (copy a selection, save an image,
// expand a tree). OutputArea asks for them and adds the actions on the cell's outputs after.
class OutputViewActions {
public:
    virtual ~OutputViewActions() = default;
    // `pos` is where the menu was asked for, in the view's coordinates.
    virtual void addContextActions(QMenu& menu, const QPoint& pos) = 0;
};

} // namespace quire::editor
