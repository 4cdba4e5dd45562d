#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Atomic outputs (issue 9): each output goes to a temporary file in the
# same directory and is renamed into place, so killing cnkg mid-run never
# leaves a truncated graph over a good one; a full disk, a read-only
# directory or a failing write is reported with status 1.
. "$(dirname "$0")/lib.bash"
# In-process SVG under ASan: full stacks so tests/lsan.supp can name the
# graphviz/pango frames that keep memory (see tools/check).
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}fast_unwind_on_malloc=0"
good="$SRC/examples/village-secretary.txt"

# Previous good graphs, to be kept by every failing or killed run below.
"$CNKG" build -q --fast -o "$TMP/out" "$good"
for f in graph.ttl graph.nt graph.dot; do cp "$TMP/out/$f" "$TMP/$f.orig"; done
intact() {
  for f in graph.ttl graph.nt graph.dot; do
    check "cmp -s '$TMP/out/$f' '$TMP/$f.orig'" "$1: $f changed"
  done
  check "[ -z \"\$(ls -A '$TMP/out' | grep -v '^graph\.\(ttl\|nt\|dot\)$')\" ]" \
    "$1: temporaries left: $(ls -A "$TMP/out" | tr '\n' ' ')"
}

# 1. Killed mid-run (SIGKILL and SIGTERM at several moments), over and over.
big="$TMP/big"; mkdir "$big"
for i in $(seq 1 200); do sed "s/张/张$i/" "$good" > "$big/d$i.txt"; done
for sig in KILL TERM INT; do
  for delay in 0.05 0.3 1 2; do
    "$CNKG" build -q --fast -j 2 -o "$TMP/out" "$big" 2>/dev/null &
    pid=$!
    sleep "$delay"
    kill -s "$sig" "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    # Each file is either the old graph or a complete new one.
    for f in graph.ttl graph.nt graph.dot; do
      if ! cmp -s "$TMP/out/$f" "$TMP/$f.orig"; then
        case $f in
          *.ttl) check "rapper -q -i turtle -c '$TMP/out/$f' >/dev/null 2>&1" "SIG$sig after ${delay}s: truncated $f" ;;
          *.nt) check "rapper -q -i ntriples -c '$TMP/out/$f' >/dev/null 2>&1" "SIG$sig after ${delay}s: truncated $f" ;;
          *.dot) check "dot -Tcanon '$TMP/out/$f' >/dev/null 2>&1" "SIG$sig after ${delay}s: truncated $f" ;;
        esac
        cp "$TMP/out/$f" "$TMP/$f.orig"
      else
        ok
      fi
    done
    # A killed run may leave its hidden temporary (SIGKILL cannot clean up),
    # but never under the final name.
    rm -f "$TMP"/out/.graph.*
  done
done
intact "after kills"

# 2. /dev/full: status 1, named.
if [ -w /dev/full ]; then
  for fmt in turtle ntriples dot svg; do
    set +e; "$CNKG" build -q --fast -f $fmt -o /dev/full "$good" 2>"$TMP/err"; st=$?; set -e
    check "[ $st -eq 1 ] && grep -q '^cnkg: error: /dev/full: cannot write $fmt' '$TMP/err'" \
      "/dev/full ($fmt): status $st: $(cat "$TMP/err")"
  done
  # stdout on a full disk too.
  set +e; "$CNKG" build -q --fast -f nt -o - "$good" >/dev/full 2>"$TMP/err"; st=$?; set -e
  check "[ $st -eq 1 ] && grep -q 'cannot write' '$TMP/err'" "stdout on /dev/full: status $st: $(cat "$TMP/err")"
fi

# 3. Read-only output directory (root ignores permissions: use a read-only
# bind or skip; a path under a regular file fails for everyone).
mkdir "$TMP/ro"
chmod 555 "$TMP/ro"
if [ "$(id -u)" -ne 0 ]; then
  set +e; "$CNKG" build -q --fast -f nt -o "$TMP/ro/g.nt" "$good" 2>"$TMP/err"; st=$?; set -e
  check "[ $st -eq 1 ] && grep -q 'Permission denied' '$TMP/err'" "read-only dir: status $st: $(cat "$TMP/err")"
else
  echo "read-only directory: running as root, checking a path under a file instead"
fi
: > "$TMP/afile"
set +e; "$CNKG" build -q --fast -f nt -o "$TMP/afile/g.nt" "$good" 2>"$TMP/err"; st=$?; set -e
check "[ $st -eq 1 ] && grep -q '^cnkg: error: .*afile/g.nt.*Not a directory' '$TMP/err'" \
  "output under a file: status $st: $(cat "$TMP/err")"
set +e; "$CNKG" build -q --fast -o "$TMP/afile" "$good" 2>"$TMP/err"; st=$?; set -e
check "[ $st -eq 1 ] && grep -q '^cnkg: error: ' '$TMP/err'" "output dir is a file: status $st: $(cat "$TMP/err")"
set +e; "$CNKG" build -q --fast -o "$TMP/no/such/dir" "$good" 2>"$TMP/err"; st=$?; set -e
check "[ $st -eq 1 ] && grep -q 'cannot create output directory' '$TMP/err'" "missing parent: status $st: $(cat "$TMP/err")"

# 4. A failing write in the middle (file size limit): old graph kept.
set +e
( trap "" XFSZ; ulimit -f 1; exec "$CNKG" build -q --fast -f nt -o "$TMP/out/graph.nt" "$good" ) 2>"$TMP/err"
st=$?
set -e
check "[ $st -eq 1 ] && grep -q 'cannot write' '$TMP/err'" "write past the file size limit: status $st: $(cat "$TMP/err")"
intact "after failed writes"
finish
