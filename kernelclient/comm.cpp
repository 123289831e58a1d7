#include "comm.h"

#include "kernel_client.h"

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcClient)

namespace quire::kernel {

Comm::Comm(KernelClient* client, std::string commId, std::string targetName, QObject* parent)
    : QObject(parent), m_client(client), m_commId(std::move(commId)),
      m_targetName(std::move(targetName)) {}

std::string Comm::send(Json data, Json metadata, std::vector<QByteArray> buffers) {
    if (!m_open || !m_client)
        return {};
    return m_client->sendCommMessage("comm_msg", {{"comm_id", m_commId}, {"data", std::move(data)}},
                                     std::move(metadata), std::move(buffers));
}

void Comm::close(Json data) {
    if (!m_open)
        return;
    if (m_client) {
        m_client->sendCommMessage("comm_close", {{"comm_id", m_commId}, {"data", std::move(data)}},
                                  Json::object(), {});
        m_client->m_comms.erase(m_commId);
    }
    markClosed();
}

void Comm::markClosed() {
    if (!std::exchange(m_open, false))
        return;
    emit closed();
}

// ---- KernelClient's side of comms ---------------------------------------------------------

void KernelClient::registerCommTarget(const QString& targetName) {
    m_commTargets.insert(targetName.toStdString());
}

Comm* KernelClient::openComm(const QString& targetName, Json data, Json metadata,
                             QObject* context) {
    auto* comm = new Comm(this, newMessageId(), targetName.toStdString(), context ? context : this);
    m_comms[comm->commId()] = comm;
    sendCommMessage("comm_open",
                    {{"comm_id", comm->commId()},
                     {"target_name", comm->targetName()},
                     {"data", std::move(data)}},
                    std::move(metadata), {});
    return comm;
}

std::string KernelClient::sendCommMessage(std::string_view msgType, Json content, Json metadata,
                                          std::vector<QByteArray> buffers) {
    if (!m_channels || m_status == KernelStatus::Dead)
        return {};
    Message message = makeMessage(msgType, std::move(content), m_session);
    std::string id(message.msgId());
    message.metadata = metadata.is_object() ? std::move(metadata) : Json::object();
    message.buffers = std::move(buffers);
    if (m_ready)
        sendNow(Channel::Shell, std::move(message));
    else
        m_queued.emplace_back(Channel::Shell, std::move(message));
    return id;
}

void KernelClient::onCommOpen(Message& message) {
    const std::string id = message.content.value("comm_id", std::string());
    const std::string target = message.content.value("target_name", std::string());
    if (id.empty())
        return;
    if (!m_commTargets.count(target)) {
        // What Jupyter frontends do for targets they do not know: close it again.
        sendCommMessage("comm_close", {{"comm_id", id}, {"data", Json::object()}}, Json::object(),
                        {});
        return;
    }
    auto* comm = new Comm(this, id, target, this);
    m_comms[id] = comm;
    emit commOpened(comm, message);
}

void KernelClient::onCommMsg(Message& message) {
    const auto it = m_comms.find(message.content.value("comm_id", std::string()));
    if (it == m_comms.end() || !it->second) {
        qCDebug(lcClient) << "comm_msg for an unknown comm";
        return;
    }
    emit it->second->message(message);
}

void KernelClient::onCommClose(Message& message) {
    const auto it = m_comms.find(message.content.value("comm_id", std::string()));
    if (it == m_comms.end())
        return;
    QPointer<Comm> comm = it->second;
    m_comms.erase(it);
    if (comm)
        comm->markClosed();
}

} // namespace quire::kernel
