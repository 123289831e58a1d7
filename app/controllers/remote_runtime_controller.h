#pragma once

#include <QObject>
#include <QPointer>

class QMenu;

namespace quire::app {

class MainWindow;
class NotebookPage;
class RemoteRuntimes;

// Runtime → Connect to a Runtime… and Runtime → Runtime Location (Local Runtime or a
// remembered remote one, per notebook; Forget). Asks the user about certificates no CA vouches
// for, showing the fingerprint.
class RemoteRuntimeController : public QObject {
    Q_OBJECT
public:
    explicit RemoteRuntimeController(MainWindow* window);

    RemoteRuntimes* runtimes() const { return m_runtimes; }
    // Shows the dialog; on success the current notebook runs there from its next cell.
    void connectDialog();
    // Moves `page` to `runtimeId` ("" = local), asking first when its kernel holds state.
    void useRuntime(NotebookPage* page, const QString& runtimeId, bool confirmed = false);

private:
    void fillLocationMenu();
    void askAboutCertificate();

    MainWindow* m_window;
    RemoteRuntimes* m_runtimes;
    QMenu* m_location;
};

} // namespace quire::app
