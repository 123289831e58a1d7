#pragma once

#include <QJsonObject>
#include <QObject>
#include <QString>

class QTimer;

namespace quire::drive {

class RcloneClient;

// One rc command run as an rclone job (`_async: true`): polls job/status and the job's
// core/stats group for progress until it ends; cancel() asks job/stop.
class RcJob : public QObject {
    Q_OBJECT
public:
    enum class State { Starting, Running, Succeeded, Failed, Cancelled };
    Q_ENUM(State)

    struct Progress {
        qint64 bytes = 0;
        qint64 totalBytes = 0; // 0 when unknown
        double speed = 0;      // bytes per second
        qint64 etaSeconds = -1;
    };

    RcJob(RcloneClient* client, const QString& title, QObject* parent = nullptr);

    void start(const QString& command, QJsonObject params);
    void cancel();

    QString title() const { return m_title; }
    State state() const { return m_state; }
    bool isFinished() const { return m_state >= State::Succeeded; }
    qint64 jobId() const { return m_jobId; }
    const Progress& progress() const { return m_progress; }
    QString errorString() const { return m_error; }
    void setPollInterval(int ms);

signals:
    void progressChanged();
    void finished(); // succeeded, failed or cancelled: see state()

private:
    void poll();
    void finish(State state, const QString& error = {});

    RcloneClient* m_client;
    QTimer* m_timer;
    QString m_title;
    QString m_command;
    State m_state = State::Starting;
    qint64 m_jobId = -1;
    Progress m_progress;
    QString m_error;
    bool m_cancelRequested = false;
    bool m_polling = false;
};

} // namespace quire::drive
