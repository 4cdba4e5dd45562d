/* SPDX-License-Identifier: Apache-2.0
 * Rebuilds the graph model from RDF cnkg wrote: collects one shard's
 * statements through raptor2's parser, groups them by subject, and replays
 * documents, entities, mentions, relations and evidence into a model that
 * cnkg_graph_merge then folds into the result. Depends on include/cnkg/ and
 * raptor2; the vocabulary mirrors out/rdf.c (namespaces in out/vocab.h). */
#include "out/merge.h"

#include <ctype.h>
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
  P_SENTENCE, P_ISSUED, P_DERIVED_ONLY, /* known, ignored: rebuilt by the writer */
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
    CNKG_NS_PROV "wasDerivedFrom", CNKG_NS_CNKG "sentence", CNKG_NS_DCT "issued"};

static const char *const derived_iris[] = {
    CNKG_NS_SKOS "prefLabel", CNKG_NS_SKOS "inScheme",
    CNKG_NS_CNKG "mentionedIn", CNKG_NS_PROV "wasAttributedTo"};

typedef struct {
  char *s;    /* subject IRI */
  char *o;    /* object IRI or literal text */
  int p;      /* P_* */
  bool lit;   /* o is a literal */
  char *lang; /* literal: its language tag, or NULL */
  char *dt;   /* literal: its datatype IRI, or NULL */
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

/* A short, printable form of a literal for messages: its first characters,
 * controls and quotes as \u escapes, with its tag or datatype. */
static void show_literal(const Triple *t, char *buf, size_t size) {
  size_t o = 0, chars = 0;
  const char *s = t->o;
  size_t len = strlen(s);
  if (size < 32) return;
  buf[o++] = '"';
  for (size_t i = 0; i < len && o + 16 < size;) {
    size_t b = i;
    uint32_t c = cnkg_utf8_next(s, len, &i);
    if (++chars > 24) {
      memcpy(buf + o, "...", 3);
      o += 3;
      break;
    }
    if (c < 0x20 || c == 0x7f || c == '"' || c == '\\' || (c >= 0x80 && c < 0xa0) ||
        (c >= 0x2028 && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069))
      o += (size_t)snprintf(buf + o, size - o, "\\u%04X", (unsigned)c);
    else {
      memcpy(buf + o, s + b, i - b);
      o += i - b;
    }
  }
  o += (size_t)snprintf(buf + o, size - o, "\"%s%s%s%s", t->lang ? "@" : "",
                        t->lang ? t->lang : "", t->dt ? "^^<" : "", t->dt ? t->dt : "");
  if (t->dt && o + 2 < size) buf[o++] = '>', buf[o] = '\0';
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
  t->lang = t->dt = NULL;
  bool failed = !t->s || !t->o;
  if (!failed && t->lit) {
    const raptor_term_literal_value *v = &st->object->value.literal;
    if (v->language)
      failed = !(t->lang = cnkg_strndup((const char *)v->language, v->language_len));
    if (!failed && v->datatype) {
      const char *d = (const char *)raptor_uri_as_string(v->datatype);
      failed = !(t->dt = cnkg_strndup(d, strlen(d)));
    }
  }
  if (failed) {
    free(t->s);
    free(t->o);
    free(t->lang);
    free(t->dt);
    r->nomem = true;
    return;
  }
  r->n++;
  if (t->lit && strlen(t->o) != st->object->value.literal.string_len) {
    /* the model keeps C strings: the text after the NUL would be lost */
    say(r, "<%s> <%s>: a literal with U+0000 in it, which cnkg cannot carry", t->s, pi);
  }
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

/* What a subject group describes, from its rdf:type statements; *types
 * counts the entity classes among them (the model holds one). */
static Kind kind_of(const Triple *t, size_t n, CnkgType *type, int *types) {
  Kind k = K_NONE;
  *type = CNKG_TYPE_COUNT;
  *types = 0;
  size_t lc = strlen(CNKG_NS_CNKG);
  for (size_t i = 0; i < n; i++) {
    if (t[i].p != P_TYPE || t[i].lit) continue;
    if (i > 0 && t[i - 1].p == P_TYPE && !strcmp(t[i - 1].o, t[i].o)) continue; /* again */
    const char *o = t[i].o;
    if (!strcmp(o, CNKG_NS_CNKG "Document")) k = K_DOC;
    else if (!strcmp(o, CNKG_NS_NIF "Phrase")) k = K_MENTION;
    else if (!strcmp(o, CNKG_NS_CNKG "Evidence")) k = K_EVIDENCE;
    else if (!strcmp(o, CNKG_NS_PROV "SoftwareAgent")) k = K_AGENT;
    else if (!strncmp(o, CNKG_NS_CNKG, lc))
      for (int c = 0; c < CNKG_TYPE_COUNT; c++)
        if (!strcmp(o + lc, cnkg_type_name((CnkgType)c))) {
          (*types)++;
          if ((CnkgType)c < *type) *type = (CnkgType)c;
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

/* What cnkg writes as the object of each predicate of a model node. */
typedef enum {
  O_IRI, O_ZH, O_PLAIN, O_NUMBER, O_TRUE, O_IRI_OR_LIT, O_DATE, O_DECIMAL
} Form;

static Form literal_form(CnkgRel rel) {
  switch (cnkg_rel_literal_kind(rel)) {
  case CNKG_LIT_TEXT: return O_ZH;
  case CNKG_LIT_DATE: return O_DATE;
  case CNKG_LIT_DECIMAL: return O_DECIMAL;
  case CNKG_LIT_BOOLEAN: return O_TRUE;
  case CNKG_LIT_NONE:
  default: return O_IRI;
  }
}

/* The datatype cnkg gives an ISO date of this length. */
static bool date_typed(const Triple *t) {
  size_t n = strlen(t->o);
  const char *want = n == 4 ? CNKG_NS_XSD "gYear" : n == 7 ? CNKG_NS_XSD "gYearMonth"
                     : n == 10 ? CNKG_NS_XSD "date" : NULL;
  return t->lit && t->dt && want && !strcmp(t->dt, want);
}

static Form form_of(int p) {
  switch (p) {
  case P_LABEL: case P_ALTLABEL: case P_OFFICIAL: case P_TITLE: case P_CREATOR:
  case P_PHOTOGRAPHER: case P_PUBLISHER: case P_ANCHOR: case P_SENTENCE:
    return O_ZH;
  case P_CODE: case P_SOURCE: case P_SHA256: return O_PLAIN;
  case P_BEGIN: case P_END: return O_NUMBER;
  case P_FROMLIST: return O_TRUE;
  case P_OBJECT: return O_IRI_OR_LIT;
  case P_ISSUED: return O_DATE;
  default:
    if (p >= P_REL) return literal_form((CnkgRel)(p - P_REL));
    return O_IRI;
  }
}

static const char *const form_names[] = {
    "an IRI", "a literal tagged @zh", "a plain literal",
    "an xsd:nonNegativeInteger", "\"true\"^^xsd:boolean", "an IRI or a literal",
    "an xsd:gYear, xsd:gYearMonth or xsd:date", "an xsd:decimal"};

/* Whether t's object has the form cnkg writes for its predicate; reported
 * (naming the subject, predicate and object) if not: merging would change
 * it (a tag rewritten to @zh, a "false" read as true). */
static bool form_ok(Reader *r, const Triple *t) {
  Form f = form_of(t->p);
  bool zh = t->lit && t->lang && !strcmp(t->lang, "zh") && !t->dt;
  bool ok;
  switch (f) {
  case O_IRI: ok = !t->lit; break;
  case O_ZH: ok = zh; break;
  case O_PLAIN: ok = t->lit && !t->lang && !t->dt; break;
  case O_NUMBER: ok = t->lit && t->dt && !strcmp(t->dt, CNKG_NS_XSD "nonNegativeInteger"); break;
  case O_TRUE:
    ok = t->lit && t->dt && !strcmp(t->dt, CNKG_NS_XSD "boolean") && !strcmp(t->o, "true");
    break;
  case O_DATE: ok = date_typed(t); break;
  case O_DECIMAL: ok = t->lit && t->dt && !strcmp(t->dt, CNKG_NS_XSD "decimal"); break;
  default: ok = !t->lit || zh || date_typed(t) ||
                (t->dt && (!strcmp(t->dt, CNKG_NS_XSD "decimal") ||
                           !strcmp(t->dt, CNKG_NS_XSD "boolean")));
    break;
  }
  if (ok) return true;
  char shown[160];
  if (t->lit) show_literal(t, shown, sizeof shown);
  else snprintf(shown, sizeof shown, "<%.140s>", t->o);
  say(r, "<%s> <%s> %s: cnkg writes %s there; merging would not give it back",
      t->s, t->p < P_REL ? pred_iris[t->p] : cnkg_rel_name((CnkgRel)(t->p - P_REL)), shown,
      form_names[f]);
  return false;
}

/* Checks a node's statements (sorted by predicate, then object): each in
 * the form cnkg writes, and the predicates the model holds one value of
 * (those in one[], up to -1) with one value. */
static bool group_ok(Reader *r, const Triple *t, size_t n, const int *one) {
  for (size_t i = 0; i < n; i++) {
    if (t[i].p == P_TYPE) continue;
    if (!form_ok(r, &t[i])) return false;
    if (i == 0 || t[i].p != t[i - 1].p || !strcmp(t[i].o, t[i - 1].o)) continue;
    for (const int *q = one; *q >= 0; q++)
      if (*q == t[i].p) {
        say(r, "<%s> has two <%s> (\"%.60s\", \"%.60s\"); cnkg keeps one", t[i].s,
            pred_iris[t[i].p], t[i - 1].o, t[i].o);
        return false;
      }
  }
  return true;
}

static bool label_better(const char *a, const char *b) {
  size_t la = cnkg_utf8_count(a, strlen(a)), lb = cnkg_utf8_count(b, strlen(b));
  if (la != lb) return la > lb;
  return strcmp(a, b) < 0;
}

static CnkgStatus replay_doc(Replay *x, const Triple *t, size_t n) {
  static const int one[] = {P_SOURCE, P_SHA256, P_TITLE, P_CREATOR, P_PHOTOGRAPHER,
                            P_PUBLISHER, P_BEGIN, P_END, P_ISSUED, -1};
  const char *key = key_of(x, t->s);
  if (!key || !group_ok(x->r, t, n, one)) return CNKG_ERR_TEXT;
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
                    chars,
                    (char *)text_of(t, n, P_ISSUED)};
  size_t index;
  CnkgStatus s = cnkg_graph_add_document(x->g, &d, &index);
  if (s) return s;
  x->docs[x->n_docs++] = (DocKey){key, index};
  return CNKG_SUCCESS;
}

static CnkgStatus replay_entity(Replay *x, const Triple *t, size_t n,
                                CnkgType type, int types) {
  static const int one[] = {P_LABEL, P_CODE, P_OFFICIAL, P_FROMLIST, -1};
  const char *key = key_of(x, t->s);
  if (!key || !group_ok(x->r, t, n, one)) return CNKG_ERR_TEXT;
  if (types > 1) {
    say(x->r, "<%s> has %d cnkg classes as rdf:type; cnkg gives an entity one", t->s,
        types);
    return CNKG_ERR_TEXT;
  }
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
  static const int one[] = {P_REFCTX, P_BEGIN, P_END, P_ANCHOR, -1};
  if (!group_ok(x->r, t, n, one)) return CNKG_ERR_TEXT;
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
  static const int one[] = {P_SUBJECT, P_PREDICATE, P_OBJECT, P_DERIVED, P_BEGIN,
                            P_END, P_SENTENCE, -1};
  if (!group_ok(x->r, t, n, one)) return CNKG_ERR_TEXT;
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
      int types;
      Kind k = kind_of(t + i, j - i, &type, &types);
      if (k == K_AGENT) agent = true;
      if (pass == 0 && k == K_DOC) s = replay_doc(x, t + i, j - i);
      else if (pass == 1 && k == K_ENTITY) s = replay_entity(x, t + i, j - i, type, types);
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

/* Feeds f to parser in blocks, watching for U+0000 on the way: raptor cuts a
 * string at an escaped \u0000 (or \U00000000) without a word, and the
 * model's strings could not hold it either, so such a shard is refused
 * (on which line) rather than merged shortened. Returns raptor's result. */
static int parse_watching(Reader *r, raptor_parser *parser, FILE *f, raptor_uri *base) {
  if (raptor_parser_parse_start(parser, base)) return 1;
  unsigned char buf[64 * 1024];
  int state = 0;      /* 0 text, 1 after an escaping backslash, 2 in \u */
  int need = 0;       /* hex digits still to come in state 2 */
  bool zeros = true;  /* all of them 0 so far */
  unsigned long line = 1;
  char head[256];     /* the start of the line, for the message */
  size_t n_head = 0;
  size_t got;
  int rc = 0;
  while (!rc && (got = fread(buf, 1, sizeof buf, f)) > 0) {
    for (size_t i = 0; i < got; i++) {
      unsigned char c = buf[i];
      if (state == 2 && isxdigit(c)) {
        zeros = zeros && c == '0';
        if (--need == 0) {
          if (zeros) {
            /* name the statement by its leading IRIs (printable ASCII) */
            size_t k = 0;
            while (k < n_head && head[k] > 0x20 && head[k] < 0x7f) k++;
            if (k < n_head && head[k] == ' ')
              for (k++; k < n_head && head[k] > 0x20 && head[k] < 0x7f; k++) continue;
            say(r, "line %lu: %.*s: a literal with an escaped U+0000 (\\u0000), which cnkg "
                "cannot carry", line, (int)k, head);
          }
          state = 0;
        }
        continue;
      }
      if (state == 1 && (c == 'u' || c == 'U')) {
        state = 2;
        need = c == 'u' ? 4 : 8;
        zeros = true;
        continue;
      }
      state = state == 0 && c == '\\' ? 1 : 0;
      if (c == '\n') {
        line++;
        n_head = 0;
        continue;
      }
      if (n_head < sizeof head) head[n_head++] = (char)c;
      if (c == 0) say(r, "line %lu: a NUL byte, which cnkg cannot carry", line);
    }
    if (r->err && r->errsize && r->err[0]) return 1;
    rc = raptor_parser_parse_chunk(parser, buf, got, 0);
  }
  if (!rc) rc = raptor_parser_parse_chunk(parser, NULL, 0, 1);
  return rc;
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
  int prc = parse_watching(&r, parser, f, buri);
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
    free(r.t[i].lang);
    free(r.t[i].dt);
  }
  free(r.t);
  if (parser) raptor_free_parser(parser);
  if (buri) raptor_free_uri(buri);
  if (us) raptor_free_memory(us);
  if (world) raptor_free_world(world);
  if (!std_in) fclose(f);
  return s;
}
