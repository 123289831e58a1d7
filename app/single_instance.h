#pragma once

#include <QObject>
#include <QStringList>

class QLocalServer;

namespace quire::app {

// One Quire per user session: the first instance listens on a local socket; later ones send
// their file arguments there and exit.
class SingleInstance : public QObject {
    Q_OBJECT
public:
    explicit SingleInstance(const QString& key, QObject* parent = nullptr);
    ~SingleInstance() override;

    // True when another instance took `files` (this process should exit).
    bool forwardToRunning(const QStringList& files);
    // Starts listening; false if the socket cannot be created (Quire still runs).
    bool listen();

    static QString defaultKey();

signals:
    void filesReceived(const QStringList& files);

private:
    QString m_key;
    QLocalServer* m_server = nullptr;
};

} // namespace quire::app
