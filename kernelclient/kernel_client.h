#pragma once

#include "channels.h"
#include "comm.h"
#include "kernel_host.h"
#include "kernelspec_store.h"
#include "message.h"
#include "request.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <memory>
#include <optional>
#include <unordered_map>
#include <unordered_set>

namespace quire::kernel {

class JupyterServer;
class RemoteKernelStarter;

enum class KernelStatus { Starting, Idle, Busy, Restarting, Dead };
const char* kernelStatusName(KernelStatus status);

struct ExecuteOptions {
    bool silent = false;
    bool storeHistory = true;
    bool allowStdin = true;
    bool stopOnError = true;
    Json userExpressions = Json::object();
};

// The Jupyter messaging client the rest of Quire uses. Owns a transport (Channels) and,
// for local kernels, the kernel process (KernelHost). Runs on the GUI thread and never blocks.
// Requests made before the kernel is ready are queued and sent once the ready handshake
// (kernel_info until both a shell reply and some IOPub message arrived: the slow-joiner fix)
// has passed.
class KernelClient : public QObject {
    Q_OBJECT
public:
    explicit KernelClient(QObject* parent = nullptr);
    ~KernelClient() override; // stops the transport; a local kernel is killed

    // A kernel on this machine from its kernelspec (working directory: the notebook's folder).
    bool startLocal(const KernelSpec& spec, const QString& workingDirectory = {},
                    QString* error = nullptr);
    // Any transport; `host` may be null (then interrupts and restarts are messages only).
    // The handshake starts once the host has started the kernel (at once without a host).
    void attach(std::unique_ptr<Channels> channels, std::unique_ptr<KernelHost> host = nullptr);
    // A kernel on a Jupyter Server, for the notebook at `notebookPath` (relative to the
    // server's root): creates a session (a bare kernel on a gateway), then attaches
    // WebSocketChannels and a RemoteKernelHost. Asynchronous; on failure died() carries the
    // message and the starter's failed() the classified error. The starter deletes itself.
    RemoteKernelStarter* startRemote(JupyterServer* server, const QString& kernelName,
                                     const QString& notebookPath);

    KernelStatus status() const { return m_status; }
    bool isReady() const { return m_ready; }
    const Json& kernelInfo() const { return m_kernelInfo; } // kernel_info_reply content
    const std::string& session() const { return m_session; }
    Channels* channels() const { return m_channels.get(); }
    KernelHost* host() const { return m_host.get(); }

    // Requests. The handle is a child of `context` (of this client when null) and deletes
    // itself after finished(). Cursor positions count Unicode code points (see codePointOffset).
    Request* execute(const QString& code, const ExecuteOptions& options, QObject* context);
    Request* complete(const QString& code, int cursorPos, QObject* context);
    Request* inspect(const QString& code, int cursorPos, int detailLevel, QObject* context);
    Request* isComplete(const QString& code, QObject* context);
    Request* history(Json options, QObject* context);
    Request* commInfo(const QString& targetName, QObject* context);
    Request* kernelInfoRequest(QObject* context);

    // Answers the pending input_request (never logged: it may be a password).
    void inputReply(const QString& value);
    bool isWaitingForInput() const { return m_inputParent.has_value(); }

    // Comms: kernel-opened comms of registered targets arrive through commOpened; others are
    // closed again. openComm starts one from this side.
    void registerCommTarget(const QString& targetName);
    Comm* openComm(const QString& targetName, Json data, Json metadata, QObject* context);

    void interrupt();
    void restart();
    void shutdown();

    // Between QString (UTF-16) indexes and the protocol's code point offsets.
    static int codePointOffset(QStringView text, qsizetype utf16Index);
    static qsizetype utf16Offset(QStringView text, int codePoints);

signals:
    void statusChanged(quire::kernel::KernelStatus status);
    void ready();     // the handshake passed (after the start and after every restart)
    void restarted(); // a new kernel process answers (our restart, or one seen by its session)
    void died(const QString& reason);
    void shutdownFinished();
    void inputRequested(const QString& prompt, bool password);
    void commOpened(quire::kernel::Comm* comm, const quire::kernel::Message& openMessage);
    void iopubMessage(const quire::kernel::Message& message); // every one, any parent

private:
    friend class Comm;
    struct Pending {
        QPointer<Request> handle;
        bool replied = false;
        bool idle = false;
        std::optional<Message> reply;
        quint64 sendSeq = 0; // order in which requests went out
        qint64 repliedAtMs = 0;
    };
    using Handler = void (KernelClient::*)(Message& message);

    Request* request(Channel channel, std::string_view msgType, Json content, QObject* context);
    void sendNow(Channel channel, Message message);
    void onMessagesReady();
    void route(Channel channel, Message& message);
    void onIopub(Message& message);
    void onReply(Message& message);
    void onStdin(Message& message);
    void onStatus(Message& message);
    void onCommOpen(Message& message);
    void onCommMsg(Message& message);
    void onCommClose(Message& message);
    void checkKernelSession(const Message& message);
    void forwardToRequest(const Message& message);
    void finishIfComplete(const std::string& msgId);
    void finishAll(Request::Outcome outcome, const char* ename, const QString& evalue);
    void checkLostIdles();
    void beginHandshake();
    void handshakeStep();
    void onHandshakeProgress();
    void onHostStarted();
    void onHostStopped(bool expected, const QString& reason);
    void onHeartbeat(bool alive);
    void onServerRestarting();
    void markDead(const QString& reason);
    void setStatus(KernelStatus status);
    std::string sendCommMessage(std::string_view msgType, Json content, Json metadata,
                                std::vector<QByteArray> buffers);

    std::unique_ptr<KernelHost> m_host;
    std::unique_ptr<Channels> m_channels;
    std::string m_session;
    std::string m_kernelSession;
    KernelStatus m_status = KernelStatus::Starting;
    bool m_ready = false;
    bool m_restarting = false;
    bool m_shuttingDown = false;
    Json m_kernelInfo = Json::object();

    std::unordered_map<std::string, Pending> m_pending;
    std::vector<std::pair<Channel, Message>> m_queued; // until ready
    std::optional<Json> m_inputParent;                 // header of the pending input_request
    std::unordered_map<std::string, QPointer<Comm>> m_comms;
    std::unordered_set<std::string> m_commTargets;

    // handshake
    QTimer m_handshakeTimer;
    QElapsedTimer m_handshakeClock;
    std::unordered_set<std::string> m_handshakeIds;
    bool m_handshakeReply = false;
    bool m_handshakeIopub = false;

    // lost-idle fallback
    QTimer m_idleWatch;
    QElapsedTimer m_clock;
    qint64 m_lastIopubMs = 0;
    quint64 m_sendSeq = 0;
    quint64 m_newestIdleSeq = 0; // sendSeq of the latest request whose idle arrived
};

} // namespace quire::kernel
