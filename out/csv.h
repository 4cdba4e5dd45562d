/* SPDX-License-Identifier: Apache-2.0
 * CSV export: nodes.csv and edges.csv in the layout of Neo4j's bulk
 * importer (neo4j-admin database import), which pandas.read_csv reads as
 * it is. nodes.csv: id:ID, label, :LABEL (the type, and Place for places),
 * then the columns of out/flat.h with Neo4j type suffixes (aliases:string[],
 * mentions:int, fromDivisionList:boolean, ...). edges.csv: :START_ID,
 * :END_ID, :TYPE (the relation), sentences:int, sentence, documents:string[].
 * Ids are the entity keys, as in the RDF IRIs. Fields are quoted as RFC 4180
 * says (a sentence may span lines: neo4j-admin needs --multiline-fields);
 * lists are joined with ';', Neo4j's default array delimiter. Rows stream in
 * the graph's canonical order. Depends on include/cnkg/ and out/flat.h. */
#ifndef CNKG_OUT_CSV_H
#define CNKG_OUT_CSV_H

#include "cnkg/graph.h"
#include "cnkg/output.h"
#include "cnkg/status.h"

/* Writes graph (borrowed; canonicalise it first for byte-identical output)
 * as nodes.csv to nodes and edges.csv to edges (both borrowed; not closed).
 * CNKG_ERR_ARG, CNKG_ERR_NOMEM, or the first output error. */
CnkgStatus cnkg_csv_write(const CnkgGraph *graph, CnkgOutput *nodes, CnkgOutput *edges);

#endif
