// Accessibility of the window and the dialogs: every control can take keyboard focus (or is
// a label), buttons without words and fields without a label carry an accessible name, and
// Tab reaches every focusable control of each dialog.
#include "app/about_dialog.h"
#include "app/command_palette.h"
#include "app/controllers/file_controller.h"
#include "app/kernel_picker_dialog.h"
#include "app/main_window.h"
#include "app/notebook_page.h"
#include "app/settings_dialog.h"
#include "editor/view/find_bar.h"

#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QComboBox>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QStandardPaths>
#include <QTest>
#include <QTreeWidget>

using namespace quire;

namespace {

bool hasWords(const QString& text) {
    for (QChar c : text)
        if (c.isLetterOrNumber())
            return true;
    return false;
}

// Fields are named by a buddy label or an accessible name.
bool labelled(QWidget* w, QWidget* root) {
    if (!w->accessibleName().isEmpty())
        return true;
    for (auto* label : root->findChildren<QLabel*>())
        if (label->buddy() == w)
            return true;
    return false;
}

QStringList problems(QWidget* root) {
    QStringList out;
    auto name = [](QWidget* w) {
        return QStringLiteral("%1 \"%2\"")
            .arg(QString::fromLatin1(w->metaObject()->className()), w->objectName());
    };
    for (auto* b : root->findChildren<QAbstractButton*>()) {
        // Qt's dock title buttons never take focus; the docks are shown and hidden from the
        // View menu by keyboard instead (checked in mainWindow()).
        if (!b->isVisibleTo(root) || b->objectName().startsWith(QLatin1String("qt_dockwidget_")))
            continue;
        if (!hasWords(b->text()) && b->accessibleName().isEmpty())
            out << name(b) + QStringLiteral(": a button without words and without a name");
        if (b->focusPolicy() == Qt::NoFocus)
            out << name(b) + QStringLiteral(": cannot take keyboard focus");
    }
    for (QWidget* field : root->findChildren<QWidget*>()) {
        const bool isField = qobject_cast<QLineEdit*>(field) || qobject_cast<QComboBox*>(field) ||
                             qobject_cast<QAbstractSpinBox*>(field) ||
                             qobject_cast<QListWidget*>(field) || qobject_cast<QTreeWidget*>(field);
        if (!isField || !field->isVisibleTo(root) || qobject_cast<QComboBox*>(field->parent()) ||
            qobject_cast<QAbstractSpinBox*>(field->parent()))
            continue;
        if (!labelled(field, root))
            out << name(field) + QStringLiteral(": a field without a label or name");
        if (field->focusPolicy() == Qt::NoFocus)
            out << name(field) + QStringLiteral(": cannot take keyboard focus");
    }
    return out;
}

// Tab from the first control visits every visible control that accepts Tab focus.
QStringList unreachable(QWidget* dialog) {
    QList<QWidget*> focusable;
    for (QWidget* w : dialog->findChildren<QWidget*>())
        if (w->isVisible() && (w->focusPolicy() & Qt::TabFocus) && w->isEnabled() &&
            !w->focusProxy())
            focusable << w;
    QSet<QWidget*> seen;
    QWidget* w = dialog->nextInFocusChain();
    for (int i = 0; i < 500 && w != dialog; ++i, w = w->nextInFocusChain())
        seen.insert(w);
    QStringList out;
    for (QWidget* f : focusable)
        if (!seen.contains(f))
            out << QString::fromLatin1(f->metaObject()->className());
    return out;
}

} // namespace

class TestAccessibility : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void mainWindow() {
        app::MainWindow w;
        auto* page = w.files()->newNotebook();
        page->findBar()->show();
        page->messageBar()->showMessage(QStringLiteral("x"), app::MessageBar::Kind::Info);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        const QStringList found = problems(&w);
        QVERIFY2(found.isEmpty(), qPrintable(found.join(u'\n')));
        for (auto* dock : w.findChildren<QDockWidget*>()) {
            QAction* toggle = dock->toggleViewAction();
            bool inMenu = false;
            for (QAction* top : w.menuBar()->actions())
                inMenu = inMenu || (top->menu() && top->menu()->actions().contains(toggle));
            QVERIFY2(inMenu && !toggle->shortcut().isEmpty(), qPrintable(dock->windowTitle()));
        }
    }

    void dialogs() {
        app::MainWindow w;
        app::SettingsDialog settings(&w);
        app::CommandPalette palette(w.menuBar(), &w);
        app::AboutDialog about(&w);
        app::KernelPickerDialog picker(QStringLiteral("missing"), kernel::KernelSpecStore().specs(),
                                       QStringLiteral("python3"), &w);
        for (QWidget* dialog : QList<QWidget*>{&settings, &palette, &about, &picker}) {
            dialog->show();
            QVERIFY(QTest::qWaitForWindowExposed(dialog));
            const QStringList found = problems(dialog);
            QVERIFY2(found.isEmpty(), qPrintable(found.join(u'\n')));
            const QStringList missed = unreachable(dialog);
            QVERIFY2(missed.isEmpty(),
                     qPrintable(QStringLiteral("Tab never reaches: ") + missed.join(u' ')));
            dialog->hide();
        }
    }
};

QTEST_MAIN(TestAccessibility)
#include "test_accessibility.moc"
