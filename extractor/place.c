/* SPDX-License-Identifier: Apache-2.0
 * Place recogniser: finds provinces, prefectures, counties, townships and
 * villages in a document (division-list names, short forms, address chains,
 * LAC place words with an administrative suffix, enumerations of villages),
 * links each to its official code when the document's own context decides
 * it, and builds the locatedIn hierarchy, completed from the list.
 * Depends on docstate.h, division.h, lac.h, graph.h and pcre2. */
#include "extractor/place.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "cnkg/text.h"
#include "extractor/recognizers.h"

/* Longest name tried against the list, in characters. */
#define MAX_NAME_CHARS 24
_Static_assert(MAX_NAME_CHARS < 31, "bit L of cnkg_division_prefix_lengths() is length L");
/* Bounds on pcre2's work per match (backtracking guard). */
#define MATCH_LIMIT 200000u
#define DEPTH_LIMIT 5000u

struct CnkgPlaceRecognizer {
  const CnkgDivision *div;   /* borrowed; outlives the recogniser */
  pcre2_code *enum_re;       /* "A、B、C 3个村" enumerations */
  pcre2_match_context *mctx; /* match limits; only read by pcre2_match */
};

/* One place mention found in the document. */
typedef struct {
  size_t sent;            /* sentence index (SIZE_MAX: the title) */
  size_t begin, end;      /* normalised byte offsets of the mention */
  char *form;             /* the place's name as written (owned) */
  CnkgDivId *ids;         /* list records it may be (owned) */
  size_t n_ids;
  CnkgDivId link;         /* the record it is, or CNKG_DIV_NONE */
  CnkgLevel level;        /* resolved level; NONE drops the mention */
  CnkgLevel suffix_level; /* level its suffix implies, or NONE */
  CnkgLevel force;        /* level an enumeration implies, or NONE */
  bool weak;              /* short form / enumeration item: kept only if linked
                             (or forced) */
  bool conflict;          /* its chain predecessor cannot contain it */
  bool short_form;        /* written without its level suffix */
  size_t alias;           /* fuller mention it abbreviates (红旗 of 红旗村), or SIZE_MAX */
  bool modifier;          /* bare name qualifying a noun (延安精神, 烟台苹果) */
  bool natural;           /* a natural village (自然村) of an administrative one */
  size_t prev;            /* chain predecessor (adjacent in text), or SIZE_MAX */
  size_t parent;          /* enclosing mention for unlinked places, or SIZE_MAX */
  size_t entity;          /* graph entity, or SIZE_MAX */
} Cand;

typedef struct {
  const CnkgPlaceRecognizer *r;
  CnkgDocState *st;
  Cand *c;
  size_t n, cap;
  size_t *section;        /* per sentence: index of the heading above, or SIZE_MAX */
  size_t lead_para;       /* paragraphs <= this are the document's lead */
  CnkgDivId *title_ids;   /* places the title names unambiguously */
  size_t n_title;
  /* Where a mention's context lies in c (sorted by position, so each group
   * is a run): per mention, the index ranges of its sentence, paragraph and
   * section; the lead is c[0, lead_hi); heads lists the mentions of heading
   * lines. Set by index_groups() once the mentions are sorted. */
  size_t *sent_lo, *sent_hi, *para_lo, *para_hi, *sec_lo, *sec_hi;
  size_t lead_hi;
  size_t *heads;
  size_t n_heads;
  size_t *par;            /* per mention: the place it hangs on if unlinked
                             (see group_parents), or SIZE_MAX */
} Work;

/* Context searches look at most this many mentions either side of the
 * mention in each of its groups (sentence, paragraph, section, lead,
 * headings): a one-paragraph megabyte would otherwise cost O(n^2). Real
 * paragraphs hold far fewer places, so this changes nothing on them. */
#define NEAR_WINDOW 256

/* ------------------------------------------------------------------ text */

static bool ends_with(const char *s, size_t len, const char *suf) {
  size_t n = strlen(suf);
  return len >= n && memcmp(s + len - n, suf, n) == 0;
}

static bool starts_with(const char *s, size_t len, const char *pre) {
  size_t n = strlen(pre);
  return len >= n && memcmp(s, pre, n) == 0;
}

/* A table word with its length taken at compile time: the tables below are
 * read for every name the list scan finds, and strlen over them cost more
 * than the comparisons. */
typedef struct {
  const char *s;
  size_t len;
} Word;
#define W(lit) {lit, sizeof(lit) - 1}

static bool ends_with_word(const char *s, size_t len, Word w) {
  return len >= w.len && memcmp(s + len - w.len, w.s, w.len) == 0;
}

static bool is_word(const char *s, size_t len, Word w) {
  return len == w.len && memcmp(s, w.s, len) == 0;
}

/* Level an administrative suffix implies on its own. 市 and 区 are left to
 * the list (prefecture- or county-level city; district or 园区/片区). */
static CnkgLevel suffix_level(const char *s, size_t len) {
  static const struct { Word suf; CnkgLevel level; } tab[] = {
      {W("自治区"), CNKG_LEVEL_PROVINCE}, {W("省"), CNKG_LEVEL_PROVINCE},
      {W("自治州"), CNKG_LEVEL_PREFECTURE}, {W("地区"), CNKG_LEVEL_PREFECTURE},
      {W("州"), CNKG_LEVEL_PREFECTURE},   {W("盟"), CNKG_LEVEL_PREFECTURE},
      {W("县"), CNKG_LEVEL_COUNTY},       {W("旗"), CNKG_LEVEL_COUNTY},
      {W("特区"), CNKG_LEVEL_COUNTY},     {W("林区"), CNKG_LEVEL_COUNTY},
      {W("乡"), CNKG_LEVEL_TOWNSHIP},     {W("镇"), CNKG_LEVEL_TOWNSHIP},
      {W("苏木"), CNKG_LEVEL_TOWNSHIP},   {W("街道"), CNKG_LEVEL_TOWNSHIP},
      {W("村"), CNKG_LEVEL_VILLAGE},      {W("嘎查"), CNKG_LEVEL_VILLAGE},
      {W("社区"), CNKG_LEVEL_VILLAGE},    {W("居委会"), CNKG_LEVEL_VILLAGE},
      {W("村委会"), CNKG_LEVEL_VILLAGE},  {W("村民委员会"), CNKG_LEVEL_VILLAGE},
      {W("居民委员会"), CNKG_LEVEL_VILLAGE}, {W("寨"), CNKG_LEVEL_VILLAGE},
      {W("屯"), CNKG_LEVEL_VILLAGE},
  };
  for (size_t i = 0; i < sizeof tab / sizeof tab[0]; i++)
    if (ends_with_word(s, len, tab[i].suf) && len > tab[i].suf.len)
      return tab[i].level;
  return CNKG_LEVEL_NONE;
}

/* True if the name ends with a level suffix, including the ambiguous 市/区. */
static bool has_suffix(const char *s, size_t len) {
  return suffix_level(s, len) != CNKG_LEVEL_NONE ||
         (len > 3 && (ends_with(s, len, "市") || ends_with(s, len, "区")));
}

static size_t base_len(const char *s, size_t len);

static bool is_numeral(uint32_t cp) {
  static const char digits[] = "一二三四五六七八九十两百千几多";
  size_t i = 0, n = sizeof digits - 1;
  while (i < n)
    if (cnkg_utf8_next(digits, n, &i) == cp) return true;
  return cp >= '0' && cp <= '9';
}

/* Generic words built like place names (a modifier plus a suffix) that name
 * a kind of place, not a place: 贫困村, 全县, 园区 ... */
static bool is_generic(const char *s, size_t len) {
  static const Word whole[] = {
      W("城区"), W("郊区"), W("矿区"), W("新区"), W("园区"), W("片区"), W("景区"),
      W("山区"), W("牧区"), W("市区"), W("县区"), W("社区"), W("街道"), W("新村"),
      W("农村"), W("山村"), W("乡村"), W("城镇"), W("乡镇"), W("村镇"), W("市县"),
      W("县乡"), W("县市"), W("省区"), W("县城"), W("集镇"), W("村村"), W("城市"),
      W("城乡"), W("老区"), W("灾区"), W("湖区"), W("库区"), W("林区"), W("垦区"),
      W("校区"), W("辖区"), W("小区"), W("地区"), W("东部地区"), W("西部地区"),
      W("中部地区"), W("边疆地区"), W("民族地区"), W("贫困地区"), W("农村地区"),
      W("自治区"), W("自治州"), W("自治县"), W("示范区"), W("开发区"), W("保护区"),
      W("试验区"), W("集中区"), W("核心区"), W("聚集区"), W("旅游区"), W("功能区"),
      W("风景区"), W("安置区"), W("移民村"), W("中心村"), W("搬迁村"), W("明星村"),
      W("特色村"), W("文明村"), W("示范村"), W("空心村"), W("民族村"), W("旅游村"),
      W("一村"), W("每村"), W("本村"), W("该村"), W("各村"), W("全村"), W("邻村"),
      W("我村"), W("此村"), W("外村"), W("本乡"), W("该乡"), W("各乡"), W("全乡"),
      W("我乡"), W("本镇"), W("该镇"), W("各镇"), W("全镇"), W("我镇"), W("本县"),
      W("该县"), W("各县"), W("全县"), W("我县"), W("外县"), W("邻县"), W("本市"),
      W("该市"), W("各市"), W("全市"), W("我市"), W("本区"), W("该区"), W("全区"),
      W("各区"), W("我区"), W("本省"), W("该省"), W("各省"), W("全省"), W("我省"),
      W("外省"), W("本旗"), W("该旗"), W("全旗"), W("各旗"), W("我旗"), W("本州"),
      W("全州"), W("该州"), W("各州"), W("全盟"), W("该盟"), W("神州"), W("亚洲"),
      W("欧洲"), W("非洲"), W("美洲"), W("绿洲"), W("嘎查村"), W("古镇"), W("镇村"),
      W("州县"), W("包村"), W("联乡"), W("驻村"), W("进村"), W("入村"), W("到村"),
      W("通村"), W("建村"), W("强村"), W("兴村"), W("富村"), W("兴镇"), W("富镇"),
      W("强镇"), W("集镇区"), W("城镇区"),
  };
  for (size_t i = 0; i < sizeof whole / sizeof whole[0]; i++)
    if (is_word(s, len, whole[i])) return true;
  static const Word mods[] = {
      W("贫困"), W("非贫困"), W("深度贫困"), W("示范"), W("重点"), W("行政"), W("自然"),
      W("中心"), W("试点"), W("先进"), W("文明"), W("移民"), W("搬迁"), W("边远"),
      W("偏远"), W("特困"), W("出列"), W("帮扶"), W("对口"), W("所在"), W("周边"),
      W("附近"), W("相邻"), W("其他"), W("其它"), W("少数民族"), W("民族"), W("美丽"),
      W("特色"), W("新农"), W("农业"), W("工业"), W("沿海"), W("内地"), W("山区"),
      W("革命"), W("全国"), W("国家级"), W("省级"), W("市级"), W("县级"), W("乡级"),
      W("村级"), W("建制"), W("建档立卡"), W("脱贫"), W("摘帽"), W("经济"), W("旅游"),
      W("产业"), W("生态"), W("宜居"), W("传统"), W("历史"), W("文化"), W("重点贫困"),
      W("插花"), W("空壳"), W("薄弱"), W("后进"), W("国贫"), W("省贫"), W("高海拔"),
      W("边境"), W("牧业"), W("半农半牧"), W("农业大"), W("人口大"),
  };
  /* 三县, 北部两县, 南四县: a count of places. */
  size_t bl = base_len(s, len);
  if (has_suffix(s, len) && bl < len && bl >= 3) {
    size_t i = 0, last = 0;
    uint32_t cp = 0;
    while (i < bl) {
      last = i;
      cp = cnkg_utf8_next(s, bl, &i);
    }
    (void)last;
    if (is_numeral(cp)) return true;
  }
  for (size_t i = 0; i < sizeof mods / sizeof mods[0]; i++) {
    size_t m = mods[i].len;
    if (len > m && memcmp(mods[i].s, s, m) == 0 && suffix_level(s, len)) {
      size_t rest = len - m;
      if (rest <= 9) return true; /* modifier + one short suffix */
    }
  }
  return false;
}

/* The name's last two characters are a common word for a kind of village
 * (乡村, 农村, 山村). */
static bool ends_in_generic_word(const char *s, size_t len) {
  static const Word words[] = {W("乡村"), W("农村"), W("山村")};
  for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
    if (ends_with_word(s, len, words[i])) return true;
  return false;
}

/* Ordinary words that are also a county's name without its suffix: never
 * taken as that county unless written in full. */
static bool is_common_word(const char *s, size_t len) {
  static const Word words[] = {
      W("资源"), W("和平"), W("东方"), W("通道"), W("合作"), W("富民"), W("新华"),
      W("城关"), W("长安"), W("开发"), W("民主"), W("团结"), W("胜利"), W("光明"),
      W("前进"), W("红旗"), W("建设"), W("振兴"), W("新建"), W("友好"), W("城中"),
      W("城东"), W("城西"), W("城南"), W("城北"), W("市中"), W("江北"), W("江南"),
      W("河东"), W("河西"), W("郊区"), W("矿区"), W("安全"), W("新城"), W("永和"),
      W("平安"), W("龙山"), W("白云"), W("青山"), W("南山"), W("东风"), W("向阳"),
      W("新兴"), W("中山"), W("中原"), W("海城"), W("平原"), W("高新"), W("经济"),
      W("宁安"), W("兴业"), W("顺义"), W("新区"), W("大同"), W("太和"), W("永安"),
      W("安定"), W("长宁"), W("普陀"), W("城区"), W("金山"),
  };
  for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
    if (is_word(s, len, words[i])) return true;
  return false;
}

/* Characters that may follow a place's short form inside a word about that
 * place (松阳县委, 黔东南州, 广西人). */
static bool is_follow_char(uint32_t cp) {
  static const uint32_t ok[] = {0x53BF /*县*/, 0x5E02 /*市*/, 0x5DDE /*州*/,
                                0x65D7 /*旗*/, 0x76DF /*盟*/, 0x7701 /*省*/,
                                0x533A /*区*/, 0x59D4 /*委*/, 0x4EBA /*人*/,
                                0x5E9C /*府*/};
  for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
    if (ok[i] == cp) return true;
  return false;
}

/* Characters that do not start names: prepositions, conjunctions and the
 * like that LAC may leave as one-character words before a place. */
static bool is_function_char(uint32_t cp) {
  static const char fn[] = "在到和与及从向往由至的了是为把被对将给让等各全本该每";
  size_t i = 0, n = sizeof fn - 1;
  while (i < n)
    if (cnkg_utf8_next(fn, n, &i) == cp) return true;
  return false;
}

/* Words no unlisted place name contains (X扶贫整村 is a programme). */
static bool has_generic_part(const char *s, size_t len) {
  static const Word parts[] = {
      W("扶贫"), W("贫困"), W("脱贫"), W("建设"), W("发展"), W("项目"), W("推进"),
      W("工作"), W("示范"), W("整村"), W("海拔"), W("连片"), W("特困"), W("国家"),
      W("全国"), W("各级"), W("三级"),
  };
  for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
    size_t m = parts[i].len;
    for (size_t y = 0; y + m <= len; y++)
      if (memcmp(s + y, parts[i].s, m) == 0) return true;
  }
  return false;
}

static bool is_suffix_char(uint32_t cp) {
  static const char sufs[] = "省市区县旗州盟乡镇村";
  size_t i = 0, n = sizeof sufs - 1;
  while (i < n)
    if (cnkg_utf8_next(sufs, n, &i) == cp) return true;
  return false;
}

/* The place form of a committee name: 红河村委会 -> 红河村 (bytes kept). */
static size_t place_form_len(const char *s, size_t len) {
  static const struct { Word suf, rep; } cut[] = {
      {W("村民委员会"), W("村")}, {W("村委会"), W("村")}, {W("社区居民委员会"), W("社区")},
      {W("社区居委会"), W("社区")}, {W("嘎查委员会"), W("嘎查")},
  };
  for (size_t i = 0; i < sizeof cut / sizeof cut[0]; i++)
    if (ends_with_word(s, len, cut[i].suf) && len > cut[i].suf.len) {
      size_t rest = len - cut[i].suf.len;
      /* 王家村|村委会: the name already ends with 村. */
      if (ends_with_word(s, rest, cut[i].rep)) return rest;
      return rest + cut[i].rep.len;
    }
  return len;
}

/* The name without its level suffix, for grouping unlinked mentions. */
static size_t base_len(const char *s, size_t len) {
  static const Word suf[] = {
      W("村民委员会"), W("居民委员会"), W("村委会"), W("居委会"), W("自治区"), W("自治州"),
      W("自治县"), W("自治旗"), W("苏木"), W("街道"), W("嘎查"), W("社区"), W("地区"),
      W("省"), W("市"), W("州"), W("盟"), W("县"), W("旗"), W("区"), W("乡"), W("镇"),
      W("村"),
  };
  for (size_t i = 0; i < sizeof suf / sizeof suf[0]; i++) {
    size_t n = suf[i].len;
    if (ends_with_word(s, len, suf[i]) && len >= n + 3) return len - n;
  }
  return len;
}

/* ----------------------------------------------------------- lifecycle */

CnkgStatus cnkg_place_new(const CnkgDivision *division, CnkgPlaceRecognizer **out,
                          char *err, size_t errsize) {
  if (!out) return CNKG_ERR_ARG;
  *out = NULL;
  if (!division) {
    if (err && errsize) snprintf(err, errsize, "place recogniser: no division list");
    return CNKG_ERR_ARG;
  }
  CnkgPlaceRecognizer *r = calloc(1, sizeof *r);
  if (!r) return CNKG_ERR_NOMEM;
  r->div = division;
  /* Items of 1-6 Han characters joined by 、, then a count of villages or
   * townships (5个贫困村, 三个行政村, 4个乡镇, 2个村委会) or
   * 行政村/自然村 directly. Group 1: the items; group 2/3: the kind. */
  static const char pat[] =
      "((?:\\p{Han}{1,6}、){1,15}\\p{Han}{1,6}?)等?"
      "(?:(?:[0-9]+|[一二三四五六七八九十两]+)个[^，。；、,;：:省市区州县乡镇村]{0,10}?"
      "(村委会|村|乡镇|乡|镇|嘎查|社区|县|旗)|(?:行政|自然)(村)|(?:扶贫)?整(村)推进)";
  int ec = 0;
  PCRE2_SIZE eo = 0;
  r->enum_re = pcre2_compile((PCRE2_SPTR)pat, PCRE2_ZERO_TERMINATED,
                             PCRE2_UTF | PCRE2_UCP, &ec, &eo, NULL);
  if (!r->enum_re) {
    if (err && errsize) {
      PCRE2_UCHAR msg[160];
      pcre2_get_error_message(ec, msg, sizeof msg);
      snprintf(err, errsize, "place recogniser: enumeration pattern at %zu: %s",
               (size_t)eo, (const char *)msg);
    }
    cnkg_place_free(r);
    return CNKG_ERR_PATTERN;
  }
  (void)pcre2_jit_compile(r->enum_re, PCRE2_JIT_COMPLETE); /* optional speed-up */
  r->mctx = pcre2_match_context_create(NULL);
  if (!r->mctx) {
    cnkg_place_free(r);
    return CNKG_ERR_NOMEM;
  }
  pcre2_set_match_limit(r->mctx, MATCH_LIMIT);
  pcre2_set_depth_limit(r->mctx, DEPTH_LIMIT);
  *out = r;
  return CNKG_SUCCESS;
}

void cnkg_place_free(CnkgPlaceRecognizer *r) {
  if (!r) return;
  pcre2_code_free(r->enum_re);
  pcre2_match_context_free(r->mctx);
  free(r);
}

/* ---------------------------------------------------------- candidates */

static void cand_free(Cand *c) {
  free(c->form);
  free(c->ids);
}

/* Appends a mention; takes nothing, copies the form. */
static CnkgStatus add_cand(Work *w, size_t sent, size_t begin, size_t end,
                           const char *form, size_t form_len, const CnkgDivId *ids,
                           size_t n_ids, bool weak, CnkgLevel force, size_t *index) {
  if (w->n == w->cap) {
    size_t cap = w->cap ? w->cap * 2 : 64;
    Cand *c = realloc(w->c, cap * sizeof *c);
    if (!c) return CNKG_ERR_NOMEM;
    w->c = c;
    w->cap = cap;
  }
  Cand *c = &w->c[w->n];
  memset(c, 0, sizeof *c);
  c->form = cnkg_strndup(form, form_len);
  if (!c->form) return CNKG_ERR_NOMEM;
  if (n_ids) {
    c->ids = malloc(n_ids * sizeof *c->ids);
    if (!c->ids) {
      free(c->form);
      return CNKG_ERR_NOMEM;
    }
    memcpy(c->ids, ids, n_ids * sizeof *ids);
  }
  c->n_ids = n_ids;
  c->sent = sent;
  c->begin = begin;
  c->end = end;
  c->link = CNKG_DIV_NONE;
  c->suffix_level = suffix_level(form, form_len);
  c->force = force;
  c->weak = weak;
  c->prev = c->parent = c->entity = c->alias = SIZE_MAX;
  if (index) *index = w->n;
  w->n++;
  return CNKG_SUCCESS;
}

/* Per-character view of one sentence and its LAC words. */
typedef struct {
  const char *s;      /* sentence text */
  size_t n;           /* bytes */
  size_t nc;          /* characters */
  size_t *off;        /* nc + 1 byte offsets */
  uint32_t *cp;       /* nc code points */
  bool *wstart;       /* nc + 1: a LAC word starts here */
  bool *wend;         /* nc + 1: a LAC word ends here */
  const char **wtag;  /* nc: tag of the LAC word holding the character */
  bool have_lac;
} SentView;

static void view_free(SentView *v) {
  free(v->off);
  free(v->cp);
  free(v->wstart);
  free(v->wend);
  free(v->wtag);
}

static CnkgStatus view_make(const char *s, size_t n, const CnkgLacResult *lac,
                            SentView *v) {
  memset(v, 0, sizeof *v);
  v->s = s;
  v->n = n;
  v->off = malloc((n + 1) * sizeof *v->off);
  v->cp = malloc((n + 1) * sizeof *v->cp);
  v->wstart = calloc(n + 1, sizeof *v->wstart);
  v->wend = calloc(n + 1, sizeof *v->wend);
  v->wtag = calloc(n + 1, sizeof *v->wtag);
  if (!v->off || !v->cp || !v->wstart || !v->wend || !v->wtag) {
    view_free(v);
    return CNKG_ERR_NOMEM;
  }
  size_t i = 0, k = 0;
  while (i < n) {
    v->off[k] = i;
    v->cp[k] = cnkg_utf8_next(s, n, &i);
    k++;
  }
  v->off[k] = n;
  v->nc = k;
  if (lac && lac->n_words) {
    v->have_lac = true;
    for (size_t j = 0; j < lac->n_words; j++) {
      const CnkgLacWord *wd = &lac->words[j];
      if (wd->cbegin >= wd->cend || wd->cend > v->nc) continue;
      v->wstart[wd->cbegin] = true;
      v->wend[wd->cend] = true;
      for (size_t c = wd->cbegin; c < wd->cend; c++) v->wtag[c] = wd->tag;
    }
    v->wstart[v->nc] = true;
    v->wend[0] = true;
  }
  return CNKG_SUCCESS;
}

static bool tag_is(const char *tag, const char *want) {
  return tag && strcmp(tag, want) == 0;
}

static bool tag_is_placey(const char *tag) {
  return tag_is(tag, "LOC") || tag_is(tag, "ns") || tag_is(tag, "ORG") ||
         tag_is(tag, "nt") || tag_is(tag, "nz");
}

/* True if chars [k, k+L) open a quotation that goes on past them: the name
 * of an award or slogan (“十佳村党组织”), not a place. */
static bool in_longer_quote(const SentView *v, size_t k, size_t L) {
  if (k == 0 || v->cp[k - 1] != 0x201C /* “ */) return false;
  return k + L < v->nc && v->cp[k + L] != 0x201D /* ” */ && cnkg_is_han(v->cp[k + L]);
}

/* Scans one sentence (or the title) for names in the division list. */
static CnkgStatus scan_list(Work *w, size_t sent, size_t base, const SentView *v) {
  const CnkgDivision *div = w->r->div;
  CnkgDivId ids[512];
  size_t k = 0;
  size_t last_end = SIZE_MAX; /* char index where the previous match ended */
  bool last_weak = false;     /* ... and whether it was a weak one */
  while (k < v->nc) {
    if (!cnkg_is_han(v->cp[k])) {
      k++;
      continue;
    }
    size_t run = 0;
    while (k + run < v->nc && run < MAX_NAME_CHARS && cnkg_is_han(v->cp[k + run])) run++;
    bool chained = last_end == k && !last_weak;
    bool taken = false;
    /* Lengths of the keys that may start with these characters: most
     * lengths (and most positions) have none, and a lookup is a fold, a
     * hash and cache misses into the index. */
    CnkgStr head = {v->s + v->off[k], v->off[k + (run < 3 ? run : 3)] - v->off[k]};
    uint32_t lengths = run >= 2 ? cnkg_division_prefix_lengths(div, head) : 0;
    for (size_t L = run; L >= 2 && !taken; L--) {
      if (!(lengths & (1u << L))) continue;
      const char *key = v->s + v->off[k];
      size_t klen = v->off[k + L] - v->off[k];
      const CnkgDivHit *hits = NULL;
      size_t nh = cnkg_division_lookup(div, (CnkgStr){key, klen}, &hits);
      if (!nh) continue;
      size_t n_strong = 0, n_short = 0, n_weak = 0;
      CnkgDivId strong[512], shortf[512], weakf[512];
      bool composed = has_suffix(key, klen);
      for (size_t h = 0; h < nh && h < 512; h++) {
        /* Only a name that carries its level suffix stands on its own;
         * bare forms (松阳, and 新兴里 of 新兴里居委会) need more evidence.
         * Levels are not read for names with a suffix: names like 新村
         * have hundreds of hits, each a cache miss in the record table. */
        if (composed) {
          strong[n_strong++] = hits[h].id;
          continue;
        }
        if (cnkg_division_is_county_or_higher(div, hits[h].id)) shortf[n_short++] = hits[h].id;
        else weakf[n_weak++] = hits[h].id;
      }
      /* A bare province name is the province, not the county or prefecture
       * that shares the name. */
      size_t n_prov = 0;
      for (size_t h = 0; h < n_short; h++)
        if (cnkg_division_level(div, shortf[h]) == CNKG_LEVEL_PROVINCE)
          shortf[n_prov++] = shortf[h];
      if (n_prov) n_short = n_prov;
      /* LAC glues 、 to the next word: after punctuation is a start. */
      bool at_start = !v->have_lac || v->wstart[k] || k == 0 || !cnkg_is_han(v->cp[k - 1]);
      bool at_end = !v->have_lac || v->wend[k + L] || k + L >= v->nc ||
                    !cnkg_is_han(v->cp[k + L]);
      uint32_t next = k + L < v->nc ? v->cp[k + L] : 0;
      const char *tag = v->have_lac ? v->wtag[k] : NULL;
      size_t flen = place_form_len(key, klen);
      size_t b = base + v->off[k], e = b + flen;
      if (n_strong) {
        if (!chained && is_generic(key, flen)) continue;
        if (!chained && in_longer_quote(v, k, L)) continue; /* “十佳村党组织” */
        /* 李家寨|村民: LAC reads the 村 with what follows; the name is the
         * place word before it. */
        if (v->have_lac && L >= 3 && v->cp[k + L - 1] == 0x6751 /*村*/ && v->wstart[k + L - 1] &&
            !v->wend[k + L] && v->wend[k + L - 1] && v->wstart[k] &&
            tag_is(v->wtag[k], "LOC") && suffix_level(key, klen - 3) == CNKG_LEVEL_VILLAGE)
          continue;
        /* Short names starting inside a word are pieces of other words
         * (扩大村 is not 大村) unless they continue an address chain. */
        /* Inside a LAC place word only after another place-like chunk
         * (联系村|王家坪村), never as the tail of an unlisted name (甲|乙村). */
        bool in_place_word = v->have_lac && tag_is_placey(tag) && !tag_is(tag, "nz") &&
                             (at_start || is_suffix_char(v->cp[k - 1]));
        /* LAC sometimes glues one character of the context to a name's
         * head (说松|阳县): a non-place word that began one character
         * before still lets the name start here. */
        if (!at_start && !in_place_word && v->have_lac && !tag_is_placey(tag) && k >= 1 &&
            v->wstart[k - 1] && L >= 3 && k + 1 < v->nc && v->wstart[k + 1] &&
            (tag_is(v->wtag[k + 1], "LOC") || tag_is(v->wtag[k + 1], "ns")))
          at_start = true;
        if (!chained && !at_start && !in_place_word) continue;
        if (!chained && v->have_lac && !in_place_word) {
          /* 扩大/村, 使/村民: a verb or adjective before a suffix that LAC
           * cut off is not a name. */
          bool inner = false;
          for (size_t c = k + 1; c < k + L; c++) inner = inner || v->wstart[c];
          bool nounish = tag_is(tag, "n") || tag_is(tag, "nw") || tag_is(tag, "PER") ||
                         tag_is(tag, "nr") || tag_is(tag, "nz");
          if (inner && !nounish) continue;
          if (L == 2) continue; /* 包村, 进村: one character and a suffix */
        }
        /* Without LAC, one character and a suffix after another name
         * character is the tail of a longer name (岗|夏村, 五|星村). */
        if (!chained && !v->have_lac && L == 2 && k > 0 && cnkg_is_han(v->cp[k - 1]) &&
            !is_suffix_char(v->cp[k - 1]) && !is_function_char(v->cp[k - 1]))
          continue;
        if (!chained && v->have_lac && L == 2 &&
            !(at_start && at_end && (tag_is(tag, "LOC") || tag_is(tag, "ns"))))
          continue;
        /* One character and a suffix (到|达村), or one and a word that
         * merely ends in one (做|大乡村|旅游): listed somewhere, but here a
         * name only if the context links it. */
        bool need_link = !chained && suffix_level(key, flen) == CNKG_LEVEL_VILLAGE &&
                         (L == 2 || (L == 3 && ends_in_generic_word(key, flen)));
        memcpy(ids, strong, n_strong * sizeof *ids);
        CnkgStatus s = add_cand(w, sent, b, e, key, flen, ids, n_strong, need_link,
                                CNKG_LEVEL_NONE, NULL);
        if (s) return s;
        taken = true;
      } else if (n_short) {
        if (is_generic(key, klen) || is_common_word(key, klen)) continue;
        bool sure;
        if (v->have_lac)
          sure = at_start && (at_end || is_follow_char(next)) &&
                 (tag_is_placey(tag) || chained);
        else
          sure = L >= 3 || chained || is_follow_char(next) || !cnkg_is_han(next);
        /* Unsure short forms stay only if the document names the place
         * (or a place inside it) in full nearby. */
        if (!sure && v->have_lac && !at_start) continue;
        size_t ci;
        /* An unsure one may as well be a township or village of that name. */
        size_t n_ids = n_short;
        memcpy(ids, shortf, n_short * sizeof *ids);
        if (!sure && v->have_lac && at_start && at_end && tag_is(tag, "LOC"))
          for (size_t h = 0; h < n_weak && n_ids < 512; h++) ids[n_ids++] = weakf[h];
        CnkgStatus s = add_cand(w, sent, b, e, key, klen, ids, n_ids, !sure,
                                CNKG_LEVEL_NONE, &ci);
        if (s) return s;
        w->c[ci].short_form = true;
        /* A bare name right before a noun qualifies it (延安精神, 烟台苹果):
         * a place only if the document also names it otherwise. */
        if (v->have_lac && k + L < v->nc && v->wstart[k + L] &&
            (tag_is(v->wtag[k + L], "n") || tag_is(v->wtag[k + L], "nz")))
          w->c[ci].modifier = true;
        taken = true;
      } else if (n_weak && v->have_lac && at_start && at_end && tag_is(tag, "LOC") &&
                 !is_generic(key, klen)) {
        /* A township or village written without its suffix: kept only if
         * the context links it. */
        CnkgStatus s = add_cand(w, sent, b, e, key, klen, weakf, n_weak, true,
                                CNKG_LEVEL_NONE, NULL);
        if (s) return s;
        taken = true;
      }
      if (taken) {
        last_weak = w->c[w->n - 1].weak;
        last_end = k + L;
        k += L;
      }
    }
    if (!taken) k++;
  }
  return CNKG_SUCCESS;
}

static bool covered(const Work *w, size_t from, size_t begin, size_t end) {
  for (size_t i = from; i < w->n; i++)
    if (w->c[i].begin < end && begin < w->c[i].end) return true;
  return false;
}

/* Names not in the list: the parts of a LAC place word (or of the stretch
 * between two listed places) left over by the list matches that end with a
 * suffix: 某县|甲乡|乙村, 丙村. */
static CnkgStatus scan_gaps(Work *w, size_t sent, size_t base, size_t first,
                            const SentView *v) {
  size_t n0 = w->n;
  /* Candidate stretches: LOC words; without LAC, gaps between adjacent
   * listed places. */
  size_t k = 0;
  while (k < v->nc) {
    size_t ws = k, we = k;
    bool in_org = false;
    if (v->have_lac) {
      bool org = tag_is(v->wtag[k], "ORG");
      if (!v->wstart[k] || !(tag_is(v->wtag[k], "LOC") || tag_is(v->wtag[k], "ns") || org)) {
        k++;
        continue;
      }
      we = k + 1;
      while (we < v->nc && !v->wstart[we]) we++;
      in_org = org;
    } else {
      k++;
      continue;
    }
    /* Walk the word, splitting off listed places. */
    size_t gs = ws;
    for (size_t c = ws; c <= we; c++) {
      size_t b = base + v->off[c];
      bool in_list = false;
      size_t cend = c;
      for (size_t i = first; i < n0; i++)
        if (w->c[i].begin == b) {
          in_list = true;
          /* Skip to the end of that match. */
          for (cend = c; cend < we && base + v->off[cend] < w->c[i].end; cend++) {}
          break;
        }
      if (in_list || c == we) {
        size_t gl = c - gs;
        if (gl >= 2 && gl <= 8) {
          const char *g = v->s + v->off[gs];
          size_t glen = v->off[c] - v->off[gs];
          bool han = true;
          for (size_t x = gs; x < c; x++) han = han && cnkg_is_han(v->cp[x]);
          CnkgLevel lv = suffix_level(g, glen);
          size_t gb = base + v->off[gs], ge = base + v->off[c];
          /* 朱|埠镇: a lone character LAC split off belongs to the name. */
          size_t bchars = cnkg_utf8_count(g, base_len(g, place_form_len(g, glen)));
          if (han && bchars == 1 && gs == ws && gs > 0 && v->wstart[gs - 1] &&
              cnkg_is_han(v->cp[gs - 1]) && !is_suffix_char(v->cp[gs - 1]) &&
              !is_function_char(v->cp[gs - 1])) {
            gs--;
            g = v->s + v->off[gs];
            glen = v->off[c] - v->off[gs];
            gb = base + v->off[gs];
            bchars = 2;
          }
          uint32_t before_suffix = 0;
          {
            size_t bl2 = base_len(g, place_form_len(g, glen)), x = 0;
            while (x < bl2) before_suffix = cnkg_utf8_next(g, bl2, &x);
          }
          /* In an organisation's name only right after a listed place
           * (南牛镇|甲村|村委会), never its head (XX合作社). */
          bool org_ok = !in_org || gs > ws;
          bool inner_suffix = false;
          {
            size_t bl3 = base_len(g, place_form_len(g, glen)), x = 0;
            while (x < bl3)
              if (is_suffix_char(cnkg_utf8_next(g, bl3, &x))) inner_suffix = true;
          }
          if (han && org_ok && lv != CNKG_LEVEL_NONE && bchars >= 2 && !is_suffix_char(before_suffix) &&
              !inner_suffix &&
              !has_generic_part(g, glen) && !in_longer_quote(v, gs, c - gs) &&
              !is_generic(g, glen) && !covered(w, first, gb, ge)) {
            size_t flen = place_form_len(g, glen);
            /* 李家寨|村民: a hamlet's name, then the villagers. */
            if (flen == glen && c < v->nc && v->cp[c] == 0x6C11 /*民*/ && ends_with(g, flen, "村") &&
                suffix_level(g, flen - 3) == CNKG_LEVEL_VILLAGE)
              flen -= 3;
            CnkgStatus s = add_cand(w, sent, gb, gb + flen, g, flen, NULL, 0, false,
                                    CNKG_LEVEL_NONE, NULL);
            if (s) return s;
          }
        }
        if (in_list) {
          c = cend > c ? cend - 1 : c;
          gs = cend;
        }
      }
    }
    k = we;
  }
  return CNKG_SUCCESS;
}

/* An unlisted place between two listed ones of a chain (某县|甲乡|乙村:
 * a township merged away since the list was made). */
static CnkgStatus scan_chain_gaps(Work *w, size_t sent, size_t first) {
  const char *t = w->st->text->norm;
  size_t n0 = w->n;
  for (size_t i = first; i + 1 < n0; i++) {
    const Cand *a = &w->c[i], *b = &w->c[i + 1];
    if (a->weak || b->weak || b->begin <= a->end) continue;
    const char *g = t + a->end;
    size_t glen = b->begin - a->end;
    size_t nch = cnkg_utf8_count(g, glen);
    if (nch < 3 || nch > 6) continue;
    bool han = true;
    for (size_t y = 0; y < glen && han;) han = cnkg_is_han(cnkg_utf8_next(g, glen, &y));
    CnkgLevel lv = suffix_level(g, glen);
    if (!han || lv == CNKG_LEVEL_NONE || is_generic(g, glen) || has_generic_part(g, glen))
      continue;
    size_t y = 0;
    if (is_function_char(cnkg_utf8_next(g, glen, &y))) continue;
    CnkgStatus s = add_cand(w, sent, a->end, b->begin, g, glen, NULL, 0, false,
                            CNKG_LEVEL_NONE, NULL);
    if (s) return s;
  }
  const CnkgSentence *se = &w->st->text->sentences[sent];
  /* An unlisted village or township right after a listed place whose
   * suffix it continues (古市镇|岗夏村). */
  for (size_t i = first; i < n0; i++) {
    const Cand *a = &w->c[i];
    if (a->weak || a->end >= se->end) continue;
    bool starts = false;
    for (size_t j = first; j < w->n && !starts; j++)
      starts = w->c[j].begin < a->end + 3 && w->c[j].end > a->end && j != i;
    if (starts) continue;
    size_t x = a->end, nb = 0;
    while (x < se->end && nb < 5) {
      size_t y = x;
      uint32_t cp = cnkg_utf8_next(t, se->end, &y);
      if (!cnkg_is_han(cp) || is_function_char(cp) || is_numeral(cp)) break;
      if (is_suffix_char(cp)) {
        /* Not where the suffix starts a longer word (平川|乡镇). */
        uint32_t after = y < se->end ? cnkg_utf8_next(t, se->end, &(size_t){y}) : 0;
        bool word_goes_on = after == 0x9547 /*镇*/ || after == 0x6751 /*村*/ ||
                            after == 0x4E61 /*乡*/;
        if (nb >= 2 && nb <= 3 && !word_goes_on &&
            (cp == 0x6751 /*村*/ || cp == 0x4E61 /*乡*/ || cp == 0x9547 /*镇*/)) {
          const char *g = t + a->end;
          size_t glen = y - a->end;
          if (!is_generic(g, glen) && !has_generic_part(g, glen) &&
              suffix_level(g, glen) > (a->suffix_level ? a->suffix_level : CNKG_LEVEL_COUNTY)) {
            CnkgStatus s = add_cand(w, sent, a->end, y, g, glen, NULL, 0, false,
                                    CNKG_LEVEL_NONE, NULL);
            if (s) return s;
          }
        }
        break;
      }
      x = y;
      nb++;
    }
  }
  /* A township word right before a listed village, delimited on its left
   * by another suffix or punctuation (该县|甲乡|乙村). */
  for (size_t i = first; i < n0; i++) {
    const Cand *b = &w->c[i];
    if (b->weak || b->suffix_level != CNKG_LEVEL_VILLAGE || b->begin < se->begin + 6) continue;
    size_t p = b->begin;
    uint32_t cp = 0;
    /* the suffix character */
    size_t q = p - 3;
    cp = cnkg_utf8_next(t, w->st->text->norm_len, &q);
    if (cp != 0x4E61 /*乡*/ && cp != 0x9547 /*镇*/) continue;
    bool taken = false;
    for (size_t j = first; j < w->n && !taken; j++)
      taken = w->c[j].end == p || (w->c[j].begin < p && w->c[j].end > p - 3);
    if (taken) continue;
    size_t start = p - 3, nb = 0;
    while (start >= se->begin + 3 && nb < 4) {
      size_t x = start - 3;
      uint32_t c = cnkg_utf8_next(t, w->st->text->norm_len, &x);
      if (!cnkg_is_han(c) || is_suffix_char(c) || is_function_char(c)) break;
      start -= 3;
      nb++;
    }
    if (nb < 2 || nb > 3) continue;
    if (start > se->begin) {
      size_t x = start - 3;
      uint32_t c = cnkg_utf8_next(t, w->st->text->norm_len, &x);
      if (cnkg_is_han(c) && !is_suffix_char(c) && !is_function_char(c)) continue;
    }
    const char *g = t + start;
    size_t glen = p - start;
    if (is_generic(g, glen) || has_generic_part(g, glen) || covered(w, first, start, p)) continue;
    CnkgStatus s = add_cand(w, sent, start, p, g, glen, NULL, 0, false, CNKG_LEVEL_NONE, NULL);
    if (s) return s;
  }
  return CNKG_SUCCESS;
}

/* Enumerations: 筏铺、黄圩、寺口3个村. Each item is a village (or
 * township) named without its suffix. */
static CnkgStatus scan_enums(Work *w, size_t sent, size_t base, size_t first,
                             const SentView *v) {
  const CnkgPlaceRecognizer *r = w->r;
  pcre2_match_data *md = pcre2_match_data_create_from_pattern(r->enum_re, NULL);
  if (!md) return CNKG_ERR_NOMEM;
  CnkgStatus status = CNKG_SUCCESS;
  PCRE2_SIZE start = 0;
  while (start < v->n) {
    int rc = pcre2_match(r->enum_re, (PCRE2_SPTR)v->s, v->n, start, 0, md, r->mctx);
    if (rc == PCRE2_ERROR_NOMATCH) break;
    if (rc < 0) {
      /* Match limit hit on a pathological sentence: skip the sentence. */
      cnkg_log(w->st->log, CNKG_LOG_DEBUG, w->st->name, CNKG_NO_POS,
               "place: enumeration match failed (%d) in sentence %zu", rc, sent);
      break;
    }
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
    size_t ib = ov[2], ie = ov[3];
    const char *kind = NULL;
    size_t kind_len = 0;
    if (rc > 2 && ov[4] != PCRE2_UNSET) {
      kind = v->s + ov[4];
      kind_len = ov[5] - ov[4];
    } else if (rc > 3 && ov[6] != PCRE2_UNSET) {
      kind = v->s + ov[6];
      kind_len = ov[7] - ov[6];
    } else if (rc > 4 && ov[8] != PCRE2_UNSET) {
      kind = v->s + ov[8];
      kind_len = ov[9] - ov[8];
    }
    CnkgLevel force = CNKG_LEVEL_VILLAGE;
    bool natural = kind && kind >= v->s + 6 && memcmp(kind - 6, "自然", 6) == 0;
    if (kind && (starts_with(kind, kind_len, "乡") || starts_with(kind, kind_len, "镇")))
      force = CNKG_LEVEL_TOWNSHIP;
    if (kind && (starts_with(kind, kind_len, "县") || starts_with(kind, kind_len, "旗")))
      force = CNKG_LEVEL_COUNTY;
    /* Split the items. */
    size_t p = ib;
    bool first_item = true;
    while (p < ie) {
      size_t q = p;
      while (q < ie && !starts_with(v->s + q, ie - q, "、")) q++;
      const char *it = v->s + p;
      size_t ilen = q - p;
      if (first_item) {
        /* The first item runs into the words before it: keep its last
         * LAC word, or the longest tail the list knows, or two characters. */
        size_t nchar = cnkg_utf8_count(it, ilen);
        size_t best = SIZE_MAX;
        for (size_t t = nchar < 4 ? nchar : 4; t >= 2; t--) {
          size_t skip = nchar - t, bo = 0;
          for (size_t x = 0; x < skip; x++) cnkg_utf8_next(it, ilen, &bo);
          const CnkgDivHit *hits;
          if (cnkg_division_lookup(r->div, (CnkgStr){it + bo, ilen - bo}, &hits)) {
            best = bo;
            break;
          }
        }
        if (best == SIZE_MAX && v->have_lac) {
          for (size_t c = 0; c < v->nc; c++)
            if (v->off[c] >= p && v->off[c] < q && v->wstart[c]) best = v->off[c] - p;
          if (best != SIZE_MAX && cnkg_utf8_count(it + best, ilen - best) < 2) best = SIZE_MAX;
        }
        if (best == SIZE_MAX) {
          size_t bo = 0;
          for (size_t x = 0; x + 2 < nchar; x++) cnkg_utf8_next(it, ilen, &bo);
          best = bo;
        }
        it += best;
        ilen -= best;
        p += best;
      }
      first_item = false;
      size_t nchar = cnkg_utf8_count(it, ilen);
      bool bad = nchar < 2 || nchar > 5 || is_generic(it, ilen);
      static const char *const stop[] = {"贫困", "建档", "立卡", "行政", "自然", "项目",
                                         "工程", "产业", "基地", "合作社", "公司"};
      for (size_t x = 0; x < sizeof stop / sizeof stop[0] && !bad; x++) {
        size_t sl = strlen(stop[x]);
        for (size_t y = 0; y + sl <= ilen; y++)
          if (memcmp(it + y, stop[x], sl) == 0) bad = true;
      }
      static const char joins[] = "至到和与及或的了";
      for (size_t y = 0; y < ilen && !bad;) {
        uint32_t cp = cnkg_utf8_next(it, ilen, &y);
        for (size_t z = 0; z < sizeof joins - 1 && !bad;)
          bad = cnkg_utf8_next(joins, sizeof joins - 1, &z) == cp;
      }
      size_t b = base + p, e = base + q;
      size_t same = SIZE_MAX;
      for (size_t x = first; x < w->n; x++)
        if (w->c[x].begin == b && w->c[x].end == e && w->c[x].sent == sent) same = x;
      bool higher = false; /* never make a bare province name a county */
      if (same != SIZE_MAX)
        for (size_t h = 0; h < w->c[same].n_ids; h++)
          if (cnkg_division_level(r->div, w->c[same].ids[h]) == CNKG_LEVEL_PROVINCE) higher = true;
      if (!bad && same != SIZE_MAX && !has_suffix(it, ilen) && !higher) {
        /* Already found as a bare name: the list says which kind it is. */
        Cand *c = &w->c[same];
        const CnkgDivHit *hits = NULL;
        size_t nh = cnkg_division_lookup(r->div, (CnkgStr){it, ilen}, &hits);
        CnkgDivId *nids = nh ? malloc(nh * sizeof *nids) : NULL;
        if (nh && !nids) {
          status = CNKG_ERR_NOMEM;
          goto done;
        }
        size_t k2 = 0;
        for (size_t h = 0; h < nh; h++)
          if (cnkg_division_level(r->div, hits[h].id) == force) nids[k2++] = hits[h].id;
        free(c->ids);
        c->ids = nids;
        c->n_ids = k2;
        c->force = force;
        c->weak = true;
        c->short_form = false;
        c->natural = natural;
        if (natural) c->n_ids = 0; /* the list has no rows for 自然村 */
      } else if (!bad && !covered(w, first, b, e)) {
        const CnkgDivHit *hits = NULL;
        size_t nh = cnkg_division_lookup(r->div, (CnkgStr){it, ilen}, &hits);
        CnkgDivId ids[256];
        size_t n_ids = 0;
        for (size_t h = 0; h < nh && n_ids < 256; h++)
          if (cnkg_division_level(r->div, hits[h].id) == force) ids[n_ids++] = hits[h].id;
        size_t ci;
        status = add_cand(w, sent, b, e, it, ilen, ids, n_ids, true, force, &ci);
        if (status) goto done;
        w->c[ci].natural = natural;
        if (natural) w->c[ci].n_ids = 0;
      }
      p = q < ie ? q + strlen("、") : q;
    }
    start = ov[1] > start ? ov[1] : start + 1;
  }
done:
  pcre2_match_data_free(md);
  return status;
}

static int cand_cmp(const void *a, const void *b) {
  const Cand *x = a, *y = b;
  if (x->begin != y->begin) return x->begin < y->begin ? -1 : 1;
  return x->end < y->end ? 1 : (x->end > y->end ? -1 : 0);
}

/* ----------------------------------------------------------- resolving */

static int level_rank(CnkgLevel l) { return (int)l; }

/* Narrows a mention's records to those inside the place before it in an
 * address chain, and that place's records to those holding it. */
static void resolve_chains(Work *w) {
  const CnkgDivision *div = w->r->div;
  for (size_t i = 1; i < w->n; i++) {
    Cand *c = &w->c[i], *p = &w->c[i - 1];
    if (p->sent != c->sent || p->end != c->begin || c->sent == SIZE_MAX) continue;
    if (p->weak || c->weak) continue;
    c->prev = i - 1;
    if (!c->n_ids || !p->n_ids) continue;
    size_t kept = 0;
    for (size_t a = 0; a < c->n_ids; a++) {
      bool in = false;
      for (size_t b = 0; b < p->n_ids && !in; b++)
        in = c->ids[a] != p->ids[b] && cnkg_division_is_within(div, c->ids[a], p->ids[b]);
      if (in) c->ids[kept++] = c->ids[a];
    }
    if (!kept) {
      c->conflict = true;
      continue;
    }
    c->n_ids = kept;
    size_t pk = 0;
    for (size_t b = 0; b < p->n_ids; b++) {
      bool holds = false;
      for (size_t a = 0; a < c->n_ids && !holds; a++)
        holds = cnkg_division_is_within(div, c->ids[a], p->ids[b]);
      if (holds) p->ids[pk++] = p->ids[b];
    }
    p->n_ids = pk;
  }
  /* A chain's head narrowed by a later link may narrow its successors. */
  for (size_t i = 1; i < w->n; i++) {
    Cand *c = &w->c[i];
    if (c->prev == SIZE_MAX || c->conflict) continue;
    Cand *p = &w->c[c->prev];
    size_t kept = 0;
    for (size_t a = 0; a < c->n_ids; a++) {
      bool in = false;
      for (size_t b = 0; b < p->n_ids && !in; b++)
        in = cnkg_division_is_within(div, c->ids[a], p->ids[b]);
      if (in) c->ids[kept++] = c->ids[a];
    }
    if (kept) c->n_ids = kept;
  }
}

/* How close anchor a is to mention c: 3 same sentence, 2 same paragraph,
 * 1 same section, 0 document lead or title, -1 too far to count. */
static int tier(const Work *w, const Cand *c, const Cand *a) {
  const CnkgText *t = w->st->text;
  if (a->sent == SIZE_MAX) return 0;
  if (c->sent == SIZE_MAX) return -1;
  if (a->sent == c->sent) return 3;
  if (t->sentences[a->sent].paragraph == t->sentences[c->sent].paragraph) return 2;
  if (w->section[c->sent] != SIZE_MAX && w->section[a->sent] == w->section[c->sent])
    return 1;
  if (t->sentences[a->sent].paragraph <= w->lead_para) return 0;
  if (t->sentences[a->sent].heading && w->section[c->sent] == SIZE_MAX) return 0;
  return -1;
}

/* The part of group [lo, hi) that context searches for mention ci visit:
 * all of it, or the NEAR_WINDOW mentions either side of ci (the last
 * 2 * NEAR_WINDOW when ci lies after it). */
static void near_part(size_t ci, size_t lo, size_t hi, size_t *from, size_t *to) {
  if (hi - lo <= 2 * NEAR_WINDOW) {
    *from = lo;
    *to = hi;
  } else if (ci >= lo && ci < hi) {
    *from = ci - lo > NEAR_WINDOW ? ci - NEAR_WINDOW : lo;
    *to = hi - ci > NEAR_WINDOW ? ci + NEAR_WINDOW : hi;
  } else if (ci >= hi) {
    *from = hi - 2 * NEAR_WINDOW;
    *to = hi;
  } else {
    *from = lo;
    *to = lo + 2 * NEAR_WINDOW;
  }
}

/* Records the runs of mentions sharing a sentence, paragraph or section,
 * the lead and the heading mentions (w->c sorted by position). */
static CnkgStatus index_groups(Work *w) {
  const CnkgText *t = w->st->text;
  size_t n = w->n;
  size_t **arrs[] = {&w->sent_lo, &w->sent_hi, &w->para_lo, &w->para_hi, &w->sec_lo, &w->sec_hi,
                     &w->heads};
  for (size_t k = 0; k < sizeof arrs / sizeof arrs[0]; k++) {
    *arrs[k] = malloc((n + 1) * sizeof **arrs[k]);
    if (!*arrs[k]) return CNKG_ERR_NOMEM;
  }
  w->n_heads = 0;
  w->lead_hi = 0;
  for (size_t i = 0; i < n; i++) {
    size_t si = w->c[i].sent;
    if (si == SIZE_MAX) continue;
    if (t->sentences[si].paragraph <= w->lead_para) w->lead_hi = i + 1;
    if (t->sentences[si].heading) w->heads[w->n_heads++] = i;
  }
  /* key 0: sentence, 1: paragraph, 2: section (SIZE_MAX for the title). */
  for (int g = 0; g < 3; g++) {
    size_t *lo = g == 0 ? w->sent_lo : g == 1 ? w->para_lo : w->sec_lo;
    size_t *hi = g == 0 ? w->sent_hi : g == 1 ? w->para_hi : w->sec_hi;
    size_t prev_key = 0;
    for (size_t i = 0; i < n; i++) {
      size_t si = w->c[i].sent;
      size_t key = si == SIZE_MAX ? SIZE_MAX
                   : g == 0       ? si
                   : g == 1       ? t->sentences[si].paragraph
                                  : w->section[si];
      lo[i] = i > 0 && key == prev_key && si != SIZE_MAX && w->c[i - 1].sent != SIZE_MAX
                  ? lo[i - 1]
                  : i;
      prev_key = key;
    }
    for (size_t i = n; i-- > 0;)
      hi[i] = i + 1 < n && lo[i + 1] == lo[i] ? hi[i + 1] : i + 1;
  }
  return CNKG_SUCCESS;
}

/* Calls visit(w, ci, a, ctx) for the mentions a that may be context of
 * mention ci (its sentence, paragraph, section, the lead, the headings;
 * see near_part), some more than once. */
typedef void (*NearFn)(const Work *w, size_t ci, size_t a, void *ctx);

/* Visits [from, to) unless a part already visited holds it (visiting a
 * mention twice changes nothing; skipping saves the time). */
typedef struct {
  size_t from[6], to[6];
  size_t n;
} Visited;

static void visit_part(const Work *w, size_t ci, size_t from, size_t to, Visited *done,
                       NearFn visit, void *ctx) {
  for (size_t k = 0; k < done->n; k++)
    if (done->from[k] <= from && to <= done->to[k]) return;
  for (size_t a = from; a < to; a++) visit(w, ci, a, ctx);
  if (done->n < 6) {
    done->from[done->n] = from;
    done->to[done->n++] = to;
  }
}

static void visit_near(const Work *w, size_t ci, NearFn visit, void *ctx) {
  const Cand *c = &w->c[ci];
  if (c->sent == SIZE_MAX) return;
  Visited done;
  done.n = 0;
  size_t from, to;
  /* Widest first: section, paragraph, sentence. */
  if (w->section[c->sent] != SIZE_MAX) {
    near_part(ci, w->sec_lo[ci], w->sec_hi[ci], &from, &to);
    visit_part(w, ci, from, to, &done, visit, ctx);
  }
  near_part(ci, w->para_lo[ci], w->para_hi[ci], &from, &to);
  visit_part(w, ci, from, to, &done, visit, ctx);
  near_part(ci, w->sent_lo[ci], w->sent_hi[ci], &from, &to);
  visit_part(w, ci, from, to, &done, visit, ctx);
  /* The heading line that opens the section (its first sentence). */
  if (w->section[c->sent] != SIZE_MAX) {
    size_t lo = w->sec_lo[ci];
    if (w->c[lo].sent == w->section[c->sent]) {
      near_part(ci, lo, w->sent_hi[lo], &from, &to);
      visit_part(w, ci, from, to, &done, visit, ctx);
    }
  }
  near_part(ci, 0, w->lead_hi, &from, &to);
  visit_part(w, ci, from, to, &done, visit, ctx);
  if (w->section[c->sent] == SIZE_MAX) {
    size_t m = w->n_heads < 2 * NEAR_WINDOW ? w->n_heads : 2 * NEAR_WINDOW;
    for (size_t k = 0; k < m; k++) visit(w, ci, w->heads[k], ctx);
  }
}

/* The distinct anchors in reach of a mention, each with its best tier: the
 * document names few places, so this keeps the work linear. */
enum { MAX_ANCHORS = 256 };
typedef struct {
  CnkgDivId link[MAX_ANCHORS];
  int tier[MAX_ANCHORS];
  size_t n;
} Anchors;

static void anchor_add(Anchors *an, CnkgDivId link, int ti) {
  size_t k = 0;
  while (k < an->n && an->link[k] != link) k++;
  if (k < an->n) {
    if (ti > an->tier[k]) an->tier[k] = ti;
  } else if (an->n < MAX_ANCHORS) {
    an->link[an->n] = link;
    an->tier[an->n++] = ti;
  }
}

static void anchor_visit(const Work *w, size_t ci, size_t ai, void *ctx) {
  const Cand *a = &w->c[ai];
  if (ai == ci || a->link == CNKG_DIV_NONE) return;
  int ti = tier(w, &w->c[ci], a);
  if (ti >= 0) anchor_add(ctx, a->link, ti);
}

/* Picks the record the context supports best; CNKG_DIV_NONE if none or tied.
 * *best_rank receives the level rank of the deepest supporting anchor. */
static CnkgDivId support(const Work *w, size_t ci, int *best_rank, bool *equal) {
  const CnkgDivision *div = w->r->div;
  const Cand *c = &w->c[ci];
  Anchors an;
  an.n = 0;
  visit_near(w, ci, anchor_visit, &an);
  for (size_t t = 0; t < w->n_title; t++) anchor_add(&an, w->title_ids[t], 0);
  int ascore[MAX_ANCHORS];
  for (size_t k = 0; k < an.n; k++)
    ascore[k] = level_rank(cnkg_division_level(div, an.link[k])) * 8 + an.tier[k];
  int best = -1;
  CnkgDivId pick = CNKG_DIV_NONE;
  size_t n_best = 0;
  *equal = false;
  for (size_t h = 0; h < c->n_ids; h++) {
    int sc = -1;
    for (size_t k = 0; k < an.n; k++) {
      if (!cnkg_division_is_within(div, c->ids[h], an.link[k])) continue;
      if (ascore[k] > sc) sc = ascore[k];
      if (an.link[k] == c->ids[h]) *equal = true;
    }
    if (sc < 0) continue;
    if (sc > best) {
      best = sc;
      pick = c->ids[h];
      n_best = 1;
    } else if (sc == best && c->ids[h] != pick) {
      n_best++;
    }
  }
  *best_rank = best < 0 ? -1 : best / 8;
  return n_best == 1 ? pick : CNKG_DIV_NONE;
}

/* True if every record of c lies on one line of descent; *top gets the
 * highest of them (a province rather than its same-named city). */
static bool one_line(const CnkgDivision *div, const Cand *c, CnkgDivId *top) {
  CnkgDivId t = c->ids[0];
  for (size_t i = 1; i < c->n_ids; i++) {
    if (cnkg_division_is_within(div, t, c->ids[i])) t = c->ids[i];
    else if (!cnkg_division_is_within(div, c->ids[i], t)) return false;
  }
  *top = t;
  return true;
}

static size_t find_parent(const Work *w, size_t ci);

/* True if a bare short form sits in a list of places (到A、B等地). */
static bool in_enumeration(const Work *w, const Cand *c) {
  const char *t = w->st->text->norm;
  size_t n = w->st->text->norm_len;
  return (c->begin >= 3 && memcmp(t + c->begin - 3, "、", 3) == 0) ||
         (c->end + 3 <= n && (memcmp(t + c->end, "、", 3) == 0 ||
                              memcmp(t + c->end, "等", 3) == 0));
}

/* A short form the list knows in one place only, in a sentence whose other
 * places all lie in another province, is more likely an ordinary word
 * (a plain word before 乡镇) than a far-away county. */
static bool short_conflicts(const Work *w, size_t ci) {
  const CnkgDivision *div = w->r->div;
  const Cand *c = &w->c[ci];
  if (!c->short_form || c->prev != SIZE_MAX || in_enumeration(w, c)) return false;
  /* a prefecture name is rarely a common word */
  if (cnkg_division_level(div, c->ids[0]) != CNKG_LEVEL_COUNTY) return false;
  CnkgDivId prov = cnkg_division_ancestor(div, c->ids[0], CNKG_LEVEL_PROVINCE);
  bool other = false;
  for (size_t i = w->sent_lo[ci]; i < w->sent_hi[ci]; i++) {
    const Cand *a = &w->c[i];
    if (i == ci || a->sent != c->sent || a->short_form || a->weak || a->n_ids != 1) continue;
    if (cnkg_division_ancestor(div, a->ids[0], CNKG_LEVEL_PROVINCE) == prov) return false;
    other = true;
  }
  return other;
}

/* Mentions by list record: (record, mention) pairs sorted, for finding the
 * first mention of a record in O(log n). */
typedef struct {
  CnkgDivId link;
  size_t index;
} LinkPair;

typedef struct {
  LinkPair *v;
  size_t n;
} LinkIndex;

/* Appends a pair; the array is made for cap pairs on first use. */
static CnkgStatus link_index_add(LinkIndex *x, size_t cap, CnkgDivId link, size_t index) {
  if (!x->v) {
    x->v = malloc((cap + 1) * sizeof *x->v);
    if (!x->v) return CNKG_ERR_NOMEM;
  }
  x->v[x->n++] = (LinkPair){link, index};
  return CNKG_SUCCESS;
}

static int link_pair_cmp(const void *a, const void *b) {
  const LinkPair *x = a, *y = b;
  if (x->link != y->link) return x->link < y->link ? -1 : 1;
  return x->index < y->index ? -1 : (x->index > y->index ? 1 : 0);
}

static void link_index_sort(LinkIndex *x) {
  if (x->n) qsort(x->v, x->n, sizeof *x->v, link_pair_cmp);
}

/* The first mention of record link, or SIZE_MAX. */
static size_t link_index_first(const LinkIndex *x, CnkgDivId link) {
  size_t lo = 0, hi = x->n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (x->v[mid].link < link) lo = mid + 1;
    else hi = mid;
  }
  return lo < x->n && x->v[lo].link == link ? x->v[lo].index : SIZE_MAX;
}

/* A suffixed mention keyed by its name without the suffix, for
 * find_aliases. */
typedef struct {
  const char *base;
  size_t len;
  CnkgLevel level; /* the suffix's */
  size_t index;
  size_t block_end; /* end of the run of keys with this base and level */
} BaseKey;

static int base_cmp(const BaseKey *x, const BaseKey *y) {
  size_t m = x->len < y->len ? x->len : y->len;
  int d = memcmp(x->base, y->base, m);
  if (d) return d;
  return x->len != y->len ? (x->len < y->len ? -1 : 1) : 0;
}

static int base_key_cmp(const void *a, const void *b) {
  const BaseKey *x = a, *y = b;
  int d = base_cmp(x, y);
  if (d) return d;
  if (x->level != y->level) return x->level < y->level ? -1 : 1;
  return x->index < y->index ? -1 : (x->index > y->index ? 1 : 0);
}

/* A bare name whose suffixed form the document also uses is that place
 * (红旗 beside 红旗村), whatever else the list calls 红旗: the first such
 * mention (of the forced level, if any). Sorted keys keep it n log n. */
static CnkgStatus find_aliases(Work *w) {
  BaseKey *keys = malloc((w->n + 1) * sizeof *keys);
  if (!keys) return CNKG_ERR_NOMEM;
  size_t nk = 0;
  for (size_t j = 0; j < w->n; j++) {
    const Cand *d = &w->c[j];
    if (d->sent == SIZE_MAX || d->weak || d->short_form) continue;
    size_t dl = strlen(d->form), bl = base_len(d->form, dl);
    if (bl < dl) keys[nk++] = (BaseKey){d->form, bl, d->suffix_level, j, 0};
  }
  qsort(keys, nk, sizeof *keys, base_key_cmp);
  for (size_t k = nk; k-- > 0;)
    keys[k].block_end = k + 1 < nk && keys[k + 1].level == keys[k].level &&
                                !base_cmp(&keys[k + 1], &keys[k])
                            ? keys[k + 1].block_end
                            : k + 1;
  for (size_t i = 0; i < w->n && nk; i++) {
    Cand *c = &w->c[i];
    if (c->sent == SIZE_MAX || c->natural || has_suffix(c->form, strlen(c->form))) continue;
    BaseKey probe = {c->form, strlen(c->form), CNKG_LEVEL_NONE, 0, 0};
    size_t lo = 0, hi = nk; /* first key with this base */
    while (lo < hi) {
      size_t mid = lo + (hi - lo) / 2;
      if (base_cmp(&keys[mid], &probe) < 0) lo = mid + 1;
      else hi = mid;
    }
    /* The earliest mention over the blocks of each suffix level. */
    size_t pick = SIZE_MAX;
    for (size_t k = lo; k < nk && !base_cmp(&keys[k], &probe); k = keys[k].block_end) {
      if (c->force && c->force != keys[k].level) continue;
      size_t x = k;
      if (keys[x].index == i) x++;
      if (x < keys[k].block_end && keys[x].index < pick) pick = keys[x].index;
    }
    if (pick != SIZE_MAX) c->alias = pick;
  }
  free(keys);
  return CNKG_SUCCESS;
}

static CnkgStatus resolve(Work *w) {
  const CnkgDivision *div = w->r->div;
  bool any_anchor = false;
  if (find_aliases(w)) return CNKG_ERR_NOMEM;
  /* Unique records of county level and above, and chain-decided ones. */
  for (size_t i = 0; i < w->n; i++) {
    Cand *c = &w->c[i];
    if (c->force && c->force <= CNKG_LEVEL_COUNTY && c->n_ids == 1) {
      c->link = c->ids[0]; /* 甲、乙5个贫困县: the list says which */
      any_anchor = true;
      continue;
    }
    if (c->weak || c->conflict || c->n_ids == 0 || c->alias != SIZE_MAX) continue;
    CnkgDivId top;
    if (c->n_ids == 1) {
      CnkgLevel lv = cnkg_division_level(div, c->ids[0]);
      bool chained = c->prev != SIZE_MAX && w->c[c->prev].n_ids > 0;
      if (short_conflicts(w, i)) {
        c->weak = true; /* dropped unless something nearer supports it */
        continue;
      }
      if (lv <= CNKG_LEVEL_COUNTY || chained) c->link = c->ids[0];
    } else if (c->suffix_level == CNKG_LEVEL_NONE && one_line(div, c, &top) &&
               cnkg_division_level(div, top) <= CNKG_LEVEL_PREFECTURE) {
      c->link = top;
    }
    if (c->link != CNKG_DIV_NONE) any_anchor = true;
  }
  for (size_t i = 0; i < w->n_title; i++) any_anchor = true;
  /* Let the context decide the rest; new links become context. */
  for (int pass = 0; pass < 4; pass++) {
    bool changed = false;
    for (size_t i = 0; i < w->n; i++) {
      Cand *c = &w->c[i];
      if (c->link != CNKG_DIV_NONE || c->conflict || c->n_ids == 0 || c->alias != SIZE_MAX)
        continue;
      int rank;
      bool equal;
      CnkgDivId pick = support(w, i, &rank, &equal);
      if (pick == CNKG_DIV_NONE) {
        if (!any_anchor && !c->weak && c->n_ids == 1 && pass == 3) c->link = c->ids[0];
        continue;
      }
      if (c->weak && rank < (int)CNKG_LEVEL_COUNTY && !equal) continue;
      c->link = pick;
      changed = true;
    }
    if (!changed && pass < 3) pass = 2;
  }
  /* Levels. */
  for (size_t i = 0; i < w->n; i++) {
    Cand *c = &w->c[i];
    if (c->link != CNKG_DIV_NONE) {
      c->level = cnkg_division_level(div, c->link);
      continue;
    }
    if (c->weak && c->force == CNKG_LEVEL_NONE) continue; /* dropped */
    if (c->force) {
      c->level = c->force;
      continue;
    }
    CnkgLevel lv = CNKG_LEVEL_NONE;
    bool same = c->n_ids > 0;
    for (size_t h = 0; h < c->n_ids; h++) {
      CnkgLevel l = cnkg_division_level(div, c->ids[h]);
      if (h == 0) lv = l;
      else if (l != lv) same = false;
    }
    if (same && !c->conflict) c->level = lv;
    else if (c->suffix_level) c->level = c->suffix_level;
    else if (same) c->level = lv;
  }
  for (size_t i = 0; i < w->n; i++) {
    Cand *c = &w->c[i];
    if (c->alias == SIZE_MAX) continue;
    c->link = w->c[c->alias].link;
    c->level = w->c[c->alias].level;
  }
  /* A modifier stays a place only if another, non-modifier mention has
   * its record. */
  LinkIndex named = {NULL, 0};
  for (size_t i = 0; i < w->n; i++) {
    const Cand *d = &w->c[i];
    if (!d->modifier && d->sent != SIZE_MAX && d->level != CNKG_LEVEL_NONE &&
        d->link != CNKG_DIV_NONE && link_index_add(&named, w->n, d->link, i))
      return CNKG_ERR_NOMEM;
  }
  link_index_sort(&named);
  for (size_t i = 0; i < w->n; i++) {
    Cand *c = &w->c[i];
    if (!c->modifier || c->level == CNKG_LEVEL_NONE) continue;
    bool other = c->link != CNKG_DIV_NONE && link_index_first(&named, c->link) != SIZE_MAX;
    if (!other) c->level = CNKG_LEVEL_NONE;
  }
  free(named.v);
  return CNKG_SUCCESS;
}

/* The mention an unlinked place hangs on: the one before it in its chain;
 * else a higher place earlier in its sentence; else a place in the heading
 * of its section; else the nearest county or higher of its paragraph,
 * section or lead. Townships of other sentences are too loose a tie, and
 * an unlisted county needs its parent in the same sentence. A natural
 * village may hang on an administrative village. */
typedef struct {
  size_t best;
  int best_score;
} ParentPick;

static void parent_visit(const Work *w, size_t ci, size_t ai, void *ctx) {
  ParentPick *pp = ctx;
  const Cand *c = &w->c[ci], *a = &w->c[ai];
  if (ai == ci || a->level == CNKG_LEVEL_NONE || a->sent == SIZE_MAX) return;
  bool higher = a->level < c->level ||
                (c->natural && !a->natural && a->level == CNKG_LEVEL_VILLAGE);
  if (!higher || a->alias != SIZE_MAX) return;
  int ti = tier(w, c, a);
  if (ti < 0) return;
  int s = -1;
  if (ti == 3 && a->begin < c->begin) s = 100;
  else if (c->level <= CNKG_LEVEL_COUNTY) s = -1;
  else if (w->section[c->sent] != SIZE_MAX && a->sent == w->section[c->sent]) s = 80;
  else if (a->level <= CNKG_LEVEL_COUNTY && ti >= 0) s = 20 + ti * 10;
  if (s < 0) return;
  s += (int)a->level * 2 + (a->link != CNKG_DIV_NONE);
  /* Ties go to the earliest mention. */
  if (s > pp->best_score || (s == pp->best_score && ai < pp->best)) {
    pp->best_score = s;
    pp->best = ai;
  }
}

static size_t find_parent(const Work *w, size_t ci) {
  const Cand *c = &w->c[ci];
  if (c->prev != SIZE_MAX && w->c[c->prev].level != CNKG_LEVEL_NONE &&
      (w->c[c->prev].level < c->level || (c->natural && !w->c[c->prev].natural)))
    return c->prev;
  ParentPick pp = {SIZE_MAX, -1};
  visit_near(w, ci, parent_visit, &pp);
  return pp.best;
}

/* One name, one place per document. Each unlinked mention hangs on the
 * nearest place around it (find_parent), but a document that names 法洛村
 * once under 阿旺镇 and twice under just 东川区 means one village: mentions
 * of one name at one level take the deepest of their parents when all those
 * parents are listed places on one line of the list (each within the
 * deepest). Parents on different lines (two 白沙村 under two townships),
 * or places the list does not know, leave each mention its own. Fills
 * w->par for every mention (SIZE_MAX for linked ones). */
typedef struct {
  const char *form;
  CnkgLevel level;
  size_t i;
} NameKey;

static int name_key_cmp(const void *a, const void *b) {
  const NameKey *x = a, *y = b;
  if (x->level != y->level) return x->level < y->level ? -1 : 1;
  int d = strcmp(x->form, y->form);
  if (d) return d;
  return x->i < y->i ? -1 : (x->i > y->i ? 1 : 0);
}

static CnkgStatus group_parents(Work *w) {
  const CnkgDivision *div = w->r->div;
  w->par = malloc((w->n + 1) * sizeof *w->par);
  NameKey *keys = malloc((w->n + 1) * sizeof *keys);
  if (!w->par || !keys) {
    free(keys);
    return CNKG_ERR_NOMEM;
  }
  size_t nk = 0;
  for (size_t i = 0; i < w->n; i++) {
    const Cand *c = &w->c[i];
    w->par[i] = SIZE_MAX;
    if (c->link != CNKG_DIV_NONE || c->alias != SIZE_MAX || c->level == CNKG_LEVEL_NONE)
      continue;
    w->par[i] = find_parent(w, i);
    if (c->sent != SIZE_MAX) keys[nk++] = (NameKey){c->form, c->level, i}; /* not the title */
  }
  qsort(keys, nk, sizeof *keys, name_key_cmp);
  for (size_t a = 0, b; a < nk; a = b) {
    for (b = a + 1;
         b < nk && keys[b].level == keys[a].level && strcmp(keys[b].form, keys[a].form) == 0;
         b++) {
    }
    if (b - a < 2) continue;
    size_t deepest = SIZE_MAX;
    bool one_line = true;
    for (size_t k = a; k < b && one_line; k++) {
      size_t p = w->par[keys[k].i];
      if (p == SIZE_MAX) continue;
      if (w->c[p].link == CNKG_DIV_NONE) one_line = false;
      else if (deepest == SIZE_MAX || cnkg_division_level(div, w->c[p].link) >
                                          cnkg_division_level(div, w->c[deepest].link))
        deepest = p;
    }
    if (one_line && deepest != SIZE_MAX) {
      for (size_t k = a; k < b && one_line; k++) {
        size_t p = w->par[keys[k].i];
        one_line = p == SIZE_MAX ||
                   cnkg_division_is_within(div, w->c[deepest].link, w->c[p].link);
      }
    }
    if (one_line && deepest != SIZE_MAX) {
      for (size_t k = a; k < b; k++) w->par[keys[k].i] = deepest;
      continue;
    }
    /* Parents on different lines: the text gives conflicting containers
     * only where its chains do (甲镇白沙村, 乙镇白沙村). A mention that
     * merely stands near a place takes the container its chained
     * mentions agree on; without any chain, the container most of its
     * mentions hang on (the earliest on a tie), never a nearby one. */
    size_t chained = SIZE_MAX;
    bool agree = true;
    for (size_t k = a; k < b; k++) {
      const Cand *c = &w->c[keys[k].i];
      size_t p = w->par[keys[k].i];
      if (p == SIZE_MAX || c->prev != p) continue;
      if (chained == SIZE_MAX) chained = p;
      else if (w->c[chained].entity != w->c[p].entity ||
               w->c[chained].link != w->c[p].link ||
               strcmp(w->c[chained].form, w->c[p].form) != 0)
        agree = false;
    }
    if (!agree) continue;
    size_t pick = chained;
    if (pick == SIZE_MAX) {
      size_t best_n = 0;
      for (size_t k = a; k < b; k++) {
        size_t p = w->par[keys[k].i], cnt = 0;
        if (p == SIZE_MAX) continue;
        for (size_t j = a; j < b; j++) {
          size_t q = w->par[keys[j].i];
          cnt += q != SIZE_MAX && (q == p || (w->c[q].link != CNKG_DIV_NONE &&
                                              w->c[q].link == w->c[p].link));
        }
        if (cnt > best_n) {
          best_n = cnt;
          pick = p;
        }
      }
    }
    if (pick == SIZE_MAX) continue;
    for (size_t k = a; k < b; k++) {
      const Cand *c = &w->c[keys[k].i];
      if (c->prev != SIZE_MAX && c->prev == w->par[keys[k].i]) continue; /* its own chain */
      w->par[keys[k].i] = pick;
    }
  }
  free(keys);
  return CNKG_SUCCESS;
}

/* One name, one entity (2): a mention left unlinked, or linked to a
 * misspelling's record, whose name (without level suffix) and level are
 * those of a mention the document links elsewhere is that place, unless
 * the text hangs it on a listed place that does not contain the record
 * (two 白沙村 in two townships). A later, weaker mention so joins the
 * stronger one instead of becoming a second node, and a township the list
 * renamed since (an unlinked parent) does not keep the village apart. Where
 * the document links one name to several records, the one within the
 * mention's parent is taken, else none. Runs after group_parents. */
typedef struct {
  const char *form;
  size_t len;      /* base length */
  CnkgLevel level;
  size_t i;
} BaseName;

static int base_name_cmp(const void *a, const void *b) {
  const BaseName *x = a, *y = b;
  if (x->level != y->level) return x->level < y->level ? -1 : 1;
  if (x->len != y->len) return x->len < y->len ? -1 : 1;
  int d = memcmp(x->form, y->form, x->len);
  if (d) return d;
  return x->i < y->i ? -1 : (x->i > y->i ? 1 : 0);
}

static CnkgStatus join_same_names(Work *w) {
  const CnkgDivision *div = w->r->div;
  BaseName *v = malloc((w->n + 1) * sizeof *v);
  if (!v) return CNKG_ERR_NOMEM;
  size_t nv = 0;
  for (size_t i = 0; i < w->n; i++) {
    const Cand *c = &w->c[i];
    if (c->level < CNKG_LEVEL_TOWNSHIP || c->alias != SIZE_MAX || c->sent == SIZE_MAX ||
        c->natural)
      continue;
    size_t fl = strlen(c->form), bl = base_len(c->form, fl);
    if (cnkg_utf8_count(c->form, bl) < 2) continue;
    v[nv++] = (BaseName){c->form, bl, c->level, i};
  }
  qsort(v, nv, sizeof *v, base_name_cmp);
  for (size_t a = 0, b; a < nv; a = b) {
    for (b = a + 1; b < nv && base_name_cmp(&(BaseName){v[b].form, v[b].len, v[b].level, 0},
                                            &(BaseName){v[a].form, v[a].len, v[a].level, 0}) == 0;
         b++) {
    }
    if (b - a < 2) continue;
    /* The text's own chain wins over the list: when a mention the text
     * chains to a listed place (南开乡高峰村) is unlinked because no such
     * record is under it, a bare mention of the name that context linked
     * to a record elsewhere is that unlisted place too. */
    size_t chain_par = SIZE_MAX;
    for (size_t k = a; k < b && chain_par == SIZE_MAX; k++) {
      const Cand *c = &w->c[v[k].i];
      if (c->link == CNKG_DIV_NONE && c->prev != SIZE_MAX && w->par[v[k].i] == c->prev &&
          w->c[c->prev].link != CNKG_DIV_NONE)
        chain_par = c->prev;
    }
    if (chain_par != SIZE_MAX) {
      for (size_t k = a; k < b; k++) {
        Cand *c = &w->c[v[k].i];
        if (c->link == CNKG_DIV_NONE || c->prev != SIZE_MAX ||
            cnkg_division_is_within(div, c->link, w->c[chain_par].link))
          continue;
        c->link = CNKG_DIV_NONE;
        w->par[v[k].i] = chain_par;
      }
      continue;
    }
    /* the records the group's exact (not fuzzy) links name */
    for (size_t k = a; k < b; k++) {
      Cand *c = &w->c[v[k].i];
      bool exact = false;
      for (size_t h = 0; h < c->n_ids && !exact; h++) exact = c->ids[h] == c->link;
      if (c->link != CNKG_DIV_NONE && exact) continue;
      size_t p = w->par[v[k].i];
      CnkgDivId within = p != SIZE_MAX ? w->c[p].link : CNKG_DIV_NONE;
      CnkgDivId pick = CNKG_DIV_NONE;
      size_t n_pick = 0;
      for (size_t j = a; j < b; j++) {
        const Cand *d = &w->c[v[j].i];
        bool dexact = false;
        for (size_t h = 0; h < d->n_ids && !dexact; h++) dexact = d->ids[h] == d->link;
        if (j == k || d->link == CNKG_DIV_NONE || !dexact || d->link == pick) continue;
        if (cnkg_division_level(div, d->link) != c->level) continue;
        if (within != CNKG_DIV_NONE && !cnkg_division_is_within(div, d->link, within)) continue;
        pick = d->link;
        n_pick++;
      }
      if (n_pick != 1) continue;
      c->link = pick;
      w->par[v[k].i] = SIZE_MAX;
    }
  }
  free(v);
  /* A name read without its first character, which the text has and
   * which reads as a function word (曾任|和家楼村 read as 任和|家楼村):
   * where the document links the fuller form, this is that place. */
  const char *norm = w->st->text->norm;
  for (size_t i = 0; i < w->n; i++) {
    Cand *c = &w->c[i];
    if (c->level < CNKG_LEVEL_TOWNSHIP || c->alias != SIZE_MAX || c->sent == SIZE_MAX ||
        c->begin == 0)
      continue;
    bool exact = false;
    for (size_t h = 0; h < c->n_ids && !exact; h++) exact = c->ids[h] == c->link;
    if (c->link != CNKG_DIV_NONE && exact) continue;
    size_t pb = c->begin - 1;
    while (pb > 0 && ((unsigned char)norm[pb] & 0xC0u) == 0x80u) pb--;
    size_t q = pb;
    if (!is_function_char(cnkg_utf8_next(norm, c->begin, &q))) continue;
    size_t fl = strlen(c->form), pl = c->begin - pb;
    for (size_t j = 0; j < w->n; j++) {
      const Cand *d = &w->c[j];
      if (d->link == CNKG_DIV_NONE || d->level != c->level || strlen(d->form) != pl + fl ||
          memcmp(d->form, norm + pb, pl) != 0 || memcmp(d->form + pl, c->form, fl) != 0)
        continue;
      c->link = d->link;
      w->par[i] = SIZE_MAX;
      break;
    }
  }
  return CNKG_SUCCESS;
}

/* The name of a record without committee and level suffix, into buf. */
static size_t record_base(const CnkgDivision *div, CnkgDivId id, char *buf, size_t size) {
  CnkgDivRecord rec;
  if (cnkg_division_get(div, id, &rec) || rec.name_len >= size) return 0;
  size_t n = place_form_len(rec.name, rec.name_len);
  n = base_len(rec.name, n);
  memcpy(buf, rec.name, n);
  return n;
}

/* Code points of a and b differ in exactly one position. */
static bool one_char_apart(const char *a, size_t al, const char *b, size_t bl) {
  size_t i = 0, j = 0, diff = 0;
  while (i < al && j < bl) {
    if (cnkg_utf8_next(a, al, &i) != cnkg_utf8_next(b, bl, &j)) diff++;
  }
  return i == al && j == bl && diff == 1;
}

static void fuzzy_visit(const CnkgDivision *div, CnkgDivId id, CnkgLevel level,
                        const char *base, size_t blen, CnkgDivId *found, size_t *n) {
  CnkgDivId first;
  size_t count;
  if (cnkg_division_children(div, id, &first, &count)) return;
  for (size_t i = 0; i < count && *n < 2; i++) {
    CnkgDivId ch = first + (CnkgDivId)i;
    CnkgLevel lv = cnkg_division_level(div, ch);
    if (lv == level) {
      char buf[256];
      size_t rl = record_base(div, ch, buf, sizeof buf);
      if (rl && one_char_apart(base, blen, buf, rl)) {
        if (*n == 0) *found = ch;
        (*n)++;
      }
    } else if (lv < level) {
      fuzzy_visit(div, ch, level, base, blen, found, n);
    }
  }
}

/* A township or village the list does not know, under a place the document
 * settles, that differs from exactly one of that place's townships or
 * villages in one character (a variant or misprint: 岗夏 for 岗下, 侯 for
 * 候) is that one. Two or more such neighbours: left unlinked. */
/* A set of list records (open addressing; CNKG_DIV_NONE marks a free
 * slot), for "does the document name this record" in constant time. */
typedef struct {
  CnkgDivId *slots;
  size_t size, used;
} DivSet;

static size_t div_set_slot(const DivSet *x, CnkgDivId id) {
  size_t j = ((size_t)id * 2654435761u) & (x->size - 1);
  while (x->slots[j] != CNKG_DIV_NONE && x->slots[j] != id) j = (j + 1) & (x->size - 1);
  return j;
}

static bool div_set_has(const DivSet *x, CnkgDivId id) {
  return x->size && x->slots[div_set_slot(x, id)] == id;
}

static CnkgStatus div_set_add(DivSet *x, CnkgDivId id) {
  if ((x->used + 1) * 2 > x->size) {
    DivSet bigger = {malloc((x->size ? x->size * 2 : 64) * sizeof *x->slots),
                     x->size ? x->size * 2 : 64, x->used};
    if (!bigger.slots) return CNKG_ERR_NOMEM;
    for (size_t j = 0; j < bigger.size; j++) bigger.slots[j] = CNKG_DIV_NONE;
    for (size_t j = 0; j < x->size; j++)
      if (x->slots[j] != CNKG_DIV_NONE) bigger.slots[div_set_slot(&bigger, x->slots[j])] = x->slots[j];
    free(x->slots);
    *x = bigger;
  }
  size_t j = div_set_slot(x, id);
  if (x->slots[j] == CNKG_DIV_NONE) {
    x->slots[j] = id;
    x->used++;
  }
  return CNKG_SUCCESS;
}

static CnkgStatus link_fuzzy(Work *w) {
  const CnkgDivision *div = w->r->div;
  /* the records the document names, as links are added */
  DivSet named = {NULL, 0, 0};
  for (size_t i = 0; i < w->n; i++)
    if (w->c[i].link != CNKG_DIV_NONE && div_set_add(&named, w->c[i].link)) {
      free(named.slots);
      return CNKG_ERR_NOMEM;
    }
  for (size_t i = 0; i < w->n; i++) {
    Cand *c = &w->c[i];
    if (c->link != CNKG_DIV_NONE || c->alias != SIZE_MAX || c->natural ||
        (c->level != CNKG_LEVEL_TOWNSHIP && c->level != CNKG_LEVEL_VILLAGE))
      continue;
    size_t p = w->par[i];
    if (p == SIZE_MAX || w->c[p].link == CNKG_DIV_NONE) continue;
    CnkgDivId anc = w->c[p].link;
    if (cnkg_division_level(div, anc) < CNKG_LEVEL_COUNTY) continue;
    bool exact = false; /* an exact name under it is ambiguity, not a typo */
    for (size_t h = 0; h < c->n_ids && !exact; h++)
      exact = cnkg_division_is_within(div, c->ids[h], anc);
    if (exact) continue;
    size_t fl = strlen(c->form);
    size_t bl = base_len(c->form, fl);
    if (cnkg_utf8_count(c->form, bl) < 2) continue;
    if (bl == fl && c->force == CNKG_LEVEL_NONE) continue;
    CnkgDivId found = CNKG_DIV_NONE;
    size_t n = 0;
    fuzzy_visit(div, anc, c->level, c->form, bl, &found, &n);
    /* A neighbour the document names itself is not misspelt here (甲园 is
     * not 甲同 when 甲同 is named too). */
    if (n == 1 && div_set_has(&named, found)) n = 0;
    if (n == 1) {
      c->link = found;
      if (div_set_add(&named, found)) {
        free(named.slots);
        return CNKG_ERR_NOMEM;
      }
    }
  }
  free(named.slots);
  return CNKG_SUCCESS;
}

/* -------------------------------------------------------------- graph */

static CnkgType type_of(CnkgLevel l) {
  return (CnkgType)((int)CNKG_TYPE_PROVINCE + ((int)l - (int)CNKG_LEVEL_PROVINCE));
}

/* Finds or adds the entity for list record id; new ones get the official
 * name and code. Its label is the place's own name in the official one
 * (pinned: it follows from the record, so every document and every shard
 * gives the same), the text's form an alias. *created tells whether it was
 * new. */
static CnkgStatus entity_for_record(Work *w, CnkgDivId id, const char *label,
                                    size_t *entity, bool *created) {
  CnkgDivRecord rec;
  CnkgStatus s = cnkg_division_get(w->r->div, id, &rec);
  if (s) return CNKG_ERR_INTERNAL;
  char *key = cnkg_graph_key_code(rec.code);
  char *official = cnkg_strndup(rec.name, rec.name_len);
  char *name = cnkg_strndup(
      rec.name, cnkg_division_place_len((CnkgStr){rec.name, rec.name_len}, rec.level));
  if (!key || !official || !name) {
    free(key);
    free(official);
    free(name);
    return CNKG_ERR_NOMEM;
  }
  size_t e;
  bool exists = cnkg_graph_find_entity(w->st->graph, key, &e) == CNKG_SUCCESS;
  s = cnkg_graph_add_entity(w->st->graph, key, type_of(rec.level), name, &e);
  if (!s && !exists) s = cnkg_graph_set_code(w->st->graph, e, rec.code, official);
  if (!s) s = cnkg_graph_set_label(w->st->graph, e, name);
  if (!s && label && strcmp(label, name) != 0) s = cnkg_graph_add_alias(w->st->graph, e, label);
  free(key);
  free(official);
  free(name);
  if (s) return s;
  *entity = e;
  if (created) *created = !exists;
  return CNKG_SUCCESS;
}

/* Sorts order[0, n) (ascending mention indices) by level, keeping index
 * order within a level: a counting sort, linear however many mentions. */
static CnkgStatus sort_by_level(size_t *order, size_t n, const Cand *c) {
  size_t start[CNKG_LEVEL_VILLAGE + 2] = {0};
  size_t *sorted = malloc((n + 1) * sizeof *sorted);
  if (!sorted) return CNKG_ERR_NOMEM;
  for (size_t i = 0; i < n; i++) start[c[order[i]].level + 1]++;
  for (int l = 0; l <= CNKG_LEVEL_VILLAGE; l++) start[l + 1] += start[l];
  for (size_t i = 0; i < n; i++) sorted[start[c[order[i]].level]++] = order[i];
  memcpy(order, sorted, n * sizeof *order);
  free(sorted);
  return CNKG_SUCCESS;
}

static CnkgStatus build_entities(Work *w) {
  CnkgDocState *st = w->st;
  size_t *order = malloc((w->n + 1) * sizeof *order);
  if (!order) return CNKG_ERR_NOMEM;
  size_t n = 0;
  for (size_t i = 0; i < w->n; i++)
    if (w->c[i].level != CNKG_LEVEL_NONE && w->c[i].sent != SIZE_MAX &&
        w->c[i].alias == SIZE_MAX)
      order[n++] = i;
  if (sort_by_level(order, n, w->c)) {
    free(order);
    return CNKG_ERR_NOMEM;
  }
  size_t n_main = n;
  for (size_t i = 0; i < w->n; i++)
    if (w->c[i].level != CNKG_LEVEL_NONE && w->c[i].alias != SIZE_MAX) order[n++] = i;
  CnkgStatus s = CNKG_SUCCESS;
  for (size_t k = 0; k < n && !s; k++) {
    Cand *c = &w->c[order[k]];
    if (k >= n_main) {
      c->entity = w->c[c->alias].entity;
      if (c->entity == SIZE_MAX) continue;
      s = cnkg_graph_add_alias(st->graph, c->entity, c->form);
    } else if (c->link != CNKG_DIV_NONE) {
      s = entity_for_record(w, c->link, c->form, &c->entity, NULL);
    } else {
      c->parent = w->par[order[k]];
      const char *pkey = "";
      if (c->parent != SIZE_MAX && w->c[c->parent].entity != SIZE_MAX)
        pkey = cnkg_graph_entity(st->graph, w->c[c->parent].entity)->key;
      size_t bl = base_len(c->form, strlen(c->form));
      char *name = cnkg_strndup(c->form, bl);
      char *pk = cnkg_strndup(pkey, strlen(pkey));
      char *key = name && pk ? cnkg_graph_key_hash(type_of(c->level), name, pk) : NULL;
      if (!key) s = CNKG_ERR_NOMEM;
      else s = cnkg_graph_add_entity(st->graph, key, type_of(c->level), c->form, &c->entity);
      free(name);
      free(pk);
      free(key);
    }
    if (!s) s = cnkg_docstate_mention(st, c->entity, c->sent, c->begin, c->end);
  }
  /* The fullest form a document gives is the label: per entity, the first
   * of the longest forms (in order). */
  size_t n_ent = cnkg_graph_entity_count(st->graph);
  const char **longest = s ? NULL : calloc(n_ent + 1, sizeof *longest);
  size_t *longest_len = s ? NULL : calloc(n_ent + 1, sizeof *longest_len);
  if (!s && (!longest || !longest_len)) s = CNKG_ERR_NOMEM;
  for (size_t k = 0; k < n && !s; k++) {
    const Cand *d = &w->c[order[k]];
    if (d->entity == SIZE_MAX || d->entity >= n_ent) continue;
    size_t dl = strlen(d->form);
    if (!longest[d->entity] || dl > longest_len[d->entity]) {
      longest[d->entity] = d->form;
      longest_len[d->entity] = dl;
    }
  }
  for (size_t k = 0; k < n && !s; k++) {
    Cand *c = &w->c[order[k]];
    if (c->entity == SIZE_MAX || c->entity >= n_ent) continue;
    const CnkgEntity *e = cnkg_graph_entity(st->graph, c->entity);
    const char *lf = strlen(c->form) >= longest_len[c->entity] ? c->form : longest[c->entity];
    if (e->code) { /* labelled from the list record: the text's forms are aliases */
      if (strcmp(e->label, c->form) != 0) s = cnkg_graph_add_alias(st->graph, c->entity, c->form);
      continue;
    }
    if (strcmp(e->label, lf) != 0) s = cnkg_graph_set_label(st->graph, c->entity, lf);
    else if (strcmp(c->form, lf) != 0) s = cnkg_graph_add_alias(st->graph, c->entity, c->form);
  }
  free(longest);
  free(longest_len);
  free(order);
  return s;
}


/* locatedIn: each mention to the place it hangs on in the text, and every
 * linked place up its line in the list. */
static CnkgStatus build_hierarchy(Work *w) {
  const CnkgDivision *div = w->r->div;
  CnkgDocState *st = w->st;
  CnkgStatus s = CNKG_SUCCESS;
  /* The mentioned entities, and each record's first mention with an
   * entity: looked up, not searched for. */
  size_t n_ent = cnkg_graph_entity_count(st->graph);
  bool *mentioned = calloc(n_ent + 1, sizeof *mentioned);
  LinkIndex named = {NULL, 0};
  if (!mentioned) return CNKG_ERR_NOMEM;
  for (size_t i = 0; i < w->n && !s; i++) {
    const Cand *d = &w->c[i];
    if (d->entity != SIZE_MAX && d->entity < n_ent && d->sent != SIZE_MAX)
      mentioned[d->entity] = true;
    if (d->entity != SIZE_MAX && d->link != CNKG_DIV_NONE)
      s = link_index_add(&named, w->n, d->link, i);
  }
  link_index_sort(&named);
  for (size_t i = 0; i < w->n && !s; i++) {
    Cand *c = &w->c[i];
    if (c->entity == SIZE_MAX || c->alias != SIZE_MAX) continue;
    if (c->link == CNKG_DIV_NONE) {
      if (c->parent != SIZE_MAX && w->c[c->parent].entity != SIZE_MAX &&
          w->c[c->parent].entity != c->entity)
        s = cnkg_docstate_relate(st, c->entity, CNKG_REL_LOCATED_IN,
                                 w->c[c->parent].entity, NULL, c->sent);
      continue;
    }
    /* The nearest enclosing place the document itself names. */
    size_t near = SIZE_MAX;
    for (CnkgDivId p = cnkg_division_parent(div, c->link);
         p != CNKG_DIV_NONE && near == SIZE_MAX; p = cnkg_division_parent(div, p))
      near = link_index_first(&named, p);
    /* An unlinked place right before it in the chain is nearer still
     * (a township renamed or merged since the list was made). */
    if (c->prev != SIZE_MAX && w->c[c->prev].link == CNKG_DIV_NONE &&
        w->c[c->prev].entity != SIZE_MAX && w->c[c->prev].level < c->level &&
        w->c[c->prev].level != CNKG_LEVEL_NONE)
      near = c->prev;
    if (near != SIZE_MAX && w->c[near].entity != c->entity)
      s = cnkg_docstate_relate(st, c->entity, CNKG_REL_LOCATED_IN, w->c[near].entity,
                               NULL, w->c[near].sent == c->sent ? c->sent : SIZE_MAX);
  }
  /* Completion from the list: each linked place to its parent, up to the
   * province; ancestors the text does not name carry no mention. */
  for (size_t i = 0; i < w->n && !s; i++) {
    Cand *c = &w->c[i];
    if (c->entity == SIZE_MAX || c->link == CNKG_DIV_NONE) continue;
    size_t child = c->entity;
    for (CnkgDivId p = cnkg_division_parent(div, c->link); p != CNKG_DIV_NONE && !s;
         p = cnkg_division_parent(div, p)) {
      if (cnkg_division_is_placeholder(div, p)) continue;
      size_t pe;
      bool created = false;
      s = entity_for_record(w, p, NULL, &pe, &created);
      if (s) break;
      if (created || pe >= n_ent || !mentioned[pe])
        s = cnkg_graph_mark_listed(st->graph, pe, st->doc);
      if (s) break;
      /* Containment the document neither states nor makes certain (one
       * end is a place it never names) is the list's, not the text's. */
      unsigned both = cnkg_graph_entity(st->graph, child)->flags |
                      cnkg_graph_entity(st->graph, pe)->flags;
      CnkgRel rel = both & CNKG_ENTITY_FROM_DIVISION_LIST ? CNKG_REL_WITHIN_DIVISION
                                                          : CNKG_REL_LOCATED_IN;
      s = cnkg_docstate_relate(st, child, rel, pe, NULL, SIZE_MAX);
      child = pe;
    }
  }
  free(mentioned);
  free(named.v);
  return s;
}

/* The place the document is mainly about: the county (else prefecture,
 * else township) named most, the title counting three times. */
static CnkgStatus set_focus(Work *w) {
  CnkgDocState *st = w->st;
  static const CnkgLevel pref[] = {CNKG_LEVEL_COUNTY, CNKG_LEVEL_PREFECTURE,
                                   CNKG_LEVEL_TOWNSHIP, CNKG_LEVEL_PROVINCE,
                                   CNKG_LEVEL_VILLAGE};
  /* Mentions per entity, counted once. */
  size_t n_ent = cnkg_graph_entity_count(st->graph);
  size_t *count = calloc(n_ent + 1, sizeof *count);
  if (!count) return CNKG_ERR_NOMEM;
  for (size_t j = 0; j < w->n; j++)
    if (w->c[j].entity != SIZE_MAX && w->c[j].entity < n_ent) count[w->c[j].entity]++;
  for (size_t l = 0; l < sizeof pref / sizeof pref[0]; l++) {
    size_t best = SIZE_MAX, best_n = 0;
    for (size_t i = 0; i < w->n; i++) {
      const Cand *c = &w->c[i];
      if (c->entity == SIZE_MAX || c->entity >= n_ent || c->level != pref[l]) continue;
      size_t cnt = count[c->entity];
      for (size_t t = 0; t < w->n_title; t++)
        if (w->title_ids[t] == c->link) cnt += 3;
      if (cnt > best_n || (cnt == best_n && best != SIZE_MAX && c->entity < best)) {
        best_n = cnt;
        best = c->entity;
      }
    }
    if (best != SIZE_MAX) {
      st->focus_place = best;
      break;
    }
  }
  free(count);
  return CNKG_SUCCESS;
}

/* --------------------------------------------------------------- run */

static CnkgStatus scan_title(Work *w) {
  const CnkgText *t = w->st->text;
  if (!t->title || !*t->title) return CNKG_SUCCESS;
  SentView v;
  CnkgStatus s = view_make(t->title, strlen(t->title), NULL, &v);
  if (s) return s;
  size_t first = w->n;
  s = scan_list(w, SIZE_MAX, 0, &v);
  view_free(&v);
  if (s) return s;
  /* Title places decide context when unique (or settled by their chain). */
  w->title_ids = malloc((w->n - first + 1) * sizeof *w->title_ids);
  if (!w->title_ids) return CNKG_ERR_NOMEM;
  for (size_t i = first; i < w->n; i++) {
    Cand *c = &w->c[i];
    if (c->n_ids == 1 && cnkg_division_level(w->r->div, c->ids[0]) <= CNKG_LEVEL_COUNTY)
      w->title_ids[w->n_title++] = c->ids[0];
  }
  for (size_t i = first; i < w->n; i++) cand_free(&w->c[i]);
  w->n = first;
  return CNKG_SUCCESS;
}

CnkgStatus cnkg_place_run(const CnkgPlaceRecognizer *r, CnkgDocState *st) {
  if (!r || !st || !st->text || !st->graph) return CNKG_ERR_ARG;
  const CnkgText *t = st->text;
  Work w;
  memset(&w, 0, sizeof w);
  w.r = r;
  w.st = st;
  CnkgStatus s = CNKG_SUCCESS;
  w.section = malloc((t->n_sentences + 1) * sizeof *w.section);
  if (!w.section) return CNKG_ERR_NOMEM;
  size_t sec = SIZE_MAX;
  w.lead_para = 0;
  bool lead_found = false;
  for (size_t i = 0; i < t->n_sentences; i++) {
    if (t->sentences[i].heading) sec = i;
    w.section[i] = sec;
    if (!lead_found && !t->sentences[i].heading) {
      w.lead_para = t->sentences[i].paragraph;
      lead_found = true;
    }
  }
  s = scan_title(&w);
  for (size_t i = 0; i < t->n_sentences && !s; i++) {
    const CnkgSentence *se = &t->sentences[i];
    if (se->credit) continue; /* bylines name people, not places */
    SentView v;
    s = view_make(t->norm + se->begin, se->end - se->begin, st->lac ? &st->lac[i] : NULL, &v);
    if (s) break;
    size_t first = w.n;
    s = scan_list(&w, i, se->begin, &v);
    if (!s) s = scan_chain_gaps(&w, i, first);
    if (!s) s = scan_gaps(&w, i, se->begin, first, &v);
    if (!s) s = scan_enums(&w, i, se->begin, first, &v);
    view_free(&v);
  }
  if (!s && w.n) {
    qsort(w.c, w.n, sizeof *w.c, cand_cmp);
    s = index_groups(&w);
  }
  if (!s && w.n) {
    resolve_chains(&w);
    s = resolve(&w);
  }
  if (!s && w.n) {
    s = group_parents(&w);
    if (!s) s = join_same_names(&w);
    if (!s) s = link_fuzzy(&w);
    if (!s) s = build_entities(&w);
    if (!s) s = build_hierarchy(&w);
    if (!s) s = set_focus(&w);
  }
  for (size_t i = 0; i < w.n; i++) cand_free(&w.c[i]);
  free(w.c);
  free(w.section);
  free(w.sent_lo);
  free(w.sent_hi);
  free(w.para_lo);
  free(w.para_hi);
  free(w.sec_lo);
  free(w.sec_hi);
  free(w.heads);
  free(w.title_ids);
  free(w.par);
  return s;
}

/* ---------------------------------------------------------- helpers */

size_t cnkg_place_nearest(const CnkgDocState *st, size_t sentence, size_t pos) {
  if (!st || !st->text || sentence >= st->text->n_sentences) return SIZE_MAX;
  const CnkgText *t = st->text;
  /* Each sentence's spans come from its list (in the order added), not from
   * a scan of all spans per call. */
  size_t best = SIZE_MAX, best_end = 0;
  for (size_t i = cnkg_docstate_first_span(st, sentence); i != SIZE_MAX;
       i = cnkg_docstate_next_span(st, i)) {
    if (!cnkg_place_span_is_place(st, i)) continue;
    if (st->spans[i].end <= pos && (best == SIZE_MAX || st->spans[i].end >= best_end)) {
      best = st->spans[i].entity;
      best_end = st->spans[i].end;
    }
  }
  if (best != SIZE_MAX) return best;
  size_t para = t->sentences[sentence].paragraph;
  for (size_t si = sentence; si-- > 0;) {
    if (t->sentences[si].paragraph != para) break;
    size_t last = SIZE_MAX; /* the place added last */
    for (size_t i = cnkg_docstate_first_span(st, si); i != SIZE_MAX;
         i = cnkg_docstate_next_span(st, i))
      if (cnkg_place_span_is_place(st, i)) last = i;
    if (last != SIZE_MAX) return st->spans[last].entity;
  }
  for (size_t si = sentence + 1; si-- > 0;) {
    if (!t->sentences[si].heading) continue;
    size_t deepest = SIZE_MAX;
    CnkgType dt = CNKG_TYPE_PERSON;
    for (size_t i = cnkg_docstate_first_span(st, si); i != SIZE_MAX;
         i = cnkg_docstate_next_span(st, i))
      if (cnkg_place_span_is_place(st, i) &&
          (deepest == SIZE_MAX || st->spans[i].type > dt)) {
        deepest = st->spans[i].entity;
        dt = st->spans[i].type;
      }
    if (deepest != SIZE_MAX) return deepest;
    break;
  }
  return st->focus_place;
}
