/* SPDX-License-Identifier: Apache-2.0
 * An interning table: byte strings stored once in an arena, each with a
 * dense 32-bit id in the order first added, found again by open-addressing
 * hash. One container for every "term -> id" map (the triple store's
 * terms, and any module that needs one). Depends on status.h only.
 *
 * Ownership: the table copies every key; keys it hands out are borrowed
 * until the next cnkg_intern_add or cnkg_intern_free. */
#ifndef CNKG_INTERN_H
#define CNKG_INTERN_H

#include <stddef.h>
#include <stdint.h>

#include "cnkg/status.h"

typedef struct CnkgIntern CnkgIntern;

/* A new empty table (caller owns; cnkg_intern_free), NULL when out of
 * memory. */
CnkgIntern *cnkg_intern_new(void);
void cnkg_intern_free(CnkgIntern *table);

/* *id of key[0..len), adding a copy if new. CNKG_ERR_NOMEM, CNKG_ERR_ARG
 * (NULL arguments, or the table full: ids are 32-bit). */
CnkgStatus cnkg_intern_add(CnkgIntern *table, const void *key, size_t len, uint32_t *id);
/* *id of key: CNKG_SUCCESS, or CNKG_NOTHING when absent. */
CnkgStatus cnkg_intern_find(const CnkgIntern *table, const void *key, size_t len,
                            uint32_t *id);
/* Key id (borrowed, NUL-terminated after its *len bytes); id must be less
 * than cnkg_intern_count. */
const char *cnkg_intern_key(const CnkgIntern *table, uint32_t id, size_t *len);
size_t cnkg_intern_count(const CnkgIntern *table);

#endif
