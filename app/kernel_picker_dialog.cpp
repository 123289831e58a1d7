#include "kernel_picker_dialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace quire::app {

KernelPickerDialog::KernelPickerDialog(const QString& wanted, QList<kernel::KernelSpec> specs,
                                       const QString& preferred, QWidget* parent)
    : QDialog(parent), m_specs(std::move(specs)) {
    setWindowTitle(tr("Select Kernel"));
    auto* layout = new QVBoxLayout(this);
    auto* text = new QLabel(
        wanted.isEmpty()
            ? tr("This notebook does not say which kernel it needs. Choose one to run it on:")
            : tr("This notebook asks for the kernel “%1”, which is not installed here. Choose "
                 "one to run it on:")
                  .arg(wanted),
        this);
    text->setWordWrap(true);
    layout->addWidget(text);
    m_list = new QListWidget(this);
    m_list->setAccessibleName(tr("Installed kernels"));
    for (const auto& spec : m_specs) {
        auto* item = new QListWidgetItem(
            QStringLiteral("%1  (%2)")
                .arg(spec.displayName.isEmpty() ? spec.name : spec.displayName, spec.language),
            m_list);
        item->setToolTip(spec.resourceDir);
        if (spec.name == preferred)
            m_list->setCurrentItem(item);
    }
    if (!m_list->currentItem() && m_list->count() > 0)
        m_list->setCurrentRow(0);
    layout->addWidget(m_list);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Use Kernel"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QListWidget::itemActivated, this, &QDialog::accept);
    layout->addWidget(buttons);
}

std::optional<kernel::KernelSpec> KernelPickerDialog::chosen() const {
    const int row = m_list->currentRow();
    if (row < 0 || row >= m_specs.size())
        return std::nullopt;
    return m_specs.at(row);
}

} // namespace quire::app
