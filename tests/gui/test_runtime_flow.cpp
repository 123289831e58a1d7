// Running cells from the real window on a real ipykernel: Run, Run all, the kernel picker,
// interrupt, restart (asked first), a dying kernel announced with Restart, the warm kernel,
// the status bar, and the desktop notification after a long run (on a private D-Bus).
#include "app/app_settings.h"
#include "app/controllers/file_controller.h"
#include "app/controllers/runtime_controller.h"
#include "app/controllers/welcome_controller.h"
#include "app/desktop_notifier.h"
#include "app/kernel_picker_dialog.h"
#include "app/main_window.h"
#include "app/notebook_kernel.h"
#include "app/notebook_page.h"
#include "app/warm_kernel_pool.h"
#include "editor/execution/cell_executor.h"
#include "editor/model/notebook_document.h"
#include "editor/view/cell_widget.h"
#include "editor/view/code_editor.h"
#include "editor/view/notebook_view.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDBusConnection>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace quire;
using editor::Json;

namespace {

const char* const OtherKernelNotebook =
    R"nb({"cells": [{"cell_type": "code", "execution_count": null, "id": "c1",
                  "metadata": {}, "outputs": [], "source": "import os; print(os.getcwd())"}],
                  "metadata": {"kernelspec": {"name": "no-such-kernel", "display_name": "Nope",
                  "language": "python"}}, "nbformat": 4, "nbformat_minor": 5})nb";

const char* const NotificationService = R"py(
import dbus, dbus.service, dbus.mainloop.glib, sys
from gi.repository import GLib
dbus.mainloop.glib.DBusGMainLoop(set_as_default=True)
class N(dbus.service.Object):
    @dbus.service.method('org.freedesktop.Notifications', in_signature='susssasa{sv}i', out_signature='u')
    def Notify(self, app, rid, icon, summary, body, actions, hints, timeout):
        print(summary + '|' + body, flush=True)
        return 1
name = dbus.service.BusName('org.freedesktop.Notifications', dbus.SessionBus())
N(dbus.SessionBus(), '/org/freedesktop/Notifications')
print('ready', flush=True)
GLib.MainLoop().run()
)py";

std::string allText(const editor::Cell& cell) {
    std::string text;
    for (const auto& out : cell.outputs()) {
        text += out.value("text", "");
        if (out.contains("data"))
            text += out["data"].value("text/plain", "");
        text += out.value("ename", "");
    }
    return text;
}

QAction* action(app::MainWindow& w, const char* name) {
    for (QAction* a : w.menu(app::MainWindow::Menu::Runtime)->actions())
        if (a->objectName() == QLatin1String(name))
            return a;
    return nullptr;
}

QString statusText(app::MainWindow& w) {
    auto* label = w.findChild<QLabel*>(QStringLiteral("runtime.status"));
    return label ? label->text() : QString();
}

// Clicks the button whose text contains `label` in the next modal dialog.
void answerNext(const QString& label, QString* seen = nullptr) {
    QTimer::singleShot(50, qApp, [label, seen] {
        QWidget* modal = QApplication::activeModalWidget();
        if (!modal) {
            answerNext(label, seen);
            return;
        }
        if (auto* box = qobject_cast<QMessageBox*>(modal); box && seen)
            *seen = box->text() + QLatin1Char('\n') + box->informativeText();
        for (auto* b : modal->findChildren<QAbstractButton*>())
            if (b->text().remove(QLatin1Char('&')).contains(label)) {
                b->click();
                return;
            }
        QFAIL("no such button");
    });
}

app::NotebookPage* newNotebookWith(app::MainWindow& w, const QStringList& sources) {
    auto* page = w.files()->newNotebook();
    auto* doc = page->document();
    doc->setCellSource(0, sources.value(0));
    for (int i = 1; i < sources.size(); ++i) {
        auto cell = editor::Cell::create(editor::CellType::Code, doc->newCellId());
        cell->setSource(sources[i]);
        doc->insertCells(doc->cellCount(), {cell});
    }
    return page;
}

bool waitForText(const editor::Cell& cell, const std::string& text, int ms = 30000) {
    return QTest::qWaitFor([&] { return allText(cell).find(text) != std::string::npos; }, ms);
}

} // namespace

class TestRuntimeFlow : public QObject {
    Q_OBJECT
    QProcess m_bus;

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        app::AppSettings::instance().setWarmKernel(false);
        app::AppSettings::instance().setDefaultKernel(QStringLiteral("python3"));
        // A private session bus for the notification test (never the user's).
        m_bus.start(QStringLiteral("dbus-daemon"),
                    {QStringLiteral("--session"), QStringLiteral("--nofork"),
                     QStringLiteral("--print-address")});
        if (m_bus.waitForStarted() && m_bus.waitForReadyRead(5000))
            qputenv("DBUS_SESSION_BUS_ADDRESS", m_bus.readLine().trimmed());
    }
    void cleanupTestCase() {
        m_bus.kill();
        m_bus.waitForFinished();
    }

    void runCellShowsOutputAndRecordsTheKernel() {
        app::MainWindow w;
        auto* page = newNotebookWith(w, {QStringLiteral("print(6 * 7)")});
        QVERIFY(statusText(w).contains(QStringLiteral("not started")));
        page->view()->setCurrentIndex(0);
        page->view()->runCurrent(editor::NotebookView::RunMode::Advance);
        QCOMPARE(page->document()->cellCount(), 2); // Shift+Enter at the end adds a cell
        QVERIFY(waitForText(*page->document()->cell(0), "42\n"));
        QVERIFY(
            QTest::qWaitFor([&] { return statusText(w).contains(QStringLiteral("Idle")); }, 10000));
        const Json& md = page->document()->metadata();
        QCOMPARE(md["kernelspec"]["name"].get<std::string>(), std::string("python3"));
        QCOMPARE(md["language_info"]["name"].get<std::string>(), std::string("python"));
        QVERIFY(page->document()->isModified());
        // The count comes with execute_reply (shell), which may arrive after the idle status
        // (IOPub) the status bar shows.
        QVERIFY(QTest::qWaitFor(
            [&] { return page->document()->cell(0)->executionCount().has_value(); }, 10000));
    }

    void runAllStopsAtAnErrorAndRunAboveRunsAbove() {
        app::MainWindow w;
        auto* page = newNotebookWith(w, {QStringLiteral("a = 1"), QStringLiteral("b = a + 1"),
                                         QStringLiteral("raise ValueError('boom')"),
                                         QStringLiteral("print('after')")});
        auto* doc = page->document();
        QSignalSpy done(page->kernel()->executor(), &editor::CellExecutor::queueFinished);
        action(w, "runtime.runAll")->trigger();
        QVERIFY(QTest::qWaitFor([&] { return done.count() == 1; }, 30000));
        QVERIFY(waitForText(*doc->cell(2), "ValueError"));
        QVERIFY(allText(*doc->cell(3)).empty());
        QCOMPARE(page->kernel()->executor()->state(doc->cell(3).get()).phase,
                 editor::CellRunState::Phase::NotRun);

        doc->setCellSource(0, QStringLiteral("print('top')"));
        page->view()->setCurrentIndex(2);
        action(w, "runtime.runAbove")->trigger();
        QVERIFY(QTest::qWaitFor([&] { return done.count() == 2; }, 30000));
        QCOMPARE(done.last().first().toBool(), true);
        QVERIFY(waitForText(*doc->cell(0), "top"));

        page->view()->setCurrentIndex(3);
        action(w, "runtime.runBelow")->trigger();
        QVERIFY(waitForText(*doc->cell(3), "after"));
    }

    void missingKernelAsksWhichToUse() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("other.ipynb"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(OtherKernelNotebook);
        f.close();
        app::MainWindow w;
        auto* page = w.files()->openFile(path);
        QVERIFY(page);
        QVERIFY(statusText(w).contains(QStringLiteral("Nope")));
        answerNext(QStringLiteral("Cancel"));
        page->view()->runCurrent(editor::NotebookView::RunMode::Stay);
        QVERIFY(!page->kernel()->hasKernel());
        QVERIFY(!page->kernel()->executor()->isRunning());

        answerNext(QStringLiteral("Use Kernel"));
        page->view()->runCurrent(editor::NotebookView::RunMode::Stay);
        QVERIFY(page->kernel()->hasKernel());
        // The kernel runs in the notebook's folder.
        QVERIFY(waitForText(*page->document()->cell(0),
                            QDir(dir.path()).canonicalPath().toStdString()));
        QCOMPARE(page->document()->metadata()["kernelspec"]["name"].get<std::string>(),
                 std::string("python3"));
    }

    void interruptStopsARunningCell() {
        app::MainWindow w;
        auto* page = newNotebookWith(
            w, {QStringLiteral("import time\nprint('sleeping', flush=True)\ntime.sleep(60)"),
                QStringLiteral("print('next')")});
        action(w, "runtime.runAll")->trigger();
        QVERIFY(waitForText(*page->document()->cell(0), "sleeping"));
        action(w, "runtime.interrupt")->trigger();
        QVERIFY(waitForText(*page->document()->cell(0), "KeyboardInterrupt", 15000));
        QVERIFY(allText(*page->document()->cell(1)).empty());
    }

    void restartAsksFirstAndRestartAndRunAllRuns() {
        app::MainWindow w;
        auto* page = newNotebookWith(w, {QStringLiteral("x = 5"), QStringLiteral("print(x)")});
        action(w, "runtime.runAll")->trigger();
        QVERIFY(waitForText(*page->document()->cell(1), "5\n"));
        // Cancel keeps the kernel and its variables.
        QSignalSpy restarted(page->kernel()->client(), &kernel::KernelClient::restarted);
        answerNext(QStringLiteral("Cancel"));
        emit page->restartRequested(); // 0, 0 in command mode
        QTest::qWait(300);
        QCOMPARE(restarted.count(), 0);

        QString question;
        page->document()->setCellSource(0, QStringLiteral("x = 6"));
        answerNext(QStringLiteral("Restart and Run All"), &question);
        action(w, "runtime.restartRunAll")->trigger();
        QVERIFY(question.contains(QStringLiteral("variables will be lost")));
        QVERIFY(QTest::qWaitFor([&] { return restarted.count() == 1; }, 30000));
        QVERIFY(waitForText(*page->document()->cell(1), "6\n"));
    }

    void aDeadKernelIsAnnouncedAndRestarts() {
        app::MainWindow w;
        auto* page = newNotebookWith(
            w, {QStringLiteral("print('kept')"),
                QStringLiteral("import os, signal\nos.kill(os.getpid(), signal.SIGKILL)")});
        action(w, "runtime.runAll")->trigger();
        QVERIFY(QTest::qWaitFor(
            [&] { return page->messageBar()->text().contains(QStringLiteral("kernel died")); },
            15000));
        QVERIFY(statusText(w).contains(QStringLiteral("Dead")));
        QVERIFY(waitForText(*page->document()->cell(0), "kept")); // nothing lost
        auto* restart = page->messageBar()->findChild<QPushButton*>();
        QVERIFY(restart);
        restart->click();
        QVERIFY(
            QTest::qWaitFor([&] { return statusText(w).contains(QStringLiteral("Idle")); }, 30000));
        page->view()->setCurrentIndex(0);
        page->document()->setCellSource(0, QStringLiteral("print('again')"));
        page->view()->runCurrent(editor::NotebookView::RunMode::Stay);
        QVERIFY(waitForText(*page->document()->cell(0), "again"));
    }

    void shutDownThenRunStartsAFreshKernel() {
        app::MainWindow w;
        auto* page = newNotebookWith(w, {QStringLiteral("import os; print(os.getpid())")});
        page->view()->runCurrent(editor::NotebookView::RunMode::Stay);
        QVERIFY(waitForText(*page->document()->cell(0), "\n"));
        const std::string firstPid = allText(*page->document()->cell(0));
        action(w, "runtime.shutdown")->trigger();
        QVERIFY(
            QTest::qWaitFor([&] { return statusText(w).contains(QStringLiteral("Dead")); }, 15000));
        QVERIFY(page->messageBar()->text().isEmpty()); // a shutdown is not a death
        page->view()->runCurrent(editor::NotebookView::RunMode::Stay);
        QVERIFY(QTest::qWaitFor(
            [&] {
                const std::string now = allText(*page->document()->cell(0));
                return !now.empty() && now != firstPid;
            },
            30000));
    }

    void newNotebookUsesTheWarmKernel() {
        app::MainWindow w;
        auto* pool = w.runtime()->warmPool();
        QSignalSpy warm(pool, &app::WarmKernelPool::warmKernelReady);
        pool->setEnabled(true);
        QVERIFY(warm.wait(30000));
        const kernel::KernelClient* warmed = pool->warmKernel();
        QVERIFY(warmed);
        auto* page = newNotebookWith(w, {QStringLiteral("1 + 1")});
        page->view()->runCurrent(editor::NotebookView::RunMode::Stay);
        QCOMPARE(page->kernel()->client(), warmed);
        QVERIFY(waitForText(*page->document()->cell(0), "2"));
        QVERIFY(pool->warmKernel() == nullptr); // refilled later, not at once
        pool->setEnabled(false);
    }

    void queuedAndRunningCellsShowIt() {
        app::MainWindow w;
        auto* page = newNotebookWith(
            w, {QStringLiteral("import time; time.sleep(1.5)"), QStringLiteral("2")});
        auto* view = page->view();
        auto* doc = page->document();
        action(w, "runtime.runAll")->trigger();
        QVERIFY(QTest::qWaitFor(
            [&] {
                return view->runState(doc->cell(0).get()).phase ==
                       editor::CellRunState::Phase::Running;
            },
            30000));
        QCOMPARE(view->runState(doc->cell(1).get()).phase, editor::CellRunState::Phase::Queued);
        QVERIFY(waitForText(*doc->cell(1), "2"));
        QCOMPARE(view->runState(doc->cell(0).get()).phase, editor::CellRunState::Phase::Idle);
    }

    void inputPromptsInTheWindow() {
        app::MainWindow w;
        w.resize(900, 700);
        w.show();
        w.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        auto* page =
            newNotebookWith(w, {QStringLiteral("name = input('Your name: ')\nimport getpass\n"
                                               "pw = getpass.getpass('Password: ')\n"
                                               "print('Hello', name, len(pw))")});
        auto* view = page->view();
        view->setCurrentIndex(0);
        view->runCurrent(editor::NotebookView::RunMode::Stay);
        QLineEdit* field = nullptr;
        const bool shown = QTest::qWaitFor(
            [&] {
                auto* cw = view->widgetAt(0);
                field = cw ? cw->inputField() : nullptr;
                return field && field->isVisible();
            },
            30000);
        if (!shown) {
            const auto st = view->runState(page->document()->cell(0).get());
            const auto ex = page->kernel()->executor()->state(page->document()->cell(0).get());
            qWarning() << "view phase" << int(st.phase) << "input" << st.inputActive << "executor"
                       << int(ex.phase) << ex.inputActive << "widget" << view->widgetAt(0)
                       << "kernel" << int(page->kernel()->status())
                       << QString::fromStdString(page->document()->cell(0)->outputs().dump());
        }
        QVERIFY(shown);
        QCOMPARE(field->echoMode(), QLineEdit::Normal);
        QTRY_VERIFY(field->hasFocus());
        QTest::keyClicks(field, QStringLiteral("Ann"));
        QTest::keyClick(field, Qt::Key_Return);
        QVERIFY(QTest::qWaitFor(
            [&] {
                const auto s = view->runState(page->document()->cell(0).get());
                return s.inputActive && s.inputPassword;
            },
            30000));
        QVERIFY(QTest::qWaitFor(
            [&] {
                field = view->widgetAt(0) ? view->widgetAt(0)->inputField() : nullptr;
                return field && field->echoMode() == QLineEdit::Password;
            },
            5000));
        QTRY_VERIFY(field->hasFocus());
        QTest::keyClicks(field, QStringLiteral("s3cret"));
        QTest::keyClick(field, Qt::Key_Return);
        QVERIFY(waitForText(*page->document()->cell(0), "Hello Ann 6"));
        QVERIFY(allText(*page->document()->cell(0)).find("s3cret") == std::string::npos);
    }

    void tabCompletesFromTheKernel() {
        app::MainWindow w;
        w.resize(900, 700);
        w.show();
        w.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        auto* page = newNotebookWith(
            w, {QStringLiteral("quire_unique_name_한글 = 1"), QStringLiteral("quire_unique_n")});
        auto* view = page->view();
        view->setCurrentIndex(0);
        view->runCurrent(editor::NotebookView::RunMode::Stay);
        QVERIFY(QTest::qWaitFor(
            [&] { return page->document()->cell(0)->executionCount().has_value(); }, 30000));
        view->setCurrentIndex(1);
        view->enterEditMode();
        editor::CodeEditor* ed = view->widgetAt(1)->editor();
        QTRY_VERIFY(ed->hasFocus());
        ed->setCursorOffset(int(ed->text().size()));
        QTest::keyClick(ed, Qt::Key_Tab);
        QVERIFY(QTest::qWaitFor(
            [&] {
                return page->document()->cell(1)->source() ==
                       QStringLiteral("quire_unique_name_한글");
            },
            10000));

        // Shift+Tab shows the kernel's documentation.
        page->document()->setCellSource(1, QStringLiteral("len"));
        ed->setCursorOffset(3);
        QTest::keyClick(ed, Qt::Key_Backtab, Qt::ShiftModifier);
        QVERIFY(QTest::qWaitFor([&] { return ed->isCallTipActive(); }, 10000));
        QVERIFY2(ed->callTipText().contains(QStringLiteral("Return the number of items")),
                 qPrintable(ed->callTipText()));
    }

    void welcomeTourOpensInTheInterfaceLanguage() {
        app::MainWindow w;
        const QLocale before;
        QLocale::setDefault(QLocale(QLocale::Korean, QLocale::SouthKorea));
        auto* ko = w.welcome()->openWelcome();
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        auto* en = w.welcome()->openWelcome();
        QLocale::setDefault(before);
        QVERIFY(ko && en);
        QVERIFY(ko->document()->cell(0)->source().startsWith(QStringLiteral("# Quire에")));
        QVERIFY(en->document()->cell(0)->source().startsWith(QStringLiteral("# Welcome to Quire")));
        QVERIFY(ko->document()->filePath().isEmpty()); // a copy: saving asks where
        QVERIFY(!ko->document()->isModified());
        QCOMPARE(ko->kernel()->specName(), QStringLiteral("python3"));
    }

    void longRunsNotifyTheDesktop() {
        if (!QDBusConnection::sessionBus().isConnected())
            QSKIP("dbus-daemon (package dbus-daemon) is needed for this test");
        // Plays the desktop's notification service on the private bus.
        QProcess service;
        service.start(QStringLiteral("/usr/bin/python3"),
                      {QStringLiteral("-c"), QString::fromLatin1(NotificationService)});
        if (!QTest::qWaitFor([&] { return service.canReadLine(); }, 10000))
            QSKIP("python3-dbus and python3-gi are needed to play the notification service");
        QCOMPARE(service.readLine().trimmed(), QByteArray("ready"));

        app::MainWindow w; // never shown: not the active window
        w.runtime()->setNotifyAfterMs(500);
        auto* page = newNotebookWith(w, {QStringLiteral("import time; time.sleep(1)")});
        QSignalSpy delivered(w.runtime()->notifier(), &app::DesktopNotifier::delivered);
        page->view()->runCurrent(editor::NotebookView::RunMode::Stay);
        QVERIFY(delivered.wait(30000));
        QCOMPARE(delivered.first().first().toBool(), true);
        QVERIFY(QTest::qWaitFor([&] { return service.canReadLine(); }, 5000));
        const QString shown = QString::fromUtf8(service.readLine());
        QVERIFY2(shown.contains(QStringLiteral("finished running")), qPrintable(shown));
        service.kill();
        service.waitForFinished();
    }
};

QTEST_MAIN(TestRuntimeFlow)
#include "test_runtime_flow.moc"
