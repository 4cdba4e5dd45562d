/* SPDX-License-Identifier: Apache-2.0
 * Per-document working state: mentions, spans and evidence helpers shared by
 * the recognisers. Depends on graph.h and intake.h. */
#include "extractor/docstate.h"

#include <stdint.h>
#include <stdlib.h>

#include "cnkg/text.h"
#include "cnkg/grow.h"

CnkgStatus cnkg_docstate_mention(CnkgDocState *st, size_t entity,
                                 size_t sentence, size_t begin, size_t end) {
  if (!st || begin > end || end > st->text->norm_len) return CNKG_ERR_ARG;
  size_t ob, oe;
  cnkg_text_span(st->text, begin, end, &ob, &oe);
  char *anchor = NULL;
  if (oe >= ob) {
    /* The anchor is the original text at the mapped offsets. */
    const char *o = st->text->orig;
    size_t olen = st->text->orig_len;
    if (!st->cp_byte) {
      size_t n = 0;
      for (size_t i = 0; i < olen; n++) cnkg_utf8_next(o, olen, &i);
      st->cp_byte = malloc((n + 1) * sizeof *st->cp_byte);
      if (!st->cp_byte) return CNKG_ERR_NOMEM;
      size_t i = 0;
      for (size_t k = 0; k < n; k++) {
        st->cp_byte[k] = i;
        cnkg_utf8_next(o, olen, &i);
      }
      st->cp_byte[n] = olen;
      st->n_cp = n;
    }
    size_t bb = ob <= st->n_cp ? st->cp_byte[ob] : SIZE_MAX;
    size_t be = oe <= st->n_cp ? st->cp_byte[oe] : olen;
    if (bb != SIZE_MAX && be >= bb) anchor = cnkg_strndup(o + bb, be - bb);
  }
  CnkgStatus s = cnkg_graph_add_mention(st->graph, entity, st->doc, st->cp_base + ob,
                                        st->cp_base + oe, anchor);
  free(anchor);
  if (s) return s;
  size_t ns = st->text->n_sentences;
  if (!st->sent_first_span) {
    st->sent_first_span = malloc((ns + 1) * sizeof *st->sent_first_span);
    st->sent_last_span = malloc((ns + 1) * sizeof *st->sent_last_span);
    if (!st->sent_first_span || !st->sent_last_span) return CNKG_ERR_NOMEM;
    for (size_t i = 0; i <= ns; i++) st->sent_first_span[i] = st->sent_last_span[i] = SIZE_MAX;
  }
  /* parallel arrays: each grows from the shared capacity the same way */
  size_t cs = st->cap_spans, cn = st->cap_spans;
  if (CNKG_GROW(st->spans, cs, st->n_spans + 1, 64) ||
      CNKG_GROW(st->span_next, cn, st->n_spans + 1, 64))
    return CNKG_ERR_NOMEM;
  st->cap_spans = cs;
  const CnkgEntity *e = cnkg_graph_entity(st->graph, entity);
  size_t k = st->n_spans++;
  st->spans[k] = (CnkgSpan){sentence, begin, end, entity, e->type};
  st->span_next[k] = SIZE_MAX;
  if (sentence < ns) {
    if (st->sent_last_span[sentence] == SIZE_MAX) st->sent_first_span[sentence] = k;
    else st->span_next[st->sent_last_span[sentence]] = k;
    st->sent_last_span[sentence] = k;
  }
  return CNKG_SUCCESS;
}

CnkgStatus cnkg_docstate_relate(CnkgDocState *st, size_t subject, CnkgRel rel,
                                size_t object, const char *literal,
                                size_t sentence) {
  if (!st) return CNKG_ERR_ARG;
  if (sentence == SIZE_MAX || sentence >= st->text->n_sentences)
    return cnkg_graph_add_relation(st->graph, subject, rel, object, literal, NULL);
  const CnkgSentence *s = &st->text->sentences[sentence];
  CnkgEvidence ev = {st->doc, 0, 0, NULL};
  cnkg_text_span(st->text, s->begin, s->end, &ev.begin, &ev.end);
  ev.begin += st->cp_base;
  ev.end += st->cp_base;
  /* relations come sentence by sentence: one copy serves them all */
  if (st->evidence_of != sentence || !st->evidence_text) {
    free(st->evidence_text);
    st->evidence_text = cnkg_strndup(st->text->norm + s->begin, s->end - s->begin);
    st->evidence_of = sentence;
    if (!st->evidence_text) return CNKG_ERR_NOMEM;
  }
  ev.sentence = st->evidence_text;
  return cnkg_graph_add_relation(st->graph, subject, rel, object, literal, &ev);
}

size_t cnkg_docstate_first_span(const CnkgDocState *st, size_t sentence) {
  if (!st || !st->sent_first_span || sentence >= st->text->n_sentences) return SIZE_MAX;
  return st->sent_first_span[sentence];
}

size_t cnkg_docstate_next_span(const CnkgDocState *st, size_t span) {
  return st && span < st->n_spans ? st->span_next[span] : SIZE_MAX;
}

size_t cnkg_docstate_sentence_at(const CnkgDocState *st, size_t pos) {
  size_t lo = 0, hi = st->text->n_sentences;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    const CnkgSentence *s = &st->text->sentences[mid];
    if (pos < s->begin) hi = mid;
    else if (pos >= s->end) lo = mid + 1;
    else return mid;
  }
  return SIZE_MAX;
}

void cnkg_docstate_clear(CnkgDocState *st) {
  if (!st) return;
  free(st->spans);
  st->spans = NULL;
  st->n_spans = st->cap_spans = 0;
  free(st->span_next);
  free(st->sent_first_span);
  free(st->sent_last_span);
  st->span_next = st->sent_first_span = st->sent_last_span = NULL;
  free(st->cp_byte);
  st->cp_byte = NULL;
  st->n_cp = 0;
  free(st->evidence_text);
  st->evidence_text = NULL;
}
