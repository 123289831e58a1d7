#include "find_bar.h"

#include "code_editor.h"
#include "editor/model/notebook_document.h"
#include "notebook_view.h"

#include <QCheckBox>
#include <QGridLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QToolButton>

namespace quire::editor {

FindBar::FindBar(QWidget* parent) : QWidget(parent) {
    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(8, 4, 8, 4);
    m_find = new QLineEdit(this);
    m_find->setPlaceholderText(tr("Find in notebook"));
    m_find->setAccessibleName(tr("Find"));
    m_case = new QCheckBox(tr("Match case"), this);
    m_word = new QCheckBox(tr("Whole word"), this);
    m_regex = new QCheckBox(tr("Regular expression"), this);
    auto* prev = new QPushButton(tr("Previous"), this);
    auto* next = new QPushButton(tr("Next"), this);
    m_status = new QLabel(this);
    auto* close = new QToolButton(this);
    close->setText(QStringLiteral("✕"));
    close->setAutoRaise(true);
    close->setAccessibleName(tr("Close find bar"));
    close->setToolTip(tr("Close (Esc)"));
    grid->addWidget(m_find, 0, 0);
    grid->addWidget(prev, 0, 1);
    grid->addWidget(next, 0, 2);
    grid->addWidget(m_case, 0, 3);
    grid->addWidget(m_word, 0, 4);
    grid->addWidget(m_regex, 0, 5);
    grid->addWidget(m_status, 0, 6);
    grid->addWidget(close, 0, 7);
    m_replaceRow = new QWidget(this);
    auto* row = new QHBoxLayout(m_replaceRow);
    row->setContentsMargins(0, 0, 0, 0);
    m_replace = new QLineEdit(m_replaceRow);
    m_replace->setPlaceholderText(tr("Replace with"));
    m_replace->setAccessibleName(tr("Replace with"));
    auto* one = new QPushButton(tr("Replace"), m_replaceRow);
    auto* all = new QPushButton(tr("Replace all"), m_replaceRow);
    row->addWidget(m_replace, 1);
    row->addWidget(one);
    row->addWidget(all);
    grid->addWidget(m_replaceRow, 1, 0, 1, 8);
    grid->setColumnStretch(0, 1);
    connect(m_find, &QLineEdit::textChanged, this, [this] { refresh(); });
    connect(m_find, &QLineEdit::returnPressed, this, [this] { findNext(1); });
    for (auto* box : {m_case, m_word, m_regex})
        connect(box, &QCheckBox::toggled, this, [this] { refresh(); });
    connect(prev, &QPushButton::clicked, this, [this] { findNext(-1); });
    connect(next, &QPushButton::clicked, this, [this] { findNext(1); });
    connect(one, &QPushButton::clicked, this, &FindBar::replaceCurrent);
    connect(all, &QPushButton::clicked, this, [this] { replaceAll(); });
    connect(close, &QToolButton::clicked, this, [this] {
        hide();
        if (m_view)
            m_view->setFocus();
    });
    hide();
}

void FindBar::setView(NotebookView* view) {
    m_view = view;
    m_matches.clear();
    m_at = -1;
    if (isVisible())
        refresh();
}

void FindBar::openFind(bool withReplace) {
    m_replaceRow->setVisible(withReplace);
    show();
    m_find->setFocus();
    m_find->selectAll();
    refresh();
}

NotebookSearch FindBar::search() const {
    SearchOptions o;
    o.caseSensitive = m_case->isChecked();
    o.regex = m_regex->isChecked();
    o.wholeWord = m_word->isChecked();
    return NotebookSearch(m_find->text(), o);
}

void FindBar::refresh() {
    m_matches.clear();
    m_at = -1;
    if (!m_view)
        return;
    const auto s = search();
    if (!m_find->text().isEmpty() && !s.isValid()) {
        m_status->setText(tr("Invalid pattern: %1").arg(s.errorString()));
        return;
    }
    m_matches = s.findAll(*m_view->document());
    m_status->setText(
        m_find->text().isEmpty() ? QString() : tr("%n match(es)", nullptr, int(m_matches.size())));
}

void FindBar::findNext(int direction) {
    if (m_matches.isEmpty())
        refresh();
    if (m_matches.isEmpty())
        return;
    const int n = int(m_matches.size());
    m_at = m_at < 0 ? (direction > 0 ? 0 : n - 1) : (m_at + direction + n) % n;
    showMatch(m_at);
}

void FindBar::showMatch(int i) {
    const SearchMatch& m = m_matches[i];
    m_status->setText(tr("%1 of %2").arg(i + 1).arg(m_matches.size()) +
                      (m.inOutput ? tr(" (in output, read-only)") : QString()));
    m_view->setCurrentIndex(m.cell);
    if (m.inOutput)
        return;
    m_view->enterEditMode();
    if (auto* w = m_view->widgetAt(m.cell); w && w->editor()) {
        auto* e = w->editor();
        const QString text = e->text();
        auto lineIndex = [&text](int offset, int* line, int* index) {
            const QString before = text.left(offset);
            *line = int(before.count(QLatin1Char('\n')));
            *index = int(before.mid(before.lastIndexOf(QLatin1Char('\n')) + 1).toUtf8().size());
        };
        int l1, i1, l2, i2;
        lineIndex(m.start, &l1, &i1);
        lineIndex(m.start + m.length, &l2, &i2);
        e->setSelection(l1, i1, l2, i2);
    }
    m_find->setFocus();
}

void FindBar::replaceCurrent() {
    if (!m_view || m_at < 0 || m_at >= m_matches.size() || m_matches[m_at].inOutput) {
        findNext(1);
        return;
    }
    const SearchMatch m = m_matches[m_at];
    const QString before = m_view->document()->cell(m.cell)->source();
    const QString after = search().replaceOne(before, m.start, m_replace->text());
    if (after != before)
        m_view->editing().setSources({m.cell}, {after}, tr("Replace"));
    const int keep = m_at;
    refresh();
    if (!m_matches.isEmpty()) {
        m_at = keep - 1;
        findNext(1);
    }
}

int FindBar::replaceAll() {
    if (!m_view)
        return 0;
    const auto s = search();
    if (!s.isValid())
        return 0;
    QList<int> cells;
    QStringList texts;
    int total = 0;
    auto* doc = m_view->document();
    for (int i = 0; i < doc->cellCount(); ++i) {
        int n = 0;
        const QString after = s.replaceAll(doc->cell(i)->source(), m_replace->text(), &n);
        if (n) {
            cells << i;
            texts << after;
            total += n;
        }
    }
    if (total)
        m_view->editing().setSources(cells, texts, tr("Replace all"));
    refresh();
    m_status->setText(tr("Replaced %n occurrence(s)", nullptr, total));
    return total;
}

void FindBar::keyPressEvent(QKeyEvent* event) {
    if (event->key() == Qt::Key_Escape) {
        hide();
        if (m_view)
            m_view->setFocus();
        return;
    }
    QWidget::keyPressEvent(event);
}

} // namespace quire::editor
