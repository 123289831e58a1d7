#include "theme.h"

#include <QApplication>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>

namespace quire::app {

namespace {
QPalette darkPalette() {
    QPalette p;
    const QColor window(0x25, 0x27, 0x2b), base(0x1e, 0x1f, 0x22), text(0xe3, 0xe5, 0xe8);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x8a, 0x8f, 0x98));
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x6c, 0xb6, 0xff));
    p.setColor(QPalette::Highlight, QColor(0x2f, 0x5f, 0xa8));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x6a, 0x6e, 0x75));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x6a, 0x6e, 0x75));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x6a, 0x6e, 0x75));
    return p;
}
QPalette lightPalette() {
    QPalette p = QApplication::style()->standardPalette();
    p.setColor(QPalette::Window, QColor(0xf5, 0xf6, 0xf7));
    p.setColor(QPalette::Base, Qt::white);
    return p;
}
} // namespace

void applyTheme(const QString& theme) {
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    if (theme == QLatin1String("dark"))
        QApplication::setPalette(darkPalette());
    else if (theme == QLatin1String("light"))
        QApplication::setPalette(lightPalette());
    else
        QApplication::setPalette(QApplication::style()->standardPalette());
}

} // namespace quire::app
