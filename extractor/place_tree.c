/* SPDX-License-Identifier: Apache-2.0
 * Place hierarchy: one graph entity per linked record or unlinked name, the
 * locatedIn edges (completed from the list up to the province) and the
 * document's focus place. Depends on place_int.h, division.h and graph.h. */
#include "extractor/place_int.h"


/* -------------------------------------------------------------- graph */

static CnkgType type_of(CnkgLevel l) {
  return (CnkgType)((int)CNKG_TYPE_PROVINCE + ((int)l - (int)CNKG_LEVEL_PROVINCE));
}

/* Finds or adds the entity for list record id; new ones get the official
 * name and code. Its label is the place's own name in the official one
 * (pinned: it follows from the record, so every document and every shard
 * gives the same), the text's form an alias. *created tells whether it was
 * new. */
static CnkgStatus entity_for_record(Work *w, CnkgDivId id, const char *label,
                                    size_t *entity, bool *created) {
  CnkgDivRecord rec;
  CnkgStatus s = cnkg_division_get(w->r->div, id, &rec);
  if (s) return CNKG_ERR_INTERNAL;
  char *key = cnkg_graph_key_code(rec.code);
  char *official = cnkg_strndup(rec.name, rec.name_len);
  char *name = cnkg_strndup(
      rec.name, cnkg_division_place_len((CnkgStr){rec.name, rec.name_len}, rec.level));
  if (!key || !official || !name) {
    free(key);
    free(official);
    free(name);
    return CNKG_ERR_NOMEM;
  }
  size_t e;
  bool exists = cnkg_graph_find_entity(w->st->graph, key, &e) == CNKG_SUCCESS;
  s = cnkg_graph_add_entity(w->st->graph, key, type_of(rec.level), name, &e);
  if (!s && !exists) s = cnkg_graph_set_code(w->st->graph, e, rec.code, official);
  if (!s) s = cnkg_graph_set_label(w->st->graph, e, name);
  if (!s && label && strcmp(label, name) != 0) s = cnkg_graph_add_alias(w->st->graph, e, label);
  free(key);
  free(official);
  free(name);
  if (s) return s;
  *entity = e;
  if (created) *created = !exists;
  return CNKG_SUCCESS;
}

/* Sorts order[0, n) (ascending mention indices) by level, keeping index
 * order within a level: a counting sort, linear however many mentions. */
static CnkgStatus sort_by_level(size_t *order, size_t n, const Cand *c) {
  size_t start[CNKG_LEVEL_VILLAGE + 2] = {0};
  size_t *sorted = malloc((n + 1) * sizeof *sorted);
  if (!sorted) return CNKG_ERR_NOMEM;
  for (size_t i = 0; i < n; i++) start[c[order[i]].level + 1]++;
  for (int l = 0; l <= CNKG_LEVEL_VILLAGE; l++) start[l + 1] += start[l];
  for (size_t i = 0; i < n; i++) sorted[start[c[order[i]].level]++] = order[i];
  memcpy(order, sorted, n * sizeof *order);
  free(sorted);
  return CNKG_SUCCESS;
}

CnkgStatus place_build_entities(Work *w) {
  CnkgDocState *st = w->st;
  size_t *order = malloc((w->n + 1) * sizeof *order);
  if (!order) return CNKG_ERR_NOMEM;
  size_t n = 0;
  for (size_t i = 0; i < w->n; i++)
    if (w->c[i].level != CNKG_LEVEL_NONE && w->c[i].sent != SIZE_MAX &&
        w->c[i].alias == SIZE_MAX)
      order[n++] = i;
  if (sort_by_level(order, n, w->c)) {
    free(order);
    return CNKG_ERR_NOMEM;
  }
  size_t n_main = n;
  for (size_t i = 0; i < w->n; i++)
    if (w->c[i].level != CNKG_LEVEL_NONE && w->c[i].alias != SIZE_MAX) order[n++] = i;
  CnkgStatus s = CNKG_SUCCESS;
  for (size_t k = 0; k < n && !s; k++) {
    Cand *c = &w->c[order[k]];
    if (k >= n_main) {
      c->entity = w->c[c->alias].entity;
      if (c->entity == SIZE_MAX) continue;
      s = cnkg_graph_add_alias(st->graph, c->entity, c->form);
    } else if (c->link != CNKG_DIV_NONE) {
      s = entity_for_record(w, c->link, c->form, &c->entity, NULL);
    } else {
      c->parent = w->par[order[k]];
      const char *pkey = "";
      if (c->parent != SIZE_MAX && w->c[c->parent].entity != SIZE_MAX)
        pkey = cnkg_graph_entity(st->graph, w->c[c->parent].entity)->key;
      size_t bl = cnkg_place_base_len(c->form, strlen(c->form));
      char *name = cnkg_strndup(c->form, bl);
      char *pk = cnkg_strndup(pkey, strlen(pkey));
      char *key = name && pk ? cnkg_graph_key_hash(type_of(c->level), name, pk) : NULL;
      if (!key) s = CNKG_ERR_NOMEM;
      else s = cnkg_graph_add_entity(st->graph, key, type_of(c->level), c->form, &c->entity);
      free(name);
      free(pk);
      free(key);
    }
    if (!s) s = cnkg_docstate_mention(st, c->entity, c->sent, c->begin, c->end);
  }
  /* The fullest form a document gives is the label: per entity, the first
   * of the longest forms (in order). */
  size_t n_ent = cnkg_graph_entity_count(st->graph);
  const char **longest = s ? NULL : calloc(n_ent + 1, sizeof *longest);
  size_t *longest_len = s ? NULL : calloc(n_ent + 1, sizeof *longest_len);
  if (!s && (!longest || !longest_len)) s = CNKG_ERR_NOMEM;
  for (size_t k = 0; k < n && !s; k++) {
    const Cand *d = &w->c[order[k]];
    if (d->entity == SIZE_MAX || d->entity >= n_ent) continue;
    size_t dl = strlen(d->form);
    if (!longest[d->entity] || dl > longest_len[d->entity]) {
      longest[d->entity] = d->form;
      longest_len[d->entity] = dl;
    }
  }
  for (size_t k = 0; k < n && !s; k++) {
    Cand *c = &w->c[order[k]];
    if (c->entity == SIZE_MAX || c->entity >= n_ent) continue;
    const CnkgEntity *e = cnkg_graph_entity(st->graph, c->entity);
    const char *lf = strlen(c->form) >= longest_len[c->entity] ? c->form : longest[c->entity];
    if (c->committee) { /* the committee name the text wrote (甲村委会) */
      char *cf = cnkg_strndup(st->text->norm + c->begin, c->committee);
      s = cf ? cnkg_graph_add_alias(st->graph, c->entity, cf) : CNKG_ERR_NOMEM;
      free(cf);
      if (s) break;
    }
    if (e->code) { /* labelled from the list record: the text's forms are aliases */
      if (strcmp(e->label, c->form) != 0) s = cnkg_graph_add_alias(st->graph, c->entity, c->form);
      if (!s && c->renamed && c->link != CNKG_DIV_NONE)
        s = cnkg_docstate_relate(st, c->entity, CNKG_REL_FORMER_NAME, SIZE_MAX, c->form, c->sent);
      continue;
    }
    if (strcmp(e->label, lf) != 0) s = cnkg_graph_set_label(st->graph, c->entity, lf);
    else if (strcmp(c->form, lf) != 0) s = cnkg_graph_add_alias(st->graph, c->entity, c->form);
  }
  free(longest);
  free(longest_len);
  free(order);
  return s;
}


/* locatedIn: each mention to the place it hangs on in the text, and every
 * linked place up its line in the list. */
CnkgStatus place_build_hierarchy(Work *w) {
  const CnkgDivision *div = w->r->div;
  CnkgDocState *st = w->st;
  CnkgStatus s = CNKG_SUCCESS;
  /* The mentioned entities, and each record's first mention with an
   * entity: looked up, not searched for. */
  size_t n_ent = cnkg_graph_entity_count(st->graph);
  bool *mentioned = calloc(n_ent + 1, sizeof *mentioned);
  LinkIndex named = {NULL, 0};
  if (!mentioned) return CNKG_ERR_NOMEM;
  for (size_t i = 0; i < w->n && !s; i++) {
    const Cand *d = &w->c[i];
    if (d->entity != SIZE_MAX && d->entity < n_ent && d->sent != SIZE_MAX)
      mentioned[d->entity] = true;
    if (d->entity != SIZE_MAX && d->link != CNKG_DIV_NONE)
      s = place_link_index_add(&named, w->n, d->link, i);
  }
  place_link_index_sort(&named);
  for (size_t i = 0; i < w->n && !s; i++) {
    Cand *c = &w->c[i];
    if (c->entity == SIZE_MAX || c->alias != SIZE_MAX) continue;
    if (c->link == CNKG_DIV_NONE) {
      if (c->parent != SIZE_MAX && w->c[c->parent].entity != SIZE_MAX &&
          w->c[c->parent].entity != c->entity)
        s = cnkg_docstate_relate(st, c->entity, CNKG_REL_LOCATED_IN,
                                 w->c[c->parent].entity, NULL, c->sent);
      continue;
    }
    /* The nearest enclosing place the document itself names. */
    size_t near = SIZE_MAX;
    for (CnkgDivId p = cnkg_division_parent(div, c->link);
         p != CNKG_DIV_NONE && near == SIZE_MAX; p = cnkg_division_parent(div, p))
      near = place_link_index_first(&named, p);
    /* An unlinked place right before it in the chain is nearer still
     * (a township renamed or merged since the list was made). */
    if (c->prev != SIZE_MAX && w->c[c->prev].link == CNKG_DIV_NONE &&
        w->c[c->prev].entity != SIZE_MAX && w->c[c->prev].level < c->level &&
        w->c[c->prev].level != CNKG_LEVEL_NONE)
      near = c->prev;
    if (near != SIZE_MAX && w->c[near].entity != c->entity)
      s = cnkg_docstate_relate(st, c->entity, CNKG_REL_LOCATED_IN, w->c[near].entity,
                               NULL, w->c[near].sent == c->sent ? c->sent : SIZE_MAX);
  }
  /* Completion from the list: each linked place to its parent, up to the
   * province; ancestors the text does not name carry no mention. */
  for (size_t i = 0; i < w->n && !s; i++) {
    Cand *c = &w->c[i];
    if (c->entity == SIZE_MAX || c->link == CNKG_DIV_NONE) continue;
    size_t child = c->entity;
    for (CnkgDivId p = cnkg_division_parent(div, c->link); p != CNKG_DIV_NONE && !s;
         p = cnkg_division_parent(div, p)) {
      if (cnkg_division_is_placeholder(div, p)) continue;
      size_t pe;
      bool created = false;
      s = entity_for_record(w, p, NULL, &pe, &created);
      if (s) break;
      if (created || pe >= n_ent || !mentioned[pe])
        s = cnkg_graph_mark_listed(st->graph, pe, st->doc);
      if (s) break;
      /* Containment the document neither states nor makes certain (one
       * end is a place it never names) is the list's, not the text's. */
      unsigned both = cnkg_graph_entity(st->graph, child)->flags |
                      cnkg_graph_entity(st->graph, pe)->flags;
      CnkgRel rel = both & CNKG_ENTITY_FROM_DIVISION_LIST ? CNKG_REL_WITHIN_DIVISION
                                                          : CNKG_REL_LOCATED_IN;
      s = cnkg_docstate_relate(st, child, rel, pe, NULL, SIZE_MAX);
      child = pe;
    }
  }
  free(mentioned);
  free(named.v);
  return s;
}

/* The place the document is mainly about: the county (else prefecture,
 * else township) named most, the title counting three times. */
CnkgStatus place_set_focus(Work *w) {
  CnkgDocState *st = w->st;
  static const CnkgLevel pref[] = {CNKG_LEVEL_COUNTY, CNKG_LEVEL_PREFECTURE,
                                   CNKG_LEVEL_TOWNSHIP, CNKG_LEVEL_PROVINCE,
                                   CNKG_LEVEL_VILLAGE};
  /* Mentions per entity, counted once. */
  size_t n_ent = cnkg_graph_entity_count(st->graph);
  size_t *count = calloc(n_ent + 1, sizeof *count);
  if (!count) return CNKG_ERR_NOMEM;
  for (size_t j = 0; j < w->n; j++)
    if (w->c[j].entity != SIZE_MAX && w->c[j].entity < n_ent) count[w->c[j].entity]++;
  for (size_t l = 0; l < sizeof pref / sizeof pref[0]; l++) {
    size_t best = SIZE_MAX, best_n = 0;
    for (size_t i = 0; i < w->n; i++) {
      const Cand *c = &w->c[i];
      if (c->entity == SIZE_MAX || c->entity >= n_ent || c->level != pref[l]) continue;
      size_t cnt = count[c->entity];
      for (size_t t = 0; t < w->n_title; t++)
        if (w->title_ids[t] == c->link) cnt += 3;
      if (cnt > best_n || (cnt == best_n && best != SIZE_MAX && c->entity < best)) {
        best_n = cnt;
        best = c->entity;
      }
    }
    if (best != SIZE_MAX) {
      st->focus_place = best;
      break;
    }
  }
  free(count);
  return CNKG_SUCCESS;
}

