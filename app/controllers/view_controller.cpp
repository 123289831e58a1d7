#include "view_controller.h"

#include "app/app_settings.h"
#include "app/main_window.h"
#include "app/notebook_page.h"
#include "app/theme.h"
#include "app/toc_dock.h"
#include "editor/view/notebook_view.h"

#include <QActionGroup>
#include <QMenu>
#include <QMessageBox>

namespace quire::app {

ViewController::ViewController(MainWindow* window) : QObject(window), m_window(window) {
    auto& settings = AppSettings::instance();
    QMenu* v = window->menu(MainWindow::Menu::View);
    m_toc = new TocDock(window);
    window->addDockWidget(Qt::LeftDockWidgetArea, m_toc);
    QAction* toc = m_toc->toggleViewAction();
    toc->setText(tr("&Table of Contents"));
    toc->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    v->addAction(toc);
    QAction* lines = v->addAction(tr("&Line Numbers"));
    lines->setCheckable(true);
    lines->setChecked(settings.lineNumbers());
    lines->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    connect(lines, &QAction::toggled, this,
            [](bool on) { AppSettings::instance().setLineNumbers(on); });
    v->addSeparator();
    auto onPage = [this](auto fn) {
        return [this, fn] {
            if (auto* p = m_window->currentPage())
                fn(p->view());
        };
    };
    connect(v->addAction(tr("&Collapse All Sections")), &QAction::triggered, this,
            onPage([](editor::NotebookView* view) { view->setAllSectionsCollapsed(true); }));
    connect(v->addAction(tr("&Expand All Sections")), &QAction::triggered, this,
            onPage([](editor::NotebookView* view) { view->setAllSectionsCollapsed(false); }));
    connect(window, &MainWindow::currentPageChanged, m_toc, &TocDock::setPage);

    // Tools: theme and language.
    QMenu* tools = window->menu(MainWindow::Menu::Tools);
    QMenu* theme = tools->addMenu(tr("&Theme"));
    auto* themes = new QActionGroup(this);
    const QList<QPair<QString, QString>> themeChoices = {{QStringLiteral("system"), tr("System")},
                                                         {QStringLiteral("light"), tr("Light")},
                                                         {QStringLiteral("dark"), tr("Dark")}};
    for (const auto& choice : themeChoices) {
        const QString key = choice.first;
        QAction* a = theme->addAction(choice.second);
        a->setCheckable(true);
        a->setChecked(settings.theme() == key);
        themes->addAction(a);
        connect(a, &QAction::triggered, this, [key] {
            AppSettings::instance().setTheme(key);
            applyTheme(key);
        });
    }
    QMenu* language = tools->addMenu(tr("&Language"));
    auto* languages = new QActionGroup(this);
    const QList<QPair<QString, QString>> languageChoices = {
        {QString(), tr("System")},
        {QStringLiteral("en"), QStringLiteral("English")},
        {QStringLiteral("ko"), QStringLiteral("한국어")}};
    for (const auto& choice : languageChoices) {
        const QString key = choice.first;
        QAction* a = language->addAction(choice.second);
        a->setCheckable(true);
        a->setChecked(settings.language() == key);
        languages->addAction(a);
        connect(a, &QAction::triggered, this, [this, key] {
            AppSettings::instance().setLanguage(key);
            QMessageBox::information(m_window, tr("Language"),
                                     tr("The new language applies the next time Quire starts."));
        });
    }
}

} // namespace quire::app
