#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Measures the division index (bench/division.c): open time and lookup rate.
# Usage: bench/division.sh [BUILD_DIR]  (default build); needs
# BUILD_DIR/libcnkg_lib.a and BUILD_DIR/data/division.idx. Depends on cc.
set -eu
src=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$src/build}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
${CC:-cc} -std=c11 -O2 -D_POSIX_C_SOURCE=200809L -I"$src/include" -I"$src" \
  "$src/bench/division.c" "$build/libcnkg_lib.a" -o "$out/division-bench"
ls -l "$build/data/division.idx" | awk '{printf "index size        %d bytes (%.1f MiB)\n", $5, $5/1048576}'
"$out/division-bench" "$build/data/division.idx"
