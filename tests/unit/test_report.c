/* SPDX-License-Identifier: Apache-2.0
 * Tests the HTML report writer: one page with Cytoscape.js, the explorer's
 * script, stylesheet and markup inlined (no external reference), JSON data
 * in which no markup character appears raw (nasty labels included), each
 * evidence sentence written once and cited by number, facts with literals
 * and entity objects, file names without directories, the focus option;
 * identical bytes for any merge order; /dev/full fails. Depends on
 * out/report.h and out_fixture.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "cnkg/graph.h"
#include "cnkg/output.h"
#include "out/report.h"

#include "out_fixture.h"

static char *page_of(CnkgGraph *g, const CnkgReportOptions *o) {
  CnkgOutput *out = NULL;
  CHECK(!cnkg_output_new_memory(&out));
  CHECK(cnkg_report_write(g, o, out) == CNKG_SUCCESS);
  return fixture_output_take(out);
}

static size_t count(const char *hay, const char *needle) {
  size_t n = 0;
  for (const char *p = hay; (p = strstr(p, needle)); p += strlen(needle)) n++;
  return n;
}

/* The JSON between the data element's tags (a new string), or NULL. */
static char *data_of(const char *page) {
  const char *data = strstr(page, "id=\"cnkg-data\">");
  const char *end = data ? strstr(data, "</script>") : NULL;
  if (!data || !end) return NULL;
  data += strlen("id=\"cnkg-data\">");
  return strndup(data, (size_t)(end - data));
}

int main(void) {
  CnkgGraph *a = sample_graph(0), *b = sample_graph(1);
  CnkgGraph *ab = cnkg_graph_new(), *ba = cnkg_graph_new();
  CHECK(a && b && ab && ba);
  CHECK(!cnkg_graph_merge(ab, a) && !cnkg_graph_merge(ab, b) && !cnkg_graph_canonicalize(ab));
  CHECK(!cnkg_graph_merge(ba, b) && !cnkg_graph_merge(ba, a) && !cnkg_graph_canonicalize(ba));
  char *p1 = page_of(ab, NULL), *p2 = page_of(ba, NULL);
  CHECK(p1 && p2 && !strcmp(p1, p2));
  if (p1) {
    CHECK(!strncmp(p1, "<!DOCTYPE html>\n", 16));
    CHECK(strstr(p1, "id=\"cnkg-search\"") && strstr(p1, "id=\"cnkg-panel\""));
    CHECK(strstr(p1, "id=\"cnkg-view\"") && strstr(p1, "id=\"cnkg-legend\""));
    /* the library, with its licence notice, and the explorer */
    CHECK(strstr(p1, "Copyright (c) 2016-2026, The Cytoscape Consortium."));
    CHECK(strstr(p1, "cnkgExplorer") && strstr(p1, "#cnkg-side"));
    CHECK(!strstr(p1, "<svg") && !strstr(p1, "<script src") && !strstr(p1, "<link"));
    /* five script/style elements, each closed once */
    CHECK(count(p1, "<script") == 3 && count(p1, "</script>") == 3);
    CHECK(count(p1, "<style>") == 1 && count(p1, "</style>") == 1);
    char *d = data_of(p1);
    CHECK(d != NULL);
    if (d) {
      CHECK(!strchr(d, '<') && !strchr(d, '>'));
      /* nasty label: markup as \u escapes, control characters escaped */
      CHECK(strstr(d, "{\\u003c}\\u003e|") && strstr(d, "\\u0001\\u001f"));
      /* a mention's anchor is cited by number: 0 the label, k alias k */
      CHECK(strstr(d, "\n[\"person/0123456789abcdef\",\"谢丽君\",0,null,[\"谢书记\\\"x\\\"\"],"
                      "[0,40,43,0,1,40,43,0]]"));
      CHECK(strstr(d, "\n[\"place/1504\",\"赤峰市\",2,\"1504\",[],[0,5,8,0,1,5,8,0]]"));
      CHECK(strstr(d, "\"types\":[\"Person\",") && strstr(d, "\"rels\":[\"locatedIn\","));
      CHECK(strstr(d, ",2,-1,\"第一书记\",[0,1]]"));         /* title, a literal */
      CHECK(strstr(d, "\n[13,3,3,null,[0,1]]"));             /* hasIndustry */
      CHECK(strstr(d, "\n[\"a.txt\",") && !strstr(d, "corpus/"));  /* file name only */
      /* the sentence behind a dozen facts in two documents: one text, two
       * occurrences (one per document) */
      CHECK(count(d, "谢丽君是新平村第一书记。") == 1);
      CHECK(strstr(d, "\"sents\":[\n0,0,42,0,\n1,0,42,0]"));
      CHECK(strstr(d, "\"focus\":null,\"depth\":1}"));
      free(d);
    }
    CHECK(strstr(p1, "</html>\n"));
  }
  /* --focus: the page opens on that entity */
  CnkgReportOptions o;
  cnkg_report_options_init(&o);
  o.focus = "place/150421";
  o.depth = 2;
  char *pf = page_of(ab, &o);
  size_t at = 0;
  CHECK(!cnkg_graph_find_entity(ab, "place/150421", &at));
  char want[64];
  snprintf(want, sizeof want, "\"focus\":%zu,\"depth\":2}", at);
  CHECK(pf && strstr(pf, want));
  free(pf);
  o.focus = "place/nowhere";
  CnkgOutput *mem = NULL;
  CHECK(!cnkg_output_new_memory(&mem));
  CHECK(cnkg_report_write(ab, &o, mem) == CNKG_ERR_ARG);
  cnkg_output_free(mem);
  free(p1);
  free(p2);
  FILE *full = fopen("/dev/full", "w");
  if (full) {
    CnkgOutput *out = NULL;
    CHECK(!cnkg_output_new_stream(full, &out));
    CnkgStatus st = cnkg_report_write(ab, NULL, out);
    if (!st) st = cnkg_output_close(out);
    CHECK(st == CNKG_ERR_WRITE);
    cnkg_output_free(out);
    fclose(full);
  }
  CHECK(cnkg_report_write(NULL, NULL, NULL) == CNKG_ERR_ARG);
  cnkg_graph_free(a);
  cnkg_graph_free(b);
  cnkg_graph_free(ab);
  cnkg_graph_free(ba);
  return check_finish();
}
