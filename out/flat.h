/* SPDX-License-Identifier: Apache-2.0
 * The graph as two tables, for the exports that tools other than RDF stores
 * read (CSV for pandas and Neo4j, GraphML for Gephi, yEd and NetworkX):
 * one row per entity and one per relation between two entities, with the
 * same columns in both formats. Literal relations (a person's title, a
 * post's title and time) become entity columns. Lists are joined with ';'
 * (Neo4j's array delimiter). Depends on include/cnkg/graph.h only.
 *
 * Node columns: label, type, code, officialName, aliases (list), one list
 * per literal relation (title, postTitle, postTime), fromDivisionList
 * (bool), mentions (int), documents (list: files that mention it).
 * Edge columns: relation, sentences (int), sentence (the first), documents
 * (list: files that state it). */
#ifndef CNKG_OUT_FLAT_H
#define CNKG_OUT_FLAT_H

#include <stdbool.h>
#include <stddef.h>

#include "cnkg/graph.h"
#include "cnkg/status.h"

typedef enum { CNKG_FLAT_STRING, CNKG_FLAT_LIST, CNKG_FLAT_INT, CNKG_FLAT_BOOL } CnkgFlatKind;

typedef struct {
  const char *name;
  CnkgFlatKind kind;
} CnkgFlatColumn;

typedef struct CnkgFlat CnkgFlat;

/* A table view of graph (borrowed; must outlive the view and stay
 * unchanged). *flat is owned by the caller (cnkg_flat_free).
 * CNKG_ERR_NOMEM. */
CnkgStatus cnkg_flat_new(const CnkgGraph *graph, CnkgFlat **flat);
void cnkg_flat_free(CnkgFlat *flat);

/* The node and edge columns: *n columns, borrowed from flat. */
const CnkgFlatColumn *cnkg_flat_node_columns(const CnkgFlat *flat, size_t *n);
const CnkgFlatColumn *cnkg_flat_edge_columns(const CnkgFlat *flat, size_t *n);

/* Entity e's values, one per node column (NULL: empty), borrowed until the
 * next call. CNKG_ERR_NOMEM. */
CnkgStatus cnkg_flat_node(CnkgFlat *flat, size_t e, const char *const **values);
/* Whether relation r joins two entities (a row of the edge table). */
bool cnkg_flat_is_edge(const CnkgFlat *flat, size_t r);
/* Relation r's values, one per edge column, borrowed until the next call.
 * CNKG_ERR_NOMEM. */
CnkgStatus cnkg_flat_edge(CnkgFlat *flat, size_t r, const char *const **values);

#endif
