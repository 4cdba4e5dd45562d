/* SPDX-License-Identifier: Apache-2.0
 * Figure finder (see figure.h). One pcre2 pattern finds number tokens
 * (numeral, multiplier, hedge, unit); the C code rejects what is not a
 * figure, computes the exact value on decimal digit strings, and takes the
 * indicator from the clause around the number: the phrase before it once
 * linking verbs and time words are stripped (贫困人口减少到2.16万人), or the
 * noun after a classifier (建立了33个党建联合体); that reading is in
 * figure_indicator.c. Depends on figure_int.h (figure.h, wordlist.h,
 * text.h) and pcre2. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cnkg/grow.h"
#include "extractor/figure_int.h"
#include "extractor/regex.h"

/* ---- units ------------------------------------------------------------ */

/* Order does not matter: the pattern lists them longest first. */
static const UnitDef unit_defs[] = {
  {"平方公里", "平方公里", UK_MEASURE}, {"平方千米", "平方公里", UK_MEASURE},
  {"平方米", "平方米", UK_MEASURE}, {"平米", "平方米", UK_MEASURE},
  {"立方米", "立方米", UK_MEASURE}, {"公顷", "公顷", UK_MEASURE},
  {"公里", "公里", UK_MEASURE}, {"千米", "公里", UK_MEASURE},
  {"千瓦时", "千瓦时", UK_MEASURE}, {"千瓦", "千瓦", UK_MEASURE},
  {"兆瓦", "兆瓦", UK_MEASURE}, {"公斤", "公斤", UK_MEASURE},
  {"千克", "公斤", UK_MEASURE}, {"人次", "人次", UK_MEASURE},
  {"个百分点", "个百分点", UK_MEASURE}, {"百分点", "个百分点", UK_MEASURE},
  {"人民币", "元", UK_MEASURE}, {"美元", "美元", UK_MEASURE},
  {"块钱", "元", UK_MEASURE}, {"元", "元", UK_MEASURE},
  {"人口", "人", UK_MEASURE}, {"人", "人", UK_MEASURE},
  {"户", "户", UK_MEASURE}, {"亩", "亩", UK_MEASURE},
  {"吨", "吨", UK_MEASURE}, {"斤", "斤", UK_MEASURE},
  {"米", "米", UK_MEASURE}, {"株", "株", UK_MEASURE},
  {"棵", "棵", UK_MEASURE}, {"笼", "笼", UK_MEASURE},
  {"%", "%", UK_MEASURE}, {"‰", "‰", UK_MEASURE},
  {"成", "%", UK_TENTH},
  {"名", "名", UK_COUNT}, {"位", "位", UK_COUNT}, {"头", "头", UK_COUNT},
  {"只", "只", UK_COUNT}, {"个", "个", UK_COUNT}, {"家", "家", UK_COUNT},
  {"条", "条", UK_COUNT}, {"本", "本", UK_COUNT}, {"项", "项", UK_COUNT},
  {"间", "间", UK_COUNT}, {"箱", "箱", UK_COUNT}, {"口", "口", UK_COUNT},
  {"笔", "笔", UK_COUNT}, {"套", "套", UK_COUNT}, {"座", "座", UK_COUNT},
  {"处", "处", UK_COUNT}, {"幢", "幢", UK_COUNT}, {"栋", "栋", UK_COUNT},
  {"组", "组", UK_COUNT}, {"所", "所", UK_COUNT}, {"台", "台", UK_COUNT},
  {"辆", "辆", UK_COUNT}, {"张", "张", UK_COUNT},
  {"件", "件", UK_COUNT}, {"尾", "尾", UK_COUNT}, {"羽", "羽", UK_COUNT},
  {"匹", "匹", UK_COUNT}, {"支", "支", UK_COUNT}, {"块", "块", UK_COUNT},
  /* durations, dates, times, ages, events, ordinal-like and multiples */
  {"个月", NULL, UK_REJECT}, {"个小时", NULL, UK_REJECT},
  {"个工作日", NULL, UK_REJECT}, {"小时", NULL, UK_REJECT},
  {"分钟", NULL, UK_REJECT}, {"年", NULL, UK_REJECT}, {"月", NULL, UK_REJECT},
  {"日", NULL, UK_REJECT}, {"号", NULL, UK_REJECT}, {"天", NULL, UK_REJECT},
  {"岁", NULL, UK_REJECT}, {"周", NULL, UK_REJECT}, {"时", NULL, UK_REJECT},
  {"点", NULL, UK_REJECT}, {"分", NULL, UK_REJECT}, {"秒", NULL, UK_REJECT},
  {"次", NULL, UK_REJECT}, {"场", NULL, UK_REJECT}, {"轮", NULL, UK_REJECT},
  {"遍", NULL, UK_REJECT}, {"趟", NULL, UK_REJECT}, {"回", NULL, UK_REJECT},
  {"届", NULL, UK_REJECT}, {"期", NULL, UK_REJECT}, {"批", NULL, UK_REJECT},
  {"倍", NULL, UK_REJECT}, {"番", NULL, UK_REJECT}, {"级", NULL, UK_REJECT},
  {"代", NULL, UK_REJECT}, {"层", NULL, UK_REJECT}, {"楼", NULL, UK_REJECT},
  {"季", NULL, UK_REJECT}, {"章", NULL, UK_REJECT}, {"节", NULL, UK_REJECT},
  {"篇", NULL, UK_REJECT}, {"种", NULL, UK_REJECT}, {"类", NULL, UK_REJECT},
  {"班", NULL, UK_REJECT}, {"世纪", NULL, UK_REJECT},
  /* copies of paperwork (规划5份, 合同6份, 资料3000份): the work done, not a
   * place's figure */
  {"份", NULL, UK_REJECT},
};
#define N_UNITS (sizeof unit_defs / sizeof unit_defs[0])

/* ---- patterns --------------------------------------------------------- */

/* Groups: 1 百分之, 2 Arabic digits, 3 their multiplier, 4 Chinese numeral,
 * 5 余/多 hedge, 6 multiplier after the hedge (19.2余万, 3千多万), 7 unit.
 * 千 before 瓦/米/克 is the unit's, not a multiplier. */
static const char number_head[] =
  "(百分之)?"
  "(?:([0-9]+(?:,[0-9]{3})*(?:\\.[0-9]+)?)((?:[十百千](?![瓦米克]))?[万亿]{0,2})"
  "|((?:[零〇一二两三四五六七八九十百万亿]|千(?![瓦米克]))+"
  "(?:点[零〇一二三四五六七八九]+[万亿]?)?))"
  "(余|多)?([万亿]{1,2})?(";
/* What a number token can start with (the head's first characters): the
 * pattern is tried only there (cnkg_re_first). */
static const char number_starts[] = "0123456789零〇一二两三四五六七八九十百千万亿";

/* A time word ending the text before a number: "由2012年的" -> "由". */
static const char time_tail_src[] =
  "(?:(?:[0-9]{4}|[〇零一二三四五六七八九]{4})年(?:[0-9]{1,2}月)?(?:[0-9]{1,2}日)?"
  "|[0-9]{1,2}月(?:[0-9]{1,2}日)?|今年|去年|前年|当年|同年|上半年|下半年|年内)"
  "(?:底|末|初|前|后|以来|时|建卡时|建档立卡时|上半年|下半年|年底|年末)*\\z";
/* A time phrase opening the text before a number. */
static const char time_head_src[] =
  "(?:截至|截止到|截止|到|至|自|从|在|于|经过)?"
  "(?:(?:[0-9]{4}|[〇零一二三四五六七八九]{4})年(?:[0-9]{1,2}月)?(?:[0-9]{1,2}日)?"
  "|[0-9]{1,2}月(?:[0-9]{1,2}日)?|今年|去年|前年|当年|同年|上半年|下半年|年内"
  "|目前|如今|现在|当前|近年来|近年|多年来|[一二两三四五六七八九十0-9]年(?:来|间|多来))"
  "(?:底|末|初|前|后|以来|来|时|期间|上半年|下半年|年底|年末)*";
/* A plan or goal before the number (not 截至2019年, a report date). */
static const char target_src[] =
  "力争|确保|计划|目标|预计|预期|拟|有望|将达|将实现|将建成|要实现|规划"
  "|(?<![截止])(?:到|至)(?:[0-9]{4}|[〇二][〇零一二三四五六七八九]{3})年";

/* ---- word lists --------------------------------------------------------- */

/* Nouns after a bare 万/亿 amount that say what it counts. */
static const char *const people_nouns[] = {
  "贫困人口", "人口", "群众", "农民", "村民", "居民", "牧民", "劳动力",
  "党员", "干部", "人", "游客", "学生", "职工", "工人", "农牧民", NULL};
static CnkgWordList people_nouns_list = CNKG_WORDLIST(people_nouns);
static const char *const household_nouns[] = {
  "贫困户", "农户", "户", "家庭", NULL};
static CnkgWordList household_nouns_list = CNKG_WORDLIST(household_nouns);
/* Money words near a bare amount: 资金1300万, 过亿的营收. */
static const char *const money_words[] = {
  "资金", "收入", "投资", "投入", "产值", "利润", "分红", "入股", "贷款",
  "资产", "经费", "营收", "销售额", "总额", "金额", "股金", "效益", "捐款",
  "补助", "补贴", "奖励", "营业额", "税收", "GDP", "财政", "拨付", "筹集",
  "募集", "融资", "价值", NULL};
static CnkgWordList money_words_list = CNKG_WORDLIST(money_words);

/* Words that start with a unit character but are not a unit: 九家庭, 三人员,
 * 两条件. Checked when longer than the unit the pattern took. */
static const char *const unit_blockers[] = {
  "家庭", "家里", "家人", "家乡", "家门", "家属", "家中", "家长", "家园",
  "户口", "户籍", "户主", "户外", "人员", "人民", "人才", "人家", "人们",
  "人士", "人物", "人生", "人心", "人工", "人大", "人社", "口气", "口号",
  "口径", "口袋", "头脑", "头等", "名单", "名义", "名字", "名称", "名额",
  "名牌", "位置", "位于", "条件", "条例", "间隙", "本身", "本地", "本村",
  "本人", "本着", "本土", "台湾", "米饭", "组织", "组长", "组成", "组建",
  "组团", "所以", "所有", "所在", "处理", "处于", "处置", "支持", "支部",
  "支援", "支出", "套餐", "项目", "只有", "只是", "只要", "只能", "成为",
  "成立", "成功", "成果", "成绩", "成本", "成效", "成员", "成熟", "成长",
  "成片", "元素", "元旦", "份额", "张贴", "件事", NULL};
static CnkgWordList unit_blockers_list = CNKG_WORDLIST(unit_blockers);

/* Characters before a lone 一 that make it part of a word (统一, 之一). */
static const char lone_one_prev[] = "统唯之万逐专初同单划归合另某任每第其";

/* ---- set-up ------------------------------------------------------------- */

static void seterr(char *err, size_t errsize, const char *msg) {
  if (err && errsize) snprintf(err, errsize, "%s", msg);
}

static pcre2_code *compile(const char *src, uint32_t flags, const char *what, char *err,
                           size_t errsize) {
  char name[32];
  snprintf(name, sizeof name, "figure %s", what);
  return cnkg_re_compile(src, flags, name, err, errsize, NULL);
}

static int by_length_desc(const void *a, const void *b) {
  size_t la = strlen(unit_defs[*(const size_t *)a].text);
  size_t lb = strlen(unit_defs[*(const size_t *)b].text);
  if (la != lb) return la > lb ? -1 : 1;
  return *(const size_t *)a < *(const size_t *)b ? -1 : 1;
}

/* The number pattern: the head, then every unit, longest first so that
 * 个百分点 wins over 个 and 平方米 over 米. */
static char *number_source(void) {
  size_t order[N_UNITS], len = sizeof number_head + 8;
  for (size_t i = 0; i < N_UNITS; i++) {
    order[i] = i;
    len += strlen(unit_defs[i].text) + 1;
  }
  qsort(order, N_UNITS, sizeof order[0], by_length_desc);
  char *src = malloc(len);
  if (!src) return NULL;
  size_t n = strlen(number_head);
  memcpy(src, number_head, n);
  for (size_t i = 0; i < N_UNITS; i++) {
    if (i) src[n++] = '|';
    size_t k = strlen(unit_defs[order[i]].text);
    memcpy(src + n, unit_defs[order[i]].text, k);
    n += k;
  }
  memcpy(src + n, ")?", 3);
  return src;
}

CnkgStatus cnkg_figure_new(CnkgFigureFinder **out, char *err, size_t errsize) {
  if (!out) return CNKG_ERR_ARG;
  *out = NULL;
  CnkgFigureFinder *f = calloc(1, sizeof *f);
  char *src = number_source();
  if (!f || !src) {
    free(f);
    free(src);
    seterr(err, errsize, "out of memory");
    return CNKG_ERR_NOMEM;
  }
  f->number = compile(src, PCRE2_ANCHORED, "number", err, errsize);
  free(src);
  cnkg_re_starts_set(&f->number_starts, number_starts);
  if (f->number) f->time_tail = compile(time_tail_src, 0, "time", err, errsize);
  if (f->time_tail) f->time_head = compile(time_head_src, 0, "time", err, errsize);
  if (f->time_head) f->target = compile(target_src, 0, "target", err, errsize);
  if (!f->target) {
    cnkg_figure_free(f);
    return CNKG_ERR_PATTERN;
  }
  f->mctx = cnkg_re_context();
  if (!f->mctx) {
    cnkg_figure_free(f);
    seterr(err, errsize, "out of memory");
    return CNKG_ERR_NOMEM;
  }
  *out = f;
  return CNKG_SUCCESS;
}

void cnkg_figure_free(CnkgFigureFinder *f) {
  if (!f) return;
  pcre2_code_free(f->number);
  pcre2_code_free(f->time_tail);
  pcre2_code_free(f->time_head);
  pcre2_code_free(f->target);
  pcre2_match_context_free(f->mctx);
  free(f);
}

void cnkg_figure_list_clear(CnkgFigureList *l) {
  if (!l) return;
  free(l->v);
  l->v = NULL;
  l->n = l->cap = 0;
}

/* ---- values ------------------------------------------------------------- */

/* A value under construction: digits d (no point) times 10^exp. */
typedef struct {
  char d[CNKG_FIGURE_VALUE_MAX];
  size_t n;
  int exp;
  bool overflow;
} Dec;

static void dec_digit(Dec *v, char c) {
  if (v->n + 1 >= sizeof v->d) {
    v->overflow = true;
    return;
  }
  v->d[v->n++] = c;
}

static void dec_u64(Dec *v, uint64_t x) {
  char tmp[24];
  int k = snprintf(tmp, sizeof tmp, "%llu", (unsigned long long)x);
  for (int i = 0; i < k; i++) dec_digit(v, tmp[i]);
}

/* Writes v as a plain decimal ("0.0003", "17000"); false if it does not
 * fit. */
static bool dec_format(const Dec *v, char *out, size_t cap) {
  if (v->overflow || v->n == 0 || cap < 2) return false;
  long point = (long)v->n + v->exp; /* digits before the point */
  char buf[2 * CNKG_FIGURE_VALUE_MAX + 4];
  size_t k = 0;
  if (point <= 0) {
    buf[k++] = '0';
    buf[k++] = '.';
    for (long i = point; i < 0; i++) {
      if (k + 2 >= sizeof buf) return false;
      buf[k++] = '0';
    }
    for (size_t i = 0; i < v->n; i++) {
      if (k + 2 >= sizeof buf) return false;
      buf[k++] = v->d[i];
    }
  } else {
    for (long i = 0; i < point; i++) {
      if (k + 2 >= sizeof buf) return false;
      buf[k++] = (size_t)i < v->n ? v->d[i] : '0';
    }
    if ((size_t)point < v->n) {
      buf[k++] = '.';
      for (size_t i = (size_t)point; i < v->n; i++) {
        if (k + 2 >= sizeof buf) return false;
        buf[k++] = v->d[i];
      }
    }
  }
  buf[k] = '\0';
  /* trailing zeros of a fraction, then leading zeros of the integer */
  if (memchr(buf, '.', k)) {
    while (k > 0 && buf[k - 1] == '0') buf[--k] = '\0';
    if (k > 0 && buf[k - 1] == '.') buf[--k] = '\0';
  }
  size_t lead = 0;
  while (lead + 1 < k && buf[lead] == '0' && buf[lead + 1] != '.') lead++;
  if (k - lead + 1 > cap) return false;
  memcpy(out, buf + lead, k - lead + 1);
  return true;
}

/* Value of a Chinese digit character, or -1. */
int figure_cn_digit(uint32_t c) {
  switch (c) {
  case 0x96F6: case 0x3007: return 0; /* 零 〇 */
  case 0x4E00: return 1;              /* 一 */
  case 0x4E8C: case 0x4E24: return 2; /* 二 两 */
  case 0x4E09: return 3;
  case 0x56DB: return 4;
  case 0x4E94: return 5;
  case 0x516D: return 6;
  case 0x4E03: return 7;
  case 0x516B: return 8;
  case 0x4E5D: return 9;
  default: return -1;
  }
}

/* Power of ten of a multiplier character, or 0. */
int figure_cn_power(uint32_t c) {
  switch (c) {
  case 0x5341: return 1; /* 十 */
  case 0x767E: return 2; /* 百 */
  case 0x5343: return 3; /* 千 */
  case 0x4E07: return 4; /* 万 */
  case 0x4EBF: return 8; /* 亿 */
  default: return 0;
  }
}

/* Integer value of a Chinese numeral without 点 (三百二十, 两万五千, 十五,
 * 二〇一八 digit by digit). False for what is not one number (三四, 十十). */
static bool cn_integer(const char *s, size_t len, uint64_t *out) {
  uint64_t total = 0, section = 0, num = 0;
  bool have_num = false, digits_only = true, prev_digit = false;
  bool prev_zero = false, any_zero = false;
  size_t n_digits = 0, i = 0;
  while (i < len) {
    uint32_t c = cnkg_utf8_next_valid(s, &i);
    int d = figure_cn_digit(c);
    if (d >= 0) {
      /* 一百零五: a digit may follow 零 */
      if (prev_digit && !digits_only && !prev_zero) return false;
      if (prev_digit && digits_only) {
        num = num * 10 + (uint64_t)d; /* 二〇一八: positional digits */
      } else {
        num = (uint64_t)d;
      }
      have_num = true;
      prev_digit = true;
      prev_zero = d == 0;
      any_zero = any_zero || d == 0;
      n_digits++;
      if (num > UINT64_MAX / 100) return false;
      continue;
    }
    int p = figure_cn_power(c);
    if (p == 0) return false;
    if (prev_digit && n_digits > 1 && digits_only) return false; /* 三四十 */
    digits_only = false;
    prev_digit = false;
    prev_zero = false;
    uint64_t m = have_num ? num : 1;
    if (p < 4) {
      uint64_t u = p == 1 ? 10 : p == 2 ? 100 : 1000;
      section += m * u;
    } else if (p == 4) {
      section += have_num ? num : 0;
      if (section == 0) section = 1;
      section *= 10000;
      total += section;
      section = 0;
    } else {
      uint64_t all = total + section + (have_num ? num : 0);
      if (all == 0) all = 1;
      if (all > UINT64_MAX / 100000000u) return false;
      total = all * 100000000u;
      section = 0;
    }
    num = 0;
    have_num = false;
  }
  /* 三四 is "three or four"; positional digits need a zero or three digits */
  if (digits_only && n_digits == 2 && !any_zero) return false;
  *out = total + section + (have_num ? num : 0);
  return true;
}

/* Power of ten of a run of multipliers (万, 亿, 千万, 十万); -1 if another
 * character is there. */
static int mult_power(const char *s, size_t len) {
  int p = 0;
  size_t i = 0;
  while (i < len) {
    int q = figure_cn_power(cnkg_utf8_next_valid(s, &i));
    if (q == 0) return -1;
    p += q;
  }
  return p;
}

/* Appends Arabic digits (commas skipped) to v; the point adjusts exp. */
static bool arabic_into(Dec *v, const char *s, size_t len) {
  bool point = false;
  for (size_t i = 0; i < len; i++) {
    if (s[i] == ',') continue;
    if (s[i] == '.') {
      if (point) return false;
      point = true;
      continue;
    }
    if (s[i] < '0' || s[i] > '9') return false;
    dec_digit(v, s[i]);
    if (point) v->exp--;
  }
  return v->n > 0;
}

/* Chinese numeral with optional 点 fraction and trailing 万/亿. */
static bool chinese_into(Dec *v, const char *s, size_t len) {
  const char *dot = NULL;
  for (size_t i = 0; i + 3 <= len; i++)
    if (memcmp(s + i, "点", 3) == 0) {
      dot = s + i;
      break;
    }
  if (!dot) {
    uint64_t x;
    if (!cn_integer(s, len, &x)) return false;
    dec_u64(v, x);
    return true;
  }
  uint64_t x;
  if (!cn_integer(s, (size_t)(dot - s), &x)) return false;
  dec_u64(v, x);
  size_t i = (size_t)(dot - s) + 3;
  while (i < len) {
    size_t at = i;
    uint32_t c = cnkg_utf8_next_valid(s, &i);
    int d = figure_cn_digit(c);
    if (d >= 0) {
      dec_digit(v, (char)('0' + d));
      v->exp--;
      continue;
    }
    int p = mult_power(s + at, len - at);
    if (p <= 0) return false;
    v->exp += p;
    break;
  }
  return true;
}

CnkgStatus cnkg_figure_value(CnkgStr numeral, char *out, size_t outsize) {
  if (!out || (!numeral.buf && numeral.len)) return CNKG_ERR_ARG;
  if (outsize) out[0] = '\0';
  const char *s = numeral.buf;
  size_t len = numeral.len;
  if (len == 0) return CNKG_NOTHING;
  Dec v = {0};
  size_t i = 0;
  if (s[0] >= '0' && s[0] <= '9') {
    while (i < len && ((s[i] >= '0' && s[i] <= '9') || s[i] == ',' || s[i] == '.'))
      i++;
    if (!arabic_into(&v, s, i)) return CNKG_NOTHING;
  } else {
    /* the Chinese numeral runs to a hedge (余/多) or the end */
    size_t j = 0;
    while (j < len) {
      size_t at = j;
      uint32_t c = cnkg_utf8_next_valid(s, &j);
      if (c == 0x4F59 || c == 0x591A) {
        j = at;
        break;
      }
    }
    if (!chinese_into(&v, s, j)) return CNKG_NOTHING;
    i = j;
  }
  /* multipliers, with one 余/多 allowed between them */
  bool hedge = false;
  while (i < len) {
    size_t at = i;
    uint32_t c = cnkg_utf8_next_valid(s, &i);
    if ((c == 0x4F59 || c == 0x591A) && !hedge) {
      hedge = true;
      continue;
    }
    int p = figure_cn_power(c);
    if (p == 0 || (p < 4 && at != 0 && hedge)) return CNKG_NOTHING;
    v.exp += p;
  }
  return dec_format(&v, out, outsize) ? CNKG_SUCCESS : CNKG_NOTHING;
}

/* ---- text helpers ------------------------------------------------------- */

static bool is_ascii_alpha(uint32_t c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

static bool is_cn_numeral(uint32_t c) {
  return figure_cn_digit(c) >= 0 || figure_cn_power(c) > 0;
}

static CnkgStatus push(CnkgFigureList *out, const CnkgFigure *fig) {
  if (CNKG_GROW(out->v, out->cap, out->n + 1, 8)) return CNKG_ERR_NOMEM;
  out->v[out->n++] = *fig;
  return CNKG_SUCCESS;
}

/* ---- the finder ---------------------------------------------------------- */

static const UnitDef *unit_of(const char *s, size_t b, size_t e) {
  for (size_t i = 0; i < N_UNITS; i++) {
    size_t n = strlen(unit_defs[i].text);
    if (n == e - b && memcmp(unit_defs[i].text, s + b, n) == 0)
      return &unit_defs[i];
  }
  return NULL;
}

static bool group(const PCRE2_SIZE *ov, int k, size_t *b, size_t *e) {
  if (ov[2 * k] == PCRE2_UNSET) return false;
  *b = ov[2 * k];
  *e = ov[2 * k + 1];
  return *e > *b;
}

static void read_token(const char *s, const PCRE2_SIZE *ov, Token *t) {
  size_t b, e;
  memset(t, 0, sizeof *t);
  t->b = ov[0];
  t->e = ov[1];
  t->percent_words = group(ov, 1, &b, &e);
  t->num_b = t->percent_words ? ov[3] : ov[0];
  t->num_e = t->e;
  if (group(ov, 3, &b, &e)) t->has_mult = true;
  if (group(ov, 4, &b, &e)) {
    t->chinese = true;
    t->cn_b = b;
    t->cn_e = e;
    /* a trailing multiplier inside the Chinese numeral counts too */
    if (memcmp(s + e - 3, "万", 3) == 0 || memcmp(s + e - 3, "亿", 3) == 0)
      t->has_mult = true;
  }
  if (group(ov, 5, &b, &e)) t->hedge = true;
  if (group(ov, 6, &b, &e)) t->has_mult = true;
  if (group(ov, 7, &b, &e)) {
    t->unit = unit_of(s, b, e);
    t->num_e = b;
  }
}

/* True if the Chinese numeral token is a word or a formula, not a count. */
static bool chinese_non_figure(const char *s, size_t len, const Token *t) {
  const char *cn = s + t->cn_b;
  size_t n = t->cn_e - t->cn_b;
  uint32_t before = figure_char_before(s, t->b);
  /* 几十, 数百, 上千, 好几: vague amounts */
  if (before == 0x51E0 || before == 0x6570 || before == 0x4E0A ||
      before == 0x597D)
    return true;
  if (before == 0x6210 && (figure_cn_power(figure_char_at(s, len, t->cn_b)) == 2 ||
                           figure_cn_power(figure_char_at(s, len, t->cn_b)) == 3))
    return true; /* 成百上千 */
  bool lone_mult = n == 3 && figure_cn_power(figure_char_at(cn, n, 0)) > 0;
  if (n >= 6) {
    size_t i = 0;
    bool all_mult = true;
    while (i < n)
      if (figure_cn_digit(cnkg_utf8_next_valid(cn, &i)) >= 0) all_mult = false;
    if (all_mult) return true; /* 亿万, 千万 */
  }
  if (lone_mult) {
    uint32_t c = figure_char_at(cn, n, 0);
    bool pushed = before == 0x8FC7 || before == 0x7834 || before == 0x8D85 ||
                  before == 0x903E || before == 0x8FD1; /* 过破超逾近 */
    if ((c == 0x4E07 || c == 0x4EBF) && !pushed && !t->hedge) return true;
    if ((c == 0x767E || c == 0x5343) &&
        (!t->unit || t->unit->kind != UK_MEASURE))
      return true;
  }
  if (n == 3 && memcmp(cn, "一", 3) == 0) {
    if (!t->unit) return true;
    /* 一亩地, 一名党员, 一个人: 一 is "per" or an article; a lone 一
     * counts only where the text sets it apart (新建拦水坝一处) */
    static const char *const ok_count[] = {"处", "幢", "栋", "座"};
    bool ok = false;
    for (size_t k = 0; k < 4 && !ok; k++)
      if (strcmp(t->unit->text, ok_count[k]) == 0) ok = true;
    if (!ok) return true;
    char prev[5] = {0};
    if (before) cnkg_utf8_encode(before, prev);
    if (before && strstr(lone_one_prev, prev)) return true;
  }
  /* 五个一批, 一户一策, 千家万户: a numeral right after the unit; “五本账”,
   * 四个不摘: a quoted or negated numbered phrase */
  uint32_t after = figure_char_at(s, len, t->e);
  if (is_cn_numeral(after) || after == 0x4E0D /* 不 */) return true;
  if (before == 0x201C || before == 0x2018) return true;
  return false;
}

/* Unit implied by the words around a bare 万/亿 amount. */
static const char *implied_unit(const char *s, size_t lb, size_t le,
                                size_t rb, size_t re) {
  /* the noun right after the number says what is counted: 4.2万贫困人口;
   * the first four characters, so a later noun does not count */
  size_t i = rb;
  for (int k = 0; k < 4 && i < re; k++, cnkg_utf8_next_valid(s, &i)) {
    if (cnkg_wordlist_at(&household_nouns_list, s, i, re)) return "户";
    if (cnkg_wordlist_at(&people_nouns_list, s, i, re)) return "人";
  }
  if (figure_contains_word(&money_words_list, s, lb, le) ||
      figure_contains_word(&money_words_list, s, rb, re))
    return "元";
  return NULL;
}

/* Whether token t is a bound in a noun phrase that another number counts:
 * 收入超10万元的嘎查村64个, 达到5万元以上的村303个. The amount compares
 * (a hedge before it or 以上/以下 after it) and the noun after it runs,
 * with no verb, into the next number. */
static bool threshold(const char *s, size_t len, const Token *t, const Stops *st) {
  static const char *const comparing[] = {"超", "超过", "达到", "达", "高于", "低于",
                                          "不低于", "不少于", "突破", NULL};
  static CnkgWordList comparing_list = CNKG_WORDLIST(comparing);
  bool hedged = false, de;
  size_t rb = figure_after_token(s, len, t->e, &hedged, &de);
  if (!hedged && !figure_tail_word(&comparing_list, s, 0, t->b)) return false;
  size_t re = figure_right_end(s, len, rb, st, 10);
  if (re == rb || re >= len ||
      !(figure_is_digit(figure_char_at(s, len, re)) || figure_cn_digit(figure_char_at(s, len, re)) > 0))
    return false;
  return !figure_contains_word(&figure_object_verbs_list, s, rb, re) &&
         !figure_contains_word(&figure_change_verbs_list, s, rb, re);
}

/* Whether token t is no figure: a code, date or time, a range, an
 * ordinal, arithmetic, a duration, a word that starts with a unit
 * character, a Chinese word or formula, a reduplicated classifier, a 成
 * that is no tenth, a bound (threshold). pos is where the search goes on;
 * *skip_until is moved past numbers that go with a rejected one. May drop
 * t's unit (3人员: a bare number). */
static bool not_a_figure(const char *s, size_t len, Token *t, const Stops *st, size_t pos,
                         size_t *skip_until) {
  uint32_t before = figure_char_before(s, t->b), after = figure_char_at(s, len, t->e);
  uint32_t before2 = t->b ? figure_char_before(s, figure_prev_char(s, t->b)) : 0;
  /* codes, dates, times: 5G, G20, 2019-03-08, 14.07.2016, 8:30 */
  if (is_ascii_alpha(before) || before == '.' || before == '_' ||
      ((before == '-' || before == '/' || before == ':' || before == '~') &&
       figure_is_digit(before2)))
    return true;
  if (!t->unit && (is_ascii_alpha(after) || after == '.' || after == '_'))
    return true;
  uint32_t after2 = 0;
  if (t->e < len) {
    size_t q = t->e;
    cnkg_utf8_next_valid(s, &q);
    after2 = figure_char_at(s, len, q);
  }
  /* ranges: 3-5万元, 20至30人, 三到五户: the value is not one number */
  if (!t->unit && (after == '-' || after == '~' || after == 0x2014 ||
                   after == 0xFF5E || after == 0x81F3 || after == 0x5230)) {
    if (figure_is_digit(after2) || is_cn_numeral(after2)) {
      *skip_until = pos + 8;
      return true;
    }
  }
  /* 1500斤到1800斤: a range with the unit on both ends, unless 从 or 由
   * makes it a change (从500人到800人) or 不等 the two ends of a spread
   * (海拔800米至2100米不等): two figures then */
  if (t->unit && (after == '-' || after == '~' || after == 0xFF5E || after == 0x81F3 ||
                  after == 0x5230) &&
      (figure_is_digit(after2) || is_cn_numeral(after2)) && before != 0x4ECE /* 从 */ &&
      before != 0x7531 /* 由 */) {
    bool spread = false;
    for (size_t q = t->e; q < len && q < t->e + 36 && !spread;) {
      if (figure_is_boundary(figure_char_at(s, len, q))) break;
      spread = cnkg_wordlist_word_at(s, q, len, "不等");
      cnkg_utf8_next_valid(s, &q);
    }
    if (!spread) {
      *skip_until = t->e + 4;
      return true;
    }
  }
  if ((after == '-' || after == '/' || after == ':') && figure_is_digit(after2))
    return true;
  if (before == 0x7B2C) return true; /* 第: ordinal */
  if (t->unit && t->unit->kind == UK_REJECT) return true;
  /* arithmetic: 0.5元×80=40元 */
  if (before == 0xD7 || before == '=' || before == '+' || before == '*' ||
      before == 0xF7 || after == 0xD7 || after == '=' || after == '+' ||
      after == '*' || after == 0xF7)
    return true;
  /* 3个多小时, 两个半月: a duration */
  if (t->unit && strcmp(t->unit->text, "个") == 0) {
    size_t q = t->e;
    if (cnkg_wordlist_word_at(s, q, len, "多") || cnkg_wordlist_word_at(s, q, len, "半"))
      q += 3;
    if (cnkg_wordlist_word_at(s, q, len, "小时") || cnkg_wordlist_word_at(s, q, len, "月") ||
        cnkg_wordlist_word_at(s, q, len, "星期") || cnkg_wordlist_word_at(s, q, len, "工作日"))
      return true;
  }
  if (t->unit) {
    size_t ub = t->e - strlen(t->unit->text);
    size_t bl = cnkg_wordlist_at(&unit_blockers_list, s, ub, len);
    if (bl > t->e - ub) {
      if (t->chinese) return true;
      t->unit = NULL; /* 3人员: a bare number, maybe with an implied unit */
      t->e = ub;
    }
  }
  if (t->chinese && chinese_non_figure(s, len, t)) {
    /* 一户一策: the numeral right after too; not a number after a closing
     * quote (“十四五”1200个重点项目) */
    if (is_cn_numeral(figure_char_at(s, len, t->e))) *skip_until = t->e + 4;
    return true;
  }
  /* 一个个: reduplicated classifier */
  if (t->unit) {
    size_t ul = strlen(t->unit->text);
    if (t->e + ul <= len && memcmp(s + t->e, t->unit->text, ul) == 0) return true;
  }
  /* 成 only as 六成, 九成以上: one Chinese digit, then not a verb word */
  if (t->unit && t->unit->kind == UK_TENTH &&
      (!t->chinese || t->cn_e - t->cn_b != 3))
    return true;
  if (t->unit && t->unit->kind == UK_TENTH) {
    static const char not_after[] = "为立功了绩本员果长熟型效就交都片套";
    char nx[5] = {0};
    if (after) cnkg_utf8_encode(after, nx);
    if (!after || strstr(not_after, nx) || figure_is_boundary(after)) {
      if (!cnkg_wordlist_word_at(s, t->e, len, "以上") &&
          !cnkg_wordlist_word_at(s, t->e, len, "左右"))
        return true;
    }
  }
  if (threshold(s, len, t, st)) return true;
  return false;
}

/* Fills fig from token t: its span, value and unit (an implied one from
 * the words around a bare amount, the text before it from floor_tok), and
 * whether it is a target (target_at: the first plan word). False if t is no
 * figure after all. */
static bool read_figure(const char *s, size_t len, const Token *t, const Stops *st,
                        size_t target_at, size_t floor_tok, CnkgFigure *fig) {
  memset(fig, 0, sizeof *fig);
  fig->begin = t->b;
  fig->end = t->e;
  fig->approximate = t->hedge;
  fig->target = target_at < t->b;
  /* the value */
  CnkgStr num = {s + t->num_b, t->num_e - t->num_b};
  if (cnkg_figure_value(num, fig->value, sizeof fig->value) != CNKG_SUCCESS)
    return false;
  if (t->unit && t->unit->kind == UK_TENTH) {
    Dec v = {0};
    size_t k = 0;
    for (; fig->value[k]; k++) dec_digit(&v, fig->value[k]);
    if (!dec_format(&v, fig->value, sizeof fig->value)) return false;
    size_t n = strlen(fig->value);
    if (n + 2 > sizeof fig->value) return false;
    fig->value[n] = '0';
    fig->value[n + 1] = '\0';
  }
  if (t->percent_words) {
    fig->unit = "%";
  } else if (t->unit) {
    fig->unit = t->unit->unit;
  } else {
    if (!t->has_mult) return false;
    /* the noun taken by the previous number may name this one's money:
     * 7个资产收益资金达900万 */
    size_t lb = figure_left_start(s, floor_tok, t->b, st, 20);
    bool hd, de;
    size_t rb = figure_after_token(s, len, t->e, &hd, &de);
    size_t re = figure_right_end(s, len, rb, st, 12);
    fig->unit = implied_unit(s, lb, t->b, rb, re);
    if (!fig->unit) return false;
    fig->implied_unit = true;
  }
  return true;
}

/* Settles fig's indicator within its run of figures and the previous
 * figure's: a run shares the phrase before its first figure (left_b,
 * left_e of each figure; *chain_b, *chain_e the run's), and the noun after
 * a pair names both (right_used: fig took the noun after it). */
static void chain_figure(const char *s, const Token *t, bool right_used, size_t left_b,
                         size_t left_e, size_t *chain_b, size_t *chain_e, CnkgFigure *fig,
                         CnkgFigureList *out) {
  const CnkgFigure *prev = out->n ? &out->v[out->n - 1] : NULL;
  /* 完成搬迁7个乡镇11个安置点621户: a run of figures shares the phrase
   * before its first one where a figure names nothing of its own */
  size_t pe = prev ? (prev->ind_end > prev->end ? prev->ind_end : prev->end) : 0;
  bool chained = prev && pe <= t->b &&
                 (pe == t->b || (t->b - pe == 3 && (cnkg_wordlist_word_at(s, pe, t->b, "、") ||
                                                    cnkg_wordlist_word_at(s, pe, t->b, "共"))));
  bool named = fig->ind_word || fig->ind_end > fig->ind_begin;
  if (!chained) {
    *chain_b = left_b, *chain_e = left_e;
  } else if (fig->ind_word && *chain_e > *chain_b) {
    /* decided after the sentence: a noun after a pair may name it */
    fig->run_begin = *chain_b;
    fig->run_end = *chain_e;
  } else if (!named) { /* 种植油松19.3亩、9400株; 28户种植松树共269.3亩 */
    if (*chain_e > *chain_b) fig->ind_begin = *chain_b, fig->ind_end = *chain_e;
    else fig->ind_word = prev->ind_word, fig->ind_begin = prev->ind_begin,
         fig->ind_end = prev->ind_end;
  }
  /* 384户1650名贫困人口: the noun after the pair names both */
  if (right_used && prev && (prev->ind_word || prev->ind_owner) &&
      figure_follows_directly(s, prev->end, t->b) && figure_carries_over(prev, fig->unit)) {
    out->v[out->n - 1].ind_owner = false;
    out->v[out->n - 1].ind_word = NULL;
    out->v[out->n - 1].ind_begin = fig->ind_begin;
    out->v[out->n - 1].ind_end = fig->ind_end;
  }
}

/* A figure that names only a default (户数) takes its run's phrase. */
static void apply_runs(CnkgFigureList *out) {
  for (size_t k = 0; k < out->n; k++) {
    CnkgFigure *x = &out->v[k];
    if (x->ind_word && x->run_end > x->run_begin) {
      x->ind_word = NULL;
      x->ind_begin = x->run_begin;
      x->ind_end = x->run_end;
    }
  }
}

CnkgStatus cnkg_figure_find(const CnkgFigureFinder *f, CnkgStr sentence,
                            const CnkgLacResult *lac,
                            const CnkgFigureStop *stops, size_t n_stops,
                            CnkgFigureList *out) {
  if (!f || !out || (!sentence.buf && sentence.len) || (n_stops && !stops))
    return CNKG_ERR_ARG;
  out->n = 0;
  const char *s = sentence.buf;
  size_t len = sentence.len;
  if (len == 0) return CNKG_SUCCESS;
  Stops st = {NULL, 0};
  pcre2_match_data *md = pcre2_match_data_create_from_pattern(f->number, NULL);
  pcre2_match_data *md2 = pcre2_match_data_create(2, NULL);
  if (!md || !md2) {
    pcre2_match_data_free(md);
    pcre2_match_data_free(md2);
    return CNKG_ERR_NOMEM;
  }
  CnkgStatus status = CNKG_SUCCESS;
  /* the stops and the first plan word, made once a number is found */
  bool started = false;
  size_t target_at = SIZE_MAX, tb;
  int rc;
  size_t pos = 0, floor = 0, floor_tok = 0, skip_until = 0, chain_b = 0, chain_e = 0;
  while (status == CNKG_SUCCESS && pos < len) {
    rc = cnkg_re_first(f->number, &f->number_starts, s, len, pos, md, f->mctx);
    if (rc == PCRE2_ERROR_NOMATCH) break;
    if (rc < 0) {
      status = CNKG_ERR_PATTERN;
      break;
    }
    if (!started) {
      started = true;
      if (figure_make_stops(s, stops, n_stops, lac, &st) != CNKG_SUCCESS) {
        status = CNKG_ERR_NOMEM;
        break;
      }
      int trc = figure_match_at(f, f->target, md2, s, len, 0, 0, &tb, NULL);
      if (trc < 0) {
        status = CNKG_ERR_PATTERN;
        break;
      }
      if (trc > 0) target_at = tb;
    }
    Token t;
    read_token(s, pcre2_get_ovector_pointer(md), &t);
    pos = t.e > t.b ? t.e : t.b + 1;
    if (t.b < skip_until) continue;
    if (not_a_figure(s, len, &t, &st, pos, &skip_until)) continue;
    CnkgFigure fig;
    if (!read_figure(s, len, &t, &st, target_at, floor_tok, &fig)) continue;
    const CnkgFigure *prev = out->n ? &out->v[out->n - 1] : NULL;
    bool hedged = fig.approximate, right_used;
    size_t left_b, left_e;
    if (figure_read_indicator(f, md2, s, len, &t, &st, prev,
                              fig.implied_unit ? floor_tok : floor, &fig, &hedged,
                              &right_used, &left_b, &left_e) < 0) {
      status = CNKG_ERR_PATTERN;
      break;
    }
    fig.approximate = hedged;
    chain_figure(s, &t, right_used, left_b, left_e, &chain_b, &chain_e, &fig, out);
    status = push(out, &fig);
    {
      bool h, de;
      floor = figure_after_token(s, len, t.e, &h, &de);
      /* 2个组112户: the noun taken after one number is not the next's */
      if (right_used && fig.ind_end > floor) floor = fig.ind_end;
      floor_tok = t.e;
    }
  }
  apply_runs(out);
  pcre2_match_data_free(md);
  pcre2_match_data_free(md2);
  free(st.v);
  return status;
}
