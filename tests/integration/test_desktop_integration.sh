#!/usr/bin/env bash
# The desktop entry validates, and install-desktop.sh registers Quire as the handler of
# .ipynb files (application/x-ipynb+json) for a user, so double-click opens notebooks in it.
set -euo pipefail
src=${1:?source dir}
bin=${2:?quire binary}
desktop-file-validate "$src/resources/quire.desktop"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export HOME=$tmp XDG_DATA_HOME=$tmp/data XDG_CONFIG_HOME=$tmp/config
mkdir -p "$XDG_CONFIG_HOME"
"$src/packaging/install-desktop.sh" "$bin" >/dev/null
grep -q "^Exec=$bin %F$" "$XDG_DATA_HOME/applications/quire.desktop"
grep -q "application/x-ipynb+json" "$XDG_DATA_HOME/applications/quire.desktop"
# update-mime-database compiled the type into the user's MIME database.
grep -q '^50:application/x-ipynb+json:\*\.ipynb' "$XDG_DATA_HOME/mime/globs2"
handler=$(XDG_DATA_DIRS="$XDG_DATA_HOME:/usr/share" xdg-mime query default application/x-ipynb+json)
echo "default handler: $handler"
[ "$handler" = quire.desktop ]
