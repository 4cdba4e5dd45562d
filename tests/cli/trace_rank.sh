#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# cnkg trace ranks paths: between two counties of different provinces that
# share a policy (a hub four counties implement), the containment and post
# chain through the provinces comes first and the shared policy last;
# --via keeps only the named relations, --avoid keeps a path off entities,
# an unknown relation is a usage error, and the ranking is the same for
# graphs built with -j1 and -j2.
. "$(dirname "$0")/lib.bash"

mkdir -p "$TMP/in"
cat >"$TMP/in/a.txt" <<'TXT'
贵州省遵义市绥阳县大力实施精准扶贫，发展茶叶产业。
云南省楚雄彝族自治州元谋县深入推进精准扶贫，发展蔬菜产业。
四川省凉山彝族自治州昭觉县实施精准扶贫。
甘肃省定西市岷县实施精准扶贫。
贵州省副省长张明远到绥阳县调研。
云南省副省长张明远此前在贵州省工作。
TXT
"$CNKG" build -q -j1 --output "$TMP/g" "$TMP/in" || fail "build failed"
"$CNKG" build -q -j2 --output "$TMP/g2" "$TMP/in" || fail "build -j2 failed"
G="$TMP/g/graph.ttl"

rc=0; "$CNKG" trace "$G" 绥阳县 元谋县 >"$TMP/t.out" 2>"$TMP/t.err" || rc=$?
check "[ $rc = 0 ]" "trace exit $rc: $(cat "$TMP/t.err")"
first=$(awk '/^Path 2 /{exit} {print}' "$TMP/t.out")
check "printf '%s' \"\$first\" | grep -q '绥阳县 (County) -locatedIn-> 遵义市 (Prefecture)'" \
  "path 1 does not start with the containment chain: $(grep -v '^  *[\"-]' "$TMP/t.out" | head -8)"
check "printf '%s' \"\$first\" | grep -q '楚雄彝族自治州 (Prefecture) <-locatedIn- 元谋县 (County)'" \
  "path 1 does not end with the containment chain"
check "! printf '%s' \"\$first\" | grep -q 'implementsPolicy'" "path 1 goes through the policy hub"
# the provinces meet in China: path 1 is the two containment chains alone
check "printf '%s' \"\$first\" | grep -q '贵州省 (Province) -withinDivision-> 中国 (Country)' &&
  printf '%s' \"\$first\" | grep -q '中国 (Country) <-withinDivision- 云南省 (Province)' &&
  ! printf '%s' \"\$first\" | grep -q '(Person)'" "path 1 is not the containment chain through China"
# the 2-step path through the hub is still offered, but after the chain
check "grep -q '绥阳县 (County) -implementsPolicy-> 精准扶贫 (Policy)' '$TMP/t.out'" \
  "the policy path is missing altogether"
check "! grep -q '^Path 1 of [0-9]* (2 steps)' '$TMP/t.out'" "the 2-step policy path ranks first"

# same ranking on the -j2 graph
"$CNKG" trace "$TMP/g2/graph.ttl" 绥阳县 元谋县 >"$TMP/t2.out" 2>&1
check "cmp -s '$TMP/t.out' '$TMP/t2.out'" "trace differs between -j1 and -j2 graphs"

# --via: only the policy relation leaves only the hub path
"$CNKG" trace --via implementsPolicy "$G" 绥阳县 元谋县 >"$TMP/v.out" 2>&1
check "grep -q '^Path 1 of 1 (2 steps)' '$TMP/v.out'" "--via implementsPolicy: $(head -3 "$TMP/v.out")"
# --via with containment only: the provinces meet in China (every province
# lies within it), so the chain goes county-prefecture-province-China-...
rc=0; "$CNKG" trace --via locatedIn,withinDivision "$G" 绥阳县 元谋县 >"$TMP/v.out" 2>"$TMP/v.err" || rc=$?
check "[ $rc = 0 ] && grep -q '贵州省 (Province) -withinDivision-> 中国 (Country)' '$TMP/v.out' &&
  grep -q '中国 (Country) <-withinDivision- 云南省 (Province)' '$TMP/v.out'" \
  "--via locatedIn,withinDivision: exit $rc $(head -8 "$TMP/v.out")"
# --avoid: without the official and China the chain is broken; only the
# policy remains
"$CNKG" trace --avoid 张明远,中国 "$G" 绥阳县 元谋县 >"$TMP/a.out" 2>&1
check "grep -q '^Path 1 of 1 (2 steps)' '$TMP/a.out' && ! grep -q 张明远 '$TMP/a.out'" \
  "--avoid 张明远,中国: $(head -3 "$TMP/a.out")"
rc=0; "$CNKG" trace --avoid 张明远,精准扶贫,中国 "$G" 绥阳县 元谋县 >/dev/null 2>&1 || rc=$?
check "[ $rc = 1 ]" "--avoid of all links still finds a path (exit $rc)"
# usage errors: unknown relation (exit 2, names it), unknown entity to avoid
rc=0; "$CNKG" trace --via locatedIn,bogusRel "$G" 绥阳县 元谋县 >/dev/null 2>"$TMP/u.err" || rc=$?
check "[ $rc = 2 ] && grep -q \"unknown relation 'bogusRel'\" '$TMP/u.err'" "--via bogusRel: exit $rc $(cat "$TMP/u.err")"
rc=0; "$CNKG" trace --avoid 无此地 "$G" 绥阳县 元谋县 >/dev/null 2>"$TMP/u2.err" || rc=$?
check "[ $rc = 1 ] && grep -q '无此地' '$TMP/u2.err'" "--avoid unknown name: exit $rc"

# --json: trace and show write one valid JSON object, ranked the same
if command -v python3 >/dev/null; then
  "$CNKG" trace --json "$G" 绥阳县 元谋县 >"$TMP/t.json" || fail "trace --json failed"
  check "python3 -m json.tool '$TMP/t.json' >/dev/null" "trace --json is not valid JSON"
  check "python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); p=d[\"paths\"]; s=p[0][\"steps\"]
assert s[0][\"relation\"]==\"locatedIn\" and s[0][\"from\"][\"label\"]==\"绥阳县\"
assert p[0][\"cost\"]<=p[-1][\"cost\"] and s[0][\"evidence\"][0][\"document\"]==\"a.txt\"' '$TMP/t.json'" \
    "trace --json: wrong content $(head -c 300 "$TMP/t.json")"
  "$CNKG" show --json "$G" 张明远 >"$TMP/s.json" || fail "show --json failed"
  check "python3 -c 'import json,sys; d=json.load(open(sys.argv[1]))
assert d[\"entity\"][\"label\"]==\"张明远\" and d[\"entity\"][\"class\"]==\"Person\"
assert any(f[\"relation\"]==\"holdsPost\" for f in d[\"facts\"]) and d[\"mentions\"]' '$TMP/s.json'" \
    "show --json: $(head -c 300 "$TMP/s.json")"
fi
rc=0; "$CNKG" trace --json -f dot "$G" 绥阳县 元谋县 >/dev/null 2>&1 || rc=$?
check "[ $rc = 2 ]" "trace --json -f dot: exit $rc"
finish
