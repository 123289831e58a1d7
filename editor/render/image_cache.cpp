#include "editor/render/image_cache.h"

#include <QCache>
#include <QDateTime>
#include <QFileInfo>
#include <QHash>
#include <QPainter>
#include <QSvgRenderer>

namespace quire::editor::image_cache {

namespace {

constexpr int kMaxCostKb = 96 * 1024;

// Two independent 64-bit hashes and the length: collisions are not a practical concern.
struct Key {
    size_t a = 0;
    size_t b = 0;
    qsizetype length = 0;
    QSize size; // rendered size for SVG; empty for decoded rasters
    bool operator==(const Key&) const = default;
};

size_t qHash(const Key& k, size_t seed = 0) {
    return qHashMulti(seed, k.a, k.b, k.length, k.size.width(), k.size.height());
}

Key keyOf(const QByteArray& bytes, QSize size = {}) {
    return Key{::qHash(QByteArrayView(bytes), 0x9e3779b9u), ::qHash(QByteArrayView(bytes), 0x85ebca6bu),
               bytes.size(), size};
}

QCache<Key, QImage>& images() {
    static QCache<Key, QImage> cache(kMaxCostKb);
    return cache;
}

int costKb(const QImage& image) {
    return std::max(1, int(image.sizeInBytes() / 1024));
}

QImage remember(const Key& key, QImage image) {
    if (!image.isNull())
        images().insert(key, new QImage(image), costKb(image));
    return image;
}

} // namespace

QImage fromEncoded(const QByteArray& encoded) {
    const Key key = keyOf(encoded);
    if (const QImage* hit = images().object(key))
        return *hit;
    return remember(key, QImage::fromData(encoded));
}

QImage fromBase64(const QByteArray& base64) {
    const Key key = keyOf(base64);
    if (const QImage* hit = images().object(key))
        return *hit;
    // The default (lenient) decoder skips the line breaks some writers insert.
    return remember(key, QImage::fromData(QByteArray::fromBase64(base64)));
}

QImage fromFile(const QString& path) {
    const QFileInfo info(path);
    if (!info.isFile())
        return {};
    const QByteArray id = (path + u'|' + QString::number(info.lastModified().toMSecsSinceEpoch()) +
                           u'|' + QString::number(info.size()))
                              .toUtf8();
    const Key key = keyOf(id);
    if (const QImage* hit = images().object(key))
        return *hit;
    return remember(key, QImage(path));
}

QSizeF svgSize(const QByteArray& svg) {
    static QHash<Key, QSizeF> sizes; // tiny values; bounded by the number of distinct SVGs seen
    const Key key = keyOf(svg);
    if (const auto it = sizes.constFind(key); it != sizes.constEnd())
        return *it;
    QSvgRenderer renderer(svg);
    QSizeF size;
    if (renderer.isValid()) {
        size = renderer.defaultSize();
        if (size.isEmpty())
            size = renderer.viewBoxF().size();
    }
    if (sizes.size() > 4096)
        sizes.clear();
    sizes.insert(key, size);
    return size;
}

QImage renderSvg(const QByteArray& svg, QSizeF logicalSize, qreal devicePixelRatio) {
    const QSize pixels = (logicalSize * devicePixelRatio).toSize();
    if (pixels.isEmpty())
        return {};
    const Key key = keyOf(svg, pixels);
    if (const QImage* hit = images().object(key))
        return *hit;
    QSvgRenderer renderer(svg);
    if (!renderer.isValid())
        return {};
    QImage image(pixels, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    {
        QPainter p(&image);
        renderer.render(&p, QRectF(QPointF(), QSizeF(pixels)));
    }
    image.setDevicePixelRatio(devicePixelRatio);
    return remember(key, std::move(image));
}

} // namespace quire::editor::image_cache
