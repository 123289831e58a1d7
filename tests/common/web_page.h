#pragma once

// Helpers for tests that look inside output pages (QtWebEngine).

#include "editor/render/html_output_view.h"

#include <QTest>
#include <QVariant>
#include <QWebEnginePage>
#include <QWebEngineScript>

namespace quire::test {

// Runs `script` in the page and returns its value ("<timeout>" when none came). The
// application world sees the DOM and works when the page's own scripts are off; the main
// world sees the page's scripts' globals.
inline QVariant evaluateInPage(QWebEnginePage* page, const QString& script, int timeoutMs,
                               quint32 world = QWebEngineScript::ApplicationWorld) {
    QVariant result;
    bool done = false;
    page->runJavaScript(script, world, [&](const QVariant& v) {
        result = v;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, timeoutMs))
        return QStringLiteral("<timeout>");
    return result;
}

// Waits until `view`'s page has loaded and measured its height.
inline bool waitPageLoaded(editor::HtmlOutputView* view, int timeoutMs) {
    return QTest::qWaitFor([&] { return view->isLoaded() && view->contentHeight() > 0; },
                           timeoutMs);
}

} // namespace quire::test
