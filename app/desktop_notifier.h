#pragma once

#include <QObject>

class QWidget;

namespace quire::app {

// A desktop notification through the freedesktop Notifications D-Bus service; where no such
// service answers, the window asks for attention in the task bar instead.
class DesktopNotifier : public QObject {
    Q_OBJECT
public:
    explicit DesktopNotifier(QObject* parent = nullptr) : QObject(parent) {}
    // Asynchronous: never waits for the bus on the GUI thread.
    void notify(const QString& title, const QString& body, QWidget* window);

signals:
    void delivered(bool byService); // false: no service, the window asked for attention
};

} // namespace quire::app
