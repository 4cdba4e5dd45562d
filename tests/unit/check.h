/* SPDX-License-Identifier: Apache-2.0
 * Minimal assertion helpers for unit tests: every failed CHECK prints the
 * file, line and expression and makes the test exit non-zero; SKIP exits 77,
 * which CTest reports as skipped. */
#ifndef CNKG_CHECK_H
#define CNKG_CHECK_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern int check_failures;
extern int check_count;

void check_fail(const char *file, int line, const char *expr, const char *detail);
/* Reads a whole file into a new NUL-terminated buffer (caller frees), or NULL. */
char *check_read_file(const char *path, size_t *len);
/* getenv(name) or fallback. */
const char *check_env(const char *name, const char *fallback);
/* Prints the summary line and returns the process exit status. */
int check_finish(void);

#define CHECK(expr)                                                       \
  do {                                                                    \
    check_count++;                                                        \
    if (!(expr)) check_fail(__FILE__, __LINE__, #expr, NULL);             \
  } while (0)

#define CHECK_STR(a, b)                                                   \
  do {                                                                    \
    const char *check_a_ = (a), *check_b_ = (b);                          \
    check_count++;                                                        \
    if (!check_a_ || !check_b_ || strcmp(check_a_, check_b_) != 0) {      \
      char check_d_[512];                                                 \
      snprintf(check_d_, sizeof check_d_, "\"%s\" != \"%s\"",             \
               check_a_ ? check_a_ : "(null)",                            \
               check_b_ ? check_b_ : "(null)");                           \
      check_fail(__FILE__, __LINE__, #a " == " #b, check_d_);             \
    }                                                                     \
  } while (0)

#define CHECK_EQ(a, b)                                                    \
  do {                                                                    \
    long long check_x_ = (long long)(a), check_y_ = (long long)(b);       \
    check_count++;                                                        \
    if (check_x_ != check_y_) {                                           \
      char check_d_[128];                                                 \
      snprintf(check_d_, sizeof check_d_, "%lld != %lld", check_x_,       \
               check_y_);                                                 \
      check_fail(__FILE__, __LINE__, #a " == " #b, check_d_);             \
    }                                                                     \
  } while (0)

#define SKIP(why)                                                         \
  do {                                                                    \
    printf("SKIP: %s\n", why);                                            \
    exit(77);                                                             \
  } while (0)

#endif
