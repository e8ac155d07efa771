#!/usr/bin/env bash
# Load test of `vankien serve` with wrk: starts the server on a free loopback port over an index,
# then runs wrk at 8 and at 64 connections against a rotating mix of searches (unaccented,
# accented, phrase, document number, filtered, page 3) and reference/stat requests, and prints
# requests/s and the 50th/99th percentile latency of each run.
#
#   tools/bench/load.sh [--db DIR] [--vankien BIN] [--duration 20s] [--threads N]
#
# Defaults: --db ./vankien.db, --vankien build/bin/vankien, --duration 20s, --threads 2 (wrk's).
# wrk waits up to 10 s for a response (its default of 2 s would leave slow requests out of the
# latency figures).
# Needs wrk (Debian package wrk; tools/setup.sh installs it).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
db="vankien.db"; vankien="$root/build/bin/vankien"; duration="20s"; threads=2
while [ $# -gt 0 ]; do
  case "$1" in
    --db) db="$2"; shift 2 ;;
    --vankien) vankien="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "load: unknown argument $1" >&2; exit 2 ;;
  esac
done
command -v wrk >/dev/null || { echo "load: wrk not found (apt-get install wrk, or tools/setup.sh)" >&2; exit 2; }
[ -x "$vankien" ] || { echo "load: $vankien not built" >&2; exit 2; }
[ -d "$db" ] || { echo "load: no index at $db" >&2; exit 2; }

work="$(mktemp -d)"
cleanup() { [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
"$vankien" serve --db "$db" --port 0 >"$work/serve.log" 2>&1 &
pid=$!
for _ in $(seq 100); do
  url="$(grep -o 'http://127.0.0.1:[0-9]*/' "$work/serve.log" || true)"
  [ -n "$url" ] && break
  sleep 0.1
done
[ -n "$url" ] || { cat "$work/serve.log" >&2; echo "load: the server did not start" >&2; exit 1; }

cat >"$work/mix.lua" <<'LUA'
local paths = {
  "/api/search?q=xay+dung+dang",
  "/api/search?q=nghi+quyet+trung+uong&page=3",
  "/api/search?q=c%C3%A1n+b%E1%BB%99+l%C3%A3nh+%C4%91%E1%BA%A1o",
  "/api/search?q=%22kinh+t%E1%BA%BF+s%E1%BB%91%22",
  "/api/search?q=21-NQ%2FTW",
  "/api/search?q=giao+duc&sort=newest&from=2020",
  "/api/search?q=bao+hiem+xa+hoi&size=20",
  "/api/ref/21-NQ%2FTW",
  "/api/search?q=phong+chong+tham+nhung",
  "/healthz",
}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
LUA

# Warm the page cache and every thread's searcher.
wrk -t1 -c2 -d3s -s "$work/mix.lua" "$url" >/dev/null 2>&1 || true

echo "vankien serve at $url over $db ($(nproc) cores); wrk -t$threads -d$duration"
printf '%-12s %12s %10s %10s %10s\n' connections requests/s p50 p99 errors
for c in 8 64; do
  wrk -t"$threads" -c"$c" -d"$duration" --timeout 10s --latency -s "$work/mix.lua" "$url" >"$work/wrk-$c.txt" 2>&1
  rps="$(awk '/Requests\/sec/ {print $2}' "$work/wrk-$c.txt")"
  p50="$(awk '$1=="50%" {print $2}' "$work/wrk-$c.txt")"
  p99="$(awk '$1=="99%" {print $2}' "$work/wrk-$c.txt")"
  errors="$(awk '/Non-2xx|Socket errors/ {sub(/^ +/, ""); printf "%s; ", $0}' "$work/wrk-$c.txt")"
  printf '%-12s %12s %10s %10s %10s\n' "$c" "$rps" "$p50" "$p99" "${errors:-none}"
done
