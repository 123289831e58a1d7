// Remote kernels over a Jupyter Server's WebSocket beside local ZeroMQ, same python3 kernelspec,
// same machine (jupyter_server on 127.0.0.1):
//   execute round trip of `pass` (execute_request -> reply + IOPub idle): median and p95, beside a
//   Python client (tornado's WebSocket, legacy JSON frames) on the same server as the floor;
//   20,000 flushed prints through the server with its default IOPub rate limits and with them
//   raised: time, and how many lines reached us.
// Usage: bench_ws_roundtrip [ROUNDS=200]   (QUIRE_PYTHON: the server's Python, /usr/bin/python3)
#include "../integration/jupyter_server_fixture.h"
#include "kernelclient/jupyter_server.h"
#include "kernelclient/kernel_client.h"
#include "kernelclient/kernelspec_store.h"
#include "kernelclient/remote_kernel_starter.h"
#include "kernelclient/websocket_channels.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <algorithm>
#include <cstdio>

using namespace quire::kernel;
using namespace quire::kernel::test;

namespace {

double percentile(std::vector<double> v, double p) {
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, size_t(p * double(v.size())))];
}

bool waitFor(const std::function<bool()>& done, int timeoutMs) {
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    }
    return true;
}

std::vector<double> roundTrips(KernelClient& client, int n) {
    std::vector<double> ms;
    for (int i = 0; i < n + 5; ++i) {
        bool done = false;
        QElapsedTimer t;
        t.start();
        auto* r = client.execute(QStringLiteral("pass"), {}, &client);
        QObject::connect(r, &Request::finished, &client, [&] { done = true; });
        waitFor([&] { return done; }, 30000);
        if (i >= 5) // warm-up
            ms.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    return ms;
}

struct Flood {
    double seconds = 0;
    qsizetype lines = 0;    // stdout lines the request got
    qsizetype allLines = 0; // stdout lines of every IOPub message the client saw, 2 s longer
    bool rateLimited = false;
};

Flood flood(KernelClient& client, int lines) {
    Flood f;
    bool done = false;
    QElapsedTimer t;
    t.start();
    auto* r = client.execute(QStringLiteral("for i in range(%1): print(i, flush=True)").arg(lines),
                             {}, &client);
    QObject::connect(r, &Request::iopub, &client, [&](const Message& m) {
        if (m.msgType() != "stream")
            return;
        const auto& text = m.content["text"].get_ref<const std::string&>();
        if (m.content.value("name", "") == "stderr")
            f.rateLimited = f.rateLimited || text.find("rate exceeded") != std::string::npos;
        else
            f.lines += std::count(text.begin(), text.end(), '\n');
    });
    QObject::connect(r, &Request::finished, &client, [&] { done = true; });
    // Everything the transport delivered, whatever its parent: tells our drops from upstream ones.
    auto all =
        QObject::connect(&client, &KernelClient::iopubMessage, &client, [&](const Message& m) {
            if (m.msgType() == "stream" && m.content.value("name", "") == "stdout") {
                const auto& text = m.content["text"].get_ref<const std::string&>();
                f.allLines += std::count(text.begin(), text.end(), '\n');
            }
        });
    waitFor([&] { return done; }, 300000);
    f.seconds = double(t.nsecsElapsed()) / 1e9;
    QElapsedTimer linger;
    linger.start();
    waitFor([&] { return linger.elapsed() > 2000; }, 3000);
    QObject::disconnect(all);
    return f;
}

std::unique_ptr<KernelClient> remoteKernel(JupyterServer& server) {
    auto client = std::make_unique<KernelClient>();
    client->startRemote(&server, QStringLiteral("python3"), QStringLiteral("bench.ipynb"));
    if (!waitFor([&] { return client->isReady() || client->status() == KernelStatus::Dead; },
                 60000) ||
        !client->isReady())
        return nullptr;
    return client;
}

void stop(KernelClient& client) {
    bool finished = false;
    QObject::connect(&client, &KernelClient::shutdownFinished, &client, [&] { finished = true; });
    client.shutdown();
    waitFor([&] { return finished; }, 15000);
}

// The same round trip from Python (tornado's websocket client) on the same server: what the
// server and kernel cost without Quire.
const char* kPythonClient = R"PY(
import asyncio, json, time, uuid, sys, statistics
from tornado.websocket import websocket_connect
from tornado.httpclient import AsyncHTTPClient, HTTPRequest
base, token, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3])
H = {"Authorization": "token " + token}
async def main():
    c = AsyncHTTPClient()
    r = await c.fetch(HTTPRequest(base + "api/kernels", method="POST", headers=H,
                                  body=json.dumps({"name": "python3"})))
    kid = json.loads(r.body)["id"]
    sess = uuid.uuid4().hex
    ws = await websocket_connect(HTTPRequest(
        base.replace("http", "ws", 1) + "api/kernels/%s/channels?session_id=%s" % (kid, sess),
        headers=H))
    times = []
    for i in range(rounds + 5):
        mid = uuid.uuid4().hex
        ws.write_message(json.dumps({"channel": "shell", "header": {
            "msg_id": mid, "msg_type": "execute_request", "session": sess, "username": "",
            "version": "5.3", "date": ""}, "parent_header": {}, "metadata": {}, "content": {
            "code": "pass", "silent": False, "store_history": True, "user_expressions": {},
            "allow_stdin": False, "stop_on_error": True}}))
        t = time.perf_counter()
        reply = idle = False
        while not (reply and idle):
            m = json.loads(await ws.read_message())
            if m["parent_header"].get("msg_id") != mid:
                continue
            reply = reply or m["msg_type"] == "execute_reply"
            idle = idle or (m["msg_type"] == "status" and m["content"]["execution_state"] == "idle")
        if i >= 5:
            times.append((time.perf_counter() - t) * 1000)
    times.sort()
    print("%.3f %.3f" % (times[len(times) // 2], times[min(len(times) - 1, int(0.95 * len(times)))]))
    await c.fetch(HTTPRequest(base + "api/kernels/" + kid, method="DELETE", headers=H))
asyncio.run(main())
)PY";

// {median, p95} of the Python client, or {} when it cannot run.
std::vector<double> pythonRoundTrips(const JupyterServerProcess& server, int rounds) {
    QProcess p;
    p.start(serverPython(), {QStringLiteral("-c"), QString::fromUtf8(kPythonClient),
                             server.baseUrl(), server.token, QString::number(rounds)});
    if (!p.waitForFinished(300000) || p.exitCode() != 0)
        return {};
    const QStringList parts = QString::fromUtf8(p.readAllStandardOutput()).split(' ');
    return parts.size() == 2 ? std::vector<double>{parts[0].toDouble(), parts[1].toDouble()}
                             : std::vector<double>{};
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const int rounds = argc > 1 ? std::max(10, atoi(argv[1])) : 200;
    constexpr int kFloodLines = 20000;
    if (const QString why = missingModule(QStringLiteral("jupyter_server")); !why.isEmpty()) {
        std::fprintf(stderr, "skipped: %s\n", qPrintable(why));
        return 0;
    }

    JupyterServerProcess defaults;
    JupyterServerProcess raised;
    raised.extraArgs = {QStringLiteral("--ServerApp.iopub_msg_rate_limit=1000000000"),
                        QStringLiteral("--ServerApp.iopub_data_rate_limit=1000000000000")};
    QString error;
    if (!defaults.start(&error) || !raised.start(&error)) {
        std::fprintf(stderr, "cannot start jupyter_server: %s\n", qPrintable(error));
        return 1;
    }
    JupyterServer defaultServer(*ServerEndpoint::parse(defaults.urlWithToken()));
    JupyterServer raisedServer(*ServerEndpoint::parse(raised.urlWithToken()));

    // Round trips: WebSocket (default server) vs ZeroMQ (local), same kernelspec.
    auto remote = remoteKernel(defaultServer);
    const auto spec = KernelSpecStore().find(QStringLiteral("python3"));
    auto local = std::make_unique<KernelClient>();
    if (!remote || !spec || !local->startLocal(*spec) ||
        !waitFor([&] { return local->isReady(); }, 60000)) {
        std::fprintf(stderr, "cannot start the kernels\n");
        return 1;
    }
    const auto framing = qobject_cast<WebSocketChannels*>(remote->channels())->framing();
    const auto ws = roundTrips(*remote, rounds);
    const auto zmq = roundTrips(*local, rounds);
    std::printf("execute round trip of `pass`, %d rounds (after 5 warm-up)\n", rounds);
    std::printf("  websocket (%s): median %.3f ms  p95 %.3f ms\n",
                framing == WebSocketChannels::Framing::V1 ? "v1 binary" : "legacy JSON",
                percentile(ws, 0.5), percentile(ws, 0.95));
    std::printf("  zeromq (local):      median %.3f ms  p95 %.3f ms\n", percentile(zmq, 0.5),
                percentile(zmq, 0.95));
    if (const auto py = pythonRoundTrips(defaults, rounds); py.size() == 2)
        std::printf("  python tornado client on the same server (legacy JSON): median %.3f ms  "
                    "p95 %.3f ms\n",
                    py[0], py[1]);
    std::printf("  ratio websocket/zeromq: median %.2fx  p95 %.2fx\n",
                percentile(ws, 0.5) / percentile(zmq, 0.5),
                percentile(ws, 0.95) / percentile(zmq, 0.95));

    std::printf("%d flushed prints (one stream message each)\n", kFloodLines);
    const Flood zf = flood(*local, kFloodLines);
    std::printf("  zeromq (local):                 %.2f s, %lld lines received\n", zf.seconds,
                static_cast<long long>(zf.lines));
    const Flood df = flood(*remote, kFloodLines);
    std::printf("  websocket, default rate limits: %.2f s, %lld lines received%s\n", df.seconds,
                static_cast<long long>(df.lines),
                df.rateLimited ? " (server sent \"IOPub message rate exceeded\")" : "");
    stop(*remote);
    auto unlimited = remoteKernel(raisedServer);
    if (!unlimited) {
        std::fprintf(stderr, "cannot start the kernel on the second server\n");
        return 1;
    }
    const Flood rf = flood(*unlimited, kFloodLines);
    std::printf("  websocket, limits raised:       %.2f s, %lld lines received%s\n", rf.seconds,
                static_cast<long long>(rf.lines), rf.rateLimited ? " (rate limited)" : "");
    std::printf("  (lines delivered by the transport, any parent, 2 s after: zeromq %lld, "
                "default %lld, raised %lld; undecodable frames %llu)\n",
                static_cast<long long>(zf.allLines), static_cast<long long>(df.allLines),
                static_cast<long long>(rf.allLines),
                static_cast<unsigned long long>(
                    qobject_cast<WebSocketChannels*>(unlimited->channels())->undecodable()));
    stop(*unlimited);
    stop(*local);
    return 0;
}
