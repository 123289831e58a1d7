#pragma once

#include <QElapsedTimer>
#include <QObject>

class QWidget;

namespace quire::app {

// With QUIRE_STARTUP_PROBE=1 in the environment, Quire prints "first-paint-ms N" once the
// notebook has been painted for the first time and quits: the cold-start benchmark
// (tests/bench/bench_open) times whole runs of the real binary this way.
class StartupProbe : public QObject {
    Q_OBJECT
public:
    static bool enabled();
    StartupProbe(QWidget* watched, QObject* parent);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QElapsedTimer m_clock;
    bool m_done = false;
};

} // namespace quire::app
