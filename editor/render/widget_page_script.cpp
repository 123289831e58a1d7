#include "editor/render/widget_page_script.h"

#include "editor/render/web_assets.h"

#include <QFile>

namespace quire::editor {

namespace {

QString readFile(const QString& path, QString* error) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return {};
    }
    return QString::fromUtf8(file.readAll());
}

} // namespace

const QString& widgetPageScript(QString* error) {
    static QString firstError;
    static const QString script = [] {
        const QString parts[] = {
            readFile(QStringLiteral(":/qtwebchannel/qwebchannel.js"), &firstError),
            readFile(QStringLiteral(":/quire/web/widgets-amd-shim.js"), &firstError),
            readFile(WebAssets::directory() + QStringLiteral("/jupyter-js-widgets/extension.js"),
                     &firstError),
            readFile(QStringLiteral(":/quire/web/quire-widgets.js"), &firstError),
        };
        QString all;
        for (const QString& part : parts) {
            if (part.isEmpty())
                return QString();
            all += part + QStringLiteral("\n;\n");
        }
        return all;
    }();
    if (error)
        *error = firstError;
    return script;
}

} // namespace quire::editor
