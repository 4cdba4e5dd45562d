/* SPDX-License-Identifier: Apache-2.0
 * UTF-8 views and helpers. Text crosses module boundaries as CnkgStr views
 * (pointer + byte length, not NUL-terminated, borrowed), validated once at
 * intake. Depends on nothing but the C library. */
#ifndef CNKG_TEXT_H
#define CNKG_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A borrowed UTF-8 byte range. */
typedef struct {
  const char *buf;
  size_t len;
} CnkgStr;

#define CNKG_STR(lit) ((CnkgStr){(lit), sizeof(lit) - 1})

/* Bytes of one Chinese character in UTF-8: every BMP Han character
 * (U+3400..U+9FFF, U+F900..U+FAFF) and all CJK punctuation (、。“”《》,
 * U+3000 and the full-width forms) take three. Code that steps over a
 * character it has just matched as one of these uses this; code stepping
 * over a character of unknown width uses cnkg_utf8_next. */
#define CNKG_HAN_BYTES 3

/* A view of a NUL-terminated string (borrowed). */
CnkgStr cnkg_str_of(const char *s);

/* Decodes the code point at s[*i] (i < len) and advances *i past it.
 * Invalid or truncated sequences yield U+FFFD and advance by one byte. */
uint32_t cnkg_utf8_next(const char *s, size_t len, size_t *i);

/* Decodes the code point at s[*i] and advances *i past it, for text already
 * known to be well-formed UTF-8 (validated at intake): no checks, for hot
 * loops. Use cnkg_utf8_next on anything not yet validated. */
static inline uint32_t cnkg_utf8_next_valid(const char *s, size_t *i) {
  const unsigned char *p = (const unsigned char *)s + *i;
  if (p[0] < 0x80) { *i += 1; return p[0]; }
  if (p[0] < 0xE0) {
    *i += 2;
    return ((uint32_t)(p[0] & 0x1F) << 6) | (p[1] & 0x3F);
  }
  if (p[0] < 0xF0) {
    *i += 3;
    return ((uint32_t)(p[0] & 0x0F) << 12) | ((uint32_t)(p[1] & 0x3F) << 6) |
           (p[2] & 0x3F);
  }
  *i += 4;
  return ((uint32_t)(p[0] & 0x07) << 18) | ((uint32_t)(p[1] & 0x3F) << 12) |
         ((uint32_t)(p[2] & 0x3F) << 6) | (p[3] & 0x3F);
}

/* Encodes cp into out (at least 4 bytes); returns the number of bytes. */
size_t cnkg_utf8_encode(uint32_t cp, char *out);

/* True if [s, s+len) is well-formed UTF-8 (no surrogates, no overlongs). */
bool cnkg_utf8_valid(const char *s, size_t len);

/* Number of code points in well-formed UTF-8. */
size_t cnkg_utf8_count(const char *s, size_t len);

/* True if the character at s[pos] (pos < len) is one of the characters of
 * the NUL-terminated UTF-8 string set; false at or past len. */
bool cnkg_utf8_char_in(const char *set, const char *s, size_t pos, size_t len);

/* True for CJK unified ideographs (incl. extension A and compatibility). */
bool cnkg_is_han(uint32_t cp);

/* Hex SHA-256 (64 chars + NUL) of data into out. */
void cnkg_sha256_hex(const void *data, size_t len, char out[65]);

/* Copies len bytes of s into a new NUL-terminated string; the caller owns
 * the result (free()). NULL on allocation failure. */
char *cnkg_strndup(const char *s, size_t len);

/* a followed by b in a new NUL-terminated string the caller owns (free());
 * NULL on allocation failure. */
char *cnkg_strjoin(const char *a, const char *b);

#endif
