#pragma once

#include <QString>

namespace quire::app {

// Menu item text shown outside its menu (the command palette, the shortcut table):
// "Save &As…\tD, D" → "Save As…"; Korean menus put the accelerator last: "저장(&S)" → "저장";
// "&&" is a literal "&".
QString plainMenuText(const QString& text);

// The key a menu item shows after a tab ("D, D" in "&Delete Cells\tD, D"), or "". Command-mode
// keys are shown this way because they must not become application shortcuts.
QString menuTextHint(const QString& text);

} // namespace quire::app
