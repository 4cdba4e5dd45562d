/* SPDX-License-Identifier: Apache-2.0
 * The triple store every command that reads graphs sits on (trace, show,
 * query, merge): RDF files parsed by one raptor2 reader into interned
 * terms (core's interning table) and triples, then indexed as sorted
 * SPO, POS and OSP arrays for binary-search lookups. Depends on
 * include/cnkg/ (intern, status) and raptor2; never on extractor/ or out/.
 *
 * Ownership: the store owns its terms and triples; term views and triple
 * arrays it hands out are borrowed until the store is loaded into again or
 * freed. Term ids are dense, in the order terms were first read. */
#ifndef CNKG_STORE_STORE_H
#define CNKG_STORE_STORE_H

#include <raptor2.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cnkg/status.h"

#define CNKG_STORE_NONE UINT32_MAX /* no such term */

typedef struct CnkgStore CnkgStore;

typedef enum { CNKG_TERM_IRI, CNKG_TERM_BLANK, CNKG_TERM_LITERAL } CnkgTermKind;

/* A borrowed view of a term. text is NUL-terminated after len bytes (a
 * literal may hold U+0000 before that); lang and datatype are not
 * terminated and have length 0 when absent. */
typedef struct {
  CnkgTermKind kind;
  const char *text; /* IRI, blank node id or lexical form */
  size_t len;
  const char *lang;
  size_t lang_len;
  const char *datatype; /* IRI */
  size_t datatype_len;
} CnkgTerm;

typedef struct {
  uint32_t s, p, o;
} CnkgTriple;

/* The first error of a load: the line raptor gave (0 when none) and the
 * message (raptor's, or the one a hook gave cnkg_store_fail). */
typedef struct {
  int line;
  char text[480];
} CnkgStoreError;

/* Hooks into loading, both optional: on_block sees each block of the file
 * before it is parsed; on_triple each statement as it is added (its terms
 * already interned). Either may stop the load with cnkg_store_fail. */
typedef struct {
  void (*on_block)(void *user, CnkgStore *store, const unsigned char *bytes, size_t n);
  void (*on_triple)(void *user, CnkgStore *store, const raptor_statement *statement,
                    CnkgTriple triple);
  void *user;
} CnkgStoreHooks;

/* A new empty store (caller owns; cnkg_store_free). world (borrowed, may be
 * NULL: the store makes its own) is the raptor world parsers are made in;
 * its log handler is replaced while loading. rdf11 makes literals compare
 * as SPARQL does: language tags in lower case, xsd:string as no datatype.
 * NULL when out of memory. */
CnkgStore *cnkg_store_new(raptor_world *world, bool rdf11);
void cnkg_store_free(CnkgStore *store);

/* Adds the statements of path ("-": standard input; read as syntax,
 * "turtle" or "ntriples") to the store, not yet indexed. Blank nodes of
 * different loads stay different. CNKG_ERR_READ (err->text: "cannot read
 * graph: <reason>"), CNKG_ERR_TEXT (err: raptor's first error or a hook's
 * message; an empty text when raptor gave none), CNKG_ERR_NOMEM. */
CnkgStatus cnkg_store_load(CnkgStore *store, const char *path, const char *syntax,
                           const CnkgStoreHooks *hooks, CnkgStoreError *err);
/* From a hook: fails the load with a message (the first one is kept). */
void cnkg_store_fail(CnkgStore *store, const char *message);
bool cnkg_store_failed(const CnkgStore *store);

/* Drops duplicate statements (a graph is a set) and builds the indexes.
 * CNKG_ERR_NOMEM. */
CnkgStatus cnkg_store_index(CnkgStore *store);

/* The triples: before cnkg_store_index in the order read (duplicates
 * included), after it in SPO order; *n their number. */
const CnkgTriple *cnkg_store_triples(const CnkgStore *store, size_t *n);

/* An index's order: SPO by subject, predicate, object; POS; OSP. */
typedef enum { CNKG_STORE_SPO, CNKG_STORE_POS, CNKG_STORE_OSP } CnkgStoreOrder;
/* The triples (indexed store) whose first k parts in order's sequence
 * equal key[0..k): [*lo, *hi) of the array cnkg_store_index_array gives. */
void cnkg_store_range(const CnkgStore *store, CnkgStoreOrder order, const uint32_t *key,
                      int k, size_t *lo, size_t *hi);
const CnkgTriple *cnkg_store_index_array(const CnkgStore *store, CnkgStoreOrder order);

size_t cnkg_store_term_count(const CnkgStore *store);
/* A view of term id (< cnkg_store_term_count). */
CnkgTerm cnkg_store_term(const CnkgStore *store, uint32_t id);
/* Ids of terms, or CNKG_STORE_NONE when the store has none such. lang and
 * datatype may be NULL. A blank node is looked for in every load. The
 * store is not changed but for a scratch buffer (one thread at a time). */
uint32_t cnkg_store_find_iri(CnkgStore *store, const char *iri, size_t len);
uint32_t cnkg_store_find_literal(CnkgStore *store, const char *text, size_t len,
                                 const char *lang, size_t lang_len, const char *datatype);
uint32_t cnkg_store_find_blank(CnkgStore *store, const char *id, size_t len);

#endif
