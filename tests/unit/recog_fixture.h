/* SPDX-License-Identifier: Apache-2.0
 * Test fixture for the industry and policy recognisers: builds a CnkgText
 * from plain text without intake (sentences end at 。!?; or a line break,
 * paragraphs are lines, short lines without 。 are headings), marks named
 * places as the place recogniser would, and looks entities up by name.
 * Header-only, used by test_industry.c and test_policy.c. */
#ifndef CNKG_TEST_RECOG_FIXTURE_H
#define CNKG_TEST_RECOG_FIXTURE_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "cnkg/text.h"
#include "extractor/docstate.h"

typedef struct {
  CnkgText text;
  CnkgGraph *graph;
  CnkgDocState st;
} Fixture;

static inline void fixture_add_sentence(CnkgText *t, size_t b, size_t e,
                                        size_t para, bool heading) {
  while (b < e && (t->norm[b] == ' ' || t->norm[b] == '\n')) b++;
  if (b >= e) return;
  t->sentences = realloc(t->sentences, (t->n_sentences + 1) * sizeof *t->sentences);
  CnkgSentence *x = &t->sentences[t->n_sentences++];
  memset(x, 0, sizeof *x);
  x->begin = b;
  x->end = e;
  x->paragraph = para;
  x->heading = heading;
}

/* Caller frees with fixture_free. */
static inline void fixture_init(Fixture *f, const char *s) {
  memset(f, 0, sizeof *f);
  CnkgText *t = &f->text;
  size_t len = strlen(s);
  t->orig = cnkg_strndup(s, len);
  t->norm = cnkg_strndup(s, len);
  t->orig_len = t->norm_len = len;
  t->map = malloc((len + 1) * sizeof *t->map);
  t->map_end = malloc((len + 1) * sizeof *t->map_end);
  size_t cp = 0;
  for (size_t i = 0; i < len;) {
    size_t k = i;
    cnkg_utf8_next(s, len, &k);
    for (size_t j = i; j < k; j++) {
      t->map[j] = cp;
      t->map_end[j] = cp + 1;
    }
    cp++;
    i = k;
  }
  t->map[len] = t->map_end[len] = cp;
  t->orig_chars = cp;
  size_t para = 0, line = 0;
  while (line < len) {
    const char *nl = strchr(s + line, '\n');
    size_t le = nl ? (size_t)(nl - s) : len;
    bool heading = le - line < 60;
    for (size_t i = line; i + 3 <= le; i++)
      if (memcmp(s + i, "。", 3) == 0) heading = false;
    size_t b = line;
    for (size_t i = line; i < le;) {
      size_t k = i;
      uint32_t c = cnkg_utf8_next(s, le, &k);
      if (c == 0x3002 || c == '!' || c == '?' || c == ';') {
        fixture_add_sentence(t, b, k, para, heading);
        b = k;
      }
      i = k;
    }
    if (b < le) fixture_add_sentence(t, b, le, para, heading);
    if (le > line) para++;
    line = le + 1;
  }
  f->graph = cnkg_graph_new();
  CnkgDocument d;
  memset(&d, 0, sizeof d);
  d.key = "doc/0000000000000000";
  d.path = "test.txt";
  d.sha256 = "0";
  d.n_chars = cp;
  cnkg_graph_add_document(f->graph, &d, &f->st.doc);
  f->st.name = "test.txt";
  f->st.text = t;
  f->st.graph = f->graph;
  f->st.focus_place = SIZE_MAX;
}

/* Adds a place entity and a span for every occurrence of name. */
static inline size_t fixture_place(Fixture *f, const char *name, CnkgType type) {
  char *key = cnkg_graph_key_hash(type, name, NULL);
  size_t ent = SIZE_MAX;
  CHECK(cnkg_graph_add_entity(f->graph, key, type, name, &ent) == CNKG_SUCCESS);
  free(key);
  size_t n = strlen(name);
  for (const char *p = f->text.norm; (p = strstr(p, name)) != NULL; p += n) {
    size_t b = (size_t)(p - f->text.norm);
    size_t si = cnkg_docstate_sentence_at(&f->st, b);
    if (si != SIZE_MAX) CHECK(cnkg_docstate_mention(&f->st, ent, si, b, b + n) == CNKG_SUCCESS);
  }
  return ent;
}

static inline void fixture_free(Fixture *f) {
  cnkg_docstate_clear(&f->st);
  cnkg_graph_free(f->graph);
  free(f->text.orig);
  free(f->text.norm);
  free(f->text.map);
  free(f->text.map_end);
  free(f->text.sentences);
}

/* Index of the entity of type whose label or an alias is name, or SIZE_MAX. */
static inline size_t fixture_find(const Fixture *f, CnkgType type, const char *name) {
  for (size_t i = 0; i < cnkg_graph_entity_count(f->graph); i++) {
    const CnkgEntity *e = cnkg_graph_entity(f->graph, i);
    if (e->type != type) continue;
    if (strcmp(e->label, name) == 0) return i;
    for (size_t k = 0; k < e->n_aliases; k++)
      if (strcmp(e->aliases[k], name) == 0) return i;
  }
  return SIZE_MAX;
}

static inline size_t fixture_count(const Fixture *f, CnkgType type) {
  size_t n = 0;
  for (size_t i = 0; i < cnkg_graph_entity_count(f->graph); i++)
    if (cnkg_graph_entity(f->graph, i)->type == type) n++;
  return n;
}

static inline bool fixture_related(const Fixture *f, size_t s, CnkgRel rel, size_t o) {
  if (s == SIZE_MAX || o == SIZE_MAX) return false;
  for (size_t i = 0; i < cnkg_graph_relation_count(f->graph); i++) {
    const CnkgRelation *r = cnkg_graph_relation(f->graph, i);
    if (r->subject == s && r->rel == rel && r->object == o) return true;
  }
  return false;
}

/* Reads tests/data/<name> (CNKG_SOURCE_DIR or the working directory). */
static inline char *fixture_data(const char *name) {
  char path[1024];
  snprintf(path, sizeof path, "%s/tests/data/%s", check_env("CNKG_SOURCE_DIR", "."), name);
  size_t len;
  char *s = check_read_file(path, &len);
  if (!s) SKIP("test data not found (set CNKG_SOURCE_DIR)");
  return s;
}

#endif
