/* SPDX-License-Identifier: Apache-2.0
 * Place linking: narrows each mention's division-list records by its chain
 * and the document's context (sentence, paragraph, section, lead, title),
 * finds aliases, hangs unlinked mentions on their parent, joins mentions of
 * one name and links near-misses. Depends on place_int.h and division.h. */
#include "extractor/place_int.h"


/* Context searches look at most this many mentions either side of the
 * mention in each of its groups (sentence, paragraph, section, lead,
 * headings): a one-paragraph megabyte would otherwise cost O(n^2). Real
 * paragraphs hold far fewer places, so this changes nothing on them. */
#define NEAR_WINDOW 256

/* ----------------------------------------------------------- resolving */

static int level_rank(CnkgLevel l) { return (int)l; }

static size_t record_base(const CnkgDivision *div, CnkgDivId id, char *buf, size_t size);

/* Sets a mention's records to the one record id (renamed: a former name). */
static bool retarget(Cand *c, CnkgDivId id) {
  if (!c->n_ids) {
    CnkgDivId *one = malloc(sizeof *one);
    if (!one) return false;
    free(c->ids);
    c->ids = one;
  }
  c->ids[0] = id;
  c->n_ids = 1;
  c->renamed = true;
  c->conflict = false;
  return true;
}

/* Whether record id is a township named base with another level suffix
 * than the text's form (the list's X镇 for the text's X乡). */
static bool renamed_as(const CnkgDivision *div, CnkgDivId id, const char *form,
                       size_t flen, size_t blen) {
  if (id == CNKG_DIV_NONE || cnkg_division_level(div, id) != CNKG_LEVEL_TOWNSHIP) return false;
  char buf[256];
  size_t rl = record_base(div, id, buf, sizeof buf);
  if (rl != blen || memcmp(buf, form, blen)) return false;
  CnkgDivRecord rec;
  if (cnkg_division_get(div, id, &rec)) return false;
  return !(rec.name_len == flen && !memcmp(rec.name, form, flen));
}

static void renamed_visit(const CnkgDivision *div, CnkgDivId id, const char *form, size_t flen,
                          size_t blen, CnkgDivId *found, size_t *n) {
  CnkgDivId first;
  size_t count;
  if (cnkg_division_children(div, id, &first, &count)) return;
  for (size_t i = 0; i < count && *n < 2; i++) {
    CnkgDivId ch = first + (CnkgDivId)i;
    CnkgLevel lv = cnkg_division_level(div, ch);
    if (lv == CNKG_LEVEL_TOWNSHIP && renamed_as(div, ch, form, flen, blen)) {
      if (*n == 0) *found = ch;
      (*n)++;
    } else if (lv < CNKG_LEVEL_TOWNSHIP) {
      renamed_visit(div, ch, form, flen, blen, found, n);
    }
  }
}

/* Renamed and merged townships (issue 18 item 2). A township the text
 * names with a level suffix the list no longer has there (X乡 that became
 * X镇) is the list's one township of that base name: under the county
 * before it in the chain (县X乡), or holding the village after it
 * (X乡Y村, where Y村 lies in X镇). */
static bool renamed_township(Work *w, Cand *p, Cand *c) {
  const CnkgDivision *div = w->r->div;
  if (c->suffix_level == CNKG_LEVEL_TOWNSHIP && !c->short_form) {
    size_t fl = strlen(c->form), bl = cnkg_place_base_len(c->form, fl);
    if (bl == fl || cnkg_utf8_count(c->form, bl) < 2) return false;
    CnkgDivId found = CNKG_DIV_NONE;
    size_t n = 0;
    for (size_t b = 0; b < p->n_ids && n < 2; b++)
      if (cnkg_division_level(div, p->ids[b]) == CNKG_LEVEL_COUNTY)
        renamed_visit(div, p->ids[b], c->form, fl, bl, &found, &n);
    return n == 1 && retarget(c, found);
  }
  if (p->suffix_level != CNKG_LEVEL_TOWNSHIP || p->short_form || !c->n_ids) return false;
  size_t fl = strlen(p->form), bl = cnkg_place_base_len(p->form, fl);
  if (bl == fl || cnkg_utf8_count(p->form, bl) < 2) return false;
  const Cand *pp = p->prev != SIZE_MAX ? &w->c[p->prev] : NULL;
  /* merged: the county before it does not hold the text's township, yet
   * holds the village, under one township */
  bool merged_ok = pp && pp->n_ids && (p->conflict || !p->n_ids);
  for (int merged = 0; merged < 2; merged++) {
    if (merged && !merged_ok) break;
    CnkgDivId town = CNKG_DIV_NONE;
    bool two = false;
    for (size_t a = 0; a < c->n_ids && !two; a++) {
      CnkgDivId t = cnkg_division_ancestor(div, c->ids[a], CNKG_LEVEL_TOWNSHIP);
      if (t == CNKG_DIV_NONE || t == c->ids[a]) continue;
      if (!merged && !renamed_as(div, t, p->form, fl, bl)) continue;
      bool under = !pp || !pp->n_ids;
      for (size_t b = 0; pp && b < pp->n_ids && !under; b++)
        under = cnkg_division_is_within(div, t, pp->ids[b]);
      if (!under) continue;
      if (town != CNKG_DIV_NONE && t != town) two = true;
      town = t;
    }
    if (two) return false; /* two such townships */
    if (town == CNKG_DIV_NONE) continue;
    size_t kept = 0;
    for (size_t a = 0; a < c->n_ids; a++)
      if (cnkg_division_is_within(div, c->ids[a], town)) c->ids[kept++] = c->ids[a];
    if (!kept || !retarget(p, town)) return false;
    c->n_ids = kept;
    c->conflict = false;
    return true;
  }
  return false;
}

/* Narrows a mention's records to those inside the place before it in an
 * address chain, and that place's records to those holding it. */
void place_resolve_chains(Work *w) {
  const CnkgDivision *div = w->r->div;
  for (size_t i = 1; i < w->n; i++) {
    Cand *c = &w->c[i], *p = &w->c[i - 1];
    if (p->sent != c->sent || p->end != c->begin || c->sent == SIZE_MAX) continue;
    if (p->weak || c->weak) continue;
    c->prev = i - 1;
    size_t kept = 0;
    for (size_t a = 0; a < c->n_ids; a++) {
      bool in = false;
      for (size_t b = 0; b < p->n_ids && !in; b++)
        in = c->ids[a] != p->ids[b] && cnkg_division_is_within(div, c->ids[a], p->ids[b]);
      if (in) c->ids[kept++] = c->ids[a];
    }
    if (!kept && renamed_township(w, p, c)) kept = c->n_ids;
    if (!c->n_ids || !p->n_ids) continue;
    if (!kept) {
      c->conflict = true;
      continue;
    }
    c->n_ids = kept;
    size_t pk = 0;
    for (size_t b = 0; b < p->n_ids; b++) {
      bool holds = false;
      for (size_t a = 0; a < c->n_ids && !holds; a++)
        holds = cnkg_division_is_within(div, c->ids[a], p->ids[b]);
      if (holds) p->ids[pk++] = p->ids[b];
    }
    p->n_ids = pk;
  }
  /* A chain's head narrowed by a later link may narrow its successors. */
  for (size_t i = 1; i < w->n; i++) {
    Cand *c = &w->c[i];
    if (c->prev == SIZE_MAX || c->conflict) continue;
    Cand *p = &w->c[c->prev];
    size_t kept = 0;
    for (size_t a = 0; a < c->n_ids; a++) {
      bool in = false;
      for (size_t b = 0; b < p->n_ids && !in; b++)
        in = cnkg_division_is_within(div, c->ids[a], p->ids[b]);
      if (in) c->ids[kept++] = c->ids[a];
    }
    if (kept) c->n_ids = kept;
  }
}

/* How close anchor a is to mention c: 3 same sentence, 2 same paragraph,
 * 1 same section, 0 document lead or title, -1 too far to count. */
static int tier(const Work *w, const Cand *c, const Cand *a) {
  const CnkgText *t = w->st->text;
  if (a->sent == SIZE_MAX) return 0;
  if (c->sent == SIZE_MAX) return -1;
  if (a->sent == c->sent) return 3;
  if (t->sentences[a->sent].paragraph == t->sentences[c->sent].paragraph) return 2;
  if (w->section[c->sent] != SIZE_MAX && w->section[a->sent] == w->section[c->sent])
    return 1;
  if (t->sentences[a->sent].paragraph <= w->lead_para) return 0;
  if (t->sentences[a->sent].heading && w->section[c->sent] == SIZE_MAX) return 0;
  return -1;
}

/* The part of group [lo, hi) that context searches for mention ci visit:
 * all of it, or the NEAR_WINDOW mentions either side of ci (the last
 * 2 * NEAR_WINDOW when ci lies after it). */
static void near_part(size_t ci, size_t lo, size_t hi, size_t *from, size_t *to) {
  if (hi - lo <= 2 * NEAR_WINDOW) {
    *from = lo;
    *to = hi;
  } else if (ci >= lo && ci < hi) {
    *from = ci - lo > NEAR_WINDOW ? ci - NEAR_WINDOW : lo;
    *to = hi - ci > NEAR_WINDOW ? ci + NEAR_WINDOW : hi;
  } else if (ci >= hi) {
    *from = hi - 2 * NEAR_WINDOW;
    *to = hi;
  } else {
    *from = lo;
    *to = lo + 2 * NEAR_WINDOW;
  }
}

/* Records the runs of mentions sharing a sentence, paragraph or section,
 * the lead and the heading mentions (w->c sorted by position). */
CnkgStatus place_index_groups(Work *w) {
  const CnkgText *t = w->st->text;
  size_t n = w->n;
  size_t **arrs[] = {&w->sent_lo, &w->sent_hi, &w->para_lo, &w->para_hi, &w->sec_lo, &w->sec_hi,
                     &w->heads};
  for (size_t k = 0; k < sizeof arrs / sizeof arrs[0]; k++) {
    *arrs[k] = malloc((n + 1) * sizeof **arrs[k]);
    if (!*arrs[k]) return CNKG_ERR_NOMEM;
  }
  w->n_heads = 0;
  w->lead_hi = 0;
  for (size_t i = 0; i < n; i++) {
    size_t si = w->c[i].sent;
    if (si == SIZE_MAX) continue;
    if (t->sentences[si].paragraph <= w->lead_para) w->lead_hi = i + 1;
    if (t->sentences[si].heading) w->heads[w->n_heads++] = i;
  }
  /* key 0: sentence, 1: paragraph, 2: section (SIZE_MAX for the title). */
  for (int g = 0; g < 3; g++) {
    size_t *lo = g == 0 ? w->sent_lo : g == 1 ? w->para_lo : w->sec_lo;
    size_t *hi = g == 0 ? w->sent_hi : g == 1 ? w->para_hi : w->sec_hi;
    size_t prev_key = 0;
    for (size_t i = 0; i < n; i++) {
      size_t si = w->c[i].sent;
      size_t key = si == SIZE_MAX ? SIZE_MAX
                   : g == 0       ? si
                   : g == 1       ? t->sentences[si].paragraph
                                  : w->section[si];
      lo[i] = i > 0 && key == prev_key && si != SIZE_MAX && w->c[i - 1].sent != SIZE_MAX
                  ? lo[i - 1]
                  : i;
      prev_key = key;
    }
    for (size_t i = n; i-- > 0;)
      hi[i] = i + 1 < n && lo[i + 1] == lo[i] ? hi[i + 1] : i + 1;
  }
  return CNKG_SUCCESS;
}

/* Calls visit(w, ci, a, ctx) for the mentions a that may be context of
 * mention ci (its sentence, paragraph, section, the lead, the headings;
 * see near_part), some more than once. */
typedef void (*NearFn)(const Work *w, size_t ci, size_t a, void *ctx);

/* Visits [from, to) unless a part already visited holds it (visiting a
 * mention twice changes nothing; skipping saves the time). */
typedef struct {
  size_t from[6], to[6];
  size_t n;
} Visited;

static void visit_part(const Work *w, size_t ci, size_t from, size_t to, Visited *done,
                       NearFn visit, void *ctx) {
  for (size_t k = 0; k < done->n; k++)
    if (done->from[k] <= from && to <= done->to[k]) return;
  for (size_t a = from; a < to; a++) visit(w, ci, a, ctx);
  if (done->n < 6) {
    done->from[done->n] = from;
    done->to[done->n++] = to;
  }
}

static void visit_near(const Work *w, size_t ci, NearFn visit, void *ctx) {
  const Cand *c = &w->c[ci];
  if (c->sent == SIZE_MAX) return;
  Visited done;
  done.n = 0;
  size_t from, to;
  /* Widest first: section, paragraph, sentence. */
  if (w->section[c->sent] != SIZE_MAX) {
    near_part(ci, w->sec_lo[ci], w->sec_hi[ci], &from, &to);
    visit_part(w, ci, from, to, &done, visit, ctx);
  }
  near_part(ci, w->para_lo[ci], w->para_hi[ci], &from, &to);
  visit_part(w, ci, from, to, &done, visit, ctx);
  near_part(ci, w->sent_lo[ci], w->sent_hi[ci], &from, &to);
  visit_part(w, ci, from, to, &done, visit, ctx);
  /* The heading line that opens the section (its first sentence). */
  if (w->section[c->sent] != SIZE_MAX) {
    size_t lo = w->sec_lo[ci];
    if (w->c[lo].sent == w->section[c->sent]) {
      near_part(ci, lo, w->sent_hi[lo], &from, &to);
      visit_part(w, ci, from, to, &done, visit, ctx);
    }
  }
  near_part(ci, 0, w->lead_hi, &from, &to);
  visit_part(w, ci, from, to, &done, visit, ctx);
  if (w->section[c->sent] == SIZE_MAX) {
    size_t m = w->n_heads < 2 * NEAR_WINDOW ? w->n_heads : 2 * NEAR_WINDOW;
    for (size_t k = 0; k < m; k++) visit(w, ci, w->heads[k], ctx);
  }
}

/* The distinct anchors in reach of a mention, each with its best tier: the
 * document names few places, so this keeps the work linear. */
enum { MAX_ANCHORS = 256 };
typedef struct {
  CnkgDivId link[MAX_ANCHORS];
  int tier[MAX_ANCHORS];
  size_t n;
} Anchors;

static void anchor_add(Anchors *an, CnkgDivId link, int ti) {
  size_t k = 0;
  while (k < an->n && an->link[k] != link) k++;
  if (k < an->n) {
    if (ti > an->tier[k]) an->tier[k] = ti;
  } else if (an->n < MAX_ANCHORS) {
    an->link[an->n] = link;
    an->tier[an->n++] = ti;
  }
}

static void anchor_visit(const Work *w, size_t ci, size_t ai, void *ctx) {
  const Cand *a = &w->c[ai];
  if (ai == ci || a->link == CNKG_DIV_NONE) return;
  int ti = tier(w, &w->c[ci], a);
  if (ti >= 0) anchor_add(ctx, a->link, ti);
}

/* Picks the record the context supports best; CNKG_DIV_NONE if none or tied.
 * *best_rank receives the level rank of the deepest supporting anchor. */
static CnkgDivId support(const Work *w, size_t ci, int *best_rank, bool *equal) {
  const CnkgDivision *div = w->r->div;
  const Cand *c = &w->c[ci];
  Anchors an;
  an.n = 0;
  visit_near(w, ci, anchor_visit, &an);
  for (size_t t = 0; t < w->n_title; t++) anchor_add(&an, w->title_ids[t], 0);
  int ascore[MAX_ANCHORS];
  for (size_t k = 0; k < an.n; k++)
    ascore[k] = level_rank(cnkg_division_level(div, an.link[k])) * 8 + an.tier[k];
  int best = -1;
  CnkgDivId pick = CNKG_DIV_NONE;
  size_t n_best = 0;
  *equal = false;
  for (size_t h = 0; h < c->n_ids; h++) {
    int sc = -1;
    for (size_t k = 0; k < an.n; k++) {
      if (!cnkg_division_is_within(div, c->ids[h], an.link[k])) continue;
      if (ascore[k] > sc) sc = ascore[k];
      if (an.link[k] == c->ids[h]) *equal = true;
    }
    if (sc < 0) continue;
    if (sc > best) {
      best = sc;
      pick = c->ids[h];
      n_best = 1;
    } else if (sc == best && c->ids[h] != pick) {
      n_best++;
    }
  }
  /* 西安 beside 吉林省: a bare name that a prefecture and a county in
   * another province share is the prefecture, unless the context reaches
   * below the county's province (its prefecture or places inside it). */
  if (c->short_form && n_best == 1 && best >= 0 &&
      cnkg_division_level(div, pick) == CNKG_LEVEL_COUNTY &&
      best / 8 <= level_rank(CNKG_LEVEL_PROVINCE)) {
    CnkgDivId pref = CNKG_DIV_NONE;
    size_t n_pref = 0;
    for (size_t h = 0; h < c->n_ids; h++)
      if (cnkg_division_level(div, c->ids[h]) == CNKG_LEVEL_PREFECTURE &&
          !cnkg_division_is_within(div, pick, c->ids[h])) {
        pref = c->ids[h];
        n_pref++;
      }
    if (n_pref == 1) pick = pref;
  }
  *best_rank = best < 0 ? -1 : best / 8;
  return n_best == 1 ? pick : CNKG_DIV_NONE;
}

/* True if every record of c lies on one line of descent; *top gets the
 * highest of them (a province rather than its same-named city). */
static bool one_line(const CnkgDivision *div, const Cand *c, CnkgDivId *top) {
  CnkgDivId t = c->ids[0];
  for (size_t i = 1; i < c->n_ids; i++) {
    if (cnkg_division_is_within(div, t, c->ids[i])) t = c->ids[i];
    else if (!cnkg_division_is_within(div, c->ids[i], t)) return false;
  }
  *top = t;
  return true;
}

static size_t find_parent(const Work *w, size_t ci);

/* True if a bare short form sits in a list of places (到A、B等地). */
static bool in_enumeration(const Work *w, const Cand *c) {
  const char *t = w->st->text->norm;
  size_t n = w->st->text->norm_len;
  return (c->begin >= 3 && memcmp(t + c->begin - 3, "、", 3) == 0) ||
         (c->end + 3 <= n && (memcmp(t + c->end, "、", 3) == 0 ||
                              memcmp(t + c->end, "等", 3) == 0));
}

/* A short form the list knows in one place only, in a sentence whose other
 * places all lie in another province, is more likely an ordinary word
 * (a plain word before 乡镇) than a far-away county. */
static bool short_conflicts(const Work *w, size_t ci) {
  const CnkgDivision *div = w->r->div;
  const Cand *c = &w->c[ci];
  if (!c->short_form || c->prev != SIZE_MAX || in_enumeration(w, c)) return false;
  /* a prefecture name is rarely a common word */
  if (cnkg_division_level(div, c->ids[0]) != CNKG_LEVEL_COUNTY) return false;
  CnkgDivId prov = cnkg_division_ancestor(div, c->ids[0], CNKG_LEVEL_PROVINCE);
  bool other = false;
  for (size_t i = w->sent_lo[ci]; i < w->sent_hi[ci]; i++) {
    const Cand *a = &w->c[i];
    if (i == ci || a->sent != c->sent || a->short_form || a->weak || a->n_ids != 1) continue;
    if (cnkg_division_ancestor(div, a->ids[0], CNKG_LEVEL_PROVINCE) == prov) return false;
    other = true;
  }
  return other;
}

/* Appends a pair; the array is made for cap pairs on first use. */
CnkgStatus place_link_index_add(LinkIndex *x, size_t cap, CnkgDivId link, size_t index) {
  if (!x->v) {
    x->v = malloc((cap + 1) * sizeof *x->v);
    if (!x->v) return CNKG_ERR_NOMEM;
  }
  x->v[x->n++] = (LinkPair){link, index};
  return CNKG_SUCCESS;
}

static int link_pair_cmp(const void *a, const void *b) {
  const LinkPair *x = a, *y = b;
  if (x->link != y->link) return x->link < y->link ? -1 : 1;
  return x->index < y->index ? -1 : (x->index > y->index ? 1 : 0);
}

void place_link_index_sort(LinkIndex *x) {
  if (x->n) qsort(x->v, x->n, sizeof *x->v, link_pair_cmp);
}

/* The first mention of record link, or SIZE_MAX. */
size_t place_link_index_first(const LinkIndex *x, CnkgDivId link) {
  size_t lo = 0, hi = x->n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (x->v[mid].link < link) lo = mid + 1;
    else hi = mid;
  }
  return lo < x->n && x->v[lo].link == link ? x->v[lo].index : SIZE_MAX;
}

/* A suffixed mention keyed by its name without the suffix, for
 * find_aliases. */
typedef struct {
  const char *base;
  size_t len;
  CnkgLevel level; /* the suffix's */
  size_t index;
  size_t block_end; /* end of the run of keys with this base and level */
} BaseKey;

static int base_cmp(const BaseKey *x, const BaseKey *y) {
  size_t m = x->len < y->len ? x->len : y->len;
  int d = memcmp(x->base, y->base, m);
  if (d) return d;
  return x->len != y->len ? (x->len < y->len ? -1 : 1) : 0;
}

static int base_key_cmp(const void *a, const void *b) {
  const BaseKey *x = a, *y = b;
  int d = base_cmp(x, y);
  if (d) return d;
  if (x->level != y->level) return x->level < y->level ? -1 : 1;
  return x->index < y->index ? -1 : (x->index > y->index ? 1 : 0);
}

/* A bare name whose suffixed form the document also uses is that place
 * (红旗 beside 红旗村), whatever else the list calls 红旗: the first such
 * mention (of the forced level, if any). Sorted keys keep it n log n. */
static CnkgStatus find_aliases(Work *w) {
  BaseKey *keys = malloc((w->n + 1) * sizeof *keys);
  if (!keys) return CNKG_ERR_NOMEM;
  size_t nk = 0;
  for (size_t j = 0; j < w->n; j++) {
    const Cand *d = &w->c[j];
    if (d->sent == SIZE_MAX || d->weak || d->short_form) continue;
    size_t dl = strlen(d->form), bl = cnkg_place_base_len(d->form, dl);
    if (bl < dl) keys[nk++] = (BaseKey){d->form, bl, d->suffix_level, j, 0};
  }
  qsort(keys, nk, sizeof *keys, base_key_cmp);
  for (size_t k = nk; k-- > 0;)
    keys[k].block_end = k + 1 < nk && keys[k + 1].level == keys[k].level &&
                                !base_cmp(&keys[k + 1], &keys[k])
                            ? keys[k + 1].block_end
                            : k + 1;
  for (size_t i = 0; i < w->n && nk; i++) {
    Cand *c = &w->c[i];
    if (c->sent == SIZE_MAX || c->natural || place_has_suffix(c->form, strlen(c->form))) continue;
    BaseKey probe = {c->form, strlen(c->form), CNKG_LEVEL_NONE, 0, 0};
    size_t lo = 0, hi = nk; /* first key with this base */
    while (lo < hi) {
      size_t mid = lo + (hi - lo) / 2;
      if (base_cmp(&keys[mid], &probe) < 0) lo = mid + 1;
      else hi = mid;
    }
    /* The earliest mention over the blocks of each suffix level. */
    size_t pick = SIZE_MAX;
    for (size_t k = lo; k < nk && !base_cmp(&keys[k], &probe); k = keys[k].block_end) {
      if (c->force && c->force != keys[k].level) continue;
      size_t x = k;
      if (keys[x].index == i) x++;
      if (x < keys[k].block_end && keys[x].index < pick) pick = keys[x].index;
    }
    if (pick != SIZE_MAX) c->alias = pick;
  }
  free(keys);
  return CNKG_SUCCESS;
}

CnkgStatus place_resolve(Work *w) {
  const CnkgDivision *div = w->r->div;
  bool any_anchor = false;
  if (find_aliases(w)) return CNKG_ERR_NOMEM;
  /* Unique records of county level and above, and chain-decided ones. */
  for (size_t i = 0; i < w->n; i++) {
    Cand *c = &w->c[i];
    if (c->force && c->force <= CNKG_LEVEL_COUNTY && c->n_ids == 1) {
      c->link = c->ids[0]; /* 甲、乙5个贫困县: the list says which */
      any_anchor = true;
      continue;
    }
    if (c->weak || c->conflict || c->n_ids == 0 || c->alias != SIZE_MAX) continue;
    CnkgDivId top;
    if (c->n_ids == 1) {
      CnkgLevel lv = cnkg_division_level(div, c->ids[0]);
      bool chained = c->prev != SIZE_MAX && w->c[c->prev].n_ids > 0;
      if (short_conflicts(w, i)) {
        c->weak = true; /* dropped unless something nearer supports it */
        continue;
      }
      if (lv <= CNKG_LEVEL_COUNTY || chained || c->renamed) c->link = c->ids[0];
    } else if (c->suffix_level == CNKG_LEVEL_NONE && one_line(div, c, &top) &&
               cnkg_division_level(div, top) <= CNKG_LEVEL_PREFECTURE) {
      c->link = top;
    }
    if (c->link != CNKG_DIV_NONE) any_anchor = true;
  }
  for (size_t i = 0; i < w->n_title; i++) any_anchor = true;
  /* Let the context decide the rest; new links become context. */
  for (int pass = 0; pass < 4; pass++) {
    bool changed = false;
    for (size_t i = 0; i < w->n; i++) {
      Cand *c = &w->c[i];
      if (c->link != CNKG_DIV_NONE || c->conflict || c->n_ids == 0 || c->alias != SIZE_MAX)
        continue;
      int rank;
      bool equal;
      CnkgDivId pick = support(w, i, &rank, &equal);
      if (pick == CNKG_DIV_NONE) {
        if (!any_anchor && !c->weak && c->n_ids == 1 && pass == 3) c->link = c->ids[0];
        continue;
      }
      if (c->weak && rank < (int)CNKG_LEVEL_COUNTY && !equal) continue;
      c->link = pick;
      changed = true;
    }
    if (!changed && pass < 3) pass = 2;
  }
  /* Levels. */
  for (size_t i = 0; i < w->n; i++) {
    Cand *c = &w->c[i];
    if (c->link != CNKG_DIV_NONE) {
      c->level = cnkg_division_level(div, c->link);
      continue;
    }
    if (c->weak && c->force == CNKG_LEVEL_NONE) continue; /* dropped */
    if (c->force) {
      c->level = c->force;
      continue;
    }
    CnkgLevel lv = CNKG_LEVEL_NONE;
    bool same = c->n_ids > 0;
    for (size_t h = 0; h < c->n_ids; h++) {
      CnkgLevel l = cnkg_division_level(div, c->ids[h]);
      if (h == 0) lv = l;
      else if (l != lv) same = false;
    }
    if (same && !c->conflict) c->level = lv;
    else if (c->suffix_level) c->level = c->suffix_level;
    else if (same) c->level = lv;
  }
  for (size_t i = 0; i < w->n; i++) {
    Cand *c = &w->c[i];
    if (c->alias == SIZE_MAX) continue;
    c->link = w->c[c->alias].link;
    c->level = w->c[c->alias].level;
  }
  /* A modifier stays a place only if another, non-modifier mention has
   * its record. */
  LinkIndex named = {NULL, 0};
  for (size_t i = 0; i < w->n; i++) {
    const Cand *d = &w->c[i];
    if (!d->modifier && d->sent != SIZE_MAX && d->level != CNKG_LEVEL_NONE &&
        d->link != CNKG_DIV_NONE && place_link_index_add(&named, w->n, d->link, i))
      return CNKG_ERR_NOMEM;
  }
  place_link_index_sort(&named);
  for (size_t i = 0; i < w->n; i++) {
    Cand *c = &w->c[i];
    if (!c->modifier || c->level == CNKG_LEVEL_NONE) continue;
    bool other = c->link != CNKG_DIV_NONE && place_link_index_first(&named, c->link) != SIZE_MAX;
    if (!other) c->level = CNKG_LEVEL_NONE;
  }
  free(named.v);
  return CNKG_SUCCESS;
}

/* The mention an unlinked place hangs on: the one before it in its chain;
 * else a higher place earlier in its sentence; else a place in the heading
 * of its section; else the nearest county or higher of its paragraph,
 * section or lead. Townships of other sentences are too loose a tie, and
 * an unlisted county needs its parent in the same sentence. A natural
 * village may hang on an administrative village. */
typedef struct {
  size_t best;
  int best_score;
} ParentPick;

/* True if the text at t[i, end) starts with word. */
static bool word_at(const char *t, size_t i, size_t end, const char *word) {
  size_t n = strlen(word);
  return i + n <= end && memcmp(t + i, word, n) == 0;
}

/* True if mention ai names a neighbour (与凉山州美姑县交界, 同甲县乙县
 * 接壤): 与/同/跟/和 before it and the places chained or listed with it,
 * a border word after them. A neighbour contains nothing it borders. */
static bool is_neighbour(const Work *w, size_t ai) {
  static const char *const borders[] = {"交界", "接壤", "毗邻", "相邻", "相连", "相接",
                                        "相望", "为邻"};
  const Cand *a = &w->c[ai];
  const char *t = w->st->text->norm;
  const CnkgSentence *se = &w->st->text->sentences[a->sent];
  size_t lo = w->sent_lo[ai], hi = w->sent_hi[ai];
  /* back over the places directly before it (and the 、 between them) */
  size_t b = a->begin;
  for (bool moved = true; moved;) {
    moved = false;
    if (b >= se->begin + 3 && memcmp(t + b - 3, "、", 3) == 0) b -= 3;
    for (size_t k = lo; k < hi && !moved; k++)
      if (w->c[k].end == b && w->c[k].begin < b) {
        b = w->c[k].begin;
        moved = true;
      }
  }
  if (b < se->begin + 3) return false;
  const char *with[] = {"与", "同", "跟", "和"};
  bool after_with = false;
  for (size_t k = 0; k < sizeof with / sizeof with[0]; k++)
    after_with = after_with || memcmp(t + b - 3, with[k], 3) == 0;
  if (!after_with) return false;
  /* forward over the places directly after it */
  size_t e = a->end;
  for (bool moved = true; moved;) {
    moved = false;
    if (word_at(t, e, se->end, "、")) e += 3;
    for (size_t k = lo; k < hi && !moved; k++)
      if (w->c[k].begin == e && w->c[k].end > e) {
        e = w->c[k].end;
        moved = true;
      }
  }
  for (size_t k = 0; k < sizeof borders / sizeof borders[0]; k++)
    if (word_at(t, e, se->end, borders[k]) ||
        (word_at(t, e, se->end, "相") && word_at(t, e + 3, se->end, borders[k])))
      return true; /* 交界, 相交界 */
  return false;
}

static void parent_visit(const Work *w, size_t ci, size_t ai, void *ctx) {
  ParentPick *pp = ctx;
  const Cand *c = &w->c[ci], *a = &w->c[ai];
  if (ai == ci || a->level == CNKG_LEVEL_NONE || a->sent == SIZE_MAX) return;
  bool higher = a->level < c->level ||
                (c->natural && !a->natural && a->level == CNKG_LEVEL_VILLAGE);
  if (!higher || a->alias != SIZE_MAX || is_neighbour(w, ai)) return;
  int ti = tier(w, c, a);
  if (ti < 0) return;
  int s = -1;
  if (ti == 3 && a->begin < c->begin) s = 100;
  else if (c->level <= CNKG_LEVEL_COUNTY) s = -1;
  else if (w->section[c->sent] != SIZE_MAX && a->sent == w->section[c->sent]) s = 80;
  else if (a->level <= CNKG_LEVEL_COUNTY && ti >= 0) s = 20 + ti * 10;
  if (s < 0) return;
  s += (int)a->level * 2 + (a->link != CNKG_DIV_NONE);
  /* Ties go to the earliest mention. */
  if (s > pp->best_score || (s == pp->best_score && ai < pp->best)) {
    pp->best_score = s;
    pp->best = ai;
  }
}

static size_t find_parent(const Work *w, size_t ci) {
  const Cand *c = &w->c[ci];
  if (c->prev != SIZE_MAX && w->c[c->prev].level != CNKG_LEVEL_NONE &&
      (w->c[c->prev].level < c->level || (c->natural && !w->c[c->prev].natural)))
    return c->prev;
  ParentPick pp = {SIZE_MAX, -1};
  visit_near(w, ci, parent_visit, &pp);
  return pp.best;
}

/* One name, one place per document. Each unlinked mention hangs on the
 * nearest place around it (find_parent), but a document that names 法洛村
 * once under 阿旺镇 and twice under just 东川区 means one village: mentions
 * of one name at one level take the deepest of their parents when all those
 * parents are listed places on one line of the list (each within the
 * deepest). Parents on different lines (two 白沙村 under two townships),
 * or places the list does not know, leave each mention its own. Fills
 * w->par for every mention (SIZE_MAX for linked ones). */
typedef struct {
  const char *form;
  CnkgLevel level;
  size_t i;
} NameKey;

static int name_key_cmp(const void *a, const void *b) {
  const NameKey *x = a, *y = b;
  if (x->level != y->level) return x->level < y->level ? -1 : 1;
  int d = strcmp(x->form, y->form);
  if (d) return d;
  return x->i < y->i ? -1 : (x->i > y->i ? 1 : 0);
}

CnkgStatus place_group_parents(Work *w) {
  const CnkgDivision *div = w->r->div;
  w->par = malloc((w->n + 1) * sizeof *w->par);
  NameKey *keys = malloc((w->n + 1) * sizeof *keys);
  if (!w->par || !keys) {
    free(keys);
    return CNKG_ERR_NOMEM;
  }
  size_t nk = 0;
  for (size_t i = 0; i < w->n; i++) {
    const Cand *c = &w->c[i];
    w->par[i] = SIZE_MAX;
    if (c->link != CNKG_DIV_NONE || c->alias != SIZE_MAX || c->level == CNKG_LEVEL_NONE)
      continue;
    w->par[i] = find_parent(w, i);
    if (c->sent != SIZE_MAX) keys[nk++] = (NameKey){c->form, c->level, i}; /* not the title */
  }
  qsort(keys, nk, sizeof *keys, name_key_cmp);
  for (size_t a = 0, b; a < nk; a = b) {
    for (b = a + 1;
         b < nk && keys[b].level == keys[a].level && strcmp(keys[b].form, keys[a].form) == 0;
         b++) {
    }
    if (b - a < 2) continue;
    size_t deepest = SIZE_MAX;
    bool one_line = true;
    for (size_t k = a; k < b && one_line; k++) {
      size_t p = w->par[keys[k].i];
      if (p == SIZE_MAX) continue;
      if (w->c[p].link == CNKG_DIV_NONE) one_line = false;
      else if (deepest == SIZE_MAX || cnkg_division_level(div, w->c[p].link) >
                                          cnkg_division_level(div, w->c[deepest].link))
        deepest = p;
    }
    if (one_line && deepest != SIZE_MAX) {
      for (size_t k = a; k < b && one_line; k++) {
        size_t p = w->par[keys[k].i];
        one_line = p == SIZE_MAX ||
                   cnkg_division_is_within(div, w->c[deepest].link, w->c[p].link);
      }
    }
    if (one_line && deepest != SIZE_MAX) {
      for (size_t k = a; k < b; k++) w->par[keys[k].i] = deepest;
      continue;
    }
    /* Parents on different lines: the text gives conflicting containers
     * only where its chains do (甲镇白沙村, 乙镇白沙村). A mention that
     * merely stands near a place takes the container its chained
     * mentions agree on; without any chain, the container most of its
     * mentions hang on (the earliest on a tie), never a nearby one. */
    size_t chained = SIZE_MAX;
    bool agree = true;
    for (size_t k = a; k < b; k++) {
      const Cand *c = &w->c[keys[k].i];
      size_t p = w->par[keys[k].i];
      if (p == SIZE_MAX || c->prev != p) continue;
      if (chained == SIZE_MAX) chained = p;
      else if (w->c[chained].entity != w->c[p].entity ||
               w->c[chained].link != w->c[p].link ||
               strcmp(w->c[chained].form, w->c[p].form) != 0)
        agree = false;
    }
    if (!agree) continue;
    size_t pick = chained;
    if (pick == SIZE_MAX) {
      size_t best_n = 0;
      for (size_t k = a; k < b; k++) {
        size_t p = w->par[keys[k].i], cnt = 0;
        if (p == SIZE_MAX) continue;
        for (size_t j = a; j < b; j++) {
          size_t q = w->par[keys[j].i];
          cnt += q != SIZE_MAX && (q == p || (w->c[q].link != CNKG_DIV_NONE &&
                                              w->c[q].link == w->c[p].link));
        }
        if (cnt > best_n) {
          best_n = cnt;
          pick = p;
        }
      }
    }
    if (pick == SIZE_MAX) continue;
    for (size_t k = a; k < b; k++) {
      const Cand *c = &w->c[keys[k].i];
      if (c->prev != SIZE_MAX && c->prev == w->par[keys[k].i]) continue; /* its own chain */
      w->par[keys[k].i] = pick;
    }
  }
  free(keys);
  return CNKG_SUCCESS;
}

/* One name, one entity (2): a mention left unlinked, or linked to a
 * misspelling's record, whose name (without level suffix) and level are
 * those of a mention the document links elsewhere is that place, unless
 * the text hangs it on a listed place that does not contain the record
 * (two 白沙村 in two townships). A later, weaker mention so joins the
 * stronger one instead of becoming a second node, and a township the list
 * renamed since (an unlinked parent) does not keep the village apart. Where
 * the document links one name to several records, the one within the
 * mention's parent is taken, else none. Runs after place_group_parents. */
typedef struct {
  const char *form;
  size_t len;      /* base length */
  CnkgLevel level;
  size_t i;
} BaseName;

static int base_name_cmp(const void *a, const void *b) {
  const BaseName *x = a, *y = b;
  if (x->level != y->level) return x->level < y->level ? -1 : 1;
  if (x->len != y->len) return x->len < y->len ? -1 : 1;
  int d = memcmp(x->form, y->form, x->len);
  if (d) return d;
  return x->i < y->i ? -1 : (x->i > y->i ? 1 : 0);
}

CnkgStatus place_join_same_names(Work *w) {
  const CnkgDivision *div = w->r->div;
  BaseName *v = malloc((w->n + 1) * sizeof *v);
  if (!v) return CNKG_ERR_NOMEM;
  size_t nv = 0;
  for (size_t i = 0; i < w->n; i++) {
    const Cand *c = &w->c[i];
    if (c->level < CNKG_LEVEL_TOWNSHIP || c->alias != SIZE_MAX || c->sent == SIZE_MAX ||
        c->natural)
      continue;
    size_t fl = strlen(c->form), bl = cnkg_place_base_len(c->form, fl);
    if (cnkg_utf8_count(c->form, bl) < 2) continue;
    v[nv++] = (BaseName){c->form, bl, c->level, i};
  }
  qsort(v, nv, sizeof *v, base_name_cmp);
  for (size_t a = 0, b; a < nv; a = b) {
    for (b = a + 1; b < nv && base_name_cmp(&(BaseName){v[b].form, v[b].len, v[b].level, 0},
                                            &(BaseName){v[a].form, v[a].len, v[a].level, 0}) == 0;
         b++) {
    }
    if (b - a < 2) continue;
    /* The text's own chain wins over the list: when a mention the text
     * chains to a listed place (南开乡高峰村) is unlinked because no such
     * record is under it, a bare mention of the name that context linked
     * to a record elsewhere is that unlisted place too. */
    size_t chain_par = SIZE_MAX;
    for (size_t k = a; k < b && chain_par == SIZE_MAX; k++) {
      const Cand *c = &w->c[v[k].i];
      if (c->link == CNKG_DIV_NONE && c->prev != SIZE_MAX && w->par[v[k].i] == c->prev &&
          w->c[c->prev].link != CNKG_DIV_NONE)
        chain_par = c->prev;
    }
    if (chain_par != SIZE_MAX) {
      for (size_t k = a; k < b; k++) {
        Cand *c = &w->c[v[k].i];
        if (c->link == CNKG_DIV_NONE || c->prev != SIZE_MAX ||
            cnkg_division_is_within(div, c->link, w->c[chain_par].link))
          continue;
        c->link = CNKG_DIV_NONE;
        w->par[v[k].i] = chain_par;
      }
      continue;
    }
    /* the records the group's exact (not fuzzy) links name */
    for (size_t k = a; k < b; k++) {
      Cand *c = &w->c[v[k].i];
      bool exact = false;
      for (size_t h = 0; h < c->n_ids && !exact; h++) exact = c->ids[h] == c->link;
      if (c->link != CNKG_DIV_NONE && exact) continue;
      size_t p = w->par[v[k].i];
      CnkgDivId within = p != SIZE_MAX ? w->c[p].link : CNKG_DIV_NONE;
      CnkgDivId pick = CNKG_DIV_NONE;
      size_t n_pick = 0;
      for (size_t j = a; j < b; j++) {
        const Cand *d = &w->c[v[j].i];
        bool dexact = false;
        for (size_t h = 0; h < d->n_ids && !dexact; h++) dexact = d->ids[h] == d->link;
        if (j == k || d->link == CNKG_DIV_NONE || !dexact || d->link == pick) continue;
        if (cnkg_division_level(div, d->link) != c->level) continue;
        if (within != CNKG_DIV_NONE && !cnkg_division_is_within(div, d->link, within)) continue;
        pick = d->link;
        n_pick++;
      }
      if (n_pick != 1) continue;
      c->link = pick;
      w->par[v[k].i] = SIZE_MAX;
    }
  }
  free(v);
  /* A name read without its first character, which the text has and
   * which reads as a function word (曾任|和家坡村 read as 任和|家坡村):
   * where the document links the fuller form, this is that place. */
  const char *norm = w->st->text->norm;
  for (size_t i = 0; i < w->n; i++) {
    Cand *c = &w->c[i];
    if (c->level < CNKG_LEVEL_TOWNSHIP || c->alias != SIZE_MAX || c->sent == SIZE_MAX ||
        c->begin == 0)
      continue;
    bool exact = false;
    for (size_t h = 0; h < c->n_ids && !exact; h++) exact = c->ids[h] == c->link;
    if (c->link != CNKG_DIV_NONE && exact) continue;
    size_t pb = c->begin - 1;
    while (pb > 0 && ((unsigned char)norm[pb] & 0xC0u) == 0x80u) pb--;
    size_t q = pb;
    if (!place_is_function_char(cnkg_utf8_next(norm, c->begin, &q))) continue;
    size_t fl = strlen(c->form), pl = c->begin - pb;
    for (size_t j = 0; j < w->n; j++) {
      const Cand *d = &w->c[j];
      if (d->link == CNKG_DIV_NONE || d->level != c->level || strlen(d->form) != pl + fl ||
          memcmp(d->form, norm + pb, pl) != 0 || memcmp(d->form + pl, c->form, fl) != 0)
        continue;
      c->link = d->link;
      w->par[i] = SIZE_MAX;
      break;
    }
  }
  return CNKG_SUCCESS;
}

/* The name of a record without committee and level suffix, into buf. */
static size_t record_base(const CnkgDivision *div, CnkgDivId id, char *buf, size_t size) {
  CnkgDivRecord rec;
  if (cnkg_division_get(div, id, &rec) || rec.name_len >= size) return 0;
  size_t n = place_form_len(rec.name, rec.name_len);
  n = cnkg_place_base_len(rec.name, n);
  memcpy(buf, rec.name, n);
  return n;
}

/* Code points of a and b differ in exactly one position. */
static bool one_char_apart(const char *a, size_t al, const char *b, size_t bl) {
  size_t i = 0, j = 0, diff = 0;
  while (i < al && j < bl) {
    if (cnkg_utf8_next(a, al, &i) != cnkg_utf8_next(b, bl, &j)) diff++;
  }
  return i == al && j == bl && diff == 1;
}

static void fuzzy_visit(const CnkgDivision *div, CnkgDivId id, CnkgLevel level,
                        const char *base, size_t blen, CnkgDivId *found, size_t *n) {
  CnkgDivId first;
  size_t count;
  if (cnkg_division_children(div, id, &first, &count)) return;
  for (size_t i = 0; i < count && *n < 2; i++) {
    CnkgDivId ch = first + (CnkgDivId)i;
    CnkgLevel lv = cnkg_division_level(div, ch);
    if (lv == level) {
      char buf[256];
      size_t rl = record_base(div, ch, buf, sizeof buf);
      if (rl && one_char_apart(base, blen, buf, rl)) {
        if (*n == 0) *found = ch;
        (*n)++;
      }
    } else if (lv < level) {
      fuzzy_visit(div, ch, level, base, blen, found, n);
    }
  }
}

/* A township or village the list does not know, under a place the document
 * settles, that differs from exactly one of that place's townships or
 * villages in one character (a variant or misprint: 岗夏 for 岗下, 侯 for
 * 候) is that one. Two or more such neighbours: left unlinked. */
/* A set of list records (open addressing; CNKG_DIV_NONE marks a free
 * slot), for "does the document name this record" in constant time. */
typedef struct {
  CnkgDivId *slots;
  size_t size, used;
} DivSet;

static size_t div_set_slot(const DivSet *x, CnkgDivId id) {
  size_t j = ((size_t)id * 2654435761u) & (x->size - 1);
  while (x->slots[j] != CNKG_DIV_NONE && x->slots[j] != id) j = (j + 1) & (x->size - 1);
  return j;
}

static bool div_set_has(const DivSet *x, CnkgDivId id) {
  return x->size && x->slots[div_set_slot(x, id)] == id;
}

static CnkgStatus div_set_add(DivSet *x, CnkgDivId id) {
  if ((x->used + 1) * 2 > x->size) {
    DivSet bigger = {malloc((x->size ? x->size * 2 : 64) * sizeof *x->slots),
                     x->size ? x->size * 2 : 64, x->used};
    if (!bigger.slots) return CNKG_ERR_NOMEM;
    for (size_t j = 0; j < bigger.size; j++) bigger.slots[j] = CNKG_DIV_NONE;
    for (size_t j = 0; j < x->size; j++)
      if (x->slots[j] != CNKG_DIV_NONE) bigger.slots[div_set_slot(&bigger, x->slots[j])] = x->slots[j];
    free(x->slots);
    *x = bigger;
  }
  size_t j = div_set_slot(x, id);
  if (x->slots[j] == CNKG_DIV_NONE) {
    x->slots[j] = id;
    x->used++;
  }
  return CNKG_SUCCESS;
}

CnkgStatus place_link_fuzzy(Work *w) {
  const CnkgDivision *div = w->r->div;
  /* the records the document names, as links are added */
  DivSet named = {NULL, 0, 0};
  for (size_t i = 0; i < w->n; i++)
    if (w->c[i].link != CNKG_DIV_NONE && div_set_add(&named, w->c[i].link)) {
      free(named.slots);
      return CNKG_ERR_NOMEM;
    }
  for (size_t i = 0; i < w->n; i++) {
    Cand *c = &w->c[i];
    if (c->link != CNKG_DIV_NONE || c->alias != SIZE_MAX || c->natural ||
        (c->level != CNKG_LEVEL_TOWNSHIP && c->level != CNKG_LEVEL_VILLAGE))
      continue;
    size_t p = w->par[i];
    if (p == SIZE_MAX || w->c[p].link == CNKG_DIV_NONE) continue;
    CnkgDivId anc = w->c[p].link;
    if (cnkg_division_level(div, anc) < CNKG_LEVEL_COUNTY) continue;
    bool exact = false; /* an exact name under it is ambiguity, not a typo */
    for (size_t h = 0; h < c->n_ids && !exact; h++)
      exact = cnkg_division_is_within(div, c->ids[h], anc);
    if (exact) continue;
    size_t fl = strlen(c->form);
    size_t bl = cnkg_place_base_len(c->form, fl);
    if (cnkg_utf8_count(c->form, bl) < 2) continue;
    if (bl == fl && c->force == CNKG_LEVEL_NONE) continue;
    CnkgDivId found = CNKG_DIV_NONE;
    size_t n = 0;
    fuzzy_visit(div, anc, c->level, c->form, bl, &found, &n);
    /* A neighbour the document names itself is not misspelt here (甲园 is
     * not 甲同 when 甲同 is named too). */
    if (n == 1 && div_set_has(&named, found)) n = 0;
    if (n == 1) {
      c->link = found;
      if (div_set_add(&named, found)) {
        free(named.slots);
        return CNKG_ERR_NOMEM;
      }
    }
  }
  free(named.slots);
  return CNKG_SUCCESS;
}

