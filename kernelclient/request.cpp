#include "request.h"

#include <QPointer>

namespace quire::kernel {

Request::Request(std::string msgId, std::string msgType, QObject* context)
    : QObject(context), m_msgId(std::move(msgId)), m_msgType(std::move(msgType)) {}

void Request::finish(Outcome outcome, const Message& reply) {
    if (isFinished())
        return;
    m_outcome = outcome;
    const QPointer<Request> self(this); // a slot may delete the context, and this with it
    emit finished(reply);
    if (self)
        deleteLater();
}

} // namespace quire::kernel
