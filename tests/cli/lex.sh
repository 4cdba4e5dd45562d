#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# `cnkg lex`: --tags gives exactly the reference tags of the project's own
# sentences (tests/data/lac_own.tsv: lac_reference.py's tags of the text in
# the forms the model was trained on, full-width and CJK punctuation made
# ASCII; the first column keeps the text as written), full-width
# punctuation no longer glues itself to names, and the output is byte-identical with
# 1, 2 and 4 threads on input large enough that the threads run LAC batches
# at the same time (a BLAS that is not safe to call from several threads
# at once shows up here as differing tags). Both precisions and every kernel
# version this CPU runs give the reference tags; --version and -v name the
# kernels; a bad CNKG_LAC_KERNEL or --lac-precision is an error. OpenBLAS
# is loaded only when its kernel is asked for, and cnkg starts once (it
# used to start itself again to keep OpenBLAS from starting a thread pool).
. "$(dirname "$0")/lib.bash"

cut -f1 "$SRC/tests/data/lac_own.tsv" >"$TMP/own.txt"
cut -f2 "$SRC/tests/data/lac_own.tsv" >"$TMP/own.tags"
run 0 "" lex --tags "$TMP/own.txt"
check "cmp -s '$TMP/out' '$TMP/own.tags'" "--tags differs from the reference tags"

printf '他说，张三，李四。\n' >"$TMP/wide.txt"
run 0 "" lex "$TMP/wide.txt"
check "grep -qx '他/r 说/v ，/w 张三/PER ，/w 李四/PER 。/w' '$TMP/out'" \
  "full-width punctuation glued to names: $(cat "$TMP/out")"

for i in $(seq 40); do cat "$TMP/own.txt"; done >"$TMP/big.txt"
run 0 "" lex -j 1 "$TMP/big.txt"
cp "$TMP/out" "$TMP/j1.out"
check "[ \$(wc -l <'$TMP/j1.out') -eq \$(wc -l <'$TMP/big.txt') ]" "one output line per input line"
for j in 2 4; do
  for r in 1 2; do
    run 0 "" lex -j "$j" "$TMP/big.txt"
    check "cmp -s '$TMP/out' '$TMP/j1.out'" "lex -j $j differs from -j 1 (run $r)"
  done
done
for p in exact fast; do
  run 0 "" lex --lac-precision="$p" --tags "$TMP/own.txt"
  check "cmp -s '$TMP/out' '$TMP/own.tags'" "--lac-precision=$p --tags differs from the reference tags"
done
for k in generic scalar sse2 avx2 avx512 openblas; do
  CNKG_LAC_KERNEL=$k "$CNKG" lex --version >"$TMP/v" 2>&1 || true
  grep -q "lac kernel: none" "$TMP/v" && continue  # not on this CPU
  CNKG_LAC_KERNEL=$k run 0 "" lex --lac-precision=exact --tags "$TMP/own.txt"
  check "cmp -s '$TMP/out' '$TMP/own.tags'" "CNKG_LAC_KERNEL=$k: --tags differs from the reference"
done
run 0 "" lex -j 2 --lac-precision=exact "$TMP/big.txt"
cp "$TMP/out" "$TMP/j2exact.out"
run 0 "" lex -j 1 --lac-precision=exact "$TMP/big.txt"
check "cmp -s '$TMP/out' '$TMP/j2exact.out'" "exact: lex -j 2 differs from -j 1"

run 0 "" lex --version
check "grep -Eq '^lac kernel: [a-z0-9]+, (float32|int16)' '$TMP/out'" "--version does not name the kernel"
check "grep -q 'cpu: ' '$TMP/out'" "--version does not name the CPU"
run 0 "lac kernel: .*float32" lex -v --lac-precision=exact
run 0 "lac kernel: .*int16" lex -v "$TMP/own.txt"
check "[ \$(wc -l <'$TMP/out') -eq \$(wc -l <'$TMP/own.txt') ]" "-v still analyses its input"
CNKG_LAC_KERNEL=no-such run 1 "CNKG_LAC_KERNEL=no-such: unknown" lex "$TMP/own.txt"
run 2 "--lac-precision takes exact or fast" lex --lac-precision=half "$TMP/own.txt"
run 2 "--lac-precision takes exact or fast" build --lac-precision=half "$TMP/own.txt"

# What the dynamic loader loaded, from its own log (glibc's LD_DEBUG);
# skipped where the loader keeps no such log (musl, a static build).
if LD_DEBUG=files "$CNKG" --version 2>"$TMP/ld" >/dev/null && grep -q "initialize program" "$TMP/ld"; then
  LD_DEBUG=files run 0 "" lex "$TMP/wide.txt"
  check "[ \$(grep -c 'initialize program' '$TMP/err') -eq 1 ]" "cnkg started more than once"
  check "! grep -q 'libopenblas' '$TMP/err'" "OpenBLAS loaded though no kernel asked for it"
  CNKG_LAC_KERNEL=openblas LD_DEBUG=files run 0 "" lex --lac-precision=exact "$TMP/wide.txt"
  check "grep -q 'file=libopenblas' '$TMP/err'" "CNKG_LAC_KERNEL=openblas did not load OpenBLAS"
  check "grep -q '张三/PER' '$TMP/out'" "the OpenBLAS kernel's tags: $(cat "$TMP/out")"
fi
finish
