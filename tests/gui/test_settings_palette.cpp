// Settings dialog, command palette, About and Report a Problem on the real main window: the
// dialog writes the settings and an open notebook's editor follows at once; the palette lists
// the menus' commands with their keys, filters by every word and runs the chosen command after
// it closes; About shows the versions; Report puts them on the clipboard.
#include "app/about_dialog.h"
#include "app/app_settings.h"
#include "app/command_palette.h"
#include "app/controllers/file_controller.h"
#include "app/controllers/help_controller.h"
#include "app/controllers/view_controller.h"
#include "app/main_window.h"
#include "app/menu_text.h"
#include "app/notebook_page.h"
#include "app/settings_dialog.h"
#include "app/version_report.h"
#include "editor/model/notebook_editing.h"
#include "editor/view/cell_widget.h"
#include "editor/view/code_editor.h"
#include "editor/view/lexer_factory.h"
#include "editor/view/notebook_view.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QFontComboBox>
#include <QLineEdit>
#include <QMessageBox>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <Qsci/qscilexer.h>

using namespace quire;
using app::AppSettings;
using app::CommandPalette;

namespace {
const QString Sep = QStringLiteral(" \u203a ");

// "File › Save" → its row in the palette's list (nullptr when not listed).
QTreeWidgetItem* row(const CommandPalette* palette, const QString& path) {
    const auto found = palette->list()->findItems(path, Qt::MatchExactly, 0);
    return found.isEmpty() ? nullptr : found.first();
}

QStringList shownPaths(const CommandPalette* palette) {
    QStringList out;
    for (int i = 0; i < palette->list()->topLevelItemCount(); ++i)
        if (!palette->list()->topLevelItem(i)->isHidden())
            out << palette->list()->topLevelItem(i)->text(0);
    return out;
}

editor::CodeEditor* firstEditor(app::NotebookPage* page) {
    editor::CellWidget* cell = page->view()->widgetAt(0);
    return cell ? cell->editor() : nullptr;
}
} // namespace

class TestSettingsPalette : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        auto& s = AppSettings::instance();
        s.setEditorFontFamily(QString());
        s.setEditorFontSize(0);
        s.setLineNumbers(false);
        s.setTheme(QStringLiteral("system"));
        s.setAutosave(true);
        s.setAutosaveSeconds(30);
        // No kernel is started by these tests: the warm kernel has nothing to start.
        s.setWarmKernel(false);
        s.setDefaultKernel(QStringLiteral("quire-test-no-such-kernel"));
    }

    void cleanup() {
        AppSettings::instance().setLineNumbers(false);
        AppSettings::instance().setTheme(QStringLiteral("system"));
    }

    void menuTextIsPlain() {
        QCOMPARE(app::plainMenuText(QStringLiteral("Save &As…\tCtrl+Shift+S")),
                 QStringLiteral("Save As…"));
        QCOMPARE(app::plainMenuText(QStringLiteral("저장(&S)")), QStringLiteral("저장"));
        QCOMPARE(app::plainMenuText(QStringLiteral("Fish && &Chips")),
                 QStringLiteral("Fish & Chips"));
        QCOMPARE(app::menuTextHint(QStringLiteral("&Delete Cells\tD, D")), QStringLiteral("D, D"));
        QCOMPARE(app::menuTextHint(QStringLiteral("&Save")), QString());
    }

    void settingsApplyLive() {
        app::MainWindow w;
        app::NotebookPage* page = w.files()->newNotebook();
        editor::NotebookEditing(*page->document()).editSource(0, QStringLiteral("x = 1\ny = 2"));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QTRY_VERIFY(firstEditor(page));
        editor::CodeEditor* ed = firstEditor(page);
        QVERIFY(ed->lexer()); // python: the lexer's styles carry the font

        QAction* settingsAction = w.findChild<QAction*>(QStringLiteral("tools.settings"));
        QVERIFY(settingsAction);
        QVERIFY(settingsAction->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::Key_Comma)));
        w.views()->showSettings();
        app::SettingsDialog* dialog = w.views()->settingsDialog();
        QVERIFY(dialog && dialog->isVisible());
        auto* size = dialog->findChild<QSpinBox*>(QStringLiteral("settings.fontSize"));
        auto* family = dialog->findChild<QFontComboBox*>(QStringLiteral("settings.fontFamily"));
        auto* lines = dialog->findChild<QCheckBox*>(QStringLiteral("settings.lineNumbers"));
        auto* theme = dialog->findChild<QComboBox*>(QStringLiteral("settings.theme"));
        auto* autosave = dialog->findChild<QSpinBox*>(QStringLiteral("settings.autosaveSeconds"));
        auto* kernel = dialog->findChild<QComboBox*>(QStringLiteral("settings.defaultKernel"));
        auto* warm = dialog->findChild<QCheckBox*>(QStringLiteral("settings.warmKernel"));
        QVERIFY(size && family && lines && theme && autosave && kernel && warm);

        // Every control can be reached with Tab and has a name for screen readers.
        for (QWidget* field :
             std::initializer_list<QWidget*>{size, family, lines, theme, autosave, kernel, warm}) {
            QVERIFY2(field->focusPolicy() & Qt::TabFocus, qPrintable(field->objectName()));
            QVERIFY2(!field->accessibleName().isEmpty() ||
                         !field->property("text").toString().isEmpty(),
                     qPrintable(field->objectName()));
        }

        // Size: the setting, the editor's font, its lexer styles and its height follow.
        const int oldHeight = ed->contentHeight();
        const int bigger = ed->editorFont().pointSize() + 8;
        size->setValue(bigger);
        QCOMPARE(AppSettings::instance().editorFontSize(), bigger);
        QCOMPARE(firstEditor(page), ed); // the same editor, changed in place
        QCOMPARE(ed->editorFont().pointSize(), bigger);
        QCOMPARE(ed->lexer()->font(0).pointSize(), bigger);
        QCOMPARE(int(ed->SendScintilla(QsciScintillaBase::SCI_STYLEGETSIZE, 0)), bigger);
        QVERIFY2(ed->contentHeight() > oldHeight,
                 qPrintable(QStringLiteral("%1 -> %2").arg(oldHeight).arg(ed->contentHeight())));

        // Family: another monospaced family from the dialog's list.
        int other = -1;
        for (int i = 0; i < family->count() && other < 0; ++i)
            if (i != family->currentIndex() && family->itemText(i) != ed->editorFont().family())
                other = i;
        if (other >= 0) {
            family->setCurrentIndex(other);
            const QString chosen = family->currentFont().family();
            QCOMPARE(AppSettings::instance().editorFontFamily(), chosen);
            QCOMPARE(ed->editorFont().family(), chosen);
            QCOMPARE(ed->lexer()->font(0).family(), chosen);
        } else {
            qWarning("only one monospaced family here; the family change is not exercised");
        }

        // Line numbers: the setting, the View menu's check mark and the editor's margin.
        QCOMPARE(ed->marginWidth(0), 0);
        lines->click();
        QVERIFY(AppSettings::instance().lineNumbers());
        QVERIFY(w.findChild<QAction*>(QStringLiteral("view.lineNumbers"))->isChecked());
        QVERIFY(ed->marginWidth(0) > 0);

        // Theme: applied to the application at once.
        theme->setCurrentIndex(theme->findData(QStringLiteral("dark")));
        QCOMPARE(AppSettings::instance().theme(), QStringLiteral("dark"));
        QVERIFY(editor::isDarkPalette(QApplication::palette()));
        theme->setCurrentIndex(theme->findData(QStringLiteral("light")));
        QVERIFY(!editor::isDarkPalette(QApplication::palette()));

        autosave->setValue(7);
        QCOMPARE(AppSettings::instance().autosaveSeconds(), 7);

        // A default kernel that is not installed stays listed (and chosen) as it is.
        QCOMPARE(kernel->currentData().toString(), QStringLiteral("quire-test-no-such-kernel"));

        // Settings changed elsewhere (the menus) show in the dialog.
        AppSettings::instance().setWarmKernel(true);
        QVERIFY(warm->isChecked());
        warm->click();
        QVERIFY(!AppSettings::instance().warmKernel());
        AppSettings::instance().setEditorFontSize(bigger - 2);
        QCOMPARE(size->value(), bigger - 2);
        QCOMPARE(ed->editorFont().pointSize(), bigger - 2);

        dialog->close();
        AppSettings::instance().setEditorFontFamily(QString());
        AppSettings::instance().setEditorFontSize(0);
        AppSettings::instance().setAutosaveSeconds(30);
    }

    void newEditorsUseTheSetting() {
        AppSettings::instance().setEditorFontSize(21);
        app::MainWindow w;
        app::NotebookPage* page = w.files()->newNotebook();
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QTRY_VERIFY(firstEditor(page));
        QCOMPARE(firstEditor(page)->editorFont().pointSize(), 21);
        QCOMPARE(int(firstEditor(page)->SendScintilla(QsciScintillaBase::SCI_STYLEGETSIZE, 0)), 21);
        AppSettings::instance().setEditorFontSize(0);
    }

    void paletteListsEveryMenu() {
        app::MainWindow w;
        w.files()->newNotebook();
        w.views()->showCommandPalette();
        CommandPalette* palette = w.views()->commandPalette();
        QVERIFY(palette);
        QVERIFY(!palette->filterField()->accessibleName().isEmpty());
        QVERIFY(!palette->list()->accessibleName().isEmpty());

        const QString native = QKeySequence(QKeySequence::Save).toString(QKeySequence::NativeText);
        struct Want {
            QString path, keys;
        };
        const QList<Want> wanted = {
            {QStringLiteral("File") + Sep + QStringLiteral("Save"), native},
            {QStringLiteral("Edit") + Sep + QStringLiteral("Delete Cells"), QStringLiteral("D, D")},
            {QStringLiteral("Edit") + Sep + QStringLiteral("Change Cell Type") + Sep +
                 QStringLiteral("Code"),
             QStringLiteral("Y")},
            {QStringLiteral("View") + Sep + QStringLiteral("Line Numbers"),
             QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L).toString(QKeySequence::NativeText)},
            {QStringLiteral("Runtime") + Sep + QStringLiteral("Run All Cells"),
             QKeySequence(Qt::CTRL | Qt::Key_F9).toString(QKeySequence::NativeText)},
            {QStringLiteral("Runtime") + Sep + QStringLiteral("Run Cell"),
             QStringLiteral("Ctrl+Enter")},
            {QStringLiteral("Tools") + Sep + QStringLiteral("Theme") + Sep + QStringLiteral("Dark"),
             QString()},
            {QStringLiteral("Help") + Sep + QStringLiteral("About Quire"), QString()},
        };
        for (const Want& want : wanted) {
            QTreeWidgetItem* item = row(palette, want.path);
            QVERIFY2(item, qPrintable(want.path));
            QCOMPARE(item->text(1), want.keys);
        }
        // No separators, no items that only open a submenu, no '&'.
        QVERIFY(!row(palette, QStringLiteral("Edit") + Sep + QStringLiteral("Change Cell Type")));
        for (const QString& path : shownPaths(palette)) {
            QVERIFY2(!path.contains(QLatin1Char('&')), qPrintable(path));
            QVERIFY2(!path.endsWith(Sep.trimmed()) && !path.endsWith(Sep), qPrintable(path));
        }
        // Disabled commands are not offered: nothing to undo in a new notebook.
        QVERIFY(!row(palette, QStringLiteral("Edit") + Sep + QStringLiteral("Undo")));
        palette->close();
    }

    void paletteFilters() {
        QVERIFY(
            CommandPalette::matches(QStringLiteral("편집 › 셀 삭제"), QStringLiteral("셀 삭제")));
        QVERIFY(
            !CommandPalette::matches(QStringLiteral("편집 › 셀 삭제"), QStringLiteral("셀 복사")));
        // Hangul typed as separate jamo (decomposed) still matches the composed menu text.
        QVERIFY(CommandPalette::matches(
            QStringLiteral("편집 › 셀 삭제"),
            QStringLiteral("삭제").normalized(QString::NormalizationForm_D)));

        app::MainWindow w;
        w.files()->newNotebook();
        w.views()->showCommandPalette();
        CommandPalette* palette = w.views()->commandPalette();
        const int all = palette->shownCount();
        QVERIFY(all > 20);

        QTest::keyClicks(palette->filterField(), QStringLiteral("CELLS all RUN"));
        const QStringList shown = shownPaths(palette);
        QVERIFY2(shown.contains(QStringLiteral("Runtime") + Sep + QStringLiteral("Run All Cells")),
                 qPrintable(shown.join(u'\n')));
        QVERIFY(shown.size() < all);
        for (const QString& path : shown)
            for (const char* word : {"cells", "all", "run"})
                QVERIFY2(
                    path.contains(QLatin1String(word), Qt::CaseInsensitive) ||
                        palette->list()->findItems(path, Qt::MatchExactly)[0]->text(1).contains(
                            QLatin1String(word), Qt::CaseInsensitive),
                    qPrintable(path));
        QCOMPARE(palette->list()->currentItem()->text(0), shown.first());

        palette->filterField()->clear();
        QCOMPARE(palette->shownCount(), all);
        QTest::keyClicks(palette->filterField(), QStringLiteral("no such command at all"));
        QCOMPARE(palette->shownCount(), 0);
        QVERIFY(!palette->currentAction());
        QTest::keyClick(palette->filterField(), Qt::Key_Return); // nothing to run: stays open
        QVERIFY(palette->isVisible());
        palette->close();
    }

    void paletteRunsTheChosenCommand() {
        app::MainWindow w;
        w.files()->newNotebook();
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(!AppSettings::instance().lineNumbers());

        // Esc closes and runs nothing.
        w.views()->showCommandPalette();
        QPointer<CommandPalette> palette = w.views()->commandPalette();
        QTest::keyClicks(palette->filterField(), QStringLiteral("line numbers"));
        QTest::keyClick(palette->filterField(), Qt::Key_Escape);
        QTRY_VERIFY(!palette);
        QTest::qWait(20);
        QVERIFY(!AppSettings::instance().lineNumbers());

        // Up/Down move through the shown rows; Enter runs the current one after closing.
        w.views()->showCommandPalette();
        palette = w.views()->commandPalette();
        QTest::keyClicks(palette->filterField(), QStringLiteral("view"));
        QVERIFY(palette->shownCount() >= 3);
        const QString first = palette->list()->currentItem()->text(0);
        QTest::keyClick(palette->filterField(), Qt::Key_Down);
        QVERIFY(palette->list()->currentItem()->text(0) != first);
        QTest::keyClick(palette->filterField(), Qt::Key_Up);
        QCOMPARE(palette->list()->currentItem()->text(0), first);
        while (palette->list()->currentItem()->text(0) !=
               QStringLiteral("View") + Sep + QStringLiteral("Line Numbers")) {
            const QString before = palette->list()->currentItem()->text(0);
            QTest::keyClick(palette->filterField(), Qt::Key_Down);
            QVERIFY2(palette->list()->currentItem()->text(0) != before, "Line Numbers not listed");
        }
        QSignalSpy toggled(&AppSettings::instance(), &AppSettings::lineNumbersChanged);
        QTest::keyClick(palette->filterField(), Qt::Key_Return);
        QVERIFY(!palette->isVisible());
        QCOMPARE(toggled.size(), 0); // not yet: it runs once the palette has closed
        QTRY_COMPARE(toggled.size(), 1);
        QVERIFY(AppSettings::instance().lineNumbers());
        QVERIFY(w.findChild<QAction*>(QStringLiteral("view.lineNumbers"))->isChecked());
    }

    void aboutShowsVersions() {
        app::MainWindow w;
        w.help()->showAbout();
        auto* about = w.findChild<app::AboutDialog*>();
        QVERIFY(about && about->isVisible());
        QVERIFY2(about->versionsText().contains(QStringLiteral("Qt: ") +
                                                QString::fromLatin1(qVersion())),
                 qPrintable(about->versionsText()));
        QVERIFY(about->versionsText().contains(QStringLiteral(QUIRE_VERSION)));
        QVERIFY(about->versionsText().contains(QLatin1String("ZeroMQ: 4.")));
        // rclone's line fills in when `rclone version` has answered (or could not run).
        QTRY_VERIFY_WITH_TIMEOUT(
            !about->versionsText().contains(app::VersionReport::tr("checking…")), 8000);
        QVERIFY(about->versionsText().contains(QLatin1String("rclone: ")));
        about->close();
    }

    void reportCopiesVersions() {
        app::MainWindow w;
        QGuiApplication::clipboard()->setText(QStringLiteral("before"));
        w.help()->reportProblem();
        QTRY_VERIFY_WITH_TIMEOUT(w.findChild<QMessageBox*>(QStringLiteral("help.reportCopied")),
                                 8000);
        const QString text = QGuiApplication::clipboard()->text();
        QVERIFY2(text.contains(QStringLiteral("Qt ") + QString::fromLatin1(qVersion())),
                 qPrintable(text));
        QVERIFY(text.contains(QLatin1String("QScintilla ")));
        QVERIFY(text.contains(QLatin1String("rclone ")));
        QVERIFY(text.contains(QSysInfo::prettyProductName()));
        w.findChild<QMessageBox*>(QStringLiteral("help.reportCopied"))->close();
    }

    void rcloneVersionIsItsFirstLine() {
        QTemporaryDir dir;
        const QString fake = dir.filePath(QStringLiteral("rclone"));
        QFile f(fake);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("#!/bin/sh\necho 'rclone v1.99.0'\necho '- os/version: test'\n");
        f.close();
        f.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        app::VersionReport report(nullptr, fake);
        QSignalSpy ready(&report, &app::VersionReport::ready);
        QVERIFY(ready.wait(5000));
        QCOMPARE(report.items().last().version, QStringLiteral("v1.99.0"));

        app::VersionReport missing(nullptr, dir.filePath(QStringLiteral("no-such-program")));
        QSignalSpy missingReady(&missing, &app::VersionReport::ready);
        QVERIFY(missingReady.wait(5000));
        QCOMPARE(missing.items().last().version, app::VersionReport::tr("not installed"));
    }
};

QTEST_MAIN(TestSettingsPalette)
#include "test_settings_palette.moc"
