/* SPDX-License-Identifier: Apache-2.0
 * Namespace IRIs of the vocabularies cnkg writes and reads back, shared by
 * the RDF writer, the merge and graph readers and the SPARQL prefixes so the
 * spellings cannot drift apart. Header only; depends on out/rdf.h. */
#ifndef CNKG_OUT_VOCAB_H
#define CNKG_OUT_VOCAB_H

#include "out/rdf.h"

#define CNKG_NS_RDF "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define CNKG_NS_RDFS "http://www.w3.org/2000/01/rdf-schema#"
#define CNKG_NS_XSD "http://www.w3.org/2001/XMLSchema#"
#define CNKG_NS_SKOS "http://www.w3.org/2004/02/skos/core#"
#define CNKG_NS_PROV "http://www.w3.org/ns/prov#"
#define CNKG_NS_DCT "http://purl.org/dc/terms/"
#define CNKG_NS_NIF \
  "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
#define CNKG_NS_ITS "http://www.w3.org/2005/11/its/rdf#"
#define CNKG_NS_SCHEMA "https://schema.org/"
#define CNKG_NS_CNKG CNKG_ONTOLOGY_NS

#endif
