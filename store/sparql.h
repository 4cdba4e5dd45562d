/* SPDX-License-Identifier: Apache-2.0
 * Embedded SPARQL 1.1 over graph files (Turtle, N-Triples) with rasqal:
 * results as an aligned text table, CSV, TSV, SPARQL Results JSON or XML;
 * CONSTRUCT/DESCRIBE results as Turtle. Depends on include/cnkg/ (status,
 * log, output), store/sparql_store.h (the graphs, loaded into the store),
 * rasqal and raptor2; never on extractor/. */
#ifndef CNKG_STORE_SPARQL_H
#define CNKG_STORE_SPARQL_H

#include <stdbool.h>
#include <stddef.h>

#include "cnkg/log.h"
#include "cnkg/output.h"
#include "cnkg/status.h"

typedef enum {
  CNKG_SPARQL_TABLE = 0, /* aligned text table (CJK characters two columns) */
  CNKG_SPARQL_CSV,
  CNKG_SPARQL_TSV,
  CNKG_SPARQL_JSON, /* SPARQL 1.1 Query Results JSON */
  CNKG_SPARQL_XML   /* SPARQL Query Results XML */
} CnkgSparqlFormat;

typedef enum {
  CNKG_SPARQL_BINDINGS = 0, /* SELECT */
  CNKG_SPARQL_BOOLEAN,      /* ASK */
  CNKG_SPARQL_GRAPH         /* CONSTRUCT, DESCRIBE */
} CnkgSparqlKind;

typedef struct {
  CnkgSparqlKind kind;
  size_t count;  /* rows (SELECT) or triples (CONSTRUCT/DESCRIBE) written */
  bool boolean;  /* ASK's answer */
} CnkgSparqlSummary;

typedef struct CnkgSparql CnkgSparql;

/* Parses "table", "csv", "tsv", "json" or "xml". CNKG_ERR_ARG otherwise. */
CnkgStatus cnkg_sparql_format_from_name(const char *name,
                                        CnkgSparqlFormat *format);

/* The predeclared prefixes as one line of PREFIX declarations (static
 * storage): cnkg, rdf, rdfs, owl, xsd, skos, schema, prov, nif, dcterms,
 * foaf, org, itsrdf. */
const char *cnkg_sparql_prefixes(void);

/* Makes a query context. log (borrowed, may be NULL) receives warnings from
 * rasqal and raptor. Caller owns *sparql (cnkg_sparql_free).
 * CNKG_ERR_NOMEM, CNKG_ERR_INTERNAL (rasqal failed to start). */
CnkgStatus cnkg_sparql_new(const CnkgLog *log, CnkgSparql **sparql);

/* Adds a graph file to the default graph: .nt is read as N-Triples, any
 * other name as Turtle (a superset of N-Triples); "-" is standard input,
 * read as Turtle. The file is checked for
 * readability now and parsed when the query runs. path is copied.
 * CNKG_ERR_READ (err says why, naming the file), CNKG_ERR_NOMEM. */
CnkgStatus cnkg_sparql_add_graph(CnkgSparql *sparql, const char *path,
                                 char *err, size_t errsize);

/* Whether queries may reach the network: SERVICE calls (rasqal fetches
 * them) and FROM / FROM NAMED graphs with network IRIs. Off by default:
 * cnkg downloads nothing unless told to. */
void cnkg_sparql_allow_network(CnkgSparql *sparql, bool allow);

/* Runs query (UTF-8 SPARQL 1.1; the predeclared prefixes are in scope) over
 * the added graphs and writes its results to output (borrowed, not closed).
 * A boolean result is written as true/false in table, CSV and TSV; a graph
 * result is always Turtle. summary (may be NULL) receives the kind and
 * count. On error err holds a message: for a syntax error "line L, column C:
 * ..." in the query's own lines; for a bad graph the file's name.
 * Unless cnkg_sparql_allow_network said otherwise, a query that would reach
 * the network (SERVICE, or FROM / FROM NAMED with an IRI other than file:)
 * is refused before it runs: CNKG_ERR_ARG, err naming the IRI.
 * CNKG_ERR_TEXT (query or graph syntax), CNKG_ERR_ARG, CNKG_ERR_READ,
 * CNKG_ERR_WRITE, CNKG_ERR_NOMEM, CNKG_ERR_INTERNAL. */
CnkgStatus cnkg_sparql_run(CnkgSparql *sparql, const char *query,
                           CnkgSparqlFormat format, CnkgOutput *output,
                           CnkgSparqlSummary *summary, char *err,
                           size_t errsize);

/* Frees the context; NULL is fine. */
void cnkg_sparql_free(CnkgSparql *sparql);

#endif
