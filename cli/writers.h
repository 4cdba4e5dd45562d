/* SPDX-License-Identifier: Apache-2.0
 * The CLI's view of the writers in out/: which formats were asked for,
 * where they go, and writing each through an atomic CnkgOutput. */
#ifndef CNKG_CLI_WRITERS_H
#define CNKG_CLI_WRITERS_H

#include <stdbool.h>
#include <stddef.h>

#include "cnkg/graph.h"

#define CNKG_DEFAULT_BASE "https://w3id.org/cnkg/id/"

typedef enum { CNKG_FMT_TURTLE, CNKG_FMT_NTRIPLES, CNKG_FMT_DOT, CNKG_FMT_SVG, CNKG_FMT_HTML, CNKG_FMT_COUNT } CnkgFormat;

typedef struct {
  bool formats[CNKG_FMT_COUNT];
  size_t n_formats;
  bool output_is_dir;
  char *base;            /* owned */
  int provenance;        /* 0 none, 1 entities, 2 full */
  const char *focus;     /* borrowed from argv */
  unsigned depth;
  bool depth_set;
  unsigned threads;      /* -j: formats written at once, and the threads an
                          * N-Triples writer may split into; 0 or 1: one */
} CnkgWriteOptions;

void cnkg_write_options_init(CnkgWriteOptions *o);
void cnkg_write_options_clear(CnkgWriteOptions *o);
/* 0, or -1 for an unknown name. */
int cnkg_write_options_add_format(CnkgWriteOptions *o, const char *name);
/* Adds each name of a comma-separated list (modified in place). 0, or -1
 * with *bad pointing at the first unknown name. */
int cnkg_write_options_add_formats(CnkgWriteOptions *o, char *list, const char **bad);
int cnkg_write_options_set_base(CnkgWriteOptions *o, const char *iri);
int cnkg_write_options_set_provenance(CnkgWriteOptions *o, const char *level);

/* Writes every requested format; output is a file ("-" stdout) or a
 * directory (created if missing). 0, or -1 with err filled. */
int cnkg_write_graph(const CnkgGraph *graph, const CnkgWriteOptions *o,
                     const char *output, char *err, size_t errsize);

#endif
