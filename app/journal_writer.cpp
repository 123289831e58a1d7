#include "journal_writer.h"

#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QSaveFile>
#include <algorithm>

namespace quire::app {

Q_LOGGING_CATEGORY(lcJournalWriter, "quire.recovery")

namespace {
bool writeAtomically(const QString& path, const QByteArray& bytes, QString* error) {
    QSaveFile f(path);
    if (f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size() && f.commit())
        return true;
    *error = f.errorString();
    return false;
}
} // namespace

JournalWriter& JournalWriter::instance() {
    static JournalWriter writer;
    return writer;
}

JournalWriter::~JournalWriter() {
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join(); // finishes the queue first: those are the user's edits
}

void JournalWriter::write(const QString& directory, const QString& id, QByteArray notebook,
                          QByteArray sidecar) {
    enqueue({directory, id, std::move(notebook), std::move(sidecar), false});
}

void JournalWriter::remove(const QString& directory, const QString& id) {
    enqueue({directory, id, {}, {}, true});
}

void JournalWriter::enqueue(Job job) {
    {
        std::lock_guard lock(m_mutex);
        // Only the last queued job of this entry can be merged with: anything earlier is
        // ordered before a removal that must stay in between.
        auto last = std::find_if(m_jobs.rbegin(), m_jobs.rend(),
                                 [&](const Job& j) { return j.id == job.id; });
        if (last != m_jobs.rend() && !last->remove && !job.remove) {
            if (!job.notebook.isNull())
                last->notebook = std::move(job.notebook);
            if (!job.sidecar.isNull())
                last->sidecar = std::move(job.sidecar);
        } else if (last != m_jobs.rend() && job.remove && !last->remove) {
            *last = std::move(job); // never written, so nothing to write before removing
        } else {
            m_jobs.push_back(std::move(job));
        }
        if (!m_thread.joinable())
            m_thread = std::thread([this] { run(); });
    }
    m_wake.notify_one();
}

void JournalWriter::flush() {
    std::unique_lock lock(m_mutex);
    m_idle.wait(lock, [this] { return m_jobs.empty() && !m_busy; });
}

void JournalWriter::run() {
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [this] { return m_stop || !m_jobs.empty(); });
        if (m_jobs.empty())
            return; // stopping, and nothing left to write
        Job job = std::move(m_jobs.front());
        m_jobs.pop_front();
        m_busy = true;
        lock.unlock();
        perform(job); // the bytes were moved here: the GUI thread keeps no copy
        lock.lock();
        m_busy = false;
        if (m_jobs.empty())
            m_idle.notify_all();
    }
}

void JournalWriter::perform(const Job& job) {
    const QString base = job.directory + QLatin1Char('/') + job.id;
    if (job.remove) {
        // Notebook first: a sidecar without its notebook is cleaned up later, the reverse
        // would be an orphan nobody can describe.
        QFile::remove(base + QStringLiteral(".ipynb"));
        QFile::remove(base + QStringLiteral(".json"));
        return;
    }
    QString error;
    bool ok = QDir().mkpath(job.directory);
    if (!ok)
        error = QStringLiteral("cannot create the folder");
    if (ok && !job.sidecar.isNull())
        ok = writeAtomically(base + QStringLiteral(".json"), job.sidecar, &error);
    if (ok && !job.notebook.isNull())
        ok = writeAtomically(base + QStringLiteral(".ipynb"), job.notebook, &error);
    if (!ok)
        qCWarning(lcJournalWriter) << "recovery journal" << job.id << "not written:" << error;
    const QString id = job.id;
    QMetaObject::invokeMethod(
        this, [this, id, ok, error] { emit written(id, ok, error); }, Qt::QueuedConnection);
}

} // namespace quire::app
