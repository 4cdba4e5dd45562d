/* SPDX-License-Identifier: Apache-2.0
 * `cnkg merge`: option parsing and wiring only. Reads shard graphs (built
 * separately over disjoint documents) back into one model with store/merge.h,
 * canonicalises it and writes it through the same writers as `cnkg build`,
 * so the result equals one run over all the documents. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/cliutil.h"
#include "cli/commands.h"
#include "cli/writers.h"
#include "cnkg/careers.h"
#include "cnkg/graph.h"
#include "store/merge.h"

static const char merge_usage[] =
  "Usage: cnkg merge [OPTION]... GRAPH...\n"
  "Merge graphs that `cnkg build` wrote for separate sets of documents into\n"
  "the graph one build over all of them writes: labels, aliases, division-list\n"
  "flags and mentions are settled again over all shards, not just unioned.\n"
  "\n"
  "GRAPH is a Turtle file, an N-Triples file (.nt) or - (N-Triples on standard\n"
  "input), written with --provenance full (the default) and the same --base.\n"
  "\n"
  "Options:\n"
  "  -f, --format F      turtle, ntriples, jsonld, dot, svg, html, csv or graphml;\n"
  "                      repeatable or comma-separated (default: turtle)\n"
  "  -o, --output PATH   with one format: the file to write (default - for stdout);\n"
  "                      otherwise a directory receiving graph.ttl, graph.nt, ...\n"
  "      --base IRI      base IRI of the shards' instances (default " CNKG_DEFAULT_BASE ")\n"
  "      --provenance L  none, entities or full (default full) for the output\n"
  "  -h, --help          show this help\n"
  "\n"
  "Exit status: 0 success; 1 a graph could not be read or the output written;\n"
  "2 usage error.\n"
  "\n"
  "Example: cnkg merge -f ntriples -o all.nt shard1.nt shard2.nt\n";

int cnkg_cli_merge(int argc, char **argv) {
  static const struct option longopts[] = {
    {"format", required_argument, NULL, 'f'},
    {"output", required_argument, NULL, 'o'},
    {"base", required_argument, NULL, 'B'},
    {"provenance", required_argument, NULL, 'P'},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0}};
  CnkgWriteOptions wopt;
  cnkg_write_options_init(&wopt);
  const char *output = NULL;
  int c, rc = 0;
  opterr = 0;
  while ((c = getopt_long(argc, argv, ":f:o:h", longopts, NULL)) != -1) {
    switch (c) {
    case 'f': {
      const char *bad = NULL;
      if (cnkg_write_options_add_formats(&wopt, optarg, &bad) != 0)
        rc = cnkg_cli_usage_error(
            "merge", "unknown format (turtle, ntriples, jsonld, dot, svg, html, csv, graphml):", bad);
      break;
    }
    case 'o': output = optarg; break;
    case 'B':
      if (cnkg_write_options_set_base(&wopt, optarg) != 0)
        rc = cnkg_cli_usage_error(
            "merge", "--base needs an absolute ASCII IRI ending in / or #:",
            optarg);
      break;
    case 'P':
      if (cnkg_write_options_set_provenance(&wopt, optarg) != 0)
        rc = cnkg_cli_usage_error(
            "merge", "--provenance takes none, entities or full, not", optarg);
      break;
    case 'h':
      cnkg_write_options_clear(&wopt);
      return cnkg_cli_help(merge_usage);
    case ':':
      rc = cnkg_cli_usage_error("merge", "option needs an argument:",
                                argv[optind - 1]);
      break;
    default:
      rc = cnkg_cli_usage_error("merge", "unknown option:", argv[optind - 1]);
      break;
    }
    if (rc) break;
  }
  if (!rc && optind >= argc)
    rc = cnkg_cli_usage_error("merge", "no GRAPH given", NULL);
  if (!rc && wopt.n_formats == 0) cnkg_write_options_add_format(&wopt, "turtle");
  cnkg_write_options_settle(&wopt, true);
  if (!rc && output && !*output)
    rc = cnkg_cli_usage_error("merge", "--output needs a file or directory name, not ''", NULL);
  for (int f = 0; !rc && output && !wopt.output_is_dir && f < CNKG_FMT_COUNT; f++)
    if (wopt.formats[f] && cnkg_cli_extension_mismatch(output, cnkg_format_name((CnkgFormat)f))) {
      cnkg_cli_say("cnkg: error: merge: --output %s names a %s file, but the format is %s; "
                   "give a name ending in .%s (or none of the known extensions)", output,
                   cnkg_cli_format_of_name(output), cnkg_format_name((CnkgFormat)f),
                   cnkg_format_extension((CnkgFormat)f));
      fputs("Try 'cnkg merge --help'.\n", stderr);
      rc = 2;
    }
  if (!output) output = wopt.output_is_dir ? "graph" : "-";
  if (!rc && wopt.formats[CNKG_FMT_CSV] && !strcmp(output, "-"))
    rc = cnkg_cli_usage_error("merge", "csv writes two files (nodes.csv, edges.csv): --output is a directory, not", "-");
  if (!rc && wopt.output_is_dir && !strcmp(output, "-"))
    rc = cnkg_cli_usage_error("merge", "--output - needs exactly one --format",
                              NULL);
  if (rc) {
    cnkg_write_options_clear(&wopt);
    return rc;
  }

  CnkgGraph *graph = cnkg_graph_new();
  char err[1024];
  if (!graph) {
    cnkg_cli_say("cnkg: error: out of memory");
    rc = 1;
  }
  /* Any unreadable shard fails the merge: a partial graph is not the graph
   * one run would give. */
  for (int i = optind; !rc && i < argc; i++) {
    const char *why = cnkg_cli_not_a_file(argv[i]);
    if (why) {
      cnkg_cli_say("cnkg: error: %s: %s; GRAPH is a Turtle or N-Triples file", argv[i], why);
      rc = 1;
    } else if (cnkg_merge_read(graph, argv[i], false, wopt.base, err, sizeof err)) {
      cnkg_cli_say("cnkg: error: %s: %s", argv[i], err);
      rc = 1;
    }
  }
  CnkgStatus s = CNKG_SUCCESS;
  if (!rc && ((s = cnkg_careers_link(graph)) || (s = cnkg_graph_canonicalize(graph)))) {
    cnkg_cli_say("cnkg: error: %s", cnkg_strerror(s));
    rc = 1;
  }
  if (!rc && cnkg_write_graph(graph, &wopt, output, err, sizeof err) != 0) {
    cnkg_cli_say("cnkg: error: %s", err);
    rc = 1;
  }
  cnkg_graph_free(graph);
  cnkg_write_options_clear(&wopt);
  return rc;
}
