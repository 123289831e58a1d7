// View → Files on the local runtime: the current notebook's folder, listed lazily; new folder,
// rename, delete (asked first), upload (also by dropping files), download, copy path, and
// notebooks opened in Quire.
#include "app/controllers/file_controller.h"
#include "app/controllers/files_controller.h"
#include "app/files_dock.h"
#include "app/local_runtime_files.h"
#include "app/main_window.h"
#include "app/notebook_page.h"
#include "app/runtime_files_model.h"
#include "common/message_box.h"
#include "common/test_files.h"
#include "editor/model/notebook_document.h"

#include <QClipboard>
#include <QDir>
#include <QMimeData>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace quire;
using quire::test::answerNextBox;

namespace {

const QByteArray kNotebook = R"({"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5})";

QStringList names(const app::RuntimeFilesModel& model, const QModelIndex& parent = {}) {
    QStringList out;
    for (int r = 0; r < model.rowCount(parent); ++r)
        out << model.index(r, 0, parent).data().toString();
    return out;
}

bool select(app::FilesDock& dock, const QString& path) {
    const QModelIndex index = dock.model()->indexForPath(path);
    dock.tree()->setCurrentIndex(index);
    return index.isValid();
}

} // namespace

class TestFilesDock : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

    bool waitForNames(app::FilesDock& dock, const QStringList& expected,
                      const QModelIndex& parent = {}) {
        return QTest::qWaitFor([&] { return names(*dock.model(), parent) == expected; }, 5000);
    }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        QDir(m_dir.path()).mkdir(QStringLiteral("data"));
        test::writeFile(m_dir.filePath(QStringLiteral("data/b.csv")), "x,y\n1,2\n");
        test::writeFile(m_dir.filePath(QStringLiteral("main.ipynb")), kNotebook);
        test::writeFile(m_dir.filePath(QStringLiteral("other.ipynb")), kNotebook);
    }

    void showsTheNotebookFolderLazily() {
        app::MainWindow w;
        auto* page = w.files()->openFile(m_dir.filePath(QStringLiteral("main.ipynb")));
        QVERIFY(page);
        app::FilesDock* dock = w.runtimeFiles()->dock();
        QVERIFY(!dock->isVisible());
        w.show();
        dock->show();
        QVERIFY(waitForNames(*dock, {QStringLiteral("data"), QStringLiteral("main.ipynb"),
                                     QStringLiteral("other.ipynb")}));
        const QModelIndex data = dock->model()->indexForPath(QStringLiteral("data"));
        QCOMPARE(dock->model()->rowCount(data), 0); // not listed before it is expanded
        QVERIFY(dock->model()->hasChildren(data));
        dock->tree()->expand(data);
        QVERIFY(waitForNames(*dock, {QStringLiteral("b.csv")}, data));
        // size column, path a kernel opens
        QVERIFY(dock->model()
                    ->indexForPath(QStringLiteral("data/b.csv"))
                    .siblingAtColumn(1)
                    .data()
                    .toString()
                    .contains(QLatin1Char('8')));
        QVERIFY(select(*dock, QStringLiteral("data/b.csv")));
        dock->copyPath();
        QCOMPARE(QApplication::clipboard()->text(), m_dir.filePath(QStringLiteral("data/b.csv")));
        // double-click on a notebook opens it in Quire
        QVERIFY(select(*dock, QStringLiteral("other.ipynb")));
        dock->openSelected();
        QTRY_COMPARE(w.pages().size(), 2);
        QCOMPARE(w.currentPage()->document()->filePath(), m_dir.filePath(QStringLiteral("other.ipynb")));
    }

    void foldersAndFilesChange() {
        QTemporaryDir dir;
        test::writeFile(dir.filePath(QStringLiteral("a.txt")), "a");
        app::LocalRuntimeFiles files(dir.path());
        app::FilesDock dock;
        dock.setFiles(&files);
        QVERIFY(waitForNames(dock, {QStringLiteral("a.txt")}));

        dock.newFolder(QStringLiteral("results"));
        QVERIFY(waitForNames(dock, {QStringLiteral("results"), QStringLiteral("a.txt")}));
        QVERIFY(QFileInfo(dir.filePath(QStringLiteral("results"))).isDir());
        dock.newFolder(QStringLiteral("results")); // exists: told, nothing changes
        QTRY_VERIFY(dock.message().contains(QStringLiteral("already exists")));

        QVERIFY(select(dock, QStringLiteral("a.txt")));
        dock.renameSelected(QStringLiteral("renamed.txt"));
        QVERIFY(waitForNames(dock, {QStringLiteral("results"), QStringLiteral("renamed.txt")}));
        QCOMPARE(test::readFile(dir.filePath(QStringLiteral("renamed.txt"))), QByteArray("a"));

        // upload: by the action, and by dropping files from the desktop on a folder
        QTemporaryDir outside;
        test::writeFile(outside.filePath(QStringLiteral("up.bin")), "0123456789");
        test::writeFile(outside.filePath(QStringLiteral("dropped.txt")), "dropped");
        dock.uploadFiles({outside.filePath(QStringLiteral("up.bin"))}, QString());
        QVERIFY(waitForNames(dock, {QStringLiteral("results"), QStringLiteral("renamed.txt"),
                                    QStringLiteral("up.bin")}));
        dock.show();
        const QModelIndex results = dock.model()->indexForPath(QStringLiteral("results"));
        dock.tree()->expand(results);
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(outside.filePath(QStringLiteral("dropped.txt")))});
        const QPoint at = dock.tree()->visualRect(results).center();
        QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(dock.tree()->viewport(), &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(at), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(dock.tree()->viewport(), &drop);
        QTRY_COMPARE(test::readFile(dir.filePath(QStringLiteral("results/dropped.txt"))),
                     QByteArray("dropped"));
        QVERIFY(waitForNames(dock, {QStringLiteral("dropped.txt")},
                             dock.model()->indexForPath(QStringLiteral("results"))));

        // download
        QVERIFY(select(dock, QStringLiteral("up.bin")));
        const QString target = outside.filePath(QStringLiteral("down.bin"));
        dock.downloadSelected(target);
        QTRY_COMPARE(test::readFile(target), QByteArray("0123456789"));

        // delete asks first: Cancel keeps the folder, Yes removes it with what it holds
        QVERIFY(select(dock, QStringLiteral("results")));
        QString asked;
        answerNextBox(QMessageBox::Cancel, &asked);
        dock.deleteSelected();
        QVERIFY(asked.contains(QStringLiteral("results")));
        QVERIFY(QFileInfo::exists(dir.filePath(QStringLiteral("results/dropped.txt"))));
        answerNextBox(QMessageBox::Yes);
        dock.deleteSelected();
        QVERIFY(waitForNames(dock, {QStringLiteral("renamed.txt"), QStringLiteral("up.bin")}));
        QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("results"))));
    }

    void missingFolderIsSaid() {
        app::LocalRuntimeFiles files(m_dir.filePath(QStringLiteral("gone")));
        app::FilesDock dock;
        dock.setFiles(&files);
        QTRY_VERIFY(dock.message().contains(QStringLiteral("does not exist")));
        QCOMPARE(dock.model()->rowCount(), 0);
    }
};

QTEST_MAIN(TestFilesDock)
#include "test_files_dock.moc"
