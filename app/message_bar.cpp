#include "message_bar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>

namespace quire::app {

MessageBar::MessageBar(QWidget* parent) : QFrame(parent) {
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 4, 4, 4);
    m_label = new QLabel(this);
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_label, 1);
    m_buttons = new QHBoxLayout;
    layout->addLayout(m_buttons);
    auto* close = new QToolButton(this);
    close->setText(QStringLiteral("✕"));
    close->setAutoRaise(true);
    close->setToolTip(tr("Dismiss"));
    close->setAccessibleName(tr("Dismiss message"));
    connect(close, &QToolButton::clicked, this, &MessageBar::dismiss);
    layout->addWidget(close);
    hide();
}

void MessageBar::showMessage(const QString& text, Kind kind, const QString& details) {
    while (auto* item = m_buttons->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_label->setText(text);
    m_label->setToolTip(details);
    QPalette p = palette();
    const bool dark = p.color(QPalette::Window).lightness() < 128;
    QColor bg = kind == Kind::Error     ? QColor(0xfd, 0xe2, 0xe1)
                : kind == Kind::Warning ? QColor(0xff, 0xf4, 0xce)
                                        : QColor(0xe3, 0xf0, 0xfd);
    if (dark)
        bg = kind == Kind::Error     ? QColor(0x5a, 0x26, 0x26)
             : kind == Kind::Warning ? QColor(0x4d, 0x41, 0x1c)
                                     : QColor(0x1f, 0x3a, 0x5a);
    p.setColor(QPalette::Window, bg);
    setPalette(p);
    show();
}

void MessageBar::addAction(const QString& label, std::function<void()> action) {
    auto* b = new QPushButton(label, this);
    connect(b, &QPushButton::clicked, this, [this, action] {
        dismiss();
        action();
    });
    m_buttons->addWidget(b);
}

void MessageBar::dismiss() {
    hide();
}

QString MessageBar::text() const {
    return m_label->text();
}

} // namespace quire::app
