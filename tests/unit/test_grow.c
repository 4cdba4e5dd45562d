/* SPDX-License-Identifier: Apache-2.0
 * Tests core/grow.c: growth to the first capacity, doubling until the need
 * fits, no reallocation when there is room, contents kept across growth,
 * overflow reported as out of memory with the array and capacity unchanged,
 * bad arguments. Depends on cnkg/grow.h and check.h. */
#include <stdint.h>

#include "check.h"
#include "cnkg/grow.h"

int main(void) {
  int *v = NULL;
  size_t cap = 0;
  CHECK(CNKG_GROW(v, cap, 1, 16) == CNKG_SUCCESS && v != NULL && cap == 16);
  for (int i = 0; i < 16; i++) v[i] = i;
  int *before = v;
  CHECK(CNKG_GROW(v, cap, 16, 16) == CNKG_SUCCESS && v == before && cap == 16);
  CHECK(CNKG_GROW(v, cap, 17, 16) == CNKG_SUCCESS && cap == 32);
  CHECK(CNKG_GROW(v, cap, 200, 16) == CNKG_SUCCESS && cap == 256);
  int kept = 1;
  for (int i = 0; i < 16; i++) kept = kept && v[i] == i;
  CHECK(kept);
  /* a need whose byte count overflows: NOMEM, nothing changed */
  int *still = v;
  CHECK(CNKG_GROW(v, cap, SIZE_MAX / 2, 16) == CNKG_ERR_NOMEM && v == still && cap == 256);
  CHECK(v[15] == 15);
  free(v);
  /* bytes, first capacity 0: grows to exactly what is needed, then doubles */
  char *b = NULL;
  size_t bcap = 0;
  CHECK(CNKG_GROW(b, bcap, 5, 0) == CNKG_SUCCESS && bcap >= 5);
  CHECK(CNKG_GROW(b, bcap, bcap + 1, 0) == CNKG_SUCCESS);
  free(b);
  CHECK(cnkg_grow(NULL, &cap, 1, 1, 1) == CNKG_ERR_ARG);
  CHECK(cnkg_grow(&b, NULL, 1, 1, 1) == CNKG_ERR_ARG);
  return check_finish();
}
