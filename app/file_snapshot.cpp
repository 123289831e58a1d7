#include "file_snapshot.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>

namespace quire::app {

FileSnapshot FileSnapshot::stat(const QString& path) {
    FileSnapshot s;
    const QFileInfo info(path);
    if (path.isEmpty() || !info.exists())
        return s;
    s.exists = true;
    s.size = info.size();
    s.mtimeMs = info.lastModified().toMSecsSinceEpoch();
    return s;
}

FileSnapshot FileSnapshot::read(const QString& path) {
    FileSnapshot s = stat(path);
    if (!s.exists)
        return s;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return s;
    // MD5 is here only to compare two versions of one file, not for security; it is the
    // quickest hash QtCore has (about 20 ms for a 20 MB notebook).
    QCryptographicHash hash(QCryptographicHash::Md5);
    if (hash.addData(&f))
        s.hash = hash.result();
    return s;
}

bool FileSnapshot::sameContent(const FileSnapshot& other) const {
    if (exists != other.exists)
        return false;
    if (!exists)
        return true;
    if (!hash.isEmpty() && !other.hash.isEmpty())
        return hash == other.hash;
    return sameStat(other);
}

} // namespace quire::app
