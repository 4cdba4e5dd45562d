/* SPDX-License-Identifier: Apache-2.0
 * libFuzzer harness for the figure and event finders on one sentence: any
 * well-formed UTF-8 input (others are skipped, as intake rejects them) is
 * one sentence; aborts when a finder fails other than by a match limit or
 * returns spans outside the sentence or a value that is not a plain
 * decimal. Depends on extractor/figure.h and extractor/event.h. */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cnkg/text.h"
#include "extractor/event.h"
#include "extractor/figure.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static bool plain_decimal(const char *v) {
  size_t n = strlen(v), points = 0;
  if (n == 0) return false;
  for (size_t i = 0; i < n; i++) {
    if (v[i] == '.') points++;
    else if (v[i] < '0' || v[i] > '9') return false;
  }
  return points <= 1 && v[0] != '.' && v[n - 1] != '.';
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static CnkgFigureFinder *ff;
  static CnkgEventFinder *ef;
  if (!ff && (cnkg_figure_new(&ff, NULL, 0) != CNKG_SUCCESS ||
              cnkg_event_new(&ef, NULL, 0) != CNKG_SUCCESS))
    abort();
  const char *s = (const char *)data;
  if (!cnkg_utf8_valid(s, size) || memchr(s, '\0', size)) return 0;
  CnkgStr str = {s, size};
  CnkgFigureList figs = {0};
  CnkgStatus st = cnkg_figure_find(ff, str, NULL, NULL, 0, &figs);
  if (st != CNKG_SUCCESS && st != CNKG_ERR_PATTERN) abort();
  for (size_t i = 0; i < figs.n; i++) {
    const CnkgFigure *f = &figs.v[i];
    if (f->begin >= f->end || f->end > size || f->ind_begin > f->ind_end ||
        f->ind_end > size || !f->unit || !plain_decimal(f->value))
      abort();
    char ind[64];
    if (cnkg_figure_indicator(f, str, ind, sizeof ind) == CNKG_ERR_ARG) abort();
  }
  cnkg_figure_list_clear(&figs);
  CnkgEventList evs = {0};
  st = cnkg_event_find(ef, str, &evs);
  if (st != CNKG_SUCCESS && st != CNKG_ERR_PATTERN) abort();
  for (size_t i = 0; i < evs.n; i++) {
    const CnkgEvent *e = &evs.v[i];
    if (e->begin >= e->end || e->end > size || e->mod_begin > e->mod_end || e->mod_end > size)
      abort();
  }
  cnkg_event_list_clear(&evs);
  return 0;
}
