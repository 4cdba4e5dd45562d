#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# SIGTERM, SIGINT and SIGHUP while the writers run (issue 15, item 4): cnkg
# removes every temporary file it made, dies by that same signal (the
# status says "killed by signal"), and the previous outputs are untouched.
# The signal is sent the moment a temporary .graph.* file shows up, so it
# always lands during writing.
. "$(dirname "$0")/lib.bash"
need python3
good="$SRC/examples/village-secretary.txt"

# A graph big enough that writing takes a while: 400 documents, each with
# its own people (tens of MB of N-Triples).
mkdir "$TMP/big"
for i in $(seq 1 400); do
  sed "s/陈立远/陈立$i/g; s/张/张$i/g; s/李/李$i/g; s/王/王$i/g" "$good" > "$TMP/big/d$i.txt"
done
"$CNKG" build -q --fast -j 2 -o "$TMP/out" "$TMP/big"
for f in graph.ttl graph.nt graph.dot; do cp "$TMP/out/$f" "$TMP/$f.orig"; done

# kill_during_writing SIGNAL: runs the same build again, sends SIGNAL once a
# temporary appears in the output directory; prints the exit status as
# Python reports it (-N: killed by signal N) and whether a temporary was
# seen before the signal.
kill_during_writing() {
  python3 - "$1" "$CNKG" "$TMP/out" "$TMP/big" <<'EOF'
import os, signal, subprocess, sys, time
sig = getattr(signal, "SIG" + sys.argv[1])
cnkg, out, big = sys.argv[2:5]
def child():
    for s in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(s, signal.SIG_DFL)  # as from a terminal
p = subprocess.Popen([cnkg, "build", "-q", "--fast", "-j", "2", "-o", out, big],
                     preexec_fn=child, stderr=subprocess.DEVNULL)
seen = False
deadline = time.time() + 300
while p.poll() is None and time.time() < deadline:
    if any(n.startswith(".graph.") for n in os.listdir(out)):
        seen = True
        p.send_signal(sig)
        break
p.wait()
print(p.returncode, "seen" if seen else "missed")
EOF
}

for sig in TERM INT HUP; do
  caught=0
  # A run that finishes before a temporary is spotted proves nothing: try
  # again (the output is the same, so the old files still match).
  for attempt in 1 2 3 4 5; do
    read -r st seen < <(kill_during_writing "$sig")
    [ "$seen" = seen ] && { caught=1; break; }
  done
  if [ "$caught" -eq 0 ]; then
    fail "SIG$sig: no temporary ever seen during writing (machine too fast?)"
    continue
  fi
  num=$(kill -l "$sig")
  check "[ '$st' = '-$num' ]" "SIG$sig: exit status $st, want killed by signal $num"
  left=$(ls -A "$TMP/out" | grep -v '^graph\.\(ttl\|nt\|dot\)$' || true)
  check "[ -z '$left' ]" "SIG$sig: temporaries left behind: $left"
  for f in graph.ttl graph.nt graph.dot; do
    check "cmp -s '$TMP/out/$f' '$TMP/$f.orig'" "SIG$sig: $f changed"
  done
done

# A single-file output killed while written: the temporary beside it goes.
"$CNKG" build -q --fast -f nt -o "$TMP/one.nt" "$good"
cp "$TMP/one.nt" "$TMP/one.orig"
python3 - "$CNKG" "$TMP" "$TMP/big" <<'EOF' > "$TMP/res"
import os, signal, subprocess, sys, time
cnkg, tmp, big = sys.argv[1:4]
def child():
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
seen = False
for attempt in range(5):
    p = subprocess.Popen([cnkg, "build", "-q", "--fast", "-j", "1", "-f", "nt", "-o",
                          os.path.join(tmp, "one.nt"), big],
                         preexec_fn=child, stderr=subprocess.DEVNULL)
    while p.poll() is None:
        if any(n.startswith(".one.nt.") for n in os.listdir(tmp)):
            seen = True
            p.send_signal(signal.SIGTERM)
            break
    p.wait()
    if seen:
        break
print(p.returncode, "seen" if seen else "missed")
EOF
read -r st seen < "$TMP/res"
check "[ '$seen' = seen ] && [ '$st' = -15 ]" "single file, SIGTERM: status $st ($seen)"
check "[ -z \"\$(ls -A '$TMP' | grep '^\.one\.nt\.')\" ]" "single file: temporary left behind"
# Killed while the new (bigger) graph was written: the old file stays.
check "cmp -s '$TMP/one.nt' '$TMP/one.orig'" "single file: one.nt changed"
finish
