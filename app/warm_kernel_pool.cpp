#include "warm_kernel_pool.h"

#include "kernelclient/kernel_client.h"
#include "kernelclient/kernelspec_store.h"

#include <QDir>
#include <QLoggingCategory>

namespace quire::app {

Q_LOGGING_CATEGORY(lcWarm, "quire.runtime.warm")

namespace {
constexpr int RefillDelayMs = 3000; // leave the CPU to the kernel just handed out
constexpr int MaxFailures = 3;      // a kernelspec that cannot start is not retried forever
} // namespace

WarmKernelPool::WarmKernelPool(QObject* parent) : QObject(parent), m_dir(QDir::currentPath()) {
    m_refill.setSingleShot(true);
    connect(&m_refill, &QTimer::timeout, this, &WarmKernelPool::refill);
}

WarmKernelPool::~WarmKernelPool() = default;

void WarmKernelPool::setEnabled(bool enabled) {
    if (enabled == m_enabled)
        return;
    m_enabled = enabled;
    if (enabled) {
        m_failures = 0;
        refill();
    } else {
        m_refill.stop();
        discard();
    }
}

void WarmKernelPool::setSpecName(const QString& name) {
    if (name == m_spec)
        return;
    m_spec = name;
    discard();
    m_failures = 0;
    if (m_enabled)
        refill();
}

void WarmKernelPool::discard() {
    if (!m_client)
        return;
    m_client->disconnect(this);
    m_client.reset(); // the client's destructor ends the kernel
}

void WarmKernelPool::refill() {
    if (!m_enabled || m_client || m_spec.isEmpty() || m_failures >= MaxFailures)
        return;
    const auto spec = kernel::KernelSpecStore().find(m_spec);
    if (!spec) {
        qCInfo(lcWarm) << "no kernelspec" << m_spec << "to keep warm";
        return;
    }
    auto client = std::make_unique<kernel::KernelClient>();
    QString error;
    if (!client->startLocal(*spec, m_dir, &error)) {
        ++m_failures;
        qCWarning(lcWarm) << "cannot start a warm" << m_spec << "kernel:" << error;
        return;
    }
    connect(client.get(), &kernel::KernelClient::ready, this, [this] {
        m_failures = 0;
        emit warmKernelReady();
    });
    connect(client.get(), &kernel::KernelClient::died, this, [this](const QString& reason) {
        ++m_failures;
        qCWarning(lcWarm) << "the warm kernel died:" << reason;
        QTimer::singleShot(0, this, [this] {
            discard();
            m_refill.start(RefillDelayMs);
        });
    });
    m_client = std::move(client);
}

std::unique_ptr<kernel::KernelClient> WarmKernelPool::take(const QString& specName,
                                                           const QString& workingDirectory) {
    if (!m_client || specName != m_spec ||
        QDir(workingDirectory).canonicalPath() != QDir(m_dir).canonicalPath() ||
        m_client->status() == kernel::KernelStatus::Dead)
        return nullptr;
    m_client->disconnect(this);
    m_refill.start(RefillDelayMs);
    return std::move(m_client);
}

} // namespace quire::app
