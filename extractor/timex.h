/* SPDX-License-Identifier: Apache-2.0
 * Time expressions and publication dates. The finder reads normalised
 * text (extractor/normalize.h: Simplified, half-width digits and
 * punctuation) and turns what it finds into ISO 8601 values at the
 * precision the text gives: absolute dates (2018年5月31日, 2019/3/8,
 * 2019.3.8, 14.07.2016, 2021-01-18 11:50, 二〇一八年), partial ones
 * (5月底, year from context), relative ones (今年, 去年, 上月, 当年, 年内),
 * ranges (2016年至2018年, 2016—2018年, 2019年3月至5月) and durations
 * (三年来: a span of time, not a date). The document-date finder reads the
 * page as decoded (CnkgText.orig: the header lines the furniture filter
 * drops) and returns the publication date the page states. Rules only,
 * written for the language (pcre2 patterns compiled once). Depends on
 * intake.h, status.h, text.h and pcre2.
 *
 * Threads: a CnkgTimex is read-only once made and may be shared. Per-call
 * state (pcre2 match data, the year context) lives in a CnkgTimexCursor or
 * inside a single call, and results go to caller-owned memory. */
#ifndef CNKG_EXTRACTOR_TIMEX_H
#define CNKG_EXTRACTOR_TIMEX_H

#include <stdbool.h>
#include <stddef.h>

#include "cnkg/status.h"
#include "extractor/intake.h"

typedef enum {
  CNKG_TIMEX_NONE = 0,  /* no value (a duration, or unknown) */
  CNKG_TIMEX_YEAR,      /* 2018 */
  CNKG_TIMEX_MONTH,     /* 2018-05 */
  CNKG_TIMEX_DAY        /* 2018-05-31 */
} CnkgTimexPrecision;

/* A calendar date at a precision; fields below the precision are 0. */
typedef struct {
  int year, month, day;
  CnkgTimexPrecision precision;
} CnkgTimexDate;

typedef enum {
  CNKG_TIMEX_POINT = 0, /* one date (at its precision) */
  CNKG_TIMEX_RANGE,     /* from value to end_value */
  CNKG_TIMEX_DURATION   /* an amount of time (三年来, 两个月): no date */
} CnkgTimexKind;

/* Where the year of a value came from. */
typedef enum {
  CNKG_TIMEX_EXPLICIT = 0,   /* the expression states it (2018年5月) */
  CNKG_TIMEX_FROM_PARAGRAPH, /* the last year named earlier in the same
                                paragraph (…2018年…，5月底…) */
  CNKG_TIMEX_FROM_REFERENCE, /* the reference (document) date: 今年, 去年,
                                上月, and 5月 with no year in its paragraph */
  CNKG_TIMEX_FROM_DOCUMENT   /* the last year named earlier in the
                                document's section (since the last
                                heading): 当年, 次年; 5月 with no paragraph
                                year and no reference date */
} CnkgTimexAnchor;

/* The part of the year or month the text names (kept as information; the
 * value stays at the year or month: 2018年底 -> 2018). */
typedef enum {
  CNKG_TIMEX_WHOLE = 0,
  CNKG_TIMEX_BEGIN,        /* 年初, 月初, 上旬 */
  CNKG_TIMEX_MID,          /* 年中, 中旬 */
  CNKG_TIMEX_END,          /* 年底, 年末, 月底, 下旬 */
  CNKG_TIMEX_FIRST_HALF,   /* 上半年 */
  CNKG_TIMEX_SECOND_HALF,  /* 下半年 */
  CNKG_TIMEX_WITHIN,       /* 年内 */
  CNKG_TIMEX_QUARTER       /* 第一季度, 前三季度 */
} CnkgTimexPart;

/* A word before or after the expression that bounds it. */
typedef enum {
  CNKG_TIMEX_AT = 0,  /* none */
  CNKG_TIMEX_SINCE,   /* 2016年以来, 自2016年, 2016年至今, 2016年起 */
  CNKG_TIMEX_UNTIL,   /* 截至2019年底, 到2020年, 2020年为止 */
  CNKG_TIMEX_BEFORE,  /* 2018年前, 2018年以前, 年底前 */
  CNKG_TIMEX_AFTER,   /* 2018年后, 2018年以后 */
  CNKG_TIMEX_ABOUT,   /* 2018年前后, 2018年左右 */
  CNKG_TIMEX_RECENTLY /* 近日, 日前: shortly before the reference date, of
                         which only the year is given */
} CnkgTimexMod;

/* One time expression. Spans are byte offsets in the scanned text and
 * include the bounding words (截至, 以来). */
typedef struct {
  size_t begin, end;
  size_t sentence;        /* index into CnkgText.sentences (find_text);
                             SIZE_MAX from cnkg_timex_scan */
  CnkgTimexKind kind;
  CnkgTimexDate value;    /* the point, or a range's first date; precision
                             CNKG_TIMEX_NONE for a duration */
  CnkgTimexDate end_value;/* a range's last date; else precision NONE */
  char iso[11];           /* value as ISO 8601 ("2018", "2018-05",
                             "2018-05-31"), "" for a duration */
  char iso_end[11];       /* end_value likewise, "" unless a range */
  bool relative;          /* the year is not written in the expression
                             (今年, 5月, 当年): it came from anchor */
  CnkgTimexAnchor anchor;
  CnkgTimexPart part;
  CnkgTimexMod mod;
} CnkgTimexHit;

/* A growable array of hits, owned by the caller: start it zeroed, free it
 * with cnkg_timex_hits_free (which zeroes it). */
typedef struct {
  CnkgTimexHit *v;
  size_t n, cap;
} CnkgTimexHits;

void cnkg_timex_hits_free(CnkgTimexHits *hits);

typedef struct CnkgTimex CnkgTimex;
typedef struct CnkgTimexCursor CnkgTimexCursor;

/* Compiles the patterns. Caller owns *out (cnkg_timex_free). err says what
 * failed. CNKG_ERR_PATTERN, CNKG_ERR_NOMEM, CNKG_ERR_ARG. */
CnkgStatus cnkg_timex_new(CnkgTimex **out, char *err, size_t errsize);
void cnkg_timex_free(CnkgTimex *tx);

/* Per-document scanning state for cnkg_timex_scan: the reference date
 * (copied; NULL or precision NONE: none), the years named so far in the
 * document and in the current paragraph, and pcre2 match data. One cursor
 * per thread; caller owns *out (cnkg_timex_cursor_free). CNKG_ERR_NOMEM,
 * CNKG_ERR_ARG. */
CnkgStatus cnkg_timex_cursor_new(const CnkgTimex *tx,
                                 const CnkgTimexDate *reference,
                                 CnkgTimexCursor **out);
/* Starts a new document with reference (as in _new), keeping the memory. */
void cnkg_timex_cursor_reset(CnkgTimexCursor *cur,
                             const CnkgTimexDate *reference);
void cnkg_timex_cursor_free(CnkgTimexCursor *cur);

/* Starts a new section (call it before scanning a heading): the years
 * named before it no longer resolve 当年 or a month without a year. The
 * reference date stays. */
void cnkg_timex_cursor_section(CnkgTimexCursor *cur);

/* Finds the time expressions in s[begin, end) (well-formed UTF-8, one
 * sentence or paragraph of normalised text; s is the whole text, so
 * offsets are s's), which belongs to paragraph `paragraph` (a new value
 * starts a new paragraph context). Calls must follow text order. Appends
 * hits in text order to *out. Expressions without a value are left out:
 * impossible dates (2018年13月, 2月30日), years outside 1900-2100, vague
 * words (目前, 近年, 近期), and relative or partial ones nothing resolves
 * (今年 without a reference date). 近日 and 日前 give the reference year
 * (mod CNKG_TIMEX_RECENTLY; left out in a reference's first days of
 * January); "N年前", "N个月前" count back from the reference (a point),
 * other durations have no value. CNKG_ERR_NOMEM, CNKG_ERR_ARG. */
CnkgStatus cnkg_timex_scan(const CnkgTimex *tx, CnkgTimexCursor *cur,
                           const char *s, size_t begin, size_t end,
                           size_t paragraph, CnkgTimexHits *out);

/* Finds the time expressions of every sentence of text->norm, in order,
 * resolving against reference (NULL: none; usually the document date),
 * and appends them to *out with their sentence index. Each heading starts
 * a section (cnkg_timex_cursor_section). CNKG_ERR_NOMEM, CNKG_ERR_ARG. */
CnkgStatus cnkg_timex_find_text(const CnkgTimex *tx, const CnkgText *text,
                                const CnkgTimexDate *reference,
                                CnkgTimexHits *out);

/* Where a publication date was found. */
typedef enum {
  CNKG_DOCDATE_LABELLED = 0, /* header line with a label: 发布时间:, 时间:,
                                日期:, 来源: X 2018-05-31, 发表于 */
  CNKG_DOCDATE_HEADER,       /* a date line in the header (2016-07-18 11:50,
                                2018年05月31日 星期四, 14.07.2016 17:09) */
  CNKG_DOCDATE_DATELINE,     /* 新华社北京5月31日电 at the start of the
                                body, the year from the header */
  CNKG_DOCDATE_ISSUE,        /* newspaper issue: 《X日报》(2018年05月31日
                                07版) anywhere in the page */
  CNKG_DOCDATE_ISSUE_YEAR,   /* only a year: 2016年第16期 in the header */
  CNKG_DOCDATE_FOOTER        /* a short labelled line after the article:
                                (来源: X日报 2018年5月31日), 责任编辑: X
                                2018-05-31 (before any list of other
                                articles) */
} CnkgDocDateSource;

typedef struct {
  CnkgTimexDate date;
  char iso[11];
  size_t begin, end;         /* byte span of the date in the scanned text */
  CnkgDocDateSource source;
} CnkgDocDate;

/* Finds the publication date page s[0, len) (well-formed UTF-8, the page
 * as decoded: full-width digits and Traditional characters allowed)
 * states: in its header (the lines before the body starts: a labelled
 * date first, else the first date line), in a dateline opening the body,
 * in a newspaper issue line, in a labelled line after the article, or
 * (year only) an issue number in the header, in that order of preference.
 * Dates in the body's sentences and in lists of other articles at the
 * foot are never taken. CNKG_SUCCESS with *out filled, CNKG_NOTHING (no
 * stated date; *out zeroed), CNKG_ERR_NOMEM, CNKG_ERR_ARG. */
CnkgStatus cnkg_timex_document_date(const CnkgTimex *tx, const char *s,
                                    size_t len, CnkgDocDate *out);

/* cnkg_timex_document_date on text->orig (spans are bytes of orig). */
CnkgStatus cnkg_timex_text_date(const CnkgTimex *tx, const CnkgText *text,
                                CnkgDocDate *out);

/* Writes date as ISO 8601 at its precision into out ("" for NONE). */
void cnkg_timex_iso(const CnkgTimexDate *date, char out[11]);

/* True if date is a real calendar date at its precision (month 1-12, the
 * day within the month, leap years counted; year 1900-2100). */
bool cnkg_timex_valid(const CnkgTimexDate *date);

#endif
