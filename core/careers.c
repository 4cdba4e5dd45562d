/* SPDX-License-Identifier: Apache-2.0
 * Likely-same persons (see careers.h): same label, overlapping careers.
 * Depends on careers.h, graph.h, kinds.h and libc. */
#include "cnkg/careers.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cnkg/kinds.h"

typedef struct {
  size_t person; /* entity index */
  size_t place;  /* the place or organisation of the post or association */
  size_t rel;    /* the relation that states it (its evidence is the reason) */
} Stint;

typedef struct {
  CnkgGraph *g;
  size_t n_ents;
  size_t *up_start; /* CSR: containers of each entity, from contains relations */
  size_t *up;
  Stint *stints;    /* sorted by person */
  size_t n_stints;
  size_t *st_start; /* CSR into stints by person */
} Careers;

static int cmp_stint(const void *a, const void *b) {
  const Stint *x = a, *y = b;
  if (x->person != y->person) return x->person < y->person ? -1 : 1;
  if (x->place != y->place) return x->place < y->place ? -1 : 1;
  return (x->rel > y->rel) - (x->rel < y->rel);
}

/* A container that says two posts overlap: a county or smaller, or an
 * organisation (a province or prefecture is too wide for one person). */
static bool narrow(CnkgType t) {
  return t == CNKG_TYPE_COUNTY || t == CNKG_TYPE_TOWNSHIP || t == CNKG_TYPE_VILLAGE ||
         t == CNKG_TYPE_ORGANIZATION;
}

static bool code_within(const CnkgEntity *outer, const CnkgEntity *inner) {
  size_t digits = outer->type == CNKG_TYPE_COUNTY     ? 6
                  : outer->type == CNKG_TYPE_TOWNSHIP ? 9
                                                      : 0;
  if (!digits || !outer->code || !inner->code) return false;
  if (strlen(outer->code) < digits || strlen(inner->code) < digits) return false;
  return !strncmp(outer->code, inner->code, digits);
}

/* Whether outer is inner or contains it, through the division codes or the
 * contains relations (at most six steps up). */
static bool contains(const Careers *c, size_t outer, size_t inner) {
  if (outer == inner) return true;
  const CnkgEntity *o = cnkg_graph_entity(c->g, outer);
  if (!narrow(o->type)) return false;
  if (code_within(o, cnkg_graph_entity(c->g, inner))) return true;
  size_t frontier[64], n = 1;
  frontier[0] = inner;
  for (int depth = 0; depth < 6 && n; depth++) {
    size_t next[64], m = 0;
    for (size_t k = 0; k < n; k++)
      for (size_t u = c->up_start[frontier[k]]; u < c->up_start[frontier[k] + 1]; u++) {
        if (c->up[u] == outer) return true;
        if (m < sizeof next / sizeof *next) next[m++] = c->up[u];
      }
    memcpy(frontier, next, m * sizeof *next);
    n = m;
  }
  return false;
}

static bool overlap(const Careers *c, size_t a, size_t b) {
  return contains(c, a, b) || contains(c, b, a);
}

/* Adds subject possiblySameAs object with the evidence of relation r. */
static CnkgStatus cite(CnkgGraph *g, size_t subject, size_t object, size_t r) {
  const CnkgRelation *rel = cnkg_graph_relation(g, r);
  size_t n = rel->n_evidence;
  if (!n)
    return cnkg_graph_add_relation(g, subject, CNKG_REL_POSSIBLY_SAME_AS, object, NULL, NULL);
  for (size_t k = 0; k < n; k++) {
    CnkgEvidence ev = cnkg_graph_relation(g, r)->evidence[k];
    CnkgStatus s =
        cnkg_graph_add_relation(g, subject, CNKG_REL_POSSIBLY_SAME_AS, object, NULL, &ev);
    if (s) return s;
  }
  return CNKG_SUCCESS;
}

static CnkgStatus link_pair(Careers *c, size_t a, size_t b) {
  const char *ka = cnkg_graph_entity(c->g, a)->key, *kb = cnkg_graph_entity(c->g, b)->key;
  size_t subject = strcmp(ka, kb) < 0 ? a : b, object = subject == a ? b : a;
  for (size_t i = c->st_start[a]; i < c->st_start[a + 1]; i++)
    for (size_t j = c->st_start[b]; j < c->st_start[b + 1]; j++) {
      if (!overlap(c, c->stints[i].place, c->stints[j].place)) continue;
      CnkgStatus s = cite(c->g, subject, object, c->stints[i].rel);
      if (!s) s = cite(c->g, subject, object, c->stints[j].rel);
      if (s) return s;
    }
  return CNKG_SUCCESS;
}

typedef struct {
  const char *label, *key;
  size_t index;
} Named;

static int cmp_named(const void *a, const void *b) {
  const Named *x = a, *y = b;
  int d = strcmp(x->label, y->label);
  return d ? d : strcmp(x->key, y->key);
}

static CnkgStatus gather(Careers *c) {
  CnkgGraph *g = c->g;
  size_t n = c->n_ents, nr = cnkg_graph_relation_count(g);
  size_t *holder = malloc((n + 1) * sizeof *holder);
  c->up_start = calloc(n + 2, sizeof *c->up_start);
  c->up = malloc((nr + 1) * sizeof *c->up);
  c->st_start = calloc(n + 2, sizeof *c->st_start);
  if (!holder || !c->up_start || !c->up || !c->st_start) {
    free(holder);
    return CNKG_ERR_NOMEM;
  }
  for (size_t i = 0; i < n; i++) holder[i] = SIZE_MAX;
  for (size_t r = 0; r < nr; r++) {
    const CnkgRelation *rel = cnkg_graph_relation(g, r);
    if (rel->object == SIZE_MAX) continue;
    if (rel->rel == CNKG_REL_HOLDS_POST) holder[rel->object] = rel->subject;
    if (cnkg_rel_info(rel->rel)->contains) c->up_start[rel->subject + 1]++;
  }
  for (size_t i = 0; i < n; i++) c->up_start[i + 1] += c->up_start[i];
  size_t *fill = malloc((n + 1) * sizeof *fill);
  if (!fill) {
    free(holder);
    return CNKG_ERR_NOMEM;
  }
  memcpy(fill, c->up_start, (n + 1) * sizeof *fill);
  for (size_t r = 0; r < nr; r++) {
    const CnkgRelation *rel = cnkg_graph_relation(g, r);
    if (rel->object != SIZE_MAX && cnkg_rel_info(rel->rel)->contains)
      c->up[fill[rel->subject]++] = rel->object;
  }
  /* A post at an organisation is also a post at the place it is based in. */
  for (int pass = 0; pass < 2; pass++) {
    size_t count = 0;
    for (size_t r = 0; r < nr; r++) {
      const CnkgRelation *rel = cnkg_graph_relation(g, r);
      size_t person = SIZE_MAX;
      if (rel->object == SIZE_MAX) continue;
      if (rel->rel == CNKG_REL_ASSOCIATED_WITH) person = rel->subject;
      if (rel->rel == CNKG_REL_POST_AT) person = holder[rel->subject];
      if (person == SIZE_MAX || cnkg_graph_entity(g, person)->type != CNKG_TYPE_PERSON) continue;
      if (pass) c->stints[count] = (Stint){person, rel->object, r};
      count++;
      if (cnkg_graph_entity(g, rel->object)->type != CNKG_TYPE_ORGANIZATION) continue;
      for (size_t u = c->up_start[rel->object]; u < c->up_start[rel->object + 1]; u++) {
        if (pass) c->stints[count] = (Stint){person, c->up[u], r};
        count++;
      }
    }
    if (!pass && !(c->stints = malloc((count + 1) * sizeof *c->stints))) {
      free(fill);
      free(holder);
      return CNKG_ERR_NOMEM;
    }
    c->n_stints = count;
  }
  free(fill);
  free(holder);
  qsort(c->stints, c->n_stints, sizeof *c->stints, cmp_stint);
  for (size_t k = 0; k < c->n_stints; k++) c->st_start[c->stints[k].person + 1]++;
  for (size_t i = 0; i < n; i++) c->st_start[i + 1] += c->st_start[i];
  return CNKG_SUCCESS;
}

CnkgStatus cnkg_careers_link(CnkgGraph *graph) {
  if (!graph) return CNKG_ERR_ARG;
  Careers c = {.g = graph, .n_ents = cnkg_graph_entity_count(graph)};
  Named *persons = malloc((c.n_ents + 1) * sizeof *persons);
  size_t np = 0;
  CnkgStatus s = persons ? gather(&c) : CNKG_ERR_NOMEM;
  for (size_t i = 0; !s && i < c.n_ents; i++) {
    const CnkgEntity *e = cnkg_graph_entity(graph, i);
    if (e->type == CNKG_TYPE_PERSON && e->label && c.st_start[i + 1] > c.st_start[i])
      persons[np++] = (Named){e->label, e->key, i};
  }
  if (!s) qsort(persons, np, sizeof *persons, cmp_named);
  for (size_t i = 0; !s && i < np; i++)
    for (size_t j = i + 1; !s && j < np; j++) {
      if (strcmp(persons[i].label, persons[j].label)) break;
      s = link_pair(&c, persons[i].index, persons[j].index);
    }
  free(persons);
  free(c.up_start);
  free(c.up);
  free(c.stints);
  free(c.st_start);
  return s;
}
