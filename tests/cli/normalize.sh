#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# `cnkg normalize`: help and usage errors, one sentence per line, --map
# offsets that point at the sentence in the original, the same output for
# UTF-8, GB18030, UTF-16 and Big5 copies of one text, bad inputs named on
# stderr with status 1 while good ones are still printed, a full disk.
. "$(dirname "$0")/lib.bash"

run 0 "" normalize --help
check "grep -q '^Usage: cnkg normalize' '$TMP/out'" "help not on stdout"
check "grep -q -- '--map' '$TMP/out'" "help lacks --map"
run 2 "needs a FILE" normalize
run 2 "unknown option" normalize --bogus x.txt
run 1 "^cnkg: error: $TMP/missing.txt: " normalize "$TMP/missing.txt"

cat >"$TMP/a.txt" <<'TXT'
热门推荐_精彩视频_在线观看_高清大全
南山村的新变化
本报记者 何晓东
近年来,南山村依托生态优势发展乡村旅游,村里的民宿从两家增加到三十多家。村民王大妈说:“以前守住青山却过穷日子。现在青山就是金山。”
村里还成立了合作社,统一经营管理。
相关阅读
北岭镇召开工作推进会
东溪村举办农民丰收节
TXT
run 0 "" normalize "$TMP/a.txt"
cp "$TMP/out" "$TMP/plain.out"
check "! grep -q '_' '$TMP/plain.out'" "spam headline string kept"
check "! grep -q '相关阅读\|北岭镇' '$TMP/plain.out'" "related list kept"
check "grep -qx '## 南山村的新变化' '$TMP/plain.out'" "heading not marked"
check "grep -qx '@ 本报记者何晓东' '$TMP/plain.out'" "byline not kept as a credit line"
check "grep -qx '村民王大妈说:“以前守住青山却过穷日子。现在青山就是金山。”' '$TMP/plain.out'" "quotation split or lost"
# stdin gives the same
set +e; "$CNKG" normalize - <"$TMP/a.txt" >"$TMP/stdin.out" 2>/dev/null; set -e
check "cmp -s '$TMP/plain.out' '$TMP/stdin.out'" "stdin output differs"

# --map: BEGIN END are code points of the original; the original slice
# normalises to the same sentence
run 0 "" normalize --map "$TMP/a.txt"
check "grep -Eq '^[0-9]+	[0-9]+	' '$TMP/out'" "--map lacks offsets"
line=$(grep '合作社' "$TMP/out")
b=$(printf '%s' "$line" | cut -f1); e=$(printf '%s' "$line" | cut -f2)
slice=$(python3 -c "import sys; t=open(sys.argv[1],encoding='utf-8').read(); print(t[int(sys.argv[2]):int(sys.argv[3])])" "$TMP/a.txt" "$b" "$e" 2>/dev/null || true)
check "[ '$slice' = '村里还成立了合作社,统一经营管理。' ]" "--map slice is '$slice'"
run 0 "" normalize --meta "$TMP/a.txt"
check "grep -q '^# author: 何晓东' '$TMP/out'" "--meta author"
check "grep -q '^# credit	author	' '$TMP/out'" "--meta credit line"

# encodings
iconv -f UTF-8 -t GB18030 "$TMP/a.txt" >"$TMP/gb.txt"
run 0 "" normalize "$TMP/gb.txt"
check "cmp -s '$TMP/plain.out' '$TMP/out'" "GB18030 output differs"
{ printf '\xff\xfe'; iconv -f UTF-8 -t UTF-16LE "$TMP/a.txt"; } >"$TMP/u16.txt"
run 0 "" normalize "$TMP/u16.txt"
check "cmp -s '$TMP/plain.out' '$TMP/out'" "UTF-16LE output differs"
# (s2tw then t2s is not always the identity: 着 becomes 著 and stays, as
# in OpenCC itself; the text above avoids such characters)
if command -v opencc >/dev/null 2>&1; then
  opencc -c s2tw -i "$TMP/a.txt" | iconv -f UTF-8 -t BIG5 >"$TMP/big5.txt"
  run 0 "" normalize "$TMP/big5.txt"
  check "cmp -s '$TMP/plain.out' '$TMP/out'" "Big5 output differs"
fi

# a binary file is skipped with a message, the good file still printed
head -c 2048 /dev/urandom >"$TMP/bin.dat"
printf '\0\0\0' >>"$TMP/bin.dat"
run 1 "^cnkg: error: $TMP/bin.dat: .*(binary|undecodable)" normalize "$TMP/bin.dat" "$TMP/a.txt"
check "grep -q '南山村' '$TMP/out'" "good input not processed after a bad one"
# invalid bytes: one warning naming the byte offset
printf '第一句话。\xff第二句话。\n' >"$TMP/bad.txt"
run 0 "^cnkg: warning: $TMP/bad.txt: .*byte 15" normalize "$TMP/bad.txt"
check "[ \$(grep -c warning '$TMP/err') -eq 1 ]" "more than one warning"

# HTML
cat >"$TMP/p.html" <<'HTML'
<html><head><title>南山村 新变化</title><script>var x = "脚本";</script></head>
<body><nav>首页 新闻</nav><p>南山村发展乡村旅游。</p><!-- 注释 --></body></html>
HTML
run 0 "" normalize --meta "$TMP/p.html"
check "grep -qx '南山村发展乡村旅游。' '$TMP/out'" "HTML article text"
check "grep -qx '# title: 南山村新变化' '$TMP/out'" "HTML title"
check "! grep -q '脚本\|首页\|注释' '$TMP/out'" "HTML furniture kept"

# a full disk is an error
if [ -w /dev/full ]; then
  set +e; "$CNKG" normalize "$TMP/a.txt" >/dev/full 2>"$TMP/err"; st=$?; set -e
  check "[ $st -eq 1 ] && grep -q '^cnkg: error: ' '$TMP/err'" "/dev/full: status $st"
fi
finish
