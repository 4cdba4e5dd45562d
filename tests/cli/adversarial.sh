#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Adversarial text for the pcre2 patterns and scanners (issue 9): a long
# line of one repeated unit ('北', '、', '“', '村', digits, ...) must finish
# inside a time limit, with a valid graph and status 0. The recognisers are
# linear in document and paragraph length, so the default 256 KB per case
# with a 40 s limit (CNKG_ADV_KB, CNKG_ADV_LIMIT) holds under ASan+UBSan on
# a small CI machine, while a quadratic scan (minutes on such input) fails.
# CNKG_SLOW_TESTS=1: 1 MB per case, and the analyser (LAC) mode as well.
. "$(dirname "$0")/lib.bash"
need python3
kb=${CNKG_ADV_KB:-256}
limit=${CNKG_ADV_LIMIT:-40}
[ -n "${CNKG_SLOW_TESTS:-}" ] && kb=${CNKG_ADV_KB:-1024}
# mk NAME UNIT: a file of about $kb KB of UNIT repeated, on one line.
mk() {
  python3 -c 'import sys; u = sys.argv[1]; n = (int(sys.argv[2]) << 10) // len(u.encode()); sys.stdout.write(u * n)' "$2" "$kb" > "$TMP/$1.txt"
}
mk han '北'; mk dunhao '、'; mk quote '“'; mk village '村'; mk digits '7'
mk fullstop '。'; mk paren '（'; mk title '《'; mk nameish '张三、'
mk county '县县'; mk mixed '李村“、1'; mk spaces ' '
for f in "$TMP"/*.txt; do
  name=$(basename "$f" .txt)
  # The analyser is slow on some repeats (see the README's limits): it runs
  # only with CNKG_SLOW_TESTS=1, with a longer limit.
  modes="--fast"; [ -n "${CNKG_SLOW_TESTS:-}" ] && modes="--fast lac"
  for mode in $modes; do
    [ "$mode" = lac ] && mode=""
    lim=$limit; [ -z "$mode" ] && lim=$(( limit * 10 ))
    t0=$(date +%s)
    set +e
    timeout "$lim" "$CNKG" build -q $mode -f ntriples -o "$TMP/$name.nt" "$f" 2>"$TMP/err"
    st=$?
    set -e
    echo "$name ${mode:-lac}: $kb KB, status $st, $(( $(date +%s) - t0 )) s"
    check "[ $st -eq 0 ]" "$name ${mode:-lac}: status $st (124 = over $lim s): $(head -c 300 "$TMP/err")"
    check "rapper -q -i ntriples -c '$TMP/$name.nt' >/dev/null 2>&1" "$name ${mode:-lac}: bad N-Triples"
  done
done
finish
