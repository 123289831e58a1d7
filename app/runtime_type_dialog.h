#pragma once

#include "kernelclient/kernelspec_store.h"
#include "kernelclient/resource_snapshot.h"

#include <QDialog>

class QComboBox;
class QListWidget;
class QRadioButton;
class QVBoxLayout;

namespace quire::app {

// Runtime → Change runtime type…: the kernel and the hardware accelerator (None / GPU / TPU)
// as hosted notebooks offer them. What this runtime lacks is disabled with the reason.
class RuntimeTypeDialog : public QDialog {
    Q_OBJECT
public:
    enum class Accelerator { None, Gpu, Tpu };
    struct Choice {
        QString specName;
        Accelerator accelerator = Accelerator::None;
        QList<int> gpus; // indexes of the chosen GPUs (Gpu only)
    };

    RuntimeTypeDialog(const QList<kernel::KernelSpec>& specs,
                      const kernel::ResourceSnapshot& runtime, const Choice& current,
                      QWidget* parent = nullptr);
    Choice choice() const;
    // An explanation shown above the buttons (what a remote runtime cannot do).
    void addExplanation(const QString& text);

    // "NVIDIA H200 ×2", "TPU v5e ×4": what the runtime has, for labels.
    static QString gpuSummary(const kernel::ResourceSnapshot& runtime);
    static QString tpuSummary(const kernel::ResourceSnapshot& runtime);

private:
    void updateGpuList();

    QList<kernel::KernelSpec> m_specs;
    QVBoxLayout* m_layout;
    QComboBox* m_kernel;
    QRadioButton* m_none;
    QRadioButton* m_gpu;
    QRadioButton* m_tpu;
    QListWidget* m_gpuList;
};

} // namespace quire::app
