/* SPDX-License-Identifier: Apache-2.0
 * Embedded SPARQL (see sparql.h): rasqal parses and evaluates the query over
 * the graph files, read through raptor2; rasqal's own formatters write CSV,
 * TSV, JSON and XML, this file writes the text table and the Turtle of graph
 * results. Depends on include/cnkg/, rasqal and raptor2. */
#include "store/sparql.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rasqal.h>

#include "store/sparql_store.h"
#include "cnkg/vocab.h"
#include "cnkg/grow.h"

static const struct {
  const char *prefix, *uri;
} known_prefixes[] = {
    {"cnkg", CNKG_NS_CNKG},
    {"rdf", CNKG_NS_RDF},
    {"rdfs", CNKG_NS_RDFS},
    {"owl", "http://www.w3.org/2002/07/owl#"},
    {"xsd", CNKG_NS_XSD},
    {"skos", CNKG_NS_SKOS},
    {"schema", CNKG_NS_SCHEMA},
    {"prov", CNKG_NS_PROV},
    {"nif", CNKG_NS_NIF},
    {"dcterms", CNKG_NS_DCT},
    {"foaf", "http://xmlns.com/foaf/0.1/"},
    {"org", "http://www.w3.org/ns/org#"},
    {"itsrdf", CNKG_NS_ITS},
};
#define N_PREFIXES (sizeof known_prefixes / sizeof known_prefixes[0])

/* Built once on first use; every declaration on one line, so that the
 * user's query starts on line 2 and error lines are shifted by exactly one. */
static char prefix_line[2048];

const char *cnkg_sparql_prefixes(void) {
  if (!prefix_line[0]) {
    size_t used = 0;
    for (size_t i = 0; i < N_PREFIXES && used < sizeof prefix_line; i++)
      used += (size_t)snprintf(prefix_line + used, sizeof prefix_line - used,
                               "%sPREFIX %s: <%s>", i ? " " : "",
                               known_prefixes[i].prefix, known_prefixes[i].uri);
  }
  return prefix_line;
}

CnkgStatus cnkg_sparql_format_from_name(const char *name,
                                        CnkgSparqlFormat *format) {
  static const struct {
    const char *name;
    CnkgSparqlFormat format;
  } names[] = {{"table", CNKG_SPARQL_TABLE}, {"csv", CNKG_SPARQL_CSV},
               {"tsv", CNKG_SPARQL_TSV},     {"json", CNKG_SPARQL_JSON},
               {"xml", CNKG_SPARQL_XML}};
  if (!name || !format) return CNKG_ERR_ARG;
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
    if (!strcmp(name, names[i].name)) {
      *format = names[i].format;
      return CNKG_SUCCESS;
    }
  return CNKG_ERR_ARG;
}

typedef enum { PHASE_SETUP, PHASE_PREPARE, PHASE_EXECUTE } Phase;

struct CnkgSparql {
  rasqal_world *world;
  raptor_world *raptor;
  const CnkgLog *log;
  char **graphs;
  size_t n_graphs;
  CnkgSparqlStore *store;
  /* the first error message of the current run */
  Phase phase;
  const char *query; /* the user's text while it is parsed */
  bool allow_network;
  bool have_error;
  char error[1024];
};

/* rasqal's SPARQL parser reports only a line. Its messages quote the
 * offending token ("syntax error at 'f'", "unexpected ')'"), so the column
 * is where that token first appears on the line (1-based, in characters),
 * or the first non-blank character when nothing is quoted. */
static int guess_column(const char *query, int line, const char *msg) {
  if (!query) return 0;
  const char *p = query;
  for (int l = 1; l < line && p; l++) {
    p = strchr(p, '\n');
    if (p) p++;
  }
  if (!p) return 0;
  const char *eol = strchr(p, '\n');
  size_t len = eol ? (size_t)(eol - p) : strlen(p);
  const char *q = strchr(msg, '\'');
  const char *q2 = q ? strchr(q + 1, '\'') : NULL;
  const char *at = NULL;
  if (q && q2 && q2 > q + 1) {
    size_t tl = (size_t)(q2 - q - 1);
    for (size_t i = 0; i + tl <= len && !at; i++)
      if (!memcmp(p + i, q + 1, tl)) at = p + i;
  }
  if (!at && strstr(msg, "$end")) at = p + len; /* ran off the end */
  if (!at) {
    at = p;
    while (at < p + len && (*at == ' ' || *at == '\t')) at++;
  }
  int col = 1;
  for (const char *c = p; c < at; c++)
    if (((unsigned char)*c & 0xC0) != 0x80) col++;
  return col;
}

static void on_log(void *user_data, raptor_log_message *m) {
  CnkgSparql *s = user_data;
  if (!m || !m->text) return;
  if (m->level < RAPTOR_LOG_LEVEL_ERROR) {
    /* rasqal's query warnings are about unused variables, including its
     * own aggregate temporaries ($$agg$$0): noise for a one-shot query */
    if (m->level >= RAPTOR_LOG_LEVEL_WARN && s->phase != PHASE_PREPARE &&
        !strstr(m->text, "was bound but is unused") &&
        !strstr(m->text, "was used but is not bound"))
      cnkg_log(s->log, CNKG_LOG_WARNING, NULL, CNKG_NO_POS, "%s", m->text);
    return;
  }
  if (s->have_error) return;
  s->have_error = true;
  const raptor_locator *loc = m->locator;
  if (s->phase == PHASE_PREPARE) {
    /* the predeclared prefixes take line 1 */
    int line = loc && loc->line > 0 ? loc->line - 1 : -1;
    int col = loc ? loc->column : -1;
    if (col < 0 && line > 0) col = guess_column(s->query, line, m->text) - 1;
    if (line > 0 && col >= 0)
      snprintf(s->error, sizeof s->error, "line %d, column %d: %s", line,
               col + 1, m->text);
    else if (line > 0)
      snprintf(s->error, sizeof s->error, "line %d: %s", line, m->text);
    else
      snprintf(s->error, sizeof s->error, "%s", m->text);
    return;
  }
  const char *file = loc ? loc->file : NULL;
  char *fromuri = NULL;
  if (!file && loc && loc->uri) {
    fromuri = raptor_uri_uri_string_to_filename(raptor_uri_as_string(loc->uri));
    file = fromuri;
  }
  if (file && loc && loc->line > 0)
    snprintf(s->error, sizeof s->error, "%s:%d: %s", file, loc->line, m->text);
  else if (file)
    snprintf(s->error, sizeof s->error, "%s: %s", file, m->text);
  else
    snprintf(s->error, sizeof s->error, "%s", m->text);
  if (fromuri) raptor_free_memory(fromuri);
}

CnkgStatus cnkg_sparql_new(const CnkgLog *log, CnkgSparql **sparql) {
  if (!sparql) return CNKG_ERR_ARG;
  *sparql = NULL;
  CnkgSparql *s = calloc(1, sizeof *s);
  if (!s) return CNKG_ERR_NOMEM;
  s->log = log;
  s->world = rasqal_new_world();
  if (!s->world) {
    free(s);
    return CNKG_ERR_INTERNAL;
  }
  if (rasqal_world_open(s->world)) {
    rasqal_free_world(s->world);
    free(s);
    return CNKG_ERR_INTERNAL;
  }
  rasqal_world_set_log_handler(s->world, s, on_log);
  s->raptor = rasqal_world_get_raptor(s->world);
  raptor_world_set_log_handler(s->raptor, s, on_log);
  *sparql = s;
  return CNKG_SUCCESS;
}

void cnkg_sparql_allow_network(CnkgSparql *s, bool allow) {
  if (s) s->allow_network = allow;
}

/* ---- keeping queries off the network
 *
 * rasqal runs SERVICE by fetching its IRI (raptor's www, libcurl), and a
 * triples source may fetch the IRIs of FROM and FROM NAMED. cnkg promises
 * to download nothing, so unless the caller allowed it, a prepared query
 * naming such an IRI is refused before it runs. */

/* True for IRIs that name no network resource: file: only. */
static bool is_local_iri(raptor_uri *uri) {
  const char *u = uri ? (const char *)raptor_uri_as_string(uri) : NULL;
  return u && !strncmp(u, "file:", 5);
}

/* The first SERVICE pattern in gp or below it, or NULL. */
static rasqal_graph_pattern *find_service(rasqal_graph_pattern *gp, int depth) {
  if (!gp || depth > 1000) return NULL;
  if (rasqal_graph_pattern_get_operator(gp) == RASQAL_GRAPH_PATTERN_OPERATOR_SERVICE) return gp;
  for (int i = 0;; i++) {
    rasqal_graph_pattern *sub = rasqal_graph_pattern_get_sub_graph_pattern(gp, i);
    if (!sub) return NULL;
    rasqal_graph_pattern *hit = find_service(sub, depth + 1);
    if (hit) return hit;
  }
}

/* Fills s->error and returns CNKG_ERR_ARG when q would reach the network. */
static CnkgStatus refuse_network(CnkgSparql *s, rasqal_query *q) {
  rasqal_graph_pattern *svc = find_service(rasqal_query_get_query_graph_pattern(q), 0);
  if (svc) {
    rasqal_literal *l = rasqal_graph_pattern_get_service(svc);
    const unsigned char *iri = l ? rasqal_literal_as_string(l) : NULL;
    snprintf(s->error, sizeof s->error,
             "SERVICE%s%s%s would query a remote endpoint; cnkg answers from the graph files "
             "only (--allow-network permits it)", iri ? " <" : "", iri ? (const char *)iri : "",
             iri ? ">" : "");
    return CNKG_ERR_ARG;
  }
  for (int i = 0;; i++) {
    rasqal_data_graph *dg = rasqal_query_get_data_graph(q, i);
    if (!dg) break;
    raptor_uri *u = dg->uri ? dg->uri : dg->name_uri;
    if (!is_local_iri(u)) {
      snprintf(s->error, sizeof s->error,
               "FROM%s <%s> names a graph on the network; cnkg answers from the graph files "
               "given on the command line only (--allow-network permits the query)",
               dg->flags == RASQAL_DATA_GRAPH_NAMED ? " NAMED" : "",
               u ? (const char *)raptor_uri_as_string(u) : "?");
      return CNKG_ERR_ARG;
    }
  }
  return CNKG_SUCCESS;
}

void cnkg_sparql_free(CnkgSparql *s) {
  if (!s) return;
  for (size_t i = 0; i < s->n_graphs; i++) free(s->graphs[i]);
  free(s->graphs);
  cnkg_sparql_store_free(s->store);
  rasqal_free_world(s->world);
  free(s);
}

CnkgStatus cnkg_sparql_add_graph(CnkgSparql *s, const char *path, char *err,
                                 size_t errsize) {
  if (!s || !path) return CNKG_ERR_ARG;
  FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
  if (!f) {
    if (err && errsize) snprintf(err, errsize, "%s: cannot read graph: %s", path, strerror(errno));
    return CNKG_ERR_READ;
  }
  if (f != stdin) fclose(f);
  char **g = realloc(s->graphs, (s->n_graphs + 1) * sizeof *g);
  if (!g) return CNKG_ERR_NOMEM;
  s->graphs = g;
  size_t n = strlen(path) + 1;
  g[s->n_graphs] = malloc(n);
  if (!g[s->n_graphs]) return CNKG_ERR_NOMEM;
  memcpy(g[s->n_graphs++], path, n);
  return CNKG_SUCCESS;
}

/* ---- bytes from raptor into the CnkgOutput */

static int io_write_byte(void *ctx, const int byte) {
  unsigned char c = (unsigned char)byte;
  return cnkg_output_write(ctx, &c, 1) == CNKG_SUCCESS ? 0 : 1;
}
static int io_write_bytes(void *ctx, const void *ptr, size_t size, size_t nmemb) {
  if (cnkg_output_write(ctx, ptr, size * nmemb) != CNKG_SUCCESS) return -1;
  return (int)nmemb;
}
static const raptor_iostream_handler io_handler = {
    2, NULL, NULL, io_write_byte, io_write_bytes, NULL, NULL, NULL};

/* ---- the text table */

/* Columns a code point takes on a terminal: 2 for East Asian wide and
 * fullwidth characters, 0 for combining marks, else 1. */
static size_t cp_width(unsigned long c) {
  if ((c >= 0x0300 && c <= 0x036F) || c == 0x200B || (c >= 0xFE00 && c <= 0xFE0F))
    return 0;
  if ((c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) ||
      (c >= 0x3041 && c <= 0x33FF) || (c >= 0x3400 && c <= 0x4DBF) ||
      (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
      (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
      (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
      (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F) ||
      (c >= 0x20000 && c <= 0x3FFFD))
    return 2;
  return 1;
}

static size_t text_width(const char *s) {
  const unsigned char *p = (const unsigned char *)s;
  size_t w = 0;
  while (*p) {
    unsigned long c = *p;
    size_t n = 1;
    if (c >= 0xF0 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80 && (p[3] & 0xC0) == 0x80) {
      c = ((c & 0x07) << 18) | ((unsigned long)(p[1] & 0x3F) << 12) |
          ((unsigned long)(p[2] & 0x3F) << 6) | (p[3] & 0x3F);
      n = 4;
    } else if (c >= 0xE0 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80) {
      c = ((c & 0x0F) << 12) | ((unsigned long)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
      n = 3;
    } else if (c >= 0xC0 && (p[1] & 0xC0) == 0x80) {
      c = ((c & 0x1F) << 6) | (p[1] & 0x3F);
      n = 2;
    }
    w += cp_width(c);
    p += n;
  }
  return w;
}

/* A new string showing the term: literals by their text, IRIs under a
 * predeclared prefix as prefix:local, other IRIs as <iri>, blank nodes as
 * _:id, unbound as "". Control characters, bad bytes and direction
 * overrides are escaped (cnkg_log_escape, as everywhere cnkg shows graph
 * text on a terminal), so rows stay rows and a term cannot drive the
 * terminal. */
static char *term_text_raw(rasqal_literal *l);
static char *term_text(rasqal_literal *l) {
  char *raw = term_text_raw(l);
  if (!raw) return NULL;
  size_t len = strlen(raw), room = len * 6 + 1;
  char *esc = malloc(room);
  if (esc) cnkg_log_escape(raw, len, esc, room);
  free(raw);
  return esc;
}

static char *term_text_raw(rasqal_literal *l) {
  if (!l) {
    char *e = malloc(1);
    if (e) *e = '\0';
    return e;
  }
  rasqal_literal_type t = rasqal_literal_get_rdf_term_type(l);
  size_t len = 0;
  int error = 0;
  const unsigned char *s = rasqal_literal_as_counted_string(l, &len, 0, &error);
  if (!s || error) s = (const unsigned char *)"", len = 0;
  char *r = NULL;
  if (t == RASQAL_LITERAL_URI) {
    for (size_t i = 0; i < N_PREFIXES; i++) {
      size_t pl = strlen(known_prefixes[i].uri);
      if (len > pl && !memcmp(s, known_prefixes[i].uri, pl) &&
          !memchr(s + pl, '/', len - pl) && !memchr(s + pl, '#', len - pl)) {
        size_t n = strlen(known_prefixes[i].prefix) + 1 + (len - pl) + 1;
        r = malloc(n);
        if (r) snprintf(r, n, "%s:%.*s", known_prefixes[i].prefix, (int)(len - pl), (const char *)s + pl);
        return r;
      }
    }
    r = malloc(len + 3);
    if (r) snprintf(r, len + 3, "<%.*s>", (int)len, (const char *)s);
    return r;
  }
  if (t == RASQAL_LITERAL_BLANK) {
    r = malloc(len + 3);
    if (r) snprintf(r, len + 3, "_:%.*s", (int)len, (const char *)s);
    return r;
  }
  r = malloc(len + 1);
  if (!r) return NULL;
  memcpy(r, s, len);
  r[len] = '\0';
  return r;
}

static CnkgStatus put_padded(CnkgOutput *out, const char *s, size_t width,
                             bool last) {
  CnkgStatus st = cnkg_output_puts(out, s);
  if (last) return st;
  for (size_t w = text_width(s); st == CNKG_SUCCESS && w < width + 2; w++)
    st = cnkg_output_write(out, " ", 1);
  return st;
}

static CnkgStatus write_table(rasqal_query_results *results, CnkgOutput *out,
                              size_t *count) {
  int nb = rasqal_query_results_get_bindings_count(results);
  size_t ncol = nb > 0 ? (size_t)nb : 0;
  char **cells = NULL;
  size_t ncells = 0, cap = 0, nrows = 0;
  CnkgStatus st = CNKG_SUCCESS;
  size_t *width = calloc(ncol ? ncol : 1, sizeof *width);
  /* rasqal forgets the names once the rows are consumed: keep copies */
  char **names = calloc(ncol ? ncol : 1, sizeof *names);
  if (!width || !names) {
    free(width);
    free(names);
    return CNKG_ERR_NOMEM;
  }
  for (size_t c = 0; c < ncol; c++) {
    const char *nm = (const char *)rasqal_query_results_get_binding_name(results, (int)c);
    size_t n = nm ? strlen(nm) : 0;
    names[c] = malloc(n + 1);
    if (!names[c]) {
      st = CNKG_ERR_NOMEM;
      goto done;
    }
    if (n) memcpy(names[c], nm, n);
    names[c][n] = '\0';
    width[c] = text_width(names[c]);
  }
  while (!rasqal_query_results_finished(results)) {
    if (CNKG_GROW(cells, cap, ncells + ncol, 64 + ncol)) {
      st = CNKG_ERR_NOMEM;
      goto done;
    }
    for (size_t c = 0; c < ncol; c++) {
      char *t = term_text(rasqal_query_results_get_binding_value(results, (int)c));
      if (!t) {
        st = CNKG_ERR_NOMEM;
        goto done;
      }
      cells[ncells++] = t;
      size_t w = text_width(t);
      if (w > width[c]) width[c] = w;
    }
    nrows++;
    if (rasqal_query_results_next(results)) break;
  }
  *count = nrows;
  for (size_t c = 0; c < ncol && !st; c++)
    st = put_padded(out, names[c], width[c], c + 1 == ncol);
  if (!st) st = cnkg_output_puts(out, "\n");
  for (size_t c = 0; c < ncol && !st; c++) {
    for (size_t i = 0; i < width[c] && !st; i++) st = cnkg_output_write(out, "-", 1);
    if (c + 1 < ncol && !st) st = cnkg_output_puts(out, "  ");
  }
  if (!st) st = cnkg_output_puts(out, "\n");
  for (size_t r = 0; r < nrows && !st; r++) {
    for (size_t c = 0; c < ncol && !st; c++)
      st = put_padded(out, cells[r * ncol + c], width[c], c + 1 == ncol);
    if (!st) st = cnkg_output_puts(out, "\n");
  }
done:
  for (size_t i = 0; i < ncells; i++) free(cells[i]);
  for (size_t c = 0; c < ncol; c++) free(names[c]);
  free(names);
  free(cells);
  free(width);
  return st;
}

static CnkgStatus write_graph(CnkgSparql *s, rasqal_query_results *results,
                              CnkgOutput *out, size_t *count) {
  CnkgStatus st = CNKG_SUCCESS;
  raptor_serializer *ser = raptor_new_serializer(s->raptor, "turtle");
  raptor_iostream *io = raptor_new_iostream_from_handler(s->raptor, out, &io_handler);
  if (!ser || !io) {
    st = ser ? CNKG_ERR_NOMEM : CNKG_ERR_INTERNAL;
    goto done;
  }
  for (size_t i = 0; i < N_PREFIXES; i++) {
    raptor_uri *u = raptor_new_uri(s->raptor, (const unsigned char *)known_prefixes[i].uri);
    if (!u) {
      st = CNKG_ERR_NOMEM;
      goto done;
    }
    raptor_serializer_set_namespace(ser, u, (const unsigned char *)known_prefixes[i].prefix);
    raptor_free_uri(u);
  }
  if (raptor_serializer_start_to_iostream(ser, NULL, io)) {
    st = CNKG_ERR_INTERNAL;
    goto done;
  }
  size_t n = 0;
  for (;;) {
    raptor_statement *t = rasqal_query_results_get_triple(results);
    if (!t) break;
    if (raptor_serializer_serialize_statement(ser, t)) {
      st = CNKG_ERR_WRITE;
      break;
    }
    n++;
    if (rasqal_query_results_next_triple(results)) break;
  }
  if (raptor_serializer_serialize_end(ser) && !st) st = CNKG_ERR_WRITE;
  *count = n;
done:
  raptor_free_serializer(ser);
  raptor_free_iostream(io);
  return st;
}

static CnkgStatus write_formatted(CnkgSparql *s, rasqal_query_results *results,
                                  const char *name, CnkgOutput *out) {
  rasqal_query_results_formatter *f =
      rasqal_new_query_results_formatter(s->world, name, NULL, NULL);
  if (!f) return CNKG_ERR_INTERNAL;
  raptor_iostream *io = raptor_new_iostream_from_handler(s->raptor, out, &io_handler);
  if (!io) {
    rasqal_free_query_results_formatter(f);
    return CNKG_ERR_NOMEM;
  }
  int rc = rasqal_query_results_formatter_write(io, f, results, NULL);
  raptor_free_iostream(io);
  rasqal_free_query_results_formatter(f);
  return rc ? CNKG_ERR_WRITE : CNKG_SUCCESS;
}

/* Counts the rows a formatter consumed: rasqal keeps the count of the
 * result it is positioned on (from 1), or 0 when there were none. */
static size_t rows_seen(rasqal_query_results *results) {
  int n = rasqal_query_results_get_count(results);
  return n > 0 ? (size_t)n : 0;
}

CnkgStatus cnkg_sparql_run(CnkgSparql *s, const char *query,
                           CnkgSparqlFormat format, CnkgOutput *output,
                           CnkgSparqlSummary *summary, char *err,
                           size_t errsize) {
  if (!s || !query || !output) return CNKG_ERR_ARG;
  CnkgSparqlSummary sum = {CNKG_SPARQL_BINDINGS, 0, false};
  CnkgStatus st = CNKG_SUCCESS;
  rasqal_query *q = NULL;
  rasqal_query_results *res = NULL;
  char *text = NULL;
  s->have_error = false;
  s->error[0] = '\0';
  if (err && errsize) err[0] = '\0';

  const char *pre = cnkg_sparql_prefixes();
  size_t n = strlen(pre) + 1 + strlen(query) + 1;
  text = malloc(n);
  if (!text) return CNKG_ERR_NOMEM;
  snprintf(text, n, "%s\n%s", pre, query);

  if (!s->store) {
    st = cnkg_sparql_store_load(s->raptor, (const char *const *)s->graphs,
                                s->n_graphs, &s->store, s->error,
                                sizeof s->error);
    raptor_world_set_log_handler(s->raptor, s, on_log);
    if (st) goto done;
  }
  st = cnkg_sparql_store_register(s->world, s->store);
  if (st) goto done;

  q = rasqal_new_query(s->world, "sparql11", NULL);
  if (!q) {
    st = CNKG_ERR_INTERNAL;
    goto done;
  }
  s->phase = PHASE_PREPARE;
  s->query = query;
  if (rasqal_query_prepare(q, (const unsigned char *)text, NULL)) {
    if (!s->have_error) snprintf(s->error, sizeof s->error, "the query could not be parsed");
    st = CNKG_ERR_TEXT;
    goto done;
  }
  if (!s->allow_network && (st = refuse_network(s, q)) != CNKG_SUCCESS) goto done;
  s->phase = PHASE_EXECUTE;
  s->query = NULL;
  s->have_error = false;
  res = rasqal_query_execute(q);
  if (!res || s->have_error) {
    if (!s->have_error) snprintf(s->error, sizeof s->error, "the query could not be run");
    st = CNKG_ERR_TEXT;
    goto done;
  }
  if (rasqal_query_results_is_boolean(res)) {
    sum.kind = CNKG_SPARQL_BOOLEAN;
    sum.boolean = rasqal_query_results_get_boolean(res) > 0;
    sum.count = 1;
    if (format == CNKG_SPARQL_JSON || format == CNKG_SPARQL_XML)
      st = write_formatted(s, res, format == CNKG_SPARQL_JSON ? "json" : "xml", output);
    else
      st = cnkg_output_puts(output, sum.boolean ? "true\n" : "false\n");
  } else if (rasqal_query_results_is_graph(res)) {
    sum.kind = CNKG_SPARQL_GRAPH;
    st = write_graph(s, res, output, &sum.count);
  } else if (format == CNKG_SPARQL_TABLE) {
    st = write_table(res, output, &sum.count);
  } else {
    static const char *const names[] = {"table", "csv", "tsv", "json", "xml"};
    st = write_formatted(s, res, names[format], output);
    sum.count = rows_seen(res);
  }
  if (!st && s->have_error) st = CNKG_ERR_TEXT;
  if (st == CNKG_ERR_WRITE && !s->have_error)
    snprintf(s->error, sizeof s->error, "writing the results failed");

done:
  s->phase = PHASE_SETUP;
  s->query = NULL;
  if (st && err && errsize)
    snprintf(err, errsize, "%s", s->error[0] ? s->error : cnkg_strerror(st));
  if (summary) *summary = sum;
  rasqal_free_query_results(res);
  rasqal_free_query(q);
  free(text);
  return st;
}
