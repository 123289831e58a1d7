#include "editor/execution/widget_version_check.h"

#include <array>
#include <charconv>
#include <utility>

#ifndef QUIRE_WIDGETS_FRONTEND_VERSION
#define QUIRE_WIDGETS_FRONTEND_VERSION "" // built without jupyter-js-widgets: no widget outputs
#endif

namespace quire::editor {

using kernel::Json;

namespace {

using Version = std::array<int, 3>;

// "X.Y.Z" (missing parts are 0); false when it does not start with a number.
bool parseVersion(std::string_view text, Version& out) {
    out = {0, 0, 0};
    for (std::size_t part = 0; part < out.size() && !text.empty(); ++part) {
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out[part]);
        if (ec != std::errc())
            return part > 0;
        text.remove_prefix(std::size_t(end - text.data()));
        if (text.empty() || text.front() != '.')
            break;
        text.remove_prefix(1);
    }
    return true;
}

} // namespace

WidgetVersionCheck::WidgetVersionCheck(kernel::KernelClient* client, QObject* parent)
    : QObject(parent), m_client(client) {
    // Restarting: requests made now wait for the new kernel, ahead of the cells to rerun.
    connect(client, &kernel::KernelClient::statusChanged, this, [this](kernel::KernelStatus s) {
        if (s == kernel::KernelStatus::Restarting) {
            m_sentForRestart = true;
            start();
        }
    });
    // A restart nobody asked for here (a Jupyter Server's restarter).
    connect(client, &kernel::KernelClient::restarted, this, [this] {
        if (!std::exchange(m_sentForRestart, false))
            start();
    });
    start();
}

std::string_view WidgetVersionCheck::frontendVersion() {
    return QUIRE_WIDGETS_FRONTEND_VERSION;
}

bool WidgetVersionCheck::satisfies(std::string_view version, std::string_view range) {
    while (!range.empty() && range.front() == ' ')
        range.remove_prefix(1);
    if (range.empty() || range == "*")
        return true;
    char op = 0;
    if (range.front() == '~' || range.front() == '^') {
        op = range.front();
        range.remove_prefix(1);
    }
    Version have;
    Version want;
    if (!parseVersion(version, have) || !parseVersion(range, want))
        return false;
    if (op == 0)
        return have == want;
    if (have < want || have[0] != want[0])
        return false;
    return op == '^' || have[1] == want[1];
}

void WidgetVersionCheck::start() {
    if (!m_client || frontendVersion().empty())
        return;
    const Json info = m_client->kernelInfo().value("language_info", Json::object());
    if (info.is_object() && info.contains("name") && info.value("name", "") != "python")
        return;
    kernel::ExecuteOptions options;
    options.silent = true;
    options.storeHistory = false;
    options.allowStdin = false;
    options.stopOnError = false;
    options.userExpressions = {{"ipywidgets", "__import__('ipywidgets').__version__"}};
    m_client->execute(QString(), options, this);

    delete m_comm; // the last kernel's
    m_comm = m_client->openComm(QStringLiteral("jupyter.widget.version"), Json::object(),
                                Json::object(), this);
    // Answered before the kernel asks: the answer to its question would reach it only after
    // the cells queued behind. ipywidgets 6 wants "~2.1.x", which the bundled library is; the
    // real answer follows when the kernel's range differs.
    const std::string version(frontendVersion());
    m_comm->send({{"validated", true}, {"frontend_version", version}});
    kernel::Comm* comm = m_comm;
    connect(comm, &kernel::Comm::message, this, [comm, version](const kernel::Message& message) {
        const Json data = message.content.value("data", Json::object());
        const std::string range = data.is_object() ? data.value("version", "") : std::string();
        if (!satisfies(version, range))
            comm->send({{"validated", false}, {"frontend_version", version}});
    });
}

} // namespace quire::editor
