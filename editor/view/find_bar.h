#pragma once

#include "editor/model/notebook_search.h"

#include <QPointer>
#include <QWidget>

class QLineEdit;
class QLabel;
class QCheckBox;
class QPushButton;

namespace quire::editor {

class NotebookView;

// Find and replace across all cells; outputs are searched but never replaced.
class FindBar : public QWidget {
    Q_OBJECT
public:
    explicit FindBar(QWidget* parent = nullptr);
    void setView(NotebookView* view);

    void openFind(bool withReplace);
    void findNext(int direction = 1);
    void replaceCurrent();
    int replaceAll();
    int matchCount() const { return int(m_matches.size()); }
    QLineEdit* findField() const { return m_find; }
    QLineEdit* replaceField() const { return m_replace; }

protected:
    void keyPressEvent(QKeyEvent* event) override;

private:
    NotebookSearch search() const;
    void refresh();
    void showMatch(int i);

    QPointer<NotebookView> m_view;
    QLineEdit* m_find;
    QLineEdit* m_replace;
    QCheckBox* m_case;
    QCheckBox* m_regex;
    QCheckBox* m_word;
    QLabel* m_status;
    QWidget* m_replaceRow;
    QList<SearchMatch> m_matches;
    int m_at = -1;
};

} // namespace quire::editor
