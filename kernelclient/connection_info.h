#pragma once

#include <QByteArray>
#include <QString>
#include <optional>

namespace quire::kernel {

// The contents of a Jupyter connection file.
struct ConnectionInfo {
    QString transport = QStringLiteral("tcp");
    QString ip = QStringLiteral("127.0.0.1");
    int shellPort = 0;
    int iopubPort = 0;
    int stdinPort = 0;
    int controlPort = 0;
    int hbPort = 0;
    QByteArray key; // the key string's bytes (HMAC key); empty = unsigned
    QString signatureScheme = QStringLiteral("hmac-sha256");
    QString kernelName;

    // tcp://ip:port, or ipc://ip-port for the ipc transport.
    QByteArray endpoint(int port) const;

    QByteArray toJson() const;
    static std::optional<ConnectionInfo> fromJson(const QByteArray& json, QString* error = nullptr);

    // Five distinct free TCP ports on 127.0.0.1 and a random 256-bit key (64 hex digits).
    static std::optional<ConnectionInfo> allocateLocal(QString* error = nullptr);
    static QByteArray randomKey();
};

// Where connection files go: $JUPYTER_RUNTIME_DIR, else <Jupyter data dir>/runtime
// ($JUPYTER_DATA_DIR or ~/.local/share/jupyter), as jupyter_core puts them.
QString jupyterRuntimeDir();

// Writes `info` to a new file in `dir` (created 0700 if missing) readable by the user only
// (0600 from the moment it exists). Returns the path, or "" with `error` set.
QString writeConnectionFile(const ConnectionInfo& info, const QString& dir, QString* error);

} // namespace quire::kernel
