/* SPDX-License-Identifier: Apache-2.0
 * Turning command-line INPUT arguments into a sorted list of documents:
 * files as given, directories walked recursively for .txt/.html/.htm (symlink
 * loops detected), "-" for standard input; and reading one input whole. */
#ifndef CNKG_CLI_INPUTS_H
#define CNKG_CLI_INPUTS_H

#include <stddef.h>

typedef struct {
  char **paths;    /* owned; "-" means stdin */
  size_t n;
  size_t cap;
  char **errors;   /* owned messages about inputs that could not be listed */
  size_t n_errors;
} CnkgInputs;

/* Adds one command-line argument (file, directory or "-"). Returns 0, or -1
 * when out of memory; unreadable inputs are recorded in errors. */
int cnkg_inputs_add(CnkgInputs *in, const char *arg);
/* Sorts paths bytewise (directory order never shows in the output). */
void cnkg_inputs_sort(CnkgInputs *in);
void cnkg_inputs_clear(CnkgInputs *in);

/* Reads a whole file (or stdin for "-") into *buf (caller frees).
 * Returns 0, or -1 with errno set. */
int cnkg_inputs_read(const char *path, char **buf, size_t *len);

#endif
