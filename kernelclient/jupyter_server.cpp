#include "jupyter_server.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslConfiguration>
#include <QSslError>

Q_LOGGING_CATEGORY(lcServer, "quire.kernel.server", QtInfoMsg)

namespace quire::kernel {

namespace {

QString jsonString(const Json& object, const char* key) {
    const auto it = object.is_object() ? object.find(key) : object.end();
    return it != object.end() && it->is_string() ? QString::fromStdString(it->get<std::string>())
                                                 : QString();
}

QDateTime parseDate(const QString& text) {
    const std::string normal = normalizedDate(text.toStdString());
    if (normal.empty())
        return {};
    return QDateTime::fromString(QString::fromStdString(normal).left(23) + QLatin1Char('Z'),
                                 Qt::ISODateWithMs);
}

ServerError networkError(QNetworkReply::NetworkError code, const QString& text,
                         const ServerEndpoint& endpoint) {
    using K = ServerError::Kind;
    switch (code) {
    case QNetworkReply::SslHandshakeFailedError:
        return ServerError::make(
            K::Tls,
            QStringLiteral("A secure connection to %1 could not be made.").arg(endpoint.hostPort()),
            0, text);
    case QNetworkReply::OperationCanceledError:
        return ServerError::make(K::Cancelled, QStringLiteral("Cancelled."));
    case QNetworkReply::TimeoutError:
        return ServerError::make(
            K::Timeout,
            QStringLiteral("The server at %1 did not answer in time.").arg(endpoint.hostPort()));
    default:
        return ServerError::make(
            K::Unreachable,
            QStringLiteral("Cannot reach the server at %1. Check the address and that the server "
                           "is running.")
                .arg(endpoint.toString()),
            0, text);
    }
}

} // namespace

JupyterServer::JupyterServer(ServerEndpoint endpoint, QObject* parent)
    : QObject(parent), m_endpoint(std::move(endpoint)), m_network(new QNetworkAccessManager(this)),
      m_trust(std::make_shared<TlsTrust>()) {
    // Same-origin redirects are followed: JupyterHub sends a stopped server's URLs to the hub,
    // which answers 424. Others are reported (the token never goes to another host).
    m_network->setRedirectPolicy(QNetworkRequest::SameOriginRedirectPolicy);
}

JupyterServer::~JupyterServer() = default;

QNetworkRequest JupyterServer::makeRequest(const QUrl& url) const {
    QNetworkRequest request(url);
    if (!m_endpoint.token().isEmpty())
        request.setRawHeader("Authorization", "token " + m_endpoint.token().toUtf8());
    request.setRawHeader("Accept", "application/json");
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    return request;
}

QNetworkRequest JupyterServer::webSocketRequest(const QString& path, const QUrlQuery& query) const {
    QNetworkRequest request = makeRequest(m_endpoint.webSocketUrl(path, query));
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    request.setSslConfiguration(tls);
    return request;
}

bool JupyterServer::acceptTls(const QList<QSslError>& errors) const {
    if (errors.isEmpty())
        return true;
    const QSslCertificate cert = errors.first().certificate();
    return m_trust->isTrusted(m_endpoint.hostPort(), cert);
}

ServerReply* JupyterServer::call(QByteArray verb, const QString& apiPath, const QUrlQuery& query,
                                 std::optional<Json> body, QString what, ServerReply::Shape shape) {
    ServerReply::Call c;
    c.verb = std::move(verb);
    c.url = m_endpoint.apiUrl(apiPath, query);
    if (body) {
        c.hasBody = true;
        c.body = QByteArray::fromStdString(body->dump());
    }
    c.what = std::move(what);
    c.shape = shape;
    auto* reply = new ServerReply(std::move(c), this);
    send(reply);
    return reply;
}

ServerReply* JupyterServer::composite(QString what) {
    ServerReply::Call c;
    c.what = std::move(what);
    return new ServerReply(std::move(c), this);
}

void JupyterServer::send(ServerReply* reply) {
    const ServerReply::Call& c = reply->m_call;
    QNetworkRequest request = makeRequest(c.url);
    if (c.hasBody)
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    QNetworkReply* network = c.hasBody ? m_network->sendCustomRequest(request, c.verb, c.body)
                                       : m_network->sendCustomRequest(request, c.verb);
    reply->m_network = network;
    reply->m_timedOut = false;
    reply->m_untrusted = QSslCertificate();
    connect(network, &QNetworkReply::sslErrors, reply,
            [this, reply, network](const QList<QSslError>& errors) {
                onSslErrors(reply, network, errors);
            });
    connect(network, &QNetworkReply::finished, reply,
            [this, reply, network] { onNetworkFinished(reply, network); });
    // Our own timer: the time limit covers the whole call, slow trickles included.
    reply->m_timeout.disconnect();
    connect(&reply->m_timeout, &QTimer::timeout, reply, [reply, network] {
        reply->m_timedOut = true;
        network->abort();
    });
    reply->m_timeout.start(int(m_timeout.count()));
    qCDebug(lcServer) << c.verb.constData() << c.url.path(); // never the token
}

void JupyterServer::onSslErrors(ServerReply* reply, QNetworkReply* network,
                                const QList<QSslError>& errors) {
    if (acceptTls(errors)) {
        network->ignoreSslErrors(errors);
        return;
    }
    reply->m_untrusted = errors.first().certificate();
    QStringList problems;
    for (const QSslError& e : errors)
        problems << e.errorString();
    reply->m_tlsProblems = problems.join(QLatin1Char('\n'));
}

void JupyterServer::onNetworkFinished(ServerReply* reply, QNetworkReply* network) {
    network->deleteLater();
    const auto code = network->error();
    const int status = network->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = network->isOpen() ? network->readAll() : QByteArray();
    const QString what = reply->m_call.what;

    if (reply->m_timedOut) {
        reply->fail(
            ServerError::make(ServerError::Kind::Timeout,
                              QStringLiteral("The server at %1 did not answer within %2 seconds.")
                                  .arg(m_endpoint.hostPort())
                                  .arg(double(m_timeout.count()) / 1000.0)));
        return;
    }
    if (code == QNetworkReply::SslHandshakeFailedError && !reply->m_untrusted.isNull()) {
        const QSslCertificate cert = reply->m_untrusted;
        const QString fp = TlsTrust::fingerprint(cert);
        QPointer<ServerReply> guard(reply);
        m_trust->ask(m_endpoint.hostPort(), cert, reply->m_tlsProblems,
                     [this, guard, fp](bool yes) {
                         if (!guard)
                             return;
                         if (yes) {
                             send(guard); // the same call again, now trusted
                             return;
                         }
                         guard->fail(ServerError::make(
                             ServerError::Kind::Tls,
                             QStringLiteral("The server %1 presents a certificate that is not "
                                            "trusted (SHA-256 fingerprint %2). Connect from "
                                            "Quire and accept the certificate if you know it is "
                                            "the server's.")
                                 .arg(m_endpoint.hostPort(), fp)));
                     });
        return;
    }
    if (status >= 300 && status < 400) {
        const QString location = network->header(QNetworkRequest::LocationHeader).toString();
        if (location.contains(QLatin1String("login"))) {
            reply->fail(ServerError::fromHttp(401, body, what));
            return;
        }
        reply->fail(ServerError::make(
            ServerError::Kind::BadResponse,
            QStringLiteral("The server redirected %1 elsewhere (%2); is the address right?")
                .arg(what, location),
            status));
        return;
    }
    if (status >= 400) {
        reply->fail(ServerError::fromHttp(status, body, what));
        return;
    }
    if (code != QNetworkReply::NoError) {
        reply->fail(networkError(code, network->errorString(), m_endpoint));
        return;
    }
    Json json;
    if (!body.trimmed().isEmpty()) {
        json = Json::parse(body.constData(), body.constData() + body.size(), nullptr, false);
        if (json.is_discarded()) {
            reply->fail(ServerError::make(
                ServerError::Kind::BadResponse,
                QStringLiteral("The answer from %1 is not what a Jupyter server sends (not "
                               "JSON). Is this the address of a Jupyter server?")
                    .arg(m_endpoint.toString()),
                status));
            return;
        }
    }
    const auto shape = reply->m_call.shape;
    if ((shape == ServerReply::Shape::Object && !json.is_object()) ||
        (shape == ServerReply::Shape::Array && !json.is_array())) {
        reply->fail(ServerError::make(
            ServerError::Kind::BadResponse,
            QStringLiteral("The server's answer for %1 is not in the expected form.").arg(what),
            status));
        return;
    }
    reply->succeed(std::move(json), status);
}

// ---- server, kernels, sessions -----------------------------------------------------------

ServerReply* JupyterServer::status() {
    return call("GET", QStringLiteral("status"), {}, std::nullopt,
                QStringLiteral("the server status"));
}

ServerReply* JupyterServer::kernelSpecs() {
    return call("GET", QStringLiteral("kernelspecs"), {}, std::nullopt,
                QStringLiteral("the kernel list"));
}

ServerReply* JupyterServer::checkContents() {
    auto* outer = composite(QStringLiteral("the file browser"));
    auto* inner = call("GET", QStringLiteral("contents"), QUrlQuery(QStringLiteral("content=0")),
                       std::nullopt, QStringLiteral("the file browser"));
    connect(inner, &ServerReply::finished, outer, [this, outer, inner] {
        if (inner->ok() || inner->error().kind == ServerError::Kind::NotFound) {
            m_hasContents = inner->ok();
            outer->succeed(Json(inner->ok()), inner->httpStatus());
        } else {
            outer->fail(inner->error());
        }
    });
    return outer;
}

ServerReply* JupyterServer::kernels() {
    return call("GET", QStringLiteral("kernels"), {}, std::nullopt,
                QStringLiteral("the running kernels"), ServerReply::Shape::Array);
}

ServerReply* JupyterServer::kernel(const QString& id) {
    return call("GET", QStringLiteral("kernels/") + encodePath(id), {}, std::nullopt,
                QStringLiteral("The kernel"));
}

ServerReply* JupyterServer::startKernel(const QString& name, const QString& path, const Json& env) {
    Json body = {{"name", name.toStdString()}};
    if (!path.isEmpty())
        body["path"] = path.toStdString();
    if (env.is_object() && !env.empty())
        body["env"] = env;
    return call("POST", QStringLiteral("kernels"), {}, std::move(body),
                QStringLiteral("the kernel \"%1\"").arg(name));
}

ServerReply* JupyterServer::interruptKernel(const QString& id) {
    return call("POST", QStringLiteral("kernels/%1/interrupt").arg(encodePath(id)), {},
                Json::object(), QStringLiteral("The kernel"), ServerReply::Shape::Any);
}

ServerReply* JupyterServer::restartKernel(const QString& id) {
    return call("POST", QStringLiteral("kernels/%1/restart").arg(encodePath(id)), {},
                Json::object(), QStringLiteral("The kernel"), ServerReply::Shape::Any);
}

ServerReply* JupyterServer::deleteKernel(const QString& id) {
    return call("DELETE", QStringLiteral("kernels/") + encodePath(id), {}, std::nullopt,
                QStringLiteral("The kernel"), ServerReply::Shape::Any);
}

ServerReply* JupyterServer::sessions() {
    return call("GET", QStringLiteral("sessions"), {}, std::nullopt,
                QStringLiteral("the session list"), ServerReply::Shape::Array);
}

ServerReply* JupyterServer::createSession(const QString& notebookPath, const QString& kernelName) {
    const QString name = notebookPath.section(QLatin1Char('/'), -1);
    Json body = {{"path", notebookPath.toStdString()},
                 {"name", name.toStdString()},
                 {"type", "notebook"},
                 {"kernel", {{"name", kernelName.toStdString()}}}};
    auto* outer = composite(QStringLiteral("the session"));
    auto* inner = call("POST", QStringLiteral("sessions"), {}, std::move(body),
                       QStringLiteral("the kernel \"%1\"").arg(kernelName));
    connect(inner, &ServerReply::finished, outer, [this, outer, inner] {
        if (inner->ok()) {
            m_hasContents = m_hasContents.value_or(true);
            outer->succeed(inner->json(), inner->httpStatus());
        } else {
            outer->fail(inner->error());
        }
    });
    return outer;
}

ServerReply* JupyterServer::deleteSession(const QString& id) {
    return call("DELETE", QStringLiteral("sessions/") + encodePath(id), {}, std::nullopt,
                QStringLiteral("The session"), ServerReply::Shape::Any);
}

// ---- contents ----------------------------------------------------------------------------

ServerReply* JupyterServer::listDirectory(const QString& path) {
    return call("GET", QStringLiteral("contents/") + encodePath(path),
                QUrlQuery(QStringLiteral("type=directory&content=1")), std::nullopt,
                QStringLiteral("The folder \"%1\"").arg(path));
}

ServerReply* JupyterServer::fileInfo(const QString& path) {
    return call("GET", QStringLiteral("contents/") + encodePath(path),
                QUrlQuery(QStringLiteral("content=0")), std::nullopt,
                QStringLiteral("\"%1\"").arg(path));
}

ServerReply* JupyterServer::getFile(const QString& path, const QString& format) {
    QUrlQuery query(QStringLiteral("type=file&content=1"));
    if (!format.isEmpty())
        query.addQueryItem(QStringLiteral("format"), format);
    return call("GET", QStringLiteral("contents/") + encodePath(path), query, std::nullopt,
                QStringLiteral("The file \"%1\"").arg(path));
}

ServerReply* JupyterServer::getNotebook(const QString& path) {
    return call("GET", QStringLiteral("contents/") + encodePath(path),
                QUrlQuery(QStringLiteral("type=notebook&content=1")), std::nullopt,
                QStringLiteral("The notebook \"%1\"").arg(path));
}

ServerReply* JupyterServer::save(const QString& path, Json model,
                                 const QString& knownLastModified) {
    const QString what = QStringLiteral("The file \"%1\"").arg(path);
    auto put = [this, path, what](Json m) {
        return call("PUT", QStringLiteral("contents/") + encodePath(path), {}, std::move(m), what);
    };
    if (knownLastModified.isEmpty())
        return put(std::move(model));
    // The Contents API has no conditional PUT: read the file's date first, as JupyterLab does.
    auto* outer = composite(what);
    auto* info = fileInfo(path);
    connect(info, &ServerReply::finished, outer,
            [outer, info, put, knownLastModified, model = std::move(model), path]() mutable {
                if (!info->ok() && info->error().kind != ServerError::Kind::NotFound) {
                    outer->fail(info->error());
                    return;
                }
                if (info->ok()) {
                    const QDateTime onServer = parseDate(jsonString(info->json(), "last_modified"));
                    const QDateTime known = parseDate(knownLastModified);
                    if (onServer.isValid() && known.isValid() && onServer > known) {
                        outer->fail(ServerError::make(
                            ServerError::Kind::Conflict,
                            QStringLiteral("\"%1\" changed on the server since it was opened "
                                           "(saved there at %2). Reload it or save under another "
                                           "name.")
                                .arg(path, onServer.toString(Qt::ISODate)),
                            409));
                        return;
                    }
                }
                auto* saved = put(std::move(model));
                connect(saved, &ServerReply::finished, outer, [outer, saved] {
                    if (saved->ok())
                        outer->succeed(saved->json(), saved->httpStatus());
                    else
                        outer->fail(saved->error());
                });
            });
    return outer;
}

ServerReply* JupyterServer::upload(const QString& path, const QByteArray& data,
                                   qsizetype chunkBytes) {
    chunkBytes = std::max<qsizetype>(chunkBytes, 1);
    if (data.size() <= chunkBytes)
        return save(
            path,
            {{"type", "file"}, {"format", "base64"}, {"content", data.toBase64().toStdString()}});
    auto* outer = composite(QStringLiteral("The upload of \"%1\"").arg(path));
    uploadChunk(outer, path, data, chunkBytes, 0, 1);
    return outer;
}

void JupyterServer::uploadChunk(ServerReply* outer, QString path, QByteArray data,
                                qsizetype chunkBytes, qsizetype offset, int chunk) {
    const bool last = offset + chunkBytes >= data.size();
    Json model = {{"type", "file"},
                  {"format", "base64"},
                  {"chunk", last ? -1 : chunk},
                  {"content", data.mid(offset, chunkBytes).toBase64().toStdString()}};
    auto* part = save(path, std::move(model));
    connect(part, &ServerReply::finished, outer,
            [this, outer, part, path, data, chunkBytes, offset, chunk, last] {
                if (!part->ok())
                    outer->fail(part->error());
                else if (last)
                    outer->succeed(part->json(), part->httpStatus());
                else
                    uploadChunk(outer, path, data, chunkBytes, offset + chunkBytes, chunk + 1);
            });
}

ServerReply* JupyterServer::rename(const QString& from, const QString& to) {
    return call("PATCH", QStringLiteral("contents/") + encodePath(from), {},
                Json{{"path", to.toStdString()}}, QStringLiteral("\"%1\"").arg(from));
}

ServerReply* JupyterServer::remove(const QString& path) {
    return call("DELETE", QStringLiteral("contents/") + encodePath(path), {}, std::nullopt,
                QStringLiteral("\"%1\"").arg(path), ServerReply::Shape::Any);
}

ServerReply* JupyterServer::makeDirectory(const QString& path) {
    return call("PUT", QStringLiteral("contents/") + encodePath(path), {},
                Json{{"type", "directory"}}, QStringLiteral("The folder \"%1\"").arg(path));
}

ServerReply* JupyterServer::newUntitled(const QString& dir, const QString& type,
                                        const QString& ext) {
    Json body = {{"type", type.toStdString()}};
    if (!ext.isEmpty())
        body["ext"] = ext.toStdString();
    return call("POST", QStringLiteral("contents/") + encodePath(dir), {}, std::move(body),
                QStringLiteral("The folder \"%1\"").arg(dir));
}

// ---- terminals ---------------------------------------------------------------------------

ServerReply* JupyterServer::terminals() {
    return call("GET", QStringLiteral("terminals"), {}, std::nullopt,
                QStringLiteral("the terminal list"), ServerReply::Shape::Array);
}

ServerReply* JupyterServer::createTerminal() {
    return call("POST", QStringLiteral("terminals"), {}, Json::object(),
                QStringLiteral("a terminal"));
}

ServerReply* JupyterServer::deleteTerminal(const QString& name) {
    return call("DELETE", QStringLiteral("terminals/") + encodePath(name), {}, std::nullopt,
                QStringLiteral("The terminal"), ServerReply::Shape::Any);
}

} // namespace quire::kernel
