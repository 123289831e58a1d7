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
    m_raster = image; // shared with the image cache; never modified here
    m_svg.clear();
    m_encoded = base64;
    m_suffix = suffix;
    m_logical = logicalSize.isEmpty() ? image.deviceIndependentSize() : logicalSize;
    m_scaled = QPixmap();
    updateGeometry();
    update();
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
        return image_cache::renderSvg(m_svg, shownSize(width() > 0 ? width() : int(m_logical.width())),
                                      devicePixelRatioF());
    return m_raster;
}

void ImageOutputView::paintEvent(QPaintEvent*) {
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
    menu.addAction(tr("Copy Image"), this, [this] { QApplication::clipboard()->setImage(image()); });
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
        QMessageBox::warning(this, tr("Save Image As"), tr("Could not save %1: %2").arg(path, error));
}

} // namespace quire::editor
