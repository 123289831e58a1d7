#pragma once

#include "rc_result.h"

#include <QMap>
#include <QObject>
#include <QStringList>
#include <functional>
#include <optional>

namespace quire::drive {

class RcloneClient;

// Space on a remote; each value is unknown (nullopt) when the backend does not say.
struct Quota {
    std::optional<qint64> total;
    std::optional<qint64> used;
    std::optional<qint64> free;
    bool known() const { return total || used || free; }
};

// The configured remotes in Quire's rclone.conf: list, read, delete, quota.
class Remotes : public QObject {
    Q_OBJECT
public:
    explicit Remotes(RcloneClient* client, QObject* parent = nullptr);

    void list(QObject* context, std::function<void(QStringList, QString error)> done);
    // The remote's settings (type and parameters; secrets as rclone stores them).
    void get(const QString& name, QObject* context,
             std::function<void(QMap<QString, QString>, QString error)> done);
    void remove(const QString& name, QObject* context, std::function<void(QString error)> done);
    void quota(const QString& name, QObject* context,
               std::function<void(Quota, QString error)> done);

    static Quota parseAbout(const QJsonObject& about);
    static QString describe(const Quota& quota); // "3.2 GB of 15 GB used", "Quota unknown"

signals:
    void changed(); // a remote was added or removed through Quire

private:
    RcloneClient* m_client;
    friend class RemoteSetup;
};

} // namespace quire::drive
