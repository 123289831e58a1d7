#include "editor/render/tex_symbols.h"

#include <QHash>

#include <array>
#include <iterator>

namespace quire::editor {

namespace {

struct Entry {
    const char* name;
    char16_t glyph[2];
    MathClass cls;
    MathFont font;
    bool largeOp;
    bool limits;
};

using C = MathClass;
using F = MathFont;

// clang-format off
constexpr Entry kEntries[] = {
    // Greek: lower case italic, upper case upright, as TeX sets them.
    {"alpha", u"α", C::Ord, F::Italic, 0, 0}, {"beta", u"β", C::Ord, F::Italic, 0, 0},
    {"gamma", u"γ", C::Ord, F::Italic, 0, 0}, {"delta", u"δ", C::Ord, F::Italic, 0, 0},
    {"epsilon", u"ϵ", C::Ord, F::Italic, 0, 0}, {"varepsilon", u"ε", C::Ord, F::Italic, 0, 0},
    {"zeta", u"ζ", C::Ord, F::Italic, 0, 0}, {"eta", u"η", C::Ord, F::Italic, 0, 0},
    {"theta", u"θ", C::Ord, F::Italic, 0, 0}, {"vartheta", u"ϑ", C::Ord, F::Italic, 0, 0},
    {"iota", u"ι", C::Ord, F::Italic, 0, 0}, {"kappa", u"κ", C::Ord, F::Italic, 0, 0},
    {"lambda", u"λ", C::Ord, F::Italic, 0, 0}, {"mu", u"μ", C::Ord, F::Italic, 0, 0},
    {"nu", u"ν", C::Ord, F::Italic, 0, 0}, {"xi", u"ξ", C::Ord, F::Italic, 0, 0},
    {"omicron", u"ο", C::Ord, F::Italic, 0, 0}, {"pi", u"π", C::Ord, F::Italic, 0, 0},
    {"varpi", u"ϖ", C::Ord, F::Italic, 0, 0}, {"rho", u"ρ", C::Ord, F::Italic, 0, 0},
    {"varrho", u"ϱ", C::Ord, F::Italic, 0, 0}, {"sigma", u"σ", C::Ord, F::Italic, 0, 0},
    {"varsigma", u"ς", C::Ord, F::Italic, 0, 0}, {"tau", u"τ", C::Ord, F::Italic, 0, 0},
    {"upsilon", u"υ", C::Ord, F::Italic, 0, 0}, {"phi", u"ϕ", C::Ord, F::Italic, 0, 0},
    {"varphi", u"φ", C::Ord, F::Italic, 0, 0}, {"chi", u"χ", C::Ord, F::Italic, 0, 0},
    {"psi", u"ψ", C::Ord, F::Italic, 0, 0}, {"omega", u"ω", C::Ord, F::Italic, 0, 0},
    {"Gamma", u"Γ", C::Ord, F::Roman, 0, 0}, {"Delta", u"Δ", C::Ord, F::Roman, 0, 0},
    {"Theta", u"Θ", C::Ord, F::Roman, 0, 0}, {"Lambda", u"Λ", C::Ord, F::Roman, 0, 0},
    {"Xi", u"Ξ", C::Ord, F::Roman, 0, 0}, {"Pi", u"Π", C::Ord, F::Roman, 0, 0},
    {"Sigma", u"Σ", C::Ord, F::Roman, 0, 0}, {"Upsilon", u"Υ", C::Ord, F::Roman, 0, 0},
    {"Phi", u"Φ", C::Ord, F::Roman, 0, 0}, {"Psi", u"Ψ", C::Ord, F::Roman, 0, 0},
    {"Omega", u"Ω", C::Ord, F::Roman, 0, 0},
    // Large operators.
    {"sum", u"∑", C::Op, F::Roman, 1, 1}, {"prod", u"∏", C::Op, F::Roman, 1, 1},
    {"coprod", u"∐", C::Op, F::Roman, 1, 1}, {"int", u"∫", C::Op, F::Roman, 1, 0},
    {"iint", u"∬", C::Op, F::Roman, 1, 0}, {"iiint", u"∭", C::Op, F::Roman, 1, 0},
    {"oint", u"∮", C::Op, F::Roman, 1, 0}, {"bigcup", u"⋃", C::Op, F::Roman, 1, 1},
    {"bigcap", u"⋂", C::Op, F::Roman, 1, 1}, {"bigoplus", u"⨁", C::Op, F::Roman, 1, 1},
    {"bigotimes", u"⨂", C::Op, F::Roman, 1, 1}, {"bigvee", u"⋁", C::Op, F::Roman, 1, 1},
    {"bigwedge", u"⋀", C::Op, F::Roman, 1, 1},
    // Named functions; the ones with limits put scripts under them in display style.
    {"sin", u"", C::Op, F::Roman, 0, 0}, {"cos", u"", C::Op, F::Roman, 0, 0},
    {"tan", u"", C::Op, F::Roman, 0, 0}, {"cot", u"", C::Op, F::Roman, 0, 0},
    {"sec", u"", C::Op, F::Roman, 0, 0}, {"csc", u"", C::Op, F::Roman, 0, 0},
    {"sinh", u"", C::Op, F::Roman, 0, 0}, {"cosh", u"", C::Op, F::Roman, 0, 0},
    {"tanh", u"", C::Op, F::Roman, 0, 0}, {"arcsin", u"", C::Op, F::Roman, 0, 0},
    {"arccos", u"", C::Op, F::Roman, 0, 0}, {"arctan", u"", C::Op, F::Roman, 0, 0},
    {"log", u"", C::Op, F::Roman, 0, 0}, {"ln", u"", C::Op, F::Roman, 0, 0},
    {"lg", u"", C::Op, F::Roman, 0, 0}, {"exp", u"", C::Op, F::Roman, 0, 0},
    {"arg", u"", C::Op, F::Roman, 0, 0}, {"deg", u"", C::Op, F::Roman, 0, 0},
    {"dim", u"", C::Op, F::Roman, 0, 0}, {"ker", u"", C::Op, F::Roman, 0, 0},
    {"hom", u"", C::Op, F::Roman, 0, 0}, {"det", u"", C::Op, F::Roman, 0, 1},
    {"gcd", u"", C::Op, F::Roman, 0, 1}, {"lim", u"", C::Op, F::Roman, 0, 1},
    {"max", u"", C::Op, F::Roman, 0, 1}, {"min", u"", C::Op, F::Roman, 0, 1},
    {"sup", u"", C::Op, F::Roman, 0, 1}, {"inf", u"", C::Op, F::Roman, 0, 1},
    {"Pr", u"", C::Op, F::Roman, 0, 1}, {"argmax", u"", C::Op, F::Roman, 0, 1},
    {"argmin", u"", C::Op, F::Roman, 0, 1}, {"limsup", u"", C::Op, F::Roman, 0, 1},
    {"liminf", u"", C::Op, F::Roman, 0, 1},
    // Binary operators.
    {"pm", u"±", C::Bin, F::Roman, 0, 0}, {"mp", u"∓", C::Bin, F::Roman, 0, 0},
    {"times", u"×", C::Bin, F::Roman, 0, 0}, {"div", u"÷", C::Bin, F::Roman, 0, 0},
    {"cdot", u"⋅", C::Bin, F::Roman, 0, 0}, {"ast", u"∗", C::Bin, F::Roman, 0, 0},
    {"star", u"⋆", C::Bin, F::Roman, 0, 0}, {"circ", u"∘", C::Bin, F::Roman, 0, 0},
    {"bullet", u"∙", C::Bin, F::Roman, 0, 0}, {"cup", u"∪", C::Bin, F::Roman, 0, 0},
    {"cap", u"∩", C::Bin, F::Roman, 0, 0}, {"setminus", u"∖", C::Bin, F::Roman, 0, 0},
    {"wedge", u"∧", C::Bin, F::Roman, 0, 0}, {"land", u"∧", C::Bin, F::Roman, 0, 0},
    {"vee", u"∨", C::Bin, F::Roman, 0, 0}, {"lor", u"∨", C::Bin, F::Roman, 0, 0},
    {"oplus", u"⊕", C::Bin, F::Roman, 0, 0}, {"ominus", u"⊖", C::Bin, F::Roman, 0, 0},
    {"otimes", u"⊗", C::Bin, F::Roman, 0, 0}, {"odot", u"⊙", C::Bin, F::Roman, 0, 0},
    {"wr", u"≀", C::Bin, F::Roman, 0, 0}, {"dagger", u"†", C::Bin, F::Roman, 0, 0},
    // Relations and arrows.
    {"leq", u"≤", C::Rel, F::Roman, 0, 0}, {"le", u"≤", C::Rel, F::Roman, 0, 0},
    {"geq", u"≥", C::Rel, F::Roman, 0, 0}, {"ge", u"≥", C::Rel, F::Roman, 0, 0},
    {"leqslant", u"⩽", C::Rel, F::Roman, 0, 0}, {"geqslant", u"⩾", C::Rel, F::Roman, 0, 0},
    {"neq", u"≠", C::Rel, F::Roman, 0, 0}, {"ne", u"≠", C::Rel, F::Roman, 0, 0},
    {"approx", u"≈", C::Rel, F::Roman, 0, 0}, {"equiv", u"≡", C::Rel, F::Roman, 0, 0},
    {"sim", u"∼", C::Rel, F::Roman, 0, 0}, {"simeq", u"≃", C::Rel, F::Roman, 0, 0},
    {"cong", u"≅", C::Rel, F::Roman, 0, 0}, {"propto", u"∝", C::Rel, F::Roman, 0, 0},
    {"ll", u"≪", C::Rel, F::Roman, 0, 0}, {"gg", u"≫", C::Rel, F::Roman, 0, 0},
    {"prec", u"≺", C::Rel, F::Roman, 0, 0}, {"succ", u"≻", C::Rel, F::Roman, 0, 0},
    {"in", u"∈", C::Rel, F::Roman, 0, 0}, {"notin", u"∉", C::Rel, F::Roman, 0, 0},
    {"ni", u"∋", C::Rel, F::Roman, 0, 0}, {"subset", u"⊂", C::Rel, F::Roman, 0, 0},
    {"supset", u"⊃", C::Rel, F::Roman, 0, 0}, {"subseteq", u"⊆", C::Rel, F::Roman, 0, 0},
    {"supseteq", u"⊇", C::Rel, F::Roman, 0, 0}, {"perp", u"⊥", C::Rel, F::Roman, 0, 0},
    {"parallel", u"∥", C::Rel, F::Roman, 0, 0}, {"mid", u"∣", C::Rel, F::Roman, 0, 0},
    {"models", u"⊨", C::Rel, F::Roman, 0, 0}, {"vdash", u"⊢", C::Rel, F::Roman, 0, 0},
    {"to", u"→", C::Rel, F::Roman, 0, 0}, {"rightarrow", u"→", C::Rel, F::Roman, 0, 0},
    {"leftarrow", u"←", C::Rel, F::Roman, 0, 0}, {"gets", u"←", C::Rel, F::Roman, 0, 0},
    {"leftrightarrow", u"↔", C::Rel, F::Roman, 0, 0}, {"Rightarrow", u"⇒", C::Rel, F::Roman, 0, 0},
    {"Leftarrow", u"⇐", C::Rel, F::Roman, 0, 0}, {"Leftrightarrow", u"⇔", C::Rel, F::Roman, 0, 0},
    {"implies", u"⟹", C::Rel, F::Roman, 0, 0}, {"impliedby", u"⟸", C::Rel, F::Roman, 0, 0},
    {"iff", u"⟺", C::Rel, F::Roman, 0, 0}, {"mapsto", u"↦", C::Rel, F::Roman, 0, 0},
    {"longrightarrow", u"⟶", C::Rel, F::Roman, 0, 0}, {"longleftarrow", u"⟵", C::Rel, F::Roman, 0, 0},
    {"longmapsto", u"⟼", C::Rel, F::Roman, 0, 0}, {"uparrow", u"↑", C::Rel, F::Roman, 0, 0},
    {"downarrow", u"↓", C::Rel, F::Roman, 0, 0}, {"nearrow", u"↗", C::Rel, F::Roman, 0, 0},
    {"searrow", u"↘", C::Rel, F::Roman, 0, 0}, {"rightleftharpoons", u"⇌", C::Rel, F::Roman, 0, 0},
    {"coloneqq", u"≔", C::Rel, F::Roman, 0, 0}, {"triangleq", u"≜", C::Rel, F::Roman, 0, 0},
    // Ordinary symbols.
    {"infty", u"∞", C::Ord, F::Roman, 0, 0}, {"partial", u"∂", C::Ord, F::Roman, 0, 0},
    {"nabla", u"∇", C::Ord, F::Roman, 0, 0}, {"forall", u"∀", C::Ord, F::Roman, 0, 0},
    {"exists", u"∃", C::Ord, F::Roman, 0, 0}, {"nexists", u"∄", C::Ord, F::Roman, 0, 0},
    {"emptyset", u"∅", C::Ord, F::Roman, 0, 0}, {"varnothing", u"∅", C::Ord, F::Roman, 0, 0},
    {"neg", u"¬", C::Ord, F::Roman, 0, 0}, {"lnot", u"¬", C::Ord, F::Roman, 0, 0},
    {"hbar", u"ℏ", C::Ord, F::Italic, 0, 0}, {"ell", u"ℓ", C::Ord, F::Italic, 0, 0},
    {"Re", u"ℜ", C::Ord, F::Roman, 0, 0}, {"Im", u"ℑ", C::Ord, F::Roman, 0, 0},
    {"aleph", u"ℵ", C::Ord, F::Roman, 0, 0}, {"wp", u"℘", C::Ord, F::Roman, 0, 0},
    {"angle", u"∠", C::Ord, F::Roman, 0, 0}, {"triangle", u"△", C::Ord, F::Roman, 0, 0},
    {"square", u"□", C::Ord, F::Roman, 0, 0}, {"top", u"⊤", C::Ord, F::Roman, 0, 0},
    {"bot", u"⊥", C::Ord, F::Roman, 0, 0}, {"prime", u"′", C::Ord, F::Roman, 0, 0},
    {"cdots", u"⋯", C::Ord, F::Roman, 0, 0}, {"ldots", u"…", C::Ord, F::Roman, 0, 0},
    {"dots", u"…", C::Ord, F::Roman, 0, 0}, {"vdots", u"⋮", C::Ord, F::Roman, 0, 0},
    {"ddots", u"⋱", C::Ord, F::Roman, 0, 0}, {"degree", u"°", C::Ord, F::Roman, 0, 0},
    {"checkmark", u"✓", C::Ord, F::Roman, 0, 0}, {"imath", u"ı", C::Ord, F::Italic, 0, 0},
    {"jmath", u"ȷ", C::Ord, F::Italic, 0, 0}, {"S", u"§", C::Ord, F::Roman, 0, 0},
    {"|", u"‖", C::Ord, F::Roman, 0, 0}, {"vert", u"|", C::Ord, F::Roman, 0, 0},
    {"Vert", u"‖", C::Ord, F::Roman, 0, 0}, {"%", u"%", C::Ord, F::Roman, 0, 0},
    {"$", u"$", C::Ord, F::Roman, 0, 0}, {"&", u"&", C::Ord, F::Roman, 0, 0},
    {"#", u"#", C::Ord, F::Roman, 0, 0}, {"_", u"_", C::Ord, F::Roman, 0, 0},
    {"backslash", u"∖", C::Ord, F::Roman, 0, 0},
    // Delimiters.
    {"{", u"{", C::Open, F::Roman, 0, 0}, {"}", u"}", C::Close, F::Roman, 0, 0},
    {"lbrace", u"{", C::Open, F::Roman, 0, 0}, {"rbrace", u"}", C::Close, F::Roman, 0, 0},
    {"langle", u"⟨", C::Open, F::Roman, 0, 0}, {"rangle", u"⟩", C::Close, F::Roman, 0, 0},
    {"lfloor", u"⌊", C::Open, F::Roman, 0, 0}, {"rfloor", u"⌋", C::Close, F::Roman, 0, 0},
    {"lceil", u"⌈", C::Open, F::Roman, 0, 0}, {"rceil", u"⌉", C::Close, F::Roman, 0, 0},
    {"lvert", u"|", C::Open, F::Roman, 0, 0}, {"rvert", u"|", C::Close, F::Roman, 0, 0},
    {"lVert", u"‖", C::Open, F::Roman, 0, 0}, {"rVert", u"‖", C::Close, F::Roman, 0, 0},
    {"lbrack", u"[", C::Open, F::Roman, 0, 0}, {"rbrack", u"]", C::Close, F::Roman, 0, 0},
    // Punctuation.
    {"colon", u":", C::Punct, F::Roman, 0, 0},
};
// clang-format on

const QHash<QString, TexSymbol>& symbolTable() {
    static const QHash<QString, TexSymbol> table = [] {
        QHash<QString, TexSymbol> t;
        t.reserve(int(std::size(kEntries)));
        for (const Entry& e : kEntries) {
            // Named functions (empty glyph) are spelled like their command.
            const QString name = QString::fromLatin1(e.name);
            const QString glyph = e.glyph[0] ? QString::fromUtf16(e.glyph) : name;
            t.insert(name, TexSymbol{glyph, e.cls, e.font, e.largeOp, e.limits});
        }
        return t;
    }();
    return table;
}

} // namespace

const TexSymbol* findTexSymbol(QStringView name) {
    const auto& table = symbolTable();
    const auto it = table.constFind(name.toString());
    return it == table.constEnd() ? nullptr : &*it;
}

QString texAccent(QStringView name) {
    if (name == u"bar" || name == u"overline" || name == u"overbrace")
        return QString(kOverlineAccent);
    if (name == u"underline" || name == u"underbrace")
        return QString(kUnderlineAccent);
    if (name == u"hat" || name == u"widehat")
        return QStringLiteral("ˆ");
    if (name == u"tilde" || name == u"widetilde")
        return QStringLiteral("˜");
    if (name == u"vec" || name == u"overrightarrow")
        return QStringLiteral("→");
    if (name == u"overleftarrow")
        return QStringLiteral("←");
    if (name == u"dot")
        return QStringLiteral("˙");
    if (name == u"ddot")
        return QStringLiteral("¨");
    if (name == u"check")
        return QStringLiteral("ˇ");
    if (name == u"breve")
        return QStringLiteral("˘");
    if (name == u"acute")
        return QStringLiteral("´");
    if (name == u"grave")
        return QStringLiteral("`");
    return {};
}

QString texAlphabet(QStringView alphabet, QStringView letters) {
    // Letters that Unicode encodes in the Letterlike Symbols block instead of the gaps
    // left in the Mathematical Alphanumeric Symbols block.
    static const QHash<QChar, char16_t> bb = {{u'C', u'ℂ'}, {u'H', u'ℍ'}, {u'N', u'ℕ'},
                                              {u'P', u'ℙ'}, {u'Q', u'ℚ'}, {u'R', u'ℝ'},
                                              {u'Z', u'ℤ'}};
    static const QHash<QChar, char16_t> cal = {{u'B', u'ℬ'}, {u'E', u'ℰ'}, {u'F', u'ℱ'},
                                               {u'H', u'ℋ'}, {u'I', u'ℐ'}, {u'L', u'ℒ'},
                                               {u'M', u'ℳ'}, {u'R', u'ℛ'}};
    static const QHash<QChar, char16_t> frak = {{u'C', u'ℭ'}, {u'H', u'ℌ'}, {u'I', u'ℑ'},
                                                {u'R', u'ℜ'}, {u'Z', u'ℨ'}};
    const QHash<QChar, char16_t>* special = nullptr;
    char32_t upper = 0;
    char32_t lower = 0;
    if (alphabet == u"mathbb") {
        special = &bb, upper = 0x1D538, lower = 0x1D552;
    } else if (alphabet == u"mathcal" || alphabet == u"mathscr") {
        special = &cal, upper = 0x1D49C, lower = 0x1D4B6;
    } else if (alphabet == u"mathfrak") {
        special = &frak, upper = 0x1D504, lower = 0x1D51E;
    } else {
        return letters.toString();
    }
    QString out;
    for (const QChar c : letters) {
        if (const auto it = special->constFind(c); it != special->constEnd()) {
            out.append(QChar(*it));
        } else if (c >= u'A' && c <= u'Z') {
            out.append(QString::fromUcs4(std::array{char32_t(upper + (c.unicode() - u'A'))}.data(), 1));
        } else if (c >= u'a' && c <= u'z') {
            out.append(QString::fromUcs4(std::array{char32_t(lower + (c.unicode() - u'a'))}.data(), 1));
        } else {
            out.append(c);
        }
    }
    return out;
}

} // namespace quire::editor
