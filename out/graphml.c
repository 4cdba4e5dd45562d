/* SPDX-License-Identifier: Apache-2.0
 * GraphML export (see graphml.h). Text is escaped for XML 1.0: markup
 * characters as entities, and what XML cannot hold at all (most control
 * characters, U+FFFE, U+FFFF, ill-formed UTF-8) as U+FFFD. Depends on
 * include/cnkg/ and out/flat.h. */
#include "out/graphml.h"

#include <stdio.h>
#include <string.h>

#include "cnkg/text.h"
#include "out/flat.h"

static void text(CnkgOutput *out, const char *s) {
  size_t len = strlen(s), i = 0, run = 0;
  while (i < len) {
    size_t at = i;
    unsigned char c = (unsigned char)s[i];
    const char *esc = NULL;
    if (c < 0x80) {
      i++;
      if (c == '&') esc = "&amp;";
      else if (c == '<') esc = "&lt;";
      else if (c == '>') esc = "&gt;";
      else if (c == '"') esc = "&quot;";
      else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') esc = "\xef\xbf\xbd";
      else if (c == '\r') esc = "&#13;"; /* kept through end-of-line handling */
    } else {
      uint32_t cp = cnkg_utf8_next(s, len, &i);
      bool bad = cp == 0xFFFE || cp == 0xFFFF ||
                 (cp == 0xFFFD && !(i - at == 3 && !memcmp(s + at, "\xef\xbf\xbd", 3)));
      if (bad) esc = "\xef\xbf\xbd";
    }
    if (!esc) continue;
    cnkg_output_write(out, s + run, at - run);
    cnkg_output_puts(out, esc);
    run = i;
  }
  cnkg_output_write(out, s + run, len - run);
}

static const char *xml_type(CnkgFlatKind kind) {
  return kind == CNKG_FLAT_INT ? "int" : kind == CNKG_FLAT_BOOL ? "boolean" : "string";
}

/* <key> elements; ids n_<name> and e_<name> keep node and edge keys apart. */
static void keys(CnkgOutput *out, const CnkgFlatColumn *cols, size_t n, const char *for_) {
  for (size_t c = 0; c < n; c++) {
    char line[256];
    snprintf(line, sizeof line, "  <key id=\"%c_%s\" for=\"%s\" attr.name=\"%s\" attr.type=\"%s\"/>\n",
             for_[0], cols[c].name, for_, cols[c].name, xml_type(cols[c].kind));
    cnkg_output_puts(out, line);
  }
}

static void data(CnkgOutput *out, char prefix, const CnkgFlatColumn *col, const char *v) {
  if (!v || (!*v && col->kind != CNKG_FLAT_STRING)) return;
  char open[128];
  snprintf(open, sizeof open, "<data key=\"%c_%s\">", prefix, col->name);
  cnkg_output_puts(out, open);
  text(out, v);
  cnkg_output_puts(out, "</data>");
}

static CnkgStatus write_body(const CnkgGraph *g, CnkgFlat *flat, CnkgOutput *out) {
  size_t nn, ne;
  const CnkgFlatColumn *ncols = cnkg_flat_node_columns(flat, &nn);
  const CnkgFlatColumn *ecols = cnkg_flat_edge_columns(flat, &ne);
  cnkg_output_puts(out,
                   "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                   "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
                   "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
                   "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
                   "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n");
  keys(out, ncols, nn, "node");
  keys(out, ecols, ne, "edge");
  cnkg_output_puts(out, "  <graph id=\"cnkg\" edgedefault=\"directed\">\n");
  for (size_t e = 0; e < cnkg_graph_entity_count(g); e++) {
    const char *const *v;
    CnkgStatus st = cnkg_flat_node(flat, e, &v);
    if (st) return st;
    cnkg_output_puts(out, "    <node id=\"");
    text(out, cnkg_graph_entity(g, e)->key);
    cnkg_output_puts(out, "\">");
    for (size_t c = 0; c < nn; c++) data(out, 'n', &ncols[c], v[c]);
    if ((st = cnkg_output_puts(out, "</node>\n"))) return st;
  }
  size_t id = 0;
  for (size_t r = 0; r < cnkg_graph_relation_count(g); r++) {
    if (!cnkg_flat_is_edge(flat, r)) continue;
    const CnkgRelation *rel = cnkg_graph_relation(g, r);
    const char *const *v;
    CnkgStatus st = cnkg_flat_edge(flat, r, &v);
    if (st) return st;
    char head[48];
    snprintf(head, sizeof head, "    <edge id=\"e%zu\" source=\"", id++);
    cnkg_output_puts(out, head);
    text(out, cnkg_graph_entity(g, rel->subject)->key);
    cnkg_output_puts(out, "\" target=\"");
    text(out, cnkg_graph_entity(g, rel->object)->key);
    cnkg_output_puts(out, "\">");
    for (size_t c = 0; c < ne; c++) data(out, 'e', &ecols[c], v[c]);
    if ((st = cnkg_output_puts(out, "</edge>\n"))) return st;
  }
  cnkg_output_puts(out, "  </graph>\n</graphml>\n");
  return cnkg_output_write(out, "", 0);
}

CnkgStatus cnkg_graphml_write(const CnkgGraph *graph, CnkgOutput *output) {
  if (!graph || !output) return CNKG_ERR_ARG;
  CnkgFlat *flat = NULL;
  CnkgStatus st = cnkg_flat_new(graph, &flat);
  if (!st) st = write_body(graph, flat, output);
  cnkg_flat_free(flat);
  return st;
}
