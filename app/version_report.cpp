#include "version_report.h"

#include "kernelclient/kernelspec_store.h"
#include "kernelclient/zmq_channels.h"

#include <QProcess>
#include <QSysInfo>
#include <QTimer>
#include <Qsci/qsciglobal.h>

namespace quire::app {

VersionReport::VersionReport(QObject* parent, const QString& rcloneProgram)
    : QObject(parent), m_process(new QProcess(this)) {
    m_process->setProgram(rcloneProgram);
    m_process->setArguments({QStringLiteral("version")});
    m_process->setStandardInputFile(QProcess::nullDevice());
    m_process->setStandardErrorFile(QProcess::nullDevice());
    connect(m_process, &QProcess::finished, this, [this](int code, QProcess::ExitStatus status) {
        const QString first =
            QString::fromUtf8(m_process->readAllStandardOutput()).section(QLatin1Char('\n'), 0, 0);
        if (status != QProcess::NormalExit || code != 0 || first.trimmed().isEmpty()) {
            finish(tr("unknown"));
            return;
        }
        QString version = first.trimmed();
        if (version.startsWith(QLatin1String("rclone ")))
            version = version.mid(7); // "rclone v1.60.1" → "v1.60.1"
        finish(version);
    });
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            finish(tr("not installed"));
    });
    QTimer::singleShot(5000, this, [this] {
        if (!m_ready) {
            finish(tr("no answer"));
            m_process->kill();
        }
    });
    // Started from the event loop, so ready() never comes before the caller could connect.
    QTimer::singleShot(0, m_process, [this] { m_process->start(); });
}

VersionReport::~VersionReport() {
    // Killing rclone finishes the process now: nobody hears of it (the listener may be the
    // parent that is being destroyed).
    m_process->disconnect(this);
    blockSignals(true);
    if (m_process->state() != QProcess::NotRunning) {
        m_process->kill();
        m_process->waitForFinished(1000);
    }
}

void VersionReport::finish(const QString& rclone) {
    if (m_ready)
        return;
    m_rclone = rclone;
    m_ready = true;
    emit ready();
}

QList<VersionReport::Item> VersionReport::items() const {
    return {
        {QStringLiteral("Quire"), QStringLiteral(QUIRE_VERSION)},
        {QStringLiteral("Qt"), QString::fromLatin1(qVersion())},
        {QStringLiteral("QScintilla"), QStringLiteral(QSCINTILLA_VERSION_STR)},
        {QStringLiteral("ZeroMQ"), kernel::ZmqChannels::libraryVersion()},
        {QStringLiteral("rclone"), m_ready ? m_rclone : tr("checking…")},
    };
}

QString VersionReport::reportText() const {
    QStringList lines;
    for (const Item& item : items())
        lines << item.name + QLatin1Char(' ') + item.version;
    lines << tr("Operating system: %1").arg(QSysInfo::prettyProductName());
    QStringList kernels;
    for (const kernel::KernelSpec& spec : kernel::KernelSpecStore().specs())
        kernels << spec.name;
    lines << tr("Kernels: %1")
                 .arg(kernels.isEmpty() ? tr("none") : kernels.join(QLatin1String(", ")));
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

} // namespace quire::app
