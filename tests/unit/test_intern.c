/* SPDX-License-Identifier: Apache-2.0
 * Tests core/intern.c: ids dense in the order first added, the same id for
 * the same bytes (embedded NULs and the empty key included), lookups of
 * absent keys, keys kept NUL-terminated across growth, NULL arguments.
 * Depends on cnkg/intern.h and check.h. */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "cnkg/intern.h"

int main(void) {
  CnkgIntern *t = cnkg_intern_new();
  CHECK(t != NULL);
  uint32_t id = 99, again = 0;
  CHECK(cnkg_intern_find(t, "a", 1, &id) == CNKG_NOTHING);
  CHECK(cnkg_intern_add(t, "alpha", 5, &id) == CNKG_SUCCESS && id == 0);
  CHECK(cnkg_intern_add(t, "a\0b", 3, &id) == CNKG_SUCCESS && id == 1);
  CHECK(cnkg_intern_add(t, "a", 1, &id) == CNKG_SUCCESS && id == 2);
  CHECK(cnkg_intern_add(t, "", 0, &id) == CNKG_SUCCESS && id == 3);
  CHECK(cnkg_intern_add(t, "a\0b", 3, &again) == CNKG_SUCCESS && again == 1);
  CHECK(cnkg_intern_find(t, "", 0, &again) == CNKG_SUCCESS && again == 3);
  size_t len = 0;
  const char *k = cnkg_intern_key(t, 1, &len);
  CHECK(len == 3 && !memcmp(k, "a\0b", 3) && k[3] == '\0');
  /* many keys: the table and the arena grow, ids stay put */
  char buf[32];
  for (int i = 0; i < 50000; i++) {
    int n = snprintf(buf, sizeof buf, "key-%d", i);
    CHECK(cnkg_intern_add(t, buf, (size_t)n, &id) == CNKG_SUCCESS && id == (uint32_t)i + 4);
  }
  CHECK(cnkg_intern_count(t) == 50004);
  CHECK(cnkg_intern_find(t, "key-31337", 9, &id) == CNKG_SUCCESS && id == 31337 + 4);
  CHECK_STR(cnkg_intern_key(t, 31337 + 4, NULL), "key-31337");
  CHECK_STR(cnkg_intern_key(t, 0, &len), "alpha");
  CHECK(cnkg_intern_find(t, "key-50000", 9, &id) == CNKG_NOTHING);
  CHECK(cnkg_intern_add(NULL, "x", 1, &id) == CNKG_ERR_ARG);
  CHECK(cnkg_intern_find(t, "x", 1, NULL) == CNKG_ERR_ARG);
  CHECK(cnkg_intern_count(NULL) == 0);
  cnkg_intern_free(t);
  cnkg_intern_free(NULL);
  return check_finish();
}
