#pragma once

#include <QObject>
#include <QTimer>
#include <memory>

namespace quire::kernel {
class KernelClient;
}

namespace quire::app {

// One kernel of the default kernelspec started ahead of time, so that a new notebook's first
// cell runs without waiting for a kernel start (about a second for ipykernel). It runs in
// the folder untitled notebooks use; a notebook elsewhere starts its own kernel there.
class WarmKernelPool : public QObject {
    Q_OBJECT
public:
    explicit WarmKernelPool(QObject* parent = nullptr);
    ~WarmKernelPool() override;

    void setEnabled(bool enabled);
    void setSpecName(const QString& name);
    // Where the warm kernel runs: the folder Quire was started in.
    QString workingDirectory() const { return m_dir; }

    // The warm kernel when it matches (it may still be starting), else null. Another one is
    // started a little later.
    std::unique_ptr<kernel::KernelClient> take(const QString& specName,
                                               const QString& workingDirectory);
    const kernel::KernelClient* warmKernel() const { return m_client.get(); }

signals:
    void warmKernelReady();

private:
    void refill();
    void discard();

    bool m_enabled = false;
    QString m_spec;
    QString m_dir;
    std::unique_ptr<kernel::KernelClient> m_client;
    QTimer m_refill;
    int m_failures = 0;
};

} // namespace quire::app
