#include "notebook_view.h"

#include "code_editor.h"
#include "command_keys.h"
#include "editor/model/cell_clipboard.h"
#include "editor/model/cell_output_state.h"
#include "editor/model/notebook_document.h"
#include "editor/render/markdown_scan.h"

#include <QApplication>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPainter>
#include <QScrollBar>
#include <QTimer>
#include <algorithm>

namespace quire::editor {

namespace {

int lineCount(const QString& s) {
    return int(s.count(QLatin1Char('\n'))) + 1;
}

// The level of a markdown cell's first heading (1-6), 0 when it has none.
int headingLevel(const Cell& cell) {
    if (cell.type() != CellType::Markdown)
        return 0;
    const auto headings = markdownHeadings(cell.source());
    return headings.isEmpty() ? 0 : headings.front().level;
}
} // namespace

NotebookView::NotebookView(NotebookDocument* document, QWidget* parent)
    : QAbstractScrollArea(parent), m_doc(document), m_editing(*document),
      m_keys(std::make_unique<CommandKeys>(*this)) {
    setFocusPolicy(Qt::StrongFocus);
    setFrameStyle(QFrame::NoFrame);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    verticalScrollBar()->setSingleStep(24);
    viewport()->setAutoFillBackground(true);
    m_lineHeight = QFontMetrics(m_options.font).lineSpacing();
    m_options.language = document->language();
    m_slots.reserve(size_t(document->cellCount()));
    for (int i = 0; i < document->cellCount(); ++i)
        m_slots.push_back(
            {document->cell(i), estimateHeight(*document->cell(i)), false, false, nullptr});
    updateHidden();
    connect(document, &NotebookDocument::cellsInserted, this, &NotebookView::onInserted);
    connect(document, &NotebookDocument::cellsRemoved, this, &NotebookView::onRemoved);
    connect(document, &NotebookDocument::cellsMoved, this, &NotebookView::onMoved);
    connect(document, &NotebookDocument::cellReplaced, this, &NotebookView::onReplaced);
    connect(document, &NotebookDocument::cellSourceChanged, this, &NotebookView::onSourceChanged);
    connect(document, &NotebookDocument::cellOutputsChanged, this, &NotebookView::onOutputsChanged);
    connect(document, &NotebookDocument::cellMetadataChanged, this, &NotebookView::onMetadataChanged);
    connect(document, &NotebookDocument::metadataChanged, this, [this] {
        if (m_options.language != m_doc->language()) {
            m_options.language = m_doc->language();
            setViewOptions(m_options);
        }
    });
    requestLayout();
}

NotebookView::~NotebookView() = default;

// ---- model signals ---------------------------------------------------------------------

void NotebookView::onInserted(int first, int count) {
    std::vector<Slot> fresh;
    for (int i = first; i < first + count; ++i)
        fresh.push_back({m_doc->cell(i), estimateHeight(*m_doc->cell(i)), false, false, nullptr});
    m_slots.insert(m_slots.begin() + first, fresh.begin(), fresh.end());
    updateHidden();
    m_current = first;
    m_anchor = first;
    requestLayout();
    emit currentChanged(m_current);
}

void NotebookView::onRemoved(int first, int count) {
    for (int i = first; i < first + count; ++i) {
        release(i);
        m_collapsed.erase(m_slots[size_t(i)].cell.get());
    }
    m_slots.erase(m_slots.begin() + first, m_slots.begin() + first + count);
    updateHidden();
    m_current = std::clamp(first, 0, std::max(0, int(m_slots.size()) - 1));
    m_anchor = m_current;
    if (m_editMode && hasFocus() == false)
        m_editMode = false;
    requestLayout();
    emit currentChanged(m_current);
}

void NotebookView::onMoved(int first, int count, int to) {
    std::vector<Slot> moving(m_slots.begin() + first, m_slots.begin() + first + count);
    m_slots.erase(m_slots.begin() + first, m_slots.begin() + first + count);
    m_slots.insert(m_slots.begin() + to, moving.begin(), moving.end());
    updateHidden();
    requestLayout();
}

void NotebookView::onReplaced(int index) {
    release(index);
    m_slots[size_t(index)] = {m_doc->cell(index), estimateHeight(*m_doc->cell(index)), false, false,
                              nullptr};
    updateHidden();
    requestLayout();
}

void NotebookView::onSourceChanged(int index) {
    if (auto* w = m_slots[size_t(index)].widget)
        w->sourceChanged();
    else
        m_slots[size_t(index)].height = estimateHeight(*m_slots[size_t(index)].cell);
    if (m_slots[size_t(index)].cell->type() == CellType::Markdown)
        updateHidden();
    requestLayout();
}

void NotebookView::onOutputsChanged(int index) {
    if (auto* w = m_slots[size_t(index)].widget)
        w->outputsChanged();
    else
        m_slots[size_t(index)].height = estimateHeight(*m_slots[size_t(index)].cell);
    requestLayout();
}

void NotebookView::onMetadataChanged(int index) {
    if (auto* w = m_slots[size_t(index)].widget)
        w->metadataChanged();
    else
        m_slots[size_t(index)].height = estimateHeight(*m_slots[size_t(index)].cell);
    requestLayout();
}

// ---- layout and virtualization -----------------------------------------------------------

int NotebookView::estimateHeight(const Cell& cell) const {
    const int pad = 12;
    if (cell.type() == CellType::Markdown)
        return pad + int(lineCount(cell.source()) * m_lineHeight * 1.4);
    int h = pad + lineCount(cell.source()) * m_lineHeight + 10;
    if (outputsHidden(cell.metadata()))
        return cell.outputs().empty() ? h : h + m_lineHeight + 12;
    const int inputHeight = h;
    for (const auto& o : cell.outputs()) {
        if (!o.is_object())
            continue;
        const auto type = o.value("output_type", std::string());
        if (type == "stream") {
            h += lineCount(joinedText(o.value("text", Json()))) * m_lineHeight;
        } else if (type == "error") {
            h += int(o.value("traceback", Json::array()).size() + 1) * m_lineHeight;
        } else if (o.contains("data") && o["data"].is_object()) {
            const auto& data = o["data"];
            if (data.contains("image/png") || data.contains("image/jpeg") ||
                data.contains("image/svg+xml"))
                h += 280;
            else if (data.contains("text/plain"))
                h += lineCount(joinedText(data["text/plain"])) * m_lineHeight;
            else
                h += 3 * m_lineHeight;
        }
        h += 6;
    }
    if (outputsScrolled(cell.metadata())) // long outputs scroll within 60% of the viewport
        h = std::min(h, inputHeight + int(viewport()->height() * 0.6) + 12);
    return h;
}

int NotebookView::contentWidth() const {
    return viewport()->width();
}

void NotebookView::requestLayout() {
    m_layoutDirty = true;
    if (m_layoutQueued)
        return;
    m_layoutQueued = true;
    QTimer::singleShot(0, this, [this] {
        m_layoutQueued = false;
        relayout();
    });
}

void NotebookView::relayout() {
    // Keep the first visible cell where it is on screen while heights above it change.
    const int oldScroll = verticalScrollBar()->value();
    int anchor = -1;
    int anchorOffset = 0;
    if (!m_tops.empty() && m_tops.size() == m_slots.size()) {
        anchor = indexAtY(oldScroll);
        if (anchor >= 0)
            anchorOffset = m_tops[size_t(anchor)] - oldScroll;
    }
    for (int pass = 0; pass < 4; ++pass) {
        m_tops.resize(m_slots.size());
        int y = 0;
        for (size_t i = 0; i < m_slots.size(); ++i) {
            m_tops[i] = y;
            if (!m_slots[i].hidden)
                y += m_slots[i].height;
        }
        m_total = y + 80; // room below the last cell
        m_layoutDirty = false;
        const int vh = viewport()->height();
        verticalScrollBar()->setPageStep(vh);
        verticalScrollBar()->setRange(0, std::max(0, m_total - vh));
        if (anchor >= 0 && anchor < int(m_slots.size())) {
            const QSignalBlocker block(verticalScrollBar());
            verticalScrollBar()->setValue(m_tops[size_t(anchor)] - anchorOffset);
        }
        placeWidgets();
        if (!m_layoutDirty)
            break;
    }
    viewport()->update();
    emit layoutSettled();
}

int NotebookView::indexAtY(int y) const {
    if (m_tops.empty())
        return -1;
    auto it = std::upper_bound(m_tops.begin(), m_tops.end(), y);
    int i = int(it - m_tops.begin()) - 1;
    while (i > 0 && m_slots[size_t(i)].hidden)
        --i;
    return std::max(0, i);
}

void NotebookView::placeWidgets() {
    if (m_inPlace || m_tops.size() != m_slots.size())
        return;
    m_inPlace = true;
    const int scroll = verticalScrollBar()->value();
    const int vh = viewport()->height();
    const int lo = scroll - vh / 2;
    const int hi = scroll + vh + vh / 2;
    const int w = contentWidth();
    // Release widgets far away (the current cell in edit mode keeps its editor and focus).
    for (size_t i = 0; i < m_slots.size(); ++i) {
        auto& s = m_slots[i];
        if (!s.widget)
            continue;
        const bool far =
            s.hidden || m_tops[i] + s.height < scroll - 2 * vh || m_tops[i] > scroll + 3 * vh;
        // The cell whose input field has the keyboard keeps its widget too.
        if (far && !(m_editMode && int(i) == m_current) && !s.widget->inputHasFocus())
            release(int(i));
    }
    const int first = indexAtY(std::max(0, lo));
    for (int i = std::max(0, first); i < int(m_slots.size()) && m_tops[size_t(i)] < hi; ++i) {
        auto& s = m_slots[size_t(i)];
        if (s.hidden)
            continue;
        CellWidget* cw = s.widget ? s.widget : materialize(i);
        const int h = cw->heightForWidth(w);
        if (h != s.height || !s.exact) {
            if (h != s.height)
                m_layoutDirty = true;
            s.height = h;
            s.exact = true;
        }
    }
    for (size_t i = 0; i < m_slots.size(); ++i) {
        auto& s = m_slots[i];
        if (s.widget) {
            s.widget->setGeometry(0, m_tops[i] - scroll, w, s.height);
            s.widget->setVisible(!s.hidden);
        }
    }
    m_inPlace = false;
}

CellWidget* NotebookView::materialize(int index) {
    auto& s = m_slots[size_t(index)];
    if (s.widget)
        return s.widget;
    s.widget = new CellWidget(s.cell, m_options, viewport());
    connectWidget(s.widget);
    s.widget->setMode(index == m_current
                          ? (m_editMode ? CellWidget::Mode::Edit : CellWidget::Mode::Command)
                          : CellWidget::Mode::None);
    const int level = headingLevel(*s.cell);
    s.widget->setCollapsible(level > 0, m_collapsed.count(s.cell.get()) > 0, 0);
    s.widget->setCodeAssistant(m_assistant);
    applyRunState(s.widget);
    s.widget->show();
    return s.widget;
}

void NotebookView::release(int index) {
    auto& s = m_slots[size_t(index)];
    if (!s.widget)
        return;
    // Focus must not wander into another cell's editor when this one goes away.
    if (s.widget->isAncestorOf(QApplication::focusWidget()))
        setFocus(Qt::OtherFocusReason);
    s.widget->hide();
    s.widget->deleteLater();
    s.widget = nullptr;
}

void NotebookView::connectWidget(CellWidget* w) {
    connect(w, &CellWidget::activated, this, [this](CellWidget* self) {
        const int i = slotIndex(self);
        if (i < 0)
            return;
        const bool extend = QApplication::keyboardModifiers() & Qt::ShiftModifier;
        setCurrentIndex(i, extend);
        if (!m_editMode)
            setFocus(Qt::MouseFocusReason);
    });
    connect(w, &CellWidget::editRequested, this, [this](CellWidget* self) {
        const int i = slotIndex(self);
        if (i < 0)
            return;
        if (i != m_current)
            setCurrentIndex(i);
        if (!m_editMode) {
            m_editMode = true;
            updateModes();
            emit modeChanged(true);
        }
    });
    connect(w, &CellWidget::sourceEdited, this, [this](CellWidget* self) {
        const int i = slotIndex(self);
        if (i >= 0 && self->editor())
            m_editing.editSource(i, self->editor()->text());
    });
    connect(w, &CellWidget::heightChanged, this, [this](CellWidget* self) {
        const int i = slotIndex(self);
        if (i >= 0 && !m_inPlace)
            requestLayout();
    });
    connect(w, &CellWidget::escapePressed, this, [this](CellWidget*) { enterCommandMode(); });
    connect(w, &CellWidget::inputSubmitted, this, [this](CellWidget* self, const QString& value) {
        emit inputSubmitted(self->cell().get(), value);
    });
    connect(w, &CellWidget::runRequested, this, [this](CellWidget* self, Qt::KeyboardModifiers m) {
        const int i = slotIndex(self);
        if (i < 0)
            return;
        setCurrentIndex(i);
        runCurrent(m == Qt::ShiftModifier ? RunMode::Advance
                   : m == Qt::AltModifier ? RunMode::InsertBelow
                                          : RunMode::Stay);
    });
    connect(w, &CellWidget::navigateOut, this, [this](CellWidget* self, int d) {
        const int i = slotIndex(self);
        int j = i + d;
        while (j >= 0 && j < int(m_slots.size()) && m_slots[size_t(j)].hidden)
            j += d;
        if (i < 0 || j < 0 || j >= int(m_slots.size()))
            return;
        setCurrentIndex(j);
        enterEditMode();
        if (auto* e = m_slots[size_t(j)].widget ? m_slots[size_t(j)].widget->editor() : nullptr) {
            if (d > 0)
                e->setCursorPosition(0, 0);
            else
                e->setCursorPosition(e->lines() - 1, 0);
        }
    });
    connect(w, &CellWidget::anchorActivated, this, [this](const QString& anchor) {
        for (int i = 0; i < int(m_slots.size()); ++i) {
            if (m_slots[size_t(i)].cell->type() != CellType::Markdown)
                continue;
            for (const auto& h : markdownHeadings(m_slots[size_t(i)].cell->source()))
                if (h.anchor == anchor) {
                    setCurrentIndex(i);
                    return;
                }
        }
    });
    connect(w, &CellWidget::collapseToggled, this, [this](CellWidget* self) {
        const int i = slotIndex(self);
        if (i >= 0)
            toggleSection(i);
    });
    connect(w, &CellWidget::outputsHiddenRequested, this, [this](CellWidget* self, bool hidden) {
        if (const int i = slotIndex(self); i >= 0)
            m_editing.setOutputsHidden({i}, hidden);
    });
    connect(w, &CellWidget::outputsScrolledRequested, this,
            [this](CellWidget* self, bool scrolled) {
                if (const int i = slotIndex(self); i >= 0)
                    m_editing.setOutputsScrolled({i}, scrolled);
            });
    connect(w, &CellWidget::clearOutputsRequested, this, [this](CellWidget* self) {
        if (const int i = slotIndex(self); i >= 0)
            m_editing.clearOutputs({i});
    });
}

int NotebookView::slotIndex(const CellWidget* w) const {
    for (size_t i = 0; i < m_slots.size(); ++i)
        if (m_slots[i].widget == w)
            return int(i);
    return -1;
}

int NotebookView::indexOfWidget(const QWidget* widget) const {
    for (auto* p = widget; p; p = p->parentWidget())
        if (auto* cw = qobject_cast<const CellWidget*>(p))
            return slotIndex(cw);
    return -1;
}

void NotebookView::resizeEvent(QResizeEvent* event) {
    QAbstractScrollArea::resizeEvent(event);
    for (auto& s : m_slots)
        s.exact = false;
    relayout();
}

void NotebookView::scrollContentsBy(int, int) {
    placeWidgets();
    if (m_layoutDirty)
        requestLayout();
}

void NotebookView::paintEvent(QPaintEvent*) {
    QPainter p(viewport());
    p.fillRect(viewport()->rect(), palette().color(QPalette::Window));
}

void NotebookView::mousePressEvent(QMouseEvent* event) {
    // A click between cells leaves edit mode, as in Jupyter.
    enterCommandMode();
    QAbstractScrollArea::mousePressEvent(event);
}

// ---- collapsing sections ---------------------------------------------------------------------

void NotebookView::updateHidden() {
    int hideBelow = 0; // hide until a heading of this level or higher (0: not hiding)
    for (auto& s : m_slots) {
        const int level = headingLevel(*s.cell);
        if (hideBelow && level && level <= hideBelow)
            hideBelow = 0;
        const bool hidden = hideBelow != 0;
        if (hidden != s.hidden) {
            s.hidden = hidden;
            m_layoutDirty = true;
        }
        if (!hidden && level && m_collapsed.count(s.cell.get()))
            hideBelow = level;
        if (s.widget)
            s.widget->setCollapsible(level > 0, m_collapsed.count(s.cell.get()) > 0, 0);
    }
}

bool NotebookView::isCollapsed(int index) const {
    return m_collapsed.count(m_slots.at(size_t(index)).cell.get()) > 0;
}

bool NotebookView::isHidden(int index) const {
    return m_slots.at(size_t(index)).hidden;
}

void NotebookView::toggleSection(int index) {
    const Cell* c = m_slots.at(size_t(index)).cell.get();
    if (!headingLevel(*c))
        return;
    if (!m_collapsed.erase(c))
        m_collapsed.insert(c);
    updateHidden();
    requestLayout();
}

void NotebookView::setAllSectionsCollapsed(bool collapsed) {
    m_collapsed.clear();
    if (collapsed)
        for (const auto& s : m_slots)
            if (headingLevel(*s.cell))
                m_collapsed.insert(s.cell.get());
    updateHidden();
    if (m_current >= 0 && m_current < int(m_slots.size()) && m_slots[size_t(m_current)].hidden) {
        while (m_current > 0 && m_slots[size_t(m_current)].hidden)
            --m_current;
        setCurrentIndex(m_current);
    }
    requestLayout();
}

// ---- selection and modes ------------------------------------------------------------------

QList<int> NotebookView::selectedIndices() const {
    QList<int> out;
    if (m_slots.empty())
        return out;
    const int a = std::min(m_anchor, m_current), b = std::max(m_anchor, m_current);
    for (int i = a; i <= b; ++i)
        if (!m_slots[size_t(i)].hidden || i == m_current)
            out << i;
    return out;
}

void NotebookView::setCurrentIndex(int index, bool extendSelection) {
    if (m_slots.empty())
        return;
    index = std::clamp(index, 0, int(m_slots.size()) - 1);
    if (m_slots[size_t(index)].hidden) {
        // Reveal a cell inside a collapsed section.
        for (int i = index - 1; i >= 0; --i)
            m_collapsed.erase(m_slots[size_t(i)].cell.get());
        updateHidden();
        relayout();
    }
    const bool changed = index != m_current;
    if (changed && m_editMode) {
        m_editMode = false;
        emit modeChanged(false);
    }
    m_current = index;
    if (!extendSelection)
        m_anchor = index;
    updateModes();
    scrollToCell(index);
    if (changed)
        emit currentChanged(index);
}

int NotebookView::neighbour(int direction) const {
    int j = m_current + direction;
    while (j >= 0 && j < int(m_slots.size()) && m_slots[size_t(j)].hidden)
        j += direction;
    return j;
}

void NotebookView::updateModes() {
    const int a = std::min(m_anchor, m_current), b = std::max(m_anchor, m_current);
    for (size_t i = 0; i < m_slots.size(); ++i) {
        if (!m_slots[i].widget)
            continue;
        CellWidget::Mode mode = CellWidget::Mode::None;
        if (int(i) == m_current)
            mode = m_editMode ? CellWidget::Mode::Edit : CellWidget::Mode::Command;
        else if (int(i) >= a && int(i) <= b)
            mode = CellWidget::Mode::Command;
        m_slots[i].widget->setMode(mode);
    }
}

void NotebookView::scrollToCell(int index) {
    if (m_layoutDirty || m_tops.size() != m_slots.size())
        relayout();
    if (index < 0 || index >= int(m_slots.size()))
        return;
    const int top = m_tops[size_t(index)];
    const int h = m_slots[size_t(index)].height;
    auto* sb = verticalScrollBar();
    const int vh = viewport()->height();
    if (top < sb->value())
        sb->setValue(top);
    else if (top + std::min(h, vh) > sb->value() + vh)
        sb->setValue(top + std::min(h, vh) - vh);
    placeWidgets();
    if (m_layoutDirty)
        relayout();
}

void NotebookView::enterEditMode() {
    if (m_slots.empty())
        return;
    scrollToCell(m_current);
    CellWidget* w = materialize(m_current);
    m_editMode = true;
    updateModes();
    w->startEditing();
    requestLayout();
    emit modeChanged(true);
}

void NotebookView::enterCommandMode() {
    const bool was = m_editMode;
    m_editMode = false;
    updateModes();
    setFocus(Qt::OtherFocusReason);
    if (was)
        emit modeChanged(false);
}

void NotebookView::setViewOptions(const CellViewOptions& options) {
    m_options = options;
    m_lineHeight = QFontMetrics(options.font).lineSpacing(); // for estimated heights
    for (auto& s : m_slots) {
        if (s.widget)
            s.widget->setOptions(options);
        s.exact = false;
    }
    requestLayout();
}

CellWidget* NotebookView::widgetAt(int index) const {
    return index >= 0 && index < int(m_slots.size()) ? m_slots[size_t(index)].widget : nullptr;
}

int NotebookView::materializedCount() const {
    return int(std::count_if(m_slots.begin(), m_slots.end(),
                             [](const Slot& s) { return s.widget != nullptr; }));
}

int NotebookView::cellTop(int index) {
    if (m_layoutDirty || m_tops.size() != m_slots.size())
        relayout();
    return m_tops.at(size_t(index));
}

// ---- operations -------------------------------------------------------------------------------

void NotebookView::insertCell(bool below, CellType type) {
    const int at = m_slots.empty() ? 0
                                   : (below ? std::max(m_anchor, m_current) + 1
                                            : std::min(m_anchor, m_current));
    m_editing.insertCell(at, type);
    setCurrentIndex(at);
}

void NotebookView::deleteSelected() {
    const auto sel = selectedIndices();
    if (sel.isEmpty())
        return;
    m_editing.deleteCells(sel);
    if (m_doc->cellCount() == 0)
        m_editing.insertCell(0, CellType::Code);
    setCurrentIndex(std::min(sel.front(), m_doc->cellCount() - 1));
}

void NotebookView::copySelected() {
    CellClipboard::put(m_editing.copyCells(selectedIndices()));
}

void NotebookView::cutSelected() {
    copySelected();
    deleteSelected();
}

bool NotebookView::canPaste() const {
    return CellClipboard::hasCells();
}

void NotebookView::paste(bool below) {
    const Json cells = CellClipboard::cells();
    if (cells.empty())
        return;
    const int at = below ? std::max(m_anchor, m_current) + 1 : std::min(m_anchor, m_current);
    const int n = m_editing.pasteCells(at, cells);
    if (n)
        setCurrentIndex(at + n - 1);
}

void NotebookView::changeSelectedType(CellType type) {
    const auto sel = selectedIndices();
    const int cur = m_current, anchor = m_anchor;
    m_editing.changeType(sel, type);
    m_anchor = anchor;
    setCurrentIndex(cur, true);
}

void NotebookView::mergeSelected() {
    auto sel = selectedIndices();
    if (sel.size() == 1 && sel.front() + 1 < m_doc->cellCount())
        sel << sel.front() + 1;
    if (sel.size() < 2)
        return;
    m_editing.mergeCells(sel);
    setCurrentIndex(sel.front());
}

void NotebookView::splitAtCursor() {
    CellWidget* w = widgetAt(m_current);
    if (!w || !w->editor())
        return;
    const int pos = w->editor()->cursorOffset();
    const int first = m_current;
    const int parts = m_editing.splitCell(first, {pos});
    setCurrentIndex(first + parts - 1);
    enterEditMode();
    if (auto* cw = widgetAt(m_current); cw && cw->editor())
        cw->editor()->setCursorPosition(0, 0);
}

void NotebookView::moveSelected(int delta) {
    const auto sel = selectedIndices();
    if (sel.isEmpty())
        return;
    const int first = sel.front();
    const int count = int(sel.size());
    const int cur = m_current, anchor = m_anchor;
    if (!m_editing.moveCells(first, count, delta))
        return;
    m_anchor = anchor + delta;
    setCurrentIndex(cur + delta, true);
}

void NotebookView::clearSelectedOutputs() {
    m_editing.clearOutputs(selectedIndices());
}

void NotebookView::toggleSelectedOutputsHidden() {
    if (m_current < 0 || m_current >= m_doc->cellCount())
        return;
    m_editing.setOutputsHidden(selectedIndices(), !outputsHidden(m_doc->cell(m_current)->metadata()));
}

void NotebookView::toggleSelectedOutputsScrolled() {
    if (m_current < 0 || m_current >= m_doc->cellCount())
        return;
    m_editing.setOutputsScrolled(selectedIndices(),
                                 !outputsScrolled(m_doc->cell(m_current)->metadata()));
}

void NotebookView::clearAllOutputs() {
    QList<int> all;
    for (int i = 0; i < m_doc->cellCount(); ++i)
        all << i;
    m_editing.clearOutputs(all);
}

void NotebookView::runCurrent(RunMode mode) {
    if (m_slots.empty())
        return;
    const int i = m_current;
    const CellType type = m_slots[size_t(i)].cell->type();
    if (type == CellType::Markdown) {
        if (auto* w = m_slots[size_t(i)].widget)
            w->renderMarkdown();
        emit markdownRendered(i);
    } else if (type == CellType::Code) {
        emit executeRequested(i);
    }
    enterCommandMode();
    if (mode == RunMode::Advance) {
        if (i + 1 >= int(m_slots.size()))
            m_editing.insertCell(i + 1, CellType::Code);
        setCurrentIndex(i + 1);
        if (m_slots[size_t(i + 1)].cell->source().isEmpty())
            enterEditMode();
    } else if (mode == RunMode::InsertBelow) {
        m_editing.insertCell(i + 1, CellType::Code);
        setCurrentIndex(i + 1);
        enterEditMode();
    }
}

// ---- execution state ---------------------------------------------------------------------------

int NotebookView::indexOfCell(const Cell* cell) const {
    for (size_t i = 0; i < m_slots.size(); ++i)
        if (m_slots[i].cell.get() == cell)
            return int(i);
    return -1;
}

void NotebookView::setRunState(const Cell* cell, const CellRunState& state) {
    if (!cell)
        return;
    const CellRunState old = runState(cell);
    const int index = indexOfCell(cell);
    if (state.phase == CellRunState::Phase::Idle && !state.inputActive) {
        m_runStates.erase(cell);
    } else {
        RunEntry& e = m_runStates[cell];
        e.state = state;
        if (index >= 0) {
            e.cell = m_slots[size_t(index)].cell;
            e.tracked = true;
        }
    }
    if (index < 0)
        return;
    QWidget* focus = window()->focusWidget();
    const bool viewHadFocus = focus && (focus == this || isAncestorOf(focus));
    CellWidget* w = m_slots[size_t(index)].widget;
    // Take the keyboard back before the field that has it hides.
    if (w && !state.inputActive && w->inputHasFocus())
        enterCommandMode();
    if (w)
        w->setRunState(state);
    if (state.inputActive && !old.inputActive && (viewHadFocus || window()->isActiveWindow()))
        focusInput(index);
}

CellRunState NotebookView::runState(const Cell* cell) const {
    const auto it = m_runStates.find(cell);
    if (it == m_runStates.end() || (it->second.tracked && it->second.cell.expired()))
        return {};
    return it->second.state;
}

void NotebookView::applyRunState(CellWidget* w) const {
    w->setRunState(runState(w->cell().get()));
}

void NotebookView::focusInput(int index) {
    if (m_slots[size_t(index)].hidden)
        return;
    scrollToCell(index); // creates the widget
    CellWidget* w = m_slots[size_t(index)].widget;
    if (!w)
        return;
    relayout(); // the row's height counts before scrolling to it
    if (m_editMode) {
        m_editMode = false;
        updateModes();
        emit modeChanged(false);
    }
    w->focusInput();
    // Show the row itself (it sits under the outputs, maybe below the screen).
    if (QLineEdit* field = w->inputField()) {
        const int bottom = m_tops[size_t(index)] + field->mapTo(w, QPoint(0, field->height())).y();
        auto* sb = verticalScrollBar();
        if (bottom + 8 > sb->value() + viewport()->height())
            sb->setValue(bottom + 8 - viewport()->height());
    }
}

void NotebookView::setCodeAssistant(CodeAssistant* assistant) {
    m_assistant = assistant;
    for (auto& s : m_slots)
        if (s.widget)
            s.widget->setCodeAssistant(assistant);
}

// ---- keyboard ----------------------------------------------------------------------------------

bool NotebookView::event(QEvent* event) {
    // In command mode single keys are notebook commands, not shortcuts of other widgets.
    if (event->type() == QEvent::ShortcutOverride && !m_editMode &&
        m_keys->claims(static_cast<QKeyEvent*>(event))) {
        event->accept();
        return true;
    }
    return QAbstractScrollArea::event(event);
}

void NotebookView::keyPressEvent(QKeyEvent* event) {
    if (!m_editMode && m_keys->handle(event))
        return;
    QAbstractScrollArea::keyPressEvent(event);
}

} // namespace quire::editor
