#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Short documents (issue 21, item 2): consecutive small inputs go to the
# analyser together, a few batches for hundreds of documents instead of one
# each; the groups follow from the inputs alone, so -j 1 and -j 2 write the
# same bytes and count the same batches; a document that fails (too large)
# fails alone inside its group; standard input and a long document go on
# their own. Documents from bench/shortgen.py (own templates).
. "$(dirname "$0")/lib.bash"
need python3
src=${CNKG_SOURCE_DIR:-$(dirname "$0")/../..}
python3 "$src/bench/shortgen.py" "$TMP/s" 300 > /dev/null
cat "$TMP"/s/s0001*.txt > "$TMP/s/long.txt" # > 4 KiB: alone
docs=$(ls "$TMP/s" | wc -l)

batches() { sed -n 's/^cnkg: info: analyser: \([0-9]*\) sentences in \([0-9]*\) batches$/\1 \2/p' "$TMP/err"; }
run 0 "" build -v -j 1 -f ntriples -o "$TMP/j1.nt" "$TMP/s"
read -r s1 b1 <<<"$(batches)"
check "[ -n '$b1' ] && [ '$b1' -ge 2 ] && [ '$b1' -le 40 ]" \
  "$docs documents in ${b1:-no} analyser batches (want 2 to 40)"
check "[ '${s1:-0}' -gt '$docs' ]" "only ${s1:-no} sentences for $docs documents"
run 0 "" build -v -j 2 -f ntriples -o "$TMP/j2.nt" "$TMP/s"
read -r s2 b2 <<<"$(batches)"
check "cmp -s '$TMP/j1.nt' '$TMP/j2.nt'" "-j 1 and -j 2 differ"
check "[ '$s1 $b1' = '$s2 $b2' ]" "batches depend on -j: $s1 $b1 against $s2 $b2"
n=$(grep -c 'rdf-syntax-ns#type> <https://w3id.org/cnkg/ontology#Document> ' "$TMP/j1.nt" || true)
check "[ '$n' -eq '$docs' ]" "$n of $docs documents in the graph"

# too large for the limit: each fails alone, the rest of its group is read
big=$(find "$TMP/s" -type f -size +150c | wc -l)
run 1 "inputs could not be processed" build -q -j 1 --max-doc-size 150 -f ntriples \
  -o "$TMP/lim.nt" "$TMP/s"
check "grep -q '^cnkg: error: $big of $docs inputs could not be processed' '$TMP/err'" \
  "want $big of $docs failed: $(tail -c 300 "$TMP/err")"
n=$(grep -c 'rdf-syntax-ns#type> <https://w3id.org/cnkg/ontology#Document> ' "$TMP/lim.nt" || true)
check "[ '$n' -eq $((docs - big)) ]" "$n documents written, want $((docs - big))"

# standard input among files
set +e
"$CNKG" build -q -f ntriples -o "$TMP/in.nt" - "$TMP/s/s000002.txt" < "$TMP/s/s000001.txt"
st=$?
set -e
check "[ $st -eq 0 ]" "stdin among files: status $st"
n=$(grep -c 'rdf-syntax-ns#type> <https://w3id.org/cnkg/ontology#Document> ' "$TMP/in.nt" || true)
check "[ '$n' -eq 2 ]" "stdin among files: $n documents"
finish
