/* SPDX-License-Identifier: Apache-2.0
 * Page furniture and credits: classifies the lines of a normalised document
 * as prose, heading, credit (byline, photo credit, source) or furniture to
 * drop, joins lines broken mid-sentence, and finds the credited names.
 * General rules only (pcre2 patterns and line statistics). Depends on
 * mapped.h, status.h, text.h and pcre2.
 *
 * Dropped: lines without a letter, digit or Han character (stray "?");
 * '|'- or '_'-separated lists of short fragments (place-name bait, spam
 * headline strings); copyright, reprint, disclaimer, ICP and contact lines;
 * breadcrumbs; page meta (keywords, tags, share, editor, views);
 * datelines with a time or an issue number (what follows is classified);
 * a related-articles heading and the short title lines after it; short
 * lines repeated verbatim (titles and bylines printed twice); lines of
 * four or more whitespace-separated short fragments without punctuation.
 * Credits (kept as credit lines, names recorded): 本报记者/记者/通讯员 X,
 * 作者/文/文丨/撰文 X, □ X, 本报讯(记者 X), X 摄 / 摄影: X (the caption
 * before it stays prose), "(X Y)" ending a paragraph, 来源: X and
 * "(综合…报道)" as source; the outlet that a byline or dateline names
 * (X网讯(记者 Y), X新闻 记者 Y, 《X》讯 Y), the source and authors of a
 * meta line (发布时间: … 来源: X 作者: Y) and the publication of an issue
 * line (X导报 2020年23期) are credited as the source too. Editor's notes
 * (编者按) stay prose. Headings: lines of at most 30 characters not ending
 * in sentence punctuation, and "——" subtitles. */
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
