# SPDX-License-Identifier: Apache-2.0
# Shared helpers for the shell tests in tests/cli/ (sourced, not run).
# Each test sets -eu, sources this, and calls pass/fail; exit 77 = skipped.
set -eu
CNKG="${CNKG_BIN:?CNKG_BIN not set (run through ctest)}"
SRC="${CNKG_SOURCE_DIR:?}"
TMP=$(mktemp -d "${TMPDIR:-/tmp}/cnkg-test.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
# Under ASan: what libraries keep and never free is suppressed by name, in
# one list for the whole suite (tests/lsan.supp); tests whose leaks sit
# behind raptor's or graphviz's frames add fast_unwind_on_malloc=0 so the
# names are on the stacks. cnkg's own leaks still fail.
export LSAN_OPTIONS="${LSAN_OPTIONS:+$LSAN_OPTIONS:}suppressions=$SRC/tests/lsan.supp:print_suppressions=0"
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
# run EXPECTED_STATUS STDERR_REGEX ARGS...: runs cnkg with stdin closed,
# stdout in $TMP/out and stderr in $TMP/err, and checks the exit status and
# (unless the regex is empty) the message. valgrind.sh defines its own run.
run() {
  local want=$1 re=$2; shift 2
  set +e
  "$CNKG" "$@" >"$TMP/out" 2>"$TMP/err" </dev/null
  local got=$?
  set -e
  if [ "$got" -ne "$want" ]; then fail "cnkg $*: status $got, want $want; stderr: $(head -c 300 "$TMP/err")"; return; fi
  if [ -n "$re" ] && ! grep -Eq -e "$re" "$TMP/err"; then fail "cnkg $*: stderr lacks /$re/: $(head -c 300 "$TMP/err")"; return; fi
  ok
}
# triples FILE SYNTAX: number of triples rapper reads, or -1.
triples() {
  rapper -i "$2" -c "$1" 2>&1 | sed -n 's/.*returned \([0-9]*\) triples.*/\1/p' | head -n1
}
# labels TYPE: the rdfs:labels of the entities of class TYPE (Village,
# Person, ...) in the N-Triples in $TMP/out, one line per entity.
labels() { grep "/ontology#$1>" "$TMP/out" | cut -d' ' -f1 | while read -r s; do
  grep -F "$s <http://www.w3.org/2000/01/rdf-schema#label>" "$TMP/out" | cut -d'"' -f2; done; }
# pin NAME: the value a pinned data package's set(NAME "...") has in
# CMakeLists.txt (version, SHA-256).
pin() { sed -n "s/^set($1 \"\\([^\"]*\\)\").*/\\1/p" "$SRC/CMakeLists.txt"; }
