/* SPDX-License-Identifier: Apache-2.0
 * Tests the graph reader behind trace/show: the sample graph written as
 * Turtle and N-Triples is read back; names, IRIs and aliases resolve;
 * cheapest paths (one, several, none) come with their evidence; entity
 * text lists facts and mentions; bad and missing files fail cleanly.
 * Depends on store/graphread.h, out/rdf.h, graph.h, output.h, check.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "cnkg/graph.h"
#include "cnkg/output.h"
#include "store/graphread.h"
#include "out/rdf.h"
#include "sample_graph.h"

static char dir[] = "/tmp/cnkg-graphread.XXXXXX";

/* Writes the canonical sample graph to dir/name in format; returns the path
 * (static buffer). */
static const char *write_sample(const char *name, CnkgRdfFormat format) {
  static char path[256];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  CnkgGraph *g = sample_graph(0);
  CHECK(g && !cnkg_graph_canonicalize(g));
  CnkgRdfOptions o;
  cnkg_rdf_options_init(&o);
  o.format = format;
  CnkgOutput *out = NULL;
  char err[256];
  CHECK(!cnkg_output_new_file(path, &out, err, sizeof err));
  CHECK(!cnkg_rdf_write(g, &o, out));
  CHECK(!cnkg_output_close(out));
  cnkg_output_free(out);
  cnkg_graph_free(g);
  return path;
}

static size_t find_one(const CnkgGraphRead *g, const char *name) {
  size_t *found = NULL, n = 0;
  CnkgStatus st = cnkg_graphread_find(g, name, &found, &n);
  CHECK(st == CNKG_SUCCESS && n == 1);
  size_t e = n ? found[0] : SIZE_MAX;
  free(found);
  return e;
}

static void test_roundtrip(const char *path) {
  CnkgGraphRead *g = NULL;
  char err[256];
  CHECK(cnkg_graphread_load(path, &g, err, sizeof err) == CNKG_SUCCESS);
  if (!g) return;
  CHECK(cnkg_graphread_entity_count(g) == 14);

  size_t per = find_one(g, "谢丽君");
  CHECK_STR(cnkg_graphread_class(g, per), "Person");
  /* canonicalisation prefers the longer form as label; the other is an alias */
  CHECK_STR(cnkg_graphread_label(g, per), "谢丽君");
  CHECK(find_one(g, "谢书记\"x\"") == per);
  CHECK(find_one(g, "person/0123456789abcdef") == per);  /* IRI tail */
  CHECK(find_one(g, "https://w3id.org/cnkg/id/person/0123456789abcdef") == per);
  size_t *found = NULL, n = 7;
  CHECK(cnkg_graphread_find(g, "无此人", &found, &n) == CNKG_NOTHING && n == 0 && !found);
  size_t pref = find_one(g, "赤峰市");
  size_t town = find_one(g, "天山镇");
  size_t post = find_one(g, "新平村第一书记");
  size_t org = find_one(g, "organization/0123456789abcdef");
  CHECK_STR(cnkg_graphread_context(g, town), "阿鲁科尔沁旗");

  /* the cheapest path person -> village -> township -> county -> prefecture
   * (dearer detours may follow it) */
  CnkgTracePath *paths = NULL;
  size_t np = 0;
  CHECK(cnkg_graphread_paths(g, per, pref, 10, NULL, &paths, &np) == CNKG_SUCCESS);
  CHECK(np >= 1 && paths[0].n_steps == 4);
  if (np >= 1 && paths[0].n_steps == 4) {
    CHECK(paths[0].steps[0].from == per && paths[0].steps[0].forward);
    CHECK(paths[0].steps[3].to == pref);
    for (size_t k = 1; k < 4; k++) CHECK(paths[0].steps[k].from == paths[0].steps[k - 1].to);
  }
  CnkgOutput *out = NULL;
  CHECK(!cnkg_output_new_memory(&out));
  CHECK(!cnkg_graphread_write_paths(g, paths, np ? 1 : 0, 3, out)); /* the cheapest */
  size_t len;
  const char *text = cnkg_output_memory(out, &len);
  CHECK(strstr(text, "Path 1 of 1 (4 steps)") != NULL);
  CHECK(strstr(text, "谢丽君 (Person) -associatedWith-> 新平村 (Village)") != NULL);
  CHECK(strstr(text, "\"谢丽君是新平村第一书记。") != NULL);
  CHECK(strstr(text, "-- a.txt, characters 0-42") != NULL);
  /* the prefecture's own locatedIn has no evidence; the last step does */
  cnkg_output_free(out);
  CnkgGraph *m = NULL;
  CHECK(cnkg_graphread_paths_to_graph(g, paths, np ? 1 : 0, &m) == CNKG_SUCCESS);
  CHECK(m && cnkg_graph_entity_count(m) == 5 && cnkg_graph_relation_count(m) == 4);
  if (m && cnkg_graph_relation_count(m))
    CHECK(cnkg_graph_relation(m, 0)->n_evidence == 1);
  cnkg_graph_free(m);
  cnkg_graphread_paths_free(paths, np);

  /* reversed: same edges walked backwards */
  CHECK(cnkg_graphread_paths(g, pref, per, 10, NULL, &paths, &np) == CNKG_SUCCESS);
  CHECK(np >= 1 && paths[0].n_steps == 4 && !paths[0].steps[0].forward);
  cnkg_graphread_paths_free(paths, np);

  /* 2-step paths post -> org via the village and via the person; the one
   * through the person (who has dear links) may cost over twice the
   * cheapest and be dropped, but the cheapest has two steps and comes first */
  CHECK(cnkg_graphread_paths(g, post, org, 10, NULL, &paths, &np) == CNKG_SUCCESS);
  CHECK(np >= 1 && paths[0].n_steps == 2);
  CHECK(np < 2 || cnkg_graphread_path_cost(g, &paths[0]) <= cnkg_graphread_path_cost(g, &paths[1]));
  cnkg_graphread_paths_free(paths, np);
  CHECK(cnkg_graphread_paths(g, post, org, 1, NULL, &paths, &np) == CNKG_SUCCESS && np == 1);
  cnkg_graphread_paths_free(paths, np);
  CHECK(cnkg_graphread_paths(g, per, per, 10, NULL, &paths, &np) == CNKG_ERR_ARG);

  /* entity as JSON: the alias's quote escaped, facts both ways, mentions */
  CHECK(!cnkg_output_new_memory(&out));
  CHECK(!cnkg_graphread_write_entity_json(g, per, 3, out));
  text = cnkg_output_memory(out, &len);
  CHECK(strstr(text, "{\"entity\": {\"iri\": \"https://w3id.org/cnkg/id/person/0123456789abcdef\"") == text);
  CHECK(strstr(text, "\"also_called\": [\"谢书记\\\"x\\\"\"]") != NULL);
  CHECK(strstr(text, "\"relation\": \"holdsPost\", \"direction\": \"out\"") != NULL);
  CHECK(strstr(text, "\"mentions\": [\n  {\"text\": \"谢丽君\", \"document\": \"a.txt\", \"begin\": 40, \"end\": 43}]}\n") != NULL);
  cnkg_output_free(out);

  /* entity text: facts both ways, evidence, mentions */
  CHECK(!cnkg_output_new_memory(&out));
  CHECK(!cnkg_graphread_write_entity(g, per, 3, out));
  text = cnkg_output_memory(out, &len);
  CHECK(strstr(text, "谢丽君 (Person)\n  IRI: https://w3id.org/cnkg/id/person/0123456789abcdef\n") == text);
  CHECK(strstr(text, "also called: 谢书记\"x\"") != NULL);
  CHECK(strstr(text, "-title-> \"第一书记\"") != NULL);
  CHECK(strstr(text, "-holdsPost-> 新平村第一书记 (Post)") != NULL);
  CHECK(strstr(text, "Mentions: 1\n  \"谢丽君\" -- a.txt, characters 40-43\n") != NULL);
  cnkg_output_free(out);
  CHECK(!cnkg_output_new_memory(&out));
  CHECK(!cnkg_graphread_write_entity(g, town, 3, out));
  text = cnkg_output_memory(out, &len);
  CHECK(strstr(text, "<-locatedIn- 新平村 (Village)") != NULL);
  cnkg_output_free(out);
  cnkg_graphread_free(g);
}

static void test_no_path_and_errors(void) {
  char path[300];
  snprintf(path, sizeof path, "%s/two.ttl", dir);
  FILE *f = fopen(path, "w");
  CHECK(f != NULL);
  if (!f) return;
  fputs("@prefix cnkg: <https://w3id.org/cnkg/ontology#> .\n"
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
        "<http://x/a> a cnkg:Person ; rdfs:label \"甲\"@zh .\n"
        "<http://x/b> a cnkg:Person ; rdfs:label \"乙\"@zh .\n"
        "<http://x/c> a cnkg:Person ; rdfs:label \"乙\"@zh .\n", f);
  fclose(f);
  CnkgGraphRead *g = NULL;
  char err[256];
  CHECK(cnkg_graphread_load(path, &g, err, sizeof err) == CNKG_SUCCESS);
  if (g) {
    size_t *found = NULL, n = 0;
    CHECK(cnkg_graphread_find(g, "乙", &found, &n) == CNKG_SUCCESS && n == 2);
    if (n == 2) CHECK_STR(cnkg_graphread_iri(g, found[0]), "http://x/b");
    free(found);
    size_t a = find_one(g, "甲"), b = find_one(g, "http://x/b");
    CnkgTracePath *paths = NULL;
    size_t np = 9;
    CHECK(cnkg_graphread_paths(g, a, b, 10, NULL, &paths, &np) == CNKG_NOTHING && !paths && !np);
    cnkg_graphread_free(g);
  }
  f = fopen(path, "w");
  CHECK(f != NULL);
  if (!f) return;
  fputs("<http://x/a> <http://x/p> <http://x/o> .\n<http://x/a> <http://x/p> .\n", f);
  fclose(f);
  g = NULL;
  CHECK(cnkg_graphread_load(path, &g, err, sizeof err) == CNKG_ERR_TEXT && !g);
  CHECK(strstr(err, "line 2") != NULL);
  unlink(path);
  CHECK(cnkg_graphread_load(path, &g, err, sizeof err) == CNKG_ERR_READ && !g);
  CHECK(strstr(err, "cannot read graph") != NULL);
  cnkg_graphread_free(NULL);
}

int main(void) {
  if (!mkdtemp(dir)) return 1;
  const char *ttl = write_sample("g.ttl", CNKG_RDF_TURTLE);
  test_roundtrip(ttl);
  unlink(ttl);
  const char *nt = write_sample("g.nt", CNKG_RDF_NTRIPLES);
  test_roundtrip(nt);
  unlink(nt);
  test_no_path_and_errors();
  rmdir(dir);
  return check_finish();
}
