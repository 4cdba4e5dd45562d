/* SPDX-License-Identifier: Apache-2.0
 * Places beyond the county-to-village list (issue 18, item 3): countries
 * with their ISO 3166-1 codes (the table tools/mkworld.c makes from Debian's
 * iso-codes), China itself at the top of the division chain, Hong Kong,
 * Macao and Taiwan, China's one-character abbreviations in pairs (中美,
 * 中欧, 中日韩, 欧美), and continents, regions, rivers, lakes and mountains
 * from a small lexicon of major names plus suffix rules on the analyser's
 * place words (…江/河 a river, …湖 a lake, …山/岭/峰 a mountain, …山区 a
 * region) unless the division list knows the name as a county or higher;
 * cities abroad (the table tools/mkcities.c makes from Unicode CLDR's
 * exemplar cities of the time zones), each within its country.
 *
 * Runs after every other recogniser, so that nothing they decide changes;
 * a name inside a span they recorded (中国 in 中国新闻网) is left to them.
 * Finally every province of the document lies within China
 * (withinDivision: the division list is China's), which gives two places of
 * different provinces a containment path through China, and every city
 * abroad within its country (country/US for city/us-new-york).
 * Depends on docstate.h, division.h, world_table.h, graph.h. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cnkg/graph.h"
#include "cnkg/grow.h"
#include "cnkg/text.h"
#include "extractor/docstate.h"
#include "extractor/division.h"
#include "extractor/recognizers.h"
#include "extractor/world_table.h"

/* What a lexicon entry names. */
typedef struct {
  const char *form;   /* as written */
  const char *name;   /* canonical name (key and label) */
  CnkgType type;
  const char *iso;    /* country or Chinese region: ISO code, else NULL */
  const char *key;    /* a city's entity key (city/us-new-york), else NULL */
} Entry;

/* Hand-written: major geographic names of the genre, each a form and the
 * canonical name it stands for. */
typedef struct {
  const char *form, *name;
} Pair;

static const Pair CONTINENTS[] = {
    {"亚洲", "亚洲"}, {"欧洲", "欧洲"}, {"非洲", "非洲"}, {"北美洲", "北美洲"},
    {"南美洲", "南美洲"}, {"拉丁美洲", "拉丁美洲"}, {"拉美", "拉丁美洲"},
    {"大洋洲", "大洋洲"}, {"南极洲", "南极洲"}, {"美洲", "美洲"}, {"中美洲", "中美洲"}};

static const Pair REGIONS[] = {
    {"华北", "华北"}, {"华东", "华东"}, {"华南", "华南"}, {"华中", "华中"},
    {"西北地区", "西北"}, {"东北地区", "东北"}, {"西南地区", "西南"},
    {"华北地区", "华北"}, {"华东地区", "华东"}, {"华南地区", "华南"}, {"华中地区", "华中"},
    {"长三角", "长江三角洲"}, {"长江三角洲", "长江三角洲"}, {"珠三角", "珠江三角洲"},
    {"珠江三角洲", "珠江三角洲"}, {"京津冀", "京津冀"}, {"粤港澳大湾区", "粤港澳大湾区"},
    {"成渝地区", "成渝地区"}, {"东南亚", "东南亚"}, {"中东", "中东"}, {"中亚", "中亚"},
    {"南亚", "南亚"}, {"东亚", "东亚"}, {"西欧", "西欧"}, {"东欧", "东欧"},
    {"青藏高原", "青藏高原"}, {"黄土高原", "黄土高原"}, {"云贵高原", "云贵高原"},
    {"内蒙古高原", "内蒙古高原"}, {"四川盆地", "四川盆地"}, {"塔里木盆地", "塔里木盆地"},
    {"准噶尔盆地", "准噶尔盆地"}, {"柴达木盆地", "柴达木盆地"}, {"华北平原", "华北平原"},
    {"东北平原", "东北平原"}, {"长江中下游平原", "长江中下游平原"}, {"河西走廊", "河西走廊"},
    {"江南", "江南"}, {"中原", "中原"}, {"三江源", "三江源"}, {"武陵山区", "武陵山区"},
    {"乌蒙山区", "乌蒙山区"}, {"秦巴山区", "秦巴山区"}, {"六盘山区", "六盘山区"},
    {"大别山区", "大别山区"}, {"罗霄山区", "罗霄山区"}, {"滇桂黔石漠化区", "滇桂黔石漠化区"},
    {"滇西边境山区", "滇西边境山区"}, {"吕梁山区", "吕梁山区"}, {"燕山-太行山区", "燕山-太行山区"},
    {"大兴安岭南麓山区", "大兴安岭南麓山区"}, {"三区三州", "三区三州"}};

static const Pair RIVERS[] = {
    {"长江", "长江"}, {"黄河", "黄河"}, {"珠江", "珠江"}, {"淮河", "淮河"}, {"海河", "海河"},
    {"辽河", "辽河"}, {"松花江", "松花江"}, {"澜沧江", "澜沧江"}, {"湄公河", "湄公河"},
    {"雅鲁藏布江", "雅鲁藏布江"}, {"金沙江", "金沙江"}, {"嘉陵江", "嘉陵江"}, {"汉江", "汉江"},
    {"湘江", "湘江"}, {"赣江", "赣江"}, {"闽江", "闽江"}, {"钱塘江", "钱塘江"},
    {"大渡河", "大渡河"}, {"雅砻江", "雅砻江"}, {"渭河", "渭河"}, {"汾河", "汾河"},
    {"塔里木河", "塔里木河"}, {"额尔齐斯河", "额尔齐斯河"}, {"京杭大运河", "京杭大运河"},
    {"大运河", "京杭大运河"}, {"漓江", "漓江"}, {"红水河", "红水河"}, {"北盘江", "北盘江"},
    {"南盘江", "南盘江"}, {"沱江", "沱江"}, {"清江", "清江"}, {"沅江", "沅江"},
    {"资江", "资江"}, {"湟水", "湟水"}, {"洮河", "洮河"}, {"黑河", "黑河"},
    {"多瑙河", "多瑙河"}, {"尼罗河", "尼罗河"}, {"亚马孙河", "亚马孙河"}, {"密西西比河", "密西西比河"}};

static const Pair LAKES[] = {
    {"洞庭湖", "洞庭湖"}, {"鄱阳湖", "鄱阳湖"}, {"太湖", "太湖"}, {"洪泽湖", "洪泽湖"},
    {"巢湖", "巢湖"}, {"青海湖", "青海湖"}, {"滇池", "滇池"}, {"洱海", "洱海"},
    {"西湖", "西湖"}, {"纳木错", "纳木错"}, {"千岛湖", "千岛湖"}, {"呼伦湖", "呼伦湖"},
    {"博斯腾湖", "博斯腾湖"}, {"抚仙湖", "抚仙湖"}, {"丹江口水库", "丹江口水库"},
    {"三峡水库", "三峡水库"}, {"贝加尔湖", "贝加尔湖"}};

static const Pair MOUNTAINS[] = {
    {"太行山", "太行山"}, {"泰山", "泰山"}, {"黄山", "黄山"}, {"华山", "华山"},
    {"衡山", "衡山"}, {"恒山", "恒山"}, {"嵩山", "嵩山"}, {"峨眉山", "峨眉山"},
    {"秦岭", "秦岭"}, {"大别山", "大别山"}, {"井冈山", "井冈山"}, {"武夷山", "武夷山"},
    {"昆仑山", "昆仑山"}, {"天山", "天山"}, {"祁连山", "祁连山"}, {"喜马拉雅山", "喜马拉雅山"},
    {"珠穆朗玛峰", "珠穆朗玛峰"}, {"珠峰", "珠穆朗玛峰"}, {"大兴安岭", "大兴安岭"},
    {"小兴安岭", "小兴安岭"}, {"长白山", "长白山"}, {"燕山", "燕山"}, {"吕梁山", "吕梁山"},
    {"六盘山", "六盘山"}, {"武陵山", "武陵山"}, {"乌蒙山", "乌蒙山"}, {"大凉山", "大凉山"},
    {"罗霄山", "罗霄山"}, {"贺兰山", "贺兰山"}, {"阴山", "阴山"}, {"五台山", "五台山"},
    {"庐山", "庐山"}, {"梵净山", "梵净山"}, {"太白山", "太白山"}, {"横断山", "横断山"},
    {"沂蒙山", "沂蒙山"}, {"阿尔泰山", "阿尔泰山"}, {"唐古拉山", "唐古拉山"},
    {"巴颜喀拉山", "巴颜喀拉山"}, {"大巴山", "大巴山"}, {"雪峰山", "雪峰山"},
    {"南岭", "南岭"}, {"哀牢山", "哀牢山"}, {"玉龙雪山", "玉龙雪山"}, {"阿尔卑斯山", "阿尔卑斯山"}};

static bool in_pairs(const Pair *p, size_t n, const char *s, size_t len) {
  for (size_t i = 0; i < n; i++)
    if (strlen(p[i].form) == len && !memcmp(p[i].form, s, len)) return true;
  return false;
}

bool cnkg_world_names_feature(const char *s, size_t len) {
#define IN(tab) in_pairs(tab, sizeof tab / sizeof *tab, s, len)
  return s && (IN(RIVERS) || IN(LAKES) || IN(MOUNTAINS) || IN(REGIONS));
#undef IN
}

/* Words that contain a country's name but are not it: oceans, currencies,
 * slogans, the party's name, crops and pests named after a country. */
static const char *const NOT_PLACES[] = {
    "印度洋", "太平洋", "大西洋", "北冰洋", "美元", "日元", "英镑", "韩元", "法郎",
    "中国梦", "中国特色", "中国式", "中国共产党", "蒙古包", "荷兰豆", "澳洲坚果",
    "美国白蛾", "巴西木", "日本血吸虫"};

/* After a name, characters that make it part of another name: an ethnic
 * group (朝鲜族, 蒙古族) or a local place (黑山村, 黄河村, 长江路, 黄山市). */
static const char *const NOT_AFTER[] = {"族", "村", "镇", "乡", "县", "市", "街", "路", "屯",
                                        "组", "寨", "沟", "庄", "营", "堡", "桥", "岭", "坡",
                                        "坪", "湾", "社区", "小区", "寺"};

static bool followed_by_other_name(const char *s, size_t len, size_t e) {
  for (size_t i = 0; i < sizeof NOT_AFTER / sizeof *NOT_AFTER; i++) {
    size_t k = strlen(NOT_AFTER[i]);
    if (e + k <= len && !memcmp(s + e, NOT_AFTER[i], k)) return true;
  }
  return false;
}

/* Short Chinese names in common use that the iso-codes catalogue does not
 * carry (it writes 柬埔塞, 瓜地马拉, 博兹瓦纳, 吉尔吉斯坦, 梵地冈, 圣路西亚
 * and the long 阿联酋 form only): a hand-written list, ISO alpha-2 each. */
static const Pair COUNTRY_ALIASES[] = {
    {"柬埔寨", "KH"}, {"危地马拉", "GT"}, {"博茨瓦纳", "BW"}, {"吉尔吉斯斯坦", "KG"},
    {"梵蒂冈", "VA"}, {"圣卢西亚", "LC"}, {"阿拉伯联合酋长国", "AE"}, {"孟加拉国", "BD"},
    {"澳洲", "AU"}, {"中华人民共和国", "CN"}, {"马耳他", "MT"}, {"圣马力诺", "SM"}};

/* Where the catalogue's preferred name is a rare spelling, the common one. */
static const Pair PREFERRED[] = {
    {"KH", "柬埔寨"}, {"GT", "危地马拉"}, {"BW", "博茨瓦纳"}, {"KG", "吉尔吉斯斯坦"},
    {"VA", "梵蒂冈"}, {"LC", "圣卢西亚"}, {"BO", "玻利维亚"}};

/* Chinese places of the ISO list: Province-level here, within China. */
static const char *const CHINESE_ISO[] = {"HK", "MO", "TW"};

/* One-character abbreviations that pair up (中美, 中欧, 欧美, 中日韩). */
typedef struct {
  const char *ch;
  const char *iso;      /* a country, or NULL for a continent */
  const char *continent;
} Abbrev;

static const Abbrev ABBREVS[] = {
    {"中", "CN", NULL}, {"美", "US", NULL}, {"日", "JP", NULL}, {"韩", "KR", NULL},
    {"俄", "RU", NULL}, {"英", "GB", NULL}, {"法", "FR", NULL}, {"德", "DE", NULL},
    {"印", "IN", NULL}, {"巴", "PK", NULL}, {"朝", "KP", NULL}, {"越", "VN", NULL},
    {"泰", "TH", NULL}, {"澳", "AU", NULL}, {"加", "CA", NULL}, {"意", "IT", NULL},
    {"蒙", "MN", NULL}, {"老", "LA", NULL}, {"缅", "MM", NULL}, {"哈", "KZ", NULL},
    {"欧", NULL, "欧洲"}, {"非", NULL, "非洲"}, {"亚", NULL, "亚洲"}, {"拉", NULL, "拉丁美洲"}};

/* What may follow a pair of abbreviations for it to name the countries:
 * 中美关系, 中欧班列, 中非合作论坛, 欧美国家. */
static const char *const PAIR_CUES[] = {
    "关系", "两国", "三国", "双方", "合作", "贸易", "经贸", "建交", "峰会", "友好",
    "对话", "会谈", "之间", "人民", "战略", "交流", "友谊", "联合", "论坛", "投资",
    "企业", "市场", "国家", "各国", "自贸", "博览会", "元首", "外长", "领导人", "班列",
    "共同", "边境", "边界", "航线", "文化", "青年", "双边", "三边", "产能", "农业"};

struct CnkgWorldRecognizer {
  const CnkgDivision *division;
  Entry *entries; /* sorted by form */
  size_t n;
};

static int entry_cmp(const void *a, const void *b) {
  const Entry *x = a, *y = b;
  int c = strcmp(x->form, y->form);
  return c ? c : (int)x->type - (int)y->type;
}

static bool is_chinese_iso(const char *iso) {
  for (size_t i = 0; i < sizeof CHINESE_ISO / sizeof *CHINESE_ISO; i++)
    if (!strcmp(iso, CHINESE_ISO[i])) return true;
  return false;
}

static const CnkgCountryRow *country_row(const char *iso) {
  for (size_t i = 0; i < cnkg_world_n_countries; i++)
    if (!strcmp(cnkg_world_countries[i].alpha2, iso)) return &cnkg_world_countries[i];
  return NULL;
}

static bool is_chinese_iso(const char *iso);

/* The label of a country; of Hong Kong, Macao and Taiwan the full form the
 * division list would use (香港特别行政区, 台湾省: the longest form without
 * a leading 中国). */
static const char *country_label(const CnkgCountryRow *c) {
  for (size_t i = 0; i < sizeof PREFERRED / sizeof *PREFERRED; i++)
    if (!strcmp(PREFERRED[i].form, c->alpha2)) return PREFERRED[i].name;
  const char *best = c->forms[0];
  if (is_chinese_iso(c->alpha2))
    for (size_t k = 0; c->forms[k]; k++)
      if (strncmp(c->forms[k], "中国", 6) && strlen(c->forms[k]) > strlen(best)) best = c->forms[k];
  return best;
}

static CnkgStatus push(CnkgWorldRecognizer *r, size_t *cap, Entry e) {
  if (CNKG_GROW(r->entries, *cap, r->n + 1, 512)) return CNKG_ERR_NOMEM;
  r->entries[r->n++] = e;
  return CNKG_SUCCESS;
}

static CnkgStatus push_pairs(CnkgWorldRecognizer *r, size_t *cap, const Pair *p, size_t n,
                             CnkgType type) {
  CnkgStatus s = CNKG_SUCCESS;
  for (size_t i = 0; i < n && !s; i++)
    s = push(r, cap, (Entry){p[i].form, p[i].name, type, NULL, NULL});
  return s;
}

/* Does a city's Chinese name name something else? A country when it is one
 * of the country table's forms (科威特, 新加坡: zones named after their
 * territory; 多米尼加 of Dominica's zone is the Dominican Republic) or
 * begins one of its own country's (安提瓜 of 安提瓜和巴布达), but not
 * another's (罗马 of 罗马尼亚 is Rome); or a place in China when the division
 * list knows the name as a county or higher. Township and village names
 * (东京村, 柏林镇 by their short keys) are left to context: the place
 * recogniser, run first, takes those it links, and a name followed by a
 * level suffix is never a city's. */
static bool city_names_else(const CnkgWorldRecognizer *r, const CnkgCityRow *c) {
  size_t n = strlen(c->zh);
  for (size_t i = 0; i < cnkg_world_n_countries; i++) {
    bool own = !strcmp(cnkg_world_countries[i].alpha2, c->alpha2);
    for (size_t k = 0; cnkg_world_countries[i].forms[k]; k++) {
      const char *f = cnkg_world_countries[i].forms[k];
      if (own ? !strncmp(f, c->zh, n) : !strcmp(f, c->zh)) return true;
    }
  }
  for (size_t i = 0; i < sizeof COUNTRY_ALIASES / sizeof *COUNTRY_ALIASES; i++) {
    const Pair *a = &COUNTRY_ALIASES[i];
    if (!strcmp(a->name, c->alpha2) ? !strncmp(a->form, c->zh, n) : !strcmp(a->form, c->zh))
      return true;
  }
  const CnkgDivHit *hits = NULL;
  size_t nh = r->division ? cnkg_division_lookup(r->division, (CnkgStr){c->zh, n}, &hits) : 0;
  for (size_t h = 0; h < nh; h++)
    if (cnkg_division_is_county_or_higher(r->division, hits[h].id)) return true;
  return false;
}

CnkgStatus cnkg_world_new(const CnkgDivision *division, CnkgWorldRecognizer **out, char *err,
                          size_t errsize) {
  *out = NULL;
  CnkgWorldRecognizer *r = calloc(1, sizeof *r);
  if (!r) return CNKG_ERR_NOMEM;
  r->division = division;
  size_t cap = 0;
  CnkgStatus s = CNKG_SUCCESS;
  for (size_t i = 0; i < cnkg_world_n_countries && !s; i++) {
    const CnkgCountryRow *c = &cnkg_world_countries[i];
    if (!strcmp(c->alpha2, "AQ")) continue; /* Antarctica: a continent here */
    CnkgType t = is_chinese_iso(c->alpha2) ? CNKG_TYPE_PROVINCE : CNKG_TYPE_COUNTRY;
    for (size_t k = 0; c->forms[k] && !s; k++)
      s = push(r, &cap, (Entry){c->forms[k], country_label(c), t, c->alpha2, NULL});
  }
  for (size_t i = 0; i < sizeof COUNTRY_ALIASES / sizeof *COUNTRY_ALIASES && !s; i++) {
    const CnkgCountryRow *c = country_row(COUNTRY_ALIASES[i].name);
    if (!c) continue; /* not in this iso-codes version */
    s = push(r, &cap, (Entry){COUNTRY_ALIASES[i].form, country_label(c), CNKG_TYPE_COUNTRY,
                              c->alpha2, NULL});
  }
#define PUSH_ALL(v, t) \
  if (!s) s = push_pairs(r, &cap, v, sizeof v / sizeof *v, t)
  PUSH_ALL(CONTINENTS, CNKG_TYPE_CONTINENT);
  PUSH_ALL(REGIONS, CNKG_TYPE_REGION);
  PUSH_ALL(RIVERS, CNKG_TYPE_RIVER);
  PUSH_ALL(LAKES, CNKG_TYPE_LAKE);
  PUSH_ALL(MOUNTAINS, CNKG_TYPE_MOUNTAIN);
#undef PUSH_ALL
  for (size_t i = 0; i < sizeof NOT_PLACES / sizeof *NOT_PLACES && !s; i++)
    s = push(r, &cap, (Entry){NOT_PLACES[i], NULL, CNKG_TYPE_COUNT, NULL, NULL});
  for (size_t i = 0; i < cnkg_world_n_cities && !s; i++) {
    const CnkgCityRow *c = &cnkg_world_cities[i];
    if (city_names_else(r, c)) continue;
    s = push(r, &cap, (Entry){c->zh, c->zh, CNKG_TYPE_CITY, c->alpha2, c->key});
  }
  if (!s && !country_row("CN")) {
    if (err && errsize) snprintf(err, errsize, "country table (%s) has no China", cnkg_world_source);
    s = CNKG_ERR_DATA;
  }
  if (s) {
    cnkg_world_free(r);
    return s;
  }
  qsort(r->entries, r->n, sizeof *r->entries, entry_cmp);
  /* one entry per form: the first (smallest type) wins */
  size_t w = 0;
  for (size_t i = 0; i < r->n; i++)
    if (!w || strcmp(r->entries[w - 1].form, r->entries[i].form)) r->entries[w++] = r->entries[i];
  r->n = w;
  *out = r;
  return CNKG_SUCCESS;
}

void cnkg_world_free(CnkgWorldRecognizer *r) {
  if (!r) return;
  free(r->entries);
  free(r);
}

/* The longest entry whose form starts s[0..n) (NULL if none); *len its
 * length. Entries are sorted, so those sharing the first character are one
 * run, found by binary search. */
static const Entry *longest_at(const CnkgWorldRecognizer *r, const char *s, size_t n,
                               size_t *len) {
  size_t k = 1;
  while (k < n && ((unsigned char)s[k] & 0xC0) == 0x80) k++;
  size_t lo = 0, hi = r->n;
  while (lo < hi) { /* first entry >= the first character */
    size_t mid = (lo + hi) / 2;
    if (strncmp(r->entries[mid].form, s, k) < 0) lo = mid + 1;
    else hi = mid;
  }
  const Entry *best = NULL;
  *len = 0;
  for (size_t i = lo; i < r->n && !strncmp(r->entries[i].form, s, k); i++) {
    size_t fl = strlen(r->entries[i].form);
    if (fl <= n && fl > *len && !memcmp(r->entries[i].form, s, fl)) {
      best = &r->entries[i];
      *len = fl;
    }
  }
  return best;
}

/* ---- per document ---- */

typedef struct {
  const CnkgWorldRecognizer *r;
  CnkgDocState *st;
  size_t sent;
  const char *s;  /* the sentence */
  size_t len;
  const CnkgLacResult *lac; /* NULL without the analyser */
  unsigned char *taken;     /* per byte of the sentence: inside a span already */
} Sent;

static bool any_taken(const Sent *v, size_t b, size_t e) {
  for (size_t i = b; i < e; i++)
    if (v->taken[i]) return true;
  return false;
}

/* With the analyser: true if byte b starts a word. */
static bool word_starts(const Sent *v, size_t b) {
  for (size_t w = 0; w < v->lac->n_words; w++)
    if (v->lac->words[w].begin == b) return true;
  return false;
}

/* With the analyser: the word containing byte b. */
static const CnkgLacWord *word_at(const Sent *v, size_t b) {
  for (size_t w = 0; w < v->lac->n_words; w++)
    if (v->lac->words[w].begin <= b && b < v->lac->words[w].end) return &v->lac->words[w];
  return NULL;
}

static uint32_t cp_before(const Sent *v, size_t b) {
  if (b == 0) return 0;
  size_t k = b - 1;
  while (k > 0 && ((unsigned char)v->s[k] & 0xC0) == 0x80) k--;
  size_t j = k;
  return cnkg_utf8_next(v->s, v->len, &j);
}

/* Characters after which a name may start without the analyser: not the
 * middle of a word (增加纳税 is not 加纳). */
static bool opens_name(uint32_t c) {
  static const char *const OPEN = "在到赴与和及从对至同向访据是往自经为了将把被由于的过去来回、，：；（“";
  if (c == 0 || !cnkg_is_han(c)) return true;
  char u[4];
  size_t n = cnkg_utf8_encode(c, u);
  for (const char *p = OPEN; *p;) {
    size_t k = 0;
    cnkg_utf8_next(p, strlen(p), &k);
    if (k == n && !memcmp(p, u, n)) return true;
    p += k;
  }
  return false;
}

/* May a name occupy bytes [b, e) of the sentence? Never inside an earlier
 * span; with the analyser it starts a word, and a name of two characters
 * also ends one or is the head of a word that starts with it (美国人);
 * without, a name of two characters follows a character that ends words,
 * or (a city's: 美国纽约) the end of a span. */
static bool boundary_ok(const Sent *v, size_t b, size_t e, bool city) {
  if (any_taken(v, b, e)) return false;
  bool two = cnkg_utf8_count(v->s + b, e - b) <= 2;
  if (!v->lac)
    return !two || opens_name(cp_before(v, b)) || (city && b > 0 && v->taken[b - 1]);
  if (!word_starts(v, b)) return false;
  const CnkgLacWord *w = word_at(v, e - 1);
  /* a longer name may end inside a word (洞庭|湖边) */
  return !two || (w && (w->end == e || w->begin == b));
}

static CnkgStatus entity_for(Sent *v, const Entry *hit, CnkgType type, const char *name,
                             size_t *ent) {
  CnkgGraph *g = v->st->graph;
  const char *iso = hit ? hit->iso : NULL;
  char key[64];
  char *hashed = NULL;
  if (hit && hit->key) snprintf(key, sizeof key, "%s", hit->key);
  else if (iso && type == CNKG_TYPE_COUNTRY) snprintf(key, sizeof key, "country/%s", iso);
  else if (iso) snprintf(key, sizeof key, "place/CN-%s", iso);
  else {
    hashed = cnkg_graph_key_hash(type, name, NULL);
    if (!hashed) return CNKG_ERR_NOMEM;
  }
  size_t before = cnkg_graph_entity_count(g);
  CnkgStatus s = cnkg_graph_add_entity(g, hashed ? hashed : key, type, name, ent);
  free(hashed);
  /* a country keeps its name whatever form the text uses */
  if (!s && iso && cnkg_graph_entity_count(g) > before)
    s = cnkg_graph_set_label(g, *ent, name);
  return s;
}

/* A mention of the place hit names (NULL: one the rules found), of kind
 * type and canonical name, at bytes [b, e) of the sentence. */
static CnkgStatus mention(Sent *v, const Entry *hit, CnkgType type, const char *name, size_t b,
                          size_t e) {
  size_t ent;
  CnkgStatus s = entity_for(v, hit, type, name, &ent);
  if (s) return s;
  char *form = cnkg_strndup(v->s + b, e - b);
  if (!form) return CNKG_ERR_NOMEM;
  /* a one-character abbreviation (中 of 中美) is no name of its own */
  if (strcmp(form, name) && cnkg_utf8_count(form, e - b) > 1)
    s = cnkg_graph_add_alias(v->st->graph, ent, form);
  free(form);
  if (!s) s = cnkg_docstate_mention(v->st, ent, v->sent, (size_t)(v->s - v->st->text->norm) + b,
                                    (size_t)(v->s - v->st->text->norm) + e);
  memset(v->taken + b, 1, e - b);
  return s;
}

static const Abbrev *abbrev_at(const Sent *v, size_t b) {
  if (b + CNKG_HAN_BYTES > v->len || ((unsigned char)v->s[b] & 0xF0) != 0xE0) return NULL;
  for (size_t i = 0; i < sizeof ABBREVS / sizeof *ABBREVS; i++) {
    const char *c = ABBREVS[i].ch; /* three bytes each */
    if (v->s[b] == c[0] && v->s[b + 1] == c[1] && v->s[b + 2] == c[2]) return &ABBREVS[i];
  }
  return NULL;
}

/* 中美 / 中日韩 / 欧美 at b followed by a cue: its length in bytes, else 0. */
static size_t pair_at(const Sent *v, size_t b) {
  const Abbrev *a[3];
  size_t n = 0;
  while (n < 3 && (a[n] = abbrev_at(v, b + CNKG_HAN_BYTES * n)) != NULL) n++;
  for (; n >= 2; n--) {
    bool distinct = true;
    for (size_t i = 0; i < n; i++)
      for (size_t j = i + 1; j < n; j++)
        if (a[i] == a[j]) distinct = false;
    size_t e = b + CNKG_HAN_BYTES * n;
    bool cue = false;
    for (size_t k = 0; k < sizeof PAIR_CUES / sizeof *PAIR_CUES && !cue; k++) {
      size_t cl = strlen(PAIR_CUES[k]);
      cue = e + cl <= v->len && !memcmp(v->s + e, PAIR_CUES[k], cl);
    }
    if (!distinct || !cue || any_taken(v, b, e)) continue;
    if (v->lac ? !word_starts(v, b) : !opens_name(cp_before(v, b))) continue;
    return CNKG_HAN_BYTES * n;
  }
  return 0;
}

static CnkgStatus pair_mentions(Sent *v, size_t b, size_t len) {
  CnkgStatus s = CNKG_SUCCESS;
  for (size_t k = b; k < b + len && !s; k += CNKG_HAN_BYTES) {
    const Abbrev *a = abbrev_at(v, k);
    if (a->iso) {
      const CnkgCountryRow *c = country_row(a->iso);
      Entry e = {NULL, NULL, CNKG_TYPE_COUNTRY, c ? c->alpha2 : NULL, NULL};
      if (c) s = mention(v, &e, CNKG_TYPE_COUNTRY, country_label(c), k, k + CNKG_HAN_BYTES);
    } else {
      s = mention(v, NULL, CNKG_TYPE_CONTINENT, a->continent, k, k + CNKG_HAN_BYTES);
    }
  }
  return s;
}

static bool ends_with(const char *s, size_t n, const char *suf) {
  size_t k = strlen(suf);
  return n >= k && !memcmp(s + n - k, suf, k);
}

/* The analyser's place words ending in a feature's suffix (…江, …湖, …山,
 * …山区) that no earlier rule took and that the division list does not know
 * as a county or higher (九江, 佛山, 巢湖 are cities). */
static CnkgStatus suffix_rule(Sent *v) {
  static const char *const ADMIN[] = {"省", "市", "县", "区", "镇", "乡", "村", "州", "旗"};
  CnkgStatus s = CNKG_SUCCESS;
  for (size_t w = 0; w < v->lac->n_words && !s; w++) {
    const CnkgLacWord *x = &v->lac->words[w];
    if (strcmp(x->tag, "LOC") && strcmp(x->tag, "ns")) continue;
    size_t n = x->end - x->begin, chars = x->cend - x->cbegin;
    const char *t = v->s + x->begin;
    if (chars < 2 || chars > 8 || any_taken(v, x->begin, x->end)) continue;
    CnkgType type = CNKG_TYPE_COUNT;
    if (chars >= 4 && ends_with(t, n, "山区")) type = CNKG_TYPE_REGION;
    else if (ends_with(t, n, "江") || ends_with(t, n, "河")) type = CNKG_TYPE_RIVER;
    else if (ends_with(t, n, "湖")) type = CNKG_TYPE_LAKE;
    else if (ends_with(t, n, "山") || ends_with(t, n, "岭") || ends_with(t, n, "峰"))
      type = CNKG_TYPE_MOUNTAIN;
    if (type == CNKG_TYPE_COUNT) continue;
    bool admin = false;
    size_t stem = type == CNKG_TYPE_REGION ? n - CNKG_HAN_BYTES : n;
    for (size_t i = 0; i + CNKG_HAN_BYTES <= stem && !admin; i += CNKG_HAN_BYTES)
      for (size_t k = 0; k < sizeof ADMIN / sizeof *ADMIN; k++)
        if (!memcmp(t + i, ADMIN[k], CNKG_HAN_BYTES)) admin = true;
    const CnkgDivHit *hits = NULL;
    size_t nh = v->r->division
                    ? cnkg_division_lookup(v->r->division, (CnkgStr){t, stem}, &hits)
                    : 0;
    for (size_t h = 0; h < nh && !admin; h++)
      if (cnkg_division_is_county_or_higher(v->r->division, hits[h].id)) admin = true;
    if (admin) continue;
    char *name = cnkg_strndup(t, n);
    if (!name) return CNKG_ERR_NOMEM;
    s = mention(v, NULL, type, name, x->begin, x->end);
    free(name);
  }
  return s;
}

static CnkgStatus run_sentence(Sent *v) {
  CnkgStatus s = CNKG_SUCCESS;
  for (size_t b = 0; b < v->len && !s;) {
    size_t step = 1;
    while (b + step < v->len && ((unsigned char)v->s[b + step] & 0xC0) == 0x80) step++;
    if (((unsigned char)v->s[b] & 0xC0) == 0x80) {
      b++;
      continue;
    }
    size_t pl = pair_at(v, b);
    size_t hl = 0;
    const Entry *hit = longest_at(v->r, v->s + b, v->len - b, &hl);
    if (pl && (!hit || hl <= pl)) {
      s = pair_mentions(v, b, pl);
      b += pl;
      continue;
    }
    if (hit && hit->type == CNKG_TYPE_COUNT) { /* 印度洋: not 印度 */
      b += hl;
      continue;
    }
    /* 纽约市: a city abroad with its suffix is that city (纽约市场 is its
     * market, the suffix no part of the name) */
    size_t city_suffix = 0;
    bool market = false;
    if (hit && hit->type == CNKG_TYPE_CITY) {
      size_t x = b + hl;
      market = x + 6 <= v->len && !memcmp(v->s + x, "市场", 6);
      if (!market && x + CNKG_HAN_BYTES <= v->len && !memcmp(v->s + x, "市", CNKG_HAN_BYTES))
        city_suffix = CNKG_HAN_BYTES;
    }
    if (hit && !city_suffix && !market && followed_by_other_name(v->s, v->len, b + hl)) {
      b += hl;
      continue;
    }
    if (hit && boundary_ok(v, b, b + hl + city_suffix, hit->type == CNKG_TYPE_CITY)) {
      size_t e = b + hl + city_suffix;
      CnkgType type = hit->type;
      const char *name = hit->name;
      char *grown = NULL;
      /* 大别山 + 区 (or 片区): the area, not the mountain */
      size_t area = 0;
      if (type == CNKG_TYPE_MOUNTAIN && e + CNKG_HAN_BYTES <= v->len && !memcmp(v->s + e, "区", CNKG_HAN_BYTES)) area = CNKG_HAN_BYTES;
      if (type == CNKG_TYPE_MOUNTAIN && e + 6 <= v->len && !memcmp(v->s + e, "片区", 6)) area = 6;
      if (area && !any_taken(v, e, e + area)) {
        grown = malloc(strlen(name) + area + 1);
        if (!grown) return CNKG_ERR_NOMEM;
        memcpy(grown, name, strlen(name));
        memcpy(grown + strlen(name), v->s + e, area);
        grown[strlen(name) + area] = '\0';
        name = grown;
        type = CNKG_TYPE_REGION;
        e += area;
      }
      s = mention(v, hit, type, name, b, e);
      free(grown);
      b = e;
      continue;
    }
    b += step;
  }
  if (!s && v->lac) s = suffix_rule(v);
  return s;
}

/* The country c's entity in the document's graph, added (and marked as
 * supplied, not named) unless the document names it. */
static CnkgStatus country_entity(CnkgDocState *st, const CnkgCountryRow *c, size_t *out) {
  CnkgGraph *g = st->graph;
  char key[16];
  snprintf(key, sizeof key, "country/%s", c->alpha2);
  size_t before = cnkg_graph_entity_count(g);
  CnkgStatus s = cnkg_graph_add_entity(g, key, CNKG_TYPE_COUNTRY, country_label(c), out);
  if (!s && cnkg_graph_entity_count(g) > before) s = cnkg_graph_set_label(g, *out, country_label(c));
  if (!s && !cnkg_graph_mentioned_in(cnkg_graph_entity(g, *out), st->doc))
    s = cnkg_graph_mark_listed(g, *out, st->doc);
  return s;
}

/* The country of a city's key (city/us-new-york: US), or NULL. */
static const CnkgCountryRow *city_country(const char *key) {
  static const char PREFIX[] = "city/";
  size_t k = sizeof PREFIX - 1;
  if (strncmp(key, PREFIX, k) || strlen(key) < k + 3 || key[k + 2] != '-') return NULL;
  char iso[3] = {(char)(key[k] & ~0x20), (char)(key[k + 1] & ~0x20), '\0'};
  return country_row(iso);
}

/* Every province of the document lies within China, and every city abroad
 * within its country. */
static CnkgStatus places_in_countries(CnkgDocState *st) {
  CnkgGraph *g = st->graph;
  size_t n = cnkg_graph_entity_count(g);
  CnkgStatus s = CNKG_SUCCESS;
  for (size_t i = 0; i < n && !s; i++) {
    const CnkgEntity *e = cnkg_graph_entity(g, i);
    if (e->type != CNKG_TYPE_PROVINCE && e->type != CNKG_TYPE_CITY) continue;
    if (!cnkg_graph_mentioned_in(e, st->doc) && !cnkg_graph_listed_in(e, st->doc)) continue;
    const CnkgCountryRow *c = e->type == CNKG_TYPE_CITY ? city_country(e->key) : country_row("CN");
    size_t country;
    if (!c) continue;
    s = country_entity(st, c, &country);
    if (!s) s = cnkg_docstate_relate(st, i, CNKG_REL_WITHIN_DIVISION, country, NULL, SIZE_MAX);
  }
  return s;
}

CnkgStatus cnkg_world_run(const CnkgWorldRecognizer *r, CnkgDocState *st) {
  const CnkgText *t = st->text;
  CnkgStatus s = CNKG_SUCCESS;
  unsigned char *taken = NULL;
  size_t cap = 0;
  for (size_t i = 0; i < t->n_sentences && !s; i++) {
    const CnkgSentence *se = &t->sentences[i];
    size_t len = se->end - se->begin;
    if ((s = CNKG_GROW(taken, cap, len + 1, 256)) != CNKG_SUCCESS) break;
    memset(taken, 0, len + 1);
    for (size_t k = cnkg_docstate_first_span(st, i); k != SIZE_MAX;
         k = cnkg_docstate_next_span(st, k)) {
      const CnkgSpan *sp = &st->spans[k];
      for (size_t x = sp->begin; x < sp->end; x++)
        if (x >= se->begin && x < se->end) taken[x - se->begin] = 1;
    }
    Sent v = {r, st, i, t->norm + se->begin, len, st->lac ? &st->lac[i] : NULL, taken};
    s = run_sentence(&v);
  }
  free(taken);
  if (!s) s = places_in_countries(st);
  return s;
}
