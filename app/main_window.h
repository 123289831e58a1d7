#pragma once

#include <QMainWindow>

class QTabWidget;

namespace quire::app {

class NotebookPage;
class FileController;
class FilesController;
class RemoteRuntimeController;
class EditController;
class ViewController;
class HelpController;
class RuntimeController;
class WelcomeController;
class DriveController;
class TrustController;

// The window: notebook tabs, docks, menus. Features live in controllers; this class only
// holds the pieces together.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    enum class Menu { File, Edit, View, Insert, Runtime, Tools, Help };

    MainWindow();
    ~MainWindow() override;

    QMenu* menu(Menu which) const;
    NotebookPage* currentPage() const;
    QList<NotebookPage*> pages() const;
    void addPage(NotebookPage* page);
    void removePage(NotebookPage* page);
    void setCurrentPage(NotebookPage* page);

    FileController* files() const { return m_files; }
    EditController* edits() const { return m_edits; }
    ViewController* views() const { return m_views; }
    RuntimeController* runtime() const { return m_runtime; }
    WelcomeController* welcome() const { return m_welcome; }
    HelpController* help() const { return m_help; }
    FilesController* runtimeFiles() const { return m_runtimeFiles; }
    RemoteRuntimeController* remotes() const { return m_remotes; }
    DriveController* drive() const { return m_drive; }
    TrustController* trust() const { return m_trust; }

signals:
    void currentPageChanged(NotebookPage* page);
    void pageAdded(NotebookPage* page);

protected:
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void updateTitle();
    void retranslate();

    QTabWidget* m_tabs;
    QList<QMenu*> m_menus;
    FileController* m_files;
    EditController* m_edits;
    ViewController* m_views;
    RuntimeController* m_runtime;
    HelpController* m_help;
    WelcomeController* m_welcome;
    FilesController* m_runtimeFiles;
    RemoteRuntimeController* m_remotes;
    DriveController* m_drive;
    TrustController* m_trust;
};

} // namespace quire::app
