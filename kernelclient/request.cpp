#include "request.h"

namespace quire::kernel {

Request::Request(std::string msgId, std::string msgType, QObject* context)
    : QObject(context), m_msgId(std::move(msgId)), m_msgType(std::move(msgType)) {}

void Request::finish(Outcome outcome, const Message& reply) {
    if (isFinished())
        return;
    m_outcome = outcome;
    emit finished(reply);
    deleteLater();
}

} // namespace quire::kernel
