/* SPDX-License-Identifier: Apache-2.0
 * `cnkg query`: runs a SPARQL query (-e, -f) or a named question (--ask,
 * queries/NAME.rq) over graph files and prints the results; --list shows
 * the named questions. Only parses options, finds the question file and
 * substitutes --param values; the querying is store/sparql.h. Depends on
 * commands.h, cnkg/data.h, cnkg/output.h and store/sparql.h. */
#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "cli/cliutil.h"
#include "cli/commands.h"
#include "cnkg/data.h"
#include "cnkg/grow.h"
#include "cnkg/output.h"
#include "store/sparql.h"

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
    "  -p, --param K=V      set the query's VALUES ?K { ... } block to V (in the\n"
    "                       form of the value it holds, e.g. \"V\"@zh), or put\n"
    "                       the string V where the query says $K; V is\n"
    "                       normalised as names in the graph are (陳立遠 is\n"
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
    "An empty result is reported on stderr; the exit status is still 0. A query\n"
    "using what rasqal lacks (property paths, EXISTS, NOT EXISTS, MINUS) is\n"
    "refused with a message naming it.\n"
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
  size_t len = 0, cap = 0;
  char *buf = NULL;
  for (;;) {
    if (CNKG_GROW(buf, cap, len + 2, 4096)) {
      free(buf);
      return NULL;
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
  size_t n = 0, cap = 0, width = 0;
  struct dirent *e;
  while ((e = readdir(d))) {
    size_t len = strlen(e->d_name);
    if (len < 4 || strcmp(e->d_name + len - 3, ".rq") || e->d_name[0] == '.') continue;
    if (CNKG_GROW(names, cap, n + 1, 16)) break;
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
  if (cnkg_grow(buf, cap, *len + n + 1, 1, 1024)) return false;
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

/* Past the string literal starting at p (a quote), or at its end when it
 * is not closed on its line. */
static const char *string_end(const char *p) {
  char quote = *p;
  bool triple = p[1] == quote && p[2] == quote;
  p += triple ? 3 : 1;
  while (*p) {
    if (*p == '\\' && p[1]) {
      p += 2;
      continue;
    }
    if (*p == quote && (!triple || (p[1] == quote && p[2] == quote))) return p + (triple ? 3 : 1);
    if (!triple && *p == '\n') return p;
    p++;
  }
  return p;
}

/* Past the token at p: a comment, a string, an IRI, or one character. The
 * pieces of a query that never hold a parameter or a keyword. */
static const char *token_end(const char *p) {
  if (*p == '#') {
    while (*p && *p != '\n') p++;
    return p;
  }
  if (*p == '"' || *p == '\'') return string_end(p);
  if (*p == '<') return iri_end(p);
  return p + 1;
}

static const char *skip_space(const char *p) {
  for (;;) {
    while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') p++;
    if (*p != '#') return p;
    while (*p && *p != '\n') p++;
  }
}

/* Appends value as a SPARQL string literal (escaped, in double quotes). */
static bool append_literal(char **out, size_t *len, size_t *cap, const char *value) {
  bool ok = append(out, len, cap, "\"", 1);
  for (const char *v = value; ok && *v; v++) {
    const char *esc = *v == '"' ? "\\\"" : *v == '\\' ? "\\\\" : *v == '\n' ? "\\n"
                    : *v == '\r' ? "\\r" : *v == '\t' ? "\\t" : NULL;
    ok = esc ? append(out, len, cap, esc, strlen(esc)) : append(out, len, cap, v, 1);
  }
  return ok && append(out, len, cap, "\"", 1);
}

/* A VALUES block for one variable: VALUES ?NAME { ... } (or $NAME). */
typedef struct {
  const char *name, *body, *close; /* the variable's name; after '{'; at '}' */
  size_t name_len;
} ValuesBlock;

/* Reads a single-variable VALUES block at p (just past the keyword). */
static bool values_block(const char *p, ValuesBlock *vb) {
  p = skip_space(p);
  if ((*p != '?' && *p != '$') || !name_char(p[1])) return false;
  vb->name = ++p;
  while (name_char(*p)) p++;
  vb->name_len = (size_t)(p - vb->name);
  p = skip_space(p);
  if (*p != '{') return false;
  vb->body = ++p;
  while (*p && *p != '}') p = token_end(p);
  if (*p != '}') return false;
  vb->close = p;
  return true;
}

/* Writes value in the form of the block's first value: a string keeps
 * that value's language tag or datatype (so "屏南县"@zh stays tagged and
 * still matches the graph's labels), an IRI stays an IRI; anything else
 * becomes a plain string. false when out of memory or value cannot be an
 * IRI (*bad_iri set). */
static bool append_like(char **out, size_t *len, size_t *cap, const ValuesBlock *vb,
                        const char *value, bool *bad_iri) {
  const char *v = skip_space(vb->body);
  if (*v == '<' && iri_end(v) > v + 1) {
    for (const char *c = value; *c; c++)
      if ((unsigned char)*c <= 0x20 || strchr("<>\"{}|^`\\", *c)) {
        *bad_iri = true;
        return false;
      }
    return append(out, len, cap, "<", 1) && append(out, len, cap, value, strlen(value)) &&
           append(out, len, cap, ">", 1);
  }
  if (!append_literal(out, len, cap, value)) return false;
  if (*v != '"' && *v != '\'') return true;
  const char *e = string_end(v), *suffix = e;
  if (*e == '@') {
    for (e++; name_char(*e) || *e == '-'; e++) {}
  } else if (e[0] == '^' && e[1] == '^') {
    e += 2;
    if (*e == '<') e = iri_end(e);
    else
      while (name_char(*e) || *e == ':' || *e == '-' || *e == '.') e++;
  }
  return append(out, len, cap, suffix, (size_t)(e - suffix));
}

static Param *param_named(Param *params, size_t n, const char *name, size_t len) {
  for (size_t i = 0; i < n; i++)
    if (params[i].name_len == len && !memcmp(params[i].name, name, len)) return &params[i];
  return NULL;
}

/* What substitute found besides the text: the first $NAME without a
 * parameter, and the first VALUES block no parameter rewrote (its
 * variable and the values it keeps). All point into the query. */
typedef struct {
  const char *missing;
  size_t missing_len;
  const char *kept, *kept_body, *kept_close;
  size_t kept_len;
  bool bad_iri;
  const char *bad_name;
  size_t bad_len;
} Substitution;

/* Puts the parameters into the query: a VALUES block for one variable
 * (VALUES ?NAME { ... }) takes the value of --param NAME=..., in the form
 * of the value it held (the shipped questions carry such blocks, so they
 * run unchanged on other endpoints); each $NAME outside strings, IRIs and
 * comments becomes the value as a string literal. Returns a new string,
 * or NULL (out of memory, or sub->bad_iri: a value that cannot be an IRI). */
static char *substitute(const char *q, Param *params, size_t n_params, Substitution *sub) {
  char *out = NULL;
  size_t len = 0, cap = 0;
  memset(sub, 0, sizeof *sub);
  if (!append(&out, &len, &cap, "", 0)) return NULL;
  const char *p = q;
  while (*p) {
    const char *start = p;
    ValuesBlock vb;
    bool word = p == q || !name_char(p[-1]);
    if (word && !strncasecmp(p, "VALUES", 6) && !name_char(p[6]) && values_block(p + 6, &vb)) {
      Param *hit = param_named(params, n_params, vb.name, vb.name_len);
      if (hit) {
        hit->used = true;
        if (!append(&out, &len, &cap, p, (size_t)(vb.body - p)) ||
            !append(&out, &len, &cap, " ", 1) ||
            !append_like(&out, &len, &cap, &vb, hit->value, &sub->bad_iri) ||
            !append(&out, &len, &cap, " ", 1)) {
          if (sub->bad_iri) {
            sub->bad_name = vb.name;
            sub->bad_len = vb.name_len;
          }
          free(out);
          return NULL;
        }
        p = vb.close;
        continue;
      }
      if (!sub->kept) {
        sub->kept = vb.name;
        sub->kept_len = vb.name_len;
        sub->kept_body = vb.body;
        sub->kept_close = vb.close;
      }
      p = vb.close;
    } else if (*p == '$' && name_char(p[1])) {
      const char *n = p + 1, *e = n;
      while (name_char(*e)) e++;
      Param *hit = param_named(params, n_params, n, (size_t)(e - n));
      if (!hit) {
        if (!sub->missing) {
          sub->missing = n;
          sub->missing_len = (size_t)(e - n);
        }
        p = e;
      } else {
        hit->used = true;
        /* spaces around the literal: rasqal's lexer would read
         * ?x<"v"&&?y>1 as one IRI; a space never changes a query where a
         * variable token could stand */
        if (!append(&out, &len, &cap, " ", 1) || !append_literal(&out, &len, &cap, hit->value) ||
            !append(&out, &len, &cap, " ", 1)) {
          free(out);
          return NULL;
        }
        p = e;
        continue;
      }
    } else {
      p = token_end(p);
    }
    if (!append(&out, &len, &cap, start, (size_t)(p - start))) {
      free(out);
      return NULL;
    }
  }
  return out;
}

/* ---- what rasqal lacks ---------------------------------------------------
 * rasqal 0.9.33 implements most of SPARQL 1.1 but not property paths,
 * EXISTS / NOT EXISTS, or (at evaluation) MINUS. Its parser then reports
 * only a token ("syntax error, unexpected '('"); when a query fails, a
 * light scan of its text (outside strings, IRIs and comments) names the
 * feature instead. */

typedef struct {
  const char *what; /* the feature, as the message names it */
  const char *instead; /* how to say it with what rasqal has */
  int line, column; /* 1-based */
  char snippet[48]; /* the text there */
} Lacking;

/* Whether the token ending just before p is an IRI or a prefixed name
 * (ex:name, :name) or the keyword a: what stands in a predicate's place. */
static bool after_predicate(const char *q, const char *p) {
  if (p == q) return false;
  if (p[-1] == '>') return true;
  const char *b = p;
  while (b > q && (name_char(b[-1]) || b[-1] == ':' || b[-1] == '-' || b[-1] == '.')) b--;
  if (b == p) return false;
  if (b > q && (b[-1] == '?' || b[-1] == '$')) return false; /* a variable */
  if (p - b == 1 && *b == 'a') return true;
  return memchr(b, ':', (size_t)(p - b)) != NULL;
}

/* Past the IRI or prefixed name at p, or p when there is none. */
static const char *term_end(const char *p) {
  if (*p == '<') return iri_end(p);
  const char *e = p;
  while (name_char(*e) || *e == '-' || *e == '.' || *e == ':') e++;
  return memchr(p, ':', (size_t)(e - p)) ? e : p;
}

/* Whether an IRI, a prefixed name, '^' or '(' starts at p (after spaces). */
static bool before_predicate(const char *p) {
  p = skip_space(p);
  return *p == '^' || *p == '(' || term_end(p) > p + (*p == '<');
}

/* Whether a property path's operator is at p: pred+ pred* pred? pred/pred
 * pred|pred ^pred (pred|pred). */
static bool path_at(const char *q, const char *p) {
  char c = *p, next = p[1];
  bool prev_same = p > q && p[-1] == c;
  if ((c == '+' || c == '*' || c == '?') && after_predicate(q, p))
    return next == ' ' || next == '\t' || next == '\n' || next == '?' || next == '$' ||
           next == '<' || next == '/' || next == ')' || next == '|';
  if ((c == '/' || (c == '|' && next != '|' && !prev_same)) && after_predicate(q, p))
    return before_predicate(p + 1);
  if (c == '^' && next != '^' && !prev_same) return before_predicate(p + 1);
  if (c == '(') {
    const char *t = skip_space(p + 1), *e = term_end(t);
    if (e == t) return false;
    e = skip_space(e);
    return (*e == '|' && e[1] != '|') || *e == '/';
  }
  return false;
}

static void lacking_at(const char *q, const char *p, const char *what, Lacking *l) {
  l->what = what;
  l->instead = !strcmp(what, "property paths")
                   ? "spell the chain out one step at a time, as queries/*.rq do"
               : !strcmp(what, "FILTER EXISTS")
                   ? "join the pattern instead (with DISTINCT)"
                   : "use OPTIONAL { ... } with FILTER(!BOUND(?var))";
  l->line = 1;
  const char *bol = q;
  for (const char *c = q; c < p; c++)
    if (*c == '\n') {
      l->line++;
      bol = c + 1;
    }
  l->column = 1;
  for (const char *c = bol; c < p; c++) l->column += ((unsigned char)*c & 0xC0) != 0x80;
  const char *from = p;
  while (from > bol && from[-1] != ' ' && from[-1] != '\t' && from[-1] != '{' && p - from < 30) from--;
  size_t n = 0;
  while (from + n < p + 16 && from[n] && from[n] != '\n' && n + 1 < sizeof l->snippet) n++;
  memcpy(l->snippet, from, n);
  l->snippet[n] = '\0';
}

static bool find_lacking(const char *q, Lacking *l) {
  for (const char *p = q; *p;) {
    bool word = p == q || !(name_char(p[-1]) || p[-1] == ':');
    if (word && !strncasecmp(p, "EXISTS", 6) && !name_char(p[6])) {
      const char *b = p;
      while (b > q && (b[-1] == ' ' || b[-1] == '\t' || b[-1] == '\n')) b--;
      bool not = b - q >= 3 && !strncasecmp(b - 3, "NOT", 3);
      lacking_at(q, not ? b - 3 : p, not ? "FILTER NOT EXISTS" : "FILTER EXISTS", l);
      return true;
    }
    if (word && !strncasecmp(p, "MINUS", 5) && *skip_space(p + 5) == '{') {
      lacking_at(q, p, "MINUS", l);
      return true;
    }
    if (path_at(q, p)) {
      lacking_at(q, p, "property paths", l);
      return true;
    }
    p = token_end(p);
  }
  return false;
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

/* What the command line asked for. */
typedef struct {
  const char *expr, *file, *ask, *results, *qdir_opt;
  bool list, prefixes, allow_network;
  Param params[MAX_PARAMS];
  size_t n_params;
  char *folded[MAX_PARAMS]; /* owned: the folded --param values */
  const char **graphs;      /* owned array of borrowed names */
  size_t n_graphs;
} Options;

/* Adds --param pv (from option a); -1, or the exit status of a usage error. */
static int add_param(Options *o, const char *a, const char *pv) {
  if (!pv) return usage_error("option needs a value:", a);
  const char *eq = strchr(pv, '=');
  if (!eq || eq == pv) return usage_error("--param wants NAME=VALUE, not", pv);
  if (o->n_params == MAX_PARAMS) return usage_error("too many --param options", NULL);
  for (size_t k = 0; k < o->n_params; k++)
    if (o->params[k].name_len == (size_t)(eq - pv) &&
        !memcmp(o->params[k].name, pv, o->params[k].name_len)) {
      char name[128];
      snprintf(name, sizeof name, "%.*s", (int)(eq - pv), pv);
      return usage_error("--param given twice for", name);
    }
  /* names in the graph are Simplified, half-width...: so is the value */
  o->folded[o->n_params] = cnkg_cli_fold_name(eq + 1);
  const char *value = o->folded[o->n_params] ? o->folded[o->n_params] : eq + 1;
  o->params[o->n_params++] = (Param){pv, (size_t)(eq - pv), value, false};
  return -1;
}

/* Parses argv into o; -1 to go on, else the exit status (--help, usage
 * errors). */
static int parse_options(int argc, char **argv, Options *o) {
  bool only_inputs = false;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    bool m;
    const char *v;
    if (only_inputs || a[0] != '-' || !strcmp(a, "-")) {
      o->graphs[o->n_graphs++] = a;
      continue;
    }
    if (!strcmp(a, "--")) {
      only_inputs = true;
      continue;
    }
    if (!strcmp(a, "-h") || !strcmp(a, "--help")) return cnkg_cli_help(usage);
    if (!strcmp(a, "--allow-network")) {
      o->allow_network = true;
      continue;
    }
    if (!strcmp(a, "-l") || !strcmp(a, "--list")) {
      o->list = true;
      continue;
    }
    if (!strcmp(a, "--prefixes")) {
      o->prefixes = true;
      continue;
    }
#define VALUE(longname, shortname, target)                                    \
  v = opt_value(argc, argv, &i, a, longname, shortname, &m);                  \
  if (m) {                                                                    \
    if (!v) return usage_error("option needs a value:", a);                   \
    o->target = v;                                                            \
    continue;                                                                 \
  }
    VALUE("--query", "-e", expr)
    VALUE("--file", "-f", file)
    VALUE("--ask", "-a", ask)
    VALUE("--results", "-r", results)
    VALUE("--queries", NULL, qdir_opt)
#undef VALUE
    v = opt_value(argc, argv, &i, a, "--param", "-p", &m);
    if (!m) return usage_error("unknown option", a);
    int st = add_param(o, a, v);
    if (st >= 0) return st;
  }
  return -1;
}

/* Checks there is one query and the graphs are files, standard input at
 * most once; -1, or the exit status. */
static int check_inputs(const Options *o) {
  if ((o->expr != NULL) + (o->file != NULL) + (o->ask != NULL) != 1)
    return usage_error("give exactly one of -e SPARQL, -f FILE or --ask NAME", NULL);
  if (!o->n_graphs) return usage_error("no graph files given", NULL);
  bool query_stdin = o->file && !strcmp(o->file, "-");
  size_t n_stdin = query_stdin ? 1 : 0;
  for (size_t i = 0; i < o->n_graphs; i++) n_stdin += !strcmp(o->graphs[i], "-");
  if (n_stdin > 1)
    return usage_error(query_stdin
                           ? "standard input cannot be both a graph and the query (-f -)"
                           : "standard input (-) given as a graph more than once",
                       NULL);
  for (size_t i = 0; i < o->n_graphs; i++) {
    const char *why = cnkg_cli_not_a_file(o->graphs[i]);
    if (why) {
      cnkg_cli_say("cnkg: error: %s: %s; a GRAPH is a Turtle or N-Triples file "
                   "(cnkg build writes DIR/graph.ttl)", o->graphs[i], why);
      return 1;
    }
  }
  return -1;
}

/* Reads the query text (*text, caller frees) and names it (*name: -e, the
 * file or the question); -1, or the exit status. */
static int read_query(const Options *o, const char *qdir, char **text, const char **name) {
  if (o->expr) {
    *name = "-e";
    size_t n = strlen(o->expr) + 1;
    if ((*text = malloc(n)) != NULL) memcpy(*text, o->expr, n);
  } else if (o->file) {
    *name = o->file;
    if (!(*text = read_file(o->file))) {
      cnkg_cli_say("cnkg: error: %s: cannot read the query: %s", o->file, strerror(errno));
      return 1;
    }
  } else {
    if (!qdir) {
      cnkg_cli_say("cnkg: error: queries: named-question folder not found (use --queries DIR)");
      return 1;
    }
    for (const char *c = o->ask; *c; c++)
      if (*c == '/' || *c == '\\') return usage_error("a question name, not a path:", o->ask);
    size_t n = strlen(qdir) + strlen(o->ask) + 5;
    char *path = malloc(n);
    if (path) {
      snprintf(path, n, "%s/%s.rq", qdir, o->ask);
      *text = read_file(path);
      free(path);
    }
    if (!*text) return usage_error("no such named question (see cnkg query --list):", o->ask);
    *name = o->ask;
  }
  if (!*text) {
    cnkg_cli_say("cnkg: error: query: out of memory");
    return 1;
  }
  return -1;
}

/* Puts the --param values into text (*query, caller frees), checking each
 * is used; -1, or the exit status. */
static int prepare_query(Options *o, const char *text, const char *name, char **query) {
  Substitution sub;
  *query = substitute(text, o->params, o->n_params, &sub);
  if (!*query && sub.bad_iri) {
    cnkg_cli_say("cnkg: error: %s: --param %.*s: the question's VALUES holds an IRI, and the "
                 "value is not one (no spaces or <>\"{}|^`\\)", name, (int)sub.bad_len,
                 sub.bad_name);
    return 2;
  }
  if (!*query) {
    cnkg_cli_say("cnkg: error: query: out of memory");
    return 1;
  }
  if (sub.missing && o->ask) {
    cnkg_cli_say("cnkg: error: %s: this question needs --param %.*s=VALUE", name,
                 (int)sub.missing_len, sub.missing);
    return 2;
  }
  for (size_t i = 0; i < o->n_params; i++)
    if (!o->params[i].used) {
      cnkg_cli_say("cnkg: error: %s: the query has no $%.*s and no VALUES ?%.*s for --param",
                   name, (int)o->params[i].name_len, o->params[i].name,
                   (int)o->params[i].name_len, o->params[i].name);
      return 2;
    }
  /* a named question run with the value its VALUES block holds: say so,
   * as the answer is about that value */
  if (sub.kept && o->ask) {
    const char *b = sub.kept_body, *e = sub.kept_close;
    while (b < e && (*b == ' ' || *b == '\t' || *b == '\n')) b++;
    while (e > b && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n')) e--;
    cnkg_cli_say("cnkg: query: %s: %.*s = %.*s, as the question's VALUES says "
                 "(--param %.*s=VALUE to ask about another)", name, (int)sub.kept_len,
                 sub.kept, (int)(e - b), b, (int)sub.kept_len, sub.kept);
  }
  return -1;
}

/* Says why a query failed: query errors name the query (and what rasqal
 * lacks, if that is why); graph and write errors carry their own. */
static void report_failure(const char *query, const char *name, CnkgStatus st,
                           const char *err) {
  bool about_query = (st == CNKG_ERR_TEXT && !strncmp(err, "line ", 5)) || st == CNKG_ERR_ARG;
  Lacking lack;
  if ((about_query || st == CNKG_ERR_INTERNAL || !strcmp(err, "the query could not be run")) &&
      st != CNKG_ERR_WRITE && find_lacking(query, &lack))
    cnkg_cli_say("cnkg: error: %s: line %d, column %d: this query uses %s ('%s'), which "
                 "rasqal, the SPARQL engine inside cnkg, does not implement; %s, or run the "
                 "query on a SPARQL 1.1 endpoint (rasqal said: %s)", name, lack.line,
                 lack.column, lack.what, lack.snippet, lack.instead,
                 err[0] ? err : cnkg_strerror(st));
  else if (about_query)
    cnkg_cli_say("cnkg: error: %s: %s", name, err);
  else if (st == CNKG_ERR_WRITE)
    cnkg_cli_say("cnkg: error: -: %s", err);
  else
    cnkg_cli_say("cnkg: error: %s", err[0] ? err : cnkg_strerror(st));
}

/* Loads the graphs, runs the query and prints the results; the exit
 * status. */
static int run_query(const Options *o, const char *query, const char *name,
                     CnkgSparqlFormat format) {
  CnkgSparql *sparql = NULL;
  CnkgOutput *out = NULL;
  CnkgCliLog say = {1, o->graphs[0]};
  CnkgLog log = {cnkg_cli_log, &say};
  char err[1024];
  int status = 0;
  CnkgStatus st = cnkg_sparql_new(&log, &sparql);
  if (st == CNKG_SUCCESS) cnkg_sparql_allow_network(sparql, o->allow_network);
  for (size_t i = 0; i < o->n_graphs && st == CNKG_SUCCESS; i++) {
    st = cnkg_sparql_add_graph(sparql, o->graphs[i], err, sizeof err);
    if (st == CNKG_ERR_READ) {
      cnkg_cli_say("cnkg: error: %s", err);
      cnkg_sparql_free(sparql);
      return 1;
    }
  }
  if (st == CNKG_SUCCESS) st = cnkg_output_new_stream(stdout, &out);
  if (st != CNKG_SUCCESS) {
    cnkg_cli_say("cnkg: error: query: %s", cnkg_strerror(st));
    status = 1;
  } else {
    CnkgSparqlSummary sum;
    st = cnkg_sparql_run(sparql, query, format, out, &sum, err, sizeof err);
    CnkgStatus cst = cnkg_output_close(out);
    if (st == CNKG_SUCCESS && cst != CNKG_SUCCESS) {
      st = cst;
      snprintf(err, sizeof err, "cannot write the results");
    }
    if (st != CNKG_SUCCESS) {
      report_failure(query, name, st, err);
      status = 1;
    } else if (sum.count == 0) {
      fputs("cnkg: query: no results\n", stderr);
    }
  }
  cnkg_output_free(out);
  cnkg_sparql_free(sparql);
  return status;
}

int cnkg_cli_query(int argc, char **argv) {
  Options o = {.results = "table"};
  o.graphs = calloc((size_t)(argc > 0 ? argc : 1), sizeof *o.graphs);
  if (!o.graphs) {
    cnkg_cli_say("cnkg: error: query: out of memory");
    return 1;
  }
  char *qdir = NULL, *text = NULL, *query = NULL;
  const char *name = NULL;
  CnkgSparqlFormat format;
  int status = parse_options(argc, argv, &o);
  if (status < 0 && o.prefixes) {
    printf("%s\n", cnkg_sparql_prefixes());
    status = 0;
  }
  if (status < 0 && (o.list || o.ask)) qdir = queries_dir(o.qdir_opt);
  if (status < 0 && o.list) status = list_questions(qdir);
  if (status < 0) status = check_inputs(&o);
  if (status < 0 && cnkg_sparql_format_from_name(o.results, &format) != CNKG_SUCCESS)
    status = usage_error("unknown results format (table, csv, tsv, json, xml):", o.results);
  if (status < 0) status = read_query(&o, qdir, &text, &name);
  if (status < 0) status = prepare_query(&o, text, name, &query);
  if (status < 0) status = run_query(&o, query, name, format);
  free(query);
  free(text);
  free(qdir);
  free(o.graphs);
  for (size_t i = 0; i < MAX_PARAMS; i++) free(o.folded[i]);
  return status;
}
