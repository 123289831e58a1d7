#include "notebook_search.h"

#include "notebook_document.h"

namespace quire::editor {

NotebookSearch::NotebookSearch(QString pattern, SearchOptions options)
    : m_pattern(std::move(pattern)), m_options(options) {
    QString expr = options.regex ? m_pattern : QRegularExpression::escape(m_pattern);
    if (options.wholeWord)
        expr = QStringLiteral("\\b(?:%1)\\b").arg(expr);
    m_re.setPattern(expr);
    m_re.setPatternOptions(options.caseSensitive ? QRegularExpression::NoPatternOption
                                                 : QRegularExpression::CaseInsensitiveOption);
}

QString NotebookSearch::outputText(const Cell& cell) {
    static const QRegularExpression ansi(QStringLiteral("\x1b\\[[0-9;?]*[A-Za-z]"));
    QStringList parts;
    for (const auto& o : cell.outputs()) {
        if (!o.is_object())
            continue;
        if (auto t = o.find("text"); t != o.end())
            parts << joinedText(*t);
        if (auto d = o.find("data"); d != o.end() && d->is_object())
            if (auto p = d->find("text/plain"); p != d->end())
                parts << joinedText(*p);
        if (auto tb = o.find("traceback"); tb != o.end() && tb->is_array())
            for (const auto& line : *tb)
                if (line.is_string())
                    parts << QString::fromStdString(line.get<std::string>());
    }
    return parts.join(QLatin1Char('\n')).remove(ansi);
}

QList<SearchMatch> NotebookSearch::findAll(const NotebookDocument& doc) const {
    QList<SearchMatch> out;
    if (!isValid())
        return out;
    for (int i = 0; i < doc.cellCount(); ++i) {
        const Cell& cell = *doc.cell(i);
        auto it = m_re.globalMatch(cell.source());
        while (it.hasNext()) {
            const auto m = it.next();
            if (m.capturedLength() > 0)
                out.push_back({i, false, int(m.capturedStart()), int(m.capturedLength())});
        }
        if (m_options.includeOutputs && cell.isCode() && !cell.outputs().empty()) {
            auto ot = m_re.globalMatch(outputText(cell));
            while (ot.hasNext()) {
                const auto m = ot.next();
                if (m.capturedLength() > 0)
                    out.push_back({i, true, int(m.capturedStart()), int(m.capturedLength())});
            }
        }
    }
    return out;
}

QString NotebookSearch::replaceAll(const QString& text, const QString& replacement,
                                   int* count) const {
    int n = 0;
    QString result;
    int last = 0;
    auto it = m_re.globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        if (m.capturedLength() == 0)
            continue;
        result += text.mid(last, m.capturedStart() - last);
        QString rep = replacement;
        if (m_options.regex)
            for (int g = m.lastCapturedIndex(); g >= 0; --g)
                rep.replace(QStringLiteral("$%1").arg(g), m.captured(g));
        result += rep;
        last = int(m.capturedEnd());
        ++n;
    }
    result += text.mid(last);
    if (count)
        *count = n;
    return n ? result : text;
}

QString NotebookSearch::replaceOne(const QString& text, int start,
                                   const QString& replacement) const {
    const auto m = m_re.match(text, start);
    if (!m.hasMatch() || m.capturedStart() != start)
        return text;
    QString rep = replacement;
    if (m_options.regex)
        for (int g = m.lastCapturedIndex(); g >= 0; --g)
            rep.replace(QStringLiteral("$%1").arg(g), m.captured(g));
    return text.left(start) + rep + text.mid(m.capturedEnd());
}

} // namespace quire::editor
