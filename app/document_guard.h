#pragma once

#include "autosave_timer.h"
#include "disk_change_watcher.h"
#include "message_bar.h"
#include "recovery_journal.h"

#include <QObject>
#include <QPointer>

namespace quire::app {

class NotebookPage;

// Keeps one page's notebook safe: autosave, the recovery journal and the disk watcher are
// attached to the page's document (as its children, so they go with it) and attached again
// when the page swaps in another document. Turns what they notice into message-bar
// questions. A child of the page; FileController makes one for every page it opens.
class DocumentGuard : public QObject {
    Q_OBJECT
public:
    explicit DocumentGuard(NotebookPage* page);
    static DocumentGuard* of(NotebookPage* page);

    // The page's document was restored from `entry`: keep that journal entry until the
    // document is saved or discarded, tell the user, and do not autosave over the original
    // file until they save once themselves.
    void adoptRecovery(const RecoveryEntry& entry);

    RecoveryJournal* journal() const { return m_journal; }
    AutosaveTimer* autosave() const { return m_autosave; }
    DiskChangeWatcher* watcher() const { return m_watcher; }

private:
    void attach();
    void onDiskState(DiskChangeWatcher::State state);
    bool reload(); // false (and says why) when the file cannot be read
    void show(const QString& text, MessageBar::Kind kind);

    NotebookPage* m_page;
    QPointer<RecoveryJournal> m_journal;
    QPointer<AutosaveTimer> m_autosave;
    QPointer<DiskChangeWatcher> m_watcher;
    QString m_shown; // the bar text we put up last, to take it down when it no longer holds
    bool m_autosaveFailing = false;
};

} // namespace quire::app
