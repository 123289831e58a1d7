#pragma once

#include "connection_info.h"
#include "kernel_host.h"
#include "kernelspec_store.h"

#include <QProcess>
#include <QProcessEnvironment>
#include <QTimer>

namespace quire::kernel {

// Runs a kernel from its kernelspec on this machine: free ports on 127.0.0.1, a 0600
// connection file with a random key in the Jupyter runtime dir, the kernel in its own session
// and process group with JPY_PARENT_PID set and PR_SET_PDEATHSIG, so that no kernel outlives
// Quire even when Quire is killed. Interrupts signal the group; stops escalate from waiting to
// SIGTERM to SIGKILL of the group. Create and start it on the main thread: the death signal
// fires when the thread that forked the kernel ends.
class LocalKernelLauncher final : public KernelHost {
    Q_OBJECT
public:
    explicit LocalKernelLauncher(KernelSpec spec, QObject* parent = nullptr);
    ~LocalKernelLauncher() override; // kills the kernel's group, removes the connection file

    void setWorkingDirectory(const QString& dir) { m_workingDirectory = dir; }
    void setRuntimeDirectory(const QString& dir) { m_runtimeDir = dir; }
    // Allocates ports, writes the connection file and starts the process; started() follows
    // (failedToStart() when the program cannot be run). False with `error` when nothing started.
    bool start(QString* error = nullptr);

    const KernelSpec& spec() const { return m_spec; }
    const ConnectionInfo& connectionInfo() const { return m_info; }
    QString connectionFile() const { return m_connectionFile; }
    qint64 processId() const;
    QString outputTail() const { return QString::fromLocal8Bit(m_outputTail); }

    bool isRunning() const override;
    QString interruptMode() const override { return m_spec.interruptMode; }
    void interrupt() override;
    void restart(int graceMs) override;
    void shutdown(int graceMs) override;
    void killNow() override;

    // kernel.json argv with {connection_file} and {resource_dir} filled in.
    static QStringList substituteArgv(const QStringList& argv, const QString& connectionFile,
                                      const QString& resourceDir);
    // `base` plus the spec's env (${VAR} taken from `base`, unknown ones left as written) and
    // JPY_PARENT_PID.
    static QProcessEnvironment environmentFor(const KernelSpec& spec,
                                              const QProcessEnvironment& base);

private:
    enum class Phase { Idle, Running, Stopping, Restarting };

    bool launch(QString* error);
    void beginStop(Phase phase, int graceMs);
    void escalate();
    void onFinished(int exitCode, QProcess::ExitStatus status);
    void signalGroup(int signal) const;
    void removeConnectionFile();

    KernelSpec m_spec;
    ConnectionInfo m_info;
    QString m_connectionFile;
    QString m_workingDirectory;
    QString m_runtimeDir;
    QProcess* m_process = nullptr;
    qint64 m_pgid = 0; // the kernel's process group (= its pid, after setsid)
    Phase m_phase = Phase::Idle;
    int m_escalation = 0; // 0: waiting for a voluntary exit, 1: after SIGTERM, 2: after SIGKILL
    QTimer m_stopTimer;
    QByteArray m_outputTail;
};

} // namespace quire::kernel
