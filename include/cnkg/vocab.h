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

/* The fixed terms: predicates first, then classes. The order is part of
 * the contract: merge sorts a node's statements by it. */
typedef enum {
  CNKG_V_TYPE = 0,     /* rdf:type */
  CNKG_V_LABEL,        /* rdfs:label */
  CNKG_V_PREFLABEL,    /* skos:prefLabel */
  CNKG_V_ALTLABEL,     /* skos:altLabel */
  CNKG_V_INSCHEME,     /* skos:inScheme */
  CNKG_V_CODE,         /* cnkg:code */
  CNKG_V_OFFICIAL,     /* cnkg:officialName */
  CNKG_V_FROMLIST,     /* cnkg:fromDivisionList */
  CNKG_V_MENTIONED_IN, /* cnkg:mentionedIn */
  CNKG_V_SOURCE,       /* dcterms:source */
  CNKG_V_SHA256,       /* cnkg:sha256 */
  CNKG_V_HEADLINE,     /* schema:headline */
  CNKG_V_CREATOR,      /* dcterms:creator */
  CNKG_V_PHOTOGRAPHER, /* cnkg:photographer */
  CNKG_V_PUBLISHER,    /* dcterms:publisher */
  CNKG_V_BEGIN,        /* nif:beginIndex */
  CNKG_V_END,          /* nif:endIndex */
  CNKG_V_ANCHOR,       /* nif:anchorOf */
  CNKG_V_REFCTX,       /* nif:referenceContext */
  CNKG_V_TAIDENT,      /* itsrdf:taIdentRef */
  CNKG_V_SUBJECT,      /* cnkg:subject */
  CNKG_V_PREDICATE,    /* cnkg:predicate */
  CNKG_V_OBJECT,       /* cnkg:object */
  CNKG_V_DERIVED,      /* prov:wasDerivedFrom */
  CNKG_V_SENTENCE,     /* cnkg:sentence */
  CNKG_V_ATTRIBUTED,   /* prov:wasAttributedTo */
  CNKG_V_DOCUMENT,     /* class cnkg:Document */
  CNKG_V_PROV_ENTITY,  /* class prov:Entity */
  CNKG_V_NIF_CONTEXT,  /* class nif:Context */
  CNKG_V_NIF_PHRASE,   /* class nif:Phrase */
  CNKG_V_EVIDENCE,     /* class cnkg:Evidence */
  CNKG_V_CONCEPT,      /* class skos:Concept */
  CNKG_V_SCHEME,       /* class skos:ConceptScheme */
  CNKG_V_AGENT,        /* class prov:SoftwareAgent */
  CNKG_V_COUNT
} CnkgVocab;

/* The full IRI of a fixed term (a static string); NULL if out of range. */
const char *cnkg_vocab_iri(CnkgVocab term);
/* The fixed term whose IRI is iri, or CNKG_V_COUNT. */
CnkgVocab cnkg_vocab_find(const char *iri);

#endif
