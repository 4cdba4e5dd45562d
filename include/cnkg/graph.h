/* SPDX-License-Identifier: Apache-2.0
 * The graph model: documents, entities, mentions and relations, independent
 * of any writer; the kinds of entity and relation are cnkg/kinds.h. The
 * extractor fills one graph per document; graphs are merged and then put in
 * canonical order so writers emit byte-identical output
 * whatever the input order. Depends on kinds.h and status.h only.
 *
 * Ownership: the graph owns every string it stores (it copies on add).
 * Pointers returned by accessors are borrowed until the graph is changed or
 * freed. */
#ifndef CNKG_GRAPH_H
#define CNKG_GRAPH_H

#include <stdbool.h>
#include <stddef.h>

#include "cnkg/kinds.h"
#include "cnkg/status.h"

/* Entity flags. */
/* In a canonical graph: in at least one of its documents the division list
 * supplied the entity (as the enclosing place of one the text names) and the
 * text does not name it. Which documents: CnkgEntity.listed. */
#define CNKG_ENTITY_FROM_DIVISION_LIST 0x1u

typedef struct {
  size_t doc;    /* index into the graph's documents */
  size_t begin;  /* offsets in code points of the decoded original */
  size_t end;
  char *anchor;  /* the text as the document has it (one copy per graph,
                    shared by all mentions with the same text) */
} CnkgMention;

typedef struct {
  char *key;        /* ASCII, IRI-safe, "<type-slug>/<id>"; unique in the graph */
  CnkgType type;
  char *label;      /* preferred label, Simplified Chinese */
  char *official;   /* official name from the division list, or NULL */
  char *code;       /* official division code, or NULL */
  char **aliases;   /* other surface forms, sorted, unique */
  size_t n_aliases;
  unsigned flags;
  CnkgMention *mentions;
  size_t n_mentions;
  size_t *listed;   /* documents in which the division list supplied it and
                       the text does not name it (sorted, unique once the
                       graph is canonical): list provenance per document,
                       so that a statement never depends on another one */
  size_t n_listed;
} CnkgEntity;

typedef struct {
  size_t doc;       /* document that states it */
  size_t begin;     /* sentence offsets, code points of the original */
  size_t end;
  char *sentence;   /* the sentence as normalised text, or NULL (one copy
                       per graph, shared by all evidence that cites it) */
} CnkgEvidence;

typedef struct {
  size_t subject;   /* entity index */
  CnkgRel rel;
  size_t object;    /* entity index, or SIZE_MAX for a literal */
  char *literal;    /* literal object, or NULL */
  CnkgEvidence *evidence;
  size_t n_evidence;
} CnkgRelation;

typedef struct {
  char *key;          /* "doc/<first 16 hex of sha256>" */
  char *path;         /* as given on the command line */
  char *sha256;       /* hex */
  char *title;        /* NULL when none found */
  char *author;       /* bylines, ", "-joined, or NULL */
  char *photographer;
  char *source;
  size_t n_chars;     /* code points of the decoded original */
  char *issued;       /* publication date the page states, ISO 8601 at its
                         precision ("2016-07-18", "2016-07", "2016"), or NULL */
} CnkgDocument;

typedef struct CnkgGraph CnkgGraph;

/* A new empty graph (owned by the caller; free with cnkg_graph_free). NULL
 * when out of memory. */
CnkgGraph *cnkg_graph_new(void);
void cnkg_graph_free(CnkgGraph *graph);

/* Adds a document (fields copied; NULL fields allowed except key).
 * Returns an existing index if the key is present.
 * CNKG_ERR_ARG, CNKG_ERR_NOMEM. */
CnkgStatus cnkg_graph_add_document(CnkgGraph *graph, const CnkgDocument *doc,
                                   size_t *index);

/* Finds or creates the entity with key; a new entity gets type and label.
 * For an existing one, a different label becomes an alias (and of two
 * different types the smaller enumerator is kept, whatever the order).
 * CNKG_ERR_ARG (bad key: must be non-empty printable ASCII without
 * <>"{}|^`\ or space), CNKG_ERR_NOMEM. */
CnkgStatus cnkg_graph_add_entity(CnkgGraph *graph, const char *key,
                                 CnkgType type, const char *label,
                                 size_t *index);
/* Index of the entity with key: CNKG_SUCCESS or CNKG_NOTHING. */
CnkgStatus cnkg_graph_find_entity(const CnkgGraph *graph, const char *key,
                                  size_t *index);
CnkgStatus cnkg_graph_add_alias(CnkgGraph *graph, size_t entity,
                                const char *alias);
/* Sets and pins the preferred label (e.g. the fullest form chosen by the
 * extractor); the previous label becomes an alias. Canonicalisation keeps a
 * pinned label; when merged graphs pin different labels, the longest (then
 * bytewise smallest) wins. CNKG_ERR_ARG, CNKG_ERR_NOMEM. */
CnkgStatus cnkg_graph_set_label(CnkgGraph *graph, size_t entity,
                                const char *label);
/* Sets the official code and/or name (either may be NULL: left as is). */
CnkgStatus cnkg_graph_set_code(CnkgGraph *graph, size_t entity,
                               const char *code, const char *official);
/* Replaces the entity's flags; merged graphs or their flags. A flag set
 * without a document (a graph read back from RDF) stays as it is; one that
 * cnkg_graph_mark_listed set is recomputed from the documents by
 * cnkg_graph_canonicalize. */
void cnkg_graph_set_flags(CnkgGraph *graph, size_t entity, unsigned flags);
/* Records that in document doc the division list supplied the entity;
 * sets CNKG_ENTITY_FROM_DIVISION_LIST. cnkg_graph_canonicalize drops the
 * documents that also name it (and the flag if none is left).
 * CNKG_ERR_ARG, CNKG_ERR_NOMEM. */
CnkgStatus cnkg_graph_mark_listed(CnkgGraph *graph, size_t entity, size_t doc);
/* True if entity i has a mention in document doc. */
bool cnkg_graph_mentioned_in(const CnkgEntity *entity, size_t doc);
/* True if document doc is in the entity's list provenance. */
bool cnkg_graph_listed_in(const CnkgEntity *entity, size_t doc);
CnkgStatus cnkg_graph_add_mention(CnkgGraph *graph, size_t entity, size_t doc,
                                  size_t begin, size_t end,
                                  const char *anchor);
/* Adds subject -rel-> object (object ignored for literal relations, literal
 * ignored otherwise). A duplicate edge gains the evidence instead.
 * evidence may be NULL. */
CnkgStatus cnkg_graph_add_relation(CnkgGraph *graph, size_t subject,
                                   CnkgRel rel, size_t object,
                                   const char *literal,
                                   const CnkgEvidence *evidence);

/* Adds everything in from to into (documents, entities by key, relations),
 * independent of merge order once cnkg_graph_canonicalize runs.
 * CNKG_ERR_NOMEM. */
CnkgStatus cnkg_graph_merge(CnkgGraph *into, const CnkgGraph *from);
/* Same, where from may be changed: when into is empty, from's contents are
 * moved into it (no copy; from is left empty, still to be freed), so one
 * large document's graph is not held twice. CNKG_ERR_ARG, CNKG_ERR_NOMEM. */
CnkgStatus cnkg_graph_absorb(CnkgGraph *into, CnkgGraph *from);

/* Puts documents, entities, aliases, mentions, relations and evidence in a
 * canonical order (by key and offsets) and settles labels (the longest,
 * then bytewise smallest, of label and aliases wins... unless set by code).
 * Indices change. CNKG_ERR_NOMEM. */
CnkgStatus cnkg_graph_canonicalize(CnkgGraph *graph);

size_t cnkg_graph_document_count(const CnkgGraph *graph);
size_t cnkg_graph_entity_count(const CnkgGraph *graph);
size_t cnkg_graph_relation_count(const CnkgGraph *graph);
const CnkgDocument *cnkg_graph_document(const CnkgGraph *graph, size_t i);
const CnkgEntity *cnkg_graph_entity(const CnkgGraph *graph, size_t i);
const CnkgRelation *cnkg_graph_relation(const CnkgGraph *graph, size_t i);

/* Builds an ASCII entity key "<slug>/<16 hex of sha256(name \x1f context)>"
 * for an entity without an official code. context may be NULL or "" (e.g.
 * the key of the enclosing place). Caller owns the result; NULL on OOM. */
char *cnkg_graph_key_hash(CnkgType type, const char *name, const char *context);
/* Key for a place with an official division code: "place/<code>". */
char *cnkg_graph_key_code(const char *code);

#endif
