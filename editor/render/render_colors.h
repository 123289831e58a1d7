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

// Colours of a JSON tree: keys, strings, numbers, true/false/null, and muted text (indices,
// counts, brackets).
enum class JsonColorRole { Key, String, Number, Literal, Muted };

inline QColor jsonColor(const QPalette& palette, JsonColorRole role) {
    const bool dark = isDarkPalette(palette);
    switch (role) {
    case JsonColorRole::Key:
        return dark ? QColor(0x9c, 0xdc, 0xfe) : QColor(0x00, 0x5c, 0xc5);
    case JsonColorRole::String:
        return dark ? QColor(0xce, 0x91, 0x78) : QColor(0xa3, 0x15, 0x15);
    case JsonColorRole::Number:
        return dark ? QColor(0xb5, 0xce, 0xa8) : QColor(0x09, 0x86, 0x58);
    case JsonColorRole::Literal:
        return dark ? QColor(0xc5, 0x86, 0xc0) : QColor(0x80, 0x1b, 0xb0);
    case JsonColorRole::Muted:
        break;
    }
    return mixColors(palette.color(QPalette::Text), palette.color(QPalette::Base), 0.45);
}

} // namespace quire::editor
