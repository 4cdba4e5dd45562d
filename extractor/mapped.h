/* SPDX-License-Identifier: Apache-2.0
 * Mapped text: a growing UTF-8 buffer in which every byte carries the
 * code-point span [map, map_end) of the original character that produced it.
 * The normaliser writes it; furniture removal and sentence assembly copy
 * ranges of it. Depends on status.h and the C library only. */
#ifndef CNKG_EXTRACTOR_MAPPED_H
#define CNKG_EXTRACTOR_MAPPED_H

#include <stddef.h>

#include "cnkg/status.h"

typedef struct {
  char *buf;       /* NUL-terminated once anything was appended */
  size_t len, cap;
  size_t *map;     /* len entries: original code-point start per byte */
  size_t *map_end; /* len entries: original code-point end per byte */
} CnkgMapped;

/* Appends len bytes, every byte mapped to [begin, end). The buffers stay
 * owned by m (cnkg_mapped_free). CNKG_ERR_NOMEM. */
CnkgStatus cnkg_mapped_append(CnkgMapped *m, const char *s, size_t len,
                              size_t begin, size_t end);

/* Appends bytes [from, to) of src with their maps. CNKG_ERR_NOMEM. */
CnkgStatus cnkg_mapped_copy(CnkgMapped *m, const CnkgMapped *src, size_t from,
                            size_t to);

/* Makes room for extra more bytes. CNKG_ERR_NOMEM. */
CnkgStatus cnkg_mapped_reserve(CnkgMapped *m, size_t extra);

/* Frees the buffers and zeroes m; m may be NULL. */
void cnkg_mapped_free(CnkgMapped *m);

#endif
