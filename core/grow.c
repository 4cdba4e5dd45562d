/* SPDX-License-Identifier: Apache-2.0
 * Growable arrays (see grow.h). The array's pointer is read and written
 * through memcpy so that any object pointer type can be passed.
 * Depends on grow.h and the C library. */
#include "cnkg/grow.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

CnkgStatus cnkg_grow(void *items, size_t *cap, size_t need, size_t elem, size_t first) {
  if (!items || !cap || elem == 0) return CNKG_ERR_ARG;
  if (need <= *cap) return CNKG_SUCCESS;
  size_t n = *cap > first ? *cap : first;
  if (n == 0) n = 1;
  while (n < need) {
    if (n > SIZE_MAX / 2) {
      n = need;
      break;
    }
    n *= 2;
  }
  if (n > SIZE_MAX / elem) return CNKG_ERR_NOMEM;
  void *old;
  memcpy(&old, items, sizeof old);
  void *p = realloc(old, n * elem);
  if (!p) return CNKG_ERR_NOMEM;
  memcpy(items, &p, sizeof p);
  *cap = n;
  return CNKG_SUCCESS;
}
