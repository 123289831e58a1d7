#include "toc_dock.h"

#include "editor/model/notebook_document.h"
#include "editor/render/markdown_scan.h"
#include "editor/view/notebook_view.h"
#include "notebook_page.h"

#include <QHeaderView>
#include <QTreeWidget>

namespace quire::app {

TocDock::TocDock(QWidget* parent) : QDockWidget(tr("Table of Contents"), parent) {
    setObjectName(QStringLiteral("toc"));
    m_tree = new QTreeWidget(this);
    m_tree->setHeaderHidden(true);
    m_tree->setAccessibleName(tr("Table of contents"));
    m_tree->setRootIsDecorated(true);
    setWidget(m_tree);
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(250);
    connect(&m_debounce, &QTimer::timeout, this, &TocDock::rebuild);
    auto jump = [this](QTreeWidgetItem* item) {
        if (!item || !m_page)
            return;
        const int cell = item->data(0, Qt::UserRole).toInt();
        m_page->view()->setCurrentIndex(cell);
        m_page->view()->setFocus();
    };
    connect(m_tree, &QTreeWidget::itemClicked, this, jump);
    connect(m_tree, &QTreeWidget::itemActivated, this, jump);
}

void TocDock::setPage(NotebookPage* page) {
    if (m_page)
        disconnect(m_page, nullptr, this, nullptr);
    m_page = page;
    auto hook = [this] {
        if (!m_page)
            return;
        auto* doc = m_page->document();
        auto later = [this] { m_debounce.start(); };
        connect(doc, &editor::NotebookDocument::cellsInserted, this, later);
        connect(doc, &editor::NotebookDocument::cellsRemoved, this, later);
        connect(doc, &editor::NotebookDocument::cellsMoved, this, later);
        connect(doc, &editor::NotebookDocument::cellReplaced, this, later);
        connect(doc, &editor::NotebookDocument::cellSourceChanged, this, later);
    };
    if (page)
        connect(page, &NotebookPage::documentReplaced, this, [this, hook] {
            hook();
            rebuild();
        });
    hook();
    rebuild();
}

void TocDock::rebuild() {
    m_tree->clear();
    if (!m_page)
        return;
    const auto* doc = m_page->document();
    QList<QPair<int, QTreeWidgetItem*>> stack; // (level, item)
    for (int i = 0; i < doc->cellCount(); ++i) {
        const auto& cell = doc->cell(i);
        if (cell->type() != editor::CellType::Markdown)
            continue;
        for (const auto& h : editor::markdownHeadings(cell->source())) {
            while (!stack.isEmpty() && stack.back().first >= h.level)
                stack.pop_back();
            auto* item = stack.isEmpty() ? new QTreeWidgetItem(m_tree)
                                         : new QTreeWidgetItem(stack.back().second);
            item->setText(0, h.text);
            item->setToolTip(0, h.text);
            item->setData(0, Qt::UserRole, i);
            stack.push_back({h.level, item});
        }
    }
    m_tree->expandAll();
}

} // namespace quire::app
