/* SPDX-License-Identifier: Apache-2.0
 * Figures in one normalised sentence: a number (Arabic with , and .
 * separators, Chinese numerals, 万/亿 multipliers, 百分之, 成) with its unit
 * after removing the multiplier, the indicator phrase the text ties to it,
 * its exact decimal value, and whether it is a target. The finder is made
 * once (compiled patterns), read-only afterwards and shared by threads.
 * Depends on status.h, text.h, lac.h (optional tags) and pcre2. */
#ifndef CNKG_EXTRACTOR_FIGURE_H
#define CNKG_EXTRACTOR_FIGURE_H

#include <stdbool.h>
#include <stddef.h>

#include "cnkg/status.h"
#include "cnkg/text.h"
#include "extractor/lac.h"

/* Room for a value: digits, one point and a NUL; a number whose plain
 * decimal takes more than 39 characters is not a figure. */
#define CNKG_FIGURE_VALUE_MAX 40

/* What is NOT a figure (each case has a test): years and dates
 * (2018年, 14.07.2016, 2019-03-08, 5月, 3日), times (8:30, 9时), ages
 * (73岁), durations (3年, 5个月, 10天), ordinals (第三, 第3名), counts of
 * events (3次, 5场, 2轮, 4批, 3期), multiples (3倍), numbers without a
 * unit (phone numbers, codes, 5G) unless a 万/亿 multiplier is followed by
 * a noun that implies one (4.2万贫困人口 -> 人), ranges (3-5万元, 20至30人:
 * the value is not one number), numbered formulas (五个一批, 一户一策,
 * 千家万户, 四个不摘, “五本账”), reduplication (一个个), arithmetic
 * (0.5元×80=40元), vague amounts (几十户, 上百名, 成百上千), and a lone 一,
 * which is an article or "per" (一个, 一名, 一亩地) except with 处 幢 栋 座
 * (新建拦水坝一处); 一万元 and 一百户 are figures. */

/* One figure; offsets are bytes into the sentence given to the finder. */
typedef struct {
  size_t begin, end;          /* the number with multiplier, markers, unit */
  size_t ind_begin, ind_end;  /* the indicator phrase; equal when the text
                                 names none */
  const char *ind_word;       /* static indicator when the text names none
                                 but the unit implies one ("户数" for 户,
                                 "人口" for 人); NULL otherwise */
  const char *unit;           /* static string: 人 名 位 户 元 亩 % 个 吨
                                 公里 平方米 ... as the text gives it after
                                 removing the multiplier (万元 -> 元, 成 and
                                 百分之 -> %, 人口 -> 人, 块 -> 元) */
  char value[CNKG_FIGURE_VALUE_MAX]; /* plain decimal after 万/亿: "17000",
                                 "0.5", "47958157"; exact (no float) */
  bool approximate;           /* 余 多 近 约 以上 左右 不足 超过 ...: the
                                 value is as stated, the text hedges it */
  bool target;                /* a plan or goal: 力争 确保 计划 目标 预计
                                 到2020年 ... before it in the sentence */
  bool implied_unit;          /* no unit in the text; inferred from the noun
                                 after it (4.2万贫困人口) or the money words
                                 around it (资金1300万) */
  size_t run_begin, run_end;  /* the phrase before the run of figures this
                                 one belongs to (完成搬迁|7个乡镇621户), for
                                 a figure that names nothing itself */
  bool ind_owner;             /* the indicator is the text before 有 (合作社
                                 有|59户243名贫困户): maybe the owner, not
                                 what is counted */
} CnkgFigure;

/* Figures of one sentence, in text order. Start as {0}; the finder reuses
 * the array; release with cnkg_figure_list_clear. */
typedef struct {
  CnkgFigure *v;
  size_t n, cap;
} CnkgFigureList;

/* A byte range of the sentence that names an entity (place, organisation,
 * person): an indicator never includes one and never reaches left past
 * one, so "白沙村贫困户236户" gives 贫困户 when 白沙村 is passed. */
typedef struct {
  size_t begin, end;
} CnkgFigureStop;

typedef struct CnkgFigureFinder CnkgFigureFinder;

/* Compiles the patterns (UTF, UCP, JIT when available, match limits).
 * Caller owns *out (cnkg_figure_free). err says what failed.
 * CNKG_ERR_ARG, CNKG_ERR_PATTERN, CNKG_ERR_NOMEM. */
CnkgStatus cnkg_figure_new(CnkgFigureFinder **out, char *err, size_t errsize);
/* Frees f; NULL is fine. */
void cnkg_figure_free(CnkgFigureFinder *f);

/* Finds the figures of one sentence (well-formed normalised UTF-8: digits,
 * %, commas and parentheses half-width as extractor/normalize.c makes
 * them). lac is the sentence's analysis or NULL (--fast): when given, its
 * PER and LOC words act as stops too (not ORG: its spans swallow
 * indicators such as 村集体经济合作社). stops (n_stops, any order, may be
 * NULL when 0) are the entity ranges the caller knows. out is cleared and
 * filled; its buffer is reused. Time is linear in the sentence length.
 * Thread-safe for distinct out lists. CNKG_SUCCESS (also when none is
 * found), CNKG_ERR_ARG, CNKG_ERR_NOMEM, CNKG_ERR_PATTERN (a match limit was
 * hit: out holds the figures found before it). */
CnkgStatus cnkg_figure_find(const CnkgFigureFinder *f, CnkgStr sentence,
                            const CnkgLacResult *lac,
                            const CnkgFigureStop *stops, size_t n_stops,
                            CnkgFigureList *out);

/* Frees the list's buffer (not the list); it may be reused after. */
void cnkg_figure_list_clear(CnkgFigureList *l);

/* The indicator of fig (found in sentence) as text: ind_word, or the span
 * without quotation marks and spaces (“十三五”贫困村 -> 十三五贫困村). Writes a
 * NUL-terminated string to out, cut at a character boundary if outsize is
 * short. CNKG_SUCCESS, CNKG_NOTHING (no indicator: out is ""), CNKG_ERR_ARG. */
CnkgStatus cnkg_figure_indicator(const CnkgFigure *fig, CnkgStr sentence,
                                 char *out, size_t outsize);

/* The value of one numeral as a plain decimal: "4795.8157万" -> "47958157",
 * "三百二十" -> "320", "两千" -> "2000", "1.7万" -> "17000", "三点五亿" ->
 * "350000000", "1,200" -> "1200", "万" -> "10000", "3千多万" ->
 * "30000000" (余/多 between the parts are skipped). Writes a NUL-terminated
 * string to out. CNKG_SUCCESS, CNKG_NOTHING (not one numeral, e.g. "三四",
 * "1-2", "", or too large for out), CNKG_ERR_ARG (NULL arguments). */
CnkgStatus cnkg_figure_value(CnkgStr numeral, char *out, size_t outsize);

#endif
