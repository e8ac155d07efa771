#!/usr/bin/env bash
# Peer comparison of issue 6: indexes the same news articles with vankien, omindex (Debian
# xapian-omega) and SQLite FTS5 (tools/bench/bench_fts5), then times the committed query set
# (tools/bench/queries.txt) on vankien and on FTS5, and prints one table. A benchmark, not a test.
#
#   tools/bench/compare.sh [--slice N] [--vietnews] [--keep DIR] [--rounds N] [--shards N] [--build DIR]
#                          [--no-queries | --no-index | --queries-on DIR]
#
# Indexing, per data set (baomoi; vietnews too with --vietnews): the JSONL and the same articles
# as one .txt file each (title, blank line, lead, text: what vankien indexes from a record),
# written to a temporary folder before any timing. Rows: vankien on the JSONL, vankien on the
# .txt folder, omindex on the .txt folder (its defaults), FTS5 fts5(title, body) loaded from the
# .txt folder in one transaction. Columns: documents in the index, wall seconds, CPU seconds
# (user + sys: steadier than wall time on a busy machine), docs/s, MB/s of raw text (the .txt
# bytes, for every row), peak RSS, size on disk (du), size after compaction (xapian-compact for
# Xapian, FTS5 'optimize' + VACUUM) and that size over the raw text; then the ratios
# vankien / omindex and vankien / FTS5.
# Queries: baomoi + vietnews (108k articles) indexed into one vankien index (compacted) and one
# FTS5 database (optimized), timed as the rows "baomoi+vietnews"; then bench_query and
# bench_fts5 query print p50/p95/p99 per category of the query set, and a summary.
#
#   --slice N         only the first N articles of each file (quick runs: --slice 2000)
#   --vietnews        also the indexing comparison on vietnews (72,499 articles)
#   --keep DIR        keep the indexes in DIR (DIR/baomoi, DIR/vietnews, DIR/all); the query
#                     benchmark can reuse DIR/all with --queries-on DIR/all
#   --rounds N        timed rounds of the query set (default 20, as bench_query)
#   --shards N        vankien builds N shards in parallel (vankien index --shards N; default 1)
#   --build DIR       where vankien and bench_query are (default build/bin); bench_fts5 is
#                     looked for there, then in build-bench/bin
#   --no-queries      the indexing comparison only
#   --no-index        skip the per-file indexing comparison (build the 108k indexes, time queries)
#   --queries-on DIR  no indexing at all: time the queries on DIR/vankien.db and DIR/fts5.sqlite
#
# Needs xapian-omega, xapian-tools, sqlite3, libsqlite3-dev, time, zstd and python3 (Debian;
# tools/setup.sh installs them) and bench_fts5: cmake --build build --target bench_fts5.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
news="$root/../shared/data/news"
slice=0; vietnews=0; keep=""; rounds=20; bin="$root/build/bin"; shards=1
do_index=1; do_queries=1; queries_on=""
while [ $# -gt 0 ]; do
  case "$1" in
    --slice) slice="$2"; shift 2 ;;
    --vietnews) vietnews=1; shift ;;
    --keep) keep="$2"; shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    --build) bin="$2"; shift 2 ;;
    --shards) shards="$2"; shift 2 ;;
    --no-queries) do_queries=0; shift ;;
    --no-index) do_index=0; shift ;;
    --queries-on) queries_on="$2"; do_index=0; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "compare: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done
[[ "$slice" =~ ^[0-9]+$ && "$rounds" =~ ^[1-9][0-9]*$ ]] || { echo "compare: --slice and --rounds take numbers" >&2; exit 2; }
if [ "$slice" -gt 0 ]; then articles="the first $slice articles of each file"; else articles="all articles"; fi

vankien="$bin/vankien"; bench_query="$bin/bench_query"; bench_fts5="$bin/bench_fts5"
[ -x "$bench_fts5" ] || bench_fts5="$root/build-bench/bin/bench_fts5"
for tool in "$vankien" "$bench_query"; do
  [ -x "$tool" ] || { echo "compare: $tool not built (cmake --build build)" >&2; exit 2; }
done
[ -x "$bench_fts5" ] || { echo "compare: bench_fts5 not built: cmake --build build --target bench_fts5 (needs libsqlite3-dev)" >&2; exit 2; }
for cmd in omindex xapian-compact xapian-delve sqlite3 zstd /usr/bin/time /usr/bin/python3; do
  command -v "$cmd" >/dev/null || { echo "compare: $cmd not found (tools/setup.sh installs it)" >&2; exit 2; }
done
if [ -n "$queries_on" ]; then
  [ -d "$queries_on/vankien.db" ] && [ -f "$queries_on/fts5.sqlite" ] || { echo "compare: $queries_on has no vankien.db and fts5.sqlite (made by --keep DIR: use DIR/all)" >&2; exit 2; }
else
  [ -f "$news/baomoi.jsonl.zst" ] || { echo "compare: no $news/baomoi.jsonl.zst (the shared data folder)" >&2; exit 2; }
fi

work="$(mktemp -d /tmp/vankien-compare.XXXXXX)"
trap 'rm -rf "$work"' EXIT
out="${keep:-$work/index}"
mkdir -p "$out"
rows="$work/rows.tsv"; : >"$rows"
log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
size_of() { du -sb "$@" | awk '{ s += $1 } END { print s + 0 }'; }

# measure LOG CMD...: runs CMD with its output in LOG; sets wall, cpu (s) and rss (kB).
measure() {
  local logfile="$1"; shift
  local t0 t1
  t0=$(date +%s.%N)
  if ! /usr/bin/time -f '%U %S %M' -o "$work/time" "$@" >"$logfile" 2>&1; then
    log "failed ($(cat "$work/time" | head -1)): $*"; tail -20 "$logfile" >&2; exit 1
  fi
  t1=$(date +%s.%N)
  wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
  read -r user sys rss < <(tail -1 "$work/time")
  cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
}

# row SET ENGINE INPUT DOCS SIZE COMPACT: one table row, with the last measure's figures and the
# raw text bytes of SET; warns when the index holds another number of documents than SET has.
row() {
  local key="${1//+/_}" docs_var bytes_var
  docs_var="docs_$key"; bytes_var="bytes_$key"
  [ "$4" = "${!docs_var}" ] || log "warning: $1 $2 $3 holds $4 documents, the input has ${!docs_var}"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "$wall" "$cpu" "$rss" \
    "${!bytes_var}" "$5" "$6" >>"$rows"
}

# compact LABEL LOG CMD...: a maintenance step after a build, logged with its time; keeps the
# build's wall, cpu and rss.
compact() {
  local label="$1" w="$wall" c="$cpu" r="$rss"; shift
  measure "$@"
  log "  $label took $wall s"
  wall="$w"; cpu="$c"; rss="$r"
}

vankien_docs() { grep -o '"documents_in_index":[0-9]*' "$1" | cut -d: -f2; }

# prepare NAME: the JSONL slice and the .txt folder of NAME, into $work; sets docs_NAME, bytes_NAME.
prepare() {
  local name="$1" line
  [ -f "$news/$name.jsonl.zst" ] || { echo "compare: no $news/$name.jsonl.zst" >&2; exit 2; }
  log "writing $name as JSONL and .txt files ($articles) into $work (not timed)"
  line=$(/usr/bin/python3 "$root/tools/bench/news_to_txt.py" "$news/$name.jsonl.zst" "$work" "$name" --slice "$slice")
  printf -v "docs_$name" '%s' "$(echo "$line" | sed 's/docs=\([0-9]*\).*/\1/')"
  printf -v "bytes_$name" '%s' "$(echo "$line" | sed 's/.*bytes=\([0-9]*\)/\1/')"
}

# vankien_index DB LABEL SET INPUTS...: index, then compact into DB.compact; appends a row.
vankien_index() {
  local db="$1" label="$2" set="$3"; shift 3
  rm -rf "$db" "$db.compact"
  log "$set: vankien index ($label, $shards shard(s))"
  measure "$work/log" "$vankien" index --json --shards "$shards" --db "$db" "$@"
  local docs size; docs=$(vankien_docs "$work/log"); size=$(size_of "$db")
  compact xapian-compact "$work/log.compact" xapian-compact "$db" "$db.compact"
  row "$set" vankien "$label" "$docs" "$size" "$(size_of "$db.compact")"
}

fts5_index() {
  local db="$1" set="$2"; shift 2
  log "$set: FTS5 load (one transaction)"
  measure "$work/log" "$bench_fts5" index --db "$db" "$@"
  local docs size; docs=$(sed -n 's/^docs=\([0-9]*\).*/\1/p' "$work/log"); size=$(size_of "$db")
  compact "FTS5 optimize" "$work/log.opt" "$bench_fts5" optimize --db "$db"
  row "$set" FTS5 ".txt" "$docs" "$size" "$(size_of "$db")"
}

compare_set() {
  local name="$1" dir="$out/$1"
  mkdir -p "$dir"
  vankien_index "$dir/vankien-jsonl.db" JSONL "$name" "$work/$name.jsonl"
  vankien_index "$dir/vankien-txt.db" ".txt" "$name" "$work/txt/$name"
  rm -rf "$dir/omindex.db" "$dir/omindex.db.compact"
  log "$name: omindex (.txt folder)"
  measure "$work/log" omindex --db "$dir/omindex.db" --url / "$work/txt/$name"
  local docs size
  docs=$(xapian-delve "$dir/omindex.db" | sed -n 's/^number of documents = //p'); size=$(size_of "$dir/omindex.db")
  compact xapian-compact "$work/log.compact" xapian-compact "$dir/omindex.db" "$dir/omindex.db.compact"
  row "$name" omindex ".txt" "$docs" "$size" "$(size_of "$dir/omindex.db.compact")"
  fts5_index "$dir/fts5.sqlite" "$name" "$work/txt/$name"
}

print_table() {
  echo
  echo "== Indexing (same articles, same run; MB = 10^6 bytes of raw text, the .txt files) =="
  awk -F'\t' '
    BEGIN { printf "%-16s %-8s %-6s %7s %8s %8s %7s %6s %8s %8s %9s %7s\n", "set", "engine", "input",
                   "docs", "wall s", "cpu s", "docs/s", "MB/s", "RSS MB", "size MB", "compct MB", "compct/raw" }
    { if ($5 < 0.001) $5 = 0.001
      docs_s = $4 / $5; mb_s = $8 / 1e6 / $5
      printf "%-16s %-8s %-6s %7d %8.1f %8.1f %7.0f %6.2f %8.0f %8.1f %9.1f %6.2fx\n", $1, $2, $3, $4, $5, $6,
             docs_s, mb_s, $7 / 1024, $9 / 1e6, $10 / 1e6, $10 / $8
      key = $1 SUBSEP $2 SUBSEP $3; speed[key] = docs_s; cpu[key] = $6; rss[key] = $7; size[key] = $10
      if (!($1 in seen)) { seen[$1] = 1; sets[++n] = $1 } }
    END {
      print ""
      print "Ratios vankien / peer (docs/s > 1: vankien faster; CPU, RSS, compacted size > 1: vankien uses more)"
      for (i = 1; i <= n; i++) {
        s = sets[i]
        for (a = 1; a <= 2; a++) {
          v = s SUBSEP "vankien" SUBSEP (a == 1 ? "JSONL" : ".txt")
          if (!(v in speed)) continue
          for (b = 1; b <= 2; b++) {
            p = s SUBSEP (b == 1 ? "omindex" : "FTS5") SUBSEP ".txt"
            if (!(p in speed)) continue
            printf "%-16s vankien %-5s / %-7s  docs/s %5.2fx  CPU %5.2fx  RSS %5.2fx  size %5.2fx\n", s,
                   (a == 1 ? "JSONL" : ".txt"), (b == 1 ? "omindex" : "FTS5"), speed[v] / speed[p],
                   cpu[v] / cpu[p], rss[v] / rss[p], size[v] / size[p]
          }
        }
      }
    }' "$rows"
}

load_note() { echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores ($(date -u '+%Y-%m-%d %H:%M UTC'))"; }

[ -n "$queries_on" ] && articles="queries on $queries_on"
echo "vankien peer comparison: $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?'), $articles, $(load_note)"
echo "omindex $(omindex --version | head -1 | awk '{print $NF}'), SQLite $(sqlite3 --version | cut -d' ' -f1) FTS5 (unicode61 remove_diacritics 2)"

if [ "$do_index" = 1 ]; then
  prepare baomoi
  compare_set baomoi
  if [ "$vietnews" = 1 ]; then
    prepare vietnews
    compare_set vietnews
  fi
fi

qdir="$queries_on"
if [ "$do_queries" = 1 ] && [ -z "$qdir" ]; then
  [ -n "${docs_baomoi:-}" ] || prepare baomoi
  [ -n "${docs_vietnews:-}" ] || prepare vietnews
  docs_baomoi_vietnews=$((docs_baomoi + docs_vietnews))
  bytes_baomoi_vietnews=$((bytes_baomoi + bytes_vietnews))
  qdir="$out/all"; mkdir -p "$qdir"
  vankien_index "$qdir/vankien-full.db" JSONL "baomoi+vietnews" "$work/baomoi.jsonl" "$work/vietnews.jsonl"
  rm -rf "$qdir/vankien.db"; mv "$qdir/vankien-full.db.compact" "$qdir/vankien.db"
  fts5_index "$qdir/fts5.sqlite" "baomoi+vietnews" "$work/txt/baomoi" "$work/txt/vietnews"
fi

[ -s "$rows" ] && print_table

if [ "$do_queries" = 1 ]; then
  log "queries: vankien (bench_query) and FTS5 (bench_fts5 query), $rounds rounds each"
  echo
  echo "== Queries: tools/bench/queries.txt, LIMIT 10, each query warmed once then timed $rounds times =="
  echo "vankien.db: $(xapian-delve "$qdir/vankien.db" | sed -n 's/^number of documents = //p') documents; fts5.sqlite: $(sqlite3 "$qdir/fts5.sqlite" 'SELECT count(*) FROM docs') rows"
  echo "-- vankien: bench_query on the compacted index"
  "$bench_query" --db "$qdir/vankien.db" --rounds "$rounds" | tee "$work/q.vankien"
  echo "-- FTS5: bench_fts5 query on the optimized database (words OR-ed, phrases quoted, filters dropped)"
  "$bench_fts5" query --db "$qdir/fts5.sqlite" --rounds "$rounds" | tee "$work/q.fts5"
  echo
  awk '$1 == "all" { e = FILENAME ~ /vankien$/ ? "vankien" : "FTS5"
                     p50[e] = $5; p95[e] = $8; p99[e] = $11 }
       END { printf "%-8s %9s %9s %9s\n", "all", "p50 ms", "p95 ms", "p99 ms"
             printf "%-8s %9.3f %9.3f %9.3f\n", "vankien", p50["vankien"], p95["vankien"], p99["vankien"]
             printf "%-8s %9.3f %9.3f %9.3f\n", "FTS5", p50["FTS5"], p95["FTS5"], p99["FTS5"]
             if (p50["vankien"] > 0 && p95["vankien"] > 0 && p99["vankien"] > 0)
               printf "%-8s %8.1fx %8.1fx %8.1fx\n", "FTS5/vk", p50["FTS5"] / p50["vankien"],
                      p95["FTS5"] / p95["vankien"], p99["FTS5"] / p99["vankien"] }' "$work/q.vankien" "$work/q.fts5"
fi
echo
echo "finished, $(load_note)${keep:+; indexes kept in $keep}"
