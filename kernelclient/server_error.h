#pragma once

#include <QByteArray>
#include <QMetaType>
#include <QString>

namespace quire::kernel {

// Why a call to a Jupyter Server failed, classified so the app can react (ask for a new token,
// offer to start the server, retry later) and with a message it can show as is.
struct ServerError {
    enum class Kind {
        None,
        Unauthorized,   // 401: the token was refused
        Forbidden,      // 403
        NotRunning,     // JupyterHub 424 / 503: the user's server is not running
        NotFound,       // 404
        Conflict,       // 409, or the file changed on the server since it was read
        NotImplemented, // 501: kernelspec not installed, feature absent
        Timeout,
        Unreachable, // connection refused, unknown host, network down
        Tls,         // certificate not trusted, handshake failed
        BadResponse, // not JSON, or JSON of the wrong shape
        Server,      // another HTTP error (500, ...)
        Cancelled,
    };

    Kind kind = Kind::None;
    int httpStatus = 0;
    QString message; // user-facing, one or two sentences
    QString detail;  // the server's own explanation, when it gave one

    bool ok() const { return kind == Kind::None; }
    // Worth retrying later without the user changing anything.
    bool isTemporary() const {
        return kind == Kind::Timeout || kind == Kind::Unreachable || kind == Kind::NotRunning;
    }
    // The message with the server's detail appended, for error bars and the CLI.
    QString fullMessage() const;

    static ServerError make(Kind kind, QString message, int httpStatus = 0, QString detail = {});
    // Classifies an HTTP answer (`httpStatus` >= 400) from its status and body.
    static ServerError fromHttp(int httpStatus, const QByteArray& body, const QString& what);
};

const char* serverErrorKindName(ServerError::Kind kind);

} // namespace quire::kernel

Q_DECLARE_METATYPE(quire::kernel::ServerError)
