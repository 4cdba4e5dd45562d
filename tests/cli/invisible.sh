#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Invisible characters inside a name (issue 15, item 14): a soft hyphen,
# bidirectional controls (U+202A-E, U+2066-9), zero-width characters, a
# variation selector and a line separator (U+2028) between the characters
# of 郑海燕 do not stop her being found; the mention points at the name as
# the document has it (the invisible character included), and a paragraph
# separator (U+2029) still ends the paragraph.
. "$(dirname "$0")/lib.bash"
need python3
for cp in 00AD 202A 202B 202C 202D 202E 2066 2067 2068 2069 200B 200D 2060 FEFF FE0F 2028; do
  python3 -c 'import sys; c = chr(int(sys.argv[1], 16)); open(sys.argv[2], "w", encoding="utf-8").write("熙岭乡党委书记郑" + c + "海燕介绍，乡里发展茶叶。\n")' "$cp" "$TMP/n.txt"
  "$CNKG" build -q --fast -f ntriples -o "$TMP/n.nt" "$TMP/n.txt" 2>"$TMP/err" ||
    { fail "U+$cp: build failed: $(head -c 200 "$TMP/err")"; continue; }
  check "grep -q 'rdf-schema#label> \"郑海燕\"@zh' '$TMP/n.nt'" "U+$cp inside 郑海燕: no person 郑海燕"
  # the mention: code points 7-11 of the original, the anchor as written
  python3 -c 'import sys; c = chr(int(sys.argv[1], 16)); sys.stdout.write("郑" + c + "海燕")' "$cp" >"$TMP/anchor"
  grep '/mention/[0-9a-f]*/7-11> <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#anchorOf>' \
    "$TMP/n.nt" >"$TMP/m" || true
  check "[ -s '$TMP/m' ] && grep -qF \"\$(cat '$TMP/anchor')\" '$TMP/m'" \
    "U+$cp: no mention of 郑海燕 at 7-11 anchored as written"
done
python3 -c 'open(__import__("sys").argv[1], "w", encoding="utf-8").write("熙岭乡党委书记郑\u2029海燕介绍，乡里发展茶叶。\n")' "$TMP/p.txt"
"$CNKG" normalize "$TMP/p.txt" >"$TMP/p.out"
check "[ \"\$(grep -c . '$TMP/p.out')\" -ge 2 ]" "U+2029: no paragraph break"
finish
