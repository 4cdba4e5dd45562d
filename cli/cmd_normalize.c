/* SPDX-License-Identifier: Apache-2.0
 * `cnkg normalize`: prints what the extractor sees of each input - the
 * cleaned, normalised text, one sentence per line - so users can check
 * intake. Depends on extractor/intake.h and the C library; it is the only
 * place here that writes to stdout/stderr. */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/commands.h"
#include "extractor/intake.h"

static const char USAGE[] =
    "Usage: cnkg normalize [--map] [--meta] FILE|-...\n"
    "Print the text the extractor sees: the input decoded (UTF-8, UTF-16\n"
    "with BOM, GB18030/GBK, Big5), reduced to article text if HTML, page\n"
    "furniture dropped, normalised (Simplified, half-width, romanisation\n"
    "removed, quotes unified), one sentence per line.\n"
    "\n"
    "  --map      prefix each sentence with BEGIN<TAB>END<TAB>: its span in\n"
    "             Unicode code points of the decoded original (for HTML, of\n"
    "             the extracted article text)\n"
    "  --meta     after the sentences, print metadata lines starting with\n"
    "             '#': encoding, title, author, photographer, source, and one\n"
    "             '# credit' line per credited name (role, BEGIN, END, name)\n"
    "  -h, --help show this help\n"
    "\n"
    "Heading sentences are prefixed with '## ', credit lines (bylines, photo\n"
    "credits, sources) with '@ '. A blank line separates paragraphs.\n"
    "Several FILEs are processed in turn. Exit status: 0 ok, 1 an input\n"
    "could not be read or decoded, 2 usage error.\n";

static void log_stderr(void *handle, CnkgLogLevel level, const char *doc,
                       size_t pos, const char *msg) {
  (void)handle;
  (void)pos;
  if (level > CNKG_LOG_WARNING) return;
  fprintf(stderr, "cnkg: %s: %s: %s\n",
          level == CNKG_LOG_ERROR ? "error" : "warning", doc ? doc : "-", msg);
}

static char *read_all(const char *path, size_t *len) {
  FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 65536, n = 0;
  char *buf = malloc(cap);
  while (buf) {
    if (n == cap) {
      char *nb = realloc(buf, cap *= 2);
      if (!nb) { free(buf); buf = NULL; break; }
      buf = nb;
    }
    size_t r = fread(buf + n, 1, cap - n, f);
    n += r;
    if (r == 0) break;
  }
  bool bad = ferror(f) != 0;
  if (f != stdin) fclose(f);
  if (bad) { free(buf); errno = EIO; return NULL; }
  *len = n;
  return buf;
}

static const char *role_name(CnkgCreditRole r) {
  switch (r) {
    case CNKG_CREDIT_AUTHOR: return "author";
    case CNKG_CREDIT_PHOTOGRAPHER: return "photographer";
    case CNKG_CREDIT_SOURCE: return "source";
  }
  return "?";
}

static void print_text(const CnkgText *t, bool map, bool meta) {
  size_t para = t->n_sentences ? t->sentences[0].paragraph : 0;
  for (size_t i = 0; i < t->n_sentences; i++) {
    const CnkgSentence *s = &t->sentences[i];
    if (s->paragraph != para) {
      putchar('\n');
      para = s->paragraph;
    }
    if (map) {
      size_t b, e;
      cnkg_text_span(t, s->begin, s->end, &b, &e);
      printf("%zu\t%zu\t", b, e);
    }
    if (s->heading) fputs("## ", stdout);
    if (s->credit) fputs("@ ", stdout);
    fwrite(t->norm + s->begin, 1, s->end - s->begin, stdout);
    putchar('\n');
  }
  if (!meta) return;
  printf("# encoding: %s\n", t->encoding ? t->encoding : "");
  if (t->title) printf("# title: %s\n", t->title);
  if (t->author) printf("# author: %s\n", t->author);
  if (t->photographer) printf("# photographer: %s\n", t->photographer);
  if (t->source) printf("# source: %s\n", t->source);
  for (size_t i = 0; i < t->n_credits; i++) {
    const CnkgCredit *c = &t->credits[i];
    size_t b, e;
    cnkg_text_span(t, c->begin, c->end, &b, &e);
    printf("# credit\t%s\t%zu\t%zu\t%.*s\n", role_name(c->role), b, e,
           (int)(c->end - c->begin), t->norm + c->begin);
  }
}

int cnkg_cli_normalize(int argc, char **argv) {
  bool map = false, meta = false, opts = true;
  int first = argc, n_files = 0;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (opts && strcmp(a, "--") == 0) { opts = false; continue; }
    if (opts && (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0)) {
      fputs(USAGE, stdout);
      return 0;
    }
    if (opts && strcmp(a, "--map") == 0) { map = true; continue; }
    if (opts && strcmp(a, "--meta") == 0) { meta = true; continue; }
    if (opts && a[0] == '-' && a[1] != '\0') {
      fprintf(stderr, "cnkg: error: unknown option '%s' (see cnkg normalize --help)\n", a);
      return 2;
    }
    if (first == argc) first = i;
    n_files++;
  }
  if (n_files == 0) {
    fputs("cnkg: error: normalize needs a FILE or - (see cnkg normalize --help)\n",
          stderr);
    return 2;
  }
  char err[256] = "";
  CnkgIntake *in = NULL;
  CnkgStatus st = cnkg_intake_new(&in, err, sizeof err);
  if (st) {
    fprintf(stderr, "cnkg: error: %s\n", err[0] ? err : cnkg_strerror(st));
    return 1;
  }
  CnkgLog log = {log_stderr, NULL};
  int rc = 0;
  opts = true;
  for (int i = first; i < argc; i++) {
    const char *path = argv[i];
    if (opts && strcmp(path, "--") == 0) { opts = false; continue; }
    if (opts && path[0] == '-' && path[1] != '\0') continue;
    size_t len = 0;
    char *buf = read_all(path, &len);
    if (!buf) {
      fprintf(stderr, "cnkg: error: %s: %s\n", path, strerror(errno));
      rc = 1;
      continue;
    }
    CnkgText *t = NULL;
    st = cnkg_intake_text(in, strcmp(path, "-") == 0 ? "-" : path, buf, len,
                          &log, &t);
    free(buf);
    if (st) {
      if (st != CNKG_ERR_TEXT)
        fprintf(stderr, "cnkg: error: %s: %s\n", path, cnkg_strerror(st));
      rc = 1;
      continue;
    }
    print_text(t, map, meta);
    cnkg_text_free(t);
  }
  cnkg_intake_free(in);
  if (fflush(stdout) != 0 || ferror(stdout)) {
    fprintf(stderr, "cnkg: error: writing output: %s\n", strerror(errno));
    rc = 1;
  }
  return rc;
}
