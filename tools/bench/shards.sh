#!/usr/bin/env bash
# Scale-out benchmark (issue 10): indexes one JSONL archive (e.g. gen_archive's 1M documents)
# as 1, 2, 4 ... shards and prints, per shard count: indexing time and docs/s, peak RSS, size on
# disk, and the committed query set's p50/p95/p99 with the shards on local disk and, with
# --remote, with each shard behind its own xapian-tcpsrv on loopback. A benchmark, not a test.
#
#   tools/bench/shards.sh --input FILE.jsonl [--shards "1 2 4"] [--remote] [--rounds N]
#                         [--keep DIR] [--build DIR] [--reuse]
#
#   --input FILE   the JSONL archive to index (gen_archive output, or ../shared news)
#   --shards LIST  shard counts to build (default "1 2 4")
#   --remote       also time the queries through xapian-tcpsrv (Debian xapian-tools)
#   --rounds N     timed rounds of the query set (default 5)
#   --keep DIR     where the indexes go (default a temporary folder, removed at the end)
#   --reuse        keep an index already in DIR (time only the queries)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
input=""; shard_list="1 2 4"; remote=0; rounds=5; keep=""; bin="$root/build/bin"; reuse=0
while [ $# -gt 0 ]; do
  case "$1" in
    --input) input="$2"; shift 2 ;;
    --shards) shard_list="$2"; shift 2 ;;
    --remote) remote=1; shift ;;
    --rounds) rounds="$2"; shift 2 ;;
    --keep) keep="$2"; shift 2 ;;
    --build) bin="$2"; shift 2 ;;
    --reuse) reuse=1; shift ;;
    -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "shards.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done
[ -n "$input" ] && [ -r "$input" ] || { echo "shards.sh: give a readable --input FILE.jsonl" >&2; exit 2; }
for tool in "$bin/vankien" "$bin/bench_query"; do
  [ -x "$tool" ] || { echo "shards.sh: $tool is missing: cmake --build build" >&2; exit 2; }
done
if [ "$remote" = 1 ] && ! command -v xapian-tcpsrv >/dev/null; then
  echo "shards.sh: --remote needs xapian-tcpsrv (apt-get install xapian-tools)" >&2; exit 2
fi
work="${keep:-$(mktemp -d)}"; mkdir -p "$work"
servers=()
cleanup() {
  for pid in "${servers[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -n "$keep" ] || rm -rf "$work"
}
trap cleanup EXIT

echo "vankien shards benchmark: $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?'), input $input ($(du -m "$input" | cut -f1) MB), load $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
summary() { grep -E '^(all|overall)' "$1" | head -1; }

for n in $shard_list; do
  db="$work/shards-$n"
  if [ "$reuse" = 0 ] || [ ! -e "$db" ]; then
    rm -rf "$db"
    /usr/bin/time -f '%e %M' -o "$work/time" "$bin/vankien" index -q --json --shards "$n" --db "$db" "$input" >"$work/index.json"
    read -r wall rss <"$work/time"
    docs=$(grep -o '"documents_in_index":[0-9]*' "$work/index.json" | cut -d: -f2)
    printf 'shards %-3s index: %s documents in %s s = %.0f docs/s, peak RSS %d MB, %s MB on disk\n' "$n" "$docs" "$wall" \
      "$(echo "$docs / $wall" | bc -l)" "$((rss / 1024))" "$(du -sm "$db" | cut -f1)"
  fi
  "$bin/bench_query" --db "$db" --rounds "$rounds" >"$work/q.local"
  echo "shards $n local:  $(summary "$work/q.local")"
  if [ "$remote" = 1 ]; then
    stub="$work/remote-$n"; rm -rf "$stub"; mkdir -p "$stub"; servers=()
    if [ -e "$db/XAPIANDB" ]; then
      dbs=(); for ((k = 0; k < n; k++)); do dbs+=("$(printf '%s/shard-%02d' "$db" "$k")"); done
    else
      dbs=("$db")  # one database: served as it is
    fi
    for shard in "${dbs[@]}"; do
      port=$((35000 + RANDOM % 20000))
      # setsid: on SIGTERM xapian-tcpsrv signals its whole process group.
      setsid xapian-tcpsrv --interface 127.0.0.1 --port "$port" "$shard" >/dev/null 2>&1 &
      servers+=("$!")
      echo "remote 127.0.0.1:$port" >>"$stub/XAPIANDB"
    done
    sleep 1
    "$bin/bench_query" --db "$stub" --rounds "$rounds" >"$work/q.remote"
    echo "shards $n remote: $(summary "$work/q.remote")"
    for pid in "${servers[@]}"; do kill "$pid" 2>/dev/null || true; done
    servers=()
  fi
done
