/* SPDX-License-Identifier: Apache-2.0
 * The recogniser interface extract.c drives, one module per kind:
 * place.c (cnkg_place_*), org.c (cnkg_org_*), person.c (cnkg_person_*),
 * industry.c (cnkg_industry_*), policy.c (cnkg_policy_*), and facts.c
 * (cnkg_facts_*: dates, events and figures). Each keeps its
 * compiled patterns and lexicons in an opaque object made once at start-up
 * (read-only afterwards, so one object serves all threads) and adds
 * entities, mentions and relations for one document through CnkgDocState.
 * They run in this order: place, org, person, industry, policy, facts,
 * world (world.c: countries, China, cities abroad, rivers, mountains,
 * regions); each may read the spans the earlier ones recorded. */
#ifndef CNKG_EXTRACTOR_RECOGNIZERS_H
#define CNKG_EXTRACTOR_RECOGNIZERS_H

#include "extractor/docstate.h"

#define CNKG_DECLARE_RECOGNIZER(prefix, Type)                                 \
  typedef struct Type Type;                                                   \
  /* Compiles patterns/lexicons; err says what failed. Caller owns *out. */   \
  CnkgStatus cnkg_##prefix##_new(const CnkgDivision *division, Type **out,    \
                                 char *err, size_t errsize);                  \
  void cnkg_##prefix##_free(Type *r);                                         \
  /* Recognises in one document. CNKG_ERR_NOMEM, CNKG_ERR_PATTERN. */         \
  CnkgStatus cnkg_##prefix##_run(const Type *r, CnkgDocState *st);

CNKG_DECLARE_RECOGNIZER(place, CnkgPlaceRecognizer)
CNKG_DECLARE_RECOGNIZER(org, CnkgOrgRecognizer)
CNKG_DECLARE_RECOGNIZER(person, CnkgPersonRecognizer)
CNKG_DECLARE_RECOGNIZER(industry, CnkgIndustryRecognizer)
CNKG_DECLARE_RECOGNIZER(policy, CnkgPolicyRecognizer)
CNKG_DECLARE_RECOGNIZER(facts, CnkgFactsRecognizer)
CNKG_DECLARE_RECOGNIZER(world, CnkgWorldRecognizer)

/* True if s[0, len) is the name of a river, lake, mountain or region the
 * world recogniser knows (黄河, 太湖, 大别山, 武陵山区): the place recogniser
 * does not read such a name, bare, as a village or township. */
bool cnkg_world_names_feature(const char *s, size_t len);

/* After the person recogniser: relates each person a credit line names
 * after a news outlet (来源:X作者:Y, X记者Y, X讯(记者Y)) to that outlet
 * (associatedWith). CNKG_ERR_ARG, CNKG_ERR_NOMEM. */
CnkgStatus cnkg_org_credits(CnkgDocState *st);

#endif
