#include "cell_widget.h"

#include "code_editor.h"
#include "editor/render/markdown_view.h"
#include "editor/render/output_area.h"
#include "lexer_factory.h"

#include <QMouseEvent>
#include <QPainter>

namespace quire::editor {

namespace {
constexpr int Pad = 5;
constexpr int RightMargin = 12;
} // namespace

// Left column: the execution prompt ("[3]:") and, on headings, the section fold arrow.
class CellGutter : public QWidget {
public:
    explicit CellGutter(CellWidget* cell) : QWidget(cell), m_cell(cell) {}
    QString prompt;
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

private:
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
        m_outputs->setOutputs(m_cell->outputs(), m_cell->executionCount());
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
    const QString lang = m_cell->type() == CellType::Code       ? m_options.language
                         : m_cell->type() == CellType::Markdown ? QStringLiteral("markdown")
                                                                : QString();
    m_editor->setLanguage(lang);
    m_editor->setLineNumbersVisible(m_options.lineNumbers && m_cell->isCode());
    m_editor->setTextQuietly(m_cell->source());
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
        if (m_cell->isCode())
            m_editor->setLanguage(options.language);
    }
    layoutChildren();
    emit heightChanged(this);
}

void CellWidget::updatePrompt() {
    if (m_cell->isCode()) {
        const auto n = m_cell->executionCount();
        m_gutter->prompt =
            QStringLiteral("[%1]:").arg(n ? QString::number(*n) : QStringLiteral(" "));
    } else {
        m_gutter->prompt.clear();
    }
    m_gutter->update();
}

int CellWidget::heightForWidth(int width) const {
    const int cw = std::max(40, width - GutterWidth - RightMargin);
    int h = Pad;
    if (m_markdown && !m_editingMarkdown)
        h += m_markdown->heightForWidth(cw);
    else if (m_editor)
        h += m_editor->contentHeight() + 2;
    if (m_outputs && m_outputs->hasOutputs())
        h += Pad + m_outputs->heightForWidth(GutterWidth + cw);
    return h + Pad;
}

void CellWidget::layoutChildren() {
    const int cw = std::max(40, width() - GutterWidth - RightMargin);
    int y = Pad;
    m_gutter->setGeometry(0, 0, GutterWidth, height());
    if (m_markdown && !m_editingMarkdown) {
        const int h = m_markdown->heightForWidth(cw);
        m_markdown->setGeometry(GutterWidth, y, cw, h);
        y += h;
    } else if (m_editor) {
        const int h = m_editor->contentHeight();
        m_editor->setGeometry(GutterWidth + 1, y + 1, cw - 2, h);
        y += h + 2;
    }
    if (m_outputs) {
        const bool any = m_outputs->hasOutputs();
        m_outputs->setVisible(any);
        if (any) {
            y += Pad;
            const int h = m_outputs->heightForWidth(GutterWidth + cw);
            m_outputs->setGeometry(0, y, GutterWidth + cw, h);
        }
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
        m_outputs->setOutputs(m_cell->outputs(), m_cell->executionCount());
        watchClicks(m_outputs);
    }
    updatePrompt();
    layoutChildren();
    emit heightChanged(this);
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
