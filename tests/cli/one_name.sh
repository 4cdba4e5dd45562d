#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# One name, one entity within a document (issue 18): over the shared corpus
# ($CNKG_SHARED/corpus) and the development texts ($CNKG_DEV_TEXTS, default
# ~/.cache/cnkg-dev; never part of the repository), no document has two
# entities of the same type and label unless the text puts them in
# different places: two places need different containers (locatedIn), two
# persons different places or bodies (associatedWith). Skips when neither
# set of texts is there.
. "$(dirname "$0")/lib.bash"

# Own sentences. A sector word read both as a sector and as a product
# line is one industry.
printf '杭锦旗从事沙草产业的牧民有两千多人。\n' >"$TMP/a.txt"
run 0 "" build --provenance none -f ntriples -o - "$TMP/a.txt"
check "[ \"\$(labels Industry | sort | uniq -d)\" = '' ]" "one span, two industries: $(labels Industry | tr '\n' ' ')"
# A village whose name the analyser reads with 和 cut off (曾任|和家坡村
# as 任和|家坡村) is the listed village the text names in full.
printf '襄垣县下良镇和家坡村今年修通了水泥路。\n\n曾任和家坡村党支部书记的王大爷也来看了通车仪式。\n' >"$TMP/b.txt"
run 0 "" build --provenance none -f ntriples -o - "$TMP/b.txt"
check "[ \"\$(labels Village | sort -u)\" = 和家坡村 ]" "one village, not: $(labels Village | tr '\n' ' ')"

dirs=()
[ -d "${CNKG_SHARED:-/nonexistent}/corpus" ] && dirs+=("$CNKG_SHARED/corpus")
dev="${CNKG_DEV_TEXTS:-$HOME/.cache/cnkg-dev}"
[ -d "$dev" ] && dirs+=("$dev")
if [ "${#dirs[@]}" -eq 0 ]; then
  echo "note: no corpus (\$CNKG_SHARED/corpus) or dev texts ($dev); own sentences only"
  finish
  exit $?
fi
n=0
for d in "${dirs[@]}"; do
  for f in "$d"/*.txt; do
    [ -e "$f" ] || continue
    n=$((n + 1))
    run 0 "" build --provenance none -f ntriples -o - "$f"
    # subject type label, and per subject its sorted containers/ties
    splits=$(awk '
      function obj(s) { sub(/ \.$/, "", s); return s }
      {
        s = $1; p = $2; o = $0; sub(/^[^ ]+ [^ ]+ /, "", o); o = obj(o)
        if (p ~ /22-rdf-syntax-ns#type>$/ && o ~ /\/ontology#/) {
          t = o; sub(/.*#/, "", t); sub(/>$/, "", t); type[s] = t
        } else if (p ~ /rdf-schema#label>$/) {
          lab[s] = lab[s] SUBSEP o
        } else if (p ~ /#locatedIn>$/ || p ~ /#associatedWith>$/) {
          tie[s] = tie[s] " " o
        }
      }
      END {
        for (s in type) {
          t = type[s]
          # the named kinds only (a post, a document, an event or a figure
          # is a fact about them, and one text may state two alike)
          if (t !~ /^(Person|Province|Prefecture|County|Township|Village|Industry|Policy|Organization)$/) continue
          m = split(lab[s], ls, SUBSEP)
          for (i = 2; i <= m; i++) {
            k = t "\t" ls[i]
            if (k in first) {
              a = first[k]
              # different places stated by the text: both tied, differently
              if (tie[a] != "" && tie[s] != "" && tie[a] != tie[s]) continue
              print k
            } else first[k] = s
          }
        }
      }' "$TMP/out" | sort -u)
    check "[ -z \"\$splits\" ]" "$(basename "$f"): two entities for one name: $(echo $splits)"
  done
done
check "[ $n -gt 0 ]" "no texts found in ${dirs[*]}"
finish
