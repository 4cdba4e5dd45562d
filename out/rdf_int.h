/* SPDX-License-Identifier: Apache-2.0
 * Private to the RDF writer (rdf.c, rdf_parallel.c): the writer's state,
 * the plan every part of a write shares, a part, and the functions the two
 * files call across. Depends on include/cnkg/ and raptor2. */
#ifndef CNKG_OUT_RDF_INT_H
#define CNKG_OUT_RDF_INT_H

#include <raptor2.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "out/jsonld.h"
#include "out/rdf.h"

/* Fixed terms, made once per write: the vocabulary's (cnkg/vocab.h) and
 * the literal "true"^^xsd:boolean. */
enum { T_TRUE = CNKG_V_COUNT, T_COUNT };

/* The namespaces Turtle declares (rdf.c, namespaces). */
enum { NS_COUNT = 10 };

/* The spelling raptor gave a term made once per write (a fixed term, type,
 * relation, scheme, the agent, a document), by term address. Spelling is
 * most of the writing time: N-Triples escapes every IRI byte by byte, and
 * Turtle looks each IRI up for a prefix in the namespace stack (raptor
 * walks all 1024 buckets of its table) in a turtle writer it creates and
 * frees per term. */
typedef struct {
  raptor_term *term; /* NULL: empty slot */
  unsigned char *text;
  size_t len;
} Spelling;

/* Bytes raptor writes into memory, to be kept or written again. */
typedef struct {
  unsigned char *buf;
  size_t len, cap;
  bool failed; /* out of memory */
} Capture;

typedef struct {
  raptor_world *world;
  bool turtle;
  CnkgJsonld *jsonld;      /* JSON-LD: the layout (owned) */
  raptor_iostream *io;
  raptor_namespace_stack *nstack; /* Turtle: the prefixes */
  raptor_term *cur_s;      /* Turtle: open subject group (owned copy) */
  raptor_term *cur_p;      /* Turtle: last predicate in it (owned copy) */
  CnkgOutput *out;
  CnkgStatus out_status;  /* first error of the output */
  bool raptor_failed;
  const CnkgLog *log;
  const CnkgRdfOptions *opt;
  const char *base;
  raptor_term *fixed[T_COUNT];
  raptor_term *types[CNKG_TYPE_COUNT];
  raptor_term *rels[CNKG_REL_COUNT];
  raptor_term *schemes[3]; /* industry, policy, indicator */
  raptor_term *agent;
  raptor_uri *xsd_nni;     /* xsd:nonNegativeInteger */
  char *buf;               /* scratch for IRIs */
  size_t cap;
  unsigned char *iobuf;    /* raptor's bytes on their way to out */
  size_t iolen;
  Spelling *spelled;       /* n_slots, a power of two */
  size_t n_slots;
  Capture capture;         /* spellings in the making */
  raptor_iostream *cap_io; /* writes into capture */
  raptor_term *nt_s;       /* N-Triples: last subject (owned copy) ... */
  unsigned char *nt_s_text; /* ... and its spelling */
  size_t nt_s_len, nt_s_size;
  size_t ns_len[NS_COUNT];
} Writer;

/* raptor writes most of its output a byte at a time (escaped strings,
 * delimiters); each byte going straight to the output cost a call chain
 * down to fwrite. Bytes collect here and reach the output in blocks. */
#define IO_BUF_SIZE ((size_t)64 * 1024)

/* Entity-document pairs for cnkg:mentionedIn. */
typedef struct {
  size_t ent, doc;
} Pair;

/* A mention that several entities share (one string linked to, say, an
 * organisation and a policy): one NIF phrase, whose IRI names only the
 * string, with one itsrdf:taIdentRef per entity. */
typedef struct {
  size_t doc, begin, end, ent;
  const char *anchor;
} SharedMention;

/* What every part of a write shares, read-only: which documents each entity
 * is mentioned in (sorted by entity), whether relations come ordered by
 * subject, which concept schemes occur, and the mentions that several
 * entities share (by doc, begin, end, entity). */
typedef struct {
  Pair *pairs; /* owned */
  size_t n_pairs;
  bool by_subject;
  bool has_scheme[3];
  SharedMention *shared; /* owned */
  size_t n_shared;
} Plan;

/* A contiguous range of entities and where its pairs and relations start.
 * The first part also writes the documents; the last the relations left
 * over (when not ordered by subject) and the extras. */
typedef struct {
  size_t ent_from, ent_to, pair_at, rel_at;
  bool first, last;
} Part;

/* Parts made at most, whatever the thread count (each holds a world, a
 * temporary file and terms for every entity). */
#define MAX_PARTS 64

/* Writer (rdf.c). rdf_writer_open makes w's world, terms and streams,
 * writing into output (borrowed); w is to be freed with rdf_writer_free
 * whatever it returns. rdf_writer_finish ends the writing that returned
 * st. rdf_io_flush hands the collected bytes to the output (non-zero once
 * it has failed). rdf_write_part writes part of the graph with w. */
CnkgStatus rdf_writer_open(Writer *w, const CnkgRdfOptions *options, const char *base,
                           CnkgOutput *output);
CnkgStatus rdf_writer_finish(Writer *w, CnkgStatus st);
void rdf_writer_free(Writer *w);
int rdf_io_flush(Writer *w);
CnkgStatus rdf_write_part(Writer *w, const CnkgGraph *g, const Plan *plan, const Part *part);

/* N-Triples in n_parts parts at once (rdf_parallel.c). Sets *fell_back,
 * having written nothing, when a temporary file cannot be made. */
CnkgStatus rdf_write_parallel(Writer *w, const CnkgGraph *g, const Plan *plan,
                              size_t n_parts, bool *fell_back);

#endif
