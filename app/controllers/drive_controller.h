#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>

class QDockWidget;

namespace quire::drive {
class DrivePanel;
class RcloneDaemon;
class RemoteMount;
} // namespace quire::drive

namespace quire::app {

class MainWindow;

// Drive: owns the rclone daemon, shows the Drive panel in a left dock (View → Drive), opens
// notebooks from it and inserts paths into the current code cell. Stops rclone (after queued
// uploads, at most a bounded wait) when the window goes.
class DriveController : public QObject {
    Q_OBJECT
public:
    explicit DriveController(MainWindow* window);
    ~DriveController() override;

    drive::DrivePanel* panel() const { return m_panel; }
    drive::RcloneDaemon* daemon() const { return m_daemon; }
    QDockWidget* dock() const { return m_dock; }
    // Inserts text at the cursor of the current notebook's current code cell.
    bool insertIntoCurrentCell(const QString& text);
    static QString quotedPath(const QString& path); // a string literal Python, R, Julia read

private:
    void shutdown();
    // The panel mounts where the current notebook runs (a remote runtime's server, or here).
    void followRuntime();

    MainWindow* m_window;
    drive::RcloneDaemon* m_daemon;
    drive::DrivePanel* m_panel;
    QDockWidget* m_dock;
    bool m_shutDown = false;
    QHash<QString, QPointer<drive::RemoteMount>> m_remoteMounts; // by runtime id
    QString m_shownRuntime;
};

} // namespace quire::app
