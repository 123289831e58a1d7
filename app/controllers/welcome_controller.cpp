#include "welcome_controller.h"

#include "app/app_settings.h"
#include "app/main_window.h"
#include "app/notebook_page.h"
#include "editor/model/notebook_document.h"

#include <QFile>
#include <QLocale>
#include <QMenu>

namespace quire::app {

WelcomeController::WelcomeController(MainWindow* window) : QObject(window), m_window(window) {
    QMenu* help = window->menu(MainWindow::Menu::Help);
    QAction* tour = help->addAction(tr("&Welcome Tour"));
    tour->setObjectName(QStringLiteral("help.welcome"));
    connect(tour, &QAction::triggered, this, [this] { openWelcome(); });
}

QString WelcomeController::tourLanguage() {
    return QLocale().language() == QLocale::Korean ? QStringLiteral("ko") : QStringLiteral("en");
}

NotebookPage* WelcomeController::openWelcome() {
    QFile file(QStringLiteral(":/welcome/welcome.%1.ipynb").arg(tourLanguage()));
    if (!file.open(QIODevice::ReadOnly))
        return nullptr;
    auto loaded = editor::NotebookDocument::fromBytes(file.readAll());
    if (!loaded.document)
        return nullptr;
    loaded.document->setUntitledName(tr("Welcome.ipynb"));
    auto* page = new NotebookPage(std::move(loaded.document), m_window);
    m_window->addPage(page);
    return page;
}

bool WelcomeController::openOnFirstStart() {
    auto& settings = AppSettings::instance();
    if (settings.welcomeShown())
        return false;
    settings.setWelcomeShown(true);
    return openWelcome() != nullptr;
}

} // namespace quire::app
