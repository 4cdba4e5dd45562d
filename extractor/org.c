/* SPDX-License-Identifier: Apache-2.0
 * Organisation recogniser: party committees and branches, government bodies,
 * cooperatives, companies and media, from LAC ORG spans, from place names
 * followed by an organisation suffix (X县委, X镇党委, X县扶贫办), from
 * cooperative/company suffixes extended backwards over the words naming them,
 * and from delimited media names. Runs after the place recogniser, whose
 * spans it reads. Depends on docstate.h, recognizers.h, text.h, wordlist.h
 * and regex.h (pcre2). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cnkg/grow.h"
#include "cnkg/text.h"
#include "extractor/recognizers.h"
#include "extractor/regex.h"
#include "extractor/surname.h"
#include "extractor/wordlist.h"

struct CnkgOrgRecognizer {
  pcre2_code *after_place;  /* anchored at the end of a place span */
  pcre2_code *coordinated;  /* 和/、 + second body after a place-named one */
  pcre2_code *media;        /* delimited media names */
  pcre2_code *quoted;       /* “名”合作社, “名突击队” */
  pcre2_code *level_body;   /* 县农技服务团, 市扶贫工作领导小组 */
  pcre2_code *firm_list;    /* 以A、B、C为龙头企业 / 等工业企业 */
  pcre2_code *bare_level;   /* 镇党委, 村“两委”, 县文联: a body of "the" place */
  pcre2_match_context *mctx;
};

/* An organisation name as a whole is too generic to be an entity when it is
 * one of these, optionally after a bare level character (县, 镇, 村 ...). */
static const char *const GENERIC[] = {
    "党支部", "党总支", "总支", "支部", "党委", "党工委", "委", "村委会",
    "村委", "两委", "居委会", "政府", "人民政府", "合作社", "专业合作社",
    "农民专业合作社", "公司", "有限公司", "集团", "党组织", "基层党组织",
    "工作队", "驻村工作队", "扶贫工作队", "扶贫办", "组织部", "指挥部",
    "领导小组", "村民委员会", "委员会", "党员", "协会", "办公室", "政协",
    "纪委", "人大", "人大常委会", "宣传部", "党校", "企业", "龙头企业",
    "中心", "服务中心", "网", "日报", "报社", "村集体", "集体", "新时代",
    "产业党支部", "党支部合作社", "联合会", "乡镇党委", "农村基层党支部",
    "贫困村党支部", "产业合作社", NULL};
static CnkgWordList generic_list = CNKG_WORDLIST(GENERIC);
static const char LEVEL_CHARS[] = "县镇乡村省市州旗区盟";

/* Characters that never occur inside the free part of a body's name. */
static const char BAD_MIDDLE[] =
    "的了在是对把被将为与及等也都就已各全所个这该其以从向到并由各里上下中后"
    "，。、；：！？“”（）";

static pcre2_code *compile(const char *pat, char *err, size_t errsize) {
  return cnkg_re_compile(pat, 0, "org", err, errsize, NULL);
}

CnkgStatus cnkg_org_new(const CnkgDivision *division, CnkgOrgRecognizer **out,
                        char *err, size_t errsize) {
  (void)division;
  if (!out) return CNKG_ERR_ARG;
  *out = NULL;
  CnkgOrgRecognizer *r = calloc(1, sizeof *r);
  if (!r) return CNKG_ERR_NOMEM;
  r->after_place = compile(
      "(?:“两委”|\"两委\"|两委|人民政府|政府|党工委|党委|党支部|党总支|总支"
      "|人大常委会|政协|纪检委|纪委|委组织部|委宣传部|委(?![员会])"
      "|\\p{Han}{0,12}?(?:扶贫办|办公室|指挥部|领导小组|服务团|服务中心"
      "|委员会|协会|组织部|宣传部|局|工作队|工作站|办事处|文联|作协|妇联|团委))",
      err, errsize);
  r->coordinated = compile(
      "(?:和|、|及|与)(\\p{Han}{1,10}?(?:扶贫办|办公室|指挥部|领导小组|委员会"
      "|组织部|宣传部|局))",
      err, errsize);
  r->media = compile(
      "(?:^|(?<=[、，,：:（(\\s“·》。!?]|综合))(\\p{Han}{2,10}?(?:日报|晚报|时报|导报|周刊"
      "|杂志社|报社|新闻网|电视台|在线|客户端|(?<![互电渔上联管蛛])网|社"
      "|(?<![汇举回上申通海预年简情喜捷公电])报))"
      "(?=[、，,）)\\s。”·]|记者|讯|消息|编辑|通讯员|$)",
      err, errsize);
  r->quoted = compile(
      "“(\\p{Han}{2,12})”(\\p{Han}{0,8}?(?:专业合作社|合作社|有限公司|公司|协会"
      "|突击队|服务队|党支部))|“(\\p{Han}{1,12}(?:专业合作社|合作社|有限公司|公司"
      "|协会|突击队|服务队|党支部))”",
      err, errsize);
  r->level_body = compile(
      "(?:^|(?<=[^\\p{Han}]|[经由和与及在的将]))([县市省州旗](?:\\p{Han}{2,12}?)"
      "(?:指挥部|领导小组|服务团|突击队|工作队))",
      err, errsize);
  r->firm_list = compile(
      "(?:以|有|像|如)((?:\\p{Han}{2,10}(?:[（(][^）)]{1,12}[）)])?、){1,15}\\p{Han}{2,10}?"
      "(?:[（(][^）)]{1,12}[）)])?)(?:等)?(?:为龙头企业|为龙头|为骨干企业|(?:工业|农业|加工|骨干|龙头)?企业)",
      err, errsize);
  r->bare_level = compile(
      "(?:(?<![\\x{3400}-\\x{9FFF}\\x{F900}-\\x{FAFF}])"
      "|(?<=[的和与及在由经向对到把被将为是了该给同跟请]))"
      "(村(?:“两委”|\"两委\"|两委)|[县镇乡市区旗](?:党委|党工委|人民政府|政府|文联|作协"
      "|妇联|团委|扶贫办|人大|政协|纪委|\\p{Han}{1,6}?局))"
      "(?![员会门面])",
      err, errsize);
  r->mctx = cnkg_re_context();
  if (!r->bare_level || !r->firm_list || !r->after_place || !r->coordinated || !r->media ||
      !r->quoted || !r->level_body || !r->mctx) {
    bool nomem = r->after_place && r->coordinated && r->media && r->quoted && r->level_body &&
                 r->firm_list && r->bare_level;
    cnkg_org_free(r);
    return nomem ? CNKG_ERR_NOMEM : CNKG_ERR_PATTERN;
  }
  *out = r;
  return CNKG_SUCCESS;
}

void cnkg_org_free(CnkgOrgRecognizer *r) {
  if (!r) return;
  pcre2_code_free(r->after_place);
  pcre2_code_free(r->coordinated);
  pcre2_code_free(r->media);
  pcre2_code_free(r->quoted);
  pcre2_code_free(r->level_body);
  pcre2_code_free(r->firm_list);
  pcre2_code_free(r->bare_level);
  pcre2_match_context_free(r->mctx);
  free(r);
}

/* ---- small UTF-8 helpers ---- */

/* Copies s without quotation marks and spaces (a name like “金穗”合作社
 * is the name 金穗合作社). Caller owns the result; NULL on OOM. */
static char *clean_name(const char *s, size_t len) {
  char *o = malloc(len + 1);
  if (!o) return NULL;
  size_t n = 0, i = 0;
  while (i < len) {
    size_t b = i;
    uint32_t cp = cnkg_utf8_next(s, len, &i);
    if (cp == 0x201C || cp == 0x201D || cp == '"' || cp == ' ' || cp == 0x3000 ||
        cp == 0x2018 || cp == 0x2019 || cp == '\'')
      continue;
    memcpy(o + n, s + b, i - b);
    n += i - b;
  }
  o[n] = '\0';
  return o;
}

static bool is_generic(const char *name) {
  size_t len = strlen(name);
  /* A village committee is the village itself. */
  if (cnkg_wordlist_word_before(name, 0, len, "村委会") ||
      cnkg_wordlist_word_before(name, 0, len, "居委会") ||
      cnkg_wordlist_word_before(name, 0, len, "村民委员会"))
    return true;
  if (cnkg_wordlist_has(&generic_list, name, len)) return true;
  if (len > CNKG_HAN_BYTES && cnkg_utf8_char_in(LEVEL_CHARS, name, 0, len) &&
      cnkg_wordlist_has(&generic_list, name + CNKG_HAN_BYTES, len - CNKG_HAN_BYTES))
    return true;
  return cnkg_utf8_count(name, len) < 2;
}

/* ---- candidates ---- */

typedef struct {
  size_t begin, end;  /* normalised bytes */
  size_t place;       /* entity index of the place it lies in, or SIZE_MAX */
  char *prefix;       /* name to put before the text (a shared place), or NULL */
  bool piece;         /* one item of a list the analyser tagged as one ORG */
  bool bare;          /* named by a bare level (镇党委): of the place meant */
} Cand;

typedef struct {
  Cand *v;
  size_t n, cap;
} CandList;

static CnkgStatus cand_add(CandList *l, size_t b, size_t e, size_t place,
                           const char *prefix, size_t prefix_len) {
  if (e <= b) return CNKG_SUCCESS;
  if (CNKG_GROW(l->v, l->cap, l->n + 1, 32)) return CNKG_ERR_NOMEM;
  char *p = NULL;
  if (prefix) {
    p = cnkg_strndup(prefix, prefix_len);
    if (!p) return CNKG_ERR_NOMEM;
  }
  l->v[l->n++] = (Cand){b, e, place, p, false, false};
  return CNKG_SUCCESS;
}

static int cand_cmp(const void *a, const void *b) {
  const Cand *x = a, *y = b;
  if (x->begin != y->begin) return x->begin < y->begin ? -1 : 1;
  if (x->end != y->end) return x->end > y->end ? -1 : 1;
  return 0;
}

/* The document's place spans, pl[k] being an index into st->spans in the
 * order added, with indexes by where they begin (all, and per type): each
 * look-up reads the few spans near a position, never all of them, so a
 * document naming millions of places costs linear time. Within one begin,
 * spans keep their order k. */
typedef struct {
  const CnkgDocState *st;
  const size_t *pl;
  size_t n;
  size_t *by_begin;                  /* values k, by (begin, k) */
  size_t *of_type[CNKG_TYPE_COUNT];  /* the same, one type each */
  size_t n_of_type[CNKG_TYPE_COUNT];
  size_t longest;                    /* bytes of the longest span */
  uint32_t *tail;                    /* per k: the last character of its
                                        place's label (three bytes), or 0 */
  size_t *by_tail;                   /* values k, by (type, tail, begin, k) */
} Places;

static const CnkgSpan *place_span(const Places *p, size_t k) {
  return &p->st->spans[p->pl[k]];
}

static int begin_k_cmp(size_t x, size_t y, const Places *p) {
  size_t bx = place_span(p, x)->begin, by = place_span(p, y)->begin;
  if (bx != by) return bx < by ? -1 : 1;
  return x < y ? -1 : (x > y ? 1 : 0);
}

/* (type, tail) of k as one number, the first key of by_tail. */
static uint64_t type_tail(const Places *p, size_t k) {
  return (uint64_t)place_span(p, k)->type << 32 | p->tail[k];
}

static int tail_begin_k_cmp(size_t x, size_t y, const Places *p) {
  uint64_t tx = type_tail(p, x), ty = type_tail(p, y);
  if (tx != ty) return tx < ty ? -1 : 1;
  return begin_k_cmp(x, y, p);
}

/* Sorts v[0, n) by cmp: a merge sort, as qsort takes no context. */
static void sort_places(size_t *v, size_t *tmp, size_t n, const Places *p,
                        int (*cmp)(size_t, size_t, const Places *)) {
  if (n < 2) return;
  size_t h = n / 2;
  sort_places(v, tmp, h, p, cmp);
  sort_places(v + h, tmp, n - h, p, cmp);
  size_t i = 0, j = h, o = 0;
  while (i < h && j < n) tmp[o++] = cmp(v[j], v[i], p) < 0 ? v[j++] : v[i++];
  while (i < h) tmp[o++] = v[i++];
  while (j < n) tmp[o++] = v[j++];
  memcpy(v, tmp, n * sizeof *v);
}

static void places_free(Places *p) {
  free(p->by_begin);
  for (int t = 0; t < CNKG_TYPE_COUNT; t++) free(p->of_type[t]);
  free(p->tail);
  free(p->by_tail);
}

/* The last character of a label of three bytes or more (a Chinese level
 * character: 市, 州, 县), as a number; 0 otherwise. */
static uint32_t label_tail(const char *label) {
  size_t n = label ? strlen(label) : 0;
  if (n < CNKG_HAN_BYTES) return 0;
  const unsigned char *t = (const unsigned char *)label + n - CNKG_HAN_BYTES;
  return (uint32_t)t[0] << 16 | (uint32_t)t[1] << 8 | t[2];
}

static CnkgStatus places_make(Places *p, const CnkgDocState *st, const size_t *pl, size_t n) {
  memset(p, 0, sizeof *p);
  p->st = st;
  p->pl = pl;
  p->n = n;
  p->by_begin = malloc((n + 1) * sizeof *p->by_begin);
  p->by_tail = malloc((n + 1) * sizeof *p->by_tail);
  p->tail = malloc((n + 1) * sizeof *p->tail);
  size_t *tmp = malloc((n + 1) * sizeof *tmp);
  CnkgStatus s = p->by_begin && p->by_tail && p->tail && tmp ? CNKG_SUCCESS : CNKG_ERR_NOMEM;
  for (size_t k = 0; k < n && !s; k++) {
    const CnkgSpan *sp = place_span(p, k);
    p->by_begin[k] = p->by_tail[k] = k;
    const CnkgEntity *en = cnkg_graph_entity(st->graph, sp->entity);
    p->tail[k] = label_tail(en ? en->label : NULL);
    if (sp->end - sp->begin > p->longest) p->longest = sp->end - sp->begin;
    p->n_of_type[sp->type]++;
  }
  if (!s) sort_places(p->by_begin, tmp, n, p, begin_k_cmp);
  if (!s) sort_places(p->by_tail, tmp, n, p, tail_begin_k_cmp);
  for (int t = 0; t < CNKG_TYPE_COUNT && !s; t++) {
    p->of_type[t] = malloc((p->n_of_type[t] + 1) * sizeof *p->of_type[t]);
    if (!p->of_type[t]) s = CNKG_ERR_NOMEM;
    p->n_of_type[t] = 0;
  }
  for (size_t i = 0; i < n && !s; i++) {
    CnkgType t = place_span(p, p->by_begin[i])->type;
    p->of_type[t][p->n_of_type[t]++] = p->by_begin[i];
  }
  free(tmp);
  if (s) places_free(p);
  return s;
}

/* First position in v[0, n) (values k, by begin) whose span begins at or
 * after pos. */
static size_t places_from(const Places *p, const size_t *v, size_t n, size_t pos) {
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (place_span(p, v[mid])->begin < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/* The first place span (in the order added) that begins at pos and ends
 * in (pos, end], or NULL. */
static const CnkgSpan *place_starting(const Places *p, size_t pos, size_t end) {
  for (size_t i = places_from(p, p->by_begin, p->n, pos);
       i < p->n && place_span(p, p->by_begin[i])->begin == pos; i++) {
    const CnkgSpan *sp = place_span(p, p->by_begin[i]);
    if (sp->end <= end && sp->end > pos) return sp;
  }
  return NULL;
}

/* The first place span (in the order added) that ends at pos and begins
 * before it, or NULL. */
static const CnkgSpan *place_ending(const Places *p, size_t pos) {
  size_t best = SIZE_MAX;
  size_t from = pos > p->longest ? pos - p->longest : 0;
  for (size_t i = places_from(p, p->by_begin, p->n, from);
       i < p->n && place_span(p, p->by_begin[i])->begin < pos; i++)
    if (place_span(p, p->by_begin[i])->end == pos && p->by_begin[i] < best)
      best = p->by_begin[i];
  return best == SIZE_MAX ? NULL : place_span(p, best);
}

/* The innermost place of the chain of contiguous place spans that starts at
 * begin and stays inside end; SIZE_MAX when no place starts at begin. */
static size_t place_at_start(const Places *p, size_t begin, size_t end) {
  size_t pos = begin, found = SIZE_MAX;
  for (const CnkgSpan *sp; (sp = place_starting(p, pos, end)) != NULL; pos = sp->end)
    found = sp->entity;
  return found;
}

static bool middle_ok(const char *s, size_t b, size_t e) {
  for (size_t i = b; i < e;) {
    if (cnkg_utf8_char_in(BAD_MIDDLE, s, i, e)) return false;
    cnkg_utf8_next(s, e, &i);
  }
  return true;
}

/* Media names take place words (中国…网, 南方…报) that bodies' names
 * may not; only function words and punctuation are out. */
static bool media_middle_ok(const char *s, size_t b, size_t e) {
  for (size_t i = b; i < e;) {
    if (cnkg_utf8_char_in("的了在是把被将与及等也都就已和给对向从他她我你，。、；：！？“”（）",
                          s, i, e))
      return false;
    cnkg_utf8_next(s, e, &i);
  }
  return true;
}

/* A body ending in 局/部 must not be the start of 局面/部门/干部. */
static bool body_end_ok(const char *s, size_t len, size_t b, size_t e) {
  if (e < len && (cnkg_wordlist_word_at(s, e, len, "门") ||
                  cnkg_wordlist_word_at(s, e, len, "面") ||
                  cnkg_wordlist_word_at(s, e, len, "署")))
    return false;
  if (cnkg_wordlist_word_before(s, b, e, "干部")) return false;
  return true;
}

static CnkgStatus from_places(const CnkgOrgRecognizer *r, CnkgDocState *st,
                              const Places *places, CandList *out) {
  const size_t *pl = places->pl;
  size_t npl = places->n;
  const char *s = st->text->norm;
  size_t len = st->text->norm_len;
  pcre2_match_data *md = pcre2_match_data_create(4, NULL);
  if (!md) return CNKG_ERR_NOMEM;
  CnkgStatus status = CNKG_SUCCESS;
  for (size_t k = 0; k < npl && !status; k++) {
    const CnkgSpan *sp = &st->spans[pl[k]];
    size_t sent = sp->sentence < st->text->n_sentences ? sp->sentence
                                                        : cnkg_docstate_sentence_at(st, sp->begin);
    size_t limit = sent < st->text->n_sentences ? st->text->sentences[sent].end : len;
    int rc = pcre2_match(r->after_place, (PCRE2_SPTR)s, limit, sp->end, PCRE2_ANCHORED | PCRE2_NO_UTF_CHECK, md, r->mctx);
    if (rc < 0) continue;
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
    size_t e = ov[1];
    if (e <= sp->end || !middle_ok(s, sp->end, e) || !body_end_ok(s, len, sp->end, e))
      continue;
    /* A suffix that is itself the start of another place (镇 in 青石镇) is
     * that place's business, not this one's. */
    size_t next = places_from(places, places->by_begin, npl, sp->end);
    if (next < npl && place_span(places, places->by_begin[next])->begin < e) continue;
    /* Extend back over contiguous enclosing places: 红山县青石镇党委. */
    size_t b = sp->begin;
    for (const CnkgSpan *o; (o = place_ending(places, b)) != NULL;) b = o->begin;
    status = cand_add(out, b, e, sp->entity, NULL, 0);
    if (status) break;
    /* 红山县组织部和交通局: the second body shares the place. */
    rc = pcre2_match(r->coordinated, (PCRE2_SPTR)s, limit, e, PCRE2_ANCHORED | PCRE2_NO_UTF_CHECK, md,
                     r->mctx);
    if (rc >= 2) {
      size_t cb = ov[2], ce = ov[3];
      if (middle_ok(s, cb, ce) && body_end_ok(s, len, cb, ce))
        status = cand_add(out, cb, ce, sp->entity, s + sp->begin, sp->end - sp->begin);
    }
  }
  pcre2_match_data_free(md);
  return status;
}

static bool all_han(const char *s, size_t len) {
  if (len == 0) return false;
  for (size_t i = 0; i < len;)
    if (!cnkg_is_han(cnkg_utf8_next(s, len, &i))) return false;
  return true;
}

static uint32_t cp_at(const char *s, size_t len, size_t pos) {
  size_t i = pos;
  return pos < len ? cnkg_utf8_next(s, len, &i) : 0;
}

/* Ends with a character organisation names end with. */
static bool has_suffix_char(const char *s, size_t len) {
  size_t i = len;
  while (i > 0 && ((unsigned char)s[i - 1] & 0xC0) == 0x80) i--;
  if (i > 0) i--;
  if (cnkg_utf8_char_in("社司团会委局办部所站院校厂队组网报馆店行", s, i, len)) return true;
  static const char *const ends[] = {"大学", "学院", "超市", "中心", "山庄", "农场",
                                     "办事处", "管理处", NULL};
  for (size_t k = 0; ends[k]; k++)
    if (cnkg_wordlist_word_before(s, 0, len, ends[k])) return true;
  return false;
}

static bool tag_is(const CnkgLacWord *w, const char *t) {
  return w->tag && strcmp(w->tag, t) == 0;
}

static bool walk_tag(const CnkgLacWord *w) {
  static const char *const ok[] = {"n", "nz", "nw", "vn", "an", "ORG", "LOC",
                                   "ns", "nt", "a", NULL};
  for (size_t k = 0; ok[k]; k++)
    if (tag_is(w, ok[k])) return true;
  return false;
}

static const char *const SUFFIXES[] = {"专业合作社", "合作社", "有限公司",
                                       "有限责任公司", "公司", "集团", "协会",
                                       "党支部", NULL};
/* Venues and firms whose kind word alone says little (a 加工厂, a 农场):
 * they need a proper name before it. */
static const char *const VENUES[] = {"家庭农场", "农场", "加工厂", "厂", "超市",
                                     "山庄", "驿站", "大学", "学院", "旅馆",
                                     "酒店", "果业", NULL};

/* Words a name is never made of at its start: determiners (各村党支部,
 * 临时党支部) and a bare level or village kind (村股份经济合作社). */
static const char *const NOT_NAME_STARTS[] = {
  "各", "每", "临时", "该", "全", "本", "这", "那", "此", "行政村", "自然村",
  "村", "乡", "镇", "县", "省", "市", NULL};
static CnkgWordList not_name_start_list = CNKG_WORDLIST(NOT_NAME_STARTS);

/* Whether a name starting at s[b] starts with a word no name starts with
 * (a determiner, a bare level) rather than with a place (镇宁县…). */
static bool bad_name_start(const Places *p, size_t b, size_t e) {
  if (!cnkg_wordlist_at(&not_name_start_list, p->st->text->norm, b, e)) return false;
  size_t i = places_from(p, p->by_begin, p->n, b);
  return i >= p->n || place_span(p, p->by_begin[i])->begin != b;
}

/* A word that names something of its own: a proper noun, a name or a
 * place, as the analyser tags it. */
static bool proper_tag(const CnkgLacWord *w) {
  static const char *const ok[] = {"nz", "nw", "ORG", "LOC", "ns", "nt", "PER",
                                   "nr", NULL};
  for (size_t k = 0; ok[k]; k++)
    if (tag_is(w, ok[k])) return true;
  return false;
}

/* LAC ORG words, and suffix words (合作社, 公司) extended backwards over the
 * words that name them. */
static CnkgStatus from_lac(CnkgDocState *st, const Places *places, CandList *out) {
  if (!st->lac) return CNKG_SUCCESS;
  const char *s = st->text->norm;
  for (size_t si = 0; si < st->text->n_sentences; si++) {
    const CnkgLacResult *lr = &st->lac[si];
    size_t base = st->text->sentences[si].begin;
    for (size_t wi = 0; wi < lr->n_words; wi++) {
      const CnkgLacWord *w = &lr->words[wi];
      size_t b = base + w->begin, e = base + w->end;
      if (tag_is(w, "ORG") || tag_is(w, "nt")) {
        size_t first_wi = wi;
        /* LAC sometimes splits an organisation into ORG words: join them. */
        while (wi + 1 < lr->n_words &&
               (tag_is(&lr->words[wi + 1], "ORG") || tag_is(&lr->words[wi + 1], "nt")) &&
               lr->words[wi + 1].begin == w->end) {
          wi++;
          w = &lr->words[wi];
          e = base + w->end;
        }
        /* A list tagged as one organisation: each item on its own. */
        size_t pieces = 0, first_piece = out->n, suffixed = 0;
        bool nt = tag_is(w, "nt");
        for (size_t i = b; i < e;) {
          while (i < e && !cnkg_is_han(cp_at(s, e, i))) cnkg_utf8_next(s, e, &i);
          size_t pb = i;
          while (i < e && cnkg_is_han(cp_at(s, e, i))) cnkg_utf8_next(s, e, &i);
          if (i == pb) break;
          CnkgStatus stt = cand_add(out, pb, i, SIZE_MAX, NULL, 0);
          if (stt) return stt;
          pieces++;
          if (pb != b || i != e) out->v[out->n - 1].piece = true;
          if (has_suffix_char(s + pb, i - pb)) suffixed++;
        }
        /* Items without an organisation ending stand only in a list of
         * organisations that has some with one (瑞某、翠某、某合作社); the
         * analyser's nt lists (industries, slogans) need the ending. */
        size_t keep = first_piece;
        for (size_t q = first_piece; q < out->n; q++) {
          Cand *c = &out->v[q];
          bool suf = has_suffix_char(s + c->begin, c->end - c->begin);
          bool ok = suf || (!nt && pieces > 1 && suffixed > 0);
          if (ok) out->v[keep++] = *c;
        }
        out->n = keep;
        /* A co-operative is registered under the places it sits in
         * (红山县青石村核桃专业合作社); the analyser leaves them out of
         * the word: extend back over the contiguous places before it. */
        if (pieces == 1 && out->n == first_piece + 1 &&
            cnkg_wordlist_word_before(s, b, out->v[first_piece].end, "合作社")) {
          size_t nb = out->v[first_piece].begin;
          for (const CnkgSpan *o; (o = place_ending(places, nb)) != NULL;) nb = o->begin;
          /* 成立的小山/n 窝某某合作社/ORG: a short noun glued before it,
           * after 的, is the name's first part the analyser cut off */
          const CnkgLacWord *fw = &lr->words[first_wi];
          if (nb == b && first_wi >= 2 && tag_is(&lr->words[first_wi - 1], "n") &&
              lr->words[first_wi - 1].end == fw->begin &&
              cnkg_utf8_count(s + base + lr->words[first_wi - 1].begin,
                              fw->begin - lr->words[first_wi - 1].begin) <= 2 &&
              tag_is(&lr->words[first_wi - 2], "u") &&
              cnkg_wordlist_word_at(s, base + lr->words[first_wi - 2].begin,
                                    base + lr->words[first_wi - 2].end, "的"))
            nb = base + lr->words[first_wi - 1].begin;
          out->v[first_piece].begin = nb;
        }
        continue;
      }
      size_t suf = 0;
      bool venue = false;
      for (size_t k = 0; SUFFIXES[k]; k++)
        if (cnkg_wordlist_word_before(s, b, e, SUFFIXES[k])) {
          suf = strlen(SUFFIXES[k]);
          break;
        }
      for (size_t k = 0; !suf && VENUES[k]; k++)
        if (cnkg_wordlist_word_before(s, b, e, VENUES[k])) {
          suf = strlen(VENUES[k]);
          venue = true;
        }
      if (!suf) continue;
      if (e - b > suf && !tag_is(w, "v")) {
        /* The word already carries its own name part (a venue's only if
         * the analyser reads it as a name). */
        if (venue && !proper_tag(w)) continue;
        if (bad_name_start(places, b, e)) continue;
        CnkgStatus stt = cand_add(out, b, e, SIZE_MAX, NULL, 0);
        if (stt) return stt;
        continue;
      }
      size_t first = wi, chars = 0;
      size_t j = wi;
      while (j > 0 && chars < 16) {
        const CnkgLacWord *p = &lr->words[j - 1];
        size_t pb = base + p->begin, pe = base + p->end;
        if (cnkg_wordlist_word_at(s, pb, pe, "”")) {
          /* A quoted name: take everything back to the opening mark. */
          size_t q = j - 1;
          while (q > 0 && !cnkg_wordlist_word_at(s, base + lr->words[q - 1].begin,
                                                 base + lr->words[q - 1].end, "“"))
            q--;
          if (q == 0 || j - 1 - q > 8) break;
          first = q - 1;
          j = q - 1;
          chars += cnkg_utf8_count(s + base + lr->words[first].begin,
                                   lr->words[wi].begin - lr->words[first].begin);
          continue;
        }
        if (!walk_tag(p) || !all_han(s + pb, pe - pb)) break;
        chars += cnkg_utf8_count(s + pb, pe - pb);
        first = j - 1;
        j--;
      }
      /* A name does not start with a verb (成立, 组建 ...). */
      while (first < wi && tag_is(&lr->words[first], "v")) first++;
      if (first == wi) continue;
      size_t nb = base + lr->words[first].begin;
      if (bad_name_start(places, nb, e)) continue;
      if (venue) {
        bool proper = false;
        for (size_t q = first; q < wi && !proper; q++)
          proper = proper_tag(&lr->words[q]) ||
                   cnkg_wordlist_word_at(s, base + lr->words[q].begin,
                                         base + lr->words[q].end, "“");
        if (!proper) continue;
      }
      CnkgStatus stt = cand_add(out, nb, e, SIZE_MAX, NULL, 0);
      if (stt) return stt;
    }
  }
  return CNKG_SUCCESS;
}

/* Hit visitors of each_hit: one match of their pattern, its ovector and
 * pcre2_match's count, in the document st (s, its text); they add what the
 * hit names to out. */
typedef struct {
  const CnkgOrgRecognizer *r;
  const pcre2_code *re;
  CnkgDocState *st;
  const char *s;
  const Places *places;
  CandList *out;
} Hits;
typedef CnkgStatus (*HitVisit)(const Hits *h, const PCRE2_SIZE *ov, int rc);

/* Runs visit on every hit of re with a first group in the document. */
static CnkgStatus each_hit(const CnkgOrgRecognizer *r, const pcre2_code *re, CnkgDocState *st,
                           const Places *places, CandList *out, HitVisit visit) {
  Hits h = {r, re, st, st->text->norm, places, out};
  pcre2_match_data *md = pcre2_match_data_create(8, NULL);
  if (!md) return CNKG_ERR_NOMEM;
  size_t pos = 0;
  CnkgStatus status = CNKG_SUCCESS;
  int rc;
  while (!status && (rc = cnkg_re_next(re, h.s, st->text->norm_len, &pos, md, r->mctx)) >= 2)
    status = visit(&h, pcre2_get_ovector_pointer(md), rc);
  pcre2_match_data_free(md);
  return status;
}

/* News outlets named in the text. */
static CnkgStatus media_hit(const Hits *h, const PCRE2_SIZE *ov, int rc) {
  (void)rc;
  size_t b = ov[2], e = ov[3];
  if (cnkg_wordlist_word_before(h->s, b, e, "合作社") || !media_middle_ok(h->s, b, e))
    return CNKG_SUCCESS;
  return cand_add(h->out, b, e, SIZE_MAX, NULL, 0);
}

/* Words that end the outlet's name in a credited source (来源:X作者:Y),
 * and words around it that are not part of it. */
static const char *const source_stops[] = {
  "作者", "记者", "编辑", "责编", "通讯员", "时间", "发布", "来源", "摄影",
  "摄", "图", "报道", "整理", "等", "讯", "消息", NULL};
static CnkgWordList source_stop_list = CNKG_WORDLIST(source_stops);
static const char *const source_leads[] = {
  "本文来源", "来源于", "来源", "综合", "据", "转自", "摘自", "编辑整理", NULL};
static CnkgWordList source_lead_list = CNKG_WORDLIST(source_leads);

/* News outlets the page credits as its source (来源:X, X讯(记者 Y),
 * "X 2020年23期"; furniture.c finds them): each item of the source up to
 * the first credit word, as an organisation. */
static CnkgStatus from_sources(CnkgDocState *st, CandList *out) {
  const CnkgText *t = st->text;
  const char *s = t->norm;
  for (size_t k = 0; k < t->n_credits; k++) {
    const CnkgCredit *c = &t->credits[k];
    if (c->role != CNKG_CREDIT_SOURCE) continue;
    size_t i = c->begin, e = c->end;
    while (i < e) {
      i += cnkg_wordlist_at(&source_lead_list, s, i, e);
      size_t b = i;
      while (i < e && !cnkg_wordlist_at(&source_stop_list, s, i, e)) {
        size_t q = i;
        uint32_t cp = cnkg_utf8_next(s, e, &q);
        if (!cnkg_is_han(cp) && cp != 0x00B7 /* · */) break;
        if (cnkg_wordlist_word_at(s, i, e, "、")) break;
        i = q;
      }
      size_t n = cnkg_utf8_count(s + b, i - b);
      if (n >= 2 && n <= 16 && !cnkg_wordlist_word_at(s, b, i, "本")) {
        CnkgStatus r = cand_add(out, b, i, SIZE_MAX, NULL, 0);
        if (r) return r;
      }
      /* on to the next item of a list (综合A、B等报道), past what ended
       * this one */
      if (i >= e) break;
      size_t stop = cnkg_wordlist_at(&source_stop_list, s, i, e);
      if (stop && !cnkg_wordlist_word_at(s, i, e, "等")) break;
      if (stop) i += stop;
      else cnkg_utf8_next(s, e, &i);
    }
  }
  return CNKG_SUCCESS;
}

/* Names in quotation marks and bodies named after a bare level
 * (县农技服务团): the groups of the pattern that matched. */
static CnkgStatus group_hit(const Hits *h, const PCRE2_SIZE *ov, int rc) {
  size_t b = SIZE_MAX, e = 0;
  for (int g = 1; g < rc; g++) {
    if (ov[2 * g] == PCRE2_UNSET) continue;
    if (ov[2 * g] < b) b = ov[2 * g];
    if (ov[2 * g + 1] > e) e = ov[2 * g + 1];
  }
  if (b == SIZE_MAX || (!middle_ok(h->s, b, e) && h->re == h->r->level_body))
    return CNKG_SUCCESS;
  return cand_add(h->out, b, e, SIZE_MAX, NULL, 0);
}

/* Bodies named by a bare level (镇党委, 村“两委”, 县文联): the place they
 * belong to is resolved when they are emitted. Not after a place's own
 * name (from_places takes those) nor after 各/全/每 (bodies in general). */
static CnkgStatus bare_hit(const Hits *h, const PCRE2_SIZE *ov, int rc) {
  (void)rc;
  const char *s = h->s;
  const Places *places = h->places;
  size_t b = ov[2], e = ov[3];
  /* a place ends at b or runs across it: those begin in [b - longest, b] */
  bool named = false;
  for (size_t i = places_from(places, places->by_begin, places->n,
                              b > places->longest ? b - places->longest : 0);
       i < places->n && !named && place_span(places, places->by_begin[i])->begin <= b; i++)
    named = place_span(places, places->by_begin[i])->end >= b;
  /* (村“两委” has its quotation marks) */
  bool quoted = memchr(s + b, '"', e - b) || cnkg_wordlist_word_at(s, b + CNKG_HAN_BYTES, e, "“");
  if (named || (!quoted && !middle_ok(s, b + CNKG_HAN_BYTES, e))) return CNKG_SUCCESS;
  CnkgStatus status = cand_add(h->out, b, e, SIZE_MAX, NULL, 0);
  if (!status) h->out->v[h->out->n - 1].bare = true;
  return status;
}

/* The place type a body starting with a level character belongs to. */
static CnkgType level_of(const char *s, size_t b, size_t e) {
  if (cnkg_utf8_char_in("县旗", s, b, e)) return CNKG_TYPE_COUNTY;
  if (cnkg_utf8_char_in("镇乡", s, b, e)) return CNKG_TYPE_TOWNSHIP;
  if (cnkg_utf8_char_in("村", s, b, e)) return CNKG_TYPE_VILLAGE;
  if (cnkg_utf8_char_in("市州", s, b, e)) return CNKG_TYPE_PREFECTURE;
  if (cnkg_utf8_char_in("省", s, b, e)) return CNKG_TYPE_PROVINCE;
  return CNKG_TYPE_COUNT;
}

/* Items of a list of enterprises: 以A、B、C为龙头企业. */
static CnkgStatus firm_list_hit(const Hits *h, const PCRE2_SIZE *ov, int rc) {
  (void)rc;
  const char *s = h->s;
  size_t b = ov[2], e = ov[3];
  CnkgStatus status = CNKG_SUCCESS;
  for (size_t i = b; i < e && !status;) {
    size_t ib = i;
    while (i < e && cnkg_is_han(cp_at(s, e, i)) && !cnkg_wordlist_word_at(s, i, e, "、"))
      cnkg_utf8_next(s, e, &i);
    size_t ie = i;
    /* skip a parenthetical and the separator */
    while (i < e && !cnkg_wordlist_word_at(s, i, e, "、")) cnkg_utf8_next(s, e, &i);
    if (i < e) i += CNKG_HAN_BYTES;
    if (ie > ib && middle_ok(s, ib, ie)) {
      status = cand_add(h->out, ib, ie, SIZE_MAX, NULL, 0);
      if (!status) h->out->v[h->out->n - 1].piece = true;
    }
  }
  return status;
}

/* For a body named after a place (红山县组织部), the place part: the text
 * up to its last level character. 0 when there is none. */
static size_t place_prefix(const char *s, size_t b, size_t e) {
  size_t best = 0;
  for (size_t i = b; i < e;) {
    bool lv = cnkg_utf8_char_in("县市省旗区州镇乡", s, i, e);
    cnkg_utf8_next(s, e, &i);
    if (lv && i < e && i - b >= 6) best = i - b;
  }
  return best;
}

static bool is_place_span(const Places *p, size_t b, size_t e) {
  for (size_t i = places_from(p, p->by_begin, p->n, b);
       i < p->n && place_span(p, p->by_begin[i])->begin == b; i++)
    if (place_span(p, p->by_begin[i])->end == e) return true;
  return false;
}

/* Of the places in v[0, n) (values k, by begin), the one not empty that
 * ends at or before pos and begins last (the first added, of several), or
 * NULL. */
static const CnkgSpan *last_before(const Places *p, const size_t *v, size_t n, size_t pos) {
  const CnkgSpan *best = NULL;
  for (size_t i = places_from(p, v, n, pos); i-- > 0;) {
    const CnkgSpan *sp = place_span(p, v[i]);
    if (best && sp->begin < best->begin) break;
    if (sp->end <= pos && sp->end > sp->begin)
      best = sp; /* going down, the same begin comes in falling order added */
  }
  return best;
}

/* The place of type lv that ends at or before pos and begins last, of
 * those whose label ends with the (three-byte) character at s[at] (市作协:
 * 乐山市, not 凉山州) if any, else of all; NULL when none. */
static const CnkgSpan *place_before(const Places *p, CnkgType lv, const char *s, size_t at,
                                    size_t pos) {
  const unsigned char *c = (const unsigned char *)s + at;
  uint64_t want = (uint64_t)lv << 32 | (uint32_t)c[0] << 16 | (uint32_t)c[1] << 8 | c[2];
  /* the stretch of by_tail with that type and tail, by binary search */
  size_t lo = 0, hi = p->n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (type_tail(p, p->by_tail[mid]) < want) lo = mid + 1;
    else hi = mid;
  }
  size_t from = lo;
  hi = p->n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (type_tail(p, p->by_tail[mid]) <= want) lo = mid + 1;
    else hi = mid;
  }
  const CnkgSpan *sp = last_before(p, p->by_tail + from, lo - from, pos);
  return sp ? sp : last_before(p, p->of_type[lv], p->n_of_type[lv], pos);
}

/* A set of byte offsets (open addressing, SIZE_MAX marks a free slot). */
typedef struct {
  size_t *slots;
  size_t size, used;
} OffsetSet;

static size_t offset_slot(const OffsetSet *x, size_t v) {
  size_t j = (v * 0x9E3779B97F4A7C15ull) >> 7 & (x->size - 1);
  while (x->slots[j] != SIZE_MAX && x->slots[j] != v) j = (j + 1) & (x->size - 1);
  return j;
}

static bool offset_set_has(const OffsetSet *x, size_t v) {
  return x->size && x->slots[offset_slot(x, v)] == v;
}

static CnkgStatus offset_set_add(OffsetSet *x, size_t v) {
  if ((x->used + 1) * 2 > x->size) {
    OffsetSet bigger = {malloc((x->size ? x->size * 2 : 64) * sizeof *x->slots),
                        x->size ? x->size * 2 : 64, x->used};
    if (!bigger.slots) return CNKG_ERR_NOMEM;
    for (size_t j = 0; j < bigger.size; j++) bigger.slots[j] = SIZE_MAX;
    for (size_t j = 0; j < x->size; j++)
      if (x->slots[j] != SIZE_MAX) bigger.slots[offset_slot(&bigger, x->slots[j])] = x->slots[j];
    free(x->slots);
    *x = bigger;
  }
  size_t j = offset_slot(x, v);
  if (x->slots[j] == SIZE_MAX) {
    x->slots[j] = v;
    x->used++;
  }
  return CNKG_SUCCESS;
}

static CnkgStatus emit(CnkgDocState *st, const Cand *c, const char *name) {
  const char *ctx = "";
  if (c->place != SIZE_MAX) ctx = cnkg_graph_entity(st->graph, c->place)->key;
  char *key = cnkg_graph_key_hash(CNKG_TYPE_ORGANIZATION, name, ctx);
  if (!key) return CNKG_ERR_NOMEM;
  size_t idx;
  CnkgStatus s = cnkg_graph_add_entity(st->graph, key, CNKG_TYPE_ORGANIZATION, name, &idx);
  free(key);
  if (s) return s;
  size_t sent = cnkg_docstate_sentence_at(st, c->begin);
  s = cnkg_docstate_mention(st, idx, sent, c->begin, c->end);
  if (s) return s;
  if (c->place != SIZE_MAX)
    s = cnkg_docstate_relate(st, idx, CNKG_REL_BASED_IN, c->place, NULL, sent);
  return s;
}

CnkgStatus cnkg_org_run(const CnkgOrgRecognizer *r, CnkgDocState *st) {
  if (!r || !st || !st->text) return CNKG_ERR_ARG;
  size_t n0 = st->n_spans, npl = 0;
  size_t *pl = malloc((n0 ? n0 : 1) * sizeof *pl);
  if (!pl) return CNKG_ERR_NOMEM;
  for (size_t k = 0; k < n0; k++)
    if (cnkg_type_is_place(st->spans[k].type)) pl[npl++] = k;
  CandList cl = {NULL, 0, 0};
  Places places;
  CnkgStatus s = places_make(&places, st, pl, npl);
  if (s) {
    free(pl);
    return s;
  }
  s = from_places(r, st, &places, &cl);
  if (!s) s = from_lac(st, &places, &cl);
  if (!s) s = each_hit(r, r->media, st, &places, &cl, media_hit);
  if (!s) s = from_sources(st, &cl);
  if (!s) s = each_hit(r, r->quoted, st, &places, &cl, group_hit);
  if (!s) s = each_hit(r, r->level_body, st, &places, &cl, group_hit);
  if (!s) s = each_hit(r, r->firm_list, st, &places, &cl, firm_list_hit);
  if (!s) s = each_hit(r, r->bare_level, st, &places, &cl, bare_hit);
  /* 红山县组织部和交通局: a second body sharing the first one's place */
  if (!s) {
    pcre2_match_data *md = pcre2_match_data_create(4, NULL);
    if (!md) s = CNKG_ERR_NOMEM;
    OffsetSet prefixed = {NULL, 0, 0}; /* where a candidate with a prefix begins */
    for (size_t q = 0; q < cl.n && !s; q++)
      if (cl.v[q].prefix) s = offset_set_add(&prefixed, cl.v[q].begin);
    size_t ncand = cl.n;
    for (size_t k = 0; k < ncand && !s; k++) {
      Cand *c = &cl.v[k];
      if (c->prefix) continue;
      size_t pp = place_prefix(st->text->norm, c->begin, c->end);
      if (!pp) continue;
      size_t sent = cnkg_docstate_sentence_at(st, c->begin);
      size_t limit = sent < st->text->n_sentences ? st->text->sentences[sent].end
                                                  : st->text->norm_len;
      int rc = pcre2_match(r->coordinated, (PCRE2_SPTR)st->text->norm, limit, c->end, PCRE2_ANCHORED | PCRE2_NO_UTF_CHECK, md, r->mctx);
      if (rc < 2) continue;
      PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
      size_t cb = ov[2], ce = ov[3];
      if (offset_set_has(&prefixed, cb) || !middle_ok(st->text->norm, cb, ce) ||
          !body_end_ok(st->text->norm, st->text->norm_len, cb, ce))
        continue;
      s = cand_add(&cl, cb, ce, cl.v[k].place, st->text->norm + cl.v[k].begin, pp);
      if (!s && ce > cb) s = offset_set_add(&prefixed, cb);
    }
    free(prefixed.slots);
    pcre2_match_data_free(md);
  }
  if (!s && cl.n) qsort(cl.v, cl.n, sizeof *cl.v, cand_cmp);
  size_t kept_end = 0;
  for (size_t k = 0; k < cl.n && !s; k++) {
    Cand *c = &cl.v[k];
    if (c->begin < kept_end) continue; /* inside or across a longer one */
    if (is_place_span(&places, c->begin, c->end)) continue;
    char *body = clean_name(st->text->norm + c->begin, c->end - c->begin);
    if (!body) { s = CNKG_ERR_NOMEM; break; }
    char *name = body;
    if (!c->prefix && (c->bare || (c->begin >= CNKG_HAN_BYTES &&
                                   memcmp(st->text->norm + c->begin - CNKG_HAN_BYTES, "该", CNKG_HAN_BYTES) == 0))) {
      /* 该县扶贫办, 镇党委: the place of that level just named, else the
       * one the document is about */
      CnkgType lv = level_of(st->text->norm, c->begin, c->end);
      /* of those, one whose name ends with the body's level character
       * (市作协: 乐山市, not 凉山州) */
      const CnkgSpan *sp = lv != CNKG_TYPE_COUNT
                               ? place_before(&places, lv, st->text->norm, c->begin, c->begin)
                               : NULL;
      size_t best = sp ? sp->entity : SIZE_MAX;
      if (best == SIZE_MAX && st->focus_place != SIZE_MAX &&
          cnkg_graph_entity(st->graph, st->focus_place)->type == lv)
        best = st->focus_place;
      if (best != SIZE_MAX) {
        /* the place's name, for the level character the body starts with */
        const char *pn = cnkg_graph_entity(st->graph, best)->label;
        name = cnkg_strjoin(pn, body + CNKG_HAN_BYTES);
        free(body);
        if (!name) { s = CNKG_ERR_NOMEM; break; }
        c->place = best;
      } else if (c->bare) {
        free(body);
        continue; /* no place to say whose */
      }
    }
    if (c->prefix) {
      size_t pn = strlen(c->prefix), bn = strlen(body);
      name = malloc(pn + bn + 1);
      if (!name) { free(body); s = CNKG_ERR_NOMEM; break; }
      memcpy(name, c->prefix, pn);
      memcpy(name + pn, body, bn + 1);
      free(body);
    }
    if (!is_generic(name)) {
      if (c->place == SIZE_MAX) c->place = place_at_start(&places, c->begin, c->end);
      s = emit(st, c, name);
      kept_end = c->end;
    }
    free(name);
  }
  for (size_t k = 0; k < cl.n; k++) free(cl.v[k].prefix);
  free(cl.v);
  places_free(&places);
  free(pl);
  return s;
}

/* Words after an outlet's name that make it the credit of what follows
 * (X记者 Y, X讯(记者 Y)). */
static const char *const outlet_credit_words[] = {
  "记者", "特约记者", "讯", "消息", "编辑", "责编", "作者", NULL};
static CnkgWordList outlet_credit_list = CNKG_WORDLIST(outlet_credit_words);

/* The credited sources of a text as byte ranges sorted by begin, with the
 * furthest end up to each: whether a source contains a span is then a
 * binary search, not a pass over every credit. */
typedef struct {
  size_t *begin, *reach; /* reach[i]: the largest end of sources 0..i */
  size_t n;
} Sources;

static int range_cmp(const void *a, const void *b) {
  const size_t *x = a, *y = b;
  if (x[0] != y[0]) return x[0] < y[0] ? -1 : 1;
  return x[1] < y[1] ? -1 : (x[1] > y[1] ? 1 : 0);
}

static CnkgStatus sources_make(Sources *src, const CnkgText *t) {
  memset(src, 0, sizeof *src);
  size_t *pairs = malloc((2 * t->n_credits + 1) * sizeof *pairs);
  src->begin = malloc((t->n_credits + 1) * sizeof *src->begin);
  src->reach = malloc((t->n_credits + 1) * sizeof *src->reach);
  if (!pairs || !src->begin || !src->reach) {
    free(pairs);
    free(src->begin);
    free(src->reach);
    return CNKG_ERR_NOMEM;
  }
  size_t n = 0;
  for (size_t k = 0; k < t->n_credits; k++) {
    if (t->credits[k].role != CNKG_CREDIT_SOURCE) continue;
    pairs[2 * n] = t->credits[k].begin;
    pairs[2 * n + 1] = t->credits[k].end;
    n++;
  }
  qsort(pairs, n, 2 * sizeof *pairs, range_cmp);
  for (size_t i = 0; i < n; i++) {
    src->begin[i] = pairs[2 * i];
    src->reach[i] = i && src->reach[i - 1] > pairs[2 * i + 1] ? src->reach[i - 1] : pairs[2 * i + 1];
  }
  src->n = n;
  free(pairs);
  return CNKG_SUCCESS;
}

/* Whether a credited source contains [b, e). */
static bool sources_contain(const Sources *src, size_t b, size_t e) {
  size_t lo = 0, hi = src->n; /* the sources that begin at or before b: [0, lo) */
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (src->begin[mid] <= b) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && src->reach[lo - 1] >= e;
}

/* Whether organisation span sp names an outlet credited in its sentence:
 * inside a credited source, or followed by a credit word. */
static bool credit_head(const CnkgDocState *st, size_t si, size_t pos);

static bool credited_outlet(const CnkgDocState *st, const Sources *src, const CnkgSpan *sp) {
  const CnkgText *t = st->text;
  if (sources_contain(src, sp->begin, sp->end)) return true;
  size_t se = t->sentences[sp->sentence].end;
  size_t q = sp->end;
  /* NAME 2021-03-15 09:30 X closing its line */
  size_t z = q;
  while (z < se && (t->norm[z] == ' ' || t->norm[z] == '\n')) z++;
  if (z == se && credit_head(st, sp->sentence, sp->begin)) return true;
  if (cnkg_wordlist_word_at(t->norm, q, se, "》")) q += CNKG_HAN_BYTES;
  return cnkg_wordlist_at(&outlet_credit_list, t->norm, q, se) > 0;
}

/* True when the text of sentence si before pos holds a person's name and
 * otherwise only dates, times and spaces (a source line naming its writer
 * before the outlet). */
static bool credit_head(const CnkgDocState *st, size_t si, size_t pos) {
  const CnkgText *t = st->text;
  size_t b = t->sentences[si].begin;
  bool person = false;
  for (size_t q = b; q < pos;) {
    size_t skip = 0;
    for (size_t j = cnkg_docstate_first_span(st, si); j != SIZE_MAX;
         j = cnkg_docstate_next_span(st, j))
      if (st->spans[j].type == CNKG_TYPE_PERSON && st->spans[j].begin == q &&
          st->spans[j].end <= pos && st->spans[j].end - q > skip)
        skip = st->spans[j].end - q;
    if (skip) {
      person = true;
      q += skip;
      continue;
    }
    unsigned char ch = (unsigned char)t->norm[q];
    if ((ch >= '0' && ch <= '9') || ch == ' ' || ch == '-' || ch == ':' || ch == '/' ||
        ch == '.') {
      q++;
      continue;
    }
    if (cnkg_wordlist_word_at(t->norm, q, pos, "年") ||
        cnkg_wordlist_word_at(t->norm, q, pos, "月") ||
        cnkg_wordlist_word_at(t->norm, q, pos, "日")) {
      q += CNKG_HAN_BYTES;
      continue;
    }
    return false;
  }
  return person;
}

CnkgStatus cnkg_org_credits(CnkgDocState *st) {
  if (!st || !st->text) return CNKG_ERR_ARG;
  const CnkgText *t = st->text;
  Sources src;
  if (sources_make(&src, t)) return CNKG_ERR_NOMEM;
  /* which organisation spans are credited outlets, each decided once */
  size_t n_spans = st->n_spans;
  bool *credited = calloc(n_spans + 1, sizeof *credited);
  if (!credited) {
    free(src.begin);
    free(src.reach);
    return CNKG_ERR_NOMEM;
  }
  for (size_t i = 0; i < n_spans; i++)
    credited[i] = st->spans[i].type == CNKG_TYPE_ORGANIZATION &&
                  credited_outlet(st, &src, &st->spans[i]);
  CnkgStatus r = CNKG_SUCCESS;
  for (size_t si = 0; si < t->n_sentences && !r; si++) {
    for (size_t i = cnkg_docstate_first_span(st, si); i != SIZE_MAX && !r;
         i = cnkg_docstate_next_span(st, i)) {
      if (i >= n_spans || !credited[i]) continue;
      const CnkgSpan *o = &st->spans[i];
      /* the persons named after it, up to a correspondent's credit (X记者
       * A 通讯员 B: B writes for the local office, not for X) or the next
       * outlet */
      size_t stop = t->sentences[si].end;
      for (size_t k = o->end; k < stop; k++)
        if (cnkg_wordlist_word_at(t->norm, k, stop, "通讯员")) stop = k;
      for (size_t j = cnkg_docstate_first_span(st, si); j != SIZE_MAX;
           j = cnkg_docstate_next_span(st, j)) {
        const CnkgSpan *x = &st->spans[j];
        if (j < n_spans && credited[j] && x->begin >= o->end && x->begin < stop)
          stop = x->begin;
      }
      /* a source line that names the writer first: NAME 2021-03-15 09:30 X
       * (nothing but names, dates and times before the outlet) */
      size_t from = o->end;
      if (credit_head(st, si, o->begin)) from = t->sentences[si].begin;
      for (size_t j = cnkg_docstate_first_span(st, si); j != SIZE_MAX && !r;
           j = cnkg_docstate_next_span(st, j)) {
        const CnkgSpan *p = &st->spans[j];
        if (p->type != CNKG_TYPE_PERSON || p->begin < from || p->end > stop) continue;
        r = cnkg_docstate_relate(st, p->entity, CNKG_REL_ASSOCIATED_WITH, o->entity, NULL, si);
      }
    }
  }
  free(credited);
  free(src.begin);
  free(src.reach);
  return r;
}
