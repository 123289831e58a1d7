#pragma once

#include <QObject>

namespace quire::app {

class MainWindow;
class TocDock;

// View and Tools menus: table of contents, line numbers, sections, theme, language.
class ViewController : public QObject {
    Q_OBJECT
public:
    explicit ViewController(MainWindow* window);
    TocDock* toc() const { return m_toc; }

private:
    MainWindow* m_window;
    TocDock* m_toc;
};

} // namespace quire::app
