/* SPDX-License-Identifier: Apache-2.0
 * Tests for extractor/normalize.c: each rule (full-width, romanisation,
 * quotes, CJK whitespace, t2s with phrases) and the offset map, including
 * a round-trip property over random spans of intake output. */
#include <stdint.h>

#include "check.h"
#include "cnkg/text.h"
#include "extractor/intake.h"
#include "extractor/normalize.h"

static CnkgNormalize *nz;

/* Normalises s; returns a new string (caller frees) and the map. */
static char *norm(const char *s, CnkgMapped *m) {
  CnkgMapped local = {0};
  CnkgMapped *out = m ? m : &local;
  memset(out, 0, sizeof *out);
  CnkgStatus st = cnkg_normalize_run(nz, s, strlen(s), out);
  CHECK_EQ(st, CNKG_SUCCESS);
  char *r = cnkg_strndup(out->buf ? out->buf : "", out->len);
  if (!m) cnkg_mapped_free(&local);
  return r;
}

static void expect(const char *in, const char *want) {
  char *got = norm(in, NULL);
  CHECK_STR(got, want);
  free(got);
}

/* Code points [b, e) of s as a new string. */
static char *cp_slice(const char *s, size_t b, size_t e) {
  size_t i = 0, k = 0, len = strlen(s), from = len, to = len;
  while (i < len) {
    if (k == b) from = i;
    if (k == e) { to = i; break; }
    cnkg_utf8_next(s, len, &i);
    k++;
  }
  if (k == b) from = i;
  if (k == e) to = i;
  return cnkg_strndup(s + from, to > from ? to - from : 0);
}

static void test_rules(void) {
  /* full-width letters, digits and punctuation to half-width */
  expect("ＧＤＰ增长１２％，达到３亿元！", "GDP增长12%,达到3亿元!");
  /* romanisation glued after a character */
  expect("發(fā)展產(chǎn)業(yè)", "发展产业");
  expect("地区(qū)经济", "地区经济");
  /* letters in parentheses that are not pinyin stay */
  expect("重量(kg)与(CPU)", "重量(kg)与(CPU)");
  expect("村里(2019年)", "村里(2019年)");
  /* quotes unified */
  expect("他说「好」,『对』", "他说“好”,‘对’");
  expect("称\"三变\"改革", "称“三变”改革");
  /* whitespace inside CJK removed, elsewhere collapsed */
  expect("脱贫 攻坚\u3000战", "脱贫攻坚战");
  expect("共 12  户 ,  GDP  up", "共 12 户, GDP up");
  expect("  开头 ", "开头");
  /* zero-width and control characters dropped, CRLF to LF */
  expect("扶\u200b贫\r\n工作\r", "扶贫\n工作\n");
  /* format characters inside a name are dropped (soft hyphen, bidi
   * embeddings, overrides and isolates, zero-width characters, selectors);
   * a line separator is a break inside the paragraph, a paragraph
   * separator ends it (issue 15) */
  expect("郑\u00AD海燕", "郑海燕");
  expect("郑\u202E海燕\u202C说", "郑海燕说");
  expect("\u202A郑\u202B海\u202D燕", "郑海燕");
  expect("郑\u2066海\u2067燕\u2068\u2069", "郑海燕");
  expect("郑\u200B\u200C\u200D海\u2060\u2061燕\uFEFF", "郑海燕");
  expect("郑\uFE0F海\U000E0101燕\U000E0041", "郑海燕");
  expect("郑\u2028海燕", "郑海燕");
  expect("spring\u2028tea", "spring tea");
  expect("甲\u2029乙", "甲\n乙");
  /* Traditional to Simplified, phrase table honoured */
  expect("貧困戶脫貧", "贫困户脱贫");
  expect("乾隆年間", "乾隆年间");
  expect("頭髮乾了", "头发干了");
  expect("瞭解情況", "了解情况");
  /* simplified text is left alone */
  expect("什么是三变改革", "什么是三变改革");
  CHECK(cnkg_normalize_is_pinyin("zhuāng", strlen("zhuāng")));
  CHECK(cnkg_normalize_is_pinyin("er", 2));
  CHECK(!cnkg_normalize_is_pinyin("kg", 2));
  CHECK(!cnkg_normalize_is_pinyin("CPUS", 4));
}

static void test_map(void) {
  CnkgMapped m;
  const char *in = "產(chǎn)業 發展";
  char *out = norm(in, &m);
  CHECK_STR(out, "产业发展");
  /* 产 covers 產 and its romanisation: code points 0..7 */
  CHECK_EQ(m.map[0], 0);
  CHECK_EQ(m.map_end[0], 7);
  CHECK_EQ(m.map[3], 7);  /* 业 */
  CHECK_EQ(m.map[6], 9);  /* 发, after the removed space */
  CHECK_EQ(m.map_end[m.len - 1], 11);
  free(out);
  cnkg_mapped_free(&m);
  /* a dropped format character maps nowhere; what follows keeps its own
   * place, and a span across it covers it */
  out = norm("郑\u00AD\u202E海燕", &m);
  CHECK_STR(out, "郑海燕");
  CHECK_EQ(m.map[0], 0);
  CHECK_EQ(m.map_end[2], 1);
  CHECK_EQ(m.map[3], 3); /* 海 after two dropped characters */
  CHECK_EQ(m.map_end[8], 5);
  free(out);
  cnkg_mapped_free(&m);
}

/* Property: for random spans of the normalised text, the original at the
 * mapped offsets normalises to the same characters. */
static void test_round_trip(void) {
  static const char doc[] =
      "鄉村振興 戰略實施以來,縣裏發(fā)展產(chǎn)業(yè)。\n"
      "村黨支部書記　李明華說:「今年全村種植茶葉３００畝,人均增收１２００元。」\n"
      "ＧＤＰ 增長 ８% 以上 ,  合作社 帶動 56 戶 貧困戶。\n"
      "扶貧(fú)車間(jiān)建在家門口,群眾就近就業(yè)。\n";
  char err[128];
  CnkgIntake *in = NULL;
  CHECK_EQ(cnkg_intake_new(&in, err, sizeof err), CNKG_SUCCESS);
  if (!in) return;
  CnkgText *t = NULL;
  CHECK_EQ(cnkg_intake_text(in, "doc.txt", doc, sizeof doc - 1, NULL, &t),
           CNKG_SUCCESS);
  if (!t) { cnkg_intake_free(in); return; }
  CHECK(t->n_sentences >= 4);
  uint32_t seed = 12345;
  for (int trial = 0; trial < 2000; trial++) {
    seed = seed * 1103515245u + 12345u;
    const CnkgSentence *s = &t->sentences[(seed >> 8) % t->n_sentences];
    /* character boundaries of the sentence */
    size_t bounds[256], nb = 0, i = s->begin;
    while (i < s->end && nb < 255) {
      bounds[nb++] = i;
      cnkg_utf8_next(t->norm, s->end, &i);
    }
    bounds[nb++] = s->end;
    seed = seed * 1103515245u + 12345u;
    size_t x = (seed >> 8) % nb;
    seed = seed * 1103515245u + 12345u;
    size_t y = (seed >> 8) % nb;
    if (x == y) continue;
    size_t b = bounds[x < y ? x : y], e = bounds[x < y ? y : x];
    if (t->norm[b] == ' ' || t->norm[e - 1] == ' ') continue;
    size_t ob, oe;
    cnkg_text_span(t, b, e, &ob, &oe);
    char *orig = cp_slice(t->orig, ob, oe);
    char *again = norm(orig, NULL);
    char *want = cnkg_strndup(t->norm + b, e - b);
    CHECK_STR(again, want);
    free(orig);
    free(again);
    free(want);
  }
  /* the whole text maps into the original */
  size_t ob, oe;
  cnkg_text_span(t, 0, t->norm_len, &ob, &oe);
  CHECK(ob <= oe);
  CHECK(oe <= t->orig_chars);
  cnkg_text_free(t);
  cnkg_intake_free(in);
}

int main(void) {
  char err[256] = "";
  CnkgStatus st = cnkg_normalize_new(NULL, &nz, err, sizeof err);
  if (st == CNKG_ERR_DATA) SKIP(err);
  CHECK_EQ(st, CNKG_SUCCESS);
  CHECK(cnkg_normalize_new("/nonexistent/t2s.json", &(CnkgNormalize *){NULL},
                           err, sizeof err) == CNKG_ERR_DATA);
  CHECK(strstr(err, "/nonexistent/t2s.json") != NULL);
  test_rules();
  test_map();
  test_round_trip();
  cnkg_normalize_free(nz);
  return check_finish();
}
