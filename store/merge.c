/* SPDX-License-Identifier: Apache-2.0
 * Rebuilds the graph model from RDF cnkg wrote: loads one shard into the
 * triple store (store.h), checking each statement and block as it comes,
 * groups the statements by subject, and replays documents, entities,
 * mentions, relations and evidence into a model that cnkg_graph_merge then
 * folds into the result. Depends on store/store.h, include/cnkg/ (graph,
 * the vocabulary: vocab.h, kinds.h) and out/rdf.h's default base. */
#include "store/merge.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cnkg/text.h"
#include "cnkg/vocab.h"
#include "out/rdf.h"
#include "store/store.h"

/* Predicates are numbered by the vocabulary (cnkg/vocab.h), relations after
 * it. The predicates the writer derives from the model (prefLabel,
 * inScheme, mentionedIn, wasAttributedTo) are read and ignored. */
enum { P_DERIVED_ONLY = CNKG_V_COUNT, P_REL /* + CnkgRel */ };

/* P_* of a predicate IRI, or -1 if cnkg does not write it. */
static int pred_of(const char *iri) {
  CnkgVocab v = cnkg_vocab_find(iri);
  if (v == CNKG_V_PREFLABEL || v == CNKG_V_INSCHEME || v == CNKG_V_MENTIONED_IN ||
      v == CNKG_V_ATTRIBUTED)
    return P_DERIVED_ONLY;
  if (v < CNKG_V_DOCUMENT) return (int)v;
  CnkgRel rel;
  return cnkg_rel_find(iri, &rel) ? -1 : P_REL + (int)rel;
}

typedef struct {
  const char *s;    /* subject IRI (the store's) */
  const char *o;    /* object IRI or literal text */
  int p;            /* P_* */
  bool lit;         /* o is a literal */
  const char *lang; /* literal: its language tag (not terminated), or NULL */
  const char *dt;   /* literal: its datatype IRI (not terminated), or NULL */
  int lang_len, dt_len;
} Triple;

typedef enum { K_NONE, K_DOC, K_ENTITY, K_MENTION, K_EVIDENCE, K_AGENT } Kind;

/* Watching the bytes of a shard for U+0000 (parse_watching). */
typedef struct {
  int state;          /* 0 text, 1 after an escaping backslash, 2 in \u */
  int need;           /* hex digits still to come in state 2 */
  bool zeros;         /* all of them 0 so far */
  unsigned long line;
  char head[256];     /* the start of the line, for the message */
  size_t n_head;
} Watch;

typedef struct {
  CnkgStore *store;
  Triple *t;
  size_t n;
  char *err;
  size_t errsize;
  Watch watch;
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

/* The same, while loading: the store keeps the first message and stops. */
#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static void fail(Reader *r, const char *fmt, ...) {
  char msg[480];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  cnkg_store_fail(r->store, msg);
}

static bool is(const char *p, int n, const char *s) {
  return p && (size_t)n == strlen(s) && !memcmp(p, s, (size_t)n);
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
  o += (size_t)snprintf(buf + o, size - o, "\"%s%.*s%s%.*s", t->lang ? "@" : "",
                        t->lang_len, t->lang ? t->lang : "", t->dt ? "^^<" : "", t->dt_len,
                        t->dt ? t->dt : "");
  if (t->dt && o + 2 < size) buf[o++] = '>', buf[o] = '\0';
}

/* Each statement as it is read: one cnkg writes, as cnkg writes it. */
static void check_statement(void *data, CnkgStore *store, const raptor_statement *st,
                            CnkgTriple tr) {
  Reader *r = data;
  (void)store;
  const char *pi = (const char *)raptor_uri_as_string(st->predicate->value.uri);
  int p = pred_of(pi);
  if (p < 0) fail(r, "unknown predicate <%s>: not a graph cnkg wrote", pi);
  if (p < 0 || p == P_DERIVED_ONLY) return;
  if (st->subject->type != RAPTOR_TERM_TYPE_URI ||
      st->object->type == RAPTOR_TERM_TYPE_BLANK) {
    fail(r, "blank node: not a graph cnkg wrote");
    return;
  }
  CnkgTerm o = cnkg_store_term(r->store, tr.o);
  if (o.kind == CNKG_TERM_LITERAL && strlen(o.text) != o.len) {
    /* the model keeps C strings: the text after the NUL would be lost */
    fail(r, "<%s> <%s>: a literal with U+0000 in it, which cnkg cannot carry",
         cnkg_store_term(r->store, tr.s).text, pi);
  }
}

/* The statements the model is made of, as views of the store's terms. */
static CnkgStatus collect(Reader *r) {
  size_t n;
  const CnkgTriple *all = cnkg_store_triples(r->store, &n);
  if (!(r->t = malloc((n ? n : 1) * sizeof *r->t))) return CNKG_ERR_NOMEM;
  for (size_t i = 0; i < n; i++) {
    CnkgTerm p = cnkg_store_term(r->store, all[i].p), o = cnkg_store_term(r->store, all[i].o);
    int pi = pred_of(p.text);
    if (pi < 0 || pi == P_DERIVED_ONLY) continue;
    Triple *t = &r->t[r->n++];
    t->s = cnkg_store_term(r->store, all[i].s).text;
    t->o = o.text;
    t->p = pi;
    t->lit = o.kind == CNKG_TERM_LITERAL;
    t->lang = o.lang_len ? o.lang : NULL;
    t->dt = o.datatype_len ? o.datatype : NULL;
    t->lang_len = (int)o.lang_len;
    t->dt_len = (int)o.datatype_len;
  }
  return CNKG_SUCCESS;
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
  for (size_t i = 0; i < n; i++) {
    if (t[i].p != CNKG_V_TYPE || t[i].lit) continue;
    if (i > 0 && t[i - 1].p == CNKG_V_TYPE && !strcmp(t[i - 1].o, t[i].o)) continue; /* again */
    CnkgType c;
    switch (cnkg_vocab_find(t[i].o)) {
    case CNKG_V_DOCUMENT: k = K_DOC; break;
    case CNKG_V_NIF_PHRASE: k = K_MENTION; break;
    case CNKG_V_EVIDENCE: k = K_EVIDENCE; break;
    case CNKG_V_AGENT: k = K_AGENT; break;
    default:
      if (cnkg_type_find(t[i].o, &c) == CNKG_SUCCESS) {
        (*types)++;
        if (c < *type) *type = c;
        k = K_ENTITY;
      }
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
  return t->lit && want && is(t->dt, t->dt_len, want);
}

static Form form_of(int p) {
  switch (p) {
  case CNKG_V_LABEL: case CNKG_V_ALTLABEL: case CNKG_V_OFFICIAL: case CNKG_V_HEADLINE: case CNKG_V_CREATOR:
  case CNKG_V_PHOTOGRAPHER: case CNKG_V_PUBLISHER: case CNKG_V_ANCHOR: case CNKG_V_SENTENCE:
    return O_ZH;
  case CNKG_V_CODE: case CNKG_V_SOURCE: case CNKG_V_SHA256: return O_PLAIN;
  case CNKG_V_BEGIN: case CNKG_V_END: return O_NUMBER;
  case CNKG_V_FROMLIST: return O_TRUE;
  case CNKG_V_OBJECT: return O_IRI_OR_LIT;
  case CNKG_V_ISSUED: return O_DATE;
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
  bool zh = t->lit && is(t->lang, t->lang_len, "zh") && !t->dt;
  bool ok;
  switch (f) {
  case O_IRI: ok = !t->lit; break;
  case O_ZH: ok = zh; break;
  case O_PLAIN: ok = t->lit && !t->lang && !t->dt; break;
  case O_NUMBER: ok = t->lit && is(t->dt, t->dt_len, CNKG_NS_XSD "nonNegativeInteger"); break;
  case O_TRUE:
    ok = t->lit && is(t->dt, t->dt_len, CNKG_NS_XSD "boolean") && !strcmp(t->o, "true");
    break;
  case O_DATE: ok = date_typed(t); break;
  case O_DECIMAL: ok = t->lit && is(t->dt, t->dt_len, CNKG_NS_XSD "decimal"); break;
  default: ok = !t->lit || zh || date_typed(t) ||
                is(t->dt, t->dt_len, CNKG_NS_XSD "decimal") ||
                is(t->dt, t->dt_len, CNKG_NS_XSD "boolean");
    break;
  }
  if (ok) return true;
  char shown[160];
  if (t->lit) show_literal(t, shown, sizeof shown);
  else snprintf(shown, sizeof shown, "<%.140s>", t->o);
  say(r, "<%s> <%s> %s: cnkg writes %s there; merging would not give it back",
      t->s, t->p < P_REL ? cnkg_vocab_iri((CnkgVocab)t->p) : cnkg_rel_name((CnkgRel)(t->p - P_REL)), shown,
      form_names[f]);
  return false;
}

/* Checks a node's statements (sorted by predicate, then object): each in
 * the form cnkg writes, and the predicates the model holds one value of
 * (those in one[], up to -1) with one value. */
static bool group_ok(Reader *r, const Triple *t, size_t n, const int *one) {
  for (size_t i = 0; i < n; i++) {
    if (t[i].p == CNKG_V_TYPE) continue;
    if (!form_ok(r, &t[i])) return false;
    if (i == 0 || t[i].p != t[i - 1].p || !strcmp(t[i].o, t[i - 1].o)) continue;
    for (const int *q = one; *q >= 0; q++)
      if (*q == t[i].p) {
        say(r, "<%s> has two <%s> (\"%.60s\", \"%.60s\"); cnkg keeps one", t[i].s,
            cnkg_vocab_iri((CnkgVocab)t[i].p), t[i - 1].o, t[i].o);
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
  static const int one[] = {CNKG_V_SOURCE, CNKG_V_SHA256, CNKG_V_HEADLINE, CNKG_V_CREATOR, CNKG_V_PHOTOGRAPHER,
                            CNKG_V_PUBLISHER, CNKG_V_BEGIN, CNKG_V_END, CNKG_V_ISSUED, -1};
  const char *key = key_of(x, t->s);
  if (!key || !group_ok(x->r, t, n, one)) return CNKG_ERR_TEXT;
  const Triple *end = first(t, n, CNKG_V_END);
  size_t chars = 0;
  if (!end || !number_of(x->r, end, &chars)) {
    say(x->r, "document <%s> has no nif:endIndex: "
              "merge needs graphs written with --provenance full", t->s);
    return CNKG_ERR_TEXT;
  }
  CnkgDocument d = {(char *)key,
                    (char *)text_of(t, n, CNKG_V_SOURCE),
                    (char *)text_of(t, n, CNKG_V_SHA256),
                    (char *)text_of(t, n, CNKG_V_HEADLINE),
                    (char *)text_of(t, n, CNKG_V_CREATOR),
                    (char *)text_of(t, n, CNKG_V_PHOTOGRAPHER),
                    (char *)text_of(t, n, CNKG_V_PUBLISHER),
                    chars,
                    (char *)text_of(t, n, CNKG_V_ISSUED)};
  size_t index;
  CnkgStatus s = cnkg_graph_add_document(x->g, &d, &index);
  if (s) return s;
  x->docs[x->n_docs++] = (DocKey){key, index};
  return CNKG_SUCCESS;
}

static CnkgStatus replay_entity(Replay *x, const Triple *t, size_t n,
                                CnkgType type, int types) {
  static const int one[] = {CNKG_V_LABEL, CNKG_V_CODE, CNKG_V_OFFICIAL, CNKG_V_FROMLIST, -1};
  const char *key = key_of(x, t->s);
  if (!key || !group_ok(x->r, t, n, one)) return CNKG_ERR_TEXT;
  if (types > 1) {
    say(x->r, "<%s> has %d cnkg classes as rdf:type; cnkg gives an entity one", t->s,
        types);
    return CNKG_ERR_TEXT;
  }
  const char *label = text_of(t, n, CNKG_V_LABEL);
  size_t e;
  CnkgStatus s = cnkg_graph_add_entity(x->g, key, type, label, &e);
  bool pinned = false;
  for (size_t i = 0; i < n && !s; i++) {
    if (t[i].p == CNKG_V_ALTLABEL) {
      s = cnkg_graph_add_alias(x->g, e, t[i].o);
      if (label && label_better(t[i].o, label)) pinned = true;
    } else if (t[i].p == CNKG_V_LABEL && strcmp(t[i].o, label)) {
      say(x->r, "<%s> has two rdfs:label", t->s);
      return CNKG_ERR_TEXT;
    }
  }
  if (!s && pinned) s = cnkg_graph_set_label(x->g, e, label);
  if (!s) s = cnkg_graph_set_code(x->g, e, text_of(t, n, CNKG_V_CODE),
                                  text_of(t, n, CNKG_V_OFFICIAL));
  if (!s && first(t, n, CNKG_V_FROMLIST))
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
  static const int one[] = {CNKG_V_REFCTX, CNKG_V_BEGIN, CNKG_V_END, CNKG_V_ANCHOR, -1};
  if (!group_ok(x->r, t, n, one)) return CNKG_ERR_TEXT;
  const Triple *ctx = first(t, n, CNKG_V_REFCTX), *b = first(t, n, CNKG_V_BEGIN),
               *e = first(t, n, CNKG_V_END);
  size_t doc, begin, end;
  if (!ctx || !b || !e || !doc_of(x, ctx->o, &doc) ||
      !number_of(x->r, b, &begin) || !number_of(x->r, e, &end)) {
    say(x->r, "mention <%s> is incomplete", t->s);
    return CNKG_ERR_TEXT;
  }
  const char *anchor = text_of(t, n, CNKG_V_ANCHOR);
  for (size_t i = 0; i < n; i++) {
    size_t ent;
    if (t[i].p != CNKG_V_TAIDENT) continue;
    if (!entity_of(x, t[i].o, &ent)) return CNKG_ERR_TEXT;
    CnkgStatus s = cnkg_graph_add_mention(x->g, ent, doc, begin, end, anchor);
    if (s) return s;
  }
  return CNKG_SUCCESS;
}

static CnkgStatus replay_evidence(Replay *x, const Triple *t, size_t n) {
  static const int one[] = {CNKG_V_SUBJECT, CNKG_V_PREDICATE, CNKG_V_OBJECT, CNKG_V_DERIVED, CNKG_V_BEGIN,
                            CNKG_V_END, CNKG_V_SENTENCE, -1};
  if (!group_ok(x->r, t, n, one)) return CNKG_ERR_TEXT;
  const Triple *su = first(t, n, CNKG_V_SUBJECT), *pr = first(t, n, CNKG_V_PREDICATE),
               *ob = first(t, n, CNKG_V_OBJECT), *from = first(t, n, CNKG_V_DERIVED),
               *b = first(t, n, CNKG_V_BEGIN), *e = first(t, n, CNKG_V_END);
  size_t subject, object = SIZE_MAX;
  CnkgEvidence ev = {0, 0, 0, (char *)text_of(t, n, CNKG_V_SENTENCE)};
  CnkgRel r;
  int rel = pr && cnkg_rel_find(pr->o, &r) == CNKG_SUCCESS ? (int)r : -1;
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

/* Watches each block for U+0000 before it is parsed: raptor cuts a string
 * at an escaped \u0000 (or \U00000000) without a word, and the model's
 * strings could not hold it either, so such a shard is refused (on which
 * line) rather than merged shortened. */
static void watch_block(void *data, CnkgStore *store, const unsigned char *buf, size_t got) {
  Reader *r = data;
  Watch *w = &r->watch;
  (void)store;
  for (size_t i = 0; i < got; i++) {
    unsigned char c = buf[i];
    if (w->state == 2 && isxdigit(c)) {
      w->zeros = w->zeros && c == '0';
      if (--w->need == 0) {
        if (w->zeros) {
          /* name the statement by its leading IRIs (printable ASCII) */
          size_t k = 0;
          while (k < w->n_head && w->head[k] > 0x20 && w->head[k] < 0x7f) k++;
          if (k < w->n_head && w->head[k] == ' ')
            for (k++; k < w->n_head && w->head[k] > 0x20 && w->head[k] < 0x7f; k++) continue;
          fail(r, "line %lu: %.*s: a literal with an escaped U+0000 (\\u0000), which cnkg "
               "cannot carry", w->line, (int)k, w->head);
        }
        w->state = 0;
      }
      continue;
    }
    if (w->state == 1 && (c == 'u' || c == 'U')) {
      w->state = 2;
      w->need = c == 'u' ? 4 : 8;
      w->zeros = true;
      continue;
    }
    w->state = w->state == 0 && c == '\\' ? 1 : 0;
    if (c == '\n') {
      w->line++;
      w->n_head = 0;
      continue;
    }
    if (w->n_head < sizeof w->head) w->head[w->n_head++] = (char)c;
    if (c == 0) fail(r, "line %lu: a NUL byte, which cnkg cannot carry", w->line);
  }
}

CnkgStatus cnkg_merge_read(CnkgGraph *graph, const char *path, bool is_turtle,
                           const char *base, char *err, size_t errsize) {
  if (err && errsize) err[0] = '\0';
  if (!graph || !path) return CNKG_ERR_ARG;
  if (!base) base = CNKG_RDF_DEFAULT_BASE;
  bool std_in = !strcmp(path, "-");
  size_t lp = strlen(path);
  bool nt = std_in ? !is_turtle : lp >= 3 && !strcmp(path + lp - 3, ".nt");
  Reader r = {cnkg_store_new(NULL, false), NULL, 0, err, errsize, {.line = 1}};
  if (!r.store) return CNKG_ERR_NOMEM;
  CnkgStoreHooks hooks = {watch_block, check_statement, &r};
  CnkgStoreError e;
  CnkgStatus s = cnkg_store_load(r.store, path, nt ? "ntriples" : "turtle", &hooks, &e);
  if (s && s != CNKG_ERR_NOMEM) {
    const char *text = e.text[0]                   ? e.text
                       : e.line > 0                  ? "syntax error"
                       : cnkg_store_failed(r.store) ? "cannot parse graph"
                                                     : "";
    if (e.line > 0) say(&r, "line %d: %s", e.line, text);
    else if (text[0]) say(&r, "%s", text);
  }
  if (!s) s = collect(&r);
  if (!s && r.n > 1) qsort(r.t, r.n, sizeof *r.t, cmp_triple);
  CnkgGraph *shard = s ? NULL : cnkg_graph_new();
  if (!s && !shard) s = CNKG_ERR_NOMEM;
  Replay x = {&r, base, strlen(base), shard, NULL, 0};
  if (!s) s = replay(&x, r.t, r.n);
  if (!s) s = cnkg_graph_merge(graph, shard);
  free(x.docs);
  cnkg_graph_free(shard);
  if (s && err && errsize && !err[0]) snprintf(err, errsize, "%s", cnkg_strerror(s));
  free(r.t);
  cnkg_store_free(r.store);
  return s;
}
