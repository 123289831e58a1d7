#pragma once

#include "kernelclient/resource_snapshot.h"

#include <QWidget>

class QProgressBar;

namespace quire::app {

// The RAM and disk bars at the top right of the window, as hosted notebooks have them: the
// current runtime's memory and disk use, details in the tooltip; a click opens the Resource
// Monitor.
class ResourceIndicator : public QWidget {
    Q_OBJECT
public:
    explicit ResourceIndicator(QWidget* parent = nullptr);

    void showSnapshot(const kernel::ResourceSnapshot& snapshot);
    QProgressBar* memoryBar() const { return m_memory; }
    QProgressBar* diskBar() const { return m_disk; }

signals:
    void clicked();

protected:
    void mousePressEvent(QMouseEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    QProgressBar* m_memory;
    QProgressBar* m_disk;
    kernel::ResourceSnapshot m_last;
};

} // namespace quire::app
