#include "editor/render/tex_math.h"

#include "editor/render/tex_symbols.h"

#include <QStringList>

namespace quire::editor {

namespace {

constexpr int kMaxDepth = 48; // deeper nesting is shown as source rather than risking the stack

MathNode atom(QString text, MathClass cls = MathClass::Ord, MathFont font = MathFont::Roman) {
    MathNode n;
    n.kind = MathNode::Kind::Atom;
    n.text = std::move(text);
    n.cls = cls;
    n.font = font;
    return n;
}

MathNode space(float em) {
    MathNode n;
    n.kind = MathNode::Kind::Space;
    n.em = em;
    return n;
}

MathNode wrap(MathNode::Kind kind, std::vector<MathNode> children) {
    MathNode n;
    n.kind = kind;
    n.children = std::move(children);
    return n;
}

bool isMathEnvironment(QStringView env) {
    static const QStringList names = {
        "matrix",  "pmatrix",  "bmatrix",  "Bmatrix", "vmatrix",   "Vmatrix",   "smallmatrix",
        "cases",   "array",    "align",    "align*",  "aligned",   "alignat",   "alignat*",
        "gather",  "gather*",  "gathered", "split",   "multline",  "multline*", "equation",
        "equation*", "eqnarray", "eqnarray*", "flalign", "flalign*", "subequations"};
    return names.contains(env.toString());
}

bool isBigCommand(QStringView name) {
    static const QStringList names = {"big",  "Big",  "bigg",  "Bigg",  "bigl",  "bigr",
                                      "Bigl", "Bigr", "biggl", "biggr", "Biggl", "Biggr",
                                      "bigm", "Bigm", "biggm", "Biggm"};
    return names.contains(name.toString());
}

class TexParser {
public:
    explicit TexParser(QStringView s) : m_s(s) {}

    MathNode parseTop(bool display) {
        if (display)
            return parseGrid(QString(), /*topLevel=*/true);
        return parseRow(0);
    }

private:
    // What ends a row besides the end of input.
    enum Stop : unsigned { AtBrace = 1, AtBracket = 2, AtCell = 4, AtRight = 8, AtEnd = 16 };

    bool atEnd() const { return m_i >= m_s.size(); }
    QChar peek(qsizetype ahead = 0) const {
        return m_i + ahead < m_s.size() ? m_s[m_i + ahead] : QChar();
    }
    void skipSpaces() {
        while (!atEnd() && peek().isSpace())
            ++m_i;
    }

    // A command name after a backslash: letters, or one non-letter character.
    QString readCommand() {
        ++m_i; // the backslash
        const qsizetype start = m_i;
        while (!atEnd() && peek().isLetter())
            ++m_i;
        if (m_i == start && !atEnd())
            ++m_i;
        if (m_i - start > 0 && m_s[start].isLetter() && peek() == u'*')
            ++m_i; // starred variants (\operatorname*) behave the same here
        return m_s.mid(start, m_i - start).toString();
    }

    bool lookingAtCommand(QStringView name) const {
        return peek() == u'\\' && m_s.mid(m_i + 1).startsWith(name) &&
               !(m_i + 1 + name.size() < m_s.size() && m_s[m_i + 1 + name.size()].isLetter());
    }

    // The raw text of a {group}, for \text, environment names and column specs.
    QString readRawGroup() {
        skipSpaces();
        if (peek() != u'{') {
            if (atEnd())
                return {};
            return QString(m_s[m_i++]);
        }
        int depth = 0;
        const qsizetype start = m_i + 1;
        for (; !atEnd(); ++m_i) {
            if (peek() == u'\\') {
                ++m_i;
                continue;
            }
            if (peek() == u'{')
                ++depth;
            else if (peek() == u'}' && --depth == 0)
                break;
        }
        const QString raw = m_s.mid(start, std::min(m_i, m_s.size()) - start).toString();
        if (!atEnd())
            ++m_i;
        return raw;
    }

    MathNode parseRow(unsigned stops) {
        MathNode row;
        if (++m_depth > kMaxDepth) {
            row.children.push_back(atom(m_s.mid(m_i).toString(), MathClass::Ord, MathFont::Mono));
            m_i = m_s.size();
            --m_depth;
            return row;
        }
        while (!atEnd()) {
            const QChar c = peek();
            if ((c == u'}' && (stops & AtBrace)) || (c == u']' && (stops & AtBracket)) ||
                (c == u'&' && (stops & AtCell)) ||
                (c == u'\\' && peek(1) == u'\\' && (stops & AtCell)) ||
                ((stops & AtRight) && lookingAtCommand(u"right")) ||
                ((stops & AtEnd) && lookingAtCommand(u"end")))
                break;
            if (c == u'}' || c == u'&') { // stray: TeX would complain, we skip it
                ++m_i;
                continue;
            }
            if (c == u'^' || c == u'_' || c == u'\'') {
                if (row.children.empty())
                    row.children.push_back(MathNode{});
                attachScript(row.children.back());
                continue;
            }
            parseItem(row.children);
        }
        --m_depth;
        return row;
    }

    void attachScript(MathNode& base) {
        if (base.kind != MathNode::Kind::Scripts) {
            MathNode s;
            s.kind = MathNode::Kind::Scripts;
            s.limits = base.kind == MathNode::Kind::Atom && base.limits;
            s.cls = base.cls;
            s.children = {std::move(base), MathNode{}, MathNode{}};
            base = std::move(s);
        }
        const QChar c = peek();
        if (c == u'\'') {
            QString primes;
            while (peek() == u'\'') {
                primes.append(u'′');
                ++m_i;
            }
            base.children[2].children.push_back(atom(primes));
            return;
        }
        ++m_i;
        MathNode arg = parseArgument();
        base.children[c == u'^' ? 2 : 1].children.push_back(std::move(arg));
    }

    // One item: a group, a command (with its arguments) or a character.
    MathNode parseArgument() {
        skipSpaces();
        std::vector<MathNode> items;
        if (!atEnd())
            parseItem(items);
        if (items.size() == 1)
            return std::move(items.front());
        return wrap(MathNode::Kind::Row, std::move(items));
    }

    MathNode parseGroup() {
        skipSpaces();
        if (peek() != u'{')
            return parseArgument();
        ++m_i;
        MathNode row = parseRow(AtBrace);
        if (peek() == u'}')
            ++m_i;
        return row;
    }

    void parseItem(std::vector<MathNode>& out) {
        const QChar c = peek();
        if (c.isSpace()) {
            ++m_i;
            return;
        }
        if (c == u'{') {
            out.push_back(parseGroup());
            return;
        }
        if (c == u'\\') {
            parseCommand(out);
            return;
        }
        ++m_i;
        if (c.isDigit() || c == u'.') {
            const MathFont font = m_font == MathFont::Italic ? MathFont::Roman
                                  : m_font == MathFont::BoldItalic ? MathFont::Bold
                                                                   : m_font;
            MathNode* prev = out.empty() ? nullptr : &out.back();
            if (prev && prev->kind == MathNode::Kind::Atom && prev->font == font &&
                prev->cls == MathClass::Ord && !prev->text.isEmpty() &&
                (prev->text.back().isDigit() || prev->text.back() == u'.'))
                prev->text.append(c); // keep numbers together: 3.14
            else
                out.push_back(atom(QString(c), MathClass::Ord, font));
            return;
        }
        if (c.isLetter()) {
            out.push_back(atom(QString(c), MathClass::Ord, m_font));
            return;
        }
        if (c.isHighSurrogate() && !atEnd()) {
            out.push_back(atom(QString(c) + m_s[m_i++], MathClass::Ord, m_font));
            return;
        }
        switch (c.unicode()) {
        case u'+': out.push_back(atom(QStringLiteral("+"), MathClass::Bin)); break;
        case u'-': out.push_back(atom(QStringLiteral("−"), MathClass::Bin)); break;
        case u'*': out.push_back(atom(QStringLiteral("∗"), MathClass::Bin)); break;
        case u'=': case u'<': case u'>': case u':':
            out.push_back(atom(QString(c), MathClass::Rel));
            break;
        case u',': case u';': out.push_back(atom(QString(c), MathClass::Punct)); break;
        case u'(': case u'[': out.push_back(atom(QString(c), MathClass::Open)); break;
        case u')': case u']': case u'!': case u'?':
            out.push_back(atom(QString(c), MathClass::Close));
            break;
        case u'~': out.push_back(space(0.33f)); break;
        default: out.push_back(atom(QString(c))); break;
        }
    }

    MathNode withFont(MathFont font) {
        const MathFont saved = m_font;
        m_font = font;
        MathNode arg = parseGroup();
        m_font = saved;
        return arg;
    }

    QString readDelimiter() {
        skipSpaces();
        if (atEnd())
            return {};
        if (peek() == u'\\') {
            const QString name = readCommand();
            if (const TexSymbol* sym = findTexSymbol(name))
                return sym->text;
            return name == u"|" ? QStringLiteral("‖") : name;
        }
        const QChar c = m_s[m_i++];
        return c == u'.' ? QString() : QString(c);
    }

    void parseCommand(std::vector<MathNode>& out) {
        const qsizetype start = m_i;
        const QString name = readCommand();
        if (name == u"frac" || name == u"dfrac" || name == u"tfrac" || name == u"cfrac") {
            MathNode num = parseGroup();
            MathNode den = parseGroup();
            out.push_back(wrap(MathNode::Kind::Fraction, {std::move(num), std::move(den)}));
        } else if (name == u"binom" || name == u"dbinom" || name == u"tbinom") {
            MathNode top = parseGroup();
            MathNode bottom = parseGroup();
            MathNode frac = wrap(MathNode::Kind::Fraction, {std::move(top), std::move(bottom)});
            frac.hasBar = false;
            MathNode fenced = wrap(MathNode::Kind::Fenced, {std::move(frac)});
            fenced.text = QStringLiteral("(");
            fenced.text2 = QStringLiteral(")");
            out.push_back(std::move(fenced));
        } else if (name == u"sqrt") {
            skipSpaces();
            MathNode index;
            if (peek() == u'[') {
                ++m_i;
                index = parseRow(AtBracket | AtBrace);
                if (peek() == u']')
                    ++m_i;
            }
            MathNode root = wrap(MathNode::Kind::Root, {parseGroup()});
            if (!index.isEmpty())
                root.children.push_back(std::move(index));
            out.push_back(std::move(root));
        } else if (name == u"left") {
            MathNode fenced;
            fenced.kind = MathNode::Kind::Fenced;
            fenced.text = readDelimiter();
            fenced.children.push_back(parseRow(AtRight | AtEnd | AtBrace));
            if (lookingAtCommand(u"right")) {
                readCommand();
                fenced.text2 = readDelimiter();
            }
            out.push_back(std::move(fenced));
        } else if (name == u"right") {
            readDelimiter(); // unbalanced: drop it
        } else if (name == u"middle") {
            out.push_back(atom(readDelimiter(), MathClass::Rel));
        } else if (isBigCommand(name)) {
            const QString delim = readDelimiter();
            MathNode a = atom(delim, name.endsWith(u'l') ? MathClass::Open
                                     : name.endsWith(u'r') ? MathClass::Close
                                                           : MathClass::Ord);
            a.scale = name.startsWith(u"bigg") ? 2.4f : name.startsWith(u"Bigg") ? 3.0f
                      : name.startsWith(u"Big") ? 1.8f : 1.2f;
            out.push_back(std::move(a));
        } else if (name == u"mathbf" || name == u"textbf") {
            out.push_back(withFont(MathFont::Bold));
        } else if (name == u"boldsymbol" || name == u"bm") {
            out.push_back(withFont(MathFont::BoldItalic));
        } else if (name == u"mathrm" || name == u"mathup" || name == u"rm") {
            out.push_back(withFont(MathFont::Roman));
        } else if (name == u"mathit" || name == u"textit") {
            out.push_back(withFont(MathFont::Italic));
        } else if (name == u"mathsf" || name == u"textsf") {
            out.push_back(withFont(MathFont::Sans));
        } else if (name == u"mathtt" || name == u"texttt") {
            out.push_back(withFont(MathFont::Mono));
        } else if (name == u"mathbb" || name == u"mathcal" || name == u"mathscr" ||
                   name == u"mathfrak") {
            out.push_back(atom(texAlphabet(name, readRawGroup()), MathClass::Ord, MathFont::Roman));
        } else if (name == u"text" || name == u"textrm" || name == u"textnormal" ||
                   name == u"mbox" || name == u"hbox") {
            out.push_back(atom(readRawGroup(), MathClass::Ord, MathFont::Roman));
        } else if (name == u"operatorname" || name == u"operatorname*" || name == u"mathop") {
            MathNode op = atom(readRawGroup(), MathClass::Op, MathFont::Roman);
            op.limits = name != u"operatorname";
            out.push_back(std::move(op));
        } else if (const QString accent = texAccent(name); !accent.isEmpty()) {
            MathNode a = wrap(MathNode::Kind::Accent, {parseGroup()});
            a.text = accent;
            out.push_back(std::move(a));
        } else if (name == u"overset" || name == u"stackrel" || name == u"underset") {
            MathNode script = parseGroup();
            MathNode base = parseGroup();
            MathNode s = wrap(MathNode::Kind::Scripts, {std::move(base), MathNode{}, MathNode{}});
            s.limits = s.stacked = true;
            s.children[name == u"underset" ? 1 : 2] = std::move(script);
            s.cls = MathClass::Rel;
            out.push_back(std::move(s));
        } else if (name == u"begin") {
            const QString env = readRawGroup();
            out.push_back(parseGrid(env, false));
        } else if (name == u"end") {
            readRawGroup(); // unbalanced
        } else if (name == u"limits" || name == u"nolimits") {
            if (!out.empty() && out.back().kind == MathNode::Kind::Atom)
                out.back().limits = name == u"limits";
        } else if (name == u"not") {
            MathNode next = parseArgument();
            if (next.kind == MathNode::Kind::Atom)
                next.text = next.text == u"=" ? QStringLiteral("≠") : next.text + u'\u0338';
            out.push_back(std::move(next));
        } else if (name == u"label" || name == u"tag" || name == u"color" || name == u"hspace" ||
                   name == u"vspace" || name == u"phantom" || name == u"hphantom" ||
                   name == u"vphantom") {
            const QString arg = readRawGroup();
            if (name == u"tag")
                out.push_back(atom(QStringLiteral("  (%1)").arg(arg)));
            else if (name == u"hspace" || name == u"phantom")
                out.push_back(space(0.5f));
        } else if (name == u"textcolor") {
            readRawGroup();
            out.push_back(parseGroup());
        } else if (name == u"boxed" || name == u"displaystyle" || name == u"textstyle" ||
                   name == u"scriptstyle" || name == u"nonumber" || name == u"notag" ||
                   name == u"mathstrut") {
            // Style switches and numbering have no visible effect here.
        } else if (name == u"TeX" || name == u"LaTeX") {
            out.push_back(atom(name, MathClass::Ord, MathFont::Roman));
        } else if (name == u",") {
            out.push_back(space(3.f / 18));
        } else if (name == u":" || name == u">") {
            out.push_back(space(4.f / 18));
        } else if (name == u";") {
            out.push_back(space(5.f / 18));
        } else if (name == u"!") {
            out.push_back(space(-3.f / 18));
        } else if (name == u" ") {
            out.push_back(space(0.33f));
        } else if (name == u"quad") {
            out.push_back(space(1));
        } else if (name == u"qquad") {
            out.push_back(space(2));
        } else if (name == u"\\") {
            // A line break outside a grid: ignore.
        } else if (const TexSymbol* sym = findTexSymbol(name)) {
            MathNode a = atom(sym->text, sym->cls, sym->font);
            if (sym->font == MathFont::Italic && m_font != MathFont::Italic)
                a.font = m_font == MathFont::Bold ? MathFont::BoldItalic : m_font;
            else if (sym->font == MathFont::Roman && m_font == MathFont::Bold)
                a.font = MathFont::Bold;
            a.largeOp = sym->largeOp;
            a.limits = sym->limits;
            out.push_back(std::move(a));
        } else {
            // Unknown command: show its source so the reader sees what was meant.
            out.push_back(atom(m_s.mid(start, m_i - start).toString(), MathClass::Ord));
        }
    }

    // Environments with & and \\; also a display formula's top level (env is empty).
    MathNode parseGrid(const QString& env, bool topLevel) {
        if (!topLevel && !isMathEnvironment(env)) {
            MathNode unknown = parseRow(AtEnd);
            if (lookingAtCommand(u"end")) {
                readCommand();
                readRawGroup();
            }
            return wrap(MathNode::Kind::Row,
                        {atom(QStringLiteral("\\begin{%1}").arg(env)), std::move(unknown)});
        }
        QByteArray colSpec;
        if (env == u"array") {
            for (const QChar c : readRawGroup()) {
                if (c == u'l' || c == u'c' || c == u'r')
                    colSpec.append(char(c.unicode()));
            }
        } else if (env == u"alignat" || env == u"alignat*") {
            readRawGroup();
        }
        std::vector<std::vector<MathNode>> rows(1);
        while (true) {
            MathNode cell = parseRow(topLevel ? AtCell | AtEnd : AtCell | AtEnd | AtBrace);
            if (rows.back().size() % 2 == 1 && !cell.children.empty() &&
                (cell.children.front().cls == MathClass::Rel ||
                 cell.children.front().cls == MathClass::Bin)) {
                // "&= b": TeX puts an empty atom before the relation so it keeps its spacing.
                cell.children.insert(cell.children.begin(), MathNode{});
            }
            rows.back().push_back(std::move(cell));
            if (peek() == u'&') {
                ++m_i;
            } else if (peek() == u'\\' && peek(1) == u'\\') {
                m_i += 2;
                skipSpaces();
                if (peek() == u'[') { // \\[2pt]
                    while (!atEnd() && peek() != u']')
                        ++m_i;
                    ++m_i;
                }
                rows.emplace_back();
            } else {
                if (lookingAtCommand(u"end")) { // a '}' instead is left for the enclosing group
                    readCommand();
                    readRawGroup();
                }
                break;
            }
        }
        if (rows.size() > 1 && rows.back().size() == 1 && rows.back().front().isEmpty())
            rows.pop_back();
        if (rows.size() == 1 && rows.front().size() == 1)
            return std::move(rows.front().front());

        size_t columns = 0;
        for (const auto& r : rows)
            columns = std::max(columns, r.size());
        MathNode grid;
        grid.kind = MathNode::Kind::Grid;
        grid.columns = int(columns);
        for (auto& r : rows) {
            r.resize(columns);
            for (auto& cell : r)
                grid.children.push_back(std::move(cell));
        }
        const bool aligned = topLevel || env.startsWith(u"align") || env.startsWith(u"eqnarray") ||
                             env == u"split" || env.startsWith(u"flalign");
        for (size_t c = 0; c < columns; ++c) {
            char a = 'c';
            if (!colSpec.isEmpty())
                a = colSpec.at(qsizetype(std::min(c, size_t(colSpec.size() - 1))));
            else if (aligned)
                a = c % 2 == 0 ? 'r' : 'l';
            else if (env == u"cases")
                a = 'l';
            grid.align.append(a);
        }
        if (aligned && columns == 1)
            grid.align = "c";
        if (env == u"pmatrix" || env == u"smallmatrix") {
            grid.text = QStringLiteral("(");
            grid.text2 = QStringLiteral(")");
        } else if (env == u"bmatrix") {
            grid.text = QStringLiteral("[");
            grid.text2 = QStringLiteral("]");
        } else if (env == u"Bmatrix" || env == u"cases") {
            grid.text = QStringLiteral("{");
            grid.text2 = env == u"cases" ? QString() : QStringLiteral("}");
        } else if (env == u"vmatrix") {
            grid.text = grid.text2 = QStringLiteral("|");
        } else if (env == u"Vmatrix") {
            grid.text = grid.text2 = QStringLiteral("‖");
        }
        return grid;
    }

    QStringView m_s;
    qsizetype m_i = 0;
    int m_depth = 0;
    MathFont m_font = MathFont::Italic;
};

} // namespace

MathNode parseTex(QStringView source, bool display) {
    return TexParser(source).parseTop(display);
}

} // namespace quire::editor
