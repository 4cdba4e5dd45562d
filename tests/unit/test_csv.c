/* SPDX-License-Identifier: Apache-2.0
 * Tests the CSV export (out/csv.h, over out/flat.h): Neo4j import headers,
 * one row per entity and per relation between entities, literal relations
 * as list columns, RFC 4180 quoting (quotes doubled, line breaks and commas
 * inside quotes), ill-formed UTF-8 replaced, file names without
 * directories; identical bytes for any merge order; /dev/full fails. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "cnkg/graph.h"
#include "cnkg/output.h"
#include "out/csv.h"
#include "out_fixture.h"

static void tables(const CnkgGraph *g, char **nodes, char **edges) {
  CnkgOutput *n = NULL, *e = NULL;
  CHECK(!cnkg_output_new_memory(&n) && !cnkg_output_new_memory(&e));
  CHECK(cnkg_csv_write(g, n, e) == CNKG_SUCCESS);
  *nodes = fixture_output_take(n);
  *edges = fixture_output_take(e);
}

static size_t lines(const char *s) {
  size_t n = 0;
  for (; s && *s; s++) n += *s == '\n';
  return n;
}

int main(void) {
  CnkgGraph *a = sample_graph(0), *b = sample_graph(1);
  CnkgGraph *ab = cnkg_graph_new(), *ba = cnkg_graph_new();
  CHECK(!cnkg_graph_merge(ab, a) && !cnkg_graph_merge(ab, b) && !cnkg_graph_canonicalize(ab));
  CHECK(!cnkg_graph_merge(ba, b) && !cnkg_graph_merge(ba, a) && !cnkg_graph_canonicalize(ba));
  char *n1, *e1, *n2, *e2;
  tables(ab, &n1, &e1);
  tables(ba, &n2, &e2);
  CHECK(n1 && e1 && n2 && e2 && !strcmp(n1, n2) && !strcmp(e1, e2));
  if (n1 && e1) {
    static const char nh[] =
        "id:ID,label,:LABEL,type,code,officialName,aliases:string[],title:string[],"
        "postTitle:string[],postTime:string[],date:string[],startDate:string[],"
        "endDate:string[],value:string[],unit:string[],isTarget:string[],formerName:string[],"
        "fromDivisionList:boolean,mentions:int,"
        "documents:string[]\n";
    static const char eh[] = ":START_ID,:END_ID,:TYPE,sentences:int,sentence,documents:string[]\n";
    CHECK(!strncmp(n1, nh, sizeof nh - 1));
    CHECK(!strncmp(e1, eh, sizeof eh - 1));
    CHECK(strstr(n1, "\nperson/0123456789abcdef,谢丽君,Person,Person,,,\"谢书记\"\"x\"\"\",第一书记,,,"
                     ",,,,,,,false,2,a.txt;b.txt\n"));
    CHECK(strstr(n1, "\nplace/1504,赤峰市,Prefecture;Place,Prefecture,1504,赤峰市,,,,,,,,,,,,false,2,"));
    CHECK(strstr(n1, "\npost/0123456789abcdef,新平村第一书记,Post,Post,,,,,第一书记,2018年;2019年,"
                     ",2016,2018-05,,,,,false,0,\n"));
    CHECK(strstr(n1, "\nfigure/0123456789abcdef,新平村贫困人口 17000人,Figure,Figure,,,,,,,"
                     "2016,,,17000,人,true,,false,0,\n"));
    /* the organisation's label: quoted (it has a quote and line breaks),
     * control characters kept, U+FFFD as it was */
    CHECK(strstr(n1, "\norganization/0123456789abcdef,\"引号\"\"反斜杠\\换行\n回车\r制表\t"));
    CHECK(strstr(e1, "\nvillage/0123456789abcdef,industry/0123456789abcdef,hasIndustry,2,"
                     "\"谢丽君是新平村第一书记。引号\"\"反斜杠"));
    CHECK(strstr(e1, "\nplace/1504,place/15,locatedIn,0,,\n"));
    /* literal relations are node columns, never edges */
    CHECK(lines(n1) > 10 && strstr(n1, "\nvillage/0123456789abcdef,新平村,Village;Place,"));
    CHECK(!strstr(e1, ",title,") && !strstr(e1, ",postTime,"));
  }
  free(n1);
  free(e1);
  free(n2);
  free(e2);
  /* ill-formed UTF-8 in a document path becomes U+FFFD */
  CnkgGraph *g = cnkg_graph_new();
  size_t d, x;
  CnkgDocument doc = {"doc/3333333333333333", "dir/a\xff,b.txt", "33", NULL, NULL, NULL, NULL, 9, NULL};
  CHECK(!cnkg_graph_add_document(g, &doc, &d));
  CHECK(!cnkg_graph_add_entity(g, "person/1111111111111111", CNKG_TYPE_PERSON, "王五", &x));
  CHECK(!cnkg_graph_add_mention(g, x, d, 0, 2, "王五"));
  CHECK(!cnkg_graph_canonicalize(g));
  tables(g, &n1, &e1);
  CHECK(n1 && strstr(n1, ",false,1,\"a\xef\xbf\xbd,b.txt\"\n"));
  CHECK(e1 && lines(e1) == 1);
  free(n1);
  free(e1);
  cnkg_graph_free(g);
  FILE *full = fopen("/dev/full", "w");
  if (full) {
    CnkgOutput *fo = NULL, *mem = NULL;
    CHECK(!cnkg_output_new_stream(full, &fo) && !cnkg_output_new_memory(&mem));
    CnkgStatus st = cnkg_csv_write(ab, fo, mem);
    if (!st) st = cnkg_output_close(fo);
    CHECK(st == CNKG_ERR_WRITE);
    cnkg_output_free(fo);
    cnkg_output_free(mem);
    fclose(full);
  }
  CHECK(cnkg_csv_write(NULL, NULL, NULL) == CNKG_ERR_ARG);
  cnkg_graph_free(a);
  cnkg_graph_free(b);
  cnkg_graph_free(ab);
  cnkg_graph_free(ba);
  return check_finish();
}
