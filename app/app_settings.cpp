#include "app_settings.h"

#include <QFontDatabase>

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

QFont AppSettings::editorFont() const {
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    if (const QString family = editorFontFamily(); !family.isEmpty())
        font.setFamily(family);
    if (const int size = editorFontSize(); size > 0)
        font.setPointSize(size);
    return font;
}

} // namespace quire::app
