#include "application.h"

#include "app_settings.h"
#include "controllers/file_controller.h"
#include "controllers/welcome_controller.h"
#include "editor/render/web_output_page.h"
#include "editor/view/notebook_view.h"
#include "main_window.h"
#include "notebook_page.h"
#include "recovery_dialog.h"
#include "recovery_journal.h"
#include "single_instance.h"
#include "startup_probe.h"
#include "theme.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace quire::app {

namespace {
void installTranslations(QApplication& app) {
    const QString lang = AppSettings::instance().language();
    const QLocale locale = lang.isEmpty() ? QLocale::system() : QLocale(lang);
    QLocale::setDefault(locale);
    auto* quire = new QTranslator(&app);
    if (quire->load(locale, QStringLiteral("quire"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(quire);
    auto* qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(qt);
}
} // namespace

int runGui(int argc, char** argv) {
    editor::WebOutputPage::prepareEngine();
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Quire"));
    QApplication::setOrganizationName(QStringLiteral("Quire"));
    QApplication::setApplicationVersion(QStringLiteral(QUIRE_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("quire"));
    installTranslations(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Quire, a notebook IDE"));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption newInstance(
        QStringLiteral("new-instance"),
        QApplication::translate("main", "Do not hand files to a running Quire."));
    parser.addOption(newInstance);
    parser.addPositionalArgument(QStringLiteral("files"),
                                 QApplication::translate("main", "Notebooks to open."),
                                 QStringLiteral("[FILE...]"));
    parser.process(app);
    const QStringList files = parser.positionalArguments();

    SingleInstance instance(SingleInstance::defaultKey());
    if (!parser.isSet(newInstance)) {
        if (instance.forwardToRunning(files))
            return 0;
        instance.listen();
    }

    applyTheme(AppSettings::instance().theme());
    // Declared before the window so it runs after the window (and its documents) are gone:
    // a normal quit leaves no journal of this process behind.
    struct FinishJournals {
        ~FinishJournals() { RecoveryJournal::finishProcess(); }
    } finishJournals;
    MainWindow window;
    QObject::connect(&instance, &SingleInstance::filesReceived, &window,
                     [&window](const QStringList& received) {
                         window.files()->openFiles(received);
                         if (window.pages().isEmpty())
                             window.files()->newNotebook();
                         window.raise();
                         window.activateWindow();
                     });
    offerRecovery(window); // before the command line's files, which may be the same notebooks
    window.files()->openFiles(files);
    if (window.pages().isEmpty() && !window.welcome()->openOnFirstStart())
        window.files()->newNotebook();
    if (StartupProbe::enabled())
        new StartupProbe(window.currentPage()->view()->viewport(), &window);
    window.show();
    return app.exec();
}

} // namespace quire::app
