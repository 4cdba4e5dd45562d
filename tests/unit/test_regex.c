/* SPDX-License-Identifier: Apache-2.0
 * Tests extractor/regex.c: a bad pattern names itself and its offset and
 * reports CNKG_ERR_PATTERN; UCP classes match Han characters; stepping moves
 * over one whole UTF-8 character; visiting hits finds each hit once, moves
 * on after empty hits and stops at the end; the shared match context stops
 * a runaway pattern at its match limit instead of running on; a search
 * tried only at a pattern's first characters finds what a search
 * everywhere finds. Depends on extractor/regex.h and check.h. */
#include "check.h"
#include "extractor/regex.h"

int main(void) {
  char err[256] = "";
  CnkgStatus st = CNKG_SUCCESS;
  CHECK(cnkg_re_compile("(a", 0, "test", err, sizeof err, &st) == NULL);
  CHECK(st == CNKG_ERR_PATTERN);
  CHECK(strstr(err, "test pattern at 2") != NULL);
  CHECK(cnkg_re_compile("(b", 0, "test", NULL, 0, NULL) == NULL); /* no err: no crash */

  const char *s = "甲村、乙村和丙村";
  size_t len = strlen(s);
  CHECK(cnkg_re_step(s, len, 0) == 3);
  CHECK(cnkg_re_step(s, len, 1) == 3); /* from inside a character: its end */
  CHECK(cnkg_re_step("a", 1, 0) == 1);

  pcre2_code *re = cnkg_re_compile("(\\p{Han})村", 0, "test", err, sizeof err, &st);
  CHECK(re != NULL);
  pcre2_match_data *md = pcre2_match_data_create_from_pattern(re, NULL);
  size_t pos = 0, hits = 0, starts[4] = {0};
  while (cnkg_re_next(re, s, len, &pos, md, NULL) >= 2) {
    if (hits < 4) starts[hits] = pcre2_get_ovector_pointer(md)[2];
    hits++;
  }
  CHECK(hits == 3 && starts[0] == 0 && starts[1] == 9 && starts[2] == 18);
  CHECK(pos == len);
  /* one match from an offset, with its span; none after the last */
  size_t mb = 0, me = 0;
  CHECK(cnkg_re_span(re, md, NULL, s, len, 4, 0, &mb, &me) == 1 && mb == 9 && me == 15);
  CHECK(cnkg_re_span(re, md, NULL, s, len, 19, 0, NULL, NULL) == 0);
  CHECK(cnkg_re_span(re, md, NULL, s, len, 0, PCRE2_ANCHORED, &mb, NULL) == 1 && mb == 0);
  pcre2_code_free(re);

  /* a pattern that matches empty everywhere: one hit per character */
  re = cnkg_re_compile("x*", 0, "test", err, sizeof err, &st);
  CHECK(re != NULL);
  pcre2_match_data_free(md);
  md = pcre2_match_data_create_from_pattern(re, NULL);
  pos = 0;
  hits = 0;
  while (cnkg_re_next(re, s, len, &pos, md, NULL) >= 1 && hits < 100) hits++;
  CHECK(hits == 8);
  pos = len;
  CHECK(cnkg_re_next(re, s, len, &pos, md, NULL) == PCRE2_ERROR_NOMATCH);
  pcre2_match_data_free(md);
  pcre2_code_free(re);

  /* a pattern that succeeds only after much backtracking: found with
   * PCRE2's default limit, stopped at the shared context's limit */
  re = cnkg_re_compile("(*NO_START_OPT)(*NO_AUTO_POSSESS)^(?:(a+)+b|a+c)", 0, "test", err,
                       sizeof err, &st);
  CHECK(re != NULL);
  pcre2_match_context *mctx = cnkg_re_context();
  CHECK(mctx != NULL);
  md = pcre2_match_data_create_from_pattern(re, NULL);
  char run[32];
  memset(run, 'a', 20);
  strcpy(run + 20, "c");
  pos = 0;
  CHECK(cnkg_re_next(re, run, 21, &pos, md, NULL) >= 1);
  pos = 0;
  CHECK(cnkg_re_next(re, run, 21, &pos, md, mctx) == PCRE2_ERROR_MATCHLIMIT);
  pcre2_match_data_free(md);
  pcre2_match_context_free(mctx);
  pcre2_code_free(re);
  /* an anchored pattern tried only where its first characters stand finds
   * what the unanchored search finds, from any offset, with its lookbehind
   * reading the text before the start; a character left out of the starts
   * is never tried */
  pcre2_code *any = cnkg_re_compile("(?<!非)乙村|丙村|2号", 0, "test", err, sizeof err, &st);
  re = cnkg_re_compile("(?<!非)乙村|丙村|2号", PCRE2_ANCHORED, "test", err, sizeof err, &st);
  CHECK(any != NULL && re != NULL);
  CnkgReStarts firsts;
  cnkg_re_starts_set(&firsts, "乙丙2");
  md = pcre2_match_data_create_from_pattern(re, NULL);
  pcre2_match_data *md2 = pcre2_match_data_create_from_pattern(any, NULL);
  const char *t = "甲村、非乙村😀乙村和丙村,2号";
  size_t tlen = strlen(t);
  for (size_t from = 0; from <= tlen; from++) {
    int a = cnkg_re_first(re, &firsts, t, tlen, from, md, NULL);
    int b = from < tlen ? pcre2_match(any, (PCRE2_SPTR)t, tlen, from, 0, md2, NULL)
                        : PCRE2_ERROR_NOMATCH;
    if (((unsigned char)t[from] & 0xC0) == 0x80 && from < tlen) continue; /* not a start */
    CHECK_EQ(a, b);
    if (a > 0 && b > 0)
      CHECK(pcre2_get_ovector_pointer(md)[0] == pcre2_get_ovector_pointer(md2)[0]);
  }
  CHECK(cnkg_re_first(re, &firsts, t, tlen, 0, md, NULL) == 1 &&
        pcre2_get_ovector_pointer(md)[0] == strlen("甲村、非乙村😀"));
  cnkg_re_starts_set(&firsts, "乙2");
  CHECK(cnkg_re_first(re, &firsts, t, tlen, strlen("甲村、非乙村😀乙村和"), md, NULL) == 1 &&
        pcre2_get_ovector_pointer(md)[0] == strlen("甲村、非乙村😀乙村和丙村,"));
  pcre2_match_data_free(md);
  pcre2_match_data_free(md2);
  pcre2_code_free(re);
  pcre2_code_free(any);
  return check_finish();
}
