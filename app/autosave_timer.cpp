#include "autosave_timer.h"

#include "app_settings.h"
#include "document_changes.h"
#include "editor/model/notebook_document.h"

namespace quire::app {

using editor::NotebookDocument;

AutosaveTimer::AutosaveTimer(NotebookDocument* document) : QObject(document), m_doc(document) {
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &AutosaveTimer::saveNow);
    connectContentChanges(document, this, [this] { schedule(); });
    connect(document, &NotebookDocument::saved, this, [this] {
        m_timer.stop();
        m_suspended = false;
    });
    connect(&AppSettings::instance(), &AppSettings::autosaveChanged, this, [this](bool on) {
        if (on)
            schedule();
        else
            m_timer.stop();
    });
    connect(&AppSettings::instance(), &AppSettings::autosaveSecondsChanged, this, [this] {
        if (m_timer.isActive())
            m_timer.start(int(std::max<qint64>(0, intervalMs() - m_since.elapsed())));
    });
    schedule();
}

void AutosaveTimer::setSuspended(bool suspended) {
    m_suspended = suspended;
    if (suspended)
        m_timer.stop();
    else
        schedule();
}

void AutosaveTimer::schedule() {
    if (m_suspended || m_timer.isActive() || !AppSettings::instance().autosave() ||
        m_doc->filePath().isEmpty() || !m_doc->isModified())
        return;
    m_since.start();
    m_timer.start(intervalMs());
}

int AutosaveTimer::intervalMs() {
    return std::max(1, AppSettings::instance().autosaveSeconds()) * 1000;
}

void AutosaveTimer::saveNow() {
    m_timer.stop();
    if (m_suspended || !AppSettings::instance().autosave() || m_doc->filePath().isEmpty() ||
        !m_doc->isModified())
        return;
    if (m_gate && !m_gate())
        return; // the owner resumes us (schedule() runs again on the next change)
    QString error;
    if (m_doc->save(&error))
        emit autosaved();
    else
        emit failed(error);
}

} // namespace quire::app
