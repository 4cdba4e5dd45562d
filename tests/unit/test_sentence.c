/* SPDX-License-Identifier: Apache-2.0
 * Tests for extractor/sentence.c: terminal punctuation with closing
 * quotes, quotations spanning sentences, ellipses inside clauses, list
 * items, and sentence ranges of intake output. */
#include "check.h"
#include "cnkg/text.h"
#include "extractor/intake.h"
#include "extractor/sentence.h"

/* Splits s and joins the sentences with '|'. */
static char *split(const char *s) {
  size_t len = strlen(s), b = 0, n = 0;
  char *out = malloc(len * 2 + 1);
  while (b < len) {
    size_t e = cnkg_sentence_next(s, b, len);
    CHECK(e > b && e <= len);
    if (e <= b) break;
    if (n) out[n++] = '|';
    memcpy(out + n, s + b, e - b);
    n += e - b;
    b = e;
  }
  out[n] = '\0';
  return out;
}

static void expect(const char *in, const char *want) {
  char *got = split(in);
  CHECK_STR(got, want);
  free(got);
}

int main(void) {
  expect("村里修了路。群众很高兴!还要做什么?",
         "村里修了路。|群众很高兴!|还要做什么?");
  /* closing quote stays with its sentence */
  expect("他说:“路修好了。”大家都笑了。",
         "他说:“路修好了。”|大家都笑了。");
  /* a quotation of several sentences is one sentence */
  expect("“今年种茶。明年办厂。后年建景区。”村支书说。",
         "“今年种茶。明年办厂。后年建景区。”|村支书说。");
  /* ellipsis before a comma does not end the clause */
  expect("种茶、养蜂……,样样都行。好!", "种茶、养蜂……,样样都行。|好!");
  /* repeated terminal marks form one boundary */
  expect("真的吗?!是的。", "真的吗?!|是的。");
  /* list items in one paragraph */
  expect("一是抓基地。二是抓龙头。三是抓品牌。",
         "一是抓基地。|二是抓龙头。|三是抓品牌。");
  /* no terminal punctuation: one sentence */
  expect("一、抓好基地建设", "一、抓好基地建设");
  /* an unclosed quotation is cut once it grows long */
  {
    char buf[4096] = "“";
    for (int i = 0; i < 60; i++) strcat(buf, "群众增收了。");
    size_t len = strlen(buf);
    size_t e = cnkg_sentence_next(buf, 0, len);
    CHECK(e < len);
  }

  /* through intake: sentences never cross paragraphs and tile them */
  char err[256];
  CnkgIntake *in = NULL;
  CnkgStatus st = cnkg_intake_new(&in, err, sizeof err);
  if (st == CNKG_ERR_DATA) SKIP(err);
  const char doc[] =
      "河口村的变化\n"
      "河口村地处山区。过去,村民靠种玉米为生。\n"
      "村支书说:“我们要致富。要修路。”大家纷纷响应。\n";
  CnkgText *t = NULL;
  CHECK_EQ(cnkg_intake_text(in, "d.txt", doc, sizeof doc - 1, NULL, &t),
           CNKG_SUCCESS);
  if (t) {
    CHECK_EQ(t->n_sentences, 5);
    size_t expect_para[] = {0, 1, 1, 2, 2};
    for (size_t i = 0; i < t->n_sentences && i < 5; i++)
      CHECK_EQ(t->sentences[i].paragraph, expect_para[i]);
    CHECK(t->n_sentences > 0 && t->sentences[0].heading);
    for (size_t i = 1; i < t->n_sentences; i++)
      CHECK(t->sentences[i].begin >= t->sentences[i - 1].end);
  }
  cnkg_text_free(t);
  cnkg_intake_free(in);
  return check_finish();
}
