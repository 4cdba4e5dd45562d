/* SPDX-License-Identifier: Apache-2.0
 * `cnkg show GRAPH NAME`: everything a built graph says about one entity,
 * with the sentences and documents behind each fact and its mentions; also
 * the name lookup shared with `cnkg trace` (candidates listed on
 * ambiguity). Only parses options; the reading is store/graphread.h. */
#include <getopt.h>
#include <stdbool.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cliutil.h"
#include "cli/commands.h"
#include "cnkg/output.h"
#include "store/graphread.h"

static const char usage[] =
    "Usage: cnkg show [OPTION]... GRAPH NAME\n"
    "Print one entity of GRAPH (Turtle or N-Triples written by cnkg build):\n"
    "its names and codes, its facts in both directions with the sentences and\n"
    "documents behind them, and its mentions. NAME is a label, an alias, an\n"
    "IRI or the IRI's tail (e.g. place/522127).\n"
    "\n"
    "  -e, --evidence N     at most N sentences per fact (default 3)\n"
    "      --json           write one JSON object instead of text\n"
    "  -h, --help           show this help\n"
    "\n"
    "Exit status: 0 ok, 1 unknown or ambiguous name or unreadable graph,\n"
    "2 usage error.\n"
    "Example: cnkg show out/graph.ttl 陈立远\n";

int cnkg_cli_pick_entity(const CnkgGraphRead *g, const char *path,
                         const char *name, size_t *entity) {
  size_t *found = NULL, n = 0;
  CnkgStatus rc = cnkg_graphread_find(g, name, &found, &n);
  if (rc == CNKG_NOTHING) {
    /* the graph's names are Simplified: 陳立遠 is found as 陈立远 */
    char *folded = cnkg_cli_fold_name(name);
    if (folded) rc = cnkg_graphread_find(g, folded, &found, &n);
    free(folded);
  }
  if (rc == CNKG_NOTHING) {
    cnkg_cli_say("cnkg: error: %s: no entity named '%s'", path, name);
    return -1;
  }
  if (rc) {
    cnkg_cli_say("cnkg: error: %s: %s", path, cnkg_strerror(rc));
    return -1;
  }
  if (n > 1) {
    cnkg_cli_say("cnkg: error: %s: '%s' is ambiguous; %zu candidates:", path, name, n);
    for (size_t i = 0; i < n; i++) {
      const char *ctx = cnkg_graphread_context(g, found[i]);
      cnkg_cli_say("  %s (%s%s%s) %s", cnkg_graphread_label(g, found[i]),
                   cnkg_graphread_class(g, found[i]), ctx ? ", " : "", ctx ? ctx : "",
                   cnkg_graphread_iri(g, found[i]));
    }
    fputs("Name one by its IRI.\n", stderr);
    free(found);
    return -1;
  }
  *entity = found[0];
  free(found);
  return 0;
}

int cnkg_cli_show(int argc, char **argv) {
  static const struct option longs[] = {{"evidence", required_argument, NULL, 'e'},
                                          {"json", no_argument, NULL, 'J'},
                                        {"help", no_argument, NULL, 'h'},
                                        {NULL, 0, NULL, 0}};
  size_t max_ev = 3;
  bool json = false;
  int c;
  optind = 1;
  opterr = 0;
  while ((c = getopt_long(argc, argv, "+e:h", longs, NULL)) != -1) {
    long n = 0;
    switch (c) {
    case 'e':
      if (cnkg_cli_parse_count(optarg, 1, LONG_MAX, &n))
        return cnkg_cli_usage_error("show", "bad --evidence", optarg);
      max_ev = (size_t)n;
      break;
    case 'J': json = true; break;
    case 'h': return cnkg_cli_help(usage);
    default:
      return cnkg_cli_usage_error("show", "unknown or incomplete option", argv[optind - 1]);
    }
  }
  if (argc - optind != 2)
    return cnkg_cli_usage_error("show", "expected GRAPH NAME", NULL);
  const char *path = argv[optind], *name = argv[optind + 1];
  char err[512];
  CnkgGraphRead *g = NULL;
  const char *why = cnkg_cli_not_a_file(path);
  if (why) {
    cnkg_cli_say("cnkg: error: %s: %s; GRAPH is a Turtle or N-Triples file", path, why);
    return 1;
  }
  if (cnkg_graphread_load(path, &g, err, sizeof err)) {
    cnkg_cli_say("cnkg: error: %s: %s", path, err);
    return 1;
  }
  size_t e;
  if (cnkg_cli_pick_entity(g, path, name, &e)) {
    cnkg_graphread_free(g);
    return 1;
  }
  CnkgOutput *out = NULL;
  CnkgStatus rc = cnkg_output_new_stream(stdout, &out);
  if (!rc) rc = json ? cnkg_graphread_write_entity_json(g, e, max_ev, out)
                : cnkg_graphread_write_entity(g, e, max_ev, out);
  CnkgStatus crc = out ? cnkg_output_close(out) : CNKG_SUCCESS;
  if (!rc) rc = crc;
  cnkg_output_free(out);
  cnkg_graphread_free(g);
  if (rc) {
    cnkg_cli_say("cnkg: error: -: %s", cnkg_strerror(rc));
    return 1;
  }
  return 0;
}
