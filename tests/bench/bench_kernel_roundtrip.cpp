// Kernel messaging figures on a real ipykernel, beside jupyter_client (and a raw pyzmq client,
// the kernel's own floor) measured in the same run:
//   execute round trip of `pass` (execute_request -> reply + IOPub idle), median of 200;
//   drain time of 20,000 flushed prints (20,000 stream messages) and of 200,000 plain prints;
//   CPU time this process spent on each drain.
// Usage: bench_kernel_roundtrip [ROUNDS=200]   (QUIRE_PYTHON: the peer's Python, /usr/bin/python3)
#include "kernelclient/kernel_client.h"
#include "kernelclient/kernelspec_store.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>
#include <algorithm>
#include <cstdio>
#include <sys/resource.h>

using namespace quire::kernel;

namespace {

double cpuSeconds() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

struct Drain {
    double seconds = 0, cpu = 0;
    double kernelSeconds = 0; // execute_input to idle by the kernel's own clock
    qsizetype lines = 0;
};

QDateTime headerDate(const Message& m) {
    return QDateTime::fromString(QString::fromStdString(normalizedDate(m.date())).left(23) +
                                     QLatin1Char('Z'),
                                 Qt::ISODateWithMs);
}

// Runs `code` and waits for it to finish; counts the newlines of its stdout stream.
Drain drain(KernelClient& client, const QString& code) {
    Drain d;
    bool done = false;
    QElapsedTimer t;
    const double cpu0 = cpuSeconds();
    t.start();
    auto* r = client.execute(code, {}, &client);
    QDateTime kernelStart;
    QObject::connect(r, &Request::iopub, &client, [&](const Message& m) {
        if (m.msgType() == "execute_input")
            kernelStart = headerDate(m);
        if (m.msgType() == "status" && m.content.value("execution_state", "") == "idle")
            d.kernelSeconds = double(kernelStart.msecsTo(headerDate(m))) / 1e3;
        if (m.msgType() == "stream") {
            const auto& text = m.content["text"].get_ref<const std::string&>();
            d.lines += std::count(text.begin(), text.end(), '\n');
        }
    });
    QObject::connect(r, &Request::finished, &client, [&] { done = true; });
    while (!done)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    d.seconds = double(t.nsecsElapsed()) / 1e9;
    d.cpu = cpuSeconds() - cpu0;
    return d;
}

std::vector<double> roundTrips(KernelClient& client, int n) {
    std::vector<double> ms;
    for (int i = 0; i < n; ++i) {
        bool done = false;
        QElapsedTimer t;
        t.start();
        ExecuteOptions options;
        options.storeHistory = false;
        auto* r = client.execute(QStringLiteral("pass"), options, &client);
        QObject::connect(r, &Request::finished, &client, [&] { done = true; });
        while (!done)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        ms.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    return ms;
}

// The peers, measured the same way in one Python process; prints one JSON object.
const char* kPeerScript = R"PY(
import json, sys, time, uuid, hmac, hashlib, datetime, statistics, zmq
from jupyter_client.manager import start_new_kernel
N = int(sys.argv[1])
out = {}
km, kc = start_new_kernel(kernel_name="python3")
kernel_side = {}
def run(code, count=False):
    msg_id = kc.execute(code, store_history=False)
    lines = 0
    while True:
        m = kc.get_iopub_msg(timeout=300)
        if m["parent_header"].get("msg_id") != msg_id: continue
        if count and m["msg_type"] == "stream": lines += m["content"]["text"].count("\n")
        if m["msg_type"] == "execute_input": kernel_side["start"] = m["header"]["date"]
        if m["msg_type"] == "status" and m["content"]["execution_state"] == "idle":
            kernel_side["s"] = (m["header"]["date"] - kernel_side["start"]).total_seconds(); break
    kc.get_shell_msg(timeout=60)
    return lines
for _ in range(20): run("pass")
rt = []
for _ in range(N):
    t = time.perf_counter(); run("pass"); rt.append((time.perf_counter() - t) * 1e3)
out["jc_rt_median_ms"] = statistics.median(rt)
for name, code in (("20k", "for i in range(20000): print(i, flush=True)"), ("200k", "for i in range(200000): print(i)")):
    c = time.process_time(); t = time.perf_counter(); lines = run(code, True)
    out["jc_%s_s" % name] = time.perf_counter() - t; out["jc_%s_cpu_s" % name] = time.process_time() - c
    out["jc_%s_lines" % name] = lines; out["jc_%s_kernel_s" % name] = kernel_side["s"]
ci = km.get_connection_info(); kc.stop_channels()
# raw pyzmq: one DEALER + one SUB, no threads (the leanest client: the kernel's floor)
key = ci["key"] if isinstance(ci["key"], bytes) else ci["key"].encode()
ctx = zmq.Context(); addr = lambda p: "%s://%s:%d" % (ci["transport"], ci["ip"], ci[p])
shell = ctx.socket(zmq.DEALER); shell.connect(addr("shell_port"))
iopub = ctx.socket(zmq.SUB); iopub.setsockopt(zmq.SUBSCRIBE, b""); iopub.connect(addr("iopub_port"))
sess = uuid.uuid4().hex
def send(msg_type, content):
    mid = uuid.uuid4().hex
    h = json.dumps({"msg_id": mid, "session": sess, "username": "u", "date": datetime.datetime.utcnow().isoformat() + "Z", "msg_type": msg_type, "version": "5.3"}).encode()
    parts = [h, b"{}", b"{}", json.dumps(content).encode()]
    sig = hmac.new(key, digestmod=hashlib.sha256); [sig.update(p) for p in parts]
    shell.send_multipart([b"<IDS|MSG>", sig.hexdigest().encode()] + parts); return mid
def wait_idle(mid):
    while True:
        fr = iopub.recv_multipart(); i = fr.index(b"<IDS|MSG>")
        if json.loads(fr[i + 3]).get("msg_id") == mid and json.loads(fr[i + 2])["msg_type"] == "status" and json.loads(fr[i + 5])["execution_state"] == "idle":
            shell.recv_multipart(); return
poller = zmq.Poller(); poller.register(iopub, zmq.POLLIN)
while True:
    mid = send("kernel_info_request", {})
    if poller.poll(500): wait_idle(mid); break
    shell.recv_multipart()
def raw(code):
    wait_idle(send("execute_request", {"code": code, "silent": False, "store_history": False, "user_expressions": {}, "allow_stdin": False, "stop_on_error": True}))
for _ in range(20): raw("pass")
rt = []
for _ in range(N):
    t = time.perf_counter(); raw("pass"); rt.append((time.perf_counter() - t) * 1e3)
out["raw_rt_median_ms"] = statistics.median(rt)
km.shutdown_kernel(now=True)
print(json.dumps(out))
)PY";

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const int rounds = argc > 1 ? std::max(1, atoi(argv[1])) : 200;
    const auto spec = KernelSpecStore().find(QStringLiteral("python3"));
    if (!spec) {
        std::fprintf(stderr, "no python3 kernelspec\n");
        return 1;
    }
    QJsonObject ours;
    {
        KernelClient client;
        QElapsedTimer start;
        start.start();
        if (!client.startLocal(*spec)) {
            std::fprintf(stderr, "cannot start python3\n");
            return 1;
        }
        while (!client.isReady() && client.status() != KernelStatus::Dead)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        ours[QStringLiteral("start_to_ready_s")] = double(start.nsecsElapsed()) / 1e9;
        roundTrips(client, 20); // warm-up
        ours[QStringLiteral("rt_median_ms")] = median(roundTrips(client, rounds));
        for (const auto& [name, code] :
             {std::pair{"20k", "for i in range(20000): print(i, flush=True)"},
              std::pair{"200k", "for i in range(200000): print(i)"}}) {
            const Drain d = drain(client, QString::fromLatin1(code));
            ours[QStringLiteral("%1_s").arg(QLatin1String(name))] = d.seconds;
            ours[QStringLiteral("%1_cpu_s").arg(QLatin1String(name))] = d.cpu;
            ours[QStringLiteral("%1_lines").arg(QLatin1String(name))] = double(d.lines);
            ours[QStringLiteral("%1_kernel_s").arg(QLatin1String(name))] = d.kernelSeconds;
        }
    }
    QProcess peer;
    peer.start(qEnvironmentVariable("QUIRE_PYTHON", QStringLiteral("/usr/bin/python3")),
               {QStringLiteral("-c"), QString::fromUtf8(kPeerScript), QString::number(rounds)});
    peer.waitForFinished(600000);
    const QByteArray peerOut = peer.readAllStandardOutput();
    const QJsonObject theirs =
        QJsonDocument::fromJson(peerOut.split('\n').value(peerOut.count('\n') - 1)).object();
    if (theirs.isEmpty())
        std::fprintf(stderr, "peer failed: %s\n", peer.readAllStandardError().constData());

    auto num = [](const QJsonObject& o, const char* key) {
        return o.value(QLatin1String(key)).toDouble();
    };
    std::printf("kernel start to ready                 %8.3f s\n", num(ours, "start_to_ready_s"));
    std::printf("execute round trip, median of %d     quire %7.3f ms   jupyter_client %7.3f ms "
                "(%.2fx)   raw pyzmq %7.3f ms (%.2fx)\n",
                rounds, num(ours, "rt_median_ms"), num(theirs, "jc_rt_median_ms"),
                num(ours, "rt_median_ms") / num(theirs, "jc_rt_median_ms"),
                num(theirs, "raw_rt_median_ms"),
                num(ours, "rt_median_ms") / num(theirs, "raw_rt_median_ms"));
    for (const char* name : {"20k", "200k"}) {
        const auto key = [&](const char* prefix, const char* suffix) {
            return QByteArray(prefix) + name + suffix;
        };
        std::printf(
            "%-5s print drain   quire %7.3f s (kernel %6.3f s, cpu %6.3f s, %7.0f lines)   "
            "jupyter_client %7.3f s (kernel %6.3f s, cpu %6.3f s, %7.0f lines)   time %.2fx, "
            "cpu %.2fx\n",
            name, num(ours, key("", "_s")), num(ours, key("", "_kernel_s")),
            num(ours, key("", "_cpu_s")), num(ours, key("", "_lines")),
            num(theirs, key("jc_", "_s")), num(theirs, key("jc_", "_kernel_s")),
            num(theirs, key("jc_", "_cpu_s")), num(theirs, key("jc_", "_lines")),
            num(ours, key("", "_s")) / num(theirs, key("jc_", "_s")),
            num(ours, key("", "_cpu_s")) / num(theirs, key("jc_", "_cpu_s")));
    }
    std::printf("%s\n", QJsonDocument(QJsonObject{{QStringLiteral("quire"), ours},
                                                  {QStringLiteral("peers"), theirs}})
                            .toJson(QJsonDocument::Compact)
                            .constData());
    return 0;
}
