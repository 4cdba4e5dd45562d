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

#include "extractor/lexicon.h"
#include "extractor/strids.h"

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
  const CnkgLexEntry *entry; /* product, or the sector entry */
  char group;                /* 'g', 'r', 'p', 's' (sector) */
  char *name;
  char *surface;
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

/* Adds a candidate; name is product (canonical) + suffix. */
static CnkgStatus add_cand(Cands *c, const CnkgLexEntry *e, char group,
                           const char *suffix, bool explicit_act,
                           const CnkgDocState *st, size_t si, size_t b,
                           size_t end) {
  if (c->n == c->cap) {
    size_t cap = c->cap ? c->cap * 2 : 32;
    Cand *v = realloc(c->v, cap * sizeof *v);
    if (!v) return CNKG_ERR_NOMEM;
    c->v = v;
    c->cap = cap;
  }
  const char *prod = e->canon ? e->canon : e->word;
  Cand *x = &c->v[c->n];
  memset(x, 0, sizeof *x);
  x->entry = e;
  x->group = group;
  x->name = join2(prod, strlen(prod), suffix ? suffix : "");
  x->surface = cnkg_strndup(st->text->norm + b, end - b);
  if (!x->name || !x->surface) {
    free(x->name);
    free(x->surface);
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
  if (cnkg_wordlist_word_at(s, j >= 3 ? j - 3 : j, j, "等") && j >= sb + 3) j -= 3;
  bool listed = false;
  for (int k = 0; k < 12; k++) {
    const CnkgLexEntry *e = cnkg_lexicon_before(s, sb, j, MASK_PRODUCT);
    if (!e) break;
    size_t pb = j - strlen(e->word);
    /* A one-character product must be a list item or touch the activity. */
    if (e->bound && strlen(e->word) <= 3 && !listed && j != act) break;
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
  if (cnkg_wordlist_word_at(s, k, se, "等")) k += 3;
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
    if (v && i > sb && vlen == 3 &&
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
      }
      i += len;
      continue;
    }
    i += step;
  }
  return CNKG_SUCCESS;
}

static const char *product_of(const Cand *x) {
  return x->entry->canon ? x->entry->canon : x->entry->word;
}

/* The id in t of the key "<group><text>" (added when new). */
static CnkgStatus group_key(CnkgStrIds *t, char group, const char *text, size_t *id) {
  size_t n = strlen(text);
  char *k = malloc(n + 2);
  if (!k) return CNKG_ERR_NOMEM;
  k[0] = group;
  memcpy(k + 1, text, n + 1);
  CnkgStatus s = cnkg_strids_add(t, k, n + 1, id);
  free(k);
  return s;
}

/* A generic product's group (蜂) joins the one group of a specific product
 * (中蜂) of its activity that narrows it, when the document has exactly one:
 * merged_into[g] is set for each group g that joins another, as the groups
 * are taken in order (a group that joined one is no longer a target). */
static CnkgStatus join_generic(const Cands *c, size_t *merged_into) {
  size_t n = c->n;
  CnkgStrIds bases = {0};
  size_t *start = calloc(n + 2, sizeof *start), *by_base = malloc((n + 1) * sizeof *by_base);
  size_t *base_of = malloc((n + 1) * sizeof *base_of);
  CnkgStatus s = start && by_base && base_of ? CNKG_SUCCESS : CNKG_ERR_NOMEM;
  /* the groups of specific products by activity and the generic product
   * they narrow: by_base[start[b] ..], in order */
  for (size_t i = 0; i < n && !s; i++) {
    const Cand *y = &c->v[i];
    base_of[i] = SIZE_MAX;
    if (y->key != i || y->group == 's' || !y->entry->base) continue;
    if (!(s = group_key(&bases, y->group, y->entry->base, &base_of[i]))) start[base_of[i] + 1]++;
  }
  for (size_t g = 0; g < bases.n && !s; g++) start[g + 1] += start[g];
  for (size_t i = 0; i < n && !s; i++)
    if (base_of[i] != SIZE_MAX) by_base[start[base_of[i]]++] = i;
  for (size_t g = bases.n; g > 0 && !s; g--) start[g] = start[g - 1];
  if (!s) start[0] = 0;
  for (size_t i = 0; i < n && !s; i++) {
    const Cand *x = &c->v[i];
    if (x->key != i || x->group == 's') continue;
    size_t g, before = bases.n;
    if ((s = group_key(&bases, x->group, x->entry->word, &g)) || g >= before) continue;
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
  cnkg_strids_free(&bases);
  free(start);
  free(by_base);
  free(base_of);
  return s;
}

/* Candidates for the same product and activity form one industry; a
 * generic product (蜂) joins the one specific product (中蜂) it narrows to
 * when the document has exactly one. Each candidate joins the first
 * earlier group that takes it, found through maps from names and products
 * to the first group of each (not by comparing it with every group). */
static CnkgStatus group_cands(Cands *c) {
  size_t n = c->n;
  CnkgStrIds names = {0}, prods = {0};
  size_t *first_any = malloc((n + 1) * sizeof *first_any);     /* by name */
  size_t *first_sector = malloc((n + 1) * sizeof *first_sector);
  size_t *first_prod = malloc((n + 1) * sizeof *first_prod);   /* by group+product */
  size_t *merged_into = malloc((n + 1) * sizeof *merged_into);
  CnkgStatus s = first_any && first_sector && first_prod && merged_into ? CNKG_SUCCESS
                                                                        : CNKG_ERR_NOMEM;
  for (size_t i = 0; i <= n && !s; i++)
    first_any[i] = first_sector[i] = first_prod[i] = merged_into[i] = SIZE_MAX;
  for (size_t i = 0; i < n && !s; i++) {
    Cand *x = &c->v[i];
    size_t nid, pid = SIZE_MAX, j;
    s = cnkg_strids_add(&names, x->name, strlen(x->name), &nid);
    if (!s && x->group != 's') s = group_key(&prods, x->group, product_of(x), &pid);
    if (s) break;
    if (x->group == 's') {
      j = first_any[nid];
    } else {
      j = first_sector[nid];
      if (first_prod[pid] < j) j = first_prod[pid];
    }
    x->key = j == SIZE_MAX ? i : j;
    if (j != SIZE_MAX) continue;
    if (first_any[nid] == SIZE_MAX) first_any[nid] = i;
    if (x->group == 's' && first_sector[nid] == SIZE_MAX) first_sector[nid] = i;
    if (x->group != 's' && first_prod[pid] == SIZE_MAX) first_prod[pid] = i;
  }
  if (!s) s = join_generic(c, merged_into);
  for (size_t i = 0; i < n && !s; i++) {
    size_t k = c->v[i].key;
    while (merged_into[k] != SIZE_MAX) k = merged_into[k];
    c->v[i].key = k;
  }
  cnkg_strids_free(&names);
  cnkg_strids_free(&prods);
  free(first_any);
  free(first_sector);
  free(first_prod);
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
    bool xb = x->entry->bound, bb = b->entry->bound;
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
    r = cnkg_docstate_mention(st, ent, x->sentence, x->begin, x->end);
    if (r) return r;
  }
  /* Carriers named in the sentences first; only when none is, the place
   * the paragraph, section or document is about. */
  for (int pass = 0; pass < 2 && n_related == 0; pass++) {
    for (size_t m = 0; m < n_members; m++) {
      const Cand *x = &c->v[members[m]];
      size_t who[4];
      unsigned flags = CNKG_CARRY_ORGS | (pass ? CNKG_CARRY_FOCUS : 0u);
      size_t n = cnkg_lexicon_carriers(ix, x->sentence, x->begin, x->end,
                                       flags, who, 4);
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
  for (size_t si = 0; si < st->text->n_sentences && !r; si++)
    r = scan_sentence(&c, st, si);
  if (!r) r = group_cands(&c);
  if (!r) r = emit(st, &c);
  cands_free(&c);
  return r;
}
