#include "single_instance.h"

#include <QDataStream>
#include <QDir>
#include <QLocalServer>
#include <QLocalSocket>

namespace quire::app {

SingleInstance::SingleInstance(const QString& key, QObject* parent) : QObject(parent), m_key(key) {}

SingleInstance::~SingleInstance() = default;

QString SingleInstance::defaultKey() {
    return QStringLiteral("quire-%1").arg(qEnvironmentVariable("USER", QStringLiteral("user")));
}

bool SingleInstance::forwardToRunning(const QStringList& files) {
    QLocalSocket socket;
    socket.connectToServer(m_key);
    if (!socket.waitForConnected(500))
        return false;
    QByteArray payload;
    QDataStream out(&payload, QIODevice::WriteOnly);
    QStringList absolute;
    for (const auto& f : files)
        absolute << QDir::current().absoluteFilePath(f);
    out << absolute;
    socket.write(payload);
    socket.flush();
    socket.waitForBytesWritten(1000);
    // Wait for the running instance to confirm, so the files are never dropped.
    return socket.waitForReadyRead(3000) && socket.readAll() == "ok";
}

bool SingleInstance::listen() {
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!m_server->listen(m_key)) {
        QLocalServer::removeServer(m_key); // stale socket from a crashed instance
        if (!m_server->listen(m_key))
            return false;
    }
    connect(m_server, &QLocalServer::newConnection, this, [this] {
        while (auto* socket = m_server->nextPendingConnection()) {
            connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
            connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
                QDataStream in(socket->readAll());
                QStringList files;
                in >> files;
                socket->write("ok");
                socket->flush();
                emit filesReceived(files);
            });
        }
    });
    return true;
}

} // namespace quire::app
