/* SPDX-License-Identifier: Apache-2.0
 * Publication date of a page (see timex.h). Reads the page as decoded,
 * because the furniture filter drops exactly the lines that carry the date
 * ("2016-07-18 11:50", "发布时间: …") from the normalised text. Each
 * header line is folded (full-width digits and punctuation to ASCII) and
 * searched with the time-expression finder; datelines and issue lines have
 * patterns of their own. Depends on timex_int.h, text.h and pcre2. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cnkg/text.h"
#include "extractor/timex_int.h"

/* Why the header only: a page's publication date is printed above the
 * article (title, then date/source/author lines) or as a dateline opening
 * it. Dates further down are what the article reports (events), and dates
 * at the foot belong to other articles ("related" lists) or to the site.
 * So the first stated date of the header wins, and the body is never read
 * for a date, except for a newspaper's issue line, whose form says what it
 * is wherever it stands, and a short line after the article that labels a
 * date as the page's (来源, 发布时间, 责任编辑), until a list of other
 * articles begins. */
#define HEADER_LINES 40 /* non-empty lines read before giving up on a body */
#define BODY_LINES 3    /* body lines whose start may hold a dateline */
#define FOLD_MAX 600    /* bytes of a line read (header lines are short) */

typedef struct {
  char buf[FOLD_MAX + 8];
  size_t pos[FOLD_MAX + 8]; /* byte in the page of each folded byte */
  size_t len;
} Folded;

/* Copies s[b, e) (at most FOLD_MAX bytes, whole characters) into f with
 * full-width forms made half-width and wide spaces made ' '. */
static void fold(const char *s, size_t b, size_t e, Folded *f) {
  f->len = 0;
  size_t i = b, stop = e;
  while (i < e) {
    size_t at = i;
    uint32_t c = cnkg_utf8_next(s, e, &i);
    if (c >= 0xFF01 && c <= 0xFF5E) c -= 0xFEE0;
    else if (c == 0x3000 || c == 0xA0 || c == '\t' || c == '\r') c = ' ';
    char u[4];
    size_t n = cnkg_utf8_encode(c, u);
    if (f->len + n > FOLD_MAX) {
      stop = at;
      break;
    }
    for (size_t k = 0; k < n; k++) {
      f->buf[f->len] = u[k];
      f->pos[f->len++] = at;
    }
  }
  f->buf[f->len] = '\0';
  f->pos[f->len] = stop; /* the end of the last character copied */
}

static bool contains(const char *s, size_t len, const char *w) {
  size_t wl = strlen(w);
  if (wl == 0 || wl > len) return wl == 0;
  const char *p = s, *last = s + len - wl;
  while (p <= last && (p = memchr(p, w[0], (size_t)(last - p) + 1))) {
    if (memcmp(p, w, wl) == 0) return true;
    p++;
  }
  return false;
}

/* True if s[0, len) holds a digit, ASCII or full-width: a date needs one
 * (dates in Chinese numerals do not stand in footers or issue lines). */
static bool has_digit(const char *s, size_t len) {
  for (size_t i = 0; i < len; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c >= '0' && c <= '9') return true;
    /* U+FF10..U+FF19: EF BC 90..99 */
    if (c == 0xEF && i + 2 < len && (unsigned char)s[i + 1] == 0xBC &&
        (unsigned char)s[i + 2] >= 0x90 && (unsigned char)s[i + 2] <= 0x99)
      return true;
  }
  return false;
}

/* True if s[0, len), after leading spaces, starts with one of ws. */
static bool starts_with_any(const char *s, size_t len, const char *const *ws) {
  size_t b = 0;
  for (;;) { /* spaces and ideographic spaces */
    if (b < len && (s[b] == ' ' || s[b] == '\t')) b++;
    else if (b + CNKG_HAN_BYTES <= len && memcmp(s + b, "\xE3\x80\x80", CNKG_HAN_BYTES) == 0) b += CNKG_HAN_BYTES;
    else break;
  }
  for (size_t i = 0; ws[i]; i++) {
    size_t wl = strlen(ws[i]);
    if (len - b >= wl && memcmp(s + b, ws[i], wl) == 0) return true;
  }
  return false;
}

static bool contains_any(const char *s, size_t len, const char *const *ws) {
  for (size_t i = 0; ws[i]; i++)
    if (contains(s, len, ws[i])) return true;
  return false;
}

/* Words that label a date as the page's own (Simplified and
 * Traditional). */
static const char *const LABELS[] = {
    "时间", "時間", "日期", "发布", "發布", "發佈", "发表", "發表", "来源",
    "來源", "发稿", "發稿", "出版", "刊发", "刊發", "更新", NULL};
/* Labels of a date line after the article: the page's labels and its
 * credits (责任编辑: 王明 2018-05-31). */
static const char *const FOOTER_LABELS[] = {
    "时间", "時間", "日期", "发布", "發布", "發佈", "发表", "發表", "来源",
    "來源", "发稿", "發稿", "出版", "刊发", "刊發", "编辑", "編輯", "责编",
    "責編", "记者", "記者", "作者", NULL};
/* Headings of the lists of other articles that follow one. */
static const char *const LIST_HEADINGS[] = {
    "相关", "相關", "延伸阅读", "延伸閱讀", "推荐", "推薦", "猜你喜欢",
    "猜你喜歡", "热门", "熱門", "更多", "往期", "上一篇", "下一篇", NULL};
#define FOOTER_MAX 240 /* bytes: a date line after the body is short */
/* A site's clock, not the article's date. */
static const char *const CLOCKS[] = {"今天", "今日是", "今日:", "当前时间",
                                     "當前時間", "现在是", "現在是", NULL};

/* The start of the article body: a long line of sentences. */
static bool body_line(const Folded *f) {
  size_t han = 0, commas = 0, i = 0;
  bool stop = false;
  while (i < f->len) {
    uint32_t c = cnkg_utf8_next(f->buf, f->len, &i);
    if (cnkg_is_han(c)) han++;
    else if (c == ',' || c == 0x3001 || c == ';') commas++;
    else if (c == 0x3002) stop = true;
  }
  return han >= 30 && (stop || commas >= 2);
}

static uint32_t cp_at(const Folded *f, size_t i) {
  return i < f->len ? cnkg_utf8_next(f->buf, f->len, &i) : 0;
}

/* Candidates by rank, best first. */
enum { R_LABELLED, R_HEADER, R_DATELINE, R_ISSUE, R_FOOTER, R_YEAR, R_COUNT };

typedef struct {
  CnkgDocDate best[R_COUNT];
  bool found[R_COUNT];
  int header_year;     /* first year the header names, 0 if none */
} Cands;

static void offer(Cands *c, int rank, const CnkgTimexDate *d,
                  CnkgDocDateSource src, const Folded *f, size_t b,
                  size_t e) {
  if (c->found[rank] || !cnkg_timex_valid(d)) return;
  CnkgDocDate *x = &c->best[rank];
  x->date = *d;
  cnkg_timex_iso(d, x->iso);
  x->begin = f->pos[b];
  x->end = f->pos[e];
  x->source = src;
  c->found[rank] = true;
}

/* Dates of one header line; of a footer line (footer: after the body),
 * only a day labelled before it. */
static CnkgStatus header_line(const CnkgTimex *tx, CnkgTimexCursor *cur,
                              CnkgTimexHits *hits, const Folded *f,
                              bool footer, Cands *c) {
  hits->n = 0;
  cnkg_timex_cursor_reset(cur, NULL);
  CnkgStatus st = cnkg_timex_scan(tx, cur, f->buf, 0, f->len, 0, hits);
  if (st) return st;
  for (size_t k = 0; k < hits->n; k++) {
    const CnkgTimexHit *h = &hits->v[k];
    if (h->kind != CNKG_TIMEX_POINT || h->relative) continue;
    if (!footer && !c->header_year) c->header_year = h->value.year;
    /* 2016年第16期: an issue number, which says only the year */
    size_t e = h->end;
    while (e < f->len && f->buf[e] == ' ') e++;
    if (h->value.precision == CNKG_TIMEX_YEAR) {
      size_t j = e;
      if (j + CNKG_HAN_BYTES <= f->len && memcmp(f->buf + j, "第", CNKG_HAN_BYTES) == 0) j += CNKG_HAN_BYTES;
      size_t digits = j;
      while (j < f->len && f->buf[j] >= '0' && f->buf[j] <= '9') j++;
      if (!footer && j > digits && j + CNKG_HAN_BYTES <= f->len &&
          memcmp(f->buf + j, "期", CNKG_HAN_BYTES) == 0)
        offer(c, R_YEAR, &h->value, CNKG_DOCDATE_ISSUE_YEAR, f, h->begin,
              h->end);
      continue;
    }
    if (h->mod != CNKG_TIMEX_AT) continue; /* 截至…, …以来: not a stamp */
    if (contains_any(f->buf, h->begin, CLOCKS)) continue;
    uint32_t next = cp_at(f, h->end);
    /* a sentence about the date (a title "2019年5月1日,…") */
    if (next == ',' || next == 0x3002 || next == 0x3001 || next == ':')
      continue;
    if (footer) {
      if (h->value.precision == CNKG_TIMEX_DAY &&
          !contains(f->buf, f->len, "。") &&
          contains_any(f->buf, h->begin, FOOTER_LABELS))
        offer(c, R_FOOTER, &h->value, CNKG_DOCDATE_FOOTER, f, h->begin,
              h->end);
      continue;
    }
    bool labelled = contains_any(f->buf, h->begin, LABELS);
    if (h->value.precision == CNKG_TIMEX_MONTH) {
      if (labelled)
        offer(c, R_YEAR, &h->value, CNKG_DOCDATE_LABELLED, f, h->begin,
              h->end);
      continue;
    }
    /* A date in words glued to the words after it opens a sentence
     * ("2019年12月23日西藏宣布…"); a numeric stamp may be glued to a name
     * or a column ("2021-05-17李四"). */
    if (!labelled && cnkg_is_han(next) && next != 0x661F /* 星期 */ &&
        contains(f->buf + h->begin, h->end - h->begin, "年"))
      continue;
    if (labelled)
      offer(c, R_LABELLED, &h->value, CNKG_DOCDATE_LABELLED, f, h->begin,
            h->end);
    else
      offer(c, R_HEADER, &h->value, CNKG_DOCDATE_HEADER, f, h->begin, h->end);
  }
  return CNKG_SUCCESS;
}

/* Group gname of the last match of re, as a number; 0 if unset. */
static int group_num(const pcre2_code *re, pcre2_match_data *md,
                     const char *s, const char *gname) {
  int n = pcre2_substring_number_from_name(re, (PCRE2_SPTR)gname);
  if (n < 0) return 0;
  PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
  if (ov[2 * n] == PCRE2_UNSET) return 0;
  return cnkg_timex_numeral(s + ov[2 * n], ov[2 * n + 1] - ov[2 * n]);
}

/* A dateline (re = tx->dateline, anchored at the line start) or an issue
 * line (re = tx->issue, anywhere); year 0 takes the header's. */
static void pattern_line(const CnkgTimex *tx, const pcre2_code *re,
                         pcre2_match_data *md, const Folded *f, int rank,
                         CnkgDocDateSource src, Cands *c) {
  if (c->found[rank]) return;
  int rc = pcre2_match(re, (PCRE2_SPTR)f->buf, f->len, 0, PCRE2_NO_UTF_CHECK,
                       md, tx->mctx);
  if (rc < 0) return;
  int y = group_num(re, md, f->buf, "y"), m = group_num(re, md, f->buf, "m"),
      d = group_num(re, md, f->buf, "d");
  if (y <= 0) y = c->header_year;
  if (y <= 0 || m <= 0 || d <= 0) return;
  CnkgTimexDate date = {y, m, d, CNKG_TIMEX_DAY};
  PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
  offer(c, rank, &date, src, f, ov[0], ov[1]);
}

CnkgStatus cnkg_timex_document_date(const CnkgTimex *tx, const char *s,
                                    size_t len, CnkgDocDate *out) {
  if (!tx || !out || (!s && len)) return CNKG_ERR_ARG;
  memset(out, 0, sizeof *out);
  Folded *f = malloc(sizeof *f);
  Cands *c = calloc(1, sizeof *c);
  CnkgTimexCursor *cur = NULL;
  CnkgTimexHits hits = {0};
  pcre2_match_data *md = pcre2_match_data_create(8, NULL);
  CnkgStatus st = f && c && md ? cnkg_timex_cursor_new(tx, NULL, &cur)
                               : CNKG_ERR_NOMEM;
  size_t lines = 0, body = 0, i = 0, body_start = len;
  /* header lines, then the first body lines for a dateline */
  while (!st && i < len && lines < HEADER_LINES && body < BODY_LINES) {
    const char *nl = memchr(s + i, '\n', len - i);
    size_t e = nl ? (size_t)(nl - s) : len, b = i;
    i = e + 1;
    fold(s, b, e, f);
    size_t k = 0;
    while (k < f->len && f->buf[k] == ' ') k++;
    if (k == f->len) continue;
    lines++;
    bool is_body = body > 0 || body_line(f);
    if (!is_body) {
      /* a dateline opens the body however short its paragraph */
      pattern_line(tx, tx->dateline, md, f, R_DATELINE, CNKG_DOCDATE_DATELINE,
                   c);
      if (c->found[R_DATELINE]) {
        body_start = i;
        break;
      }
      st = header_line(tx, cur, &hits, f, false, c);
      body_start = i;
      continue;
    }
    if (body++ == 0) body_start = b;
    pattern_line(tx, tx->dateline, md, f, R_DATELINE, CNKG_DOCDATE_DATELINE,
                 c);
  }
  /* After the header: an issue line, or a labelled date line, up to the
   * lists of other articles at the foot. Only lines holding 版 or a label
   * are folded and matched. */
  for (i = body_start; !st && i < len;) {
    const char *nl = memchr(s + i, '\n', len - i);
    size_t e = nl ? (size_t)(nl - s) : len, b = i;
    i = e + 1;
    if (e - b <= CNKG_HAN_BYTES * 20 && starts_with_any(s + b, e - b, LIST_HEADINGS))
      break;
    if (!has_digit(s + b, e - b)) continue;
    if (!c->found[R_ISSUE] && contains(s + b, e - b, "版")) {
      /* the issue line is short; look at the end of a long one */
      size_t from = b;
      if (e - b > FOLD_MAX) {
        from = e - FOLD_MAX;
        while (from < e && ((unsigned char)s[from] & 0xC0) == 0x80) from++;
      }
      fold(s, from, e, f);
      pattern_line(tx, tx->issue, md, f, R_ISSUE, CNKG_DOCDATE_ISSUE, c);
    }
    if (!c->found[R_FOOTER] && e - b <= FOOTER_MAX &&
        contains_any(s + b, e - b, FOOTER_LABELS)) {
      fold(s, b, e, f);
      st = header_line(tx, cur, &hits, f, true, c);
    }
  }
  if (!st) {
    st = CNKG_NOTHING;
    for (int r = 0; r < R_COUNT; r++)
      if (c->found[r]) {
        *out = c->best[r];
        st = CNKG_SUCCESS;
        break;
      }
  }
  cnkg_timex_hits_free(&hits);
  cnkg_timex_cursor_free(cur);
  pcre2_match_data_free(md);
  free(c);
  free(f);
  return st;
}

CnkgStatus cnkg_timex_text_date(const CnkgTimex *tx, const CnkgText *text,
                                CnkgDocDate *out) {
  if (!text) return CNKG_ERR_ARG;
  return cnkg_timex_document_date(tx, text->orig, text->orig_len, out);
}
