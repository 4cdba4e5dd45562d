/* SPDX-License-Identifier: Apache-2.0
 * Tests the RDF writer: Turtle and N-Triples parse with rapper to the same
 * triples (nasty strings included), no blank nodes, merge order does not
 * change a byte, options (base, provenance) and /dev/full failing.
 * Depends on out/rdf.h, out_fixture.h; rapper for round trips. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "cnkg/graph.h"
#include "cnkg/output.h"
#include "out/rdf.h"
#include "out_fixture.h"

/* Writes graph with opts into a new malloc'd string (NULL on failure). */
static char *render(const CnkgGraph *g, const CnkgRdfOptions *opts,
                    CnkgStatus *status) {
  CnkgOutput *o = NULL;
  if (cnkg_output_new_memory(&o)) return NULL;
  *status = cnkg_rdf_write(g, opts, o);
  return fixture_output_take(o);
}

static bool have_rapper(void) {
  return system("rapper --version >/dev/null 2>&1") == 0;
}

static bool save(const char *path, const char *text) {
  FILE *f = fopen(path, "wb");
  if (!f) return false;
  fputs(text, f);
  return fclose(f) == 0;
}

/* rapper's sorted N-Triples of a file, as a new string (or NULL). */
static char *rapper_sorted(const char *path, const char *syntax) {
  char cmd[4096], out[1024];
  snprintf(out, sizeof out, "%s.sorted", path);
  snprintf(cmd, sizeof cmd,
           "rapper -q -i %s -o ntriples '%s' | LC_ALL=C sort > '%s'", syntax,
           path, out);
  if (system(cmd) != 0) return NULL;
  size_t len;
  char *text = check_read_file(out, &len);
  unlink(out);
  return text;
}

static size_t count_lines(const char *s) {
  size_t n = 0;
  for (; s && *s; s++) n += *s == '\n';
  return n;
}

static void test_round_trip(void) {
  CnkgGraph *g = fixture_merged(0);
  CnkgRdfOptions opt;
  cnkg_rdf_options_init(&opt);
  CnkgStatus st;
  char *ttl = render(g, &opt, &st);
  CHECK_EQ(st, CNKG_SUCCESS);
  opt.format = CNKG_RDF_NTRIPLES;
  char *nt = render(g, &opt, &st);
  CHECK_EQ(st, CNKG_SUCCESS);
  CHECK(ttl && nt);
  if (!ttl || !nt) return;
  CHECK(strstr(ttl, "@prefix cnkg: <https://w3id.org/cnkg/ontology#>") != NULL);
  CHECK(strstr(ttl, "_:") == NULL);
  CHECK(strstr(nt, "_:") == NULL);
  CHECK(strstr(ttl, "\"谢丽君\"@zh") != NULL);
  CHECK(strstr(ttl, "<https://w3id.org/cnkg/id/place/150421>") != NULL);
  CHECK(strstr(ttl, "cnkg:code \"150421\"") != NULL);
  CHECK(strstr(ttl, "skos:inScheme <https://w3id.org/cnkg/id/scheme/industry>") != NULL);
  CHECK(strstr(ttl, "<https://w3id.org/cnkg/id/mention/1111111111111111/40-43>") != NULL);
  /* IRIs are ASCII: every byte inside <...> is below 0x80. */
  for (const char *p = nt; *p; p++) CHECK((unsigned char)*p < 0x80);
  /* Every N-Triples line is one triple. */
  CHECK(count_lines(nt) > 100);
  if (!have_rapper()) {
    printf("note: rapper not found, round trip not checked\n");
  } else {
    char dir[] = "/tmp/cnkg-test-rdf-XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    char pt[600], pn[600];
    snprintf(pt, sizeof pt, "%s/g.ttl", dir);
    snprintf(pn, sizeof pn, "%s/g.nt", dir);
    CHECK(save(pt, ttl) && save(pn, nt));
    char *a = rapper_sorted(pt, "turtle"), *b = rapper_sorted(pn, "ntriples");
    CHECK(a && b);
    CHECK_EQ(count_lines(a), count_lines(nt));
    CHECK_STR(a, b);
    CHECK(a && strstr(a, "_:") == NULL);
    /* The nasty string survives both syntaxes, escaped. */
    CHECK(a && strstr(a, "\\\"\\u53CD\\u659C\\u6760\\\\\\u6362\\u884C\\n") != NULL);
    CHECK(a && strstr(a, "\\u0001\\u001F\\u007F") != NULL);
    CHECK(a && strstr(a, "\\uFFFD \\\\N\\\\G") != NULL);
    free(a);
    free(b);
    unlink(pt);
    unlink(pn);
    rmdir(dir);
  }
  free(ttl);
  free(nt);
  cnkg_graph_free(g);
}

static void test_order_free(void) {
  CnkgGraph *x = fixture_merged(0), *y = fixture_merged(1);
  CnkgRdfOptions opt;
  cnkg_rdf_options_init(&opt);
  CnkgStatus s1, s2;
  char *a = render(x, &opt, &s1), *b = render(y, &opt, &s2);
  CHECK_EQ(s1, 0);
  CHECK_EQ(s2, 0);
  CHECK_STR(a, b);
  free(a);
  free(b);
  opt.format = CNKG_RDF_NTRIPLES;
  a = render(x, &opt, &s1);
  b = render(y, &opt, &s2);
  CHECK_STR(a, b);
  free(a);
  free(b);
  cnkg_graph_free(x);
  cnkg_graph_free(y);
}

static void test_contract(void) {
  /* One document: the list-added province is marked, not mentionedIn. */
  CnkgGraph *g = sample_graph(0);
  CHECK_EQ(cnkg_graph_canonicalize(g), 0);
  CnkgRdfOptions opt;
  cnkg_rdf_options_init(&opt);
  opt.format = CNKG_RDF_NTRIPLES;
  CnkgStatus st;
  char *nt = render(g, &opt, &st);
  CHECK_EQ(st, 0);
  const char *P = "<https://w3id.org/cnkg/id/place/15> ";
  CHECK(strstr(nt, "<https://w3id.org/cnkg/id/place/15> <https://w3id.org/cnkg/ontology#fromDivisionList> \"true\"^^<http://www.w3.org/2001/XMLSchema#boolean> .") != NULL);
  char needle[256];
  snprintf(needle, sizeof needle, "%s<https://w3id.org/cnkg/ontology#mentionedIn>", P);
  CHECK(strstr(nt, needle) == NULL);
  CHECK(strstr(nt, "<https://w3id.org/cnkg/id/place/1504> <https://w3id.org/cnkg/ontology#mentionedIn> <https://w3id.org/cnkg/id/doc/1111111111111111> .") != NULL);
  /* The post named in no mention gets mentionedIn from its evidence. */
  CHECK(strstr(nt, "<https://w3id.org/cnkg/id/post/0123456789abcdef> <https://w3id.org/cnkg/ontology#mentionedIn>") != NULL);
  CHECK(strstr(nt, "<https://w3id.org/cnkg/id/person/0123456789abcdef> <https://w3id.org/cnkg/ontology#title> \"\\u7B2C\\u4E00\\u4E66\\u8BB0\"@zh .") != NULL);

  /* Scorer contract: the only property whose local name is a relation
   * name (here "title") is cnkg's own; the document title is a headline. */
  CHECK(strstr(nt, "<http://purl.org/dc/terms/title>") == NULL);
  CHECK(strstr(nt, "<https://schema.org/headline>") != NULL);
  for (const char *p = nt; (p = strstr(p, "title> ")) != NULL; p++)
    CHECK(strncmp(p - 9, "ontology#", 9) == 0);
  free(nt);

  /* Provenance levels and the base option. */
  opt.provenance = CNKG_PROV_NONE;
  opt.base = "http://example.org/kg/";
  nt = render(g, &opt, &st);
  CHECK_EQ(st, 0);
  CHECK(strstr(nt, "/mention/") == NULL && strstr(nt, "/evidence/") == NULL);
  CHECK(strstr(nt, "<http://example.org/kg/place/1504>") != NULL);
  CHECK(strstr(nt, "w3id.org/cnkg/id/") == NULL);
  free(nt);
  opt.provenance = CNKG_PROV_ENTITIES;
  nt = render(g, &opt, &st);
  CHECK(strstr(nt, "/mention/") != NULL && strstr(nt, "/evidence/") == NULL);
  free(nt);
  opt.base = "not an iri";
  nt = render(g, &opt, &st);
  CHECK_EQ(st, CNKG_ERR_ARG);
  free(nt);
  opt.base = "http://example.org/\xe4\xb8\xad/";
  nt = render(g, &opt, &st);
  CHECK_EQ(st, CNKG_ERR_ARG);
  free(nt);

  CnkgRdfFormat f;
  CnkgProvenance p;
  CHECK_EQ(cnkg_rdf_format_from_name("nt", &f), 0);
  CHECK_EQ(f, CNKG_RDF_NTRIPLES);
  CHECK_EQ(cnkg_rdf_format_from_name("xml", &f), CNKG_ERR_ARG);
  CHECK_EQ(cnkg_rdf_provenance_from_name("entities", &p), 0);
  CHECK_EQ(p, CNKG_PROV_ENTITIES);
  CHECK_EQ(cnkg_rdf_provenance_from_name("most", &p), CNKG_ERR_ARG);
  cnkg_graph_free(g);
}

static void test_dev_full(void) {
  if (access("/dev/full", W_OK) != 0) return;
  CnkgGraph *g = fixture_merged(0);
  for (int fmt = 0; fmt < 2; fmt++) {
    CnkgOutput *o = NULL;
    CHECK_EQ(cnkg_output_new_file("/dev/full", &o, NULL, 0), 0);
    CnkgRdfOptions opt;
    cnkg_rdf_options_init(&opt);
    opt.format = (CnkgRdfFormat)fmt;
    CnkgStatus a = cnkg_rdf_write(g, &opt, o);
    CnkgStatus b = cnkg_output_close(o);
    CHECK(a == CNKG_ERR_WRITE || b == CNKG_ERR_WRITE);
    CHECK_EQ(b, CNKG_ERR_WRITE);
    cnkg_output_free(o);
  }
  cnkg_graph_free(g);
}

int main(void) {
  test_round_trip();
  test_order_free();
  test_contract();
  test_dev_full();
  return check_finish();
}
