#include "code_editor.h"

#include "editor_assist.h"
#include "lexer_factory.h"

#include <QFontDatabase>
#include <QKeyEvent>
#include <Qsci/qscicommand.h>
#include <Qsci/qscicommandset.h>
#include <Qsci/qscilexer.h>

namespace quire::editor {

CodeEditor::CodeEditor(QWidget* parent)
    : QsciScintilla(parent), m_assist(new EditorAssist(this)),
      m_font(QFontDatabase::systemFont(QFontDatabase::FixedFont)) {
    setUtf8(true);
    // Cells are entered with Enter or a click, never by Tab (Tab indents inside a cell).
    setFocusPolicy(Qt::ClickFocus);
    setFrameStyle(QFrame::NoFrame);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    SendScintilla(SCI_SETSCROLLWIDTHTRACKING, 1);
    SendScintilla(SCI_SETSCROLLWIDTH, 1);
    setAutoIndent(true);
    setIndentationsUseTabs(false);
    setIndentationWidth(4);
    setTabWidth(4);
    setBraceMatching(QsciScintilla::SloppyBraceMatch);
    setCaretLineVisible(false);
    setWrapMode(QsciScintilla::WrapNone);
    setMarginWidth(1, 0);
    setFolding(QsciScintilla::NoFoldStyle);
    setFont(m_font);
    // The notebook's undo stack owns Ctrl+Z / Ctrl+Y / Ctrl+Shift+Z.
    SendScintilla(SCI_SETUNDOCOLLECTION, 0);
    for (QsciCommand* cmd : standardCommands()->commands()) {
        const auto c = cmd->command();
        if (c == QsciCommand::Undo || c == QsciCommand::Redo) {
            cmd->setKey(0);
            cmd->setAlternateKey(0);
        }
    }
    connect(this, &QsciScintilla::textChanged, this, [this] {
        const int lines = this->lines();
        if (lines != m_lines) {
            m_lines = lines;
            updateGeometry();
            updateMargins();
            emit contentHeightChanged();
        }
        if (!m_quiet)
            emit userEdited();
    });
    applyPalette();
}

void CodeEditor::setLanguage(const QString& language) {
    m_language = language;
    applyPalette();
}

void CodeEditor::applyPalette() {
    const QPalette pal = palette();
    QsciLexer* old = lexer();
    QsciLexer* lex = m_language.isEmpty() ? nullptr : createLexer(m_language, pal, m_font, this);
    setLexer(lex);
    delete old;
    const QColor base = pal.color(QPalette::Base);
    const QColor text = pal.color(QPalette::Text);
    setPaper(base);
    setColor(text);
    setCaretForegroundColor(text);
    setSelectionBackgroundColor(pal.color(QPalette::Highlight));
    setSelectionForegroundColor(pal.color(QPalette::HighlightedText));
    setMarginsBackgroundColor(base);
    setMarginsForegroundColor(pal.color(QPalette::PlaceholderText));
    setMatchedBraceBackgroundColor(isDarkPalette(pal) ? QColor(0x3a, 0x5a, 0x3a)
                                                      : QColor(0xc8, 0xf0, 0xc8));
    setMatchedBraceForegroundColor(text);
    setUnmatchedBraceForegroundColor(QColor(0xd0, 0x30, 0x30));
    setCallTipsBackgroundColor(pal.color(QPalette::ToolTipBase));
    setCallTipsForegroundColor(pal.color(QPalette::ToolTipText));
    if (!lex)
        setFont(m_font); // every style, now that no lexer overrides them
    setMarginsFont(m_font);
    updateMargins();
}

void CodeEditor::setEditorFont(const QFont& font) {
    if (font == m_font)
        return;
    m_font = font;
    applyPalette();
    updateGeometry();
    emit contentHeightChanged(); // the line height follows the font
}

void CodeEditor::setLineNumbersVisible(bool visible) {
    m_lineNumbers = visible;
    updateMargins();
}

void CodeEditor::updateMargins() {
    setMarginLineNumbers(0, m_lineNumbers);
    setMarginWidth(0, m_lineNumbers ? QStringLiteral("0%1").arg(std::max(lines(), 10)) : QString());
    if (!m_lineNumbers)
        setMarginWidth(0, 0);
}

void CodeEditor::setTextQuietly(const QString& text) {
    if (text == this->text())
        return;
    m_quiet = true;
    int line, index;
    getCursorPosition(&line, &index);
    setText(text);
    setCursorPosition(std::min(line, lines() - 1), index);
    m_quiet = false;
}

int CodeEditor::contentHeight() const {
    const int lineHeight = int(const_cast<CodeEditor*>(this)->SendScintilla(SCI_TEXTHEIGHT, 0));
    // Room for a horizontal scroll bar only when a line is wider than the view.
    return std::max(1, lines()) * lineHeight + 8;
}

QSize CodeEditor::sizeHint() const {
    return {200, contentHeight()};
}

int CodeEditor::cursorOffset() const {
    int line, index;
    getCursorPosition(&line, &index);
    const auto pos = const_cast<CodeEditor*>(this)->positionFromLineIndex(line, index);
    // Scintilla positions are UTF-8 bytes; convert to a UTF-16 offset.
    const QByteArray bytes = text().toUtf8().left(pos);
    return int(QString::fromUtf8(bytes).size());
}

void CodeEditor::setCursorOffset(int offset) {
    const QByteArray before = text().left(offset).toUtf8();
    int line, index;
    lineIndexFromPosition(int(before.size()), &line, &index);
    setCursorPosition(line, index);
}

void CodeEditor::replaceRange(int start, int end, const QString& with) {
    const QString old = text();
    start = std::clamp(start, 0, int(old.size()));
    end = std::clamp(end, start, int(old.size()));
    const QByteArray bytes = with.toUtf8();
    const auto from = old.left(start).toUtf8().size();
    const auto to = from + QStringView(old).mid(start, end - start).toUtf8().size();
    m_quiet = true;
    SendScintilla(SCI_SETTARGETRANGE, static_cast<unsigned long>(from), static_cast<long>(to));
    SendScintilla(SCI_REPLACETARGET, static_cast<uintptr_t>(bytes.size()), bytes.constData());
    SendScintilla(SCI_GOTOPOS, static_cast<unsigned long>(from + bytes.size()));
    m_quiet = false;
    emit userEdited();
}

void CodeEditor::setCodeAssistant(CodeAssistant* assistant) {
    m_assist->setAssistant(assistant);
}

CodeAssistant* CodeEditor::codeAssistant() const {
    return m_assist->assistant();
}

QString CodeEditor::callTipText() const {
    return m_assist->callTipText();
}

void CodeEditor::keyPressEvent(QKeyEvent* event) {
    // Escape closes an open completion list or call tip first; only then does it leave edit
    // mode.
    if (event->key() == Qt::Key_Escape && !isListActive() && !isCallTipActive()) {
        emit escapePressed();
        return;
    }
    if (m_assist->handleKey(event))
        return;
    const auto runMods =
        event->modifiers() & (Qt::ShiftModifier | Qt::ControlModifier | Qt::AltModifier);
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) &&
        (runMods == Qt::ShiftModifier || runMods == Qt::ControlModifier ||
         runMods == Qt::AltModifier)) {
        emit runRequested(runMods);
        return;
    }
    if (event->modifiers() == Qt::NoModifier && !isListActive()) {
        int line, index;
        getCursorPosition(&line, &index);
        if (event->key() == Qt::Key_Up && line == 0) {
            emit navigateOut(-1);
            return;
        }
        if (event->key() == Qt::Key_Down && line == lines() - 1) {
            emit navigateOut(+1);
            return;
        }
    }
    QsciScintilla::keyPressEvent(event);
}

void CodeEditor::focusInEvent(QFocusEvent* event) {
    QsciScintilla::focusInEvent(event);
    // Only a click or an explicit setFocus() means "edit this cell"; focus that comes back
    // with the window or a closed popup does not change the notebook's mode.
    const auto r = event->reason();
    if (r == Qt::MouseFocusReason || r == Qt::OtherFocusReason || r == Qt::ShortcutFocusReason)
        emit focusEntered();
}

void CodeEditor::changeEvent(QEvent* event) {
    QsciScintilla::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
}

} // namespace quire::editor
