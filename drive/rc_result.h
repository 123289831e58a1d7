#pragma once

#include <QJsonObject>
#include <QString>

namespace quire::drive {

// What one rc call produced: the JSON answer, or an error a user can read.
struct RcResult {
    bool ok = false;
    QJsonObject json;
    QString error;       // for users; empty when ok
    int httpStatus = 0;  // 0 when no HTTP answer came (rclone not reachable)
    QString rcloneError; // rclone's own "error" text, for classification
};

// rclone's error text made readable; `command` is the rc path that failed.
QString friendlyRcError(const QString& command, int httpStatus, const QString& rcloneError);

// True when the error means an OAuth token is no longer valid (sign in again).
bool isExpiredTokenError(const QString& rcloneError);

} // namespace quire::drive
