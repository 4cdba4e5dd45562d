# SPDX-License-Identifier: Apache-2.0
# Shared helpers for the shell tests in tests/cli/ (sourced, not run).
# Each test sets -eu, sources this, and calls pass/fail; exit 77 = skipped.
set -eu
CNKG="${CNKG_BIN:?CNKG_BIN not set (run through ctest)}"
SRC="${CNKG_SOURCE_DIR:?}"
TMP=$(mktemp -d "${TMPDIR:-/tmp}/cnkg-test.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
FAILS=0
CHECKS=0
ok() { CHECKS=$((CHECKS + 1)); }
fail() { CHECKS=$((CHECKS + 1)); FAILS=$((FAILS + 1)); echo "FAIL: $*" >&2; }
check() { if eval "$1"; then ok; else fail "$2"; fi; }
skip() { echo "SKIP: $*"; exit 77; }
need() { command -v "$1" >/dev/null 2>&1 || skip "$1 not installed"; }
finish() {
  echo "$CHECKS checks, $FAILS failed"
  [ "$FAILS" -eq 0 ]
}
# triples FILE SYNTAX: number of triples rapper reads, or -1.
triples() {
  rapper -i "$2" -c "$1" 2>&1 | sed -n 's/.*returned \([0-9]*\) triples.*/\1/p' | head -n1
}
