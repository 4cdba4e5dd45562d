/* SPDX-License-Identifier: Apache-2.0
 * Tests for extractor/timex.c and timex_docdate.c: every form of time
 * expression (absolute, partial, relative, ranges, parts of a year,
 * durations), impossible dates and numbers that are not dates, the year
 * context, and publication dates from header lines, datelines, bylines and
 * issue lines. All sentences are written for this test.
 *
 * With CNKG_TIMEX_SCAN=DIR[:DIR…] set, it instead prints what the finder
 * and the document-date function find in every .txt file of each DIR, one
 * line each (see bench/timex for the comparison with gold files), checks
 * the scan of runs against a search of every position on every sentence,
 * and prints the CPU time spent in timex on stderr. */
#include <dirent.h>
#include <stdint.h>
#include <time.h>

#include "check.h"
#include "cnkg/text.h"
#include "extractor/intake.h"
#include "extractor/timex.h"
#include "extractor/timex_int.h"

static CnkgTimex *tx;

/* The hits of s[0, len) from the scan of runs and from the search of every
 * position must be the same (the runs are only a speed-up). Returns true
 * if they are. */
static bool same_as_full_search(const char *s, size_t begin, size_t end,
                                const CnkgTimexDate *ref,
                                const CnkgTimexHits *got) {
  CnkgTimexCursor *cur = NULL;
  CnkgTimexHits all = {0};
  if (cnkg_timex_cursor_new(tx, ref, &cur) != CNKG_SUCCESS) return false;
  cnkg_timex_cursor_search_all(cur, true);
  bool same = cnkg_timex_scan(tx, cur, s, begin, end, 0, &all) ==
                  CNKG_SUCCESS && all.n == got->n;
  for (size_t i = 0; same && i < all.n; i++) {
    const CnkgTimexHit *a = &all.v[i], *b = &got->v[i];
    same = a->begin == b->begin && a->end == b->end && a->kind == b->kind &&
           strcmp(a->iso, b->iso) == 0 &&
           strcmp(a->iso_end, b->iso_end) == 0 &&
           a->relative == b->relative && a->anchor == b->anchor &&
           a->part == b->part && a->mod == b->mod;
  }
  cnkg_timex_hits_free(&all);
  cnkg_timex_cursor_free(cur);
  return same;
}

/* What the finder makes of s: "text=iso" per hit (ranges "text=a/b",
 * durations "text=dur"), joined by " | ", a relative one marked with "~".
 * Static buffer. */
static const char *find_ref(const char *s, const CnkgTimexDate *ref) {
  static char out[2048];
  CnkgTimexCursor *cur = NULL;
  CnkgTimexHits hits = {0};
  out[0] = '\0';
  CHECK_EQ(cnkg_timex_cursor_new(tx, ref, &cur), CNKG_SUCCESS);
  CHECK_EQ(cnkg_timex_scan(tx, cur, s, 0, strlen(s), 0, &hits), CNKG_SUCCESS);
  CHECK(same_as_full_search(s, 0, strlen(s), ref, &hits));
  size_t len = 0;
  for (size_t i = 0; i < hits.n; i++) {
    const CnkgTimexHit *h = &hits.v[i];
    len += (size_t)snprintf(out + len, sizeof out - len, "%s%.*s=%s%s%s%s",
                            i ? " | " : "", (int)(h->end - h->begin),
                            s + h->begin, h->relative ? "~" : "",
                            h->kind == CNKG_TIMEX_DURATION ? "dur" : h->iso,
                            h->kind == CNKG_TIMEX_RANGE ? "/" : "",
                            h->iso_end);
  }
  cnkg_timex_hits_free(&hits);
  cnkg_timex_cursor_free(cur);
  return out;
}

static const char *find(const char *s) { return find_ref(s, NULL); }

static const CnkgTimexDate REF = {2019, 3, 15, CNKG_TIMEX_DAY};

/* The first hit of s (with reference ref); the test fails if none. */
static CnkgTimexHit first_hit(const char *s, const CnkgTimexDate *ref) {
  CnkgTimexCursor *cur = NULL;
  CnkgTimexHits hits = {0};
  CnkgTimexHit h = {0};
  CHECK_EQ(cnkg_timex_cursor_new(tx, ref, &cur), CNKG_SUCCESS);
  CHECK_EQ(cnkg_timex_scan(tx, cur, s, 0, strlen(s), 0, &hits), CNKG_SUCCESS);
  CHECK(same_as_full_search(s, 0, strlen(s), ref, &hits));
  CHECK(hits.n > 0);
  if (hits.n) h = hits.v[0];
  cnkg_timex_hits_free(&hits);
  cnkg_timex_cursor_free(cur);
  return h;
}

static void test_absolute(void) {
  CHECK_STR(find("2018年5月31日,县里召开大会。"), "2018年5月31日=2018-05-31");
  CHECK_STR(find("会议于2019/3/8在镇上举行。"), "2019/3/8=2019-03-08");
  CHECK_STR(find("会议于2019.3.8在镇上举行。"), "2019.3.8=2019-03-08");
  CHECK_STR(find("发文日期 2021-01-18,文件下发。"), "2021-01-18=2021-01-18");
  CHECK_STR(find("14.07.2016 17:09 更新"), "14.07.2016 17:09=2016-07-14");
  CHECK_STR(find("2016-07-18 11:50 编辑"), "2016-07-18 11:50=2016-07-18");
  CHECK_STR(find("2018年05月31日 星期四"), "2018年05月31日 星期四=2018-05-31");
  CHECK_STR(find("二〇一八年,村里通了公路。"), "二〇一八年=2018");
  CHECK_STR(find("二○一九年三月,合作社成立。"), "二○一九年三月=2019-03");
  CHECK_STR(find("一九九八年十二月二十六日出生"),
            "一九九八年十二月二十六日=1998-12-26");
  CHECK_STR(find("2018年元月,他回到村里。"), "2018年元月=2018-01");
  CHECK_STR(find("2018年5月底,道路通车。"), "2018年5月底=2018-05");
  CHECK_STR(find("2017年 6 月,茶园扩大。"), "2017年 6 月=2017-06");
  CHECK_STR(find("2017 年 6 月 8 日,茶园扩大。"), "2017 年 6 月 8 日=2017-06-08");
  CHECK_STR(find("2016 至 2018 年"), "2016 至 2018 年=2016/2018");
  CHECK_STR(find("2015年,该村被列为贫困村。"), "2015年=2015");
  CHECK_STR(find("2019年度考核优秀"), "2019年度=2019");
  CHECK_STR(find("5月31号开工"), "");  /* no year anywhere: left out */
  CHECK_STR(find("2020年5月31号开工"), "2020年5月31号=2020-05-31");
  CHECK_STR(find("2018.05 起担任村主任"), "2018.05 起=2018-05");
  CHECK_STR(find("2020年2月29日"), "2020年2月29日=2020-02-29");
  CHECK_STR(find("2000年2月29日"), "2000年2月29日=2000-02-29");
}

static void test_parts_of_year(void) {
  CHECK_STR(find("2018年底,全村脱贫。"), "2018年底=2018");
  CHECK_STR(find("2018年末实现目标"), "2018年末=2018");
  CHECK_STR(find("2016年初,他来到这里。"), "2016年初=2016");
  CHECK_STR(find("2019年上半年,收入增加。"), "2019年上半年=2019");
  CHECK_STR(find("2019年下半年完成"), "2019年下半年=2019");
  CHECK_STR(find("2017年年中,开始建设"), "2017年年中=2017");
  CHECK_STR(find("2018年内完成搬迁"), "2018年内=2018");
  CHECK_STR(find("2019年第一季度增长"), "2019年第一季度=2019");
  CHECK_STR(find("2019年前三季度增长"), "2019年前三季度=2019");
  CHECK_STR(find("2019年5月初,苗木到村"), "2019年5月初=2019-05");
  CHECK_STR(find("2019年5月下旬,苗木到村"), "2019年5月下旬=2019-05");
  CnkgTimexHit h = first_hit("2018年底全村脱贫", NULL);
  CHECK_EQ(h.part, CNKG_TIMEX_END);
  CHECK_EQ(h.value.precision, CNKG_TIMEX_YEAR);
  h = first_hit("2019年上半年", NULL);
  CHECK_EQ(h.part, CNKG_TIMEX_FIRST_HALF);
  h = first_hit("2019年5月初", NULL);
  CHECK_EQ(h.part, CNKG_TIMEX_BEGIN);
  CHECK_EQ(h.value.precision, CNKG_TIMEX_MONTH);
  /* words that look like parts but are not */
  CHECK_STR(find("2018年初步建成产业园"), "2018年=2018");
  CHECK_STR(find("2018年内蒙古自治区"), "2018年=2018");
  CHECK_STR(find("2018年中国农民丰收节"), "2018年=2018");
}

static void test_impossible(void) {
  CHECK_STR(find("2018年13月,这个日子不存在。"), "");
  CHECK_STR(find("2018年2月30日开会"), "");
  CHECK_STR(find("2019年2月29日开会"), "");
  CHECK_STR(find("2019年4月31日开会"), "");
  CHECK_STR(find("2019年0月开会"), "");
  CHECK_STR(find("2019-13-01 发布"), "");
  CHECK_STR(find("2019/02/30 发布"), "");
  CHECK_STR(find("32.01.2016 发布"), "");
  /* years outside 1900-2100 */
  CHECK_STR(find("1800年,这里建了书院。"), "");
  CHECK_STR(find("2150年的目标"), "");
  /* a partial date impossible in any year, and in its context year */
  CHECK_STR(find_ref("2月30日开会", &REF), "");
  CHECK_STR(find("2019年春天。2月29日,村里下雪。"), "2019年=2019");
  CHECK_STR(find("2020年春天。2月29日,村里下雪。"),
            "2020年=2020 | 2月29日=~2020-02-29");
  /* an impossible range end, and a range that runs backwards */
  CHECK_STR(find("2019年3月至13月"), "");
  CHECK_STR(find("2018年至2016年"), "");
}

static void test_not_dates(void) {
  CHECK_STR(find("全村共有2018人。"), "");
  CHECK_STR(find("县政府第2018号文件"), "");
  CHECK_STR(find("咨询电话0871-2018-0531"), "");
  CHECK_STR(find("联系电话13820180531"), "");
  CHECK_STR(find("贫困发生率下降到10.5%。"), "");
  CHECK_STR(find("产值2019.3万元"), "");
  CHECK_STR(find("增长2019.3%"), "");
  CHECK_STR(find("完成投资2018万元"), "");
  CHECK_STR(find("2018"), "");
  CHECK_STR(find("2016-2018"), "");
  CHECK_STR(find("一年级学生"), "");
  CHECK_STR(find("2020年级新生"), "");
  CHECK_STR(find("他前往县城"), "");
  CHECK_STR(find("近日,村里来了客人。"), "");
  CHECK_STR(find_ref("目前,全村已脱贫。", &REF), "");
  CHECK_STR(find("十年前年轻人都外出打工"), "十年前=dur");
  CHECK_STR(find("版本号1.2.2018"), "");
  /* a month in words that is a frequency or a lunar date */
  CHECK_STR(find("2018年起,村里一月一次例会。"), "2018年起=2018");
  CHECK_STR(find("2018年的八月十五,全村团聚。"), "2018年=2018");
  /* lunar dates */
  CHECK_STR(find("2018年的农历五月初五,赛龙舟。"), "2018年=2018");
  CHECK_STR(find("2018年农历5月5日,赛龙舟。"), "2018年=2018");
  CHECK_STR(find("2018年,五月初五赛龙舟。"), "2018年=2018");
}

static void test_durations(void) {
  CHECK_STR(find("三年来,村里变化很大。"), "三年来=dur");
  CHECK_STR(find("两年多的时间里"), "两年多=dur");
  CHECK_STR(find("用了3个月"), "3个月=dur");
  CHECK_STR(find("十多年间"), "十多年间=dur");
  CHECK_STR(find("坚持了20年"), "20年=dur");
  CHECK_STR(find("多年来"), "多年来=dur");
  /* an exact amount before now is a date, counted back from the
   * reference; vague amounts and "after" are not */
  CHECK_STR(find_ref("4年前,村里成立了合作社。", &REF), "4年前=~2015");
  CHECK_STR(find_ref("十年前,年轻人都外出打工。", &REF), "十年前=~2009");
  CHECK_STR(find_ref("3个月前开工", &REF), "3个月前=~2018-12");
  CHECK_STR(find("4年前,村里成立了合作社。"), "4年前=dur");
  CHECK_STR(find_ref("几年前,村里成立了合作社。", &REF), "几年前=dur");
  CHECK_STR(find_ref("4年多前,村里成立了合作社。", &REF), "4年多前=dur");
  CHECK_STR(find_ref("4年后,村里成立了合作社。", &REF), "4年后=dur");
  CnkgTimexHit h = first_hit("三年来", NULL);
  CHECK_EQ(h.kind, CNKG_TIMEX_DURATION);
  CHECK_EQ(h.value.precision, CNKG_TIMEX_NONE);
  CHECK_STR(h.iso, "");
}

static void test_ranges(void) {
  CHECK_STR(find("2016年至2018年,共投入资金。"), "2016年至2018年=2016/2018");
  CHECK_STR(find("2016—2018年"), "2016—2018年=2016/2018");
  CHECK_STR(find("2016-2018年"), "2016-2018年=2016/2018");
  CHECK_STR(find("2016年到2020年"), "2016年到2020年=2016/2020");
  CHECK_STR(find("2016~2018年"), "2016~2018年=2016/2018");
  CHECK_STR(find("2019年3月至5月"), "2019年3月至5月=2019-03/2019-05");
  CHECK_STR(find("2019年3-5月"), "2019年3-5月=2019-03/2019-05");
  CHECK_STR(find("2019年11月至2020年2月"),
            "2019年11月至2020年2月=2019-11/2020-02");
  CHECK_STR(find("2019年3月5日至8日"), "2019年3月5日至8日=2019-03-05/2019-03-08");
  CHECK_STR(find("2019年3月30日至4月2日"),
            "2019年3月30日至4月2日=2019-03-30/2019-04-02");
  CHECK_STR(find("2015.09—2018.07 任第一书记"),
            "2015.09—2018.07=2015-09/2018-07");
  CHECK_STR(find("从2016年到2018年"), "从2016年到2018年=2016/2018");
  /* a range without a year takes it from context */
  CHECK_STR(find_ref("3月至5月,茶叶上市。", &REF), "3月至5月=~2019-03/2019-05");
  CHECK_STR(find("2018年春。6月10日至12日,举办培训。"),
            "2018年=2018 | 6月10日至12日=~2018-06-10/2018-06-12");
  CnkgTimexHit h = first_hit("2016年至2018年", NULL);
  CHECK_EQ(h.kind, CNKG_TIMEX_RANGE);
  CHECK_EQ(h.value.year, 2016);
  CHECK_EQ(h.end_value.year, 2018);
  CHECK_STR(h.iso_end, "2018");
}

static void test_relative(void) {
  /* without a reference date nothing resolves them */
  CHECK_STR(find("今年,村里种了茶叶。"), "");
  CHECK_STR(find("去年8月,他来到村里。"), "");
  CHECK_STR(find("上月底完成验收"), "");
  CHECK_STR(find("年内完成搬迁"), "");
  /* with one */
  CHECK_STR(find_ref("今年,村里种了茶叶。", &REF), "今年=~2019");
  CHECK_STR(find_ref("去年8月,他来到村里。", &REF), "去年8月=~2018-08");
  CHECK_STR(find_ref("前年,村里修了路。", &REF), "前年=~2017");
  CHECK_STR(find_ref("明年实现目标", &REF), "明年=~2020");
  CHECK_STR(find_ref("去年底全部脱贫", &REF), "去年底=~2018");
  CHECK_STR(find_ref("今年上半年", &REF), "今年上半年=~2019");
  CHECK_STR(find_ref("上月底完成验收", &REF), "上月底=~2019-02");
  CHECK_STR(find_ref("本月10日开工", &REF), "本月10日=~2019-03-10");
  CHECK_STR(find_ref("年内完成搬迁", &REF), "年内=~2019");
  /* "recently": the reference year, except in the first days of January */
  CHECK_STR(find_ref("日前,省政府批准该县退出贫困县序列。", &REF), "日前=~2019");
  CHECK_STR(find_ref("近日,村里来了客人。", &REF), "近日=~2019");
  const CnkgTimexDate jan3 = {2019, 1, 3, CNKG_TIMEX_DAY};
  CHECK_STR(find_ref("近日,村里来了客人。", &jan3), "");
  CHECK_STR(find_ref("春节前,节日前,生日前", &REF), "");
  CHECK_STR(find_ref("5月31日前完成", &REF), "5月31日前=~2019-05-31");
  CHECK_EQ(first_hit("日前,县里开会", &REF).mod, CNKG_TIMEX_RECENTLY);
  CHECK_STR(find_ref("到年底,全村脱贫。", &REF), "到年底=~2019");
  const CnkgTimexDate jan = {2020, 1, 5, CNKG_TIMEX_DAY};
  CHECK_STR(find_ref("上月,村里通了网。", &jan), "上月=~2019-12");
  /* a month far after the reference month is last year's */
  CHECK_STR(find_ref("12月,村里通了网。", &jan), "12月=~2019-12");
  CHECK_STR(find_ref("2月,村里通了网。", &jan), "2月=~2020-02");
  /* a reference date with only a year resolves years, not months */
  const CnkgTimexDate y = {2019, 0, 0, CNKG_TIMEX_YEAR};
  CHECK_STR(find_ref("去年,上月", &y), "去年=~2018");
  /* 当年 and 次年 count from the year the text named last */
  CHECK_STR(find("2015年他被派到村里,当年就修通了路。"),
            "2015年=2015 | 当年=~2015");
  CHECK_STR(find("2015年立项,次年完工。"), "2015年=2015 | 次年=~2016");
  CHECK_STR(find("当年的穷村变了样"), "");
  CHECK_STR(find_ref("2016年3月开工,当月完成选址。", &REF),
            "2016年3月=2016-03 | 当月=~2016-03");
  CnkgTimexHit h = first_hit("去年8月", &REF);
  CHECK(h.relative);
  CHECK_EQ(h.anchor, CNKG_TIMEX_FROM_REFERENCE);
  h = first_hit("2018年5月31日", &REF);
  CHECK(!h.relative);
  CHECK_EQ(h.anchor, CNKG_TIMEX_EXPLICIT);
}

/* Partial dates: the paragraph's year first, then the reference date,
 * then the last year of the document. */
static void test_context(void) {
  CHECK_STR(find("2018年,村里建了工厂。5月底,工厂投产。"),
            "2018年=2018 | 5月底=~2018-05");
  CHECK_STR(find_ref("2017年,村里建了工厂。8月,工厂投产。", &REF),
            "2017年=2017 | 8月=~2017-08");
  CHECK_STR(find_ref("8月,工厂投产。", &REF), "8月=~2019-08");
  CHECK_STR(find("十月,工厂投产。"), "");
  /* every year's months are no one year's */
  CHECK_STR(find("2018年起,每年3至5月采茶。"), "2018年起=2018");
  CHECK_STR(find("2018年起,每年的5月采茶。"), "2018年起=2018");
  CHECK_STR(find("2018年起,每月5日开会。"), "2018年起=2018");
  CHECK_STR(find_ref("今年1-5月,全县增收。", &REF), "今年1-5月=~2019-01/2019-05");
  CHECK_STR(find("2018年建厂,十月投产。"), "2018年=2018 | 十月=~2018-10");
  CHECK_STR(find("2018年5月3日开工,6月1日投产。"),
            "2018年5月3日=2018-05-03 | 6月1日=~2018-06-01");
  /* across paragraphs: the paragraph's own year, else the reference, else
   * the document's last year */
  CnkgTimexCursor *cur = NULL;
  CnkgTimexHits hits = {0};
  const char *s = "2016年,他来到村里。\n5月,合作社成立。\n2017年10月,路通了。";
  size_t p1 = (size_t)(strchr(s, '\n') - s);
  size_t p2 = (size_t)(strchr(s + p1 + 1, '\n') - s);
  CHECK_EQ(cnkg_timex_cursor_new(tx, NULL, &cur), CNKG_SUCCESS);
  CHECK_EQ(cnkg_timex_scan(tx, cur, s, 0, p1, 0, &hits), CNKG_SUCCESS);
  CHECK_EQ(cnkg_timex_scan(tx, cur, s, p1 + 1, p2, 1, &hits), CNKG_SUCCESS);
  CHECK_EQ(cnkg_timex_scan(tx, cur, s, p2 + 1, strlen(s), 2, &hits),
           CNKG_SUCCESS);
  CHECK_EQ(hits.n, 3);
  if (hits.n == 3) {
    CHECK_STR(hits.v[1].iso, "2016-05");
    CHECK_EQ(hits.v[1].anchor, CNKG_TIMEX_FROM_DOCUMENT);
    CHECK_STR(hits.v[2].iso, "2017-10");
    CHECK_EQ(hits.v[1].begin, p1 + 1);
  }
  /* with a reference date, a new paragraph's month takes its year */
  hits.n = 0;
  cnkg_timex_cursor_reset(cur, &REF);
  CHECK_EQ(cnkg_timex_scan(tx, cur, s, 0, p1, 0, &hits), CNKG_SUCCESS);
  CHECK_EQ(cnkg_timex_scan(tx, cur, s, p1 + 1, p2, 1, &hits), CNKG_SUCCESS);
  CHECK_EQ(hits.n, 2);
  if (hits.n == 2) {
    CHECK_STR(hits.v[1].iso, "2019-05");
    CHECK_EQ(hits.v[1].anchor, CNKG_TIMEX_FROM_REFERENCE);
  }
  /* a new section forgets the years before it */
  hits.n = 0;
  cnkg_timex_cursor_reset(cur, NULL);
  CHECK_EQ(cnkg_timex_scan(tx, cur, s, 0, p1, 0, &hits), CNKG_SUCCESS);
  cnkg_timex_cursor_section(cur);
  CHECK_EQ(cnkg_timex_scan(tx, cur, s, p1 + 1, p2, 1, &hits), CNKG_SUCCESS);
  CHECK_EQ(hits.n, 1);
  /* every year's months, as a range with parts */
  CHECK_STR(find("2018年起,每年5月下旬到6月底采茶。"), "2018年起=2018");
  CHECK_STR(find_ref("5月下旬到6月底采茶。", &REF), "5月下旬到6月底=~2019-05/2019-06");
  cnkg_timex_hits_free(&hits);
  cnkg_timex_cursor_free(cur);
}

static void test_mods(void) {
  CnkgTimexHit h = first_hit("截至2019年底,全县脱贫。", NULL);
  CHECK_EQ(h.mod, CNKG_TIMEX_UNTIL);
  CHECK_STR(h.iso, "2019");
  h = first_hit("2014年以来,全县累计脱贫。", NULL);
  CHECK_EQ(h.mod, CNKG_TIMEX_SINCE);
  h = first_hit("今年以来,全县新增茶园。", &REF);
  CHECK_EQ(h.mod, CNKG_TIMEX_SINCE);
  CHECK_STR(h.iso, "2019");
  h = first_hit("2016年至今,他一直在村里。", NULL);
  CHECK_EQ(h.mod, CNKG_TIMEX_SINCE);
  CHECK_EQ(h.kind, CNKG_TIMEX_POINT);
  h = first_hit("确保到2020年实现脱贫", NULL);
  CHECK_EQ(h.mod, CNKG_TIMEX_UNTIL);
  h = first_hit("2018年前完成", NULL);
  CHECK_EQ(h.mod, CNKG_TIMEX_BEFORE);
  h = first_hit("2018年5月前往北京", NULL);
  CHECK_EQ(h.mod, CNKG_TIMEX_AT);
  CHECK_STR(find("2018年5月前往北京"), "2018年5月=2018-05");
  h = first_hit("自2017年起", NULL);
  CHECK_EQ(h.mod, CNKG_TIMEX_SINCE);
  h = first_hit("2019年3月驻村以来", NULL);
  CHECK_EQ(h.mod, CNKG_TIMEX_AT);
  CHECK_STR(find("2019年3月驻村以来"), "2019年3月=2019-03");
}

/* One phrase for every word and separator the pattern knows, with the
 * reference date REF (find_ref also checks that the scan of runs gives
 * what a search of every position gives, so a character missing from the
 * run set shows here). */
static void test_every_form(void) {
  static const struct {
    const char *text, *want;
  } cases[] = {
      {"2018年5月31日礼拜四", "2018年5月31日礼拜四=2018-05-31"},
      {"2018年5月31日周四", "2018年5月31日周四=2018-05-31"},
      {"2019-03-08 10:30:15", "2019-03-08 10:30:15=2019-03-08"},
      {"直到2019年", "直到2019年=2019"},
      {"截止2019年底", "截止2019年底=2019"},
      {"2019年5月31號", "2019年5月31號=2019-05-31"},
      {"2016〜2018年", "2016〜2018年=2016/2018"},
      {"2016―2018年", "2016―2018年=2016/2018"},
      {"2016–2018年", "2016–2018年=2016/2018"},
      {"2016——2018年", "2016——2018年=2016/2018"},
      {"二O一八年", "二O一八年=2018"},
      {"二o一八年", "二o一八年=2018"},
      {"二零一八年", "二零一八年=2018"},
      {"2008年左右", "2008年左右=2008"},
      {"2018年以后", "2018年以后=2018"},
      {"2018年之后", "2018年之后=2018"},
      {"2018年之前", "2018年之前=2018"},
      {"2018年为止", "2018年为止=2018"},
      {"2018年止", "2018年止=2018"},
      {"从2018年开始", "从2018年开始=2018"},
      {"2018年第二季度", "2018年第二季度=2018"},
      {"2018年第四季度", "2018年第四季度=2018"},
      {"2018年6月中旬", "2018年6月中旬=2018-06"},
      {"2018年6月末", "2018年6月末=2018-06"},
      {"上个月", "上个月=~2019-02"},
      {"这个月", "这个月=~2019-03"},
      {"下个月", "下个月=~2019-04"},
      {"下月", "下月=~2019-04"},
      {"2018年7月开工,次月投产", "2018年7月=2018-07 | 次月=~2018-08"},
      {"2018年7月开工,同月投产", "2018年7月=2018-07 | 同月=~2018-07"},
      {"2018年开工,翌年投产", "2018年=2018 | 翌年=~2019"},
      {"2018年开工,同年投产", "2018年=2018 | 同年=~2018"},
      {"2018年开工,第二年投产", "2018年=2018 | 第二年=~2019"},
      {"2018年开工,这一年投产", "2018年=2018 | 这一年=~2018"},
      {"2018年开工,那一年投产", "2018年=2018 | 那一年=~2018"},
      {"2018年开工,该年投产", "2018年=2018 | 该年=~2018"},
      {"2018年开工,这年投产", "2018年=2018 | 这年=~2018"},
      {"2018年开工,那年投产", "2018年=2018 | 那年=~2018"},
      {"2018年开工,这一年来变化很大", "2018年=2018 | 一年来=dur"},
      {"来年", "来年=~2020"},
      {"后年", "后年=~2021"},
      {"上一年", "上一年=~2018"},
      {"下一年", "下一年=~2020"},
      {"本年", "本年=~2019"},
      {"上年", "上年=~2018"},
      {"今年年初", "今年年初=~2019"},
      {"今年年末", "今年年末=~2019"},
      {"今年年中", "今年年中=~2019"},
      {"今年下半年", "今年下半年=~2019"},
      {"年初", "年初=~2019"},
      {"年末", "年末=~2019"},
      {"下半年", "下半年=~2019"},
      {"两个多月", "两个多月=dur"},
      {"三个星期", "三个星期=dur"},
      {"两周", "两周=dur"},
      {"五周年", "五周年=dur"},
      {"半年", "半年=dur"},
      {"数年", "数年=dur"},
      {"几天", "几天=dur"},
      {"十余年", "十余年=dur"},
      {"三年间", "三年间=dur"},
      {"三年之久", "三年之久=dur"},
      {"五年时间", "五年时间=dur"},
      {"五年里", "五年里=dur"},
      {"百年", "百年=dur"},
      {"2019年3月9日-2020年1月2日", "2019年3月9日-2020年1月2日=2019-03-09/2020-01-02"},
      {"2019/3/1至2019/3/9", "2019/3/1至2019/3/9=2019-03-01/2019-03-09"},
      {"2019.03~2019.06", "2019.03~2019.06=2019-03/2019-06"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
    CHECK_STR(find_ref(cases[i].text, &REF), cases[i].want);
}

static void test_scan_bounds(void) {
  /* only [begin, end) is searched; the text before it is context */
  const char *s = "2018年开工。2019年投产。";
  size_t b = strlen("2018年开工。");
  CnkgTimexCursor *cur = NULL;
  CnkgTimexHits hits = {0};
  CHECK_EQ(cnkg_timex_cursor_new(tx, NULL, &cur), CNKG_SUCCESS);
  CHECK_EQ(cnkg_timex_scan(tx, cur, s, b, strlen(s), 0, &hits), CNKG_SUCCESS);
  CHECK_EQ(hits.n, 1);
  if (hits.n) {
    CHECK_EQ(hits.v[0].begin, b);
    CHECK_EQ(hits.v[0].end, b + strlen("2019年"));
    CHECK_EQ(hits.v[0].sentence, SIZE_MAX);
  }
  /* a date cut by the end of the range is not read past it */
  hits.n = 0;
  CHECK_EQ(cnkg_timex_scan(tx, cur, "2018年5月31日", 0, strlen("2018年5"), 0,
                           &hits), CNKG_SUCCESS);
  CHECK_EQ(hits.n, 1);
  if (hits.n) CHECK_STR(hits.v[0].iso, "2018");
  CHECK_EQ(cnkg_timex_scan(NULL, cur, s, 0, 1, 0, &hits), CNKG_ERR_ARG);
  CHECK_EQ(cnkg_timex_scan(tx, cur, s, 3, 1, 0, &hits), CNKG_ERR_ARG);
  cnkg_timex_hits_free(&hits);
  cnkg_timex_cursor_free(cur);
  cnkg_timex_hits_free(NULL);
  cnkg_timex_cursor_free(NULL);
  cnkg_timex_free(NULL);
}

/* Long and repetitive text: every expression found once, nothing read
 * out of bounds, no blow-up (each search is bounded by its run). */
static void test_long_text(void) {
  static const char *const units[] = {"2018年", "一", "年", "5月", "2018-",
                                      "二〇一八年五月三十一日至", "0"};
  for (size_t u = 0; u < sizeof units / sizeof *units; u++) {
    size_t ul = strlen(units[u]), reps = 20000;
    char *s = malloc(ul * reps + 1);
    for (size_t i = 0; i < reps; i++) memcpy(s + i * ul, units[u], ul);
    s[ul * reps] = '\0';
    CnkgTimexCursor *cur = NULL;
    CnkgTimexHits hits = {0};
    CHECK_EQ(cnkg_timex_cursor_new(tx, &REF, &cur), CNKG_SUCCESS);
    CHECK_EQ(cnkg_timex_scan(tx, cur, s, 0, ul * reps, 0, &hits),
             CNKG_SUCCESS);
    if (u == 0) CHECK_EQ(hits.n, reps);
    if (u == 1 || u == 2 || u == 6) CHECK_EQ(hits.n, 0);
    for (size_t i = 0; i < hits.n; i++)
      CHECK(hits.v[i].end <= ul * reps && hits.v[i].begin < hits.v[i].end);
    cnkg_timex_hits_free(&hits);
    cnkg_timex_cursor_free(cur);
    CnkgDocDate d;
    CnkgStatus st = cnkg_timex_document_date(tx, s, ul * reps, &d);
    CHECK(st == CNKG_SUCCESS || st == CNKG_NOTHING);
    free(s);
  }
}

static void test_helpers(void) {
  CHECK_EQ(cnkg_timex_numeral("2018", 4), 2018);
  CHECK_EQ(cnkg_timex_numeral("二〇一八", strlen("二〇一八")), 2018);
  CHECK_EQ(cnkg_timex_numeral("十二", strlen("十二")), 12);
  CHECK_EQ(cnkg_timex_numeral("三十一", strlen("三十一")), 31);
  CHECK_EQ(cnkg_timex_numeral("十", strlen("十")), 10);
  CHECK_EQ(cnkg_timex_numeral("二十", strlen("二十")), 20);
  CHECK_EQ(cnkg_timex_numeral("x", 1), -1);
  CHECK_EQ(cnkg_timex_numeral("", 0), -1);
  CHECK_EQ(cnkg_timex_days_in_month(2019, 2), 28);
  CHECK_EQ(cnkg_timex_days_in_month(2020, 2), 29);
  CHECK_EQ(cnkg_timex_days_in_month(1900, 2), 28);
  CHECK_EQ(cnkg_timex_days_in_month(2000, 2), 29);
  CnkgTimexDate d = {2018, 5, 31, CNKG_TIMEX_DAY};
  char iso[11];
  cnkg_timex_iso(&d, iso);
  CHECK_STR(iso, "2018-05-31");
  d.precision = CNKG_TIMEX_MONTH;
  cnkg_timex_iso(&d, iso);
  CHECK_STR(iso, "2018-05");
  d.precision = CNKG_TIMEX_NONE;
  cnkg_timex_iso(&d, iso);
  CHECK_STR(iso, "");
  CHECK(!cnkg_timex_valid(&d));
  CHECK(!cnkg_timex_valid(NULL));
}

/* A paragraph of body text (long, with sentences) for the pages below. */
#define BODY                                                               \
  "\n　　山南县西坡村地处高山,过去交通不便,村民收入很低。近年来,村里发展" \
  "茶叶和养蜂,2015年全村人均收入翻了一番,2017年12月实现整村脱贫。\n"

/* Publication date of page s: "iso source" or "-" when none. */
static const char *docdate(const char *s) {
  static char out[64];
  CnkgDocDate d;
  CnkgStatus st = cnkg_timex_document_date(tx, s, strlen(s), &d);
  if (st == CNKG_NOTHING) {
    CHECK_STR(d.iso, "");
    return "-";
  }
  CHECK_EQ(st, CNKG_SUCCESS);
  static const char *const src[] = {"labelled", "header", "dateline", "issue",
                                    "issue-year", "footer"};
  snprintf(out, sizeof out, "%s %s", d.iso, src[d.source]);
  return out;
}

static void test_docdate_header(void) {
  CHECK_STR(docdate("西坡村的茶叶路\n2016-07-18 11:50 来源:山南日报\n" BODY),
            "2016-07-18 header");
  CHECK_STR(docdate("西坡村的茶叶路\n\n14.07.2016  17:09\n\n" BODY),
            "2016-07-14 header");
  CHECK_STR(docdate("首页 > 新闻\n西坡村的茶叶路\n时间:2019/3/8 浏览:\n" BODY),
            "2019-03-08 labelled");
  CHECK_STR(docdate("西坡村的茶叶路\n发布时间：2020年1月2日\n" BODY),
            "2020-01-02 labelled");
  CHECK_STR(docdate("西坡村的茶叶路\n来源：山南日报 2018-05-31\n" BODY),
            "2018-05-31 labelled");
  CHECK_STR(docdate("山南日报\n2018年05月31日 星期四\n西坡村的茶叶路\n" BODY),
            "2018-05-31 header");
  CHECK_STR(docdate("西坡村的茶叶路\n2021-05-17王小明\n" BODY),
            "2021-05-17 header");
  CHECK_STR(docdate("只看楼主 倒序阅读 发表于: 2017-11-29\n" BODY),
            "2017-11-29 labelled");
  /* full-width digits and Traditional labels, as pages print them */
  CHECK_STR(docdate("西坡村的茶葉路\n２０１９－０９－１３　１１：１２\n" BODY),
            "2019-09-13 header");
  CHECK_STR(docdate("西坡村的茶葉路\n發布時間：2022-08-19 10:05:00來源：山南網\n"
                    BODY),
            "2022-08-19 labelled");
  /* a labelled date wins over an unlabelled one before it (a site's
   * date in the navigation) */
  CHECK_STR(docdate("2020-01-01 网站导航\n西坡村的茶叶路\n发布日期:2020-03-05\n"
                    BODY),
            "2020-03-05 labelled");
  /* only a month, labelled; only an issue year */
  CHECK_STR(docdate("西坡村的茶叶路\n发布日期:2018年5月\n" BODY),
            "2018-05 labelled");
  CHECK_STR(docdate("西坡村的茶叶路\n山南 2016年16期\n" BODY),
            "2016 issue-year");
  CHECK_STR(docdate("西坡村的茶叶路\n2016-07-18 11:50\n山南 2016年16期\n" BODY),
            "2016-07-18 header");
}

static void test_docdate_dateline(void) {
  /* month and day only: the year must come from the header */
  CHECK_STR(docdate("西坡村的茶叶路\n　　新华社拉萨5月31日电（记者 王明）今年以来,"
                    "山南县西坡村发展茶叶和养蜂,村民收入很快增加,全村实现脱贫。\n"),
            "-");
  CHECK_STR(docdate("山南 2018年第3期\n西坡村的茶叶路\n　　新华社拉萨5月31日电"
                    "（记者 王明）今年以来,山南县西坡村发展茶叶和养蜂,村民收入很快"
                    "增加,全村实现脱贫。\n"),
            "2018-05-31 dateline");
  CHECK_STR(docdate("西坡村的茶叶路\n　　本报山南2018年3月2日讯 今年以来,山南县"
                    "西坡村发展茶叶和养蜂,村民收入很快增加,全村实现脱贫。\n"),
            "2018-03-02 dateline");
  CHECK_STR(docdate("西坡村的茶葉路\n中新網山南2月6日電 2023年,山南縣西坡村發展"
                    "茶葉和養蜂,村民收入很快增加,全村實現脫貧。\n"),
            "-");
  /* a dateline in a later paragraph is an event in the text */
  CHECK_STR(docdate("西坡村的茶叶路\n" BODY BODY BODY BODY
                    "本报山南2018年3月2日讯 又一个村脱贫。\n"),
            "-");
}

static void test_docdate_issue(void) {
  CHECK_STR(docdate("西坡村的茶叶路\n" BODY "《山南日报》（2018年05月31日 07版）\n"),
            "2018-05-31 issue");
  CHECK_STR(docdate("西坡村的茶叶路\n" BODY "(2018年5月31日第7版)\n"),
            "2018-05-31 issue");
  CHECK_STR(docdate("西坡村的茶叶路\n" BODY "本版共7版\n"), "-");
}

static void test_docdate_footer(void) {
  CHECK_STR(docdate("西坡村的茶叶路\n" BODY "(来源:山南日报 2018年5月31日)\n"),
            "2018-05-31 footer");
  CHECK_STR(docdate("西坡村的茶叶路\n" BODY "责任编辑:王明 2018-05-31\n"),
            "2018-05-31 footer");
  /* the header's date wins */
  CHECK_STR(docdate("西坡村的茶叶路\n2018-05-30\n" BODY "责任编辑:王明 2018-05-31\n"),
            "2018-05-30 header");
  /* not in a list of other articles, not unlabelled, not in a sentence */
  CHECK_STR(docdate("西坡村的茶叶路\n" BODY "相关新闻\n来源:山南日报 2018-05-31\n"),
            "-");
  CHECK_STR(docdate("西坡村的茶叶路\n" BODY "山南日报 2018-05-31\n"), "-");
  CHECK_STR(docdate("西坡村的茶叶路\n" BODY "　　推荐阅读:\n责任编辑:王明 2018-05-31\n"),
            "-");
  /* a word of a list heading inside a line does not end the article */
  CHECK_STR(docdate("西坡村的茶叶路\n" BODY "大家推荐他\n责任编辑:王明 2018-05-31\n"),
            "2018-05-31 footer");
  CHECK_STR(docdate("西坡村的茶叶路\n" BODY BODY "据记者了解,2018年5月31日,西坡村"
                    "召开大会,村里的茶叶合作社给社员分了红,来源于茶叶的收入占了大头。\n"),
            "-");
}

static void test_docdate_not_body(void) {
  /* dates of events in the body, and of other articles at the foot */
  CHECK_STR(docdate("西坡村的茶叶路\n" BODY
                    "2019年5月1日,村里举办了茶叶节,来了很多客人。\n"),
            "-");
  CHECK_STR(docdate("西坡村的茶叶路\n　　2019年5月1日,西坡村举办茶叶节,来了"
                    "很多客人,全村的茶叶卖了好价钱。\n"),
            "-");
  CHECK_STR(docdate("西坡村的茶叶路\n" BODY "相关阅读\n东坡村脱贫 2019-03-08\n"
                    "北坡村修路 2019-03-01\n"),
            "-");
  /* a site's clock, and a title that tells of an event on a date */
  CHECK_STR(docdate("今天是2024年5月1日 星期三\n西坡村的茶叶路\n" BODY), "-");
  CHECK_STR(docdate("今日头条 2019-03-08\n西坡村的茶叶路\n" BODY),
            "2019-03-08 header");
  CHECK_STR(docdate("2019年6月8日我县召开茶叶产业推进会\n" BODY), "-");
  CHECK_STR(docdate("2019年6月8日,我县召开茶叶产业推进会\n" BODY), "-");
  CHECK_STR(docdate(""), "-");
  CHECK_STR(docdate("\n\n\n"), "-");
  CnkgDocDate d;
  CHECK_EQ(cnkg_timex_document_date(NULL, "x", 1, &d), CNKG_ERR_ARG);
  CHECK_EQ(cnkg_timex_document_date(tx, NULL, 1, &d), CNKG_ERR_ARG);
  CHECK_EQ(cnkg_timex_document_date(tx, "x", 1, NULL), CNKG_ERR_ARG);
}

static void test_docdate_span(void) {
  const char *s = "西坡村的茶叶路\n发布时间：２０２０年１月２日\n" BODY;
  CnkgDocDate d;
  CHECK_EQ(cnkg_timex_document_date(tx, s, strlen(s), &d), CNKG_SUCCESS);
  const char *at = strstr(s, "２０２０");
  CHECK_EQ(d.begin, (size_t)(at - s));
  CHECK_EQ(d.end, (size_t)(strstr(s, "日\n") + strlen("日") - s));
  CHECK_EQ(d.date.year, 2020);
  CHECK_EQ(d.date.precision, CNKG_TIMEX_DAY);
}

/* Through intake: the date line is furniture (not in norm) but the
 * document date still finds it in orig, and the finder resolves the body's
 * relative dates against it. */
static void test_with_intake(void) {
  CnkgIntake *in = NULL;
  char err[256] = "";
  if (cnkg_intake_new(&in, err, sizeof err) != CNKG_SUCCESS) {
    printf("intake unavailable: %s\n", err);
    CHECK(0);
    return;
  }
  const char *page =
      "西坡村的茶叶路\n"
      "2019-03-15 09:30 来源:山南日报\n"
      "　　去年8月,王明来到西坡村担任驻村第一书记。今年,村里种了三百亩茶叶。\n"
      "　　2016年,西坡村被列为贫困村。当年,村里修通了公路。\n";
  CnkgText *t = NULL;
  CHECK_EQ(cnkg_intake_text(in, "p.txt", page, strlen(page), NULL, &t),
           CNKG_SUCCESS);
  if (t) {
    CHECK(strstr(t->norm, "2019-03-15") == NULL);
    CnkgDocDate d;
    CHECK_EQ(cnkg_timex_text_date(tx, t, &d), CNKG_SUCCESS);
    CHECK_STR(d.iso, "2019-03-15");
    CnkgTimexHits hits = {0};
    CHECK_EQ(cnkg_timex_find_text(tx, t, &d.date, &hits), CNKG_SUCCESS);
    char got[256] = "";
    size_t len = 0;
    for (size_t i = 0; i < hits.n; i++) {
      const CnkgTimexHit *h = &hits.v[i];
      const CnkgSentence *sn = &t->sentences[h->sentence];
      CHECK(h->begin >= sn->begin && h->end <= sn->end);
      len += (size_t)snprintf(got + len, sizeof got - len, "%s%.*s=%s",
                              i ? " | " : "", (int)(h->end - h->begin),
                              t->norm + h->begin, h->iso);
    }
    CHECK_STR(got, "去年8月=2018-08 | 今年=2019 | 2016年=2016 | 当年=2016");
    /* a heading starts a section: 当年 after it has nothing to refer to */
    cnkg_timex_hits_free(&hits);
    CnkgText *t2 = NULL;
    const char *page2 = "西坡村的茶叶路\n　　2016年,西坡村被列为贫困村。\n"
                        "茶叶产业\n　　当年,村里修通了公路,5月,合作社成立。\n";
    CHECK_EQ(cnkg_intake_text(in, "p2.txt", page2, strlen(page2), NULL, &t2),
             CNKG_SUCCESS);
    if (t2) {
      CHECK_EQ(cnkg_timex_find_text(tx, t2, NULL, &hits), CNKG_SUCCESS);
      CHECK_EQ(hits.n, 1);
    }
    cnkg_text_free(t2);
    /* without the reference the relative ones are left out */
    hits.n = 0;
    CHECK_EQ(cnkg_timex_find_text(tx, t, NULL, &hits), CNKG_SUCCESS);
    CHECK_EQ(hits.n, 2);
    cnkg_timex_hits_free(&hits);
  }
  cnkg_text_free(t);
  /* an HTML page: orig is its extracted text, a line per block */
  const char *html =
      "<html><head><title>西坡村的茶叶路</title></head><body>"
      "<nav><a href=\"/\">首页</a></nav><h1>西坡村的茶叶路</h1>"
      "<div class=\"info\"><span>发布时间：2019年03月15日</span>"
      "<span>来源：山南日报</span></div>"
      "<p>山南县西坡村地处高山,过去交通不便,村民收入很低。近年来,村里发展茶叶"
      "和养蜂,2017年12月实现整村脱贫。</p>"
      "<ul><li>东坡村脱贫 2019-03-08</li></ul></body></html>";
  t = NULL;
  CHECK_EQ(cnkg_intake_text(in, "p.html", html, strlen(html), NULL, &t),
           CNKG_SUCCESS);
  if (t) {
    CnkgDocDate d;
    CHECK_EQ(cnkg_timex_text_date(tx, t, &d), CNKG_SUCCESS);
    CHECK_STR(d.iso, "2019-03-15");
    CHECK_EQ(d.source, CNKG_DOCDATE_LABELLED);
  }
  cnkg_text_free(t);
  cnkg_intake_free(in);
}

/* ---- scan mode: what the finder and the document date find in files */

static int cmp_names(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static double cpu_seconds(void) {
  struct timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void scan_dir(const char *dir, CnkgIntake *in, double *secs,
                     size_t *bytes, size_t *n_hits, size_t *mismatches) {
  DIR *d = opendir(dir);
  if (!d) {
    fprintf(stderr, "timex scan: cannot open %s\n", dir);
    return;
  }
  char **names = NULL;
  size_t n = 0;
  for (struct dirent *e; (e = readdir(d));) {
    size_t l = strlen(e->d_name);
    if (l < 5 || strcmp(e->d_name + l - 4, ".txt") != 0) continue;
    names = realloc(names, (n + 1) * sizeof *names);
    names[n++] = cnkg_strndup(e->d_name, l);
  }
  closedir(d);
  qsort(names, n, sizeof *names, cmp_names);
  for (size_t i = 0; i < n; i++) {
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, names[i]);
    size_t len = 0;
    char *bytes_in = check_read_file(path, &len);
    CnkgText *t = NULL;
    if (!bytes_in ||
        cnkg_intake_text(in, path, bytes_in, len, NULL, &t) != CNKG_SUCCESS) {
      fprintf(stderr, "timex scan: cannot read %s\n", path);
      free(bytes_in);
      continue;
    }
    char id[256];
    snprintf(id, sizeof id, "%.*s", (int)(strlen(names[i]) - 4), names[i]);
    double t0 = cpu_seconds();
    CnkgDocDate dd;
    CnkgStatus st = cnkg_timex_text_date(tx, t, &dd);
    CnkgTimexHits hits = {0};
    cnkg_timex_find_text(tx, t, st == CNKG_SUCCESS ? &dd.date : NULL, &hits);
    *secs += cpu_seconds() - t0;
    /* the scan of runs against a search of every position, sentence by
     * sentence with no context */
    for (size_t k = 0; k < t->n_sentences; k++) {
      const CnkgSentence *sn = &t->sentences[k];
      CnkgTimexCursor *cur = NULL;
      CnkgTimexHits one = {0};
      cnkg_timex_cursor_new(tx, NULL, &cur);
      cnkg_timex_scan(tx, cur, t->norm, sn->begin, sn->end, 0, &one);
      if (!same_as_full_search(t->norm, sn->begin, sn->end, NULL, &one)) {
        fprintf(stderr,
                "timex scan: %s sentence %zu: runs and full search differ\n",
                id, k);
        (*mismatches)++;
      }
      cnkg_timex_hits_free(&one);
      cnkg_timex_cursor_free(cur);
    }
    *bytes += t->orig_len;
    *n_hits += hits.n;
    static const char *const src[] = {"labelled", "header",     "dateline",
                                      "issue",    "issue-year", "footer"};
    if (st == CNKG_SUCCESS)
      printf("%s\tpublished\t%s\t%s\t%.*s\n", id, dd.iso, src[dd.source],
             (int)(dd.end - dd.begin), t->orig + dd.begin);
    else
      printf("%s\tpublished\t-\n", id);
    for (size_t k = 0; k < t->n_sentences; k++) {
      const CnkgSentence *sn = &t->sentences[k];
      printf("%s\tsentence\t%zu\t%zu\t%.*s\n", id, k, sn->paragraph,
             (int)(sn->end - sn->begin), t->norm + sn->begin);
    }
    static const char *const kinds[] = {"point", "range", "duration"};
    for (size_t k = 0; k < hits.n; k++) {
      const CnkgTimexHit *h = &hits.v[k];
      printf("%s\ttimex\t%s%s%s\t%s%s\t%zu\t%.*s\n", id, h->iso,
             h->kind == CNKG_TIMEX_RANGE ? "/" : "", h->iso_end,
             kinds[h->kind], h->relative ? "~" : "", h->sentence,
             (int)(h->end - h->begin), t->norm + h->begin);
    }
    cnkg_timex_hits_free(&hits);
    cnkg_text_free(t);
    free(bytes_in);
    free(names[i]);
  }
  free(names);
}

static int scan_mode(const char *dirs) {
  CnkgIntake *in = NULL;
  char err[256] = "";
  if (cnkg_intake_new(&in, err, sizeof err) != CNKG_SUCCESS) {
    fprintf(stderr, "timex scan: %s\n", err);
    return 1;
  }
  double secs = 0;
  size_t bytes = 0, n_hits = 0, mismatches = 0;
  char *copy = cnkg_strndup(dirs, strlen(dirs));
  for (char *save = NULL, *dir = strtok_r(copy, ":", &save); dir;
       dir = strtok_r(NULL, ":", &save))
    scan_dir(dir, in, &secs, &bytes, &n_hits, &mismatches);
  free(copy);
  fprintf(stderr,
          "timex scan: %zu bytes, %zu expressions, %.3f ms CPU in timex "
          "(%.1f MB/s)\n",
          bytes, n_hits, secs * 1e3, secs > 0 ? (double)bytes / secs / 1e6 : 0);
  cnkg_intake_free(in);
  return mismatches ? 1 : 0;
}

int main(void) {
  char err[256] = "";
  CHECK_EQ(cnkg_timex_new(&tx, err, sizeof err), CNKG_SUCCESS);
  if (!tx) {
    printf("timex: %s\n", err);
    return check_finish();
  }
  const char *dirs = getenv("CNKG_TIMEX_SCAN");
  if (dirs && *dirs) {
    int rc = scan_mode(dirs);
    cnkg_timex_free(tx);
    return rc;
  }
  test_absolute();
  test_parts_of_year();
  test_impossible();
  test_not_dates();
  test_durations();
  test_ranges();
  test_relative();
  test_context();
  test_mods();
  test_every_form();
  test_scan_bounds();
  test_long_text();
  test_helpers();
  test_docdate_header();
  test_docdate_dateline();
  test_docdate_issue();
  test_docdate_footer();
  test_docdate_not_body();
  test_docdate_span();
  test_with_intake();
  cnkg_timex_free(tx);
  return check_finish();
}
