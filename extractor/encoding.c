/* SPDX-License-Identifier: Apache-2.0
 * Encoding detection (BOM, UTF-8 validity, uchardet) and conversion (iconv)
 * to UTF-8 with U+FFFD for invalid sequences. Depends on encoding.h,
 * text.h, log.h, uchardet and iconv; foreign errors end here. */
#include "extractor/encoding.h"

#include <errno.h>
#include <iconv.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <uchardet/uchardet.h>

#include "cnkg/memory.h"
#include "cnkg/grow.h"
#include "cnkg/text.h"

static const char REPLACEMENT[] = "\xEF\xBF\xBD";

typedef struct {
  char *buf;
  size_t len, cap;
  size_t bad;        /* invalid sequences replaced */
  size_t first_bad;  /* byte offset of the first one */
} Out;

static bool out_reserve(Out *o, size_t extra) {
  return CNKG_GROW(o->buf, o->cap, o->len + extra + 1, 1024) == CNKG_SUCCESS;
}

static void note_bad(Out *o, size_t offset) {
  if (o->bad++ == 0) o->first_bad = offset;
}

/* UTF-8 with invalid bytes replaced. */
static CnkgStatus copy_utf8(const char *s, size_t len, size_t base, Out *o) {
  if (!out_reserve(o, len * 3)) return CNKG_ERR_NOMEM;
  size_t i = 0;
  while (i < len) {
    size_t start = i;
    uint32_t cp = cnkg_utf8_next(s, len, &i);
    if (cp == 0xFFFD &&
        !(i - start == 3 && memcmp(s + start, REPLACEMENT, 3) == 0)) {
      note_bad(o, base + start);
      memcpy(o->buf + o->len, REPLACEMENT, 3);
      o->len += 3;
    } else {
      memcpy(o->buf + o->len, s + start, i - start);
      o->len += i - start;
    }
  }
  o->buf[o->len] = '\0';
  return CNKG_SUCCESS;
}

/* iconv conversion; with strict, stops at the first invalid sequence and
 * returns CNKG_ERR_TEXT. */
static CnkgStatus convert(const char *from, const char *s, size_t len,
                          size_t base, bool strict, Out *o) {
  iconv_t cd = iconv_open("UTF-8", from);
  if (cd == (iconv_t)-1) return CNKG_ERR_TEXT;
  CnkgStatus st = CNKG_SUCCESS;
  char *in = (char *)(uintptr_t)s;
  size_t left = len;
  while (left > 0) {
    if (!out_reserve(o, left * 4 + 16)) { st = CNKG_ERR_NOMEM; break; }
    char *op = o->buf + o->len;
    size_t oleft = o->cap - o->len - 1;
    size_t r = iconv(cd, &in, &left, &op, &oleft);
    o->len = (size_t)(op - o->buf);
    if (r != (size_t)-1) break;
    if (errno == E2BIG) continue;
    if (strict) { st = CNKG_ERR_TEXT; break; }
    /* EILSEQ or EINVAL (truncated at the end): replace one byte. */
    note_bad(o, base + (size_t)(in - s));
    if (!out_reserve(o, 3)) { st = CNKG_ERR_NOMEM; break; }
    memcpy(o->buf + o->len, REPLACEMENT, 3);
    o->len += 3;
    in++;
    left--;
    if (errno == EINVAL && left == 0) break;
  }
  iconv_close(cd);
  if (o->buf) o->buf[o->len] = '\0';
  return st;
}

/* Very frequent characters of Chinese prose, in both scripts. */
static const char COMMON[] =
    "的一是在不了有和人这中大为上个国我以要他时来们到地于出就对成会可发年"
    "也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如"
    "水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因"
    "由其些然前外天政四日那社义事平形相全表间样与关各重新内数正心明看原又"
    "這為個國時來們於對會發過說產種後學與經進點從業當還問題內長門開關見間"
    "現實體機資農鄉鎮縣區黨員書記場戶貧";

static int cmp_u32(const void *a, const void *b) {
  uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
  return x < y ? -1 : x > y;
}

/* How many of the first 20000 characters are frequent ones. */
static size_t common_score(const char *s, size_t len) {
  uint32_t set[512];
  size_t n = 0, i = 0;
  while (i < sizeof COMMON - 1 && n < 512)
    set[n++] = cnkg_utf8_next(COMMON, sizeof COMMON - 1, &i);
  qsort(set, n, sizeof *set, cmp_u32);
  size_t score = 0, seen = 0;
  i = 0;
  while (i < len && seen++ < 20000) {
    uint32_t cp = cnkg_utf8_next(s, len, &i);
    if (cp >= 0x4E00 && bsearch(&cp, set, n, sizeof *set, cmp_u32)) score++;
  }
  return score;
}

/* Share of control characters (other than tab, newline, CR, FF) and NULs in
 * decoded UTF-8: binary files score high. */
static bool looks_binary(const char *s, size_t len) {
  size_t ctl = 0;
  for (size_t i = 0; i < len; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
      if (c == 0) return true;
      ctl++;
    }
  }
  /* against bytes, not characters: Chinese text has ~3 bytes a char */
  return ctl * 50 > len;
}

static CnkgStatus finish(const char *name, const CnkgLog *log, Out *o,
                         const char *enc, char **out, size_t *out_len,
                         const char **encoding) {
  if (!o->buf && !out_reserve(o, 0)) return CNKG_ERR_NOMEM;
  o->buf[o->len] = '\0';
  size_t chars = o->bad ? cnkg_utf8_count(o->buf, o->len) : 0;
  if (looks_binary(o->buf, o->len) || (chars > 0 && o->bad * 5 > chars)) {
    cnkg_log(log, CNKG_LOG_ERROR, name, CNKG_NO_POS,
             "binary or undecodable input (tried %s); skipped", enc);
    free(o->buf);
    return CNKG_ERR_TEXT;
  }
  if (o->bad > 0)
    cnkg_log(log, CNKG_LOG_WARNING, name, o->first_bad,
             "invalid %s sequence replaced with U+FFFD (%zu in all)", enc, o->bad);
  *out = o->buf;
  *out_len = o->len;
  *encoding = enc;
  return CNKG_SUCCESS;
}

bool cnkg_encoding_plain_utf8(const void *bytes, size_t len) {
  const unsigned char *b = bytes;
  if (len >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF) return false;
  const char *s = bytes;
  return !memchr(s, 0, len) && cnkg_utf8_valid(s, len) && !looks_binary(s, len);
}

CnkgStatus cnkg_encoding_decode(const char *name, const void *bytes,
                                size_t len, const CnkgLog *log, char **out,
                                size_t *out_len, const char **encoding) {
  if (!out || !out_len || !encoding || (!bytes && len)) return CNKG_ERR_ARG;
  *out = NULL;
  *out_len = 0;
  *encoding = NULL;
  const unsigned char *b = bytes;
  const char *s = bytes;
  Out o = {0};
  CnkgStatus st;

  if (len >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF) {
    st = copy_utf8(s + 3, len - 3, 3, &o);
    if (st) { free(o.buf); return st; }
    return finish(name, log, &o, "UTF-8", out, out_len, encoding);
  }
  if (len >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) ||
                   (b[0] == 0xFE && b[1] == 0xFF))) {
    const char *enc = b[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";
    st = convert(enc, s + 2, len - 2, 2, false, &o);
    if (st) { free(o.buf); return st; }
    return finish(name, log, &o, enc, out, out_len, encoding);
  }
  if (!memchr(s, 0, len) && cnkg_utf8_valid(s, len)) {
    if (!out_reserve(&o, len)) return CNKG_ERR_NOMEM;
    memcpy(o.buf, s, len);
    o.len = len;
    return finish(name, log, &o, "UTF-8", out, out_len, encoding);
  }
  if (memchr(s, 0, len)) {
    cnkg_log(log, CNKG_LOG_ERROR, name, CNKG_NO_POS,
             "binary input (NUL bytes, no byte-order mark); skipped");
    return CNKG_ERR_TEXT;
  }

  /* Not UTF-8: ask uchardet, but trust a Chinese encoding that decodes
   * cleanly over a Latin guess (short Chinese texts are often misread). */
  char detected[64] = "";
  /* uchardet is C++ (a failed allocation in it would abort) and copies the
   * text it is given: only with room for that */
  if (!cnkg_memory_headroom(((size_t)8 << 20) + 2 * len)) return CNKG_ERR_NOMEM;
  uchardet_t ud = uchardet_new();
  if (ud) {
    if (uchardet_handle_data(ud, s, len) == 0) {
      uchardet_data_end(ud);
      const char *cs = uchardet_get_charset(ud);
      if (cs) {
        strncpy(detected, cs, sizeof detected - 1);
        detected[sizeof detected - 1] = '\0';
      }
    }
    uchardet_delete(ud);
  }
  /* GB18030 accepts most Big5 byte strings and vice versa, so when both
   * decode cleanly the one rich in common characters wins. */
  Out gb = {0}, big5 = {0};
  CnkgStatus sg = convert("GB18030", s, len, 0, true, &gb);
  CnkgStatus sb = convert("BIG5", s, len, 0, true, &big5);
  if (sg == CNKG_ERR_NOMEM || sb == CNKG_ERR_NOMEM) {
    free(gb.buf);
    free(big5.buf);
    return CNKG_ERR_NOMEM;
  }
  if (sg == CNKG_SUCCESS && sb == CNKG_SUCCESS) {
    size_t score_gb = common_score(gb.buf, gb.len);
    size_t score_big5 = common_score(big5.buf, big5.len);
    bool use_big5 = score_big5 > score_gb ||
                    (score_big5 == score_gb &&
                     strncasecmp(detected, "BIG5", 4) == 0);
    if (use_big5) {
      free(gb.buf);
      return finish(name, log, &big5, "BIG5", out, out_len, encoding);
    }
    free(big5.buf);
    return finish(name, log, &gb, "GB18030", out, out_len, encoding);
  }
  if (sg == CNKG_SUCCESS) {
    free(big5.buf);
    return finish(name, log, &gb, "GB18030", out, out_len, encoding);
  }
  if (sb == CNKG_SUCCESS) {
    free(gb.buf);
    return finish(name, log, &big5, "BIG5", out, out_len, encoding);
  }
  free(gb.buf);
  free(big5.buf);
  /* Nothing decodes cleanly: use the detector's guess (or GB18030) and
   * replace what fails. */
  const char *enc = "GB18030";
  static const char *const known[] = {"UTF-8",      "GB18030",  "BIG5",
                                      "UTF-16LE",   "UTF-16BE", "EUC-TW",
                                      "WINDOWS-1252", "ISO-8859-1"};
  for (size_t k = 0; k < sizeof known / sizeof *known; k++)
    if (strcasecmp(detected, known[k]) == 0) enc = known[k];
  if (strcmp(enc, "UTF-8") == 0)
    st = copy_utf8(s, len, 0, &o);
  else
    st = convert(enc, s, len, 0, false, &o);
  if (st) {
    free(o.buf);
    if (st == CNKG_ERR_TEXT)
      cnkg_log(log, CNKG_LOG_ERROR, name, CNKG_NO_POS,
               "undecodable input; skipped");
    return st;
  }
  return finish(name, log, &o, enc, out, out_len, encoding);
}
