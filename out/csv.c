/* SPDX-License-Identifier: Apache-2.0
 * CSV export for Neo4j's bulk importer and pandas (see csv.h). Depends on
 * include/cnkg/ and out/flat.h. */
#include "out/csv.h"

#include <string.h>

#include "cnkg/text.h"
#include "out/flat.h"

/* One field: quoted when it holds a comma, quote, line break or leading or
 * trailing space (RFC 4180), quotes doubled; ill-formed UTF-8 as U+FFFD. */
static void field(CnkgOutput *out, const char *s) {
  if (!s) return;
  size_t len = strlen(s);
  bool quote = len && (s[0] == ' ' || s[len - 1] == ' ');
  for (size_t i = 0; i < len && !quote; i++) quote = strchr(",\"\r\n", s[i]) != NULL;
  if (quote) cnkg_output_puts(out, "\"");
  size_t i = 0, run = 0;
  while (i < len) {
    size_t at = i;
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) {
      i++;
      if (c != '"') continue;
      cnkg_output_write(out, s + run, i - run);
      cnkg_output_puts(out, "\"");
      run = i;
      continue;
    }
    uint32_t cp = cnkg_utf8_next(s, len, &i);
    if (cp != 0xFFFD || (i - at == 3 && !memcmp(s + at, "\xef\xbf\xbd", 3))) continue;
    cnkg_output_write(out, s + run, at - run);
    cnkg_output_puts(out, "\xef\xbf\xbd");
    run = i;
  }
  cnkg_output_write(out, s + run, len - run);
  if (quote) cnkg_output_puts(out, "\"");
}

static const char *suffix(CnkgFlatKind kind) {
  switch (kind) {
  case CNKG_FLAT_LIST: return ":string[]";
  case CNKG_FLAT_INT: return ":int";
  case CNKG_FLAT_BOOL: return ":boolean";
  default: return "";
  }
}

static CnkgStatus write_nodes(const CnkgGraph *g, CnkgFlat *flat, CnkgOutput *out) {
  size_t nc;
  const CnkgFlatColumn *cols = cnkg_flat_node_columns(flat, &nc);
  cnkg_output_puts(out, "id:ID");
  for (size_t c = 0; c < nc; c++) {
    cnkg_output_puts(out, ",");
    cnkg_output_puts(out, cols[c].name);
    cnkg_output_puts(out, suffix(cols[c].kind));
    if (c == 0) cnkg_output_puts(out, ",:LABEL");
  }
  cnkg_output_puts(out, "\n");
  for (size_t e = 0; e < cnkg_graph_entity_count(g); e++) {
    const CnkgEntity *ent = cnkg_graph_entity(g, e);
    const char *const *v;
    CnkgStatus st = cnkg_flat_node(flat, e, &v);
    if (st) return st;
    field(out, ent->key);
    for (size_t c = 0; c < nc; c++) {
      cnkg_output_puts(out, ",");
      field(out, v[c]);
      if (c == 0) {
        cnkg_output_puts(out, ",");
        cnkg_output_puts(out, cnkg_type_name(ent->type));
        if (cnkg_type_is_place(ent->type)) cnkg_output_puts(out, ";Place");
      }
    }
    if ((st = cnkg_output_puts(out, "\n"))) return st;
  }
  return cnkg_output_write(out, "", 0);
}

static CnkgStatus write_edges(const CnkgGraph *g, CnkgFlat *flat, CnkgOutput *out) {
  size_t nc;
  const CnkgFlatColumn *cols = cnkg_flat_edge_columns(flat, &nc);
  /* the first column, the relation, is the edge's :TYPE */
  cnkg_output_puts(out, ":START_ID,:END_ID,:TYPE");
  for (size_t c = 1; c < nc; c++) {
    cnkg_output_puts(out, ",");
    cnkg_output_puts(out, cols[c].name);
    cnkg_output_puts(out, suffix(cols[c].kind));
  }
  cnkg_output_puts(out, "\n");
  for (size_t r = 0; r < cnkg_graph_relation_count(g); r++) {
    if (!cnkg_flat_is_edge(flat, r)) continue;
    const CnkgRelation *rel = cnkg_graph_relation(g, r);
    const char *const *v;
    CnkgStatus st = cnkg_flat_edge(flat, r, &v);
    if (st) return st;
    field(out, cnkg_graph_entity(g, rel->subject)->key);
    cnkg_output_puts(out, ",");
    field(out, cnkg_graph_entity(g, rel->object)->key);
    for (size_t c = 0; c < nc; c++) {
      cnkg_output_puts(out, ",");
      field(out, v[c]);
    }
    if ((st = cnkg_output_puts(out, "\n"))) return st;
  }
  return cnkg_output_write(out, "", 0);
}

CnkgStatus cnkg_csv_write(const CnkgGraph *graph, CnkgOutput *nodes, CnkgOutput *edges) {
  if (!graph || !nodes || !edges) return CNKG_ERR_ARG;
  CnkgFlat *flat = NULL;
  CnkgStatus st = cnkg_flat_new(graph, &flat);
  if (!st) st = write_nodes(graph, flat, nodes);
  if (!st) st = write_edges(graph, flat, edges);
  cnkg_flat_free(flat);
  return st;
}
