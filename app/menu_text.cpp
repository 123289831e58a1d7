#include "menu_text.h"

#include <QRegularExpression>

namespace quire::app {

QString plainMenuText(const QString& text) {
    QString label = text.section(QLatin1Char('\t'), 0, 0);
    static const QRegularExpression trailingAccel(QStringLiteral("\\(&[^&]\\)"));
    label.remove(trailingAccel);
    QString out;
    out.reserve(label.size());
    for (qsizetype i = 0; i < label.size(); ++i) {
        if (label[i] != QLatin1Char('&'))
            out += label[i];
        else if (i + 1 < label.size() && label[i + 1] == QLatin1Char('&'))
            out += label[++i];
    }
    return out.trimmed();
}

QString menuTextHint(const QString& text) {
    const qsizetype tab = text.indexOf(QLatin1Char('\t'));
    return tab < 0 ? QString() : text.mid(tab + 1).trimmed();
}

} // namespace quire::app
