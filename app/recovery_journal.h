#pragma once

#include <QDateTime>
#include <QObject>
#include <QString>
#include <QTimer>
#include <memory>

namespace quire::editor {
class NotebookDocument;
}

namespace quire::app {

// One notebook a Quire process journaled and did not clean up: it crashed or was killed.
struct RecoveryEntry {
    enum class DiskState { Untitled, Unchanged, Changed, Missing };

    QString id;
    QString journalPath;  // <AppDataLocation>/recovery/<id>.ipynb
    QString originalPath; // empty for a notebook that was never saved
    QString untitledName;
    QDateTime journaledAt; // when its bytes were last written
    qint64 pid = 0;
    // The original file as it was when the notebook was loaded or last saved.
    qint64 originalSize = -1;
    qint64 originalMtimeMs = 0;

    QString displayName() const;
    DiskState diskState() const; // the original file now, compared with the above
};

// Keeps a copy of one document's unsaved state in the app's data directory so a crash loses
// at most about a second of edits. The first change after a write starts a single-shot timer
// (later changes do not restart it, so the delay is bounded); when it fires the document is
// serialized on the GUI thread and the bytes are handed to JournalWriter's thread.
//
// Serializing costs time in proportion to the notebook's size, so the delay grows with the
// measured cost: at most kCostShare of the GUI thread goes to journaling while the user types.
// Small notebooks get the 1 s bound; a notebook whose serialize() takes 150 ms gets 5 s.
//
// The entry is removed when the document becomes unmodified (saved, or undone back to the
// saved state) and when the document is destroyed (closed or replaced), which only happens
// after the user has been asked about unsaved changes. A child of its document.
class RecoveryJournal : public QObject {
    Q_OBJECT
public:
    static constexpr int kMinDelayMs = 1000;
    static constexpr int kMaxDelayMs = 60000;
    static constexpr int kCostShare =
        33; // delay >= 33 x serialize time, i.e. <= 3 % of the GUI thread

    explicit RecoveryJournal(editor::NotebookDocument* document);
    ~RecoveryJournal() override;

    // Takes over an entry left by a crashed process for the document restored from it: the
    // entry stays (now owned by this process) until the document is saved or discarded.
    void adopt(const RecoveryEntry& entry);

    QString id() const { return m_id; }
    QString journalPath() const;
    int delayMs() const { return m_delayMs; }
    qint64 lastSerializeMs() const { return m_lastSerializeMs; }
    void writeNow(); // what the timer does; public for tests and for flushing before risky work

    static QString directory();
    // Entries whose process is no longer running (checked by pid, process start time and
    // executable). Sidecars left without a notebook by such a process are deleted here.
    static QList<RecoveryEntry> pendingEntries();
    // A modified document bound to the original path (or untitled name) with the journaled
    // content; null with `error` set when the journal cannot be read.
    static std::unique_ptr<editor::NotebookDocument> restore(const RecoveryEntry& entry,
                                                             QString* error = nullptr);
    static void discard(const RecoveryEntry& entry);
    // On a normal quit: waits for queued writes, then removes every entry of this process.
    static void finishProcess();

signals:
    void written(bool ok);

private:
    void scheduleWrite();
    void removeEntry();
    void takeOriginalStat();
    QByteArray sidecar() const;

    editor::NotebookDocument* m_doc;
    QString m_dir;
    QString m_id;
    QTimer m_timer;
    int m_delayMs = kMinDelayMs;
    qint64 m_lastSerializeMs = 0;
    bool m_onDisk = false;      // an entry exists (or is queued) for this document
    bool m_sidecarStale = true; // path or name changed since the sidecar was written
    qint64 m_originalSize = -1;
    qint64 m_originalMtimeMs = 0;
};

} // namespace quire::app
