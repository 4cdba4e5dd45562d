/* SPDX-License-Identifier: Apache-2.0
 * `cnkg lex`: runs the LAC analyser on each input line and prints words
 * with tags, per-character tags (--tags) or emission scores (--emissions).
 * Lines are grouped into blocks that worker threads analyse in parallel;
 * blocks are written in input order. Depends on commands.h, extractor/lac.h,
 * cnkg/data.h and POSIX threads. */
#include <errno.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cliutil.h"
#include "cli/commands.h"
#include "cnkg/data.h"
#include "cnkg/grow.h"
#include "cnkg/pool.h"
#include "cnkg/text.h"
#include "extractor/lac.h"

/* Characters per block: one cnkg_lac_analyze_batch call. Fixed, so blocks
 * (and every rounding inside them) do not depend on -j. Small enough that
 * two threads share out a 100,000-character input evenly; 16,384 (longest
 * lines of four batches together) saved no measurable time with the
 * analyser's own kernels. */
#define BLOCK_CHARS 4096u
#define BLOCKS_PER_THREAD 16u  /* per round: keeps the idle tail of a round short */
#define MAX_JOBS 256

typedef enum { MODE_WORDS, MODE_TAGS, MODE_EMISSIONS } Mode;

typedef struct {
  char *text;        /* the block's lines, each NUL-terminated */
  size_t len, cap;
  CnkgStr *lines;
  size_t n_lines, cap_lines;
  size_t first_line; /* input line number of lines[0], from 1 */
  char *out;         /* formatted output */
  size_t out_len, out_cap;
  CnkgStatus status;
} Block;

/* One per thread: the analyser's results and scratch (several MB) are
 * reused for every block the thread takes, not kept per block. */
typedef struct {
  CnkgLacResult *results;
  size_t cap_results;
} Slot;

typedef struct {
  const CnkgLac *lac;
  Mode mode;
  Block *blocks;
  size_t n_blocks, next;
  pthread_mutex_t lock;
} Work;

typedef struct {
  Work *work;
  Slot *slot;
} Worker;

static const char usage[] =
    "Usage: cnkg lex [OPTION]... FILE|-...\n"
    "Segment and tag each line with the LAC model: words as WORD/TAG.\n"
    "Options may follow the files; -- ends them.\n"
    "\n"
    "  --tags        print one tag per character instead (e.g. LOC-B LOC-I n-B)\n"
    "  --emissions   print each character's 57 emission scores\n"
    "  -j N          use N threads (default 1)\n"
    "  --data DIR    find lac.model in DIR only\n"
    "  --max-doc-size SIZE  read at most SIZE bytes of an input: a larger file\n"
    "                is skipped, a larger stream analysed up to SIZE (K, M,\n"
    "                G suffixes; default 64M); either is an error\n"
    "  --lac-precision P  fast (16-bit fixed-point products, the default: 99.98%\n"
    "                of characters keep the exact tags) or exact (float32, as the\n"
    "                reference model; the default with --emissions)\n"
    "  -v, --verbose say which kernels run (without FILE: say it and exit)\n"
    "      --version show the version and the kernels this CPU gets\n"
    "  -h, --help    show this help\n"
    "\n"
    "The kernels follow what the CPU reports (AVX-512, AVX2+FMA, SSE2);\n"
    "CNKG_LAC_KERNEL=generic|avx2|avx512|openblas overrides the choice.\n";

static bool out_add(Block *b, const char *s, size_t n) {
  if (CNKG_GROW(b->out, b->out_cap, b->out_len + n + 1, 4096)) return false;
  memcpy(b->out + b->out_len, s, n);
  b->out_len += n;
  return true;
}

static bool out_str(Block *b, const char *s) { return out_add(b, s, strlen(s)); }

static CnkgStatus format_emissions(const CnkgLac *lac, Block *b, CnkgStr line) {
  float *em;
  size_t n;
  CnkgStatus st = cnkg_lac_emissions(lac, line, &em, &n);
  if (st != CNKG_SUCCESS) return st;
  size_t K = cnkg_lac_tag_count(lac), i = 0;
  bool ok = true;
  for (size_t t = 0; t < n && ok; t++) {
    size_t s = i;
    cnkg_utf8_next(line.buf, line.len, &i);
    ok = out_add(b, line.buf + s, i - s) && out_str(b, "\t");
    for (size_t k = 0; k < K && ok; k++) {
      char num[48];
      int w = snprintf(num, sizeof num, k ? " %.5f" : "%.5f", (double)em[t * K + k]);
      ok = out_add(b, num, (size_t)w);
    }
    ok = ok && out_str(b, "\n");
  }
  free(em);
  return ok ? CNKG_SUCCESS : CNKG_ERR_NOMEM;
}

static CnkgStatus process_block(const CnkgLac *lac, Mode mode, Block *b, Slot *sl) {
  b->out_len = 0;
  if (mode == MODE_EMISSIONS) {
    for (size_t l = 0; l < b->n_lines; l++) {
      CnkgStatus st = format_emissions(lac, b, b->lines[l]);
      if (st != CNKG_SUCCESS) return st;
    }
    return CNKG_SUCCESS;
  }
  size_t had = sl->cap_results;
  if (CNKG_GROW(sl->results, sl->cap_results, b->n_lines, 0)) return CNKG_ERR_NOMEM;
  memset(sl->results + had, 0, (sl->cap_results - had) * sizeof *sl->results);
  CnkgStatus st = cnkg_lac_analyze_batch(lac, b->lines, b->n_lines, sl->results);
  if (st != CNKG_SUCCESS) return st;
  bool ok = true;
  for (size_t l = 0; l < b->n_lines && ok; l++) {
    const CnkgLacResult *r = &sl->results[l];
    if (mode == MODE_TAGS) {
      for (size_t t = 0; t < r->n_chars && ok; t++)
        ok = (t == 0 || out_str(b, " ")) && out_str(b, cnkg_lac_tag_name(lac, r->tags[t]));
    } else {
      for (size_t w = 0; w < r->n_words && ok; w++) {
        const CnkgLacWord *wd = &r->words[w];
        ok = (w == 0 || out_str(b, " ")) &&
             out_add(b, b->lines[l].buf + wd->begin, wd->end - wd->begin) &&
             out_str(b, "/") && out_str(b, wd->tag);
      }
    }
    ok = ok && out_str(b, "\n");
  }
  return ok ? CNKG_SUCCESS : CNKG_ERR_NOMEM;
}

static void *worker(void *arg) {
  Work *w = ((Worker *)arg)->work;
  Slot *sl = ((Worker *)arg)->slot;
  for (;;) {
    pthread_mutex_lock(&w->lock);
    size_t i = w->next < w->n_blocks ? w->next++ : w->n_blocks;
    pthread_mutex_unlock(&w->lock);
    if (i == w->n_blocks) return NULL;
    w->blocks[i].status = process_block(w->lac, w->mode, &w->blocks[i], sl);
  }
}

static void block_free(Block *b) {
  free(b->text);
  free(b->lines);
  free(b->out);
}

/* Appends a line (without its newline) to the block. Line views are fixed
 * up after reading, because text may move while growing. */
static bool block_add(Block *b, const char *s, size_t n) {
  if (CNKG_GROW(b->text, b->cap, b->len + n + 1, 16384) ||
      CNKG_GROW(b->lines, b->cap_lines, b->n_lines + 1, 256))
    return false;
  memcpy(b->text + b->len, s, n);
  b->text[b->len + n] = '\0';
  b->lines[b->n_lines++] = (CnkgStr){(const char *)(uintptr_t)b->len, n};
  b->len += n + 1;
  return true;
}

static void block_fix(Block *b) {
  for (size_t i = 0; i < b->n_lines; i++)
    b->lines[i].buf = b->text + (uintptr_t)b->lines[i].buf;
}

/* Lines of a stream, never reading more than limit + 1 bytes of it in all,
 * so an endless stream or an endless line costs at most the limit. */
typedef struct {
  FILE *f;
  char *buf;
  size_t cap, start, end; /* unread bytes are buf[start, end) */
  size_t consumed, limit;
  bool eof, over, nomem;
} LineReader;

/* The next line without its newline, or false at the end, past the limit
 * (over: the line being read is dropped) or when out of memory. */
static bool next_line(LineReader *r, const char **line, size_t *len) {
  for (;;) {
    char *nl = r->end > r->start ? memchr(r->buf + r->start, '\n', r->end - r->start) : NULL;
    if (nl || (r->eof && r->end > r->start)) {
      size_t n = nl ? (size_t)(nl - (r->buf + r->start)) : r->end - r->start;
      *line = r->buf + r->start;
      *len = n;
      r->start += nl ? n + 1 : n;
      return true;
    }
    if (r->eof || r->over) return false;
    if (r->start > 0) {
      memmove(r->buf, r->buf + r->start, r->end - r->start);
      r->end -= r->start;
      r->start = 0;
    }
    if (CNKG_GROW(r->buf, r->cap, r->end + 1, 65536)) {
      r->nomem = true;
      return false;
    }
    size_t room = r->cap - r->end, left = r->limit + 1 - r->consumed;
    size_t got = fread(r->buf + r->end, 1, room < left ? room : left, r->f);
    r->consumed += got;
    r->end += got;
    if (r->consumed > r->limit) {
      r->over = true;
      return false;
    }
    if (got == 0) r->eof = true;
  }
}

/* Reads up to n blocks from r. *line_no counts lines read so far. Returns
 * the number of blocks filled; *bad is set to a line with malformed UTF-8. */
static size_t read_blocks(LineReader *r, Block *blocks, size_t n, size_t *line_no, size_t *bad,
                          bool *nomem) {
  size_t nb = 0;
  while (nb < n) {
    Block *b = &blocks[nb];
    b->len = 0;
    b->n_lines = 0;
    b->first_line = *line_no + 1;
    size_t chars = 0;
    while (chars < BLOCK_CHARS) {
      const char *line;
      size_t len;
      if (!next_line(r, &line, &len)) {
        if (r->nomem) *nomem = true;
        break;
      }
      while (len > 0 && line[len - 1] == '\r') len--;
      ++*line_no;
      if (!cnkg_utf8_valid(line, len)) {
        *bad = *line_no;
        break;
      }
      if (!block_add(b, line, len)) {
        *nomem = true;
        break;
      }
      chars += len / 3 + 1;  /* bytes/3 approximates Chinese characters */
    }
    if (b->n_lines == 0) break;
    block_fix(b);
    nb++;
    if (*bad || *nomem || chars < BLOCK_CHARS) break;
  }
  return nb;
}

static int lex_file(const CnkgLac *lac, Mode mode, int jobs, const char *name, FILE *f,
                    size_t limit) {
  size_t nblocks = (size_t)jobs * BLOCKS_PER_THREAD;
  Block *blocks = calloc(nblocks, sizeof *blocks);
  Slot *slots = calloc((size_t)jobs, sizeof *slots);
  if (!blocks || !slots) {
    free(blocks);
    free(slots);
    cnkg_cli_say("cnkg: error: %s: out of memory", name);
    return 1;
  }
  LineReader reader = {.f = f, .limit = limit};
  size_t line_no = 0, bad = 0;
  bool nomem = false;
  int rc = 0;
  for (;;) {
    size_t nb = read_blocks(&reader, blocks, nblocks, &line_no, &bad, &nomem);
    if (nb == 0 && !bad && !nomem) break;
    Work w = {lac, mode, blocks, nb, 0, PTHREAD_MUTEX_INITIALIZER};
    Worker ws[MAX_JOBS];
    for (int t = 0; t < jobs; t++) ws[t] = (Worker){&w, &slots[t]};
    cnkg_pool_run((size_t)jobs < nb ? (size_t)jobs : (nb ? nb : 1), worker, ws, sizeof *ws);
    for (size_t i = 0; i < nb && rc == 0; i++) {
      if (blocks[i].status != CNKG_SUCCESS) {
        cnkg_cli_say("cnkg: error: %s: lines %zu-%zu: %s", name, blocks[i].first_line,
                     blocks[i].first_line + blocks[i].n_lines - 1, cnkg_strerror(blocks[i].status));
        rc = 1;
      } else if (fwrite(blocks[i].out, 1, blocks[i].out_len, stdout) != blocks[i].out_len) {
        cnkg_cli_say("cnkg: error: standard output: %s", strerror(errno));
        rc = 1;
      }
    }
    if (rc) break;
    if (bad) {
      cnkg_cli_say("cnkg: error: %s: line %zu: not valid UTF-8", name, bad);
      rc = 1;
      break;
    }
    if (nomem) {
      cnkg_cli_say("cnkg: error: %s: out of memory", name);
      rc = 1;
      break;
    }
  }
  if (!rc && reader.over) {
    char lim[32];
    cnkg_cli_format_size(limit, lim, sizeof lim);
    cnkg_cli_say("cnkg: error: %s: larger than the document size limit of %s "
                 "(--max-doc-size); only its first %zu lines analysed", name, lim, line_no);
    rc = 1;
  }
  if (!rc && ferror(f)) {
    cnkg_cli_say("cnkg: error: %s: read error", name);
    rc = 1;
  }
  free(reader.buf);
  for (size_t i = 0; i < nblocks; i++) block_free(&blocks[i]);
  free(blocks);
  for (int t = 0; t < jobs; t++) {
    for (size_t i = 0; i < slots[t].cap_results; i++) cnkg_lac_result_clear(&slots[t].results[i]);
    free(slots[t].results);
  }
  free(slots);
  return rc;
}

/* Sets the analyser's precision from --lac-precision's value; 2 (usage
 * error, reported) when it is neither exact nor fast. */
static int set_precision(const char *value, bool *set) {
  *set = true;
  if (value && strcmp(value, "exact") == 0) {
    cnkg_lac_set_default_precision(CNKG_LAC_EXACT);
    return 0;
  }
  if (value && strcmp(value, "fast") == 0) {
    cnkg_lac_set_default_precision(CNKG_LAC_FAST);
    return 0;
  }
  return cnkg_cli_usage_error("lex", "--lac-precision takes exact or fast, not",
                              value ? value : "nothing");
}

/* What the command line asks for; files (owned) lists the inputs. */
typedef struct {
  Mode mode;
  int jobs;
  bool verbose, precision_set;
  const char *data;
  size_t max_doc;
  const char **files;
  int n_files;
} LexArgs;

/* Parses the command line into a; -1 to go on (a->files to free), or the
 * exit status (nothing left to free). */
static int parse_args(int argc, char **argv, LexArgs *a) {
  *a = (LexArgs){.mode = MODE_WORDS, .jobs = 1};
  /* fast by default: it kept 99.98% of the exact path's tags on the corpus
   * and development texts and moved no scorer figure (README) */
  cnkg_lac_set_default_precision(CNKG_LAC_FAST);
  a->max_doc = CNKG_CLI_DEFAULT_MAX_DOC;
  /* GNU style: options anywhere until "--"; everything else is a file */
  const char **files = calloc((size_t)argc + 1, sizeof *files);
  bool opts = true;
  if (!files) {
    cnkg_cli_say("cnkg: error: out of memory");
    return 1;
  }
  int status = -1;
  for (int i = 1; i < argc && status < 0; i++) {
    const char *arg = argv[i];
    if (!opts || arg[0] != '-' || arg[1] == '\0') {
      files[a->n_files++] = arg;
    } else if (strcmp(arg, "--") == 0) {
      opts = false;
    } else if (strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0) {
      status = cnkg_cli_help(usage);
    } else if (strcmp(arg, "--version") == 0) {
      char line[512], text[640];
      cnkg_lac_describe(NULL, line, sizeof line);
      snprintf(text, sizeof text, "cnkg %s\n%s\n", CNKG_VERSION, line);
      status = cnkg_cli_help(text);
    } else if (strcmp(arg, "-v") == 0 || strcmp(arg, "--verbose") == 0) {
      a->verbose = true;
    } else if (strcmp(arg, "--lac-precision") == 0 || strncmp(arg, "--lac-precision=", 16) == 0) {
      const char *v = arg[15] == '=' ? arg + 16 : (i + 1 < argc ? argv[++i] : NULL);
      if (set_precision(v, &a->precision_set) != 0) status = 2;
    } else if (strcmp(arg, "--tags") == 0) {
      a->mode = MODE_TAGS;
    } else if (strcmp(arg, "--emissions") == 0) {
      a->mode = MODE_EMISSIONS;
    } else if (strncmp(arg, "-j", 2) == 0 || strcmp(arg, "--jobs") == 0 ||
               strncmp(arg, "--jobs=", 7) == 0) {
      const char *v = arg[1] == '-' ? (arg[6] == '=' ? arg + 7 : i + 1 < argc ? argv[++i] : NULL)
                                    : arg[2] ? arg + 2 : (i + 1 < argc ? argv[++i] : NULL);
      long n = 0;
      if (cnkg_cli_parse_count(v, 1, MAX_JOBS, &n)) {
        char msg[64];
        snprintf(msg, sizeof msg, "-j needs a number of threads from 1 to %d, not", MAX_JOBS);
        status = cnkg_cli_usage_error("lex", msg, v ? v : "nothing");
      }
      a->jobs = (int)n;
    } else if (strcmp(arg, "--data") == 0 || strncmp(arg, "--data=", 7) == 0) {
      a->data = arg[6] == '=' ? arg + 7 : (i + 1 < argc ? argv[++i] : NULL);
      if (!a->data) status = cnkg_cli_usage_error("lex", "--data needs a directory", NULL);
    } else if (strcmp(arg, "--max-doc-size") == 0 || strncmp(arg, "--max-doc-size=", 15) == 0) {
      const char *v = arg[14] == '=' ? arg + 15 : (i + 1 < argc ? argv[++i] : NULL);
      if (!v || cnkg_cli_parse_size(v, &a->max_doc))
        status = cnkg_cli_usage_error("lex", "--max-doc-size takes a size such as 64M, not",
                                      v ? v : "nothing");
    } else {
      status = cnkg_cli_usage_error("lex", "unknown option", arg);
    }
  }
  if (status < 0 && a->n_files == 0 && !a->verbose)
    status = cnkg_cli_usage_error("lex", "no input (give FILE, or - for standard input)", NULL);
  if (status >= 0) {
    free(files);
    return status;
  }
  a->files = files;
  return -1;
}

/* Finds and opens the LAC model (--data or the default places) into *lac;
 * 0, or 1 with the message said. */
static int open_lac(const LexArgs *a, CnkgLac **lac) {
  char err[2048] = "";
  char *path = NULL;
  if (cnkg_data_find(a->data, "lac.model", &path, err, sizeof err) != CNKG_SUCCESS) {
    cnkg_cli_say("cnkg: error: %s", err);
    return 1;
  }
  CnkgStatus st = cnkg_lac_open(path, lac, err, sizeof err);
  free(path);
  if (st != CNKG_SUCCESS) {
    cnkg_cli_say("cnkg: error: %s", err);
    return 1;
  }
  if (a->verbose) {
    char line[512];
    cnkg_lac_describe(*lac, line, sizeof line);
    cnkg_cli_say("cnkg: info: %s", line);
  }
  return 0;
}

/* Analyses every input file in turn to stdout; 0, or 1 when any failed
 * (each failure said). */
static int lex_inputs(const CnkgLac *lac, const LexArgs *a) {
  int rc = 0;
  for (int i = 0; i < a->n_files; i++) {
    const char *name = a->files[i];
    bool is_stdin = strcmp(name, "-") == 0;
    const char *why = cnkg_cli_not_a_file(name);
    FILE *f = why ? NULL : is_stdin ? stdin : fopen(name, "rb");
    struct stat sb;
    if (why || !f) {
      cnkg_cli_say("cnkg: error: %s: %s", name, why ? why : strerror(errno));
      rc = 1;
      continue;
    }
    if (fstat(fileno(f), &sb) == 0 && S_ISREG(sb.st_mode) && (uintmax_t)sb.st_size > a->max_doc) {
      /* a file known to be too big is skipped whole, not cut */
      char lim[32];
      cnkg_cli_format_size(a->max_doc, lim, sizeof lim);
      cnkg_cli_say("cnkg: error: %s: larger than the document size limit of %s "
                   "(--max-doc-size); skipped", is_stdin ? "(stdin)" : name, lim);
      rc = 1;
    } else if (lex_file(lac, a->mode, a->jobs, is_stdin ? "(stdin)" : name, f, a->max_doc)) {
      rc = 1;
    }
    if (!is_stdin) fclose(f);
  }
  return rc;
}

int cnkg_cli_lex(int argc, char **argv) {
  LexArgs a;
  int status = parse_args(argc, argv, &a);
  if (status >= 0) return status;
  /* emission scores are for comparing with the reference: exact unless asked */
  if (a.mode == MODE_EMISSIONS && !a.precision_set) cnkg_lac_set_default_precision(CNKG_LAC_EXACT);
  CnkgLac *lac = NULL;
  if (open_lac(&a, &lac)) {
    free(a.files);
    return 1;
  }
  int rc = lex_inputs(lac, &a);
  if (fflush(stdout) != 0) {
    cnkg_cli_say("cnkg: error: standard output: %s", strerror(errno));
    rc = 1;
  }
  cnkg_lac_free(lac);
  free(a.files);
  return rc;
}
