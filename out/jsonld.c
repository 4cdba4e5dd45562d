/* SPDX-License-Identifier: Apache-2.0
 * JSON-LD layout (see jsonld.h): the open subject's statements are kept in
 * one byte arena and written as a node object when the subject changes,
 * grouped by predicate in order of first appearance (a JSON object cannot
 * repeat a key). IRIs are compacted with the context's prefixes. Depends on
 * include/cnkg/output.h, out/json.h and cnkg/vocab.h. */
#include "out/jsonld.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "out/json.h"
#include "cnkg/vocab.h"
#include "cnkg/grow.h"

#define BASE_PREFIX "cnkgid"

/* The context's prefixes, in the order written. */
static const struct {
  const char *prefix, *iri;
} prefixes[] = {
    {"cnkg", CNKG_NS_CNKG},  {"rdf", CNKG_NS_RDF},       {"rdfs", CNKG_NS_RDFS},
    {"xsd", CNKG_NS_XSD},    {"skos", CNKG_NS_SKOS},     {"prov", CNKG_NS_PROV},
    {"dcterms", CNKG_NS_DCT}, {"nif", CNKG_NS_NIF},      {"itsrdf", CNKG_NS_ITS},
    {"schema", CNKG_NS_SCHEMA}};
#define N_PREFIXES (sizeof prefixes / sizeof prefixes[0])

/* One statement of the open subject: offsets into the arena (SIZE_MAX:
 * none). */
typedef struct {
  size_t pred, text, len, lang, datatype;
  bool iri;
} Pair;

struct CnkgJsonld {
  CnkgOutput *out;
  char *base;
  char *arena;
  size_t used, cap;
  Pair *pairs;
  size_t n_pairs, cap_pairs;
  bool open;     /* a subject is held (its IRI at arena offset 0) */
  bool any;      /* a node was written */
  bool failed;   /* out of memory */
  size_t *order; /* scratch: distinct predicates of the open subject */
  size_t cap_order;
};

static void write_context_body(CnkgOutput *out, const char *base, const char *indent) {
  cnkg_output_puts(out, "{");
  for (size_t i = 0; i < N_PREFIXES; i++) {
    cnkg_output_puts(out, i ? ",\n" : "\n");
    cnkg_output_puts(out, indent);
    cnkg_output_puts(out, "  ");
    cnkg_json_string(out, prefixes[i].prefix, false);
    cnkg_output_puts(out, ": ");
    cnkg_json_string(out, prefixes[i].iri, false);
  }
  cnkg_output_puts(out, ",\n");
  cnkg_output_puts(out, indent);
  cnkg_output_puts(out, "  \"" BASE_PREFIX "\": ");
  cnkg_json_string(out, base, false);
  cnkg_output_puts(out, "\n");
  cnkg_output_puts(out, indent);
  cnkg_output_puts(out, "}");
}

void cnkg_jsonld_write_context(CnkgOutput *out, const char *base) {
  cnkg_output_puts(out, "{\n  \"@context\": ");
  write_context_body(out, base, "  ");
  cnkg_output_puts(out, "\n}\n");
}

CnkgStatus cnkg_jsonld_new(CnkgOutput *out, const char *base, CnkgJsonld **jl) {
  *jl = calloc(1, sizeof **jl);
  if (!*jl) return CNKG_ERR_NOMEM;
  size_t n = strlen(base) + 1;
  if (!((*jl)->base = malloc(n))) {
    free(*jl);
    *jl = NULL;
    return CNKG_ERR_NOMEM;
  }
  memcpy((*jl)->base, base, n);
  (*jl)->out = out;
  cnkg_output_puts(out, "{\n  \"@context\": ");
  write_context_body(out, base, "  ");
  return cnkg_output_puts(out, ",\n  \"@graph\": [");
}

/* Appends len bytes and a NUL to the arena; their offset, or SIZE_MAX. */
static size_t keep(CnkgJsonld *jl, const char *s, size_t len) {
  if (!s) return SIZE_MAX;
  if (CNKG_GROW(jl->arena, jl->cap, jl->used + len + 1, 4096)) {
    jl->failed = true;
    return SIZE_MAX;
  }
  size_t at = jl->used;
  memcpy(jl->arena + at, s, len);
  jl->arena[at + len] = '\0';
  jl->used += len + 1;
  return at;
}

/* iri as a compact IRI "prefix:rest" with the longest namespace (the base
 * included) that leaves a non-empty rest, else as it is. */
static void write_iri(CnkgJsonld *jl, const char *iri, size_t len) {
  const char *best = NULL;
  size_t best_len = 0;
  for (size_t i = 0; i <= N_PREFIXES; i++) {
    const char *ns = i < N_PREFIXES ? prefixes[i].iri : jl->base;
    size_t n = strlen(ns);
    if (n < len && n > best_len && !memcmp(iri, ns, n) && strncmp(iri + n, "//", 2)) {
      best = i < N_PREFIXES ? prefixes[i].prefix : BASE_PREFIX;
      best_len = n;
    }
  }
  if (!best) {
    cnkg_json_counted_string(jl->out, iri, len, false);
    return;
  }
  size_t pl = strlen(best);
  char small[256];
  char *buf = pl + 1 + len - best_len <= sizeof small ? small : malloc(pl + 1 + len - best_len);
  if (!buf) {
    jl->failed = true;
    return;
  }
  memcpy(buf, best, pl);
  buf[pl] = ':';
  memcpy(buf + pl + 1, iri + best_len, len - best_len);
  cnkg_json_counted_string(jl->out, buf, pl + 1 + len - best_len, false);
  if (buf != small) free(buf);
}

static void write_value(CnkgJsonld *jl, const Pair *p, bool is_type) {
  const char *a = jl->arena;
  if (p->iri) {
    if (!is_type) cnkg_output_puts(jl->out, "{\"@id\":");
    write_iri(jl, a + p->text, p->len);
    if (!is_type) cnkg_output_puts(jl->out, "}");
    return;
  }
  if (p->lang == SIZE_MAX && p->datatype == SIZE_MAX) {
    cnkg_json_counted_string(jl->out, a + p->text, p->len, false);
    return;
  }
  cnkg_output_puts(jl->out, "{\"@value\":");
  cnkg_json_counted_string(jl->out, a + p->text, p->len, false);
  if (p->lang != SIZE_MAX) {
    cnkg_output_puts(jl->out, ",\"@language\":");
    cnkg_json_string(jl->out, a + p->lang, false);
  } else {
    cnkg_output_puts(jl->out, ",\"@type\":");
    write_iri(jl, a + p->datatype, strlen(a + p->datatype));
  }
  cnkg_output_puts(jl->out, "}");
}

/* Writes the open subject as one node object and forgets it. */
static CnkgStatus flush(CnkgJsonld *jl) {
  if (!jl->open) return CNKG_SUCCESS;
  const char *a = jl->arena;
  size_t n_order = 0;
  for (size_t i = 0; i < jl->n_pairs; i++) {
    bool seen = false;
    for (size_t k = 0; k < n_order && !seen; k++)
      seen = !strcmp(a + jl->pairs[jl->order[k]].pred, a + jl->pairs[i].pred);
    if (seen) continue;
    if (CNKG_GROW(jl->order, jl->cap_order, n_order + 1, 16)) return CNKG_ERR_NOMEM;
    jl->order[n_order++] = i;
  }
  cnkg_output_puts(jl->out, jl->any ? ",\n{\"@id\":" : "\n{\"@id\":");
  write_iri(jl, a, strlen(a));
  for (size_t k = 0; k < n_order; k++) {
    const char *pred = a + jl->pairs[jl->order[k]].pred;
    bool is_type = !strcmp(pred, CNKG_NS_RDF "type");
    size_t count = 0;
    for (size_t i = jl->order[k]; i < jl->n_pairs; i++)
      count += !strcmp(a + jl->pairs[i].pred, pred) && (!is_type || jl->pairs[i].iri);
    cnkg_output_puts(jl->out, ",");
    if (is_type && count) cnkg_output_puts(jl->out, "\"@type\"");
    else write_iri(jl, pred, strlen(pred));
    /* rdf:type with a literal object (never written by cnkg) stays rdf:type */
    if (is_type && !count) is_type = false;
    if (!is_type) {
      count = 0;
      for (size_t i = jl->order[k]; i < jl->n_pairs; i++)
        count += !strcmp(a + jl->pairs[i].pred, pred);
    }
    cnkg_output_puts(jl->out, count > 1 ? ":[" : ":");
    size_t written = 0;
    for (size_t i = jl->order[k]; i < jl->n_pairs; i++) {
      if (strcmp(a + jl->pairs[i].pred, pred) || (is_type && !jl->pairs[i].iri)) continue;
      if (written++) cnkg_output_puts(jl->out, ",");
      write_value(jl, &jl->pairs[i], is_type);
    }
    if (count > 1) cnkg_output_puts(jl->out, "]");
  }
  cnkg_output_puts(jl->out, "}");
  jl->any = true;
  jl->open = false;
  jl->used = 0;
  jl->n_pairs = 0;
  return jl->failed ? CNKG_ERR_NOMEM : cnkg_output_write(jl->out, "", 0);
}

CnkgStatus cnkg_jsonld_add(CnkgJsonld *jl, const char *subject, const char *predicate,
                           const CnkgJsonldTerm *object) {
  if (jl->open && strcmp(jl->arena, subject)) {
    CnkgStatus st = flush(jl);
    if (st) return st;
  }
  if (!jl->open) {
    keep(jl, subject, strlen(subject));
    jl->open = true;
  }
  if (CNKG_GROW(jl->pairs, jl->cap_pairs, jl->n_pairs + 1, 32)) return CNKG_ERR_NOMEM;
  Pair *p = &jl->pairs[jl->n_pairs++];
  p->pred = keep(jl, predicate, strlen(predicate));
  p->text = keep(jl, object->text, object->len);
  p->len = object->len;
  p->iri = object->iri;
  p->lang = object->lang && *object->lang ? keep(jl, object->lang, strlen(object->lang)) : SIZE_MAX;
  p->datatype = object->datatype ? keep(jl, object->datatype, strlen(object->datatype)) : SIZE_MAX;
  return jl->failed ? CNKG_ERR_NOMEM : CNKG_SUCCESS;
}

CnkgStatus cnkg_jsonld_finish(CnkgJsonld *jl) {
  if (jl->failed) return CNKG_ERR_NOMEM;
  CnkgStatus st = flush(jl);
  if (st) return st;
  cnkg_output_puts(jl->out, jl->any ? "\n  ]\n}\n" : "]\n}\n");
  return cnkg_output_write(jl->out, "", 0);
}

void cnkg_jsonld_free(CnkgJsonld *jl) {
  if (!jl) return;
  free(jl->base);
  free(jl->arena);
  free(jl->pairs);
  free(jl->order);
  free(jl);
}
