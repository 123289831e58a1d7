#pragma once

#include <QAbstractListModel>
#include <QList>
#include <QPointer>

namespace quire::drive {

class RcJob;

// The transfers view's rows: every job the panel started (uploads, downloads, deletes...),
// newest first, with progress, speed, ETA and state. Finished rows stay until cleared.
class TransferList : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role { ProgressRole = Qt::UserRole + 1, FinishedRole, JobRole };

    explicit TransferList(QObject* parent = nullptr);

    void add(RcJob* job); // takes ownership
    RcJob* jobAt(int row) const;
    void cancel(int row);
    void clearFinished();
    int activeCount() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;

    static QString formatBytes(qint64 bytes);
    static QString describe(const RcJob& job); // "12.0 MB of 50.0 MB · 2.0 MB/s · 19 s left"

signals:
    void activeCountChanged(int count);

private:
    void jobChanged(RcJob* job);

    QList<RcJob*> m_jobs;
};

} // namespace quire::drive
