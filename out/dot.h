/* SPDX-License-Identifier: Apache-2.0
 * GraphViz writer: DOT through libcgraph and SVG through libgvc, emitted into
 * a CnkgOutput. Shape and colour per entity type, a legend, a CJK font, every
 * label as an escaped HTML-like label; small graphs cluster by county, large
 * ones get sfdp-friendly attributes and short labels; an optional focus
 * entity limits the drawing to its neighbourhood. Depends on include/cnkg/
 * and graphviz (cgraph, gvc); never on extractor/.
 *
 * Not for concurrent use: graphviz keeps process-wide state (its error
 * callback, and one layout context kept for the process because freeing it
 * trips a use-after-free in graphviz 2.4x's pango plugin). */
#ifndef CNKG_OUT_DOT_H
#define CNKG_OUT_DOT_H

#include <stdbool.h>
#include <stddef.h>

#include "cnkg/graph.h"
#include "cnkg/log.h"
#include "cnkg/output.h"
#include "cnkg/status.h"

/* Font used when the options name none: a family list; renderers pick the
 * first installed family and fall back to a generic sans-serif. */
#define CNKG_DOT_DEFAULT_FONT \
  "Noto Sans CJK SC,Source Han Sans SC,WenQuanYi Micro Hei,sans-serif"

typedef struct {
  const char *focus;    /* borrowed: entity key, label or alias; NULL = all */
  unsigned depth;       /* neighbourhood radius around focus (default 2) */
  size_t large;         /* from this many nodes on, the large style (default 150) */
  bool legend;          /* draw a legend (default true) */
  const char *fontname; /* borrowed; NULL = CNKG_DOT_DEFAULT_FONT */
  const CnkgLog *log;   /* borrowed; graphviz messages go here; may be NULL */
} CnkgDotOptions;

/* Defaults as documented above. */
void cnkg_dot_options_init(CnkgDotOptions *options);

/* Writes graph (borrowed; canonicalise it first for byte-identical output)
 * as DOT to output (borrowed; not closed). options may be NULL.
 * CNKG_ERR_ARG (bad arguments, or focus names no entity), CNKG_ERR_NOMEM,
 * CNKG_ERR_WRITE, CNKG_ERR_INTERNAL (graphviz failed). */
CnkgStatus cnkg_dot_write(const CnkgGraph *graph, const CnkgDotOptions *options,
                          CnkgOutput *output);

/* Lays the same drawing out (dot for small graphs, sfdp for large ones) and
 * writes SVG to output. Statuses as cnkg_dot_write. */
CnkgStatus cnkg_svg_write(const CnkgGraph *graph, const CnkgDotOptions *options,
                          CnkgOutput *output);

#endif
