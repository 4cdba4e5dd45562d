/* SPDX-License-Identifier: Apache-2.0
 * Indexed triple store behind rasqal (see sparql_store.h). Terms live once
 * in a byte arena keyed by kind + language + datatype + text; rasqal
 * literals are made for a term only when a variable is first bound to it.
 * Depends on status.h, rasqal and raptor2. */
#include "out/sparql_store.h"

#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define XSD_STRING "http://www.w3.org/2001/XMLSchema#string"

typedef struct {
  uint32_t s, p, o;
} Triple;

typedef struct {
  size_t off;    /* key bytes in the arena */
  uint32_t len;
  uint32_t text; /* offset of the text (lexical form, IRI, blank id) in the key */
} Term;

struct CnkgSparqlStore {
  char *arena;
  size_t arena_len, arena_cap;
  Term *terms;
  rasqal_literal **lits; /* per term, made on first use */
  size_t n_terms, cap_terms;
  uint32_t *slots;       /* hash of term ids + 1; 0 = empty */
  size_t n_slots;
  Triple *spo, *pos, *osp;
  size_t n_triples, cap_triples;
  rasqal_world *world;   /* set by register, for making literals */
  /* while loading */
  const char *path;
  size_t file_index;
  bool failed, nomem;
  char *err;
  size_t errsize;
};

/* ---- keys: 'U' iri | 'B' file-index ':' id | 'L' lang '\1' datatype '\1' text */

static uint64_t hash_bytes(const char *p, size_t n) {
  uint64_t h = 1469598103934665603u;
  for (size_t i = 0; i < n; i++) {
    h ^= (unsigned char)p[i];
    h *= 1099511628211u;
  }
  return h;
}

static bool grow_slots(CnkgSparqlStore *st) {
  size_t n = st->n_slots ? st->n_slots * 2 : 1024;
  uint32_t *s = calloc(n, sizeof *s);
  if (!s) return false;
  for (size_t i = 0; i < st->n_terms; i++) {
    const Term *t = &st->terms[i];
    size_t j = (size_t)hash_bytes(st->arena + t->off, t->len) & (n - 1);
    while (s[j]) j = (j + 1) & (n - 1);
    s[j] = (uint32_t)i + 1;
  }
  free(st->slots);
  st->slots = s;
  st->n_slots = n;
  return true;
}

/* Id of the term with key k, or UINT32_MAX. */
static uint32_t find_key(const CnkgSparqlStore *st, const char *k, size_t n) {
  if (!st->n_slots) return UINT32_MAX;
  size_t j = (size_t)hash_bytes(k, n) & (st->n_slots - 1);
  while (st->slots[j]) {
    const Term *t = &st->terms[st->slots[j] - 1];
    if (t->len == n && !memcmp(st->arena + t->off, k, n)) return st->slots[j] - 1;
    j = (j + 1) & (st->n_slots - 1);
  }
  return UINT32_MAX;
}

/* Interns key k (text starts at byte text_at); UINT32_MAX when out of memory. */
static uint32_t intern_key(CnkgSparqlStore *st, const char *k, size_t n, size_t text_at) {
  uint32_t id = find_key(st, k, n);
  if (id != UINT32_MAX) return id;
  if (n > UINT32_MAX - 1 || st->n_terms >= UINT32_MAX - 1) return UINT32_MAX;
  if ((st->n_terms + 1) * 2 > st->n_slots && !grow_slots(st)) return UINT32_MAX;
  if (st->n_terms == st->cap_terms) {
    size_t c = st->cap_terms ? st->cap_terms * 2 : 1024;
    Term *t = realloc(st->terms, c * sizeof *t);
    if (!t) return UINT32_MAX;
    st->terms = t;
    st->cap_terms = c;
  }
  if (st->arena_len + n > st->arena_cap) {
    size_t c = st->arena_cap ? st->arena_cap * 2 : 65536;
    while (c < st->arena_len + n) c *= 2;
    char *a = realloc(st->arena, c);
    if (!a) return UINT32_MAX;
    st->arena = a;
    st->arena_cap = c;
  }
  memcpy(st->arena + st->arena_len, k, n);
  id = (uint32_t)st->n_terms;
  st->terms[st->n_terms++] = (Term){st->arena_len, (uint32_t)n, (uint32_t)text_at};
  st->arena_len += n;
  size_t j = (size_t)hash_bytes(k, n) & (st->n_slots - 1);
  while (st->slots[j]) j = (j + 1) & (st->n_slots - 1);
  st->slots[j] = id + 1;
  return id;
}

/* A growing scratch buffer for building keys. */
typedef struct {
  char *p;
  size_t len, cap;
} Buf;

static bool buf_add(Buf *b, const void *s, size_t n) {
  if (b->len + n > b->cap) {
    size_t c = b->cap ? b->cap * 2 : 256;
    while (c < b->len + n) c *= 2;
    char *p = realloc(b->p, c);
    if (!p) return false;
    b->p = p;
    b->cap = c;
  }
  memcpy(b->p + b->len, s, n);
  b->len += n;
  return true;
}

/* Builds the key of a literal: lang and datatype may be NULL; xsd:string
 * counts as no datatype (RDF 1.1 simple literals). Returns the text offset. */
static bool literal_key(Buf *b, const char *lang, size_t lang_len,
                        const char *dt, const char *text, size_t text_len,
                        size_t *text_at) {
  b->len = 0;
  if (dt && !strcmp(dt, XSD_STRING)) dt = NULL;
  bool ok = buf_add(b, "L", 1);
  for (size_t i = 0; ok && lang && i < lang_len; i++) {
    char c = lang[i];
    if (c >= 'A' && c <= 'Z') c = (char)(c - 'A' + 'a'); /* tags compare case-insensitively */
    ok = buf_add(b, &c, 1);
  }
  ok = ok && buf_add(b, "\1", 1) && (!dt || buf_add(b, dt, strlen(dt))) && buf_add(b, "\1", 1);
  *text_at = b->len;
  return ok && buf_add(b, text, text_len);
}

static uint32_t intern_term(CnkgSparqlStore *st, Buf *b, const raptor_term *t) {
  size_t text_at = 1;
  b->len = 0;
  switch (t->type) {
  case RAPTOR_TERM_TYPE_URI: {
    size_t n = 0;
    const unsigned char *u = raptor_uri_as_counted_string(t->value.uri, &n);
    if (!buf_add(b, "U", 1) || !buf_add(b, u, n)) return UINT32_MAX;
    break;
  }
  case RAPTOR_TERM_TYPE_BLANK: {
    char pre[32];
    int n = snprintf(pre, sizeof pre, "B%zu:", st->file_index);
    text_at = (size_t)n;
    if (!buf_add(b, pre, (size_t)n) ||
        !buf_add(b, t->value.blank.string, t->value.blank.string_len))
      return UINT32_MAX;
    break;
  }
  case RAPTOR_TERM_TYPE_LITERAL: {
    const raptor_term_literal_value *l = &t->value.literal;
    const char *dt = l->datatype ? (const char *)raptor_uri_as_string(l->datatype) : NULL;
    if (!literal_key(b, (const char *)l->language, l->language_len, dt,
                     (const char *)l->string, l->string_len, &text_at))
      return UINT32_MAX;
    break;
  }
  case RAPTOR_TERM_TYPE_UNKNOWN:
  default:
    return UINT32_MAX;
  }
  return intern_key(st, b->p, b->len, text_at);
}

typedef struct {
  CnkgSparqlStore *st;
  Buf key;
} Loader;

static void on_statement(void *user_data, raptor_statement *s) {
  Loader *ld = user_data;
  CnkgSparqlStore *st = ld->st;
  if (st->nomem) return;
  if (st->n_triples == st->cap_triples) {
    size_t c = st->cap_triples ? st->cap_triples * 2 : 4096;
    Triple *t = realloc(st->spo, c * sizeof *t);
    if (!t) {
      st->nomem = true;
      return;
    }
    st->spo = t;
    st->cap_triples = c;
  }
  uint32_t a = intern_term(st, &ld->key, s->subject);
  uint32_t b = a == UINT32_MAX ? a : intern_term(st, &ld->key, s->predicate);
  uint32_t c = b == UINT32_MAX ? b : intern_term(st, &ld->key, s->object);
  if (c == UINT32_MAX) {
    st->nomem = true;
    return;
  }
  st->spo[st->n_triples++] = (Triple){a, b, c};
}

static void on_parse_log(void *user_data, raptor_log_message *m) {
  CnkgSparqlStore *st = user_data;
  if (!m || m->level < RAPTOR_LOG_LEVEL_ERROR || st->failed) return;
  st->failed = true;
  if (st->err && st->errsize) {
    int line = m->locator ? m->locator->line : -1;
    if (line > 0)
      snprintf(st->err, st->errsize, "%s:%d: %s", st->path, line, m->text);
    else
      snprintf(st->err, st->errsize, "%s: %s", st->path, m->text);
  }
}

static int cmp_spo(const void *x, const void *y) {
  const Triple *a = x, *b = y;
  if (a->s != b->s) return a->s < b->s ? -1 : 1;
  if (a->p != b->p) return a->p < b->p ? -1 : 1;
  return a->o < b->o ? -1 : a->o > b->o;
}
static int cmp_pos(const void *x, const void *y) {
  const Triple *a = x, *b = y;
  if (a->p != b->p) return a->p < b->p ? -1 : 1;
  if (a->o != b->o) return a->o < b->o ? -1 : 1;
  return a->s < b->s ? -1 : a->s > b->s;
}
static int cmp_osp(const void *x, const void *y) {
  const Triple *a = x, *b = y;
  if (a->o != b->o) return a->o < b->o ? -1 : 1;
  if (a->s != b->s) return a->s < b->s ? -1 : 1;
  return a->p < b->p ? -1 : a->p > b->p;
}

static CnkgStatus parse_one(raptor_world *world, Loader *ld, const char *path) {
  CnkgSparqlStore *st = ld->st;
  bool is_stdin = !strcmp(path, "-");
  FILE *f = is_stdin ? stdin : fopen(path, "rb");
  if (!f) {
    if (st->err && st->errsize)
      snprintf(st->err, st->errsize, "%s: cannot read graph: %s", path, strerror(errno));
    return CNKG_ERR_READ;
  }
  size_t n = strlen(path);
  bool nt = n >= 3 && !strcmp(path + n - 3, ".nt");
  raptor_parser *parser = raptor_new_parser(world, nt ? "ntriples" : "turtle");
  unsigned char *us = raptor_uri_filename_to_uri_string(is_stdin ? "stdin" : path);
  raptor_uri *base = us ? raptor_new_uri(world, us) : NULL;
  CnkgStatus rc = CNKG_SUCCESS;
  if (!parser || !base) {
    rc = CNKG_ERR_NOMEM;
  } else {
    st->path = path;
    raptor_parser_set_statement_handler(parser, ld, on_statement);
    int prc = raptor_parser_parse_file_stream(parser, f, path, base);
    if (st->nomem)
      rc = CNKG_ERR_NOMEM;
    else if (prc || st->failed) {
      if (!st->failed && st->err && st->errsize)
        snprintf(st->err, st->errsize, "%s: cannot parse graph", path);
      rc = ferror(f) ? CNKG_ERR_READ : CNKG_ERR_TEXT;
    }
  }
  raptor_free_parser(parser);
  raptor_free_uri(base);
  raptor_free_memory(us);
  if (!is_stdin) fclose(f);
  return rc;
}

CnkgStatus cnkg_sparql_store_load(raptor_world *world,
                                  const char *const *paths, size_t n_paths,
                                  CnkgSparqlStore **store, char *err,
                                  size_t errsize) {
  if (!world || !store || (n_paths && !paths)) return CNKG_ERR_ARG;
  *store = NULL;
  CnkgSparqlStore *st = calloc(1, sizeof *st);
  if (!st) return CNKG_ERR_NOMEM;
  st->err = err;
  st->errsize = errsize;
  Loader ld = {st, {NULL, 0, 0}};
  CnkgStatus rc = grow_slots(st) ? CNKG_SUCCESS : CNKG_ERR_NOMEM;
  raptor_world_set_log_handler(world, st, on_parse_log);
  for (size_t i = 0; i < n_paths && !rc; i++) {
    st->file_index = i;
    rc = parse_one(world, &ld, paths[i]);
  }
  free(ld.key.p);
  if (!rc && st->n_triples) {
    /* duplicates across files collapse: a graph is a set */
    qsort(st->spo, st->n_triples, sizeof *st->spo, cmp_spo);
    size_t w = 1;
    for (size_t i = 1; i < st->n_triples; i++)
      if (cmp_spo(&st->spo[i], &st->spo[w - 1])) st->spo[w++] = st->spo[i];
    st->n_triples = w;
    st->pos = malloc(w * sizeof *st->pos);
    st->osp = malloc(w * sizeof *st->osp);
    st->lits = calloc(st->n_terms ? st->n_terms : 1, sizeof *st->lits);
    if (!st->pos || !st->osp || !st->lits) {
      rc = CNKG_ERR_NOMEM;
    } else {
      memcpy(st->pos, st->spo, w * sizeof *st->pos);
      memcpy(st->osp, st->spo, w * sizeof *st->osp);
      qsort(st->pos, w, sizeof *st->pos, cmp_pos);
      qsort(st->osp, w, sizeof *st->osp, cmp_osp);
    }
  } else if (!rc) {
    st->lits = calloc(1, sizeof *st->lits);
    if (!st->lits) rc = CNKG_ERR_NOMEM;
  }
  if (rc == CNKG_ERR_NOMEM && err && errsize) snprintf(err, errsize, "out of memory reading the graphs");
  st->err = NULL;
  if (rc) {
    cnkg_sparql_store_free(st);
    return rc;
  }
  *store = st;
  return CNKG_SUCCESS;
}

size_t cnkg_sparql_store_size(const CnkgSparqlStore *st) { return st ? st->n_triples : 0; }

void cnkg_sparql_store_free(CnkgSparqlStore *st) {
  if (!st) return;
  if (st->lits)
    for (size_t i = 0; i < st->n_terms; i++)
      if (st->lits[i]) rasqal_free_literal(st->lits[i]);
  free(st->lits);
  free(st->arena);
  free(st->terms);
  free(st->slots);
  free(st->spo);
  free(st->pos);
  free(st->osp);
  free(st);
}

/* ---- terms <-> rasqal literals */

static char *copy_n(const char *s, size_t n) {
  char *r = malloc(n + 1);
  if (r) {
    memcpy(r, s, n);
    r[n] = '\0';
  }
  return r;
}

/* The rasqal literal of term id (owned by the store), made on first use. */
static rasqal_literal *term_literal(CnkgSparqlStore *st, uint32_t id) {
  if (st->lits[id]) return st->lits[id];
  const Term *t = &st->terms[id];
  const char *k = st->arena + t->off;
  const char *text = k + t->text;
  size_t text_len = t->len - t->text;
  rasqal_literal *l = NULL;
  if (k[0] == 'U') {
    raptor_uri *u = raptor_new_uri_from_counted_string(rasqal_world_get_raptor(st->world),
                                                       (const unsigned char *)text, text_len);
    if (u) l = rasqal_new_uri_literal(st->world, u);
  } else if (k[0] == 'B') {
    char *s = copy_n(text, text_len);
    if (s) l = rasqal_new_simple_literal(st->world, RASQAL_LITERAL_BLANK, (unsigned char *)s);
  } else {
    const char *lang_end = memchr(k + 1, '\1', t->len - 1);
    const char *dt_end = lang_end ? memchr(lang_end + 1, '\1', (size_t)(k + t->len - lang_end - 1)) : NULL;
    if (!dt_end) return NULL;
    size_t lang_len = (size_t)(lang_end - (k + 1));
    size_t dt_len = (size_t)(dt_end - lang_end - 1);
    char *s = copy_n(text, text_len);
    char *lang = lang_len ? copy_n(k + 1, lang_len) : NULL;
    raptor_uri *dt = dt_len ? raptor_new_uri_from_counted_string(
                                  rasqal_world_get_raptor(st->world),
                                  (const unsigned char *)lang_end + 1, dt_len)
                            : NULL;
    if (s && (!lang_len || lang) && (!dt_len || dt)) {
      l = rasqal_new_string_literal(st->world, (unsigned char *)s, lang, dt, NULL);
      s = NULL, lang = NULL, dt = NULL; /* taken, even on failure */
    }
    free(s);
    free(lang);
    if (dt) raptor_free_uri(dt);
  }
  st->lits[id] = l;
  return l;
}

/* Id of the term a rasqal literal denotes, or UINT32_MAX if the graph has
 * no such term. */
static uint32_t literal_id(CnkgSparqlStore *st, rasqal_literal *l, Buf *b) {
  size_t n = 0;
  b->len = 0;
  rasqal_literal_type type = rasqal_literal_get_rdf_term_type(l);
  if (type == RASQAL_LITERAL_URI) {
    const unsigned char *u = raptor_uri_as_counted_string(l->value.uri, &n);
    if (!buf_add(b, "U", 1) || !buf_add(b, u, n)) return UINT32_MAX;
    return find_key(st, b->p, b->len);
  }
  if (type == RASQAL_LITERAL_BLANK) {
    /* a blank node bound from the graph: its key is unknown here, so look
     * through the terms of every file (rare: cnkg writes no blank nodes) */
    for (size_t i = 0; i < st->n_terms; i++) {
      const Term *t = &st->terms[i];
      const char *k = st->arena + t->off;
      if (k[0] == 'B' && t->len - t->text == l->string_len &&
          !memcmp(k + t->text, l->string, l->string_len))
        return (uint32_t)i;
    }
    return UINT32_MAX;
  }
  int error = 0;
  const unsigned char *s = rasqal_literal_as_counted_string(l, &n, 0, &error);
  if (!s || error) return UINT32_MAX;
  raptor_uri *dt = rasqal_literal_datatype(l);
  size_t text_at;
  const char *lang = l->language;
  if (!literal_key(b, lang, lang ? strlen(lang) : 0,
                   dt ? (const char *)raptor_uri_as_string(dt) : NULL,
                   (const char *)s, n, &text_at))
    return UINT32_MAX;
  return find_key(st, b->p, b->len);
}

/* ---- the rasqal triples source */

typedef struct {
  CnkgSparqlStore *st;
  const Triple *cur, *end;
} Match;

static rasqal_triple_parts bind_match(rasqal_triples_match *rtm, void *user_data,
                                      rasqal_variable *bindings[4],
                                      rasqal_triple_parts parts) {
  (void)user_data;
  Match *mc = rtm->user_data;
  const Triple *t = mc->cur;
  unsigned result = 0;
  if (bindings[0] && (parts & RASQAL_TRIPLE_SUBJECT)) {
    rasqal_literal *l = term_literal(mc->st, t->s);
    if (!l) return (rasqal_triple_parts)0;
    rasqal_variable_set_value(bindings[0], rasqal_new_literal_from_literal(l));
    result |= RASQAL_TRIPLE_SUBJECT;
  }
  if (bindings[1] && (parts & RASQAL_TRIPLE_PREDICATE)) {
    if (bindings[0] == bindings[1]) {
      if (t->s != t->p) return (rasqal_triple_parts)0;
    } else {
      rasqal_literal *l = term_literal(mc->st, t->p);
      if (!l) return (rasqal_triple_parts)0;
      rasqal_variable_set_value(bindings[1], rasqal_new_literal_from_literal(l));
      result |= RASQAL_TRIPLE_PREDICATE;
    }
  }
  if (bindings[2] && (parts & RASQAL_TRIPLE_OBJECT)) {
    bool bind = true;
    if (bindings[0] == bindings[2]) {
      if (t->s != t->o) return (rasqal_triple_parts)0;
      bind = false;
    }
    if (bindings[1] == bindings[2] && bindings[0] != bindings[1]) {
      if (t->p != t->o) return (rasqal_triple_parts)0;
      bind = false;
    }
    if (bind) {
      rasqal_literal *l = term_literal(mc->st, t->o);
      if (!l) return (rasqal_triple_parts)0;
      rasqal_variable_set_value(bindings[2], rasqal_new_literal_from_literal(l));
      result |= RASQAL_TRIPLE_OBJECT;
    }
  }
  return (rasqal_triple_parts)result;
}

static void next_match(rasqal_triples_match *rtm, void *user_data) {
  (void)user_data;
  Match *mc = rtm->user_data;
  if (mc->cur < mc->end) mc->cur++;
}

static int is_end(rasqal_triples_match *rtm, void *user_data) {
  (void)user_data;
  Match *mc = rtm->user_data;
  return !mc || mc->cur >= mc->end;
}

static void finish_match(rasqal_triples_match *rtm, void *user_data) {
  (void)user_data;
  free(rtm->user_data);
  rtm->user_data = NULL;
}

/* Narrows [*lo, *hi) of a sorted index to the triples whose first k key
 * parts equal key[0..k), with cmp ordering them. */
typedef uint32_t (*Part)(const Triple *t, int i);
static uint32_t part_spo(const Triple *t, int i) { return i == 0 ? t->s : i == 1 ? t->p : t->o; }
static uint32_t part_pos(const Triple *t, int i) { return i == 0 ? t->p : i == 1 ? t->o : t->s; }
static uint32_t part_osp(const Triple *t, int i) { return i == 0 ? t->o : i == 1 ? t->s : t->p; }

static int prefix_cmp(const Triple *t, Part part, const uint32_t *key, int k) {
  for (int i = 0; i < k; i++) {
    uint32_t v = part(t, i);
    if (v != key[i]) return v < key[i] ? -1 : 1;
  }
  return 0;
}

static void range(const Triple *base, size_t n, Part part, const uint32_t *key,
                  int k, const Triple **lo, const Triple **hi) {
  size_t a = 0, b = n;
  while (a < b) { /* first >= key */
    size_t m = a + (b - a) / 2;
    if (prefix_cmp(&base[m], part, key, k) < 0) a = m + 1; else b = m;
  }
  size_t first = a;
  b = n;
  while (a < b) { /* first > key */
    size_t m = a + (b - a) / 2;
    if (prefix_cmp(&base[m], part, key, k) <= 0) a = m + 1; else b = m;
  }
  *lo = base + first;
  *hi = base + a;
}

/* Resolves one position of a pattern: *bound = term id if the position is
 * a constant or a bound variable; *var = the variable, if any. Returns
 * false when the constant is not in the graph (no triple can match). */
static bool resolve(CnkgSparqlStore *st, rasqal_literal *l, Buf *b,
                    rasqal_variable **var, bool *is_bound, uint32_t *id) {
  rasqal_literal *value = l;
  *var = rasqal_literal_as_variable(l);
  if (*var) value = (*var)->value;
  *is_bound = value != NULL;
  if (!value) return true;
  *id = literal_id(st, value, b);
  return *id != UINT32_MAX;
}

static int init_triples_match(rasqal_triples_match *rtm,
                              rasqal_triples_source *rts, void *user_data,
                              rasqal_triple_meta *m, rasqal_triple *t) {
  (void)rts;
  CnkgSparqlStore *st = *(CnkgSparqlStore **)user_data;
  rtm->bind_match = bind_match;
  rtm->next_match = next_match;
  rtm->is_end = is_end;
  rtm->finish = finish_match;
  Match *mc = calloc(1, sizeof *mc);
  if (!mc) return -1;
  rtm->user_data = mc;
  mc->st = st;
  Buf b = {NULL, 0, 0};
  bool bs, bp, bo;
  uint32_t s = 0, p = 0, o = 0;
  bool possible = resolve(st, t->subject, &b, &m->bindings[0], &bs, &s);
  possible = resolve(st, t->predicate, &b, &m->bindings[1], &bp, &p) && possible;
  possible = resolve(st, t->object, &b, &m->bindings[2], &bo, &o) && possible;
  free(b.p);
  /* named graphs are not kept: a GRAPH pattern matches nothing */
  if (!possible || t->origin || !st->n_triples) {
    mc->cur = mc->end = st->spo;
    return 0;
  }
  uint32_t key[3];
  if (bs && (bp || !bo)) { /* s, sp, spo */
    key[0] = s, key[1] = p, key[2] = o;
    range(st->spo, st->n_triples, part_spo, key, bp ? (bo ? 3 : 2) : 1, &mc->cur, &mc->end);
  } else if (bs) { /* s and o */
    key[0] = o, key[1] = s;
    range(st->osp, st->n_triples, part_osp, key, 2, &mc->cur, &mc->end);
  } else if (bp) { /* p, po */
    key[0] = p, key[1] = o;
    range(st->pos, st->n_triples, part_pos, key, bo ? 2 : 1, &mc->cur, &mc->end);
  } else if (bo) {
    key[0] = o;
    range(st->osp, st->n_triples, part_osp, key, 1, &mc->cur, &mc->end);
  } else {
    mc->cur = st->spo;
    mc->end = st->spo + st->n_triples;
  }
  return 0;
}

static int triple_present(rasqal_triples_source *rts, void *user_data,
                          rasqal_triple *t) {
  (void)rts;
  CnkgSparqlStore *st = *(CnkgSparqlStore **)user_data;
  if (t->origin) return 0;
  Buf b = {NULL, 0, 0};
  uint32_t key[3];
  key[0] = literal_id(st, t->subject, &b);
  key[1] = literal_id(st, t->predicate, &b);
  key[2] = literal_id(st, t->object, &b);
  free(b.p);
  if (key[0] == UINT32_MAX || key[1] == UINT32_MAX || key[2] == UINT32_MAX) return 0;
  const Triple *lo, *hi;
  range(st->spo, st->n_triples, part_spo, key, 3, &lo, &hi);
  return lo < hi;
}

static void free_triples_source(void *user_data) { (void)user_data; }

static int support_feature(void *user_data, rasqal_triples_source_feature f) {
  (void)user_data;
  (void)f;
  return 0;
}

static int init_triples_source(rasqal_query *query, void *factory_user_data,
                               void *user_data, rasqal_triples_source *rts,
                               rasqal_triples_error_handler handler) {
  (void)query;
  (void)handler;
  *(CnkgSparqlStore **)user_data = factory_user_data;
  rts->version = 2;
  rts->init_triples_match = init_triples_match;
  rts->triple_present = triple_present;
  rts->free_triples_source = free_triples_source;
  rts->support_feature = support_feature;
  return 0;
}

static int new_triples_source(rasqal_query *query, void *factory_user_data,
                              void *user_data, rasqal_triples_source *rts) {
  return init_triples_source(query, factory_user_data, user_data, rts, NULL);
}

static int register_factory(rasqal_triples_source_factory *factory) {
  factory->version = 2;
  factory->user_data_size = sizeof(CnkgSparqlStore *);
  factory->new_triples_source = new_triples_source;
  factory->init_triples_source = init_triples_source;
  return 0;
}

CnkgStatus cnkg_sparql_store_register(rasqal_world *world, CnkgSparqlStore *store) {
  if (!world || !store) return CNKG_ERR_ARG;
  store->world = world;
  return rasqal_set_triples_source_factory(world, register_factory, store)
             ? CNKG_ERR_INTERNAL
             : CNKG_SUCCESS;
}
