#pragma once

#include <QDialog>
#include <QPointer>

class QAction;
class QLineEdit;
class QMenu;
class QMenuBar;
class QTreeWidget;

namespace quire::app {

// Ctrl+Shift+P: every enabled menu command in one list ("Edit › Merge Cells", "Shift+M"),
// filtered as the user types (every word must appear, any case). Up/Down choose, Enter runs the
// command once the palette has closed (so a command that opens a dialog does not open it on top
// of the palette), Esc closes. Built from the menus each time it opens, so it never drifts.
class CommandPalette : public QDialog {
    Q_OBJECT
public:
    struct Entry {
        QPointer<QAction> action;
        QString path; // "Edit › Change Cell Type › Code"
        QString keys; // the real shortcut, else the hint the menu shows after a tab
    };
    // The enabled, visible commands under `bar` in menu order; separators and the items that
    // only open a submenu are skipped.
    static QList<Entry> collect(QMenuBar* bar);
    // True when every word of `filter` is in `text` (case-insensitive; composed Hangul).
    static bool matches(const QString& text, const QString& filter);

    explicit CommandPalette(QMenuBar* bar, QWidget* parent = nullptr);

    QLineEdit* filterField() const { return m_filter; }
    QTreeWidget* list() const { return m_list; }
    int shownCount() const;
    QAction* currentAction() const;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    static void collectMenu(QMenu* menu, const QString& prefix, QList<Entry>& out);
    void applyFilter(const QString& filter);
    void runCurrent();

    QList<Entry> m_entries;
    QLineEdit* m_filter;
    QTreeWidget* m_list;
};

} // namespace quire::app
