#include "history_chart.h"

#include <QChart>
#include <QEvent>
#include <QGraphicsLayout>
#include <QLegend>
#include <QLineSeries>
#include <QValueAxis>

namespace quire::app {

namespace {
// Mid-tone hues that keep their contrast on both a white and a near-black background.
const QColor kLineColors[] = {QColor(0x1f, 0x77, 0xd4), QColor(0xe0, 0x7a, 0x10)};
} // namespace

HistoryChart::HistoryChart(const QStringList& seriesNames, QWidget* parent)
    : QChartView(parent), m_x(new QValueAxis), m_y(new QValueAxis) {
    auto* chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setMargins(QMargins(2, 2, 2, 2));
    chart->setBackgroundRoundness(0);
    chart->layout()->setContentsMargins(0, 0, 0, 0);
    chart->legend()->setAlignment(Qt::AlignBottom);
    m_x->setRange(-double(ResourceHistory::kWindowMs) / 1000.0, 0);
    m_x->setTickCount(6);
    // Qt Charts formats labels through a Latin-1 printf: units stay ASCII in every language.
    m_x->setLabelFormat(tr("%i s"));
    m_y->setRange(0, 100);
    m_y->setTickCount(3);
    m_y->setLabelFormat(tr("%i %"));
    chart->addAxis(m_x, Qt::AlignBottom);
    chart->addAxis(m_y, Qt::AlignLeft);
    for (int i = 0; i < seriesNames.size(); ++i) {
        auto* series = new QLineSeries;
        series->setName(seriesNames[i]);
        QPen pen(kLineColors[i % std::size(kLineColors)]);
        pen.setWidthF(2);
        series->setPen(pen);
        chart->addSeries(series);
        series->attachAxis(m_x);
        series->attachAxis(m_y);
        m_series << series;
    }
    setChart(chart);
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(190);
    setFocusPolicy(Qt::NoFocus);
    applyPalette();
}

void HistoryChart::setPoints(int series, const std::vector<ResourceHistory::Point>& points,
                             qint64 now) {
    QList<QPointF> xy;
    xy.reserve(qsizetype(points.size()));
    for (const ResourceHistory::Point& p : points)
        xy << QPointF(double(p.msecs - now) / 1000.0, p.value);
    m_series.at(series)->replace(xy);
}

int HistoryChart::pointCount(int series) const {
    return int(m_series.at(series)->count());
}

void HistoryChart::changeEvent(QEvent* event) {
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
    QChartView::changeEvent(event);
}

void HistoryChart::applyPalette() {
    const QPalette pal = palette();
    QChart* c = chart();
    c->setBackgroundBrush(pal.base());
    c->setPlotAreaBackgroundVisible(false);
    c->legend()->setLabelColor(pal.color(QPalette::Text));
    QColor grid = pal.color(QPalette::Text);
    grid.setAlpha(40);
    for (QValueAxis* axis : {m_x, m_y}) {
        axis->setLabelsColor(pal.color(QPalette::Text));
        axis->setGridLineColor(grid);
        axis->setLinePenColor(grid);
    }
    setBackgroundBrush(pal.base());
}

} // namespace quire::app
