// Helpers shared by the kernel integration tests (real kernels, no fakes).
#pragma once

#include "kernelclient/kernel_client.h"
#include "kernelclient/kernelspec_store.h"
#include "kernelclient/local_kernel_launcher.h"

#include <QSignalSpy>
#include <QTest>
#include <csignal>
#include <memory>

// Compares anything std::string can be made of, printing both on failure.
#define QCOMPARE_STR(actual, expected)                                                             \
    QCOMPARE(QString::fromStdString(std::string(actual)),                                          \
             QString::fromStdString(std::string(expected)))

namespace quire::kernel::test {

// What one request produced, gathered until it finished.
struct Run {
    std::vector<Message> iopub;
    Json reply;
    bool finished = false;
    Request::Outcome outcome = Request::Outcome::Pending;

    QString stream(const std::string& name = "stdout") const {
        QString text;
        for (const auto& m : iopub)
            if (m.msgType() == "stream" && m.content.value("name", "") == name)
                text += QString::fromStdString(m.content.value("text", ""));
        return text;
    }
    const Message* first(std::string_view type) const {
        for (const auto& m : iopub)
            if (m.msgType() == type)
                return &m;
        return nullptr;
    }
    std::string status() const { return reply.value("status", ""); }
};

// Hooks a request up to a Run (the Run must outlive the request's signals).
inline void collect(Request* request, const std::shared_ptr<Run>& run) {
    QObject::connect(request, &Request::iopub, request,
                     [run](const Message& m) { run->iopub.push_back(m.clone()); });
    QObject::connect(request, &Request::finished, request, [run, request](const Message& reply) {
        run->reply = reply.content;
        run->outcome = request->outcome();
        run->finished = true;
    });
}

inline std::shared_ptr<Run> execute(KernelClient& client, const QString& code,
                                    ExecuteOptions options = {}, int timeoutMs = 30000) {
    auto run = std::make_shared<Run>();
    collect(client.execute(code, options, &client), run);
    (void)QTest::qWaitFor([&] { return run->finished; }, timeoutMs); // callers check finished
    return run;
}

inline std::optional<KernelSpec> findSpec(const QString& name) {
    return KernelSpecStore().find(name);
}

// Starts a kernel and waits for the ready handshake.
inline std::unique_ptr<KernelClient> startKernel(const QString& name, int timeoutMs = 60000) {
    const auto spec = findSpec(name);
    if (!spec)
        return nullptr;
    auto client = std::make_unique<KernelClient>();
    QString error;
    if (!client->startLocal(*spec, QString(), &error)) {
        qWarning() << "cannot start" << name << error;
        return nullptr;
    }
    if (!QTest::qWaitFor([&] { return client->isReady(); }, timeoutMs))
        return nullptr;
    return client;
}

inline qint64 kernelPid(const KernelClient& client) {
    auto* launcher = qobject_cast<LocalKernelLauncher*>(client.host());
    return launcher ? launcher->processId() : 0;
}

inline bool processExists(qint64 pid) {
    return pid > 0 && (::kill(pid_t(pid), 0) == 0 || errno != ESRCH);
}

// A zombie still "exists" for kill(0); check /proc for a process that is really running.
inline bool processRunning(qint64 pid) {
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return false;
    const QByteArray text = stat.readAll();
    const auto close = text.lastIndexOf(')');
    return close > 0 && close + 2 < text.size() && text[close + 2] != 'Z';
}

} // namespace quire::kernel::test
