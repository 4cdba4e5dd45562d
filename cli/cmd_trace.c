/* SPDX-License-Identifier: Apache-2.0
 * `cnkg trace GRAPH A B`: the cheapest paths between two entities of a built
 * graph, each step with the sentences and documents that state it; --format
 * dot|svg draws the paths instead. Only parses options and wires
 * store/graphread.h to out/dot.h. Depends on commands.h, cliutil.h,
 * cnkg/output.h. */
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cliutil.h"
#include "cli/commands.h"
#include "cnkg/output.h"
#include "out/dot.h"
#include "store/graphread.h"

static const char usage[] =
    "Usage: cnkg trace [OPTION]... GRAPH A B\n"
    "Print the best paths between entities A and B of GRAPH (Turtle or\n"
    "N-Triples written by cnkg build), each step with the sentences and\n"
    "documents behind it. A and B are names (label or alias) or IRIs.\n"
    "Paths are ranked by cost: containment, post and organisation links\n"
    "(locatedIn, withinDivision, basedIn, holdsPost, postAt, associatedWith)\n"
    "are cheap, links to concepts (hasIndustry, implementsPolicy, concerns,\n"
    "indicator) dear, and passing through an entity with many such links\n"
    "(a policy or industry hub) costs more the more it has.\n"
    "\n"
    "  -f, --format FMT     text (default), dot or svg (draw the paths)\n"
    "      --json           write the paths as one JSON object (text format only)\n"
    "      --via REL,...    use only these relations (e.g. locatedIn,holdsPost)\n"
    "      --avoid NAME,... never pass through these entities\n"
    "  -n, --max-paths N    print at most N paths (default 10)\n"
    "  -e, --evidence N     at most N sentences per step (default 3)\n"
    "  -o, --output FILE    write to FILE instead of stdout\n"
    "  -h, --help           show this help\n"
    "\n"
    "Exit status: 0 paths found, 1 no path, unknown or ambiguous name, or\n"
    "unreadable graph, 2 usage error.\n"
    "Example: cnkg trace out/graph.ttl 陈立远 屏南县\n";

/* Parses "locatedIn,holdsPost" into f->rels; -1 on an unknown name
 * (*bad points at it, NUL-terminated in the copy buf). */
static int parse_via(char *buf, CnkgTraceFilter *f, const char **bad) {
  f->restrict_rels = true;
  for (char *tok = strtok(buf, ","); tok; tok = strtok(NULL, ",")) {
    int r = 0;
    while (r < CNKG_REL_COUNT &&
           (cnkg_rel_is_literal((CnkgRel)r) || strcmp(cnkg_rel_name((CnkgRel)r), tok)))
      r++;
    if (r == CNKG_REL_COUNT) {
      *bad = tok;
      return -1;
    }
    f->rels[r] = true;
  }
  return 0;
}

/* A count from 1 to a million (paths, evidence sentences). */
static int parse_count(const char *s, size_t *n) {
  long v = 0;
  if (cnkg_cli_parse_count(s, 1, 1000000, &v)) return -1;
  *n = (size_t)v;
  return 0;
}
/* What the command line asks for; filter holds --via (avoid is set later,
 * once the graph is read). */
typedef struct {
  const char *format, *output, *avoid;
  bool json;
  size_t max_paths, max_ev;
  CnkgTraceFilter filter;
} TraceArgs;

/* Reads --via into a->filter; -1 to go on, or the exit status (2). */
static int parse_via_option(const char *via, TraceArgs *a) {
  char viabuf[1024];
  const char *bad = NULL;
  if (strlen(via) >= sizeof viabuf || !*via)
    return cnkg_cli_usage_error("trace", "bad --via", via);
  memcpy(viabuf, via, strlen(via) + 1);
  if (parse_via(viabuf, &a->filter, &bad)) {
    cnkg_cli_say("cnkg: error: trace: unknown relation '%s' in --via; known: "
                 "locatedIn, associatedWith, hasIndustry, implementsPolicy, "
                 "holdsPost, postAt, withinDivision, basedIn, concerns, indicator",
                 bad);
    fputs("Try 'cnkg trace --help'.\n", stderr);
    return 2;
  }
  return -1;
}

/* Parses the options and checks the operands; -1 to go on (GRAPH A B at
 * argv[optind]), or the exit status. */
static int parse_args(int argc, char **argv, TraceArgs *a) {
  static const struct option longs[] = {
      {"format", required_argument, NULL, 'f'}, {"max-paths", required_argument, NULL, 'n'},
      {"evidence", required_argument, NULL, 'e'}, {"output", required_argument, NULL, 'o'},
      {"via", required_argument, NULL, 'V'}, {"json", no_argument, NULL, 'J'}, {"avoid", required_argument, NULL, 'A'},
      {"help", no_argument, NULL, 'h'}, {NULL, 0, NULL, 0}};
  const char *via = NULL;
  *a = (TraceArgs){.format = "text", .output = "-", .max_paths = 10, .max_ev = 3};
  int c;
  optind = 1;
  opterr = 0;
  while ((c = getopt_long(argc, argv, "+f:n:e:o:h", longs, NULL)) != -1) {
    switch (c) {
    case 'f': a->format = optarg; break;
    case 'n':
      if (parse_count(optarg, &a->max_paths))
        return cnkg_cli_usage_error("trace", "bad --max-paths", optarg);
      break;
    case 'e':
      if (parse_count(optarg, &a->max_ev))
        return cnkg_cli_usage_error("trace", "bad --evidence", optarg);
      break;
    case 'o': a->output = optarg; break;
    case 'V': via = optarg; break;
    case 'J': a->json = true; break;
    case 'A': a->avoid = optarg; break;
    case 'h': return cnkg_cli_help(usage);
    default:
      return cnkg_cli_usage_error("trace", "unknown or incomplete option",
                                  argv[optind - 1]);
    }
  }
  const char *format = a->format, *output = a->output;
  if (strcmp(format, "text") && strcmp(format, "dot") && strcmp(format, "svg"))
    return cnkg_cli_usage_error("trace", "unknown format", format);
  if (a->json && strcmp(format, "text"))
    return cnkg_cli_usage_error("trace", "--json writes JSON; it cannot be combined with --format",
                                format);
  if (argc - optind != 3)
    return cnkg_cli_usage_error("trace", "expected GRAPH A B", NULL);
  if (!*output) return cnkg_cli_usage_error("trace", "--output needs a file name, not ''", NULL);
  if (cnkg_cli_extension_mismatch(output, format)) {
    cnkg_cli_say("cnkg: error: trace: --output %s names a %s file, but the format is %s",
                 output, cnkg_cli_format_of_name(output), format);
    fputs("Try 'cnkg trace --help'.\n", stderr);
    return 2;
  }
  return via ? parse_via_option(via, a) : -1;
}

/* Reads GRAPH and finds the entities A and B in it; 0, or 1 with the
 * message said (and nothing left to free). */
static int load_ends(const char *path, const char *const names[2], CnkgGraphRead **g,
                     size_t ends[2]) {
  char err[512];
  const char *why = cnkg_cli_not_a_file(path);
  if (why) {
    cnkg_cli_say("cnkg: error: %s: %s; GRAPH is a Turtle or N-Triples file", path, why);
    return 1;
  }
  if (cnkg_graphread_load(path, g, err, sizeof err)) {
    cnkg_cli_say("cnkg: error: %s: %s", path, err);
    return 1;
  }
  for (int i = 0; i < 2; i++)
    if (cnkg_cli_pick_entity(*g, path, names[i], &ends[i])) {
      cnkg_graphread_free(*g);
      *g = NULL;
      return 1;
    }
  return 0;
}

/* Finds the --avoid entities in g and points filter->avoid at them
 * (*avoided, owned by the caller); 0, or 1 with the message said and
 * nothing allocated. */
static int pick_avoided(const CnkgGraphRead *g, const char *path, const char *avoid,
                        CnkgTraceFilter *filter, size_t **avoided) {
  size_t len = strlen(avoid);
  char *buf = malloc(len + 1);
  *avoided = calloc(len + 1, sizeof **avoided);
  if (!buf || !*avoided) {
    free(buf);
    free(*avoided);
    *avoided = NULL;
    cnkg_cli_say("cnkg: error: out of memory");
    return 1;
  }
  memcpy(buf, avoid, len + 1);
  for (char *tok = strtok(buf, ","); tok; tok = strtok(NULL, ","))
    if (cnkg_cli_pick_entity(g, path, tok, &(*avoided)[filter->n_avoid++])) {
      free(buf);
      free(*avoided);
      *avoided = NULL;
      return 1;
    }
  free(buf);
  filter->avoid = *avoided;
  return 0;
}

/* Writes the paths found (rc their search status) to a->output in
 * a->format; the final status, err saying why when it is not 0. */
static CnkgStatus write_paths(const CnkgGraphRead *g, const CnkgTracePath *paths, size_t n_paths,
                              const TraceArgs *a, CnkgStatus rc, char *err, size_t errsz) {
  CnkgOutput *out = NULL;
  if (!rc) rc = cnkg_output_new_file(a->output, &out, err, errsz);
  else snprintf(err, errsz, "%s", cnkg_strerror(rc));
  if (!rc) {
    if (!strcmp(a->format, "text")) {
      rc = a->json ? cnkg_graphread_write_paths_json(g, paths, n_paths, a->max_ev, out)
                   : cnkg_graphread_write_paths(g, paths, n_paths, a->max_ev, out);
    } else {
      CnkgGraph *m = NULL;
      rc = cnkg_graphread_paths_to_graph(g, paths, n_paths, &m);
      CnkgDotOptions dopt;
      cnkg_dot_options_init(&dopt);
      if (!rc) rc = !strcmp(a->format, "dot") ? cnkg_dot_write(m, &dopt, out)
                                              : cnkg_svg_write(m, &dopt, out);
      cnkg_graph_free(m);
    }
    /* a failed writer's output is not closed: freeing it keeps the old file */
    if (!rc) rc = cnkg_output_close(out);
    snprintf(err, errsz, "%s", cnkg_strerror(rc));
  }
  cnkg_output_free(out);
  return rc;
}

int cnkg_cli_trace(int argc, char **argv) {
  TraceArgs a;
  int done = parse_args(argc, argv, &a);
  if (done >= 0) return done;
  const char *path = argv[optind], *na = argv[optind + 1], *nb = argv[optind + 2];

  CnkgGraphRead *g = NULL;
  size_t ends[2];
  const char *const names[2] = {na, nb};
  if (load_ends(path, names, &g, ends)) return 1;
  size_t *avoided = NULL;
  if (a.avoid && pick_avoided(g, path, a.avoid, &a.filter, &avoided)) {
    cnkg_graphread_free(g);
    return 1;
  }
  if (ends[0] == ends[1]) {
    cnkg_cli_say("cnkg: error: %s: '%s' and '%s' name the same entity", path, na, nb);
    free(avoided);
    cnkg_graphread_free(g);
    return 1;
  }
  CnkgTracePath *paths = NULL;
  size_t n_paths = 0;
  CnkgStatus rc = cnkg_graphread_paths(g, ends[0], ends[1], a.max_paths, &a.filter, &paths, &n_paths);
  free(avoided);
  if (rc == CNKG_NOTHING) {
    cnkg_cli_say("cnkg: error: %s: no path between %s and %s", path,
                 cnkg_graphread_label(g, ends[0]), cnkg_graphread_label(g, ends[1]));
    cnkg_graphread_free(g);
    return 1;
  }
  char err[512];
  rc = write_paths(g, paths, n_paths, &a, rc, err, sizeof err);
  cnkg_graphread_paths_free(paths, n_paths);
  cnkg_graphread_free(g);
  if (rc) {
    cnkg_cli_say("cnkg: error: %s: %s", strcmp(a.output, "-") ? a.output : path, err);
    return 1;
  }
  return 0;
}
