#include "remote_notebook_sync.h"

#include "editor/model/notebook_document.h"
#include "kernelclient/jupyter_server.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace quire::app {

using kernel::Json;

RemoteNotebookSync::RemoteNotebookSync(kernel::JupyterServer* server, QString path,
                                       QString localCopy, QObject* parent)
    : QObject(parent), m_server(server), m_path(std::move(path)), m_local(std::move(localCopy)) {}

void RemoteNotebookSync::fetch() {
    if (!m_server) {
        emit failed(tr("The runtime is no longer connected."));
        return;
    }
    // The file's own bytes (type file, text), so the copy is exactly what the server holds.
    kernel::ServerReply* reply = m_server->getFile(m_path, QStringLiteral("text"));
    connect(reply, &kernel::ServerReply::finished, this, [this, reply] {
        if (!reply->ok()) {
            emit failed(reply->error().fullMessage());
            return;
        }
        const Json& model = reply->json();
        const auto content = model.find("content");
        if (content == model.end() || !content->is_string()) {
            emit failed(tr("The server sent no content for %1.").arg(m_path));
            return;
        }
        m_lastModified = QString::fromStdString(model.value("last_modified", std::string()));
        QDir().mkpath(QFileInfo(m_local).absolutePath());
        QSaveFile out(m_local);
        const QByteArray bytes = QByteArray::fromStdString(content->get<std::string>());
        if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.commit()) {
            emit failed(tr("Cannot write %1.").arg(m_local));
            return;
        }
        emit ready();
    });
}

void RemoteNotebookSync::follow(editor::NotebookDocument* document) {
    setParent(document);
    connect(document, &editor::NotebookDocument::saved, this, [this] { push(); });
}

void RemoteNotebookSync::push(bool overwrite) {
    if (!m_server) {
        emit pushFailed(tr("The runtime is no longer connected: the notebook is saved only in "
                           "%1.")
                            .arg(m_local));
        return;
    }
    QFile in(m_local);
    if (!in.open(QIODevice::ReadOnly)) {
        emit pushFailed(tr("Cannot read %1.").arg(m_local));
        return;
    }
    Json model = {{"type", "file"}, {"format", "text"}, {"content", in.readAll().toStdString()}};
    kernel::ServerReply* reply =
        m_server->save(m_path, std::move(model), overwrite ? QString() : m_lastModified);
    connect(reply, &kernel::ServerReply::finished, this, [this, reply] {
        if (reply->ok()) {
            m_lastModified =
                QString::fromStdString(reply->json().value("last_modified", std::string()));
            emit pushed();
        } else if (reply->error().kind == kernel::ServerError::Kind::Conflict) {
            emit conflict(reply->error().fullMessage());
        } else {
            emit pushFailed(reply->error().fullMessage());
        }
    });
}

} // namespace quire::app
