// Interaction with the render views: selecting and copying text, following links.
#include "editor/render/code_highlighter.h"
#include "editor/render/markdown_view.h"
#include "editor/render/text_output_view.h"

#include <QApplication>
#include <QBuffer>
#include <QClipboard>
#include <QSignalSpy>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>

using namespace quire::editor;

class TestRenderViews : public QObject {
    Q_OBJECT

private slots:
    void textOutputSelectsAndCopies() {
        TextOutputView view;
        view.setText(QStringLiteral("first line\nsecond \x1b[31mred\x1b[0m line\n"));
        view.resize(400, view.heightForWidth(400));
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const int lineHeight = view.heightForWidth(400) / 2;
        QTest::mousePress(&view, Qt::LeftButton, {}, QPoint(2, lineHeight / 2));
        QTest::mouseMove(&view, QPoint(399, lineHeight + lineHeight / 2));
        QTest::mouseRelease(&view, Qt::LeftButton, {}, QPoint(399, lineHeight + lineHeight / 2));
        QCOMPARE(view.selectedText(), QString("first line\nsecond red line"));
        QTest::keyClick(&view, Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(QApplication::clipboard()->text(), QString("first line\nsecond red line"));
        QTest::keyClick(&view, Qt::Key_A, Qt::ControlModifier);
        QCOMPARE(view.selectedText(), QString("first line\nsecond red line"));
    }

    void markdownViewSizesAndFindsHeadings() {
        MarkdownView view;
        view.setMarkdown(QStringLiteral("# Top\n\nSome text.\n\n## Second part\n\n[jump](#Top) $x^2$"));
        QVERIFY(view.hasHeightForWidth());
        const int wide = view.heightForWidth(800);
        QVERIFY(wide > 40);
        QVERIFY(view.heightForWidth(60) > wide); // text wraps when narrow
        view.resize(500, view.heightForWidth(500));
        QCOMPARE(view.anchorPosition(QStringLiteral("Top")), view.anchorPosition(QStringLiteral("Top")));
        QVERIFY(view.anchorPosition(QStringLiteral("Second-part")) > view.anchorPosition(QStringLiteral("Top")));
        QCOMPARE(view.anchorPosition(QStringLiteral("nope")), -1);
    }

    void wideImagesFitTheView() {
        QImage image(1000, 500, QImage::Format_RGB32);
        image.fill(Qt::darkGreen);
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        image.save(&buffer, "PNG");
        MarkdownView view;
        view.setMarkdown(QStringLiteral("![wide](attachment:w.png)"),
                         Json{{"w.png", {{"image/png", png.toBase64().toStdString()}}}});
        const int narrow = view.heightForWidth(300);
        QVERIFY(narrow < 200);  // scaled to about 280 x 140
        QVERIFY(view.heightForWidth(1200) > 500); // natural size again when there is room
    }

    void markdownInternalLinksAreReported() {
        MarkdownView view;
        view.setMarkdown(QStringLiteral("[jump to the top](#Top)"));
        view.resize(400, view.heightForWidth(400));
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSignalSpy spy(&view, &MarkdownView::anchorActivated);
        const QPoint onLink(12, view.height() / 2);
        QTest::mouseClick(&view, Qt::LeftButton, {}, onLink);
        QCOMPARE(spy.size(), 1);
        QCOMPARE(spy.at(0).at(0).toString(), QString("Top"));
    }

    void paletteSwitchRecolours() {
        MarkdownView view;
        QPalette light;
        light.setColor(QPalette::Base, Qt::white);
        light.setColor(QPalette::Text, Qt::black);
        view.setPalette(light);
        view.setMarkdown(QStringLiteral("```python\nimport os\n```"));
        const auto keywordColour = [&view] {
            return view.document()->begin().layout()->formats().value(0).format.foreground().color();
        };
        QCOMPARE(keywordColour(), codeTokenFormat(CodeToken::Keyword, false).foreground().color());
        QPalette dark;
        dark.setColor(QPalette::Base, QColor(30, 30, 30));
        dark.setColor(QPalette::Text, QColor(220, 220, 220));
        view.setPalette(dark);
        QCOMPARE(keywordColour(), codeTokenFormat(CodeToken::Keyword, true).foreground().color());

        TextOutputView text;
        text.setPalette(light);
        text.setText(QStringLiteral("x"), TextOutputView::Kind::Stderr);
        text.resize(100, text.heightForWidth(100));
        QImage before(text.size(), QImage::Format_ARGB32);
        text.render(&before);
        text.setPalette(dark);
        QImage after(text.size(), QImage::Format_ARGB32);
        text.render(&after);
        QVERIFY(before.pixelColor(90, 2).lightnessF() > 0.5); // light red
        QVERIFY(after.pixelColor(90, 2).lightnessF() < 0.5);  // dark red
    }

    void markdownSelectionCopiesMathSource() {
        MarkdownView view;
        view.setMarkdown(QStringLiteral("Energy $E=mc^2$ here"));
        view.resize(400, view.heightForWidth(400));
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setFocus();
        QTest::keyClick(&view, Qt::Key_A, Qt::ControlModifier);
        QCOMPARE(view.selectedText(), QString("Energy $E=mc^2$ here"));
    }
};

QTEST_MAIN(TestRenderViews)
#include "test_render_views.moc"
