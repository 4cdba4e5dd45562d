/* SPDX-License-Identifier: Apache-2.0
 * Tests for extractor/encoding.c and encoding-independence of intake: one
 * UTF-8 article written for this test, converted with iconv to GB18030,
 * UTF-16 LE/BE (with BOM) and, via OpenCC s2tw, to Big5, must give the same
 * normalised text. Also: BOM, invalid bytes (one warning with the offset),
 * binary input (CNKG_ERR_TEXT). */
#include <iconv.h>
#include <opencc/opencc.h>
#include <stdint.h>

#include "check.h"
#include "cnkg/text.h"
#include "extractor/encoding.h"
#include "extractor/intake.h"

static const char ARTICLE[] =
    "青山县推进产业扶贫见闻\n"
    "本报记者 周海燕\n"
    "今年以来,青山县坚持“村社合一”的发展模式,带动贫困户发展茶叶种植。"
    "在石门镇桃源村,村党支部书记刘建国告诉记者:“我们村的茶园已经扩大到三百亩。”\n"
    "合作社负责人说,明年还要建设加工厂,让群众在家门口就业。\n";

typedef struct {
  int warnings, errors;
  size_t position;
  char message[256];
} Seen;

static void on_log(void *h, CnkgLogLevel level, const char *doc, size_t pos,
                   const char *msg) {
  Seen *s = h;
  (void)doc;
  if (level == CNKG_LOG_WARNING) s->warnings++;
  if (level == CNKG_LOG_ERROR) s->errors++;
  s->position = pos;
  snprintf(s->message, sizeof s->message, "%s", msg);
}

/* iconv from UTF-8 to `to`; caller frees. */
static char *to_charset(const char *to, const char *s, size_t len,
                        size_t *out_len) {
  iconv_t cd = iconv_open(to, "UTF-8");
  if (cd == (iconv_t)-1) return NULL;
  size_t cap = len * 4 + 16, left = len, oleft = cap;
  char *out = malloc(cap), *op = out, *ip = (char *)(uintptr_t)s;
  size_t r = iconv(cd, &ip, &left, &op, &oleft);
  iconv_close(cd);
  if (r == (size_t)-1) { free(out); return NULL; }
  *out_len = cap - oleft;
  return out;
}

static char *normalised(CnkgIntake *in, const char *name, const void *b,
                        size_t len, const char **enc) {
  CnkgText *t = NULL;
  CnkgStatus st = cnkg_intake_text(in, name, b, len, NULL, &t);
  CHECK_EQ(st, CNKG_SUCCESS);
  if (!t) return NULL;
  char *r = cnkg_strndup(t->norm, t->norm_len);
  static char enc_buf[32];
  snprintf(enc_buf, sizeof enc_buf, "%s", t->encoding);
  if (enc) *enc = enc_buf;
  cnkg_text_free(t);
  return r;
}

static void same_text(CnkgIntake *in, const char *want, const char *charset,
                      const char *src, const char *expect_enc, bool bom16) {
  size_t len = 0;
  char *bytes = to_charset(charset, src, strlen(src), &len);
  CHECK(bytes != NULL);
  if (!bytes) return;
  if (bom16) {
    /* iconv's "UTF-16LE"/"UTF-16BE" write no BOM: add one */
    char *b = malloc(len + 2);
    bool le = strstr(charset, "LE") != NULL;
    b[0] = (char)(le ? 0xFF : 0xFE);
    b[1] = (char)(le ? 0xFE : 0xFF);
    memcpy(b + 2, bytes, len);
    free(bytes);
    bytes = b;
    len += 2;
  }
  const char *enc = NULL;
  char *got = normalised(in, charset, bytes, len, &enc);
  CHECK_STR(got, want);
  CHECK_STR(enc, expect_enc);
  free(got);
  free(bytes);
}

int main(void) {
  char err[256] = "";
  CnkgIntake *in = NULL;
  CnkgStatus st = cnkg_intake_new(&in, err, sizeof err);
  if (st == CNKG_ERR_DATA) SKIP(err);
  CHECK_EQ(st, CNKG_SUCCESS);

  const char *enc = NULL;
  char *want = normalised(in, "a.txt", ARTICLE, sizeof ARTICLE - 1, &enc);
  CHECK_STR(enc, "UTF-8");
  CHECK(want && strstr(want, "刘建国") != NULL);

  /* UTF-8 with BOM */
  size_t blen = sizeof ARTICLE - 1 + 3;
  char *bom = malloc(blen);
  memcpy(bom, "\xEF\xBB\xBF", 3);
  memcpy(bom + 3, ARTICLE, sizeof ARTICLE - 1);
  char *got = normalised(in, "bom.txt", bom, blen, &enc);
  CHECK_STR(got, want);
  free(got);
  free(bom);

  same_text(in, want, "GB18030", ARTICLE, "GB18030", false);
  same_text(in, want, "UTF-16LE", ARTICLE, "UTF-16LE", true);
  same_text(in, want, "UTF-16BE", ARTICLE, "UTF-16BE", true);

  /* Big5: Traditional text made with OpenCC (s2tw: Taiwan standard
   * forms, which Big5 can encode; plain s2t writes e.g. 羣衆) */
  opencc_t cc = opencc_open("/usr/share/opencc/s2tw.json");
  if (cc != (opencc_t)-1) {
    char *trad = opencc_convert_utf8(cc, ARTICLE, sizeof ARTICLE - 1);
    CHECK(trad && strcmp(trad, ARTICLE) != 0);
    if (trad) same_text(in, want, "BIG5", trad, "BIG5", false);
    opencc_convert_utf8_free(trad);
    opencc_close(cc);
  }

  /* invalid UTF-8 in an otherwise UTF-8 file: U+FFFD and one warning
   * with the byte offset of the first bad byte */
  {
    const char bad[] = "第一段文字\xFF\xFE正常内容继续,第二处\xC3错误也替换。";
    char *out = NULL;
    size_t olen = 0;
    Seen seen = {0};
    CnkgLog log = {on_log, &seen};
    st = cnkg_encoding_decode("bad.txt", bad, sizeof bad - 1, &log, &out,
                              &olen, &enc);
    CHECK_EQ(st, CNKG_SUCCESS);
    CHECK_EQ(seen.warnings, 1);
    CHECK_EQ(seen.position, 15);
    CHECK(strstr(seen.message, "U+FFFD") != NULL); /* the position is the log call's */
    CHECK(out && strstr(out, "\xEF\xBF\xBD") != NULL);
    CHECK(out && cnkg_utf8_valid(out, olen));
    free(out);
  }
  /* binary input is refused with an error */
  {
    unsigned char bin[256];
    for (size_t i = 0; i < sizeof bin; i++) bin[i] = (unsigned char)(i * 7);
    Seen seen = {0};
    CnkgLog log = {on_log, &seen};
    CnkgText *t = NULL;
    st = cnkg_intake_text(in, "image.png", bin, sizeof bin, &log, &t);
    CHECK_EQ(st, CNKG_ERR_TEXT);
    CHECK(t == NULL);
    CHECK_EQ(seen.errors, 1);
    CHECK(strstr(seen.message, "binary") != NULL ||
          strstr(seen.message, "undecodable") != NULL);
  }
  /* empty input is fine */
  {
    CnkgText *t = NULL;
    CHECK_EQ(cnkg_intake_text(in, "empty.txt", "", 0, NULL, &t),
             CNKG_SUCCESS);
    CHECK(t && t->norm_len == 0 && t->n_sentences == 0);
    cnkg_text_free(t);
  }
  free(want);
  cnkg_intake_free(in);
  return check_finish();
}
