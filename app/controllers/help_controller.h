#pragma once

#include <QObject>

namespace quire::app {

class MainWindow;

// Help menu: keyboard shortcuts, about.
class HelpController : public QObject {
    Q_OBJECT
public:
    explicit HelpController(MainWindow* window);
    void showShortcuts();

private:
    MainWindow* m_window;
};

} // namespace quire::app
