#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# `cnkg lex`: --tags gives exactly the reference tags of the project's own
# sentences (tests/data/lac_own.tsv), and the output is byte-identical with
# 1, 2 and 4 threads on input large enough that the threads run LAC batches
# at the same time (a BLAS that is not safe to call from several threads
# at once shows up here as differing tags).
. "$(dirname "$0")/lib.bash"

cut -f1 "$SRC/tests/data/lac_own.tsv" >"$TMP/own.txt"
cut -f2 "$SRC/tests/data/lac_own.tsv" >"$TMP/own.tags"
run 0 "" lex --tags "$TMP/own.txt"
check "cmp -s '$TMP/out' '$TMP/own.tags'" "--tags differs from the reference tags"

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
finish
