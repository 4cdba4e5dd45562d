/* SPDX-License-Identifier: Apache-2.0
 * Writers of the graph reader (see graphread.h): the evidence of a triple,
 * paths and entities as text for `cnkg trace` and `cnkg show`, and as JSON
 * for their --json. Depends on graphread_int.h, cnkg/ (output, log, text) and out/rdf.h's default base. */
#include "store/graphread_int.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cnkg/grow.h"
#include "cnkg/log.h"
#include "cnkg/text.h"
#include "out/rdf.h"

/* ---- evidence and text ---- */

typedef struct {
  size_t node;
  const char *source; /* document's dcterms:source, or its IRI */
  size_t begin, end;
} Ev;

static int cmp_ev(const void *x, const void *y) {
  const Ev *a = x, *b = y;
  int c = strcmp(a->source, b->source);
  if (c) return c;
  if (a->begin != b->begin) return a->begin < b->begin ? -1 : 1;
  return a->node < b->node ? -1 : a->node > b->node;
}

static const char *doc_source(const CnkgGraphRead *g, size_t doc) {
  if (doc == NONE) return "(unknown document)";
  const char *s = graphread_value_of(g, doc, g->fixed[CNKG_V_SOURCE]);
  return s ? s : graphread_text_of(g, doc);
}

/* Evidence nodes of s -p-> o, sorted; *out caller-owned. */
static size_t evidence_of(const CnkgGraphRead *g, size_t s, size_t p, size_t o,
                          Ev **out) {
  *out = NULL;
  if (g->fixed[CNKG_V_SUBJECT] == NONE) return 0;
  size_t lo, hi, n = 0;
  graphread_range(g, s, true, &lo, &hi);
  Ev *ev = malloc((hi - lo ? hi - lo : 1) * sizeof *ev);
  if (!ev) return 0;
  for (size_t i = lo; i < hi; i++) {
    if (g->osp[i].p != g->fixed[CNKG_V_SUBJECT]) continue;
    size_t node = g->osp[i].s;
    if (graphread_object_of(g, node, g->fixed[CNKG_V_PREDICATE]) != p ||
        graphread_object_of(g, node, g->fixed[CNKG_V_OBJECT]) != o)
      continue;
    ev[n++] = (Ev){node, doc_source(g, graphread_object_of(g, node, g->fixed[CNKG_V_DERIVED])),
                   graphread_number_of(g, node, g->fixed[CNKG_V_BEGIN]),
                   graphread_number_of(g, node, g->fixed[CNKG_V_END])};
  }
  qsort(ev, n, sizeof *ev, cmp_ev);
  *out = ev;
  return n;
}

static void put(CnkgOutput *out, const char *s) { cnkg_output_puts(out, s); }

/* Writes untrusted text (anything read from the graph) with controls, bad
 * bytes and direction overrides escaped (cnkg_log_escape): a label cannot
 * move the cursor, retitle the terminal or fake a line of the report. */
static void put_escaped(CnkgOutput *out, const char *s) {
  char piece[512];
  size_t len = strlen(s);
  while (len) {
    size_t used = cnkg_log_escape(s, len, piece, sizeof piece);
    if (!used) break;
    cnkg_output_puts(out, piece);
    s += used;
    len -= used;
  }
}

/* printf for the reports below, with only %s, %zu and %%: every %s
 * argument is written escaped (put_escaped), since all of them come from
 * the graph; the format's own text (newlines included) is written as is. */
static void putf(CnkgOutput *out, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
static void putf(CnkgOutput *out, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  const char *run = fmt;
  for (const char *p = fmt; *p; p++) {
    if (*p != '%') continue;
    cnkg_output_write(out, run, (size_t)(p - run));
    if (p[1] == 's') {
      const char *arg = va_arg(ap, const char *);
      put_escaped(out, arg ? arg : "(null)");
      p += 1;
    } else if (p[1] == 'z' && p[2] == 'u') {
      char num[32];
      int n = snprintf(num, sizeof num, "%zu", va_arg(ap, size_t));
      if (n > 0) cnkg_output_write(out, num, (size_t)n);
      p += 2;
    } else if (p[1] == '%') {
      cnkg_output_write(out, "%", 1);
      p += 1;
    }
    run = p + 1;
  }
  cnkg_output_puts(out, run);
  va_end(ap);
}

static void write_evidence(const CnkgGraphRead *g, size_t s, size_t p, size_t o,
                           size_t max, const char *indent, CnkgOutput *out) {
  Ev *ev;
  size_t n = evidence_of(g, s, p, o, &ev);
  if (!n) putf(out, "%s(no evidence sentence in the graph)\n", indent);
  for (size_t i = 0; i < n && i < max; i++) {
    const char *sent = graphread_value_of(g, ev[i].node, g->fixed[CNKG_V_SENTENCE]);
    putf(out, "%s\"%s\"\n%s  -- %s, characters %zu-%zu\n", indent,
         sent ? sent : "", indent, ev[i].source, ev[i].begin, ev[i].end);
  }
  if (n > max) putf(out, "%s(%zu more)\n", indent, n - max);
  free(ev);
}

static void write_entity_ref(const CnkgGraphRead *g, size_t e, CnkgOutput *out) {
  putf(out, "%s (%s)", cnkg_graphread_label(g, e), cnkg_graphread_class(g, e));
}

CnkgStatus cnkg_graphread_write_paths(const CnkgGraphRead *g,
                                      const CnkgTracePath *paths,
                                      size_t n_paths, size_t max_evidence,
                                      CnkgOutput *out) {
  if (!g || !out || (n_paths && !paths)) return CNKG_ERR_ARG;
  for (size_t i = 0; i < n_paths; i++) {
    const CnkgTracePath *pa = &paths[i];
    putf(out, "Path %zu of %zu (%zu step%s)\n", i + 1, n_paths, pa->n_steps,
         pa->n_steps == 1 ? "" : "s");
    for (size_t k = 0; k < pa->n_steps; k++) {
      const CnkgTraceStep *st = &pa->steps[k];
      const Triple *tr = &g->spo[st->triple];
      const char *pred = graphread_local_name(graphread_text_of(g, tr->p));
      putf(out, "  %zu. ", k + 1);
      write_entity_ref(g, st->from, out);
      if (st->forward) putf(out, " -%s-> ", pred); else putf(out, " <-%s- ", pred);
      write_entity_ref(g, st->to, out);
      put(out, "\n");
      write_evidence(g, tr->s, tr->p, tr->o, max_evidence, "       ", out);
    }
    if (i + 1 < n_paths) put(out, "\n");
  }
  return cnkg_output_write(out, "", 0); /* the output's first error, if any */
}

static bool is_cnkg_pred(const CnkgGraphRead *g, size_t p) {
  const char *v = graphread_text_of(g, p);
  return !strncmp(v, CNKG_ONTOLOGY_NS, strlen(CNKG_ONTOLOGY_NS));
}

/* Prints the dates a node carries (a document's issued date, an event's
 * or figure's date, a post's start and end) as " [issued 2019-03-08]",
 * " [2018]", " [2016 - 2018-05]"; nothing when it has none. */
static void write_dates(const CnkgGraphRead *g, size_t t, CnkgOutput *out) {
  const char *date = NULL, *start = NULL, *end = NULL, *issued = NULL;
  size_t lo, hi;
  graphread_range(g, t, false, &lo, &hi);
  for (size_t i = lo; i < hi; i++) {
    if (!graphread_is_literal(g, g->spo[i].o)) continue;
    const char *value = graphread_text_of(g, g->spo[i].o);
    const char *pred = graphread_local_name(graphread_text_of(g, g->spo[i].p));
    if (!strcmp(pred, "date")) date = value;
    else if (!strcmp(pred, "startDate")) start = value;
    else if (!strcmp(pred, "endDate")) end = value;
    else if (!strcmp(pred, "issued")) issued = value;
  }
  if (issued) putf(out, " [issued %s]", issued);
  if (date) putf(out, " [%s]", date);
  if (start || end)
    putf(out, " [%s - %s]", start ? start : "?", end ? end : "");
}

/* Prints one term as a fact's other end, with its dates. */
static void write_term_ref(const CnkgGraphRead *g, size_t t, CnkgOutput *out) {
  size_t e = g->ent_of_term[t];
  if (e != NONE) {
    write_entity_ref(g, e, out);
    write_dates(g, t, out);
    return;
  }
  const char *value = graphread_text_of(g, t);
  if (graphread_is_literal(g, t)) {
    putf(out, "\"%s\"", value);
    return;
  }
  const char *src = graphread_value_of(g, t, g->fixed[CNKG_V_SOURCE]);
  if (src) putf(out, "%s <%s>", src, value); else putf(out, "<%s>", value);
  write_dates(g, t, out);
}

typedef struct {
  size_t b, e;
  const char *source, *anchor;
} Mention;

static int cmp_mention(const void *x, const void *y) {
  const Mention *a = x, *b = y;
  int c = strcmp(a->source, b->source);
  if (c) return c;
  if (a->b != b->b) return a->b < b->b ? -1 : 1;
  return a->e < b->e ? -1 : a->e > b->e;
}

/* The NIF mentions among the incoming triples osp[lo, hi) of an entity,
 * sorted; *n their number. The caller frees the array (NULL: no memory). */
static Mention *collect_mentions(const CnkgGraphRead *g, size_t lo, size_t hi, size_t *n_out) {
  Mention *m = malloc((hi - lo ? hi - lo : 1) * sizeof *m);
  size_t n = 0;
  if (m && g->fixed[CNKG_V_TAIDENT] != NONE)
    for (size_t i = lo; i < hi; i++) {
      if (g->osp[i].p != g->fixed[CNKG_V_TAIDENT]) continue;
      size_t node = g->osp[i].s;
      const char *anchor = graphread_value_of(g, node, g->fixed[CNKG_V_ANCHOR]);
      m[n++] = (Mention){graphread_number_of(g, node, g->fixed[CNKG_V_BEGIN]),
                         graphread_number_of(g, node, g->fixed[CNKG_V_END]),
                         doc_source(g, graphread_object_of(g, node, g->fixed[CNKG_V_REFCTX])),
                         anchor ? anchor : ""};
    }
  if (m) qsort(m, n, sizeof *m, cmp_mention);
  *n_out = n;
  return m;
}


static int cmp_ps(const void *x, const void *y) {
  const Triple *a = x, *b = y;
  if (a->p != b->p) return a->p < b->p ? -1 : 1;
  return a->s < b->s ? -1 : a->s > b->s;
}

/* Writes the facts osp[lo, hi) state about their object (from other
 * entities), by predicate then subject; returns how many. */
static size_t write_incoming(const CnkgGraphRead *g, size_t lo, size_t hi,
                             size_t max_evidence, CnkgOutput *out) {
  Triple *in = malloc((hi - lo ? hi - lo : 1) * sizeof *in);
  size_t n = 0;
  if (!in) return 0;
  for (size_t i = lo; i < hi; i++)
    if (g->ent_of_term[g->osp[i].s] != NONE && is_cnkg_pred(g, g->osp[i].p))
      in[n++] = g->osp[i];
  qsort(in, n, sizeof *in, cmp_ps);
  for (size_t i = 0; i < n; i++) {
    putf(out, "  <-%s- ", graphread_local_name(graphread_text_of(g, in[i].p)));
    write_term_ref(g, in[i].s, out);
    put(out, "\n");
    write_evidence(g, in[i].s, in[i].p, in[i].o, max_evidence, "      ", out);
  }
  free(in);
  return n;
}

CnkgStatus cnkg_graphread_write_entity(const CnkgGraphRead *g, size_t e,
                                       size_t max_evidence, CnkgOutput *out) {
  if (!g || !out || e >= g->n_ent) return CNKG_ERR_ARG;
  size_t s = g->ent_term[e];
  write_entity_ref(g, e, out);
  putf(out, "\n  IRI: %s\n", cnkg_graphread_iri(g, e));
  const char *official = graphread_value_of(g, s, g->fixed[CNKG_V_OFFICIAL]);
  const char *code = graphread_value_of(g, s, g->fixed[CNKG_V_CODE]);
  if (official) putf(out, "  official name: %s\n", official);
  if (code) putf(out, "  code: %s\n", code);
  size_t lo, hi;
  graphread_range(g, s, false, &lo, &hi);
  bool any = false;
  for (size_t i = lo; i < hi; i++) {
    if (g->spo[i].p != g->fixed[CNKG_V_ALTLABEL]) continue;
    putf(out, any ? ", %s" : "  also called: %s", graphread_text_of(g, g->spo[i].o));
    any = true;
  }
  if (any) put(out, "\n");

  put(out, "Facts:\n");
  size_t n_facts = 0;
  for (size_t i = lo; i < hi; i++) {
    const Triple *tr = &g->spo[i];
    if (!is_cnkg_pred(g, tr->p) || tr->p == g->fixed[CNKG_V_CODE] ||
        tr->p == g->fixed[CNKG_V_OFFICIAL])
      continue;
    const char *pred = graphread_local_name(graphread_text_of(g, tr->p));
    bool mentioned = !strcmp(pred, "mentionedIn");
    putf(out, "  -%s-> ", pred);
    write_term_ref(g, tr->o, out);
    put(out, "\n");
    if (!mentioned) write_evidence(g, tr->s, tr->p, tr->o, max_evidence, "      ", out);
    n_facts++;
  }
  graphread_range(g, s, true, &lo, &hi);
  n_facts += write_incoming(g, lo, hi, max_evidence, out);
  if (!n_facts) put(out, "  (none)\n");

  /* NIF mentions pointing at the entity */
  size_t n = 0;
  Mention *m = collect_mentions(g, lo, hi, &n);
  putf(out, "Mentions: %zu\n", n);
  for (size_t i = 0; i < n; i++)
    putf(out, "  \"%s\" -- %s, characters %zu-%zu\n", m[i].anchor, m[i].source,
         m[i].b, m[i].e);
  free(m);
  return cnkg_output_write(out, "", 0); /* the output's first error, if any */
}

/* ---- JSON ---- */

/* A JSON string: quotes, backslashes and controls escaped; bytes that are
 * not UTF-8 become U+FFFD so the output always parses. */
static void json_str(CnkgOutput *out, const char *s) {
  put(out, "\"");
  const unsigned char *p = (const unsigned char *)(s ? s : "");
  while (*p) {
    unsigned c = *p;
    size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    bool ok = n > 0;
    for (size_t k = 1; ok && k < n; k++) ok = (p[k] & 0xC0) == 0x80;
    if ((n == 2 && c < 0xC2) || c > 0xF4) ok = false;
    if (!ok) {
      put(out, "\xEF\xBF\xBD");
      p++;
      continue;
    }
    if (c == '"' || c == '\\') {
      char esc[3] = {'\\', (char)c, 0};
      put(out, esc);
    } else if (c < 0x20) {
      char esc[8];
      snprintf(esc, sizeof esc, "\\u%04x", c);
      put(out, esc);
    } else {
      cnkg_output_write(out, (const char *)p, n);
    }
    p += n;
  }
  put(out, "\"");
}

static void json_num(CnkgOutput *out, size_t v) {
  char num[32];
  snprintf(num, sizeof num, "%zu", v);
  put(out, num);
}

static void json_entity(const CnkgGraphRead *g, size_t e, CnkgOutput *out) {
  put(out, "{\"iri\": ");
  json_str(out, cnkg_graphread_iri(g, e));
  put(out, ", \"label\": ");
  json_str(out, cnkg_graphread_label(g, e));
  put(out, ", \"class\": ");
  json_str(out, cnkg_graphread_class(g, e));
  put(out, "}");
}

/* "evidence": [...], "more_evidence": N */
static void json_evidence(const CnkgGraphRead *g, size_t s, size_t p, size_t o,
                          size_t max, CnkgOutput *out) {
  Ev *ev;
  size_t n = evidence_of(g, s, p, o, &ev);
  put(out, "\"evidence\": [");
  for (size_t i = 0; i < n && i < max; i++) {
    put(out, i ? ", {\"sentence\": " : "{\"sentence\": ");
    json_str(out, graphread_value_of(g, ev[i].node, g->fixed[CNKG_V_SENTENCE]));
    put(out, ", \"document\": ");
    json_str(out, ev[i].source);
    put(out, ", \"begin\": ");
    json_num(out, ev[i].begin);
    put(out, ", \"end\": ");
    json_num(out, ev[i].end);
    put(out, "}");
  }
  put(out, "], \"more_evidence\": ");
  json_num(out, n > max ? n - max : 0);
  free(ev);
}

CnkgStatus cnkg_graphread_write_paths_json(const CnkgGraphRead *g,
                                           const CnkgTracePath *paths,
                                           size_t n_paths, size_t max_evidence,
                                           CnkgOutput *out) {
  if (!g || !out || (n_paths && !paths)) return CNKG_ERR_ARG;
  put(out, "{\"paths\": [");
  for (size_t i = 0; i < n_paths; i++) {
    const CnkgTracePath *pa = &paths[i];
    put(out, i ? ",\n  {\"cost\": " : "\n  {\"cost\": ");
    json_num(out, cnkg_graphread_path_cost(g, pa));
    put(out, ", \"steps\": [");
    for (size_t k = 0; k < pa->n_steps; k++) {
      const CnkgTraceStep *st = &pa->steps[k];
      const Triple *tr = &g->spo[st->triple];
      put(out, k ? ",\n    {\"from\": " : "\n    {\"from\": ");
      json_entity(g, st->from, out);
      put(out, ", \"relation\": ");
      json_str(out, graphread_local_name(graphread_text_of(g, tr->p)));
      put(out, st->forward ? ", \"forward\": true" : ", \"forward\": false");
      put(out, ", \"to\": ");
      json_entity(g, st->to, out);
      put(out, ", ");
      json_evidence(g, tr->s, tr->p, tr->o, max_evidence, out);
      put(out, "}");
    }
    put(out, "]}");
  }
  put(out, "\n]}\n");
  return cnkg_output_write(out, "", 0);
}

/* A fact's other end: an entity, a literal or another node. */
static void json_term(const CnkgGraphRead *g, size_t t, CnkgOutput *out) {
  size_t e = g->ent_of_term[t];
  if (e != NONE) {
    json_entity(g, e, out);
    return;
  }
  if (graphread_is_literal(g, t)) {
    put(out, "{\"literal\": ");
    json_str(out, graphread_text_of(g, t));
    put(out, "}");
    return;
  }
  put(out, "{\"iri\": ");
  json_str(out, graphread_text_of(g, t));
  const char *src = graphread_value_of(g, t, g->fixed[CNKG_V_SOURCE]);
  if (src) {
    put(out, ", \"source\": ");
    json_str(out, src);
  }
  put(out, "}");
}

static void json_fact(const CnkgGraphRead *g, const Triple *tr, bool outgoing,
                      size_t max, bool *first, CnkgOutput *out) {
  const char *pred = graphread_local_name(graphread_text_of(g, tr->p));
  put(out, *first ? "\n  {\"relation\": " : ",\n  {\"relation\": ");
  *first = false;
  json_str(out, pred);
  put(out, outgoing ? ", \"direction\": \"out\", \"other\": "
                    : ", \"direction\": \"in\", \"other\": ");
  json_term(g, outgoing ? tr->o : tr->s, out);
  if (strcmp(pred, "mentionedIn")) {
    put(out, ", ");
    json_evidence(g, tr->s, tr->p, tr->o, max, out);
  }
  put(out, "}");
}

CnkgStatus cnkg_graphread_write_entity_json(const CnkgGraphRead *g, size_t e,
                                            size_t max_evidence, CnkgOutput *out) {
  if (!g || !out || e >= g->n_ent) return CNKG_ERR_ARG;
  size_t s = g->ent_term[e];
  put(out, "{\"entity\": ");
  json_entity(g, e, out);
  const char *official = graphread_value_of(g, s, g->fixed[CNKG_V_OFFICIAL]);
  const char *code = graphread_value_of(g, s, g->fixed[CNKG_V_CODE]);
  if (official) {
    put(out, ",\n \"official_name\": ");
    json_str(out, official);
  }
  if (code) {
    put(out, ",\n \"code\": ");
    json_str(out, code);
  }
  size_t lo, hi;
  graphread_range(g, s, false, &lo, &hi);
  put(out, ",\n \"also_called\": [");
  bool first = true;
  for (size_t i = lo; i < hi; i++) {
    if (g->spo[i].p != g->fixed[CNKG_V_ALTLABEL]) continue;
    if (!first) put(out, ", ");
    first = false;
    json_str(out, graphread_text_of(g, g->spo[i].o));
  }
  put(out, "],\n \"facts\": [");
  first = true;
  for (size_t i = lo; i < hi; i++) {
    const Triple *tr = &g->spo[i];
    if (!is_cnkg_pred(g, tr->p) || tr->p == g->fixed[CNKG_V_CODE] ||
        tr->p == g->fixed[CNKG_V_OFFICIAL])
      continue;
    json_fact(g, tr, true, max_evidence, &first, out);
  }
  graphread_range(g, s, true, &lo, &hi);
  Triple *in = malloc((hi - lo ? hi - lo : 1) * sizeof *in);
  size_t n = 0;
  if (in) {
    for (size_t i = lo; i < hi; i++)
      if (g->ent_of_term[g->osp[i].s] != NONE && is_cnkg_pred(g, g->osp[i].p))
        in[n++] = g->osp[i];
    qsort(in, n, sizeof *in, cmp_ps);
    for (size_t i = 0; i < n; i++) json_fact(g, &in[i], false, max_evidence, &first, out);
  }
  free(in);
  put(out, "],\n \"mentions\": [");
  first = true;
  Mention *m = collect_mentions(g, lo, hi, &n);
  for (size_t i = 0; i < n; i++) {
    put(out, i ? ",\n  {\"text\": " : "\n  {\"text\": ");
    json_str(out, m[i].anchor);
    put(out, ", \"document\": ");
    json_str(out, m[i].source);
    put(out, ", \"begin\": ");
    json_num(out, m[i].b);
    put(out, ", \"end\": ");
    json_num(out, m[i].e);
    put(out, "}");
  }
  free(m);
  put(out, "]}\n");
  if (!in || !m) return CNKG_ERR_NOMEM;
  return cnkg_output_write(out, "", 0);
}

/* ---- paths as a model graph ---- */

static char *key_of(const CnkgGraphRead *g, size_t e, CnkgType type) {
  const char *iri = cnkg_graphread_iri(g, e);
  size_t bl = strlen(CNKG_RDF_DEFAULT_BASE);
  if (!strncmp(iri, CNKG_RDF_DEFAULT_BASE, bl) && iri[bl]) return cnkg_strndup(iri + bl, strlen(iri + bl));
  return cnkg_graph_key_hash(type, iri, NULL);
}

static CnkgType type_of(const CnkgGraphRead *g, size_t e) {
  CnkgType type;
  return cnkg_type_find(graphread_text_of(g, g->ent_class[e]), &type) == CNKG_SUCCESS
             ? type
             : CNKG_TYPE_ORGANIZATION;
}

static CnkgStatus add_path_entity(const CnkgGraphRead *g, CnkgGraph *m, size_t e,
                                  size_t *index) {
  CnkgType type = type_of(g, e);
  char *key = key_of(g, e, type);
  if (!key) return CNKG_ERR_NOMEM;
  CnkgStatus rc = cnkg_graph_add_entity(m, key, type, cnkg_graphread_label(g, e), index);
  free(key);
  return rc;
}

static CnkgStatus add_step(const CnkgGraphRead *g, CnkgGraph *m,
                           const CnkgTraceStep *st) {
  const Triple *tr = &g->spo[st->triple];
  size_t si = g->ent_of_term[tr->s], oi = g->ent_of_term[tr->o], a, b;
  CnkgStatus rc;
  if ((rc = add_path_entity(g, m, si, &a)) || (rc = add_path_entity(g, m, oi, &b)))
    return rc;
  CnkgRel rel;
  if (cnkg_rel_find(graphread_text_of(g, tr->p), &rel) != CNKG_SUCCESS) return CNKG_SUCCESS;
  Ev *ev;
  size_t n = evidence_of(g, tr->s, tr->p, tr->o, &ev);
  rc = cnkg_graph_add_relation(m, a, rel, b, NULL, NULL);
  for (size_t i = 0; i < n && !rc; i++) {
    size_t doc_term = graphread_object_of(g, ev[i].node, g->fixed[CNKG_V_DERIVED]);
    if (doc_term == NONE) continue;
    const char *iri = graphread_text_of(g, doc_term);
    const char *tail = strstr(iri, "doc/");
    CnkgDocument d = {0};
    d.key = (char *)(tail ? tail : "doc/unknown");
    d.path = (char *)ev[i].source;
    d.title = (char *)graphread_value_of(g, doc_term, g->fixed[CNKG_V_HEADLINE]);
    size_t di;
    if ((rc = cnkg_graph_add_document(m, &d, &di))) break;
    CnkgEvidence evd = {di, ev[i].begin, ev[i].end,
                        (char *)graphread_value_of(g, ev[i].node, g->fixed[CNKG_V_SENTENCE])};
    rc = cnkg_graph_add_relation(m, a, rel, b, NULL, &evd);
  }
  free(ev);
  return rc;
}

CnkgStatus cnkg_graphread_paths_to_graph(const CnkgGraphRead *g,
                                         const CnkgTracePath *paths,
                                         size_t n_paths, CnkgGraph **out) {
  if (!g || !out || (n_paths && !paths)) return CNKG_ERR_ARG;
  *out = NULL;
  CnkgGraph *m = cnkg_graph_new();
  if (!m) return CNKG_ERR_NOMEM;
  CnkgStatus rc = CNKG_SUCCESS;
  for (size_t i = 0; i < n_paths && !rc; i++)
    for (size_t k = 0; k < paths[i].n_steps && !rc; k++)
      rc = add_step(g, m, &paths[i].steps[k]);
  if (!rc) rc = cnkg_graph_canonicalize(m);
  if (rc) {
    cnkg_graph_free(m);
    return rc;
  }
  *out = m;
  return CNKG_SUCCESS;
}
