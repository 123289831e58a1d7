#include "editor/render/web_assets.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace quire::editor::web_assets {

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

QString directory() {
    const QString overridden = qEnvironmentVariable("QUIRE_WEB_ASSETS");
    if (!overridden.isEmpty())
        return overridden;
    const QString installed = QDir(QCoreApplication::applicationDirPath())
                                  .absoluteFilePath(QStringLiteral("../share/quire/web"));
    return QFileInfo(installed).isDir() ? QDir::cleanPath(installed) : QString();
}

QString read(const QString& relativePath, QString* error) {
    const QString dir = directory();
    if (dir.isEmpty()) {
        if (error)
            *error = QStringLiteral("no share/quire/web folder next to %1")
                         .arg(QCoreApplication::applicationDirPath());
        return {};
    }
    return readFile(dir + QLatin1Char('/') + relativePath, error);
}

const QString& widgetPageScript(QString* error) {
    static QString error_;
    static const QString script = [] {
        const QString parts[] = {
            readFile(QStringLiteral(":/qtwebchannel/qwebchannel.js"), &error_),
            readFile(QStringLiteral(":/quire/web/widgets-amd-shim.js"), &error_),
            read(QStringLiteral("jupyter-js-widgets/extension.js"), &error_),
            readFile(QStringLiteral(":/quire/web/quire-widgets.js"), &error_),
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
        *error = error_;
    return script;
}

} // namespace quire::editor::web_assets
