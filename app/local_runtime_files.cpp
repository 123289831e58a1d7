#include "local_runtime_files.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTimer>

namespace quire::app {

LocalRuntimeFiles::LocalRuntimeFiles(QString root, QObject* parent)
    : RuntimeFiles(parent), m_root(QDir(root).absolutePath()) {}

QString LocalRuntimeFiles::absolute(const QString& path) const {
    return path.isEmpty() ? m_root : QDir(m_root).filePath(path);
}

void LocalRuntimeFiles::answer(Done done, const QString& error) {
    QTimer::singleShot(0, this, [done = std::move(done), error] { done(error); });
}

void LocalRuntimeFiles::list(const QString& dir, Listed done) {
    QList<RuntimeFileEntry> entries;
    QString error;
    const QDir folder(absolute(dir));
    if (!folder.exists()) {
        error = tr("The folder %1 does not exist.").arg(folder.path());
    } else {
        const auto infos = folder.entryInfoList(QDir::AllEntries | QDir::NoDotAndDotDot,
                                                QDir::DirsFirst | QDir::Name | QDir::IgnoreCase);
        for (const QFileInfo& info : infos)
            entries.append({info.fileName(), joinPath(dir, info.fileName()), info.isDir(),
                            info.isDir() ? -1 : info.size(), info.lastModified()});
    }
    QTimer::singleShot(0, this, [done = std::move(done), entries, error] { done(entries, error); });
}

void LocalRuntimeFiles::makeFolder(const QString& dir, const QString& name, Done done) {
    const QString target = absolute(joinPath(dir, name));
    QString error;
    if (QFileInfo::exists(target))
        error = tr("%1 already exists.").arg(name);
    else if (!QDir().mkdir(target))
        error = tr("Cannot create the folder %1.").arg(target);
    answer(std::move(done), error);
}

void LocalRuntimeFiles::rename(const QString& path, const QString& newName, Done done) {
    const QFileInfo from(absolute(path));
    const QString to = from.dir().filePath(newName);
    QString error;
    if (newName.contains(QLatin1Char('/')) || newName.isEmpty())
        error = tr("A name cannot be empty or contain “/”.");
    else if (QFileInfo::exists(to))
        error = tr("%1 already exists.").arg(newName);
    else if (!QDir().rename(from.filePath(), to))
        error = tr("Cannot rename %1.").arg(from.fileName());
    answer(std::move(done), error);
}

void LocalRuntimeFiles::remove(const QString& path, bool isDir, Done done) {
    const QString target = absolute(path);
    bool ok = false;
    if (path.isEmpty())
        ok = false; // never the root itself
    else if (isDir)
        ok = QDir(target).removeRecursively();
    else
        ok = QFile::remove(target);
    answer(std::move(done), ok ? QString() : tr("Cannot delete %1.").arg(target));
}

void LocalRuntimeFiles::upload(const QString& localFile, const QString& dir, Done done) {
    const QFileInfo source(localFile);
    const QString target = QDir(absolute(dir)).filePath(source.fileName());
    QString error;
    if (source.isDir())
        error = tr("%1 is a folder: only files can be uploaded.").arg(source.fileName());
    else if (QFileInfo::exists(target))
        error = tr("%1 already exists in this folder.").arg(source.fileName());
    else if (!QFile::copy(localFile, target))
        error = tr("Cannot copy %1 here.").arg(source.fileName());
    answer(std::move(done), error);
}

void LocalRuntimeFiles::download(const QString& path, const QString& localFile, Done done) {
    QString error;
    if (QFileInfo::exists(localFile) && !QFile::remove(localFile))
        error = tr("Cannot replace %1.").arg(localFile);
    else if (!QFile::copy(absolute(path), localFile))
        error = tr("Cannot copy %1 to %2.").arg(QFileInfo(path).fileName(), localFile);
    answer(std::move(done), error);
}

} // namespace quire::app
