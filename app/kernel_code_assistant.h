#pragma once

#include "editor/view/code_assistant.h"

#include <QPointer>

namespace quire::app {

class NotebookKernel;

// Tab completion and Shift+Tab documentation from the notebook's kernel (complete_request,
// inspect_request), with cursor positions converted between UTF-16 and code points. Asks
// nothing while no kernel runs: completion never starts a kernel.
class KernelCodeAssistant : public editor::CodeAssistant {
public:
    explicit KernelCodeAssistant(NotebookKernel* kernel) : m_kernel(kernel) {}

    void complete(const QString& code, int cursorUtf16, QObject* context,
                  std::function<void(Completion)> done) override;
    void inspect(const QString& code, int cursorUtf16, QObject* context,
                 std::function<void(QString plainText)> done) override;

private:
    QPointer<NotebookKernel> m_kernel;
};

} // namespace quire::app
