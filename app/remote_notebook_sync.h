#pragma once

#include <QObject>
#include <QPointer>

namespace quire::kernel {
class JupyterServer;
}
namespace quire::editor {
class NotebookDocument;
}

namespace quire::app {

// A notebook of a remote runtime, opened from a local copy: every save of the copy goes back
// through the Contents API, refused (and the user asked) when the file changed on the server
// since it was read (its last_modified).
class RemoteNotebookSync : public QObject {
    Q_OBJECT
public:
    // Fetches `path` into `localCopy`; ready() or failed() follows.
    RemoteNotebookSync(kernel::JupyterServer* server, QString path, QString localCopy,
                       QObject* parent = nullptr);

    void fetch();
    // Follows the document's saves from now on (the sync then lives as long as it).
    void follow(editor::NotebookDocument* document);
    // Puts the local copy on the server; `overwrite` skips the conflict check.
    void push(bool overwrite = false);

    const QString& remotePath() const { return m_path; }
    const QString& localCopy() const { return m_local; }
    const QString& lastModified() const { return m_lastModified; }

signals:
    void ready();
    void failed(const QString& error);
    void pushed();
    // The server's copy changed since it was read: push(true) overwrites it.
    void conflict(const QString& message);
    void pushFailed(const QString& error);

private:
    QPointer<kernel::JupyterServer> m_server;
    QString m_path;
    QString m_local;
    QString m_lastModified;
};

} // namespace quire::app
