#pragma once

#include "editor/model/notebook_document.h"

namespace quire::app {

// Calls `fn` (in `context`) after any change to what the document would save: cells,
// sources, outputs, metadata, and the dirty flag that output-only changes set. Undo and
// redo go through the same mutators, so they are included.
template <class Fn>
void connectContentChanges(editor::NotebookDocument* doc, const QObject* context, Fn fn) {
    using D = editor::NotebookDocument;
    QObject::connect(doc, &D::cellsInserted, context, [fn] { fn(); });
    QObject::connect(doc, &D::cellsRemoved, context, [fn] { fn(); });
    QObject::connect(doc, &D::cellsMoved, context, [fn] { fn(); });
    QObject::connect(doc, &D::cellReplaced, context, [fn] { fn(); });
    QObject::connect(doc, &D::cellSourceChanged, context, [fn] { fn(); });
    QObject::connect(doc, &D::cellOutputsChanged, context, [fn] { fn(); });
    QObject::connect(doc, &D::metadataChanged, context, [fn] { fn(); });
    QObject::connect(doc, &D::modifiedChanged, context, [fn](bool modified) {
        if (modified)
            fn();
    });
}

} // namespace quire::app
