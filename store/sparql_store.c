/* SPDX-License-Identifier: Apache-2.0
 * The rasqal triples source over the triple store (see sparql_store.h):
 * every triple pattern is a binary search in the store's SPO, POS or OSP
 * index; rasqal literals are made for a term only when a variable is first
 * bound to it. Depends on store/store.h, status.h, rasqal and raptor2. */
#include "store/sparql_store.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cnkg/text.h"
#include "store/store.h"

struct CnkgSparqlStore {
  CnkgStore *store;
  rasqal_literal **lits; /* per term, made on first use */
  rasqal_world *world;   /* set by register, for making literals */
};

typedef CnkgTriple Triple;

/* The store's message for a graph that did not load, prefixed by its path. */
static void load_error(const char *path, CnkgStatus rc, const CnkgStoreError *e, char *err,
                       size_t errsize) {
  if (!err || !errsize) return;
  if (rc == CNKG_ERR_NOMEM) snprintf(err, errsize, "out of memory reading the graphs");
  else if (!e->text[0]) snprintf(err, errsize, "%s: cannot parse graph", path);
  else if (e->line > 0) snprintf(err, errsize, "%s:%d: %s", path, e->line, e->text);
  else snprintf(err, errsize, "%s: %s", path, e->text);
}

CnkgStatus cnkg_sparql_store_load(raptor_world *world,
                                  const char *const *paths, size_t n_paths,
                                  CnkgSparqlStore **store, char *err,
                                  size_t errsize) {
  if (!world || !store || (n_paths && !paths)) return CNKG_ERR_ARG;
  *store = NULL;
  CnkgSparqlStore *st = calloc(1, sizeof *st);
  if (!st || !(st->store = cnkg_store_new(world, true))) {
    free(st);
    if (err && errsize) snprintf(err, errsize, "out of memory reading the graphs");
    return CNKG_ERR_NOMEM;
  }
  CnkgStatus rc = CNKG_SUCCESS;
  CnkgStoreError e;
  for (size_t i = 0; i < n_paths && !rc; i++) {
    size_t n = strlen(paths[i]);
    bool nt = n >= 3 && !strcmp(paths[i] + n - 3, ".nt");
    rc = cnkg_store_load(st->store, paths[i], nt ? "ntriples" : "turtle", NULL, &e);
    if (rc) load_error(paths[i], rc, &e, err, errsize);
  }
  if (!rc && (rc = cnkg_store_index(st->store)) != CNKG_SUCCESS)
    load_error("", rc, &e, err, errsize);
  size_t n_terms = cnkg_store_term_count(st->store);
  if (!rc && !(st->lits = calloc(n_terms ? n_terms : 1, sizeof *st->lits))) {
    rc = CNKG_ERR_NOMEM;
    load_error("", rc, &e, err, errsize);
  }
  if (rc) {
    cnkg_sparql_store_free(st);
    return rc;
  }
  *store = st;
  return CNKG_SUCCESS;
}

void cnkg_sparql_store_free(CnkgSparqlStore *st) {
  if (!st) return;
  if (st->lits)
    for (size_t i = 0; i < cnkg_store_term_count(st->store); i++)
      if (st->lits[i]) rasqal_free_literal(st->lits[i]);
  free(st->lits);
  cnkg_store_free(st->store);
  free(st);
}

/* ---- terms <-> rasqal literals */

/* The rasqal literal of term id (owned by the store), made on first use. */
static rasqal_literal *term_literal(CnkgSparqlStore *st, uint32_t id) {
  if (st->lits[id]) return st->lits[id];
  CnkgTerm t = cnkg_store_term(st->store, id);
  raptor_world *rw = rasqal_world_get_raptor(st->world);
  rasqal_literal *l = NULL;
  if (t.kind == CNKG_TERM_IRI) {
    raptor_uri *u = raptor_new_uri_from_counted_string(rw, (const unsigned char *)t.text, t.len);
    if (u) l = rasqal_new_uri_literal(st->world, u);
  } else if (t.kind == CNKG_TERM_BLANK) {
    char *s = cnkg_strndup(t.text, t.len);
    if (s) l = rasqal_new_simple_literal(st->world, RASQAL_LITERAL_BLANK, (unsigned char *)s);
  } else {
    char *s = cnkg_strndup(t.text, t.len);
    char *lang = t.lang_len ? cnkg_strndup(t.lang, t.lang_len) : NULL;
    raptor_uri *dt = t.datatype_len ? raptor_new_uri_from_counted_string(
                                          rw, (const unsigned char *)t.datatype, t.datatype_len)
                                    : NULL;
    if (s && (!t.lang_len || lang) && (!t.datatype_len || dt)) {
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
static uint32_t literal_id(CnkgSparqlStore *st, rasqal_literal *l) {
  size_t n = 0;
  rasqal_literal_type type = rasqal_literal_get_rdf_term_type(l);
  if (type == RASQAL_LITERAL_URI) {
    const unsigned char *u = raptor_uri_as_counted_string(l->value.uri, &n);
    return cnkg_store_find_iri(st->store, (const char *)u, n);
  }
  if (type == RASQAL_LITERAL_BLANK) /* bound from the graph (cnkg writes none) */
    return cnkg_store_find_blank(st->store, (const char *)l->string, l->string_len);
  int error = 0;
  const unsigned char *s = rasqal_literal_as_counted_string(l, &n, 0, &error);
  if (!s || error) return UINT32_MAX;
  raptor_uri *dt = rasqal_literal_datatype(l);
  const char *lang = l->language;
  return cnkg_store_find_literal(st->store, (const char *)s, n, lang, lang ? strlen(lang) : 0,
                                 dt ? (const char *)raptor_uri_as_string(dt) : NULL);
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

/* Points the match at the triples of order's index whose first k parts
 * are key[0..k). */
static void narrow(Match *mc, CnkgStoreOrder order, const uint32_t *key, int k) {
  size_t lo, hi;
  const Triple *base = cnkg_store_index_array(mc->st->store, order);
  cnkg_store_range(mc->st->store, order, key, k, &lo, &hi);
  mc->cur = base + lo;
  mc->end = base + hi;
}

/* Resolves one position of a pattern: *bound = term id if the position is
 * a constant or a bound variable; *var = the variable, if any. Returns
 * false when the constant is not in the graph (no triple can match). */
static bool resolve(CnkgSparqlStore *st, rasqal_literal *l, rasqal_variable **var,
                    bool *is_bound, uint32_t *id) {
  rasqal_literal *value = l;
  *var = rasqal_literal_as_variable(l);
  if (*var) value = (*var)->value;
  *is_bound = value != NULL;
  if (!value) return true;
  *id = literal_id(st, value);
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
  bool bs, bp, bo;
  uint32_t s = 0, p = 0, o = 0;
  bool possible = resolve(st, t->subject, &m->bindings[0], &bs, &s);
  possible = resolve(st, t->predicate, &m->bindings[1], &bp, &p) && possible;
  possible = resolve(st, t->object, &m->bindings[2], &bo, &o) && possible;
  size_t n_triples;
  const Triple *all = cnkg_store_triples(st->store, &n_triples);
  /* named graphs are not kept: a GRAPH pattern matches nothing */
  if (!possible || t->origin || !n_triples) {
    mc->cur = mc->end = all;
    return 0;
  }
  uint32_t key[3];
  if (bs && (bp || !bo)) { /* s, sp, spo */
    key[0] = s, key[1] = p, key[2] = o;
    narrow(mc, CNKG_STORE_SPO, key, bp ? (bo ? 3 : 2) : 1);
  } else if (bs) { /* s and o */
    key[0] = o, key[1] = s;
    narrow(mc, CNKG_STORE_OSP, key, 2);
  } else if (bp) { /* p, po */
    key[0] = p, key[1] = o;
    narrow(mc, CNKG_STORE_POS, key, bo ? 2 : 1);
  } else if (bo) {
    key[0] = o;
    narrow(mc, CNKG_STORE_OSP, key, 1);
  } else {
    mc->cur = all;
    mc->end = all + n_triples;
  }
  return 0;
}

static int triple_present(rasqal_triples_source *rts, void *user_data,
                          rasqal_triple *t) {
  (void)rts;
  CnkgSparqlStore *st = *(CnkgSparqlStore **)user_data;
  if (t->origin) return 0;
  uint32_t key[3];
  key[0] = literal_id(st, t->subject);
  key[1] = literal_id(st, t->predicate);
  key[2] = literal_id(st, t->object);
  if (key[0] == UINT32_MAX || key[1] == UINT32_MAX || key[2] == UINT32_MAX) return 0;
  size_t lo, hi;
  cnkg_store_range(st->store, CNKG_STORE_SPO, key, 3, &lo, &hi);
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
