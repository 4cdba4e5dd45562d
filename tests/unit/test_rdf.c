/* SPDX-License-Identifier: Apache-2.0
 * Tests the RDF writer: Turtle and N-Triples parse with rapper to the same
 * triples (nasty strings included), no blank nodes, merge order does not
 * change a byte, options (base, provenance) and /dev/full failing; output
 * larger than the writer's buffer arrives whole, in order, and a sink that
 * fails early, midway or only at the last flush makes the write fail.
 * N-Triples written by several threads is the same to the byte, and a sink
 * failing anywhere in it still fails the write. N-Triples is UTF-8 laid
 * out as raptor's serializer would (but for its \u escapes).
 * Depends on out/rdf.h, out_fixture.h; rapper for round trips. */
#include <raptor2.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "cnkg/graph.h"
#include "cnkg/output.h"
#include "cnkg/text.h"
#include "store/merge.h"
#include "out/rdf.h"
#include "out_fixture.h"

/* Writes graph with opts into a new malloc'd string (NULL on failure). */
static char *render(const CnkgGraph *g, const CnkgRdfOptions *opts,
                    CnkgStatus *status) {
  CnkgOutput *o = NULL;
  /* *status is set on every path: callers check it even when NULL comes
   * back (an unset status was -Wmaybe-uninitialized in Release builds) */
  *status = cnkg_output_new_memory(&o);
  if (*status) return NULL;
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

/* Turtle ttl and N-Triples nt as rapper reads them, sorted (NULL each on
 * failure); both borrowed. The caller frees *a and *b. */
static void rapper_both(const char *ttl, const char *nt, char **a, char **b) {
  *a = *b = NULL;
  char dir[] = "/tmp/cnkg-test-rdf-XXXXXX";
  CHECK(mkdtemp(dir) != NULL);
  char pt[600], pn[600];
  snprintf(pt, sizeof pt, "%s/g.ttl", dir);
  snprintf(pn, sizeof pn, "%s/g.nt", dir);
  CHECK(save(pt, ttl) && save(pn, nt));
  *a = rapper_sorted(pt, "turtle");
  *b = rapper_sorted(pn, "ntriples");
  unlink(pt);
  unlink(pn);
  rmdir(dir);
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
  /* IRIs are ASCII: every byte inside <...> (outside literals) is below
   * 0x80; literals are UTF-8. */
  bool in_lit = false, in_iri = false;
  for (const char *p = nt; *p; p++) {
    if (in_lit) {
      if (*p == '\\') p++;
      else if (*p == '"') in_lit = false;
    } else if (in_iri) {
      CHECK((unsigned char)*p < 0x80);
      in_iri = *p != '>';
    } else {
      in_lit = *p == '"';
      in_iri = *p == '<';
    }
  }
  CHECK(cnkg_utf8_valid(nt, strlen(nt)));
  /* Every N-Triples line is one triple. */
  CHECK(count_lines(nt) > 100);
  if (!have_rapper()) {
    printf("note: rapper not found, round trip not checked\n");
  } else {
    char *a, *b;
    rapper_both(ttl, nt, &a, &b);
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
  CHECK(strstr(nt, "<https://w3id.org/cnkg/id/person/0123456789abcdef> <https://w3id.org/cnkg/ontology#title> \"第一书记\"@zh .") != NULL);

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

/* raptor's N-Triples with its \uXXXX and \UXXXXXXXX escapes of
 * characters above U+007F written as UTF-8 (controls stay escaped), as a
 * new string. */
static char *utf8_of_raptor(const char *s) {
  size_t len = strlen(s), o = 0;
  char *out = malloc(len + 1);
  CHECK(out != NULL);
  for (size_t i = 0; i < len;) {
    if (s[i] != '\\' || i + 1 >= len) {
      out[o++] = s[i++];
      continue;
    }
    size_t digits = s[i + 1] == 'u' ? 4 : s[i + 1] == 'U' ? 8 : 0;
    unsigned long cp = 0;
    if (digits && i + 2 + digits <= len) {
      char hex[9] = {0};
      memcpy(hex, s + i + 2, digits);
      cp = strtoul(hex, NULL, 16);
    }
    if (cp >= 0x80) {
      o += cnkg_utf8_encode((uint32_t)cp, out + o);
      i += 2 + digits;
    } else { /* \\, \", \n ... and controls: as they are */
      out[o++] = s[i++];
      out[o++] = s[i++];
    }
  }
  out[o] = '\0';
  return out;
}

/* N-Triples terms are spelled by raptor but laid out by the writer (with
 * repeating spellings copied): raptor's own N-Triples serializer, fed the
 * parsed statements in order, must give back the very same bytes, but
 * for the non-ASCII text it \u-escapes and we write as UTF-8 (RDF 1.1). */
static void test_ntriples_as_raptor(void) {
  if (!have_rapper()) {
    printf("note: rapper not found, N-Triples bytes not compared\n");
    return;
  }
  CnkgGraph *g = fixture_merged(0);
  CnkgRdfOptions opt;
  cnkg_rdf_options_init(&opt);
  opt.format = CNKG_RDF_NTRIPLES;
  CnkgStatus st;
  char *nt = render(g, &opt, &st);
  CHECK_EQ(st, CNKG_SUCCESS);
  char dir[] = "/tmp/cnkg-test-rdf-XXXXXX";
  CHECK(mkdtemp(dir) != NULL);
  char pn[600], pr[600], cmd[2000];
  snprintf(pn, sizeof pn, "%s/g.nt", dir);
  snprintf(pr, sizeof pr, "%s/r.nt", dir);
  CHECK(nt && save(pn, nt));
  snprintf(cmd, sizeof cmd, "rapper -q -i ntriples -o ntriples '%s' > '%s'", pn, pr);
  CHECK_EQ(system(cmd), 0);
  size_t len;
  char *raw = check_read_file(pr, &len);
  char *again = raw ? utf8_of_raptor(raw) : NULL;
  CHECK(nt && again && strlen(nt) > 1000);
  CHECK_STR(nt, again);
  free(raw);
  free(again);
  free(nt);
  unlink(pn);
  unlink(pr);
  rmdir(dir);
  cnkg_graph_free(g);
}

/* N-Triples is UTF-8 (RDF 1.1): names can be found in the file as they
 * are; only quotes, backslashes, line breaks, tabs and other control
 * characters are escaped. */
static void test_ntriples_utf8(void) {
  CnkgGraph *g = fixture_merged(0);
  CnkgRdfOptions opt;
  cnkg_rdf_options_init(&opt);
  opt.format = CNKG_RDF_NTRIPLES;
  CnkgStatus st;
  char *nt = render(g, &opt, &st);
  CHECK_EQ(st, CNKG_SUCCESS);
  CHECK(nt != NULL);
  CHECK(strstr(nt, "\"谢丽君\"@zh") != NULL);
  CHECK(strstr(nt, "\\u8C22") == NULL); /* 谢 not escaped */
  /* SAMPLE_NASTY: 引号"反斜杠\换行\n回车\r制表\t\x01\x1f\x7f替换U+FFFD */
  CHECK(strstr(nt, "\"引号\\\"反斜杠\\\\换行\\n回车\\r制表\\t\\u0001\\u001F"
                   "\\u007F替换\xef\xbf\xbd") != NULL);
  for (const char *p = nt; *p; p++) /* no raw control character but \n */
    CHECK((unsigned char)*p >= 0x20 || *p == '\n');
  free(nt);
  cnkg_graph_free(g);
}

/* raptor's spelling of t under the writer's N-Triples flags, as a new
 * string; t is freed. */
static char *raptor_spelling(raptor_world *world, raptor_term *t) {
  void *text = NULL;
  size_t len = 0;
  raptor_iostream *io = raptor_new_iostream_to_string(world, &text, &len, malloc);
  CHECK(t && io);
  raptor_term_escaped_write(t, RAPTOR_ESCAPED_WRITE_BITFLAG_BS_ESCAPES_TNRU |
                                   RAPTOR_ESCAPED_WRITE_BITFLAG_UTF8, io);
  raptor_free_iostream(io); /* ends the string */
  raptor_free_term(t);
  return text;
}

/* The writer copies text that needs no escape as it is and leaves the rest
 * to raptor: every term is spelled as raptor spells it, at the edges of
 * that shortcut too (four-byte UTF-8, U+FFFE and U+FFFF where raptor stops
 * writing, two-byte UTF-8, quotes, backslashes, brackets and control
 * characters; IRIs). */
static void test_ntriples_spelling(void) {
  static const char *const labels[] = {
      "笑脸\xf0\x9f\x98\x80在此", "非字符\xef\xbf\xbf之后", "非字符\xef\xbf\xbe之后",
      "两字节\xc3\xbc", "末尾\xf4\x8f\xbf\xbf", "引号\"与\\反斜杠", "尖>括<号{}|^`",
      "plain ascii", "制表\t换行\n", "abcdefghi\"jklmnopq\\rstuvwxyz0123456789",
      "abcdefgh\x01ijklmnop\x7fqrstuvwx", "0123456789abcdefghijklmnopqrstuvwxyz"};
  static const char *const keys[] = {"org/ok-1", "org/x_y.z~2"}; /* keys are ASCII */
  CnkgGraph *g = cnkg_graph_new();
  CHECK(g != NULL);
  size_t d;
  CnkgDocument doc = {"doc/1111111111111111", "a.txt", "11", NULL, NULL, NULL, NULL, 10, NULL};
  CHECK_EQ(cnkg_graph_add_document(g, &doc, &d), CNKG_SUCCESS);
  size_t nl = sizeof labels / sizeof *labels, nk = sizeof keys / sizeof *keys;
  for (size_t i = 0; i < nl; i++) {
    char key[32];
    snprintf(key, sizeof key, "org/l%zu", i);
    size_t at;
    CHECK_EQ(cnkg_graph_add_entity(g, key, CNKG_TYPE_ORGANIZATION, labels[i], &at), CNKG_SUCCESS);
  }
  for (size_t i = 0; i < nk; i++) {
    size_t at;
    CHECK_EQ(cnkg_graph_add_entity(g, keys[i], CNKG_TYPE_ORGANIZATION, "名", &at), CNKG_SUCCESS);
  }
  CnkgRdfOptions opt;
  cnkg_rdf_options_init(&opt);
  opt.format = CNKG_RDF_NTRIPLES;
  CnkgStatus st;
  char *nt = render(g, &opt, &st);
  CHECK_EQ(st, CNKG_SUCCESS);
  CHECK(nt != NULL);
  raptor_world *world = raptor_new_world();
  CHECK(world && raptor_world_open(world) == 0);
  for (size_t i = 0; nt && i < nl; i++) {
    char *want = raptor_spelling(
        world, raptor_new_term_from_counted_literal(world, (const unsigned char *)labels[i],
                                                    strlen(labels[i]), NULL,
                                                    (const unsigned char *)"zh", 2));
    char line[600];
    snprintf(line, sizeof line, "/org/l%zu> <http://www.w3.org/2000/01/rdf-schema#label> %s .\n",
             i, want);
    if (!strstr(nt, line)) fprintf(stderr, "missing: %s", line);
    CHECK(strstr(nt, line) != NULL);
    free(want);
  }
  for (size_t i = 0; nt && i < nk; i++) {
    char iri[200];
    snprintf(iri, sizeof iri, "%s%s", CNKG_RDF_DEFAULT_BASE, keys[i]);
    char *want = raptor_spelling(
        world, raptor_new_term_from_uri_string(world, (const unsigned char *)iri));
    char line[600];
    snprintf(line, sizeof line, "\n%s <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> ", want);
    if (!strstr(nt, line)) fprintf(stderr, "missing: %s\n", line);
    CHECK(strstr(nt, line) != NULL);
    free(want);
  }
  raptor_free_world(world);
  free(nt);
  cnkg_graph_free(g);
}

/* True if some line of text occurs twice. */
static bool has_duplicate_line(const char *text) {
  size_t n = count_lines(text), k = 0;
  const char **lines = malloc((n + 1) * sizeof *lines);
  CHECK(lines != NULL);
  for (const char *p = text; *p; p = strchr(p, '\n') + 1) {
    lines[k++] = p;
    if (!strchr(p, '\n')) break;
  }
  bool dup = false;
  for (size_t i = 0; i < k && !dup; i++)
    for (size_t j = i + 1; j < k && !dup; j++) {
      size_t li = strcspn(lines[i], "\n"), lj = strcspn(lines[j], "\n");
      dup = li == lj && memcmp(lines[i], lines[j], li) == 0;
    }
  free(lines);
  return dup;
}

/* A string linked to two entities (an organisation and a policy named
 * alike) is one mention: its statements appear once, with a taIdentRef to
 * each, in both syntaxes and through a merge (issue 15, item 12). */
static void test_shared_mention(void) {
  CnkgGraph *g = cnkg_graph_new();
  size_t d, org, pol;
  CnkgDocument doc = {"doc/3333333333333333", "a.txt", "33", NULL, NULL, NULL, NULL, 20, NULL};
  CHECK_EQ(cnkg_graph_add_document(g, &doc, &d), CNKG_SUCCESS);
  CHECK_EQ(cnkg_graph_add_entity(g, "organization/0000000000000001",
                                 CNKG_TYPE_ORGANIZATION, "土地银行", &org), CNKG_SUCCESS);
  CHECK_EQ(cnkg_graph_add_entity(g, "policy/0000000000000001", CNKG_TYPE_POLICY,
                                 "土地银行", &pol), CNKG_SUCCESS);
  CHECK_EQ(cnkg_graph_add_mention(g, org, d, 6, 10, "土地银行"), CNKG_SUCCESS);
  CHECK_EQ(cnkg_graph_add_mention(g, pol, d, 6, 10, "土地银行"), CNKG_SUCCESS);
  CHECK_EQ(cnkg_graph_add_mention(g, pol, d, 12, 16, "土地银行"), CNKG_SUCCESS);
  CHECK_EQ(cnkg_graph_add_relation(g, org, CNKG_REL_IMPLEMENTS_POLICY, pol, NULL,
                                   &(CnkgEvidence){d, 0, 20, "成立了土地银行。"}),
           CNKG_SUCCESS);
  CHECK_EQ(cnkg_graph_canonicalize(g), CNKG_SUCCESS);
  CnkgRdfOptions opt;
  cnkg_rdf_options_init(&opt);
  CnkgStatus st;
  char *ttl = render(g, &opt, &st);
  CHECK_EQ(st, CNKG_SUCCESS);
  opt.format = CNKG_RDF_NTRIPLES;
  char *nt = render(g, &opt, &st);
  CHECK_EQ(st, CNKG_SUCCESS);
  CHECK(nt && !has_duplicate_line(nt));
  const char *m = "<https://w3id.org/cnkg/id/mention/3333333333333333/6-10> ";
  size_t types = 0, refs = 0;
  for (const char *p = nt; (p = strstr(p, m)) != NULL; p++) {
    types += strncmp(p + strlen(m), "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", 49) == 0;
    refs += strncmp(p + strlen(m), "<http://www.w3.org/2005/11/its/rdf#taIdentRef>", 46) == 0;
  }
  CHECK_EQ(types, 1);
  CHECK_EQ(refs, 2);
  if (have_rapper()) {
    char *a, *b;
    rapper_both(ttl, nt, &a, &b);
    CHECK(a && b && !has_duplicate_line(a));
    CHECK_STR(a, b);
    free(a);
    free(b);
  }
  /* merged back (from Turtle: raptor's N-Triples parser keeps a datatype
   * IRI per parse, which LeakSanitizer would report), the same bytes */
  char dir[] = "/tmp/cnkg-test-rdf-XXXXXX", path[600];
  CHECK(mkdtemp(dir) != NULL);
  snprintf(path, sizeof path, "%s/g.ttl", dir);
  CHECK(save(path, ttl));
  CnkgGraph *back = cnkg_graph_new();
  char err[256];
  CHECK_EQ(cnkg_merge_read(back, path, true, NULL, err, sizeof err), CNKG_SUCCESS);
  CHECK_EQ(cnkg_graph_canonicalize(back), CNKG_SUCCESS);
  char *again = render(back, &opt, &st);
  CHECK_STR(nt, again);
  unlink(path);
  rmdir(dir);
  free(again);
  cnkg_graph_free(back);
  free(ttl);
  free(nt);
  cnkg_graph_free(g);
}

/* Turtle spells most IRIs without asking raptor for a prefixed name when
 * no namespace is a prefix of them; a base inside a namespace takes the
 * long way and must still give full IRIs that parse to the N-Triples. */
static void test_base_in_namespace(void) {
  CnkgGraph *g = fixture_merged(0);
  CnkgRdfOptions opt;
  cnkg_rdf_options_init(&opt);
  opt.base = "https://schema.org/";
  CnkgStatus st;
  char *ttl = render(g, &opt, &st);
  CHECK_EQ(st, CNKG_SUCCESS);
  opt.format = CNKG_RDF_NTRIPLES;
  char *nt = render(g, &opt, &st);
  CHECK_EQ(st, CNKG_SUCCESS);
  CHECK(ttl && strstr(ttl, "\n<https://schema.org/place/1504>\n    a cnkg:") != NULL);
  CHECK(ttl && strstr(ttl, "schema:place") == NULL);
  CHECK(ttl && strstr(ttl, "schema:headline") != NULL);
  if (ttl && nt && have_rapper()) {
    char *a, *b;
    rapper_both(ttl, nt, &a, &b);
    CHECK(a && b);
    CHECK_STR(a, b);
    free(a);
    free(b);
  }
  free(ttl);
  free(nt);
  cnkg_graph_free(g);
}

/* Organisations 0..n-1, each with a label and nothing else: 2 triples
 * each, plus the software agent's 2 at full provenance. Labels are long
 * Chinese text so that N-Triples escapes make the output large. */
static CnkgGraph *big_graph(size_t n) {
  CnkgGraph *g = cnkg_graph_new();
  CHECK(g != NULL);
  for (size_t i = 0; g && i < n; i++) {
    char key[64], label[128];
    snprintf(key, sizeof key, "org/%08zu", i);
    snprintf(label, sizeof label, "第%zu号乡村振兴产业发展合作社", i);
    size_t at;
    CHECK_EQ(cnkg_graph_add_entity(g, key, CNKG_TYPE_ORGANIZATION, label, &at), 0);
  }
  if (g) CHECK_EQ(cnkg_graph_canonicalize(g), 0);
  return g;
}

/* The writer collects raptor's bytes in a 64 KiB buffer: output many times
 * that size must arrive complete (last statement included) and in order. */
static void test_large_output(void) {
  const size_t n = 6000;
  CnkgGraph *g = big_graph(n);
  CnkgRdfOptions opt;
  cnkg_rdf_options_init(&opt);
  opt.format = CNKG_RDF_NTRIPLES;
  CnkgStatus st;
  char *nt = render(g, &opt, &st);
  CHECK_EQ(st, CNKG_SUCCESS);
  CHECK(nt != NULL);
  if (!nt) return;
  size_t len = strlen(nt);
  CHECK(len > 8 * 64 * 1024);
  CHECK_EQ(count_lines(nt), 2 * n + 2);
  CHECK(len && nt[len - 1] == '\n');
  /* Every line is a whole statement. */
  for (const char *p = nt; (p = strchr(p, '\n')) != NULL; p++)
    CHECK(p - nt >= 2 && p[-1] == '.' && p[-2] == ' ');
  /* Entities in order, first to last; the agent's label closes the file. */
  const char *first = strstr(nt, "<https://w3id.org/cnkg/id/org/00000000> ");
  const char *last = strstr(nt, "<https://w3id.org/cnkg/id/org/00005999> ");
  CHECK(first && last && first < last);
  CHECK(strstr(nt + len - 200, "rdf-schema#label> \"cnkg ") != NULL);
  free(nt);

  opt.format = CNKG_RDF_TURTLE;
  char *ttl = render(g, &opt, &st);
  CHECK_EQ(st, CNKG_SUCCESS);
  CHECK(ttl != NULL);
  if (ttl) {
    size_t tl = strlen(ttl);
    CHECK(tl > 4 * 64 * 1024);
    CHECK(strstr(ttl, "@prefix rdf: ") == ttl);
    CHECK(strstr(ttl, "<https://w3id.org/cnkg/id/org/00005999>\n    a cnkg:Organization ;\n    rdfs:label \"第5999号乡村振兴产业发展合作社\"@zh .\n") != NULL);
    CHECK(tl > 3 && strcmp(ttl + tl - 3, " .\n") == 0);
    free(ttl);
  }
  cnkg_graph_free(g);
}

/* A stream sink that takes at most `room` bytes and then fails: writes go
 * to a fixed memory buffer without stdio buffering, so the failure is
 * seen by the write that crosses the limit. */
static FILE *limited_sink(char *mem, size_t room) {
  FILE *f = fmemopen(mem, room, "w");
  if (f) setvbuf(f, NULL, _IONBF, 0);
  return f;
}

/* A sink that fails midway is reported as a write error (not success, not
 * an internal error), and what reached it is the start of the full output
 * in order: every block before the failing one arrived. */
static void test_fail_midway(void) {
  CnkgGraph *g = big_graph(6000);
  for (int fmt = 0; fmt < 2; fmt++) {
    CnkgRdfOptions opt;
    cnkg_rdf_options_init(&opt);
    opt.format = (CnkgRdfFormat)fmt;
    CnkgStatus st;
    char *full = render(g, &opt, &st);
    CHECK_EQ(st, CNKG_SUCCESS);
    size_t room = 300000;
    CHECK(full && strlen(full) > 2 * room);
    char *mem = calloc(1, room + 1);
    FILE *f = mem ? limited_sink(mem, room) : NULL;
    CHECK(f != NULL);
    if (!full || !f) {
      free(full);
      free(mem);
      continue;
    }
    CnkgOutput *o = NULL;
    CHECK_EQ(cnkg_output_new_stream(f, &o), 0);
    CHECK_EQ(cnkg_rdf_write(g, &opt, o), CNKG_ERR_WRITE);
    CHECK_EQ(cnkg_output_close(o), CNKG_ERR_WRITE);
    cnkg_output_free(o);
    fclose(f);
    size_t arrived = room - 64 * 1024;
    CHECK(memcmp(mem, full, arrived) == 0);
    free(mem);
    free(full);
  }
  cnkg_graph_free(g);
}

/* Output smaller than the buffer reaches the sink only at the final flush:
 * a sink that refuses every byte must still fail the write itself. */
static void test_fail_at_flush(void) {
  CnkgGraph *g = fixture_merged(0);
  for (int fmt = 0; fmt < 2; fmt++) {
    char mem[8];
    FILE *f = limited_sink(mem, 1);
    CHECK(f != NULL);
    if (!f) continue;
    CnkgOutput *o = NULL;
    CHECK_EQ(cnkg_output_new_stream(f, &o), 0);
    CnkgRdfOptions opt;
    cnkg_rdf_options_init(&opt);
    opt.format = (CnkgRdfFormat)fmt;
    CHECK_EQ(cnkg_rdf_write(g, &opt, o), CNKG_ERR_WRITE);
    cnkg_output_free(o);
    fclose(f);
  }
  cnkg_graph_free(g);
}

/* n entities over three documents, with mentions, relations between
 * neighbours (evidence, literals) and every fifth entity an industry;
 * canonical only when asked (otherwise relations are not ordered by
 * subject and are written after all entities). */
static CnkgGraph *rich_graph(size_t n, bool canonical) {
  CnkgGraph *g = cnkg_graph_new();
  CHECK(g != NULL);
  if (!g) return NULL;
  size_t docs[3];
  for (size_t d = 0; d < 3; d++) {
    char key[64], path[64];
    snprintf(key, sizeof key, "doc/%016zx", d + 1);
    snprintf(path, sizeof path, "corpus/%zu.txt", d);
    CnkgDocument doc = {key, path, "00", "标题", NULL, NULL, NULL, 5000, NULL};
    CHECK_EQ(cnkg_graph_add_document(g, &doc, &docs[d]), 0);
  }
  size_t *at = calloc(n ? n : 1, sizeof *at);
  CHECK(at != NULL);
  for (size_t i = 0; at && i < n; i++) {
    char key[64], label[128];
    snprintf(key, sizeof key, "org/%08zu", i);
    snprintf(label, sizeof label, "第%zu号合作社" SAMPLE_NASTY, i);
    CHECK_EQ(cnkg_graph_add_entity(g, key, i % 5 ? CNKG_TYPE_ORGANIZATION
                                                 : CNKG_TYPE_INDUSTRY,
                                   label, &at[i]), 0);
    /* Uneven weights: some entities have many mentions, most few. */
    for (size_t k = 0; k < (i % 7 == 0 ? 20 : i % 3); k++)
      cnkg_graph_add_mention(g, at[i], docs[(i + k) % 3], 10 * k, 10 * k + 4, label);
  }
  /* Added from the last entity down, so not ordered by subject. */
  for (size_t i = n; at && i-- > 1;) {
    CnkgEvidence ev = {docs[i % 3], i, i + 9, "句子。"};
    cnkg_graph_add_relation(g, at[i], CNKG_REL_BASED_IN, at[i - 1], NULL,
                            i % 4 ? &ev : NULL);
    if (i % 11 == 0)
      cnkg_graph_add_relation(g, at[i], CNKG_REL_TITLE, SIZE_MAX, "主任", &ev);
  }
  free(at);
  if (canonical) CHECK_EQ(cnkg_graph_canonicalize(g), 0);
  return g;
}

/* N-Triples written in 2, 3 and 8 parts at once is byte for byte the
 * output of one thread, for every provenance level, canonical or not, and
 * for graphs with fewer entities than threads; Turtle ignores threads. */
static void test_threads_identical(void) {
  CnkgGraph *graphs[5] = {fixture_merged(0), rich_graph(3000, true),
                          rich_graph(500, false), big_graph(2), cnkg_graph_new()};
  static const unsigned threads[] = {0, 2, 3, 8};
  for (size_t gi = 0; gi < 5; gi++)
    for (int prov = CNKG_PROV_NONE; prov <= CNKG_PROV_FULL; prov++)
      for (int fmt = 0; fmt < 2; fmt++) {
        CnkgRdfOptions opt;
        cnkg_rdf_options_init(&opt);
        opt.format = (CnkgRdfFormat)fmt;
        opt.provenance = (CnkgProvenance)prov;
        CnkgStatus st;
        char *one = render(graphs[gi], &opt, &st);
        CHECK_EQ(st, CNKG_SUCCESS);
        CHECK(one != NULL);
        for (size_t t = 0; one && t < sizeof threads / sizeof *threads; t++) {
          opt.threads = threads[t];
          char *many = render(graphs[gi], &opt, &st);
          CHECK_EQ(st, CNKG_SUCCESS);
          CHECK(many != NULL);
          if (many && strcmp(one, many) != 0) {
            fprintf(stderr, "graph %zu, provenance %d, format %d, %u threads differ\n",
                    gi, prov, fmt, threads[t]);
            CHECK_STR(one, many);
          }
          free(many);
        }
        free(one);
      }
  for (size_t gi = 0; gi < 5; gi++) cnkg_graph_free(graphs[gi]);
}

/* Written through temp_dir, the parts leave nothing there and the bytes
 * are those of one thread; a temp_dir that cannot hold them makes the
 * writer fall back to one part, same bytes. (That the parts are made in
 * temp_dir at all is not visible here: they are unlinked at once.) */
static void test_threads_temp_dir(void) {
  CnkgGraph *g = rich_graph(3000, true);
  CnkgRdfOptions opt;
  cnkg_rdf_options_init(&opt);
  opt.format = CNKG_RDF_NTRIPLES;
  CnkgStatus st;
  char *one = render(g, &opt, &st);
  char dir[] = "/tmp/cnkg-test-parts.XXXXXX";
  CHECK(mkdtemp(dir) != NULL);
  opt.threads = 4;
  opt.temp_dir = dir;
  char *many = render(g, &opt, &st);
  CHECK_EQ(st, CNKG_SUCCESS);
  if (one && many) CHECK_STR(one, many);
  free(many);
  CHECK_EQ(rmdir(dir), 0); /* empty: the parts were unlinked */
  opt.temp_dir = "/nonexistent/cnkg-parts";
  many = render(g, &opt, &st);
  CHECK_EQ(st, CNKG_SUCCESS);
  if (one && many) CHECK_STR(one, many);
  free(many);
  free(one);
  cnkg_graph_free(g);
}

/* With threads, a sink that fails in part 0, while the later parts are
 * being copied, or at the very last bytes still fails the write as a write
 * error; what arrived is the start of the full output. */
static void test_threads_fail(void) {
  CnkgGraph *g = rich_graph(3000, true);
  CnkgRdfOptions opt;
  cnkg_rdf_options_init(&opt);
  opt.format = CNKG_RDF_NTRIPLES;
  CnkgStatus st;
  char *full = render(g, &opt, &st);
  CHECK_EQ(st, CNKG_SUCCESS);
  CHECK(full != NULL);
  size_t len = full ? strlen(full) : 0;
  CHECK(len > 1000000);
  const size_t rooms[] = {1, 200000, len / 2, len - len / 10, len - 1};
  static const unsigned threads[] = {2, 3, 8};
  for (size_t r = 0; full && r < sizeof rooms / sizeof *rooms; r++)
    for (size_t t = 0; t < sizeof threads / sizeof *threads; t++) {
      opt.threads = threads[t];
      char *mem = calloc(1, rooms[r] + 1);
      FILE *f = mem ? limited_sink(mem, rooms[r]) : NULL;
      CHECK(f != NULL);
      if (!f) {
        free(mem);
        continue;
      }
      CnkgOutput *o = NULL;
      CHECK_EQ(cnkg_output_new_stream(f, &o), 0);
      st = cnkg_rdf_write(g, &opt, o);
      if (st != CNKG_ERR_WRITE)
        fprintf(stderr, "room %zu, %u threads: %s\n", rooms[r], threads[t],
                cnkg_strerror(st));
      CHECK_EQ(st, CNKG_ERR_WRITE);
      cnkg_output_free(o);
      fclose(f);
      size_t arrived = rooms[r] > 64 * 1024 ? rooms[r] - 64 * 1024 : 0;
      CHECK(memcmp(mem, full, arrived) == 0);
      free(mem);
    }
  free(full);
  cnkg_graph_free(g);
}

int main(void) {
  test_round_trip();
  test_order_free();
  test_contract();
  test_dev_full();
  test_ntriples_as_raptor();
  test_ntriples_utf8();
  test_ntriples_spelling();
  test_shared_mention();
  test_base_in_namespace();
  test_large_output();
  test_fail_midway();
  test_fail_at_flush();
  test_threads_identical();
  test_threads_fail();
  test_threads_temp_dir();
  return check_finish();
}
