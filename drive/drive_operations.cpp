#include "drive_operations.h"

#include "drive_model.h"
#include "rc_job.h"
#include "transfer_list.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonObject>
#include <QPointer>

namespace quire::drive {

namespace {
// rclone's local backend rooted at "/": a local absolute path is its remote part.
QString localRemote(const QString& absolute) {
    QString p = QDir::cleanPath(absolute);
    while (p.startsWith(u'/'))
        p.remove(0, 1);
    return p;
}
const QString Root = QStringLiteral("/");
} // namespace

DriveOperations::DriveOperations(RcloneClient* client, DriveModel* model, TransferList* transfers,
                                 QObject* parent)
    : QObject(parent), m_client(client), m_model(model), m_transfers(transfers) {}

QString DriveOperations::fs() const {
    return m_model->remote() + u':';
}

RcJob* DriveOperations::run(const QString& title, const QString& command, const QJsonObject& params,
                            const QStringList& foldersToRefresh) {
    auto* job = new RcJob(m_client, title);
    m_transfers->add(job);
    QPointer<DriveModel> model = m_model;
    const QString remote = m_model->remote();
    connect(job, &RcJob::finished, this, [this, job, model, remote, foldersToRefresh] {
        if (job->state() == RcJob::State::Failed)
            emit failed(job->errorString());
        if (model && model->remote() == remote)
            for (const QString& f : foldersToRefresh)
                model->refreshFolder(f);
    });
    job->start(command, params);
    return job;
}

RcJob* DriveOperations::makeFolder(const QString& path) {
    return run(tr("New folder %1").arg(path), QStringLiteral("operations/mkdir"),
               {{QStringLiteral("fs"), fs()}, {QStringLiteral("remote"), path}},
               {DriveModel::parentPath(path)});
}

RcJob* DriveOperations::remove(const QString& path, bool isDir) {
    return run(tr("Delete %1").arg(path),
               isDir ? QStringLiteral("operations/purge") : QStringLiteral("operations/deletefile"),
               {{QStringLiteral("fs"), fs()}, {QStringLiteral("remote"), path}},
               {DriveModel::parentPath(path)});
}

RcJob* DriveOperations::rename(const QString& path, const QString& newName, bool isDir) {
    const QString folder = DriveModel::parentPath(path);
    const QString target = DriveModel::joinPath(folder, newName);
    const QString title = tr("Rename %1 to %2").arg(path, newName);
    if (isDir)
        return run(title, QStringLiteral("sync/move"),
                   {{QStringLiteral("srcFs"), fs() + path},
                    {QStringLiteral("dstFs"), fs() + target},
                    {QStringLiteral("deleteEmptySrcDirs"), true}},
                   {folder});
    return run(title, QStringLiteral("operations/movefile"),
               {{QStringLiteral("srcFs"), fs()},
                {QStringLiteral("srcRemote"), path},
                {QStringLiteral("dstFs"), fs()},
                {QStringLiteral("dstRemote"), target}},
               {folder});
}

RcJob* DriveOperations::upload(const QString& localPath, const QString& folder) {
    const QFileInfo fi(localPath);
    const QString target = DriveModel::joinPath(folder, fi.fileName());
    const QString title = tr("Upload %1").arg(fi.fileName());
    if (fi.isDir())
        return run(title, QStringLiteral("sync/copy"),
                   {{QStringLiteral("srcFs"), fi.absoluteFilePath()},
                    {QStringLiteral("dstFs"), fs() + target}},
                   {folder});
    return run(title, QStringLiteral("operations/copyfile"),
               {{QStringLiteral("srcFs"), Root},
                {QStringLiteral("srcRemote"), localRemote(fi.absoluteFilePath())},
                {QStringLiteral("dstFs"), fs()},
                {QStringLiteral("dstRemote"), target}},
               {folder});
}

RcJob* DriveOperations::download(const QString& path, bool isDir, const QString& localFolder) {
    const QString name = path.section(u'/', -1);
    const QString target = QDir(localFolder).absoluteFilePath(name);
    const QString title = tr("Download %1").arg(name);
    if (isDir)
        return run(title, QStringLiteral("sync/copy"),
                   {{QStringLiteral("srcFs"), fs() + path}, {QStringLiteral("dstFs"), target}}, {});
    return run(title, QStringLiteral("operations/copyfile"),
               {{QStringLiteral("srcFs"), fs()},
                {QStringLiteral("srcRemote"), path},
                {QStringLiteral("dstFs"), Root},
                {QStringLiteral("dstRemote"), localRemote(target)}},
               {});
}

} // namespace quire::drive
