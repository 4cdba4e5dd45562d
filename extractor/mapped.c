/* SPDX-License-Identifier: Apache-2.0
 * Mapped text buffer (see mapped.h). Depends on mapped.h and the C library.
 * Growth is geometric so building a document is linear. */
#include "extractor/mapped.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cnkg/grow.h"

CnkgStatus cnkg_mapped_reserve(CnkgMapped *m, size_t extra) {
  /* parallel arrays: each grows from the shared capacity the same way */
  size_t need = m->len + extra + 1, cb = m->cap, ca = m->cap, ce = m->cap;
  if (extra > SIZE_MAX - m->len - 1 || CNKG_GROW(m->buf, cb, need, 256) ||
      CNKG_GROW(m->map, ca, need, 256) || CNKG_GROW(m->map_end, ce, need, 256))
    return CNKG_ERR_NOMEM;
  m->cap = cb;
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
