/* SPDX-License-Identifier: Apache-2.0
 * Implementation of the unit-test assertion helpers in check.h. */
#include "check.h"

int check_failures = 0;
int check_count = 0;

void check_fail(const char *file, int line, const char *expr, const char *detail) {
  check_failures++;
  fprintf(stderr, "%s:%d: check failed: %s%s%s\n", file, line, expr,
          detail ? ": " : "", detail ? detail : "");
}

char *check_read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 4096, n = 0;
  char *buf = malloc(cap);
  while (buf) {
    size_t got = fread(buf + n, 1, cap - n - 1, f);
    n += got;
    if (got == 0) break;
    if (cap - n - 1 == 0) {
      char *nb = realloc(buf, cap * 2);
      if (!nb) { free(buf); buf = NULL; break; }
      buf = nb;
      cap *= 2;
    }
  }
  fclose(f);
  if (!buf) return NULL;
  buf[n] = '\0';
  if (len) *len = n;
  return buf;
}

const char *check_env(const char *name, const char *fallback) {
  const char *v = getenv(name);
  return v && *v ? v : fallback;
}

int check_finish(void) {
  printf("%d checks, %d failed\n", check_count, check_failures);
  return check_failures ? 1 : 0;
}
