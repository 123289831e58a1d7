#pragma once

#include <QFrame>
#include <functional>

class QLabel;
class QHBoxLayout;

namespace quire::app {

// A slim bar above a notebook for warnings and questions ("The file changed on disk").
class MessageBar : public QFrame {
    Q_OBJECT
public:
    enum class Kind { Info, Warning, Error };
    explicit MessageBar(QWidget* parent = nullptr);

    void showMessage(const QString& text, Kind kind, const QString& details = {});
    void addAction(const QString& label, std::function<void()> action);
    void dismiss();
    QString text() const;

private:
    QLabel* m_label;
    QHBoxLayout* m_buttons;
};

} // namespace quire::app
