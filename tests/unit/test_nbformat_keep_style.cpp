// KeepStyleWriter: unedited notebooks come back byte for byte in any layout; edits change
// only what was edited, in the file's own layout.
#include "editor/nbformat/json_equal.h"
#include "editor/nbformat/notebook_reader.h"
#include "editor/nbformat/notebook_writer.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace quire::editor;

namespace {
// JSON written with single quotes, for readable test data.
std::string q(std::string text) {
    for (char& c : text)
        if (c == '\'')
            c = '"';
    return text;
}

Json read(const std::string& text) {
    auto r = readNotebook(text);
    if (!r.notebook)
        qFatal("unreadable test notebook: %s", r.problems.front().message.c_str());
    return std::move(*r.notebook);
}

QByteArray b(const std::string& s) {
    return QByteArray::fromStdString(s);
}

QByteArray readFile(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return f.readAll();
}

// The lines that differ between two texts: [first, endA) in a and [first, endB) in b, after
// taking off the common first and last lines.
struct LineChange {
    qsizetype first, endA, endB;
};
LineChange changedLines(const QByteArray& a, const QByteArray& b) {
    const auto la = a.split('\n');
    const auto lb = b.split('\n');
    qsizetype first = 0;
    while (first < la.size() && first < lb.size() && la[first] == lb[first])
        ++first;
    qsizetype ea = la.size(), eb = lb.size();
    while (ea > first && eb > first && la[ea - 1] == lb[eb - 1])
        --ea, --eb;
    return {first, ea, eb};
}

// A notebook in several layouts, all with the same content.
const char* const kStyles[] = {
    // two spaces, file key order, no final newline
    "{\n  'nbformat': 4,\n  'nbformat_minor': 5,\n  'metadata': {\n    'kernelspec': {'name': "
    "'python3', "
    "'display_name': 'Python 3'}\n  },\n  'cells': [\n    {\n      'id': 'one',\n      "
    "'cell_type': 'code',\n"
    "      'source': [\n        'x = 1\\n',\n        'print(x)'\n      ],\n      'metadata': {},\n"
    "      'outputs': [],\n      'execution_count': null\n    },\n    {\n      'id': 'two',\n"
    "      'cell_type': 'markdown',\n      'source': '# Title\\ntext',\n      'metadata': {}\n    "
    "}\n  ]\n}",
    // tabs and CRLF
    "{\r\n\t'cells': [\r\n\t\t{\r\n\t\t\t'cell_type': 'raw',\r\n\t\t\t'id': "
    "'r',\r\n\t\t\t'metadata': {},\r\n"
    "\t\t\t'source': "
    "[\r\n\t\t\t\t'a\\r\\n',\r\n\t\t\t\t'b'\r\n\t\t\t]\r\n\t\t}\r\n\t],\r\n\t'metadata': {},\r\n"
    "\t'nbformat': 4,\r\n\t'nbformat_minor': 5\r\n}\r\n",
    // compact, as JavaScript writes it
    "{'cells':[{'cell_type':'markdown','id':'m','metadata':{},'source':'a\\nb'}],'metadata':{},"
    "'nbformat':4,'nbformat_minor':5}",
    // Python's default separators on one line
    "{'cells': [{'cell_type': 'markdown', 'id': 'm', 'metadata': {}, 'source': ['a\\n', 'b']}], "
    "'metadata': {}, 'nbformat': 4, 'nbformat_minor': 5}\n",
    // Python 2: trailing spaces after commas, ensure_ascii with upper-case escapes, odd colons
    "{\n 'cells' : [\n  {\n   'cell_type' : 'markdown', \n   'metadata' : {}, \n"
    "   'source' : [\n    'caf\\u00E9 \\uD83D\\uDE00\\n', \n    '\\/ slash'\n   ]\n  }\n ], \n"
    " 'metadata' : {}, \n 'nbformat' : 4, \n 'nbformat_minor' : 0\n}\n",
    // commas at the start of lines
    "{\n 'cells': [\n  {'cell_type': 'raw', 'id': 'a', 'metadata': {}, 'source': 'x'}\n ]\n "
    ",'metadata': {}\n"
    " ,'nbformat': 4\n ,'nbformat_minor': 5\n}\n",
    // a byte order mark, space around the value, duplicate keys, irregular layout
    "\xef\xbb\xbf  \n{ 'cells':[ ],\n      'metadata' : {'a': 1, 'a': 2},  'nbformat':4,\n"
    "'nbformat_minor':4 }  \n\n",
};
} // namespace

class TestNbformatKeepStyle : public QObject {
    Q_OBJECT
private slots:
    void unchangedIsByteIdentical_data() {
        QTest::addColumn<QByteArray>("text");
        int i = 0;
        for (const char* style : kStyles)
            QTest::newRow(qPrintable(QStringLiteral("style %1").arg(++i))) << b(q(style));
        const QString dir = QStringLiteral(QUIRE_TEST_DATA "/nbformat/golden/");
        for (const QString& name :
             QDir(dir).entryList({QStringLiteral("*.ipynb")}, QDir::Files, QDir::Name)) {
            if (!name.startsWith(QLatin1String("v3"))) // v3 is upgraded on reading
                QTest::newRow(qPrintable(name)) << readFile(dir + name);
        }
        QTest::newRow("schema violations")
            << readFile(QStringLiteral(QUIRE_TEST_DATA "/nbformat/bad/schema_violations.ipynb"));
    }
    void unchangedIsByteIdentical() {
        QFETCH(QByteArray, text);
        const std::string original = text.toStdString();
        QCOMPARE(b(KeepStyleWriter(original).write(read(original))), text);
    }

    void editsOfACanonicalFileAreCanonical() {
        const std::string original =
            readFile(QStringLiteral(QUIRE_TEST_DATA "/nbformat/golden/multiline.expected.ipynb"))
                .toStdString();
        const KeepStyleWriter writer(original);
        QVERIFY(writer.originalIsCanonical());
        const Json nb = read(original);
        const auto check = [&](const Json& edited, const char* what) {
            QVERIFY2(writer.write(edited) == writeCanonical(edited), what);
        };
        Json e = nb;
        e["cells"][0]["source"] = "a\nB changed\nc\n\nd"; // the model's string form
        check(e, "source edited as a string");
        e = nb;
        e["cells"][0]["source"][1] = "b2\n";
        check(e, "source edited as a list");
        e = nb;
        e["cells"].insert(e["cells"].begin() + 1, Json{{"cell_type", "markdown"},
                                                       {"id", "new1"},
                                                       {"metadata", Json::object()},
                                                       {"source", "new\ncell"}});
        check(e, "cell inserted");
        e = nb;
        std::swap(e["cells"][0], e["cells"][1]);
        check(e, "cells moved");
        e = nb;
        e["cells"].erase(e["cells"].begin());
        check(e, "cell deleted");
        e = nb;
        e["cells"][0]["outputs"] = Json::array();
        e["cells"][0]["execution_count"] = nullptr;
        e["metadata"]["kernelspec"] = {{"name", "python3"}, {"display_name", "Python 3"}};
        check(e, "outputs cleared, metadata added");
    }

    void editsOfAnyLayoutReadBackAsEdited_data() { unchangedIsByteIdentical_data(); }
    void editsOfAnyLayoutReadBackAsEdited() {
        QFETCH(QByteArray, text);
        const std::string original = text.toStdString();
        Json nb = read(original);
        Json& cells = nb["cells"];
        if (!cells.empty()) {
            Json& source = cells[0]["source"];
            if (source.is_string())
                source = source.get<std::string>() + "\nedited";
            else if (source.is_array())
                source.push_back("edited \xc3\xa9");
            cells.erase(cells.begin() + qsizetype(cells.size() / 2));
        }
        cells.push_back({{"cell_type", "markdown"},
                         {"metadata", {{"k", {1, 2.5, nullptr}}}},
                         {"source", "new\ncell"}});
        nb["metadata"]["added"] = "\xe2\x80\xa8";
        const std::string out = KeepStyleWriter(original).write(nb);
        const auto back = readNotebook(out);
        QVERIFY2(back.notebook, out.c_str());
        QCOMPARE(b(writeCanonical(*back.notebook)), b(writeCanonical(nb)));
    }

    void oneCellEditChangesOnlyItsLines() {
        // a canonical notebook with many cells; edit one line of one cell
        Json nb = read(q("{'cells': [], 'metadata': {}, 'nbformat': 4, 'nbformat_minor': 5}"));
        for (int i = 0; i < 50; ++i) {
            const std::string n = std::to_string(i);
            nb["cells"].push_back({{"cell_type", "code"},
                                   {"id", "c" + n},
                                   {"metadata", Json::object()},
                                   {"execution_count", i},
                                   {"source", "a = " + n + "\nb = a\nprint(b)\n"},
                                   {"outputs", Json::array({{{"output_type", "stream"},
                                                             {"name", "stdout"},
                                                             {"text", n + "\n"}}})}});
        }
        const std::string original = writeCanonical(nb);
        const Json loaded = read(original);
        Json edited = loaded;
        edited["cells"][20]["source"] = "a = 20\nb = a * 2\nprint(b)\n";
        const QByteArray out = b(KeepStyleWriter(original).write(edited));
        const auto change = changedLines(b(original), out);
        QCOMPARE(change.endA - change.first, 1); // one line replaced by one line
        QCOMPARE(change.endB - change.first, 1);
        QCOMPARE(out.split('\n')[change.first], QByteArray("    \"b = a * 2\\n\","));
    }

    void editsKeepTheFileLayout() {
        const std::string original = q(kStyles[0]);
        Json nb = read(original);
        nb["cells"][0]["source"] = "x = 2\nprint(x)"; // string in the model, list in the file
        nb["cells"][1]["source"] = "# Title\nnew text";
        nb["cells"][1]["metadata"]["tags"] = {"t"};
        nb["metadata"]["zz_new"] = true;
        // new cells: keys in the given order, text as lists (the file has lists)
        nb["cells"].push_back({{"id", "three"},
                               {"cell_type", "raw"},
                               {"source", "r1\nr2"},
                               {"metadata", Json::object()}});
        const std::string out = KeepStyleWriter(original).write(nb);
        const std::string expected = q("{\n  'nbformat': 4,\n  'nbformat_minor': 5,\n  'metadata': "
                                       "{\n    'kernelspec': {'name': 'python3', "
                                       "'display_name': 'Python 3'},\n    'zz_new': true\n  },\n  "
                                       "'cells': [\n    {\n      'id': 'one',\n"
                                       "      'cell_type': 'code',\n      'source': [\n        'x "
                                       "= 2\\n',\n        'print(x)'\n      ],\n"
                                       "      'metadata': {},\n      'outputs': [],\n      "
                                       "'execution_count': null\n    },\n    {\n"
                                       "      'id': 'two',\n      'cell_type': 'markdown',\n      "
                                       "'source': '# Title\\nnew text',\n"
                                       "      'metadata': {\n        'tags': [\n          't'\n    "
                                       "    ]\n      }\n    },\n    {\n"
                                       "      'id': 'three',\n      'cell_type': 'raw',\n      "
                                       "'source': [\n        'r1\\n',\n        'r2'\n"
                                       "      ],\n      'metadata': {}\n"
                                       "    }\n  ]\n}");
        QCOMPARE(b(out), b(expected));
    }

    void newTextFollowsTheFile() {
        // a file whose sources are strings gets string sources for new cells too
        const std::string strings = q(kStyles[2]);
        Json nb = read(strings);
        nb["cells"].push_back({{"cell_type", "markdown"},
                               {"id", "n"},
                               {"metadata", Json::object()},
                               {"source", "p\nq"}});
        const std::string out = KeepStyleWriter(strings).write(nb);
        QVERIFY(out.find(q("'source':'p\\nq'")) != std::string::npos);
        // a file with lists gets lists
        const std::string lists = q(kStyles[3]);
        nb = read(lists);
        nb["cells"].push_back({{"cell_type", "markdown"},
                               {"id", "n"},
                               {"metadata", Json::object()},
                               {"source", "p\nq"}});
        QVERIFY(KeepStyleWriter(lists).write(nb).find(q("'source': ['p\\n', 'q']")) !=
                std::string::npos);
    }

    void lineEndingsIndentAndEscapesAreKept() {
        const std::string crlf = q(kStyles[1]);
        Json nb = read(crlf);
        nb["cells"][0]["source"] = "a\r\nchanged";
        nb["cells"][0]["metadata"]["k"] = 1;
        const std::string out = KeepStyleWriter(crlf).write(nb);
        for (size_t i = out.find('\n'); i != std::string::npos; i = out.find('\n', i + 1))
            QVERIFY(i > 0 && out[i - 1] == '\r');
        QVERIFY(out.find(q("\t\t\t'metadata': {\r\n\t\t\t\t'k': 1\r\n\t\t\t}")) !=
                std::string::npos);

        const std::string ascii = q(kStyles[4]);
        nb = read(ascii);
        nb["cells"][0]["source"] = "na\xc3\xafve \xf0\x9f\x98\x80\n/ slash";
        const std::string asciiOut = KeepStyleWriter(ascii).write(nb);
        QVERIFY(asciiOut.find(q("'na\\u00EFve \\uD83D\\uDE00\\n', ")) != std::string::npos);
        QVERIFY(asciiOut.find(q("'\\/ slash'")) !=
                std::string::npos); // unchanged line copied as it was
    }

    void unreadableOriginalFallsBackToCanonical() {
        const Json nb = read(q(kStyles[3]));
        QCOMPARE(b(KeepStyleWriter("{ broken").write(nb)), b(writeCanonical(nb)));
    }

    void movedWriterKeepsWorking() {
        KeepStyleWriter a(q(kStyles[2]));
        KeepStyleWriter moved(std::move(a));
        const Json nb = read(q(kStyles[2]));
        QCOMPARE(b(moved.write(nb)), b(q(kStyles[2])));
    }
};

QTEST_GUILESS_MAIN(TestNbformatKeepStyle)
#include "test_nbformat_keep_style.moc"
