/* SPDX-License-Identifier: Apache-2.0
 * Page furniture and credit rules (see furniture.h). Patterns are compiled
 * once with UTF and UCP and a match limit; line statistics catch the rest.
 * Depends on furniture.h, mapped.h, text.h and pcre2. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "extractor/furniture.h"

#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cnkg/text.h"
#include "cnkg/grow.h"
#include "extractor/regex.h"

/* Credited names: Han characters, 、 , and spaces, matched lazily as one
 * character class so that backtracking stays linear (nested counted
 * repeats blow the match limit on long Han runs). add_names splits the
 * group at separators and at removed whitespace (a gap in the map) and
 * keeps pieces of two to four characters. */
/* Han characters by block: PCRE2 matches \p{Han} by Script_Extensions,
 * which counts 。、“” as Han. */
#define HANR "\\x{3400}-\\x{4DBF}\\x{4E00}-\\x{9FFF}\\x{F900}-\\x{FAFF}\\x{20000}-\\x{2FFFF}"
#define HAN "[" HANR "]"
#define NAMES "(?<n>" HAN "[" HANR "、, ]{1,28}?)"
/* A news outlet's name: 《title》, or Han ending in a medium's word. */
#define MEDIA "《[^》]{2,16}》|" HAN "{1,12}?(?:日报|晚报|时报|导报|周刊|杂志社" \
              "|杂志|报社|新闻网|电视台|在线|客户端|新闻|网|报|台|社)"

enum {
  P_RELATED,   /* heading of a related-articles block */
  P_LEGAL,     /* copyright, reprint, disclaimer */
  P_META,      /* page meta lines: keywords, share, editor */
  P_CRUMB,     /* breadcrumb navigation */
  P_DATE,      /* dateline with time or issue number; rest in (?<r>) */
  P_AUTHOR,    /* byline */
  P_PHOTO,     /* photo credit at the end of a line */
  P_PHOTO2,    /* "摄影: X" line */
  P_PAREN,     /* "(X Y)" at the end of a piece */
  P_SOURCE,    /* 来源: X */
  P_SOURCE2,   /* (综合 … 报道) */
  P_DATELINE,  /* 本报讯(记者 X 通讯员 Y) at the start of a paragraph */
  P_METASRC,   /* 发布时间: … 来源: X 作者: Y (a meta line with the source) */
  P_COUNT
};

static const char *const PATTERNS[P_COUNT] = {
    [P_RELATED] = "^(?:猜你喜欢|相关(?:阅读|文章|新闻|链接|推荐|报道|专题|内容)"
                  "|延伸阅读|推荐阅读|热门(?:文章|推荐|新闻|阅读)|热点推荐"
                  "|为[你您]推荐|更多(?:精彩|阅读|新闻|推荐)|精彩推荐|往期回顾"
                  "|大家都在看|你可能感兴趣)\\s*[>»:]?\\s*$",
    [P_LEGAL] = "(?i)copyright|©|\\(c\\)\\s*\\d{4}|版权所有|版权归|all rights "
                "reserved|转载|侵权|免责声明|未经.{0,12}(?:许可|授权|同意)|不代表"
                "本(?:站|网)|icp(?:备|证)|联系(?:我们|邮箱)|仅供参考|^本(?:站|网)"
                "|^声明:|[\\w.]+[@#][\\w-]+\\.(?:com|cn|net)|www\\.[\\w-]+\\.",
    [P_META] = "(?i)^(?:关键[词字]|标签|tags?|字号|分享到?|扫一扫|打印|关闭|返回"
               "|点击|浏览|阅读(?:次数|量)|发布时间|上一篇|下一篇|当前位置"
               "|(?:责任)?编辑|责编|审核|校对|监制)(?:[\\s:].{0,40})?$",
    [P_CRUMB] = "^\\s*(?:>|»|首页\\s*[>»])|\\s[>»]\\s.*\\s[>»]\\s",
    [P_DATE] = "^(?:\\d{4}[-./年]\\d{1,2}[-./月]\\d{1,2}日?|\\d{1,2}[./]\\d{1,2}"
               "[./]\\d{4})(?:\\s*\\d{1,2}:\\d{2}(?::\\d{2})?)?\\s*(?<r>.*)$"
               "|^(?<pub>" HAN "{2,8})?\\s*\\d{4}年(?:第)?\\d{1,3}期\\s*(?<r2>.*)$",
    [P_AUTHOR] = "^(?:□\\s*)?(?:(?<o>" MEDIA ")?\\s*" HAN "{0,6}?(?:记者|通讯员"
                 "|特约撰稿人?)|(?<o>" MEDIA ")\\s*" HAN "{0,6}?(?:讯|消息)|作者|文|"
                 "文字|撰文|撰稿|整理|执笔)\\s*[丨|/:]?\\s*" NAMES "\\s*$",
    [P_PHOTO] = "(?:^|(?<=[。!?”)]))\\s*\\(?\\s*(?:" HAN "{0,6}?(?:记者|通讯员)"
                "\\s*)?" NAMES "\\s*摄(?:影)?\\s*\\)?\\s*$",
    [P_PHOTO2] = "^(?:□\\s*)?(?:摄影|图片|图|摄)\\s*[丨|/:]\\s*" NAMES "\\s*$",
    [P_PAREN] = "(?:^|(?<=[。!?”…]))\\s*\\((?:" HAN "{0,6}?(?:记者|通讯员)\\s*)?"
                NAMES "\\)\\s*$",
    [P_SOURCE] = "^(?:□\\s*)?(?:来源|来源于|稿件来源|信息来源|出处|转自)\\s*:"
                 "\\s*(?<s>.{1,60}?)\\s*$",
    [P_DATELINE] = "^(?:本报|本刊|本台|本网|(?<o>" MEDIA "))?\\s*(?:" HAN "{0,6}?"
                   "(?:讯|消息|电))?\\s*\\((?<n>[^()]{0,12}?(?:记者|通讯员)"
                   "[^()]{2,40}?)\\)",
    [P_METASRC] = "^(?:发布)?(?:时间|日期)\\s*[:：].{0,40}?(?<k>(?:来源|稿源)\\s*[:：]\\s*"
                  "(?<s>[^:：\\s]{2,40}?))\\s*(?:(?:作者|记者)\\s*[:：]\\s*" NAMES ")?\\s*$",
    [P_SOURCE2] = "(?:^|(?<=[。!?”]))\\s*\\((?<s>(?:综合|据|来源|转自|摘自|编辑整理"
                  "|本文来源).{1,300}?)\\)\\s*$",
};

struct CnkgFurniture {
  pcre2_code *re[P_COUNT];
  pcre2_match_data *md;
  pcre2_match_context *mc;
  size_t base; /* offset of the last subject in the scanned text */
};

CnkgStatus cnkg_furniture_new(CnkgFurniture **out, char *err, size_t errsize) {
  if (!out) return CNKG_ERR_ARG;
  *out = NULL;
  CnkgFurniture *f = calloc(1, sizeof *f);
  if (!f) return CNKG_ERR_NOMEM;
  for (int i = 0; i < P_COUNT; i++) {
    /* patterns compile per thread: memory can run out here */
    CnkgStatus st = CNKG_SUCCESS;
    f->re[i] = cnkg_re_compile(PATTERNS[i], PCRE2_DUPNAMES, "furniture", err, errsize, &st);
    if (!f->re[i]) {
      cnkg_furniture_free(f);
      return st;
    }
  }
  f->md = pcre2_match_data_create(32, NULL);
  f->mc = cnkg_re_context();
  if (!f->md || !f->mc) { cnkg_furniture_free(f); return CNKG_ERR_NOMEM; }
  *out = f;
  return CNKG_SUCCESS;
}

void cnkg_furniture_free(CnkgFurniture *f) {
  if (!f) return;
  for (int i = 0; i < P_COUNT; i++) pcre2_code_free(f->re[i]);
  pcre2_match_data_free(f->md);
  pcre2_match_context_free(f->mc);
  free(f);
}

/* Matches pattern p on s[a, b); returns true on a match. Match errors
 * (e.g. the match limit) count as no match: a rule that cannot decide
 * leaves the line alone. */
static bool match(CnkgFurniture *f, int p, const char *s, size_t a, size_t b) {
  /* the line is the whole subject so that ^ and lookbehinds see its
   * start */
  f->base = a;
  int rc = pcre2_match(f->re[p], (PCRE2_SPTR)(s + a), b - a, 0, 0, f->md,
                       f->mc);
  return rc > 0;
}

static bool group(CnkgFurniture *f, int p, const char *name, size_t *gb,
                  size_t *ge) {
  /* a name may stand for several groups (one per alternative): the one
   * that is set */
  PCRE2_SPTR first, last;
  int size = pcre2_substring_nametable_scan(f->re[p], (PCRE2_SPTR)name, &first, &last);
  if (size < 0) return false;
  PCRE2_SIZE *ov = pcre2_get_ovector_pointer(f->md);
  uint32_t count = pcre2_get_ovector_count(f->md);
  for (PCRE2_SPTR e = first; e <= last; e += size) {
    uint32_t n = ((uint32_t)e[0] << 8) | e[1];
    if (n >= count || ov[2 * n] == PCRE2_UNSET) continue;
    *gb = f->base + ov[2 * n];
    *ge = f->base + ov[2 * n + 1];
    return true;
  }
  return false;
}

static size_t match_start(CnkgFurniture *f) {
  return f->base + pcre2_get_ovector_pointer(f->md)[0];
}

static size_t cps(const char *s, size_t a, size_t b) {
  size_t n = 0;
  for (size_t i = a; i < b; i++) n += ((unsigned char)s[i] & 0xC0) != 0x80;
  return n;
}

typedef struct {
  CnkgLine *lines;
  size_t n, cap;
  CnkgCredit *credits;
  size_t nc, capc;
} Acc;

static CnkgStatus add_line(Acc *a, size_t b, size_t e, CnkgLineKind k) {
  if (CNKG_GROW(a->lines, a->cap, a->n + 1, 64)) return CNKG_ERR_NOMEM;
  a->lines[a->n++] = (CnkgLine){b, e, k, false};
  return CNKG_SUCCESS;
}

static CnkgStatus add_credit(Acc *a, CnkgCreditRole r, size_t b, size_t e) {
  if (e <= b) return CNKG_SUCCESS;
  if (CNKG_GROW(a->credits, a->capc, a->nc + 1, 8)) return CNKG_ERR_NOMEM;
  a->credits[a->nc++] = (CnkgCredit){r, b, e};
  return CNKG_SUCCESS;
}

/* Words that mark a place or body, never part of a credited person name. */
static bool name_plausible(const char *s, size_t a, size_t b) {
  static const char *const bad[] = {"省", "市", "县", "区", "镇", "乡", "村",
                                    "委", "局", "部", "厅", "报", "网", "社",
                                    "台", "组", "处", "办", "会", "院", "所",
                                    "试行", "图", "摄", "记者", "通讯员"};
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    size_t l = strlen(bad[i]);
    for (size_t j = a; j + l <= b; j++)
      if (memcmp(s + j, bad[i], l) == 0) return false;
  }
  return true;
}

/* Splits a names group at separators and at places where the original had
 * whitespace (a gap in the map between two characters). */
/* Skips role words glued before a name ("记者张三" -> "张三"). */
static size_t skip_roles(const char *s, size_t b, size_t e) {
  static const char *const roles[] = {"本报", "本刊", "特约", "实习", "记者",
                                      "通讯员", "摄影", "见习"};
  bool again = true;
  while (again) {
    again = false;
    for (size_t k = 0; k < sizeof roles / sizeof *roles; k++) {
      size_t l = strlen(roles[k]);
      if (e - b > l && memcmp(s + b, roles[k], l) == 0) {
        b += l;
        again = true;
      }
    }
  }
  return b;
}

static CnkgStatus add_names(Acc *a, const CnkgMapped *t, CnkgCreditRole r,
                            size_t b, size_t e) {
  size_t i = b, start = b;
  CnkgStatus st = CNKG_SUCCESS;
  while (i <= e && !st) {
    bool cut = i == e;
    size_t next = i;
    if (!cut) {
      size_t j = i;
      uint32_t c = cnkg_utf8_next(t->buf, e, &j);
      if (c == 0x3001 || c == ',' || c == ' ' || c == 0x548C /* 和 */) {
        cut = true;
        next = j;
      } else if (i > start && t->map_end[i - 1] < t->map[i]) {
        cut = true;
        next = i;
      }
    }
    if (cut) {
      start = skip_roles(t->buf, start, i);
      size_t n = cps(t->buf, start, i);
      if (n >= 2 && n <= 4 && name_plausible(t->buf, start, i))
        st = add_credit(a, r, start, i);
      if (i == e) break;
      start = next;
      i = next;
      continue;
    }
    cnkg_utf8_next(t->buf, e, &i);
  }
  return st;
}

/* The outlet a byline or dateline names (group "o" of pattern p, last
 * matched), credited as the source without its 《》. */
static CnkgStatus add_outlet(CnkgFurniture *f, int p, const char *s, Acc *a) {
  size_t ob, oe;
  if (!group(f, p, "o", &ob, &oe)) return CNKG_SUCCESS;
  if (memcmp(s + ob, "本", CNKG_HAN_BYTES) == 0) return CNKG_SUCCESS; /* 本报, 本台 */
  if (oe - ob > 6 && memcmp(s + ob, "《", CNKG_HAN_BYTES) == 0 && memcmp(s + oe - CNKG_HAN_BYTES, "》", CNKG_HAN_BYTES) == 0) {
    ob += CNKG_HAN_BYTES;
    oe -= CNKG_HAN_BYTES;
  }
  return add_credit(a, CNKG_CREDIT_SOURCE, ob, oe);
}

static bool ends_sentence(uint32_t c) {
  return c == 0x3002 || c == '!' || c == '?' || c == ';' || c == 0x2026 ||
         c == 0x201D || c == 0x2019 || c == ':' || c == ')' || c == '.';
}

static uint32_t last_cp(const char *s, size_t a, size_t b) {
  if (b <= a) return 0;
  size_t i = b - 1;
  while (i > a && ((unsigned char)s[i] & 0xC0) == 0x80) i--;
  return cnkg_utf8_next(s, b, &i);
}

static uint32_t first_cp(const char *s, size_t a, size_t b) {
  if (b <= a) return 0;
  return cnkg_utf8_next(s, b, &a);
}

static bool has_word_char(const char *s, size_t a, size_t b) {
  size_t i = a;
  while (i < b) {
    uint32_t c = cnkg_utf8_next(s, b, &i);
    if (cnkg_is_han(c) || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
        (c >= 'A' && c <= 'Z'))
      return true;
  }
  return false;
}

/* A line made of short fragments separated by sep: search-bait place lists
 * ("甲县| 乙市| …") and spam headline strings ("…_…_…"). */
static bool fragment_list(const char *s, size_t a, size_t b, char sep,
                          size_t max_mean) {
  size_t seps = 0;
  for (const char *p = memchr(s + a, sep, b - a); p && seps < 3;
       p = memchr(p + 1, sep, (size_t)(s + b - p - 1)))
    seps++;
  if (seps < 3) return false;
  seps = 0;
  for (size_t i = a; i < b; i++) seps += s[i] == sep;
  for (size_t i = a; i + 2 < b; i++)
    if (memcmp(s + i, "\xE3\x80\x82", CNKG_HAN_BYTES) == 0) return false; /* 。: prose */
  return cps(s, a, b) / (seps + 1) <= max_mean;
}

/* A line of four or more short fragments that the original separated by
 * whitespace (normalisation removed it between Han characters; the map
 * still shows the gaps) and no punctuation: headline strings and tag
 * clouds. Bylines are matched before this rule. */
static bool gap_fragments(const CnkgMapped *t, size_t b, size_t e) {
  size_t frags = 1, len = 0, longest = 0, i = b;
  while (i < e) {
    size_t at = i;
    uint32_t c = cnkg_utf8_next(t->buf, e, &i);
    if (c == 0x3002 || c == ',' || c == '!' || c == '?' || c == ';' ||
        c == ':' || c == 0x201C || c == 0x201D || c == 0x3001)
      return false;
    bool gap = c == ' ' || (at > b && t->map_end[at - 1] < t->map[at]);
    if (gap) {
      if (len > longest) longest = len;
      if (len > 0) frags++;
      len = c == ' ' ? 0 : 1;
    } else {
      len++;
    }
  }
  if (len > longest) longest = len;
  return frags >= 4 && longest <= 10;
}

/* A title-like line in a related-articles list. */
static bool list_item(const char *s, size_t a, size_t b) {
  size_t n = cps(s, a, b);
  uint32_t l = last_cp(s, a, b);
  return n <= 40 && !(l == 0x3002 || l == '!' || l == ';');
}

static bool has_bytes(const char *s, size_t a, size_t b, const char *needle) {
  size_t l = strlen(needle);
  for (size_t i = a; i + l <= b; i++)
    if (memcmp(s + i, needle, l) == 0) return true;
  return false;
}

typedef struct {
  size_t hash;
  size_t b, e;
} Seen;

static size_t hash_bytes(const char *s, size_t a, size_t b) {
  size_t h = 1469598103934665603u;
  for (size_t i = a; i < b; i++) h = (h ^ (unsigned char)s[i]) * 1099511628211u;
  return h;
}

/* "本报讯(记者 X)正文…": the dateline credit becomes its own piece and
 * *b, *n move past it; *done when the line needs nothing more. */
static CnkgStatus split_dateline(CnkgFurniture *f, const CnkgMapped *t, size_t *b, size_t e,
                                 size_t *n, Acc *a, bool *done) {
  const char *s = t->buf;
  size_t gb, ge;
  if (memchr(s + *b, '(', e - *b < 60 ? e - *b : 60) &&
      match(f, P_DATELINE, s, *b, e) && group(f, P_DATELINE, "n", &gb, &ge)) {
    size_t before = a->nc;
    /* the outlet (大河网讯(记者 X)) is credited as the source */
    CnkgStatus st = add_outlet(f, P_DATELINE, s, a);
    size_t outlet = a->nc - before;
    if (!st) st = add_names(a, t, CNKG_CREDIT_AUTHOR, gb, ge);
    if (st) {
      *done = true;
      return st;
    }
    if (a->nc == before + outlet) a->nc = before; /* no names: no credit */
    if (a->nc > before) {
      size_t at = ge + 1; /* after ')' */
      st = add_line(a, *b, at, CNKG_LINE_CREDIT);
      if (st || at >= e) {
        *done = true;
        return st;
      }
      *b = at;
      *n = cps(s, *b, e);
    }
  }
  return CNKG_SUCCESS;
}

/* The rules for short lines (furniture, bylines, meta lines, dates);
 * *b moves past a leading date; *done when the line is classified. */
static CnkgStatus short_line(CnkgFurniture *f, const CnkgMapped *t, size_t *pb, size_t e,
                             size_t n, Acc *a, bool *done) {
  const char *s = t->buf;
  size_t b = *pb, gb, ge;
  *done = true;
  /* Furniture lines are short; long paragraphs skip the unanchored
   * patterns, which are the costly ones. */
  bool crumb_char = memchr(s + b, '>', e - b) != NULL ||
                    has_bytes(s, b, e, "\xC2\xBB");
  if (n <= 120 && (match(f, P_LEGAL, s, b, e) ||
                   (crumb_char && match(f, P_CRUMB, s, b, e))))
    return add_line(a, b, e, CNKG_LINE_DROP);
  if (match(f, P_DATE, s, b, e)) {
    if (!group(f, P_DATE, "r", &gb, &ge) && !group(f, P_DATE, "r2", &gb, &ge))
      gb = ge = e;
    size_t pb2, pe;
    CnkgStatus st = CNKG_SUCCESS;
    if (group(f, P_DATE, "pub", &pb2, &pe)) {
      /* "X导报 2020年23期": the publication is the source */
      st = add_credit(a, CNKG_CREDIT_SOURCE, pb2, pe);
      if (!st) st = add_line(a, b, pe, CNKG_LINE_CREDIT);
      b = pe;
    }
    if (!st) st = add_line(a, b, gb, CNKG_LINE_DROP);
    if (st || gb >= e) return st;
    b = gb;
    *pb = b;
  }
  if (match(f, P_SOURCE, s, b, e) && group(f, P_SOURCE, "s", &gb, &ge)) {
    CnkgStatus st = add_credit(a, CNKG_CREDIT_SOURCE, gb, ge);
    return st ? st : add_line(a, b, e, CNKG_LINE_CREDIT);
  }
  if (memchr(s + b, ':', e - b) && match(f, P_METASRC, s, b, e) &&
      group(f, P_METASRC, "k", &gb, &ge)) {
    /* the time goes, the source and its authors stay as a credit */
    size_t sb, se;
    CnkgStatus st = add_line(a, b, gb, CNKG_LINE_DROP);
    if (!st && group(f, P_METASRC, "s", &sb, &se))
      st = add_credit(a, CNKG_CREDIT_SOURCE, sb, se);
    size_t nb, ne;
    if (!st && group(f, P_METASRC, "n", &nb, &ne))
      st = add_names(a, t, CNKG_CREDIT_AUTHOR, nb, ne);
    return st ? st : add_line(a, gb, e, CNKG_LINE_CREDIT);
  }
  if (match(f, P_META, s, b, e)) return add_line(a, b, e, CNKG_LINE_DROP);
  if (match(f, P_AUTHOR, s, b, e) && group(f, P_AUTHOR, "n", &gb, &ge)) {
    CnkgStatus st = add_outlet(f, P_AUTHOR, s, a);
    if (!st) st = add_names(a, t, CNKG_CREDIT_AUTHOR, gb, ge);
    return st ? st : add_line(a, b, e, CNKG_LINE_CREDIT);
  }
  if (match(f, P_PHOTO2, s, b, e) && group(f, P_PHOTO2, "n", &gb, &ge)) {
    CnkgStatus st = add_names(a, t, CNKG_CREDIT_PHOTOGRAPHER, gb, ge);
    return st ? st : add_line(a, b, e, CNKG_LINE_CREDIT);
  }
  *done = false;
  return CNKG_SUCCESS;
}

/* Credits at the end of a line: the prose before them stays prose.
 * *done when one was found (and the line classified). */
static CnkgStatus tail_credit(CnkgFurniture *f, const CnkgMapped *t, size_t b, size_t e,
                              Acc *a, bool *done) {
  const char *s = t->buf;
  size_t gb, ge;
  static const int tails[] = {P_PHOTO, P_SOURCE2, P_PAREN};
  uint32_t tail = last_cp(s, b, e);
  for (size_t k = 0; k < sizeof tails / sizeof *tails; k++) {
    int p = tails[k];
    /* cheap test on the last character before the regex */
    if (p == P_PHOTO ? (tail != 0x6444 /* 摄 */ && tail != 0x5F71 /* 影 */ &&
                        tail != ')')
                     : tail != ')')
      continue;
    if (!match(f, p, s, b, e)) continue;
    size_t at = match_start(f);
    CnkgStatus st;
    if (p == P_SOURCE2) {
      if (!group(f, p, "s", &gb, &ge)) continue;
      st = add_credit(a, CNKG_CREDIT_SOURCE, gb, ge);
    } else {
      if (!group(f, p, "n", &gb, &ge)) continue;
      size_t before = a->nc;
      st = add_names(a, t,
                     p == P_PHOTO ? CNKG_CREDIT_PHOTOGRAPHER : CNKG_CREDIT_AUTHOR,
                     gb, ge);
      if (!st && a->nc == before) continue; /* nothing name-like */
    }
    /* a caption without punctuation before the credit stays prose */
    if (!st && p == P_PHOTO && a->nc > 0 && a->credits[a->nc - 1].role ==
                                                 CNKG_CREDIT_PHOTOGRAPHER) {
      size_t first = a->credits[a->nc - 1].begin;
      for (size_t c = a->nc; c-- > 0 && a->credits[c].begin >= at;)
        first = a->credits[c].begin;
      if (first > at) at = first;
    }
    while (at < e && s[at] == ' ') at++;
    *done = true;
    if (!st && at > b) st = add_line(a, b, at, CNKG_LINE_PROSE);
    return st ? st : add_line(a, at, e, CNKG_LINE_CREDIT);
  }
  return CNKG_SUCCESS;
}

/* Classifies one trimmed line [b, e) and appends its pieces. */
static CnkgStatus classify(CnkgFurniture *f, const CnkgMapped *t, size_t b,
                           size_t e, Acc *a) {
  const char *s = t->buf;
  if (!has_word_char(s, b, e)) return add_line(a, b, e, CNKG_LINE_DROP);
  if (fragment_list(s, b, e, '|', 12) || fragment_list(s, b, e, '_', 24))
    return add_line(a, b, e, CNKG_LINE_DROP);
  size_t n = cps(s, b, e);
  /* Furniture, bylines and meta lines are short; long lines only get the
   * tail credit rules below (regexes are most of the cost here). */
  bool done = false;
  CnkgStatus st = split_dateline(f, t, &b, e, &n, a, &done);
  if (done) return st;
  if (n <= 80) {
    st = short_line(f, t, &b, e, n, a, &done);
    if (done) return st;
  }
  st = tail_credit(f, t, b, e, a, &done);
  if (done) return st;
  if (n <= 80 && gap_fragments(t, b, e))
    return add_line(a, b, e, CNKG_LINE_DROP);
  uint32_t l = last_cp(s, b, e);
  uint32_t first = first_cp(s, b, e);
  bool heading = (n <= 30 && !ends_sentence(l) && l != ',') ||
                 (first == 0x2014 && n <= 60);
  return add_line(a, b, e, heading ? CNKG_LINE_HEADING : CNKG_LINE_PROSE);
}

CnkgStatus cnkg_furniture_scan(CnkgFurniture *f, const CnkgMapped *t,
                               CnkgLine **lines, size_t *n_lines,
                               CnkgCredit **credits, size_t *n_credits) {
  if (!f || !t || !lines || !n_lines || !credits || !n_credits)
    return CNKG_ERR_ARG;
  *lines = NULL;
  *credits = NULL;
  *n_lines = *n_credits = 0;
  Acc a = {0};
  CnkgStatus st = CNKG_SUCCESS;
  const char *s = t->buf ? t->buf : "";
  size_t len = t->len;
  bool in_related = false;
  Seen *seen = NULL;
  size_t n_seen = 0, cap_seen = 0;
  size_t i = 0;
  while (i < len && !st) {
    const char *nl = memchr(s + i, '\n', len - i);
    size_t e = nl ? (size_t)(nl - s) : len, b = i;
    i = e + 1;
    while (b < e && s[b] == ' ') b++;
    while (e > b && s[e - 1] == ' ') e--;
    if (b == e) continue;
    if (e - b <= 90 && match(f, P_RELATED, s, b, e)) {
      in_related = true;
      st = add_line(&a, b, e, CNKG_LINE_DROP);
      continue;
    }
    if (in_related) {
      if (list_item(s, b, e)) {
        st = add_line(&a, b, e, CNKG_LINE_DROP);
        continue;
      }
      in_related = false;
    }
    /* Short lines repeated (titles, bylines printed twice) keep only their
     * first occurrence. */
    size_t n = cps(s, b, e);
    if (n <= 60) {
      size_t h = hash_bytes(s, b, e);
      /* open addressing, kept at most half full: linear in the lines */
      if (2 * (n_seen + 1) > cap_seen) {
        size_t cap = cap_seen ? cap_seen * 2 : 64;
        Seen *ns = calloc(cap, sizeof *ns);
        if (!ns) { st = CNKG_ERR_NOMEM; break; }
        for (size_t k = 0; k < cap_seen; k++) {
          if (seen[k].e == 0) continue;
          size_t j = seen[k].hash & (cap - 1);
          while (ns[j].e != 0) j = (j + 1) & (cap - 1);
          ns[j] = seen[k];
        }
        free(seen);
        seen = ns;
        cap_seen = cap;
      }
      size_t j = h & (cap_seen - 1);
      bool dup = false;
      while (seen[j].e != 0 && !dup) {
        dup = seen[j].hash == h && seen[j].e - seen[j].b == e - b &&
              memcmp(s + seen[j].b, s + b, e - b) == 0;
        if (!dup) j = (j + 1) & (cap_seen - 1);
      }
      if (dup) {
        st = add_line(&a, b, e, CNKG_LINE_DROP);
        continue;
      }
      seen[j] = (Seen){h, b, e}; /* e > 0 marks the slot used */
      n_seen++;
    }
    st = classify(f, t, b, e, &a);
  }
  free(seen);
  /* Lines broken mid-sentence: a long prose line that stops on a
   * character, followed by prose starting with one. */
  for (size_t k = 0; !st && k < a.n; k++) {
    CnkgLine *l = &a.lines[k];
    if (l->kind != CNKG_LINE_PROSE && l->kind != CNKG_LINE_HEADING) continue;
    size_t m = k + 1;
    if (m >= a.n) break;
    CnkgLine *nx = &a.lines[m];
    if (nx->kind != CNKG_LINE_PROSE && nx->kind != CNKG_LINE_HEADING) continue;
    uint32_t last = last_cp(s, l->begin, l->end);
    uint32_t first = first_cp(s, nx->begin, nx->end);
    bool open_end = cnkg_is_han(last) || (last >= '0' && last <= '9');
    bool cont = cnkg_is_han(first) || (first >= '0' && first <= '9');
    if (open_end && cont && cps(s, l->begin, l->end) >= 33 &&
        cps(s, nx->begin, nx->end) >= 2) {
      l->join_next = true;
      l->kind = CNKG_LINE_PROSE;
      if (nx->kind == CNKG_LINE_HEADING) nx->kind = CNKG_LINE_PROSE;
    }
  }
  if (st) {
    free(a.lines);
    free(a.credits);
    return st;
  }
  *lines = a.lines;
  *n_lines = a.n;
  *credits = a.credits;
  *n_credits = a.nc;
  return CNKG_SUCCESS;
}
