/* SPDX-License-Identifier: Apache-2.0
 * Interned strings for per-document work: each distinct byte string gets a
 * dense id, in order of first insertion, found again in constant time, so
 * that a recogniser can group or count names without comparing all pairs
 * (a document may hold millions of mentions). Depends on status.h. */
#ifndef CNKG_EXTRACTOR_STRIDS_H
#define CNKG_EXTRACTOR_STRIDS_H

#include <stddef.h>
#include <stdint.h>

#include "cnkg/status.h"

/* Zero-initialise ({0}) to make an empty table; free with
 * cnkg_strids_free. Keys are copied into the table. */
typedef struct {
  char *pool;           /* the keys, each NUL-terminated */
  size_t pool_len, pool_cap;
  size_t *off, *len;    /* per id: offset into pool, byte length */
  size_t n, cap;        /* ids in use */
  size_t *slots;        /* open addressing: id, or SIZE_MAX */
  size_t n_slots;
} CnkgStrIds;

/* The hash the table uses for s[0, len): start from CNKG_STRIDS_SEED and
 * feed bytes with cnkg_strids_hash (in pieces or at once), so that a
 * scanner can extend a key one byte at a time. */
#define CNKG_STRIDS_SEED 14695981039346656037ull
static inline uint64_t cnkg_strids_hash(uint64_t h, const char *s, size_t len) {
  for (size_t i = 0; i < len; i++) {
    h ^= (unsigned char)s[i];
    h *= 1099511628211ull;
  }
  return h;
}

/* The id of s[0, len), or SIZE_MAX when absent. */
size_t cnkg_strids_find(const CnkgStrIds *t, const char *s, size_t len);
/* Same, given h = cnkg_strids_hash(CNKG_STRIDS_SEED, s, len). */
size_t cnkg_strids_find_hashed(const CnkgStrIds *t, const char *s, size_t len,
                               uint64_t h);
/* The id of s[0, len) in *id, added (as ids n, n + 1, ...) when new.
 * CNKG_ERR_NOMEM (the table is unchanged). */
CnkgStatus cnkg_strids_add(CnkgStrIds *t, const char *s, size_t len, size_t *id);
/* The key of id (< t->n), NUL-terminated; borrowed until the next add. */
static inline const char *cnkg_strids_str(const CnkgStrIds *t, size_t id) {
  return t->pool + t->off[id];
}
/* Frees the table's memory and leaves it empty. */
void cnkg_strids_free(CnkgStrIds *t);

#endif
