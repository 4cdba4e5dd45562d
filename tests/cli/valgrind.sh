#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Valgrind memcheck over `cnkg build` of the bundled examples (issue 9): no
# errors and no leaks. Skipped without valgrind or for a sanitizer build
# (ASan and valgrind do not mix).
. "$(dirname "$0")/lib.bash"
need valgrind
if nm -a "$CNKG" 2>/dev/null | grep -q '__asan_init\|__ubsan_handle' ||
   ldd "$CNKG" 2>/dev/null | grep -q 'libasan\|libubsan' ||
   [ -n "${ASAN_OPTIONS:-}${CNKG_SANITIZE:-}" ]; then
  skip "binary built with a sanitizer"
fi
# run ARGS...: cnkg under memcheck; status must be 0 and the log clean.
run() {
  set +e
  valgrind -q --error-exitcode=101 --leak-check=full --show-leak-kinds=definite,indirect,possible \
    --errors-for-leak-kinds=definite,indirect,possible --log-file="$TMP/vg.log" \
    "$CNKG" "$@" >"$TMP/out" 2>"$TMP/err"
  local st=$?
  set -e
  if [ $st -ne 0 ]; then
    fail "valgrind cnkg $*: status $st: $(head -c 1500 "$TMP/vg.log") $(head -c 300 "$TMP/err")"
  else
    ok
  fi
}
run build -q -j 2 -f turtle,ntriples,dot,svg -o "$TMP/out-all" "$SRC/examples"
run build -q --fast -j 1 -o "$TMP/out-fast" "$SRC/examples"
# Error paths free what they took too: a missing input beside a good one.
set +e
valgrind -q --error-exitcode=101 --leak-check=full --errors-for-leak-kinds=definite,indirect,possible \
  --log-file="$TMP/vg2.log" "$CNKG" build -q --fast -f nt -o "$TMP/x.nt" \
  "$TMP/missing.txt" "$SRC/examples/village-secretary.txt" >/dev/null 2>&1
st=$?
set -e
check "[ $st -eq 1 ]" "valgrind on a missing input: status $st: $(head -c 1500 "$TMP/vg2.log")"
finish
