/* SPDX-License-Identifier: Apache-2.0
 * Shared setup for the writer tests (dot, html, rdf, dotorder): take what a
 * writer put in a memory output as a string, merge the sample graph's two
 * halves, and (opt-in) the sanitizer hooks for tests that run graphviz.
 * Header-only; depends on check.h, sample_graph.h and cnkg/output.h. */
#ifndef CNKG_TEST_OUT_FIXTURE_H
#define CNKG_TEST_OUT_FIXTURE_H

#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "cnkg/graph.h"
#include "cnkg/output.h"
#include "sample_graph.h"

/* Copies the bytes of memory output `out` into a new NUL-terminated string
 * (caller frees; NULL when out of memory) and frees `out`. */
static inline char *fixture_output_take(CnkgOutput *out) {
  size_t len;
  const char *m = cnkg_output_memory(out, &len);
  char *copy = malloc(len + 1);
  if (copy) memcpy(copy, m, len + 1);
  cnkg_output_free(out);
  return copy;
}

/* The sample graph's half `first` merged with the other half, canonical;
 * the caller frees it. */
static inline CnkgGraph *fixture_merged(int first) {
  CnkgGraph *a = sample_graph(first), *b = sample_graph(!first);
  CnkgGraph *m = cnkg_graph_new();
  CHECK_EQ(cnkg_graph_merge(m, a), 0);
  CHECK_EQ(cnkg_graph_merge(m, b), 0);
  CHECK_EQ(cnkg_graph_canonicalize(m), 0);
  cnkg_graph_free(a);
  cnkg_graph_free(b);
  return m;
}

#ifdef OUT_FIXTURE_GRAPHVIZ_HOOKS
/* Under LeakSanitizer: graphviz 2.4x leaks inside its layout engines (dot's
 * virtual edges with clusters) and pango/fontconfig keep caches they never
 * free; those are not cnkg's leaks. cnkg's own frames stay checked. */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void) {
  return "leak:textspan_size\nleak:libfontconfig\nleak:libpango\n"
         "leak:libglib\nleak:libgobject\nleak:libgvplugin_dot_layout\n"
         "leak:libgvplugin_neato_layout\nleak:htmlparse\n";
}

/* Full stacks, so the suppressions above can see graphviz's frames. */
const char *__asan_default_options(void);
const char *__asan_default_options(void) { return "fast_unwind_on_malloc=0"; }
#endif

#endif
