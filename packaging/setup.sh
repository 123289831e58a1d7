#!/usr/bin/env bash
# Quire's one-stop set-up for Debian 12 (root or sudo).
#   packaging/setup.sh run    install what is missing, build, launch Quire (local Python kernel)
#   packaging/setup.sh test   install what is missing, build, run the whole test suite (ctest)
# Options: --sanitize (test with ASan+UBSan in build-asan/), --no-install (skip apt).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
mode=${1:-}
shift || true
preset=default
install=1
for arg in "$@"; do
    case "$arg" in
        --sanitize) preset=asan ;;
        --no-install) install=0 ;;
        *) echo "unknown option: $arg" >&2; exit 2 ;;
    esac
done
case "$mode" in
    run) lists="deps-build.txt deps-run.txt" ;;
    test) lists="deps-build.txt deps-run.txt deps-test.txt" ;;
    *) echo "usage: $0 run|test [--sanitize] [--no-install]" >&2; exit 2 ;;
esac

pkgs() { for l in $lists; do sed -e 's/#.*//' -e '/^\s*$/d' "$here/$l"; done; }

if [ "$install" = 1 ]; then
    missing=$(pkgs | while read -r p; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || echo "$p"
    done)
    if [ -n "$missing" ]; then
        sudo=""
        [ "$(id -u)" = 0 ] || sudo=sudo
        echo "Installing: $(echo $missing)"
        $sudo apt-get -o DPkg::Lock::Timeout=600 update -qq || true
        # shellcheck disable=SC2086
        DEBIAN_FRONTEND=noninteractive $sudo apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends $missing
    fi
fi

cd "$root"
dir=build
[ "$preset" = asan ] && dir=build-asan
werror=OFF
[ "${CI:-}" = true ] && werror=ON
if [ ! -f "$dir/build.ninja" ] || ! grep -q "QUIRE_WERROR:BOOL=$werror" "$dir/CMakeCache.txt"; then
    cmake --preset "$preset" -DQUIRE_WERROR=$werror >/dev/null
fi
if [ "$mode" = run ]; then
    cmake --build "$dir" --parallel "$(nproc)" --target quire
else
    cmake --build "$dir" --parallel "$(nproc)"
fi

if [ "$mode" = run ]; then
    # Desktop integration for double-click (per user, no root needed).
    "$root/packaging/install-desktop.sh" "$root/$dir/bin/quire" >/dev/null 2>&1 || true
    exec "$root/$dir/bin/quire"
fi

export QT_QPA_PLATFORM=offscreen
export QTWEBENGINE_DISABLE_SANDBOX=1
ctest --preset "$preset" --parallel "$(nproc)"
