#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QProcess>
#include <QString>

class QTimer;

namespace quire::drive {

class RcloneClient;

// Owns Quire's one `rclone rcd`: loopback only, a random port, random credentials, Quire's own
// rclone.conf and cache folder. Starts it, waits until rc/noop answers, starts it again when it
// dies (and says so), and stops it (mounts first) on shutdown.
class RcloneDaemon : public QObject {
    Q_OBJECT
public:
    enum class State { Stopped, Starting, Running, Failed };
    Q_ENUM(State)

    static constexpr int MinimumMajor = 1;
    static constexpr int MinimumMinor = 60;

    explicit RcloneDaemon(QObject* parent = nullptr);
    ~RcloneDaemon() override;

    // rclone from QUIRE_RCLONE, else PATH; empty (with the reason for users) when missing.
    static QString findRclone(QString* whyNot = nullptr);
    // Parses "rclone v1.60.1-DEV" (first line of `rclone version`) into {major, minor}.
    static bool parseVersion(const QString& versionOutput, int* major, int* minor);

    // Defaults: <AppConfigLocation>/rclone.conf and <CacheLocation>/rclone.
    void setConfigPath(const QString& path) { m_configPath = path; }
    QString configPath() const { return m_configPath; }
    void setCacheDir(const QString& path) { m_cacheDir = path; }

    void start();
    // Unmounts everything, then ends the process. Blocks at most about timeoutMs (exit path).
    void stop(int timeoutMs = 5000);

    State state() const { return m_state; }
    QString errorString() const { return m_error; }
    QString executable() const { return m_exe; }
    QString version() const { return m_version; }
    qint64 processId() const;
    RcloneClient* client() const { return m_client; }
    int restartCount() const { return m_restarts; }

signals:
    void stateChanged(quire::drive::RcloneDaemon::State state);
    void ready();
    void failed(const QString& reason);
    // rcd died and is being started again; the UI tells the user (mounts were lost with it).
    void restarting(const QString& reason);

private:
    void setState(State state);
    void fail(const QString& reason);
    void launch();
    void pollReady();
    void onFinished(int exitCode, QProcess::ExitStatus status);

    RcloneClient* m_client;
    QProcess* m_process = nullptr;
    QTimer* m_readyPoll;
    QElapsedTimer m_sinceLaunch;
    State m_state = State::Stopped;
    QString m_error;
    QString m_exe;
    QString m_version;
    QString m_configPath;
    QString m_cacheDir;
    QString m_user;
    QString m_password;
    QByteArray m_stderrTail;
    int m_restarts = 0;
    int m_launchAttempts = 0;
    bool m_stopping = false;
};

} // namespace quire::drive
