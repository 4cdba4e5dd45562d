/* SPDX-License-Identifier: Apache-2.0
 * The byte-output abstraction: atomic files (temporary + fsync + rename),
 * borrowed streams ("-" is stdout), devices written in place, and growing
 * memory buffers, all with sticky errors; the registry of temporaries a
 * signal handler removes. Depends on output.h, status.h and POSIX file
 * calls. */
#if defined(__linux__) && !defined(_GNU_SOURCE)
#define _GNU_SOURCE 1 /* sync_file_range */
#endif
#include "cnkg/output.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

#include "cnkg/grow.h"

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
  int slot;      /* temporary's slot in temp_slots (atomic), or -1 */
  size_t unsynced; /* bytes written since writeback was last started (atomic) */
};

static void set_msg(char *errmsg, size_t size, const char *what,
                    const char *path, int err) {
  if (errmsg && size) snprintf(errmsg, size, "%s %s: %s", what, path, strerror(err));
}

static CnkgOutput *output_alloc(Kind kind) {
  CnkgOutput *o = calloc(1, sizeof *o);
  if (o) {
    o->kind = kind;
    o->slot = -1;
  }
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

/* ---- temporaries a signal handler removes
 *
 * Every temporary file of an atomic output is listed here from just before
 * it is created until it is renamed into place or removed, so that
 * cnkg_output_remove_temporaries can unlink them from a signal handler. A
 * slot's path is written before the slot is published (release) and read
 * only after it is seen published (acquire); lock-free atomic loads and
 * unlink(2) are async-signal-safe. */

#define MAX_TEMPS 32

typedef struct {
  atomic_int state; /* SLOT_FREE, SLOT_FILLING, SLOT_LIVE */
  char path[PATH_MAX];
} TempSlot;

enum { SLOT_FREE, SLOT_FILLING, SLOT_LIVE };

static TempSlot temp_slots[MAX_TEMPS];

/* Lists path; returns the slot, or -1 when every slot is taken or the
 * path does not fit (the file then only lacks clean-up on a signal). */
static int temp_register(const char *path) {
  size_t n = strlen(path);
  if (n >= PATH_MAX) return -1;
  for (int i = 0; i < MAX_TEMPS; i++) {
    int expect = SLOT_FREE;
    if (!atomic_compare_exchange_strong(&temp_slots[i].state, &expect, SLOT_FILLING))
      continue;
    memcpy(temp_slots[i].path, path, n + 1);
    atomic_store_explicit(&temp_slots[i].state, SLOT_LIVE, memory_order_release);
    return i;
  }
  return -1;
}

static void temp_unregister(int slot) {
  if (slot >= 0) atomic_store_explicit(&temp_slots[slot].state, SLOT_FREE, memory_order_release);
}

void cnkg_output_remove_temporaries(void) {
  for (int i = 0; i < MAX_TEMPS; i++)
    if (atomic_load_explicit(&temp_slots[i].state, memory_order_acquire) == SLOT_LIVE)
      unlink(temp_slots[i].path);
}

/* ---- opening a file output */

/* The file a write to path must replace: path itself, or the end of its
 * chain of symbolic links (which may not exist yet), so that an output
 * named by a link is written through it and the link stays a link. New
 * string, or NULL with errno set (ELOOP, ENOMEM, readlink's errors). */
static char *final_target(const char *path) {
  char *cur = strdup(path);
  for (int hops = 0; cur; hops++) {
    struct stat st;
    if (lstat(cur, &st) != 0 || !S_ISLNK(st.st_mode)) return cur;
    char link[PATH_MAX];
    ssize_t n = hops < 40 ? readlink(cur, link, sizeof link - 1) : -1;
    if (n < 0) {
      int e = hops < 40 ? errno : ELOOP;
      free(cur);
      errno = e;
      return NULL;
    }
    link[n] = '\0';
    const char *slash = strrchr(cur, '/');
    size_t dirlen = link[0] == '/' || !slash ? 0 : (size_t)(slash - cur) + 1;
    char *next = malloc(dirlen + (size_t)n + 1);
    if (next) {
      memcpy(next, cur, dirlen);
      memcpy(next + dirlen, link, (size_t)n + 1);
    }
    free(cur);
    cur = next;
  }
  errno = ENOMEM;
  return NULL;
}

/* Byte length of name's longest prefix of at most max bytes that does not
 * end inside a UTF-8 sequence. */
static size_t utf8_prefix(const char *name, size_t len, size_t max) {
  if (len <= max) return len;
  size_t n = max;
  while (n > 0 && ((unsigned char)name[n] & 0xC0) == 0x80) n--;
  return n;
}

/* A new "DIR/.NAME.XXXXXX" template beside target. When NAME is too long
 * for the file system's name limit with the 8 extra bytes, the temporary
 * takes a prefix of it: any name the target may have, the temporary fits.
 * NULL with errno ENAMETOOLONG (NAME itself is too long) or ENOMEM. */
static char *temp_template(const char *target) {
  const char *slash = strrchr(target, '/');
  size_t dirlen = slash ? (size_t)(slash - target) + 1 : 0;
  const char *name = target + dirlen;
  size_t len = strlen(name);
  long name_max = -1;
  char *dir = cnkg_output_dir_of(target);
  if (dir) name_max = pathconf(dir, _PC_NAME_MAX);
  free(dir);
  if (name_max < 14) name_max = 255; /* unknown: the usual NAME_MAX */
  if (len > (size_t)name_max) {
    errno = ENAMETOOLONG; /* said now, not when the finished file is renamed */
    return NULL;
  }
  size_t keep = len + 8 > (size_t)name_max ? utf8_prefix(name, len, (size_t)name_max - 8) : len;
  char *t = malloc(dirlen + keep + 9);
  if (!t) {
    errno = ENOMEM;
    return NULL;
  }
  memcpy(t, target, dirlen);
  t[dirlen] = '.';
  memcpy(t + dirlen + 1, name, keep);
  memcpy(t + dirlen + 1 + keep, ".XXXXXX", 8);
  return t;
}

/* Replaces the template's trailing XXXXXX by six letters and digits that
 * differ from call to call and process to process (O_EXCL settles any
 * collision, so they need not be unpredictable). */
static void fill_suffix(char *x6) {
  static const char digits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  static atomic_uint counter;
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  uint64_t v = (uint64_t)ts.tv_nsec ^ ((uint64_t)ts.tv_sec << 30) ^
               ((uint64_t)getpid() << 12) ^
               ((uint64_t)atomic_fetch_add(&counter, 1) * 0x9E3779B97F4A7C15u);
  v ^= v >> 33;
  v *= 0xFF51AFD7ED558CCDu;
  v ^= v >> 33;
  for (int i = 0; i < 6; i++, v /= 62) x6[i] = digits[v % 62];
}

/* mkstemp, with the name listed for the signal handler before the file
 * exists: a signal at any moment finds every file that does exist. Opens
 * tmpl (which ends in XXXXXX, replaced) as a new 0600 file; returns the
 * descriptor and *slot, or -1 with errno set. */
static int create_temporary(char *tmpl, int *slot) {
  char *x6 = tmpl + strlen(tmpl) - 6;
  for (int tries = 0; tries < 100; tries++) {
    fill_suffix(x6);
    *slot = temp_register(tmpl);
    int fd = open(tmpl, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd >= 0) return fd;
    int e = errno;
    temp_unregister(*slot);
    *slot = -1;
    errno = e;
    if (e != EEXIST) return -1;
  }
  errno = EEXIST;
  return -1;
}

/* Gives the temporary the permissions the result should have: those of the
 * file it replaces (mode, and owner and group where allowed), or the usual
 * 0666 & ~umask of a new file (it is made 0600). Failures are not fatal:
 * the file then keeps 0600, never more. */
static void set_permissions(int fd, const struct stat *old) {
  if (old) {
    if (fchown(fd, old->st_uid, old->st_gid) != 0) { /* not ours to give */ }
    /* permission bits only: a graph is never set-user-ID */
    if (fchmod(fd, old->st_mode & 0777) != 0) { /* keep 0600 */ }
    return;
  }
  mode_t mask = umask(0);
  umask(mask);
  if (fchmod(fd, 0666 & ~mask) != 0) { /* keep 0600 */ }
}

CnkgStatus cnkg_output_new_file(const char *path, CnkgOutput **out,
                                char *errmsg, size_t errmsg_size) {
  if (!out) return CNKG_ERR_ARG;
  *out = NULL;
  if (errmsg && errmsg_size) errmsg[0] = '\0';
  if (!path || !*path) return CNKG_ERR_ARG;
  if (strcmp(path, "-") == 0) return cnkg_output_new_stream(stdout, out);

  char *target = final_target(path);
  if (!target) {
    if (errno == ENOMEM) return CNKG_ERR_NOMEM;
    set_msg(errmsg, errmsg_size, "cannot follow the symbolic link", path, errno);
    return CNKG_ERR_WRITE;
  }
  struct stat st;
  bool exists = stat(target, &st) == 0;
  if (exists && S_ISDIR(st.st_mode)) {
    set_msg(errmsg, errmsg_size, "cannot write", path, EISDIR);
    free(target);
    return CNKG_ERR_WRITE;
  }
  if (exists && !S_ISREG(st.st_mode)) {
    /* A device or pipe (/dev/null, /dev/full, a FIFO) cannot be replaced by
     * rename: write to it in place; errors surface at write or close. */
    free(target);
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
  if (!o) {
    free(target);
    return CNKG_ERR_NOMEM;
  }
  o->path = target;
  /* The temporary lives in the target's directory so rename is atomic. */
  o->tmp = temp_template(target);
  if (!o->tmp) {
    bool nomem = errno == ENOMEM;
    if (!nomem) set_msg(errmsg, errmsg_size, "cannot write", path, errno);
    cnkg_output_free(o);
    return nomem ? CNKG_ERR_NOMEM : CNKG_ERR_WRITE;
  }
  int fd = create_temporary(o->tmp, &o->slot);
  if (fd < 0) {
    set_msg(errmsg, errmsg_size, "cannot create a temporary file for", path,
            errno);
    free(o->tmp);
    o->tmp = NULL;
    cnkg_output_free(o);
    return CNKG_ERR_WRITE;
  }
  set_permissions(fd, exists ? &st : NULL);
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

/* A large atomic file is handed to the disk as it grows, so that the fsync
 * at close waits for the last stretch only instead of the whole file. */
#define WRITEBACK_STEP ((size_t)8 << 20)
static void start_writeback(CnkgOutput *output) {
  output->unsynced = 0;
#ifdef SYNC_FILE_RANGE_WRITE
  /* flushed first: what sits in the stream's buffer is not in the file */
  if (fflush(output->stream) == 0)
    (void)sync_file_range(fileno(output->stream), 0, 0, SYNC_FILE_RANGE_WRITE);
#endif
}

CnkgStatus cnkg_output_write(CnkgOutput *output, const void *data, size_t len) {
  if (!output) return CNKG_ERR_ARG;
  if (output->status) return output->status;
  if (output->closed || (!data && len)) return output->status = CNKG_ERR_ARG;
  if (len == 0) return CNKG_SUCCESS;
  if (output->kind == KIND_MEMORY) {
    if (len >= output->cap - output->len) {
      if (len > SIZE_MAX - output->len - 1 ||
          CNKG_GROW(output->buf, output->cap, output->len + len + 1, 64))
        return output->status = CNKG_ERR_NOMEM;
    }
    memcpy(output->buf + output->len, data, len);
    output->len += len;
    output->buf[output->len] = '\0';
    return CNKG_SUCCESS;
  }
  if (fwrite(data, 1, len, output->stream) != len)
    return output->status = CNKG_ERR_WRITE;
  if (output->kind == KIND_ATOMIC && (output->unsynced += len) >= WRITEBACK_STEP)
    start_writeback(output);
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
    temp_unregister(o->slot);
    o->slot = -1;
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
        temp_unregister(output->slot);
        output->slot = -1;
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
