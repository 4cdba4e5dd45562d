/* SPDX-License-Identifier: Apache-2.0
 * Tests for extractor/place.c on short texts written for the purpose:
 * address chains split into levels and linked, words that merely contain a
 * suffix, short forms, an ambiguous village left unlinked, a variant
 * character, long names past the index's prefix filter, ancestors completed
 * from the list. Needs build/data/division.idx
 * (CNKG_DATA); runs without the LAC model (rules and the list only). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "cnkg/graph.h"
#include "cnkg/text.h"
#include "extractor/docstate.h"
#include "extractor/division.h"
#include "extractor/place.h"
#include "extractor/recognizers.h"

static CnkgDivision *g_div;
static CnkgPlaceRecognizer *g_rec;

/* A CnkgText made by hand: the original is the normalised text; sentences
 * end at 。 or a line break; a line without 。 is a heading. */
static CnkgText *make_text(const char *s) {
  CnkgText *t = calloc(1, sizeof *t);
  size_t n = strlen(s);
  t->orig = cnkg_strndup(s, n);
  t->norm = cnkg_strndup(s, n);
  t->orig_len = t->norm_len = n;
  t->map = malloc((n + 1) * sizeof *t->map);
  t->map_end = malloc((n + 1) * sizeof *t->map_end);
  size_t i = 0, cp = 0;
  while (i < n) {
    size_t start = i;
    cnkg_utf8_next(s, n, &i);
    for (size_t b = start; b < i; b++) {
      t->map[b] = cp;
      t->map_end[b] = cp + 1;
    }
    cp++;
  }
  t->map[n] = t->map_end[n] = cp;
  t->orig_chars = cp;
  t->sentences = calloc(n + 1, sizeof *t->sentences);
  size_t para = 0, line = 0;
  while (line < n) {
    const char *nl = memchr(s + line, '\n', n - line);
    size_t lend = nl ? (size_t)(nl - s) : n;
    bool heading = true;
    for (size_t x = line; x + 3 <= lend; x++)
      if (memcmp(s + x, "。", 3) == 0) heading = false;
    size_t begin = line;
    for (size_t x = line; x <= lend; x++) {
      bool stop = x == lend || (x + 3 <= lend && memcmp(s + x, "。", 3) == 0);
      if (!stop) continue;
      size_t end = x == lend ? lend : x + 3;
      if (end > begin) {
        CnkgSentence *se = &t->sentences[t->n_sentences++];
        se->begin = begin;
        se->end = end;
        se->paragraph = para;
        se->heading = heading;
      }
      begin = end;
      x = end > x ? end - 1 : x;
    }
    para++;
    line = lend + 1;
  }
  return t;
}

static void free_text(CnkgText *t) {
  free(t->orig);
  free(t->norm);
  free(t->map);
  free(t->map_end);
  free(t->sentences);
  free(t);
}

typedef struct {
  CnkgText *text;
  CnkgGraph *graph;
  CnkgDocState st;
} Doc;

static void run(Doc *d, const char *s) {
  memset(d, 0, sizeof *d);
  d->text = make_text(s);
  d->graph = cnkg_graph_new();
  CnkgDocument doc = {0};
  doc.key = "doc/0000000000000000";
  doc.path = "test";
  size_t di = 0;
  CHECK_EQ(cnkg_graph_add_document(d->graph, &doc, &di), CNKG_SUCCESS);
  d->st.name = "test";
  d->st.text = d->text;
  d->st.division = g_div;
  d->st.graph = d->graph;
  d->st.doc = di;
  d->st.focus_place = SIZE_MAX;
  CHECK_EQ(cnkg_place_run(g_rec, &d->st), CNKG_SUCCESS);
}

/* With CNKG_TEST_VERBOSE set, lists the places found (for debugging). */
static void dump(const Doc *d) {
  if (!getenv("CNKG_TEST_VERBOSE")) return;
  for (size_t i = 0; i < cnkg_graph_entity_count(d->graph); i++) {
    const CnkgEntity *e = cnkg_graph_entity(d->graph, i);
    printf("  %s %s %s code=%s mentions=%zu flags=%u\n", e->key,
           cnkg_type_name(e->type), e->label, e->code ? e->code : "-",
           e->n_mentions, e->flags);
  }
}

static void done(Doc *d) {
  dump(d);
  cnkg_docstate_clear(&d->st);
  cnkg_graph_free(d->graph);
  free_text(d->text);
}

/* The entity labelled or aliased name, or NULL. */
static const CnkgEntity *find(const Doc *d, const char *name, size_t *index) {
  for (size_t i = 0; i < cnkg_graph_entity_count(d->graph); i++) {
    const CnkgEntity *e = cnkg_graph_entity(d->graph, i);
    bool hit = strcmp(e->label, name) == 0;
    for (size_t a = 0; a < e->n_aliases && !hit; a++) hit = strcmp(e->aliases[a], name) == 0;
    if (hit) {
      if (index) *index = i;
      return e;
    }
  }
  return NULL;
}

static size_t count_places(const Doc *d, bool mentioned_only) {
  size_t n = 0;
  for (size_t i = 0; i < cnkg_graph_entity_count(d->graph); i++) {
    const CnkgEntity *e = cnkg_graph_entity(d->graph, i);
    if (cnkg_type_is_place(e->type) && (!mentioned_only || e->n_mentions)) n++;
  }
  return n;
}

static bool has_relation(const Doc *d, CnkgRel rel, const char *a, const char *b) {
  size_t x, y;
  if (!find(d, a, &x) || !find(d, b, &y)) return false;
  for (size_t i = 0; i < cnkg_graph_relation_count(d->graph); i++) {
    const CnkgRelation *r = cnkg_graph_relation(d->graph, i);
    if (r->rel == rel && r->subject == x && r->object == y) return true;
  }
  return false;
}

static bool located_in(const Doc *d, const char *a, const char *b) {
  return has_relation(d, CNKG_REL_LOCATED_IN, a, b);
}

static void check_place(const Doc *d, const char *name, CnkgType type, const char *code) {
  const CnkgEntity *e = find(d, name, NULL);
  CHECK(e != NULL);
  if (!e) {
    printf("  missing place %s\n", name);
    return;
  }
  CHECK_EQ(e->type, type);
  if (code) CHECK_STR(e->code, code);
  else CHECK(e->code == NULL);
}

static void test_chain(void) {
  Doc d;
  run(&d, "江苏省无锡市江阴市长泾镇习礼村的村民正在采摘葡萄。");
  CHECK_EQ(count_places(&d, true), 5);
  check_place(&d, "江苏省", CNKG_TYPE_PROVINCE, "32");
  check_place(&d, "无锡市", CNKG_TYPE_PREFECTURE, "3202");
  check_place(&d, "江阴市", CNKG_TYPE_COUNTY, "320281");
  check_place(&d, "长泾镇", CNKG_TYPE_TOWNSHIP, "320281110");
  check_place(&d, "习礼村", CNKG_TYPE_VILLAGE, "320281110203");
  CHECK(located_in(&d, "习礼村", "长泾镇"));
  CHECK(located_in(&d, "长泾镇", "江阴市"));
  CHECK(located_in(&d, "江阴市", "无锡市"));
  CHECK(located_in(&d, "无锡市", "江苏省"));
  CHECK(find(&d, "市长", NULL) == NULL);
  const CnkgEntity *e = find(&d, "习礼村", NULL);
  CHECK(e && strcmp(e->key, "place/320281110203") == 0);
  CHECK(d.st.n_spans == 5);
  done(&d);
}

static void test_not_places(void) {
  Doc d;
  run(&d, "市长在县委常委会上强调，要以乡村振兴为抓手，村干部和镇党委要带头，全县上下齐心协力。");
  CHECK_EQ(count_places(&d, false), 0);
  done(&d);
}

static void test_short_forms(void) {
  Doc d;
  run(&d, "浙江省丽水市松阳县大力发展茶叶产业。\n松阳的茶农今年人均增收三千元，松阳县委书记到茶园调研。");
  check_place(&d, "松阳县", CNKG_TYPE_COUNTY, "331124");
  size_t a, b;
  CHECK(find(&d, "松阳", &a) != NULL);
  CHECK(find(&d, "松阳县", &b) != NULL);
  CHECK_EQ(a, b);
  const CnkgEntity *e = find(&d, "松阳县", NULL);
  CHECK(e && strcmp(e->label, "松阳县") == 0);
  CHECK(d.st.focus_place == b);
  done(&d);
  run(&d, "贵州省黔东南州的苗绣走出了大山。");
  check_place(&d, "黔东南州", CNKG_TYPE_PREFECTURE, "5226");
  e = find(&d, "黔东南州", NULL);
  CHECK(e && e->official && strcmp(e->official, "黔东南苗族侗族自治州") == 0);
  CHECK(located_in(&d, "黔东南州", "贵州省"));
  done(&d);
}

static void test_ambiguous(void) {
  Doc d;
  run(&d, "红旗村的村民今年种植了五百亩玉米。");
  const CnkgEntity *e = find(&d, "红旗村", NULL);
  CHECK(e != NULL);
  if (e) {
    CHECK_EQ(e->type, CNKG_TYPE_VILLAGE);
    CHECK(e->code == NULL);
    CHECK(strncmp(e->key, "village/", 8) == 0);
  }
  done(&d);
  /* Two different 红旗村 under different townships never merge. */
  run(&d, "江阴市长泾镇红旗村和松阳县古市镇红旗村结成了对子。");
  size_t n = 0;
  for (size_t i = 0; i < cnkg_graph_entity_count(d.graph); i++) {
    const CnkgEntity *x = cnkg_graph_entity(d.graph, i);
    if (strcmp(x->label, "红旗村") == 0) n++;
  }
  CHECK_EQ(n, 2);
  done(&d);
}

static void test_variant(void) {
  Doc d;
  run(&d, "石家庄市正定县南牛镇侯家庄村建起了蔬菜大棚。");
  check_place(&d, "侯家庄村", CNKG_TYPE_VILLAGE, "130123106204");
  done(&d);
}

/* The prefix filter of the index must let through every length that
 * exists: long official names, names whose first characters the text
 * writes as a variant (候 for the list's 侯), and two-character ones. */
static void test_prefix_filter(void) {
  Doc d;
  run(&d, "石家庄市正定县南牛镇候家庄村建起了蔬菜大棚。");
  check_place(&d, "候家庄村", CNKG_TYPE_VILLAGE, "130123106204");
  done(&d);
  run(&d, "贵州省黔东南苗族侗族自治州雷山县西江镇的苗寨迎来游客。");
  check_place(&d, "黔东南苗族侗族自治州", CNKG_TYPE_PREFECTURE, "5226");
  check_place(&d, "雷山县", CNKG_TYPE_COUNTY, "522634");
  done(&d);
  run(&d, "新疆维吾尔自治区伊犁哈萨克自治州察布查尔锡伯自治县的稻米远销各地。");
  check_place(&d, "新疆维吾尔自治区", CNKG_TYPE_PROVINCE, "65");
  check_place(&d, "伊犁哈萨克自治州", CNKG_TYPE_PREFECTURE, "6540");
  check_place(&d, "察布查尔锡伯自治县", CNKG_TYPE_COUNTY, "654022");
  done(&d);
}

static void test_ancestors(void) {
  Doc d;
  run(&d, "江阴市长泾镇的纺织企业吸纳了大量农村劳动力。");
  check_place(&d, "长泾镇", CNKG_TYPE_TOWNSHIP, "320281110");
  const CnkgEntity *p = find(&d, "江苏省", NULL);
  CHECK(p != NULL);
  if (p) {
    CHECK(p->flags & CNKG_ENTITY_FROM_DIVISION_LIST);
    CHECK_EQ(p->n_mentions, 0);
  }
  const CnkgEntity *c = find(&d, "江阴市", NULL);
  CHECK(c && !(c->flags & CNKG_ENTITY_FROM_DIVISION_LIST) && c->n_mentions == 1);
  /* Containment through places the text never names is the list's. */
  CHECK(has_relation(&d, CNKG_REL_WITHIN_DIVISION, "无锡市", "江苏省"));
  CHECK(has_relation(&d, CNKG_REL_WITHIN_DIVISION, "江阴市", "无锡市"));
  CHECK(!located_in(&d, "江阴市", "无锡市"));
  done(&d);
}

static void test_context(void) {
  Doc d;
  /* The section is about 正定县; the village is named alone later. */
  run(&d, "正定县南牛镇\n记者来到南牛镇，侯家庄村的大棚里一片忙碌。");
  check_place(&d, "侯家庄村", CNKG_TYPE_VILLAGE, "130123106204");
  CHECK(located_in(&d, "侯家庄村", "南牛镇"));
  size_t e;
  CHECK(find(&d, "侯家庄村", &e) != NULL);
  size_t s1 = 1;
  size_t near = cnkg_place_nearest(&d.st, s1, d.text->sentences[s1].end);
  CHECK_EQ(near, e);
  done(&d);
}

static void test_enumeration(void) {
  Doc d;
  run(&d, "松阳县古市镇\n古市镇把茶叶作为主导产业，筏铺、黄圩、寺口3个村的茶园面积超过五千亩。");
  check_place(&d, "筏铺", CNKG_TYPE_VILLAGE, "331124101210");
  check_place(&d, "黄圩", CNKG_TYPE_VILLAGE, "331124101220");
  check_place(&d, "寺口", CNKG_TYPE_VILLAGE, "331124101222");
  CHECK(located_in(&d, "寺口", "古市镇"));
  done(&d);
}

static size_t count_label(const Doc *d, const char *label) {
  size_t n = 0;
  for (size_t i = 0; i < cnkg_graph_entity_count(d->graph); i++)
    if (strcmp(cnkg_graph_entity(d->graph, i)->label, label) == 0) n++;
  return n;
}

static void test_one_sense(void) {
  Doc d;
  /* An unlisted village named once under its township and later under
   * just the county is one village, hanging on the township. */
  run(&d, "松阳县古市镇白鹭湾村的茶园扩大了。\n松阳县白鹭湾村去年还是贫困村。");
  CHECK_EQ(count_label(&d, "白鹭湾村"), 1);
  CHECK(located_in(&d, "白鹭湾村", "古市镇"));
  done(&d);
  /* Under two townships of different counties: two villages. */
  run(&d, "松阳县古市镇白鹭湾村的茶园扩大了。\n江阴市长泾镇白鹭湾村去年还是贫困村。");
  CHECK_EQ(count_label(&d, "白鹭湾村"), 2);
  done(&d);
}

static void test_one_name(void) {
  Doc d;
  /* A bare mention next to another county is not placed there: the
   * village keeps the township its first mention names. */
  run(&d, "松阳县古市镇白鹭湾村的茶园扩大了。\n记者来到江阴市采访。白鹭湾村去年还是贫困村。");
  CHECK_EQ(count_label(&d, "白鹭湾村"), 1);
  CHECK(located_in(&d, "白鹭湾村", "古市镇"));
  CHECK(!located_in(&d, "白鹭湾村", "江阴市"));
  done(&d);
  /* The text's chain wins over the list: it puts 寺口村 under 大东坝镇,
   * where the list has none, so a bare 寺口村 is that village too, not
   * the listed one of another township. */
  run(&d, "松阳县大东坝镇寺口村的茶园扩大了。\n寺口村去年还是贫困村，村里的茶叶远近闻名。");
  CHECK_EQ(count_label(&d, "寺口村"), 1);
  CHECK(located_in(&d, "寺口村", "大东坝镇"));
  CHECK(find(&d, "古市镇", NULL) == NULL);
  done(&d);
  /* Containers the text itself gives that differ keep two villages. */
  run(&d, "松阳县古市镇寺口村地处山区。\n江阴市寺口村的客商来收茶。");
  CHECK_EQ(count_label(&d, "寺口村"), 2);
  done(&d);
}

static void test_listed_fragments(void) {
  Doc d;
  /* 大乡村 and 达村 are listed villages elsewhere in China; here they are
   * pieces of 做大|乡村旅游 and 到达|村部, which nothing in context links. */
  run(&d, "松阳县各村做大乡村旅游，党员准时到达村部开会。");
  CHECK(find(&d, "大乡村", NULL) == NULL);
  CHECK(find(&d, "达村", NULL) == NULL);
  CHECK(find(&d, "松阳县", NULL) != NULL);
  done(&d);
}

static void test_misprint(void) {
  Doc d;
  /* 岗夏村 is a misprint of the list's 岗下村 under the same township. */
  run(&d, "松阳县古市镇岗夏村的茶农今年收入翻了一番。");
  check_place(&d, "岗夏村", CNKG_TYPE_VILLAGE, "331124101223");
  done(&d);
}

static void test_natural_villages(void) {
  Doc d;
  run(&d, "松阳县古市镇寺口村地处山区。\n寺口村包含上寺、下寺两个自然村，共有农户三百多户。");
  check_place(&d, "寺口村", CNKG_TYPE_VILLAGE, "331124101222");
  check_place(&d, "上寺", CNKG_TYPE_VILLAGE, NULL);
  check_place(&d, "下寺", CNKG_TYPE_VILLAGE, NULL);
  CHECK(located_in(&d, "下寺", "寺口村"));
  size_t a, b;
  CHECK(find(&d, "上寺", &a) && find(&d, "寺口村", &b) && a != b);
  done(&d);
}

static void test_generic_words(void) {
  Doc d;
  run(&d, "全县三个贫困村和北部两县都开展了“十佳村党组织”评选，本村村民踊跃参加。");
  CHECK_EQ(count_places(&d, false), 0);
  done(&d);
}

int main(void) {
  const char *data = check_env("CNKG_DATA", NULL);
  if (!data) SKIP("CNKG_DATA not set");
  char path[1024];
  snprintf(path, sizeof path, "%s/division.idx", data);
  char err[256];
  if (cnkg_division_open(path, &g_div, err, sizeof err) != CNKG_SUCCESS) SKIP(err);
  CHECK_EQ(cnkg_place_new(g_div, &g_rec, err, sizeof err), CNKG_SUCCESS);
  test_chain();
  test_not_places();
  test_short_forms();
  test_ambiguous();
  test_variant();
  test_prefix_filter();
  test_ancestors();
  test_context();
  test_enumeration();
  test_one_sense();
  test_one_name();
  test_listed_fragments();
  test_misprint();
  test_natural_villages();
  test_generic_words();
  cnkg_place_free(g_rec);
  cnkg_division_free(g_div);
  return check_finish();
}
