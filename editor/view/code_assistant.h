#pragma once

#include <QObject>
#include <QStringList>
#include <functional>

namespace quire::editor {

// What a cell editor asks the kernel (or anything else that knows the code): completions for
// Tab and documentation for Shift+Tab. The view only knows this seam; the app implements it.
class CodeAssistant {
public:
    virtual ~CodeAssistant() = default;
    struct Completion {
        QStringList matches;
        int startUtf16 = 0; // range in `code` to replace
        int endUtf16 = 0;
    };
    // Asynchronous. `done` may be called later (or never); it must not be called after
    // `context` is destroyed (the implementation guards with QPointer).
    virtual void complete(const QString& code, int cursorUtf16, QObject* context,
                          std::function<void(Completion)> done) = 0;
    virtual void inspect(const QString& code, int cursorUtf16, QObject* context,
                         std::function<void(QString plainText)> done) = 0;
};

} // namespace quire::editor
