/* SPDX-License-Identifier: Apache-2.0
 * The extraction pipeline for one document: intake -> LAC per sentence ->
 * recognisers (place, org, person, industry, policy) -> per-document graph.
 * Long-lived, read-only state (division index, LAC model, recognisers, the
 * OpenCC normaliser) is in CnkgExtractor; per-thread scratch (intake, LAC
 * buffers) in CnkgWorker.
 * Depends on the extractor modules and graph.h; never on out/. */
#include "extractor/extract.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cnkg/data.h"
#include "cnkg/intern.h"
#include "cnkg/text.h"
#include "extractor/division.h"
#include "extractor/docstate.h"
#include "extractor/intake.h"
#include "extractor/lac.h"
#include "extractor/normalize.h"
#include "extractor/recognizers.h"

/* ---- the recognisers, in the order they run -------------------------- */

/* One row per recogniser: a new one is a module declared in recognizers.h
 * and a row here. A stage without state (make == NULL) only runs. */
typedef struct {
  const char *name;
  CnkgStatus (*make)(const CnkgDivision *division, void **out, char *err, size_t errsize);
  void (*drop)(void *r);
  CnkgStatus (*run)(const void *r, CnkgDocState *st);
} Recognizer;

/* Adapters from each module's typed functions to the table's. */
#define ADAPT(prefix, Type)                                                            \
  static CnkgStatus prefix##_make(const CnkgDivision *d, void **out, char *err,        \
                                  size_t errsize) {                                    \
    Type *r = NULL;                                                                    \
    CnkgStatus s = cnkg_##prefix##_new(d, &r, err, errsize);                           \
    *out = r;                                                                          \
    return s;                                                                          \
  }                                                                                    \
  static void prefix##_drop(void *r) { cnkg_##prefix##_free(r); }                      \
  static CnkgStatus prefix##_go(const void *r, CnkgDocState *st) {                     \
    return cnkg_##prefix##_run(r, st);                                                 \
  }
#define ROW(prefix) {#prefix, prefix##_make, prefix##_drop, prefix##_go}

ADAPT(place, CnkgPlaceRecognizer)
ADAPT(org, CnkgOrgRecognizer)
ADAPT(person, CnkgPersonRecognizer)
ADAPT(industry, CnkgIndustryRecognizer)
ADAPT(policy, CnkgPolicyRecognizer)
ADAPT(facts, CnkgFactsRecognizer)
ADAPT(world, CnkgWorldRecognizer)

static CnkgStatus credits_go(const void *r, CnkgDocState *st) {
  (void)r;
  return cnkg_org_credits(st);
}

/* Places run first and are timed apart (CnkgTimings.places); each later
 * recogniser may read the spans the earlier ones recorded. */
static const Recognizer recognizers[] = {
    ROW(place),
    ROW(org),
    ROW(person),
    {"credits", NULL, NULL, credits_go},
    ROW(industry),
    ROW(policy),
    ROW(facts),
    ROW(world), /* last: what it finds changes nothing the others decide */
};
#define N_RECOGNIZERS (sizeof recognizers / sizeof *recognizers)

struct CnkgExtractor {
  CnkgNormalize *norm; /* one OpenCC for all threads, opened at start-up */
  CnkgDivision *division;
  CnkgLac *lac;  /* NULL in fast mode */
  void *state[N_RECOGNIZERS]; /* per row of recognizers[]; NULL for stateless ones */
};

/* One document of a batch, between intake and the recognisers. */
typedef struct {
  char sha[65];
  CnkgText *text;   /* NULL: failed at intake, or done on its own */
  size_t first;     /* its first sentence's analysis in lac_results */
  bool logged;      /* its failure is logged already (or needs no more) */
} Pending;

struct CnkgWorker {
  const CnkgExtractor *ex;
  CnkgIntake *intake;
  CnkgLacResult *lac_results; /* kept from document to document */
  size_t cap_results;
  CnkgStr *views;             /* the sentences of a batch */
  size_t cap_views;
  Pending *pending;
  size_t cap_pending;
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
  sum->sentences += w->timings.sentences;
  sum->batches += w->timings.batches;
}

void cnkg_extractor_free(CnkgExtractor *ex) {
  if (!ex) return;
  for (size_t i = N_RECOGNIZERS; i-- > 0;)
    if (recognizers[i].drop) recognizers[i].drop(ex->state[i]);
  cnkg_lac_free(ex->lac);
  cnkg_division_free(ex->division);
  cnkg_normalize_free(ex->norm);
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
  CnkgStatus s = cnkg_normalize_new(NULL, &ex->norm, err, errsize);
  if (!s) s = open_data(config, "division.idx", &path, err, errsize);
  if (!s) s = cnkg_division_open(path, &ex->division, err, errsize);
  free(path);
  path = NULL;
  if (!s && !(config && config->fast)) {
    s = open_data(config, "lac.model", &path, err, errsize);
    if (!s) s = cnkg_lac_open(path, &ex->lac, err, errsize);
    free(path);
  }
  for (size_t i = 0; i < N_RECOGNIZERS && !s; i++)
    if (recognizers[i].make) s = recognizers[i].make(ex->division, &ex->state[i], err, errsize);
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
  if (!w) {
    if (err && errsize) snprintf(err, errsize, "%s", cnkg_strerror(CNKG_ERR_NOMEM));
    return CNKG_ERR_NOMEM;
  }
  w->ex = ex;
  /* the analyser's memory now, or a clear error, not a hang mid-run */
  CnkgStatus s = ex->lac ? cnkg_lac_prepare_thread(ex->lac, err, errsize) : CNKG_SUCCESS;
  if (!s) s = cnkg_intake_new_sharing(ex->norm, &w->intake, err, errsize);
  if (s) {
    if (err && errsize && !err[0]) snprintf(err, errsize, "%s", cnkg_strerror(s));
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
  free(w->views);
  free(w->pending);
  cnkg_intake_free(w->intake);
  free(w);
}

/* Grows *buf (of *cap elements of size) to hold at least n. */
static bool reserve(void **buf, size_t *cap, size_t n, size_t size) {
  if (n <= *cap) return true;
  size_t c = *cap ? *cap : 16;
  while (c < n) c *= 2;
  void *b = realloc(*buf, c * size);
  if (!b) return false;
  *buf = b;
  *cap = c;
  return true;
}

/* Analyses the sentences of the texts of p[0..n) (those not NULL) in one
 * call of the analyser, into w->lac_results in order; p[k].first receives
 * where text k's analyses begin there. */
static CnkgStatus analyse_texts(CnkgWorker *w, Pending *p, size_t n) {
  size_t total = 0;
  for (size_t k = 0; k < n; k++) {
    p[k].first = total;
    if (p[k].text) total += p[k].text->n_sentences;
  }
  if (!w->ex->lac || total == 0) return CNKG_SUCCESS;
  if (total > w->cap_results) {
    CnkgLacResult *r = realloc(w->lac_results, total * sizeof *r);
    if (!r) return CNKG_ERR_NOMEM;
    memset(r + w->cap_results, 0, (total - w->cap_results) * sizeof *r);
    w->lac_results = r;
    w->cap_results = total;
  }
  if (!reserve((void **)&w->views, &w->cap_views, total, sizeof *w->views))
    return CNKG_ERR_NOMEM;
  size_t v = 0;
  for (size_t k = 0; k < n; k++)
    for (size_t i = 0; p[k].text && i < p[k].text->n_sentences; i++) {
      const CnkgText *t = p[k].text;
      w->views[v++] = (CnkgStr){t->norm + t->sentences[i].begin,
                                t->sentences[i].end - t->sentences[i].begin};
    }
  /* One batch for all: the network's products become matrix-matrix. */
  double t0 = now_seconds();
  CnkgStatus st = cnkg_lac_analyze_batch(w->ex->lac, w->views, total, w->lac_results);
  w->timings.lexical += now_seconds() - t0;
  w->timings.sentences += total;
  w->timings.batches++;
  return st;
}

/* Documents longer than this (bytes of decoded text) are prepared and
 * analysed in parts of at most this size, cut at line breaks or sentence
 * ends, so that a document's working memory (offset maps, analyses, span
 * tables) stays bounded and each part costs the same time: only the graph
 * grows with the document. A part sees nothing of the others (its own
 * focus place, no coreference across parts), which matters only for texts
 * far longer than any article: 256 KiB is some 85,000 Chinese characters,
 * and the analyser's memory for a part is about ten times its size. */
#define PART_BYTES ((size_t)1 << 18)

/* Adds the document; metadata may be NULL (added later by a second call,
 * which fills what is still missing). */
static CnkgStatus add_document(CnkgGraph *graph, const char *name, const char *sha,
                               const CnkgText *meta, size_t n_chars, size_t *doc) {
  char key[32];
  snprintf(key, sizeof key, "doc/%.16s", sha);
  CnkgDocument d = {0};
  d.key = key;
  d.path = (char *)(uintptr_t)name;
  d.sha256 = (char *)(uintptr_t)sha;
  if (meta) {
    d.title = meta->title;
    d.author = meta->author;
    d.photographer = meta->photographer;
    d.source = meta->source;
  }
  d.n_chars = n_chars;
  return cnkg_graph_add_document(graph, &d, doc);
}

/* Runs the recognisers over one prepared and analysed text (the document or
 * one part of it; its analyses from w->lac_results[first]) into graph,
 * whose document doc it is; cp_base: code points of the document before
 * the text. */
static CnkgStatus extract_text(CnkgWorker *w, const char *name, const CnkgText *text,
                               size_t doc, size_t cp_base, const CnkgLog *log,
                               CnkgGraph *graph, size_t first) {
  const CnkgExtractor *ex = w->ex;
  CnkgDocState st = {0};
  st.name = name;
  st.text = text;
  st.division = ex->division;
  st.graph = graph;
  st.log = log;
  st.focus_place = SIZE_MAX;
  st.doc = doc;
  st.cp_base = cp_base;
  CnkgStatus s = CNKG_SUCCESS;
  if (ex->lac) st.lac = w->lac_results + first;
  double t2 = now_seconds();
  double t3 = t2;
  for (size_t i = 0; i < N_RECOGNIZERS && !s; i++) {
    s = recognizers[i].run(ex->state[i], &st);
    if (i == 0) t3 = now_seconds();
  }
  w->timings.places += t3 - t2;
  w->timings.others += now_seconds() - t3;
  w->timings.chars += text->orig_chars;
  cnkg_docstate_clear(&st);
  return s;
}

/* Appends the "、"-separated names of list not yet in seen to *joined. */
static CnkgStatus join_new_names(CnkgIntern *seen, const char *list, char **joined) {
  for (size_t i = 0, n = list ? strlen(list) : 0; i < n;) {
    const char *sep = strstr(list + i, "\xE3\x80\x81");
    size_t e = sep ? (size_t)(sep - list) : n, before = cnkg_intern_count(seen), id;
    if (e > i && cnkg_intern_add(seen, list + i, e - i, &id)) return CNKG_ERR_NOMEM;
    if (cnkg_intern_count(seen) > before) {
      size_t old = *joined ? strlen(*joined) : 0;
      char *j = realloc(*joined, old + CNKG_HAN_BYTES + (e - i) + 1);
      if (!j) return CNKG_ERR_NOMEM;
      if (old) memcpy(j + old, "\xE3\x80\x81", CNKG_HAN_BYTES);
      size_t at = old ? old + CNKG_HAN_BYTES : 0;
      memcpy(j + at, list + i, e - i);
      j[at + e - i] = '\0';
      *joined = j;
    }
    i = sep ? e + CNKG_HAN_BYTES : n;
  }
  return CNKG_SUCCESS;
}

/* A document longer than PART_BYTES, part by part; the credits of all
 * parts are the document's. */
static CnkgStatus extract_parts(CnkgWorker *w, const char *name, const char *sha,
                                const CnkgDecoded *d, const CnkgLog *log,
                                CnkgGraph *graph) {
  size_t doc = 0, cp_base = 0;
  CnkgStatus s = CNKG_SUCCESS;
  CnkgIntern seen[3] = {{0}, {0}, {0}};
  char *names[3] = {NULL, NULL, NULL};
  for (size_t b = 0, part = 0; b < d->len && !s; part++) {
    size_t e = cnkg_intake_part_end(d, b, PART_BYTES);
    CnkgText *text = NULL;
    double t0 = now_seconds();
    s = cnkg_intake_part(w->intake, d, b, e, &text);
    w->timings.intake += now_seconds() - t0;
    if (!s && part == 0) {
      CnkgText title_only = {0};
      title_only.title = text->title;
      s = add_document(graph, name, sha, &title_only,
                       cnkg_utf8_count(d->text, d->len), &doc);
    }
    if (!s) s = join_new_names(&seen[0], text->author, &names[0]);
    if (!s) s = join_new_names(&seen[1], text->photographer, &names[1]);
    if (!s) s = join_new_names(&seen[2], text->source, &names[2]);
    Pending one = {.text = text};
    if (!s) s = analyse_texts(w, &one, 1);
    if (!s) s = extract_text(w, name, text, doc, cp_base, log, graph, one.first);
    if (text) cp_base += text->orig_chars;
    cnkg_text_free(text);
    b = e;
  }
  if (!s && (names[0] || names[1] || names[2])) {
    CnkgText credits = {0};
    credits.author = names[0];
    credits.photographer = names[1];
    credits.source = names[2];
    s = add_document(graph, name, sha, &credits, 0, &doc);
  }
  for (int k = 0; k < 3; k++) {
    cnkg_intern_free(&seen[k]);
    free(names[k]);
  }
  return s;
}

/* The first steps of one document of a batch: its digest, decoding, and
 * either its prepared text in p (to be analysed with the others) or, for a
 * document longer than a part, the whole extraction now. A failure to
 * decode or prepare is logged where it happens, or needs no message. */
static CnkgStatus start_document(CnkgWorker *w, CnkgWorkerDoc *doc, const CnkgLog *log,
                                 Pending *p) {
  p->text = NULL;
  p->logged = true;
  cnkg_sha256_hex(doc->bytes ? doc->bytes : "", doc->len, p->sha);
  CnkgDecoded d;
  double t0 = now_seconds();
  CnkgStatus s = cnkg_intake_decode(w->intake, doc->name, doc->bytes, doc->len, log, &d);
  w->timings.intake += now_seconds() - t0;
  if (s) return s;
  w->timings.documents++;
  if (d.len > PART_BYTES) {
    s = extract_parts(w, doc->name, p->sha, &d, log, doc->graph);
    p->logged = false;
  } else {
    t0 = now_seconds();
    s = cnkg_intake_part(w->intake, &d, 0, d.len, &p->text);
    w->timings.intake += now_seconds() - t0;
  }
  cnkg_decoded_clear(&d);
  return s;
}

CnkgStatus cnkg_worker_documents(CnkgWorker *w, CnkgWorkerDoc *docs, size_t n,
                                 const CnkgLog *log) {
  if (!w || (n && !docs)) return CNKG_ERR_ARG;
  if (n == 0) return CNKG_SUCCESS;
  if (!reserve((void **)&w->pending, &w->cap_pending, n, sizeof *w->pending)) {
    for (size_t k = 0; k < n; k++) docs[k].status = CNKG_ERR_NOMEM;
    return CNKG_ERR_NOMEM;
  }
  Pending *p = w->pending;
  for (size_t k = 0; k < n; k++) {
    CnkgWorkerDoc *d = &docs[k];
    p[k].text = NULL;
    p[k].logged = true;
    d->status = !d->name || (!d->bytes && d->len) || !d->graph ? CNKG_ERR_ARG
                                                               : start_document(w, d, log, &p[k]);
  }
  size_t n_texts = 0;
  for (size_t k = 0; k < n; k++) n_texts += p[k].text != NULL;
  CnkgStatus as = analyse_texts(w, p, n);
  /* should the batch fail (out of memory), each document is analysed on
   * its own, so that a failure stays with the document that has it */
  bool alone = as && n_texts > 1;
  CnkgStatus worst = CNKG_SUCCESS;
  for (size_t k = 0; k < n; k++) {
    CnkgWorkerDoc *d = &docs[k];
    CnkgText *text = p[k].text;
    if (text) {
      size_t doc = 0;
      CnkgStatus s = alone ? analyse_texts(w, &p[k], 1) : as;
      if (!s) s = add_document(d->graph, d->name, p[k].sha, text, text->orig_chars, &doc);
      if (!s) s = extract_text(w, d->name, text, doc, 0, log, d->graph, p[k].first);
      cnkg_text_free(text);
      p[k].text = NULL;
      p[k].logged = false;
      d->status = s;
    }
    if (d->status && !p[k].logged)
      cnkg_log(log, CNKG_LOG_ERROR, d->name, CNKG_NO_POS, "extraction failed: %s",
               cnkg_strerror(d->status));
    if (d->status == CNKG_ERR_NOMEM) worst = CNKG_ERR_NOMEM;
  }
  return worst;
}

CnkgStatus cnkg_worker_document(CnkgWorker *w, const char *name,
                                const void *bytes, size_t len,
                                const CnkgLog *log, CnkgGraph *graph) {
  if (!w || !name || (!bytes && len) || !graph) return CNKG_ERR_ARG;
  CnkgWorkerDoc d = {name, bytes, len, graph, CNKG_SUCCESS};
  cnkg_worker_documents(w, &d, 1, log);
  return d.status;
}
