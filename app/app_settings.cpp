#include "app_settings.h"

namespace quire::app {

AppSettings::AppSettings() : m_store(QStringLiteral("Quire"), QStringLiteral("quire")) {}

AppSettings& AppSettings::instance() {
    static AppSettings settings;
    return settings;
}

void AppSettings::addRecentFile(const QString& path) {
    QStringList files = recentFiles();
    files.removeAll(path);
    files.prepend(path);
    while (files.size() > 10)
        files.removeLast();
    setRecentFiles(files);
}

} // namespace quire::app
