#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# cnkg build --format html: one self-contained page (Cytoscape.js and the
# explorer inlined, JSON data, no external resources), byte-identical across
# runs and -j, each evidence sentence stored once. In headless Chromium
# (driven through chromedriver by report_browser.py) the explorer shows what
# the SVG report showed and more: overview, search with the keyboard,
# select, expand, a drag on a node that pans, filters, hiding isolated
# entities, a path, deep links, --focus, and an entity's timeline of dated
# facts (posts, exits, figures, the page's date) with their sentences. Screenshots are kept in
# BUILD/test-artifacts/report/. A 200-document report is at most 5 MB and
# opens in at most 2 s. The browser parts are skipped (77) when chromium or
# chromedriver is absent, after the static checks.
. "$(dirname "$0")/lib.bash"
need python3

EX="$SRC/examples"
"$CNKG" build -q -f html -o "$TMP/r.html" "$EX" || fail "html build failed"
"$CNKG" build -q -j 1 -f html -o "$TMP/r2.html" "$EX" || fail "second html build failed"
check "cmp -s '$TMP/r.html' '$TMP/r2.html'" "HTML differs between runs"
check "grep -q '^<!DOCTYPE html>' '$TMP/r.html'" "not an HTML page"
check "grep -q 'id=\"cnkg-data\"' '$TMP/r.html' && grep -q 'id=\"cnkg-search\"' '$TMP/r.html'" "data or search box missing"
check "grep -q 'The Cytoscape Consortium' '$TMP/r.html'" "Cytoscape.js (with its licence notice) not inlined"
check "! grep -Eq '<(link|img|iframe)|<script src|src=\"http|href=\"http|url\\(' '$TMP/r.html'" "page references external resources"
check "[ \$(grep -c '<script' '$TMP/r.html') -eq 3 ] && [ \$(grep -o '</script>' '$TMP/r.html' | wc -l) -eq 3 ]" "a script element is cut short or extra"
# data cannot close its script element
check "[ \$(sed -n '/id=\"cnkg-data\"/,/<\\/script>/p' '$TMP/r.html' | grep -o '</script' | wc -l) = 1 ]" "data contains </script"
# each sentence once, however many facts it backs (this one backs five)
s='2019年春天,县直机关干部陈立远被选派到龙潭村担任驻村第一书记。'
check "[ \$(grep -o '$s' '$TMP/r.html' | wc -l) -eq 1 ]" "an evidence sentence is stored more than once"
"$CNKG" build -q -f html --focus 陈立远 --depth 1 -o "$TMP/f.html" "$EX" || fail "focused html build failed"
check "grep -q '\"focus\":[0-9]*,\"depth\":1}' '$TMP/f.html'" "focused report does not say what it opens on"
run 1 "focus: no entity named" build -q -f html --focus 无此人 -o "$TMP/none.html" "$EX"

# in the browser
ART="${CNKG_BINARY_DIR:-$TMP}/test-artifacts/report"
mkdir -p "$ART"
set +e
python3 "$SRC/tests/cli/report_browser.py" "$TMP/r.html" "$TMP/f.html" "$ART"
rc=$?
set -e
if [ "$rc" -eq 77 ]; then
  finish >/dev/null || exit 1
  skip "chromium or chromedriver not installed (static checks passed)"
fi
check "[ $rc -eq 0 ]" "the explorer does not behave (see the FAIL lines above; screenshots in $ART)"
# a timeline of dated facts for a place: the page's date, an exit, a
# figure and a post, each with its sentence (sentences written for this)
mkdir -p "$TMP/tl"
cat > "$TMP/tl/dated.txt" <<'DOC'
发布时间:2019-03-08 10:20
白杨村的变化
2016年,王建国任白杨村党支部书记。
2018年,白杨村实现脱贫摘帽。
2018年,白杨村农民人均可支配收入达到12000元。
DOC
"$CNKG" build -q -f html -o "$TMP/tl.html" "$TMP/tl" || fail "dated html build failed"
set +e
python3 "$SRC/tests/cli/report_browser.py" --timeline "$TMP/tl.html" 白杨村 "$ART" published,post,exit,figure
trc=$?
set -e
check "[ $trc -eq 0 ]" "the timeline of 白杨村 is wrong (see the FAIL lines above)"
for s in overview select expand filters path timeline; do
  check "[ \"\$(head -c 4 '$ART/$s.png' | od -An -c | tr -d ' ')\" = '211PNG' ]" "no screenshot $s.png"
done

# 200 documents (the examples and the shared corpus, paragraphs shuffled as
# bench/run does; --fast keeps the test quick): at most 5 MB, open in 2 s
srcs=("$EX"/*.txt "$EX"/*.html)
[ -d "${CNKG_SHARED:-/nonexistent}/corpus" ] && srcs+=("$CNKG_SHARED"/corpus/*.txt)
python3 "$SRC/bench/mkcorpus.py" "$TMP/c200" 200 "${srcs[@]}" >/dev/null
"$CNKG" build -q --fast -f html -o "$TMP/r200.html" "$TMP/c200" || fail "200-document report failed"
size=$(stat -c %s "$TMP/r200.html")
check "[ $size -le 5000000 ]" "200-document report is $size bytes (> 5 MB)"
read -r ms _ < <(python3 "$SRC/tests/cli/report_browser.py" --time "$TMP/r200.html" "$ART/r200.png")
check "[ -n '$ms' ] && [ '$ms' -le 2000 ]" "200-document report opens in ${ms:-?} ms (> 2000)"
echo "200-document report: $size bytes, ready in $ms ms"
finish
