#pragma once

#include "editor/nbformat/json.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace quire::editor {

// The MIME preference order, richest first. It follows JupyterLab's rendermime ranks
// (widget view -10, application/json 0 (json-extension), html 50, markdown 60, latex 70,
// svg 80, images 90, javascript 110, text 120): a bundle with application/json shows the
// JSON tree, not its text/plain repr, as in JupyterLab. This is the only copy of it.
const QStringList& mimePreferenceOrder();

// Picks the MIME type of `mimeBundle` (an output's "data" object) to show: the first one in
// mimePreferenceOrder() that the bundle has and `renderable` lists. A renderable type the
// order does not know is taken after all known ones. Returns an empty string when none fits.
QString selectMimeType(const Json& mimeBundle, const QStringList& renderable);

// True for the MIME types whose values are JSON, not text (application/json, */*+json).
bool isJsonMimeType(QStringView mimeType);

// The value of `mime` in an output's "data" bundle; null when the output has none.
const Json& mimeValue(const Json& output, const QString& mime);

// A text MIME value: a string, or a list of strings joined without separators (nbformat
// splits multi-line strings into lines that keep their newlines). Anything else gives "".
QString mimeText(const Json& value);

// Raw bytes of a text MIME value without converting to UTF-16 (for base64 images and SVG).
QByteArray mimeBytes(const Json& value);

// Decodes a base64 MIME value (image/png, image/jpeg, image/gif); whitespace is ignored.
QByteArray mimeBase64Data(const Json& value);

} // namespace quire::editor
