/* SPDX-License-Identifier: Apache-2.0
 * libFuzzer harness for intake and normalisation (extractor/intake.h): any
 * bytes, as plain text or as HTML (chosen by the first byte), must either
 * be rejected with CNKG_ERR_TEXT or give a text whose invariants hold.
 * Depends on extractor/intake.h only; aborts (the fuzzer's crash) on a
 * broken invariant. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "extractor/intake.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int utf8_valid(const char *s, size_t n) {
  size_t i = 0;
  while (i < n) {
    unsigned char c = (unsigned char)s[i];
    size_t k = c < 0x80 ? 1 : (c & 0xe0) == 0xc0 ? 2 : (c & 0xf0) == 0xe0 ? 3
             : (c & 0xf8) == 0xf0 ? 4 : 0;
    if (!k || i + k > n) return 0;
    for (size_t j = 1; j < k; j++)
      if (((unsigned char)s[i + j] & 0xc0) != 0x80) return 0;
    i += k;
  }
  return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static CnkgIntake *intake;
  if (!intake) {
    char err[256];
    if (cnkg_intake_new(&intake, err, sizeof err) != CNKG_SUCCESS) abort();
  }
  const char *name = size && (data[0] & 1) ? "fuzz.html" : "fuzz.txt";
  CnkgText *t = NULL;
  CnkgStatus s = cnkg_intake_text(intake, name, data, size, NULL, &t);
  if (s == CNKG_ERR_TEXT) {
    if (t) abort();
    return 0;
  }
  if (s != CNKG_SUCCESS || !t) abort();
  if (!t->norm || t->norm[t->norm_len] != '\0') abort();
  if (memchr(t->norm, '\0', t->norm_len)) abort();
  if (!utf8_valid(t->norm, t->norm_len) || !utf8_valid(t->orig, t->orig_len)) abort();
  for (size_t i = 0; i <= t->norm_len; i++) {
    if (t->map[i] > t->orig_chars || t->map_end[i] > t->orig_chars) abort();
    if (i < t->norm_len && t->map[i] > t->map_end[i]) abort();
  }
  for (size_t i = 0; i < t->n_sentences; i++) {
    const CnkgSentence *sn = &t->sentences[i];
    if (sn->begin > sn->end || sn->end > t->norm_len) abort();
    if (memchr(t->norm + sn->begin, '\n', sn->end - sn->begin)) abort();
    if (i && sn->begin < t->sentences[i - 1].end) abort();
  }
  for (size_t i = 0; i < t->n_credits; i++)
    if (t->credits[i].begin > t->credits[i].end || t->credits[i].end > t->norm_len) abort();
  cnkg_text_free(t);
  return 0;
}
