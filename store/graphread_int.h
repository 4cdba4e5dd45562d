/* SPDX-License-Identifier: Apache-2.0
 * Internals of the graph reader shared by its two halves: graphread.c
 * (loading, names, paths) and graphwrite.c (text and JSON of paths and
 * entities). Depends on store/store.h and the vocabulary. */
#ifndef CNKG_STORE_GRAPHREAD_INT_H
#define CNKG_STORE_GRAPHREAD_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cnkg/kinds.h"
#include "cnkg/vocab.h"
#include "store/graphread.h"
#include "store/store.h"

#define NONE SIZE_MAX

typedef CnkgTriple Triple;

typedef struct {
  size_t nb;     /* neighbouring entity */
  size_t triple; /* index into spo */
  bool forward;
} Adj;

struct CnkgGraphRead {
  CnkgStore *store;
  const Triple *spo, *osp; /* the store's indexes */
  size_t n_triples;
  size_t fixed[CNKG_V_COUNT]; /* terms of the vocabulary (NONE: absent) */
  size_t rel_term[CNKG_REL_COUNT];
  /* entities in IRI order */
  size_t *ent_term;
  size_t *ent_class; /* class term */
  size_t n_ent;
  size_t *ent_of_term; /* one per term, NONE if not an entity */
  Adj *adj;
  size_t *adj_start; /* n_ent + 1 */
};

/* Term helpers (graphread.c). */
const char *graphread_text_of(const CnkgGraphRead *g, size_t t);
bool graphread_is_literal(const CnkgGraphRead *g, size_t t);
void graphread_range(const CnkgGraphRead *g, size_t s, bool by_object, size_t *lo,
                     size_t *hi);
size_t graphread_object_of(const CnkgGraphRead *g, size_t s, size_t p);
const char *graphread_value_of(const CnkgGraphRead *g, size_t s, size_t p);
size_t graphread_number_of(const CnkgGraphRead *g, size_t s, size_t p);
const char *graphread_local_name(const char *iri);

#endif
