#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# cnkg build --format html: one self-contained page (inline SVG, JSON data,
# script; no external resources), byte-identical across runs; in headless
# Chromium the script runs, the DOM holds the node labels, the search box
# finds entities and the panel shows a node's facts and sentences. The
# browser part is skipped (77) when chromium is absent.
. "$(dirname "$0")/lib.bash"
# Under ASan: graphviz, pango and fontconfig keep allocations they never
# free (as in tests/unit/test_dot.c); in-process SVG would fail on them.
printf 'leak:%s\n' libfontconfig libpango libglib libgobject libgvplugin_dot_layout \
  libgvplugin_neato_layout textspan_size htmlparse >"$TMP/lsan.supp"
export LSAN_OPTIONS="suppressions=$TMP/lsan.supp:print_suppressions=0"
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}fast_unwind_on_malloc=0"

EX="$SRC/examples"
"$CNKG" build -q -f html -o "$TMP/r.html" "$EX" || fail "html build failed"
"$CNKG" build -q -j 1 -f html -o "$TMP/r2.html" "$EX" || fail "second html build failed"
check "cmp -s '$TMP/r.html' '$TMP/r2.html'" "HTML differs between runs"
check "grep -q '^<!DOCTYPE html>' '$TMP/r.html'" "not an HTML page"
check "grep -q '<svg' '$TMP/r.html' && ! grep -q '<?xml' '$TMP/r.html'" "SVG not inline"
check "grep -q 'id=\"cnkg-data\"' '$TMP/r.html' && grep -q 'id=\"cnkg-search\"' '$TMP/r.html'" "data or search box missing"
check "! grep -Eq '<(link|img|iframe)|<script src|src=\"http|href=\"http' '$TMP/r.html'" "page references external resources"
for l in 陈立远 十八洞村 屏南县; do
  check "grep -q '>$l<' '$TMP/r.html'" "SVG lacks $l"
done
check "grep -q '驻村第一书记陈立远' '$TMP/r.html'" "evidence sentences not embedded"
# data cannot close its script element
check "[ \$(sed -n '/id=\"cnkg-data\"/,/<\\/script>/p' '$TMP/r.html' | grep -o '</script' | wc -l) = 1 ]" "data contains </script"
"$CNKG" build -q -f html --focus 陈立远 --depth 1 -o "$TMP/f.html" "$EX" || fail "focused html build failed"
check "grep -q '>陈立远<' '$TMP/f.html' && ! grep -q '>十八洞村<' '$TMP/f.html'" "focused report draws far entities"

command -v chromium >/dev/null 2>&1 || { finish >/dev/null || exit 1; skip "chromium not installed (static checks passed)"; }
browse() { # OUT HASH [extra flags]: dump the DOM after the script ran
  local out=$1 hash=$2; shift 2
  local prof; prof=$(mktemp -d "$TMP/chromium.XXXXXX")
  timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --user-data-dir="$prof" \
    --virtual-time-budget=5000 "$@" "file://$TMP/r.html$hash" >"$out" 2>"$TMP/chromium.err"
}
browse "$TMP/dom.html" "" --dump-dom || skip "chromium does not run headless: $(grep -v dbus "$TMP/chromium.err" | tail -n 2 | tr '\n' ' ')"
check "grep -q 'data-ready=\"1\"' '$TMP/dom.html'" "the page's script did not run"
for l in 陈立远 十八洞村 屏南县 龙潭村; do
  check "grep -q '>$l<' '$TMP/dom.html'" "DOM lacks the node label $l"
done
# search: many hits for 村, none for nonsense, and one person shown by name
browse "$TMP/q1.html" "#q=%E6%9D%91" --dump-dom
n=$(grep -o '<div id="cnkg-count">[0-9]*' "$TMP/q1.html" | grep -o '[0-9]*$' || true)
check "[ -n '$n' ] && [ '$n' -ge 5 ]" "search for 村 found ${n:-nothing}"
check "grep -q '<li data-key=\"[^\"]*\">十八洞村 (Village)' '$TMP/q1.html'" "search results lack 十八洞村"
check "grep -q 'cnkg-dim' '$TMP/q1.html'" "search did not dim the other nodes"
browse "$TMP/q0.html" "#q=zzzz" --dump-dom
check "grep -q '<div id=\"cnkg-count\">0 ' '$TMP/q0.html'" "nonsense search did not report 0 matches"
browse "$TMP/q2.html" "#q=%E9%99%88%E7%AB%8B%E8%BF%9C" --dump-dom
check "grep -q 'data-shown=\"person/' '$TMP/q2.html'" "panel did not show 陈立远"
check "grep -q '<h2>陈立远</h2>' '$TMP/q2.html'" "panel heading"
check "grep -q '“驻村第一书记”' '$TMP/q2.html'" "panel lacks the title fact"
check "grep -q '2019年春天,县直机关干部陈立远被选派到龙潭村担任驻村第一书记。' '$TMP/q2.html'" "panel lacks an evidence sentence"
check "grep -q 'village-secretary.txt · 27–30' '$TMP/q2.html'" "panel lacks a mention with its document"
browse /dev/null "#q=%E9%99%88%E7%AB%8B%E8%BF%9C" --screenshot="$TMP/shot.png" --window-size=1200,900 || true
check "[ -s '$TMP/shot.png' ] && [ \"\$(head -c 4 '$TMP/shot.png' | od -An -c | tr -d ' ')\" = '211PNG' ]" "no screenshot"
finish
