#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Who a relation hangs on, on sentences written for the purpose: the place
# a team is named after, whose member its leader is too; the province of
# a provincial title; the company 该公司 points at; the villages a person
# moved from and into, and their old home.
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
# A provincial title (省委书记, 副省长) with no province named in it is held
# in the province the text last named.
printf '浙江省各地正在抓紧春耕。\n在当天召开的省委农业工作会议上,省委书记王海涛强调要稳住粮食生产。\n' >"$TMP/b.txt"
run 0 "" build --provenance none -f ntriples -o - "$TMP/b.txt"
check "related 王海涛 associatedWith 浙江省" "provincial title not tied to the province"
# 该公司董事长X: the company named last before, in an earlier sentence too.
printf '青山县绿源茶叶有限责任公司主营高山茶,产品远销省外。\n该公司董事长刘建华从小就跟着父亲种茶。\n' >"$TMP/c.txt"
run 0 "" build --provenance none -f ntriples -o - "$TMP/c.txt"
check "related 刘建华 associatedWith 青山县绿源茶叶有限责任公司" "该公司 not the company named before"
# Where the one person of a sentence lived before a move (从X村搬迁到Y).
printf '去年秋天,从石门县云雾乡高坡村搬迁到县城幸福小区的王桂兰,在社区工厂找到了工作。\n赵大勇一家五口,前年从老家青石镇白杨村来到了新区。\n' >"$TMP/d.txt"
run 0 "" build --provenance none -f ntriples -o - "$TMP/d.txt"
check "related 王桂兰 associatedWith 高坡村" "mover not tied to the village moved from (before the name)"
check "related 赵大勇 associatedWith 白杨村" "mover not tied to the village moved from (after the name)"
# Where a person's old home lies (X原来的老宅位于Y村, X的老家位于Y村).
printf '张秀英原来的老宅位于石门县云雾乡高坡村,离镇上有二十里山路。\n' >"$TMP/e.txt"
run 0 "" build --provenance none -f ntriples -o - "$TMP/e.txt"
check "related 张秀英 associatedWith 高坡村" "old home not tied to its owner"
# Where a person moves in (X一家入住Y, X搬进了Y).
printf '今年开春,李光明一家入住石门县云雾乡幸福新村,孩子上学近了。\n' >"$TMP/f.txt"
run 0 "" build --provenance none -f ntriples -o - "$TMP/f.txt"
check "related 李光明 associatedWith 幸福新村" "new home not tied to the family moving in"
finish
