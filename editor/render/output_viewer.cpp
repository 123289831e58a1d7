#include "editor/render/output_viewer.h"

#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QVBoxLayout>

namespace quire::editor {

OutputViewer::OutputViewer(const QString& text, const QString& title, QWidget* parent)
    : QWidget(parent, Qt::Window) {
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(title);
    auto* layout = new QVBoxLayout(this);
    auto* findRow = new QHBoxLayout;
    auto* findLabel = new QLabel(tr("&Find:"), this);
    m_find = new QLineEdit(this);
    m_find->setClearButtonEnabled(true);
    findLabel->setBuddy(m_find);
    auto* previous = new QPushButton(tr("&Previous"), this);
    auto* next = new QPushButton(tr("&Next"), this);
    m_status = new QLabel(this);
    findRow->addWidget(findLabel);
    findRow->addWidget(m_find, 1);
    findRow->addWidget(previous);
    findRow->addWidget(next);
    findRow->addWidget(m_status);
    layout->addLayout(findRow);
    m_text = new QPlainTextEdit(this);
    m_text->setAccessibleName(tr("Output text"));
    m_text->setReadOnly(true);
    m_text->setUndoRedoEnabled(false);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_text->setPlainText(text);
    layout->addWidget(m_text, 1);
    connect(m_find, &QLineEdit::returnPressed, this,
            [this] { findNext(QGuiApplication::keyboardModifiers() & Qt::ShiftModifier); });
    connect(m_find, &QLineEdit::textChanged, this, [this] {
        // Search again from the start of the current match as the text grows.
        QTextCursor c = m_text->textCursor();
        c.setPosition(c.selectionStart());
        m_text->setTextCursor(c);
        findNext();
    });
    connect(previous, &QPushButton::clicked, this, [this] { findNext(true); });
    connect(next, &QPushButton::clicked, this, [this] { findNext(); });
    auto* findKey = new QShortcut(QKeySequence::Find, this);
    connect(findKey, &QShortcut::activated, this, [this] {
        m_find->setFocus(Qt::ShortcutFocusReason);
        m_find->selectAll();
    });
    auto* nextKey = new QShortcut(QKeySequence::FindNext, this);
    connect(nextKey, &QShortcut::activated, this, [this] { findNext(); });
    auto* previousKey = new QShortcut(QKeySequence::FindPrevious, this);
    connect(previousKey, &QShortcut::activated, this, [this] { findNext(true); });
    resize(900, 600);
}

bool OutputViewer::findNext(bool backward) {
    const QString needle = m_find->text();
    m_status->clear();
    if (needle.isEmpty())
        return false;
    const QTextDocument::FindFlags flags =
        backward ? QTextDocument::FindBackward : QTextDocument::FindFlags();
    if (m_text->find(needle, flags))
        return true;
    // Wrap around once.
    const QTextCursor before = m_text->textCursor();
    QTextCursor start(m_text->document());
    start.movePosition(backward ? QTextCursor::End : QTextCursor::Start);
    m_text->setTextCursor(start);
    if (m_text->find(needle, flags))
        return true;
    m_text->setTextCursor(before);
    m_status->setText(tr("No matches"));
    return false;
}

void OutputViewer::keyPressEvent(QKeyEvent* event) {
    if (event->key() == Qt::Key_Escape && event->modifiers() == Qt::NoModifier) {
        close();
        return;
    }
    QWidget::keyPressEvent(event);
}

} // namespace quire::editor
