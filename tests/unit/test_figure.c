/* SPDX-License-Identifier: Apache-2.0
 * Tests for extractor/figure.c: exact values (Arabic, Chinese, 万/亿,
 * hedges), units after the multiplier, indicators before and after the
 * number (pairs of 户 and 人, changes, copulas, objects of verbs, implied
 * units), targets, entity stops, and what is not a figure (dates, ages,
 * ordinals, events, ranges, formulas, articles). The sentences are made up. */
#include <pthread.h>
#include <stdint.h>

#include "check.h"
#include "extractor/figure.h"

static CnkgFigureFinder *finder;
static CnkgFigureList figs;
static const char *cur;

static size_t find_stops(const char *s, const CnkgFigureStop *stops, size_t n) {
  cur = s;
  CnkgStatus st = cnkg_figure_find(finder, cnkg_str_of(s), NULL, stops, n, &figs);
  CHECK_EQ(st, CNKG_SUCCESS);
  return figs.n;
}

static size_t find(const char *s) { return find_stops(s, NULL, 0); }

/* The indicator of figure i as a new string (static buffer). */
static const char *ind(size_t i) {
  static char buf[256];
  if (i >= figs.n) return "(none)";
  const CnkgFigure *f = &figs.v[i];
  if (f->ind_word) return f->ind_word;
  snprintf(buf, sizeof buf, "%.*s", (int)(f->ind_end - f->ind_begin), cur + f->ind_begin);
  return buf;
}

static const char *val(size_t i) { return i < figs.n ? figs.v[i].value : "(none)"; }
static const char *unit(size_t i) { return i < figs.n ? figs.v[i].unit : "(none)"; }

static void check_value(const char *numeral, const char *want) {
  char out[CNKG_FIGURE_VALUE_MAX];
  CnkgStatus st = cnkg_figure_value(cnkg_str_of(numeral), out, sizeof out);
  CHECK_EQ(st, CNKG_SUCCESS);
  CHECK_STR(out, want);
}

static void test_values(void) {
  check_value("1.7万", "17000");
  check_value("3.5亿", "350000000");
  check_value("4795.8157万", "47958157");
  check_value("三百二十", "320");
  check_value("两千", "2000");
  check_value("1,200", "1200");
  check_value("万", "10000");
  check_value("3千多万", "30000000");
  check_value("19.2余万", "192000");
  check_value("0.0003", "0.0003");
  check_value("二〇一八", "2018");
  check_value("三点五亿", "350000000");
  check_value("十五", "15");
  check_value("一百零五", "105");
  check_value("两万五千", "25000");
  check_value("三亿五千万", "350000000");
  check_value("十万", "100000");
  check_value("1.50", "1.5");
  check_value("007", "7");
  check_value("0.5", "0.5");
  /* exact beyond double precision */
  check_value("12345678901234.5678亿", "1234567890123456780000");
  char out[CNKG_FIGURE_VALUE_MAX];
  CHECK_EQ(cnkg_figure_value(cnkg_str_of("三四"), out, sizeof out), CNKG_NOTHING);
  CHECK_EQ(cnkg_figure_value(cnkg_str_of(""), out, sizeof out), CNKG_NOTHING);
  CHECK_EQ(cnkg_figure_value(cnkg_str_of("1.2.3"), out, sizeof out), CNKG_NOTHING);
  CHECK_EQ(cnkg_figure_value(cnkg_str_of("甲"), out, sizeof out), CNKG_NOTHING);
  CHECK_EQ(cnkg_figure_value(cnkg_str_of("12345"), out, 4), CNKG_NOTHING);
  CHECK_EQ(cnkg_figure_value(cnkg_str_of("1"), NULL, 4), CNKG_ERR_ARG);
}

static void test_households_and_people(void) {
  CnkgFigureStop place = {0, strlen("青石村")};
  CHECK_EQ(find_stops("青石村共有村民206户921人。", &place, 1), 2);
  CHECK_STR(val(0), "206");
  CHECK_STR(unit(0), "户");
  CHECK_STR(ind(0), "村民");
  CHECK_STR(val(1), "921");
  CHECK_STR(unit(1), "人");
  CHECK_STR(ind(1), "村民");

  CHECK_EQ(find("其中建档立卡贫困户81户372人。"), 2);
  CHECK_STR(ind(0), "建档立卡贫困户");
  CHECK_STR(ind(1), "建档立卡贫困户");

  /* no indicator word: the unit's own */
  CHECK_EQ(find("全村共158户、530人。"), 2);
  CHECK_STR(ind(0), "户数");
  CHECK_STR(ind(1), "人口");
  CHECK(figs.v[0].ind_word && figs.v[0].ind_begin == figs.v[0].ind_end);

  /* the noun after a pair names both */
  CHECK_EQ(find("全镇212户803名贫困人口全部脱贫。"), 2);
  CHECK_STR(ind(0), "贫困人口");
  CHECK_STR(ind(1), "贫困人口");
  CHECK_STR(unit(1), "名");

  /* the noun after one number is not the next one's; an aside is not */
  CHECK_EQ(find("全村仅辖3个组120户共460人。"), 3);
  CHECK_STR(ind(0), "组");
  CHECK_STR(ind(1), "户数");
  CHECK_STR(ind(2), "人口");
  CHECK_EQ(find("现有120户(核实后数据)。"), 1);
  CHECK_STR(ind(0), "户数");
  /* a verb whose object is only an opener names nothing */
  CHECK_EQ(find("深入全乡1436户5000人建档立卡贫困户开展回访。"), 2);
  CHECK_STR(ind(0), "建档立卡贫困户");
  CHECK_STR(ind(1), "建档立卡贫困户");

  /* nothing before, a verb phrase after: what the households did */
  CHECK_EQ(find("村里有56户203人(含外出务工人员)搬进了安置小区。"), 2);
  CHECK_STR(ind(0), "搬进了安置小区");
  CHECK_STR(ind(1), "搬进了安置小区");
  CHECK_EQ(find("今年共有87户302人顺利通过验收、摘掉穷帽。"), 2);
  CHECK_STR(ind(0), "顺利通过验收、摘掉穷帽");

  /* 其中 makes a number naming nothing a part of the figure before */
  {
    const char *s = "全县核桃林8000亩,其中青岗村有2500亩。";
    size_t at = (size_t)(strstr(s, "青岗村") - s);
    CnkgFigureStop village = {at, at + strlen("青岗村")};
    CHECK_EQ(find_stops(s, &village, 1), 2);
    CHECK_STR(ind(1), "核桃林");
  }

  /* another unit after a comma does not inherit */
  CHECK_EQ(find("全村有耕地860亩,158户530人。"), 3);
  CHECK_STR(ind(0), "耕地");
  CHECK_STR(ind(1), "户数");
}

static void test_changes(void) {
  CnkgFigureStop county = {0, strlen("望湖县")};
  CHECK_EQ(find_stops("望湖县贫困人口减少到1.7万人,贫困发生率降至0.5%。", &county, 1), 2);
  CHECK_STR(val(0), "17000");
  CHECK_STR(unit(0), "人");
  CHECK_STR(ind(0), "贫困人口");
  CHECK_STR(val(1), "0.5");
  CHECK_STR(unit(1), "%");
  CHECK_STR(ind(1), "贫困发生率");

  CHECK_EQ(find("全县减少贫困人口12000人。"), 1);
  CHECK_STR(ind(0), "减少贫困人口");

  /* growth rates are changes too: the verb stays */
  CHECK_EQ(find("全年旅游收入同比增长12.5%。"), 1);
  CHECK_STR(val(0), "12.5");
  CHECK_STR(ind(0), "旅游收入同比增长");

  CHECK_EQ(find("农村居民人均可支配收入由2015年的6530元增长到2018年的9120元。"), 2);
  CHECK_STR(val(0), "6530");
  CHECK_STR(ind(0), "农村居民人均可支配收入");
  CHECK_STR(val(1), "9120");
  CHECK_STR(ind(1), "农村居民人均可支配收入");

  CHECK_EQ(find("截至2019年底,全县贫困村由46个减少到3个。"), 2);
  CHECK_STR(ind(0), "贫困村");
  CHECK_STR(ind(1), "贫困村");

  CHECK_EQ(find("全乡核桃种植面积从600亩发展到2400亩。"), 2);
  CHECK_STR(ind(1), "核桃种植面积");

  /* 扩大了 is not a change ending at the number */
  CHECK_EQ(find("利用1.2亿元的专项资金新建和扩大了40个集体经济项目。"), 2);
  CHECK_STR(ind(0), "专项资金");
  CHECK_STR(ind(1), "集体经济项目");

  /* one indicator over a span of values */
  CHECK_EQ(find("全镇海拔800米至2100多米不等。"), 2);
  CHECK_STR(ind(0), "海拔");
  CHECK_STR(ind(1), "海拔");

  CHECK_EQ(find("贫困发生率下降了0.5个百分点。"), 1);
  CHECK_STR(unit(0), "个百分点");
}

static void test_indicators(void) {
  CHECK_EQ(find("该乡建立了12个专业合作社。"), 1);
  CHECK_STR(ind(0), "专业合作社");
  CHECK_STR(unit(0), "个");

  CHECK_EQ(find("村集体经济收入达到3.5万元以上。"), 1);
  CHECK_STR(val(0), "35000");
  CHECK_STR(unit(0), "元");
  CHECK_STR(ind(0), "村集体经济收入");
  CHECK(figs.v[0].approximate);
  CHECK(!figs.v[0].target);

  CHECK_EQ(find("两年来,全镇累计投入资金2.3亿元。"), 1);
  CHECK_STR(val(0), "230000000");
  CHECK_STR(ind(0), "投入资金");

  /* the object of a verb, not the verb phrase */
  CHECK_EQ(find("他带领乡亲发展油茶5000余亩。"), 1);
  CHECK_STR(ind(0), "油茶");
  CHECK(figs.v[0].approximate);

  /* the noun after 的 */
  CHECK_EQ(find("整合3.5亿元的扶贫资金。"), 1);
  CHECK_STR(ind(0), "扶贫资金");

  CHECK_EQ(find("人均住房面积不超过25平方米。"), 1);
  CHECK_STR(ind(0), "人均住房面积");
  CHECK(figs.v[0].approximate);

  CHECK_EQ(find("占地面积30亩的民宿开业了。"), 1);
  CHECK_STR(ind(0), "占地面积");

  /* a copula clause takes the clause before */
  CHECK_EQ(find("致贫原因:一是因学致贫,占21.5%;二是因灾致贫,占9.25%。"), 2);
  CHECK_STR(ind(0), "因学致贫");
  CHECK_STR(val(1), "9.25");
  CHECK_STR(ind(1), "因灾致贫");

  CHECK_EQ(find("全年接待游客12,500人次。"), 1);
  CHECK_STR(val(0), "12500");
  CHECK_STR(unit(0), "人次");

  CHECK_EQ(find("贫困发生率为百分之十二。"), 1);
  CHECK_STR(val(0), "12");
  CHECK_STR(unit(0), "%");
  CHECK_STR(ind(0), "贫困发生率");

  CHECK_EQ(find("全村六成劳动力外出务工。"), 1);
  CHECK_STR(val(0), "60");
  CHECK_STR(unit(0), "%");
  CHECK_STR(ind(0), "劳动力");

  CHECK_EQ(find("新建拦水坝一处。"), 1);
  CHECK_STR(val(0), "1");
  CHECK_STR(unit(0), "处");
  CHECK_STR(ind(0), "拦水坝");

  CHECK_EQ(find("帮助一百户农户,每户补助一万元。"), 2);
  CHECK_STR(val(0), "100");
  CHECK_STR(unit(0), "户");
  CHECK_STR(val(1), "10000");
  CHECK_STR(unit(1), "元");

  CHECK_EQ(find("建成五座水厂。"), 1);
  CHECK_STR(val(0), "5");
  CHECK_STR(ind(0), "水厂");

  /* 万元 -> 元, with the digits kept exact */
  CHECK_EQ(find("争取帮扶资金4795.8157万元。"), 1);
  CHECK_STR(val(0), "47958157");
  CHECK_STR(unit(0), "元");
  CHECK_STR(ind(0), "帮扶资金");
}

static void test_implied_units(void) {
  CHECK_EQ(find("全县4.2万贫困人口实现稳定增收。"), 1);
  CHECK_STR(val(0), "42000");
  CHECK_STR(unit(0), "人");
  CHECK_STR(ind(0), "贫困人口");
  CHECK(figs.v[0].implied_unit);

  CHECK_EQ(find("合作社总利润超过1300万。"), 1);
  CHECK_STR(unit(0), "元");
  CHECK_STR(ind(0), "合作社总利润");

  CHECK_EQ(find("营收首次过亿。"), 1);
  CHECK_STR(val(0), "100000000");
  CHECK_STR(unit(0), "元");

  /* the noun after the previous number names this one's money */
  CHECK_EQ(find("全镇共5个扶贫车间资金达600万,带动120户。"), 3);
  CHECK_STR(val(1), "6000000");
  CHECK_STR(unit(1), "元");
  CHECK_STR(ind(1), "扶贫车间资金");

  /* a bare number without 万/亿 is not a figure */
  CHECK_EQ(find("资金编号3377。"), 0);
  /* nor a bare amount of nothing in particular */
  CHECK_EQ(find("他走了2万步。"), 0);
}

static void test_targets(void) {
  CHECK_EQ(find("力争到2020年农民人均纯收入达到1.2万元。"), 1);
  CHECK_STR(val(0), "12000");
  CHECK_STR(ind(0), "农民人均纯收入");
  CHECK(figs.v[0].target);

  CHECK_EQ(find("计划投资860万元建设产业园。"), 1);
  CHECK(figs.v[0].target);
  CHECK_STR(ind(0), "投资");

  CHECK_EQ(find("截至2019年底,全县贫困人口降至320人。"), 1);
  CHECK(!figs.v[0].target);

  /* the plan word after the number does not make it a target */
  CHECK_EQ(find("今年种植辣椒300亩,计划明年翻番。"), 1);
  CHECK(!figs.v[0].target);
}

static void test_stops(void) {
  const char *s = "白沙坪村贫困户236户。";
  CHECK_EQ(find(s), 1);
  CHECK_STR(ind(0), "白沙坪村贫困户");
  CnkgFigureStop stop = {0, strlen("白沙坪村")};
  CHECK_EQ(find_stops(s, &stop, 1), 1);
  CHECK_STR(ind(0), "贫困户");
}

static void test_not_figures(void) {
  CHECK_EQ(find("2018年5月31日,73岁的老党员第三次来到村里。"), 0);
  CHECK_EQ(find("开展宣讲活动3次,举办培训5场,分4批次。"), 0);
  /* copies of paperwork are the work done, not a figure */
  CHECK_EQ(find("制定脱贫计划444份,印发宣传资料3000份。"), 0);
  CHECK_EQ(find("联系电话13812345678,邮编556000。"), 0);
  CHECK_EQ(find("2016-2018年,每户补贴3-5万元,每次20至30人参加。"), 0);
  /* a range with the unit on both ends; 从…到 is a change, two figures */
  CHECK_EQ(find("每亩能收1500斤到1800斤,每棚养200只至300只。"), 0);
  CHECK_EQ(find("村里贫困人口从120人到15人。"), 2);
  CHECK_EQ(find("按照“五个一批”要求,实行一户一策,惠及千家万户。"), 0);
  /* a quoted numbered name does not hide the number after it */
  CHECK_EQ(find("各地已把“十四五”1200个重点项目排上日程。"), 1);
  CHECK_STR(val(0), "1200");
  CHECK_EQ(find("一个个项目落地,一名党员就是一面旗帜。"), 0);
  CHECK_EQ(find("发布时间:14.07.2016 17:09"), 0);
  CHECK_EQ(find("发布时间:2019-03-08"), 0);
  CHECK_EQ(find("5G基站和G20峰会。"), 0);
  CHECK_EQ(find("驻村3年,工作了8个月零10天,收入翻了两番,增长3倍。"), 0);
  CHECK_EQ(find("坚持四个不摘,算好“五本账”。"), 0);
  CHECK_EQ(find("每斤0.5元×80=40元,走了3个多小时,干了两个半月。"), 0);
  CHECK_EQ(find("几十户人家,上百名群众,数千亩荒地。"), 0);
  CHECK_EQ(find("他们一家人住在红九家庭农场。"), 0);
  CHECK_EQ(find("统一规划,唯一的出路。"), 0);
  CHECK_EQ(find("他一年一亩地赚得不多。"), 0);
  CHECK_EQ(find(""), 0);
}

static void test_indicator_text(void) {
  const char *s = "全省3058个“十三五”贫困村全部退出。";
  CHECK_EQ(find(s), 1);
  char out[64];
  CHECK_EQ(cnkg_figure_indicator(&figs.v[0], cnkg_str_of(s), out, sizeof out), CNKG_SUCCESS);
  CHECK_STR(out, "十三五贫困村");
  CHECK_STR(ind(0), "“十三五”贫困村"); /* the span keeps the quotes */
  /* cut at a character boundary */
  CHECK_EQ(cnkg_figure_indicator(&figs.v[0], cnkg_str_of(s), out, 8), CNKG_SUCCESS);
  CHECK_STR(out, "十三");
  s = "全村共158户。";
  CHECK_EQ(find(s), 1);
  CHECK_EQ(cnkg_figure_indicator(&figs.v[0], cnkg_str_of(s), out, sizeof out), CNKG_SUCCESS);
  CHECK_STR(out, "户数");
  /* the amount names nothing itself: the phrase before its run */
  s = "即将开工13项2.14亿元。";
  CHECK_EQ(find(s), 2);
  CHECK_EQ(cnkg_figure_indicator(&figs.v[1], cnkg_str_of(s), out, sizeof out), CNKG_SUCCESS);
  CHECK_STR(out, "开工");
  s = "2.14亿元。";
  CHECK_EQ(find(s), 1);
  CHECK_EQ(cnkg_figure_indicator(&figs.v[0], cnkg_str_of(s), out, sizeof out), CNKG_NOTHING);
  CHECK_STR(out, "");
  CHECK_EQ(cnkg_figure_indicator(NULL, cnkg_str_of(s), out, sizeof out), CNKG_ERR_ARG);
}

static void test_spans(void) {
  const char *s = "全村种植花椒1200亩。";
  CHECK_EQ(find(s), 1);
  const CnkgFigure *f = &figs.v[0];
  CHECK(f->begin < f->end && f->end <= strlen(s));
  char span[64];
  snprintf(span, sizeof span, "%.*s", (int)(f->end - f->begin), s + f->begin);
  CHECK_STR(span, "1200亩");
  CHECK_STR(ind(0), "花椒");
}

static void test_arguments(void) {
  CnkgFigureList l = {0};
  CHECK_EQ(cnkg_figure_find(NULL, cnkg_str_of("1个"), NULL, NULL, 0, &l), CNKG_ERR_ARG);
  CHECK_EQ(cnkg_figure_find(finder, cnkg_str_of("1个"), NULL, NULL, 0, NULL), CNKG_ERR_ARG);
  CHECK_EQ(cnkg_figure_find(finder, cnkg_str_of("1个"), NULL, NULL, 2, &l), CNKG_ERR_ARG);
  CHECK_EQ(cnkg_figure_new(NULL, NULL, 0), CNKG_ERR_ARG);
  cnkg_figure_free(NULL);
  cnkg_figure_list_clear(NULL);
  cnkg_figure_list_clear(&l);
}

/* One finder, several threads: each with its own list. */
static void *worker(void *arg) {
  (void)arg;
  CnkgFigureList l = {0};
  size_t ok = 0;
  for (int i = 0; i < 200; i++) {
    if (cnkg_figure_find(finder, cnkg_str_of("全县贫困人口减少到1.7万人,贫困发生率降至0.5%。"),
                         NULL, NULL, 0, &l) == CNKG_SUCCESS &&
        l.n == 2 && strcmp(l.v[0].value, "17000") == 0)
      ok++;
  }
  cnkg_figure_list_clear(&l);
  return (void *)(uintptr_t)ok;
}

static void test_threads(void) {
  pthread_t th[4];
  for (int i = 0; i < 4; i++) CHECK_EQ(pthread_create(&th[i], NULL, worker, NULL), 0);
  for (int i = 0; i < 4; i++) {
    void *r;
    pthread_join(th[i], &r);
    CHECK_EQ((uintptr_t)r, 200);
  }
}

/* Long input: linear time and no limit errors. */
static void test_long(void) {
  size_t n = 4000;
  char *s = malloc(n * 16 + 1);
  size_t k = 0;
  for (size_t i = 0; i < n; i++) k += (size_t)sprintf(s + k, "一二三%zu户,", i % 90 + 10);
  s[k] = '\0';
  CnkgStatus st = cnkg_figure_find(finder, (CnkgStr){s, k}, NULL, NULL, 0, &figs);
  CHECK_EQ(st, CNKG_SUCCESS);
  CHECK_EQ(figs.n, n);
  free(s);
}

/* 实施|总投资: a verb before 总X is not part of it; a run of figures
 * shares the phrase before its first; the noun after 户…名 names both
 * even when a text before 有 was taken first. */
static void test_verbs_runs_owners(void) {
  CHECK_EQ(find("加快实施总投资120万元的道路项目。"), 1);
  CHECK_STR(ind(0), "总投资");
  CHECK_EQ(find("年内完成危房改造3个乡镇5个安置点120户460人。"), 4);
  CHECK_STR(ind(0), "乡镇");
  CHECK_STR(ind(2), "危房改造");
  CHECK_STR(ind(3), "危房改造");
  CHECK_EQ(find("全村共有耕地300亩,120户460人。"), 3);
  CHECK_STR(ind(1), "户数");
  CHECK_EQ(find("合作社有40户130名贫困户。"), 2);
  CHECK_STR(ind(0), "贫困户");
  CHECK_STR(ind(1), "贫困户");
}

/* A figure that names nothing takes the phrase of its run (种植松树共269.3
 * 亩、293240株); a noun after a pair still names both; LAC's LOC on a common
 * place noun (村民小组) does not hide what a number counts. */
static void test_runs_and_lac_nouns(void) {
  CHECK_EQ(find("有28户种植松树共269.3亩、293240株。"), 3);
  CHECK_STR(ind(1), "种植松树");
  CHECK_STR(ind(2), "种植松树");
  CHECK_EQ(find("做好5个自然村120户460人易地搬迁工作。"), 3);
  CHECK_STR(ind(1), "易地搬迁工作");
  CHECK_STR(ind(2), "易地搬迁工作");
  const char *s = "下设3个自然村、9个村民小组。";
  const char *w = strstr(s, "村民小组");
  CnkgLacWord words[1] = {{(size_t)(w - s), (size_t)(w - s) + strlen("村民小组"), 0, 0, "LOC"}};
  CnkgLacResult lac;
  memset(&lac, 0, sizeof lac);
  lac.words = words;
  lac.n_words = 1;
  cur = s;
  CHECK_EQ(cnkg_figure_find(finder, cnkg_str_of(s), &lac, NULL, 0, &figs), CNKG_SUCCESS);
  CHECK_EQ(figs.n, 2);
  CHECK_STR(ind(1), "村民小组");
}

/* Spoken particles and a leading 按照 are not part of what is measured. */
static void test_particles(void) {
  CHECK_EQ(find("一年的收入呢,3000元。"), 1);
  CHECK_EQ(find("按照亩产纯利润1000元来算。"), 1);
  CHECK_STR(ind(0), "亩产纯利润");
  CHECK_EQ(find("能创造近30万元的纯利润哩!"), 1);
  CHECK_STR(ind(0), "纯利润");
  CHECK_EQ(find("今年收入呢3000元。"), 1);
  CHECK_STR(ind(0), "收入");
}

/* A bare verb before a quantity has its object after it (实施了800亩茶叶
 *种植); before money the verb names the amount (投资8万元新建水坝). */
static void test_bare_verbs(void) {
  CHECK_EQ(find("实施了800余亩茶叶连片种植。"), 1);
  CHECK_STR(ind(0), "茶叶连片");
  CHECK_EQ(find("投资8万元新建水坝。"), 1);
  CHECK_STR(ind(0), "投资");
  CHECK_EQ(find("流转100亩土地用来种植茶叶。"), 1);
  CHECK_STR(ind(0), "土地");
}

/* An amount that bounds a counted noun (超10万元的村64个) is no figure. */
static void test_thresholds(void) {
  CHECK_EQ(find("集体经济年收入超10万元的村64个。"), 1);
  CHECK_STR(val(0), "64");
  CHECK_EQ(find("达到5万元以上的村30个。"), 1);
  CHECK_STR(val(0), "30");
  CHECK_EQ(find("投资超过50万元建设大棚20个。"), 2);
}

int main(void) {
  char err[256];
  CHECK_EQ(cnkg_figure_new(&finder, err, sizeof err), CNKG_SUCCESS);
  if (!finder) return check_finish();
  test_values();
  test_households_and_people();
  test_changes();
  test_indicators();
  test_implied_units();
  test_targets();
  test_stops();
  test_not_figures();
  test_indicator_text();
  test_spans();
  test_arguments();
  test_threads();
  test_long();
  test_verbs_runs_owners();
  test_runs_and_lac_nouns();
  test_particles();
  test_bare_verbs();
  test_thresholds();
  cnkg_figure_list_clear(&figs);
  cnkg_figure_free(finder);
  return check_finish();
}
