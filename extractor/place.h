/* SPDX-License-Identifier: Apache-2.0
 * Helpers the place recogniser (place.c) offers to the recognisers that run
 * after it: which place a position of the text hangs on. The recogniser
 * itself is declared in recognizers.h (cnkg_place_new/free/run). Depends on
 * docstate.h. */
#ifndef CNKG_EXTRACTOR_PLACE_H
#define CNKG_EXTRACTOR_PLACE_H

#include <stdbool.h>
#include <stddef.h>

#include "extractor/docstate.h"

/* Entity index of the place a position hangs on: the place span of the
 * sentence that ends closest before pos (a normalised byte offset); failing
 * that, the last place named in an earlier sentence of the same paragraph;
 * then the deepest place of the section heading above; then st->focus_place.
 * SIZE_MAX when there is none. Reads st->spans only. */
size_t cnkg_place_nearest(const CnkgDocState *st, size_t sentence, size_t pos);

/* The length of the place name s[0, len) without its level suffix (镇,
 * 县, 自治州, 村委会 …; at least one character is left): for 平塘镇 the 6
 * bytes of 平塘; len when there is no suffix. */
size_t cnkg_place_base_len(const char *s, size_t len);

/* True if span i of st (i < st->n_spans) is a place mention. */
static inline bool cnkg_place_span_is_place(const CnkgDocState *st, size_t i) {
  return st->spans[i].type >= CNKG_TYPE_PROVINCE &&
         st->spans[i].type <= CNKG_TYPE_VILLAGE;
}

#endif
