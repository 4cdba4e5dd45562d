/* SPDX-License-Identifier: Apache-2.0
 * Person recogniser: names from LAC PER spans repaired by rules (surnames,
 * name length, glued verbs and titles), from bylines and photo credits, and
 * from 、-lists; the posts they hold (title + place or organisation, from the
 * phrase around the name or the place the section is about); and
 * coreference inside the document (王书记, 老王 -> the one 王 named in full).
 * Runs after the place and organisation recognisers, whose spans it reads.
 * The posts themselves are found in post.c, and person_emit.c writes the
 * entities and relations. Depends on person_int.h, docstate.h, surname.h,
 * wordlist.h, text.h and regex.h (pcre2). */
#include "extractor/person_int.h"
#include "extractor/regex.h"
#include "extractor/surname.h"

enum { RE_REPORTER, RE_CREDIT, RE_WEN, RE_BOX, RE_PAREN, RE_HONORIFIC, RE_OLD, RE_COUNT };

struct CnkgPersonRecognizer {
  pcre2_code *re[RE_COUNT];
  pcre2_match_context *mctx;
};

/* ---- lexicons ---- */

/* Titles proper: a person holding one gets a title relation. */
static const char *const CORES[] = {
    "总书记", "第一书记", "副书记", "书记", "支书", "副主任", "主任", "副县长",
    "县长", "副市长", "市长", "副镇长", "镇长", "副乡长", "乡长", "副区长",
    "区长", "副旗长", "旗长", "副州长", "州长", "副省长", "省长", "村长",
    "副主席", "主席", "副部长", "部长", "副局长", "局长", "常委", "委员",
    "副队长", "队长", "队员", "小组长", "副组长", "组长", "站长", "所长",
    "校长", "院长", "会长", "理事长", "社长", "董事长", "总经理", "经理",
    "顾问", "技术员", "专干", "干事", "记者", "通讯员", "网格员", "文书",
    "会计", "专职副书记", "指导员", "特派员", "秘书长", "总统", "副总统", "总理",
    "副总理", "首相", "外长", "大使", "议长", "议员", "责任编辑", "责编", "编辑",
    "实习生", "摄影", "负责人", "法人", "助理", NULL};
CnkgWordList person_cores_list = CNKG_WORDLIST(CORES);

/* Roles: a person is placed by them but they are no post title. */
static const char *const ROLES[] = {
    "贫困户", "建档立卡贫困户", "脱贫户", "村民", "党员", "老党员", "无职党员",
    "农民党员", "农民", "牧民", "渔民", "群众", "贫困群众", "村医", "大户",
    "养殖大户", "种植大户", "能手", "致富能手", "致富带头人", "带头人",
    "老板", "老板娘", "大学生", "残疾人", "老人", "青年", "返乡青年",
    "创业青年", "企业家", "创始人", "技术能手", "乡贤", "户主", "选调生",
    "党员中心户", "五保户", "低保户", "妻子", "丈夫", "儿子", "女儿", "母亲",
    "父亲", "老伴", "爱人", "孙子", "孙女", "村干部", "干部", "支委", "成员", NULL};
CnkgWordList person_roles_list = CNKG_WORDLIST(ROLES);

/* Words that may stand before a title inside the title phrase. */
static const char *const MODIFIERS[] = {
    "第一", "驻村", "村", "镇", "乡", "县", "市", "省", "州", "旗", "区", "党",
    "党支部", "支部", "党总支", "总支", "党委", "党工委", "县委", "市委",
    "省委", "州委", "旗委", "区委", "镇委", "乡委", "村委", "组织部", "组织",
    "宣传部", "宣传", "统战部", "扶贫办", "人大", "常委会", "人大常委会",
    "政协", "纪委", "纪检委", "监委", "村委会", "居委会", "委员会", "两委",
    "工作队", "扶贫工作队", "驻村工作队", "科技", "扶贫", "妇联", "团委",
    "政府", "人民政府", "办公室", "党小组", "流动党员", "合作社",
    "专业合作社", "公司", "理事会", "监事会", "常务", "执行", "分管扶贫的",
    "技术", "养殖", "种植", "养牛", "养羊", "养猪", "养蜂", "致富", "中心",
    "服务中心", "小组", "党建", "帮扶", "工作", "专业", "农技", "畜牧",
    "脱贫攻坚", "领导小组", "指挥部", "特约", "办事处", "街道办事处", NULL};
CnkgWordList person_modifiers_list = CNKG_WORDLIST(MODIFIERS);

/* A verb or particle LAC sometimes glues to the end of a name. */
static const char *const GLUE2[] = {
    "决定", "表示", "告诉", "介绍", "认为", "带领", "说道", "笑着", "指出",
    "强调", "坦言", "感慨", "回忆", "鼓励", "挨家", "一家", "家里", "告诉记者",
    "同志", "书记", "主任", "老师", NULL};
static CnkgWordList glue2_list = CNKG_WORDLIST(GLUE2);
static const char GLUE1[] = "说讲称笑的了是在等也都就把被让向跟从将挨又";
/* Same, for two-character names only (张对 -> 张). */
static const char GLUE1S[] = "说讲称笑的了是在等也都就把被让向跟从将挨又对和与给还";

/* Honorifics that follow a bare surname (王书记, 刘老师). */
#define HONORIFICS                                                           \
  "书记|支书|主任|县长|镇长|乡长|村长|队长|组长|部长|局长|站长|所长|校长|老师" \
  "|师傅|经理|大姐|大哥|大爷|大妈|大叔|阿姨|大娘|老板|医生|总"


/* Clause-internal references to the place just talked about. */
const char *const person_anaphora[] = {"该村", "本村", "这个村", "全村",
                                       "该镇", "该乡", "该县", "全县", NULL};
static CnkgWordList anaphora_list = CNKG_WORDLIST(person_anaphora);

/* ---- construction ---- */

/* One name of a byline: Han characters, possibly with single spaces
 * between them (李 明). Several names are separated by spaces or 、. */
#define SP "[ \\x{3000}]"
#define NAMES "(\\p{Han}(?:" SP "?\\p{Han}){1,3}(?:(?:" SP "+|、)\\p{Han}(?:" SP "?\\p{Han}){1,3}){0,3})"

CnkgStatus cnkg_person_new(const CnkgDivision *division,
                           CnkgPersonRecognizer **out, char *err,
                           size_t errsize) {
  (void)division;
  if (!out) return CNKG_ERR_ARG;
  *out = NULL;
  CnkgPersonRecognizer *r = calloc(1, sizeof *r);
  if (!r) return CNKG_ERR_NOMEM;
  static const char *const pats[RE_COUNT] = {
      /* 本报记者 X / 记者 X / 通讯员 X as a line or before a full stop */
      "^[^\\n]{0,8}?(?:记者|通讯员|作者[:：]?)" SP "*" NAMES SP "*(?:报道)?$",
      /* X 摄 / X 摄影 */
      "(?:^|(?<=[\\s。）)，,：:]))" NAMES SP "*摄(?:影)?(?=$|[\\s。）)])",
      /* 文丨X, 文/X, 文｜X */
      "文" SP "*[丨|｜/／]" SP "*" NAMES "(?=$|[\\s。）)])",
      /* □ X */
      "[□■]" SP "*" NAMES SP "*$",
      /* (X) closing a paragraph, or after a dateline's 电/讯 (某地2月6日电
       * (记者 X Y)) */
      "(?|(?:^|(?<=[。！？”\\s]))[(（]" SP "*" NAMES SP "*[)）]" SP "*$"
      "|(?<=电|讯)" SP "*[(（]" SP "*(?:记者" SP "*)?(\\p{Han}{2,12}(?:、\\p{Han}{2,4}){0,3})" SP
      "*[)）])",
      /* 王书记, 刘老师 */
      "(\\p{Han})(?:" HONORIFICS ")",
      /* 老王, 小王 */
      "[老小](\\p{Han})(?!\\p{Han}{0,1}(?:村|镇|乡|县|庄|屯|家|组))",
  };
  for (int k = 0; k < RE_COUNT; k++) {
    r->re[k] = cnkg_re_compile(pats[k], PCRE2_MULTILINE, "person", err, errsize, NULL);
    if (!r->re[k]) {
      cnkg_person_free(r);
      return CNKG_ERR_PATTERN;
    }
  }
  r->mctx = cnkg_re_context();
  if (!r->mctx) {
    cnkg_person_free(r);
    return CNKG_ERR_NOMEM;
  }
  *out = r;
  return CNKG_SUCCESS;
}

void cnkg_person_free(CnkgPersonRecognizer *r) {
  if (!r) return;
  for (int k = 0; k < RE_COUNT; k++) pcre2_code_free(r->re[k]);
  pcre2_match_context_free(r->mctx);
  free(r);
}

/* ---- UTF-8 and word-list helpers ---- */

size_t person_prev_char(const char *s, size_t pos) {
  if (pos == 0) return 0;
  size_t p = pos - 1;
  while (p > 0 && ((unsigned char)s[p] & 0xC0) == 0x80) p--;
  return p;
}

uint32_t person_cp_at(const char *s, size_t len, size_t pos) {
  if (pos >= len) return 0;
  size_t i = pos;
  return cnkg_utf8_next(s, len, &i);
}

static bool all_han(const char *s, size_t len) {
  if (len == 0) return false;
  for (size_t i = 0; i < len;)
    if (!cnkg_is_han(cnkg_utf8_next(s, len, &i))) return false;
  return true;
}

/* s without spaces; caller owns the result. */
static char *squeeze(const char *s, size_t len) {
  char *o = malloc(len + 1);
  if (!o) return NULL;
  size_t n = 0;
  for (size_t i = 0; i < len;) {
    size_t b = i;
    uint32_t cp = cnkg_utf8_next(s, len, &i);
    if (cp == ' ' || cp == 0x3000 || cp == '\t' || cp == 0xA0) continue;
    memcpy(o + n, s + b, i - b);
    n += i - b;
  }
  o[n] = '\0';
  return o;
}

/* ---- name checks ---- */

/* True when name (no spaces) reads as a person's full name. lac says the
 * analyser tagged it PER, which lets longer names without a listed
 * surname (transliterated and minority names) through. */
static bool name_ok(const char *name, size_t len, bool lac) {
  if (!all_han(name, len) || strstr(name, "丨")) return false;
  size_t chars = cnkg_utf8_count(name, len);
  size_t sn = cnkg_surname_prefix(name, len);
  if (chars < 2 || chars > 8) return false;
  if (cnkg_wordlist_has(&person_cores_list, name, len) ||
      cnkg_wordlist_has(&person_roles_list, name, len) ||
      cnkg_wordlist_has(&person_modifiers_list, name, len))
    return false;
  /* 宜林则林, 说干就干: X则X is a parallel phrase, not a name */
  if (chars == 3 && len == 9 && memcmp(name, name + 6, CNKG_HAN_BYTES) == 0 &&
      cnkg_utf8_char_in("则而就又对", name, CNKG_HAN_BYTES, len))
    return false;
  if (sn && sn < len) {
    /* 王叔叔, 李奶奶: a surname and a kinship word address someone */
    static const char *const KIN[] = {"叔叔", "阿姨", "奶奶", "爷爷", "伯伯", "婶婶", "大爷",
                                      "大妈", "大娘", "大叔", "大婶", "大哥", "大姐", "哥哥",
                                      "姐姐", "嫂子", "妹妹", "弟弟", "阿婆", "婆婆", NULL};
    static CnkgWordList kin_list = CNKG_WORDLIST(KIN);
    if (cnkg_wordlist_has(&kin_list, name + sn, len - sn)) return false;
    size_t given = cnkg_utf8_count(name + sn, len - sn);
    if (given <= 2) return true;
    return lac && given <= 3;
  }
  /* no listed surname: a transliterated or minority name (克林顿); the
   * caller takes it only where a name is expected */
  return lac && chars >= 3 && !sn;
}

/* ---- the document's spans (places and organisations) ---- */

static int sp_cmp(const void *a, const void *b) {
  const Sp *x = a, *y = b;
  if (x->begin != y->begin) return x->begin < y->begin ? -1 : 1;
  if (x->end != y->end) return x->end > y->end ? -1 : 1;
  return 0;
}

/* ---- mentions found ---- */

static size_t pos_slot(const MentionList *l, size_t begin) {
  size_t mask = l->n_slots - 1;
  size_t j = (size_t)((uint64_t)begin * 0x9E3779B97F4A7C15ull >> 17) & mask;
  while (l->slots[j] != SIZE_MAX && l->v[l->slots[j]].begin != begin) j = (j + 1) & mask;
  return j;
}

/* The newest mention starting at byte begin, or SIZE_MAX; then
 * MentionList.same_begin for the older ones. */
static size_t newest_at(const MentionList *l, size_t begin) {
  return l->n_slots ? l->slots[pos_slot(l, begin)] : SIZE_MAX;
}

static CnkgStatus index_begin(MentionList *l, size_t k) {
  l->same_begin[k] = SIZE_MAX;
  if (l->v[k].begin == SIZE_MAX) return CNKG_SUCCESS;
  if ((l->n_used + 1) * 2 > l->n_slots) {
    size_t size = l->n_slots ? l->n_slots * 2 : 64;
    size_t *old = l->slots, old_size = l->n_slots;
    l->slots = malloc(size * sizeof *l->slots);
    if (!l->slots) {
      l->slots = old;
      return CNKG_ERR_NOMEM;
    }
    l->n_slots = size;
    for (size_t j = 0; j < size; j++) l->slots[j] = SIZE_MAX;
    for (size_t j = 0; j < old_size; j++)
      if (old[j] != SIZE_MAX) l->slots[pos_slot(l, l->v[old[j]].begin)] = old[j];
    free(old);
  }
  size_t j = pos_slot(l, l->v[k].begin);
  if (l->slots[j] == SIZE_MAX) l->n_used++;
  l->same_begin[k] = l->slots[j];
  l->slots[j] = k;
  return CNKG_SUCCESS;
}

static void mentions_free(MentionList *l) {
  for (size_t k = 0; k < l->n; k++) free(l->v[k].name);
  free(l->v);
  free(l->head);
  free(l->same_begin);
  free(l->slots);
}

static CnkgStatus mention_add(Ctx *c, char *name, size_t b, size_t e,
                              size_t sentence, bool ref, bool reporter,
                              bool byline) {
  MentionList *l = &c->m;
  if (l->n == l->cap) {
    size_t cap = l->cap ? l->cap * 2 : 32;
    Mention *n = realloc(l->v, cap * sizeof *n);
    if (n) l->v = n;
    size_t *head = n ? realloc(l->head, cap * sizeof *head) : NULL;
    if (head) l->head = head;
    size_t *same = head ? realloc(l->same_begin, cap * sizeof *same) : NULL;
    if (!same) {
      free(name);
      return CNKG_ERR_NOMEM;
    }
    l->same_begin = same;
    l->cap = cap;
  }
  size_t k = l->n++;
  l->v[k] = (Mention){name, b, e, sentence, k, ref, reporter, byline};
  l->head[k] = k;
  if (b != SIZE_MAX)
    for (size_t i = b; i < e; i++) c->covered[i >> 3] |= (unsigned char)(1u << (i & 7));
  return index_begin(l, k);
}

/* The first mention of the 、-list mention k belongs to. */
size_t person_group_of(const Ctx *c, size_t k) { return c->m.head[c->m.v[k].list]; }

/* First index into sp whose span begins at or after pos. */
size_t person_sp_from(const Ctx *c, size_t pos) {
  size_t lo = 0, hi = c->nsp;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (c->sp[mid].begin < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/* First index into sp of a span that may end at or after pos. */
size_t person_sp_reaching(const Ctx *c, size_t pos) {
  return person_sp_from(c, pos > c->sp_longest ? pos - c->sp_longest : 0);
}

static bool overlaps_span(const Ctx *c, size_t b, size_t e) {
  for (size_t k = person_sp_reaching(c, b); k < c->nsp; k++) {
    if (c->sp[k].begin >= e) break;
    if (c->sp[k].end > b) return true;
  }
  return false;
}

bool person_covered_by_mention(const Ctx *c, size_t b, size_t e) {
  for (size_t i = b; i < e && i < c->len; i++)
    if (c->covered[i >> 3] & (1u << (i & 7))) return true;
  return false;
}

size_t person_sentence_of(const Ctx *c, size_t pos) {
  return cnkg_docstate_sentence_at(c->st, pos);
}

static const char *const AFTER_NAME[] = {"介绍", "说", "表示", "告诉", "指出", "认为",
                                         "担任", "笑", "、", NULL};
static CnkgWordList after_name_list = CNKG_WORDLIST(AFTER_NAME);
static bool name_slot_before(const Ctx *c, size_t b);

/* Words that make the name-shaped word before them the name of a region,
 * a shore or a route built from place abbreviations (京津地区, 某湖之滨,
 * 京沪高铁, 沪昆高速), or of a body of thought (…新时代…思想): no person
 * stands there. */
static const char *const AFTER_THING[] = {
    "地区", "一带", "流域", "沿线", "沿岸", "海域", "之滨", "之畔", "岸边", "两岸",
    "高速", "高铁", "铁路", "公路", "城际", "快速路", "大桥", "隧道", "机场", "航线",
    "干线", "运河", "新时代", NULL};
static CnkgWordList after_thing_list = CNKG_WORDLIST(AFTER_THING);

/* Words of the genre that begin with a surname character and have a
 * name's length: herds and flocks (牛群, 羊群), orchards (林果), and 曾任
 * ("formerly served as") before a post. */
static const char *const NOUNS[] = {"牛群", "羊群", "马群", "猪群", "鸡群", "鸭群", "鹅群",
                                    "鱼群", "蜂群", "鸟群", "驼群", "鹿群", "林果", "林下",
                                    "林草", "林区", "曾任", NULL};
static CnkgWordList nouns_list = CNKG_WORDLIST(NOUNS);

/* A name without a listed surname (a transliterated or minority name) is
 * taken only where a name is expected: after a title or role, before a
 * verb of saying, or in a list. */
static bool name_slot(const Ctx *c, size_t b, size_t e) {
  if (cnkg_wordlist_at(&after_name_list, c->s, e, c->len) > 0) return true;
  if (cnkg_wordlist_before(&person_cores_list, c->s, 0, b) || cnkg_wordlist_before(&person_roles_list, c->s, 0, b))
    return true;
  /* in a list only after a person (甲、乙产业 lists other things) */
  return cnkg_wordlist_word_before(c->s, 0, b, "、") && b >= 4 && person_covered_by_mention(c, b - 4, b - CNKG_HAN_BYTES);
}

/* Adds a full-name mention of s[b, e) (spaces allowed inside) unless the
 * range is taken. */
static CnkgStatus add_full(Ctx *c, size_t b, size_t e, bool lac, bool reporter,
                           bool byline) {
  if (person_covered_by_mention(c, b, e)) return CNKG_SUCCESS;
  /* 连战连胜: the first half of an ABAC phrase is no name */
  if (!byline && e + CNKG_HAN_BYTES <= c->len && e - b == 6 && memcmp(c->s + b, c->s + e, CNKG_HAN_BYTES) == 0)
    return CNKG_SUCCESS;
  if (!byline && (cnkg_wordlist_at(&after_thing_list, c->s, e, c->len) > 0 ||
                  cnkg_wordlist_has(&nouns_list, c->s + b, e - b)))
    return CNKG_SUCCESS;
  /* 甲旗, 王县: two characters ending in a level suffix abbreviate a place */
  if (!byline && e - b == 2 * CNKG_HAN_BYTES &&
      cnkg_utf8_char_in("旗县乡镇", c->s, b + CNKG_HAN_BYTES, e))
    return CNKG_SUCCESS;
  /* 平塘 where the document names 平塘镇: the place without its suffix */
  size_t id;
  if (!byline && cnkg_intern_find(&c->place_bases, c->s + b, e - b, &id) == CNKG_SUCCESS)
    return CNKG_SUCCESS;
  char *name = squeeze(c->s + b, e - b);
  if (!name) return CNKG_ERR_NOMEM;
  if (!name_ok(name, strlen(name), lac || byline) || (!byline && overlaps_span(c, b, e)) ||
      (!byline && !cnkg_surname_prefix(name, strlen(name)) && !name_slot(c, b, e))) {
    free(name);
    return CNKG_SUCCESS;
  }
  return mention_add(c, name, b, e, person_sentence_of(c, b), false, reporter, byline);
}

static CnkgStatus add_ref(Ctx *c, size_t b, size_t e) {
  if (person_covered_by_mention(c, b, e) || overlaps_span(c, b, e)) return CNKG_SUCCESS;
  char *name = cnkg_strndup(c->s + b, e - b);
  if (!name) return CNKG_ERR_NOMEM;
  return mention_add(c, name, b, e, person_sentence_of(c, b), true, false, false);
}

static bool name_slot_before(const Ctx *c, size_t b) {
  return cnkg_wordlist_before(&person_cores_list, c->s, 0, b) ||
         cnkg_wordlist_before(&person_roles_list, c->s, 0, b) ||
         cnkg_wordlist_word_before(c->s, 0, b, "、");
}

/* ---- names from the analyser ---- */

/* Repairs the PER word s[*b, *e): trims punctuation, a title glued in front
 * and a verb or particle glued behind or inside (张鼓励龙 -> 张). Returns 2
 * for a full name, 1 for a bare surname, 0 for nothing usable. */
static int repair(const char *s, size_t *b, size_t *e) {
  size_t lb = *b, le = *e;
  while (lb < le && !cnkg_is_han(person_cp_at(s, le, lb))) {
    size_t i = lb;
    cnkg_utf8_next(s, le, &i);
    lb = i;
  }
  /* Only the first run of Han characters: 林书记、郑 -> 林书记. */
  for (size_t i = lb; i < le;) {
    size_t k = i;
    if (!cnkg_is_han(cnkg_utf8_next(s, le, &i))) {
      le = k;
      break;
    }
  }
  if (le <= lb) return 0;
  size_t t = cnkg_wordlist_at(&person_cores_list, s, lb, le);
  if (!t) t = cnkg_wordlist_at(&person_roles_list, s, lb, le);
  if (t && t < le - lb && cnkg_surname_prefix(s + lb + t, le - lb - t)) lb += t;
  size_t sn = cnkg_surname_prefix(s + lb, le - lb);
  if (sn) {
    /* a glued word anywhere after the surname ends the name */
    for (size_t q = lb + sn; q < le;) {
      if (cnkg_wordlist_at(&glue2_list, s, q, le)) {
        le = q;
        break;
      }
      cnkg_utf8_next(s, le, &q);
    }
    size_t chars = cnkg_utf8_count(s + lb, le - lb);
    size_t last = person_prev_char(s, le);
    if (chars == 3 && sn == CNKG_HAN_BYTES && cnkg_utf8_char_in(GLUE1, s, last, le)) le = last;
    else if (chars == 2 && sn == CNKG_HAN_BYTES && cnkg_utf8_char_in(GLUE1S, s, last, le)) le = last;
  }
  *b = lb;
  *e = le;
  if (cnkg_surname_is(s + lb, le - lb)) return 1;
  return 2;
}

static bool tag_is(const CnkgLacWord *w, const char *t) {
  return w->tag && strcmp(w->tag, t) == 0;
}

bool person_is_comma(const char *s, size_t len, size_t pos) {
  return cnkg_wordlist_word_at(s, pos, len, ",") ||
         cnkg_wordlist_word_at(s, pos, len, "，");
}

/* A word the analyser did not tag as a person but which has a name's
 * shape, in a place only a name fits: right after a title, role or
 * kinship word (妻子X), or a three-character one set off as 的X, / “X,. */
static bool name_in_context(const Ctx *c, size_t sb, size_t b, size_t e) {
  size_t len = e - b;
  if (!all_han(c->s + b, len) || !cnkg_surname_full_name(c->s + b, len)) return false;
  if (cnkg_wordlist_has(&person_cores_list, c->s + b, len) ||
      cnkg_wordlist_has(&person_roles_list, c->s + b, len) ||
      cnkg_wordlist_has(&person_modifiers_list, c->s + b, len))
    return false;
  size_t chars = cnkg_utf8_count(c->s + b, len);
  if (cnkg_wordlist_before(&person_cores_list, c->s, sb, b) ||
      cnkg_wordlist_before(&person_roles_list, c->s, sb, b))
    return true;
  if (chars != 3 || cnkg_surname_prefix(c->s + b, len) != 3) return false;
  bool before = b == sb || cnkg_wordlist_word_before(c->s, sb, b, "的") ||
                cnkg_wordlist_word_before(c->s, sb, b, "“");
  return before && person_is_comma(c->s, c->len, e);
}

static const char *const SPEECH[] = {"介绍", "说", "表示", "告诉", "指出", "认为",
                                     "坦言", "感慨", NULL};
static CnkgWordList speech_list = CNKG_WORDLIST(SPEECH);

static CnkgStatus from_lac(Ctx *c) {
  if (!c->st->lac) return CNKG_SUCCESS;
  const CnkgText *t = c->st->text;
  for (size_t si = 0; si < t->n_sentences; si++) {
    const CnkgLacResult *lr = &c->st->lac[si];
    size_t base = t->sentences[si].begin;
    for (size_t wi = 0; wi < lr->n_words; wi++) {
      const CnkgLacWord *w = &lr->words[wi];
      size_t b = base + w->begin, e = base + w->end;
      CnkgStatus s = CNKG_SUCCESS;
      if (!tag_is(w, "PER") && !tag_is(w, "nr")) {
        if (tag_is(w, "nz") || tag_is(w, "ORG") || tag_is(w, "nt")) {
          /* words may carry punctuation: “王某, */
          while (b < e && !cnkg_is_han(person_cp_at(c->s, e, b))) cnkg_utf8_next(c->s, e, &b);
          while (e > b && !cnkg_is_han(person_cp_at(c->s, e, person_prev_char(c->s, e)))) e = person_prev_char(c->s, e);
          if (e > b && name_in_context(c, base, b, e))
            s = add_full(c, b, e, true, false, false);
        }
        if (s) return s;
        continue;
      }
      /* 马/PER 阿依/m 介绍/v: a longer name the analyser cut in two */
      if (wi + 2 < lr->n_words && cnkg_utf8_count(c->s + b, e - b) == 2 &&
          cnkg_surname_prefix(c->s + b, e - b) == CNKG_HAN_BYTES) {
        const CnkgLacWord *n1 = &lr->words[wi + 1], *n2 = &lr->words[wi + 2];
        size_t n1b = base + n1->begin, n1e = base + n1->end;
        size_t n2b = base + n2->begin, n2e = base + n2->end;
        if (n1b == e && cnkg_utf8_count(c->s + n1b, n1e - n1b) == 2 &&
            all_han(c->s + n1b, n1e - n1b) &&
            (tag_is(n1, "m") || tag_is(n1, "n") || tag_is(n1, "nz")) &&
            cnkg_wordlist_has(&speech_list, c->s + n2b, n2e - n2b) &&
            !cnkg_wordlist_at(&glue2_list, c->s, n1b, n1e))
          e = n1e;
      }
      int kind = repair(c->s, &b, &e);
      if (kind == 2) s = add_full(c, b, e, true, false, false);
      else if (kind == 1) s = add_ref(c, b, e);
      if (s) return s;
    }
  }
  return CNKG_SUCCESS;
}

/* Without the analyser (--fast): a name right after a title or role,
 * of the length that ends at a word boundary (punctuation, a verb of
 * saying, a particle). */
static CnkgStatus from_rules(Ctx *c) {
  if (c->st->lac) return CNKG_SUCCESS;
  static const char *const NEXT[] = {"说", "表示", "介绍", "告诉", "指出", "认为", "担任",
                                     "是", "在", "带领", "和", "、", "等", "的", "也",
                                     "已", "今年", "去年", "正", "就", "还", "把", "对",
                                     "到", "来到", "深入", "一直", "通过", NULL};
  static CnkgWordList next_list = CNKG_WORDLIST(NEXT);
  for (size_t pos = 0; pos < c->len;) {
    size_t tl = cnkg_wordlist_at(&person_cores_list, c->s, pos, c->len);
    if (!tl) tl = cnkg_wordlist_at(&person_roles_list, c->s, pos, c->len);
    if (!tl) {
      cnkg_utf8_next(c->s, c->len, &pos);
      continue;
    }
    size_t b = pos + tl;
    pos = b;
    size_t sn = cnkg_surname_prefix(c->s + b, c->len - b);
    if (!sn) continue;
    for (size_t given = 2; given >= 1; given--) {
      size_t e = b + sn, k = 0;
      while (k < given && e < c->len && cnkg_is_han(person_cp_at(c->s, c->len, e))) {
        cnkg_utf8_next(c->s, c->len, &e);
        k++;
      }
      if (k != given) continue;
      bool glued = false;
      for (size_t q = b + sn; q < e; cnkg_utf8_next(c->s, c->len, &q))
        glued |= cnkg_utf8_char_in(GLUE1S, c->s, q, c->len) || cnkg_utf8_char_in("户请书者员", c->s, q, c->len);
      if (glued) continue;
      bool boundary = e >= c->len || !cnkg_is_han(person_cp_at(c->s, c->len, e)) ||
                      cnkg_wordlist_at(&next_list, c->s, e, c->len);
      if (!boundary) continue;
      CnkgStatus st = add_full(c, b, e, false, false, false);
      if (st) return st;
      pos = e;
      break;
    }
  }
  return CNKG_SUCCESS;
}

/* Calls add for the id (in ids) of each distinct proper substring of the
 * name w[0, len) that starts and ends on a character boundary. Names are
 * at most 8 characters (name_ok), so that is at most 35 look-ups. */
static CnkgStatus proper_substrings(const CnkgIntern *ids, const char *w, size_t len,
                                    size_t *out, size_t *n_out, size_t max) {
  size_t bounds[40], nb = 0;
  for (size_t i = 0; i < len && nb < 39;) {
    bounds[nb++] = i;
    cnkg_utf8_next(w, len, &i);
  }
  bounds[nb++] = len;
  *n_out = 0;
  for (size_t i = 0; i + 1 < nb; i++)
    for (size_t j = i + 1; j < nb; j++) {
      if (i == 0 && j == nb - 1) continue;
      size_t id;
      if (cnkg_intern_find(ids, w + bounds[i], bounds[j] - bounds[i], &id)) continue;
      bool seen = false;
      for (size_t q = 0; q < *n_out && !seen; q++) seen = out[q] == id;
      if (!seen && *n_out < max) out[(*n_out)++] = id;
    }
  return CNKG_SUCCESS;
}

/* Short names that are part of a longer one (斯图 of a four-character
 * name) folded into it: a mention takes the name of the first mention (in
 * the order found) whose name, as it stands then, is a longer name of four
 * characters or more containing its own. Instead of comparing all pairs,
 * each name is found through the substrings of the longer names: for a
 * mention k, the first such mention before k (firsts[], kept as names are
 * folded) or else the first after k (later[], by the names found). */
static CnkgStatus fold_short_names(Ctx *c, size_t n0) {
  CnkgIntern ids = {0};
  size_t *name_id = malloc((n0 + 1) * sizeof *name_id);
  CnkgStatus s = name_id ? CNKG_SUCCESS : CNKG_ERR_NOMEM;
  for (size_t k = 0; k < n0 && !s; k++) {
    name_id[k] = SIZE_MAX;
    if (!c->m.v[k].ref) s = cnkg_intern_add(&ids, c->m.v[k].name, strlen(c->m.v[k].name), &name_id[k]);
  }
  size_t nid = cnkg_intern_count(&ids);
  size_t *start = s ? NULL : calloc(nid + 2, sizeof *start); /* later[] by name */
  size_t *firsts = s ? NULL : malloc((nid + 1) * sizeof *firsts);
  size_t *later = NULL, *fill = NULL;
  if (!s && (!start || !firsts)) s = CNKG_ERR_NOMEM;
  size_t sub[40], nsub;
  /* later[start[x] .. start[x + 1]): the mentions whose name, as found,
   * is a longer name of four characters or more containing name x, in
   * order (two passes: count, then fill). */
  for (int pass = 0; pass < 2 && !s; pass++) {
    for (size_t j = 0; j < n0 && !s; j++) {
      const char *w = c->m.v[j].name;
      size_t wl = strlen(w);
      if (c->m.v[j].ref || cnkg_utf8_count(w, wl) < 4) continue;
      s = proper_substrings(&ids, w, wl, sub, &nsub, 40);
      for (size_t q = 0; q < nsub && !s; q++) {
        if (pass == 0) start[sub[q] + 1]++;
        else later[fill[sub[q]]++] = j;
      }
    }
    if (pass == 0 && !s) {
      for (size_t x = 0; x < nid; x++) start[x + 1] += start[x];
      later = malloc((start[nid] + 1) * sizeof *later);
      fill = malloc((nid + 1) * sizeof *fill);
      if (!later || !fill) s = CNKG_ERR_NOMEM;
      else memcpy(fill, start, nid * sizeof *fill);
    }
  }
  for (size_t x = 0; x < nid && !s; x++) firsts[x] = SIZE_MAX;
  for (size_t k = 0; k < n0 && !s; k++) {
    Mention *m = &c->m.v[k];
    if (m->ref) continue;
    size_t x = name_id[k], pick = firsts[x];
    /* start[x] is advanced past the mentions up to k as k grows */
    while (pick == SIZE_MAX && start[x] < fill[x] && later[start[x]] <= k) start[x]++;
    if (pick == SIZE_MAX && start[x] < fill[x]) pick = later[start[x]];
    if (pick != SIZE_MAX) {
      char *longer = cnkg_strndup(c->m.v[pick].name, strlen(c->m.v[pick].name));
      if (!longer) {
        s = CNKG_ERR_NOMEM;
        break;
      }
      free(m->name);
      m->name = longer;
    }
    size_t ml = strlen(m->name);
    if (cnkg_utf8_count(m->name, ml) < 4) continue;
    s = proper_substrings(&ids, m->name, ml, sub, &nsub, 40);
    for (size_t q = 0; q < nsub; q++)
      if (firsts[sub[q]] == SIZE_MAX) firsts[sub[q]] = k;
  }
  cnkg_intern_free(&ids);
  free(name_id);
  free(start);
  free(firsts);
  free(later);
  free(fill);
  return s;
}

/* Every other occurrence of a name found once (names of three characters
 * or more, where a stray match is unlikely): for each name in the order
 * first found, its occurrences left to right that do not overlap the one
 * before, each unless another mention or a place or organisation holds
 * it. The text is scanned once for all names (each position looked up
 * through a hash of the next few bytes), and the hits are then taken name
 * by name in that order. */
static CnkgStatus repeat_names(Ctx *c, size_t n0) {
  CnkgIntern names = {0};
  size_t longest = 0;
  CnkgStatus s = CNKG_SUCCESS;
  for (size_t k = 0; k < n0 && !s; k++) {
    const char *name = c->m.v[k].name;
    size_t nl = strlen(name), id;
    if (c->m.v[k].ref || cnkg_utf8_count(name, nl) < 3) continue;
    s = cnkg_intern_add(&names, name, nl, &id);
    if (nl > longest) longest = nl;
  }
  size_t nn = cnkg_intern_count(&names);
  if (s || nn == 0) {
    cnkg_intern_free(&names);
    return s;
  }
  bool *is_len = calloc(longest + 1, sizeof *is_len);
  size_t *next_ok = calloc(nn, sizeof *next_ok);
  size_t *count = calloc(nn + 1, sizeof *count);
  size_t *hit_id = NULL, *hit_pos = NULL, n_hits = 0, cap_hits = 0;
  if (!is_len || !next_ok || !count) s = CNKG_ERR_NOMEM;
  for (size_t id = 0; id < nn && !s; id++) is_len[strlen(cnkg_intern_key(&names, id, NULL))] = true;
  /* strstr stops at a NUL; so does the scan */
  const char *nul = memchr(c->s, '\0', c->len);
  size_t end = nul ? (size_t)(nul - c->s) : c->len;
  for (size_t p = 0; p < end && !s; p = cnkg_re_step(c->s, end, p)) {
    uint64_t h = CNKG_INTERN_SEED;
    for (size_t q = p; q < end && q - p < longest; q++) {
      h = cnkg_intern_hash(h, c->s + q, 1);
      size_t l = q + 1 - p;
      if (!is_len[l] || (q + 1 < end && ((unsigned char)c->s[q + 1] & 0xC0u) == 0x80u))
        continue;
      size_t id;
      if (cnkg_intern_find_hashed(&names, c->s + p, l, h, &id) || p < next_ok[id]) continue;
      next_ok[id] = p + l;
      if (n_hits == cap_hits) {
        size_t cap = cap_hits ? cap_hits * 2 : 64;
        size_t *a = realloc(hit_id, cap * sizeof *a);
        if (a) hit_id = a;
        size_t *b = a ? realloc(hit_pos, cap * sizeof *b) : NULL;
        if (!b) {
          s = CNKG_ERR_NOMEM;
          break;
        }
        hit_pos = b;
        cap_hits = cap;
      }
      hit_id[n_hits] = id;
      hit_pos[n_hits++] = p;
      count[id + 1]++;
    }
  }
  /* the hits by name (counting sort keeps each name's in text order) */
  size_t *order = s ? NULL : malloc((n_hits + 1) * sizeof *order);
  if (!s && !order) s = CNKG_ERR_NOMEM;
  if (!s) {
    for (size_t id = 0; id < nn; id++) count[id + 1] += count[id];
    for (size_t h = 0; h < n_hits; h++) order[count[hit_id[h]]++] = h;
  }
  for (size_t k = 0; k < n_hits && !s; k++) {
    size_t b = hit_pos[order[k]], nl;
    const char *name = cnkg_intern_key(&names, hit_id[order[k]], &nl);
    if (person_covered_by_mention(c, b, b + nl) || overlaps_span(c, b, b + nl)) continue;
    char *copy = cnkg_strndup(name, nl);
    if (!copy) s = CNKG_ERR_NOMEM;
    else s = mention_add(c, copy, b, b + nl, person_sentence_of(c, b), false, false, false);
  }
  free(order);
  free(hit_id);
  free(hit_pos);
  free(count);
  free(next_ok);
  free(is_len);
  cnkg_intern_free(&names);
  return s;
}

static CnkgStatus from_repeats(Ctx *c) {
  size_t n0 = c->m.n;
  CnkgStatus s = fold_short_names(c, n0);
  return s ? s : repeat_names(c, n0);
}

/* ---- names from bylines and credits ---- */

/* Splits the byline names in s[b, e) and adds each. Single characters
 * separated by spaces are one name (李 明); longer runs are several. */
static CnkgStatus add_names(Ctx *c, size_t b, size_t e, bool reporter) {
  size_t tok_b[8], tok_e[8], nt = 0;
  bool all_single = true;
  size_t i = b;
  while (i < e && nt < 8) {
    while (i < e) {
      uint32_t cp = person_cp_at(c->s, e, i);
      if (cnkg_is_han(cp) && cp != 0x3001) break;
      cnkg_utf8_next(c->s, e, &i);
    }
    if (i >= e) break;
    size_t tb = i;
    while (i < e && cnkg_is_han(person_cp_at(c->s, e, i)) && person_cp_at(c->s, e, i) != 0x3001)
      cnkg_utf8_next(c->s, e, &i);
    tok_b[nt] = tb;
    tok_e[nt] = i;
    if (cnkg_utf8_count(c->s + tb, i - tb) > 1) all_single = false;
    nt++;
  }
  if (nt == 0) return CNKG_SUCCESS;
  if (nt == 1) {
    /* (王明龙 张平 丁兰): names the original set apart by spaces, which the
     * normalised text dropped; the offsets still show where */
    const CnkgText *t = c->st->text;
    size_t edge[9] = {tok_b[0]}, n_edges = 1; /* where each name begins */
    for (size_t q = tok_b[0]; q < tok_e[0] && n_edges < 8;) {
      size_t at = q;
      cnkg_utf8_next(c->s, tok_e[0], &q);
      if (at > tok_b[0] && t->map && t->map_end && t->map[at] > t->map_end[at - 1])
        edge[n_edges++] = at;
    }
    edge[n_edges] = tok_e[0];
    bool ok = n_edges > 1;
    for (size_t k = 0; k < n_edges && ok; k++) {
      size_t n = cnkg_utf8_count(c->s + edge[k], edge[k + 1] - edge[k]);
      ok = n >= 2 && n <= 4;
    }
    for (size_t k = 0; k < n_edges && ok; k++) {
      CnkgStatus s = add_full(c, edge[k], edge[k + 1], false, reporter, true);
      if (s) return s;
    }
    if (ok) return CNKG_SUCCESS;
    /* (林伟李小红): two names run together once spaces were dropped */
    size_t chars = cnkg_utf8_count(c->s + tok_b[0], tok_e[0] - tok_b[0]);
    if (chars >= 5 && chars <= 6) {
      for (size_t q = tok_b[0] + 6; q + 6 <= tok_e[0]; q += CNKG_HAN_BYTES) {
        if (cnkg_surname_full_name(c->s + tok_b[0], q - tok_b[0]) &&
            cnkg_surname_full_name(c->s + q, tok_e[0] - q)) {
          CnkgStatus s = add_full(c, tok_b[0], q, false, reporter, true);
          if (!s) s = add_full(c, q, tok_e[0], false, reporter, true);
          return s;
        }
      }
    }
  }
  if (all_single || (nt == 2 && cnkg_surname_is(c->s + tok_b[0], tok_e[0] - tok_b[0]) &&
                     cnkg_utf8_count(c->s + tok_b[1], tok_e[1] - tok_b[1]) <= 2 &&
                     !cnkg_surname_full_name(c->s + tok_b[1], tok_e[1] - tok_b[1])))
    return add_full(c, tok_b[0], tok_e[nt - 1], false, reporter, true);
  for (size_t k = 0; k < nt; k++) {
    CnkgStatus s = add_full(c, tok_b[k], tok_e[k], false, reporter, true);
    if (s) return s;
  }
  return CNKG_SUCCESS;
}

static CnkgStatus from_bylines(Ctx *c) {
  pcre2_match_data *md = pcre2_match_data_create(4, NULL);
  if (!md) return CNKG_ERR_NOMEM;
  CnkgStatus status = CNKG_SUCCESS;
  for (int k = RE_REPORTER; k <= RE_PAREN && !status; k++) {
    size_t pos = 0;
    while (!status && cnkg_re_next(c->r->re[k], c->s, c->len, &pos, md, c->r->mctx) >= 2) {
      PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
      size_t b = ov[2], e = ov[3];
      /* A reporter's name closes its line; inside prose (记者了解到) the
       * analyser decides. */
      if (k == RE_REPORTER) {
        /* 本报记者 X 摄: the credit word is no part of the name (the
         * normalised text has lost the space before it) */
        if (e >= b + 9 && cnkg_wordlist_word_before(c->s, b, e, "摄影")) e -= 6;
        else if (e >= b + 9 && cnkg_wordlist_word_before(c->s, b, e, "摄")) e -= CNKG_HAN_BYTES;
        char *sq = squeeze(c->s + b, e - b);
        if (!sq) { status = CNKG_ERR_NOMEM; break; }
        size_t n = strlen(sq);
        bool ok = cnkg_utf8_count(sq, n) <= 3 || strchr(sq, ' ') == NULL;
        free(sq);
        if (!ok) continue;
      }
      status = add_names(c, b, e, k == RE_REPORTER);
    }
  }
  pcre2_match_data_free(md);
  return status;
}

static CnkgStatus from_metadata_one(Ctx *c, const char *list, bool reporter) {
  if (!list) return CNKG_SUCCESS;
  size_t len = strlen(list);
  size_t i = 0;
  while (i < len) {
    size_t b = i;
    while (i < len && !cnkg_wordlist_word_at(list, i, len, "、") &&
           !cnkg_wordlist_word_at(list, i, len, ",") &&
           !cnkg_wordlist_word_at(list, i, len, "，"))
      i++;
    size_t e = i;
    if (i < len) i += cnkg_wordlist_word_at(list, i, len, ",") ? 1 : CNKG_HAN_BYTES;
    char *name = squeeze(list + b, e - b);
    if (!name) return CNKG_ERR_NOMEM;
    size_t n = strlen(name);
    if (!c->known_made) {
      /* the names of the full mentions so far, then those added here */
      for (size_t k = 0; k < c->m.n; k++) {
        size_t id;
        if (c->m.v[k].ref) continue;
        CnkgStatus s = cnkg_intern_add(&c->known, c->m.v[k].name, strlen(c->m.v[k].name), &id);
        if (s) {
          free(name);
          return s;
        }
      }
      c->known_made = true;
    }
    size_t id;
    bool known = !cnkg_intern_find(&c->known, name, n, &id);
    if (known || !name_ok(name, n, true) || !cnkg_surname_prefix(name, n)) {
      free(name);
      continue;
    }
    CnkgStatus s = cnkg_intern_add(&c->known, name, n, &id);
    if (s) {
      free(name);
      return s;
    }
    s = mention_add(c, name, SIZE_MAX, SIZE_MAX, SIZE_MAX, false, reporter, true);
    if (s) return s;
  }
  return CNKG_SUCCESS;
}

/* ---- 、-lists ---- */

/* Extends lists around known names: 周某、令狐某等 adds 令狐某. */
static CnkgStatus from_lists(Ctx *c) {
  size_t n0 = c->m.n;
  for (size_t k = 0; k < n0; k++) {
    if (c->m.v[k].ref || c->m.v[k].begin == SIZE_MAX) continue;
    size_t list = c->m.v[k].list;
    size_t pos = c->m.v[k].end;
    /* forwards */
    for (int step = 0; step < 8; step++) {
      if (!cnkg_wordlist_word_at(c->s, pos, c->len, "、") &&
          !cnkg_wordlist_word_at(c->s, pos, c->len, "和"))
        break;
      size_t nb = pos + CNKG_HAN_BYTES, ne = nb, chars = 0;
      /* the last mention found there (newest first) */
      size_t known = newest_at(&c->m, nb);
      while (known != SIZE_MAX && c->m.v[known].ref) known = c->m.same_begin[known];
      if (known != SIZE_MAX) {
        c->m.v[known].list = list;
        pos = c->m.v[known].end;
        continue;
      }
      while (ne < c->len && chars < 5 && cnkg_is_han(person_cp_at(c->s, c->len, ne)) &&
             !cnkg_wordlist_word_at(c->s, ne, c->len, "、") &&
             !cnkg_wordlist_word_at(c->s, ne, c->len, "等")) {
        cnkg_utf8_next(c->s, c->len, &ne);
        chars++;
      }
      /* A following name of another kind (a place, a title) ends the list. */
      size_t nl = ne - nb;
      char *name = cnkg_strndup(c->s + nb, nl);
      if (!name) return CNKG_ERR_NOMEM;
      bool ok = nl && name_ok(name, nl, false) && !overlaps_span(c, nb, ne) &&
                (ne >= c->len || !cnkg_is_han(person_cp_at(c->s, c->len, ne)) ||
                 cnkg_wordlist_word_at(c->s, ne, c->len, "、") ||
                 cnkg_wordlist_word_at(c->s, ne, c->len, "等"));
      if (!ok) {
        free(name);
        break;
      }
      size_t found = newest_at(&c->m, nb);
      while (found != SIZE_MAX && c->m.v[found].end != ne) found = c->m.same_begin[found];
      if (found == SIZE_MAX) {
        CnkgStatus s = mention_add(c, name, nb, ne, person_sentence_of(c, nb), false, false, false);
        if (s) return s;
        found = c->m.n - 1;
      } else {
        free(name);
      }
      c->m.v[found].list = list;
      pos = ne;
    }
  }
  return CNKG_SUCCESS;
}

/* Extends lists backwards: 该村叶某、倪某等 adds 叶某 when 倪某 is known. */
static CnkgStatus lists_backwards(Ctx *c) {
  for (size_t k = 0; k < c->m.n; k++) {
    Mention *m = &c->m.v[k];
    if (m->ref || m->begin == SIZE_MAX || person_group_of(c, k) != k) continue;
    size_t pos = m->begin;
    if (!cnkg_wordlist_word_before(c->s, 0, pos, "、")) continue;
    pos -= CNKG_HAN_BYTES;
    if (person_covered_by_mention(c, person_prev_char(c->s, pos), pos)) continue;
    size_t best = SIZE_MAX;
    static const size_t tries[] = {3, 4, 2};
    for (size_t t = 0; t < 3 && best == SIZE_MAX; t++) {
      size_t chars = tries[t], b = pos, got = 0;
      while (got < chars && b > 0 && cnkg_is_han(person_cp_at(c->s, c->len, person_prev_char(c->s, b)))) {
        b = person_prev_char(c->s, b);
        got++;
      }
      if (got != chars) continue;
      size_t sn = cnkg_surname_prefix(c->s + b, pos - b);
      if (!sn || (chars == 4 && sn == CNKG_HAN_BYTES) || overlaps_span(c, b, pos) ||
          person_covered_by_mention(c, b, pos))
        continue;
      /* the name must start where a word starts */
      bool bound = b == 0 || !cnkg_is_han(person_cp_at(c->s, c->len, person_prev_char(c->s, b))) ||
                   cnkg_wordlist_before(&anaphora_list, c->s, 0, b) ||
                   name_slot_before(c, b) ||
                   cnkg_wordlist_word_before(c->s, 0, b, "的") ||
                   cnkg_wordlist_word_before(c->s, 0, b, "在");
      for (size_t q = person_sp_reaching(c, b); q < c->nsp && c->sp[q].begin <= b && !bound; q++)
        bound = c->sp[q].end == b;
      if (!bound) continue;
      char *name = cnkg_strndup(c->s + b, pos - b);
      if (!name) return CNKG_ERR_NOMEM;
      bool ok = name_ok(name, pos - b, false);
      free(name);
      if (ok) best = b;
    }
    if (best == SIZE_MAX) continue;
    char *name = cnkg_strndup(c->s + best, pos - best);
    if (!name) return CNKG_ERR_NOMEM;
    CnkgStatus s = mention_add(c, name, best, pos, person_sentence_of(c, best), false, false, false);
    if (s) return s;
    /* the list now starts at the new mention */
    size_t ng = c->m.n - 1;
    c->m.head[c->m.v[k].list] = ng;
    c->m.v[ng].list = c->m.v[k].list;
  }
  return CNKG_SUCCESS;
}

/* ---- references: 王书记, 老王, 彭 ---- */

static CnkgStatus from_refs(Ctx *c) {
  pcre2_match_data *md = pcre2_match_data_create(4, NULL);
  if (!md) return CNKG_ERR_NOMEM;
  CnkgStatus status = CNKG_SUCCESS;
  for (int k = RE_HONORIFIC; k <= RE_OLD && !status; k++) {
    size_t pos = 0;
    while (pos < c->len && !status) {
      int rc = pcre2_match(c->r->re[k], (PCRE2_SPTR)c->s, c->len, pos, PCRE2_NO_UTF_CHECK, md, c->r->mctx);
      if (rc < 2) break;
      PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
      size_t b = ov[2], e = ov[3];
      pos = ov[3];
      if (!cnkg_surname_is(c->s + b, e - b)) continue;
      size_t start = k == RE_OLD ? ov[0] : b;
      if (k == RE_OLD && start > 0) {
        size_t p = person_prev_char(c->s, start);
        if (cnkg_is_han(person_cp_at(c->s, c->len, p)) &&
            !cnkg_utf8_char_in("和、与及给对向找跟是的说问让叫请被", c->s, p, c->len))
          continue;
      }
      /* Only where the surname starts a word: not 第一书记's 一, 副主任's 副. */
      if (k == RE_HONORIFIC && b > 0) {
        size_t p = person_prev_char(c->s, b);
        if (cnkg_is_han(person_cp_at(c->s, c->len, p)) &&
            !cnkg_utf8_char_in("和、与及给对向找跟是的说问让叫请被", c->s, p, c->len))
          continue;
      }
      status = add_ref(c, b, e);
    }
  }
  pcre2_match_data_free(md);
  return status;
}

CnkgStatus cnkg_person_run(const CnkgPersonRecognizer *r, CnkgDocState *st) {
  if (!r || !st || !st->text) return CNKG_ERR_ARG;
  Ctx c;
  memset(&c, 0, sizeof c);
  c.r = r;
  c.st = st;
  c.s = st->text->norm;
  c.len = st->text->norm_len;
  c.sp = malloc((st->n_spans ? st->n_spans : 1) * sizeof *c.sp);
  if (!c.sp) return CNKG_ERR_NOMEM;
  for (size_t k = 0; k < st->n_spans; k++) {
    const CnkgSpan *x = &st->spans[k];
    if (cnkg_type_is_place(x->type) || x->type == CNKG_TYPE_ORGANIZATION)
      c.sp[c.nsp++] = (Sp){x->begin, x->end, x->entity, x->type};
  }
  if (c.nsp) qsort(c.sp, c.nsp, sizeof *c.sp, sp_cmp);
  CnkgStatus s = CNKG_SUCCESS;
  for (size_t k = 0; k < c.nsp; k++) {
    if (c.sp[k].end - c.sp[k].begin > c.sp_longest) c.sp_longest = c.sp[k].end - c.sp[k].begin;
    c.n_of_type[c.sp[k].type]++;
  }
  for (int t = 0; t < CNKG_TYPE_COUNT && !s; t++) {
    c.sp_of_type[t] = malloc((c.n_of_type[t] + 1) * sizeof *c.sp_of_type[t]);
    if (!c.sp_of_type[t]) s = CNKG_ERR_NOMEM;
    c.n_of_type[t] = 0;
  }
  for (size_t k = 0; k < c.nsp && !s; k++) c.sp_of_type[c.sp[k].type][c.n_of_type[c.sp[k].type]++] = k;
  for (size_t k = 0; k < c.nsp && !s; k++) {
    if (!cnkg_type_is_place(c.sp[k].type)) continue;
    size_t len = c.sp[k].end - c.sp[k].begin;
    size_t bl = cnkg_place_base_len(c.s + c.sp[k].begin, len);
    if (bl < len && cnkg_utf8_count(c.s + c.sp[k].begin, bl) >= 2)
      s = cnkg_intern_add(&c.place_bases, c.s + c.sp[k].begin, bl, &(size_t){0});
  }
  if (!s) s = post_prepare(&c);
  c.covered = s ? NULL : calloc(c.len / 8 + 1, 1);
  if (!c.covered) s = CNKG_ERR_NOMEM;
  if (!s) s = from_bylines(&c);
  if (!s) s = from_lac(&c);
  if (!s) s = from_rules(&c);
  if (!s) s = from_lists(&c);
  if (!s) s = lists_backwards(&c);
  if (!s) s = from_repeats(&c);
  if (!s) s = from_metadata_one(&c, st->text->author, false);
  if (!s) s = from_metadata_one(&c, st->text->photographer, false);
  if (!s) s = from_refs(&c);
  if (!s) s = person_emit_all(&c);
  mentions_free(&c.m);
  cnkg_intern_free(&c.known);
  cnkg_intern_free(&c.place_bases);
  for (int t = 0; t < CNKG_TYPE_COUNT; t++) free(c.sp_of_type[t]);
  free(c.covered);
  free(c.sp);
  return s;
}
