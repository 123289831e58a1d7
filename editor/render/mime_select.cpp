#include "editor/render/mime_select.h"

namespace quire::editor {

const QStringList& mimePreferenceOrder() {
    static const QStringList order = {
        QStringLiteral("application/vnd.jupyter.widget-view+json"),
        QStringLiteral("application/vnd.plotly.v1+json"),
        QStringLiteral("application/json"),
        QStringLiteral("application/vnd.vegalite.v5+json"),
        QStringLiteral("application/vnd.vegalite.v4+json"),
        QStringLiteral("application/vnd.vega.v5+json"),
        QStringLiteral("text/html"),
        QStringLiteral("text/markdown"),
        QStringLiteral("text/latex"),
        QStringLiteral("image/svg+xml"),
        QStringLiteral("image/png"),
        QStringLiteral("image/jpeg"),
        QStringLiteral("image/gif"),
        QStringLiteral("image/webp"),
        QStringLiteral("image/bmp"),
        QStringLiteral("application/javascript"),
        QStringLiteral("text/javascript"),
        QStringLiteral("text/plain"),
    };
    return order;
}

QString selectMimeType(const Json& mimeBundle, const QStringList& renderable) {
    if (!mimeBundle.is_object() || renderable.isEmpty())
        return {};
    for (const QString& mime : mimePreferenceOrder()) {
        if (renderable.contains(mime) && mimeBundle.contains(mime.toStdString()))
            return mime;
    }
    for (const QString& mime : renderable) {
        if (!mimePreferenceOrder().contains(mime) && mimeBundle.contains(mime.toStdString()))
            return mime;
    }
    return {};
}

bool isJsonMimeType(QStringView mimeType) {
    return mimeType == u"application/json" || mimeType.endsWith(u"+json");
}

QByteArray mimeBytes(const Json& value) {
    if (value.is_string()) {
        const auto& s = value.get_ref<const std::string&>();
        return QByteArray(s.data(), qsizetype(s.size()));
    }
    if (!value.is_array())
        return {};
    qsizetype total = 0;
    for (const Json& part : value) {
        if (part.is_string())
            total += qsizetype(part.get_ref<const std::string&>().size());
    }
    QByteArray out;
    out.reserve(total);
    for (const Json& part : value) {
        if (part.is_string()) {
            const auto& s = part.get_ref<const std::string&>();
            out.append(s.data(), qsizetype(s.size()));
        }
    }
    return out;
}

QString mimeText(const Json& value) {
    if (value.is_string()) { // no intermediate copy: outputs can be tens of megabytes
        const auto& s = value.get_ref<const std::string&>();
        return QString::fromUtf8(QByteArrayView(s.data(), qsizetype(s.size())));
    }
    return QString::fromUtf8(mimeBytes(value));
}

QByteArray mimeBase64Data(const Json& value) {
    // The default (lenient) decoder skips line breaks that some writers insert.
    return QByteArray::fromBase64(mimeBytes(value));
}

const Json& mimeValue(const Json& output, const QString& mime) {
    static const Json none;
    const auto data = output.find("data");
    if (data == output.end() || !data->is_object())
        return none;
    const auto it = data->find(mime.toStdString());
    return it == data->end() ? none : *it;
}

} // namespace quire::editor
