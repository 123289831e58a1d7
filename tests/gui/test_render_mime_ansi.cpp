// MIME selection order and ANSI terminal text parsing.
#include "editor/render/ansi_text.h"
#include "editor/render/mime_select.h"

#include <QPalette>
#include <QTest>
#include <QTextCursor>
#include <QTextDocument>
#include <cmath>

using namespace quire::editor;

class TestRenderMimeAnsi : public QObject {
    Q_OBJECT

private slots:
    void selectsRichestRenderable() {
        const Json bundle = Json::parse(R"({"text/plain": "x", "image/png": "AAAA",
                                            "text/html": "<b>x</b>", "text/latex": "$x$"})");
        const QStringList all = {"text/html", "text/latex", "image/png", "text/plain"};
        QCOMPARE(selectMimeType(bundle, all), QString("text/html"));
        QCOMPARE(selectMimeType(bundle, {"image/png", "text/plain"}), QString("image/png"));
        QCOMPARE(selectMimeType(bundle, {"text/plain"}), QString("text/plain"));
        QCOMPARE(selectMimeType(bundle, {"image/jpeg"}), QString());
        QCOMPARE(selectMimeType(Json::array(), all), QString());
    }

    void preferenceOrderFollowsJupyterLabRanks() {
        const QStringList& order = mimePreferenceOrder();
        const auto before = [&](const char* a, const char* b) {
            return order.indexOf(QString(a)) >= 0 &&
                   order.indexOf(QString(a)) < order.indexOf(QString(b));
        };
        QVERIFY(before("application/vnd.jupyter.widget-view+json", "text/html"));
        QVERIFY(before("text/html", "text/markdown"));
        QVERIFY(before("text/markdown", "text/latex"));
        QVERIFY(before("text/latex", "image/svg+xml"));
        QVERIFY(before("image/svg+xml", "image/png"));
        QVERIFY(before("image/png", "image/jpeg"));
        QVERIFY(before("image/gif", "application/javascript"));
        QVERIFY(before("application/json", "text/plain"));
        QCOMPARE(order.last(), QString("text/plain"));
    }

    void unknownRenderableComesLast() {
        const Json bundle = Json::parse(R"({"application/x-custom": 1, "text/plain": "x"})");
        QCOMPARE(selectMimeType(bundle, {"application/x-custom", "text/plain"}),
                 QString("text/plain"));
        QCOMPARE(selectMimeType(bundle, {"application/x-custom"}), QString("application/x-custom"));
    }

    void mimeValuesJoinLists() {
        QCOMPARE(mimeText(Json::parse(R"(["a\n", "b\n", "c"])")), QString("a\nb\nc"));
        QCOMPARE(mimeText(Json("héllo")), QString("héllo"));
        QCOMPARE(mimeText(Json(42)), QString());
        QCOMPARE(mimeBase64Data(Json::parse(R"(["aGVs\n", "bG8="])")), QByteArray("hello"));
        QVERIFY(isJsonMimeType(u"application/vnd.plotly.v1+json"));
        QVERIFY(!isJsonMimeType(u"text/plain"));
    }

    void plainTextFastPath() {
        const AnsiText t = parseAnsi(QStringLiteral("hello\nworld\n"));
        QCOMPARE(t.text, QString("hello\nworld\n"));
        QVERIFY(t.runs.isEmpty());
    }

    void namedAndBrightColours() {
        const AnsiText t = parseAnsi(QStringLiteral("a\x1b[31mred\x1b[0m b\x1b[1;94mbold\x1b[m"));
        QCOMPARE(t.text, QString("ared bbold"));
        QCOMPARE(t.runs.size(), 2);
        QCOMPARE(t.runs[0].start, 1);
        QCOMPARE(t.runs[0].length, 3);
        QCOMPARE(t.style(t.runs[0]).foreground.kind, AnsiColor::Kind::Indexed);
        QCOMPARE(t.style(t.runs[0]).foreground.index, 1);
        QVERIFY(t.style(t.runs[1]).bold);
        QCOMPARE(t.style(t.runs[1]).foreground.index, 12);
    }

    void colours256And24Bit() {
        const AnsiText t =
            parseAnsi(QStringLiteral("\x1b[38;5;208mo\x1b[0;48;2;10;20;30mx\x1b[49my"));
        QCOMPARE(t.text, QString("oxy"));
        QCOMPARE(t.runs.size(), 2);
        QCOMPARE(t.style(t.runs[0]).foreground.index, 208);
        QCOMPARE(t.style(t.runs[1]).background.kind, AnsiColor::Kind::Rgb);
        QCOMPARE(t.style(t.runs[1]).background.rgb, qRgb(10, 20, 30));
        const AnsiPalette light(QColor(Qt::black), QColor(Qt::white));
        QCOMPARE(light.color(t.style(t.runs[0]).foreground, false), QColor(255, 135, 0));
        QCOMPARE(light.color(t.style(t.runs[1]).background, true), QColor(10, 20, 30));
        // Default text on a dark background gets a readable (light) colour.
        const QTextCharFormat f = light.format(t.style(t.runs[1]));
        QVERIFY(f.foreground().color().lightnessF() > 0.8);
    }

    void ipythonHighlightStaysReadable() {
        // IPython 8 marks the failing expression: grey 241 on yellow (43).
        const AnsiText t = parseAnsi(QStringLiteral("\x1b[38;5;241;43m1 / 0\x1b[39;49m"));
        QCOMPARE(t.runs.size(), 1);
        for (const auto& [text, base] : {std::pair{QColor(Qt::black), QColor(Qt::white)},
                                         std::pair{QColor(Qt::white), QColor(30, 30, 30)}}) {
            const AnsiPalette palette(text, base);
            const QTextCharFormat f = palette.format(t.style(t.runs[0]));
            const QColor fg = f.foreground().color(), bg = f.background().color();
            // A yellow background, and text on it at WCAG AA contrast (4.5:1) at least.
            QVERIFY(bg.hueF() > 0.08 && bg.hueF() < 0.2);
            auto luminance = [](const QColor& c) {
                auto ch = [](double v) {
                    return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
                };
                return 0.2126 * ch(c.redF()) + 0.7152 * ch(c.greenF()) + 0.0722 * ch(c.blueF());
            };
            const double lf = luminance(fg), lb = luminance(bg);
            const double ratio = (std::max(lf, lb) + 0.05) / (std::min(lf, lb) + 0.05);
            QVERIFY2(ratio >= 4.5, qPrintable(fg.name() + QLatin1Char(' ') + bg.name()));
        }
    }

    void paletteFollowsLightness() {
        const AnsiPalette light(QColor(Qt::black), QColor(Qt::white));
        const AnsiPalette dark(QColor(Qt::white), QColor(30, 30, 30));
        QVERIFY(!light.isDark());
        QVERIFY(dark.isDark());
        const AnsiColor white{AnsiColor::Kind::Indexed, 7, 0};
        const AnsiColor black{AnsiColor::Kind::Indexed, 0, 0};
        // "white" text stays visible on white, "black" on black.
        QVERIFY(light.color(white, false).lightnessF() < 0.6);
        QVERIFY(dark.color(black, false).lightnessF() > 0.3);
        QPalette p;
        p.setColor(QPalette::Base, QColor(20, 20, 20));
        QVERIFY(AnsiPalette(p).isDark());
    }

    void carriageReturnOverwritesProgressLine() {
        const QString tqdm = QStringLiteral(
            " 10%|#         | 1/10\r 50%|#####     | 5/10\r100%|##########| 10/10\ndone\n");
        const AnsiText t = parseAnsi(tqdm);
        QCOMPARE(t.text, QString("100%|##########| 10/10\ndone\n"));
        QCOMPARE(ansiToPlainText(u"abcdef\rXY"), QString("XYcdef"));
        QCOMPARE(ansiToPlainText(u"line\r\nnext"), QString("line\nnext"));
        QCOMPARE(ansiToPlainText(u"progress 10%\r\x1b[Kdone"), QString("done"));
    }

    void carriageReturnKeepsStylesOfOverwrittenText() {
        const AnsiText t = parseAnsi(QStringLiteral("\x1b[32mgreen\x1b[0m\rab"));
        QCOMPARE(t.text, QString("abeen"));
        QCOMPARE(t.runs.size(), 1);
        QCOMPARE(t.runs[0].start, 2);
        QCOMPARE(t.runs[0].length, 3);
    }

    void backspaceMovesBack() {
        QCOMPARE(ansiToPlainText(u"abc\b\bXY"), QString("aXY"));
        QCOMPARE(ansiToPlainText(u"\b\bok"), QString("ok"));
        QCOMPARE(ansiToPlainText(u"12\b"), QString("12"));
    }

    void stripsOtherSequences() {
        QCOMPARE(ansiToPlainText(u"\x1b]8;;http://x\x07link\x1b]8;;\x07 \x1b[2Ja\x1b(Bb\x07"),
                 QString("link ab"));
        QCOMPARE(ansiToPlainText(u"tab\there"), QString("tab\there"));
        QCOMPARE(ansiToPlainText(u"cut\x1b["), QString("cut"));
        QCOMPARE(ansiToPlainText(u"\x1b[38;5mx"), QString("x")); // malformed colour is ignored
    }

    void formatsForALineRange() {
        const AnsiText t = parseAnsi(QStringLiteral("ab\x1b[31mcd\nef\x1b[0mgh"));
        const AnsiPalette pal(QColor(Qt::black), QColor(Qt::white));
        const auto second = ansiFormats(t, pal, 5, 4); // "efgh"
        QCOMPARE(second.size(), 1);
        QCOMPARE(second[0].start, 0);
        QCOMPARE(second[0].length, 2);
        QCOMPARE(second[0].format.foreground().color(),
                 pal.color({AnsiColor::Kind::Indexed, 1, 0}, false));
    }

    void extendingEqualsParsingEverything() {
        const QString full =
            QStringLiteral("plain \x1b[1;31mred\nstill red\x1b[0m ok\n"
                           " 10%|#   |\r 50%|##  |\r100%|####|\n\x1b[32mgreen\rG\x1b[Kx\b\by\n"
                           "tail \x1b[44mblue bg");
        const AnsiText whole = parseAnsi(full);
        for (qsizetype split = 0; split <= full.size(); ++split) {
            const QStringView head = QStringView(full).first(split);
            AnsiText parsed = parseAnsi(head);
            extendAnsi(parsed, head, full);
            QCOMPARE(parsed.text, whole.text);
            QCOMPARE(parsed.runs.size(), whole.runs.size());
            for (qsizetype r = 0; r < whole.runs.size(); ++r) {
                QCOMPARE(parsed.runs[r].start, whole.runs[r].start);
                QCOMPARE(parsed.runs[r].length, whole.runs[r].length);
                QVERIFY(parsed.style(parsed.runs[r]) == whole.style(whole.runs[r]));
            }
        }
    }

    void insertsIntoDocument() {
        QTextDocument doc;
        QTextCursor cursor(&doc);
        insertAnsi(cursor, u"x\x1b[1;4my", AnsiPalette(QColor(Qt::black), QColor(Qt::white)));
        QCOMPARE(doc.toPlainText(), QString("xy"));
        QTextCursor c(&doc);
        c.setPosition(2);
        QVERIFY(c.charFormat().fontUnderline());
        QCOMPARE(c.charFormat().fontWeight(), int(QFont::Bold));
    }
};

QTEST_MAIN(TestRenderMimeAnsi)
#include "test_render_mime_ansi.moc"
