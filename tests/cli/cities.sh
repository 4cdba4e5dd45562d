#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Cities abroad (issue 18 item 3): a text naming foreign cities gets one
# cnkg:City node each, keyed in ASCII by country and time zone
# (city/us-new-york), within its country (cnkg:withinDivision country/US);
# a country's name, a longer country's name and a village's name are no
# city's. Then the converter, tools/mkcities.c, on small CLDR-shaped files
# written here: which zones it keeps and why, the English names and keys it
# makes, and the data pin (a digest that is not the pinned one is refused,
# a missing file says how to get it).
. "$(dirname "$0")/lib.bash"

printf '他曾在纽约和伦敦工作，后来到东京、墨尔本市和罗马开会。\n罗马尼亚和新加坡的客商来到柏林村。\n' >"$TMP/a.txt"
"$CNKG" build -q --format ntriples --output "$TMP/a.nt" "$TMP/a.txt" || fail "build failed"
ID='<https://w3id.org/cnkg/id/'
TYPE='<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>'
WITHIN='<https://w3id.org/cnkg/ontology#withinDivision>'
CITY='<https://w3id.org/cnkg/ontology#City>'
COUNTRY='<https://w3id.org/cnkg/ontology#Country>'
for pair in us-new-york:US gb-london:GB jp-tokyo:JP au-melbourne:AU it-rome:IT; do
  c=${pair%%:*} n=${pair##*:}
  check "grep -qF '${ID}city/$c> $TYPE $CITY .' '$TMP/a.nt'" "no cnkg:City city/$c"
  check "grep -qF '${ID}city/$c> $WITHIN ${ID}country/$n> .' '$TMP/a.nt'" "city/$c not within country/$n"
  check "grep -qF '${ID}country/$n> $TYPE $COUNTRY .' '$TMP/a.nt'" "country/$n not a cnkg:Country"
done
check "grep -qF '${ID}city/us-new-york> <http://www.w3.org/2000/01/rdf-schema#label> \"纽约\"@zh' '$TMP/a.nt'" \
  "New York not labelled 纽约"
n=$(grep -cF " $TYPE $CITY ." "$TMP/a.nt" || true)
check "[ '$n' = 5 ]" "$n cities, want 5 (罗马尼亚, 新加坡, 柏林村 are none)"
check "grep -qF '${ID}country/RO> $TYPE' '$TMP/a.nt' && grep -qF '${ID}country/SG> $TYPE' '$TMP/a.nt'" \
  "罗马尼亚 or 新加坡 not a country"
# every class the graph uses is the ontology's
check "grep -q '^cnkg:City' '$SRC/ontology/cnkg.ttl'" "cnkg:City not declared"

# ---- the converter, on files written here ----
MK="${CNKG_BINARY_DIR:?}/cnkg-mkcities"
[ -x "$MK" ] || { finish; exit; }
D="$TMP/cldr"
mkdir -p "$D"
zone() { printf '<zone type="%s"><long><standard>x</standard></long><exemplarCity>%s</exemplarCity></zone>\n' "$1" "$2"; }
{
  printf '<ldml><identity><language type="zh"/></identity><dates><timeZoneNames>\n'
  printf '<metazone type="America_Eastern"><long><standard>x</standard></long></metazone>\n'
  zone America/New_York 纽约          # kept; English from the zone id
  zone Europe/London 伦敦             # kept; English from en.xml
  zone Asia/Shanghai 上海             # China's own
  zone Asia/Hong_Kong 香港            # China's own
  zone Pacific/Easter 复活节岛        # an island
  zone Asia/Tokyo 京                  # one character
  zone Australia/Darwin 达尔文        # ambiguous (a person)
  zone America/Port_of_Spain 圣城     # two countries' name: neither
  zone Europe/Saint_City 圣城
  zone Etc/Unknown 未知城市           # no territory
  printf '<zone type="Asia/Seoul"><exemplarCity alt="formal">汉城</exemplarCity></zone>\n'
  for i in $(seq 1 300); do zone "Test/Filler_$i" "填充$i"; done
  printf '</timeZoneNames></dates></ldml>\n'
} >"$D/zh.xml"
{
  printf '<ldml><identity><language type="en"/></identity><dates><timeZoneNames>\n'
  zone Europe/London 'London &amp; Westminster'
  printf '</timeZoneNames></dates></ldml>\n'
} >"$D/en.xml"
{
  printf '<supplementalData><windowsZones><mapTimezones>\n'
  printf '<mapZone other="Eastern" territory="001" type="America/New_York"/>\n'
  printf '<mapZone other="Eastern" territory="US" type="America/New_York America/Detroit"/>\n'
  printf '<mapZone other="GMT" territory="GB" type="Europe/London"/>\n'
  printf '<mapZone other="China" territory="CN" type="Asia/Shanghai Asia/Urumqi"/>\n'
  printf '<mapZone other="China" territory="HK" type="Asia/Hong_Kong"/>\n'
  printf '<mapZone other="Easter" territory="CL" type="Pacific/Easter"/>\n'
  printf '<mapZone other="Tokyo" territory="JP" type="Asia/Tokyo"/>\n'
  printf '<mapZone other="Korea" territory="KR" type="Asia/Seoul"/>\n'
  printf '<mapZone other="AUS" territory="AU" type="Australia/Darwin"/>\n'
  printf '<mapZone other="TT" territory="TT" type="America/Port_of_Spain"/>\n'
  printf '<mapZone other="ES" territory="ES" type="Europe/Saint_City"/>\n'
  printf '<mapZone other="UTC" territory="ZZ" type="Etc/Unknown"/>\n'
  printf '<mapZone other="FR" territory="FR" type="%s"/>\n' "$(seq -f 'Test/Filler_%g' -s ' ' 1 300)"
  printf '</mapTimezones></windowsZones></supplementalData>\n'
} >"$D/wz.xml"
sha() { sha256sum "$1" | cut -d' ' -f1; }
ZS=$(sha "$D/zh.xml") ES=$(sha "$D/en.xml") WS=$(sha "$D/wz.xml")
rc=0; "$MK" "$D/zh.xml" "$ZS" "$D/en.xml" "$ES" "$D/wz.xml" "$WS" test "$TMP/c.c" 2>"$TMP/c.err" || rc=$?
check "[ $rc = 0 ]" "converter failed: $(cat "$TMP/c.err")"
rows=$(grep -c '^    {' "$TMP/c.c" || true)
check "[ '$rows' = 302 ]" "$rows rows, want 302 (New York, London, 300 fillers)"
check "grep -qF '\"New York\", \"America/New_York\", \"US\", \"city/us-new-york\"}' '$TMP/c.c'" \
  "New York row wrong: $(grep New_York "$TMP/c.c")"
check "grep -qF '\"London & Westminster\", \"Europe/London\", \"GB\", \"city/gb-london\"}' '$TMP/c.c'" \
  "London's English name not en.xml's: $(grep London "$TMP/c.c")"
for z in Shanghai Hong_Kong Easter Tokyo Darwin Port_of_Spain Saint_City Unknown Seoul; do
  check "! grep -q '$z' '$TMP/c.c'" "zone $z kept"
done
check "grep -q 'unicode-cldr-core test' '$TMP/c.c'" "source version not recorded"

# the pin
bad=0000000000000000000000000000000000000000000000000000000000000000
rc=0; "$MK" "$D/zh.xml" "$ZS" "$D/en.xml" "$ES" "$D/wz.xml" "$bad" test "$TMP/b.c" 2>"$TMP/b.err" || rc=$?
check "[ $rc = 1 ] && grep -q 'cnkg: error: .*wz.xml: sha256 $WS, but the build pins $bad: not the pinned unicode-cldr-core version' '$TMP/b.err'" \
  "wrong pin: exit $rc $(cat "$TMP/b.err")"
check "[ ! -e '$TMP/b.c' ]" "wrong pin still wrote a table"
rc=0; "$MK" "$D/none.xml" "$ZS" "$D/en.xml" "$ES" "$D/wz.xml" "$WS" test "$TMP/b.c" 2>"$TMP/b.err" || rc=$?
check "[ $rc = 1 ] && grep -q 'install Debian.s unicode-cldr-core: run tools/bootstrap' '$TMP/b.err'" \
  "missing input: exit $rc $(cat "$TMP/b.err")"
# the pinned package files, when installed, against the pins CMakeLists.txt holds
C=/usr/share/unicode/cldr/common
if [ -r "$C/main/zh.xml" ]; then
  rc=0; "$MK" "$C/main/zh.xml" "$(pin CNKG_CLDR_ZH_SHA256)" "$C/main/en.xml" "$(pin CNKG_CLDR_EN_SHA256)" \
    "$C/supplemental/windowsZones.xml" "$(pin CNKG_CLDR_WZ_SHA256)" "$(pin CNKG_CLDR_VERSION)" "$TMP/p.c" \
    2>"$TMP/p.err" || rc=$?
  check "[ $rc = 0 ] && grep -q 'city/us-new-york' '$TMP/p.c'" "pinned CLDR refused: $(cat "$TMP/p.err")"
fi
finish
