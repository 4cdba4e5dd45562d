/* SPDX-License-Identifier: Apache-2.0
 * Table view of the graph for the CSV and GraphML exports (see flat.h).
 * Literal facts are indexed by subject once; each row's values are built
 * in one arena that the next row reuses, so memory is one row's worth.
 * Depends on include/cnkg/graph.h. */
#include "out/flat.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cnkg/grow.h"

enum { NODE_FIXED = 5, NODE_TAIL = 3, EDGE_COLUMNS = 4 };

struct CnkgFlat {
  const CnkgGraph *g;
  CnkgFlatColumn node_cols[NODE_FIXED + CNKG_REL_COUNT + NODE_TAIL];
  size_t n_node_cols;
  CnkgRel literal[CNKG_REL_COUNT]; /* the literal relations, in column order */
  size_t n_literal;
  size_t *lit_start, *lit_list; /* literal relations by subject */
  char *arena;
  size_t used, cap;
  size_t offsets[NODE_FIXED + CNKG_REL_COUNT + NODE_TAIL]; /* SIZE_MAX: NULL */
  const char *values[NODE_FIXED + CNKG_REL_COUNT + NODE_TAIL];
  bool failed;
  bool open;    /* a value is being built (its NUL at arena[used]) */
  size_t *docs; /* scratch: document indices of one row */
  size_t cap_docs;
};

static const CnkgFlatColumn edge_cols[EDGE_COLUMNS] = {
    {"relation", CNKG_FLAT_STRING}, {"sentences", CNKG_FLAT_INT},
    {"sentence", CNKG_FLAT_STRING}, {"documents", CNKG_FLAT_LIST}};

CnkgStatus cnkg_flat_new(const CnkgGraph *g, CnkgFlat **out) {
  CnkgFlat *f = calloc(1, sizeof *f);
  if (!f) return CNKG_ERR_NOMEM;
  f->g = g;
  static const CnkgFlatColumn head[NODE_FIXED] = {
      {"label", CNKG_FLAT_STRING}, {"type", CNKG_FLAT_STRING}, {"code", CNKG_FLAT_STRING},
      {"officialName", CNKG_FLAT_STRING}, {"aliases", CNKG_FLAT_LIST}};
  static const CnkgFlatColumn tail[NODE_TAIL] = {
      {"fromDivisionList", CNKG_FLAT_BOOL}, {"mentions", CNKG_FLAT_INT},
      {"documents", CNKG_FLAT_LIST}};
  for (size_t i = 0; i < NODE_FIXED; i++) f->node_cols[f->n_node_cols++] = head[i];
  for (int r = 0; r < CNKG_REL_COUNT; r++)
    if (cnkg_rel_is_literal((CnkgRel)r)) {
      f->literal[f->n_literal++] = (CnkgRel)r;
      f->node_cols[f->n_node_cols++] = (CnkgFlatColumn){cnkg_rel_name((CnkgRel)r), CNKG_FLAT_LIST};
    }
  for (size_t i = 0; i < NODE_TAIL; i++) f->node_cols[f->n_node_cols++] = tail[i];

  size_t ne = cnkg_graph_entity_count(g), nr = cnkg_graph_relation_count(g);
  f->lit_start = calloc(ne + 1, sizeof *f->lit_start);
  f->lit_list = malloc((nr ? nr : 1) * sizeof *f->lit_list);
  size_t *fill = malloc((ne + 1) * sizeof *fill);
  if (!f->lit_start || !f->lit_list || !fill) {
    free(fill);
    cnkg_flat_free(f);
    return CNKG_ERR_NOMEM;
  }
  for (size_t r = 0; r < nr; r++) {
    const CnkgRelation *rel = cnkg_graph_relation(g, r);
    if (!cnkg_flat_is_edge(f, r)) f->lit_start[rel->subject + 1]++;
  }
  for (size_t e = 0; e < ne; e++) f->lit_start[e + 1] += f->lit_start[e];
  memcpy(fill, f->lit_start, (ne + 1) * sizeof *fill);
  for (size_t r = 0; r < nr; r++)
    if (!cnkg_flat_is_edge(f, r)) f->lit_list[fill[cnkg_graph_relation(g, r)->subject]++] = r;
  free(fill);
  *out = f;
  return CNKG_SUCCESS;
}

void cnkg_flat_free(CnkgFlat *f) {
  if (!f) return;
  free(f->lit_start);
  free(f->lit_list);
  free(f->arena);
  free(f->docs);
  free(f);
}

const CnkgFlatColumn *cnkg_flat_node_columns(const CnkgFlat *f, size_t *n) {
  *n = f->n_node_cols;
  return f->node_cols;
}

const CnkgFlatColumn *cnkg_flat_edge_columns(const CnkgFlat *f, size_t *n) {
  (void)f;
  *n = EDGE_COLUMNS;
  return edge_cols;
}

bool cnkg_flat_is_edge(const CnkgFlat *f, size_t r) {
  const CnkgRelation *rel = cnkg_graph_relation(f->g, r);
  return rel->object != SIZE_MAX && !rel->literal;
}

/* ---- building one row ---------------------------------------------------- */

static void put(CnkgFlat *f, const char *s, size_t len) {
  if (f->failed) return;
  if (CNKG_GROW(f->arena, f->cap, f->used + len + 1, 1024)) {
    f->failed = true;
    return;
  }
  memcpy(f->arena + f->used, s, len);
  f->used += len;
  f->arena[f->used] = '\0';
}

/* Starts value i (empty string). */
static void begin(CnkgFlat *f, size_t i) {
  if (f->open) f->used++; /* past the previous value's NUL */
  f->open = true;
  f->offsets[i] = f->used;
  put(f, "", 0);
}

static void item(CnkgFlat *f, size_t i, const char *s) {
  if (f->used > f->offsets[i]) put(f, ";", 1);
  put(f, s, strlen(s));
}

static void number(CnkgFlat *f, size_t i, size_t n) {
  char buf[32];
  snprintf(buf, sizeof buf, "%zu", n);
  begin(f, i);
  put(f, buf, strlen(buf));
}

static int cmp_size(const void *a, const void *b) {
  size_t x = *(const size_t *)a, y = *(const size_t *)b;
  return x < y ? -1 : x > y;
}

static const char *file_name(const CnkgGraph *g, size_t d) {
  const CnkgDocument *doc = cnkg_graph_document(g, d);
  const char *slash = doc && doc->path ? strrchr(doc->path, '/') : NULL;
  return slash ? slash + 1 : doc && doc->path ? doc->path : "";
}

/* Value i: the distinct documents among f->docs[0..n), as file names in
 * document order. */
static void documents(CnkgFlat *f, size_t i, size_t n) {
  begin(f, i);
  if (n > 1) qsort(f->docs, n, sizeof *f->docs, cmp_size);
  for (size_t k = 0; k < n; k++)
    if (k == 0 || f->docs[k] != f->docs[k - 1]) item(f, i, file_name(f->g, f->docs[k]));
}

static bool docs_room(CnkgFlat *f, size_t n) {
  return CNKG_GROW(f->docs, f->cap_docs, n, 0) == CNKG_SUCCESS;
}

static CnkgStatus finish(CnkgFlat *f, size_t n, const char *const **values) {
  if (f->failed) return CNKG_ERR_NOMEM;
  for (size_t i = 0; i < n; i++)
    f->values[i] = f->offsets[i] == SIZE_MAX ? NULL : f->arena + f->offsets[i];
  *values = f->values;
  return CNKG_SUCCESS;
}

CnkgStatus cnkg_flat_node(CnkgFlat *f, size_t e, const char *const **values) {
  const CnkgEntity *ent = cnkg_graph_entity(f->g, e);
  f->used = 0;
  f->open = false;
  size_t c = 0;
  begin(f, c);
  put(f, ent->label ? ent->label : ent->key, strlen(ent->label ? ent->label : ent->key));
  begin(f, ++c);
  put(f, cnkg_type_name(ent->type), strlen(cnkg_type_name(ent->type)));
  f->offsets[++c] = SIZE_MAX;
  if (ent->code) {
    begin(f, c);
    put(f, ent->code, strlen(ent->code));
  }
  f->offsets[++c] = SIZE_MAX;
  if (ent->official) {
    begin(f, c);
    put(f, ent->official, strlen(ent->official));
  }
  begin(f, ++c);
  for (size_t a = 0; a < ent->n_aliases; a++) item(f, c, ent->aliases[a]);
  for (size_t l = 0; l < f->n_literal; l++) {
    begin(f, ++c);
    for (size_t k = f->lit_start[e]; k < f->lit_start[e + 1]; k++) {
      const CnkgRelation *rel = cnkg_graph_relation(f->g, f->lit_list[k]);
      if (rel->rel == f->literal[l] && rel->literal) item(f, c, rel->literal);
    }
  }
  begin(f, ++c);
  put(f, (ent->flags & CNKG_ENTITY_FROM_DIVISION_LIST) ? "true" : "false",
      (ent->flags & CNKG_ENTITY_FROM_DIVISION_LIST) ? 4 : 5);
  number(f, ++c, ent->n_mentions);
  if (!docs_room(f, ent->n_mentions)) return CNKG_ERR_NOMEM;
  for (size_t m = 0; m < ent->n_mentions; m++) f->docs[m] = ent->mentions[m].doc;
  documents(f, ++c, ent->n_mentions);
  return finish(f, c + 1, values);
}

CnkgStatus cnkg_flat_edge(CnkgFlat *f, size_t r, const char *const **values) {
  const CnkgRelation *rel = cnkg_graph_relation(f->g, r);
  f->used = 0;
  f->open = false;
  begin(f, 0);
  put(f, cnkg_rel_name(rel->rel), strlen(cnkg_rel_name(rel->rel)));
  number(f, 1, rel->n_evidence);
  f->offsets[2] = SIZE_MAX;
  if (rel->n_evidence && rel->evidence[0].sentence) {
    begin(f, 2);
    put(f, rel->evidence[0].sentence, strlen(rel->evidence[0].sentence));
  }
  if (!docs_room(f, rel->n_evidence)) return CNKG_ERR_NOMEM;
  for (size_t v = 0; v < rel->n_evidence; v++) f->docs[v] = rel->evidence[v].doc;
  documents(f, 3, rel->n_evidence);
  return finish(f, EDGE_COLUMNS, values);
}
