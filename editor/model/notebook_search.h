#pragma once

#include <QList>
#include <QRegularExpression>
#include <QString>

namespace quire::editor {

class NotebookDocument;
class Cell;

struct SearchOptions {
    bool caseSensitive = false;
    bool regex = false;
    bool wholeWord = false;
    bool includeOutputs = true; // outputs are searched read-only
};

struct SearchMatch {
    int cell = 0;
    bool inOutput = false;
    int start = 0; // UTF-16 offset in the cell source (or in the output's plain text)
    int length = 0;
};

// Find and replace across all cells of a notebook.
class NotebookSearch {
public:
    NotebookSearch(QString pattern, SearchOptions options);

    bool isValid() const { return m_re.isValid() && !m_pattern.isEmpty(); }
    QString errorString() const { return m_re.errorString(); }
    QList<SearchMatch> findAll(const NotebookDocument& doc) const;
    // `text` with every match replaced ($1 etc. work in regex mode); `count` gets the number.
    QString replaceAll(const QString& text, const QString& replacement, int* count = nullptr) const;
    QString replaceOne(const QString& text, int start, const QString& replacement) const;

    static QString outputText(const Cell& cell); // plain text of a cell's outputs, ANSI removed

private:
    QString m_pattern;
    SearchOptions m_options;
    QRegularExpression m_re;
};

} // namespace quire::editor
