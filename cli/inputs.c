/* SPDX-License-Identifier: Apache-2.0
 * Input listing and reading for the CLI (see inputs.h). Uses POSIX
 * opendir/stat; remembers visited directories by device and inode so a
 * symlink loop is reported once instead of recursing forever. */
#include "cli/inputs.h"

#include "cli/cliutil.h"
#include "cnkg/grow.h"

#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

typedef CnkgFileId DirId;

bool cnkg_file_id(const char *path, CnkgFileId *id) {
  struct stat st;
  if (!path || stat(path, &st) != 0) return false;
  id->dev = st.st_dev;
  id->ino = st.st_ino;
  return true;
}

void cnkg_inputs_skip(CnkgInputs *in, const char *path) {
  struct stat st;
  if (in->n_skip == CNKG_INPUTS_MAX_SKIP || !path || stat(path, &st) != 0) return;
  in->skip[in->n_skip] = (CnkgFileId){st.st_dev, st.st_ino};
  in->skip_is_dir[in->n_skip++] = S_ISDIR(st.st_mode);
}

static bool skipped(const CnkgInputs *in, const struct stat *st, bool dirs) {
  for (size_t i = 0; i < in->n_skip; i++)
    if (in->skip_is_dir[i] == dirs && in->skip[i].dev == st->st_dev &&
        in->skip[i].ino == st->st_ino)
      return true;
  return false;
}

static int push(char ***arr, size_t *n, size_t *cap, char *s) {
  if (!s) return -1;
  if (cnkg_grow(arr, cap, *n + 1, sizeof **arr, 16)) {
    free(s);
    return -1;
  }
  (*arr)[(*n)++] = s;
  return 0;
}

/* a + sep + b as a new string (sep may be ""). */
static char *join3(const char *a, const char *sep, const char *b) {
  size_t la = strlen(a), ls = strlen(sep), lb = strlen(b);
  char *r = malloc(la + ls + lb + 1);
  if (!r) return NULL;
  memcpy(r, a, la);
  memcpy(r + la, sep, ls);
  memcpy(r + la + ls, b, lb + 1);
  return r;
}

static int add_error(CnkgInputs *in, const char *path, const char *why) {
  size_t cap = in->n_errors; /* errors grow one by one: they are rare */
  if (CNKG_GROW(in->errors, cap, cap + 1, 1)) return -1;
  char *m = join3(path, ": ", why);
  if (!m) return -1;
  in->errors[in->n_errors++] = m;
  return 0;
}

/* .txt, .html or .htm in any mix of case (.Txt, .HTML): names from other
 * systems keep their capitals. */
static int has_text_ext(const char *name) {
  const char *dot = strrchr(name, '.');
  if (!dot) return 0;
  char ext[6];
  size_t n = strlen(dot + 1);
  if (n < 3 || n > 4) return 0;
  for (size_t i = 0; i <= n; i++) {
    char c = dot[1 + i];
    ext[i] = c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
  }
  return !strcmp(ext, "txt") || !strcmp(ext, "html") || !strcmp(ext, "htm");
}

static int walk(CnkgInputs *in, const char *dir, DirId *seen, size_t depth) {
  if (depth >= 64) return add_error(in, dir, "directories nested too deeply (symlink loop?)");
  struct stat sb;
  if (stat(dir, &sb) != 0) return add_error(in, dir, strerror(errno));
  for (size_t i = 0; i < depth; i++)
    if (seen[i].dev == sb.st_dev && seen[i].ino == sb.st_ino)
      return add_error(in, dir, "symbolic link loop, not followed");
  seen[depth].dev = sb.st_dev;
  seen[depth].ino = sb.st_ino;
  DIR *d = opendir(dir);
  if (!d) return add_error(in, dir, strerror(errno));
  size_t before = in->n;
  struct dirent *e;
  int rc = 0;
  while (rc == 0 && (e = readdir(d)) != NULL) {
    if (e->d_name[0] == '.') continue;  /* ., .., hidden files */
    char *p = join3(dir, "/", e->d_name);
    if (!p) { rc = -1; break; }
    struct stat st;
    if (stat(p, &st) != 0) {
      rc = add_error(in, p, strerror(errno));
      free(p);
    } else if (S_ISDIR(st.st_mode)) {
      /* cnkg's output directory inside an input directory is not input */
      if (!skipped(in, &st, true)) rc = walk(in, p, seen, depth + 1);
      free(p);
    } else if (S_ISREG(st.st_mode) && has_text_ext(e->d_name) && !skipped(in, &st, false)) {
      rc = push(&in->paths, &in->n, &in->cap, p);
    } else {
      free(p);
    }
  }
  closedir(d);
  if (rc == 0 && depth == 0 && in->n == before)
    rc = add_error(in, dir,
                   "no .txt, .html or .htm files in this directory (cnkg's own output left out)");
  return rc;
}

int cnkg_inputs_add(CnkgInputs *in, const char *arg) {
  if (!strcmp(arg, "-")) return push(&in->paths, &in->n, &in->cap, join3("-", "", ""));
  struct stat sb;
  if (stat(arg, &sb) != 0) return add_error(in, arg, strerror(errno));
  if (S_ISDIR(sb.st_mode)) {
    DirId seen[64];
    return walk(in, arg, seen, 0);
  }
  /* A device given by name (/dev/zero, /dev/sda) is no document, and
   * reading one could take the whole disk or never end. A FIFO is a stream
   * the user made on purpose: it is read, up to the size limit. */
  const char *why = cnkg_cli_not_a_file(arg);
  if (why) return add_error(in, arg, why);
  return push(&in->paths, &in->n, &in->cap, join3(arg, "", ""));
}

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

void cnkg_inputs_sort(CnkgInputs *in) {
  if (in->n > 1) qsort(in->paths, in->n, sizeof *in->paths, cmp_str);
}

void cnkg_inputs_clear(CnkgInputs *in) {
  for (size_t i = 0; i < in->n; i++) free(in->paths[i]);
  for (size_t i = 0; i < in->n_errors; i++) free(in->errors[i]);
  free(in->paths);
  free(in->errors);
  memset(in, 0, sizeof *in);
}

int cnkg_inputs_read(const char *path, size_t limit, char **buf, size_t *len) {
  *buf = NULL;
  *len = 0;
  int is_stdin = !strcmp(path, "-");
  FILE *f = is_stdin ? stdin : fopen(path, "rb");
  if (!f) return -1;
  struct stat st;
  if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) && (uintmax_t)st.st_size > limit) {
    if (!is_stdin) fclose(f);
    return 1; /* too big, known without reading it */
  }
  /* Read limit + 1 bytes at most: one byte past the limit tells an input
   * that is too big from one that is exactly at it. */
  size_t cap = 1 << 16, n = 0, want = limit < SIZE_MAX ? limit + 1 : limit;
  if (cap > want) cap = want;
  char *b = malloc(cap);
  int err = 0;
  while (b && n < want) {
    if (n == cap) {
      size_t nc = cap > want / 2 ? want : cap * 2;
      char *nb = realloc(b, nc);
      if (!nb) { free(b); b = NULL; err = ENOMEM; break; }
      b = nb;
      cap = nc;
    }
    size_t got = fread(b + n, 1, cap - n, f);
    n += got;
    if (got == 0) {
      if (ferror(f)) err = errno ? errno : EIO;
      break;
    }
  }
  if (!b && !err) err = ENOMEM;
  if (!is_stdin) fclose(f);
  if (err) {
    free(b);
    errno = err;
    return -1;
  }
  if (n > limit) {
    free(b);
    return 1;
  }
  *buf = b;
  *len = n;
  return 0;
}
