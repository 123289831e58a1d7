#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

namespace quire::app {

// Writes and removes recovery journal files on one background thread, in the order they
// were asked for, so the GUI thread never waits for the disk (QSaveFile's commit syncs the
// file, which can take tens of milliseconds). A write still waiting in the queue is
// replaced by a newer write of the same entry: only the latest bytes matter.
class JournalWriter : public QObject {
    Q_OBJECT
public:
    static JournalWriter& instance(); // lives on the thread that first asks (the GUI thread)
    ~JournalWriter() override;

    // Replaces <directory>/<id>.json with `sidecar` and then <id>.ipynb with `notebook`,
    // each atomically; a null array leaves that file as it is. The sidecar goes first so a
    // notebook file never exists without its description.
    void write(const QString& directory, const QString& id, QByteArray notebook,
               QByteArray sidecar);
    void remove(const QString& directory, const QString& id);
    // Returns once everything asked before the call is on disk (or failed).
    void flush();

signals:
    // Emitted on the writer's owning thread after a write of `id` has finished.
    void written(const QString& id, bool ok, const QString& error);

private:
    struct Job {
        QString directory;
        QString id;
        QByteArray notebook;
        QByteArray sidecar;
        bool remove = false;
    };

    JournalWriter() = default;
    void enqueue(Job job);
    void run();
    void perform(const Job& job);

    std::mutex m_mutex;
    std::condition_variable m_wake; // a job arrived or stop was asked
    std::condition_variable m_idle; // the queue ran empty
    std::deque<Job> m_jobs;
    bool m_busy = false;
    bool m_stop = false;
    std::thread m_thread;
};

} // namespace quire::app
