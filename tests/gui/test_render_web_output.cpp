// HTML outputs in QtWebEngine pages: a real pandas DataFrame renders and sizes itself, an
// untrusted notebook's stored scripts and tricks do nothing, a trusted one's scripts run,
// links go to the system browser, and the pool caps live pages.
// QtWebEngine (Qt 6.4, software compositing) draws on the offscreen platform as it does under
// Xvfb, pixels included, so this runs offscreen like the other GUI tests. With
// QUIRE_RENDER_SHOTS=<dir>, a DataFrame screenshot is written there.
#include "editor/model/notebook_document.h"
#include "editor/model/notebook_trust.h"
#include "editor/nbformat/notebook_writer.h"
#include "editor/render/html_output_view.h"
#include "editor/render/output_area.h"
#include "editor/render/web_output_page.h"
#include "editor/render/web_request_guard.h"
#include "editor/render/web_view_pool.h"
#include "tests/common/web_page.h"

#include <QApplication>
#include <QDesktopServices>
#include <QDir>
#include <QFile>
#include <QMenu>
#include <QProcess>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>
#include <QVBoxLayout>
#include <QWebEngineProfile>
#include <QWebEngineScript>
#include <QWebEngineView>
#include <QWheelEvent>

using namespace quire::editor;

namespace {

constexpr int kLoadTimeout = 30000;

Json htmlOutput(const QString& html) {
    return Json{{"output_type", "display_data"},
                {"metadata", Json::object()},
                {"data", {{"text/html", html.toStdString()}, {"text/plain", "<output>"}}}};
}

QVariant evaluate(QWebEnginePage* page, const QString& script) {
    return quire::test::evaluateInPage(page, script, kLoadTimeout);
}

bool waitLoaded(HtmlOutputView* view) {
    return quire::test::waitPageLoaded(view, kLoadTimeout);
}

// The share of pixels that differ clearly from `background`.
double inkShare(const QImage& image, QColor background) {
    qint64 ink = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (std::abs(c.red() - background.red()) + std::abs(c.green() - background.green()) +
                    std::abs(c.blue() - background.blue()) >
                60)
                ++ink;
        }
    }
    return image.isNull() ? 0 : double(ink) / double(image.width() * image.height());
}

// Collects URLs QDesktopServices would have opened.
class UrlSink : public QObject {
    Q_OBJECT
public:
    QList<QUrl> urls;
public slots:
    void open(const QUrl& url) { urls.append(url); }
};

// A notebook file with one cell whose stored output is `html`.
QString writeNotebook(const QTemporaryDir& dir, const QString& html) {
    const Json nb = {{"cells", Json::array({Json{{"cell_type", "code"},
                                                 {"execution_count", 1},
                                                 {"id", "c1"},
                                                 {"metadata", Json::object()},
                                                 {"source", "display(HTML(...))"},
                                                 {"outputs", Json::array({htmlOutput(html)})}}})},
                     {"metadata", Json::object()},
                     {"nbformat", 4},
                     {"nbformat_minor", 5}};
    const QString path = dir.filePath(QStringLiteral("stored.ipynb"));
    QFile f(path);
    if (f.open(QIODevice::WriteOnly))
        f.write(QByteArray::fromStdString(writeCanonical(nb)));
    return path;
}

} // namespace

class TestRenderWebOutput : public QObject {
    Q_OBJECT

    QTemporaryDir m_downloads;
    QTcpServer m_server; // the "network" pages must never reach
    QUdpSocket m_udp;    // and its UDP side (a WebRTC STUN server)
    UrlSink m_browser;

    // Everything the malicious output tries; `marker` is where a script would leave a trace.
    QString maliciousHtml() const {
        const QString base = QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort());
        const QString target = QDir(m_downloads.path()).filePath(QStringLiteral("pwned.txt"));
        return QStringLiteral(
                   "<p id=\"marker\">stored</p>"
                   "<img src=\"%1/img.png\"><link rel=\"stylesheet\" href=\"%1/style.css\">"
                   "<img src=\"file://%2\"><iframe src=\"%1/frame\"></iframe>"
                   "<meta http-equiv=\"refresh\" content=\"0; url=%1/refresh\">"
                   "<script>"
                   "document.getElementById('marker').textContent = 'script ran';"
                   "fetch('%1/fetch').catch(function () {});"
                   "fetch('file://%2').catch(function () {});"
                   "try { new WebSocket('%3/socket'); } catch (e) {}"
                   "try { new EventSource('%1/events'); } catch (e) {}"
                   "try { navigator.sendBeacon('%1/beacon', 'x'); } catch (e) {}"
                   "try { var x = new XMLHttpRequest(); x.open('GET', '%1/xhr'); x.send(); } catch "
                   "(e) {}"
                   "try { var pc = new RTCPeerConnection({iceServers: [{urls: "
                   "'stun:127.0.0.1:%4'}]});"
                   " pc.createDataChannel('x');"
                   " pc.createOffer().then(function (o) { return pc.setLocalDescription(o); }); } "
                   "catch (e) {}"
                   "var a = document.createElement('a'); a.href = 'data:text/plain,pwned';"
                   "a.download = 'pwned.txt'; document.body.appendChild(a); a.click();"
                   "window.open('%1/popup');"
                   "setTimeout(function () { location.href = '%1/navigate'; }, 50);"
                   "</script>")
            .arg(base, target,
                 QString(base).replace(QStringLiteral("http:"), QStringLiteral("ws:")),
                 QString::number(m_udp.localPort()));
    }

    void verifyNothingGotOut(HtmlOutputView* view) {
        QTest::qWait(1500); // time for a refresh, a timer, a fetch to happen
        QVERIFY2(!m_server.hasPendingConnections(), "a request reached the network");
        QVERIFY(!m_server.waitForNewConnection(0));
        QVERIFY2(!m_udp.hasPendingDatagrams(), "a datagram reached the network");
        QVERIFY(!QFile::exists(QDir(m_downloads.path()).filePath(QStringLiteral("pwned.txt"))));
        QVERIFY2(m_browser.urls.isEmpty(), qPrintable(m_browser.urls.value(0).toString()));
        QCOMPARE(view->page()->url().scheme(), QString("data"));
    }

private slots:
    void initTestCase() {
        QVERIFY(m_downloads.isValid());
        QVERIFY(m_server.listen(QHostAddress::LocalHost));
        QVERIFY(m_udp.bind(QHostAddress::LocalHost, 0));
        QDesktopServices::setUrlHandler(QStringLiteral("http"), &m_browser, "open");
        QDesktopServices::setUrlHandler(QStringLiteral("https"), &m_browser, "open");
        QWebEngineProfile* profile = WebOutputPage::sharedProfile();
        QVERIFY(profile->isOffTheRecord());
        profile->setDownloadPath(m_downloads.path());
    }

    void cleanupTestCase() {
        QDesktopServices::unsetUrlHandler(QStringLiteral("http"));
        QDesktopServices::unsetUrlHandler(QStringLiteral("https"));
    }

    void init() { m_browser.urls.clear(); }

    void pandasDataFrameRendersAndScrollsSideways() {
        // A real DataFrame's HTML, from Debian's python3-pandas: wide (40 columns) and 12 rows.
        QProcess python;
        python.start(
            qEnvironmentVariable("QUIRE_PYTHON", QStringLiteral("/usr/bin/python3")),
            {QStringLiteral("-c"),
             QStringLiteral("import pandas as pd\n"
                            "df = pd.DataFrame({f'column_{i}': [r * i + 0.5 for r in range(12)] "
                            "for i in range(40)})\n"
                            "print(df._repr_html_())\n")});
        QVERIFY(python.waitForFinished(60000));
        const QString html = QString::fromUtf8(python.readAllStandardOutput());
        if (python.exitCode() != 0 || !html.contains(QStringLiteral("dataframe")))
            QSKIP("python3-pandas is not installed");

        QWidget window;
        window.resize(700, 600);
        auto* area = new OutputArea(&window);
        area->setGeometry(0, 0, 700, 600);
        area->setOutputs(Json::array({htmlOutput(html)}));
        window.show();
        auto* view = qobject_cast<HtmlOutputView*>(area->outputView(0));
        QVERIFY(view);
        QVERIFY(waitLoaded(view));
        // 13 rows of table: clearly more than a line; the area took the page's height.
        QTRY_VERIFY_WITH_TIMEOUT(view->contentHeight() > 200, kLoadTimeout);
        QTRY_COMPARE(view->height(), view->contentHeight()); // the area laid itself out again
        QCOMPARE(area->heightForWidth(700) >= view->contentHeight(), true);
        // pandas' own rules and ours applied; the table scrolls inside its container.
        QWebEnginePage* page = view->page();
        QCOMPARE(evaluate(page, QStringLiteral(
                                    "document.querySelectorAll('table.dataframe tbody tr').length"))
                     .toInt(),
                 12);
        const int scrollWidth =
            evaluate(page, QStringLiteral("document.querySelector('.quire-output').scrollWidth"))
                .toInt();
        const int clientWidth =
            evaluate(page, QStringLiteral("document.querySelector('.quire-output').clientWidth"))
                .toInt();
        QVERIFY2(scrollWidth > clientWidth + 500,
                 qPrintable(QStringLiteral("%1 vs %2").arg(scrollWidth).arg(clientWidth)));
        QCOMPARE(
            evaluate(page,
                     QStringLiteral(
                         "getComputedStyle(document.querySelector('.quire-output')).overflowX"))
                .toString(),
            QString("auto"));

        // Pixels: the table is drawn, not blank.
        QImage shot;
        QTRY_VERIFY_WITH_TIMEOUT(
            (shot = window.grab().toImage(),
             inkShare(shot.copy(view->geometry().translated(area->mapTo(&window, QPoint()))),
                      window.palette().color(QPalette::Base)) > 0.02),
            10000);
        if (const QString dir = qEnvironmentVariable("QUIRE_RENDER_SHOTS"); !dir.isEmpty())
            shot.save(QDir(dir).filePath(QStringLiteral("web_dataframe.png")));
    }

    void untrustedStoredScriptsDoNothing() {
        QTemporaryDir dir;
        auto doc = NotebookDocument::load(writeNotebook(dir, maliciousHtml())).document;
        QVERIFY(doc);
        NotebookTrust trust(dir.filePath(QStringLiteral("data")));
        trust.applyTo(*doc);
        QVERIFY(!doc->isTrusted());

        WebRequestGuard* guard = WebOutputPage::requestGuard();
        QVERIFY(guard);
        QSignalSpy blocked(guard, &WebRequestGuard::blocked);
        QSignalSpy downloads(WebOutputPage::sharedProfile(), &QWebEngineProfile::downloadRequested);

        OutputArea area;
        area.resize(600, 400);
        area.setTrusted(doc->cell(0)->outputsTrusted());
        area.setOutputs(doc->cell(0)->outputs());
        auto* view = qobject_cast<HtmlOutputView*>(area.outputView(0));
        QVERIFY(view);
        QVERIFY(!view->isTrusted());
        view->ensureWebView(); // now, to watch the page from its first load on
        QSignalSpy refused(view->page(), &WebOutputPage::navigationBlocked);
        area.show();
        QVERIFY(waitLoaded(view));
        verifyNothingGotOut(view);
        // The HTML shows and its script did not run.
        QCOMPARE(
            evaluate(view->page(), QStringLiteral("document.getElementById('marker').textContent"))
                .toString(),
            QString("stored"));
        QVERIFY(downloads.isEmpty());
        // The guard refused and logged the image, style sheet and frame requests.
        QVERIFY2(blocked.count() >= 2, qPrintable(QString::number(blocked.count())));
        for (const QList<QVariant>& args : std::as_const(blocked))
            QVERIFY(!WebRequestGuard::isAllowed(args.first().toUrl()));
        // The stored refresh (no script needed) was refused.
        QVERIFY(!refused.isEmpty());
    }

    void trustedScriptsRunButStayInside() {
        QTemporaryDir dir;
        auto doc = NotebookDocument::load(writeNotebook(dir, maliciousHtml())).document;
        QVERIFY(doc);
        NotebookTrust trust(dir.filePath(QStringLiteral("data")));
        trust.trust(*doc);
        QVERIFY(doc->cell(0)->outputsTrusted());
        QSignalSpy downloads(WebOutputPage::sharedProfile(), &QWebEngineProfile::downloadRequested);

        OutputArea area;
        area.resize(600, 400);
        area.setTrusted(doc->cell(0)->outputsTrusted());
        area.setOutputs(doc->cell(0)->outputs());
        auto* view = qobject_cast<HtmlOutputView*>(area.outputView(0));
        QVERIFY(view && view->isTrusted());
        view->ensureWebView();
        QSignalSpy refused(view->page(), &WebOutputPage::navigationBlocked);
        area.show();
        QVERIFY(waitLoaded(view));
        QTRY_COMPARE_WITH_TIMEOUT(
            evaluate(view->page(), QStringLiteral("document.getElementById('marker').textContent"))
                .toString(),
            QString("script ran"), 5000);
        verifyNothingGotOut(view);
        QVERIFY(refused.count() >= 2); // the refresh and the script's location change
        // A download may be asked for, but nobody accepts it: nothing was written (checked above).
        Q_UNUSED(downloads);
    }

    void javascriptOutputGetsItsElement() {
        OutputArea area;
        area.resize(500, 300);
        area.setTrusted(true);
        area.setOutputs(
            Json::array({Json{{"output_type", "display_data"},
                              {"metadata", Json::object()},
                              {"data",
                               {{"application/javascript",
                                 "element.textContent = 'from js'; document.title = 'js ran';"},
                                {"text/plain", "<js>"}}}}}));
        area.show();
        auto* view = qobject_cast<HtmlOutputView*>(area.outputView(0));
        QVERIFY(view);
        QVERIFY(waitLoaded(view));
        QTRY_COMPARE_WITH_TIMEOUT(view->page()->title(), QString("js ran"), 5000);
        QCOMPARE(evaluate(view->page(),
                          QStringLiteral("document.getElementById('quire-js-output').textContent"))
                     .toString(),
                 QString("from js"));
    }

    void linksOpenInTheSystemBrowser() {
        OutputArea area;
        area.resize(500, 300);
        area.setOutputs(Json::array({htmlOutput(
            QStringLiteral("<a id=\"l\" href=\"https://example.org/docs\" "
                           "style=\"display:block;height:60px\">docs</a>"
                           "<a href=\"#end\" style=\"display:block;height:40px\">to the end</a>"
                           "<a href=\"https://example.org/tab\" target=\"_blank\" "
                           "style=\"display:block;height:40px\">tab</a>"
                           "<p id=\"end\">end</p>"))}));
        area.show();
        auto* view = qobject_cast<HtmlOutputView*>(area.outputView(0));
        QVERIFY(view);
        QVERIFY(waitLoaded(view));
        QTRY_VERIFY_WITH_TIMEOUT(view->contentHeight() >= 140, 5000);
        // Clicks land once the page knows its view's final size (it is measured 1 px high).
        QTRY_VERIFY_WITH_TIMEOUT(
            evaluate(view->page(), QStringLiteral("window.innerHeight")).toInt() >= 140, 5000);
        QWidget* input = view->webView()->focusProxy();
        QVERIFY(input);
        QTest::mouseClick(input, Qt::LeftButton, {}, QPoint(20, 20));
        QTRY_COMPARE_WITH_TIMEOUT(m_browser.urls.size(), 1, 5000);
        QCOMPARE(m_browser.urls.first(), QUrl("https://example.org/docs"));
        QCOMPARE(view->page()->url().scheme(), QString("data"));
        // An anchor in the page stays in the page; a target="_blank" link goes to the browser.
        QTest::mouseClick(input, Qt::LeftButton, {}, QPoint(20, 80));
        QTRY_COMPARE_WITH_TIMEOUT(view->page()->url().fragment(), QString("end"), 5000);
        QTest::mouseClick(input, Qt::LeftButton, {}, QPoint(20, 120));
        QTRY_COMPARE_WITH_TIMEOUT(m_browser.urls.size(), 2, 5000);
        QCOMPARE(m_browser.urls.last(), QUrl("https://example.org/tab"));
        QCOMPARE(view->page()->url().scheme(), QString("data"));
    }

    void rightClickShowsTheOutputMenu() {
        OutputArea area;
        area.resize(500, 200);
        area.setOutputs(
            Json::array({htmlOutput(QStringLiteral("<p style=\"height:80px\">select me</p>"))}));
        area.show();
        auto* view = qobject_cast<HtmlOutputView*>(area.outputView(0));
        QVERIFY(view);
        QVERIFY(waitLoaded(view));
        evaluate(view->page(), QStringLiteral("getSelection().selectAllChildren(document.body)"));
        QTRY_VERIFY_WITH_TIMEOUT(view->page()->hasSelection(), 5000);
        QMenu menu;
        area.fillContextMenu(menu, 0, QPoint(10, 10));
        QStringList texts;
        for (QAction* a : menu.actions())
            texts << a->text();
        QCOMPARE(texts.first(), QString("Copy"));
        QVERIFY2(texts.contains(QStringLiteral("Copy Output")), qPrintable(texts.join(u'|')));
        // The browser's own menu is off; a right click asks the output area instead.
        QCOMPARE(view->webView()->contextMenuPolicy(), Qt::CustomContextMenu);
    }

    void wheelOverAnOutputScrollsTheNotebook() {
        QScrollArea scroll;
        scroll.resize(500, 300);
        auto* column = new QWidget;
        auto* layout = new QVBoxLayout(column);
        auto* area = new OutputArea;
        area->setOutputs(Json::array({htmlOutput(QStringLiteral("<p>short output</p>"))}));
        layout->addWidget(area);
        layout->addSpacing(2000);
        scroll.setWidget(column);
        scroll.setWidgetResizable(true);
        scroll.show();
        auto* view = qobject_cast<HtmlOutputView*>(area->outputView(0));
        QVERIFY(view);
        QVERIFY(waitLoaded(view));
        QWidget* input = view->webView()->focusProxy();
        QVERIFY(input);
        const QPoint at(20, 5);
        QWheelEvent wheel(at, input->mapToGlobal(at), QPoint(), QPoint(0, -120), Qt::NoButton,
                          Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(input, &wheel);
        // The page cannot scroll, so the wheel reaches the notebook around it.
        QTRY_VERIFY_WITH_TIMEOUT(scroll.verticalScrollBar()->value() > 0, 5000);
    }

    void pageFollowsTheNotebookPalette() {
        HtmlOutputView view;
        view.resize(300, 100);
        view.setHtml(QStringLiteral("<p>text</p>"), false);
        view.show();
        view.ensureWebView();
        QVERIFY(waitLoaded(&view));
        const QString background =
            QStringLiteral("getComputedStyle(document.body).backgroundColor");
        QPalette dark = view.palette();
        dark.setColor(QPalette::Base, QColor(20, 30, 40));
        dark.setColor(QPalette::Text, QColor(230, 230, 230));
        view.setPalette(dark);
        QTRY_COMPARE_WITH_TIMEOUT(evaluate(view.page(), background).toString(),
                                  QString("rgb(20, 30, 40)"), 5000);
    }

    void poolReleasesViewsOffScreen() {
        WebViewPool& pool = WebViewPool::instance();
        const int before = pool.capacity();
        pool.setCapacity(2);
        QWidget window;
        window.resize(400, 300);
        QList<HtmlOutputView*> views;
        for (int i = 0; i < 3; ++i) {
            auto* v = new HtmlOutputView(&window);
            v->setHtml(
                QStringLiteral("<div style=\"height:%1px\">%2</div>").arg(40 + i * 10).arg(i),
                false);
            // The third one lies outside the window: never painted, so no page until asked.
            v->setGeometry(0, i < 2 ? i * 90 : 1000, 400, 80);
            views.append(v);
        }
        window.show();
        views[0]->ensureWebView();
        views[1]->ensureWebView();
        QVERIFY(waitLoaded(views[0]));
        QVERIFY(!views[2]->webView());
        const int height0 = views[0]->heightForWidth(400);
        QCOMPARE(height0, 40);
        QCOMPARE(pool.liveCount(), 2);
        views[0]->hide(); // off screen: the next view takes its page
        views[2]->ensureWebView();
        QCOMPARE(pool.liveCount(), 2);
        QVERIFY(!views[0]->webView());
        QCOMPARE(views[0]->heightForWidth(400), height0); // the placeholder keeps the height
        // Shown and painted again: the page comes back (and another one off screen goes).
        views[1]->hide();
        views[0]->show();
        QTRY_VERIFY_WITH_TIMEOUT(views[0]->webView(), 5000);
        QVERIFY(!views[1]->webView());
        QCOMPARE(pool.liveCount(), 2);
        pool.setCapacity(before);
    }
};

int main(int argc, char** argv) {
    // Chromium refuses to start its sandbox as root (CI containers).
    if (qEnvironmentVariableIsEmpty("QTWEBENGINE_DISABLE_SANDBOX"))
        qputenv("QTWEBENGINE_DISABLE_SANDBOX", "1");
    WebOutputPage::prepareEngine();
    QApplication app(argc, argv);
    TestRenderWebOutput test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_render_web_output.moc"
