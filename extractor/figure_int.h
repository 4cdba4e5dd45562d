/* SPDX-License-Identifier: Apache-2.0
 * Private to the figure finder (figure.c, figure_indicator.c): the finder,
 * the unit kinds, a number token, the stops of a sentence, the character
 * helpers both files use, and the steps figure_indicator.c does for the
 * finder (reading the clause around a number) and figure.c for it (the
 * values of Chinese digits and multipliers). Depends on figure.h,
 * wordlist.h, regex.h, text.h and pcre2. */
#ifndef CNKG_EXTRACTOR_FIGURE_INT_H
#define CNKG_EXTRACTOR_FIGURE_INT_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdbool.h>
#include <stdint.h>

#include "cnkg/text.h"
#include "extractor/figure.h"
#include "extractor/regex.h"
#include "extractor/wordlist.h"

typedef enum {
  UK_MEASURE, /* a quantity: the indicator is what precedes (收入5000元) */
  UK_COUNT,   /* a classifier: the counted noun usually follows (33个联合体) */
  UK_REJECT,  /* time, age, events, ordinals: never a figure */
  UK_TENTH    /* 成: tenths, written as % */
} UnitKind;

typedef struct {
  const char *text;
  const char *unit; /* canonical; NULL for rejects */
  UnitKind kind;
} UnitDef;

struct CnkgFigureFinder {
  pcre2_code *number; /* anchored, tried where number_starts begin */
  CnkgReStarts number_starts;
  pcre2_code *time_tail;
  pcre2_code *time_head;
  pcre2_code *target;
  pcre2_match_context *mctx;
};

/* Start of the character that ends at s[pos] (pos > 0). */
static inline size_t figure_prev_char(const char *s, size_t pos) {
  size_t i = pos - 1;
  while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80) i--;
  return i;
}

static inline uint32_t figure_char_before(const char *s, size_t pos) {
  if (pos == 0) return 0;
  size_t i = figure_prev_char(s, pos);
  return cnkg_utf8_next_valid(s, &i);
}

static inline uint32_t figure_char_at(const char *s, size_t len, size_t pos) {
  if (pos >= len) return 0;
  return cnkg_utf8_next_valid(s, &pos);
}

static inline bool figure_is_digit(uint32_t c) { return c >= '0' && c <= '9'; }

/* Characters that end a clause for indicator purposes. */
static inline bool figure_is_boundary(uint32_t c) {
  switch (c) {
  case ',': case ';': case ':': case '!': case '?': case ' ': case '[':
  case ']': case '|': case '/': case 0x3002 /* 。 */: case 0x3001 /* 、 */:
  case 0x2026 /* … */: case 0x300A: case 0x300B /* 《》 */:
  case 0x3010: case 0x3011 /* 【】 */: case 0x2014 /* — */:
  case 0x00B7: case 0xFF0C: case 0xFF1B: case 0xFF1A:
    return true;
  default:
    return c < 0x20;
  }
}

/* Scratch for one sentence: the caller's stops plus LAC's name words. */
typedef struct {
  CnkgFigureStop *v;
  size_t n;
} Stops;

/* One number token and what the pattern said of it. */
typedef struct {
  size_t b, e;           /* whole token */
  size_t num_b, num_e;   /* numeral with multipliers and hedge */
  bool percent_words;    /* 百分之 */
  bool chinese;
  size_t cn_b, cn_e;     /* the Chinese numeral, when chinese */
  bool has_mult;         /* 万/亿 (or 千万...) after the numeral */
  bool hedge;            /* 余/多 */
  const UnitDef *unit;   /* NULL: none */
} Token;

/* In figure.c: the value of a Chinese digit (-1 if none) and the power of
 * ten of a multiplier character (0 if none). */
int figure_cn_digit(uint32_t c);
int figure_cn_power(uint32_t c);

/* In figure_indicator.c (each said there), with the verbs that take an
 * indicator as their object and those that join two figures of one. */
extern CnkgWordList figure_object_verbs_list;
extern CnkgWordList figure_change_verbs_list;
size_t figure_tail_word(CnkgWordList *l, const char *s, size_t b, size_t e);
bool figure_contains_word(CnkgWordList *l, const char *s, size_t b, size_t e);
int figure_match_at(const CnkgFigureFinder *f, const pcre2_code *re,
                    pcre2_match_data *md, const char *s, size_t len,
                    size_t start, uint32_t opts, size_t *mb, size_t *me);
size_t figure_left_start(const char *s, size_t floor, size_t pos,
                         const Stops *st, size_t max_chars);
size_t figure_right_end(const char *s, size_t len, size_t pos,
                        const Stops *st, size_t max_chars);
CnkgStatus figure_make_stops(const char *s, const CnkgFigureStop *stops, size_t n_stops,
                             const CnkgLacResult *lac, Stops *st);
size_t figure_after_token(const char *s, size_t len, size_t e, bool *hedged,
                          bool *de);
bool figure_follows_directly(const char *s, size_t from, size_t b);
bool figure_carries_over(const CnkgFigure *prev, const char *unit);
int figure_read_indicator(const CnkgFigureFinder *f, pcre2_match_data *md,
                          const char *s, size_t len, const Token *t,
                          const Stops *st, const CnkgFigure *prev, size_t floor,
                          CnkgFigure *fig, bool *hedged, bool *right_used,
                          size_t *left_b, size_t *left_e);

#endif
