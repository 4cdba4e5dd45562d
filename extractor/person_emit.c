/* SPDX-License-Identifier: Apache-2.0
 * Person emission: the people of a document, one per distinct full name
 * keyed by the county their posts tie them to, their mentions (names known
 * from the metadata only are found in the original text along a trie of
 * their characters) and their posts as entities and relations. Part of the
 * person recogniser; depends on person_int.h, surname.h and cnkg/intern.h. */
#include "extractor/person_int.h"
#include "extractor/surname.h"

/* Bylines that intake moved into the metadata: a mention at the name's
 * first place in the original, found allowing spaces between its
 * characters (李 明). All such names are looked for in one pass over the
 * original, along a trie of their characters, so many bylines cost no
 * more than one. A gap of more than SPACES_MAX spaces ends a match. */
#define SPACES_MAX 16

typedef struct {
  size_t node;        /* trie node the key leads from */
  uint32_t cp;        /* code point */
} TrieKey;

typedef struct {
  CnkgIntern edges;   /* TrieKey bytes -> edge id; the child is id + 1 */
  size_t *name_of;    /* per node: index into names, or SIZE_MAX */
  size_t n_nodes, cap_nodes;
} Trie;

static size_t trie_child(const Trie *t, size_t node, uint32_t cp) {
  TrieKey k;
  memset(&k, 0, sizeof k);
  k.node = node;
  k.cp = cp;
  size_t id;
  return cnkg_intern_find(&t->edges, &k, sizeof k, &id) ? SIZE_MAX : id + 1;
}

static CnkgStatus trie_add(Trie *t, const char *name, size_t index) {
  size_t node = 0, len = strlen(name);
  for (size_t i = 0; i < len;) {
    TrieKey k;
    memset(&k, 0, sizeof k);
    k.node = node;
    k.cp = cnkg_utf8_next(name, len, &i);
    size_t id;
    CnkgStatus s = cnkg_intern_add(&t->edges, &k, sizeof k, &id);
    if (s) return s;
    node = id + 1;
    if (node >= t->cap_nodes) {
      size_t cap = t->cap_nodes ? t->cap_nodes * 2 : 64;
      while (cap <= node) cap *= 2;
      size_t *v = realloc(t->name_of, cap * sizeof *v);
      if (!v) return CNKG_ERR_NOMEM;
      for (size_t q = t->cap_nodes; q < cap; q++) v[q] = SIZE_MAX;
      t->name_of = v;
      t->cap_nodes = cap;
    }
  }
  if (node && t->name_of[node] == SIZE_MAX) t->name_of[node] = index;
  return CNKG_SUCCESS;
}

/* For each of names[0, n) (no spaces inside), the code-point range of its
 * first occurrence in t->orig into ob[i], oe[i], or SIZE_MAX when none. */
static CnkgStatus find_in_orig(const CnkgText *t, const char *const *names, size_t n,
                               size_t *ob, size_t *oe) {
  Trie trie = {{0}, NULL, 0, 0};
  CnkgStatus s = CNKG_SUCCESS;
  for (size_t i = 0; i < n; i++) ob[i] = oe[i] = SIZE_MAX;
  for (size_t i = 0; i < n && !s; i++) s = trie_add(&trie, names[i], i);
  size_t left = n;
  const char *o = t->orig;
  size_t cp = 0;
  for (size_t i = 0; i < t->orig_len && left && !s; cp++) {
    size_t j = i, cpj = cp, node = 0, spaces = 0;
    while (j < t->orig_len) {
      size_t jj = j;
      uint32_t c = cnkg_utf8_next(o, t->orig_len, &jj);
      size_t child = trie_child(&trie, node, c);
      if (child != SIZE_MAX) {
        node = child;
        j = jj;
        cpj++;
        spaces = 0;
        size_t k = trie.name_of[node];
        if (k != SIZE_MAX && ob[k] == SIZE_MAX) {
          ob[k] = cp;
          oe[k] = cpj;
          left--;
        }
      } else if (node && (c == ' ' || c == 0x3000) && spaces++ < SPACES_MAX) {
        j = jj;
        cpj++;
      } else {
        break;
      }
    }
    cnkg_utf8_next(o, t->orig_len, &i);
  }
  cnkg_intern_free(&trie.edges);
  free(trie.name_of);
  return s;
}

/* The key context of a person: the county (or the place) the document ties
 * them to, so that the same name in two counties makes two persons. */
static char *person_context(const CnkgGraph *g, size_t place) {
  if (place == SIZE_MAX) return cnkg_strndup("", 0);
  const CnkgEntity *e = cnkg_graph_entity(g, place);
  if (e->code && strlen(e->code) >= 6 && e->type >= CNKG_TYPE_COUNTY) {
    char buf[32];
    snprintf(buf, sizeof buf, "place/%.6s", e->code);
    return cnkg_strndup(buf, strlen(buf));
  }
  return cnkg_strndup(e->key, strlen(e->key));
}

typedef struct {
  char *name;
  size_t entity;
  size_t ctx_place;
} Person;

static CnkgStatus emit_post(Ctx *c, size_t person, const Person *pp, const Post *p,
                            size_t sentence) {
  CnkgDocState *st = c->st;
  CnkgStatus s = CNKG_SUCCESS;
  for (size_t k = 0; k < p->n_where && !s; k++)
    s = cnkg_docstate_relate(st, person, CNKG_REL_ASSOCIATED_WITH, p->where[k], NULL, sentence);
  if (s) return s;
  if (!p->title[0]) return CNKG_SUCCESS;
  if (!p->role) {
    s = cnkg_docstate_relate(st, person, CNKG_REL_TITLE, SIZE_MAX, p->title, sentence);
    if (s) return s;
  }
  size_t at = p->n_where ? p->where[0] : SIZE_MAX;
  const char *pkey = cnkg_graph_entity(st->graph, person)->key;
  const char *akey = at != SIZE_MAX ? cnkg_graph_entity(st->graph, at)->key : "";
  size_t ctxlen = strlen(pkey) + strlen(akey) + 2;
  char *ctx = malloc(ctxlen);
  if (!ctx) return CNKG_ERR_NOMEM;
  snprintf(ctx, ctxlen, "%s|%s", pkey, akey);
  char *key = cnkg_graph_key_hash(CNKG_TYPE_POST, p->title, ctx);
  free(ctx);
  if (!key) return CNKG_ERR_NOMEM;
  const char *alabel = at != SIZE_MAX ? cnkg_graph_entity(st->graph, at)->label : "";
  size_t ll = strlen(alabel) + strlen(p->title) + strlen(pp->name) + 2;
  char *label = malloc(ll);
  if (!label) {
    free(key);
    return CNKG_ERR_NOMEM;
  }
  snprintf(label, ll, "%s%s %s", alabel, p->title, pp->name);
  size_t post;
  s = cnkg_graph_add_entity(st->graph, key, CNKG_TYPE_POST, label, &post);
  free(key);
  free(label);
  if (s) return s;
  s = cnkg_docstate_relate(st, person, CNKG_REL_HOLDS_POST, post, NULL, sentence);
  if (!s && at != SIZE_MAX)
    s = cnkg_docstate_relate(st, post, CNKG_REL_POST_AT, at, NULL, sentence);
  for (size_t k = 1; k < p->n_where && !s; k++)
    if (cnkg_graph_entity(st->graph, p->where[k])->type == CNKG_TYPE_ORGANIZATION)
      s = cnkg_docstate_relate(st, post, CNKG_REL_POST_AT, p->where[k], NULL, sentence);
  if (!s) s = cnkg_docstate_relate(st, post, CNKG_REL_POST_TITLE, SIZE_MAX, p->title, sentence);
  if (!s && p->time[0])
    s = cnkg_docstate_relate(st, post, CNKG_REL_POST_TIME, SIZE_MAX, p->time, sentence);
  return s;
}

static size_t first_place(const CnkgGraph *g, const Post *posts, size_t n) {
  for (size_t k = 0; k < n; k++)
    for (size_t w = 0; w < posts[k].n_where; w++)
      if (cnkg_type_is_place(cnkg_graph_entity(g, posts[k].where[w])->type))
        return posts[k].where[w];
  return SIZE_MAX;
}

/* The people of a document: one per distinct name of a full mention, in
 * the order first named, and who each mention and surname points at. */
typedef struct {
  CnkgIntern names;    /* ids are indices into v */
  Person *v;
  size_t n;
  size_t *of;          /* per mention: its person, or SIZE_MAX */
  bool *byline_only;   /* per person: named in bylines only */
  CnkgIntern surnames; /* surnames of the people */
  size_t *sur_hits;    /* per surname: people with it */
  size_t *sur_person;  /* per surname: the last of them */
  size_t *list_end;    /* per list id: the end of its last mention */
} People;

static void people_free(People *p) {
  cnkg_intern_free(&p->names);
  cnkg_intern_free(&p->surnames);
  free(p->v);
  free(p->of);
  free(p->byline_only);
  free(p->sur_hits);
  free(p->sur_person);
  free(p->list_end);
}

/* Finds the people and adds their entities: a person's key place is the
 * first place among the posts of their mentions (else the document's,
 * unless named only in bylines). */
static CnkgStatus people_make(Ctx *c, People *p) {
  CnkgDocState *st = c->st;
  size_t nm = c->m.n;
  Post posts[6];
  memset(p, 0, sizeof *p);
  p->list_end = calloc(nm + 1, sizeof *p->list_end);
  p->of = malloc((nm + 1) * sizeof *p->of);
  p->v = calloc(nm + 1, sizeof *p->v);
  p->byline_only = malloc((nm + 1) * sizeof *p->byline_only);
  if (!p->list_end || !p->of || !p->v || !p->byline_only) return CNKG_ERR_NOMEM;
  for (size_t k = 0; k < nm; k++) {
    const Mention *m = &c->m.v[k];
    if (!m->ref && m->begin != SIZE_MAX && m->end > p->list_end[m->list])
      p->list_end[m->list] = m->end;
  }
  CnkgStatus s = CNKG_SUCCESS;
  for (size_t k = 0; k < nm && !s; k++) {
    const Mention *m = &c->m.v[k];
    size_t j;
    p->of[k] = SIZE_MAX;
    if (m->ref) continue;
    if ((s = cnkg_intern_add(&p->names, m->name, strlen(m->name), &j))) break;
    if (j == p->n) {
      p->v[p->n] = (Person){m->name, SIZE_MAX, SIZE_MAX};
      p->byline_only[p->n++] = true;
    }
    p->of[k] = j;
    if (!m->byline) p->byline_only[j] = false;
    if (p->v[j].ctx_place == SIZE_MAX)
      p->v[j].ctx_place =
          first_place(st->graph, posts, post_mention_posts(c, k, p->list_end, posts, 6));
  }
  for (size_t j = 0; j < p->n && !s; j++) {
    size_t place = p->v[j].ctx_place;
    if (place == SIZE_MAX && !p->byline_only[j]) place = st->focus_place;
    char *ctx = person_context(st->graph, place);
    char *key = ctx ? cnkg_graph_key_hash(CNKG_TYPE_PERSON, p->v[j].name, ctx) : NULL;
    free(ctx);
    if (!key) return CNKG_ERR_NOMEM;
    s = cnkg_graph_add_entity(st->graph, key, CNKG_TYPE_PERSON, p->v[j].name,
                              &p->v[j].entity);
    free(key);
  }
  /* a reference (王书记) is to the one person of the document whose
   * surname it is, if there is only one */
  p->sur_hits = s ? NULL : calloc(p->n + 1, sizeof *p->sur_hits);
  p->sur_person = s ? NULL : calloc(p->n + 1, sizeof *p->sur_person);
  if (!s && (!p->sur_hits || !p->sur_person)) s = CNKG_ERR_NOMEM;
  for (size_t q = 0; q < p->n && !s; q++) {
    size_t sl = cnkg_surname_prefix(p->v[q].name, strlen(p->v[q].name)), id;
    if (!sl || (s = cnkg_intern_add(&p->surnames, p->v[q].name, sl, &id))) continue;
    p->sur_hits[id]++;
    p->sur_person[id] = q;
  }
  return s;
}

/* The person mention k is of, or SIZE_MAX. */
static size_t person_of(const Ctx *c, const People *p, size_t k) {
  const Mention *m = &c->m.v[k];
  if (!m->ref) return p->of[k];
  size_t id;
  if (cnkg_intern_find(&p->surnames, m->name, strlen(m->name), &id)) return SIZE_MAX;
  return p->sur_hits[id] == 1 ? p->sur_person[id] : SIZE_MAX;
}

CnkgStatus person_emit_all(Ctx *c) {
  CnkgDocState *st = c->st;
  size_t nm = c->m.n;
  People p;
  CnkgStatus s = people_make(c, &p);
  /* where the names known from the metadata only stand in the original */
  size_t n_meta = 0;
  for (size_t k = 0; k < nm; k++) n_meta += c->m.v[k].begin == SIZE_MAX;
  const char **meta = s ? NULL : malloc((n_meta + 1) * sizeof *meta);
  size_t *meta_b = s ? NULL : malloc((n_meta + 1) * sizeof *meta_b);
  size_t *meta_e = s ? NULL : malloc((n_meta + 1) * sizeof *meta_e);
  if (!s && (!meta || !meta_b || !meta_e)) s = CNKG_ERR_NOMEM;
  for (size_t k = 0, mi = 0; k < nm && !s; k++)
    if (c->m.v[k].begin == SIZE_MAX) meta[mi++] = c->m.v[k].name;
  if (!s && n_meta) s = find_in_orig(st->text, meta, n_meta, meta_b, meta_e);
  /* mentions, posts */
  Post posts[6];
  for (size_t k = 0, mi = 0; k < nm && !s; k++) {
    const Mention *m = &c->m.v[k];
    size_t mq = m->begin == SIZE_MAX ? mi++ : SIZE_MAX;
    size_t j = person_of(c, &p, k);
    if (j == SIZE_MAX) continue;
    size_t ent = p.v[j].entity;
    if (m->begin != SIZE_MAX)
      s = cnkg_docstate_mention(st, ent, m->sentence, m->begin, m->end);
    else if (meta_b[mq] != SIZE_MAX)
      s = cnkg_graph_add_mention(st->graph, ent, st->doc, st->cp_base + meta_b[mq],
                                 st->cp_base + meta_e[mq], m->name);
    size_t n = s ? 0 : post_mention_posts(c, k, p.list_end, posts, 6);
    for (size_t q = 0; q < n && !s; q++)
      s = emit_post(c, ent, &p.v[j], &posts[q], m->sentence);
  }
  free(meta);
  free(meta_b);
  free(meta_e);
  people_free(&p);
  return s;
}
