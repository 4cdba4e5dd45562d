/* SPDX-License-Identifier: Apache-2.0
 * Private to the facts recogniser (facts.c, facts_figure.c): the
 * recogniser, the per-document state (Facts, with its exits), the clause
 * and subject helpers facts.c lends to the figures, and the two steps
 * facts_figure.c does for each sentence. Depends on docstate.h (through
 * recognizers.h), event.h, figure.h and timex.h. */
#ifndef CNKG_EXTRACTOR_FACTS_INT_H
#define CNKG_EXTRACTOR_FACTS_INT_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "cnkg/text.h"
#include "extractor/event.h"
#include "extractor/figure.h"
#include "extractor/recognizers.h"
#include "extractor/timex.h"

struct CnkgFactsRecognizer {
  CnkgTimex *tx;
  CnkgEventFinder *events;
  CnkgFigureFinder *figures;
};

/* ---- per-document state ------------------------------------------------ */

/* An exit found in a sentence, kept until the end of the document so that
 * an undated statement of an exit also stated with its date is dropped. */
typedef struct {
  size_t place, sentence;
  char iso[11];
  bool planned;
  int rank; /* how surely the date is the exit's: 4 a time in the sentence
               of an approval (批准), 3 one in the sentence, 2 in the
               paragraph, 1 the narrative's last date, 0 none, -1 a date
               the text states but that cannot be resolved */
} Exit;

typedef struct {
  CnkgDocState *st;
  const CnkgFactsRecognizer *r;
  CnkgTimexHits hits;       /* the document's time expressions, in order */
  size_t *first_hit;        /* per sentence: its first hit (n_sentences + 1) */
  CnkgEventList evs;
  CnkgFigureList figs;
  CnkgFigureStop *stops;
  size_t cap_stops;
  Exit *exits;
  size_t n_exits, cap_exits;
  size_t para, para_subject; /* current paragraph and its subject entity */
  size_t last_subject;       /* the last paragraph subject found */
  size_t fig_para, fig_para_subject, fig_last_subject; /* the same for figures:
                                                         no list members */
} Facts;

static inline bool facts_is_subject_type(CnkgType t) {
  return cnkg_type_is_place(t) || t == CNKG_TYPE_ORGANIZATION;
}

/* The ISO date of a hit: a range's end (by then the figure or event held),
 * else its value; NULL for a duration. */
static inline const char *facts_hit_iso(const CnkgTimexHit *h) {
  if (h->kind == CNKG_TIMEX_RANGE && h->iso_end[0]) return h->iso_end;
  return h->iso[0] ? h->iso : NULL;
}

static inline bool facts_starts_with(const char *s, size_t at, size_t end, const char *w) {
  size_t n = strlen(w);
  return at + n <= end && !memcmp(s + at, w, n);
}

static inline bool facts_ends_with(const char *s, const char *w) {
  size_t a = s ? strlen(s) : 0, b = strlen(w);
  return a > b && !memcmp(s + a - b, w, b);
}

/* In facts.c (each said there). */
size_t facts_follow_chain(const CnkgDocState *st, size_t i, size_t entity, size_t e, size_t pos);
size_t facts_subject_before(const CnkgDocState *st, size_t i, size_t from, size_t pos,
                            bool (*skip)(const CnkgDocState *, size_t, const CnkgSpan *));
bool facts_has_char(const char *s, size_t b, size_t e, const char *chars);
size_t facts_clause_start(const CnkgDocState *st, size_t i, size_t pos);
bool facts_governed(const CnkgDocState *st, size_t i, const CnkgSpan *sp);
bool facts_topic_candidate(const CnkgDocState *st, size_t i, const CnkgSpan *sp);
size_t facts_governed_place(const CnkgDocState *st, size_t org);
size_t facts_anaphor_subject(const CnkgDocState *st, size_t i, size_t from, size_t pos);
char *facts_key(CnkgType type, const char *const *parts, size_t n);

/* In facts_figure.c: the paragraph subject for figures, kept up to date
 * per sentence; and the figures of sentence i (text sent) found, tied to
 * their subjects and written. */
void facts_track_figure_paragraph(Facts *f, size_t i);
CnkgStatus facts_sentence_figures(Facts *f, size_t i, CnkgStr sent);

#endif
