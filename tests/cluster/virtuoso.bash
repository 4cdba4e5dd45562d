# SPDX-License-Identifier: Apache-2.0
# A private Virtuoso for tests and benchmarks (sourced, not run): its own
# ini, database and log in a directory of the caller's, its own loopback
# ports (the first free ones from a base), started in the foreground as a
# child of this shell and stopped by its PID. Needs virtuoso-t and isql-vt
# (Debian's virtuoso-opensource) and curl for SPARQL over HTTP.
#
#   virtuoso_start DIR ALLOWED_DIR [ISQL_PORT_BASE [BUFFERS]]
#       starts the server (ports from BASE + 4 x (PID mod 100) up); sets VIRTUOSO_PID, VIRTUOSO_ISQL (host:port),
#       VIRTUOSO_HTTP (port); returns 1 with VIRTUOSO_WHY set if it does not
#       come up within 30 s
#   virtuoso_stop      shutdown over isql, then SIGTERM, then SIGKILL, by PID
#   virtuoso_isql ARG...           isql-vt on the server as dba
#   virtuoso_sparql GRAPH FILE     the query in FILE over HTTP, CSV on stdout
#   virtuoso_rss_kb                the server's resident memory (VmRSS), KiB

VIRTUOSO_PID=""
VIRTUOSO_ISQL=""
VIRTUOSO_HTTP=""
VIRTUOSO_DIR=""
VIRTUOSO_WHY=""

virtuoso_free_port() {
  local p=$1
  while (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; do p=$((p + 1)); done
  echo "$p"
}

virtuoso_start() {
  local db=$1 allowed=$2 base=${3:-13121} buffers=${4:-20000}
  local isql_port http_port
  # spread by PID, so two runs at once rarely probe the same ports
  isql_port=$(virtuoso_free_port $((base + ($$ % 100) * 4)))
  http_port=$(virtuoso_free_port $((isql_port + 1)))
  mkdir -p "$db"
  VIRTUOSO_DIR=$db
  # Buffers are 8 KiB pages; Virtuoso's guide sets MaxDirtyBuffers to 3/4.
  cat >"$db/virtuoso.ini" <<INI
[Database]
DatabaseFile = $db/virtuoso.db
ErrorLogFile = $db/virtuoso.log
LockFile = $db/virtuoso.lck
TransactionFile = $db/virtuoso.trx
xa_persistent_file = $db/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = $db/virtuoso-temp.db
TransactionFile = $db/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:$isql_port
ServerThreads = 10
CheckpointInterval = 0
NumberOfBuffers = $buffers
MaxDirtyBuffers = $((buffers * 3 / 4))
DirsAllowed = ., $allowed
TempDir = $db
Charset = UTF-8

[HTTPServer]
ServerPort = 127.0.0.1:$http_port
ServerRoot = $db
ServerThreads = 4
MaxClientConnections = 4
EnabledDavVSP = 0

[SPARQL]
ResultSetMaxRows = 100000
MaxQueryExecutionTime = 120
INI
  (cd "$db" && exec virtuoso-t -f -c "$db/virtuoso.ini") >"$db/stdout.log" 2>&1 &
  VIRTUOSO_PID=$!
  VIRTUOSO_ISQL=127.0.0.1:$isql_port
  VIRTUOSO_HTTP=$http_port
  local _
  for _ in $(seq 1 150); do
    if ! kill -0 "$VIRTUOSO_PID" 2>/dev/null; then
      VIRTUOSO_WHY="virtuoso-t exited: $(tail -n 3 "$db/virtuoso.log" "$db/stdout.log" 2>/dev/null | tr '\n' ' ')"
      VIRTUOSO_PID=""
      return 1
    fi
    if virtuoso_isql exec="status('');" >/dev/null 2>&1 &&
       curl -fsS -o /dev/null "http://127.0.0.1:$http_port/sparql?query=ASK%7B%7D" 2>/dev/null; then
      return 0
    fi
    sleep 0.2
  done
  VIRTUOSO_WHY="Virtuoso did not answer within 30 s: $(tail -n 3 "$db/virtuoso.log" 2>/dev/null | tr '\n' ' ')"
  return 1
}

virtuoso_stop() {
  [ -n "$VIRTUOSO_PID" ] || return 0
  if kill -0 "$VIRTUOSO_PID" 2>/dev/null; then
    virtuoso_isql exec="shutdown;" >/dev/null 2>&1 || true
    local _
    for _ in $(seq 1 50); do kill -0 "$VIRTUOSO_PID" 2>/dev/null || break; sleep 0.2; done
    kill -TERM "$VIRTUOSO_PID" 2>/dev/null || true
    for _ in $(seq 1 25); do kill -0 "$VIRTUOSO_PID" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$VIRTUOSO_PID" 2>/dev/null || true
  fi
  wait "$VIRTUOSO_PID" 2>/dev/null || true
  VIRTUOSO_PID=""
}

virtuoso_isql() { isql-vt "$VIRTUOSO_ISQL" dba dba "$@" 2>&1; }

virtuoso_sparql() {
  curl -fsS --max-time 120 -H 'Accept: text/csv' \
    --data-urlencode "query@$2" --data-urlencode "default-graph-uri=$1" \
    "http://127.0.0.1:$VIRTUOSO_HTTP/sparql"
}

virtuoso_rss_kb() { sed -n 's/^VmRSS:[[:space:]]*\([0-9]*\) kB/\1/p' "/proc/$VIRTUOSO_PID/status"; }
