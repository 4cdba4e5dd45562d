#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Every triple once, and N-Triples in UTF-8 (issue 15, items 12 and 13): no
# duplicate statement in the Turtle (as rapper reads it) or the N-Triples of
# the examples, of a sentence whose one name is both an organisation and a
# policy (the analyser's reading; skipped without the model), and of the
# shared corpus when present; a name of the examples is found in the
# N-Triples by grep, and only what N-Triples needs is \-escaped.
. "$(dirname "$0")/lib.bash"
need rapper
corpus=${CNKG_SHARED:-$SRC/../shared}/corpus
# no_dups NAME DIR-OR-FILE... : builds both syntaxes and checks them
no_dups() {
  local name=$1; shift
  "$CNKG" build -q -f turtle,ntriples -o "$TMP/$name" "$@" 2>"$TMP/err" ||
    { fail "$name: build failed: $(head -c 300 "$TMP/err")"; return; }
  local d1 d2
  d1=$(rapper -q -i turtle -o ntriples "$TMP/$name/graph.ttl" | LC_ALL=C sort | uniq -d | wc -l)
  d2=$(LC_ALL=C sort "$TMP/$name/graph.nt" | uniq -d | wc -l)
  check "[ '$d1' = 0 ] && [ '$d2' = 0 ]" "$name: $d1 duplicate triples in the Turtle, $d2 in the N-Triples"
  local a b
  a=$(triples "$TMP/$name/graph.ttl" turtle); b=$(triples "$TMP/$name/graph.nt" ntriples)
  check "[ -n '$a' ] && [ '$a' = '$b' ]" "$name: Turtle $a triples, N-Triples $b"
}
no_dups examples "$SRC/examples"
printf '龙潭村成立了土地银行，村民把闲置的田地存进去。\n' >"$TMP/bank.txt"
if "$CNKG" build -q -f ntriples -o "$TMP/probe.nt" "$TMP/bank.txt" 2>/dev/null; then
  no_dups bank "$TMP/bank.txt"
  refs=$(grep -c '/mention/[0-9a-f]*/6-10> <http://www.w3.org/2005/11/its/rdf#taIdentRef>' "$TMP/bank/graph.nt" || true)
  types=$(grep -c '/mention/[0-9a-f]*/6-10> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type>' "$TMP/bank/graph.nt" || true)
  check "[ '$types' = 1 ] && [ '$refs' -ge 1 ]" "bank: the mention of 土地银行 has $types types, $refs taIdentRef"
else
  echo "note: no analyser model, the shared mention is checked by test_rdf only"
fi
[ -d "$corpus" ] && no_dups corpus "$corpus"
# UTF-8: grep finds the name; escapes only for quotes, backslashes, controls
nt="$TMP/examples/graph.nt"
check "grep -q '\"陈立远\"@zh' '$nt'" "N-Triples: 陈立远 not found as UTF-8"
check "! grep -q '\\\\u[0-9A-F]\\{4\\}' '$nt'" "N-Triples: \\u escapes in plain text"
check "iconv -f UTF-8 -t UTF-8 '$nt' >/dev/null" "N-Triples: not UTF-8"
# one thread and four give the same bytes
"$CNKG" build -q -j 4 -f ntriples -o "$TMP/j4.nt" "$SRC/examples"
check "cmp -s '$nt' '$TMP/j4.nt'" "N-Triples with -j 4 differ"
finish
