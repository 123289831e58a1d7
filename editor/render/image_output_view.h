#pragma once

#include "editor/render/output_view_actions.h"

#include <QBuffer>
#include <QByteArray>
#include <QImage>
#include <QMovie>
#include <QPixmap>
#include <QWidget>

namespace quire::editor {

// One image output (PNG, JPEG, GIF — animated ones play while on screen — or SVG). It asks for its
// natural size (from output metadata or the image) and scales down, keeping the aspect ratio, when
// the width is smaller. The context menu copies or saves the image.
class ImageOutputView : public QWidget, public OutputViewActions {
    Q_OBJECT

public:
    explicit ImageOutputView(QWidget* parent = nullptr);

    // A decoded raster image shown at `logicalSize` (empty: its own size). `base64` (the
    // notebook's data) and `suffix` ("png", "jpg", "gif") are what "Save Image As" writes.
    void setRaster(const QImage& image, QSizeF logicalSize, const QByteArray& base64,
                   const QString& suffix);
    // An animated image (GIF): plays while the view is on screen, pauses when it scrolls out
    // of sight or is hidden; a single-frame image is shown like setRaster.
    void setAnimation(const QByteArray& base64, QSizeF logicalSize, const QString& suffix);
    bool isAnimated() const { return m_movie != nullptr; }
    bool isPlaying() const;
    int currentFrame() const;
    // An SVG document, rendered when painted at the screen's pixel ratio.
    void setSvg(const QByteArray& svg, QSizeF logicalSize);
    // Paint a white backdrop under transparent images on dark themes (matplotlib's
    // "needs_background": "light").
    void setNeedsLightBackground(bool needed) { m_needsLight = needed; }

    QSizeF logicalSize() const { return m_logical; }
    // The image as it is drawn now (for tests and copying).
    QImage image() const;

    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    // Copy Image, Save Image As….
    void addContextActions(QMenu& menu, const QPoint& pos) override;

    // Writes the image as the notebook holds it (PNG/JPEG/GIF bytes decoded from base64, SVG
    // text), never re-encoded; "Save Image As…" asks for `path` first.
    bool saveImageTo(const QString& path, QString* error = nullptr) const;
    // "png", "jpg", "gif" or "svg".
    const QString& suffix() const { return m_suffix; }

protected:
    void paintEvent(QPaintEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    QSizeF shownSize(int width) const;
    void saveImage();

    QImage m_raster;
    QByteArray m_svg;
    QByteArray m_encoded; // base64 for rasters, the document for SVG
    QString m_suffix;
    QSizeF m_logical;
    bool m_needsLight = false;
    QPixmap m_scaled; // the last drawn size, so repaints do not rescale
    QBuffer* m_movieData = nullptr;
    QMovie* m_movie = nullptr;
};

} // namespace quire::editor
