#include "editor/render/web_output_document.h"

#include "editor/render/render_colors.h"

namespace quire::editor {

namespace {

QString css(const QColor& color) {
    return color.name(QColor::HexRgb);
}

} // namespace

QString webOutputDocument(const QString& bodyHtml, const QPalette& palette, const QFont& font) {
    const QColor base = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    const bool dark = isDarkPalette(palette);
    const qreal points = font.pointSizeF() > 0 ? font.pointSizeF() : 10;
    QString family = font.family();
    family.remove(u'"').remove(u'<').remove(u'>');
    const QString style =
        QStringLiteral(":root{color-scheme:%1}"
                       "html{overflow:hidden}"
                       "body{margin:0;padding:0;background:%2;color:%3;"
                       "font-family:\"%4\",sans-serif;font-size:%5pt;line-height:1.4}"
                       ".quire-output{overflow-x:auto;overflow-y:hidden}"
                       "a{color:%6}"
                       "img{max-width:100%}"
                       "pre,code{font-family:monospace}"
                       "table{border-collapse:collapse;border-spacing:0;border:none;"
                       "margin:0 0 2px 0;font-size:%7pt}"
                       "thead{border-bottom:1px solid %8;vertical-align:bottom}"
                       "td,th,tr{text-align:right;vertical-align:middle;padding:.3em .6em;"
                       "line-height:normal;border:none;max-width:none}"
                       "th{font-weight:bold}"
                       "tbody tr:nth-child(odd){background:%9}"
                       "tbody tr:hover{background:%10}")
            .arg(dark ? u"dark" : u"light", css(base), css(text), family)
            .arg(points, 0, 'g', 3)
            .arg(css(linkColor(palette)))
            .arg(points * 0.92, 0, 'g', 3)
            .arg(css(mixColors(base, text, 0.35)), css(mixColors(base, text, dark ? 0.07 : 0.04)),
                 css(mixColors(base, QColor(0x42, 0x8b, 0xe6), 0.18)));
    return QStringLiteral("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><style>") + style +
           QStringLiteral("</style></head><body><div class=\"quire-output\">") + bodyHtml +
           QStringLiteral("</div></body></html>");
}

QString javascriptOutputBody(const QString& script) {
    QString safe = script;
    // "</script" would end the element early; "<\/script" means the same inside JavaScript.
    safe.replace(QStringLiteral("</script"), QStringLiteral("<\\/script"), Qt::CaseInsensitive);
    return QStringLiteral("<div id=\"quire-js-output\"></div><script>(function (element) {\n") +
           safe + QStringLiteral("\n})(document.getElementById(\"quire-js-output\"));</script>");
}

} // namespace quire::editor
