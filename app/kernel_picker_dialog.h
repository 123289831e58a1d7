#pragma once

#include "kernelclient/kernelspec_store.h"

#include <QDialog>
#include <optional>

class QListWidget;

namespace quire::app {

// Asks which installed kernel a notebook should use when the one it names is missing.
class KernelPickerDialog : public QDialog {
    Q_OBJECT
public:
    KernelPickerDialog(const QString& wanted, QList<kernel::KernelSpec> specs,
                       const QString& preferred, QWidget* parent = nullptr);
    std::optional<kernel::KernelSpec> chosen() const;

private:
    QList<kernel::KernelSpec> m_specs;
    QListWidget* m_list;
};

} // namespace quire::app
