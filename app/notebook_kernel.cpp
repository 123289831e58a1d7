#include "notebook_kernel.h"

#include "app_settings.h"
#include "editor/execution/cell_executor.h"
#include "editor/execution/widget_comms.h"
#include "editor/model/notebook_document.h"
#include "kernelclient/jupyter_server.h"
#include "kernelclient/local_kernel_launcher.h"
#include "kernelclient/remote_kernel_starter.h"
#include "remote_runtimes.h"
#include "warm_kernel_pool.h"

#include <QFileInfo>

namespace quire::app {

using editor::Json;
using kernel::KernelClient;
using kernel::KernelStatus;

namespace {

editor::ExecutionPolicy windowPolicy() {
    editor::ExecutionPolicy policy;
    policy.allowStdin = true;
    policy.resolveControlChars = true;
    policy.flushIntervalMs = 33; // outputs repaint at most ~30 times a second
    return policy;
}

} // namespace

NotebookKernel::NotebookKernel(editor::NotebookDocument* document, QObject* parent)
    : QObject(parent), m_doc(document),
      m_executor(std::make_unique<editor::CellExecutor>(document, windowPolicy())) {}

NotebookKernel::~NotebookKernel() {
    // The client's transport reports its closing while it goes: nobody hears of it (listeners
    // may be half destroyed with the window).
    blockSignals(true);
    m_executor.reset(); // before the client it follows
}

void NotebookKernel::setDocument(editor::NotebookDocument* document) {
    m_doc = document;
    m_executor = std::make_unique<editor::CellExecutor>(document, windowPolicy());
    m_executor->setKernel(m_client.get());
    emit executorReplaced();
}

QString NotebookKernel::workingDirectory() const {
    if (!m_doc->filePath().isEmpty())
        return QFileInfo(m_doc->filePath()).absolutePath();
    return m_pool ? m_pool->workingDirectory() : QString();
}

QString NotebookKernel::wantedSpecName() const {
    const Json& md = m_doc->metadata();
    if (const auto ks = md.find("kernelspec"); ks != md.end() && ks->is_object()) {
        const auto name = ks->find("name");
        if (name != ks->end() && name->is_string() && !name->get_ref<const std::string&>().empty())
            return QString::fromStdString(name->get<std::string>());
    }
    return AppSettings::instance().defaultKernel();
}

QString NotebookKernel::specName() const {
    return m_spec ? m_spec->name : wantedSpecName();
}

QString NotebookKernel::displayName() const {
    if (m_spec)
        return m_spec->displayName.isEmpty() ? m_spec->name : m_spec->displayName;
    const Json& md = m_doc->metadata();
    if (const auto ks = md.find("kernelspec"); ks != md.end() && ks->is_object())
        if (const auto dn = ks->find("display_name"); dn != ks->end() && dn->is_string())
            return QString::fromStdString(dn->get<std::string>());
    return specName();
}

KernelStatus NotebookKernel::status() const {
    return m_client ? m_client->status() : KernelStatus::Dead;
}

void NotebookKernel::run(const std::vector<editor::CellPtr>& cells) {
    if (!ensureKernel()) {
        m_pending.insert(m_pending.end(), cells.begin(), cells.end());
        return;
    }
    m_executor->enqueue(cells);
}

bool NotebookKernel::ensureKernel() {
    if (m_client && !m_shutDown) {
        if (m_client->status() == KernelStatus::Dead)
            m_client->restart(); // the kernel is gone anyway; run on a fresh one
        return true;
    }
    if (!m_runtimeId.isEmpty()) {
        startRemote(); // the cells wait in m_pending until the kernel is attached
        return false;
    }
    const QString wanted = wantedSpecName();
    const auto spec = kernel::KernelSpecStore().find(wanted);
    if (!spec) {
        emit kernelChoiceNeeded(wanted);
        return false;
    }
    QString error;
    if (!start(*spec, &error)) {
        emit startFailed(error);
        return false;
    }
    return true;
}

bool NotebookKernel::useKernel(const kernel::KernelSpec& spec, QString* error) {
    if (!start(spec, error)) {
        m_pending.clear();
        return false;
    }
    auto pending = std::exchange(m_pending, {});
    if (!pending.empty())
        m_executor->enqueue(pending);
    return true;
}

bool NotebookKernel::restartWith(const kernel::KernelSpec& spec, QString* error) {
    m_executor->cancelAll();
    return start(spec, error);
}

bool NotebookKernel::start(const kernel::KernelSpec& spec, QString* error) {
    std::unique_ptr<KernelClient> client;
    if (m_pool && m_acceleratorEnv.isEmpty())
        client = m_pool->take(spec.name, workingDirectory());
    if (!client) {
        kernel::KernelSpec withEnv = spec;
        for (auto it = m_acceleratorEnv.begin(); it != m_acceleratorEnv.end(); ++it)
            withEnv.env.insert(it.key(), it.value());
        client = std::make_unique<KernelClient>();
        if (!client->startLocal(withEnv, workingDirectory(), error))
            return false;
    }
    m_spec = spec;
    adopt(std::move(client));
    return true;
}

void NotebookKernel::adopt(std::unique_ptr<KernelClient> client) {
    m_executor->setKernel(nullptr);
    m_client = std::move(client); // an old kernel is ended by its client's destructor
    m_shutDown = false;
    connect(m_client.get(), &KernelClient::statusChanged, this, &NotebookKernel::statusChanged);
    connect(m_client.get(), &KernelClient::ready, this, &NotebookKernel::recordKernelInMetadata);
    connect(m_client.get(), &KernelClient::died, this, [this](const QString& reason) {
        if (!m_shutDown)
            emit died(reason);
    });
    if (kernel::Channels* channels = m_client->channels()) // a remote socket reconnecting
        connect(channels, &kernel::Channels::stateChanged, this, &NotebookKernel::statusChanged);
    m_executor->setKernel(m_client.get());
    editor::WidgetComms::of(m_client.get()); // ipywidgets outputs talk to the kernel through it
    if (m_client->isReady())
        recordKernelInMetadata();
    emit statusChanged();
}

void NotebookKernel::recordKernelInMetadata() {
    if (!m_spec || !m_client)
        return;
    Json md = m_doc->metadata().is_object() ? m_doc->metadata() : Json::object();
    const Json before = md;
    Json spec = md.value("kernelspec", Json::object());
    if (!spec.is_object())
        spec = Json::object();
    spec["display_name"] = m_spec->displayName.toStdString();
    spec["language"] = m_spec->language.toStdString();
    spec["name"] = m_spec->name.toStdString();
    md["kernelspec"] = std::move(spec);
    if (const auto info = m_client->kernelInfo().find("language_info");
        info != m_client->kernelInfo().end() && info->is_object())
        md["language_info"] = *info;
    if (md == before)
        return;
    m_doc->setMetadata(std::move(md));
    m_doc->markDirty();
}

void NotebookKernel::setRuntime(RemoteRuntimes* runtimes, const QString& runtimeId) {
    m_runtimes = runtimes;
    if (runtimeId == m_runtimeId)
        return;
    m_runtimeId = runtimeId;
    m_connecting = false;
    m_connectingClient.reset();
    m_executor->cancelAll();
    m_executor->setKernel(nullptr);
    m_client.reset(); // ends a local kernel; a remote one is deleted on its server
    m_spec.reset();
    m_shutDown = false;
    emit statusChanged();
}

qint64 NotebookKernel::localPid() const {
    auto* launcher =
        m_client ? qobject_cast<kernel::LocalKernelLauncher*>(m_client->host()) : nullptr;
    return launcher ? launcher->processId() : 0;
}

bool NotebookKernel::isReconnecting() const {
    return m_client && !m_runtimeId.isEmpty() && m_client->channels() &&
           m_client->channels()->state() == kernel::Channels::State::Connecting &&
           m_client->status() != KernelStatus::Dead;
}

RemoteRuntimes* NotebookKernel::runtimes() const {
    return m_runtimes;
}

QString NotebookKernel::runtimeName() const {
    if (m_runtimeId.isEmpty() || !m_runtimes)
        return {};
    const auto runtime = m_runtimes->find(m_runtimeId);
    return runtime ? runtime->name : QString();
}

void NotebookKernel::startRemote() {
    if (m_connecting)
        return;
    if (!m_runtimes) {
        remoteFailed(tr("The remote runtime is not available."));
        return;
    }
    m_connecting = true;
    emit statusChanged();
    QPointer<NotebookKernel> self(this);
    const QString id = m_runtimeId;
    m_runtimes->server(id, [self, id](kernel::JupyterServer* server, const QString& error) {
        if (!self || self->m_runtimeId != id)
            return;
        if (!server)
            self->remoteFailed(error);
        else
            self->startOnServer(server);
    });
}

void NotebookKernel::startOnServer(kernel::JupyterServer* server) {
    // The notebook's kernelspec when the server has it, else the server's default.
    kernel::ServerReply* specs = server->kernelSpecs();
    const QString id = m_runtimeId;
    connect(specs, &kernel::ServerReply::finished, this, [this, specs, server, id] {
        if (m_runtimeId != id)
            return;
        if (!specs->ok()) {
            remoteFailed(specs->error().fullMessage());
            return;
        }
        const Json& all = specs->json().value("kernelspecs", Json::object());
        std::string name = wantedSpecName().toStdString();
        if (!all.contains(name))
            name = specs->json().value("default", std::string());
        if (!all.contains(name)) {
            remoteFailed(tr("The runtime has no kernels installed."));
            return;
        }
        const Json& spec = all[name].value("spec", Json::object());
        kernel::KernelSpec chosen;
        chosen.name = QString::fromStdString(name);
        chosen.displayName = QString::fromStdString(spec.value("display_name", name));
        chosen.language = QString::fromStdString(spec.value("language", std::string()));
        const QString path = m_doc->filePath().isEmpty()
                                 ? m_doc->displayName() + QStringLiteral(".ipynb")
                                 : QFileInfo(m_doc->filePath()).fileName();
        m_connectingClient = std::make_unique<KernelClient>();
        auto* starter = new kernel::RemoteKernelStarter(server, this);
        connect(starter, &kernel::RemoteKernelStarter::attached, this, [this, chosen, id] {
            if (m_runtimeId != id || !m_connectingClient)
                return;
            m_connecting = false;
            m_spec = chosen;
            adopt(std::move(m_connectingClient));
            auto pending = std::exchange(m_pending, {});
            if (!pending.empty())
                m_executor->enqueue(pending);
        });
        connect(starter, &kernel::RemoteKernelStarter::failed, this,
                [this, id](const kernel::ServerError& error) {
                    if (m_runtimeId == id)
                        remoteFailed(error.fullMessage());
                });
        starter->start(m_connectingClient.get(), chosen.name, path);
    });
}

void NotebookKernel::remoteFailed(const QString& error) {
    m_connecting = false;
    m_connectingClient.reset();
    m_pending.clear();
    emit startFailed(error);
    emit statusChanged();
}

void NotebookKernel::interrupt() {
    if (m_client && !m_shutDown)
        m_client->interrupt();
}

void NotebookKernel::restart() {
    if (!m_client || m_shutDown) {
        ensureKernel();
        return;
    }
    m_executor->cancelAll();
    m_client->restart();
}

void NotebookKernel::shutdown() {
    if (!m_client || m_shutDown)
        return;
    m_executor->cancelAll();
    m_shutDown = true;
    m_client->shutdown();
    emit statusChanged();
}

} // namespace quire::app
