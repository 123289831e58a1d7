#pragma once

#include "app/resource_history.h"

#include <QChartView>

class QLineSeries;
class QValueAxis;

namespace quire::app {

// A small percent-over-time plot of the last five minutes: x in seconds before now, y 0-100 %.
// Colours follow the widget's palette, so it reads in light and dark themes.
class HistoryChart : public QChartView {
    Q_OBJECT
public:
    // One line per name, in this order.
    explicit HistoryChart(const QStringList& seriesNames, QWidget* parent = nullptr);

    void setPoints(int series, const std::vector<ResourceHistory::Point>& points, qint64 now);
    int pointCount(int series) const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void applyPalette();

    QList<QLineSeries*> m_series;
    QValueAxis* m_x;
    QValueAxis* m_y;
};

} // namespace quire::app
