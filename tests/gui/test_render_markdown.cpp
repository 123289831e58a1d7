// Markdown cells: math extraction and conversion, headings, code highlighting, images, tables.
#include "editor/render/code_highlighter.h"
#include "editor/render/markdown_renderer.h"
#include "editor/render/markdown_scan.h"
#include "editor/render/math_layout.h"
#include "editor/render/math_object.h"
#include "editor/render/tex_math.h"

#include <QApplication>
#include <QBuffer>
#include <QElapsedTimer>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextLayout>
#include <QTextTable>

using namespace quire::editor;

namespace {

MarkdownContext context() {
    MarkdownContext ctx;
    ctx.palette = QApplication::palette();
    ctx.font = QApplication::font();
    return ctx;
}

QByteArray tinyPngBase64(QColor color, QSize size = QSize(4, 3)) {
    QImage image(size, QImage::Format_RGB32);
    image.fill(color);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes.toBase64();
}

QList<const MathNode*> formulas(const QTextDocument& doc) {
    QList<const MathNode*> out;
    auto* handler = doc.findChild<MathTextObject*>();
    for (QTextBlock b = doc.begin(); b.isValid(); b = b.next()) {
        for (auto it = b.begin(); !it.atEnd(); ++it) {
            if (it.fragment().charFormat().objectType() == MathTextObject::kObjectType)
                out.append(handler->formula(it.fragment().charFormat()));
        }
    }
    return out;
}

QString tex(const char* source) {
    return mathToPlainText(parseTex(QString::fromUtf8(source)));
}

} // namespace

class TestRenderMarkdown : public QObject {
    Q_OBJECT

private slots:
    void headingsSkipCodeFences() {
        const QString md = QStringLiteral("# Intro to **ML**\n\ntext\n\n```python\n# not a heading\n```\n"
                                          "## Linear [models](http://x)\n\nSetext one\n===\n\n"
                                          "    # indented code\n###### Six ######\n#hashtag\n");
        const QList<MarkdownHeading> h = markdownHeadings(md);
        QCOMPARE(h.size(), 4);
        QCOMPARE(h[0].level, 1);
        QCOMPARE(h[0].text, QString("Intro to ML"));
        QCOMPARE(h[0].anchor, QString("Intro-to-ML"));
        QCOMPARE(h[0].line, 0);
        QCOMPARE(h[1].text, QString("Linear models"));
        QCOMPARE(h[1].level, 2);
        QCOMPARE(h[2].text, QString("Setext one"));
        QCOMPARE(h[2].level, 1);
        QCOMPARE(h[3].level, 6);
        QCOMPARE(h[3].text, QString("Six"));
    }

    void extractsMathButNotCode() {
        const MathExtraction m = extractMath(
            u"Cost $5 and $10, inline $x^2$ and `$y$` and \\$z\\$.\n\n$$\\sum_i i$$\n\n"
            u"```\n$not$\n```\n\\[a\\] \\(b\\)\n\\begin{align}x&=1\\end{align}");
        QCOMPARE(m.spans.size(), 5);
        QCOMPARE(m.spans[0].tex, QString("x^2"));
        QVERIFY(!m.spans[0].display);
        QCOMPARE(m.spans[1].tex, QString("\\sum_i i"));
        QVERIFY(m.spans[1].display);
        QCOMPARE(m.spans[2].tex, QString("a"));
        QCOMPARE(m.spans[3].tex, QString("b"));
        QVERIFY(!m.spans[3].display);
        QCOMPARE(m.spans[4].tex, QString("\\begin{align}x&=1\\end{align}"));
        QVERIFY(m.markdown.contains(QStringLiteral("Cost $5 and $10")));
        QVERIFY(m.markdown.contains(QStringLiteral("`$y$`")));
        QVERIFY(m.markdown.contains(QStringLiteral("$not$")));
    }

    void texConversion() {
        QCOMPARE(tex("E = mc^2"), QString("E = mc²"));
        QCOMPARE(tex("x_{i}^{2}"), QString("xᵢ²").replace(QStringLiteral("ᵢ"), QStringLiteral("_(i)")));
        QCOMPARE(tex("\\alpha + \\beta \\leq \\Gamma"), QString("α + β ≤ Γ"));
        QCOMPARE(tex("\\frac{a+b}{2}"), QString("(a + b)/2"));
        QCOMPARE(tex("\\sqrt{x}"), QString("√x"));
        QCOMPARE(tex("\\sqrt[3]{x+1}"), QString("³√(x + 1)"));
        QCOMPARE(tex("\\mathbb{R}^n"), QString("ℝⁿ"));
        QCOMPARE(tex("\\left( \\frac{1}{2} \\right)"), QString("(1/2)"));
        QCOMPARE(tex("\\text{if } x > 0"), QString("if x > 0"));
        QCOMPARE(tex("f'(x)"), QString("f′(x)"));
        QCOMPARE(tex("\\sum_{i=1}^{n} i"), QString("∑_(i = 1)^(n)i").replace(QStringLiteral("^(n)"), QStringLiteral("ⁿ")));
        QCOMPARE(tex("\\int_0^\\infty e^{-x} dx"), QString("∫₀^(∞)e⁻ˣdx").replace(QStringLiteral("⁻ˣ"), QStringLiteral("^(−x)")));
    }

    void texStructure() {
        const MathNode frac = parseTex(u"\\frac{a}{b}");
        QCOMPARE(frac.children.size(), size_t(1));
        QCOMPARE(frac.children[0].kind, MathNode::Kind::Fraction);
        const MathNode scripts = parseTex(u"x_1^2");
        QCOMPARE(scripts.children[0].kind, MathNode::Kind::Scripts);
        QCOMPARE(mathToPlainText(scripts.children[0].children[1]), QString("1"));
        QCOMPARE(mathToPlainText(scripts.children[0].children[2]), QString("2"));
        const MathNode sum = parseTex(u"\\sum_{k} k", true);
        QVERIFY(sum.children[0].limits);
        const MathNode matrix = parseTex(u"\\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix}");
        QCOMPARE(matrix.children[0].kind, MathNode::Kind::Grid);
        QCOMPARE(matrix.children[0].columns, 2);
        QCOMPARE(matrix.children[0].children.size(), size_t(4));
        const MathNode align = parseTex(u"\\begin{align} a &= b \\\\ c &= d \\end{align}", true);
        QCOMPARE(align.children.at(0).kind, MathNode::Kind::Grid);
        QCOMPARE(QString::fromLatin1(align.children[0].align), QString("rl"));
        const MathNode gathered = parseTex(u"a = b \\\\ c = d", true);
        QCOMPARE(gathered.kind, MathNode::Kind::Grid);
        QCOMPARE(QString::fromLatin1(gathered.align), QString("c"));
    }

    void unknownCommandsShowSource() {
        QCOMPARE(tex("\\foo{x} + 1"), QString("\\foox + 1"));
        QCOMPARE(tex("\\unknowncmd"), QString("\\unknowncmd"));
        // Malformed input never crashes and never loops.
        for (const char* bad : {"{", "}", "\\frac{", "x^", "\\left(", "\\right)", "\\begin{matrix}",
                                "\\end{x}", "a & b \\\\", "\\sqrt[", "{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{x",
                                "\\", "^^^", "\\text{", "''''"}) {
            const MathNode n = parseTex(QString::fromUtf8(bad));
            const MathNode d = parseTex(QString::fromUtf8(bad), true);
            MathLayout layout(n, QApplication::font(), false);
            MathLayout display(d, QApplication::font(), true);
            QVERIFY(layout.width() >= 0);
            QVERIFY(display.ascent() >= 0 || display.descent() >= 0);
        }
    }

    void layoutStacksFractions() {
        const QFont font = QApplication::font();
        const MathLayout inlineX(parseTex(u"x"), font, false);
        const MathLayout frac(parseTex(u"\\frac{a}{b}"), font, false);
        const MathLayout dfrac(parseTex(u"\\frac{a}{b}"), font, true);
        QVERIFY(frac.ascent() > inlineX.ascent());
        QVERIFY(frac.descent() > inlineX.descent());
        QVERIFY(dfrac.ascent() + dfrac.descent() > frac.ascent() + frac.descent());
        const MathLayout sup(parseTex(u"x^2"), font, false);
        QVERIFY(sup.ascent() > inlineX.ascent());
        QVERIFY(sup.width() > inlineX.width());
    }

    void rendersMathIntoDocument() {
        auto doc = renderMarkdown(QStringLiteral("Euler: $e^{i\\pi} + 1 = 0$ done.\n\n$$\\int_0^1 x\\,dx = \\frac{1}{2}$$\n"),
                                  context());
        const auto f = formulas(*doc);
        QCOMPARE(f.size(), 2);
        QCOMPARE(mathToPlainText(*f[0]), QString("e^(iπ) + 1 = 0"));
        QVERIFY(doc->toPlainText().startsWith(QStringLiteral("Euler: ")));
        QVERIFY(doc->toPlainText().contains(QStringLiteral(" done.")));
        // Display math is centred on a block of its own.
        QTextBlock display = doc->begin().next();
        QCOMPARE(display.text(), QString(QChar::ObjectReplacementCharacter));
        QCOMPARE(display.blockFormat().alignment() & Qt::AlignHorizontal_Mask, Qt::AlignHCenter);
        QVERIFY(markdownDocumentText(doc.get()).contains(QStringLiteral("$e^{i\\pi} + 1 = 0$")));
        doc->setTextWidth(500);
        QVERIFY(doc->size().height() > 30);
    }

    void displayMathInsideParagraphGetsOwnBlock() {
        auto doc = renderMarkdown(QStringLiteral("before\n$$x$$\nafter"), context());
        QStringList blocks;
        for (QTextBlock b = doc->begin(); b.isValid(); b = b.next())
            blocks.append(b.text());
        QCOMPARE(blocks, QStringList({"before", QString(QChar::ObjectReplacementCharacter), "after"}));
    }

    void codeFenceIsHighlighted() {
        auto doc = renderMarkdown(QStringLiteral("```python\ndef f(x):\n    return \"s\"  # note\n```\n"), context());
        QTextBlock first = doc->begin();
        QCOMPARE(first.text(), QString("def f(x):"));
        const QList<QTextLayout::FormatRange> formats = first.layout()->formats();
        QVERIFY(!formats.isEmpty());
        QCOMPARE(formats[0].start, 0);
        QCOMPARE(formats[0].length, 3); // "def"
        QCOMPARE(formats[0].format.foreground().color(),
                 codeTokenFormat(CodeToken::Keyword, false).foreground().color());
        const auto second = first.next().layout()->formats();
        QCOMPARE(second.size(), 3); // return, "s", # note
        QVERIFY(first.blockFormat().background().style() != Qt::NoBrush);

        const auto spans = highlightCode(u"x = '''a\nb''' # c\n", u"py");
        QCOMPARE(spans.size(), 2);
        QCOMPARE(spans[0].token, CodeToken::String);
        QCOMPARE(spans[0].length, 9);
        QCOMPARE(spans[1].token, CodeToken::Comment);
        QVERIFY(highlightCode(u"SELECT 1 -- c", u"sql").size() == 3);
        QVERIFY(highlightCode(u"x", u"brainfuck").isEmpty());
    }

    void attachmentImageIsResolved() {
        MarkdownContext ctx = context();
        ctx.attachments = Json::parse(QStringLiteral(R"({"pic.png": {"image/png": "%1"}})")
                                          .arg(QString::fromLatin1(tinyPngBase64(Qt::red, QSize(40, 30))))
                                          .toStdString());
        auto doc = renderMarkdown(QStringLiteral("![a red box](attachment:pic.png)"), ctx);
        const QVariant resource = doc->resource(QTextDocument::ImageResource, QUrl("attachment:pic.png"));
        QVERIFY(resource.isValid());
        const QImage image = resource.value<QImage>();
        QCOMPARE(image.size(), QSize(40, 30));
        QCOMPARE(image.pixelColor(1, 1), QColor(Qt::red));
    }

    void relativeAndRemoteImages() {
        QTemporaryDir dir;
        QImage image(QSize(8, 8), QImage::Format_RGB32);
        image.fill(Qt::blue);
        QVERIFY(image.save(dir.filePath("plot.png")));
        MarkdownContext ctx = context();
        ctx.baseDirectory = dir.path();
        auto doc = renderMarkdown(QStringLiteral("![local](plot.png) ![remote](https://example.com/x.png) ![gone](missing.png)"), ctx);
        QVERIFY(doc->resource(QTextDocument::ImageResource, QUrl("plot.png")).isValid());
        const QString text = doc->toPlainText();
        QVERIFY(text.contains(QStringLiteral("[remote]")));
        QVERIFY(text.contains(QStringLiteral("[gone]")));
        bool linked = false;
        for (auto it = doc->begin().begin(); !it.atEnd(); ++it)
            linked |= it.fragment().charFormat().anchorHref() == u"https://example.com/x.png";
        QVERIFY(linked);
    }

    void tableAndLinks() {
        auto doc = renderMarkdown(QStringLiteral("| a | b |\n|---|---|\n| 1 | 2 |\n\n[link](https://example.org) ~~gone~~\n\n- [x] done\n"), context());
        QTextTable* table = nullptr;
        for (QTextFrame* f : doc->rootFrame()->childFrames())
            table = table ? table : qobject_cast<QTextTable*>(f);
        QVERIFY(table);
        QCOMPARE(table->rows(), 2);
        QCOMPARE(table->columns(), 2);
        QCOMPARE(table->format().cellPadding(), 4.0);
        bool anchor = false;
        bool strike = false;
        for (QTextBlock b = doc->begin(); b.isValid(); b = b.next()) {
            for (auto it = b.begin(); !it.atEnd(); ++it) {
                anchor |= it.fragment().charFormat().anchorHref() == u"https://example.org";
                strike |= it.fragment().charFormat().fontStrikeOut();
            }
        }
        QVERIFY(anchor);
        QVERIFY(strike);
    }

    void headingAnchorsInDocument() {
        auto doc = renderMarkdown(QStringLiteral("## Model fit\n\ntext"), context());
        QCOMPARE(doc->begin().blockFormat().stringProperty(kHeadingAnchorProperty), QString("Model-fit"));
    }

    void renderTimePerCell() {
        const QString cell = QStringLiteral(
            "## Gradient descent\n\n"
            "We minimise the loss $L(\\theta) = \\frac{1}{n}\\sum_i (y_i - \\hat{y}_i)^2$ by "
            "stepping against the gradient $\\nabla_\\theta L$.\n\n"
            "- the learning rate $\\eta$ is small, e.g. $\\eta = 10^{-3}$\n"
            "- we stop when $\\|\\nabla L\\| < \\epsilon$\n\n"
            "The update is $\\theta_{t+1} = \\theta_t - \\eta \\nabla L(\\theta_t)$ and it "
            "converges for convex **L** (see [notes](https://example.com)).\n");
        const MarkdownContext ctx = context();
        QTextDocument warm;
        renderMarkdown(&warm, cell, ctx); // fonts and tables warmed up
        warm.setTextWidth(700);
        warm.size();
        constexpr int n = 200;
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < n; ++i)
            renderMarkdown(cell, ctx);
        const double renderUs = double(timer.nsecsElapsed()) / 1000.0 / n;
        timer.restart();
        for (int i = 0; i < n; ++i) {
            auto doc = renderMarkdown(cell, ctx);
            doc->setTextWidth(700);
            QVERIFY(doc->size().height() > 0);
        }
        const double withLayoutUs = double(timer.nsecsElapsed()) / 1000.0 / n;
        qInfo("markdown cell (10 lines, 6 inline formulas): render %.0f us, render+layout %.0f us",
              renderUs, withLayoutUs);
    }
};

QTEST_MAIN(TestRenderMarkdown)
#include "test_render_markdown.moc"
