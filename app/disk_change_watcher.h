#pragma once

#include "file_snapshot.h"

#include <QFileSystemWatcher>
#include <QObject>
#include <QTimer>

namespace quire::editor {
class NotebookDocument;
}

namespace quire::app {

// Notices another program changing or deleting the document's file. The baseline is the
// file as we last read or wrote it (stat + content hash, retaken on every save), so our own
// saves and writes of identical bytes are not reported. Watches the file and its folder:
// an atomic save (ours or another editor's) replaces the file's inode, which ends an
// inotify watch on the file, so the path is added again whenever it exists. A child of its
// document.
class DiskChangeWatcher : public QObject {
    Q_OBJECT
public:
    enum class State { InSync, Changed, Removed };

    static constexpr int kSettleMs = 150; // writers that write in pieces are done by then

    explicit DiskChangeWatcher(editor::NotebookDocument* document);

    State state() const { return m_state; }
    // Whether writing the file now would overwrite nothing we have not seen (autosave asks).
    bool diskMatchesBaseline() const;
    // "Keep mine": the file as it is now becomes the baseline; the next save overwrites it.
    void acceptDiskState();
    // For a document restored from a journal: compare with the file as it is now.
    void resetBaseline();
    void checkNow(); // what a file notification leads to, after kSettleMs

signals:
    void stateChanged(DiskChangeWatcher::State state); // Changed is repeated for each new change

private:
    void watchPath();

    editor::NotebookDocument* m_doc;
    QFileSystemWatcher m_watcher;
    QTimer m_settle;
    QString m_path;
    FileSnapshot m_baseline; // the file as the document last read or wrote it
    FileSnapshot m_seen;     // the file when we last looked, so one change is reported once
    State m_state = State::InSync;
};

} // namespace quire::app
