/* SPDX-License-Identifier: Apache-2.0
 * The byte-output abstraction: atomic files (temporary + fsync + rename),
 * borrowed streams ("-" is stdout), devices written in place, and growing
 * memory buffers, all with sticky errors. Depends on output.h, status.h and
 * POSIX file calls. */
#include "cnkg/output.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

typedef enum { KIND_ATOMIC, KIND_DIRECT, KIND_STREAM, KIND_MEMORY } Kind;

struct CnkgOutput {
  Kind kind;
  FILE *stream;  /* owned for KIND_ATOMIC and KIND_DIRECT */
  char *path;    /* target (atomic) */
  char *tmp;     /* temporary beside the target (atomic), NULL once gone */
  char *buf;     /* memory */
  size_t len, cap;
  CnkgStatus status; /* first error, sticky */
  bool closed;
};

static void set_msg(char *errmsg, size_t size, const char *what,
                    const char *path, int err) {
  if (errmsg && size) snprintf(errmsg, size, "%s %s: %s", what, path, strerror(err));
}

static CnkgOutput *output_alloc(Kind kind) {
  CnkgOutput *o = calloc(1, sizeof *o);
  if (o) o->kind = kind;
  return o;
}

CnkgStatus cnkg_output_new_stream(FILE *stream, CnkgOutput **out) {
  if (!out) return CNKG_ERR_ARG;
  *out = NULL;
  if (!stream) return CNKG_ERR_ARG;
  CnkgOutput *o = output_alloc(KIND_STREAM);
  if (!o) return CNKG_ERR_NOMEM;
  o->stream = stream;
  *out = o;
  return CNKG_SUCCESS;
}

CnkgStatus cnkg_output_new_memory(CnkgOutput **out) {
  if (!out) return CNKG_ERR_ARG;
  *out = NULL;
  CnkgOutput *o = output_alloc(KIND_MEMORY);
  if (!o) return CNKG_ERR_NOMEM;
  o->cap = 4096;
  o->buf = malloc(o->cap);
  if (!o->buf) {
    free(o);
    return CNKG_ERR_NOMEM;
  }
  o->buf[0] = '\0';
  *out = o;
  return CNKG_SUCCESS;
}

CnkgStatus cnkg_output_new_file(const char *path, CnkgOutput **out,
                                char *errmsg, size_t errmsg_size) {
  if (!out) return CNKG_ERR_ARG;
  *out = NULL;
  if (errmsg && errmsg_size) errmsg[0] = '\0';
  if (!path || !*path) return CNKG_ERR_ARG;
  if (strcmp(path, "-") == 0) return cnkg_output_new_stream(stdout, out);

  struct stat st;
  if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
    /* A device or pipe (/dev/null, /dev/full, a FIFO) cannot be replaced by
     * rename: write to it in place; errors surface at write or close. */
    CnkgOutput *o = output_alloc(KIND_DIRECT);
    if (!o) return CNKG_ERR_NOMEM;
    o->stream = fopen(path, "wb");
    if (!o->stream) {
      set_msg(errmsg, errmsg_size, "cannot open", path, errno);
      free(o);
      return CNKG_ERR_WRITE;
    }
    *out = o;
    return CNKG_SUCCESS;
  }

  CnkgOutput *o = output_alloc(KIND_ATOMIC);
  if (!o) return CNKG_ERR_NOMEM;
  size_t lp = strlen(path);
  o->path = malloc(lp + 1);
  o->tmp = malloc(lp + 16);
  if (!o->path || !o->tmp) {
    cnkg_output_free(o);
    return CNKG_ERR_NOMEM;
  }
  memcpy(o->path, path, lp + 1);
  /* The temporary lives in the target's directory so rename is atomic. */
  const char *slash = strrchr(path, '/');
  size_t dirlen = slash ? (size_t)(slash - path) + 1 : 0;
  memcpy(o->tmp, path, dirlen);
  snprintf(o->tmp + dirlen, lp + 16 - dirlen, ".%s.XXXXXX", path + dirlen);
  int fd = mkstemp(o->tmp);
  if (fd < 0) {
    set_msg(errmsg, errmsg_size, "cannot create a temporary file for", path,
            errno);
    free(o->tmp);
    o->tmp = NULL;
    cnkg_output_free(o);
    return CNKG_ERR_WRITE;
  }
  /* mkstemp makes 0600; give the result the usual permissions. */
  mode_t mask = umask(0);
  umask(mask);
  if (fchmod(fd, 0666 & ~mask) != 0) { /* keep 0600: not fatal */ }
  o->stream = fdopen(fd, "wb");
  if (!o->stream) {
    set_msg(errmsg, errmsg_size, "cannot open", path, errno);
    close(fd);
    cnkg_output_free(o);
    return CNKG_ERR_WRITE;
  }
  *out = o;
  return CNKG_SUCCESS;
}

CnkgStatus cnkg_output_write(CnkgOutput *output, const void *data, size_t len) {
  if (!output) return CNKG_ERR_ARG;
  if (output->status) return output->status;
  if (output->closed || (!data && len)) return output->status = CNKG_ERR_ARG;
  if (len == 0) return CNKG_SUCCESS;
  if (output->kind == KIND_MEMORY) {
    if (len >= output->cap - output->len) {
      size_t cap = output->cap;
      while (len >= cap - output->len) {
        if (cap > SIZE_MAX / 2) return output->status = CNKG_ERR_NOMEM;
        cap *= 2;
      }
      char *nb = realloc(output->buf, cap);
      if (!nb) return output->status = CNKG_ERR_NOMEM;
      output->buf = nb;
      output->cap = cap;
    }
    memcpy(output->buf + output->len, data, len);
    output->len += len;
    output->buf[output->len] = '\0';
    return CNKG_SUCCESS;
  }
  if (fwrite(data, 1, len, output->stream) != len)
    return output->status = CNKG_ERR_WRITE;
  return CNKG_SUCCESS;
}

CnkgStatus cnkg_output_puts(CnkgOutput *output, const char *s) {
  if (!s) return output ? (output->status ? output->status : CNKG_ERR_ARG)
                        : CNKG_ERR_ARG;
  return cnkg_output_write(output, s, strlen(s));
}

const char *cnkg_output_memory(const CnkgOutput *output, size_t *len) {
  if (!output || output->kind != KIND_MEMORY) {
    if (len) *len = 0;
    return NULL;
  }
  if (len) *len = output->len;
  return output->buf;
}

static void drop_temporary(CnkgOutput *o) {
  if (o->stream) {
    fclose(o->stream);
    o->stream = NULL;
  }
  if (o->tmp) {
    unlink(o->tmp);
    free(o->tmp);
    o->tmp = NULL;
  }
}

char *cnkg_output_dir_of(const char *path) {
  const char *slash = strrchr(path, '/');
  if (!slash) return strdup(".");
  if (slash == path) return strdup("/");
  size_t n = (size_t)(slash - path);
  char *dir = malloc(n + 1);
  if (dir) {
    memcpy(dir, path, n);
    dir[n] = '\0';
  }
  return dir;
}

/* Syncs the directory holding path so the rename itself is durable. */
static void sync_directory(const char *path) {
  char *dir = cnkg_output_dir_of(path);
  if (!dir) return;
  int fd = open(dir, O_RDONLY);
  if (fd >= 0) {
    if (fsync(fd) != 0) { /* some file systems refuse: not an error */ }
    close(fd);
  }
  free(dir);
}

CnkgStatus cnkg_output_close(CnkgOutput *output) {
  if (!output) return CNKG_ERR_ARG;
  if (output->closed) return output->status;
  output->closed = true;
  switch (output->kind) {
  case KIND_MEMORY:
    break;
  case KIND_STREAM:
    if (fflush(output->stream) != 0 || ferror(output->stream))
      if (!output->status) output->status = CNKG_ERR_WRITE;
    break;
  case KIND_DIRECT: {
    int r = fflush(output->stream);
    if (ferror(output->stream)) r = -1;
    if (fclose(output->stream) != 0) r = -1;
    output->stream = NULL;
    if (r != 0 && !output->status) output->status = CNKG_ERR_WRITE;
    break;
  }
  case KIND_ATOMIC:
    if (!output->status) {
      if (fflush(output->stream) != 0 || ferror(output->stream) ||
          fsync(fileno(output->stream)) != 0)
        output->status = CNKG_ERR_WRITE;
    }
    if (!output->status) {
      int r = fclose(output->stream);
      output->stream = NULL;
      if (r != 0) output->status = CNKG_ERR_WRITE;
    }
    if (!output->status) {
      if (rename(output->tmp, output->path) != 0) {
        output->status = CNKG_ERR_WRITE;
      } else {
        free(output->tmp);
        output->tmp = NULL;
        sync_directory(output->path);
      }
    }
    drop_temporary(output);
    break;
  }
  return output->status;
}

void cnkg_output_free(CnkgOutput *output) {
  if (!output) return;
  if (output->kind == KIND_ATOMIC) drop_temporary(output);
  else if (output->kind == KIND_DIRECT && output->stream) fclose(output->stream);
  free(output->path);
  free(output->tmp);
  free(output->buf);
  free(output);
}
