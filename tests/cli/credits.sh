#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Photo credits the furniture rules split from their caption (… 本报记者 X 摄):
# the name keeps the credit word that ends the caption, and a page a website
# carries (来源: some 网) does not make that site the employer of a 本报 reporter.
# Own sentences.
. "$(dirname "$0")/lib.bash"

printf '来源:山河新闻网\n\n湖南省隆回县六都寨镇大坪村位于山区。\n  村民在田里插秧，工作队员也来帮忙。 本报记者 钱立群 摄\n  今年以来，大坪村发展养蜂产业。\n' >"$TMP/a.txt"
run 0 "" build --provenance none -f turtle -o - "$TMP/a.txt"
"$CNKG" build --provenance none -f turtle -o "$TMP/a.ttl" "$TMP/a.txt" || fail "build failed"
q='SELECT ?t WHERE { ?p rdfs:label "钱立群"@zh ; cnkg:title ?t }'
check "\"\$CNKG\" query '$TMP/a.ttl' -e '$q' | grep -q 记者" "the split credit lost its 记者"
q='SELECT ?o WHERE { ?p rdfs:label "钱立群"@zh ; cnkg:associatedWith ?o }'
check "! \"\$CNKG\" query '$TMP/a.ttl' -e '$q' 2>/dev/null | grep -q '/organization/'" "a 本报 reporter placed at the website"
finish
