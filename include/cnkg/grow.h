/* SPDX-License-Identifier: Apache-2.0
 * Growable arrays: one helper for every array that grows by doubling, in
 * place of a hand-written realloc at each site. The caller owns the array
 * and its capacity; the helper only reallocates. Depends on status.h. */
#ifndef CNKG_GROW_H
#define CNKG_GROW_H

#include <stddef.h>

#include "cnkg/status.h"

/* Makes *items (a pointer to the array's pointer, of any element type) hold
 * at least need elements of elem bytes. *cap is the count the allocation
 * holds now; it doubles from max(*cap, first) until need fits. Returns
 * CNKG_SUCCESS, or CNKG_ERR_NOMEM on overflow or a failed allocation, with
 * *items and *cap unchanged (the old array stays valid and owned). */
CnkgStatus cnkg_grow(void *items, size_t *cap, size_t need, size_t elem, size_t first);

/* The usual call: CNKG_GROW(v, cap, n + 1, 16) for a T *v. */
#define CNKG_GROW(array, cap, need, first) \
  cnkg_grow(&(array), &(cap), (need), sizeof *(array), (first))

#endif
