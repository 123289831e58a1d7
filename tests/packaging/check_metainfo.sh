#!/usr/bin/env bash
# The AppStream metainfo validates (appstreamcli, no network; errors and warnings fail, infos and
# pedantic hints do not), names the desktop entry as its launchable, provides the MIME type the
# entry handles, and lists a release for the project's version.
set -euo pipefail
src=${1:?source dir}
version=${2:?project version}
metainfo=$src/resources/io.github.quire.Quire.metainfo.xml
desktop=$src/resources/quire.desktop
fail() { echo "FAIL: $*" >&2; exit 1; }

command -v appstreamcli >/dev/null || fail "appstreamcli not found (Debian package appstream, packaging/deps-test.txt)"
appstreamcli validate --no-net "$metainfo" || fail "appstreamcli validate found problems in $metainfo"
grep -q '<launchable type="desktop-id">quire.desktop</launchable>' "$metainfo" ||
    fail "metainfo launchable is not quire.desktop"
mime=$(sed -n 's/^MimeType=\(.*\);$/\1/p' "$desktop")
grep -q "<mediatype>$mime</mediatype>" "$metainfo" ||
    fail "metainfo does not provide the desktop entry's MIME type $mime"
grep -q "<release version=\"$version\"" "$metainfo" ||
    fail "metainfo has no <release version=\"$version\"> (add one when the project version changes)"
echo "metainfo OK ($version)"
