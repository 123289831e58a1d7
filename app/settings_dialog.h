#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QFontComboBox;
class QFormLayout;
class QSpinBox;
class QTabWidget;

namespace quire::app {

// Tools → Settings: editor font and line numbers, theme and language, autosave, the default
// kernel, the warm kernel and the resource monitor's sampling interval. Each control writes its
// AppSettings value as the user changes it (the window applies settings through their change
// signals, so the change shows at once) and follows the settings back, so the menus and this dialog
// never disagree. Close only closes.
class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit SettingsDialog(QWidget* parent = nullptr);

    enum class Page { Editor, Appearance, Files, Runtime };
    void showPage(Page page);

private:
    QWidget* buildEditorPage();
    QWidget* buildAppearancePage();
    QWidget* buildFilesPage();
    QWidget* buildRuntimePage();
    void fillKernels();
    void load(); // settings → controls, without writing anything back

    QTabWidget* m_pages;
    QFontComboBox* m_fontFamily;
    QSpinBox* m_fontSize;
    QCheckBox* m_lineNumbers;
    QComboBox* m_theme;
    QComboBox* m_language;
    QCheckBox* m_autosave;
    QSpinBox* m_autosaveSeconds;
    QComboBox* m_kernel;
    QCheckBox* m_warmKernel;
    QSpinBox* m_resourceInterval;
};

} // namespace quire::app
