// The welcome tour (both languages) runs top to bottom on the real local kernel without an
// error, through `quire run`, and does what its cells say.
#include "editor/model/notebook_document.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace quire;

class TestWelcomeNotebook : public QObject {
    Q_OBJECT
private slots:
    void runsWithoutErrors_data() {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << QStringLiteral("en");
        QTest::newRow("ko") << QStringLiteral("ko");
    }
    void runsWithoutErrors() {
        QFETCH(QString, language);
        QTemporaryDir dir;
        const QString source =
            QStringLiteral(QUIRE_TEST_DATA "/../../resources/welcome/welcome.%1.ipynb")
                .arg(language);
        const QString path = dir.filePath(QStringLiteral("welcome.ipynb"));
        QVERIFY(QFile::copy(source, path));
        QProcess run;
        run.start(QStringLiteral(QUIRE_BIN), {QStringLiteral("run"), path});
        QVERIFY(run.waitForFinished(120000));
        QVERIFY2(run.exitCode() == 0, run.readAllStandardError().constData());

        auto loaded = editor::NotebookDocument::load(path);
        QVERIFY(loaded.document);
        const auto& doc = *loaded.document;
        QString all;
        int codeCells = 0;
        for (int i = 0; i < doc.cellCount(); ++i) {
            const auto& cell = doc.cell(i);
            if (!cell->isCode())
                continue;
            ++codeCells;
            QVERIFY2(cell->executionCount().has_value(), qPrintable(cell->source()));
            for (const auto& out : cell->outputs()) {
                QVERIFY2(out.value("output_type", "") != "error", qPrintable(cell->source()));
                const QString text =
                    out.contains("text") ? editor::joinedText(out["text"]) : QString();
                QVERIFY2(out.value("name", "") != "stderr" ||
                             !text.contains(QStringLiteral("rror")),
                         qPrintable(text));
                all += text;
                if (out.contains("data") && out["data"].contains("text/plain"))
                    all += editor::joinedText(out["data"]["text/plain"]);
            }
        }
        QCOMPARE(codeCells, 5);
        QVERIFY(all.contains(QStringLiteral("Python 3.")));
        QVERIFY(all.contains(QStringLiteral("PRETTY_NAME")));
        QVERIFY(all.contains(QStringLiteral("Mem:"))); // free -h
        // pandas (python3-pandas) made the table and saved it where the kernel runs.
        QVERIFY2(all.contains(QStringLiteral("square")), qPrintable(all));
        QFile csv(dir.filePath(QStringLiteral("quire-welcome.csv")));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QCOMPARE(csv.readLine().trimmed(), QByteArray("n,square"));
    }
};

QTEST_GUILESS_MAIN(TestWelcomeNotebook)
#include "test_welcome_notebook.moc"
