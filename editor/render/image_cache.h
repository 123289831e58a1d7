#pragma once

#include <QByteArray>
#include <QImage>
#include <QSizeF>

namespace quire::editor {

// Decoded images shared by every view in the process, keyed by a hash of the encoded bytes:
// an image is decoded once, and reopening or scrolling back to it costs a lookup. GUI thread
// only. The cache holds about 96 MB of pixels and drops the least recently used.
namespace image_cache {

// PNG, JPEG, GIF (first frame) ... from base64 text as stored in notebooks. Null on error.
QImage fromBase64(const QByteArray& base64);

// The same from raw encoded bytes (a file's contents).
QImage fromEncoded(const QByteArray& encoded);

// An image file, reloaded when its modification time changes. Null when unreadable.
QImage fromFile(const QString& path);

// The intrinsic size of an SVG document in CSS pixels (its width/height or viewBox), or an
// empty size when it does not parse.
QSizeF svgSize(const QByteArray& svg);

// The SVG rendered at `logicalSize` for a display with `devicePixelRatio`.
QImage renderSvg(const QByteArray& svg, QSizeF logicalSize, qreal devicePixelRatio);

} // namespace image_cache

} // namespace quire::editor
