#!/bin/sh
# Writes the message template of vankien to $1 (po/vankien.pot by default) with xgettext: the
# strings marked by Tr, TrN and Mark (indexer/base/i18n.h) in the files that hold them.
# With --check instead, fails when po/vi.po lacks a translation of any of them.
set -e
cd "$(dirname "$0")/.."
extract() {
  xgettext --language=C++ --from-code=UTF-8 --keyword=Tr:1,1t --keyword=Tr:2,2t \
    --keyword=TrN:1,2,3t --keyword=TrN:2,3,4t --keyword=Mark --add-comments=TRANSLATORS: \
    --package-name=vankien --no-location --sort-output -o "$1" \
    tools/cli/*.cc tools/server/handler.cc search/catalog.cc search/catalog_format.cc search/display_key.cc
}
if [ "$1" = "--check" ]; then
  tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"' EXIT
  extract "$tmp/vankien.pot"
  # Every msgid of the sources translated (an untranslated or fuzzy entry counts as missing).
  msgcmp po/vi.po "$tmp/vankien.pot"
  echo "po/vi.po translates every message"
else
  extract "${1:-po/vankien.pot}"
fi
