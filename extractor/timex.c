/* SPDX-License-Identifier: Apache-2.0
 * Time-expression finder (see timex.h): one pcre2 pattern of alternatives,
 * longest forms first, finds the expressions; C code reads the named
 * groups, resolves years from context and checks the calendar. Depends on
 * timex_int.h, intake.h, text.h and pcre2. */
#include "extractor/timex_int.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cnkg/grow.h"
#include "cnkg/text.h"
#include "extractor/regex.h"

/* ---- the pattern
 *
 * Every alternative has a fixed maximum length (counted repeats only), so
 * matching is linear in the text; the match limit guards the rest. At one
 * starting position pcre2 takes the first alternative that matches, so
 * ranges come before dates, and full dates before their prefixes. */

/* Four-digit years: written with digits or Chinese numerals (二〇一八,
 * also with ○ or a Latin O as the zero, as typed in practice). */
#define CN_DIGIT "〇○零Oo一二三四五六七八九"
#define YEAR(g) "(?<" g ">[12][0-9]{3}|[" CN_DIGIT "]{4})"
#define NYEAR(g) "(?<" g ">[12][0-9]{3})"
/* Months 1-12 (元月 = January); 正月 and 腊月 are lunar and left out. */
#define MONTH(g) "(?<" g ">[0-9]{1,2}|十[一二]|[一二三四五六七八九十]|元)"
#define NMONTH(g) "(?<" g ">[0-9]{1,2})"
#define DAY(g) \
  "(?<" g ">[0-9]{1,2}|三十一?|二十[一二三四五六七八九]?|" \
  "十[一二三四五六七八九]?|[一二三四五六七八九])"
#define NDAY(g) "(?<" g ">[0-9]{1,2})"
#define DAYW "[日号號]"
#define SP " ?"
/* Between the two ends of a range. */
#define SEP "(?:至|到|~|〜|—{1,2}|―|–|-)"
/* A number does not continue one before it (10.2018年, 第2018号). */
#define NB "(?<![0-9A-Za-z.〇○零一二三四五六七八九十百千万两几第])"
/* 初 is also "first/preliminary" (初步, 初次, 初心), and 初五 is a day
 * of a lunar month. */
#define CHU "初(?![步次心期见衷具级中始一二三四五六七八九十])"
/* Parts of a year after 年 (内 not before 蒙: 2018年内蒙古…; 年中 only
 * with its own 年: 2018年中国…). */
#define YPART(g)                                                        \
  "(?<" g ">年?底|年?末|年?" CHU "|年中|年?内(?![蒙部容涵心地陆外需])" \
  "|上半年|下半年|前[一二三]季度|第?[一二三四]季度|度)?"
/* Parts of a month after 月. */
#define MTAIL(g) "份?(?<" g ">底|末|" CHU "|上旬|中旬|下旬)?"
/* Weekday and clock time after a full date. */
#define CLOCK \
  "(?:" SP "(?:星期|周|礼拜)[一二三四五六日天])?" \
  "(?:" SP "[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?)?"
/* A numeric date does not run on into more digits (a phone number, a
 * decimal) or a unit (2019.3万元, 2019.3%). */
#define NEND "(?![0-9]|[./-][0-9])"
#define NOUNIT "(?![%‰万亿千百十元人户个次亩吨斤米平头只株家名位倍])"

/* The pattern in pieces (C11 bounds string literals to 4095 bytes);
 * cnkg_timex_new joins them. */
static const char *const PATTERN[] = {
    "(?:(?<pre>截至|截止到?|直到|自|从|到|至)" SP ")?"
    "(?:"
    /* ranges with a year */
    NB YEAR("y1") SP "年" SP MONTH("m1") SP "月" SP DAY("d1") DAYW "?" SP SEP SP
    "(?:(?:" YEAR("y2") SP "年" SP ")?" MONTH("m2") "月" SP ")?" DAY("d2") DAYW
    "|" NB YEAR("y1") SP "年" SP MONTH("m1") "(?:月" MTAIL("p1") ")?" SP SEP SP
    "(?:" YEAR("y2") SP "年" SP ")?" MONTH("m2") "月" MTAIL("p2")
    "|" NB YEAR("y1") "(?:" SP "年)?" SP SEP SP YEAR("y2") SP "年" "(?![级代])"
    YPART("p2"),
    "|" NB NYEAR("y1") "([./])" NMONTH("m1") "(?:\\g{-2}" NDAY("d1") ")?" SP
    "(?:至|到|~|〜|—{1,2}|―|–|-)" SP
    NYEAR("y2") "\\g{-4}" NMONTH("m2") "(?:\\g{-5}" NDAY("d2") ")?" NEND NOUNIT
    /* dates with a year */
    "|" NB YEAR("y1") SP "年" SP MONTH("m1") SP "月" SP DAY("d1") SP DAYW CLOCK
    "|" NB NYEAR("y1") "(?:-" NMONTH("m1") "-" NDAY("d1") "|/" NMONTH("m1")
    "/" NDAY("d1") "|\\." NMONTH("m1") "\\." NDAY("d1") ")" NEND CLOCK
    /* day.month.year only with two-digit fields (14.07.2016), as pages
     * print it; 1.2.2018 is more often a version or a list number */
    "|" NB "(?<d1>[0-9]{2})\\.(?<m1>[0-9]{2})\\." NYEAR("y1") "(?![0-9])" CLOCK,
    "|" NB YEAR("y1") SP "年" SP MONTH("m1") SP "月" MTAIL("p1")
    "|" NB NYEAR("y1") "[./-]" NMONTH("m1") NEND NOUNIT
    "|" NB YEAR("y1") SP "年" "(?![级代轻龄纪])" YPART("p1")
    /* relative years and months; 前年 not inside 十年前年轻人 */
    "|(?<!年)(?:(?<rel>今年|去年|前年|明年|后年|本年|上年|来年|当年|同年"
    "|次年|翌年|第二年|上一年|下一年)(?![轻龄纪华级代])"
    /* 这一年来 is "over the past year" */
    "|(?<rel>这一年|那一年|该年|这年|那年)(?![轻龄纪华级代来]))"
    "(?:" SP MONTH("m1") "(?:月" MTAIL("p1") ")?" SP SEP SP MONTH("m2") "月"
    MTAIL("p2")
    "|" SP MONTH("m1") "月" SP "(?:" DAY("d1") DAYW ")?" MTAIL("p1")
    "|" YPART("p1") ")"
    "|(?<relm>上个?月|本月|下个?月|当月|同月|次月|这个月)"
    "(?:" SP DAY("d1") DAYW ")?(?<p1>底|末|" CHU "|上旬|中旬|下旬)?",
    /* a part of "the" year: 年底 after a year named before */
    "|(?<![0-9" CN_DIGIT "十百千两几数多半年今去前明后本上当同次翌来每全近整])"
    "(?<ypart>年" CHU "|年底|年末|年内|上半年|下半年)"
    /* ranges and dates without a year */
    "|" NB MONTH("m1") "月" SP DAY("d1") DAYW "?" SP SEP SP
    "(?:" MONTH("m2") "月" SP ")?" DAY("d2") DAYW
    "|" NB MONTH("m1") "(?:月" MTAIL("p1") ")?" SP SEP SP MONTH("m2") "月"
    MTAIL("p2")
    "|" NB MONTH("m1") "月" SP DAY("d1") DAYW CLOCK
    /* not 一月一次 (once a month), 八月十五, 五月初五 (lunar) */
    "|" NB MONTH("m1") "月" "(?![份]?[0-9一二两三四五六七八九十]|初[一二三四五六七八九十])"
    MTAIL("p1"),
    /* "recently": only the reference year can be said of it */
    "|(?<![0-9" CN_DIGIT "十节生假期周工月年今昨明翌次当每数几多])"
    "(?<recent>近日|日前)"
    /* durations: an amount of time, not a date (but 4年前 counts back
     * from the reference date) */
    "|(?<![0-9.一二两三四五六七八九十百千几数多半])"
    "(?<dur>(?:[0-9]{1,3}|[一二两三四五六七八九十百几数多半]{1,4})" SP
    "(?:多|余)?(?:个(?:多|余)?月|个?星期|周年|年(?![级代])|天|周))"
    "(?:多|余)?(?:以来|来|间|之久|时间|里)?"
    ")"
    "(?:" SP "(?<post>以来|至今|以前|之前|以后|之后|前后|左右|开始"
    "|起(?![草来步点到义诉飞色身])|前(?![往进来去夕身景期提列沿线者茅所排面方头途])"
    "|后(?![勤备盾台代人者续期面方边排果悔劲生院来])|为止|止(?![步损血]))"
    ")?",
    NULL};

/* Every character any alternative can match (the pattern above, its
 * bounding words and separators), and the anchors among them. A change to
 * the pattern that adds a character must add it here: test_timex checks
 * the scan against a search of every position. */
static const char EXPR_CHARS[] =
    "0123456789 ./-:~Oo〇○零一二两三四五六七八九十百几数多半元年月日号號份"
    "底末初中内上下旬前季度第今去明后本来当同次翌个这近余星期周礼拜天以间之"
    "久时里至左右开始起为止截到直自从那该—―–〜";
static const char ANCHOR_CHARS[] = "年月日天周期./-";

static const char *const GROUP_NAMES[G_COUNT] = {
    [G_PRE] = "pre", [G_Y1] = "y1", [G_M1] = "m1", [G_D1] = "d1",
    [G_P1] = "p1", [G_Y2] = "y2", [G_M2] = "m2", [G_D2] = "d2",
    [G_P2] = "p2", [G_REL] = "rel", [G_RELM] = "relm",
    [G_YPART] = "ypart", [G_RECENT] = "recent", [G_DUR] = "dur",
    [G_POST] = "post"};

/* A dateline at the start of the body: agency or paper, place, date,
 * 电/讯 (新华社北京5月31日电, 本报长沙2018年3月2日讯, 中新網棗莊2月6日電).
 * Matched on folded text (half-width digits; Traditional 電 and 訊 too). */
static const char DATELINE[] =
    "^\\s*[(【\\[]?\\s*(?:\\p{Han}{1,12}?(?:社|网|網|报|報|台|客户端|客戶端|"
    "新闻|新聞|消息|讯|訊)[·・]?)?\\s*\\p{Han}{0,8}?\\s*"
    "(?:(?<y>[12][0-9]{3})\\s*年\\s*)?(?<m>[0-9]{1,2})\\s*月\\s*"
    "(?<d>[0-9]{1,2})\\s*日\\s*(?:电|電|讯|訊|消息)";

/* A newspaper's issue line: (2018年05月31日 07版), with the paper's name
 * in 《》 before it or not. */
static const char ISSUE[] =
    "[(\\[【]\\s*(?<y>[12][0-9]{3})\\s*年\\s*(?<m>[0-9]{1,2})\\s*月\\s*"
    "(?<d>[0-9]{1,2})\\s*日\\s*(?:星期.\\s*)?第?\\s*[0-9A-Za-z]{1,3}\\s*"
    "版\\s*[)\\]】]";

/* ---- numerals and the calendar */

static int cn_digit(uint32_t c) {
  switch (c) {
    case 0x3007: case 0x25CB: case 0x96F6: case 'O': case 'o': return 0;
    case 0x4E00: return 1; case 0x4E8C: return 2; case 0x4E24: return 2;
    case 0x4E09: return 3; case 0x56DB: return 4; case 0x4E94: return 5;
    case 0x516D: return 6; case 0x4E03: return 7; case 0x516B: return 8;
    case 0x4E5D: return 9; case 0x5143: return 1; /* 元月 */
    default: return c >= '0' && c <= '9' ? (int)(c - '0') : -1;
  }
}

int cnkg_timex_numeral(const char *s, size_t len) {
  int value = 0, tens = -1;
  bool any = false;
  size_t i = 0;
  while (i < len) {
    uint32_t c = cnkg_utf8_next(s, len, &i);
    if (c == 0x5341) { /* 十: what came before counts tens */
      if (tens >= 0) return -1;
      tens = any ? value : 1;
      value = 0;
      any = false;
      continue;
    }
    int d = cn_digit(c);
    if (d < 0 || value > 100000) return -1;
    value = value * 10 + d;
    any = true;
  }
  if (tens >= 0) return tens * 10 + value;
  return any ? value : -1;
}

int cnkg_timex_days_in_month(int year, int month) {
  static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return days[month - 1] + (month == 2 && leap);
}

bool cnkg_timex_valid(const CnkgTimexDate *d) {
  if (!d || d->precision == CNKG_TIMEX_NONE) return false;
  if (d->year < 1900 || d->year > 2100) return false;
  if (d->precision == CNKG_TIMEX_YEAR) return true;
  if (d->month < 1 || d->month > 12) return false;
  if (d->precision == CNKG_TIMEX_MONTH) return true;
  return d->day >= 1 && d->day <= cnkg_timex_days_in_month(d->year, d->month);
}

void cnkg_timex_iso(const CnkgTimexDate *d, char out[11]) {
  out[0] = '\0';
  if (!d) return;
  /* the values are checked, so each field has its width; the modulo only
   * tells the compiler so */
  int y = ((d->year % 10000) + 10000) % 10000, m = (d->month % 100 + 100) % 100,
      dd = (d->day % 100 + 100) % 100;
  switch (d->precision) {
    case CNKG_TIMEX_YEAR: snprintf(out, 11, "%04d", y); break;
    case CNKG_TIMEX_MONTH: snprintf(out, 11, "%04d-%02d", y, m); break;
    case CNKG_TIMEX_DAY: snprintf(out, 11, "%04d-%02d-%02d", y, m, dd); break;
    default: break;
  }
}

/* ---- object */

static CnkgStatus compile(const char *src, uint32_t extra, pcre2_code **out,
                          const char *what, char *err, size_t errsize) {
  char name[32];
  snprintf(name, sizeof name, "timex %s", what);
  CnkgStatus st = CNKG_SUCCESS;
  *out = cnkg_re_compile(src, extra, name, err, errsize, &st);
  return st;
}

/* Records the numbers of the groups carrying each name. */
static CnkgStatus index_groups(CnkgTimex *tx) {
  for (int g = 0; g < G_COUNT; g++) {
    PCRE2_SPTR first, last;
    int size = pcre2_substring_nametable_scan(
        tx->re, (PCRE2_SPTR)GROUP_NAMES[g], &first, &last);
    if (size < 0) return CNKG_ERR_INTERNAL;
    int k = 0;
    for (PCRE2_SPTR e = first; e <= last; e += size) {
      if (k + 1 >= TIMEX_MAX_DUP) return CNKG_ERR_INTERNAL;
      tx->groups[g][k++] = (e[0] << 8) | e[1];
    }
    tx->groups[g][k] = 0;
  }
  return CNKG_SUCCESS;
}

static void set_bits(unsigned char *bits, const char *chars) {
  size_t len = strlen(chars), i = 0;
  while (i < len) {
    uint32_t c = cnkg_utf8_next(chars, len, &i);
    if (c >= 0x10000) continue;
    unsigned byte = bits[c >> 3];
    bits[c >> 3] = (unsigned char)(byte | 1u << (c & 7u));
  }
}

static bool has_bit(const unsigned char *bits, uint32_t c) {
  if (c >= 0x10000) return false;
  unsigned byte = bits[c >> 3];
  return (byte >> (c & 7u) & 1u) != 0;
}

CnkgStatus cnkg_timex_new(CnkgTimex **out, char *err, size_t errsize) {
  if (!out) return CNKG_ERR_ARG;
  *out = NULL;
  CnkgTimex *tx = calloc(1, sizeof *tx);
  if (!tx) return CNKG_ERR_NOMEM;
  size_t total = 1;
  for (size_t k = 0; PATTERN[k]; k++) total += strlen(PATTERN[k]);
  char *src = malloc(total);
  if (!src) {
    free(tx);
    return CNKG_ERR_NOMEM;
  }
  src[0] = '\0';
  for (size_t k = 0; PATTERN[k]; k++) strcat(src, PATTERN[k]);
  CnkgStatus st = compile(src, PCRE2_DUPNAMES, &tx->re, "time", err, errsize);
  free(src);
  if (!st) st = compile(DATELINE, 0, &tx->dateline, "dateline", err, errsize);
  if (!st) st = compile(ISSUE, 0, &tx->issue, "issue", err, errsize);
  if (!st) {
    tx->mctx = cnkg_re_context();
    if (!tx->mctx) st = CNKG_ERR_NOMEM;
  }
  if (!st) {
    set_bits(tx->in_expr, EXPR_CHARS);
    set_bits(tx->anchor, ANCHOR_CHARS);
    st = index_groups(tx);
    if (st && err && errsize)
      snprintf(err, errsize, "timex pattern: unexpected group table");
  }
  if (st) {
    cnkg_timex_free(tx);
    return st;
  }
  *out = tx;
  return CNKG_SUCCESS;
}

void cnkg_timex_free(CnkgTimex *tx) {
  if (!tx) return;
  pcre2_code_free(tx->re);
  pcre2_code_free(tx->dateline);
  pcre2_code_free(tx->issue);
  pcre2_match_context_free(tx->mctx);
  free(tx);
}

void cnkg_timex_hits_free(CnkgTimexHits *hits) {
  if (!hits) return;
  free(hits->v);
  memset(hits, 0, sizeof *hits);
}

static CnkgStatus add_hit(CnkgTimexHits *h, const CnkgTimexHit *hit) {
  if (CNKG_GROW(h->v, h->cap, h->n + 1, 16)) return CNKG_ERR_NOMEM;
  h->v[h->n++] = *hit;
  return CNKG_SUCCESS;
}

/* ---- cursor: the year context of one document */

struct CnkgTimexCursor {
  pcre2_match_data *md;
  CnkgTimexDate reference;
  int last_year;       /* last year named in the document, 0 if none */
  int last_month;      /* with last_year, the last month named, 0 if none */
  int para_year;       /* last year named in the current paragraph */
  size_t paragraph;    /* the current paragraph, SIZE_MAX before any */
  bool every_position; /* search the whole text, not only the runs */
};

void cnkg_timex_cursor_section(CnkgTimexCursor *cur) {
  if (!cur) return;
  cur->last_year = cur->last_month = cur->para_year = 0;
}

void cnkg_timex_cursor_search_all(CnkgTimexCursor *cur, bool all) {
  if (cur) cur->every_position = all;
}

CnkgStatus cnkg_timex_cursor_new(const CnkgTimex *tx,
                                 const CnkgTimexDate *reference,
                                 CnkgTimexCursor **out) {
  if (!tx || !out) return CNKG_ERR_ARG;
  *out = NULL;
  CnkgTimexCursor *c = calloc(1, sizeof *c);
  if (!c) return CNKG_ERR_NOMEM;
  c->md = pcre2_match_data_create_from_pattern(tx->re, NULL);
  if (!c->md) {
    free(c);
    return CNKG_ERR_NOMEM;
  }
  cnkg_timex_cursor_reset(c, reference);
  *out = c;
  return CNKG_SUCCESS;
}

void cnkg_timex_cursor_reset(CnkgTimexCursor *c,
                             const CnkgTimexDate *reference) {
  if (!c) return;
  memset(&c->reference, 0, sizeof c->reference);
  if (reference && cnkg_timex_valid(reference)) c->reference = *reference;
  c->last_year = c->last_month = c->para_year = 0;
  c->paragraph = SIZE_MAX;
}

void cnkg_timex_cursor_free(CnkgTimexCursor *c) {
  if (!c) return;
  pcre2_match_data_free(c->md);
  free(c);
}

/* ---- reading a match */

typedef struct {
  const char *s;
  const PCRE2_SIZE *ov;
  const CnkgTimex *tx;
} Match;

/* The set group of a name: its text in *b, *len; false if none is set. */
static bool grp(const Match *m, int g, const char **b, size_t *len) {
  for (const int *n = m->tx->groups[g]; *n; n++) {
    PCRE2_SIZE gb = m->ov[2 * *n], ge = m->ov[2 * *n + 1];
    if (gb == PCRE2_UNSET) continue;
    *b = m->s + gb;
    *len = ge - gb;
    return *len > 0;
  }
  return false;
}

static bool is_set(const Match *m, int g) {
  const char *b;
  size_t len;
  return grp(m, g, &b, &len) && len > 0;
}

/* A numeral group's value, 0 if unset, -1 if unreadable or 0. */
static int num(const Match *m, int g) {
  const char *b;
  size_t len;
  if (!grp(m, g, &b, &len) || len == 0) return 0;
  int v = cnkg_timex_numeral(b, len);
  return v == 0 ? -1 : v; /* no year, month or day is 0 */
}

static bool word_is(const Match *m, int g, const char *w) {
  const char *b;
  size_t len;
  return grp(m, g, &b, &len) && len == strlen(w) && memcmp(b, w, len) == 0;
}

static bool word_has(const Match *m, int g, const char *w) {
  const char *b;
  size_t len, wl = strlen(w);
  if (!grp(m, g, &b, &len)) return false;
  for (size_t i = 0; i + wl <= len; i++)
    if (memcmp(b + i, w, wl) == 0) return true;
  return false;
}

static CnkgTimexPart part_of(const Match *m, int g) {
  if (!is_set(m, g)) return CNKG_TIMEX_WHOLE;
  if (word_has(m, g, "上半年")) return CNKG_TIMEX_FIRST_HALF;
  if (word_has(m, g, "下半年")) return CNKG_TIMEX_SECOND_HALF;
  if (word_has(m, g, "季度")) return CNKG_TIMEX_QUARTER;
  if (word_has(m, g, "底") || word_has(m, g, "末") || word_has(m, g, "下旬"))
    return CNKG_TIMEX_END;
  if (word_has(m, g, "初") || word_has(m, g, "上旬")) return CNKG_TIMEX_BEGIN;
  if (word_has(m, g, "中")) return CNKG_TIMEX_MID;
  if (word_has(m, g, "内")) return CNKG_TIMEX_WITHIN;
  return CNKG_TIMEX_WHOLE; /* 年度 */
}

static CnkgTimexMod mod_of(const Match *m, bool range) {
  if (is_set(m, G_POST)) {
    static const struct { const char *w; CnkgTimexMod mod; } posts[] = {
        {"以来", CNKG_TIMEX_SINCE}, {"至今", CNKG_TIMEX_SINCE},
        {"开始", CNKG_TIMEX_SINCE}, {"起", CNKG_TIMEX_SINCE},
        {"以前", CNKG_TIMEX_BEFORE}, {"之前", CNKG_TIMEX_BEFORE},
        {"前后", CNKG_TIMEX_ABOUT}, {"左右", CNKG_TIMEX_ABOUT},
        {"前", CNKG_TIMEX_BEFORE}, {"以后", CNKG_TIMEX_AFTER},
        {"之后", CNKG_TIMEX_AFTER}, {"后", CNKG_TIMEX_AFTER},
        {"为止", CNKG_TIMEX_UNTIL}, {"止", CNKG_TIMEX_UNTIL}};
    for (size_t i = 0; i < sizeof posts / sizeof *posts; i++)
      if (word_is(m, G_POST, posts[i].w)) return posts[i].mod;
  }
  if (is_set(m, G_PRE) && !range)
    return word_is(m, G_PRE, "自") || word_is(m, G_PRE, "从")
               ? CNKG_TIMEX_SINCE
               : CNKG_TIMEX_UNTIL;
  return CNKG_TIMEX_AT;
}

/* ---- resolving */

/* The year for an expression without one: the paragraph's, else the
 * reference date's, else the document's. A month more than half a year
 * after the reference month is read as last year's (an article of January
 * telling of "12月" means the December before). */
static bool context_year(const CnkgTimexCursor *c, int month, int *year,
                         CnkgTimexAnchor *anchor) {
  if (c->para_year) {
    *year = c->para_year;
    *anchor = CNKG_TIMEX_FROM_PARAGRAPH;
    return true;
  }
  if (c->reference.precision != CNKG_TIMEX_NONE) {
    *year = c->reference.year;
    if (month && c->reference.precision >= CNKG_TIMEX_MONTH &&
        month - c->reference.month > 6)
      (*year)--;
    *anchor = CNKG_TIMEX_FROM_REFERENCE;
    return true;
  }
  if (c->last_year) {
    *year = c->last_year;
    *anchor = CNKG_TIMEX_FROM_DOCUMENT;
    return true;
  }
  return false;
}

static CnkgTimexDate make_date(int y, int m, int d) {
  CnkgTimexDate r = {y, m, d, CNKG_TIMEX_YEAR};
  if (m) r.precision = d ? CNKG_TIMEX_DAY : CNKG_TIMEX_MONTH;
  if (!m) r.day = 0;
  return r;
}

static int cmp_date(const CnkgTimexDate *a, const CnkgTimexDate *b) {
  if (a->year != b->year) return a->year < b->year ? -1 : 1;
  int am = a->month ? a->month : 1, bm = b->month ? b->month : 1;
  if (am != bm) return am < bm ? -1 : 1;
  int ad = a->day ? a->day : 1, bd = b->day ? b->day : 1;
  return ad < bd ? -1 : ad > bd;
}

/* Relative year words and their offset from the reference year; those
 * marked `named` count from the last year the text named instead. */
static const struct {
  const char *word;
  int offset;
  bool named;
} REL_YEARS[] = {
    {"今年", 0, false},   {"本年", 0, false},   {"去年", -1, false},
    {"上年", -1, false},  {"上一年", -1, false}, {"前年", -2, false},
    {"明年", 1, false},   {"来年", 1, false},   {"下一年", 1, false},
    {"后年", 2, false},   {"当年", 0, true},    {"同年", 0, true},
    {"次年", 1, true},    {"翌年", 1, true},    {"第二年", 1, true},
    {"这一年", 0, true},  {"那一年", 0, true},  {"该年", 0, true},
    {"这年", 0, true},    {"那年", 0, true}};

/* A duration; "N年前" and "N个月前" (N exact) count back from the
 * reference date to a year or month. */
static bool resolve_duration(const Match *m, const CnkgTimexCursor *c,
                             CnkgTimexHit *hit) {
  hit->kind = CNKG_TIMEX_DURATION;
  const char *b, *pb;
  size_t len, plen;
  if (!grp(m, G_DUR, &b, &len) || !grp(m, G_POST, &pb, &plen)) return true;
  bool ago = word_is(m, G_POST, "前") || word_is(m, G_POST, "以前") ||
             word_is(m, G_POST, "之前");
  /* 4年多前 is vague: the post word must follow the unit directly */
  if (!ago || pb != b + len || c->reference.precision == CNKG_TIMEX_NONE)
    return true;
  static const char YEAR_W[] = "年", MONTHS_W[] = "个月";
  bool years = len > CNKG_HAN_BYTES && memcmp(b + len - CNKG_HAN_BYTES, YEAR_W, CNKG_HAN_BYTES) == 0;
  bool months = len > 6 && memcmp(b + len - 6, MONTHS_W, 6) == 0;
  if (!years && !months) return true;
  size_t nlen = len - (years ? CNKG_HAN_BYTES : 6);
  while (nlen > 0 && b[nlen - 1] == ' ') nlen--;
  int n = cnkg_timex_numeral(b, nlen); /* -1 for 几, 多, 数, 半 */
  if (n <= 0) return true;
  CnkgTimexDate v;
  if (years) {
    v = make_date(c->reference.year - n, 0, 0);
  } else {
    if (c->reference.precision < CNKG_TIMEX_MONTH) return true;
    int months_back = c->reference.year * 12 + c->reference.month - 1 - n;
    v = make_date(months_back / 12, months_back % 12 + 1, 0);
  }
  if (!cnkg_timex_valid(&v)) return true;
  hit->kind = CNKG_TIMEX_POINT;
  hit->value = v;
  hit->relative = true;
  hit->anchor = CNKG_TIMEX_FROM_REFERENCE;
  return true;
}

/* The year a relative year word (今年, 当年 …) names; false if nothing
 * resolves it. */
static bool year_word(const Match *m, const CnkgTimexCursor *c, int *year,
                      CnkgTimexAnchor *anchor) {
  for (size_t i = 0; i < sizeof REL_YEARS / sizeof *REL_YEARS; i++) {
    if (!word_is(m, G_REL, REL_YEARS[i].word)) continue;
    if (REL_YEARS[i].named) {
      if (!c->last_year) return false;
      *year = c->last_year + REL_YEARS[i].offset;
      *anchor = c->para_year ? CNKG_TIMEX_FROM_PARAGRAPH
                             : CNKG_TIMEX_FROM_DOCUMENT;
      return true;
    }
    if (c->reference.precision == CNKG_TIMEX_NONE) return false;
    *year = c->reference.year + REL_YEARS[i].offset;
    *anchor = CNKG_TIMEX_FROM_REFERENCE;
    return true;
  }
  return false;
}

/* 上月, 本月, 下月 against the reference; 当月, 同月, 次月 against the
 * last month the text named. */
static bool resolve_month_word(const Match *m, const CnkgTimexCursor *c,
                               int day, CnkgTimexHit *hit) {
  int year, month;
  if (word_is(m, G_RELM, "当月") || word_is(m, G_RELM, "同月") ||
      word_is(m, G_RELM, "次月")) {
    if (!c->last_month) return false;
    year = c->last_year;
    month = c->last_month + word_is(m, G_RELM, "次月");
    hit->anchor = CNKG_TIMEX_FROM_DOCUMENT;
  } else {
    if (c->reference.precision < CNKG_TIMEX_MONTH) return false;
    year = c->reference.year;
    month = c->reference.month + (word_has(m, G_RELM, "下")   ? 1
                                  : word_has(m, G_RELM, "上") ? -1
                                                              : 0);
    hit->anchor = CNKG_TIMEX_FROM_REFERENCE;
  }
  if (month == 0) {
    year--;
    month = 12;
  }
  if (month == 13) {
    year++;
    month = 1;
  }
  hit->relative = true;
  hit->value = make_date(year, month, day);
  return cnkg_timex_valid(&hit->value);
}

/* Fills hit from the match; false if it has no value (left out). */
static bool resolve(const Match *m, const CnkgTimexCursor *c,
                    CnkgTimexHit *hit) {
  int y1 = num(m, G_Y1), m1 = num(m, G_M1), d1 = num(m, G_D1);
  int y2 = num(m, G_Y2), m2 = num(m, G_M2), d2 = num(m, G_D2);
  if (y1 < 0 || m1 < 0 || d1 < 0 || y2 < 0 || m2 < 0 || d2 < 0) return false;
  if (is_set(m, G_DUR)) return resolve_duration(m, c, hit);
  if (is_set(m, G_RECENT)) {
    /* 近日 and 日前 are a few days before the reference date: its year,
     * unless that is the first days of January, when they may be the
     * year before */
    const CnkgTimexDate *r = &c->reference;
    if (r->precision == CNKG_TIMEX_NONE ||
        (r->precision == CNKG_TIMEX_MONTH && r->month == 1) ||
        (r->precision == CNKG_TIMEX_DAY && r->month == 1 && r->day <= 10))
      return false;
    hit->relative = true;
    hit->anchor = CNKG_TIMEX_FROM_REFERENCE;
    hit->value = make_date(r->year, 0, 0);
    return cnkg_timex_valid(&hit->value);
  }
  hit->part = part_of(m, G_P1);
  if (is_set(m, G_RELM)) return resolve_month_word(m, c, d1, hit);
  if (is_set(m, G_REL)) {
    if (!year_word(m, c, &y1, &hit->anchor)) return false;
    hit->relative = true;
  } else if (is_set(m, G_YPART)) {
    if (!context_year(c, 0, &y1, &hit->anchor)) return false;
    hit->part = part_of(m, G_YPART);
    hit->relative = true;
  } else if (!y1) {
    if (!m1 || !context_year(c, m1, &y1, &hit->anchor)) return false;
    hit->relative = true;
  }
  hit->value = make_date(y1, m1, m1 ? d1 : 0);
  if (!cnkg_timex_valid(&hit->value)) return false;
  if (!y2 && !m2 && !d2) return true;
  /* a range: the end takes what it leaves out from the start */
  hit->kind = CNKG_TIMEX_RANGE;
  int ey = y2 ? y2 : y1, em = m2 ? m2 : (d2 ? m1 : 0);
  hit->end_value = make_date(ey, em, em ? d2 : 0);
  if (!cnkg_timex_valid(&hit->end_value)) return false;
  if (cmp_date(&hit->value, &hit->end_value) >= 0) return false;
  CnkgTimexPart p2 = part_of(m, G_P2);
  if (p2 != CNKG_TIMEX_WHOLE && hit->part == CNKG_TIMEX_WHOLE) hit->part = p2;
  return true;
}

/* True if s[begin, at) ends with 每, 每年 or 每年的: "每年3至5月" is every
 * year's March to May, not one year's. */
static bool every(const char *s, size_t begin, size_t at) {
  static const char *const words[] = {"每", "每年", "每年的"};
  for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
    size_t n = strlen(words[i]);
    if (at - begin >= n && memcmp(s + at - n, words[i], n) == 0) return true;
  }
  return false;
}

/* True if s[begin, at) ends with 农历 or 阴历: a lunar date, which is
 * not the Gregorian date of the same numbers. */
static bool lunar(const char *s, size_t begin, size_t at) {
  static const char *const words[] = {"农历", "阴历", "夏历"};
  for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
    size_t n = strlen(words[i]);
    if (at - begin >= n && memcmp(s + at - n, words[i], n) == 0) return true;
  }
  return false;
}

static void remember(CnkgTimexCursor *c, const CnkgTimexHit *hit) {
  const CnkgTimexDate *d =
      hit->kind == CNKG_TIMEX_RANGE ? &hit->end_value : &hit->value;
  if (d->precision == CNKG_TIMEX_NONE) return;
  c->last_year = c->para_year = d->year;
  c->last_month = d->precision >= CNKG_TIMEX_MONTH ? d->month : 0;
}

/* Matches the run s[run, run_end) of sentence s[begin, end). The subject
 * reaches two characters past the run, as far as the pattern's lookaheads
 * read. */
static CnkgStatus scan_run(const CnkgTimex *tx, CnkgTimexCursor *cur,
                           const char *s, size_t begin, size_t run,
                           size_t run_end, size_t end, CnkgTimexHits *out) {
  size_t cut = run_end;
  for (int k = 0; k < 2 && cut < end; k++) cnkg_utf8_next(s, end, &cut);
  size_t pos = run;
  Match m = {s, pcre2_get_ovector_pointer(cur->md), tx};
  while (pos < run_end) {
    /* the subject starts at s, so that lookbehinds see the text before
     * the run (and before begin) */
    int rc = pcre2_match(tx->re, (PCRE2_SPTR)s, cut, pos, PCRE2_NO_UTF_CHECK,
                         cur->md, tx->mctx);
    if (rc < 0) break; /* no match, or the match limit: nothing more here */
    m.ov = pcre2_get_ovector_pointer(cur->md);
    size_t mb = m.ov[0], me = m.ov[1];
    if (me <= pos) { /* cannot happen (no empty alternative); stay safe */
      pos++;
      while (pos < run_end && ((unsigned char)s[pos] & 0xC0) == 0x80) pos++;
      continue;
    }
    pos = me;
    CnkgTimexHit hit = {0};
    hit.begin = mb;
    hit.end = me;
    hit.sentence = SIZE_MAX;
    if (!resolve(&m, cur, &hit)) continue;
    if (hit.relative && !is_set(&m, G_REL) && !is_set(&m, G_RELM) &&
        !is_set(&m, G_DUR) && !is_set(&m, G_RECENT) && every(s, begin, mb))
      continue;
    if (hit.kind != CNKG_TIMEX_DURATION && lunar(s, begin, mb)) continue;
    if (is_set(&m, G_RECENT))
      hit.mod = CNKG_TIMEX_RECENTLY;
    else if (is_set(&m, G_DUR))
      hit.mod = CNKG_TIMEX_AT; /* 4年前 is the date itself */
    else
      hit.mod = mod_of(&m, hit.kind == CNKG_TIMEX_RANGE);
    cnkg_timex_iso(&hit.value, hit.iso);
    cnkg_timex_iso(&hit.end_value, hit.iso_end);
    if (hit.kind != CNKG_TIMEX_DURATION) remember(cur, &hit);
    CnkgStatus st = add_hit(out, &hit);
    if (st) return st;
  }
  return CNKG_SUCCESS;
}

CnkgStatus cnkg_timex_scan(const CnkgTimex *tx, CnkgTimexCursor *cur,
                           const char *s, size_t begin, size_t end,
                           size_t paragraph, CnkgTimexHits *out) {
  if (!tx || !cur || !out || (!s && end) || begin > end) return CNKG_ERR_ARG;
  if (paragraph != cur->paragraph) {
    cur->paragraph = paragraph;
    cur->para_year = 0;
  }
  /* Most characters cannot be part of a date, and every date holds an
   * anchor: the pattern runs only on runs of date characters with an
   * anchor (searching from each of their starts exactly as a search of
   * the whole text would, since no match leaves its run). */
  if (cur->every_position)
    return scan_run(tx, cur, s, begin, begin, end, end, out);
  size_t i = begin;
  while (i < end) {
    size_t run = i;
    uint32_t c = cnkg_utf8_next(s, end, &i);
    if (!has_bit(tx->in_expr, c)) continue;
    bool anchored = has_bit(tx->anchor, c);
    while (i < end) {
      size_t j = i;
      c = cnkg_utf8_next(s, end, &j);
      if (!has_bit(tx->in_expr, c)) break;
      anchored = anchored || has_bit(tx->anchor, c);
      i = j;
    }
    if (!anchored) continue;
    CnkgStatus st = scan_run(tx, cur, s, begin, run, i, end, out);
    if (st) return st;
  }
  return CNKG_SUCCESS;
}

CnkgStatus cnkg_timex_find_text(const CnkgTimex *tx, const CnkgText *text,
                                const CnkgTimexDate *reference,
                                CnkgTimexHits *out) {
  if (!tx || !text || !out) return CNKG_ERR_ARG;
  CnkgTimexCursor *cur = NULL;
  CnkgStatus st = cnkg_timex_cursor_new(tx, reference, &cur);
  for (size_t i = 0; !st && i < text->n_sentences; i++) {
    const CnkgSentence *sn = &text->sentences[i];
    size_t first = out->n;
    if (sn->heading) cnkg_timex_cursor_section(cur);
    st = cnkg_timex_scan(tx, cur, text->norm, sn->begin, sn->end,
                         sn->paragraph, out);
    for (size_t k = first; k < out->n; k++) out->v[k].sentence = i;
  }
  cnkg_timex_cursor_free(cur);
  return st;
}
