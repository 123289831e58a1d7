#pragma once

#include <QObject>
#include <QString>

class QKeyEvent;

namespace quire::editor {

class CodeAssistant;
class CodeEditor;

// Tab completion and Shift+Tab inspection in one CodeEditor, asked of a CodeAssistant.
// Answers are asynchronous: one that arrives after the text or the cursor moved, or after a
// newer request, is dropped.
class EditorAssist : public QObject {
    Q_OBJECT
public:
    explicit EditorAssist(CodeEditor* editor);

    void setAssistant(CodeAssistant* assistant) { m_assistant = assistant; }
    CodeAssistant* assistant() const { return m_assistant; }
    // Takes Tab / Shift+Tab when they mean "complete" / "inspect"; false leaves the key to
    // the editor (indent, unindent).
    bool handleKey(const QKeyEvent* event);
    // The inspection shown in the call tip, while it is open.
    QString callTipText() const;

    static constexpr int MaxTipLines = 25;
    static constexpr int MaxTipChars = 2000;
    // Plain text for a call tip: ANSI escapes removed, cut to the limits above.
    static QString tipText(const QString& kernelText);

private:
    void complete();
    void inspect();
    void choose(const QString& match);

    CodeEditor* m_editor;
    CodeAssistant* m_assistant = nullptr;
    quint64 m_serial = 0; // the latest request; older answers are stale
    QString m_tip;
    // The completion list on screen: the range it replaces, as the text was when it opened.
    struct Pending {
        int start = 0;
        int end = 0;
        int cursor = 0;
        QString before; // text before `start`
    } m_pending;
};

} // namespace quire::editor
