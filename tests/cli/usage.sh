#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The CLI behaves like a Unix tool: help on stdout with status 0, usage
# errors with status 2, bad inputs named on stderr with status 1 while the
# good inputs are still processed, a full disk reported, not hidden.
. "$(dirname "$0")/lib.bash"

run 0 "" --help
check "grep -q '^Usage: cnkg' '$TMP/out'" "--help not on stdout"
run 0 "" build --help
check "grep -q 'Exit status' '$TMP/out'" "build --help lacks the exit statuses"
run 0 "" --version
check "grep -Eq '^cnkg [0-9]+\.[0-9]+' '$TMP/out'" "--version output"
run 2 "unknown command" frobnicate
run 2 "unknown option" build --no-such-option x.txt
run 2 "needs an argument" build x.txt --format
run 2 "unknown format" build --format pdf x.txt
run 2 "no INPUT" build
run 2 "-j takes" build -j 0 x.txt
run 2 "provenance" build --provenance lots x.txt
run 2 "base" build --base 'not an iri' x.txt
run 2 "needs exactly one" build --output - "$SRC/examples"

# The man page documents every long option each command's --help shows,
# and every output format (html too).
man="$SRC/doc/cnkg.1"
for cmd in build normalize lex query trace show merge; do
  "$CNKG" $cmd --help >"$TMP/help"
  for opt in $(grep -oE -- '--[a-z][a-z-]*' "$TMP/help" | sort -u); do
    esc=$(printf '%s' "$opt" | sed 's/-/\\\\-/g')
    check "grep -q -- '$esc' '$man'" "doc/cnkg.1 does not document $cmd $opt"
  done
done
check "grep -A3 'BR \\\\-f \", \" \\\\-\\\\-format' '$man' | head -4 | grep -q html" "doc/cnkg.1: build -f does not list html"

# Bad inputs: named, status 1, the good document still in the graph.
good="$SRC/examples/village-secretary.txt"
run 1 "nonexistent.txt: No such file" build -q -f ntriples -o "$TMP/g.nt" "$TMP/nonexistent.txt" "$good"
check "grep -q 'ontology#Person' '$TMP/g.nt'" "good input lost when another is missing"
mkdir "$TMP/empty-dir"
run 1 "no .txt, .html or .htm files" build -q -f ntriples -o "$TMP/g2.nt" "$TMP/empty-dir" "$good"
head -c 4096 /dev/urandom > "$TMP/binary.txt"
printf '\0\0\0\1\2\3binary\0' >> "$TMP/binary.txt"
run 1 "binary.txt" build -q -f ntriples -o "$TMP/g3.nt" "$TMP/binary.txt" "$good"
check "grep -q 'ontology#Person' '$TMP/g3.nt'" "good input lost beside a binary file"
: > "$TMP/empty.txt"
run 0 "" build -q -f ntriples -o "$TMP/g4.nt" "$TMP/empty.txt"
# Empty stdin is an empty document, not an error.
set +e; "$CNKG" build -q -f turtle -o - - </dev/null >"$TMP/s.ttl" 2>"$TMP/err"; st=$?; set -e
check "[ $st -eq 0 ]" "empty stdin: status $st"
# A full disk is an error, not a silent success.
if [ -w /dev/full ]; then
  run 1 "write" build -q -f turtle -o /dev/full "$good"
fi
# Atomic output: a failed run leaves the previous graph intact.
"$CNKG" build -q -f ntriples -o "$TMP/keep.nt" "$good"
cp "$TMP/keep.nt" "$TMP/keep.orig"
run 2 "" build -q -f ntriples -o "$TMP/keep.nt" --no-such-option "$good"
check "cmp -s '$TMP/keep.nt' '$TMP/keep.orig'" "a failed run changed the existing output"
check "[ -z \"\$(ls '$TMP' | grep -E '\\.tmp|keep\\.nt\\.' )\" ]" "temporary files left behind"
# Symlink loop in a directory tree is reported, not followed forever.
mkdir -p "$TMP/loop/sub"; cp "$good" "$TMP/loop/a.txt"; ln -s .. "$TMP/loop/sub/up"
run 1 "symbolic link loop" build -q -f ntriples -o "$TMP/g5.nt" "$TMP/loop"
check "grep -q 'ontology#Person' '$TMP/g5.nt'" "document beside a symlink loop lost"
finish
