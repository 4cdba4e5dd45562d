#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Who a relation hangs on, on sentences written for the purpose: the place
# a team is named after, whose member its leader is too.
. "$(dirname "$0")/lib.bash"

# iris LABEL: the nodes labelled LABEL in $TMP/out
iris() { grep -F "<http://www.w3.org/2000/01/rdf-schema#label> \"$1\"@zh" "$TMP/out" | cut -d' ' -f1; }
# related SUBJECT PROPERTY OBJECT: a triple between nodes with those labels
related() {
  local s o
  for s in $(iris "$1"); do
    for o in $(iris "$3"); do
      grep -qF "$s <https://w3id.org/cnkg/ontology#$2> $o" "$TMP/out" && return 0
    done
  done
  return 1
}

# The head of a team named after a township (驻X镇…工作队) works in that
# township, not only in the team.
printf '县里派来的驻白石镇产业帮扶工作队队长王明说,今年要修路。\n' >"$TMP/a.txt"
run 0 "" build --provenance none -f ntriples -o - "$TMP/a.txt"
check "related 王明 associatedWith 白石镇产业帮扶工作队" "leader not in his team"
check "related 王明 associatedWith 白石镇" "leader not in the township his team is named after"
finish
