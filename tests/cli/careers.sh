#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# One name, several persons, one career (issue 18 item 6). Three short texts
# of our own: 张明远 as a village party secretary in 屏南县; 张明远 as a vice
# mayor of 宁德市 who was earlier party secretary of the township that
# contains that village (a person keyed by the prefecture, so a second
# entity); and 张明远 as a town party secretary in 古田县, another county.
# The first two are linked with cnkg:possiblySameAs, with both posts'
# sentences as evidence, the third with neither; -j 1 and -j 2 give the same
# bytes; the documents built as shards and merged equal one run (the link is
# made by merge too); `cnkg query --ask careers` lists the posts in date
# order with the link.
. "$(dirname "$0")/lib.bash"
need rapper
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}fast_unwind_on_malloc=0"

D="$TMP/docs"
mkdir -p "$D"
printf '屏南县熙岭乡龙潭村党支部书记张明远带领村民发展茶叶种植。\n' >"$D/village.txt"
printf '宁德市副市长张明远到屏南县调研。2016年至2019年，张明远曾任屏南县熙岭乡党委书记。\n' >"$D/city.txt"
printf '古田县大桥镇党委书记张明远到田间查看脐橙长势。\n' >"$D/other.txt"

"$CNKG" build -q -j 1 -f turtle,ntriples -o "$TMP/one" "$D" || fail "build failed"
"$CNKG" build -q -j 2 -f turtle,ntriples -o "$TMP/two" "$D" || fail "build -j 2 failed"
check "cmp -s '$TMP/one/graph.nt' '$TMP/two/graph.nt' && cmp -s '$TMP/one/graph.ttl' '$TMP/two/graph.ttl'" \
  "-j 2 output differs from -j 1"
NT="$TMP/one/graph.nt"
ID='https://w3id.org/cnkg/id/'
SAME='<https://w3id.org/cnkg/ontology#possiblySameAs>'
# the three persons, by the place each holds a post at
person_at() { # PLACE-LABEL: the person holding a post at the place so labelled
  local place post
  place=$(grep -F "<http://www.w3.org/2000/01/rdf-schema#label> \"$1\"@zh ." "$NT" | cut -d' ' -f1 | head -n1)
  post=$(grep -F " <https://w3id.org/cnkg/ontology#postAt> $place ." "$NT" | cut -d' ' -f1 | head -n1)
  grep -F " <https://w3id.org/cnkg/ontology#holdsPost> $post ." "$NT" | cut -d' ' -f1 | head -n1
}
village=$(person_at 龙潭村)
city=$(person_at 宁德市)
other=$(person_at 大桥镇)
check "[ -n '$village' ] && [ -n '$city' ] && [ -n '$other' ]" "persons not found: '$village' '$city' '$other'"
check "[ '$village' != '$city' ] && [ '$city' != '$other' ] && [ '$village' != '$other' ]" \
  "expected three person entities named 张明远"
check "[ \"\$(grep -c \" $SAME \" '$NT' | head -n1)\" -ge 1 ]" "no possiblySameAs at all"
check "grep -Eq '^($village $SAME $city|$city $SAME $village) \\.\$' '$NT'" \
  "the village secretary and the former township secretary are not linked"
check "! grep -F \"$other\" '$NT' | grep -qF \"$SAME\"" "the secretary in another county is linked"
check "[ \"\$(grep -c \"^<${ID}person/[0-9a-f]*> $SAME \" '$NT')\" -eq 1 ]" "more than one possiblySameAs: $(grep -F " $SAME " "$NT" | cut -c1-200)"
# the evidence: the sentences of both posts, one from each document
ev=$(grep -F "<https://w3id.org/cnkg/ontology#predicate> $SAME" "$NT" | cut -d' ' -f1 | sort -u)
check "[ \"\$(printf '%s\n' \"$ev\" | grep -c .)\" -eq 2 ]" "possiblySameAs lacks two evidence records: $ev"
for e in $ev; do
  grep -F "$e <https://w3id.org/cnkg/ontology#sentence>" "$NT" >>"$TMP/why"
done
check "grep -q '龙潭村党支部书记张明远' '$TMP/why' && grep -q '张明远曾任屏南县熙岭乡党委书记' '$TMP/why'" \
  "the evidence is not the two posts' sentences: $(cat "$TMP/why")"
check "rapper -i turtle -c '$SRC/ontology/cnkg.ttl' >/dev/null 2>&1 && grep -q '^cnkg:possiblySameAs' '$SRC/ontology/cnkg.ttl'" \
  "possiblySameAs not declared in the ontology"

# shards, one document each, merged: the link is made again, bytes as one run
for f in village city other; do
  mkdir -p "$TMP/s-$f"
  cp "$D/$f.txt" "$TMP/s-$f/"
  "$CNKG" build -q -f turtle,ntriples -o "$TMP/o-$f" "$TMP/s-$f" || fail "shard $f failed"
done
check "! grep -qF \"$SAME\" '$TMP/o-city/graph.nt'" "a one-document shard already has a link"
"$CNKG" merge -f ntriples -o "$TMP/m.nt" "$TMP"/o-{other,village,city}/graph.nt || fail "merge failed"
check "cmp -s '$NT' '$TMP/m.nt'" "merged shards differ from one run: $(diff "$NT" "$TMP/m.nt" | head -n 4 | cut -c1-160 | tr '\n' ' ')"
"$CNKG" merge -f turtle -o "$TMP/m.ttl" "$TMP"/o-{city,other}/graph.ttl "$TMP/o-village/graph.nt" || fail "merge of Turtle failed"
check "cmp -s '$TMP/one/graph.ttl' '$TMP/m.ttl'" "merged Turtle differs from one run"
"$CNKG" merge -f ntriples -o "$TMP/self.nt" "$NT" "$TMP/m.nt" || fail "merge with itself failed"
check "cmp -s '$NT' '$TMP/self.nt'" "a graph merged with itself changed"

# the named question
if "$CNKG" query "$TMP/one/graph.ttl" --ask careers --param name=张明远 -r csv >"$TMP/crlf.csv" 2>"$TMP/err"; then ok; else
  fail "query careers failed: $(cat "$TMP/err")"; fi
tr -d '\r' <"$TMP/crlf.csv" >"$TMP/c.csv"
check "head -n1 '$TMP/c.csv' | grep -q '^start,end,title,place,person,sameAs,sentence,document\$'" "careers header: $(head -n1 "$TMP/c.csv")"
check "[ \"\$(wc -l <'$TMP/c.csv')\" -eq 5 ]" "careers: want 4 posts: $(cat "$TMP/c.csv")"
check "sed -n 2p '$TMP/c.csv' | grep -q '^2016,2019,乡党委书记,熙岭乡,${city//[<>]/},${village//[<>]/},'" \
  "the dated post is not first, with its link: $(sed -n 2p "$TMP/c.csv")"
check "grep -q '^,,村党支部书记,龙潭村,${village//[<>]/},${city//[<>]/},.*village.txt\$' '$TMP/c.csv'" \
  "the village post lacks the link to the other person: $(cat "$TMP/c.csv")"
check "grep -q '^,,镇党委书记,大桥镇,${other//[<>]/},,.*other.txt\$' '$TMP/c.csv'" \
  "the unlinked person's post: $(cat "$TMP/c.csv")"
"$CNKG" query --list >"$TMP/list"
check "grep -Eq '^careers +[^ ]' '$TMP/list'" "--list lacks careers"
finish
