# SPDX-License-Identifier: Apache-2.0
# Shared by the tests in tests/cluster/ (sourced, not run): the helpers of
# tests/cli/lib.bash, the test documents, and the switch for union-safe
# shards.
. "$(dirname "${BASH_SOURCE[0]}")/../cli/lib.bash"

# Every statement depends only on its entity and its document (labels from
# the entity's identity, list provenance per document), so `sort -u` of the
# shards' N-Triples is one run's graph and shards load into a store without
# `cnkg merge`: the union is a hard check. CNKG_UNION_SAFE=0 turns it into a
# report ("union check: pending model change") and merges first, as the
# tests did before the model changed.
UNION_SAFE=${CNKG_UNION_SAFE:-1}

# The documents the cluster tests shard: the bundled examples and two short
# articles of our own (tests/cluster/data) in which one document names a
# province and a policy that the other reaches only through the division
# list or under another name, so that today's shards differ from one run.
cluster_inputs() {
  printf '%s\n' "$SRC"/examples/*.txt "$SRC"/examples/*.html "$SRC"/tests/cluster/data/*.txt
}

# union_check ONE SHARD...: compares `sort -u` of the shards with `sort` of
# one run, byte for byte; prints the verdict, and fails only when
# UNION_SAFE=1.
union_check() {
  local one=$1; shift
  LC_ALL=C sort -u "$@" >"$TMP/union.sorted"
  LC_ALL=C sort "$one" >"$TMP/one.sorted"
  if cmp -s "$TMP/union.sorted" "$TMP/one.sorted"; then
    echo "union check: sort -u of $# shards equals one run"
    ok
    return
  fi
  local only_union only_one twice
  only_union=$(LC_ALL=C comm -23 "$TMP/union.sorted" "$TMP/one.sorted" | wc -l)
  only_one=$(LC_ALL=C comm -13 "$TMP/union.sorted" "$TMP/one.sorted" | wc -l)
  # a statement one run writes twice can never match a sort -u
  twice=$(uniq -d "$TMP/one.sorted" | wc -l)
  local what="$only_union lines only in the union of $# shards, $only_one only in one run ($twice of them lines one run writes twice)"
  if [ "$UNION_SAFE" = 1 ]; then
    fail "union check: sort -u of $# shards differs from one run: $what: $(LC_ALL=C comm -3 "$TMP/union.sorted" "$TMP/one.sorted" | head -n 4 | cut -c1-160 | tr '\n' ' ')"
  else
    echo "union check: pending model change (issue 20 item 1): $what"
  fi
}
