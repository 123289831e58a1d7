#include "rclone_daemon.h"

#include "rclone_client.h"

#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTimer>
#include <csignal>
#include <sys/prctl.h>
#include <unistd.h>

Q_LOGGING_CATEGORY(lcDaemon, "quire.drive.daemon")

namespace quire::drive {

namespace {
constexpr int ReadyTimeoutMs = 15000;
constexpr int MaxLaunchAttempts = 3; // per start: a port taken between probe and bind
constexpr int MaxRestarts = 5;

QString randomToken() {
    QByteArray bytes(24, Qt::Uninitialized);
    QRandomGenerator::system()->generate(bytes.begin(), bytes.end());
    return QString::fromLatin1(
        bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

int freeLoopbackPort() {
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}
} // namespace

RcloneDaemon::RcloneDaemon(QObject* parent)
    : QObject(parent), m_client(new RcloneClient(this)), m_readyPoll(new QTimer(this)) {
    m_configPath = QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) +
                   QStringLiteral("/rclone.conf");
    m_cacheDir =
        QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QStringLiteral("/rclone");
    m_readyPoll->setInterval(100);
    connect(m_readyPoll, &QTimer::timeout, this, &RcloneDaemon::pollReady);
}

RcloneDaemon::~RcloneDaemon() {
    stop(2000);
}

QString RcloneDaemon::findRclone(QString* whyNot) {
    const QString overridden = qEnvironmentVariable("QUIRE_RCLONE");
    if (!overridden.isEmpty()) {
        const QFileInfo fi(overridden);
        if (fi.isFile() && fi.isExecutable())
            return fi.absoluteFilePath();
        if (whyNot)
            *whyNot = QObject::tr("QUIRE_RCLONE names %1, which is not an executable file.")
                          .arg(overridden);
        return {};
    }
    const QString found = QStandardPaths::findExecutable(QStringLiteral("rclone"));
    if (found.isEmpty() && whyNot)
        *whyNot = QObject::tr("rclone is not installed (it was not found on PATH). Install "
                              "rclone 1.60 or newer (Debian/Ubuntu: sudo apt install rclone) "
                              "to use Drive.");
    return found;
}

bool RcloneDaemon::parseVersion(const QString& output, int* major, int* minor) {
    static const QRegularExpression re(QStringLiteral("rclone v(\\d+)\\.(\\d+)"));
    const auto m = re.match(output);
    if (!m.hasMatch())
        return false;
    *major = m.captured(1).toInt();
    *minor = m.captured(2).toInt();
    return true;
}

qint64 RcloneDaemon::processId() const {
    return m_process ? m_process->processId() : 0;
}

void RcloneDaemon::setState(State state) {
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

void RcloneDaemon::fail(const QString& reason) {
    qCWarning(lcDaemon) << reason;
    m_error = reason;
    m_readyPoll->stop();
    setState(State::Failed);
    emit failed(reason);
}

void RcloneDaemon::start() {
    if (m_state == State::Starting || m_state == State::Running)
        return;
    m_stopping = false;
    m_error.clear();
    QString why;
    m_exe = findRclone(&why);
    if (m_exe.isEmpty()) {
        fail(why);
        return;
    }
    setState(State::Starting);
    auto* probe = new QProcess(this);
    connect(probe, &QProcess::finished, this, [this, probe](int code, QProcess::ExitStatus st) {
        probe->deleteLater();
        const QString out = QString::fromUtf8(probe->readAllStandardOutput());
        int major = 0, minor = 0;
        if (st != QProcess::NormalExit || code != 0 || !parseVersion(out, &major, &minor)) {
            fail(tr("%1 did not report its version; is it really rclone?").arg(m_exe));
            return;
        }
        m_version = out.section(QLatin1Char('\n'), 0, 0).trimmed();
        if (major < MinimumMajor || (major == MinimumMajor && minor < MinimumMinor)) {
            fail(tr("%1 is too old for Quire; rclone %2.%3 or newer is needed.")
                     .arg(m_version)
                     .arg(MinimumMajor)
                     .arg(MinimumMinor));
            return;
        }
        m_launchAttempts = 0;
        launch();
    });
    connect(probe, &QProcess::errorOccurred, this, [this, probe](QProcess::ProcessError e) {
        if (e != QProcess::FailedToStart)
            return;
        probe->deleteLater();
        fail(tr("rclone (%1) could not be started: %2").arg(m_exe, probe->errorString()));
    });
    probe->start(m_exe, {QStringLiteral("version")});
}

void RcloneDaemon::launch() {
    const int port = freeLoopbackPort();
    if (port == 0) {
        fail(tr("No free local port for rclone."));
        return;
    }
    ++m_launchAttempts;
    m_user = randomToken();
    m_password = randomToken();
    QDir().mkpath(QFileInfo(m_configPath).absolutePath());
    QDir().mkpath(m_cacheDir);
    if (m_process)
        m_process->deleteLater();
    m_process = new QProcess(this);
    m_stderrTail.clear();
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
    connect(m_process, &QProcess::readyReadStandardError, this, [this, p = m_process] {
        m_stderrTail += p->readAllStandardError();
        if (m_stderrTail.size() > 4096)
            m_stderrTail = m_stderrTail.right(4096);
    });
    connect(m_process, &QProcess::finished, this, &RcloneDaemon::onFinished);
    const QString addr = QStringLiteral("127.0.0.1:%1").arg(port);
    // The credentials travel in the environment, not on the command line other users can read.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("RCLONE_RC_USER"), m_user);
    env.insert(QStringLiteral("RCLONE_RC_PASS"), m_password);
    m_process->setProcessEnvironment(env);
    const pid_t parent = ::getpid();
    m_process->setChildProcessModifier([parent] {
        // Between fork and exec (async-signal-safe only): rclone gets SIGTERM when Quire dies,
        // however it dies, and then unmounts what it mounted.
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
        if (::getppid() != parent)
            ::_exit(127);
    });
    m_process->start(m_exe, {QStringLiteral("rcd"), QStringLiteral("--rc-addr"), addr,
                             QStringLiteral("--config"), m_configPath,
                             QStringLiteral("--cache-dir"), m_cacheDir});
    m_client->setEndpoint(QUrl(QStringLiteral("http://") + addr), m_user, m_password);
    m_sinceLaunch.start();
    m_readyPoll->start();
}

void RcloneDaemon::pollReady() {
    if (!m_process || m_process->state() == QProcess::NotRunning)
        return; // onFinished decides
    if (m_sinceLaunch.elapsed() > ReadyTimeoutMs) {
        m_readyPoll->stop();
        m_process->kill();
        fail(tr("rclone started but did not answer within %1 s.").arg(ReadyTimeoutMs / 1000));
        return;
    }
    m_readyPoll->stop(); // one probe at a time
    m_client->call(QStringLiteral("rc/noop"), {}, this, [this](const RcResult& r) {
        if (m_state != State::Starting)
            return;
        if (r.ok) {
            qCInfo(lcDaemon) << "rclone rcd ready at" << m_client->baseUrl().toString();
            setState(State::Running);
            emit ready();
        } else {
            m_readyPoll->start();
        }
    });
}

void RcloneDaemon::onFinished(int exitCode, QProcess::ExitStatus status) {
    m_readyPoll->stop();
    const QString tail = QString::fromUtf8(m_stderrTail).trimmed().section(QLatin1Char('\n'), -1);
    if (m_stopping) {
        setState(State::Stopped);
        return;
    }
    const QString how = status == QProcess::CrashExit
                            ? tr("rclone stopped unexpectedly")
                            : tr("rclone exited with code %1").arg(exitCode);
    const QString reason = tail.isEmpty() ? how : how + QStringLiteral(": ") + tail;
    if (m_state == State::Starting) {
        // Most likely the port was taken between the probe and rclone's bind: try another.
        if (m_launchAttempts < MaxLaunchAttempts) {
            launch();
            return;
        }
        fail(reason);
        return;
    }
    if (m_restarts >= MaxRestarts) {
        fail(tr("%1. It was restarted %2 times already; Drive is off until Quire restarts.")
                 .arg(reason)
                 .arg(m_restarts));
        return;
    }
    ++m_restarts;
    setState(State::Starting);
    emit restarting(reason);
    m_launchAttempts = 0;
    launch();
}

void RcloneDaemon::stop(int timeoutMs) {
    if (!m_process || m_process->state() == QProcess::NotRunning) {
        setState(State::Stopped);
        return;
    }
    m_stopping = true;
    m_readyPoll->stop();
    if (m_state == State::Running)
        m_client->callAndWait(QStringLiteral("mount/unmountall"), {}, timeoutMs);
    m_process->terminate();
    if (!m_process->waitForFinished(timeoutMs / 2 + 500)) {
        m_process->kill();
        m_process->waitForFinished(1000);
    }
    setState(State::Stopped);
}

} // namespace quire::drive
