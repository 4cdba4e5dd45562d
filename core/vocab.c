/* SPDX-License-Identifier: Apache-2.0
 * The fixed IRIs of cnkg's vocabulary (see vocab.h), from its one list.
 * Depends on vocab.h only. */
#include "cnkg/vocab.h"

#include <string.h>

static const char *const iris[] = {
#define IRI(name, iri) [CNKG_V_##name] = iri,
    CNKG_VOCAB_TERMS(IRI)
#undef IRI
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
