/* SPDX-License-Identifier: Apache-2.0
 * GraphViz writer: selects the entities to draw (all, or a focus and its
 * neighbourhood), builds a cgraph graph with per-type styles, HTML-escaped
 * labels, county clusters and a legend, then writes DOT through a cgraph I/O
 * discipline or SVG through gvLayout/gvRenderData into a CnkgOutput.
 * Depends on include/cnkg/ and graphviz (cgraph, gvc); never on extractor/. */
#include "out/dot.h"

#include <cgraph.h>
#include <gvc.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cnkg/grow.h"
#include "cnkg/intern.h"
#include "cnkg/text.h"

/* Styles come from the kinds table (cnkg/kinds.h). */
static const CnkgDrawStyle *type_style(CnkgType t) { return &cnkg_type_info(t)->draw; }

void cnkg_dot_options_init(CnkgDotOptions *options) {
  if (!options) return;
  options->focus = NULL;
  options->depth = 2;
  options->large = 150;
  options->legend = true;
  options->fontname = NULL;
  options->log = NULL;
}

/* cgraph takes char * for strings it only reads. */
static char *mut(const char *s) {
  union {
    const char *c;
    char *m;
  } u;
  u.c = s;
  return u.m;
}

/* ---- a growable string ------------------------------------------------ */

typedef struct {
  char *buf;
  size_t len, cap;
  bool failed;
} Buf;

static void buf_add(Buf *b, const char *s, size_t n) {
  if (b->failed) return;
  if (CNKG_GROW(b->buf, b->cap, b->len + n + 1, 128)) {
    b->failed = true;
    return;
  }
  memcpy(b->buf + b->len, s, n);
  b->len += n;
  b->buf[b->len] = '\0';
}

static void buf_puts(Buf *b, const char *s) { buf_add(b, s, strlen(s)); }

/* Appends text escaped for an HTML-like label: markup characters become
 * entities; control characters become spaces (newline a line break);
 * ill-formed UTF-8 becomes U+FFFD. Graphviz still expands \G \N \E \H \T
 * \L inside HTML text (after entity decoding, so &#92; does not help): an
 * invisible WORD JOINER (U+2060) after such a backslash keeps it literal. At most
 * max_chars code points are kept (0 = all), with an ellipsis when cut. */
static void buf_html(Buf *b, const char *s, size_t max_chars) {
  size_t len = strlen(s), i = 0, n = 0;
  uint32_t prev = 0;
  while (i < len) {
    if (max_chars && n == max_chars) {
      buf_puts(b, "…");
      return;
    }
    uint32_t cp = cnkg_utf8_next(s, len, &i);
    n++;
    if (prev == '\\' && cp < 0x80 && strchr("GNETHL", (int)cp) && cp)
      buf_puts(b, "\xe2\x81\xa0");
    prev = cp;
    char enc[8];
    switch (cp) {
    case '&': buf_puts(b, "&amp;"); break;
    case '<': buf_puts(b, "&lt;"); break;
    case '>': buf_puts(b, "&gt;"); break;
    case '"': buf_puts(b, "&quot;"); break;
    case '\'': buf_puts(b, "&#39;"); break;
    case '\n': buf_puts(b, max_chars ? " " : "<BR/>"); break;
    default:
      if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) buf_puts(b, " ");
      else buf_add(b, enc, cnkg_utf8_encode(cp, enc));
    }
  }
}

/* ---- choosing what to draw -------------------------------------------- */

static CnkgStatus find_focus(const CnkgGraph *g, const char *focus,
                             size_t *at) {
  if (cnkg_graph_find_entity(g, focus, at) == CNKG_SUCCESS) return CNKG_SUCCESS;
  size_t n = cnkg_graph_entity_count(g);
  for (size_t i = 0; i < n; i++) {
    const CnkgEntity *e = cnkg_graph_entity(g, i);
    if (e->label && strcmp(e->label, focus) == 0) {
      *at = i;
      return CNKG_SUCCESS;
    }
  }
  for (size_t i = 0; i < n; i++) {
    const CnkgEntity *e = cnkg_graph_entity(g, i);
    for (size_t k = 0; k < e->n_aliases; k++)
      if (strcmp(e->aliases[k], focus) == 0) {
        *at = i;
        return CNKG_SUCCESS;
      }
  }
  return CNKG_NOTHING;
}

/* dist[i] = hops from the focus along relations in either direction, or
 * SIZE_MAX when out of reach; everything is at 0 without a focus. */
static CnkgStatus select_nodes(const CnkgGraph *g, const CnkgDotOptions *o,
                               size_t *dist, size_t *focus_at) {
  size_t n = cnkg_graph_entity_count(g), nr = cnkg_graph_relation_count(g);
  *focus_at = SIZE_MAX;
  if (!o->focus) {
    for (size_t i = 0; i < n; i++) dist[i] = 0;
    return CNKG_SUCCESS;
  }
  size_t f;
  if (find_focus(g, o->focus, &f) != CNKG_SUCCESS) {
    cnkg_log(o->log, CNKG_LOG_ERROR, NULL, CNKG_NO_POS,
             "focus '%s' names no entity in the graph", o->focus);
    return CNKG_ERR_ARG;
  }
  *focus_at = f;
  for (size_t i = 0; i < n; i++) dist[i] = SIZE_MAX;
  dist[f] = 0;
  /* Relaxation rounds, one per hop: simple and bounded by depth. */
  for (unsigned d = 0; d < o->depth; d++) {
    bool changed = false;
    for (size_t r = 0; r < nr; r++) {
      const CnkgRelation *rel = cnkg_graph_relation(g, r);
      if (rel->object == SIZE_MAX) continue;
      size_t a = rel->subject, b = rel->object;
      if (dist[a] == d && dist[b] == SIZE_MAX) dist[b] = d + 1, changed = true;
      if (dist[b] == d && dist[a] == SIZE_MAX) dist[a] = d + 1, changed = true;
    }
    if (!changed) break;
  }
  return CNKG_SUCCESS;
}

/* ---- building the cgraph graph ---------------------------------------- */

/* cgraph reports through a process-wide callback; the writer routes it to
 * the log of the call in progress. */
static const CnkgLog *current_log;

static int on_graphviz_error(char *message) {
  if (message && current_log) {
    size_t len = strlen(message);
    while (len && (message[len - 1] == '\n' || message[len - 1] == ' ')) len--;
    cnkg_log(current_log, CNKG_LOG_WARNING, NULL, CNKG_NO_POS, "graphviz: %.*s",
             (int)len, message);
  }
  return 0;
}

typedef struct {
  CnkgOutput *out;
  CnkgStatus status;
} Chan;

static int chan_putstr(void *chan, const char *str) {
  Chan *c = chan;
  if (!c->status) c->status = cnkg_output_puts(c->out, str);
  return c->status ? EOF : 0;
}

static int chan_flush(void *chan) {
  Chan *c = chan;
  return c->status ? EOF : 0;
}

/* Object IDs in creation order. cgraph's default ID discipline uses the
 * address of the interned name as a named object's ID, and agwrite emits
 * subgraphs in ID order, so cluster order followed heap layout (which
 * differs with thread count and allocation history). Here a name's ID is its
 * creation rank (even), anonymous objects get odd IDs; names are interned
 * per root graph. */
typedef struct {
  Agraph_t *root;
  CnkgIntern ids; /* name -> k */
  char **names;   /* names[k] has ID 2(k+1): cgraph strings (agstrdup),
                   * since the writer reads their HTML mark */
  size_t cap;
  IDTYPE anon;
} SeqIds;

static void *seqid_open(Agraph_t *g, Agdisc_t *disc) {
  (void)disc;
  SeqIds *st = calloc(1, sizeof(SeqIds));
  if (st) st->root = g;
  return st;
}

static long seqid_map(void *state, int objtype, char *str, IDTYPE *id,
                      int createflag) {
  SeqIds *st = state;
  (void)objtype;
  if (!st) return 0;
  if (!str) {
    *id = st->anon++ * 2 + 1;
    return 1;
  }
  size_t len = strlen(str), k, n = cnkg_intern_count(&st->ids);
  if (cnkg_intern_find(&st->ids, str, len, &k)) {
    char *copy = NULL;
    if (!createflag || CNKG_GROW(st->names, st->cap, n + 1, 256) ||
        !(copy = agstrdup(st->root, str)))
      return 0;
    if (cnkg_intern_add(&st->ids, str, len, &k)) {
      agstrfree(st->root, copy);
      return 0;
    }
    st->names[k] = copy;
  }
  *id = (IDTYPE)(k + 1) * 2;
  return 1;
}

static long seqid_alloc(void *state, int objtype, IDTYPE id) {
  (void)state;
  (void)objtype;
  (void)id;
  return 0; /* no caller-chosen IDs */
}

static void seqid_free(void *state, int objtype, IDTYPE id) {
  (void)state;
  (void)objtype;
  (void)id; /* names live until the graph closes */
}

static char *seqid_print(void *state, int objtype, IDTYPE id) {
  SeqIds *st = state;
  (void)objtype;
  if (!st || id % 2 || id == 0 || id / 2 > cnkg_intern_count(&st->ids)) return NULL;
  return st->names[id / 2 - 1];
}

static void seqid_close(void *state) {
  SeqIds *st = state;
  if (!st) return;
  for (size_t k = 0; k < cnkg_intern_count(&st->ids); k++) agstrfree(st->root, st->names[k]);
  cnkg_intern_free(&st->ids);
  free(st->names);
  free(st);
}

static void seqid_register(void *state, int objtype, void *obj) {
  (void)state;
  (void)objtype;
  (void)obj;
}

/* Constant disciplines: only putstr and flush are used (never reading). */
static Agiodisc_t io_disc = {NULL, chan_putstr, chan_flush};
static Agiddisc_t id_disc = {seqid_open, seqid_map, seqid_alloc, seqid_free,
                             seqid_print, seqid_close, seqid_register};
static Agdisc_t graph_disc = {&AgMemDisc, &id_disc, &io_disc};

/* Sets an HTML-like label from Buf text. */
static bool set_html(void *obj, Agraph_t *root, const char *attr, Buf *b) {
  if (b->failed) return false;
  char *h = agstrdup_html(root, b->buf ? b->buf : mut(""));
  if (!h) return false;
  int r = agsafeset(obj, mut(attr), h, mut(""));
  agstrfree(root, h);
  return r == 0;
}

static bool set(void *obj, const char *attr, const char *value) {
  return agsafeset(obj, mut(attr), mut(value), mut("")) == 0;
}

static void style_node(Agnode_t *n, CnkgType t) {
  set(n, "shape", type_style(t)->shape);
  set(n, "fillcolor", type_style(t)->color);
}

/* Parent along the first containment relation (locatedIn, basedIn or
 * withinDivision), per entity (SIZE_MAX: none). */
static void located_parents(const CnkgGraph *g, size_t *parent) {
  size_t n = cnkg_graph_entity_count(g);
  for (size_t i = 0; i < n; i++) parent[i] = SIZE_MAX;
  for (size_t r = 0; r < cnkg_graph_relation_count(g); r++) {
    const CnkgRelation *rel = cnkg_graph_relation(g, r);
    if (cnkg_rel_info(rel->rel)->contains && parent[rel->subject] == SIZE_MAX)
      parent[rel->subject] = rel->object;
  }
}

static size_t county_of(const CnkgGraph *g, const size_t *parent, size_t i) {
  for (int hops = 0; hops < 8 && i != SIZE_MAX; hops++) {
    const CnkgEntity *e = cnkg_graph_entity(g, i);
    if (e->type == CNKG_TYPE_COUNTY) return i;
    if (e->type == CNKG_TYPE_PERSON || e->type == CNKG_TYPE_PROVINCE ||
        e->type == CNKG_TYPE_PREFECTURE)
      return SIZE_MAX;
    i = parent[i];
  }
  return SIZE_MAX;
}

/* The node label: the preferred label, then literal facts (titles, post
 * title and time) on further lines; shortened in the large style. */
static void node_label(const CnkgGraph *g, size_t i, bool large, Buf *b) {
  const CnkgEntity *e = cnkg_graph_entity(g, i);
  b->len = 0;
  if (b->buf) b->buf[0] = '\0';
  buf_html(b, e->label ? e->label : e->key, large ? 6 : 0);
  if (large) return;
  for (size_t r = 0; r < cnkg_graph_relation_count(g); r++) {
    const CnkgRelation *rel = cnkg_graph_relation(g, r);
    if (rel->subject != i || !rel->literal) continue;
    buf_puts(b, "<BR/><FONT POINT-SIZE=\"10\">");
    buf_html(b, rel->literal, 24);
    buf_puts(b, "</FONT>");
  }
}

static bool add_legend(Agraph_t *root, const bool *present, bool large) {
  Buf b = {0};
  if (large) {
    /* sfdp ignores clusters: the legend is a table in the graph label. */
    buf_puts(&b, "<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"0\"><TR>");
    for (int t = 0; t < CNKG_TYPE_COUNT; t++) {
      if (!present[t]) continue;
      buf_puts(&b, "<TD BGCOLOR=\"");
      buf_puts(&b, type_style((CnkgType)t)->color);
      buf_puts(&b, "\">");
      buf_puts(&b, type_style((CnkgType)t)->label);
      buf_puts(&b, "</TD>");
    }
    buf_puts(&b, "</TR></TABLE>");
    bool ok = set_html(root, root, "label", &b) && set(root, "labelloc", "b");
    free(b.buf);
    return ok;
  }
  Agraph_t *leg = agsubg(root, mut("cluster_legend"), 1);
  if (!leg) return false;
  set(leg, "label", "图例");
  set(leg, "style", "rounded");
  bool ok = true;
  Agnode_t *prev = NULL;
  for (int t = 0; t < CNKG_TYPE_COUNT && ok; t++) {
    if (!present[t]) continue;
    char name[64];
    snprintf(name, sizeof name, "legend/%s", cnkg_type_slug((CnkgType)t));
    Agnode_t *n = agnode(leg, name, 1);
    if (!n) return false;
    style_node(n, (CnkgType)t);
    ok = set(n, "label", type_style((CnkgType)t)->label);
    /* Invisible edges keep the legend in one column. */
    if (prev) {
      Agedge_t *e = agedge(root, prev, n, NULL, 1);
      ok = ok && e && set(e, "style", "invis");
    }
    prev = n;
  }
  return ok;
}

/* The edges between drawn nodes, styled by relation; a post edge is
 * labelled with its title word and the post's start year. The start dates
 * are indexed first, so the labels cost one pass over the relations. */
static bool add_edges(Agraph_t *root, const CnkgGraph *g, Agnode_t **nodes, bool large) {
  size_t n = cnkg_graph_entity_count(g), nr = cnkg_graph_relation_count(g);
  size_t *start = large ? NULL : malloc((n ? n : 1) * sizeof *start);
  if (!large && !start) return false;
  for (size_t i = 0; start && i < n; i++) start[i] = SIZE_MAX;
  for (size_t r = 0; start && r < nr; r++) {
    const CnkgRelation *x = cnkg_graph_relation(g, r);
    if (x->rel == CNKG_REL_START_DATE && x->literal && strlen(x->literal) >= 4 &&
        start[x->subject] == SIZE_MAX)
      start[x->subject] = r;
  }
  bool ok = true;
  char label[64];
  for (size_t r = 0; ok && r < nr; r++) {
    const CnkgRelation *rel = cnkg_graph_relation(g, r);
    if (rel->object == SIZE_MAX || !nodes[rel->subject] || !nodes[rel->object]) continue;
    Agedge_t *e = agedge(root, nodes[rel->subject], nodes[rel->object], NULL, 1);
    if (!e) {
      ok = false;
      break;
    }
    const CnkgDrawStyle *st = &cnkg_rel_info(rel->rel)->draw;
    if (st->color) set(e, "color", st->color);
    if (st->style) set(e, "style", st->style);
    if (large || !st->label) continue;
    const char *text = st->label;
    if (rel->rel == CNKG_REL_HOLDS_POST && start[rel->object] != SIZE_MAX) {
      snprintf(label, sizeof label, "%s %.4s", st->label,
               cnkg_graph_relation(g, start[rel->object])->literal);
      text = label;
    }
    set(e, "label", text);
  }
  free(start);
  return ok;
}

/* Builds the drawing; *large says which style was used. NULL on failure
 * with *status set. The caller closes the result with agclose. */
static Agraph_t *build(const CnkgGraph *g, const CnkgDotOptions *o,
                       Chan *chan, bool *large_out, CnkgStatus *status) {
  size_t n = cnkg_graph_entity_count(g);
  size_t *dist = malloc((n + 1) * sizeof *dist);
  size_t *parent = malloc((n + 1) * sizeof *parent);
  Agnode_t **nodes = calloc(n + 1, sizeof *nodes);
  Agraph_t **clusters = calloc(n + 1, sizeof *clusters);
  Agraph_t *root = NULL;
  Buf b = {0};
  size_t focus_at;
  *status = CNKG_ERR_NOMEM;
  if (!dist || !parent || !nodes || !clusters) goto fail;
  if ((*status = select_nodes(g, o, dist, &focus_at))) goto fail;
  *status = CNKG_ERR_INTERNAL;

  size_t shown = 0;
  bool present[CNKG_TYPE_COUNT] = {false};
  for (size_t i = 0; i < n; i++)
    if (dist[i] != SIZE_MAX) {
      shown++;
      present[cnkg_graph_entity(g, i)->type] = true;
    }
  bool large = shown >= o->large;
  *large_out = large;
  located_parents(g, parent);

  root = agopen(mut("cnkg"), Agdirected, &graph_disc);
  if (!root) goto fail;
  (void)chan;
  const char *font = o->fontname ? o->fontname : CNKG_DOT_DEFAULT_FONT;
  /* Defaults first, so every node and edge shares them. */
  agattr(root, AGRAPH, mut("charset"), mut("UTF-8"));
  agattr(root, AGRAPH, mut("fontname"), mut(font));
  agattr(root, AGNODE, mut("fontname"), mut(font));
  agattr(root, AGEDGE, mut("fontname"), mut(font));
  agattr(root, AGNODE, mut("style"), mut("filled"));
  agattr(root, AGNODE, mut("shape"), mut("ellipse"));
  agattr(root, AGNODE, mut("fillcolor"), mut("white"));
  agattr(root, AGNODE, mut("penwidth"), mut("1"));
  agattr(root, AGEDGE, mut("color"), mut("#555555"));
  agattr(root, AGEDGE, mut("style"), mut("solid"));
  if (large) {
    agattr(root, AGRAPH, mut("layout"), mut("sfdp"));
    agattr(root, AGRAPH, mut("overlap"), mut("prism"));
    agattr(root, AGRAPH, mut("outputorder"), mut("edgesfirst"));
    agattr(root, AGRAPH, mut("splines"), mut("false"));
    agattr(root, AGRAPH, mut("K"), mut("0.6"));
    agattr(root, AGNODE, mut("fontsize"), mut("9"));
    agattr(root, AGNODE, mut("margin"), mut("0.02"));
    agattr(root, AGEDGE, mut("arrowsize"), mut("0.4"));
    agattr(root, AGEDGE, mut("penwidth"), mut("0.5"));
  } else {
    agattr(root, AGRAPH, mut("rankdir"), mut("LR"));
    agattr(root, AGRAPH, mut("nodesep"), mut("0.3"));
    agattr(root, AGRAPH, mut("compound"), mut("true"));
    agattr(root, AGNODE, mut("fontsize"), mut("12"));
    agattr(root, AGEDGE, mut("fontsize"), mut("9"));
    agattr(root, AGEDGE, mut("label"), mut(""));
  }

  /* Clusters by county, in the small style only. */
  if (!large) {
    for (size_t i = 0; i < n; i++) {
      if (dist[i] == SIZE_MAX) continue;
      size_t c = county_of(g, parent, i);
      if (c == SIZE_MAX || dist[c] == SIZE_MAX || clusters[c]) continue;
      char name[600];
      snprintf(name, sizeof name, "cluster_%s", cnkg_graph_entity(g, c)->key);
      clusters[c] = agsubg(root, name, 1);
      if (!clusters[c]) goto fail;
      b.len = 0;
      buf_html(&b, cnkg_graph_entity(g, c)->label ? cnkg_graph_entity(g, c)->label
                                                   : cnkg_graph_entity(g, c)->key, 0);
      if (!set_html(clusters[c], root, "label", &b)) goto fail;
      set(clusters[c], "style", "rounded,dashed");
      set(clusters[c], "color", "#888888");
    }
  }
  for (size_t i = 0; i < n; i++) {
    if (dist[i] == SIZE_MAX) continue;
    const CnkgEntity *e = cnkg_graph_entity(g, i);
    size_t c = large ? SIZE_MAX : county_of(g, parent, i);
    Agraph_t *home = c != SIZE_MAX && clusters[c] ? clusters[c] : root;
    /* The key is an ASCII, quote-free node name; cgraph quotes it. */
    nodes[i] = agnode(home, mut(e->key), 1);
    if (!nodes[i]) goto fail;
    style_node(nodes[i], e->type);
    node_label(g, i, large, &b);
    if (!set_html(nodes[i], root, "label", &b)) goto fail;
    if (i == focus_at) set(nodes[i], "penwidth", "3");
  }
  if (!add_edges(root, g, nodes, large)) goto fail;
  if (o->legend && shown && !add_legend(root, present, large)) goto fail;
  free(b.buf);
  free(dist);
  free(parent);
  free(nodes);
  free(clusters);
  *status = CNKG_SUCCESS;
  return root;
fail:
  if (root) agclose(root);
  free(b.buf);
  free(dist);
  free(parent);
  free(nodes);
  free(clusters);
  return NULL;
}

static CnkgStatus check_args(const CnkgGraph *graph, const CnkgDotOptions **o,
                             CnkgDotOptions *defaults, CnkgOutput *output) {
  cnkg_dot_options_init(defaults);
  if (!*o) *o = defaults;
  if (!graph || !output || (*o)->large == 0) return CNKG_ERR_ARG;
  return CNKG_SUCCESS;
}

/* The second half of a write: DOT text, or an SVG rendering of the layout. */
typedef CnkgStatus (*EmitFunc)(Agraph_t *root, Chan *chan, bool large);

static CnkgStatus emit_dot(Agraph_t *root, Chan *chan, bool large) {
  (void)large;
  CnkgStatus st = CNKG_SUCCESS;
  if (agwrite(root, chan) != 0 && !chan->status) st = CNKG_ERR_INTERNAL;
  return chan->status ? chan->status : st;
}

static CnkgStatus emit_svg(Agraph_t *root, Chan *chan, bool large) {
  /* One context for the process: graphviz 2.4x's pango plugin remembers the
   * last font name across layouts, and freeing the context would free the
   * string it still compares against. */
  static GVC_t *shared_gvc;
  if (!shared_gvc) shared_gvc = gvContext();
  GVC_t *gvc = shared_gvc;
  if (!gvc) return CNKG_ERR_NOMEM;
  if (gvLayout(gvc, root, large ? "sfdp" : "dot") != 0) return CNKG_ERR_INTERNAL;
  CnkgStatus st;
  char *data = NULL;
  unsigned int len = 0;
  if (gvRenderData(gvc, root, "svg", &data, &len) != 0 || !data)
    st = CNKG_ERR_INTERNAL;
  else
    st = cnkg_output_write(chan->out, data, len);
  if (data) gvFreeRenderData(data);
  gvFreeLayout(gvc, root);
  return st;
}

/* Shared by both writers: build the drawing with graphviz's error hook set,
 * emit it, and close it. */
static CnkgStatus write_with(const CnkgGraph *graph, const CnkgDotOptions *options,
                             CnkgOutput *output, EmitFunc emit) {
  CnkgDotOptions defaults;
  CnkgStatus st = check_args(graph, &options, &defaults, output);
  if (st) return st;
  current_log = options->log;
  agusererrf old = agseterrf(on_graphviz_error);
  Chan chan = {output, CNKG_SUCCESS};
  bool large;
  Agraph_t *root = build(graph, options, &chan, &large, &st);
  if (root) {
    st = emit(root, &chan, large);
    agclose(root);
  }
  agseterrf(old);
  current_log = NULL;
  return st;
}

CnkgStatus cnkg_dot_write(const CnkgGraph *graph, const CnkgDotOptions *options,
                          CnkgOutput *output) {
  return write_with(graph, options, output, emit_dot);
}

CnkgStatus cnkg_svg_write(const CnkgGraph *graph, const CnkgDotOptions *options,
                          CnkgOutput *output) {
  return write_with(graph, options, output, emit_svg);
}
