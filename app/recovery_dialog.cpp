#include "recovery_dialog.h"

#include "controllers/file_controller.h"
#include "document_guard.h"
#include "editor/model/notebook_document.h"
#include "main_window.h"

#include <QDialogButtonBox>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace quire::app {

namespace {
QString noteFor(const RecoveryEntry& e) {
    switch (e.diskState()) {
    case RecoveryEntry::DiskState::Untitled:
        return RecoveryDialog::tr("never saved");
    case RecoveryEntry::DiskState::Unchanged:
        return {};
    case RecoveryEntry::DiskState::Changed:
        return RecoveryDialog::tr("the file has changed on disk since");
    case RecoveryEntry::DiskState::Missing:
        return RecoveryDialog::tr("the file no longer exists");
    }
    return {};
}
} // namespace

RecoveryDialog::RecoveryDialog(const QList<RecoveryEntry>& entries, QWidget* parent)
    : QDialog(parent) {
    setWindowTitle(tr("Recover Notebooks"));
    auto* layout = new QVBoxLayout(this);
    auto* label = new QLabel(
        tr("Quire closed unexpectedly. Recover %n notebook(s)?", nullptr, int(entries.size())),
        this);
    label->setWordWrap(true);
    layout->addWidget(label);

    auto* list = new QTreeWidget(this);
    list->setRootIsDecorated(false);
    list->setSelectionMode(QAbstractItemView::NoSelection);
    list->setHeaderLabels({tr("Notebook"), tr("Folder"), tr("Last change"), tr("Note")});
    for (const RecoveryEntry& e : entries) {
        auto* item = new QTreeWidgetItem(list);
        item->setText(0, e.displayName());
        item->setText(1, e.originalPath.isEmpty() ? QString()
                                                  : QFileInfo(e.originalPath).absolutePath());
        item->setToolTip(1, e.originalPath);
        item->setText(2, QLocale().toString(e.journaledAt, QLocale::ShortFormat));
        item->setText(3, noteFor(e));
    }
    list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    layout->addWidget(list);

    auto* buttons = new QDialogButtonBox(this);
    QPushButton* recover = buttons->addButton(tr("Recover"), QDialogButtonBox::AcceptRole);
    QPushButton* discard = buttons->addButton(tr("Discard"), QDialogButtonBox::DestructiveRole);
    recover->setDefault(true);
    connect(recover, &QPushButton::clicked, this, [this] {
        m_choice = Choice::Recover;
        accept();
    });
    connect(discard, &QPushButton::clicked, this, [this, n = int(entries.size())] {
        const auto answer = QMessageBox::warning(
            this, tr("Discard recovered notebooks"),
            tr("Discard the unsaved changes of %n notebook(s)? This cannot be undone.", nullptr, n),
            QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Discard)
            return;
        m_choice = Choice::Discard;
        accept();
    });
    layout->addWidget(buttons);
    resize(640, sizeHint().height());
}

void offerRecovery(MainWindow& window) {
    const QList<RecoveryEntry> entries = RecoveryJournal::pendingEntries();
    if (entries.isEmpty())
        return;
    RecoveryDialog dialog(entries, &window);
    dialog.exec();
    if (dialog.choice() == RecoveryDialog::Choice::Discard) {
        for (const auto& e : entries)
            RecoveryJournal::discard(e);
        return;
    }
    if (dialog.choice() != RecoveryDialog::Choice::Recover)
        return;
    QStringList failures;
    for (const auto& e : entries) {
        QString error;
        auto doc = RecoveryJournal::restore(e, &error);
        if (!doc) {
            failures << e.displayName() + QStringLiteral(": ") + error;
            continue; // left in place: nothing is deleted that could not be opened
        }
        NotebookPage* page = window.files()->openDocument(std::move(doc));
        if (auto* guard = DocumentGuard::of(page))
            guard->adoptRecovery(e);
    }
    if (!failures.isEmpty()) {
        QMessageBox box(
            QMessageBox::Warning, RecoveryDialog::tr("Recover Notebooks"),
            RecoveryDialog::tr(
                "%n notebook(s) could not be recovered. Their journal files are kept in %1.",
                nullptr, int(failures.size()))
                .arg(RecoveryJournal::directory()),
            QMessageBox::Ok, &window);
        box.setDetailedText(failures.join(QLatin1Char('\n')));
        box.exec();
    }
}

} // namespace quire::app
