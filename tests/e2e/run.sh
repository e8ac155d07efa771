#!/bin/sh
# CTest entry of the browser test: skips (exit 77) when node is missing; the script itself skips
# when chromium or playwright-core is.
here="$(cd "$(dirname "$0")" && pwd)"
if ! command -v node >/dev/null 2>&1; then
  echo "SKIPPED: node not found; tools/setup.sh installs nodejs"
  exit 77
fi
exec node "$here/browser_test.mjs" "$@"
