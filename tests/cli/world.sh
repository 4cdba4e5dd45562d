#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Places beyond the division list (issue 18 item 3, issue 19's trace target):
# two counties of different provinces, in two documents with nothing else in
# common, are joined by their containment chains through China (every
# province lies within it), and that path comes first; countries and
# rivers are typed as the ontology says. The country table's data pin:
# cnkg-mkworld refuses input whose SHA-256 is not the one CMakeLists.txt
# pins, and says so plainly.
. "$(dirname "$0")/lib.bash"

mkdir -p "$TMP/in"
printf '贵州省遵义市绥阳县发展茶叶产业。\n' >"$TMP/in/a.txt"
printf '云南省楚雄彝族自治州元谋县发展蔬菜产业，产品远销到美国，还沿着长江运往各地。\n' >"$TMP/in/b.txt"
"$CNKG" build -q --output "$TMP/g" "$TMP/in" || fail "build failed"
G="$TMP/g/graph.ttl"

rc=0; "$CNKG" trace "$G" 绥阳县 元谋县 >"$TMP/t.out" 2>"$TMP/t.err" || rc=$?
check "[ $rc = 0 ]" "trace exit $rc: $(cat "$TMP/t.err")"
first=$(awk '/^Path 2 /{exit} {print}' "$TMP/t.out")
steps=$(printf '%s\n' "$first" | grep -E '^ +[0-9]+\. ' | sed 's/^ *[0-9]*\. //')
want='绥阳县 (County) -locatedIn-> 遵义市 (Prefecture)
遵义市 (Prefecture) -locatedIn-> 贵州省 (Province)
贵州省 (Province) -withinDivision-> 中国 (Country)
中国 (Country) <-withinDivision- 云南省 (Province)
云南省 (Province) <-locatedIn- 楚雄彝族自治州 (Prefecture)
楚雄彝族自治州 (Prefecture) <-locatedIn- 元谋县 (County)'
check "[ \"\$steps\" = \"\$want\" ]" "path 1 is not the containment chain through China: $steps"

# the kinds, as the ontology declares them
check "grep -q 'cnkg:Country' '$G' && grep -q 'cnkg:River' '$G'" "no Country or River in the graph"
check "grep -q 'country/US>' '$G' && grep -q 'country/CN>' '$G'" "countries not keyed by ISO 3166-1 code"
if command -v rapper >/dev/null; then
  n=$(triples "$G" turtle)
  check "[ \"\${n:-0}\" -gt 0 ]" "rapper cannot read the graph"
fi

# the data pin
MK="${CNKG_BINARY_DIR:?}/cnkg-mkworld"
JSON=/usr/share/iso-codes/json/iso_3166-1.json
MO=/usr/share/locale/zh_CN/LC_MESSAGES/iso_3166-1.mo
JS=$(pin CNKG_ISO3166_JSON_SHA256); MS=$(pin CNKG_ISO3166_MO_SHA256); V=$(pin CNKG_ISO_CODES_VERSION)
check "[ \${#JS} = 64 ] && [ \${#MS} = 64 ] && [ -n '$V' ]" "pins not found in CMakeLists.txt"
if [ -x "$MK" ] && [ -r "$JSON" ] && [ -r "$MO" ]; then
  rc=0; "$MK" "$JSON" "$JS" "$MO" "$MS" "$V" "$TMP/ok.c" 2>"$TMP/ok.err" || rc=$?
  check "[ $rc = 0 ] && grep -q '\"CN\", \"CHN\"' '$TMP/ok.c'" "pinned inputs refused: $(cat "$TMP/ok.err")"
  bad=0000000000000000000000000000000000000000000000000000000000000000
  rc=0; "$MK" "$JSON" "$bad" "$MO" "$MS" "$V" "$TMP/bad.c" 2>"$TMP/bad.err" || rc=$?
  check "[ $rc = 1 ] && grep -q 'cnkg: error: .*iso_3166-1.json: sha256 $JS, but the build pins $bad' '$TMP/bad.err'" \
    "wrong JSON pin: exit $rc $(cat "$TMP/bad.err")"
  check "[ ! -e '$TMP/bad.c' ]" "wrong pin still wrote a table"
  rc=0; "$MK" "$JSON" "$JS" "$MO" "$bad" "$V" "$TMP/bad.c" 2>"$TMP/bad.err" || rc=$?
  check "[ $rc = 1 ] && grep -q 'iso_3166-1.mo: sha256 .*but the build pins' '$TMP/bad.err'" \
    "wrong .mo pin: exit $rc $(cat "$TMP/bad.err")"
  # a changed file under the right name: the digest catches it
  cp "$MO" "$TMP/x.mo"; printf 'x' >>"$TMP/x.mo"
  rc=0; "$MK" "$JSON" "$JS" "$TMP/x.mo" "$MS" "$V" "$TMP/bad.c" 2>"$TMP/bad.err" || rc=$?
  check "[ $rc = 1 ] && grep -q 'not the pinned iso-codes version' '$TMP/bad.err'" \
    "altered .mo accepted: exit $rc $(cat "$TMP/bad.err")"
  # a missing file: says how to get it
  rc=0; "$MK" "$TMP/none.json" "$JS" "$MO" "$MS" "$V" "$TMP/bad.c" 2>"$TMP/bad.err" || rc=$?
  check "[ $rc = 1 ] && grep -q 'tools/bootstrap' '$TMP/bad.err'" "missing input: exit $rc $(cat "$TMP/bad.err")"
  # not a .mo at all, though its digest is the one given
  js_of_json=$(sha256sum "$JSON" | cut -d' ' -f1)
  rc=0; "$MK" "$JSON" "$JS" "$JSON" "$js_of_json" "$V" "$TMP/bad.c" 2>"$TMP/bad.err" || rc=$?
  check "[ $rc = 1 ] && grep -q 'not a GNU .mo file' '$TMP/bad.err'" "JSON read as .mo: exit $rc $(cat "$TMP/bad.err")"
fi
finish
