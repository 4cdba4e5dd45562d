#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# No run loses a user's file and no query leaves the machine (issue 15,
# items 1, 2, 3, 5, 10, 11): a failing writer or a run that read nothing
# leaves old outputs byte for byte; an output that is an input is refused;
# cnkg's own outputs inside an input directory are not read back; symlinks
# are written through and modes kept; SERVICE and FROM <http:...> are
# refused unless --allow-network; file names and graph text reach the
# terminal escaped, and the HTML report stays valid UTF-8.
. "$(dirname "$0")/lib.bash"
need python3
# graphviz/pango/fontconfig (SVG, HTML) and rasqal keep allocations they
# never free; full stacks under ASan so tests/lsan.supp can name them.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}fast_unwind_on_malloc=0"

EX="$SRC/examples"
good="$EX/village-secretary.txt"

# keep FILE...: remembers the files' bytes; same NAME: checks they are
# unchanged and that no temporary (.NAME.XXXXXX) is left beside them.
keep() { for f in "$@"; do cp -p "$f" "$f.kept"; done; }
same() {
  local what=$1; shift
  for f in "$@"; do
    check "cmp -s '$f' '$f.kept'" "$what: $(basename "$f") changed"
    local d; d=$(dirname "$f")
    check "[ -z \"\$(ls -A '$d' | grep '^\.$(basename "$f")\.')\" ]" "$what: temporary of $(basename "$f") left"
  done
}

# ---- 1. a writer that fails replaces nothing; --focus names what it found
"$CNKG" build -q --fast -f svg -o "$TMP/g.svg" "$EX"
keep "$TMP/g.svg"
run 1 "no entity named '不存在'" build -q --fast --focus 不存在 -f svg -o "$TMP/g.svg" "$EX"
same "unknown --focus (svg file)" "$TMP/g.svg"
for fmt in dot html; do
  "$CNKG" build -q --fast -f $fmt -o "$TMP/g.$fmt" "$EX"
  keep "$TMP/g.$fmt"
  run 1 "no entity named '不存在'" build -q --fast --focus 不存在 -f $fmt -o "$TMP/g.$fmt" "$EX"
  same "unknown --focus ($fmt file)" "$TMP/g.$fmt"
done
# directory mode, every format at once: nothing is replaced
"$CNKG" build -q --fast -f turtle,ntriples,dot,svg,html -o "$TMP/d" "$EX"
keep "$TMP"/d/graph.*
run 1 "no entity named '不存在'" build -q --fast --focus 不存在 -f turtle,ntriples,dot,svg,html -o "$TMP/d" "$EX"
same "unknown --focus (directory)" "$TMP"/d/graph.{ttl,nt,dot,svg,html}
# a name two villages share: both listed (key, type, enclosing county),
# nothing written; either key then works
printf '福建省屏南县光明村党支部书记张伟介绍，村里发展茶叶种植。\n\n安徽省岳西县光明村党支部书记张伟表示，村里发展高山蔬菜。\n' >"$TMP/amb.txt"
"$CNKG" build -q --fast -f dot -o "$TMP/amb.dot" "$TMP/amb.txt"
keep "$TMP/amb.dot"
run 1 "'光明村' names 2 entities" build -q --fast --focus 光明村 -f dot -o "$TMP/amb.dot" "$TMP/amb.txt"
check "grep -q -- '--focus village/[0-9a-f]*  光明村 (Village, in 屏南县)' '$TMP/err'" "ambiguous --focus: 屏南县 candidate not listed: $(cat "$TMP/err")"
check "grep -q -- '--focus village/[0-9a-f]*  光明村 (Village, in 岳西县)' '$TMP/err'" "ambiguous --focus: 岳西县 candidate not listed"
same "ambiguous --focus" "$TMP/amb.dot"
key=$(grep -o 'village/[0-9a-f]*  光明村 (Village, in 屏南县)' "$TMP/err" | cut -d' ' -f1)
run 0 "" build -q --fast --focus "$key" -f dot -o "$TMP/amb.dot" "$TMP/amb.txt"
check "grep -q '光明村' '$TMP/amb.dot' && ! cmp -s '$TMP/amb.dot' '$TMP/amb.dot.kept'" "--focus KEY did not draw"

# ---- 2. no document read: nothing written
"$CNKG" build -q --fast -o "$TMP/prev" "$EX"
"$CNKG" build -q --fast -f nt -o "$TMP/k.nt" "$EX"
keep "$TMP"/prev/graph.{ttl,nt,dot} "$TMP/k.nt"
run 1 "no document could be read; nothing written" build -q --fast -o "$TMP/prev" "$TMP/typo.txt"
same "every input missing (directory)" "$TMP"/prev/graph.{ttl,nt,dot}
run 1 "no document could be read; nothing written" build -q --fast -f nt -o "$TMP/k.nt" "$TMP/typo.txt"
same "every input missing (file)" "$TMP/k.nt"
printf '\0\1\2binary\0' >"$TMP/bin.txt"
run 1 "no document could be read; nothing written" build -q --fast -o "$TMP/prev" "$TMP/bin.txt" "$TMP/typo.txt"
same "every input failed" "$TMP"/prev/graph.{ttl,nt,dot}

# ---- 3. an output that is an input is refused; outputs are not read back
cp "$good" "$TMP/a.txt"
keep "$TMP/a.txt"
run 2 "the output .*a\.txt is the input .*a\.txt; refusing to overwrite it" build -q --fast -f turtle -o "$TMP/a.txt" "$TMP/a.txt"
same "output onto input" "$TMP/a.txt"
ln -s a.txt "$TMP/alias.ttl"
run 2 "refusing to overwrite" build -q --fast -f turtle -o "$TMP/alias.ttl" "$TMP/a.txt"
ln "$TMP/a.txt" "$TMP/hard.ttl"
run 2 "refusing to overwrite" build -q --fast -f turtle -o "$TMP/hard.ttl" "$TMP/a.txt"
same "output onto input through links" "$TMP/a.txt"
# Two identical runs read the same documents: cnkg's output directory
# inside the input directory, the input directory as output directory, and
# a report file inside the input directory are never read back.
for d in pristine in1 in2 in3; do mkdir "$TMP/$d"; cp "$EX"/*.txt "$TMP/$d/"; done
"$CNKG" build -q --fast -f turtle -o "$TMP/pristine.ttl" "$TMP/pristine"
for i in 1 2; do
  "$CNKG" build -q --fast -f turtle,html -o "$TMP/in1/out" "$TMP/in1"
  check "cmp -s '$TMP/in1/out/graph.ttl' '$TMP/pristine.ttl'" "run $i: output directory inside the input was read"
  "$CNKG" build -q --fast -f turtle,html -o "$TMP/in2" "$TMP/in2"
  check "cmp -s '$TMP/in2/graph.ttl' '$TMP/pristine.ttl'" "run $i: input directory as output: outputs were read"
  "$CNKG" build -q --fast -f html -o "$TMP/in3/report.html" "$TMP/in3"
  cp "$TMP/in3/report.html" "$TMP/report$i.html"
done
check "cmp -s '$TMP/report1.html' '$TMP/report2.html'" "report inside the input directory: the second run differs"
# ... while naming one of cnkg's outputs as an input that would be
# overwritten is refused
keep "$TMP/in3/report.html"
run 2 "refusing to overwrite" build -q --fast -f html -o "$TMP/in3/report.html" "$TMP/in3/report.html"
same "report named as input" "$TMP/in3/report.html"

# ---- 5. symbolic links, modes, long names
mkdir "$TMP/real"
"$CNKG" build -q --fast -f nt -o "$TMP/real/t.nt" "$TMP/amb.txt"
ln -s real/t.nt "$TMP/link.nt"
run 0 "" build -q --fast -f nt -o "$TMP/link.nt" "$good"
check "[ -L '$TMP/link.nt' ] && [ \"\$(readlink '$TMP/link.nt')\" = real/t.nt ]" "symlink replaced by a file"
check "grep -q 'village-secretary.txt' '$TMP/real/t.nt'" "symlink's target not written"
check "[ -z \"\$(ls -A '$TMP/real' | grep '^\.')\" ] && [ -z \"\$(ls -A '$TMP' | grep '^\.link')\" ]" "temporary left after writing through a link"
ln -s nowhere.nt "$TMP/dangling.nt"
run 0 "" build -q --fast -f nt -o "$TMP/dangling.nt" "$good"
check "[ -L '$TMP/dangling.nt' ] && [ -s '$TMP/nowhere.nt' ]" "dangling symlink: target not created through it"
: >"$TMP/private.nt"; chmod 600 "$TMP/private.nt"
run 0 "" build -q --fast -f nt -o "$TMP/private.nt" "$good"
check "[ \"\$(stat -c %a '$TMP/private.nt')\" = 600 ]" "0600 output became $(stat -c %a "$TMP/private.nt")"
chmod 640 "$TMP/private.nt"
run 0 "" build -q --fast -f nt -o "$TMP/private.nt" "$good"
check "[ \"\$(stat -c %a '$TMP/private.nt')\" = 640 ]" "0640 output became $(stat -c %a "$TMP/private.nt")"
(umask 027 && "$CNKG" build -q --fast -f nt -o "$TMP/fresh.nt" "$good")
check "[ \"\$(stat -c %a '$TMP/fresh.nt')\" = 640 ]" "new file under umask 027: $(stat -c %a "$TMP/fresh.nt")"
(umask 022 && "$CNKG" build -q --fast -f nt -o "$TMP/fresh2.nt" "$good")
check "[ \"\$(stat -c %a '$TMP/fresh2.nt')\" = 644 ]" "new file under umask 022: $(stat -c %a "$TMP/fresh2.nt")"
for n in 247 248 254 255; do
  long="$TMP/$(printf 'g%.0s' $(seq 1 $((n - 3)))).nt"
  run 0 "" build -q --fast -f nt -o "$long" "$good"
  check "[ -s '$long' ]" "$n-byte output name not written"
  rm -f "$long"
done
# multi-byte names are shortened at a character boundary
long="$TMP/$(printf '图%.0s' $(seq 1 83)).nt"   # 83 * 3 + 3 = 252 bytes
run 0 "" build -q --fast -f nt -o "$long" "$good"
check "[ -s '$long' ]" "252-byte Chinese output name not written"

# ---- 10. queries stay off the network
"$CNKG" build -q --fast -f turtle -o "$TMP/q.ttl" "$EX"
python3 - "$TMP/port" "$TMP/conns" <<'EOF' &
import socket, sys
s = socket.socket()
s.bind(("127.0.0.1", 0))
s.listen(16)
open(sys.argv[1], "w").write(str(s.getsockname()[1]))
s.settimeout(120)
try:
    while True:
        c, _ = s.accept()
        with open(sys.argv[2], "a") as f:
            f.write("connection\n")
        c.close()
except OSError:
    pass
EOF
listener=$!
for _ in $(seq 1 100); do [ -s "$TMP/port" ] && break; sleep 0.1; done
port=$(cat "$TMP/port")
url="http://127.0.0.1:$port/sparql"
: >"$TMP/conns"
run 1 "SERVICE <$url> would query a remote endpoint.*--allow-network" \
  query "$TMP/q.ttl" -e "SELECT * WHERE { SERVICE <$url> { ?s ?p ?o } }"
run 1 "SERVICE <$url> would query" \
  query "$TMP/q.ttl" -e "SELECT * WHERE { ?a ?b ?c OPTIONAL { { SELECT ?s WHERE { SERVICE SILENT <$url> { ?s ?p ?o } } } } } LIMIT 1"
run 1 "SERVICE <$url> would query" query "$TMP/q.ttl" -e "ASK { ?a ?b ?c MINUS { SERVICE <$url> { ?a ?p ?o } } }"
run 1 "FROM <$url> names a graph on the network" \
  query "$TMP/q.ttl" -e "SELECT * FROM <$url> WHERE { ?s ?p ?o } LIMIT 1"
run 1 "FROM NAMED <$url> names a graph on the network" \
  query "$TMP/q.ttl" -e "SELECT * FROM NAMED <$url> WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 1"
sleep 0.5
check "[ ! -s '$TMP/conns' ]" "a query reached the network: $(wc -l <"$TMP/conns") connection(s)"
# the listener does see --allow-network's request (so the check above can fail)
set +e; timeout 60 "$CNKG" query --allow-network "$TMP/q.ttl" \
  -e "SELECT * WHERE { SERVICE <$url> { ?s ?p ?o } }" >/dev/null 2>&1; set -e
for _ in $(seq 1 50); do [ -s "$TMP/conns" ] && break; sleep 0.1; done
check "[ -s '$TMP/conns' ]" "--allow-network: the listener saw no connection"
kill "$listener" 2>/dev/null || true
wait "$listener" 2>/dev/null || true
# file: IRIs name no network resource
run 0 "" query "$TMP/q.ttl" -e "SELECT * FROM <file:///nonexistent.ttl> WHERE { ?s a cnkg:Person } LIMIT 1"

# ---- 11. escapes: file names in messages, graph text on the terminal
# raw_controls FILE: true when FILE holds a C0 control other than newline
# (and, with ansi, tab), DEL, or a C1 control (UTF-8 C2 80-9F)
raw_controls() { LC_ALL=C grep -qP '[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]' "$1"; }
bad=$(printf 'no\033]0;owned\007such\rfile.txt')
run 1 'no\\x1b\]0;owned\\x07such\\x0dfile\.txt: No such file' build -q --fast -f nt -o "$TMP/e.nt" "$bad" "$good"
check "! raw_controls '$TMP/err'" "build: raw control characters in a file name reached stderr"
run 1 'no\\x1b' normalize "$bad"
check "! raw_controls '$TMP/err'" "normalize: raw control characters on stderr"
run 1 'no\\x1b' query "$bad" -e 'ASK {}'
check "! raw_controls '$TMP/err'" "query: raw control characters on stderr"
cat >"$TMP/evil.ttl" <<'EOF'
@prefix cnkg: <https://w3id.org/cnkg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<https://w3id.org/cnkg/id/person/1> a cnkg:Person ; rdfs:label "张三\u001B]0;owned\u0007\r\u009B2J"@zh ;
  cnkg:title "书记\u001B[2J\nforged line"@zh ;
  cnkg:associatedWith <https://w3id.org/cnkg/id/place/2> .
<https://w3id.org/cnkg/id/place/2> a cnkg:Village ; rdfs:label "光明村\u202Eevil"@zh .
EOF
run 0 "" show "$TMP/evil.ttl" person/1
check "! raw_controls '$TMP/out'" "show: raw control characters in the report"
check "grep -qF '张三\\x1b]0;owned\\x07\\x0d\\u009b2J (Person)' '$TMP/out'" "show: label not shown escaped: $(head -n1 "$TMP/out")"
check "grep -qF '\"书记\\x1b[2J\\x0aforged line\"' '$TMP/out'" "show: a literal's newline not escaped"
check "grep -qF '光明村\\u202eevil' '$TMP/out'" "show: direction override not escaped"
run 0 "" trace "$TMP/evil.ttl" person/1 place/2
check "! raw_controls '$TMP/out'" "trace: raw control characters in the report"
check "grep -qF '张三\\x1b]0;owned' '$TMP/out'" "trace: label not shown escaped"
run 1 "no entity named 'x\\\\x1by'" show "$TMP/evil.ttl" "$(printf 'x\033y')"
run 0 "" query "$TMP/evil.ttl" -e 'SELECT ?l WHERE { ?s rdfs:label ?l }'
check "! raw_controls '$TMP/out'" "query table: raw control characters"
check "grep -qF '\\u009b2J' '$TMP/out'" "query table: C1 control not escaped"
# invalid UTF-8 in a file name: the HTML report is still UTF-8
badname="$TMP/$(printf 'bad\377\376name.txt')"
cp "$good" "$badname"
run 0 "" build -q --fast -f html -o "$TMP/r.html" "$badname"
check "python3 -c 'import sys; open(sys.argv[1], \"rb\").read().decode(\"utf-8\")' '$TMP/r.html'" \
  "HTML report with a non-UTF-8 file name is not valid UTF-8"
check "grep -qF 'bad\\ufffd\\ufffdname.txt' '$TMP/r.html'" "HTML report: bad bytes not replaced by U+FFFD"
finish
