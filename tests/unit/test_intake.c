/* SPDX-License-Identifier: Apache-2.0
 * Tests for extractor/intake.c and extractor/htmlin.c: HTML reduced to the
 * article (title kept; scripts, styles, navigation, comment blocks gone),
 * HTML sniffing, span mapping, and on the shared corpus (skipped when
 * absent): the page furniture of document 001 vanishes, every document
 * gives well-formed output whose map stays inside the original. */
#include <dirent.h>

#include "check.h"
#include "cnkg/text.h"
#include "extractor/htmlin.h"
#include "extractor/intake.h"

static CnkgIntake *in;

static void test_html(void) {
  static const char page[] =
      "<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
      "<title>青山县 茶产业 带富一方</title>"
      "<style>.x{color:red}</style><script>var 广告 = 1;</script></head>"
      "<body><div class=\"top-nav\"><a href=\"/\">首页</a> <a>要闻</a></div>"
      "<nav><ul><li>本地</li><li>国内</li></ul></nav>"
      "<div id=\"main\"><h1>青山县茶产业带富一方</h1>"
      "<p>记者 林小雨</p>"
      "<p>今年以来,青山县大力发展茶叶种植,<b>带动</b>群众增收。</p>"
      "<!-- 这是注释,不要 -->"
      "<p>村民说:“日子越过越好了。”</p></div>"
      "<div class=\"comments\"><p>网友评论:好文章!</p></div>"
      "<div class=\"related-list\"><p>其他新闻一</p></div>"
      "<footer>版权所有 青山新闻网</footer></body></html>";
  CnkgText *t = NULL;
  CHECK_EQ(cnkg_intake_text(in, "page.html", page, sizeof page - 1, NULL, &t),
           CNKG_SUCCESS);
  CHECK(t != NULL);
  if (!t) return;
  CHECK(t->is_html);
  CHECK_STR(t->title, "青山县茶产业带富一方");
  CHECK(strstr(t->norm, "大力发展茶叶种植,带动群众增收。") != NULL);
  CHECK(strstr(t->norm, "日子越过越好了") != NULL);
  CHECK(strstr(t->norm, "广告") == NULL);
  CHECK(strstr(t->norm, "color") == NULL);
  CHECK(strstr(t->norm, "首页") == NULL);
  CHECK(strstr(t->norm, "国内") == NULL);
  CHECK(strstr(t->norm, "注释") == NULL);
  CHECK(strstr(t->norm, "网友评论") == NULL);
  CHECK(strstr(t->norm, "其他新闻") == NULL);
  CHECK(strstr(t->norm, "版权") == NULL);
  CHECK_STR(t->author, "林小雨");
  /* offsets refer to the extracted article text */
  CHECK(strstr(t->orig, "<p>") == NULL);
  cnkg_text_free(t);

  /* a site name after the title is cut off */
  static const char page2[] =
      "<html><head><title>白河县茶叶丰收_地方新闻_白河新闻网</title></head>"
      "<body><p>白河县茶叶丰收。</p></body></html>";
  CHECK_EQ(cnkg_intake_text(in, "p2.htm", page2, sizeof page2 - 1, NULL, &t),
           CNKG_SUCCESS);
  CHECK(t && t->title && strcmp(t->title, "白河县茶叶丰收") == 0);
  cnkg_text_free(t);

  /* sniffing: by name, or by content */
  CHECK(cnkg_htmlin_sniff("a.HTM", "x", 1));
  CHECK(cnkg_htmlin_sniff("-", "  <!doctype html><p>x", 21));
  CHECK(cnkg_htmlin_sniff("-", "<html><body>x", 13));
  CHECK(!cnkg_htmlin_sniff("a.txt", "今天 <b> 不是网页", 21));
}

static void test_span(void) {
  const char doc[] = "產(chǎn)業(yè)興旺。\n";
  CnkgText *t = NULL;
  CHECK_EQ(cnkg_intake_text(in, "s.txt", doc, sizeof doc - 1, NULL, &t),
           CNKG_SUCCESS);
  if (!t) return;
  CHECK_STR(t->norm, "产业兴旺。");
  size_t b, e;
  cnkg_text_span(t, 0, 6, &b, &e); /* 产业 */
  CHECK_EQ(b, 0);
  CHECK_EQ(e, 12);
  cnkg_text_span(t, 6, 6, &b, &e);
  CHECK_EQ(b, e);
  CHECK_EQ(t->map[t->norm_len], 15);
  cnkg_text_free(t);
}

static void test_corpus(const char *dir) {
  DIR *d = opendir(dir);
  if (!d) return;
  struct dirent *ent;
  int docs = 0;
  while ((ent = readdir(d)) != NULL) {
    size_t n = strlen(ent->d_name);
    if (n < 5 || strcmp(ent->d_name + n - 4, ".txt") != 0) continue;
    char path[8192];
    snprintf(path, sizeof path, "%s/%s", dir, ent->d_name);
    size_t len = 0;
    char *buf = check_read_file(path, &len);
    CHECK(buf != NULL);
    if (!buf) continue;
    CnkgText *t = NULL;
    CHECK_EQ(cnkg_intake_text(in, ent->d_name, buf, len, NULL, &t),
             CNKG_SUCCESS);
    free(buf);
    if (!t) continue;
    docs++;
    CHECK(t->n_sentences > 10);
    CHECK(t->map[t->norm_len] <= t->orig_chars);
    for (size_t i = 0; i < t->norm_len; i++)
      CHECK(t->map[i] <= t->map_end[i] && t->map_end[i] <= t->orig_chars);
    /* no place-name bait list, spam headline string or breadcrumb */
    CHECK(strchr(t->norm, '|') == NULL);
    CHECK(strchr(t->norm, '_') == NULL);
    CHECK(strstr(t->norm, " > ") == NULL);
    CHECK(strstr(t->norm, "猜你喜欢") == NULL);
    CHECK(strstr(t->norm, "Copyright") == NULL);
    if (strncmp(ent->d_name, "001_", 4) == 0) {
      /* the related-articles list came after the last paragraph: the text
       * now ends with that paragraph's full stop */
      CHECK(t->norm_len > 3 &&
            strcmp(t->norm + t->norm_len - 3, "\xE3\x80\x82") == 0);
      /* the spam first line is gone: the title is the first sentence */
      CHECK(t->n_sentences > 0 && t->sentences[0].heading);
      CHECK(t->title != NULL);
      CHECK(t->author != NULL);
      /* romanisation is gone */
      CHECK(strstr(t->norm, "(ch") == NULL);
    }
    cnkg_text_free(t);
  }
  closedir(d);
  CHECK(docs >= 5);
}

int main(void) {
  char err[256] = "";
  CnkgStatus st = cnkg_intake_new(&in, err, sizeof err);
  if (st == CNKG_ERR_DATA) SKIP(err);
  CHECK_EQ(st, CNKG_SUCCESS);
  test_html();
  test_span();
  char dir[2048];
  snprintf(dir, sizeof dir, "%s/corpus",
           check_env("CNKG_SHARED", "/work/shared"));
  test_corpus(dir);
  cnkg_intake_free(in);
  return check_finish();
}
