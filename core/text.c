/* SPDX-License-Identifier: Apache-2.0
 * UTF-8 decoding/encoding/validation, Han classification and SHA-256
 * (FIPS 180-4). Depends on text.h and the C library only. */
#include "cnkg/text.h"

#include <stdlib.h>
#include <string.h>

CnkgStr cnkg_str_of(const char *s) {
  CnkgStr v = {s, s ? strlen(s) : 0};
  return v;
}

uint32_t cnkg_utf8_next(const char *s, size_t len, size_t *i) {
  const unsigned char *p = (const unsigned char *)s + *i;
  size_t left = len - *i;
  unsigned char c = p[0];
  if (c < 0x80) {
    *i += 1;
    return c;
  }
  size_t n;
  uint32_t cp, min;
  if (c >= 0xC2 && c <= 0xDF) { n = 2; cp = c & 0x1Fu; min = 0x80; }
  else if (c >= 0xE0 && c <= 0xEF) { n = 3; cp = c & 0x0Fu; min = 0x800; }
  else if (c >= 0xF0 && c <= 0xF4) { n = 4; cp = c & 0x07u; min = 0x10000; }
  else { *i += 1; return 0xFFFD; }
  if (left < n) { *i += 1; return 0xFFFD; }
  for (size_t k = 1; k < n; k++) {
    if ((p[k] & 0xC0) != 0x80) { *i += 1; return 0xFFFD; }
    cp = (cp << 6) | (p[k] & 0x3Fu);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    *i += 1;
    return 0xFFFD;
  }
  *i += n;
  return cp;
}

size_t cnkg_utf8_encode(uint32_t cp, char *out) {
  unsigned char *o = (unsigned char *)out;
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) { o[0] = (unsigned char)cp; return 1; }
  if (cp < 0x800) {
    o[0] = (unsigned char)(0xC0 | (cp >> 6));
    o[1] = (unsigned char)(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    o[0] = (unsigned char)(0xE0 | (cp >> 12));
    o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[2] = (unsigned char)(0x80 | (cp & 0x3F));
    return 3;
  }
  o[0] = (unsigned char)(0xF0 | (cp >> 18));
  o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
  o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
  o[3] = (unsigned char)(0x80 | (cp & 0x3F));
  return 4;
}

bool cnkg_utf8_valid(const char *s, size_t len) {
  size_t i = 0;
  while (i < len) {
    size_t before = i;
    uint32_t cp = cnkg_utf8_next(s, len, &i);
    /* A genuine U+FFFD is 3 bytes; a replacement for bad input advances 1. */
    if (cp == 0xFFFD && i - before != 3) return false;
  }
  return true;
}

size_t cnkg_utf8_count(const char *s, size_t len) {
  size_t n = 0;
  for (size_t i = 0; i < len; i++)
    if (((unsigned char)s[i] & 0xC0) != 0x80) n++;
  return n;
}

bool cnkg_utf8_char_in(const char *set, const char *s, size_t pos, size_t len) {
  if (pos >= len) return false;
  size_t i = pos;
  cnkg_utf8_next(s, len, &i);
  size_t n = i - pos;
  size_t set_len = strlen(set);
  for (size_t j = 0; j < set_len;) {
    size_t k = j;
    cnkg_utf8_next(set, set_len, &k);
    if (k - j == n && memcmp(set + j, s + pos, n) == 0) return true;
    j = k;
  }
  return false;
}

bool cnkg_is_han(uint32_t cp) {
  return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
         (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x2FA1F);
}

char *cnkg_strndup(const char *s, size_t len) {
  char *r = malloc(len + 1);
  if (!r) return NULL;
  if (len) memcpy(r, s, len);
  r[len] = '\0';
  return r;
}

char *cnkg_strjoin(const char *a, const char *b) {
  size_t la = strlen(a), lb = strlen(b);
  char *r = malloc(la + lb + 1);
  if (!r) return NULL;
  memcpy(r, a, la);
  memcpy(r + la, b, lb + 1);
  return r;
}

/* ---- SHA-256, straight from the standard's definitions. */

static uint32_t rotr(uint32_t x, unsigned n) { return (x >> n) | (x << (32 - n)); }

static const uint32_t sha_k[64] = {
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1,
  0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
  0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
  0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
  0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

static void sha_block(uint32_t h[8], const unsigned char *p) {
  uint32_t w[64];
  for (int t = 0; t < 16; t++)
    w[t] = (uint32_t)p[4 * t] << 24 | (uint32_t)p[4 * t + 1] << 16 |
           (uint32_t)p[4 * t + 2] << 8 | (uint32_t)p[4 * t + 3];
  for (int t = 16; t < 64; t++) {
    uint32_t s0 = rotr(w[t - 15], 7) ^ rotr(w[t - 15], 18) ^ (w[t - 15] >> 3);
    uint32_t s1 = rotr(w[t - 2], 17) ^ rotr(w[t - 2], 19) ^ (w[t - 2] >> 10);
    w[t] = w[t - 16] + s0 + w[t - 7] + s1;
  }
  uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5],
           g = h[6], hh = h[7];
  for (int t = 0; t < 64; t++) {
    uint32_t t1 = hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) +
                  ((e & f) ^ (~e & g)) + sha_k[t] + w[t];
    uint32_t t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) +
                  ((a & b) ^ (a & c) ^ (b & c));
    hh = g; g = f; f = e; e = d + t1; d = c; c = b; b = a; a = t1 + t2;
  }
  h[0] += a; h[1] += b; h[2] += c; h[3] += d;
  h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
}

void cnkg_sha256_hex(const void *data, size_t len, char out[65]) {
  uint32_t h[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                   0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  const unsigned char *p = data;
  size_t left = len;
  while (left >= 64) { sha_block(h, p); p += 64; left -= 64; }
  unsigned char tail[128] = {0};
  memcpy(tail, p, left);
  tail[left] = 0x80;
  size_t tl = left + 1 + 8 <= 64 ? 64 : 128;
  uint64_t bits = (uint64_t)len * 8;
  for (int k = 0; k < 8; k++) tail[tl - 1 - (size_t)k] = (unsigned char)(bits >> (8 * k));
  sha_block(h, tail);
  if (tl == 128) sha_block(h, tail + 64);
  static const char hex[] = "0123456789abcdef";
  for (int k = 0; k < 8; k++)
    for (int j = 0; j < 4; j++) {
      unsigned char byte = (unsigned char)(h[k] >> (24 - 8 * j));
      out[8 * k + 2 * j] = hex[byte >> 4];
      out[8 * k + 2 * j + 1] = hex[byte & 15];
    }
  out[64] = '\0';
}
