/* SPDX-License-Identifier: Apache-2.0
 * Fixed word lists with longest-match lookups on UTF-8 text: which word of
 * a static table starts at (or ends at) a byte offset, longest first and,
 * among words of one length, first in the table. Each list gets an index
 * (buckets keyed by its words' first and last characters) on first use;
 * lookups are thread-safe. Depends on nothing but libc. */
#ifndef CNKG_EXTRACTOR_WORDLIST_H
#define CNKG_EXTRACTOR_WORDLIST_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef struct CnkgWordIndex CnkgWordIndex; /* private to wordlist.c */

/* A static table of non-empty UTF-8 words: word i is the pointer at
 * (const char *)first + i * stride, for i < count and up to the first NULL.
 * Define one with CNKG_WORDLIST or CNKG_WORDLIST_FIELD in static storage
 * (the index pointer starts NULL); the words must not change afterwards. */
typedef struct {
  const char *const *first;
  size_t stride;
  size_t count;
  _Atomic(CnkgWordIndex *) index; /* built on first lookup; lives until exit */
} CnkgWordList;

/* A NULL-terminated array of strings. */
#define CNKG_WORDLIST(words) \
  {.first = (words), .stride = sizeof *(words), .count = SIZE_MAX}
/* The string member field of each element of the array table. */
#define CNKG_WORDLIST_FIELD(table, field)                       \
  {.first = &(table)[0].field, .stride = sizeof (table)[0],     \
   .count = sizeof (table) / sizeof (table)[0]}

/* Byte length of the longest word of l that starts at s[pos] and ends at or
 * before limit, or 0 when none. */
size_t cnkg_wordlist_at(CnkgWordList *l, const char *s, size_t pos,
                        size_t limit);
/* Byte length of the longest word of l that ends exactly at s[end] and
 * starts at or after floor (floor <= end), or 0 when none. */
size_t cnkg_wordlist_before(CnkgWordList *l, const char *s, size_t floor,
                            size_t end);
/* The words of l that start at s[pos] and end at or before limit, one per
 * call: longest first, of one length first in the table. *cursor is 0 for
 * the first call and is kept between calls. Returns the word's position in
 * the table, or SIZE_MAX when there are no more. */
size_t cnkg_wordlist_next_at(CnkgWordList *l, const char *s, size_t pos,
                             size_t limit, size_t *cursor);
/* Same, for the words that end exactly at s[end] and start at or after
 * floor (floor <= end). */
size_t cnkg_wordlist_next_before(CnkgWordList *l, const char *s,
                                 size_t floor, size_t end, size_t *cursor);
/* Position in the table of the first word equal to w[0..len), or SIZE_MAX. */
size_t cnkg_wordlist_find(CnkgWordList *l, const char *w, size_t len);
/* True if some word of l equals w[0..len). */
static inline bool cnkg_wordlist_has(CnkgWordList *l, const char *w,
                                     size_t len) {
  return cnkg_wordlist_find(l, w, len) != SIZE_MAX;
}

/* True if s[pos..limit) starts with the NUL-terminated word w. Inline so
 * that the length of a literal is known when compiling. */
static inline bool cnkg_wordlist_word_at(const char *s, size_t pos,
                                         size_t limit, const char *w) {
  size_t n = strlen(w);
  return pos + n <= limit && memcmp(s + pos, w, n) == 0;
}
/* True if s[floor..end) ends with the NUL-terminated word w. */
static inline bool cnkg_wordlist_word_before(const char *s, size_t floor,
                                             size_t end, const char *w) {
  size_t n = strlen(w);
  return end >= floor + n && memcmp(s + end - n, w, n) == 0;
}

#endif
