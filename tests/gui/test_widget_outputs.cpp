// ipywidgets outputs against a real ipykernel with python3-ipywidgets: a slider and a label
// the kernel keeps linked to it render in QtWebEngine pages; moving the slider (a key press
// in its page) reaches the kernel through the comm, the kernel's change of the label reaches
// the label's page, a kernel-side assignment moves the slider, two views of one model follow
// each other, and a restart leaves a note instead of dead views. Runs offscreen (see
// test_render_web_output).
#include "editor/execution/widget_comms.h"
#include "editor/execution/widget_version_check.h"
#include "editor/render/output_area.h"
#include "editor/render/output_renderers.h"
#include "editor/render/web_output_page.h"
#include "editor/render/widget_output_view.h"
#include "editor/render/widget_page_bridge.h"
#include "integration/test_kernel_support.h"
#include "kernelclient/nbformat_output.h"
#include "tests/common/web_page.h"

#include <QApplication>
#include <QTest>
#include <QWebEngineScript>
#include <QWebEngineView>

using namespace quire::editor;
using namespace quire::kernel;
using namespace quire::kernel::test;

namespace {

constexpr int kTimeout = 30000;

QVariant evaluate(QWebEnginePage* page, const QString& script) {
    return quire::test::evaluateInPage(page, script, kTimeout, QWebEngineScript::MainWorld);
}

// Polls `script` in the view's live page until it yields `expected`; the last value otherwise.
QString waitForPage(WidgetOutputView* view, const QString& script, const QString& expected) {
    QString last;
    (void)QTest::qWaitFor(
        [&] {
            if (!view->page() || !view->isLoaded())
                return false;
            last = evaluate(view->page(), script).toString();
            return last == expected;
        },
        kTimeout);
    return last;
}

const QString kSliderValue =
    QStringLiteral("(function(){var r=document.querySelector('.widget-readout');return "
                   "r?r.textContent.trim():'';})()");
const QString kLabelText =
    QStringLiteral("(function(){var l=document.querySelector('.widget-label');return "
                   "l?l.textContent.trim():'';})()");

} // namespace

class TestWidgetOutputs : public QObject {
    Q_OBJECT

    std::unique_ptr<KernelClient> m_client;
    WidgetComms* m_comms = nullptr;

    // Runs `code`; its display_data outputs as nbformat outputs, stderr into `stderrText`.
    Json run(const QString& code, QString* stderrText = nullptr, QString* stdoutText = nullptr) {
        auto r = execute(*m_client, code);
        Json outputs = Json::array();
        if (!r->finished)
            return outputs;
        for (const Message& m : r->iopub) {
            if (m.msgType() == "display_data") {
                if (auto output = nbformatOutput(m))
                    outputs.push_back(std::move(*output));
            }
        }
        if (stderrText)
            *stderrText = r->stream("stderr");
        if (stdoutText)
            *stdoutText = r->stream("stdout");
        return outputs;
    }

    QString kernelSays(const QString& expression) {
        QString out;
        run(QStringLiteral("print(%1)").arg(expression), nullptr, &out);
        return out.trimmed();
    }

    static QList<WidgetOutputView*> showViews(OutputArea& area, const Json& outputs) {
        area.setTrusted(true);
        area.setOutputs(outputs);
        area.resize(640, 400);
        area.show();
        QList<WidgetOutputView*> views = area.findChildren<WidgetOutputView*>();
        for (WidgetOutputView* view : views)
            view->ensureWebView();
        return views;
    }

private slots:
    void initTestCase() {
        const auto spec = findSpec(QStringLiteral("python3"));
        if (!spec)
            QSKIP("no python3 kernelspec (python3-ipykernel)");
        // As NotebookKernel does: the widget comms come with the client, before it is ready.
        m_client = std::make_unique<KernelClient>();
        QString error;
        QVERIFY2(m_client->startLocal(*spec, QString(), &error), qPrintable(error));
        m_comms = WidgetComms::of(m_client.get());
        QCOMPARE(WidgetComms::of(m_client.get()), m_comms);
    }

    void versionRanges() {
        QVERIFY(WidgetVersionCheck::satisfies("2.1.4", "~2.1.4"));
        QVERIFY(WidgetVersionCheck::satisfies("2.1.9", "~2.1.4"));
        QVERIFY(!WidgetVersionCheck::satisfies("2.2.0", "~2.1.4"));
        QVERIFY(!WidgetVersionCheck::satisfies("2.1.3", "~2.1.4"));
        QVERIFY(WidgetVersionCheck::satisfies("2.3.0", "^2.1.4"));
        QVERIFY(!WidgetVersionCheck::satisfies("3.0.0", "^2.1.4"));
        QVERIFY(WidgetVersionCheck::satisfies("2.1.4", "*"));
        QVERIFY(!WidgetVersionCheck::satisfies("2.1.4", "3.0.0"));
        QCOMPARE(QString::fromLatin1(WidgetVersionCheck::frontendVersion().data(),
                                     qsizetype(WidgetVersionCheck::frontendVersion().size())),
                 QStringLiteral("2.1.4"));
    }

    // The first cell sent to a fresh kernel already finds the version check answered (else
    // ipywidgets 6 prints "Widget Javascript not detected" under each widget it displays).
    void versionHandshake() {
        QString errors;
        const Json outputs =
            run(QStringLiteral("import ipywidgets as w\ndisplay(w.IntSlider())"), &errors);
        QCOMPARE(errors, QString());
        QCOMPARE(outputs.size(), std::size_t(1));
        QCOMPARE(kernelSays(QStringLiteral("w.Widget._version_validated")), QStringLiteral("True"));
        QCOMPARE(kernelSays(QStringLiteral("'ipywidgets' in dir()")), QStringLiteral("False"));
    }

    void sliderDrivesLinkedLabel() {
        QString errors;
        const Json outputs =
            run(QStringLiteral(
                    "import ipywidgets as w\n"
                    "s = w.IntSlider(value=3, min=0, max=10)\n"
                    "lab = w.Label(value='3')\n"
                    "s.observe(lambda ch: setattr(lab, 'value', str(ch['new'] * 2)), 'value')\n"
                    "display(s, lab)"),
                &errors);
        QCOMPARE(errors, QString());
        QCOMPARE(outputs.size(), std::size_t(2));
        QVERIFY(m_comms->modelCount() >= 2);

        OutputArea area;
        const QList<WidgetOutputView*> views = showViews(area, outputs);
        QCOMPARE(views.size(), 2);
        WidgetOutputView* slider = views[0];
        WidgetOutputView* label = views[1];
        QCOMPARE(waitForPage(slider, kSliderValue, QStringLiteral("3")), QStringLiteral("3"));
        QCOMPARE(waitForPage(label, kLabelText, QStringLiteral("3")), QStringLiteral("3"));
        QVERIFY(slider->contentHeight() > 10);
        QCOMPARE(evaluate(slider->page(),
                          QStringLiteral("document.querySelectorAll('.ui-slider-handle').length"))
                     .toInt(),
                 1);

        // The user moves the slider: two Right keys on its focused handle.
        QSignalSpy sent(slider->bridge(), &WidgetPageBridge::pageSent);
        QCOMPARE(evaluate(slider->page(),
                          QStringLiteral(
                              "document.querySelector('.ui-slider-handle').focus();"
                              "document.activeElement.classList.contains('ui-slider-handle')"))
                     .toBool(),
                 true);
        slider->webView()->setFocus();
        QWidget* input = slider->webView()->focusProxy();
        QVERIFY(input);
        QTest::keyClick(input, Qt::Key_Right);
        QTest::keyClick(input, Qt::Key_Right);
        QCOMPARE(waitForPage(slider, kSliderValue, QStringLiteral("5")), QStringLiteral("5"));
        QVERIFY(QTest::qWaitFor([&] { return kernelSays(QStringLiteral("s.value")) == u"5"; },
                                kTimeout));
        QVERIFY(!sent.isEmpty());
        QVERIFY(sent.last().at(1).toString().contains(QStringLiteral("backbone")));
        // The kernel's observer changed the label; its page follows through the comm.
        QCOMPARE(waitForPage(label, kLabelText, QStringLiteral("10")), QStringLiteral("10"));

        // A change made in the kernel moves the slider's page.
        run(QStringLiteral("s.value = 7"));
        QCOMPARE(waitForPage(slider, kSliderValue, QStringLiteral("7")), QStringLiteral("7"));
        QCOMPARE(waitForPage(label, kLabelText, QStringLiteral("14")), QStringLiteral("14"));

        // A second view of the same slider (its own page) starts from the kept state and
        // follows changes made in the first page.
        OutputArea again;
        const QList<WidgetOutputView*> second = showViews(again, run(QStringLiteral("display(s)")));
        QCOMPARE(second.size(), 1);
        QCOMPARE(waitForPage(second[0], kSliderValue, QStringLiteral("7")), QStringLiteral("7"));
        QVERIFY(
            evaluate(slider->page(), QStringLiteral("quireWidgets.model('%1').then(function(m){"
                                                    "m.set('value', 2); m.save_changes(); });true")
                                         .arg(slider->modelId()))
                .toBool());
        QCOMPARE(waitForPage(second[0], kSliderValue, QStringLiteral("2")), QStringLiteral("2"));
        QCOMPARE(waitForPage(label, kLabelText, QStringLiteral("4")), QStringLiteral("4"));
        QCOMPARE(kernelSays(QStringLiteral("s.value")), QStringLiteral("2"));

        // A page made again (the pool released it) rebuilds the latest state.
        slider->releaseWebView();
        slider->ensureWebView();
        QCOMPARE(waitForPage(slider, kSliderValue, QStringLiteral("2")), QStringLiteral("2"));
    }

    // Widgets are drawn in the notebook's colours (the library's own are a light theme).
    void followsThePalette() {
        OutputArea area;
        QPalette dark = area.palette();
        dark.setColor(QPalette::Base, QColor(0x20, 0x22, 0x26));
        dark.setColor(QPalette::Text, QColor(0xe0, 0xe2, 0xe6));
        area.setPalette(dark);
        const QList<WidgetOutputView*> views =
            showViews(area, run(QStringLiteral("display(w.Label(value='dark'))")));
        QCOMPARE(views.size(), 1);
        QCOMPARE(waitForPage(views[0], kLabelText, QStringLiteral("dark")), QStringLiteral("dark"));
        QCOMPARE(evaluate(views[0]->page(),
                          QStringLiteral(
                              "getComputedStyle(document.querySelector('.widget-label')).color"))
                     .toString(),
                 QStringLiteral("rgb(224, 226, 230)"));
    }

    // Binary state travels as message buffers: an Image widget's PNG bytes reach the page.
    void imageBuffers() {
        OutputArea area;
        const QList<WidgetOutputView*> views = showViews(
            area, run(QStringLiteral(
                      "import io, zlib, struct\n"
                      "def chunk(t, d):\n"
                      "    c = struct.pack('>I', len(d)) + t + d\n"
                      "    return c + struct.pack('>I', zlib.crc32(t + d))\n"
                      "rows = b''.join(b'\\x00' + b'\\xff\\x00\\x00' * 7 for _ in range(5))\n"
                      "png = (b'\\x89PNG\\r\\n\\x1a\\n'\n"
                      "       + chunk(b'IHDR', struct.pack('>IIBBBBB', 7, 5, 8, 2, 0, 0, 0))\n"
                      "       + chunk(b'IDAT', zlib.compress(rows)) + chunk(b'IEND', b''))\n"
                      "display(w.Image(value=png, format='png'))")));
        QCOMPARE(views.size(), 1);
        const QString size =
            QStringLiteral("(function(){var i=document.querySelector('img');"
                           "return i&&i.complete?i.naturalWidth+'x'+i.naturalHeight:'';})()");
        QCOMPARE(waitForPage(views[0], size, QStringLiteral("7x5")), QStringLiteral("7x5"));
    }

    // The Output widget: outputs made inside `with out:` show in its page, whether the request
    // was a cell's (the cell leaves them out: captures()) or a page's change of a slider.
    void outputWidgetCaptures() {
        OutputArea area;
        const QList<WidgetOutputView*> views =
            showViews(area, run(QStringLiteral("out = w.Output()\n"
                                               "b = w.IntSlider(value=1)\n"
                                               "def show(ch):\n"
                                               "    with out:\n"
                                               "        print('value', ch['new'])\n"
                                               "b.observe(show, 'value')\n"
                                               "display(b, out)")));
        QCOMPARE(views.size(), 2);
        const QString text = QStringLiteral(
            "(function(){return Array.prototype.map.call(document.querySelectorAll("
            "'.quire-output-stream'),function(p){return p.textContent.trim();}).join('|');})()");
        // Asked as each output arrives, as CellExecutor does (the msg_id is cleared after).
        QStringList captured;
        QStringList kept;
        const auto runWatched = [&](const QString& code) {
            bool done = false;
            Request* request = m_client->execute(code, {}, this);
            connect(request, &Request::iopub, this, [&](const Message& m) {
                if (m.msgType() == "stream")
                    (m_comms->captures(m) ? captured : kept)
                        .append(QString::fromStdString(m.content.value("text", "")).trimmed());
            });
            connect(request, &Request::finished, this, [&] { done = true; });
            return QTest::qWaitFor([&] { return done; }, kTimeout);
        };
        QVERIFY(runWatched(QStringLiteral("with out:\n    print('in cell')\nprint('outside')")));
        QCOMPARE(captured, QStringList{QStringLiteral("in cell")});
        QCOMPARE(kept, QStringList{QStringLiteral("outside")});
        QCOMPARE(waitForPage(views[1], text, QStringLiteral("in cell")), QStringLiteral("in cell"));

        QVERIFY(evaluate(views[0]->page(),
                         QStringLiteral("quireWidgets.model('%1').then(function(m){"
                                        "m.set('value', 5); m.save_changes(); });true")
                             .arg(views[0]->modelId()))
                    .toBool());
        // (one stdout stream: the two prints are one text block)
        QCOMPARE(waitForPage(views[1], text, QStringLiteral("in cell\nvalue 5")),
                 QStringLiteral("in cell\nvalue 5"));
    }

    // A stored widget output whose model no kernel holds shows a note, not an empty page.
    void storedViewWithoutModel() {
        const Json output = {
            {"output_type", "display_data"},
            {"metadata", Json::object()},
            {"data",
             {{"application/vnd.jupyter.widget-view+json", {{"model_id", "0123456789abcdef"}}}}}};
        QWidget parent;
        QWidget* view = OutputRendererRegistry::instance().create(
            output, QStringLiteral("application/vnd.jupyter.widget-view+json"), {true}, &parent);
        QVERIFY(view);
        QVERIFY(!qobject_cast<WidgetOutputView*>(view));
    }

    // After a restart the models are gone: the page says so instead of showing a dead slider.
    void restartLeavesNote() {
        OutputArea area;
        const QList<WidgetOutputView*> views =
            showViews(area, run(QStringLiteral("display(w.IntSlider(value=1))")));
        QCOMPARE(views.size(), 1);
        QCOMPARE(waitForPage(views[0], kSliderValue, QStringLiteral("1")), QStringLiteral("1"));
        QSignalSpy restarted(m_client.get(), &KernelClient::restarted);
        m_client->restart();
        QVERIFY(restarted.wait(60000));
        QCOMPARE(m_comms->modelCount(), std::size_t(0));
        const QString gone =
            QStringLiteral("(function(){var g=document.querySelector('.quire-widget-gone');"
                           "return g&&!document.querySelector('.widget-slider')?'gone':'';})()");
        QCOMPARE(waitForPage(views[0], gone, QStringLiteral("gone")), QStringLiteral("gone"));
        // The new kernel was told the frontend's version too.
        QString errors;
        run(QStringLiteral("import ipywidgets as w\ndisplay(w.IntSlider())"), &errors);
        QCOMPARE(errors, QString());
    }

    void cleanupTestCase() { m_client.reset(); }
};

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QTWEBENGINE_DISABLE_SANDBOX"))
        qputenv("QTWEBENGINE_DISABLE_SANDBOX", "1");
    WebOutputPage::prepareEngine();
    QApplication app(argc, argv);
    TestWidgetOutputs test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_widget_outputs.moc"
