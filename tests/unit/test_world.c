/* SPDX-License-Identifier: Apache-2.0
 * Tests for extractor/world.c on sentences written for the purpose:
 * countries by their short and official Chinese names (ISO 3166-1 keys),
 * China's one-character abbreviations only in pairs with a cue (中美关系,
 * not 集中美化), names inside other words left alone (增加纳税 is not 加纳,
 * 内蒙古 not 蒙古), rivers, lakes, mountains, continents and regions, Hong
 * Kong within China, every province within China, cities abroad within
 * their countries (纽约 in country/US, not 罗马 of 罗马尼亚 nor 柏林村), and
 * the generated country and city tables themselves. Runs the whole extractor, without the analyser and, when
 * $CNKG_DATA has the LAC model, with it (the suffix rules need it). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "cnkg/graph.h"
#include "cnkg/text.h"
#include "extractor/extract.h"
#include "extractor/world_table.h"

static CnkgGraph *build(CnkgWorker *w, const char *text) {
  CnkgGraph *g = cnkg_graph_new();
  CHECK(g != NULL);
  CHECK_EQ(cnkg_worker_document(w, "t.txt", text, strlen(text), NULL, g), CNKG_SUCCESS);
  CHECK_EQ(cnkg_graph_canonicalize(g), CNKG_SUCCESS);
  return g;
}

static size_t find(const CnkgGraph *g, const char *key) {
  size_t i;
  return cnkg_graph_find_entity(g, key, &i) == CNKG_SUCCESS ? i : SIZE_MAX;
}

/* The entity of type t labelled label, or SIZE_MAX. */
static size_t find_label(const CnkgGraph *g, CnkgType t, const char *label) {
  for (size_t i = 0; i < cnkg_graph_entity_count(g); i++) {
    const CnkgEntity *e = cnkg_graph_entity(g, i);
    if (e->type == t && !strcmp(e->label, label)) return i;
  }
  return SIZE_MAX;
}

static size_t count_type(const CnkgGraph *g, CnkgType t) {
  size_t n = 0;
  for (size_t i = 0; i < cnkg_graph_entity_count(g); i++) n += cnkg_graph_entity(g, i)->type == t;
  return n;
}

static bool related(const CnkgGraph *g, size_t s, CnkgRel rel, size_t o) {
  for (size_t i = 0; i < cnkg_graph_relation_count(g); i++) {
    const CnkgRelation *r = cnkg_graph_relation(g, i);
    if (r->subject == s && r->rel == rel && r->object == o) return true;
  }
  return false;
}

static void test_table(void) {
  CHECK(cnkg_world_n_countries >= 240);
  CHECK(strstr(cnkg_world_source, "iso-codes") != NULL);
  bool cn = false, us = false, bad = false;
  for (size_t i = 0; i < cnkg_world_n_countries; i++) {
    const CnkgCountryRow *c = &cnkg_world_countries[i];
    CHECK(c->forms[0] != NULL);
    for (size_t k = 0; c->forms[k]; k++) {
      /* a state-form suffix cut leaves a name, never half of one */
      if (!strcmp(c->forms[k], "大韩民") || !strcmp(c->forms[k], "中华")) bad = true;
      if (!strcmp(c->alpha2, "CN") && !strcmp(c->forms[k], "中华人民共和国")) cn = true;
      if (!strcmp(c->alpha2, "US") && !strcmp(c->forms[k], "美利坚合众国")) us = true;
    }
    /* 刚果 is the Republic of the Congo's own name: not derived for the DR */
    if (!strcmp(c->alpha2, "CD"))
      for (size_t k = 0; c->forms[k]; k++) CHECK(strcmp(c->forms[k], "刚果") != 0);
  }
  CHECK(cn);
  CHECK(us);
  CHECK(!bad);
}

static void test_city_table(void) {
  CHECK(cnkg_world_n_cities >= 300);
  CHECK(strstr(cnkg_world_city_source, "unicode-cldr-core") != NULL);
  bool ny = false, london = false;
  for (size_t i = 0; i < cnkg_world_n_cities; i++) {
    const CnkgCityRow *c = &cnkg_world_cities[i];
    CHECK(cnkg_utf8_count(c->zh, strlen(c->zh)) >= 2);
    CHECK(strlen(c->alpha2) == 2);
    CHECK(strncmp(c->key, "city/", 5) == 0);
    for (const char *k = c->key; *k; k++) CHECK((unsigned char)*k < 0x80); /* ASCII IRIs */
    /* China's own zones are the division list's and the country table's */
    CHECK(strcmp(c->alpha2, "CN") && strcmp(c->alpha2, "HK") && strcmp(c->alpha2, "TW"));
    if (!strcmp(c->zh, "纽约")) {
      ny = true;
      CHECK_STR(c->key, "city/us-new-york");
      CHECK_STR(c->en, "New York");
      CHECK_STR(c->alpha2, "US");
    }
    if (!strcmp(c->zh, "伦敦")) london = !strcmp(c->alpha2, "GB");
    CHECK(strcmp(c->zh, "达尔文") != 0); /* a person as often */
  }
  CHECK(ny);
  CHECK(london);
}

static void test_cities(CnkgWorker *w) {
  CnkgGraph *g = build(w, "他曾在纽约和伦敦工作，后来到东京、墨尔本市和罗马开会。\n");
  static const struct { const char *key, *country; } WANT[] = {
      {"city/us-new-york", "country/US"}, {"city/gb-london", "country/GB"},
      {"city/jp-tokyo", "country/JP"},    {"city/au-melbourne", "country/AU"},
      {"city/it-rome", "country/IT"}};
  for (size_t k = 0; k < sizeof WANT / sizeof *WANT; k++) {
    size_t c = find(g, WANT[k].key), n = find(g, WANT[k].country);
    CHECK(c != SIZE_MAX && n != SIZE_MAX);
    if (c == SIZE_MAX || n == SIZE_MAX) continue;
    CHECK_EQ(cnkg_graph_entity(g, c)->type, CNKG_TYPE_CITY);
    CHECK_EQ(cnkg_graph_entity(g, n)->type, CNKG_TYPE_COUNTRY);
    CHECK(related(g, c, CNKG_REL_WITHIN_DIVISION, n));
    /* the country is supplied, not named */
    CHECK_EQ(cnkg_graph_entity(g, n)->n_mentions, 0);
  }
  size_t mel = find(g, "city/au-melbourne");
  if (mel != SIZE_MAX) CHECK_STR(cnkg_graph_entity(g, mel)->label, "墨尔本");
  CHECK_STR(cnkg_graph_entity(g, find(g, "country/US"))->label, "美国");
  cnkg_graph_free(g);

  /* a country's name, a longer country name, a village, a person */
  g = build(w, "罗马尼亚和新加坡的客商来到柏林村，读了达尔文的书。\n");
  CHECK(find(g, "country/RO") != SIZE_MAX);
  CHECK(find(g, "country/SG") != SIZE_MAX);
  CHECK(count_type(g, CNKG_TYPE_CITY) == 0);
  cnkg_graph_free(g);

  /* named country and city: one country node, named */
  g = build(w, "美国纽约的客商来了。\n");
  size_t us = find(g, "country/US"), ny = find(g, "city/us-new-york");
  CHECK(us != SIZE_MAX && ny != SIZE_MAX);
  if (us != SIZE_MAX && ny != SIZE_MAX) {
    CHECK(related(g, ny, CNKG_REL_WITHIN_DIVISION, us));
    CHECK_EQ(cnkg_graph_entity(g, us)->n_mentions, 1);
  }
  cnkg_graph_free(g);
}

static void test_sentences(CnkgWorker *w, bool lac) {
  CnkgGraph *g = build(w, "代表团访问了美国、日本和德国，还到了大韩民国。\n"
                          "美利坚合众国的客商也来了。\n");
  size_t us = find(g, "country/US");
  CHECK(us != SIZE_MAX);
  CHECK(find(g, "country/JP") != SIZE_MAX);
  CHECK(find(g, "country/DE") != SIZE_MAX);
  CHECK(find(g, "country/KR") != SIZE_MAX);
  if (us != SIZE_MAX) {
    const CnkgEntity *e = cnkg_graph_entity(g, us);
    CHECK_EQ(e->type, CNKG_TYPE_COUNTRY);
    CHECK_STR(e->label, "美国"); /* the short name, whatever form the text used */
    CHECK_EQ(e->n_mentions, 2);
  }
  cnkg_graph_free(g);

  /* abbreviations: in pairs with a cue only */
  g = build(w, "中美关系和中非合作论坛备受关注，欧美国家也在观望。\n"
               "村里集中美化了村容村貌，增加纳税人收入。\n");
  CHECK(find(g, "country/CN") != SIZE_MAX);
  us = find(g, "country/US");
  CHECK(us != SIZE_MAX);
  if (us != SIZE_MAX) CHECK_EQ(cnkg_graph_entity(g, us)->n_mentions, 2); /* 中美, 欧美 */
  CHECK(find_label(g, CNKG_TYPE_CONTINENT, "非洲") != SIZE_MAX);
  CHECK(find_label(g, CNKG_TYPE_CONTINENT, "欧洲") != SIZE_MAX);
  CHECK(find(g, "country/GH") == SIZE_MAX); /* 增加纳税 */
  CHECK(find(g, "country/CF") == SIZE_MAX); /* 中非 with a cue is China-Africa */
  cnkg_graph_free(g);

  g = build(w, "内蒙古自治区赤峰市的牧民在草原上放牧。\n"
               "朝鲜族群众和蒙古族牧民住在蒙古包里。\n"
               "黑山村的村民发展荷兰豆种植，防治美国白蛾。\n");
  CHECK(find(g, "country/MN") == SIZE_MAX); /* 内蒙古, 蒙古族, 蒙古包 */
  CHECK(find(g, "country/KP") == SIZE_MAX); /* 朝鲜族: a people */
  CHECK(find(g, "country/ME") == SIZE_MAX); /* 黑山村: a village */
  CHECK(find(g, "country/NL") == SIZE_MAX); /* 荷兰豆: a crop */
  CHECK(find(g, "country/US") == SIZE_MAX); /* 美国白蛾: a pest */
  cnkg_graph_free(g);

  /* rivers, lakes, mountains, continents, regions */
  g = build(w, "长江和黄河流经多个省份，洞庭湖边的村庄靠近太行山。\n"
               "大别山区的茶叶销往亚洲各地。\n");
  CHECK(find_label(g, CNKG_TYPE_RIVER, "长江") != SIZE_MAX);
  CHECK(find_label(g, CNKG_TYPE_RIVER, "黄河") != SIZE_MAX);
  CHECK(find_label(g, CNKG_TYPE_LAKE, "洞庭湖") != SIZE_MAX);
  CHECK(find_label(g, CNKG_TYPE_MOUNTAIN, "太行山") != SIZE_MAX);
  CHECK(find_label(g, CNKG_TYPE_REGION, "大别山区") != SIZE_MAX);
  CHECK(find_label(g, CNKG_TYPE_MOUNTAIN, "大别山") == SIZE_MAX);
  CHECK(find_label(g, CNKG_TYPE_CONTINENT, "亚洲") != SIZE_MAX);
  cnkg_graph_free(g);

  /* a feature's name inside a local place's name is not the feature */
  g = build(w, "村委会设在长江路，黄河村和泰山村的村民都来了。\n");
  CHECK(count_type(g, CNKG_TYPE_RIVER) == 0);
  CHECK(count_type(g, CNKG_TYPE_MOUNTAIN) == 0);
  cnkg_graph_free(g);

  /* every province within China; China supplied, not named */
  g = build(w, "贵州省遵义市绥阳县发展茶叶产业，云南省元谋县发展蔬菜产业。\n");
  size_t cn = find(g, "country/CN"), gz = find(g, "place/52"), yn = find(g, "place/53");
  CHECK(cn != SIZE_MAX && gz != SIZE_MAX && yn != SIZE_MAX);
  if (cn != SIZE_MAX && gz != SIZE_MAX && yn != SIZE_MAX) {
    CHECK(related(g, gz, CNKG_REL_WITHIN_DIVISION, cn));
    CHECK(related(g, yn, CNKG_REL_WITHIN_DIVISION, cn));
    const CnkgEntity *c = cnkg_graph_entity(g, cn);
    CHECK_STR(c->label, "中国");
    CHECK_EQ(c->n_mentions, 0);
    CHECK(c->flags & CNKG_ENTITY_FROM_DIVISION_LIST);
  }
  cnkg_graph_free(g);

  /* China named; Hong Kong and Taiwan are provinces of it */
  g = build(w, "中华人民共和国香港特别行政区的企业与台湾的客商洽谈合作。\n");
  cn = find(g, "country/CN");
  size_t hk = find(g, "place/CN-HK"), tw = find(g, "place/CN-TW");
  CHECK(cn != SIZE_MAX && hk != SIZE_MAX && tw != SIZE_MAX);
  if (cn != SIZE_MAX && hk != SIZE_MAX && tw != SIZE_MAX) {
    CHECK_EQ(cnkg_graph_entity(g, hk)->type, CNKG_TYPE_PROVINCE);
    CHECK_STR(cnkg_graph_entity(g, hk)->label, "香港特别行政区");
    CHECK_STR(cnkg_graph_entity(g, tw)->label, "台湾省");
    CHECK(related(g, hk, CNKG_REL_WITHIN_DIVISION, cn));
    CHECK(related(g, tw, CNKG_REL_WITHIN_DIVISION, cn));
    CHECK_EQ(cnkg_graph_entity(g, cn)->n_mentions, 1);
    CHECK(!(cnkg_graph_entity(g, cn)->flags & CNKG_ENTITY_FROM_DIVISION_LIST));
  }
  cnkg_graph_free(g);

  if (lac) {
    /* suffix rules on the analyser's place words; never a city's name */
    g = build(w, "村民们沿着白马河修建了步道，登上鸡冠山可以看到整个村子。\n"
                 "九江和佛山的客商也来到村里。\n");
    CHECK(find_label(g, CNKG_TYPE_RIVER, "九江") == SIZE_MAX);
    CHECK(find_label(g, CNKG_TYPE_MOUNTAIN, "佛山") == SIZE_MAX);
    CHECK(count_type(g, CNKG_TYPE_RIVER) + count_type(g, CNKG_TYPE_MOUNTAIN) >= 1);
    cnkg_graph_free(g);
  }
}

int main(void) {
  test_table();
  test_city_table();
  const char *data = check_env("CNKG_DATA", NULL);
  if (!data) SKIP("CNKG_DATA not set");
  for (int mode = 0; mode < 2; mode++) {
    CnkgExtractorConfig cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.data_dir = data;
    cfg.fast = mode == 0;
    char err[512] = "";
    CnkgExtractor *ex = NULL;
    if (cnkg_extractor_new(&cfg, &ex, err, sizeof err) != CNKG_SUCCESS) {
      if (mode == 0) SKIP("no division index in $CNKG_DATA");
      printf("no LAC model: %s (suffix rules untested)\n", err);
      break;
    }
    CnkgWorker *w = NULL;
    CHECK_EQ(cnkg_worker_new(ex, &w, err, sizeof err), CNKG_SUCCESS);
    if (w) test_sentences(w, mode == 1);
    if (w) test_cities(w);
    cnkg_worker_free(w);
    cnkg_extractor_free(ex);
  }
  return check_finish();
}
