#pragma once

#include <QObject>
#include <QStringList>

namespace quire::drive {

class DriveModel;
class RcJob;
class RcloneClient;
class TransferList;

// File operations on the model's remote, each an rclone job listed in the transfers (progress,
// cancel); the folders they change are listed again when they succeed.
class DriveOperations : public QObject {
    Q_OBJECT
public:
    DriveOperations(RcloneClient* client, DriveModel* model, TransferList* transfers,
                    QObject* parent = nullptr);

    RcJob* makeFolder(const QString& path);
    RcJob* remove(const QString& path, bool isDir);
    RcJob* rename(const QString& path, const QString& newName, bool isDir);
    // A local file or folder into a remote folder.
    RcJob* upload(const QString& localPath, const QString& folder);
    // A remote file or folder into a local folder; the result is localFolder/<name>.
    RcJob* download(const QString& path, bool isDir, const QString& localFolder);

signals:
    void failed(const QString& error); // an operation ended in error (not cancelled)

private:
    RcJob* run(const QString& title, const QString& command, const QJsonObject& params,
               const QStringList& foldersToRefresh);
    QString fs() const;

    RcloneClient* m_client;
    DriveModel* m_model;
    TransferList* m_transfers;
};

} // namespace quire::drive
