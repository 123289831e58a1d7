#include "document_guard.h"

#include "autosave_timer.h"
#include "editor/model/notebook_document.h"
#include "notebook_page.h"
#include "recovery_journal.h"

#include <QFileInfo>
#include <QLocale>

namespace quire::app {

using editor::NotebookDocument;

DocumentGuard::DocumentGuard(NotebookPage* page) : QObject(page), m_page(page) {
    connect(page, &NotebookPage::documentReplaced, this, &DocumentGuard::attach);
    attach();
}

DocumentGuard* DocumentGuard::of(NotebookPage* page) {
    return page ? page->findChild<DocumentGuard*>(QString(), Qt::FindDirectChildrenOnly) : nullptr;
}

void DocumentGuard::attach() {
    NotebookDocument* doc = m_page->document();
    // The previous document's helpers were its children and went with it.
    m_journal = new RecoveryJournal(doc);
    m_autosave = new AutosaveTimer(doc);
    m_watcher = new DiskChangeWatcher(doc);
    m_autosaveFailing = false;

    // Never autosave over a file someone else has changed, or one that has gone.
    m_autosave->setGate([w = m_watcher] { return w && w->diskMatchesBaseline(); });
    connect(m_autosave, &AutosaveTimer::failed, this, [this](const QString& error) {
        if (!m_autosaveFailing)
            show(tr("Autosave failed: %1").arg(error), MessageBar::Kind::Error);
        m_autosaveFailing = true;
    });
    connect(m_autosave, &AutosaveTimer::autosaved, this, [this] { m_autosaveFailing = false; });
    // Queued: reloading replaces the document, which deletes the watcher that is emitting.
    connect(m_watcher, &DiskChangeWatcher::stateChanged, this, &DocumentGuard::onDiskState,
            Qt::QueuedConnection);
}

void DocumentGuard::show(const QString& text, MessageBar::Kind kind) {
    m_shown = text;
    m_page->messageBar()->showMessage(text, kind);
}

void DocumentGuard::onDiskState(DiskChangeWatcher::State state) {
    QPointer<DiskChangeWatcher> watcher = m_watcher;
    if (!watcher || watcher->state() != state)
        return; // the document was replaced, or the file moved on since this was queued
    NotebookDocument* doc = m_page->document();
    MessageBar* bar = m_page->messageBar();
    switch (state) {
    case DiskChangeWatcher::State::InSync:
        if (bar->isVisible() && bar->text() == m_shown)
            bar->dismiss(); // the file is back as we know it
        break;
    case DiskChangeWatcher::State::Changed:
        if (!doc->isModified()) {
            // Nothing of the user's to lose: follow the file, and say so.
            if (reload())
                show(tr("This notebook changed on disk and was reloaded."), MessageBar::Kind::Info);
            break;
        }
        show(tr("This notebook changed on disk. Reload it and lose your changes, or keep yours "
                "(saving will overwrite the file)?"),
             MessageBar::Kind::Warning);
        bar->addAction(tr("Reload"), [this] { reload(); });
        bar->addAction(tr("Keep mine"), [this, watcher] {
            if (watcher && watcher == m_watcher) {
                watcher->acceptDiskState();
                m_autosave->schedule();
            }
        });
        break;
    case DiskChangeWatcher::State::Removed:
        show(tr("This notebook's file was deleted or moved: %1").arg(doc->filePath()),
             MessageBar::Kind::Warning);
        bar->addAction(tr("Keep mine"), [this, watcher] {
            if (watcher && watcher == m_watcher) {
                watcher->acceptDiskState();
                m_page->document()->markDirty(); // so Save (or autosave) writes it again
                m_autosave->schedule();
            }
        });
        break;
    }
}

bool DocumentGuard::reload() {
    const QString path = m_page->document()->filePath();
    auto result = NotebookDocument::load(path);
    if (!result.document) {
        show(tr("This notebook changed on disk but cannot be read now: %1").arg(result.error),
             MessageBar::Kind::Error);
        m_page->messageBar()->addAction(tr("Try Again"), [this] {
            if (reload())
                m_page->messageBar()->dismiss();
        });
        return false;
    }
    m_page->replaceDocument(std::move(result.document)); // attach() runs for the new document
    return true;
}

void DocumentGuard::adoptRecovery(const RecoveryEntry& entry) {
    m_journal->adopt(entry);
    const QString when = QLocale().toString(entry.journaledAt, QLocale::ShortFormat);
    const QString file = entry.originalPath;
    switch (entry.diskState()) {
    case RecoveryEntry::DiskState::Untitled:
        show(tr("Recovered unsaved notebook from %1. Save it to keep it.").arg(when),
             MessageBar::Kind::Info);
        return;
    case RecoveryEntry::DiskState::Unchanged:
        show(tr("Recovered unsaved changes from %1. Save to write them to %2.").arg(when, file),
             MessageBar::Kind::Info);
        break;
    case RecoveryEntry::DiskState::Changed:
        show(tr("Recovered unsaved changes from %1, but %2 has changed on disk since. Saving will "
                "overwrite that version.")
                 .arg(when, file),
             MessageBar::Kind::Warning);
        break;
    case RecoveryEntry::DiskState::Missing:
        show(tr("Recovered unsaved changes from %1. %2 no longer exists; Save creates it again.")
                 .arg(when, file),
             MessageBar::Kind::Warning);
        break;
    }
    // The user decides what goes into the original file: no autosave until they save.
    m_autosave->setSuspended(true);
    if (QFileInfo::exists(file)) {
        m_page->messageBar()->addAction(tr("Discard Recovered"), [this, file] {
            if (m_page->document()->filePath() == file)
                reload(); // the recovered document, and with it the journal entry, goes away
        });
    }
}

} // namespace quire::app
