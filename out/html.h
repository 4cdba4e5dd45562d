/* SPDX-License-Identifier: Apache-2.0
 * HTML report: one self-contained page holding the SVG drawing (out/dot.h),
 * the graph's entities, facts, evidence sentences and mentions as JSON, and
 * a small script for pan/zoom, a search box and a panel showing a clicked
 * node's facts and sentences. No external resources are referenced.
 * Depends on include/cnkg/ and out/dot.h; never on extractor/. */
#ifndef CNKG_OUT_HTML_H
#define CNKG_OUT_HTML_H

#include "cnkg/graph.h"
#include "cnkg/output.h"
#include "cnkg/status.h"
#include "out/dot.h"

/* Writes the report for graph (borrowed; canonicalise it first for
 * byte-identical output) to output (borrowed; not closed). options (may be
 * NULL) shape the drawing as for cnkg_svg_write (focus, depth, legend); the
 * data always covers every entity, so the search also finds entities
 * outside a focused drawing.
 * CNKG_ERR_ARG, CNKG_ERR_NOMEM, CNKG_ERR_WRITE, CNKG_ERR_INTERNAL. */
CnkgStatus cnkg_html_write(const CnkgGraph *graph, const CnkgDotOptions *options,
                           CnkgOutput *output);

#endif
