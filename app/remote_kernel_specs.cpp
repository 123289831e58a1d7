#include "remote_kernel_specs.h"

#include "app/remote_runtimes.h"
#include "kernelclient/jupyter_server.h"

#include <QPointer>
#include <algorithm>

namespace quire::app {

QList<kernel::KernelSpec> RemoteKernelSpecs::parse(const kernel::Json& answer) {
    QList<kernel::KernelSpec> specs;
    const kernel::Json all = answer.value("kernelspecs", kernel::Json::object());
    for (const auto& [name, entry] : all.items()) {
        if (!entry.is_object())
            continue;
        const kernel::Json spec = entry.value("spec", kernel::Json::object());
        kernel::KernelSpec s;
        s.name = QString::fromStdString(name);
        s.displayName = QString::fromStdString(spec.value("display_name", name));
        s.language = QString::fromStdString(spec.value("language", std::string()));
        specs << s;
    }
    std::sort(specs.begin(), specs.end(), [](const auto& a, const auto& b) {
        return a.displayName.localeAwareCompare(b.displayName) < 0;
    });
    return specs;
}

void RemoteKernelSpecs::fetch(RemoteRuntimes* runtimes, const QString& runtimeId, QObject* context,
                              Done done) {
    QPointer<QObject> guard(context);
    runtimes->server(runtimeId, [guard, done](kernel::JupyterServer* server, const QString& error) {
        if (!guard)
            return;
        if (!server)
            return done({}, error);
        kernel::ServerReply* reply = server->kernelSpecs();
        QObject::connect(reply, &kernel::ServerReply::finished, guard, [reply, done] {
            if (!reply->ok())
                return done({}, reply->error().fullMessage());
            done(parse(reply->json()), {});
        });
    });
}

} // namespace quire::app
