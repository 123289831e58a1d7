#pragma once

#include "kernelclient/tls_trust.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <functional>
#include <memory>
#include <optional>

namespace quire::kernel {
class JupyterServer;
}

namespace quire::app {

class TokenVault;

// A Jupyter Server (or JupyterHub user server, or gateway) the user connected to.
struct RemoteRuntime {
    QString id;
    QString name; // what the runtime picker shows
    QString url;  // the base URL, never with the token
};

// The remote runtimes Quire remembers: their list in the settings, their tokens in the system
// keychain, the certificates the user trusted; and one JupyterServer client per runtime, made
// once its token is read.
class RemoteRuntimes : public QObject {
    Q_OBJECT
public:
    explicit RemoteRuntimes(QObject* parent = nullptr);
    ~RemoteRuntimes() override;

    QList<RemoteRuntime> list() const { return m_list; }
    std::optional<RemoteRuntime> find(const QString& id) const;

    // Remembers `runtime` (a new id when empty) and its token; `done` gets the keychain's
    // complaint when it could not keep the token (then it lasts for this session only).
    QString add(RemoteRuntime runtime, const QString& token,
                std::function<void(const QString& keychainError)> done = {});
    void remove(const QString& id);

    using ServerReady = std::function<void(kernel::JupyterServer* server, const QString& error)>;
    // The runtime's client (owned here), once its token has been read from the keychain.
    void server(const QString& id, ServerReady done);

    // Shared by every server; asks the user through the hook the window sets, saved in the
    // settings when it changes.
    std::shared_ptr<kernel::TlsTrust> tlsTrust() const { return m_trust; }
    TokenVault* vault() const { return m_vault; }

signals:
    void changed();

private:
    void save();

    QList<RemoteRuntime> m_list;
    TokenVault* m_vault;
    std::shared_ptr<kernel::TlsTrust> m_trust;
    QHash<QString, QPointer<kernel::JupyterServer>> m_servers;
};

} // namespace quire::app
