#include "command_palette.h"

#include "menu_text.h"

#include <QApplication>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <algorithm>

namespace quire::app {

namespace {
const QString PathSeparator = QStringLiteral(" \u203a ");

QString searchable(const QString& text) {
    return text.normalized(QString::NormalizationForm_C);
}
} // namespace

QList<CommandPalette::Entry> CommandPalette::collect(QMenuBar* bar) {
    QList<Entry> out;
    for (QAction* top : bar->actions())
        if (top->menu() && top->isVisible() && top->isEnabled())
            collectMenu(top->menu(), plainMenuText(top->text()), out);
    return out;
}

void CommandPalette::collectMenu(QMenu* menu, const QString& prefix, QList<Entry>& out) {
    // Some menus bring their items up to date only as they open (File: Revert, Upgrade); let
    // them do that now, as if the user had opened them.
    emit menu->aboutToShow();
    for (QAction* a : menu->actions()) {
        if (a->isSeparator() || !a->isVisible() || !a->isEnabled())
            continue;
        const QString path = prefix + PathSeparator + plainMenuText(a->text());
        if (a->menu()) {
            collectMenu(a->menu(), path, out);
            continue;
        }
        const QString keys = a->shortcut().isEmpty()
                                 ? menuTextHint(a->text())
                                 : a->shortcut().toString(QKeySequence::NativeText);
        out.push_back({a, path, keys});
    }
}

bool CommandPalette::matches(const QString& text, const QString& filter) {
    const QString haystack = searchable(text);
    const QStringList words =
        searchable(filter).simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    return std::all_of(words.begin(), words.end(), [&haystack](const QString& word) {
        return haystack.contains(word, Qt::CaseInsensitive);
    });
}

CommandPalette::CommandPalette(QMenuBar* bar, QWidget* parent)
    : QDialog(parent), m_entries(collect(bar)) {
    setWindowTitle(tr("Command Palette"));
    auto* layout = new QVBoxLayout(this);
    m_filter = new QLineEdit(this);
    m_filter->setPlaceholderText(tr("Type to find a command"));
    m_filter->setAccessibleName(tr("Find a command"));
    m_filter->setClearButtonEnabled(true);
    m_filter->installEventFilter(this);
    layout->addWidget(m_filter);

    m_list = new QTreeWidget(this);
    m_list->setAccessibleName(tr("Commands"));
    m_list->setColumnCount(2);
    m_list->setHeaderLabels({tr("Command"), tr("Keys")});
    m_list->setHeaderHidden(true);
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAllColumnsShowFocus(true);
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    for (int i = 0; i < m_entries.size(); ++i) {
        auto* item = new QTreeWidgetItem(m_list, {m_entries[i].path, m_entries[i].keys});
        item->setData(0, Qt::UserRole, i);
        item->setData(1, Qt::TextAlignmentRole, int(Qt::AlignRight | Qt::AlignVCenter));
    }
    layout->addWidget(m_list);
    auto* hint = new QLabel(tr("↑ ↓ to choose, Enter to run, Esc to close"), this);
    hint->setEnabled(false); // dimmed
    layout->addWidget(hint);

    connect(m_filter, &QLineEdit::textChanged, this, &CommandPalette::applyFilter);
    connect(m_filter, &QLineEdit::returnPressed, this, &CommandPalette::runCurrent);
    connect(m_list, &QTreeWidget::itemActivated, this, &CommandPalette::runCurrent);
    applyFilter(QString());

    resize(620, 420);
    if (parent) {
        const QRect area = parent->window()->geometry();
        move(area.center().x() - width() / 2, area.top() + area.height() / 8);
    }
    m_filter->setFocus();
}

int CommandPalette::shownCount() const {
    int n = 0;
    for (int i = 0; i < m_list->topLevelItemCount(); ++i)
        n += m_list->topLevelItem(i)->isHidden() ? 0 : 1;
    return n;
}

QAction* CommandPalette::currentAction() const {
    const QTreeWidgetItem* item = m_list->currentItem();
    if (!item || item->isHidden())
        return nullptr;
    return m_entries.at(item->data(0, Qt::UserRole).toInt()).action;
}

void CommandPalette::applyFilter(const QString& filter) {
    QTreeWidgetItem* first = nullptr;
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem* item = m_list->topLevelItem(i);
        const Entry& e = m_entries.at(item->data(0, Qt::UserRole).toInt());
        const bool shown = matches(e.path + QLatin1Char(' ') + e.keys, filter);
        item->setHidden(!shown);
        if (shown && !first)
            first = item;
    }
    // A new filter starts from its best (first) match.
    m_list->setCurrentItem(first);
    if (first)
        m_list->scrollToItem(first);
}

void CommandPalette::runCurrent() {
    QPointer<QAction> action = currentAction();
    if (!action)
        return;
    accept();
    QTimer::singleShot(0, action.data(), [action] {
        if (action && action->isEnabled())
            action->trigger();
    });
}

bool CommandPalette::eventFilter(QObject* watched, QEvent* event) {
    // The keyboard stays in the filter line; the keys that move through a list go to the list.
    if (watched == m_filter && event->type() == QEvent::KeyPress) {
        switch (static_cast<QKeyEvent*>(event)->key()) {
        case Qt::Key_Up:
        case Qt::Key_Down:
        case Qt::Key_PageUp:
        case Qt::Key_PageDown:
            QApplication::sendEvent(m_list, event);
            return true;
        default:
            break;
        }
    }
    return QDialog::eventFilter(watched, event);
}

} // namespace quire::app
