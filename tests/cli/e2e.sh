#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# End to end on the bundled examples: the Turtle and N-Triples parse with
# rapper to the same triple count, dot renders the DOT, the graph contract
# of the scorer holds, and outputs are byte-identical across input order
# and thread count.
. "$(dirname "$0")/lib.bash"
need rapper
need dot

EX="$SRC/examples"
"$CNKG" build -q --output "$TMP/a" "$EX" || fail "build of the examples failed"
for f in graph.ttl graph.nt graph.dot; do
  check "[ -s '$TMP/a/$f' ]" "$f missing or empty"
done
nt=$(triples "$TMP/a/graph.nt" ntriples)
ttl=$(triples "$TMP/a/graph.ttl" turtle)
check "[ -n '$nt' ] && [ '$nt' -gt 100 ]" "N-Triples unreadable or tiny ($nt triples)"
check "[ '$nt' = '$ttl' ]" "Turtle ($ttl) and N-Triples ($nt) differ in triple count"
check "dot -Tsvg '$TMP/a/graph.dot' -o '$TMP/a.svg' 2>'$TMP/dot.err'" "dot rejects the DOT: $(head -c 300 "$TMP/dot.err" 2>/dev/null)"
check "grep -q '<svg' '$TMP/a.svg'" "dot produced no SVG"

# Contract: no blank nodes; every typed entity has an @zh label; the
# contract's classes and properties are used.
check "! grep -q '_:' '$TMP/a/graph.nt'" "blank nodes in the output"
O='https://w3id.org/cnkg/ontology#'
for cls in Person Village County Township Province Prefecture Industry Policy Organization; do
  check "grep -q '<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <$O$cls>' '$TMP/a/graph.nt'" "no entity of class $cls in the examples' graph"
done
for p in locatedIn associatedWith title hasIndustry implementsPolicy mentionedIn; do
  check "grep -q '<$O$p>' '$TMP/a/graph.nt'" "no $p triple in the examples' graph"
done
check "grep -q '\"@zh' '$TMP/a/graph.nt'" "no @zh literal"
check "! grep -P '^<[^>]*[^\x00-\x7f]' '$TMP/a/graph.nt' | grep -q ." "non-ASCII IRI"
# Every subject typed in the contract's classes has a label.
awk -v O="$O" '$2=="<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>" && $3 ~ "^<"O"(Person|Village|County|Township|Province|Prefecture|Industry|Policy|Organization)>" {print $1}' "$TMP/a/graph.nt" | sort -u > "$TMP/typed"
grep '<http://www.w3.org/2000/01/rdf-schema#label>' "$TMP/a/graph.nt" | awk '{print $1}' | sort -u > "$TMP/labelled"
check "[ -z \"\$(comm -23 '$TMP/typed' '$TMP/labelled')\" ]" "typed entities without rdfs:label"
# Place codes: the examples name places the list knows; some must be linked.
check "grep -q '<${O}code> \"1306241012' '$TMP/a/graph.nt'" "骆驼湾村 (Traditional example) not linked to its code"

# Hierarchy: ancestors the text never names come from the list, flagged,
# without a mention, and joined by withinDivision rather than locatedIn.
printf '绥阳县宽阔镇大力发展茶叶种植，全镇群众收入稳步增长。\n' > "$TMP/wd.txt"
"$CNKG" build -q -f ntriples -o "$TMP/wd.nt" "$TMP/wd.txt" || fail "build of a one-line document failed"
I='https://w3id.org/cnkg/id/place'
check "grep -q '<$I/520323107> <${O}locatedIn> <$I/520323> ' '$TMP/wd.nt'" "宽阔镇 not locatedIn 绥阳县"
check "grep -q '<$I/520323> <${O}withinDivision> <$I/5203> ' '$TMP/wd.nt'" "绥阳县 not withinDivision its prefecture from the list"
check "grep -q '<$I/5203> <${O}withinDivision> <$I/52> ' '$TMP/wd.nt'" "prefecture not withinDivision its province"
check "grep -q '<$I/5203> <${O}fromDivisionList> ' '$TMP/wd.nt'" "list-added prefecture not flagged"
check "! grep -q '<$I/5203> <${O}mentionedIn>' '$TMP/wd.nt'" "list-added prefecture has a mention"
check "! grep -q '<${O}locatedIn> <$I/5203> ' '$TMP/wd.nt'" "locatedIn to a place the text never names"

# Determinism: reversed input order and -j 1 vs -j 2 give identical bytes.
files=$(ls "$EX"/*.txt "$EX"/*.html)
rev=$(printf '%s\n' $files | sort -r)
"$CNKG" build -q -j 1 --output "$TMP/b" $rev || fail "build with reversed order failed"
"$CNKG" build -q -j 2 --output "$TMP/c" $files || fail "build with -j 2 failed"
for f in graph.ttl graph.nt graph.dot; do
  check "cmp -s '$TMP/a/$f' '$TMP/b/$f'" "$f differs when inputs are reversed"
  check "cmp -s '$TMP/a/$f' '$TMP/c/$f'" "$f differs between -j 1 and -j 2"
done
# Formats are written in parallel and N-Triples in parts: every format with
# -j 4, and N-Triples alone with -j 3, equal -j 1.
"$CNKG" build -q -j 1 -f turtle,ntriples,dot,html --output "$TMP/d1" $files || fail "-j 1 build of four formats failed"
"$CNKG" build -q -j 4 -f turtle,ntriples,dot,html --output "$TMP/d4" $files || fail "-j 4 build of four formats failed"
for f in graph.ttl graph.nt graph.dot graph.html; do
  check "cmp -s '$TMP/d1/$f' '$TMP/d4/$f'" "$f differs between -j 1 and -j 4 (four formats)"
done
"$CNKG" build -q --fast -j 3 -f ntriples -o "$TMP/j3.nt" $files || fail "-j 3 N-Triples build failed"
"$CNKG" build -q --fast -j 1 -f ntriples -o "$TMP/j1.nt" $files || fail "-j 1 N-Triples build failed"
check "cmp -s '$TMP/j1.nt' '$TMP/j3.nt'" "N-Triples differs between -j 1 and -j 3"
# A format that fails stops the writing as one after another would: the
# formats before it are in place, the ones after it are not, same message.
for j in 1 3; do
  mkdir -p "$TMP/fail$j/graph.nt"
  set +e
  "$CNKG" build -q --fast -j $j --output "$TMP/fail$j" "$EX/village-secretary.txt" 2> "$TMP/fail$j.err"
  st=$?
  set -e
  check "[ $st -eq 1 ]" "-j $j: a format that cannot be written does not fail the build"
  check "grep -q 'fail$j/graph.nt: Is a directory' '$TMP/fail$j.err'" "-j $j: no error for the failed format"
  check "[ -s '$TMP/fail$j/graph.ttl' ] && [ ! -e '$TMP/fail$j/graph.dot' ]" "-j $j: formats around the failed one"
  check "[ -z \"\$(ls -A '$TMP/fail$j' | grep -v '^graph\.\(ttl\|nt\)\$')\" ]" "-j $j: temporary files left behind"
done
check "[ \"\$(sed 's/fail[13]/failX/g' '$TMP/fail1.err')\" = \"\$(sed 's/fail[13]/failX/g' '$TMP/fail3.err')\" ]" "-j 1 and -j 3 report the failure differently"
# The scorer's command line: Turtle on stdout.
"$CNKG" build --format turtle --output - "$EX/village-secretary.txt" > "$TMP/one.ttl" || fail "turtle to stdout failed"
check "[ \"\$(triples '$TMP/one.ttl' turtle)\" -gt 10 ]" "turtle on stdout not readable"
finish
