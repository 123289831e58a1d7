#pragma once

#include <QObject>
#include <QPointer>

namespace quire::app {

class CommandPalette;
class MainWindow;
class ResourceDock;
class ResourceIndicator;
class SettingsDialog;
class TocDock;

// View and Tools menus: table of contents, resource monitor, line numbers, sections, command
// palette; settings, theme, language.
class ViewController : public QObject {
    Q_OBJECT
public:
    explicit ViewController(MainWindow* window);
    TocDock* toc() const { return m_toc; }
    ResourceDock* resources() const { return m_resources; }
    ResourceIndicator* resourceIndicator() const { return m_indicator; }
    void showSettings();
    void showCommandPalette();
    SettingsDialog* settingsDialog() const; // the one open, else nullptr
    CommandPalette* commandPalette() const;

private:
    MainWindow* m_window;
    TocDock* m_toc;
    ResourceDock* m_resources;
    ResourceIndicator* m_indicator;
    QPointer<SettingsDialog> m_settings;
    QPointer<CommandPalette> m_palette;
};

} // namespace quire::app
