#include "rc_result.h"

#include <QCoreApplication>

namespace quire::drive {

namespace {
QString tr(const char* text) {
    return QCoreApplication::translate("quire::drive::RcError", text);
}
} // namespace

bool isExpiredTokenError(const QString& e) {
    return e.contains(QLatin1String("invalid_grant")) ||
           e.contains(QLatin1String("token expired")) ||
           e.contains(QLatin1String("couldn't fetch token")) ||
           e.contains(QLatin1String("empty token found"));
}

QString friendlyRcError(const QString& command, int status, const QString& e) {
    if (status == 0)
        return tr("The Drive service (rclone) is not reachable.");
    if (status == 401)
        return tr("rclone refused Quire's credentials.");
    if (isExpiredTokenError(e))
        return tr("The sign-in for this remote has expired or was revoked. Connect it again.");
    if (e.contains(QLatin1String("didn't find section in config file")))
        return tr("This remote is not configured.");
    if (e.contains(QLatin1String("directory not found")))
        return tr("The folder does not exist (any more).");
    if (e.contains(QLatin1String("object not found")) ||
        e.contains(QLatin1String("file does not exist")) ||
        e.contains(QLatin1String("no such file")))
        return tr("The file does not exist (any more).");
    if (e.contains(QLatin1String("context canceled")))
        return tr("Cancelled.");
    if (e.contains(QLatin1String("connection refused")) ||
        e.contains(QLatin1String("no such host")) ||
        e.contains(QLatin1String("network is unreachable")))
        return tr("The remote's server cannot be reached: %1").arg(e);
    if (e.isEmpty())
        return tr("rclone answered %1 with HTTP status %2.").arg(command).arg(status);
    return tr("rclone: %1").arg(e);
}

} // namespace quire::drive
