#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# examples/slurm on a real Slurm: a one-node cluster of this machine (munged
# with its own key and socket, slurmctld and slurmd from Debian's slurm-wlm,
# with their own configuration, ports and state under a temporary
# directory, so a system Slurm or munge is left alone) runs
# examples/slurm/submit --wait: an array job of shard tasks over a file list
# and the load step after it (--dependency=afterok). The shards merged equal
# one run byte for byte; the plain union of the shards is compared too
# (lib.bash: a hard check once shards are union-safe). A list naming a
# missing document fails its task with a clear message, writes no shard and
# cancels the load step. Every daemon started here is stopped by its PID on
# every exit path. Skipped (77) only when Slurm or munge is not installed.
. "$(dirname "$0")/lib.bash"
for t in munged mungekey slurmctld slurmd sbatch scontrol sinfo squeue scancel; do need "$t"; done
need rapper

SLURM_EX="$SRC/examples/slurm"
BASE_IRI=https://example.org/cnkg-cluster-test/
# Under ASan (the jobs' cnkg inherits this environment): raptor 2.0.15's
# N-Triples parser keeps one reference to a datatype IRI per parse (see
# tests/cli/merge.sh), and when a later file of one merge has an
# xsd:boolean literal, one to the world's own xsd:boolean concept, made in
# raptor_concepts_init; nothing of cnkg's leaks (tests/lsan.supp names both;
# tests/cli/lib.bash points LeakSanitizer to it).
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}fast_unwind_on_malloc=0"

# munged wants its socket's directory reachable by everyone, the key private.
chmod 711 "$TMP"
C="$TMP/cluster"
mkdir -p "$C/key" "$C/sock" "$C/state" "$C/spool" "$C/log" "$TMP/work"
chmod 700 "$C/key"
chmod 755 "$C" "$C/sock"

PIDS=()          # daemons started here, stopped in reverse order
cleanup() {
  local rc=$?
  trap - EXIT INT TERM HUP
  if [ -n "${SLURM_CONF:-}" ] && [ "${#PIDS[@]}" -gt 1 ]; then
    # jobs first, so no slurmstepd or cnkg outlives the daemons
    scancel --quiet --full --user="$(id -un)" >/dev/null 2>&1 || true
    for _ in $(seq 1 50); do
      [ -z "$(squeue -h -o %i 2>/dev/null)" ] && break
      sleep 0.2
    done
  fi
  local i pid
  for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do
    pid=${PIDS[i]}
    kill -TERM "$pid" 2>/dev/null || continue
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  rm -rf "$TMP"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

# logs DAEMON...: the last lines of their logs, for a failure message
logs() { local d; for d in "$@"; do tail -n 5 "$C/log/$d".* 2>/dev/null; done | tr '\n' ' ' | cut -c1-1200; }
# free_port FROM: the first port from FROM up that nothing listens on
free_port() {
  local p=$1
  while (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; do p=$((p + 1)); done
  echo "$p"
}
# spread by PID, so two test runs at once rarely probe the same ports
CTLD_PORT=$(free_port "${CNKG_SLURMCTLD_PORT:-$((16817 + ($$ % 100) * 4))}")
SLURMD_PORT=$(free_port $((CTLD_PORT + 1)))
USER_NAME=$(id -un)
NODE=cnkgnode
HOST=$(hostname -s)

mungekey -c -k "$C/key/munge.key" >/dev/null 2>&1 || fail "mungekey could not make a key"
chmod 600 "$C/key/munge.key"
munged -F --socket="$C/sock/munge.socket" --key-file="$C/key/munge.key" \
  --pid-file="$C/munged.pid" --seed-file="$C/munged.seed" --log-file="$C/log/munged.log" \
  >"$C/log/munged.out" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 50); do [ -S "$C/sock/munge.socket" ] && break; sleep 0.1; done
[ -S "$C/sock/munge.socket" ] || { fail "munged did not start: $(logs munged)"; exit 1; }

# cgroups: with proctrack/linuxproc and task/none Slurm uses none, but
# slurmd still loads the cgroup plugin for the hierarchy this machine has
# (a hybrid v1/v2 mount, as here, needs cgroup/v1).
if [ -f /sys/fs/cgroup/cgroup.controllers ]; then CGROUP=cgroup/v2; else CGROUP=cgroup/v1; fi
printf 'CgroupPlugin=%s\nIgnoreSystemd=yes\n' "$CGROUP" >"$C/cgroup.conf"
[ "$CGROUP" = cgroup/v1 ] && sed -i '/IgnoreSystemd/d' "$C/cgroup.conf"
: >"$C/plugstack.conf"
cat >"$C/slurm.conf" <<CONF
ClusterName=cnkgtest
SlurmctldHost=$HOST(127.0.0.1)
SlurmctldPort=$CTLD_PORT
SlurmdPort=$SLURMD_PORT
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$C/sock/munge.socket
SlurmUser=$USER_NAME
SlurmdUser=$USER_NAME
StateSaveLocation=$C/state
SlurmdSpoolDir=$C/spool
SlurmctldPidFile=$C/slurmctld.pid
SlurmdPidFile=$C/slurmd.pid
SlurmctldLogFile=$C/log/slurmctld.log
SlurmdLogFile=$C/log/slurmd.log
SlurmctldDebug=info
SlurmdDebug=info
PlugStackConfig=$C/plugstack.conf
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
MpiDefault=none
ReturnToService=2
SlurmdParameters=config_overrides
MinJobAge=600
MailProg=/bin/true
NodeName=$NODE NodeHostname=$HOST NodeAddr=127.0.0.1 CPUs=$(nproc) State=UNKNOWN
PartitionName=cnkg Nodes=$NODE Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$C/slurm.conf"

slurmctld -D -f "$SLURM_CONF" >"$C/log/slurmctld.out" 2>&1 &
PIDS+=($!)
slurmd -D -N "$NODE" -f "$SLURM_CONF" >"$C/log/slurmd.out" 2>&1 &
PIDS+=($!)
state=""
for _ in $(seq 1 150); do
  for p in "${PIDS[@]}"; do kill -0 "$p" 2>/dev/null || break 2; done
  state=$(sinfo -h -n "$NODE" -o %t 2>/dev/null || true)
  [ "$state" = idle ] && break
  sleep 0.2
done
if [ "$state" != idle ]; then
  # Slurm is installed: a cluster that does not come up is a failure, except
  # for a user who may not run slurmd's job launcher at all.
  msg="the one-node cluster did not come up (node state '${state:-none}'): $(logs slurmctld slurmd)"
  [ "$(id -u)" -eq 0 ] || skip "$msg (not root)"
  fail "$msg"
  exit 1
fi
echo "cluster: slurmctld on port $CTLD_PORT, slurmd on $SLURMD_PORT, $CGROUP, node $NODE idle"

# One run over the documents, and the list the array job shards.
cluster_inputs >"$TMP/files.txt"
sed -i '1i # documents for the cluster test' "$TMP/files.txt"
printf '\n' >>"$TMP/files.txt"
mapfile -t docs < <(grep -v '^#' "$TMP/files.txt" | grep .)
"$CNKG" build -q -f ntriples --provenance full --base "$BASE_IRI" -o "$TMP/one.nt" -- "${docs[@]}" ||
  fail "one-run build failed"
export CNKG="$CNKG" CNKG_BASE="$BASE_IRI"

# The run: 3 shard tasks, then the load step (merge).
cd "$TMP/work"
set +e
"$SLURM_EX/submit" -n 3 -o "$TMP/shards" --wait "$TMP/files.txt" >"$TMP/submit.out" 2>&1
st=$?
set -e
check "[ $st = 0 ]" "submit --wait: status $st: $(head -c 600 "$TMP/submit.out") $(cat "$TMP"/shards/logs/*.log 2>/dev/null | head -c 600)"
check "grep -q '^shards: job [0-9]* (3 tasks' '$TMP/submit.out'" "submit did not name the array job: $(head -c 300 "$TMP/submit.out")"
for i in 0 1 2; do
  s=$(printf '%s/shards/shard-%05d.nt' "$TMP" "$i")
  check "[ -s '$s' ]" "shard $i missing or empty"
  check "grep -q 'task $i: wrote .*shard-0000$i.nt' '$TMP/shards/logs/shard-$i.log'" "task $i's log lacks its summary: $(head -c 300 "$TMP/shards/logs/shard-$i.log" 2>/dev/null)"
done
check "[ ! -e '$TMP/shards/shard-00000.nt.partial' ]" "a partial shard was left behind"
check "grep -q 'cnkg-load: 3 shards' '$TMP/shards/logs/load.log'" "the load step did not run: $(head -c 300 "$TMP/shards/logs/load.log" 2>/dev/null)"
check "cmp -s '$TMP/one.nt' '$TMP/shards/graph.nt'" "shards merged by the load step differ from one run"
check "[ \"\$(triples '$TMP/shards/graph.nt' ntriples)\" = \"\$(wc -l <'$TMP/one.nt')\" ]" "merged graph does not parse as N-Triples"
# every document went into exactly one shard, none twice
n_docs=$(cat "$TMP"/shards/shard-*.nt | grep -c '<http://purl.org/dc/terms/source>' || true)
check "[ '$n_docs' = '${#docs[@]}' ]" "shards hold $n_docs documents, the list ${#docs[@]}"
union_check "$TMP/one.nt" "$TMP"/shards/shard-*.nt

# A failing task: a document that does not exist, in task 1 of 2.
{ echo "${docs[0]}"; echo "$TMP/no-such-article.txt"; echo "${docs[1]}"; } >"$TMP/bad.txt"
set +e
"$SLURM_EX/submit" -n 2 -o "$TMP/bad" --wait "$TMP/bad.txt" >"$TMP/bad.out" 2>&1
st=$?
set -e
check "[ $st = 1 ]" "submit with a failing task: status $st, want 1: $(head -c 400 "$TMP/bad.out")"
check "grep -q 'load job [0-9]* ended CANCELLED.*did not complete: 1 ' '$TMP/bad.out'" "submit did not name the failed task: $(head -c 400 "$TMP/bad.out")"
check "grep -q 'no-such-article.txt' '$TMP/bad/logs/shard-1.log' && grep -q 'cnkg-shard: error: task 1: cnkg build exited with status 1' '$TMP/bad/logs/shard-1.log'" \
  "the failed task's log does not say what failed: $(head -c 400 "$TMP/bad/logs/shard-1.log" 2>/dev/null)"
check "[ -s '$TMP/bad/shard-00000.nt' ] && [ ! -e '$TMP/bad/shard-00001.nt' ] && [ ! -e '$TMP/bad/shard-00001.nt.partial' ]" \
  "a failed task left a shard (or the good task wrote none)"
check "[ ! -e '$TMP/bad/graph.nt' ] && [ ! -e '$TMP/bad/logs/load.log' ]" "the load step ran after a failed task"
# load-shards on its own refuses an incomplete set, naming the missing shard
set +e
CNKG_SHARDS=2 "$SLURM_EX/load-shards" "$TMP/bad" >/dev/null 2>"$TMP/ls.err"
st=$?
set -e
check "[ $st = 1 ] && grep -q 'shard-00001.nt' '$TMP/ls.err'" "load-shards on a missing shard: status $st: $(cat "$TMP/ls.err")"
cd "$TMP"
finish
