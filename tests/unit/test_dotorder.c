/* SPDX-License-Identifier: Apache-2.0
 * Regression test for DOT output following heap layout: cgraph wrote
 * subgraphs (county clusters, the legend) in the order of their names'
 * addresses. With several counties the clusters must come in entity order,
 * the legend last, and the bytes must not change when the heap does.
 * Depends on out/dot.h, out_fixture.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "cnkg/graph.h"
#include "cnkg/output.h"
#include "out/dot.h"
#include "out_fixture.h"

static char *dot_of(const CnkgGraph *g) {
  CnkgOutput *out = NULL;
  CHECK(!cnkg_output_new_memory(&out));
  CHECK(cnkg_dot_write(g, NULL, out) == CNKG_SUCCESS);
  return fixture_output_take(out);
}

int main(void) {
  static const char *const counties[] = {"甲县", "乙县", "丙县", "丁县", "戊县",
                                         "己县", "庚县", "辛县"};
  CnkgGraph *g = cnkg_graph_new();
  CHECK(g != NULL);
  if (!g) return check_finish();
  for (size_t i = 0; i < 8; i++) {
    char key[64], vkey[64], vlabel[64];
    size_t c, v;
    snprintf(key, sizeof key, "place/5201%02zu", 20 - i);
    snprintf(vkey, sizeof vkey, "place/5201%02zu100200", 20 - i);
    snprintf(vlabel, sizeof vlabel, "%s村", counties[i]);
    CHECK(!cnkg_graph_add_entity(g, key, CNKG_TYPE_COUNTY, counties[i], &c));
    CHECK(!cnkg_graph_add_entity(g, vkey, CNKG_TYPE_VILLAGE, vlabel, &v));
    CHECK(!cnkg_graph_add_relation(g, v, CNKG_REL_LOCATED_IN, c, NULL, NULL));
  }
  CHECK(!cnkg_graph_canonicalize(g));
  char *first = dot_of(g);
  /* disturb the heap: later allocations land elsewhere */
  void *noise[64];
  for (size_t i = 0; i < 64; i++) noise[i] = malloc(16 + 37 * (i % 7));
  for (size_t i = 0; i < 64; i += 2) free(noise[i]);
  char *second = dot_of(g);
  CHECK(first && second && !strcmp(first, second));
  if (first) {
    const char *at = first, *prev = NULL;
    size_t n = 0;
    while ((at = strstr(at, "subgraph \"cluster_place/"))) {
      if (prev) CHECK(strncmp(prev, at, 36) < 0);  /* ascending keys */
      prev = at;
      at++;
      n++;
    }
    CHECK(n == 8);
    const char *legend = strstr(first, "subgraph cluster_legend");
    CHECK(legend && prev && legend > prev);
  }
  for (size_t i = 1; i < 64; i += 2) free(noise[i]);
  free(first);
  free(second);
  cnkg_graph_free(g);
  return check_finish();
}
