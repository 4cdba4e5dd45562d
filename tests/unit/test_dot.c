/* SPDX-License-Identifier: Apache-2.0
 * Tests the GraphViz writer: dot accepts the output (nasty labels included,
 * backslash escapes kept literal), merge order does not change a byte, focus
 * and depth, the large style, SVG rendering and /dev/full failing.
 * Depends on out/dot.h, out_fixture.h; the dot tool if present. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "cnkg/graph.h"
#include "cnkg/output.h"
#include "out/dot.h"

#define OUT_FIXTURE_GRAPHVIZ_HOOKS
#include "out_fixture.h"

typedef CnkgStatus (*WriteFunc)(const CnkgGraph *, const CnkgDotOptions *,
                                CnkgOutput *);

static char *render(WriteFunc f, const CnkgGraph *g, const CnkgDotOptions *o,
                    CnkgStatus *status) {
  CnkgOutput *out = NULL;
  if (cnkg_output_new_memory(&out)) return NULL;
  *status = f(g, o, out);
  return fixture_output_take(out);
}

/* Runs `dot -Tsvg` on text; returns the SVG (caller frees) or NULL. */
static char *run_dot(const char *text, const char *engine) {
  char dir[] = "/tmp/cnkg-test-dot-XXXXXX";
  if (!mkdtemp(dir)) return NULL;
  char in[600], out[600], cmd[2048];
  snprintf(in, sizeof in, "%s/g.dot", dir);
  snprintf(out, sizeof out, "%s/g.svg", dir);
  FILE *f = fopen(in, "wb");
  if (!f) return NULL;
  fputs(text, f);
  fclose(f);
  snprintf(cmd, sizeof cmd, "%s -Tsvg '%s' > '%s' 2>/dev/null", engine, in, out);
  int rc = system(cmd);
  size_t len;
  char *svg = rc == 0 ? check_read_file(out, &len) : NULL;
  unlink(in);
  unlink(out);
  rmdir(dir);
  return svg;
}

static void test_dot_accepts(void) {
  CnkgGraph *g = fixture_merged(0);
  CnkgDotOptions o;
  cnkg_dot_options_init(&o);
  CnkgStatus st;
  char *text = render(cnkg_dot_write, g, &o, &st);
  CHECK_EQ(st, CNKG_SUCCESS);
  CHECK(text && strstr(text, "digraph") != NULL);
  CHECK(strstr(text, "fontname=\"Noto Sans CJK SC") != NULL);
  CHECK(strstr(text, "cluster_place/150421") != NULL);
  CHECK(strstr(text, "cluster_legend") != NULL);
  CHECK(strstr(text, "&quot;") != NULL);
  if (system("dot -V >/dev/null 2>&1") != 0) {
    printf("note: dot not found, not run\n");
  } else {
    char *svg = run_dot(text, "dot");
    CHECK(svg != NULL);
    /* \N, \G, \L stay literal instead of becoming node or graph names. */
    CHECK(svg && strstr(svg, "\\\xe2\x81\xa0N\\\xe2\x81\xa0G\\\xe2\x81\xa0L{&lt;}&gt;|") != NULL);
    CHECK(svg && strstr(svg, "0123456789abcdefcnkg") == NULL);
    CHECK(svg && strstr(svg, "反斜杠\\换行") != NULL);
    CHECK(svg && strstr(svg, "引号&quot;") != NULL);
    free(svg);
  }
  free(text);
  cnkg_graph_free(g);
}

static void test_order_free(void) {
  CnkgGraph *x = fixture_merged(0), *y = fixture_merged(1);
  CnkgDotOptions o;
  cnkg_dot_options_init(&o);
  CnkgStatus s1, s2;
  char *a = render(cnkg_dot_write, x, &o, &s1), *b = render(cnkg_dot_write, y, &o, &s2);
  CHECK_EQ(s1, 0);
  CHECK_EQ(s2, 0);
  CHECK_STR(a, b);
  free(a);
  free(b);
  cnkg_graph_free(x);
  cnkg_graph_free(y);
}

static void test_focus_and_large(void) {
  CnkgGraph *g = fixture_merged(0);
  CnkgDotOptions o;
  cnkg_dot_options_init(&o);
  o.focus = "新平村";
  o.depth = 1;
  CnkgStatus st;
  char *t = render(cnkg_dot_write, g, &o, &st);
  CHECK_EQ(st, 0);
  CHECK(t && strstr(t, "\"village/0123456789abcdef\"") != NULL);
  CHECK(t && strstr(t, "\"place/150421100\"") != NULL);      /* 1 hop */
  CHECK(t && strstr(t, "\"place/150421\"\t") == NULL);        /* 2 hops */
  CHECK(t && strstr(t, "\"place/15\"") == NULL);
  CHECK(t && strstr(t, "penwidth=3") != NULL);
  free(t);
  o.focus = "place/150421";  /* by key, depth 2 reaches the village */
  o.depth = 2;
  t = render(cnkg_dot_write, g, &o, &st);
  CHECK_EQ(st, 0);
  CHECK(t && strstr(t, "\"village/0123456789abcdef\"") != NULL);
  free(t);
  o.focus = "阿旗";  /* by alias */
  t = render(cnkg_dot_write, g, &o, &st);
  CHECK_EQ(st, 0);
  free(t);
  o.focus = "没有这个";
  t = render(cnkg_dot_write, g, &o, &st);
  CHECK_EQ(st, CNKG_ERR_ARG);
  free(t);

  cnkg_dot_options_init(&o);
  o.large = 3;
  t = render(cnkg_dot_write, g, &o, &st);
  CHECK_EQ(st, 0);
  CHECK(t && strstr(t, "layout=sfdp") != NULL);
  CHECK(t && strstr(t, "cluster_") == NULL);
  CHECK(t && strstr(t, "<TABLE") != NULL);
  if (t && system("sfdp -V >/dev/null 2>&1") == 0) {
    char *svg = run_dot(t, "sfdp");
    CHECK(svg != NULL);
    free(svg);
  }
  free(t);
  cnkg_graph_free(g);
}

static void test_svg(void) {
  CnkgGraph *g = fixture_merged(0);
  CnkgDotOptions o;
  cnkg_dot_options_init(&o);
  CnkgStatus st;
  char *svg = render(cnkg_svg_write, g, &o, &st);
  CHECK_EQ(st, 0);
  CHECK(svg && strstr(svg, "<svg") != NULL && strstr(svg, "</svg>") != NULL);
  CHECK(svg && strstr(svg, "新平村") != NULL);
  free(svg);
  o.large = 3;
  svg = render(cnkg_svg_write, g, &o, &st);
  CHECK_EQ(st, 0);
  CHECK(svg && strstr(svg, "</svg>") != NULL);
  free(svg);
  /* An empty graph draws an empty picture. */
  CnkgGraph *empty = cnkg_graph_new();
  cnkg_dot_options_init(&o);
  svg = render(cnkg_svg_write, empty, &o, &st);
  CHECK_EQ(st, 0);
  free(svg);
  cnkg_graph_free(empty);
  cnkg_graph_free(g);
}

static void test_dev_full(void) {
  if (access("/dev/full", W_OK) != 0) return;
  CnkgGraph *g = fixture_merged(0);
  WriteFunc fs[2] = {cnkg_dot_write, cnkg_svg_write};
  for (int i = 0; i < 2; i++) {
    CnkgOutput *out = NULL;
    CHECK_EQ(cnkg_output_new_file("/dev/full", &out, NULL, 0), 0);
    CnkgStatus a = fs[i](g, NULL, out);
    CnkgStatus b = cnkg_output_close(out);
    CHECK(a == CNKG_SUCCESS || a == CNKG_ERR_WRITE);
    CHECK_EQ(b, CNKG_ERR_WRITE);
    cnkg_output_free(out);
  }
  cnkg_graph_free(g);
}

int main(void) {
  test_dot_accepts();
  test_order_free();
  test_focus_and_large();
  test_svg();
  test_dev_full();
  return check_finish();
}
