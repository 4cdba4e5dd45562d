#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# --provenance none|entities|full give the expected kinds of triples: none
# has no NIF mentions and no evidence; entities adds NIF 2.0 mentions
# (anchorOf, begin/endIndex in code points of the original, referenceContext
# to an nif:Context document); full adds PROV-O evidence derived from the
# document and attributed to cnkg's version as a software agent.
. "$(dirname "$0")/lib.bash"
need python3

EX="$SRC/examples"
for lvl in none entities full; do
  "$CNKG" build -q -f nt --provenance "$lvl" -o "$TMP/$lvl.nt" "$EX" || fail "build --provenance $lvl failed"
done
NIF='http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#'
PROV='http://www.w3.org/ns/prov#'
O='https://w3id.org/cnkg/ontology#'
RDFT='<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>'
count() { grep -c -F -- "$2" "$TMP/$1.nt" || true; }

for lvl in none entities full; do
  check "[ $(count "$lvl" "$RDFT <${O}Person>") -gt 0 ]" "$lvl: no persons"
  check "[ $(count "$lvl" "$RDFT <${O}Document>") -eq 4 ]" "$lvl: documents missing"
  check "[ $(count "$lvl" "<${O}locatedIn>") -gt 0 ]" "$lvl: no relations"
done
check "[ $(count none "<${NIF}Phrase>") = 0 ] && [ $(count none "<${NIF}anchorOf>") = 0 ]" "none: has NIF mentions"
check "[ $(count none "<${O}Evidence>") = 0 ] && [ $(count none "<${PROV}wasDerivedFrom>") = 0 ]" "none: has evidence"
check "[ $(count none "<${PROV}SoftwareAgent>") = 0 ]" "none: has the agent"

n_phrase=$(count entities "$RDFT <${NIF}Phrase>")
check "[ '$n_phrase' -gt 0 ]" "entities: no NIF mentions"
for p in anchorOf beginIndex referenceContext; do
  check "[ $(count entities "<${NIF}$p>") -ge '$n_phrase' ]" "entities: mentions lack nif:$p"
done
check "[ $(count entities "<http://www.w3.org/2005/11/its/rdf#taIdentRef>") = '$n_phrase' ]" "entities: mentions lack itsrdf:taIdentRef"
check "[ $(count entities "$RDFT <${NIF}Context>") = 4 ]" "entities: documents are not nif:Context"
check "grep -q '<${NIF}beginIndex> \"[0-9]*\"^^<http://www.w3.org/2001/XMLSchema#nonNegativeInteger>' '$TMP/entities.nt'" "entities: offsets not xsd:nonNegativeInteger"
check "[ $(count entities "<${O}Evidence>") = 0 ]" "entities: has evidence"

check "[ $(count full "$RDFT <${NIF}Phrase>") = '$n_phrase' ]" "full: mentions differ from entities"
n_ev=$(count full "$RDFT <${O}Evidence>")
check "[ '$n_ev' -gt 0 ]" "full: no evidence"
for p in "${PROV}wasDerivedFrom" "${PROV}wasAttributedTo" "${O}subject" "${O}predicate" "${O}object" "${O}sentence"; do
  check "[ $(count full "<$p>") = '$n_ev' ]" "full: not every evidence has <$p>"
done
check "[ $(count full "$RDFT <${PROV}Entity>") -ge '$n_ev' ]" "full: evidence not prov:Entity"
ver=$("$CNKG" --version | sed 's/^cnkg //')
agent="<https://w3id.org/cnkg/id/agent/cnkg-$ver>"
check "grep -q -F '$agent $RDFT <${PROV}SoftwareAgent>' '$TMP/full.nt'" "full: no software agent for cnkg $ver"
check "[ $(count full "<${PROV}wasAttributedTo> $agent") = '$n_ev' ]" "full: evidence not attributed to cnkg $ver"
check "! grep -q '<${PROV}wasDerivedFrom> <[^>]*/doc/' '$TMP/full.nt' || [ \$(grep -c '<${PROV}wasDerivedFrom> <[^>]*/doc/' '$TMP/full.nt') = '$n_ev' ]" "full: evidence not derived from documents"

# Offsets are code points of the original: each mention's anchor is the
# text at [begin, end) of its (UTF-8 text) document; a document's endIndex
# is its length.
python3 - "$TMP/full.nt" "$EX" >"$TMP/offsets.out" <<'PY' || true
import re, sys
nt, exdir = sys.argv[1], sys.argv[2]
unesc = lambda x: re.sub(r'\\u([0-9A-Fa-f]{4})', lambda m: chr(int(m.group(1), 16)), x)
src, anc, beg, end, ref = {}, {}, {}, {}, {}
for line in open(nt, encoding='utf-8'):
    m = re.match(r'<([^>]*)> <([^>]*)> (.*) \.$', line.strip())
    if not m:
        continue
    s, p, o = m.groups()
    lit = re.match(r'"(.*)"', o)
    if p.endswith('/terms/source'): src[s] = unesc(lit.group(1))
    elif p.endswith('#anchorOf'): anc[s] = unesc(lit.group(1))
    elif p.endswith('#beginIndex'): beg[s] = int(lit.group(1))
    elif p.endswith('#endIndex'): end[s] = int(lit.group(1))
    elif p.endswith('#referenceContext'): ref[s] = o[1:-1]
good = bad = 0
for s, a in anc.items():
    f = src.get(ref.get(s))
    if not f or not f.endswith('.txt'):
        continue
    t = open(exdir + '/' + f, encoding='utf-8').read()
    if t[beg[s]:end[s]] == a: good += 1
    else:
        bad += 1
        print('mismatch', f, beg[s], end[s], a, repr(t[beg[s]:end[s]]))
for d, f in src.items():
    if f.endswith('.txt') and d in end:
        n = len(open(exdir + '/' + f, encoding='utf-8').read())
        if end[d] != n:
            bad += 1
            print('document length', f, end[d], n)
print('ok', good, 'bad', bad)
PY
check "grep -q '^ok [1-9][0-9]* bad 0$' '$TMP/offsets.out'" "mention offsets: $(head -5 "$TMP/offsets.out" | tr '\n' ' ')"
finish
