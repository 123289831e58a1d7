#pragma once

#include <QByteArray>
#include <QHash>
#include <QUrl>
#include <QWebEngineUrlSchemeHandler>

namespace quire::editor {

// Answers quire-asset: requests from output pages, read-only and from three places only:
//   quire-asset://web/<name>       a bundled script on WebAssets' list (Plotly, Vega)
//   quire-asset://mathjax/<path>   a file inside Debian's MathJax folder
//   quire-asset://doc/<id>         an output document too big for a data: URL (setHtml
//                                  takes at most 2 MB), published by its page while it lives
// Anything else fails as not found. WebRequestGuard lets this scheme through; the files
// behind it are what the lists above allow, so a page reaches nothing else on disk.
class WebAssetScheme : public QWebEngineUrlSchemeHandler {
    Q_OBJECT

public:
    explicit WebAssetScheme(QObject* parent = nullptr);

    static QByteArray name();
    // Registers the scheme with QtWebEngine; before the QApplication (prepareEngine does).
    static void registerScheme();
    static bool isRegistered();

    static QUrl bundledUrl(const QString& asset);
    static QUrl mathJaxUrl(const QString& path);

    // Makes `document` (UTF-8 HTML) available at a fresh, unguessable URL until withdrawn.
    QUrl publishDocument(const QByteArray& document);
    void withdrawDocument(const QUrl& url);
    int documentCount() const { return int(m_documents.size()); }

    void requestStarted(QWebEngineUrlRequestJob* job) override;

private:
    QHash<QString, QByteArray> m_documents;
};

} // namespace quire::editor
