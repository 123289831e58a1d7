#include "editor/render/widget_page_bridge.h"

#include "editor/execution/widget_comms.h"
#include "editor/render/web_output_log.h"

#include <QCoreApplication>

namespace quire::editor {

using kernel::Json;

WidgetPageBridge::WidgetPageBridge(WidgetComms* comms, const QString& rootModelId, QObject* parent)
    : QObject(parent), m_comms(comms), m_root(rootModelId) {
    if (!comms)
        return;
    connect(comms, &WidgetComms::modelMessage, this, &WidgetPageBridge::onModelMessage);
    connect(comms, &WidgetComms::modelClosed, this, [this](const QString& id) {
        if (m_models.remove(id))
            post({{"type", "close"}, {"model_id", id.toStdString()}});
    });
    connect(comms, &WidgetComms::modelsLost, this, &WidgetPageBridge::gone);
    connect(comms, &WidgetComms::kernelHandled, this, [this](const QString& msgId) {
        if (const auto it = m_pendingSeq.find(msgId); it != m_pendingSeq.end()) {
            post({{"type", "idle"}, {"seq", it.value()}});
            m_pendingSeq.erase(it);
        }
    });
}

QString WidgetPageBridge::goneText() {
    return QCoreApplication::translate(
        "quire::editor::WidgetOutputView",
        "A Jupyter widget could not be displayed because the widget state could not be found. "
        "This happens when the kernel that made it has stopped or restarted, or when the "
        "notebook was opened from a file: run the cell again.");
}

void WidgetPageBridge::ready() {
    m_ready = true;
    m_models.clear();
    if (!m_comms || !m_comms->hasModel(m_root.toStdString())) {
        qCDebug(lcWebOutput) << "widget page: no live model" << m_root;
        gone();
        return;
    }
    sendModels(m_comms->closure(m_root.toStdString()));
}

void WidgetPageBridge::send(const QString& modelId, const QString& dataJson,
                            const QStringList& buffers, int seq) {
    if (!m_comms || !m_models.contains(modelId))
        return;
    Json data = Json::parse(dataJson.toStdString(), nullptr, false);
    if (data.is_discarded())
        return;
    std::vector<QByteArray> bytes;
    bytes.reserve(std::size_t(buffers.size()));
    for (const QString& b : buffers)
        bytes.push_back(QByteArray::fromBase64(b.toLatin1()));
    emit pageSent(modelId, dataJson);
    const std::string msgId =
        m_comms->sendFromPage(modelId.toStdString(), std::move(data), std::move(bytes), this);
    if (msgId.empty())
        post({{"type", "idle"}, {"seq", seq}}); // nothing to wait for
    else
        m_pendingSeq.insert(QString::fromStdString(msgId), seq);
}

void WidgetPageBridge::post(const Json& message) {
    if (m_ready)
        emit toPage(QString::fromStdString(message.dump()));
}

void WidgetPageBridge::sendModels(const std::vector<std::string>& ids) {
    Json models = Json::array();
    for (const std::string& id : ids) {
        const QString qid = QString::fromStdString(id);
        if (m_models.contains(qid))
            continue;
        Json model = m_comms->modelJson(id);
        if (model.is_null())
            continue;
        m_models.insert(qid);
        models.push_back(std::move(model));
    }
    if (!models.empty())
        post({{"type", "models"}, {"root", m_root.toStdString()}, {"models", std::move(models)}});
}

void WidgetPageBridge::onModelMessage(const QString& modelId, const Json& data,
                                      const std::vector<QByteArray>& buffers,
                                      const QObject* origin) {
    if (origin == this || !m_models.contains(modelId) || !m_comms)
        return;
    // An update may refer to models this page does not hold yet (a Box's new children).
    if (const auto state = data.find("state"); state != data.end()) {
        std::vector<std::string> missing;
        for (const std::string& ref : WidgetComms::references(*state)) {
            for (std::string& id : m_comms->closure(ref))
                missing.push_back(std::move(id));
        }
        sendModels(missing);
    }
    Json encoded = Json::array();
    for (const QByteArray& b : buffers)
        encoded.push_back(b.toBase64().toStdString());
    post({{"type", "msg"},
          {"model_id", modelId.toStdString()},
          {"data", data},
          {"buffers", std::move(encoded)}});
}

void WidgetPageBridge::gone() {
    m_models.clear();
    m_pendingSeq.clear();
    post({{"type", "gone"}, {"text", goneText().toStdString()}});
}

} // namespace quire::editor
