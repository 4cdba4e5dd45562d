/* SPDX-License-Identifier: Apache-2.0
 * The graph model: growable arrays of documents, entities and relations with
 * open-addressing hash indexes (entity key, document key, relation identity),
 * merge by key and canonical ordering. Depends on graph.h, status.h and
 * text.h (SHA-256 for hashed keys) only. */
#include "cnkg/graph.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cnkg/grow.h"
#include "cnkg/text.h"

/* ---- the graph -------------------------------------------------------- */

/* A hash index maps a 64-bit hash to an array index; SIZE_MAX is empty. */
typedef struct {
  size_t *slots;
  size_t size; /* power of two, or 0 */
  size_t used;
} Index;

struct CnkgGraph {
  CnkgDocument *docs;
  size_t n_docs, cap_docs;
  CnkgEntity *ents;
  size_t n_ents, cap_ents;
  bool *pinned; /* parallel to ents: label set with cnkg_graph_set_label */
  CnkgRelation *rels;
  size_t n_rels, cap_rels;
  Index doc_index, ent_index, rel_index;
  /* Evidence sentences and mention anchors, interned: the relations drawn
   * from one sentence share one copy, so a long sentence that states many
   * relations (or one relation many times) is stored once, and so is a
   * name mentioned many times. */
  char **sents;
  size_t n_sents, cap_sents;
  size_t recent[2]; /* the two strings interned last, most recent first */
  Index sent_index;
};

static uint64_t fnv_bytes(uint64_t h, const void *data, size_t len) {
  const unsigned char *p = data;
  for (size_t i = 0; i < len; i++) {
    h ^= p[i];
    h *= 1099511628211ull;
  }
  return h;
}

static uint64_t hash_str(const char *s) {
  return fnv_bytes(14695981039346656037ull, s, strlen(s));
}

static uint64_t hash_rel(size_t subject, CnkgRel rel, size_t object,
                         const char *literal) {
  uint64_t h = 14695981039346656037ull;
  uint64_t v[3] = {(uint64_t)subject, (uint64_t)rel, (uint64_t)object};
  h = fnv_bytes(h, v, sizeof v);
  if (literal) h = fnv_bytes(h, literal, strlen(literal));
  return h;
}

static void index_clear(Index *ix) {
  free(ix->slots);
  ix->slots = NULL;
  ix->size = ix->used = 0;
}

/* Inserts value at hash h without a duplicate check; grows at half load.
 * rehash(i) recomputes the hash of an existing value when growing. */
typedef uint64_t (*RehashFunc)(const CnkgGraph *graph, size_t value);

static CnkgStatus index_put(const CnkgGraph *graph, Index *ix, uint64_t h,
                            size_t value, RehashFunc rehash) {
  if ((ix->used + 1) * 2 > ix->size) {
    size_t nsize = ix->size ? ix->size * 2 : 64;
    size_t *ns = malloc(nsize * sizeof *ns);
    if (!ns) return CNKG_ERR_NOMEM;
    for (size_t i = 0; i < nsize; i++) ns[i] = SIZE_MAX;
    for (size_t i = 0; i < ix->size; i++) {
      size_t v = ix->slots[i];
      if (v == SIZE_MAX) continue;
      size_t j = (size_t)rehash(graph, v) & (nsize - 1);
      while (ns[j] != SIZE_MAX) j = (j + 1) & (nsize - 1);
      ns[j] = v;
    }
    free(ix->slots);
    ix->slots = ns;
    ix->size = nsize;
  }
  size_t j = (size_t)h & (ix->size - 1);
  while (ix->slots[j] != SIZE_MAX) j = (j + 1) & (ix->size - 1);
  ix->slots[j] = value;
  ix->used++;
  return CNKG_SUCCESS;
}

static uint64_t rehash_doc(const CnkgGraph *g, size_t i) {
  return hash_str(g->docs[i].key);
}
static uint64_t rehash_ent(const CnkgGraph *g, size_t i) {
  return hash_str(g->ents[i].key);
}
static uint64_t rehash_rel(const CnkgGraph *g, size_t i) {
  const CnkgRelation *r = &g->rels[i];
  return hash_rel(r->subject, r->rel, r->object, r->literal);
}

/* A hash of a (long) sentence, eight bytes at a time: FNV's byte loop
 * would make interning cost more than the copy it saves. */
static uint64_t hash_sentence(const char *s) {
  size_t len = strlen(s);
  uint64_t h = 14695981039346656037ull ^ len;
  size_t i = 0;
  for (; i + 8 <= len; i += 8) {
    uint64_t v;
    memcpy(&v, s + i, 8);
    h = (h ^ v) * 0x9E3779B97F4A7C15ull;
    h ^= h >> 29;
  }
  return fnv_bytes(h, s + i, len - i);
}

static uint64_t rehash_sent(const CnkgGraph *g, size_t i) {
  return hash_sentence(g->sents[i]);
}

static size_t find_doc(const CnkgGraph *g, const char *key) {
  if (!g->doc_index.size) return SIZE_MAX;
  size_t m = g->doc_index.size - 1, j = (size_t)hash_str(key) & m;
  for (; g->doc_index.slots[j] != SIZE_MAX; j = (j + 1) & m)
    if (strcmp(g->docs[g->doc_index.slots[j]].key, key) == 0)
      return g->doc_index.slots[j];
  return SIZE_MAX;
}

static size_t find_ent(const CnkgGraph *g, const char *key) {
  if (!g->ent_index.size) return SIZE_MAX;
  size_t m = g->ent_index.size - 1, j = (size_t)hash_str(key) & m;
  for (; g->ent_index.slots[j] != SIZE_MAX; j = (j + 1) & m)
    if (strcmp(g->ents[g->ent_index.slots[j]].key, key) == 0)
      return g->ent_index.slots[j];
  return SIZE_MAX;
}

static bool str_eq(const char *a, const char *b) {
  if (!a || !b) return a == b;
  return strcmp(a, b) == 0;
}

static size_t find_rel(const CnkgGraph *g, size_t subject, CnkgRel rel,
                       size_t object, const char *literal) {
  if (!g->rel_index.size) return SIZE_MAX;
  size_t m = g->rel_index.size - 1;
  size_t j = (size_t)hash_rel(subject, rel, object, literal) & m;
  for (; g->rel_index.slots[j] != SIZE_MAX; j = (j + 1) & m) {
    const CnkgRelation *r = &g->rels[g->rel_index.slots[j]];
    if (r->subject == subject && r->rel == rel && r->object == object &&
        str_eq(r->literal, literal))
      return g->rel_index.slots[j];
  }
  return SIZE_MAX;
}

/* Grows *array (n used) so one more element fits: capacity doubles when n
 * reaches a power of two >= 4, so no capacity needs storing. */
/* Arrays without a capacity field hold max(4, next power of two) elements. */
static CnkgStatus grow(void *array, size_t n, size_t elem) {
  size_t cap = 0;
  if (n)
    for (cap = 4; cap < n; cap *= 2) {
    }
  return cnkg_grow(array, &cap, n + 1, elem, 4);
}

static char *dup_or_null(const char *s, bool *failed) {
  if (!s) return NULL;
  char *d = cnkg_strndup(s, strlen(s));
  if (!d) *failed = true;
  return d;
}

static bool key_valid(const char *key) {
  if (!key || !*key) return false;
  for (const unsigned char *p = (const unsigned char *)key; *p; p++) {
    if (*p <= 0x20 || *p >= 0x7f) return false;
    if (strchr("<>\"{}|^`\\", *p)) return false;
  }
  return true;
}

CnkgGraph *cnkg_graph_new(void) { return calloc(1, sizeof(CnkgGraph)); }

static void free_document(CnkgDocument *d) {
  free(d->key);
  free(d->path);
  free(d->sha256);
  free(d->title);
  free(d->author);
  free(d->photographer);
  free(d->source);
  free(d->issued);
}

static void free_entity(CnkgEntity *e) {
  free(e->key);
  free(e->label);
  free(e->official);
  free(e->code);
  for (size_t i = 0; i < e->n_aliases; i++) free(e->aliases[i]);
  free(e->aliases);
  free(e->mentions);
  free(e->listed);
}

/* Evidence sentences belong to the graph's pool (see intern_sentence). */
static void free_relation(CnkgRelation *r) {
  free(r->literal);
  free(r->evidence);
}

void cnkg_graph_free(CnkgGraph *graph) {
  if (!graph) return;
  for (size_t i = 0; i < graph->n_docs; i++) free_document(&graph->docs[i]);
  for (size_t i = 0; i < graph->n_ents; i++) free_entity(&graph->ents[i]);
  for (size_t i = 0; i < graph->n_rels; i++) free_relation(&graph->rels[i]);
  for (size_t i = 0; i < graph->n_sents; i++) free(graph->sents[i]);
  free(graph->sents);
  index_clear(&graph->sent_index);
  free(graph->docs);
  free(graph->ents);
  free(graph->pinned);
  free(graph->rels);
  index_clear(&graph->doc_index);
  index_clear(&graph->ent_index);
  index_clear(&graph->rel_index);
  free(graph);
}

/* Keeps the bytewise smaller of two non-NULL values, so that filling a field
 * from several sources does not depend on their order. */
static CnkgStatus merge_str(char **dst, const char *src) {
  if (!src || (*dst && strcmp(*dst, src) <= 0)) return CNKG_SUCCESS;
  char *d = cnkg_strndup(src, strlen(src));
  if (!d) return CNKG_ERR_NOMEM;
  free(*dst);
  *dst = d;
  return CNKG_SUCCESS;
}

CnkgStatus cnkg_graph_add_document(CnkgGraph *graph, const CnkgDocument *doc,
                                   size_t *index) {
  if (!graph || !doc || !key_valid(doc->key)) return CNKG_ERR_ARG;
  size_t at = find_doc(graph, doc->key);
  if (at != SIZE_MAX) {
    CnkgDocument *d = &graph->docs[at];
    CnkgStatus s;
    if ((s = merge_str(&d->path, doc->path)) ||
        (s = merge_str(&d->sha256, doc->sha256)) ||
        (s = merge_str(&d->title, doc->title)) ||
        (s = merge_str(&d->author, doc->author)) ||
        (s = merge_str(&d->photographer, doc->photographer)) ||
        (s = merge_str(&d->source, doc->source)) ||
        (s = merge_str(&d->issued, doc->issued)))
      return s;
    if (doc->n_chars > d->n_chars) d->n_chars = doc->n_chars;
    if (index) *index = at;
    return CNKG_SUCCESS;
  }
  if (CNKG_GROW(graph->docs, graph->cap_docs, graph->n_docs + 1, 16))
    return CNKG_ERR_NOMEM;
  bool failed = false;
  CnkgDocument d = {0};
  d.key = dup_or_null(doc->key, &failed);
  d.path = dup_or_null(doc->path, &failed);
  d.sha256 = dup_or_null(doc->sha256, &failed);
  d.title = dup_or_null(doc->title, &failed);
  d.author = dup_or_null(doc->author, &failed);
  d.photographer = dup_or_null(doc->photographer, &failed);
  d.source = dup_or_null(doc->source, &failed);
  d.issued = dup_or_null(doc->issued, &failed);
  d.n_chars = doc->n_chars;
  if (failed) {
    free_document(&d);
    return CNKG_ERR_NOMEM;
  }
  graph->docs[graph->n_docs] = d;
  if (index_put(graph, &graph->doc_index, hash_str(d.key), graph->n_docs,
                rehash_doc)) {
    free_document(&d);
    return CNKG_ERR_NOMEM;
  }
  if (index) *index = graph->n_docs;
  graph->n_docs++;
  return CNKG_SUCCESS;
}

CnkgStatus cnkg_graph_find_entity(const CnkgGraph *graph, const char *key,
                                  size_t *index) {
  if (!graph || !key) return CNKG_ERR_ARG;
  size_t at = find_ent(graph, key);
  if (at == SIZE_MAX) return CNKG_NOTHING;
  if (index) *index = at;
  return CNKG_SUCCESS;
}

static bool label_better(const char *a, const char *b);
static CnkgStatus replace_label(CnkgGraph *graph, size_t entity, const char *label,
                                bool pin);

CnkgStatus cnkg_graph_add_entity(CnkgGraph *graph, const char *key,
                                 CnkgType type, const char *label,
                                 size_t *index) {
  if (!graph || !key_valid(key) || (unsigned)type >= CNKG_TYPE_COUNT)
    return CNKG_ERR_ARG;
  size_t at = find_ent(graph, key);
  if (at != SIZE_MAX) {
    CnkgEntity *e = &graph->ents[at];
    /* Conflicting types for one key: the smaller wins, whatever the order. */
    if (type < e->type) e->type = type;
    if (label && *label) {
      CnkgStatus s;
      if (!e->label) {
        if (!(e->label = cnkg_strndup(label, strlen(label))))
          return CNKG_ERR_NOMEM;
      } else if (strcmp(e->label, label) != 0) {
        /* Two names for one key: the better one (label_better, a total
         * order) is the label whatever the order they came in; where keys
         * are made from names, as they are for most kinds, every document
         * gives the same one, so a shard's label is the whole run's. */
        s = !graph->pinned[at] && label_better(label, e->label)
                ? replace_label(graph, at, label, false)
                : cnkg_graph_add_alias(graph, at, label);
        if (s) return s;
      }
    }
    if (index) *index = at;
    return CNKG_SUCCESS;
  }
  size_t cap = graph->cap_ents;
  if (CNKG_GROW(graph->ents, graph->cap_ents, graph->n_ents + 1, 16))
    return CNKG_ERR_NOMEM;
  if (graph->cap_ents != cap || !graph->pinned) {
    bool *p = realloc(graph->pinned, graph->cap_ents * sizeof *p);
    if (!p) return CNKG_ERR_NOMEM;
    graph->pinned = p;
  }
  bool failed = false;
  CnkgEntity e = {0};
  e.key = dup_or_null(key, &failed);
  e.type = type;
  e.label = (label && *label) ? dup_or_null(label, &failed) : NULL;
  if (failed) {
    free_entity(&e);
    return CNKG_ERR_NOMEM;
  }
  graph->ents[graph->n_ents] = e;
  graph->pinned[graph->n_ents] = false;
  if (index_put(graph, &graph->ent_index, hash_str(e.key), graph->n_ents,
                rehash_ent)) {
    free_entity(&e);
    return CNKG_ERR_NOMEM;
  }
  if (index) *index = graph->n_ents;
  graph->n_ents++;
  return CNKG_SUCCESS;
}

CnkgStatus cnkg_graph_add_alias(CnkgGraph *graph, size_t entity,
                                const char *alias) {
  if (!graph || entity >= graph->n_ents || !alias) return CNKG_ERR_ARG;
  if (!*alias) return CNKG_SUCCESS;
  CnkgEntity *e = &graph->ents[entity];
  if (e->label && strcmp(e->label, alias) == 0) return CNKG_SUCCESS;
  size_t lo = 0, hi = e->n_aliases;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    int c = strcmp(e->aliases[mid], alias);
    if (c == 0) return CNKG_SUCCESS;
    if (c < 0) lo = mid + 1;
    else hi = mid;
  }
  if (grow(&e->aliases, e->n_aliases, sizeof *e->aliases))
    return CNKG_ERR_NOMEM;
  char *d = cnkg_strndup(alias, strlen(alias));
  if (!d) return CNKG_ERR_NOMEM;
  memmove(e->aliases + lo + 1, e->aliases + lo,
          (e->n_aliases - lo) * sizeof *e->aliases);
  e->aliases[lo] = d;
  e->n_aliases++;
  return CNKG_SUCCESS;
}

CnkgStatus cnkg_graph_set_label(CnkgGraph *graph, size_t entity,
                                const char *label) {
  if (!graph || entity >= graph->n_ents || !label || !*label)
    return CNKG_ERR_ARG;
  return replace_label(graph, entity, label, true);
}

static CnkgStatus replace_label(CnkgGraph *graph, size_t entity, const char *label,
                                bool pin) {
  CnkgEntity *e = &graph->ents[entity];
  if (pin) graph->pinned[entity] = true;
  if (e->label && strcmp(e->label, label) == 0) return CNKG_SUCCESS;
  char *d = cnkg_strndup(label, strlen(label));
  if (!d) return CNKG_ERR_NOMEM;
  char *old = e->label;
  e->label = d;
  /* The label it replaces stays known as an alias. */
  CnkgStatus s = old ? cnkg_graph_add_alias(graph, entity, old) : CNKG_SUCCESS;
  free(old);
  if (s) return s;
  /* The new label must not also be listed as an alias. */
  for (size_t i = 0; i < e->n_aliases; i++) {
    if (strcmp(e->aliases[i], label) == 0) {
      free(e->aliases[i]);
      memmove(e->aliases + i, e->aliases + i + 1,
              (e->n_aliases - i - 1) * sizeof *e->aliases);
      e->n_aliases--;
      break;
    }
  }
  return CNKG_SUCCESS;
}

CnkgStatus cnkg_graph_set_code(CnkgGraph *graph, size_t entity,
                               const char *code, const char *official) {
  if (!graph || entity >= graph->n_ents) return CNKG_ERR_ARG;
  CnkgEntity *e = &graph->ents[entity];
  if (code) {
    char *d = cnkg_strndup(code, strlen(code));
    if (!d) return CNKG_ERR_NOMEM;
    free(e->code);
    e->code = d;
  }
  if (official) {
    char *d = cnkg_strndup(official, strlen(official));
    if (!d) return CNKG_ERR_NOMEM;
    free(e->official);
    e->official = d;
  }
  return CNKG_SUCCESS;
}

void cnkg_graph_set_flags(CnkgGraph *graph, size_t entity, unsigned flags) {
  if (!graph || entity >= graph->n_ents) return;
  graph->ents[entity].flags = flags;
}

static CnkgStatus push_listed(CnkgEntity *e, size_t doc) {
  if (grow(&e->listed, e->n_listed, sizeof *e->listed)) return CNKG_ERR_NOMEM;
  e->listed[e->n_listed++] = doc;
  return CNKG_SUCCESS;
}

CnkgStatus cnkg_graph_mark_listed(CnkgGraph *graph, size_t entity, size_t doc) {
  if (!graph || entity >= graph->n_ents || doc >= graph->n_docs) return CNKG_ERR_ARG;
  CnkgEntity *e = &graph->ents[entity];
  e->flags |= CNKG_ENTITY_FROM_DIVISION_LIST;
  for (size_t i = 0; i < e->n_listed; i++)
    if (e->listed[i] == doc) return CNKG_SUCCESS;
  return push_listed(e, doc);
}

bool cnkg_graph_mentioned_in(const CnkgEntity *entity, size_t doc) {
  if (!entity) return false;
  for (size_t i = 0; i < entity->n_mentions; i++)
    if (entity->mentions[i].doc == doc) return true;
  return false;
}

bool cnkg_graph_listed_in(const CnkgEntity *entity, size_t doc) {
  if (!entity) return false;
  for (size_t i = 0; i < entity->n_listed; i++)
    if (entity->listed[i] == doc) return true;
  return false;
}

/* The graph's copy of a sentence or an anchor (NULL stays NULL): one per
 * distinct string. */
static CnkgStatus intern_sentence(CnkgGraph *g, const char *sentence,
                                  char **out) {
  *out = NULL;
  if (!sentence) return CNKG_SUCCESS;
  /* relations come sentence by sentence, between mentions' anchors: try
   * the last two first */
  for (size_t k = 0; k < 2 && k < g->n_sents; k++)
    if (strcmp(g->sents[g->recent[k]], sentence) == 0) {
      *out = g->sents[g->recent[k]];
      return CNKG_SUCCESS;
    }
  uint64_t h = hash_sentence(sentence);
  if (g->sent_index.size) {
    size_t m = g->sent_index.size - 1, j = (size_t)h & m;
    for (; g->sent_index.slots[j] != SIZE_MAX; j = (j + 1) & m)
      if (strcmp(g->sents[g->sent_index.slots[j]], sentence) == 0) {
        g->recent[1] = g->recent[0];
        g->recent[0] = g->sent_index.slots[j];
        *out = g->sents[g->recent[0]];
        return CNKG_SUCCESS;
      }
  }
  if (CNKG_GROW(g->sents, g->cap_sents, g->n_sents + 1, 16))
    return CNKG_ERR_NOMEM;
  char *copy = cnkg_strndup(sentence, strlen(sentence));
  if (!copy) return CNKG_ERR_NOMEM;
  g->sents[g->n_sents] = copy;
  if (index_put(g, &g->sent_index, h, g->n_sents, rehash_sent)) {
    free(copy);
    return CNKG_ERR_NOMEM;
  }
  g->recent[1] = g->n_sents ? g->recent[0] : 0;
  g->recent[0] = g->n_sents++;
  *out = copy;
  return CNKG_SUCCESS;
}

CnkgStatus cnkg_graph_add_mention(CnkgGraph *graph, size_t entity, size_t doc,
                                  size_t begin, size_t end,
                                  const char *anchor) {
  if (!graph || entity >= graph->n_ents || doc >= graph->n_docs || end < begin)
    return CNKG_ERR_ARG;
  CnkgEntity *e = &graph->ents[entity];
  if (grow(&e->mentions, e->n_mentions, sizeof *e->mentions))
    return CNKG_ERR_NOMEM;
  CnkgMention m = {doc, begin, end, NULL};
  if (intern_sentence(graph, anchor, &m.anchor)) return CNKG_ERR_NOMEM;
  e->mentions[e->n_mentions++] = m;
  return CNKG_SUCCESS;
}

static CnkgStatus add_evidence(CnkgGraph *g, CnkgRelation *r,
                               const CnkgEvidence *ev) {
  CnkgEvidence e = {ev->doc, ev->begin, ev->end, NULL};
  if (intern_sentence(g, ev->sentence, &e.sentence)) return CNKG_ERR_NOMEM;
  /* The same relation stated again by the same sentence (a name repeated
   * in it) adds nothing: canonicalisation would drop the copy anyway. */
  if (r->n_evidence) {
    const CnkgEvidence *last = &r->evidence[r->n_evidence - 1];
    if (last->doc == e.doc && last->begin == e.begin && last->end == e.end &&
        last->sentence == e.sentence)
      return CNKG_SUCCESS;
  }
  if (grow(&r->evidence, r->n_evidence, sizeof *r->evidence))
    return CNKG_ERR_NOMEM;
  r->evidence[r->n_evidence++] = e;
  return CNKG_SUCCESS;
}

CnkgStatus cnkg_graph_add_relation(CnkgGraph *graph, size_t subject,
                                   CnkgRel rel, size_t object,
                                   const char *literal,
                                   const CnkgEvidence *evidence) {
  if (!graph || subject >= graph->n_ents || (unsigned)rel >= CNKG_REL_COUNT)
    return CNKG_ERR_ARG;
  if (cnkg_rel_is_literal(rel)) {
    if (!literal || !*literal) return CNKG_ERR_ARG;
    object = SIZE_MAX;
  } else {
    if (object >= graph->n_ents) return CNKG_ERR_ARG;
    literal = NULL;
  }
  if (evidence && evidence->doc >= graph->n_docs) return CNKG_ERR_ARG;
  size_t at = find_rel(graph, subject, rel, object, literal);
  if (at == SIZE_MAX) {
    if (CNKG_GROW(graph->rels, graph->cap_rels, graph->n_rels + 1, 16))
      return CNKG_ERR_NOMEM;
    bool failed = false;
    CnkgRelation r = {subject, rel, object, dup_or_null(literal, &failed),
                      NULL, 0};
    if (failed) return CNKG_ERR_NOMEM;
    graph->rels[graph->n_rels] = r;
    if (index_put(graph, &graph->rel_index,
                  hash_rel(subject, rel, object, r.literal), graph->n_rels,
                  rehash_rel)) {
      free_relation(&r);
      return CNKG_ERR_NOMEM;
    }
    at = graph->n_rels++;
  }
  return evidence ? add_evidence(graph, &graph->rels[at], evidence)
                  : CNKG_SUCCESS;
}

/* True if label a is a better preferred label than b: more code points,
 * then bytewise smaller. A total order, so the choice is order-free. */
static bool label_better(const char *a, const char *b) {
  size_t la = cnkg_utf8_count(a, strlen(a)), lb = cnkg_utf8_count(b, strlen(b));
  if (la != lb) return la > lb;
  return strcmp(a, b) < 0;
}

/* ---- merge ------------------------------------------------------------ */

CnkgStatus cnkg_graph_merge(CnkgGraph *into, const CnkgGraph *from) {
  if (!into || !from) return CNKG_ERR_ARG;
  if (into == from) return CNKG_SUCCESS;
  CnkgStatus s = CNKG_SUCCESS;
  size_t *doc_map = malloc((from->n_docs + 1) * sizeof *doc_map);
  size_t *ent_map = malloc((from->n_ents + 1) * sizeof *ent_map);
  if (!doc_map || !ent_map) {
    s = CNKG_ERR_NOMEM;
    goto done;
  }
  for (size_t i = 0; i < from->n_docs; i++)
    if ((s = cnkg_graph_add_document(into, &from->docs[i], &doc_map[i])))
      goto done;
  for (size_t i = 0; i < from->n_ents; i++) {
    const CnkgEntity *e = &from->ents[i];
    bool existed = find_ent(into, e->key) != SIZE_MAX;
    size_t at;
    if ((s = cnkg_graph_add_entity(into, e->key, e->type, e->label, &at)))
      goto done;
    ent_map[i] = at;
    CnkgEntity *t = &into->ents[at];
    for (size_t k = 0; k < e->n_aliases; k++)
      if ((s = cnkg_graph_add_alias(into, at, e->aliases[k]))) goto done;
    if ((s = merge_str(&t->code, e->code)) ||
        (s = merge_str(&t->official, e->official)))
      goto done;
    if (from->pinned[i]) {
      /* Of two pinned labels the canonical maximum wins (see label_better),
       * which makes the result independent of merge order. */
      if (e->label && (!into->pinned[at] || !t->label ||
                       label_better(e->label, t->label))) {
        if ((s = cnkg_graph_set_label(into, at, e->label))) goto done;
      }
    }
    /* Flags are per document (list provenance: which documents), so the
     * parts' flags are or-ed and their documents mapped. */
    (void)existed;
    t->flags |= e->flags;
    for (size_t k = 0; k < e->n_listed; k++)
      if ((s = push_listed(t, doc_map[e->listed[k]]))) goto done;
    for (size_t k = 0; k < e->n_mentions; k++) {
      const CnkgMention *m = &e->mentions[k];
      if ((s = cnkg_graph_add_mention(into, at, doc_map[m->doc], m->begin,
                                      m->end, m->anchor)))
        goto done;
    }
  }
  for (size_t i = 0; i < from->n_rels; i++) {
    const CnkgRelation *r = &from->rels[i];
    size_t obj = r->object == SIZE_MAX ? SIZE_MAX : ent_map[r->object];
    if (r->n_evidence == 0) {
      if ((s = cnkg_graph_add_relation(into, ent_map[r->subject], r->rel, obj,
                                       r->literal, NULL)))
        goto done;
    }
    for (size_t k = 0; k < r->n_evidence; k++) {
      CnkgEvidence ev = r->evidence[k];
      ev.doc = doc_map[ev.doc];
      if ((s = cnkg_graph_add_relation(into, ent_map[r->subject], r->rel, obj,
                                       r->literal, &ev)))
        goto done;
    }
  }
done:
  free(doc_map);
  free(ent_map);
  return s;
}

CnkgStatus cnkg_graph_absorb(CnkgGraph *into, CnkgGraph *from) {
  if (!into || !from) return CNKG_ERR_ARG;
  if (into->n_docs || into->n_ents || into->n_rels || into->n_sents)
    return cnkg_graph_merge(into, from);
  /* into is empty: merging would copy from entire; take it over instead */
  CnkgGraph empty = *into;
  *into = *from;
  *from = empty;
  return CNKG_SUCCESS;
}

/* ---- canonical order -------------------------------------------------- */

/* Sorting by key goes through (key, index) pairs so the comparator needs
 * no global state and canonicalisation stays reentrant. */
typedef struct {
  const char *key;
  size_t index;
} KeyIndex;

static int cmp_key_index(const void *a, const void *b) {
  return strcmp(((const KeyIndex *)a)->key, ((const KeyIndex *)b)->key);
}

static int cmp_size(size_t a, size_t b) { return a < b ? -1 : a > b; }

static int cmp_opt_str(const char *a, const char *b) {
  if (!a || !b) return (a != NULL) - (b != NULL);
  return strcmp(a, b);
}

/* After documents are sorted, document index order is key order. */
static int cmp_mention(const void *a, const void *b) {
  const CnkgMention *x = a, *y = b;
  int c;
  if ((c = cmp_size(x->doc, y->doc))) return c;
  if ((c = cmp_size(x->begin, y->begin))) return c;
  if ((c = cmp_size(x->end, y->end))) return c;
  return cmp_opt_str(x->anchor, y->anchor);
}

static int cmp_evidence(const void *a, const void *b) {
  const CnkgEvidence *x = a, *y = b;
  int c;
  if ((c = cmp_size(x->doc, y->doc))) return c;
  if ((c = cmp_size(x->begin, y->begin))) return c;
  if ((c = cmp_size(x->end, y->end))) return c;
  return cmp_opt_str(x->sentence, y->sentence);
}

/* After entities are sorted, entity index order is key order. */
static int cmp_relation(const void *a, const void *b) {
  const CnkgRelation *x = a, *y = b;
  int c;
  if ((c = cmp_size(x->subject, y->subject))) return c;
  if ((c = cmp_size((size_t)x->rel, (size_t)y->rel))) return c;
  if ((c = cmp_size(x->object, y->object))) return c;
  return cmp_opt_str(x->literal, y->literal);
}

/* qsort wrapper: glibc declares the base nonnull even for zero elements. */
static void sort(void *base, size_t n, size_t elem,
                 int (*cmp)(const void *, const void *)) {
  if (n > 1) qsort(base, n, elem, cmp);
}

static int cmp_str_ptr(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The label follows from the entity's identity, never from which other
 * documents a graph holds: it is the one the entity was made with (the name
 * its key was made from: the better of two where a key had two) or the one
 * the extractor pinned (a division-list place's own name). The text's other
 * forms are aliases. */
static CnkgStatus settle_label(CnkgEntity *e) {
  if (!e->label && e->n_aliases) {
    /* No label at all (read back without one): the best alias, so the
     * choice does not depend on their order. */
    size_t best = 0;
    for (size_t i = 1; i < e->n_aliases; i++)
      if (label_better(e->aliases[i], e->aliases[best])) best = i;
    e->label = e->aliases[best];
    memmove(e->aliases + best, e->aliases + best + 1,
            (e->n_aliases - best - 1) * sizeof *e->aliases);
    e->n_aliases--;
  }
  sort(e->aliases, e->n_aliases, sizeof *e->aliases, cmp_str_ptr);
  return CNKG_SUCCESS;
}

static int cmp_size_ptr(const void *a, const void *b) {
  size_t x = *(const size_t *)a, y = *(const size_t *)b;
  return x < y ? -1 : x > y;
}

/* List provenance per document: a document that names the entity is not
 * one in which the list supplied it. The flag follows the documents left;
 * a flag set without documents (read back from RDF) stays. */
static void settle_listed(CnkgEntity *e) {
  if (!e->n_listed) return;
  sort(e->listed, e->n_listed, sizeof *e->listed, cmp_size_ptr);
  size_t w = 0;
  for (size_t i = 0; i < e->n_listed; i++) {
    if (w > 0 && e->listed[w - 1] == e->listed[i]) continue;
    if (cnkg_graph_mentioned_in(e, e->listed[i])) continue;
    e->listed[w++] = e->listed[i];
  }
  e->n_listed = w;
  if (w) e->flags |= CNKG_ENTITY_FROM_DIVISION_LIST;
  else e->flags &= ~CNKG_ENTITY_FROM_DIVISION_LIST;
}

static CnkgStatus rebuild_indexes(CnkgGraph *g) {
  index_clear(&g->doc_index);
  index_clear(&g->ent_index);
  index_clear(&g->rel_index);
  for (size_t i = 0; i < g->n_docs; i++)
    if (index_put(g, &g->doc_index, hash_str(g->docs[i].key), i, rehash_doc))
      return CNKG_ERR_NOMEM;
  for (size_t i = 0; i < g->n_ents; i++)
    if (index_put(g, &g->ent_index, hash_str(g->ents[i].key), i, rehash_ent))
      return CNKG_ERR_NOMEM;
  for (size_t i = 0; i < g->n_rels; i++)
    if (index_put(g, &g->rel_index, rehash_rel(g, i), i, rehash_rel))
      return CNKG_ERR_NOMEM;
  return CNKG_SUCCESS;
}

/* Permutes array (n elements of elem bytes) so position i holds old
 * element order[i]; inverse[old] = new position. */
static CnkgStatus permute(void *array, size_t n, size_t elem,
                          const size_t *order, size_t *inverse) {
  if (n == 0) return CNKG_SUCCESS;
  unsigned char *copy = malloc(n * elem + 1);
  if (!copy) return CNKG_ERR_NOMEM;
  memcpy(copy, array, n * elem);
  for (size_t i = 0; i < n; i++) {
    memcpy((unsigned char *)array + i * elem, copy + order[i] * elem, elem);
    if (inverse) inverse[order[i]] = i;
  }
  free(copy);
  return CNKG_SUCCESS;
}

static void dedupe_mentions(CnkgEntity *e) {
  size_t w = 0;
  for (size_t i = 0; i < e->n_mentions; i++) {
    CnkgMention *m = &e->mentions[i];
    if (w > 0 && e->mentions[w - 1].doc == m->doc &&
        e->mentions[w - 1].begin == m->begin &&
        e->mentions[w - 1].end == m->end) {
      continue;
    }
    e->mentions[w++] = *m;
  }
  e->n_mentions = w;
}

static void dedupe_evidence(CnkgRelation *r) {
  size_t w = 0;
  for (size_t i = 0; i < r->n_evidence; i++) {
    CnkgEvidence *v = &r->evidence[i];
    if (w > 0 && r->evidence[w - 1].doc == v->doc &&
        r->evidence[w - 1].begin == v->begin &&
        r->evidence[w - 1].end == v->end)
      continue; /* its sentence stays in the graph's pool */
    r->evidence[w++] = *v;
  }
  r->n_evidence = w;
}

CnkgStatus cnkg_graph_canonicalize(CnkgGraph *graph) {
  if (!graph) return CNKG_ERR_ARG;
  size_t n = graph->n_docs > graph->n_ents ? graph->n_docs : graph->n_ents;
  size_t *order = malloc((n + 1) * sizeof *order);
  size_t *inverse = malloc((n + 1) * sizeof *inverse);
  KeyIndex *keys = malloc((n + 1) * sizeof *keys);
  bool *pinned = malloc((graph->n_ents + 1) * sizeof *pinned);
  CnkgStatus s = CNKG_SUCCESS;
  if (!order || !inverse || !keys || !pinned) {
    s = CNKG_ERR_NOMEM;
    goto done;
  }
  /* Documents by key; mentions and evidence follow. */
  for (size_t i = 0; i < graph->n_docs; i++)
    keys[i] = (KeyIndex){graph->docs[i].key, i};
  sort(keys, graph->n_docs, sizeof *keys, cmp_key_index);
  for (size_t i = 0; i < graph->n_docs; i++) order[i] = keys[i].index;
  if ((s = permute(graph->docs, graph->n_docs, sizeof *graph->docs, order,
                   inverse)))
    goto done;
  for (size_t i = 0; i < graph->n_ents; i++) {
    CnkgEntity *e = &graph->ents[i];
    for (size_t k = 0; k < e->n_mentions; k++)
      e->mentions[k].doc = inverse[e->mentions[k].doc];
    for (size_t k = 0; k < e->n_listed; k++) e->listed[k] = inverse[e->listed[k]];
  }
  for (size_t i = 0; i < graph->n_rels; i++) {
    CnkgRelation *r = &graph->rels[i];
    for (size_t k = 0; k < r->n_evidence; k++)
      r->evidence[k].doc = inverse[r->evidence[k].doc];
  }
  /* Entities by key; relations follow. */
  for (size_t i = 0; i < graph->n_ents; i++)
    keys[i] = (KeyIndex){graph->ents[i].key, i};
  sort(keys, graph->n_ents, sizeof *keys, cmp_key_index);
  for (size_t i = 0; i < graph->n_ents; i++) order[i] = keys[i].index;
  for (size_t i = 0; i < graph->n_ents; i++) pinned[i] = graph->pinned[order[i]];
  if (graph->n_ents) memcpy(graph->pinned, pinned, graph->n_ents * sizeof *pinned);
  if ((s = permute(graph->ents, graph->n_ents, sizeof *graph->ents, order,
                   inverse)))
    goto done;
  for (size_t i = 0; i < graph->n_rels; i++) {
    CnkgRelation *r = &graph->rels[i];
    r->subject = inverse[r->subject];
    if (r->object != SIZE_MAX) r->object = inverse[r->object];
    sort(r->evidence, r->n_evidence, sizeof *r->evidence, cmp_evidence);
    dedupe_evidence(r);
  }
  sort(graph->rels, graph->n_rels, sizeof *graph->rels, cmp_relation);
  for (size_t i = 0; i < graph->n_ents; i++) {
    CnkgEntity *e = &graph->ents[i];
    if ((s = settle_label(e))) goto done;
    sort(e->mentions, e->n_mentions, sizeof *e->mentions, cmp_mention);
    dedupe_mentions(e);
    settle_listed(e);
  }
  s = rebuild_indexes(graph);
done:
  free(keys);
  free(order);
  free(inverse);
  free(pinned);
  return s;
}

/* ---- accessors -------------------------------------------------------- */

size_t cnkg_graph_document_count(const CnkgGraph *graph) {
  return graph ? graph->n_docs : 0;
}
size_t cnkg_graph_entity_count(const CnkgGraph *graph) {
  return graph ? graph->n_ents : 0;
}
size_t cnkg_graph_relation_count(const CnkgGraph *graph) {
  return graph ? graph->n_rels : 0;
}
const CnkgDocument *cnkg_graph_document(const CnkgGraph *graph, size_t i) {
  return graph && i < graph->n_docs ? &graph->docs[i] : NULL;
}
const CnkgEntity *cnkg_graph_entity(const CnkgGraph *graph, size_t i) {
  return graph && i < graph->n_ents ? &graph->ents[i] : NULL;
}
const CnkgRelation *cnkg_graph_relation(const CnkgGraph *graph, size_t i) {
  return graph && i < graph->n_rels ? &graph->rels[i] : NULL;
}

/* ---- keys ------------------------------------------------------------- */

char *cnkg_graph_key_hash(CnkgType type, const char *name,
                          const char *context) {
  if (!name) return NULL;
  size_t ln = strlen(name), lc = context ? strlen(context) : 0;
  char *buf = malloc(ln + lc + 2);
  if (!buf) return NULL;
  memcpy(buf, name, ln);
  buf[ln] = '\x1f';
  if (lc) memcpy(buf + ln + 1, context, lc);
  char hex[65];
  cnkg_sha256_hex(buf, ln + 1 + lc, hex);
  free(buf);
  const char *slug = cnkg_type_slug(type);
  size_t ls = strlen(slug);
  char *key = malloc(ls + 1 + 16 + 1);
  if (!key) return NULL;
  memcpy(key, slug, ls);
  key[ls] = '/';
  memcpy(key + ls + 1, hex, 16);
  key[ls + 17] = '\0';
  return key;
}

char *cnkg_graph_key_code(const char *code) {
  if (!code || !*code) return NULL;
  size_t lc = strlen(code);
  for (size_t i = 0; i < lc; i++) {
    char c = code[i];
    if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
          (c >= 'a' && c <= 'z')))
      return NULL;
  }
  char *key = malloc(6 + lc + 1);
  if (!key) return NULL;
  memcpy(key, "place/", 6);
  memcpy(key + 6, code, lc + 1);
  return key;
}
