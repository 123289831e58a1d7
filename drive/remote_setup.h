#pragma once

#include <QJsonObject>
#include <QMap>
#include <QObject>
#include <QStringList>

namespace quire::drive {

class RcloneClient;
class Remotes;

// One question rclone's config state machine asks (an rclone "Option").
struct RemoteQuestion {
    QString name; // e.g. "config_is_local", "config_token"
    QString help;
    QString defaultValue;
    QStringList examples;
    bool required = false;
    bool isPassword = false;
    QString error; // rclone's complaint about the previous answer, if any
};

// Creates a remote of any type through rclone's non-interactive config state machine:
// config/create, then one config/update per answer until rclone's State is empty. Used for
// Drive, WebDAV, S3 and every other backend alike.
class RemoteSetup : public QObject {
    Q_OBJECT
public:
    RemoteSetup(RcloneClient* client, Remotes* remotes, QObject* parent = nullptr);

    void start(const QString& name, const QString& type, const QMap<QString, QString>& params);
    void answer(const QString& value);
    // Stops and deletes the half-made remote.
    void cancel();

    QString name() const { return m_name; }
    QString state() const { return m_state; }
    const RemoteQuestion& question() const { return m_question; }
    bool isActive() const { return m_active; }

    static RemoteQuestion parseQuestion(const QJsonObject& option);

signals:
    void questionAsked(const quire::drive::RemoteQuestion& question);
    void finished(); // the remote exists and is complete
    void failed(const QString& reason);

private:
    void handle(const QJsonObject& answer);

    RcloneClient* m_client;
    Remotes* m_remotes;
    QString m_name;
    QString m_state;
    RemoteQuestion m_question;
    bool m_active = false;
};

} // namespace quire::drive
