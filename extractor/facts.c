/* SPDX-License-Identifier: Apache-2.0
 * Time, events and figures of one document, after the other recognisers:
 * the publication date the page states (dcterms:issued on the document),
 * poverty exits and planned exits of places as event nodes, start and end
 * dates of the posts person.c made, and figures tied to a place or
 * organisation as observations with their indicator, value, unit, date and
 * target flag. Each event and figure cites its sentence like a relation.
 * The finders are extractor/timex.c, event.c and figure.c; this module only
 * pairs their findings with the entities of the sentence, the paragraph
 * and the document (figures in facts_figure.c). Depends on facts_int.h
 * (docstate.h, the three finders) and graph.h. */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extractor/facts_int.h"

CnkgStatus cnkg_facts_new(const CnkgDivision *division, CnkgFactsRecognizer **out,
                          char *err, size_t errsize) {
  (void)division;
  if (!out) return CNKG_ERR_ARG;
  *out = NULL;
  CnkgFactsRecognizer *r = calloc(1, sizeof *r);
  if (!r) return CNKG_ERR_NOMEM;
  CnkgStatus s = cnkg_timex_new(&r->tx, err, errsize);
  if (!s) s = cnkg_event_new(&r->events, err, errsize);
  if (!s) s = cnkg_figure_new(&r->figures, err, errsize);
  if (s) {
    cnkg_facts_free(r);
    return s;
  }
  *out = r;
  return CNKG_SUCCESS;
}

void cnkg_facts_free(CnkgFactsRecognizer *r) {
  if (!r) return;
  cnkg_figure_free(r->figures);
  cnkg_event_free(r->events);
  cnkg_timex_free(r->tx);
  free(r);
}


static CnkgStatus index_hits(Facts *f) {
  size_t n = f->st->text->n_sentences;
  f->first_hit = malloc((n + 1) * sizeof *f->first_hit);
  if (!f->first_hit) return CNKG_ERR_NOMEM;
  size_t h = 0;
  for (size_t i = 0; i <= n; i++) {
    while (h < f->hits.n && f->hits.v[h].sentence < i) h++;
    f->first_hit[i] = h;
  }
  return CNKG_SUCCESS;
}

/* The last dated hit of sentence i that ends at or before byte pos (offset
 * in norm), or NULL. */
static const CnkgTimexHit *time_before(const Facts *f, size_t i, size_t pos) {
  const CnkgTimexHit *best = NULL;
  for (size_t h = f->first_hit[i]; h < f->first_hit[i + 1]; h++) {
    const CnkgTimexHit *x = &f->hits.v[h];
    if (x->begin >= pos) break;
    if (facts_hit_iso(x)) best = x;
  }
  return best;
}

/* Byte offset (in norm) of the start of the clause around pos in sentence
 * i: after the last ，；：or 、-free clause mark before it. */
size_t facts_clause_start(const CnkgDocState *st, size_t i, size_t pos) {
  const char *t = st->text->norm;
  size_t b = st->text->sentences[i].begin;
  for (size_t p = pos; p > b; p--) {
    if (p - b >= 3 && ((unsigned char)t[p - 3] == 0xEF && (unsigned char)t[p - 2] == 0xBC &&
                       ((unsigned char)t[p - 1] == 0x8C || (unsigned char)t[p - 1] == 0x9B ||
                        (unsigned char)t[p - 1] == 0x9A)))
      return p; /* ， ； ： */
    if (t[p - 1] == ',' || t[p - 1] == ';') return p;
  }
  return b;
}

static bool not_a_place(const CnkgDocState *st, size_t i, const CnkgSpan *sp) {
  (void)st;
  (void)i;
  return !cnkg_type_is_place(sp->type);
}

/* The entity of the last span of sentence i of a subject type (place or
 * organisation) ending at or before pos and starting at or after from,
 * governed by no preposition and not refused by skip (when given); of two
 * ending together, the longer (an organisation named after its place);
 * SIZE_MAX if none. */
size_t facts_subject_before(const CnkgDocState *st, size_t i, size_t from, size_t pos,
                            bool (*skip)(const CnkgDocState *, size_t, const CnkgSpan *)) {
  size_t best = SIZE_MAX, best_end = 0, best_begin = 0;
  for (size_t k = cnkg_docstate_first_span(st, i); k != SIZE_MAX;
       k = cnkg_docstate_next_span(st, k)) {
    const CnkgSpan *sp = &st->spans[k];
    if (!facts_is_subject_type(sp->type) || sp->begin < from || sp->end > pos) continue;
    if (facts_governed(st, i, sp) || (skip && skip(st, i, sp))) continue;
    if (best == SIZE_MAX || sp->end > best_end ||
        (sp->end == best_end && sp->begin < best_begin)) {
      best = sp->entity;
      best_end = sp->end;
      best_begin = sp->begin;
    }
  }
  return best;
}

/* Whether the span is the object of a preposition of its clause (在上海市
 * 的帮扶下, 作为全市试点的示范区, 距青山县城30公里): a preposition before
 * it with no 的 between (坐落在小凉山腹地的勒乌乡 is the place itself), or
 * a member of a list the number counts (上寨、下寨3个自然村). */
bool facts_governed(const CnkgDocState *st, size_t i, const CnkgSpan *sp) {
  const char *t = st->text->norm;
  static const char *const preps[] = {"在", "对", "向", "从", "由", "作为", "经", "据", "随着",
                                      "为", "与", "和", "帮助", "帮扶", "支援", "距", "离"};
  size_t from = facts_clause_start(st, i, sp->begin);
  if (sp->begin >= from + 3 && !memcmp(t + sp->begin - 3, "、", 3)) return true;
  /* a preposition with a 的 between it and the span governs something
   * else: only the characters after the clause's last 的 are looked at */
  size_t p = from;
  for (size_t q = from; q < sp->begin;) {
    if (cnkg_utf8_char_in("的", t, q, sp->begin)) p = q + CNKG_HAN_BYTES;
    size_t r = q;
    cnkg_utf8_next(t, sp->begin, &r);
    q = r > q ? r : q + 1;
  }
  for (; p < sp->begin; p++) {
    if (((unsigned char)t[p] & 0xC0u) == 0x80u) continue; /* inside a character */
    for (size_t k = 0; k < sizeof preps / sizeof *preps; k++)
      if (facts_starts_with(t, p, sp->begin, preps[k])) return true;
  }
  return false;
}

/* Whether a span can be what its sentence is about: not a modifier
 * (上海市某区的对口帮扶) and not governed by a preposition. */
bool facts_topic_candidate(const CnkgDocState *st, size_t i, const CnkgSpan *sp) {
  const char *t = st->text->norm;
  size_t se = st->text->sentences[i].end;
  if (facts_starts_with(t, sp->end, se, "的")) return false;
  return !facts_governed(st, i, sp);
}

/* The last of a chain of names that follow the one ending at e directly
 * (薛城区常庄街道吴庄村 -> 吴庄村), all ending by pos; entity if none follows. */
size_t facts_follow_chain(const CnkgDocState *st, size_t i, size_t entity, size_t e, size_t pos) {
  for (bool more = true; more;) {
    more = false;
    for (size_t k = cnkg_docstate_first_span(st, i); k != SIZE_MAX;
         k = cnkg_docstate_next_span(st, k)) {
      const CnkgSpan *sp = &st->spans[k];
      if (!facts_is_subject_type(sp->type) || sp->begin != e || sp->end > pos) continue;
      entity = sp->entity;
      e = sp->end;
      more = true;
      break;
    }
  }
  return entity;
}

/* The topic of sentence i: the place or organisation it opens with (the
 * first one named before pos that can be a topic), carried along a chain
 * of names that follow it directly (薛城区常庄街道吴庄村 -> 吴庄村); SIZE_MAX
 * if none. */
static size_t sentence_topic(const CnkgDocState *st, size_t i, size_t pos) {
  size_t best = SIZE_MAX, b = SIZE_MAX, e = 0;
  for (size_t k = cnkg_docstate_first_span(st, i); k != SIZE_MAX;
       k = cnkg_docstate_next_span(st, k)) {
    const CnkgSpan *sp = &st->spans[k];
    if (!facts_is_subject_type(sp->type) || sp->end > pos || !facts_topic_candidate(st, i, sp)) continue;
    if (sp->begin < b || (sp->begin == b && sp->end > e)) {
      best = sp->entity;
      b = sp->begin;
      e = sp->end;
    }
  }
  return best == SIZE_MAX ? best : facts_follow_chain(st, i, best, e, pos);
}

/* Updates the paragraph subject: the first place or organisation the
 * paragraph names. */
static void track_paragraph(Facts *f, size_t i) {
  const CnkgDocState *st = f->st;
  const CnkgSentence *s = &st->text->sentences[i];
  if (s->paragraph != f->para) {
    f->para = s->paragraph;
    f->para_subject = SIZE_MAX;
  }
  if (f->para_subject != SIZE_MAX) return;
  f->para_subject = sentence_topic(st, i, s->end);
  if (f->para_subject != SIZE_MAX && !s->heading) f->last_subject = f->para_subject;
}

/* Words that stand for a place or organisation named before: 该村, 全县,
 * 本镇 for the last place of that level; a bare kind (合作社, 公司) for the
 * last organisation whose name ends in it. */
static const struct {
  const char *word;
  CnkgType type; /* CNKG_TYPE_ORGANIZATION: by the end of the name */
} anaphors[] = {
    {"该村", CNKG_TYPE_VILLAGE},    {"全村", CNKG_TYPE_VILLAGE},
    {"本村", CNKG_TYPE_VILLAGE},    {"该嘎查", CNKG_TYPE_VILLAGE},
    {"全嘎查", CNKG_TYPE_VILLAGE},  {"该镇", CNKG_TYPE_TOWNSHIP},
    {"全镇", CNKG_TYPE_TOWNSHIP},   {"该乡", CNKG_TYPE_TOWNSHIP},
    {"全乡", CNKG_TYPE_TOWNSHIP},   {"该县", CNKG_TYPE_COUNTY},
    {"全县", CNKG_TYPE_COUNTY},     {"全旗", CNKG_TYPE_COUNTY},
    {"该旗", CNKG_TYPE_COUNTY},     {"全区", CNKG_TYPE_COUNTY},
    {"全市", CNKG_TYPE_PREFECTURE}, {"全省", CNKG_TYPE_PROVINCE},
    {"合作社", CNKG_TYPE_ORGANIZATION}, {"公司", CNKG_TYPE_ORGANIZATION},
    {"企业", CNKG_TYPE_ORGANIZATION},   {"基地", CNKG_TYPE_ORGANIZATION},
    {"工作队", CNKG_TYPE_ORGANIZATION}, {"大学", CNKG_TYPE_ORGANIZATION},
    {"学院", CNKG_TYPE_ORGANIZATION},   {"学校", CNKG_TYPE_ORGANIZATION}};

static bool inside_span(const CnkgDocState *st, size_t i, size_t pos) {
  for (size_t k = cnkg_docstate_first_span(st, i); k != SIZE_MAX;
       k = cnkg_docstate_next_span(st, k))
    if (st->spans[k].begin <= pos && pos < st->spans[k].end) return true;
  return false;
}

/* A place's governing bodies (野则河村两委, X村党支部, X县人民政府) report
 * the place's figures: the place stands for them. */
size_t facts_governed_place(const CnkgDocState *st, size_t org) {
  static const char *const bodies[] = {"两委", "村委会", "村委", "党支部", "党总支", "支部",
                                       "党委", "人民政府", "政府", "居委会", "村民委员会"};
  const CnkgEntity *e = cnkg_graph_entity(st->graph, org);
  if (e->type != CNKG_TYPE_ORGANIZATION) return org;
  size_t nr = cnkg_graph_relation_count(st->graph);
  for (size_t r = 0; r < nr; r++) {
    const CnkgRelation *rel = cnkg_graph_relation(st->graph, r);
    if (rel->subject != org || rel->rel != CNKG_REL_BASED_IN) continue;
    const CnkgEntity *pl = cnkg_graph_entity(st->graph, rel->object);
    size_t lp = pl->label ? strlen(pl->label) : 0;
    if (!lp || strncmp(e->label, pl->label, lp)) continue;
    for (size_t k = 0; k < sizeof bodies / sizeof *bodies; k++)
      if (!strcmp(e->label + lp, bodies[k])) return rel->object;
  }
  return org;
}

/* The entity anaphor `which` at byte at of sentence i stands for: the
 * last fitting entity named before it in this or the 20 sentences
 * before; else, for a kind (合作社), the first of the kind named in the
 * five sentences after, and for a place level the last of the level named
 * anywhere before; SIZE_MAX if nothing fits. */
static size_t resolve_anaphor(const CnkgDocState *st, size_t i, size_t at, size_t which) {
  CnkgType want = anaphors[which].type;
  const char *kind = anaphors[which].word;
  /* 全旗 is the last 旗 before the last county of any name, 全村 the last
   * 村 before a natural village (岔口、下斜两个自然村) */
  const char *level = want == CNKG_TYPE_ORGANIZATION ? kind : kind + 3;
  size_t topic = sentence_topic(st, i, at); /* 山峰村是…一个彝族村，…全村 */
  if (topic != SIZE_MAX && cnkg_graph_entity(st->graph, topic)->type == want) return topic;
  for (int pass = 0; pass < 2; pass++)
    for (size_t j = i + 1; j-- > 0 && j + 20 >= i;) {
      size_t best = SIZE_MAX, best_begin = 0;
      for (size_t k = cnkg_docstate_first_span(st, j); k != SIZE_MAX;
           k = cnkg_docstate_next_span(st, k)) {
        const CnkgSpan *sp = &st->spans[k];
        if (sp->end > at || (best != SIZE_MAX && sp->begin <= best_begin)) continue;
        const CnkgEntity *e = cnkg_graph_entity(st->graph, sp->entity);
        bool fits = sp->type == want && (pass == 1 || facts_ends_with(e->label, level));
        if (!strcmp(kind, "学校")) /* 学校 for a university or college */
          fits = sp->type == want && pass == 0 &&
                 (facts_ends_with(e->label, "大学") || facts_ends_with(e->label, "学院"));
        if (want == CNKG_TYPE_ORGANIZATION && pass == 1) fits = false;
        if (fits) best = sp->entity, best_begin = sp->begin;
      }
      if (best != SIZE_MAX) return best;
    }
  /* a quote that opens a story (“合作社的羊圈又扩了…”) names the body
   * only after: the first of the kind in the next five sentences */
  if (want == CNKG_TYPE_ORGANIZATION) {
    for (size_t j = i + 1; j < st->text->n_sentences && j <= i + 5; j++)
      for (size_t k = cnkg_docstate_first_span(st, j); k != SIZE_MAX;
           k = cnkg_docstate_next_span(st, k)) {
        const CnkgSpan *sp = &st->spans[k];
        if (sp->type == want && facts_ends_with(cnkg_graph_entity(st->graph, sp->entity)->label, level))
          return sp->entity;
      }
    return SIZE_MAX;
  }
  /* a report of one county says 全县 long after it named the county: the
   * last place of the level named anywhere before */
  if (i < 21) return SIZE_MAX;
  for (size_t j = i - 20; j-- > 0;) {
    size_t best = SIZE_MAX, best_begin = 0;
    for (size_t k = cnkg_docstate_first_span(st, j); k != SIZE_MAX;
         k = cnkg_docstate_next_span(st, k)) {
      const CnkgSpan *sp = &st->spans[k];
      if (sp->type != want || (best != SIZE_MAX && sp->begin <= best_begin)) continue;
      if (facts_ends_with(cnkg_graph_entity(st->graph, sp->entity)->label, level))
        best = sp->entity, best_begin = sp->begin;
    }
    if (best != SIZE_MAX) return best;
  }
  return SIZE_MAX;
}

/* The entity the last place anaphor in sentence i before pos (from from)
 * that opens its clause stands for; else the entity the last anaphor that
 * stands for something does; SIZE_MAX if there is no anaphor or nothing
 * fits. An earlier anaphor of the same clause is tried when the last
 * finds nothing: in 公司茶叶基地面积 the 基地 is the company's, and no
 * body is named 基地. */
size_t facts_anaphor_subject(const CnkgDocState *st, size_t i, size_t from, size_t pos) {
  const char *t = st->text->norm;
  /* one that opens its clause is the subject; a later one is an object
   * (该县同时考虑到本村缺水,…) */
  for (size_t p = pos; p-- > from;) {
    if ((unsigned char)t[p] < 0xE0) continue;
    for (size_t k = 0; k < sizeof anaphors / sizeof *anaphors; k++)
      if (anaphors[k].type != CNKG_TYPE_ORGANIZATION && facts_starts_with(t, p, pos, anaphors[k].word) &&
          facts_clause_start(st, i, p) == p && !inside_span(st, i, p)) {
        size_t e = resolve_anaphor(st, i, p, k);
        if (e != SIZE_MAX) return e;
      }
  }
  size_t end = pos;
  for (;;) {
    size_t at = SIZE_MAX, which = 0;
    for (size_t p = from; p + 6 <= end; p++) {
      if ((unsigned char)t[p] < 0xE0) continue; /* every word is 2+ CJK characters */
      for (size_t k = 0; k < sizeof anaphors / sizeof *anaphors; k++)
        if (!memcmp(t + p, anaphors[k].word, 3) && facts_starts_with(t, p, pos, anaphors[k].word) &&
            !inside_span(st, i, p)) {
          at = p;
          which = k;
        }
    }
    if (at == SIZE_MAX) return SIZE_MAX;
    size_t e = resolve_anaphor(st, i, at, which);
    if (e != SIZE_MAX) return e;
    end = at + 5; /* an anaphor starting before at, in its clause */
    size_t cs = facts_clause_start(st, i, at);
    if (cs > from) from = cs;
  }
}

/* A hashed key for an event or figure from its parts, joined by \x1f. */
char *facts_key(CnkgType type, const char *const *parts, size_t n) {
  size_t len = 1;
  for (size_t k = 0; k < n; k++) len += strlen(parts[k] ? parts[k] : "") + 1;
  char *ctx = malloc(len);
  if (!ctx) return NULL;
  size_t o = 0;
  for (size_t k = 1; k < n; k++) {
    const char *p = parts[k] ? parts[k] : "";
    size_t l = strlen(p);
    if (k > 1) ctx[o++] = '\x1f';
    memcpy(ctx + o, p, l);
    o += l;
  }
  ctx[o] = '\0';
  char *key = cnkg_graph_key_hash(type, parts[0], ctx);
  free(ctx);
  return key;
}

/* ---- the publication date ----------------------------------------------- */

static bool parse_iso(const char *iso, CnkgTimexDate *d) {
  memset(d, 0, sizeof *d);
  if (!iso) return false;
  int n = sscanf(iso, "%4d-%2d-%2d", &d->year, &d->month, &d->day);
  d->precision = n == 3 ? CNKG_TIMEX_DAY : n == 2 ? CNKG_TIMEX_MONTH
                 : n == 1 ? CNKG_TIMEX_YEAR : CNKG_TIMEX_NONE;
  return d->precision != CNKG_TIMEX_NONE && cnkg_timex_valid(d);
}

/* The document's date: found on the page by the first part, and read back
 * from the graph by the later parts of a long document. */
static CnkgStatus document_date(Facts *f, CnkgTimexDate *ref, bool *have) {
  CnkgDocState *st = f->st;
  const CnkgDocument *doc = cnkg_graph_document(st->graph, st->doc);
  *have = false;
  if (st->cp_base > 0) {
    *have = doc && parse_iso(doc->issued, ref);
    return CNKG_SUCCESS;
  }
  CnkgDocDate dd;
  CnkgStatus s = cnkg_timex_text_date(f->r->tx, st->text, &dd);
  if (s == CNKG_NOTHING) return CNKG_SUCCESS;
  if (s) return s;
  if (!doc || !dd.iso[0]) return CNKG_SUCCESS;
  CnkgDocument add = {0};
  add.key = doc->key;
  add.issued = dd.iso;
  *ref = dd.date;
  *have = true;
  return cnkg_graph_add_document(st->graph, &add, NULL);
}

/* ---- poverty exits ------------------------------------------------------ */

static CnkgStatus keep_exit(Facts *f, size_t place, size_t sentence, const char *iso,
                            bool planned, int rank) {
  if (f->n_exits == f->cap_exits) {
    size_t nc = f->cap_exits ? 2 * f->cap_exits : 16;
    Exit *e = realloc(f->exits, nc * sizeof *e);
    if (!e) return CNKG_ERR_NOMEM;
    f->exits = e;
    f->cap_exits = nc;
  }
  Exit *x = &f->exits[f->n_exits++];
  x->place = place;
  x->sentence = sentence;
  snprintf(x->iso, sizeof x->iso, "%s", iso ? iso : "");
  x->planned = planned;
  x->rank = iso || rank < 0 ? rank : 0;
  return CNKG_SUCCESS;
}

/* How far back (bytes) the narrative's last date may date an exit. */
#define EXIT_REACH 8000

/* Whether hit h can date an exit: it has a value, and a month or day
 * that does not name its year took the year from the text around it or
 * from the page's date, not from an earlier section of the document (a
 * digest of stories: 4月19日 under a heading, after another story's
 * 2019年). */
static bool exit_dated(const CnkgTimexHit *h) {
  return facts_hit_iso(h) && !(h->relative && h->anchor == CNKG_TIMEX_FROM_DOCUMENT &&
                         h->value.precision >= CNKG_TIMEX_MONTH);
}

/* The last hit that can date an exit (exit_dated) in sentences i0 to i1
 * before byte pos; NULL if none. */
static const CnkgTimexHit *exit_time_before(const Facts *f, size_t i0, size_t i1,
                                            size_t pos) {
  for (size_t h = f->first_hit[i1 + 1]; h-- > f->first_hit[i0];) {
    const CnkgTimexHit *x = &f->hits.v[h];
    if (x->begin < pos && exit_dated(x)) return x;
  }
  return NULL;
}

/* Whether a time expression starts at t[p] (inside [b, e)): 1 a month or
 * a day in digits (4月, 11日), 2 a word relative to the time of writing
 * (今年), 0 none. */
static int time_word_at(const char *t, size_t b, size_t p, size_t e) {
  static const char *const words[] = {"今年", "去年", "前年", "上年", "上月", "本月",
                                      "近日", "日前"};
  if (t[p] >= '0' && t[p] <= '9') {
    if (p > b && t[p - 1] >= '0' && t[p - 1] <= '9') return 0;
    size_t q = p;
    while (q < e && t[q] >= '0' && t[q] <= '9') q++;
    return q - p <= 2 && (facts_starts_with(t, q, e, "月") || facts_starts_with(t, q, e, "日"));
  }
  /* most characters start none of the words: their first characters
   * (今去前上本近日) are tested first */
  if (e - p < 6 || !memchr("\xe4\xe5\xe6\xe8", t[p], 4)) return 0;
  for (size_t k = 0; k < sizeof words / sizeof *words; k++)
    if (facts_starts_with(t, p, e, words[k])) return 2;
  return 0;
}

/* The offset of the last time expression in norm[b, e) (sentences from
 * i0 to i1) that gives an exit no date (exit_dated: 4月11日 in a page
 * without its year, 今年 in a page without its date); SIZE_MAX if none.
 * *kind: what time_word_at said of it. */
static size_t last_undated(const Facts *f, size_t i0, size_t i1, size_t b, size_t e,
                           int *kind) {
  const char *t = f->st->text->norm;
  size_t found = SIZE_MAX;
  for (size_t j = i0; j <= i1; j++) {
    const CnkgSentence *sn = &f->st->text->sentences[j];
    size_t lo = sn->begin > b ? sn->begin : b, hi = sn->end < e ? sn->end : e;
    for (size_t p = lo; p < hi; p++) {
      int w = ((unsigned char)t[p] & 0xC0) == 0x80 ? 0 : time_word_at(t, lo, p, hi);
      if (!w) continue;
      bool dated = false;
      for (size_t h = f->first_hit[j]; h < f->first_hit[j + 1] && !dated; h++) {
        const CnkgTimexHit *x = &f->hits.v[h];
        dated = x->begin <= p && p < x->end && exit_dated(x);
      }
      if (!dated) found = p, *kind = w;
    }
  }
  return found;
}

/* True if one of the characters of chars occurs in s[b, e). */
bool facts_has_char(const char *s, size_t b, size_t e, const char *chars) {
  for (size_t p = b; p < e;) {
    if (cnkg_utf8_char_in(chars, s, p, e)) return true;
    size_t q = p;
    cnkg_utf8_next(s, e, &q);
    p = q > p ? q : p + 1;
  }
  return false;
}

/* Whether the words between a place (ending at pe) and its exit cue (at
 * cue) leave the place as the one that exits: not when they name a group
 * of places (白云省…最后7个县退出, 白云省12个贫困县全部实现脱贫摘帽, 9个省区市的
 * 贫困县), unless the place heads the group (青山县等12个贫困县退出). */
static bool place_exits(const char *t, size_t pe, size_t cue, bool listed) {
  if (pe >= cue) return true;
  if (facts_has_char(t, pe, cue, "的")) return false;
  /* the scope of a rank, not the place that exits: 白云省第一个脱贫摘帽的县 */
  if (facts_has_char(t, pe, cue, "第首唯")) return false;
  if (cue - pe >= 3 && !memcmp(t + pe, "等", 3)) return true;
  /* a list summed up by its count: 青山、石门、柳溪3县脱贫摘帽 */
  if (listed && cue - pe <= 18 && ((t[pe] >= '0' && t[pe] <= '9') ||
                         cnkg_utf8_char_in("一二两三四五六七八九十", t, pe, cue)))
    return true;
  return !facts_has_char(t, pe, cue, "县村乡镇旗区市省");
}

/* Whether the first 全X, 该X or 本X of s[b, e) (全县, 该村) names a place
 * of the level of type; true when there is none. */
static bool level_fits(const char *s, size_t b, size_t e, CnkgType type) {
  for (size_t p = b; p + 6 <= e; p++) {
    if (memcmp(s + p, "全", 3) && memcmp(s + p, "该", 3) && memcmp(s + p, "本", 3)) continue;
    const char *x = s + p + 3;
    if (!memcmp(x, "省", 3)) return type == CNKG_TYPE_PROVINCE;
    if (!memcmp(x, "市", 3)) return type == CNKG_TYPE_PREFECTURE || type == CNKG_TYPE_COUNTY;
    if (!memcmp(x, "县", 3) || !memcmp(x, "旗", 3) || !memcmp(x, "区", 3))
      return type == CNKG_TYPE_COUNTY;
    if (!memcmp(x, "乡", 3) || !memcmp(x, "镇", 3)) return type == CNKG_TYPE_TOWNSHIP;
    if (!memcmp(x, "村", 3)) return type == CNKG_TYPE_VILLAGE;
  }
  return true;
}

/* The places named right after 的 following the cue, joined by 、 和 及
 * (已宣布脱贫的琼中黎族苗族自治县和保亭黎族苗族自治县), kept as exits. */
static CnkgStatus exits_after(Facts *f, size_t i, size_t at, const char *iso, bool planned,
                              int rank, size_t *found) {
  CnkgDocState *st = f->st;
  const char *t = st->text->norm;
  size_t se = st->text->sentences[i].end;
  bool of = at + 3 <= se && !memcmp(t + at, "的", 3);
  if (of) at += 3;
  /* 退出的县分别为：青山县、石门县… */
  for (size_t p = at; p < se && p < at + 30; p++)
    if (facts_starts_with(t, p, se, "是:") || facts_starts_with(t, p, se, "为:")) {
      at = p + 4;
      of = true;
      break;
    }
  if (!of) return CNKG_SUCCESS;
  for (bool more = true; more;) {
    more = false;
    for (size_t k = cnkg_docstate_first_span(st, i); k != SIZE_MAX; k = cnkg_docstate_next_span(st, k)) {
      const CnkgSpan *sp = &st->spans[k];
      if (!cnkg_type_is_place(sp->type) || sp->begin != at) continue;
      at = sp->end;
      more = true;
      /* a path (六安市裕安区) exits as its last name */
      bool chained = false;
      for (size_t q = cnkg_docstate_first_span(st, i); q != SIZE_MAX && !chained;
           q = cnkg_docstate_next_span(st, q))
        chained = cnkg_type_is_place(st->spans[q].type) && st->spans[q].begin == at;
      if (chained) break;
      CnkgStatus s = keep_exit(f, sp->entity, i, iso, planned, rank);
      if (s) return s;
      (*found)++;
      more = at + 3 <= se && (!memcmp(t + at, "和", 3) || !memcmp(t + at, "、", 3) ||
                              !memcmp(t + at, "及", 3));
      if (more) at += 3;
      break;
    }
  }
  return CNKG_SUCCESS;
}

/* Whether s[b, e) joins two members of a list: 、 和 及 与 以及. */
static bool list_joint(const char *s, size_t b, size_t e) {
  static const char *const joints[] = {"、", "和", "及", "与", "以及", "同"};
  for (size_t k = 0; k < sizeof joints / sizeof *joints; k++)
    if (e - b == strlen(joints[k]) && !memcmp(s + b, joints[k], e - b)) return true;
  return false;
}

/* Keeps as exits the places of the list that ends right before the cue
 * in clause [from, cue) of sentence i: walking back from the last place
 * over list joints (于都县、兴国县和宁都县), passing over the places that
 * only locate the next one (江西省于都县, 阜阳市颍东区), and stopping at
 * any other word: a place before it is the agent or the setting of the
 * exit, not what exits (白云省人民政府…批准青山县退出, 石门市在青山、柳溪2县
 * 脱贫摘帽基础上). */
static CnkgStatus listed_exits(Facts *f, size_t i, size_t from, size_t cue, const char *iso,
                               bool planned, int rank) {
  CnkgDocState *st = f->st;
  const char *t = st->text->norm;
  enum { MAX_LISTED = 64 };
  const CnkgSpan *v[MAX_LISTED];
  size_t n = 0;
  for (size_t k = cnkg_docstate_first_span(st, i); k != SIZE_MAX && n < MAX_LISTED;
       k = cnkg_docstate_next_span(st, k)) {
    const CnkgSpan *sp = &st->spans[k];
    if (cnkg_type_is_place(sp->type) && sp->begin >= from && sp->end <= cue) v[n++] = sp;
  }
  /* by end, the longer first among those ending together */
  for (size_t a = 1; a < n; a++)
    for (size_t b = a; b > 0; b--) {
      const CnkgSpan *x = v[b - 1], *y = v[b];
      if (x->end < y->end || (x->end == y->end && x->begin <= y->begin)) break;
      v[b - 1] = y;
      v[b] = x;
    }
  if (!n) return CNKG_SUCCESS;
  size_t at = v[n - 1]->begin;
  CnkgStatus s = keep_exit(f, v[n - 1]->entity, i, iso, planned, rank);
  for (size_t k = n - 1; k-- > 0 && !s;) {
    const CnkgSpan *sp = v[k];
    if (sp->end > at) continue; /* inside the one kept */
    if (sp->end == at) { /* locates the next place */
      at = sp->begin;
      continue;
    }
    if (!list_joint(t, sp->end, at)) break;
    at = sp->begin;
    s = keep_exit(f, sp->entity, i, iso, planned, rank);
  }
  return s;
}

/* Whether the clause [from, cue) of sentence i names a subject of its own
 * that is no known place (2018年,月溪成功脱帽): a noun or name the
 * analyser tagged there. Then the exit is not the paragraph's place. */
static bool named_subject(const CnkgDocState *st, size_t i, size_t from, size_t cue) {
  static const char *const nouns[] = {"n", "nz", "nr", "ns", "nt", "nw", "LOC", "ORG", "PER"};
  if (!st->lac) return false;
  const CnkgLacResult *lr = &st->lac[i];
  size_t sb = st->text->sentences[i].begin;
  for (size_t w = 0; w < lr->n_words; w++) {
    const CnkgLacWord *lw = &lr->words[w];
    if (sb + lw->begin < from) continue;
    if (sb + lw->end > cue) break;
    for (size_t k = 0; lw->tag && k < sizeof nouns / sizeof *nouns; k++)
      if (!strcmp(lw->tag, nouns[k])) return true;
  }
  return false;
}

/* An approval of a counted group (批准3个县退出) in clause [from, cue) of
 * sentence i: the places of that level the nearest sentence before it
 * names, when it names exactly that many (宣布桃源县、李庄县、杏林县…; …批准这3个
 * 县摘帽). *got: how many were kept. */
static CnkgStatus counted_exits(Facts *f, size_t i, size_t from, size_t cue, const char *iso,
                                int rank, size_t *got) {
  CnkgDocState *st = f->st;
  const char *t = st->text->norm;
  static const char *const digits[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九"};
  *got = 0;
  for (size_t p = from; p + 6 <= cue; p++) {
    if (memcmp(t + p, "个", 3)) continue;
    CnkgType type = !memcmp(t + p + 3, "县", 3) || !memcmp(t + p + 3, "旗", 3) ? CNKG_TYPE_COUNTY
                    : !memcmp(t + p + 3, "村", 3) ? CNKG_TYPE_VILLAGE
                    : !memcmp(t + p + 3, "乡", 3) || !memcmp(t + p + 3, "镇", 3) ? CNKG_TYPE_TOWNSHIP
                    : CNKG_TYPE_COUNT;
    size_t n = 0;
    if (p > from && t[p - 1] >= '0' && t[p - 1] <= '9') {
      size_t q = p, scale = 1;
      while (q > from && t[q - 1] >= '0' && t[q - 1] <= '9' && scale <= 100)
        n += (size_t)(t[q - 1] - '0') * scale, scale *= 10, q--;
    } else if (p >= from + 3) {
      for (size_t k = 0; k < 9; k++)
        if (!memcmp(t + p - 3, digits[k], 3)) n = k + 1;
      if (!memcmp(t + p - 3, "两", 3)) n = 2;
    }
    if (type == CNKG_TYPE_COUNT || n < 2 || n > 64) return CNKG_SUCCESS;
    size_t sb = st->text->sentences[i].begin;
    for (size_t j = i; j-- > 0 && sb - st->text->sentences[j].begin <= EXIT_REACH;) {
      size_t ents[64], m = 0;
      bool more = false;
      for (size_t k = cnkg_docstate_first_span(st, j); k != SIZE_MAX;
           k = cnkg_docstate_next_span(st, k)) {
        if (st->spans[k].type != type) continue;
        bool seen = false;
        for (size_t q = 0; q < m && !seen; q++) seen = ents[q] == st->spans[k].entity;
        if (seen) continue;
        if (m == n) more = true;
        else ents[m++] = st->spans[k].entity;
      }
      if (!m) continue;
      if (m != n || more) return CNKG_SUCCESS;
      for (size_t q = 0; q < m; q++) {
        CnkgStatus s = keep_exit(f, ents[q], i, iso, false, rank);
        if (s) return s;
      }
      *got = m;
      return CNKG_SUCCESS;
    }
    return CNKG_SUCCESS;
  }
  return CNKG_SUCCESS;
}

/* The places an exit cue in sentence i is about: the places named right
 * after 摘帽的 (刚刚脱贫摘帽的竹山县); else those named in its clause before
 * it (a list: 乐甫、雷弄、冷水箐…出列) when the words up to the cue leave them
 * the subject; else, when the clause names neither a place nor a group of
 * places, the last place of the sentence before the clause (和顺县曾是…，
 * 已于2019年4月顺利摘帽), else the paragraph's subject (or the document's
 * place for 全县, 该县). How its date was found ranks it (see Exit). */
static CnkgStatus sentence_exits(Facts *f, size_t i, const CnkgEvent *e) {
  CnkgDocState *st = f->st;
  const char *t = st->text->norm;
  size_t sb = st->text->sentences[i].begin;
  size_t cue = sb + e->begin;
  bool planned = e->modality == CNKG_EVENT_PLANNED;
  if (e->modality != CNKG_EVENT_FACT && !planned) return CNKG_SUCCESS;
  if (e->about_people && !e->whole_place) return CNKG_SUCCESS;
  size_t from = facts_clause_start(st, i, cue);
  if (e->past_state) { /* 青山县曾是国家级贫困县: it has left, when is not said */
    size_t place = facts_subject_before(st, i, from, cue, not_a_place);
    if (place == SIZE_MAX) place = sentence_topic(st, i, cue);
    if (place == SIZE_MAX || !cnkg_type_is_place(cnkg_graph_entity(st->graph, place)->type))
      return CNKG_SUCCESS;
    return keep_exit(f, place, i, NULL, false, 0);
  }
  /* The exit's date is the last time expression before it, in its
   * sentence, else its paragraph; when that one cannot be resolved it is
   * not given another date: a month or day whose year the page never
   * says (4月11日) makes the exit one of unknown date (rank -1), which
   * write_exits leaves out; a word relative to an unstated date of
   * writing (今年) drops this statement only. A date taken from further back only counts when
   * no such expression comes between. */
  const CnkgSentence *ss = st->text->sentences;
  int rank = 3;
  const CnkgTimexHit *h = exit_time_before(f, i, i, cue);
  int kind = 0;
  size_t u = last_undated(f, i, i, sb, cue, &kind);
  bool unknown = u != SIZE_MAX && (!h || u >= h->end);
  if (h && facts_has_char(t, from, cue, "批")) rank = 4; /* 批准…退出: the act itself */
  if (!h && !unknown) {
    size_t p0 = i;
    while (p0 > 0 && ss[p0 - 1].paragraph == ss[i].paragraph && sb - ss[p0 - 1].begin <= EXIT_REACH)
      p0--;
    rank = 2;
    h = p0 < i ? exit_time_before(f, p0, i - 1, sb) : NULL;
    u = p0 < i ? last_undated(f, p0, i - 1, ss[p0].begin, sb, &kind) : SIZE_MAX;
    unknown = u != SIZE_MAX && (!h || u >= h->end);
  }
  if (!h && !planned && !unknown && i > 0) {
    rank = 1;
    h = exit_time_before(f, 0, i - 1, sb);
    /* a date pages back is no longer the narrative's (and the scan for an
     * unresolved one between stays short) */
    if (h && sb - h->end > EXIT_REACH) h = NULL;
    if (h && last_undated(f, h->sentence, i - 1, h->end, sb, &kind) != SIZE_MAX) h = NULL;
  }
  /* 今年 in a page without its date: this statement says nothing the
   * graph can keep, but another one of the same exit may */
  if (unknown && kind == 2) return CNKG_SUCCESS;
  if (!h) rank = unknown ? -1 : 0;
  const char *iso = h ? facts_hit_iso(h) : NULL;
  size_t found = 0;
  CnkgStatus s = exits_after(f, i, sb + e->end, iso, planned, rank, &found);
  if (s || found) return s;
  size_t last_end = from, topic = SIZE_MAX, topic_end = 0;
  for (size_t k = cnkg_docstate_first_span(st, i); k != SIZE_MAX;
       k = cnkg_docstate_next_span(st, k)) {
    const CnkgSpan *sp = &st->spans[k];
    if (!cnkg_type_is_place(sp->type) || sp->end > cue) continue;
    if (sp->begin >= from && sp->end > last_end) last_end = sp->end;
    if (sp->end <= from && sp->end > topic_end) topic = sp->entity, topic_end = sp->end;
  }
  if (last_end > from && e->whole_place) { /* 青石县计划到2020年全县实现脱贫摘帽 */
    size_t best = SIZE_MAX;
    for (size_t k = cnkg_docstate_first_span(st, i); k != SIZE_MAX;
         k = cnkg_docstate_next_span(st, k)) {
      const CnkgSpan *sp = &st->spans[k];
      if (cnkg_type_is_place(sp->type) && sp->begin >= from && sp->end <= cue &&
          level_fits(t, from, cue, sp->type))
        best = sp->entity;
    }
    return best == SIZE_MAX ? CNKG_SUCCESS : keep_exit(f, best, i, iso, planned, rank);
  }
  if (last_end > from) { /* the clause names places */
    if (place_exits(t, last_end, cue, facts_has_char(t, from, last_end, "、")))
      return listed_exits(f, i, from, cue, iso, planned, rank);
    /* 石门县是青山省第一个脱贫摘帽的县: the subject of 是, not the scope */
    for (size_t k = cnkg_docstate_first_span(st, i); k != SIZE_MAX;
         k = cnkg_docstate_next_span(st, k)) {
      const CnkgSpan *sp = &st->spans[k];
      if (cnkg_type_is_place(sp->type) && sp->begin >= from && sp->end < last_end &&
          (facts_starts_with(t, sp->end, cue, "是") || facts_starts_with(t, sp->end, cue, "成为")) &&
          facts_has_char(t, sp->end, cue, "第首唯"))
        return keep_exit(f, sp->entity, i, iso, planned, rank);
    }
    return CNKG_SUCCESS;
  }
  if (rank == 4) { /* 7月16日,省政府行文,批准这3个县摘帽: the three named before */
    size_t got = 0;
    s = counted_exits(f, i, from, cue, iso, rank, &got);
    if (s || got) return s;
  }
  if (!e->whole_place && facts_has_char(t, from, cue, "县村乡镇旗")) return CNKG_SUCCESS;
  if (facts_has_char(t, from, cue, "个")) return CNKG_SUCCESS; /* 全乡已有3个贫困村出列 */
  if (!e->whole_place && named_subject(st, i, from, cue)) return CNKG_SUCCESS;
  size_t place = e->whole_place ? SIZE_MAX : topic;
  if (place != SIZE_MAX && !place_exits(t, topic_end, from, false)) place = SIZE_MAX;
  /* 全县…,按期脱贫摘帽: the last county named, not the paragraph's first
   * place (a village of a list) */
  if (place == SIZE_MAX && e->whole_place) place = facts_anaphor_subject(st, i, sb, cue);
  if (place == SIZE_MAX && f->para_subject != SIZE_MAX &&
      cnkg_type_is_place(cnkg_graph_entity(st->graph, f->para_subject)->type))
    place = f->para_subject;
  if (place == SIZE_MAX && e->whole_place) place = st->focus_place;
  if (place == SIZE_MAX) return CNKG_SUCCESS;
  if (e->whole_place && !level_fits(t, from, cue, cnkg_graph_entity(st->graph, place)->type))
    return CNKG_SUCCESS; /* 全省… in a paragraph about a county */
  return keep_exit(f, place, i, iso, planned, rank > 1 ? rank - 1 : rank);
}

static int cmp_exit(const void *a, const void *b) {
  const Exit *x = a, *y = b;
  if (x->planned != y->planned) return x->planned ? 1 : -1;
  if (x->place != y->place) return x->place < y->place ? -1 : 1;
  if (x->rank != y->rank) return x->rank > y->rank ? -1 : 1;
  int c = strcmp(x->iso, y->iso); /* the earliest of equally sure dates */
  if (c) return c;
  return x->sentence < y->sentence ? -1 : x->sentence > y->sentence;
}

/* One node per place and kind: a place leaves poverty once, and the
 * statements of it in a document are that one fact told again (with the
 * surest date, see Exit.rank). An exit the text dates with a date it
 * never resolves (4月29日…金寨县退出, then 刚刚脱贫摘帽的金寨县) has no date
 * the graph can give, and is left out unless a sentence dates it. */
static CnkgStatus write_exits(Facts *f) {
  CnkgDocState *st = f->st;
  if (f->n_exits > 1) qsort(f->exits, f->n_exits, sizeof *f->exits, cmp_exit);
  CnkgStatus s = CNKG_SUCCESS;
  for (size_t k = 0; k < f->n_exits && !s; k++) {
    const Exit *x = &f->exits[k];
    if (k > 0 && f->exits[k - 1].planned == x->planned && f->exits[k - 1].place == x->place)
      continue;
    bool unknown = false;
    for (size_t q = k; q < f->n_exits && f->exits[q].planned == x->planned &&
                       f->exits[q].place == x->place; q++)
      unknown = unknown || f->exits[q].rank < 0;
    if (unknown && x->rank < 3) continue;
    CnkgType type = x->planned ? CNKG_TYPE_EXIT_PLANNED : CNKG_TYPE_EXIT;
    const CnkgEntity *pl = cnkg_graph_entity(st->graph, x->place);
    const char *parts[2] = {pl->key, x->iso};
    char *key = facts_key(type, parts, 2);
    if (!key) return CNKG_ERR_NOMEM;
    char label[512];
    snprintf(label, sizeof label, "%s%s%s%s", pl->label ? pl->label : "",
             x->planned ? "计划脱贫摘帽" : "脱贫摘帽", x->iso[0] ? " " : "", x->iso);
    size_t ev;
    s = cnkg_graph_add_entity(st->graph, key, type, label, &ev);
    free(key);
    if (!s) s = cnkg_docstate_relate(st, ev, CNKG_REL_CONCERNS, x->place, NULL, x->sentence);
    if (!s && x->iso[0])
      s = cnkg_docstate_relate(st, ev, CNKG_REL_DATE, SIZE_MAX, x->iso, SIZE_MAX);
  }
  return s;
}

/* ---- post dates --------------------------------------------------------- */

/* Whether the post (an entity) is named in sentence i: its title as the
 * text gives it, or the place or organisation it is at. */
static bool post_named(const CnkgDocState *st, size_t i, size_t post) {
  const CnkgSentence *sn = &st->text->sentences[i];
  const char *text = st->text->norm + sn->begin;
  size_t len = sn->end - sn->begin, nr = cnkg_graph_relation_count(st->graph);
  for (size_t q = 0; q < nr; q++) {
    const CnkgRelation *t = cnkg_graph_relation(st->graph, q);
    if (t->subject != post) continue;
    if (t->rel == CNKG_REL_POST_TITLE && t->literal) {
      size_t tl = strlen(t->literal);
      for (size_t p = 0; p + tl <= len; p++)
        if (!memcmp(text + p, t->literal, tl)) return true;
    }
    if (t->rel == CNKG_REL_POST_AT)
      for (size_t k = cnkg_docstate_first_span(st, i); k != SIZE_MAX;
           k = cnkg_docstate_next_span(st, k))
        if (st->spans[k].entity == t->object) return true;
  }
  return false;
}

/* Titles that are a standing, not a post one takes up (回族群众刘克瑞,
 * 村民王志珍): never dated. */
static bool status_title(const char *title) {
  static const char *const words[] = {"群众", "村民", "农民", "牧民", "渔民", "居民", "贫困户",
                                      "建档立卡户", "党员", "老乡", "游客"};
  for (size_t k = 0; title && k < sizeof words / sizeof *words; k++)
    if (facts_ends_with(title, words[k]) || !strcmp(title, words[k])) return true;
  return false;
}

/* Whether a post title is named in norm[pos, end): a word ending in one
 * of the heads of titles (第一书记, 工作队长, 金融助理). */
static bool title_in(const char *t, size_t pos, size_t end) {
  static const char *const heads[] = {"书记", "主任", "队长", "队员", "组长", "村长", "乡长",
                                      "镇长", "县长", "局长", "站长", "所长", "助理", "委员",
                                      "专干", "主席", "经理", "干事"};
  for (size_t p = pos; p < end; p++)
    for (size_t k = 0; k < sizeof heads / sizeof *heads; k++)
      if (facts_starts_with(t, p, end, heads[k])) return true;
  return false;
}

/* Whether the literal occurs in norm[pos, end). */
static bool occurs_in(const char *t, size_t pos, size_t end, const char *lit) {
  size_t n = lit ? strlen(lit) : 0;
  for (size_t p = pos; n && p + n <= end; p++)
    if (!memcmp(t + p, lit, n)) return true;
  return false;
}

/* The post's title literal, or NULL. */
static const char *post_title(const CnkgDocState *st, size_t post) {
  size_t nr = cnkg_graph_relation_count(st->graph);
  for (size_t q = 0; q < nr; q++) {
    const CnkgRelation *t = cnkg_graph_relation(st->graph, q);
    if (t->subject == post && t->rel == CNKG_REL_POST_TITLE && t->literal) return t->literal;
  }
  return NULL;
}

/* Whether sentence i has a start or hold cue after byte pos. */
static bool cue_after(const Facts *f, size_t i, size_t pos) {
  size_t sb = f->st->text->sentences[i].begin;
  for (size_t k = 0; k < f->evs.n; k++) {
    const CnkgEvent *x = &f->evs.v[k];
    if ((x->kind == CNKG_EVENT_POST_START || x->kind == CNKG_EVENT_POST_HOLD) &&
        x->modality == CNKG_EVENT_FACT && !x->weak && sb + x->begin >= pos)
      return true;
  }
  return false;
}

/* Dates the posts of the persons named in sentence i, from a start, hold
 * or end cue with a time before it: the posts the sentence names (by
 * title or by where they are), or a person's only post (张三是2019年3月
 * 接任的) unless the cue is a general verb (来到). */
static CnkgStatus sentence_posts(Facts *f, size_t i, const CnkgEvent *e) {
  CnkgDocState *st = f->st;
  if (e->modality != CNKG_EVENT_FACT) return CNKG_SUCCESS;
  const CnkgSentence *sn = &st->text->sentences[i];
  size_t cue = sn->begin + e->begin;
  const CnkgTimexHit *h = time_before(f, i, cue);
  if (!h || !h->iso[0] || h->mod == CNKG_TIMEX_UNTIL || h->mod == CNKG_TIMEX_BEFORE)
    return CNKG_SUCCESS;
  const char *start = NULL, *end = NULL;
  bool range = h->kind == CNKG_TIMEX_RANGE && h->iso_end[0];
  if (e->kind == CNKG_EVENT_POST_END) end = range ? h->iso_end : h->iso;
  else start = h->iso;
  if (e->kind == CNKG_EVENT_POST_HOLD && range) end = h->iso_end;
  CnkgStatus s = CNKG_SUCCESS;
  size_t nr = cnkg_graph_relation_count(st->graph);
  for (size_t k = cnkg_docstate_first_span(st, i); k != SIZE_MAX && !s;
       k = cnkg_docstate_next_span(st, k)) {
    const CnkgSpan *sp = &st->spans[k];
    if (sp->type != CNKG_TYPE_PERSON) continue;
    /* 委派…副主任张三担任驻村工作队长: the cue after the person dates */
    if (cue < sp->begin && cue_after(f, i, sp->end)) continue;
    /* 县农业局干部李晓峰被派到白杨村担任驻村第一书记: when a title follows
     * the cue, the titles only named before it are where the person came
     * from, not the post taken up */
    size_t after = sn->begin + e->end;
    bool taken = cue >= sp->end && title_in(st->text->norm, after, sn->end);
    size_t posts = 0, only = SIZE_MAX, named = 0;
    for (size_t r = 0; r < nr; r++) {
      const CnkgRelation *rel = cnkg_graph_relation(st->graph, r);
      if (rel->subject != sp->entity || rel->rel != CNKG_REL_HOLDS_POST) continue;
      posts++;
      only = rel->object;
      if (!post_named(st, i, rel->object)) continue;
      named++;
      const char *title = post_title(st, rel->object);
      if (status_title(title)) continue;
      if (taken && !occurs_in(st->text->norm, after, sn->end, title)) continue;
      if (start) s = cnkg_docstate_relate(st, rel->object, CNKG_REL_START_DATE, SIZE_MAX, start, i);
      if (!s && end) s = cnkg_docstate_relate(st, rel->object, CNKG_REL_END_DATE, SIZE_MAX, end, i);
      if (s) return s;
    }
    if (named || posts != 1 || e->weak || status_title(post_title(st, only))) continue;
    if (start) s = cnkg_docstate_relate(st, only, CNKG_REL_START_DATE, SIZE_MAX, start, i);
    if (!s && end) s = cnkg_docstate_relate(st, only, CNKG_REL_END_DATE, SIZE_MAX, end, i);
  }
  return s;
}

/* ---- the document ------------------------------------------------------- */

static CnkgStatus run_sentence(Facts *f, size_t i) {
  CnkgDocState *st = f->st;
  const CnkgSentence *sn = &st->text->sentences[i];
  if (sn->credit) return CNKG_SUCCESS;
  track_paragraph(f, i);
  facts_track_figure_paragraph(f, i);
  CnkgStr sent = {st->text->norm + sn->begin, sn->end - sn->begin};
  CnkgStatus s = cnkg_event_find(f->r->events, sent, &f->evs);
  if (s == CNKG_ERR_PATTERN) s = CNKG_SUCCESS; /* keep the cues found */
  for (size_t k = 0; k < f->evs.n && !s; k++) {
    const CnkgEvent *e = &f->evs.v[k];
    s = e->kind == CNKG_EVENT_EXIT ? sentence_exits(f, i, e) : sentence_posts(f, i, e);
  }
  if (!s) s = facts_sentence_figures(f, i, sent);
  return s;
}

CnkgStatus cnkg_facts_run(const CnkgFactsRecognizer *r, CnkgDocState *st) {
  if (!r || !st) return CNKG_ERR_ARG;
  Facts f = {0};
  f.st = st;
  f.r = r;
  f.para = SIZE_MAX;
  f.para_subject = SIZE_MAX;
  f.last_subject = SIZE_MAX;
  f.fig_para = SIZE_MAX;
  f.fig_para_subject = SIZE_MAX;
  f.fig_last_subject = SIZE_MAX;
  CnkgTimexDate ref;
  bool have_ref = false;
  CnkgStatus s = document_date(&f, &ref, &have_ref);
  if (!s) s = cnkg_timex_find_text(r->tx, st->text, have_ref ? &ref : NULL, &f.hits);
  /* 年内 on its own is the year of writing (…到2020年…，年内还将…), not the
   * year named last */
  for (size_t k = 0; !s && have_ref && k < f.hits.n; k++) {
    CnkgTimexHit *h = &f.hits.v[k];
    if (h->relative && h->part == CNKG_TIMEX_WITHIN && h->kind == CNKG_TIMEX_POINT)
      snprintf(h->iso, sizeof h->iso, "%04d", ref.year);
  }
  if (!s) s = index_hits(&f);
  for (size_t i = 0; i < st->text->n_sentences && !s; i++) s = run_sentence(&f, i);
  if (!s) s = write_exits(&f);
  cnkg_timex_hits_free(&f.hits);
  free(f.first_hit);
  cnkg_event_list_clear(&f.evs);
  cnkg_figure_list_clear(&f.figs);
  free(f.stops);
  free(f.exits);
  return s;
}
