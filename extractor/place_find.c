/* SPDX-License-Identifier: Apache-2.0
 * Place recognition: the tests on a name's shape (suffixes, generic and
 * common words) and the scans that find mentions in a sentence: names from
 * the division list, unlisted names in address chains and in LAC place
 * words, enumerations of villages. Depends on place_int.h, division.h, lac.h.
 */
#include "extractor/place_int.h"

#include "cnkg/grow.h"

/* Longest name tried against the list, in characters. */
#define MAX_NAME_CHARS 24
_Static_assert(MAX_NAME_CHARS < 31, "bit L of cnkg_division_prefix_lengths() is length L");

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
CnkgLevel place_suffix_level(const char *s, size_t len) {
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
bool place_has_suffix(const char *s, size_t len) {
  return place_suffix_level(s, len) != CNKG_LEVEL_NONE ||
         (len > 3 && (ends_with(s, len, "市") || ends_with(s, len, "区")));
}

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
      W("边境"), W("牧业"), W("半农半牧"), W("农业大"), W("人口大"), W("小康"),
      W("沿边"), W("富裕"), W("定点"), W("纯农业"), W("纯牧业"),
  };
  /* 三县, 北部两县, 南四县: a count of places. */
  size_t bl = cnkg_place_base_len(s, len);
  if (place_has_suffix(s, len) && bl < len && bl >= 3) {
    size_t i = 0, last = 0;
    uint32_t cp = 0;
    while (i < bl) {
      last = i;
      cp = cnkg_utf8_next(s, bl, &i);
    }
    (void)last;
    if (is_numeral(cp)) return true;
  }
  /* 彝族村, 苗族乡: a people's name and a suffix is a kind of place; a
   * name of its own comes first where one is meant (力所拉祜族乡). */
  if (place_has_suffix(s, len) && bl >= 6 && bl <= 9 && ends_with(s, bl, "族")) return true;
  /* 某|某小康村: a kind of village, whatever the analyser cut off before */
  if (place_has_suffix(s, len) && bl < len && (ends_with(s, bl, "小康") || ends_with(s, bl, "富裕")))
    return true;
  for (size_t i = 0; i < sizeof mods / sizeof mods[0]; i++) {
    size_t m = mods[i].len;
    if (len > m && memcmp(mods[i].s, s, m) == 0 && place_suffix_level(s, len)) {
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
bool place_is_function_char(uint32_t cp) {
  static const char fn[] = "在到和与及从向往由至的了是为把被对将给让等各全本该每驻";
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
size_t place_form_len(const char *s, size_t len) {
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
size_t cnkg_place_base_len(const char *s, size_t len) {
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

/* ---------------------------------------------------------- candidates */

void place_cand_free(Cand *c) {
  free(c->form);
  free(c->ids);
}

/* Appends a mention; takes nothing, copies the form. */
static CnkgStatus add_cand(Work *w, size_t sent, size_t begin, size_t end,
                           const char *form, size_t form_len, const CnkgDivId *ids,
                           size_t n_ids, bool weak, CnkgLevel force, size_t *index) {
  if (CNKG_GROW(w->c, w->cap, w->n + 1, 64)) return CNKG_ERR_NOMEM;
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
  c->suffix_level = place_suffix_level(form, form_len);
  c->force = force;
  c->weak = weak;
  c->prev = c->parent = c->entity = c->alias = SIZE_MAX;
  if (index) *index = w->n;
  w->n++;
  return CNKG_SUCCESS;
}

void place_view_free(SentView *v) {
  free(v->off);
  free(v->cp);
  free(v->wstart);
  free(v->wend);
  free(v->wtag);
}

static bool tag_is(const char *tag, const char *want) {
  return tag && strcmp(tag, want) == 0;
}

/* A tag LAC gives place words (LOC, or the POS tag ns). */
static bool tag_is_place(const char *tag) { return tag_is(tag, "LOC") || tag_is(tag, "ns"); }

/* 驻 before a village or township is the verb "stationed in" (驻|石桥村第一书记,
 * 驻|东湖镇工作队): where LAC glues it to the place word, it is cut off as a
 * verb of its own so the name starts after it. */
static void split_stationed(SentView *v) {
  static const char verb[] = "v";
  for (size_t c = 0; c + 3 < v->nc; c++) {
    if (!v->wstart[c] || v->cp[c] != 0x9A7B /*驻*/ || v->wstart[c + 1] ||
        !tag_is_place(v->wtag[c]))
      continue;
    size_t e = c + 1;
    while (e < v->nc && !v->wstart[e]) e++;
    uint32_t last = v->cp[e - 1];
    if (e - c < 4 || !(last == 0x6751 /*村*/ || last == 0x9547 /*镇*/ || last == 0x4E61 /*乡*/))
      continue;
    v->wtag[c] = verb;
    v->wstart[c + 1] = true;
    v->wend[c + 1] = true;
  }
}

CnkgStatus place_view_make(const char *s, size_t n, const CnkgLacResult *lac,
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
    place_view_free(v);
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
    split_stationed(v);
  }
  return CNKG_SUCCESS;
}

/* A tag of nouns and names (not places): n, nw, nz, PER, nr. */
static bool tag_is_nounish(const char *tag) {
  return tag_is(tag, "n") || tag_is(tag, "nw") || tag_is(tag, "PER") || tag_is(tag, "nr") ||
         tag_is(tag, "nz");
}

static bool tag_is_placey(const char *tag) {
  return tag_is_place(tag) || tag_is(tag, "ORG") ||
         tag_is(tag, "nt") || tag_is(tag, "nz");
}

/* True if chars [k, k+L) open a quotation that goes on past them: the name
 * of an award or slogan (“十佳村党组织”), not a place. */
static bool in_longer_quote(const SentView *v, size_t k, size_t L) {
  if (k == 0 || v->cp[k - 1] != 0x201C /* “ */) return false;
  return k + L < v->nc && v->cp[k + L] != 0x201D /* ” */ && cnkg_is_han(v->cp[k + L]);
}

/* True if a listed name with its suffix, chars [k, k+L) of v (key, klen
 * bytes; flen: its place form), stands as a name here. */
static bool suffixed_name_ok(const SentView *v, size_t k, size_t L, bool chained, bool at_start,
                             bool at_end, const char *key, size_t klen, size_t flen) {
  const char *tag = v->have_lac ? v->wtag[k] : NULL;
  if (!chained && is_generic(key, flen)) return false;
  if (!chained && in_longer_quote(v, k, L)) return false; /* “十佳村党组织” */
  /* 李家寨|村民: LAC reads the 村 with what follows; the name is the
   * place word before it. */
  if (v->have_lac && L >= 3 && v->cp[k + L - 1] == 0x6751 /*村*/ && v->wstart[k + L - 1] &&
      !v->wend[k + L] && v->wend[k + L - 1] && v->wstart[k] &&
      tag_is(v->wtag[k], "LOC") && place_suffix_level(key, klen - 3) == CNKG_LEVEL_VILLAGE)
    return false;
  /* 组织|村民, 首个|村级: a word that is no noun, then the suffix opening a
   * longer word, is no name, even where an address chain runs on (a
   * village 组织村 is listed; 龙潭村组织村民 does not name it). */
  if (v->have_lac && L >= 3 && v->wstart[k] && v->wstart[k + L - 1] && !v->wend[k + L] &&
      is_suffix_char(v->cp[k + L - 1]) && tag && !tag_is_placey(tag) && !tag_is_nounish(tag))
    return false;
  /* Short names starting inside a word are pieces of other words
   * (扩大村 is not 大村) unless they continue an address chain. */
  /* Inside a LAC place word only after another place-like chunk
   * (联系村|王家坪村), never as the tail of an unlisted name (甲|乙村). */
  bool in_place_word = v->have_lac && tag_is_placey(tag) && !tag_is(tag, "nz") &&
                       (at_start || is_suffix_char(v->cp[k - 1]) ||
                        /* 某县|城甲镇: the county town's 城, then the name */
                        (k >= 2 && v->cp[k - 1] == 0x57CE /*城*/ && is_suffix_char(v->cp[k - 2])));
  /* LAC sometimes glues one character of the context to a name's
   * head (说松|阳县): a non-place word that began one character
   * before still lets the name start here. */
  if (!at_start && !in_place_word && v->have_lac && !tag_is_placey(tag) && k >= 1 &&
      v->wstart[k - 1] && L >= 3 && k + 1 < v->nc && v->wstart[k + 1] &&
      /* not a noun of its own (产业|兴村 is no 业兴村) */
      !tag_is(tag, "n") && !tag_is(tag, "vn") &&
      (tag_is(v->wtag[k + 1], "LOC") || tag_is(v->wtag[k + 1], "ns")))
    at_start = true;
  if (!chained && !at_start && !in_place_word) return false;
  if (!chained && v->have_lac && !in_place_word) {
    /* 扩大/村, 使/村民: a verb or adjective before a suffix that LAC
     * cut off is not a name. */
    bool inner = false;
    for (size_t c = k + 1; c < k + L; c++) inner = inner || v->wstart[c];
    if (inner && !tag_is_nounish(tag)) return false;
    if (L == 2) return false; /* 包村, 进村: one character and a suffix */
  }
  /* Without LAC, one character and a suffix after another name
   * character is the tail of a longer name (岗|夏村, 五|星村). */
  if (!chained && !v->have_lac && L == 2 && k > 0 && cnkg_is_han(v->cp[k - 1]) &&
      !is_suffix_char(v->cp[k - 1]) && !place_is_function_char(v->cp[k - 1]))
    return false;
  if (!chained && v->have_lac && L == 2 &&
      !(at_start && at_end && (tag_is(tag, "LOC") || tag_is(tag, "ns"))))
    return false;
  return true;
}

/* True if s starts with a word that makes the place before it the name of
 * a news outlet (日报, 新闻网, 卫视, 客户端 …). */
static bool names_outlet(const char *s, size_t len) {
  static const char *const outlet[] = {"日报", "晚报", "都市报", "新闻网", "卫视", "电视台",
                                       "广播电视台", "客户端", "融媒体", "广电"};
  for (size_t i = 0; i < sizeof outlet / sizeof outlet[0]; i++)
    if (starts_with(s, len, outlet[i])) return true;
  return false;
}

/* Scans one sentence (or the title) for names in the division list. */
CnkgStatus place_scan_list(Work *w, size_t sent, size_t base, const SentView *v) {
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
    size_t suffix = 0; /* a former level suffix matched after the name */
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
      bool composed = place_has_suffix(key, klen);
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
      /* 白云|日报, 白云|新闻网: a place that names a news outlet is part of
       * the outlet's name, not a place the text is about. */
      if (names_outlet(v->s + v->off[k + L], v->n - v->off[k + L])) continue;
      const char *tag = v->have_lac ? v->wtag[k] : NULL;
      size_t flen = place_form_len(key, klen);
      size_t b = base + v->off[k], e = b + flen;
      if (n_strong) {
        if (!suffixed_name_ok(v, k, L, chained, at_start, at_end, key, klen, flen)) continue;
        /* One character and a suffix (到|达村), or one and a word that
         * merely ends in one (做|大乡村|旅游): listed somewhere, but here a
         * name only if the context links it. */
        bool need_link = !chained && place_suffix_level(key, flen) == CNKG_LEVEL_VILLAGE &&
                         (L == 2 || (L == 3 && ends_in_generic_word(key, flen)));
        memcpy(ids, strong, n_strong * sizeof *ids);
        size_t ci;
        CnkgStatus s = add_cand(w, sent, b, e, key, flen, ids, n_strong, need_link,
                                CNKG_LEVEL_NONE, &ci);
        if (s) return s;
        if (flen < klen) w->c[ci].committee = klen; /* 甲村委会: a name of its own too */
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
        /* 增城|市 where the list has 增城区 (or X县 that became X市): a county
         * the text names by its former level suffix, which LAC reads as
         * one place word with the name. The mention takes the suffix; the
         * form is the former name. */
        if (v->have_lac && L >= 2 && k + L < v->nc && v->wstart[k] && !v->wend[k + L] &&
            v->wend[k + L + 1] && tag_is_place(tag) &&
            (next == 0x53BF /*县*/ || next == 0x5E02 /*市*/ || next == 0x533A /*区*/)) {
          size_t n_county = 0;
          for (size_t h = 0; h < n_short; h++)
            if (cnkg_division_level(div, shortf[h]) == CNKG_LEVEL_COUNTY) ids[n_county++] = shortf[h];
          if (n_county) {
            size_t fl = v->off[k + L + 1] - v->off[k];
            CnkgStatus s = add_cand(w, sent, b, base + v->off[k + L + 1], key, fl, ids, n_county,
                                    false, CNKG_LEVEL_NONE, &ci);
            if (s) return s;
            w->c[ci].renamed = n_county == 1;
            suffix = 1; /* the suffix is part of the match */
            taken = true;
          }
        }
        if (!taken) {
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
        }
      } else if (n_weak && v->have_lac && at_start && at_end && tag_is(tag, "LOC") &&
                 !is_generic(key, klen) && !cnkg_world_names_feature(key, klen)) {
        /* A township or village written without its suffix: kept only if
         * the context links it. */
        CnkgStatus s = add_cand(w, sent, b, e, key, klen, weakf, n_weak, true,
                                CNKG_LEVEL_NONE, NULL);
        if (s) return s;
        taken = true;
      }
      if (taken) {
        last_weak = w->c[w->n - 1].weak;
        last_end = k + L + suffix;
        k += L + suffix;
      }
    }
    if (!taken) k++;
  }
  return CNKG_SUCCESS;
}

/* Whether a candidate from index from on overlaps [begin, end); with firm,
 * weak ones (short forms, enumeration items) do not count. */
static bool covered(const Work *w, size_t from, size_t begin, size_t end, bool firm) {
  for (size_t i = from; i < w->n; i++)
    if ((!firm || !w->c[i].weak) && w->c[i].begin < end && begin < w->c[i].end) return true;
  return false;
}

/* Names not in the list: the parts of a LAC place word (or of the stretch
 * between two listed places) left over by the list matches that end with a
 * suffix: 某县|甲乡|乙村, 丙村. */
CnkgStatus place_scan_gaps(Work *w, size_t sent, size_t base, size_t first,
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
          CnkgLevel lv = place_suffix_level(g, glen);
          size_t gb = base + v->off[gs], ge = base + v->off[c];
          /* 朱|埠镇: a lone character LAC split off belongs to the name. */
          size_t bchars = cnkg_utf8_count(g, cnkg_place_base_len(g, place_form_len(g, glen)));
          if (han && bchars == 1 && gs == ws && gs > 0 && v->wstart[gs - 1] &&
              cnkg_is_han(v->cp[gs - 1]) && !is_suffix_char(v->cp[gs - 1]) &&
              !place_is_function_char(v->cp[gs - 1])) {
            gs--;
            g = v->s + v->off[gs];
            glen = v->off[c] - v->off[gs];
            gb = base + v->off[gs];
            bchars = 2;
          }
          uint32_t before_suffix = 0;
          {
            size_t bl2 = cnkg_place_base_len(g, place_form_len(g, glen)), x = 0;
            while (x < bl2) before_suffix = cnkg_utf8_next(g, bl2, &x);
          }
          /* In an organisation's name only right after a listed place
           * (南牛镇|甲村|村委会), never its head (XX合作社). */
          bool org_ok = !in_org || gs > ws;
          bool inner_suffix = false;
          {
            size_t bl3 = cnkg_place_base_len(g, place_form_len(g, glen)), x = 0;
            while (x < bl3)
              if (is_suffix_char(cnkg_utf8_next(g, bl3, &x))) inner_suffix = true;
          }
          if (han && org_ok && lv != CNKG_LEVEL_NONE && bchars >= 2 && !is_suffix_char(before_suffix) &&
              !inner_suffix &&
              !has_generic_part(g, glen) && !in_longer_quote(v, gs, c - gs) &&
              !is_generic(g, glen) && !covered(w, first, gb, ge, false)) {
            size_t flen = place_form_len(g, glen);
            /* 李家寨|村民: a hamlet's name, then the villagers. */
            if (flen == glen && c < v->nc && v->cp[c] == 0x6C11 /*民*/ && ends_with(g, flen, "村") &&
                place_suffix_level(g, flen - 3) == CNKG_LEVEL_VILLAGE)
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

/* Resettlement sites are villages of their own: a place word LAC tags,
 * without a level suffix, then 安置点/安置区/安置小区 (with 移民 or 搬迁
 * between): 翠湖花园移民安置点; or an estate named X新居 right after the
 * county or township that holds it. The whole is the site's name. */
CnkgStatus place_scan_sites(Work *w, size_t sent, size_t base, size_t first,
                            const SentView *v) {
  static const Word kinds[] = {W("移民安置点"), W("搬迁安置点"), W("安置点"),
                               W("移民安置区"), W("搬迁安置区"), W("安置区"),
                               W("安置小区")};
  if (!v->have_lac) return CNKG_SUCCESS;
  for (size_t k = 0; k < v->nc; k++) {
    if (!v->wstart[k] || !tag_is_place(v->wtag[k])) continue;
    size_t e = k + 1;
    while (e < v->nc && !v->wstart[e]) e++;
    /* 甲县|幸福新居: a new-homes estate right after the place that holds
     * it, cut at 新居 where LAC runs on (幸福新居易地…) */
    size_t home = SIZE_MAX;
    for (size_t x = k + 2; x + 1 < e && home == SIZE_MAX; x++)
      if (v->cp[x] == 0x65B0 /*新*/ && v->cp[x + 1] == 0x5C45 /*居*/) home = x + 2;
    bool estate = false;
    if (home != SIZE_MAX) {
      for (size_t i = first; i < w->n && !estate; i++)
        estate = w->c[i].end == base + v->off[k] && !w->c[i].weak &&
                 w->c[i].suffix_level != CNKG_LEVEL_NONE &&
                 w->c[i].suffix_level < CNKG_LEVEL_VILLAGE;
      if (estate) e = home;
    }
    if (e - k < 2 || e - k > 6) continue;
    bool han = true;
    for (size_t x = k; x < e; x++) han = han && cnkg_is_han(v->cp[x]);
    const char *g = v->s + v->off[k];
    size_t glen = v->off[e] - v->off[k];
    if (!han || place_has_suffix(g, glen) || is_generic(g, glen) || has_generic_part(g, glen))
      continue;
    const char *after = v->s + v->off[e];
    size_t rest = v->n - v->off[e], klen = 0;
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0] && !klen && !estate; i++)
      if (starts_with(after, rest, kinds[i].s)) klen = kinds[i].len;
    if (!klen && !estate) continue;
    size_t gb = base + v->off[k], ge = base + v->off[e] + klen;
    /* a short form the list matched inside the name (幸福 of some 幸福乡)
     * yields to it: unlinkable, it is dropped */
    if (covered(w, first, gb, ge, true)) continue;
    for (size_t i = first; i < w->n; i++)
      if (w->c[i].weak && w->c[i].begin >= gb && w->c[i].end <= ge) w->c[i].n_ids = 0;
    /* a site the list knows (as X居民委员会 or the like) is linked to it */
    const CnkgDivHit *hits = NULL;
    size_t nh = cnkg_division_lookup(w->r->div, (CnkgStr){g, glen + klen}, &hits);
    CnkgDivId ids[16];
    size_t n_ids = 0;
    for (size_t h = 0; h < nh && n_ids < 16; h++)
      if (cnkg_division_level(w->r->div, hits[h].id) == CNKG_LEVEL_VILLAGE) ids[n_ids++] = hits[h].id;
    CnkgStatus st = add_cand(w, sent, gb, ge, g, glen + klen, ids, n_ids, false,
                             CNKG_LEVEL_VILLAGE, NULL);
    if (st) return st;
  }
  return CNKG_SUCCESS;
}

/* An unlisted place between two listed ones of a chain (某县|甲乡|乙村:
 * a township merged away since the list was made): three to six Han
 * characters with a level suffix of their own. */
static CnkgStatus scan_gap_between(Work *w, size_t sent, size_t first, size_t n0) {
  const char *t = w->st->text->norm;
  for (size_t i = first; i + 1 < n0; i++) {
    const Cand *a = &w->c[i], *b = &w->c[i + 1];
    if (a->weak || b->weak || b->begin <= a->end) continue;
    const char *g = t + a->end;
    size_t glen = b->begin - a->end;
    size_t nch = cnkg_utf8_count(g, glen);
    if (nch < 3 || nch > 6) continue;
    bool han = true;
    for (size_t y = 0; y < glen && han;) han = cnkg_is_han(cnkg_utf8_next(g, glen, &y));
    CnkgLevel lv = place_suffix_level(g, glen);
    if (!han || lv == CNKG_LEVEL_NONE || is_generic(g, glen) || has_generic_part(g, glen))
      continue;
    size_t y = 0;
    if (place_is_function_char(cnkg_utf8_next(g, glen, &y))) continue;
    CnkgStatus s = add_cand(w, sent, a->end, b->begin, g, glen, NULL, 0, false,
                            CNKG_LEVEL_NONE, NULL);
    if (s) return s;
  }
  return CNKG_SUCCESS;
}

/* True if a character of v in text bytes [b, e) (base: v's first byte in
 * the text) lies in a LAC word that is a verb, adjective, adverb or
 * function word (嘉兴|探索|强村: no name). */
static bool span_has_verb(const SentView *v, size_t base, size_t b, size_t e) {
  static const char *const verbish[] = {"v", "vd", "vn", "a", "ad", "an", "d", "p", "c",
                                        "u", "r", "m", "q", "xc", "f"};
  if (!v->have_lac || b < base) return false;
  size_t lo = 0, hi = v->nc; /* first character at or after b */
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (base + v->off[mid] < b) lo = mid + 1;
    else hi = mid;
  }
  for (size_t c = lo; c < v->nc && base + v->off[c] < e; c++)
    for (size_t k = 0; k < sizeof verbish / sizeof *verbish; k++)
      if (tag_is(v->wtag[c], verbish[k])) return true;
  return false;
}

/* An unlisted village or township right after a listed place whose
 * suffix it continues (古市镇|岗夏村). */
static CnkgStatus scan_continuation(Work *w, size_t sent, size_t first, size_t n0,
                                    const SentView *v) {
  const char *t = w->st->text->norm;
  const CnkgSentence *se = &w->st->text->sentences[sent];
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
      if (!cnkg_is_han(cp) || place_is_function_char(cp) || is_numeral(cp)) break;
      if (is_suffix_char(cp)) {
        /* Not where the suffix starts a longer word (平川|乡镇, 组织|村民,
         * 首个|村级, 看望|乡亲). */
        uint32_t after = y < se->end ? cnkg_utf8_next(t, se->end, &(size_t){y}) : 0;
        bool word_goes_on = after == 0x9547 /*镇*/ || after == 0x6751 /*村*/ ||
                            after == 0x4E61 /*乡*/ || after == 0x6C11 /*民*/ ||
                            after == 0x7EA7 /*级*/ || after == 0x4EB2 /*亲*/;
        if (nb >= 2 && nb <= 3 && !word_goes_on &&
            (cp == 0x6751 /*村*/ || cp == 0x4E61 /*乡*/ || cp == 0x9547 /*镇*/)) {
          const char *g = t + a->end;
          size_t glen = y - a->end;
          /* 屏南县城|古峰镇: a listed name inside is the place (县城 is
           * the county town) */
          if (!is_generic(g, glen) && !has_generic_part(g, glen) &&
              !covered(w, first, a->end, y, true) && !span_has_verb(v, se->begin, a->end, y) &&
              place_suffix_level(g, glen) > (a->suffix_level ? a->suffix_level : CNKG_LEVEL_COUNTY)) {
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
  return CNKG_SUCCESS;
}

/* A villagers' group right after its village (甲村|石岭一组, 甲村|石岭村民
 *小组): a name of two to four characters, then a numbered 组 or 村民小组.
 * It is a village of its own, below the one it follows. */
static CnkgStatus scan_group_after(Work *w, size_t sent, size_t first, size_t n0) {
  const char *t = w->st->text->norm;
  const CnkgSentence *se = &w->st->text->sentences[sent];
  for (size_t i = first; i < n0; i++) {
    const Cand *a = &w->c[i];
    if (a->weak || a->suffix_level != CNKG_LEVEL_VILLAGE) continue;
    size_t x = a->end, nb = 0;
    size_t gend = 0;
    while (x < se->end && nb < 4 && !gend) {
      size_t y = x;
      uint32_t cp = cnkg_utf8_next(t, se->end, &y);
      if (!cnkg_is_han(cp) || place_is_function_char(cp) || is_suffix_char(cp) ||
          is_numeral(cp))
        break;
      x = y;
      nb++;
      if (nb < 2) continue;
      if (starts_with(t + x, se->end - x, "村民小组")) {
        gend = x + strlen("村民小组");
        break;
      }
      size_t z = x, nn = 0;
      while (z < se->end && nn < 3) {
        size_t z2 = z;
        if (!is_numeral(cnkg_utf8_next(t, se->end, &z2)) || z2 - z != 3) break;
        z = z2;
        nn++;
      }
      if (nn && starts_with(t + z, se->end - z, "组") &&
          !starts_with(t + z, se->end - z, "组织") && !starts_with(t + z, se->end - z, "组建") &&
          !starts_with(t + z, se->end - z, "组成"))
        gend = z + strlen("组");
    }
    if (!gend) continue;
    const char *g = t + a->end;
    size_t glen = gend - a->end;
    if (has_generic_part(g, glen)) continue;
    /* a short form the list matched inside the group's name (石岭 of some
     * 石岭村), or a village read off 石岭村|民小组, yields to it; any other
     * place there stands */
    size_t glued = ends_with(g, glen, "村民小组") ? gend - strlen("民小组") : SIZE_MAX;
    bool taken = false;
    for (size_t j = first; j < w->n && !taken; j++)
      taken = w->c[j].begin < gend && w->c[j].end > a->end && !w->c[j].weak &&
              w->c[j].end != glued;
    if (taken) continue;
    for (size_t j = first; j < w->n; j++)
      if (w->c[j].begin < gend && w->c[j].end > a->end) {
        w->c[j].n_ids = 0;
        w->c[j].weak = true;
      }
    size_t ci;
    CnkgStatus s = add_cand(w, sent, a->end, gend, g, glen, NULL, 0, false,
                            CNKG_LEVEL_VILLAGE, &ci);
    if (s) return s;
    w->c[ci].natural = true;
  }
  return CNKG_SUCCESS;
}

/* A township word right before a listed village, delimited on its left
 * by another suffix or punctuation (该县|甲乡|乙村). */
static CnkgStatus scan_township_before(Work *w, size_t sent, size_t first, size_t n0) {
  const char *t = w->st->text->norm;
  const CnkgSentence *se = &w->st->text->sentences[sent];
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
      if (!cnkg_is_han(c) || is_suffix_char(c) || place_is_function_char(c)) break;
      start -= 3;
      nb++;
    }
    if (nb < 2 || nb > 3) continue;
    if (start > se->begin) {
      size_t x = start - 3;
      uint32_t c = cnkg_utf8_next(t, w->st->text->norm_len, &x);
      if (cnkg_is_han(c) && !is_suffix_char(c) && !place_is_function_char(c)) continue;
    }
    const char *g = t + start;
    size_t glen = p - start;
    if (is_generic(g, glen) || has_generic_part(g, glen) || covered(w, first, start, p, false)) continue;
    CnkgStatus s = add_cand(w, sent, start, p, g, glen, NULL, 0, false, CNKG_LEVEL_NONE, NULL);
    if (s) return s;
  }
  return CNKG_SUCCESS;
}

/* The unlisted places the listed ones of sentence sent imply, each step
 * looking at the candidates from first that were there before any step. */
CnkgStatus place_scan_chain_gaps(Work *w, size_t sent, size_t first, const SentView *v) {
  size_t n0 = w->n;
  CnkgStatus s = scan_gap_between(w, sent, first, n0);
  if (!s) s = scan_continuation(w, sent, first, n0, v);
  if (!s) s = scan_group_after(w, sent, first, n0);
  if (!s) s = scan_township_before(w, sent, first, n0);
  return s;
}

/* Where the first enumeration item [p, q) of v (it, ilen bytes) starts:
 * it runs into the words before it, so keep its last LAC word, or the
 * longest tail the list knows, or two characters. Returns the bytes cut. */
static size_t first_item_start(const CnkgDivision *div, const SentView *v, const char *it,
                               size_t ilen, size_t p, size_t q) {
  size_t nchar = cnkg_utf8_count(it, ilen);
  size_t best = SIZE_MAX;
  for (size_t t = nchar < 4 ? nchar : 4; t >= 2; t--) {
    size_t skip = nchar - t, bo = 0;
    for (size_t x = 0; x < skip; x++) cnkg_utf8_next(it, ilen, &bo);
    const CnkgDivHit *hits;
    if (cnkg_division_lookup(div, (CnkgStr){it + bo, ilen - bo}, &hits)) {
      best = bo;
      break;
    }
  }
  if (best == SIZE_MAX && v->have_lac) {
    size_t last = SIZE_MAX, prev = SIZE_MAX; /* char indices of word starts */
    for (size_t c = 0; c < v->nc; c++)
      if (v->off[c] >= p && v->off[c] < q && v->wstart[c]) {
        prev = last;
        last = c;
      }
    if (last != SIZE_MAX) best = v->off[last] - p;
    /* 石岭|一二组: a group's number goes with the place word before it */
    if (last != SIZE_MAX && prev != SIZE_MAX && is_numeral(v->cp[last]) &&
        ends_with(it, ilen, "组") && (tag_is(v->wtag[prev], "LOC") || tag_is(v->wtag[prev], "ns")))
      best = v->off[prev] - p;
    if (best != SIZE_MAX && cnkg_utf8_count(it + best, ilen - best) < 2) best = SIZE_MAX;
  }
  if (best == SIZE_MAX) {
    size_t bo = 0;
    for (size_t x = 0; x + 2 < nchar; x++) cnkg_utf8_next(it, ilen, &bo);
    best = bo;
  }
  return best;
}

/* True if an enumeration item cannot be a place's name: too short or
 * long, generic, or holding a word or character no such name holds. */
static bool bad_item(const char *it, size_t ilen) {
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
  return bad;
}

/* Enumerations: 筏铺、黄圩、寺口3个村. Each item is a village (or
 * township) named without its suffix. */
CnkgStatus place_scan_enums(Work *w, size_t sent, size_t base, size_t first,
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
    } else if (rc > 5 && ov[10] != PCRE2_UNSET) {
      kind = v->s + ov[10];
      kind_len = ov[11] - ov[10];
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
        size_t best = first_item_start(r->div, v, it, ilen, p, q);
        it += best;
        ilen -= best;
        p += best;
      }
      first_item = false;
      bool bad = bad_item(it, ilen);
      size_t b = base + p, e = base + q;
      /* a short form the list matched inside a group's name (石岭 of
       * 石岭一二组) yields to the group: unlinkable, it is dropped */
      bool group = !bad && ends_with(it, ilen, "组");
      if (group)
        for (size_t x = first; x < w->n; x++)
          if (w->c[x].weak && w->c[x].begin >= b && w->c[x].end < e) w->c[x].n_ids = 0;
      size_t same = SIZE_MAX;
      for (size_t x = first; x < w->n; x++)
        if (w->c[x].begin == b && w->c[x].end == e && w->c[x].sent == sent) same = x;
      bool higher = false; /* never make a bare province name a county */
      if (same != SIZE_MAX)
        for (size_t h = 0; h < w->c[same].n_ids; h++)
          if (cnkg_division_level(r->div, w->c[same].ids[h]) == CNKG_LEVEL_PROVINCE) higher = true;
      if (!bad && same != SIZE_MAX && !place_has_suffix(it, ilen) && !higher) {
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
      } else if (!bad && !covered(w, first, b, e, group)) {
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

int place_cand_cmp(const void *a, const void *b) {
  const Cand *x = a, *y = b;
  if (x->begin != y->begin) return x->begin < y->begin ? -1 : 1;
  return x->end < y->end ? 1 : (x->end > y->end ? -1 : 0);
}

