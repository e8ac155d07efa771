#!/usr/bin/env bash
# Builds vankien's libFuzzer targets with clang in build-fuzz/ and runs each one for a while on
# a copy of its seed corpus (tests/fuzz/corpus/<name>/, so the repository's seeds are never
# changed).
#
#   tools/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
#
#   SECONDS_PER_TARGET  fuzzing time of each target (default 30)
#   TARGET              names such as "pdf" or "pdf_fuzz" (default: every target that
#                       tests/fuzz/CMakeLists.txt declares; CMake lists them in build-fuzz/fuzzers.txt)
#
# Environment:
#   FUZZ_JOBS   how many targets run at once (default: the number of CPUs); each is one process
#   FUZZ_KEEP   set to 1 to keep the temporary corpora (their path is printed)
#   FUZZ_ARGS   extra libFuzzer flags for every target (e.g. "-max_len=65536")
#   FUZZ_TOTAL_SECONDS  a budget for the whole script, build included: when the build leaves too
#               little of it, each target runs for less than SECONDS_PER_TARGET (at least 5 s).
#               CI uses this to stay within 5 minutes however long the build takes.
#
# Every run uses -timeout=10 (seconds per input), -rss_limit_mb=2048, leak detection and the
# libFuzzer dictionary tests/fuzz/dict/<name>.dict when there is one. A crash,
# leak, timeout or out-of-memory input is saved as build-fuzz/crashes/<target>-<kind>-<sha1>, its
# log as build-fuzz/logs/<target>.log, and the script exits 1. To replay one:
#   build-fuzz/bin/<target> build-fuzz/crashes/<file>
# Needs clang and libclang-rt-14-dev (Debian 12; see tools/debian-packages.txt), plus the
# libraries vankien itself needs.
set -euo pipefail

script_start=$(date +%s)
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="$root/build-fuzz"
corpus_root="$root/tests/fuzz/corpus"

usage() { sed -n '2,/^set -euo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//'; }

seconds=30
if [ $# -gt 0 ]; then
  case "$1" in
    -h|--help) usage; exit 0 ;;
    ''|*[!0-9]*) ;;  # not a number: a target name
    *) seconds="$1"; shift ;;
  esac
fi
if [ "$seconds" -lt 1 ]; then echo "fuzz: SECONDS_PER_TARGET must be at least 1" >&2; exit 2; fi

jobs="${FUZZ_JOBS:-$(nproc 2>/dev/null || echo 1)}"
[ "$jobs" -ge 1 ] 2>/dev/null || jobs=1

# --- Toolchain check: clang with the libFuzzer and sanitizer runtimes. -----------------------
for tool in clang clang++ cmake; do
  if ! command -v "$tool" >/dev/null; then
    echo "fuzz: '$tool' not found; install clang, libclang-rt-14-dev and cmake (tools/setup.sh)" >&2
    exit 2
  fi
done
probe="$(mktemp -d)"
trap 'rm -rf "$probe"' EXIT
printf 'extern "C" int LLVMFuzzerTestOneInput(const unsigned char*, unsigned long) { return 0; }\n' \
  >"$probe/probe.cc"
if ! clang++ -fsanitize=fuzzer,address,undefined "$probe/probe.cc" -o "$probe/probe" \
    >"$probe/log" 2>&1; then
  cat "$probe/log" >&2
  echo "fuzz: clang cannot link a libFuzzer target; install libclang-rt-14-dev (Debian 12)" >&2
  exit 2
fi
rm -rf "$probe"
trap - EXIT

# --- Configure and build. ---------------------------------------------------------------------
generator=()
if [ ! -f "$build/CMakeCache.txt" ] && command -v ninja >/dev/null; then generator=(-G Ninja); fi
echo "fuzz: configuring $build"
# RelWithDebInfo without -DNDEBUG: optimized, with debug info and with assert() kept; libstdc++
# bounds checks (_GLIBCXX_ASSERTIONS) turn out-of-range operator[] into findings.
CC=clang CXX=clang++ cmake -S "$root" -B "$build" "${generator[@]}" \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g" \
  -DCMAKE_CXX_FLAGS="-D_GLIBCXX_ASSERTIONS" \
  -DVANKIEN_BUILD_FUZZERS=ON -DVANKIEN_BUILD_TESTS=OFF -DVANKIEN_BUILD_BENCH=OFF >/dev/null
# Every target tests/fuzz/CMakeLists.txt declares (vankien_fuzzer), as configured: the list is
# written by CMake, so a new target is fuzzed here without editing this script.
all_targets=()
if [ -f "$build/fuzzers.txt" ]; then mapfile -t all_targets < <(grep -v '^$' "$build/fuzzers.txt"); fi
if [ ${#all_targets[@]} -eq 0 ]; then
  echo "fuzz: no fuzz targets configured ($build/fuzzers.txt is missing or empty)" >&2
  exit 2
fi

targets=()
if [ $# -eq 0 ]; then
  targets=("${all_targets[@]}")
else
  for arg in "$@"; do
    name="${arg%_fuzz}_fuzz"
    found=0
    for t in "${all_targets[@]}"; do [ "$t" = "$name" ] && found=1; done
    if [ $found -eq 0 ]; then
      echo "fuzz: unknown target '$arg' (known: ${all_targets[*]})" >&2
      exit 2
    fi
    targets+=("$name")
  done
fi

echo "fuzz: building ${targets[*]}"
build_start=$(date +%s)
cmake --build "$build" --parallel "$(nproc 2>/dev/null || echo 2)" --target "${targets[@]}"
echo "fuzz: build took $(( $(date +%s) - build_start )) s"

# --- Run. ---------------------------------------------------------------------------------------
work="$(mktemp -d "${TMPDIR:-/tmp}/vankien-fuzz.XXXXXX")"
if [ "${FUZZ_KEEP:-0}" = 1 ]; then
  echo "fuzz: temporary corpora kept in $work"
else
  trap 'rm -rf "$work"' EXIT
fi
mkdir -p "$build/crashes" "$build/logs"

export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:symbolize=1:allocator_may_return_null=1:${ASAN_OPTIONS:-}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:${UBSAN_OPTIONS:-}"
read -r -a extra_args <<<"${FUZZ_ARGS:-}"

# Runs one target; writes its log and a one-line summary (work/<target>.summary).
run_target() {
  local t="$1" name="${1%_fuzz}"
  local seeds="$corpus_root/$name" dir="$work/$t"
  local log="$build/logs/$t.log" artifacts="$work/$t-artifacts/"
  mkdir -p "$dir" "$artifacts"
  if [ -d "$seeds" ]; then cp -R "$seeds/." "$dir/"; fi
  local dict=()
  if [ -f "$root/tests/fuzz/dict/$name.dict" ]; then dict=(-dict="$root/tests/fuzz/dict/$name.dict"); fi
  local start end rc=0
  start=$(date +%s)
  "$build/bin/$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -detect_leaks=1 \
    -print_final_stats=1 -artifact_prefix="$artifacts" "${dict[@]}" "${extra_args[@]}" \
    "$dir" >"$log" 2>&1 || rc=$?
  end=$(date +%s)
  local runs rate
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n1)
  if [ -z "$runs" ]; then  # -fork mode prints no final stats: take its last status line
    runs=$(sed -n 's/^#\([0-9]*\): .*/\1/p' "$log" | tail -n1)
    rate=$(sed -n 's/^#[0-9]*: .* exec\/s \([0-9]*\) .*/\1/p' "$log" | tail -n1)
  fi
  local result="ok" saved=()
  for f in "$artifacts"*; do
    [ -f "$f" ] || continue
    local base kind hash
    base="$(basename "$f")"
    kind="${base%%-*}"  # crash, leak, timeout, oom, slow-unit
    [ "$kind" = slow ] && continue
    hash="$(sha1sum "$f" | cut -c1-12)"
    cp "$f" "$build/crashes/$name-$kind-$hash"
    saved+=("build-fuzz/crashes/$name-$kind-$hash")
  done
  if [ $rc -ne 0 ] || [ ${#saved[@]} -gt 0 ]; then
    [ $rc -ne 0 ] || rc=1  # -fork=N -ignore_crashes=1 exits 0 but leaves the inputs
    result="FAILED (exit $rc)"
    if grep -q 'ERROR: libFuzzer: timeout' "$log"; then result="TIMEOUT"
    elif grep -q 'ERROR: libFuzzer: out-of-memory' "$log"; then result="OUT OF MEMORY"
    elif grep -q 'ERROR: LeakSanitizer' "$log"; then result="LEAK"
    elif grep -q 'invariant violated' "$log"; then result="INVARIANT: $(grep -m1 'invariant violated' "$log" | sed 's/.*invariant violated: //')"
    elif grep -q 'ERROR: AddressSanitizer' "$log"; then result="ASAN: $(grep -m1 'ERROR: AddressSanitizer' "$log" | sed 's/.*AddressSanitizer: //')"
    elif grep -q 'runtime error:' "$log"; then result="UBSAN: $(grep -m1 'runtime error:' "$log" | sed 's/.*runtime error: //')"
    elif grep -q 'ERROR: libFuzzer: deadly signal' "$log"; then result="CRASH (deadly signal)"
    elif [ ${#saved[@]} -eq 0 ]; then result="FAILED (exit $rc): $(grep -m1 -iE 'error' "$log" || true)"
    fi
    if [ ${#saved[@]} -gt 0 ]; then result="$result -> ${saved[*]}"; fi
  fi
  printf '%-15s %12s %8ss %10s  %s\n' "$t" "${runs:-?}" "$((end - start))" "${rate:-?}" "$result" \
    >"$work/$t.summary"
  echo "$rc" >"$work/$t.rc"
}

if [ -n "${FUZZ_TOTAL_SECONDS:-}" ]; then
  # What is left of the budget, shared by the rounds of $jobs targets (2 s each for start-up).
  rounds=$(( (${#targets[@]} + jobs - 1) / jobs ))
  left=$(( FUZZ_TOTAL_SECONDS - ($(date +%s) - script_start) ))
  fit=$(( left / rounds - 2 ))
  [ "$fit" -ge 5 ] || fit=5
  if [ "$fit" -lt "$seconds" ]; then
    echo "fuzz: $left s of the $FUZZ_TOTAL_SECONDS s budget left: $fit s per target instead of $seconds"
    seconds=$fit
  fi
fi
echo "fuzz: running ${#targets[@]} target(s) for ${seconds} s each, $jobs at a time (logs in build-fuzz/logs/)"
for t in "${targets[@]}"; do
  while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do wait -n || true; done
  run_target "$t" &
done
wait

failed=0
printf '\n%-15s %12s %9s %10s  %s\n' target executions time exec/s result
for t in "${targets[@]}"; do
  if [ -f "$work/$t.summary" ]; then cat "$work/$t.summary"; else echo "$t: no result (script error)"; fi
  [ "$(cat "$work/$t.rc" 2>/dev/null || echo 1)" = 0 ] || failed=1
done
if [ $failed -ne 0 ]; then
  echo "fuzz: FAILED — inputs saved in build-fuzz/crashes/, logs in build-fuzz/logs/" >&2
  exit 1
fi
echo "fuzz: all targets passed"
