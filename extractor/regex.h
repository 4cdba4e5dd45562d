/* SPDX-License-Identifier: Apache-2.0
 * PCRE2 helpers shared by the recognisers: compiling a pattern (UTF, UCP,
 * JIT where available, an error message naming the pattern) and visiting
 * every hit of a pattern in a text. Depends on pcre2 and status.h. */
#ifndef CNKG_REGEX_H
#define CNKG_REGEX_H

#ifndef PCRE2_CODE_UNIT_WIDTH
#define PCRE2_CODE_UNIT_WIDTH 8
#endif
#include <pcre2.h>
#include <stddef.h>
#include <stdint.h>

#include "cnkg/status.h"

/* Compiles pat with PCRE2_UTF | PCRE2_UCP | flags and JIT-compiles it (the
 * interpreter runs where JIT is unavailable). On failure returns NULL,
 * writes "WHAT pattern at OFFSET: MESSAGE" to err (when given) and sets
 * *status (when given) to CNKG_ERR_NOMEM if PCRE2 ran out of memory, else
 * CNKG_ERR_PATTERN. The caller owns the code (pcre2_code_free). */
pcre2_code *cnkg_re_compile(const char *pat, uint32_t flags, const char *what, char *err,
                            size_t errsize, CnkgStatus *status);

/* A match context with the limits every recogniser runs under (the match
 * limit bounds backtracking; the depth limit applies where JIT is not
 * available), or NULL when out of memory. The caller frees it with
 * pcre2_match_context_free. */
#define CNKG_RE_MATCH_LIMIT 100000u
#define CNKG_RE_DEPTH_LIMIT 1000u
pcre2_match_context *cnkg_re_context(void);

/* The offset after the UTF-8 character that starts at pos (pos < len). */
size_t cnkg_re_step(const char *s, size_t len, size_t pos);

/* The next hit of re in s[0, len) at or after *pos, as pcre2_match returns
 * it (a negative value: no hit, or an error the caller may tell apart). On
 * a hit the ovector of md holds it and *pos moves past it, or one character
 * on for an empty hit, so `while (cnkg_re_next(...) > 0)` visits each hit
 * once. s must be valid UTF-8 (no check is made). */
int cnkg_re_next(const pcre2_code *re, const char *s, size_t len, size_t *pos,
                 pcre2_match_data *md, pcre2_match_context *mctx);

/* One match of re in s[0, len) from start with opts (PCRE2_NO_UTF_CHECK
 * added): 1 with its span in *mb, *me (either may be NULL), 0 for none,
 * -1 for a matching error (a limit reached). */
int cnkg_re_span(const pcre2_code *re, pcre2_match_data *md, pcre2_match_context *mctx,
                 const char *s, size_t len, size_t start, uint32_t opts, size_t *mb,
                 size_t *me);

/* The characters a pattern's matches can start with, as a bitmap of the
 * Basic Multilingual Plane (8 KB). */
typedef struct {
  uint64_t bits[65536 / 64];
} CnkgReStarts;

/* Sets starts to the characters of chars (UTF-8; those beyond U+FFFF are
 * left out). */
void cnkg_re_starts_set(CnkgReStarts *starts, const char *chars);

/* The first match of re in s[0, len) at or after start, as pcre2_match
 * returns it (its ovector in md), trying re only where a character of
 * starts begins. re must be compiled with PCRE2_ANCHORED, so that each try
 * costs one position, and each of its matches must start with a character
 * of starts: then this finds what an unanchored search would, without
 * running the pattern at every position. A pattern of many alternatives
 * (cue words) costs that on every character of a sentence otherwise. s must
 * be valid UTF-8 (no check is made). */
int cnkg_re_first(const pcre2_code *re, const CnkgReStarts *starts, const char *s,
                  size_t len, size_t start, pcre2_match_data *md,
                  pcre2_match_context *mctx);

#endif
