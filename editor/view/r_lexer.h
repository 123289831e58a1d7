#pragma once

#include <Qsci/qscilexercustom.h>

namespace quire::editor {

// QScintilla has no R lexer; this one colours comments, strings, numbers, keywords and
// `<-` assignments, which is what people expect from an R notebook.
class RLexer : public QsciLexerCustom {
    Q_OBJECT
public:
    enum Style { Default, Comment, String, Number, Keyword, Operator, StyleCount };
    explicit RLexer(QObject* parent = nullptr);
    const char* language() const override { return "R"; }
    QString description(int style) const override;
    QColor defaultColor(int style) const override;
    void styleText(int start, int end) override;
};

} // namespace quire::editor
