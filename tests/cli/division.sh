#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Build-time division tools: tools/extract-division without its tarball, and
# cnkg-mkdivision on small hand-written CSVs, good and bad (each bad case
# checks the exit status and that the message names the file and line).
set -u
bin="${CNKG_BINARY_DIR:-}/cnkg-mkdivision"
src="${CNKG_SOURCE_DIR:-$(dirname "$0")/../..}"
[ -x "$bin" ] || { echo "SKIP: $bin not built"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }

# --- extract-division: a missing tarball is a clear error, exit 1
out=$("$src/tools/extract-division" "$tmp/nope.tgz" "$tmp/x" 2>&1); rc=$?
[ $rc -eq 1 ] || fail "extract-division missing tarball: exit $rc"
case $out in
  *"cnkg: error: division list not found at $tmp/nope.tgz; run tools/bootstrap"*) ;;
  *) fail "extract-division message: $out" ;;
esac
"$src/tools/extract-division" >/dev/null 2>&1; [ $? -eq 2 ] || fail "extract-division usage exit"

# --- a small, valid list
good() {
  rm -rf "$tmp/csv"; mkdir -p "$tmp/csv"
  printf 'code,name\n52,"贵州省"\n41,"河南省"\n' > "$tmp/csv/provinces.csv"
  printf 'code,name,provinceCode\n5203,"遵义市",52\n4190,"省直辖县级行政区划",41\n' > "$tmp/csv/cities.csv"
  printf 'code,name,cityCode,provinceCode\n520323,"绥阳县",5203,52\n419001,"某直辖市",4190,41\n' > "$tmp/csv/areas.csv"
  printf 'code,name,areaCode,provinceCode,cityCode\r\n520323107,"宽阔镇",520323,52,5203\r\n' > "$tmp/csv/streets.csv"
  printf 'code,name,streetCode,provinceCode,cityCode,areaCode\n520323107001,"宽阔""新""社区居民委员会",520323107,52,5203,520323\n520323107002,青山村村委会,520323107,52,5203,520323\n' > "$tmp/csv/villages.csv"
}
good
out=$("$bin" "$tmp/csv" "$tmp/div.idx" 2>&1); rc=$?
[ $rc -eq 0 ] || fail "good list: exit $rc: $out"
[ -s "$tmp/div.idx" ] || fail "good list: no index written"
case $out in *"cnkg: warning: $tmp/csv/villages.csv: 2 records, expected 620573"*) ;;
  *) fail "count warning missing: $out" ;; esac
"$bin" "$tmp/csv" "$tmp/div2.idx" 2>/dev/null
cmp -s "$tmp/div.idx" "$tmp/div2.idx" || fail "index not reproducible"
"$bin" --help | grep -q 'usage: cnkg-mkdivision' || fail "--help"
"$bin" >/dev/null 2>&1; [ $? -eq 2 ] || fail "usage exit"

# --- bad inputs: expect exit 1 and "FILE:LINE: message"
bad() {  # file line-number expected-message
  out=$("$bin" "$tmp/csv" "$tmp/bad.idx" 2>&1); rc=$?
  [ $rc -eq 1 ] || fail "$3: exit $rc"
  case $out in *"cnkg: error: $tmp/csv/$1:$2: $3"*) ;; *) fail "$3: got: $out" ;; esac
  [ ! -e "$tmp/bad.idx" ] || fail "$3: index written anyway"
  good
}
printf 'code,name\n52,"贵州省\n' > "$tmp/csv/provinces.csv"; bad provinces.csv 2 "unterminated quoted field"
printf 'code,name\n52,"贵州"省\n' > "$tmp/csv/provinces.csv"; bad provinces.csv 2 "text after a closing quote"
printf 'code,name\n52,贵"州省\n' > "$tmp/csv/provinces.csv"; bad provinces.csv 2 "quote inside an unquoted field"
printf 'code,title\n52,"贵州省"\n' > "$tmp/csv/provinces.csv"; bad provinces.csv 1 "expected the header line"
printf 'code,name\n52,"贵州省",x\n' > "$tmp/csv/provinces.csv"; bad provinces.csv 2 "3 fields, expected 2"
printf 'code,name\n5x,"贵州省"\n' > "$tmp/csv/provinces.csv"; bad provinces.csv 2 'bad code "5x"'
printf 'code,name\n52,""\n' > "$tmp/csv/provinces.csv"; bad provinces.csv 2 "empty name"
printf 'code,name\n52,"\xff\xfe"\n' > "$tmp/csv/provinces.csv"; bad provinces.csv 2 "name is not valid UTF-8"
printf 'code,name,provinceCode\n5203,"遵义市",53\n4190,"省直辖县级行政区划",41\n' > "$tmp/csv/cities.csv"
bad cities.csv 2 "parent code 53 not found"
printf 'code,name,provinceCode\n5203,"遵义市",52\n5203,"别的市",52\n' > "$tmp/csv/cities.csv"
bad cities.csv 3 "duplicate code 5203 (also in cities.csv line 2)"
rm "$tmp/csv/streets.csv"
out=$("$bin" "$tmp/csv" "$tmp/bad.idx" 2>&1); rc=$?
[ $rc -eq 1 ] || fail "missing csv: exit $rc"
case $out in *"cnkg: error: $tmp/csv/streets.csv: No such file"*"extract-division"*) ;;
  *) fail "missing csv: $out" ;; esac

if [ $fails -ne 0 ]; then echo "$fails failed"; exit 1; fi
echo "division tools: all passed"
