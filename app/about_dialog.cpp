#include "about_dialog.h"

#include "version_report.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace quire::app {

AboutDialog::AboutDialog(QWidget* parent) : QDialog(parent), m_report(new VersionReport(this)) {
    setObjectName(QStringLiteral("aboutDialog"));
    setWindowTitle(tr("About Quire"));
    auto* layout = new QVBoxLayout(this);
    auto* top = new QHBoxLayout;
    auto* icon = new QLabel(this);
    icon->setPixmap(QIcon(QStringLiteral(":/icons/quire.svg")).pixmap(64, 64));
    icon->setAccessibleName(tr("Quire logo"));
    top->addWidget(icon, 0, Qt::AlignTop);
    auto* text = new QVBoxLayout;
    auto* title =
        new QLabel(QStringLiteral("<h2>Quire %1</h2>").arg(QStringLiteral(QUIRE_VERSION)), this);
    title->setTextFormat(Qt::RichText);
    text->addWidget(title);
    auto* what = new QLabel(tr("A native desktop IDE for Jupyter notebooks."), this);
    what->setWordWrap(true);
    text->addWidget(what);
    m_versions = new QLabel(this);
    m_versions->setObjectName(QStringLiteral("about.versions"));
    m_versions->setAccessibleName(tr("Versions"));
    m_versions->setTextFormat(Qt::PlainText);
    // Selectable by keyboard too, so the versions can be read and copied without a mouse.
    m_versions->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_versions->setFocusPolicy(Qt::StrongFocus);
    text->addWidget(m_versions);
    text->addStretch();
    top->addLayout(text, 1);
    layout->addLayout(top);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    buttons->button(QDialogButtonBox::Close)->setFocus(); // Enter or Esc closes at once

    showVersions();
    connect(m_report, &VersionReport::ready, this, &AboutDialog::showVersions);
}

QString AboutDialog::versionsText() const {
    return m_versions->text();
}

void AboutDialog::showVersions() {
    QStringList lines;
    for (const VersionReport::Item& item : m_report->items())
        lines << tr("%1: %2").arg(item.name, item.version);
    m_versions->setText(lines.join(QLatin1Char('\n')));
}

} // namespace quire::app
