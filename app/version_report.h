#pragma once

#include <QList>
#include <QObject>
#include <QString>

class QProcess;

namespace quire::app {

// What Quire runs with, for Help → About and Help → Report a Problem. Quire's, Qt's,
// QScintilla's and ZeroMQ's versions are known at once; rclone's comes from running
// `rclone version` without blocking (it may be slow, or missing). ready() comes, always from the
// event loop, once rclone answered, could not start, or gave no answer within 5 s.
class VersionReport : public QObject {
    Q_OBJECT
public:
    struct Item {
        QString name;
        QString version;
    };

    explicit VersionReport(QObject* parent = nullptr,
                           const QString& rcloneProgram = QStringLiteral("rclone"));
    ~VersionReport() override;

    bool isReady() const { return m_ready; }
    // Quire, Qt, QScintilla, ZeroMQ, rclone (which reads "checking…" until ready()).
    QList<Item> items() const;
    // Plain text for a problem report: the items, the operating system and the kernels.
    QString reportText() const;

signals:
    void ready();

private:
    void finish(const QString& rclone);

    QProcess* m_process;
    QString m_rclone;
    bool m_ready = false;
};

} // namespace quire::app
