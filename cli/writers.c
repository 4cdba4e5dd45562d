/* SPDX-License-Identifier: Apache-2.0
 * The CLI's writer wiring: format names, output paths (file, stdout or a
 * directory receiving graph.ttl/.nt/.dot/.svg), and one atomic CnkgOutput
 * per file handed to the writers in out/. */
#include "cli/writers.h"

#include <errno.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "cli/cliutil.h"
#include "cnkg/output.h"
#include "cnkg/pool.h"
#include "out/csv.h"
#include "out/dot.h"
#include "out/graphml.h"
#include "out/report.h"
#include "out/rdf.h"

static const char *const fmt_names[CNKG_FMT_COUNT] = {"turtle", "ntriples", "dot",     "svg",
                                                      "html",   "csv",      "graphml", "jsonld"};
static const char *const fmt_files[CNKG_FMT_COUNT] = {
    "graph.ttl",  "graph.nt",  "graph.dot",     "graph.svg",
    "graph.html", "nodes.csv", "graph.graphml", "graph.jsonld"};
/* CSV's second file, beside nodes.csv */
#define CSV_EDGES "edges.csv"

const char *cnkg_format_name(CnkgFormat f) { return f < CNKG_FMT_COUNT ? fmt_names[f] : NULL; }

const char *cnkg_format_extension(CnkgFormat f) {
  return f < CNKG_FMT_COUNT ? strchr(fmt_files[f], '.') + 1 : NULL;
}

int cnkg_write_output_paths(const CnkgWriteOptions *o, const char *output, bool all,
                            char paths[CNKG_FMT_FILES][4096], size_t *n) {
  *n = 0;
  if (!strcmp(output, "-")) return 0;
  for (int f = 0; f < CNKG_FMT_COUNT; f++) {
    if (!all && !o->formats[f]) continue;
    int w = o->output_is_dir ? snprintf(paths[*n], 4096, "%s/%s", output, fmt_files[f])
                             : snprintf(paths[*n], 4096, "%s", output);
    if (w < 0 || w >= 4096) return -1;
    ++*n;
    if (f == CNKG_FMT_CSV && o->output_is_dir) {
      w = snprintf(paths[*n], 4096, "%s/%s", output, CSV_EDGES);
      if (w < 0 || w >= 4096) return -1;
      ++*n;
    }
    if (!o->output_is_dir) break;
  }
  return 0;
}

void cnkg_write_options_settle(CnkgWriteOptions *o, bool output_given) {
  o->output_is_dir = !output_given || o->n_formats != 1 || o->formats[CNKG_FMT_CSV];
}

/* ---- --focus */

/* The place (or organisation) an entity sits in, for telling namesakes
 * apart: the object of its first locatedIn, withinDivision, basedIn or
 * associatedWith relation, or NULL. */
static const char *enclosing(const CnkgGraph *g, size_t e) {
  static const CnkgRel order[] = {CNKG_REL_LOCATED_IN, CNKG_REL_WITHIN_DIVISION,
                                  CNKG_REL_BASED_IN, CNKG_REL_ASSOCIATED_WITH, CNKG_REL_POST_AT};
  size_t nr = cnkg_graph_relation_count(g);
  for (size_t k = 0; k < sizeof order / sizeof order[0]; k++)
    for (size_t r = 0; r < nr; r++) {
      const CnkgRelation *rel = cnkg_graph_relation(g, r);
      if (rel->subject == e && rel->rel == order[k] && rel->object != SIZE_MAX) {
        const CnkgEntity *o = cnkg_graph_entity(g, rel->object);
        return o->label ? o->label : o->key;
      }
    }
  return NULL;
}

/* Entities whose label (aliases: false) or one of whose aliases (true) is
 * name, into found (n at most cap); returns how many there are. */
static size_t entities_named(const CnkgGraph *g, const char *name, bool aliases, size_t *found,
                             size_t cap) {
  size_t n = 0, ne = cnkg_graph_entity_count(g);
  for (size_t i = 0; i < ne; i++) {
    const CnkgEntity *e = cnkg_graph_entity(g, i);
    bool hit = false;
    if (!aliases) hit = e->label && !strcmp(e->label, name);
    for (size_t k = 0; aliases && k < e->n_aliases && !hit; k++) hit = !strcmp(e->aliases[k], name);
    if (hit && n++ < cap) found[n - 1] = i;
  }
  return n;
}

int cnkg_write_resolve_focus(const CnkgGraph *graph, const char *name, const char **key) {
  size_t at;
  if (cnkg_graph_find_entity(graph, name, &at) == CNKG_SUCCESS) {
    *key = cnkg_graph_entity(graph, at)->key;
    return 0;
  }
  enum { SHOWN = 20 };
  size_t found[SHOWN], n = 0;
  char *folded = NULL;
  const char *look = name;
  for (int pass = 0; pass < 2 && n == 0; pass++) {
    if (pass == 1 && !(look = folded = cnkg_cli_fold_name(name))) break;
    n = entities_named(graph, look, false, found, SHOWN);
    if (n == 0) n = entities_named(graph, look, true, found, SHOWN);
  }
  if (n == 1) *key = cnkg_graph_entity(graph, found[0])->key;
  if (n == 0) {
    cnkg_cli_say("cnkg: error: --focus: no entity named '%s' in the graph; nothing written", name);
  } else if (n > 1) {
    cnkg_cli_say("cnkg: error: --focus: '%s' names %zu entities; nothing written. "
                 "Give one of these keys instead:", name, n);
    for (size_t i = 0; i < n && i < SHOWN; i++) {
      const CnkgEntity *e = cnkg_graph_entity(graph, found[i]);
      const char *in = enclosing(graph, found[i]);
      cnkg_cli_say("cnkg: error:   --focus %s  %s (%s%s%s%s%s)", e->key, e->label ? e->label : "",
                   cnkg_type_name(e->type), e->code ? ", code " : "", e->code ? e->code : "",
                   in ? ", in " : "", in ? in : "");
    }
    if (n > SHOWN) cnkg_cli_say("cnkg: error:   (%zu more)", n - SHOWN);
  }
  free(folded);
  return n == 1 ? 0 : -1;
}

void cnkg_write_options_init(CnkgWriteOptions *o) {
  memset(o, 0, sizeof *o);
  o->provenance = 2;
}

void cnkg_write_options_clear(CnkgWriteOptions *o) {
  free(o->base);
  o->base = NULL;
}

int cnkg_write_options_add_format(CnkgWriteOptions *o, const char *name) {
  static const struct { const char *name; CnkgFormat f; } names[] = {
    {"turtle", CNKG_FMT_TURTLE}, {"ttl", CNKG_FMT_TURTLE},
    {"ntriples", CNKG_FMT_NTRIPLES}, {"nt", CNKG_FMT_NTRIPLES},
    {"dot", CNKG_FMT_DOT}, {"svg", CNKG_FMT_SVG}, {"html", CNKG_FMT_HTML},
    {"csv", CNKG_FMT_CSV}, {"graphml", CNKG_FMT_GRAPHML}, {"jsonld", CNKG_FMT_JSONLD},
    {"json-ld", CNKG_FMT_JSONLD}};
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
    if (!strcmp(name, names[i].name)) {
      if (!o->formats[names[i].f]) o->n_formats++;
      o->formats[names[i].f] = true;
      return 0;
    }
  return -1;
}

int cnkg_write_options_add_formats(CnkgWriteOptions *o, char *list, const char **bad) {
  char *save = NULL;
  for (char *tok = strtok_r(list, ",", &save); tok; tok = strtok_r(NULL, ",", &save))
    if (cnkg_write_options_add_format(o, tok) != 0) {
      *bad = tok;
      return -1;
    }
  return 0;
}

int cnkg_write_options_set_base(CnkgWriteOptions *o, const char *iri) {
  size_t n = strlen(iri);
  const char *colon = strchr(iri, ':');
  if (n == 0 || !colon || colon == iri || (iri[n - 1] != '/' && iri[n - 1] != '#'))
    return -1;
  for (const char *p = iri; *p; p++)
    if ((unsigned char)*p <= 0x20 || (unsigned char)*p >= 0x7f || strchr("<>\"{}|^`\\", *p))
      return -1;
  char *copy = malloc(n + 1);
  if (!copy) return -1;
  memcpy(copy, iri, n + 1);
  free(o->base);
  o->base = copy;
  return 0;
}

int cnkg_write_options_set_provenance(CnkgWriteOptions *o, const char *level) {
  CnkgProvenance p;
  if (cnkg_rdf_provenance_from_name(level, &p)) return -1;
  o->provenance = (int)p;
  return 0;
}

/* One format's file(s) and how their writing went. */
typedef struct {
  char path[4096];
  char path2[4096]; /* CSV: edges.csv */
  CnkgOutput *out;  /* owned; NULL: not written */
  CnkgOutput *out2; /* owned; CSV's edges.csv, else NULL */
  CnkgStatus st;
  double seconds;   /* spent writing */
} FormatJob;

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static CnkgStatus write_one(const CnkgGraph *graph, const CnkgWriteOptions *o, CnkgFormat f,
                            unsigned rdf_threads, FormatJob *job) {
  switch (f) {
  case CNKG_FMT_TURTLE:
  case CNKG_FMT_NTRIPLES:
  case CNKG_FMT_JSONLD: {
    /* The output file's directory holds the N-Triples parts; standard
     * output leaves them to $TMPDIR. */
    char *dir = strcmp(job->path, "-") != 0 ? cnkg_output_dir_of(job->path) : NULL;
    CnkgRdfOptions ro;
    cnkg_rdf_options_init(&ro);
    ro.format = f == CNKG_FMT_TURTLE ? CNKG_RDF_TURTLE
                : f == CNKG_FMT_JSONLD ? CNKG_RDF_JSONLD : CNKG_RDF_NTRIPLES;
    if (o->base) ro.base = o->base;
    ro.provenance = (CnkgProvenance)o->provenance;
    ro.threads = rdf_threads;
    ro.temp_dir = dir;
    CnkgStatus st = cnkg_rdf_write(graph, &ro, job->out);
    free(dir);
    return st;
  }
  case CNKG_FMT_HTML: {
    CnkgReportOptions hopt;
    cnkg_report_options_init(&hopt);
    hopt.focus = o->focus;
    if (o->depth_set) hopt.depth = o->depth;
    return cnkg_report_write(graph, &hopt, job->out);
  }
  case CNKG_FMT_CSV: return cnkg_csv_write(graph, job->out, job->out2);
  case CNKG_FMT_GRAPHML: return cnkg_graphml_write(graph, job->out);
  default: break;
  }
  CnkgDotOptions dopt;
  cnkg_dot_options_init(&dopt);
  dopt.focus = o->focus;
  if (o->depth_set) dopt.depth = o->depth;
  if (f == CNKG_FMT_DOT) return cnkg_dot_write(graph, &dopt, job->out);
  return cnkg_svg_write(graph, &dopt, job->out);
}

/* Formats written one after another by one thread, costliest group first.
 * Graphviz keeps process-wide state and is not thread-safe, so the formats
 * that use it (dot, svg) share one group; the others each have their own. */
#define N_GROUPS 7
#define GROUP_MAX 2
static const CnkgFormat format_groups[N_GROUPS][GROUP_MAX] = {
    {CNKG_FMT_NTRIPLES, CNKG_FMT_COUNT}, {CNKG_FMT_TURTLE, CNKG_FMT_COUNT},
    {CNKG_FMT_JSONLD, CNKG_FMT_COUNT},   {CNKG_FMT_DOT, CNKG_FMT_SVG},
    {CNKG_FMT_HTML, CNKG_FMT_COUNT},     {CNKG_FMT_CSV, CNKG_FMT_COUNT},
    {CNKG_FMT_GRAPHML, CNKG_FMT_COUNT}};

/* The writing of all formats, shared by the threads doing it. The graph is
 * only read. */
typedef struct {
  const CnkgGraph *graph;
  const CnkgWriteOptions *o;
  FormatJob jobs[CNKG_FMT_COUNT];
  size_t groups[N_GROUPS]; /* indices into format_groups with work */
  size_t n_groups, next;   /* next: first group not yet taken */
  unsigned rdf_threads;
  pthread_mutex_t lock;    /* also keeps -v lines whole */
} Writing;

static const char *shown_path(const char *path) { return strcmp(path, "-") ? path : "(stdout)"; }

static void *writing_main(void *arg) {
  Writing *wr = arg;
  for (;;) {
    pthread_mutex_lock(&wr->lock);
    size_t g = wr->next < wr->n_groups ? wr->groups[wr->next++] : N_GROUPS;
    pthread_mutex_unlock(&wr->lock);
    if (g == N_GROUPS) return NULL;
    for (int i = 0; i < GROUP_MAX; i++) {
      CnkgFormat f = format_groups[g][i];
      if (f == CNKG_FMT_COUNT || !wr->jobs[f].out) continue;
      FormatJob *job = &wr->jobs[f];
      if (wr->o->verbose) {
        pthread_mutex_lock(&wr->lock);
        cnkg_cli_say("cnkg: info: writing %s (%s)%s%s", shown_path(job->path), fmt_names[f],
                     job->out2 ? " and " : "", job->out2 ? job->path2 : "");
        pthread_mutex_unlock(&wr->lock);
      }
      double t0 = now();
      job->st = write_one(wr->graph, wr->o, f, wr->rdf_threads, job);
      job->seconds = now() - t0;
    }
  }
}

/* Says what a closed file holds: its size on disk. */
static void say_written(const FormatJob *job, CnkgFormat f) {
  struct stat sb;
  char size[32] = "";
  for (int k = 0; k < 2; k++) {
    const char *path = k ? job->path2 : job->path;
    if (k && !job->out2) break;
    if (strcmp(path, "-") && stat(path, &sb) == 0)
      cnkg_cli_format_size((size_t)sb.st_size, size, sizeof size);
    cnkg_cli_say("cnkg: info: wrote %s (%s%s%s) in %.2f s", shown_path(path), fmt_names[f],
                 size[0] ? ", " : "", size, job->seconds);
  }
}

/* Every format opened is written, in parallel, and only then closed in
 * format order: what reaches the disk and the error reported are those of
 * writing one format after another and stopping at the first failure (a
 * later format's file is abandoned, never renamed into place). */
int cnkg_write_graph(const CnkgGraph *graph, const CnkgWriteOptions *o,
                     const char *output, char *err, size_t errsize) {
  if (o->output_is_dir && mkdir(output, 0777) != 0 && errno != EEXIST) {
    snprintf(err, errsize, "%s: cannot create output directory: %s", output, strerror(errno));
    return -1;
  }
  Writing *wr = calloc(1, sizeof *wr);
  if (!wr) {
    snprintf(err, errsize, "%s", cnkg_strerror(CNKG_ERR_NOMEM));
    return -1;
  }
  wr->graph = graph;
  wr->o = o;
  char open_err[512] = "";
  for (int f = 0; f < CNKG_FMT_COUNT && !open_err[0]; f++) {
    if (!o->formats[f]) continue;
    FormatJob *job = &wr->jobs[f];
    if (o->output_is_dir)
      snprintf(job->path, sizeof job->path, "%s/%s", output, fmt_files[f]);
    else
      snprintf(job->path, sizeof job->path, "%s", output);
    char oerr[512] = "";
    CnkgStatus s = cnkg_output_new_file(job->path, &job->out, oerr, sizeof oerr);
    if (!s && f == CNKG_FMT_CSV) {
      snprintf(job->path2, sizeof job->path2, "%s/%s", output, CSV_EDGES);
      s = cnkg_output_new_file(job->path2, &job->out2, oerr, sizeof oerr);
      if (s) {
        cnkg_output_free(job->out);
        job->out = NULL;
      }
    }
    if (s) snprintf(open_err, sizeof open_err, "%s", oerr[0] ? oerr : cnkg_strerror(s));
  }
  for (size_t g = 0; g < N_GROUPS; g++)
    for (int i = 0; i < GROUP_MAX; i++) {
      CnkgFormat f = format_groups[g][i];
      if (f != CNKG_FMT_COUNT && wr->jobs[f].out) {
        wr->groups[wr->n_groups++] = g;
        break;
      }
    }
  /* -j threads in all: one per group, and the rest to the N-Triples writer,
   * which comes first and can split. */
  unsigned threads = o->threads ? o->threads : 1;
  size_t n_workers = wr->n_groups < threads ? wr->n_groups : threads;
  if (n_workers == 0) n_workers = 1;
  wr->rdf_threads = threads - (unsigned)n_workers + 1;
  pthread_mutex_init(&wr->lock, NULL);
  cnkg_pool_run(n_workers, writing_main, wr, 0);
  pthread_mutex_destroy(&wr->lock);

  bool failed = false;
  for (int f = 0; f < CNKG_FMT_COUNT; f++) {
    FormatJob *job = &wr->jobs[f];
    if (!job->out) continue;
    if (failed) {
      cnkg_output_free(job->out);
      cnkg_output_free(job->out2);
      continue;
    }
    /* A writer that failed leaves its output unclosed: freed, the
     * temporary goes and the old file stays (closing would commit what
     * the writer left, however little). */
    CnkgStatus cs = job->st ? job->st : cnkg_output_close(job->out);
    const char *where = job->path;
    if (!cs && job->out2) {
      cs = cnkg_output_close(job->out2);
      where = job->path2;
    }
    cnkg_output_free(job->out);
    cnkg_output_free(job->out2);
    if (job->st || cs) {
      snprintf(err, errsize, "%s: cannot write %s: %s", shown_path(where), fmt_names[f],
               cnkg_strerror(job->st ? job->st : cs));
      failed = true;
    } else if (o->verbose) {
      say_written(job, (CnkgFormat)f);
    }
  }
  if (!failed && open_err[0]) {
    snprintf(err, errsize, "%s", open_err);
    failed = true;
  }
  free(wr);
  return failed ? -1 : 0;
}
