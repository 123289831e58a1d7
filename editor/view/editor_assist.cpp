#include "editor_assist.h"

#include "code_assistant.h"
#include "code_editor.h"
#include "editor/render/ansi_text.h"

#include <QKeyEvent>
#include <QPointer>

namespace quire::editor {

namespace {
constexpr int CompletionListId = 1;
} // namespace

EditorAssist::EditorAssist(CodeEditor* editor) : QObject(editor), m_editor(editor) {
    connect(editor, &QsciScintilla::userListActivated, this, [this](int id, const QString& match) {
        if (id == CompletionListId)
            choose(match);
    });
}

bool EditorAssist::handleKey(const QKeyEvent* event) {
    if (!m_assistant || m_editor->hasSelectedText() || m_editor->isListActive())
        return false;
    const int key = event->key();
    const auto mods = event->modifiers() & ~Qt::KeypadModifier;
    if (key == Qt::Key_Tab && mods == Qt::NoModifier) {
        // Tab at the start of a line (only blanks before the cursor) still indents.
        const int cursor = m_editor->cursorOffset();
        const QString text = m_editor->text();
        const int lineStart = int(text.lastIndexOf(QLatin1Char('\n'), cursor - 1)) + 1;
        if (QStringView(text).mid(lineStart, cursor - lineStart).trimmed().isEmpty())
            return false;
        complete();
        return true;
    }
    if ((key == Qt::Key_Backtab || key == Qt::Key_Tab) && mods == Qt::ShiftModifier) {
        inspect();
        return true;
    }
    return false;
}

void EditorAssist::complete() {
    const QString code = m_editor->text();
    const int cursor = m_editor->cursorOffset();
    const quint64 serial = ++m_serial;
    QPointer<EditorAssist> self(this);
    m_assistant->complete(code, cursor, m_editor, [=](CodeAssistant::Completion c) {
        if (!self || serial != self->m_serial || self->m_editor->text() != code ||
            self->m_editor->cursorOffset() != cursor)
            return;
        const int start = std::clamp(c.startUtf16, 0, int(code.size()));
        const int end = std::clamp(c.endUtf16, start, int(code.size()));
        QStringList matches = c.matches;
        matches.removeDuplicates();
        matches.removeAll(QString());
        if (matches.isEmpty())
            return;
        if (matches.size() == 1) {
            self->m_editor->replaceRange(start, end, matches.front());
            return;
        }
        self->m_pending = {start, end, cursor, code.left(start)};
        // Keep the kernel's order (most likely first); Scintilla sorts only for its search.
        self->m_editor->SendScintilla(
            QsciScintillaBase::SCI_AUTOCSETORDER,
            static_cast<unsigned long>(QsciScintillaBase::SC_ORDER_CUSTOM));
        self->m_editor->showUserList(CompletionListId, matches);
    });
}

void EditorAssist::choose(const QString& match) {
    // The user may have typed on while the list was open: the range grows with the cursor.
    const int cursor = m_editor->cursorOffset();
    const QString text = m_editor->text();
    if (cursor < m_pending.cursor || !text.startsWith(m_pending.before))
        return;
    const int end = std::min(int(text.size()), m_pending.end + (cursor - m_pending.cursor));
    m_editor->replaceRange(m_pending.start, end, match);
}

void EditorAssist::inspect() {
    const QString code = m_editor->text();
    const int cursor = m_editor->cursorOffset();
    const quint64 serial = ++m_serial;
    QPointer<EditorAssist> self(this);
    m_assistant->inspect(code, cursor, m_editor, [=](QString plain) {
        if (!self || serial != self->m_serial || self->m_editor->text() != code ||
            self->m_editor->cursorOffset() != cursor)
            return;
        const QString tip = tipText(plain);
        if (tip.isEmpty())
            return;
        self->m_tip = tip;
        const auto pos = self->m_editor->SendScintilla(QsciScintillaBase::SCI_GETCURRENTPOS);
        self->m_editor->SendScintilla(QsciScintillaBase::SCI_CALLTIPSHOW,
                                      static_cast<uintptr_t>(pos), tip.toUtf8().constData());
    });
}

QString EditorAssist::callTipText() const {
    return m_editor->isCallTipActive() ? m_tip : QString();
}

QString EditorAssist::tipText(const QString& kernelText) {
    QString text = ansiToPlainText(kernelText).trimmed();
    bool cut = false;
    qsizetype lineEnd = -1;
    for (int line = 0; line < MaxTipLines; ++line) {
        lineEnd = text.indexOf(QLatin1Char('\n'), lineEnd + 1);
        if (lineEnd < 0)
            break;
    }
    if (lineEnd >= 0) {
        text.truncate(lineEnd);
        cut = true;
    }
    if (text.size() > MaxTipChars) {
        text.truncate(MaxTipChars);
        cut = true;
    }
    if (cut)
        text = text.trimmed() + QLatin1Char('\n') + QChar(0x2026); // …
    return text;
}

} // namespace quire::editor
