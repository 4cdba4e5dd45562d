/* SPDX-License-Identifier: Apache-2.0
 * Sentence splitter (see sentence.h). A quotation that spans several
 * sentences stays one sentence up to QUOTE_LIMIT characters, so a speaker
 * and what they said are not torn apart. Depends on sentence.h, text.h. */
#include "extractor/sentence.h"

#include <stdbool.h>
#include <stdint.h>

#include "cnkg/text.h"

#define QUOTE_LIMIT 200
/* A run this long without a full stop (a scraped page flattened to one
 * line) is cut at the next clause mark, or anywhere at twice the length:
 * recognisers scan within sentences, so unbounded sentences cost O(n^2). */
#define LONG_LIMIT 1000


static bool is_terminal(uint32_t c) {
  return c == 0x3002 || c == '!' || c == '?' || c == 0x2026;
}

static bool is_closer(uint32_t c) {
  return c == 0x201D || c == 0x2019 || c == ')' || c == 0x300B;
}

static bool is_opener(uint32_t c) {
  return c == 0x201C || c == 0x2018 || c == '(' || c == 0x300A;
}

size_t cnkg_sentence_next(const char *s, size_t b, size_t e) {
  size_t i = b, chars = 0;
  int depth = 0;
  while (i < e) {
    uint32_t c = cnkg_utf8_next_valid(s, &i);
    chars++;
    if (chars >= LONG_LIMIT &&
        (c == 0xFF0C || c == 0xFF1B || c == ',' || c == ';' || chars >= 2 * LONG_LIMIT))
      return i;
    if (is_opener(c)) depth++;
    else if (is_closer(c) && depth > 0) depth--;
    if (!is_terminal(c)) continue;
    /* take the rest of the punctuation cluster and closing quotes */
    size_t j = i;
    while (j < e) {
      size_t k = j;
      uint32_t d = cnkg_utf8_next_valid(s, &k);
      if (is_terminal(d)) {
        j = k;
      } else if (is_closer(d) && depth > 0) {
        depth--;
        j = k;
      } else {
        break;
      }
    }
    if (depth == 0 || chars >= QUOTE_LIMIT) {
      /* a "……" inside a clause (followed by a comma) does not end it */
      if (j < e && (s[j] == ',' || s[j] == ':')) {
        i = j;
        continue;
      }
      return j;
    }
    i = j;
  }
  return e;
}
