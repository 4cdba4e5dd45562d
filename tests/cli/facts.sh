#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Time, events and figures end to end (issue 17), on two articles written
# for the purpose (tests/data/facts/): the page's date as dcterms:issued
# with its precision's datatype, exits and planned exits as typed nodes
# with dates, a post's start date, figures as observations with decimal
# values, units, indicators in their own scheme and target flags; relative
# dates without a page date left out; no blank nodes, ASCII IRIs; -j N
# byte-identical; shards merged equal one run; the named questions
# timeline, exits and figures answer; `cnkg show` prints the dates.
. "$(dirname "$0")/lib.bash"
need rapper
# raptor keeps a datatype IRI per N-Triples parse (merge.sh); rasqal keeps
# the rows of a DISTINCT query (query.sh): tests/lsan.supp names both.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}fast_unwind_on_malloc=0"

D="$SRC/tests/data/facts"
"$CNKG" build -q -f turtle,ntriples -o "$TMP/one" "$D" || fail "build failed"
nt="$TMP/one/graph.nt"
ttl="$TMP/one/graph.ttl"
X='http://www.w3.org/2001/XMLSchema#'
O='https://w3id.org/cnkg/ontology#'
check "grep -q '<http://purl.org/dc/terms/issued> \"2019-03-08\"^^<${X}date>' '$nt'" "no dcterms:issued date"
check "[ \$(grep -c 'dc/terms/issued>' '$nt') = 1 ]" "the undated page got a date"
check "grep -q '${O}PovertyExit> \\.' '$nt'" "no PovertyExit node"
check "grep -q '${O}PovertyExitPlanned> \\.' '$nt'" "no PovertyExitPlanned node"
check "grep -q '${O}date> \"2018\"^^<${X}gYear>' '$nt'" "no gYear date"
check "grep -q '${O}startDate> \"2016\"^^<${X}gYear>' '$nt'" "no post start date"
check "grep -q '${O}value> \"12000\"^^<${X}decimal>' '$nt'" "no decimal value after 万"
check "grep -q '${O}unit> \"元\"@zh' '$nt'" "no unit"
check "grep -q '${O}isTarget> \"true\"^^<${X}boolean>' '$nt'" "no target flag"
check "grep -q '/id/scheme/indicator> ' '$nt' && grep -q '\"指标\"@zh' '$nt'" "no indicator scheme"
check "grep -q '${O}indicator> <https://w3id.org/cnkg/id/indicator/' '$nt'" "no indicator link"
check "grep -q 'cnkg:value \"1200000\"^^xsd:decimal' '$ttl'" "Turtle spells a decimal as a bare integer"
# the undated page: 今年/去年 resolve against nothing, so no date on its facts
und=$(grep -c '红岭乡' "$nt")
check "[ $und -gt 0 ]" "the undated page left no trace"
check "! grep '${O}date> ' '$nt' | grep -q '\"2026\\|\"2025'" "a relative date resolved against the clock"
check "! grep -q '_:' '$nt'" "blank nodes in the output"
check "! LC_ALL=C grep -o '<[^>]*>' '$nt' | LC_ALL=C grep -q '[^ -~]'" "non-ASCII IRI"
check "[ \"\$(triples '$ttl' turtle)\" = \"\$(triples '$nt' ntriples)\" ]" "Turtle and N-Triples differ in triple count"
# -j N: byte-identical
"$CNKG" build -q -j 2 -f ntriples -o "$TMP/j2.nt" "$D" || fail "build -j 2 failed"
check "cmp -s '$nt' '$TMP/j2.nt'" "-j 2 output differs from -j 1"
# shards merged equal one run
mkdir -p "$TMP/a" "$TMP/b"
cp "$D/dated.txt" "$TMP/a/"
cp "$D/undated.txt" "$TMP/b/"
"$CNKG" build -q -f ntriples -o "$TMP/a.nt" "$TMP/a" || fail "shard a failed"
"$CNKG" build -q -f turtle -o "$TMP/b.ttl" "$TMP/b" || fail "shard b failed"
"$CNKG" merge -f ntriples -o "$TMP/m.nt" "$TMP/b.ttl" "$TMP/a.nt" || fail "merge failed"
check "cmp -s '$nt' '$TMP/m.nt'" "merged shards differ from one run"
# a date of the wrong datatype is refused by merge, not changed
sed 's|"2018"^^<http://www.w3.org/2001/XMLSchema#gYear>|"2018"^^<http://www.w3.org/2001/XMLSchema#string>|' \
  "$TMP/a.nt" >"$TMP/bad.nt"
set +e
"$CNKG" merge -f ntriples "$TMP/bad.nt" >/dev/null 2>"$TMP/err"; st=$?
set -e
check "[ $st = 1 ] && grep -q 'gYear' '$TMP/err'" "bad date datatype: status $st, $(head -c 200 "$TMP/err")"
# named questions
run 0 '' query --list
check "grep -q '^timeline ' '$TMP/out' && grep -q '^exits ' '$TMP/out' && grep -q '^figures ' '$TMP/out'" \
  "named questions missing from --list"
run 0 '' query "$ttl" --ask timeline --param name=白杨村
check "grep -q '^2018 .*PovertyExit' '$TMP/out'" "timeline lacks the exit: $(head -c 300 "$TMP/out")"
run 0 '' query "$ttl" --ask timeline --param name=李晓峰
check "grep -q '^2016 .*postStart' '$TMP/out'" "timeline lacks the post's start: $(head -c 300 "$TMP/out")"
run 0 '' query "$ttl" --ask exits
check "grep -q '^2018 .*白杨村 .*Village' '$TMP/out'" "exits lacks 白杨村: $(head -c 300 "$TMP/out")"
run 0 '' query "$ttl" --ask figures --param place=白杨村
check "grep -q '^人口 .*640 .*人' '$TMP/out' && grep -q '^农民人均可支配收入 .*2018 .*12000' '$TMP/out'" \
  "figures lacks 640 人口: $(head -c 300 "$TMP/out")"
# DOT labels a post edge with its start year
"$CNKG" build -q -f dot -o "$TMP/g.dot" "$D" || fail "dot build failed"
check "grep -q 'label=\"任职 2016\"' '$TMP/g.dot'" "post edge without its start year"
# cnkg show prints the dates
run 0 '' show "$ttl" 李晓峰
check "grep -q 'holdsPost-> .*(Post) \[2016 - \]' '$TMP/out' && grep -q '\[issued 2019-03-08\]' '$TMP/out'" \
  "show lacks the post's start or the page date: $(head -c 400 "$TMP/out")"
run 0 '' show "$ttl" 白杨村
check "grep -q 'concerns- .*(PovertyExit) \[2018\]' '$TMP/out'" "show lacks the exit's date"
finish
