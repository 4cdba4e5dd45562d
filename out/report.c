/* SPDX-License-Identifier: Apache-2.0
 * HTML report writer: one page holding the report's stylesheet and markup,
 * the graph as JSON in a script element (every '<', '>' and '&' escaped, so
 * no data can close it), Cytoscape.js and the explorer script, all inlined
 * from out/report_assets.h. The page draws nothing up front: the script
 * builds overviews, neighbourhoods and paths from the data. Each evidence
 * sentence is written once and referenced by number. Depends on
 * include/cnkg/, out/json.h and out/report_assets.h. */
#include "out/report.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cnkg/intern.h"
#include "out/json.h"
#include "out/report_assets.h"

/* Bumped when the data's layout changes (explorer.js reads it). */
#define DATA_VERSION 3

void cnkg_report_options_init(CnkgReportOptions *options) {
  options->focus = NULL;
  options->depth = 1;
}

/* ---- JSON ------------------------------------------------------------- */

static void json_str(CnkgOutput *out, const char *s) { cnkg_json_string(out, s, true); }

static void json_size(CnkgOutput *out, size_t n) { cnkg_json_size(out, n); }

/* ---- sentences, each kept once --------------------------------------------
 * The same sentence backs many facts (a policy hub's sentence names a dozen
 * places), and the same text recurs across documents: texts are interned,
 * and so are their occurrences (document, offsets, text), which the facts
 * then cite by number, in order of first citation. */

typedef struct {
  size_t doc, begin, end, text;
} Occurrence;

typedef struct {
  CnkgIntern texts; /* sentence texts */
  CnkgIntern occ;   /* Occurrence records */
} Sentences;

/* The number of evidence ev's sentence, entered if new. */
static bool sentence_index(Sentences *s, const CnkgEvidence *ev, size_t *index) {
  Occurrence o = {ev->doc, ev->begin, ev->end, SIZE_MAX};
  if (ev->sentence &&
      cnkg_intern_add(&s->texts, ev->sentence, strlen(ev->sentence), &o.text))
    return false;
  return !cnkg_intern_add(&s->occ, &o, sizeof o, index);
}

static void sentences_clear(Sentences *s) {
  cnkg_intern_free(&s->texts);
  cnkg_intern_free(&s->occ);
}

/* ---- the data -------------------------------------------------------------
 * {"v", "types", "rels", "typeInfo": [[zh, colour, shape, what]], "relInfo":
 *  [[zh, group, cost]], "costs": {"chain", "perBit"}, "docs": [[file, title,
 *  issued]], "ents": [[key, label, type, code, [aliases], [doc, begin, end,
 *  anchor, ...]]], "facts": [[subject, rel, object or -1, literal,
 *  [sentence...]]], "sents": [doc, begin, end, text or -1, ...], "texts":
 *  [...], "focus", "depth"}.
 * A mention's anchor is 0 for the label, k for alias k, or the text. */

static void write_entity(CnkgOutput *out, const CnkgEntity *e) {
  cnkg_output_puts(out, "[");
  json_str(out, e->key);
  cnkg_output_puts(out, ",");
  json_str(out, e->label ? e->label : e->key);
  cnkg_output_puts(out, ",");
  json_size(out, (size_t)e->type);
  cnkg_output_puts(out, ",");
  json_str(out, e->code);
  cnkg_output_puts(out, ",[");
  for (size_t a = 0; a < e->n_aliases; a++) {
    if (a) cnkg_output_puts(out, ",");
    json_str(out, e->aliases[a]);
  }
  cnkg_output_puts(out, "],[");
  for (size_t m = 0; m < e->n_mentions; m++) {
    const CnkgMention *mn = &e->mentions[m];
    if (m) cnkg_output_puts(out, ",");
    json_size(out, mn->doc);
    cnkg_output_puts(out, ",");
    json_size(out, mn->begin);
    cnkg_output_puts(out, ",");
    json_size(out, mn->end);
    cnkg_output_puts(out, ",");
    const char *anchor = mn->anchor ? mn->anchor : "";
    size_t which = SIZE_MAX;
    if (e->label && !strcmp(anchor, e->label)) which = 0;
    for (size_t a = 0; which == SIZE_MAX && a < e->n_aliases; a++)
      if (!strcmp(anchor, e->aliases[a])) which = a + 1;
    if (which != SIZE_MAX) json_size(out, which);
    else json_str(out, anchor);
  }
  cnkg_output_puts(out, "]]");
}

static CnkgStatus write_fact(CnkgOutput *out, const CnkgRelation *r, Sentences *s) {
  cnkg_output_puts(out, "[");
  json_size(out, r->subject);
  cnkg_output_puts(out, ",");
  json_size(out, (size_t)r->rel);
  if (r->object != SIZE_MAX && !r->literal) {
    cnkg_output_puts(out, ",");
    json_size(out, r->object);
    cnkg_output_puts(out, ",null,[");
  } else {
    cnkg_output_puts(out, ",-1,");
    json_str(out, r->literal ? r->literal : "");
    cnkg_output_puts(out, ",[");
  }
  for (size_t v = 0; v < r->n_evidence; v++) {
    size_t at;
    if (!sentence_index(s, &r->evidence[v], &at)) return CNKG_ERR_NOMEM;
    if (v) cnkg_output_puts(out, ",");
    json_size(out, at);
  }
  cnkg_output_puts(out, "]]");
  return CNKG_SUCCESS;
}

static void write_sentences(CnkgOutput *out, const Sentences *s) {
  cnkg_output_puts(out, "],\n\"sents\":[");
  for (size_t i = 0; i < cnkg_intern_count(&s->occ); i++) {
    Occurrence o;
    memcpy(&o, cnkg_intern_key(&s->occ, i, NULL), sizeof o);
    cnkg_output_puts(out, i ? ",\n" : "\n");
    json_size(out, o.doc);
    cnkg_output_puts(out, ",");
    json_size(out, o.begin);
    cnkg_output_puts(out, ",");
    json_size(out, o.end);
    cnkg_output_puts(out, ",");
    if (o.text == SIZE_MAX) cnkg_output_puts(out, "-1");
    else json_size(out, o.text);
  }
  cnkg_output_puts(out, "],\n\"texts\":[");
  for (size_t i = 0; i < cnkg_intern_count(&s->texts); i++) {
    cnkg_output_puts(out, i ? ",\n" : "\n");
    json_str(out, cnkg_intern_key(&s->texts, i, NULL));
  }
  cnkg_output_puts(out, "]");
}

/* How the explorer shows each kind and ranks paths, from the kinds table
 * (core/kinds.c), so that a new kind needs no change in explorer.js:
 * a type's short Chinese label, fill colour, GraphViz shape and what it is
 * ("place", "concept" or ""); a relation's Chinese label, the group its
 * edges are drawn in ("place": containment, "concept": industries, policies
 * and indicators, "person": posts and the rest) and its step cost; "costs":
 * the cost of a chain step and, per bit of an entity's number of non-chain
 * links, of passing through it (cnkg_path_toll). */
static void write_vocabulary(CnkgOutput *out) {
  cnkg_output_puts(out, ",\n\"typeInfo\":[");
  for (int t = 0; t < CNKG_TYPE_COUNT; t++) {
    const CnkgTypeInfo *ti = cnkg_type_info((CnkgType)t);
    cnkg_output_puts(out, t ? ",[" : "[");
    json_str(out, ti->draw.label);
    cnkg_output_puts(out, ",");
    json_str(out, ti->draw.color);
    cnkg_output_puts(out, ",");
    json_str(out, ti->draw.shape);
    cnkg_output_puts(out, ti->is_place     ? ",\"place\"]"
                          : ti->is_concept ? ",\"concept\"]"
                                           : ",\"\"]");
  }
  cnkg_output_puts(out, "],\n\"relInfo\":[");
  for (int r = 0; r < CNKG_REL_COUNT; r++) {
    const CnkgRelInfo *ri = cnkg_rel_info((CnkgRel)r);
    cnkg_output_puts(out, r ? ",[" : "[");
    json_str(out, ri->zh);
    cnkg_output_puts(out, ri->contains ? ",\"place\","
                          : ri->link == CNKG_LINK_CONCEPT ? ",\"concept\"," : ",\"person\",");
    json_size(out, cnkg_rel_step_cost((CnkgRel)r));
    cnkg_output_puts(out, "]");
  }
  cnkg_output_puts(out, "],\"costs\":{\"chain\":");
  json_size(out, CNKG_COST_CHAIN);
  cnkg_output_puts(out, ",\"perBit\":");
  json_size(out, CNKG_COST_PER_BIT);
  cnkg_output_puts(out, "}");
}

static CnkgStatus write_json(const CnkgGraph *g, size_t focus, unsigned depth,
                             CnkgOutput *out) {
  char head[64];
  snprintf(head, sizeof head, "{\"v\":%d,\"types\":[", DATA_VERSION);
  cnkg_output_puts(out, head);
  for (int t = 0; t < CNKG_TYPE_COUNT; t++) {
    if (t) cnkg_output_puts(out, ",");
    json_str(out, cnkg_type_name((CnkgType)t));
  }
  cnkg_output_puts(out, "],\"rels\":[");
  for (int r = 0; r < CNKG_REL_COUNT; r++) {
    if (r) cnkg_output_puts(out, ",");
    json_str(out, cnkg_rel_name((CnkgRel)r));
  }
  cnkg_output_puts(out, "]");
  write_vocabulary(out);
  cnkg_output_puts(out, ",\n\"docs\":[");
  for (size_t d = 0; d < cnkg_graph_document_count(g); d++) {
    const CnkgDocument *doc = cnkg_graph_document(g, d);
    cnkg_output_puts(out, d ? ",\n[" : "\n[");
    /* the file's name, as in the RDF's dcterms:source: not where cnkg ran */
    const char *slash = doc->path ? strrchr(doc->path, '/') : NULL;
    json_str(out, slash ? slash + 1 : doc->path);
    cnkg_output_puts(out, ",");
    json_str(out, doc->title);
    cnkg_output_puts(out, ",");
    json_str(out, doc->issued); /* the explorer's timeline */
    cnkg_output_puts(out, "]");
  }
  cnkg_output_puts(out, "],\n\"ents\":[");
  for (size_t e = 0; e < cnkg_graph_entity_count(g); e++) {
    cnkg_output_puts(out, e ? ",\n" : "\n");
    write_entity(out, cnkg_graph_entity(g, e));
  }
  cnkg_output_puts(out, "],\n\"facts\":[");
  Sentences s = {0};
  CnkgStatus st = CNKG_SUCCESS;
  for (size_t r = 0; r < cnkg_graph_relation_count(g) && !st; r++) {
    cnkg_output_puts(out, r ? ",\n" : "\n");
    st = write_fact(out, cnkg_graph_relation(g, r), &s);
  }
  if (!st) write_sentences(out, &s);
  sentences_clear(&s);
  if (st) return st;
  cnkg_output_puts(out, ",\n\"focus\":");
  if (focus == SIZE_MAX) cnkg_output_puts(out, "null");
  else json_size(out, focus);
  cnkg_output_puts(out, ",\"depth\":");
  json_size(out, depth);
  cnkg_output_puts(out, "}");
  return CNKG_SUCCESS;
}

/* ---- the page ------------------------------------------------------------- */

static const char page_head[] =
    "<!DOCTYPE html>\n<html lang=\"zh\">\n<head>\n<meta charset=\"utf-8\">\n"
    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    "<meta name=\"generator\" content=\"cnkg " CNKG_VERSION "\">\n"
    "<title>cnkg knowledge graph</title>\n<style>\n";

CnkgStatus cnkg_report_write(const CnkgGraph *graph, const CnkgReportOptions *options,
                           CnkgOutput *output) {
  if (!graph || !output) return CNKG_ERR_ARG;
  CnkgReportOptions defaults;
  cnkg_report_options_init(&defaults);
  if (!options) options = &defaults;
  size_t focus = SIZE_MAX;
  if (options->focus && cnkg_graph_find_entity(graph, options->focus, &focus) != CNKG_SUCCESS)
    return CNKG_ERR_ARG;
  cnkg_output_puts(output, page_head);
  cnkg_output_write(output, cnkg_report_explorer_css, cnkg_report_explorer_css_len);
  cnkg_output_puts(output, "</style>\n</head>\n<body>\n");
  cnkg_output_write(output, cnkg_report_explorer_html, cnkg_report_explorer_html_len);
  cnkg_output_puts(output, "<script type=\"application/json\" id=\"cnkg-data\">");
  CnkgStatus st = write_json(graph, focus, options->depth, output);
  if (st) return st;
  cnkg_output_puts(output, "</script>\n<script>\n");
  cnkg_output_write(output, cnkg_report_cytoscape, cnkg_report_cytoscape_len);
  cnkg_output_puts(output, "\n</script>\n<script>\n");
  cnkg_output_write(output, cnkg_report_explorer_js, cnkg_report_explorer_js_len);
  cnkg_output_puts(output, "</script>\n</body>\n</html>\n");
  return cnkg_output_write(output, "", 0);
}
