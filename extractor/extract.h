/* SPDX-License-Identifier: Apache-2.0
 * The extractor: one context made at start-up (division index, LAC model,
 * compiled recognisers), then one call per document that runs
 * intake -> lexical analysis -> recognisers (place, org, person, industry,
 * policy) and fills a per-document graph. Depends on graph.h, log.h and the
 * extractor modules; never on out/. */
#ifndef CNKG_EXTRACTOR_EXTRACT_H
#define CNKG_EXTRACTOR_EXTRACT_H

#include <stdbool.h>
#include <stddef.h>

#include "cnkg/graph.h"
#include "cnkg/log.h"
#include "cnkg/status.h"

typedef struct {
  const char *data_dir;  /* --data DIR or NULL (see cnkg/data.h) */
  bool fast;             /* no neural analyser: rules and the list only */
} CnkgExtractorConfig;

typedef struct CnkgExtractor CnkgExtractor;

/* Loads the data files and compiles the recognisers. err names the file or
 * pattern that failed. Caller owns *ex. CNKG_ERR_DATA, CNKG_ERR_PATTERN,
 * CNKG_ERR_NOMEM. */
CnkgStatus cnkg_extractor_new(const CnkgExtractorConfig *config,
                              CnkgExtractor **ex, char *err, size_t errsize);
void cnkg_extractor_free(CnkgExtractor *ex);

/* Extracts one document into graph (usually a fresh per-document graph, to
 * be merged). name is the path as given (used for the document record and
 * messages). Safe to call from several threads, each with its own worker
 * (see below). CNKG_ERR_TEXT (document skipped, reason logged),
 * CNKG_ERR_NOMEM. */
typedef struct CnkgWorker CnkgWorker;
CnkgStatus cnkg_worker_new(const CnkgExtractor *ex, CnkgWorker **worker,
                           char *err, size_t errsize);
void cnkg_worker_free(CnkgWorker *worker);
CnkgStatus cnkg_worker_document(CnkgWorker *worker, const char *name,
                                const void *bytes, size_t len,
                                const CnkgLog *log, CnkgGraph *graph);

/* One document of cnkg_worker_documents: name, bytes and len as for
 * cnkg_worker_document (borrowed for the call), graph the document's own
 * graph; status receives what cnkg_worker_document would have returned. */
typedef struct {
  const char *name;
  const void *bytes;
  size_t len;
  CnkgGraph *graph;
  CnkgStatus status;
} CnkgWorkerDoc;

/* Extracts n documents, each into its own graph, exactly as n calls of
 * cnkg_worker_document would (the same graphs to the byte), but analyses
 * the sentences of all of them in one batch: for short documents (messages,
 * headlines, single sentences) the analyser's matrix products then have
 * as many rows as for one long article, instead of one or two. Meant for
 * documents that together hold a few thousand characters; a document
 * longer than a part (256 KiB) is done on its own, part by part. Returns
 * CNKG_ERR_NOMEM when some document ran out of memory (the others may be
 * done), else CNKG_SUCCESS; each document's own status is in docs[i]. */
CnkgStatus cnkg_worker_documents(CnkgWorker *worker, CnkgWorkerDoc *docs, size_t n,
                                 const CnkgLog *log);

/* Seconds a worker spent in each stage, summed over its documents. */
typedef struct {
  double intake;       /* decoding, HTML, normalisation, furniture, sentences */
  double lexical;      /* the LAC analyser */
  double places;       /* place recognition, linking and hierarchy */
  double others;       /* organisations, persons, industries, policies */
  size_t documents;
  size_t chars;        /* code points of the decoded originals */
  size_t sentences;    /* analysed by the LAC analyser */
  size_t batches;      /* calls of the analyser that analysed them */
} CnkgTimings;

/* Adds the worker's timings to *sum. */
void cnkg_worker_add_timings(const CnkgWorker *worker, CnkgTimings *sum);

#endif
