/* SPDX-License-Identifier: Apache-2.0
 * The figures of a sentence tied to what they are about (see facts.c): the
 * names that stop an indicator, the date of each figure, a counted group
 * whose members each get the figure (3个县…均), and the subject, from the
 * figure's clause out to the paragraph and the document, then the figure
 * node with its indicator, value, unit, date and target flag. Depends on
 * facts_int.h (the state and clause helpers of facts.c) and figure.h. */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extractor/facts_int.h"

/* The names in sentence i that end an indicator: places, organisations
 * and people. A policy or industry word is part of what is measured
 * (建档立卡户18户, 种植苹果3591亩), so it does not stop it. */
static CnkgStatus sentence_stops(Facts *f, size_t i, size_t *n) {
  CnkgDocState *st = f->st;
  size_t sb = st->text->sentences[i].begin;
  *n = 0;
  for (size_t k = cnkg_docstate_first_span(st, i); k != SIZE_MAX;
       k = cnkg_docstate_next_span(st, k)) {
    CnkgType ty = st->spans[k].type;
    if (!cnkg_type_is_place(ty) && ty != CNKG_TYPE_ORGANIZATION && ty != CNKG_TYPE_PERSON)
      continue;
    if (*n == f->cap_stops) {
      size_t nc = f->cap_stops ? 2 * f->cap_stops : 32;
      CnkgFigureStop *p = realloc(f->stops, nc * sizeof *p);
      if (!p) return CNKG_ERR_NOMEM;
      f->stops = p;
      f->cap_stops = nc;
    }
    f->stops[(*n)++] = (CnkgFigureStop){st->spans[k].begin - sb, st->spans[k].end - sb};
  }
  return CNKG_SUCCESS;
}

/* The time a figure at byte pos of sentence i refers to: a date right
 * before the number (从2014年的36.99%, 2018年的8511元) whatever its kind;
 * else the last date before it in the sentence that is not a start
 * (截至2019年底,…从2014年的36.99%降至0.09%: the 0.09% is of 2019). */
/* Where the number a date modifies starts: right after it or a hedge
 * (2016年约300万元), after its 的, or after a short qualifier ending in 的
 * (2014年建档立卡时的54.4%);
 * SIZE_MAX if no number follows so. */
static size_t dated_number(const char *t, size_t from, size_t end) {
  /* a hedge between the date and its number (从2016年约300万元) */
  static const char *const hedges[] = {"不足", "不到", "将近", "接近", "近", "约", "仅",
                                       "只有", "超过", "逾"};
  for (size_t k = 0; k < sizeof hedges / sizeof *hedges; k++)
    if (facts_starts_with(t, from, end, hedges[k])) {
      size_t n = from + strlen(hedges[k]);
      if (n < end && t[n] >= '0' && t[n] <= '9') return n;
    }
  size_t lim = from + 30 < end ? from + 30 : end;
  for (size_t p = from; p < lim; p++) {
    if (t[p] >= '0' && t[p] <= '9') return p == from ? p : SIZE_MAX;
    if (t[p] == ',' || t[p] == ';') return SIZE_MAX;
    if (p + 3 < end && !memcmp(t + p, "的", 3) && t[p + 3] >= '0' && t[p + 3] <= '9')
      return p + 3;
  }
  return SIZE_MAX;
}

/* Whether a start (今年以来) lies in the year the page is dated: what is
 * counted since then is that year's, not a total over years (2017年以来). */
static bool this_year(const Facts *f, const CnkgTimexHit *x) {
  const CnkgDocument *doc = cnkg_graph_document(f->st->graph, f->st->doc);
  const char *iso = facts_hit_iso(x);
  return doc && doc->issued && iso && strlen(doc->issued) >= 4 && strlen(iso) >= 4 &&
         !memcmp(doc->issued, iso, 4);
}

static const CnkgTimexHit *figure_time(const Facts *f, size_t i, size_t pos) {
  const char *t = f->st->text->norm;
  size_t se = f->st->text->sentences[i].end;
  const CnkgTimexHit *best = NULL;
  for (size_t h = f->first_hit[i]; h < f->first_hit[i + 1]; h++) {
    const CnkgTimexHit *x = &f->hits.v[h];
    if (x->begin >= pos) break;
    if (!facts_hit_iso(x) || x->end > pos) continue;
    size_t num = dated_number(t, x->end, se);
    if (num == pos) {
      best = x;
      continue;
    }
    /* 由2014年的54.4%下降到0.46%: the date is the first number's, unless
     * the two go together (2017年538户1700人) */
    if (num < pos) {
      bool apart = false;
      for (size_t p = num; p < pos && !apart; p++)
        apart = t[p] == ',' || facts_starts_with(t, p, pos, "到") || facts_starts_with(t, p, pos, "至");
      if (apart) continue;
    }
    if (x->mod != CNKG_TIMEX_SINCE || this_year(f, x)) best = x;
  }
  /* 2021年9月,…当年就卖出12万元: 当年 repeats the year of the date
   * before it, which says more */
  const char *bi = best ? facts_hit_iso(best) : NULL;
  if (bi && best->relative && best->anchor != CNKG_TIMEX_FROM_REFERENCE && strlen(bi) == 4)
    for (size_t h = f->first_hit[i]; h < f->first_hit[i + 1]; h++) {
      const CnkgTimexHit *x = &f->hits.v[h];
      const char *xi = facts_hit_iso(x);
      if (x == best) break;
      if (xi && !x->relative && x->mod == CNKG_TIMEX_AT && strlen(xi) > 4 && !memcmp(xi, bi, 4))
        best = x, bi = xi;
    }
  return best;
}

/* The time of a figure whose sentence sums up what the one before told
 * (2019年6月,省里公布了新一批名单。至此,摘帽的县达到12个): the
 * last date of that sentence, when 至此 opens the figure's clause or one
 * before it and the sentence names no date before the figure. */
static const CnkgTimexHit *hence_time(const Facts *f, size_t i, size_t pos) {
  const char *t = f->st->text->norm;
  size_t sb = f->st->text->sentences[i].begin;
  bool hence = false;
  for (size_t p = sb; p + 6 <= pos && !hence; p++)
    hence = facts_starts_with(t, p, pos, "至此") &&
            (p == sb || t[p - 1] == ',' || facts_clause_start(f->st, i, p) == p);
  if (!hence) return NULL;
  const CnkgTimexHit *best = NULL;
  for (size_t h = f->first_hit[i - 1]; h < f->first_hit[i]; h++)
    if (facts_hit_iso(&f->hits.v[h])) best = &f->hits.v[h];
  return best;
}

/* A group of places the figures of a sentence are about one by one:
 * 这3个县的贫困发生率都已低于1% after a sentence that lists the three
 * counties. begin..end is the group's count (not a figure itself). */
#define GROUP_MAX 64
typedef struct {
  size_t begin, end; /* byte offsets in norm; begin == end: no group */
  size_t n;
  size_t members[GROUP_MAX];
} Group;

/* The level nouns a counted group names, and the place type they stand for. */
static const struct {
  const char *word;
  CnkgType type;
} group_levels[] = {{"贫困县", CNKG_TYPE_COUNTY}, {"县", CNKG_TYPE_COUNTY},
                    {"贫困村", CNKG_TYPE_VILLAGE}, {"行政村", CNKG_TYPE_VILLAGE},
                    {"村", CNKG_TYPE_VILLAGE},     {"乡镇", CNKG_TYPE_TOWNSHIP},
                    {"乡", CNKG_TYPE_TOWNSHIP},    {"镇", CNKG_TYPE_TOWNSHIP}};

static bool is_numeral_byte_at(const char *t, size_t p) {
  static const char *const cn[] = {"零", "一", "二", "两", "三", "四", "五",
                                   "六", "七", "八", "九", "十", "百"};
  if (t[p] >= '0' && t[p] <= '9') return true;
  for (size_t k = 0; k < sizeof cn / sizeof *cn; k++)
    if (!memcmp(t + p, cn[k], 3)) return true;
  return false;
}

/* Finds in sentence i a counted group (N个县, N个贫困村(社区)) that is the
 * subject of what follows: 的 or 均/都 right after it, and 均 or 都 later
 * in the sentence (the figures hold for each). Its members are the places
 * of that level named in the nearest sentence (this one before the group,
 * or one of the 20 before) that names exactly N of them. */
static void find_group(const Facts *f, size_t i, Group *g) {
  const CnkgDocState *st = f->st;
  const char *t = st->text->norm;
  size_t sb = st->text->sentences[i].begin, se = st->text->sentences[i].end;
  g->begin = g->end = 0;
  g->n = 0;
  for (size_t p = sb; p + 3 <= se; p++) {
    if (memcmp(t + p, "个", 3)) continue;
    size_t nb = p;
    while (nb > sb) {
      size_t q = t[nb - 1] >= '0' && t[nb - 1] <= '9' ? nb - 1 : (nb >= sb + 3 ? nb - 3 : nb);
      if (q == nb || !is_numeral_byte_at(t, q)) break;
      nb = q;
    }
    if (nb == p) continue;
    size_t w = p + 3, k = 0;
    for (; k < sizeof group_levels / sizeof *group_levels; k++)
      if (facts_starts_with(t, w, se, group_levels[k].word)) break;
    if (k == sizeof group_levels / sizeof *group_levels) continue;
    size_t e = w + strlen(group_levels[k].word);
    if (facts_starts_with(t, e, se, "(")) { /* 县(市、区) */
      size_t c = e;
      while (c < se && t[c] != ')') c++;
      if (c == se || c - e > 24) continue;
      e = c + 1;
    }
    if (!facts_starts_with(t, e, se, "的") && !facts_starts_with(t, e, se, "均") &&
        !facts_starts_with(t, e, se, "都"))
      continue;
    if (!facts_has_char(t, e, se, "均") && !facts_has_char(t, e, se, "都")) continue;
    char val[CNKG_FIGURE_VALUE_MAX];
    CnkgStr num = {t + nb, p - nb};
    if (cnkg_figure_value(num, val, sizeof val) != CNKG_SUCCESS) continue;
    char *end = NULL;
    unsigned long want = strtoul(val, &end, 10);
    if (!end || *end || want < 2 || want > GROUP_MAX) continue;
    for (size_t j = i + 1; j-- > 0 && j + 20 >= i;) {
      size_t n = 0;
      bool over = false;
      for (size_t sk = cnkg_docstate_first_span(st, j); sk != SIZE_MAX && !over;
           sk = cnkg_docstate_next_span(st, sk)) {
        const CnkgSpan *sp = &st->spans[sk];
        if (sp->type != group_levels[k].type || (j == i && sp->end > nb)) continue;
        size_t m = 0;
        while (m < n && g->members[m] != sp->entity) m++;
        if (m < n) continue;
        if (n == GROUP_MAX) over = true;
        else g->members[n++] = sp->entity;
      }
      if (!over && n == want) {
        g->begin = nb;
        g->end = e;
        g->n = n;
        return;
      }
    }
  }
}

/* Whether [from, pos) makes a person its subject: 我, 他 or 她 not in
 * 我们/他们/她们/其他 (我自己种了1000棵, 她每月拜访4户): such a number is one
 * person's, not a figure of a place or body. */
static bool personal(const CnkgDocState *st, size_t from, size_t pos) {
  const char *t = st->text->norm;
  static const char *const pron[] = {"我", "他", "她"};
  for (size_t p = from; p + 3 <= pos; p++)
    for (size_t k = 0; k < 3; k++)
      if (!memcmp(t + p, pron[k], 3) && !facts_starts_with(t, p + 3, pos, "们") &&
          !(p >= from + 3 && !memcmp(t + p - 3, "其", 3))) /* 其他 */
        return true;
  return false;
}

/* Whether a person named in [from, pos) is the last name before pos
 * (村民张三种了5亩, 张三家养牛3头): the number is that person's, not a
 * figure of a place or body. */
static bool person_subject(const CnkgDocState *st, size_t i, size_t from, size_t pos) {
  size_t best_end = 0;
  bool person = false;
  for (size_t k = cnkg_docstate_first_span(st, i); k != SIZE_MAX;
       k = cnkg_docstate_next_span(st, k)) {
    const CnkgSpan *sp = &st->spans[k];
    if (sp->begin < from || sp->end > pos || sp->end < best_end) continue;
    if (sp->type != CNKG_TYPE_PERSON && !facts_is_subject_type(sp->type)) continue;
    if (sp->end > best_end || sp->type != CNKG_TYPE_PERSON) person = sp->type == CNKG_TYPE_PERSON;
    best_end = sp->end;
  }
  return person;
}

/* Whether the text right before b is a preposition that governs what
 * starts at b (在他的带领下, 由王刚负责): then it is no subject. */
static bool after_preposition(const char *t, size_t from, size_t b) {
  static const char *const preps[] = {"在", "由", "经", "对", "向", "为", "给", "让", "帮助", "帮"};
  for (size_t k = 0; k < sizeof preps / sizeof *preps; k++) {
    size_t n = strlen(preps[k]);
    if (b >= from + n && !memcmp(t + b - n, preps[k], n)) return true;
  }
  return false;
}

/* Where a person last became the subject in [from, pos): the end of a
 * pronoun (我 他 她 俺; not 我们 他们 其他, nor 我县 我国, which speak for a
 * place) not governed by a preposition; SIZE_MAX if none. A name is no
 * such mark: it is as often an object (看望了种茶大户张三,…). */
static size_t person_marker(const char *t, size_t from, size_t pos) {
  static const char *const pron[] = {"我", "他", "她", "俺"};
  size_t best = SIZE_MAX;
  for (size_t p = from; p + 3 <= pos; p++) {
    if ((unsigned char)t[p] < 0xE0) continue;
    for (size_t k = 0; k < sizeof pron / sizeof *pron; k++) {
      if (memcmp(t + p, pron[k], 3)) continue;
      if (facts_starts_with(t, p + 3, pos, "们") || after_preposition(t, from, p)) continue;
      if (p >= from + 3 && !memcmp(t + p - 3, "其", 3)) continue; /* 其他 */
      if (k == 0 && p + 6 <= pos && cnkg_utf8_char_in("国省市县区镇乡村州旗", t, p + 3, pos))
        continue;
      best = p + 3;
    }
  }
  return best;
}

/* Whether a person who is the subject of an earlier clause of sentence i
 * is still the subject at pos: 她回到老家开网店,专卖土特产,每月能挣
 * 4000元; “我家喂了6头牛,年底换回3万元”. Nothing after the person may take
 * over: a place or body in pos's own clause or one that can be a topic
 * (他创办的X合作社带动农户…; not 回到X县的家), an anaphor (全村, 合作社),
 * a verb of saying (他说,…: the figure is reported, not his), or one of
 * acting for others (他带动20户…, 为村里修路…: the figure is theirs).
 * Only the text after the last 。！？ counts (a quoted passage is one
 * sentence of several). */
static bool carried_person(const CnkgDocState *st, size_t i, size_t pos) {
  static const char *const takers[] = {"说", "介绍", "表示", "告诉", "指出", "透露",
                                       "坦言", "称", "了解到", "带动", "带领", "帮助",
                                       "帮扶", "动员", "组织", "协调", "争取", "捐", "为村"};
  const char *t = st->text->norm;
  size_t from = st->text->sentences[i].begin;
  for (size_t q = from; q < pos;) {
    bool stop = cnkg_utf8_char_in("。！？!?", t, q, pos);
    size_t r = q;
    cnkg_utf8_next(t, pos, &r);
    q = r > q ? r : q + 1;
    if (stop) from = q;
  }
  size_t m = person_marker(t, from, pos);
  if (m == SIZE_MAX) return false;
  size_t cs = facts_clause_start(st, i, pos);
  for (size_t k = cnkg_docstate_first_span(st, i); k != SIZE_MAX;
       k = cnkg_docstate_next_span(st, k)) {
    const CnkgSpan *sp = &st->spans[k];
    if (!facts_is_subject_type(sp->type) || sp->begin < m || sp->end > pos) continue;
    if (sp->begin >= cs || facts_topic_candidate(st, i, sp)) return false;
  }
  if (facts_anaphor_subject(st, i, m, pos) != SIZE_MAX) return false;
  for (size_t k = 0; k < sizeof takers / sizeof *takers; k++) {
    size_t n = strlen(takers[k]);
    for (size_t p = m; p + n <= pos; p++)
      if (!memcmp(t + p, takers[k], n)) return false;
  }
  return true;
}

/* e unless it is a news outlet (X新闻网讯, X日报记者…) or a body that
 * reports or decides on a place's figures (X统计局, X新闻办, X政府常务会):
 * the figures are not its own. Nor is a "name" that holds a clause
 * (X户牵头成立Y合作社): it is no body a figure can be about. */
static size_t figure_subject(const CnkgDocState *st, size_t e) {
  static const char *const media[] = {"报", "网", "台", "刊", "频道", "客户端", "在线",
                                      "杂志社", "报社", "融媒体中心", "新闻中心",
                                      "统计局", "新闻办", "新闻办公室", "常务会",
                                      "常务会议"};
  static const char *const clause_verbs[] = {"牵头", "成立", "组建", "创办", "带领"};
  if (e == SIZE_MAX) return e;
  const CnkgEntity *en = cnkg_graph_entity(st->graph, e);
  if (en->type != CNKG_TYPE_ORGANIZATION || !en->label) return e;
  if (facts_ends_with(en->label, "电网")) return e; /* a grid company */
  for (size_t k = 0; k < sizeof media / sizeof *media; k++)
    if (facts_ends_with(en->label, media[k])) return SIZE_MAX;
  for (size_t k = 0; k < sizeof clause_verbs / sizeof *clause_verbs; k++)
    if (strstr(en->label, clause_verbs[k])) return SIZE_MAX;
  return e;
}

/* Whether the span heads or continues a list (甲村、乙村3个村, 甲、乙项目):
 * a number after a list counts or describes its members, it is not about
 * one of them. */
static bool in_list(const CnkgDocState *st, size_t i, const CnkgSpan *sp) {
  const char *t = st->text->norm;
  size_t sb = st->text->sentences[i].begin, se = st->text->sentences[i].end;
  /* through a chain of names (日喀则市谢通门县等19个县) to its end */
  size_t e = sp->end;
  for (bool more = true; more;) {
    more = false;
    for (size_t k = cnkg_docstate_first_span(st, i); k != SIZE_MAX;
         k = cnkg_docstate_next_span(st, k))
      if (st->spans[k].begin == e && st->spans[k].end > e && facts_is_subject_type(st->spans[k].type)) {
        e = st->spans[k].end;
        more = true;
        break;
      }
  }
  /* 甲县等19个县: the head of a counted group */
  if (facts_starts_with(t, e, se, "等") && e + 3 < se && is_numeral_byte_at(t, e + 3)) return true;
  return facts_starts_with(t, e, se, "、") ||
         (sp->begin >= sb + 3 && !memcmp(t + sp->begin - 3, "、", 3));
}


/* The organisation sentence i founds before pos (…创办了X合作社,投入32万元):
 * the figures after it are the new body's. SIZE_MAX if none. */
static size_t founded_before(const CnkgDocState *st, size_t i, size_t pos) {
  static const char *const verbs[] = {"成立", "创立", "创办", "组建", "注册", "领办"};
  const char *t = st->text->norm;
  size_t sb = st->text->sentences[i].begin, best = SIZE_MAX, best_end = 0;
  for (size_t k = cnkg_docstate_first_span(st, i); k != SIZE_MAX;
       k = cnkg_docstate_next_span(st, k)) {
    const CnkgSpan *sp = &st->spans[k];
    if (sp->type != CNKG_TYPE_ORGANIZATION || sp->end > pos || sp->end <= best_end) continue;
    /* the verb within a few characters before the name (成立了“…”X) */
    size_t from = sp->begin > sb + 12 ? sp->begin - 12 : sb;
    bool found = false;
    for (size_t p = from; p + 6 <= sp->begin && !found; p++)
      for (size_t v = 0; v < sizeof verbs / sizeof *verbs && !found; v++)
        found = facts_starts_with(t, p, sp->begin, verbs[v]);
    if (found) best = sp->entity, best_end = sp->end;
  }
  return best;
}

/* Whether the span is a setting that opens the sentence (在盘道村,…):
 * what follows happens there, so it is the topic for figures although a
 * preposition governs it. */
static bool is_frame(const CnkgDocState *st, size_t i, const CnkgSpan *sp) {
  const char *t = st->text->norm;
  size_t sb = st->text->sentences[i].begin, se = st->text->sentences[i].end;
  if (sp->begin < sb + 3 || memcmp(t + sp->begin - 3, "在", 3)) return false;
  size_t b = sp->begin - 3;
  if (b != sb && !(b > sb && t[b - 1] == ',')) return false;
  return facts_starts_with(t, sp->end, se, ",");
}

/* Start of the item of a sentence of ;-separated items around pos: the
 * places named in one item (完成东营村饮水工程;投资20万元…) are not the
 * topic of the next. */
static size_t item_start(const CnkgDocState *st, size_t i, size_t pos) {
  const char *t = st->text->norm;
  size_t b = st->text->sentences[i].begin;
  for (size_t p = pos; p > b; p--)
    if (t[p - 1] == ';' || (p - b >= 3 && !memcmp(t + p - 3, "；", 3))) return p;
  return b;
}

/* Whether the span is in a speaker's attribution (X乡党委书记Y介绍,…):
 * the clause around it ends in a verb of saying; the speaker's body is
 * not what the figures that follow are about. */
static bool in_attribution(const CnkgDocState *st, size_t i, const CnkgSpan *sp) {
  static const char *const says[] = {"介绍", "说", "表示", "告诉记者", "告诉笔者", "指出",
                                     "坦言", "透露", "谈到", "提到"};
  const char *t = st->text->norm;
  size_t se = st->text->sentences[i].end, e = sp->end;
  while (e < se && t[e] != ',' && t[e] != ':' && t[e] != ';' &&
         !facts_starts_with(t, e, se, "，") && !facts_starts_with(t, e, se, "："))
    e++;
  if (e == se) return false;
  for (size_t k = 0; k < sizeof says / sizeof *says; k++) {
    size_t n = strlen(says[k]);
    if (e >= sp->end + n && !memcmp(t + e - n, says[k], n)) return true;
  }
  return false;
}

/* End of the first ;-separated item of sentence i (its end if none). */
static size_t first_item_end(const CnkgDocState *st, size_t i) {
  const char *t = st->text->norm;
  size_t b = st->text->sentences[i].begin, e = st->text->sentences[i].end;
  for (size_t p = b; p < e; p++)
    if (t[p] == ';' || (p + 3 <= e && !memcmp(t + p, "；", 3))) return p;
  return e;
}

/* The head a relative clause opened by a name leads to (青石县去年援建的
 * 白杨村扶贫车间现已投产,吸纳了…: the workshop of 白杨村, not the county,
 * does what follows): the chain of names right after the first 的 of the opener's
 * clause, in [e, limit), when no 的 follows it; else entity. */
static size_t relative_head(const CnkgDocState *st, size_t i, size_t e, size_t limit,
                            size_t entity) {
  const char *t = st->text->norm;
  size_t ce = e;
  while (ce < limit && t[ce] != ',' && t[ce] != ';') ce++;
  size_t de = SIZE_MAX;
  for (size_t p = e; p + 3 <= ce && de == SIZE_MAX; p++)
    if (!memcmp(t + p, "的", 3)) de = p + 3;
  if (de == SIZE_MAX) return entity;
  /* 红山县成立了由县长牵头的X组: a main verb (了) before the 的 makes the name
   * after it an object */
  for (size_t p = e; p + 3 <= de; p++)
    if (!memcmp(t + p, "了", 3)) return entity;
  for (size_t k = cnkg_docstate_first_span(st, i); k != SIZE_MAX;
       k = cnkg_docstate_next_span(st, k)) {
    const CnkgSpan *sp = &st->spans[k];
    if (sp->begin != de || !facts_is_subject_type(sp->type) || sp->end > ce) continue;
    size_t head = facts_follow_chain(st, i, sp->entity, sp->end, ce), he = sp->end;
    for (bool more = true; more;) { /* the chain's end */
      more = false;
      for (size_t q = cnkg_docstate_first_span(st, i); q != SIZE_MAX;
           q = cnkg_docstate_next_span(st, q))
        if (st->spans[q].begin == he && st->spans[q].end > he && st->spans[q].end <= ce &&
            facts_is_subject_type(st->spans[q].type)) {
          he = st->spans[q].end;
          more = true;
          break;
        }
    }
    return facts_starts_with(t, he, ce, "的") ? entity : head;
  }
  return entity;
}

/* The subject of the nearest clause in [from, limit) that opens with a
 * name (X总支组建了…,购置了86箱种蜂), carried along a chain of names
 * (交城县野则河村 -> 野则河村): it goes on to the clauses after it that
 * name none. SIZE_MAX if none. */
static size_t opener_before(const CnkgDocState *st, size_t i, size_t from, size_t limit) {
  size_t best = SIZE_MAX, best_begin = 0, e = 0;
  for (size_t k = cnkg_docstate_first_span(st, i); k != SIZE_MAX;
       k = cnkg_docstate_next_span(st, k)) {
    const CnkgSpan *sp = &st->spans[k];
    if (!facts_is_subject_type(sp->type) || sp->begin < from || sp->end > limit) continue;
    if (facts_clause_start(st, i, sp->begin) != sp->begin || in_list(st, i, sp) ||
        in_attribution(st, i, sp))
      continue;
    if (best == SIZE_MAX || sp->begin > best_begin || (sp->begin == best_begin && sp->end > e))
      best = sp->entity, best_begin = sp->begin, e = sp->end;
  }
  for (bool more = best != SIZE_MAX; more;) {
    more = false;
    for (size_t k = cnkg_docstate_first_span(st, i); k != SIZE_MAX;
         k = cnkg_docstate_next_span(st, k)) {
      const CnkgSpan *sp = &st->spans[k];
      if (!facts_is_subject_type(sp->type) || sp->begin != e || sp->end > limit) continue;
      best = sp->entity;
      e = sp->end;
      more = true;
      break;
    }
  }
  if (best != SIZE_MAX && facts_starts_with(st->text->norm, e, limit, "的")) return SIZE_MAX;
  if (best != SIZE_MAX) best = relative_head(st, i, e, limit, best);
  return best;
}

/* Whether entity e opens a clause of sentence i before limit (青石县…,
 * not 完成白杨村饮水工程): a subject, not an object. */
static bool opens_clause(const CnkgDocState *st, size_t i, size_t e, size_t limit) {
  for (size_t k = cnkg_docstate_first_span(st, i); k != SIZE_MAX;
       k = cnkg_docstate_next_span(st, k)) {
    const CnkgSpan *sp = &st->spans[k];
    if (sp->entity == e && sp->end <= limit && facts_clause_start(st, i, sp->begin) == sp->begin)
      return true;
  }
  return false;
}

/* Whether entity e is named in a list in sentence i. */
static bool listed_in(const CnkgDocState *st, size_t i, size_t e) {
  for (size_t k = cnkg_docstate_first_span(st, i); k != SIZE_MAX;
       k = cnkg_docstate_next_span(st, k))
    if (st->spans[k].entity == e && in_list(st, i, &st->spans[k])) return true;
  return false;
}

/* sentence_topic for figures: a list member is no topic either, a
 * setting (在X村,) is one; only the item of pos counts. */
static size_t figure_topic(const CnkgDocState *st, size_t i, size_t pos) {
  size_t best = SIZE_MAX, b = SIZE_MAX, e = 0, from = item_start(st, i, pos);
  for (size_t k = cnkg_docstate_first_span(st, i); k != SIZE_MAX;
       k = cnkg_docstate_next_span(st, k)) {
    const CnkgSpan *sp = &st->spans[k];
    if (!facts_is_subject_type(sp->type) || sp->end > pos || sp->begin < from || in_list(st, i, sp) ||
        in_attribution(st, i, sp))
      continue;
    if (!facts_topic_candidate(st, i, sp) && !is_frame(st, i, sp)) continue;
    if (sp->begin < b || (sp->begin == b && sp->end > e)) {
      best = sp->entity;
      b = sp->begin;
      e = sp->end;
    }
  }
  return best == SIZE_MAX ? best : facts_follow_chain(st, i, best, e, pos);
}

/* track_paragraph for figures, with figure_topic. */
void facts_track_figure_paragraph(Facts *f, size_t i) {
  const CnkgSentence *s = &f->st->text->sentences[i];
  if (s->paragraph != f->fig_para) {
    f->fig_para = s->paragraph;
    f->fig_para_subject = SIZE_MAX;
  }
  if (f->fig_para_subject != SIZE_MAX) return;
  f->fig_para_subject = figure_subject(f->st, figure_topic(f->st, i, s->end));
  if (f->fig_para_subject != SIZE_MAX && !s->heading) f->fig_last_subject = f->fig_para_subject;
}

/* Writes figure x of sentence i, with indicator ind, about subj. */
static CnkgStatus emit_figure(Facts *f, size_t i, const CnkgFigure *x, const char *ind,
                              size_t subj) {
  CnkgDocState *st = f->st;
  size_t at = st->text->sentences[i].begin + x->begin;
  const CnkgTimexHit *h = figure_time(f, i, at);
  if (!h && i > 0) h = hence_time(f, i, at);
  const char *iso = h ? facts_hit_iso(h) : NULL;
  const CnkgEntity *se = cnkg_graph_entity(st->graph, subj);
  const char *parts[6] = {se->key, ind, x->value, x->unit, iso ? iso : "",
                          x->target ? "target" : ""};
  char *key = facts_key(CNKG_TYPE_FIGURE, parts, 6);
  char *ikey = cnkg_graph_key_hash(CNKG_TYPE_INDICATOR, ind, NULL);
  CnkgStatus s = key && ikey ? CNKG_SUCCESS : CNKG_ERR_NOMEM;
  char label[768];
  /* a goal and a fact of the same value are two figures: the label says
   * which is which, so a reader can tell them apart */
  snprintf(label, sizeof label, "%s %s %s%s%s%s%s", se->label ? se->label : "", ind,
           x->value, x->unit, iso ? " " : "", iso ? iso : "", x->target ? " (目标)" : "");
  size_t fig = 0, indicator = 0;
  if (!s) s = cnkg_graph_add_entity(st->graph, ikey, CNKG_TYPE_INDICATOR, ind, &indicator);
  if (!s) s = cnkg_graph_add_entity(st->graph, key, CNKG_TYPE_FIGURE, label, &fig);
  free(key);
  free(ikey);
  /* the sentence is the evidence of what the figure is about; its parts
   * (indicator, value, unit, date, target) come from that same sentence
   * and carry none of their own, which would repeat it five times */
  const size_t none = SIZE_MAX;
  if (!s) s = cnkg_docstate_relate(st, fig, CNKG_REL_CONCERNS, subj, NULL, i);
  if (!s) s = cnkg_docstate_relate(st, fig, CNKG_REL_INDICATOR, indicator, NULL, none);
  if (!s) s = cnkg_docstate_relate(st, fig, CNKG_REL_VALUE, SIZE_MAX, x->value, none);
  if (!s) s = cnkg_docstate_relate(st, fig, CNKG_REL_UNIT, SIZE_MAX, x->unit, none);
  if (!s && iso) s = cnkg_docstate_relate(st, fig, CNKG_REL_DATE, SIZE_MAX, iso, none);
  if (!s && x->target)
    s = cnkg_docstate_relate(st, fig, CNKG_REL_IS_TARGET, SIZE_MAX, "true", none);
  return s;
}

static CnkgStatus write_figure(Facts *f, size_t i, const CnkgFigure *x, CnkgStr sent,
                               const Group *g) {
  CnkgDocState *st = f->st;
  char ind[256];
  if (cnkg_figure_indicator(x, sent, ind, sizeof ind) != CNKG_SUCCESS || !ind[0])
    return CNKG_SUCCESS;
  size_t sb = st->text->sentences[i].begin, at = sb + x->begin;
  if (personal(st, facts_clause_start(st, i, at), at)) return CNKG_SUCCESS;
  if (person_subject(st, i, facts_clause_start(st, i, at), at)) return CNKG_SUCCESS;
  if (carried_person(st, i, at)) return CNKG_SUCCESS;
  if (g->n && at >= g->begin) {
    if (at < g->end) return CNKG_SUCCESS; /* the group's own count */
    CnkgStatus s = CNKG_SUCCESS;
    for (size_t k = 0; k < g->n && !s; k++) s = emit_figure(f, i, x, ind, g->members[k]);
    return s;
  }
  size_t subj = figure_subject(st, facts_subject_before(st, i, facts_clause_start(st, i, at), at, in_list));
  if (subj == SIZE_MAX) subj = founded_before(st, i, at);
  size_t cs = facts_clause_start(st, i, at);
  if (subj == SIZE_MAX) { /* 全县…: an anaphor of the figure's own clause */
    subj = figure_subject(st, facts_anaphor_subject(st, i, cs, at));
    if (subj != SIZE_MAX && listed_in(st, i, subj)) subj = SIZE_MAX;
  }
  if (subj == SIZE_MAX) subj = figure_subject(st, opener_before(st, i, item_start(st, i, at), cs));
  if (subj == SIZE_MAX) {
    subj = figure_subject(st, facts_anaphor_subject(st, i, item_start(st, i, at), at));
    if (subj != SIZE_MAX && listed_in(st, i, subj)) subj = SIZE_MAX;
  }
  if (subj == SIZE_MAX) subj = figure_subject(st, figure_topic(st, i, at));
  if (subj == SIZE_MAX) { /* 该县…三个方面:一是…;二是…,占37.38%: the first item's */
    size_t head = first_item_end(st, i);
    if (head < at) {
      subj = figure_subject(st, facts_anaphor_subject(st, i, sb, head));
      if (subj != SIZE_MAX && listed_in(st, i, subj)) subj = SIZE_MAX;
      if (subj == SIZE_MAX) {
        subj = figure_subject(st, figure_topic(st, i, head));
        if (subj != SIZE_MAX && !opens_clause(st, i, subj, head)) subj = SIZE_MAX;
      }
    }
  }
  if (subj == SIZE_MAX) subj = figure_subject(st, f->fig_para_subject);
  if (subj == SIZE_MAX) subj = figure_subject(st, f->fig_last_subject);
  if (subj == SIZE_MAX) subj = figure_subject(st, st->focus_place);
  if (subj == SIZE_MAX) return CNKG_SUCCESS;
  return emit_figure(f, i, x, ind, facts_governed_place(st, subj));
}

CnkgStatus facts_sentence_figures(Facts *f, size_t i, CnkgStr sent) {
  CnkgDocState *st = f->st;
  size_t n_stops = 0;
  CnkgStatus s = sentence_stops(f, i, &n_stops);
  if (!s) {
    s = cnkg_figure_find(f->r->figures, sent, st->lac ? &st->lac[i] : NULL, f->stops,
                         n_stops, &f->figs);
    if (s == CNKG_ERR_PATTERN) s = CNKG_SUCCESS;
  }
  Group g;
  if (!s && f->figs.n) find_group(f, i, &g);
  for (size_t k = 0; k < f->figs.n && !s; k++) s = write_figure(f, i, &f->figs.v[k], sent, &g);
  return s;
}
