/* SPDX-License-Identifier: Apache-2.0
 * The indicator of a figure (see figure.c): the phrase before the number
 * once linking verbs, time words and openers are stripped (贫困人口减少到
 * 2.16万人), or the noun after it (建立了33个党建联合体), or the one the
 * figure before hands on (42户96人); the names that stop it; and
 * cnkg_figure_indicator, its text. Depends on figure_int.h (the finder,
 * tokens, character helpers), wordlist.h, text.h and pcre2. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extractor/figure_int.h"
#include "extractor/regex.h"

/* ---- word lists --------------------------------------------------------- */

/* Linking words between an indicator and its number, stripped from the
 * end of the text before it: 贫困人口减少到|2.16万人. */
static const char *const link_tail[] = {
  "了", "的", "有", "共有", "共", "达", "达到", "高达", "多达", "为", "是",
  "约", "约为", "近", "将近", "接近", "超过", "超", "逾", "突破", "仅", "仅有",
  "只有", "不足", "不到", "稳定在", "保持在", "控制在", "在", "占", "均", "都",
  "总计", "合计", "共计", "计", "累计", "已", "已达", "已有", "已经", "减少到",
  "减少至", "减至", "下降到", "下降至", "降至", "降到", "降低到", "降低至",
  "增长到", "增长至", "增加到", "增加至", "增至", "提高到", "提高至", "提升到",
  "提升至", "上升到", "上升至", "发展到", "发展至", "扩大到", "扩大至", "到",
  "至", "由", "从", "分别为", "分别", "就有", "也有", "还有", "则", "而",
  "即", "现有", "拥有", "辖", "下辖", "管辖", "涉及", "包括", "其中", "实现",
  "大约", "大概", "左右", "平均", "总共", "一共", "又", "再", "还", "也",
  "就", "达成", "人均达", "为止", "不超过", "不低于", "不少于", "不高于",
  "低于", "高于", "少于", "多于", "以上", "以",
  /* spoken particles (收入呢,3000元) */
  "呢", "啊", "呀", "吧", "嘛", "哩", NULL};
static CnkgWordList link_tail_list = CNKG_WORDLIST(link_tail);

/* Words that join two figures of one indicator (从800亩发展到3800亩). */
static const char *const change_verbs[] = {
  "发展", "增长", "增加", "减少", "下降", "降低", "提高", "提升", "上升",
  "扩大", "缩小", "升至", "变为", "变成", "达到", "降至", "增至", "减至",
  "降到", "降为", "减少到", "减少至", "下降到", "下降至", "增长到", "增加到",
  "提高到", "上升到", "降低到", "减少为", "下降为", NULL};
CnkgWordList figure_change_verbs_list = CNKG_WORDLIST(change_verbs);

/* A clause that is only one of these before its number takes its
 * indicator from the clause before (因病致贫,占28.08%). */
static const char *const copulas[] = {
  "占", "约占", "为", "是", "达", "达到", "占比", "约为", "分别为", "分别占",
  NULL};
static CnkgWordList copulas_list = CNKG_WORDLIST(copulas);

/* Openers stripped from the start of the text before a number: connectives,
 * adverbs and whole-place subjects (全村, 该县). */
static const char *const lead_words[] = {
  "其中", "同时", "此外", "另外", "并且", "并", "还", "也", "又", "已",
  "已经", "先后", "共", "共计", "总共", "一共", "累计", "再", "就", "都",
  "均", "则", "而", "其", "即", "仅", "把", "将", "对", "给", "向", "使",
  "让", "通过", "依托", "经过", "围绕", "现有", "目前", "如今", "现在",
  "当前", "全村", "全县", "全乡", "全镇", "全旗", "全市", "全省", "全区",
  "全州", "全盟", "全组", "全社区", "全嘎查", "该村", "该县", "该乡", "该镇",
  "该旗", "该市", "该区", "该省", "该州", "本村", "本县", "本乡", "本镇",
  "全国", "全年", "全面", "全", "村里", "县里", "乡里", "镇里", "我们", "他们", "我", "他",
  "她", "这里", "这", "那", "为", "在", "有", "是", "从", "由", "与", "和",
  "及", "以及", "或", "等", "约", "近", "达", "了", "的", "在此基础上",
  "力争", "确保", "计划", "预计", "预期", "目标", "拟", "要", "一是", "二是",
  "三是", "四是", "五是", "六是", "七是", "八是", "九是", "十是", "其一",
  "其二", "首先", "其次", "最后", "截至目前", "截止目前", "到目前", "迄今",
  "按照", "依照", "带着", NULL};
static CnkgWordList lead_words_list = CNKG_WORDLIST(lead_words);

/* Words that end a noun phrase after a number (2.48亿元的综合资金|建设). */
static const char *const right_stops[] = {
  "了", "着", "过", "的", "在", "于", "是", "为", "和", "及", "与", "等", "都",
  "也", "还", "已", "均", "共", "将", "被", "把", "从", "由", "并", "而",
  "就", "才", "又", "再",
  "实现", "进行", "参与", "参加", "获得", "得到", "带动", "建设", "发展",
  "完成", "开展", "通过", "达到", "提高", "增加", "减少",
  "入股", "用于", "作为", "成为", "全部", "已经", "正在", "陆续", "分别",
  "每年", "每户", "每人", "人均", "户均", "左右", "以上", "以下", "之多",
  "上下", "开外", "成立", "建立", "设立", "结成", "签订", "完善", "进入",
  "发起", "走上", "担任", "主动", "踊跃", "每个", "每", "挂村", "发文",
  "存在", "基本", "参股", "受益", "就业", "加入", "申请", "获", "享受",
  "覆盖", "落户", "投产", "开工", "竣工", "上市", "销往", "外出", "如期",
  "目标", "任务", "计划", "达", "用来", "用作", "呢", "啊", "呀", "吧", "嘛", "哩", NULL};
static CnkgWordList right_stops_list = CNKG_WORDLIST(right_stops);

/* Verbs that take the indicator noun as their object: the indicator is
 * what follows the last of them (带领全村发展|井冈蜜柚1100亩). Changes
 * (减少贫困人口) are not here: they keep the verb. */
static const char *const object_verbs[] = {
  "发展", "带领", "带动", "辐射带动", "深入", "吸纳", "帮助", "协调", "决定",
  "实施", "启动", "设立", "成立", "建立", "建成", "打造", "培育", "培植",
  "引进", "组建", "组织", "动员", "推动", "落实", "争取", "筹集", "种植",
  "种", "养殖", "新建", "修建", "完成", "购置", "购买", "购入", "安装",
  "铺设", "清理", "清运", "整治", "流转", "扶持", "解决", "吸引", "引导",
  "覆盖", "惠及", "签订", "提拔", "重用", "招募", "招聘", "转移", "安置",
  "硬化", "改造", "新增", "投入", "投资", "拿出", "募集", "捐赠", "捐资",
  "发放", "兑现", "收购", "销售", "培养", "选派", "选调", "输出", "开发",
  "建设", "试种", "栽种", "栽植", "新种", "补种", "养", "种下", NULL};
CnkgWordList figure_object_verbs_list = CNKG_WORDLIST(object_verbs);
/* Nouns that make the verb before them part of the indicator (种植面积,
 * 投资总额): no cut after the verb then. */
static const char *const nominal_heads[] = {
  "面积", "规模", "总量", "产值", "总额", "金额", "资金", "总投资", "收入",
  "人数", "户数", "数量", "能力", "基地", "项目", "产量", "效益", "比例",
  "率", "费", NULL};
static CnkgWordList nominal_heads_list = CNKG_WORDLIST(nominal_heads);

/* Hedges after a number. */
static const char *const hedge_tail[] = {
  "以上", "左右", "上下", "之多", "开外", "有余", "以下", "以内", NULL};
static CnkgWordList hedge_tail_list = CNKG_WORDLIST(hedge_tail);
/* Hedges before a number. */
static const char *const hedge_head[] = {
  "近", "约", "大约", "超过", "超", "逾", "不足", "不到", "将近", "接近",
  "最高", "最低", "至少", "至多", "多达", "高达", "达", "过", "破", "突破",
  "不超过", "不低于", "不少于", "不高于", "低于", "高于", "少于", "多于",
  NULL};
static CnkgWordList hedge_head_list = CNKG_WORDLIST(hedge_head);

/* ---- the indicator's text ---------------------------------------------- */

CnkgStatus cnkg_figure_indicator(const CnkgFigure *fig, CnkgStr sentence,
                                 char *out, size_t outsize) {
  if (!fig || !out || outsize == 0 || (!sentence.buf && sentence.len) ||
      fig->ind_begin > fig->ind_end || fig->ind_end > sentence.len)
    return CNKG_ERR_ARG;
  out[0] = '\0';
  if (fig->ind_word) {
    size_t n = strlen(fig->ind_word);
    if (n >= outsize) return CNKG_ERR_ARG;
    memcpy(out, fig->ind_word, n + 1);
    return CNKG_SUCCESS;
  }
  size_t k = 0, i = fig->ind_begin;
  while (i < fig->ind_end) {
    size_t at = i;
    uint32_t c = cnkg_utf8_next_valid(sentence.buf, &i);
    if (c == 0x201C || c == 0x201D || c == 0x2018 || c == 0x2019 || c == ' ')
      continue;
    if (k + (i - at) >= outsize) break;
    memcpy(out + k, sentence.buf + at, i - at);
    k += i - at;
  }
  out[k] = '\0';
  return k ? CNKG_SUCCESS : CNKG_NOTHING;
}

/* ---- text helpers ------------------------------------------------------ */

/* True if pos lies in one of the n stops, sorted by begin and merged so
 * that they do not overlap (binary search: figures stay linear). */
static bool in_stop(const CnkgFigureStop *stops, size_t n, size_t pos,
                    CnkgFigureStop *hit) {
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (stops[mid].end <= pos) lo = mid + 1;
    else hi = mid;
  }
  if (lo < n && stops[lo].begin <= pos && pos < stops[lo].end) {
    if (hit) *hit = stops[lo];
    return true;
  }
  return false;
}

static int by_begin(const void *a, const void *b) {
  const CnkgFigureStop *x = a, *y = b;
  if (x->begin != y->begin) return x->begin < y->begin ? -1 : 1;
  return x->end < y->end ? -1 : x->end > y->end;
}

/* Start of the clause text before pos: back to a boundary, the previous
 * figure (floor), a name, or max_chars. Parenthesised asides (站) and short
 * quotations (“十三五”) are taken in whole. */
size_t figure_left_start(const char *s, size_t floor, size_t pos,
                         const Stops *st, size_t max_chars) {
  size_t i = pos, chars = 0;
  while (i > floor && chars < max_chars) {
    size_t j = figure_prev_char(s, i);
    if (j < floor) break;
    size_t k = j;
    uint32_t c = cnkg_utf8_next_valid(s, &k);
    CnkgFigureStop hit;
    /* a name ends the text before the number; one that runs into the
     * number (a tagger's span over 两个自然村) does not */
    if (in_stop(st->v, st->n, j, &hit) && hit.end <= pos) break;
    if (c == ')' || c == 0x201D) {
      uint32_t open = c == ')' ? '(' : 0x201C;
      size_t m = j, n = 0;
      bool found = false;
      while (m > floor && n < 12) {
        m = figure_prev_char(s, m);
        n++;
        size_t q = m;
        uint32_t d = cnkg_utf8_next_valid(s, &q);
        if (d == open) {
          found = true;
          break;
        }
        if (d == c || figure_is_boundary(d) || d == 0x3002) {
          if (d != 0x3001) break; /* 县(市、区) keeps its 、 */
        }
      }
      if (!found) break;
      chars += n + 1;
      i = m;
      continue;
    }
    if (figure_is_boundary(c) || c == '(' || c == 0x201C || c == 0x2018 ||
        c == 0x2019)
      break;
    i = j;
    chars++;
  }
  return i;
}

/* End of the noun phrase after pos (at most max_chars). */
size_t figure_right_end(const char *s, size_t len, size_t pos,
                        const Stops *st, size_t max_chars) {
  size_t i = pos, chars = 0;
  while (i < len && chars < max_chars) {
    size_t k = i;
    uint32_t c = cnkg_utf8_next_valid(s, &k);
    CnkgFigureStop hit;
    if ((in_stop(st->v, st->n, i, &hit) && hit.begin >= pos) || figure_is_digit(c)) break;
    if (c == '(' && chars == 0) break; /* 118户(动态数据): an aside */
    if (c == 0x201C || c == '(') {
      uint32_t close = c == '(' ? ')' : 0x201D;
      size_t m = k, n = 0;
      bool found = false;
      while (m < len && n < 12) {
        uint32_t d = cnkg_utf8_next_valid(s, &m);
        n++;
        if (d == close) {
          found = true;
          break;
        }
        if (figure_is_boundary(d) && d != 0x3001) break;
      }
      if (!found) break;
      chars += n + 1;
      i = m;
      continue;
    }
    if (figure_is_boundary(c) || c == ')' || c == 0x201D || c == 0x2018 ||
        c == 0x2019 || c == '%')
      break;
    /* a Chinese numeral starting a new figure ends the phrase */
    if (figure_cn_digit(c) > 0 && chars > 0) {
      size_t q = k;
      uint32_t d = figure_char_at(s, len, q);
      if (figure_cn_power(d) > 0 || figure_cn_digit(d) >= 0) break;
    }
    i = k;
    chars++;
  }
  return i;
}

/* Length of a word of l at the end of [b, e), 0 if none. */
size_t figure_tail_word(CnkgWordList *l, const char *s, size_t b, size_t e) {
  return e > b ? cnkg_wordlist_before(l, s, b, e) : 0;
}

/* 1 matched (end of the match in *end), 0 not, -1 limit or error. */
int figure_match_at(const CnkgFigureFinder *f, const pcre2_code *re,
                    pcre2_match_data *md, const char *s, size_t len,
                    size_t start, uint32_t opts, size_t *mb, size_t *me) {
  return cnkg_re_span(re, md, f->mctx, s, len, start, opts, mb, me);
}

/* Strips linking words and time phrases from both ends of [*b, *e).
 * *linked says a linking word (有, 达到, 降至) was removed at the end. */
static int strip_left_text(const CnkgFigureFinder *f, pcre2_match_data *md,
                           const char *s, size_t *b, size_t *e,
                           bool *linked, bool *to_form) {
  bool changed = true;
  *linked = false;
  *to_form = false;
  while (changed && *e > *b) {
    changed = false;
    size_t n = figure_tail_word(&link_tail_list, s, *b, *e);
    if (n) {
      /* 增长到, 降至, 减少为: the number is where a change ended */
      if ((cnkg_wordlist_word_before(s, *e - n, *e, "到") ||
           cnkg_wordlist_word_before(s, *e - n, *e, "至") ||
           cnkg_wordlist_word_before(s, *e - n, *e, "为")))
        *to_form = true;
      *e -= n;
      *linked = true;
      changed = true;
      continue;
    }
    size_t mb, me;
    int rc = figure_match_at(f, f->time_tail, md, s, *e, *b, 0, &mb, &me);
    if (rc < 0) return -1;
    if (rc && mb < *e) {
      *e = mb;
      changed = true;
    }
  }
  changed = true;
  while (changed && *e > *b) {
    changed = false;
    size_t me;
    int rc = figure_match_at(f, f->time_head, md, s, *e, *b, PCRE2_ANCHORED, NULL, &me);
    if (rc < 0) return -1;
    if (rc && me > *b) {
      *b = me;
      changed = true;
      continue;
    }
    size_t n = cnkg_wordlist_at(&lead_words_list, s, *b, *e);
    if (n && n < *e - *b) {
      *b += n;
      changed = true;
    } else if (n == *e - *b) {
      /* the whole text is an opener (全村, 目前): no indicator */
      *b = *e;
    }
  }
  return 0;
}

/* Right phrase [b, *e): cut at the first stop word after its start; a
 * leading 的 is skipped by the caller. */
static size_t cut_right(const char *s, size_t b, size_t e) {
  size_t i = b;
  while (i < e) {
    size_t n = cnkg_wordlist_at(&right_stops_list, s, i, e);
    if (n || (i > b && cnkg_wordlist_at(&figure_object_verbs_list, s, i, e)))
      return i;
    cnkg_utf8_next_valid(s, &i);
  }
  return e;
}

bool figure_contains_word(CnkgWordList *l, const char *s, size_t b, size_t e) {
  size_t i = b;
  while (i < e) {
    if (cnkg_wordlist_at(l, s, i, e)) return true;
    cnkg_utf8_next_valid(s, &i);
  }
  return false;
}

/* ---- the indicator ----------------------------------------------------- */

/* Indicator default when the text names none. */
static const char *default_indicator(const char *unit) {
  if (strcmp(unit, "户") == 0) return "户数";
  if (strcmp(unit, "人") == 0) return "人口";
  return NULL;
}

/* Words that make a figure a part of the one before (其中). */
static const char *const part_words[] = {"其中", NULL};
static CnkgWordList part_words_list = CNKG_WORDLIST(part_words);

/* Nouns a count of people or households names (56户203名贫困人口…): the
 * phrase after is then that noun's, not a verb phrase. */
static const char *const counted_nouns[] = {
  "贫困", "建档立卡", "人口", "群众", "农户", "农民", "村民", "居民", "牧民", "劳动力",
  "党员", "干部", "家庭", "学生", "职工", "工人", "游客", "脱贫户", "低收入", NULL};
static CnkgWordList counted_nouns_list = CNKG_WORDLIST(counted_nouns);

/* What a count of households or people did when nothing names them but
 * the verb phrase after (村里有56户203人(含外出务工人员)
 * 搬进了安置小区): the rest of the clause, past a count of people
 * after the households and an aside in parentheses, up to 12 characters,
 * stopped by a name. False when the clause ends there (全村共210户640人,)
 * or goes on with what is no verb (…人中, …人的, …人和…, …名贫困人口). */
static bool tail_phrase(const char *s, size_t len, size_t e, const Stops *st, size_t *b,
                        size_t *pe) {
  size_t p = e;
  /* the people of the households (56户|203人) */
  size_t q = p;
  while (q < len && (figure_is_digit((unsigned char)s[q]) || s[q] == '.')) q++;
  if (q > p) {
    if (cnkg_wordlist_word_at(s, q, len, "万")) q += 3;
    if (cnkg_wordlist_word_at(s, q, len, "余") || cnkg_wordlist_word_at(s, q, len, "多")) q += 3;
    if (cnkg_wordlist_word_at(s, q, len, "人") || cnkg_wordlist_word_at(s, q, len, "名"))
      p = q + 3;
    else
      return false;
  }
  if (p < len && s[p] == '(') { /* (含外出务工人员) */
    size_t c = p;
    while (c < len && c < p + 60 && s[c] != ')') c++;
    if (c >= len || s[c] != ')') return false;
    p = c + 1;
  }
  uint32_t first = figure_char_at(s, len, p);
  if (!first || figure_is_boundary(first) || first < 0x4E00 ||
      cnkg_utf8_char_in("的和及与等其中以占是为左上中共", s, p, len) ||
      cnkg_wordlist_at(&counted_nouns_list, s, p, len))
    return false;
  size_t i = p, chars = 0;
  while (i < len && chars < 12) {
    size_t k = i;
    uint32_t c = cnkg_utf8_next_valid(s, &k);
    CnkgFigureStop hit;
    if (in_stop(st->v, st->n, i, &hit) || figure_is_digit(c) || c < 0x3001 ||
        (figure_is_boundary(c) && c != 0x3001))
      break;
    i = k;
    chars++;
  }
  while (i > p && cnkg_utf8_char_in("、", s, figure_prev_char(s, i), len)) i = figure_prev_char(s, i);
  if (chars < 2 || i <= p + 3) return false;
  *b = p;
  *pe = i;
  return true;
}

/* LAC tags some common nouns of places as LOC (自然村, 村民小组); they are
 * what a number counts, not names, and do not stop an indicator. */
static const char *const generic_places[] = {
  "自然村", "行政村", "村民小组", "自然寨", "自然屯", "贫困村", "村组", "小组",
  "贫困县", "乡镇", NULL};
static CnkgWordList generic_places_list = CNKG_WORDLIST(generic_places);

static bool lac_stop(const CnkgLacResult *lac, size_t i, const char *s) {
  const char *tag = lac->words[i].tag;
  if (strcmp(tag, "PER") != 0 && strcmp(tag, "LOC") != 0) return false;
  size_t b = lac->words[i].begin, e = lac->words[i].end;
  return !(s && strcmp(tag, "LOC") == 0 && figure_tail_word(&generic_places_list, s, b, e));
}

/* Collects LAC's name words as stops after the caller's. */
CnkgStatus figure_make_stops(const char *s, const CnkgFigureStop *stops, size_t n_stops,
                             const CnkgLacResult *lac, Stops *st) {
  size_t extra = 0;
  if (lac)
    for (size_t i = 0; i < lac->n_words; i++)
      if (lac_stop(lac, i, s)) extra++;
  st->n = 0;
  st->v = NULL;
  if (n_stops + extra == 0) return CNKG_SUCCESS;
  st->v = malloc((n_stops + extra) * sizeof *st->v);
  if (!st->v) return CNKG_ERR_NOMEM;
  for (size_t i = 0; i < n_stops; i++) st->v[st->n++] = stops[i];
  if (lac)
    for (size_t i = 0; i < lac->n_words; i++)
      if (lac_stop(lac, i, s))
        st->v[st->n++] = (CnkgFigureStop){lac->words[i].begin, lac->words[i].end};
  /* sorted and merged, for in_stop's binary search */
  qsort(st->v, st->n, sizeof *st->v, by_begin);
  size_t k = 0;
  for (size_t i = 0; i < st->n; i++) {
    if (st->v[i].end <= st->v[i].begin) continue;
    if (k && st->v[i].begin <= st->v[k - 1].end) {
      if (st->v[i].end > st->v[k - 1].end) st->v[k - 1].end = st->v[i].end;
    } else {
      st->v[k++] = st->v[i];
    }
  }
  st->n = k;
  return CNKG_SUCCESS;
}

/* Skips 以上/左右 and a 的 after the token; sets *hedged. */
size_t figure_after_token(const char *s, size_t len, size_t e, bool *hedged,
                          bool *de) {
  size_t n = cnkg_wordlist_at(&hedge_tail_list, s, e, len);
  if (n) {
    *hedged = true;
    e += n;
  }
  *de = cnkg_wordlist_word_at(s, e, len, "的");
  if (*de) e += 3;
  return e;
}

/* Moves *b past the last object verb of [*b, e) when a noun of two or more
 * characters follows it that is not the verb's own head (种植|面积). */
static void cut_object_verb(const char *s, size_t *b, size_t e) {
  size_t cut = *b, i = *b;
  while (i < e) {
    size_t n = cnkg_wordlist_at(&figure_object_verbs_list, s, i, e);
    /* 种植|面积 is one noun; 实施|总投资 is a verb and its object */
    if (n && e - (i + n) >= 6 &&
        (!cnkg_wordlist_at(&nominal_heads_list, s, i + n, e) ||
         cnkg_wordlist_word_at(s, i + n, e, "总")))
      cut = i + n;
    cnkg_utf8_next_valid(s, &i);
  }
  if (cut == *b) return;
  *b = cut;
  while (*b < e) { /* 发展了井冈蜜柚; 深入全乡 names nothing */
    size_t n = cnkg_wordlist_at(&lead_words_list, s, *b, e);
    if (!n) break;
    *b += n;
  }
}

/* True if [b, e) ends with a measure noun (占地面积|30亩的民宿). */
static bool ends_with_head(const char *s, size_t b, size_t e) {
  return figure_tail_word(&nominal_heads_list, s, b, e) > 0;
}

/* True if only separators (, 、 共, and 至 of 300米至1800米) lie between the previous figure and b. */
bool figure_follows_directly(const char *s, size_t from, size_t b) {
  size_t i = from;
  while (i < b && (s[i] == ',' || s[i] == '-' || s[i] == '~' ||
                   cnkg_wordlist_word_at(s, i, b, "、") ||
                   cnkg_wordlist_word_at(s, i, b, "共") ||
                   cnkg_wordlist_word_at(s, i, b, "至") ||
                   cnkg_wordlist_word_at(s, i, b, "到")))
    i += ((unsigned char)s[i] < 0x80) ? 1 : 3;
  return i >= b;
}

/* Whether an indicator carries over from prev to a figure of unit: people
 * after households (42户96人) or the same unit. */
bool figure_carries_over(const CnkgFigure *prev, const char *unit) {
  if (strcmp(prev->unit, unit) == 0) return true;
  return strcmp(prev->unit, "户") == 0 &&
         (strcmp(unit, "人") == 0 || strcmp(unit, "名") == 0);
}

/* Fills fig's indicator from the clause around token t. prev is the last
 * figure of the sentence or NULL; floor where the text before may start;
 * *right_used says the noun after the number was taken. */
int figure_read_indicator(const CnkgFigureFinder *f, pcre2_match_data *md,
                          const char *s, size_t len, const Token *t,
                          const Stops *st, const CnkgFigure *prev, size_t floor,
                          CnkgFigure *fig, bool *hedged, bool *right_used,
                          size_t *left_b, size_t *left_e) {
  size_t lb = figure_left_start(s, floor, t->b, st, 20), le = t->b;
  /* a hedge before the number belongs to the number */
  size_t hn = figure_tail_word(&hedge_head_list, s, lb, le);
  if (hn) *hedged = true;
  bool linked, to_form;
  size_t raw_lb = lb;
  if (strip_left_text(f, md, s, &lb, &le, &linked, &to_form) < 0) return -1;
  /* 一是因病致贫,占28.08%: the clause before names what is measured when
   * this one is only a copula */
  if (le == lb && raw_lb > floor && s[raw_lb - 1] == ',' &&
      cnkg_wordlist_has(&copulas_list, s + raw_lb, t->b - raw_lb)) {
    size_t pe = raw_lb - 1, pb = figure_left_start(s, floor, pe, st, 20);
    bool l2, to2;
    if (pb > floor || floor == 0) {
      if (strip_left_text(f, md, s, &pb, &pe, &l2, &to2) < 0) return -1;
      if (pe > pb) lb = pb, le = pe;
    }
  }
  if (le > lb) cut_object_verb(s, &lb, le);
  bool de;
  size_t rb = figure_after_token(s, len, t->e, hedged, &de);
  size_t re = figure_right_end(s, len, rb, st, 12);
  size_t rcut = cut_right(s, rb, re);
  bool adjacent = prev && figure_follows_directly(s, prev->end, t->b) &&
                  figure_carries_over(prev, fig->unit);
  /* 从800亩发展到3800亩, 由54.4%下降到0.46%: the second number ends the
   * change the first began, under one indicator */
  bool change_only = to_form &&
                     (le == lb || cnkg_wordlist_has(&figure_change_verbs_list, s + lb, le - lb)) &&
                     figure_contains_word(&figure_change_verbs_list, s, raw_lb, t->b);
  bool left = le > lb && !change_only;
  bool right = rcut > rb;
  /* 实施了800亩黄金茶种植, 完成1380户旱厕改造: a bare verb before the
   * number has its object after it; before money (投资8万元) the verb
   * names the amount itself */
  bool verb_only = left && strcmp(fig->unit, "元") != 0 &&
                   cnkg_wordlist_has(&figure_object_verbs_list, s + lb, le - lb);
  /* 合作社有59户243名贫困户: the noun after the pair names both, not the
   * owner before 有 */
  bool owner_pair = adjacent && !left && right && prev->ind_owner;
  bool inherit = prev && prev->ind_end > prev->ind_begin && !owner_pair &&
                 ((adjacent && !left) || change_only);
  *left_b = lb;
  *left_e = left ? le : lb;
  fig->ind_word = NULL;
  *right_used = false;
  size_t ib = t->b, ie = t->b;
  if (fig->implied_unit) {
    if (right) ib = rb, ie = rcut, *right_used = true;
    else if (left) ib = lb, ie = le;
  } else if (inherit) {
    ib = prev->ind_begin, ie = prev->ind_end;
  } else if (right && (de || t->unit->kind == UK_COUNT || !left || verb_only) &&
             !(de && left && ends_with_head(s, lb, le))) {
    ib = rb, ie = rcut, *right_used = true;
  } else if (left) {
    ib = lb, ie = le;
    for (size_t k = le; linked && k + 3 <= t->b && !fig->ind_owner; k++)
      fig->ind_owner = !memcmp(s + k, "有", 3);
  } else if (default_indicator(fig->unit) && tail_phrase(s, len, t->e, st, &ib, &ie)) {
    *right_used = true;
  } else if (prev && prev->ind_end > prev->ind_begin && strcmp(prev->unit, fig->unit) == 0 &&
             figure_contains_word(&part_words_list, s, prev->end, t->b)) {
    /* 核桃林8000亩,其中青岗村有2500亩: a part of the figure before */
    ib = prev->ind_begin, ie = prev->ind_end;
  } else {
    fig->ind_word = default_indicator(fig->unit);
  }
  fig->ind_begin = ib;
  fig->ind_end = ie;
  return 0;
}
