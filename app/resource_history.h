#pragma once

#include "kernelclient/resource_snapshot.h"

#include <QHash>
#include <QString>
#include <vector>

namespace quire::app {

// The last few minutes of each plotted metric, as percentages (0-100), one ring per metric.
// A ring holds at most capacity() points and drops points older than kWindowMs, so its memory
// is bounded whatever the interval and however long the monitor runs. Unknown values (empty
// optionals) are not recorded: the plot has a gap rather than a made-up 0.
class ResourceHistory {
public:
    static constexpr qint64 kWindowMs = 5 * 60 * 1000;

    struct Point {
        qint64 msecs = 0; // the sample's time (QDateTime::currentMSecsSinceEpoch)
        double value = 0;
    };

    explicit ResourceHistory(int capacity = 300);

    int capacity() const { return m_capacity; }
    void setCapacity(int capacity); // keeps the newest points
    void clear() { m_rings.clear(); }

    void append(const kernel::ResourceSnapshot& snapshot, qint64 msecs);
    std::vector<Point> points(const QString& metric) const; // oldest first
    int size(const QString& metric) const;

    // Metric names.
    static QString cpu();
    static QString memory();
    static QString gpuUtilization(int index);
    static QString gpuMemory(int index);

private:
    struct Ring {
        std::vector<Point> buffer;
        size_t head = 0; // the oldest point
        size_t count = 0;
    };
    void add(const QString& metric, qint64 msecs, double value);
    static Point at(const Ring& ring, size_t i);
    void resize(Ring& ring) const;

    int m_capacity;
    QHash<QString, Ring> m_rings;
};

} // namespace quire::app
