#include "runtime_type_dialog.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>
#include <map>

namespace quire::app {

QString RuntimeTypeDialog::gpuSummary(const kernel::ResourceSnapshot& runtime) {
    std::map<QString, int> models;
    for (const auto& gpu : runtime.gpu.gpus)
        ++models[gpu.name.value_or(tr("unknown GPU"))];
    QStringList parts;
    for (const auto& [name, count] : models)
        parts << QStringLiteral("%1 ×%2").arg(name).arg(count);
    return parts.join(QStringLiteral(", "));
}

QString RuntimeTypeDialog::tpuSummary(const kernel::ResourceSnapshot& runtime) {
    std::map<QString, int> generations;
    for (const auto& tpu : runtime.tpus)
        ++generations[tpu.generation];
    QStringList parts;
    for (const auto& [generation, count] : generations)
        parts << QStringLiteral("TPU %1 ×%2").arg(generation).arg(count);
    return parts.join(QStringLiteral(", "));
}

RuntimeTypeDialog::RuntimeTypeDialog(const QList<kernel::KernelSpec>& specs,
                                     const kernel::ResourceSnapshot& runtime, const Choice& current,
                                     QWidget* parent)
    : QDialog(parent), m_specs(specs) {
    setWindowTitle(tr("Change Runtime Type"));
    setMinimumWidth(460);
    auto* layout = m_layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    m_kernel = new QComboBox(this);
    for (const auto& spec : m_specs) {
        m_kernel->addItem(spec.displayName.isEmpty() ? spec.name : spec.displayName, spec.name);
        if (spec.name == current.specName)
            m_kernel->setCurrentIndex(m_kernel->count() - 1);
    }
    auto* kernelLabel = new QLabel(tr("&Kernel:"), this);
    kernelLabel->setBuddy(m_kernel);
    form->addRow(kernelLabel, m_kernel);
    layout->addLayout(form);

    auto* heading = new QLabel(tr("Hardware accelerator"), this);
    QFont bold = heading->font();
    bold.setBold(true);
    heading->setFont(bold);
    layout->addWidget(heading);
    auto* group = new QButtonGroup(this);
    auto addChoice = [&](const QString& text, bool available, const QString& reason) {
        auto* button = new QRadioButton(text, this);
        button->setEnabled(available);
        group->addButton(button);
        layout->addWidget(button);
        if (!available) {
            auto* why = new QLabel(reason, this);
            why->setWordWrap(true);
            why->setIndent(24);
            why->setForegroundRole(QPalette::PlaceholderText);
            layout->addWidget(why);
        }
        return button;
    };
    const bool hasGpu = !runtime.gpu.gpus.empty();
    const bool hasTpu = !runtime.tpus.empty();
    m_none = addChoice(tr("&None (CPU only)"), true, {});
    m_gpu = addChoice(hasGpu ? tr("&GPU — %1").arg(gpuSummary(runtime)) : tr("&GPU"), hasGpu,
                      runtime.gpu.unavailableReason.isEmpty()
                          ? tr("No NVIDIA GPU found on this runtime.")
                          : tr("Not available: %1.").arg(runtime.gpu.unavailableReason));
    m_gpuList = new QListWidget(this);
    m_gpuList->setAccessibleName(tr("GPUs the kernel may use"));
    for (const auto& gpu : runtime.gpu.gpus) {
        auto* item = new QListWidgetItem(
            tr("GPU %1: %2").arg(gpu.index).arg(gpu.name.value_or(tr("unknown GPU"))), m_gpuList);
        item->setData(Qt::UserRole, gpu.index);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        const bool chosen = current.gpus.isEmpty() || current.gpus.contains(gpu.index);
        item->setCheckState(chosen ? Qt::Checked : Qt::Unchecked);
    }
    m_gpuList->setMaximumHeight(m_gpuList->sizeHintForRow(0) * std::min(4, m_gpuList->count()) + 8);
    layout->addWidget(m_gpuList);
    m_tpu = addChoice(hasTpu ? tr("&TPU — %1").arg(tpuSummary(runtime)) : tr("&TPU"), hasTpu,
                      tr("No TPU found on this runtime."));

    switch (current.accelerator) {
    case Accelerator::Gpu:
        (hasGpu ? m_gpu : m_none)->setChecked(true);
        break;
    case Accelerator::Tpu:
        (hasTpu ? m_tpu : m_none)->setChecked(true);
        break;
    case Accelerator::None:
        m_none->setChecked(true);
        break;
    }
    connect(m_gpu, &QRadioButton::toggled, this, &RuntimeTypeDialog::updateGpuList);
    updateGpuList();

    auto* note = new QLabel(
        tr("Saving records the choice in the notebook. A running kernel restarts with it."), this);
    note->setWordWrap(true);
    layout->addWidget(note);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

void RuntimeTypeDialog::addExplanation(const QString& text) {
    auto* label = new QLabel(text, this);
    label->setObjectName(QStringLiteral("runtimeType.explanation"));
    label->setWordWrap(true);
    m_layout->insertWidget(m_layout->count() - 2, label); // above the note and the buttons
}

void RuntimeTypeDialog::updateGpuList() {
    // Which GPUs matters only with several of them.
    m_gpuList->setVisible(m_gpu->isChecked() && m_gpuList->count() > 1);
}

RuntimeTypeDialog::Choice RuntimeTypeDialog::choice() const {
    Choice c;
    c.specName = m_kernel->currentData().toString();
    if (m_gpu->isChecked()) {
        c.accelerator = Accelerator::Gpu;
        for (int i = 0; i < m_gpuList->count(); ++i)
            if (m_gpuList->item(i)->checkState() == Qt::Checked)
                c.gpus << m_gpuList->item(i)->data(Qt::UserRole).toInt();
    } else if (m_tpu->isChecked()) {
        c.accelerator = Accelerator::Tpu;
    }
    return c;
}

} // namespace quire::app
