/* SPDX-License-Identifier: Apache-2.0
 * The interning table (see intern.h): keys NUL-terminated in one growing
 * arena, linear probing over 32-bit slots at most half full. Small first
 * sizes, since most tables live for one document. Depends on intern.h,
 * grow.h and status.h only. */
#include "cnkg/intern.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "cnkg/grow.h"

static bool grow_slots(CnkgIntern *t) {
  size_t n = t->n_slots ? t->n_slots * 2 : 64;
  uint32_t *s = calloc(n, sizeof *s);
  if (!s) return false;
  for (size_t i = 0; i < t->n; i++) {
    uint64_t h = cnkg_intern_hash(CNKG_INTERN_SEED, t->arena + t->keys[i].off, t->keys[i].len);
    size_t j = (size_t)h & (n - 1);
    while (s[j]) j = (j + 1) & (n - 1);
    s[j] = (uint32_t)i + 1;
  }
  free(t->slots);
  t->slots = s;
  t->n_slots = n;
  return true;
}

/* Checked before a key is hashed. */
static bool bad_args(const CnkgIntern *t, const void *key, size_t len, const size_t *id) {
  return !t || (!key && len) || !id;
}

/* The scanners' inner loop: its arguments are the caller's to check. */
CnkgStatus cnkg_intern_find_hashed(const CnkgIntern *t, const void *key, size_t len,
                                   uint64_t hash, size_t *id) {
  if (!t->n_slots) return CNKG_NOTHING;
  size_t mask = t->n_slots - 1;
  for (size_t j = (size_t)hash & mask; t->slots[j]; j = (j + 1) & mask) {
    const struct CnkgInternKey *k = &t->keys[t->slots[j] - 1];
    if (k->len == len && !memcmp(t->arena + k->off, key, len)) {
      *id = t->slots[j] - 1;
      return CNKG_SUCCESS;
    }
  }
  return CNKG_NOTHING;
}

CnkgStatus cnkg_intern_find(const CnkgIntern *t, const void *key, size_t len, size_t *id) {
  if (bad_args(t, key, len, id)) return CNKG_ERR_ARG;
  return cnkg_intern_find_hashed(t, key, len, cnkg_intern_hash(CNKG_INTERN_SEED, key, len),
                                 id);
}

CnkgStatus cnkg_intern_add(CnkgIntern *t, const void *key, size_t len, size_t *id) {
  if (bad_args(t, key, len, id)) return CNKG_ERR_ARG;
  uint64_t h = cnkg_intern_hash(CNKG_INTERN_SEED, key, len);
  CnkgStatus s = cnkg_intern_find_hashed(t, key, len, h, id);
  if (s != CNKG_NOTHING) return s;
  if (t->n >= UINT32_MAX - 1) return CNKG_ERR_ARG;
  if (((t->n + 1) * 2 > t->n_slots && !grow_slots(t)) ||
      CNKG_GROW(t->keys, t->cap, t->n + 1, 32) || len + 1 > SIZE_MAX - t->arena_len ||
      CNKG_GROW(t->arena, t->arena_cap, t->arena_len + len + 1, 1024))
    return CNKG_ERR_NOMEM;
  if (len) memcpy(t->arena + t->arena_len, key, len);
  t->arena[t->arena_len + len] = '\0';
  t->keys[t->n] = (struct CnkgInternKey){t->arena_len, len};
  t->arena_len += len + 1;
  size_t mask = t->n_slots - 1, j = (size_t)h & mask;
  while (t->slots[j]) j = (j + 1) & mask;
  *id = t->n;
  t->slots[j] = (uint32_t)++t->n;
  return CNKG_SUCCESS;
}

const char *cnkg_intern_key(const CnkgIntern *t, size_t id, size_t *len) {
  if (len) *len = t->keys[id].len;
  return t->arena + t->keys[id].off;
}

size_t cnkg_intern_count(const CnkgIntern *t) { return t ? t->n : 0; }

void cnkg_intern_free(CnkgIntern *t) {
  if (!t) return;
  free(t->arena);
  free(t->keys);
  free(t->slots);
  memset(t, 0, sizeof *t);
}
