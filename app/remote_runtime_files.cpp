#include "remote_runtime_files.h"

#include "kernelclient/jupyter_server.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QTimer>

namespace quire::app {

using kernel::Json;

RemoteRuntimeFiles::RemoteRuntimeFiles(kernel::JupyterServer* server, QString runtimeName,
                                       QObject* parent)
    : RuntimeFiles(parent), m_server(server), m_name(std::move(runtimeName)) {}

QString RemoteRuntimeFiles::location() const {
    return m_server ? tr("%1 (%2)").arg(m_name, m_server->endpoint().toString()) : m_name;
}

QString RemoteRuntimeFiles::unavailableReason() const {
    if (!m_server)
        return tr("The runtime is no longer connected.");
    if (m_server->hasContents() == false)
        return tr("%1 is a kernel gateway: it runs kernels but has no files to show.").arg(m_name);
    return {};
}

void RemoteRuntimeFiles::serverGone(Done done) {
    QTimer::singleShot(0, this, [done] { done(tr("The runtime is no longer connected.")); });
}

void RemoteRuntimeFiles::whenDone(kernel::ServerReply* reply, Done done) {
    connect(reply, &kernel::ServerReply::finished, this,
            [reply, done] { done(reply->ok() ? QString() : reply->error().fullMessage()); });
}

void RemoteRuntimeFiles::list(const QString& dir, Listed done) {
    if (!m_server) {
        QTimer::singleShot(0, this,
                           [done] { done({}, tr("The runtime is no longer connected.")); });
        return;
    }
    kernel::ServerReply* reply = m_server->listDirectory(dir);
    connect(reply, &kernel::ServerReply::finished, this, [reply, done] {
        QList<RuntimeFileEntry> entries;
        if (!reply->ok()) {
            done(entries, reply->error().fullMessage());
            return;
        }
        const Json& content = reply->json().value("content", Json::array());
        for (const Json& item : content) {
            if (!item.is_object())
                continue;
            RuntimeFileEntry e;
            e.name = QString::fromStdString(item.value("name", std::string()));
            e.path = QString::fromStdString(item.value("path", std::string()));
            e.isDir = item.value("type", std::string()) == "directory";
            if (const auto size = item.find("size"); size != item.end() && size->is_number())
                e.size = size->get<qint64>();
            e.modified = QDateTime::fromString(
                QString::fromStdString(item.value("last_modified", std::string())), Qt::ISODate);
            if (!e.name.isEmpty())
                entries.append(e);
        }
        done(entries, QString());
    });
}

void RemoteRuntimeFiles::makeFolder(const QString& dir, const QString& name, Done done) {
    if (!m_server)
        return serverGone(std::move(done));
    whenDone(m_server->makeDirectory(joinPath(dir, name)), std::move(done));
}

void RemoteRuntimeFiles::rename(const QString& path, const QString& newName, Done done) {
    if (!m_server)
        return serverGone(std::move(done));
    const int slash = path.lastIndexOf(QLatin1Char('/'));
    const QString dir = slash < 0 ? QString() : path.left(slash);
    whenDone(m_server->rename(path, joinPath(dir, newName)), std::move(done));
}

void RemoteRuntimeFiles::remove(const QString& path, bool, Done done) {
    if (!m_server)
        return serverGone(std::move(done));
    whenDone(m_server->remove(path), std::move(done));
}

void RemoteRuntimeFiles::upload(const QString& localFile, const QString& dir, Done done) {
    if (!m_server)
        return serverGone(std::move(done));
    QFile file(localFile);
    if (!QFileInfo(localFile).isFile() || !file.open(QIODevice::ReadOnly)) {
        QTimer::singleShot(0, this, [done, localFile] {
            done(tr("Cannot read %1 (only files can be uploaded).").arg(localFile));
        });
        return;
    }
    whenDone(m_server->upload(joinPath(dir, QFileInfo(localFile).fileName()), file.readAll()),
             std::move(done));
}

void RemoteRuntimeFiles::download(const QString& path, const QString& localFile, Done done) {
    if (!m_server)
        return serverGone(std::move(done));
    kernel::ServerReply* reply = m_server->getFile(path, QStringLiteral("base64"));
    connect(reply, &kernel::ServerReply::finished, this, [reply, localFile, done] {
        if (!reply->ok()) {
            done(reply->error().fullMessage());
            return;
        }
        const auto& content = reply->json().value("content", Json());
        if (!content.is_string()) {
            done(tr("The server sent no content for this file."));
            return;
        }
        const QByteArray bytes =
            QByteArray::fromBase64(QByteArray::fromStdString(content.get<std::string>()));
        QSaveFile out(localFile);
        if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.commit()) {
            done(tr("Cannot write %1.").arg(localFile));
            return;
        }
        done(QString());
    });
}

} // namespace quire::app
