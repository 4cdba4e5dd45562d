/* SPDX-License-Identifier: Apache-2.0
 * Tests the GraphML export (out/graphml.h): well-formed XML (libxml2 reads
 * it) with typed keys, a node per entity keyed by its entity key, an edge
 * per relation between entities, markup escaped and characters XML cannot
 * hold replaced; identical bytes for any merge order; /dev/full fails. */
#include <libxml/parser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "cnkg/graph.h"
#include "cnkg/output.h"
#include "out/graphml.h"
#include "out_fixture.h"

static char *doc_of(const CnkgGraph *g) {
  CnkgOutput *out = NULL;
  CHECK(!cnkg_output_new_memory(&out));
  CHECK(cnkg_graphml_write(g, out) == CNKG_SUCCESS);
  return fixture_output_take(out);
}

static size_t count(const char *hay, const char *needle) {
  size_t n = 0;
  for (const char *p = hay; p && (p = strstr(p, needle)); p += strlen(needle)) n++;
  return n;
}

int main(void) {
  CnkgGraph *a = sample_graph(0), *b = sample_graph(1);
  CnkgGraph *ab = cnkg_graph_new(), *ba = cnkg_graph_new();
  CHECK(!cnkg_graph_merge(ab, a) && !cnkg_graph_merge(ab, b) && !cnkg_graph_canonicalize(ab));
  CHECK(!cnkg_graph_merge(ba, b) && !cnkg_graph_merge(ba, a) && !cnkg_graph_canonicalize(ba));
  char *x1 = doc_of(ab), *x2 = doc_of(ba);
  CHECK(x1 && x2 && !strcmp(x1, x2));
  if (x1) {
    xmlDocPtr doc = xmlReadMemory(x1, (int)strlen(x1), "g.graphml", NULL, XML_PARSE_NONET);
    CHECK(doc != NULL);
    xmlFreeDoc(doc);
    CHECK(strstr(x1, "<key id=\"n_mentions\" for=\"node\" attr.name=\"mentions\" attr.type=\"int\"/>"));
    CHECK(strstr(x1, "<key id=\"n_fromDivisionList\" for=\"node\" attr.name=\"fromDivisionList\" "
                     "attr.type=\"boolean\"/>"));
    CHECK(strstr(x1, "<key id=\"e_relation\" for=\"edge\" attr.name=\"relation\" attr.type=\"string\"/>"));
    CHECK(strstr(x1, "<graph id=\"cnkg\" edgedefault=\"directed\">"));
    CHECK(strstr(x1, "<node id=\"person/0123456789abcdef\"><data key=\"n_label\">谢丽君</data>"
                     "<data key=\"n_type\">Person</data><data key=\"n_aliases\">谢书记&quot;x&quot;</data>"
                     "<data key=\"n_title\">第一书记</data>"));
    /* markup escaped; \x01 \x1f (not XML characters) replaced */
    CHECK(strstr(x1, "\\N\\G\\L{&lt;}&gt;|</data>"));
    CHECK(strstr(x1, "制表\t\xef\xbf\xbd\xef\xbf\xbd"));
    CHECK(strstr(x1, "<edge id=\"e0\" source=\""));
    CHECK(count(x1, "<node ") == cnkg_graph_entity_count(ab));
    size_t edges = 0;
    for (size_t r = 0; r < cnkg_graph_relation_count(ab); r++)
      edges += !cnkg_graph_relation(ab, r)->literal;
    CHECK(edges > 10 && count(x1, "<edge ") == edges);
    CHECK(strstr(x1, "</graph>\n</graphml>\n"));
  }
  free(x1);
  free(x2);
  FILE *full = fopen("/dev/full", "w");
  if (full) {
    CnkgOutput *fo = NULL;
    CHECK(!cnkg_output_new_stream(full, &fo));
    CnkgStatus st = cnkg_graphml_write(ab, fo);
    if (!st) st = cnkg_output_close(fo);
    CHECK(st == CNKG_ERR_WRITE);
    cnkg_output_free(fo);
    fclose(full);
  }
  CHECK(cnkg_graphml_write(NULL, NULL) == CNKG_ERR_ARG);
  cnkg_graph_free(a);
  cnkg_graph_free(b);
  cnkg_graph_free(ab);
  cnkg_graph_free(ba);
  xmlCleanupParser();
  return check_finish();
}
