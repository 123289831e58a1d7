#pragma once

#include "rc_result.h"

#include <QObject>
#include <QUrl>
#include <functional>

class QNetworkAccessManager;

namespace quire::drive {

// Speaks rclone's remote-control API: every command is a JSON POST to
// http://127.0.0.1:<port>/<command> with basic auth. Answers arrive asynchronously; a call made
// with a context is dropped (never called back) once that context is gone.
class RcloneClient : public QObject {
    Q_OBJECT
public:
    using Callback = std::function<void(const RcResult&)>;

    explicit RcloneClient(QObject* parent = nullptr);

    void setEndpoint(const QUrl& base, const QString& user, const QString& password);
    QUrl baseUrl() const { return m_base; }
    bool hasEndpoint() const { return m_base.isValid(); }

    void call(const QString& command, const QJsonObject& params, QObject* context, Callback done);
    // Waits (with a local event loop) at most timeoutMs; for shutdown only.
    RcResult callAndWait(const QString& command, const QJsonObject& params, int timeoutMs);

private:
    QNetworkAccessManager* m_net;
    QUrl m_base;
    QByteArray m_auth;
};

} // namespace quire::drive
