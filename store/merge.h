/* SPDX-License-Identifier: Apache-2.0
 * Reading graphs cnkg wrote back into the graph model, so that shards built
 * separately can be merged by the model's own rules (cnkg_graph_merge) and
 * written again exactly as one run over all their documents would write
 * them. Depends on store/store.h (one shard is loaded into a store) and
 * include/cnkg/ (graph, status); never on extractor/. */
#ifndef CNKG_STORE_MERGE_H
#define CNKG_STORE_MERGE_H

#include <stdbool.h>
#include <stddef.h>

#include "cnkg/graph.h"
#include "cnkg/status.h"

/* Parses path (".nt" as N-Triples, anything else as Turtle; "-" is stdin,
 * read as N-Triples unless is_turtle) written by cnkg with --provenance
 * full and the given base (NULL: the default), rebuilds its documents,
 * entities, mentions, relations and evidence, and merges them into graph
 * (borrowed; the caller canonicalises when all shards are in).
 *
 * What the text cannot say is inferred: a preferred label that loses to one
 * of its aliases by the longest-then-smallest rule must have been pinned
 * and is pinned again; one that wins is left unpinned (so a pinned label
 * that happened to win in its shard may lose to a longer form in another).
 * Memory: one shard's statements as strings plus the model.
 *
 * On failure err (if errsize > 0) says why, with the line for syntax
 * errors. CNKG_ERR_ARG, CNKG_ERR_READ, CNKG_ERR_TEXT (not RDF, not cnkg's,
 * or not at full provenance), CNKG_ERR_NOMEM, CNKG_ERR_INTERNAL. */
CnkgStatus cnkg_merge_read(CnkgGraph *graph, const char *path, bool is_turtle,
                           const char *base, char *err, size_t errsize);

#endif
