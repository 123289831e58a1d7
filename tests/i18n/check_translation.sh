#!/usr/bin/env bash
# Fails when any user-visible string in the sources has no finished Korean translation:
# runs lupdate over the sources into a copy of translations/quire_ko.ts and counts entries
# that are new, unfinished or empty.
set -euo pipefail
src=${1:?source dir}
lupdate=${2:?lupdate}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$src/translations/quire_ko.ts" "$tmp/quire_ko.ts"
"$lupdate" -silent -no-obsolete -locations none -I "$src" "$src/app" "$src/editor" "$src/kernelclient" "$src/drive" \
    -ts "$tmp/quire_ko.ts" >/dev/null
total=$(grep -c '<source>' "$tmp/quire_ko.ts" || true)
bad=$(grep -cE 'type="unfinished"|<translation></translation>|<translation/>' "$tmp/quire_ko.ts" || true)
echo "Korean: $total strings, $bad without a finished translation"
if [ "$bad" -gt 0 ]; then
    grep -B3 -E 'type="unfinished"|<translation></translation>|<translation/>' "$tmp/quire_ko.ts" | grep '<source>' | head -40
    exit 1
fi
[ "$total" -gt 0 ]
