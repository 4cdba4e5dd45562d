/* SPDX-License-Identifier: Apache-2.0
 * What the build-time converters of packaged data share (tools/mkworld.c,
 * tools/mkcities.c): dying with "cnkg: error: ..."; reading a whole input
 * file checked against the SHA-256 the build pins; writing the generated C
 * file beside its target and renaming it into place. Header-only, as
 * each converter is one source file; depends on core's SHA-256. */
#ifndef CNKG_TOOLS_PINNED_H
#define CNKG_TOOLS_PINNED_H

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cnkg/text.h"

__attribute__((format(printf, 1, 2), noreturn)) static void die(const char *fmt, ...);
static void die(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fputs("cnkg: error: ", stderr);
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
  va_end(ap);
  exit(1);
}

/* s[0, n) in a new NUL-terminated string; dies when out of memory. */
static char *xstrndup(const char *s, size_t n) {
  char *d = cnkg_strndup(s, n);
  if (!d) die("out of memory");
  return d;
}

/* The whole file at path (a new allocation, NUL-terminated, *len its
 * length), checked against the pinned digest want; package names the
 * Debian package it comes from, for the messages. Dies on any failure. */
static char *read_pinned(const char *path, const char *want, const char *package, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) die("%s: cannot open (install Debian's %s: run tools/bootstrap)", path, package);
  size_t cap = 1 << 16, n = 0;
  char *buf = malloc(cap);
  if (!buf) die("out of memory");
  for (;;) {
    if (n + 1 >= cap) {
      char *b = realloc(buf, cap *= 2);
      if (!b) die("out of memory");
      buf = b;
    }
    size_t got = fread(buf + n, 1, cap - n - 1, f);
    n += got;
    if (got == 0) break;
  }
  if (ferror(f)) die("%s: read error", path);
  fclose(f);
  buf[n] = '\0';
  char hex[65];
  cnkg_sha256_hex(buf, n, hex);
  if (strcmp(hex, want) != 0)
    die("%s: sha256 %s, but the build pins %s: not the pinned %s version "
        "(install the version CMakeLists.txt names, or update the pin after checking the data)",
        path, hex, want, package);
  *len = n;
  return buf;
}

/* Writes s as a C string literal, every byte outside printable ASCII in
 * octal, so the generated file is ASCII whatever the data holds. */
static void put_c_string(FILE *f, const char *s) {
  fputc('"', f);
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    if (*p >= 0x80 || *p < 0x20) fprintf(f, "\\%03o", *p);
    else if (*p == '"' || *p == '\\') fprintf(f, "\\%c", *p);
    else fputc(*p, f);
  }
  fputc('"', f);
}

/* Opens out's temporary (out + ".tmp", its name in tmp) for writing; the
 * target appears only through gen_close, whole. Dies on failure. */
static FILE *gen_open(const char *out, char *tmp, size_t tmpsize) {
  snprintf(tmp, tmpsize, "%s.tmp", out);
  FILE *f = fopen(tmp, "w");
  if (!f) die("%s: cannot write", tmp);
  return f;
}

/* Closes f and renames tmp to out; dies on a write error. */
static void gen_close(FILE *f, const char *tmp, const char *out) {
  if (fclose(f)) die("%s: write error", tmp);
  if (rename(tmp, out)) die("%s: cannot rename to %s", tmp, out);
}

#endif
