/* SPDX-License-Identifier: Apache-2.0
 * Tests the graph model: key validation and construction, find-or-create by
 * key, alias handling, merge in either order and canonical ordering giving
 * identical graphs. Depends on graph.h, output.h and check.h. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "cnkg/graph.h"
#include "cnkg/output.h"

/* A textual dump of everything in the graph, in its current order. */
static char *dump(const CnkgGraph *g) {
  CnkgOutput *o = NULL;
  if (cnkg_output_new_memory(&o)) return NULL;
  char line[1024];
  for (size_t i = 0; i < cnkg_graph_document_count(g); i++) {
    const CnkgDocument *d = cnkg_graph_document(g, i);
    snprintf(line, sizeof line, "D %s %s %s\n", d->key, d->path ? d->path : "-",
             d->title ? d->title : "-");
    cnkg_output_puts(o, line);
  }
  for (size_t i = 0; i < cnkg_graph_entity_count(g); i++) {
    const CnkgEntity *e = cnkg_graph_entity(g, i);
    snprintf(line, sizeof line, "E %s %d %s %s %s %u\n", e->key, (int)e->type,
             e->label ? e->label : "-", e->code ? e->code : "-",
             e->official ? e->official : "-", e->flags);
    cnkg_output_puts(o, line);
    for (size_t k = 0; k < e->n_aliases; k++) {
      snprintf(line, sizeof line, "  A %s\n", e->aliases[k]);
      cnkg_output_puts(o, line);
    }
    for (size_t k = 0; k < e->n_mentions; k++) {
      const CnkgMention *m = &e->mentions[k];
      snprintf(line, sizeof line, "  M %s %zu %zu %s\n",
               cnkg_graph_document(g, m->doc)->key, m->begin, m->end,
               m->anchor ? m->anchor : "-");
      cnkg_output_puts(o, line);
    }
  }
  for (size_t i = 0; i < cnkg_graph_relation_count(g); i++) {
    const CnkgRelation *r = cnkg_graph_relation(g, i);
    snprintf(line, sizeof line, "R %s %s %s\n", cnkg_graph_entity(g, r->subject)->key,
             cnkg_rel_name(r->rel),
             r->literal ? r->literal : cnkg_graph_entity(g, r->object)->key);
    cnkg_output_puts(o, line);
    for (size_t k = 0; k < r->n_evidence; k++) {
      const CnkgEvidence *v = &r->evidence[k];
      snprintf(line, sizeof line, "  V %s %zu %zu %s\n",
               cnkg_graph_document(g, v->doc)->key, v->begin, v->end,
               v->sentence ? v->sentence : "-");
      cnkg_output_puts(o, line);
    }
  }
  size_t len;
  const char *m = cnkg_output_memory(o, &len);
  char *copy = malloc(len + 1);
  if (copy) memcpy(copy, m, len + 1);
  cnkg_output_free(o);
  return copy;
}

/* Document one: a village in a county, a person with a title. */
static CnkgGraph *doc_one(void) {
  CnkgGraph *g = cnkg_graph_new();
  size_t d, county, village, person, prov;
  CnkgDocument doc = {"doc/1111111111111111", "a.txt", "11", "标题一", "张三",
                      NULL, NULL, 100, NULL};
  CHECK_EQ(cnkg_graph_add_document(g, &doc, &d), 0);
  CHECK_EQ(cnkg_graph_add_entity(g, "place/522127", CNKG_TYPE_COUNTY, "凤冈县", &county), 0);
  CHECK_EQ(cnkg_graph_set_code(g, county, "522127", "凤冈县"), 0);
  CHECK_EQ(cnkg_graph_add_entity(g, "place/52", CNKG_TYPE_PROVINCE, "贵州省", &prov), 0);
  CHECK_EQ(cnkg_graph_mark_listed(g, prov, d), 0);
  CHECK_EQ(cnkg_graph_add_entity(g, "village/aaaa", CNKG_TYPE_VILLAGE, "新平村", &village), 0);
  CHECK_EQ(cnkg_graph_add_mention(g, village, d, 10, 13, "新平村"), 0);
  CHECK_EQ(cnkg_graph_add_mention(g, county, d, 5, 8, "凤冈县"), 0);
  CHECK_EQ(cnkg_graph_add_entity(g, "person/bbbb", CNKG_TYPE_PERSON, "王五", &person), 0);
  CHECK_EQ(cnkg_graph_add_mention(g, person, d, 20, 22, "王五"), 0);
  CnkgEvidence ev = {d, 0, 30, "王五是新平村第一书记。"};
  CHECK_EQ(cnkg_graph_add_relation(g, village, CNKG_REL_LOCATED_IN, county, NULL, &ev), 0);
  CHECK_EQ(cnkg_graph_add_relation(g, county, CNKG_REL_LOCATED_IN, prov, NULL, NULL), 0);
  CHECK_EQ(cnkg_graph_add_relation(g, person, CNKG_REL_TITLE, SIZE_MAX, "第一书记", &ev), 0);
  CHECK_EQ(cnkg_graph_add_relation(g, person, CNKG_REL_ASSOCIATED_WITH, village, NULL, &ev), 0);
  return g;
}

/* Document two: the same county and person under other surface forms. */
static CnkgGraph *doc_two(void) {
  CnkgGraph *g = cnkg_graph_new();
  size_t d, county, person, ind, prov;
  CnkgDocument doc = {"doc/2222222222222222", "b.txt", "22", NULL, NULL, NULL,
                      NULL, 50, NULL};
  CHECK_EQ(cnkg_graph_add_document(g, &doc, &d), 0);
  CHECK_EQ(cnkg_graph_add_entity(g, "place/522127", CNKG_TYPE_COUNTY, "凤冈", &county), 0);
  CHECK_EQ(cnkg_graph_add_mention(g, county, d, 1, 3, "凤冈"), 0);
  CHECK_EQ(cnkg_graph_add_entity(g, "place/52", CNKG_TYPE_PROVINCE, "贵州", &prov), 0);
  CHECK_EQ(cnkg_graph_add_mention(g, prov, d, 40, 42, "贵州"), 0);
  CHECK_EQ(cnkg_graph_add_entity(g, "person/bbbb", CNKG_TYPE_PERSON, "王五", &person), 0);
  CHECK_EQ(cnkg_graph_add_entity(g, "industry/cccc", CNKG_TYPE_INDUSTRY, "茶叶种植", &ind), 0);
  CHECK_EQ(cnkg_graph_add_mention(g, ind, d, 30, 34, "茶叶种植"), 0);
  CnkgEvidence ev = {d, 0, 40, "凤冈发展茶叶种植。"};
  CHECK_EQ(cnkg_graph_add_relation(g, county, CNKG_REL_HAS_INDUSTRY, ind, NULL, &ev), 0);
  CHECK_EQ(cnkg_graph_add_relation(g, person, CNKG_REL_TITLE, SIZE_MAX, "第一书记", &ev), 0);
  return g;
}

static void test_keys(void) {
  char *k = cnkg_graph_key_hash(CNKG_TYPE_PERSON, "王五", "place/52");
  CHECK(k && strncmp(k, "person/", 7) == 0 && strlen(k) == 7 + 16);
  char *k2 = cnkg_graph_key_hash(CNKG_TYPE_PERSON, "王五", "place/52");
  char *k3 = cnkg_graph_key_hash(CNKG_TYPE_PERSON, "王五", NULL);
  CHECK_STR(k, k2);
  CHECK(k3 && strcmp(k, k3) != 0);
  free(k);
  free(k2);
  free(k3);
  k = cnkg_graph_key_code("522127");
  CHECK_STR(k, "place/522127");
  free(k);
  CHECK(cnkg_graph_key_code("52 21") == NULL);
  CHECK(cnkg_graph_key_code("") == NULL);

  CnkgGraph *g = cnkg_graph_new();
  size_t i;
  const char *bad[] = {"", "a b", "a<b", "a>b", "a\"b", "a{b", "a}b", "a|b",
                       "a^b", "a`b", "a\\b", "村/1", "a\nb"};
  for (size_t n = 0; n < sizeof bad / sizeof *bad; n++)
    CHECK_EQ(cnkg_graph_add_entity(g, bad[n], CNKG_TYPE_PERSON, "x", &i), CNKG_ERR_ARG);
  CHECK_EQ(cnkg_graph_add_entity(g, NULL, CNKG_TYPE_PERSON, "x", &i), CNKG_ERR_ARG);
  CHECK_EQ(cnkg_graph_add_entity(g, "person/x", CNKG_TYPE_COUNT, "x", &i), CNKG_ERR_ARG);
  CHECK_EQ(cnkg_graph_find_entity(g, "person/x", &i), CNKG_NOTHING);
  CHECK_EQ(cnkg_graph_entity_count(g), 0);
  cnkg_graph_free(g);
  cnkg_graph_free(NULL);
}

static void test_basic(void) {
  CnkgGraph *g = cnkg_graph_new();
  size_t a, b, c;
  CHECK_EQ(cnkg_graph_add_entity(g, "person/1", CNKG_TYPE_PERSON, "甲", &a), 0);
  CHECK_EQ(cnkg_graph_add_entity(g, "person/1", CNKG_TYPE_PERSON, "甲乙", &b), 0);
  CHECK_EQ(a, b);
  CHECK_EQ(cnkg_graph_find_entity(g, "person/1", &c), CNKG_SUCCESS);
  CHECK_EQ(c, a);
  CHECK_EQ(cnkg_graph_add_alias(g, a, "甲"), 0); /* the label: ignored */
  CHECK_EQ(cnkg_graph_add_alias(g, a, "丙"), 0);
  CHECK_EQ(cnkg_graph_add_alias(g, a, "丙"), 0);
  const CnkgEntity *e = cnkg_graph_entity(g, a);
  /* Two names for one key: the better one is the label at once, whatever
   * the order (so that every shard gives an entity the same label). */
  CHECK_STR(e->label, "甲乙");
  CHECK_EQ(e->n_aliases, 2);
  CHECK_EQ(cnkg_graph_canonicalize(g), 0);
  e = cnkg_graph_entity(g, 0);
  CHECK_STR(e->label, "甲乙"); /* longest wins */
  /* An alias never takes the label's place, however long it is. */
  CHECK_EQ(cnkg_graph_add_alias(g, 0, "甲乙丙丁戊"), 0);
  CHECK_EQ(cnkg_graph_canonicalize(g), 0);
  e = cnkg_graph_entity(g, 0);
  CHECK_STR(e->label, "甲乙");
  CHECK_EQ(e->n_aliases, 3);
  CHECK_STR(e->aliases[0], "丙");
  CHECK_STR(e->aliases[1], "甲");
  /* A pinned label survives canonicalisation. */
  CHECK_EQ(cnkg_graph_set_label(g, 0, "丙"), 0);
  CHECK_EQ(cnkg_graph_canonicalize(g), 0);
  e = cnkg_graph_entity(g, 0);
  CHECK_STR(e->label, "丙");
  CHECK_EQ(e->n_aliases, 3);
  /* Relations: duplicates gain evidence, bad arguments are refused. */
  CnkgDocument doc = {"doc/1", NULL, NULL, NULL, NULL, NULL, NULL, 0, NULL};
  size_t d;
  CHECK_EQ(cnkg_graph_add_document(g, &doc, &d), 0);
  CHECK_EQ(cnkg_graph_add_document(g, &doc, &c), 0);
  CHECK_EQ(d, c);
  CHECK_EQ(cnkg_graph_document_count(g), 1);
  CHECK_EQ(cnkg_graph_add_entity(g, "place/52", CNKG_TYPE_PROVINCE, "贵州", &b), 0);
  CnkgEvidence ev = {d, 1, 2, "s"};
  CHECK_EQ(cnkg_graph_add_relation(g, 0, CNKG_REL_ASSOCIATED_WITH, b, NULL, &ev), 0);
  ev.begin = 3;
  CHECK_EQ(cnkg_graph_add_relation(g, 0, CNKG_REL_ASSOCIATED_WITH, b, NULL, &ev), 0);
  CHECK_EQ(cnkg_graph_relation_count(g), 1);
  CHECK_EQ(cnkg_graph_relation(g, 0)->n_evidence, 2);
  CHECK_EQ(cnkg_graph_add_relation(g, 0, CNKG_REL_TITLE, SIZE_MAX, NULL, NULL), CNKG_ERR_ARG);
  CHECK_EQ(cnkg_graph_add_relation(g, 0, CNKG_REL_LOCATED_IN, 99, NULL, NULL), CNKG_ERR_ARG);
  ev.doc = 7;
  CHECK_EQ(cnkg_graph_add_relation(g, 0, CNKG_REL_LOCATED_IN, b, NULL, &ev), CNKG_ERR_ARG);
  CHECK_EQ(cnkg_graph_add_mention(g, 0, 5, 0, 1, "x"), CNKG_ERR_ARG);
  CHECK_EQ(cnkg_graph_add_mention(g, 0, d, 3, 1, "x"), CNKG_ERR_ARG);
  cnkg_graph_free(g);
}

static void test_merge_order(void) {
  CnkgGraph *one = doc_one(), *two = doc_two();
  CnkgGraph *ab = cnkg_graph_new(), *ba = cnkg_graph_new();
  CHECK_EQ(cnkg_graph_merge(ab, one), 0);
  CHECK_EQ(cnkg_graph_merge(ab, two), 0);
  CHECK_EQ(cnkg_graph_merge(ba, two), 0);
  CHECK_EQ(cnkg_graph_merge(ba, one), 0);
  CHECK_EQ(cnkg_graph_canonicalize(ab), 0);
  CHECK_EQ(cnkg_graph_canonicalize(ba), 0);
  char *x = dump(ab), *y = dump(ba);
  CHECK_STR(x, y);
  /* Merging again changes nothing. */
  CHECK_EQ(cnkg_graph_merge(ab, one), 0);
  CHECK_EQ(cnkg_graph_canonicalize(ab), 0);
  char *z = dump(ab);
  CHECK_STR(x, z);
  CHECK_EQ(cnkg_graph_document_count(ab), 2);
  CHECK_EQ(cnkg_graph_entity_count(ab), 5);
  size_t i;
  CHECK_EQ(cnkg_graph_find_entity(ab, "place/522127", &i), CNKG_SUCCESS);
  const CnkgEntity *e = cnkg_graph_entity(ab, i);
  CHECK_STR(e->label, "凤冈县");
  CHECK_EQ(e->n_aliases, 1);
  CHECK_STR(e->code, "522127");
  CHECK_EQ(e->n_mentions, 2);
  /* Supplied by the list in document one, named in document two: list
   * provenance is per document, so the flag (which a shard of document one
   * alone writes) stays, with document one as its only document. */
  CHECK_EQ(cnkg_graph_find_entity(ab, "place/52", &i), CNKG_SUCCESS);
  e = cnkg_graph_entity(ab, i);
  CHECK(e->flags & CNKG_ENTITY_FROM_DIVISION_LIST);
  CHECK_EQ(e->n_listed, 1);
  CHECK(cnkg_graph_listed_in(e, 0) && !cnkg_graph_mentioned_in(e, 0));
  CHECK(!cnkg_graph_listed_in(e, 1) && cnkg_graph_mentioned_in(e, 1));
  /* A document that names a place is not one the list supplied it to. */
  {
    CnkgGraph *g = cnkg_graph_new();
    size_t d, p;
    CnkgDocument doc = {"doc/3333333333333333", "c.txt", "33", NULL, NULL, NULL, NULL, 9, NULL};
    CHECK_EQ(cnkg_graph_add_document(g, &doc, &d), 0);
    CHECK_EQ(cnkg_graph_add_entity(g, "place/52", CNKG_TYPE_PROVINCE, "贵州", &p), 0);
    CHECK_EQ(cnkg_graph_mark_listed(g, p, d), 0);
    CHECK_EQ(cnkg_graph_mark_listed(g, p, 5), CNKG_ERR_ARG);
    CHECK_EQ(cnkg_graph_add_mention(g, p, d, 0, 2, "贵州"), 0);
    CHECK_EQ(cnkg_graph_canonicalize(g), 0);
    e = cnkg_graph_entity(g, 0);
    CHECK_EQ(e->flags & CNKG_ENTITY_FROM_DIVISION_LIST, 0);
    CHECK_EQ(e->n_listed, 0);
    cnkg_graph_free(g);
  }
  /* Entities come out by key, relations by subject key. */
  for (size_t k = 1; k < cnkg_graph_entity_count(ab); k++)
    CHECK(strcmp(cnkg_graph_entity(ab, k - 1)->key, cnkg_graph_entity(ab, k)->key) < 0);
  CHECK_EQ(cnkg_graph_relation_count(ab), 5);
  for (size_t k = 0; k < cnkg_graph_relation_count(ab); k++) {
    const CnkgRelation *r = cnkg_graph_relation(ab, k);
    if (r->rel == CNKG_REL_TITLE) CHECK_EQ(r->n_evidence, 2);
  }
  free(x);
  free(y);
  free(z);
  cnkg_graph_free(one);
  cnkg_graph_free(two);
  cnkg_graph_free(ab);
  cnkg_graph_free(ba);
}

static void test_many(void) {
  /* Enough entities to grow the hash index several times. */
  CnkgGraph *g = cnkg_graph_new();
  char key[64];
  for (int i = 0; i < 5000; i++) {
    snprintf(key, sizeof key, "person/%d", (i * 7919) % 5000);
    size_t at;
    CHECK_EQ(cnkg_graph_add_entity(g, key, CNKG_TYPE_PERSON, "某", &at), 0);
    if (i) CHECK_EQ(cnkg_graph_add_relation(g, at, CNKG_REL_ASSOCIATED_WITH, 0, NULL, NULL), 0);
  }
  CHECK_EQ(cnkg_graph_entity_count(g), 5000);
  CHECK_EQ(cnkg_graph_canonicalize(g), 0);
  size_t at;
  CHECK_EQ(cnkg_graph_find_entity(g, "person/4999", &at), CNKG_SUCCESS);
  CHECK_STR(cnkg_graph_entity(g, at)->key, "person/4999");
  cnkg_graph_free(g);
}

int main(void) {
  test_keys();
  test_basic();
  test_merge_order();
  test_many();
  return check_finish();
}
