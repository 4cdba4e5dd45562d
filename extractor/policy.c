/* SPDX-License-Identifier: Apache-2.0
 * Policy recogniser: quoted names of methods and campaigns (“三单制”), numbered
 * formulas (四个不摘, 1+1+N), quoted slogans of parallel phrases and ratios
 * (“产业兴、生态美”, “3:3:4”), national schemes from the word list (易地扶贫搬迁),
 * unquoted X工程/X行动/X制度 names, names with a method head that a verb
 * introduces (实施对口帮扶, 坚持党建引领), 一县一策 formulas and 《…实施意见》
 * document titles; the expansion the text gives
 * (“摘帽不摘责任、…”的“四个不摘”) becomes an alias. Each is related to the
 * place or party organisation that applies it. Depends on lexicon.h
 * (and the wordlist.h lookups it brings), docstate.h and pcre2. */
#include "extractor/recognizers.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cnkg/grow.h"
#include "cnkg/intern.h"
#include "cnkg/text.h"
#include "extractor/lexicon.h"
#include "extractor/regex.h"

struct CnkgPolicyRecognizer {
  pcre2_code *numbered;   /* 四个不摘, 两学一做, 一达标,两不愁,三保障 */
  pcre2_code *formula;    /* 1+1+N, 3558, 党支部+合作社+贫困户 */
  pcre2_match_context *mctx;
};

/* A numbered formula: one to five parts, each a number word, an optional
 * measure word and one to four characters. */
static const char numbered_src[] =
  "^(?:[一二两三四五六七八九十百千双多][个项大条级本]?\\p{Han}{1,4}[、,]?){1,5}$";
/* Digits joined by + (or the spaces scraping left in their place), or
 * short Han terms joined by +. */
static const char formula_src[] =
  "^(?:[0-9]+(?:\\s*\\+\\s*[0-9A-Za-z]+|\\s+[0-9]+)*(?:\\p{Han}{0,8})"
  "|\\p{Han}{1,10}(?:[+ ]\\p{Han}{1,10}){1,5})$";

/* Words after a closing quote that say the quoted text names a method,
 * scheme or campaign. Those marked name-forming also join the name. */
typedef struct {
  const char *word;
  bool joins;
} Suffix;

static const Suffix suffixes[] = {
  {"模式", false}, {"机制", false}, {"制度", true}, {"制", true},
  {"工程", true}, {"行动", false}, {"活动", false}, {"工作法", true},
  {"改革", true}, {"建设", true}, {"培训", true}, {"计划", true},
  {"战略", false}, {"要求", false}, {"方针", false}, {"政策", false},
  {"体系", true}, {"标准", false}, {"办法", false}, {"发展思路", false},
  {"发展战略", false}, {"思路", false}, {"理念", false}, {"管理", true},
  {"共建", true}, {"抓扶贫", true}, {"精准扶贫", true}, {"扶贫", true},
  {"工作机制", false}, {"创建", true}, {"学习教育", true}, {"党建", true},
  {"服务", false}, {"作战", true}, {"式", true}, {"联动", true},
  {"试点", false}, {"品牌", false}, {"APP", true}, {"平台", false},
};

/* Endings that make a quoted phrase a scheme by itself. */
static const char *const own_endings[] = {
  "制", "模式", "工程", "行动", "活动", "工作法", "机制", "扶贫", "脱贫",
  "计划", "党日", "夜校", "工坊", "培训", "改革", "建设", "共建", "帮扶",
  "搬迁", "贷款", "讲堂", "夜话", "整治", "联审", "备案", "推进", "创建",
  "一批", "清单", "到户", "联户", "作战", "合一", "兴村", "回归", NULL};
static CnkgWordList own_endings_list = CNKG_WORDLIST(own_endings);

/* Verbs before an opening quote that introduce a method. */
static const char *const intro_verbs[] = {
  "实施", "推行", "推广", "开展", "启动", "采取", "采用", "创新", "探索",
  "打造", "建立", "实行", "落实", "推进", "创建", "深化", "完善", "举办",
  "组织", "通过", "以", "按照", "进行", NULL};
static CnkgWordList intro_verbs_list = CNKG_WORDLIST(intro_verbs);

/* Quoted numbered phrases that are not methods. */
static const char *const not_methods[] = {
  "一把手", "两委", "三农", "一线", "一家人", "一条心", "一盘棋", "两个",
  "一分钱", "十九大", "一带一路", "一揽子", "一号工程", "一站式",
  "一条龙", "一对一", NULL};
static CnkgWordList not_methods_list = CNKG_WORDLIST(not_methods);

/* Unquoted endings of scheme names, and what stops the name on the left. */
static const char *const name_endings[] = {
  "工程", "行动", "制度", "工作法", NULL};
static CnkgWordList name_endings_list = CNKG_WORDLIST(name_endings);
/* Works of building, not programmes: 饮水改造工程, 污水管网工程. */
static const char *const works[] = {
  "改造", "污水", "管网", "场所", "道路", "饮水", "厂", "厕", "水利", "公路",
  "桥", "房", "设施", "硬化", "亮化", "绿化", "基础性", "维修", "修建",
  "新建", "完成", NULL};
static CnkgWordList works_list = CNKG_WORDLIST(works);
/* A 制度 names a policy only when it is about the poverty work itself. */
static const char *const system_topics[] = {
  "扶贫", "脱贫", "攻坚", "联席", "帮扶", "发文", NULL};
static CnkgWordList system_topics_list = CNKG_WORDLIST(system_topics);
static const char *const left_stops[] = {
  "的", "了", "在", "和", "与", "及", "对", "把", "将", "被", "为", "是",
  "等", "个", "项", "次", "实施", "开展", "推行", "建立", "启动", "推进",
  "落实", "打造", "创新", "探索", "实行", "执行", "完善", "健全", "形成",
  "构建", "采取", "采用", "通过", "依托", "借助", "围绕", "按照", "结合",
  "坚持", "抓好", "推动", "加强", "强化", "深化", "部署", "纳入", "列入",
  "以", "由", "从", "向", "如", "按", "并", "还", "也", "都", "又", "即",
  "大", "全面", "一系列", "各项", "相关", "有关", NULL};
static CnkgWordList left_stops_list = CNKG_WORDLIST(left_stops);
/* Heads that are too general to be a name. */
static const char *const generic_heads[] = {
  "长效", "激励", "工作", "管理", "考核", "责任", "帮扶", "运行", "保障",
  "监督", "约束", "联动", "利益联结", "常态化", "这种", "该", "这一", "新",
  "目标责任", "奖惩", "退出", "动态管理", "学习", "生活", "值班", "请销假",
  "报备", "日志", "汇报", "评议", "考勤", "财务", "民主", "内部", "一项",
  "专项", "重点", "民生", "扶贫", "脱贫", "攻坚", "党内生活", "组织生活",
  "实际", "用实际", "具体", "一系列", "规章", NULL};
static CnkgWordList generic_heads_list = CNKG_WORDLIST(generic_heads);

static void seterr(char *err, size_t errsize, const char *msg) {
  if (err && errsize) snprintf(err, errsize, "%s", msg);
}

CnkgStatus cnkg_policy_new(const CnkgDivision *division,
                           CnkgPolicyRecognizer **out, char *err,
                           size_t errsize) {
  (void)division;
  if (!out) return CNKG_ERR_ARG;
  *out = NULL;
  CnkgPolicyRecognizer *r = calloc(1, sizeof *r);
  if (!r) {
    seterr(err, errsize, "out of memory");
    return CNKG_ERR_NOMEM;
  }
  r->numbered = cnkg_re_compile(numbered_src, 0, "policy", err, errsize, NULL);
  r->formula = r->numbered ? cnkg_re_compile(formula_src, 0, "policy", err, errsize, NULL) : NULL;
  r->mctx = cnkg_re_context();
  if (!r->numbered || !r->formula || !r->mctx) {
    bool nomem = r->numbered && r->formula && !r->mctx;
    cnkg_policy_free(r);
    if (nomem) seterr(err, errsize, "out of memory");
    return nomem ? CNKG_ERR_NOMEM : CNKG_ERR_PATTERN;
  }
  *out = r;
  return CNKG_SUCCESS;
}

void cnkg_policy_free(CnkgPolicyRecognizer *r) {
  if (!r) return;
  pcre2_code_free(r->numbered);
  pcre2_code_free(r->formula);
  pcre2_match_context_free(r->mctx);
  free(r);
}

/* 1 match, 0 no match, -1 error. Match data per call: the recogniser is
 * shared read-only by threads. */
static int matches(const CnkgPolicyRecognizer *r, const pcre2_code *re,
                   const char *s, size_t len) {
  pcre2_match_data *md = pcre2_match_data_create_from_pattern(re, NULL);
  if (!md) return -1;
  int rc = pcre2_match(re, (PCRE2_SPTR)s, len, 0, 0, md, r->mctx);
  pcre2_match_data_free(md);
  if (rc >= 0) return 1;
  return rc == PCRE2_ERROR_NOMATCH ? 0 : -1;
}

typedef struct {
  char *name;
  char *alias[3];
  size_t sentence, begin, end;
  size_t key;
} Cand;

typedef struct {
  Cand *v;
  size_t n, cap;
} Cands;

static void cands_free(Cands *c) {
  for (size_t i = 0; i < c->n; i++) {
    free(c->v[i].name);
    for (int k = 0; k < 3; k++) free(c->v[i].alias[k]);
  }
  free(c->v);
}

/* Takes ownership of name and the aliases (any may be NULL). */
static CnkgStatus add_cand(Cands *c, char *name, char *a0, char *a1,
                           size_t si, size_t b, size_t e) {
  if (!name || CNKG_GROW(c->v, c->cap, c->n + 1, 32)) {
    free(name);
    free(a0);
    free(a1);
    return CNKG_ERR_NOMEM;
  }
  c->v[c->n] = (Cand){name, {a0, a1, NULL}, si, b, e, c->n};
  c->n++;
  return CNKG_SUCCESS;
}

static bool has_any(const char *s, size_t len, const char *const *words) {
  for (size_t i = 0; words[i]; i++) {
    size_t n = strlen(words[i]);
    for (size_t k = 0; k + n <= len; k++)
      if (memcmp(s + k, words[i], n) == 0) return true;
  }
  return false;
}

/* True if a word of l starts anywhere in s[0..len) and ends inside it. */
static bool any_word_in(CnkgWordList *l, const char *s, size_t len) {
  for (size_t k = 0; k < len; k++)
    if (cnkg_wordlist_at(l, s, k, len)) return true;
  return false;
}

/* The name without list commas and stray spaces; digits that scraping
 * separated by a space get their lost '+' back. */
static char *clean_name(const char *s, size_t len) {
  char *r = malloc(len * 2 + 1);
  if (!r) return NULL;
  size_t o = 0;
  for (size_t i = 0; i < len; i++) {
    char ch = s[i];
    if (ch == ' ') {
      /* scraping turned '+' into a space: 1 10 100, 党建 富民产业 */
      bool inner = i > 0 && i + 1 < len && s[i - 1] != ' ' && s[i + 1] != ' ';
      if (inner) r[o++] = '+';
      continue;
    }
    if (ch == ',') continue;
    if (i + 3 <= len && memcmp(s + i, "、", 3) == 0 && len <= 40) {
      /* keep list commas in long slogans; drop them in formulas */
      r[o++] = s[i];
      continue;
    }
    r[o++] = ch;
  }
  r[o] = '\0';
  return r;
}

static size_t count_chars(const char *s, size_t len) {
  return cnkg_utf8_count(s, len);
}

static CnkgWordList suffix_list = CNKG_WORDLIST_FIELD(suffixes, word);

/* The longest suffix at s[pos] (of those that join the name, if
 * joining_only; the first in the table of equally long ones), or NULL. */
static const Suffix *suffix_at(const char *s, size_t pos, size_t se,
                               bool joining_only) {
  size_t cursor = 0, k;
  while ((k = cnkg_wordlist_next_at(&suffix_list, s, pos, se, &cursor)) != SIZE_MAX)
    if (!joining_only || suffixes[k].joins) return &suffixes[k];
  return NULL;
}

/* Kinds of method that may follow a quote after a few more words:
 * “A”定点帮扶制度, “B”聚力攻坚行动, “C”联营同富模式. */
static const char *const strong_suffixes[] = {
  "制度", "模式", "机制", "行动", "工程", "活动", "体系", "工作法", "方式",
  "载体", "手段", NULL};
static CnkgWordList strong_suffixes_list = CNKG_WORDLIST(strong_suffixes);

/* What follows a closing quote at after: a suffix directly, through 的,
 * after up to eight more characters, or after a chain of further quoted
 * items (“A”“B”“C”方式). *joins says whether it belongs in the name. */
static const Suffix *find_suffix(const char *s, size_t after, size_t se,
                                 bool *joins) {
  *joins = false;
  const Suffix *suf = suffix_at(s, after, se, false);
  if (suf) {
    *joins = suf->joins;
    return suf;
  }
  size_t p = after;
  if (cnkg_wordlist_word_at(s, p, se, "的")) {
    suf = suffix_at(s, p + 3, se, false);
    if (suf && !suf->joins) return suf;
    suf = NULL;
  }
  /* a chain of quoted items shares the suffix of the last */
  bool chained = false;
  for (int k = 0; k < 8; k++) {
    size_t q = p;
    if (cnkg_wordlist_word_at(s, q, se, "、")) q += 3;
    if (!cnkg_wordlist_word_at(s, q, se, "“")) break;
    size_t e = q + 3;
    while (e + 3 <= se && !cnkg_wordlist_word_at(s, e, se, "”")) e++;
    if (e + 3 > se) break;
    p = e + 3;
    chained = true;
    suf = suffix_at(s, p, se, false);
    if (suf) return suf;
  }
  if (chained && cnkg_wordlist_word_at(s, p, se, "等")) p += 3;
  if (chained) after = p;
  /* a few more words, then a strong suffix */
  size_t q = after;
  for (int k = 0; k < 8 && q < se; k++) {
    if (cnkg_wordlist_at(&strong_suffixes_list, s, q, se)) return &suffixes[0];
    size_t r = q;
    uint32_t cp = cnkg_utf8_next(s, se, &r);
    if (!cnkg_is_han(cp) || cp == 0x7684 /* 的 */) break;
    q = r;
  }
  return NULL;
}

/* A numbered phrase that describes land (八山一水一分田, 三沟两叉一坝子,
 * 一亩三分地, 九曲黄河水) or ranks a place (第一县) rather than naming a
 * method: two of its parts (the words after each number) are short and
 * end in a landscape word, or its only part does. */
static bool land_saying(const char *x, size_t len) {
  static const char numerals[] = "一二两三四五六七八九十百千";
  static const char lands[] = "山水田地沟河亩坝叉湖岭坡";
  if (has_any(x, len, (const char *const[]){"第", NULL})) return true;
  size_t parts = 0, land = 0;
  for (size_t i = 0; i < len;) {
    if (!cnkg_utf8_char_in(numerals, x, i, len)) {
      cnkg_utf8_next(x, len, &i);
      continue;
    }
    while (i < len && cnkg_utf8_char_in(numerals, x, i, len)) cnkg_utf8_next(x, len, &i);
    size_t b = i, last = i;
    while (i < len && !cnkg_utf8_char_in(numerals, x, i, len)) {
      last = i;
      cnkg_utf8_next(x, len, &i);
    }
    if (i == b) continue;
    parts++;
    size_t n = cnkg_utf8_count(x + b, i - b);
    bool base = i - b == 6 && memcmp(x + b, "基地", 6) == 0;
    if (!base && cnkg_utf8_char_in(lands, x, last, len) && (n <= 2 || parts == 1))
      land++;
  }
  return land >= 2 || (parts == 1 && land == 1);
}

/* 十三五, 十四五: a plan period, not a method. */
static bool is_plan_period(const char *x, size_t len) {
  return len == 9 && memcmp(x, "十", 3) == 0 && memcmp(x + 6, "五", 3) == 0;
}

/* Digits joined by ':' (3:3:4): how proceeds are split. */
static bool digit_ratio(const char *x, size_t len) {
  size_t parts = 1, digits = 0;
  for (size_t i = 0; i < len; i++) {
    if (x[i] >= '0' && x[i] <= '9') digits++;
    else if (x[i] == ':' && digits) { parts++; digits = 0; }
    else return false;
  }
  return digits && parts >= 2 && parts <= 5;
}

/* A list of at least three short parallel phrases (搬得出、稳得住、能致富;
 * 产业兴旺、生态宜居、乡风文明): items of three to seven Han characters,
 * none a function word (lists of two-character words are lists of words). */
static bool parallel_list(const char *x, size_t len) {
  size_t items = 0, b = 0;
  for (size_t i = 0; i <= len;) {
    bool sep = i == len || (i + 3 <= len && memcmp(x + i, "、", 3) == 0);
    if (!sep) {
      cnkg_utf8_next(x, len, &i);
      continue;
    }
    size_t n = 0;
    for (size_t k = b; k < i;) {
      uint32_t cp = cnkg_utf8_next(x, i, &k);
      if (!cnkg_is_han(cp) || cp == 0x7684 /* 的 */ || cp == 0x4E86 /* 了 */)
        return false;
      n++;
    }
    if (n < 3 || n > 7) return false;
    items++;
    if (i == len) break;
    i += 3;
    b = i;
  }
  return items >= 3;
}

/* Quoted phrases: “…” and ‘…’. */
static CnkgStatus scan_quotes(const CnkgPolicyRecognizer *rec, Cands *c,
                              const CnkgDocState *st, size_t si) {
  const char *s = st->text->norm;
  const CnkgSentence *sen = &st->text->sentences[si];
  size_t sb = sen->begin, se = sen->end;
  size_t prev_qb = SIZE_MAX, prev_qe = SIZE_MAX, prev_close = SIZE_MAX;
  for (size_t i = sb; i + 3 <= se; i++) {
    bool dq = cnkg_wordlist_word_at(s, i, se, "“");
    bool sq = cnkg_wordlist_word_at(s, i, se, "‘");
    if (!dq && !sq) continue;
    const char *close = dq ? "”" : "’";
    size_t qb = i + 3, qe = qb;
    while (qe + 3 <= se && !cnkg_wordlist_word_at(s, qe, se, close) &&
           !cnkg_wordlist_word_at(s, qe, se, dq ? "“" : "‘"))
      qe++;
    if (qe + 3 > se || !cnkg_wordlist_word_at(s, qe, se, close)) continue;
    size_t after = qe + 3;
    const char *x = s + qb;
    size_t xlen = qe - qb;
    size_t nch = count_chars(x, xlen);
    /* a quotation that quotes a name (“…‘三单制’…”) is read inside too */
    if (!(dq && has_any(x, xlen, (const char *const[]){"‘", NULL}))) i = qe + 2;
    size_t this_prev_qb = prev_qb, this_prev_qe = prev_qe,
           this_prev_close = prev_close;
    prev_qb = qb;
    prev_qe = qe;
    prev_close = after;
    if (nch < 2 || nch > 40) continue;
    bool ratio = digit_ratio(x, xlen);
    if (!ratio && has_any(x, xlen, (const char *const[]){"。", "!", "?", ";", ":", NULL}))
      continue;
    if (cnkg_wordlist_has(&not_methods_list, x, xlen)) continue;
    /* sayings in the first or second person are not names */
    if (has_any(x, xlen, (const char *const[]){"我", "你", "咱", "他们", NULL}))
      continue;
    if (cnkg_wordlist_word_at(s, after, se, "精神") ||
        cnkg_wordlist_word_at(s, after, se, "班子") ||
        cnkg_wordlist_word_at(s, after, se, "成员") ||
        cnkg_wordlist_word_at(s, after, se, "干部"))
      continue;
    int num = matches(rec, rec->numbered, x, xlen);
    int form = matches(rec, rec->formula, x, xlen);
    if (num < 0 || form < 0) return CNKG_ERR_PATTERN;
    bool joins = false;
    const Suffix *suf = find_suffix(s, after, se, &joins);
    bool own = cnkg_wordlist_before(&own_endings_list, x, 0, xlen) > 0;
    size_t vb = qb - 3;
    bool intro = cnkg_wordlist_before(&intro_verbs_list, s, sb, vb) > 0 ||
                 (vb >= sb + 3 &&
                  cnkg_wordlist_before(&intro_verbs_list, s, sb, vb - 3) > 0);
    bool has_comma = has_any(x, xlen, (const char *const[]){",", NULL});
    bool listy = has_any(x, xlen, (const char *const[]){"、", NULL});
    /* numbered sayings about land (八山一水一分田) and plan periods (十三五)
     * are no methods */
    if (num && (land_saying(x, xlen) || is_plan_period(x, xlen))) num = 0;
    bool ok;
    if (ratio) ok = true; /* 3:3:4, a split of proceeds */
    else if (listy && parallel_list(x, xlen)) ok = true; /* “A、B、C” slogans */
    else if (num && nch <= 2 && !suf) ok = false;
    else if (num || form) ok = true;
    else if (suf) ok = !has_comma || nch <= 20;
    else if (own) ok = !has_comma && nch <= 16;
    else ok = intro && !has_comma && !listy && nch >= 3 && nch <= 10 &&
              cnkg_wordlist_word_at(s, after, se, "的") == false;
    if (!ok) continue;
    /* An expansion quoted just before: “A、B、C”的“X” — A becomes an alias
     * of X rather than a policy of its own. */
    char *expansion = NULL;
    if ((num || form) && this_prev_close != SIZE_MAX &&
        (this_prev_close == vb ||
         (this_prev_close + 3 == vb && cnkg_wordlist_word_at(s, this_prev_close, se, "的")))) {
      const char *px = s + this_prev_qb;
      size_t plen = this_prev_qe - this_prev_qb;
      if (has_any(px, plen, (const char *const[]){"、", ",", NULL})) {
        expansion = cnkg_strndup(px, plen);
        if (!expansion) return CNKG_ERR_NOMEM;
        /* this sentence's candidates are the last ones */
        for (size_t k = c->n; k-- > 0 && c->v[k].sentence == si;) {
          Cand *y = &c->v[k];
          if (y->begin == this_prev_qb && y->end == this_prev_qe)
            y->key = SIZE_MAX; /* dropped */
        }
      }
    }
    /* “四抓好、四确保”: a list of numbered formulas names each one */
    if (num && listy && !cnkg_lexicon_find(x, xlen)) {
      size_t pb = 0;
      for (size_t k = 0; k <= xlen; k++) {
        if (k < xlen && !(k + 3 <= xlen && memcmp(x + k, "、", 3) == 0)) continue;
        if (k > pb) {
          CnkgStatus r = add_cand(c, cnkg_strndup(x + pb, k - pb), NULL, NULL,
                                  si, qb + pb, qb + k);
          if (r) return r;
        }
        pb = k + 3;
        k += 2;
      }
      free(expansion);
      continue;
    }
    char *name = clean_name(x, xlen);
    char *full = NULL;
    if (joins && name) full = cnkg_strjoin(name, suf->word);
    char *orig = NULL;
    if (name && (strlen(name) != xlen || memcmp(name, x, xlen) != 0))
      orig = cnkg_strndup(x, xlen);
    CnkgStatus r = add_cand(c, name, full, expansion, si, qb, qe);
    if (r) {
      free(orig);
      return r;
    }
    c->v[c->n - 1].alias[2] = orig;
  }
  return CNKG_SUCCESS;
}

/* National schemes and numbered methods from the word list, unquoted. */
static CnkgStatus scan_lexicon(Cands *c, const CnkgDocState *st, size_t si) {
  const char *s = st->text->norm;
  const CnkgSentence *sen = &st->text->sentences[si];
  size_t i = sen->begin;
  while (i < sen->end) {
    const CnkgLexEntry *e =
        cnkg_lexicon_at(s, i, sen->end, 1u << CNKG_LEX_POLICY);
    if (e) {
      size_t len = strlen(e->word);
      if (!e->bound) {
        char *name = cnkg_strndup(e->canon ? e->canon : e->word,
                                  strlen(e->canon ? e->canon : e->word));
        char *alias = e->canon ? cnkg_strndup(e->word, len) : NULL;
        CnkgStatus r = add_cand(c, name, alias, NULL, si, i, i + len);
        if (r) return r;
      }
      i += len;
      continue;
    }
    unsigned char ch = (unsigned char)s[i];
    i += ch < 0x80 ? 1 : ch < 0xE0 ? 2 : ch < 0xF0 ? 3 : 4;
  }
  return CNKG_SUCCESS;
}

/* Heads of unquoted method names that a verb must introduce (实施对口帮扶,
 * 坚持党建引领, 推进沿边小康村建设, 开展供销社综合改革), with what the name
 * before the head must contain (NULL: anything not generic) and at most how
 * many characters it has. */
typedef struct {
  const char *head;
  const char *const *needs;
  size_t max;
} MethodHead;

static const char *const move_kinds[] = {"扶贫", "移民", "生态", "易地", "异地",
                                         "整村", "避险", NULL};
static const char *const loan_kinds[] = {"贴息", "小额", "扶贫", "抵押", "担保",
                                         "信用", "免息", "互助", NULL};
static const MethodHead method_heads[] = {
  {"帮扶", NULL, 6}, {"帮扶协作", NULL, 6}, {"协作", NULL, 6},
  {"搬迁", move_kinds, 10}, {"建设", NULL, 10}, {"改革", NULL, 12},
  {"贷款", loan_kinds, 12}, {"对接", NULL, 4}, {"引领", NULL, 4},
  {"联户", NULL, 6}, {"模式", NULL, 8}, {"共建", NULL, 6}, {"创建", NULL, 8},
};
static CnkgWordList method_head_list = CNKG_WORDLIST_FIELD(method_heads, head);

/* Verbs and prepositions that introduce a method by its name. */
static const char *const method_intros[] = {
  "实施", "推行", "推广", "开展", "启动", "采取", "采用", "创新", "探索", "打造",
  "建立", "实行", "落实", "推进", "深化", "完善", "通过", "坚持", "以", "依托",
  "借助", "按照", "结合", "围绕", "加强", "强化", "推动", "开启", "抓好", "加快",
  "全面推进", "大力推进", "积极探索", NULL};
static CnkgWordList method_intro_list = CNKG_WORDLIST(method_intros);

/* Who or what is helped or leads, not how (干部帮扶, 示范引领). */
static const char *const agents[] = {
  "干部", "就业", "单位", "部门", "党员", "社会", "企业", "示范", "带头", "龙头",
  "典型", "榜样", "人才", "科技", "项目", NULL};
static CnkgWordList agent_list = CNKG_WORDLIST(agents);

/* What a name before 建设 must not be about: works, not programmes. */
static const char *const build_works[] = {
  "设施", "道路", "项目", "工程", "场所", "水利", "房", "厂", "路", "基础",
  "经济", "文化", "廉政", "队伍", "班子", "能力", "作风", "阵地", "新农村",
  "生态文明", "精神文明", "中心", "基地", "场", "站", "室", "馆", "园", NULL};
static CnkgWordList build_works_list = CNKG_WORDLIST(build_works);

static bool contains_any(const char *s, size_t b, size_t e, const char *const *words) {
  for (size_t i = 0; words[i]; i++) {
    size_t n = strlen(words[i]);
    for (size_t k = b; k + n <= e; k++)
      if (memcmp(s + k, words[i], n) == 0) return true;
  }
  return false;
}

/* Verbs that say what a method is for (以美丽庭院建设助力民宿,
 * 以积分管理带动产业): the method's name ends before them. */
static const char *const purpose_verbs[] = {
  "促进", "带动", "助力", "推动", "撬动", "激活", "赋能", "助推", NULL};
static CnkgWordList purpose_verb_list = CNKG_WORDLIST(purpose_verbs);

/* Whether the name starting at j is a later item of a 、 list whose first
 * item a verb introduces (开展A抵押贷款、B综合改革、C改革三项试点). */
static bool listed_after_intro(const char *s, size_t sb, size_t se, size_t j) {
  size_t p = j;
  for (int item = 0; item < 4; item++) {
    if (p < sb + 3 || !cnkg_wordlist_word_at(s, p - 3, se, "、")) return false;
    p -= 3;
    for (size_t n = 0; p > sb && n < 16; n++) {
      if (cnkg_wordlist_before(&method_intro_list, s, sb, p)) return n >= 2;
      size_t b = cnkg_lexicon_prev(s, sb, p), r = b;
      uint32_t ch = cnkg_utf8_next(s, se, &r);
      if (!cnkg_is_han(ch) && ch != '(' && ch != ')') break;
      p = b;
    }
  }
  return false;
}

/* A heading: a line with no clause punctuation in it. */
static bool is_heading(const char *s, size_t sb, size_t se) {
  for (size_t k = sb; k < se; k++)
    if (cnkg_utf8_char_in(",。;!?:、\"\u201c", s, k, se)) return false;
  return true;
}

/* Unquoted names with a method head, introduced by a verb: the name runs
 * from the verb to the head and ends its phrase. */
static CnkgStatus scan_heads(Cands *c, const CnkgDocState *st, size_t si) {
  const char *s = st->text->norm;
  const CnkgSentence *sen = &st->text->sentences[si];
  size_t sb = sen->begin, se = sen->end;
  for (size_t i = sb; i < se; i++) {
    size_t cursor = 0;
    size_t hk = cnkg_wordlist_next_at(&method_head_list, s, i, se, &cursor);
    if (hk == SIZE_MAX) continue;
    const MethodHead *h = &method_heads[hk];
    size_t end = i + strlen(h->head);
    /* the head ends the phrase (not 帮扶干部, 建设项目) */
    size_t q = end;
    uint32_t next = end < se ? cnkg_utf8_next(s, se, &q) : 0;
    bool closed = end >= se || !cnkg_is_han(next) ||
                  cnkg_wordlist_at(&left_stops_list, s, end, se) ||
                  cnkg_wordlist_at(&purpose_verb_list, s, end, se) ||
                  cnkg_wordlist_at(&suffix_list, s, end, se) ||
                  cnkg_utf8_char_in("一两二三四五六七八九十", s, end, se);
    size_t j = i, nch = 0;
    while (j > sb && nch <= h->max) {
      if (cnkg_wordlist_before(&method_intro_list, s, sb, j) ||
          cnkg_utf8_char_in("的了在和与及把将被为是等个项次并还也都又即由从向如按",
                            s, cnkg_lexicon_prev(s, sb, j), j))
        break;
      size_t p = cnkg_lexicon_prev(s, sb, j);
      size_t r = p;
      if (!cnkg_is_han(cnkg_utf8_next(s, se, &r))) break;
      j = p;
      nch++;
    }
    i = end - 1;
    /* a heading may open with the name, with no verb (党建引领促发展) */
    bool heads = j == sb && is_heading(s, sb, se);
    if ((!closed && !heads) || nch < 2 || nch > h->max ||
        (!heads && !cnkg_wordlist_before(&method_intro_list, s, sb, j) &&
         !listed_after_intro(s, sb, se, j)) ||
        (h->needs && !contains_any(s, j, end, h->needs)))
      continue;
    size_t hb = end - strlen(h->head);
    if (cnkg_wordlist_has(&generic_heads_list, s + j, hb - j) ||
        cnkg_wordlist_has(&agent_list, s + j, hb - j))
      continue;
    if (strcmp(h->head, "建设") == 0 && any_word_in(&build_works_list, s + j, hb - j))
      continue;
    /* names the word lists know are theirs */
    if (cnkg_lexicon_find(s + j, end - j)) continue;
    CnkgStatus r = add_cand(c, cnkg_strndup(s + j, end - j), NULL, NULL, si, j, end);
    if (r) return r;
  }
  return CNKG_SUCCESS;
}

/* 一县一策, 一户一档: one measure per unit, unquoted. */
static CnkgStatus scan_per_unit(Cands *c, const CnkgDocState *st, size_t si) {
  const char *s = st->text->norm;
  const CnkgSentence *sen = &st->text->sentences[si];
  size_t se = sen->end;
  for (size_t i = sen->begin; i + 12 <= se; i++) {
    if (!cnkg_wordlist_word_at(s, i, se, "一") || !cnkg_wordlist_word_at(s, i + 6, se, "一") ||
        !cnkg_utf8_char_in("县乡镇村户企人业", s, i + 3, se) ||
        !cnkg_utf8_char_in("策品档案法帮", s, i + 9, se))
      continue;
    if (!cnkg_lexicon_find(s + i, 12)) {
      CnkgStatus r = add_cand(c, cnkg_strndup(s + i, 12), NULL, NULL, si, i, i + 12);
      if (r) return r;
    }
    i += 11;
  }
  return CNKG_SUCCESS;
}

/* Kinds of document whose title 《…》 names a policy. */
static const char *const document_kinds[] = {
  "意见", "方案", "办法", "规划", "条例", "计划", "措施", "细则", "纲要", "规定",
  "汇编", "指导意见", "实施意见", NULL};
static CnkgWordList document_kind_list = CNKG_WORDLIST(document_kinds);

/* 《关于…的实施意见》, 《…工作方案》: a policy document, named by its
 * title. */
static CnkgStatus scan_titles(Cands *c, const CnkgDocState *st, size_t si) {
  const char *s = st->text->norm;
  const CnkgSentence *sen = &st->text->sentences[si];
  size_t se = sen->end;
  for (size_t i = sen->begin; i + 3 <= se; i++) {
    if (!cnkg_wordlist_word_at(s, i, se, "《")) continue;
    size_t b = i + 3, e = b;
    while (e + 3 <= se && !cnkg_wordlist_word_at(s, e, se, "》") &&
           !cnkg_wordlist_word_at(s, e, se, "《"))
      e++;
    if (e + 3 > se || !cnkg_wordlist_word_at(s, e, se, "》")) continue;
    i = e + 2;
    size_t n = count_chars(s + b, e - b);
    if (n < 4 || n > 60 || !cnkg_wordlist_before(&document_kind_list, s, b, e)) continue;
    CnkgStatus r = add_cand(c, cnkg_strndup(s + b, e - b), NULL, NULL, si, b, e);
    if (r) return r;
  }
  return CNKG_SUCCESS;
}

/* Unquoted X工程 / X行动 / X制度 / X工作法 / X计划 names. */
static CnkgStatus scan_names(Cands *c, const CnkgDocState *st, size_t si) {
  const char *s = st->text->norm;
  const CnkgSentence *sen = &st->text->sentences[si];
  size_t sb = sen->begin, se = sen->end;
  for (size_t i = sb; i < se; i++) {
    size_t el = cnkg_wordlist_at(&name_endings_list, s, i, se);
    if (!el) continue;
    size_t j = i, nch = 0;
    bool counted = false;
    while (j > sb && nch < 14) {
      if (cnkg_wordlist_before(&left_stops_list, s, sb, j)) {
        /* 五大工程, 六大行动: a count of programmes is a name */
        /* (not after a quotation, whose list it counts) */
        if (nch == 0 && cnkg_wordlist_word_before(s, sb, j, "大") && j >= sb + 6 &&
            cnkg_utf8_char_in("一二两三四五六七八九十", s, j - 6, j) &&
            !cnkg_wordlist_word_before(s, sb, j - 6, "”")) {
          j -= 6;
          nch = 2;
          counted = true;
        }
        break;
      }
      size_t p = cnkg_lexicon_prev(s, sb, j);
      size_t q = p;
      uint32_t cp = cnkg_utf8_next(s, se, &q);
      if (!cnkg_is_han(cp)) break;
      j = p;
      nch++;
    }
    size_t end = i + el;
    bool bounded = nch < 14;
    bool system = cnkg_wordlist_word_at(s, i, se, "制度");
    bool project = cnkg_wordlist_word_at(s, i, se, "工程");
    if (system && !any_word_in(&system_topics_list, s + j, i - j)) bounded = false;
    if (project && !counted && (nch < 3 || any_word_in(&works_list, s + j, i - j)))
      bounded = false;
    if (bounded && nch >= 2 &&
        !cnkg_wordlist_has(&generic_heads_list, s + j, i - j) &&
        !cnkg_wordlist_word_at(s, end, se, "中") &&
        !cnkg_wordlist_word_at(s, end, se, "队") &&
        !cnkg_wordlist_word_at(s, end, se, "起来")) { /* 全体员工行动起来: a verb */
      char *name = cnkg_strndup(s + j, end - j);
      CnkgStatus r = add_cand(c, name, NULL, NULL, si, j, end);
      if (r) return r;
    }
    i = end - 1;
  }
  return CNKG_SUCCESS;
}

/* First groups by string, for join_groups: per string id of names, the
 * first group named so, the first with it as an alias, and the first
 * whose name is it plus a kind suffix (两学一做 for 两学一做学习教育). */
typedef struct {
  CnkgIntern ids;
  size_t *by_name, *by_alias, *by_base;
  size_t cap;
} FirstGroups;

static CnkgStatus first_id(FirstGroups *f, const char *w, size_t len, size_t *id) {
  CnkgStatus s = cnkg_intern_add(&f->ids, w, len, id);
  if (s || *id < f->cap) return s;
  size_t cap = f->cap ? f->cap * 2 : 64;
  size_t *v[3] = {f->by_name, f->by_alias, f->by_base};
  for (int k = 0; k < 3; k++) {
    size_t *n = realloc(v[k], cap * sizeof *n);
    if (!n) return CNKG_ERR_NOMEM;
    for (size_t i = f->cap; i < cap; i++) n[i] = SIZE_MAX;
    v[k] = n;
    if (k == 0) f->by_name = n;
    else if (k == 1) f->by_alias = n;
    else f->by_base = n;
  }
  f->cap = cap;
  return CNKG_SUCCESS;
}

/* The entry of w[0, len) in v (one of f's arrays), or SIZE_MAX. */
static size_t first_of(const FirstGroups *f, const size_t *v, const char *w, size_t len) {
  size_t id;
  return cnkg_intern_find(&f->ids, w, len, &id) ? SIZE_MAX : v[id];
}

/* The byte lengths of the proper prefixes of w[0, len), of three
 * characters or more, that w extends by the kind of thing it is: 主题党日 /
 * 主题党日活动, 两学一做 / 两学一做学习教育 name one policy (not 易地扶贫搬迁
 * / 易地扶贫搬迁脱贫一批). At most max; returns how many. */
static size_t suffixed_prefixes(const char *w, size_t len, size_t *out, size_t max) {
  size_t n = 0, chars = 0;
  for (size_t i = 0; i < len && n < max;) {
    cnkg_utf8_next(w, len, &i);
    chars++;
    if (i < len && chars >= 3 &&
        (cnkg_wordlist_has(&suffix_list, w + i, len - i) ||
         cnkg_wordlist_has(&strong_suffixes_list, w + i, len - i)))
      out[n++] = i;
  }
  return n;
}

static void keep_min(size_t *j, size_t v) {
  if (v < *j) *j = v;
}

/* Each candidate joins the first earlier group it is the same policy as,
 * or starts one: the same name, its alias named as the group or the
 * group's alias named as it, or one name the other plus a kind suffix
 * (suffixed_prefixes). The groups that could match are found through
 * FirstGroups, not by testing every earlier group. */
static CnkgStatus join_groups(Cands *c) {
  FirstGroups f = {{0}, NULL, NULL, NULL, 0};
  CnkgStatus s = CNKG_SUCCESS;
  size_t pre[64];
  for (size_t i = 0; i < c->n && !s; i++) {
    Cand *x = &c->v[i];
    if (x->key == SIZE_MAX) continue;
    size_t lx = strlen(x->name), j = SIZE_MAX;
    keep_min(&j, first_of(&f, f.by_name, x->name, lx));
    keep_min(&j, first_of(&f, f.by_alias, x->name, lx));
    keep_min(&j, first_of(&f, f.by_base, x->name, lx));
    for (int k = 0; k < 3; k++)
      if (x->alias[k]) keep_min(&j, first_of(&f, f.by_name, x->alias[k], strlen(x->alias[k])));
    size_t np = suffixed_prefixes(x->name, lx, pre, 64);
    for (size_t q = 0; q < np; q++) keep_min(&j, first_of(&f, f.by_name, x->name, pre[q]));
    x->key = j == SIZE_MAX ? i : j;
    if (j != SIZE_MAX) continue;
    /* a new group: what later candidates can find it by */
    size_t id;
    s = first_id(&f, x->name, lx, &id);
    if (!s && f.by_name[id] == SIZE_MAX) f.by_name[id] = i;
    for (int k = 0; k < 3 && !s; k++) {
      if (!x->alias[k]) continue;
      s = first_id(&f, x->alias[k], strlen(x->alias[k]), &id);
      if (!s && f.by_alias[id] == SIZE_MAX) f.by_alias[id] = i;
    }
    for (size_t q = 0; q < np && !s; q++) {
      s = first_id(&f, x->name, pre[q], &id);
      if (!s && f.by_base[id] == SIZE_MAX) f.by_base[id] = i;
    }
  }
  cnkg_intern_free(&f.ids);
  free(f.by_name);
  free(f.by_alias);
  free(f.by_base);
  return s;
}

/* Adds group g (its candidates members[0, n_members), in order): the
 * policy, its aliases and mentions, and what implements it. */
static CnkgStatus emit_group(CnkgDocState *st, const CnkgCarriers *ix, const Cands *c,
                             size_t g, const size_t *members, size_t n_members) {
  char *key = cnkg_graph_key_hash(CNKG_TYPE_POLICY, c->v[g].name, NULL);
  if (!key) return CNKG_ERR_NOMEM;
  size_t ent;
  CnkgStatus r = cnkg_graph_add_entity(st->graph, key, CNKG_TYPE_POLICY,
                                       c->v[g].name, &ent);
  free(key);
  if (r) return r;
  for (size_t m = 0; m < n_members; m++) {
    size_t i = members[m];
    const Cand *x = &c->v[i];
    if (i != g && strcmp(x->name, c->v[g].name) != 0) {
      r = cnkg_graph_add_alias(st->graph, ent, x->name);
      if (r) return r;
    }
    for (int k = 0; k < 3; k++) {
      if (!x->alias[k] || strcmp(x->alias[k], c->v[g].name) == 0) continue;
      r = cnkg_graph_add_alias(st->graph, ent, x->alias[k]);
      if (r) return r;
    }
    r = cnkg_docstate_mention(st, ent, x->sentence, x->begin, x->end);
    if (r) return r;
  }
  size_t n_related = 0;
  for (int pass = 0; pass < 2 && n_related == 0; pass++) {
    for (size_t m = 0; m < n_members; m++) {
      const Cand *x = &c->v[members[m]];
      size_t who[12];
      unsigned flags = CNKG_CARRY_ORGS | CNKG_CARRY_BODIES | CNKG_CARRY_TOPIC |
                       (pass ? CNKG_CARRY_FOCUS : 0u);
      size_t n = cnkg_lexicon_carriers(ix, x->sentence, x->begin, x->end,
                                       flags, who, sizeof who / sizeof who[0]);
      for (size_t k = 0; k < n; k++) {
        r = cnkg_docstate_relate(st, who[k], CNKG_REL_IMPLEMENTS_POLICY,
                                 ent, NULL, x->sentence);
        if (r) return r;
        n_related++;
      }
      if (pass == 1 && n_related) break;
    }
  }
  return CNKG_SUCCESS;
}

/* A name found once (quoted, introduced, in a title) names the same
 * policy wherever the document repeats it, without quotes or an
 * introducing verb: each other occurrence becomes a mention, so that the
 * places and bodies it stands with there carry it too. */
static CnkgStatus add_repeats(Cands *c, const CnkgDocState *st) {
  /* Names of the word lists are found wherever they occur already; the
   * others are few. At most this many distinct ones are followed, so that
   * a page of quoted slogans stays linear in its length. */
  enum { MAX_NAMES = 32 };
  const char *s = st->text->norm;
  size_t n0 = c->n, n_names = 0;
  size_t done[MAX_NAMES]; /* candidates whose name was followed */
  for (size_t k = 0; k < n0 && n_names < MAX_NAMES; k++) {
    if (c->v[k].key == SIZE_MAX) continue;
    size_t len = strlen(c->v[k].name);
    /* names of four characters at least: shorter ones are words too */
    if (count_chars(c->v[k].name, len) < 4 || cnkg_lexicon_find(c->v[k].name, len)) continue;
    bool seen = false;
    for (size_t q = 0; q < n_names && !seen; q++)
      seen = strcmp(c->v[done[q]].name, c->v[k].name) == 0;
    if (seen) continue;
    done[n_names++] = k;
    /* the candidates found by the scanners come in sentence order */
    size_t lo = 0;
    for (size_t si = 0; si < st->text->n_sentences; si++) {
      const CnkgSentence *sen = &st->text->sentences[si];
      while (lo < n0 && c->v[lo].sentence < si) lo++;
      for (size_t i = sen->begin; i + len <= sen->end; i++) {
        if (memcmp(s + i, c->v[k].name, len) != 0) continue;
        /* “A、B、C”五大行动 counts the quoted list, which is its own */
        bool covered = cnkg_wordlist_word_before(s, sen->begin, i, "”");
        for (size_t q = lo; q < n0 && c->v[q].sentence == si && !covered; q++)
          covered = c->v[q].key != SIZE_MAX && c->v[q].begin < i + len && c->v[q].end > i;
        if (!covered) {
          CnkgStatus r = add_cand(c, cnkg_strndup(c->v[k].name, len), NULL, NULL, si, i,
                                  i + len);
          if (r) return r;
        }
        i += len - 1;
      }
    }
  }
  return CNKG_SUCCESS;
}

static CnkgStatus emit(CnkgDocState *st, Cands *c) {
  CnkgStatus r = join_groups(c);
  if (r) return r;
  /* the members of each group, in order: member[start[g] .. start[g + 1]) */
  size_t *start = calloc(c->n + 2, sizeof *start);
  size_t *member = malloc((c->n + 1) * sizeof *member);
  CnkgCarriers *ix = cnkg_lexicon_carriers_new(st);
  if (!start || !member || !ix) r = CNKG_ERR_NOMEM;
  for (size_t i = 0; i < c->n && !r; i++)
    if (c->v[i].key != SIZE_MAX) start[c->v[i].key + 1]++;
  for (size_t g = 0; g < c->n && !r; g++) start[g + 1] += start[g];
  for (size_t i = 0; i < c->n && !r; i++)
    if (c->v[i].key != SIZE_MAX) member[start[c->v[i].key]++] = i;
  for (size_t g = c->n; g > 0 && !r; g--) start[g] = start[g - 1];
  if (!r) start[0] = 0;
  for (size_t g = 0; g < c->n && !r; g++)
    if (c->v[g].key == g) r = emit_group(st, ix, c, g, member + start[g], start[g + 1] - start[g]);
  cnkg_lexicon_carriers_free(ix);
  free(start);
  free(member);
  return r;
}

CnkgStatus cnkg_policy_run(const CnkgPolicyRecognizer *rec, CnkgDocState *st) {
  if (!rec || !st || !st->text) return CNKG_ERR_ARG;
  Cands c = {NULL, 0, 0};
  CnkgStatus r = CNKG_SUCCESS;
  for (size_t si = 0; si < st->text->n_sentences && !r; si++) {
    r = scan_quotes(rec, &c, st, si);
    if (!r) r = scan_lexicon(&c, st, si);
    if (!r) r = scan_names(&c, st, si);
    if (!r) r = scan_titles(&c, st, si);
    if (!r) r = scan_heads(&c, st, si);
    if (!r) r = scan_per_unit(&c, st, si);
  }
  if (!r) r = add_repeats(&c, st);
  if (!r) r = emit(st, &c);
  cands_free(&c);
  return r;
}
