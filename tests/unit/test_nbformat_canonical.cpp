// writeCanonical against nbformat's own output (golden files made by nbformat; see
// tests/data/nbformat/regenerate.py).
#include "editor/nbformat/cell_ids.h"
#include "editor/nbformat/notebook_reader.h"
#include "editor/nbformat/notebook_writer.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

using namespace quire::editor;

namespace {
const QString kGolden = QStringLiteral(QUIRE_TEST_DATA "/nbformat/golden/");

QByteArray readFile(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return f.readAll();
}

std::string_view view(const QByteArray& b) {
    return {b.constData(), size_t(b.size())};
}

// nbformat gives upgraded v3 cells random ids: compare everything else.
QByteArray maskCellIds(QByteArray text) {
    static const QRegularExpression id(QStringLiteral("^   \"id\": \"[0-9a-f]{8}\",$"),
                                       QRegularExpression::MultilineOption);
    return QString::fromUtf8(text).replace(id, QStringLiteral("   \"id\": \"ID\",")).toUtf8();
}

// The first line where two texts differ, for failure messages.
QByteArray firstDifference(const QByteArray& a, const QByteArray& b) {
    const auto la = a.split('\n');
    const auto lb = b.split('\n');
    for (qsizetype i = 0; i < std::min(la.size(), lb.size()); ++i)
        if (la[i] != lb[i])
            return "line " + QByteArray::number(i + 1) + ":\n  got:      " + la[i] +
                   "\n  expected: " + lb[i];
    return "lengths differ: " + QByteArray::number(a.size()) + " vs " +
           QByteArray::number(b.size());
}

QStringList goldenInputs() {
    QStringList names =
        QDir(kGolden).entryList({QStringLiteral("*.ipynb")}, QDir::Files, QDir::Name);
    names.removeIf([](const QString& n) { return n.endsWith(QLatin1String(".expected.ipynb")); });
    return names;
}
} // namespace

class TestNbformatCanonical : public QObject {
    Q_OBJECT
private slots:
    void matchesNbformat_data() {
        QTest::addColumn<QString>("name");
        const QStringList names = goldenInputs();
        QVERIFY(names.size() >= 14);
        for (const QString& n : names)
            QTest::newRow(qPrintable(n)) << n.chopped(6);
    }
    void matchesNbformat() {
        QFETCH(QString, name);
        const QByteArray input = readFile(kGolden + name + QStringLiteral(".ipynb"));
        const QByteArray expected = readFile(kGolden + name + QStringLiteral(".expected.ipynb"));
        auto read = readNotebook(view(input));
        QVERIFY(read.notebook);
        repairCellIds(*read.notebook);
        QByteArray got = QByteArray::fromStdString(writeCanonical(*read.notebook));
        QByteArray want = expected;
        if (read.upgraded) {
            got = maskCellIds(got);
            want = maskCellIds(want);
        }
        QVERIFY2(got == want, firstDifference(got, want).constData());
    }

    void canonicalTextIsAFixedPoint_data() { matchesNbformat_data(); }
    void canonicalTextIsAFixedPoint() {
        QFETCH(QString, name);
        const QByteArray expected = readFile(kGolden + name + QStringLiteral(".expected.ipynb"));
        const auto read = readNotebook(view(expected));
        QVERIFY(read.notebook);
        const QByteArray again = QByteArray::fromStdString(writeCanonical(*read.notebook));
        QVERIFY2(again == expected, firstDifference(again, expected).constData());
        QVERIFY(KeepStyleWriter(expected.toStdString()).originalIsCanonical());
    }

    void modelStringsAreSplitLikeNbformat() {
        // the editor holds text as strings; nbformat splits them on writing
        Json nb = Json::parse(
            "{\"cells\": [], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}");
        Json cell = {
            {"cell_type", "code"},
            {"id", "abc"},
            {"metadata", Json::object()},
            {"source", "a\nb\n"},
            {"execution_count", nullptr},
            {"outputs",
             Json::array({{{"output_type", "stream"}, {"name", "stdout"}, {"text", "1\n2"}}})}};
        nb["cells"].push_back(cell);
        const std::string expected = "{\n"
                                     " \"cells\": [\n"
                                     "  {\n"
                                     "   \"cell_type\": \"code\",\n"
                                     "   \"execution_count\": null,\n"
                                     "   \"id\": \"abc\",\n"
                                     "   \"metadata\": {},\n"
                                     "   \"outputs\": [\n"
                                     "    {\n"
                                     "     \"name\": \"stdout\",\n"
                                     "     \"output_type\": \"stream\",\n"
                                     "     \"text\": [\n"
                                     "      \"1\\n\",\n"
                                     "      \"2\"\n"
                                     "     ]\n"
                                     "    }\n"
                                     "   ],\n"
                                     "   \"source\": [\n"
                                     "    \"a\\n\",\n"
                                     "    \"b\\n\"\n"
                                     "   ]\n"
                                     "  }\n"
                                     " ],\n"
                                     " \"metadata\": {},\n"
                                     " \"nbformat\": 4,\n"
                                     " \"nbformat_minor\": 5\n"
                                     "}\n";
        QCOMPARE(QByteArray::fromStdString(writeCanonical(nb)),
                 QByteArray::fromStdString(expected));
    }

    void nonCanonicalOriginals() {
        QVERIFY(
            !KeepStyleWriter(readFile(kGolden + QStringLiteral("other_layout.ipynb")).toStdString())
                 .originalIsCanonical());
        QVERIFY(!KeepStyleWriter("not json").originalIsCanonical());
        // a v3 file is never canonical: it is upgraded when read
        QVERIFY(
            !KeepStyleWriter(readFile(kGolden + QStringLiteral("v3_upgrade.ipynb")).toStdString())
                 .originalIsCanonical());
    }
};

QTEST_GUILESS_MAIN(TestNbformatCanonical)
#include "test_nbformat_canonical.moc"
