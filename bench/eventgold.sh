#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Ceiling of the figure and event finders (bench/eventgold.c) on the corpus
# and, when its texts are cached, on the development set.
# Usage: bench/eventgold.sh [BUILD_DIR] [-v] [--stops] [--lac]
# Needs BUILD_DIR/libcnkg_lib.a (default build), cc and pkg-config.
set -eu
src=$(cd "$(dirname "$0")/.." && pwd)
build=$src/build
if [ $# -gt 0 ] && [ -d "$1" ]; then build=$1; shift; fi
args=""
for a in "$@"; do
  case $a in
    --lac) args="$args --lac $build/data/lac.model" ;;
    *) args="$args $a" ;;
  esac
done
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# shellcheck disable=SC2046
${CC:-cc} -std=c11 -O2 -I"$src/include" -I"$src" "$src/bench/eventgold.c" \
  "$build/libcnkg_lib.a" $(pkg-config --libs raptor2 libcgraph libgvc libpcre2-8 opencc uchardet libxml-2.0 openblas) \
  -lpthread -lm -o "$out/eventgold"
shared=${CNKG_SHARED:-$src/../shared}
[ -d "$shared/gold" ] || shared=$src/../../shared  # from a worktree
dev=${CNKG_DEV_TEXTS:-$HOME/.cache/cnkg-dev}
echo "== corpus ($shared/corpus)"
# shellcheck disable=SC2086
"$out/eventgold" $args "$shared/corpus" "$shared/gold"
if [ -d "$dev" ] && [ -d "$shared/dev/gold" ]; then
  echo "== development set ($dev)"
  # shellcheck disable=SC2086
  "$out/eventgold" $args "$dev" "$shared/dev/gold"
fi
