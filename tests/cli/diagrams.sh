#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Diagrams: the examples' DOT clusters by county with a legend and renders
# with dot; --format svg renders in-process; --focus/--depth keeps one
# neighbourhood; a large generated corpus gets the sfdp style (no clusters,
# short labels) and renders with sfdp; DOT and SVG are byte-identical across
# repeated runs, thread counts and input order.
. "$(dirname "$0")/lib.bash"
# In-process SVG under ASan: full stacks so tests/lsan.supp can name
# graphviz's, pango's and fontconfig's allocations.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}fast_unwind_on_malloc=0"
need dot
need sfdp

EX="$SRC/examples"
"$CNKG" build -q -f dot -o "$TMP/small.dot" "$EX" || fail "small DOT build failed"
n_county=$(grep -c '^	subgraph "cluster_place/' "$TMP/small.dot" || true)
check "[ '$n_county' -ge 4 ]" "expected a cluster per county (4), got $n_county"
check "grep -q 'subgraph cluster_legend' '$TMP/small.dot'" "small graph has no legend"
check "! grep -q 'layout=sfdp' '$TMP/small.dot'" "small graph in the large style"
check "dot -Tsvg '$TMP/small.dot' -o '$TMP/small-dot.svg' 2>'$TMP/dot.err'" "dot rejects the DOT: $(head -c 300 "$TMP/dot.err")"
for l in 十八洞村 屏南县 龙潭村 陈立远 人物 村级; do
  check "grep -q '>$l<' '$TMP/small-dot.svg'" "dot's SVG lacks the label $l"
done
# in-process SVG (libgvc) holds the same labels
"$CNKG" build -q -f svg -o "$TMP/small.svg" "$EX" || fail "in-process SVG failed"
check "grep -q '<svg' '$TMP/small.svg'" "no SVG from --format svg"
for l in 十八洞村 屏南县 龙潭村 陈立远; do
  check "grep -q '>$l<' '$TMP/small.svg'" "in-process SVG lacks the label $l"
done

# focus: one entity's neighbourhood only
"$CNKG" build -q -f dot --focus 陈立远 --depth 1 -o "$TMP/focus.dot" "$EX" || fail "focus build failed"
check "grep -q '陈立远' '$TMP/focus.dot' && grep -q '龙潭村' '$TMP/focus.dot'" "focus lacks the person or a neighbour"
check "! grep -q '十八洞村' '$TMP/focus.dot'" "focus depth 1 draws far entities"
nf=$(grep -c 'label=<' "$TMP/focus.dot"); na=$(grep -c 'label=<' "$TMP/small.dot")
check "[ '$nf' -lt '$na' ]" "focus did not shrink the drawing ($nf vs $na labels)"
check "dot -Tsvg '$TMP/focus.dot' -o '$TMP/focus.svg'" "dot rejects the focus DOT"

# a large graph: many generated documents with varied names
mkdir -p "$TMP/big"
sur=(王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 高 林 罗)
giv=(建国 海燕 立新 春华 志强 秀英 明辉 红梅 德胜 玉兰 国庆 小龙)
ind=(猕猴桃 茶叶 刺绣 乡村旅游 中药材 食用菌 光伏 蜂蜜)
for i in $(seq 0 119); do
  n="${sur[$((i % 20))]}${giv[$(((i / 20) % 12))]}"
  printf '福建省宁德市屏南县熙岭乡龙潭村党支部书记%s介绍,村里发展%s种植,村民收入明显增加。\n' \
    "$n" "${ind[$((i % 8))]}" >"$TMP/big/doc$(printf %03d "$i").txt"
done
"$CNKG" build -q -f dot -o "$TMP/big.dot" "$TMP/big" || fail "large DOT build failed"
nb=$(grep -c 'label=<' "$TMP/big.dot")
check "[ '$nb' -ge 150 ]" "generated graph not large: $nb labels"
check "grep -q 'layout=sfdp' '$TMP/big.dot'" "large graph lacks sfdp attributes"
check "! grep -q 'subgraph' '$TMP/big.dot'" "large graph still has clusters"
long=$(grep -o 'label=<[^<>]*>' "$TMP/big.dot" | python3 -c 'import sys; print(sum(len(l.strip()[7:-1]) > 7 for l in sys.stdin))')
check "[ '$long' = 0 ]" "large graph has $long labels longer than 6 characters + ellipsis"
check "sfdp -Tsvg '$TMP/big.dot' -o '$TMP/big-sfdp.svg' 2>'$TMP/sfdp.err'" "sfdp rejects the DOT: $(head -c 300 "$TMP/sfdp.err")"
for l in 王建国 李建国 屏南县 猕猴桃; do
  check "grep -q '>$l' '$TMP/big-sfdp.svg'" "sfdp's SVG lacks $l"
done
"$CNKG" build -q -f svg -o "$TMP/big.svg" "$TMP/big" || fail "large in-process SVG failed"
check "grep -q '>王建国' '$TMP/big.svg'" "in-process large SVG lacks a label"

# determinism: repeated runs, thread counts, reversed input order
for i in 1 2 3; do
  "$CNKG" build -q -f dot -o "$TMP/r$i.dot" "$EX"
  check "cmp -s '$TMP/small.dot' '$TMP/r$i.dot'" "DOT differs between identical runs (run $i)"
done
for j in 1 2 3 8; do
  "$CNKG" build -q -j "$j" -f dot -o "$TMP/j$j.dot" "$EX"
  check "cmp -s '$TMP/small.dot' '$TMP/j$j.dot'" "DOT differs with -j $j"
  "$CNKG" build -q -j "$j" -f svg -o "$TMP/j$j.svg" "$EX"
  check "cmp -s '$TMP/small.svg' '$TMP/j$j.svg'" "SVG differs with -j $j"
  "$CNKG" build -q -j "$j" -f dot -o "$TMP/bj$j.dot" "$TMP/big"
  check "cmp -s '$TMP/big.dot' '$TMP/bj$j.dot'" "large DOT differs with -j $j"
done
mapfile -t files < <(ls -r "$EX"/*.txt "$EX"/*.html)
"$CNKG" build -q -f dot -o "$TMP/rev.dot" "${files[@]}"
mapfile -t files < <(ls "$EX"/*.txt "$EX"/*.html)
"$CNKG" build -q -f dot -o "$TMP/fwd.dot" "${files[@]}"
check "cmp -s '$TMP/fwd.dot' '$TMP/rev.dot'" "DOT depends on input order"
finish
