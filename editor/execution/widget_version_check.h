#pragma once

#include "kernelclient/kernel_client.h"

#include <QObject>
#include <QPointer>
#include <string_view>

namespace quire::editor {

// The frontend half of ipywidgets 6's version handshake, once per kernel start. ipywidgets
// prints "Widget Javascript not detected" under every widget a cell displays unless a
// frontend has answered on the comm target "jupyter.widget.version" before; that target exists
// only after `import ipywidgets`, and a comm opened while a cell runs waits behind it. So
// before the first cell reaches a new (or restarting) kernel, this queues a silent execute
// whose user expression imports ipywidgets if it is installed (nothing in the user's
// namespace, no output, no history) and, right behind it, the version comm with the answer
// (the bundled widget library's version), corrected if the kernel's range says otherwise. Kernels
// without ipywidgets (or another language, when that is known) only close the comm again and log a
// line of their own.
class WidgetVersionCheck : public QObject {
    Q_OBJECT
public:
    WidgetVersionCheck(kernel::KernelClient* client, QObject* parent);

    // The widget library's version (jupyter-js-widgets, set at build time from the bundle).
    static std::string_view frontendVersion();
    // npm's range forms the kernels send: "*", "X.Y.Z", "~X.Y.Z", "^X.Y.Z" (also X.Y).
    static bool satisfies(std::string_view version, std::string_view range);

private:
    void start();

    QPointer<kernel::KernelClient> m_client;
    QPointer<kernel::Comm> m_comm;
    bool m_sentForRestart = false;
};

} // namespace quire::editor
