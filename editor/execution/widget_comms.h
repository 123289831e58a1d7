#pragma once

#include "kernelclient/kernel_client.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

namespace quire::editor {

// The Jupyter widget models (ipywidgets, comm target "jupyter.widget") of one kernel: the
// kernel side of every widget output page. It keeps each model's latest state (the comm_open
// data, then every update from the kernel or a page), so a page made at any time can build
// the models it shows, and it carries the models' comm messages both ways: kernel → every page
// (pages keep what concerns them), page → kernel and to the other pages. Several pages may
// show views of one model; each is its own JavaScript world and holds its own copies.
// Widget protocol of ipywidgets 6 (jupyter-js-widgets 2.x): comm_msg data {method: "update",
// state, buffers: [keys]} from the kernel, {method: "backbone", sync_data, buffer_keys},
// "request_state" or "custom" from the frontend; binary values travel as message buffers.
// A child of its KernelClient. Restart or death of the kernel drops every model.
class WidgetComms : public QObject {
    Q_OBJECT
public:
    explicit WidgetComms(kernel::KernelClient* client);
    ~WidgetComms() override;

    // The WidgetComms that holds live model `modelId` (model ids are UUIDs, unique across
    // kernels), or null: the renderer finds a view's models without knowing its notebook.
    static WidgetComms* forModel(const QString& modelId);
    // The one of `client` (made on first use); find() makes none.
    static WidgetComms* of(kernel::KernelClient* client);
    static WidgetComms* find(const kernel::KernelClient* client);

    // An IOPub output an Output widget captures (ipywidgets 6 leaves capturing to the
    // frontend: the widget's msg_id names the request whose outputs it shows). The cell the
    // request belongs to leaves such outputs out.
    bool captures(const kernel::Message& message) const;

    bool hasModel(const std::string& id) const { return m_models.count(id) > 0; }
    std::size_t modelCount() const { return m_models.size(); }
    // `id` and every live model its state refers to ("IPY_MODEL_<id>" values), transitively.
    std::vector<std::string> closure(const std::string& id) const;
    // The model ids a state (or part of one) refers to.
    static std::vector<std::string> references(const kernel::Json& state);
    // A model as pages build it: {model_id, model_name, model_module, model_module_version,
    // state, buffer_keys, buffers} (buffers base64); null when unknown.
    kernel::Json modelJson(const std::string& id) const;

    // A page's comm_msg data for model `id`. Backbone syncs update the kept state and reach
    // the other pages as updates. Returns the msg_id sent ("" when the model is gone): its
    // kernelHandled() comes when the kernel went idle after it.
    std::string sendFromPage(const std::string& id, kernel::Json data,
                             std::vector<QByteArray> buffers, const QObject* origin);

signals:
    // Comm data for `modelId` (method update or custom) from the kernel, or from page
    // `origin` (null for the kernel). Pages apply it when they hold the model.
    void modelMessage(const QString& modelId, const quire::kernel::Json& data,
                      const std::vector<QByteArray>& buffers, const QObject* origin);
    void modelClosed(const QString& modelId);
    void modelsLost(); // the kernel restarted or died
    void kernelHandled(const QString& msgId);

private:
    struct Model {
        QPointer<kernel::Comm> comm;
        kernel::Json state = kernel::Json::object();
        std::map<std::string, QByteArray> buffers;    // state keys with binary values
        kernel::Json outputs = kernel::Json::array(); // an Output widget's captured outputs
        bool clearBeforeNext = false;                 // clear_output(wait=True)
    };

    void onCommOpened(kernel::Comm* comm, const kernel::Message& open);
    void onKernelMessage(const std::string& id, const kernel::Message& message);
    void applyState(Model& model, const kernel::Json& state, const kernel::Json& bufferKeys,
                    const std::vector<QByteArray>& buffers);
    void dropAll();
    std::string capturingModel(const kernel::Message& message) const;
    void capture(const std::string& id, const kernel::Message& message);

    QPointer<kernel::KernelClient> m_client;
    std::unordered_map<std::string, Model> m_models;
};

} // namespace quire::editor
