#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Runs cnkg over every fuzzer regression input in tests/fuzz/regress/ (both
# --fast and with the analyser): no crash, no hang, status 0 or 1, and the
# Turtle output accepted by rapper.
. "$(dirname "$0")/lib.bash"
n=0
for f in "$SRC"/tests/fuzz/regress/*/*; do
  [ -f "$f" ] || continue
  n=$((n + 1))
  # The harnesses take the first byte as a mode; the CLI reads it all.
  for mode in --fast ""; do
    for ext in txt html; do
      cp "$f" "$TMP/input.$ext"
      set +e
      timeout 120 "$CNKG" build -q $mode -f turtle -o "$TMP/g.ttl" "$TMP/input.$ext" 2>"$TMP/err"
      st=$?
      set -e
      rel=${f#"$SRC"/}
      check "[ $st -le 1 ]" "$rel ($ext ${mode:-lac}): status $st: $(head -c 300 "$TMP/err")"
      if [ $st -eq 0 ]; then
        check "rapper -q -i turtle -c '$TMP/g.ttl' >/dev/null 2>&1" "$rel ($ext ${mode:-lac}): bad Turtle"
      fi
    done
  done
done
[ $n -gt 0 ] || skip "no regression inputs"
echo "$n regression inputs"
finish
