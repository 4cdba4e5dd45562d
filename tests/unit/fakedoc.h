/* SPDX-License-Identifier: Apache-2.0
 * Test helper for the recogniser tests: builds a CnkgDocState from
 * sentences written as "word/TAG word/TAG ..." (a hand-made analysis, so
 * tests say exactly what the analyser produced, right or wrong) plus the
 * places the place recogniser would have found. Header-only, static. */
#ifndef CNKG_TEST_FAKEDOC_H
#define CNKG_TEST_FAKEDOC_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cnkg/graph.h"
#include "cnkg/text.h"
#include "extractor/docstate.h"

typedef struct {
  const char *name;
  CnkgType type;
} FakePlace;

typedef struct {
  CnkgText text;
  CnkgLacResult *lac;
  CnkgGraph *graph;
  CnkgDocState st;
  char **tags;
  size_t n_tags;
} FakeDoc;

/* sentences: NULL-terminated; a sentence "=text" is given raw, without
 * analysis (no words), e.g. a byline line. */
static FakeDoc *fake_doc_new(const char *const *sentences, const FakePlace *places) {
  FakeDoc *d = calloc(1, sizeof *d);
  size_t ns = 0, cap = 1;
  while (sentences[ns]) ns++;
  for (size_t i = 0; i < ns; i++) cap += strlen(sentences[i]) + 1;
  char *norm = calloc(cap, 1);
  d->text.sentences = calloc(ns ? ns : 1, sizeof *d->text.sentences);
  d->lac = calloc(ns ? ns : 1, sizeof *d->lac);
  d->tags = calloc(cap, sizeof *d->tags);
  size_t len = 0;
  for (size_t i = 0; i < ns; i++) {
    const char *sp = sentences[i];
    size_t begin = len;
    CnkgLacResult *r = &d->lac[i];
    r->words = calloc(strlen(sp) + 1, sizeof *r->words);
    if (sp[0] == '=') {
      strcpy(norm + len, sp + 1);
      len += strlen(sp + 1);
    } else {
      const char *p = sp;
      while (*p) {
        while (*p == ' ') p++;
        if (!*p) break;
        const char *tok = p;
        while (*p && *p != ' ') p++;
        const char *slash = tok + (p - tok);
        while (slash > tok && *slash != '/') slash--;
        size_t wl = (size_t)(slash - tok);
        CnkgLacWord *w = &r->words[r->n_words++];
        w->begin = len - begin;
        memcpy(norm + len, tok, wl);
        len += wl;
        w->end = len - begin;
        w->cbegin = cnkg_utf8_count(norm + begin, w->begin);
        w->cend = cnkg_utf8_count(norm + begin, w->end);
        char *tag = cnkg_strndup(slash + 1, (size_t)(p - slash - 1));
        d->tags[d->n_tags++] = tag;
        w->tag = tag;
      }
    }
    d->text.sentences[i].begin = begin;
    d->text.sentences[i].end = len;
    d->text.sentences[i].paragraph = i;
    norm[len++] = '\n';
  }
  norm[len] = '\0';
  d->text.norm = norm;
  d->text.norm_len = len;
  d->text.orig = cnkg_strndup(norm, len);
  d->text.orig_len = len;
  d->text.orig_chars = cnkg_utf8_count(norm, len);
  d->text.map = calloc(len + 1, sizeof *d->text.map);
  d->text.map_end = calloc(len + 1, sizeof *d->text.map_end);
  size_t cp = 0;
  for (size_t i = 0; i < len;) {
    size_t b = i;
    cnkg_utf8_next(norm, len, &i);
    for (size_t k = b; k < i; k++) {
      d->text.map[k] = cp;
      d->text.map_end[k] = cp + 1;
    }
    cp++;
  }
  d->text.map[len] = cp;
  d->text.map_end[len] = cp;
  d->text.n_sentences = ns;
  d->graph = cnkg_graph_new();
  CnkgDocument doc = {"doc/0000000000000000", "test.txt", "00", NULL, NULL, NULL, NULL, cp, NULL};
  size_t di;
  cnkg_graph_add_document(d->graph, &doc, &di);
  d->st.name = "test.txt";
  d->st.text = &d->text;
  d->st.lac = d->lac;
  d->st.graph = d->graph;
  d->st.doc = di;
  d->st.focus_place = SIZE_MAX;
  for (size_t k = 0; places && places[k].name; k++) {
    char *key = cnkg_graph_key_hash(places[k].type, places[k].name, NULL);
    size_t e;
    cnkg_graph_add_entity(d->graph, key, places[k].type, places[k].name, &e);
    free(key);
    size_t pl = strlen(places[k].name);
    for (const char *hit = strstr(norm, places[k].name); hit; hit = strstr(hit + pl, places[k].name)) {
      size_t b = (size_t)(hit - norm);
      cnkg_docstate_mention(&d->st, e, cnkg_docstate_sentence_at(&d->st, b), b, b + pl);
    }
  }
  return d;
}

static void fake_doc_free(FakeDoc *d) {
  if (!d) return;
  for (size_t i = 0; i < d->text.n_sentences; i++) free(d->lac[i].words);
  for (size_t i = 0; i < d->n_tags; i++) free(d->tags[i]);
  free(d->tags);
  free(d->lac);
  free(d->text.sentences);
  free(d->text.norm);
  free(d->text.orig);
  free(d->text.map);
  free(d->text.map_end);
  free(d->text.author);
  free(d->text.photographer);
  cnkg_docstate_clear(&d->st);
  cnkg_graph_free(d->graph);
  free(d);
}

/* Index of the entity of type with label (or alias) name, or SIZE_MAX. */
static size_t fake_find(const FakeDoc *d, CnkgType type, const char *name) {
  for (size_t i = 0; i < cnkg_graph_entity_count(d->graph); i++) {
    const CnkgEntity *e = cnkg_graph_entity(d->graph, i);
    if (e->type == type && strcmp(e->label, name) == 0) return i;
  }
  return SIZE_MAX;
}

/* True if subject -rel-> object (entity) or -rel-> literal exists. */
static bool fake_has(const FakeDoc *d, size_t subject, CnkgRel rel, size_t object,
                     const char *literal) {
  if (subject == SIZE_MAX) return false;
  for (size_t i = 0; i < cnkg_graph_relation_count(d->graph); i++) {
    const CnkgRelation *r = cnkg_graph_relation(d->graph, i);
    if (r->subject != subject || r->rel != rel) continue;
    if (literal ? (r->literal && strcmp(r->literal, literal) == 0) : r->object == object)
      return true;
  }
  return false;
}

#endif
