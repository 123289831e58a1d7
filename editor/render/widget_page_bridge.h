#pragma once

#include "editor/execution/widget_comms.h"
#include "kernelclient/message.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QStringList>

namespace quire::editor {

// The C++ end of one widget output page (registered on the page's QWebChannel as "quire").
// It gives the page the models its view needs (the root model and what its state refers to),
// passes on the kernel's messages for those models, and sends the page's own messages to the
// kernel through WidgetComms, telling the page when the kernel has handled each (the widget
// library waits for that before it sends the next change of a model). Messages to the page
// are JSON text: {type: "models", root, models}, {type: "msg", model_id, data, buffers},
// {type: "idle", seq}, {type: "close", model_id}, {type: "gone", text}.
class WidgetPageBridge : public QObject {
    Q_OBJECT
public:
    WidgetPageBridge(WidgetComms* comms, const QString& rootModelId, QObject* parent = nullptr);

    const QString& rootModelId() const { return m_root; }
    // The text a page shows instead of a view whose models are gone.
    static QString goneText();

    // From the page: its manager is ready for the models.
    Q_INVOKABLE void ready();
    // From the page: comm data (JSON text) for a model, buffers in base64; `seq` comes back
    // in an "idle" message.
    Q_INVOKABLE void send(const QString& modelId, const QString& dataJson,
                          const QStringList& buffers, int seq);
    // From the page: its content's height in CSS pixels.
    Q_INVOKABLE void resized(int height) { emit contentHeightReported(height); }

signals:
    void toPage(const QString& messageJson);
    void contentHeightReported(int height);
    // Every message the page sent (tests watch these).
    void pageSent(const QString& modelId, const QString& dataJson);

private:
    void post(const kernel::Json& message);
    void sendModels(const std::vector<std::string>& ids);
    void onModelMessage(const QString& modelId, const kernel::Json& data,
                        const std::vector<QByteArray>& buffers, const QObject* origin);
    void gone();

    QPointer<WidgetComms> m_comms;
    QString m_root;
    bool m_ready = false;
    QSet<QString> m_models;           // the models this page holds
    QHash<QString, int> m_pendingSeq; // msg_id → the page's seq
};

} // namespace quire::editor
