#!/usr/bin/env bash
# Builds the Debian package from an already built tree (cpack, output in a scratch folder),
# unpacks it with dpkg -x and checks that it installs Quire as a desktop app: the binary runs,
# the desktop entry, MIME type, icons (SVG + every hicolor PNG size), AppStream metainfo and
# man page are there and valid, and the control fields (shlibdeps Depends, Recommends, ...)
# are as intended. Every problem is reported; the test fails if there is any.
#   test_deb_package.sh BUILD_DIR VERSION [CPACK]
set -uo pipefail
build=${1:?build dir}
version=${2:?project version}
cpack=${3:-cpack}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
need() { command -v "$1" >/dev/null || { echo "FAIL: $1 not found ($2)" >&2; exit 1; }; }
need dpkg-deb "dpkg"
need dpkg-shlibdeps "Debian package dpkg-dev, packaging/deps-build.txt"

# --- build the package ----------------------------------------------------------------------
start=$SECONDS
if ! "$cpack" --config "$build/CPackConfig.cmake" -B "$tmp/out" >"$tmp/cpack.log" 2>&1; then
    cat "$tmp/cpack.log" >&2
    echo "FAIL: cpack could not build the package" >&2
    exit 1
fi
deb=$tmp/out/quire_${version}_$(dpkg --print-architecture).deb
if [ ! -f "$deb" ]; then
    cat "$tmp/cpack.log" >&2
    echo "FAIL: cpack did not write $(basename "$deb"); it wrote: $(ls "$tmp/out")" >&2
    exit 1
fi
echo "built $(basename "$deb") ($(du -h "$deb" | cut -f1)) in $((SECONDS - start)) s"

dpkg -I "$deb" >"$tmp/info" || { echo "FAIL: dpkg -I cannot read the package" >&2; exit 1; }
dpkg -c "$deb" >"$tmp/contents" || { echo "FAIL: dpkg -c cannot list the package" >&2; exit 1; }
root=$tmp/root
dpkg -x "$deb" "$root" || { echo "FAIL: dpkg -x cannot unpack the package" >&2; exit 1; }

# --- control fields ---------------------------------------------------------------------------
field() { dpkg-deb -f "$deb" "$1"; }
for f in Package Version Architecture Maintainer Section Priority Homepage Description Depends; do
    [ -n "$(field "$f")" ] || fail "control field $f is missing"
done
echo "Depends: $(field Depends)"
echo "Recommends: $(field Recommends)"
echo "Suggests: $(field Suggests)"
[ "$(field Package)" = quire ] || fail "Package is '$(field Package)', not quire"
[ "$(field Version)" = "$version" ] || fail "Version is '$(field Version)', not $version"
case "$(field Section)" in science | devel) ;; *) fail "Section is '$(field Section)'" ;; esac
depends=$(field Depends)
for p in libqt6core6 libqt6gui6 libqt6widgets6 libqt6svg6 libqt6webenginewidgets6 libqt6webenginecore6-bin libqt6webchannel6 \
    libzmq5 libqscintilla2-qt6 libc6 qt6-qpa-plugins; do
    grep -Eq "(^|, )${p}[-a-z0-9]*( |,|$)" <<<"$depends" || fail "Depends lacks $p: $depends"
done
recommends=$(field Recommends)
for p in python3-ipykernel rclone fuse3 python3-pandas libjs-mathjax; do
    grep -Eq "(^|, )$p( |,|$)" <<<"$recommends" || fail "Recommends lacks $p: $recommends"
done
grep -Eq "(^|, )r-cran-irkernel( |,|$)" <<<"$(field Suggests)" || fail "Suggests lacks r-cran-irkernel"
grep -Eq "(^|, )python3-ipywidgets( |,|$)" <<<"$(field Suggests)" || fail "Suggests lacks python3-ipywidgets"
# Desktop, MIME and icon caches are refreshed by dpkg triggers: no maintainer scripts.
for s in preinst postinst prerm postrm; do
    grep -q " $s\$" "$tmp/info" && fail "the package has a $s maintainer script"
done
grep -v ' root/root ' "$tmp/contents" | grep -q . && fail "files not owned by root/root:
$(grep -v ' root/root ' "$tmp/contents")"

# --- files ----------------------------------------------------------------------------------
want() { [ -f "$root/$1" ] || fail "the package lacks /$1"; }
for f in usr/bin/quire usr/share/applications/quire.desktop usr/share/mime/packages/quire.xml \
    usr/share/icons/hicolor/scalable/apps/quire.svg usr/share/metainfo/io.github.quire.Quire.metainfo.xml \
    usr/share/man/man1/quire.1.gz usr/share/quire/web/jupyter-js-widgets/extension.js; do
    want "$f"
done
# Scripted outputs: Plotly and Vega copied from Debian packages at build time (when the build
# machine had them, as packaging/deps-build.txt asks).
for f in plotly.js vega/vega-view.js vega/vega-parser.js vega/topojson-client.js; do
    [ -f "$build/share/quire/web/$f" ] && want "usr/share/quire/web/$f"
done

# The binary runs (command line without a display; --version through Qt's offscreen platform).
export HOME=$tmp/home XDG_CONFIG_HOME=$tmp/home/.config XDG_DATA_HOME=$tmp/home/.local/share
mkdir -p "$HOME"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0} # a sanitizer build packages fine too
if [ -x "$root/usr/bin/quire" ]; then
    got=$("$root/usr/bin/quire" kernels --help 2>&1)
    grep -q 'Usage: quire kernels' <<<"$got" ||
        fail "/usr/bin/quire kernels --help printed '$got', not its usage"
    got=$(QT_QPA_PLATFORM=offscreen "$root/usr/bin/quire" --version 2>&1)
    grep -q "$version" <<<"$got" || fail "/usr/bin/quire --version printed '$got', not $version"
else
    fail "/usr/bin/quire is not executable"
fi

# Desktop entry.
desktop=$root/usr/share/applications/quire.desktop
if [ -f "$desktop" ]; then
    if command -v desktop-file-validate >/dev/null; then
        desktop-file-validate "$desktop" || fail "desktop-file-validate rejects quire.desktop"
    else
        echo "note: desktop-file-validate not installed (desktop-file-utils); entry checked by grep only"
    fi
    grep -qx 'Exec=quire %F' "$desktop" || fail "quire.desktop: Exec is not 'quire %F'"
    grep -qx 'Categories=Development;Science;' "$desktop" || fail "quire.desktop: Categories"
    grep -qx 'MimeType=application/x-ipynb+json;' "$desktop" || fail "quire.desktop: MimeType"
    grep -qx 'Icon=quire' "$desktop" || fail "quire.desktop: Icon is not quire"
fi

# MIME type: the XML compiles into a MIME database that maps *.ipynb to the notebook type.
if [ -f "$root/usr/share/mime/packages/quire.xml" ]; then
    if command -v update-mime-database >/dev/null; then
        cp -r "$root/usr/share/mime" "$tmp/mime"
        update-mime-database "$tmp/mime" >/dev/null 2>&1 || fail "update-mime-database rejects quire.xml"
        grep -q '^50:application/x-ipynb+json:\*\.ipynb' "$tmp/mime/globs2" ||
            fail "the MIME database does not map *.ipynb to application/x-ipynb+json"
    else
        grep -q '<glob pattern="\*\.ipynb"/>' "$root/usr/share/mime/packages/quire.xml" ||
            fail "quire.xml has no *.ipynb glob"
    fi
fi

# Icons: the SVG and a PNG of the right pixel size for every hicolor size.
grep -q '<svg' "$root/usr/share/icons/hicolor/scalable/apps/quire.svg" 2>/dev/null ||
    fail "the scalable icon is not an SVG"
for size in 16 24 32 48 64 128 256; do
    png=$root/usr/share/icons/hicolor/${size}x${size}/apps/quire.png
    if [ ! -f "$png" ]; then
        fail "the package lacks the ${size}x${size} icon /usr/share/icons/hicolor/${size}x${size}/apps/quire.png"
        continue
    fi
    # PNG signature, then the IHDR chunk: width and height as 32-bit big-endian numbers.
    sig=$(od -An -tx1 -N8 "$png" | tr -d ' \n')
    read -r w0 w1 w2 w3 h0 h1 h2 h3 < <(od -An -tu1 -j16 -N8 "$png")
    w=$(((w0 << 24) | (w1 << 16) | (w2 << 8) | w3))
    h=$(((h0 << 24) | (h1 << 16) | (h2 << 8) | h3))
    if [ "$sig" != 89504e470d0a1a0a ] || [ "$w" != "$size" ] || [ "$h" != "$size" ]; then
        fail "${size}x${size}/apps/quire.png is not a ${size}x${size} PNG (${w}x${h}, signature $sig)"
    fi
done

# AppStream metainfo, validated together with the desktop entry it launches.
if [ -f "$root/usr/share/metainfo/io.github.quire.Quire.metainfo.xml" ]; then
    if command -v appstreamcli >/dev/null; then
        appstreamcli validate-tree --no-net "$root" || fail "appstreamcli validate-tree finds problems"
    else
        fail "appstreamcli not found (Debian package appstream, packaging/deps-test.txt)"
    fi
    grep -q "<release version=\"$version\"" "$root/usr/share/metainfo/io.github.quire.Quire.metainfo.xml" ||
        fail "the metainfo has no release $version"
fi

# Man page: gzip, roff for quire(1) of this version, and it documents every command and option
# the binary's --help texts name.
man=$root/usr/share/man/man1/quire.1.gz
if [ -f "$man" ] && gzip -t "$man" 2>/dev/null; then
    roff=$(zcat "$man" | sed 's/\\-/-/g; s/\\f[BIRP]//g')
    grep -q '^\.TH QUIRE 1 .*Quire '"$version" <<<"$roff" || fail "the man page has no '.TH QUIRE 1 ... Quire $version'"
    if command -v man >/dev/null; then
        warnings=$(MANWIDTH=100 man --warnings -l "$man" 2>&1 >/dev/null)
        [ -z "$warnings" ] || fail "man -l warns about the man page: $warnings"
    fi
    if [ -x "$root/usr/bin/quire" ]; then
        commands=$("$root/usr/bin/quire" --help | sed -n 's/^  \([a-z]\+\)  .*/\1/p')
        [ -n "$commands" ] || fail "quire --help lists no commands"
        for c in $commands; do
            grep -q "quire $c" <<<"$roff" || fail "the man page does not document 'quire $c'"
            for o in $("$root/usr/bin/quire" "$c" --help | grep -o -- '--[a-z][a-z-]*' | sort -u); do
                grep -q -- "$o" <<<"$roff" || fail "the man page does not document 'quire $c $o'"
            done
        done
    fi
else
    fail "/usr/share/man/man1/quire.1.gz is missing or not gzip"
fi

if [ "$failures" -gt 0 ]; then
    echo "test_deb_package: $failures problem(s) in $(basename "$deb")" >&2
    exit 1
fi
echo "test_deb_package: $(basename "$deb") OK"
