/* SPDX-License-Identifier: Apache-2.0
 * Place recogniser: finds provinces, prefectures, counties, townships and
 * villages in a document (division-list names, short forms, address chains,
 * LAC place words with an administrative suffix, enumerations of villages),
 * links each to its official code when the document's own context decides
 * it, and builds the locatedIn hierarchy, completed from the list. This file
 * holds its lifecycle and the run that calls place_find.c (recognition),
 * place_link.c (linking) and place_tree.c (hierarchy) in turn.
 * Depends on docstate.h, division.h, lac.h, graph.h and pcre2. */
#include <stdio.h>

#include "extractor/place_int.h"
#include "extractor/regex.h"

/* Bounds on pcre2's work per match (backtracking guard). */
#define MATCH_LIMIT 200000u
#define DEPTH_LIMIT 5000u

/* ----------------------------------------------------------- lifecycle */

CnkgStatus cnkg_place_new(const CnkgDivision *division, CnkgPlaceRecognizer **out,
                          char *err, size_t errsize) {
  if (!out) return CNKG_ERR_ARG;
  *out = NULL;
  if (!division) {
    if (err && errsize) snprintf(err, errsize, "place recogniser: no division list");
    return CNKG_ERR_ARG;
  }
  CnkgPlaceRecognizer *r = calloc(1, sizeof *r);
  if (!r) return CNKG_ERR_NOMEM;
  r->div = division;
  /* Items of 1-6 Han characters joined by 、, then a count of villages or
   * townships (5个贫困村, 三个行政村, 4个乡镇, 2个村委会) or
   * 行政村/自然村 directly, or 等村组 (villages and their groups). Group 1:
   * the items; groups 2 to 5: the kind. */
  static const char pat[] =
      "((?:\\p{Han}{1,6}、){1,15}\\p{Han}{1,6}?)等?"
      "(?:(?:[0-9]+|[一二三四五六七八九十两]+)个[^，。；、,;：:省市区州县乡镇村]{0,10}?"
      "(村委会|村|乡镇|乡|镇|嘎查|社区|县|旗)|(?:行政|自然)(村)|(?:扶贫)?整(村)推进"
      "|(?<=等)(村)(?:组|寨|民小组))";
  CnkgStatus st = CNKG_SUCCESS;
  r->enum_re = cnkg_re_compile(pat, 0, "place enumeration", err, errsize, &st);
  if (!r->enum_re) {
    cnkg_place_free(r);
    return st;
  }
  r->mctx = cnkg_re_context();
  if (!r->mctx) {
    cnkg_place_free(r);
    return CNKG_ERR_NOMEM;
  }
  pcre2_set_match_limit(r->mctx, MATCH_LIMIT);
  pcre2_set_depth_limit(r->mctx, DEPTH_LIMIT);
  *out = r;
  return CNKG_SUCCESS;
}

void cnkg_place_free(CnkgPlaceRecognizer *r) {
  if (!r) return;
  pcre2_code_free(r->enum_re);
  pcre2_match_context_free(r->mctx);
  free(r);
}

/* --------------------------------------------------------------- run */

static CnkgStatus scan_title(Work *w) {
  const CnkgText *t = w->st->text;
  if (!t->title || !*t->title) return CNKG_SUCCESS;
  SentView v;
  CnkgStatus s = place_view_make(t->title, strlen(t->title), NULL, &v);
  if (s) return s;
  size_t first = w->n;
  s = place_scan_list(w, SIZE_MAX, 0, &v);
  place_view_free(&v);
  if (s) return s;
  /* Title places decide context when unique (or settled by their chain). */
  w->title_ids = malloc((w->n - first + 1) * sizeof *w->title_ids);
  if (!w->title_ids) return CNKG_ERR_NOMEM;
  for (size_t i = first; i < w->n; i++) {
    Cand *c = &w->c[i];
    if (c->n_ids == 1 && cnkg_division_level(w->r->div, c->ids[0]) <= CNKG_LEVEL_COUNTY)
      w->title_ids[w->n_title++] = c->ids[0];
  }
  for (size_t i = first; i < w->n; i++) place_cand_free(&w->c[i]);
  w->n = first;
  return CNKG_SUCCESS;
}

CnkgStatus cnkg_place_run(const CnkgPlaceRecognizer *r, CnkgDocState *st) {
  if (!r || !st || !st->text || !st->graph) return CNKG_ERR_ARG;
  const CnkgText *t = st->text;
  Work w;
  memset(&w, 0, sizeof w);
  w.r = r;
  w.st = st;
  CnkgStatus s = CNKG_SUCCESS;
  w.section = malloc((t->n_sentences + 1) * sizeof *w.section);
  if (!w.section) return CNKG_ERR_NOMEM;
  size_t sec = SIZE_MAX;
  w.lead_para = 0;
  bool lead_found = false;
  for (size_t i = 0; i < t->n_sentences; i++) {
    if (t->sentences[i].heading) sec = i;
    w.section[i] = sec;
    if (!lead_found && !t->sentences[i].heading) {
      w.lead_para = t->sentences[i].paragraph;
      lead_found = true;
    }
  }
  s = scan_title(&w);
  for (size_t i = 0; i < t->n_sentences && !s; i++) {
    const CnkgSentence *se = &t->sentences[i];
    if (se->credit) continue; /* bylines name people, not places */
    SentView v;
    s = place_view_make(t->norm + se->begin, se->end - se->begin, st->lac ? &st->lac[i] : NULL, &v);
    if (s) break;
    size_t first = w.n;
    s = place_scan_list(&w, i, se->begin, &v);
    if (!s) s = place_scan_chain_gaps(&w, i, first, &v);
    if (!s) s = place_scan_gaps(&w, i, se->begin, first, &v);
    if (!s) s = place_scan_enums(&w, i, se->begin, first, &v);
    if (!s) s = place_scan_sites(&w, i, se->begin, first, &v);
    place_view_free(&v);
  }
  if (!s && w.n) {
    qsort(w.c, w.n, sizeof *w.c, place_cand_cmp);
    s = place_index_groups(&w);
  }
  if (!s && w.n) {
    place_resolve_chains(&w);
    s = place_resolve(&w);
  }
  if (!s && w.n) {
    s = place_group_parents(&w);
    if (!s) s = place_join_same_names(&w);
    if (!s) s = place_link_fuzzy(&w);
    if (!s) s = place_build_entities(&w);
    if (!s) s = place_build_hierarchy(&w);
    if (!s) s = place_set_focus(&w);
  }
  for (size_t i = 0; i < w.n; i++) place_cand_free(&w.c[i]);
  free(w.c);
  free(w.section);
  free(w.sent_lo);
  free(w.sent_hi);
  free(w.para_lo);
  free(w.para_hi);
  free(w.sec_lo);
  free(w.sec_hi);
  free(w.heads);
  free(w.title_ids);
  free(w.par);
  return s;
}

/* ---------------------------------------------------------- helpers */

size_t cnkg_place_nearest(const CnkgDocState *st, size_t sentence, size_t pos) {
  if (!st || !st->text || sentence >= st->text->n_sentences) return SIZE_MAX;
  const CnkgText *t = st->text;
  /* Each sentence's spans come from its list (in the order added), not from
   * a scan of all spans per call. */
  size_t best = SIZE_MAX, best_end = 0;
  for (size_t i = cnkg_docstate_first_span(st, sentence); i != SIZE_MAX;
       i = cnkg_docstate_next_span(st, i)) {
    if (!cnkg_place_span_is_place(st, i)) continue;
    if (st->spans[i].end <= pos && (best == SIZE_MAX || st->spans[i].end >= best_end)) {
      best = st->spans[i].entity;
      best_end = st->spans[i].end;
    }
  }
  if (best != SIZE_MAX) return best;
  size_t para = t->sentences[sentence].paragraph;
  for (size_t si = sentence; si-- > 0;) {
    if (t->sentences[si].paragraph != para) break;
    size_t last = SIZE_MAX; /* the place added last */
    for (size_t i = cnkg_docstate_first_span(st, si); i != SIZE_MAX;
         i = cnkg_docstate_next_span(st, i))
      if (cnkg_place_span_is_place(st, i)) last = i;
    if (last != SIZE_MAX) return st->spans[last].entity;
  }
  for (size_t si = sentence + 1; si-- > 0;) {
    if (!t->sentences[si].heading) continue;
    size_t deepest = SIZE_MAX;
    CnkgType dt = CNKG_TYPE_PERSON;
    for (size_t i = cnkg_docstate_first_span(st, si); i != SIZE_MAX;
         i = cnkg_docstate_next_span(st, i))
      if (cnkg_place_span_is_place(st, i) &&
          (deepest == SIZE_MAX || st->spans[i].type > dt)) {
        deepest = st->spans[i].entity;
        dt = st->spans[i].type;
      }
    if (deepest != SIZE_MAX) return deepest;
    break;
  }
  return st->focus_place;
}
