// Headless kernel commands: list kernelspecs, run a notebook like `jupyter execute`. The
// same KernelClient the window uses, driven by a local event loop (QtCore only).
#include "app/cli_kernel.h"

#include "app/cli_options.h"
#include "editor/execution/cell_executor.h"
#include "editor/model/notebook_document.h"
#include "kernelclient/jupyter_server.h"
#include "kernelclient/kernel_client.h"
#include "kernelclient/kernelspec_store.h"
#include "kernelclient/remote_kernel_starter.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTimer>
#include <cstdio>

namespace quire::app {

using editor::Json;
using kernel::KernelClient;
using kernel::KernelStatus;
using kernel::Message;

const char* const kKernelsSummary = QT_TRANSLATE_NOOP("Cli", "list the installed kernels");
const char* const kKernelsUsage = QT_TRANSLATE_NOOP(
    "Cli", "Usage: quire kernels [--json]\n"
           "\n"
           "Lists the kernelspecs Quire finds (JUPYTER_PATH, the Jupyter data\n"
           "directories, the running environment): name, language, display name\n"
           "and folder. --json prints them as `jupyter kernelspec list --json` does.\n");
const char* const kRunSummary = QT_TRANSLATE_NOOP("Cli", "run every code cell of a notebook");
const char* const kRunUsage = QT_TRANSLATE_NOOP(
    "Cli", "Usage: quire run NOTEBOOK [--kernel NAME] [--output FILE] [--timeout SECONDS]\n"
           "                 [--allow-errors] [--runtime URL]\n"
           "\n"
           "Runs the code cells of NOTEBOOK in order on a new kernel (the notebook's own, or\n"
           "NAME), records their outputs, execution counts and timing (metadata.execution) as\n"
           "nbclient does, and saves the notebook to FILE (default: NOTEBOOK itself) in its own\n"
           "style. Cells tagged skip-execution are not run; an error stops the run (exit status\n"
           "1, the notebook is saved up to that cell) unless --allow-errors is given or the\n"
           "cell is tagged raises-exception. --timeout limits each cell; a cell that runs longer\n"
           "is interrupted and the run fails. Standard input is not available to the cells.\n"
           "\n"
           "--runtime URL runs the kernel on a Jupyter Server (or a JupyterHub user server,\n"
           "https://hub/user/NAME/) instead of this machine. The token comes from the URL's\n"
           "?token= or the QUIRE_RUNTIME_TOKEN environment variable. A certificate that no\n"
           "system CA vouches for is refused unless it was accepted in Quire's window. The\n"
           "kernel and its session are deleted from the server when the run ends.\n");

namespace {

void print(std::FILE* stream, const QString& text) {
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}

int usageError(const char* command, const QString& message) {
    print(stderr, QStringLiteral("quire %1: %2\n").arg(QLatin1String(command), message));
    print(
        stderr,
        QCoreApplication::translate("Cli", "Try 'quire %1 --help'.\n").arg(QLatin1String(command)));
    return 2;
}

// Waits in a local event loop until `done()` or `timeoutMs` (< 0: no limit).
template <typename Done> bool waitUntil(Done done, int timeoutMs) {
    QElapsedTimer clock;
    clock.start();
    QEventLoop loop;
    QTimer tick;
    QObject::connect(&tick, &QTimer::timeout, &loop, &QEventLoop::quit);
    tick.start(50);
    while (!done()) {
        if (timeoutMs >= 0 && clock.elapsed() >= timeoutMs)
            return false;
        loop.processEvents(QEventLoop::WaitForMoreEvents);
    }
    return true;
}

// Prints why a cell stopped `quire run`.
void reportFailure(const editor::NotebookDocument& doc, const editor::Cell* cell,
                   const editor::CellExecutor::Result& result, int timeoutMs) {
    const QString where = QCoreApplication::translate("Cli", "cell %1").arg(doc.indexOf(cell) + 1);
    const Json& reply = result.reply;
    switch (result.outcome) {
    case editor::CellOutcome::TimedOut:
        print(stderr, QCoreApplication::translate(
                          "Cli", "quire run: error: %1 did not finish within %2 seconds\n")
                          .arg(where)
                          .arg(timeoutMs / 1000.0));
        return;
    case editor::CellOutcome::KernelDied:
    case editor::CellOutcome::Cancelled:
        print(stderr, QCoreApplication::translate(
                          "Cli", "quire run: error: the kernel died while running %1: %2\n")
                          .arg(where, QString::fromStdString(reply.value("evalue", ""))));
        return;
    case editor::CellOutcome::Error: {
        QString traceback;
        for (const auto& line : reply.value("traceback", Json::array()))
            if (line.is_string())
                traceback += QString::fromStdString(line.get<std::string>()) + QLatin1Char('\n');
        print(stderr,
              QCoreApplication::translate("Cli", "quire run: error in %1:\n%2\n%3: %4\n")
                  .arg(where, cell->source(), QString::fromStdString(reply.value("ename", "")),
                       QString::fromStdString(reply.value("evalue", ""))));
        if (!traceback.isEmpty())
            print(stderr, traceback);
        return;
    }
    case editor::CellOutcome::Ok:
        return;
    }
}

// Starts the kernel on this machine, or on `server` when there is one; false after printing why.
bool startKernel(KernelClient& client, kernel::JupyterServer* server, const QString& kernelName,
                 const QString& input) {
    if (server) {
        QString failure;
        kernel::RemoteKernelStarter* starter =
            client.startRemote(server, kernelName, QFileInfo(input).fileName());
        QObject::connect(starter, &kernel::RemoteKernelStarter::failed, &client,
                         [&failure](const kernel::ServerError& e) { failure = e.fullMessage(); });
        (void)waitUntil([&] { return client.channels() || client.status() == KernelStatus::Dead; },
                        -1);
        if (!client.channels()) {
            print(stderr, QCoreApplication::translate(
                              "Cli", "quire run: error: cannot start the %1 kernel on %2: %3\n")
                              .arg(kernelName, server->endpoint().toString(), failure));
            return false;
        }
        return true;
    }
    const auto spec = kernel::KernelSpecStore().find(kernelName);
    if (!spec) {
        print(stderr, QCoreApplication::translate(
                          "Cli", "quire run: error: no kernel named %1 (see 'quire kernels')\n")
                          .arg(kernelName));
        return false;
    }
    QString error;
    if (!client.startLocal(*spec, QFileInfo(input).absolutePath(), &error)) {
        print(stderr, QCoreApplication::translate(
                          "Cli", "quire run: error: cannot start the %1 kernel: %2\n")
                          .arg(kernelName, error));
        return false;
    }
    return true;
}

// Stops the kernel and waits for it (a remote one is deleted on the server).
void stopKernel(KernelClient& client) {
    if (!client.channels())
        return;
    bool finished = false;
    QObject::connect(&client, &KernelClient::shutdownFinished, &client,
                     [&finished] { finished = true; });
    client.shutdown();
    (void)waitUntil([&] { return finished; }, 15000);
}

} // namespace

QString trustedCertificatesFile() {
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/trusted-certificates.json");
}

int runKernelsCommand(const QStringList& args) {
    bool json = false;
    for (const QString& a : args) {
        if (a == QLatin1String("--json"))
            json = true;
        else
            return usageError("kernels",
                              QCoreApplication::translate("Cli", "unknown option %1").arg(a));
    }
    const auto specs = kernel::KernelSpecStore().specs();
    if (json) {
        QJsonObject all;
        for (const auto& s : specs) {
            QJsonObject spec{{QStringLiteral("argv"), QJsonArray::fromStringList(s.argv)},
                             {QStringLiteral("display_name"), s.displayName},
                             {QStringLiteral("language"), s.language},
                             {QStringLiteral("interrupt_mode"), s.interruptMode},
                             {QStringLiteral("env"), s.env},
                             {QStringLiteral("metadata"), s.metadata}};
            all[s.name] = QJsonObject{{QStringLiteral("resource_dir"), s.resourceDir},
                                      {QStringLiteral("spec"), spec}};
        }
        print(stdout,
              QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("kernelspecs"), all}})
                                    .toJson(QJsonDocument::Indented)));
        return 0;
    }
    if (specs.isEmpty()) {
        print(stderr, QCoreApplication::translate("Cli", "No kernels found.\n"));
        return 1;
    }
    qsizetype nameWidth = 4, languageWidth = 8, displayWidth = 12;
    for (const auto& s : specs) {
        nameWidth = std::max(nameWidth, s.name.size());
        languageWidth = std::max(languageWidth, s.language.size());
        displayWidth = std::max(displayWidth, s.displayName.size());
    }
    auto row = [&](const QString& a, const QString& b, const QString& c, const QString& d) {
        print(stdout, QStringLiteral("%1  %2  %3  %4\n")
                          .arg(a.leftJustified(nameWidth), b.leftJustified(languageWidth),
                               c.leftJustified(displayWidth), d));
    };
    row(QCoreApplication::translate("Cli", "NAME"), QCoreApplication::translate("Cli", "LANGUAGE"),
        QCoreApplication::translate("Cli", "DISPLAY NAME"),
        QCoreApplication::translate("Cli", "PATH"));
    for (const auto& s : specs)
        row(s.name, s.language, s.displayName, s.resourceDir);
    return 0;
}

int runRunCommand(const QStringList& args) {
    QString input, output, kernelName, runtimeUrl;
    double timeoutSeconds = -1;
    bool allowErrors = false;
    CliOptions options(args);
    while (options.next()) {
        const QString& a = options.arg();
        QString value;
        if (options.is("--output", "-o")) {
            if (!options.takeValue(output))
                return usageError("run",
                                  QCoreApplication::translate("Cli", "--output needs a file name"));
        } else if (options.is("--kernel")) {
            if (!options.takeValue(kernelName))
                return usageError(
                    "run", QCoreApplication::translate("Cli", "--kernel needs a kernel name"));
        } else if (options.is("--timeout")) {
            bool ok = false;
            if (options.takeValue(value))
                timeoutSeconds = value.toDouble(&ok);
            if (!ok || timeoutSeconds <= 0)
                return usageError("run", QCoreApplication::translate(
                                             "Cli", "--timeout needs a number of seconds"));
        } else if (options.is("--runtime")) {
            if (!options.takeValue(runtimeUrl))
                return usageError(
                    "run", QCoreApplication::translate("Cli", "--runtime needs a server URL"));
        } else if (a == QLatin1String("--allow-errors")) {
            allowErrors = true;
        } else if (a.startsWith(QLatin1Char('-'))) {
            return usageError("run",
                              QCoreApplication::translate("Cli", "unknown option %1").arg(a));
        } else if (input.isEmpty()) {
            input = a;
        } else {
            return usageError("run", QCoreApplication::translate(
                                         "Cli", "only one notebook can be run at a time"));
        }
    }
    if (input.isEmpty())
        return usageError("run", QCoreApplication::translate("Cli", "no notebook given"));
    if (output.isEmpty())
        output = input;

    auto loaded = editor::NotebookDocument::load(input);
    if (!loaded.document) {
        print(stderr, QStringLiteral("quire run: %1: %2\n").arg(input, loaded.error));
        return 1;
    }
    editor::NotebookDocument& doc = *loaded.document;
    if (kernelName.isEmpty()) {
        const Json& md = doc.metadata();
        if (const auto ks = md.find("kernelspec"); ks != md.end() && ks->is_object())
            kernelName = QString::fromStdString(ks->value("name", std::string()));
    }
    if (kernelName.isEmpty())
        kernelName = QStringLiteral("python3");
    std::unique_ptr<kernel::JupyterServer> server;
    if (!runtimeUrl.isEmpty()) {
        QString urlError;
        auto endpoint = kernel::ServerEndpoint::parse(runtimeUrl, &urlError);
        if (!endpoint)
            return usageError("run", urlError);
        if (endpoint->token().isEmpty())
            endpoint->setToken(qEnvironmentVariable("QUIRE_RUNTIME_TOKEN"));
        server = std::make_unique<kernel::JupyterServer>(*endpoint);
        auto trust = std::make_shared<kernel::TlsTrust>(); // no question hook: refuse unknown
        (void)trust->loadFile(trustedCertificatesFile());
        server->setTlsTrust(std::move(trust));
    }

    KernelClient client;
    QString error;
    if (!startKernel(client, server.get(), kernelName, input))
        return 1;
    QString deathReason;
    QObject::connect(&client, &KernelClient::died, &client,
                     [&](const QString& why) { deathReason = why; });
    (void)waitUntil([&] { return client.isReady() || client.status() == KernelStatus::Dead; }, -1);
    if (!client.isReady()) {
        print(stderr, QCoreApplication::translate(
                          "Cli", "quire run: error: the %1 kernel did not start: %2\n")
                          .arg(kernelName, deathReason));
        stopKernel(client);
        return 1;
    }
    // As nbclient does: the notebook says which language version ran it.
    if (const auto info = client.kernelInfo().find("language_info");
        info != client.kernelInfo().end() && info->is_object()) {
        Json md = doc.metadata();
        md["language_info"] = *info;
        doc.setMetadata(std::move(md));
    }

    // nbclient's behaviour: raw stream text, tags honoured, no stdin, empty cells left alone.
    editor::ExecutionPolicy policy;
    policy.allowStdin = false;
    policy.resolveControlChars = false;
    policy.honourTags = true;
    policy.allowErrors = allowErrors;
    policy.clearEmptyCells = false;
    policy.timeoutMs = timeoutSeconds > 0 ? int(timeoutSeconds * 1000) : -1;
    editor::CellExecutor executor(&doc, policy);
    executor.setKernel(&client);
    int status = 0;
    bool done = false;
    QObject::connect(&executor, &editor::CellExecutor::cellFinished, &executor,
                     [&](const editor::Cell* cell, const editor::CellExecutor::Result& result) {
                         if (result.outcome == editor::CellOutcome::Ok)
                             return;
                         status = 1;
                         reportFailure(doc, cell, result, policy.timeoutMs);
                     });
    QObject::connect(&executor, &editor::CellExecutor::queueFinished, &executor,
                     [&](bool) { done = true; });
    std::vector<editor::CellPtr> cells;
    for (int i = 0; i < doc.cellCount(); ++i)
        cells.push_back(doc.cell(i));
    executor.enqueue(cells);
    (void)waitUntil([&] { return done; }, -1);

    stopKernel(client);

    if (!doc.saveAs(output, &error)) {
        print(stderr, QStringLiteral("quire run: %1\n").arg(error));
        return 1;
    }
    return status;
}

} // namespace quire::app
