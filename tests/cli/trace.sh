#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# cnkg trace and cnkg show on the examples' graph: paths with evidence
# sentences and documents, entity facts and mentions, DOT/SVG of a path,
# and unknown/ambiguous names, bad graphs and usage errors with their exits.
. "$(dirname "$0")/lib.bash"
# In-process SVG under ASan: full stacks so tests/lsan.supp can name
# graphviz's, pango's and fontconfig's allocations.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}fast_unwind_on_malloc=0"

"$CNKG" build -q --output "$TMP/g" "$SRC/examples" || fail "build of the examples failed"
G="$TMP/g/graph.ttl"

# trace: person -> village -> township -> county, each step with a sentence
rc=0; "$CNKG" trace "$G" 陈立远 屏南县 >"$TMP/t.out" 2>"$TMP/t.err" || rc=$?
check "[ $rc = 0 ]" "trace exit $rc: $(cat "$TMP/t.err")"
check "grep -q '^Path 1 of [0-9]* (3 steps)' '$TMP/t.out'" "trace: no 3-step path"
check "grep -q '陈立远 (Person) -associatedWith-> 龙潭村 (Village)' '$TMP/t.out'" "trace: first step"
check "grep -q '熙岭乡 (Township) -locatedIn-> 屏南县 (County)' '$TMP/t.out'" "trace: last step"
check "grep -q -- '-- village-secretary.txt, characters 0-30' '$TMP/t.out'" "trace: evidence document"
check "grep -q '驻村第一书记陈立远\"' '$TMP/t.out'" "trace: evidence sentence"
check "[ ! -s '$TMP/t.err' ]" "trace wrote to stderr"
# the reverse direction walks the same edges backwards
"$CNKG" trace "$G" 屏南县 陈立远 >"$TMP/r.out"
check "grep -q '屏南县 (County) <-locatedIn- 熙岭乡 (Township)' '$TMP/r.out'" "reverse trace"
# by IRI and IRI tail, from N-Triples too
"$CNKG" trace "$TMP/g/graph.nt" https://w3id.org/cnkg/id/place/350923 陈立远 >"$TMP/n.out" 2>&1
check "grep -q '^Path 1 of [0-9]* (3 steps)' '$TMP/n.out'" "trace by IRI on N-Triples: $(head -3 "$TMP/n.out")"
"$CNKG" trace "$G" place/350923 陈立远 >"$TMP/k.out" 2>&1
check "cmp -s '$TMP/k.out' '$TMP/r.out'" "trace by IRI tail differs from trace by name"
# deterministic
"$CNKG" trace "$G" 陈立远 屏南县 >"$TMP/t2.out"
check "cmp -s '$TMP/t.out' '$TMP/t2.out'" "trace output not deterministic"

# drawings of the path
"$CNKG" trace -f dot "$G" 陈立远 屏南县 >"$TMP/p.dot"
check "grep -q '^digraph' '$TMP/p.dot' || grep -q 'digraph' '$TMP/p.dot'" "trace -f dot: no digraph"
for n in 陈立远 龙潭村 熙岭乡 屏南县; do
  check "grep -q '$n' '$TMP/p.dot'" "trace -f dot lacks $n"
done
"$CNKG" trace -f svg -o "$TMP/p.svg" "$G" 陈立远 屏南县
check "grep -q '<svg' '$TMP/p.svg' && grep -q '熙岭乡' '$TMP/p.svg'" "trace -f svg"

# show: names, facts with evidence, mentions
rc=0; "$CNKG" show "$G" 陈立远 >"$TMP/s.out" 2>"$TMP/s.err" || rc=$?
check "[ $rc = 0 ]" "show exit $rc: $(cat "$TMP/s.err")"
check "grep -q '^陈立远 (Person)' '$TMP/s.out'" "show: heading"
check "grep -q -- '-title-> \"驻村第一书记\"' '$TMP/s.out'" "show: title fact"
check "grep -q -- '-associatedWith-> 龙潭村 (Village)' '$TMP/s.out'" "show: associatedWith fact"
check "grep -q '^Mentions: [1-9]' '$TMP/s.out'" "show: mentions"
check "grep -q '\"陈立远\" -- village-secretary.txt, characters 27-30' '$TMP/s.out'" "show: mention offsets"
"$CNKG" show "$G" 屏南县 >"$TMP/c.out"
check "grep -q 'code: 350923' '$TMP/c.out'" "show: county code"
check "grep -q -- '<-locatedIn- 熙岭乡 (Township)' '$TMP/c.out'" "show: incoming facts"

# unknown and ambiguous names: message, exit 1
rc=0; "$CNKG" show "$G" 无此人 >"$TMP/u.out" 2>"$TMP/u.err" || rc=$?
check "[ $rc = 1 ]" "show unknown: exit $rc"
check "grep -q \"^cnkg: error: .*graph.ttl: no entity named '无此人'\" '$TMP/u.err'" "show unknown: message"
check "[ ! -s '$TMP/u.out' ]" "show unknown wrote to stdout"
cat >"$TMP/amb.ttl" <<'TTL'
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix cnkg: <https://w3id.org/cnkg/ontology#> .
<https://w3id.org/cnkg/id/person/aaaa> a cnkg:Person ; rdfs:label "王伟"@zh ; cnkg:associatedWith <https://w3id.org/cnkg/id/place/1> .
<https://w3id.org/cnkg/id/person/bbbb> a cnkg:Person ; rdfs:label "王伟"@zh ; cnkg:associatedWith <https://w3id.org/cnkg/id/place/2> .
<https://w3id.org/cnkg/id/place/1> a cnkg:Village ; rdfs:label "甲村"@zh ; cnkg:locatedIn <https://w3id.org/cnkg/id/place/3> .
<https://w3id.org/cnkg/id/place/2> a cnkg:Village ; rdfs:label "乙村"@zh .
<https://w3id.org/cnkg/id/place/3> a cnkg:County ; rdfs:label "丙县"@zh .
TTL
rc=0; "$CNKG" trace "$TMP/amb.ttl" 王伟 丙县 >"$TMP/a.out" 2>"$TMP/a.err" || rc=$?
check "[ $rc = 1 ]" "ambiguous: exit $rc"
check "grep -q \"'王伟' is ambiguous; 2 candidates\" '$TMP/a.err'" "ambiguous: message"
check "grep -q 'person/aaaa' '$TMP/a.err' && grep -q 'person/bbbb' '$TMP/a.err'" "ambiguous: candidates listed"
check "grep -q '王伟 (Person, 甲村)' '$TMP/a.err'" "ambiguous: candidate context"
rc=0; "$CNKG" trace "$TMP/amb.ttl" person/aaaa 丙县 >"$TMP/a2.out" || rc=$?
check "[ $rc = 0 ] && grep -q '(no evidence sentence in the graph)' '$TMP/a2.out'" "trace by IRI tail, no evidence"
rc=0; "$CNKG" trace "$TMP/amb.ttl" person/bbbb 丙县 >/dev/null 2>"$TMP/np.err" || rc=$?
check "[ $rc = 1 ] && grep -q 'no path between 王伟 and 丙县' '$TMP/np.err'" "no path: exit $rc"

# bad graph, usage errors, help
printf '<a> <b> .\n' >"$TMP/bad.ttl"
rc=0; "$CNKG" show "$TMP/bad.ttl" x 2>"$TMP/b.err" || rc=$?
check "[ $rc = 1 ] && grep -q '^cnkg: error: .*bad.ttl: ' '$TMP/b.err'" "bad graph: exit $rc $(cat "$TMP/b.err")"
rc=0; "$CNKG" show "$TMP/missing.ttl" x 2>"$TMP/m.err" || rc=$?
check "[ $rc = 1 ] && grep -q 'missing.ttl: cannot read graph' '$TMP/m.err'" "missing graph: exit $rc"
rc=0; "$CNKG" trace "$G" 陈立远 2>/dev/null || rc=$?
check "[ $rc = 2 ]" "trace with two arguments: exit $rc"
rc=0; "$CNKG" trace --format png "$G" a b 2>/dev/null || rc=$?
check "[ $rc = 2 ]" "trace bad format: exit $rc"
"$CNKG" trace --help | grep -q '^Usage: cnkg trace' || fail "trace --help"
"$CNKG" show --help | grep -q '^Usage: cnkg show' || fail "show --help"
check "'$CNKG' trace '$G' 陈立远 屏南县 >/dev/full 2>/dev/null; [ \$? = 1 ]" "trace to /dev/full must fail"
finish
