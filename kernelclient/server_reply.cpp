#include "server_reply.h"

#include <QNetworkReply>

namespace quire::kernel {

ServerReply::ServerReply(Call call, QObject* parent) : QObject(parent), m_call(std::move(call)) {
    m_timeout.setSingleShot(true);
}

void ServerReply::abort() {
    if (m_done)
        return;
    if (m_network)
        m_network->abort(); // the network reply's finished handler reports the error
    else
        fail(ServerError::make(ServerError::Kind::Cancelled, QStringLiteral("Cancelled.")));
}

void ServerReply::succeed(Json json, int httpStatus) {
    if (m_done)
        return;
    m_json = std::move(json);
    m_httpStatus = httpStatus;
    complete();
}

void ServerReply::fail(ServerError error) {
    if (m_done)
        return;
    m_error = std::move(error);
    m_httpStatus = m_error.httpStatus;
    complete();
}

void ServerReply::complete() {
    m_done = true;
    m_timeout.stop();
    // Queued, so a caller that connects right after the call still hears it.
    QMetaObject::invokeMethod(
        this,
        [this] {
            emit finished();
            deleteLater();
        },
        Qt::QueuedConnection);
}

} // namespace quire::kernel
