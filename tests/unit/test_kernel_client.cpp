// KernelClient's bookkeeping against a scripted transport (no kernel, no sockets).
#include "kernelclient/kernel_client.h"

#include <QSignalSpy>
#include <QTest>

using namespace quire::kernel;

namespace {

// A Channels that records what is sent and lets the test play the kernel.
class FakeChannels final : public Channels {
public:
    std::vector<std::pair<Channel, Message>> sent;
    std::vector<Received> inbox;
    int reconnects = 0;

    void deliver(Channel channel, Message message) {
        inbox.push_back({channel, std::move(message)});
        emit messagesReady();
    }
    const Message* lastSent(std::string_view type) const {
        for (auto it = sent.rbegin(); it != sent.rend(); ++it)
            if (it->second.msgType() == type)
                return &it->second;
        return nullptr;
    }

private:
    void doSend(Channel channel, Message message) override {
        sent.emplace_back(channel, std::move(message));
    }
    std::vector<Received> doTakeReceived() override { return std::exchange(inbox, {}); }
    void doReconnect() override { ++reconnects; }
};

// Counts emissions of a signal whose arguments QSignalSpy cannot copy (move-only Message).
struct Counter {
    int n = 0;
    QMetaObject::Connection c;
    template <typename Object, typename Signal> Counter(Object* sender, Signal signal) {
        c = QObject::connect(sender, signal, sender, [this] { ++n; });
    }
    ~Counter() { QObject::disconnect(c); }
    int size() const { return n; }
};

const char* kKernelSession = "kernel-session-1";

Message fromKernel(std::string_view type, const Message& parent, Json content,
                   std::string_view session = kKernelSession) {
    Message m = makeMessage(type, std::move(content), session, parent.header);
    return m;
}

} // namespace

class TestKernelClient : public QObject {
    Q_OBJECT
    KernelClient* client = nullptr;
    FakeChannels* channels = nullptr;

    void replyTo(const Message& request, Json content = {{"status", "ok"}}) {
        channels->deliver(
            Channel::Shell,
            fromKernel(std::string(request.msgType().substr(0, request.msgType().size() - 8)) +
                           "_reply",
                       request, std::move(content)));
    }
    void status(const Message& request, const char* state) {
        channels->deliver(Channel::IOPub,
                          fromKernel("status", request, {{"execution_state", state}}));
    }
    // Passes the ready handshake: a kernel_info reply and one IOPub message.
    void handshake() {
        const Message* probe = channels->lastSent("kernel_info_request");
        QVERIFY(probe);
        replyTo(*probe, {{"status", "ok"}, {"language_info", {{"name", "python"}}}});
        QVERIFY(!client->isReady()); // IOPub not seen yet: the slow joiner case
        status(*probe, "idle");
        QVERIFY(client->isReady());
    }

private slots:
    void init() {
        client = new KernelClient;
        auto fake = std::make_unique<FakeChannels>();
        channels = fake.get();
        client->attach(std::move(fake));
        handshake();
        QCOMPARE(client->status(), KernelStatus::Idle);
    }
    void cleanup() { delete client; }

    void handshakeRepeatsKernelInfoUntilIopub() {
        KernelClient c;
        auto fake = std::make_unique<FakeChannels>();
        FakeChannels* f = fake.get();
        c.attach(std::move(fake));
        QTRY_VERIFY_WITH_TIMEOUT(f->sent.size() >= 3, 2000);
        for (const auto& [channel, m] : f->sent)
            QCOMPARE(m.msgType(), std::string_view("kernel_info_request"));
        QVERIFY(!c.isReady());
    }

    void lateHandshakeTrafficLeavesStatusAlone() {
        KernelClient c;
        auto fake = std::make_unique<FakeChannels>();
        FakeChannels* f = fake.get();
        c.attach(std::move(fake));
        QTRY_VERIFY_WITH_TIMEOUT(f->sent.size() >= 2, 2000); // two probes out
        const Message first = f->sent[0].second.clone();
        const Message second = f->sent[1].second.clone();
        f->deliver(Channel::Shell, fromKernel("kernel_info_reply", first, {{"status", "ok"}}));
        f->deliver(Channel::IOPub, fromKernel("status", first, {{"execution_state", "idle"}}));
        QVERIFY(c.isReady());
        // the kernel now answers the second probe: not a busy kernel
        f->deliver(Channel::IOPub, fromKernel("status", second, {{"execution_state", "busy"}}));
        QCOMPARE(c.status(), KernelStatus::Idle);
        f->deliver(Channel::Shell, fromKernel("kernel_info_reply", second, {{"status", "ok"}}));
        f->deliver(Channel::IOPub, fromKernel("status", second, {{"execution_state", "idle"}}));
        QCOMPARE(c.status(), KernelStatus::Idle);
    }

    void queuedBeforeReady() {
        KernelClient c;
        auto fake = std::make_unique<FakeChannels>();
        FakeChannels* f = fake.get();
        c.attach(std::move(fake));
        c.execute(QStringLiteral("1"), {}, &c);
        QVERIFY(!f->lastSent("execute_request"));
        const Message* probe = f->lastSent("kernel_info_request");
        f->deliver(Channel::Shell, fromKernel("kernel_info_reply", *probe, {{"status", "ok"}}));
        f->deliver(Channel::IOPub, fromKernel("status", *probe, {{"execution_state", "idle"}}));
        QVERIFY(c.isReady());
        QVERIFY(f->lastSent("execute_request"));
    }

    void finishesOnlyWithReplyAndIdle_replyFirst() {
        Request* r = client->execute(QStringLiteral("x"), {}, client);
        Counter finished(r, &Request::finished);
        const Message& sent = *channels->lastSent("execute_request");
        QCOMPARE(sent.content.value("code", ""), std::string("x"));
        status(sent, "busy");
        QCOMPARE(client->status(), KernelStatus::Busy);
        replyTo(sent);
        QCOMPARE(finished.size(), 0);
        channels->deliver(Channel::IOPub,
                          fromKernel("stream", sent, {{"name", "stdout"}, {"text", "late"}}));
        status(sent, "idle");
        QCOMPARE(finished.size(), 1);
        QCOMPARE(client->status(), KernelStatus::Idle);
    }

    void finishesOnlyWithReplyAndIdle_idleFirst() {
        Request* r = client->execute(QStringLiteral("x"), {}, client);
        Counter finished(r, &Request::finished);
        Counter iopub(r, &Request::iopub);
        const Message& sent = *channels->lastSent("execute_request");
        status(sent, "busy");
        status(sent, "idle");
        QCOMPARE(finished.size(), 0);
        QCOMPARE(iopub.size(), 2);
        replyTo(sent, {{"status", "ok"}, {"execution_count", 3}});
        QCOMPARE(finished.size(), 1);
        QCOMPARE(r->outcome(), Request::Outcome::Completed);
    }

    void lostIdleIsRecoveredWhenALaterRequestGoesIdle() {
        Request* first = client->execute(QStringLiteral("a"), {}, client);
        Counter firstDone(first, &Request::finished);
        const Message a = channels->lastSent("execute_request")->clone();
        client->execute(QStringLiteral("b"), {}, client);
        const Message b = channels->lastSent("execute_request")->clone();
        replyTo(a); // a's idle is never delivered
        replyTo(b);
        status(b, "idle");
        QTRY_COMPARE_WITH_TIMEOUT(firstDone.size(), 1, 2000);
    }

    void otherClientsStatusDoesNotFinishRequests() {
        Request* r = client->execute(QStringLiteral("a"), {}, client);
        Counter done(r, &Request::finished);
        const Message a = channels->lastSent("execute_request")->clone();
        Message foreign = makeMessage("execute_request", Json::object(), "other-client");
        replyTo(a);
        status(foreign, "idle");
        QTest::qWait(700);
        QCOMPARE(done.size(), 0);
    }

    void deadContextDropsOutput() {
        auto* context = new QObject;
        client->execute(QStringLiteral("a"), {}, context);
        const Message a = channels->lastSent("execute_request")->clone();
        delete context;
        channels->deliver(Channel::IOPub,
                          fromKernel("stream", a, {{"name", "stdout"}, {"text", "x"}}));
        replyTo(a);
        status(a, "idle"); // no crash, nothing to deliver to
        QCOMPARE(client->status(), KernelStatus::Idle);
    }

    void inputRequestAndReply() {
        Request* r = client->execute(QStringLiteral("input()"), {}, client);
        QSignalSpy asked(r, &Request::inputRequested);
        const Message a = channels->lastSent("execute_request")->clone();
        Message ask = fromKernel("input_request", a, {{"prompt", "pw: "}, {"password", true}});
        const Json askHeader = ask.header;
        channels->deliver(Channel::Stdin, std::move(ask));
        QCOMPARE(asked.size(), 1);
        QCOMPARE(asked.at(0).at(1).toBool(), true);
        client->inputReply(QStringLiteral("secret"));
        const auto& [channel, reply] = channels->sent.back();
        QCOMPARE(channel, Channel::Stdin);
        QCOMPARE(reply.content.value("value", ""), std::string("secret"));
        QVERIFY(reply.parentHeader == askHeader);
        QVERIFY(!client->isWaitingForInput());
    }

    void sessionChangeMeansRestart() {
        QSignalSpy restarted(client, &KernelClient::restarted);
        Request* r = client->execute(QStringLiteral("a"), {}, client);
        Counter done(r, &Request::finished);
        const Message a = channels->lastSent("execute_request")->clone();
        status(a, "busy");
        channels->deliver(Channel::IOPub,
                          fromKernel("status", a, {{"execution_state", "busy"}}, "new-kernel"));
        QCOMPARE(restarted.size(), 1);
        QCOMPARE(done.size(), 1);
        QCOMPARE(r->outcome(), Request::Outcome::KernelRestarted);
    }

    void heartbeatLossWithoutHostIsDeath() {
        Request* r = client->execute(QStringLiteral("a"), {}, client);
        Counter done(r, &Request::finished);
        QSignalSpy died(client, &KernelClient::died);
        emit channels->heartbeatChanged(false);
        QCOMPARE(client->status(), KernelStatus::Dead);
        QCOMPARE(died.size(), 1);
        QCOMPARE(done.size(), 1);
        QCOMPARE(r->outcome(), Request::Outcome::KernelDied);
    }

    void commsAreRouted() {
        client->registerCommTarget(QStringLiteral("quire.test"));
        std::vector<Comm*> opened;
        connect(client, &KernelClient::commOpened, this,
                [&](Comm* comm, const Message&) { opened.push_back(comm); });
        Message parent = makeMessage("execute_request", Json::object(), client->session());
        channels->deliver(
            Channel::IOPub,
            fromKernel("comm_open", parent,
                       {{"comm_id", "c1"}, {"target_name", "quire.test"}, {"data", {{"v", 1}}}}));
        QCOMPARE(opened.size(), 1);
        Comm* comm = opened.at(0);
        QVERIFY(comm);
        int messages = 0;
        bool closed = false;
        connect(comm, &Comm::message, this,
                [&](const Message& m) { messages += m.content["data"].value("v", 0); });
        connect(comm, &Comm::closed, this, [&] { closed = true; });
        channels->deliver(Channel::IOPub, fromKernel("comm_msg", parent,
                                                     {{"comm_id", "c1"}, {"data", {{"v", 2}}}}));
        QCOMPARE(messages, 2);
        comm->send({{"x", 1}});
        QCOMPARE(channels->sent.back().second.msgType(), std::string_view("comm_msg"));
        channels->deliver(
            Channel::IOPub,
            fromKernel("comm_close", parent, {{"comm_id", "c1"}, {"data", Json::object()}}));
        QVERIFY(closed);
        // unknown targets are closed again
        channels->deliver(
            Channel::IOPub,
            fromKernel("comm_open", parent,
                       {{"comm_id", "c2"}, {"target_name", "nobody"}, {"data", Json::object()}}));
        QCOMPARE(channels->sent.back().second.msgType(), std::string_view("comm_close"));
        QCOMPARE(channels->sent.back().second.content.value("comm_id", ""), std::string("c2"));
    }

    void malformedContentDoesNotCrash() {
        Message parent = makeMessage("execute_request", Json::object(), client->session());
        channels->deliver(Channel::IOPub, fromKernel("status", parent, {{"execution_state", 42}}));
        channels->deliver(Channel::Stdin,
                          fromKernel("input_request", parent, {{"prompt", Json::array()}}));
        channels->deliver(Channel::IOPub, fromKernel("comm_open", parent, {{"comm_id", 7}}));
        QCOMPARE(client->status(), KernelStatus::Idle);
    }
};

QTEST_GUILESS_MAIN(TestKernelClient)
#include "test_kernel_client.moc"
