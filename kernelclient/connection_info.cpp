#include "connection_info.h"

#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QUuid>
#include <array>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <memory>
#include <sys/stat.h>
#include <unistd.h>

namespace quire::kernel {

QByteArray ConnectionInfo::endpoint(int port) const {
    if (transport == QLatin1String("ipc"))
        return QStringLiteral("ipc://%1-%2").arg(ip).arg(port).toUtf8();
    return QStringLiteral("%1://%2:%3").arg(transport, ip).arg(port).toUtf8();
}

QByteArray ConnectionInfo::toJson() const {
    QJsonObject o;
    o[QStringLiteral("transport")] = transport;
    o[QStringLiteral("ip")] = ip;
    o[QStringLiteral("shell_port")] = shellPort;
    o[QStringLiteral("iopub_port")] = iopubPort;
    o[QStringLiteral("stdin_port")] = stdinPort;
    o[QStringLiteral("control_port")] = controlPort;
    o[QStringLiteral("hb_port")] = hbPort;
    o[QStringLiteral("key")] = QString::fromUtf8(key);
    o[QStringLiteral("signature_scheme")] = signatureScheme;
    o[QStringLiteral("kernel_name")] = kernelName;
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

std::optional<ConnectionInfo> ConnectionInfo::fromJson(const QByteArray& json, QString* error) {
    QJsonParseError parseError;
    const auto doc = QJsonDocument::fromJson(json, &parseError);
    if (!doc.isObject()) {
        if (error)
            *error = parseError.errorString();
        return std::nullopt;
    }
    const auto o = doc.object();
    ConnectionInfo info;
    info.transport = o.value(QStringLiteral("transport")).toString(QStringLiteral("tcp"));
    info.ip = o.value(QStringLiteral("ip")).toString(QStringLiteral("127.0.0.1"));
    info.shellPort = o.value(QStringLiteral("shell_port")).toInt();
    info.iopubPort = o.value(QStringLiteral("iopub_port")).toInt();
    info.stdinPort = o.value(QStringLiteral("stdin_port")).toInt();
    info.controlPort = o.value(QStringLiteral("control_port")).toInt();
    info.hbPort = o.value(QStringLiteral("hb_port")).toInt();
    info.key = o.value(QStringLiteral("key")).toString().toUtf8();
    info.signatureScheme =
        o.value(QStringLiteral("signature_scheme")).toString(QStringLiteral("hmac-sha256"));
    info.kernelName = o.value(QStringLiteral("kernel_name")).toString();
    for (int port :
         {info.shellPort, info.iopubPort, info.stdinPort, info.controlPort, info.hbPort}) {
        if (port <= 0 || port > 65535) {
            if (error)
                *error = QStringLiteral("missing or invalid port");
            return std::nullopt;
        }
    }
    if (!info.key.isEmpty() && info.signatureScheme != QLatin1String("hmac-sha256")) {
        if (error)
            *error = QStringLiteral("unsupported signature scheme %1").arg(info.signatureScheme);
        return std::nullopt;
    }
    return info;
}

QByteArray ConnectionInfo::randomKey() {
    std::array<quint32, 8> words; // 256 bits
    QRandomGenerator::system()->fillRange(words.data(), qsizetype(words.size()));
    return QByteArray(reinterpret_cast<const char*>(words.data()), sizeof words).toHex();
}

namespace {

// Ports are picked below the kernel's ephemeral range: the ephemeral ports churn (every
// outgoing connection and every listen(0) takes one), so a port released there can be taken
// by someone else before the kernel binds it. Returns {first, last}, or {0, 0} to fall back.
std::pair<int, int> quietPortRange() {
    QFile f(QStringLiteral("/proc/sys/net/ipv4/ip_local_port_range"));
    int ephemeralLow = 32768;
    if (f.open(QIODevice::ReadOnly)) {
        const auto fields = f.readAll().simplified().split(' ');
        if (!fields.isEmpty())
            ephemeralLow = fields.first().toInt();
    }
    constexpr int kFirst = 10000;
    return ephemeralLow > kFirst + 1000 ? std::pair{kFirst, ephemeralLow - 1} : std::pair{0, 0};
}

bool listenOn(QTcpServer& server, int port) {
    return server.listen(QHostAddress::LocalHost, quint16(port));
}

} // namespace

std::optional<ConnectionInfo> ConnectionInfo::allocateLocal(QString* error) {
    // Hold all five listening sockets at once so the ports are distinct, then let them go for
    // the kernel to bind (within a second; the window jupyter_client also has).
    std::array<std::unique_ptr<QTcpServer>, 5> servers;
    std::array<int, 5> ports{};
    const auto [first, last] = quietPortRange();
    auto* random = QRandomGenerator::system();
    for (size_t i = 0; i < servers.size(); ++i) {
        servers[i] = std::make_unique<QTcpServer>();
        bool bound = false;
        for (int attempt = 0; first > 0 && attempt < 100 && !bound; ++attempt)
            bound = listenOn(*servers[i], random->bounded(first, last + 1));
        if (!bound && !listenOn(*servers[i], 0)) {
            if (error)
                *error = servers[i]->errorString();
            return std::nullopt;
        }
        ports[i] = servers[i]->serverPort();
    }
    ConnectionInfo info;
    info.shellPort = ports[0];
    info.iopubPort = ports[1];
    info.stdinPort = ports[2];
    info.controlPort = ports[3];
    info.hbPort = ports[4];
    info.key = randomKey();
    return info;
}

QString jupyterRuntimeDir() {
    const QString runtime = qEnvironmentVariable("JUPYTER_RUNTIME_DIR");
    if (!runtime.isEmpty())
        return runtime;
    const QString data = qEnvironmentVariable("JUPYTER_DATA_DIR");
    return (data.isEmpty() ? QDir::homePath() + QStringLiteral("/.local/share/jupyter") : data) +
           QStringLiteral("/runtime");
}

QString writeConnectionFile(const ConnectionInfo& info, const QString& dir, QString* error) {
    if (!QDir().mkpath(dir)) {
        if (error)
            *error = QStringLiteral("cannot create %1").arg(dir);
        return {};
    }
    QFile::setPermissions(dir,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    const QString path =
        QDir(dir).filePath(QStringLiteral("kernel-quire-%1.json")
                               .arg(QUuid::createUuid().toString(QUuid::WithoutBraces)));
    const QByteArray native = QFile::encodeName(path);
    // O_EXCL + mode 0600 at creation: the key is never readable by others, not even briefly.
    const int fd = ::open(native.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        if (error)
            *error = QStringLiteral("cannot create %1: %2")
                         .arg(path, QString::fromLocal8Bit(strerror(errno)));
        return {};
    }
    const QByteArray json = info.toJson();
    qsizetype written = 0;
    while (written < json.size()) {
        const ssize_t n = ::write(fd, json.constData() + written, size_t(json.size() - written));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        written += n;
    }
    const bool closed = ::close(fd) == 0;
    const bool ok = written == json.size() && closed;
    if (!ok) {
        ::unlink(native.constData());
        if (error)
            *error = QStringLiteral("cannot write %1").arg(path);
        return {};
    }
    return path;
}

} // namespace quire::kernel
