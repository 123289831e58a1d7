#pragma once

#include "kernelclient/kernel_client.h"

#include <QObject>
#include <QPointer>
#include <string_view>

namespace quire::editor {

// The frontend half of ipywidgets 6's version handshake, once per kernel start. ipywidgets
// prints "Widget Javascript not detected" under the first widget a cell displays unless a
// frontend answered on the comm target "jupyter.widget.version" before; that target exists
// only after `import ipywidgets`, and a comm opened while the cell runs waits behind it. So
// when a Python kernel is ready this imports ipywidgets if it is installed (a silent
// execute's user expression: nothing in the user's namespace, no output, no history), opens
// the version comm and answers with the bundled widget library's version.
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
    void openVersionComm();

    QPointer<kernel::KernelClient> m_client;
};

} // namespace quire::editor
