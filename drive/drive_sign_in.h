#pragma once

#include <QObject>
#include <QUrl>

class QProcess;

namespace quire::drive {

class RcloneDaemon;
class Remotes;
class RemoteSetup;
struct RemoteQuestion;

// "Connect Google Drive": creates a `drive` remote through the config state machine and
// answers its OAuth question with `rclone authorize drive`, which serves the browser's
// redirect on 127.0.0.1:53682 and prints the token on stdout.
class DriveSignIn : public QObject {
    Q_OBJECT
public:
    DriveSignIn(RcloneDaemon* daemon, Remotes* remotes, QObject* parent = nullptr);
    ~DriveSignIn() override;

    void start(const QString& remoteName);
    void cancel(); // stops the browser wait and removes the half-made remote

    // The token JSON between rclone authorize's "--->" and "<---End paste" markers.
    static QString extractToken(const QString& authorizeStdout);
    // The sign-in address rclone authorize printed, if it did.
    static QUrl extractUrl(const QString& authorizeStderr);
    // Why the authorize process ended without a token, for users.
    static QString explainFailure(const QString& authorizeStderr);

signals:
    void status(const QString& text);
    void openBrowser(const QUrl& url); // the app opens it (QDesktopServices)
    void finished();
    void failed(const QString& reason);
    void cancelled();

private:
    void onQuestion(const RemoteQuestion& q);
    void authorize();
    void stopAuthorize();

    RcloneDaemon* m_daemon;
    RemoteSetup* m_setup;
    QProcess* m_authorize = nullptr;
    QString m_stdout;
    QString m_stderr;
    bool m_urlSent = false;
};

} // namespace quire::drive
