#include "lexer_factory.h"

#include "r_lexer.h"

#include <Qsci/qscilexerbash.h>
#include <Qsci/qscilexercpp.h>
#include <Qsci/qscilexerjavascript.h>
#include <Qsci/qscilexerjson.h>
#include <Qsci/qscilexerlua.h>
#include <Qsci/qscilexermarkdown.h>
#include <Qsci/qscilexeroctave.h>
#include <Qsci/qscilexerperl.h>
#include <Qsci/qscilexerpython.h>
#include <Qsci/qscilexerruby.h>
#include <Qsci/qscilexersql.h>

namespace quire::editor {

bool isDarkPalette(const QPalette& palette) {
    return palette.color(QPalette::Base).lightness() < 128;
}

namespace {
QsciLexer* makeLexer(const QString& lang, QObject* parent) {
    if (lang == QLatin1String("python") || lang == QLatin1String("ipython") ||
        lang.startsWith(QLatin1String("python"))) {
        auto* l = new QsciLexerPython(parent);
        l->setIndentationWarning(QsciLexerPython::NoWarning);
        return l;
    }
    if (lang == QLatin1String("r"))
        return new RLexer(parent);
    if (lang == QLatin1String("bash") || lang == QLatin1String("sh") ||
        lang == QLatin1String("shell"))
        return new QsciLexerBash(parent);
    if (lang == QLatin1String("javascript") || lang == QLatin1String("typescript"))
        return new QsciLexerJavaScript(parent);
    if (lang == QLatin1String("c++") || lang == QLatin1String("cpp") ||
        lang == QLatin1String("c") || lang == QLatin1String("cuda"))
        return new QsciLexerCPP(parent);
    if (lang == QLatin1String("sql"))
        return new QsciLexerSQL(parent);
    if (lang == QLatin1String("json"))
        return new QsciLexerJSON(parent);
    if (lang == QLatin1String("ruby"))
        return new QsciLexerRuby(parent);
    if (lang == QLatin1String("perl"))
        return new QsciLexerPerl(parent);
    if (lang == QLatin1String("lua"))
        return new QsciLexerLua(parent);
    if (lang == QLatin1String("octave") || lang == QLatin1String("matlab"))
        return new QsciLexerOctave(parent);
    if (lang == QLatin1String("markdown"))
        return new QsciLexerMarkdown(parent);
    return nullptr;
}

// Dark themes keep each style's hue but lift its lightness so it reads on a dark background.
QColor forDark(const QColor& c) {
    float h, s, l, a;
    c.getHslF(&h, &s, &l, &a);
    l = std::max(0.62f, 1.0f - l * 0.55f);
    return QColor::fromHslF(h, std::min(1.0f, s * 0.85f), l, a);
}
} // namespace

QsciLexer* createLexer(const QString& language, const QPalette& palette, const QFont& font,
                       QObject* parent) {
    QsciLexer* lexer = makeLexer(language.toLower(), parent);
    if (!lexer)
        return nullptr;
    const bool dark = isDarkPalette(palette);
    const QColor paper = palette.color(QPalette::Base);
    lexer->setDefaultPaper(paper);
    lexer->setDefaultColor(palette.color(QPalette::Text));
    lexer->setDefaultFont(font);
    for (int style = 0; style < 128; ++style) {
        if (lexer->description(style).isEmpty())
            continue;
        lexer->setPaper(paper, style);
        lexer->setFont(font, style);
        if (dark) {
            const QColor c = lexer->defaultColor(style);
            // Plain (black/grey) text takes the palette's text colour; colours keep their hue.
            lexer->setColor(c.hslSaturation() < 40 ? palette.color(QPalette::Text) : forDark(c),
                            style);
        }
    }
    return lexer;
}

} // namespace quire::editor
