#include "server_error.h"

#include <nlohmann/json.hpp>

namespace quire::kernel {

QString ServerError::fullMessage() const {
    if (detail.isEmpty() || message.contains(detail))
        return message;
    return QStringLiteral("%1 (%2)").arg(message, detail);
}

ServerError ServerError::make(Kind kind, QString message, int httpStatus, QString detail) {
    ServerError e;
    e.kind = kind;
    e.message = std::move(message);
    e.httpStatus = httpStatus;
    e.detail = std::move(detail);
    return e;
}

ServerError ServerError::fromHttp(int status, const QByteArray& body, const QString& what) {
    // Jupyter Server answers errors as {"message": ..., "reason": ...}; JupyterHub the same.
    QString detail;
    const auto json =
        nlohmann::json::parse(body.constData(), body.constData() + body.size(), nullptr, false);
    if (json.is_object()) {
        for (const char* key : {"message", "reason"}) {
            const auto it = json.find(key);
            if (it != json.end() && it->is_string() && !it->get_ref<const std::string&>().empty()) {
                detail = QString::fromStdString(it->get<std::string>());
                break;
            }
        }
    }
    switch (status) {
    case 401:
        return make(Kind::Unauthorized,
                    QStringLiteral("The token was refused by the server. Check the token (or "
                                   "copy the server's URL with ?token=... again)."),
                    status, detail);
    case 403:
        return make(Kind::Forbidden,
                    QStringLiteral("The token was refused: the server does not allow this "
                                   "request with it."),
                    status, detail);
    case 404:
        return make(Kind::NotFound, QStringLiteral("%1 was not found on the server.").arg(what),
                    status, detail);
    case 409:
        return make(Kind::Conflict,
                    QStringLiteral("%1 conflicts with what is on the server.").arg(what), status,
                    detail);
    case 424:
    case 503:
        return make(Kind::NotRunning,
                    QStringLiteral("Your server is not running. Start it from the JupyterHub "
                                   "home page, then try again."),
                    status, detail);
    case 501:
        return make(
            Kind::NotImplemented,
            QStringLiteral("The server cannot do this: %1 is not available there.").arg(what),
            status, detail);
    default:
        return make(
            Kind::Server,
            QStringLiteral("The server failed to handle %1 (HTTP %2).").arg(what).arg(status),
            status, detail);
    }
}

const char* serverErrorKindName(ServerError::Kind kind) {
    switch (kind) {
    case ServerError::Kind::None:
        return "none";
    case ServerError::Kind::Unauthorized:
        return "unauthorized";
    case ServerError::Kind::Forbidden:
        return "forbidden";
    case ServerError::Kind::NotRunning:
        return "not-running";
    case ServerError::Kind::NotFound:
        return "not-found";
    case ServerError::Kind::Conflict:
        return "conflict";
    case ServerError::Kind::NotImplemented:
        return "not-implemented";
    case ServerError::Kind::Timeout:
        return "timeout";
    case ServerError::Kind::Unreachable:
        return "unreachable";
    case ServerError::Kind::Tls:
        return "tls";
    case ServerError::Kind::BadResponse:
        return "bad-response";
    case ServerError::Kind::Server:
        return "server";
    case ServerError::Kind::Cancelled:
        return "cancelled";
    }
    return "?";
}

} // namespace quire::kernel
