/* SPDX-License-Identifier: Apache-2.0
 * Helpers shared by the subcommands (see cliutil.h). Writes to stdout and
 * stderr, as cli/ may. Depends on the C library, POSIX signals and stat,
 * cnkg/log.h (escaping), cnkg/output.h (temporaries) and the extractor's
 * normaliser (folding names). */
#include "cli/cliutil.h"

#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cnkg/log.h"
#include "cnkg/output.h"
#include "cnkg/text.h"
#include "extractor/mapped.h"
#include "extractor/normalize.h"

void cnkg_cli_say(const char *fmt, ...) {
  char small[1024];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(small, sizeof small, fmt, ap);
  va_end(ap);
  if (n < 0) return;
  char *msg = small;
  if ((size_t)n >= sizeof small && (msg = malloc((size_t)n + 1)) != NULL) {
    va_start(ap, fmt);
    vsnprintf(msg, (size_t)n + 1, fmt, ap);
    va_end(ap);
  }
  if (!msg) msg = small; /* out of memory: the message cut short */
  size_t len = strlen(msg);
  /* One write per line where memory allows, so lines from threads do not
   * interleave; else piecewise. */
  size_t room = len * 6 + 2;
  char *esc = len < SIZE_MAX / 8 ? malloc(room) : NULL;
  if (esc) {
    size_t used = cnkg_log_escape(msg, len, esc, room - 1);
    (void)used;
    size_t e = strlen(esc);
    esc[e] = '\n';
    fwrite(esc, 1, e + 1, stderr);
    free(esc);
  } else {
    char piece[256];
    for (size_t at = 0; at < len;) {
      size_t used = cnkg_log_escape(msg + at, len - at, piece, sizeof piece);
      if (!used) break;
      fputs(piece, stderr);
      at += used;
    }
    fputc('\n', stderr);
  }
  if (msg != small) free(msg);
}

int cnkg_cli_usage_error(const char *command, const char *msg, const char *arg) {
  cnkg_cli_say("cnkg: error: %s: %s%s%s%s", command, msg, arg ? " '" : "", arg ? arg : "",
               arg ? "'" : "");
  fprintf(stderr, "Try 'cnkg %s --help'.\n", command);
  return 2;
}

int cnkg_cli_parse_count(const char *s, long lo, long hi, long *out) {
  char *end;
  errno = 0;
  long v = s ? strtol(s, &end, 10) : 0;
  if (!s || errno || *end || end == s || v < lo || v > hi) return -1;
  *out = v;
  return 0;
}

void cnkg_cli_log(void *handle, CnkgLogLevel level, const char *doc, size_t pos,
                  const char *msg) {
  const CnkgCliLog *c = handle;
  int verbosity = c ? c->verbosity : 1;
  if ((level == CNKG_LOG_WARNING && verbosity < 1) || (level >= CNKG_LOG_INFO && verbosity < 2))
    return;
  static const char *const names[] = {"error", "warning", "info", "debug"};
  const char *name = (unsigned)level < 4 ? names[level] : "error";
  if (!doc && c) doc = c->fallback;
  if (doc && pos != CNKG_NO_POS)
    cnkg_cli_say("cnkg: %s: %s: byte %zu: %s", name, doc, pos, msg);
  else if (doc)
    cnkg_cli_say("cnkg: %s: %s: %s", name, doc, msg);
  else
    cnkg_cli_say("cnkg: %s: %s", name, msg);
}

int cnkg_cli_help(const char *text) {
  errno = 0;
  fputs(text, stdout);
  if (fflush(stdout) != 0 || ferror(stdout)) {
    cnkg_cli_say("cnkg: error: standard output: %s", strerror(errno ? errno : EIO));
    return 1;
  }
  return 0;
}

/* ---- fatal signals */

static void on_fatal_signal(int sig) {
  cnkg_output_remove_temporaries();
  /* SA_RESETHAND put the default action back: the re-raised signal ends
   * the process, whose status then says which signal killed it. */
  raise(sig);
}

void cnkg_cli_catch_signals(void) {
  static const int sigs[] = {SIGTERM, SIGINT, SIGHUP};
  for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
    struct sigaction old;
    /* A signal ignored by whoever started cnkg (nohup) stays ignored. */
    if (sigaction(sigs[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN) continue;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_fatal_signal;
    sigemptyset(&sa.sa_mask);
    for (size_t k = 0; k < sizeof sigs / sizeof sigs[0]; k++) sigaddset(&sa.sa_mask, sigs[k]);
    sa.sa_flags = (int)SA_RESETHAND;
    sigaction(sigs[i], &sa, NULL);
  }
}

/* ---- option values */

int cnkg_cli_parse_size(const char *s, size_t *bytes) {
  if (!s || *s < '0' || *s > '9') return -1;
  uint64_t v = 0;
  const char *p = s;
  for (; *p >= '0' && *p <= '9'; p++) {
    if (v > (UINT64_MAX - 9) / 10) return -1;
    v = v * 10 + (uint64_t)(*p - '0');
  }
  unsigned shift = 0;
  if (*p) {
    switch (*p) {
    case 'k': case 'K': shift = 10; break;
    case 'm': case 'M': shift = 20; break;
    case 'g': case 'G': shift = 30; break;
    default: return -1;
    }
    p++;
    if (!strcmp(p, "iB") || !strcmp(p, "B") || !strcmp(p, "ib")) p += strlen(p);
    if (*p) return -1;
  }
  if (v == 0 || v > (uint64_t)(SIZE_MAX >> 1) >> shift) return -1;
  *bytes = (size_t)(v << shift);
  return 0;
}

void cnkg_cli_format_size(size_t bytes, char *buf, size_t size) {
  static const char *const units[] = {"KiB", "MiB", "GiB"};
  if (bytes < 1024) {
    snprintf(buf, size, "%zu byte%s", bytes, bytes == 1 ? "" : "s");
    return;
  }
  double v = (double)bytes;
  int u = -1;
  while (v >= 1024 && u < 2) v /= 1024, u++;
  if (v == (double)(size_t)v) snprintf(buf, size, "%zu %s", (size_t)v, units[u]);
  else snprintf(buf, size, "%.1f %s", v, units[u]);
}

const char *cnkg_cli_not_a_file(const char *path) {
  struct stat st;
  if (!path || !strcmp(path, "-") || stat(path, &st) != 0) return NULL;
  if (S_ISREG(st.st_mode) || S_ISFIFO(st.st_mode)) return NULL;
  if (S_ISDIR(st.st_mode)) return "is a directory";
  if (S_ISCHR(st.st_mode)) return "is a character device, not a file; refused";
  if (S_ISBLK(st.st_mode)) return "is a block device, not a file; refused";
  if (S_ISSOCK(st.st_mode)) return "is a socket, not a file; refused";
  return "is not a regular file; refused";
}

/* ---- file names and formats */

static bool same_ascii_nocase(const char *a, const char *b) {
  for (; *a && *b; a++, b++) {
    char x = *a >= 'A' && *a <= 'Z' ? (char)(*a + 32) : *a;
    char y = *b >= 'A' && *b <= 'Z' ? (char)(*b + 32) : *b;
    if (x != y) return false;
  }
  return *a == *b;
}

const char *cnkg_cli_format_of_name(const char *path) {
  static const struct {
    const char *ext, *format;
  } known[] = {
      {"ttl", "turtle"}, {"turtle", "turtle"}, {"nt", "ntriples"}, {"ntriples", "ntriples"},
      {"dot", "dot"},    {"gv", "dot"},        {"svg", "svg"},     {"html", "html"},
      {"htm", "html"},   {"png", "png"},       {"jpg", "jpeg"},    {"jpeg", "jpeg"},
      {"gif", "gif"},    {"webp", "webp"},     {"pdf", "pdf"},     {"ps", "ps"},
      {"eps", "eps"},    {"rdf", "rdfxml"},    {"owl", "rdfxml"},  {"xml", "xml"},
      {"n3", "n3"},      {"jsonld", "jsonld"}, {"json", "json"},   {"nq", "nquads"},
      {"trig", "trig"},  {"csv", "csv"},       {"tsv", "tsv"},     {"graphml", "graphml"},
  };
  if (!path) return NULL;
  const char *slash = strrchr(path, '/');
  const char *name = slash ? slash + 1 : path;
  const char *dot = strrchr(name, '.');
  if (!dot || dot == name) return NULL;
  for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
    if (same_ascii_nocase(dot + 1, known[i].ext)) return known[i].format;
  return NULL;
}

bool cnkg_cli_extension_mismatch(const char *path, const char *format) {
  const char *named = cnkg_cli_format_of_name(path);
  return named && strcmp(named, format) != 0;
}

/* ---- names typed by users */

char *cnkg_cli_fold_name(const char *name) {
  size_t len = name ? strlen(name) : 0;
  bool ascii = true;
  for (size_t i = 0; i < len && ascii; i++) ascii = (unsigned char)name[i] < 0x80;
  if (ascii || !cnkg_utf8_valid(name, len)) return NULL;
  char err[256];
  CnkgNormalize *n = NULL;
  if (cnkg_normalize_new(NULL, &n, err, sizeof err)) return NULL;
  CnkgMapped m = {0};
  char *r = NULL;
  if (!cnkg_normalize_run(n, name, len, &m) && m.len && (m.len != len || memcmp(m.buf, name, len)))
    r = cnkg_strndup(m.buf, m.len);
  cnkg_mapped_free(&m);
  cnkg_normalize_free(n);
  return r;
}
