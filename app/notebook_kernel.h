#pragma once

#include "editor/model/cell.h"
#include "kernelclient/kernel_client.h"
#include "kernelclient/kernelspec_store.h"
#include "warm_kernel_pool.h"

#include <QObject>
#include <QPointer>
#include <memory>
#include <optional>

namespace quire::editor {
class CellExecutor;
class NotebookDocument;
} // namespace quire::editor

namespace quire::kernel {
class JupyterServer;
}

namespace quire::app {

class RemoteRuntimes;

// The kernel one notebook runs on: which kernelspec (the notebook's own, else the default),
// starting it on first use (a warm one when it fits), and the CellExecutor that runs the
// notebook's cells on it. Records the kernelspec and language_info in the notebook metadata
// once the kernel answers. Restart, interrupt and shutdown act on this notebook's kernel only.
class NotebookKernel : public QObject {
    Q_OBJECT
public:
    NotebookKernel(editor::NotebookDocument* document, QObject* parent = nullptr);
    ~NotebookKernel() override;

    // After Revert / reload: the executor follows the new document (what ran is forgotten).
    void setDocument(editor::NotebookDocument* document);
    void setWarmPool(WarmKernelPool* pool) { m_pool = pool; }
    // Where the kernel starts: the notebook's folder, else the warm kernels' folder.
    QString workingDirectory() const;

    editor::CellExecutor* executor() const { return m_executor.get(); }
    kernel::KernelClient* client() const { return m_client.get(); }
    bool hasKernel() const { return m_client != nullptr; }
    // The kernelspec in use, or the one the notebook asks for when none runs yet.
    QString specName() const;
    QString displayName() const;
    kernel::KernelStatus status() const;

    // Runs code cells in order, starting the kernel first when needed.
    void run(const std::vector<editor::CellPtr>& cells);
    // Starts `spec` (after the user chose it), replacing a running kernel, then runs what
    // waited for the choice.
    bool useKernel(const kernel::KernelSpec& spec, QString* error = nullptr);
    // Environment for the kernel's accelerators (CUDA_VISIBLE_DEVICES), added to the
    // kernelspec's own env from the next start on. A kernel with such env is never a warm one.
    void setAcceleratorEnvironment(QJsonObject env) { m_acceleratorEnv = std::move(env); }
    const QJsonObject& acceleratorEnvironment() const { return m_acceleratorEnv; }
    // Starts a fresh kernel of `spec` with the current accelerator environment (Change runtime
    // type); what was queued waits for it.
    bool restartWith(const kernel::KernelSpec& spec, QString* error = nullptr);
    // Forgets cells that waited for a kernel choice the user cancelled.
    void dropPending() { m_pending.clear(); }

    // Where the kernel runs: `runtimeId` of `runtimes`, or this machine when empty. Takes
    // effect at the next start (the caller shuts a running kernel down first).
    void setRuntime(RemoteRuntimes* runtimes, const QString& runtimeId);
    const QString& runtimeId() const { return m_runtimeId; }
    RemoteRuntimes* runtimes() const;
    QString runtimeName() const; // "" for the local runtime
    // A remote kernel is being started (the cells asked for wait for it).
    bool isConnecting() const { return m_connecting; }
    // The local kernel's process id (0 when there is none, or it runs on a remote runtime).
    qint64 localPid() const;
    // The remote runtime's socket dropped and is being reconnected (outputs are replayed).
    bool isReconnecting() const;

    void interrupt();
    void restart();
    void shutdown();

signals:
    void statusChanged();
    // The notebook's kernelspec (`wanted`, maybe "") is not installed: ask the user.
    void kernelChoiceNeeded(const QString& wanted);
    void startFailed(const QString& error);
    void died(const QString& reason); // not after shutdown()
    void executorReplaced();

private:
    QString wantedSpecName() const;
    bool ensureKernel();
    bool start(const kernel::KernelSpec& spec, QString* error);
    void adopt(std::unique_ptr<kernel::KernelClient> client);
    void recordKernelInMetadata();
    void startRemote();
    void startOnServer(kernel::JupyterServer* server);
    void remoteFailed(const QString& error);

    editor::NotebookDocument* m_doc;
    QPointer<WarmKernelPool> m_pool;
    std::unique_ptr<kernel::KernelClient> m_client;
    std::unique_ptr<editor::CellExecutor> m_executor;
    std::optional<kernel::KernelSpec> m_spec;
    std::vector<editor::CellPtr> m_pending; // waiting for a kernel choice
    bool m_shutDown = false;
    QJsonObject m_acceleratorEnv;
    QPointer<RemoteRuntimes> m_runtimes;
    QString m_runtimeId;
    bool m_connecting = false;
    std::unique_ptr<kernel::KernelClient> m_connectingClient; // until it is attached
};

} // namespace quire::app
