#include "desktop_notifier.h"

#include <QApplication>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QPointer>
#include <QVariantMap>
#include <QWidget>

namespace quire::app {

void DesktopNotifier::notify(const QString& title, const QString& body, QWidget* window) {
    QPointer<QWidget> target(window);
    auto fallback = [this, target] {
        if (target)
            QApplication::alert(target);
        emit delivered(false);
    };
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        fallback();
        return;
    }
    QDBusMessage call = QDBusMessage::createMethodCall(
        QStringLiteral("org.freedesktop.Notifications"),
        QStringLiteral("/org/freedesktop/Notifications"),
        QStringLiteral("org.freedesktop.Notifications"), QStringLiteral("Notify"));
    call << QStringLiteral("Quire") << uint(0) << QStringLiteral("quire") << title << body
         << QStringList() << QVariantMap{{QStringLiteral("desktop-entry"), QStringLiteral("quire")}}
         << int(-1);
    auto* watcher = new QDBusPendingCallWatcher(bus.asyncCall(call, 5000), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [this, fallback](QDBusPendingCallWatcher* w) {
                w->deleteLater();
                if (w->isError())
                    fallback();
                else
                    emit delivered(true);
            });
}

} // namespace quire::app
