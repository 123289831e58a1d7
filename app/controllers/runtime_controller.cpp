#include "runtime_controller.h"

#include "app/app_settings.h"
#include "app/desktop_notifier.h"
#include "app/kernel_picker_dialog.h"
#include "app/main_window.h"
#include "app/notebook_kernel.h"
#include "app/notebook_page.h"
#include "app/warm_kernel_pool.h"
#include "editor/execution/cell_executor.h"
#include "editor/model/notebook_document.h"
#include "editor/view/notebook_view.h"

#include <QApplication>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QStatusBar>
#include <QTimer>

namespace quire::app {

using editor::NotebookView;
using kernel::KernelStatus;

namespace {

// Menu text with the key the cell editor or command mode handles (not an application
// shortcut: the same keys must keep working inside the editor).
QString withHint(const QString& text, const QString& hint) {
    return text + QLatin1Char('\t') + hint;
}

QString statusText(KernelStatus status) {
    switch (status) {
    case KernelStatus::Starting:
        return RuntimeController::tr("Starting…");
    case KernelStatus::Idle:
        return RuntimeController::tr("Idle");
    case KernelStatus::Busy:
        return RuntimeController::tr("Busy");
    case KernelStatus::Restarting:
        return RuntimeController::tr("Restarting…");
    case KernelStatus::Dead:
        return RuntimeController::tr("Dead");
    }
    return {};
}

// Per page: when its current batch started (for the long-run notification).
constexpr const char* BatchStartProperty = "quireBatchStartMs";

} // namespace

RuntimeController::RuntimeController(MainWindow* window)
    : QObject(window), m_window(window), m_pool(new WarmKernelPool(this)),
      m_notifier(new DesktopNotifier(this)) {
    QMenu* m = window->menu(MainWindow::Menu::Runtime);
    auto add = [this, m](const char* name, const QString& text, const QKeySequence& key, auto fn) {
        QAction* a = m->addAction(text);
        a->setObjectName(QLatin1String(name));
        if (!key.isEmpty())
            a->setShortcut(key);
        connect(a, &QAction::triggered, this, [this, fn] {
            if (m_page)
                fn(m_page.data());
        });
        m_pageActions << a;
        return a;
    };
    add("runtime.runCell", withHint(tr("&Run Cell"), QStringLiteral("Ctrl+Enter")), {},
        [](NotebookPage* p) { p->view()->runCurrent(NotebookView::RunMode::Stay); });
    add("runtime.runAdvance", withHint(tr("Run Cell and &Advance"), QStringLiteral("Shift+Enter")),
        {}, [](NotebookPage* p) { p->view()->runCurrent(NotebookView::RunMode::Advance); });
    add("runtime.runInsert",
        withHint(tr("Run Cell and &Insert Below"), QStringLiteral("Alt+Enter")), {},
        [](NotebookPage* p) { p->view()->runCurrent(NotebookView::RunMode::InsertBelow); });
    m->addSeparator();
    add("runtime.runAll", tr("Run A&ll Cells"), QKeySequence(Qt::CTRL | Qt::Key_F9),
        [this](NotebookPage* p) { run(p, Scope::All); });
    add("runtime.runAbove", tr("Run All A&bove"), QKeySequence(Qt::CTRL | Qt::Key_F8),
        [this](NotebookPage* p) { run(p, Scope::Above); });
    add("runtime.runBelow", tr("Run &Selected and Below"), QKeySequence(Qt::CTRL | Qt::Key_F10),
        [this](NotebookPage* p) { run(p, Scope::SelectedAndBelow); });
    m->addSeparator();
    m_interrupt = add("runtime.interrupt", withHint(tr("I&nterrupt"), QStringLiteral("I, I")), {},
                      [](NotebookPage* p) { p->kernel()->interrupt(); });
    add("runtime.restart", withHint(tr("Res&tart…"), QStringLiteral("0, 0")), {},
        [this](NotebookPage* p) { restart(p, false); });
    add("runtime.restartRunAll", tr("Restart and Run All…"), {},
        [this](NotebookPage* p) { restart(p, true); });
    m_shutdown = add("runtime.shutdown", tr("Shut &Down"), {},
                     [](NotebookPage* p) { p->kernel()->shutdown(); });

    m_status = new QLabel(window);
    m_status->setObjectName(QStringLiteral("runtime.status"));
    m_status->setAccessibleName(tr("Kernel status"));
    m_progress = new QProgressBar(window);
    m_progress->setMaximumWidth(160);
    m_progress->setFormat(tr("%v / %m cells"));
    m_progress->setAccessibleName(tr("Run progress"));
    m_progress->hide();
    window->statusBar()->addPermanentWidget(m_progress);
    window->statusBar()->addPermanentWidget(m_status);

    auto& settings = AppSettings::instance();
    m_pool->setSpecName(settings.defaultKernel());
    connect(&settings, &AppSettings::defaultKernelChanged, m_pool, &WarmKernelPool::setSpecName);
    connect(&settings, &AppSettings::warmKernelChanged, m_pool, &WarmKernelPool::setEnabled);
    // The warm kernel starts once the window is on screen, so it never delays the first paint.
    window->installEventFilter(this);

    connect(window, &MainWindow::pageAdded, this, &RuntimeController::hookPage);
    connect(window, &MainWindow::currentPageChanged, this, &RuntimeController::setCurrent);
    for (NotebookPage* page : window->pages())
        hookPage(page);
    setCurrent(window->currentPage());
}

RuntimeController::~RuntimeController() = default;

bool RuntimeController::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_window && event->type() == QEvent::Show) {
        m_window->removeEventFilter(this);
        QTimer::singleShot(0, this,
                           [this] { m_pool->setEnabled(AppSettings::instance().warmKernel()); });
    }
    return QObject::eventFilter(watched, event);
}

void RuntimeController::hookPage(NotebookPage* page) {
    NotebookKernel* k = page->kernel();
    k->setWarmPool(m_pool);
    connect(k, &NotebookKernel::statusChanged, this, [this, page] {
        if (page == m_page)
            updateStatus();
    });
    connect(k, &NotebookKernel::kernelChoiceNeeded, this,
            [this, page](const QString& wanted) { chooseKernel(page, wanted); });
    connect(k, &NotebookKernel::startFailed, page, [this, page](const QString& error) {
        QMessageBox box(
            QMessageBox::Critical, tr("Cannot start the kernel"),
            tr("The %1 kernel could not be started.").arg(page->kernel()->displayName()),
            QMessageBox::Ok, m_window);
        box.setInformativeText(error);
        box.exec();
    });
    connect(k, &NotebookKernel::died, page, [this, page](const QString& reason) {
        page->messageBar()->showMessage(
            tr("The kernel died: %1. Your cells and their outputs are kept; variables are lost.")
                .arg(reason),
            MessageBar::Kind::Error);
        page->messageBar()->addAction(tr("Restart Kernel"), [this, page] {
            page->messageBar()->dismiss();
            restart(page, false, true);
        });
        if (page == m_page)
            updateStatus();
    });
    connect(page, &NotebookPage::restartRequested, this, [this, page] { restart(page, false); });
    auto hookExecutor = [this, page] {
        auto* ex = page->kernel()->executor();
        connect(ex, &editor::CellExecutor::progress, page, [this, page](int done, int total) {
            if (!page->property(BatchStartProperty).isValid())
                page->setProperty(BatchStartProperty, QDateTime::currentMSecsSinceEpoch());
            if (page != m_page)
                return;
            m_progress->setVisible(total > 1 && done < total);
            m_progress->setRange(0, total);
            m_progress->setValue(done);
        });
        connect(ex, &editor::CellExecutor::stateChanged, page,
                [page](const editor::Cell*, const editor::CellRunState& s) {
                    if (s.phase == editor::CellRunState::Phase::Running &&
                        !page->property(BatchStartProperty).isValid())
                        page->setProperty(BatchStartProperty, s.startedAtMs);
                });
        connect(ex, &editor::CellExecutor::queueFinished, page,
                [this, page](bool ok) { onQueueFinished(page, ok); });
    };
    hookExecutor();
    connect(k, &NotebookKernel::executorReplaced, page, hookExecutor);
}

void RuntimeController::setCurrent(NotebookPage* page) {
    m_page = page;
    for (QAction* a : m_pageActions)
        a->setEnabled(page != nullptr);
    m_progress->hide();
    updateStatus();
}

void RuntimeController::updateStatus() {
    if (!m_page) {
        m_status->clear();
        return;
    }
    NotebookKernel* k = m_page->kernel();
    const QString state = k->hasKernel() ? statusText(k->status()) : tr("not started");
    m_status->setText(QStringLiteral("%1 · %2").arg(k->displayName(), state));
    m_status->setToolTip(tr("Kernel: %1").arg(k->specName()));
}

void RuntimeController::run(NotebookPage* page, Scope scope) {
    auto* doc = page->document();
    const QList<int> selected = page->view()->selectedIndices();
    const int current = page->view()->currentIndex();
    int first = 0;
    int end = doc->cellCount();
    if (scope == Scope::Above)
        end = current;
    else if (scope == Scope::SelectedAndBelow)
        first = selected.isEmpty() ? current : *std::min_element(selected.begin(), selected.end());
    std::vector<editor::CellPtr> cells;
    for (int i = std::max(0, first); i < end; ++i)
        if (doc->cell(i)->isCode())
            cells.push_back(doc->cell(i));
    if (!cells.empty())
        page->kernel()->run(cells);
}

void RuntimeController::restart(NotebookPage* page, bool runAll, bool confirmed) {
    NotebookKernel* k = page->kernel();
    if (!confirmed && k->hasKernel() && k->status() != KernelStatus::Dead) {
        QMessageBox box(QMessageBox::Question, tr("Restart the kernel?"),
                        tr("All variables will be lost. Outputs stay in the notebook."),
                        QMessageBox::Cancel, m_window);
        QPushButton* yes = box.addButton(runAll ? tr("Restart and Run All") : tr("Restart"),
                                         QMessageBox::AcceptRole);
        box.setDefaultButton(yes);
        box.exec();
        if (box.clickedButton() != yes)
            return;
    }
    page->messageBar()->dismiss();
    k->restart();
    if (runAll)
        run(page, Scope::All);
}

void RuntimeController::chooseKernel(NotebookPage* page, const QString& wanted) {
    const auto specs = kernel::KernelSpecStore().specs();
    if (specs.isEmpty()) {
        page->kernel()->dropPending();
        QMessageBox box(QMessageBox::Warning, tr("No kernels installed"),
                        tr("Quire found no Jupyter kernels to run this notebook on."),
                        QMessageBox::Ok, m_window);
        box.setInformativeText(
            tr("Install one, for example the Debian package python3-ipykernel, and try again."));
        box.exec();
        return;
    }
    KernelPickerDialog dialog(wanted, specs, AppSettings::instance().defaultKernel(), m_window);
    if (dialog.exec() != QDialog::Accepted || !dialog.chosen()) {
        page->kernel()->dropPending();
        return;
    }
    QString error;
    if (!page->kernel()->useKernel(*dialog.chosen(), &error)) {
        QMessageBox box(QMessageBox::Critical, tr("Cannot start the kernel"),
                        tr("The %1 kernel could not be started.").arg(dialog.chosen()->displayName),
                        QMessageBox::Ok, m_window);
        box.setInformativeText(error);
        box.exec();
    }
}

void RuntimeController::onQueueFinished(NotebookPage* page, bool ok) {
    const QVariant started = page->property(BatchStartProperty);
    page->setProperty(BatchStartProperty, QVariant());
    if (page == m_page)
        m_progress->hide();
    if (!started.isValid())
        return;
    const qint64 elapsed = QDateTime::currentMSecsSinceEpoch() - started.toLongLong();
    if (elapsed < m_notifyAfterMs || m_window->isActiveWindow())
        return;
    const QString name = page->document()->displayName();
    m_notifier->notify(ok ? tr("%1 finished running").arg(name)
                          : tr("%1 stopped with an error").arg(name),
                       tr("The run took %n second(s).", nullptr, int(elapsed / 1000)), m_window);
}

} // namespace quire::app
