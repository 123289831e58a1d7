#pragma once

// Answers modal message boxes in GUI tests.

#include <QAbstractButton>
#include <QApplication>
#include <QMessageBox>
#include <QTimer>

namespace quire::test {

// Answers the next modal message box with `button`, recording its text.
inline void answerNextBox(QMessageBox::StandardButton button, QString* text = nullptr) {
    QTimer::singleShot(50, qApp, [button, text] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        if (!box) {
            answerNextBox(button, text);
            return;
        }
        if (text)
            *text = box->text() + QLatin1Char('\n') + box->informativeText();
        box->button(button)->click();
    });
}

} // namespace quire::test
