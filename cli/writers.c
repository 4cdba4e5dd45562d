/* SPDX-License-Identifier: Apache-2.0
 * The CLI's writer wiring: format names, output paths (file, stdout or a
 * directory receiving graph.ttl/.nt/.dot/.svg), and one atomic CnkgOutput
 * per file handed to the writers in out/. */
#include "cli/writers.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cnkg/output.h"
#include "out/dot.h"
#include "out/html.h"
#include "out/rdf.h"

static const char *const fmt_names[CNKG_FMT_COUNT] = {"turtle", "ntriples", "dot", "svg", "html"};
static const char *const fmt_files[CNKG_FMT_COUNT] = {"graph.ttl", "graph.nt", "graph.dot",
                                                      "graph.svg", "graph.html"};

void cnkg_write_options_init(CnkgWriteOptions *o) {
  memset(o, 0, sizeof *o);
  o->provenance = 2;
}

void cnkg_write_options_clear(CnkgWriteOptions *o) {
  free(o->base);
  o->base = NULL;
}

int cnkg_write_options_add_format(CnkgWriteOptions *o, const char *name) {
  static const struct { const char *name; CnkgFormat f; } names[] = {
    {"turtle", CNKG_FMT_TURTLE}, {"ttl", CNKG_FMT_TURTLE},
    {"ntriples", CNKG_FMT_NTRIPLES}, {"nt", CNKG_FMT_NTRIPLES},
    {"dot", CNKG_FMT_DOT}, {"svg", CNKG_FMT_SVG}, {"html", CNKG_FMT_HTML}};
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
    if (!strcmp(name, names[i].name)) {
      if (!o->formats[names[i].f]) o->n_formats++;
      o->formats[names[i].f] = true;
      return 0;
    }
  return -1;
}

int cnkg_write_options_add_formats(CnkgWriteOptions *o, char *list, const char **bad) {
  char *save = NULL;
  for (char *tok = strtok_r(list, ",", &save); tok; tok = strtok_r(NULL, ",", &save))
    if (cnkg_write_options_add_format(o, tok) != 0) {
      *bad = tok;
      return -1;
    }
  return 0;
}

int cnkg_write_options_set_base(CnkgWriteOptions *o, const char *iri) {
  size_t n = strlen(iri);
  const char *colon = strchr(iri, ':');
  if (n == 0 || !colon || colon == iri || (iri[n - 1] != '/' && iri[n - 1] != '#'))
    return -1;
  for (const char *p = iri; *p; p++)
    if ((unsigned char)*p <= 0x20 || (unsigned char)*p >= 0x7f || strchr("<>\"{}|^`\\", *p))
      return -1;
  char *copy = malloc(n + 1);
  if (!copy) return -1;
  memcpy(copy, iri, n + 1);
  free(o->base);
  o->base = copy;
  return 0;
}

int cnkg_write_options_set_provenance(CnkgWriteOptions *o, const char *level) {
  CnkgProvenance p;
  if (cnkg_rdf_provenance_from_name(level, &p)) return -1;
  o->provenance = (int)p;
  return 0;
}

static CnkgStatus write_one(const CnkgGraph *graph, const CnkgWriteOptions *o,
                            CnkgFormat f, CnkgOutput *out, char *err, size_t errsize) {
  if (f == CNKG_FMT_TURTLE || f == CNKG_FMT_NTRIPLES) {
    CnkgRdfOptions ro;
    cnkg_rdf_options_init(&ro);
    ro.format = f == CNKG_FMT_TURTLE ? CNKG_RDF_TURTLE : CNKG_RDF_NTRIPLES;
    if (o->base) ro.base = o->base;
    ro.provenance = (CnkgProvenance)o->provenance;
    return cnkg_rdf_write(graph, &ro, out);
  }
  CnkgDotOptions dopt;
  cnkg_dot_options_init(&dopt);
  dopt.focus = o->focus;
  if (o->depth_set) dopt.depth = o->depth;
  (void)err;
  (void)errsize;
  if (f == CNKG_FMT_DOT) return cnkg_dot_write(graph, &dopt, out);
  if (f == CNKG_FMT_HTML) return cnkg_html_write(graph, &dopt, out);
  return cnkg_svg_write(graph, &dopt, out);
}

int cnkg_write_graph(const CnkgGraph *graph, const CnkgWriteOptions *o,
                     const char *output, char *err, size_t errsize) {
  if (o->output_is_dir && mkdir(output, 0777) != 0 && errno != EEXIST) {
    snprintf(err, errsize, "%s: cannot create output directory: %s", output, strerror(errno));
    return -1;
  }
  for (int f = 0; f < CNKG_FMT_COUNT; f++) {
    if (!o->formats[f]) continue;
    char path[4096];
    if (o->output_is_dir)
      snprintf(path, sizeof path, "%s/%s", output, fmt_files[f]);
    else
      snprintf(path, sizeof path, "%s", output);
    CnkgOutput *out = NULL;
    char oerr[512] = "";
    CnkgStatus s = cnkg_output_new_file(path, &out, oerr, sizeof oerr);
    if (s) {
      snprintf(err, errsize, "%s", oerr[0] ? oerr : cnkg_strerror(s));
      return -1;
    }
    char werr[512] = "";
    s = write_one(graph, o, (CnkgFormat)f, out, werr, sizeof werr);
    CnkgStatus cs = cnkg_output_close(out);
    cnkg_output_free(out);
    if (s || cs) {
      snprintf(err, errsize, "%s: cannot write %s: %s", strcmp(path, "-") ? path : "(stdout)",
               fmt_names[f], werr[0] ? werr : cnkg_strerror(s ? s : cs));
      return -1;
    }
  }
  return 0;
}
