/* SPDX-License-Identifier: Apache-2.0
 * The extraction pipeline for one document: intake -> LAC per sentence ->
 * recognisers (place, org, person, industry, policy) -> per-document graph.
 * Long-lived, read-only state (division index, LAC model, recognisers) is in
 * CnkgExtractor; per-thread scratch (OpenCC, LAC buffers) in CnkgWorker.
 * Depends on the extractor modules and graph.h; never on out/. */
#include "extractor/extract.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cnkg/data.h"
#include "cnkg/text.h"
#include "extractor/division.h"
#include "extractor/docstate.h"
#include "extractor/intake.h"
#include "extractor/lac.h"
#include "extractor/recognizers.h"

struct CnkgExtractor {
  CnkgDivision *division;
  CnkgLac *lac;  /* NULL in fast mode */
  CnkgPlaceRecognizer *place;
  CnkgOrgRecognizer *org;
  CnkgPersonRecognizer *person;
  CnkgIndustryRecognizer *industry;
  CnkgPolicyRecognizer *policy;
};

struct CnkgWorker {
  const CnkgExtractor *ex;
  CnkgIntake *intake;
  CnkgLacResult *lac_results;
  size_t cap_results;
  CnkgTimings timings;
};

static double now_seconds(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

void cnkg_worker_add_timings(const CnkgWorker *w, CnkgTimings *sum) {
  sum->intake += w->timings.intake;
  sum->lexical += w->timings.lexical;
  sum->places += w->timings.places;
  sum->others += w->timings.others;
  sum->documents += w->timings.documents;
  sum->chars += w->timings.chars;
}

void cnkg_extractor_free(CnkgExtractor *ex) {
  if (!ex) return;
  cnkg_policy_free(ex->policy);
  cnkg_industry_free(ex->industry);
  cnkg_person_free(ex->person);
  cnkg_org_free(ex->org);
  cnkg_place_free(ex->place);
  cnkg_lac_free(ex->lac);
  cnkg_division_free(ex->division);
  free(ex);
}

static CnkgStatus open_data(const CnkgExtractorConfig *config, const char *file,
                            char **path, char *err, size_t errsize) {
  return cnkg_data_find(config ? config->data_dir : NULL, file, path, err, errsize);
}

CnkgStatus cnkg_extractor_new(const CnkgExtractorConfig *config,
                              CnkgExtractor **out, char *err, size_t errsize) {
  *out = NULL;
  CnkgExtractor *ex = calloc(1, sizeof *ex);
  if (!ex) return CNKG_ERR_NOMEM;
  char *path = NULL;
  CnkgStatus s = open_data(config, "division.idx", &path, err, errsize);
  if (!s) s = cnkg_division_open(path, &ex->division, err, errsize);
  free(path);
  path = NULL;
  if (!s && !(config && config->fast)) {
    s = open_data(config, "lac.model", &path, err, errsize);
    if (!s) s = cnkg_lac_open(path, &ex->lac, err, errsize);
    free(path);
  }
  if (!s) s = cnkg_place_new(ex->division, &ex->place, err, errsize);
  if (!s) s = cnkg_org_new(ex->division, &ex->org, err, errsize);
  if (!s) s = cnkg_person_new(ex->division, &ex->person, err, errsize);
  if (!s) s = cnkg_industry_new(ex->division, &ex->industry, err, errsize);
  if (!s) s = cnkg_policy_new(ex->division, &ex->policy, err, errsize);
  if (s) {
    cnkg_extractor_free(ex);
    return s;
  }
  *out = ex;
  return CNKG_SUCCESS;
}

CnkgStatus cnkg_worker_new(const CnkgExtractor *ex, CnkgWorker **out, char *err,
                           size_t errsize) {
  *out = NULL;
  CnkgWorker *w = calloc(1, sizeof *w);
  if (!w) return CNKG_ERR_NOMEM;
  w->ex = ex;
  CnkgStatus s = cnkg_intake_new(&w->intake, err, errsize);
  if (s) {
    free(w);
    return s;
  }
  *out = w;
  return CNKG_SUCCESS;
}

void cnkg_worker_free(CnkgWorker *w) {
  if (!w) return;
  for (size_t i = 0; i < w->cap_results; i++) cnkg_lac_result_clear(&w->lac_results[i]);
  free(w->lac_results);
  cnkg_intake_free(w->intake);
  free(w);
}

static CnkgStatus analyse_sentences(CnkgWorker *w, const CnkgText *text) {
  size_t n = text->n_sentences;
  if (n == 0) return CNKG_SUCCESS;
  if (n > w->cap_results) {
    CnkgLacResult *r = realloc(w->lac_results, n * sizeof *r);
    if (!r) return CNKG_ERR_NOMEM;
    memset(r + w->cap_results, 0, (n - w->cap_results) * sizeof *r);
    w->lac_results = r;
    w->cap_results = n;
  }
  CnkgStr *views = malloc(n * sizeof *views);
  if (!views) return CNKG_ERR_NOMEM;
  for (size_t i = 0; i < n; i++) {
    const CnkgSentence *s = &text->sentences[i];
    views[i] = (CnkgStr){text->norm + s->begin, s->end - s->begin};
  }
  /* One batch per document: the network's products become matrix-matrix. */
  CnkgStatus st = cnkg_lac_analyze_batch(w->ex->lac, views, n, w->lac_results);
  free(views);
  return st;
}

static CnkgStatus add_document(CnkgGraph *graph, const char *name,
                               const void *bytes, size_t len,
                               const CnkgText *text, size_t *doc) {
  char sha[65], key[32];
  cnkg_sha256_hex(bytes, len, sha);
  snprintf(key, sizeof key, "doc/%.16s", sha);
  CnkgDocument d = {0};
  d.key = key;
  d.path = (char *)(uintptr_t)name;
  d.sha256 = sha;
  d.title = text->title;
  d.author = text->author;
  d.photographer = text->photographer;
  d.source = text->source;
  d.n_chars = text->orig_chars;
  return cnkg_graph_add_document(graph, &d, doc);
}

CnkgStatus cnkg_worker_document(CnkgWorker *w, const char *name,
                                const void *bytes, size_t len,
                                const CnkgLog *log, CnkgGraph *graph) {
  if (!w || !name || (!bytes && len) || !graph) return CNKG_ERR_ARG;
  CnkgText *text = NULL;
  double t0 = now_seconds();
  CnkgStatus s = cnkg_intake_text(w->intake, name, bytes, len, log, &text);
  double t1 = now_seconds();
  w->timings.intake += t1 - t0;
  if (s) return s;
  w->timings.documents++;
  w->timings.chars += text->orig_chars;
  const CnkgExtractor *ex = w->ex;
  CnkgDocState st = {0};
  st.name = name;
  st.text = text;
  st.division = ex->division;
  st.graph = graph;
  st.log = log;
  st.focus_place = SIZE_MAX;
  s = add_document(graph, name, bytes, len, text, &st.doc);
  if (!s && ex->lac) {
    s = analyse_sentences(w, text);
    st.lac = w->lac_results;
  }
  double t2 = now_seconds();
  if (!s) s = cnkg_place_run(ex->place, &st);
  double t3 = now_seconds();
  if (!s) s = cnkg_org_run(ex->org, &st);
  if (!s) s = cnkg_person_run(ex->person, &st);
  if (!s) s = cnkg_org_credits(&st);
  if (!s) s = cnkg_industry_run(ex->industry, &st);
  if (!s) s = cnkg_policy_run(ex->policy, &st);
  w->timings.lexical += t2 - t1;
  w->timings.places += t3 - t2;
  w->timings.others += now_seconds() - t3;
  if (s)
    cnkg_log(log, CNKG_LOG_ERROR, name, CNKG_NO_POS, "extraction failed: %s",
             cnkg_strerror(s));
  cnkg_docstate_clear(&st);
  cnkg_text_free(text);
  return s;
}
