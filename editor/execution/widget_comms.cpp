#include "editor/execution/widget_comms.h"

#include "editor/execution/widget_version_check.h"
#include "kernelclient/nbformat_output.h"

#include <QList>
#include <QLoggingCategory>
#include <deque>
#include <unordered_set>

Q_LOGGING_CATEGORY(lcWidgets, "quire.widgets")

namespace quire::editor {

using kernel::Json;

namespace {

constexpr char kTarget[] = "jupyter.widget";
constexpr std::string_view kRefPrefix = "IPY_MODEL_";

QList<WidgetComms*>& allComms() {
    static QList<WidgetComms*> all;
    return all;
}

void collectReferences(const Json& value, std::vector<std::string>& out) {
    if (value.is_string()) {
        const auto& s = value.get_ref<const std::string&>();
        if (s.size() > kRefPrefix.size() && s.compare(0, kRefPrefix.size(), kRefPrefix) == 0)
            out.push_back(s.substr(kRefPrefix.size()));
    } else if (value.is_array() || value.is_object()) {
        for (const auto& child : value)
            collectReferences(child, out);
    }
}

} // namespace

WidgetComms::WidgetComms(kernel::KernelClient* client) : QObject(client), m_client(client) {
    setObjectName(QStringLiteral("quire_widget_comms"));
    allComms().append(this);
    client->registerCommTarget(QString::fromLatin1(kTarget));
    connect(client, &kernel::KernelClient::commOpened, this, &WidgetComms::onCommOpened);
    connect(client, &kernel::KernelClient::restarted, this, &WidgetComms::dropAll);
    connect(client, &kernel::KernelClient::died, this, &WidgetComms::dropAll);
    connect(client, &kernel::KernelClient::iopubMessage, this, [this](const kernel::Message& m) {
        if (m.msgType() == "status" && m.content.value("execution_state", "") == "idle" &&
            !m.parentMsgId().empty())
            emit kernelHandled(QString::fromStdString(std::string(m.parentMsgId())));
        if (const std::string id = capturingModel(m); !id.empty())
            capture(id, m);
    });
    new WidgetVersionCheck(client, this);
}

WidgetComms::~WidgetComms() {
    allComms().removeAll(this);
    // The kernel's client is going (another kernel replaces it): pages say their models are gone.
    emit modelsLost();
}

WidgetComms* WidgetComms::forModel(const QString& modelId) {
    const std::string id = modelId.toStdString();
    for (WidgetComms* comms : allComms()) {
        if (comms->hasModel(id))
            return comms;
    }
    return nullptr;
}

WidgetComms* WidgetComms::of(kernel::KernelClient* client) {
    if (!client)
        return nullptr;
    if (auto* existing = client->findChild<WidgetComms*>(QStringLiteral("quire_widget_comms"),
                                                         Qt::FindDirectChildrenOnly))
        return existing;
    return new WidgetComms(client);
}

WidgetComms* WidgetComms::find(const kernel::KernelClient* client) {
    return client ? client->findChild<WidgetComms*>(QStringLiteral("quire_widget_comms"),
                                                    Qt::FindDirectChildrenOnly)
                  : nullptr;
}

bool WidgetComms::captures(const kernel::Message& message) const {
    return !capturingModel(message).empty();
}

std::string WidgetComms::capturingModel(const kernel::Message& message) const {
    const auto type = message.msgType();
    if (type != "stream" && type != "display_data" && type != "execute_result" && type != "error" &&
        type != "clear_output")
        return {};
    const std::string_view parent = message.parentMsgId();
    if (parent.empty())
        return {};
    for (const auto& [id, model] : m_models) {
        const auto msgId = model.state.find("msg_id");
        if (msgId != model.state.end() && msgId->is_string() &&
            msgId->get_ref<const std::string&>() == parent &&
            model.state.value("_model_name", "") == "OutputModel")
            return id;
    }
    return {};
}

void WidgetComms::capture(const std::string& id, const kernel::Message& message) {
    Model& model = m_models[id];
    if (message.msgType() == "clear_output") {
        if (message.content.value("wait", false)) {
            model.clearBeforeNext = true;
            return;
        }
        model.outputs = Json::array();
    } else {
        auto output = kernel::nbformatOutput(message);
        if (!output)
            return;
        if (std::exchange(model.clearBeforeNext, false))
            model.outputs = Json::array();
        Json* last = model.outputs.empty() ? nullptr : &model.outputs.back();
        if (last && last->value("output_type", "") == "stream" &&
            output->value("output_type", "") == "stream" &&
            last->value("name", "") == output->value("name", "") && (*last)["text"].is_string() &&
            (*output)["text"].is_string())
            (*last)["text"].get_ref<std::string&>() += (*output)["text"].get<std::string>();
        else
            model.outputs.push_back(std::move(*output));
    }
    emit modelMessage(QString::fromStdString(id),
                      Json{{"method", "custom"}, {"content", {{"quire_outputs", model.outputs}}}},
                      {}, nullptr);
}

std::vector<std::string> WidgetComms::references(const Json& state) {
    std::vector<std::string> out;
    collectReferences(state, out);
    return out;
}

std::vector<std::string> WidgetComms::closure(const std::string& id) const {
    std::vector<std::string> out;
    std::unordered_set<std::string> seen;
    std::deque<std::string> todo{id};
    while (!todo.empty()) {
        std::string next = std::move(todo.front());
        todo.pop_front();
        const auto it = m_models.find(next);
        if (it == m_models.end() || !seen.insert(next).second)
            continue;
        for (std::string& ref : references(it->second.state))
            todo.push_back(std::move(ref));
        out.push_back(std::move(next));
    }
    return out;
}

Json WidgetComms::modelJson(const std::string& id) const {
    const auto it = m_models.find(id);
    if (it == m_models.end())
        return nullptr;
    const Model& model = it->second;
    Json keys = Json::array();
    Json buffers = Json::array();
    for (const auto& [key, bytes] : model.buffers) {
        keys.push_back(key);
        buffers.push_back(bytes.toBase64().toStdString());
    }
    return Json{{"model_id", id},
                {"model_name", model.state.value("_model_name", "")},
                {"model_module", model.state.value("_model_module", "")},
                {"model_module_version", model.state.value("_model_module_version", "*")},
                {"state", model.state},
                {"buffer_keys", std::move(keys)},
                {"buffers", std::move(buffers)},
                {"outputs", model.outputs}};
}

std::string WidgetComms::sendFromPage(const std::string& id, Json data,
                                      std::vector<QByteArray> buffers, const QObject* origin) {
    const auto it = m_models.find(id);
    if (it == m_models.end() || !it->second.comm || !data.is_object())
        return {};
    const std::string method = data.value("method", "");
    if (method == "backbone") {
        const Json state = data.value("sync_data", Json::object());
        const Json keys = data.value("buffer_keys", Json::array());
        if (!state.is_object() || !keys.is_array())
            return {};
        applyState(it->second, state, keys, buffers);
        emit modelMessage(QString::fromStdString(id),
                          Json{{"method", "update"}, {"state", state}, {"buffers", keys}}, buffers,
                          origin);
    } else if (method != "request_state" && method != "custom") {
        qCWarning(lcWidgets) << "a page sent an unknown widget method" << method.c_str();
        return {};
    }
    return it->second.comm->send(std::move(data), Json::object(), std::move(buffers));
}

void WidgetComms::onCommOpened(kernel::Comm* comm, const kernel::Message& open) {
    if (comm->targetName() != kTarget)
        return;
    const std::string id = comm->commId();
    Model& model = m_models[id];
    model = Model{};
    model.comm = comm;
    const Json state = open.content.value("data", Json::object());
    if (state.is_object())
        applyState(model, state, Json::array(), {});
    connect(comm, &kernel::Comm::message, this,
            [this, id](const kernel::Message& message) { onKernelMessage(id, message); });
    connect(comm, &kernel::Comm::closed, this, [this, id] {
        if (m_models.erase(id))
            emit modelClosed(QString::fromStdString(id));
    });
}

void WidgetComms::onKernelMessage(const std::string& id, const kernel::Message& message) {
    const auto it = m_models.find(id);
    const Json data = message.content.value("data", Json::object());
    if (it == m_models.end() || !data.is_object())
        return;
    const std::string method = data.value("method", "");
    if (method == "update") {
        const Json state = data.value("state", Json::object());
        const Json keys = data.value("buffers", Json::array());
        if (!state.is_object() || !keys.is_array())
            return;
        applyState(it->second, state, keys, message.buffers);
    } else if (method != "custom") {
        return; // "display": the display_data output that follows shows the view
    }
    emit modelMessage(QString::fromStdString(id), data, message.buffers, nullptr);
}

void WidgetComms::applyState(Model& model, const Json& state, const Json& bufferKeys,
                             const std::vector<QByteArray>& buffers) {
    for (const auto& [key, value] : state.items()) {
        model.state[key] = value;
        model.buffers.erase(key);
    }
    for (std::size_t i = 0; i < bufferKeys.size() && i < buffers.size(); ++i) {
        if (!bufferKeys[i].is_string())
            continue;
        const auto& key = bufferKeys[i].get_ref<const std::string&>();
        model.state.erase(key);
        model.buffers[key] = buffers[i];
    }
}

void WidgetComms::dropAll() {
    m_models.clear();
    emit modelsLost();
}

} // namespace quire::editor
