/* SPDX-License-Identifier: Apache-2.0
 * Tests for extractor/event.c: poverty-exit cues as facts, plans,
 * negations and conditions; slogans and process nouns that are not cues;
 * people as the subject; post start, hold and end cues; spans; a cue of
 * each first character; arguments; threads. The sentences are made up. */
#include <pthread.h>
#include <stdint.h>

#include "check.h"
#include "extractor/event.h"

static CnkgEventFinder *finder;
static CnkgEventList evs;
static const char *cur;

static size_t find(const char *s) {
  cur = s;
  CHECK_EQ(cnkg_event_find(finder, cnkg_str_of(s), &evs), CNKG_SUCCESS);
  return evs.n;
}

static const char *cue(size_t i) {
  static char buf[256];
  if (i >= evs.n) return "(none)";
  snprintf(buf, sizeof buf, "%.*s", (int)(evs.v[i].end - evs.v[i].begin), cur + evs.v[i].begin);
  return buf;
}

static const char *mod_word(size_t i) {
  static char buf[64];
  if (i >= evs.n) return "(none)";
  snprintf(buf, sizeof buf, "%.*s", (int)(evs.v[i].mod_end - evs.v[i].mod_begin),
           cur + evs.v[i].mod_begin);
  return buf;
}

/* The first cue of kind k, or SIZE_MAX. */
static size_t first(CnkgEventKind k) {
  for (size_t i = 0; i < evs.n; i++)
    if (evs.v[i].kind == k) return i;
  return SIZE_MAX;
}

static void expect_exit(const char *s, CnkgEventModality m) {
  find(s);
  size_t i = first(CNKG_EVENT_EXIT);
  CHECK(i != SIZE_MAX);
  if (i == SIZE_MAX) {
    printf("  no exit cue in: %s\n", s);
    return;
  }
  if (evs.v[i].modality != m)
    printf("  %s: %s, want %s\n", s, cnkg_event_modality_name(evs.v[i].modality),
           cnkg_event_modality_name(m));
  CHECK_EQ(evs.v[i].modality, m);
}

static void test_exit_facts(void) {
  expect_exit("2017年,青石村实现脱贫摘帽。", CNKG_EVENT_FACT);
  CHECK_STR(cue(0), "实现脱贫");
  CHECK_STR(cue(1), "摘帽");
  CHECK(!evs.v[0].about_people);
  expect_exit("经省政府批准,望湖县正式退出贫困县序列。", CNKG_EVENT_FACT);
  CHECK_STR(cue(0), "退出贫困县序列");
  expect_exit("今年2月,南山县退出国家级贫困县。", CNKG_EVENT_FACT);
  CHECK_STR(cue(0), "退出国家级贫困县");
  expect_exit("全县18个贫困村全部出列。", CNKG_EVENT_FACT);
  CHECK_STR(cue(0), "贫困村全部出列");
  expect_exit("2019年,东岭村整体脱贫。", CNKG_EVENT_FACT);
  expect_exit("刚刚摘掉贫困帽子的西河县迎来新发展。", CNKG_EVENT_FACT);
  CHECK_STR(cue(0), "摘掉贫困帽子");
  expect_exit("该旗已于2019年4月顺利摘帽。", CNKG_EVENT_FACT);
  expect_exit("北坡县曾是国家级贫困县,如今产业兴旺。", CNKG_EVENT_FACT);
  CHECK(evs.v[0].past_state);
  CHECK_STR(cue(0), "曾是国家级贫困县");
  expect_exit("石门乡通过验收,符合贫困县退出条件。", CNKG_EVENT_FACT);
  CHECK(evs.v[0].weak);
  /* a 了 later in the clause belongs to another verb */
  expect_exit("至此全部实现脱贫摘帽,为确保2020年全面完成脱贫攻坚任务奠定了基础。",
              CNKG_EVENT_FACT);
  size_t last = evs.n - 1;
  CHECK_STR(cue(last), "完成脱贫攻坚任务");
  CHECK_EQ(evs.v[last].modality, CNKG_EVENT_PLANNED);
  CHECK_STR(mod_word(last), "确保");
}

static void test_exit_plans(void) {
  expect_exit("确保到2018年全县唯一的贫困乡石门乡实现减贫摘帽。", CNKG_EVENT_PLANNED);
  CHECK_STR(mod_word(0), "确保");
  expect_exit("计划2019年南坡村脱贫出列。", CNKG_EVENT_PLANNED);
  expect_exit("力争年内3个贫困村出列。", CNKG_EVENT_PLANNED);
  expect_exit("至2020年,两个村委会脱贫出列。", CNKG_EVENT_PLANNED);
  expect_exit("全县将在明年实现整体脱贫。", CNKG_EVENT_PLANNED);
  expect_exit("要摘掉穷帽子,先要选好带头人。", CNKG_EVENT_PLANNED);
  expect_exit("我们要用三年时间,让全县贫困村如期实现脱贫。", CNKG_EVENT_PLANNED);
  /* a report date is not a plan */
  expect_exit("截至2019年底,全县42个贫困村已全部出列。", CNKG_EVENT_FACT);
  /* 助力了 is done, not a plan */
  expect_exit("这一举措有效助力了2018年全县贫困村退出。", CNKG_EVENT_FACT);
}

static void test_exit_negated_conditional(void) {
  expect_exit("该县尚未摘帽。", CNKG_EVENT_NEGATED);
  CHECK_STR(mod_word(0), "尚未");
  expect_exit("东坡村还没有脱贫出列。", CNKG_EVENT_NEGATED);
  expect_exit("如果年底前实现脱贫摘帽,就能享受奖励。", CNKG_EVENT_CONDITIONAL);
  CHECK_STR(mod_word(0), "如果");
}

static void test_not_exits(void) {
  CHECK_EQ(find("坚持摘帽不摘责任、摘帽不摘政策。"), 0);
  CHECK_EQ(find("脱帽子不脱政策!"), 0);
  CHECK_EQ(find("县里制定了贫困县退出标准和退出程序。"), 0);
  CHECK_EQ(find("全力推进脱贫攻坚工作。"), 0);
  CHECK_EQ(find("严格执行摘帽验收。"), 0);
  CHECK_EQ(find("他们的生活越来越好。"), 0);
}

static void test_people(void) {
  find("全镇300户贫困人口实现了全面脱贫。");
  size_t i = first(CNKG_EVENT_EXIT);
  CHECK(i != SIZE_MAX);
  if (i != SIZE_MAX) CHECK(evs.v[i].about_people);
  CHECK(evs.v[i].whole_place);
  find("全旗贫困发生率降至0.2%,已退出国贫旗序列。");
  i = first(CNKG_EVENT_EXIT);
  CHECK(i != SIZE_MAX);
  if (i != SIZE_MAX) CHECK(evs.v[i].whole_place);
  find("2018年,山口村实现整村脱贫。");
  CHECK(evs.n == 1 && !evs.v[0].whole_place);
  find("全村党员干部帮助石头村脱贫摘帽。");
  CHECK(evs.n >= 1 && !evs.v[0].whole_place);
  find("老李家在2016年摆脱了贫困。");
  i = first(CNKG_EVENT_EXIT);
  CHECK(i != SIZE_MAX);
  if (i != SIZE_MAX) CHECK(evs.v[i].about_people);
  find("2018年,山口村贫困村出列。");
  i = first(CNKG_EVENT_EXIT);
  CHECK(i != SIZE_MAX);
  if (i != SIZE_MAX) CHECK(!evs.v[i].about_people);
}

static void expect_post(const char *s, CnkgEventKind k, const char *want_cue) {
  find(s);
  size_t i = first(k);
  CHECK(i != SIZE_MAX);
  if (i == SIZE_MAX) {
    printf("  no %s cue in: %s\n", cnkg_event_kind_name(k), s);
    return;
  }
  CHECK_STR(cue(i), want_cue);
}

static void test_posts(void) {
  expect_post("2015年,李明被派到青石村任驻村第一书记。", CNKG_EVENT_POST_START, "被派到");
  expect_post("2015年,李明被派到青石村任驻村第一书记。", CNKG_EVENT_POST_HOLD, "任");
  expect_post("县委组织部选派王芳到东岭村担任第一书记。", CNKG_EVENT_POST_START, "选派");
  expect_post("县委组织部选派王芳到东岭村担任第一书记。", CNKG_EVENT_POST_HOLD, "担任");
  expect_post("张强是去年9月接任的。", CNKG_EVENT_POST_START, "接任");
  expect_post("孙伟2019年3月驻村以来,跑遍了每家每户。", CNKG_EVENT_POST_START, "驻村");
  expect_post("1990-2005年任西山村支部书记。", CNKG_EVENT_POST_HOLD, "任");
  expect_post("那年,他时任村党支部书记。", CNKG_EVENT_POST_HOLD, "时任");
  expect_post("2020年底,她任期届满,回到原单位。", CNKG_EVENT_POST_END, "任期届满");
  expect_post("去年他卸任第一书记。", CNKG_EVENT_POST_END, "卸任");
  expect_post("今年3月他调离了南坡村。", CNKG_EVENT_POST_END, "调离");
  /* 来到 is weak: a post cue only beside a title */
  expect_post("2018年4月,刘洋来到西河村驻村扶贫。", CNKG_EVENT_POST_START, "来到");
  CHECK(evs.v[first(CNKG_EVENT_POST_START)].weak);
  /* 纪委派驻: the 委 is the organisation's */
  find("县纪委派驻的第一书记上个月到了村里。");
  size_t i = first(CNKG_EVENT_POST_START);
  CHECK(i != SIZE_MAX);
  if (i != SIZE_MAX) CHECK_STR(cue(i), "派驻");
  /* words with 任 that are not holding a post */
  CHECK_EQ(find("他的任务很重,责任很大,主任很忙,值得信任。"), 0);
  CHECK_EQ(find("三任书记接力,前后任书记交接。"), 0);
  /* a hypothetical leave */
  find("就算我以后离开这个岗位,也会常回来。");
  i = first(CNKG_EVENT_POST_END);
  CHECK(i != SIZE_MAX);
  if (i != SIZE_MAX) CHECK_EQ(evs.v[i].modality, CNKG_EVENT_CONDITIONAL);
  /* a planned term */
  find("他们将驻村三年,计划明年上任。");
  i = first(CNKG_EVENT_POST_START);
  CHECK(i != SIZE_MAX);
  if (i != SIZE_MAX) CHECK_EQ(evs.v[i].modality, CNKG_EVENT_PLANNED);
}

static void test_names(void) {
  CHECK_STR(cnkg_event_kind_name(CNKG_EVENT_EXIT), "exit");
  CHECK_STR(cnkg_event_kind_name(CNKG_EVENT_POST_END), "post-end");
  CHECK_STR(cnkg_event_modality_name(CNKG_EVENT_PLANNED), "planned");
  CHECK_STR(cnkg_event_modality_name(CNKG_EVENT_CONDITIONAL), "conditional");
}

static void test_arguments(void) {
  CnkgEventList l = {0};
  CHECK_EQ(cnkg_event_find(NULL, cnkg_str_of("摘帽"), &l), CNKG_ERR_ARG);
  CHECK_EQ(cnkg_event_find(finder, cnkg_str_of("摘帽"), NULL), CNKG_ERR_ARG);
  CHECK_EQ(cnkg_event_new(NULL, NULL, 0), CNKG_ERR_ARG);
  CHECK_EQ(find(""), 0);
  cnkg_event_free(NULL);
  cnkg_event_list_clear(NULL);
  cnkg_event_list_clear(&l);
}

static void *worker(void *arg) {
  (void)arg;
  CnkgEventList l = {0};
  size_t ok = 0;
  for (int i = 0; i < 200; i++)
    if (cnkg_event_find(finder, cnkg_str_of("确保到2018年全县实现脱贫摘帽。"), &l) == CNKG_SUCCESS &&
        l.n == 2 && l.v[0].modality == CNKG_EVENT_PLANNED)
      ok++;
  cnkg_event_list_clear(&l);
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

/* The cue pattern is tried only where one of its first characters stands
 * (cnkg_re_first): one cue for each way a cue can start, found where it
 * starts after two characters no cue starts with. */
static void test_cue_starts(void) {
  static const char *const cues[] = {
      "曾是省级贫困村", "贫困县全部摘帽", "重点村已出列", "退出了贫困县序列", "脱贫摘帽",
      "减贫出列", "摘掉了穷帽子", "整村脱贫", "全面脱贫", "顺利脱贫", "成功脱贫", "率先脱贫",
      "宣布脱贫", "完成脱贫任务", "实现脱贫", "已脱贫", "摆脱了贫困", "出列", "被派到", "选派到",
      "下派", "派驻", "外派", "委派", "派到", "到任", "上任", "接任", "就任", "赴任", "出任",
      "履新", "进驻", "入驻", "驻村", "任命为", "调任", "新任", "当选", "担任", "时任", "现任",
      "曾任", "兼任", "历任", "连任", "任职", "离任", "卸任", "调离", "任期届满", "期满",
      "结束驻村", "撤离", "离职", "辞去", "辞职", "退休", "免去", "不再担任", "轮换",
      "返回原单位", "回原单位", "来到", "进村", "到村", "前往", "离开", "符合贫困县退出条件",
      "达到退出标准"};
  for (size_t i = 0; i < sizeof cues / sizeof *cues; i++) {
    char s[128];
    snprintf(s, sizeof s, "老王%s。", cues[i]);
    find(s);
    bool at = false;
    for (size_t k = 0; k < evs.n && !at; k++) at = evs.v[k].begin == strlen("老王");
    if (!at) printf("  no cue at %s\n", cues[i]);
    CHECK(at);
  }
}

/* A long clause-less run: linear, no limit errors. */
static void test_long(void) {
  size_t n = 3000;
  char *s = malloc(n * 12 + 1);
  size_t k = 0;
  for (size_t i = 0; i < n; i++) {
    memcpy(s + k, "摘帽将任", 12);
    k += 12;
  }
  s[k] = '\0';
  CHECK_EQ(cnkg_event_find(finder, (CnkgStr){s, k}, &evs), CNKG_SUCCESS);
  CHECK(evs.n >= n);
  free(s);
}

int main(void) {
  char err[256];
  CHECK_EQ(cnkg_event_new(&finder, err, sizeof err), CNKG_SUCCESS);
  if (!finder) return check_finish();
  test_exit_facts();
  test_exit_plans();
  test_exit_negated_conditional();
  test_not_exits();
  test_people();
  test_posts();
  test_names();
  test_cue_starts();
  test_arguments();
  test_threads();
  test_long();
  cnkg_event_list_clear(&evs);
  cnkg_event_free(finder);
  return check_finish();
}
