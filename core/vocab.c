/* SPDX-License-Identifier: Apache-2.0
 * The fixed IRIs of cnkg's vocabulary (see vocab.h), one row each.
 * Depends on vocab.h only. */
#include "cnkg/vocab.h"

#include <string.h>

static const char *const iris[] = {
    [CNKG_V_TYPE] = CNKG_NS_RDF "type",
    [CNKG_V_LABEL] = CNKG_NS_RDFS "label",
    [CNKG_V_PREFLABEL] = CNKG_NS_SKOS "prefLabel",
    [CNKG_V_ALTLABEL] = CNKG_NS_SKOS "altLabel",
    [CNKG_V_INSCHEME] = CNKG_NS_SKOS "inScheme",
    [CNKG_V_CODE] = CNKG_NS_CNKG "code",
    [CNKG_V_OFFICIAL] = CNKG_NS_CNKG "officialName",
    [CNKG_V_FROMLIST] = CNKG_NS_CNKG "fromDivisionList",
    [CNKG_V_MENTIONED_IN] = CNKG_NS_CNKG "mentionedIn",
    [CNKG_V_SOURCE] = CNKG_NS_DCT "source",
    [CNKG_V_SHA256] = CNKG_NS_CNKG "sha256",
    [CNKG_V_HEADLINE] = CNKG_NS_SCHEMA "headline",
    [CNKG_V_CREATOR] = CNKG_NS_DCT "creator",
    [CNKG_V_PHOTOGRAPHER] = CNKG_NS_CNKG "photographer",
    [CNKG_V_PUBLISHER] = CNKG_NS_DCT "publisher",
    [CNKG_V_BEGIN] = CNKG_NS_NIF "beginIndex",
    [CNKG_V_END] = CNKG_NS_NIF "endIndex",
    [CNKG_V_ANCHOR] = CNKG_NS_NIF "anchorOf",
    [CNKG_V_REFCTX] = CNKG_NS_NIF "referenceContext",
    [CNKG_V_TAIDENT] = CNKG_NS_ITS "taIdentRef",
    [CNKG_V_SUBJECT] = CNKG_NS_CNKG "subject",
    [CNKG_V_PREDICATE] = CNKG_NS_CNKG "predicate",
    [CNKG_V_OBJECT] = CNKG_NS_CNKG "object",
    [CNKG_V_DERIVED] = CNKG_NS_PROV "wasDerivedFrom",
    [CNKG_V_SENTENCE] = CNKG_NS_CNKG "sentence",
    [CNKG_V_ATTRIBUTED] = CNKG_NS_PROV "wasAttributedTo",
    [CNKG_V_DOCUMENT] = CNKG_NS_CNKG "Document",
    [CNKG_V_PROV_ENTITY] = CNKG_NS_PROV "Entity",
    [CNKG_V_NIF_CONTEXT] = CNKG_NS_NIF "Context",
    [CNKG_V_NIF_PHRASE] = CNKG_NS_NIF "Phrase",
    [CNKG_V_EVIDENCE] = CNKG_NS_CNKG "Evidence",
    [CNKG_V_CONCEPT] = CNKG_NS_SKOS "Concept",
    [CNKG_V_SCHEME] = CNKG_NS_SKOS "ConceptScheme",
    [CNKG_V_AGENT] = CNKG_NS_PROV "SoftwareAgent",
};
_Static_assert(sizeof iris / sizeof *iris == CNKG_V_COUNT, "one IRI per fixed term");

const char *cnkg_vocab_iri(CnkgVocab term) {
  return (unsigned)term < CNKG_V_COUNT ? iris[term] : NULL;
}

CnkgVocab cnkg_vocab_find(const char *iri) {
  for (int v = 0; iri && v < CNKG_V_COUNT; v++)
    if (!strcmp(iri, iris[v])) return (CnkgVocab)v;
  return CNKG_V_COUNT;
}
