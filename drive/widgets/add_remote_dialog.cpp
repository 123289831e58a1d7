#include "add_remote_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QTableWidget>
#include <QVBoxLayout>

namespace quire::drive {

AddRemoteDialog::AddRemoteDialog(QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("Add Remote"));
    auto* form = new QFormLayout;
    m_name = new QLineEdit(this);
    m_name->setValidator(new QRegularExpressionValidator(
        QRegularExpression(QStringLiteral("[A-Za-z0-9_][A-Za-z0-9_. -]*")), m_name));
    form->addRow(tr("&Name:"), m_name);
    m_type = new QComboBox(this);
    m_type->setEditable(true); // any rclone backend
    m_type->addItems({QStringLiteral("webdav"), QStringLiteral("s3"), QStringLiteral("sftp"),
                      QStringLiteral("drive"), QStringLiteral("onedrive"),
                      QStringLiteral("dropbox"), QStringLiteral("local")});
    form->addRow(tr("&Type:"), m_type);
    m_params = new QTableWidget(0, 2, this);
    m_params->setHorizontalHeaderLabels({tr("Parameter"), tr("Value")});
    m_params->horizontalHeader()->setStretchLastSection(true);
    m_params->verticalHeader()->hide();
    auto* add = new QPushButton(tr("Add &Parameter"), this);
    connect(add, &QPushButton::clicked, this, [this] {
        m_params->insertRow(m_params->rowCount());
        m_params->editItem(m_params->item(m_params->rowCount() - 1, 0));
    });
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* ok = buttons->button(QDialogButtonBox::Ok);
    ok->setEnabled(false);
    connect(m_name, &QLineEdit::textChanged, ok,
            [ok](const QString& t) { ok->setEnabled(!t.trimmed().isEmpty()); });
    connect(m_type, &QComboBox::currentTextChanged, this, &AddRemoteDialog::fillDefaults);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_params);
    layout->addWidget(add, 0, Qt::AlignLeft);
    layout->addWidget(buttons);
    fillDefaults();
}

void AddRemoteDialog::fillDefaults() {
    // The parameters each common backend cannot do without; rclone asks for anything else.
    static const QMap<QString, QStringList> common{
        {QStringLiteral("webdav"),
         {QStringLiteral("url"), QStringLiteral("vendor"), QStringLiteral("user"),
          QStringLiteral("pass")}},
        {QStringLiteral("s3"),
         {QStringLiteral("provider"), QStringLiteral("access_key_id"),
          QStringLiteral("secret_access_key"), QStringLiteral("region"),
          QStringLiteral("endpoint")}},
        {QStringLiteral("sftp"),
         {QStringLiteral("host"), QStringLiteral("user"), QStringLiteral("key_file")}}};
    m_params->setRowCount(0);
    for (const QString& key : common.value(m_type->currentText())) {
        const int row = m_params->rowCount();
        m_params->insertRow(row);
        m_params->setItem(row, 0, new QTableWidgetItem(key));
        m_params->setItem(row, 1, new QTableWidgetItem);
    }
}

QString AddRemoteDialog::remoteName() const {
    return m_name->text().trimmed();
}

QString AddRemoteDialog::type() const {
    return m_type->currentText().trimmed();
}

QMap<QString, QString> AddRemoteDialog::parameters() const {
    QMap<QString, QString> out;
    for (int r = 0; r < m_params->rowCount(); ++r) {
        const auto* k = m_params->item(r, 0);
        const auto* v = m_params->item(r, 1);
        if (k && v && !k->text().trimmed().isEmpty() && !v->text().isEmpty())
            out.insert(k->text().trimmed(), v->text());
    }
    return out;
}

} // namespace quire::drive
