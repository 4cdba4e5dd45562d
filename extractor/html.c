/* SPDX-License-Identifier: Apache-2.0
 * HTML reduction (see html.h) by walking libxml2's tree; comments are
 * skipped by node type. Depends on html.h, text.h and libxml2. */
#include "extractor/html.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cnkg/text.h"

typedef struct {
  char *buf;
  size_t len, cap;
  bool failed;
} Buf;

static void put(Buf *b, const char *s, size_t n) {
  if (b->failed) return;
  if (b->len + n + 1 > b->cap) {
    size_t cap = b->cap ? b->cap : 4096;
    while (cap < b->len + n + 1) cap *= 2;
    char *nb = realloc(b->buf, cap);
    if (!nb) { b->failed = true; return; }
    b->buf = nb;
    b->cap = cap;
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
      else if (i + 3 <= len && memcmp(t + i, "\xEF\xBD\x9C", 3) == 0) { cut = i; skip = 3; }
    }
    if (!skip) return;
    size_t tail = cnkg_utf8_count(t + cut + skip, len - cut - skip);
    size_t head = cnkg_utf8_count(t, cut);
    if (tail > 15 || head < 4 || head < tail) return;
    while (cut > 0 && t[cut - 1] == ' ') cut--;
    t[cut] = '\0';
  }
}

static void walk(xmlNode *n, Buf *b, int depth) {
  for (; n; n = n->next) {
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
      if (n->content) text_of(b, n->content);
      continue;
    }
    if (n->type != XML_ELEMENT_NODE) continue; /* comments, PIs */
    const char *name = (const char *)n->name;
    if (name_in(name, SKIP) || furniture_attr(n)) continue;
    bool block = name_in(name, BLOCK);
    if (block) newline(b);
    if (depth < 200) walk(n->children, b, depth + 1);
    if (block) newline(b);
  }
}

static xmlNode *find(xmlNode *n, const char *name) {
  for (; n; n = n->next) {
    if (n->type == XML_ELEMENT_NODE &&
        strcasecmp((const char *)n->name, name) == 0)
      return n;
    xmlNode *r = find(n->children, name);
    if (r) return r;
  }
  return NULL;
}

bool cnkg_html_sniff(const char *name, const char *s, size_t len) {
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

CnkgStatus cnkg_html_extract(const char *s, size_t len, char **text,
                             size_t *text_len, char **title) {
  if (!s || !text || !text_len || !title) return CNKG_ERR_ARG;
  *text = NULL;
  *title = NULL;
  *text_len = 0;
  if (len > (size_t)2147483647) return CNKG_ERR_TEXT;
  htmlDocPtr doc = htmlReadMemory(s, (int)len, NULL, "UTF-8",
                                  HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
                                      HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
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
  walk(body ? body->children : root, &b, 0);
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
