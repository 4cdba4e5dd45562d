/* SPDX-License-Identifier: Apache-2.0
 * RDF writer: Turtle and N-Triples of a canonicalised graph through raptor2's
 * serializers, and JSON-LD with the same statements (out/jsonld.h), emitted
 * into a CnkgOutput. Depends on include/cnkg/ (graph,
 * output, log, status) and raptor2; never on extractor/.
 *
 * IRIs (all ASCII; Chinese appears only in literals, tagged @zh):
 *   entity     BASE<entity key>                 e.g. BASE place/522127
 *   document   BASE<document key>               e.g. BASE doc/0123456789abcdef
 *   mention    BASE mention/<doc id>/<begin>-<end>
 *   evidence   BASE evidence/<16 hex of sha256(subject, rel, object)>/<doc id>/<begin>-<end>
 *   scheme     BASE scheme/industry, BASE scheme/policy
 *   agent      BASE agent/cnkg-<version>
 * where <doc id> is the document key without its "doc/" prefix and offsets
 * are code points of the original text. No blank nodes are ever written. */
#ifndef CNKG_OUT_RDF_H
#define CNKG_OUT_RDF_H

#include "cnkg/graph.h"
#include "cnkg/log.h"
#include "cnkg/output.h"
#include "cnkg/status.h"
#include "cnkg/vocab.h"

#define CNKG_RDF_DEFAULT_BASE "https://w3id.org/cnkg/id/"


/* JSON-LD: the same statements laid out by out/jsonld.h. */
typedef enum { CNKG_RDF_TURTLE = 0, CNKG_RDF_NTRIPLES, CNKG_RDF_JSONLD } CnkgRdfFormat;

typedef enum {
  CNKG_PROV_NONE = 0,  /* entities, relations and documents only */
  CNKG_PROV_ENTITIES,  /* + NIF mention resources per entity mention */
  CNKG_PROV_FULL       /* + PROV-O evidence resources per relation */
} CnkgProvenance;

typedef struct {
  CnkgRdfFormat format;
  const char *base;          /* borrowed; NULL = CNKG_RDF_DEFAULT_BASE */
  CnkgProvenance provenance; /* default CNKG_PROV_FULL */
  const CnkgLog *log;        /* borrowed; raptor's messages go here; may be NULL;
                              * called from several threads when threads > 1 */
  unsigned threads;          /* N-Triples: parts written at once (0, 1: one);
                              * parts after the first go through anonymous
                              * temporary files in temp_dir, or the output is
                              * written in one part when none can be made */
  const char *temp_dir;      /* borrowed; NULL: $TMPDIR, else /tmp. Callers
                              * writing a file pass its directory, so a big
                              * graph's parts sit on the output's disk, not
                              * in a /tmp that may be memory (tmpfs) */
} CnkgRdfOptions;

/* Defaults: Turtle, default base, full provenance, no log, one thread. */
void cnkg_rdf_options_init(CnkgRdfOptions *options);

/* Parses "turtle"/"ttl", "ntriples"/"nt" or "jsonld" into *format.
 * CNKG_ERR_ARG for any other name. */
CnkgStatus cnkg_rdf_format_from_name(const char *name, CnkgRdfFormat *format);
/* Parses "none", "entities" or "full". CNKG_ERR_ARG otherwise. */
CnkgStatus cnkg_rdf_provenance_from_name(const char *name,
                                         CnkgProvenance *level);

/* Writes graph (borrowed; should be canonicalised for byte-identical
 * output) to output (borrowed; not closed). options may be NULL (defaults).
 * The base must be an absolute ASCII IRI without spaces, <>"{}|^`\.
 * Statuses: CNKG_ERR_ARG (bad base or arguments), CNKG_ERR_NOMEM,
 * CNKG_ERR_WRITE (the output failed), CNKG_ERR_INTERNAL (raptor failed). */
CnkgStatus cnkg_rdf_write(const CnkgGraph *graph, const CnkgRdfOptions *options,
                          CnkgOutput *output);

#endif
