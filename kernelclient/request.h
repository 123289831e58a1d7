#pragma once

#include "message.h"

#include <QObject>
#include <QString>

namespace quire::kernel {

// One request to the kernel (execute, complete, inspect, ...), bound to a context object:
// it is a child of that context, so when a cell or notebook goes away its pending replies and
// outputs are dropped with it. It deletes itself (deleteLater) after finished().
class Request : public QObject {
    Q_OBJECT
public:
    // How a request ended.
    enum class Outcome { Pending, Completed, KernelDied, KernelRestarted };
    Q_ENUM(Outcome)

    Request(std::string msgId, std::string msgType, QObject* context);

    const std::string& msgId() const { return m_msgId; }
    const std::string& msgType() const { return m_msgType; }
    Outcome outcome() const { return m_outcome; }
    bool isFinished() const { return m_outcome != Outcome::Pending; }

signals:
    // Every IOPub message whose parent is this request (stream, display_data, execute_result,
    // update_display_data, clear_output, error, execute_input, status, comm_*...), in order.
    void iopub(const quire::kernel::Message& message);
    // The shell (or control) reply; finished() may still wait for the IOPub idle.
    void replied(const quire::kernel::Message& reply);
    // The kernel asks for input (input() / getpass()); answer with KernelClient::inputReply.
    void inputRequested(const QString& prompt, bool password);
    // Both the reply and the IOPub idle arrived (in either order), or the kernel died or
    // restarted first; then `reply` is made up here: content.status "error" with ename
    // "DeadKernelError" / "KernelRestarted".
    void finished(const quire::kernel::Message& reply);

private:
    friend class KernelClient;
    void finish(Outcome outcome, const Message& reply);

    std::string m_msgId;
    std::string m_msgType;
    Outcome m_outcome = Outcome::Pending;
};

} // namespace quire::kernel
