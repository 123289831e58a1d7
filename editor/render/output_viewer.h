#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace quire::editor {

// A long output's text in a window of its own: read-only, not wrapped, with a find field
// (Enter or F3 finds the next match, Shift+Enter or Shift+F3 the previous one, wrapping
// around). Closing it deletes it.
class OutputViewer : public QWidget {
    Q_OBJECT

public:
    OutputViewer(const QString& text, const QString& title, QWidget* parent = nullptr);

    QPlainTextEdit* textView() const { return m_text; }
    QLineEdit* findField() const { return m_find; }
    // Selects the next (or previous) match of the find field's text; false when there is none.
    bool findNext(bool backward = false);

protected:
    void keyPressEvent(QKeyEvent* event) override;

private:
    QPlainTextEdit* m_text = nullptr;
    QLineEdit* m_find = nullptr;
    QLabel* m_status = nullptr;
};

} // namespace quire::editor
