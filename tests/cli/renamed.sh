#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Renamed and merged townships (issue 18 item 2), on sentences of our own.
# The 2023 list has 屏南县双溪镇 (350923101) with 峭顶村 (350923101203) and
# no 双溪乡 in 屏南县. A text that says 双溪乡 (the township's former
# suffix), with or without its county, or names a township the county no
# longer has (东峰乡, merged into a neighbour), and then 峭顶村: the village
# is linked by its code, the township the text names is that code's
# township, with the text's form as skos:altLabel and cnkg:formerName, and
# there is no unlinked township or second 峭顶村 (nor 代溪镇, one character
# away from 双溪). A township the list knows as written gets no formerName.
. "$(dirname "$0")/lib.bash"
ID='<https://w3id.org/cnkg/id/'
O='<https://w3id.org/cnkg/ontology#'
LABEL='<http://www.w3.org/2000/01/rdf-schema#label>'
ALT='<http://www.w3.org/2004/02/skos/core#altLabel>'
build() { # NAME TEXT: $TMP/NAME.nt
  printf '%s\n' "$2" >"$TMP/$1.txt"
  "$CNKG" build -q --fast -f ntriples -o "$TMP/$1.nt" "$TMP/$1.txt" || fail "$1: build failed"
}
village_ok() { # NAME TOWNSHIP-FORM
  local nt="$TMP/$1.nt"
  check "grep -qF '${ID}place/350923101203> ${O}locatedIn> ${ID}place/350923101> .' '$nt'" \
    "$1: 峭顶村 not linked by its code under 双溪镇: $(grep -F '峭顶' "$nt" | head -n 3 | cut -c1-200)"
  check "[ \"\$(grep -cF '$LABEL \"峭顶村\"@zh' '$nt')\" -eq 1 ]" "$1: more than one 峭顶村"
  check "grep -qF '${ID}place/350923101> $ALT \"$2\"@zh .' '$nt'" "$1: $2 is not an altLabel of 双溪镇"
  check "grep -qF '${ID}place/350923101> ${O}formerName> \"$2\"@zh .' '$nt'" "$1: $2 is not marked a former name"
  check "! grep -q '${ID}township/' '$nt'" "$1: an unlinked township: $(grep -F "${ID}township/" "$nt" | head -n 2 | cut -c1-200)"
  check "! grep -qF '代溪镇' '$nt'" "$1: 代溪镇 (one character from 双溪) was linked"
  check "[ \"\$(grep -c '^[^ ]* ${O}formerName> ' '$nt')\" -eq 1 ]" "$1: formerName not once"
}
build chain '屏南县双溪乡峭顶村发展高山茶种植，村民收入逐年增加。'
village_ok chain 双溪乡
build bare '双溪乡峭顶村的村民合作社今年扩大了高山茶种植面积。'
village_ok bare 双溪乡
build merged '屏南县东峰乡峭顶村发展高山茶种植，村民收入逐年增加。'
village_ok merged 东峰乡
# a township the list has as written: linked, and no former name
build known '屏南县熙岭乡龙潭村发展茶叶种植。'
check "grep -qF '${ID}place/350923203215> ${O}locatedIn> ${ID}place/350923203> .' '$TMP/known.nt'" "known: 龙潭村 not under 熙岭乡"
check "! grep -qF '${O}formerName>' '$TMP/known.nt'" "known: a formerName where the list has the name"
# the property is declared, under skos:altLabel
check "grep -A3 '^cnkg:formerName' '$SRC/ontology/cnkg.ttl' | grep -q 'rdfs:subPropertyOf skos:altLabel'" \
  "cnkg:formerName is not declared under skos:altLabel"
finish
