/* SPDX-License-Identifier: Apache-2.0
 * cnkg's entry point: dispatches `cnkg COMMAND [OPTION]... [INPUT]...` to
 * the subcommands in cli/; handles --help and --version. Only cli/ writes
 * to stdout/stderr. */
#include <stdio.h>
#include <string.h>

#include "cli/cliutil.h"
#include "cli/commands.h"

static const char usage[] =
  "Usage: cnkg COMMAND [OPTION]... [INPUT]...\n"
  "Build a knowledge graph (RDF, DOT) from Chinese news and report text.\n"
  "\n"
  "Commands:\n"
  "  build       extract entities and relations from documents, write the graph\n"
  "  normalize   print the cleaned, normalised text the extractor sees\n"
  "  lex         word segmentation, POS and entity tags (LAC model)\n"
  "  query       run SPARQL (or a named question) over built graph files\n"
  "  trace       shortest paths between two entities, with their sentences\n"
  "  show        one entity's facts and mentions, with their sources\n"
  "  merge       merge graphs built from separate documents into one graph\n"
  "\n"
  "Options:\n"
  "  -h, --help     show this help (or `cnkg COMMAND --help`)\n"
  "      --version  show the version\n"
  "\n"
  "Exit status: 0 success, 1 some input could not be processed, 2 usage error.\n"
  "Example: cnkg build --format turtle --output - article.txt\n";

typedef struct {
  const char *name;
  int (*run)(int argc, char **argv);
} Command;

static const Command commands[] = {
  {"build", cnkg_cli_build},
  {"normalize", cnkg_cli_normalize},
  {"lex", cnkg_cli_lex},
  {"query", cnkg_cli_query},
  {"trace", cnkg_cli_trace},
  {"show", cnkg_cli_show},
  {"merge", cnkg_cli_merge},
};

int main(int argc, char **argv) {
  if (argc < 2) {
    fputs(usage, stderr);
    return 2;
  }
  const char *cmd = argv[1];
  if (!strcmp(cmd, "-h") || !strcmp(cmd, "--help") || !strcmp(cmd, "help"))
    return cnkg_cli_help(usage);
  if (!strcmp(cmd, "--version")) return cnkg_cli_help("cnkg " CNKG_VERSION "\n");
  /* Before any output file is opened: a kill removes its temporaries. */
  cnkg_cli_catch_signals();
  for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
    if (!strcmp(cmd, commands[i].name)) return commands[i].run(argc - 1, argv + 1);
  cnkg_cli_say("cnkg: error: unknown command '%s'", cmd);
  fputs("Try 'cnkg --help'.\n", stderr);
  return 2;
}
