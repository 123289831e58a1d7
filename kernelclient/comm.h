#pragma once

#include "message.h"

#include <QObject>
#include <QPointer>

namespace quire::kernel {

class KernelClient;

// One side of a Jupyter comm (widgets and other kernel <-> frontend channels). Opened by the
// kernel (KernelClient::commOpened, for registered targets) or by us (KernelClient::openComm).
class Comm : public QObject {
    Q_OBJECT
public:
    Comm(KernelClient* client, std::string commId, std::string targetName, QObject* parent);

    const std::string& commId() const { return m_commId; }
    const std::string& targetName() const { return m_targetName; }
    bool isOpen() const { return m_open; }

    // Returns the comm_msg's msg_id ("" when nothing was sent): its IOPub status: idle says the
    // kernel has handled it.
    std::string send(Json data, Json metadata = Json::object(),
                     std::vector<QByteArray> buffers = {});
    void close(Json data = Json::object());

signals:
    void message(const quire::kernel::Message& message); // comm_msg from the kernel
    void closed();                                       // either side closed it

private:
    friend class KernelClient;
    void markClosed();

    QPointer<KernelClient> m_client;
    std::string m_commId;
    std::string m_targetName;
    bool m_open = true;
};

} // namespace quire::kernel
