/* SPDX-License-Identifier: Apache-2.0
 * PCRE2 helpers (see regex.h). Depends on regex.h, text.h (UTF-8
 * decoding), pcre2 and the C library. */
#include "extractor/regex.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "cnkg/text.h"

pcre2_code *cnkg_re_compile(const char *pat, uint32_t flags, const char *what, char *err,
                            size_t errsize, CnkgStatus *status) {
  int code = 0;
  PCRE2_SIZE off = 0;
  pcre2_code *re = pcre2_compile((PCRE2_SPTR)pat, PCRE2_ZERO_TERMINATED,
                                 PCRE2_UTF | PCRE2_UCP | flags, &code, &off, NULL);
  if (!re) {
    bool nomem = code == PCRE2_ERROR_HEAP_FAILED;
    if (err && errsize) {
      PCRE2_UCHAR msg[160];
      pcre2_get_error_message(code, msg, sizeof msg);
      if (nomem)
        snprintf(err, errsize, "out of memory compiling the %s pattern", what);
      else
        snprintf(err, errsize, "%s pattern at %zu: %s", what, (size_t)off, (const char *)msg);
    }
    if (status) *status = nomem ? CNKG_ERR_NOMEM : CNKG_ERR_PATTERN;
    return NULL;
  }
  (void)pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
  return re;
}

pcre2_match_context *cnkg_re_context(void) {
  pcre2_match_context *m = pcre2_match_context_create(NULL);
  if (m) {
    pcre2_set_match_limit(m, CNKG_RE_MATCH_LIMIT);
    pcre2_set_depth_limit(m, CNKG_RE_DEPTH_LIMIT);
  }
  return m;
}

size_t cnkg_re_step(const char *s, size_t len, size_t pos) {
  pos++;
  while (pos < len && ((unsigned char)s[pos] & 0xC0u) == 0x80u) pos++;
  return pos;
}

int cnkg_re_next(const pcre2_code *re, const char *s, size_t len, size_t *pos,
                 pcre2_match_data *md, pcre2_match_context *mctx) {
  if (*pos >= len) return PCRE2_ERROR_NOMATCH;
  int rc = pcre2_match(re, (PCRE2_SPTR)s, len, *pos, PCRE2_NO_UTF_CHECK, md, mctx);
  if (rc >= 0) {
    PCRE2_SIZE end = pcre2_get_ovector_pointer(md)[1];
    *pos = end > *pos ? end : cnkg_re_step(s, len, *pos);
  }
  return rc;
}

int cnkg_re_span(const pcre2_code *re, pcre2_match_data *md, pcre2_match_context *mctx,
                 const char *s, size_t len, size_t start, uint32_t opts, size_t *mb,
                 size_t *me) {
  int rc = pcre2_match(re, (PCRE2_SPTR)s, len, start, opts | PCRE2_NO_UTF_CHECK, md, mctx);
  if (rc == PCRE2_ERROR_NOMATCH) return 0;
  if (rc < 0) return -1;
  PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
  if (mb) *mb = ov[0];
  if (me) *me = ov[1];
  return 1;
}


void cnkg_re_starts_set(CnkgReStarts *starts, const char *chars) {
  memset(starts, 0, sizeof *starts);
  size_t len = strlen(chars);
  for (size_t p = 0; p < len;) {
    uint32_t cp = cnkg_utf8_next(chars, len, &p);
    if (cp < 0x10000) starts->bits[cp >> 6] |= (uint64_t)1 << (cp & 63);
  }
}

int cnkg_re_first(const pcre2_code *re, const CnkgReStarts *starts, const char *s,
                  size_t len, size_t start, pcre2_match_data *md,
                  pcre2_match_context *mctx) {
  for (size_t p = start, q; p < len; p = q) {
    q = p;
    uint32_t cp = cnkg_utf8_next(s, len, &q);
    if (cp >= 0x10000 || !(starts->bits[cp >> 6] >> (cp & 63) & 1)) continue;
    int rc = pcre2_match(re, (PCRE2_SPTR)s, len, p, PCRE2_NO_UTF_CHECK, md, mctx);
    if (rc != PCRE2_ERROR_NOMATCH) return rc;
  }
  return PCRE2_ERROR_NOMATCH;
}
