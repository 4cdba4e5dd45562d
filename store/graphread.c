/* SPDX-License-Identifier: Apache-2.0
 * Graph reader behind `cnkg trace` and `cnkg show`, on the triple store
 * (store.h): entities, names, relation adjacency and evidence are looked up
 * in its SPO and OSP indexes. Depends on store/store.h, include/cnkg/ (the
 * vocabulary: vocab.h, kinds.h; output, log) and out/rdf.h's default base. */
#include "store/graphread.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cnkg/log.h"
#include "cnkg/grow.h"
#include "cnkg/text.h"
#include "cnkg/vocab.h"
#include "out/rdf.h"
#include "store/graphread_int.h"
#include "store/store.h"

/* ---- terms ---- */

const char *graphread_text_of(const CnkgGraphRead *g, size_t t) {
  return cnkg_store_term(g->store, (uint32_t)t).text;
}

bool graphread_is_literal(const CnkgGraphRead *g, size_t t) {
  return cnkg_store_term(g->store, (uint32_t)t).kind == CNKG_TERM_LITERAL;
}

static bool is_zh(const CnkgGraphRead *g, size_t t) {
  CnkgTerm term = cnkg_store_term(g->store, (uint32_t)t);
  return term.lang_len == 2 && !memcmp(term.lang, "zh", 2);
}

static size_t find_iri(const CnkgGraphRead *g, const char *iri) {
  uint32_t id = cnkg_store_find_iri(g->store, iri, strlen(iri));
  return id == CNKG_STORE_NONE ? NONE : id;
}

static size_t find_literal(const CnkgGraphRead *g, const char *text, const char *lang) {
  uint32_t id = cnkg_store_find_literal(g->store, text, strlen(text), lang,
                                        lang ? strlen(lang) : 0, NULL);
  return id == CNKG_STORE_NONE ? NONE : id;
}

/* [*lo, *hi) of the triples in spo with subject s (by_object: in osp with
 * object s). */
void graphread_range(const CnkgGraphRead *g, size_t s, bool by_object, size_t *lo,
                  size_t *hi) {
  uint32_t key = (uint32_t)s;
  cnkg_store_range(g->store, by_object ? CNKG_STORE_OSP : CNKG_STORE_SPO, &key, 1, lo, hi);
}

/* First object of s via p (NONE). With several, a zh literal is preferred. */
size_t graphread_object_of(const CnkgGraphRead *g, size_t s, size_t p) {
  if (p == NONE || s == NONE) return NONE;
  size_t lo, hi, best = NONE;
  graphread_range(g, s, false, &lo, &hi);
  for (size_t i = lo; i < hi; i++) {
    if (g->spo[i].p != p) continue;
    if (best == NONE || (is_zh(g, g->spo[i].o) && !is_zh(g, best))) best = g->spo[i].o;
  }
  return best;
}

const char *graphread_value_of(const CnkgGraphRead *g, size_t s, size_t p) {
  size_t o = graphread_object_of(g, s, p);
  return o == NONE ? NULL : graphread_text_of(g, o);
}

size_t graphread_number_of(const CnkgGraphRead *g, size_t s, size_t p) {
  const char *v = graphread_value_of(g, s, p);
  return v ? (size_t)strtoull(v, NULL, 10) : 0;
}

const char *graphread_local_name(const char *iri) {
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
  CnkgTerm t = cnkg_store_term(g->store, (uint32_t)type_iri);
  CnkgType type;
  return t.kind == CNKG_TERM_IRI && cnkg_type_find(t.text, &type) == CNKG_SUCCESS ? type_iri
                                                                                 : NONE;
}

static bool is_relation_pred(const CnkgGraphRead *g, size_t p) {
  CnkgTerm t = cnkg_store_term(g->store, (uint32_t)p);
  CnkgRel rel;
  return t.kind == CNKG_TERM_IRI && cnkg_rel_find(t.text, &rel) == CNKG_SUCCESS &&
         !cnkg_rel_is_literal(rel);
}

static CnkgStatus index_graph(CnkgGraphRead *g) {
  CnkgStatus rc = cnkg_store_index(g->store);
  if (rc) return rc;
  g->spo = cnkg_store_triples(g->store, &g->n_triples);
  g->osp = cnkg_store_index_array(g->store, CNKG_STORE_OSP);
  for (int f = 0; f < CNKG_V_COUNT; f++)
    g->fixed[f] = find_iri(g, cnkg_vocab_iri((CnkgVocab)f));
  for (int r = 0; r < CNKG_REL_COUNT; r++)
    g->rel_term[r] = find_iri(g, cnkg_rel_info((CnkgRel)r)->iri);
  size_t n_terms = cnkg_store_term_count(g->store);
  g->ent_of_term = malloc((n_terms ? n_terms : 1) * sizeof *g->ent_of_term);
  EntSort *es = malloc((g->n_triples ? g->n_triples : 1) * sizeof *es);
  if (!g->ent_of_term || !es) {
    free(es);
    return CNKG_ERR_NOMEM;
  }
  for (size_t t = 0; t < n_terms; t++) g->ent_of_term[t] = NONE;
  size_t n = 0;
  for (size_t i = 0; i < g->n_triples; i++) {
    const Triple *tr = &g->spo[i];
    if (tr->p != g->fixed[CNKG_V_TYPE] ||
        cnkg_store_term(g->store, tr->s).kind != CNKG_TERM_IRI)
      continue;
    size_t cls = entity_class(g, tr->o);
    if (cls == NONE || g->ent_of_term[tr->s] != NONE) continue;
    g->ent_of_term[tr->s] = 0;
    es[n++] = (EntSort){graphread_text_of(g, tr->s), tr->s, cls};
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
  CnkgGraphRead *g = calloc(1, sizeof *g);
  if (!g || !(g->store = cnkg_store_new(NULL, false))) {
    free(g);
    return CNKG_ERR_NOMEM;
  }
  /* Turtle's parser reads N-Triples too; raptor 2.0.15's own N-Triples
   * parser leaks a URI per file. */
  CnkgStoreError e;
  CnkgStatus rc = cnkg_store_load(g->store, strcmp(path, "-") ? path : "./-", "turtle",
                                  NULL, &e); /* a graph is a file: "-" is a name */
  if (rc && rc != CNKG_ERR_NOMEM && err && errsize) {
    const char *text = e.text[0] ? e.text : e.line > 0 ? "syntax error" : "cannot parse graph";
    if (e.line > 0) snprintf(err, errsize, "line %d: %s", e.line, text);
    else snprintf(err, errsize, "%s", text);
  }
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
  cnkg_store_free(g->store);
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
  return graphread_text_of(g, g->ent_term[e]);
}

const char *cnkg_graphread_label(const CnkgGraphRead *g, size_t e) {
  const char *l = graphread_value_of(g, g->ent_term[e], g->fixed[CNKG_V_LABEL]);
  if (!l) l = graphread_value_of(g, g->ent_term[e], g->fixed[CNKG_V_PREFLABEL]);
  return l ? l : cnkg_graphread_iri(g, e);
}

const char *cnkg_graphread_class(const CnkgGraphRead *g, size_t e) {
  return graphread_local_name(graphread_text_of(g, g->ent_class[e]));
}

const char *cnkg_graphread_context(const CnkgGraphRead *g, size_t e) {
  size_t s = g->ent_term[e];
  static const CnkgRel via[] = {CNKG_REL_LOCATED_IN, CNKG_REL_POST_AT, CNKG_REL_HOLDS_POST,
                                CNKG_REL_ASSOCIATED_WITH};
  for (size_t i = 0; i < sizeof via / sizeof *via; i++) {
    size_t o = graphread_object_of(g, s, g->rel_term[via[i]]);
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
  size_t iri = find_iri(g, name);
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
    static const CnkgVocab preds[] = {CNKG_V_LABEL, CNKG_V_PREFLABEL, CNKG_V_ALTLABEL, CNKG_V_OFFICIAL};
    for (size_t li = 0; li < sizeof langs / sizeof *langs; li++) {
      size_t lit = find_literal(g, name, langs[li]);
      if (lit == NONE) continue;
      size_t lo, hi;
      graphread_range(g, lit, true, &lo, &hi);
      for (size_t i = lo; i < hi; i++) {
        size_t e = g->ent_of_term[g->osp[i].s];
        bool naming = false;
        for (size_t k = 0; k < sizeof preds / sizeof *preds; k++)
          naming = naming || g->osp[i].p == g->fixed[preds[k]];
        if (e == NONE || !naming) continue;
        if (CNKG_GROW(r, cap, n + 1, 16)) {
          free(r);
          return CNKG_ERR_NOMEM;
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

/* Step costs come from the kinds table (cnkg_rel_step_cost): containment,
 * post and organisation links are cheap, links to concepts dear; see
 * cnkg_graphread_paths. */
#define MAX_PATH_NODES 200000 /* bound on the partial paths explored */

static CnkgRel rel_of_pred(const CnkgGraphRead *g, size_t p) {
  for (int r = 0; r < CNKG_REL_COUNT; r++)
    if (g->rel_term[r] == p) return (CnkgRel)r;
  return CNKG_REL_COUNT;
}

/* Per-search tables: the cost of each adjacency entry (NONE when the
 * filter forbids it) and each entity's entry penalty (NONE: avoided). */
typedef struct {
  size_t *edge; /* one per g->adj entry */
  size_t *pen;  /* one per entity */
} Costs;

static CnkgStatus costs_make(const CnkgGraphRead *g, const CnkgTraceFilter *f,
                             size_t a, size_t b, Costs *c) {
  size_t n_adj = g->adj_start[g->n_ent];
  c->edge = malloc((n_adj ? n_adj : 1) * sizeof *c->edge);
  c->pen = malloc((g->n_ent ? g->n_ent : 1) * sizeof *c->pen);
  if (!c->edge || !c->pen) return CNKG_ERR_NOMEM;
  for (size_t k = 0; k < n_adj; k++) {
    CnkgRel r = rel_of_pred(g, g->spo[g->adj[k].triple].p);
    bool ok = !f || !f->restrict_rels || (r < CNKG_REL_COUNT && f->rels[r]);
    c->edge[k] = ok ? cnkg_rel_step_cost(r) : NONE;
  }
  for (size_t e = 0; e < g->n_ent; e++) {
    size_t loose = 0;
    for (size_t k = g->adj_start[e]; k < g->adj_start[e + 1]; k++)
      if (c->edge[k] != NONE && c->edge[k] != CNKG_COST_CHAIN) loose++;
    c->pen[e] = cnkg_path_toll(loose);
  }
  if (f)
    for (size_t i = 0; i < f->n_avoid; i++)
      if (f->avoid[i] < g->n_ent && f->avoid[i] != a && f->avoid[i] != b)
        c->pen[f->avoid[i]] = NONE;
  c->pen[b] = 0; /* the end is never an intermediate */
  return CNKG_SUCCESS;
}

static void costs_free(Costs *c) {
  free(c->edge);
  free(c->pen);
}

/* A binary min-heap of (key, tie, value), smallest key then tie first. */
typedef struct {
  size_t key, tie, val;
} HeapItem;
typedef struct {
  HeapItem *v;
  size_t n, cap;
} Heap;

static bool heap_less(const HeapItem *x, const HeapItem *y) {
  return x->key != y->key ? x->key < y->key : x->tie < y->tie;
}

static bool heap_push(Heap *h, HeapItem it) {
  if (CNKG_GROW(h->v, h->cap, h->n + 1, 64)) return false;
  size_t i = h->n++;
  while (i && heap_less(&it, &h->v[(i - 1) / 2])) {
    h->v[i] = h->v[(i - 1) / 2];
    i = (i - 1) / 2;
  }
  h->v[i] = it;
  return true;
}

static HeapItem heap_pop(Heap *h) {
  HeapItem top = h->v[0], last = h->v[--h->n];
  size_t i = 0;
  for (;;) {
    size_t l = 2 * i + 1, m = i;
    const HeapItem *best = &last;
    if (l < h->n && heap_less(&h->v[l], best)) {
      m = l;
      best = &h->v[l];
    }
    if (l + 1 < h->n && heap_less(&h->v[l + 1], best)) m = l + 1;
    if (m == i) break;
    h->v[i] = h->v[m];
    i = m;
  }
  if (h->n) h->v[i] = last;
  return top;
}

/* Cheapest cost from every entity to b (NONE: unreachable), Dijkstra. */
static CnkgStatus cost_to(const CnkgGraphRead *g, const Costs *c, size_t b,
                          size_t *dist) {
  Heap h = {0};
  for (size_t e = 0; e < g->n_ent; e++) dist[e] = NONE;
  dist[b] = 0;
  if (!heap_push(&h, (HeapItem){0, b, b})) return CNKG_ERR_NOMEM;
  while (h.n) {
    HeapItem it = heap_pop(&h);
    size_t y = it.val;
    if (it.key != dist[y] || (y != b && c->pen[y] == NONE)) continue;
    size_t enter = y == b ? 0 : c->pen[y];
    for (size_t k = g->adj_start[y]; k < g->adj_start[y + 1]; k++) {
      if (c->edge[k] == NONE) continue;
      size_t x = g->adj[k].nb, d = dist[y] + c->edge[k] + enter;
      if (d >= dist[x]) continue;
      dist[x] = d;
      if (!heap_push(&h, (HeapItem){d, x, x})) {
        free(h.v);
        return CNKG_ERR_NOMEM;
      }
    }
  }
  free(h.v);
  return CNKG_SUCCESS;
}

/* A partial path, as a tree of steps back towards a. */
typedef struct {
  size_t ent, adj, parent, cost, len; /* adj: entry used to reach ent */
} Part;

static bool on_path(const Part *pool, size_t i, size_t e) {
  for (; i != NONE; i = pool[i].parent)
    if (pool[i].ent == e) return true;
  return false;
}

static CnkgStatus emit(const CnkgGraphRead *g, const Part *pool, size_t i,
                       CnkgTracePath *out) {
  size_t len = pool[i].len;
  CnkgTraceStep *steps = malloc((len ? len : 1) * sizeof *steps);
  if (!steps) return CNKG_ERR_NOMEM;
  for (size_t k = len; k-- > 0; i = pool[i].parent) {
    const Adj *ad = &g->adj[pool[i].adj];
    size_t from = pool[pool[i].parent].ent;
    steps[k] = (CnkgTraceStep){from, pool[i].ent, ad->triple, ad->forward};
  }
  *out = (CnkgTracePath){steps, len};
  return CNKG_SUCCESS;
}

CnkgStatus cnkg_graphread_paths(const CnkgGraphRead *g, size_t a, size_t b,
                                size_t max_paths, const CnkgTraceFilter *filter,
                                CnkgTracePath **paths, size_t *n_paths) {
  if (!g || !paths || !n_paths || a >= g->n_ent || b >= g->n_ent || a == b ||
      !max_paths)
    return CNKG_ERR_ARG;
  *paths = NULL;
  *n_paths = 0;
  Costs c = {0};
  size_t *h = malloc(g->n_ent * sizeof *h);
  CnkgTracePath *found = calloc(max_paths, sizeof *found);
  Part *pool = NULL;
  size_t n_pool = 0, cap_pool = 0, n_found = 0, seq = 0, best = NONE;
  Heap heap = {0};
  CnkgStatus rc = !h || !found ? CNKG_ERR_NOMEM : costs_make(g, filter, a, b, &c);
  if (!rc) rc = cost_to(g, &c, b, h);
  if (!rc && h[a] == NONE) rc = CNKG_NOTHING;
  if (!rc) {
    pool = malloc(64 * sizeof *pool);
    cap_pool = 64;
    if (!pool || !heap_push(&heap, (HeapItem){h[a], seq++, 0})) rc = CNKG_ERR_NOMEM;
    else pool[n_pool++] = (Part){a, NONE, NONE, 0, 0};
  }
  /* best-first over simple paths: with h exact for walks, complete paths
   * leave the heap cheapest first */
  while (!rc && heap.n && n_found < max_paths) {
    HeapItem it = heap_pop(&heap);
    if (best != NONE && it.key > 2 * best) break;
    size_t i = it.val, x = pool[i].ent;
    if (x == b) {
      if (best == NONE) best = pool[i].cost;
      rc = emit(g, pool, i, &found[n_found]);
      if (!rc) n_found++;
      continue;
    }
    size_t enter = x == a ? 0 : c.pen[x];
    for (size_t k = g->adj_start[x]; k < g->adj_start[x + 1] && !rc; k++) {
      size_t y = g->adj[k].nb;
      if (c.edge[k] == NONE || h[y] == NONE || c.pen[y] == NONE || on_path(pool, i, y))
        continue;
      if (n_pool == MAX_PATH_NODES) {
        heap.n = 0; /* enough: keep what was found */
        break;
      }
      if (CNKG_GROW(pool, cap_pool, n_pool + 1, 64)) {
        rc = CNKG_ERR_NOMEM;
        break;
      }
      size_t cost = pool[i].cost + enter + c.edge[k];
      pool[n_pool] = (Part){y, k, i, cost, pool[i].len + 1};
      /* ties: fewer steps first, then discovery order */
      if (!heap_push(&heap, (HeapItem){cost + h[y], (pool[i].len + 1) * (MAX_PATH_NODES + 1) + seq++, n_pool}))
        rc = CNKG_ERR_NOMEM;
      n_pool++;
    }
  }
  free(heap.v);
  free(pool);
  free(h);
  costs_free(&c);
  if (!rc && !n_found) rc = CNKG_NOTHING;
  if (rc) {
    cnkg_graphread_paths_free(found, n_found);
    return rc;
  }
  *paths = found;
  *n_paths = n_found;
  return CNKG_SUCCESS;
}

size_t cnkg_graphread_path_cost(const CnkgGraphRead *g, const CnkgTracePath *path) {
  if (!g || !path) return 0;
  size_t cost = 0;
  for (size_t k = 0; k < path->n_steps; k++) {
    CnkgRel r = rel_of_pred(g, g->spo[path->steps[k].triple].p);
    cost += cnkg_rel_step_cost(r);
    if (k) {
      size_t e = path->steps[k].from, loose = 0;
      for (size_t j = g->adj_start[e]; j < g->adj_start[e + 1]; j++) {
        CnkgRel rj = rel_of_pred(g, g->spo[g->adj[j].triple].p);
        if (cnkg_rel_step_cost(rj) != CNKG_COST_CHAIN) loose++;
      }
      cost += cnkg_path_toll(loose);
    }
  }
  return cost;
}

void cnkg_graphread_paths_free(CnkgTracePath *paths, size_t n_paths) {
  if (!paths) return;
  for (size_t i = 0; i < n_paths; i++) free(paths[i].steps);
  free(paths);
}

