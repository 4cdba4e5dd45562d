/* SPDX-License-Identifier: Apache-2.0
 * Rebuilds the graph model from RDF cnkg wrote: collects one shard's
 * statements through raptor2's parser, groups them by subject, and replays
 * documents, entities, mentions, relations and evidence into a model that
 * cnkg_graph_merge then folds into the result. Depends on include/cnkg/ and
 * raptor2; the vocabulary mirrors out/rdf.c (namespaces in out/vocab.h). */
#include "out/merge.h"

#include <errno.h>
#include <raptor2.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cnkg/text.h"
#include "out/rdf.h"
#include "out/vocab.h"

/* Predicates that carry model content; everything else cnkg writes is
 * derived from these (types of concepts, schemes, mentionedIn, the agent). */
enum {
  P_TYPE, P_LABEL, P_ALTLABEL, P_CODE, P_OFFICIAL, P_FROMLIST, P_SOURCE,
  P_SHA256, P_TITLE, P_CREATOR, P_PHOTOGRAPHER, P_PUBLISHER, P_BEGIN, P_END,
  P_ANCHOR, P_REFCTX, P_TAIDENT, P_SUBJECT, P_PREDICATE, P_OBJECT, P_DERIVED,
  P_SENTENCE, P_DERIVED_ONLY, /* known, ignored: rebuilt by the writer */
  P_REL /* + CnkgRel */
};

static const char *const pred_iris[] = {
    CNKG_NS_RDF "type", CNKG_NS_RDFS "label", CNKG_NS_SKOS "altLabel",
    CNKG_NS_CNKG "code", CNKG_NS_CNKG "officialName",
    CNKG_NS_CNKG "fromDivisionList", CNKG_NS_DCT "source",
    CNKG_NS_CNKG "sha256", CNKG_NS_SCHEMA "headline", CNKG_NS_DCT "creator",
    CNKG_NS_CNKG "photographer", CNKG_NS_DCT "publisher",
    CNKG_NS_NIF "beginIndex", CNKG_NS_NIF "endIndex", CNKG_NS_NIF "anchorOf",
    CNKG_NS_NIF "referenceContext", CNKG_NS_ITS "taIdentRef",
    CNKG_NS_CNKG "subject", CNKG_NS_CNKG "predicate", CNKG_NS_CNKG "object",
    CNKG_NS_PROV "wasDerivedFrom", CNKG_NS_CNKG "sentence"};

static const char *const derived_iris[] = {
    CNKG_NS_SKOS "prefLabel", CNKG_NS_SKOS "inScheme",
    CNKG_NS_CNKG "mentionedIn", CNKG_NS_PROV "wasAttributedTo"};

typedef struct {
  char *s;    /* subject IRI */
  char *o;    /* object IRI or literal text */
  int p;      /* P_* */
  bool lit;   /* o is a literal */
} Triple;

typedef enum { K_NONE, K_DOC, K_ENTITY, K_MENTION, K_EVIDENCE, K_AGENT } Kind;

typedef struct {
  Triple *t;
  size_t n, cap;
  bool nomem;
  char *err;
  size_t errsize;
  const char *path;
} Reader;

#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static void say(Reader *r, const char *fmt, ...) {
  if (!r->err || !r->errsize || r->err[0]) return;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(r->err, r->errsize, fmt, ap);
  va_end(ap);
}

static void on_log(void *data, raptor_log_message *m) {
  Reader *r = data;
  if (m->level < RAPTOR_LOG_LEVEL_ERROR) return;
  int line = m->locator ? raptor_locator_line(m->locator) : -1;
  if (line > 0) say(r, "line %d: %s", line, m->text ? m->text : "syntax error");
  else say(r, "%s", m->text ? m->text : "cannot parse graph");
}

static char *term_text(raptor_term *t, bool *lit) {
  *lit = t->type == RAPTOR_TERM_TYPE_LITERAL;
  if (t->type == RAPTOR_TERM_TYPE_URI) {
    const char *u = (const char *)raptor_uri_as_string(t->value.uri);
    return cnkg_strndup(u, strlen(u));
  }
  if (*lit)
    return cnkg_strndup((const char *)t->value.literal.string,
                        t->value.literal.string_len);
  return NULL; /* blank nodes: cnkg never writes them */
}

static void on_statement(void *data, raptor_statement *st) {
  Reader *r = data;
  if (r->nomem || (r->err && r->err[0])) return;
  const char *pi = (const char *)raptor_uri_as_string(st->predicate->value.uri);
  int p = -1;
  for (size_t i = 0; i < sizeof pred_iris / sizeof *pred_iris && p < 0; i++)
    if (!strcmp(pi, pred_iris[i])) p = (int)i;
  for (size_t i = 0; i < sizeof derived_iris / sizeof *derived_iris && p < 0; i++)
    if (!strcmp(pi, derived_iris[i])) p = P_DERIVED_ONLY;
  size_t lc = strlen(CNKG_NS_CNKG);
  for (int i = 0; i < CNKG_REL_COUNT && p < 0; i++)
    if (!strncmp(pi, CNKG_NS_CNKG, lc) && !strcmp(pi + lc, cnkg_rel_name((CnkgRel)i)))
      p = P_REL + i;
  if (p < 0) {
    say(r, "unknown predicate <%s>: not a graph cnkg wrote", pi);
    return;
  }
  if (p == P_DERIVED_ONLY) return;
  if (st->subject->type != RAPTOR_TERM_TYPE_URI ||
      st->object->type == RAPTOR_TERM_TYPE_BLANK) {
    say(r, "blank node: not a graph cnkg wrote");
    return;
  }
  if (r->n == r->cap) {
    size_t nc = r->cap ? r->cap * 2 : 1024;
    Triple *t = realloc(r->t, nc * sizeof *t);
    if (!t) {
      r->nomem = true;
      return;
    }
    r->t = t;
    r->cap = nc;
  }
  Triple *t = &r->t[r->n];
  bool lit;
  t->s = term_text(st->subject, &lit);
  t->o = term_text(st->object, &t->lit);
  t->p = p;
  if (!t->s || !t->o) {
    free(t->s);
    free(t->o);
    r->nomem = true;
    return;
  }
  r->n++;
}

static int cmp_triple(const void *a, const void *b) {
  const Triple *x = a, *y = b;
  int c = strcmp(x->s, y->s);
  if (c) return c;
  if (x->p != y->p) return x->p < y->p ? -1 : 1;
  return strcmp(x->o, y->o);
}

/* ---- replay ----------------------------------------------------------- */

typedef struct {
  const char *key;
  size_t index;
} DocKey;

static int cmp_dockey(const void *a, const void *b) {
  return strcmp(((const DocKey *)a)->key, ((const DocKey *)b)->key);
}

typedef struct {
  Reader *r;
  const char *base;
  size_t lb;
  CnkgGraph *g;
  DocKey *docs;
  size_t n_docs;
} Replay;

/* The key of an IRI under the base, or NULL (reported) if outside it. */
static const char *key_of(Replay *x, const char *iri) {
  if (strncmp(iri, x->base, x->lb) || !iri[x->lb]) {
    say(x->r, "<%s> is not under the base %s", iri, x->base);
    return NULL;
  }
  return iri + x->lb;
}

static bool doc_of(Replay *x, const char *iri, size_t *index) {
  const char *k = key_of(x, iri);
  if (!k) return false;
  DocKey probe = {k, 0};
  DocKey *d = x->n_docs ? bsearch(&probe, x->docs, x->n_docs, sizeof *d, cmp_dockey)
                        : NULL;
  if (!d) say(x->r, "<%s> is not a document of the graph", iri);
  else *index = d->index;
  return d != NULL;
}

static bool entity_of(Replay *x, const char *iri, size_t *index) {
  const char *k = key_of(x, iri);
  if (!k) return false;
  if (cnkg_graph_find_entity(x->g, k, index) == CNKG_SUCCESS) return true;
  say(x->r, "<%s> is not an entity of the graph", iri);
  return false;
}

static bool number_of(Reader *r, const Triple *t, size_t *n) {
  char *end;
  errno = 0;
  unsigned long long v = strtoull(t->o, &end, 10);
  if (!t->lit || !*t->o || *end || errno || v > SIZE_MAX) {
    say(r, "<%s>: \"%s\" is not an offset", t->s, t->o);
    return false;
  }
  *n = (size_t)v;
  return true;
}

/* What a subject group describes, from its rdf:type statements. */
static Kind kind_of(const Triple *t, size_t n, CnkgType *type) {
  Kind k = K_NONE;
  *type = CNKG_TYPE_COUNT;
  size_t lc = strlen(CNKG_NS_CNKG);
  for (size_t i = 0; i < n; i++) {
    if (t[i].p != P_TYPE || t[i].lit) continue;
    const char *o = t[i].o;
    if (!strcmp(o, CNKG_NS_CNKG "Document")) k = K_DOC;
    else if (!strcmp(o, CNKG_NS_NIF "Phrase")) k = K_MENTION;
    else if (!strcmp(o, CNKG_NS_CNKG "Evidence")) k = K_EVIDENCE;
    else if (!strcmp(o, CNKG_NS_PROV "SoftwareAgent")) k = K_AGENT;
    else if (!strncmp(o, CNKG_NS_CNKG, lc))
      for (int c = 0; c < CNKG_TYPE_COUNT; c++)
        if (!strcmp(o + lc, cnkg_type_name((CnkgType)c)) && (CnkgType)c < *type) {
          *type = (CnkgType)c;
          k = K_ENTITY;
        }
  }
  return k;
}

/* First object of predicate p in the group, or NULL. */
static const Triple *first(const Triple *t, size_t n, int p) {
  for (size_t i = 0; i < n; i++)
    if (t[i].p == p) return &t[i];
  return NULL;
}

static const char *text_of(const Triple *t, size_t n, int p) {
  const Triple *f = first(t, n, p);
  return f ? f->o : NULL;
}

static bool label_better(const char *a, const char *b) {
  size_t la = cnkg_utf8_count(a, strlen(a)), lb = cnkg_utf8_count(b, strlen(b));
  if (la != lb) return la > lb;
  return strcmp(a, b) < 0;
}

static CnkgStatus replay_doc(Replay *x, const Triple *t, size_t n) {
  const char *key = key_of(x, t->s);
  if (!key) return CNKG_ERR_TEXT;
  const Triple *end = first(t, n, P_END);
  size_t chars = 0;
  if (!end || !number_of(x->r, end, &chars)) {
    say(x->r, "document <%s> has no nif:endIndex: "
              "merge needs graphs written with --provenance full", t->s);
    return CNKG_ERR_TEXT;
  }
  CnkgDocument d = {(char *)key,
                    (char *)text_of(t, n, P_SOURCE),
                    (char *)text_of(t, n, P_SHA256),
                    (char *)text_of(t, n, P_TITLE),
                    (char *)text_of(t, n, P_CREATOR),
                    (char *)text_of(t, n, P_PHOTOGRAPHER),
                    (char *)text_of(t, n, P_PUBLISHER),
                    chars};
  size_t index;
  CnkgStatus s = cnkg_graph_add_document(x->g, &d, &index);
  if (s) return s;
  x->docs[x->n_docs++] = (DocKey){key, index};
  return CNKG_SUCCESS;
}

static CnkgStatus replay_entity(Replay *x, const Triple *t, size_t n,
                                CnkgType type) {
  const char *key = key_of(x, t->s);
  if (!key) return CNKG_ERR_TEXT;
  const char *label = text_of(t, n, P_LABEL);
  size_t e;
  CnkgStatus s = cnkg_graph_add_entity(x->g, key, type, label, &e);
  bool pinned = false;
  for (size_t i = 0; i < n && !s; i++) {
    if (t[i].p == P_ALTLABEL) {
      s = cnkg_graph_add_alias(x->g, e, t[i].o);
      if (label && label_better(t[i].o, label)) pinned = true;
    } else if (t[i].p == P_LABEL && strcmp(t[i].o, label)) {
      say(x->r, "<%s> has two rdfs:label", t->s);
      return CNKG_ERR_TEXT;
    }
  }
  if (!s && pinned) s = cnkg_graph_set_label(x->g, e, label);
  if (!s) s = cnkg_graph_set_code(x->g, e, text_of(t, n, P_CODE),
                                  text_of(t, n, P_OFFICIAL));
  if (!s && first(t, n, P_FROMLIST))
    cnkg_graph_set_flags(x->g, e, CNKG_ENTITY_FROM_DIVISION_LIST);
  return s;
}

/* Relation statements of an entity group (evidence comes later). */
static CnkgStatus replay_relations(Replay *x, const Triple *t, size_t n) {
  size_t subject;
  if (!entity_of(x, t->s, &subject)) return CNKG_ERR_TEXT;
  for (size_t i = 0; i < n; i++) {
    if (t[i].p < P_REL) continue;
    CnkgRel rel = (CnkgRel)(t[i].p - P_REL);
    size_t object = SIZE_MAX;
    if (cnkg_rel_is_literal(rel) != t[i].lit ||
        (!t[i].lit && !entity_of(x, t[i].o, &object))) {
      say(x->r, "<%s> %s: unexpected object", t->s, cnkg_rel_name(rel));
      return CNKG_ERR_TEXT;
    }
    CnkgStatus s = cnkg_graph_add_relation(x->g, subject, rel, object,
                                           t[i].lit ? t[i].o : NULL, NULL);
    if (s) return s;
  }
  return CNKG_SUCCESS;
}

static CnkgStatus replay_mention(Replay *x, const Triple *t, size_t n) {
  const Triple *ctx = first(t, n, P_REFCTX), *b = first(t, n, P_BEGIN),
               *e = first(t, n, P_END);
  size_t doc, begin, end;
  if (!ctx || !b || !e || !doc_of(x, ctx->o, &doc) ||
      !number_of(x->r, b, &begin) || !number_of(x->r, e, &end)) {
    say(x->r, "mention <%s> is incomplete", t->s);
    return CNKG_ERR_TEXT;
  }
  const char *anchor = text_of(t, n, P_ANCHOR);
  for (size_t i = 0; i < n; i++) {
    size_t ent;
    if (t[i].p != P_TAIDENT) continue;
    if (!entity_of(x, t[i].o, &ent)) return CNKG_ERR_TEXT;
    CnkgStatus s = cnkg_graph_add_mention(x->g, ent, doc, begin, end, anchor);
    if (s) return s;
  }
  return CNKG_SUCCESS;
}

static CnkgStatus replay_evidence(Replay *x, const Triple *t, size_t n) {
  const Triple *su = first(t, n, P_SUBJECT), *pr = first(t, n, P_PREDICATE),
               *ob = first(t, n, P_OBJECT), *from = first(t, n, P_DERIVED),
               *b = first(t, n, P_BEGIN), *e = first(t, n, P_END);
  size_t subject, object = SIZE_MAX;
  CnkgEvidence ev = {0, 0, 0, (char *)text_of(t, n, P_SENTENCE)};
  int rel = -1;
  size_t lc = strlen(CNKG_NS_CNKG);
  for (int i = 0; pr && i < CNKG_REL_COUNT; i++)
    if (!strncmp(pr->o, CNKG_NS_CNKG, lc) && !strcmp(pr->o + lc, cnkg_rel_name((CnkgRel)i)))
      rel = i;
  if (!su || rel < 0 || !ob || !from || !b || !e ||
      !entity_of(x, su->o, &subject) || !doc_of(x, from->o, &ev.doc) ||
      !number_of(x->r, b, &ev.begin) || !number_of(x->r, e, &ev.end) ||
      ob->lit != cnkg_rel_is_literal((CnkgRel)rel) ||
      (!ob->lit && !entity_of(x, ob->o, &object))) {
    say(x->r, "evidence <%s> is incomplete", t->s);
    return CNKG_ERR_TEXT;
  }
  return cnkg_graph_add_relation(x->g, subject, (CnkgRel)rel, object,
                                 ob->lit ? ob->o : NULL, &ev);
}

/* Replays the sorted statements in passes, so every document and entity
 * exists before anything refers to it. */
static CnkgStatus replay(Replay *x, const Triple *t, size_t n) {
  size_t groups = 0;
  bool agent = false;
  for (size_t i = 0; i < n; i++)
    if (i == 0 || strcmp(t[i].s, t[i - 1].s)) groups++;
  if (!(x->docs = malloc((groups + 1) * sizeof *x->docs))) return CNKG_ERR_NOMEM;
  CnkgStatus s = CNKG_SUCCESS;
  for (int pass = 0; pass < 4 && !s; pass++) {
    for (size_t i = 0, j; i < n && !s; i = j) {
      for (j = i + 1; j < n && !strcmp(t[j].s, t[i].s); j++) continue;
      CnkgType type;
      Kind k = kind_of(t + i, j - i, &type);
      if (k == K_AGENT) agent = true;
      if (pass == 0 && k == K_DOC) s = replay_doc(x, t + i, j - i);
      else if (pass == 1 && k == K_ENTITY) s = replay_entity(x, t + i, j - i, type);
      else if (pass == 2 && k == K_ENTITY) s = replay_relations(x, t + i, j - i);
      else if (pass == 2 && k == K_MENTION) s = replay_mention(x, t + i, j - i);
      else if (pass == 3 && k == K_EVIDENCE) s = replay_evidence(x, t + i, j - i);
    }
    if (pass == 0 && x->n_docs > 1)
      qsort(x->docs, x->n_docs, sizeof *x->docs, cmp_dockey);
  }
  if (!s && x->n_docs && !agent) {
    say(x->r, "no evidence or agent: merge needs graphs written with "
              "--provenance full");
    s = CNKG_ERR_TEXT;
  }
  return s;
}

CnkgStatus cnkg_merge_read(CnkgGraph *graph, const char *path, bool is_turtle,
                           const char *base, char *err, size_t errsize) {
  if (err && errsize) err[0] = '\0';
  if (!graph || !path) return CNKG_ERR_ARG;
  if (!base) base = CNKG_RDF_DEFAULT_BASE;
  bool std_in = !strcmp(path, "-");
  size_t lp = strlen(path);
  bool nt = std_in ? !is_turtle : lp >= 3 && !strcmp(path + lp - 3, ".nt");
  FILE *f = std_in ? stdin : fopen(path, "rb");
  if (!f) {
    if (err && errsize) snprintf(err, errsize, "cannot read graph: %s", strerror(errno));
    return CNKG_ERR_READ;
  }
  Reader r = {NULL, 0, 0, false, err, errsize, path};
  raptor_world *world = raptor_new_world();
  raptor_parser *parser = NULL;
  unsigned char *us = NULL;
  raptor_uri *buri = NULL;
  CnkgStatus s = CNKG_SUCCESS;
  if (!world || raptor_world_open(world)) {
    s = CNKG_ERR_NOMEM;
    goto done;
  }
  raptor_world_set_log_handler(world, &r, on_log);
  parser = raptor_new_parser(world, nt ? "ntriples" : "turtle");
  us = raptor_uri_filename_to_uri_string(std_in ? "stdin" : path);
  buri = us ? raptor_new_uri(world, us) : NULL;
  if (!parser || !buri) {
    s = CNKG_ERR_NOMEM;
    goto done;
  }
  raptor_parser_set_statement_handler(parser, &r, on_statement);
  int prc = raptor_parser_parse_file_stream(parser, f, path, buri);
  if (r.nomem) s = CNKG_ERR_NOMEM;
  else if (ferror(f)) s = CNKG_ERR_READ;
  else if (prc || (err && errsize && err[0])) s = CNKG_ERR_TEXT;
  if (s) goto done;
  if (r.n > 1) qsort(r.t, r.n, sizeof *r.t, cmp_triple);
  CnkgGraph *shard = cnkg_graph_new();
  if (!shard) {
    s = CNKG_ERR_NOMEM;
    goto done;
  }
  Replay x = {&r, base, strlen(base), shard, NULL, 0};
  s = replay(&x, r.t, r.n);
  if (!s) s = cnkg_graph_merge(graph, shard);
  free(x.docs);
  cnkg_graph_free(shard);
done:
  if (s && err && errsize && !err[0]) snprintf(err, errsize, "%s", cnkg_strerror(s));
  for (size_t i = 0; i < r.n; i++) {
    free(r.t[i].s);
    free(r.t[i].o);
  }
  free(r.t);
  if (parser) raptor_free_parser(parser);
  if (buri) raptor_free_uri(buri);
  if (us) raptor_free_memory(us);
  if (world) raptor_free_world(world);
  if (!std_in) fclose(f);
  return s;
}
