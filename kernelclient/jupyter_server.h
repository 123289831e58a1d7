#pragma once

#include "message.h"
#include "server_endpoint.h"
#include "server_error.h"
#include "server_reply.h"
#include "tls_trust.h"

#include <QNetworkRequest>
#include <QObject>
#include <chrono>
#include <memory>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;
class QSslError;

namespace quire::kernel {

// REST client of one Jupyter Server (or JupyterHub user server, or Kernel Gateway). Every call
// is asynchronous on the calling (GUI) thread and returns a ServerReply; the token goes in the
// Authorization header and is never logged. HTTPS uses the system CAs; a certificate they do
// not vouch for goes to TlsTrust (asked once, remembered), never accepted silently.
class JupyterServer : public QObject {
    Q_OBJECT
public:
    explicit JupyterServer(ServerEndpoint endpoint, QObject* parent = nullptr);
    ~JupyterServer() override;

    const ServerEndpoint& endpoint() const { return m_endpoint; }
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    std::chrono::milliseconds timeout() const { return m_timeout; }
    // Shared with other servers and with the app, which persists it. A private one by default.
    void setTlsTrust(std::shared_ptr<TlsTrust> trust) { m_trust = std::move(trust); }
    TlsTrust& tlsTrust() const { return *m_trust; }
    // Whether the server has the Contents API (false on Kernel/Enterprise Gateway); unknown
    // until checkContents() or createSession() found out.
    std::optional<bool> hasContents() const { return m_hasContents; }

    // Server
    ServerReply* status();        // GET /api/status
    ServerReply* kernelSpecs();   // GET /api/kernelspecs
    ServerReply* checkContents(); // GET /api/contents (no content); sets hasContents()

    // Kernels
    ServerReply* kernels();
    ServerReply* kernel(const QString& id);
    ServerReply* startKernel(const QString& name, const QString& path = {},
                             const Json& env = Json::object());
    ServerReply* interruptKernel(const QString& id);
    ServerReply* restartKernel(const QString& id);
    ServerReply* deleteKernel(const QString& id);

    // Sessions (one per notebook path; creating one starts its kernel)
    ServerReply* sessions();
    ServerReply* createSession(const QString& notebookPath, const QString& kernelName);
    ServerReply* deleteSession(const QString& id);

    // Contents (paths relative to the server's root, '/'-separated)
    ServerReply* listDirectory(const QString& path);
    ServerReply* fileInfo(const QString& path); // the model without content (last_modified, ...)
    // format: "text" or "base64" (empty: the server chooses)
    ServerReply* getFile(const QString& path, const QString& format = {});
    ServerReply* getNotebook(const QString& path);
    // PUTs `model` ({type, format, content}). With `knownLastModified` (the last_modified the
    // caller read), fails with Conflict when the file changed on the server since then.
    ServerReply* save(const QString& path, Json model, const QString& knownLastModified = {});
    // Uploads bytes as a file; bigger than `chunkBytes`: in chunks (chunk 1, 2, ..., -1).
    ServerReply* upload(const QString& path, const QByteArray& data,
                        qsizetype chunkBytes = qsizetype(1) << 20);
    ServerReply* rename(const QString& from, const QString& to);
    ServerReply* remove(const QString& path);
    ServerReply* makeDirectory(const QString& path);
    // "Untitled Folder", "untitled.txt", "Untitled.ipynb" in `dir` (type directory/file/notebook)
    ServerReply* newUntitled(const QString& dir, const QString& type, const QString& ext = {});

    // Terminals
    ServerReply* terminals();
    ServerReply* createTerminal();
    ServerReply* deleteTerminal(const QString& name);

    // For WebSocket transports: the request with the token header and TLS trust applied.
    QNetworkRequest webSocketRequest(const QString& path, const QUrlQuery& query = {}) const;
    // Accepts `errors` on a socket when the certificate is trusted; else remembers nothing.
    bool acceptTls(const QList<QSslError>& errors) const;

private:
    ServerReply* call(QByteArray verb, const QString& apiPath, const QUrlQuery& query,
                      std::optional<Json> body, QString what,
                      ServerReply::Shape shape = ServerReply::Shape::Object);
    ServerReply* composite(QString what);
    void send(ServerReply* reply);
    void onNetworkFinished(ServerReply* reply, QNetworkReply* network);
    void onSslErrors(ServerReply* reply, QNetworkReply* network, const QList<QSslError>& errors);
    QNetworkRequest makeRequest(const QUrl& url) const;
    void uploadChunk(ServerReply* outer, QString path, QByteArray data, qsizetype chunkBytes,
                     qsizetype offset, int chunk);

    ServerEndpoint m_endpoint;
    QNetworkAccessManager* m_network;
    std::chrono::milliseconds m_timeout{15000};
    std::shared_ptr<TlsTrust> m_trust;
    std::optional<bool> m_hasContents;
};

} // namespace quire::kernel
