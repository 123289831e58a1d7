#include "rc_job.h"

#include "rclone_client.h"

#include <QJsonArray>
#include <QTimer>

namespace quire::drive {

RcJob::RcJob(RcloneClient* client, const QString& title, QObject* parent)
    : QObject(parent), m_client(client), m_timer(new QTimer(this)), m_title(title) {
    m_timer->setInterval(250);
    connect(m_timer, &QTimer::timeout, this, &RcJob::poll);
}

void RcJob::setPollInterval(int ms) {
    m_timer->setInterval(ms);
}

void RcJob::start(const QString& command, QJsonObject params) {
    m_command = command;
    params.insert(QStringLiteral("_async"), true);
    m_client->call(command, params, this, [this](const RcResult& r) {
        if (!r.ok) {
            finish(State::Failed, r.error);
            return;
        }
        m_jobId = r.json.value(QLatin1String("jobid")).toInteger(-1);
        m_state = State::Running;
        if (m_cancelRequested)
            cancel();
        m_timer->start();
        poll();
    });
}

void RcJob::cancel() {
    if (isFinished())
        return;
    m_cancelRequested = true;
    if (m_jobId < 0)
        return; // cancelled as soon as rclone gives the job id
    m_client->call(QStringLiteral("job/stop"), {{QStringLiteral("jobid"), m_jobId}}, this,
                   [](const RcResult&) {});
}

void RcJob::poll() {
    if (m_polling || isFinished())
        return;
    m_polling = true;
    const QString group = QStringLiteral("job/%1").arg(m_jobId);
    m_client->call(QStringLiteral("core/stats"), {{QStringLiteral("group"), group}}, this,
                   [this](const RcResult& r) {
                       if (!r.ok || isFinished())
                           return;
                       Progress p;
                       p.bytes = r.json.value(QLatin1String("bytes")).toInteger();
                       p.totalBytes = r.json.value(QLatin1String("totalBytes")).toInteger();
                       p.speed = r.json.value(QLatin1String("speed")).toDouble();
                       const QJsonValue eta = r.json.value(QLatin1String("eta"));
                       p.etaSeconds = eta.isDouble() ? eta.toInteger() : -1;
                       // A single file's size is known before the group's total is.
                       for (const QJsonValue& t :
                            r.json.value(QLatin1String("transferring")).toArray()) {
                           const QJsonObject o = t.toObject();
                           if (p.totalBytes == 0)
                               p.totalBytes = o.value(QLatin1String("size")).toInteger();
                       }
                       if (p.totalBytes == 0)
                           p.totalBytes = m_progress.totalBytes;
                       m_progress = p;
                       emit progressChanged();
                   });
    m_client->call(QStringLiteral("job/status"), {{QStringLiteral("jobid"), m_jobId}}, this,
                   [this](const RcResult& r) {
                       m_polling = false;
                       if (!r.ok) {
                           finish(State::Failed, r.error);
                           return;
                       }
                       if (!r.json.value(QLatin1String("finished")).toBool())
                           return;
                       if (r.json.value(QLatin1String("success")).toBool()) {
                           if (m_progress.totalBytes > 0)
                               m_progress.bytes = m_progress.totalBytes;
                           emit progressChanged();
                           finish(State::Succeeded);
                       } else if (m_cancelRequested) {
                           finish(State::Cancelled, tr("Cancelled."));
                       } else {
                           const QString e = r.json.value(QLatin1String("error")).toString();
                           finish(State::Failed, friendlyRcError(m_command, 500, e));
                       }
                   });
}

void RcJob::finish(State state, const QString& error) {
    m_timer->stop();
    m_state = state;
    m_error = error;
    emit finished();
}

} // namespace quire::drive
