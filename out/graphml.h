/* SPDX-License-Identifier: Apache-2.0
 * GraphML export for Gephi, yEd, NetworkX and igraph: one directed graph,
 * a node per entity (id: the entity key, as in the RDF IRIs and the CSV)
 * and an edge per relation between two entities, with typed keys
 * (attr.type string, int, boolean) for the columns of out/flat.h; lists
 * are ';'-joined strings. Gephi takes the "label" key as the node label.
 * Streams in the graph's canonical order. Depends on include/cnkg/ and
 * out/flat.h. */
#ifndef CNKG_OUT_GRAPHML_H
#define CNKG_OUT_GRAPHML_H

#include "cnkg/graph.h"
#include "cnkg/output.h"
#include "cnkg/status.h"

/* Writes graph (borrowed; canonicalise it first for byte-identical output)
 * to output (borrowed; not closed).
 * CNKG_ERR_ARG, CNKG_ERR_NOMEM, or the output's error. */
CnkgStatus cnkg_graphml_write(const CnkgGraph *graph, CnkgOutput *output);

#endif
