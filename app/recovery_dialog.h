#pragma once

#include "recovery_journal.h"

#include <QDialog>

namespace quire::app {

class MainWindow;

// "Quire closed unexpectedly": lists what crashed Quire processes journaled and asks whether
// to recover it. Closing the dialog (Escape) keeps the entries for the next start.
class RecoveryDialog : public QDialog {
    Q_OBJECT
public:
    enum class Choice { Recover, Discard, Later };

    explicit RecoveryDialog(const QList<RecoveryEntry>& entries, QWidget* parent = nullptr);
    Choice choice() const { return m_choice; }

private:
    Choice m_choice = Choice::Later;
};

// At start, before files from the command line open: offers the pending entries and opens
// the recovered notebooks as modified pages bound to their original files.
void offerRecovery(MainWindow& window);

} // namespace quire::app
