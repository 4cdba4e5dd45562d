/* SPDX-License-Identifier: Apache-2.0
 * Scale benchmark of the RDF writers: builds a synthetic canonical graph of
 * about N million triples (people in villages, each with a mention and an
 * evidenced relation) and writes it as Turtle, N-Triples or DOT, printing
 * time and peak RSS before and after writing. Links cnkg_lib; compiled by
 * bench/scale. */
#define _POSIX_C_SOURCE 200809L
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cnkg/graph.h"
#include "cnkg/output.h"
#include "cnkg/text.h"
#include "out/dot.h"
#include "out/rdf.h"

/* Peak resident set (VmHWM) in MiB, from /proc; 0 when unknown. */
static double peak_mib(void) {
  FILE *f = fopen("/proc/self/status", "r");
  char line[256];
  double kb = 0;
  while (f && fgets(line, sizeof line, f))
    if (!strncmp(line, "VmHWM:", 6)) kb = strtod(line + 6, NULL);
  if (f) fclose(f);
  return kb / 1024.0;
}

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static int fail(const char *what, CnkgStatus st) {
  fprintf(stderr, "scale: %s: %s\n", what, cnkg_strerror(st));
  return 1;
}

/* About 21 triples per person at full provenance: type, label, alias,
 * mentionedIn; a 6-triple mention; associatedWith and its 10-triple
 * evidence. */
int main(int argc, char **argv) {
  if (argc != 4) {
    fprintf(stderr, "usage: scale MILLION_TRIPLES turtle|ntriples|dot OUTPUT|-\n");
    return 2;
  }
  double millions = strtod(argv[1], NULL);
  CnkgRdfOptions opt;
  cnkg_rdf_options_init(&opt);
  bool dot = strcmp(argv[2], "dot") == 0;
  if (!dot && cnkg_rdf_format_from_name(argv[2], &opt.format)) return 2;
  size_t people = (size_t)(millions * 1e6 / 21.0);
  size_t n_docs = people / 200 + 1, n_villages = people / 50 + 1;

  double t0 = now();
  CnkgGraph *g = cnkg_graph_new();
  if (!g) return fail("graph", CNKG_ERR_NOMEM);
  CnkgStatus st = CNKG_SUCCESS;
  char key[64], label[64], hex[65];
  size_t *docs = malloc(n_docs * sizeof *docs);
  size_t *villages = malloc(n_villages * sizeof *villages);
  if (!docs || !villages) return fail("docs", CNKG_ERR_NOMEM);
  for (size_t i = 0; i < n_docs && !st; i++) {
    snprintf(label, sizeof label, "d%zu.txt", i);
    cnkg_sha256_hex(label, strlen(label), hex);
    snprintf(key, sizeof key, "doc/%.16s", hex);
    CnkgDocument d = {key, label, hex, "标题", "记者", NULL, "新华社", 5000, NULL};
    st = cnkg_graph_add_document(g, &d, &docs[i]);
  }
  for (size_t i = 0; i < n_villages && !st; i++) {
    snprintf(key, sizeof key, "place/%012zu", 520000000000u + i);
    snprintf(label, sizeof label, "第%zu村", i);
    st = cnkg_graph_add_entity(g, key, CNKG_TYPE_VILLAGE, label, &villages[i]);
  }
  for (size_t i = 0; i < people && !st; i++) {
    snprintf(label, sizeof label, "张%zu", i);
    char *k = cnkg_graph_key_hash(CNKG_TYPE_PERSON, label, NULL);
    if (!k) return fail("key", CNKG_ERR_NOMEM);
    size_t e, doc = docs[i % n_docs], begin = (i / n_docs) * 10;
    st = cnkg_graph_add_entity(g, k, CNKG_TYPE_PERSON, label, &e);
    free(k);
    if (!st) st = cnkg_graph_add_alias(g, e, "张书记");
    if (!st) st = cnkg_graph_add_mention(g, e, doc, begin, begin + 4, label);
    CnkgEvidence ev = {doc, begin, begin + 30, "张书记在村里带领群众种植猕猴桃。"};
    if (!st)
      st = cnkg_graph_add_relation(g, e, CNKG_REL_ASSOCIATED_WITH,
                                   villages[i % n_villages], NULL, &ev);
  }
  if (!st) st = cnkg_graph_canonicalize(g);
  if (st) return fail("build", st);
  double t1 = now(), rss_graph = peak_mib();

  /* A plain stream: an atomic file output would rename over /dev/null. */
  FILE *f = strcmp(argv[3], "-") ? fopen(argv[3], "wb") : stdout;
  CnkgOutput *out = NULL;
  if (!f) return fail(argv[3], CNKG_ERR_WRITE);
  if ((st = cnkg_output_new_stream(f, &out))) return fail(argv[3], st);
  if (dot) {
    CnkgDotOptions dopt;
    cnkg_dot_options_init(&dopt);
    st = cnkg_dot_write(g, &dopt, out);
  } else {
    st = cnkg_rdf_write(g, &opt, out);
  }
  CnkgStatus cs = cnkg_output_close(out);
  cnkg_output_free(out);
  if (fflush(f) || (f != stdout && fclose(f))) cs = CNKG_ERR_WRITE;
  if (st || cs) return fail("write", st ? st : cs);
  double t2 = now(), rss_write = peak_mib();
  fprintf(stderr, "%s: %zu people, %zu entities, %zu relations: graph %.1f s, peak %.0f MiB;"
         " write %.1f s, peak %.0f MiB (+%.0f MiB for writing)\n",
         argv[2], people, cnkg_graph_entity_count(g), cnkg_graph_relation_count(g),
         t1 - t0, rss_graph, t2 - t1, rss_write, rss_write - rss_graph);
  cnkg_graph_free(g);
  free(docs);
  free(villages);
  return 0;
}
