#pragma once

#include <Qsci/qsciscintilla.h>

namespace quire::editor {

class CodeAssistant;
class EditorAssist;

// A cell's source editor: QScintilla sized to its content (the notebook scrolls, not the
// cell), auto-indent, brace matching, optional line numbers, palette-following colours.
// Undo/redo keys are left to the notebook's undo stack, so edits undo across cells.
class CodeEditor : public QsciScintilla {
    Q_OBJECT
public:
    explicit CodeEditor(QWidget* parent = nullptr);

    void setLanguage(const QString& language);
    void setLineNumbersVisible(bool visible);
    // The text font, also given to the lexer's styles and the line numbers. (QsciScintilla's
    // own setFont() does nothing while a lexer is set.)
    void setEditorFont(const QFont& font);
    const QFont& editorFont() const { return m_font; }
    // Replaces the text without emitting userEdited (model → view updates).
    void setTextQuietly(const QString& text);
    int contentHeight() const;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override { return sizeHint(); }
    // Cursor position as a UTF-16 offset into text() (for split cell).
    int cursorOffset() const;
    void setCursorOffset(int offset);
    // Replaces the UTF-16 range [start, end) of text() as one user edit (userEdited once) and
    // puts the cursor after the new text.
    void replaceRange(int start, int end, const QString& with);
    void applyPalette();
    // Tab completes and Shift+Tab inspects through `assistant` (nullptr: they indent and
    // unindent). Not owned.
    void setCodeAssistant(CodeAssistant* assistant);
    CodeAssistant* codeAssistant() const;
    // The inspection (Shift+Tab) on screen, empty when none is.
    QString callTipText() const;

signals:
    void userEdited();    // the user changed the text
    void escapePressed(); // leave edit mode
    // Shift+Enter (advance), Ctrl+Enter (stay) or Alt+Enter (insert below): "run this cell".
    void runRequested(Qt::KeyboardModifiers modifiers);
    void contentHeightChanged();     // number of lines changed
    void navigateOut(int direction); // Up on the first line (-1) / Down on the last (+1)
    void focusEntered();

protected:
    void keyPressEvent(QKeyEvent* event) override;
    void focusInEvent(QFocusEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void updateMargins();
    EditorAssist* m_assist;
    QString m_language;
    QFont m_font;
    bool m_quiet = false;
    bool m_lineNumbers = false;
    int m_lines = 1;
};

} // namespace quire::editor
