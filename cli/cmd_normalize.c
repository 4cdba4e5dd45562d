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

#include "cli/cliutil.h"
#include "cli/commands.h"
#include "cli/inputs.h"
#include "extractor/intake.h"

static const char USAGE[] =
    "Usage: cnkg normalize [--map] [--meta] [--max-doc-size SIZE] FILE|-...\n"
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
    "  --max-doc-size SIZE  skip (and name) any input larger than SIZE bytes;\n"
    "             K, M, G suffixes (default 64M)\n"
    "  -h, --help show this help\n"
    "\n"
    "Heading sentences are prefixed with '## ', credit lines (bylines, photo\n"
    "credits, sources) with '@ '. A blank line separates paragraphs.\n"
    "Several FILEs are processed in turn. Exit status: 0 ok, 1 an input\n"
    "could not be read or decoded, 2 usage error.\n";

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
  size_t max_doc = CNKG_CLI_DEFAULT_MAX_DOC;
  /* files in order; options may come anywhere before "--" */
  const char **files = calloc((size_t)argc + 1, sizeof *files);
  int n_files = 0;
  if (!files) {
    cnkg_cli_say("cnkg: error: out of memory");
    return 1;
  }
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (opts && strcmp(a, "--") == 0) { opts = false; continue; }
    if (opts && (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0)) {
      free(files);
      return cnkg_cli_help(USAGE);
    }
    if (opts && strcmp(a, "--map") == 0) { map = true; continue; }
    if (opts && strcmp(a, "--meta") == 0) { meta = true; continue; }
    if (opts && (!strcmp(a, "--max-doc-size") || !strncmp(a, "--max-doc-size=", 15))) {
      const char *v = a[14] == '=' ? a + 15 : i + 1 < argc ? argv[++i] : NULL;
      if (!v || cnkg_cli_parse_size(v, &max_doc)) {
        free(files);
        return cnkg_cli_usage_error("normalize", "--max-doc-size takes a size such as 64M, not",
                                    v ? v : "nothing");
      }
      continue;
    }
    if (opts && a[0] == '-' && a[1] != '\0') {
      free(files);
      return cnkg_cli_usage_error("normalize", "unknown option", a);
    }
    files[n_files++] = a;
  }
  if (n_files == 0) {
    free(files);
    return cnkg_cli_usage_error("normalize", "needs a FILE or -", NULL);
  }
  char err[256] = "";
  CnkgIntake *in = NULL;
  CnkgStatus st = cnkg_intake_new(&in, err, sizeof err);
  if (st) {
    cnkg_cli_say("cnkg: error: %s", err[0] ? err : cnkg_strerror(st));
    free(files);
    return 1;
  }
  CnkgCliLog say = {1, "-"};
  CnkgLog log = {cnkg_cli_log, &say};
  int rc = 0;
  for (int i = 0; i < n_files; i++) {
    const char *path = files[i];
    const char *name = strcmp(path, "-") ? path : "(stdin)";
    const char *why = cnkg_cli_not_a_file(path);
    if (why) {
      cnkg_cli_say("cnkg: error: %s: %s", path, why);
      rc = 1;
      continue;
    }
    size_t len = 0;
    char *buf = NULL;
    int rd = cnkg_inputs_read(path, max_doc, &buf, &len);
    if (rd) {
      char lim[32];
      cnkg_cli_format_size(max_doc, lim, sizeof lim);
      if (rd < 0) cnkg_cli_say("cnkg: error: %s: %s", name, strerror(errno));
      else
        cnkg_cli_say("cnkg: error: %s: larger than the document size limit of %s "
                     "(--max-doc-size); skipped", name, lim);
      rc = 1;
      continue;
    }
    CnkgText *t = NULL;
    st = cnkg_intake_text(in, strcmp(path, "-") == 0 ? "-" : path, buf, len,
                          &log, &t);
    free(buf);
    if (st) {
      if (st != CNKG_ERR_TEXT) cnkg_cli_say("cnkg: error: %s: %s", path, cnkg_strerror(st));
      rc = 1;
      continue;
    }
    print_text(t, map, meta);
    cnkg_text_free(t);
  }
  cnkg_intake_free(in);
  free(files);
  if (fflush(stdout) != 0 || ferror(stdout)) {
    cnkg_cli_say("cnkg: error: writing output: %s", strerror(errno));
    rc = 1;
  }
  return rc;
}
