#include "settings_dialog.h"

#include "app_settings.h"
#include "kernelclient/kernelspec_store.h"
#include "resource_sampler.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>
#include <vector>

namespace quire::app {

namespace {
// A form row whose label is the control's buddy (Alt+letter moves there) and its accessible
// name.
void addRow(QFormLayout* form, const QString& label, QWidget* field) {
    auto* text = new QLabel(label, form->parentWidget());
    text->setBuddy(field);
    field->setAccessibleName(text->text().remove(QLatin1Char('&')).remove(QLatin1Char(':')));
    form->addRow(text, field);
}

QFormLayout* newForm(QWidget* page) {
    auto* form = new QFormLayout(page);
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    return form;
}

void selectData(QComboBox* box, const QVariant& value) {
    const int i = box->findData(value);
    if (i >= 0)
        box->setCurrentIndex(i);
}
} // namespace

SettingsDialog::SettingsDialog(QWidget* parent) : QDialog(parent) {
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));
    auto* layout = new QVBoxLayout(this);
    m_pages = new QTabWidget(this);
    m_pages->setAccessibleName(tr("Settings pages"));
    m_pages->addTab(buildEditorPage(), tr("&Editor"));
    m_pages->addTab(buildAppearancePage(), tr("A&ppearance"));
    m_pages->addTab(buildFilesPage(), tr("&Files"));
    m_pages->addTab(buildRuntimePage(), tr("&Runtime"));
    layout->addWidget(m_pages);
    auto* note = new QLabel(tr("Changes apply at once."), this);
    note->setEnabled(false); // dimmed
    layout->addWidget(note);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    fillKernels();
    load();
    // The menus (View → Line Numbers, Tools → Theme) change the same settings.
    auto& s = AppSettings::instance();
    connect(&s, &AppSettings::editorFontFamilyChanged, this, &SettingsDialog::load);
    connect(&s, &AppSettings::editorFontSizeChanged, this, &SettingsDialog::load);
    connect(&s, &AppSettings::lineNumbersChanged, this, &SettingsDialog::load);
    connect(&s, &AppSettings::themeChanged, this, &SettingsDialog::load);
    connect(&s, &AppSettings::languageChanged, this, &SettingsDialog::load);
    connect(&s, &AppSettings::autosaveChanged, this, &SettingsDialog::load);
    connect(&s, &AppSettings::autosaveSecondsChanged, this, &SettingsDialog::load);
    connect(&s, &AppSettings::defaultKernelChanged, this, &SettingsDialog::load);
    connect(&s, &AppSettings::warmKernelChanged, this, &SettingsDialog::load);
    connect(&s, &AppSettings::resourceIntervalMsChanged, this, &SettingsDialog::load);
}

void SettingsDialog::showPage(Page page) {
    m_pages->setCurrentIndex(int(page));
}

QWidget* SettingsDialog::buildEditorPage() {
    auto* page = new QWidget(this);
    auto* form = newForm(page);
    m_fontFamily = new QFontComboBox(page);
    m_fontFamily->setObjectName(QStringLiteral("settings.fontFamily"));
    m_fontFamily->setFontFilters(QFontComboBox::MonospacedFonts);
    m_fontFamily->setEditable(false);
    addRow(form, tr("&Font:"), m_fontFamily);
    m_fontSize = new QSpinBox(page);
    m_fontSize->setObjectName(QStringLiteral("settings.fontSize"));
    m_fontSize->setRange(6, 48);
    m_fontSize->setSuffix(tr(" pt"));
    addRow(form, tr("&Size:"), m_fontSize);
    m_lineNumbers = new QCheckBox(tr("Show &line numbers in code cells"), page);
    m_lineNumbers->setObjectName(QStringLiteral("settings.lineNumbers"));
    form->addRow(m_lineNumbers);

    connect(m_fontFamily, &QFontComboBox::currentFontChanged, this,
            [](const QFont& font) { AppSettings::instance().setEditorFontFamily(font.family()); });
    connect(m_fontSize, &QSpinBox::valueChanged, this,
            [](int size) { AppSettings::instance().setEditorFontSize(size); });
    connect(m_lineNumbers, &QCheckBox::toggled, this,
            [](bool on) { AppSettings::instance().setLineNumbers(on); });
    return page;
}

QWidget* SettingsDialog::buildAppearancePage() {
    auto* page = new QWidget(this);
    auto* form = newForm(page);
    m_theme = new QComboBox(page);
    m_theme->setObjectName(QStringLiteral("settings.theme"));
    m_theme->addItem(tr("System"), QStringLiteral("system"));
    m_theme->addItem(tr("Light"), QStringLiteral("light"));
    m_theme->addItem(tr("Dark"), QStringLiteral("dark"));
    addRow(form, tr("&Theme:"), m_theme);
    m_language = new QComboBox(page);
    m_language->setObjectName(QStringLiteral("settings.language"));
    m_language->addItem(tr("System"), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("한국어"), QStringLiteral("ko"));
    addRow(form, tr("&Language:"), m_language);
    auto* restart = new QLabel(tr("A new language applies the next time Quire starts."), page);
    restart->setWordWrap(true);
    form->addRow(QString(), restart);

    connect(m_theme, &QComboBox::currentIndexChanged, this,
            [this] { AppSettings::instance().setTheme(m_theme->currentData().toString()); });
    connect(m_language, &QComboBox::currentIndexChanged, this,
            [this] { AppSettings::instance().setLanguage(m_language->currentData().toString()); });
    return page;
}

QWidget* SettingsDialog::buildFilesPage() {
    auto* page = new QWidget(this);
    auto* form = newForm(page);
    m_autosave = new QCheckBox(tr("&Save notebooks automatically"), page);
    m_autosave->setObjectName(QStringLiteral("settings.autosave"));
    form->addRow(m_autosave);
    m_autosaveSeconds = new QSpinBox(page);
    m_autosaveSeconds->setObjectName(QStringLiteral("settings.autosaveSeconds"));
    m_autosaveSeconds->setRange(1, 3600);
    addRow(form, tr("Save &after (seconds):"), m_autosaveSeconds);
    auto* about = new QLabel(tr("Counted from the first change since the last save. Notebooks "
                                "without a file are kept in the recovery journal instead."),
                             page);
    about->setWordWrap(true);
    form->addRow(QString(), about);

    connect(m_autosave, &QCheckBox::toggled, this,
            [](bool on) { AppSettings::instance().setAutosave(on); });
    connect(m_autosaveSeconds, &QSpinBox::valueChanged, this,
            [](int seconds) { AppSettings::instance().setAutosaveSeconds(seconds); });
    return page;
}

QWidget* SettingsDialog::buildRuntimePage() {
    auto* page = new QWidget(this);
    auto* form = newForm(page);
    m_kernel = new QComboBox(page);
    m_kernel->setObjectName(QStringLiteral("settings.defaultKernel"));
    addRow(form, tr("&Default kernel:"), m_kernel);
    m_warmKernel = new QCheckBox(tr("Start a kernel ahead of time (&warm kernel)"), page);
    m_warmKernel->setObjectName(QStringLiteral("settings.warmKernel"));
    form->addRow(m_warmKernel);
    m_resourceInterval = new QSpinBox(page);
    m_resourceInterval->setObjectName(QStringLiteral("settings.resourceInterval"));
    m_resourceInterval->setRange(ResourceSampler::kMinIntervalMs, 60000);
    m_resourceInterval->setSingleStep(250);
    m_resourceInterval->setSuffix(tr(" ms"));
    addRow(form, tr("Resource sampling &interval:"), m_resourceInterval);
    auto* about = new QLabel(tr("New notebooks, and notebooks that name no kernel, use the "
                                "default kernel. A warm kernel makes the first run start at once."),
                             page);
    about->setWordWrap(true);
    form->addRow(QString(), about);

    connect(m_kernel, &QComboBox::currentIndexChanged, this, [this] {
        const QString name = m_kernel->currentData().toString();
        if (!name.isEmpty())
            AppSettings::instance().setDefaultKernel(name);
    });
    connect(m_warmKernel, &QCheckBox::toggled, this,
            [](bool on) { AppSettings::instance().setWarmKernel(on); });
    connect(m_resourceInterval, &QSpinBox::valueChanged, this,
            [](int ms) { AppSettings::instance().setResourceIntervalMs(ms); });
    return page;
}

void SettingsDialog::fillKernels() {
    QSignalBlocker blocker(m_kernel);
    m_kernel->clear();
    for (const kernel::KernelSpec& spec : kernel::KernelSpecStore().specs())
        m_kernel->addItem(spec.displayName.isEmpty() ? spec.name : spec.displayName, spec.name);
}

void SettingsDialog::load() {
    const auto& s = AppSettings::instance();
    const QList<QWidget*> fields = {m_fontFamily, m_fontSize,        m_lineNumbers,     m_theme,
                                    m_language,   m_autosave,        m_autosaveSeconds, m_kernel,
                                    m_warmKernel, m_resourceInterval};
    std::vector<QSignalBlocker> blockers;
    blockers.reserve(size_t(fields.size()));
    for (QWidget* w : fields)
        blockers.emplace_back(w);

    const QFont font = s.editorFont();
    m_fontFamily->setCurrentFont(font);
    m_fontSize->setValue(font.pointSize());
    m_lineNumbers->setChecked(s.lineNumbers());
    selectData(m_theme, s.theme());
    selectData(m_language, s.language());
    m_autosave->setChecked(s.autosave());
    m_autosaveSeconds->setValue(s.autosaveSeconds());
    m_autosaveSeconds->setEnabled(s.autosave());
    // A default that is not installed (any more) stays visible instead of being replaced.
    const QString kernel = s.defaultKernel();
    if (!kernel.isEmpty() && m_kernel->findData(kernel) < 0)
        m_kernel->addItem(tr("%1 (not installed)").arg(kernel), kernel);
    selectData(m_kernel, kernel);
    m_warmKernel->setChecked(s.warmKernel());
    m_resourceInterval->setValue(s.resourceIntervalMs());
}

} // namespace quire::app
