/* SPDX-License-Identifier: Apache-2.0
 * Normalisation for matching, with an offset map: Traditional->Simplified
 * (OpenCC t2s), full-width ASCII -> half-width, romanisation glued after a
 * character removed ("產(chǎn)" -> "产"), quotes unified to “”‘’, whitespace
 * inside CJK runs removed, other whitespace runs collapsed to one space,
 * control and zero-width characters dropped. Line breaks are kept. Depends
 * on mapped.h, text.h, status.h and OpenCC. */
#ifndef CNKG_EXTRACTOR_NORMALIZE_H
#define CNKG_EXTRACTOR_NORMALIZE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cnkg/status.h"
#include "extractor/mapped.h"

typedef struct CnkgNormalize CnkgNormalize;

/* Opens OpenCC with config (NULL: the system t2s.json) and builds the
 * character table. Caller owns *out (cnkg_normalize_free). err receives a
 * message on failure. CNKG_ERR_DATA (OpenCC config), CNKG_ERR_NOMEM. */
CnkgStatus cnkg_normalize_new(const char *config, CnkgNormalize **out,
                              char *err, size_t errsize);
void cnkg_normalize_free(CnkgNormalize *n);

/* Normalises the well-formed UTF-8 text s and appends the result to out.
 * Every appended byte maps to the code-point span [map, map_end) of the
 * character(s) in s that produced it (offsets counted from the start of
 * s). Where OpenCC changes the length of a run, the run's span is spread
 * evenly over its output. Removed romanisation is added to the span of the
 * character before it. CNKG_ERR_NOMEM. */
CnkgStatus cnkg_normalize_run(CnkgNormalize *n, const char *s, size_t len,
                              CnkgMapped *out);

/* Whether romanisation "(...)" of letters is a pinyin syllable, e.g.
 * "chǎn" or "ye"; s is the UTF-8 between the parentheses. */
bool cnkg_normalize_is_pinyin(const char *s, size_t len);

#endif
