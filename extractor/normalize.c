/* SPDX-License-Identifier: Apache-2.0
 * Normaliser (see normalize.h): one pass of character rules, then t2s.
 * t2s uses a character table built from OpenCC at start-up; lines holding a
 * character that t2s changes are converted again by OpenCC as a whole so
 * phrase rules apply. Depends on normalize.h, mapped.h, text.h, OpenCC. */
#include "extractor/normalize.h"

#include <opencc/opencc.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cnkg/memory.h"
#include "cnkg/text.h"

#define DEFAULT_T2S "/usr/share/opencc/t2s.json"
#define TABLE_SIZE 0x10000u
#define FLAG_ONLY 0xFFFFFFFFu /* t2s changes it, but not into one char */
#define PHRASE 0x80000000u    /* OpenCC's phrase table may override it */

/* The characters that OpenCC's t2s phrase table (TSPhrases) converts
 * differently from its character table (TSCharacters), found by comparing
 * the two with opencc_dict (OpenCC 1.1). Lines holding one of them, or a
 * character beyond the BMP, go through OpenCC whole; all other lines use
 * the character table, which gives the same result far faster. */
static const char PHRASE_SENSITIVE[] =
    "覆乾藉於鍊徵鍾瞭麼沈鉅吒衹薹畫牴么噁濛昇俱彷麽";

/* OpenCC is C++: an allocation failing inside it throws std::bad_alloc,
 * which aborts a C program. It is opened once (extract.c shares one
 * normaliser between all threads) and called only with this much memory
 * free, so that cnkg can report being out of memory instead; calls take
 * a lock, as OpenCC does not say that a converter may be shared. */
#define OPENCC_OPEN_ROOM ((size_t)64 << 20)
#define OPENCC_CALL_ROOM ((size_t)4 << 20)

struct CnkgNormalize {
  opencc_t cc;
  uint32_t *t2s; /* TABLE_SIZE entries: 0 = unchanged */
  pthread_mutex_t cc_lock;
};

static bool table_range(uint32_t cp) {
  return (cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF);
}

static CnkgStatus build_table(CnkgNormalize *n, char *err, size_t errsize) {
  size_t count = 0;
  for (uint32_t cp = 0; cp < TABLE_SIZE; cp++) count += table_range(cp);
  char *in = malloc(count * 4 + 1);
  if (!in) return CNKG_ERR_NOMEM;
  size_t len = 0;
  for (uint32_t cp = 0; cp < TABLE_SIZE; cp++) {
    if (!table_range(cp)) continue;
    len += cnkg_utf8_encode(cp, in + len);
    in[len++] = '\n';
  }
  char *conv = opencc_convert_utf8(n->cc, in, len);
  if (!conv) {
    free(in);
    snprintf(err, errsize, "OpenCC conversion failed: %s", opencc_error());
    return CNKG_ERR_DATA;
  }
  size_t clen = strlen(conv), i = 0, j = 0;
  for (uint32_t cp = 0; cp < TABLE_SIZE && j < clen; cp++) {
    if (!table_range(cp)) continue;
    uint32_t orig = cnkg_utf8_next(in, len, &i);
    i++; /* newline */
    size_t line = j;
    while (j < clen && conv[j] != '\n') j++;
    size_t k = line;
    uint32_t got = cnkg_utf8_next(conv, j, &k);
    if (k == j) {
      if (got != orig) n->t2s[orig] = got;
      /* (results are below 0x110000, so the PHRASE bit is free) */
    } else {
      n->t2s[orig] = FLAG_ONLY;
    }
    j++;
  }
  opencc_convert_utf8_free(conv);
  free(in);
  size_t k = 0;
  while (k < sizeof PHRASE_SENSITIVE - 1) {
    uint32_t cp = cnkg_utf8_next(PHRASE_SENSITIVE, sizeof PHRASE_SENSITIVE - 1, &k);
    if (cp < TABLE_SIZE) n->t2s[cp] |= PHRASE;
  }
  return CNKG_SUCCESS;
}

CnkgStatus cnkg_normalize_new(const char *config, CnkgNormalize **out,
                              char *err, size_t errsize) {
  if (!out) return CNKG_ERR_ARG;
  *out = NULL;
  char dummy[8];
  if (!err) { err = dummy; errsize = sizeof dummy; }
  if (errsize) err[0] = '\0';
  CnkgNormalize *n = calloc(1, sizeof *n);
  if (!n) return CNKG_ERR_NOMEM;
  n->t2s = calloc(TABLE_SIZE, sizeof *n->t2s);
  if (!n->t2s || !cnkg_memory_headroom(OPENCC_OPEN_ROOM)) {
    free(n->t2s);
    free(n);
    snprintf(err, errsize, "out of memory opening OpenCC");
    return CNKG_ERR_NOMEM;
  }
  pthread_mutex_init(&n->cc_lock, NULL);
  const char *cfg = config ? config : DEFAULT_T2S;
  n->cc = opencc_open(cfg);
  if (n->cc == (opencc_t)-1) {
    snprintf(err, errsize, "cannot open OpenCC config %s: %s", cfg,
             opencc_error());
    pthread_mutex_destroy(&n->cc_lock);
    free(n->t2s);
    free(n);
    return CNKG_ERR_DATA;
  }
  CnkgStatus st = build_table(n, err, errsize);
  if (st) { cnkg_normalize_free(n); return st; }
  *out = n;
  return CNKG_SUCCESS;
}

void cnkg_normalize_free(CnkgNormalize *n) {
  if (!n) return;
  if (n->cc && n->cc != (opencc_t)-1) opencc_close(n->cc);
  pthread_mutex_destroy(&n->cc_lock);
  free(n->t2s);
  free(n);
}


/* ---- character rules */

static bool is_space(uint32_t c) {
  return c == ' ' || c == '\t' || c == 0x3000 || c == 0xA0 ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F;
}

/* Characters that are not text and are dropped: controls, and the format
 * characters (Unicode category Cf: soft hyphen, zero-width characters,
 * bidirectional embeddings, overrides and isolates, invisible operators,
 * tags) with the invisible selectors and joiners, which a writer or an
 * attacker can put inside a name (郑\u00AD海燕, 郑\u202E海燕) without it
 * showing. The offset map is unaffected: a dropped character maps nowhere
 * and a span across it still covers it in the original. */
static bool is_invisible(uint32_t c) {
  if (c < 0x20) return c != '\n' && c != '\t';
  if (c < 0xAD) return c == 0x7F;
  return c == 0xAD || c == 0x34F || (c >= 0x600 && c <= 0x605) || c == 0x61C ||
         c == 0x6DD || c == 0x70F || c == 0x8E2 || c == 0x180E ||
         (c >= 0x180B && c <= 0x180D) || (c >= 0x200B && c <= 0x200F) ||
         (c >= 0x202A && c <= 0x202E) || (c >= 0x2060 && c <= 0x2064) ||
         (c >= 0x2066 && c <= 0x206F) || (c >= 0xFE00 && c <= 0xFE0F) ||
         c == 0xFEFF || (c >= 0xFFF9 && c <= 0xFFFB) || c == 0x110BD || c == 0x110CD ||
         (c >= 0x13430 && c <= 0x1343F) || (c >= 0x1BCA0 && c <= 0x1BCA3) ||
         (c >= 0x1D173 && c <= 0x1D17A) || c == 0xE0001 ||
         (c >= 0xE0020 && c <= 0xE007F) || (c >= 0xE0100 && c <= 0xE01EF);
}

/* Characters between which whitespace means nothing in Chinese text. */
static bool is_cjkish(uint32_t c) {
  return cnkg_is_han(c) || (c >= 0x3000 && c <= 0x303F) ||
         (c >= 0xFF00 && c <= 0xFFEF) || (c >= 0x2018 && c <= 0x201F) ||
         c == 0x2014 || c == 0x2026 || c == 0x00B7 || c == ',' || c == '.' ||
         c == ';' || c == ':' || c == '!' || c == '?' || c == ')' ||
         c == '(' || c == 0x3001 || c == 0x3002;
}

/* Tone-marked vowel -> plain vowel ('v' for ü), else 0. */
static char tone_base(uint32_t c) {
  static const struct { uint32_t cp; char base; } tones[] = {
      {0x101, 'a'}, {0xE1, 'a'},  {0x1CE, 'a'}, {0xE0, 'a'},  {0x113, 'e'},
      {0xE9, 'e'},  {0x11B, 'e'}, {0xE8, 'e'},  {0x12B, 'i'}, {0xED, 'i'},
      {0x1D0, 'i'}, {0xEC, 'i'},  {0x14D, 'o'}, {0xF3, 'o'},  {0x1D2, 'o'},
      {0xF2, 'o'},  {0x16B, 'u'}, {0xFA, 'u'},  {0x1D4, 'u'}, {0xF9, 'u'},
      {0x1D6, 'v'}, {0x1D8, 'v'}, {0x1DA, 'v'}, {0x1DC, 'v'}, {0xFC, 'v'},
      {0x144, 'n'}, {0x148, 'n'}, {0x1F9, 'n'}, {0x1E3F, 'm'}};
  for (size_t i = 0; i < sizeof tones / sizeof *tones; i++)
    if (tones[i].cp == c) return tones[i].base;
  return 0;
}

static bool final_ok(const char *f) {
  static const char *const finals[] = {
      "a",   "o",    "e",    "i",   "u",    "v",   "ai",  "ei",  "ao",
      "ou",  "an",   "en",   "ang", "eng",  "ong", "er",  "ia",  "ie",
      "iao", "iu",   "ian",  "in",  "iang", "ing", "iong", "ua", "uo",
      "uai", "ui",   "uan",  "un",  "uang", "ueng", "ve",  "van", "vn",
      "ue",  "io",   "n",    "ng",  "m"};
  for (size_t i = 0; i < sizeof finals / sizeof *finals; i++)
    if (strcmp(f, finals[i]) == 0) return true;
  return false;
}

bool cnkg_normalize_is_pinyin(const char *s, size_t len) {
  char buf[12];
  size_t n = 0, i = 0;
  bool toned = false;
  while (i < len) {
    uint32_t c = cnkg_utf8_next(s, len, &i);
    char b;
    if (c >= 'a' && c <= 'z') b = (char)c;
    else if (c >= 'A' && c <= 'Z') b = (char)(c - 'A' + 'a');
    else if ((b = tone_base(c)) != 0) toned = true;
    else return false;
    if (n + 1 >= sizeof buf) return false;
    buf[n++] = b;
  }
  buf[n] = '\0';
  if (n == 0) return false;
  const char *f = buf;
  if (strncmp(f, "zh", 2) == 0 || strncmp(f, "ch", 2) == 0 ||
      strncmp(f, "sh", 2) == 0)
    f += 2;
  else if (strchr("bpmfdtnlgkhjqxrzcsyw", f[0]) && f[1])
    f += 1;
  /* j q x y take u for ü */
  (void)toned;
  return final_ok(f) || (f != buf && f[0] == 'u' && final_ok(f));
}

typedef struct {
  CnkgMapped *out;
  uint32_t prev;       /* last emitted code point on this line, 0 at start */
  size_t prev_at;      /* its first byte in out */
  bool pending;        /* whitespace seen since prev */
  size_t pending_k;    /* offset of that whitespace */
  bool dq_open;        /* a straight " opened a quotation on this line */
  const uint32_t *t2s; /* the t2s table, to note whether t2s has work */
  bool t2s_work;       /* some emitted character is in the table */
} Pass;

static inline size_t encode(uint32_t c, char *u) {
  if (c < 0x80) { u[0] = (char)c; return 1; }
  return cnkg_utf8_encode(c, u);
}

static CnkgStatus emit(Pass *p, uint32_t c, size_t kb, size_t ke) {
  CnkgMapped *m = p->out;
  if (c < TABLE_SIZE && p->t2s[c]) p->t2s_work = true;
  p->prev_at = m->len;
  p->prev = c;
  if (m->len + 5 > m->cap) {
    char u[4];
    size_t n = encode(c, u);
    return cnkg_mapped_append(m, u, n, kb, ke);
  }
  /* room known: write directly (this is the innermost loop) */
  size_t n = encode(c, m->buf + m->len);
  for (size_t j = 0; j < n; j++) {
    m->map[m->len + j] = kb;
    m->map_end[m->len + j] = ke;
  }
  m->len += n;
  m->buf[m->len] = '\0';
  return CNKG_SUCCESS;
}

/* Recognises "(pinyin)" at s[i] ('(' already decoded, i after it); on
 * success returns the byte offset after ')' and the number of code points
 * consumed (including both parentheses) in *cps. */
static size_t romanisation(const char *s, size_t len, size_t i, size_t *cps,
                           bool *toned) {
  size_t start = i, n = 1, j = i;
  while (j < len && n < 12) {
    size_t at = j;
    uint32_t c = cnkg_utf8_next(s, len, &j);
    n++;
    if (c == ')' || c == 0xFF09) {
      if (cnkg_normalize_is_pinyin(s + start, at - start)) {
        *cps = n;
        return j;
      }
      return 0;
    }
    if (tone_base(c)) *toned = true;
    else if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return 0;
  }
  return 0;
}

static CnkgStatus pass_chars(const CnkgNormalize *n, const char *s, size_t len,
                             CnkgMapped *out, bool *t2s_work) {
  Pass p = {out, 0, 0, false, 0, false, n->t2s, false};
  size_t i = 0, k = 0;
  CnkgStatus st = CNKG_SUCCESS;
  while (i < len && !st) {
    uint32_t c = cnkg_utf8_next_valid(s, &i);
    size_t kc = k++;
    /* most characters are plain CJK ideographs: straight through */
    if (c >= 0x4E00 && c <= 0x9FFF && !p.pending) {
      st = emit(&p, c, kc, kc + 1);
      continue;
    }
    if (c == '\r') {
      if (i < len && s[i] == '\n') continue;
      c = '\n';
    }
    /* U+2029 ends a paragraph; U+2028 breaks a line inside one (as <br>
     * does), which between Chinese characters is no break in the text:
     * it is whitespace, and a name across it stays whole */
    if (c == '\f' || c == 0x2029) c = '\n';
    if (c == 0x2028) c = ' ';
    if (c == '\n') {
      st = cnkg_mapped_append(out, "\n", 1, kc, kc + 1);
      p.prev = 0;
      p.pending = false;
      p.dq_open = false;
      continue;
    }
    if (is_invisible(c)) continue;
    if (is_space(c)) {
      if (!p.pending) p.pending_k = kc;
      p.pending = true;
      continue;
    }
    if (c >= 0xFF01 && c <= 0xFF5E) c -= 0xFEE0;
    if (c == '(' && p.prev != 0 && !p.pending) {
      size_t cps = 0;
      bool toned = false;
      size_t after = romanisation(s, len, i, &cps, &toned);
      /* after a Han character any pinyin syllable; after anything else
       * (mojibake, punctuation) only one with a tone mark */
      if (after && (toned || cnkg_is_han(p.prev))) {
        /* the romanisation belongs to the character before it */
        for (size_t b = p.prev_at; b < out->len; b++)
          out->map_end[b] = kc + cps;
        i = after;
        k = kc + cps;
        continue;
      }
    }
    switch (c) {
      case 0x300C: case 0x301D: case 0x201F: c = 0x201C; break;
      case 0x300D: case 0x301E: case 0x301F: case 0x201E: c = 0x201D; break;
      case 0x300E: c = 0x2018; break;
      case 0x300F: c = 0x2019; break;
      case '"':
        c = p.dq_open ? 0x201D : 0x201C;
        p.dq_open = !p.dq_open;
        break;
      default: break;
    }
    if (p.pending && p.prev != 0 && !(is_cjkish(p.prev) && is_cjkish(c))) {
      st = cnkg_mapped_append(out, " ", 1, p.pending_k, p.pending_k + 1);
      if (st) break;
    }
    p.pending = false;
    st = emit(&p, c, kc, kc + 1);
  }
  *t2s_work = p.t2s_work;
  return st;
}

/* ---- Traditional -> Simplified */

static size_t count_cps(const char *s, size_t len) {
  size_t n = 0;
  for (size_t i = 0; i < len; i++) n += ((unsigned char)s[i] & 0xC0) != 0x80;
  return n;
}

/* Appends conv (the conversion of src bytes [a, b)) to out, aligning
 * character by character when counts agree, else spreading the span. */
static CnkgStatus align(const CnkgMapped *src, size_t a, size_t b,
                        const char *conv, size_t clen, CnkgMapped *out) {
  size_t n_in = count_cps(src->buf + a, b - a);
  size_t n_out = count_cps(conv, clen);
  CnkgStatus st = CNKG_SUCCESS;
  if (n_in == n_out) {
    size_t i = a, j = 0;
    while (j < clen && !st) {
      size_t j0 = j, i0 = i;
      cnkg_utf8_next(conv, clen, &j);
      cnkg_utf8_next(src->buf, b, &i);
      st = cnkg_mapped_append(out, conv + j0, j - j0, src->map[i0],
                              src->map_end[i0]);
    }
    return st;
  }
  size_t lo = src->map[a], hi = src->map_end[b - 1], span = hi - lo;
  size_t j = 0, idx = 0;
  while (j < clen && !st) {
    size_t j0 = j;
    cnkg_utf8_next(conv, clen, &j);
    size_t cb = lo + idx * span / n_out, ce = lo + (idx + 1) * span / n_out;
    if (ce <= cb) ce = cb + 1 <= hi ? cb + 1 : hi;
    st = cnkg_mapped_append(out, conv + j0, j - j0, cb, ce);
    idx++;
  }
  return st;
}

static void table_in_place(const CnkgNormalize *n, CnkgMapped *m, size_t i,
                           size_t e);

static CnkgStatus convert_table(const CnkgNormalize *n, const CnkgMapped *src,
                                size_t a, size_t b, CnkgMapped *out) {
  size_t at = out->len;
  CnkgStatus st = cnkg_mapped_copy(out, src, a, b);
  if (!st) table_in_place(n, out, at, out->len);
  return st;
}

static CnkgStatus convert_opencc(CnkgNormalize *n, const CnkgMapped *src,
                                 size_t a, size_t b, CnkgMapped *out) {
  pthread_mutex_lock(&n->cc_lock);
  bool room = cnkg_memory_headroom(OPENCC_CALL_ROOM + 16 * (b - a));
  char *conv = room ? opencc_convert_utf8(n->cc, src->buf + a, b - a) : NULL;
  pthread_mutex_unlock(&n->cc_lock);
  if (!room) return CNKG_ERR_NOMEM;
  if (!conv) return convert_table(n, src, a, b, out);
  CnkgStatus st = align(src, a, b, conv, strlen(conv), out);
  opencc_convert_utf8_free(conv);
  return st;
}

static bool needs_opencc(const CnkgNormalize *n, uint32_t c) {
  return c >= 0x20000 ? c <= 0x2FFFF : (c < TABLE_SIZE && (n->t2s[c] & PHRASE));
}

/* One line with a phrase-sensitive character: the table converts it,
 * except windows of WINDOW characters either side of each such character
 * (longer than any OpenCC t2s phrase), which OpenCC converts, so a length
 * change or a spread map stays inside the window. */
#define WINDOW 8
static CnkgStatus convert_line(CnkgNormalize *n, const CnkgMapped *src,
                               size_t a, size_t b, CnkgMapped *out) {
  CnkgStatus st = CNKG_SUCCESS;
  size_t i = a, done = a;
  while (i < b && !st) {
    size_t at = i;
    uint32_t c = cnkg_utf8_next_valid(src->buf, &i);
    if (!needs_opencc(n, c)) continue;
    /* window start: WINDOW characters back, not before done */
    size_t ws = at;
    for (int k = 0; k < WINDOW && ws > done; k++) {
      ws--;
      while (ws > done && ((unsigned char)src->buf[ws] & 0xC0) == 0x80) ws--;
    }
    /* window end: WINDOW characters after the last sensitive one in it */
    size_t we = i;
    int left = WINDOW;
    while (we < b && left > 0) {
      uint32_t d = cnkg_utf8_next_valid(src->buf, &we);
      left = needs_opencc(n, d) ? WINDOW : left - 1;
    }
    st = convert_table(n, src, done, ws, out);
    if (!st) st = convert_opencc(n, src, ws, we, out);
    done = i = we;
  }
  if (!st) st = convert_table(n, src, done, b, out);
  return st;
}

/* Whether line [i, e) of m needs t2s: *phrases if OpenCC must see it
 * whole, else *changes if the character table changes something. */
static size_t scan_line(const CnkgNormalize *n, const CnkgMapped *m, size_t i,
                        bool *changes, bool *phrases) {
  size_t e = i;
  bool strong = false, weak = false, other = false;
  while (e < m->len && m->buf[e] != '\n') {
    unsigned char c = (unsigned char)m->buf[e];
    if (c >= 0xE3 && c <= 0xEF) {
      uint32_t t = n->t2s[cnkg_utf8_next_valid(m->buf, &e)];
      if (!t) continue;
      if (!(t & PHRASE)) other = true;
      else if (t & ~PHRASE) strong = true; /* itself Traditional */
      else weak = true; /* e.g. 么: matters only in Traditional text */
    } else {
      /* CJK beyond the BMP (U+20000..2FFFF): not in the table */
      if (c == 0xF0 && e + 1 < m->len &&
          (unsigned char)m->buf[e + 1] >= 0xA0 &&
          (unsigned char)m->buf[e + 1] <= 0xAF)
        strong = true;
      e++;
    }
  }
  *phrases = strong || (weak && other);
  *changes = other;
  return e;
}

/* Table conversion in place: BMP Han to BMP Han keeps the byte length. */
static void table_in_place(const CnkgNormalize *n, CnkgMapped *m, size_t i,
                           size_t e) {
  while (i < e) {
    unsigned char c = (unsigned char)m->buf[i];
    if (c >= 0xE3 && c <= 0xEF) {
      size_t at = i;
      uint32_t t = n->t2s[cnkg_utf8_next_valid(m->buf, &i)];
      if (t && !(t & PHRASE) && t >= 0x800 && t < 0x10000)
        cnkg_utf8_encode(t, m->buf + at);
    } else {
      i++;
    }
  }
}

CnkgStatus cnkg_normalize_run(CnkgNormalize *n, const char *s, size_t len,
                              CnkgMapped *out) {
  if (!n || !out || (!s && len)) return CNKG_ERR_ARG;
  size_t start = out->len;
  /* output is rarely longer than the input: one allocation, no regrowth */
  CnkgStatus st = cnkg_mapped_reserve(out, len + len / 16 + 16);
  bool work = false;
  if (!st) st = pass_chars(n, s, len, out, &work);
  if (st || !work) return st; /* nothing Traditional: done */
  /* Lines without phrase-sensitive characters are converted in place; the
   * rest of the text from the first line that needs OpenCC (which may
   * change lengths) is rebuilt. */
  size_t first = SIZE_MAX;
  for (size_t i = start; i < out->len;) {
    bool changes, phrases;
    size_t e = scan_line(n, out, i, &changes, &phrases);
    if (phrases && first == SIZE_MAX) first = i;
    else if (changes && !phrases) table_in_place(n, out, i, e);
    i = e + 1;
  }
  if (first == SIZE_MAX) return CNKG_SUCCESS;
  CnkgMapped tmp = {0};
  st = cnkg_mapped_copy(&tmp, out, first, out->len);
  out->len = first;
  size_t i = 0;
  while (!st && i < tmp.len) {
    bool changes, phrases;
    size_t e = scan_line(n, &tmp, i, &changes, &phrases);
    if (phrases)
      st = convert_line(n, &tmp, i, e, out);
    else /* converted above */
      st = cnkg_mapped_copy(out, &tmp, i, e);
    if (!st && e < tmp.len) st = cnkg_mapped_copy(out, &tmp, e, e + 1);
    i = e + 1;
  }
  cnkg_mapped_free(&tmp);
  if (!st && out->buf) out->buf[out->len] = '\0';
  return st;
}
