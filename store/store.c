/* SPDX-License-Identifier: Apache-2.0
 * The triple store (see store.h). A term's key in the interning table is
 * its kind and parts: 'U' iri | 'B' load ':' id | 'L' lang '\1' datatype
 * '\1' text, so equal terms get one id. Depends on store.h, cnkg/intern.h
 * and raptor2. */
#include "store/store.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cnkg/intern.h"
#include "cnkg/grow.h"

#define XSD_STRING "http://www.w3.org/2001/XMLSchema#string"

struct CnkgStore {
  CnkgIntern terms;
  CnkgTriple *spo, *pos, *osp;
  size_t n_triples, cap_triples;
  raptor_world *world, *own_world;
  bool rdf11;
  size_t loads;
  /* while loading */
  const CnkgStoreHooks *hooks;
  CnkgStoreError *err;
  bool failed, nomem;
  char *key; /* scratch for keys */
  size_t key_len, key_cap;
};

CnkgStore *cnkg_store_new(raptor_world *world, bool rdf11) {
  CnkgStore *st = calloc(1, sizeof *st);
  if (!st) return NULL;
  st->world = world;
  st->rdf11 = rdf11;
  return st;
}

void cnkg_store_free(CnkgStore *st) {
  if (!st) return;
  cnkg_intern_free(&st->terms);
  free(st->spo);
  free(st->pos);
  free(st->osp);
  free(st->key);
  if (st->own_world) raptor_free_world(st->own_world);
  free(st);
}

/* ---- keys ---- */

static bool key_add(CnkgStore *st, const void *s, size_t n) {
  if (CNKG_GROW(st->key, st->key_cap, st->key_len + n, 256)) return false;
  if (n) memcpy(st->key + st->key_len, s, n);
  st->key_len += n;
  return true;
}

static bool literal_key(CnkgStore *st, const char *text, size_t len, const char *lang,
                        size_t lang_len, const char *dt) {
  st->key_len = 0;
  if (st->rdf11 && dt && !strcmp(dt, XSD_STRING)) dt = NULL;
  bool ok = key_add(st, "L", 1);
  for (size_t i = 0; ok && lang && i < lang_len; i++) {
    char c = lang[i];
    if (st->rdf11 && c >= 'A' && c <= 'Z') c = (char)(c - 'A' + 'a');
    ok = key_add(st, &c, 1);
  }
  return ok && key_add(st, "\1", 1) && (!dt || key_add(st, dt, strlen(dt))) &&
         key_add(st, "\1", 1) && key_add(st, text, len);
}

static bool iri_key(CnkgStore *st, const char *iri, size_t len) {
  st->key_len = 0;
  return key_add(st, "U", 1) && key_add(st, iri, len);
}

static bool blank_key(CnkgStore *st, size_t load, const char *id, size_t len) {
  char pre[32];
  int n = snprintf(pre, sizeof pre, "B%zu:", load);
  st->key_len = 0;
  return key_add(st, pre, (size_t)n) && key_add(st, id, len);
}

static uint32_t find_key(const CnkgStore *st) {
  size_t id;
  return cnkg_intern_find(&st->terms, st->key, st->key_len, &id) ? CNKG_STORE_NONE
                                                                  : (uint32_t)id;
}

static uint32_t intern_raptor(CnkgStore *st, const raptor_term *t) {
  bool ok = false;
  switch (t->type) {
  case RAPTOR_TERM_TYPE_URI: {
    size_t n = 0;
    const unsigned char *u = raptor_uri_as_counted_string(t->value.uri, &n);
    ok = iri_key(st, (const char *)u, n);
    break;
  }
  case RAPTOR_TERM_TYPE_BLANK:
    ok = blank_key(st, st->loads, (const char *)t->value.blank.string,
                   t->value.blank.string_len);
    break;
  case RAPTOR_TERM_TYPE_LITERAL: {
    const raptor_term_literal_value *l = &t->value.literal;
    ok = literal_key(st, (const char *)l->string, l->string_len, (const char *)l->language,
                     l->language_len,
                     l->datatype ? (const char *)raptor_uri_as_string(l->datatype) : NULL);
    break;
  }
  case RAPTOR_TERM_TYPE_UNKNOWN:
  default:
    break;
  }
  size_t id;
  if (!ok || cnkg_intern_add(&st->terms, st->key, st->key_len, &id)) return CNKG_STORE_NONE;
  return (uint32_t)id;
}

/* ---- loading ---- */

void cnkg_store_fail(CnkgStore *st, const char *message) {
  if (!st->failed && st->err) {
    st->err->line = 0;
    snprintf(st->err->text, sizeof st->err->text, "%s", message);
  }
  st->failed = true;
}

bool cnkg_store_failed(const CnkgStore *st) { return st->failed; }

static void on_statement(void *user, raptor_statement *s) {
  CnkgStore *st = user;
  if (st->nomem || st->failed) return;
  if (CNKG_GROW(st->spo, st->cap_triples, st->n_triples + 1, 4096)) {
    st->nomem = true;
    return;
  }
  CnkgTriple t = {intern_raptor(st, s->subject), CNKG_STORE_NONE, CNKG_STORE_NONE};
  if (t.s != CNKG_STORE_NONE) t.p = intern_raptor(st, s->predicate);
  if (t.p != CNKG_STORE_NONE) t.o = intern_raptor(st, s->object);
  if (t.o == CNKG_STORE_NONE) {
    st->nomem = true;
    return;
  }
  st->spo[st->n_triples++] = t;
  if (st->hooks && st->hooks->on_triple) st->hooks->on_triple(st->hooks->user, st, s, t);
}

static void on_log(void *user, raptor_log_message *m) {
  CnkgStore *st = user;
  if (!m || m->level < RAPTOR_LOG_LEVEL_ERROR || st->failed) return;
  st->failed = true;
  if (!st->err) return;
  st->err->line = m->locator ? raptor_locator_line(m->locator) : -1;
  if (st->err->line < 0) st->err->line = 0;
  snprintf(st->err->text, sizeof st->err->text, "%s", m->text ? m->text : "");
}

/* Feeds f to the parser in blocks, showing each to the hook first. */
static int parse_blocks(CnkgStore *st, raptor_parser *parser, FILE *f, raptor_uri *base) {
  if (raptor_parser_parse_start(parser, base)) return 1;
  unsigned char buf[64 * 1024];
  size_t got;
  int rc = 0;
  while (!rc && (got = fread(buf, 1, sizeof buf, f)) > 0) {
    if (st->hooks && st->hooks->on_block) st->hooks->on_block(st->hooks->user, st, buf, got);
    if (st->failed) return 1;
    rc = raptor_parser_parse_chunk(parser, buf, got, 0);
  }
  if (!rc) rc = raptor_parser_parse_chunk(parser, NULL, 0, 1);
  return rc;
}

CnkgStatus cnkg_store_load(CnkgStore *st, const char *path, const char *syntax,
                           const CnkgStoreHooks *hooks, CnkgStoreError *err) {
  if (!st || !path || !syntax) return CNKG_ERR_ARG;
  if (err) err->line = 0, err->text[0] = '\0';
  bool std_in = !strcmp(path, "-");
  FILE *f = std_in ? stdin : fopen(path, "rb");
  if (!f) {
    if (err) snprintf(err->text, sizeof err->text, "cannot read graph: %s", strerror(errno));
    return CNKG_ERR_READ;
  }
  if (!st->world) {
    st->world = st->own_world = raptor_new_world();
    if (!st->world || raptor_world_open(st->world)) {
      if (!std_in) fclose(f);
      return CNKG_ERR_NOMEM;
    }
  }
  st->hooks = hooks;
  st->err = err;
  st->failed = st->nomem = false;
  raptor_world_set_log_handler(st->world, st, on_log);
  raptor_parser *parser = raptor_new_parser(st->world, syntax);
  unsigned char *us = raptor_uri_filename_to_uri_string(std_in ? "stdin" : path);
  raptor_uri *base = us ? raptor_new_uri(st->world, us) : NULL;
  CnkgStatus rc = CNKG_SUCCESS;
  if (!parser || !base) {
    rc = CNKG_ERR_NOMEM;
  } else {
    raptor_parser_set_statement_handler(parser, st, on_statement);
    int prc = parse_blocks(st, parser, f, base);
    if (st->nomem) rc = CNKG_ERR_NOMEM;
    else if (ferror(f)) rc = CNKG_ERR_READ;
    else if (prc || st->failed) rc = CNKG_ERR_TEXT;
  }
  if (parser) raptor_free_parser(parser);
  if (base) raptor_free_uri(base);
  if (us) raptor_free_memory(us);
  if (!std_in) fclose(f);
  raptor_world_set_log_handler(st->world, NULL, NULL);
  st->hooks = NULL;
  st->err = NULL;
  st->loads++;
  return rc;
}

/* ---- indexes ---- */

static int cmp_spo(const void *x, const void *y) {
  const CnkgTriple *a = x, *b = y;
  if (a->s != b->s) return a->s < b->s ? -1 : 1;
  if (a->p != b->p) return a->p < b->p ? -1 : 1;
  return a->o < b->o ? -1 : a->o > b->o;
}
static int cmp_pos(const void *x, const void *y) {
  const CnkgTriple *a = x, *b = y;
  if (a->p != b->p) return a->p < b->p ? -1 : 1;
  if (a->o != b->o) return a->o < b->o ? -1 : 1;
  return a->s < b->s ? -1 : a->s > b->s;
}
static int cmp_osp(const void *x, const void *y) {
  const CnkgTriple *a = x, *b = y;
  if (a->o != b->o) return a->o < b->o ? -1 : 1;
  if (a->s != b->s) return a->s < b->s ? -1 : 1;
  return a->p < b->p ? -1 : a->p > b->p;
}

CnkgStatus cnkg_store_index(CnkgStore *st) {
  if (!st) return CNKG_ERR_ARG;
  size_t w = st->n_triples;
  if (w) {
    qsort(st->spo, st->n_triples, sizeof *st->spo, cmp_spo);
    w = 1;
    for (size_t i = 1; i < st->n_triples; i++)
      if (cmp_spo(&st->spo[i], &st->spo[w - 1])) st->spo[w++] = st->spo[i];
    st->n_triples = w;
  }
  free(st->pos);
  free(st->osp);
  st->pos = malloc((w ? w : 1) * sizeof *st->pos);
  st->osp = malloc((w ? w : 1) * sizeof *st->osp);
  if (!st->pos || !st->osp) return CNKG_ERR_NOMEM;
  if (w) {
    memcpy(st->pos, st->spo, w * sizeof *st->pos);
    memcpy(st->osp, st->spo, w * sizeof *st->osp);
    qsort(st->pos, w, sizeof *st->pos, cmp_pos);
    qsort(st->osp, w, sizeof *st->osp, cmp_osp);
  }
  return CNKG_SUCCESS;
}

const CnkgTriple *cnkg_store_triples(const CnkgStore *st, size_t *n) {
  *n = st->n_triples;
  return st->spo;
}

const CnkgTriple *cnkg_store_index_array(const CnkgStore *st, CnkgStoreOrder order) {
  return order == CNKG_STORE_POS ? st->pos : order == CNKG_STORE_OSP ? st->osp : st->spo;
}

static uint32_t part(const CnkgTriple *t, CnkgStoreOrder order, int i) {
  static const int at[3][3] = {{0, 1, 2}, {1, 2, 0}, {2, 0, 1}};
  int w = at[order][i];
  return w == 0 ? t->s : w == 1 ? t->p : t->o;
}

static int prefix_cmp(const CnkgTriple *t, CnkgStoreOrder order, const uint32_t *key, int k) {
  for (int i = 0; i < k; i++) {
    uint32_t v = part(t, order, i);
    if (v != key[i]) return v < key[i] ? -1 : 1;
  }
  return 0;
}

void cnkg_store_range(const CnkgStore *st, CnkgStoreOrder order, const uint32_t *key, int k,
                      size_t *lo, size_t *hi) {
  const CnkgTriple *base = cnkg_store_index_array(st, order);
  size_t a = 0, b = st->n_triples;
  while (a < b) { /* first >= key */
    size_t m = a + (b - a) / 2;
    if (prefix_cmp(&base[m], order, key, k) < 0) a = m + 1; else b = m;
  }
  *lo = a;
  b = st->n_triples;
  while (a < b) { /* first > key */
    size_t m = a + (b - a) / 2;
    if (prefix_cmp(&base[m], order, key, k) <= 0) a = m + 1; else b = m;
  }
  *hi = a;
}

/* ---- terms ---- */

size_t cnkg_store_term_count(const CnkgStore *st) { return cnkg_intern_count(&st->terms); }

CnkgTerm cnkg_store_term(const CnkgStore *st, uint32_t id) {
  size_t n;
  const char *k = cnkg_intern_key(&st->terms, id, &n);
  CnkgTerm t = {CNKG_TERM_IRI, k + 1, n - 1, NULL, 0, NULL, 0};
  if (k[0] == 'B') {
    const char *colon = memchr(k, ':', n);
    t.kind = CNKG_TERM_BLANK;
    t.text = colon + 1;
    t.len = n - (size_t)(t.text - k);
  } else if (k[0] == 'L') {
    const char *lang_end = memchr(k + 1, '\1', n - 1);
    const char *dt_end = memchr(lang_end + 1, '\1', n - (size_t)(lang_end + 1 - k));
    t.kind = CNKG_TERM_LITERAL;
    t.lang = k + 1;
    t.lang_len = (size_t)(lang_end - t.lang);
    t.datatype = lang_end + 1;
    t.datatype_len = (size_t)(dt_end - t.datatype);
    t.text = dt_end + 1;
    t.len = n - (size_t)(t.text - k);
  }
  return t;
}

uint32_t cnkg_store_find_iri(CnkgStore *st, const char *iri, size_t len) {
  return iri_key(st, iri, len) ? find_key(st) : CNKG_STORE_NONE;
}

uint32_t cnkg_store_find_literal(CnkgStore *st, const char *text, size_t len,
                                 const char *lang, size_t lang_len, const char *datatype) {
  return literal_key(st, text, len, lang, lang_len, datatype) ? find_key(st) : CNKG_STORE_NONE;
}

uint32_t cnkg_store_find_blank(CnkgStore *st, const char *id, size_t len) {
  /* the load a blank node came from is not known here: look in each */
  for (size_t l = 0; l < st->loads; l++) {
    if (!blank_key(st, l, id, len)) return CNKG_STORE_NONE;
    uint32_t found = find_key(st);
    if (found != CNKG_STORE_NONE) return found;
  }
  return CNKG_STORE_NONE;
}
