#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Out of memory (issue 15, item 8): under a limit on the address space
# (ulimit -v), `cnkg build` at -j 1, 2 and 8, with and without the analyser,
# either succeeds or stops with "out of memory" and status 1 within the time
# limit, leaving the output it would have replaced unchanged: no hang (OpenBLAS
# retried a failed allocation for ever), no abort (OpenCC's std::bad_alloc,
# status 134). The same for the analyser on OpenBLAS's sgemm
# (CNKG_LAC_KERNEL=openblas), the only kernels that need OpenBLAS's 160 MB
# buffer per thread; with its own kernels (the default) the analyser needs no
# such buffer, so -j 2 fits in the limit. Skipped for sanitizer builds (ASan
# needs terabytes of address space) and where ulimit -v cannot be set.
. "$(dirname "$0")/lib.bash"
if nm -a "$CNKG" 2>/dev/null | grep -q '__asan_init\|__ubsan_handle' ||
   ldd "$CNKG" 2>/dev/null | grep -q 'libasan\|libubsan' ||
   [ -n "${ASAN_OPTIONS:-}${CNKG_SANITIZE:-}" ]; then
  skip "binary built with a sanitizer"
fi
(ulimit -v 614400) 2>/dev/null || skip "cannot limit the address space here"
limit=${CNKG_OOM_TIMEOUT:-120}
printf 'old graph\n' >"$TMP/keep"
# case KB MODE JOBS [KERNEL]: one run under the limit (KERNEL: CNKG_LAC_KERNEL)
case_() {
  local kb=$1 mode=$2 jobs=$3 kernel=${4:-} opt=() st
  [ "$mode" = fast ] && opt=(--fast)
  cp "$TMP/keep" "$TMP/g.nt"
  set +e
  (ulimit -v "$kb"; export CNKG_LAC_KERNEL="$kernel"
   exec timeout "$limit" "$CNKG" build "${opt[@]}" -q -j "$jobs" \
     -f ntriples -o "$TMP/g.nt" "$SRC/examples") >"$TMP/out" 2>"$TMP/err"
  st=$?
  set -e
  local what="ulimit -v $kb, $mode${kernel:+ ($kernel)}, -j $jobs"
  status=$st
  if [ "$st" = 0 ]; then
    check "rapper -q -i ntriples -c '$TMP/g.nt' >/dev/null 2>&1" "$what: status 0 but no valid graph"
  else
    check "[ '$st' = 1 ]" "$what: status $st (124: hung, 134: aborted): $(head -c 300 "$TMP/err")"
    check "grep -q '^cnkg: error: .*out of memory' '$TMP/err' && ! grep -q 'terminate called\\|bad_alloc' '$TMP/err'" \
      "$what: no clear message: $(head -c 300 "$TMP/err")"
    check "cmp -s '$TMP/keep' '$TMP/g.nt'" "$what: the old output was changed"
    check "[ -z \"\$(ls -A '$TMP' | grep '^\\.g\\.nt\\.')\" ]" "$what: a temporary file was left"
  fi
}
for jobs in 1 2 8; do
  case_ 614400 full "$jobs"
  case_ 614400 full "$jobs" openblas
  case_ 250000 fast "$jobs"
  case_ 200000 fast "$jobs"
done
# the analyser's own kernels take no OpenBLAS buffer: two threads fit
case_ 614400 full 2
check "[ '$status' = 0 ]" "ulimit -v 614400, full, -j 2: status $status, not 0: $(head -c 300 "$TMP/err")"
finish
