#include "editor/render/math_layout.h"

#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <array>
#include <optional>

namespace quire::editor {

namespace {

using Item = MathLayout::Item;
using K = MathNode::Kind;

// TeX styles: 0 display, 1 text, 2 script, 3 scriptscript.
constexpr std::array<qreal, 4> kStyleScale = {1.0, 1.0, 0.71, 0.55};

int scriptStyle(int style) { return style < 2 ? 2 : 3; }
int fractionStyle(int style) { return std::min(style + 1, 3); }

struct Box {
    qreal w = 0;
    qreal asc = 0;
    qreal desc = 0;
    bool italic = false;
    std::vector<Item> items;

    void add(Box&& b, qreal dx, qreal dy) {
        for (Item& it : b.items) {
            it.pos += QPointF(dx, dy);
            items.push_back(std::move(it));
        }
    }
};

struct FontInfo {
    QFont font;
    QFontMetricsF fm;
    MathFont kind;
    qreal size;
    qreal em;
    qreal xHeight;
    std::optional<qreal> axis;
};

// Spacing between neighbouring atoms in eighteenths of an em, from TeX's table
// (TeXbook ch. 18); negative entries apply in display and text style only.
constexpr int kSpacing[7][7] = {
    // Ord Op Bin Rel Open Close Punct (right)
    {0, 3, -4, -5, 0, 0, 0},   // Ord
    {3, 3, 0, -5, 0, 0, 0},    // Op
    {-4, -4, 0, 0, -4, 0, 0},  // Bin
    {-5, -5, 0, 0, -5, 0, 0},  // Rel
    {0, 0, 0, 0, 0, 0, 0},     // Open
    {0, 3, -4, -5, 0, 0, 0},   // Close
    {-3, -3, 0, -3, -3, -3, -3}, // Punct
};

class Layouter {
public:
    Layouter(const QFont& textFont, std::vector<QFont>& fonts) : m_text(textFont), m_out(fonts) {}

    qreal axisOf(int style) { return axis(fontFor(MathFont::Roman, style)); }

    Box node(const MathNode& n, int style) {
        switch (n.kind) {
        case K::Row: return row(n.children, style);
        case K::Atom: return atom(n, style);
        case K::Fraction: return fraction(n, style);
        case K::Root: return root(n, style);
        case K::Scripts: return scripts(n, style);
        case K::Fenced: return fenced(n.text, node(n.children[0], style), n.text2, style);
        case K::Accent: return accent(n, style);
        case K::Space: {
            Box b;
            b.w = n.em * info(fontFor(MathFont::Roman, style)).em;
            return b;
        }
        case K::Grid: return grid(n, style);
        }
        return {};
    }

private:
    static MathClass classOf(const MathNode& n) {
        return (n.kind == K::Atom || n.kind == K::Scripts) ? n.cls : MathClass::Ord;
    }

    int fontFor(MathFont kind, int style, qreal scale = 1) {
        const qreal size = kStyleScale[size_t(style)] * scale;
        for (size_t i = 0; i < m_infos.size(); ++i) {
            if (m_infos[i].kind == kind && qFuzzyCompare(m_infos[i].size, size))
                return int(i);
        }
        QFont f = m_text;
        if (kind == MathFont::Mono) {
            f.setFamilies({QStringLiteral("DejaVu Sans Mono"), QStringLiteral("Menlo"),
                           QStringLiteral("Consolas")});
            f.setStyleHint(QFont::Monospace);
        } else if (kind == MathFont::Sans) {
            f.setFamilies({QStringLiteral("DejaVu Sans"), QStringLiteral("Helvetica"),
                           QStringLiteral("Arial")});
            f.setStyleHint(QFont::SansSerif);
        } else {
            f.setFamilies({QStringLiteral("STIX Two Math"), QStringLiteral("Cambria Math"),
                           QStringLiteral("DejaVu Serif"), QStringLiteral("Times New Roman")});
            f.setStyleHint(QFont::Serif);
        }
        f.setItalic(kind == MathFont::Italic || kind == MathFont::BoldItalic);
        if (kind == MathFont::Bold || kind == MathFont::BoldItalic)
            f.setWeight(QFont::Bold);
        if (m_text.pixelSize() > 0)
            f.setPixelSize(std::max(1, qRound(m_text.pixelSize() * size)));
        else
            f.setPointSizeF(std::max(1.0, m_text.pointSizeF() * size));
        QFontMetricsF fm(f);
        const qreal em = m_text.pixelSize() > 0 ? f.pixelSize() : f.pointSizeF() * fm.fontDpi() / 72;
        m_infos.push_back(FontInfo{f, fm, kind, size, em, fm.xHeight(), std::nullopt});
        m_out.push_back(f);
        return int(m_infos.size() - 1);
    }

    FontInfo& info(int font) { return m_infos[size_t(font)]; }

    qreal axis(int font) {
        FontInfo& fi = info(font);
        if (!fi.axis) // the middle of the minus sign is the math axis
            fi.axis = -fi.fm.tightBoundingRect(QStringLiteral("−")).center().y();
        return *fi.axis;
    }

    qreal thickness(int style) {
        return std::max(1.0, info(fontFor(MathFont::Roman, style)).em * 0.05);
    }

    Box text(const QString& s, int font) {
        FontInfo& fi = info(font);
        const QRectF tight = fi.fm.tightBoundingRect(s);
        Box b;
        b.w = fi.fm.horizontalAdvance(s);
        b.asc = std::max(-tight.top(), fi.xHeight * 0.5);
        b.desc = std::max(tight.bottom(), 0.0);
        b.italic = fi.font.italic();
        Item it;
        it.font = font;
        it.text = s;
        b.items.push_back(std::move(it));
        return b;
    }

    Box atom(const MathNode& n, int style) {
        if (n.largeOp || n.scale != 1) {
            const qreal scale = n.largeOp ? (style == 0 ? 1.6 : 1.15) : n.scale;
            const int f = fontFor(n.font, style, scale);
            // Big operators and delimiters are centred on the axis, not set on the baseline.
            Box b = text(n.text, f);
            const QRectF tight = info(f).fm.tightBoundingRect(n.text);
            const qreal y0 = -axisOf(style) - tight.center().y();
            b.items.front().pos.ry() = y0;
            b.asc = -(y0 + tight.top());
            b.desc = y0 + tight.bottom();
            return b;
        }
        return text(n.text, fontFor(n.font, style));
    }

    Box row(const std::vector<MathNode>& children, int style) {
        Box out;
        std::optional<MathClass> prev;
        for (size_t i = 0; i < children.size(); ++i) {
            const MathNode& c = children[i];
            if (c.kind == K::Space) {
                out.w += node(c, style).w;
                continue;
            }
            // Merge runs of plain ordinary atoms into one text item ("abc", "12.5").
            if (c.kind == K::Atom && c.cls == MathClass::Ord && !c.largeOp && c.scale == 1) {
                QString s = c.text;
                while (i + 1 < children.size() && children[i + 1].kind == K::Atom &&
                       children[i + 1].cls == MathClass::Ord && children[i + 1].font == c.font &&
                       !children[i + 1].largeOp && children[i + 1].scale == 1)
                    s += children[++i].text;
                appendSpaced(out, text(s, fontFor(c.font, style)), prev, MathClass::Ord, style);
                continue;
            }
            MathClass cls = classOf(c);
            if (cls == MathClass::Bin) {
                const bool afterOperand = prev && (*prev == MathClass::Ord || *prev == MathClass::Close);
                const bool beforeOperand =
                    i + 1 < children.size() && classOf(children[i + 1]) != MathClass::Rel &&
                    classOf(children[i + 1]) != MathClass::Close &&
                    classOf(children[i + 1]) != MathClass::Punct;
                if (!afterOperand || !beforeOperand)
                    cls = MathClass::Ord; // unary minus, "a + ="
            }
            appendSpaced(out, node(c, style), prev, cls, style);
        }
        return out;
    }

    void appendSpaced(Box& out, Box&& b, std::optional<MathClass>& prev, MathClass cls, int style) {
        if (prev) {
            const int mu = kSpacing[int(*prev)][int(cls)];
            if (mu > 0 || (mu < 0 && style < 2))
                out.w += std::abs(mu) / 18.0 * info(fontFor(MathFont::Roman, style)).em;
        }
        prev = cls;
        const qreal x = out.w;
        out.asc = std::max(out.asc, b.asc);
        out.desc = std::max(out.desc, b.desc);
        out.w += b.w;
        out.italic = b.italic;
        out.add(std::move(b), x, 0);
    }

    Box fraction(const MathNode& n, int style) {
        const int cs = fractionStyle(style);
        Box num = node(n.children[0], cs);
        Box den = node(n.children[1], cs);
        const int f = fontFor(MathFont::Roman, style);
        const qreal em = info(f).em;
        const qreal t = thickness(style);
        const qreal ax = axis(f);
        const qreal gap = style == 0 ? std::max(2.5 * t, 0.16 * em) : std::max(1.5 * t, 0.1 * em);
        const qreal pad = 0.12 * em;
        const qreal up = std::max(ax + t / 2 + gap + num.desc, (style == 0 ? 0.68 : 0.42) * em);
        const qreal down = std::max(den.asc + gap + t / 2 - ax, (style == 0 ? 0.69 : 0.36) * em);
        Box b;
        b.w = std::max(num.w, den.w) + 2 * pad;
        b.asc = up + num.asc;
        b.desc = down + den.desc;
        const qreal nw = num.w;
        const qreal dw = den.w;
        b.add(std::move(num), (b.w - nw) / 2, -up);
        b.add(std::move(den), (b.w - dw) / 2, down);
        if (n.hasBar) {
            Item bar;
            bar.kind = Item::Kind::Rule;
            bar.rect = QRectF(0.05 * em, -ax - t / 2, b.w - 0.1 * em, t);
            b.items.push_back(std::move(bar));
        }
        return b;
    }

    Box root(const MathNode& n, int style) {
        Box body = node(n.children[0], style);
        const int f = fontFor(MathFont::Roman, style);
        const qreal em = info(f).em;
        const qreal t = thickness(style);
        const qreal gap = t + 0.12 * em;
        const qreal top = -(std::max(body.asc, info(f).xHeight) + gap + t);
        const qreal bottom = std::max(body.desc, 0.0) + 0.05 * em;
        const qreal h = bottom - top;
        const qreal rw = 0.42 * em + 0.06 * h;
        qreal shift = 0;
        Box index;
        const bool hasIndex = n.children.size() > 1;
        if (hasIndex) {
            index = node(n.children[1], 3);
            shift = std::max(0.0, index.w - 0.5 * rw);
        }
        const QPointF p0(shift, top + 0.62 * h);
        const QPointF p1(shift + 0.2 * rw, top + 0.55 * h);
        const QPointF p2(shift + 0.5 * rw, bottom);
        const QPointF p3(shift + rw, top + t / 2);
        const QPointF p4(shift + rw + body.w + 0.1 * em, top + t / 2);
        Box b;
        b.w = p4.x() + 0.05 * em;
        b.asc = -top + t;
        b.desc = bottom;
        Item sign;
        sign.kind = Item::Kind::Stroke;
        sign.pen = t;
        sign.line = QPolygonF({p0, p1, p2, p3, p4});
        b.items.push_back(sign);
        Item stem = sign; // the down stroke is heavier, as in print
        stem.pen = 1.8 * t;
        stem.line = QPolygonF({p1, p2});
        b.items.push_back(std::move(stem));
        if (hasIndex) {
            const qreal iy = top + 0.5 * h - index.desc - 0.05 * em;
            b.asc = std::max(b.asc, -iy + index.asc);
            const qreal iw = index.w;
            b.add(std::move(index), shift + 0.5 * rw - iw, iy);
        }
        b.add(std::move(body), shift + rw + 0.05 * em, 0);
        return b;
    }

    Box scripts(const MathNode& n, int style) {
        Box base = node(n.children[0], style);
        const bool hasSub = !n.children[1].isEmpty();
        const bool hasSup = !n.children[2].isEmpty();
        const int ss = scriptStyle(style);
        Box sub = hasSub ? node(n.children[1], ss) : Box{};
        Box sup = hasSup ? node(n.children[2], ss) : Box{};
        const FontInfo& fi = info(fontFor(MathFont::Roman, style));
        const qreal em = fi.em;
        Box b;
        if (n.limits && (style == 0 || n.stacked)) {
            const qreal gap = 0.15 * em;
            b.w = std::max({base.w, sub.w, sup.w});
            b.asc = base.asc + (hasSup ? gap + sup.desc + sup.asc : 0);
            b.desc = base.desc + (hasSub ? gap + sub.asc + sub.desc : 0);
            const qreal supY = -(base.asc + gap + sup.desc);
            const qreal subY = base.desc + gap + sub.asc;
            const qreal bw = base.w, uw = sup.w, dw = sub.w;
            b.add(std::move(base), (b.w - bw) / 2, 0);
            b.add(std::move(sup), (b.w - uw) / 2, supY);
            b.add(std::move(sub), (b.w - dw) / 2, subY);
            return b;
        }
        const qreal italicCorrection = base.italic ? 0.08 * em : 0;
        qreal up = std::max({0.42 * em, base.asc - 0.3 * em, sup.desc + 0.25 * fi.xHeight});
        qreal down = std::max({0.2 * em, base.desc + 0.05 * em, sub.asc - 0.8 * fi.xHeight});
        if (hasSub && hasSup) {
            const qreal clearance = (up - sup.desc) - (sub.asc - down);
            if (clearance < 0.2 * em)
                down += 0.2 * em - clearance;
        }
        b.w = base.w + std::max(hasSup ? sup.w + italicCorrection : 0.0, sub.w) + 0.04 * em;
        b.asc = std::max(base.asc, hasSup ? up + sup.asc : 0.0);
        b.desc = std::max(base.desc, hasSub ? down + sub.desc : 0.0);
        const qreal x = base.w;
        b.add(std::move(base), 0, 0);
        b.add(std::move(sup), x + italicCorrection, -up);
        b.add(std::move(sub), x, down);
        return b;
    }

    // A delimiter at least `height` tall, centred on the axis (glyphs are stretched).
    Box delimiter(const QString& glyph, qreal height, int style) {
        const int f = fontFor(MathFont::Roman, style);
        const qreal em = info(f).em;
        if (glyph.isEmpty()) {
            Box b;
            b.w = 0.12 * em;
            return b;
        }
        Box b = text(glyph, f);
        const QRectF tight = info(f).fm.tightBoundingRect(glyph);
        if (height <= tight.height() * 1.05)
            return b;
        const qreal ax = axis(f);
        Item& it = b.items.front();
        it.sy = height / tight.height();
        it.sx = std::min(1.6, 1 + (it.sy - 1) * 0.12);
        it.pos = QPointF(0, -ax);
        it.offset = QPointF(0, -tight.center().y());
        b.w *= it.sx;
        b.asc = ax + height / 2;
        b.desc = height / 2 - ax;
        return b;
    }

    Box fenced(const QString& left, Box&& body, const QString& right, int style) {
        const qreal ax = axisOf(style);
        const qreal half = std::max(body.asc - ax, body.desc + ax);
        const qreal height = 2 * half * 1.08;
        Box out;
        std::optional<MathClass> prev;
        appendSpaced(out, delimiter(left, height, style), prev, MathClass::Open, style);
        appendSpaced(out, std::move(body), prev, MathClass::Ord, style);
        appendSpaced(out, delimiter(right, height, style), prev, MathClass::Close, style);
        return out;
    }

    Box accent(const MathNode& n, int style) {
        Box body = node(n.children[0], style);
        const int f = fontFor(MathFont::Roman, style);
        const qreal em = info(f).em;
        const qreal t = thickness(style);
        const qreal gap = 0.1 * em;
        Box b;
        b.w = body.w;
        b.asc = body.asc;
        b.desc = body.desc;
        b.italic = body.italic;
        const qreal centre = body.w / 2 + (body.italic ? 0.06 * em : 0);
        const qreal bottom = -(body.asc + gap); // where an accent above the body ends
        const qreal width = std::clamp(body.w * 0.9, 0.3 * em, std::max(0.3 * em, body.w));
        const auto stroke = [&](QPolygonF line) {
            Item it;
            it.kind = Item::Kind::Stroke;
            it.pen = t;
            it.line = std::move(line);
            b.items.push_back(std::move(it));
        };
        const auto dot = [&](qreal x) {
            Item it;
            it.kind = Item::Kind::Dot;
            const qreal r = std::max(0.8, 0.055 * em);
            it.rect = QRectF(x - r, bottom - 2 * r, 2 * r, 2 * r);
            b.items.push_back(std::move(it));
        };
        // Accents are drawn, not taken from a font: fonts disagree on where their spacing
        // accents sit, and drawn ones stretch over wide bodies.
        const QString& a = n.text;
        qreal height = 0;
        if (a == kOverlineAccent || a == kUnderlineAccent) {
            Item rule;
            rule.kind = Item::Kind::Rule;
            const bool over = a == kOverlineAccent;
            rule.rect = QRectF(0, over ? bottom - t : body.desc + gap, body.w, t);
            b.items.push_back(std::move(rule));
            (over ? b.asc : b.desc) += gap + 2 * t;
        } else if (a == u"ˆ" || a == u"ˇ") {
            height = std::min(0.22 * em, 0.1 * em + 0.05 * width);
            const qreal tip = a == u"ˆ" ? bottom - height : bottom;
            const qreal ends = a == u"ˆ" ? bottom : bottom - height;
            stroke(QPolygonF({QPointF(centre - width / 2, ends), QPointF(centre, tip),
                              QPointF(centre + width / 2, ends)}));
        } else if (a == u"˜") {
            height = 0.12 * em;
            QPolygonF wave;
            for (int i = 0; i <= 12; ++i) {
                const qreal u = i / 12.0;
                wave << QPointF(centre - width / 2 + u * width,
                                bottom - height / 2 - height / 2 * std::sin(u * 2 * std::numbers::pi));
            }
            stroke(wave);
        } else if (a == u"→" || a == u"←") {
            height = 0.2 * em;
            const qreal y = bottom - height / 2;
            const qreal head = 0.12 * em;
            const qreal x0 = centre - width / 2;
            const qreal x1 = centre + width / 2;
            stroke(QPolygonF({QPointF(x0, y), QPointF(x1, y)}));
            const qreal tipX = a == u"→" ? x1 : x0;
            const qreal back = a == u"→" ? -head : head;
            stroke(QPolygonF({QPointF(tipX + back, y - head * 0.7), QPointF(tipX, y),
                              QPointF(tipX + back, y + head * 0.7)}));
        } else if (a == u"˙" || a == u"¨") {
            height = 0.12 * em;
            if (a == u"˙") {
                dot(centre);
            } else {
                dot(centre - 0.12 * em);
                dot(centre + 0.12 * em);
            }
        } else {
            const QRectF tight = info(f).fm.tightBoundingRect(a);
            Item it;
            it.font = f;
            it.text = a;
            it.pos = QPointF(centre, bottom - tight.bottom());
            it.offset = QPointF(-tight.center().x(), 0);
            b.items.push_back(std::move(it));
            height = tight.height();
        }
        if (height > 0)
            b.asc = body.asc + gap + height + t;
        b.add(std::move(body), 0, 0);
        return b;
    }

    Box grid(const MathNode& n, int style) {
        const size_t cols = size_t(std::max(1, n.columns));
        const size_t rows = (n.children.size() + cols - 1) / cols;
        const int f = fontFor(MathFont::Roman, style);
        const qreal em = info(f).em;
        std::vector<Box> cells;
        cells.reserve(n.children.size());
        std::vector<qreal> colW(cols, 0), rowAsc(rows, 0.75 * em), rowDesc(rows, 0.3 * em);
        for (size_t i = 0; i < n.children.size(); ++i) {
            cells.push_back(node(n.children[i], style));
            colW[i % cols] = std::max(colW[i % cols], cells.back().w);
            rowAsc[i / cols] = std::max(rowAsc[i / cols], cells.back().asc);
            rowDesc[i / cols] = std::max(rowDesc[i / cols], cells.back().desc);
        }
        const auto alignOf = [&](size_t c) { return c < size_t(n.align.size()) ? n.align[qsizetype(c)] : 'c'; };
        std::vector<qreal> colX(cols, 0);
        qreal x = 0;
        for (size_t c = 0; c < cols; ++c) {
            colX[c] = x;
            x += colW[c];
            if (c + 1 < cols)
                x += (alignOf(c) == 'r' && alignOf(c + 1) == 'l') ? 0 : (alignOf(c) == 'l' && alignOf(c + 1) == 'r') ? 2 * em : em;
        }
        const qreal rowGap = (style == 0 ? 0.35 : 0.2) * em;
        qreal height = rowGap * qreal(rows - 1);
        for (size_t r = 0; r < rows; ++r)
            height += rowAsc[r] + rowDesc[r];
        const qreal top = -axis(f) - height / 2;
        Box body;
        body.w = x;
        body.asc = -top;
        body.desc = top + height;
        qreal y = top;
        for (size_t r = 0; r < rows; ++r) {
            y += rowAsc[r];
            for (size_t c = 0; c < cols && r * cols + c < cells.size(); ++c) {
                Box& cell = cells[r * cols + c];
                const char a = alignOf(c);
                const qreal dx = a == 'l' ? 0 : a == 'r' ? colW[c] - cell.w : (colW[c] - cell.w) / 2;
                body.add(std::move(cell), colX[c] + dx, y);
            }
            y += rowDesc[r] + rowGap;
        }
        if (n.text.isEmpty() && n.text2.isEmpty())
            return body;
        return fenced(n.text, std::move(body), n.text2, style);
    }

    QFont m_text;
    std::vector<QFont>& m_out;
    std::vector<FontInfo> m_infos;
};

} // namespace

MathLayout::MathLayout(const MathNode& root, const QFont& textFont, bool display) {
    Layouter layouter(textFont, m_fonts);
    Box b = layouter.node(root, display ? 0 : 1);
    m_width = b.w;
    m_ascent = b.asc;
    m_descent = b.desc;
    m_axis = layouter.axisOf(1);
    m_items = std::move(b.items);
}

void MathLayout::paint(QPainter* painter, QPointF origin, const QColor& color) const {
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(color);
    for (const Item& it : m_items) {
        switch (it.kind) {
        case Item::Kind::Text:
            painter->setFont(m_fonts[size_t(it.font)]);
            if (it.sx == 1 && it.sy == 1) {
                painter->drawText(origin + it.pos + it.offset, it.text);
            } else {
                painter->save();
                painter->translate(origin + it.pos);
                painter->scale(it.sx, it.sy);
                painter->drawText(it.offset, it.text);
                painter->restore();
            }
            break;
        case Item::Kind::Rule:
            painter->fillRect(it.rect.translated(origin + it.pos), color);
            break;
        case Item::Kind::Dot:
            painter->setPen(Qt::NoPen);
            painter->setBrush(color);
            painter->drawEllipse(it.rect.translated(origin + it.pos));
            painter->setBrush(Qt::NoBrush);
            painter->setPen(color);
            break;
        case Item::Kind::Stroke:
            painter->setPen(QPen(color, it.pen, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
            painter->drawPolyline(it.line.translated(origin + it.pos));
            painter->setPen(color);
            break;
        }
    }
    painter->restore();
}

} // namespace quire::editor
