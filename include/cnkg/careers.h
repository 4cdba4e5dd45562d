/* SPDX-License-Identifier: Apache-2.0
 * Likely-same persons across the graph (issue 18 item 6). A person's key
 * includes the place the text ties them to, so one person serving two
 * places is two entities. Where two person entities have the same label
 * and their careers overlap (a post or association at the same place or
 * organisation, or one's place contains the other's, the container being
 * a county or smaller), they are linked with cnkg:possiblySameAs; its
 * evidence is the sentences of the two overlapping posts. Run on the whole
 * graph before cnkg_graph_canonicalize, by build and merge alike, so that
 * shards merged equal one run. Depends on graph.h, kinds.h, status.h. */
#ifndef CNKG_CAREERS_H
#define CNKG_CAREERS_H

#include "cnkg/graph.h"
#include "cnkg/status.h"

/* Adds the possiblySameAs relations (subject: the smaller key). Existing
 * possiblySameAs relations are not read, so the pass is idempotent.
 * CNKG_ERR_ARG, CNKG_ERR_NOMEM. */
CnkgStatus cnkg_careers_link(CnkgGraph *graph);

#endif
