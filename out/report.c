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

#include "out/json.h"
#include "out/report_assets.h"

/* Bumped when the data's layout changes (explorer.js reads it). */
#define DATA_VERSION 2

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
  const char **texts; /* borrowed from the graph */
  size_t n_texts, cap_texts;
  Occurrence *occ;
  size_t n_occ, cap_occ;
  size_t *text_slots, *occ_slots; /* index + 1; 0: empty; power-of-two sizes */
  size_t n_text_slots, n_occ_slots;
} Sentences;

static uint64_t mix(uint64_t h, uint64_t v) {
  h ^= v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
  return h;
}

static uint64_t hash_text(const char *s) {
  uint64_t h = 1469598103934665603ull;
  for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211ull;
  return h;
}

static uint64_t hash_occ(const Occurrence *o) {
  return mix(mix(mix(mix(0, o->doc), o->begin), o->end), o->text);
}

/* Doubles a slot table (or makes it) and re-enters n items hashed by
 * hash(item i). false when out of memory. */
static bool grow_slots(size_t **slots, size_t *n_slots, size_t n, const Sentences *s,
                       bool occ) {
  size_t ns = *n_slots ? *n_slots * 2 : 1024;
  size_t *t = calloc(ns, sizeof *t);
  if (!t) return false;
  for (size_t i = 0; i < n; i++) {
    uint64_t h = occ ? hash_occ(&s->occ[i]) : hash_text(s->texts[i]);
    size_t at = (size_t)h & (ns - 1);
    while (t[at]) at = (at + 1) & (ns - 1);
    t[at] = i + 1;
  }
  free(*slots);
  *slots = t;
  *n_slots = ns;
  return true;
}

static bool text_index(Sentences *s, const char *text, size_t *index) {
  if (2 * (s->n_texts + 1) > s->n_text_slots &&
      !grow_slots(&s->text_slots, &s->n_text_slots, s->n_texts, s, false))
    return false;
  size_t at = (size_t)hash_text(text) & (s->n_text_slots - 1);
  for (; s->text_slots[at]; at = (at + 1) & (s->n_text_slots - 1))
    if (!strcmp(s->texts[s->text_slots[at] - 1], text)) {
      *index = s->text_slots[at] - 1;
      return true;
    }
  if (s->n_texts == s->cap_texts) {
    size_t nc = s->cap_texts ? s->cap_texts * 2 : 256;
    const char **p = realloc(s->texts, nc * sizeof *p);
    if (!p) return false;
    s->texts = p;
    s->cap_texts = nc;
  }
  s->texts[s->n_texts] = text;
  s->text_slots[at] = ++s->n_texts;
  *index = s->n_texts - 1;
  return true;
}

/* The number of evidence ev's sentence, entered if new. */
static bool sentence_index(Sentences *s, const CnkgEvidence *ev, size_t *index) {
  Occurrence o = {ev->doc, ev->begin, ev->end, SIZE_MAX};
  if (ev->sentence && !text_index(s, ev->sentence, &o.text)) return false;
  if (2 * (s->n_occ + 1) > s->n_occ_slots &&
      !grow_slots(&s->occ_slots, &s->n_occ_slots, s->n_occ, s, true))
    return false;
  size_t at = (size_t)hash_occ(&o) & (s->n_occ_slots - 1);
  for (; s->occ_slots[at]; at = (at + 1) & (s->n_occ_slots - 1))
    if (!memcmp(&s->occ[s->occ_slots[at] - 1], &o, sizeof o)) {
      *index = s->occ_slots[at] - 1;
      return true;
    }
  if (s->n_occ == s->cap_occ) {
    size_t nc = s->cap_occ ? s->cap_occ * 2 : 256;
    Occurrence *p = realloc(s->occ, nc * sizeof *p);
    if (!p) return false;
    s->occ = p;
    s->cap_occ = nc;
  }
  s->occ[s->n_occ] = o;
  s->occ_slots[at] = ++s->n_occ;
  *index = s->n_occ - 1;
  return true;
}

static void sentences_clear(Sentences *s) {
  free(s->texts);
  free(s->occ);
  free(s->text_slots);
  free(s->occ_slots);
}

/* ---- the data -------------------------------------------------------------
 * {"v", "types", "rels", "docs": [[file, title, issued]], "ents": [[key, label,
 *  type, code, [aliases], [doc, begin, end, anchor, ...]]], "facts":
 *  [[subject, rel, object or -1, literal, [sentence...]]], "sents": [doc,
 *  begin, end, text or -1, ...], "texts": [...], "focus", "depth"}.
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
  for (size_t i = 0; i < s->n_occ; i++) {
    const Occurrence *o = &s->occ[i];
    cnkg_output_puts(out, i ? ",\n" : "\n");
    json_size(out, o->doc);
    cnkg_output_puts(out, ",");
    json_size(out, o->begin);
    cnkg_output_puts(out, ",");
    json_size(out, o->end);
    cnkg_output_puts(out, ",");
    if (o->text == SIZE_MAX) cnkg_output_puts(out, "-1");
    else json_size(out, o->text);
  }
  cnkg_output_puts(out, "],\n\"texts\":[");
  for (size_t i = 0; i < s->n_texts; i++) {
    cnkg_output_puts(out, i ? ",\n" : "\n");
    json_str(out, s->texts[i]);
  }
  cnkg_output_puts(out, "]");
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
  cnkg_output_puts(out, "],\n\"docs\":[");
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
