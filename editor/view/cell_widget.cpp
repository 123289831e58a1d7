#include "cell_widget.h"

#include "cell_input_row.h"
#include "code_editor.h"
#include "editor/model/cell_output_state.h"
#include "editor/render/markdown_view.h"
#include "editor/render/output_area.h"
#include "lexer_factory.h"

#include <QApplication>
#include <QDateTime>
#include <QLineEdit>
#include <QMouseEvent>
#include <QPainter>
#include <QTimer>

namespace quire::editor {

namespace {
constexpr int Pad = 5;
constexpr int RightMargin = 12;
constexpr int ClockFastMs = 100; // tenths of a second under a minute
} // namespace

// Left column: the execution prompt ("[3]:") with a line under it while the cell runs (its
// elapsed time) or was skipped ("not run"), and, on headings, the section fold arrow.
class CellGutter : public QWidget {
public:
    explicit CellGutter(CellWidget* cell) : QWidget(cell), m_cell(cell) {}
    QString prompt;
    QString status;
    bool statusMuted = false;
    bool collapsible = false;
    bool collapsed = false;
    int hiddenCount = 0;
    CellWidget::Mode mode = CellWidget::Mode::None;
    std::function<void()> onToggle;

protected:
    void paintEvent(QPaintEvent*) override {
        QPainter p(this);
        const bool dark = isDarkPalette(palette());
        if (mode != CellWidget::Mode::None) {
            const QColor bar = mode == CellWidget::Mode::Edit ? QColor(0x4c, 0xaf, 0x50)
                                                              : QColor(0x42, 0x85, 0xf4);
            p.fillRect(0, 0, 4, height(), bar);
        }
        QFont f = font();
        f.setFamily(QStringLiteral("monospace"));
        p.setFont(f);
        p.setPen(dark ? QColor(0x9a, 0xa4, 0xb5) : QColor(0x30, 0x3f, 0x9f));
        p.drawText(QRect(6, Pad + 2, width() - 10, fontMetrics().height() + 4),
                   Qt::AlignRight | Qt::AlignTop, prompt);
        if (!status.isEmpty()) {
            const QFont small = statusFont();
            const QFontMetrics sm(small);
            p.setFont(small);
            if (statusMuted)
                p.setPen(palette().color(QPalette::PlaceholderText));
            const QRect r(4, statusTop(), width() - 8, sm.height());
            p.drawText(r, Qt::AlignRight | Qt::AlignTop,
                       sm.elidedText(status, Qt::ElideRight, r.width()));
        }
        if (collapsible) {
            p.setPen(palette().color(QPalette::Text));
            const QRect r(8, Pad + 4, 14, 14);
            QPolygon arrow;
            if (collapsed)
                arrow << QPoint(r.left() + 3, r.top()) << QPoint(r.right() - 2, r.center().y())
                      << QPoint(r.left() + 3, r.bottom());
            else
                arrow << QPoint(r.left(), r.top() + 3) << QPoint(r.right(), r.top() + 3)
                      << QPoint(r.center().x(), r.bottom() - 2);
            p.setBrush(palette().color(QPalette::Text));
            p.drawPolygon(arrow);
        }
    }
    void mousePressEvent(QMouseEvent* e) override {
        if (collapsible && e->position().x() < 28 && e->position().y() < 28 && onToggle) {
            onToggle();
            return;
        }
        QWidget::mousePressEvent(e);
    }

public:
    // How far down the prompt and the status line reach.
    int neededHeight() const {
        return status.isEmpty() ? 0 : statusTop() + QFontMetrics(statusFont()).height();
    }

private:
    int statusTop() const { return Pad + 2 + fontMetrics().height(); }
    QFont statusFont() const {
        QFont f = font();
        f.setPointSizeF(f.pointSizeF() * 0.85);
        return f;
    }
    CellWidget* m_cell;
};

CellWidget::CellWidget(CellPtr cell, const CellViewOptions& options, QWidget* parent)
    : QWidget(parent), m_cell(std::move(cell)), m_options(options) {
    setAttribute(Qt::WA_OpaquePaintEvent, false);
    m_gutter = new CellGutter(this);
    m_gutter->onToggle = [this] { emit collapseToggled(this); };
    if (m_cell->type() == CellType::Markdown) {
        m_markdown = new MarkdownView(this);
        connect(m_markdown, &MarkdownView::anchorActivated, this, &CellWidget::anchorActivated);
        m_markdown->setMarkdown(m_cell->source(), m_cell->attachments(), m_options.baseDir);
        if (m_cell->source().trimmed().isEmpty())
            ensureEditor(), m_editingMarkdown = true, m_markdown->hide();
    } else {
        ensureEditor();
    }
    if (m_cell->isCode()) {
        m_outputs = new OutputArea(this);
        // Out[n] prompts sit in the same column as the In [n] prompts.
        m_outputs->setPromptWidth(GutterWidth);
        m_outputs->setTrusted(m_cell->outputsTrusted());
        m_outputs->setOutputs(m_cell->outputs(), m_cell->executionCount());
        applyOutputState();
        connect(m_outputs, &OutputArea::outputsHiddenRequested, this,
                [this](bool hidden) { emit outputsHiddenRequested(this, hidden); });
        connect(m_outputs, &OutputArea::scrolledRequested, this,
                [this](bool scrolled) { emit outputsScrolledRequested(this, scrolled); });
        connect(m_outputs, &OutputArea::clearRequested, this,
                [this] { emit clearOutputsRequested(this); });
    }
    updatePrompt();
    if (m_markdown)
        watchClicks(m_markdown);
    if (m_outputs)
        watchClicks(m_outputs);
}

void CellWidget::watchClicks(QWidget* root) {
    root->installEventFilter(this);
    for (auto* child : root->findChildren<QWidget*>())
        child->installEventFilter(this);
}

bool CellWidget::eventFilter(QObject*, QEvent* event) {
    if (event->type() == QEvent::MouseButtonPress)
        emit activated(this);
    else if (event->type() == QEvent::MouseButtonDblClick && m_markdown && !m_editingMarkdown &&
             m_markdown->isVisible())
        startEditing();
    return false;
}

void CellWidget::ensureEditor() {
    if (m_editor)
        return;
    m_editor = new CodeEditor(this);
    m_editor->setEditorFont(m_options.font); // before the language: the lexer is built once
    const QString lang = m_cell->type() == CellType::Code       ? m_options.language
                         : m_cell->type() == CellType::Markdown ? QStringLiteral("markdown")
                                                                : QString();
    m_editor->setLanguage(lang);
    m_editor->setLineNumbersVisible(m_options.lineNumbers && m_cell->isCode());
    m_editor->setTextQuietly(m_cell->source());
    if (m_cell->isCode())
        m_editor->setCodeAssistant(m_assistant);
    connect(m_editor, &CodeEditor::userEdited, this, [this] { emit sourceEdited(this); });
    connect(m_editor, &CodeEditor::contentHeightChanged, this, [this] {
        layoutChildren();
        emit heightChanged(this);
    });
    connect(m_editor, &CodeEditor::focusEntered, this, [this] { emit editRequested(this); });
    connect(m_editor, &CodeEditor::escapePressed, this, [this] { emit escapePressed(this); });
    connect(m_editor, &CodeEditor::runRequested, this,
            [this](Qt::KeyboardModifiers m) { emit runRequested(this, m); });
    connect(m_editor, &CodeEditor::navigateOut, this, [this](int d) { emit navigateOut(this, d); });
    m_editor->show();
}

void CellWidget::setOptions(const CellViewOptions& options) {
    m_options = options;
    if (m_editor) {
        m_editor->setLineNumbersVisible(options.lineNumbers && m_cell->isCode());
        m_editor->setEditorFont(options.font);
        if (m_cell->isCode())
            m_editor->setLanguage(options.language);
    }
    layoutChildren();
    emit heightChanged(this);
}

void CellWidget::updatePrompt() {
    using Phase = CellRunState::Phase;
    const Phase phase = m_runState.phase;
    if (phase == Phase::Queued || phase == Phase::Running) {
        m_gutter->prompt = QStringLiteral("[*]:");
    } else if (phase == Phase::NotRun) {
        m_gutter->prompt = QStringLiteral("[ ]:");
    } else if (m_cell->isCode()) {
        const auto n = m_cell->executionCount();
        m_gutter->prompt =
            QStringLiteral("[%1]:").arg(n ? QString::number(*n) : QStringLiteral(" "));
    } else {
        m_gutter->prompt.clear();
    }
    m_gutter->status.clear();
    m_gutter->statusMuted = false;
    if (phase == Phase::Running && m_runState.startedAtMs > 0) {
        m_gutter->status =
            elapsedText(QDateTime::currentMSecsSinceEpoch() - m_runState.startedAtMs);
    } else if (phase == Phase::NotRun) {
        m_gutter->status = tr("not run");
        m_gutter->statusMuted = true;
    }
    m_gutter->setToolTip(phase == Phase::NotRun
                             ? tr("An earlier cell failed, so this cell was not run")
                             : QString());
    m_gutter->update();
}

QString CellWidget::elapsedText(qint64 ms) {
    ms = std::max<qint64>(0, ms);
    if (ms < 60'000)
        return tr("%1 s").arg(QLocale().toString(double(ms / 100) / 10.0, 'f', 1));
    const qint64 s = ms / 1000;
    if (s < 3600)
        return tr("%1 min %2 s").arg(s / 60).arg(s % 60);
    return tr("%1 h %2 min").arg(s / 3600).arg(s % 3600 / 60);
}

void CellWidget::setRunState(const CellRunState& state) {
    if (state == m_runState)
        return;
    const int before = heightForWidth(width());
    const bool hadInput = m_runState.inputActive;
    m_runState = state;
    if (state.inputActive) {
        if (!m_input) {
            m_input = new CellInputRow(this);
            connect(m_input, &CellInputRow::submitted, this,
                    [this](const QString& value) { emit inputSubmitted(this, value); });
            connect(m_input, &CellInputRow::escapePressed, this,
                    [this] { emit escapePressed(this); });
        }
        if (hadInput)
            m_input->update(state.inputPrompt, state.inputPassword);
        else
            m_input->start(state.inputPrompt, state.inputPassword);
        m_input->show();
    } else if (m_input && hadInput) {
        // The view takes the keyboard back before this; never let focus wander to the next
        // widget in the chain (another cell's editor) when the field hides.
        if (m_input->isAncestorOf(QApplication::focusWidget()))
            m_input->field()->clearFocus();
        m_input->clear();
        m_input->hide();
    }
    if (state.phase == CellRunState::Phase::Running) {
        if (!m_clock) {
            m_clock = new QTimer(this);
            m_clock->setObjectName(QStringLiteral("runClock"));
            connect(m_clock, &QTimer::timeout, this, [this] {
                updatePrompt();
                // Past a minute only whole seconds show: wake at the next one.
                const qint64 ms = QDateTime::currentMSecsSinceEpoch() - m_runState.startedAtMs;
                m_clock->setInterval(ms < 60'000 ? ClockFastMs : int(1000 - ms % 1000) + 5);
            });
        }
        m_clock->start(ClockFastMs);
    } else if (m_clock) {
        m_clock->stop();
    }
    updatePrompt();
    layoutChildren();
    if (heightForWidth(width()) != before)
        emit heightChanged(this);
}

void CellWidget::setCodeAssistant(CodeAssistant* assistant) {
    m_assistant = assistant;
    if (m_editor && m_cell->isCode())
        m_editor->setCodeAssistant(assistant);
}

bool CellWidget::focusInput() {
    if (!m_input || !m_runState.inputActive)
        return false;
    m_input->field()->setFocus(Qt::OtherFocusReason);
    return true;
}

bool CellWidget::inputHasFocus() const {
    return m_input && m_runState.inputActive && window()->focusWidget() == m_input->field();
}

QString CellWidget::promptText() const {
    return m_gutter->prompt;
}

QString CellWidget::runStatusText() const {
    return m_gutter->status;
}

QLineEdit* CellWidget::inputField() const {
    return m_input && m_runState.inputActive ? m_input->field() : nullptr;
}

int CellWidget::bodyHeight(int cw) const {
    int h = 0;
    if (m_markdown && !m_editingMarkdown)
        h = m_markdown->heightForWidth(cw);
    else if (m_editor)
        h = m_editor->contentHeight() + 2;
    // The gutter's status line may use the padding under the body, so a one-line cell keeps
    // its height when it starts running (with the usual fonts).
    return std::max(h, m_gutter->neededHeight() - 2 * Pad);
}

int CellWidget::heightForWidth(int width) const {
    const int cw = std::max(40, width - GutterWidth - RightMargin);
    int h = Pad + bodyHeight(cw);
    if (m_outputs && m_outputs->hasOutputs())
        h += Pad + m_outputs->heightForWidth(GutterWidth + cw);
    if (m_input && m_runState.inputActive)
        h += Pad + m_input->heightForWidth(cw);
    return h + Pad;
}

void CellWidget::layoutChildren() {
    const int cw = std::max(40, width() - GutterWidth - RightMargin);
    int y = Pad;
    m_gutter->setGeometry(0, 0, GutterWidth, height());
    if (m_markdown && !m_editingMarkdown) {
        const int h = m_markdown->heightForWidth(cw);
        m_markdown->setGeometry(GutterWidth, y, cw, h);
    } else if (m_editor) {
        const int h = m_editor->contentHeight();
        m_editor->setGeometry(GutterWidth + 1, y + 1, cw - 2, h);
    }
    y += bodyHeight(cw);
    if (m_outputs) {
        const bool any = m_outputs->hasOutputs();
        m_outputs->setVisible(any);
        if (any) {
            y += Pad;
            const int h = m_outputs->heightForWidth(GutterWidth + cw);
            m_outputs->setGeometry(0, y, GutterWidth + cw, h);
            y += h;
        }
    }
    if (m_input && m_runState.inputActive) {
        y += Pad;
        m_input->setGeometry(GutterWidth, y, cw, m_input->heightForWidth(cw));
    }
    update();
}

void CellWidget::resizeEvent(QResizeEvent*) {
    layoutChildren();
}

void CellWidget::paintEvent(QPaintEvent*) {
    QPainter p(this);
    const bool dark = isDarkPalette(palette());
    if (m_mode != Mode::None)
        p.fillRect(rect(), dark ? QColor(255, 255, 255, 10) : QColor(0, 0, 0, 8));
    if (m_editor && (!m_markdown || m_editingMarkdown)) {
        const QRect box = m_editor->geometry().adjusted(-1, -1, 1, 1);
        p.fillRect(box, palette().color(QPalette::Base));
        QColor border = m_mode == Mode::Edit
                            ? QColor(0x4c, 0xaf, 0x50)
                            : (dark ? QColor(0x50, 0x55, 0x5e) : QColor(0xcf, 0xcf, 0xcf));
        p.setPen(border);
        p.drawRect(box.adjusted(0, 0, -1, -1));
    }
}

void CellWidget::setMode(Mode mode) {
    if (m_mode == mode)
        return;
    m_mode = mode;
    m_gutter->mode = mode;
    m_gutter->update();
    update();
}

void CellWidget::startEditing() {
    if (m_markdown && !m_editingMarkdown) {
        ensureEditor();
        m_editor->setTextQuietly(m_cell->source());
        m_editor->show();
        m_editingMarkdown = true;
        m_markdown->hide();
        layoutChildren();
        emit heightChanged(this);
    }
    if (m_editor)
        m_editor->setFocus(Qt::OtherFocusReason);
}

bool CellWidget::renderMarkdown() {
    if (!m_markdown)
        return false;
    if (m_editingMarkdown) {
        m_markdown->setMarkdown(m_cell->source(), m_cell->attachments(), m_options.baseDir);
        m_editingMarkdown = false;
        if (m_editor)
            m_editor->hide();
        m_markdown->show();
        layoutChildren();
        emit heightChanged(this);
    }
    return true;
}

void CellWidget::setCollapsible(bool collapsible, bool collapsed, int hiddenCount) {
    m_gutter->collapsible = collapsible;
    m_gutter->collapsed = collapsed;
    m_gutter->hiddenCount = hiddenCount;
    m_gutter->update();
}

void CellWidget::sourceChanged() {
    if (m_editor)
        m_editor->setTextQuietly(m_cell->source());
    if (m_markdown && !m_editingMarkdown)
        m_markdown->setMarkdown(m_cell->source(), m_cell->attachments(), m_options.baseDir);
    layoutChildren();
    emit heightChanged(this);
}

void CellWidget::outputsChanged() {
    if (m_outputs) {
        m_outputs->setTrusted(m_cell->outputsTrusted());
        m_outputs->setOutputs(m_cell->outputs(), m_cell->executionCount());
        watchClicks(m_outputs);
    }
    updatePrompt();
    layoutChildren();
    emit heightChanged(this);
}

void CellWidget::applyOutputState() {
    m_outputs->setOutputsHidden(outputsHidden(m_cell->metadata()));
    m_outputs->setScrolled(outputsScrolled(m_cell->metadata()));
}

void CellWidget::metadataChanged() {
    if (!m_outputs)
        return;
    applyOutputState();
    layoutChildren();
    emit heightChanged(this);
}

bool CellWidget::event(QEvent* event) {
    // The outputs changed size on their own (a JSON tree opened, an image loaded).
    if (event->type() == QEvent::LayoutRequest && m_outputs && m_outputs->isVisible()) {
        const int before = m_outputs->height();
        layoutChildren();
        if (m_outputs->height() != before)
            emit heightChanged(this);
        return true;
    }
    return QWidget::event(event);
}

void CellWidget::mousePressEvent(QMouseEvent* event) {
    emit activated(this);
    QWidget::mousePressEvent(event);
}

void CellWidget::mouseDoubleClickEvent(QMouseEvent* event) {
    if (m_markdown && !m_editingMarkdown)
        startEditing();
    QWidget::mouseDoubleClickEvent(event);
}

} // namespace quire::editor
