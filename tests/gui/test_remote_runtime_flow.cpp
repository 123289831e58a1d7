// Remote runtimes in the real window against a real Jupyter Server on 127.0.0.1: connect
// (wrong token and server down said plainly; success remembered, token not in the settings),
// run a notebook's cells there, the Files dock over the Contents API, a remote notebook opened
// and saved back, with the conflict check.
#include "app/app_settings.h"
#include "app/connect_runtime_dialog.h"
#include "app/controllers/drive_controller.h"
#include "app/controllers/file_controller.h"
#include "app/controllers/files_controller.h"
#include "app/controllers/remote_runtime_controller.h"
#include "app/files_dock.h"
#include "app/main_window.h"
#include "app/notebook_kernel.h"
#include "app/notebook_page.h"
#include "app/remote_runtimes.h"
#include "app/runtime_files_model.h"
#include "common/message_box.h"
#include "common/test_files.h"
#include "drive/drive_model.h"
#include "drive/mount_manager.h"
#include "drive/rclone_daemon.h"
#include "drive/widgets/drive_panel.h"
#include "editor/execution/cell_executor.h"
#include "editor/model/notebook_document.h"
#include "editor/model/notebook_editing.h"
#include "editor/view/notebook_view.h"
#include "integration/jupyter_server_fixture.h"
#include "integration/test_drive_support.h"
#include "kernelclient/tls_trust.h"
#include "kernelclient/websocket_channels.h"

#include <QAbstractButton>
#include <QDockWidget>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSslCertificate>
#include <QStandardPaths>
#include <QTreeView>

using namespace quire;
using quire::kernel::test::JupyterServerProcess;

namespace {

const QByteArray kNotebook =
    "{\"cells\": [{\"cell_type\": \"code\", \"execution_count\": null, \"id\": \"c1\", "
    "\"metadata\": {}, \"outputs\": [], \"source\": \"print(6 * 7)\"}], \"metadata\": "
    "{\"kernelspec\": {\"display_name\": \"Python 3\", \"language\": \"python\", \"name\": "
    "\"python3\"}}, \"nbformat\": 4, \"nbformat_minor\": 5}\n";

QString outputText(const editor::NotebookDocument& doc, int cell) {
    QString text;
    for (const auto& o : doc.cell(cell)->outputs())
        text += QString::fromStdString(o.value("text", std::string()));
    return text;
}

} // namespace

class TestRemoteRuntimeFlow : public QObject {
    Q_OBJECT
    JupyterServerProcess m_server;

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        app::AppSettings::instance().setRemoteRuntimes(QString()); // nothing from earlier runs
        app::AppSettings::instance().setTrustedCertificates({});
        app::AppSettings::instance().setWarmKernel(false);
        if (const QString why = kernel::test::missingModule(QStringLiteral("jupyter_server"));
            !why.isEmpty())
            QSKIP(qPrintable(why));
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
        test::writeFile(m_server.root() + QStringLiteral("/remote.ipynb"), kNotebook);
        test::writeFile(m_server.root() + QStringLiteral("/data.txt"), "on the server\n");
    }

    void wrongTokenAndServerDownAreSaid() {
        app::MainWindow w;
        app::ConnectRuntimeDialog dialog(w.remotes()->runtimes(), &w);
        dialog.setUrl(m_server.baseUrl() + QStringLiteral("?token=wrong"));
        dialog.connectNow();
        QTRY_VERIFY_WITH_TIMEOUT(dialog.message().contains(QStringLiteral("token")), 15000);
        QVERIFY(dialog.result() != QDialog::Accepted);
        dialog.setUrl(QStringLiteral("http://127.0.0.1:%1/").arg(kernel::test::freePort()));
        dialog.connectNow();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.message().contains(QStringLiteral("Connecting")), 15000);
        QVERIFY2(dialog.message().contains(QStringLiteral("reach"), Qt::CaseInsensitive) ||
                     dialog.message().contains(QStringLiteral("refused"), Qt::CaseInsensitive),
                 qPrintable(dialog.message()));
        QVERIFY(w.remotes()->runtimes()->list().isEmpty());
    }

    // A self-signed server: the window asks once, showing the fingerprint; Cancel refuses, Trust
    // connects and is remembered (the next connection does not ask).
    void selfSignedCertificateIsAskedAbout() {
        QTemporaryDir dir;
        QString cert, key;
        if (!kernel::test::makeSelfSignedCertificate(dir.path(), &cert, &key))
            QSKIP("openssl cannot make a certificate here");
        JupyterServerProcess tls;
        tls.certFile = cert;
        tls.keyFile = key;
        QString error;
        QVERIFY2(tls.start(&error), qPrintable(error));
        QFile pem(cert);
        QVERIFY(pem.open(QIODevice::ReadOnly));
        const QString fingerprint = kernel::TlsTrust::fingerprint(QSslCertificate(pem.readAll()));

        app::MainWindow w;
        auto* remotes = w.remotes()->runtimes();
        int asked = 0;
        QString shown;
        bool trust = false;
        // Answers every certificate question the window puts up.
        QTimer answerer;
        answerer.setInterval(50);
        connect(&answerer, &QTimer::timeout, this, [&] {
            for (QWidget* top : QApplication::topLevelWidgets()) {
                auto* box = qobject_cast<QMessageBox*>(top);
                if (!box || !box->isVisible() ||
                    !box->text().contains(QStringLiteral("certificate")))
                    continue;
                ++asked;
                shown = box->informativeText();
                for (QAbstractButton* b : box->buttons())
                    if ((box->buttonRole(b) == QMessageBox::AcceptRole) == trust) {
                        b->click();
                        break;
                    }
            }
        });
        answerer.start();
        const QString url =
            tls.urlWithToken().replace(QStringLiteral("http://"), QStringLiteral("https://"));
        {
            app::ConnectRuntimeDialog dialog(remotes, &w);
            dialog.setUrl(url);
            dialog.connectNow();
            QTRY_VERIFY_WITH_TIMEOUT(asked == 1, 15000);
            QTRY_VERIFY_WITH_TIMEOUT(!dialog.message().contains(QStringLiteral("Connecting")),
                                     15000);
            QVERIFY(dialog.result() != QDialog::Accepted);
            QVERIFY(shown.contains(fingerprint));
        }
        trust = true;
        {
            app::ConnectRuntimeDialog dialog(remotes, &w);
            dialog.setUrl(url);
            dialog.connectNow();
            QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), 15000);
            QCOMPARE(asked, 2);
        }
        QVERIFY(app::AppSettings::instance()
                    .trustedCertificates()
                    .join(QLatin1Char(' '))
                    .contains(fingerprint));
        {
            app::ConnectRuntimeDialog dialog(remotes, &w); // remembered: no third question
            dialog.setUrl(url);
            dialog.connectNow();
            QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), 15000);
            QCOMPARE(asked, 2);
        }
        for (const auto& r : remotes->list())
            remotes->remove(r.id);
    }

    // Drive with a notebook on a remote runtime: Mount acts on the server (rclone there), the
    // path copied is the server's, and the unmount leaves the file on the remote.
    void driveMountsOnTheRemoteRuntime() {
        if (const QString why = drive::MountManager::fuseUnavailableReason(); !why.isEmpty())
            QSKIP(qPrintable(why));
        drive::test::WebdavServer webdav;
        QVERIFY(webdav.waitReady());
        test::writeFile(webdav.file(QStringLiteral("input.csv")), "x\n1\n");
        JupyterServerProcess server;
        QTemporaryDir serverHome;
        server.environment.insert(QStringLiteral("HOME"), serverHome.path());
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));

        app::MainWindow w;
        w.show();
        auto* remotes = w.remotes()->runtimes();
        app::ConnectRuntimeDialog dialog(remotes, &w);
        dialog.setUrl(server.urlWithToken());
        dialog.connectNow();
        QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), 15000);
        auto* page = w.files()->newNotebook();
        w.remotes()->useRuntime(page, dialog.runtimeId(), true);

        // the remote as Add Remote… would have left it in Quire's rclone config
        drive::RcloneDaemon* daemon = w.drive()->daemon();
        QDir().mkpath(QFileInfo(daemon->configPath()).absolutePath());
        test::writeFile(daemon->configPath(),
                        QStringLiteral("[mydrive]\ntype = webdav\nurl = %1\nvendor = other\n")
                            .arg(webdav.url())
                            .toUtf8());
        w.drive()->dock()->show();
        QTRY_VERIFY_WITH_TIMEOUT(daemon->state() == drive::RcloneDaemon::State::Running, 20000);
        drive::DrivePanel* panel = w.drive()->panel();
        panel->setCurrentRemote(QStringLiteral("mydrive"));
        QTRY_VERIFY_WITH_TIMEOUT(panel->currentRemote() == QStringLiteral("mydrive"), 10000);
        auto* mountButton = panel->findChild<QPushButton*>(QStringLiteral("drive.mount"));
        QVERIFY(mountButton->text().contains(QStringLiteral("127.0.0.1")));
        QTRY_VERIFY_WITH_TIMEOUT(mountButton->isEnabled(), 30000); // rclone found there
        mountButton->click();
        const QString point = serverHome.path() + QStringLiteral("/QuireDrive/mydrive");
        QTRY_VERIFY_WITH_TIMEOUT(mountButton->text().contains(QStringLiteral("Unmount")), 60000);
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(point + QStringLiteral("/input.csv")), 10000);
        // the path a cell gets is the server's mount
        QTRY_VERIFY_WITH_TIMEOUT(panel->model()->rowCount() > 0, 15000);
        panel->tree()->setCurrentIndex(panel->model()->index(0, 0));
        QVERIFY2(panel->selectedPathForCode().startsWith(point),
                 qPrintable(panel->selectedPathForCode()));
        test::writeFile(point + QStringLiteral("/from-runtime.txt"), "written there\n");
        QTRY_VERIFY_WITH_TIMEOUT(mountButton->isEnabled(), 10000);
        mountButton->click();
        QTRY_VERIFY_WITH_TIMEOUT(mountButton->text().startsWith(QStringLiteral("Mount")), 150000);
        QCOMPARE(test::readFile(webdav.file(QStringLiteral("from-runtime.txt"))),
                 QByteArray("written there\n"));
        w.remotes()->useRuntime(page, QString(), true);
        for (const auto& r : remotes->list())
            remotes->remove(r.id);
    }

    void connectRunAndBrowse() {
        app::MainWindow w;
        w.show();
        auto* remotes = w.remotes()->runtimes();
        app::ConnectRuntimeDialog dialog(remotes, &w);
        dialog.setUrl(m_server.urlWithToken());
        dialog.connectNow();
        QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), 15000);
        QVERIFY(dialog.message().contains(QStringLiteral("Python 3")));
        const QString id = dialog.runtimeId();
        QCOMPARE(remotes->list().size(), 1);
        // remembered without its token
        QSettings settings(QStringLiteral("Quire"), QStringLiteral("quire"));
        settings.sync();
        QVERIFY(
            !settings.value(QStringLiteral("runtime/remotes")).toString().contains(m_server.token));
        QVERIFY(!settings.value(QStringLiteral("runtime/remotes")).toString().isEmpty());

        // a new local notebook runs on the remote runtime: its cwd is the server's root
        auto* page = w.files()->newNotebook();
        page->document()->cell(0)->setSource(
            QStringLiteral("import os\nprint(os.getcwd(), 6 * 7)"));
        w.remotes()->useRuntime(page, id, true);
        QCOMPARE(page->kernel()->runtimeId(), id);
        page->view()->setCurrentIndex(0);
        page->view()->runCurrent(editor::NotebookView::RunMode::Stay);
        QVERIFY(page->kernel()->isConnecting() || page->kernel()->hasKernel());
        QTRY_VERIFY_WITH_TIMEOUT(outputText(*page->document(), 0).contains(QStringLiteral("42")),
                                 60000);
        QVERIFY2(outputText(*page->document(), 0).contains(QDir(m_server.root()).canonicalPath()),
                 qPrintable(outputText(*page->document(), 0)));
        auto* status = w.findChild<QLabel*>(QStringLiteral("runtime.status"));
        QTRY_VERIFY(status->text().contains(QStringLiteral("127.0.0.1")));

        // the socket drops: the status bar says so, and the notebook goes on after it
        auto* ws = qobject_cast<kernel::WebSocketChannels*>(page->kernel()->client()->channels());
        QVERIFY(ws);
        ws->dropConnectionForTesting();
        QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QStringLiteral("reconnecting")), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(!status->text().contains(QStringLiteral("reconnecting")), 20000);
        page->document()->cell(0)->setSource(QStringLiteral("print('after', 6 * 7)"));
        page->view()->runCurrent(editor::NotebookView::RunMode::Stay);
        QTRY_VERIFY_WITH_TIMEOUT(
            outputText(*page->document(), 0).contains(QStringLiteral("after 42")), 30000);

        // the Files dock shows the server's files
        app::FilesDock* dock = w.runtimeFiles()->dock();
        dock->show();
        auto* model = dock->model();
        QTRY_VERIFY_WITH_TIMEOUT(model->indexForPath(QStringLiteral("data.txt")).isValid(), 15000);
        dock->tree()->setCurrentIndex(model->indexForPath(QStringLiteral("data.txt")));
        QTemporaryDir here;
        dock->downloadSelected(here.filePath(QStringLiteral("data.txt")));
        QTRY_COMPARE_WITH_TIMEOUT(test::readFile(here.filePath(QStringLiteral("data.txt"))),
                                  QByteArray("on the server\n"), 15000);
        dock->newFolder(QStringLiteral("made-here"));
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(m_server.root() + QStringLiteral("/made-here")).isDir(),
                                 15000);
        test::writeFile(here.filePath(QStringLiteral("up.csv")), "a,b\n1,2\n");
        dock->uploadFiles({here.filePath(QStringLiteral("up.csv"))}, QString());
        QTRY_COMPARE_WITH_TIMEOUT(test::readFile(m_server.root() + QStringLiteral("/up.csv")),
                                  QByteArray("a,b\n1,2\n"), 15000);

        // a remote notebook opens as a copy on this runtime and saves back
        const int before = w.pages().size();
        w.runtimeFiles()->openRemoteNotebook(id, QStringLiteral("remote.ipynb"));
        QTRY_COMPARE_WITH_TIMEOUT(w.pages().size(), before + 1, 15000);
        app::NotebookPage* remotePage = w.currentPage();
        QCOMPARE(remotePage->kernel()->runtimeId(), id);
        remotePage->document()->cell(0)->setSource(QStringLiteral("print('edited')"));
        QVERIFY(w.files()->save(remotePage));
        QTRY_VERIFY_WITH_TIMEOUT(test::readFile(m_server.root() + QStringLiteral("/remote.ipynb"))
                                     .contains("print('edited')"),
                                 15000);
        // changed on the server behind our back: the next save asks before overwriting
        QTest::qWait(1100); // last_modified has one-second resolution on some file systems
        test::writeFile(m_server.root() + QStringLiteral("/remote.ipynb"), kNotebook);
        remotePage->document()->cell(0)->setSource(QStringLiteral("print('mine')"));
        QString asked;
        test::answerNextBox(QMessageBox::Cancel, &asked);
        QVERIFY(w.files()->save(remotePage));
        QTRY_VERIFY_WITH_TIMEOUT(!asked.isEmpty(), 15000);
        QVERIFY(test::readFile(m_server.root() + QStringLiteral("/remote.ipynb")) == kNotebook);
        test::answerNextBox(QMessageBox::Yes);
        QVERIFY(w.files()->save(remotePage));
        QTRY_VERIFY_WITH_TIMEOUT(test::readFile(m_server.root() + QStringLiteral("/remote.ipynb"))
                                     .contains("print('mine')"),
                                 15000);

        // back to the local runtime: the remote kernels are deleted
        w.remotes()->useRuntime(page, QString(), true);
        w.remotes()->useRuntime(remotePage, QString(), true);
        QTRY_COMPARE_WITH_TIMEOUT(m_server.statusCode(QStringLiteral("kernels")), 200, 5000);
        QByteArray kernels;
        QTRY_VERIFY_WITH_TIMEOUT(
            (m_server.statusCode(QStringLiteral("kernels"), &kernels), kernels.trimmed() == "[]"),
            15000);
        remotes->remove(id);
        QVERIFY(remotes->list().isEmpty());
    }
};

QTEST_MAIN(TestRemoteRuntimeFlow)
#include "test_remote_runtime_flow.moc"
