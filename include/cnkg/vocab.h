/* SPDX-License-Identifier: Apache-2.0
 * The vocabulary cnkg writes and reads back: namespace IRIs and one table of
 * the fixed predicate and class IRIs (entity classes and relation
 * properties are rows of the kinds table, cnkg/kinds.h). The RDF writer,
 * the store, merge and the SPARQL prefixes all spell IRIs from here, so the
 * spellings cannot drift apart. Depends on nothing. */
#ifndef CNKG_VOCAB_H
#define CNKG_VOCAB_H

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
#define CNKG_ONTOLOGY_NS "https://w3id.org/cnkg/ontology#"
#define CNKG_NS_CNKG CNKG_ONTOLOGY_NS

/* The fixed terms, each as X(NAME, IRI): predicates first, then classes.
 * The order is part of the contract: merge sorts a node's statements by
 * it. CnkgVocab numbers them CNKG_V_NAME. */
#define CNKG_VOCAB_TERMS(X) \
  X(TYPE, CNKG_NS_RDF "type") \
  X(LABEL, CNKG_NS_RDFS "label") \
  X(PREFLABEL, CNKG_NS_SKOS "prefLabel") \
  X(ALTLABEL, CNKG_NS_SKOS "altLabel") \
  X(INSCHEME, CNKG_NS_SKOS "inScheme") \
  X(CODE, CNKG_NS_CNKG "code") \
  X(OFFICIAL, CNKG_NS_CNKG "officialName") \
  X(FROMLIST, CNKG_NS_CNKG "fromDivisionList") \
  X(MENTIONED_IN, CNKG_NS_CNKG "mentionedIn") \
  X(SOURCE, CNKG_NS_DCT "source") \
  X(SHA256, CNKG_NS_CNKG "sha256") \
  X(HEADLINE, CNKG_NS_SCHEMA "headline") \
  X(CREATOR, CNKG_NS_DCT "creator") \
  X(PHOTOGRAPHER, CNKG_NS_CNKG "photographer") \
  X(PUBLISHER, CNKG_NS_DCT "publisher") \
  X(BEGIN, CNKG_NS_NIF "beginIndex") \
  X(END, CNKG_NS_NIF "endIndex") \
  X(ANCHOR, CNKG_NS_NIF "anchorOf") \
  X(REFCTX, CNKG_NS_NIF "referenceContext") \
  X(TAIDENT, CNKG_NS_ITS "taIdentRef") \
  X(SUBJECT, CNKG_NS_CNKG "subject") \
  X(PREDICATE, CNKG_NS_CNKG "predicate") \
  X(OBJECT, CNKG_NS_CNKG "object") \
  X(DERIVED, CNKG_NS_PROV "wasDerivedFrom") \
  X(SENTENCE, CNKG_NS_CNKG "sentence") \
  X(ATTRIBUTED, CNKG_NS_PROV "wasAttributedTo") \
  X(ISSUED, CNKG_NS_DCT "issued") \
  /* classes */ \
  X(DOCUMENT, CNKG_NS_CNKG "Document") \
  X(PROV_ENTITY, CNKG_NS_PROV "Entity") \
  X(NIF_CONTEXT, CNKG_NS_NIF "Context") \
  X(NIF_PHRASE, CNKG_NS_NIF "Phrase") \
  X(EVIDENCE, CNKG_NS_CNKG "Evidence") \
  X(CONCEPT, CNKG_NS_SKOS "Concept") \
  X(SCHEME, CNKG_NS_SKOS "ConceptScheme") \
  X(AGENT, CNKG_NS_PROV "SoftwareAgent")

typedef enum {
#define CNKG_VOCAB_ENUM(name, iri) CNKG_V_##name,
  CNKG_VOCAB_TERMS(CNKG_VOCAB_ENUM)
#undef CNKG_VOCAB_ENUM
  CNKG_V_COUNT
} CnkgVocab;

/* The full IRI of a fixed term (a static string); NULL if out of range. */
const char *cnkg_vocab_iri(CnkgVocab term);
/* The fixed term whose IRI is iri, or CNKG_V_COUNT. */
CnkgVocab cnkg_vocab_find(const char *iri);

#endif
