#include "help_controller.h"

#include "app/about_dialog.h"
#include "app/main_window.h"
#include "app/menu_text.h"
#include "app/version_report.h"

#include <QApplication>
#include <QClipboard>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace quire::app {

HelpController::HelpController(MainWindow* window) : QObject(window), m_window(window) {
    QMenu* h = window->menu(MainWindow::Menu::Help);
    QAction* keys = h->addAction(tr("&Keyboard Shortcuts"));
    keys->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Slash));
    connect(keys, &QAction::triggered, this, &HelpController::showShortcuts);
    QAction* report = h->addAction(tr("&Report a Problem…"));
    report->setObjectName(QStringLiteral("help.report"));
    connect(report, &QAction::triggered, this, &HelpController::reportProblem);
    h->addSeparator();
    QAction* about = h->addAction(tr("&About Quire"));
    about->setObjectName(QStringLiteral("help.about"));
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, &HelpController::showAbout);
    QAction* aboutQt = h->addAction(tr("About &Qt"));
    aboutQt->setMenuRole(QAction::AboutQtRole);
    connect(aboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);
}

void HelpController::showAbout() {
    if (m_about) {
        m_about->raise();
        m_about->activateWindow();
        return;
    }
    m_about = new AboutDialog(m_window);
    m_about->setAttribute(Qt::WA_DeleteOnClose);
    m_about->open();
}

void HelpController::reportProblem() {
    // rclone answers asynchronously; the clipboard is filled once it has.
    auto* report = new VersionReport(this);
    connect(report, &VersionReport::ready, this, [this, report] {
        QGuiApplication::clipboard()->setText(report->reportText());
        report->deleteLater();
        auto* box = new QMessageBox(
            QMessageBox::Information, tr("Report a Problem"),
            tr("The versions of Quire and its libraries, your operating system and the installed "
               "kernels were copied to the clipboard. Paste them into your problem report."),
            QMessageBox::Ok, m_window);
        box->setObjectName(QStringLiteral("help.reportCopied"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
}

void HelpController::showShortcuts() {
    struct Row {
        QString mode, keys, what;
    };
    const QString cmd = tr("Command mode");
    const QString edit = tr("Edit mode");
    const QString any = tr("Any");
    QList<Row> rows = {
        {cmd, QStringLiteral("Enter"), tr("Edit the selected cell")},
        {edit, QStringLiteral("Esc"), tr("Back to command mode")},
        {cmd, QStringLiteral("↑ / K, ↓ / J"), tr("Select the cell above / below")},
        {cmd, QStringLiteral("Shift+↑, Shift+↓"), tr("Extend the selection")},
        {cmd, QStringLiteral("A / B"), tr("Insert a code cell above / below")},
        {cmd, QStringLiteral("D, D"), tr("Delete the selected cells")},
        {cmd, QStringLiteral("Z"), tr("Undo (brings back deleted cells)")},
        {cmd, QStringLiteral("Y / M / R"), tr("Change to code / markdown / raw")},
        {cmd, QStringLiteral("C / X / V"), tr("Copy / cut / paste cells below")},
        {cmd, QStringLiteral("Shift+V"), tr("Paste cells above")},
        {cmd, QStringLiteral("Shift+M"), tr("Merge selected cells (or with the cell below)")},
        {edit, QStringLiteral("Ctrl+Shift+-"), tr("Split the cell at the cursor")},
        {cmd, QStringLiteral("Home / End"), tr("First / last cell")},
        {any, QStringLiteral("Shift+Enter"),
         tr("Run the cell (markdown renders) and select the next")},
        {any, QStringLiteral("Ctrl+Enter"), tr("Run the cell and stay on it")},
        {any, QStringLiteral("Alt+Enter"), tr("Run the cell and insert a code cell below")},
        {edit, QStringLiteral("↑ on the first line, ↓ on the last"),
         tr("Move into the neighbouring cell")},
    };
    // Every menu action with a real shortcut, read from the menus so the list cannot drift.
    std::function<void(QMenu*)> walk = [&](QMenu* menu) {
        for (QAction* a : menu->actions()) {
            if (a->menu())
                walk(a->menu());
            else if (!a->shortcut().isEmpty())
                rows.push_back({any, a->shortcut().toString(QKeySequence::NativeText),
                                plainMenuText(a->text())});
        }
    };
    for (QAction* top : m_window->menuBar()->actions())
        if (top->menu())
            walk(top->menu());

    QDialog dialog(m_window);
    dialog.setWindowTitle(tr("Keyboard Shortcuts"));
    auto* layout = new QVBoxLayout(&dialog);
    auto* table = new QTableWidget(int(rows.size()), 3, &dialog);
    table->setHorizontalHeaderLabels({tr("Mode"), tr("Keys"), tr("Action")});
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    for (int i = 0; i < rows.size(); ++i) {
        table->setItem(i, 0, new QTableWidgetItem(rows[i].mode));
        table->setItem(i, 1, new QTableWidgetItem(rows[i].keys));
        table->setItem(i, 2, new QTableWidgetItem(rows[i].what));
    }
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(table);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addWidget(buttons);
    dialog.resize(640, 560);
    dialog.exec();
}

} // namespace quire::app
