/* SPDX-License-Identifier: Apache-2.0
 * Reads a graph cnkg wrote (Turtle or N-Triples) into the triple store
 * (store.h) for `cnkg trace` and `cnkg show`: finds entities by name or IRI,
 * the cheapest paths between two of them, and the evidence sentences,
 * documents and mentions behind each fact. Depends on store/store.h and
 * include/cnkg/ (graph, output, status); never on extractor/. */
#ifndef CNKG_STORE_GRAPHREAD_H
#define CNKG_STORE_GRAPHREAD_H

#include <stdbool.h>
#include <stddef.h>

#include "cnkg/graph.h"
#include "cnkg/kinds.h"
#include "cnkg/output.h"
#include "cnkg/status.h"

typedef struct CnkgGraphRead CnkgGraphRead;

/* Parses path (Turtle, or N-Triples, which Turtle includes) into a new
 * reader the caller owns (*out, cnkg_graphread_free). On error err holds a
 * message (with the line for syntax errors).
 * CNKG_ERR_ARG, CNKG_ERR_READ, CNKG_ERR_TEXT, CNKG_ERR_NOMEM,
 * CNKG_ERR_INTERNAL. */
CnkgStatus cnkg_graphread_load(const char *path, CnkgGraphRead **out,
                               char *err, size_t errsize);

/* Number of entities (nodes typed with a cnkg entity class). */
size_t cnkg_graphread_entity_count(const CnkgGraphRead *graph);

/* Entities whose IRI, IRI tail after the base ("person/…"), rdfs:label,
 * skos:prefLabel, skos:altLabel or cnkg:officialName equals name, in IRI
 * order. *found (caller owns, free()) gets entity numbers; *n_found their
 * count. CNKG_SUCCESS (n >= 1), CNKG_NOTHING (none), CNKG_ERR_NOMEM. */
CnkgStatus cnkg_graphread_find(const CnkgGraphRead *graph, const char *name,
                               size_t **found, size_t *n_found);

/* Borrowed views of entity e: its IRI, preferred label (IRI when none) and
 * class local name ("Person", ...). */
const char *cnkg_graphread_iri(const CnkgGraphRead *graph, size_t e);
const char *cnkg_graphread_label(const CnkgGraphRead *graph, size_t e);
const char *cnkg_graphread_class(const CnkgGraphRead *graph, size_t e);
/* A short disambiguating context for e (e.g. the place it is located in or
 * the post it holds), or NULL. Borrowed. */
const char *cnkg_graphread_context(const CnkgGraphRead *graph, size_t e);

/* One hop of a path: entity from -> entity to, stated in the graph as
 * subject -predicate-> object (forward tells whether from is the subject). */
typedef struct {
  size_t from;
  size_t to;
  size_t triple;  /* internal number of the stating triple */
  bool forward;
} CnkgTraceStep;

typedef struct {
  CnkgTraceStep *steps;
  size_t n_steps;
} CnkgTracePath;

/* What a path may use: when restrict_rels, only relations r with
 * rels[r]; never the entities in avoid[0..n_avoid) (the two ends excepted).
 * Zeroed (or a NULL filter): everything. */
typedef struct {
  bool restrict_rels;
  bool rels[CNKG_REL_COUNT];
  const size_t *avoid;
  size_t n_avoid;
} CnkgTraceFilter;

/* The cheapest paths (relations taken in either direction) from entity a
 * to entity b, at most max_paths of them, cheapest first, ties broken
 * deterministically (fewer steps, then discovery order over the sorted
 * adjacency). A step costs by its relation: containment, post and
 * organisation links (locatedIn, withinDivision, basedIn, holdsPost,
 * postAt, associatedWith) are cheap, concept links (hasIndustry,
 * implementsPolicy, concerns, indicator) dear; entering an intermediate
 * entity adds a penalty growing with the number of its non-cheap links, so
 * paths through policy or industry hubs rank last. Only paths costing at
 * most twice the cheapest are returned. filter may be NULL.
 * *paths (caller owns; cnkg_graphread_paths_free) and *n_paths.
 * CNKG_SUCCESS, CNKG_NOTHING (no path), CNKG_ERR_ARG, CNKG_ERR_NOMEM. */
CnkgStatus cnkg_graphread_paths(const CnkgGraphRead *graph, size_t a, size_t b,
                                size_t max_paths, const CnkgTraceFilter *filter,
                                CnkgTracePath **paths, size_t *n_paths);
/* The cost of a path as ranked above. */
size_t cnkg_graphread_path_cost(const CnkgGraphRead *graph, const CnkgTracePath *path);
void cnkg_graphread_paths_free(CnkgTracePath *paths, size_t n_paths);

/* Writes the paths as text: each step with its relation, then up to
 * max_evidence evidence sentences with document source and offsets.
 * CNKG_ERR_WRITE. */
CnkgStatus cnkg_graphread_write_paths(const CnkgGraphRead *graph,
                                      const CnkgTracePath *paths,
                                      size_t n_paths, size_t max_evidence,
                                      CnkgOutput *output);

/* The same as one JSON object: {"paths": [{"cost", "steps": [{"from",
 * "relation", "forward", "to", "evidence": [{"sentence", "document",
 * "begin", "end"}], "more_evidence"}]}]}, entities as {"iri", "label",
 * "class"}; strings escaped, bad UTF-8 replaced. CNKG_ERR_WRITE. */
CnkgStatus cnkg_graphread_write_paths_json(const CnkgGraphRead *graph,
                                           const CnkgTracePath *paths,
                                           size_t n_paths, size_t max_evidence,
                                           CnkgOutput *output);

/* Makes a new model graph (caller owns; cnkg_graph_free) of the entities
 * and relations on the paths, with their evidence, canonicalised, so the DOT
 * and SVG writers can draw it. CNKG_ERR_NOMEM. */
CnkgStatus cnkg_graphread_paths_to_graph(const CnkgGraphRead *graph,
                                         const CnkgTracePath *paths,
                                         size_t n_paths, CnkgGraph **out);

/* Writes everything known about entity e as text: names, codes, facts in
 * both directions with up to max_evidence evidence sentences each, then its
 * mentions with document and offsets. CNKG_ERR_WRITE. */
CnkgStatus cnkg_graphread_write_entity(const CnkgGraphRead *graph, size_t e,
                                       size_t max_evidence, CnkgOutput *output);

/* The same as one JSON object: {"entity", "official_name"?, "code"?,
 * "also_called": [...], "facts": [{"relation", "direction": "out"|"in",
 * "other", "evidence"?, "more_evidence"?}], "mentions": [{"text",
 * "document", "begin", "end"}]}. CNKG_ERR_WRITE, CNKG_ERR_NOMEM. */
CnkgStatus cnkg_graphread_write_entity_json(const CnkgGraphRead *graph, size_t e,
                                            size_t max_evidence, CnkgOutput *output);

/* Frees the reader; NULL is fine. */
void cnkg_graphread_free(CnkgGraphRead *graph);

#endif
