#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Valgrind memcheck over `cnkg build` of the bundled examples (issue 9): no
# errors and no leaks. Skipped without valgrind or for a sanitizer build
# (ASan and valgrind do not mix).
. "$(dirname "$0")/lib.bash"
need valgrind
# cnkg restarts itself with this set (cli/main.c); set already, it runs on
# under valgrind instead of escaping it through exec
export OPENBLAS_NUM_THREADS=1
if nm -a "$CNKG" 2>/dev/null | grep -q '__asan_init\|__ubsan_handle' ||
   ldd "$CNKG" 2>/dev/null | grep -q 'libasan\|libubsan' ||
   [ -n "${ASAN_OPTIONS:-}${CNKG_SANITIZE:-}" ]; then
  skip "binary built with a sanitizer"
fi
# real_errors LOG: memcheck reports, minus two kinds that are not ours:
# uninitialised-value reports whose top frame is anonymous code (pcre2's
# JIT output, which valgrind cannot see into), and fontconfig/pango caches.
real_errors() {
  awk 'function print_blk(  l, first) {
         split(blk, l, "\n"); first = l[2]
         if (blk ~ /(Conditional jump|uninitialised value)/ && first ~ /at 0x[0-9A-F]+: \?\?\?$/) return
         if (blk ~ /lost in loss record/ && blk ~ /libfontconfig|libpango|libcairo|libgvplugin/) return
         if (blk ~ /^==[0-9]+== (Thread [0-9]+:|HEAP|LEAK|For |ERROR SUMMARY)/) return
         print blk; print "" }
       /^==[0-9]+== *$/ { if (blk != "") print_blk(); blk = ""; next }
       { blk = (blk == "" ? $0 : blk "\n" $0) }
       END { if (blk != "") print_blk() }' "$1"
}
# run WANT ARGS...: cnkg under memcheck; status WANT and a clean log.
run() {
  local want=$1; shift
  set +e
  valgrind -q --leak-check=full --show-leak-kinds=definite,indirect,possible \
    --log-file="$TMP/vg.log" "$CNKG" "$@" >"$TMP/out" 2>"$TMP/err"
  local st=$?
  set -e
  real_errors "$TMP/vg.log" > "$TMP/vg.real"
  if [ $st -ne "$want" ] || [ -s "$TMP/vg.real" ]; then
    fail "valgrind cnkg $*: status $st (want $want): $(head -c 2000 "$TMP/vg.real") $(head -c 300 "$TMP/err")"
  else
    ok
  fi
}
run 0 build -q -j 2 -f turtle,ntriples,dot -o "$TMP/out-all" "$SRC/examples"
run 0 build -q --fast -j 1 -o "$TMP/out-fast" "$SRC/examples"
# Error paths free what they took too: a missing input beside a good one.
run 1 build -q --fast -f nt -o "$TMP/x.nt" "$TMP/missing.txt" "$SRC/examples/village-secretary.txt"
finish
