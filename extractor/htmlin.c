/* SPDX-License-Identifier: Apache-2.0
 * HTML reduction (see htmlin.h) by walking libxml2's tree; comments are
 * skipped by node type. Depends on htmlin.h, text.h and libxml2. */
#include "extractor/htmlin.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cnkg/grow.h"
#include "cnkg/intern.h"
#include "cnkg/memory.h"
#include "cnkg/text.h"

typedef struct {
  char *buf;
  size_t len, cap;
  bool failed;
} Buf;

static void put(Buf *b, const char *s, size_t n) {
  if (b->failed) return;
  if (CNKG_GROW(b->buf, b->cap, b->len + n + 1, 4096)) {
    b->failed = true;
    return;
  }
  memcpy(b->buf + b->len, s, n);
  b->len += n;
  b->buf[b->len] = '\0';
}

static void newline(Buf *b) {
  if (b->len > 0 && b->buf[b->len - 1] != '\n') put(b, "\n", 1);
}

static bool name_in(const char *name, const char *const *list) {
  for (; *list; list++)
    if (strcasecmp(name, *list) == 0) return true;
  return false;
}

static const char *const SKIP[] = {"script", "style", "noscript", "nav",
                                   "header", "footer", "aside", "form",
                                   "iframe", "select", "button", "template",
                                   "svg", "head", "object", "embed", NULL};
static const char *const BLOCK[] = {
    "p",   "div", "br", "li",  "ul",  "ol",  "h1",      "h2",     "h3",
    "h4",  "h5",  "h6", "tr",  "table", "section", "article", "blockquote",
    "dd",  "dt",  "dl", "pre", "hr",  "figure", "figcaption", "main",
    "center", "td", "th", "caption", NULL};

/* class/id words that mark furniture */
static bool furniture_attr(xmlNode *n) {
  static const char *const words[] = {
      "nav", "menu", "comment", "footer", "sidebar", "breadcrumb", "share",
      "related", "recommend", "advert", "banner", "copyright", "toolbar",
      "pagination", "crumb", NULL};
  const char *attrs[] = {"class", "id"};
  for (size_t a = 0; a < 2; a++) {
    xmlChar *v = xmlGetProp(n, (const xmlChar *)attrs[a]);
    if (!v) continue;
    bool hit = false;
    for (const char *const *w = words; *w && !hit; w++) {
      const char *p = (const char *)v;
      size_t wl = strlen(*w);
      while ((p = strstr(p, *w)) != NULL) {
        bool start = p == (const char *)v || !((p[-1] >= 'a' && p[-1] <= 'z'));
        bool end = !(p[wl] >= 'a' && p[wl] <= 'z') || p[wl] == 's';
        if (start && end) { hit = true; break; }
        p += wl;
      }
    }
    xmlFree(v);
    if (hit) return true;
  }
  return false;
}

static void text_of(Buf *b, const xmlChar *t) {
  /* whitespace runs (incl. source newlines) become one space; the
   * normaliser drops it again inside CJK runs */
  const char *s = (const char *)t;
  size_t n = strlen(s), i = 0;
  while (i < n) {
    if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r') {
      while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' ||
                       s[i] == '\r'))
        i++;
      if (b->len > 0 && b->buf[b->len - 1] != '\n' &&
          b->buf[b->len - 1] != ' ')
        put(b, " ", 1);
      continue;
    }
    size_t j = i;
    while (j < n && s[j] != ' ' && s[j] != '\t' && s[j] != '\n' &&
           s[j] != '\r')
      j++;
    put(b, s + i, j - i);
    i = j;
  }
}

/* Cuts site and channel names off a page title: "标题_频道_站名",
 * "标题 - 站名", "标题|站名" keep 标题 when what follows the separator is
 * short and what precedes it is not. */
static void trim_site_suffix(char *t) {
  for (int round = 0; round < 3; round++) {
    size_t len = strlen(t), cut = 0, skip = 0;
    for (size_t i = 0; i < len; i++) {
      if (t[i] == '_' || t[i] == '|') { cut = i; skip = 1; }
      else if (i + 3 <= len && memcmp(t + i, " - ", 3) == 0) { cut = i; skip = 3; }
      else if (i + CNKG_HAN_BYTES <= len && memcmp(t + i, "\xEF\xBD\x9C", CNKG_HAN_BYTES) == 0) { cut = i; skip = CNKG_HAN_BYTES; }
    }
    if (!skip) return;
    size_t tail = cnkg_utf8_count(t + cut + skip, len - cut - skip);
    size_t head = cnkg_utf8_count(t, cut);
    if (tail > 15 || head < 4 || head < tail) return;
    while (cut > 0 && t[cut - 1] == ' ') cut--;
    t[cut] = '\0';
  }
}

/* libxml2's errors go nowhere (library code never prints). */
static void quiet(void *data, xmlErrorPtr error) {
  (void)data;
  (void)error;
}

#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static void quiet_generic(void *data, const char *msg, ...) {
  (void)data;
  (void)msg;
}

static bool is_block(const xmlNode *n) {
  return n->type == XML_ELEMENT_NODE && name_in((const char *)n->name, BLOCK);
}

/* The text of the siblings from n on and everything below them, in
 * document order. The walk follows parent links rather than recursing, so
 * no nesting depth (libxml2 allows 256) can overflow the stack or make
 * text disappear. */
static void walk(xmlNode *n, Buf *b) {
  xmlNode *top = n ? n->parent : NULL;
  while (n) {
    bool descend = false;
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
      if (n->content) text_of(b, n->content);
    } else if (n->type == XML_ELEMENT_NODE && !name_in((const char *)n->name, SKIP) &&
               !furniture_attr(n)) {
      if (is_block(n)) newline(b);
      descend = n->children != NULL;
      if (!descend && is_block(n)) newline(b);
    }
    if (descend) {
      n = n->children;
      continue;
    }
    /* up to the next sibling, closing the blocks left on the way */
    while (n && !n->next) {
      n = n->parent;
      if (!n || n == top) return;
      if (is_block(n)) newline(b);
    }
    n = n->next;
  }
}

/* The first element called name at or below the siblings from n on, in
 * document order (iteratively, as walk). */
static xmlNode *find(xmlNode *n, const char *name) {
  xmlNode *top = n ? n->parent : NULL;
  while (n) {
    if (n->type == XML_ELEMENT_NODE && strcasecmp((const char *)n->name, name) == 0)
      return n;
    if (n->children) {
      n = n->children;
      continue;
    }
    while (n && !n->next) {
      n = n->parent;
      if (!n || n == top) return NULL;
    }
    n = n->next;
  }
  return NULL;
}

/* ---- bounding what libxml2 is given ------------------------------------
 * libxml2's HTML parser compares each attribute of a tag with all earlier
 * ones (a tag with 20,000 attributes took minutes), and stops reading the
 * document where elements nest deeper than 256 (the rest of the text was
 * lost). A linear pass over the markup first keeps at most MAX_ATTRS
 * attributes of a tag and leaves out the tags of elements nested deeper
 * than MAX_NESTING (their text stays, in their ancestor). It tracks
 * nesting as start and end tags pair up, which libxml2's rules (implied
 * and auto-closed elements) may not quite match: should libxml2 still
 * stop early, the caller is told. */
#define MAX_ATTRS 64
#define MAX_NESTING 160

static const char *const VOID_ELEMENTS[] = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
    "param", "source", "track", "wbr", "basefont", "bgsound", "frame", "keygen",
    NULL};
/* Elements whose start ends an open paragraph. */
static const char *const P_CLOSERS[] = {
    "address", "article", "aside", "blockquote", "details", "div", "dl",
    "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
    "h4", "h5", "h6", "header", "hr", "main", "menu", "nav", "ol", "p", "pre",
    "section", "table", "ul", NULL};
/* Elements whose content is text up to their end tag, not markup. */
static const char *const RAW_ELEMENTS[] = {"script", "style", "textarea", "title",
                                           "xmp", "iframe", "noembed", "noframes",
                                           NULL};

typedef struct {
  CnkgIntern names;        /* lower-case tag names */
  size_t *open_count;      /* per name: open elements in the stack */
  size_t *dropped;         /* per name: start tags left out, not yet closed */
  size_t cap;
  size_t stack[MAX_NESTING]; /* open elements (name ids), innermost last */
  size_t depth;
} Nesting;

static bool name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         c == '-' || c == ':' || c == '_' || c == '.';
}

static bool html_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* The id of the lower-case form of s[0, n) in x (CNKG_ERR_NOMEM). */
static CnkgStatus name_id(Nesting *x, const char *s, size_t n, size_t *id) {
  char low[64];
  if (n > sizeof low) n = sizeof low;
  for (size_t i = 0; i < n; i++)
    low[i] = (s[i] >= 'A' && s[i] <= 'Z') ? (char)(s[i] - 'A' + 'a') : s[i];
  CnkgStatus st = cnkg_intern_add(&x->names, low, n, id);
  if (st || *id < x->cap) return st;
  /* parallel arrays: each grows from the shared capacity the same way */
  size_t ca = x->cap, cd = x->cap;
  if (CNKG_GROW(x->open_count, ca, *id + 1, 64) || CNKG_GROW(x->dropped, cd, *id + 1, 64))
    return CNKG_ERR_NOMEM;
  for (size_t i = x->cap; i < ca; i++) x->open_count[i] = x->dropped[i] = 0;
  x->cap = ca;
  return CNKG_SUCCESS;
}

/* End of the tag that starts at s[i] (after its '>'), with the spans of
 * its attributes beyond MAX_ATTRS left out of out (when out is given). */
static size_t tag_end(const char *s, size_t len, size_t i, Buf *out, size_t *n_attrs) {
  size_t at = i;
  *n_attrs = 0;
  while (i < len) {
    size_t w = i;
    while (i < len && (html_space(s[i]) || s[i] == '/')) {
      if (s[i] == '/' && i + 1 < len && s[i + 1] == '>') break;
      i++;
    }
    if (i >= len || s[i] == '>' || (s[i] == '/' && i + 1 < len && s[i + 1] == '>')) {
      size_t e = i >= len ? len : (s[i] == '>' ? i + 1 : i + 2);
      if (out) put(out, s + at, e - at);
      return e;
    }
    size_t a = i;
    while (i < len && !html_space(s[i]) && s[i] != '>' && s[i] != '/' &&
           (s[i] != '=' || i == a))
      i++;
    size_t j = i;
    while (j < len && html_space(s[j])) j++;
    if (j < len && s[j] == '=') {
      j++;
      while (j < len && html_space(s[j])) j++;
      if (j < len && (s[j] == '"' || s[j] == '\'')) {
        const char *q = memchr(s + j + 1, s[j], len - j - 1);
        i = q ? (size_t)(q - s) + 1 : len;
      } else {
        i = j;
        while (i < len && !html_space(s[i]) && s[i] != '>') i++;
      }
    }
    if (++*n_attrs > MAX_ATTRS) {
      /* copy what came before this attribute, skip it */
      if (out) put(out, s + at, w - at);
      at = i;
    }
  }
  if (out) put(out, s + at, len - at);
  return len;
}

/* An end tag of element id: true if it closes an element left out (and is
 * to be left out too); else it closes the open element and those inside. */
static bool close_element(Nesting *x, size_t id) {
  if (x->dropped[id]) {
    x->dropped[id]--;
    return true;
  }
  while (x->open_count[id] && x->depth) {
    size_t top = x->stack[--x->depth];
    x->open_count[top]--;
    if (top == id) break;
  }
  return false;
}

/* Before a start tag of name: the commonest of libxml2's implied end
 * tags (a paragraph ends at a block, a list item at the next one, a cell
 * at the next cell or row). */
static void close_implied(Nesting *x, const char *name) {
  while (x->depth) {
    const char *top = cnkg_intern_key(&x->names, x->stack[x->depth - 1], NULL);
    bool closes = (!strcmp(top, "p") && name_in(name, P_CLOSERS)) ||
                  (!strcmp(top, "li") && !strcmp(name, "li")) ||
                  ((!strcmp(top, "dt") || !strcmp(top, "dd")) &&
                   (!strcmp(name, "dt") || !strcmp(name, "dd"))) ||
                  ((!strcmp(top, "td") || !strcmp(top, "th")) &&
                   (!strcmp(name, "td") || !strcmp(name, "th") || !strcmp(name, "tr"))) ||
                  (!strcmp(top, "tr") && !strcmp(name, "tr")) ||
                  (!strcmp(top, "option") && !strcmp(name, "option"));
    if (!closes) break;
    x->open_count[x->stack[--x->depth]]--;
  }
}

/* The markup with attributes and nesting bounded as above, in *out (a new
 * buffer), or NULL in *out when s needs no change. */
static CnkgStatus bound_markup(const char *s, size_t len, Buf *out, bool *changed) {
  Nesting x;
  memset(&x, 0, sizeof x);
  Buf o = {0};
  CnkgStatus st = CNKG_SUCCESS;
  *changed = false;
  size_t copied = 0; /* s[copied, i) is still to be copied to o */
  for (size_t i = 0; i < len && !st && !o.failed;) {
    const char *lt = memchr(s + i, '<', len - i);
    if (!lt) break;
    i = (size_t)(lt - s);
    if (i + 4 <= len && !memcmp(s + i, "<!--", 4)) {
      const char *e = NULL;
      for (size_t k = i + 4; k + 3 <= len && !e; k++)
        if (!memcmp(s + k, "-->", 3)) e = s + k;
      i = e ? (size_t)(e - s) + 3 : len;
      continue;
    }
    bool end = i + 1 < len && s[i + 1] == '/';
    size_t nb = i + 1 + end, ne = nb;
    while (ne < len && name_char(s[ne])) ne++;
    if (ne == nb || !((s[nb] >= 'a' && s[nb] <= 'z') || (s[nb] >= 'A' && s[nb] <= 'Z'))) {
      i++;
      continue; /* not a tag: a bare '<' */
    }
    size_t id, n_attrs;
    if ((st = name_id(&x, s + nb, ne - nb, &id))) break;
    const char *name = cnkg_intern_key(&x.names, id, NULL);
    if (end) {
      const char *gt = memchr(s + ne, '>', len - ne);
      size_t e = gt ? (size_t)(gt - s) + 1 : len;
      if (close_element(&x, id)) { /* leave it out */
        put(&o, s + copied, i - copied);
        copied = e;
        *changed = true;
      }
      i = e;
      continue;
    }
    close_implied(&x, name);
    bool deep = x.depth >= MAX_NESTING && !name_in(name, VOID_ELEMENTS);
    put(&o, s + copied, i - copied);
    size_t e = tag_end(s, len, ne, NULL, &n_attrs);
    if (n_attrs > MAX_ATTRS || deep) *changed = true;
    if (!deep) { /* the tag, less the attributes beyond the limit */
      put(&o, s + i, ne - i);
      tag_end(s, len, ne, &o, &n_attrs);
    }
    copied = e;
    bool self_closed = e >= 2 && s[e - 2] == '/' && s[e - 1] == '>';
    if (deep) {
      x.dropped[id]++;
    } else if (!self_closed && !name_in(name, VOID_ELEMENTS)) {
      x.stack[x.depth++] = id;
      x.open_count[id]++;
    }
    i = e;
    if (name_in(name, RAW_ELEMENTS)) { /* to its end tag, as text */
      size_t nl = strlen(name);
      for (; i + 2 + nl <= len; i++)
        if (s[i] == '<' && s[i + 1] == '/' && !strncasecmp(s + i + 2, name, nl)) break;
    }
  }
  if (!st && !o.failed && *changed) put(&o, s + copied, len - copied);
  if (!st && o.failed) st = CNKG_ERR_NOMEM;
  if (st || !*changed) {
    free(o.buf);
    o.buf = NULL;
  }
  *out = o;
  cnkg_intern_free(&x.names);
  free(x.open_count);
  free(x.dropped);
  return st;
}

bool cnkg_htmlin_sniff(const char *name, const char *s, size_t len) {
  if (name) {
    size_t n = strlen(name);
    if ((n >= 5 && strcasecmp(name + n - 5, ".html") == 0) ||
        (n >= 4 && strcasecmp(name + n - 4, ".htm") == 0))
      return true;
  }
  size_t i = 0;
  while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' ||
                     s[i] == '\r'))
    i++;
  static const char *const starts[] = {"<!doctype html", "<html", "<head",
                                       "<!--", NULL};
  for (const char *const *p = starts; *p; p++) {
    size_t l = strlen(*p);
    if (len - i >= l && strncasecmp(s + i, *p, l) == 0) {
      if (strcmp(*p, "<!--") != 0) return true;
      /* a comment first: HTML only if an <html or <body tag follows soon */
      size_t lim = len - i < 4096 ? len - i : 4096;
      for (size_t k = i; k + 5 < i + lim; k++)
        if (strncasecmp(s + k, "<html", 5) == 0 ||
            strncasecmp(s + k, "<body", 5) == 0)
          return true;
    }
  }
  return false;
}

CnkgStatus cnkg_htmlin_extract(const char *s, size_t len, char **text,
                             size_t *text_len, char **title, bool *cut) {
  if (!s || !text || !text_len || !title || !cut) return CNKG_ERR_ARG;
  *text = NULL;
  *title = NULL;
  *text_len = 0;
  *cut = false;
  Buf bounded;
  bool changed;
  CnkgStatus st = bound_markup(s, len, &bounded, &changed);
  if (st) return st;
  if (changed) {
    s = bounded.buf;
    len = bounded.len;
  }
  if (len > (size_t)2147483647) {
    free(bounded.buf);
    return CNKG_ERR_TEXT;
  }
  /* libxml2 2.9 can loop for ever where an allocation fails mid-parse:
   * parse only with room for the tree (ten times the page, and more) */
  if (!cnkg_memory_headroom(((size_t)32 << 20) + 10 * len)) {
    free(bounded.buf);
    return CNKG_ERR_NOMEM;
  }
  /* libxml2's errors are not printed (its handlers are per thread) */
  xmlSetGenericErrorFunc(NULL, quiet_generic);
  xmlResetLastError();
  htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
  if (ctxt && ctxt->sax) ctxt->sax->serror = quiet;
  htmlDocPtr doc = ctxt ? htmlCtxtReadMemory(ctxt, s, (int)len, NULL, "UTF-8",
                                             HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
                                                 HTML_PARSE_NOWARNING | HTML_PARSE_NONET)
                        : NULL;
  /* libxml2 stops the document where it nests too deeply, or where memory
   * ran out (then the text is not the page's: no text at all) */
  xmlErrorPtr last = xmlGetLastError();
  bool nomem = !ctxt || ctxt->lastError.code == XML_ERR_NO_MEMORY ||
               (last && last->code == XML_ERR_NO_MEMORY);
  if (ctxt && ctxt->lastError.code == XML_ERR_INTERNAL_ERROR && ctxt->lastError.message &&
      strstr(ctxt->lastError.message, "depth"))
    *cut = true;
  if (ctxt) htmlFreeParserCtxt(ctxt);
  free(bounded.buf);
  if (nomem) {
    xmlFreeDoc(doc);
    return CNKG_ERR_NOMEM;
  }
  if (!doc) return CNKG_ERR_TEXT;
  xmlNode *root = xmlDocGetRootElement(doc);
  Buf b = {0};
  xmlNode *t = find(root, "title");
  if (t) {
    xmlChar *c = xmlNodeGetContent(t);
    if (c) {
      Buf tb = {0};
      text_of(&tb, c);
      xmlFree(c);
      if (tb.failed) { free(tb.buf); xmlFreeDoc(doc); return CNKG_ERR_NOMEM; }
      while (tb.len > 0 && tb.buf[tb.len - 1] == ' ') tb.buf[--tb.len] = '\0';
      if (tb.len > 0) *title = tb.buf[0] == ' ' ? cnkg_strndup(tb.buf + 1, tb.len - 1) : tb.buf;
      if (*title != tb.buf) free(tb.buf);
      if (*title) trim_site_suffix(*title);
    }
  }
  xmlNode *body = find(root, "body");
  walk(body ? body->children : root, &b);
  xmlFreeDoc(doc);
  if (b.failed) {
    free(b.buf);
    free(*title);
    *title = NULL;
    return CNKG_ERR_NOMEM;
  }
  if (!b.buf) put(&b, "", 0);
  if (b.failed) { free(*title); *title = NULL; return CNKG_ERR_NOMEM; }
  *text = b.buf;
  *text_len = b.len;
  return CNKG_SUCCESS;
}
