#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Conformance of the outputs of `cnkg build` on the bundled examples (issue
# 9): Turtle and N-Triples pass rapper and serdi with the same triples; DOT
# is accepted by dot, neato and sfdp, with and without --focus.
. "$(dirname "$0")/lib.bash"
need rapper; need serdi; need dot; need neato; need sfdp
: > "$TMP/err"
"$CNKG" build -q -f turtle,ntriples,dot -o "$TMP/o" "$SRC/examples"
for syn in turtle ntriples; do
  f="$TMP/o/graph.$([ $syn = turtle ] && echo ttl || echo nt)"
  check "rapper -q -i $syn -c '$f' >/dev/null 2>&1" "rapper rejects $syn"
  check "serdi -i $syn -o ntriples '$f' > '$TMP/serd.$syn' 2>'$TMP/err'" "serdi rejects $syn: $(head -c 300 "$TMP/err")"
done
a=$(triples "$TMP/o/graph.ttl" turtle); b=$(triples "$TMP/o/graph.nt" ntriples)
check "[ -n '$a' ] && [ '$a' -gt 0 ] && [ '$a' = '$b' ]" "Turtle $a triples, N-Triples $b"
s1=$(wc -l < "$TMP/serd.turtle"); s2=$(wc -l < "$TMP/serd.ntriples")
check "[ '$s1' = '$a' ] && [ '$s2' = '$a' ]" "serdi counts $s1/$s2, rapper $a"
# The same graph from rapper's and serdi's N-Triples, sorted.
rapper -q -i turtle -o ntriples "$TMP/o/graph.ttl" | LC_ALL=C sort > "$TMP/r.sorted"
LC_ALL=C sort "$TMP/serd.turtle" > "$TMP/s.sorted"
check "cmp -s '$TMP/r.sorted' '$TMP/s.sorted'" "rapper and serdi read different graphs"
for layout in dot neato sfdp; do
  check "$layout -Tsvg '$TMP/o/graph.dot' -o '$TMP/$layout.svg' 2>'$TMP/err' && ! grep -qi 'error\|syntax' '$TMP/err'" \
    "$layout rejects graph.dot: $(head -c 300 "$TMP/err")"
done
focus=$(grep -o 'label=<[^>]*' "$TMP/o/graph.dot" | head -n1 | sed 's/label=<//')
if [ -n "$focus" ]; then
  "$CNKG" build -q -f dot --focus "$focus" --depth 1 -o "$TMP/focus.dot" "$SRC/examples" 2>/dev/null || true
  if [ -s "$TMP/focus.dot" ]; then
    for layout in dot neato sfdp; do
      check "$layout -Tsvg '$TMP/focus.dot' >/dev/null 2>'$TMP/err'" "$layout rejects the focused graph"
    done
  fi
fi
finish
