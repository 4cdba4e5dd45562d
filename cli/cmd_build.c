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

#include "cli/cliutil.h"
#include "cli/commands.h"
#include "cli/inputs.h"
#include "cli/writers.h"
#include "cnkg/careers.h"
#include "cnkg/graph.h"
#include "cnkg/grow.h"
#include "cnkg/log.h"
#include "cnkg/pool.h"
#include "extractor/extract.h"
#include "extractor/lac.h"

static const char build_usage[] =
  "Usage: cnkg build [OPTION]... INPUT...\n"
  "Extract people, places, organisations, industries and policies from Chinese\n"
  "news text and write the knowledge graph.\n"
  "\n"
  "INPUT is a file, a directory (searched recursively for .txt, .html, .htm in\n"
  "any case; cnkg's own output files and directory are left out) or - for\n"
  "standard input. Devices are refused; a FIFO is read like a file.\n"
  "\n"
  "Options:\n"
  "  -f, --format F      turtle, ntriples, jsonld, dot, svg, html (an explorer\n"
  "                      page), csv (nodes.csv and edges.csv for Neo4j and\n"
  "                      pandas) or graphml (Gephi, yEd, NetworkX);\n"
  "                      repeatable or comma-separated\n"
  "                      (default: turtle, ntriples and dot)\n"
  "  -o, --output PATH   with one format: the file to write (- for stdout),\n"
  "                      whose extension, if a known one, must match it;\n"
  "                      otherwise (and always for csv) a directory receiving\n"
  "                      graph.ttl, graph.nt, graph.jsonld, graph.dot,\n"
  "                      graph.svg, graph.html, nodes.csv and edges.csv,\n"
  "                      graph.graphml (default: graph).\n"
  "                      Never one of the inputs; nothing is written when\n"
  "                      no document could be read or a writer fails\n"
  "      --base IRI      base IRI of instances (default " CNKG_DEFAULT_BASE ")\n"
  "      --provenance L  none, entities or full (default full): mentions as NIF\n"
  "                      strings, relations' evidence as PROV-O\n"
  "      --focus NAME    dot, svg: only the neighbourhood of this entity;\n"
  "                      html: the page opens on it (a label, alias or key;\n"
  "                      Traditional folded; a name several entities share\n"
  "                      lists them)\n"
  "      --depth N       with --focus: how many steps (default 2; html 1)\n"
  "      --max-doc-size SIZE  skip (and name) any document larger than SIZE\n"
  "                      bytes; K, M, G suffixes (default 64M)\n"
  "      --data DIR      where division.idx and lac.model are\n"
  "      --fast          no neural analyser: rules and the division list only\n"
  "      --lac-precision P  the analyser's products: fast (16-bit fixed point,\n"
  "                      default) or exact (float32; see cnkg lex --help)\n"
  "  -j, --jobs N        threads for documents, then for writing the formats\n"
  "                      (default: all cores; the output does not depend on it)\n"
  "  -q, --quiet         no warnings, no progress\n"
  "  -v, --verbose       say what is being done: a progress line every few\n"
  "                      seconds (documents, characters/s, ETA) on any\n"
  "                      stderr, then each file written\n"
  "  -h, --help          show this help\n"
  "\n"
  "Exit status: 0 success; 1 some input could not be processed (the rest still\n"
  "is, each failure named on stderr); 2 usage error.\n"
  "\n"
  "Example: cnkg build --format turtle --output - article.txt | rapper -i turtle -c - x:\n";

typedef struct {
  const CnkgExtractor *ex;
  const CnkgInputs *inputs;
  size_t *groups;         /* group k: inputs groups[k] to groups[k + 1] - 1 */
  size_t n_groups;
  CnkgGraph *graph;       /* merged result, under lock */
  bool *failed;           /* per input */
  size_t next;            /* next group to take, under lock */
  size_t done;
  CnkgStatus fatal;       /* out of memory etc.: stop everything */
  pthread_mutex_t lock;
  CnkgLog log;
  size_t max_doc;         /* --max-doc-size */
  bool progress;          /* the one-line counter on a terminal */
  CnkgTimings timings;    /* summed over workers, under lock */
  struct timespec start;
  double last_report;
  size_t chars;           /* characters of the documents done, under lock */
  size_t bytes_done;      /* their bytes as read */
  size_t bytes_total;     /* of every input, as listed (0: not known) */
  bool finished;          /* documents all done: the ticker stops */
  pthread_cond_t tick;    /* wakes the ticker early when finished */
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

/* With -v: a whole line every interval, whatever stderr is (a log file
 * shows it as a terminal does): documents done, characters per second and
 * the time left, estimated from the bytes still to read (or the documents,
 * when the sizes are unknown). Called under run->lock. */
static void progress_line(Run *run) {
  double el = seconds_since(&run->start);
  double cps = el > 0 ? (double)run->chars / el : 0.0;
  double left = -1;
  if (run->bytes_total && run->bytes_done && run->bytes_done <= run->bytes_total)
    left = el * (double)(run->bytes_total - run->bytes_done) / (double)run->bytes_done;
  else if (run->done)
    left = el * (double)(run->inputs->n - run->done) / (double)run->done;
  char eta[32] = "unknown";
  if (left >= 0) snprintf(eta, sizeof eta, "%.0f s", left);
  cnkg_cli_say("cnkg: info: %zu/%zu documents, %zu characters, %.0f characters/s, %.0f s "
               "elapsed, ETA %s", run->done, run->inputs->n, run->chars, cps, el, eta);
}

/* The interval between -v progress lines: $CNKG_PROGRESS_INTERVAL seconds
 * (tests use a small one), else 5. */
static double progress_interval(void) {
  const char *env = getenv("CNKG_PROGRESS_INTERVAL");
  char *end;
  double v = env && *env ? strtod(env, &end) : 0;
  if (!env || !*env || *end || !(v >= 0.01 && v <= 3600)) v = 5.0;
  return v;
}

static void *ticker_main(void *arg) {
  Run *run = arg;
  double every = progress_interval();
  pthread_mutex_lock(&run->lock);
  while (!run->finished) {
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    double t = (double)until.tv_nsec / 1e9 + every;
    until.tv_sec += (time_t)t;
    until.tv_nsec = (long)((t - (double)(time_t)t) * 1e9);
    int rc = 0;
    while (!run->finished && rc == 0) rc = pthread_cond_timedwait(&run->tick, &run->lock, &until);
    if (!run->finished) progress_line(run);
  }
  pthread_mutex_unlock(&run->lock);
  return NULL;
}

/* Short documents go to the extractor in groups, whose sentences the
 * analyser takes in one batch (see cnkg_worker_documents): consecutive
 * inputs of at most GROUP_BYTES together and GROUP_DOCS in number, and
 * no more than a 32nd of all inputs (but 16), so that threads share the
 * work evenly to its end; a document larger than GROUP_ALONE, a stream or
 * anything whose size is not known goes alone. Groups are made from the
 * sizes before any is read, so they depend on the inputs only, never on
 * threads or timing. */
#define GROUP_BYTES ((size_t)16 << 10)
#define GROUP_ALONE ((size_t)4 << 10)
#define GROUP_DOCS 256

/* Fills run->groups (n_groups + 1 starts) and run->bytes_total. */
static int make_groups(Run *run) {
  const CnkgInputs *in = run->inputs;
  run->groups = malloc((in->n + 1) * sizeof *run->groups);
  if (!run->groups) return -1;
  size_t g = 0, bytes = 0, docs = 0;
  size_t max_docs = in->n / 32;
  if (max_docs < 16) max_docs = 16;
  if (max_docs > GROUP_DOCS) max_docs = GROUP_DOCS;
  bool sizes_known = true;
  for (size_t i = 0; i < in->n; i++) {
    struct stat sb;
    bool small = false;
    if (strcmp(in->paths[i], "-") && !stat(in->paths[i], &sb) && S_ISREG(sb.st_mode)) {
      run->bytes_total += (size_t)sb.st_size;
      small = (size_t)sb.st_size <= GROUP_ALONE;
    } else {
      sizes_known = false; /* a stream: the ETA goes by documents */
    }
    size_t size = small ? (size_t)sb.st_size : GROUP_BYTES;
    if (i == 0 || !small || docs == max_docs || bytes + size > GROUP_BYTES) {
      run->groups[g++] = i;
      bytes = docs = 0;
    }
    bytes += size;
    docs++;
  }
  run->groups[g] = in->n;
  run->n_groups = g;
  if (!sizes_known) run->bytes_total = 0;
  return 0;
}

/* Per worker: the documents of one group as they are read and extracted. */
typedef struct {
  char *buf[GROUP_DOCS];
  size_t len[GROUP_DOCS];
  CnkgStatus status[GROUP_DOCS];
  CnkgWorkerDoc docs[GROUP_DOCS];
  size_t doc_of[GROUP_DOCS]; /* the input each of docs[] is */
} Group;

/* Reads input i into group slot k; logs what fails. */
static void read_input(Run *run, Group *gr, size_t k, size_t i) {
  const char *path = run->inputs->paths[i];
  gr->buf[k] = NULL;
  gr->len[k] = 0;
  gr->status[k] = CNKG_SUCCESS;
  int rd = cnkg_inputs_read(path, run->max_doc, &gr->buf[k], &gr->len[k]);
  if (rd < 0) {
    int e = errno; /* logging may change errno */
    cnkg_log(&run->log, CNKG_LOG_ERROR, path, CNKG_NO_POS, "cannot read: %s", strerror(e));
    gr->status[k] = e == ENOMEM ? CNKG_ERR_NOMEM : CNKG_ERR_READ; /* NOMEM stops the run */
  } else if (rd > 0) {
    char lim[32];
    cnkg_cli_format_size(run->max_doc, lim, sizeof lim);
    cnkg_log(&run->log, CNKG_LOG_ERROR, strcmp(path, "-") ? path : "(stdin)", CNKG_NO_POS,
             "larger than the document size limit of %s (--max-doc-size); skipped", lim);
    gr->status[k] = CNKG_ERR_READ;
  }
}

/* Reads and extracts the inputs of group g, then merges their graphs into
 * the run's, in input order. */
static void run_group(Run *run, CnkgWorker *w, Group *gr, size_t g) {
  size_t from = run->groups[g], n = run->groups[g + 1] - from, m = 0;
  for (size_t k = 0; k < n; k++) {
    read_input(run, gr, k, from + k);
    if (gr->status[k]) continue;
    const char *path = run->inputs->paths[from + k];
    CnkgGraph *graph = cnkg_graph_new();
    if (!graph) {
      gr->status[k] = CNKG_ERR_NOMEM;
      continue;
    }
    gr->docs[m] = (CnkgWorkerDoc){strcmp(path, "-") ? path : "(stdin)", gr->buf[k],
                                  gr->len[k], graph, CNKG_SUCCESS};
    gr->doc_of[m++] = k;
  }
  cnkg_worker_documents(w, gr->docs, m, &run->log);
  CnkgGraph *graphs[GROUP_DOCS] = {NULL};
  for (size_t j = 0; j < m; j++) {
    gr->status[gr->doc_of[j]] = gr->docs[j].status;
    graphs[gr->doc_of[j]] = gr->docs[j].graph;
  }
  for (size_t k = 0; k < n; k++) {
    free(gr->buf[k]);
    gr->buf[k] = NULL;
  }
  pthread_mutex_lock(&run->lock);
  for (size_t k = 0; k < n; k++) {
    CnkgStatus ds = gr->status[k];
    CnkgGraph *graph = graphs[k];
    if (!ds && cnkg_graph_document_count(graph))
      run->chars += cnkg_graph_document(graph, 0)->n_chars;
    run->bytes_done += gr->len[k];
    if (!ds) ds = cnkg_graph_absorb(run->graph, graph);
    if (ds) run->failed[from + k] = true;
    if (ds == CNKG_ERR_NOMEM) run->fatal = ds;
    run->done++;
  }
  if (run->progress) report_progress(run, false);
  pthread_mutex_unlock(&run->lock);
  for (size_t k = 0; k < n; k++) cnkg_graph_free(graphs[k]);
}

static void *worker_main(void *arg) {
  Run *run = arg;
  char err[512] = "";
  CnkgWorker *w = NULL;
  Group *gr = malloc(sizeof *gr);
  CnkgStatus s = gr ? cnkg_worker_new(run->ex, &w, err, sizeof err) : CNKG_ERR_NOMEM;
  if (s) {
    pthread_mutex_lock(&run->lock);
    run->fatal = s;
    pthread_mutex_unlock(&run->lock);
    cnkg_log(&run->log, CNKG_LOG_ERROR, NULL, CNKG_NO_POS, "%s",
             err[0] ? err : cnkg_strerror(s));
    free(gr);
    return NULL;
  }
  for (;;) {
    pthread_mutex_lock(&run->lock);
    size_t g = run->next;
    bool stop = run->fatal || g >= run->n_groups;
    if (!stop) run->next++;
    pthread_mutex_unlock(&run->lock);
    if (stop) break;
    run_group(run, w, gr, g);
  }
  pthread_mutex_lock(&run->lock);
  cnkg_worker_add_timings(w, &run->timings);
  pthread_mutex_unlock(&run->lock);
  cnkg_worker_free(w);
  free(gr);
  return NULL;
}

static int usage_error(const char *msg, const char *arg) {
  return cnkg_cli_usage_error("build", msg, arg);
}

/* Refuses an output that would overwrite one of the inputs given by name
 * (the same file by device and inode, through any link), and makes the
 * directory walks leave out every file a build to output writes, so a
 * second identical run reads what the first one read. 0, or the usage
 * error status after saying which input. */
static int guard_inputs(const CnkgWriteOptions *wopt, const char *output, int argc, char **argv,
                        int first, CnkgInputs *inputs) {
  char paths[CNKG_FMT_FILES][4096];
  size_t n = 0;
  if (cnkg_write_output_paths(wopt, output, false, paths, &n))
    return usage_error("--output path too long:", output);
  for (size_t k = 0; k < n; k++) {
    CnkgFileId out;
    if (!cnkg_file_id(paths[k], &out)) continue;
    for (int i = first; i < argc; i++) {
      CnkgFileId in;
      if (strcmp(argv[i], "-") && cnkg_file_id(argv[i], &in) && in.dev == out.dev &&
          in.ino == out.ino) {
        cnkg_cli_say("cnkg: error: the output %s is the input %s; refusing to overwrite it",
                     paths[k], argv[i]);
        fputs("Try 'cnkg build --help'.\n", stderr);
        return 2;
      }
    }
  }
  if (wopt->output_is_dir) cnkg_inputs_skip(inputs, output);
  if (cnkg_write_output_paths(wopt, output, true, paths, &n) == 0)
    for (size_t k = 0; k < n; k++) cnkg_inputs_skip(inputs, paths[k]);
  return 0;
}

/* The last line of a run with failures: how many and which inputs. */
static void summarize_failures(const CnkgInputs *inputs, const bool *failed, size_t n_failed) {
  size_t len = 0, cap = 0;
  char *names = NULL;
  bool nomem = false;
  for (size_t k = 0; !nomem && k < inputs->n + inputs->n_errors; k++) {
    const char *p;
    size_t n;
    if (k < inputs->n) {
      if (!failed || !failed[k]) continue;
      p = inputs->paths[k];
      n = strlen(p);
    } else {
      /* an error message "PATH: why": the path is up to the last ": " that
       * strerror and the listing's own phrases cannot contain */
      p = inputs->errors[k - inputs->n];
      const char *colon = strstr(p, ": ");
      for (const char *c = colon; c; c = strstr(c + 2, ": ")) colon = c;
      n = colon ? (size_t)(colon - p) : strlen(p);
    }
    if (CNKG_GROW(names, cap, len + n + 2, 256)) {
      nomem = true;
      break;
    }
    names[len++] = ' ';
    memcpy(names + len, p, n);
    len += n;
  }
  if (nomem) {
    free(names);
    names = NULL;
  }
  if (names) names[len] = '\0';
  cnkg_cli_say("cnkg: error: %zu of %zu inputs could not be processed:%s",
               n_failed + inputs->n_errors, inputs->n + inputs->n_errors, names ? names : "");
  free(names);
}

/* Extracts every input into run->graph on up to jobs threads, with a
 * ticker for -v; returns the first fatal status. */
static CnkgStatus extract_all(Run *run, long jobs, int verbosity) {
  CnkgStatus s;
  pthread_cond_init(&run->tick, NULL);
  bool grouped = make_groups(run) == 0;
  clock_gettime(CLOCK_MONOTONIC, &run->start);
  pthread_t ticker;
  bool ticking = verbosity > 1 && pthread_create(&ticker, NULL, ticker_main, run) == 0;
  if (!run->graph || !run->failed || !grouped) {
    s = CNKG_ERR_NOMEM;
  } else {
    size_t nthreads = (size_t)jobs < run->n_groups ? (size_t)jobs : run->n_groups;
    cnkg_pool_run(nthreads ? nthreads : 1, worker_main, run, 0);
    if (run->progress && run->last_report > 0) report_progress(run, true);
    s = run->fatal;
  }
  if (ticking) {
    pthread_mutex_lock(&run->lock);
    run->finished = true;
    pthread_cond_signal(&run->tick);
    progress_line(run);
    pthread_mutex_unlock(&run->lock);
    pthread_join(ticker, NULL);
  }
  pthread_cond_destroy(&run->tick);
  return s;
}

/* What cnkg build was asked to do. */
typedef struct {
  CnkgWriteOptions wopt;
  const char *output;
  CnkgExtractorConfig cfg;
  size_t max_doc;
  long jobs;
  CnkgCliLog log;
} BuildArgs;

/* Parses and checks build's options into a: -1 to go on, else the exit
 * status (usage error or --help). */
static int parse_args(int argc, char **argv, BuildArgs *a) {
  static const struct option longopts[] = {
    {"format", required_argument, NULL, 'f'},
    {"output", required_argument, NULL, 'o'},
    {"base", required_argument, NULL, 'B'},
    {"provenance", required_argument, NULL, 'P'},
    {"focus", required_argument, NULL, 'F'},
    {"depth", required_argument, NULL, 'D'},
    {"data", required_argument, NULL, 'd'},
    {"fast", no_argument, NULL, 'x'},
    {"lac-precision", required_argument, NULL, 'L'},
    {"jobs", required_argument, NULL, 'j'},
    {"max-doc-size", required_argument, NULL, 'M'},
    {"quiet", no_argument, NULL, 'q'},
    {"verbose", no_argument, NULL, 'v'},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0}};
  cnkg_write_options_init(&a->wopt);
  a->output = NULL;
  a->cfg = (CnkgExtractorConfig){NULL, false};
  a->max_doc = CNKG_CLI_DEFAULT_MAX_DOC;
  a->jobs = sysconf(_SC_NPROCESSORS_ONLN);
  if (a->jobs < 1) a->jobs = 1;
  a->log = (CnkgCliLog){1, NULL};
  int c;
  opterr = 0;
  cnkg_lac_set_default_precision(CNKG_LAC_FAST);  /* see cnkg lex */
  while ((c = getopt_long(argc, argv, ":f:o:j:qvh", longopts, NULL)) != -1) {
    switch (c) {
    case 'f': {
      const char *bad = NULL;
      if (cnkg_write_options_add_formats(&a->wopt, optarg, &bad) != 0)
        return usage_error("unknown format (turtle, ntriples, dot, svg, html, csv, graphml, jsonld):", bad);
      break;
    }
    case 'o': a->output = optarg; break;
    case 'B':
      if (cnkg_write_options_set_base(&a->wopt, optarg) != 0)
        return usage_error("--base needs an absolute ASCII IRI ending in / or #:", optarg);
      break;
    case 'P':
      if (cnkg_write_options_set_provenance(&a->wopt, optarg) != 0)
        return usage_error("--provenance takes none, entities or full, not", optarg);
      break;
    case 'F': a->wopt.focus = optarg; break;
    case 'D': {
      long d;
      if (cnkg_cli_parse_count(optarg, 0, 100, &d)) return usage_error("--depth takes 0 to 100, not", optarg);
      a->wopt.depth = (unsigned)d;
      a->wopt.depth_set = true;
      break;
    }
    case 'd': a->cfg.data_dir = optarg; break;
    case 'x': a->cfg.fast = true; break;
    case 'L':
      if (strcmp(optarg, "exact") && strcmp(optarg, "fast"))
        return usage_error("--lac-precision takes exact or fast, not", optarg);
      cnkg_lac_set_default_precision(strcmp(optarg, "fast") ? CNKG_LAC_EXACT : CNKG_LAC_FAST);
      break;
    case 'j':
      if (cnkg_cli_parse_count(optarg, 1, 1024, &a->jobs)) return usage_error("-j takes 1 to 1024, not", optarg);
      break;
    case 'M':
      if (cnkg_cli_parse_size(optarg, &a->max_doc))
        return usage_error("--max-doc-size takes a size such as 64M, 512K or 1G, not", optarg);
      break;
    case 'q': a->log.verbosity = 0; break;
    case 'v':
      a->log.verbosity = 2;
      a->wopt.verbose = true;
      break;
    case 'h': return cnkg_cli_help(build_usage);
    case ':': return usage_error("option needs an argument:", argv[optind - 1]);
    default: return usage_error("unknown option:", argv[optind - 1]);
    }
  }
  if (optind >= argc) return usage_error("no INPUT given", NULL);
  if (a->output && !*a->output)
    return usage_error("--output needs a file or directory name, not ''", NULL);
  if (a->wopt.depth_set && !a->wopt.focus) return usage_error("--depth needs --focus NAME", NULL);
  a->wopt.threads = (unsigned)a->jobs;
  if (a->wopt.n_formats == 0) {
    cnkg_write_options_add_format(&a->wopt, "turtle");
    cnkg_write_options_add_format(&a->wopt, "ntriples");
    cnkg_write_options_add_format(&a->wopt, "dot");
  }
  /* One format and --output: a file (or - for stdout); else a directory. */
  cnkg_write_options_settle(&a->wopt, a->output != NULL);
  if (!a->output) a->output = "graph";
  if (a->wopt.output_is_dir && !strcmp(a->output, "-"))
    return usage_error(a->wopt.formats[CNKG_FMT_CSV]
                           ? "csv writes two files (nodes.csv, edges.csv): --output is a directory, not"
                           : "--output - needs exactly one --format", a->wopt.formats[CNKG_FMT_CSV] ? "-" : NULL);
  for (int f = 0; !a->wopt.output_is_dir && f < CNKG_FMT_COUNT; f++)
    if (a->wopt.formats[f] && cnkg_cli_extension_mismatch(a->output, cnkg_format_name((CnkgFormat)f))) {
      cnkg_cli_say("cnkg: error: --output %s names a %s file, but the format is %s; "
                   "give a name ending in .%s (or none of the known extensions)",
                   a->output, cnkg_cli_format_of_name(a->output), cnkg_format_name((CnkgFormat)f),
                   cnkg_format_extension((CnkgFormat)f));
      fputs("Try 'cnkg build --help'.\n", stderr);
      return 2;
    }

  return -1;
}

int cnkg_cli_build(int argc, char **argv) {
  BuildArgs args;
  int done = parse_args(argc, argv, &args);
  if (done >= 0) {
    cnkg_write_options_clear(&args.wopt);
    return done;
  }
  CnkgInputs inputs = {0};
  int guard = guard_inputs(&args.wopt, args.output, argc, argv, optind, &inputs);
  if (guard) {
    cnkg_write_options_clear(&args.wopt);
    return guard;
  }
  for (int i = optind; i < argc; i++)
    if (cnkg_inputs_add(&inputs, argv[i]) != 0) {
      cnkg_cli_say("cnkg: error: out of memory listing inputs");
      cnkg_inputs_clear(&inputs);
      cnkg_write_options_clear(&args.wopt);
      return 1;
    }
  cnkg_inputs_sort(&inputs);
  for (size_t i = 0; i < inputs.n_errors; i++)
    cnkg_cli_say("cnkg: error: %s", inputs.errors[i]);

  int status = inputs.n_errors ? 1 : 0;
  char err[1024] = "";
  CnkgExtractor *ex = NULL;
  CnkgStatus s = cnkg_extractor_new(&args.cfg, &ex, err, sizeof err);
  if (s) {
    cnkg_cli_say("cnkg: error: %s", err[0] ? err : cnkg_strerror(s));
    cnkg_inputs_clear(&inputs);
    cnkg_write_options_clear(&args.wopt);
    return 1;
  }
  Run run = {0};
  run.ex = ex;
  run.inputs = &inputs;
  run.graph = cnkg_graph_new();
  run.failed = calloc(inputs.n ? inputs.n : 1, sizeof *run.failed);
  pthread_mutex_init(&run.lock, NULL);
  run.log = (CnkgLog){cnkg_cli_log, &args.log};
  run.max_doc = args.max_doc;
  run.progress = args.log.verbosity == 1 && isatty(2);
  s = extract_all(&run, args.jobs, args.log.verbosity);
  size_t n_failed = 0;
  for (size_t i = 0; run.failed && i < inputs.n; i++) n_failed += run.failed[i];
  double t_extract = seconds_since(&run.start);
  if (!s && args.log.verbosity > 1)
    cnkg_cli_say("cnkg: info: putting %zu entities and %zu relations in canonical order",
                 cnkg_graph_entity_count(run.graph), cnkg_graph_relation_count(run.graph));
  if (!s) s = cnkg_careers_link(run.graph);
  if (!s) s = cnkg_graph_canonicalize(run.graph);
  double t_canon = seconds_since(&run.start);
  /* With no document read, an empty graph would replace a good one. */
  bool none_read = !s && n_failed == inputs.n;
  bool focus_ok = true;
  if (!s && !none_read && args.wopt.focus &&
      (args.wopt.formats[CNKG_FMT_DOT] || args.wopt.formats[CNKG_FMT_SVG] || args.wopt.formats[CNKG_FMT_HTML]))
    focus_ok = cnkg_write_resolve_focus(run.graph, args.wopt.focus, &args.wopt.focus) == 0;
  if (none_read) {
    cnkg_cli_say("cnkg: error: no document could be read; nothing written");
    status = 1;
  } else if (!focus_ok) {
    status = 1;
  } else if (!s) {
    int wr = cnkg_write_graph(run.graph, &args.wopt, args.output, err, sizeof err);
    if (args.log.verbosity > 1) {
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
    if (t->batches)
      fprintf(stderr, "cnkg: info: analyser: %zu sentences in %zu batches\n", t->sentences,
              t->batches);
    }
    if (wr != 0) {
      cnkg_cli_say("cnkg: error: %s", err);
      status = 1;
    }
  } else {
    cnkg_cli_say("cnkg: error: %s; no graph written", cnkg_strerror(s));
    status = 1;
  }
  if (n_failed || inputs.n_errors) {
    status = 1;
    summarize_failures(&inputs, run.failed, n_failed);
  }
  if (args.log.verbosity > 1)
    fprintf(stderr, "cnkg: info: graph: %zu distinct document%s, %zu entities, %zu relations\n",
            cnkg_graph_document_count(run.graph),
            cnkg_graph_document_count(run.graph) == 1 ? "" : "s",
            cnkg_graph_entity_count(run.graph), cnkg_graph_relation_count(run.graph));
  pthread_mutex_destroy(&run.lock);
  free(run.failed);
  free(run.groups);
  cnkg_graph_free(run.graph);
  cnkg_extractor_free(ex);
  cnkg_inputs_clear(&inputs);
  cnkg_write_options_clear(&args.wopt);
  return status;
}
