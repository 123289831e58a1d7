#include "transfer_list.h"

#include "rc_job.h"

#include <QLocale>

namespace quire::drive {

TransferList::TransferList(QObject* parent) : QAbstractListModel(parent) {}

void TransferList::add(RcJob* job) {
    job->setParent(this);
    beginInsertRows({}, 0, 0);
    m_jobs.prepend(job);
    endInsertRows();
    connect(job, &RcJob::progressChanged, this, [this, job] { jobChanged(job); });
    connect(job, &RcJob::finished, this, [this, job] {
        jobChanged(job);
        emit activeCountChanged(activeCount());
    });
    emit activeCountChanged(activeCount());
}

RcJob* TransferList::jobAt(int row) const {
    return row >= 0 && row < m_jobs.size() ? m_jobs.at(row) : nullptr;
}

void TransferList::cancel(int row) {
    if (RcJob* job = jobAt(row))
        job->cancel();
}

void TransferList::clearFinished() {
    for (int row = m_jobs.size() - 1; row >= 0; --row) {
        if (!m_jobs.at(row)->isFinished())
            continue;
        beginRemoveRows({}, row, row);
        m_jobs.takeAt(row)->deleteLater();
        endRemoveRows();
    }
}

int TransferList::activeCount() const {
    return int(std::count_if(m_jobs.begin(), m_jobs.end(),
                             [](const RcJob* j) { return !j->isFinished(); }));
}

int TransferList::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_jobs.size());
}

void TransferList::jobChanged(RcJob* job) {
    const int row = int(m_jobs.indexOf(job));
    if (row >= 0)
        emit dataChanged(index(row), index(row));
}

QString TransferList::formatBytes(qint64 bytes) {
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeSIFormat);
}

QString TransferList::describe(const RcJob& job) {
    const auto& p = job.progress();
    switch (job.state()) {
    case RcJob::State::Starting:
        return tr("Starting…");
    case RcJob::State::Succeeded:
        return p.totalBytes > 0 ? tr("Done · %1").arg(formatBytes(p.totalBytes)) : tr("Done");
    case RcJob::State::Failed:
        return tr("Failed: %1").arg(job.errorString());
    case RcJob::State::Cancelled:
        return tr("Cancelled");
    case RcJob::State::Running:
        break;
    }
    QString text = p.totalBytes > 0
                       ? tr("%1 of %2").arg(formatBytes(p.bytes), formatBytes(p.totalBytes))
                       : formatBytes(p.bytes);
    if (p.speed > 0)
        text += tr(" · %1/s").arg(formatBytes(qint64(p.speed)));
    if (p.etaSeconds >= 0 && p.speed > 0)
        text += tr(" · %n s left", nullptr, int(p.etaSeconds));
    return text;
}

QVariant TransferList::data(const QModelIndex& index, int role) const {
    const RcJob* job = jobAt(index.row());
    if (!job)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return job->title();
    case Qt::ToolTipRole:
    case Qt::StatusTipRole:
        return describe(*job);
    case ProgressRole: {
        const auto& p = job->progress();
        if (job->state() == RcJob::State::Succeeded)
            return 100;
        return p.totalBytes > 0 ? int(100 * p.bytes / p.totalBytes) : -1;
    }
    case FinishedRole:
        return job->isFinished();
    case JobRole:
        return QVariant::fromValue(static_cast<QObject*>(const_cast<RcJob*>(job)));
    default:
        return {};
    }
}

} // namespace quire::drive
