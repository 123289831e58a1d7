#include "file_controller.h"

#include "app/app_settings.h"
#include "app/document_guard.h"
#include "app/main_window.h"
#include "app/notebook_page.h"
#include "editor/model/notebook_document.h"
#include "editor/view/notebook_view.h"

#include <QApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>

namespace quire::app {

using editor::NotebookDocument;

FileController::FileController(MainWindow* window) : QObject(window), m_window(window) {
    QMenu* m = window->menu(MainWindow::Menu::File);
    auto add = [&](const QString& text, QKeySequence key, auto slot) {
        QAction* a = m->addAction(text);
        a->setShortcut(key);
        connect(a, &QAction::triggered, this, slot);
        return a;
    };
    add(tr("&New Notebook"), QKeySequence::New, [this] { newNotebook(); });
    add(tr("&Open…"), QKeySequence::Open, [this] {
        const auto files = QFileDialog::getOpenFileNames(
            m_window, tr("Open Notebook"), {}, tr("Jupyter notebooks (*.ipynb);;All files (*)"));
        openFiles(files);
    });
    m_recent = m->addMenu(tr("Open &Recent"));
    m->addSeparator();
    m_save = add(tr("&Save"), QKeySequence::Save, [this] { save(m_window->currentPage()); });
    m_saveAs =
        add(tr("Save &As…"), QKeySequence::SaveAs, [this] { saveAs(m_window->currentPage()); });
    m_revert =
        add(tr("Re&vert to Saved"), QKeySequence(), [this] { revert(m_window->currentPage()); });
    m_upgrade = add(tr("&Upgrade to nbformat 4.5 (Cell IDs)"), QKeySequence(), [this] {
        if (auto* p = m_window->currentPage()) {
            p->view()->editing().upgradeFormat();
            updateActions();
        }
    });
    m->addSeparator();
    m_close = add(tr("&Close Notebook"), QKeySequence::Close, [this] {
        if (auto* p = m_window->currentPage())
            closePage(p);
    });
    add(tr("&Quit"), QKeySequence::Quit, [this] { m_window->close(); });
    connect(&AppSettings::instance(), &AppSettings::recentFilesChanged, this,
            [this] { updateRecentMenu(); });
    connect(window, &MainWindow::currentPageChanged, this, [this] { updateActions(); });
    connect(m, &QMenu::aboutToShow, this, &FileController::updateActions);
    // Autosave, crash journal and disk watching for every page, whichever way it opens.
    connect(this, &FileController::pageOpened, this,
            [](NotebookPage* page) { new DocumentGuard(page); });
    updateRecentMenu();
    updateActions();
}

void FileController::updateActions() {
    auto* p = m_window->currentPage();
    for (auto* a : {m_save, m_saveAs, m_close})
        a->setEnabled(p != nullptr);
    m_revert->setEnabled(p && !p->document()->filePath().isEmpty());
    // Notebooks older than 4.5 keep their format (and have no cell ids) until the user upgrades.
    m_upgrade->setVisible(p && !p->document()->usesCellIds());
}

void FileController::updateRecentMenu() {
    m_recent->clear();
    const auto files = AppSettings::instance().recentFiles();
    for (const auto& f : files) {
        QAction* a = m_recent->addAction(QFileInfo(f).fileName() + QStringLiteral("  —  ") +
                                         QFileInfo(f).absolutePath());
        connect(a, &QAction::triggered, this, [this, f] { openFile(f); });
    }
    if (!files.isEmpty()) {
        m_recent->addSeparator();
        connect(m_recent->addAction(tr("Clear Recent")), &QAction::triggered, this,
                [] { AppSettings::instance().setRecentFiles({}); });
    }
    m_recent->setEnabled(!files.isEmpty());
}

NotebookPage* FileController::pageForPath(const QString& path) const {
    const QString canonical = QFileInfo(path).canonicalFilePath();
    for (auto* p : m_window->pages())
        if (!p->document()->filePath().isEmpty() &&
            QFileInfo(p->document()->filePath()).canonicalFilePath() == canonical)
            return p;
    return nullptr;
}

NotebookPage* FileController::newNotebook() {
    auto doc = std::make_unique<NotebookDocument>();
    ++m_untitled;
    doc->setUntitledName(m_untitled == 1 ? tr("Untitled.ipynb")
                                         : tr("Untitled%1.ipynb").arg(m_untitled));
    auto* page = new NotebookPage(std::move(doc), m_window);
    m_window->addPage(page);
    emit pageOpened(page);
    updateActions();
    return page;
}

NotebookPage* FileController::openFile(const QString& path) {
    if (auto* existing = pageForPath(path)) {
        m_window->setCurrentPage(existing);
        return existing;
    }
    auto result = NotebookDocument::load(QFileInfo(path).absoluteFilePath());
    if (!result.document) {
        QMessageBox box(QMessageBox::Critical, tr("Cannot open notebook"),
                        tr("%1 could not be opened.").arg(QFileInfo(path).fileName()),
                        QMessageBox::Ok, m_window);
        box.setInformativeText(result.error);
        box.exec();
        return nullptr;
    }
    auto* page = new NotebookPage(std::move(result.document), m_window);
    if (!result.problems.empty()) {
        QStringList lines;
        for (const auto& p : result.problems)
            lines << QString::fromStdString(
                editor::describe(p, QFileInfo(path).fileName().toStdString()));
        page->messageBar()->showMessage(tr("This notebook does not fully follow the nbformat "
                                           "schema (%n problem(s)). It opens and saves as it is.",
                                           nullptr, int(result.problems.size())),
                                        MessageBar::Kind::Warning, lines.join(QLatin1Char('\n')));
        page->messageBar()->addAction(tr("Details"), [this, lines] {
            QMessageBox box(QMessageBox::Warning, tr("Notebook problems"),
                            tr("Problems found in this notebook:"), QMessageBox::Ok, m_window);
            box.setDetailedText(lines.join(QLatin1Char('\n')));
            box.exec();
        });
    }
    m_window->addPage(page);
    AppSettings::instance().addRecentFile(page->document()->filePath());
    emit pageOpened(page);
    updateActions();
    return page;
}

NotebookPage* FileController::openDocument(std::unique_ptr<NotebookDocument> document) {
    auto* page = new NotebookPage(std::move(document), m_window);
    m_window->addPage(page);
    emit pageOpened(page);
    updateActions();
    return page;
}

void FileController::openFiles(const QStringList& paths) {
    for (const auto& p : paths)
        openFile(p);
}

bool FileController::save(NotebookPage* page) {
    if (!page)
        return false;
    if (page->document()->filePath().isEmpty())
        return saveAs(page);
    QString error;
    if (!page->document()->save(&error)) {
        QMessageBox::critical(m_window, tr("Save failed"), error);
        return false;
    }
    return true;
}

bool FileController::saveAs(NotebookPage* page) {
    if (!page)
        return false;
    QString suggested = page->document()->filePath();
    if (suggested.isEmpty())
        suggested = page->document()->displayName();
    QString path = QFileDialog::getSaveFileName(m_window, tr("Save Notebook As"), suggested,
                                                tr("Jupyter notebooks (*.ipynb)"));
    if (path.isEmpty())
        return false;
    if (!path.endsWith(QLatin1String(".ipynb"), Qt::CaseInsensitive))
        path += QStringLiteral(".ipynb");
    QString error;
    if (!page->document()->saveAs(path, &error)) {
        QMessageBox::critical(m_window, tr("Save failed"), error);
        return false;
    }
    AppSettings::instance().addRecentFile(path);
    updateActions();
    return true;
}

void FileController::revert(NotebookPage* page) {
    if (!page || page->document()->filePath().isEmpty())
        return;
    if (page->document()->isModified() &&
        QMessageBox::question(m_window, tr("Revert to saved"),
                              tr("Discard your changes to %1 and reload it from disk?")
                                  .arg(page->document()->displayName()),
                              QMessageBox::Discard | QMessageBox::Cancel) != QMessageBox::Discard)
        return;
    auto result = NotebookDocument::load(page->document()->filePath());
    if (!result.document) {
        QMessageBox::critical(m_window, tr("Cannot revert"), result.error);
        return;
    }
    page->replaceDocument(std::move(result.document));
}

bool FileController::closePage(NotebookPage* page) {
    if (page->document()->isModified()) {
        m_window->setCurrentPage(page);
        const auto answer = QMessageBox::warning(
            m_window, tr("Unsaved changes"),
            tr("Save changes to %1 before closing?").arg(page->document()->displayName()),
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
        if (answer == QMessageBox::Cancel)
            return false;
        if (answer == QMessageBox::Save && !save(page))
            return false;
    }
    m_window->removePage(page);
    updateActions();
    return true;
}

bool FileController::closeAll() {
    for (auto* p : m_window->pages())
        if (!closePage(p))
            return false;
    return true;
}

} // namespace quire::app
