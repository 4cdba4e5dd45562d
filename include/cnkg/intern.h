/* SPDX-License-Identifier: Apache-2.0
 * The interning table: byte strings stored once, each with a dense id in
 * the order first added, found again by hash in constant time. One
 * container for every "key -> id" map (the triple store's terms, the
 * recognisers' names, the writers' sentences). Depends on status.h only.
 *
 * Ownership: zero-initialise a table ({0}) to make it empty; it copies
 * every key and owns its memory until cnkg_intern_free. Keys it hands out
 * are borrowed until the next cnkg_intern_add or cnkg_intern_free. */
#ifndef CNKG_INTERN_H
#define CNKG_INTERN_H

#include <stddef.h>
#include <stdint.h>

#include "cnkg/status.h"

/* Fields are private to core/intern.c. */
typedef struct {
  char *arena; /* the keys, each NUL-terminated */
  size_t arena_len, arena_cap;
  struct CnkgInternKey {
    size_t off, len; /* in the arena */
  } *keys;           /* by id */
  size_t n, cap;
  uint32_t *slots; /* id + 1, 0 = empty; n_slots a power of two */
  size_t n_slots;
} CnkgIntern;

/* The hash of a key: start from CNKG_INTERN_SEED and feed its bytes (in
 * pieces or at once), so that a scanner can extend a key a byte at a time
 * and look each prefix up with cnkg_intern_find_hashed. */
#define CNKG_INTERN_SEED 14695981039346656037ull
static inline uint64_t cnkg_intern_hash(uint64_t hash, const void *bytes, size_t len) {
  const unsigned char *b = bytes;
  for (size_t i = 0; i < len; i++) hash = (hash ^ b[i]) * 1099511628211ull;
  return hash;
}

/* *id of key[0..len), adding a copy as the next id (ids count from 0 and
 * stay below UINT32_MAX) if new. CNKG_ERR_NOMEM (the table unchanged),
 * CNKG_ERR_ARG (NULL arguments, or the table full). */
CnkgStatus cnkg_intern_add(CnkgIntern *table, const void *key, size_t len, size_t *id);
/* *id of key: CNKG_SUCCESS, or CNKG_NOTHING when absent (CNKG_ERR_ARG). */
CnkgStatus cnkg_intern_find(const CnkgIntern *table, const void *key, size_t len,
                            size_t *id);
/* The same, given hash = cnkg_intern_hash(CNKG_INTERN_SEED, key, len),
 * without checking the arguments (CNKG_SUCCESS or CNKG_NOTHING). */
CnkgStatus cnkg_intern_find_hashed(const CnkgIntern *table, const void *key, size_t len,
                                   uint64_t hash, size_t *id);
/* Key id (borrowed, NUL-terminated after its *len bytes; len may be NULL);
 * id must be less than cnkg_intern_count. */
const char *cnkg_intern_key(const CnkgIntern *table, size_t id, size_t *len);
/* The number of keys (0 for NULL). */
size_t cnkg_intern_count(const CnkgIntern *table);
/* Frees the table's memory and leaves it empty; accepts NULL. */
void cnkg_intern_free(CnkgIntern *table);

#endif
