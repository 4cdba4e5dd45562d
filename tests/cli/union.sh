#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Shards whose union is the graph (issue 20): the documents built as 1, 2, 4
# and 7 shards (round-robin, in both orders) give N-Triples whose `sort -u`
# is, byte for byte, `sort` of one run's. The documents (the examples and
# tests/cluster/data) name one industry and one policy in different words,
# a province one of them reaches only through the division list and others
# name, and a village by its text form and under its official name.
# shellcheck source=../cluster/lib.bash
. "$(dirname "$0")/../cluster/lib.bash"
UNION_SAFE=1

mapfile -t docs < <(cluster_inputs)
[ "${#docs[@]}" -ge 7 ] || fail "union.sh needs 7 documents, found ${#docs[@]}"

"$CNKG" build -j 2 -f nt -o "$TMP/one.nt" "${docs[@]}" 2>"$TMP/one.err" ||
  fail "one run failed: $(head -c 300 "$TMP/one.err")"
# the statements that differed before the change are there to be compared
check "grep -q 'fromDivisionList' '$TMP/one.nt'" "one run: a place from the division list"
check "grep -q 'altLabel' '$TMP/one.nt'" "one run: an entity with two names"

shard_run() { # N ORDER(fwd|rev)
  local n=$1 order=$2 dir="$TMP/shards-$1-$2" i k
  mkdir -p "$dir"
  local list=("${docs[@]}")
  if [ "$order" = rev ]; then
    list=()
    for ((i = ${#docs[@]} - 1; i >= 0; i--)); do list+=("${docs[$i]}"); done
  fi
  for ((k = 0; k < n; k++)); do
    local part=()
    for ((i = k; i < ${#list[@]}; i += n)); do part+=("${list[$i]}"); done
    "$CNKG" build -f nt -o "$dir/shard-$k.nt" "${part[@]}" 2>"$dir/err" ||
      fail "shard $k of $n ($order) failed: $(head -c 300 "$dir/err")"
  done
  union_check "$TMP/one.nt" "$dir"/shard-*.nt
}

for n in 1 2 4 7; do shard_run "$n" fwd; done
for n in 2 4; do shard_run "$n" rev; done

# A shard's labels are the whole run's: every entity has one rdfs:label.
check "[ \"\$(grep -c 'rdf-schema#label>' '$TMP/union.sorted')\" = \"\$(grep -c 'rdf-schema#label>' '$TMP/one.sorted')\" ]" \
  "as many labels in the union as in one run"
finish
