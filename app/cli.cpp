// Headless subcommands. Only QtCore here: this runs before (and instead of) any GUI.
#include "app/cli.h"

#include "app/cli_kernel.h"
#include "app/cli_options.h"
#include "app/cli_resources.h"
#include "editor/nbformat/cell_ids.h"
#include "editor/nbformat/notebook_reader.h"
#include "editor/nbformat/notebook_writer.h"

#include <QCoreApplication>
#include <QFile>
#include <QLocale>
#include <QSaveFile>
#include <QTranslator>
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <string_view>

namespace quire::app {

namespace {

// The "Cli" context: lupdate reads the QT_TRANSLATE_NOOP / translate calls, this looks them up.
QString tr(const char* sourceText) {
    return QCoreApplication::translate("Cli", sourceText);
}

void print(std::FILE* stream, const QString& text) {
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
}

void printProblems(std::FILE* stream, const editor::Problems& problems, const QString& fileName) {
    const std::string name = fileName.toStdString();
    for (const auto& p : problems)
        print(stream, QString::fromStdString(editor::describe(p, name)) + QLatin1Char('\n'));
}

// Reads a whole file; on failure says why on stderr and returns nullopt.
std::optional<QByteArray> readFile(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        print(stderr, QCoreApplication::translate("Cli", "%1: error: cannot read the file: %2\n")
                          .arg(path, file.errorString()));
        return std::nullopt;
    }
    return file.readAll();
}

std::string_view view(const QByteArray& bytes) {
    return {bytes.constData(), size_t(bytes.size())};
}

struct Command {
    const char* name;
    const char* summary;
    const char* usage;
    int (*run)(const QStringList& args);
};

int usageError(const char* commandName, const QString& message) {
    print(stderr, QStringLiteral("quire %1: %2\n").arg(QLatin1String(commandName), message));
    print(stderr, QCoreApplication::translate("Cli", "Try 'quire %1 --help'.\n")
                      .arg(QLatin1String(commandName)));
    return 2;
}

int runFormat(const QStringList& args) {
    QString input, output, style = QStringLiteral("canonical");
    CliOptions options(args);
    while (options.next()) {
        const QString& a = options.arg();
        if (options.is("--output", "-o")) {
            if (!options.takeValue(output))
                return usageError("format",
                                  QCoreApplication::translate("Cli", "--output needs a file name"));
        } else if (options.is("--style")) {
            if (!options.takeValue(style))
                return usageError("format",
                                  QCoreApplication::translate("Cli", "--style needs a value"));
        } else if (a.startsWith(QLatin1Char('-')) && a != QLatin1String("-")) {
            return usageError("format",
                              QCoreApplication::translate("Cli", "unknown option %1").arg(a));
        } else if (input.isEmpty()) {
            input = a;
        } else {
            return usageError("format", QCoreApplication::translate(
                                            "Cli", "only one notebook can be formatted at a time"));
        }
    }
    if (input.isEmpty())
        return usageError("format", QCoreApplication::translate("Cli", "no notebook given"));
    if (output.isEmpty())
        return usageError("format",
                          QCoreApplication::translate(
                              "Cli", "no --output given (use --output - for standard output)"));
    if (style != QLatin1String("canonical") && style != QLatin1String("keep"))
        return usageError("format", QCoreApplication::translate(
                                        "Cli", "--style must be canonical or keep, not %1")
                                        .arg(style));

    const auto bytes = readFile(input);
    if (!bytes)
        return 1;
    auto read = editor::readNotebook(view(*bytes));
    printProblems(stderr, read.problems, input);
    if (!read.notebook) {
        print(stderr, QCoreApplication::translate(
                          "Cli", "%1: error: not written: the file cannot be read as a notebook\n")
                          .arg(input));
        return 1;
    }
    std::string text;
    if (style == QLatin1String("keep")) {
        text = editor::KeepStyleWriter(bytes->toStdString()).write(*read.notebook);
    } else {
        editor::repairCellIds(*read.notebook); // as nbformat does for 4.5 notebooks
        text = editor::writeCanonical(*read.notebook);
    }
    if (output == QLatin1String("-")) {
        std::fwrite(text.data(), 1, text.size(), stdout);
        return std::fflush(stdout) == 0 ? 0 : 1;
    }
    QSaveFile file(output);
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(text.data(), qint64(text.size())) != qint64(text.size()) || !file.commit()) {
        print(stderr, QCoreApplication::translate("Cli", "%1: error: cannot write the file: %2\n")
                          .arg(output, file.errorString()));
        return 1;
    }
    return 0;
}

int runCheck(const QStringList& args) {
    QStringList files;
    for (const QString& a : args) {
        if (a.startsWith(QLatin1Char('-')))
            return usageError("check",
                              QCoreApplication::translate("Cli", "unknown option %1").arg(a));
        files << a;
    }
    if (files.isEmpty())
        return usageError("check", QCoreApplication::translate("Cli", "no notebook given"));
    int status = 0;
    for (const QString& path : files) {
        const auto bytes = readFile(path);
        if (!bytes) {
            status = 1;
            continue;
        }
        const auto read = editor::readNotebook(view(*bytes));
        printProblems(stdout, read.problems, path);
        if (!read.notebook || !read.problems.empty())
            status = 1;
    }
    return status;
}

const Command kCommands[] = {
    {"format", QT_TRANSLATE_NOOP("Cli", "write a notebook as nbformat writes it"),
     QT_TRANSLATE_NOOP(
         "Cli",
         "Usage: quire format NOTEBOOK --output FILE [--style canonical|keep]\n"
         "\n"
         "Reads NOTEBOOK (nbformat 3 or 4) and writes it to FILE ('-' for standard output).\n"
         "  --style canonical  nbformat's own text, byte for byte (the default)\n"
         "  --style keep       the layout of NOTEBOOK itself (indentation, key order,\n"
         "                     escaping, line endings)\n"
         "Schema problems are reported on standard error as warnings; the file is still\n"
         "written. A file that cannot be read as a notebook is an error (exit status 1)\n"
         "and FILE is left as it was.\n"),
     runFormat},
    {"check", QT_TRANSLATE_NOOP("Cli", "check notebooks against the nbformat schema"),
     QT_TRANSLATE_NOOP("Cli", "Usage: quire check NOTEBOOK...\n"
                              "\n"
                              "Prints every problem as FILE:LINE: error|warning: PATH: message.\n"
                              "Exit status 0 when every notebook is valid, 1 otherwise.\n"),
     runCheck},
    {"kernels", kKernelsSummary, kKernelsUsage, runKernelsCommand},
    {"run", kRunSummary, kRunUsage, runRunCommand},
    {"resources", kResourcesSummary, kResourcesUsage, runResourcesCommand},
};

const Command* findCommand(std::string_view name) {
    for (const Command& c : kCommands)
        if (name == c.name)
            return &c;
    return nullptr;
}

void printUsage() {
    QString text = QCoreApplication::translate("Cli", "Usage: quire [NOTEBOOK...]\n"
                                                      "       quire COMMAND [ARGS...]\n"
                                                      "\n"
                                                      "Commands:\n");
    qsizetype width = 0;
    for (const Command& c : kCommands)
        width = std::max(width, qsizetype(std::strlen(c.name)));
    for (const Command& c : kCommands)
        text += QStringLiteral("  %1  %2\n")
                    .arg(QString::fromLatin1(c.name).leftJustified(width), tr(c.summary));
    text += QCoreApplication::translate(
        "Cli", "\nRun 'quire COMMAND --help' for the options of a command.\n");
    print(stdout, text);
}

bool isHelp(std::string_view arg) {
    return arg == "--help" || arg == "-h";
}

} // namespace

std::optional<int> runCommandLine(int argc, char** argv) {
    if (argc < 2)
        return std::nullopt;
    const std::string_view first = argv[1];
    const Command* command = findCommand(first);
    if (!command && !isHelp(first))
        return std::nullopt;

    int appArgc = 1; // Qt must not take our arguments for its own options
    QCoreApplication app(appArgc, argv);
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("quire"), QStringLiteral("_"),
                        QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&translator);

    if (!command) {
        printUsage();
        return 0;
    }
    QStringList args;
    for (int i = 2; i < argc; ++i) {
        if (isHelp(argv[i])) {
            print(stdout, tr(command->usage));
            return 0;
        }
        args << QString::fromLocal8Bit(argv[i]);
    }
    return command->run(args);
}

} // namespace quire::app
