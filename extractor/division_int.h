/* SPDX-License-Identifier: Apache-2.0
 * The on-disk layout of division.idx, shared by its writer (tools/mkdivision.c)
 * and its reader (extractor/division.c). Native byte order (the file is made
 * at build time on the machine that uses it; a byte-order mark rejects
 * others). Depends on the C library only. */
#ifndef CNKG_EXTRACTOR_DIVISION_INT_H
#define CNKG_EXTRACTOR_DIVISION_INT_H

#include <stddef.h>
#include <stdint.h>

#define CNKG_DIVIDX_MAGIC "CNKGDIV\0"
#define CNKG_DIVIDX_VERSION 3u
#define CNKG_DIVIDX_BOM 0x01020304u

/* Layout: header, then these sections, each starting 8-byte aligned:
 *   records  [nrec]          CnkgDivIdxRec, breadth-first order
 *   bycode   [nrec]          uint32_t ids sorted by numeric code
 *   buckets  [nbuckets + 1]  uint32_t: keys of bucket b are
 *                            [buckets[b], buckets[b+1])
 *   keys     [nkeys + 1]     CnkgDivIdxKey; the last is a sentinel whose
 *                            hit_start is nhits
 *   hits     [nhits]         CnkgDivHit {id, kind}, sorted by id per key
 *   pool     [pool_size]     UTF-8 bytes, not NUL-terminated
 *   prefix   [nprefix]       uint32_t key-length masks (version 3)
 *   filter   [filter words]  uint64_t bits, cnkg_dividx_filter_words(nkeys)
 *                            (version 3)
 * Keys hash with FNV-1a 64 over the folded key; bucket = hash & (nbuckets-1),
 * and each key keeps the hash's top 24 bits beside its length, so a miss
 * rarely touches the string pool.
 *
 * The prefix table is a filter for recognisers that try every substring of
 * a text against the index: the slots (cnkg_dividx_prefix_slot()) of a
 * key's first two and first three (folded) characters have the bit
 * cnkg_dividx_len_bit() of the key's length in characters set
 * (cnkg_dividx_prefix_add()). Slots are shared by hash collisions, so a set
 * bit means "maybe", a clear one "no key of that length starts so" -- which
 * spares the lookup for most substrings. Keys of one character are not in
 * it.
 *
 * The key filter is a one-probe Bloom filter over the keys' hashes (bit
 * cnkg_dividx_filter_bit() set for every key), about 16 bits per key: it
 * answers most misses (a recogniser's usual case) from 2 MiB instead of
 * the buckets and keys, at about 5% false alarms. */
typedef struct {
  char magic[8];
  uint32_t version;
  uint32_t bom;
  uint32_t nrec;
  uint32_t nkeys;
  uint32_t nhits;
  uint32_t nbuckets;          /* a power of two */
  uint32_t pool_size;
  uint32_t level_count[6];    /* indexed by CnkgLevel; [0] is 0 */
  uint32_t nprefix;           /* prefix table slots, a power of two */
  uint64_t file_size;
} CnkgDivIdxHeader;

typedef struct {
  uint32_t name_off;          /* into pool */
  uint32_t parent;            /* record id or UINT32_MAX */
  uint32_t code_lo;           /* numeric code = code_hi << 32 | code_lo */
  uint8_t code_hi;
  uint8_t level;              /* CnkgLevel */
  uint8_t name_len;           /* bytes */
  uint8_t flags;              /* CNKG_DIVIDX_PLACEHOLDER */
} CnkgDivIdxRec;

#define CNKG_DIVIDX_PLACEHOLDER 1u

typedef struct {
  uint32_t str_off;           /* into pool */
  uint32_t len_tag;           /* cnkg_dividx_tag(): length | hash top bits */
  uint32_t hit_start;         /* into hits */
} CnkgDivIdxKey;

static inline size_t cnkg_dividx_align8(size_t n) { return (n + 7u) & ~(size_t)7u; }

static inline uint64_t cnkg_dividx_hash(const char *s, size_t len) {
  uint64_t h = 14695981039346656037ull;
  for (size_t i = 0; i < len; i++) {
    h ^= (unsigned char)s[i];
    h *= 1099511628211ull;
  }
  return h;
}

/* Keys are at most 255 bytes (names are). */
static inline uint32_t cnkg_dividx_tag(uint64_t hash, size_t len) {
  return (uint32_t)(hash >> 40) << 8 | (uint32_t)(len & 0xFFu);
}

/* Bytes of the first chars UTF-8 characters of s (by lead bytes; the index
 * holds valid UTF-8 and callers pass validated text), or 0 if s has fewer. */
static inline size_t cnkg_dividx_prefix_bytes(const char *s, size_t len, unsigned chars) {
  size_t i = 0;
  for (unsigned c = 0; c < chars; c++) {
    if (i >= len) return 0;
    unsigned char b = (unsigned char)s[i];
    i += b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
  }
  return i <= len ? i : 0;
}

/* Prefix table slot of the (folded) prefix p. The high half of FNV-1a
 * mixes every input byte; the low half less so. */
static inline uint32_t cnkg_dividx_prefix_slot(const char *p, size_t len, uint32_t nprefix) {
  return (uint32_t)(cnkg_dividx_hash(p, len) >> 32) & (nprefix - 1);
}

/* Mask bit for a key of chars characters (>= 2); 31 stands for 31 or more. */
static inline uint32_t cnkg_dividx_len_bit(size_t chars) {
  return 1u << (chars < 31 ? chars : 31);
}

/* Enters a (folded) key into a prefix table of n slots; the index builder
 * and verify share it, so they cannot disagree. */
static inline void cnkg_dividx_prefix_add(uint32_t *table, uint32_t n, const char *key,
                                          size_t len) {
  size_t chars = 0;
  for (size_t i = 0; i < len; i++) chars += ((unsigned char)key[i] & 0xC0u) != 0x80u;
  for (unsigned c = 2; c <= 3; c++) {
    size_t pb = cnkg_dividx_prefix_bytes(key, len, c);
    if (pb) table[cnkg_dividx_prefix_slot(key, pb, n)] |= cnkg_dividx_len_bit(chars);
  }
}

/* 64-bit words of the key filter: a power of two, at least 16 bits a key. */
static inline size_t cnkg_dividx_filter_words(uint32_t nkeys) {
  size_t words = 64;
  while (words * 64 < (size_t)nkeys * 16) words *= 2;
  return words;
}

/* Filter bit of a key's hash (its high half, as the bucket takes the low). */
static inline size_t cnkg_dividx_filter_bit(uint64_t hash, size_t words) {
  return (size_t)(hash >> 32) & (words * 64 - 1);
}

/* Section offsets from the header counts; the file size is offs[8]. */
static inline void cnkg_dividx_layout(uint32_t nrec, uint32_t nbuckets, uint32_t nkeys,
                                      uint32_t nhits, uint32_t pool_size, uint32_t nprefix,
                                      size_t offs[9]) {
  size_t o = cnkg_dividx_align8(sizeof(CnkgDivIdxHeader));
  offs[0] = o; o = cnkg_dividx_align8(o + (size_t)nrec * sizeof(CnkgDivIdxRec));
  offs[1] = o; o = cnkg_dividx_align8(o + (size_t)nrec * sizeof(uint32_t));
  offs[2] = o; o = cnkg_dividx_align8(o + ((size_t)nbuckets + 1) * sizeof(uint32_t));
  offs[3] = o; o = cnkg_dividx_align8(o + ((size_t)nkeys + 1) * sizeof(CnkgDivIdxKey));
  offs[4] = o; o = cnkg_dividx_align8(o + (size_t)nhits * 8u);
  offs[5] = o; o = cnkg_dividx_align8(o + pool_size);
  offs[6] = o; o = cnkg_dividx_align8(o + (size_t)nprefix * sizeof(uint32_t));
  offs[7] = o; o = o + cnkg_dividx_filter_words(nkeys) * sizeof(uint64_t);
  offs[8] = o;
}

/* Digits of a code at a level (2/4/6/9/12), 0 for a bad level. */
static inline unsigned cnkg_dividx_digits(unsigned level) {
  static const unsigned d[6] = {0, 2, 4, 6, 9, 12};
  return level < 6 ? d[level] : 0;
}

#endif
