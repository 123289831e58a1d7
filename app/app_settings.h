#pragma once

#include <QFont>
#include <QObject>
#include <QSettings>
#include <QStringList>

namespace quire::app {

// Typed settings: one QUIRE_SETTING line declares the getter, the setter (which stores and
// emits) and the change signal, so no setting key is spelled anywhere else.
#define QUIRE_SETTING(Type, name, Name, key, fallback)                                             \
public:                                                                                            \
    Type name() const {                                                                            \
        return m_store.value(QStringLiteral(key), fallback).value<Type>();                         \
    }                                                                                              \
    void set##Name(const Type& value) {                                                            \
        if (name() == value)                                                                       \
            return;                                                                                \
        m_store.setValue(QStringLiteral(key), value);                                              \
        emit name##Changed(value);                                                                 \
    }                                                                                              \
    Q_SIGNAL void name##Changed(const Type& value);

class AppSettings : public QObject {
    Q_OBJECT
public:
    static AppSettings& instance();

    QUIRE_SETTING(QString, language, Language, "ui/language", QString()) // "" = follow the system
    QUIRE_SETTING(QString, theme, Theme, "ui/theme",
                  QStringLiteral("system")) // system | light | dark
    QUIRE_SETTING(bool, lineNumbers, LineNumbers, "editor/lineNumbers", false)
    // The cell editors' font; "" and 0 follow the system's fixed-width font.
    QUIRE_SETTING(QString, editorFontFamily, EditorFontFamily, "editor/fontFamily", QString())
    QUIRE_SETTING(int, editorFontSize, EditorFontSize, "editor/fontSize", 0) // points
    QUIRE_SETTING(bool, autosave, Autosave, "files/autosave", true)
    QUIRE_SETTING(int, autosaveSeconds, AutosaveSeconds, "files/autosaveSeconds", 30)
    QUIRE_SETTING(QStringList, recentFiles, RecentFiles, "files/recent", QStringList())
    // The kernelspec new notebooks (and notebooks that name none) run on.
    QUIRE_SETTING(QString, defaultKernel, DefaultKernel, "runtime/defaultKernel",
                  QStringLiteral("python3"))
    // Keep one kernel of the default kernelspec started ahead of time.
    QUIRE_SETTING(bool, warmKernel, WarmKernel, "runtime/warmKernel", true)
    // How often the resource monitor samples the local runtime (ResourceSampler clamps to its
    // minimum).
    QUIRE_SETTING(int, resourceIntervalMs, ResourceIntervalMs, "runtime/resourceIntervalMs", 1000)
    QUIRE_SETTING(bool, welcomeShown, WelcomeShown, "ui/welcomeShown", false) // first start
    // Remote runtimes the user connected to: a JSON array of {id, name, url}; tokens are in the
    // system keychain (TokenVault), never here.
    QUIRE_SETTING(QString, remoteRuntimes, RemoteRuntimes, "runtime/remotes", QString())
    // Certificates the user trusted for https runtimes: "host:port SHA256-fingerprint" lines.
    QUIRE_SETTING(QStringList, trustedCertificates, TrustedCertificates,
                  "runtime/trustedCertificates", QStringList())

public:
    void addRecentFile(const QString& path);
    // The system's fixed-width font with the editor font settings applied.
    QFont editorFont() const;

private:
    AppSettings();
    QSettings m_store;
};

#undef QUIRE_SETTING

} // namespace quire::app
