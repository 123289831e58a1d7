#include "remote_runtimes.h"

#include "app_settings.h"
#include "kernelclient/jupyter_server.h"
#include "token_vault.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

namespace quire::app {

namespace {
QString tokenKey(const QString& id) {
    return QStringLiteral("runtime/") + id;
}
} // namespace

RemoteRuntimes::RemoteRuntimes(QObject* parent)
    : QObject(parent), m_vault(new TokenVault(this)),
      m_trust(std::make_shared<kernel::TlsTrust>()) {
    const QJsonArray saved =
        QJsonDocument::fromJson(AppSettings::instance().remoteRuntimes().toUtf8()).array();
    for (const QJsonValue& v : saved) {
        const QJsonObject o = v.toObject();
        RemoteRuntime r{o.value(QLatin1String("id")).toString(),
                        o.value(QLatin1String("name")).toString(),
                        o.value(QLatin1String("url")).toString()};
        if (!r.id.isEmpty() && !r.url.isEmpty())
            m_list.append(r);
    }
    m_trust->fromStringList(AppSettings::instance().trustedCertificates());
    connect(m_trust.get(), &kernel::TlsTrust::changed, this,
            [this] { AppSettings::instance().setTrustedCertificates(m_trust->toStringList()); });
}

RemoteRuntimes::~RemoteRuntimes() = default;

std::optional<RemoteRuntime> RemoteRuntimes::find(const QString& id) const {
    for (const RemoteRuntime& r : m_list)
        if (r.id == id)
            return r;
    return std::nullopt;
}

void RemoteRuntimes::save() {
    QJsonArray out;
    for (const RemoteRuntime& r : m_list)
        out.append(QJsonObject{{QStringLiteral("id"), r.id},
                               {QStringLiteral("name"), r.name},
                               {QStringLiteral("url"), r.url}});
    AppSettings::instance().setRemoteRuntimes(
        QString::fromUtf8(QJsonDocument(out).toJson(QJsonDocument::Compact)));
    emit changed();
}

QString RemoteRuntimes::add(RemoteRuntime runtime, const QString& token,
                            std::function<void(const QString&)> done) {
    // The same server again replaces what was remembered of it.
    for (const RemoteRuntime& r : m_list)
        if (r.url == runtime.url && runtime.id.isEmpty())
            runtime.id = r.id;
    if (runtime.id.isEmpty())
        runtime.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    bool replaced = false;
    for (RemoteRuntime& r : m_list)
        if (r.id == runtime.id) {
            r = runtime;
            replaced = true;
        }
    if (!replaced)
        m_list.append(runtime);
    if (auto server = m_servers.take(runtime.id))
        server->deleteLater(); // the next server() uses the new token
    m_vault->store(tokenKey(runtime.id), token, [done](const QString& error) {
        if (done)
            done(error);
    });
    save();
    return runtime.id;
}

void RemoteRuntimes::remove(const QString& id) {
    m_list.erase(std::remove_if(m_list.begin(), m_list.end(),
                                [&](const RemoteRuntime& r) { return r.id == id; }),
                 m_list.end());
    if (auto server = m_servers.take(id))
        server->deleteLater();
    m_vault->forget(tokenKey(id));
    save();
}

void RemoteRuntimes::server(const QString& id, ServerReady done) {
    if (auto it = m_servers.constFind(id); it != m_servers.constEnd() && *it) {
        done(*it, QString());
        return;
    }
    const auto runtime = find(id);
    if (!runtime) {
        done(nullptr, tr("This runtime is no longer in the list."));
        return;
    }
    QPointer<RemoteRuntimes> self(this);
    m_vault->fetch(tokenKey(id), [self, runtime, done](const std::optional<QString>& token,
                                                       const QString& error) {
        if (!self)
            return;
        if (!token && !error.isEmpty()) {
            done(nullptr, tr("The token of %1 could not be read from the keychain: %2")
                              .arg(runtime->name, error));
            return;
        }
        QString parseError;
        auto endpoint = kernel::ServerEndpoint::parse(runtime->url, &parseError);
        if (!endpoint) {
            done(nullptr, parseError);
            return;
        }
        endpoint->setToken(token.value_or(QString()));
        if (auto existing = self->m_servers.value(runtime->id)) {
            done(existing, QString()); // another caller made it meanwhile
            return;
        }
        auto* server = new kernel::JupyterServer(*endpoint, self);
        server->setTlsTrust(self->m_trust);
        self->m_servers.insert(runtime->id, server);
        done(server, QString());
    });
}

} // namespace quire::app
