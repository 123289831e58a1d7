#pragma once

#include "editor/render/tex_math.h"

#include <QColor>
#include <QFont>
#include <QPolygonF>
#include <QRectF>

#include <vector>

class QPainter;

namespace quire::editor {

// A formula laid out as positioned glyphs and lines, ready to paint. Coordinates are relative
// to the baseline origin; y grows downwards (Qt's convention), so ascent is above y = 0.
class MathLayout {
public:
    // `textFont` is the font of the surrounding text: size and weight follow it, the family
    // becomes a serif one. `display` lays out in TeX's display style (larger operators,
    // limits above and below).
    MathLayout(const MathNode& root, const QFont& textFont, bool display);

    qreal width() const { return m_width; }
    qreal ascent() const { return m_ascent; }
    qreal descent() const { return m_descent; }
    // Half the height of a lower-case letter in the text font: where the math axis sits.
    qreal axisHeight() const { return m_axis; }

    void paint(QPainter* painter, QPointF baselineOrigin, const QColor& color) const;

    // One thing to draw, placed at `pos`. Text is drawn at `offset` after translating to
    // `pos` and scaling; rules and strokes are relative to `pos`.
    struct Item {
        enum class Kind : quint8 { Text, Rule, Stroke, Dot };
        Kind kind = Kind::Text;
        int font = 0;
        QPointF pos;
        QPointF offset;
        qreal sx = 1;
        qreal sy = 1;
        qreal pen = 1;
        QString text;
        QRectF rect;    // Rule, Dot (the ellipse's bounds)
        QPolygonF line; // Stroke
    };

private:
    std::vector<QFont> m_fonts;
    std::vector<Item> m_items;
    qreal m_width = 0;
    qreal m_ascent = 0;
    qreal m_descent = 0;
    qreal m_axis = 0;
};

} // namespace quire::editor
