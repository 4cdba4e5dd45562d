/* SPDX-License-Identifier: Apache-2.0
 * Industry recogniser: products with an activity (X养殖, X种植, X加工),
 * product lists under 发展/种植/养殖 verbs, sector words (种植业, 乡村旅游,
 * 电商) and products named in a sentence about farming or trade; one Industry
 * concept per product and activity in a document, other forms as aliases,
 * related to the carrying place or organisation. Depends on lexicon.h
 * (and the wordlist.h lookups it brings), docstate.h. */
#include "extractor/recognizers.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cnkg/grow.h"
#include "cnkg/intern.h"
#include "extractor/lexicon.h"

struct CnkgIndustryRecognizer {
  int unused; /* the word lists are static tables in lexicon.c */
};

#define MASK_PRODUCT ((1u << CNKG_LEX_CROP) | (1u << CNKG_LEX_ANIMAL) | \
                      (1u << CNKG_LEX_CRAFT))
#define MASK_SECTOR (1u << CNKG_LEX_SECTOR)

/* Activity words that follow a product; group: 'g' grow, 'r' raise,
 * 'p' make/process, 0 = the product's own default. */
typedef struct {
  const char *word;
  const char *name;  /* suffix used in the industry name */
  char group;
} Activity;

static const Activity activities[] = {
  {"养殖业", "养殖", 'r'}, {"养殖", "养殖", 'r'}, {"种植业", "种植", 'g'},
  {"种植", "种植", 'g'}, {"栽培", "栽培", 'g'}, {"加工业", "加工", 'p'},
  {"加工", "加工", 'p'}, {"深加工", "加工", 'p'}, {"酿造", "酿造", 'p'},
  {"孵化", "孵化", 'r'}, {"编织", "编织", 'p'}, {"屠宰", "屠宰", 'p'},
  {"育种", "育种", 'g'}, {"育苗", "育苗", 'g'}, {"初加工", "初加工", 'p'},
  {"粗加工", "粗加工", 'p'}, {"精深加工", "加工", 'p'}, {"捕捞", "捕捞", 'r'},
  {"产业", NULL, 0},
};

/* Words allowed between a product and its activity. */
static const char *const modifiers[] = {
  "产业化", "规模化", "规模", "标准化", "集中连片", "连片", "生态", "特色",
  "高效", "立体", "林下", "订单", "大棚", "设施", "示范", "优质", "有机",
  "绿色", "高产", "高产优质", "系列", "树", "苗", NULL};
static CnkgWordList modifiers_list = CNKG_WORDLIST(modifiers);

static const char *const separators[] = {"、", "，", ",", "和", "及", "与",
                                         "以及", NULL};
static CnkgWordList separators_list = CNKG_WORDLIST(separators);

/* Verbs that introduce products: group as in Activity. */
typedef struct {
  const char *word;
  char group;
  bool bare_ok; /* single-character products may follow directly */
} Verb;

/* Which product classes a verb can take: 种 grows crops, 养 raises animals. */
static bool verb_takes(const Verb *v, const CnkgLexEntry *e) {
  if (v->group == 'g') return e->cls == CNKG_LEX_CROP;
  if (v->group == 'r') return e->cls == CNKG_LEX_ANIMAL;
  if (v->group == 'p') return e->cls == CNKG_LEX_CRAFT || e->cls == CNKG_LEX_CROP;
  return true;
}

static const Verb verbs[] = {
  {"种植", 'g', false}, {"栽种", 'g', false}, {"种上", 'g', false},
  {"种了", 'g', false}, {"种下", 'g', false}, {"种", 'g', true},
  {"养殖", 'r', false}, {"饲养", 'r', false}, {"养了", 'r', false},
  {"养起", 'r', false}, {"养", 'r', true}, {"发展", 0, false},
  {"引进", 0, false}, {"推广", 0, false}, {"主导", 0, false},
  {"壮大", 0, false}, {"培植", 'g', false}, {"栽植", 'g', false},
  {"扩种", 'g', false}, {"酿造", 'p', false}, {"生产", 0, false},
};
static CnkgWordList verb_list = CNKG_WORDLIST_FIELD(verbs, word);

/* Quantities after a listed product: 烤烟2200亩、芒果314亩. */
static size_t skip_quantity(const char *s, size_t j, size_t se) {
  static const char *const units[] = {
    "万亩", "亩", "头", "只", "箱", "株", "棵", "羽", "尾", "吨", "公斤",
    "斤", "户", "平方米", "个", NULL};
  static CnkgWordList units_list = CNKG_WORDLIST(units);
  static const char *const approx[] = {"余", "多", "万", "千", "百", NULL};
  static CnkgWordList approx_list = CNKG_WORDLIST(approx);
  size_t k = j;
  while (k < se && ((s[k] >= '0' && s[k] <= '9') || s[k] == '.')) k++;
  if (k == j) return j;
  k += cnkg_wordlist_at(&approx_list, s, k, se);
  size_t u = cnkg_wordlist_at(&units_list, s, k, se);
  return u ? k + u : j;
}

/* Characters before 种/养 that make it part of another word. */
static const char *const verb_blockers[] = {
  "各", "多", "品", "一", "这", "那", "两", "几", "培", "保", "疗", "休",
  "营", "抚", "赡", "供", "滋", "修", "涵", "喂", "教", "收", "播", "物",
  "兵", "特", "良", "接", "变", "业", "火", NULL};
static CnkgWordList verb_blockers_list = CNKG_WORDLIST(verb_blockers);

/* Words in a sentence that show its products are farmed or sold there. */
static const char *const sentence_cues[] = {
  "产业", "种植", "养殖", "大棚", "基地", "合作社", "收购", "亩", "致富",
  "增收", "特色", "出栏", NULL};
static CnkgWordList sentence_cues_list = CNKG_WORDLIST(sentence_cues);

/* Words in a sentence that show its goods are made and sold there. */
static const char *const craft_cues[] = {
  "制作", "生产", "加工", "工坊", "手工", "工艺", "销售", "订单", "作坊",
  "车间", "编织", NULL};
static CnkgWordList craft_cues_list = CNKG_WORDLIST(craft_cues);

/* Words after a product that show it is farmed or made there. */
static const char *const cues[] = {
  "大棚", "基地", "产业园", "示范园", "种植园", "合作社", "养殖场",
  "种植基地", "养殖基地", "专业合作社", "收购", NULL};
static CnkgWordList cues_list = CNKG_WORDLIST(cues);

typedef struct {
  const CnkgLexEntry *entry; /* product, or the sector entry; NULL for a
                                product the word lists do not know */
  char *prod;                /* that product's name (owned), else NULL */
  char group;                /* 'g', 'r', 'p', 's' (sector) */
  char *name;
  char *surface;
  char *also;                 /* another form the text names it by, or NULL */
  size_t sentence, begin, end;
  bool explicit_act;          /* the activity word is in the text */
  size_t key;                 /* index of the candidate whose group it joins */
} Cand;

typedef struct {
  Cand *v;
  size_t n, cap;
} Cands;

static void cands_free(Cands *c) {
  for (size_t i = 0; i < c->n; i++) {
    free(c->v[i].name);
    free(c->v[i].surface);
    free(c->v[i].prod);
    free(c->v[i].also);
  }
  free(c->v);
}

static char default_group(const CnkgLexEntry *e) {
  switch (e->cls) {
  case CNKG_LEX_CROP: return 'g';
  case CNKG_LEX_ANIMAL: return 'r';
  case CNKG_LEX_SECTOR: return 's';
  default: return 'p';
  }
}

static const char *group_suffix(char g) {
  switch (g) {
  case 'g': return "种植";
  case 'r': return "养殖";
  default: return "";
  }
}

static char *join2(const char *a, size_t alen, const char *b) {
  size_t blen = strlen(b);
  char *r = malloc(alen + blen + 1);
  if (!r) return NULL;
  memcpy(r, a, alen);
  memcpy(r + alen, b, blen);
  r[alen + blen] = '\0';
  return r;
}

/* Adds a candidate for entry e, or (e NULL) for the product the text
 * names at [pb, pe); its name is the product (canonical) + suffix. */
static CnkgStatus add_cand_at(Cands *c, const CnkgLexEntry *e, size_t pb,
                              size_t pe, char group, const char *suffix,
                              bool explicit_act, const CnkgDocState *st,
                              size_t si, size_t b, size_t end) {
  if (CNKG_GROW(c->v, c->cap, c->n + 1, 32)) return CNKG_ERR_NOMEM;
  Cand *x = &c->v[c->n];
  memset(x, 0, sizeof *x);
  const char *prod;
  if (e) {
    prod = e->canon ? e->canon : e->word;
  } else {
    x->prod = cnkg_strndup(st->text->norm + pb, pe - pb);
    if (!x->prod) return CNKG_ERR_NOMEM;
    prod = x->prod;
  }
  x->entry = e;
  x->group = group;
  x->name = join2(prod, strlen(prod), suffix ? suffix : "");
  x->surface = cnkg_strndup(st->text->norm + b, end - b);
  if (!x->name || !x->surface) {
    free(x->name);
    free(x->surface);
    free(x->prod);
    return CNKG_ERR_NOMEM;
  }
  x->sentence = si;
  x->begin = b;
  x->end = end;
  x->explicit_act = explicit_act;
  x->key = c->n;
  c->n++;
  return CNKG_SUCCESS;
}

/* Adds a candidate for a product or sector of the word lists. */
static CnkgStatus add_cand(Cands *c, const CnkgLexEntry *e, char group,
                           const char *suffix, bool explicit_act,
                           const CnkgDocState *st, size_t si, size_t b,
                           size_t end) {
  return add_cand_at(c, e, 0, 0, group, suffix, explicit_act, st, si, b, end);
}

static CnkgWordList activity_list = CNKG_WORDLIST_FIELD(activities, word);

/* The longest activity word at s[pos] (the first in the table of equally
 * long ones), or NULL. */
static const Activity *activity_at(const char *s, size_t pos, size_t limit) {
  size_t cursor = 0;
  size_t i = cnkg_wordlist_next_at(&activity_list, s, pos, limit, &cursor);
  return i == SIZE_MAX ? NULL : &activities[i];
}

/* Products listed before an activity word at act (…、B、C等特色种植). */
static CnkgStatus scan_before_activity(Cands *c, const CnkgDocState *st,
                                       size_t si, size_t sb, size_t act,
                                       size_t act_end, const Activity *a) {
  const char *s = st->text->norm;
  size_t j = act;
  size_t m = cnkg_wordlist_before(&modifiers_list, s, sb, j);
  const CnkgLexEntry *first = cnkg_lexicon_before(s, sb, j, MASK_PRODUCT);
  if (m && (!first || strlen(first->word) < m)) j -= m;
  if (cnkg_wordlist_word_at(s, j >= CNKG_HAN_BYTES ? j - CNKG_HAN_BYTES : j, j, "等") && j >= sb + CNKG_HAN_BYTES) j -= CNKG_HAN_BYTES;
  bool listed = false;
  for (int k = 0; k < 12; k++) {
    const CnkgLexEntry *e = cnkg_lexicon_before(s, sb, j, MASK_PRODUCT);
    if (!e) break;
    size_t pb = j - strlen(e->word);
    /* A one-character product must be a list item or touch the activity. */
    if (e->bound && strlen(e->word) <= CNKG_HAN_BYTES && !listed && j != act) break;
    char g = a->group ? a->group : default_group(e);
    const char *suffix = a->name ? a->name : "产业";
    if (!a->group && e->cls != CNKG_LEX_CRAFT) suffix = group_suffix(g);
    /* the first item's mention reaches over the activity word */
    size_t me = listed ? j : act_end;
    CnkgStatus r = add_cand(c, e, g, suffix, a->group != 0, st, si, pb, me);
    if (r) return r;
    if (!a->group) {
      /* X产业: keep the text's own form as an alias via the surface. */
      free(c->v[c->n - 1].surface);
      c->v[c->n - 1].surface = join2(s + pb, j - pb, "产业");
      if (!c->v[c->n - 1].surface) return CNKG_ERR_NOMEM;
    }
    j = pb;
    size_t sep = cnkg_wordlist_before(&separators_list, s, sb, j);
    if (!sep) break;
    j -= sep;
    listed = true;
  }
  return CNKG_SUCCESS;
}

/* Products listed after a verb (种植玉米、辣椒、烤烟; 发展蜜桃、小枣等种植).
 * Returns the end of what was consumed in *next. */
static CnkgStatus scan_after_verb(Cands *c, const CnkgDocState *st, size_t si,
                                  size_t se, size_t vb, const Verb *v,
                                  size_t *next) {
  const char *s = st->text->norm;
  size_t j = vb + strlen(v->word);
  *next = j;
  typedef struct { const CnkgLexEntry *e; size_t b, end; } Item;
  Item items[16];
  size_t n = 0;
  while (n < 16 && j < se) {
    const CnkgLexEntry *e = cnkg_lexicon_at(s, j, se, MASK_PRODUCT);
    if (!e || !verb_takes(v, e)) break;
    size_t len = strlen(e->word);
    if (e->bound && !(v->bare_ok && n == 0 && j == vb + strlen(v->word))) {
      if (n == 0) return CNKG_SUCCESS;
      /* one-character items inside a list are fine when the list has an
       * activity after it; checked below */
    }
    /* 种植 + 业 etc.: a product followed by more Han is part of a word. */
    items[n++] = (Item){e, j, j + len};
    j += len;
    j = skip_quantity(s, j, se);
    size_t sep = cnkg_wordlist_at(&separators_list, s, j, se);
    const CnkgLexEntry *nx = cnkg_lexicon_at(s, j + sep, se, MASK_PRODUCT);
    if (!nx) break;
    /* 种青稞油菜: two full product names may stand side by side */
    if (!sep && (nx->bound || e->bound)) break;
    j += sep;
  }
  if (n == 0) return CNKG_SUCCESS;
  size_t k = j;
  if (cnkg_wordlist_word_at(s, k, se, "等")) k += CNKG_HAN_BYTES;
  k += cnkg_wordlist_at(&modifiers_list, s, k, se);
  const Activity *a = activity_at(s, k, se);
  bool has_act = a && a->group;
  for (size_t i = 0; i < n; i++) {
    const CnkgLexEntry *e = items[i].e;
    bool touching = v->bare_ok && i == 0 && items[i].b == vb + strlen(v->word);
    if (e->bound && !touching && !(has_act && n > 1)) continue;
    if (!has_act && !v->group && e->cls == CNKG_LEX_CRAFT) continue;
    char g = has_act ? a->group : v->group ? v->group : default_group(e);
    const char *suffix = has_act ? a->name : group_suffix(g);
    if (!has_act && v->group == 'p') suffix = v->word;
    size_t mb = touching ? vb : items[i].b;
    CnkgStatus r = add_cand(c, e, g, suffix, has_act || v->group, st, si, mb,
                            items[i].end);
    if (r) return r;
    if (touching && !has_act && e->bound && !e->canon) {
      /* 养蜂: the text's own verb+product form is the name */
      Cand *x = &c->v[c->n - 1];
      free(x->name);
      x->name = cnkg_strndup(x->surface, strlen(x->surface));
      if (!x->name) return CNKG_ERR_NOMEM;
    }
  }
  *next = has_act ? k + strlen(a->word) : j;
  return CNKG_SUCCESS;
}

/* True if a word of l starts anywhere in s[b..e). */
static bool any_word_in(CnkgWordList *l, const char *s, size_t b, size_t e) {
  for (size_t k = b; k < e; k++)
    if (cnkg_wordlist_at(l, s, k, e)) return true;
  return false;
}

/* ---- products the word lists do not know ---- */

/* Nouns after a list (…等N个X) that say what its items are: the class
 * their activity takes (g grown, r raised, p made, s a sector or service
 * by itself). */
typedef struct {
  const char *word;
  char group;
} ClassNoun;

static const ClassNoun class_nouns[] = {
  {"品种", 'g'}, {"作物", 'g'}, {"农作物", 'g'}, {"经济作物", 'g'},
  {"药材", 'g'}, {"中药材", 'g'}, {"蔬菜", 'g'}, {"水果", 'g'},
  {"果品", 'g'}, {"果树", 'g'}, {"杂粮", 'g'}, {"粮食作物", 'g'},
  {"苗木", 'g'}, {"花卉", 'g'}, {"菌类", 'g'}, {"食用菌", 'g'},
  {"特色种植", 'g'}, {"种植", 'g'}, {"林果", 'g'},
  {"畜禽", 'r'}, {"家禽", 'r'}, {"牲畜", 'r'}, {"特色养殖", 'r'},
  {"养殖", 'r'}, {"水产", 'r'}, {"水产品", 'r'},
  {"产品", 'p'}, {"农产品", 'p'}, {"农副产品", 'p'}, {"特产", 'p'},
  {"土特产", 'p'}, {"特色产品", 'p'}, {"手工艺品", 'p'}, {"工艺品", 'p'},
  {"产业", 's'}, {"特色产业", 's'}, {"主导产业", 's'}, {"业态", 's'},
  {"新业态", 's'}, {"销售形式", 's'}, {"销售方式", 's'}, {"经营方式", 's'},
};
static CnkgWordList class_noun_list = CNKG_WORDLIST_FIELD(class_nouns, word);

/* Words that introduce what a place or firm produces. */
static const char *const list_verbs[] = {
  "种植", "栽种", "种上", "种了", "种", "养殖", "饲养", "养了", "养",
  "发展", "引进", "推广", "生产", "培育", "培植", "开发出", "开发", "盛产",
  "出产", "主产", "主打", "主要有", "包括", "扩种", "栽植", NULL};
static CnkgWordList list_verb_list = CNKG_WORDLIST(list_verbs);

/* Items that are never a product: activities and general nouns that occur
 * in the same lists. */
static const char *const not_products[] = {
  "种植", "养殖", "加工", "销售", "营销", "生产", "发展", "管理", "服务",
  "技术", "资金", "土地", "项目", "基地", "产业", "企业", "合作社", "农户",
  "村民", "群众", "贫困户", "市场", "品牌", "质量", "规模", "效益", "收入",
  "培训", "就业", "教育", "医疗", "住房", "交通", "水利", "电力", "道路",
  "环境", "文化", "旅游", "其他", "其它", "以上", "特色", "收购", "储藏",
  "运输", "包装", "面积", "产量", "结构", "品种", "效益", "成本", "收益",
  "作物", "公司", "人力", "劳力", "劳动力", "农业", "工业", "大面积", "民心",
  "经济", "集体经济", "车间", "厂房", "工厂", "设备", "生产线", "行列", "队伍",
  "方式", "模式", "能力", "水平", "积极性", "热情", "任务", "工作", "储存",
  "冷藏", "仓储", "分拣", "配送", "研发", "育苗", "育种", "栽培", NULL};
static CnkgWordList not_products_list = CNKG_WORDLIST(not_products);

/* Whether a place, organisation or person is named inside [b, e). */
static bool names_inside(const CnkgDocState *st, size_t si, size_t b,
                         size_t e) {
  for (size_t i = cnkg_docstate_first_span(st, si); i != SIZE_MAX;
       i = cnkg_docstate_next_span(st, i)) {
    const CnkgSpan *sp = &st->spans[i];
    if (sp->type == CNKG_TYPE_INDUSTRY || sp->type == CNKG_TYPE_POLICY) continue;
    /* a co-operative's name says its trade (藤椒种植专业合作社) */
    if (sp->type == CNKG_TYPE_ORGANIZATION && sp->begin <= b && sp->end >= e &&
        sp->end - sp->begin >= strlen("合作社") &&
        memcmp(st->text->norm + sp->end - strlen("合作社"), "合作社", strlen("合作社")) == 0)
      continue;
    if (sp->begin < e && sp->end > b && sp->end > sp->begin) return true;
  }
  return false;
}

static bool all_han(const char *s, size_t b, size_t e) {
  if (e <= b) return false;
  for (size_t i = b; i < e;)
    if (!cnkg_is_han(cnkg_utf8_next(s, e, &i))) return false;
  return true;
}

/* The analyser's word of sentence si that contains byte pos, or NULL. */
static const CnkgLacWord *lac_word_at(const CnkgDocState *st, size_t si,
                                      size_t pos) {
  if (!st->lac) return NULL;
  const CnkgLacResult *lr = &st->lac[si];
  size_t base = st->text->sentences[si].begin;
  if (pos < base) return NULL;
  /* the words are in text order: the last one starting at or before pos */
  size_t lo = 0, hi = lr->n_words;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (lr->words[mid].begin <= pos - base) lo = mid + 1;
    else hi = mid;
  }
  if (lo == 0) return NULL;
  const CnkgLacWord *w = &lr->words[lo - 1];
  return pos - base < w->end ? w : NULL;
}

/* Whether [b, e) has a function word, which belongs to a phrase, not to
 * the name of a product or trade. */
static bool has_function_char(const char *s, size_t b, size_t e) {
  for (size_t i = b; i < e; cnkg_utf8_next(s, e, &i))
    if (cnkg_utf8_char_in("的了在是和与及或等着过把被将对从向也都就又还不没很更最",
                          s, i, e))
      return true;
  return false;
}

/* An item the lists do not know can be a product: two to six Han
 * characters, no name of a place, body or person inside, not an activity
 * or general noun, nothing the analyser reads as a number or a name. */
static bool open_item_ok(const CnkgDocState *st, size_t si, size_t b,
                         size_t e) {
  const char *s = st->text->norm;
  size_t n = cnkg_utf8_count(s + b, e - b);
  if (n < 2 || n > 6 || !all_han(s, b, e)) return false;
  if (cnkg_wordlist_has(&not_products_list, s + b, e - b) ||
      cnkg_wordlist_has(&modifiers_list, s + b, e - b))
    return false; /* 高效养殖, 规模养殖: how, not what */
  /* determiners (全村, 各乡, 该企业) */
  if (cnkg_utf8_char_in("全各每该本这那此其某", s, b, e)) return false;
  /* people (养殖大户, 专业户, 能手, 青年) and years (多年种植) */
  if (cnkg_utf8_char_in("户人员者家手匠民工年", s, cnkg_lexicon_prev(s, b, e), e))
    return false;
  if (names_inside(st, si, b, e) || has_function_char(s, b, e)) return false;
  for (size_t i = b; i < e;) {
    const CnkgLacWord *w = lac_word_at(st, si, i);
    if (w && w->tag &&
        (strcmp(w->tag, "m") == 0 || strcmp(w->tag, "q") == 0 ||
         strcmp(w->tag, "r") == 0 || strcmp(w->tag, "TIME") == 0 ||
         strcmp(w->tag, "PER") == 0 || strcmp(w->tag, "LOC") == 0 ||
         strcmp(w->tag, "ORG") == 0))
      return false;
    cnkg_utf8_next(s, e, &i);
  }
  return true;
}

/* Where the list item that ends at end starts: the product the word lists
 * know there, else the start of the analyser's word that ends the item
 * (lists confuse it, so only when that word starts inside the clause and
 * after any name). SIZE_MAX when there is none. */
static size_t first_item_start(const CnkgDocState *st, size_t si, size_t sb,
                               size_t end) {
  const char *s = st->text->norm;
  const CnkgLexEntry *e = cnkg_lexicon_before(s, sb, end, MASK_PRODUCT | MASK_SECTOR);
  size_t lex = e ? end - strlen(e->word) : SIZE_MAX;
  size_t p = cnkg_lexicon_prev(s, sb, end);
  const CnkgLacWord *w = lac_word_at(st, si, p);
  size_t lb = SIZE_MAX;
  if (w) {
    size_t wb = st->text->sentences[si].begin + w->begin;
    /* a verb glued to the item (种植多肉) is cut off at a known verb */
    size_t q = wb;
    while (q < end) {
      size_t vl = cnkg_wordlist_at(&list_verb_list, s, q, end);
      if (!vl || q + vl >= end) break;
      q += vl;
    }
    if (all_han(s, q, end)) lb = q;
  }
  if (lb == SIZE_MAX || (lex != SIZE_MAX && lex < lb)) lb = lex;
  return lb;
}

/* The end of the list item that starts at b: at 等, a conjunction, a
 * class noun or activity word, or anything not Han; at most six
 * characters (else the analyser's word or a known product). SIZE_MAX
 * when there is none. */
static size_t last_item_end(const CnkgDocState *st, size_t si, size_t b,
                            size_t se) {
  const char *s = st->text->norm;
  size_t i = b, n = 0;
  while (i < se && n <= 6) {
    if (i > b && (cnkg_wordlist_word_at(s, i, se, "等") ||
                  cnkg_wordlist_at(&separators_list, s, i, se) ||
                  (n >= 2 && (cnkg_wordlist_at(&class_noun_list, s, i, se) ||
                              activity_at(s, i, se)))))
      return i;
    size_t k = i;
    if (!cnkg_is_han(cnkg_utf8_next(s, se, &k))) return i > b ? i : SIZE_MAX;
    i = k;
    n++;
  }
  if (i >= se && n <= 6) return i;
  const CnkgLexEntry *e = cnkg_lexicon_at(s, b, se, MASK_PRODUCT | MASK_SECTOR);
  if (e) return b + strlen(e->word);
  const CnkgLacWord *w = lac_word_at(st, si, b);
  if (w && st->text->sentences[si].begin + w->begin == b)
    return st->text->sentences[si].begin + w->end;
  return SIZE_MAX;
}

/* 、-lists of products (发展黄精、白芨、重楼等名贵品种; 桔梗、菊苣、刺五加等20个
 * 经营品种): when the list ends in 等 and a class noun, is followed by an
 * activity word, or is introduced by a producing verb and has at least as
 * many known products as unknown items, the unknown items are products of
 * the same kind. */
static CnkgStatus scan_lists(Cands *c, const CnkgDocState *st, size_t si) {
  const char *s = st->text->norm;
  const CnkgSentence *sen = &st->text->sentences[si];
  size_t sb = sen->begin, se = sen->end;
  enum { MAX_ITEMS = 24 };
  size_t ib[MAX_ITEMS], ie[MAX_ITEMS];
  for (size_t k = sb; k + CNKG_HAN_BYTES <= se; k++) {
    if (!cnkg_wordlist_word_at(s, k, se, "、")) continue;
    size_t n = 0;
    size_t b0 = first_item_start(st, si, sb, k);
    if (b0 == SIZE_MAX || b0 >= k) continue;
    ib[n] = b0;
    ie[n++] = k;
    size_t p = k + CNKG_HAN_BYTES;
    for (;;) {
      /* the next item ends at 、 (a middle one) or is the last */
      size_t q = p, nch = 0;
      while (q < se && nch <= 6 && !cnkg_wordlist_word_at(s, q, se, "、")) {
        size_t k2 = q;
        if (!cnkg_is_han(cnkg_utf8_next(s, se, &k2))) break;
        q = k2;
        nch++;
      }
      if (q < se && q > p && nch <= 6 && cnkg_wordlist_word_at(s, q, se, "、")) {
        if (n < MAX_ITEMS) { ib[n] = p; ie[n++] = q; }
        p = q + CNKG_HAN_BYTES;
        continue;
      }
      size_t e = last_item_end(st, si, p, se);
      if (e == SIZE_MAX || e <= p) break;
      if (n < MAX_ITEMS) { ib[n] = p; ie[n++] = e; }
      p = e;
      /* A、B和C */
      size_t sep = cnkg_wordlist_at(&separators_list, s, p, se);
      if (sep && !cnkg_wordlist_word_at(s, p, se, "、") &&
          !cnkg_wordlist_word_at(s, p, se, ",")) {
        size_t e2 = last_item_end(st, si, p + sep, se);
        if (e2 != SIZE_MAX && e2 > p + sep && n < MAX_ITEMS) {
          ib[n] = p + sep;
          ie[n++] = e2;
          p = e2;
        }
      }
      break;
    }
    k = p > k ? p - 1 : k;
    if (n < 2) continue;
    /* what the list is: 等 + quantity + class noun, or an activity */
    size_t q = p;
    bool deng = cnkg_wordlist_word_at(s, q, se, "等");
    if (deng) q += CNKG_HAN_BYTES;
    while (q < se && ((s[q] >= '0' && s[q] <= '9') || s[q] == '.')) q++;
    {
      static const char *const measures[] = {"个", "种", "类", "大", "项", "余",
                                             "多", NULL};
      static CnkgWordList measure_list = CNKG_WORDLIST(measures);
      for (size_t m; (m = cnkg_wordlist_at(&measure_list, s, q, se)) != 0;) q += m;
    }
    char group = 0;
    for (size_t skip = 0, r = q; skip <= 2 && r < se && !group; skip++) {
      size_t cursor = 0;
      size_t ci = cnkg_wordlist_next_at(&class_noun_list, s, r, se, &cursor);
      /* 等 first: without it, X产业/X品种 is one compound, not a list's
       * class */
      if (ci != SIZE_MAX && deng) group = class_nouns[ci].group;
      if (!group) {
        size_t m = cnkg_wordlist_at(&modifiers_list, s, r, se);
        if (skip == 0 && m) { r += m; continue; }
        size_t k2 = r;
        if (!cnkg_is_han(cnkg_utf8_next(s, se, &k2))) break;
        r = k2;
      }
    }
    if (!group) {
      size_t r = q + cnkg_wordlist_at(&modifiers_list, s, q, se);
      const Activity *a = activity_at(s, r, se);
      if (a && a->group) group = a->group;
    }
    size_t known = 0;
    char known_group = 0;
    bool mixed = false;
    for (size_t i = 0; i < n; i++) {
      const CnkgLexEntry *e = cnkg_lexicon_before(s, ib[i], ie[i], MASK_PRODUCT | MASK_SECTOR);
      if (!e) continue;
      known++;
      char g = default_group(e);
      if (known_group && g != known_group) mixed = true;
      known_group = g;
    }
    bool verb = cnkg_wordlist_before(&list_verb_list, s, sb, ib[0]) > 0;
    if (!group && known && !mixed && 2 * known >= n && verb) group = known_group;
    /* 种植A、B / 养殖A、B: the verb says what they are */
    size_t cursor = 0;
    size_t vk = cnkg_wordlist_next_before(&verb_list, s, sb, ib[0], &cursor);
    if (!group && vk != SIZE_MAX && (verbs[vk].group == 'g' || verbs[vk].group == 'r') &&
        (!known || known_group == verbs[vk].group)) {
      /* a verb, not a noun made of one (养殖大户、养殖专业户) */
      const CnkgLacWord *w = lac_word_at(st, si, ib[0] - strlen(verbs[vk].word));
      if (!w || !w->tag || strcmp(w->tag, "v") == 0) group = verbs[vk].group;
    }
    /* 等产品 says little: goods of any kind, unless the list is of a kind
     * the lists know or follows a producing verb */
    if (group == 'p' && !known && !verb) group = 0;
    if (!group) continue;
    for (size_t i = 0; i < n; i++) {
      if (cnkg_lexicon_before(s, ib[i], ie[i], MASK_PRODUCT | MASK_SECTOR)) continue;
      if (!open_item_ok(st, si, ib[i], ie[i])) continue;
      CnkgStatus r = add_cand_at(c, NULL, ib[i], ie[i], group,
                                 group_suffix(group), false, st, si, ib[i], ie[i]);
      if (r) return r;
    }
  }
  return CNKG_SUCCESS;
}

/* Modifiers that stand before 产业 without naming a product (特色产业,
 * 支柱产业, 扶贫产业). */
static const char *const abstract_heads[] = {
  "支柱", "优势", "富民", "新兴", "朝阳", "绿色", "生态", "传统", "农村", "乡村",
  "村级", "集体", "主导", "扶贫", "脱贫", "致富", "后续", "配套", "相关",
  "现代", "主要", "重点", "龙头", "优质", "高效", "当地", "本地", "特色",
  "新型", "主体", "富民强村", "增收", "骨干", "区域", "战略性", "文化",
  "服务", "家庭", "庭院", "规模", "设施", "科学", "露天", "订单", NULL};
static CnkgWordList abstract_heads_list = CNKG_WORDLIST(abstract_heads);

static bool tag_in(const CnkgLacWord *w, const char *const *tags) {
  if (!w || !w->tag) return false;
  for (size_t i = 0; tags[i]; i++)
    if (strcmp(w->tag, tags[i]) == 0) return true;
  return false;
}

/* Products the word lists do not know, named next to an activity: a noun
 * before it (人参种植, 藤椒种植专业合作社, 人参产业) or a verb's object
 * that ends its phrase (加工橡子, 种植人参的). Needs the analyser. */
static CnkgStatus scan_open(Cands *c, const CnkgDocState *st, size_t si) {
  static const char *const nouns[] = {"n", "nz", "nw", NULL};
  static const char *const verb_tags[] = {"v", "vn", NULL};
  if (!st->lac) return CNKG_SUCCESS;
  const char *s = st->text->norm;
  const CnkgSentence *sen = &st->text->sentences[si];
  size_t base = sen->begin, se = sen->end;
  const CnkgLacResult *lr = &st->lac[si];
  for (size_t wi = 0; wi < lr->n_words; wi++) {
    const CnkgLacWord *w = &lr->words[wi];
    size_t wb = base + w->begin, we = base + w->end;
    /* a noun right before an activity (possibly glued to it) */
    const Activity *a = NULL;
    size_t pb = SIZE_MAX, pe = SIZE_MAX;
    for (size_t k = wb; k < we && !a; k++) {
      const Activity *x = activity_at(s, k, se);
      if (!x) continue;
      if (k > wb && tag_in(w, nouns)) {
        pb = wb; /* 人参种植/n */
      } else if (k == wb && wi > 0 && tag_in(&lr->words[wi - 1], nouns) &&
                 lr->words[wi - 1].end == w->begin) {
        pb = base + lr->words[wi - 1].begin; /* 人参/n 种植/v */
      } else {
        continue;
      }
      a = x;
      pe = k;
    }
    if (a && pb != SIZE_MAX) {
      /* known products are the word lists' business */
      const CnkgLexEntry *e = cnkg_lexicon_before(s, pb, pe, MASK_PRODUCT | MASK_SECTOR);
      bool known = e && strlen(e->word) == pe - pb;
      if (!known && open_item_ok(st, si, pb, pe) &&
          !cnkg_wordlist_has(&abstract_heads_list, s + pb, pe - pb) &&
          cnkg_utf8_count(s + pb, pe - pb) <= 4) {
        char g = a->group ? a->group : 'g';
        const char *suffix = a->name ? a->name : "产业";
        size_t ae = pe + strlen(a->word);
        CnkgStatus r = add_cand_at(c, NULL, pb, pe, g, suffix, a->group != 0,
                                   st, si, pb, ae);
        if (r) return r;
        if (!a->group) {
          /* X产业: the crop, the text's form as an alias */
          Cand *x = &c->v[c->n - 1];
          char *name = join2(s + pb, pe - pb, "种植");
          if (!name) return CNKG_ERR_NOMEM;
          free(x->name);
          x->name = name;
        }
        continue;
      }
    }
    /* a producing verb and its object, where the object ends the phrase */
    if (!tag_in(w, verb_tags) || wi + 1 >= lr->n_words) continue;
    bool process = we - wb == strlen("加工") && cnkg_wordlist_word_at(s, wb, we, "加工");
    size_t cursor = 0;
    size_t vk = cnkg_wordlist_next_at(&verb_list, s, wb, we, &cursor);
    if (!process && (vk == SIZE_MAX || wb + strlen(verbs[vk].word) != we ||
                     (verbs[vk].group != 'g' && verbs[vk].group != 'r')))
      continue;
    const CnkgLacWord *o = &lr->words[wi + 1];
    size_t ob = base + o->begin, oe = base + o->end;
    if (ob != we || !tag_in(o, nouns)) continue;
    bool ends = oe >= se || !cnkg_is_han(cnkg_utf8_next(s, se, &(size_t){oe})) ||
                cnkg_wordlist_word_at(s, oe, se, "等") ||
                cnkg_wordlist_word_at(s, oe, se, "的") ||
                cnkg_wordlist_at(&separators_list, s, oe, se);
    if (!ends) continue;
    const CnkgLexEntry *e = cnkg_lexicon_before(s, ob, oe, MASK_PRODUCT | MASK_SECTOR);
    if ((e && strlen(e->word) == oe - ob) || !open_item_ok(st, si, ob, oe) ||
        cnkg_wordlist_has(&abstract_heads_list, s + ob, oe - ob) ||
        cnkg_utf8_count(s + ob, oe - ob) > 4)
      continue;
    char g = process ? 'p' : verbs[vk].group;
    CnkgStatus r = add_cand_at(c, NULL, ob, oe, g, process ? "加工" : group_suffix(g),
                               true, st, si, ob, oe);
    if (r) return r;
  }
  return CNKG_SUCCESS;
}

/* What a 集…为一体 list may distribute over its first item's product
 * (集茶叶种植、加工、销售于一体). */
static const Activity chain_acts[] = {
  {"种植", "种植", 'g'}, {"栽培", "栽培", 'g'}, {"育苗", "育苗", 'g'},
  {"育种", "育种", 'g'}, {"养殖", "养殖", 'r'}, {"加工", "加工", 'p'},
  {"销售", "销售", 'p'}, {"营销", "营销", 'p'},
};
static CnkgWordList chain_act_list = CNKG_WORDLIST_FIELD(chain_acts, word);

/* 集A、B、C为一体 / 集A、B和C于一体: a business that does all of them.
 * Each item is an industry of its own; when the first is a product and an
 * activity (人参种植) and the others bare activities, each activity goes
 * with that product. */
static CnkgStatus scan_integrated(Cands *c, const CnkgDocState *st, size_t si) {
  const char *s = st->text->norm;
  const CnkgSentence *sen = &st->text->sentences[si];
  size_t sb = sen->begin, se = sen->end;
  for (size_t k = sb; k + CNKG_HAN_BYTES <= se; k++) {
    if (!cnkg_wordlist_word_at(s, k, se, "集")) continue;
    size_t lb = k + CNKG_HAN_BYTES, le = SIZE_MAX;
    for (size_t q = lb; q + 9 <= se && q < lb + 120; q++)
      if (cnkg_wordlist_word_at(s, q, se, "为一体") ||
          cnkg_wordlist_word_at(s, q, se, "于一体")) {
        le = q;
        break;
      }
    if (le == SIZE_MAX) continue;
    enum { MAX_ITEMS = 12 };
    size_t ib[MAX_ITEMS + 1], ie[MAX_ITEMS + 1], n = 0;
    bool ok = true;
    for (size_t p = lb; p < le && ok;) {
      size_t q = p, sep = 0;
      while (q < le && !(sep = cnkg_wordlist_at(&separators_list, s, q, le)))
        cnkg_utf8_next(s, le, &q);
      size_t nch = cnkg_utf8_count(s + p, q - p);
      ok = n < MAX_ITEMS && nch >= 2 && nch <= 8 && all_han(s, p, q) &&
           !names_inside(st, si, p, q);
      ib[n] = p;
      ie[n++] = q;
      p = q + sep;
    }
    k = le;
    if (!ok || n < 2) continue;
    /* …、C等产业为一体: the last item up to 等, if what follows names
     * industries; 等功能 and the like make it a list of something else */
    for (size_t q = ib[n - 1]; q < ie[n - 1]; q++) {
      if (!cnkg_wordlist_word_at(s, q, ie[n - 1], "等")) continue;
      size_t cursor = 0;
      size_t ci = cnkg_wordlist_next_at(&class_noun_list, s, q + CNKG_HAN_BYTES, ie[n - 1], &cursor);
      if (q + CNKG_HAN_BYTES < ie[n - 1] &&
          (ci == SIZE_MAX || q + CNKG_HAN_BYTES + strlen(class_nouns[ci].word) != ie[n - 1]))
        ok = false;
      ie[n - 1] = q;
      break;
    }
    for (size_t i = 0; i < n && ok; i++)
      ok = ie[i] > ib[i] && !has_function_char(s, ib[i], ie[i]);
    if (!ok) continue;
    /* the first item's product, if it ends with an activity */
    size_t pe = SIZE_MAX;
    for (size_t q = ib[0]; q < ie[0]; q++) {
      size_t al = cnkg_wordlist_at(&chain_act_list, s, q, ie[0]);
      if (al && q + al == ie[0] && q > ib[0]) {
        pe = q;
        break;
      }
    }
    bool bare = pe != SIZE_MAX;
    for (size_t i = 1; i < n && bare; i++)
      bare = cnkg_wordlist_has(&chain_act_list, s + ib[i], ie[i] - ib[i]);
    for (size_t i = 0; i < n; i++) {
      CnkgStatus r;
      if (bare) {
        size_t ab = i == 0 ? pe : ib[i];
        size_t cursor = 0;
        size_t ak = cnkg_wordlist_next_at(&chain_act_list, s, ab, ie[i], &cursor);
        if (ak == SIZE_MAX) continue;
        const CnkgLexEntry *e = cnkg_lexicon_before(s, ib[0], pe, MASK_PRODUCT);
        if (e && strlen(e->word) != pe - ib[0]) e = NULL;
        r = add_cand_at(c, e, ib[0], pe, chain_acts[ak].group, chain_acts[ak].name,
                        true, st, si, i == 0 ? ib[0] : ib[i], ie[i]);
        if (!r && i > 0) {
          /* a bare 加工 is no name of this industry */
          Cand *x = &c->v[c->n - 1];
          char *surface = cnkg_strndup(x->name, strlen(x->name));
          if (!surface) return CNKG_ERR_NOMEM;
          free(x->surface);
          x->surface = surface;
        }
      } else {
        const CnkgLexEntry *e = cnkg_lexicon_find(s + ib[i], ie[i] - ib[i]);
        if (e) continue; /* the word lists' own */
        /* a bare step of the chain (种植, 储藏, 销售) names no trade */
        if (cnkg_wordlist_has(&chain_act_list, s + ib[i], ie[i] - ib[i]) ||
            cnkg_wordlist_has(&not_products_list, s + ib[i], ie[i] - ib[i]))
          continue;
        r = add_cand_at(c, NULL, ib[i], ie[i], 's', "", true, st, si, ib[i], ie[i]);
      }
      if (r) return r;
    }
  }
  return CNKG_SUCCESS;
}

static CnkgStatus scan_sentence(Cands *c, const CnkgDocState *st, size_t si) {
  const CnkgSentence *sen = &st->text->sentences[si];
  const char *s = st->text->norm;
  size_t sb = sen->begin, se = sen->end;
  size_t i = sb;
  /* whether the sentence has a cue word: looked for once, when first
   * needed (-1 until then) */
  int sentence_cued = -1, sentence_craft = -1;
  while (i < se) {
    unsigned char ch = (unsigned char)s[i];
    size_t step = ch < 0x80 ? 1 : ch < 0xE0 ? 2 : ch < 0xF0 ? 3 : 4;
    /* complete sector names */
    const CnkgLexEntry *sec = cnkg_lexicon_at(s, i, se, MASK_SECTOR);
    if (sec && !sec->bound) {
      size_t len = strlen(sec->word);
      CnkgStatus r = add_cand(c, sec, 's', "", true, st, si, i, i + len);
      if (r) return r;
      i += len;
      continue;
    }
    /* verbs followed by products */
    size_t cursor = 0;
    size_t vk = cnkg_wordlist_next_at(&verb_list, s, i, se, &cursor);
    const Verb *v = vk == SIZE_MAX ? NULL : &verbs[vk];
    size_t vlen = v ? strlen(v->word) : 0;
    if (v && i > sb && vlen == CNKG_HAN_BYTES &&
        cnkg_wordlist_before(&verb_blockers_list, s, sb, i))
      v = NULL;
    if (v) {
      size_t next;
      size_t before = c->n;
      CnkgStatus r = scan_after_verb(c, st, si, se, i, v, &next);
      if (r) return r;
      if (c->n > before) {
        i = next;
        continue;
      }
    }
    /* activity words preceded by products */
    const Activity *a = activity_at(s, i, se);
    if (a) {
      size_t alen = strlen(a->word);
      CnkgStatus r = scan_before_activity(c, st, si, sb, i, i + alen, a);
      if (r) return r;
      i += alen;
      continue;
    }
    /* a product named beside a farm, base or cooperative */
    const CnkgLexEntry *e = cnkg_lexicon_at(s, i, se, MASK_PRODUCT);
    if (e && !e->bound) {
      size_t len = strlen(e->word);
      size_t q = i + len;
      q += cnkg_wordlist_at(&modifiers_list, s, q, se);
      /* 大棚 beside the product (蔬菜大棚, 大棚草莓) is how the text names
       * the trade: that form is a name of the industry too */
      size_t mb = i, me = i + len;
      if (cnkg_wordlist_word_at(s, i + len, se, "大棚")) me += strlen("大棚");
      else if (cnkg_wordlist_word_before(s, sb, i, "大棚")) mb -= strlen("大棚");
      bool shed = mb != i || me != i + len;
      bool cued = cnkg_wordlist_at(&cues_list, s, q, se);
      if (!cued) {
        if (sentence_cued < 0) sentence_cued = any_word_in(&sentence_cues_list, s, sb, se);
        cued = sentence_cued;
      }
      bool craft_cued = false;
      if (e->cls == CNKG_LEX_CRAFT) {
        if (sentence_craft < 0) sentence_craft = any_word_in(&craft_cues_list, s, sb, se);
        craft_cued = sentence_craft;
      }
      if (((cued && e->cls != CNKG_LEX_CRAFT) || craft_cued) &&
          !activity_at(s, q, se)) {
        char g = default_group(e);
        CnkgStatus r = add_cand(c, e, g, group_suffix(g), false, st, si, i,
                                i + len);
        if (r) return r;
        if (shed) {
          Cand *x = &c->v[c->n - 1];
          x->also = cnkg_strndup(s + mb, me - mb);
          if (!x->also) return CNKG_ERR_NOMEM;
        }
      }
      i += len;
      continue;
    }
    i += step;
  }
  return CNKG_SUCCESS;
}

static const char *product_of(const Cand *x) {
  if (!x->entry) return x->prod;
  return x->entry->canon ? x->entry->canon : x->entry->word;
}

/* The id in t of the key "<group><text>" (added when new). */
static CnkgStatus group_key(CnkgIntern *t, char group, const char *text, size_t *id) {
  size_t n = strlen(text);
  char *k = malloc(n + 2);
  if (!k) return CNKG_ERR_NOMEM;
  k[0] = group;
  memcpy(k + 1, text, n + 1);
  CnkgStatus s = cnkg_intern_add(t, k, n + 1, id);
  free(k);
  return s;
}

/* A generic product's group (蜂) joins the one group of a specific product
 * (中蜂) of its activity that narrows it, when the document has exactly one:
 * merged_into[g] is set for each group g that joins another, as the groups
 * are taken in order (a group that joined one is no longer a target). */
static CnkgStatus join_generic(const Cands *c, size_t *merged_into) {
  size_t n = c->n;
  CnkgIntern bases = {0};
  size_t *start = calloc(n + 2, sizeof *start), *by_base = malloc((n + 1) * sizeof *by_base);
  size_t *base_of = malloc((n + 1) * sizeof *base_of);
  CnkgStatus s = start && by_base && base_of ? CNKG_SUCCESS : CNKG_ERR_NOMEM;
  /* the groups of specific products by activity and the generic product
   * they narrow: by_base[start[b] ..], in order */
  for (size_t i = 0; i < n && !s; i++) {
    const Cand *y = &c->v[i];
    base_of[i] = SIZE_MAX;
    if (y->key != i || y->group == 's' || !y->entry || !y->entry->base) continue;
    if (!(s = group_key(&bases, y->group, y->entry->base, &base_of[i]))) start[base_of[i] + 1]++;
  }
  for (size_t g = 0; g < cnkg_intern_count(&bases) && !s; g++) start[g + 1] += start[g];
  for (size_t i = 0; i < n && !s; i++)
    if (base_of[i] != SIZE_MAX) by_base[start[base_of[i]]++] = i;
  for (size_t g = cnkg_intern_count(&bases); g > 0 && !s; g--) start[g] = start[g - 1];
  if (!s) start[0] = 0;
  for (size_t i = 0; i < n && !s; i++) {
    const Cand *x = &c->v[i];
    if (x->key != i || x->group == 's') continue;
    size_t g, before = cnkg_intern_count(&bases);
    const char *w = x->entry ? x->entry->word : x->prod;
    if ((s = group_key(&bases, x->group, w, &g)) || g >= before) continue;
    size_t target = SIZE_MAX;
    bool unique = true;
    for (size_t q = start[g]; q < start[g + 1]; q++) {
      size_t j = by_base[q];
      if (j == i || merged_into[j] != SIZE_MAX) continue; /* no group now */
      if (target != SIZE_MAX && target != j) unique = false;
      target = j;
    }
    if (target != SIZE_MAX && unique) merged_into[i] = target;
  }
  cnkg_intern_free(&bases);
  free(start);
  free(by_base);
  free(base_of);
  return s;
}

/* Candidates for the same product and activity form one industry, except
 * that two activities the text names (鹿茸加工, 鹿茸销售) stay two; a
 * generic product (蜂) joins the one specific product (中蜂) it narrows to
 * when the document has exactly one. Each candidate joins the first
 * earlier group that takes it, found through maps from names, products and
 * (product, name) pairs to the first group of each (not by comparing it
 * with every group). */
/* One stretch of text names one industry: groups that two candidates of
 * the same span (a sector word read both as a sector and as a product
 * line) fall into are one group, the earlier. */
typedef struct {
  size_t sentence, begin, end, i;
} SpanKey;

static int span_key_cmp(const void *a, const void *b) {
  const SpanKey *x = a, *y = b;
  if (x->sentence != y->sentence) return x->sentence < y->sentence ? -1 : 1;
  if (x->begin != y->begin) return x->begin < y->begin ? -1 : 1;
  if (x->end != y->end) return x->end < y->end ? -1 : 1;
  return x->i < y->i ? -1 : (x->i > y->i);
}

static CnkgStatus join_same_spans(Cands *c) {
  size_t n = c->n;
  SpanKey *ord = malloc((n + 1) * sizeof *ord);
  size_t *into = malloc((n + 1) * sizeof *into);
  if (!ord || !into) {
    free(ord);
    free(into);
    return CNKG_ERR_NOMEM;
  }
  for (size_t i = 0; i < n; i++) {
    ord[i] = (SpanKey){c->v[i].sentence, c->v[i].begin, c->v[i].end, i};
    into[i] = i;
  }
  qsort(ord, n, sizeof *ord, span_key_cmp);
  for (size_t a = 1; a < n; a++) {
    if (span_key_cmp(&(SpanKey){ord[a - 1].sentence, ord[a - 1].begin, ord[a - 1].end, 0},
                     &(SpanKey){ord[a].sentence, ord[a].begin, ord[a].end, 0}) != 0)
      continue;
    size_t gx = c->v[ord[a - 1].i].key, gy = c->v[ord[a].i].key;
    while (into[gx] != gx) gx = into[gx];
    while (into[gy] != gy) gy = into[gy];
    if (gx < gy) into[gy] = gx;
    else if (gy < gx) into[gx] = gy;
  }
  for (size_t i = 0; i < n; i++) {
    size_t k = c->v[i].key;
    while (into[k] != k) k = into[k];
    c->v[i].key = k;
  }
  free(ord);
  free(into);
  return CNKG_SUCCESS;
}

static CnkgStatus group_cands(Cands *c) {
  size_t n = c->n;
  CnkgIntern names = {0}, prods = {0}, pairs = {0};
  size_t *first_any = malloc((n + 1) * sizeof *first_any);     /* by name */
  size_t *first_sector = malloc((n + 1) * sizeof *first_sector);
  size_t *first_prod = malloc((n + 1) * sizeof *first_prod);   /* by group+product */
  /* by group+product: the first group whose activity the text does not
   * name; by (group+product, name): the first whose activity it names */
  size_t *first_plain = malloc((n + 1) * sizeof *first_plain);
  size_t *first_named = malloc((n + 1) * sizeof *first_named);
  size_t *merged_into = malloc((n + 1) * sizeof *merged_into);
  CnkgStatus s = first_any && first_sector && first_prod && first_plain && first_named &&
                         merged_into
                     ? CNKG_SUCCESS
                     : CNKG_ERR_NOMEM;
  for (size_t i = 0; i <= n && !s; i++)
    first_any[i] = first_sector[i] = first_prod[i] = first_plain[i] = first_named[i] =
        merged_into[i] = SIZE_MAX;
  for (size_t i = 0; i < n && !s; i++) {
    Cand *x = &c->v[i];
    size_t nid, pid = SIZE_MAX, kid = SIZE_MAX, j;
    s = cnkg_intern_add(&names, x->name, strlen(x->name), &nid);
    if (!s && x->group != 's') s = group_key(&prods, x->group, product_of(x), &pid);
    if (!s && x->group != 's' && x->explicit_act) {
      size_t pair[2] = {pid, nid};
      s = cnkg_intern_add(&pairs, pair, sizeof pair, &kid);
    }
    if (s) break;
    if (x->group == 's') {
      j = first_any[nid];
    } else {
      j = first_sector[nid];
      /* a named activity joins a group of the product with the same name
       * or with no named activity; otherwise any group of the product */
      size_t by_prod = x->explicit_act ? first_plain[pid] : first_prod[pid];
      if (x->explicit_act && first_named[kid] < by_prod) by_prod = first_named[kid];
      if (by_prod < j) j = by_prod;
    }
    x->key = j == SIZE_MAX ? i : j;
    if (j != SIZE_MAX) continue;
    if (first_any[nid] == SIZE_MAX) first_any[nid] = i;
    if (x->group == 's' && first_sector[nid] == SIZE_MAX) first_sector[nid] = i;
    if (x->group != 's' && first_prod[pid] == SIZE_MAX) first_prod[pid] = i;
    if (x->group != 's' && !x->explicit_act && first_plain[pid] == SIZE_MAX) first_plain[pid] = i;
    if (x->group != 's' && x->explicit_act && first_named[kid] == SIZE_MAX) first_named[kid] = i;
  }
  if (!s) s = join_generic(c, merged_into);
  for (size_t i = 0; i < n && !s; i++) {
    size_t k = c->v[i].key;
    while (merged_into[k] != SIZE_MAX) k = merged_into[k];
    c->v[i].key = k;
  }
  if (!s) s = join_same_spans(c);
  cnkg_intern_free(&names);
  cnkg_intern_free(&prods);
  cnkg_intern_free(&pairs);
  free(first_any);
  free(first_sector);
  free(first_prod);
  free(first_plain);
  free(first_named);
  free(merged_into);
  return s;
}

CnkgStatus cnkg_industry_new(const CnkgDivision *division,
                             CnkgIndustryRecognizer **out, char *err,
                             size_t errsize) {
  (void)division;
  if (!out) return CNKG_ERR_ARG;
  *out = calloc(1, sizeof **out);
  if (!*out) {
    if (err && errsize) {
      strncpy(err, "out of memory", errsize - 1);
      err[errsize - 1] = '\0';
    }
    return CNKG_ERR_NOMEM;
  }
  return CNKG_SUCCESS;
}

void cnkg_industry_free(CnkgIndustryRecognizer *r) { free(r); }

/* The members of each group, in order: member[start[g] .. start[g + 1]). */
static CnkgStatus group_members(const Cands *c, size_t **start, size_t **member) {
  *start = calloc(c->n + 2, sizeof **start);
  *member = malloc((c->n + 1) * sizeof **member);
  if (!*start || !*member) return CNKG_ERR_NOMEM;
  for (size_t i = 0; i < c->n; i++) (*start)[c->v[i].key + 1]++;
  for (size_t g = 0; g < c->n; g++) (*start)[g + 1] += (*start)[g];
  for (size_t i = 0; i < c->n; i++) (*member)[(*start)[c->v[i].key]++] = i;
  for (size_t g = c->n; g > 0; g--) (*start)[g] = (*start)[g - 1];
  (*start)[0] = 0;
  return CNKG_SUCCESS;
}

/* Adds group g (its candidates members[0, n_members), in order): the
 * industry, its mentions and aliases, and what carries it. */
static CnkgStatus emit_group(CnkgDocState *st, const CnkgCarriers *ix, const Cands *c,
                             const size_t *members, size_t n_members) {
  /* The name: the first explicit product+activity form, preferring a
   * specific product over the generic one it joined. */
  size_t best = SIZE_MAX;
  for (size_t m = 0; m < n_members; m++) {
    size_t i = members[m];
    if (best == SIZE_MAX) { best = i; continue; }
    const Cand *b = &c->v[best], *x = &c->v[i];
    bool xb = x->entry && x->entry->bound, bb = b->entry && b->entry->bound;
    if ((bb && !xb) || (bb == xb && !b->explicit_act && x->explicit_act))
      best = i;
  }
  char *key = cnkg_graph_key_hash(CNKG_TYPE_INDUSTRY, c->v[best].name, NULL);
  if (!key) return CNKG_ERR_NOMEM;
  size_t ent;
  CnkgStatus r = cnkg_graph_add_entity(st->graph, key, CNKG_TYPE_INDUSTRY,
                                       c->v[best].name, &ent);
  free(key);
  if (r) return r;
  size_t n_related = 0;
  for (size_t m = 0; m < n_members; m++) {
    const Cand *x = &c->v[members[m]];
    if (strcmp(x->name, c->v[best].name) != 0) {
      r = cnkg_graph_add_alias(st->graph, ent, x->name);
      if (r) return r;
    }
    if (strcmp(x->surface, c->v[best].name) != 0 &&
        cnkg_utf8_count(x->surface, strlen(x->surface)) >= 2) {
      r = cnkg_graph_add_alias(st->graph, ent, x->surface);
      if (r) return r;
    }
    if (x->also && strcmp(x->also, c->v[best].name) != 0) {
      r = cnkg_graph_add_alias(st->graph, ent, x->also);
      if (r) return r;
    }
    r = cnkg_docstate_mention(st, ent, x->sentence, x->begin, x->end);
    if (r) return r;
  }
  /* Carriers named in the sentences first; only when none is, the place
   * the paragraph, section or document is about. */
  for (int pass = 0; pass < 2 && n_related == 0; pass++) {
    for (size_t m = 0; m < n_members; m++) {
      const Cand *x = &c->v[members[m]];
      size_t who[12];
      unsigned flags = CNKG_CARRY_ORGS | (pass ? CNKG_CARRY_FOCUS : 0u);
      size_t n = cnkg_lexicon_carriers(ix, x->sentence, x->begin, x->end,
                                       flags, who, sizeof who / sizeof who[0]);
      for (size_t k = 0; k < n; k++) {
        if (who[k] == ent) continue;
        r = cnkg_docstate_relate(st, who[k], CNKG_REL_HAS_INDUSTRY, ent,
                                 NULL, x->sentence);
        if (r) return r;
        n_related++;
      }
      if (pass == 1 && n_related) break;
    }
  }
  return CNKG_SUCCESS;
}

static CnkgStatus emit(CnkgDocState *st, Cands *c) {
  size_t *start = NULL, *member = NULL;
  CnkgCarriers *ix = cnkg_lexicon_carriers_new(st);
  CnkgStatus r = ix ? group_members(c, &start, &member) : CNKG_ERR_NOMEM;
  for (size_t g = 0; g < c->n && !r; g++)
    if (c->v[g].key == g)
      r = emit_group(st, ix, c, member + start[g], start[g + 1] - start[g]);
  cnkg_lexicon_carriers_free(ix);
  free(start);
  free(member);
  return r;
}

CnkgStatus cnkg_industry_run(const CnkgIndustryRecognizer *rec,
                             CnkgDocState *st) {
  if (!rec || !st || !st->text) return CNKG_ERR_ARG;
  Cands c = {NULL, 0, 0};
  CnkgStatus r = CNKG_SUCCESS;
  for (size_t si = 0; si < st->text->n_sentences && !r; si++) {
    r = scan_sentence(&c, st, si);
    if (!r) r = scan_lists(&c, st, si);
    if (!r) r = scan_open(&c, st, si);
    if (!r) r = scan_integrated(&c, st, si);
  }
  if (!r) r = group_cands(&c);
  if (!r) r = emit(st, &c);
  cands_free(&c);
  return r;
}
