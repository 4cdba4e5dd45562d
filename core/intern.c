/* SPDX-License-Identifier: Apache-2.0
 * The interning table (see intern.h): keys NUL-terminated in one growing
 * arena, FNV-1a hashes, linear probing at most half full. Depends on
 * intern.h, grow.h and status.h only. */
#include "cnkg/intern.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cnkg/grow.h"

typedef struct {
  size_t off; /* in the arena */
  size_t len;
} Key;

struct CnkgIntern {
  char *arena;
  size_t arena_len, arena_cap;
  Key *keys;
  size_t n, cap;
  uint32_t *slots; /* id + 1; 0 = empty; a power of two */
  size_t n_slots;
};

static uint64_t hash_bytes(const void *p, size_t n) {
  const unsigned char *b = p;
  uint64_t h = 1469598103934665603u;
  for (size_t i = 0; i < n; i++) h = (h ^ b[i]) * 1099511628211u;
  return h;
}

CnkgIntern *cnkg_intern_new(void) { return calloc(1, sizeof(CnkgIntern)); }

void cnkg_intern_free(CnkgIntern *t) {
  if (!t) return;
  free(t->arena);
  free(t->keys);
  free(t->slots);
  free(t);
}

static bool grow_slots(CnkgIntern *t) {
  size_t n = t->n_slots ? t->n_slots * 2 : 1024;
  uint32_t *s = calloc(n, sizeof *s);
  if (!s) return false;
  for (size_t i = 0; i < t->n; i++) {
    size_t j = (size_t)hash_bytes(t->arena + t->keys[i].off, t->keys[i].len) & (n - 1);
    while (s[j]) j = (j + 1) & (n - 1);
    s[j] = (uint32_t)i + 1;
  }
  free(t->slots);
  t->slots = s;
  t->n_slots = n;
  return true;
}

CnkgStatus cnkg_intern_find(const CnkgIntern *t, const void *key, size_t len,
                            uint32_t *id) {
  if (!t || (!key && len) || !id) return CNKG_ERR_ARG;
  if (!t->n_slots) return CNKG_NOTHING;
  size_t mask = t->n_slots - 1;
  for (size_t j = (size_t)hash_bytes(key, len) & mask; t->slots[j]; j = (j + 1) & mask) {
    const Key *k = &t->keys[t->slots[j] - 1];
    if (k->len == len && !memcmp(t->arena + k->off, key, len)) {
      *id = t->slots[j] - 1;
      return CNKG_SUCCESS;
    }
  }
  return CNKG_NOTHING;
}

CnkgStatus cnkg_intern_add(CnkgIntern *t, const void *key, size_t len, uint32_t *id) {
  CnkgStatus s = cnkg_intern_find(t, key, len, id);
  if (s != CNKG_NOTHING) return s;
  if (t->n >= UINT32_MAX - 1) return CNKG_ERR_ARG;
  if ((t->n + 1) * 2 > t->n_slots && !grow_slots(t)) return CNKG_ERR_NOMEM;
  if (CNKG_GROW(t->keys, t->cap, t->n + 1, 1024) ||
      len + 1 > SIZE_MAX - t->arena_len ||
      CNKG_GROW(t->arena, t->arena_cap, t->arena_len + len + 1, 65536))
    return CNKG_ERR_NOMEM;
  if (len) memcpy(t->arena + t->arena_len, key, len);
  t->arena[t->arena_len + len] = '\0';
  t->keys[t->n] = (Key){t->arena_len, len};
  t->arena_len += len + 1;
  size_t mask = t->n_slots - 1, j = (size_t)hash_bytes(key, len) & mask;
  while (t->slots[j]) j = (j + 1) & mask;
  *id = (uint32_t)t->n;
  t->slots[j] = (uint32_t)++t->n;
  return CNKG_SUCCESS;
}

const char *cnkg_intern_key(const CnkgIntern *t, uint32_t id, size_t *len) {
  if (len) *len = t->keys[id].len;
  return t->arena + t->keys[id].off;
}

size_t cnkg_intern_count(const CnkgIntern *t) { return t ? t->n : 0; }
