/* SPDX-License-Identifier: Apache-2.0
 * Private parts of the timex module shared by timex.c (the finder) and
 * timex_docdate.c (the publication date): the compiled patterns and the
 * numeral and calendar helpers. Depends on timex.h and pcre2. */
#ifndef CNKG_EXTRACTOR_TIMEX_INT_H
#define CNKG_EXTRACTOR_TIMEX_INT_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "extractor/timex.h"

/* The named groups of the time-expression pattern. A name may occur in
 * several alternatives (PCRE2_DUPNAMES); TIMEX_MAX_DUP bounds how often. */
enum {
  G_PRE,   /* 截至, 自, 从, 到 */
  G_Y1, G_M1, G_D1, G_P1, /* first (or only) date and its part word */
  G_Y2, G_M2, G_D2, G_P2, /* a range's last date */
  G_REL,   /* 今年, 去年, 当年 … */
  G_RELM,  /* 上月, 本月, 当月 … */
  G_YPART, /* 年底, 上半年 … standing alone */
  G_RECENT,/* 近日, 日前 */
  G_DUR,   /* 三年, 两个月 */
  G_POST,  /* 以来, 至今, 前, 后 … */
  G_COUNT
};
#define TIMEX_MAX_DUP 24

struct CnkgTimex {
  pcre2_code *re;        /* time expressions (normalised text) */
  /* Characters of the Basic Multilingual Plane, one bit each: those that
   * can occur in a time expression, and the anchors one of which every
   * expression holds (年 月 日 天 周 期 . / -). The scan runs the pattern
   * only on runs of the first kind that hold the second. */
  unsigned char in_expr[0x10000 / 8];
  unsigned char anchor[0x10000 / 8];
  pcre2_code *dateline;  /* 新华社北京5月31日电 at the start of a line */
  pcre2_code *issue;     /* 《X日报》(2018年05月31日 07版) */
  pcre2_match_context *mctx;
  int groups[G_COUNT][TIMEX_MAX_DUP]; /* group numbers per name, 0-ended */
};

/* For tests: makes cnkg_timex_scan search from every position of the
 * text instead of only the runs of date characters, which must give the
 * same hits (the runs are a speed-up, EXPR_CHARS in timex.c). */
void cnkg_timex_cursor_search_all(CnkgTimexCursor *cur, bool all);

/* Value of a numeral of ASCII digits or Chinese numerals (二〇一八, 十二,
 * 三十一, 元 = 1), or -1 if s[0, len) is not one. */
int cnkg_timex_numeral(const char *s, size_t len);

/* Days in month (1-12) of year. */
int cnkg_timex_days_in_month(int year, int month);

#endif
