#include "cell_input_row.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>

namespace quire::editor {

namespace {

// A line edit that keeps every key: QLineEdit lets keys it does not use (Up, Enter, ...)
// travel to its parents, where the notebook would take them as commands.
class InputField : public QLineEdit {
public:
    using QLineEdit::QLineEdit;
    std::function<void()> onSubmit;
    std::function<void()> onEscape;

protected:
    bool event(QEvent* event) override {
        // Enter with any modifier and Escape are ours, not an application shortcut's.
        if (event->type() == QEvent::ShortcutOverride) {
            const int key = static_cast<QKeyEvent*>(event)->key();
            if (key == Qt::Key_Return || key == Qt::Key_Enter || key == Qt::Key_Escape) {
                event->accept();
                return true;
            }
        }
        return QLineEdit::event(event);
    }
    void keyPressEvent(QKeyEvent* event) override {
        const int key = event->key();
        if (key == Qt::Key_Return || key == Qt::Key_Enter) {
            if (onSubmit)
                onSubmit();
        } else if (key == Qt::Key_Escape) {
            if (onEscape)
                onEscape();
        } else {
            QLineEdit::keyPressEvent(event);
        }
        event->accept();
    }
};

} // namespace

CellInputRow::CellInputRow(QWidget* parent)
    : QWidget(parent), m_prompt(new QLabel(this)), m_field(new InputField(this)) {
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    m_prompt->setTextFormat(Qt::PlainText);
    m_prompt->setWordWrap(true);
    m_prompt->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_prompt->setBuddy(m_field);
    m_field->setAccessibleName(tr("Input for the running cell"));
    layout->addWidget(m_prompt, 0, Qt::AlignVCenter);
    layout->addWidget(m_field, 1);
    auto* field = static_cast<InputField*>(m_field);
    field->onSubmit = [this] { emit submitted(m_field->text()); };
    field->onEscape = [this] { emit escapePressed(); };
}

void CellInputRow::start(const QString& prompt, bool password) {
    m_field->clear();
    update(prompt, password);
}

void CellInputRow::update(const QString& prompt, bool password) {
    m_prompt->setText(prompt);
    m_prompt->setVisible(!prompt.isEmpty());
    m_prompt->setFixedWidth(promptWidth(width()));
    m_field->setEchoMode(password ? QLineEdit::Password : QLineEdit::Normal);
}

void CellInputRow::clear() {
    // A password must not stay in a hidden widget.
    m_field->clear();
}

QString CellInputRow::prompt() const {
    return m_prompt->text();
}

int CellInputRow::promptWidth(int width) const {
    // A long prompt wraps in at most half the row; the field keeps the rest.
    int widest = 0;
    for (const QString& line : m_prompt->text().split(QLatin1Char('\n')))
        widest = std::max(widest, m_prompt->fontMetrics().horizontalAdvance(line));
    return std::min(widest + 2, width / 2);
}

int CellInputRow::heightForWidth(int width) const {
    int h = m_field->sizeHint().height();
    if (!m_prompt->text().isEmpty())
        h = std::max(h, m_prompt->heightForWidth(promptWidth(width)));
    return h;
}

void CellInputRow::resizeEvent(QResizeEvent* event) {
    m_prompt->setFixedWidth(promptWidth(width()));
    QWidget::resizeEvent(event);
}

} // namespace quire::editor
