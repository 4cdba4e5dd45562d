/* SPDX-License-Identifier: Apache-2.0
 * Tests for extractor/furniture.c through intake: one case per artefact
 * class (spam headline strings, place-name bait lists, related-article
 * blocks, copyright/reprint/disclaimer lines, breadcrumbs, page meta,
 * garbled lines, repeated titles), bylines and credits becoming metadata
 * with offsets, editor's notes kept, headings and broken lines. All text
 * is written for this test. */
#include "check.h"
#include "cnkg/text.h"
#include "extractor/intake.h"

static CnkgIntake *in;

static CnkgText *run(const char *s) {
  CnkgText *t = NULL;
  CHECK_EQ(cnkg_intake_text(in, "t.txt", s, strlen(s), NULL, &t),
           CNKG_SUCCESS);
  return t;
}

static bool has(const CnkgText *t, const char *s) {
  return t && strstr(t->norm, s) != NULL;
}

/* The sentence containing s, or NULL. */
static const CnkgSentence *sentence_of(const CnkgText *t, const char *s) {
  const char *p = t ? strstr(t->norm, s) : NULL;
  if (!p) return NULL;
  size_t at = (size_t)(p - t->norm);
  for (size_t i = 0; i < t->n_sentences; i++)
    if (t->sentences[i].begin <= at && at < t->sentences[i].end)
      return &t->sentences[i];
  return NULL;
}

/* Original text of a credit, through the offset map. */
static char *credit_orig(const CnkgText *t, size_t i) {
  size_t ob, oe;
  cnkg_text_span(t, t->credits[i].begin, t->credits[i].end, &ob, &oe);
  size_t k = 0, j = 0, from = 0, to = t->orig_len;
  while (j < t->orig_len) {
    if (k == ob) from = j;
    if (k == oe) { to = j; break; }
    cnkg_utf8_next(t->orig, t->orig_len, &j);
    k++;
  }
  return cnkg_strndup(t->orig + from, to - from);
}

static const char PROSE[] =
    "今年以来,白河县持续推进产业扶贫,全县新建茶叶基地两千亩,带动三百多户贫困户增收。\n";

static void test_spam_and_lists(void) {
  CnkgText *t = run(
      "免费在线观看_最新高清影视大全_热门电视剧排行榜_精品资源天天更新\n"
      "?\n"
      "最新资讯 热门专题 精彩图片 视频直播 网友互动\n"
      "首页 > 新闻中心 > 地方动态\n"
      "白河县发展茶叶产业\n"
      "白河县发展茶叶产业\n"
      "2021-03-15 09:30 来源:白河日报\n"
      "关键词:扶贫 茶叶 白河县\n"
      "分享到:\n"
      "编者按:产业是脱贫的根本。本期关注一个山区县的做法。\n"
      "今年以来,白河县持续推进产业扶贫,全县新建茶叶基地两千亩,带动三百多户贫困户增收。\n"
      "相关阅读\n"
      "东岭县召开脱贫攻坚推进会\n"
      "南溪村:小木耳撑起致富梦\n"
      "北坡镇举办电商培训班\n"
      "责任编辑:钱小兵\n"
      "Copyright © 2021 白河新闻网 All Rights Reserved\n"
      "本文转载自网络,如有侵权请联系删除。\n"
      "免责声明:本站所载文章仅供参考。\n"
      "东岭县| 南溪县| 北坡市| 西山区| 金川县| 石门镇| 清河县|\n");
  CHECK(t != NULL);
  if (!t) return;
  CHECK(!has(t, "_"));
  CHECK(!has(t, "影视"));
  CHECK(!has(t, "热门专题"));
  CHECK(!has(t, "?"));
  CHECK(!has(t, ">"));
  CHECK(!has(t, "新闻中心"));
  CHECK(!has(t, "关键词"));
  CHECK(!has(t, "分享"));
  CHECK(!has(t, "相关阅读"));
  CHECK(!has(t, "东岭县"));   /* related list and bait list */
  CHECK(!has(t, "木耳"));
  CHECK(!has(t, "钱小兵"));   /* editor credit is page meta */
  CHECK(!has(t, "Copyright"));
  CHECK(!has(t, "侵权"));
  CHECK(!has(t, "免责"));
  CHECK(!has(t, "金川县"));
  CHECK(!has(t, "|"));
  CHECK(!has(t, "2021-03-15"));
  /* the editor's note and the prose stay */
  CHECK(has(t, "编者按:产业是脱贫的根本。"));
  CHECK(has(t, "带动三百多户贫困户增收。"));
  /* the title is kept once, as a heading, and becomes the title */
  CHECK_STR(t->title, "白河县发展茶叶产业");
  const char *p = strstr(t->norm, "白河县发展茶叶产业");
  CHECK(p && strstr(p + 1, "白河县发展茶叶产业") == NULL);
  const CnkgSentence *h = sentence_of(t, "白河县发展茶叶产业");
  CHECK(h && h->heading);
  CHECK_STR(t->source, "白河日报");
  cnkg_text_free(t);
}

static void test_bylines(void) {
  CnkgText *t = run(
      "山村里的新茶园\n"
      "本报记者 张立新 王晓红\n"
      "□ 本报通讯员 赵刚\n"
      "文丨陈思远\n"
      "村民在茶园里采摘春茶。周宏伟 摄\n"
      "清晨,石门村的茶园里一片繁忙,养殖(中蜂)的蜂箱也摆上了山坡。\n"
      "村支书说,茶叶已经成了村里的支柱产业。(李红梅 何志强)\n"
      "(综合白河日报、青山新闻网报道)\n");
  CHECK(t != NULL);
  if (!t) return;
  CHECK_STR(t->author, "张立新、王晓红、赵刚、陈思远、李红梅、何志强");
  CHECK_STR(t->photographer, "周宏伟");
  CHECK(t->source && strstr(t->source, "白河日报") != NULL);
  /* every credit maps back to the name in the original */
  for (size_t i = 0; i < t->n_credits; i++) {
    char *o = credit_orig(t, i);
    char *n = cnkg_strndup(t->norm + t->credits[i].begin,
                           t->credits[i].end - t->credits[i].begin);
    CHECK_STR(o, n);
    free(o);
    free(n);
  }
  /* byline lines stay as credit sentences; the caption stays prose */
  const CnkgSentence *s = sentence_of(t, "张立新");
  CHECK(s && s->credit);
  s = sentence_of(t, "采摘春茶");
  CHECK(s && !s->credit);
  s = sentence_of(t, "周宏伟");
  CHECK(s && s->credit);
  /* a bracketed word inside a sentence is not a credit */
  s = sentence_of(t, "(中蜂)");
  CHECK(s && !s->credit);
  s = sentence_of(t, "(李红梅");
  CHECK(s && s->credit);
  s = sentence_of(t, "支柱产业。");
  CHECK(s && !s->credit);
  cnkg_text_free(t);

  /* a dateline credit at the start of a paragraph */
  t = run("本报讯(记者 孙伟 通讯员 钱丽)近日,白河县召开茶产业发展大会,部署全年工作任务。\n");
  CHECK(t != NULL);
  if (t) {
    CHECK_STR(t->author, "孙伟、钱丽");
    const CnkgSentence *c = sentence_of(t, "孙伟");
    CHECK(c && c->credit);
    const CnkgSentence *p = sentence_of(t, "近日");
    CHECK(p && !p->credit && p != c);
  }
  cnkg_text_free(t);
  t = run("本报讯(记者张明)今年全县茶园面积达到五万亩。\n");
  CHECK(t && t->author && strcmp(t->author, "张明") == 0);
  cnkg_text_free(t);

  /* "(试行)" after a heading is not a byline */
  t = run("茶叶产业发展扶持办法(试行)\n" "第一条 为了促进茶叶产业发展,制定本办法。\n");
  CHECK(t && t->author == NULL);
  cnkg_text_free(t);
}

/* News outlets in bylines, datelines and meta lines become the source. */
/* A prose paragraph after the credits. */
#define BODY "今年以来,白河县持续推进产业扶贫,全县新建茶叶基地两千亩,带动三百多户贫困户增收。\n"

static void test_outlets(void) {
  CnkgText *t = run("青山网讯(记者 孙伟)近日,白河县召开茶产业发展大会,部署全年工作。\n");
  CHECK(t && t->source && strcmp(t->source, "青山网") == 0);
  CHECK(t && t->author && strcmp(t->author, "孙伟") == 0);
  const CnkgSentence *c = sentence_of(t, "青山网");
  CHECK(c && c->credit);
  cnkg_text_free(t);

  t = run("山村里的新茶园\n"
          "发布时间:2021-03-15 10:20 来源:白河在线 作者:张立新 王晓红\n" BODY);
  CHECK(t && t->source && strcmp(t->source, "白河在线") == 0);
  CHECK(t && t->author && strcmp(t->author, "张立新、王晓红") == 0);
  CHECK(!has(t, "2021-03-15"));
  c = sentence_of(t, "白河在线");
  CHECK(c && c->credit);
  cnkg_text_free(t);

  t = run("白河导报 2021年第5期\n" BODY);
  CHECK(t && t->source && strcmp(t->source, "白河导报") == 0);
  CHECK(!has(t, "2021年第5期"));
  cnkg_text_free(t);

  t = run("山村里的新茶园\n青山新闻 记者 吴立\n《山乡月刊》东岭讯 梁小山\n" BODY);
  CHECK(t && t->source && strstr(t->source, "青山新闻") && strstr(t->source, "山乡月刊"));
  CHECK(t && t->author && strcmp(t->author, "吴立、梁小山") == 0);
  cnkg_text_free(t);

  /* 本报 is no outlet's name */
  t = run("本报记者 张立新\n" BODY);
  CHECK(t && t->source == NULL);
  cnkg_text_free(t);
}

static void test_layout(void) {
  CnkgText *t = run(
      "白河县茶产业调查\n"
      "去年以来,在县委县政府的坚强领导下,全县广大干部群众齐心协力,努力推进茶叶产\n"
      "\n"
      "业发展和乡村振兴。目前,全县茶园面积已达五万亩。\n"
      "一、抓好基地建设\n"
      "全县统一规划,连片开发。\n");
  CHECK(t != NULL);
  if (!t) return;
  /* the broken line is joined into one sentence */
  CHECK(has(t, "推进茶叶产业发展和乡村振兴。"));
  const CnkgSentence *a = sentence_of(t, "齐心协力");
  const CnkgSentence *b = sentence_of(t, "五万亩");
  CHECK(a && b && a != b && a->paragraph == b->paragraph);
  const CnkgSentence *h = sentence_of(t, "一、抓好基地建设");
  CHECK(h && h->heading && b && h->paragraph == b->paragraph + 1);
  const CnkgSentence *c = sentence_of(t, "连片开发");
  CHECK(c && !c->heading && h && c->paragraph == h->paragraph + 1);
  /* no sentence spans a line break */
  for (size_t i = 0; i < t->n_sentences; i++) {
    const CnkgSentence *s = &t->sentences[i];
    CHECK(memchr(t->norm + s->begin, '\n', s->end - s->begin) == NULL);
    CHECK(s->end > s->begin);
  }
  cnkg_text_free(t);
  (void)PROSE;
}

int main(void) {
  char err[256] = "";
  CnkgStatus st = cnkg_intake_new(&in, err, sizeof err);
  if (st == CNKG_ERR_DATA) SKIP(err);
  CHECK_EQ(st, CNKG_SUCCESS);
  test_spam_and_lists();
  test_bylines();
  test_outlets();
  test_layout();
  cnkg_intake_free(in);
  return check_finish();
}
