#include "editor/render/image_output_view.h"

#include "editor/render/image_cache.h"
#include "editor/render/render_colors.h"

#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QFileDialog>
#include <QMenu>
#include <QMessageBox>
#include <QPainter>
#include <QSaveFile>
#include <cmath>

namespace quire::editor {

ImageOutputView::ImageOutputView(QWidget* parent) : QWidget(parent) {
    QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
}

void ImageOutputView::setRaster(const QImage& image, QSizeF logicalSize, const QByteArray& base64,
                                const QString& suffix) {
    if (m_movie) {
        delete m_movie;
        delete m_movieData;
        m_movie = nullptr;
        m_movieData = nullptr;
    }
    m_raster = image; // shared with the image cache; never modified here
    m_svg.clear();
    m_encoded = base64;
    m_suffix = suffix;
    m_logical = logicalSize.isEmpty() ? image.deviceIndependentSize() : logicalSize;
    m_scaled = QPixmap();
    updateGeometry();
    update();
}

void ImageOutputView::setAnimation(const QByteArray& base64, QSizeF logicalSize,
                                   const QString& suffix) {
    delete m_movie;
    delete m_movieData;
    m_movie = nullptr;
    m_movieData = nullptr;
    auto* data = new QBuffer(this);
    data->setData(QByteArray::fromBase64(base64));
    data->open(QIODevice::ReadOnly);
    auto* movie = new QMovie(data, QByteArray(), this);
    movie->setCacheMode(QMovie::CacheNone); // frames are decoded as they play, not all kept
    if (!movie->isValid() || movie->frameCount() == 1 || !movie->jumpToFrame(0)) {
        delete movie;
        delete data;
        setRaster(image_cache::fromBase64(base64), logicalSize, base64, suffix);
        return;
    }
    m_movieData = data;
    m_movie = movie;
    const QImage first = movie->currentImage();
    m_raster = first;
    m_svg.clear();
    m_encoded = base64;
    m_suffix = suffix;
    m_logical = logicalSize.isEmpty() ? QSizeF(first.size()) : logicalSize;
    m_scaled = QPixmap();
    connect(movie, &QMovie::frameChanged, this, [this] {
        // Off screen (scrolled away, or a hidden parent): stop decoding until painted again.
        if (visibleRegion().isEmpty()) {
            m_movie->setPaused(true);
            return;
        }
        m_raster = m_movie->currentImage();
        m_scaled = QPixmap();
        update();
    });
    updateGeometry();
    update();
}

bool ImageOutputView::isPlaying() const {
    return m_movie && m_movie->state() == QMovie::Running;
}

int ImageOutputView::currentFrame() const {
    return m_movie ? m_movie->currentFrameNumber() : 0;
}

void ImageOutputView::hideEvent(QHideEvent* event) {
    if (m_movie && m_movie->state() == QMovie::Running)
        m_movie->setPaused(true);
    QWidget::hideEvent(event);
}

void ImageOutputView::setSvg(const QByteArray& svg, QSizeF logicalSize) {
    m_raster = QImage();
    m_svg = svg;
    m_encoded = svg;
    m_suffix = QStringLiteral("svg");
    m_logical = logicalSize.isEmpty() ? image_cache::svgSize(svg) : logicalSize;
    m_scaled = QPixmap();
    updateGeometry();
    update();
}

QSizeF ImageOutputView::shownSize(int width) const {
    if (m_logical.isEmpty())
        return {};
    if (m_logical.width() <= width)
        return m_logical;
    return QSizeF(width, m_logical.height() * width / m_logical.width());
}

int ImageOutputView::heightForWidth(int width) const {
    return int(std::ceil(shownSize(width).height()));
}

QSize ImageOutputView::sizeHint() const {
    return m_logical.toSize().expandedTo(QSize(1, 1));
}

QSize ImageOutputView::minimumSizeHint() const {
    return QSize(std::min(50, int(m_logical.width())), 0);
}

QImage ImageOutputView::image() const {
    if (!m_svg.isEmpty())
        return image_cache::renderSvg(
            m_svg, shownSize(width() > 0 ? width() : int(m_logical.width())), devicePixelRatioF());
    return m_raster;
}

void ImageOutputView::paintEvent(QPaintEvent*) {
    if (m_movie) {
        if (m_movie->state() == QMovie::NotRunning)
            m_movie->start();
        else if (m_movie->state() == QMovie::Paused)
            m_movie->setPaused(false);
    }
    const QSizeF size = shownSize(width());
    if (size.isEmpty())
        return;
    const qreal dpr = devicePixelRatioF();
    const QSize pixels = (size * dpr).toSize();
    if (m_scaled.size() != pixels) {
        QImage source = m_svg.isEmpty() ? m_raster : image_cache::renderSvg(m_svg, size, dpr);
        if (source.size() != pixels)
            source = source.scaled(pixels, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
        m_scaled = QPixmap::fromImage(source);
        m_scaled.setDevicePixelRatio(dpr);
    }
    QPainter painter(this);
    const QRectF target(QPointF(0, 0), size);
    if (m_needsLight && isDarkPalette(palette()))
        painter.fillRect(target, Qt::white);
    painter.drawPixmap(target.topLeft(), m_scaled);
}

void ImageOutputView::addContextActions(QMenu& menu, const QPoint&) {
    menu.addAction(tr("Copy Image"), this,
                   [this] { QApplication::clipboard()->setImage(image()); });
    QAction* save = menu.addAction(tr("Save Image As…"), this, [this] { saveImage(); });
    save->setObjectName(QStringLiteral("saveImage"));
}

void ImageOutputView::contextMenuEvent(QContextMenuEvent* event) {
    QMenu menu(this);
    addContextActions(menu, event->pos());
    menu.exec(event->globalPos());
}

bool ImageOutputView::saveImageTo(const QString& path, QString* error) const {
    QSaveFile file(path);
    // Write the bytes the notebook holds; re-encoding would lose quality or metadata.
    const QByteArray bytes = m_svg.isEmpty() ? QByteArray::fromBase64(m_encoded) : m_encoded;
    if (file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.commit())
        return true;
    if (error)
        *error = file.errorString();
    return false;
}

void ImageOutputView::saveImage() {
    const QString suffix = m_suffix.isEmpty() ? QStringLiteral("png") : m_suffix;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save Image As"), tr("image.%1").arg(suffix),
        tr("%1 images (*.%2);;All files (*)").arg(suffix.toUpper(), suffix));
    if (path.isEmpty())
        return;
    QString error;
    if (!saveImageTo(path, &error))
        QMessageBox::warning(this, tr("Save Image As"),
                             tr("Could not save %1: %2").arg(path, error));
}

} // namespace quire::editor
