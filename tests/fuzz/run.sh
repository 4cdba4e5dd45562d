#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Builds the libFuzzer harnesses (clang, ASan+UBSan) and runs each for a
# bounded time, seeded with the examples and the regression inputs. New
# crashes land in tests/fuzz/regress/<harness>/ to be committed.
# Usage: tests/fuzz/run.sh [SECONDS_PER_HARNESS] [BUILD_DIR]
# Exit: 0 no crash, 1 a harness crashed, 2 the harnesses did not build,
# 77 clang is missing.
set -eu
SRC=$(cd "$(dirname "$0")/../.." && pwd)
SECS=${1:-60}
BUILD=${2:-$SRC/build-fuzz}
command -v clang >/dev/null || { echo "run.sh: clang not installed" >&2; exit 77; }
CC=clang cmake -S "$SRC" -B "$BUILD" -DCNKG_FUZZ=ON \
  -DCNKG_SANITIZE=address,undefined -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
targets=$(cd "$SRC/tests/fuzz" && ls fuzz_*.c | sed 's/\.c$//')
# Only the harnesses (and the data they read): the CLI may be mid-change.
# shellcheck disable=SC2086
if ! cmake --build "$BUILD" -j "$(nproc)" --target cnkg_data $targets >"$BUILD/build.log" 2>&1; then
  grep -m20 -E 'error|Error' "$BUILD/build.log" >&2 || true
  echo "run.sh: the harnesses did not build with clang (log: $BUILD/build.log)" >&2
  exit 2
fi
export CNKG_DATA=${CNKG_DATA:-$BUILD/data}
status=0
for bin in "$BUILD"/fuzz_*; do
  [ -x "$bin" ] || continue
  name=$(basename "$bin")
  corpus="$BUILD/corpus/$name"; regress="$SRC/tests/fuzz/regress/$name"
  mkdir -p "$corpus" "$regress"
  cp "$SRC"/examples/*.txt "$SRC"/examples/*.html "$corpus/" 2>/dev/null || true
  echo "== $name: ${SECS}s"
  set +e
  # -rss_limit_mb: the LAC model is large; -timeout: no single input may hang.
  "$bin" -max_total_time="$SECS" -timeout=30 -rss_limit_mb=4096 -max_len=16384 \
    -print_final_stats=1 -artifact_prefix="$regress/" "$corpus" "$regress" \
    2>"$BUILD/$name.log"
  rc=$?
  set -e
  grep -E '^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)|^Done' \
    "$BUILD/$name.log" || true
  if [ $rc -ne 0 ]; then
    echo "$name: FAILED (status $rc), see $BUILD/$name.log; reproducer in $regress/" >&2
    grep -m3 -E 'ERROR|SUMMARY' "$BUILD/$name.log" >&2 || true
    status=1
  fi
done
exit $status
