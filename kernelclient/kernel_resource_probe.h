#pragma once

#include "kernelclient/message.h"
#include "kernelclient/resource_probe.h"
#include "kernelclient/resource_snapshot.h"

#include <QObject>
#include <QPointer>

namespace quire::kernel {

class KernelClient;

// Samples the machine a kernel runs on from inside the kernel, for servers without terminals:
// a silent execute request (store_history off, nothing on the notebook's outputs) whose one
// user expression runs a small Python snippet in a namespace of its own, so the user's
// variables are untouched. The snippet gathers the same facts as the terminal script
// (remote_resources) and they are parsed the same way. Python kernels only (ipykernel).
//
// A busy kernel answers after the running cell: one sample at a time is sent. CPU percent
// is measured over 0.5 s on the first sample (the kernel sleeps), then over the time since the
// previous sample.
class KernelResourceProbe : public QObject {
    Q_OBJECT
public:
    explicit KernelResourceProbe(KernelClient* client, QObject* parent = nullptr);

    KernelClient* client() const { return m_client; }
    // Sends the request; sampled() or failed() follows, later. False while one is on its way.
    bool sample();
    bool isSampling() const { return m_sampling; }

    // The Python expression sent as user expression "quire_resources" (for tests).
    static QString expression(double cpuWindowSeconds);

signals:
    void sampled(const quire::kernel::ResourceSnapshot& snapshot);
    void failed(const QString& error);

private:
    void onReply(const Json& content);

    QPointer<KernelClient> m_client;
    std::optional<ResourceProbe::CpuTimes> m_previousCpu;
    bool m_sampling = false;
    bool m_first = true;
};

} // namespace quire::kernel
