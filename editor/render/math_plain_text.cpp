#include "editor/render/tex_math.h"

#include <QStringList>

namespace quire::editor {

namespace {

QString superscript(const QString& s) {
    static const QString from = QStringLiteral("0123456789+−=()ni");
    static const QString to = QStringLiteral("⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱ");
    QString out;
    for (const QChar c : s) {
        const qsizetype i = from.indexOf(c);
        if (i < 0)
            return QStringLiteral("^(%1)").arg(s);
        out.append(to[i]);
    }
    return out;
}

QString subscript(const QString& s) {
    static const QString from = QStringLiteral("0123456789+−=()");
    static const QString to = QStringLiteral("₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎");
    QString out;
    for (const QChar c : s) {
        const qsizetype i = from.indexOf(c);
        if (i < 0)
            return QStringLiteral("_(%1)").arg(s);
        out.append(to[i]);
    }
    return out;
}

QString grouped(const MathNode& node) {
    const QString s = mathToPlainText(node);
    return s.size() <= 1 || node.kind == MathNode::Kind::Atom ? s : QStringLiteral("(%1)").arg(s);
}

} // namespace

QString mathToPlainText(const MathNode& node) {
    using K = MathNode::Kind;
    switch (node.kind) {
    case K::Row: {
        QString out;
        for (const MathNode& child : node.children) {
            const bool spaced = child.kind == K::Atom &&
                                (child.cls == MathClass::Rel || child.cls == MathClass::Bin) &&
                                !out.isEmpty();
            out += spaced ? QStringLiteral(" %1 ").arg(mathToPlainText(child))
                          : mathToPlainText(child);
        }
        return out.replace(QStringLiteral("  "), QStringLiteral(" "));
    }
    case K::Atom:
        return node.text;
    case K::Fraction:
        return grouped(node.children[0]) + QChar(node.hasBar ? u'/' : u' ') +
               grouped(node.children[1]);
    case K::Root:
        return (node.children.size() > 1 ? superscript(mathToPlainText(node.children[1]))
                                         : QString()) +
               u'√' + grouped(node.children[0]);
    case K::Scripts: {
        QString out = mathToPlainText(node.children[0]);
        if (!node.children[1].isEmpty())
            out += subscript(mathToPlainText(node.children[1]));
        if (!node.children[2].isEmpty()) {
            const QString sup = mathToPlainText(node.children[2]);
            out += sup.startsWith(u'′') ? sup : superscript(sup);
        }
        return out;
    }
    case K::Fenced:
        return node.text + mathToPlainText(node.children[0]) + node.text2;
    case K::Accent: {
        const QString body = mathToPlainText(node.children[0]);
        if (node.text == kOverlineAccent)
            return body + u'\u0305';
        if (node.text == kUnderlineAccent)
            return body + u'\u0332';
        return body + node.text;
    }
    case K::Space:
        return node.em >= 0.3f ? QStringLiteral(" ") : QString();
    case K::Grid: {
        QStringList rows;
        for (size_t r = 0; r * size_t(node.columns) < node.children.size(); ++r) {
            QString row;
            for (int c = 0; c < node.columns; ++c)
                row += mathToPlainText(node.children[r * size_t(node.columns) + size_t(c)]) +
                       (c + 1 < node.columns ? QStringLiteral(" ") : QString());
            rows.append(row.trimmed());
        }
        return node.text + rows.join(QStringLiteral("; ")) + node.text2;
    }
    }
    return {};
}

} // namespace quire::editor
