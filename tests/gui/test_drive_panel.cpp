// The Drive panel against a local `rclone serve webdav`: the tree shows the files; new folder,
// rename and delete through the panel's actions (dialogs answered programmatically); copy
// path; the notice when rclone is missing.
#include "../integration/test_drive_support.h"
#include "app/controllers/drive_controller.h"
#include "app/main_window.h"
#include "app/notebook_page.h"
#include "drive/drive_model.h"
#include "drive/rclone_daemon.h"
#include "drive/transfer_list.h"
#include "drive/widgets/drive_panel.h"
#include "editor/model/cell.h"
#include "editor/model/notebook_document.h"
#include "editor/view/notebook_view.h"

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QInputDialog>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QTimer>
#include <QTreeView>

using namespace quire::drive;
using namespace quire::drive::test;

namespace {
// Answers the next modal dialog: a QInputDialog gets `text`, a QMessageBox gets Yes.
void answerNextDialog(const QString& text = {}) {
    QTimer::singleShot(0, qApp, [text] {
        QWidget* w = nullptr;
        if (!QTest::qWaitFor([&] { return (w = QApplication::activeModalWidget()) != nullptr; },
                             5000))
            return;
        if (auto* input = qobject_cast<QInputDialog*>(w)) {
            input->setTextValue(text);
            input->accept();
        } else if (auto* box = qobject_cast<QMessageBox*>(w)) {
            box->button(QMessageBox::Yes)->click();
        }
    });
}
QStringList names(const DriveModel& m, const QModelIndex& parent = {}) {
    QStringList out;
    for (int r = 0; r < m.rowCount(parent); ++r)
        out << m.index(r, 0, parent).data().toString();
    return out;
}
void select(DrivePanel& panel, const QString& path) {
    const QModelIndex i = panel.model()->indexForPath(path);
    QVERIFY(i.isValid());
    panel.tree()->setCurrentIndex(i);
    panel.tree()->selectionModel()->select(i, QItemSelectionModel::ClearAndSelect |
                                                  QItemSelectionModel::Rows);
}
QAction* action(DrivePanel& panel, const char* name) {
    return panel.findChild<QAction*>(QString::fromLatin1(name));
}
} // namespace

class TestDrivePanel : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true); // never the user's settings or rclone.conf
    }

    void filesThroughThePanel() {
        WebdavServer server;
        QVERIFY(server.waitReady());
        QDir().mkpath(server.file(QStringLiteral("notebooks")));
        QFile f(server.file(QStringLiteral("readme.txt")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("hello");
        f.close();
        QTemporaryDir home;
        auto daemon = startDaemon(home);
        QVERIFY(daemon);
        QVERIFY(createWebdavRemote(*daemon, QStringLiteral("dav"), server.url()));

        DrivePanel panel(daemon.get());
        panel.resize(320, 600);
        panel.show();
        QVERIFY(
            QTest::qWaitFor([&] { return panel.currentRemote() == QLatin1String("dav"); }, 5000));
        QVERIFY(QTest::qWaitFor(
            [&] {
                return names(*panel.model()) ==
                       QStringList{QStringLiteral("notebooks"), QStringLiteral("readme.txt")};
            },
            5000));
        QVERIFY(panel.findChild<QPushButton*>(QStringLiteral("drive.mount")));

        // New folder inside "notebooks".
        select(panel, QStringLiteral("notebooks"));
        answerNextDialog(QStringLiteral("data"));
        action(panel, "drive.newFolder")->trigger();
        QVERIFY(QTest::qWaitFor(
            [&] { return QFileInfo(server.file(QStringLiteral("notebooks/data"))).isDir(); },
            10000));

        // Rename the file.
        select(panel, QStringLiteral("readme.txt"));
        QVERIFY(action(panel, "drive.rename")->isEnabled());
        answerNextDialog(QStringLiteral("notes.txt"));
        action(panel, "drive.rename")->trigger();
        QVERIFY(QTest::qWaitFor(
            [&] { return QFile::exists(server.file(QStringLiteral("notes.txt"))); }, 10000));
        QVERIFY(!QFile::exists(server.file(QStringLiteral("readme.txt"))));
        QVERIFY(QTest::qWaitFor(
            [&] { return names(*panel.model()).contains(QStringLiteral("notes.txt")); }, 5000));

        // Copy path: not mounted, so the rclone path.
        select(panel, QStringLiteral("notes.txt"));
        action(panel, "drive.copyPath")->trigger();
        QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("dav:notes.txt"));
        QCOMPARE(panel.selectedPathForCode(), QStringLiteral("dav:notes.txt"));
        QVERIFY(!action(panel, "drive.insertPath")->isEnabled()); // no notebook here
        panel.setInsertPathEnabled(true);
        QVERIFY(action(panel, "drive.insertPath")->isEnabled());

        // QUIRE_DRIVE_SCREENSHOT=file.png: the panel as it looks now (docs/screenshots).
        if (const QString shot = qEnvironmentVariable("QUIRE_DRIVE_SCREENSHOT"); !shot.isEmpty()) {
            panel.tree()->expand(panel.model()->indexForPath(QStringLiteral("notebooks")));
            QTest::qWait(500);
            QVERIFY(panel.grab().save(shot));
        }

        // Delete, confirmed.
        answerNextDialog();
        action(panel, "drive.delete")->trigger();
        QVERIFY(QTest::qWaitFor(
            [&] { return !QFile::exists(server.file(QStringLiteral("notes.txt"))); }, 10000));
        QVERIFY(QTest::qWaitFor(
            [&] { return names(*panel.model()) == QStringList{QStringLiteral("notebooks")}; },
            5000));
        QVERIFY(panel.transfers()->rowCount() >= 3);
    }

    // In the window: double-clicking a notebook on the remote opens it in Quire (a copy in the
    // cache when not mounted), and Insert Path into Cell puts the quoted path at the cursor.
    void openAndInsertInTheWindow() {
        WebdavServer server;
        QVERIFY(server.waitReady());
        QFile nb(server.file(QStringLiteral("shared.ipynb")));
        QVERIFY(nb.open(QIODevice::WriteOnly));
        nb.write("{\"cells\": [{\"cell_type\": \"code\", \"execution_count\": null, \"id\": "
                 "\"c1\", \"metadata\": {}, \"outputs\": [], \"source\": \"x = 1\"}], "
                 "\"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}\n");
        nb.close();
        quire::app::MainWindow w;
        w.show();
        RcloneDaemon* daemon = w.drive()->daemon();
        QDir().mkpath(QFileInfo(daemon->configPath()).absolutePath());
        QFile conf(daemon->configPath());
        QVERIFY(conf.open(QIODevice::WriteOnly | QIODevice::Truncate));
        conf.write(QStringLiteral("[dav]\ntype = webdav\nurl = %1\nvendor = other\n")
                       .arg(server.url())
                       .toUtf8());
        conf.close();
        w.drive()->dock()->show();
        DrivePanel* panel = w.drive()->panel();
        QVERIFY(
            QTest::qWaitFor([&] { return panel->currentRemote() == QLatin1String("dav"); }, 20000));
        QVERIFY(QTest::qWaitFor(
            [&] { return names(*panel->model()).contains(QStringLiteral("shared.ipynb")); },
            10000));
        const QModelIndex index = panel->model()->indexForPath(QStringLiteral("shared.ipynb"));
        panel->tree()->setCurrentIndex(index);
        emit panel->tree()->doubleClicked(index);
        QVERIFY(QTest::qWaitFor([&] { return w.pages().size() == 1; }, 15000));
        quire::app::NotebookPage* page = w.currentPage();
        QCOMPARE(page->document()->cell(0)->source(), QStringLiteral("x = 1"));

        // Insert Path into Cell: the quoted path at the cursor of the current code cell
        page->view()->setCurrentIndex(0);
        page->view()->enterEditMode();
        QVERIFY(action(*panel, "drive.insertPath")->isEnabled());
        action(*panel, "drive.insertPath")->trigger();
        QVERIFY2(
            page->document()->cell(0)->source().contains(QStringLiteral("\"dav:shared.ipynb\"")),
            qPrintable(page->document()->cell(0)->source()));
    }

    void missingRcloneShowsWhy() {
        qputenv("QUIRE_RCLONE", "/nonexistent/rclone");
        RcloneDaemon daemon;
        DrivePanel panel(&daemon);
        daemon.start();
        qunsetenv("QUIRE_RCLONE");
        panel.show();
        QVERIFY(panel.messageText().contains(QStringLiteral("Drive is not available")));
        QVERIFY(panel.messageText().contains(QStringLiteral("QUIRE_RCLONE")));
        QVERIFY(!panel.tree()->isVisible());
    }
};

QTEST_MAIN(TestDrivePanel)
#include "test_drive_panel.moc"
