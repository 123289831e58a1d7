#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

class QAction;
class QLabel;
class QProgressBar;

namespace quire::app {

class MainWindow;
class NotebookPage;
class WarmKernelPool;
class DesktopNotifier;
class RuntimeInventory;
class RemoteResourceSampler;

// The Runtime menu (run cells, interrupt, restart, shut down), the kernel's name and state in
// the status bar, Run all progress, the dead-kernel announcement, the kernel picker, and the
// notification when a long run ends while Quire is in the background.
class RuntimeController : public QObject {
    Q_OBJECT
public:
    explicit RuntimeController(MainWindow* window);
    ~RuntimeController() override;

    WarmKernelPool* warmPool() const { return m_pool; }
    // Runs longer than this (10 s) that end while the window is inactive notify the desktop.
    void setNotifyAfterMs(int ms) { m_notifyAfterMs = ms; }
    DesktopNotifier* notifier() const { return m_notifier; }
    RuntimeInventory* inventory() const { return m_inventory; }
    // What the current notebook's remote runtime has (the chip and the Resource Monitor).
    RemoteResourceSampler* remoteResources() const { return m_remote; }
    // Runtime → Change runtime type… for `page` (measures the runtime first when needed).
    void changeRuntimeType(NotebookPage* page);

    enum class Scope { All, Above, SelectedAndBelow };
    void run(NotebookPage* page, Scope scope);
    // Asks first unless `confirmed`; then restarts (and runs every cell when `runAll`).
    void restart(NotebookPage* page, bool runAll, bool confirmed = false);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void hookPage(NotebookPage* page);
    void setCurrent(NotebookPage* page);
    void updateStatus();
    void chooseKernel(NotebookPage* page, const QString& wanted);
    void onQueueFinished(NotebookPage* page, bool ok);
    void updateChip();
    void followRuntime();
    void changeRemoteRuntimeType(NotebookPage* page);
    void checkAcceleratorNotice(NotebookPage* page);

    MainWindow* m_window;
    WarmKernelPool* m_pool;
    DesktopNotifier* m_notifier;
    QPointer<NotebookPage> m_page;
    QLabel* m_status;
    QLabel* m_chip;
    RuntimeInventory* m_inventory;
    RemoteResourceSampler* m_remote;
    QProgressBar* m_progress;
    QList<QAction*> m_pageActions;
    QAction* m_interrupt = nullptr;
    QAction* m_shutdown = nullptr;
    int m_notifyAfterMs = 10000;
};

} // namespace quire::app
