/* SPDX-License-Identifier: Apache-2.0
 * Tests core/intern.c: ids dense in the order first added, the same id for
 * the same bytes (embedded NULs, binary records and the empty key
 * included), lookups of absent keys, keys kept NUL-terminated across
 * growth, look-ups by a hash built a byte at a time, free leaving an empty
 * table fit for reuse, NULL arguments. Depends on cnkg/intern.h and
 * check.h. */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "cnkg/intern.h"

int main(void) {
  CnkgIntern t = {0};
  size_t id = 99, again = 0;
  CHECK(cnkg_intern_count(&t) == 0);
  CHECK(cnkg_intern_find(&t, "a", 1, &id) == CNKG_NOTHING);
  CHECK(cnkg_intern_add(&t, "alpha", 5, &id) == CNKG_SUCCESS && id == 0);
  CHECK(cnkg_intern_add(&t, "a\0b", 3, &id) == CNKG_SUCCESS && id == 1);
  CHECK(cnkg_intern_add(&t, "a", 1, &id) == CNKG_SUCCESS && id == 2);
  CHECK(cnkg_intern_add(&t, "", 0, &id) == CNKG_SUCCESS && id == 3);
  CHECK(cnkg_intern_add(&t, "a\0b", 3, &again) == CNKG_SUCCESS && again == 1);
  CHECK(cnkg_intern_find(&t, "", 0, &again) == CNKG_SUCCESS && again == 3);
  CHECK(cnkg_intern_find(&t, "a\0c", 3, &again) == CNKG_NOTHING);
  size_t len = 0;
  const char *k = cnkg_intern_key(&t, 1, &len);
  CHECK(len == 3 && !memcmp(k, "a\0b", 3) && k[3] == '\0');

  /* a scanner's hash, extended a byte at a time, finds each prefix */
  const char *text = "alphabet";
  uint64_t h = CNKG_INTERN_SEED;
  size_t found = 0;
  for (size_t l = 1; l <= strlen(text); l++) {
    h = cnkg_intern_hash(h, text + l - 1, 1);
    CHECK(h == cnkg_intern_hash(CNKG_INTERN_SEED, text, l));
    if (!cnkg_intern_find_hashed(&t, text, l, h, &id)) found |= (size_t)1 << l;
  }
  CHECK(found == ((1u << 1) | (1u << 5))); /* "a" and "alpha" */
  CHECK(cnkg_intern_find(&t, "alph", 4, &id) == CNKG_NOTHING);

  /* binary records (the store's terms, a trie's edges) as keys */
  struct {
    size_t node;
    uint32_t cp;
  } edge;
  memset(&edge, 0, sizeof edge);
  edge.node = 7;
  edge.cp = 0x4E2D;
  CHECK(cnkg_intern_add(&t, &edge, sizeof edge, &id) == CNKG_SUCCESS && id == 4);
  edge.cp++;
  CHECK(cnkg_intern_find(&t, &edge, sizeof edge, &id) == CNKG_NOTHING);
  edge.cp--;
  CHECK(cnkg_intern_find(&t, &edge, sizeof edge, &id) == CNKG_SUCCESS && id == 4);

  /* many keys: the slots and the arena grow, ids and keys stay put */
  char buf[32];
  for (int i = 0; i < 50000; i++) {
    int n = snprintf(buf, sizeof buf, "key-%d", i);
    CHECK(cnkg_intern_add(&t, buf, (size_t)n, &id) == CNKG_SUCCESS && id == (size_t)i + 5);
  }
  CHECK(cnkg_intern_count(&t) == 50005);
  CHECK(cnkg_intern_find(&t, "key-31337", 9, &id) == CNKG_SUCCESS && id == 31337 + 5);
  CHECK_STR(cnkg_intern_key(&t, 31337 + 5, NULL), "key-31337");
  CHECK_STR(cnkg_intern_key(&t, 0, &len), "alpha");
  CHECK(len == 5);
  CHECK(cnkg_intern_find(&t, "key-50000", 9, &id) == CNKG_NOTHING);
  CHECK(cnkg_intern_find(&t, &edge, sizeof edge, &id) == CNKG_SUCCESS && id == 4);

  CHECK(cnkg_intern_add(NULL, "x", 1, &id) == CNKG_ERR_ARG);
  CHECK(cnkg_intern_add(&t, NULL, 1, &id) == CNKG_ERR_ARG);
  CHECK(cnkg_intern_find(&t, "x", 1, NULL) == CNKG_ERR_ARG);
  CHECK(cnkg_intern_find(NULL, "x", 1, &id) == CNKG_ERR_ARG);
  CHECK(cnkg_intern_count(NULL) == 0);

  /* free empties the table; it can be filled again from id 0 */
  cnkg_intern_free(&t);
  CHECK(cnkg_intern_count(&t) == 0);
  CHECK(cnkg_intern_find(&t, "alpha", 5, &id) == CNKG_NOTHING);
  CHECK(cnkg_intern_add(&t, "beta", 4, &id) == CNKG_SUCCESS && id == 0);
  CHECK_STR(cnkg_intern_key(&t, 0, NULL), "beta");
  cnkg_intern_free(&t);
  cnkg_intern_free(NULL);
  return check_finish();
}
