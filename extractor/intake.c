/* SPDX-License-Identifier: Apache-2.0
 * Intake: ties encoding -> HTML reduction -> normalisation -> furniture and
 * credits -> paragraphs and sentences into one CnkgText. Depends on the
 * extractor modules encoding, html, normalize, furniture, sentence, mapped,
 * and on libxml2 only for its one-time initialisation. */
#include "extractor/intake.h"

#include <libxml/parser.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cnkg/grow.h"
#include "cnkg/intern.h"
#include "extractor/encoding.h"
#include "extractor/htmlin.h"
#include "extractor/mapped.h"
#include "extractor/normalize.h"
#include "extractor/sentence.h"

struct CnkgIntake {
  CnkgNormalize *norm;
  bool own_norm;      /* else borrowed, shared with other threads */
  CnkgFurniture *furniture;
};

CnkgStatus cnkg_intake_new(CnkgIntake **intake, char *err, size_t errsize) {
  return cnkg_intake_new_sharing(NULL, intake, err, errsize);
}

CnkgStatus cnkg_intake_new_sharing(CnkgNormalize *norm, CnkgIntake **intake, char *err,
                                   size_t errsize) {
  if (!intake) return CNKG_ERR_ARG;
  *intake = NULL;
  xmlInitParser();
  CnkgIntake *in = calloc(1, sizeof *in);
  if (!in) return CNKG_ERR_NOMEM;
  CnkgStatus st = CNKG_SUCCESS;
  in->norm = norm;
  if (!norm) {
    st = cnkg_normalize_new(NULL, &in->norm, err, errsize);
    in->own_norm = true;
  }
  if (!st) st = cnkg_furniture_new(&in->furniture, err, errsize);
  if (st) {
    cnkg_intake_free(in);
    return st;
  }
  *intake = in;
  return CNKG_SUCCESS;
}

void cnkg_intake_free(CnkgIntake *intake) {
  if (!intake) return;
  if (intake->own_norm) cnkg_normalize_free(intake->norm);
  cnkg_furniture_free(intake->furniture);
  free(intake);
}

void cnkg_text_free(CnkgText *t) {
  if (!t) return;
  free(t->orig);
  free(t->norm);
  free(t->map);
  free(t->map_end);
  free(t->sentences);
  free(t->title);
  free(t->author);
  free(t->photographer);
  free(t->source);
  free(t->encoding);
  free(t->credits);
  free(t);
}

void cnkg_text_span(const CnkgText *t, size_t begin, size_t end,
                    size_t *obegin, size_t *oend) {
  if (!t) return;
  if (begin > t->norm_len) begin = t->norm_len;
  if (end > t->norm_len) end = t->norm_len;
  size_t b = t->map[begin];
  size_t e = end > begin ? t->map_end[end - 1] : b;
  if (obegin) *obegin = b;
  if (oend) *oend = e < b ? b : e;
}

typedef struct {
  CnkgSentence *v;
  size_t n, cap;
} Sentences;

static CnkgStatus add_sentence(Sentences *s, CnkgSentence x) {
  if (CNKG_GROW(s->v, s->cap, s->n + 1, 32)) return CNKG_ERR_NOMEM;
  s->v[s->n++] = x;
  return CNKG_SUCCESS;
}

/* "、"-joined distinct names of one role, or NULL. */
static CnkgStatus join_names(const CnkgText *t, CnkgCreditRole role,
                             char **out) {
  *out = NULL;
  size_t cap = 1;
  for (size_t i = 0; i < t->n_credits; i++)
    if (t->credits[i].role == role)
      cap += t->credits[i].end - t->credits[i].begin + CNKG_HAN_BYTES;
  if (cap == 1) return CNKG_SUCCESS;
  char *s = malloc(cap);
  if (!s) return CNKG_ERR_NOMEM;
  size_t len = 0;
  s[0] = '\0';
  CnkgIntern seen = {0}; /* names written so far */
  for (size_t i = 0; i < t->n_credits; i++) {
    const CnkgCredit *c = &t->credits[i];
    if (c->role != role) continue;
    size_t n = c->end - c->begin, id, before = cnkg_intern_count(&seen);
    if (cnkg_intern_add(&seen, t->norm + c->begin, n, &id)) {
      cnkg_intern_free(&seen);
      free(s);
      return CNKG_ERR_NOMEM;
    }
    if (cnkg_intern_count(&seen) == before) continue; /* named before */
    if (len) { memcpy(s + len, "\xE3\x80\x81", CNKG_HAN_BYTES); len += CNKG_HAN_BYTES; }
    memcpy(s + len, t->norm + c->begin, n);
    len += n;
    s[len] = '\0';
  }
  cnkg_intern_free(&seen);
  *out = s;
  return CNKG_SUCCESS;
}

/* Builds norm, sentences and credits from the classified pieces, in place:
 * kept pieces move towards the start of full, which then holds norm. A
 * piece never moves right, as the '\n' put between paragraphs replaces at
 * least the line break that separated them; a credit split off the end of
 * a line has no such gap and follows its paragraph directly. */
static CnkgStatus assemble(CnkgMapped *full, const CnkgLine *lines,
                           size_t n_lines, const CnkgCredit *credits,
                           size_t n_credits, CnkgText *t,
                           char **first_heading) {
  Sentences ss = {0};
  CnkgStatus st = CNKG_SUCCESS;
  size_t para = 0, pstart = 0, nc = 0, w = 0, c0 = 0, n_kept = 0;
  CnkgLine kept[16]; /* credit pieces written so far, as ranges of norm */
  bool open = false, seen_prose = false;
  t->credits = n_credits ? calloc(n_credits, sizeof *t->credits) : NULL;
  if (n_credits && !t->credits) return CNKG_ERR_NOMEM;
  for (size_t k = 0; k < n_lines && !st; k++) {
    const CnkgLine *l = &lines[k];
    if (l->kind == CNKG_LINE_DROP) continue;
    if (l->kind == CNKG_LINE_CREDIT && !open) {
      /* a byline printed twice: the piece still sits at its place in
       * full, the earlier ones have moved to [0, w) */
      bool dup = false;
      for (size_t d = 0; d < n_kept && !dup; d++)
        dup = kept[d].end - kept[d].begin == l->end - l->begin &&
              memcmp(full->buf + kept[d].begin, full->buf + l->begin,
                     l->end - l->begin) == 0;
      if (dup) continue;
      if (n_kept < sizeof kept / sizeof *kept)
        kept[n_kept++] = (CnkgLine){w + (w > 0 && w < l->begin),
                                    w + (w > 0 && w < l->begin) + l->end -
                                        l->begin,
                                    l->kind, false};
    }
    if (!open) {
      if (w > 0 && w < l->begin) {
        size_t m = full->map[l->begin];
        full->buf[w] = '\n';
        full->map[w] = full->map_end[w] = m;
        w++;
      }
      pstart = w;
      open = true;
    }
    size_t n = l->end - l->begin;
    memmove(full->buf + w, full->buf + l->begin, n);
    memmove(full->map + w, full->map + l->begin, n * sizeof *full->map);
    memmove(full->map_end + w, full->map_end + l->begin,
            n * sizeof *full->map_end);
    /* credits are in text order, as are pieces */
    while (c0 < n_credits && credits[c0].end <= l->begin) c0++;
    for (size_t c = c0; c < n_credits && credits[c].begin < l->end; c++)
      if (credits[c].begin >= l->begin && credits[c].end <= l->end)
        t->credits[nc++] = (CnkgCredit){credits[c].role,
                                        w + credits[c].begin - l->begin,
                                        w + credits[c].end - l->begin};
    w += n;
    if (l->join_next) continue;
    open = false;
    bool heading = l->kind == CNKG_LINE_HEADING;
    bool credit = l->kind == CNKG_LINE_CREDIT;
    if (heading && !seen_prose && !*first_heading) {
      *first_heading = cnkg_strndup(full->buf + pstart, w - pstart);
      if (!*first_heading) { st = CNKG_ERR_NOMEM; break; }
    }
    if (l->kind == CNKG_LINE_PROSE) seen_prose = true;
    size_t b = pstart;
    while (b < w && !st) {
      size_t e = (heading || credit) ? w : cnkg_sentence_next(full->buf, b, w);
      st = add_sentence(&ss, (CnkgSentence){b, e, para, heading, credit});
      b = e;
    }
    para++;
  }
  full->len = w;
  if (full->buf) full->buf[w] = '\0';
  t->n_credits = nc;
  t->sentences = ss.v;
  t->n_sentences = ss.n;
  return st;
}

static char *normalised_copy(CnkgNormalize *n, const char *s) {
  CnkgMapped m = {0};
  if (cnkg_normalize_run(n, s, strlen(s), &m) != CNKG_SUCCESS || !m.buf) {
    cnkg_mapped_free(&m);
    return NULL;
  }
  size_t b = 0, e = m.len;
  while (b < e && (m.buf[b] == ' ' || m.buf[b] == '\n')) b++;
  while (e > b && (m.buf[e - 1] == ' ' || m.buf[e - 1] == '\n')) e--;
  char *r = cnkg_strndup(m.buf + b, e - b);
  cnkg_mapped_free(&m);
  return r;
}

CnkgStatus cnkg_intake_decode(CnkgIntake *in, const char *name, const void *bytes,
                              size_t len, const CnkgLog *log, CnkgDecoded *out) {
  if (!in || !out || (!bytes && len)) return CNKG_ERR_ARG;
  memset(out, 0, sizeof *out);
  const char *enc = NULL;
  CnkgStatus st = CNKG_SUCCESS;
  if (!cnkg_htmlin_sniff(name, bytes ? bytes : "", len) &&
      cnkg_encoding_plain_utf8(bytes ? bytes : "", len)) {
    /* UTF-8 text as it is: no copy (a long document is copied part by
     * part later) */
    out->text = (char *)(uintptr_t)(bytes ? bytes : "");
    out->len = len;
    out->encoding = "UTF-8";
    out->borrowed = true;
    return CNKG_SUCCESS;
  }
  st = cnkg_encoding_decode(name, bytes ? bytes : "", len, log, &out->text, &out->len,
                            &enc);
  if (st) return st;
  out->encoding = enc;
  if (cnkg_htmlin_sniff(name, out->text, out->len)) {
    char *plain = NULL;
    size_t plain_len = 0;
    bool cut = false;
    st = cnkg_htmlin_extract(out->text, out->len, &plain, &plain_len, &out->html_title, &cut);
    if (!st && cut)
      cnkg_log(log, CNKG_LOG_WARNING, name, CNKG_NO_POS,
               "HTML nested too deeply to follow; the text after that point is "
               "missing");
    if (st == CNKG_ERR_TEXT) {
      cnkg_log(log, CNKG_LOG_ERROR, name, CNKG_NO_POS,
               "HTML could not be parsed; skipped");
    }
    if (!st && !cnkg_utf8_valid(plain, plain_len)) {
      /* libxml2 writes UTF-8; anything else is a parser fault */
      cnkg_log(log, CNKG_LOG_ERROR, name, CNKG_NO_POS,
               "HTML parser returned malformed text; skipped");
      free(plain);
      st = CNKG_ERR_TEXT;
    }
    if (st) {
      cnkg_decoded_clear(out);
      return st;
    }
    free(out->text);
    out->text = plain;
    out->len = plain_len;
    out->is_html = true;
  }
  return CNKG_SUCCESS;
}

void cnkg_decoded_clear(CnkgDecoded *d) {
  if (!d) return;
  if (!d->borrowed) free(d->text);
  free(d->html_title);
  memset(d, 0, sizeof *d);
}

/* Whether code point c ends a sentence or a clause, for cutting parts. */
static int cut_rank(uint32_t c) {
  if (c == '\n') return 3;
  if (c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == '!' || c == '?') return 2;
  if (c == 0xFF0C || c == 0xFF1B || c == ',' || c == ';') return 1;
  return 0;
}

size_t cnkg_intake_part_end(const CnkgDecoded *d, size_t begin, size_t limit) {
  if (begin >= d->len) return d->len;
  if (limit < 16) limit = 16;
  if (d->len - begin <= limit) return d->len;
  /* the best cut in the second half of the window: after a line break,
   * else after a sentence end, else after a clause mark, else at the last
   * character boundary */
  size_t best[4] = {0, 0, 0, 0};
  size_t i = begin + limit / 2;
  while (i > begin && ((unsigned char)d->text[i] & 0xC0u) == 0x80u) i--;
  for (size_t end = begin + limit; i < end;) {
    size_t k = i;
    uint32_t c = cnkg_utf8_next(d->text, d->len, &k);
    if (k > end) break;
    i = k;
    best[cut_rank(c)] = i;
    best[0] = i;
  }
  for (int r = 3; r > 0; r--)
    if (best[r]) return best[r];
  return best[0] > begin ? best[0] : d->len;
}

/* Builds t from the decoded text orig[0, orig_len) (taken over). */
static CnkgStatus prepare(CnkgIntake *in, CnkgText *t, char *orig, size_t orig_len,
                          const char *enc, bool is_html, const char *html_title) {
  t->orig = orig;
  t->orig_len = orig_len;
  t->is_html = is_html;
  t->encoding = cnkg_strndup(enc, strlen(enc));
  if (!t->encoding) return CNKG_ERR_NOMEM;
  t->orig_chars = cnkg_utf8_count(t->orig, t->orig_len);

  CnkgMapped full = {0};
  CnkgLine *lines = NULL;
  CnkgCredit *credits = NULL;
  size_t n_lines = 0, n_credits = 0;
  char *first_heading = NULL;
  CnkgStatus st = cnkg_normalize_run(in->norm, t->orig, t->orig_len, &full);
  if (!st)
    st = cnkg_furniture_scan(in->furniture, &full, &lines, &n_lines, &credits,
                             &n_credits);
  if (!st)
    st = assemble(&full, lines, n_lines, credits, n_credits, t,
                  &first_heading);
  free(lines);
  free(credits);
  /* take over the buffers: the mapped builder always keeps room for one
   * more entry, which holds the end position */
  if (!st && !full.buf) st = cnkg_mapped_append(&full, "", 0, 0, 0);
  if (!st) {
    size_t n = full.len, endpos = 0;
    for (size_t i = 0; i < n; i++)
      if (full.map_end[i] > endpos) endpos = full.map_end[i];
    full.buf[n] = '\0';
    full.map[n] = full.map_end[n] = endpos;
    t->norm = full.buf;
    t->map = full.map;
    t->map_end = full.map_end;
    t->norm_len = n;
    memset(&full, 0, sizeof full);
  }
  cnkg_mapped_free(&full);
  if (!st) {
    if (html_title) {
      t->title = normalised_copy(in->norm, html_title);
      if (!t->title) st = CNKG_ERR_NOMEM;
    } else if (first_heading) {
      t->title = first_heading;
      first_heading = NULL;
    }
  }
  free(first_heading);
  if (!st) st = join_names(t, CNKG_CREDIT_AUTHOR, &t->author);
  if (!st) st = join_names(t, CNKG_CREDIT_PHOTOGRAPHER, &t->photographer);
  if (!st) st = join_names(t, CNKG_CREDIT_SOURCE, &t->source);
  return st;
}

CnkgStatus cnkg_intake_part(CnkgIntake *in, const CnkgDecoded *d, size_t begin,
                            size_t end, CnkgText **text) {
  if (!in || !d || !text || begin > end || end > d->len) return CNKG_ERR_ARG;
  *text = NULL;
  CnkgText *t = calloc(1, sizeof *t);
  char *orig = cnkg_strndup(d->text + begin, end - begin);
  if (!t || !orig) {
    free(t);
    free(orig);
    return CNKG_ERR_NOMEM;
  }
  /* only the first part has the page title (others may have a heading) */
  CnkgStatus st = prepare(in, t, orig, end - begin, d->encoding, d->is_html,
                          begin == 0 ? d->html_title : NULL);
  if (st) {
    cnkg_text_free(t);
    return st;
  }
  *text = t;
  return CNKG_SUCCESS;
}

CnkgStatus cnkg_intake_text(CnkgIntake *in, const char *name,
                            const void *bytes, size_t len, const CnkgLog *log,
                            CnkgText **text) {
  if (!in || !text || (!bytes && len)) return CNKG_ERR_ARG;
  *text = NULL;
  CnkgDecoded d;
  CnkgStatus st = cnkg_intake_decode(in, name, bytes, len, log, &d);
  if (st) return st;
  CnkgText *t = calloc(1, sizeof *t);
  if (!t) {
    cnkg_decoded_clear(&d);
    return CNKG_ERR_NOMEM;
  }
  char *orig = d.borrowed ? cnkg_strndup(d.text, d.len) : d.text;
  st = orig ? prepare(in, t, orig, d.len, d.encoding, d.is_html, d.html_title)
            : CNKG_ERR_NOMEM;
  if (!d.borrowed) d.text = NULL; /* t has it */
  cnkg_decoded_clear(&d);
  if (st) {
    cnkg_text_free(t);
    return st;
  }
  *text = t;
  return CNKG_SUCCESS;
}
