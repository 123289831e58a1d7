// appendStreamText: terminal-style \r and \b handling in stored stream text.
#include "editor/execution/stream_text.h"

#include <QTest>

using quire::editor::appendStreamText;

class TestStreamText : public QObject {
    Q_OBJECT
private slots:
    void plainTextAppends() {
        std::string s = "a\n";
        appendStreamText(s, "b\nc");
        QCOMPARE(s, std::string("a\nb\nc"));
    }
    void carriageReturnOverwritesTheLine() {
        std::string s;
        appendStreamText(s, "head\n 10%");
        appendStreamText(s, "\r 50%");
        appendStreamText(s, "\r100%\n");
        QCOMPARE(s, std::string("head\n100%\n"));
    }
    void trailingCarriageReturnWaitsForTheNextChunk() {
        std::string s;
        appendStreamText(s, "done\r");
        QCOMPARE(s, std::string("done\r"));
        appendStreamText(s, "\nnext"); // "\r\n" is a line break: the line stays
        QCOMPARE(s, std::string("done\nnext"));
        appendStreamText(s, "\r");
        appendStreamText(s, "over");
        QCOMPARE(s, std::string("done\nover"));
    }
    void carriageReturnNeverReachesAcrossLines() {
        std::string s = "kept\nold";
        appendStreamText(s, "\rnew");
        QCOMPARE(s, std::string("kept\nnew"));
    }
    void backspaceRemovesOneCharacter() {
        std::string s = "ab";
        appendStreamText(s, "c\b\bX");
        QCOMPARE(s, std::string("aX"));
        std::string k = "\xed\x95\x9c"; // one Korean syllable, three UTF-8 bytes
        appendStreamText(k, "\b!");
        QCOMPARE(k, std::string("!"));
        std::string e;
        appendStreamText(e, "\b\bx"); // nothing to erase at the line start
        QCOMPARE(e, std::string("x"));
    }
    void progressBarStaysOneLine() {
        std::string s;
        for (int i = 0; i <= 1000; ++i)
            appendStreamText(s, "\r" + std::to_string(i) + "/1000");
        appendStreamText(s, "\n");
        QCOMPARE(s, std::string("1000/1000\n"));
    }
};

QTEST_APPLESS_MAIN(TestStreamText)
#include "test_stream_text.moc"
