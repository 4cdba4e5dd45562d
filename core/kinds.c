/* SPDX-License-Identifier: Apache-2.0
 * The descriptor rows of every entity and relation kind (see kinds.h). A
 * new kind is one row here, its enumerator, its recogniser, the ontology,
 * tests and docs. Depends on kinds.h, vocab.h (the namespace) and status.h. */
#include "cnkg/kinds.h"

#include <string.h>

#include "cnkg/vocab.h"

/* what: PLACE (an administrative division), CONCEPT (a shared concept) or
 * 0 */
enum { PLACE = 1, CONCEPT = 2 };
#define TYPE(id, nm, sl, z, e, what, shp, fill, short_zh)                    \
  [id] = {.name = nm, .iri = CNKG_NS_CNKG nm, .slug = sl, .zh = z, .en = e,   \
          .is_place = (what) == PLACE, .is_concept = (what) == CONCEPT,       \
          .draw = {.shape = shp, .color = fill, .label = short_zh}}

static const CnkgTypeInfo types[] = {
    TYPE(CNKG_TYPE_PERSON, "Person", "person", "人物", "person", 0,
         "ellipse", "#ffd6a5", "人物"),
    TYPE(CNKG_TYPE_PROVINCE, "Province", "province", "省级行政区", "province", PLACE,
         "tripleoctagon", "#9bf6ff", "省级"),
    TYPE(CNKG_TYPE_PREFECTURE, "Prefecture", "prefecture", "地级行政区", "prefecture",
         PLACE, "doubleoctagon", "#a0c4ff", "地级"),
    TYPE(CNKG_TYPE_COUNTY, "County", "county", "县级行政区", "county", PLACE,
         "octagon", "#bdb2ff", "县级"),
    TYPE(CNKG_TYPE_TOWNSHIP, "Township", "township", "乡级行政区", "township", PLACE,
         "house", "#caffbf", "乡级"),
    TYPE(CNKG_TYPE_VILLAGE, "Village", "village", "村级单位", "village", PLACE,
         "box", "#fdffb6", "村级"),
    TYPE(CNKG_TYPE_INDUSTRY, "Industry", "industry", "产业", "industry", CONCEPT,
         "component", "#ffadad", "产业"),
    TYPE(CNKG_TYPE_POLICY, "Policy", "policy", "政策", "policy", CONCEPT,
         "note", "#ffc6ff", "政策"),
    TYPE(CNKG_TYPE_ORGANIZATION, "Organization", "organization", "组织", "organisation",
         0, "box3d", "#d0f4de", "组织"),
    TYPE(CNKG_TYPE_POST, "Post", "post", "职务", "post", 0,
         "cds", "#e9ecef", "职位"),
    TYPE(CNKG_TYPE_EXIT, "PovertyExit", "exit", "脱贫摘帽", "poverty exit", 0,
         "invhouse", "#b7e4c7", "脱贫摘帽"),
    TYPE(CNKG_TYPE_EXIT_PLANNED, "PovertyExitPlanned", "plannedexit", "计划脱贫摘帽",
         "planned poverty exit", 0, "invhouse", "#fefae0", "计划摘帽"),
    TYPE(CNKG_TYPE_FIGURE, "Figure", "figure", "数据", "figure", 0,
         "plain", "#ffffff", "数据"),
    TYPE(CNKG_TYPE_INDICATOR, "Indicator", "indicator", "指标", "indicator", CONCEPT,
         "plain", "#ffffff", "指标"),
    TYPE(CNKG_TYPE_COUNTRY, "Country", "country", "国家", "country", 0,
         "egg", "#e0fbfc", "国家"),
    TYPE(CNKG_TYPE_CONTINENT, "Continent", "continent", "洲", "continent", 0,
         "egg", "#e0fbfc", "洲"),
    TYPE(CNKG_TYPE_REGION, "Region", "region", "地理区域", "region", 0,
         "egg", "#edf6f9", "区域"),
    TYPE(CNKG_TYPE_RIVER, "River", "river", "河流", "river", 0,
         "egg", "#bde0fe", "河流"),
    TYPE(CNKG_TYPE_LAKE, "Lake", "lake", "湖泊", "lake", 0,
         "egg", "#bde0fe", "湖泊"),
    TYPE(CNKG_TYPE_MOUNTAIN, "Mountain", "mountain", "山脉", "mountain", 0,
         "egg", "#d8e2dc", "山"),
    TYPE(CNKG_TYPE_CITY, "City", "city", "外国城市", "foreign city", 0,
         "egg", "#caf0f8", "城市"),
};
_Static_assert(sizeof types / sizeof *types == CNKG_TYPE_COUNT, "one row per entity kind");

#define REL(id, nm, z, e, lit, within, cls, colour, line, short_zh)           \
  [id] = {.name = nm, .iri = CNKG_NS_CNKG nm, .zh = z, .en = e,               \
          .literal = lit, .contains = within, .link = CNKG_LINK_##cls,       \
          .draw = {.color = colour, .style = line, .label = short_zh}}

static const CnkgRelInfo rels[] = {
    REL(CNKG_REL_LOCATED_IN, "locatedIn", "位于", "located in",
        CNKG_LIT_NONE, true, CHAIN, "#555555", "solid", "位于"),
    REL(CNKG_REL_ASSOCIATED_WITH, "associatedWith", "关联", "associated with",
        CNKG_LIT_NONE, false, CHAIN, "#1d4ed8", "dashed", "关联"),
    REL(CNKG_REL_TITLE, "title", "职务名称", "title",
        CNKG_LIT_TEXT, false, OTHER, NULL, NULL, NULL),
    REL(CNKG_REL_HAS_INDUSTRY, "hasIndustry", "有产业", "has industry",
        CNKG_LIT_NONE, false, CONCEPT, "#b91c1c", "solid", "产业"),
    REL(CNKG_REL_IMPLEMENTS_POLICY, "implementsPolicy", "实施政策", "implements policy",
        CNKG_LIT_NONE, false, CONCEPT, "#7e22ce", "solid", "政策"),
    REL(CNKG_REL_HOLDS_POST, "holdsPost", "担任", "holds post",
        CNKG_LIT_NONE, false, CHAIN, "#0f766e", "bold", "任职"),
    REL(CNKG_REL_POST_AT, "postAt", "任职于", "post at",
        CNKG_LIT_NONE, false, CHAIN, "#0f766e", "dashed", "任职于"),
    REL(CNKG_REL_POST_TITLE, "postTitle", "职务名称（职务）", "post title",
        CNKG_LIT_TEXT, false, OTHER, NULL, NULL, NULL),
    REL(CNKG_REL_POST_TIME, "postTime", "任职时间", "post time",
        CNKG_LIT_TEXT, false, OTHER, NULL, NULL, NULL),
    REL(CNKG_REL_WITHIN_DIVISION, "withinDivision", "隶属（区划名录）", "within (division list)",
        CNKG_LIT_NONE, true, CHAIN, "#999999", "dotted", "属于"),
    REL(CNKG_REL_BASED_IN, "basedIn", "所在地", "based in",
        CNKG_LIT_NONE, true, CHAIN, "#555555", "solid", "位于"),
    REL(CNKG_REL_CONCERNS, "concerns", "涉及", "concerns",
        CNKG_LIT_NONE, false, CONCEPT, "#2d6a4f", "dashed", "涉及"),
    REL(CNKG_REL_DATE, "date", "日期", "date",
        CNKG_LIT_DATE, false, OTHER, NULL, NULL, NULL),
    REL(CNKG_REL_START_DATE, "startDate", "任职开始", "start date",
        CNKG_LIT_DATE, false, OTHER, NULL, NULL, NULL),
    REL(CNKG_REL_END_DATE, "endDate", "任职结束", "end date",
        CNKG_LIT_DATE, false, OTHER, NULL, NULL, NULL),
    REL(CNKG_REL_VALUE, "value", "数值", "value",
        CNKG_LIT_DECIMAL, false, OTHER, NULL, NULL, NULL),
    REL(CNKG_REL_UNIT, "unit", "单位", "unit",
        CNKG_LIT_TEXT, false, OTHER, NULL, NULL, NULL),
    REL(CNKG_REL_INDICATOR, "indicator", "指标", "indicator",
        CNKG_LIT_NONE, false, CONCEPT, "#999999", "dotted", "指标"),
    REL(CNKG_REL_IS_TARGET, "isTarget", "目标值", "is target",
        CNKG_LIT_BOOLEAN, false, OTHER, NULL, NULL, NULL),
    REL(CNKG_REL_POSSIBLY_SAME_AS, "possiblySameAs", "可能同一人", "possibly same as",
        CNKG_LIT_NONE, false, OTHER, "#c2410c", "dotted", "可能同一人"),
    REL(CNKG_REL_FORMER_NAME, "formerName", "曾用名或俗称", "former or informal name",
        CNKG_LIT_TEXT, false, OTHER, NULL, NULL, NULL),
};
_Static_assert(sizeof rels / sizeof *rels == CNKG_REL_COUNT, "one row per relation kind");

const CnkgTypeInfo *cnkg_type_info(CnkgType type) {
  return (unsigned)type < CNKG_TYPE_COUNT ? &types[type] : NULL;
}

const CnkgRelInfo *cnkg_rel_info(CnkgRel rel) {
  return (unsigned)rel < CNKG_REL_COUNT ? &rels[rel] : NULL;
}

CnkgStatus cnkg_type_find(const char *iri, CnkgType *type) {
  if (!iri || !type) return CNKG_ERR_ARG;
  for (int t = 0; t < CNKG_TYPE_COUNT; t++)
    if (!strcmp(iri, types[t].iri)) {
      *type = (CnkgType)t;
      return CNKG_SUCCESS;
    }
  return CNKG_NOTHING;
}

CnkgStatus cnkg_rel_find(const char *iri, CnkgRel *rel) {
  if (!iri || !rel) return CNKG_ERR_ARG;
  for (int r = 0; r < CNKG_REL_COUNT; r++)
    if (!strcmp(iri, rels[r].iri)) {
      *rel = (CnkgRel)r;
      return CNKG_SUCCESS;
    }
  return CNKG_NOTHING;
}

const char *cnkg_type_name(CnkgType type) {
  return (unsigned)type < CNKG_TYPE_COUNT ? types[type].name : "Thing";
}

const char *cnkg_type_slug(CnkgType type) {
  return (unsigned)type < CNKG_TYPE_COUNT ? types[type].slug : "thing";
}

bool cnkg_type_is_place(CnkgType type) {
  return (unsigned)type < CNKG_TYPE_COUNT && types[type].is_place;
}

const char *cnkg_rel_name(CnkgRel rel) {
  return (unsigned)rel < CNKG_REL_COUNT ? rels[rel].name : "relatedTo";
}

bool cnkg_rel_is_literal(CnkgRel rel) {
  return cnkg_rel_literal_kind(rel) != CNKG_LIT_NONE;
}

CnkgLiteralKind cnkg_rel_literal_kind(CnkgRel rel) {
  return (unsigned)rel < CNKG_REL_COUNT ? rels[rel].literal : CNKG_LIT_NONE;
}

unsigned cnkg_rel_step_cost(CnkgRel rel) {
  switch ((unsigned)rel < CNKG_REL_COUNT ? rels[rel].link : CNKG_LINK_OTHER) {
  case CNKG_LINK_CHAIN: return CNKG_COST_CHAIN;
  case CNKG_LINK_CONCEPT: return CNKG_COST_CONCEPT;
  default: return CNKG_COST_OTHER;
  }
}

size_t cnkg_path_toll(size_t n_loose) {
  size_t bits = 0;
  for (; n_loose; n_loose >>= 1) bits++;
  return bits * bits * CNKG_COST_PER_BIT;
}
