#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;

namespace quire::editor {

// The line under a running cell where the kernel's input()/getpass() is answered: the prompt,
// then a field. Every key typed in the field stays there (none reaches the notebook's
// command keys or the cell's run keys); Enter submits, Escape hands the keyboard back.
class CellInputRow : public QWidget {
    Q_OBJECT
public:
    explicit CellInputRow(QWidget* parent = nullptr);

    // A new request: shows `prompt`, empties the field.
    void start(const QString& prompt, bool password);
    // The same request again (state refreshed): keeps what was typed.
    void update(const QString& prompt, bool password);
    void clear();
    QLineEdit* field() const { return m_field; }
    QString prompt() const;

    int heightForWidth(int width) const override;
    bool hasHeightForWidth() const override { return true; }

signals:
    void submitted(const QString& value);
    void escapePressed();

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    int promptWidth(int width) const;

    QLabel* m_prompt;
    QLineEdit* m_field;
};

} // namespace quire::editor
