#pragma once

#include <QObject>
#include <QPointer>

namespace quire::app {

class AboutDialog;
class MainWindow;

// Help menu: keyboard shortcuts, report a problem (versions to the clipboard), about.
class HelpController : public QObject {
    Q_OBJECT
public:
    explicit HelpController(MainWindow* window);
    void showShortcuts();
    void showAbout();
    void reportProblem();

private:
    MainWindow* m_window;
    QPointer<AboutDialog> m_about;
};

} // namespace quire::app
