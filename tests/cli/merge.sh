#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Shard and merge: the bundled examples built in one run and as three shards
# (files split), merged with `cnkg merge`, give byte-identical N-Triples and
# Turtle in any shard order and from either syntax; a shard merged with
# itself is unchanged; bad shards and usage errors are reported, and so is
# what the graph model cannot hold (U+0000, other languages, two classes).
. "$(dirname "$0")/lib.bash"
need rapper
# Under ASan: raptor 2.0.15's N-Triples parser keeps one reference to a
# datatype IRI (xsd:nonNegativeInteger) per parse, once per file, never per
# triple; nothing of ours leaks. When that IRI is xsd:boolean (as for the
# small shards below), raptor interned it at start-up and the block kept is
# raptor_concepts_init's.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}fast_unwind_on_malloc=0"

EX="$SRC/examples"
mkdir -p "$TMP/s1" "$TMP/s2" "$TMP/s3"
cp "$EX/county-overview.txt" "$TMP/s1/"
cp "$EX/county-report.html" "$TMP/s2/"
cp "$EX"/village-*.txt "$TMP/s3/"
"$CNKG" build -q -f turtle,ntriples -o "$TMP/one" "$EX" || fail "one-run build failed"
for i in 1 2 3; do
  "$CNKG" build -q -f turtle,ntriples -o "$TMP/o$i" "$TMP/s$i" || fail "shard $i build failed"
done
"$CNKG" merge -f ntriples -o "$TMP/m.nt" "$TMP"/o{1,2,3}/graph.nt || fail "merge of N-Triples failed"
check "cmp -s '$TMP/one/graph.nt' '$TMP/m.nt'" "merged N-Triples differ from one run"
"$CNKG" merge -f turtle -o "$TMP/m.ttl" "$TMP"/o{3,1,2}/graph.ttl || fail "merge of Turtle failed"
check "cmp -s '$TMP/one/graph.ttl' '$TMP/m.ttl'" "merged Turtle differs from one run"
"$CNKG" merge -f ntriples "$TMP/o2/graph.ttl" "$TMP/o3/graph.nt" "$TMP/o1/graph.ttl" >"$TMP/mix.nt" ||
  fail "merge of mixed syntaxes failed"
check "cmp -s '$TMP/one/graph.nt' '$TMP/mix.nt'" "merge of mixed syntaxes differs from one run"
cat "$TMP/o1/graph.nt" "$TMP/o2/graph.nt" | "$CNKG" merge -f ntriples - "$TMP/o3/graph.ttl" >"$TMP/in.nt" ||
  fail "merge from stdin failed"
check "cmp -s '$TMP/one/graph.nt' '$TMP/in.nt'" "merge from stdin differs from one run"
"$CNKG" merge -f ntriples -o "$TMP/self.nt" "$TMP/one/graph.nt" "$TMP/one/graph.ttl" ||
  fail "merge with itself failed"
check "cmp -s '$TMP/one/graph.nt' '$TMP/self.nt'" "a graph merged with itself changed"
check "[ \"\$(triples '$TMP/m.ttl' turtle)\" = \"\$(triples '$TMP/m.nt' ntriples)\" ]" \
  "merged Turtle and N-Triples differ in triple count"
# Errors: shards without evidence, not RDF, missing; usage.
"$CNKG" build -q --provenance none -f ntriples -o "$TMP/none.nt" "$TMP/s1" || fail "build --provenance none failed"
set +e
"$CNKG" merge -f ntriples "$TMP/none.nt" >/dev/null 2>"$TMP/err"; st=$?
check "[ $st = 1 ] && grep -q 'provenance full' '$TMP/err'" "shard without provenance: status $st, $(cat "$TMP/err")"
printf 'not <rdf\n' >"$TMP/bad.nt"
"$CNKG" merge "$TMP/bad.nt" >/dev/null 2>"$TMP/err"; st=$?
check "[ $st = 1 ] && grep -q '^cnkg: error: .*bad.nt: ' '$TMP/err'" "bad shard: status $st, $(cat "$TMP/err")"
# What the model cannot hold is refused, naming the shard and the term,
# not merged changed (issue 15): a label cut at an escaped U+0000, a label
# tagged @en (it would come back @zh), an entity with two classes (one
# would be dropped), a second code, fromDivisionList "false" (read as true).
nt1="$TMP/o1/graph.nt"
subj=$(grep -m1 'rdf-schema#label> "' "$nt1" | cut -d' ' -f1)
lab=$(grep -m1 "^$subj <http://www.w3.org/2000/01/rdf-schema#label>" "$nt1")
refuse() { # NAME PATTERN: merging $TMP/NAME.nt fails with PATTERN in the message
  printf 'keep\n' >"$TMP/keep.nt"
  "$CNKG" merge -f ntriples -o "$TMP/keep.nt" "$TMP/$1.nt" >/dev/null 2>"$TMP/err"; st=$?
  check "[ $st = 1 ] && grep -q \"^cnkg: error: .*$1.nt: .*$2\" '$TMP/err' && [ \"\$(cat '$TMP/keep.nt')\" = keep ]" \
    "$1: status $st, $(head -c 300 "$TMP/err")"
}
{ grep -v -F "$lab" "$nt1"; printf '%s\n' "${lab%\"@zh .}\\u0000tail\"@zh ."; } >"$TMP/nul.nt"
refuse nul "${subj}.*U+0000"
{ grep -v -F "$lab" "$nt1"; printf '%s\n' "${lab%@zh .}@en ."; } >"$TMP/en.nt"
refuse en "${subj}.*@en.*@zh"
{ cat "$nt1"; printf '%s <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/cnkg/ontology#Organization> .\n' "$subj"; } >"$TMP/types.nt"
refuse types "${subj} has 2 cnkg classes"
place=$(grep -m1 'ontology#code> "' "$nt1")
{ cat "$nt1"; printf '%s\n' "${place%\" .}9\" ."; } >"$TMP/codes.nt"
refuse codes "has two <https://w3id.org/cnkg/ontology#code>"
printf '屏南县熙岭乡龙潭村发展茶叶种植。\n' >"$TMP/list.txt" # ancestors from the list
"$CNKG" build -q --fast -f ntriples -o "$TMP/list.nt" "$TMP/list.txt"
ancestor=$(grep -m1 'fromDivisionList>' "$TMP/list.nt")
{ grep -v -F "$ancestor" "$TMP/list.nt"; printf '%s\n' "${ancestor/\"true\"/\"false\"}"; } >"$TMP/false.nt"
refuse false 'fromDivisionList.*"false"'
"$CNKG" merge "$TMP/missing.nt" >/dev/null 2>"$TMP/err"; st=$?
check "[ $st = 1 ] && grep -q 'missing.nt' '$TMP/err'" "missing shard: status $st"
"$CNKG" merge >/dev/null 2>&1; st=$?
check "[ $st = 2 ]" "no GRAPH: status $st, want 2"
"$CNKG" merge --bogus x >/dev/null 2>&1; st=$?
check "[ $st = 2 ]" "unknown option: status $st, want 2"
"$CNKG" merge --help >"$TMP/help" 2>/dev/null; st=$?
check "[ $st = 0 ] && grep -q '^Usage: cnkg merge' '$TMP/help'" "--help: status $st"
"$CNKG" merge -f ntriples -o /dev/full "$TMP/o1/graph.nt" 2>/dev/null; st=$?
check "[ $st = 1 ]" "writing to /dev/full: status $st, want 1"
set -e
finish
