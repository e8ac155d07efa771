#!/usr/bin/env bash
# tools/package_test.sh [BUILD_DIR]: the packaging stage of .ci/run (issue 23). On a built tree
# (default build/, as the test stage leaves it) it
#   1. installs into a staging prefix (DESTDIR) and runs the staged vankien: --version, index two
#      documents with the registry it finds next to itself, search them;
#   2. builds tests/consumer against the staged install twice, with find_package(vankien) and with
#      pkg-config, and runs both (they index two documents and find each);
#   3. builds the .deb packages with cpack, checks their file lists and `dpkg-deb --info` fields
#      (Depends from shlibdeps, Section, Maintainer), unpacks vankien and runs `index` and `serve`
#      from the unpacked paths, and checks the systemd unit and shell completion;
#   4. runs lintian on both packages: any error fails; warnings are printed.
# About a minute on two cores when the tree is built. Work files go to a temporary directory,
# removed at exit (KEEP=1 keeps it); the .deb files are left in BUILD_DIR/packages.
set -euo pipefail
cd "$(dirname "$0")/.."
src=$PWD
build=$(cd "${1:-build}" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/vankien-package-test.XXXXXX")
serve_pid=""
cleanup() {
  if [ -n "$serve_pid" ]; then kill "$serve_pid" 2>/dev/null || true; wait "$serve_pid" 2>/dev/null || true; fi
  if [ "${KEEP:-0}" = 1 ]; then echo "package_test: kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
step() { echo "package_test: $*"; }
fail() { echo "package_test: FAIL: $*" >&2; exit 1; }

version=$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$build/CMakeCache.txt")
libdir=$(sed -n 's/^CMAKE_INSTALL_LIBDIR:PATH=//p' "$build/CMakeCache.txt")
[ -n "$version" ] && [ -n "$libdir" ] || fail "$build is not a configured vankien build tree"

# Two documents: the consumer's pair, as files for the command.
mkdir -p "$work/docs"
printf 'Chuyển đổi số quốc gia\n\nNghị quyết về chuyển đổi số và kinh tế số đến năm 2030.\n' > "$work/docs/chuyen-doi-so.txt"
printf 'Bảo vệ và phát triển rừng\n\nChỉ thị về tăng cường bảo vệ rừng, phòng cháy chữa cháy rừng.\n' > "$work/docs/bao-ve-rung.txt"

# Index $2's documents with vankien $1 into $3 and check a query without diacritics finds one.
index_and_search() {
  local bin=$1 docs=$2 db=$3
  "$bin" index --quiet --db "$db" "$docs" || fail "$bin index failed"
  local out
  out=$("$bin" search --db "$db" --json "bao ve rung") || fail "$bin search failed"
  python3 - "$out" <<'EOF' || fail "$bin search 'bao ve rung' did not find bao-ve-rung.txt first: $out"
import json, sys
r = json.loads(sys.argv[1])
sys.exit(0 if r["hits"] and r["hits"][0]["id"].endswith("bao-ve-rung.txt") else 1)
EOF
}

# ---- 1. Staged install ---------------------------------------------------------------------------
step "cmake --install into a staging prefix"
cmake --build "$build" -j2 --target vankien vankien_docs >"$work/build.log" 2>&1 ||
  { tail -20 "$work/build.log"; fail "build"; }
stage=$work/stage
DESTDIR=$stage cmake --install "$build" --prefix /usr >"$work/install.log" 2>&1 ||
  { tail -20 "$work/install.log"; fail "cmake --install"; }
prefix=$stage/usr
[ "$("$prefix/bin/vankien" --version)" = "vankien $version" ] || fail "vankien --version is not 'vankien $version'"
"$prefix/bin/vankien" index --help | grep -q -- "--registry TEXT=$prefix/share/vankien/registry.tsv" ||
  fail "the staged vankien does not start new indexes from its installed registry"
index_and_search "$prefix/bin/vankien" "$work/docs" "$work/staged.db"
# The installed catalogue, not the build tree's, speaks Vietnamese under a Vietnamese locale.
[ -f "$prefix/share/locale/vi/LC_MESSAGES/vankien.mo" ] || fail "the Vietnamese catalogue is not installed"
LANG=vi_VN.UTF-8 "$prefix/bin/vankien" search --db "$work/staged.db" "bao ve rung" | grep -q "văn bản khớp" ||
  fail "the staged vankien does not answer in Vietnamese under LANG=vi_VN.UTF-8"
# The installed headers: indexer/ and search/ without internal/, and no header needs another library.
[ -f "$prefix/include/vankien/search/searcher.h" ] && [ -f "$prefix/include/vankien/indexer/version.h" ] ||
  fail "public headers missing under include/vankien"
if find "$prefix/include" -path '*internal*' -o -name xml_walk.h | grep -q .; then fail "internal headers installed"; fi
if grep -rlE '#include *<(xapian|unicode/)' "$prefix/include" | grep -q .; then fail "an installed header includes Xapian or ICU"; fi

# ---- 2. Consumers --------------------------------------------------------------------------------
step "tests/consumer with find_package(vankien)"
launcher=()
if command -v ccache >/dev/null; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
cmake -S tests/consumer -B "$work/consumer" -DCMAKE_BUILD_TYPE=Release -DCMAKE_PREFIX_PATH="$prefix" \
  "${launcher[@]}" >"$work/consumer.log" 2>&1 && cmake --build "$work/consumer" >>"$work/consumer.log" 2>&1 ||
  { tail -30 "$work/consumer.log"; fail "consumer (CMake) did not build"; }
"$work/consumer/consumer" "$work/cmake.db"

step "tests/consumer with pkg-config"
export PKG_CONFIG_PATH=$prefix/$libdir/pkgconfig
[ "$(pkg-config --modversion vankien)" = "$version" ] || fail "pkg-config --modversion vankien is not $version"
# shellcheck disable=SC2046  # the flags are words
${CXX:-c++} -O1 tests/consumer/consumer.cc $(pkg-config --cflags --libs vankien) -o "$work/consumer_pc" ||
  fail "consumer (pkg-config) did not build"
"$work/consumer_pc" "$work/pc.db"
unset PKG_CONFIG_PATH

# ---- 3. Debian packages --------------------------------------------------------------------------
step "cpack -G DEB"
rm -rf "$build/packages"
(cd "$build" && cpack -G DEB -B "$build/packages") >"$work/cpack.log" 2>&1 || { tail -30 "$work/cpack.log"; fail "cpack"; }
arch=$(dpkg --print-architecture)
deb=$build/packages/vankien_${version}_${arch}.deb
devdeb=$build/packages/vankien-dev_${version}_${arch}.deb
[ -f "$deb" ] && [ -f "$devdeb" ] || fail "cpack did not write $deb and $devdeb"
dpkg-deb -c "$deb" | awk '{print $6}' | sed 's|^\./|/|' > "$work/files"
dpkg-deb -c "$devdeb" | awk '{print $6}' | sed 's|^\./|/|' > "$work/devfiles"

expect() {  # expect PACKAGE LIST PATH...: every PATH is in the package's file list
  local package=$1 list=$2; shift 2
  for p in "$@"; do grep -qxF "$p" "$list" || fail "$package lacks $p"; done
}
commands=$("$prefix/bin/vankien" --help | awk '/^Subcommands:/ {on = 1; next} on && /^  [a-z]/ {print $1}')
[ "$(echo "$commands" | wc -l)" -ge 10 ] || fail "could not read the subcommands from vankien --help"
manpages=(/usr/share/man/man1/vankien.1.gz)
for c in $commands; do manpages+=("/usr/share/man/man1/vankien-$c.1.gz"); done
expect vankien "$work/files" /usr/bin/vankien /usr/share/vankien/registry.tsv /usr/share/locale/vi/LC_MESSAGES/vankien.mo "${manpages[@]}" \
  /usr/share/bash-completion/completions/vankien /usr/share/zsh/vendor-completions/_vankien \
  /usr/lib/systemd/system/vankien.service /usr/lib/sysusers.d/vankien.conf \
  /usr/share/doc/vankien/copyright /usr/share/doc/vankien/changelog.gz
expect vankien-dev "$work/devfiles" "/usr/$libdir/libvankien_search.a" "/usr/$libdir/libvankien_indexer.a" \
  "/usr/$libdir/cmake/vankien/vankienConfig.cmake" "/usr/$libdir/cmake/vankien/vankienConfigVersion.cmake" \
  "/usr/$libdir/pkgconfig/vankien.pc" /usr/include/vankien/search/searcher.h \
  /usr/include/vankien/indexer/index_writer.h /usr/include/vankien/indexer/version.h \
  /usr/share/doc/vankien-dev/copyright
if grep -E '/usr/local|/internal/|xml_walk|\.so' "$work/files" "$work/devfiles"; then
  fail "a package holds /usr/local, internal headers or a shared library"
fi
if grep -q '/include/' "$work/files" || grep -q '/bin/' "$work/devfiles"; then
  fail "headers in vankien or binaries in vankien-dev"
fi

field() { dpkg-deb -f "$1" "$2"; }
dpkg-deb --info "$deb" > "$work/info"
depends=$(field "$deb" Depends)
for lib in 'libxapian[0-9]+' 'libicu[0-9]+' 'libtesseract[0-9]+' 'libpoppler-cpp[0-9a-z]+' 'libstdc\+\+6' 'libc6'; do
  echo "$depends" | grep -qE "(^|, )$lib( |,|$)" || fail "vankien's Depends lacks $lib (shlibdeps): $depends"
done
[ "$(field "$deb" Section)" = text ] && [ "$(field "$devdeb" Section)" = libdevel ] || fail "Section fields"
[ "$(field "$deb" Version)" = "$version" ] || fail "package version is not $version"
field "$deb" Maintainer | grep -qE '^.+ <[^@ ]+@[^@ ]+>$' || fail "Maintainer is not 'Name <address>'"
devdepends=$(field "$devdeb" Depends)
for dep in libxapian-dev libicu-dev libtesseract-dev libpoppler-cpp-dev pkg-config; do
  echo "$devdepends" | grep -qE "(^|, )$dep(,|$)" || fail "vankien-dev's Depends lacks $dep: $devdepends"
done

step "the unpacked package: index, search and serve from its own paths"
root=$work/root
dpkg-deb -x "$deb" "$root"
"$root/usr/bin/vankien" index --help | grep -q -- "--registry TEXT=$root/usr/share/vankien/registry.tsv" ||
  fail "the packaged vankien does not find its registry"
index_and_search "$root/usr/bin/vankien" "$work/docs" "$work/deb.db"
"$root/usr/bin/vankien" serve --db "$work/deb.db" --port 0 > "$work/serve.out" 2>&1 &
serve_pid=$!
for _ in $(seq 50); do grep -q 'http://' "$work/serve.out" && break; sleep 0.1; done
url=$(grep -o 'http://[^ ]*' "$work/serve.out" | head -1)
[ -n "$url" ] || { cat "$work/serve.out"; fail "vankien serve did not start"; }
python3 - "${url}api/search?q=chuyen+doi+so" <<'EOF' || fail "serve's /api/search did not find chuyen-doi-so.txt"
import json, sys, urllib.request
r = json.load(urllib.request.urlopen(sys.argv[1], timeout=10))
sys.exit(0 if r["total"] == 1 and r["hits"][0]["id"].endswith("chuyen-doi-so.txt") else 1)
EOF
kill "$serve_pid"; wait "$serve_pid" 2>/dev/null || true; serve_pid=""

unit=$root/usr/lib/systemd/system/vankien.service
grep -qx 'ExecStart=/usr/bin/vankien serve --bind 127.0.0.1 --port 8080 --db /var/lib/vankien/vankien.db' "$unit" &&
  grep -qx 'User=vankien' "$unit" && grep -qx 'ReadOnlyPaths=/var/lib/vankien' "$unit" &&
  grep -qx 'ProtectSystem=strict' "$unit" || fail "vankien.service: loopback, user vankien, read-only index"
grep -q '^u vankien ' "$root/usr/lib/sysusers.d/vankien.conf" || fail "sysusers.d/vankien.conf lacks the user"
# Off by default: no .wants/ link in the package, no maintainer script that enables or starts it.
if grep -q '\.wants/' "$work/files" ||
   dpkg-deb --ctrl-tarfile "$deb" | tar -xO | grep -qE 'systemctl .*(enable|start)|deb-systemd-(helper enable|invoke)'; then
  fail "the package enables or starts vankien.service"
fi

bash -n "$root/usr/share/bash-completion/completions/vankien" || fail "bash completion does not parse"
got=$(bash -c 'source "$1"; COMP_WORDS=(vankien se); COMP_CWORD=1; _vankien; echo "${COMPREPLY[*]}"
               COMP_WORDS=(vankien search --sort n); COMP_CWORD=3; _vankien; echo "${COMPREPLY[*]}"' _ \
      "$root/usr/share/bash-completion/completions/vankien")
[ "$got" = $'search serve\nnewest' ] || fail "bash completion: got '$got'"
if command -v zsh >/dev/null; then zsh -n "$root/usr/share/zsh/vendor-completions/_vankien" || fail "zsh completion does not parse"; fi
zcat "$root/usr/share/man/man1/vankien-serve.1.gz" | grep -qF -- '\-\-bind' || fail "vankien-serve(1) lacks --bind"

# ---- 4. lintian ----------------------------------------------------------------------------------
step "lintian"
rc=0
lintian --info --fail-on error "$deb" "$devdeb" > "$work/lintian.log" 2>&1 || rc=$?
grep -E '^[EW]: ' "$work/lintian.log" || true
case $rc in
  0) ;;
  1) fail "lintian reports errors" ;;
  *) cat "$work/lintian.log"; fail "lintian did not run (exit code $rc)" ;;
esac

step "ok: vankien $version; $(du -k "$deb" | cut -f1) KiB $(basename "$deb"), $(du -k "$devdeb" | cut -f1) KiB $(basename "$devdeb"); lintian: $(grep -c '^W: ' "$work/lintian.log" || true) warnings, 0 errors"
