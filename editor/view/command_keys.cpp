#include "command_keys.h"

#include "editor/model/notebook_document.h"
#include "notebook_view.h"

#include <QKeyEvent>

namespace quire::editor {

namespace {
constexpr int DoubleKeyMs = 800;
} // namespace

bool CommandKeys::claims(const QKeyEvent* ke) const {
    if (ke->modifiers() != Qt::NoModifier && ke->modifiers() != Qt::ShiftModifier)
        return false;
    const int k = ke->key();
    return (k >= Qt::Key_A && k <= Qt::Key_Z) || (k >= Qt::Key_0 && k <= Qt::Key_9) ||
           k == Qt::Key_Up || k == Qt::Key_Down || k == Qt::Key_Return || k == Qt::Key_Enter;
}

bool CommandKeys::handle(const QKeyEvent* e) {
    const auto mods = e->modifiers() & (Qt::ShiftModifier | Qt::ControlModifier | Qt::AltModifier |
                                        Qt::MetaModifier);
    const int key = e->key();
    const bool twice =
        m_pendingKey == key && m_pendingTimer.isValid() && m_pendingTimer.elapsed() < DoubleKeyMs;
    m_pendingKey = 0;
    NotebookView& v = m_view;
    const int count = v.document()->cellCount();
    auto step = [&v](int d) { return v.neighbour(d); };
    if (mods == Qt::NoModifier) {
        switch (key) {
        case Qt::Key_Return:
        case Qt::Key_Enter:
            v.enterEditMode();
            return true;
        default:
            break;
        }
    }
    if (key == Qt::Key_Return || key == Qt::Key_Enter) {
        switch (mods) {
        case Qt::ShiftModifier:
            v.runCurrent(NotebookView::RunMode::Advance);
            return true;
        case Qt::ControlModifier:
            v.runCurrent(NotebookView::RunMode::Stay);
            return true;
        case Qt::AltModifier:
            v.runCurrent(NotebookView::RunMode::InsertBelow);
            return true;
        default:
            break;
        }
    }
    if (mods == Qt::NoModifier) {
        switch (key) {
        case Qt::Key_Up:
        case Qt::Key_K:
            if (int j = step(-1); j >= 0)
                v.setCurrentIndex(j);
            return true;
        case Qt::Key_Down:
        case Qt::Key_J:
            if (int j = step(+1); j < count)
                v.setCurrentIndex(j);
            return true;
        case Qt::Key_A:
            v.insertCell(false);
            return true;
        case Qt::Key_B:
            v.insertCell(true);
            return true;
        case Qt::Key_D:
            if (twice) {
                v.deleteSelected();
            } else {
                m_pendingKey = key;
                m_pendingTimer.start();
            }
            return true;
        case Qt::Key_I:
        case Qt::Key_0:
            if (!twice) {
                m_pendingKey = key;
                m_pendingTimer.start();
            } else if (key == Qt::Key_I) {
                emit v.interruptRequested();
            } else {
                emit v.restartRequested();
            }
            return true;
        case Qt::Key_Z:
            v.document()->undoStack()->undo();
            return true;
        case Qt::Key_M:
            v.changeSelectedType(CellType::Markdown);
            return true;
        case Qt::Key_Y:
            v.changeSelectedType(CellType::Code);
            return true;
        case Qt::Key_R:
            v.changeSelectedType(CellType::Raw);
            return true;
        case Qt::Key_C:
            v.copySelected();
            return true;
        case Qt::Key_X:
            v.cutSelected();
            return true;
        case Qt::Key_V:
            v.paste(true);
            return true;
        case Qt::Key_O:
            v.toggleSelectedOutputsHidden();
            return true;
        case Qt::Key_Home:
            v.setCurrentIndex(0);
            return true;
        case Qt::Key_End:
            v.setCurrentIndex(count - 1);
            return true;
        default:
            break;
        }
    }
    if (mods == Qt::ShiftModifier) {
        switch (key) {
        case Qt::Key_Up:
        case Qt::Key_K:
            if (int j = step(-1); j >= 0)
                v.setCurrentIndex(j, true);
            return true;
        case Qt::Key_Down:
        case Qt::Key_J:
            if (int j = step(+1); j < count)
                v.setCurrentIndex(j, true);
            return true;
        case Qt::Key_M:
            v.mergeSelected();
            return true;
        case Qt::Key_O:
            v.toggleSelectedOutputsScrolled();
            return true;
        case Qt::Key_V:
            v.paste(false);
            return true;
        default:
            break;
        }
    }
    return false;
}

} // namespace quire::editor
