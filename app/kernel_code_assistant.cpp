#include "kernel_code_assistant.h"

#include "kernelclient/kernel_client.h"
#include "notebook_kernel.h"

namespace quire::app {

using kernel::KernelClient;
using kernel::Message;

namespace {

KernelClient* liveClient(NotebookKernel* kernel) {
    if (!kernel || !kernel->client())
        return nullptr;
    KernelClient* client = kernel->client();
    return client->status() == kernel::KernelStatus::Dead ? nullptr : client;
}

} // namespace

void KernelCodeAssistant::complete(const QString& code, int cursorUtf16, QObject* context,
                                   std::function<void(Completion)> done) {
    KernelClient* client = liveClient(m_kernel);
    if (!client)
        return;
    auto* request =
        client->complete(code, KernelClient::codePointOffset(code, cursorUtf16), context);
    QObject::connect(request, &kernel::Request::replied, context,
                     [code, done = std::move(done)](const Message& reply) {
                         const auto& c = reply.content;
                         if (c.value("status", "") != "ok")
                             return;
                         Completion result;
                         for (const auto& m : c.value("matches", editor::Json::array()))
                             if (m.is_string())
                                 result.matches << QString::fromStdString(m.get<std::string>());
                         const int start = c.value("cursor_start", 0);
                         const int end = c.value("cursor_end", start);
                         result.startUtf16 = int(KernelClient::utf16Offset(code, start));
                         result.endUtf16 = int(KernelClient::utf16Offset(code, end));
                         done(std::move(result));
                     });
}

void KernelCodeAssistant::inspect(const QString& code, int cursorUtf16, QObject* context,
                                  std::function<void(QString)> done) {
    KernelClient* client = liveClient(m_kernel);
    if (!client)
        return;
    auto* request =
        client->inspect(code, KernelClient::codePointOffset(code, cursorUtf16), 0, context);
    QObject::connect(request, &kernel::Request::replied, context,
                     [done = std::move(done)](const Message& reply) {
                         const auto& c = reply.content;
                         if (c.value("status", "") != "ok" || !c.value("found", false))
                             return;
                         const auto data = c.value("data", editor::Json::object());
                         done(QString::fromStdString(data.value("text/plain", "")));
                     });
}

} // namespace quire::app
