#pragma once

#include <QByteArray>
#include <QString>

namespace quire::app {

// What a file on disk looked like at one moment: enough to tell "someone else wrote it"
// from "this is still what we read or saved". The content hash is optional because it
// means reading the whole file; a stat is enough to notice that something happened.
// File times tick coarsely (a few ms), so the stat also compares the inode (an atomic save
// makes a new one) and the change time.
struct FileSnapshot {
    bool exists = false;
    qint64 size = -1;
    qint64 mtimeMs = 0;
    qint64 mtimeNs = 0; // 0 where the platform gives no finer time
    qint64 ctimeNs = 0;
    quint64 inode = 0;
    QByteArray hash; // empty when not taken

    static FileSnapshot stat(const QString& path);
    static FileSnapshot read(const QString& path); // stat + content hash

    bool sameStat(const FileSnapshot& other) const {
        return exists == other.exists &&
               (!exists ||
                (size == other.size && mtimeMs == other.mtimeMs && mtimeNs == other.mtimeNs &&
                 ctimeNs == other.ctimeNs && inode == other.inode));
    }
    // Same bytes, when both hashes are known; otherwise the stat decides.
    bool sameContent(const FileSnapshot& other) const;
};

} // namespace quire::app
