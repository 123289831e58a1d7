#include "drive_sign_in.h"

#include "rclone_daemon.h"
#include "remote_setup.h"

#include <QProcess>
#include <QRegularExpression>

namespace quire::drive {

DriveSignIn::DriveSignIn(RcloneDaemon* daemon, Remotes* remotes, QObject* parent)
    : QObject(parent), m_daemon(daemon), m_setup(new RemoteSetup(daemon->client(), remotes, this)) {
    connect(m_setup, &RemoteSetup::questionAsked, this, &DriveSignIn::onQuestion);
    connect(m_setup, &RemoteSetup::finished, this, &DriveSignIn::finished);
    connect(m_setup, &RemoteSetup::failed, this, [this](const QString& reason) {
        stopAuthorize();
        emit failed(reason);
    });
}

DriveSignIn::~DriveSignIn() {
    stopAuthorize();
}

void DriveSignIn::start(const QString& remoteName) {
    emit status(tr("Creating the remote “%1”…").arg(remoteName));
    m_setup->start(remoteName, QStringLiteral("drive"), {});
}

void DriveSignIn::onQuestion(const RemoteQuestion& q) {
    if (q.name == QLatin1String("config_is_local")) {
        // "false": rclone asks for a token instead of opening a browser from the daemon.
        m_setup->answer(QStringLiteral("false"));
    } else if (q.name == QLatin1String("config_token")) {
        authorize();
    } else {
        // Shared drive choice and the like: rclone's default is what most people want.
        m_setup->answer(q.defaultValue);
    }
}

void DriveSignIn::authorize() {
    stopAuthorize();
    m_stdout.clear();
    m_stderr.clear();
    m_urlSent = false;
    emit status(tr("Waiting for you to sign in with Google in your browser…"));
    m_authorize = new QProcess(this);
    connect(m_authorize, &QProcess::readyReadStandardOutput, this,
            [this] { m_stdout += QString::fromUtf8(m_authorize->readAllStandardOutput()); });
    connect(m_authorize, &QProcess::readyReadStandardError, this, [this] {
        m_stderr += QString::fromUtf8(m_authorize->readAllStandardError());
        if (const QUrl url = extractUrl(m_stderr); !m_urlSent && url.isValid()) {
            m_urlSent = true;
            emit openBrowser(url);
        }
    });
    connect(m_authorize, &QProcess::finished, this, [this] {
        QProcess* p = std::exchange(m_authorize, nullptr);
        p->deleteLater();
        m_stdout += QString::fromUtf8(p->readAllStandardOutput());
        m_stderr += QString::fromUtf8(p->readAllStandardError());
        const QString token = extractToken(m_stdout);
        if (token.isEmpty()) {
            const QString why = explainFailure(m_stderr);
            m_setup->cancel();
            emit failed(why);
            return;
        }
        emit status(tr("Signed in; finishing the remote…"));
        m_setup->answer(token);
    });
    m_authorize->start(m_daemon->executable(),
                       {QStringLiteral("authorize"), QStringLiteral("drive"),
                        QStringLiteral("--auth-no-open-browser"), QStringLiteral("--config"),
                        m_daemon->configPath()});
}

void DriveSignIn::stopAuthorize() {
    if (QProcess* p = std::exchange(m_authorize, nullptr)) {
        p->disconnect(this);
        p->kill();
        p->waitForFinished(2000);
        p->deleteLater();
    }
}

void DriveSignIn::cancel() {
    stopAuthorize();
    m_setup->cancel();
    emit cancelled();
}

QString DriveSignIn::extractToken(const QString& out) {
    const int begin = out.indexOf(QLatin1String("--->"));
    const int end = out.indexOf(QLatin1String("<---End paste"));
    if (begin < 0 || end < begin)
        return {};
    return out.mid(begin + 4, end - begin - 4).trimmed();
}

QUrl DriveSignIn::extractUrl(const QString& err) {
    static const QRegularExpression re(QStringLiteral("(http://127\\.0\\.0\\.1:\\d+/\\S+)"));
    const auto m = re.match(err);
    return m.hasMatch() ? QUrl(m.captured(1)) : QUrl();
}

QString DriveSignIn::explainFailure(const QString& err) {
    if (err.contains(QLatin1String("access_denied")))
        return tr("Sign-in was cancelled in the browser; Google Drive was not connected.");
    if (err.contains(QLatin1String("address already in use")))
        return tr("Another sign-in is waiting for the browser (port 53682 is busy). Finish or "
                  "close it, then try again.");
    const QString last = err.trimmed().section(QLatin1Char('\n'), -1);
    return last.isEmpty() ? tr("The sign-in ended without a token.")
                          : tr("The sign-in failed: %1").arg(last);
}

} // namespace quire::drive
