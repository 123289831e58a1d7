#include "view_controller.h"

#include "app/app_settings.h"
#include "app/command_palette.h"
#include "app/main_window.h"
#include "app/notebook_kernel.h"
#include "app/notebook_page.h"
#include "app/resource_dock.h"
#include "app/resource_indicator.h"
#include "app/resource_sampler.h"
#include "app/settings_dialog.h"
#include "app/theme.h"
#include "app/toc_dock.h"
#include "editor/model/notebook_document.h"
#include "editor/view/notebook_view.h"

#include <QActionGroup>
#include <QDir>
#include <QFileInfo>
#include <QMenu>
#include <QMenuBar>
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
    // The disk shown is the one holding the current notebook (else the working folder).
    auto notebookFolder = [window] {
        const NotebookPage* p = window->currentPage();
        const QString file = p ? p->document()->filePath() : QString();
        return file.isEmpty() ? QDir::currentPath() : QFileInfo(file).absolutePath();
    };
    m_resources = new ResourceDock(notebookFolder(), window);
    window->addDockWidget(Qt::RightDockWidgetArea, m_resources);
    m_resources->hide(); // opened from the menu; it samples only while shown
    QAction* resources = m_resources->toggleViewAction();
    resources->setText(tr("&Resource Monitor"));
    resources->setObjectName(QStringLiteral("view.resourceMonitor"));
    resources->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
    v->addAction(resources);
    connect(window, &MainWindow::currentPageChanged, m_resources,
            [this, notebookFolder] { m_resources->setDiskPath(notebookFolder()); });
    // RAM and disk at the top right; a click opens the monitor.
    m_indicator = new ResourceIndicator(window);
    window->menuBar()->setCornerWidget(m_indicator, Qt::TopRightCorner);
    connect(m_resources->sampler(), &ResourceSampler::sampled, m_indicator,
            &ResourceIndicator::showSnapshot);
    connect(m_indicator, &ResourceIndicator::clicked, this, [this] {
        m_resources->show();
        m_resources->raise();
    });
    m_resources->setIndicatorShown(true);
    // The current notebook's kernel is the highlighted row of the GPU process tables.
    auto followKernel = [this] {
        const NotebookPage* p = m_window->currentPage();
        m_resources->setKernelPid(p ? p->kernel()->localPid() : 0);
    };
    connect(window, &MainWindow::currentPageChanged, this, followKernel);
    connect(window, &MainWindow::pageAdded, this, [this, followKernel](NotebookPage* page) {
        connect(page->kernel(), &NotebookKernel::statusChanged, this, followKernel);
    });
    QAction* lines = v->addAction(tr("&Line Numbers"));
    lines->setObjectName(QStringLiteral("view.lineNumbers"));
    lines->setCheckable(true);
    lines->setChecked(settings.lineNumbers());
    lines->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    connect(lines, &QAction::toggled, this,
            [](bool on) { AppSettings::instance().setLineNumbers(on); });
    connect(&settings, &AppSettings::lineNumbersChanged, lines, &QAction::setChecked);
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
    v->addSeparator();
    QAction* palette = v->addAction(tr("Command &Palette…"));
    palette->setObjectName(QStringLiteral("view.commandPalette"));
    palette->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    connect(palette, &QAction::triggered, this, &ViewController::showCommandPalette);

    // Tools: settings, theme and language. The theme is applied wherever it is changed from.
    QMenu* tools = window->menu(MainWindow::Menu::Tools);
    QAction* prefs = tools->addAction(tr("&Settings…"));
    prefs->setObjectName(QStringLiteral("tools.settings"));
    prefs->setMenuRole(QAction::PreferencesRole);
    // QKeySequence::Preferences has no key on most Linux desktops; Ctrl+, is the usual one there.
    QList<QKeySequence> prefsKeys = QKeySequence::keyBindings(QKeySequence::Preferences);
    if (const QKeySequence ctrlComma(Qt::CTRL | Qt::Key_Comma); !prefsKeys.contains(ctrlComma))
        prefsKeys << ctrlComma;
    prefs->setShortcuts(prefsKeys);
    connect(prefs, &QAction::triggered, this, &ViewController::showSettings);
    tools->addSeparator();
    connect(&settings, &AppSettings::themeChanged, this,
            [](const QString& key) { applyTheme(key); });
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
        connect(a, &QAction::triggered, this, [key] { AppSettings::instance().setTheme(key); });
        connect(&settings, &AppSettings::themeChanged, a,
                [a, key](const QString& now) { a->setChecked(now == key); });
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
        connect(&settings, &AppSettings::languageChanged, a,
                [a, key](const QString& now) { a->setChecked(now == key); });
    }
}

SettingsDialog* ViewController::settingsDialog() const {
    return m_settings;
}

CommandPalette* ViewController::commandPalette() const {
    return m_palette;
}

void ViewController::showSettings() {
    if (!m_settings) {
        m_settings = new SettingsDialog(m_window);
        m_settings->setAttribute(Qt::WA_DeleteOnClose);
    }
    // Not modal: the notebook shows each change as it is made.
    m_settings->show();
    m_settings->raise();
    m_settings->activateWindow();
}

void ViewController::showCommandPalette() {
    if (m_palette)
        return;
    m_palette = new CommandPalette(m_window->menuBar(), m_window);
    m_palette->setAttribute(Qt::WA_DeleteOnClose);
    m_palette->open();
}

} // namespace quire::app
