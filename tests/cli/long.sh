#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# A document longer than a part (256 KiB of text) is read in parts (issue
# 15, item 7): a name in a later part is found, and its mention and its
# evidence point at the right code points of the whole document; a byline
# at the end is the document's; the document's length is the whole; one
# line of 600 KB with no line break is cut too. Text generated here.
. "$(dirname "$0")/lib.bash"
need python3
python3 - "$TMP" <<'PY'
import sys
d = sys.argv[1]
head = "山村新貌\n\n"
filler = "村里的道路修好了，孩子们上学方便了很多。每到周末，游客们开车来到山里。\n\n"
name = "熙岭乡党委书记郑海燕介绍，乡里发展茶叶种植。"
body = head + filler * 9000  # about 960 KB: four parts
at = len(body)               # code points before the name
text = body + name + "\n\n" + filler * 10 + "（记者 林秋水）\n"
open(d + "/long.txt", "w", encoding="utf-8").write(text)
open(d + "/expect", "w").write("%d %d %d\n" % (at + 7, at + 10, len(text)))
# one line, no line break: cut at sentence ends
line = ("天刚亮，村民们就已经在地里忙碌起来。" * 12000) + name
open(d + "/line.txt", "w", encoding="utf-8").write(line)
open(d + "/expect_line", "w").write("%d %d\n" % (len(line) - len(name) + 7, len(line) - len(name) + 10))
PY
read -r b e n <"$TMP/expect"
run 0 "" build --fast -f ntriples -o "$TMP/long.nt" "$TMP/long.txt"
check "grep -q 'rdf-schema#label> \"郑海燕\"@zh' '$TMP/long.nt'" "no 郑海燕 in the last part"
check "grep -q '/mention/[0-9a-f]*/$b-$e> .*anchorOf> \"郑海燕\"@zh' '$TMP/long.nt'" \
  "郑海燕 not at code points $b-$e: $(grep -o '/mention/[0-9a-f]*/[0-9-]*> .*anchorOf> \"郑海燕\"' "$TMP/long.nt" | head -2)"
check "grep -q 'nif-core#endIndex> \"$n\"' '$TMP/long.nt'" "the document is not $n code points long"
check "grep -q 'dc/terms/creator> \"林秋水\"@zh' '$TMP/long.nt'" "the byline of the last part is not the document's"
check "grep -q 'schema.org/headline> \"山村新貌\"@zh' '$TMP/long.nt'" "the title of the first part is not the document's"
# the evidence of a relation stated in that sentence: its sentence's offsets
check "grep -q '/evidence/[0-9a-f]*/[0-9a-f]*/$((b - 7))-' '$TMP/long.nt'" "no evidence at the sentence of 郑海燕"
read -r b e <"$TMP/expect_line"
run 0 "" build --fast -f ntriples -o "$TMP/line.nt" "$TMP/line.txt"
check "grep -q '/mention/[0-9a-f]*/$b-$e> .*anchorOf> \"郑海燕\"@zh' '$TMP/line.nt'" "one line: 郑海燕 not at $b-$e"
finish
