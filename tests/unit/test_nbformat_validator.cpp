// validateNotebook: the nbformat 4.0-4.5 schemas, rule by rule, every problem with its path.
#include "editor/nbformat/json_parser.h"
#include "editor/nbformat/notebook_validator.h"

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

Json parse(const std::string& text) {
    auto r = parseJson(text);
    if (!r.value)
        qFatal("bad test JSON: %s\n%s", r.error.message.c_str(), text.c_str());
    return *r.value;
}

std::string notebook(const std::string& cells, int minor = 5, const std::string& metadata = "{}") {
    return q("{'cells': [" + cells + "], 'metadata': " + metadata +
             ", 'nbformat': 4, 'nbformat_minor': " + std::to_string(minor) + "}");
}

std::string codeCell(const std::string& extra = "", const std::string& outputs = "") {
    return "{'cell_type': 'code', 'id': 'c1', 'metadata': {}, 'source': '', 'execution_count': "
           "null, 'outputs': [" +
           outputs + "]" + (extra.empty() ? "" : ", " + extra) + "}";
}

std::string replaced(std::string s, const std::string& from, const std::string& to) {
    const size_t at = s.find(from);
    if (at == std::string::npos)
        qFatal("test data: %s not found", from.c_str());
    return s.replace(at, from.size(), to);
}

QStringList paths(const Problems& problems) {
    QStringList out;
    for (const auto& p : problems)
        out << QString::fromStdString(p.path);
    return out;
}
} // namespace

class TestNbformatValidator : public QObject {
    Q_OBJECT
private slots:
    void rules_data() {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QStringList>("expected"); // problem paths, in order
        const auto row = [](const char* name, const std::string& json, QStringList expected) {
            QTest::newRow(name) << QString::fromStdString(json) << expected;
        };
        const QString cell0 = QStringLiteral("/cells/0");
        row("valid 4.5", notebook(q(codeCell())), {});
        row("valid 4.0 without ids",
            notebook(q("{'cell_type': 'markdown', 'metadata': {}, 'source': ['a']}"), 0), {});
        // top level
        row("missing cells and metadata", q("{'nbformat': 4, 'nbformat_minor': 5}"), {"", ""});
        row("extra top-level key",
            q("{'cells': [], 'metadata': {}, 'nbformat': 4, 'nbformat_minor': 5, 'x': 1}"), {"/x"});
        row("nbformat 3 in a v4 check",
            q("{'cells': [], 'metadata': {}, 'nbformat': 3, 'nbformat_minor': 5}"), {"/nbformat"});
        row("minor is a string",
            q("{'cells': [], 'metadata': {}, 'nbformat': 4, 'nbformat_minor': '5'}"),
            {"/nbformat_minor"});
        // notebook metadata
        row("kernelspec without name", notebook("", 5, q("{'kernelspec': {'display_name': 'P'}}")),
            {"/metadata/kernelspec"});
        row("kernelspec name not a string",
            notebook("", 5, q("{'kernelspec': {'name': 1, 'display_name': 'P'}}")),
            {"/metadata/kernelspec/name"});
        row("language_info",
            notebook("", 5, q("{'language_info': {'codemirror_mode': 3, 'mimetype': []}}")),
            {"/metadata/language_info", "/metadata/language_info/mimetype",
             "/metadata/language_info/codemirror_mode"});
        row("codemirror_mode object",
            notebook("", 5, q("{'language_info': {'name': 'p', 'codemirror_mode': {}}}")), {});
        row("title from 4.2", notebook("", 2, q("{'title': 1, 'authors': {}}")),
            {"/metadata/title", "/metadata/authors"});
        row("title before 4.2", notebook("", 1, q("{'title': 1, 'authors': {}}")), {});
        // cells
        row("cell without type", notebook(q("{'id': 'a', 'metadata': {}}")), {cell0});
        row("unknown cell type", notebook(q("{'cell_type': 'slides', 'id': 'a', 'metadata': {}}")),
            {"/cells/0/cell_type"});
        row("cell type not a string", notebook(q("{'cell_type': 1, 'metadata': {}}")),
            {"/cells/0/cell_type"});
        row("markdown without source",
            notebook(q("{'cell_type': 'markdown', 'id': 'a', 'metadata': {}}")), {cell0});
        row("source with a number",
            notebook(q("{'cell_type': 'markdown', 'id': 'a', 'metadata': {}, 'source': ['a', 1]}")),
            {"/cells/0/source"});
        row("attachments",
            notebook(
                q("{'cell_type': 'markdown', 'id': 'a', 'metadata': {}, 'source': '', "
                  "'attachments': {'x.png': {'image/png': 5, 'application/json': 5}, 'y': 3}}")),
            {"/cells/0/attachments/x.png/image~1png", "/cells/0/attachments/y"});
        row("raw format",
            notebook(q("{'cell_type': 'raw', 'id': 'a', 'metadata': {'format': 1}, 'source': ''}")),
            {"/cells/0/metadata/format"});
        row("markdown has no outputs",
            notebook(q("{'cell_type': 'markdown', 'id': 'a', 'metadata': {}, 'source': '', "
                       "'outputs': []}")),
            {"/cells/0/outputs"});
        // code cells
        row("execution_count float",
            notebook(
                replaced(q(codeCell()), q("'execution_count': null"), q("'execution_count': 1.0"))),
            {"/cells/0/execution_count"});
        row("execution_count negative",
            notebook(
                replaced(q(codeCell()), q("'execution_count': null"), q("'execution_count': -2"))),
            {"/cells/0/execution_count"});
        row("execution_count boolean",
            notebook(replaced(q(codeCell()), q("'execution_count': null"),
                              q("'execution_count': true"))),
            {"/cells/0/execution_count"});
        row("execution_count huge",
            notebook(replaced(q(codeCell()), q("'execution_count': null"),
                              q("'execution_count': 100000000000000000000000"))),
            {});
        row("outputs not a list",
            notebook(replaced(q(codeCell()), q("'outputs': []"), q("'outputs': {}"))),
            {"/cells/0/outputs"});
        row("code metadata",
            notebook(replaced(q(codeCell()), q("'metadata': {}"),
                              q("'metadata': {'collapsed': 1, 'scrolled': 'yes', 'execution': "
                                "{'shell.execute_reply': 5}, 'jupyter': 1}"))),
            {"/cells/0/metadata/jupyter", "/cells/0/metadata/collapsed",
             "/cells/0/metadata/scrolled", "/cells/0/metadata/execution/shell.execute_reply"});
        row("execution before 4.4",
            notebook(q("{'cell_type': 'code', 'metadata': {'execution': 1, 'jupyter': 1, "
                       "'scrolled': 'auto'}, 'source': '', 'execution_count': 1, 'outputs': []}"),
                     3),
            {"/cells/0/metadata/jupyter"});
        row("jupyter before 4.3",
            notebook(q("{'cell_type': 'raw', 'metadata': {'jupyter': 1}, 'source': ''}"), 2), {});
        // ids
        row("id missing in 4.5", notebook(q("{'cell_type': 'raw', 'metadata': {}, 'source': ''}")),
            {cell0});
        row("id present in 4.4", notebook(q(codeCell()), 4), {"/cells/0/id"});
        row("id pattern",
            notebook(q("{'cell_type': 'raw', 'id': 'a b', 'metadata': {}, 'source': ''},"
                       "{'cell_type': 'raw', 'id': '', 'metadata': {}, 'source': ''},"
                       "{'cell_type': 'raw', 'id': 'abc\\n', 'metadata': {}, 'source': ''},"
                       "{'cell_type': 'raw', 'id': 7, 'metadata': {}, 'source': ''},"
                       "{'cell_type': 'raw', 'id': '" +
                       std::string(65, 'x') +
                       "', 'metadata': {}, 'source': ''},"
                       "{'cell_type': 'raw', 'id': 'A-z_09', 'metadata': {}, 'source': ''}")),
            {"/cells/0/id", "/cells/1/id", "/cells/2/id", "/cells/3/id", "/cells/4/id"});
        row("duplicate ids",
            notebook(q("{'cell_type': 'raw', 'id': 'x', 'metadata': {}, 'source': ''},"
                       "{'cell_type': 'raw', 'id': 'y', 'metadata': {}, 'source': ''},"
                       "{'cell_type': 'raw', 'id': 'x', 'metadata': {}, 'source': ''}")),
            {"/cells/2/id"});
        // name and tags
        row("names",
            notebook(
                q("{'cell_type': 'raw', 'id': 'a', 'metadata': {'name': ''}, 'source': ''},"
                  "{'cell_type': 'raw', 'id': 'b', 'metadata': {'name': 'a\\n'}, 'source': ''},"
                  "{'cell_type': 'raw', 'id': 'c', 'metadata': {'name': 'fine name'}, 'source': "
                  "''}")),
            {"/cells/0/metadata/name", "/cells/1/metadata/name"});
        row("tags",
            notebook(q("{'cell_type': 'raw', 'id': 'a', 'metadata': {'tags': ['a', 'b,c', '', 'a', "
                       "1, '\\n']}, "
                       "'source': ''}")),
            {"/cells/0/metadata/tags/1", "/cells/0/metadata/tags/2", "/cells/0/metadata/tags/3",
             "/cells/0/metadata/tags/4"});
        row("tags not a list",
            notebook(q("{'cell_type': 'raw', 'id': 'a', 'metadata': {'tags': 'a'}, 'source': ''}")),
            {"/cells/0/metadata/tags"});
        // outputs
        row("output without type", notebook(q(codeCell("", "{}"))), {"/cells/0/outputs/0"});
        row("output not an object", notebook(q(codeCell("", "3"))), {"/cells/0/outputs/0"});
        row("unknown output type", notebook(q(codeCell("", "{'output_type': 'x'}"))),
            {"/cells/0/outputs/0/output_type"});
        row("execute_result",
            notebook(
                q(codeCell("", "{'output_type': 'execute_result', 'data': {}, 'metadata': 1}"))),
            {"/cells/0/outputs/0", "/cells/0/outputs/0/metadata"});
        row("display_data extra key",
            notebook(q(codeCell("", "{'output_type': 'display_data', 'data': {}, 'metadata': {}, "
                                    "'execution_count': 1}"))),
            {"/cells/0/outputs/0/execution_count"});
        row("stream",
            notebook(q(codeCell("", "{'output_type': 'stream', 'name': 1, 'text': [1]}"))),
            {"/cells/0/outputs/0/name", "/cells/0/outputs/0/text"});
        row("error",
            notebook(q(codeCell(
                "", "{'output_type': 'error', 'ename': 'E', 'evalue': 2, 'traceback': 'tb'}"))),
            {"/cells/0/outputs/0/evalue", "/cells/0/outputs/0/traceback"});
        row("mime bundles",
            notebook(q(codeCell("", "{'output_type': 'display_data', 'metadata': {}, 'data': {"
                                    "'application/json': 1, 'application/vnd.x+json': {}, "
                                    "'application/json\\n': [1], 'text/x+json': {}, "
                                    "'application/xjson': 1, 'text/plain': ['a', 'b']}}"))),
            {"/cells/0/outputs/0/data/text~1x+json", "/cells/0/outputs/0/data/application~1xjson"});
        // a newer minor: additional keys and unknown types are allowed, requirements stay
        row("future minor",
            notebook(q("{'cell_type': 'new', 'metadata': {}, 'x': 1},"
                       "{'cell_type': 'raw', 'id': 'a', 'metadata': {}, 'source': '', 'y': 2},"
                       "{'cell_type': 'gone'}"),
                     6),
            {"/cells/2"});
    }
    void rules() {
        QFETCH(QString, json);
        QFETCH(QStringList, expected);
        const Problems problems = validateNotebook(parse(json.toStdString()));
        QCOMPARE(paths(problems), expected);
        for (const auto& p : problems) {
            QCOMPARE(p.severity, Problem::Severity::Error);
            QCOMPARE(p.line, 0); // no text given
            QVERIFY(!p.message.empty());
        }
    }

    void reportsEveryProblemWithItsLine() {
        const std::string text =
            q("{\n"
              " 'cells': [\n"
              "  {'cell_type': 'code', 'id': 'a', 'metadata': {}, 'source': 1,\n"
              "   'outputs': [], 'execution_count': 'x'},\n"
              "  {'cell_type': 'raw', 'id': 'a',\n"
              "   'metadata': {}, 'source': ''}\n"
              " ],\n"
              " 'metadata': {'kernelspec': {}},\n"
              " 'nbformat': 4,\n"
              " 'nbformat_minor': 5\n"
              "}\n");
        const Problems problems = validateNotebook(parse(text), text);
        QStringList got;
        for (const auto& p : problems)
            got << QStringLiteral("%1 %2").arg(p.line).arg(QString::fromStdString(p.path));
        QCOMPARE(got,
                 QStringList({"3 /cells/0/source", "4 /cells/0/execution_count", "5 /cells/1/id",
                              "8 /metadata/kernelspec", "8 /metadata/kernelspec"}));
    }

    void describeIsCompilerStyle() {
        QCOMPARE(QString::fromStdString(describe(
                     {Problem::Severity::Warning, "/cells/3/source", 12, "must be a string"},
                     "a.ipynb")),
                 QStringLiteral("a.ipynb:12: warning: /cells/3/source: must be a string"));
        QCOMPARE(QString::fromStdString(
                     describe({Problem::Severity::Error, "", 0, "the file is empty"}, "b.ipynb")),
                 QStringLiteral("b.ipynb: error: the file is empty"));
    }
};

QTEST_GUILESS_MAIN(TestNbformatValidator)
#include "test_nbformat_validator.moc"
