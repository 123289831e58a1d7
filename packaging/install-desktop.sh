#!/usr/bin/env bash
# Registers Quire with the desktop for the current user: the .desktop entry (pointing at the
# given binary), the .ipynb MIME type, the icon, and Quire as the default app for notebooks,
# so double-clicking a notebook opens it in Quire.
set -euo pipefail
bin=${1:?usage: install-desktop.sh /path/to/quire}
res=$(cd "$(dirname "${BASH_SOURCE[0]}")/../resources" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
mkdir -p "$data/applications" "$data/mime/packages" "$data/icons/hicolor/scalable/apps"
sed "s|^Exec=quire|Exec=$bin|" "$res/quire.desktop" > "$data/applications/quire.desktop"
cp "$res/quire-mime.xml" "$data/mime/packages/quire.xml"
cp "$res/icons/quire.svg" "$data/icons/hicolor/scalable/apps/quire.svg"
command -v update-mime-database >/dev/null && update-mime-database "$data/mime" || true
command -v update-desktop-database >/dev/null && update-desktop-database "$data/applications" || true
command -v xdg-mime >/dev/null && xdg-mime default quire.desktop application/x-ipynb+json || true
echo "Quire registered for .ipynb files in $data"
