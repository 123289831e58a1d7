// The JSON layer under the nbformat reader and writers: strict parsing as Python's json reads
// notebooks, Python's float and string spelling, equality, spans.
#include "editor/nbformat/json_equal.h"
#include "editor/nbformat/json_fast_parser.h"
#include "editor/nbformat/json_parser.h"
#include "editor/nbformat/json_spans.h"
#include "editor/nbformat/json_text.h"
#include "editor/nbformat/text_lines.h"

#include <QTest>

using namespace quire::editor;

namespace {
QByteArray bytes(const std::string& s) {
    return QByteArray::fromStdString(s);
}

std::string pyFloat(double v) {
    std::string out;
    appendPythonFloat(out, v);
    return out;
}

std::string pyString(std::string_view s, bool ensureAscii = false) {
    std::string out;
    appendJsonString(out, s, ensureAscii);
    return out;
}

Json parsed(std::string_view text) {
    auto r = parseJson(text);
    if (!r.value)
        qWarning("parse failed: %s", r.error.message.c_str());
    return r.value.value_or(Json());
}
} // namespace

class TestNbformatJson : public QObject {
    Q_OBJECT
private slots:
    void pythonFloatRepr_data() {
        QTest::addColumn<double>("value");
        QTest::addColumn<QByteArray>("repr"); // what Python's repr() gives
        QTest::newRow("0.1") << 0.1 << QByteArray("0.1");
        QTest::newRow("1e15") << 1e15 << QByteArray("1000000000000000.0");
        QTest::newRow("1e16") << 1e16 << QByteArray("1e+16");
        QTest::newRow("1e-5") << 1e-5 << QByteArray("1e-05");
        QTest::newRow("1e-4") << 1e-4 << QByteArray("0.0001");
        QTest::newRow("1.5e300") << 1.5e300 << QByteArray("1.5e+300");
        QTest::newRow("-0.0") << -0.0 << QByteArray("-0.0");
        QTest::newRow("0.0") << 0.0 << QByteArray("0.0");
        QTest::newRow("5e-324") << 5e-324 << QByteArray("5e-324");
        QTest::newRow("123456789.123") << 123456789.123 << QByteArray("123456789.123");
        QTest::newRow("1.0") << 1.0 << QByteArray("1.0");
        QTest::newRow("-2.5") << -2.5 << QByteArray("-2.5");
        QTest::newRow("1e22") << 1e22 << QByteArray("1e+22");
        QTest::newRow("2.5e-7") << 2.5e-7 << QByteArray("2.5e-07");
        QTest::newRow("0.00012345") << 0.00012345 << QByteArray("0.00012345");
        QTest::newRow("max") << 1.7976931348623157e308 << QByteArray("1.7976931348623157e+308");
        QTest::newRow("2^53+1") << 9007199254740993.0 << QByteArray("9007199254740992.0");
        QTest::newRow("1.2e19") << 12345678901234567890.0 << QByteArray("1.2345678901234567e+19");
        QTest::newRow("0.1+0.2") << 0.30000000000000004 << QByteArray("0.30000000000000004");
        QTest::newRow("1e100") << 1e100 << QByteArray("1e+100");
        QTest::newRow("123.456e-10") << 123.456e-10 << QByteArray("1.23456e-08");
    }
    void pythonFloatRepr() {
        QFETCH(double, value);
        QFETCH(QByteArray, repr);
        QCOMPARE(bytes(pyFloat(value)), repr);
    }

    void pythonStringEscapes() {
        QCOMPARE(bytes(pyString("a\"b\\c")), QByteArray("\"a\\\"b\\\\c\""));
        QCOMPARE(bytes(pyString("\n\r\t\b\f")), QByteArray("\"\\n\\r\\t\\b\\f\""));
        QCOMPARE(bytes(pyString(std::string_view("\x00\x01\x1b\x1f", 4))),
                 QByteArray("\"\\u0000\\u0001\\u001b\\u001f\""));
        QCOMPARE(bytes(pyString("\x7f")), QByteArray("\"\x7f\"")); // DEL stays
        QCOMPARE(bytes(pyString("/")), QByteArray("\"/\""));
        QCOMPARE(bytes(pyString("\xe2\x80\xa8 \xc3\xa9 \xf0\x9f\x98\x80")),
                 QByteArray("\"\xe2\x80\xa8 \xc3\xa9 \xf0\x9f\x98\x80\"")); // ensure_ascii=False
        // ensure_ascii=True: every non-ASCII character and DEL as \uXXXX, surrogate pairs
        QCOMPARE(bytes(pyString("\xe2\x80\xa8 \xc3\xa9 \xf0\x9f\x98\x80 \x7f", true)),
                 QByteArray("\"\\u2028 \\u00e9 \\ud83d\\ude00 \\u007f\""));
    }

    void integersOfAnySize() {
        const Json v = parsed("[18446744073709551616, -9223372036854775809, 18446744073709551615, "
                              "-9223372036854775808, -0, 1000000000000000000000000000000]");
        QVERIFY(isBigInteger(v[0]));
        QCOMPARE(QByteArray(bigIntegerText(v[0]).data(), qsizetype(bigIntegerText(v[0]).size())),
                 QByteArray("18446744073709551616"));
        QVERIFY(isBigInteger(v[1]));
        QVERIFY(v[2].is_number_unsigned());
        QVERIFY(v[3].is_number_integer() && !isBigInteger(v[3]));
        QCOMPARE(v[4].get<int>(), 0);
        QVERIFY(isJsonInteger(v[5]));
        std::string out;
        appendJson(out, v, JsonStyle{false, "", ",", ",", "\n"});
        QCOMPARE(bytes(out),
                 QByteArray("[18446744073709551616,-9223372036854775809,18446744073709551615,"
                            "-9223372036854775808,0,1000000000000000000000000000000]"));
    }

    void duplicateKeysKeepFirstPositionLastValue() {
        const Json v = parsed("{\"a\": 1, \"b\": 2, \"a\": 3}");
        QCOMPARE(v.size(), size_t(2));
        QCOMPARE(QByteArray::fromStdString(v.begin().key()), QByteArray("a"));
        QCOMPARE(v["a"].get<int>(), 3);
        // large objects take the indexed path
        std::string big = "{";
        for (int i = 0; i < 100; ++i)
            big += "\"k" + std::to_string(i) + "\": " + std::to_string(i) + ",";
        big += "\"k5\": \"again\"}";
        const Json b = parsed(big);
        QCOMPARE(b.size(), size_t(100));
        QCOMPARE(QByteArray::fromStdString(b["k5"].get<std::string>()), QByteArray("again"));
        QCOMPARE(QByteArray::fromStdString(std::next(b.begin(), 5).key()), QByteArray("k5"));
    }

    void nestingLimit() {
        const auto nested = [](int depth) {
            return std::string(size_t(depth), '[') + std::string(size_t(depth), ']');
        };
        QVERIFY(parseJson(nested(kMaxJsonDepth)).value);
        const auto tooDeep = parseJson(nested(kMaxJsonDepth + 1));
        QVERIFY(!tooDeep.value);
        QVERIFY(tooDeep.error.message.find("512") != std::string::npos);
        QVERIFY(!parseJson(nested(200000)).value); // no stack overflow
        QVERIFY(!parseJson(std::string(200000, '[')).value);
    }

    void rejectsWhatPythonJsonDoesNotWrite_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("line");
        QTest::newRow("NaN") << QByteArray("{\n\"a\": NaN}") << 2;
        QTest::newRow("Infinity") << QByteArray("[1,\n\n-Infinity]") << 3;
        QTest::newRow("overflow") << QByteArray("[1e400]") << 1;
        QTest::newRow("trailing data") << QByteArray("{}\n{}") << 2;
        QTest::newRow("truncated") << QByteArray("{\"a\": [1,\n2") << 2;
        QTest::newRow("empty") << QByteArray("  \n") << 1;
        QTest::newRow("invalid utf-8") << QByteArray("[\"\xff\"]") << 1;
        QTest::newRow("overlong utf-8") << QByteArray("\n[\"\xc0\xaf\"]") << 2;
        QTest::newRow("utf-8 surrogate") << QByteArray("[\"\xed\xa0\x80\"]") << 1;
        QTest::newRow("lone surrogate escape") << QByteArray("[\"\\ud800\"]") << 1;
        QTest::newRow("control character") << QByteArray("[\"a\tb\"]") << 1;
        QTest::newRow("single quotes") << QByteArray("{'a': 1}") << 1;
        QTest::newRow("comment") << QByteArray("{} // x") << 1;
        QTest::newRow("leading zero") << QByteArray("[01]") << 1;
        QTest::newRow("trailing comma") << QByteArray("[1,\n]") << 2;
        QTest::newRow("NUL byte") << QByteArray("[1]\0", 4) << 1;
    }
    void rejectsWhatPythonJsonDoesNotWrite() {
        QFETCH(QByteArray, text);
        QFETCH(int, line);
        const auto r = parseJson(std::string_view(text.constData(), size_t(text.size())));
        QVERIFY(!r.value);
        QCOMPARE(r.error.severity, Problem::Severity::Error);
        QCOMPARE(r.error.line, line);
        QVERIFY(!r.error.message.empty());
        // messages stay printable even when the input is not
        for (unsigned char c : r.error.message)
            QVERIFY(c >= 0x20);
    }

    void fastPathReadsWhatNlohmannReads_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("escapes") << QByteArray(
            "[\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u00e9\\u20AC\\ud83d\\ude00\"]");
        QTest::newRow("raw utf-8")
            << QByteArray("[\"\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80 \xef\xbf\xbf\"]");
        QTest::newRow("numbers") << QByteArray(
            "[0, -0, 1, -1, 9223372036854775807, -9223372036854775808, 18446744073709551615, "
            "18446744073709551616, -9223372036854775809, 0.5, -1.5e-3, 1E+2, 5e-324, "
            "1.7976931348623157e308, 2.2250738585072014e-308]");
        QTest::newRow("duplicates")
            << QByteArray("{\"a\": 1, \"b\": {\"x\": 1, \"x\": [2]}, \"a\": 3}");
        std::string big = "{";
        for (int i = 0; i < 40; ++i)
            big += "\"k" + std::to_string(i % 25) + "\": " + std::to_string(i) + ",";
        big += "\"last\": {}}";
        QTest::newRow("big object with duplicates") << QByteArray::fromStdString(big);
        QTest::newRow("nesting") << QByteArray::fromStdString(std::string(512, '[') +
                                                              std::string(512, ']'));
        QTest::newRow("space") << QByteArray("\xef\xbb\xbf \r\n\t{ \"a\" : [ ] , \"b\" : { } } \n");
        QTest::newRow("scalar root") << QByteArray("\"just a string\"");
    }
    void fastPathReadsWhatNlohmannReads() {
        QFETCH(QByteArray, text);
        const std::string_view view(text.constData(), size_t(text.size()));
        const auto fast = parseJsonFast(view);
        const auto slow = parseJsonExplained(view);
        QVERIFY(fast);
        QVERIFY(slow.value);
        QCOMPARE(bytes(fast->dump()), bytes(slow.value->dump()));
    }

    void fastPathRefusesWhatNlohmannRefuses_data() { rejectsWhatPythonJsonDoesNotWrite_data(); }
    void fastPathRefusesWhatNlohmannRefuses() {
        QFETCH(QByteArray, text);
        QVERIFY(!parseJsonFast(std::string_view(text.constData(), size_t(text.size()))));
    }

    void fastPathLeavesRareNumbersToNlohmann() {
        // from_chars reports underflow; nlohmann (like Python) reads 0.0
        QVERIFY(!parseJsonFast("[1e-400]"));
        const auto r = parseJson("[1e-400]");
        QVERIFY(r.value);
        QCOMPARE(bytes(pyFloat((*r.value)[0].get<double>())), QByteArray("0.0"));
    }

    void byteOrderMarkIsSkipped() { QVERIFY(parseJson("\xef\xbb\xbf{\"a\": 1}").value); }

    void equalityIsTypeStrictAndOrderFree() {
        QVERIFY(!jsonEqual(Json(1), Json(1.0)));
        QVERIFY(!jsonEqual(Json(0.0), Json(-0.0)));
        QVERIFY(jsonEqual(Json(std::uint64_t(5)), Json(std::int64_t(5))));
        QCOMPARE(jsonHash(Json(std::uint64_t(5))), jsonHash(Json(std::int64_t(5))));
        QVERIFY(!jsonEqual(Json(true), Json(1)));
        const Json a = parsed("{\"x\": [1, {\"p\": 1, \"q\": \"s\"}], \"y\": null}");
        const Json b = parsed("{\"y\": null, \"x\": [1, {\"q\": \"s\", \"p\": 1}]}");
        QVERIFY(jsonEqual(a, b));
        QCOMPARE(jsonHash(a), jsonHash(b));
        QVERIFY(!jsonEqual(a, parsed("{\"y\": null, \"x\": [{\"q\": \"s\", \"p\": 1}, 1]}")));
        QVERIFY(!jsonEqual(parsed("[18446744073709551616]"), parsed("[18446744073709551617]")));
    }

    void spansLocateValuesAndKeys() {
        const std::string text =
            "{\n \"a/b\": [10, {\"k\": \"v\"}],\n \"c~\": 2,\n \"a/b\": [3]\n}";
        const auto spans = JsonSpans::scan(text);
        QVERIFY(spans);
        QCOMPARE(spans->root().members.size(), size_t(3)); // duplicates are kept in the spans
        // the last "a/b" counts
        const auto member = spans->member(spans->root(), "a/b");
        QVERIFY(member);
        const auto& node = spans->node(member->node);
        QCOMPARE(bytes(text.substr(node.begin, node.end - node.begin)), QByteArray("[3]"));
        QCOMPARE(*spans->offsetOf("/c~0"), text.find("\"c~\""));
        QCOMPARE(*spans->offsetOf("/a~1b/0"), text.find("3]"));
        QCOMPARE(*spans->offsetOf("/a~1b/7"), text.rfind("\"a/b\"")); // nearest existing ancestor
        QVERIFY(!JsonSpans::scan("{\"a\": }"));
        QVERIFY(!JsonSpans::scan("[1] 2"));
        QCOMPARE(bytes(decodeJsonString("\"a\\u00e9\\ud83d\\ude00\\n\\/\"")),
                 QByteArray("a\xc3\xa9\xf0\x9f\x98\x80\n/"));
    }

    void locateProblemsFillsLines() {
        Problems problems{{Problem::Severity::Error, "/cells/1/source", 0, "x"},
                          {Problem::Severity::Error, "", 0, "root"},
                          {Problem::Severity::Error, "/nope", 0, "missing"}};
        locateProblems(problems, "{\"cells\": [\n{},\n{\n\"source\": 1}\n]}");
        QCOMPARE(problems[0].line, 4);
        QCOMPARE(problems[1].line, 1);
        QCOMPARE(problems[2].line, 1);
    }

    void splitLinesFollowsPython() {
        const auto lines = splitLines("a\nb\r\nc\rd\x0b"
                                      "e\x0c"
                                      "f\x1cg\xc2\x85h\xe2\x80\xa8i\xe2\x80\xa9j");
        const std::vector<std::string> expected{
            "a\n",   "b\r\n",     "c\r",           "d\x0b",         "e\x0c",
            "f\x1c", "g\xc2\x85", "h\xe2\x80\xa8", "i\xe2\x80\xa9", "j"};
        QCOMPARE(lines.size(), expected.size());
        for (size_t i = 0; i < lines.size(); ++i)
            QCOMPARE(bytes(lines[i]), bytes(expected[i]));
        QVERIFY(splitLines("").empty());
        QCOMPARE(splitLines("\n").size(), size_t(1));
    }
};

QTEST_GUILESS_MAIN(TestNbformatJson)
#include "test_nbformat_json.moc"
