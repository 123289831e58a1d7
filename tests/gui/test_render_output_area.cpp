// OutputArea: what each output type becomes, sizing, image metadata, and the cost of big outputs.
#include "editor/render/html_output_view.h"
#include "editor/render/image_output_view.h"
#include "editor/render/json_tree_view.h"
#include "editor/render/markdown_view.h"
#include "editor/render/output_area.h"
#include "editor/render/output_renderers.h"
#include "editor/render/text_output_view.h"
#include "tests/common/run_process.h"

#include <QApplication>
#include <QBuffer>
#include <QElapsedTimer>
#include <QImage>
#include <QLabel>
#include <QLayout>
#include <QPainter>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QVBoxLayout>

using namespace quire::editor;
using quire::test::ProcessResult;
using quire::test::runProcess;

namespace {

std::string pngBase64(const QImage& image) {
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes.toBase64().toStdString();
}

Json stream(const std::string& name, const std::string& text) {
    return Json{{"output_type", "stream"}, {"name", name}, {"text", text}};
}

Json imageOutput(const std::string& base64, const Json& metadata = Json::object()) {
    return Json{{"output_type", "display_data"},
                {"data", {{"image/png", base64}, {"text/plain", "<Figure>"}}},
                {"metadata", metadata}};
}

} // namespace

class TestRenderOutputArea : public QObject {
    Q_OBJECT

private slots:
    void outputTypesBecomeViews() {
        OutputArea area;
        Json outputs = Json::array();
        outputs.push_back(stream("stdout", "hello\n"));
        outputs.push_back(stream("stderr", "warning\n"));
        outputs.push_back(Json{{"output_type", "error"},
                               {"ename", "ZeroDivisionError"},
                               {"evalue", "division by zero"},
                               {"traceback",
                                {"\x1b[0;31m---------\x1b[0m",
                                 "\x1b[0;31mZeroDivisionError\x1b[0m: division by zero"}}});
        outputs.push_back(Json{{"output_type", "execute_result"},
                               {"execution_count", 7},
                               {"data", {{"text/plain", "42"}, {"text/html", "<b>42</b>"}}},
                               {"metadata", Json::object()}});
        outputs.push_back(
            Json{{"output_type", "display_data"}, {"data", {{"text/markdown", "**bold** $x$"}}}});
        outputs.push_back(Json{{"output_type", "display_data"},
                               {"data", {{"text/html", {"<table>\n", "</table>"}}}}});
        outputs.push_back(
            Json{{"output_type", "display_data"}, {"data", {{"application/json", {{"a", 1}}}}}});
        area.setOutputs(outputs);
        QCOMPARE(area.outputCount(), 7);
        auto* out = qobject_cast<TextOutputView*>(area.outputView(0));
        QVERIFY(out);
        QCOMPARE(out->kind(), TextOutputView::Kind::Plain);
        QCOMPARE(qobject_cast<TextOutputView*>(area.outputView(1))->kind(),
                 TextOutputView::Kind::Stderr);
        auto* err = qobject_cast<TextOutputView*>(area.outputView(2));
        QCOMPARE(err->kind(), TextOutputView::Kind::Error);
        QCOMPARE(err->plainText(), QString("---------\nZeroDivisionError: division by zero"));
        // HTML (untrusted here) is a web output, made lazily: no page before it is painted.
        auto* html = qobject_cast<HtmlOutputView*>(area.outputView(3));
        QVERIFY(html);
        QCOMPARE(html->html(), QString("<b>42</b>"));
        QVERIFY(!html->isTrusted());
        QVERIFY(!html->webView());
        QCOMPARE(area.outputText(3), QString("42"));
        QVERIFY(qobject_cast<MarkdownView*>(area.outputView(4)));
        QCOMPARE(qobject_cast<HtmlOutputView*>(area.outputView(5))->html(),
                 QString("<table>\n</table>"));
        auto* tree = qobject_cast<JsonTreeView*>(area.outputView(6));
        QVERIFY(tree);
        QCOMPARE(tree->rowText(1), QString("a: 1"));
        QVERIFY(area.plainText().contains(QStringLiteral("hello")));
        QVERIFY(area.hasOutputs());
        area.setOutputs(Json::array());
        QVERIFY(!area.hasOutputs());
        QCOMPARE(area.heightForWidth(500), 0);
    }

    void registeredRendererWinsByMimeRank() {
        auto& registry = OutputRendererRegistry::instance();
        const Json outputs =
            Json::array({Json{{"output_type", "display_data"},
                              {"data", {{"text/plain", "x"}, {"text/html", "<b>x</b>"}}}}});
        const OutputRendererFactory web = registry.factory(QStringLiteral("text/html"));
        QVERIFY(web);
        registry.add(QStringLiteral("text/html"), [](const Json& output, const QString& mime,
                                                     const OutputRenderContext&, QWidget* parent) {
            return new QLabel(
                QString::fromStdString(output["data"][mime.toStdString()].get<std::string>()),
                parent);
        });
        OutputArea area;
        area.setOutputs(outputs);
        auto* label = qobject_cast<QLabel*>(area.outputView(0));
        QVERIFY(label);
        QCOMPARE(label->text(), QString("<b>x</b>"));
        registry.remove(QStringLiteral("text/html"));
        area.setOutputs(outputs);
        QVERIFY(qobject_cast<TextOutputView*>(area.outputView(0)));
        registry.add(QStringLiteral("text/html"), web);
        area.setOutputs(outputs);
        QVERIFY(qobject_cast<HtmlOutputView*>(area.outputView(0)));
    }

    void javascriptRunsOnlyInTrustedOutputs() {
        const auto& registry = OutputRendererRegistry::instance();
        QVERIFY(registry.isTrustedOnly(QStringLiteral("application/javascript")));
        QVERIFY(!registry.mimeTypes(false).contains(QStringLiteral("application/javascript")));
        QVERIFY(registry.mimeTypes(true).contains(QStringLiteral("application/javascript")));
        const Json outputs = Json::array(
            {Json{{"output_type", "display_data"},
                  {"data", {{"text/plain", "<js>"}, {"application/javascript", "x()"}}}}});
        OutputArea area;
        area.setOutputs(outputs);
        QCOMPARE(qobject_cast<TextOutputView*>(area.outputView(0))->plainText(), QString("<js>"));
        area.setTrusted(true);
        area.setOutputs(outputs);
        auto* js = qobject_cast<HtmlOutputView*>(area.outputView(0));
        QVERIFY(js);
        QVERIFY(js->isTrusted());
        QVERIFY(js->html().contains(QStringLiteral("x()")));
    }

    void errorWithoutTracebackShowsNameAndValue() {
        OutputArea area;
        area.setOutputs(Json::array({Json{{"output_type", "error"},
                                          {"ename", "ValueError"},
                                          {"evalue", "bad"},
                                          {"traceback", Json::array()}}}));
        QCOMPARE(qobject_cast<TextOutputView*>(area.outputView(0))->plainText(),
                 QString("ValueError: bad"));
    }

    void unchangedOutputsKeepTheirViews() {
        OutputArea area;
        QImage image(10, 10, QImage::Format_RGB32);
        image.fill(Qt::red);
        Json outputs = Json::array({stream("stdout", "a\n"), imageOutput(pngBase64(image))});
        area.setOutputs(outputs);
        QWidget* text = area.outputView(0);
        QWidget* picture = area.outputView(1);
        area.setOutputs(outputs);
        QCOMPARE(area.outputView(0), text);
        QCOMPARE(area.outputView(1), picture);
        // The stream grows: same view, extended; a new output is appended after the image.
        outputs[0]["text"] = "a\nb\x1b[31mc";
        outputs.push_back(stream("stderr", "warn\n"));
        area.setOutputs(outputs);
        QCOMPARE(area.outputView(0), text);
        QCOMPARE(area.outputView(1), picture);
        QCOMPARE(qobject_cast<TextOutputView*>(text)->plainText(), QString("a\nbc"));
        QCOMPARE(qobject_cast<TextOutputView*>(text)->lineCount(), 2);
        QCOMPARE(area.outputCount(), 3);
        // Replaced text (not an append) is parsed from scratch.
        outputs[0]["text"] = "new";
        area.setOutputs(outputs);
        QCOMPARE(qobject_cast<TextOutputView*>(area.outputView(0))->plainText(), QString("new"));
        // Order is kept in the layout.
        area.resize(400, area.heightForWidth(400));
        area.show();
        area.setOutputs(outputs);
        QVERIFY(area.outputView(0)->geometry().top() < area.outputView(1)->geometry().top());
    }

    void streamingIntoALongOutputIsIncremental() {
        std::string text;
        for (int i = 0; i < 200'000; ++i)
            text += "line " + std::to_string(i) + " \x1b[36mvalue\x1b[0m\n";
        OutputArea area;
        area.setOutputs(Json::array({stream("stdout", text)}));
        QElapsedTimer timer;
        timer.start();
        constexpr int updates = 20;
        for (int i = 0; i < updates; ++i) {
            text += "more " + std::to_string(i) + "\n";
            area.setOutputs(Json::array({stream("stdout", text)}));
        }
        const double perUpdate = double(timer.nsecsElapsed()) / 1e6 / updates;
        auto* view = qobject_cast<TextOutputView*>(area.outputView(0));
        QCOMPARE(view->lineCount(), 200'000 + updates);
        QVERIFY(view->plainText().endsWith(QStringLiteral("more 19\n")));
        qInfo("appending to a 200,000-line stream: %.1f ms per update", perUpdate);
    }

    void heightForWidth() {
        OutputArea area;
        std::string text;
        for (int i = 0; i < 20; ++i)
            text += "line " + std::to_string(i) + "\n";
        area.setOutputs(Json::array({stream("stdout", text)}));
        QVERIFY(area.hasHeightForWidth());
        const int h = area.heightForWidth(600);
        QVERIFY(h > 20 * 10);
        // Narrower: lines wrap, never shorter.
        area.setOutputs(Json::array({stream("stdout", std::string(300, 'x'))}));
        QVERIFY(area.heightForWidth(200) > area.heightForWidth(2000));
    }

    void imageMetadataWidthIsHonoured() {
        QImage image(200, 100, QImage::Format_RGB32);
        image.fill(Qt::green);
        const std::string b64 = pngBase64(image);
        OutputArea area;
        area.setOutputs(
            Json::array({imageOutput(b64, {{"image/png", {{"width", 100}}}}), imageOutput(b64)}));
        auto* half = qobject_cast<ImageOutputView*>(area.outputView(0));
        auto* full = qobject_cast<ImageOutputView*>(area.outputView(1));
        QVERIFY(half && full);
        QCOMPARE(half->logicalSize(), QSizeF(100, 50));
        QCOMPARE(full->logicalSize(), QSizeF(200, 100));
        QCOMPARE(half->heightForWidth(600), 50);
        QCOMPARE(full->heightForWidth(100), 50);         // scaled down to fit, aspect kept
        QCOMPARE(half->image().size(), QSize(200, 100)); // full resolution kept for high DPI
        // Both width and height given: both used.
        area.setOutputs(
            Json::array({imageOutput(b64, {{"image/png", {{"width", 40}, {"height", 30}}}})}));
        QCOMPARE(qobject_cast<ImageOutputView*>(area.outputView(0))->logicalSize(), QSizeF(40, 30));
    }

    void animatedGifPlaysOnlyOnScreen() {
        // A real animated GIF from Pillow: 3 frames (red, green, blue), 40 ms each, looping.
        const ProcessResult made = runProcess(
            QStringLiteral("/usr/bin/python3"),
            {QStringLiteral("-c"),
             QStringLiteral(
                 "import io, base64, sys\n"
                 "from PIL import Image\n"
                 "frames = [Image.new('RGB', (30, 20), c) for c in ('red', 'lime', 'blue')]\n"
                 "b = io.BytesIO()\n"
                 "frames[0].save(b, 'GIF', save_all=True, append_images=frames[1:], duration=40, "
                 "loop=0)\n"
                 "sys.stdout.write(base64.b64encode(b.getvalue()).decode())\n")});
        QVERIFY2(made.code == 0, qPrintable(made.err));
        const std::string gif = made.out.trimmed().toStdString();
        QWidget window;
        auto* layout = new QVBoxLayout(&window);
        auto* area = new OutputArea(&window);
        layout->addWidget(area);
        area->setOutputs(Json::array({Json{{"output_type", "display_data"},
                                           {"data", {{"image/gif", gif}, {"text/plain", "<gif>"}}},
                                           {"metadata", {{"image/gif", {{"width", 60}}}}}}}));
        auto* view = qobject_cast<ImageOutputView*>(area->outputView(0));
        QVERIFY(view);
        QVERIFY(view->isAnimated());
        QCOMPARE(view->logicalSize(), QSizeF(60, 40)); // width metadata, aspect kept
        QCOMPARE(view->suffix(), QStringLiteral("gif"));
        window.resize(300, 200);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        // It plays: the frame shown changes and so do the pixels.
        QTRY_VERIFY_WITH_TIMEOUT(view->isPlaying(), 5000);
        QSet<QRgb> colours;
        QElapsedTimer clock;
        clock.start();
        while (colours.size() < 3 && clock.elapsed() < 10000) {
            colours.insert(view->image().pixel(5, 5) & 0xffffff);
            QTest::qWait(10);
        }
        QCOMPARE(colours.size(), 3);
        // Hidden: it stops decoding frames; shown again: it plays on.
        window.hide();
        QTRY_VERIFY(!view->isPlaying());
        const int frame = view->currentFrame();
        QTest::qWait(300);
        QCOMPARE(view->currentFrame(), frame);
        window.show();
        QTRY_VERIFY_WITH_TIMEOUT(view->isPlaying(), 5000);
        // Save Image As writes the GIF's own bytes (all frames), not a re-encoded frame.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("a.gif"));
        QVERIFY(view->saveImageTo(path));
        QFile saved(path);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QCOMPARE(saved.readAll(), QByteArray::fromBase64(QByteArray::fromStdString(gif)));
    }

    void executeResultPromptDoesNotBreakLayout() {
        OutputArea area;
        area.setOutputs(Json::array({Json{{"output_type", "execute_result"},
                                          {"data", {{"text/plain", "1"}}},
                                          {"metadata", Json::object()}}}),
                        3);
        area.resize(500, area.heightForWidth(500));
        QImage shot(area.size(), QImage::Format_ARGB32);
        shot.fill(Qt::white);
        area.render(&shot);
        QVERIFY(area.promptWidth() > 0);
        QVERIFY(area.outputView(0)->x() >= area.promptWidth());
    }

    void buildCostForTextAndPng() {
        std::string text;
        for (int i = 0; i < 20; ++i)
            text += "epoch " + std::to_string(i) + ": loss=0.1234 acc=0.9876\n";
        const Json textOutputs = Json::array({stream("stdout", text)});
        constexpr int n = 500;
        {
            OutputArea warm;
            warm.setOutputs(textOutputs);
            warm.heightForWidth(700);
        }
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < n; ++i) {
            OutputArea area;
            area.setOutputs(textOutputs);
        }
        const double buildUs = double(timer.nsecsElapsed()) / 1000.0 / n;
        timer.restart();
        for (int i = 0; i < n; ++i) {
            OutputArea area;
            area.setOutputs(textOutputs);
            QVERIFY(area.heightForWidth(700) > 0);
        }
        const double layoutUs = double(timer.nsecsElapsed()) / 1000.0 / n;
        qInfo("20-line stream output: build %.0f us, build+heightForWidth %.0f us", buildUs,
              layoutUs);

        // A noisy plot-like PNG of about 64 KB.
        QImage image(400, 300, QImage::Format_RGB32);
        image.fill(Qt::white);
        QPainter p(&image);
        auto* rng = QRandomGenerator::global();
        for (int i = 0; i < 2500; ++i)
            p.fillRect(int(rng->bounded(400)), int(rng->bounded(300)), 3, 3,
                       QColor::fromRgb(rng->generate()));
        p.end();
        const std::string b64 = pngBase64(image);
        const Json pngOutputs = Json::array({imageOutput(b64)});
        timer.restart();
        {
            OutputArea first;
            first.setOutputs(pngOutputs);
        }
        const double firstMs = double(timer.nsecsElapsed()) / 1e6;
        timer.restart();
        for (int i = 0; i < n; ++i) {
            OutputArea again;
            again.setOutputs(pngOutputs);
        }
        const double againUs = double(timer.nsecsElapsed()) / 1000.0 / n;
        qInfo("PNG output (%d KB base64): first build %.2f ms (decode), cached rebuild %.0f us",
              int(b64.size() / 1024), firstMs, againUs);
    }

    void millionLineStreamPaintsOnlyVisibleRows() {
        std::string text;
        text.reserve(20'000'000);
        for (int i = 0; i < 1'000'000; ++i)
            text += "row " + std::to_string(i) + " \x1b[32mok\x1b[0m\n";
        const Json outputs = Json::array({stream("stdout", text)});
        QElapsedTimer timer;
        timer.start();
        OutputArea area;
        area.setOutputs(outputs);
        const double buildMs = double(timer.nsecsElapsed()) / 1e6;
        auto* view = qobject_cast<TextOutputView*>(area.outputView(0));
        QVERIFY(view);
        QCOMPARE(view->lineCount(), 1'000'000);
        QVERIFY(!view->isWrapping());
        timer.restart();
        const int h = view->heightForWidth(800);
        const double hfwMs = double(timer.nsecsElapsed()) / 1e6;
        QVERIFY(h > 100000);
        QVERIFY(h < QWIDGETSIZE_MAX);
        view->resize(800, h);
        QImage shot(800, 300, QImage::Format_ARGB32);
        shot.fill(Qt::white);
        timer.restart();
        view->render(&shot, QPoint(), QRegion(0, h / 3, 800, 300));
        const double paintMs = double(timer.nsecsElapsed()) / 1e6;
        const int paintedRows = view->lastPaintedRowCount();
        QVERIFY(paintedRows > 5);
        QVERIFY(paintedRows < 40);
        // The tail is still reachable below the elided middle.
        view->render(&shot, QPoint(), QRegion(0, h - 40, 800, 40));
        QVERIFY(view->lastPaintedRowCount() <= 4);
        qInfo("1,000,000-line stream: build %.1f ms, heightForWidth %.2f ms, paint 300 px %.2f ms "
              "(%d rows laid out)",
              buildMs, hfwMs, paintMs, paintedRows);
        QVERIFY(view->plainText().size() > 10'000'000);
    }
};

QTEST_MAIN(TestRenderOutputArea)
#include "test_render_output_area.moc"
