/* SPDX-License-Identifier: Apache-2.0
 * Mapped text buffer (see mapped.h). Depends on mapped.h and the C library.
 * Growth is geometric so building a document is linear. */
#include "extractor/mapped.h"

#include <stdlib.h>
#include <string.h>

CnkgStatus cnkg_mapped_reserve(CnkgMapped *m, size_t extra) {
  if (m->len + extra + 1 <= m->cap) return CNKG_SUCCESS;
  size_t cap = m->cap ? m->cap : 256;
  while (cap < m->len + extra + 1) cap *= 2;
  char *b = realloc(m->buf, cap);
  if (!b) return CNKG_ERR_NOMEM;
  m->buf = b;
  size_t *a = realloc(m->map, cap * sizeof *a);
  if (!a) return CNKG_ERR_NOMEM;
  m->map = a;
  size_t *e = realloc(m->map_end, cap * sizeof *e);
  if (!e) return CNKG_ERR_NOMEM;
  m->map_end = e;
  m->cap = cap;
  return CNKG_SUCCESS;
}

CnkgStatus cnkg_mapped_append(CnkgMapped *m, const char *s, size_t len,
                              size_t begin, size_t end) {
  CnkgStatus st = cnkg_mapped_reserve(m, len);
  if (st) return st;
  memcpy(m->buf + m->len, s, len);
  for (size_t i = 0; i < len; i++) {
    m->map[m->len + i] = begin;
    m->map_end[m->len + i] = end;
  }
  m->len += len;
  m->buf[m->len] = '\0';
  return CNKG_SUCCESS;
}

CnkgStatus cnkg_mapped_copy(CnkgMapped *m, const CnkgMapped *src, size_t from,
                            size_t to) {
  if (to <= from) return CNKG_SUCCESS;
  size_t n = to - from;
  CnkgStatus st = cnkg_mapped_reserve(m, n);
  if (st) return st;
  memcpy(m->buf + m->len, src->buf + from, n);
  memcpy(m->map + m->len, src->map + from, n * sizeof *m->map);
  memcpy(m->map_end + m->len, src->map_end + from, n * sizeof *m->map_end);
  m->len += n;
  m->buf[m->len] = '\0';
  return CNKG_SUCCESS;
}

void cnkg_mapped_free(CnkgMapped *m) {
  if (!m) return;
  free(m->buf);
  free(m->map);
  free(m->map_end);
  memset(m, 0, sizeof *m);
}
