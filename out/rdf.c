/* SPDX-License-Identifier: Apache-2.0
 * Turtle and N-Triples writer: turns the graph model into statements with
 * stable IRIs (no blank nodes), one subject group after another. Every term
 * is spelled as raptor2's term writers spell it (N-Triples escapes, UTF-8
 * text, copied as it is where nothing needs escaping; Turtle prefixed
 * names); statements are laid out as raptor's N-Triples
 * serializer does and Turtle group by group, so neither buffers the
 * output. Both reach a CnkgOutput through one iostream; N-Triples may be
 * written in parts at once (rdf_parallel.c). Depends on rdf_int.h,
 * include/cnkg/ and raptor2; never on extractor/. */
#include "out/rdf.h"
#include "out/rdf_int.h"

#include <limits.h>
#include <pthread.h>
#include <raptor2.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cnkg/memory.h"
#include "cnkg/grow.h"
#include "cnkg/text.h"
#include "out/jsonld.h"
#include "cnkg/vocab.h"

#ifndef CNKG_VERSION
#define CNKG_VERSION "0"
#endif

static const struct {
  const char *prefix, *iri;
} namespaces[] = {
    {"rdf", CNKG_NS_RDF},   {"rdfs", CNKG_NS_RDFS}, {"xsd", CNKG_NS_XSD},
    {"skos", CNKG_NS_SKOS}, {"prov", CNKG_NS_PROV}, {"dcterms", CNKG_NS_DCT},
    {"nif", CNKG_NS_NIF},   {"itsrdf", CNKG_NS_ITS}, {"schema", CNKG_NS_SCHEMA},
    {"cnkg", CNKG_NS_CNKG}};

/* How N-Triples terms are spelled: RDF 1.1 N-Triples is UTF-8, so text
 * goes out as it is (grep finds a name in it) and only what the grammar
 * needs is escaped: \" \\ \n \r and \t, other control characters as
 * \u00XX. raptor's own N-Triples serializer escapes every non-ASCII
 * character instead (RAPTOR_ESCAPED_WRITE_NTRIPLES_LITERAL), which made the
 * file several times the Turtle and slow to parse. Our IRIs are ASCII. */
_Static_assert(sizeof namespaces / sizeof *namespaces == NS_COUNT, "NS_COUNT");

#define NT_FLAGS \
  (RAPTOR_ESCAPED_WRITE_BITFLAG_BS_ESCAPES_TNRU | RAPTOR_ESCAPED_WRITE_BITFLAG_UTF8)

void cnkg_rdf_options_init(CnkgRdfOptions *options) {
  if (!options) return;
  memset(options, 0, sizeof *options); /* fields added later start empty */
  options->format = CNKG_RDF_TURTLE;
  options->provenance = CNKG_PROV_FULL;
  options->threads = 1;
}

CnkgStatus cnkg_rdf_format_from_name(const char *name, CnkgRdfFormat *format) {
  if (!name || !format) return CNKG_ERR_ARG;
  if (!strcmp(name, "turtle") || !strcmp(name, "ttl")) *format = CNKG_RDF_TURTLE;
  else if (!strcmp(name, "ntriples") || !strcmp(name, "nt"))
    *format = CNKG_RDF_NTRIPLES;
  else if (!strcmp(name, "jsonld")) *format = CNKG_RDF_JSONLD;
  else return CNKG_ERR_ARG;
  return CNKG_SUCCESS;
}

CnkgStatus cnkg_rdf_provenance_from_name(const char *name,
                                         CnkgProvenance *level) {
  if (!name || !level) return CNKG_ERR_ARG;
  if (!strcmp(name, "none")) *level = CNKG_PROV_NONE;
  else if (!strcmp(name, "entities")) *level = CNKG_PROV_ENTITIES;
  else if (!strcmp(name, "full")) *level = CNKG_PROV_FULL;
  else return CNKG_ERR_ARG;
  return CNKG_SUCCESS;
}

/* ---- raptor boundary -------------------------------------------------- */

/* Hands the collected bytes to the output; non-zero once the output has
 * failed (the failure is kept in out_status). */
int rdf_io_flush(Writer *w) {
  if (w->iolen && !w->out_status)
    w->out_status = cnkg_output_write(w->out, w->iobuf, w->iolen);
  w->iolen = 0;
  return w->out_status ? 1 : 0;
}

static int io_write_byte(void *context, const int byte) {
  Writer *w = context;
  if (w->out_status || (w->iolen == IO_BUF_SIZE && rdf_io_flush(w))) return 1;
  w->iobuf[w->iolen++] = (unsigned char)byte;
  return 0;
}

static int io_write_bytes(void *context, const void *ptr, size_t size,
                          size_t nmemb) {
  Writer *w = context;
  /* raptor counts the objects written, as fwrite does: fewer is failure. */
  if (size && nmemb > SIZE_MAX / size) return -1;
  size_t n = size * nmemb;
  if (w->out_status) return -1;
  if (n > IO_BUF_SIZE - w->iolen) {
    if (rdf_io_flush(w)) return -1;
    /* A block as large as the buffer gains nothing from a copy. */
    if (n >= IO_BUF_SIZE) {
      w->out_status = cnkg_output_write(w->out, ptr, n);
      if (w->out_status) return -1;
      n = 0;
    }
  }
  if (n) {
    memcpy(w->iobuf + w->iolen, ptr, n);
    w->iolen += n;
  }
  return nmemb > INT_MAX ? INT_MAX : (int)nmemb;
}

static const raptor_iostream_handler io_handler = {
    2, NULL, NULL, io_write_byte, io_write_bytes, NULL, NULL, NULL};

static int cap_write_bytes(void *context, const void *ptr, size_t size,
                           size_t nmemb) {
  Capture *c = context;
  if (size && nmemb > SIZE_MAX / size) return -1;
  size_t n = size * nmemb;
  if (c->failed) return -1;
  if (n > SIZE_MAX - c->len || CNKG_GROW(c->buf, c->cap, c->len + n, 256))
    return c->failed = true, -1;
  if (n) memcpy(c->buf + c->len, ptr, n);
  c->len += n;
  return nmemb > INT_MAX ? INT_MAX : (int)nmemb;
}

static int cap_write_byte(void *context, const int byte) {
  unsigned char c = (unsigned char)byte;
  return cap_write_bytes(context, &c, 1, 1) == 1 ? 0 : 1;
}

static const raptor_iostream_handler cap_handler = {
    2, NULL, NULL, cap_write_byte, cap_write_bytes, NULL, NULL, NULL};

/* Whether raptor_string_escaped_write (NT_FLAGS, delimiter delim) writes
 * s[0, len) byte for byte: printable ASCII but \ and delim, and UTF-8
 * that raptor's decoder takes whole (well formed, no surrogate, U+FFFE or
 * U+FFFF: it stops writing at those). Any other string is left to raptor. */
static bool nt_verbatim(const unsigned char *s, size_t len, unsigned char delim) {
  /* eight ASCII bytes at a time: a byte below 0x20, or equal to 0x7f, \\
   * or delim, shows as a high bit (exact for bytes below 0x80) */
  const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
  const uint64_t del = ones * 0x7f, bs = ones * '\\', dl = ones * delim;
  size_t i = 0;
  while (i < len) {
    if (len - i >= 8) {
      uint64_t x;
      memcpy(&x, s + i, 8);
      if (!(x & highs)) {
        uint64_t bad = ((x - ones * 0x20) & ~x) | (((x ^ del) - ones) & ~(x ^ del)) |
                       (((x ^ bs) - ones) & ~(x ^ bs)) | (((x ^ dl) - ones) & ~(x ^ dl));
        if (bad & highs) return false;
        i += 8;
        continue;
      }
    }
    unsigned char c = s[i];
    if (c < 0x80) {
      if (c < 0x20 || c == 0x7f || c == '\\' || c == delim) return false;
      i++;
      continue;
    }
    /* most text: a three-byte character that needs no more checks (lead
     * E1-EC or EE, two continuation bytes) */
    if (c >= 0xE1 && c <= 0xEE && c != 0xED && len - i >= 3 && (s[i + 1] & 0xC0) == 0x80 &&
        (s[i + 2] & 0xC0) == 0x80) {
      i += 3;
      continue;
    }
    /* well formed, not overlong, no surrogate, U+FFFE, U+FFFF or beyond
     * U+10FFFF */
    size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    if (c < 0xC2 || c > 0xF4 || len - i < n) return false;
    for (size_t k = 1; k < n; k++)
      if ((s[i + k] & 0xC0) != 0x80) return false;
    unsigned char c1 = s[i + 1];
    if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 >= 0xA0) ||
        (c == 0xEF && c1 == 0xBF && s[i + 2] >= 0xBE) || (c == 0xF0 && c1 < 0x90) ||
        (c == 0xF4 && c1 >= 0x90))
      return false;
    i += n;
  }
  return true;
}

/* n bytes to the output (to_capture: to w->capture) as w->io (w->cap_io)
 * would take them: their handlers are io_write_bytes and cap_write_bytes,
 * and raptor's stream adds only a chain of calls. Non-zero on failure. */
static int nt_put(Writer *w, bool to_capture, const void *p, size_t n) {
  if (!n) return 0;
  if (!to_capture && !w->out_status && n <= IO_BUF_SIZE - w->iolen) {
    memcpy(w->iobuf + w->iolen, p, n);
    w->iolen += n;
    return 0;
  }
  int r = to_capture ? cap_write_bytes(&w->capture, p, 1, n) : io_write_bytes(w, p, 1, n);
  return r == (n > INT_MAX ? INT_MAX : (int)n) ? 0 : 1;
}

/* Writes t as raptor_term_escaped_write(t, NT_FLAGS, io) does, to the
 * output or to w->capture. raptor writes a byte at a time through the
 * stream, which made spelling most of an N-Triples write: text that needs
 * no escape (nt_verbatim) is copied in one piece instead, and raptor spells
 * the rest. Non-zero on failure. */
static int nt_write_term(Writer *w, raptor_term *t, bool to_capture) {
  if (t->type == RAPTOR_TERM_TYPE_URI) {
    size_t len;
    const unsigned char *u = raptor_uri_as_counted_string(t->value.uri, &len);
    if (u && nt_verbatim(u, len, '>'))
      return nt_put(w, to_capture, "<", 1) || nt_put(w, to_capture, u, len) ||
             nt_put(w, to_capture, ">", 1);
  } else if (t->type == RAPTOR_TERM_TYPE_LITERAL && t->value.literal.string) {
    const unsigned char *v = t->value.literal.string, *dt = NULL;
    size_t len = t->value.literal.string_len, dt_len = 0;
    if (t->value.literal.datatype)
      dt = raptor_uri_as_counted_string(t->value.literal.datatype, &dt_len);
    if (nt_verbatim(v, len, '"') && (!t->value.literal.datatype || (dt && nt_verbatim(dt, dt_len, '>')))) {
      int r = nt_put(w, to_capture, "\"", 1) || nt_put(w, to_capture, v, len) ||
              nt_put(w, to_capture, "\"", 1);
      if (!r && t->value.literal.language)
        r = nt_put(w, to_capture, "@", 1) ||
            nt_put(w, to_capture, t->value.literal.language, t->value.literal.language_len);
      if (!r && dt)
        r = nt_put(w, to_capture, "^^<", 3) || nt_put(w, to_capture, dt, dt_len) ||
            nt_put(w, to_capture, ">", 1);
      return r;
    }
  }
  return raptor_term_escaped_write(t, NT_FLAGS, to_capture ? w->cap_io : w->io);
}

/* Has raptor spell t into w->capture (emptied first): as an N-Triples term, or
 * as raptor_term_turtle_write does. Non-zero on failure. */
static int capture_term(Writer *w, raptor_term *t) {
  w->capture.len = 0;
  int r = w->turtle ? raptor_term_turtle_write(w->cap_io, t, w->nstack, NULL)
                    : nt_write_term(w, t, true);
  return r || w->capture.failed;
}

static void on_raptor_log(void *user_data, raptor_log_message *message) {
  Writer *w = user_data;
  bool error = message->level >= RAPTOR_LOG_LEVEL_ERROR;
  if (error) w->raptor_failed = true;
  if (message->level >= RAPTOR_LOG_LEVEL_WARN)
    cnkg_log(w->log, error ? CNKG_LOG_ERROR : CNKG_LOG_WARNING, NULL,
             CNKG_NO_POS, "raptor: %s", message->text ? message->text : "?");
}

/* ---- terms ------------------------------------------------------------ */

static bool base_valid(const char *base) {
  if (!base || !strchr(base, ':')) return false;
  for (const unsigned char *p = (const unsigned char *)base; *p; p++)
    if (*p <= 0x20 || *p >= 0x7f || strchr("<>\"{}|^`\\", *p)) return false;
  return true;
}

/* BASE followed by up to three parts, as a new IRI term (NULL on OOM). */
static raptor_term *base_iri(Writer *w, const char *a, const char *b,
                             const char *c) {
  size_t lb = strlen(w->base), la = a ? strlen(a) : 0, lbb = b ? strlen(b) : 0,
         lc = c ? strlen(c) : 0;
  size_t need = lb + la + lbb + lc + 1;
  if (CNKG_GROW(w->buf, w->cap, need, 2 * need)) return NULL;
  char *p = w->buf;
  memcpy(p, w->base, lb);
  p += lb;
  if (la) { memcpy(p, a, la); p += la; }
  if (lbb) { memcpy(p, b, lbb); p += lbb; }
  if (lc) { memcpy(p, c, lc); p += lc; }
  *p = '\0';
  return raptor_new_term_from_uri_string(w->world, (const unsigned char *)w->buf);
}

/* A literal term; language "zh" or NULL; datatype may be NULL. Ill-formed
 * UTF-8 (which intake should already have rejected) becomes U+FFFD so the
 * output always parses. */
static raptor_term *literal(Writer *w, const char *text, const char *lang,
                            raptor_uri *datatype) {
  size_t len = strlen(text);
  const unsigned char *lang_u = (const unsigned char *)lang;
  unsigned char lang_len = (unsigned char)(lang ? strlen(lang) : 0);
  if (cnkg_utf8_valid(text, len))
    return raptor_new_term_from_counted_literal(
        w->world, (const unsigned char *)text, len, datatype, lang_u, lang_len);
  char *fixed = malloc(len * 3 + 1);
  if (!fixed) return NULL;
  size_t i = 0, o = 0;
  while (i < len) o += cnkg_utf8_encode(cnkg_utf8_next(text, len, &i), fixed + o);
  fixed[o] = '\0';
  raptor_term *t = raptor_new_term_from_counted_literal(
      w->world, (unsigned char *)fixed, o, datatype, lang_u, lang_len);
  free(fixed);
  return t;
}

static raptor_term *zh(Writer *w, const char *text) {
  return literal(w, text, "zh", NULL);
}

static raptor_term *plain(Writer *w, const char *text) {
  return literal(w, text, NULL, NULL);
}

/* Writes n in decimal at p, NUL-terminated; returns the end (at the NUL).
 * Offsets are written for every mention and piece of evidence: snprintf
 * cost more than the statements' own bytes. p has room for 21 bytes. */
static char *put_size(char *p, size_t n) {
  char tmp[24];
  size_t k = 0;
  do tmp[k++] = (char)('0' + n % 10); while ((n /= 10) > 0);
  while (k) *p++ = tmp[--k];
  *p = '\0';
  return p;
}

/* "/BEGIN-END" at p (room for 44 bytes). */
static void put_span(char *p, size_t begin, size_t end) {
  *p++ = '/';
  p = put_size(p, begin);
  *p++ = '-';
  put_size(p, end);
}

static raptor_term *number(Writer *w, size_t n) {
  char digits[32];
  put_size(digits, n);
  return literal(w, digits, NULL, w->xsd_nni);
}

/* A literal of the kind the model gives it (cnkg_rel_literal_kind):
 * dates typed by their precision, decimals and booleans typed, text @zh. */
static raptor_term *typed(Writer *w, CnkgLiteralKind kind, const char *text) {
  const char *dt = NULL;
  size_t len = strlen(text);
  switch (kind) {
  case CNKG_LIT_DATE:
    dt = len == 4 ? CNKG_NS_XSD "gYear" : len == 7 ? CNKG_NS_XSD "gYearMonth"
                                                   : CNKG_NS_XSD "date";
    break;
  case CNKG_LIT_DECIMAL: dt = CNKG_NS_XSD "decimal"; break;
  case CNKG_LIT_BOOLEAN: dt = CNKG_NS_XSD "boolean"; break;
  case CNKG_LIT_NONE:
  case CNKG_LIT_TEXT:
  default: return zh(w, text);
  }
  raptor_uri *u = raptor_new_uri(w->world, (const unsigned char *)dt);
  if (!u) return NULL;
  raptor_term *t = literal(w, text, NULL, u);
  raptor_free_uri(u);
  return t;
}

/* ---- Turtle, one subject group at a time --------------------------------
 * raptor's own Turtle serializer keeps every statement in trees until the
 * end (to sort and abbreviate), needing many times the graph's size; its
 * flush does not emit early. The writer already produces each subject's
 * statements together, so a group is closed as soon as the subject changes
 * and memory stays constant. Terms are spelled by raptor_term_turtle_write
 * (QNames from the prefix stack, escaping of literals and IRIs). */

static int turtle_text(Writer *w, const char *text) {
  return raptor_iostream_string_write(text, w->io);
}

static Spelling *spelling_slot(const Writer *w, const raptor_term *t) {
  size_t mask = w->n_slots - 1;
  size_t i = (size_t)(((uintptr_t)t >> 4) * 0x9E3779B97F4A7C15u) & mask;
  while (w->spelled[i].term && w->spelled[i].term != t) i = (i + 1) & mask;
  return &w->spelled[i];
}

/* The spelling of t if it was spelled once, else NULL. */
static const Spelling *spelling_find(const Writer *w, const raptor_term *t) {
  if (!w->n_slots) return NULL;
  const Spelling *sp = spelling_slot(w, t);
  return sp->term ? sp : NULL;
}

/* Records raptor's spelling of t, borrowed: it must outlive the table.
 * Non-zero on failure. */
static int spelling_add(Writer *w, raptor_term *t) {
  Spelling *sp = spelling_slot(w, t);
  if (sp->term) return 0;
  if (capture_term(w, t)) return 1;
  unsigned char *text = malloc(w->capture.len ? w->capture.len : 1);
  if (!text) return 1;
  memcpy(text, w->capture.buf, w->capture.len);
  sp->term = t;
  sp->text = text;
  sp->len = w->capture.len;
  return 0;
}

/* Forgets every spelling (before the terms they belong to go). */
static void spelling_clear(Writer *w) {
  for (size_t i = 0; i < w->n_slots; i++) free(w->spelled[i].text);
  free(w->spelled);
  w->spelled = NULL;
  w->n_slots = 0;
}

/* Spells the terms every write reuses, and the n documents' (borrowed,
 * alive until spelling_clear). */
static CnkgStatus spell_fixed(Writer *w, raptor_term *const *docs, size_t n) {
  size_t want = T_COUNT + CNKG_TYPE_COUNT + CNKG_REL_COUNT + 4 + n, slots = 64;
  while (slots < 2 * want) slots *= 2;
  if (!(w->spelled = calloc(slots, sizeof *w->spelled))) return CNKG_ERR_NOMEM;
  w->n_slots = slots;
  int r = 0;
  for (int i = 0; i < T_COUNT && !r; i++) r = spelling_add(w, w->fixed[i]);
  for (int i = 0; i < CNKG_TYPE_COUNT && !r; i++) r = spelling_add(w, w->types[i]);
  for (int i = 0; i < CNKG_REL_COUNT && !r; i++) r = spelling_add(w, w->rels[i]);
  for (int i = 0; i < 3 && !r; i++) r = spelling_add(w, w->schemes[i]);
  if (!r) r = spelling_add(w, w->agent);
  for (size_t i = 0; i < n && !r; i++) r = spelling_add(w, docs[i]);
  if (!r) return CNKG_SUCCESS;
  /* raptor says only that it failed: most likely for want of memory */
  return w->capture.failed || !cnkg_memory_headroom((size_t)1 << 20) ? CNKG_ERR_NOMEM
                                                                      : CNKG_ERR_INTERNAL;
}

/* Whether raptor could write uri as a prefixed name: only when one of the
 * namespaces is a proper prefix of it (raptor_new_qname_from_namespace_uri
 * looks no further). */
static bool maybe_prefixed(const Writer *w, raptor_uri *uri) {
  size_t len;
  const unsigned char *s = raptor_uri_as_counted_string(uri, &len);
  for (size_t i = 0; i < NS_COUNT; i++)
    if (w->ns_len[i] < len && memcmp(s, namespaces[i].iri, w->ns_len[i]) == 0)
      return true;
  return false;
}

static bool is_decimal(const raptor_term *t) {
  return t->type == RAPTOR_TERM_TYPE_LITERAL && t->value.literal.datatype &&
         !strcmp((const char *)raptor_uri_as_string(t->value.literal.datatype),
                 CNKG_NS_XSD "decimal");
}

/* raptor 2.0.15 writes "17000"^^xsd:decimal as the bare 17000, which Turtle
 * reads back as an xsd:integer: spelled in full instead. Only digits and
 * one point, so nothing to escape. */
static int turtle_decimal(Writer *w, const raptor_term *t) {
  const unsigned char *v = t->value.literal.string;
  for (const unsigned char *p = v; *p; p++)
    if (!((*p >= '0' && *p <= '9') || *p == '.' || *p == '-')) return 1;
  if (turtle_text(w, "\"")) return 1;
  if (raptor_iostream_counted_string_write(v, t->value.literal.string_len, w->io))
    return 1;
  return turtle_text(w, "\"^^xsd:decimal");
}

/* Spells t as raptor_term_turtle_write does: a term spelled once is copied;
 * an IRI no prefix can shorten is written as raptor's turtle writer writes
 * it then, <IRI> escaped for Turtle; anything else goes the long way. */
static int turtle_term(Writer *w, raptor_term *t) {
  const Spelling *sp = spelling_find(w, t);
  if (sp)
    return raptor_iostream_counted_string_write(sp->text, sp->len, w->io);
  if (t->type == RAPTOR_TERM_TYPE_URI && !maybe_prefixed(w, t->value.uri))
    return raptor_uri_escaped_write(t->value.uri, NULL,
                                    RAPTOR_ESCAPED_WRITE_TURTLE_URI, w->io);
  if (is_decimal(t)) return turtle_decimal(w, t);
  return raptor_term_turtle_write(w->io, t, w->nstack, NULL);
}

static int turtle_predicate(Writer *w, raptor_term *p) {
  if (raptor_term_equals(p, w->fixed[CNKG_V_TYPE])) return turtle_text(w, "a");
  return turtle_term(w, p);
}

/* Closes the open subject group, if any. */
static int turtle_close(Writer *w) {
  if (!w->cur_s) return 0;
  raptor_free_term(w->cur_s);
  raptor_free_term(w->cur_p);
  w->cur_s = w->cur_p = NULL;
  return turtle_text(w, " .\n");
}

/* Writes s p o (all borrowed) continuing the open group where it can: the
 * same predicate adds ", o"; the same subject adds " ;\n    p o". A subject
 * met again later simply opens another group, which Turtle allows. */
static int turtle_statement(Writer *w, raptor_term *s, raptor_term *p,
                            raptor_term *o) {
  int r = 0;
  if (w->cur_s && raptor_term_equals(w->cur_s, s)) {
    if (raptor_term_equals(w->cur_p, p))
      return turtle_text(w, ", ") || turtle_term(w, o);
    raptor_free_term(w->cur_p);
    w->cur_p = raptor_term_copy(p);
    r = turtle_text(w, " ;\n    ") || turtle_predicate(w, p);
  } else {
    bool first = !w->cur_s;
    r = turtle_close(w) || (!first && turtle_text(w, "\n")) ||
        turtle_term(w, s) || turtle_text(w, "\n    ") || turtle_predicate(w, p);
    w->cur_s = raptor_term_copy(s);
    w->cur_p = raptor_term_copy(p);
  }
  return r || turtle_text(w, " ") || turtle_term(w, o);
}

static int turtle_start(Writer *w) {
  for (size_t i = 0; i < NS_COUNT; i++) {
    w->ns_len[i] = strlen(namespaces[i].iri);
    if (raptor_namespaces_start_namespace_full(
            w->nstack, (const unsigned char *)namespaces[i].prefix,
            (const unsigned char *)namespaces[i].iri, 0))
      return 1;
    if (turtle_text(w, "@prefix ") || turtle_text(w, namespaces[i].prefix) ||
        turtle_text(w, ": <") || turtle_text(w, namespaces[i].iri) ||
        turtle_text(w, "> .\n"))
      return 1;
  }
  return turtle_text(w, "\n");
}

/* ---- N-Triples ---------------------------------------------------------
 * Laid out as raptor_statement_ntriples_write does for raptor's N-Triples
 * serializer: three terms escaped (here with NT_FLAGS), spaces, " .\n".
 * Terms spelled once are copied, and so is the subject while it stays the
 * same (a subject's statements come together). */

static int nt_term(Writer *w, raptor_term *t) {
  const Spelling *sp = spelling_find(w, t);
  if (sp) return nt_put(w, false, sp->text, sp->len);
  return nt_write_term(w, t, false);
}

/* The subject's spelling, made when the subject changes. The old subject is
 * held until then, so its address cannot be reused by a new term. */
static int nt_subject(Writer *w, raptor_term *s) {
  if (s == w->nt_s) return 0;
  const Spelling *sp = spelling_find(w, s);
  const unsigned char *text = sp ? sp->text : NULL;
  size_t len = sp ? sp->len : 0;
  if (!sp) {
    if (capture_term(w, s)) return 1;
    text = w->capture.buf;
    len = w->capture.len;
  }
  if (CNKG_GROW(w->nt_s_text, w->nt_s_size, len, 0)) return 1;
  if (len) memcpy(w->nt_s_text, text, len);
  w->nt_s_len = len;
  if (w->nt_s) raptor_free_term(w->nt_s);
  w->nt_s = raptor_term_copy(s);
  return 0;
}

static int nt_statement(Writer *w, raptor_term *s, raptor_term *p,
                        raptor_term *o) {
  return nt_subject(w, s) || nt_put(w, false, w->nt_s_text, w->nt_s_len) ||
         nt_put(w, false, " ", 1) || nt_term(w, p) || nt_put(w, false, " ", 1) ||
         nt_term(w, o) || nt_put(w, false, " .\n", 3);
}

/* ---- JSON-LD -------------------------------------------------------------
 * The statements as they come, handed to out/jsonld.h as strings; it lays
 * each subject out as a node object. */

static CnkgStatus jsonld_statement(Writer *w, raptor_term *s, raptor_term *p,
                                   raptor_term *o) {
  CnkgJsonldTerm obj = {NULL, 0, false, NULL, NULL};
  if (o->type == RAPTOR_TERM_TYPE_URI) {
    obj.text = (const char *)raptor_uri_as_counted_string(o->value.uri, &obj.len);
    obj.iri = true;
  } else if (o->type == RAPTOR_TERM_TYPE_LITERAL) {
    obj.text = (const char *)o->value.literal.string;
    obj.len = o->value.literal.string_len;
    obj.lang = (const char *)o->value.literal.language;
    if (o->value.literal.datatype)
      obj.datatype = (const char *)raptor_uri_as_string(o->value.literal.datatype);
  } else {
    return CNKG_ERR_INTERNAL; /* cnkg writes no blank nodes */
  }
  return cnkg_jsonld_add(w->jsonld, (const char *)raptor_uri_as_string(s->value.uri),
                         (const char *)raptor_uri_as_string(p->value.uri), &obj);
}

/* Emits s p o; s and p are borrowed, o is owned (and freed here). A NULL
 * o means its construction ran out of memory. */
static CnkgStatus emit(Writer *w, raptor_term *s, raptor_term *p,
                       raptor_term *o) {
  if (!s || !p || !o) {
    if (o) raptor_free_term(o);
    return CNKG_ERR_NOMEM;
  }
  int r;
  if (w->jsonld) {
    CnkgStatus st = jsonld_statement(w, s, p, o);
    raptor_free_term(o);
    return st;
  }
  r = w->turtle ? turtle_statement(w, s, p, o) : nt_statement(w, s, p, o);
  raptor_free_term(o);
  if (w->out_status) return w->out_status;
  /* raptor says only that it failed: most likely for want of memory */
  if (r || w->raptor_failed)
    return cnkg_memory_headroom((size_t)1 << 20) ? CNKG_ERR_INTERNAL : CNKG_ERR_NOMEM;
  return CNKG_SUCCESS;
}

/* Emits s p <term> where the term is borrowed (a fixed term or a node). */
static CnkgStatus emit_ref(Writer *w, raptor_term *s, raptor_term *p,
                           raptor_term *o) {
  return emit(w, s, p, o ? raptor_term_copy(o) : NULL);
}

/* ---- pieces of the graph ---------------------------------------------- */

static const char *doc_id(const CnkgDocument *d) {
  return strncmp(d->key, "doc/", 4) == 0 ? d->key + 4 : d->key;
}

static const char *file_name(const char *path) {
  const char *slash = strrchr(path, '/');
  return slash ? slash + 1 : path;
}

static int cmp_pair(const void *a, const void *b) {
  const Pair *x = a, *y = b;
  if (x->ent != y->ent) return x->ent < y->ent ? -1 : 1;
  if (x->doc != y->doc) return x->doc < y->doc ? -1 : 1;
  return 0;
}

static bool push_pair(Pair **pairs, size_t *n, size_t *cap, size_t ent,
                      size_t doc) {
  if (cnkg_grow(pairs, cap, *n + 1, sizeof **pairs, 64)) return false;
  (*pairs)[(*n)++] = (Pair){ent, doc};
  return true;
}

/* Which documents mention which entity: its mentions; for an entity named
 * in no mention and not added from the division list, the documents whose
 * sentences state its relations. List-added ancestors get none. */
static CnkgStatus mention_pairs(const CnkgGraph *g, Pair **out, size_t *n_out) {
  Pair *pairs = NULL;
  size_t n = 0, cap = 0;
  size_t ne = cnkg_graph_entity_count(g);
  for (size_t i = 0; i < ne; i++) {
    const CnkgEntity *e = cnkg_graph_entity(g, i);
    for (size_t k = 0; k < e->n_mentions; k++)
      if (!push_pair(&pairs, &n, &cap, i, e->mentions[k].doc)) goto oom;
  }
  for (size_t r = 0; r < cnkg_graph_relation_count(g); r++) {
    const CnkgRelation *rel = cnkg_graph_relation(g, r);
    size_t ends[2] = {rel->subject, rel->object};
    for (int k = 0; k < 2; k++) {
      const CnkgEntity *e = cnkg_graph_entity(g, ends[k]);
      /* Per document, so that a shard says what one run says about it. A
       * graph read back from RDF knows list provenance only as a flag. */
      if (!e || (!e->n_listed && (e->flags & CNKG_ENTITY_FROM_DIVISION_LIST))) continue;
      for (size_t v = 0; v < rel->n_evidence; v++) {
        size_t d = rel->evidence[v].doc;
        if (cnkg_graph_mentioned_in(e, d) || cnkg_graph_listed_in(e, d)) continue;
        if (!push_pair(&pairs, &n, &cap, ends[k], d)) goto oom;
      }
    }
  }
  if (n > 1) qsort(pairs, n, sizeof *pairs, cmp_pair);
  size_t u = 0;
  for (size_t i = 0; i < n; i++)
    if (u == 0 || cmp_pair(&pairs[u - 1], &pairs[i]) != 0) pairs[u++] = pairs[i];
  *out = pairs;
  *n_out = u;
  return CNKG_SUCCESS;
oom:
  free(pairs);
  return CNKG_ERR_NOMEM;
}

/* The title is schema:headline, not dcterms:title: the scorer's contract
 * (eval/score) reads any property named "title" as the person-title
 * relation, so a document title under that name would count against it. */
static CnkgStatus write_document(Writer *w, const CnkgDocument *d,
                                 raptor_term *s) {
  CnkgStatus st;
  if ((st = emit_ref(w, s, w->fixed[CNKG_V_TYPE], w->fixed[CNKG_V_DOCUMENT])) ||
      (st = emit_ref(w, s, w->fixed[CNKG_V_TYPE], w->fixed[CNKG_V_PROV_ENTITY])))
    return st;
  if (w->opt->provenance >= CNKG_PROV_ENTITIES) {
    if ((st = emit_ref(w, s, w->fixed[CNKG_V_TYPE], w->fixed[CNKG_V_NIF_CONTEXT])) ||
        (st = emit(w, s, w->fixed[CNKG_V_BEGIN], number(w, 0))) ||
        (st = emit(w, s, w->fixed[CNKG_V_END], number(w, d->n_chars))))
      return st;
  }
  if (d->path && (st = emit(w, s, w->fixed[CNKG_V_SOURCE], plain(w, file_name(d->path)))))
    return st;
  if (d->sha256 && (st = emit(w, s, w->fixed[CNKG_V_SHA256], plain(w, d->sha256))))
    return st;
  if (d->title && (st = emit(w, s, w->fixed[CNKG_V_HEADLINE], zh(w, d->title)))) return st;
  if (d->author && (st = emit(w, s, w->fixed[CNKG_V_CREATOR], zh(w, d->author))))
    return st;
  if (d->photographer &&
      (st = emit(w, s, w->fixed[CNKG_V_PHOTOGRAPHER], zh(w, d->photographer))))
    return st;
  if (d->source && (st = emit(w, s, w->fixed[CNKG_V_PUBLISHER], zh(w, d->source))))
    return st;
  if (d->issued &&
      (st = emit(w, s, w->fixed[CNKG_V_ISSUED], typed(w, CNKG_LIT_DATE, d->issued))))
    return st;
  return CNKG_SUCCESS;
}

static CnkgStatus write_entity(Writer *w, const CnkgEntity *e, raptor_term *s,
                               const Pair *pairs, size_t n_pairs,
                               raptor_term *const *docs) {
  CnkgStatus st;
  if ((st = emit_ref(w, s, w->fixed[CNKG_V_TYPE], w->types[e->type]))) return st;
  int scheme = e->type == CNKG_TYPE_INDUSTRY ? 0
               : e->type == CNKG_TYPE_POLICY ? 1
               : e->type == CNKG_TYPE_INDICATOR ? 2 : -1;
  if (scheme >= 0 &&
      ((st = emit_ref(w, s, w->fixed[CNKG_V_TYPE], w->fixed[CNKG_V_CONCEPT])) ||
       (st = emit_ref(w, s, w->fixed[CNKG_V_INSCHEME], w->schemes[scheme]))))
    return st;
  if (e->label) {
    if ((st = emit(w, s, w->fixed[CNKG_V_LABEL], zh(w, e->label)))) return st;
    if (scheme >= 0 && (st = emit(w, s, w->fixed[CNKG_V_PREFLABEL], zh(w, e->label))))
      return st;
  }
  for (size_t k = 0; k < e->n_aliases; k++)
    if ((st = emit(w, s, w->fixed[CNKG_V_ALTLABEL], zh(w, e->aliases[k])))) return st;
  if (e->code && (st = emit(w, s, w->fixed[CNKG_V_CODE], plain(w, e->code)))) return st;
  if (e->official && (st = emit(w, s, w->fixed[CNKG_V_OFFICIAL], zh(w, e->official))))
    return st;
  if ((e->flags & CNKG_ENTITY_FROM_DIVISION_LIST) &&
      (st = emit_ref(w, s, w->fixed[CNKG_V_FROMLIST], w->fixed[T_TRUE])))
    return st;
  for (size_t k = 0; k < n_pairs; k++)
    if ((st = emit_ref(w, s, w->fixed[CNKG_V_MENTIONED_IN], docs[pairs[k].doc])))
      return st;
  return CNKG_SUCCESS;
}

static int cmp_shared(const void *a, const void *b) {
  const SharedMention *x = a, *y = b;
  if (x->doc != y->doc) return x->doc < y->doc ? -1 : 1;
  if (x->begin != y->begin) return x->begin < y->begin ? -1 : 1;
  if (x->end != y->end) return x->end < y->end ? -1 : 1;
  return x->ent < y->ent ? -1 : (x->ent > y->ent ? 1 : 0);
}

/* The mentions two or more entities share, sorted, into plan. */
static CnkgStatus shared_mentions(const CnkgGraph *g, Plan *plan) {
  size_t ne = cnkg_graph_entity_count(g), n = 0;
  for (size_t i = 0; i < ne; i++) n += cnkg_graph_entity(g, i)->n_mentions;
  SharedMention *all = malloc((n + 1) * sizeof *all);
  if (!all) return CNKG_ERR_NOMEM;
  n = 0;
  for (size_t i = 0; i < ne; i++) {
    const CnkgEntity *e = cnkg_graph_entity(g, i);
    for (size_t k = 0; k < e->n_mentions; k++) {
      const CnkgMention *m = &e->mentions[k];
      all[n++] = (SharedMention){m->doc, m->begin, m->end, i, m->anchor};
    }
  }
  if (n > 1) qsort(all, n, sizeof *all, cmp_shared);
  /* keep the groups of one string with more than one entity */
  size_t kept = 0;
  for (size_t i = 0, j; i < n; i = j) {
    size_t ents = 1;
    for (j = i + 1; j < n && all[j].doc == all[i].doc && all[j].begin == all[i].begin &&
                    all[j].end == all[i].end; j++)
      ents += all[j].ent != all[j - 1].ent;
    if (ents < 2) continue;
    for (size_t k = i; k < j; k++)
      if (k == i || all[k].ent != all[k - 1].ent) all[kept++] = all[k];
  }
  plan->shared = all;
  plan->n_shared = kept;
  return CNKG_SUCCESS;
}

/* The entity's mentions as NIF phrases, one subject group each. A mention
 * it shares with other entities is written once, by the first of them,
 * with a taIdentRef to each (and each distinct anchor). */
static CnkgStatus write_mentions(Writer *w, const CnkgGraph *g, const Plan *plan,
                                 size_t ent, raptor_term *const *ents,
                                 raptor_term *const *docs) {
  CnkgStatus st;
  const CnkgEntity *e = cnkg_graph_entity(g, ent);
  if (w->opt->provenance < CNKG_PROV_ENTITIES) return CNKG_SUCCESS;
  for (size_t k = 0; k < e->n_mentions; k++) {
    const CnkgMention *m = &e->mentions[k];
    if (k > 0 && m->doc == e->mentions[k - 1].doc &&
        m->begin == e->mentions[k - 1].begin && m->end == e->mentions[k - 1].end)
      continue;
    SharedMention probe = {m->doc, m->begin, m->end, 0, NULL};
    size_t lo = 0, hi = plan->n_shared;
    while (lo < hi) { /* the first of the group, if shared */
      size_t mid = lo + (hi - lo) / 2;
      if (cmp_shared(&plan->shared[mid], &probe) < 0) lo = mid + 1;
      else hi = mid;
    }
    const SharedMention *group = NULL;
    size_t n_group = 0;
    if (lo < plan->n_shared && plan->shared[lo].doc == m->doc &&
        plan->shared[lo].begin == m->begin && plan->shared[lo].end == m->end) {
      if (plan->shared[lo].ent != ent) continue; /* written by another */
      group = &plan->shared[lo];
      while (lo + n_group < plan->n_shared && group[n_group].doc == m->doc &&
             group[n_group].begin == m->begin && group[n_group].end == m->end)
        n_group++;
    }
    const CnkgDocument *d = cnkg_graph_document(g, m->doc);
    char span[64];
    put_span(span, m->begin, m->end);
    raptor_term *mt = base_iri(w, "mention/", doc_id(d), span);
    if (!mt) return CNKG_ERR_NOMEM;
    if (!(st = emit_ref(w, mt, w->fixed[CNKG_V_TYPE], w->fixed[CNKG_V_NIF_PHRASE])) &&
        !(st = emit_ref(w, mt, w->fixed[CNKG_V_REFCTX], docs[m->doc])) &&
        !(st = emit(w, mt, w->fixed[CNKG_V_BEGIN], number(w, m->begin))) &&
        !(st = emit(w, mt, w->fixed[CNKG_V_END], number(w, m->end)))) {
      if (!group) {
        st = emit_ref(w, mt, w->fixed[CNKG_V_TAIDENT], ents[ent]);
        if (!st && m->anchor) st = emit(w, mt, w->fixed[CNKG_V_ANCHOR], zh(w, m->anchor));
      }
      for (size_t q = 0; group && q < n_group && !st; q++)
        st = emit_ref(w, mt, w->fixed[CNKG_V_TAIDENT], ents[group[q].ent]);
      for (size_t q = 0; group && q < n_group && !st; q++) {
        bool seen = !group[q].anchor;
        for (size_t r = 0; r < q && !seen; r++)
          seen = group[r].anchor && !strcmp(group[r].anchor, group[q].anchor);
        if (!seen) st = emit(w, mt, w->fixed[CNKG_V_ANCHOR], zh(w, group[q].anchor));
      }
    }
    raptor_free_term(mt);
    if (st) return st;
  }
  return CNKG_SUCCESS;
}

static CnkgStatus write_relation(Writer *w, const CnkgRelation *r,
                                 raptor_term *const *ents) {
  raptor_term *s = ents[r->subject], *p = w->rels[r->rel];
  return r->object == SIZE_MAX
             ? emit(w, s, p, typed(w, cnkg_rel_literal_kind(r->rel),
                                   r->literal ? r->literal : ""))
             : emit_ref(w, s, p, ents[r->object]);
}

/* The relation's evidence as PROV-O resources, one subject group each. */
static CnkgStatus write_evidence(Writer *w, const CnkgGraph *g,
                                 const CnkgRelation *r,
                                 raptor_term *const *ents,
                                 raptor_term *const *docs) {
  raptor_term *s = ents[r->subject], *p = w->rels[r->rel];
  CnkgStatus st;
  bool lit = r->object == SIZE_MAX;
  if (w->opt->provenance < CNKG_PROV_FULL || r->n_evidence == 0)
    return CNKG_SUCCESS;
  /* The evidence IRI names the statement by hashing its three parts. */
  const char *sk = cnkg_graph_entity(g, r->subject)->key;
  const char *rn = cnkg_rel_name(r->rel);
  const char *ok = lit ? (r->literal ? r->literal : "")
                       : cnkg_graph_entity(g, r->object)->key;
  size_t ls = strlen(sk), lr = strlen(rn), lo = strlen(ok);
  char *id = malloc(ls + lr + lo + 3);
  if (!id) return CNKG_ERR_NOMEM;
  memcpy(id, sk, ls);
  id[ls] = '\x1f';
  memcpy(id + ls + 1, rn, lr);
  id[ls + 1 + lr] = '\x1f';
  memcpy(id + ls + lr + 2, ok, lo);
  char hex[65];
  cnkg_sha256_hex(id, ls + lr + lo + 2, hex);
  free(id);
  hex[16] = '/';
  hex[17] = '\0';
  for (size_t k = 0; k < r->n_evidence; k++) {
    const CnkgEvidence *v = &r->evidence[k];
    if (k > 0 && v->doc == r->evidence[k - 1].doc &&
        v->begin == r->evidence[k - 1].begin && v->end == r->evidence[k - 1].end)
      continue;
    const CnkgDocument *d = cnkg_graph_document(g, v->doc);
    char span[96];
    const char *di = doc_id(d);
    size_t dl = strlen(di);
    if (dl < sizeof span - 44) { /* as "%s/%zu-%zu" writes it */
      memcpy(span, di, dl);
      put_span(span + dl, v->begin, v->end);
    } else {
      snprintf(span, sizeof span, "%s/%zu-%zu", di, v->begin, v->end);
    }
    raptor_term *et = base_iri(w, "evidence/", hex, span);
    if (!et) return CNKG_ERR_NOMEM;
    if (!(st = emit_ref(w, et, w->fixed[CNKG_V_TYPE], w->fixed[CNKG_V_EVIDENCE])) &&
        !(st = emit_ref(w, et, w->fixed[CNKG_V_TYPE], w->fixed[CNKG_V_PROV_ENTITY])) &&
        !(st = emit_ref(w, et, w->fixed[CNKG_V_SUBJECT], s)) &&
        !(st = emit_ref(w, et, w->fixed[CNKG_V_PREDICATE], p)) &&
        !(st = lit ? emit(w, et, w->fixed[CNKG_V_OBJECT],
                          typed(w, cnkg_rel_literal_kind(r->rel), ok))
                   : emit_ref(w, et, w->fixed[CNKG_V_OBJECT], ents[r->object])) &&
        !(st = emit_ref(w, et, w->fixed[CNKG_V_DERIVED], docs[v->doc])) &&
        !(st = emit(w, et, w->fixed[CNKG_V_BEGIN], number(w, v->begin))) &&
        !(st = emit(w, et, w->fixed[CNKG_V_END], number(w, v->end))) &&
        !(st = emit_ref(w, et, w->fixed[CNKG_V_ATTRIBUTED], w->agent)) && v->sentence)
      st = emit(w, et, w->fixed[CNKG_V_SENTENCE], zh(w, v->sentence));
    raptor_free_term(et);
    if (st) return st;
  }
  return CNKG_SUCCESS;
}

static CnkgStatus write_extras(Writer *w, bool has_scheme[3]) {
  static const char *const zh_names[3] = {"产业", "政策", "指标"};
  static const char *const en_names[3] = {"industries", "policies", "indicators"};
  CnkgStatus st;
  for (int i = 0; i < 3; i++) {
    if (!has_scheme[i]) continue;
    raptor_term *s = w->schemes[i];
    if ((st = emit_ref(w, s, w->fixed[CNKG_V_TYPE], w->fixed[CNKG_V_SCHEME])) ||
        (st = emit(w, s, w->fixed[CNKG_V_LABEL], zh(w, zh_names[i]))) ||
        (st = emit(w, s, w->fixed[CNKG_V_LABEL], literal(w, en_names[i], "en", NULL))))
      return st;
  }
  if (w->opt->provenance >= CNKG_PROV_FULL) {
    if ((st = emit_ref(w, w->agent, w->fixed[CNKG_V_TYPE], w->fixed[CNKG_V_AGENT])) ||
        (st = emit(w, w->agent, w->fixed[CNKG_V_LABEL],
                   plain(w, "cnkg " CNKG_VERSION))))
      return st;
  }
  return CNKG_SUCCESS;
}

static void free_terms(raptor_term **terms, size_t n) {
  if (!terms) return;
  for (size_t i = 0; i < n; i++)
    if (terms[i]) raptor_free_term(terms[i]);
  free(terms);
}

static CnkgStatus plan_make(const CnkgGraph *g, bool opt_mentions, Plan *plan) {
  memset(plan, 0, sizeof *plan);
  CnkgStatus st = mention_pairs(g, &plan->pairs, &plan->n_pairs);
  if (!st && opt_mentions) st = shared_mentions(g, plan);
  if (st) return st;
  /* Each entity's statements, then the relations it is the subject of, form
   * one subject group; its mentions and those relations' evidence follow.
   * That needs relations ordered by subject, as canonicalisation leaves
   * them; otherwise relations come after all entities (still valid, as
   * repeated subject groups). */
  size_t nr = cnkg_graph_relation_count(g), ne = cnkg_graph_entity_count(g);
  plan->by_subject = true;
  for (size_t i = 1; i < nr && plan->by_subject; i++)
    plan->by_subject = cnkg_graph_relation(g, i - 1)->subject <=
                       cnkg_graph_relation(g, i)->subject;
  for (size_t i = 0; i < ne; i++) {
    const CnkgEntity *e = cnkg_graph_entity(g, i);
    if (e->type == CNKG_TYPE_INDUSTRY) plan->has_scheme[0] = true;
    if (e->type == CNKG_TYPE_POLICY) plan->has_scheme[1] = true;
    if (e->type == CNKG_TYPE_INDICATOR) plan->has_scheme[2] = true;
  }
  return CNKG_SUCCESS;
}

/* Writes part of the graph with w, making w's own terms for every document
 * and entity (terms belong to one raptor world, so parts share none). */
CnkgStatus rdf_write_part(Writer *w, const CnkgGraph *g, const Plan *plan,
                          const Part *part) {
  size_t nd = cnkg_graph_document_count(g), ne = cnkg_graph_entity_count(g);
  size_t nr = cnkg_graph_relation_count(g);
  raptor_term **docs = calloc(nd + 1, sizeof *docs);
  raptor_term **ents = calloc(ne + 1, sizeof *ents);
  const Pair *pairs = plan->pairs;
  size_t n_pairs = plan->n_pairs;
  CnkgStatus st = CNKG_SUCCESS;
  if (!docs || !ents) {
    st = CNKG_ERR_NOMEM;
    goto done;
  }
  for (size_t i = 0; i < nd; i++)
    if (!(docs[i] = base_iri(w, cnkg_graph_document(g, i)->key, NULL, NULL))) {
      st = CNKG_ERR_NOMEM;
      goto done;
    }
  for (size_t i = 0; i < ne; i++)
    if (!(ents[i] = base_iri(w, cnkg_graph_entity(g, i)->key, NULL, NULL))) {
      st = CNKG_ERR_NOMEM;
      goto done;
    }
  if (!w->jsonld && (st = spell_fixed(w, docs, nd))) goto done;
  for (size_t i = 0; part->first && i < nd; i++)
    if ((st = write_document(w, cnkg_graph_document(g, i), docs[i]))) goto done;
  size_t at = part->pair_at, rat = part->rel_at;
  for (size_t i = part->ent_from; i < part->ent_to; i++) {
    const CnkgEntity *e = cnkg_graph_entity(g, i);
    size_t from = at, rfrom = rat;
    while (at < n_pairs && pairs[at].ent == i) at++;
    if ((st = write_entity(w, e, ents[i], pairs + from, at - from, docs)))
      goto done;
    while (plan->by_subject && rat < nr &&
           cnkg_graph_relation(g, rat)->subject == i)
      if ((st = write_relation(w, cnkg_graph_relation(g, rat++), ents)))
        goto done;
    if ((st = write_mentions(w, g, plan, i, ents, docs))) goto done;
    for (size_t k = rfrom; k < rat; k++)
      if ((st = write_evidence(w, g, cnkg_graph_relation(g, k), ents, docs)))
        goto done;
  }
  if (!part->last) goto done;
  for (size_t k = rat; k < nr; k++)
    if ((st = write_relation(w, cnkg_graph_relation(g, k), ents)) ||
        (st = write_evidence(w, g, cnkg_graph_relation(g, k), ents, docs)))
      goto done;
  bool has_scheme[3] = {plan->has_scheme[0], plan->has_scheme[1],
                        plan->has_scheme[2]};
  st = write_extras(w, has_scheme);
done:
  spelling_clear(w);
  free_terms(docs, nd);
  free_terms(ents, ne);
  return st;
}

static CnkgStatus write_all(Writer *w, const CnkgGraph *g) {
  Plan plan;
  CnkgStatus st = plan_make(g, w->opt->provenance >= CNKG_PROV_ENTITIES, &plan);
  size_t ne = cnkg_graph_entity_count(g);
  size_t n_parts = w->turtle || w->jsonld ? 1 : w->opt->threads;
  if (n_parts > MAX_PARTS) n_parts = MAX_PARTS;
  if (n_parts > ne) n_parts = ne;
  bool whole = true;
  if (!st && n_parts > 1) st = rdf_write_parallel(w, g, &plan, n_parts, &whole);
  if (!st && whole) {
    Part all = {0, ne, 0, 0, true, true};
    st = rdf_write_part(w, g, &plan, &all);
  }
  free(plan.pairs);
  free(plan.shared);
  return st;
}

/* raptor_world_open and raptor_free_world touch process-wide state, so
 * worlds are made and freed one at a time. A writer parses no XML and
 * fetches nothing, so neither libxml2's error handlers (per thread: saving
 * them in a new thread allocates state libxml2 never frees) nor the WWW
 * library are touched. */
static pthread_mutex_t world_lock = PTHREAD_MUTEX_INITIALIZER;

/* Makes w's world, terms and streams, writing into output (borrowed).
 * w is to be freed with rdf_writer_free whatever this returns. */
CnkgStatus rdf_writer_open(Writer *w, const CnkgRdfOptions *options,
                           const char *base, CnkgOutput *output) {
  memset(w, 0, sizeof *w);
  w->out = output;
  w->log = options->log;
  w->opt = options;
  w->base = base;
  CnkgStatus st = CNKG_SUCCESS;

  pthread_mutex_lock(&world_lock);
  w->world = raptor_new_world();
  if (w->world) {
    raptor_world_set_flag(w->world, RAPTOR_WORLD_FLAG_WWW_SKIP_INIT_FINISH, 1);
    raptor_world_set_flag(w->world, RAPTOR_WORLD_FLAG_LIBXML_GENERIC_ERROR_SAVE, 0);
    raptor_world_set_flag(w->world, RAPTOR_WORLD_FLAG_LIBXML_STRUCTURED_ERROR_SAVE, 0);
  }
  bool opened = w->world && !raptor_world_open(w->world);
  pthread_mutex_unlock(&world_lock);
  if (!opened) return CNKG_ERR_NOMEM;
  raptor_world_set_log_handler(w->world, w, on_raptor_log);

  for (int i = 0; i < T_COUNT - 1; i++)
    if (!(w->fixed[i] = raptor_new_term_from_uri_string(
              w->world, (const unsigned char *)cnkg_vocab_iri((CnkgVocab)i))))
      st = CNKG_ERR_NOMEM;
  w->xsd_nni = raptor_new_uri(w->world,
                              (const unsigned char *)CNKG_NS_XSD "nonNegativeInteger");
  raptor_uri *xsd_bool =
      raptor_new_uri(w->world, (const unsigned char *)CNKG_NS_XSD "boolean");
  w->fixed[T_TRUE] = xsd_bool ? literal(w, "true", NULL, xsd_bool) : NULL;
  if (xsd_bool) raptor_free_uri(xsd_bool);
  if (!w->xsd_nni || !w->fixed[T_TRUE]) st = CNKG_ERR_NOMEM;
  for (int i = 0; i < CNKG_TYPE_COUNT; i++)
    if (!(w->types[i] = raptor_new_term_from_uri_string(
              w->world, (const unsigned char *)cnkg_type_info((CnkgType)i)->iri)))
      st = CNKG_ERR_NOMEM;
  for (int i = 0; i < CNKG_REL_COUNT; i++)
    if (!(w->rels[i] = raptor_new_term_from_uri_string(
              w->world, (const unsigned char *)cnkg_rel_info((CnkgRel)i)->iri)))
      st = CNKG_ERR_NOMEM;
  w->schemes[0] = base_iri(w, "scheme/industry", NULL, NULL);
  w->schemes[1] = base_iri(w, "scheme/policy", NULL, NULL);
  w->schemes[2] = base_iri(w, "scheme/indicator", NULL, NULL);
  w->agent = base_iri(w, "agent/cnkg-" CNKG_VERSION, NULL, NULL);
  if (!w->schemes[0] || !w->schemes[1] || !w->schemes[2] || !w->agent)
    st = CNKG_ERR_NOMEM;
  if (st) return st;

  w->iobuf = malloc(IO_BUF_SIZE);
  w->io = w->iobuf ? raptor_new_iostream_from_handler(w->world, w, &io_handler)
                   : NULL;
  if (!w->io) return CNKG_ERR_NOMEM;
  w->cap_io = raptor_new_iostream_from_handler(w->world, &w->capture, &cap_handler);
  if (!w->cap_io) return CNKG_ERR_NOMEM;
  if (options->format == CNKG_RDF_JSONLD)
    return cnkg_jsonld_new(output, base, &w->jsonld);
  /* No base URI anywhere: every IRI is written absolute, never relative. */
  if (options->format == CNKG_RDF_TURTLE) {
    w->turtle = true;
    if (!(w->nstack = raptor_new_namespaces(w->world, 0))) return CNKG_ERR_NOMEM;
    if (turtle_start(w)) return w->out_status ? w->out_status : CNKG_ERR_NOMEM;
  }
  return CNKG_SUCCESS;
}

/* Ends the writing that returned st: closes Turtle's last group and
 * flushes. The status of the whole write. */
CnkgStatus rdf_writer_finish(Writer *w, CnkgStatus st) {
  if (w->jsonld && !st) st = cnkg_jsonld_finish(w->jsonld);
  if (w->turtle && turtle_close(w) && !st) st = CNKG_ERR_INTERNAL;
  rdf_io_flush(w);
  if (w->out_status) st = w->out_status;
  else if (w->raptor_failed && !st) st = CNKG_ERR_INTERNAL;
  return st;
}

void rdf_writer_free(Writer *w) {
  cnkg_jsonld_free(w->jsonld);
  if (w->cur_s) raptor_free_term(w->cur_s);
  if (w->cur_p) raptor_free_term(w->cur_p);
  if (w->nt_s) raptor_free_term(w->nt_s);
  free(w->nt_s_text);
  if (w->cap_io) raptor_free_iostream(w->cap_io);
  free(w->capture.buf);
  if (w->nstack) raptor_free_namespaces(w->nstack);
  if (w->io) raptor_free_iostream(w->io);
  for (int i = 0; i < T_COUNT; i++)
    if (w->fixed[i]) raptor_free_term(w->fixed[i]);
  for (int i = 0; i < CNKG_TYPE_COUNT; i++)
    if (w->types[i]) raptor_free_term(w->types[i]);
  for (int i = 0; i < CNKG_REL_COUNT; i++)
    if (w->rels[i]) raptor_free_term(w->rels[i]);
  for (int i = 0; i < 3; i++)
    if (w->schemes[i]) raptor_free_term(w->schemes[i]);
  if (w->agent) raptor_free_term(w->agent);
  if (w->xsd_nni) raptor_free_uri(w->xsd_nni);
  free(w->buf);
  free(w->iobuf);
  if (w->world) {
    pthread_mutex_lock(&world_lock);
    raptor_free_world(w->world);
    pthread_mutex_unlock(&world_lock);
  }
}

CnkgStatus cnkg_rdf_write(const CnkgGraph *graph, const CnkgRdfOptions *options,
                          CnkgOutput *output) {
  CnkgRdfOptions defaults;
  cnkg_rdf_options_init(&defaults);
  if (!options) options = &defaults;
  const char *base = options->base ? options->base : CNKG_RDF_DEFAULT_BASE;
  if (!graph || !output || !base_valid(base) ||
      (options->format != CNKG_RDF_TURTLE && options->format != CNKG_RDF_NTRIPLES &&
       options->format != CNKG_RDF_JSONLD))
    return CNKG_ERR_ARG;

  Writer w;
  CnkgStatus st = rdf_writer_open(&w, options, base, output);
  if (!st) st = rdf_writer_finish(&w, write_all(&w, graph));
  if (w.out_status && (st == CNKG_SUCCESS || st == CNKG_ERR_INTERNAL))
    st = w.out_status;
  rdf_writer_free(&w);
  return st;
}
