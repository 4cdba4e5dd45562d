/* SPDX-License-Identifier: Apache-2.0
 * Tests the HTML report writer: one page with the inline SVG (no XML
 * declaration), JSON data in which no markup character appears raw (nasty
 * labels included), facts in both directions, the script; identical bytes
 * for any merge order; /dev/full fails. Depends on out/html.h and
 * out_fixture.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "cnkg/graph.h"
#include "cnkg/output.h"
#include "out/html.h"

#define OUT_FIXTURE_GRAPHVIZ_HOOKS
#include "out_fixture.h"

static char *page_of(CnkgGraph *g) {
  CnkgOutput *out = NULL;
  CHECK(!cnkg_output_new_memory(&out));
  CHECK(cnkg_html_write(g, NULL, out) == CNKG_SUCCESS);
  return fixture_output_take(out);
}

int main(void) {
  CnkgGraph *a = sample_graph(0), *b = sample_graph(1);
  CnkgGraph *ab = cnkg_graph_new(), *ba = cnkg_graph_new();
  CHECK(a && b && ab && ba);
  CHECK(!cnkg_graph_merge(ab, a) && !cnkg_graph_merge(ab, b) && !cnkg_graph_canonicalize(ab));
  CHECK(!cnkg_graph_merge(ba, b) && !cnkg_graph_merge(ba, a) && !cnkg_graph_canonicalize(ba));
  char *p1 = page_of(ab), *p2 = page_of(ba);
  CHECK(p1 && p2 && !strcmp(p1, p2));
  if (p1) {
    CHECK(!strncmp(p1, "<!DOCTYPE html>\n", 16));
    CHECK(strstr(p1, "<svg") && !strstr(p1, "<?xml") && !strstr(p1, "<!DOCTYPE svg"));
    CHECK(strstr(p1, "id=\"cnkg-search\"") && strstr(p1, "id=\"cnkg-panel\""));
    const char *data = strstr(p1, "id=\"cnkg-data\">");
    const char *end = data ? strstr(data, "</script>") : NULL;
    CHECK(data && end);
    if (data && end) {
      data += strlen("id=\"cnkg-data\">");
      CHECK(memchr(data, '<', (size_t)(end - data)) == NULL);
      CHECK(memchr(data, '>', (size_t)(end - data)) == NULL);
      /* nasty label: markup as \u escapes, control characters escaped */
      char *d = strndup(data, (size_t)(end - data));
      CHECK(d && strstr(d, "{\\u003c}\\u003e|") && strstr(d, "\\u0001\\u001f"));
      CHECK(d && strstr(d, "\"person/0123456789abcdef\":{\"l\":"));
      /* the village: its own facts and the person's fact pointing at it */
      CHECK(d && strstr(d, "[1,\"hasIndustry\",\"industry/0123456789abcdef\",null,[[0,0,42,"));
      CHECK(d && strstr(d, "[0,\"associatedWith\",\"person/0123456789abcdef\",null,"));
      CHECK(d && strstr(d, "[1,\"title\",null,\"第一书记\","));
      CHECK(d && strstr(d, "{\"path\":\"a.txt\","));  /* file name only */
      free(d);
    }
    CHECK(strstr(p1, "JSON.parse") && strstr(p1, "</html>\n"));
  }
  free(p1);
  free(p2);
  FILE *full = fopen("/dev/full", "w");
  if (full) {
    CnkgOutput *out = NULL;
    CHECK(!cnkg_output_new_stream(full, &out));
    CnkgStatus st = cnkg_html_write(ab, NULL, out);
    if (!st) st = cnkg_output_close(out);
    CHECK(st == CNKG_ERR_WRITE);
    cnkg_output_free(out);
    fclose(full);
  }
  CHECK(cnkg_html_write(NULL, NULL, NULL) == CNKG_ERR_ARG);
  cnkg_graph_free(a);
  cnkg_graph_free(b);
  cnkg_graph_free(ab);
  cnkg_graph_free(ba);
  return check_finish();
}
