#include "connect_runtime_dialog.h"

#include "kernelclient/jupyter_server.h"
#include "remote_runtimes.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace quire::app {

ConnectRuntimeDialog::ConnectRuntimeDialog(RemoteRuntimes* runtimes, QWidget* parent)
    : QDialog(parent), m_runtimes(runtimes) {
    setWindowTitle(tr("Connect to a Runtime"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(
        tr("Run this notebook on a Jupyter Server, a JupyterHub server or a kernel gateway. "
           "Paste the address the server printed (it may include ?token=…)."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto* form = new QFormLayout;
    m_url = new QLineEdit(this);
    m_url->setObjectName(QStringLiteral("connect.url"));
    m_url->setPlaceholderText(QStringLiteral("http://gpu-box:8888/?token=…"));
    m_token = new QLineEdit(this);
    m_token->setObjectName(QStringLiteral("connect.token"));
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setPlaceholderText(tr("from the URL, or a JupyterHub API token"));
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("connect.name"));
    m_name->setPlaceholderText(tr("the server's host name"));
    form->addRow(tr("Server &URL:"), m_url);
    form->addRow(tr("&Token:"), m_token);
    form->addRow(tr("&Name:"), m_name);
    layout->addLayout(form);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("connect.status"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_connect = buttons->addButton(tr("&Connect"), QDialogButtonBox::AcceptRole);
    m_connect->setDefault(true);
    connect(m_connect, &QPushButton::clicked, this, &ConnectRuntimeDialog::connectNow);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    setMinimumWidth(480);
}

void ConnectRuntimeDialog::setUrl(const QString& url) {
    m_url->setText(url);
}

void ConnectRuntimeDialog::setToken(const QString& token) {
    m_token->setText(token);
}

QString ConnectRuntimeDialog::message() const {
    return m_status->text();
}

void ConnectRuntimeDialog::fail(const QString& message) {
    m_status->setText(message);
    m_connect->setEnabled(true);
    if (m_probe)
        m_probe->deleteLater();
}

void ConnectRuntimeDialog::connectNow() {
    QString error;
    auto endpoint = kernel::ServerEndpoint::parse(m_url->text().trimmed(), &error);
    if (!endpoint) {
        fail(error);
        return;
    }
    if (!m_token->text().trimmed().isEmpty())
        endpoint->setToken(m_token->text().trimmed());
    m_connect->setEnabled(false);
    m_status->setText(tr("Connecting to %1…").arg(endpoint->toString()));
    if (m_probe)
        m_probe->deleteLater();
    m_probe = new kernel::JupyterServer(*endpoint, this);
    m_probe->setTlsTrust(m_runtimes->tlsTrust());
    kernel::ServerReply* status = m_probe->status();
    connect(status, &kernel::ServerReply::finished, this, [this, status] {
        if (!status->ok()) {
            fail(status->error().fullMessage());
            return;
        }
        kernel::ServerReply* specs = m_probe->kernelSpecs();
        connect(specs, &kernel::ServerReply::finished, this, [this, specs] {
            if (!specs->ok()) {
                fail(specs->error().fullMessage());
                return;
            }
            QStringList names;
            const auto& all = specs->json().value("kernelspecs", kernel::Json::object());
            for (auto it = all.begin(); it != all.end(); ++it) {
                const auto& spec = it.value().value("spec", kernel::Json::object());
                names << QString::fromStdString(spec.value("display_name", it.key()));
            }
            succeed(names.isEmpty()
                        ? tr("The server answers but has no kernels installed.")
                        : tr("Kernels there: %1").arg(names.join(QStringLiteral(", "))));
        });
    });
}

void ConnectRuntimeDialog::succeed(const QString& summary) {
    const kernel::ServerEndpoint endpoint = m_probe->endpoint();
    m_probe->deleteLater();
    QString name = m_name->text().trimmed();
    if (name.isEmpty())
        name = endpoint.isHubUserServer()
                   ? QStringLiteral("%1 (%2)").arg(endpoint.baseUrl().host(), endpoint.hubUser())
                   : endpoint.baseUrl().host();
    m_status->setText(summary);
    QPointer<ConnectRuntimeDialog> self(this);
    m_runtimeId = m_runtimes->add({QString(), name, endpoint.toString()}, endpoint.token(),
                                  [self](const QString& keychainError) {
                                      if (!self)
                                          return;
                                      if (!keychainError.isEmpty())
                                          self->m_keychainNote =
                                              tr("The system keychain did not take the token "
                                                 "(%1): it is kept until Quire quits.")
                                                  .arg(keychainError);
                                      self->m_connect->setEnabled(true);
                                      self->accept();
                                  });
}

} // namespace quire::app
