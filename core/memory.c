/* SPDX-License-Identifier: Apache-2.0
 * Headroom checks (see memory.h). Depends on memory.h and the C library. */
#include "cnkg/memory.h"

#include <stdlib.h>

bool cnkg_memory_headroom(size_t bytes) {
  /* An allocation this large is mapped, not taken from a heap: it succeeds
   * exactly when the address space (ulimit -v) and the kernel allow it. */
  void *p = malloc(bytes ? bytes : 1);
  if (!p) return false;
  free(p);
  return true;
}
