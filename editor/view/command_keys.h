#pragma once

#include <QElapsedTimer>

class QKeyEvent;

namespace quire::editor {

class NotebookView;

// Jupyter's command-mode keys (A, B, D D, I I, 0 0, Z, M, Y, R, C, X, V, O, Shift+M, Shift+O,
// J/K, arrows, Enter, Shift/Ctrl/Alt+Enter) mapped onto NotebookView operations.
class CommandKeys {
public:
    explicit CommandKeys(NotebookView& view) : m_view(view) {}

    // True when the key is a command-mode key (so no application shortcut may take it).
    bool claims(const QKeyEvent* event) const;
    // Performs the command; false when the key is not one.
    bool handle(const QKeyEvent* event);

private:
    NotebookView& m_view;
    int m_pendingKey = 0; // first key of a two-key command (D D, I I, 0 0)
    QElapsedTimer m_pendingTimer;
};

} // namespace quire::editor
