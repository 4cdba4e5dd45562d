#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Measures `cnkg query` on a large graph: builds the examples' graph, makes
# COPIES renamed copies of it as one N-Triples file (instance IRIs get a
# /rN suffix, so the copies are disjoint graphs with the same labels), then
# times each named question and reports wall time and peak RSS.
# Usage: bench/query.sh [BUILD_DIR] [TARGET_TRIPLES]  (defaults build,
# 1000000). Depends on the built cnkg, awk and GNU time (/usr/bin/time).
set -eu
src=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$src/build}
target=${2:-1000000}
cnkg=$build/cnkg
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
base=$out/examples.nt
"$cnkg" build --quiet --format ntriples -o "$base" "$src/examples/"
n=$(wc -l <"$base")
copies=$(( (target + n - 1) / n ))
awk -v copies="$copies" '
  { lines[NR] = $0 }
  END {
    for (c = 1; c <= copies; c++)
      for (i = 1; i <= NR; i++) {
        l = lines[i]
        gsub(/<https:\/\/w3id\.org\/cnkg\/id\/[^>]*/, "&/r" c, l)
        print l
      }
  }' "$base" >"$out/big.nt"
triples=$(wc -l <"$out/big.nt")
size=$(wc -c <"$out/big.nt")
printf 'graph             %d triples (%d copies of %d), %.1f MiB N-Triples\n' \
  "$triples" "$copies" "$n" "$(echo "$size" | awk '{print $1/1048576}')"

run() { # label, then cnkg query arguments
  label=$1
  shift
  /usr/bin/time -f '%e %U %M' -o "$out/time" "$cnkg" query "$out/big.nt" "$@" \
    >"$out/result" 2>"$out/err" || { echo "$label: failed:"; cat "$out/err"; return 0; }
  rows=$(($(wc -l <"$out/result") - 2)) # table: header and rule
  case $(head -c 5 "$out/result") in true | false) rows=1 ;; esac
  read -r secs cpu kb <"$out/time"
  printf '%-22s %7.2f s wall %7.2f s CPU  %6.0f MiB peak  %d rows\n' "$label" "$secs" "$cpu" \
    "$(echo "$kb" | awk '{print $1/1024}')" "$rows"
}
run "load only (ASK)" -e 'ASK { ?s ?p ?o }'
run "count Person" -e 'SELECT (COUNT(*) AS ?n) WHERE { ?p a cnkg:Person }'
run secretaries --ask secretaries
run industries-by-county --ask industries-by-county
run policies-by-province --ask policies-by-province
run person --ask person --param name=陈立远
run county-places --ask county-places --param county=屏南县
