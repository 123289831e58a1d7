#include "remote_mount.h"

#include "kernelclient/jupyter_server.h"
#include "kernelclient/terminal_command.h"
#include "rc_result.h"
#include "rclone_client.h"

#include <QJsonObject>
#include <QRegularExpression>

namespace quire::drive {

namespace {

// A value inside single quotes for sh.
QString shellQuoted(const QString& text) {
    QString out = text;
    out.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + out + QLatin1Char('\'');
}

// Where rclone on the server reads the remote from, and keeps its VFS cache per remote (the
// cache's vfsMeta says which files still wait for upload: "Dirty": true).
const QString kConfigDir = QStringLiteral("\"$HOME/.config/quire-drive\"");
QString cacheDir(const QString& quotedRemote) {
    return QStringLiteral("\"$HOME/.cache/quire-drive/\"") + quotedRemote;
}

} // namespace

RemoteMount::RemoteMount(kernel::JupyterServer* server, RcloneClient* local, QObject* parent)
    : QObject(parent), m_server(server), m_local(local) {}

bool RemoteMount::isSafeName(const QString& remote) {
    static const QRegularExpression safe(QStringLiteral("^[A-Za-z0-9_. -]+$"));
    return safe.match(remote).hasMatch() && !remote.startsWith(QLatin1Char('-'));
}

void RemoteMount::runOnServer(const QString& command, int timeoutMs,
                              std::function<void(bool, int, const QString&)> done) {
    if (!m_server) {
        done(false, -1, tr("The runtime is no longer connected."));
        return;
    }
    auto* run = new kernel::TerminalCommand(m_server, this);
    connect(run, &kernel::TerminalCommand::finished, this, [run, done] {
        const auto& r = run->result();
        done(r.ok, r.exitCode, r.ok ? r.output : r.error.fullMessage());
    });
    run->run(command, timeoutMs);
}

void RemoteMount::probe() {
    runOnServer(QStringLiteral("command -v rclone >/dev/null 2>&1 && rclone version | head -n 1"),
                30000, [this](bool ok, int exitCode, const QString& output) {
                    if (!ok)
                        emit probed(false,
                                    tr("The runtime's terminals cannot be used: %1").arg(output));
                    else if (exitCode != 0)
                        emit probed(false, tr("rclone is not installed on the runtime: Drive "
                                              "there is browse and copy only."));
                    else
                        emit probed(true, output.trimmed());
                });
}

void RemoteMount::mount(const QString& remote, const QString& mountPoint) {
    if (!isSafeName(remote)) {
        emit failed(remote, tr("The remote name “%1” cannot be passed to the runtime; rename "
                               "it with letters, digits, '-', '_' or '.'.")
                                .arg(remote));
        return;
    }
    if (!m_local) {
        emit failed(remote, tr("The Drive service (rclone) is not running here."));
        return;
    }
    // The remote's options as signed in here (the OAuth token with them).
    m_local->call(QStringLiteral("config/get"), {{QStringLiteral("name"), remote}}, this,
                  [this, remote, mountPoint](const RcResult& r) {
                      if (!r.ok) {
                          emit failed(remote, r.error);
                          return;
                      }
                      QString config = QStringLiteral("[%1]\n").arg(remote);
                      for (auto it = r.json.begin(); it != r.json.end(); ++it) {
                          const QString value = it.value().isString()
                                                    ? it.value().toString()
                                                    : it.value().toVariant().toString();
                          if (!value.contains(QLatin1Char('\n')))
                              config +=
                                  it.key() + QStringLiteral(" = ") + value + QLatin1Char('\n');
                      }
                      mountWithConfig(remote, config, mountPoint);
                  });
}

void RemoteMount::mountWithConfig(const QString& remote, const QString& config,
                                  const QString& mountPoint) {
    const QString point = mountPoint.isEmpty()
                              ? QStringLiteral("\"$HOME/QuireDrive/\"") + shellQuoted(remote)
                              : shellQuoted(mountPoint);
    const QString file =
        kConfigDir + QStringLiteral("/") + shellQuoted(remote + QStringLiteral(".conf"));
    // One line (the terminal runs it as typed): the config arrives base64-encoded, into a file
    // only the server's user can read; the mount writes back 1 s after a file is closed.
    const QString command =
        QStringLiteral("umask 077 && mkdir -p %1 && echo %2 | base64 -d > %3 && mp=%4 && "
                       "mkdir -p \"$mp\" && rclone mount %5 \"$mp\" --config %3 --cache-dir %6 "
                       "--vfs-cache-mode writes --vfs-write-back 1s --daemon "
                       "--daemon-timeout 30s && printf 'QUIRE_MOUNTED %s\\n' \"$mp\"")
            .arg(kConfigDir, QString::fromLatin1(config.toUtf8().toBase64()), file, point,
                 shellQuoted(remote + QLatin1Char(':')), cacheDir(shellQuoted(remote)));
    runOnServer(command, 60000, [this, remote](bool ok, int exitCode, const QString& output) {
        static const QRegularExpression done(QStringLiteral("QUIRE_MOUNTED (.+)"));
        const auto m = done.match(output);
        if (!ok || exitCode != 0 || !m.hasMatch()) {
            emit failed(remote, tr("Mounting on the runtime failed: %1").arg(output.trimmed()));
            return;
        }
        const QString where = m.captured(1).trimmed();
        m_mounted.insert(remote, where);
        emit mounted(remote, where);
    });
}

void RemoteMount::unmount(const QString& remote) {
    const QString point = m_mounted.value(remote);
    if (point.isEmpty()) {
        emit unmounted(remote);
        return;
    }
    // rclone drops what it has not uploaded yet when it is unmounted: wait (up to two
    // minutes) until its cache lists no file still waiting for upload, then unmount.
    const QString command =
        QStringLiteral("mp=%1; meta=%2/vfsMeta; for i in $(seq 1 120); do "
                       "grep -rlqE '\"Dirty\": *true' \"$meta\" 2>/dev/null || break; sleep 1; "
                       "done; fusermount3 -u \"$mp\" 2>/dev/null || fusermount -u \"$mp\"")
            .arg(shellQuoted(point), cacheDir(shellQuoted(remote)));
    runOnServer(command, 120000, [this, remote](bool ok, int exitCode, const QString& output) {
        if (!ok || exitCode != 0) {
            emit failed(remote, tr("Unmounting on the runtime failed: %1").arg(output.trimmed()));
            return;
        }
        m_mounted.remove(remote);
        emit unmounted(remote);
    });
}

} // namespace quire::drive
