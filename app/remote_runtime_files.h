#pragma once

#include "runtime_files.h"

#include <QPointer>

namespace quire::kernel {
class JupyterServer;
class ServerReply;
} // namespace quire::kernel

namespace quire::app {

// A Jupyter Server's files through its Contents API. Paths are the server's (relative to its
// root); kernels started there run in that root, so that is the path code opens. A kernel
// gateway has no Contents API: the dock says files are not available there.
class RemoteRuntimeFiles : public RuntimeFiles {
    Q_OBJECT
public:
    RemoteRuntimeFiles(kernel::JupyterServer* server, QString runtimeName,
                       QObject* parent = nullptr);

    QString location() const override;
    QString unavailableReason() const override;
    void list(const QString& dir, Listed done) override;
    void makeFolder(const QString& dir, const QString& name, Done done) override;
    void rename(const QString& path, const QString& newName, Done done) override;
    void remove(const QString& path, bool isDir, Done done) override;
    void upload(const QString& localFile, const QString& dir, Done done) override;
    void download(const QString& path, const QString& localFile, Done done) override;
    QString kernelPath(const QString& path) const override { return path; }
    QString localFile(const QString&) const override { return {}; }

private:
    void whenDone(kernel::ServerReply* reply, Done done);
    void serverGone(Done done);

    QPointer<kernel::JupyterServer> m_server;
    QString m_name;
};

} // namespace quire::app
