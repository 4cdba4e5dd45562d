/* SPDX-License-Identifier: Apache-2.0
 * The kinds of entity and relation, one descriptor row each (core/kinds.c):
 * ontology name and IRI, IRI path segment, labels, how the drawing shows
 * it, whether a relation's object is a literal. Writers and readers look
 * kinds up here instead of keeping their own positional tables, so a new
 * kind is an enumerator here and a row there. Depends on status.h only. */
#ifndef CNKG_KINDS_H
#define CNKG_KINDS_H

#include <stdbool.h>
#include <stddef.h>

#include "cnkg/status.h"

/* Entity kinds. The order is part of the contract: merged entities of two
 * kinds keep the smaller enumerator, and writers list kinds in this order. */
typedef enum {
  CNKG_TYPE_PERSON = 0,
  CNKG_TYPE_PROVINCE,
  CNKG_TYPE_PREFECTURE,
  CNKG_TYPE_COUNTY,
  CNKG_TYPE_TOWNSHIP,
  CNKG_TYPE_VILLAGE,
  CNKG_TYPE_INDUSTRY,
  CNKG_TYPE_POLICY,
  CNKG_TYPE_ORGANIZATION,
  CNKG_TYPE_POST, /* a post held: person + title + where (+ when) */
  CNKG_TYPE_EXIT,         /* an event: a place declared out of poverty */
  CNKG_TYPE_EXIT_PLANNED, /* a plan or goal that a place exit poverty */
  CNKG_TYPE_FIGURE,       /* a figure the text reports (a qb:Observation) */
  CNKG_TYPE_INDICATOR,    /* what a figure measures, as the text names it
                             (a SKOS concept in the indicator scheme) */
  /* Places beyond the division list (extractor/world.c): */
  CNKG_TYPE_COUNTRY,      /* a country (ISO 3166-1), China at the top of the chain */
  CNKG_TYPE_CONTINENT,    /* a continent (亚洲, 非洲) */
  CNKG_TYPE_REGION,       /* a named region (西北, 长三角, 武陵山区) */
  CNKG_TYPE_RIVER,        /* a river (长江, 黄河) */
  CNKG_TYPE_LAKE,         /* a lake (洞庭湖) */
  CNKG_TYPE_MOUNTAIN,     /* a mountain or range (太行山) */
  CNKG_TYPE_CITY,         /* a city abroad (纽约, 伦敦), within its country */
  CNKG_TYPE_COUNT
} CnkgType;

/* Relation kinds (ontology properties). */
typedef enum {
  CNKG_REL_LOCATED_IN = 0,     /* place/org -> place */
  CNKG_REL_ASSOCIATED_WITH,    /* person -> place/org */
  CNKG_REL_TITLE,              /* person -> literal title */
  CNKG_REL_HAS_INDUSTRY,       /* place/org -> industry */
  CNKG_REL_IMPLEMENTS_POLICY,  /* place/org -> policy */
  CNKG_REL_HOLDS_POST,         /* person -> post */
  CNKG_REL_POST_AT,            /* post -> place/org */
  CNKG_REL_POST_TITLE,         /* post -> literal title */
  CNKG_REL_POST_TIME,          /* post -> literal time as stated */
  CNKG_REL_WITHIN_DIVISION,    /* place -> place, from the division list only,
                                  where one end is not named in the document */
  CNKG_REL_BASED_IN,           /* organisation -> the place it belongs to */
  CNKG_REL_CONCERNS,           /* event or figure -> the place/org it is about */
  CNKG_REL_DATE,               /* event or figure -> ISO 8601 date literal */
  CNKG_REL_START_DATE,         /* post -> ISO date it was taken up */
  CNKG_REL_END_DATE,           /* post -> ISO date it was left */
  CNKG_REL_VALUE,              /* figure -> decimal literal ("17000", "0.5") */
  CNKG_REL_UNIT,               /* figure -> unit literal (人, 户, 元, %) */
  CNKG_REL_INDICATOR,          /* figure -> indicator concept */
  CNKG_REL_IS_TARGET,          /* figure -> "true": a plan or goal */
  CNKG_REL_POSSIBLY_SAME_AS,   /* person -> person of the same name whose
                                  career overlaps (core/careers.c) */
  CNKG_REL_FORMER_NAME,        /* place -> literal: the text's name for it by
                                  a former level suffix (X乡 of X镇) */
  CNKG_REL_COUNT
} CnkgRel;

/* What a relation's object is, which fixes its RDF form. */
typedef enum {
  CNKG_LIT_NONE = 0, /* an entity */
  CNKG_LIT_TEXT,     /* text, tagged @zh */
  CNKG_LIT_DATE,     /* ISO 8601 "2018", "2018-05" or "2018-05-31": xsd:gYear,
                        xsd:gYearMonth or xsd:date by its length */
  CNKG_LIT_DECIMAL,  /* a plain decimal number: xsd:decimal */
  CNKG_LIT_BOOLEAN   /* "true": xsd:boolean */
} CnkgLiteralKind;

/* What a link between two entities means for a path through the graph
 * (cnkg trace and the report's path finder rank paths by it): a step along
 * a chain of containment, posts and organisations, a step to a shared
 * concept (an industry, a policy, an indicator), or neither. */
typedef enum {
  CNKG_LINK_OTHER = 0,
  CNKG_LINK_CHAIN,
  CNKG_LINK_CONCEPT
} CnkgLinkClass;

/* How the GraphViz writer draws a kind; NULL fields: GraphViz's default
 * (a relation without a colour is not drawn as an edge: its object is a
 * literal, shown in the node). */
typedef struct {
  const char *shape; /* node shape (entities) */
  const char *color; /* fill (entities) or line colour (relations) */
  const char *style; /* line style (relations) */
  const char *label; /* short Chinese label: legend entry or edge label */
} CnkgDrawStyle;

typedef struct {
  const char *name;  /* local name of the ontology class, "Person" */
  const char *iri;   /* the class IRI */
  const char *slug;  /* IRI path segment of instances, "person" */
  const char *zh;    /* the ontology's labels */
  const char *en;
  bool is_place;     /* an administrative division (Province..Village) */
  bool is_concept;   /* a concept several entities share (skos:Concept) */
  CnkgDrawStyle draw;
} CnkgTypeInfo;

typedef struct {
  const char *name;  /* local name of the ontology property, "locatedIn" */
  const char *iri;   /* the property IRI */
  const char *zh;    /* the ontology's labels */
  const char *en;
  CnkgLiteralKind literal; /* CNKG_LIT_NONE: the object is an entity */
  bool contains;     /* the subject lies within the object */
  CnkgLinkClass link;
  CnkgDrawStyle draw;
} CnkgRelInfo;

/* The row of a kind (static); NULL when out of range. */
const CnkgTypeInfo *cnkg_type_info(CnkgType type);
const CnkgRelInfo *cnkg_rel_info(CnkgRel rel);

/* The kind whose IRI is iri: CNKG_SUCCESS, or CNKG_NOTHING (CNKG_ERR_ARG
 * for NULL arguments). */
CnkgStatus cnkg_type_find(const char *iri, CnkgType *type);
CnkgStatus cnkg_rel_find(const char *iri, CnkgRel *rel);

/* Shorthands for the rows' fields, tolerant of bad values: the local name
 * of the class ("Thing" out of range), the IRI path segment ("thing"),
 * whether a place; the property's local name ("relatedTo") and whether its
 * object is a literal. */
const char *cnkg_type_name(CnkgType type);
const char *cnkg_type_slug(CnkgType type);
bool cnkg_type_is_place(CnkgType type);
const char *cnkg_rel_name(CnkgRel rel);
bool cnkg_rel_is_literal(CnkgRel rel);
CnkgLiteralKind cnkg_rel_literal_kind(CnkgRel rel);

/* The cost of one step along a relation when ranking paths: chain links
 * CNKG_COST_CHAIN, concept links CNKG_COST_CONCEPT, others
 * CNKG_COST_OTHER. Passing through an entity adds CNKG_COST_PER_BIT times
 * the square of the bit length of its number of non-chain links, so hubs
 * (a policy many places implement) cost the more the bigger they are. */
enum { CNKG_COST_CHAIN = 10, CNKG_COST_OTHER = 20, CNKG_COST_CONCEPT = 40,
       CNKG_COST_PER_BIT = 4 };
unsigned cnkg_rel_step_cost(CnkgRel rel);
/* The cost of passing through an entity with n_loose non-chain links. */
size_t cnkg_path_toll(size_t n_loose);

#endif
