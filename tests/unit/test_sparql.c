/* SPDX-License-Identifier: Apache-2.0
 * Tests the embedded SPARQL module on a small hand-written graph: the
 * store's index paths (bound subject, predicate, object, pairs, none),
 * typed and language-tagged literals, results as table/CSV/JSON, ASK,
 * CONSTRUCT, query and graph errors with their positions, two graph files
 * merged. Depends on store/sparql.h, output.h, check.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "cnkg/output.h"
#include "store/sparql.h"

static const char graph_a[] =
    "@prefix cnkg: <https://w3id.org/cnkg/ontology#> .\n"
    "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
    "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
    "@prefix id: <https://w3id.org/cnkg/id/> .\n"
    "id:p1 a cnkg:Person ; rdfs:label \"陈立远\"@zh ; cnkg:associatedWith id:v1 .\n"
    "id:p2 a cnkg:Person ; rdfs:label \"孙晓梅\"@zh ; cnkg:associatedWith id:v2 .\n"
    "id:v1 a cnkg:Village ; rdfs:label \"龙潭村\"@zh ; cnkg:code \"350923203215\" ;\n"
    "  cnkg:locatedIn id:t1 .\n"
    "id:t1 a cnkg:Township ; rdfs:label \"熙岭乡\"@zh ; cnkg:locatedIn id:t1 .\n"
    "id:v1 cnkg:population \"1200\"^^xsd:integer .\n";
static const char graph_b[] =
    "<https://w3id.org/cnkg/id/v2> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
    "<https://w3id.org/cnkg/ontology#Village> .\n"
    "<https://w3id.org/cnkg/id/v2> <http://www.w3.org/2000/01/rdf-schema#label> \"腾云村\"@zh .\n"
    "<https://w3id.org/cnkg/id/p1> <http://www.w3.org/2000/01/rdf-schema#label> \"陈立远\"@zh .\n";

static char dir[] = "/tmp/cnkg-test-sparql-XXXXXX";
static char path_a[256], path_b[256], path_bad[256];

static void write_file(const char *path, const char *text) {
  FILE *f = fopen(path, "wb");
  if (!f) SKIP("cannot write a temporary file");
  fputs(text, f);
  fclose(f);
}

/* Runs query over both graphs; returns a new string with the output, or
 * NULL; *status and err receive the outcome. */
static char *run(const char *query, CnkgSparqlFormat format, CnkgStatus *status,
                 CnkgSparqlSummary *sum, char *err, size_t errsize) {
  CnkgSparql *s = NULL;
  CnkgOutput *o = NULL;
  char *copy = NULL;
  *status = cnkg_sparql_new(NULL, &s);
  if (!*status) *status = cnkg_sparql_add_graph(s, path_a, err, errsize);
  if (!*status) *status = cnkg_sparql_add_graph(s, path_b, err, errsize);
  if (!*status) *status = cnkg_output_new_memory(&o);
  if (!*status) {
    *status = cnkg_sparql_run(s, query, format, o, sum, err, errsize);
    size_t len;
    const char *m = cnkg_output_memory(o, &len);
    copy = malloc(len + 1);
    if (copy) memcpy(copy, m, len + 1);
  }
  cnkg_output_free(o);
  cnkg_sparql_free(s);
  return copy;
}

int main(void) {
  if (!mkdtemp(dir)) SKIP("no temporary directory");
  snprintf(path_a, sizeof path_a, "%s/a.ttl", dir);
  snprintf(path_b, sizeof path_b, "%s/b.nt", dir);
  snprintf(path_bad, sizeof path_bad, "%s/bad.nt", dir);
  write_file(path_a, graph_a);
  write_file(path_b, graph_b);
  write_file(path_bad, "<a> <b> .\n");

  CnkgStatus st;
  CnkgSparqlSummary sum;
  char err[512];
  char *out;

  /* bound predicate+object, then bound subject: persons with villages;
   * the duplicate label in b.nt collapses (a graph is a set) */
  out = run("SELECT ?n ?v WHERE { ?p a cnkg:Person ; rdfs:label ?n ; "
            "cnkg:associatedWith ?x . ?x rdfs:label ?v } ORDER BY ?n",
            CNKG_SPARQL_CSV, &st, &sum, err, sizeof err);
  CHECK_EQ(st, CNKG_SUCCESS);
  CHECK_STR(out, "n,v\r\n孙晓梅,腾云村\r\n陈立远,龙潭村\r\n");
  CHECK_EQ(sum.count, 2);
  free(out);

  /* table: CJK characters take two columns */
  out = run("SELECT ?n WHERE { ?p a cnkg:Person ; rdfs:label ?n } ORDER BY ?n",
            CNKG_SPARQL_TABLE, &st, &sum, err, sizeof err);
  CHECK_STR(out, "n\n------\n孙晓梅\n陈立远\n");
  free(out);

  /* bound object only; subject+object (OSP); a loop ?x ?p ?x */
  out = run("SELECT ?s WHERE { ?s ?p \"龙潭村\"@zh }", CNKG_SPARQL_CSV, &st, &sum, err, sizeof err);
  CHECK_STR(out, "s\r\nhttps://w3id.org/cnkg/id/v1\r\n");
  free(out);
  out = run("SELECT ?p WHERE { <https://w3id.org/cnkg/id/v1> ?p <https://w3id.org/cnkg/id/t1> }",
            CNKG_SPARQL_CSV, &st, &sum, err, sizeof err);
  CHECK_STR(out, "p\r\nhttps://w3id.org/cnkg/ontology#locatedIn\r\n");
  free(out);
  out = run("SELECT ?x WHERE { ?x cnkg:locatedIn ?x }", CNKG_SPARQL_CSV, &st, &sum, err, sizeof err);
  CHECK_STR(out, "x\r\nhttps://w3id.org/cnkg/id/t1\r\n");
  free(out);

  /* typed literal, both ways: as a constant and through a FILTER */
  out = run("SELECT ?v WHERE { ?v cnkg:population 1200 }", CNKG_SPARQL_CSV, &st, &sum, err, sizeof err);
  CHECK_STR(out, "v\r\nhttps://w3id.org/cnkg/id/v1\r\n");
  free(out);
  out = run("SELECT ?v WHERE { ?v cnkg:population ?n FILTER(?n > 1000) }", CNKG_SPARQL_CSV, &st, &sum, err, sizeof err);
  CHECK_STR(out, "v\r\nhttps://w3id.org/cnkg/id/v1\r\n");
  free(out);

  /* no results: success, count 0 */
  out = run("SELECT ?x WHERE { ?x a cnkg:Nothing }", CNKG_SPARQL_CSV, &st, &sum, err, sizeof err);
  CHECK_EQ(st, CNKG_SUCCESS);
  CHECK_EQ(sum.count, 0);
  free(out);

  /* ASK, as text and JSON */
  out = run("ASK { ?x rdfs:label \"腾云村\"@zh }", CNKG_SPARQL_TABLE, &st, &sum, err, sizeof err);
  CHECK_STR(out, "true\n");
  CHECK_EQ(sum.kind, CNKG_SPARQL_BOOLEAN);
  free(out);
  out = run("ASK { ?x rdfs:label \"腾云村\" }", CNKG_SPARQL_JSON, &st, &sum, err, sizeof err);
  CHECK(out && strstr(out, "\"boolean\" : false"));
  free(out);

  /* CONSTRUCT gives Turtle with the predeclared prefixes */
  out = run("CONSTRUCT { ?v cnkg:in ?t } WHERE { ?v cnkg:locatedIn ?t }", CNKG_SPARQL_CSV, &st, &sum, err, sizeof err);
  CHECK_EQ(sum.kind, CNKG_SPARQL_GRAPH);
  CHECK_EQ(sum.count, 2);
  CHECK(out && strstr(out, "@prefix cnkg:") && strstr(out, "cnkg:in"));
  free(out);

  /* a syntax error names the user's line and column */
  out = run("SELECT ?x\nWHERE { ?x a }", CNKG_SPARQL_CSV, &st, &sum, err, sizeof err);
  CHECK_EQ(st, CNKG_ERR_TEXT);
  CHECK(!strncmp(err, "line 2, column 14: ", 19));
  free(out);

  /* an unreadable graph and a bad one are named */
  CnkgSparql *s = NULL;
  CHECK_EQ(cnkg_sparql_new(NULL, &s), CNKG_SUCCESS);
  char missing[300];
  snprintf(missing, sizeof missing, "%s/none.ttl", dir);
  CHECK_EQ(cnkg_sparql_add_graph(s, missing, err, sizeof err), CNKG_ERR_READ);
  CHECK(strstr(err, "none.ttl") != NULL);
  CHECK_EQ(cnkg_sparql_add_graph(s, path_bad, err, sizeof err), CNKG_SUCCESS);
  CnkgOutput *o = NULL;
  CHECK_EQ(cnkg_output_new_memory(&o), CNKG_SUCCESS);
  CHECK_EQ(cnkg_sparql_run(s, "ASK {}", CNKG_SPARQL_TABLE, o, NULL, err, sizeof err), CNKG_ERR_TEXT);
  CHECK(!strncmp(err, path_bad, strlen(path_bad)) && strstr(err, ":1: "));
  cnkg_output_free(o);
  cnkg_sparql_free(s);
  cnkg_sparql_free(NULL);

  CnkgSparqlFormat f;
  CHECK_EQ(cnkg_sparql_format_from_name("tsv", &f), CNKG_SUCCESS);
  CHECK_EQ(f, CNKG_SPARQL_TSV);
  CHECK_EQ(cnkg_sparql_format_from_name("yaml", &f), CNKG_ERR_ARG);
  CHECK(strstr(cnkg_sparql_prefixes(), "PREFIX nif: <") != NULL);

  unlink(path_a);
  unlink(path_b);
  unlink(path_bad);
  rmdir(dir);
  return check_finish();
}
