// File menu flows on the real main window: open refuses what is not a notebook (and opens
// nothing), opens schema-violating notebooks with a warning bar, saves atomically in the
// file's own style, asks before closing unsaved work; a second `quire FILE` hands the file to
// the running instance.
#include "common/message_box.h"
#include "app/controllers/file_controller.h"
#include "app/main_window.h"
#include "app/notebook_page.h"
#include "app/single_instance.h"
#include "editor/model/notebook_document.h"
#include "editor/model/notebook_editing.h"
#include "editor/view/notebook_view.h"

#include <QAbstractButton>
#include <QApplication>
#include <QMessageBox>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace quire;
using quire::test::answerNextBox;

namespace {
QString write(const QTemporaryDir& dir, const QString& name, const QByteArray& bytes) {
    const QString path = dir.filePath(name);
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(bytes);
    return path;
}

QByteArray readAll(const QString& path) {
    QFile f(path);
    f.open(QIODevice::ReadOnly);
    return f.readAll();
}

const QByteArray FourSpaces = R"nb({
    "cells": [
        {
            "cell_type": "code",
            "execution_count": null,
            "id": "aaaa1111",
            "metadata": {},
            "outputs": [],
            "source": [
                "x = 1\n",
                "print(x)"
            ]
        },
        {
            "cell_type": "markdown",
            "id": "bbbb2222",
            "metadata": {},
            "source": [
                "# Title"
            ]
        }
    ],
    "metadata": {
        "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}
    },
    "nbformat": 4,
    "nbformat_minor": 5
}
)nb";
} // namespace

class TestFileFlows : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void refusesWhatIsNotANotebook() {
        QTemporaryDir dir;
        app::MainWindow w;
        const int before = int(w.pages().size());
        const QString path = write(dir, "broken.ipynb", "{\"cells\": [ {\"cell_type\": ");
        QString message;
        answerNextBox(QMessageBox::Ok, &message);
        QVERIFY(!w.files()->openFile(path));
        QCOMPARE(int(w.pages().size()), before);
        QVERIFY2(message.contains(QLatin1String("broken.ipynb")), qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("line")) || message.contains(QLatin1String(":1")),
                 qPrintable(message));
    }

    void schemaViolationsOpenWithAWarning() {
        QTemporaryDir dir;
        app::MainWindow w;
        QByteArray bytes = FourSpaces;
        bytes.replace("\"display_name\": \"Python 3\", ", ""); // kernelspec without display_name
        const QString path = write(dir, "odd.ipynb", bytes);
        auto* page = w.files()->openFile(path);
        QVERIFY(page);
        QVERIFY(page->messageBar()->isVisibleTo(page));
        QVERIFY(page->messageBar()->text().contains(QLatin1String("schema")));
        // Saved back as it is (nothing was changed, so byte-identical).
        QVERIFY(w.files()->save(page));
        QCOMPARE(readAll(path), bytes);
    }

    void keepsTheFileStyleOnSave() {
        QTemporaryDir dir;
        app::MainWindow w;
        const QString path = write(dir, "four.ipynb", FourSpaces);
        auto* page = w.files()->openFile(path);
        QVERIFY(page);
        page->view()->editing().editSource(0, QStringLiteral("x = 2\nprint(x)"));
        QVERIFY(page->document()->isModified());
        QVERIFY(w.windowTitle().contains(QLatin1String("four.ipynb")));
        QVERIFY(w.files()->save(page));
        QVERIFY(!page->document()->isModified());
        QByteArray expected = FourSpaces;
        expected.replace("\"x = 1\\n\"", "\"x = 2\\n\"");
        QCOMPARE(readAll(path), expected);
        // Opening the same file again switches to it instead of opening it twice.
        QCOMPARE(w.files()->openFile(path), page);
    }

    void closingUnsavedWorkAsks() {
        QTemporaryDir dir;
        app::MainWindow w;
        const QString path = write(dir, "ask.ipynb", FourSpaces);
        auto* page = w.files()->openFile(path);
        page->view()->editing().insertCell(0, editor::CellType::Code, QStringLiteral("new"));
        const int n = int(w.pages().size());
        answerNextBox(QMessageBox::Cancel);
        QVERIFY(!w.files()->closePage(page));
        QCOMPARE(int(w.pages().size()), n);
        answerNextBox(QMessageBox::Discard);
        QVERIFY(w.files()->closePage(page));
        QCOMPARE(int(w.pages().size()), n - 1);
        QCOMPARE(readAll(path), FourSpaces); // discarded: the file is untouched
    }

    void newNotebookSavesCanonical() {
        QTemporaryDir dir;
        app::MainWindow w;
        auto* page = w.files()->newNotebook();
        QVERIFY(page->document()->displayName().startsWith(QLatin1String("Untitled")));
        const QString path = dir.filePath("new.ipynb");
        QVERIFY(page->document()->saveAs(path));
        // nbformat itself reads it back and writes the same bytes.
        QProcess py;
        py.start(
            QStringLiteral("/usr/bin/python3"),
            {QStringLiteral("-c"),
             QStringLiteral("import nbformat,sys; nb=nbformat.read(sys.argv[1], as_version=4); "
                            "nbformat.validate(nb); sys.stdout.write(nbformat.writes(nb)+'\\n')"),
             path});
        QVERIFY(py.waitForFinished(60000));
        QCOMPARE(py.exitCode(), 0);
        QCOMPARE(py.readAllStandardOutput(), readAll(path));
    }

    void secondInstanceHandsOverFiles() {
        QTemporaryDir dir;
        const QString path = write(dir, "handed.ipynb", FourSpaces);
        const QString user =
            QStringLiteral("quire-test-%1").arg(QCoreApplication::applicationPid());
        qputenv("USER", user.toUtf8());
        app::SingleInstance running(app::SingleInstance::defaultKey());
        QVERIFY(running.listen());
        QSignalSpy received(&running, &app::SingleInstance::filesReceived);
        QProcess second;
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("USER"), user);
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        second.setProcessEnvironment(env);
        second.setWorkingDirectory(dir.path());
        second.start(QStringLiteral(QUIRE_BIN), {QStringLiteral("handed.ipynb")});
        QVERIFY(received.wait(20000));
        QCOMPARE(received.at(0).at(0).toStringList(), QStringList({path}));
        QVERIFY(second.waitForFinished(20000));
        QCOMPARE(second.exitCode(), 0);
    }
};

QTEST_MAIN(TestFileFlows)
#include "test_file_flows.moc"
