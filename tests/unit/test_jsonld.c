/* SPDX-License-Identifier: Apache-2.0
 * Tests the JSON-LD layout (out/jsonld.h) and the RDF writer's JSON-LD
 * format: the embedded context is ontology/context.jsonld byte for byte
 * (default base); a subject's statements form one node object, grouped by
 * predicate even when they come apart; IRIs are compacted with the
 * prefixes, the base included, also a base ending in '#'; literals keep
 * language and datatype; strings are escaped; identical bytes for any
 * merge order; /dev/full fails. Depends on out/jsonld.h, out/rdf.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "cnkg/graph.h"
#include "cnkg/output.h"
#include "out/jsonld.h"
#include "out/rdf.h"
#include "out_fixture.h"

static char *page(const CnkgGraph *g, const char *base) {
  CnkgOutput *out = NULL;
  CHECK(!cnkg_output_new_memory(&out));
  CnkgRdfOptions o;
  cnkg_rdf_options_init(&o);
  o.format = CNKG_RDF_JSONLD;
  o.base = base;
  o.threads = 4; /* JSON-LD is written in one part whatever this says */
  CHECK(cnkg_rdf_write(g, &o, out) == CNKG_SUCCESS);
  return fixture_output_take(out);
}

static void test_layout(void) {
  CnkgOutput *out = NULL;
  CHECK(!cnkg_output_new_memory(&out));
  CnkgJsonld *jl = NULL;
  CHECK(!cnkg_jsonld_new(out, "http://ex.org/kg#", &jl));
  const char *s1 = "http://ex.org/kg#a", *s2 = "http://ex.org/kg#b";
  CnkgJsonldTerm type = {"https://w3id.org/cnkg/ontology#Village", 38, true, NULL, NULL};
  CnkgJsonldTerm lab = {"新\"村\"\n", 9, false, "zh", NULL};
  CnkgJsonldTerm num = {"7", 1, false, NULL, "http://www.w3.org/2001/XMLSchema#nonNegativeInteger"};
  CnkgJsonldTerm str = {"x\\y", 3, false, NULL, NULL};
  CnkgJsonldTerm far = {"urn:x:1", 7, true, NULL, NULL};
  const char *rdf_type = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
  const char *label = "http://www.w3.org/2000/01/rdf-schema#label";
  CHECK(!cnkg_jsonld_add(jl, s1, rdf_type, &type));
  CHECK(!cnkg_jsonld_add(jl, s1, label, &lab));
  CHECK(!cnkg_jsonld_add(jl, s1, "https://w3id.org/cnkg/ontology#code", &str));
  CHECK(!cnkg_jsonld_add(jl, s1, label, &lab)); /* apart from the first */
  CHECK(!cnkg_jsonld_add(jl, s2, "http://ex.org/other/p", &num));
  CHECK(!cnkg_jsonld_add(jl, s2, "https://w3id.org/cnkg/ontology#locatedIn", &far));
  CHECK(!cnkg_jsonld_finish(jl));
  cnkg_jsonld_free(jl);
  char *t = fixture_output_take(out);
  CHECK(t && strstr(t, "\"cnkgid\": \"http://ex.org/kg#\"\n  },\n  \"@graph\": [\n"));
  CHECK(t && strstr(t, "\n{\"@id\":\"cnkgid:a\",\"@type\":\"cnkg:Village\",\"rdfs:label\":["
                       "{\"@value\":\"新\\\"村\\\"\\u000a\",\"@language\":\"zh\"},"
                       "{\"@value\":\"新\\\"村\\\"\\u000a\",\"@language\":\"zh\"}],"
                       "\"cnkg:code\":\"x\\\\y\"},\n"));
  CHECK(t && strstr(t, "{\"@id\":\"cnkgid:b\",\"http://ex.org/other/p\":{\"@value\":\"7\","
                       "\"@type\":\"xsd:nonNegativeInteger\"},\"cnkg:locatedIn\":{\"@id\":\"urn:x:1\"}}\n  ]\n}\n"));
  free(t);
}

int main(void) {
  test_layout();
  /* the context cnkg embeds is the one it ships */
  const char *src = check_env("CNKG_SOURCE_DIR", "..");
  char path[1024];
  snprintf(path, sizeof path, "%s/ontology/context.jsonld", src);
  size_t len;
  char *shipped = check_read_file(path, &len);
  if (!shipped) SKIP("ontology/context.jsonld not found (set CNKG_SOURCE_DIR)");
  CnkgOutput *out = NULL;
  CHECK(!cnkg_output_new_memory(&out));
  cnkg_jsonld_write_context(out, CNKG_RDF_DEFAULT_BASE);
  char *ctx = fixture_output_take(out);
  CHECK(ctx && !strcmp(ctx, shipped));
  free(ctx);

  CnkgGraph *a = sample_graph(0), *b = sample_graph(1);
  CnkgGraph *ab = cnkg_graph_new(), *ba = cnkg_graph_new();
  CHECK(!cnkg_graph_merge(ab, a) && !cnkg_graph_merge(ab, b) && !cnkg_graph_canonicalize(ab));
  CHECK(!cnkg_graph_merge(ba, b) && !cnkg_graph_merge(ba, a) && !cnkg_graph_canonicalize(ba));
  char *p1 = page(ab, NULL), *p2 = page(ba, NULL);
  CHECK(p1 && p2 && !strcmp(p1, p2));
  /* the document starts with the shipped context, indented one level */
  CHECK(p1 && !strncmp(p1, "{\n  \"@context\": {\n    \"cnkg\": \"https://w3id.org/cnkg/ontology#\",", 64));
  CHECK(p1 && strstr(p1, "\n{\"@id\":\"cnkgid:person/0123456789abcdef\",\"@type\":\"cnkg:Person\","));
  CHECK(p1 && strstr(p1, "\"cnkg:title\":{\"@value\":\"第一书记\",\"@language\":\"zh\"}"));
  free(p1);
  free(p2);
  FILE *full = fopen("/dev/full", "w");
  if (full) {
    CnkgOutput *fo = NULL;
    CHECK(!cnkg_output_new_stream(full, &fo));
    CnkgRdfOptions o;
    cnkg_rdf_options_init(&o);
    o.format = CNKG_RDF_JSONLD;
    CnkgStatus st = cnkg_rdf_write(ab, &o, fo);
    if (!st) st = cnkg_output_close(fo);
    CHECK(st == CNKG_ERR_WRITE);
    cnkg_output_free(fo);
    fclose(full);
  }
  free(shipped);
  cnkg_graph_free(a);
  cnkg_graph_free(b);
  cnkg_graph_free(ab);
  cnkg_graph_free(ba);
  return check_finish();
}
