#include "disk_change_watcher.h"

#include "editor/model/notebook_document.h"

#include <QFileInfo>

namespace quire::app {

using editor::NotebookDocument;

DiskChangeWatcher::DiskChangeWatcher(NotebookDocument* document)
    : QObject(document), m_doc(document) {
    m_settle.setSingleShot(true);
    m_settle.setInterval(kSettleMs);
    connect(&m_settle, &QTimer::timeout, this, &DiskChangeWatcher::checkNow);
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, [this] { m_settle.start(); });
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, [this] { m_settle.start(); });
    // saved() comes synchronously from save(), before the watcher's notification of that very
    // write is delivered; by then the new file is the baseline and nothing is reported.
    // Save As changes the path and then emits saved() as well.
    connect(document, &NotebookDocument::saved, this, [this] { resetBaseline(); });
    resetBaseline();
}

void DiskChangeWatcher::resetBaseline() {
    m_settle.stop();
    m_path = m_doc->filePath();
    m_baseline = FileSnapshot::read(m_path);
    m_seen = m_baseline;
    m_state = State::InSync;
    watchPath();
}

void DiskChangeWatcher::acceptDiskState() {
    m_baseline = FileSnapshot::read(m_path);
    m_seen = m_baseline;
    m_state = State::InSync;
    watchPath();
}

bool DiskChangeWatcher::diskMatchesBaseline() const {
    return m_state == State::InSync && FileSnapshot::stat(m_path).sameStat(m_baseline);
}

void DiskChangeWatcher::watchPath() {
    const QStringList old = m_watcher.files() + m_watcher.directories();
    if (!old.isEmpty())
        m_watcher.removePaths(old);
    if (m_path.isEmpty())
        return;
    m_watcher.addPath(QFileInfo(m_path).absolutePath());
    if (QFileInfo::exists(m_path))
        m_watcher.addPath(m_path);
}

void DiskChangeWatcher::checkNow() {
    if (m_path.isEmpty())
        return;
    if (!m_watcher.files().contains(m_path) && QFileInfo::exists(m_path))
        m_watcher.addPath(m_path); // replaced by a rename, or created again
    FileSnapshot now = FileSnapshot::stat(m_path);
    if (now.sameStat(m_seen))
        return; // another file in the folder, or a change already reported
    if (now.exists && !now.sameStat(m_baseline))
        now = FileSnapshot::read(m_path);
    m_seen = now;
    State next = State::Changed;
    if (!now.exists)
        next = State::Removed;
    else if (now.sameContent(m_baseline))
        next = State::InSync; // touched, or written back with the same bytes
    if (next == State::InSync) {
        if (now.hash.isEmpty())
            now.hash = m_baseline.hash;
        m_baseline = now; // keep the stat current so autosave is not held back
        if (m_state == State::InSync)
            return;
    }
    m_state = next;
    emit stateChanged(next);
}

} // namespace quire::app
