/* SPDX-License-Identifier: Apache-2.0
 * The CLI's view of the writers in out/: which formats were asked for,
 * where they go, and writing each through an atomic CnkgOutput (with -v,
 * saying what is written). */
#ifndef CNKG_CLI_WRITERS_H
#define CNKG_CLI_WRITERS_H

#include <stdbool.h>
#include <stddef.h>

#include "cnkg/graph.h"

#define CNKG_DEFAULT_BASE "https://w3id.org/cnkg/id/"

typedef enum {
  CNKG_FMT_TURTLE,
  CNKG_FMT_NTRIPLES,
  CNKG_FMT_DOT,
  CNKG_FMT_SVG,
  CNKG_FMT_HTML,
  CNKG_FMT_CSV, /* two files: nodes.csv and edges.csv, so always in a directory */
  CNKG_FMT_GRAPHML,
  CNKG_FMT_JSONLD,
  CNKG_FMT_COUNT
} CnkgFormat;

/* Files written at most: one per format, and CSV's second. */
#define CNKG_FMT_FILES (CNKG_FMT_COUNT + 1)

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
  bool verbose;          /* say on stderr what is written, when and how big */
} CnkgWriteOptions;

void cnkg_write_options_init(CnkgWriteOptions *o);
void cnkg_write_options_clear(CnkgWriteOptions *o);
/* 0, or -1 for an unknown name. */
int cnkg_write_options_add_format(CnkgWriteOptions *o, const char *name);
/* Adds each name of a comma-separated list (modified in place). 0, or -1
 * with *bad pointing at the first unknown name. */
int cnkg_write_options_add_formats(CnkgWriteOptions *o, char *list, const char **bad);
int cnkg_write_options_set_base(CnkgWriteOptions *o, const char *iri);
/* Decides whether --output names a directory: when it was not given, when
 * several formats are written, or for csv (two files); else it is a file.
 * Call once the formats are known. */
void cnkg_write_options_settle(CnkgWriteOptions *o, bool output_given);
int cnkg_write_options_set_provenance(CnkgWriteOptions *o, const char *level);

/* The format's name ("turtle", ...), or NULL. */
const char *cnkg_format_name(CnkgFormat f);
/* The extension of the format's files, without the dot ("ttl", ...). */
const char *cnkg_format_extension(CnkgFormat f);

/* The files cnkg_write_graph writes for o and output (all: the files of
 * every format, requested or not): none for "-", else up to CNKG_FMT_FILES
 * paths. 0, or -1 when a path is too long. */
int cnkg_write_output_paths(const CnkgWriteOptions *o, const char *output, bool all,
                            char paths[CNKG_FMT_FILES][4096], size_t *n);

/* Resolves --focus name to the key of exactly one entity of graph: name
 * as a key, else the entities labelled name, else those with it among
 * their aliases; if none, the same for name folded to the form the
 * extractor gives names (Traditional to Simplified). An unknown name, or
 * one shared by several entities (each listed with its key, label, type
 * and code or enclosing place), is reported on stderr. 0 with *key
 * borrowed from graph, or -1 after reporting. */
int cnkg_write_resolve_focus(const CnkgGraph *graph, const char *name, const char **key);

/* Writes every requested format; output is a file ("-" stdout) or a
 * directory (created if missing). 0, or -1 with err filled. */
int cnkg_write_graph(const CnkgGraph *graph, const CnkgWriteOptions *o,
                     const char *output, char *err, size_t errsize);

#endif
