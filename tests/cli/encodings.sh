#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The same article in GB18030, Big5 (Traditional, through OpenCC), UTF-16 LE
# and BE with a byte-order mark and UTF-8 with a BOM gives a graph with the
# same entities (type and label) as the UTF-8 original.
. "$(dirname "$0")/lib.bash"
need iconv
need opencc
src="$SRC/examples/village-secretary.txt"
# entities FILE.nt: "type label" lines, sorted.
entities() {
  awk '$2=="<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>" && $3 ~ /ontology#/ {t[$1]=$3}
       $2=="<http://www.w3.org/2000/01/rdf-schema#label>" {s=$1; sub(/^[^ ]+ [^ ]+ /,""); sub(/ \.$/,""); l[s]=$0}
       END {for (s in t) if (s in l) print t[s], l[s]}' "$1" | sort
}
build() { "$CNKG" build -q -f ntriples -o "$TMP/$1.nt" "$TMP/$1" || fail "build of $1 failed"; }
cp "$src" "$TMP/utf8.txt"; build utf8.txt
entities "$TMP/utf8.txt.nt" > "$TMP/want"
check "[ \$(wc -l < '$TMP/want') -gt 10 ]" "too few entities in the UTF-8 graph"
iconv -f UTF-8 -t GB18030 "$src" > "$TMP/gb.txt"; build gb.txt
{ printf '\xef\xbb\xbf'; cat "$src"; } > "$TMP/bom.txt"; build bom.txt
{ printf '\xff\xfe'; iconv -f UTF-8 -t UTF-16LE "$src"; } > "$TMP/le.txt"; build le.txt
{ printf '\xfe\xff'; iconv -f UTF-8 -t UTF-16BE "$src"; } > "$TMP/be.txt"; build be.txt
opencc -c s2tw.json -i "$src" -o "$TMP/trad.txt"
iconv -f UTF-8 -t BIG5 "$TMP/trad.txt" > "$TMP/big5.txt"; build big5.txt
for f in gb bom le be big5; do
  entities "$TMP/$f.txt.nt" > "$TMP/got.$f"
  check "cmp -s '$TMP/want' '$TMP/got.$f'" "$f: entities differ from UTF-8: $(diff "$TMP/want" "$TMP/got.$f" | head -5 | tr '\n' ' ')"
done
finish
