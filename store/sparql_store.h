/* SPDX-License-Identifier: Apache-2.0
 * The triple store (store.h) as rasqal's triples source: every triple
 * pattern is a binary search in the store's SPO, POS or OSP index, not a
 * scan of the whole graph as in rasqal's built-in source. Depends on
 * store/store.h, status.h, rasqal and raptor2. */
#ifndef CNKG_STORE_SPARQL_STORE_H
#define CNKG_STORE_SPARQL_STORE_H

#include <stddef.h>

#include <rasqal.h>

#include "cnkg/status.h"

typedef struct CnkgSparqlStore CnkgSparqlStore;

/* Parses the graph files (paths borrowed; .nt as N-Triples, anything else
 * as Turtle) into a new store the caller owns (*store, cnkg_sparql_store_free).
 * Replaces raptor's log handler on world while parsing; the caller restores
 * its own afterwards. On error err names the file and line.
 * CNKG_ERR_READ (unreadable), CNKG_ERR_TEXT (bad syntax), CNKG_ERR_NOMEM. */
CnkgStatus cnkg_sparql_store_load(raptor_world *world,
                                  const char *const *paths, size_t n_paths,
                                  CnkgSparqlStore **store, char *err,
                                  size_t errsize);

/* Makes store (borrowed; must outlive every query run on world) the
 * triples source of queries executed on world. CNKG_ERR_INTERNAL. */
CnkgStatus cnkg_sparql_store_register(rasqal_world *world,
                                      CnkgSparqlStore *store);

/* Frees the store; NULL is fine. */
void cnkg_sparql_store_free(CnkgSparqlStore *store);

#endif
