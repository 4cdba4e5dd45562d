/* SPDX-License-Identifier: Apache-2.0
 * libFuzzer harness for the extractor on one document, then every writer:
 * the first byte picks --fast or the LAC analyser (when lac.model is found
 * via $CNKG_DATA or data/ beside the binary), plain text or HTML, and
 * one document or several (the rest cut at each byte 0x1E, up to 16, all
 * extracted in one cnkg_worker_documents call, as build does short
 * documents); the rest is the document. Depends on extractor/extract.h, core graph and
 * output, out/rdf.h and out/dot.h; aborts when a stage fails other than by
 * rejecting the text. */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cnkg/graph.h"
#include "cnkg/output.h"
#include "extractor/extract.h"
#include "out/dot.h"
#include "out/rdf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef struct {
  CnkgExtractor *ex;
  CnkgWorker *w;
} Engine;

static bool engine_new(bool fast, Engine *e) {
  char err[1024];
  CnkgExtractorConfig cfg = {NULL, fast};
  if (cnkg_extractor_new(&cfg, &e->ex, err, sizeof err) != CNKG_SUCCESS) return false;
  if (cnkg_worker_new(e->ex, &e->w, err, sizeof err) != CNKG_SUCCESS) abort();
  return true;
}

static void write_all(const CnkgGraph *g) {
  for (int f = 0; f < 3; f++) {
    CnkgOutput *out = NULL;
    if (cnkg_output_new_memory(&out) != CNKG_SUCCESS) abort();
    CnkgStatus s;
    if (f < 2) {
      CnkgRdfOptions ro;
      cnkg_rdf_options_init(&ro);
      ro.format = f == 0 ? CNKG_RDF_TURTLE : CNKG_RDF_NTRIPLES;
      s = cnkg_rdf_write(g, &ro, out);
    } else {
      CnkgDotOptions dopt;
      cnkg_dot_options_init(&dopt);
      s = cnkg_dot_write(g, &dopt, out);
    }
    if (s != CNKG_SUCCESS || cnkg_output_close(out) != CNKG_SUCCESS) abort();
    size_t len = 0;
    const char *bytes = cnkg_output_memory(out, &len);
    if (!bytes || memchr(bytes, '\0', len)) abort();
    cnkg_output_free(out);
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static int ready;
  static Engine fast, lac;
  static bool have_fast, have_lac;
  if (!ready) {
    ready = 1;
    have_fast = engine_new(true, &fast);
    have_lac = engine_new(false, &lac);
  }
  if (size == 0) return 0;
  unsigned mode = data[0];
  const Engine *e = (mode & 1) && have_lac ? &lac : have_fast ? &fast : NULL;
  if (!e) return 0;  /* no division index: nothing to exercise */
  const char *name = mode & 2 ? "fuzz.html" : "fuzz.txt";
  if (mode & 4) {
    CnkgWorkerDoc docs[16];
    size_t n = 0;
    const uint8_t *p = data + 1, *end = data + size;
    while (n < 16) {
      const uint8_t *cut = n < 15 ? memchr(p, 0x1E, (size_t)(end - p)) : NULL;
      const uint8_t *e2 = cut ? cut : end;
      CnkgGraph *g = cnkg_graph_new();
      if (!g) abort();
      docs[n++] = (CnkgWorkerDoc){name, p, (size_t)(e2 - p), g, CNKG_ERR_INTERNAL};
      if (!cut) break;
      p = cut + 1;
    }
    if (cnkg_worker_documents(e->w, docs, n, NULL) != CNKG_SUCCESS) abort();
    for (size_t k = 0; k < n; k++) {
      if (docs[k].status == CNKG_SUCCESS) {
        if (cnkg_graph_canonicalize(docs[k].graph) != CNKG_SUCCESS) abort();
        write_all(docs[k].graph);
      } else if (docs[k].status != CNKG_ERR_TEXT) {
        abort();
      }
      cnkg_graph_free(docs[k].graph);
    }
    return 0;
  }
  CnkgGraph *g = cnkg_graph_new();
  if (!g) abort();
  CnkgStatus s = cnkg_worker_document(e->w, name, data + 1, size - 1, NULL, g);
  if (s == CNKG_SUCCESS) {
    if (cnkg_graph_canonicalize(g) != CNKG_SUCCESS) abort();
    write_all(g);
  } else if (s != CNKG_ERR_TEXT) {
    abort();
  }
  cnkg_graph_free(g);
  return 0;
}
