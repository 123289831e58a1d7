// readNotebook: what it refuses (with a reason and a line), what it reads with warnings, and
// the v3 upgrade.
#include "editor/nbformat/cell_ids.h"
#include "editor/nbformat/notebook_reader.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTest>
#include <set>

using namespace quire::editor;

namespace {
QByteArray fixture(const QString& relative) {
    QFile f(QStringLiteral(QUIRE_TEST_DATA "/nbformat/") + relative);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(relative));
    return f.readAll();
}

ReadResult read(const QByteArray& bytes) {
    return readNotebook(std::string_view(bytes.constData(), size_t(bytes.size())));
}
ReadResult read(std::string_view text) {
    return readNotebook(text);
}

QString text(const std::string& s) {
    return QString::fromStdString(s);
}
} // namespace

class TestNbformatReader : public QObject {
    Q_OBJECT
private slots:
    void refusesUnreadableFiles_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("reason");
        QTest::newRow("not json") << "not_json" << 1 << ""
                                  << "not valid JSON";
        QTest::newRow("truncated") << "truncated" << 5 << ""
                                   << "truncated";
        QTest::newRow("invalid utf-8") << "invalid_utf8" << 3 << ""
                                       << "UTF-8";
        QTest::newRow("NaN") << "nan" << 3 << ""
                             << "NaN";
        QTest::newRow("-Infinity") << "infinity" << 1 << ""
                                   << "Infinity";
        QTest::newRow("too deep") << "too_deep" << 1 << ""
                                  << "512 levels";
        QTest::newRow("top level array") << "top_level_array" << 1 << ""
                                         << "not a JSON object";
        QTest::newRow("no nbformat") << "no_nbformat" << 1 << ""
                                     << "no \"nbformat\"";
        QTest::newRow("nbformat string") << "nbformat_string" << 1 << "/nbformat"
                                         << "whole number";
        QTest::newRow("nbformat 5") << "nbformat_5" << 1 << "/nbformat"
                                    << "newer version";
        QTest::newRow("nbformat 2") << "nbformat_2" << 1 << "/nbformat"
                                    << "too old";
        QTest::newRow("cells not an array") << "cells_not_array" << 2 << "/cells"
                                            << "list of cells";
        QTest::newRow("empty file") << "empty_file" << 1 << ""
                                    << "empty";
    }
    void refusesUnreadableFiles() {
        QFETCH(QString, file);
        QFETCH(int, line);
        QFETCH(QString, path);
        QFETCH(QString, reason);
        const auto r = read(fixture(QStringLiteral("bad/%1.ipynb").arg(file)));
        QVERIFY(!r.notebook);
        QCOMPARE(r.problems.size(), size_t(1));
        const Problem& p = r.problems.front();
        QCOMPARE(p.severity, Problem::Severity::Error);
        QCOMPARE(p.line, line);
        QCOMPARE(text(p.path), path);
        QVERIFY2(text(p.message).contains(reason), p.message.c_str());
    }

    void refusesStructureNbformatCannotRead_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("path");
        QTest::newRow("no cells")
            << QByteArray("{\"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}") << "";
        QTest::newRow("no metadata")
            << QByteArray("{\"cells\": [], \"nbformat\": 4, \"nbformat_minor\": 5}") << "";
        QTest::newRow("metadata list")
            << QByteArray(
                   "{\"cells\": [], \"metadata\": [], \"nbformat\": 4, \"nbformat_minor\": 5}")
            << "/metadata";
        QTest::newRow("cell is a number")
            << QByteArray("{\"cells\": [{\"cell_type\": \"raw\", \"metadata\": {}, \"source\": "
                          "\"\"}, 7],\n"
                          "\"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 4}")
            << "/cells/1";
        QTest::newRow("negative minor")
            << QByteArray(
                   "{\"cells\": [], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": -1}")
            << "/nbformat_minor";
        QTest::newRow("float major")
            << QByteArray(
                   "{\"cells\": [], \"metadata\": {}, \"nbformat\": 4.0, \"nbformat_minor\": 1}")
            << "/nbformat";
        QTest::newRow("v3 without worksheets")
            << QByteArray("{\"metadata\": {}, \"nbformat\": 3, \"nbformat_minor\": 0}") << "";
        QTest::newRow("v3 cell without outputs")
            << QByteArray(
                   "{\"metadata\": {}, \"nbformat\": 3, \"nbformat_minor\": 0,\n"
                   "\"worksheets\": [{\"cells\": [{\"cell_type\": \"code\", \"input\": \"x\"}]}]}")
            << "/worksheets/0/cells/0";
        QTest::newRow("v3 bad json output")
            << QByteArray("{\"metadata\": {}, \"nbformat\": 3, \"nbformat_minor\": 0, "
                          "\"worksheets\": [{\"cells\": [\n"
                          "{\"cell_type\": \"code\", \"input\": \"x\", \"outputs\": "
                          "[{\"output_type\": \"pyout\", \"json\": \"{oops\"}]}]}]}")
            << "/worksheets/0/cells/0/outputs/0/json";
    }
    void refusesStructureNbformatCannotRead() {
        QFETCH(QByteArray, json);
        QFETCH(QString, path);
        const auto r = read(json);
        QVERIFY(!r.notebook);
        QVERIFY(!r.problems.empty());
        QCOMPARE(r.problems.front().severity, Problem::Severity::Error);
        QCOMPARE(text(r.problems.front().path), path);
        QVERIFY(r.problems.front().line > 0);
    }

    void schemaViolationsAreWarnings() {
        const auto r = read(fixture(QStringLiteral("bad/schema_violations.ipynb")));
        QVERIFY(r.notebook);
        QCOMPARE(r.fileMajor, 4);
        QCOMPARE(r.fileMinor, 5);
        QStringList found;
        for (const auto& p : r.problems) {
            QCOMPARE(p.severity, Problem::Severity::Warning);
            found << QStringLiteral("%1 %2").arg(p.line).arg(text(p.path));
        }
        const QStringList expected{"5 /cells/0/execution_count",
                                   "6 /cells/0/id",
                                   "7 /cells/0/metadata/tags/1",
                                   "7 /cells/0/metadata/collapsed",
                                   "8 /cells/0/outputs/0/name",
                                   "8 /cells/0/outputs/0/text",
                                   "9 /cells/0/source",
                                   "16 /cells/1/unexpected",
                                   "18 /cells/2",
                                   "20 /cells/2/id",
                                   "23 /cells/3",
                                   "27 /cells/3/outputs/0/data/text~1plain",
                                   "27 /cells/3/outputs/1/output_type",
                                   "31 /metadata/kernelspec",
                                   "34 /extra"};
        QCOMPARE(found, expected);
    }

    void readsVersionsAsTheyAre() {
        const auto r = read(std::string_view(
            "{\"cells\": [], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 2}"));
        QVERIFY(r.notebook);
        QVERIFY(r.problems.empty());
        QCOMPARE(r.fileMinor, 2);
        QVERIFY(!r.upgraded);
        QCOMPARE((*r.notebook)["nbformat_minor"].get<int>(), 2); // no minor upgrade, as nbformat
        // missing nbformat_minor: read as 4.0, with a warning
        const auto noMinor =
            read(std::string_view("{\"cells\": [], \"metadata\": {}, \"nbformat\": 4}"));
        QVERIFY(noMinor.notebook);
        QCOMPARE(noMinor.problems.size(), size_t(1));
        QCOMPARE(noMinor.problems[0].severity, Problem::Severity::Warning);
        // a newer minor: unknown cells and keys are fine
        const auto future = read(
            std::string_view("{\"cells\": [{\"cell_type\": \"new\", \"metadata\": {}, \"x\": 1},\n"
                             "{\"cell_type\": \"code\", \"id\": \"a\", \"metadata\": {}, "
                             "\"source\": \"\", \"outputs\": [{\"output_type\": \"hologram\"}],\n"
                             "\"execution_count\": null, \"more\": true}], \"metadata\": {}, "
                             "\"nbformat\": 4, \"nbformat_minor\": 9, \"top\": 0}"));
        QVERIFY(future.notebook);
        QVERIFY(future.problems.empty());
    }

    void keepsTheFileAsItIs() {
        // key order, list-or-string sources, transient keys and duplicates resolved like Python
        const auto r =
            read(std::string_view("{\"nbformat_minor\": 4, \"nbformat\": 4, \"metadata\": "
                                  "{\"signature\": \"s\", \"b\": 1, \"b\": 2},\n"
                                  "\"cells\": [{\"source\": [\"a\\n\", \"b\"], \"metadata\": "
                                  "{\"trusted\": true}, \"cell_type\": \"markdown\"}]}"));
        QVERIFY(r.notebook);
        const Json& nb = *r.notebook;
        QCOMPARE(text(nb.begin().key()), QStringLiteral("nbformat_minor"));
        QVERIFY(nb["cells"][0]["source"].is_array());
        QVERIFY(nb["cells"][0]["metadata"]["trusted"].get<bool>());
        QCOMPARE(nb["metadata"]["b"].get<int>(), 2);
        QVERIFY(nb["metadata"].contains("signature"));
    }

    void upgradesV3() {
        const auto r = read(fixture(QStringLiteral("golden/v3_upgrade.ipynb")));
        QVERIFY(r.notebook);
        QVERIFY(r.upgraded);
        QCOMPARE(r.fileMajor, 3);
        QCOMPARE(r.fileMinor, 0);
        for (const auto& p : r.problems)
            qWarning("%s", describe(p, "v3").c_str());
        QVERIFY(r.problems.empty());
        const Json& nb = *r.notebook;
        QCOMPARE(nb["nbformat"].get<int>(), 4);
        QCOMPARE(nb["nbformat_minor"].get<int>(), 5);
        QVERIFY(!nb.contains("worksheets"));
        QVERIFY(!nb["metadata"].contains("name"));
        QVERIFY(!nb["metadata"].contains("signature"));
        const Json& cells = nb["cells"];
        QCOMPARE(cells.size(), size_t(6)); // two worksheets flattened
        std::set<std::string> ids;
        static const QRegularExpression hex8(QStringLiteral("^[0-9a-f]{8}$"));
        for (const auto& c : cells) {
            QVERIFY(hex8.match(text(c["id"].get<std::string>())).hasMatch());
            ids.insert(c["id"].get<std::string>());
        }
        QCOMPARE(ids.size(), cells.size());
        QCOMPARE(text(cells[0]["cell_type"].get<std::string>()), QStringLiteral("markdown"));
        QCOMPARE(text(cells[0]["source"].get<std::string>()), QStringLiteral("## Title continued"));
        QVERIFY(!cells[0].contains("level"));
        // lines written by the old splitlines() are joined with "\n"
        QCOMPARE(text(cells[1]["source"].get<std::string>()),
                 QStringLiteral("old style\njoined with newlines"));
        const Json& code = cells[2];
        QCOMPARE(text(code["source"].get<std::string>()), QStringLiteral("x = 1\nx"));
        QCOMPARE(code["execution_count"].get<int>(), 3);
        QVERIFY(!code.contains("input") && !code.contains("prompt_number") &&
                !code.contains("language"));
        QCOMPARE(code["metadata"]["collapsed"].get<bool>(), false);
        const Json& outputs = code["outputs"];
        QCOMPARE(text(outputs[0]["output_type"].get<std::string>()),
                 QStringLiteral("execute_result"));
        QCOMPARE(outputs[0]["execution_count"].get<int>(), 3);
        QCOMPARE(text(outputs[0]["data"]["text/plain"].get<std::string>()), QStringLiteral("1\n2"));
        QVERIFY(outputs[0]["data"].contains("text/html"));
        QVERIFY(outputs[0]["data"].contains("image/png"));
        QCOMPARE(outputs[0]["data"]["application/json"]["a"][1].get<double>(), 2.5);
        QCOMPARE(outputs[0]["metadata"]["image/png"]["width"].get<int>(), 4);
        QCOMPARE(text(outputs[1]["name"].get<std::string>()), QStringLiteral("stderr"));
        QVERIFY(!outputs[1].contains("stream"));
        QCOMPARE(text(outputs[2]["output_type"].get<std::string>()), QStringLiteral("error"));
        QVERIFY(outputs[3]["data"].contains("image/svg+xml"));
        QCOMPARE(text(outputs[3]["data"]["text/latex"].get<std::string>()), QStringLiteral("$x$"));
        QCOMPARE(text(cells[3]["cell_type"].get<std::string>()), QStringLiteral("raw"));
        QCOMPARE(text(cells[4]["source"].get<std::string>()), QStringLiteral("# Second sheet"));
        QCOMPARE(text(cells[5]["cell_type"].get<std::string>()),
                 QStringLiteral("markdown")); // html cell
    }

    void repairsCellIdsLikeNbformat() {
        Json nb = Json::parse(
            "{\"cells\": [{\"cell_type\": \"raw\", \"metadata\": {}, \"source\": \"\"},\n"
            "{\"cell_type\": \"raw\", \"id\": \"x\", \"metadata\": {}, \"source\": \"\"},\n"
            "{\"cell_type\": \"raw\", \"id\": \"x\", \"metadata\": {}, \"source\": \"\"}], "
            "\"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}");
        QCOMPARE(repairCellIds(nb), 2);
        QCOMPARE(text(nb["cells"][1]["id"].get<std::string>()), QStringLiteral("x"));
        QVERIFY(nb["cells"][0]["id"].is_string());
        QVERIFY(nb["cells"][2]["id"] != "x");
        QCOMPARE(repairCellIds(nb), 0);
        nb["nbformat_minor"] = 4;
        nb["cells"][0].erase("id");
        QCOMPARE(repairCellIds(nb), 0); // before 4.5 ids are not nbformat's business
    }

    void neverCrashesOnTruncations() {
        // every prefix of a real notebook is either read or refused with a reason
        const QByteArray whole = fixture(QStringLiteral("golden/multiline.ipynb"));
        for (qsizetype n = 0; n < whole.size(); ++n) {
            const auto r = read(whole.left(n));
            if (!r.notebook)
                QVERIFY(!r.problems.empty() && r.problems.front().line > 0);
        }
    }
};

QTEST_GUILESS_MAIN(TestNbformatReader)
#include "test_nbformat_reader.moc"
