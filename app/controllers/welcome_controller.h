#pragma once

#include <QObject>

namespace quire::app {

class MainWindow;
class NotebookPage;

// Help → Welcome Tour: a short notebook in the user's language (Korean or English) that runs
// top to bottom on the local kernel. Opened by itself the first time Quire starts.
class WelcomeController : public QObject {
    Q_OBJECT
public:
    explicit WelcomeController(MainWindow* window);

    // A fresh untitled copy of the tour in a new tab.
    NotebookPage* openWelcome();
    // Opens the tour when Quire starts for the first time; true if it did.
    bool openOnFirstStart();
    // "ko" or "en": the interface language.
    static QString tourLanguage();

private:
    MainWindow* m_window;
};

} // namespace quire::app
