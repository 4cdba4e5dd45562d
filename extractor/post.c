/* SPDX-License-Identifier: Apache-2.0
 * Posts: the post a person holds (title or role, the place or organisation
 * it is at, when taken) from the phrase around a mention, the clause after
 * it or the place the section is about. Read by person.c for each mention.
 * Depends on person_int.h, docstate.h and wordlist.h. */
#include "extractor/person_int.h"

/* ---- posts ---- */

/* Verbs that introduce the post after a name (赵某担任某村第一书记). */
static const char *const POST_VERBS[] = {"担任", "出任", "兼任", "现任", "任",
                                         "是", "系", "作为", "当选", "当上",
                                         "成为", NULL};
static CnkgWordList post_verbs_list = CNKG_WORDLIST(POST_VERBS);

/* Words saying which body sent a person (市水利局派驻的第一书记). */
static const char *const SENT_BY[] = {"派驻的", "选派的", "派出的", "委派的", "下派的",
                                      "派驻", "选派", NULL};
static CnkgWordList sent_by_list = CNKG_WORDLIST(SENT_BY);

static void post_where(Post *p, size_t entity) {
  for (size_t k = 0; k < p->n_where; k++)
    if (p->where[k] == entity) return;
  if (p->n_where < 4) p->where[p->n_where++] = entity;
}

/* Start of the title phrase ending at end: a title or role closest to the
 * name, then modifiers (第一, 驻村, 村, 党支部 ...). *core is the length of
 * the closest word; *role says whether it was a role. Returns end when
 * there is no title. */
/* Words after a level character that make it the start of a body's name
 * (县委, 村党支部, 市政协, 街道办事处): the title phrase keeps them. */
static const char *const BODIES[] = {"委", "党", "支部", "总支", "政协", "人大",
                                     "纪", "两委", "政府", "办事处", NULL};
static CnkgWordList bodies_list = CNKG_WORDLIST(BODIES);

static size_t title_start(const Ctx *c, size_t floor, size_t end, bool *role) {
  size_t n = cnkg_wordlist_before(&person_cores_list, c->s, floor, end);
  bool star = false;
  *role = false;
  if (!n) {
    n = cnkg_wordlist_before(&person_roles_list, c->s, floor, end);
    *role = n > 0;
  }
  if (!n) {
    /* a censored title: 县委*, 村党支部* */
    static const char *const STARS[] = {"*", "＊", NULL};
    static CnkgWordList stars_list = CNKG_WORDLIST(STARS);
    n = cnkg_wordlist_before(&stars_list, c->s, floor, end);
    if (!n) return end;
    star = true;
  }
  size_t pos = end - n;
  if (star && !cnkg_wordlist_before(&person_modifiers_list, c->s, floor, pos)) return end;
  for (;;) {
    size_t m = cnkg_wordlist_before(&person_modifiers_list, c->s, floor, pos);
    size_t k = cnkg_wordlist_before(&person_cores_list, c->s, floor, pos);
    if (k > m) m = k;
    if (!m) break;
    pos -= m;
  }
  /* A title phrase does not begin inside a place's name unless a body's
   * name starts there: the 省 of 贵州省 before 副省长 is the place's, while
   * 县委 of 青川县委书记 is the title's. */
  for (size_t k = person_sp_reaching(c, pos); k < c->nsp && c->sp[k].begin < pos; k++) {
    const Sp *x = &c->sp[k];
    if (x->end > pos && x->end <= end - n && cnkg_type_is_place(x->type) &&
        !cnkg_wordlist_at(&bodies_list, c->s, x->end, end))
      pos = x->end;
  }
  return pos;
}

static bool is_level_char(const char *s, size_t pos, size_t len) {
  return cnkg_utf8_char_in("村镇乡县市省州旗区", s, pos, len);
}

/* The place a team is named after (某镇驻镇帮扶工作队, 某村驻村工作队): for
 * an organisation span [begin, end) whose name ends in 工作队, the
 * innermost place named inside it, else SIZE_MAX. */
static size_t team_place(const Ctx *c, size_t entity, size_t begin, size_t end) {
  if (!strstr(cnkg_graph_entity(c->st->graph, entity)->label, "工作队")) return SIZE_MAX;
  size_t pl = SIZE_MAX, pend = 0;
  for (size_t k = person_sp_from(c, begin); k < c->nsp && c->sp[k].begin < end; k++)
    if (cnkg_type_is_place(c->sp[k].type) && c->sp[k].end < end && c->sp[k].end > pend) {
      pend = c->sp[k].end;
      pl = c->sp[k].entity;
    }
  return pl;
}

/* Places and organisations named right before the title phrase
 * [tb, te): spans overlapping its start or ending exactly there. */
static void where_before(const Ctx *c, size_t tb, size_t te, Post *p) {
  size_t best_place = SIZE_MAX, best_end = 0;
  for (size_t k = person_sp_reaching(c, tb); k < c->nsp; k++) {
    const Sp *x = &c->sp[k];
    if (x->begin >= te) break;
    if (x->begin >= tb) {
      /* a body inside the title phrase: 该县扶贫办主任 */
      if (x->type == CNKG_TYPE_ORGANIZATION && x->end <= te) post_where(p, x->entity);
      continue;
    }
    bool adj = x->end == tb || (x->end > tb && x->end <= te);
    if (!adj) continue;
    if (x->type == CNKG_TYPE_ORGANIZATION) {
      post_where(p, x->entity);
      size_t tp = team_place(c, x->entity, x->begin, x->end);
      if (tp != SIZE_MAX) post_where(p, tp);
    } else if (x->end >= best_end) {
      best_end = x->end;
      best_place = x->entity;
    }
  }
  if (best_place != SIZE_MAX) {
    /* the innermost place first */
    if (p->n_where < 4) {
      memmove(p->where + 1, p->where, p->n_where * sizeof *p->where);
      p->where[0] = best_place;
      p->n_where++;
    }
  }
}

/* The nearest place of type before pos in the document, or SIZE_MAX. */
static size_t nearest_of_type(const Ctx *c, size_t pos, CnkgType type, size_t floor) {
  /* the last span of the type that begins before pos */
  const size_t *v = c->sp_of_type[type];
  size_t lo = 0, hi = c->n_of_type[type];
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (c->sp[v[mid]].begin < pos) lo = mid + 1;
    else hi = mid;
  }
  if (lo == 0 || c->sp[v[lo - 1]].begin < floor) return SIZE_MAX;
  return c->sp[v[lo - 1]].entity;
}

static bool org_title(const char *t) {
  static const char *const OT[] = {"理事长", "董事长", "总经理", "经理", "社长",
                                   "会长",   "负责人", "法人",   NULL};
  size_t n = strlen(t);
  for (size_t k = 0; OT[k]; k++) {
    size_t m = strlen(OT[k]);
    if (n >= m && strcmp(t + n - m, OT[k]) == 0) return true;
  }
  return false;
}

/* The nearest place of type named before pos in the same paragraph. */
static size_t nearest_in_paragraph(const Ctx *c, size_t pos, CnkgType type) {
  const CnkgText *t = c->st->text;
  size_t sent = person_sentence_of(c, pos);
  if (sent >= t->n_sentences) return SIZE_MAX;
  /* the paragraph's first sentence (paragraphs ascend with sentences) */
  size_t lo = 0, hi = sent;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (t->sentences[mid].paragraph < t->sentences[sent].paragraph) lo = mid + 1;
    else hi = mid;
  }
  return nearest_of_type(c, pos, type, t->sentences[lo].begin);
}

/* The level of place a title is about, from its wording. */
static CnkgType title_level(const char *t) {
  if (strstr(t, "村") || strstr(t, "支书") || strstr(t, "第一书记") || strstr(t, "支部") ||
      strstr(t, "总支") || strstr(t, "驻村"))
    return CNKG_TYPE_VILLAGE;
  if (strstr(t, "镇") || strstr(t, "乡")) return CNKG_TYPE_TOWNSHIP;
  if (strstr(t, "县")) return CNKG_TYPE_COUNTY;
  if (strstr(t, "省")) return CNKG_TYPE_PROVINCE;
  return CNKG_TYPE_COUNT;
}

static void set_title(Post *p, const char *s, size_t b, size_t e) {
  while (e > b && (s[e - 1] == '*' || cnkg_wordlist_word_before(s, b, e, "＊")))
    e -= s[e - 1] == '*' ? 1 : CNKG_HAN_BYTES;
  size_t n = e - b;
  if (n >= sizeof p->title) n = sizeof p->title - 1;
  memcpy(p->title, s + b, n);
  p->title[n] = '\0';
}

/* Clause bounds around pos: from after the last ，。；：！？ before it
 * to the next one. */
static size_t clause_start(const Ctx *c, size_t floor, size_t pos) {
  while (pos > floor) {
    size_t p = person_prev_char(c->s, pos);
    uint32_t cp = person_cp_at(c->s, c->len, p);
    if (cp == 0xFF0C || cp == 0x3002 || cp == 0xFF1B || cp == 0xFF1A || cp == 0xFF01 ||
        cp == 0xFF1F || cp == ',' || cp == ';' || cp == ':' || cp == 0x201C || cp == '\n')
      break;
    pos = p;
  }
  return pos;
}

static size_t clause_end(const Ctx *c, size_t ceil, size_t pos) {
  while (pos < ceil) {
    uint32_t cp = person_cp_at(c->s, c->len, pos);
    if (cp == 0xFF0C || cp == 0x3002 || cp == 0xFF1B || cp == 0xFF01 || cp == 0xFF1F ||
        cp == ',' || cp == ';' || cp == 0x201D || cp == '\n' || cp == 0xFF08 || cp == '(')
      break;
    cnkg_utf8_next(c->s, c->len, &pos);
  }
  return pos;
}

/* Roles only a village's people hold: households and villagers. */
static bool village_role(const char *t) {
  size_t n = strlen(t);
  static const char *const END[] = {"户", "村民", "群众", "党员", NULL};
  for (size_t k = 0; END[k]; k++) {
    size_t m = strlen(END[k]);
    if (n >= m && strcmp(t + n - m, END[k]) == 0) return true;
  }
  return false;
}

/* Finishes a title phrase [tb, te): drops a leading level character that
 * closes the place before it (白杨村第一书记 -> 第一书记) unless a party or
 * government body follows it (县委书记, 村党支部书记), and finds where. */
static void finish_post(const Ctx *c, size_t tb, size_t te, bool role, size_t at,
                        Post *p) {
  where_before(c, tb, te, p);
  /* 市水利局派驻的第一书记, 由县教育局选派的, 市水利局派驻某县某村第一书记:
   * the body that sent them */
  {
    size_t q0 = tb;
    for (int round = 0; round < 6; round++) {
      size_t k = person_sp_reaching(c, q0), from = q0;
      for (; k < c->nsp && c->sp[k].begin < q0; k++)
        if (c->sp[k].end >= q0 && c->sp[k].begin < q0 && cnkg_type_is_place(c->sp[k].type)) {
          q0 = c->sp[k].begin;
          break;
        }
      if (q0 == from) break;
    }
    size_t sl = cnkg_wordlist_before(&sent_by_list, c->s, 0, tb);
    if (!sl && q0 < tb) {
      sl = cnkg_wordlist_before(&sent_by_list, c->s, 0, q0);
      if (sl) sl += tb - q0;
    }
    if (sl) {
      size_t q = tb - sl;
      if (cnkg_wordlist_word_before(c->s, 0, q, "先后")) q -= 6;
      for (size_t k = person_sp_reaching(c, q); k < c->nsp && c->sp[k].begin < q; k++)
        if (c->sp[k].end == q && c->sp[k].type == CNKG_TYPE_ORGANIZATION)
          post_where(p, c->sp[k].entity);
    }
  }
  size_t b = tb;
  if (is_level_char(c->s, tb, te) && te - tb > CNKG_HAN_BYTES) {
    bool body = cnkg_wordlist_at(&bodies_list, c->s, tb + CNKG_HAN_BYTES, te) > 0;
    bool closes_place = false;
    for (size_t k = person_sp_reaching(c, tb + CNKG_HAN_BYTES); k < c->nsp && c->sp[k].begin < tb; k++)
      if (c->sp[k].end == tb + CNKG_HAN_BYTES) closes_place = true;
    if (!body && closes_place) b = tb + CNKG_HAN_BYTES;
  }
  set_title(p, c->s, b, te);
  p->role = role;
  if (p->n_where == 0 && role && cnkg_wordlist_word_before(c->s, 0, tb, "的")) {
    /* 石桥社区的老党员X */
    for (size_t k = person_sp_reaching(c, tb - CNKG_HAN_BYTES); k < c->nsp && c->sp[k].begin <= tb - CNKG_HAN_BYTES; k++)
      if (c->sp[k].end == tb - CNKG_HAN_BYTES && c->sp[k].type != CNKG_TYPE_ORGANIZATION)
        post_where(p, c->sp[k].entity);
  }
  if (p->n_where == 0 && role) {
    /* a villager, a poor household: the village the paragraph is about */
    size_t e = nearest_in_paragraph(c, at, CNKG_TYPE_VILLAGE);
    if (e == SIZE_MAX) {
      /* else the village the section is about */
      size_t np = cnkg_place_nearest(c->st, person_sentence_of(c, at), at);
      if (np != SIZE_MAX && cnkg_graph_entity(c->st->graph, np)->type == CNKG_TYPE_VILLAGE)
        e = np;
    }
    /* else the village the story last named, when the role is one a
     * village holds (a household, a villager) */
    if (e == SIZE_MAX && village_role(p->title)) e = nearest_of_type(c, at, CNKG_TYPE_VILLAGE, 0);
    if (e != SIZE_MAX) post_where(p, e);
  }
  if (p->n_where == 0 && !role && org_title(p->title)) {
    /* 理事长, 董事长: the body named last in the sentence; after 该
     * (该公司董事长, 该合作社理事长) the one named last before */
    size_t sent = person_sentence_of(c, at);
    size_t sfloor = sent < c->st->text->n_sentences ? c->st->text->sentences[sent].begin : 0;
    if (cnkg_wordlist_word_before(c->s, 0, b, "该")) sfloor = 0;
    size_t e = nearest_of_type(c, at, CNKG_TYPE_ORGANIZATION, sfloor);
    if (e != SIZE_MAX) post_where(p, e);
  }
  /* a village title placed only at the body that sent its holder (省发改委
   *派驻的第一书记) is at a village still */
  bool placed = false;
  for (size_t w = 0; w < p->n_where; w++)
    placed |= cnkg_type_is_place(cnkg_graph_entity(c->st->graph, p->where[w])->type);
  if (!role && (p->n_where == 0 || (!placed && title_level(p->title) != CNKG_TYPE_COUNT))) {
    CnkgType lv = title_level(p->title);
    size_t sent = person_sentence_of(c, at);
    size_t sfloor = sent < c->st->text->n_sentences ? c->st->text->sentences[sent].begin : 0;
    size_t e = SIZE_MAX;
    if (lv == CNKG_TYPE_VILLAGE) {
      /* a village named in the same sentence, before or after */
      size_t send = sent < c->st->text->n_sentences ? c->st->text->sentences[sent].end : c->len;
      e = nearest_of_type(c, at, lv, sfloor);
      if (e == SIZE_MAX) {
        const size_t *v = c->sp_of_type[lv];
        size_t lo = 0, hi = c->n_of_type[lv];
        while (lo < hi) {
          size_t mid = lo + (hi - lo) / 2;
          if (c->sp[v[mid]].begin < at) lo = mid + 1;
          else hi = mid;
        }
        for (; lo < c->n_of_type[lv] && c->sp[v[lo]].begin <= send; lo++)
          if (c->sp[v[lo]].end <= send) {
            e = c->sp[v[lo]].entity;
            break;
          }
      }
      if (e == SIZE_MAX) e = nearest_in_paragraph(c, at, lv);
      /* 村党支部书记X with no village near: the village the story is about */
      if (e == SIZE_MAX) e = c->main_village;
    } else if (lv != CNKG_TYPE_COUNT) {
      e = nearest_of_type(c, at, lv, 0);
      if (e == SIZE_MAX && c->st->focus_place != SIZE_MAX &&
          cnkg_graph_entity(c->st->graph, c->st->focus_place)->type == lv)
        e = c->st->focus_place;
    }
    if (e != SIZE_MAX) post_where(p, e);
  }
  /* 村党支部书记 of a village: its party branch too, when the text names it */
  if (!role && (strstr(p->title, "支部") || strstr(p->title, "支书"))) {
    size_t nw = p->n_where;
    for (size_t w = 0; w < nw; w++)
      for (size_t k = 0; k < c->n_branch; k++)
        if (c->branch[k][0] == p->where[w]) post_where(p, c->branch[k][1]);
  }
}

/* Posts stated in the phrase just before position b of a name:
 * [place][title]NAME, several titles joined by 、 (县委常委、组织部长). */
static size_t pre_posts(const Ctx *c, size_t b, size_t sfloor, Post *out, size_t max) {
  size_t n = 0, end = b;
  for (int round = 0; round < 3 && n < max; round++) {
    bool role;
    size_t tb = title_start(c, sfloor, end, &role);
    if (tb == end) break;
    Post *p = &out[n];
    memset(p, 0, sizeof *p);
    finish_post(c, tb, end, role, b, p);
    n++;
    /* the phrase may begin inside a place name: 青川县县委书记 */
    size_t q = tb;
    for (size_t k = person_sp_reaching(c, tb); k < c->nsp && c->sp[k].begin < tb; k++)
      if (c->sp[k].end > tb) {
        q = c->sp[k].begin;
        break;
      }
    /* back over the names that end where it begins (the first such, in
     * span order, each time); a chain that leaves the sentence has no 、
     * before it there, so the walk stops at the sentence start */
    bool moved = true;
    while (moved && q > sfloor) {
      moved = false;
      for (size_t k = person_sp_reaching(c, q); k < c->nsp && c->sp[k].begin < q; k++)
        if (c->sp[k].end == q) {
          q = c->sp[k].begin;
          moved = true;
          break;
        }
    }
    if (!cnkg_wordlist_word_before(c->s, sfloor, q, "、")) {
      /* 柳溪村第一书记、东西协作工作队队长X: a modifier of at most four
       * characters before the next title, then the 、 */
      size_t m = q;
      for (int back = 0; back < 4 && m > sfloor + CNKG_HAN_BYTES; back++) {
        size_t r = m - CNKG_HAN_BYTES;
        unsigned char c0 = (unsigned char)c->s[r];
        if (c0 < 0xE4 || c0 > 0xE9 || cnkg_wordlist_word_before(c->s, sfloor, m, "、")) break;
        m = r;
      }
      bool named = false; /* no place or organisation inside the modifier */
      for (size_t k = person_sp_reaching(c, m); k < c->nsp && c->sp[k].begin < q && !named; k++)
        named = c->sp[k].end > m;
      if (m == q || named || !cnkg_wordlist_word_before(c->s, sfloor, m, "、")) {
        /* else a title closing the phrase before, past a few more words
         * no recogniser took (某局副局长、驻某镇某建设工作队队长X) */
        size_t r = q, lim = q > sfloor + 30 ? q - 30 : sfloor;
        while (r > lim && !cnkg_wordlist_word_before(c->s, sfloor, r, "、") &&
               cnkg_is_han(person_cp_at(c->s, c->len, person_prev_char(c->s, r))))
          r = person_prev_char(c->s, r);
        if (r == q || !cnkg_wordlist_word_before(c->s, sfloor, r, "、") ||
            !cnkg_wordlist_before(&person_cores_list, c->s, sfloor, r - CNKG_HAN_BYTES))
          break;
        m = r;
      }
      q = m;
    }
    end = q - CNKG_HAN_BYTES;
  }
  return n;
}

/* The first title of the clause [cb, ce) after a name; appos says the
 * clause is an apposition, which must hold nothing but places,
 * organisations and title words and end with the title. */
static bool post_after(const Ctx *c, size_t cb, size_t ce, bool appos, size_t at,
                       Post *p) {
  /* a title anywhere in the clause wins over a role word before it
   * (担任…流动党员党小组长) */
  bool any_core = false;
  for (size_t q = cb; q < ce && !any_core; cnkg_utf8_next(c->s, c->len, &q))
    any_core = cnkg_wordlist_at(&person_cores_list, c->s, q, ce) > 0;
  for (size_t q = cb; q < ce;) {
    size_t tl = cnkg_wordlist_at(&person_cores_list, c->s, q, ce);
    bool role = false;
    if (!tl && !any_core) {
      tl = cnkg_wordlist_at(&person_roles_list, c->s, q, ce);
      role = tl > 0;
    }
    if (tl) {
      size_t te = q + tl;
      /* a longer title word may continue: 书记 in 村党支部书记 */
      size_t more;
      while (te < ce && (more = cnkg_wordlist_at(&person_cores_list, c->s, te, ce)) > 0)
        te += more;
      if (appos && te != ce) return false;
      bool r2;
      size_t tb = title_start(c, cb, te, &r2);
      if (tb >= te) tb = q;
      memset(p, 0, sizeof *p);
      finish_post(c, tb, te, role, at, p);
      return true;
    }
    if (appos) {
      /* 市水利局先后派驻的第一书记 */
      size_t adv = cnkg_wordlist_at(&sent_by_list, c->s, q, ce);
      if (cnkg_wordlist_word_at(c->s, q, ce, "先后")) adv = 6;
      for (size_t k = person_sp_reaching(c, q); k < c->nsp && c->sp[k].begin <= q; k++)
        if (c->sp[k].end > q && c->sp[k].end - q > adv) adv = c->sp[k].end - q;
      size_t ml = cnkg_wordlist_at(&person_modifiers_list, c->s, q, ce);
      if (ml > adv) adv = ml;
      if (!adv) return false;
      q += adv;
      continue;
    }
    cnkg_utf8_next(c->s, c->len, &q);
  }
  return false;
}

/* Adverbs between a name and its post verb (NAME目前担任, 先后任). */
static const char *const ADVERBS[] = {"目前", "现在", "曾经", "曾", "先后", "一直", "已",
                                      "也", "还", "又", "均", "都", "分别", "现", NULL};
static CnkgWordList adverbs_list = CNKG_WORDLIST(ADVERBS);
/* A time before the verb of a clause after the name (1995-2016年任). */
static const char *const TIMES[] = {"后来", "此前", "之前", "随后", "当时", NULL};
static CnkgWordList time_list = CNKG_WORDLIST(TIMES);

/* After a year or a span of years at q (2015年, 1995-2016年, 2018年4月),
 * else q. */
static size_t skip_year(const char *s, size_t q, size_t e) {
  size_t p = q, digits = 0;
  while (p < e && ((s[p] >= '0' && s[p] <= '9') || s[p] == '-' || s[p] == '~')) {
    digits += s[p] != '-' && s[p] != '~';
    p++;
  }
  if (digits < 4 || !cnkg_wordlist_word_at(s, p, e, "年")) return q;
  p += CNKG_HAN_BYTES;
  size_t m = p;
  while (m < e && s[m] >= '0' && s[m] <= '9') m++;
  if (m > p && cnkg_wordlist_word_at(s, m, e, "月")) p = m + CNKG_HAN_BYTES;
  if (cnkg_wordlist_word_at(s, p, e, "起")) p += CNKG_HAN_BYTES;
  return p;
}

/* True when s[b, e) only gives an age, years in the party or a span of
 * years (43岁, 21年党龄, 1972-1990年): an aside between a name and what
 * it is. A span of years followed by a verb is no aside. */
static bool aside_clause(const char *s, size_t b, size_t e) {
  size_t q = b, digits = 0;
  while (q < e && ((s[q] >= '0' && s[q] <= '9') || s[q] == '-' || s[q] == '~')) {
    digits += s[q] != '-' && s[q] != '~';
    q++;
  }
  if (!digits) {
    /* 五十六岁 */
    while (q < e && cnkg_utf8_char_in("一二三四五六七八九十", s, q, e)) q += CNKG_HAN_BYTES;
    if (q == b) return false;
  }
  static const char *const UNITS[] = {"岁", "年党龄", "周岁", "多岁", NULL};
  for (size_t k = 0; UNITS[k]; k++) {
    size_t m = strlen(UNITS[k]);
    if (q + m == e && memcmp(s + q, UNITS[k], m) == 0) return true;
  }
  return false;
}

/* NAME(驻某村第一书记), NAME(金融助理): a title in brackets right after the
 * name ending at e. The brackets hold Han characters only, no other name,
 * and end with a title word; the title keeps up to two characters no list
 * knows before it (金融 of 金融助理), after the places the brackets name. */
static bool bracket_post(const Ctx *c, size_t at, size_t e, Post *p) {
  if (e >= c->len || c->s[e] != '(') return false;
  size_t cb = e + 1, ce = cb;
  while (ce < c->len && ce - cb < 48 && cnkg_is_han(person_cp_at(c->s, c->len, ce)))
    cnkg_utf8_next(c->s, c->len, &ce);
  if (ce == cb || ce >= c->len || c->s[ce] != ')') return false;
  if (!cnkg_wordlist_before(&person_cores_list, c->s, cb, ce) ||
      person_covered_by_mention(c, cb, ce))
    return false;
  bool role;
  size_t tb = title_start(c, cb, ce, &role), lo = cb;
  if (cnkg_wordlist_word_at(c->s, cb, ce, "驻")) lo += CNKG_HAN_BYTES;
  for (size_t k = person_sp_reaching(c, cb); k < c->nsp && c->sp[k].begin < tb; k++)
    if (c->sp[k].begin >= cb && c->sp[k].end <= tb && c->sp[k].end > lo) lo = c->sp[k].end;
  if (tb > lo && tb - lo <= 2 * CNKG_HAN_BYTES) tb = lo;
  memset(p, 0, sizeof *p);
  finish_post(c, tb, ce, false, at, p);
  return true;
}

/* Where a list of names starts when brackets break it (队员甲(…)、乙、丙):
 * back from gb over 、 or 和, a bracket closing after a name, and the
 * names before; gb when no bracket stands between. */
static size_t list_start_across_brackets(const Ctx *c, size_t gb, size_t sfloor) {
  size_t q = gb;
  bool crossed = false;
  for (int round = 0; round < 8; round++) {
    size_t r = q;
    if (!cnkg_wordlist_word_before(c->s, sfloor, r, "、") &&
        !cnkg_wordlist_word_before(c->s, sfloor, r, "和"))
      break;
    r -= CNKG_HAN_BYTES;
    if (r > sfloor && c->s[r - 1] == ')') {
      size_t o = r - 1;
      while (o > sfloor && r - o < 52 && c->s[o] != '(') o--;
      if (c->s[o] != '(') break;
      r = o;
      crossed = true;
    }
    if (r < sfloor + CNKG_HAN_BYTES || !person_covered_by_mention(c, r - CNKG_HAN_BYTES, r)) break;
    while (r >= sfloor + CNKG_HAN_BYTES && person_covered_by_mention(c, r - CNKG_HAN_BYTES, r))
      r -= CNKG_HAN_BYTES;
    q = r;
  }
  return crossed ? q : gb;
}

/* Posts before the name: pre_posts on the mention and on its list, then
 * 来自[body]的NAME and [place]的NAME (家住[place]的NAME). */
static size_t posts_before(const Ctx *c, size_t b, size_t gb, size_t sfloor, bool own,
                           Post *out, size_t max) {
  size_t n = pre_posts(c, b, sfloor, out, max);
  if (n == 0 && gb != b) n = pre_posts(c, gb, sfloor, out, max);
  if (n == 0 && !own) {
    /* 队员甲(驻某村第一书记)、乙、丙: the title before the list's first name,
     * for the names that state none of their own */
    size_t xb = list_start_across_brackets(c, gb, sfloor);
    if (xb < gb) n = pre_posts(c, xb, sfloor, out, max);
  }
  if (n == 0 && gb >= sfloor + CNKG_HAN_BYTES && cnkg_wordlist_word_before(c->s, sfloor, gb, "的")) {
    /* 曾任某村党支部书记的X: a title phrase that a place or body opens */
    bool role;
    size_t tb = title_start(c, sfloor, gb - CNKG_HAN_BYTES, &role);
    bool opened = false;
    for (size_t k = person_sp_reaching(c, tb); k < c->nsp && c->sp[k].begin < tb && !opened; k++)
      opened = c->sp[k].end == tb || (c->sp[k].end > tb && c->sp[k].end < gb - CNKG_HAN_BYTES);
    if (tb < gb - CNKG_HAN_BYTES && !role && opened) n = pre_posts(c, gb - CNKG_HAN_BYTES, sfloor, out, max);
  }
  if (n == 0 && n < max) {
    /* 某乡石冲村X(左)一家: a villager named right after the village */
    for (size_t k = person_sp_reaching(c, gb); k < c->nsp && c->sp[k].begin < gb; k++)
      if (c->sp[k].end == gb && c->sp[k].type == CNKG_TYPE_VILLAGE) {
        memset(&out[n], 0, sizeof out[n]);
        out[n].role = true;
        post_where(&out[n], c->sp[k].entity);
        n++;
        break;
      }
  }
  if (n == 0 && gb > sfloor && (c->s[gb - 1] == ':' || c->s[gb - 1] == '/')) {
    /* 责任编辑:X, 本文责编/X */
    bool role;
    size_t tb = title_start(c, sfloor, gb - 1, &role);
    if (tb < gb - 1 && !role) n = pre_posts(c, gb - 1, sfloor, out, max);
  }
  if (n == 0 && gb >= sfloor + CNKG_HAN_BYTES && person_covered_by_mention(c, gb - CNKG_HAN_BYTES, gb)) {
    /* 通讯员X Y: a name right after another shares the credit before both */
    size_t q = gb;
    while (q > sfloor && gb - q < 36 && person_covered_by_mention(c, q - CNKG_HAN_BYTES, q)) q -= CNKG_HAN_BYTES;
    if (q < gb) n = pre_posts(c, q, sfloor, out, max);
  }
  if (n < max && gb >= sfloor + CNKG_HAN_BYTES && cnkg_wordlist_word_before(c->s, sfloor, gb, "的")) {
    /* 来自[body]的NAME */
    size_t q = gb - CNKG_HAN_BYTES;
    for (size_t k = person_sp_reaching(c, q); k < c->nsp && c->sp[k].begin < q; k++)
      if (c->sp[k].end == q && c->sp[k].type == CNKG_TYPE_ORGANIZATION &&
          cnkg_wordlist_word_before(c->s, sfloor, c->sp[k].begin, "来自")) {
        Post *p = &out[n++];
        memset(p, 0, sizeof *p);
        p->role = true;
        post_where(p, c->sp[k].entity);
        break;
      }
  }
  if (n == 0 && n < max && cnkg_wordlist_word_before(c->s, sfloor, gb, "的")) {
    /* [place]的NAME, 家住[place]的NAME */
    Post *p = &out[n];
    memset(p, 0, sizeof *p);
    size_t q = gb - CNKG_HAN_BYTES;
    for (size_t k = person_sp_reaching(c, q); k < c->nsp && c->sp[k].begin <= q; k++)
      if (c->sp[k].end == q && c->sp[k].type != CNKG_TYPE_ORGANIZATION)
        post_where(p, c->sp[k].entity);
    if (p->n_where) {
      p->role = true;
      n++;
    }
  }
  return n;
}

/* The post verb after the name ending at *ge: its length, or 0. An adverb
 * may stand between (NAME目前担任, 甲、乙，先后任); clauses that only give
 * an age, years in the party or a span of years are passed over (NAME，56岁，
 * 28年党龄，2001-2013年任…). *ge moves to a verb found after such an aside
 * or adverb; *at_verb gets the end of the asides. */
static size_t post_verb(const Ctx *c, size_t sceil, size_t *ge, size_t *at_verb) {
  *at_verb = *ge;
  for (int round = 0; round < 4; round++) {
    size_t q = *at_verb;
    if (person_is_comma(c->s, c->len, q)) q += c->s[q] == ',' ? 1 : CNKG_HAN_BYTES;
    size_t ce = clause_end(c, sceil, q);
    if (q == *at_verb || !aside_clause(c->s, q, ce)) break;
    *at_verb = ce;
  }
  size_t adv_at = *at_verb;
  if (*at_verb != *ge || person_is_comma(c->s, c->len, *at_verb)) {
    if (person_is_comma(c->s, c->len, adv_at)) adv_at += c->s[adv_at] == ',' ? 1 : CNKG_HAN_BYTES;
    adv_at += cnkg_wordlist_at(&time_list, c->s, adv_at, sceil);
    adv_at = skip_year(c->s, adv_at, sceil);
  }
  size_t advl = cnkg_wordlist_at(&adverbs_list, c->s, adv_at, sceil);
  size_t vl = cnkg_wordlist_at(&post_verbs_list, c->s, adv_at + advl, c->len);
  if (vl && (advl || adv_at != *ge) &&
      !cnkg_wordlist_word_at(c->s, adv_at + advl, c->len, "是") &&
      !cnkg_wordlist_word_at(c->s, adv_at + advl, c->len, "系")) {
    *ge = adv_at + advl; /* the post verb after the aside or adverb */
    return vl;
  }
  vl = cnkg_wordlist_at(&post_verbs_list, c->s, *ge, c->len);
  if (vl) return vl;
  /* NAME被派到[place]担任[title]: sent somewhere to take up a post; the
   * post is read from the clause after the sending verb */
  static const char *const SENT[] = {"被选派到", "被派驻到", "被下派到", "被委派到", "被派到",
                                     "被派往", "被选派", "被派驻", "被委派", "被下派", NULL};
  static CnkgWordList sent_list = CNKG_WORDLIST(SENT);
  size_t sl = cnkg_wordlist_at(&sent_list, c->s, *ge, c->len);
  if (!sl) return 0;
  size_t ce = clause_end(c, sceil, *ge + sl);
  for (size_t q = *ge + sl; q < ce; cnkg_utf8_next(c->s, c->len, &q))
    if (cnkg_wordlist_at(&post_verbs_list, c->s, q, ce)) return sl;
  return 0;
}

/* NAME，43岁，[place]人: where the person is from, in the clause after the
 * comma at at_verb. */
static bool origin_post(const Ctx *c, size_t sceil, size_t at_verb, Post *p) {
  size_t q = at_verb + (c->s[at_verb] == ',' ? 1 : CNKG_HAN_BYTES);
  size_t ce = clause_end(c, sceil, q), last = SIZE_MAX;
  while (q < ce) {
    size_t adv = 0, ent = SIZE_MAX;
    for (size_t k = person_sp_from(c, q); k < c->nsp && c->sp[k].begin == q; k++)
      if (cnkg_type_is_place(c->sp[k].type) && c->sp[k].end - q > adv) {
        adv = c->sp[k].end - q;
        ent = c->sp[k].entity;
      }
    if (!adv) break;
    q += adv;
    last = ent;
  }
  if (last == SIZE_MAX || q + CNKG_HAN_BYTES != ce || !cnkg_wordlist_word_at(c->s, q, ce, "人")) return false;
  memset(p, 0, sizeof *p);
  p->role = true;
  post_where(p, last);
  return true;
}

/* NAME担任[place][title], NAME，[place][title]。: the post in the clause
 * after the verb (vl bytes at ge) or the apposition, with a time stated
 * before the name in the sentence (去年8月). */
static bool post_by_verb(const Ctx *c, size_t b, size_t ge, size_t vl, bool appos,
                         size_t sent, size_t sfloor, size_t sceil, Post *p) {
  const CnkgText *t = c->st->text;
  size_t cb = ge + vl;
  size_t ce = clause_end(c, sceil, cb);
  bool got = post_after(c, cb, ce, appos, b, p);
  if (!got && appos) {
    /* X,回到某村当选支部书记: a post verb later in the next clause */
    static const char *const STRONG[] = {"当选", "担任", "出任", "兼任", "现任", NULL};
    static CnkgWordList strong_list = CNKG_WORDLIST(STRONG);
    for (size_t q = cb; q < ce && !got;) {
      size_t sl = cnkg_wordlist_at(&strong_list, c->s, q, ce);
      if (sl) {
        got = post_after(c, q + sl, ce, false, b, p);
        break;
      }
      cnkg_utf8_next(c->s, c->len, &q);
    }
    appos = false;
  }
  if (got && !appos && c->st->lac && sent < t->n_sentences) {
    const CnkgLacResult *lr = &c->st->lac[sent];
    for (size_t w = 0; w < lr->n_words; w++) {
      const CnkgLacWord *lw = &lr->words[w];
      if (sfloor + lw->begin >= b) break;
      if (lw->tag && strcmp(lw->tag, "TIME") == 0) {
        size_t tlen = lw->end - lw->begin;
        if (tlen < sizeof p->time) {
          memcpy(p->time, c->s + sfloor + lw->begin, tlen);
          p->time[tlen] = '\0';
        }
        break;
      }
    }
  }
  return got;
}

/* X是第三代，30岁，现任某村支部书记: a later clause of the sentence (after
 * the name ending at ge) that opens with a post verb has the name as its
 * subject, unless another name comes first. */
static bool later_post(const Ctx *c, size_t b, size_t ge, size_t sceil, Post *p) {
  static const char *const LATER[] = {"现任", "担任", "出任", "兼任", "当选", "任", NULL};
  static CnkgWordList later_list = CNKG_WORDLIST(LATER);
  size_t q = ge;
  for (int round = 0; round < 4 && q < sceil; round++) {
    while (q < sceil && !person_is_comma(c->s, c->len, q)) {
      if (person_covered_by_mention(c, q, q + 1)) return false;
      cnkg_utf8_next(c->s, c->len, &q);
    }
    if (q >= sceil) return false;
    q += c->s[q] == ',' ? 1 : CNKG_HAN_BYTES;
    size_t v = skip_year(c->s, q + cnkg_wordlist_at(&time_list, c->s, q, sceil), sceil);
    v += cnkg_wordlist_at(&adverbs_list, c->s, v, sceil);
    size_t ll = cnkg_wordlist_at(&later_list, c->s, v, sceil);
    if (ll) return post_after(c, v + ll, clause_end(c, sceil, v + ll), false, b, p);
  }
  return false;
}

/* X有了另一个身份，某村的第一书记 / X还是某村的第一书记: a second post
 * stated as what the person also is (after the name ending at ge). The
 * clause must hold nothing but places, organisations, 的 and title words
 * and end with the title, so that 还是 meaning "still" or "or" reads no
 * post. */
static bool identity_post(const Ctx *c, size_t b, size_t ge, size_t sceil, Post *p) {
  static const char *const ALSO[] = {"同时还是", "同时也是", "同时是", "还是", "也是", NULL};
  static CnkgWordList also_list = CNKG_WORDLIST(ALSO);
  static const char *const HAVE[] = {"有了", "有", "多了", NULL};
  static CnkgWordList have_list = CNKG_WORDLIST(HAVE);
  static const char *const ONE[] = {"另一个", "另外一个", "另一重", "一个新", "一个", "新的",
                                    NULL};
  static CnkgWordList one_list = CNKG_WORDLIST(ONE);
  size_t cb = ge + cnkg_wordlist_at(&also_list, c->s, ge, sceil);
  if (cb == ge) {
    size_t q = ge + cnkg_wordlist_at(&have_list, c->s, ge, sceil);
    size_t ol = cnkg_wordlist_at(&one_list, c->s, q, sceil);
    if (q == ge || !ol || !cnkg_wordlist_word_at(c->s, q + ol, sceil, "身份")) return false;
    q += ol + 6;
    if (cnkg_wordlist_word_at(c->s, q, sceil, "是")) q += CNKG_HAN_BYTES;
    else if (person_is_comma(c->s, c->len, q) || c->s[q] == ':') q += c->s[q] == ',' || c->s[q] == ':' ? 1 : CNKG_HAN_BYTES;
    else if (cnkg_wordlist_word_at(c->s, q, sceil, "：")) q += CNKG_HAN_BYTES;
    else return false;
    cb = q;
  }
  size_t ce = clause_end(c, sceil, cb);
  if (!cnkg_wordlist_before(&person_cores_list, c->s, cb, ce)) return false;
  for (size_t q = cb; q < ce;) {
    size_t adv = cnkg_wordlist_at(&person_cores_list, c->s, q, ce);
    size_t ml = cnkg_wordlist_at(&person_modifiers_list, c->s, q, ce);
    if (ml > adv) adv = ml;
    if (!adv && cnkg_wordlist_word_at(c->s, q, ce, "的")) adv = CNKG_HAN_BYTES;
    for (size_t k = person_sp_reaching(c, q); k < c->nsp && c->sp[k].begin <= q; k++)
      if (c->sp[k].end > q && c->sp[k].end <= ce && c->sp[k].end - q > adv) adv = c->sp[k].end - q;
    if (!adv) return false;
    q += adv;
  }
  if (!post_after(c, cb, ce, false, b, p)) return false;
  /* 某村的妇联主席: the place or body before 的, when the title's words
   * placed it nowhere */
  for (size_t k = person_sp_reaching(c, cb); k < c->nsp && c->sp[k].begin < ce && !p->n_where; k++)
    if (c->sp[k].begin >= cb && cnkg_wordlist_word_at(c->s, c->sp[k].end, ce, "的"))
      post_where(p, c->sp[k].entity);
  return true;
}

/* X来自某县某乡, X所在的某街道, X的故乡在某村, X原来的老宅位于某村, X一家
 * 入住某村: where the person lives, comes from or moves in, the innermost
 * place of the chain right after those words (after the name ending at
 * ge). */
static bool home_post(const Ctx *c, size_t ge, size_t sceil, Post *p) {
  static const char *const HOME[] = {"来自", "所在的", "的故乡在", "的老家在", "老家在",
                                     "的家在", "家住", "家住在", "的老家位于", "老家位于",
                                     "的老宅位于", "老宅位于", "原来的老宅位于",
                                     "原来的家在", NULL};
  static CnkgWordList home_list = CNKG_WORDLIST(HOME);
  /* X一家入住某村, X搬进了某社区: where the person moves in */
  static const char *const FAMILY[] = {"一家人", "一家", "全家", NULL};
  static CnkgWordList family_list = CNKG_WORDLIST(FAMILY);
  static const char *const MOVE_IN[] = {"入住", "住进", "搬进", "搬入", "搬到", "搬迁到",
                                        "搬迁至", NULL};
  static CnkgWordList move_in_list = CNKG_WORDLIST(MOVE_IN);
  size_t q = ge + cnkg_wordlist_at(&home_list, c->s, ge, sceil), last = SIZE_MAX;
  if (q == ge) {
    size_t f = ge + cnkg_wordlist_at(&family_list, c->s, ge, sceil);
    size_t ml = cnkg_wordlist_at(&move_in_list, c->s, f, sceil);
    if (!ml) return false;
    q = f + ml;
    if (cnkg_wordlist_word_at(c->s, q, sceil, "了")) q += CNKG_HAN_BYTES;
  }
  for (bool moved = true; moved;) {
    moved = false;
    size_t adv = 0;
    for (size_t k = person_sp_from(c, q); k < c->nsp && c->sp[k].begin == q; k++)
      if (cnkg_type_is_place(c->sp[k].type) && c->sp[k].end - q > adv) {
        adv = c->sp[k].end - q;
        last = c->sp[k].entity;
      }
    if (adv) {
      q += adv;
      moved = true;
    }
  }
  if (last == SIZE_MAX) return false;
  memset(p, 0, sizeof *p);
  p->role = true;
  post_where(p, last);
  return true;
}

/* 从某县某村搬迁到…, 从老家某村来到…: where the one person a sentence
 * names lived before a move, the innermost place of the chain after 从
 * when a verb of moving follows it. The name at [b, ge) must be the only
 * person of the sentence [sfloor, sceil). */
static bool moved_post(const Ctx *c, size_t b, size_t ge, size_t sfloor, size_t sceil,
                       Post *p) {
  static const char *const FROM[] = {"从老家", "从原来的", "从", NULL};
  static CnkgWordList from_list = CNKG_WORDLIST(FROM);
  static const char *const MOVE[] = {"搬迁到", "搬迁至", "搬到", "迁到", "迁至", "迁往",
                                     "迁入", "搬进", "搬入", "来到", "移民到", NULL};
  static CnkgWordList move_list = CNKG_WORDLIST(MOVE);
  for (size_t q = sfloor; q < sceil;) {
    if ((q < b || q >= ge) && person_covered_by_mention(c, q, q + 1)) return false;
    cnkg_utf8_next(c->s, sceil, &q);
  }
  for (size_t q = sfloor; q < sceil;) {
    size_t fl = cnkg_wordlist_at(&from_list, c->s, q, sceil);
    if (!fl) {
      cnkg_utf8_next(c->s, sceil, &q);
      continue;
    }
    size_t r = q + fl, last = SIZE_MAX;
    for (bool moved = true; moved;) {
      moved = false;
      size_t adv = 0;
      for (size_t k = person_sp_from(c, r); k < c->nsp && c->sp[k].begin == r; k++)
        if (cnkg_type_is_place(c->sp[k].type) && c->sp[k].end - r > adv) {
          adv = c->sp[k].end - r;
          last = c->sp[k].entity;
        }
      if (adv) {
        r += adv;
        moved = true;
      }
    }
    if (last != SIZE_MAX && cnkg_wordlist_at(&move_list, c->s, r, sceil)) {
      memset(p, 0, sizeof *p);
      p->role = true;
      post_where(p, last);
      return true;
    }
    q += fl;
  }
  return false;
}

/* 某工作队，主要成员包括A、队员B(…)和C: the members a sentence lists after
 * 成员包括 belong to the organisation it named before those words (the
 * name at b is among them when no full stop comes between). */
static bool member_post(const Ctx *c, size_t b, size_t sfloor, Post *p) {
  static const char *const MEMBERS[] = {"成员包括", "成员有", "成员为", "队员有", "队员包括",
                                        NULL};
  static CnkgWordList members_list = CNKG_WORDLIST(MEMBERS);
  size_t floor = b > sfloor + 400 ? b - 400 : sfloor;
  for (size_t q = b; q > floor;) {
    size_t l = cnkg_wordlist_before(&members_list, c->s, floor, q);
    if (l) {
      /* the organisation named last before those words, in the sentence */
      size_t at = q - l, who = SIZE_MAX, end = 0, begin = 0;
      for (size_t k = person_sp_reaching(c, sfloor); k < c->nsp && c->sp[k].begin < at; k++)
        if (c->sp[k].type == CNKG_TYPE_ORGANIZATION && c->sp[k].end <= at &&
            c->sp[k].begin >= sfloor && c->sp[k].end >= end) {
          end = c->sp[k].end;
          begin = c->sp[k].begin;
          who = c->sp[k].entity;
        }
      if (who == SIZE_MAX) return false;
      memset(p, 0, sizeof *p);
      p->role = true;
      post_where(p, who);
      /* a team named after its place (某镇驻镇帮扶工作队): that place too */
      if (strstr(cnkg_graph_entity(c->st->graph, who)->label, "工作队")) {
        size_t pl = SIZE_MAX, len = 0;
        for (size_t k = person_sp_from(c, begin); k < c->nsp && c->sp[k].begin == begin; k++)
          if (cnkg_type_is_place(c->sp[k].type) && c->sp[k].end < end &&
              c->sp[k].end - begin > len) {
            len = c->sp[k].end - begin;
            pl = c->sp[k].entity;
          }
        if (pl != SIZE_MAX) post_where(p, pl);
      }
      return true;
    }
    q = person_prev_char(c->s, q);
    if (c->s[q] == ';' || cnkg_wordlist_word_at(c->s, q, b, "；")) return false;
  }
  return false;
}

/* X成立了某合作社 / X受某部和某局委派: bodies a person founded or works for,
 * after the name ending at ge. */
static bool founded_post(const Ctx *c, size_t ge, size_t sceil, Post *p) {
  memset(p, 0, sizeof *p);
  static const char *const FOUND[] = {"成立", "创立", "创办", "领办", "组建", "注册", NULL};
  static CnkgWordList found_list = CNKG_WORDLIST(FOUND);
  static const char *const SENT[] = {"委派", "选派", "派驻", "派遣", "指派", NULL};
  static CnkgWordList sent_list = CNKG_WORDLIST(SENT);
  size_t ce = sceil;
  if (cnkg_wordlist_word_at(c->s, ge, c->len, "受")) {
    size_t q = ge + CNKG_HAN_BYTES;
    for (;;) {
      size_t adv = 0, ent = SIZE_MAX;
      for (size_t k = person_sp_from(c, q); k < c->nsp && c->sp[k].begin == q; k++)
        if (c->sp[k].type == CNKG_TYPE_ORGANIZATION && c->sp[k].end - q > adv) {
          adv = c->sp[k].end - q;
          ent = c->sp[k].entity;
        }
      if (!adv) break;
      q += adv;
      post_where(p, ent);
      if (cnkg_wordlist_word_at(c->s, q, c->len, "和") ||
          cnkg_wordlist_word_at(c->s, q, c->len, "、"))
        q += CNKG_HAN_BYTES;
    }
    if (!cnkg_wordlist_at(&sent_list, c->s, q, c->len)) p->n_where = 0;
  }
  for (size_t q = ge; q < ce && p->n_where == 0;) {
    size_t fl = cnkg_wordlist_at(&found_list, c->s, q, ce);
    if (fl) {
      size_t r0 = q + fl;
      if (cnkg_wordlist_word_at(c->s, r0, ce, "了")) r0 += CNKG_HAN_BYTES;
      while (cnkg_wordlist_word_at(c->s, r0, ce, "“")) r0 += CNKG_HAN_BYTES;
      for (size_t k = person_sp_from(c, r0); k < c->nsp && c->sp[k].begin <= r0 + 12; k++)
        if (c->sp[k].type == CNKG_TYPE_ORGANIZATION && c->sp[k].end <= ce) {
          post_where(p, c->sp[k].entity);
          break;
        }
      break;
    }
    /* another person acting ends the search */
    if (person_covered_by_mention(c, q, q + 1) && q >= ge) break;
    cnkg_utf8_next(c->s, c->len, &q);
  }
  if (!p->n_where) return false;
  p->role = true;
  return true;
}

/* 在某村,[title]X: the place of the clause before the one (from cs) that
 * holds the title before the name at gb. */
static bool clause_place_post(const Ctx *c, size_t sfloor, size_t cs, size_t gb, Post *p) {
  bool lead;
  if (title_start(c, cs, gb, &lead) != cs) return false;
  size_t pe = person_prev_char(c->s, cs);
  if (!person_is_comma(c->s, c->len, pe)) return false;
  size_t ps = clause_start(c, sfloor, pe);
  if (!cnkg_wordlist_word_at(c->s, ps, pe, "在")) return false;
  size_t q = ps + CNKG_HAN_BYTES, last = SIZE_MAX;
  bool moved = true;
  while (moved && q < pe) {
    moved = false;
    for (size_t k = person_sp_from(c, q); k < c->nsp && c->sp[k].begin == q; k++)
      if (cnkg_type_is_place(c->sp[k].type)) {
        q = c->sp[k].end;
        last = c->sp[k].entity;
        moved = true;
        break;
      }
  }
  if (q != pe || last == SIZE_MAX) return false;
  memset(p, 0, sizeof *p);
  p->role = true;
  post_where(p, last);
  return true;
}

/* 该村 / 这个村 in the clause [cs, gb) before the name: the village just
 * named, unless out[0, n) has it already. Returns the new n. */
static size_t anaphora_posts(const Ctx *c, size_t cs, size_t gb, Post *out, size_t n,
                             size_t max) {
  for (size_t k = 0; person_anaphora[k] && n < max; k++) {
    const char *a = person_anaphora[k];
    size_t al = strlen(a);
    for (size_t q = cs; q + al <= gb; q++) {
      if (memcmp(c->s + q, a, al) != 0) continue;
      CnkgType lv = strstr(a, "村") ? CNKG_TYPE_VILLAGE
                    : strstr(a, "县") ? CNKG_TYPE_COUNTY
                                     : CNKG_TYPE_TOWNSHIP;
      size_t e = nearest_of_type(c, q, lv, 0);
      if (e == SIZE_MAX) break;
      bool have = false;
      for (size_t j = 0; j < n; j++)
        for (size_t w = 0; w < out[j].n_where; w++) have |= out[j].where[w] == e;
      if (!have) {
        Post *p = &out[n];
        memset(p, 0, sizeof *p);
        p->role = true;
        post_where(p, e);
        n++;
      }
      break;
    }
  }
  return n;
}

static bool media_label(const char *l) {
  static const char *const MEDIA[] = {"报", "网", "台", "刊", "客户端", "在线", "杂志社",
                                      "报社", NULL};
  static CnkgWordList media_list = CNKG_WORDLIST(MEDIA);
  return cnkg_wordlist_before(&media_list, l, 0, strlen(l)) > 0;
}

/* 某日报 X, 某报 X 摄: names that close a line right after a news outlet,
 * with no credit word between, write or shoot for it. [gb, ge) is the list
 * of names in the sentence [sfloor, sceil). */
static bool outlet_post(const Ctx *c, size_t gb, size_t ge, size_t sfloor, size_t sceil,
                        Post *p) {
  size_t e = ge;
  while (e < sceil && c->s[e] == ' ') e++;
  if (cnkg_wordlist_word_at(c->s, e, sceil, "摄")) e += CNKG_HAN_BYTES;
  while (e < sceil && c->s[e] == ' ') e++;
  if (e != sceil) return false;
  size_t q = gb;
  while (q > sfloor && c->s[q - 1] == ' ') q--;
  for (size_t k = person_sp_reaching(c, q); k < c->nsp && c->sp[k].begin < q; k++)
    if (c->sp[k].end == q && c->sp[k].type == CNKG_TYPE_ORGANIZATION &&
        media_label(cnkg_graph_entity(c->st->graph, c->sp[k].entity)->label)) {
      memset(p, 0, sizeof *p);
      p->role = true;
      post_where(p, c->sp[k].entity);
      return true;
    }
  return false;
}

/* Posts stated around a mention at b (gb: start of its 、-list, ge: end of
 * the list). */
static size_t find_posts(const Ctx *c, size_t b, size_t gb, size_t ge, bool own, Post *out,
                         size_t max) {
  size_t sent = person_sentence_of(c, b);
  const CnkgText *t = c->st->text;
  size_t sfloor = sent < t->n_sentences ? t->sentences[sent].begin : 0;
  size_t sceil = sent < t->n_sentences ? t->sentences[sent].end : c->len;
  size_t n = posts_before(c, b, gb, sfloor, own, out, max);
  if (n == 0 && n < max && outlet_post(c, gb, ge, sfloor, sceil, &out[n])) n++;
  /* NAME总书记, NAME书记说: a title right after the name */
  size_t after = cnkg_wordlist_at(&person_cores_list, c->s, ge, c->len);
  /* ...unless another name follows it (记者X通讯员Y, 编辑:X责编:Y) */
  size_t next = ge + after;
  if (next < c->len && (c->s[next] == ':' || c->s[next] == '/')) next++;
  if (after && n < max && !(next + CNKG_HAN_BYTES <= c->len && person_covered_by_mention(c, next, next + CNKG_HAN_BYTES)) &&
      !(ge + after < c->len && cnkg_wordlist_at(&person_cores_list, c->s, ge + after, c->len))) {
    Post *p = &out[n];
    memset(p, 0, sizeof *p);
    finish_post(c, ge, ge + after, false, b, p);
    n++;
  }
  size_t at_verb;
  size_t vl = post_verb(c, sceil, &ge, &at_verb);
  if (!vl && at_verb != ge && n < max && person_is_comma(c->s, c->len, at_verb) &&
      origin_post(c, sceil, at_verb, &out[n]))
    n++;
  bool appos = false;
  if (!vl && (person_is_comma(c->s, c->len, ge) || cnkg_wordlist_word_at(c->s, ge, c->len, "（"))) {
    vl = CNKG_HAN_BYTES;
    appos = true;
  }
  size_t n_verb = n;
  if (vl && n < max && post_by_verb(c, b, ge, vl, appos, sent, sfloor, sceil, &out[n])) n++;
  if (n == n_verb && n < max && later_post(c, b, ge, sceil, &out[n])) n++;
  if (n == n_verb && n < max && identity_post(c, b, ge, sceil, &out[n])) n++;
  if (n < max && founded_post(c, ge, sceil, &out[n])) n++;
  if (n < max && home_post(c, ge, sceil, &out[n])) n++;
  if (n < max && moved_post(c, b, ge, sfloor, sceil, &out[n])) n++;
  if (n < max && member_post(c, b, sfloor, &out[n])) n++;
  size_t cs = clause_start(c, sfloor, gb);
  if (n < max && cs > sfloor && clause_place_post(c, sfloor, cs, gb, &out[n])) n++;
  return anaphora_posts(c, cs, gb, out, n, max);
}

/* The credit a byline gives the name at b (通讯员 X Y, 新京报记者 X): the
 * nearest credit word before it on its line, past at most three other
 * names, with the outlet named before it. False when there is none. */
static bool byline_post(const Ctx *c, size_t b, Post *p) {
  static const char *const CREDITS[] = {"记者", "通讯员", "实习生", "摄影", "责任编辑",
                                        "责编", "编辑", NULL};
  static CnkgWordList credits_list = CNKG_WORDLIST(CREDITS);
  size_t floor = b > 48 ? b - 48 : 0;
  for (size_t q = b; q > floor;) {
    size_t n = cnkg_wordlist_before(&credits_list, c->s, floor, q);
    if (n) {
      bool role;
      size_t tb = title_start(c, floor, q, &role);
      if (tb >= q) tb = q - n;
      finish_post(c, tb, q, false, b, p);
      p->paper = cnkg_wordlist_word_before(c->s, floor, tb, "本报");
      return true;
    }
    q = person_prev_char(c->s, q);
    uint32_t cp = person_cp_at(c->s, c->len, q);
    if (cp == '\n') {
      /* 某报记者 / X 摄: a photo credit split from the caption keeps the
       * credit word at the end of the line before */
      size_t r = q;
      while (r > floor && (c->s[r - 1] == '\n' || c->s[r - 1] == ' ')) r--;
      if (!cnkg_wordlist_before(&credits_list, c->s, floor, r)) break;
      q = r;
      continue;
    }
    if (!cnkg_is_han(cp) && cp != ':' && cp != '/' && cp != ' ') break;
  }
  return false;
}

/* True when a name at b opens a credit piece that furniture split from the
 * caption or line before it (本报记者 | X 摄). */
static bool credit_start(const Ctx *c, size_t b) {
  if (b == SIZE_MAX || b == 0) return false;
  if (c->s[b - 1] == '\n') return true;
  size_t sent = person_sentence_of(c, b);
  const CnkgText *t = c->st->text;
  return sent < t->n_sentences && t->sentences[sent].credit && t->sentences[sent].begin == b;
}

/* The posts stated for mention k (at most max). They are worked out again
 * where needed rather than kept for every mention: a document may name
 * millions of people. list_end: per list id, the end of its last mention. */
size_t post_mention_posts(const Ctx *c, size_t k, const size_t *list_end, Post *out,
                          size_t max) {
  const Mention *m = &c->m.v[k];
  size_t n = 0;
  if (m->ref) return 0;
  if (m->reporter && n < max) {
    Post *p = &out[n++];
    memset(p, 0, sizeof *p);
    if (m->begin == SIZE_MAX || !byline_post(c, m->begin, p)) strcpy(p->title, "记者");
  } else if ((m->byline || credit_start(c, m->begin)) && m->begin != SIZE_MAX && n < max) {
    /* 新京报记者 X 摄, 特约摄影 X: a credit before a photo credit (the
     * analyser may have found the name before the credit rules did) */
    memset(&out[n], 0, sizeof out[n]);
    if (byline_post(c, m->begin, &out[n])) n++;
  }
  if (m->begin != SIZE_MAX && !m->byline) {
    size_t gb = c->m.v[person_group_of(c, k)].begin, ge = m->end;
    if (list_end[m->list] > ge) ge = list_end[m->list];
    bool own = n < max && bracket_post(c, m->begin, m->end, &out[n]);
    if (own) n++;
    n += find_posts(c, m->begin, gb, ge, own, out + n, max - n);
  }
  /* The page's reporters, editors and photographers work for the outlet
   * it comes from (来源:X), unless their credit names another. */
  if (c->outlet != SIZE_MAX) {
    static const char *const STAFF[] = {"记者", "编辑", "责编", "摄影", NULL};
    for (size_t q = 0; q < n; q++) {
      bool credit = false, elsewhere = false;
      for (size_t w = 0; STAFF[w] && !credit; w++) credit = strstr(out[q].title, STAFF[w]) != NULL;
      for (size_t w = 0; w < out[q].n_where; w++)
        elsewhere |= cnkg_graph_entity(c->st->graph, out[q].where[w])->type ==
                     CNKG_TYPE_ORGANIZATION;
      /* 本报记者 on a page a website carries: the paper is not that site */
      bool site = out[q].paper && !strstr(cnkg_graph_entity(c->st->graph, c->outlet)->label, "报");
      if (credit && !elsewhere && !site) post_where(&out[q], c->outlet);
    }
  }
  return n;
}


/* ---- what posts hang on, once per document ---- */

/* The village the document names most, when it is named at least twice
 * and more often than any other village. */
static CnkgStatus find_main_village(Ctx *c) {
  c->main_village = SIZE_MAX;
  size_t nv = c->n_of_type[CNKG_TYPE_VILLAGE];
  if (nv == 0) return CNKG_SUCCESS;
  size_t n_ent = cnkg_graph_entity_count(c->st->graph);
  size_t *count = calloc(n_ent + 1, sizeof *count);
  if (!count) return CNKG_ERR_NOMEM;
  for (size_t k = 0; k < nv; k++) {
    size_t e = c->sp[c->sp_of_type[CNKG_TYPE_VILLAGE][k]].entity;
    if (e < n_ent) count[e]++;
  }
  size_t best = SIZE_MAX, best_n = 0, second_n = 0;
  for (size_t k = 0; k < nv; k++) {
    size_t e = c->sp[c->sp_of_type[CNKG_TYPE_VILLAGE][k]].entity;
    if (e >= n_ent || e == best) continue;
    if (count[e] > best_n) {
      second_n = best_n;
      best_n = count[e];
      best = e;
    } else if (count[e] > second_n) {
      second_n = count[e];
    }
  }
  free(count);
  /* named twice and more than any other, or the only village named */
  if ((best_n >= 2 && best_n > second_n) || (best_n == 1 && second_n == 0))
    c->main_village = best;
  return CNKG_SUCCESS;
}

/* The party branches the document names after its villages (X村党支部). */
static void find_branches(Ctx *c) {
  const CnkgGraph *g = c->st->graph;
  c->n_branch = 0;
  for (size_t k = 0; k < c->n_of_type[CNKG_TYPE_ORGANIZATION] && c->n_branch < 16; k++) {
    size_t o = c->sp[c->sp_of_type[CNKG_TYPE_ORGANIZATION][k]].entity;
    const char *ol = cnkg_graph_entity(g, o)->label;
    size_t on = strlen(ol), sl = strlen("党支部");
    if (on <= sl || strcmp(ol + on - sl, "党支部") != 0) continue;
    bool seen = false;
    for (size_t j = 0; j < c->n_branch && !seen; j++) seen = c->branch[j][1] == o;
    if (seen) continue;
    /* the first villages suffice: a branch is named near its village */
    for (size_t v = 0; v < c->n_of_type[CNKG_TYPE_VILLAGE] && v < 4096; v++) {
      size_t ve = c->sp[c->sp_of_type[CNKG_TYPE_VILLAGE][v]].entity;
      const char *vl = cnkg_graph_entity(g, ve)->label;
      if (strlen(vl) == on - sl && memcmp(vl, ol, on - sl) == 0) {
        c->branch[c->n_branch][0] = ve;
        c->branch[c->n_branch][1] = o;
        c->n_branch++;
        break;
      }
    }
  }
}

/* The news outlet a page comes from: the one named after 来源 (来源:X日报),
 * else one named at the head of the page (its first 300 bytes). */
static void find_outlet(Ctx *c) {
  c->outlet = SIZE_MAX;
  size_t head = SIZE_MAX;
  for (size_t k = 0; k < c->n_of_type[CNKG_TYPE_ORGANIZATION]; k++) {
    const Sp *x = &c->sp[c->sp_of_type[CNKG_TYPE_ORGANIZATION][k]];
    const char *l = cnkg_graph_entity(c->st->graph, x->entity)->label;
    if (!media_label(l)) continue;
    size_t q = x->begin;
    while (q > 0 && (c->s[q - 1] == ':' || c->s[q - 1] == ' ')) q--;
    if (cnkg_wordlist_word_before(c->s, 0, q, "来源")) {
      c->outlet = x->entity;
      return;
    }
    if (head == SIZE_MAX && x->begin < 300) head = x->entity;
  }
  c->outlet = head;
}

CnkgStatus post_prepare(Ctx *c) {
  CnkgStatus s = find_main_village(c);
  if (s) return s;
  find_branches(c);
  find_outlet(c);
  return CNKG_SUCCESS;
}
