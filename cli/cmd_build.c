/* SPDX-License-Identifier: Apache-2.0
 * `cnkg build`: option parsing, the document loop (in parallel with -j),
 * merging per-document graphs, and handing the canonical graph to the
 * writers in out/. Wires extractor and writers together; prints diagnostics
 * as `cnkg: error: FILE: message`. */
#include <errno.h>
#include <getopt.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli/commands.h"
#include "cli/inputs.h"
#include "cli/writers.h"
#include "cnkg/graph.h"
#include "cnkg/log.h"
#include "extractor/extract.h"

static const char build_usage[] =
  "Usage: cnkg build [OPTION]... INPUT...\n"
  "Extract people, places, organisations, industries and policies from Chinese\n"
  "news text and write the knowledge graph.\n"
  "\n"
  "INPUT is a file, a directory (searched recursively for .txt, .html, .htm)\n"
  "or - for standard input.\n"
  "\n"
  "Options:\n"
  "  -f, --format F      turtle, ntriples, dot, svg or html (a report page);\n"
  "                      repeatable or comma-separated\n"
  "                      (default: turtle, ntriples and dot)\n"
  "  -o, --output PATH   with one format: the file to write (- for stdout);\n"
  "                      otherwise a directory receiving graph.ttl, graph.nt,\n"
  "                      graph.dot, graph.svg, graph.html (default: out)\n"
  "      --base IRI      base IRI of instances (default " CNKG_DEFAULT_BASE ")\n"
  "      --provenance L  none, entities or full (default full): mentions as NIF\n"
  "                      strings, relations' evidence as PROV-O\n"
  "      --focus NAME    diagrams: only the neighbourhood of this entity\n"
  "      --depth N       with --focus: how many steps (default 2)\n"
  "      --data DIR      where division.idx and lac.model are\n"
  "      --fast          no neural analyser: rules and the division list only\n"
  "  -j, --jobs N        threads for documents, then for writing the formats\n"
  "                      (default: all cores; the output does not depend on it)\n"
  "  -q, --quiet         no warnings, no progress\n"
  "  -v, --verbose       say what is being done\n"
  "  -h, --help          show this help\n"
  "\n"
  "Exit status: 0 success; 1 some input could not be processed (the rest still\n"
  "is, each failure named on stderr); 2 usage error.\n"
  "\n"
  "Example: cnkg build --format turtle --output - article.txt | rapper -i turtle -c - x:\n";

typedef struct {
  pthread_mutex_t lock;
  int verbosity;  /* 0 quiet, 1 normal, 2 verbose */
} LogCtx;

static void cli_log(void *handle, CnkgLogLevel level, const char *doc,
                    size_t pos, const char *msg) {
  LogCtx *ctx = handle;
  if (level == CNKG_LOG_WARNING && ctx->verbosity < 1) return;
  if (level >= CNKG_LOG_INFO && ctx->verbosity < 2) return;
  static const char *names[] = {"error", "warning", "info", "debug"};
  pthread_mutex_lock(&ctx->lock);
  if (doc && pos != CNKG_NO_POS)
    fprintf(stderr, "cnkg: %s: %s: byte %zu: %s\n", names[level], doc, pos, msg);
  else if (doc)
    fprintf(stderr, "cnkg: %s: %s: %s\n", names[level], doc, msg);
  else
    fprintf(stderr, "cnkg: %s: %s\n", names[level], msg);
  pthread_mutex_unlock(&ctx->lock);
}

typedef struct {
  const CnkgExtractor *ex;
  const CnkgInputs *inputs;
  CnkgGraph *graph;       /* merged result, under lock */
  bool *failed;           /* per input */
  size_t next;            /* next input to take, under lock */
  size_t done;
  CnkgStatus fatal;       /* out of memory etc.: stop everything */
  pthread_mutex_t lock;
  CnkgLog log;
  bool progress;
  CnkgTimings timings;    /* summed over workers, under lock */
  struct timespec start;
  double last_report;
} Run;

static double seconds_since(const struct timespec *t0) {
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  return (double)(now.tv_sec - t0->tv_sec) + (double)(now.tv_nsec - t0->tv_nsec) / 1e9;
}

static void report_progress(Run *run, bool final) {
  double el = seconds_since(&run->start);
  if (!final && (el < 2.0 || el - run->last_report < 0.5)) return;
  run->last_report = el;
  double rate = el > 0 ? (double)run->done / el : 0.0;
  double eta = rate > 0 ? (double)(run->inputs->n - run->done) / rate : 0.0;
  fprintf(stderr, "\rcnkg: %zu/%zu documents, %.1f docs/s, ETA %.0fs   %s",
          run->done, run->inputs->n, rate, eta, final ? "\n" : "");
}

static void *worker_main(void *arg) {
  Run *run = arg;
  char err[512] = "";
  CnkgWorker *w = NULL;
  CnkgStatus s = cnkg_worker_new(run->ex, &w, err, sizeof err);
  if (s) {
    pthread_mutex_lock(&run->lock);
    run->fatal = s;
    pthread_mutex_unlock(&run->lock);
    cnkg_log(&run->log, CNKG_LOG_ERROR, NULL, CNKG_NO_POS, "%s", err);
    return NULL;
  }
  for (;;) {
    pthread_mutex_lock(&run->lock);
    size_t i = run->next;
    bool stop = run->fatal || i >= run->inputs->n;
    if (!stop) run->next++;
    pthread_mutex_unlock(&run->lock);
    if (stop) break;
    const char *path = run->inputs->paths[i];
    char *buf = NULL;
    size_t len = 0;
    CnkgStatus ds = CNKG_SUCCESS;
    CnkgGraph *g = NULL;
    if (cnkg_inputs_read(path, &buf, &len) != 0) {
      cnkg_log(&run->log, CNKG_LOG_ERROR, path, CNKG_NO_POS, "cannot read: %s",
               strerror(errno));
      ds = errno == ENOMEM ? CNKG_ERR_NOMEM : CNKG_ERR_READ; /* NOMEM stops the run */
    } else if (!(g = cnkg_graph_new())) {
      ds = CNKG_ERR_NOMEM;
    } else {
      ds = cnkg_worker_document(w, strcmp(path, "-") ? path : "(stdin)", buf, len,
                                &run->log, g);
    }
    free(buf);
    pthread_mutex_lock(&run->lock);
    if (!ds) ds = cnkg_graph_absorb(run->graph, g);
    if (ds) run->failed[i] = true;
    if (ds == CNKG_ERR_NOMEM) run->fatal = ds;
    run->done++;
    if (run->progress) report_progress(run, false);
    pthread_mutex_unlock(&run->lock);
    cnkg_graph_free(g);
  }
  pthread_mutex_lock(&run->lock);
  cnkg_worker_add_timings(w, &run->timings);
  pthread_mutex_unlock(&run->lock);
  cnkg_worker_free(w);
  return NULL;
}

static int parse_count(const char *s, long lo, long hi, long *out) {
  char *end;
  errno = 0;
  long v = strtol(s, &end, 10);
  if (errno || *end || end == s || v < lo || v > hi) return -1;
  *out = v;
  return 0;
}

static int usage_error(const char *msg, const char *arg) {
  fprintf(stderr, "cnkg: error: %s%s%s%s\nTry 'cnkg build --help'.\n", msg,
          arg ? " '" : "", arg ? arg : "", arg ? "'" : "");
  return 2;
}

int cnkg_cli_build(int argc, char **argv) {
  static const struct option longopts[] = {
    {"format", required_argument, NULL, 'f'},
    {"output", required_argument, NULL, 'o'},
    {"base", required_argument, NULL, 'B'},
    {"provenance", required_argument, NULL, 'P'},
    {"focus", required_argument, NULL, 'F'},
    {"depth", required_argument, NULL, 'D'},
    {"data", required_argument, NULL, 'd'},
    {"fast", no_argument, NULL, 'x'},
    {"jobs", required_argument, NULL, 'j'},
    {"quiet", no_argument, NULL, 'q'},
    {"verbose", no_argument, NULL, 'v'},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0}};
  CnkgWriteOptions wopt;
  cnkg_write_options_init(&wopt);
  const char *output = NULL;
  CnkgExtractorConfig cfg = {NULL, false};
  long jobs = sysconf(_SC_NPROCESSORS_ONLN);
  if (jobs < 1) jobs = 1;
  LogCtx logctx = {PTHREAD_MUTEX_INITIALIZER, 1};
  int c;
  opterr = 0;
  while ((c = getopt_long(argc, argv, ":f:o:j:qvh", longopts, NULL)) != -1) {
    switch (c) {
    case 'f': {
      const char *bad = NULL;
      if (cnkg_write_options_add_formats(&wopt, optarg, &bad) != 0) {
        cnkg_write_options_clear(&wopt);
        return usage_error("unknown format (turtle, ntriples, dot, svg, html):", bad);
      }
      break;
    }
    case 'o': output = optarg; break;
    case 'B':
      if (cnkg_write_options_set_base(&wopt, optarg) != 0)
        return usage_error("--base needs an absolute ASCII IRI ending in / or #:", optarg);
      break;
    case 'P':
      if (cnkg_write_options_set_provenance(&wopt, optarg) != 0)
        return usage_error("--provenance takes none, entities or full, not", optarg);
      break;
    case 'F': wopt.focus = optarg; break;
    case 'D': {
      long d;
      if (parse_count(optarg, 0, 100, &d)) return usage_error("--depth takes 0 to 100, not", optarg);
      wopt.depth = (unsigned)d;
      wopt.depth_set = true;
      break;
    }
    case 'd': cfg.data_dir = optarg; break;
    case 'x': cfg.fast = true; break;
    case 'j':
      if (parse_count(optarg, 1, 1024, &jobs)) return usage_error("-j takes 1 to 1024, not", optarg);
      break;
    case 'q': logctx.verbosity = 0; break;
    case 'v': logctx.verbosity = 2; break;
    case 'h': fputs(build_usage, stdout); return 0;
    case ':': return usage_error("option needs an argument:", argv[optind - 1]);
    default: return usage_error("unknown option:", argv[optind - 1]);
    }
  }
  if (optind >= argc) return usage_error("no INPUT given", NULL);
  wopt.threads = (unsigned)jobs;
  if (wopt.n_formats == 0) {
    cnkg_write_options_add_format(&wopt, "turtle");
    cnkg_write_options_add_format(&wopt, "ntriples");
    cnkg_write_options_add_format(&wopt, "dot");
  }
  /* One format and --output: a file (or - for stdout); else a directory. */
  wopt.output_is_dir = !output || wopt.n_formats != 1;
  if (!output) output = "out";
  if (wopt.output_is_dir && !strcmp(output, "-"))
    return usage_error("--output - needs exactly one --format", NULL);

  CnkgInputs inputs = {0};
  for (int i = optind; i < argc; i++)
    if (cnkg_inputs_add(&inputs, argv[i]) != 0) {
      fprintf(stderr, "cnkg: error: out of memory listing inputs\n");
      cnkg_inputs_clear(&inputs);
      return 1;
    }
  cnkg_inputs_sort(&inputs);
  for (size_t i = 0; i < inputs.n_errors; i++)
    fprintf(stderr, "cnkg: error: %s\n", inputs.errors[i]);

  int status = inputs.n_errors ? 1 : 0;
  char err[1024] = "";
  CnkgExtractor *ex = NULL;
  CnkgStatus s = cnkg_extractor_new(&cfg, &ex, err, sizeof err);
  if (s) {
    fprintf(stderr, "cnkg: error: %s\n", err[0] ? err : cnkg_strerror(s));
    cnkg_inputs_clear(&inputs);
    return 1;
  }
  Run run = {0};
  run.ex = ex;
  run.inputs = &inputs;
  run.graph = cnkg_graph_new();
  run.failed = calloc(inputs.n ? inputs.n : 1, sizeof *run.failed);
  pthread_mutex_init(&run.lock, NULL);
  run.log = (CnkgLog){cli_log, &logctx};
  run.progress = logctx.verbosity > 0 && isatty(2);
  clock_gettime(CLOCK_MONOTONIC, &run.start);
  if (!run.graph || !run.failed) {
    s = CNKG_ERR_NOMEM;
  } else {
    size_t nthreads = (size_t)jobs < inputs.n ? (size_t)jobs : inputs.n;
    if (nthreads <= 1) {
      worker_main(&run);
    } else {
      pthread_t *tids = calloc(nthreads, sizeof *tids);
      size_t started = 0;
      for (; tids && started < nthreads; started++)
        if (pthread_create(&tids[started], NULL, worker_main, &run) != 0) break;
      if (started == 0) worker_main(&run);
      for (size_t i = 0; i < started; i++) pthread_join(tids[i], NULL);
      free(tids);
    }
    if (run.progress && run.last_report > 0) report_progress(&run, true);
    s = run.fatal;
  }
  size_t n_failed = 0;
  for (size_t i = 0; run.failed && i < inputs.n; i++) n_failed += run.failed[i];
  double t_extract = seconds_since(&run.start);
  if (!s) s = cnkg_graph_canonicalize(run.graph);
  double t_canon = seconds_since(&run.start);
  if (!s) {
    int wr = cnkg_write_graph(run.graph, &wopt, output, err, sizeof err);
    if (logctx.verbosity > 1) {
      const CnkgTimings *t = &run.timings;
      double wall = seconds_since(&run.start);
      fprintf(stderr,
              "cnkg: info: %zu documents, %zu characters in %.3f s wall "
              "(%.0f chars/s); thread time: intake %.3f s, lexical %.3f s, "
              "places %.3f s, other recognisers %.3f s; wall: canonical order "
              "%.3f s, writers %.3f s\n",
              t->documents, t->chars, wall, wall > 0 ? (double)t->chars / wall : 0.0,
              t->intake, t->lexical, t->places, t->others, t_canon - t_extract,
              wall - t_canon);
    }
    if (wr != 0) {
      fprintf(stderr, "cnkg: error: %s\n", err);
      status = 1;
    }
  } else {
    fprintf(stderr, "cnkg: error: %s; no graph written\n", cnkg_strerror(s));
    status = 1;
  }
  if (n_failed || inputs.n_errors) {
    status = 1;
    fprintf(stderr, "cnkg: error: %zu of %zu inputs could not be processed:",
            n_failed + inputs.n_errors, inputs.n + inputs.n_errors);
    for (size_t i = 0; i < inputs.n; i++)
      if (run.failed[i]) fprintf(stderr, " %s", inputs.paths[i]);
    for (size_t i = 0; i < inputs.n_errors; i++) {
      const char *e = inputs.errors[i];
      const char *colon = strstr(e, ": ");
      fprintf(stderr, " %.*s", colon ? (int)(colon - e) : (int)strlen(e), e);
    }
    fputc('\n', stderr);
  }
  if (logctx.verbosity > 1)
    fprintf(stderr, "cnkg: info: %zu documents, %zu entities, %zu relations\n",
            cnkg_graph_document_count(run.graph), cnkg_graph_entity_count(run.graph),
            cnkg_graph_relation_count(run.graph));
  pthread_mutex_destroy(&run.lock);
  free(run.failed);
  cnkg_graph_free(run.graph);
  cnkg_extractor_free(ex);
  cnkg_inputs_clear(&inputs);
  cnkg_write_options_clear(&wopt);
  return status;
}
