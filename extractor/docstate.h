/* SPDX-License-Identifier: Apache-2.0
 * Per-document working state shared by the recognisers: the prepared text,
 * the lexical analysis of each sentence, the graph being filled, and the
 * table of entity spans found so far (so a later recogniser can relate a
 * person to the place named beside it). Made and freed by extract.c for
 * each document. Depends on graph.h, intake.h, lac.h, division.h. */
#ifndef CNKG_EXTRACTOR_DOCSTATE_H
#define CNKG_EXTRACTOR_DOCSTATE_H

#include <stddef.h>

#include "cnkg/graph.h"
#include "cnkg/log.h"
#include "extractor/division.h"
#include "extractor/intake.h"
#include "extractor/lac.h"

typedef struct {
  size_t sentence;     /* index into text->sentences */
  size_t begin, end;   /* byte offsets into text->norm */
  size_t entity;       /* index into graph */
  CnkgType type;
} CnkgSpan;

typedef struct {
  const char *name;            /* document name for log messages */
  const CnkgText *text;
  const CnkgLacResult *lac;    /* one per sentence; NULL in --fast mode */
  const CnkgDivision *division;
  CnkgGraph *graph;            /* per-document graph */
  size_t doc;                  /* index of this document in graph */
  size_t cp_base;              /* code points of the document before text
                                  (a long document is read in parts): added
                                  to every offset written to the graph */
  const CnkgLog *log;
  CnkgSpan *spans;             /* owned; in the order added */
  size_t n_spans, cap_spans;
  size_t focus_place;          /* entity the document is mainly about, or SIZE_MAX */
  size_t *cp_byte;             /* owned, made on first use: orig byte offset
                                  of each code point of text->orig, and
                                  orig_len after the last, so mentions in any
                                  order map in constant time */
  size_t n_cp;                 /* code points in text->orig */
  size_t *span_next;           /* owned, parallel to spans: the next span of
                                  the same sentence, or SIZE_MAX */
  size_t *sent_first_span;     /* owned, made on first mention: per sentence,
                                  its first span (in the order added), or
                                  SIZE_MAX; with span_next, a sentence's
                                  spans without scanning them all */
  size_t *sent_last_span;      /* owned: per sentence, its last span */
  char *evidence_text;         /* owned, made on first use: the text of
                                  sentence evidence_of, for relations */
  size_t evidence_of;
} CnkgDocState;

/* Adds a mention of entity for the normalised byte range [begin, end) of
 * sentence, mapped to original offsets, and records the span.
 * CNKG_ERR_NOMEM. */
CnkgStatus cnkg_docstate_mention(CnkgDocState *st, size_t entity,
                                 size_t sentence, size_t begin, size_t end);
/* Adds a relation whose evidence is sentence (SIZE_MAX: no evidence). */
CnkgStatus cnkg_docstate_relate(CnkgDocState *st, size_t subject, CnkgRel rel,
                                size_t object, const char *literal,
                                size_t sentence);
/* The first span of sentence (SIZE_MAX if none, or out of range); then
 * cnkg_docstate_next_span for the others, in the order added. */
size_t cnkg_docstate_first_span(const CnkgDocState *st, size_t sentence);
size_t cnkg_docstate_next_span(const CnkgDocState *st, size_t span);
/* Index of the sentence containing normalised byte offset pos, or SIZE_MAX. */
size_t cnkg_docstate_sentence_at(const CnkgDocState *st, size_t pos);
void cnkg_docstate_clear(CnkgDocState *st);

#endif
