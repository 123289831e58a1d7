#include "local_kernel_launcher.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonValue>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QThread>
#include <cerrno>
#include <csignal>
#include <sys/prctl.h>
#include <unistd.h>

Q_LOGGING_CATEGORY(lcLauncher, "quire.kernel.launcher", QtInfoMsg)

namespace quire::kernel {

namespace {
constexpr int kTermGraceMs = 2000; // after SIGTERM, before SIGKILL
constexpr qsizetype kTailBytes = 16 * 1024;
} // namespace

LocalKernelLauncher::LocalKernelLauncher(KernelSpec spec, QObject* parent)
    : KernelHost(parent), m_spec(std::move(spec)), m_runtimeDir(jupyterRuntimeDir()) {
    m_stopTimer.setSingleShot(true);
    connect(&m_stopTimer, &QTimer::timeout, this, &LocalKernelLauncher::escalate);
}

LocalKernelLauncher::~LocalKernelLauncher() {
    killNow();
    removeConnectionFile();
}

QStringList LocalKernelLauncher::substituteArgv(const QStringList& argv,
                                                const QString& connectionFile,
                                                const QString& resourceDir) {
    QStringList out;
    out.reserve(argv.size());
    for (QString a : argv) {
        a.replace(QLatin1String("{connection_file}"), connectionFile);
        a.replace(QLatin1String("{resource_dir}"), resourceDir);
        out << a;
    }
    return out;
}

QProcessEnvironment LocalKernelLauncher::environmentFor(const KernelSpec& spec,
                                                        const QProcessEnvironment& base) {
    static const QRegularExpression var(QStringLiteral(R"(\$\{([A-Za-z_][A-Za-z0-9_]*)\})"));
    QProcessEnvironment env = base;
    for (auto it = spec.env.begin(); it != spec.env.end(); ++it) {
        const QString value = it.value().toString();
        QString expanded;
        qsizetype last = 0;
        for (auto m = var.globalMatch(value); m.hasNext();) {
            const auto match = m.next();
            expanded += value.mid(last, match.capturedStart() - last);
            const QString name = match.captured(1);
            expanded += base.contains(name) ? base.value(name) : match.captured(0);
            last = match.capturedEnd();
        }
        expanded += value.mid(last);
        env.insert(it.key(), expanded);
    }
    env.insert(QStringLiteral("JPY_PARENT_PID"),
               QString::number(QCoreApplication::applicationPid()));
    return env;
}

bool LocalKernelLauncher::start(QString* error) {
    if (m_process)
        return true;
    if (QThread::currentThread() != QCoreApplication::instance()->thread())
        qCWarning(lcLauncher) << "kernel started off the main thread: it dies with that thread";
    auto info = ConnectionInfo::allocateLocal(error);
    if (!info)
        return false;
    info->kernelName = m_spec.name;
    m_info = *info;
    m_connectionFile = writeConnectionFile(m_info, m_runtimeDir, error);
    if (m_connectionFile.isEmpty())
        return false;
    return launch(error);
}

bool LocalKernelLauncher::launch(QString* error) {
    const QStringList argv = substituteArgv(m_spec.argv, m_connectionFile, m_spec.resourceDir);
    if (argv.isEmpty()) {
        if (error)
            *error = tr("the kernelspec has no command");
        return false;
    }
    auto* process = new QProcess(this);
    m_process = process;
    process->setProgram(argv.first());
    process->setArguments(argv.mid(1));
    process->setProcessEnvironment(
        environmentFor(m_spec, QProcessEnvironment::systemEnvironment()));
    if (!m_workingDirectory.isEmpty())
        process->setWorkingDirectory(m_workingDirectory);
    process->setStandardInputFile(QProcess::nullDevice());
    process->setProcessChannelMode(QProcess::MergedChannels);
    const pid_t parent = ::getpid();
    process->setChildProcessModifier([parent] {
        // Async-signal-safe calls only: this runs between fork and exec.
        ::setsid(); // own session and process group: signals reach the kernel's children too
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (::getppid() != parent) // Quire died before the line above took effect
            ::_exit(127);
    });
    connect(process, &QProcess::readyReadStandardOutput, this, [this, process] {
        const QByteArray out = process->readAllStandardOutput();
        qCDebug(lcLauncher).noquote()
            << m_spec.name << ":" << QString::fromLocal8Bit(out).trimmed();
        m_outputTail += out;
        if (m_outputTail.size() > kTailBytes)
            m_outputTail.remove(0, m_outputTail.size() - kTailBytes);
    });
    connect(process, &QProcess::started, this, [this, process] {
        if (process != m_process)
            return;
        m_pgid = process->processId();
        m_phase = Phase::Running;
        emit started();
    });
    connect(process, &QProcess::finished, this, [this, process](int code, QProcess::ExitStatus st) {
        if (process == m_process)
            onFinished(code, st);
        process->deleteLater();
    });
    connect(process, &QProcess::errorOccurred, this, [this, process](QProcess::ProcessError e) {
        if (e != QProcess::FailedToStart || process != m_process)
            return;
        const QString message =
            tr("cannot run %1: %2").arg(process->program(), process->errorString());
        m_process = nullptr;
        m_phase = Phase::Idle;
        process->deleteLater();
        emit failedToStart(message);
    });
    m_outputTail.clear();
    qCDebug(lcLauncher) << "starting" << argv;
    process->start();
    return true;
}

qint64 LocalKernelLauncher::processId() const {
    return m_process ? m_process->processId() : 0;
}

bool LocalKernelLauncher::isRunning() const {
    return m_process && m_process->state() != QProcess::NotRunning;
}

void LocalKernelLauncher::signalGroup(int signal) const {
    // Before started() is handled m_pgid is unknown: the pid is, and the group has its number
    // once the child ran setsid(). Until then the process itself is the whole group.
    // (A reaped kernel's pid is never signalled alone: it may belong to someone else by now.)
    if (m_pgid > 0) {
        ::kill(-pid_t(m_pgid), signal);
        return;
    }
    const qint64 pid = m_process ? m_process->processId() : 0;
    if (pid > 0 && ::kill(-pid_t(pid), signal) != 0 && errno == ESRCH)
        ::kill(pid_t(pid), signal);
}

void LocalKernelLauncher::interrupt() {
    if (isRunning())
        signalGroup(SIGINT);
}

void LocalKernelLauncher::restart(int graceMs) {
    beginStop(Phase::Restarting, graceMs);
}

void LocalKernelLauncher::shutdown(int graceMs) {
    beginStop(Phase::Stopping, graceMs);
}

void LocalKernelLauncher::beginStop(Phase phase, int graceMs) {
    if (!isRunning()) {
        // Nothing to stop (it died already): a restart just starts it again.
        m_phase = phase;
        onFinished(0, QProcess::NormalExit);
        return;
    }
    m_phase = phase;
    m_escalation = 0;
    m_stopTimer.start(std::max(graceMs, 0));
}

void LocalKernelLauncher::escalate() {
    if (!isRunning())
        return;
    if (m_escalation == 0) {
        qCDebug(lcLauncher) << m_spec.name << "did not exit after shutdown_request: SIGTERM";
        signalGroup(SIGTERM);
        m_escalation = 1;
        m_stopTimer.start(kTermGraceMs);
    } else {
        qCWarning(lcLauncher) << m_spec.name << "ignored SIGTERM: SIGKILL";
        signalGroup(SIGKILL);
        m_escalation = 2;
    }
}

void LocalKernelLauncher::onFinished(int exitCode, QProcess::ExitStatus status) {
    m_stopTimer.stop();
    signalGroup(SIGKILL); // whatever the kernel started in its group goes with it
    m_pgid = 0;
    m_process = nullptr;
    const Phase phase = std::exchange(m_phase, Phase::Idle);
    if (phase == Phase::Restarting) {
        emit stopped(true, tr("restarting"));
        QString error;
        if (!launch(&error))
            emit failedToStart(error);
        return;
    }
    if (phase == Phase::Stopping) {
        removeConnectionFile();
        emit stopped(true, tr("shut down"));
        return;
    }
    const QString reason = status == QProcess::CrashExit
                               ? tr("the kernel process was killed or crashed")
                               : tr("the kernel process exited with status %1").arg(exitCode);
    qCWarning(lcLauncher).noquote() << m_spec.name << ":" << reason;
    emit stopped(false, reason);
}

void LocalKernelLauncher::killNow() {
    m_stopTimer.stop();
    if (!m_process)
        return;
    QProcess* process = m_process;
    m_phase = Phase::Idle;
    signalGroup(SIGKILL);
    m_process = nullptr; // its finished() no longer reports
    m_pgid = 0;
    if (process->state() != QProcess::NotRunning)
        process->waitForFinished(2000); // SIGKILL: milliseconds
    delete process;
}

void LocalKernelLauncher::removeConnectionFile() {
    if (!m_connectionFile.isEmpty())
        QFile::remove(m_connectionFile);
}

} // namespace quire::kernel
