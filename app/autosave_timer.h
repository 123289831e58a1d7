#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <functional>

namespace quire::editor {
class NotebookDocument;
}

namespace quire::app {

// Saves a modified document that already has a file, AppSettings::autosaveSeconds() after
// the first change since the last save (later changes do not push the save back, so steady
// typing is still saved). A new interval applies to a countdown already running. Untitled notebooks
// are never autosaved: the recovery journal keeps them. A gate, asked right before saving, lets the
// owner hold autosave back (for example while the file on disk has changes the user has not seen).
// A child of its document.
class AutosaveTimer : public QObject {
    Q_OBJECT
public:
    explicit AutosaveTimer(editor::NotebookDocument* document);

    void setGate(std::function<bool()> mayWrite) { m_gate = std::move(mayWrite); }
    // While suspended nothing is saved; resumed by the next (explicit) save.
    void setSuspended(bool suspended);
    bool isSuspended() const { return m_suspended; }
    bool isPending() const { return m_timer.isActive(); }
    // Starts the countdown if there is something to save (after the gate opens again).
    void schedule();
    void saveNow(); // what the timer does

signals:
    void autosaved();
    void failed(const QString& error);

private:
    static int intervalMs();
    editor::NotebookDocument* m_doc;
    QTimer m_timer;
    QElapsedTimer m_since; // since the countdown started
    std::function<bool()> m_gate;
    bool m_suspended = false;
};

} // namespace quire::app
