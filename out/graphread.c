/* SPDX-License-Identifier: Apache-2.0
 * Graph reader behind `cnkg trace` and `cnkg show`: raptor2 parses the file
 * into interned terms and two sorted triple arrays (by subject, by object);
 * entities, names, relation adjacency and evidence are looked up there.
 * Depends on include/cnkg/, out/rdf.h and out/vocab.h (namespaces) and
 * raptor2. */
#include "out/graphread.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <raptor2.h>

#include "cnkg/log.h"
#include "out/rdf.h"
#include "out/vocab.h"

#define NONE SIZE_MAX

typedef enum { K_IRI = 0, K_LIT, K_BNODE } Kind;

typedef struct {
  char *value; /* owned */
  char *lang;  /* owned; NULL when none */
  Kind kind;
} Term;

typedef struct {
  size_t s, p, o;
} Triple;

/* Terms the lookups need, found once after loading (NONE when absent). */
enum {
  F_TYPE, F_LABEL, F_PREF, F_ALT, F_OFFICIAL, F_CODE, F_SENTENCE, F_SUBJ,
  F_PRED, F_OBJ, F_DERIVED, F_SOURCE, F_HEADLINE, F_BEGIN, F_END, F_ANCHOR,
  F_REFCTX, F_IDENTREF, F_LOCATED, F_HOLDS, F_ASSOC, F_POSTAT, F_COUNT
};
static const char *const fixed_iris[F_COUNT] = {
  CNKG_NS_RDF "type", CNKG_NS_RDFS "label", CNKG_NS_SKOS "prefLabel",
  CNKG_NS_SKOS "altLabel", CNKG_ONTOLOGY_NS "officialName",
  CNKG_ONTOLOGY_NS "code", CNKG_ONTOLOGY_NS "sentence",
  CNKG_ONTOLOGY_NS "subject", CNKG_ONTOLOGY_NS "predicate",
  CNKG_ONTOLOGY_NS "object", CNKG_NS_PROV "wasDerivedFrom",
  CNKG_NS_DCT "source", CNKG_NS_SCHEMA "headline", CNKG_NS_NIF "beginIndex",
  CNKG_NS_NIF "endIndex", CNKG_NS_NIF "anchorOf",
  CNKG_NS_NIF "referenceContext", CNKG_NS_ITS "taIdentRef",
  CNKG_ONTOLOGY_NS "locatedIn", CNKG_ONTOLOGY_NS "holdsPost",
  CNKG_ONTOLOGY_NS "associatedWith", CNKG_ONTOLOGY_NS "postAt",
};

typedef struct {
  size_t nb;     /* neighbouring entity */
  size_t triple; /* index into spo */
  bool forward;
} Adj;

struct CnkgGraphRead {
  Term *terms;
  size_t n_terms, cap_terms;
  size_t *slots; /* open addressing: term index + 1, 0 = empty */
  size_t n_slots;
  Triple *spo, *ops;
  size_t n_triples, cap_triples;
  size_t fixed[F_COUNT];
  /* entities in IRI order */
  size_t *ent_term;
  size_t *ent_class; /* class term */
  size_t n_ent;
  size_t *ent_of_term; /* n_terms entries, NONE if not an entity */
  Adj *adj;
  size_t *adj_start; /* n_ent + 1 */
  /* loading state */
  bool nomem;
  char *err;
  size_t errsize;
  const char *path;
};

/* ---- interning ---- */

static uint64_t hash_term(Kind kind, const char *v, const char *lang) {
  uint64_t h = 1469598103934665603u ^ (uint64_t)kind;
  for (const unsigned char *p = (const unsigned char *)v; *p; p++)
    h = (h ^ *p) * 1099511628211u;
  h = (h ^ 0x1fu) * 1099511628211u;
  if (lang)
    for (const unsigned char *p = (const unsigned char *)lang; *p; p++)
      h = (h ^ *p) * 1099511628211u;
  return h;
}

static bool same_term(const Term *t, Kind kind, const char *v, const char *lang) {
  if (t->kind != kind || strcmp(t->value, v)) return false;
  if (!t->lang || !lang) return !t->lang && !lang;
  return !strcmp(t->lang, lang);
}

static size_t find_term(const CnkgGraphRead *g, Kind kind, const char *v,
                        const char *lang) {
  if (!g->n_slots) return NONE;
  size_t mask = g->n_slots - 1;
  for (size_t i = (size_t)hash_term(kind, v, lang) & mask;; i = (i + 1) & mask) {
    size_t slot = g->slots[i];
    if (!slot) return NONE;
    if (same_term(&g->terms[slot - 1], kind, v, lang)) return slot - 1;
  }
}

static bool grow_slots(CnkgGraphRead *g) {
  size_t n = g->n_slots ? g->n_slots * 2 : 1024;
  size_t *slots = calloc(n, sizeof *slots);
  if (!slots) return false;
  for (size_t t = 0; t < g->n_terms; t++) {
    const Term *term = &g->terms[t];
    size_t i = (size_t)hash_term(term->kind, term->value, term->lang) & (n - 1);
    while (slots[i]) i = (i + 1) & (n - 1);
    slots[i] = t + 1;
  }
  free(g->slots);
  g->slots = slots;
  g->n_slots = n;
  return true;
}

static char *dup_str(const char *s) {
  size_t n = strlen(s) + 1;
  char *r = malloc(n);
  if (r) memcpy(r, s, n);
  return r;
}

static size_t intern(CnkgGraphRead *g, Kind kind, const char *v, const char *lang) {
  if (lang && !*lang) lang = NULL;
  size_t found = find_term(g, kind, v, lang);
  if (found != NONE) return found;
  if ((g->n_terms + 1) * 2 > g->n_slots && !grow_slots(g)) return NONE;
  if (g->n_terms == g->cap_terms) {
    size_t cap = g->cap_terms ? g->cap_terms * 2 : 1024;
    Term *t = realloc(g->terms, cap * sizeof *t);
    if (!t) return NONE;
    g->terms = t;
    g->cap_terms = cap;
  }
  Term *t = &g->terms[g->n_terms];
  t->kind = kind;
  t->value = dup_str(v);
  t->lang = lang ? dup_str(lang) : NULL;
  if (!t->value || (lang && !t->lang)) {
    free(t->value);
    free(t->lang);
    return NONE;
  }
  size_t mask = g->n_slots - 1;
  size_t i = (size_t)hash_term(kind, v, lang) & mask;
  while (g->slots[i]) i = (i + 1) & mask;
  g->slots[i] = g->n_terms + 1;
  return g->n_terms++;
}

static size_t intern_raptor(CnkgGraphRead *g, const raptor_term *t) {
  switch (t->type) {
  case RAPTOR_TERM_TYPE_URI:
    return intern(g, K_IRI, (const char *)raptor_uri_as_string(t->value.uri), NULL);
  case RAPTOR_TERM_TYPE_LITERAL:
    return intern(g, K_LIT, (const char *)t->value.literal.string,
                  (const char *)t->value.literal.language);
  case RAPTOR_TERM_TYPE_BLANK:
    return intern(g, K_BNODE, (const char *)t->value.blank.string, NULL);
  case RAPTOR_TERM_TYPE_UNKNOWN:
  default:
    return NONE;
  }
}

/* ---- loading ---- */

static void on_statement(void *ud, raptor_statement *st) {
  CnkgGraphRead *g = ud;
  if (g->nomem) return;
  Triple tr = {intern_raptor(g, st->subject), intern_raptor(g, st->predicate),
               intern_raptor(g, st->object)};
  if (tr.s == NONE || tr.p == NONE || tr.o == NONE) {
    g->nomem = true;
    return;
  }
  if (g->n_triples == g->cap_triples) {
    size_t cap = g->cap_triples ? g->cap_triples * 2 : 4096;
    Triple *t = realloc(g->spo, cap * sizeof *t);
    if (!t) {
      g->nomem = true;
      return;
    }
    g->spo = t;
    g->cap_triples = cap;
  }
  g->spo[g->n_triples++] = tr;
}

static void on_log(void *ud, raptor_log_message *msg) {
  CnkgGraphRead *g = ud;
  if (msg->level < RAPTOR_LOG_LEVEL_ERROR || !g->err || !g->errsize) return;
  if (g->err[0]) return; /* the first error says most */
  int line = msg->locator ? msg->locator->line : -1;
  if (line > 0)
    snprintf(g->err, g->errsize, "line %d: %s", line, msg->text ? msg->text : "syntax error");
  else
    snprintf(g->err, g->errsize, "%s", msg->text ? msg->text : "syntax error");
}

static int cmp_spo(const void *x, const void *y) {
  const Triple *a = x, *b = y;
  if (a->s != b->s) return a->s < b->s ? -1 : 1;
  if (a->p != b->p) return a->p < b->p ? -1 : 1;
  return a->o < b->o ? -1 : a->o > b->o;
}
static int cmp_ops(const void *x, const void *y) {
  const Triple *a = x, *b = y;
  if (a->o != b->o) return a->o < b->o ? -1 : 1;
  if (a->p != b->p) return a->p < b->p ? -1 : 1;
  return a->s < b->s ? -1 : a->s > b->s;
}

/* [*lo, *hi) of the triples in spo with subject s (by_object: in ops with
 * object s). */
static void range(const CnkgGraphRead *g, size_t s, bool by_object, size_t *lo,
                  size_t *hi) {
  const Triple *arr = by_object ? g->ops : g->spo;
  size_t a = 0, b = g->n_triples;
  while (a < b) {
    size_t m = a + (b - a) / 2;
    if ((by_object ? arr[m].o : arr[m].s) < s) a = m + 1; else b = m;
  }
  *lo = a;
  b = g->n_triples;
  while (a < b) {
    size_t m = a + (b - a) / 2;
    if ((by_object ? arr[m].o : arr[m].s) <= s) a = m + 1; else b = m;
  }
  *hi = a;
}

/* First object of s via p (NONE). With several, a zh literal is preferred. */
static size_t object_of(const CnkgGraphRead *g, size_t s, size_t p) {
  if (p == NONE || s == NONE) return NONE;
  size_t lo, hi, best = NONE;
  range(g, s, false, &lo, &hi);
  for (size_t i = lo; i < hi; i++) {
    if (g->spo[i].p != p) continue;
    const Term *t = &g->terms[g->spo[i].o];
    if (best == NONE || (t->lang && !strcmp(t->lang, "zh") &&
                         !(g->terms[best].lang && !strcmp(g->terms[best].lang, "zh"))))
      best = g->spo[i].o;
  }
  return best;
}

static const char *value_of(const CnkgGraphRead *g, size_t s, size_t p) {
  size_t o = object_of(g, s, p);
  return o == NONE ? NULL : g->terms[o].value;
}

static size_t number_of(const CnkgGraphRead *g, size_t s, size_t p) {
  const char *v = value_of(g, s, p);
  return v ? (size_t)strtoull(v, NULL, 10) : 0;
}

static const char *local_name(const char *iri) {
  const char *h = strrchr(iri, '#');
  if (!h) h = strrchr(iri, '/');
  return h ? h + 1 : iri;
}

typedef struct {
  const char *iri;
  size_t term, cls;
} EntSort;

static int cmp_entsort(const void *x, const void *y) {
  const EntSort *a = x, *b = y;
  return strcmp(a->iri, b->iri);
}

static int cmp_adj(const void *x, const void *y) {
  const Adj *a = x, *b = y;
  if (a->nb != b->nb) return a->nb < b->nb ? -1 : 1;
  return a->triple < b->triple ? -1 : a->triple > b->triple;
}

/* The class term of s when it is a cnkg entity class, else NONE. */
static size_t entity_class(const CnkgGraphRead *g, size_t type_iri) {
  const Term *t = &g->terms[type_iri];
  size_t nl = strlen(CNKG_ONTOLOGY_NS);
  if (t->kind != K_IRI || strncmp(t->value, CNKG_ONTOLOGY_NS, nl)) return NONE;
  for (int k = 0; k < CNKG_TYPE_COUNT; k++)
    if (!strcmp(t->value + nl, cnkg_type_name((CnkgType)k))) return type_iri;
  return NONE;
}

static bool is_relation_pred(const CnkgGraphRead *g, size_t p) {
  const Term *t = &g->terms[p];
  size_t nl = strlen(CNKG_ONTOLOGY_NS);
  if (t->kind != K_IRI || strncmp(t->value, CNKG_ONTOLOGY_NS, nl)) return false;
  for (int r = 0; r < CNKG_REL_COUNT; r++)
    if (!cnkg_rel_is_literal((CnkgRel)r) &&
        !strcmp(t->value + nl, cnkg_rel_name((CnkgRel)r)))
      return true;
  return false;
}

static CnkgStatus index_graph(CnkgGraphRead *g) {
  /* a graph is a set: drop duplicate statements */
  if (g->n_triples) {
    qsort(g->spo, g->n_triples, sizeof *g->spo, cmp_spo);
    size_t w = 1;
    for (size_t i = 1; i < g->n_triples; i++)
      if (cmp_spo(&g->spo[i], &g->spo[w - 1])) g->spo[w++] = g->spo[i];
    g->n_triples = w;
  }
  g->ops = malloc((g->n_triples ? g->n_triples : 1) * sizeof *g->ops);
  if (!g->ops) return CNKG_ERR_NOMEM;
  memcpy(g->ops, g->spo, g->n_triples * sizeof *g->ops);
  qsort(g->ops, g->n_triples, sizeof *g->ops, cmp_ops);
  for (int f = 0; f < F_COUNT; f++)
    g->fixed[f] = find_term(g, K_IRI, fixed_iris[f], NULL);

  g->ent_of_term = malloc((g->n_terms ? g->n_terms : 1) * sizeof *g->ent_of_term);
  EntSort *es = malloc((g->n_triples ? g->n_triples : 1) * sizeof *es);
  if (!g->ent_of_term || !es) {
    free(es);
    return CNKG_ERR_NOMEM;
  }
  for (size_t t = 0; t < g->n_terms; t++) g->ent_of_term[t] = NONE;
  size_t n = 0;
  for (size_t i = 0; i < g->n_triples; i++) {
    const Triple *tr = &g->spo[i];
    if (tr->p != g->fixed[F_TYPE] || g->terms[tr->s].kind != K_IRI) continue;
    size_t cls = entity_class(g, tr->o);
    if (cls == NONE || g->ent_of_term[tr->s] != NONE) continue;
    g->ent_of_term[tr->s] = 0;
    es[n++] = (EntSort){g->terms[tr->s].value, tr->s, cls};
  }
  qsort(es, n, sizeof *es, cmp_entsort);
  g->ent_term = malloc((n ? n : 1) * sizeof *g->ent_term);
  g->ent_class = malloc((n ? n : 1) * sizeof *g->ent_class);
  g->adj_start = calloc(n + 1, sizeof *g->adj_start);
  if (!g->ent_term || !g->ent_class || !g->adj_start) {
    free(es);
    return CNKG_ERR_NOMEM;
  }
  for (size_t e = 0; e < n; e++) {
    g->ent_term[e] = es[e].term;
    g->ent_class[e] = es[e].cls;
    g->ent_of_term[es[e].term] = e;
  }
  g->n_ent = n;
  free(es);

  /* adjacency in CSR form: count, place, sort each node's list */
  size_t n_adj = 0;
  for (size_t i = 0; i < g->n_triples; i++) {
    const Triple *tr = &g->spo[i];
    size_t a = g->ent_of_term[tr->s], b = g->ent_of_term[tr->o];
    if (a == NONE || b == NONE || a == b || !is_relation_pred(g, tr->p)) continue;
    g->adj_start[a + 1]++;
    g->adj_start[b + 1]++;
    n_adj += 2;
  }
  for (size_t e = 0; e < n; e++) g->adj_start[e + 1] += g->adj_start[e];
  g->adj = malloc((n_adj ? n_adj : 1) * sizeof *g->adj);
  size_t *fill = malloc((n ? n : 1) * sizeof *fill);
  if (!g->adj || !fill) {
    free(fill);
    return CNKG_ERR_NOMEM;
  }
  memcpy(fill, g->adj_start, n * sizeof *fill);
  for (size_t i = 0; i < g->n_triples; i++) {
    const Triple *tr = &g->spo[i];
    size_t a = g->ent_of_term[tr->s], b = g->ent_of_term[tr->o];
    if (a == NONE || b == NONE || a == b || !is_relation_pred(g, tr->p)) continue;
    g->adj[fill[a]++] = (Adj){b, i, true};
    g->adj[fill[b]++] = (Adj){a, i, false};
  }
  free(fill);
  for (size_t e = 0; e < n; e++)
    qsort(g->adj + g->adj_start[e], g->adj_start[e + 1] - g->adj_start[e],
          sizeof *g->adj, cmp_adj);
  return CNKG_SUCCESS;
}

CnkgStatus cnkg_graphread_load(const char *path, CnkgGraphRead **out, char *err,
                               size_t errsize) {
  if (!path || !out) return CNKG_ERR_ARG;
  *out = NULL;
  if (err && errsize) err[0] = '\0';
  FILE *f = fopen(path, "rb");
  if (!f) {
    if (err && errsize) snprintf(err, errsize, "cannot read graph: %s", strerror(errno));
    return CNKG_ERR_READ;
  }
  CnkgGraphRead *g = calloc(1, sizeof *g);
  raptor_world *world = raptor_new_world();
  if (!g || !world || raptor_world_open(world)) {
    fclose(f);
    free(g);
    raptor_free_world(world);
    return CNKG_ERR_NOMEM;
  }
  g->err = err;
  g->errsize = errsize;
  g->path = path;
  raptor_world_set_log_handler(world, g, on_log);
  /* Turtle's parser reads N-Triples too; raptor 2.0.15's own N-Triples
   * parser leaks a URI per file. */
  raptor_parser *parser = raptor_new_parser(world, "turtle");
  unsigned char *us = raptor_uri_filename_to_uri_string(path);
  raptor_uri *base = us ? raptor_new_uri(world, us) : NULL;
  CnkgStatus rc = CNKG_SUCCESS;
  if (!parser || !base || !grow_slots(g)) {
    rc = CNKG_ERR_NOMEM;
  } else {
    raptor_parser_set_statement_handler(parser, g, on_statement);
    int prc = raptor_parser_parse_file_stream(parser, f, path, base);
    if (g->nomem)
      rc = CNKG_ERR_NOMEM;
    else if (prc || (err && errsize && err[0])) {
      if (err && errsize && !err[0]) snprintf(err, errsize, "cannot parse graph");
      rc = ferror(f) ? CNKG_ERR_READ : CNKG_ERR_TEXT;
    }
  }
  raptor_free_parser(parser);
  raptor_free_uri(base);
  raptor_free_memory(us);
  raptor_free_world(world);
  fclose(f);
  g->err = NULL;
  if (!rc) rc = index_graph(g);
  if (rc) {
    if (rc == CNKG_ERR_NOMEM && err && errsize) snprintf(err, errsize, "out of memory");
    cnkg_graphread_free(g);
    return rc;
  }
  *out = g;
  return CNKG_SUCCESS;
}

void cnkg_graphread_free(CnkgGraphRead *g) {
  if (!g) return;
  for (size_t t = 0; t < g->n_terms; t++) {
    free(g->terms[t].value);
    free(g->terms[t].lang);
  }
  free(g->terms);
  free(g->slots);
  free(g->spo);
  free(g->ops);
  free(g->ent_term);
  free(g->ent_class);
  free(g->ent_of_term);
  free(g->adj);
  free(g->adj_start);
  free(g);
}

/* ---- entities ---- */

size_t cnkg_graphread_entity_count(const CnkgGraphRead *g) { return g ? g->n_ent : 0; }

const char *cnkg_graphread_iri(const CnkgGraphRead *g, size_t e) {
  return g->terms[g->ent_term[e]].value;
}

const char *cnkg_graphread_label(const CnkgGraphRead *g, size_t e) {
  const char *l = value_of(g, g->ent_term[e], g->fixed[F_LABEL]);
  if (!l) l = value_of(g, g->ent_term[e], g->fixed[F_PREF]);
  return l ? l : cnkg_graphread_iri(g, e);
}

const char *cnkg_graphread_class(const CnkgGraphRead *g, size_t e) {
  return local_name(g->terms[g->ent_class[e]].value);
}

const char *cnkg_graphread_context(const CnkgGraphRead *g, size_t e) {
  size_t s = g->ent_term[e];
  static const int via[] = {F_LOCATED, F_POSTAT, F_HOLDS, F_ASSOC};
  for (size_t i = 0; i < sizeof via / sizeof *via; i++) {
    size_t o = object_of(g, s, g->fixed[via[i]]);
    if (o != NONE && g->ent_of_term[o] != NONE)
      return cnkg_graphread_label(g, g->ent_of_term[o]);
  }
  return NULL;
}

static int cmp_size(const void *x, const void *y) {
  size_t a = *(const size_t *)x, b = *(const size_t *)y;
  return a < b ? -1 : a > b;
}

CnkgStatus cnkg_graphread_find(const CnkgGraphRead *g, const char *name,
                               size_t **found, size_t *n_found) {
  if (!g || !name || !found || !n_found) return CNKG_ERR_ARG;
  *found = NULL;
  *n_found = 0;
  size_t cap = 8, n = 0;
  size_t *r = malloc(cap * sizeof *r);
  if (!r) return CNKG_ERR_NOMEM;
  size_t iri = find_term(g, K_IRI, name, NULL);
  if (iri != NONE && g->ent_of_term[iri] != NONE) r[n++] = g->ent_of_term[iri];
  if (!n && strchr(name, '/')) {
    size_t nl = strlen(name);
    for (size_t e = 0; e < g->n_ent && n < cap; e++) {
      const char *v = cnkg_graphread_iri(g, e);
      size_t vl = strlen(v);
      if (vl > nl && v[vl - nl - 1] == '/' && !strcmp(v + vl - nl, name)) r[n++] = e;
    }
  }
  if (!n) {
    static const char *const langs[] = {"zh", NULL, "en"};
    static const int preds[] = {F_LABEL, F_PREF, F_ALT, F_OFFICIAL};
    for (size_t li = 0; li < sizeof langs / sizeof *langs; li++) {
      size_t lit = find_term(g, K_LIT, name, langs[li]);
      if (lit == NONE) continue;
      size_t lo, hi;
      range(g, lit, true, &lo, &hi);
      for (size_t i = lo; i < hi; i++) {
        size_t e = g->ent_of_term[g->ops[i].s];
        bool naming = false;
        for (size_t k = 0; k < sizeof preds / sizeof *preds; k++)
          naming = naming || g->ops[i].p == g->fixed[preds[k]];
        if (e == NONE || !naming) continue;
        if (n == cap) {
          size_t *t = realloc(r, cap * 2 * sizeof *t);
          if (!t) {
            free(r);
            return CNKG_ERR_NOMEM;
          }
          r = t;
          cap *= 2;
        }
        r[n++] = e;
      }
    }
  }
  qsort(r, n, sizeof *r, cmp_size);
  size_t w = 0;
  for (size_t i = 0; i < n; i++)
    if (!w || r[i] != r[w - 1]) r[w++] = r[i];
  if (!w) {
    free(r);
    return CNKG_NOTHING;
  }
  *found = r;
  *n_found = w;
  return CNKG_SUCCESS;
}

/* ---- paths ---- */

typedef struct {
  const CnkgGraphRead *g;
  const size_t *dist;
  size_t a;
  size_t max;
  CnkgTracePath *paths;
  size_t n;
  CnkgTraceStep *stack; /* steps from the far end back towards a */
  bool nomem;
} Walk;

/* Walks back from x (at distance d of a) along edges that lose one step,
 * recording each complete path a..b. */
static void walk_back(Walk *w, size_t x, size_t d) {
  if (w->n >= w->max || w->nomem) return;
  if (d == 0) {
    size_t len = w->dist[w->stack[0].to];
    CnkgTraceStep *steps = malloc((len ? len : 1) * sizeof *steps);
    if (!steps) {
      w->nomem = true;
      return;
    }
    /* stack[i] holds the step reaching depth len-i; reverse into order */
    for (size_t i = 0; i < len; i++) steps[i] = w->stack[len - 1 - i];
    w->paths[w->n++] = (CnkgTracePath){steps, len};
    return;
  }
  const CnkgGraphRead *g = w->g;
  size_t len = w->dist[w->stack[0].to];
  for (size_t k = g->adj_start[x]; k < g->adj_start[x + 1]; k++) {
    const Adj *ad = &g->adj[k];
    if (w->dist[ad->nb] != d - 1) continue;
    /* the step goes nb -> x, so nb is the subject when x's entry is backward */
    w->stack[len - d] = (CnkgTraceStep){ad->nb, x, ad->triple, !ad->forward};
    walk_back(w, ad->nb, d - 1);
    if (w->n >= w->max || w->nomem) return;
  }
}

CnkgStatus cnkg_graphread_paths(const CnkgGraphRead *g, size_t a, size_t b,
                                size_t max_paths, CnkgTracePath **paths,
                                size_t *n_paths) {
  if (!g || !paths || !n_paths || a >= g->n_ent || b >= g->n_ent || a == b ||
      !max_paths)
    return CNKG_ERR_ARG;
  *paths = NULL;
  *n_paths = 0;
  size_t *dist = malloc(g->n_ent * sizeof *dist);
  size_t *queue = malloc(g->n_ent * sizeof *queue);
  if (!dist || !queue) {
    free(dist);
    free(queue);
    return CNKG_ERR_NOMEM;
  }
  for (size_t e = 0; e < g->n_ent; e++) dist[e] = NONE;
  size_t qh = 0, qt = 0;
  dist[a] = 0;
  queue[qt++] = a;
  while (qh < qt && dist[b] == NONE) {
    size_t x = queue[qh++];
    for (size_t k = g->adj_start[x]; k < g->adj_start[x + 1]; k++) {
      size_t nb = g->adj[k].nb;
      if (dist[nb] != NONE) continue;
      dist[nb] = dist[x] + 1;
      queue[qt++] = nb;
    }
  }
  free(queue);
  if (dist[b] == NONE) {
    free(dist);
    return CNKG_NOTHING;
  }
  /* nodes beyond b's distance were never expanded, so only shorter ones
   * lead back to a */
  Walk w = {g, dist, a, max_paths, calloc(max_paths, sizeof(CnkgTracePath)), 0,
            calloc(dist[b], sizeof(CnkgTraceStep)), false};
  if (!w.paths || !w.stack) {
    free(w.paths);
    free(w.stack);
    free(dist);
    return CNKG_ERR_NOMEM;
  }
  w.stack[0].to = b;
  walk_back(&w, b, dist[b]);
  free(w.stack);
  free(dist);
  if (w.nomem) {
    cnkg_graphread_paths_free(w.paths, w.n);
    return CNKG_ERR_NOMEM;
  }
  *paths = w.paths;
  *n_paths = w.n;
  return CNKG_SUCCESS;
}

void cnkg_graphread_paths_free(CnkgTracePath *paths, size_t n_paths) {
  if (!paths) return;
  for (size_t i = 0; i < n_paths; i++) free(paths[i].steps);
  free(paths);
}

/* ---- evidence and text ---- */

typedef struct {
  size_t node;
  const char *source; /* document's dcterms:source, or its IRI */
  size_t begin, end;
} Ev;

static int cmp_ev(const void *x, const void *y) {
  const Ev *a = x, *b = y;
  int c = strcmp(a->source, b->source);
  if (c) return c;
  if (a->begin != b->begin) return a->begin < b->begin ? -1 : 1;
  return a->node < b->node ? -1 : a->node > b->node;
}

static const char *doc_source(const CnkgGraphRead *g, size_t doc) {
  if (doc == NONE) return "(unknown document)";
  const char *s = value_of(g, doc, g->fixed[F_SOURCE]);
  return s ? s : g->terms[doc].value;
}

/* Evidence nodes of s -p-> o, sorted; *out caller-owned. */
static size_t evidence_of(const CnkgGraphRead *g, size_t s, size_t p, size_t o,
                          Ev **out) {
  *out = NULL;
  if (g->fixed[F_SUBJ] == NONE) return 0;
  size_t lo, hi, n = 0;
  range(g, s, true, &lo, &hi);
  Ev *ev = malloc((hi - lo ? hi - lo : 1) * sizeof *ev);
  if (!ev) return 0;
  for (size_t i = lo; i < hi; i++) {
    if (g->ops[i].p != g->fixed[F_SUBJ]) continue;
    size_t node = g->ops[i].s;
    if (object_of(g, node, g->fixed[F_PRED]) != p ||
        object_of(g, node, g->fixed[F_OBJ]) != o)
      continue;
    ev[n++] = (Ev){node, doc_source(g, object_of(g, node, g->fixed[F_DERIVED])),
                   number_of(g, node, g->fixed[F_BEGIN]),
                   number_of(g, node, g->fixed[F_END])};
  }
  qsort(ev, n, sizeof *ev, cmp_ev);
  *out = ev;
  return n;
}

static void put(CnkgOutput *out, const char *s) { cnkg_output_puts(out, s); }

/* Writes untrusted text (anything read from the graph) with controls, bad
 * bytes and direction overrides escaped (cnkg_log_escape): a label cannot
 * move the cursor, retitle the terminal or fake a line of the report. */
static void put_escaped(CnkgOutput *out, const char *s) {
  char piece[512];
  size_t len = strlen(s);
  while (len) {
    size_t used = cnkg_log_escape(s, len, piece, sizeof piece);
    if (!used) break;
    cnkg_output_puts(out, piece);
    s += used;
    len -= used;
  }
}

/* printf for the reports below, with only %s, %zu and %%: every %s
 * argument is written escaped (put_escaped), since all of them come from
 * the graph; the format's own text (newlines included) is written as is. */
static void putf(CnkgOutput *out, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
static void putf(CnkgOutput *out, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  const char *run = fmt;
  for (const char *p = fmt; *p; p++) {
    if (*p != '%') continue;
    cnkg_output_write(out, run, (size_t)(p - run));
    if (p[1] == 's') {
      const char *arg = va_arg(ap, const char *);
      put_escaped(out, arg ? arg : "(null)");
      p += 1;
    } else if (p[1] == 'z' && p[2] == 'u') {
      char num[32];
      int n = snprintf(num, sizeof num, "%zu", va_arg(ap, size_t));
      if (n > 0) cnkg_output_write(out, num, (size_t)n);
      p += 2;
    } else if (p[1] == '%') {
      cnkg_output_write(out, "%", 1);
      p += 1;
    }
    run = p + 1;
  }
  cnkg_output_puts(out, run);
  va_end(ap);
}

static void write_evidence(const CnkgGraphRead *g, size_t s, size_t p, size_t o,
                           size_t max, const char *indent, CnkgOutput *out) {
  Ev *ev;
  size_t n = evidence_of(g, s, p, o, &ev);
  if (!n) putf(out, "%s(no evidence sentence in the graph)\n", indent);
  for (size_t i = 0; i < n && i < max; i++) {
    const char *sent = value_of(g, ev[i].node, g->fixed[F_SENTENCE]);
    putf(out, "%s\"%s\"\n%s  -- %s, characters %zu-%zu\n", indent,
         sent ? sent : "", indent, ev[i].source, ev[i].begin, ev[i].end);
  }
  if (n > max) putf(out, "%s(%zu more)\n", indent, n - max);
  free(ev);
}

static void write_entity_ref(const CnkgGraphRead *g, size_t e, CnkgOutput *out) {
  putf(out, "%s (%s)", cnkg_graphread_label(g, e), cnkg_graphread_class(g, e));
}

CnkgStatus cnkg_graphread_write_paths(const CnkgGraphRead *g,
                                      const CnkgTracePath *paths,
                                      size_t n_paths, size_t max_evidence,
                                      CnkgOutput *out) {
  if (!g || !out || (n_paths && !paths)) return CNKG_ERR_ARG;
  for (size_t i = 0; i < n_paths; i++) {
    const CnkgTracePath *pa = &paths[i];
    putf(out, "Path %zu of %zu (%zu step%s)\n", i + 1, n_paths, pa->n_steps,
         pa->n_steps == 1 ? "" : "s");
    for (size_t k = 0; k < pa->n_steps; k++) {
      const CnkgTraceStep *st = &pa->steps[k];
      const Triple *tr = &g->spo[st->triple];
      const char *pred = local_name(g->terms[tr->p].value);
      putf(out, "  %zu. ", k + 1);
      write_entity_ref(g, st->from, out);
      if (st->forward) putf(out, " -%s-> ", pred); else putf(out, " <-%s- ", pred);
      write_entity_ref(g, st->to, out);
      put(out, "\n");
      write_evidence(g, tr->s, tr->p, tr->o, max_evidence, "       ", out);
    }
    if (i + 1 < n_paths) put(out, "\n");
  }
  return cnkg_output_write(out, "", 0); /* the output's first error, if any */
}

static bool is_cnkg_pred(const CnkgGraphRead *g, size_t p) {
  const char *v = g->terms[p].value;
  return !strncmp(v, CNKG_ONTOLOGY_NS, strlen(CNKG_ONTOLOGY_NS));
}

/* Prints the dates a node carries (a document's issued date, an event's
 * or figure's date, a post's start and end) as " [issued 2019-03-08]",
 * " [2018]", " [2016 - 2018-05]"; nothing when it has none. */
static void write_dates(const CnkgGraphRead *g, size_t t, CnkgOutput *out) {
  const char *date = NULL, *start = NULL, *end = NULL, *issued = NULL;
  size_t lo, hi;
  range(g, t, false, &lo, &hi);
  for (size_t i = lo; i < hi; i++) {
    const Term *o = &g->terms[g->spo[i].o];
    if (o->kind != K_LIT) continue;
    const char *pred = local_name(g->terms[g->spo[i].p].value);
    if (!strcmp(pred, "date")) date = o->value;
    else if (!strcmp(pred, "startDate")) start = o->value;
    else if (!strcmp(pred, "endDate")) end = o->value;
    else if (!strcmp(pred, "issued")) issued = o->value;
  }
  if (issued) putf(out, " [issued %s]", issued);
  if (date) putf(out, " [%s]", date);
  if (start || end)
    putf(out, " [%s - %s]", start ? start : "?", end ? end : "");
}

/* Prints one term as a fact's other end, with its dates. */
static void write_term_ref(const CnkgGraphRead *g, size_t t, CnkgOutput *out) {
  size_t e = g->ent_of_term[t];
  if (e != NONE) {
    write_entity_ref(g, e, out);
    write_dates(g, t, out);
    return;
  }
  const Term *term = &g->terms[t];
  if (term->kind == K_LIT) {
    putf(out, "\"%s\"", term->value);
    return;
  }
  const char *src = value_of(g, t, g->fixed[F_SOURCE]);
  if (src) putf(out, "%s <%s>", src, term->value); else putf(out, "<%s>", term->value);
  write_dates(g, t, out);
}

typedef struct {
  size_t b, e;
  const char *source, *anchor;
} Mention;

static int cmp_mention(const void *x, const void *y) {
  const Mention *a = x, *b = y;
  int c = strcmp(a->source, b->source);
  if (c) return c;
  if (a->b != b->b) return a->b < b->b ? -1 : 1;
  return a->e < b->e ? -1 : a->e > b->e;
}

CnkgStatus cnkg_graphread_write_entity(const CnkgGraphRead *g, size_t e,
                                       size_t max_evidence, CnkgOutput *out) {
  if (!g || !out || e >= g->n_ent) return CNKG_ERR_ARG;
  size_t s = g->ent_term[e];
  write_entity_ref(g, e, out);
  putf(out, "\n  IRI: %s\n", cnkg_graphread_iri(g, e));
  const char *official = value_of(g, s, g->fixed[F_OFFICIAL]);
  const char *code = value_of(g, s, g->fixed[F_CODE]);
  if (official) putf(out, "  official name: %s\n", official);
  if (code) putf(out, "  code: %s\n", code);
  size_t lo, hi;
  range(g, s, false, &lo, &hi);
  bool any = false;
  for (size_t i = lo; i < hi; i++) {
    if (g->spo[i].p != g->fixed[F_ALT]) continue;
    putf(out, any ? ", %s" : "  also called: %s", g->terms[g->spo[i].o].value);
    any = true;
  }
  if (any) put(out, "\n");

  put(out, "Facts:\n");
  size_t n_facts = 0;
  for (size_t i = lo; i < hi; i++) {
    const Triple *tr = &g->spo[i];
    if (!is_cnkg_pred(g, tr->p) || tr->p == g->fixed[F_CODE] ||
        tr->p == g->fixed[F_OFFICIAL])
      continue;
    const char *pred = local_name(g->terms[tr->p].value);
    bool mentioned = !strcmp(pred, "mentionedIn");
    putf(out, "  -%s-> ", pred);
    write_term_ref(g, tr->o, out);
    put(out, "\n");
    if (!mentioned) write_evidence(g, tr->s, tr->p, tr->o, max_evidence, "      ", out);
    n_facts++;
  }
  range(g, s, true, &lo, &hi);
  for (size_t i = lo; i < hi; i++) {
    const Triple *tr = &g->ops[i];
    if (g->ent_of_term[tr->s] == NONE || !is_cnkg_pred(g, tr->p)) continue;
    putf(out, "  <-%s- ", local_name(g->terms[tr->p].value));
    write_term_ref(g, tr->s, out);
    put(out, "\n");
    write_evidence(g, tr->s, tr->p, tr->o, max_evidence, "      ", out);
    n_facts++;
  }
  if (!n_facts) put(out, "  (none)\n");

  /* NIF mentions pointing at the entity */
  Mention *m = malloc((hi - lo ? hi - lo : 1) * sizeof *m);
  size_t n = 0;
  if (m && g->fixed[F_IDENTREF] != NONE)
    for (size_t i = lo; i < hi; i++) {
      if (g->ops[i].p != g->fixed[F_IDENTREF]) continue;
      size_t node = g->ops[i].s;
      const char *anchor = value_of(g, node, g->fixed[F_ANCHOR]);
      m[n++] = (Mention){number_of(g, node, g->fixed[F_BEGIN]),
                         number_of(g, node, g->fixed[F_END]),
                         doc_source(g, object_of(g, node, g->fixed[F_REFCTX])),
                         anchor ? anchor : ""};
    }
  if (m) qsort(m, n, sizeof *m, cmp_mention);
  putf(out, "Mentions: %zu\n", n);
  for (size_t i = 0; i < n; i++)
    putf(out, "  \"%s\" -- %s, characters %zu-%zu\n", m[i].anchor, m[i].source,
         m[i].b, m[i].e);
  free(m);
  return cnkg_output_write(out, "", 0); /* the output's first error, if any */
}

/* ---- paths as a model graph ---- */

static char *key_of(const CnkgGraphRead *g, size_t e, CnkgType type) {
  const char *iri = cnkg_graphread_iri(g, e);
  size_t bl = strlen(CNKG_RDF_DEFAULT_BASE);
  if (!strncmp(iri, CNKG_RDF_DEFAULT_BASE, bl) && iri[bl]) return dup_str(iri + bl);
  return cnkg_graph_key_hash(type, iri, NULL);
}

static CnkgType type_of(const CnkgGraphRead *g, size_t e) {
  const char *cls = cnkg_graphread_class(g, e);
  for (int k = 0; k < CNKG_TYPE_COUNT; k++)
    if (!strcmp(cls, cnkg_type_name((CnkgType)k))) return (CnkgType)k;
  return CNKG_TYPE_ORGANIZATION;
}

static CnkgStatus add_path_entity(const CnkgGraphRead *g, CnkgGraph *m, size_t e,
                                  size_t *index) {
  CnkgType type = type_of(g, e);
  char *key = key_of(g, e, type);
  if (!key) return CNKG_ERR_NOMEM;
  CnkgStatus rc = cnkg_graph_add_entity(m, key, type, cnkg_graphread_label(g, e), index);
  free(key);
  return rc;
}

static CnkgStatus add_step(const CnkgGraphRead *g, CnkgGraph *m,
                           const CnkgTraceStep *st) {
  const Triple *tr = &g->spo[st->triple];
  size_t si = g->ent_of_term[tr->s], oi = g->ent_of_term[tr->o], a, b;
  CnkgStatus rc;
  if ((rc = add_path_entity(g, m, si, &a)) || (rc = add_path_entity(g, m, oi, &b)))
    return rc;
  const char *pred = local_name(g->terms[tr->p].value);
  int rel = -1;
  for (int r = 0; r < CNKG_REL_COUNT; r++)
    if (!strcmp(pred, cnkg_rel_name((CnkgRel)r))) rel = r;
  if (rel < 0) return CNKG_SUCCESS;
  Ev *ev;
  size_t n = evidence_of(g, tr->s, tr->p, tr->o, &ev);
  rc = cnkg_graph_add_relation(m, a, (CnkgRel)rel, b, NULL, NULL);
  for (size_t i = 0; i < n && !rc; i++) {
    size_t doc_term = object_of(g, ev[i].node, g->fixed[F_DERIVED]);
    if (doc_term == NONE) continue;
    const char *iri = g->terms[doc_term].value;
    const char *tail = strstr(iri, "doc/");
    CnkgDocument d = {0};
    d.key = (char *)(tail ? tail : "doc/unknown");
    d.path = (char *)ev[i].source;
    d.title = (char *)value_of(g, doc_term, g->fixed[F_HEADLINE]);
    size_t di;
    if ((rc = cnkg_graph_add_document(m, &d, &di))) break;
    CnkgEvidence evd = {di, ev[i].begin, ev[i].end,
                        (char *)value_of(g, ev[i].node, g->fixed[F_SENTENCE])};
    rc = cnkg_graph_add_relation(m, a, (CnkgRel)rel, b, NULL, &evd);
  }
  free(ev);
  return rc;
}

CnkgStatus cnkg_graphread_paths_to_graph(const CnkgGraphRead *g,
                                         const CnkgTracePath *paths,
                                         size_t n_paths, CnkgGraph **out) {
  if (!g || !out || (n_paths && !paths)) return CNKG_ERR_ARG;
  *out = NULL;
  CnkgGraph *m = cnkg_graph_new();
  if (!m) return CNKG_ERR_NOMEM;
  CnkgStatus rc = CNKG_SUCCESS;
  for (size_t i = 0; i < n_paths && !rc; i++)
    for (size_t k = 0; k < paths[i].n_steps && !rc; k++)
      rc = add_step(g, m, &paths[i].steps[k]);
  if (!rc) rc = cnkg_graph_canonicalize(m);
  if (rc) {
    cnkg_graph_free(m);
    return rc;
  }
  *out = m;
  return CNKG_SUCCESS;
}
