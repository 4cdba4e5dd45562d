#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The README's usage examples run as tests: every line starting with "cnkg "
# in its Usage section is run (placeholders article.txt, page.html, graph/,
# examples/ mapped to the bundled examples and a temporary directory) and
# must exit 0 and print or write something.
. "$(dirname "$0")/lib.bash"
# In-process SVG under ASan: full stacks so tests/lsan.supp can name the
# graphviz/pango frames that keep memory (see tools/check).
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}fast_unwind_on_malloc=0"
readme="$SRC/README.md"
[ -f "$readme" ] || skip "no README"
EX="$SRC/examples"
n=0
cd "$TMP"
while IFS= read -r line; do
  [[ "$line" == *"["* ]] && continue           # a synopsis, not an example
  cmd=${line%%#*}                               # drop the comment
  cmd=${cmd//examples\//$EX/}
  cmd=${cmd//article.txt/$EX/village-secretary.txt}
  cmd=${cmd//page.html/$EX/county-report.html}
  cmd=${cmd//--output graph /--output $TMP/graph }
  cmd=${cmd//-o graph.svg/-o $TMP/graph.svg}
  cmd=${cmd/#cnkg /\"\$CNKG\" }
  n=$((n + 1))
  set +e
  if [[ "$cmd" == *" -" || "$cmd" == *" - " ]]; then
    eval "$cmd" <"$EX/village-secretary.txt" >"$TMP/o.$n" 2>"$TMP/e.$n"
  else
    eval "$cmd" >"$TMP/o.$n" 2>"$TMP/e.$n" </dev/null
  fi
  st=$?
  set -e
  check "[ $st -eq 0 ]" "README example '$line' exited $st: $(head -c 300 "$TMP/e.$n")"
  check "[ -s '$TMP/o.$n' ] || [ -n \"\$(ls -A '$TMP/graph' 2>/dev/null)\" ] || [ -s '$TMP/graph.svg' ]" "README example '$line' produced nothing"
done < <(sed -n '/^## Usage/,/^## /p' "$readme" | grep -E '^cnkg ')
check "[ $n -ge 5 ]" "found only $n README examples"
check "[ -s '$TMP/graph/graph.ttl' ] && [ -s '$TMP/graph/graph.dot' ]" "README's directory example wrote no graph"
check "grep -q '<svg' '$TMP/graph.svg'" "README's --focus SVG example wrote no SVG"
finish
