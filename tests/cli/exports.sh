#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The exports other tools read, on the examples: --format csv (nodes.csv and
# edges.csv) loads with pandas.read_csv and has the header syntax of Neo4j's
# bulk importer with every edge end among the node ids; --format graphml
# parses with NetworkX with typed attributes; --format jsonld read by
# rdflib and by pyld gives the same triples as the Turtle (isomorphic), also
# with a --base ending in '#', and embeds the shipped context. Every file is
# identical for -j 1 and -j 2. Parts whose Python library is missing are
# skipped (77) after the rest ran.
. "$(dirname "$0")/lib.bash"
need python3
EX="$SRC/examples"
"$CNKG" build -q -j 1 -f turtle,csv,graphml,jsonld -o "$TMP/a" "$EX" || fail "build with the exports failed"
"$CNKG" build -q -j 2 -f turtle,csv,graphml,jsonld -o "$TMP/b" "$EX" || fail "second build failed"
for f in nodes.csv edges.csv graph.graphml graph.jsonld; do
  check "[ -s '$TMP/a/$f' ] && cmp -s '$TMP/a/$f' '$TMP/b/$f'" "$f missing or differs between -j 1 and -j 2"
done
# csv alone: -o is a directory; never standard output
run 0 "" build -q -f csv -o "$TMP/csvonly" "$EX"
check "cmp -s '$TMP/csvonly/nodes.csv' '$TMP/a/nodes.csv' && cmp -s '$TMP/csvonly/edges.csv' '$TMP/a/edges.csv'" "-f csv -o DIR differs"
run 2 "csv writes two files" build -q -f csv -o - "$EX"
run 0 "" build -q -f graphml -o "$TMP/g.graphml" "$EX"
run 2 "names a jsonld file, but the format is graphml" build -q -f graphml -o "$TMP/g.jsonld" "$EX"
if [ -w /dev/full ]; then
  for f in graphml jsonld; do
    set +e; "$CNKG" build -q -f $f -o - "$EX" >/dev/full 2>"$TMP/err"; rc=$?; set -e
    check "[ $rc -eq 1 ] && grep -q 'cannot write $f' '$TMP/err'" "-f $f to /dev/full: status $rc"
  done
fi
# merge writes the exports too, from the shards' N-Triples (raptor's
# N-Triples parser keeps a URI it never frees: tests/lsan.supp names it;
# full stacks so the name is on them)
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}fast_unwind_on_malloc=0"
"$CNKG" build -q -f ntriples -o "$TMP/all.nt" "$EX"
run 0 "" merge -f csv,graphml -o "$TMP/m" "$TMP/all.nt"
check "cmp -s '$TMP/m/nodes.csv' '$TMP/a/nodes.csv' && cmp -s '$TMP/m/graph.graphml' '$TMP/a/graph.graphml'" "merge's exports differ from build's"

missing=""
# Debian's interpreter, where apt puts python3-pandas and the others (a
# python3 earlier in PATH, from pyenv say, does not see them)
PY3=python3
[ -x /usr/bin/python3 ] && PY3=/usr/bin/python3
py() { "$PY3" - "$@"; }
has() { "$PY3" -c "import $1" 2>/dev/null; }
# --- CSV: Neo4j's header syntax, ids, and pandas
py "$TMP/a" <<'PY' || fail "CSV is not in Neo4j's import format"
import csv, re, sys
d = sys.argv[1]
TYPES = r"(int|long|float|double|boolean|byte|short|char|string|point|date|localtime|time|localdatetime|datetime|duration)(\[\])?"
def header(path, need):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    h = rows[0]
    for col in h:
        m = re.fullmatch(r"([^:]*)(?::(ID|LABEL|START_ID|END_ID|TYPE|IGNORE|" + TYPES + "))?", col)
        assert m, "bad header field %r in %s" % (col, path)
        assert m.group(1) or m.group(2) in ("LABEL", "START_ID", "END_ID", "TYPE", "ID"), col
    for n in need:
        assert sum(1 for c in h if c.endswith(n)) == 1, "%s: need exactly one %s" % (path, n)
    assert all(len(r) == len(h) for r in rows), "%s: ragged rows" % path
    return h, rows[1:]
nh, nodes = header(d + "/nodes.csv", [":ID", ":LABEL"])
eh, edges = header(d + "/edges.csv", [":START_ID", ":END_ID", ":TYPE"])
ids = [r[0] for r in nodes]
assert len(ids) == len(set(ids)) and len(ids) > 50, "node ids not unique"
for r in edges:
    assert r[0] in ids and r[1] in ids, "edge end not a node: %s" % r[:3]
for h, rows in ((nh, nodes), (eh, edges)):
    for i, col in enumerate(h):
        for r in rows:
            if col.endswith(":int") and r[i]: int(r[i])
            if col.endswith(":boolean") and r[i]: assert r[i] in ("true", "false")
PY
if has pandas; then
  py "$TMP/a" <<'PY' || fail "pandas does not read the CSV with its facts"
import sys, pandas as pd
d = sys.argv[1]
n = pd.read_csv(d + "/nodes.csv")
e = pd.read_csv(d + "/edges.csv")
assert list(n.columns[:3]) == ["id:ID", "label", ":LABEL"], list(n.columns)
chen = n[n["label"] == "陈立远"]
assert len(chen) == 1 and chen.iloc[0]["title:string[]"] == "驻村第一书记", chen
assert str(n["mentions:int"].dtype).startswith("int")
key = chen.iloc[0]["id:ID"]
to = set(n.set_index("id:ID").loc[e[(e[":START_ID"] == key) & (e[":TYPE"] == "associatedWith")][":END_ID"], "label"])
assert "龙潭村" in to, to
# a sentence with commas and quotes survives
s = e[e[":TYPE"] == "basedIn"]["sentence"].tolist()
assert any("," in x and "“" in x for x in s), s[:2]
assert n[":LABEL"].str.contains("Place").sum() >= 10
PY
else missing="$missing pandas"; fi

# --- GraphML with NetworkX
if has networkx; then
  py "$TMP/a" <<'PY' || fail "NetworkX does not read the GraphML with its facts"
import csv, sys, networkx as nx
d = sys.argv[1]
g = nx.read_graphml(d + "/graph.graphml")
nodes = list(csv.reader(open(d + "/nodes.csv", encoding="utf-8")))[1:]
edges = list(csv.reader(open(d + "/edges.csv", encoding="utf-8")))[1:]
assert g.is_directed() and g.number_of_nodes() == len(nodes), (g.number_of_nodes(), len(nodes))
assert g.number_of_edges() == len(edges), (g.number_of_edges(), len(edges))
chen = [n for n, a in g.nodes(data=True) if a.get("label") == "陈立远"]
assert len(chen) == 1
a = g.nodes[chen[0]]
assert a["type"] == "Person" and a["title"] == "驻村第一书记" and isinstance(a["mentions"], int)
assert isinstance(a["fromDivisionList"], bool)
rels = {g.nodes[v]["label"]: x["relation"] for _, v, x in g.out_edges(chen[0], data=True)}
assert rels.get("龙潭村") == "associatedWith", rels
ev = [x for _, _, x in g.edges(data=True) if x["relation"] == "locatedIn"]
assert ev and all(isinstance(x["sentences"], int) for x in ev)
PY
else missing="$missing networkx"; fi

# --- JSON-LD: the same triples as the Turtle, through two processors
"$CNKG" build -q -f turtle,jsonld --base 'http://example.org/kg#' -o "$TMP/h" "$EX" || fail "build with a # base failed"
if has rdflib; then
  py "$TMP/a" "$TMP/h" "$SRC/ontology/context.jsonld" <<'PY' || fail "rdflib: JSON-LD and Turtle differ"
import json, sys
from rdflib import Graph
from rdflib.compare import isomorphic
for d in sys.argv[1:3]:
    t = Graph().parse(d + "/graph.ttl", format="turtle")
    j = Graph().parse(d + "/graph.jsonld", format="json-ld")
    assert len(t) > 500 and isomorphic(t, j), "%s: %d vs %d triples; only in Turtle: %s" % (
        d, len(t), len(j), list(set(t) - set(j))[:3])
# the embedded context is the shipped one
shipped = json.load(open(sys.argv[3]))["@context"]
assert json.load(open(sys.argv[1] + "/graph.jsonld"))["@context"] == shipped
PY
else missing="$missing rdflib"; fi
if has pyld && has rdflib; then
  py "$TMP/a" <<'PY' || fail "pyld: JSON-LD and Turtle differ"
import json, sys
from pyld import jsonld
from rdflib import Graph
from rdflib.compare import isomorphic
d = sys.argv[1]
def no_fetch(url, options=None):
    raise RuntimeError("the document asked to fetch " + url)
jsonld.set_document_loader(no_fetch)
nq = jsonld.to_rdf(json.load(open(d + "/graph.jsonld", encoding="utf-8")), {"format": "application/n-quads"})
j = Graph().parse(data=nq, format="nquads")
t = Graph().parse(d + "/graph.ttl", format="turtle")
assert isomorphic(t, j), "%d vs %d" % (len(t), len(j))
PY
else missing="$missing pyld"; fi
if [ -n "$missing" ]; then
  finish >/dev/null || exit 1
  skip "python3 modules missing:$missing (the other checks passed)"
fi
finish
