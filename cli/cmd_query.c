/* SPDX-License-Identifier: Apache-2.0
 * `cnkg query`: runs a SPARQL query (-e, -f) or a named question (--ask,
 * queries/NAME.rq) over graph files and prints the results; --list shows
 * the named questions. Only parses options, finds the question file and
 * substitutes --param values; the querying is out/sparql.h. Depends on
 * commands.h, cnkg/data.h, cnkg/output.h and out/sparql.h. */
#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cliutil.h"
#include "cli/commands.h"
#include "cnkg/data.h"
#include "cnkg/output.h"
#include "out/sparql.h"

static const char usage[] =
    "Usage: cnkg query GRAPH... (-e SPARQL | -f FILE.rq | --ask NAME) [OPTION]...\n"
    "       cnkg query --list\n"
    "Answer a SPARQL 1.1 query over graph files without a server. A GRAPH is\n"
    "Turtle, or N-Triples if named *.nt; - is standard input. The prefixes\n"
    "cnkg, rdf, rdfs, owl, xsd, skos, schema, prov, nif, dcterms, foaf, org\n"
    "and itsrdf are predeclared.\n"
    "\n"
    "  -e, --query SPARQL   the query text\n"
    "  -f, --file FILE      read the query from FILE ('-' is stdin)\n"
    "  -a, --ask NAME       run the named question NAME (see --list)\n"
    "  -p, --param K=V      put the string V where the query says $K (V is\n"
    "                       normalised as names in the graph are: 陳立遠 is\n"
    "                       陈立远)\n"
    "  -r, --results FMT    table (default), csv, tsv, json or xml;\n"
    "                       CONSTRUCT and DESCRIBE always give Turtle\n"
    "  -l, --list           list the named questions with a description\n"
    "      --queries DIR    look for named questions in DIR\n"
    "      --prefixes       print the predeclared prefixes\n"
    "      --allow-network  let SERVICE (and FROM <http...>) reach the network;\n"
    "                       without it such queries are refused\n"
    "  -h, --help           show this help\n"
    "\n"
    "An empty result is reported on stderr; the exit status is still 0.\n"
    "Example: cnkg query out/graph.ttl --ask person --param name=陈立远\n";

#define MAX_PARAMS 32

typedef struct {
  const char *name;
  size_t name_len;
  const char *value;
  bool used;
} Param;

static int usage_error(const char *msg, const char *arg) {
  return cnkg_cli_usage_error("query", msg, arg);
}

static bool is_dir(const char *p) {
  struct stat sb;
  return p && stat(p, &sb) == 0 && S_ISDIR(sb.st_mode);
}

/* The named-question folder: --queries, $CNKG_QUERIES, the source tree the
 * binary was built from, then the data directories (share/cnkg/queries).
 * Returns a new string or NULL. */
static char *queries_dir(const char *option) {
  const char *env = getenv("CNKG_QUERIES");
  const char *pick = option;
  if (!pick && env && *env) pick = env;
#ifdef CNKG_QUERIES_DIR
  if (!pick && is_dir(CNKG_QUERIES_DIR)) pick = CNKG_QUERIES_DIR;
#endif
  if (pick) {
    size_t n = strlen(pick) + 1;
    char *r = malloc(n);
    if (r) memcpy(r, pick, n);
    return r;
  }
  char *path = NULL;
  char err[16];
  if (cnkg_data_find(NULL, "queries", &path, err, sizeof err) != CNKG_SUCCESS) return NULL;
  return path;
}

static char *read_stream(FILE *f) {
  size_t len = 0, cap = 4096;
  char *buf = malloc(cap);
  if (!buf) return NULL;
  for (;;) {
    if (cap - len < 2) {
      char *p = realloc(buf, cap * 2);
      if (!p) {
        free(buf);
        return NULL;
      }
      buf = p;
      cap *= 2;
    }
    size_t n = fread(buf + len, 1, cap - len - 1, f);
    len += n;
    if (n == 0) break;
  }
  if (ferror(f)) {
    free(buf);
    return NULL;
  }
  buf[len] = '\0';
  return buf;
}

static char *read_file(const char *path) {
  if (!strcmp(path, "-")) return read_stream(stdin);
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  char *r = read_stream(f);
  int e = errno;
  fclose(f);
  errno = e;
  return r;
}

/* Copies the first comment line of a question, without "# ", into out. */
static void first_comment(const char *text, char *out, size_t size) {
  out[0] = '\0';
  for (const char *p = text; p && *p;) {
    const char *eol = strchr(p, '\n');
    size_t n = eol ? (size_t)(eol - p) : strlen(p);
    if (*p == '#') {
      const char *s = p + 1;
      while (s < p + n && *s == ' ') s++;
      size_t m = (size_t)(p + n - s);
      while (m && (s[m - 1] == '\r' || s[m - 1] == ' ')) m--;
      snprintf(out, size, "%.*s", (int)m, s);
      return;
    }
    p = eol ? eol + 1 : NULL;
  }
}

static int cmp_names(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static int list_questions(const char *dir) {
  DIR *d = dir ? opendir(dir) : NULL;
  if (!d) {
    cnkg_cli_say("cnkg: error: %s: cannot open the named-question folder%s",
                 dir ? dir : "queries", dir ? "" : " (not found; use --queries DIR)");
    return 1;
  }
  char **names = NULL;
  size_t n = 0, width = 0;
  struct dirent *e;
  while ((e = readdir(d))) {
    size_t len = strlen(e->d_name);
    if (len < 4 || strcmp(e->d_name + len - 3, ".rq") || e->d_name[0] == '.') continue;
    char **p = realloc(names, (n + 1) * sizeof *p);
    if (!p) break;
    names = p;
    names[n] = malloc(len - 2);
    if (!names[n]) break;
    snprintf(names[n], len - 2, "%.*s", (int)(len - 3), e->d_name);
    if (len - 3 > width) width = len - 3;
    n++;
  }
  closedir(d);
  qsort(names, n, sizeof *names, cmp_names);
  for (size_t i = 0; i < n; i++) {
    size_t plen = strlen(dir) + strlen(names[i]) + 5;
    char *path = malloc(plen);
    char desc[512] = "";
    if (path) {
      snprintf(path, plen, "%s/%s.rq", dir, names[i]);
      char *text = read_file(path);
      if (text) first_comment(text, desc, sizeof desc);
      free(text);
      free(path);
    }
    printf("%-*s  %s\n", (int)width, names[i], desc);
    free(names[i]);
  }
  free(names);
  if (fflush(stdout) || ferror(stdout)) {
    cnkg_cli_say("cnkg: error: -: cannot write: %s", strerror(errno));
    return 1;
  }
  return 0;
}

static bool append(char **buf, size_t *len, size_t *cap, const char *s, size_t n) {
  if (*len + n + 1 > *cap) {
    size_t c = *cap ? *cap * 2 : 1024;
    while (c < *len + n + 1) c *= 2;
    char *p = realloc(*buf, c);
    if (!p) return false;
    *buf = p;
    *cap = c;
  }
  memcpy(*buf + *len, s, n);
  *len += n;
  (*buf)[*len] = '\0';
  return true;
}

static bool name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         c == '_' || (unsigned char)c >= 0x80;
}

/* Where the token starting with '<' at p ends: past its '>' when it is an
 * IRI reference, else just past the '<' (less-than, as in ?x<$n). SPARQL's
 * grammar lets '<$n&&?y>' read as an IRI, so the character after '<'
 * decides: an IRI cannot contain space, <>"{}|^`\ or controls, and one
 * that starts with ?, $, =, a digit, a sign, a quote or '(' is an operand
 * of a comparison in any query a person writes. */
static const char *iri_end(const char *p) {
  const char *e = p + 1;
  if (*e == '\0' || strchr("?$=0123456789+-(\"'!", *e)) return p + 1;
  for (; *e && *e != '>'; e++)
    if ((unsigned char)*e <= 0x20 || strchr("<\"{}|^`\\", *e)) return p + 1;
  return *e == '>' ? e + 1 : p + 1;
}

/* Replaces each $NAME outside strings, IRIs and comments by the matching
 * parameter as a SPARQL string literal. *missing (static storage in the
 * query) receives the first $NAME with no parameter, or NULL. Returns a new
 * string, or NULL when out of memory. */
static char *substitute(const char *q, Param *params, size_t n_params,
                        const char **missing, size_t *missing_len) {
  char *out = NULL;
  size_t len = 0, cap = 0;
  *missing = NULL;
  if (!append(&out, &len, &cap, "", 0)) return NULL;
  const char *p = q;
  while (*p) {
    const char *start = p;
    if (*p == '#') {
      while (*p && *p != '\n') p++;
    } else if (*p == '"' || *p == '\'') {
      char quote = *p;
      bool triple = p[1] == quote && p[2] == quote;
      p += triple ? 3 : 1;
      while (*p) {
        if (*p == '\\' && p[1]) {
          p += 2;
          continue;
        }
        if (*p == quote && (!triple || (p[1] == quote && p[2] == quote))) {
          p += triple ? 3 : 1;
          break;
        }
        if (!triple && *p == '\n') break;
        p++;
      }
    } else if (*p == '<') {
      p = iri_end(p);
    } else if (*p == '$' && name_char(p[1])) {
      const char *n = p + 1, *e = n;
      while (name_char(*e)) e++;
      Param *hit = NULL;
      for (size_t i = 0; i < n_params; i++)
        if (params[i].name_len == (size_t)(e - n) && !memcmp(params[i].name, n, params[i].name_len))
          hit = &params[i];
      if (!hit) {
        if (!*missing) {
          *missing = n;
          *missing_len = (size_t)(e - n);
        }
        p = e;
      } else {
        hit->used = true;
        /* spaces around the literal: rasqal's lexer would read
         * ?x<"v"&&?y>1 as one IRI; a space never changes a query where a
         * variable token could stand */
        bool ok = append(&out, &len, &cap, " \"", 2);
        for (const char *v = hit->value; ok && *v; v++) {
          const char *esc = *v == '"' ? "\\\"" : *v == '\\' ? "\\\\" : *v == '\n' ? "\\n"
                          : *v == '\r' ? "\\r" : *v == '\t' ? "\\t" : NULL;
          ok = esc ? append(&out, &len, &cap, esc, strlen(esc)) : append(&out, &len, &cap, v, 1);
        }
        if (!ok || !append(&out, &len, &cap, "\" ", 2)) {
          free(out);
          return NULL;
        }
        p = e;
        continue;
      }
    } else {
      p++;
    }
    if (!append(&out, &len, &cap, start, (size_t)(p - start))) {
      free(out);
      return NULL;
    }
  }
  return out;
}

static void report_log(void *handle, CnkgLogLevel level, const char *document,
                       size_t position, const char *message) {
  (void)position;
  const char *graph = handle;
  cnkg_cli_say("cnkg: %s: %s: %s", level == CNKG_LOG_ERROR ? "error" : "warning",
               document ? document : graph, message);
}

/* Returns the option's value (inline after '=' or the next argument). */
static const char *opt_value(int argc, char **argv, int *i, const char *arg,
                             const char *longname, const char *shortname, bool *matched) {
  *matched = false;
  size_t ln = strlen(longname);
  if (!strncmp(arg, longname, ln) && arg[ln] == '=') {
    *matched = true;
    return arg + ln + 1;
  }
  if (!strcmp(arg, longname) || (shortname && !strcmp(arg, shortname))) {
    *matched = true;
    if (*i + 1 >= argc) return NULL;
    return argv[++*i];
  }
  return NULL;
}

int cnkg_cli_query(int argc, char **argv) {
  const char *expr = NULL, *file = NULL, *ask = NULL, *results = "table";
  const char *qdir_opt = NULL;
  bool list = false, prefixes = false, only_inputs = false, allow_network = false;
  Param params[MAX_PARAMS];
  size_t n_params = 0;
  const char **graphs = calloc((size_t)(argc > 0 ? argc : 1), sizeof *graphs);
  size_t n_graphs = 0;
  int status = 0;
  char *qdir = NULL, *text = NULL, *query = NULL;
  char *folded[MAX_PARAMS] = {NULL};
  CnkgSparql *sparql = NULL;
  CnkgOutput *out = NULL;
  const char *query_name = NULL;
  if (!graphs) {
    cnkg_cli_say("cnkg: error: query: out of memory");
    return 1;
  }

  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    bool m;
    const char *v;
    if (only_inputs || a[0] != '-' || !strcmp(a, "-")) {
      graphs[n_graphs++] = a;
      continue;
    }
    if (!strcmp(a, "--")) {
      only_inputs = true;
      continue;
    }
    if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
      status = cnkg_cli_help(usage);
      goto done;
    }
    if (!strcmp(a, "--allow-network")) {
      allow_network = true;
      continue;
    }
    if (!strcmp(a, "-l") || !strcmp(a, "--list")) {
      list = true;
      continue;
    }
    if (!strcmp(a, "--prefixes")) {
      prefixes = true;
      continue;
    }
#define VALUE(longname, shortname, target)                                    \
  v = opt_value(argc, argv, &i, a, longname, shortname, &m);                  \
  if (m) {                                                                    \
    if (!v) {                                                                 \
      status = usage_error("option needs a value:", a);                       \
      goto done;                                                              \
    }                                                                         \
    target = v;                                                               \
    continue;                                                                 \
  }
    VALUE("--query", "-e", expr)
    VALUE("--file", "-f", file)
    VALUE("--ask", "-a", ask)
    VALUE("--results", "-r", results)
    VALUE("--queries", NULL, qdir_opt)
    const char *pv = opt_value(argc, argv, &i, a, "--param", "-p", &m);
    if (m) {
      if (!pv) {
        status = usage_error("option needs a value:", a);
        goto done;
      }
      const char *eq = strchr(pv, '=');
      if (!eq || eq == pv) {
        status = usage_error("--param wants NAME=VALUE, not", pv);
        goto done;
      }
      if (n_params == MAX_PARAMS) {
        status = usage_error("too many --param options", NULL);
        goto done;
      }
      for (size_t k = 0; k < n_params; k++)
        if (params[k].name_len == (size_t)(eq - pv) &&
            !memcmp(params[k].name, pv, params[k].name_len)) {
          char name[128];
          snprintf(name, sizeof name, "%.*s", (int)(eq - pv), pv);
          status = usage_error("--param given twice for", name);
          goto done;
        }
      /* names in the graph are Simplified, half-width...: so is the value */
      folded[n_params] = cnkg_cli_fold_name(eq + 1);
      const char *value = folded[n_params] ? folded[n_params] : eq + 1;
      params[n_params] = (Param){pv, (size_t)(eq - pv), value, false};
      n_params++;
      continue;
    }
#undef VALUE
    status = usage_error("unknown option", a);
    goto done;
  }

  if (prefixes) {
    printf("%s\n", cnkg_sparql_prefixes());
    goto done;
  }
  if (list || ask) {
    qdir = queries_dir(qdir_opt);
  }
  if (list) {
    status = list_questions(qdir);
    goto done;
  }
  if ((expr != NULL) + (file != NULL) + (ask != NULL) != 1) {
    status = usage_error("give exactly one of -e SPARQL, -f FILE or --ask NAME", NULL);
    goto done;
  }
  if (!n_graphs) {
    status = usage_error("no graph files given", NULL);
    goto done;
  }
  {
    size_t n_stdin = (file && !strcmp(file, "-")) ? 1 : 0;
    for (size_t i = 0; i < n_graphs; i++) n_stdin += !strcmp(graphs[i], "-");
    if (n_stdin > 1) {
      status = usage_error(file && !strcmp(file, "-")
                               ? "standard input cannot be both a graph and the query (-f -)"
                               : "standard input (-) given as a graph more than once",
                           NULL);
      goto done;
    }
    for (size_t i = 0; i < n_graphs; i++) {
      const char *why = cnkg_cli_not_a_file(graphs[i]);
      if (why) {
        cnkg_cli_say("cnkg: error: %s: %s; a GRAPH is a Turtle or N-Triples file "
                     "(cnkg build writes DIR/graph.ttl)", graphs[i], why);
        status = 1;
        goto done;
      }
    }
  }
  CnkgSparqlFormat format;
  if (cnkg_sparql_format_from_name(results, &format) != CNKG_SUCCESS) {
    status = usage_error("unknown results format (table, csv, tsv, json, xml):", results);
    goto done;
  }

  if (expr) {
    query_name = "-e";
    size_t n = strlen(expr) + 1;
    text = malloc(n);
    if (text) memcpy(text, expr, n);
  } else if (file) {
    query_name = file;
    text = read_file(file);
    if (!text) {
      cnkg_cli_say("cnkg: error: %s: cannot read the query: %s", file, strerror(errno));
      status = 1;
      goto done;
    }
  } else {
    if (!qdir) {
      cnkg_cli_say("cnkg: error: queries: named-question folder not found (use --queries DIR)");
      status = 1;
      goto done;
    }
    for (const char *c = ask; *c; c++)
      if (*c == '/' || *c == '\\') {
        status = usage_error("a question name, not a path:", ask);
        goto done;
      }
    size_t n = strlen(qdir) + strlen(ask) + 5;
    char *path = malloc(n);
    if (path) {
      snprintf(path, n, "%s/%s.rq", qdir, ask);
      text = read_file(path);
      free(path);
    }
    if (!text) {
      status = usage_error("no such named question (see cnkg query --list):", ask);
      goto done;
    }
    query_name = ask;
  }
  if (!text) {
    cnkg_cli_say("cnkg: error: query: out of memory");
    status = 1;
    goto done;
  }
  const char *missing = NULL;
  size_t missing_len = 0;
  query = substitute(text, params, n_params, &missing, &missing_len);
  if (!query) {
    cnkg_cli_say("cnkg: error: query: out of memory");
    status = 1;
    goto done;
  }
  if (missing && ask) {
    cnkg_cli_say("cnkg: error: %s: this question needs --param %.*s=VALUE", query_name,
                 (int)missing_len, missing);
    status = 2;
    goto done;
  }
  for (size_t i = 0; i < n_params; i++)
    if (!params[i].used) {
      cnkg_cli_say("cnkg: error: %s: the query has no $%.*s for --param", query_name,
                   (int)params[i].name_len, params[i].name);
      status = 2;
      goto done;
    }

  CnkgLog log = {report_log, (void *)graphs[0]};
  char err[1024];
  CnkgStatus st = cnkg_sparql_new(&log, &sparql);
  if (st == CNKG_SUCCESS) cnkg_sparql_allow_network(sparql, allow_network);
  for (size_t i = 0; i < n_graphs && st == CNKG_SUCCESS; i++) {
    st = cnkg_sparql_add_graph(sparql, graphs[i], err, sizeof err);
    if (st == CNKG_ERR_READ) {
      cnkg_cli_say("cnkg: error: %s", err);
      status = 1;
      goto done;
    }
  }
  if (st == CNKG_SUCCESS) st = cnkg_output_new_stream(stdout, &out);
  if (st != CNKG_SUCCESS) {
    cnkg_cli_say("cnkg: error: query: %s", cnkg_strerror(st));
    status = 1;
    goto done;
  }
  CnkgSparqlSummary sum;
  st = cnkg_sparql_run(sparql, query, format, out, &sum, err, sizeof err);
  CnkgStatus cst = cnkg_output_close(out);
  if (st == CNKG_SUCCESS && cst != CNKG_SUCCESS) {
    st = cst;
    snprintf(err, sizeof err, "cannot write the results");
  }
  if (st != CNKG_SUCCESS) {
    /* query errors name the query; graph and write errors carry their own */
    bool about_query = (st == CNKG_ERR_TEXT && !strncmp(err, "line ", 5)) || st == CNKG_ERR_ARG;
    if (about_query)
      cnkg_cli_say("cnkg: error: %s: %s", query_name, err);
    else if (st == CNKG_ERR_WRITE)
      cnkg_cli_say("cnkg: error: -: %s", err);
    else
      cnkg_cli_say("cnkg: error: %s", err[0] ? err : cnkg_strerror(st));
    status = 1;
    goto done;
  }
  if (sum.count == 0) fputs("cnkg: query: no results\n", stderr);

done:
  cnkg_output_free(out);
  cnkg_sparql_free(sparql);
  free(query);
  free(text);
  free(qdir);
  free(graphs);
  for (size_t i = 0; i < MAX_PARAMS; i++) free(folded[i]);
  return status;
}
