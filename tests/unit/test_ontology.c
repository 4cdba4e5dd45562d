/* SPDX-License-Identifier: Apache-2.0
 * Checks ontology/cnkg.ttl against the RDF writer: every predicate and class
 * the writer emits for a graph using every type, relation and provenance
 * level is declared there, every cnkg: term has zh and en labels and a
 * comment, and the kinds table's labels are the ontology's. Parses both with raptor2. Depends on out/rdf.h, check.h. */
#include <raptor2.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "cnkg/graph.h"
#include "cnkg/output.h"
#include "out/rdf.h"
#include "sample_graph.h"

#define RDF_TYPE "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
#define RDFS_LABEL "http://www.w3.org/2000/01/rdf-schema#label"
#define RDFS_COMMENT "http://www.w3.org/2000/01/rdf-schema#comment"

/* raptor 2.0.15's N-Triples parser leaks the datatype IRI of typed
 * literals; that is raptor's leak, not cnkg's. */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void) {
  return "leak:raptor_ntriples_parse_term\nleak:raptor_concepts_init\n";
}
const char *__asan_default_options(void);
const char *__asan_default_options(void) { return "fast_unwind_on_malloc=0"; }

typedef struct {
  char *s, *p, *o; /* IRIs as text; literal objects as text */
  char *lang;      /* literal language or NULL */
  bool o_literal;
} Triple;

typedef struct {
  Triple *t;
  size_t n, cap;
  int errors;
} Triples;

static char *term_text(raptor_term *t) {
  const unsigned char *s = NULL;
  if (t->type == RAPTOR_TERM_TYPE_URI) s = raptor_uri_as_string(t->value.uri);
  else if (t->type == RAPTOR_TERM_TYPE_LITERAL) s = t->value.literal.string;
  else s = (const unsigned char *)"_:blank";
  size_t n = strlen((const char *)s);
  char *d = malloc(n + 1);
  if (d) memcpy(d, s, n + 1);
  return d;
}

static void on_triple(void *user, raptor_statement *st) {
  Triples *ts = user;
  if (ts->n == ts->cap) {
    ts->cap = ts->cap ? ts->cap * 2 : 256;
    ts->t = realloc(ts->t, ts->cap * sizeof *ts->t);
    if (!ts->t) abort();
  }
  Triple *t = &ts->t[ts->n++];
  t->s = term_text(st->subject);
  t->p = term_text(st->predicate);
  t->o = term_text(st->object);
  t->o_literal = st->object->type == RAPTOR_TERM_TYPE_LITERAL;
  t->lang = NULL;
  if (t->o_literal && st->object->value.literal.language) {
    const char *l = (const char *)st->object->value.literal.language;
    t->lang = malloc(strlen(l) + 1);
    if (t->lang) strcpy(t->lang, l);
  }
  if (st->subject->type == RAPTOR_TERM_TYPE_BLANK ||
      st->object->type == RAPTOR_TERM_TYPE_BLANK)
    ts->errors++;
}

static void on_log(void *user, raptor_log_message *m) {
  Triples *ts = user;
  if (m->level >= RAPTOR_LOG_LEVEL_ERROR) {
    printf("raptor: %s\n", m->text);
    ts->errors++;
  }
}

static bool parse(const char *syntax, const char *text, size_t len,
                  Triples *out) {
  raptor_world *w = raptor_new_world();
  if (!w || raptor_world_open(w)) return false;
  raptor_world_set_log_handler(w, out, on_log);
  raptor_parser *p = raptor_new_parser(w, syntax);
  raptor_uri *base = raptor_new_uri(w, (const unsigned char *)"https://w3id.org/cnkg/ontology");
  raptor_parser_set_statement_handler(p, out, on_triple);
  int e = raptor_parser_parse_start(p, base);
  if (!e) e = raptor_parser_parse_chunk(p, (const unsigned char *)text, len, 1);
  raptor_free_uri(base);
  raptor_free_parser(p);
  raptor_free_world(w);
  return e == 0 && out->errors == 0;
}

static void free_triples(Triples *ts) {
  for (size_t i = 0; i < ts->n; i++) {
    free(ts->t[i].s);
    free(ts->t[i].p);
    free(ts->t[i].o);
    free(ts->t[i].lang);
  }
  free(ts->t);
}

static bool declared(const Triples *onto, const char *iri) {
  static const char *const kinds[] = {
      "http://www.w3.org/2002/07/owl#Class",
      "http://www.w3.org/2002/07/owl#ObjectProperty",
      "http://www.w3.org/2002/07/owl#DatatypeProperty",
      "http://www.w3.org/2002/07/owl#AnnotationProperty",
      "http://www.w3.org/1999/02/22-rdf-syntax-ns#Property",
      "http://www.w3.org/2000/01/rdf-schema#Class"};
  for (size_t i = 0; i < onto->n; i++) {
    const Triple *t = &onto->t[i];
    if (strcmp(t->s, iri) || strcmp(t->p, RDF_TYPE)) continue;
    for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++)
      if (!strcmp(t->o, kinds[k])) return true;
  }
  return false;
}

/* Whether onto says s p "text"@lang. */
static bool has_label(const Triples *onto, const char *s, const char *text, const char *lang) {
  for (size_t i = 0; i < onto->n; i++) {
    const Triple *t = &onto->t[i];
    if (!strcmp(t->s, s) && !strcmp(t->p, RDFS_LABEL) && t->o_literal && t->lang &&
        !strcmp(t->lang, lang) && !strcmp(t->o, text))
      return true;
  }
  return false;
}

static bool has_literal(const Triples *onto, const char *s, const char *p,
                        const char *lang) {
  for (size_t i = 0; i < onto->n; i++) {
    const Triple *t = &onto->t[i];
    if (!strcmp(t->s, s) && !strcmp(t->p, p) && t->o_literal &&
        (!lang || (t->lang && !strcmp(t->lang, lang))))
      return true;
  }
  return false;
}

int main(void) {
  const char *src = check_env("CNKG_SOURCE_DIR", "..");
  char path[1024];
  snprintf(path, sizeof path, "%s/ontology/cnkg.ttl", src);
  size_t len;
  char *ttl = check_read_file(path, &len);
  if (!ttl) SKIP("ontology/cnkg.ttl not found (set CNKG_SOURCE_DIR)");
  Triples onto = {0};
  CHECK(parse("turtle", ttl, len, &onto));
  CHECK(onto.n > 100);

  /* Everything the writer can emit: two merged documents, full provenance. */
  CnkgGraph *a = sample_graph(0), *b = sample_graph(1), *g = cnkg_graph_new();
  CHECK_EQ(cnkg_graph_merge(g, a), 0);
  CHECK_EQ(cnkg_graph_merge(g, b), 0);
  CHECK_EQ(cnkg_graph_canonicalize(g), 0);
  /* Plus a list-only ancestor in the merged graph. */
  size_t anc;
  CHECK_EQ(cnkg_graph_add_entity(g, "place/44", CNKG_TYPE_PROVINCE, "广东省", &anc), 0);
  cnkg_graph_set_flags(g, anc, CNKG_ENTITY_FROM_DIVISION_LIST);
  /* Plus the places beyond the division list (extractor/world.c). */
  static const struct { const char *key; CnkgType type; const char *label; } WORLD[] = {
      {"country/CN", CNKG_TYPE_COUNTRY, "中国"}, {"continent/x", CNKG_TYPE_CONTINENT, "亚洲"},
      {"region/x", CNKG_TYPE_REGION, "华北"},     {"river/x", CNKG_TYPE_RIVER, "长江"},
      {"lake/x", CNKG_TYPE_LAKE, "洞庭湖"},       {"mountain/x", CNKG_TYPE_MOUNTAIN, "太行山"},
      {"city/us-new-york", CNKG_TYPE_CITY, "纽约"}};
  for (size_t k = 0; k < sizeof WORLD / sizeof *WORLD; k++) {
    size_t e;
    CHECK_EQ(cnkg_graph_add_entity(g, WORLD[k].key, WORLD[k].type, WORLD[k].label, &e), 0);
    if (k == 0) CHECK_EQ(cnkg_graph_add_relation(g, anc, CNKG_REL_WITHIN_DIVISION, e, NULL, NULL), 0);
  }
  /* Plus a likely-same person (core/careers.c). */
  size_t twin, first = SIZE_MAX;
  for (size_t i = 0; i < cnkg_graph_entity_count(g) && first == SIZE_MAX; i++)
    if (cnkg_graph_entity(g, i)->type == CNKG_TYPE_PERSON) first = i;
  CHECK(first != SIZE_MAX);
  CHECK_EQ(cnkg_graph_add_entity(g, "person/ffffffffffffffff", CNKG_TYPE_PERSON,
                                 cnkg_graph_entity(g, first)->label, &twin), 0);
  CHECK_EQ(cnkg_graph_add_relation(g, first, CNKG_REL_POSSIBLY_SAME_AS, twin, NULL, NULL), 0);
  /* Plus a township named by a former suffix (extractor/place_link.c). */
  CHECK_EQ(cnkg_graph_add_relation(g, anc, CNKG_REL_FORMER_NAME, SIZE_MAX, "旧省", NULL), 0);
  CHECK_EQ(cnkg_graph_canonicalize(g), 0);
  CnkgOutput *out = NULL;
  CHECK_EQ(cnkg_output_new_memory(&out), 0);
  CnkgRdfOptions opt;
  cnkg_rdf_options_init(&opt);
  opt.format = CNKG_RDF_NTRIPLES;
  CHECK_EQ(cnkg_rdf_write(g, &opt, out), 0);
  size_t nlen;
  const char *nt = cnkg_output_memory(out, &nlen);
  Triples emitted = {0};
  CHECK(parse("ntriples", nt, nlen, &emitted));

  size_t checked = 0;
  bool seen_type[CNKG_TYPE_COUNT] = {false}, seen_rel[CNKG_REL_COUNT] = {false};
  for (size_t i = 0; i < emitted.n; i++) {
    const Triple *t = &emitted.t[i];
    const char *terms[2] = {t->p, !strcmp(t->p, RDF_TYPE) ? t->o : NULL};
    for (int k = 0; k < 2; k++) {
      const char *iri = terms[k];
      if (!iri || !strcmp(iri, RDF_TYPE) || !strcmp(iri, RDFS_LABEL)) continue;
      checked++;
      if (!declared(&onto, iri)) {
        printf("not declared in cnkg.ttl: %s\n", iri);
        CHECK(0 && "every emitted term is declared");
      }
      for (int x = 0; x < CNKG_TYPE_COUNT; x++)
        if (!strcmp(iri + strlen(CNKG_ONTOLOGY_NS) * (strncmp(iri, CNKG_ONTOLOGY_NS, strlen(CNKG_ONTOLOGY_NS)) == 0),
                    cnkg_type_name((CnkgType)x)))
          seen_type[x] = true;
      for (int x = 0; x < CNKG_REL_COUNT; x++)
        if (!strncmp(iri, CNKG_ONTOLOGY_NS, strlen(CNKG_ONTOLOGY_NS)) &&
            !strcmp(iri + strlen(CNKG_ONTOLOGY_NS), cnkg_rel_name((CnkgRel)x)))
          seen_rel[x] = true;
    }
  }
  CHECK(checked > 0);
  for (int x = 0; x < CNKG_TYPE_COUNT; x++) CHECK(seen_type[x]);
  for (int x = 0; x < CNKG_REL_COUNT; x++) CHECK(seen_rel[x]);

  /* Every cnkg: term declared in the ontology is documented in zh and en. */
  size_t documented = 0;
  for (size_t i = 0; i < onto.n; i++) {
    const Triple *t = &onto.t[i];
    if (strncmp(t->s, CNKG_ONTOLOGY_NS, strlen(CNKG_ONTOLOGY_NS)) ||
        strcmp(t->p, RDF_TYPE))
      continue;
    documented++;
    if (!has_literal(&onto, t->s, RDFS_LABEL, "zh") ||
        !has_literal(&onto, t->s, RDFS_LABEL, "en") ||
        !has_literal(&onto, t->s, RDFS_COMMENT, "zh") ||
        !has_literal(&onto, t->s, RDFS_COMMENT, "en")) {
      printf("undocumented: %s\n", t->s);
      CHECK(0 && "labels and comments in zh and en");
    }
  }
  CHECK(documented >= 30);

  /* The kinds table (core/kinds.c) carries the ontology's labels. */
  for (int x = 0; x < CNKG_TYPE_COUNT; x++) {
    const CnkgTypeInfo *k = cnkg_type_info((CnkgType)x);
    if (!has_label(&onto, k->iri, k->zh, "zh") || !has_label(&onto, k->iri, k->en, "en")) {
      printf("kinds table and ontology disagree on the labels of %s\n", k->iri);
      CHECK(0 && "kind labels as in the ontology");
    }
  }
  for (int x = 0; x < CNKG_REL_COUNT; x++) {
    const CnkgRelInfo *k = cnkg_rel_info((CnkgRel)x);
    if (!has_label(&onto, k->iri, k->zh, "zh") || !has_label(&onto, k->iri, k->en, "en")) {
      printf("kinds table and ontology disagree on the labels of %s\n", k->iri);
      CHECK(0 && "relation labels as in the ontology");
    }
  }

  free_triples(&onto);
  free_triples(&emitted);
  cnkg_output_free(out);
  cnkg_graph_free(a);
  cnkg_graph_free(b);
  cnkg_graph_free(g);
  free(ttl);
  return check_finish();
}
