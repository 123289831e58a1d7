#include "editor/render/math_object.h"

#include <QAbstractTextDocumentLayout>
#include <QFontMetrics>
#include <QPainter>
#include <QTextCursor>
#include <QTextDocument>

#include <cmath>

namespace quire::editor {

MathTextObject* MathTextObject::forDocument(QTextDocument* doc, bool registerNow) {
    auto* handler = doc->findChild<MathTextObject*>(QString(), Qt::FindDirectChildrenOnly);
    if (!handler)
        handler = new MathTextObject(doc);
    if (registerNow)
        handler->registerHandler();
    return handler;
}

void MathTextObject::registerHandler() {
    auto* doc = static_cast<QTextDocument*>(parent());
    if (doc->documentLayout()->handlerForObject(kObjectType) != this)
        doc->documentLayout()->registerHandler(kObjectType, this);
}

void MathTextObject::insertFormula(QTextCursor& cursor, const QString& tex, bool display) {
    auto f = std::make_unique<Formula>();
    f->root = parseTex(tex, display);
    f->display = display;
    QTextCharFormat format = cursor.charFormat();
    const QFont resolved = format.font().resolve(cursor.document()->defaultFont());
    format.setFont(resolved); // Qt measures AlignMiddle objects with the format's own font
    format.setObjectType(kObjectType);
    format.setVerticalAlignment(QTextCharFormat::AlignMiddle);
    format.setProperty(SourceProperty, tex);
    format.setProperty(DisplayProperty, display);
    format.setProperty(IndexProperty, int(m_formulas.size()));
    format.setToolTip(sourceText(format));
    m_formulas.push_back(std::move(f));
    cursor.insertText(QString(QChar::ObjectReplacementCharacter), format);
}

MathTextObject::Formula* MathTextObject::lookup(const QTextFormat& format) const {
    const int index = format.intProperty(IndexProperty);
    if (format.objectType() != kObjectType || index < 0 || size_t(index) >= m_formulas.size())
        return nullptr;
    return m_formulas[size_t(index)].get();
}

const MathNode* MathTextObject::formula(const QTextFormat& format) const {
    const Formula* f = lookup(format);
    return f ? &f->root : nullptr;
}

QString MathTextObject::sourceText(const QTextFormat& format) {
    const QString tex = format.stringProperty(SourceProperty);
    return format.boolProperty(DisplayProperty) ? QStringLiteral("$$%1$$").arg(tex)
                                                : QStringLiteral("$%1$").arg(tex);
}

const MathLayout& MathTextObject::layoutFor(Formula& f, const QTextFormat& format) const {
    const QFont font = format.toCharFormat().font();
    if (!f.layout || f.font != font) {
        f.font = font;
        f.layout.emplace(f.root, font, f.display);
    }
    return *f.layout;
}

qreal MathTextObject::halfXHeight(const QTextFormat& format) {
    return QFontMetrics(format.toCharFormat().font()).xHeight() / 2.0;
}

// QTextDocumentLayout places an AlignMiddle object with ascent (h - 1) / 2 + x-height / 2;
// size the object so that both the formula's ascent and its descent fit around that line.
QSizeF MathTextObject::intrinsicSize(QTextDocument*, int, const QTextFormat& format) {
    Formula* f = lookup(format);
    if (!f)
        return {};
    const MathLayout& layout = layoutFor(*f, format);
    const qreal hx = halfXHeight(format);
    const qreal half = std::ceil(std::max(layout.ascent() - hx, layout.descent() + hx));
    return QSizeF(std::ceil(layout.width()) + 2, 2 * half + 1);
}

void MathTextObject::drawObject(QPainter* painter, const QRectF& rect, QTextDocument*, int,
                                const QTextFormat& format) {
    Formula* f = lookup(format);
    if (!f)
        return;
    const MathLayout& layout = layoutFor(*f, format);
    const qreal hx = halfXHeight(format);
    const qreal half = std::ceil(std::max(layout.ascent() - hx, layout.descent() + hx));
    const QColor color = format.foreground().style() != Qt::NoBrush
                             ? format.foreground().color()
                             : painter->pen().color();
    layout.paint(painter, QPointF(rect.left() + 1, rect.top() + half + hx), color);
}

} // namespace quire::editor
