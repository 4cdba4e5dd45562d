#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Escaping property test (issue 9): random Unicode documents, seeded so a
# failure is reproducible, full of adversarial punctuation (quotes,
# backslashes, newlines, control characters, U+FFFD, DOT's \N and \G, HTML
# specials, non-BMP characters) go through the whole pipeline, and rapper,
# serdi and dot must accept every Turtle, N-Triples and DOT output.
. "$(dirname "$0")/lib.bash"
# In-process SVG under ASan: full stacks so tests/lsan.supp can name the
# graphviz/pango frames that keep memory (see tools/check).
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}fast_unwind_on_malloc=0"
need python3; need rapper; need serdi; need dot

SEED=${CNKG_ESCAPE_SEED:-20261126}
N=${CNKG_ESCAPE_DOCS:-40}
mkdir "$TMP/docs"
python3 - "$TMP/docs" "$SEED" "$N" <<'EOF'
import os, random, re, sys
out, seed, n = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rng = random.Random(seed)
# Pieces that make the recognisers fire, so the nasty characters end up
# inside entity names, labels, mentions and evidence strings.
frames = ["{x}县委书记{n}说", "{n}在{p}{x}村调研", "{p}{x}镇人民政府", "{x}{p}市{x}区",
          "“{x}{n}”表示", "《{x}乡村振兴{x}条例》", "{x}有限公司{x}", "{n}同志{x}",
          "{p}省{x}县{x}乡", "据{x}报道（记者 {n}{x}）", "{x}合作社", "{n}、{n}和{x}{n}"]
names = ["张三", "李四", "王小明", "欧阳娜娜", "赵", "陈\\N", "刘\"", "孙\\G"]
places = ["北京", "海淀", "河北", "石家庄", "浙江", "杭州", "贵州", "毕节", "新疆"]
nasty = ['"', "'", "\\", "\\N", "\\G", "\\L", "\\E", "\\T", "\\H", "\\\"", "\n", "\r",
         "\r\n", "\t", "\v", "\f", "\x01", "\x08", "\x1b", "\x1f", "\x7f", "\u0085",
         "\ufffd", "\ufeff", "\u2028", "\u2029", "\u200b", "\u200d", "\u202e",
         "<", ">", "&", "&amp;", "&#0;", "{", "}", "|", "^", "`", "@", "#", "%20",
         "]]>", "<br>", "\"\"\"", "'''", "_:b0", "<http://x/>", "\\u0022", "\\U0001F600",
         "、", "“", "”", "‘", "’", "「", "」", "《", "》", "（", "）", "。", "…", "——",
         "\U0001F600", "\U00020000", "\U0010FFFD", "e\u0301", "\u0000"]
cjk = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可也你"
def piece():
    r = rng.random()
    if r < 0.45: return rng.choice(nasty)
    if r < 0.75: return "".join(rng.choice(cjk) for _ in range(rng.randint(1, 4)))
    return chr(rng.choice([rng.randint(0x20, 0x7e), rng.randint(0xa0, 0x2fff),
                           rng.randint(0x3000, 0x9fff), rng.randint(0xe000, 0xfffd),
                           rng.randint(0x10000, 0x10ffff)]))
def junk(): return "".join(piece() for _ in range(rng.randint(0, 3)))
for i in range(n):
    sents = []
    for _ in range(rng.randint(1, 12)):
        # one pass over the frame: junk may itself contain braces
        f = re.sub(r"\{([xnp])\}", lambda m: junk() if m.group(1) == "x" else
                   rng.choice(names) + junk() if m.group(1) == "n" else
                   rng.choice(places), rng.choice(frames))
        sents.append(f + rng.choice(["。", "！", "？", "；", "\n", "", "…\n"]))
    text = "".join(sents)
    # NUL makes a document binary; keep one in a few to check they are skipped.
    if "\x00" in text and i % 5: text = text.replace("\x00", "")
    ext = ".html" if i % 7 == 3 else ".txt"
    if ext == ".html":
        text = "<html><head><title>" + junk() + "</title></head><body><p>" + text + "</p></body></html>"
    with open(os.path.join(out, "doc%03d%s" % (i, ext)), "w", encoding="utf-8",
              errors="surrogatepass", newline="") as fh:
        fh.write(text)
EOF

# conforms DIR LABEL: every output in DIR passes rapper, serdi and dot.
conforms() {
  local d=$1 what=$2
  check "rapper -q -i turtle -c '$d/graph.ttl' >/dev/null 2>'$TMP/rap'" \
    "$what: rapper rejects Turtle: $(head -c 300 "$TMP/rap" 2>/dev/null)"
  check "rapper -q -i ntriples -c '$d/graph.nt' >/dev/null 2>'$TMP/rap'" \
    "$what: rapper rejects N-Triples: $(head -c 300 "$TMP/rap" 2>/dev/null)"
  check "serdi -i turtle -o ntriples '$d/graph.ttl' >/dev/null 2>'$TMP/ser'" \
    "$what: serdi rejects Turtle"
  check "serdi -i ntriples -o ntriples '$d/graph.nt' >/dev/null 2>'$TMP/ser'" \
    "$what: serdi rejects N-Triples"
  check "dot -Tsvg '$d/graph.dot' >/dev/null 2>'$TMP/dot' && ! grep -qi 'error\|syntax' '$TMP/dot'" \
    "$what: dot rejects DOT: $(head -c 300 "$TMP/dot" 2>/dev/null)"
  # Turtle and N-Triples say the same thing.
  local a b
  a=$(triples "$d/graph.ttl" turtle); b=$(triples "$d/graph.nt" ntriples)
  check "[ -n '$a' ] && [ '$a' = '$b' ]" "$what: Turtle has $a triples, N-Triples $b"
}

# Each document alone, rules only (fast, isolates the culprit).
for f in "$TMP"/docs/*; do
  name=$(basename "$f")
  set +e
  timeout 120 "$CNKG" build -q --fast -o "$TMP/o1" "$f" 2>"$TMP/err"
  st=$?
  set -e
  if [ $st -ne 0 ] && [ $st -ne 1 ]; then fail "$name: status $st (seed $SEED): $(head -c 300 "$TMP/err")"; continue; fi
  if [ $st -eq 1 ] && ! grep -q "$name" "$TMP/err"; then fail "$name: status 1 but not named"; continue; fi
  conforms "$TMP/o1" "$name (seed $SEED, --fast)"
done
# All together with the neural analyser (when its model is there).
set +e
timeout 600 "$CNKG" build -q -f turtle,ntriples,dot,svg -o "$TMP/o2" "$TMP/docs" 2>"$TMP/err"
st=$?
set -e
check "[ $st -le 1 ]" "all documents: status $st: $(head -c 300 "$TMP/err")"
conforms "$TMP/o2" "all documents (seed $SEED)"
if command -v xmllint >/dev/null; then
  check "xmllint --noout '$TMP/o2/graph.svg' 2>/dev/null" "SVG is not well-formed XML"
fi
finish
