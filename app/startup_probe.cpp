#include "startup_probe.h"

#include <QCoreApplication>
#include <QEvent>
#include <QTimer>
#include <QWidget>
#include <cstdio>

namespace quire::app {

bool StartupProbe::enabled() {
    return qEnvironmentVariableIsSet("QUIRE_STARTUP_PROBE");
}

StartupProbe::StartupProbe(QWidget* watched, QObject* parent) : QObject(parent) {
    m_clock.start();
    watched->installEventFilter(this);
}

bool StartupProbe::eventFilter(QObject*, QEvent* event) {
    if (event->type() == QEvent::Paint && !m_done) {
        m_done = true;
        // After this paint has finished.
        QTimer::singleShot(0, this, [this] {
            std::printf("first-paint-ms %lld\n", static_cast<long long>(m_clock.elapsed()));
            std::fflush(stdout);
            QCoreApplication::quit();
        });
    }
    return false;
}

} // namespace quire::app
