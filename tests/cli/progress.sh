#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# cnkg build -v into a file (not a terminal): progress lines while the
# documents are read (documents, characters/s, ETA), every
# $CNKG_PROGRESS_INTERVAL seconds, then the writing phase says each file it
# writes and what it wrote. Without -v a log file gets no progress at all.
. "$(dirname "$0")/lib.bash"
mkdir -p "$TMP/in"
for i in $(seq 1 15); do
  for f in "$SRC"/examples/*.txt; do cp "$f" "$TMP/in/$i-$(basename "$f")"; done
done
n=$(ls "$TMP/in" | wc -l)
set +e
CNKG_PROGRESS_INTERVAL=0.02 "$CNKG" build -v -j 1 -f turtle,html -o "$TMP/out" "$TMP/in" 2>"$TMP/log"
rc=$?
set -e
check "[ $rc -eq 0 ]" "build -v failed: $(tail -n 3 "$TMP/log")"
re="^cnkg: info: [0-9]+/$n documents, [0-9]+ characters, [0-9]+ characters/s, [0-9]+ s elapsed, ETA ([0-9]+ s|unknown)\$"
lines=$(grep -Ec "$re" "$TMP/log" || true)
check "[ $lines -ge 2 ]" "$lines progress lines in the log (want a line every interval and a last one): $(head -c 400 "$TMP/log")"
check "grep -Eq '^cnkg: info: $n/$n documents, ' '$TMP/log'" "no last progress line with every document"
check "grep -q '^cnkg: info: putting [0-9]* entities and [0-9]* relations in canonical order' '$TMP/log'" "canonical order not announced"
check "grep -q '^cnkg: info: writing $TMP/out/graph.ttl (turtle)\$' '$TMP/log'" "writing graph.ttl not announced"
check "grep -Eq '^cnkg: info: wrote $TMP/out/graph.html \\(html, [0-9.]+ (B|KiB|MiB)\\) in [0-9.]+ s\$' '$TMP/log'" "what was written to graph.html not said"
check "! grep -q \$'\\r' '$TMP/log'" "carriage returns in a log file"
# the 15 copies of each example are one document each in the graph, and
# the summary says so rather than contradicting the progress count
check "grep -Eq '^cnkg: info: graph: $((n / 15)) distinct documents, [0-9]+ entities, [0-9]+ relations\$' '$TMP/log'" \
  "the graph's summary does not count distinct documents: $(grep 'info: graph' "$TMP/log")"
# progress lines come before the writing phase's
first_write=$(grep -n 'info: writing' "$TMP/log" | head -n1 | cut -d: -f1)
last_progress=$(grep -En "$re" "$TMP/log" | tail -n1 | cut -d: -f1)
check "[ -n '$first_write' ] && [ -n '$last_progress' ] && [ $last_progress -lt $first_write ]" "progress after writing began"
# without -v: nothing of that in a file
CNKG_PROGRESS_INTERVAL=0.02 "$CNKG" build -j 1 -f turtle -o "$TMP/q.ttl" "$TMP/in" 2>"$TMP/log2" || true
check "! grep -Eq 'documents, |info: writ' '$TMP/log2'" "progress without -v: $(head -c 200 "$TMP/log2")"
finish
