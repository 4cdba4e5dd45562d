/* SPDX-License-Identifier: Apache-2.0
 * Interned strings (see strids.h): open addressing over dense ids, grown at
 * half load. Depends on strids.h and libc. */
#include "extractor/strids.h"

#include <stdlib.h>
#include <string.h>

#include "cnkg/grow.h"

static size_t slot_of(const CnkgStrIds *t, const char *s, size_t len, uint64_t h) {
  size_t mask = t->n_slots - 1, j = (size_t)h & mask;
  for (; t->slots[j] != SIZE_MAX; j = (j + 1) & mask) {
    size_t id = t->slots[j];
    if (t->len[id] == len && memcmp(t->pool + t->off[id], s, len) == 0) break;
  }
  return j;
}

size_t cnkg_strids_find_hashed(const CnkgStrIds *t, const char *s, size_t len,
                               uint64_t h) {
  return t->n_slots ? t->slots[slot_of(t, s, len, h)] : SIZE_MAX;
}

size_t cnkg_strids_find(const CnkgStrIds *t, const char *s, size_t len) {
  return cnkg_strids_find_hashed(t, s, len, cnkg_strids_hash(CNKG_STRIDS_SEED, s, len));
}

static CnkgStatus reserve(CnkgStrIds *t, size_t len) {
  if ((t->n + 1) * 2 > t->n_slots) {
    size_t size = t->n_slots ? t->n_slots * 2 : 64;
    size_t *slots = malloc(size * sizeof *slots);
    if (!slots) return CNKG_ERR_NOMEM;
    free(t->slots);
    t->slots = slots;
    t->n_slots = size;
    for (size_t j = 0; j < size; j++) slots[j] = SIZE_MAX;
    for (size_t k = 0; k < t->n; k++) {
      const char *w = t->pool + t->off[k];
      slots[slot_of(t, w, t->len[k], cnkg_strids_hash(CNKG_STRIDS_SEED, w, t->len[k]))] = k;
    }
  }
  /* off and len are parallel: each grows from the shared capacity */
  size_t co = t->cap, cl = t->cap;
  if (CNKG_GROW(t->off, co, t->n + 1, 32) || CNKG_GROW(t->len, cl, t->n + 1, 32))
    return CNKG_ERR_NOMEM;
  t->cap = co;
  return CNKG_GROW(t->pool, t->pool_cap, t->pool_len + len + 1, 1024);
}

CnkgStatus cnkg_strids_add(CnkgStrIds *t, const char *s, size_t len, size_t *id) {
  uint64_t h = cnkg_strids_hash(CNKG_STRIDS_SEED, s, len);
  *id = cnkg_strids_find_hashed(t, s, len, h);
  if (*id != SIZE_MAX) return CNKG_SUCCESS;
  if (reserve(t, len)) return CNKG_ERR_NOMEM;
  memcpy(t->pool + t->pool_len, s, len);
  t->pool[t->pool_len + len] = '\0';
  t->off[t->n] = t->pool_len;
  t->len[t->n] = len;
  t->pool_len += len + 1;
  *id = t->n++;
  t->slots[slot_of(t, s, len, h)] = *id;
  return CNKG_SUCCESS;
}

void cnkg_strids_free(CnkgStrIds *t) {
  free(t->pool);
  free(t->off);
  free(t->len);
  free(t->slots);
  memset(t, 0, sizeof *t);
}
