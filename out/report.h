/* SPDX-License-Identifier: Apache-2.0
 * HTML report: one self-contained page that works offline, an explorer of
 * the graph built on Cytoscape.js (inlined, see out/report_assets.h). It
 * opens on an overview (counts by type, the most connected places, people
 * and programmes; the whole graph when it is small), shows a selected
 * entity's neighbourhood with its facts and sentences, expands neighbours,
 * filters by type and relation, finds paths and keeps deep links (#q=NAME,
 * #k=KEY, #path=KEY,KEY). The data holds every entity, fact, mention and
 * sentence (each sentence once). No external resource is referenced.
 * Depends on include/cnkg/ and out/report_assets.h; never on extractor/. */
#ifndef CNKG_OUT_REPORT_H
#define CNKG_OUT_REPORT_H

#include "cnkg/graph.h"
#include "cnkg/output.h"
#include "cnkg/status.h"

typedef struct {
  const char *focus; /* borrowed: key of the entity the page opens on, or
                      * NULL for the overview */
  unsigned depth;    /* with focus: steps of its neighbourhood shown (default 1) */
} CnkgReportOptions;

/* Defaults: no focus, depth 1. */
void cnkg_report_options_init(CnkgReportOptions *options);

/* Writes the report for graph (borrowed; canonicalise it first for
 * byte-identical output) to output (borrowed; not closed). options may be
 * NULL (defaults).
 * CNKG_ERR_ARG (no graph or output, or a focus key not in the graph),
 * CNKG_ERR_NOMEM, CNKG_ERR_WRITE. */
CnkgStatus cnkg_report_write(const CnkgGraph *graph, const CnkgReportOptions *options,
                           CnkgOutput *output);

#endif
