/* SPDX-License-Identifier: Apache-2.0
 * Turning command-line INPUT arguments into a sorted list of documents:
 * files as given, directories walked recursively for .txt/.html/.htm in any
 * case (symlink loops detected; cnkg's own outputs skipped), "-" for
 * standard input; and reading one input whole, up to a size limit. */
#ifndef CNKG_CLI_INPUTS_H
#define CNKG_CLI_INPUTS_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/* A file's identity: the same file whatever the path or link to it. */
typedef struct {
  dev_t dev;
  ino_t ino;
} CnkgFileId;

#define CNKG_INPUTS_MAX_SKIP 8

typedef struct {
  char **paths;    /* owned; "-" means stdin */
  size_t n;
  size_t cap;
  char **errors;   /* owned messages about inputs that could not be listed */
  size_t n_errors;
  /* what directory walks leave out: cnkg's output directory (below the
   * walk's start) and its output files, so a run never reads what an
   * earlier run wrote */
  CnkgFileId skip[CNKG_INPUTS_MAX_SKIP];
  bool skip_is_dir[CNKG_INPUTS_MAX_SKIP];
  size_t n_skip;
} CnkgInputs;

/* The identity of the file path names (symbolic links followed): true, or
 * false when it does not exist or cannot be reached. */
bool cnkg_file_id(const char *path, CnkgFileId *id);

/* Makes directory walks leave out path (an output file or directory) when
 * it exists; at most CNKG_INPUTS_MAX_SKIP. Call before cnkg_inputs_add. */
void cnkg_inputs_skip(CnkgInputs *in, const char *path);

/* Adds one command-line argument (file, directory or "-"). Returns 0, or -1
 * when out of memory; unreadable inputs, devices and sockets are recorded
 * in errors. */
int cnkg_inputs_add(CnkgInputs *in, const char *arg);
/* Sorts paths bytewise (directory order never shows in the output). */
void cnkg_inputs_sort(CnkgInputs *in);
void cnkg_inputs_clear(CnkgInputs *in);

/* Reads a whole file (or stdin for "-") of at most limit bytes into *buf
 * (caller frees). Never reads more than limit + 1 bytes, so an endless
 * stream (a FIFO, /dev/zero on stdin) costs no more. Returns 0; 1 when the
 * input is larger than limit (*buf NULL); or -1 with errno set. */
int cnkg_inputs_read(const char *path, size_t limit, char **buf, size_t *len);

#endif
