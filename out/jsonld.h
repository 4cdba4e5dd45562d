/* SPDX-License-Identifier: Apache-2.0
 * JSON-LD layout of RDF statements, for the RDF writer (out/rdf.h, format
 * CNKG_RDF_JSONLD), so JSON-LD carries exactly the triples the Turtle and
 * N-Triples carry. A document is one object: "@context" (cnkg's published
 * context, ontology/context.jsonld, embedded so the file is self-contained
 * and parses offline; "cnkgid" is the --base) and "@graph", one node object
 * per line, a subject's statements together. Statements arrive subject by
 * subject; only the open subject's are held. Depends on
 * include/cnkg/output.h and out/json.h; never on extractor/. */
#ifndef CNKG_OUT_JSONLD_H
#define CNKG_OUT_JSONLD_H

#include <stdbool.h>
#include <stddef.h>

#include "cnkg/output.h"
#include "cnkg/status.h"

/* IRI of the published context (ontology/context.jsonld). */
#define CNKG_JSONLD_CONTEXT_IRI "https://w3id.org/cnkg/context.jsonld"

/* An object: an IRI, or a literal with a language tag or a datatype IRI
 * (both NULL: a plain string). Strings are borrowed for the call. */
typedef struct {
  const char *text;
  size_t len;
  bool iri;
  const char *lang;
  const char *datatype;
} CnkgJsonldTerm;

typedef struct CnkgJsonld CnkgJsonld;

/* Starts a document on out (borrowed; not closed): writes the context with
 * base (borrowed; an absolute IRI) as the "cnkgid" prefix, and opens
 * "@graph". *jl is owned by the caller (cnkg_jsonld_free).
 * CNKG_ERR_NOMEM, or the output's error. */
CnkgStatus cnkg_jsonld_new(CnkgOutput *out, const char *base, CnkgJsonld **jl);
/* Adds subject -predicate-> object (IRIs as absolute strings, borrowed).
 * CNKG_ERR_NOMEM, or the output's error. */
CnkgStatus cnkg_jsonld_add(CnkgJsonld *jl, const char *subject, const char *predicate,
                           const CnkgJsonldTerm *object);
/* Writes the open subject and closes the document.
 * CNKG_ERR_NOMEM, or the output's error. */
CnkgStatus cnkg_jsonld_finish(CnkgJsonld *jl);
void cnkg_jsonld_free(CnkgJsonld *jl);

/* Writes the context object ({"@context": {...}}, as shipped in
 * ontology/context.jsonld when base is the default) to out. */
void cnkg_jsonld_write_context(CnkgOutput *out, const char *base);

#endif
