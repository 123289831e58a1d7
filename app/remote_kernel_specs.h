#pragma once

#include "kernelclient/kernelspec_store.h"
#include "kernelclient/message.h"

#include <QObject>
#include <functional>

namespace quire::app {

class RemoteRuntimes;

// The kernelspecs a remote runtime offers (GET /api/kernelspecs on its JupyterServer), as
// KernelSpec (name, display name, language; no argv: the server starts them), for Change
// Runtime Type on a remote runtime. Asynchronous; `done` gets the list or the error, once.
class RemoteKernelSpecs : public QObject {
    Q_OBJECT
public:
    using Done = std::function<void(const QList<kernel::KernelSpec>& specs, const QString& error)>;

    static void fetch(RemoteRuntimes* runtimes, const QString& runtimeId, QObject* context,
                      Done done);
    // The specs of a /api/kernelspecs answer, sorted by display name.
    static QList<kernel::KernelSpec> parse(const kernel::Json& answer);
};

} // namespace quire::app
