#pragma once

#include "message.h"
#include "server_error.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <QTimer>
#include <QUrl>

class QNetworkReply;

namespace quire::kernel {

class JupyterServer;

// One call to a Jupyter Server. finished() is emitted exactly once, later (never inside the
// call that made the reply); the reply deletes itself after it. Connect with a context object
// of your own so an answer for a closed notebook is dropped.
class ServerReply : public QObject {
    Q_OBJECT
public:
    enum class Shape { Any, Object, Array };

    bool ok() const { return m_done && m_error.ok(); }
    bool isFinished() const { return m_done; }
    const Json& json() const { return m_json; }
    const ServerError& error() const { return m_error; }
    int httpStatus() const { return m_httpStatus; }
    // Stops the call; finished() follows with a Cancelled error.
    void abort();

signals:
    void finished();

private:
    friend class JupyterServer;
    struct Call {
        QByteArray verb;
        QUrl url;
        QByteArray body;
        bool hasBody = false;
        QString what; // "the kernel list", for messages
        Shape shape = Shape::Any;
    };

    explicit ServerReply(Call call, QObject* parent);
    void succeed(Json json, int httpStatus);
    void fail(ServerError error);
    void complete(); // marks it done and reports finished (queued), then goes away

    Call m_call;
    Json m_json;
    ServerError m_error;
    int m_httpStatus = 0;
    bool m_done = false;
    bool m_timedOut = false;
    QPointer<QNetworkReply> m_network;
    QTimer m_timeout;
    QSslCertificate m_untrusted; // a certificate the TLS check refused, to ask about
    QString m_tlsProblems;
};

} // namespace quire::kernel
