/* SPDX-License-Identifier: Apache-2.0
 * Page furniture and credits: classifies the lines of a normalised document
 * as prose, heading, credit (byline, photo credit, source) or furniture to
 * drop (search-bait place lists, spam headline strings, breadcrumbs,
 * related-article blocks, copyright/reprint/disclaimer lines, page meta),
 * joins lines broken mid-sentence, and finds the credited names. General
 * rules only (pcre2 patterns and line statistics). Depends on mapped.h,
 * status.h, text.h and pcre2. */
#ifndef CNKG_EXTRACTOR_FURNITURE_H
#define CNKG_EXTRACTOR_FURNITURE_H

#include <stdbool.h>
#include <stddef.h>

#include "cnkg/status.h"
#include "extractor/mapped.h"

typedef enum {
  CNKG_LINE_PROSE = 0,
  CNKG_LINE_HEADING,  /* short title / section heading */
  CNKG_LINE_CREDIT,   /* byline, photo credit or source line */
  CNKG_LINE_DROP      /* page furniture */
} CnkgLineKind;

typedef enum {
  CNKG_CREDIT_AUTHOR = 0,
  CNKG_CREDIT_PHOTOGRAPHER,
  CNKG_CREDIT_SOURCE
} CnkgCreditRole;

/* A piece of a line: byte range [begin, end) of the scanned text. Pieces
 * come in text order; join_next says the next piece continues the same
 * paragraph (a line broken mid-sentence). */
typedef struct {
  size_t begin, end;
  CnkgLineKind kind;
  bool join_next;
} CnkgLine;

/* A credited name (or source text): byte range of the scanned text. */
typedef struct {
  CnkgCreditRole role;
  size_t begin, end;
} CnkgCredit;

typedef struct CnkgFurniture CnkgFurniture;

/* Compiles the patterns. Caller owns *out (cnkg_furniture_free).
 * CNKG_ERR_PATTERN (err says which), CNKG_ERR_NOMEM. */
CnkgStatus cnkg_furniture_new(CnkgFurniture **out, char *err, size_t errsize);
void cnkg_furniture_free(CnkgFurniture *f);

/* Classifies the lines of text (normalised, '\n'-separated; its maps are
 * used to see where whitespace separated names). Caller owns *lines and
 * *credits (free()). CNKG_ERR_NOMEM, CNKG_ERR_PATTERN. */
CnkgStatus cnkg_furniture_scan(CnkgFurniture *f, const CnkgMapped *text,
                               CnkgLine **lines, size_t *n_lines,
                               CnkgCredit **credits, size_t *n_credits);

#endif
