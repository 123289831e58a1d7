#pragma once

#include <QColor>
#include <QPalette>

namespace quire::editor {

// Colours derived from the widget palette, so switching the app palette switches themes.

inline bool isDarkPalette(const QPalette& palette) {
    return palette.color(QPalette::Base).lightnessF() < 0.5;
}

inline QColor mixColors(const QColor& a, const QColor& b, qreal amountOfB) {
    const qreal k = 1 - amountOfB;
    return QColor::fromRgbF(float(a.redF() * k + b.redF() * amountOfB),
                            float(a.greenF() * k + b.greenF() * amountOfB),
                            float(a.blueF() * k + b.blueF() * amountOfB));
}

// Background of stderr and error outputs: a light red, or a dark red on dark themes.
inline QColor errorBackground(const QPalette& palette) {
    return mixColors(palette.color(QPalette::Base), QColor(0xe0, 0x30, 0x30),
                     isDarkPalette(palette) ? 0.16 : 0.12);
}

// Background of code blocks and inline code in markdown.
inline QColor codeBackground(const QPalette& palette) {
    return mixColors(palette.color(QPalette::Base), palette.color(QPalette::Text),
                     isDarkPalette(palette) ? 0.09 : 0.05);
}

// Link colour that stays readable when a dark palette keeps the default blue.
inline QColor linkColor(const QPalette& palette) {
    const QColor link = palette.color(QPalette::Link);
    if (isDarkPalette(palette) && link.lightnessF() < 0.55)
        return QColor(0x6c, 0xb6, 0xff);
    if (!isDarkPalette(palette) && link.lightnessF() > 0.6)
        return QColor(0x0b, 0x5c, 0xd5);
    return link;
}

// The colour of "Out[n]:" prompts.
inline QColor outputPromptColor(const QPalette& palette) {
    return isDarkPalette(palette) ? QColor(0xe8, 0x8a, 0x6a) : QColor(0xc2, 0x41, 0x0c);
}

} // namespace quire::editor
