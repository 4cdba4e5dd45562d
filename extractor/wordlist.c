/* SPDX-License-Identifier: Apache-2.0
 * Longest-match lookups in fixed word lists. Each list's index (two bucket
 * tables, by first and by last character, each bucket longest first) is
 * built on first use and published with a compare-and-swap, so threads
 * share it without a lock. Depends on wordlist.h and libc; the one
 * allocation per list lives until the process exits. */
#include "extractor/wordlist.h"

#include <stdlib.h>

typedef struct {
  const char *word;
  size_t len;
  size_t index; /* position in the table */
} Slot;

struct CnkgWordIndex {
  uint32_t first_bytes[8]; /* bit b: some word starts with byte b */
  unsigned bits;      /* log2 of the number of buckets */
  size_t *head_start; /* bucket b of head is [head_start[b], head_start[b+1]) */
  size_t *tail_start;
  Slot *head;         /* by first character */
  Slot *tail;         /* by last character */
};

/* Stands for an index that could not be allocated: the list is then
 * searched linearly, for good (so cursors keep one meaning). */
static CnkgWordIndex no_index;

static const char *word_of(const CnkgWordList *l, size_t i) {
  return *(const char *const *)(const void *)((const char *)l->first + i * l->stride);
}

static size_t list_count(const CnkgWordList *l) {
  size_t n = 0;
  while (n < l->count && word_of(l, n)) n++;
  return n;
}

/* Byte length of the UTF-8 character whose lead byte is c (1 for bytes that
 * cannot lead one, so that any text has a key). */
static size_t lead_len(unsigned char c) {
  return c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

static size_t bucket(const CnkgWordIndex *x, const char *c, size_t n) {
  uint32_t key = 0;
  for (size_t i = 0; i < n; i++) key = key << 8 | (unsigned char)c[i];
  return (size_t)((key * UINT32_C(2654435761)) >> (32 - x->bits));
}

/* Start of the last character of s[floor..end) (end > floor): back over at
 * most three continuation bytes. Applied to a word (floor 0) and to text
 * the same way, so a word ending at end has the key the text has there. */
static size_t last_char(const char *s, size_t floor, size_t end) {
  size_t p = end - 1;
  while (p > floor && end - p < 4 && ((unsigned char)s[p] & 0xC0u) == 0x80u) p--;
  return p;
}

static size_t head_bucket(const CnkgWordIndex *x, const char *w, size_t n) {
  size_t k = lead_len((unsigned char)w[0]);
  return bucket(x, w, k < n ? k : n);
}

static size_t tail_bucket(const CnkgWordIndex *x, const char *w, size_t n) {
  size_t p = last_char(w, 0, n);
  return bucket(x, w + p, n - p);
}

/* Slots into buckets in table order, then each bucket longest first by a
 * stable insertion sort (buckets hold a handful of words). */
static void fill(const CnkgWordIndex *x, const Slot *all, size_t n,
                 size_t nb, bool by_tail, size_t *start, Slot *out) {
  for (size_t b = 0; b <= nb; b++) start[b] = 0;
  for (size_t i = 0; i < n; i++) {
    size_t b = by_tail ? tail_bucket(x, all[i].word, all[i].len)
                       : head_bucket(x, all[i].word, all[i].len);
    start[b + 1]++;
  }
  for (size_t b = 0; b < nb; b++) start[b + 1] += start[b];
  for (size_t i = 0; i < n; i++) {
    size_t b = by_tail ? tail_bucket(x, all[i].word, all[i].len)
                       : head_bucket(x, all[i].word, all[i].len);
    size_t k = start[b];
    while (out[k].word) k++;
    out[k] = all[i];
  }
  for (size_t b = 0; b < nb; b++)
    for (size_t i = start[b] + 1; i < start[b + 1]; i++) {
      Slot v = out[i];
      size_t k = i;
      for (; k > start[b] && out[k - 1].len < v.len; k--) out[k] = out[k - 1];
      out[k] = v;
    }
}

static CnkgWordIndex *index_build(const CnkgWordList *l) {
  size_t n = list_count(l);
  unsigned bits = 3;
  while (bits < 16 && ((size_t)1 << bits) < 2 * n) bits++;
  size_t nb = (size_t)1 << bits;
  size_t starts = 2 * (nb + 1), slots = 3 * n;
  if (n > SIZE_MAX / 4 / sizeof(Slot)) return NULL;
  char *mem = calloc(1, sizeof(CnkgWordIndex) + starts * sizeof(size_t) +
                            (slots ? slots : 1) * sizeof(Slot));
  if (!mem) return NULL;
  CnkgWordIndex *x = (CnkgWordIndex *)(void *)mem;
  x->bits = bits;
  x->head_start = (size_t *)(void *)(mem + sizeof *x);
  x->tail_start = x->head_start + nb + 1;
  Slot *all = (Slot *)(void *)(x->tail_start + nb + 1);
  x->head = all + n;
  x->tail = all + 2 * n;
  size_t m = 0;
  for (size_t i = 0; i < n; i++) {
    const char *w = word_of(l, i);
    size_t len = strlen(w);
    if (!len) continue; /* an empty word never matches */
    all[m++] = (Slot){w, len, i};
    unsigned char c = (unsigned char)w[0];
    x->first_bytes[c >> 5] |= UINT32_C(1) << (c & 31);
  }
  fill(x, all, m, nb, false, x->head_start, x->head);
  fill(x, all, m, nb, true, x->tail_start, x->tail);
  return x;
}

static const CnkgWordIndex *index_publish(CnkgWordList *l) {
  CnkgWordIndex *built = index_build(l);
  CnkgWordIndex *expected = NULL;
  if (atomic_compare_exchange_strong_explicit(&l->index, &expected,
                                              built ? built : &no_index,
                                              memory_order_acq_rel,
                                              memory_order_acquire))
    return built;
  /* another thread was first: use its index */
  free(built);
  return expected == &no_index ? NULL : expected;
}

/* The list's index, built on the first call; NULL if it could not be. */
static inline const CnkgWordIndex *index_get(CnkgWordList *l) {
  CnkgWordIndex *x = atomic_load_explicit(&l->index, memory_order_acquire);
  if (x) return x == &no_index ? NULL : x;
  return index_publish(l);
}

/* Without an index: the next word after the one the cursor names (cursor
 * is 1 + its table position) in the order longest first, then table
 * order. */
static size_t linear_next(const CnkgWordList *l, const char *s, size_t b,
                          size_t e, bool at_end, size_t *cursor, size_t *len) {
  size_t prev_len = SIZE_MAX, prev = 0;
  if (*cursor) {
    prev = *cursor - 1;
    prev_len = strlen(word_of(l, prev));
  }
  size_t best = SIZE_MAX, best_len = 0;
  for (size_t i = 0; i < l->count; i++) {
    const char *w = word_of(l, i);
    if (!w) break;
    size_t n = strlen(w);
    if (n == 0 || n > e - b || n < best_len || (n == best_len && best != SIZE_MAX))
      continue;
    if (n > prev_len || (n == prev_len && i <= prev)) continue;
    if (memcmp(at_end ? s + e - n : s + b, w, n) != 0) continue;
    best = i;
    best_len = n;
  }
  if (best != SIZE_MAX) *cursor = best + 1;
  *len = best_len;
  return best;
}

/* The lookups below, with the matched word's byte length in *len (0 when
 * none). */
static inline size_t next_at(CnkgWordList *l, const char *s, size_t pos,
                             size_t limit, size_t *cursor, size_t *len) {
  *len = 0;
  if (pos >= limit) return SIZE_MAX;
  const CnkgWordIndex *x = index_get(l);
  if (!x) return linear_next(l, s, pos, limit, false, cursor, len);
  unsigned char c = (unsigned char)s[pos];
  /* most positions start no word: one bit says so (in byte-wise scans,
   * every continuation byte) */
  if (!(x->first_bytes[c >> 5] & (UINT32_C(1) << (c & 31)))) return SIZE_MAX;
  size_t k = lead_len(c);
  if (k > limit - pos) return SIZE_MAX;
  size_t b = bucket(x, s + pos, k), room = limit - pos;
  size_t first = x->head_start[b], last = x->head_start[b + 1];
  for (size_t i = first + *cursor; i < last; i++) {
    const Slot *w = &x->head[i];
    if (w->len <= room && memcmp(s + pos, w->word, w->len) == 0) {
      *cursor = i + 1 - first;
      *len = w->len;
      return w->index;
    }
  }
  *cursor = last - first;
  return SIZE_MAX;
}

static inline size_t next_before(CnkgWordList *l, const char *s,
                                 size_t floor, size_t end, size_t *cursor,
                                 size_t *len) {
  *len = 0;
  if (end <= floor) return SIZE_MAX;
  const CnkgWordIndex *x = index_get(l);
  if (!x) return linear_next(l, s, floor, end, true, cursor, len);
  size_t p = last_char(s, floor, end);
  size_t b = bucket(x, s + p, end - p), room = end - floor;
  size_t first = x->tail_start[b], last = x->tail_start[b + 1];
  for (size_t i = first + *cursor; i < last; i++) {
    const Slot *w = &x->tail[i];
    if (w->len <= room && memcmp(s + end - w->len, w->word, w->len) == 0) {
      *cursor = i + 1 - first;
      *len = w->len;
      return w->index;
    }
  }
  *cursor = last - first;
  return SIZE_MAX;
}

size_t cnkg_wordlist_next_at(CnkgWordList *l, const char *s, size_t pos,
                             size_t limit, size_t *cursor) {
  size_t len;
  return next_at(l, s, pos, limit, cursor, &len);
}

size_t cnkg_wordlist_next_before(CnkgWordList *l, const char *s,
                                 size_t floor, size_t end, size_t *cursor) {
  size_t len;
  return next_before(l, s, floor, end, cursor, &len);
}

size_t cnkg_wordlist_at(CnkgWordList *l, const char *s, size_t pos,
                        size_t limit) {
  size_t cursor = 0, len;
  next_at(l, s, pos, limit, &cursor, &len);
  return len;
}

size_t cnkg_wordlist_before(CnkgWordList *l, const char *s, size_t floor,
                            size_t end) {
  size_t cursor = 0, len;
  next_before(l, s, floor, end, &cursor, &len);
  return len;
}

size_t cnkg_wordlist_find(CnkgWordList *l, const char *w, size_t len) {
  if (len == 0) return SIZE_MAX;
  const CnkgWordIndex *x = index_get(l);
  if (!x) {
    for (size_t i = 0; i < l->count && word_of(l, i); i++)
      if (strlen(word_of(l, i)) == len && memcmp(word_of(l, i), w, len) == 0)
        return i;
    return SIZE_MAX;
  }
  size_t b = head_bucket(x, w, len);
  for (size_t i = x->head_start[b]; i < x->head_start[b + 1]; i++) {
    const Slot *e = &x->head[i];
    if (e->len == len && memcmp(e->word, w, len) == 0) return e->index;
  }
  return SIZE_MAX;
}
