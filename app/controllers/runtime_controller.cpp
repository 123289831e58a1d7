#include "runtime_controller.h"

#include "app/app_settings.h"
#include "app/controllers/view_controller.h"
#include "app/desktop_notifier.h"
#include "app/kernel_picker_dialog.h"
#include "app/main_window.h"
#include "app/notebook_kernel.h"
#include "app/notebook_page.h"
#include "app/remote_kernel_specs.h"
#include "app/remote_resource_sampler.h"
#include "app/remote_runtimes.h"
#include "app/resource_dock.h"
#include "app/runtime_inventory.h"
#include "app/runtime_type_dialog.h"
#include "app/warm_kernel_pool.h"
#include "editor/execution/cell_executor.h"
#include "editor/model/notebook_document.h"
#include "editor/view/notebook_view.h"

#include <QApplication>
#include <QJsonObject>
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
      m_notifier(new DesktopNotifier(this)), m_inventory(new RuntimeInventory({}, this)),
      m_remote(new RemoteResourceSampler(this)) {
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
    m->addSeparator();
    add("runtime.changeType", tr("Change R&untime Type…"), {},
        [this](NotebookPage* p) { changeRuntimeType(p); });
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
    m_chip = new QLabel(window);
    m_chip->setObjectName(QStringLiteral("runtime.chip"));
    m_chip->setAccessibleName(tr("Runtime and accelerator"));
    m_chip->setContentsMargins(8, 0, 8, 0);
    window->statusBar()->addPermanentWidget(m_progress);
    window->statusBar()->addPermanentWidget(m_chip);
    window->statusBar()->addPermanentWidget(m_status);
    if (ResourceDock* dock = window->views() ? window->views()->resources() : nullptr)
        dock->setRemoteSampler(m_remote);
    connect(m_remote, &RemoteResourceSampler::sampled, this, &RuntimeController::updateChip);
    connect(m_remote, &RemoteResourceSampler::targetChanged, this, &RuntimeController::updateChip);
    connect(m_inventory, &RuntimeInventory::ready, this, [this] {
        updateChip();
        for (NotebookPage* page : m_window->pages())
            checkAcceleratorNotice(page);
    });

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
        QTimer::singleShot(0, this, [this] {
            m_pool->setEnabled(AppSettings::instance().warmKernel());
            m_inventory->refresh();
        });
    }
    return QObject::eventFilter(watched, event);
}

void RuntimeController::hookPage(NotebookPage* page) {
    NotebookKernel* k = page->kernel();
    k->setWarmPool(m_pool);
    connect(k, &NotebookKernel::statusChanged, this, [this, page] {
        if (page == m_page) {
            updateStatus();
            followRuntime();
        }
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
    connect(page->document(), &editor::NotebookDocument::metadataChanged, this, [this, page] {
        if (page == m_page)
            updateChip();
    });
    checkAcceleratorNotice(page);
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
    followRuntime();
    updateChip();
}

void RuntimeController::followRuntime() {
    NotebookKernel* k = m_page ? m_page->kernel() : nullptr;
    if (k)
        m_remote->setTarget(k->runtimes(), k->runtimeId(), k->client());
    else
        m_remote->setTarget(nullptr, QString(), nullptr);
}

void RuntimeController::updateStatus() {
    if (!m_page) {
        m_status->clear();
        return;
    }
    NotebookKernel* k = m_page->kernel();
    const QString state = k->isConnecting()     ? tr("connecting…")
                          : k->isReconnecting() ? tr("reconnecting…")
                          : k->hasKernel()      ? statusText(k->status())
                                                : tr("not started");
    const QString where = k->runtimeName();
    m_status->setText(where.isEmpty() ? QStringLiteral("%1 · %2").arg(k->displayName(), state)
                                      : tr("%1 on %2 · %3").arg(k->displayName(), where, state));
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

namespace quire::app {

namespace {

using Accelerator = RuntimeTypeDialog::Accelerator;

// What the notebook runs with: its metadata, narrowed by the environment its kernel gets.
RuntimeTypeDialog::Choice currentChoice(NotebookPage* page,
                                        const kernel::ResourceSnapshot& runtime) {
    RuntimeTypeDialog::Choice c;
    c.specName = page->kernel()->specName();
    const editor::Json& md = page->document()->metadata();
    const std::string wanted = md.is_object() ? md.value("accelerator", "") : "";
    const QJsonObject& env = page->kernel()->acceleratorEnvironment();
    const bool hidden = env.contains(QStringLiteral("CUDA_VISIBLE_DEVICES")) &&
                        env.value(QStringLiteral("CUDA_VISIBLE_DEVICES")).toString().isEmpty();
    if (wanted == "TPU")
        c.accelerator = Accelerator::Tpu;
    else if (!hidden && !runtime.gpu.gpus.empty() && (wanted == "GPU" || wanted.empty()))
        c.accelerator = Accelerator::Gpu; // the kernel sees the GPUs
    const QStringList visible = env.value(QStringLiteral("CUDA_VISIBLE_DEVICES"))
                                    .toString()
                                    .split(u',', Qt::SkipEmptyParts);
    for (const auto& gpu : runtime.gpu.gpus)
        if (visible.isEmpty() || visible.contains(gpu.uuid.value_or(QString())) ||
            visible.contains(QString::number(gpu.index)))
            c.gpus << gpu.index;
    return c;
}

// The notebook records the choice the way hosted notebooks do (kernelspec, accelerator,
// colab.gpuType). Returns the chosen GPUs' UUIDs (or indexes) for CUDA_VISIBLE_DEVICES.
QStringList recordChoice(NotebookPage* page, const kernel::KernelSpec& spec,
                         const RuntimeTypeDialog::Choice& choice,
                         const kernel::ResourceSnapshot& runtime) {
    auto* doc = page->document();
    editor::Json md = doc->metadata().is_object() ? doc->metadata() : editor::Json::object();
    const editor::Json before = md;
    editor::Json ks = md.value("kernelspec", editor::Json::object());
    if (!ks.is_object())
        ks = editor::Json::object();
    ks["display_name"] = spec.displayName.toStdString();
    ks["language"] = spec.language.toStdString();
    ks["name"] = spec.name.toStdString();
    md["kernelspec"] = std::move(ks);
    editor::Json colab = md.value("colab", editor::Json::object());
    if (!colab.is_object())
        colab = editor::Json::object();
    QStringList visible;
    switch (choice.accelerator) {
    case Accelerator::Gpu:
        md["accelerator"] = "GPU";
        for (const auto& gpu : runtime.gpu.gpus)
            if (choice.gpus.contains(gpu.index))
                visible << gpu.uuid.value_or(QString::number(gpu.index));
        break;
    case Accelerator::Tpu:
        md["accelerator"] = "TPU";
        colab.erase("gpuType");
        break;
    case Accelerator::None:
        md.erase("accelerator");
        colab.erase("gpuType");
        break;
    }
    if (choice.accelerator == Accelerator::Gpu && !choice.gpus.isEmpty()) {
        // The first chosen GPU names the type, as colab.gpuType does ("T4", "A100", "H200").
        for (const auto& gpu : runtime.gpu.gpus)
            if (choice.gpus.contains(gpu.index)) {
                colab["gpuType"] =
                    RuntimeInventory::gpuType(gpu.name.value_or(QString())).toStdString();
                break;
            }
    }
    if (colab.empty())
        md.erase("colab");
    else
        md["colab"] = std::move(colab);
    if (md != before) {
        doc->setMetadata(std::move(md));
        doc->markDirty();
    }
    return visible;
}

} // namespace

void RuntimeController::changeRuntimeType(NotebookPage* page) {
    if (!page->kernel()->runtimeId().isEmpty())
        return changeRemoteRuntimeType(page);
    if (!m_inventory->snapshot()) {
        QPointer<NotebookPage> guard(page);
        connect(
            m_inventory, &RuntimeInventory::ready, this,
            [this, guard] {
                if (guard)
                    changeRuntimeType(guard);
            },
            Qt::SingleShotConnection);
        m_inventory->refresh();
        return;
    }
    const kernel::ResourceSnapshot& runtime = *m_inventory->snapshot();
    RuntimeTypeDialog dialog(kernel::KernelSpecStore().specs(), runtime,
                             currentChoice(page, runtime), m_window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const RuntimeTypeDialog::Choice choice = dialog.choice();
    const auto spec = kernel::KernelSpecStore().find(choice.specName);
    if (!spec)
        return;

    const QStringList visible = recordChoice(page, *spec, choice, runtime);
    // None and TPU hide the GPUs from CUDA; GPU shows the chosen ones.
    page->kernel()->setAcceleratorEnvironment(
        QJsonObject{{QStringLiteral("CUDA_VISIBLE_DEVICES"), visible.join(u',')}});
    page->messageBar()->dismiss();
    updateChip();

    NotebookKernel* k = page->kernel();
    if (!k->hasKernel())
        return; // the next run starts with it
    if (k->status() != KernelStatus::Dead) {
        QMessageBox box(QMessageBox::Question, tr("Restart the runtime?"),
                        tr("The kernel restarts with the new runtime type. Variables will be lost; "
                           "outputs stay in the notebook."),
                        QMessageBox::Cancel, m_window);
        QPushButton* yes = box.addButton(tr("Restart"), QMessageBox::AcceptRole);
        box.setDefaultButton(yes);
        box.exec();
        if (box.clickedButton() != yes)
            return;
    }
    QString error;
    if (!k->restartWith(*spec, &error)) {
        QMessageBox box(QMessageBox::Critical, tr("Cannot start the kernel"),
                        tr("The %1 kernel could not be started.").arg(spec->displayName),
                        QMessageBox::Ok, m_window);
        box.setInformativeText(error);
        box.exec();
    }
}

void RuntimeController::changeRemoteRuntimeType(NotebookPage* page) {
    QPointer<NotebookPage> guard(page);
    if (!m_remote->latest() && m_remote->lastError().isEmpty()) {
        // Measure first; the dialog follows the answer (or the error).
        auto answered =
            std::make_shared<std::pair<QMetaObject::Connection, QMetaObject::Connection>>();
        auto again = [this, guard, answered] {
            disconnect(answered->first);
            disconnect(answered->second);
            if (guard)
                changeRemoteRuntimeType(guard);
        };
        answered->first = connect(m_remote, &RemoteResourceSampler::sampled, this, again);
        answered->second = connect(m_remote, &RemoteResourceSampler::failed, this, again);
        m_remote->requestOnce();
        return;
    }
    RemoteKernelSpecs::fetch(
        page->kernel()->runtimes(), page->kernel()->runtimeId(), page,
        [this, guard](const QList<kernel::KernelSpec>& specs, const QString& error) {
            if (!guard)
                return;
            NotebookPage* p = guard;
            NotebookKernel* k = p->kernel();
            if (specs.isEmpty()) {
                QMessageBox box(QMessageBox::Warning, tr("Change Runtime Type"),
                                tr("The kernels of %1 could not be listed.").arg(k->runtimeName()),
                                QMessageBox::Ok, m_window);
                box.setInformativeText(error.isEmpty() ? tr("The runtime has no kernels.") : error);
                box.exec();
                return;
            }
            kernel::ResourceSnapshot runtime =
                m_remote->latest().value_or(kernel::ResourceSnapshot{});
            if (!m_remote->latest())
                runtime.gpu.unavailableReason = m_remote->lastError();
            RuntimeTypeDialog dialog(specs, runtime, currentChoice(p, runtime), m_window);
            dialog.addExplanation(
                tr("%1 is a Jupyter Server: it starts kernels with its own environment, and only "
                   "Kernel and Enterprise Gateways accept one per kernel. So Quire cannot hide "
                   "GPUs from this kernel: the choice is recorded in the notebook, and the "
                   "kernel sees every GPU of the server.")
                    .arg(k->runtimeName()));
            if (dialog.exec() != QDialog::Accepted)
                return;
            const RuntimeTypeDialog::Choice choice = dialog.choice();
            const auto spec = std::find_if(specs.begin(), specs.end(), [&](const auto& s) {
                return s.name == choice.specName;
            });
            if (spec == specs.end())
                return;
            const QString before = k->specName();
            (void)recordChoice(p, *spec, choice, runtime);
            p->messageBar()->dismiss();
            updateChip();
            if (!k->hasKernel() || spec->name == before)
                return; // the next run starts the chosen kernel on the server
            QMessageBox box(QMessageBox::Question, tr("Restart the runtime?"),
                            tr("The kernel restarts as %1 on %2 at the next run. Variables will "
                               "be lost; outputs stay in the notebook.")
                                .arg(spec->displayName, k->runtimeName()),
                            QMessageBox::Cancel, m_window);
            QPushButton* yes = box.addButton(tr("Restart"), QMessageBox::AcceptRole);
            box.setDefaultButton(yes);
            box.exec();
            if (box.clickedButton() == yes)
                k->shutdown(); // the next run starts the notebook's (new) kernelspec there
        });
}

void RuntimeController::updateChip() {
    const QString remoteName = m_page ? m_page->kernel()->runtimeName() : QString();
    const bool remote = m_page && !m_page->kernel()->runtimeId().isEmpty();
    const std::optional<kernel::ResourceSnapshot>& known =
        remote ? m_remote->latest() : m_inventory->snapshot();
    const QString where = remote ? remoteName : tr("Local");
    if (!m_page || !known) {
        m_chip->setText(m_page ? where : QString());
        if (remote)
            m_remote->requestOnce(); // the chip says what the runtime has once it is measured
        return;
    }
    const kernel::ResourceSnapshot& runtime = *known;
    const RuntimeTypeDialog::Choice c = currentChoice(m_page, runtime);
    QString accelerator = tr("CPU");
    if (c.accelerator == Accelerator::Gpu && !c.gpus.isEmpty()) {
        for (const auto& gpu : runtime.gpu.gpus)
            if (gpu.index == c.gpus.first())
                accelerator =
                    tr("GPU %1").arg(RuntimeInventory::gpuType(gpu.name.value_or(QString())));
        if (c.gpus.size() > 1)
            accelerator += QStringLiteral(" ×%1").arg(c.gpus.size());
    } else if (c.accelerator == Accelerator::Tpu && !runtime.tpus.empty()) {
        accelerator = tr("TPU %1").arg(runtime.tpus.front().generation);
    }
    m_chip->setText(tr("%1 · %2").arg(where, accelerator));
}

void RuntimeController::checkAcceleratorNotice(NotebookPage* page) {
    if (!m_inventory->snapshot() || page->property("quireAcceleratorChecked").toBool())
        return;
    page->setProperty("quireAcceleratorChecked", true);
    const editor::Json& md = page->document()->metadata();
    const std::string wanted = md.is_object() ? md.value("accelerator", "") : "";
    QString text;
    if (wanted == "GPU" && !m_inventory->hasGpu()) {
        const QString reason = m_inventory->snapshot()->gpu.unavailableReason;
        text =
            reason.isEmpty()
                ? tr("This notebook asks for a GPU, but this runtime has none.")
                : tr("This notebook asks for a GPU, but this runtime has none (%1).").arg(reason);
    } else if (wanted == "TPU" && !m_inventory->hasTpu()) {
        text = tr("This notebook asks for a TPU, but this runtime has none.");
    }
    if (text.isEmpty())
        return;
    MessageBar* bar = page->messageBar();
    bar->showMessage(text, MessageBar::Kind::Warning);
    QPointer<NotebookPage> guard(page);
    bar->addAction(tr("Change Runtime Type"), [this, guard] {
        if (guard)
            changeRuntimeType(guard);
    });
    bar->addAction(tr("Continue without It"), [bar] { bar->dismiss(); });
}

} // namespace quire::app
