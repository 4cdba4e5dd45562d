/* SPDX-License-Identifier: Apache-2.0
 * A small graph for the writer tests that exercises every entity type, every
 * relation, provenance, a division-list ancestor and nasty strings (quotes,
 * backslashes, newlines, U+FFFD, control characters, DOT escapes).
 * Header-only (static functions) so each test executable gets its own copy. */
#ifndef CNKG_TEST_SAMPLE_GRAPH_H
#define CNKG_TEST_SAMPLE_GRAPH_H

#include <stdint.h>

#include "cnkg/graph.h"

#define SAMPLE_NASTY "引号\"反斜杠\\换行\n回车\r制表\t\x01\x1f\x7f替换\xef\xbf\xbd \\N\\G\\L{<}>|"

static inline size_t sample_entity(CnkgGraph *g, const char *key, CnkgType type,
                            const char *label, size_t doc, size_t begin) {
  size_t at = SIZE_MAX;
  if (cnkg_graph_add_entity(g, key, type, label, &at)) return SIZE_MAX;
  if (doc != SIZE_MAX)
    cnkg_graph_add_mention(g, at, doc, begin, begin + 3, label);
  return at;
}

/* One document, or (second = 1) another with overlapping entities. The
 * caller owns the result. */
static inline CnkgGraph *sample_graph(int second) {
  CnkgGraph *g = cnkg_graph_new();
  if (!g) return NULL;
  size_t d;
  CnkgDocument doc = {second ? "doc/2222222222222222" : "doc/1111111111111111",
                      second ? "/tmp/b.txt" : "corpus/a.txt",
                      second ? "22" : "11",
                      second ? NULL : "标题 " SAMPLE_NASTY,
                      second ? NULL : "张萌",
                      second ? NULL : "李四",
                      second ? NULL : "人民日报",
                      200,
                      second ? NULL : "2016-07-18"};
  cnkg_graph_add_document(g, &doc, &d);
  size_t prov = sample_entity(g, "place/15", CNKG_TYPE_PROVINCE, "内蒙古自治区",
                              second ? d : SIZE_MAX, 1);
  if (!second) cnkg_graph_mark_listed(g, prov, d);
  cnkg_graph_set_code(g, prov, "15", "内蒙古自治区");
  size_t pref = sample_entity(g, "place/1504", CNKG_TYPE_PREFECTURE, "赤峰市", d, 5);
  cnkg_graph_set_code(g, pref, "1504", "赤峰市");
  size_t county = sample_entity(g, "place/150421", CNKG_TYPE_COUNTY,
                                second ? "阿旗" : "阿鲁科尔沁旗", d, 10);
  cnkg_graph_set_code(g, county, "150421", "阿鲁科尔沁旗");
  size_t town = sample_entity(g, "place/150421100", CNKG_TYPE_TOWNSHIP, "天山镇", d, 20);
  size_t vil = sample_entity(g, "village/0123456789abcdef", CNKG_TYPE_VILLAGE,
                             "新平村", d, 30);
  size_t per = sample_entity(g, "person/0123456789abcdef", CNKG_TYPE_PERSON,
                             "谢丽君", d, 40);
  size_t ind = sample_entity(g, "industry/0123456789abcdef", CNKG_TYPE_INDUSTRY,
                             "绒山羊养殖", d, 50);
  size_t pol = sample_entity(g, "policy/0123456789abcdef", CNKG_TYPE_POLICY,
                             "四个不摘", d, 60);
  size_t org = sample_entity(g, "organization/0123456789abcdef",
                             CNKG_TYPE_ORGANIZATION, SAMPLE_NASTY, d, 70);
  size_t post = sample_entity(g, "post/0123456789abcdef", CNKG_TYPE_POST,
                              "新平村第一书记", SIZE_MAX, 0);
  cnkg_graph_add_alias(g, per, "谢书记\"x\"");
  CnkgEvidence ev = {d, 0, 42, "谢丽君是新平村第一书记。" SAMPLE_NASTY};
  cnkg_graph_add_relation(g, pref, CNKG_REL_LOCATED_IN, prov, NULL, NULL);
  cnkg_graph_add_relation(g, pref, CNKG_REL_WITHIN_DIVISION, prov, NULL, NULL);
  cnkg_graph_add_relation(g, county, CNKG_REL_LOCATED_IN, pref, NULL, &ev);
  cnkg_graph_add_relation(g, town, CNKG_REL_LOCATED_IN, county, NULL, &ev);
  cnkg_graph_add_relation(g, vil, CNKG_REL_LOCATED_IN, town, NULL, &ev);
  cnkg_graph_add_relation(g, per, CNKG_REL_ASSOCIATED_WITH, vil, NULL, &ev);
  cnkg_graph_add_relation(g, per, CNKG_REL_ASSOCIATED_WITH, org, NULL, &ev);
  cnkg_graph_add_relation(g, per, CNKG_REL_TITLE, SIZE_MAX, "第一书记", &ev);
  cnkg_graph_add_relation(g, vil, CNKG_REL_HAS_INDUSTRY, ind, NULL, &ev);
  cnkg_graph_add_relation(g, vil, CNKG_REL_IMPLEMENTS_POLICY, pol, NULL, &ev);
  cnkg_graph_add_relation(g, org, CNKG_REL_BASED_IN, vil, NULL, &ev);
  cnkg_graph_add_relation(g, per, CNKG_REL_HOLDS_POST, post, NULL, &ev);
  cnkg_graph_add_relation(g, post, CNKG_REL_POST_AT, vil, NULL, &ev);
  cnkg_graph_add_relation(g, post, CNKG_REL_POST_TITLE, SIZE_MAX, "第一书记", &ev);
  cnkg_graph_add_relation(g, post, CNKG_REL_POST_TIME, SIZE_MAX,
                          second ? "2019年" : "2018年", &ev);
  cnkg_graph_add_relation(g, org, CNKG_REL_TITLE, SIZE_MAX, SAMPLE_NASTY, NULL);
  /* time, events and figures */
  cnkg_graph_add_relation(g, post, CNKG_REL_START_DATE, SIZE_MAX, "2016", &ev);
  cnkg_graph_add_relation(g, post, CNKG_REL_END_DATE, SIZE_MAX, "2018-05", &ev);
  size_t exit = sample_entity(g, "exit/0123456789abcdef", CNKG_TYPE_EXIT,
                              "新平村脱贫 2017", SIZE_MAX, 0);
  cnkg_graph_add_relation(g, exit, CNKG_REL_CONCERNS, vil, NULL, &ev);
  cnkg_graph_add_relation(g, exit, CNKG_REL_DATE, SIZE_MAX, "2017", &ev);
  size_t plan = sample_entity(g, "plannedexit/0123456789abcdef", CNKG_TYPE_EXIT_PLANNED,
                              "阿鲁科尔沁旗计划摘帽 2018", SIZE_MAX, 0);
  cnkg_graph_add_relation(g, plan, CNKG_REL_CONCERNS, county, NULL, &ev);
  cnkg_graph_add_relation(g, plan, CNKG_REL_DATE, SIZE_MAX, "2018-12-31", &ev);
  size_t ind_people = sample_entity(g, "indicator/0123456789abcdef", CNKG_TYPE_INDICATOR,
                                    "贫困人口", SIZE_MAX, 0);
  size_t fig = sample_entity(g, "figure/0123456789abcdef", CNKG_TYPE_FIGURE,
                             "新平村贫困人口 17000人", SIZE_MAX, 0);
  cnkg_graph_add_relation(g, fig, CNKG_REL_CONCERNS, vil, NULL, &ev);
  cnkg_graph_add_relation(g, fig, CNKG_REL_INDICATOR, ind_people, NULL, &ev);
  cnkg_graph_add_relation(g, fig, CNKG_REL_VALUE, SIZE_MAX, "17000", &ev);
  cnkg_graph_add_relation(g, fig, CNKG_REL_UNIT, SIZE_MAX, "人", &ev);
  cnkg_graph_add_relation(g, fig, CNKG_REL_DATE, SIZE_MAX, "2016", &ev);
  cnkg_graph_add_relation(g, fig, CNKG_REL_IS_TARGET, SIZE_MAX, "true", &ev);
  return g;
}

#endif
