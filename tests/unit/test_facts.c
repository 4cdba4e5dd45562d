/* SPDX-License-Identifier: Apache-2.0
 * Tests for extractor/facts.c on sentences written for the purpose: the
 * page's date on the document, poverty exits and planned exits of the
 * places a cue is about (not of a group they contain), post dates, and
 * figures with the subject, value, unit, date and target flag the text
 * gives; relative dates without a document date and impossible dates never
 * become literals, and an exit dated only by them is left out. Depends on recog_fixture.h. */
#include "check.h"
#include "extractor/recognizers.h"
#include "fakedoc.h"
#include "recog_fixture.h"

static const CnkgFactsRecognizer *rec;

/* The literal of subject's first rel relation, or NULL. */
static const char *literal_of(const Fixture *f, size_t subject, CnkgRel rel) {
  for (size_t i = 0; i < cnkg_graph_relation_count(f->graph); i++) {
    const CnkgRelation *r = cnkg_graph_relation(f->graph, i);
    if (r->subject == subject && r->rel == rel) return r->literal;
  }
  return NULL;
}

/* The event or figure node of type about entity `about` (SIZE_MAX: none);
 * with indicator (figures), the one measuring it. */
static size_t node_about(const Fixture *f, CnkgType type, size_t about, const char *indicator) {
  for (size_t i = 0; i < cnkg_graph_entity_count(f->graph); i++) {
    if (cnkg_graph_entity(f->graph, i)->type != type) continue;
    if (!fixture_related(f, i, CNKG_REL_CONCERNS, about)) continue;
    if (!indicator) return i;
    size_t ind = fixture_find(f, CNKG_TYPE_INDICATOR, indicator);
    if (fixture_related(f, i, CNKG_REL_INDICATOR, ind)) return i;
  }
  return SIZE_MAX;
}

static void run(Fixture *f) { CHECK_EQ(cnkg_facts_run(rec, &f->st), CNKG_SUCCESS); }

static void test_document_date_and_exits(void) {
  Fixture f;
  fixture_init(&f, "发布时间:2019-03-08 10:20\n"
                   "白杨村的变化\n"
                   "去年底,白杨村实现脱贫摘帽。\n"
                   "青石县计划到2020年全县实现脱贫摘帽。\n"
                   "白云省宣布最后7个县退出贫困县序列。\n"
                   "经省政府批准,红山县等5个贫困县退出贫困县序列。\n"
                   "刚刚脱贫摘帽的黑水县位于山区。\n");
  size_t village = fixture_place(&f, "白杨村", CNKG_TYPE_VILLAGE);
  size_t county = fixture_place(&f, "青石县", CNKG_TYPE_COUNTY);
  size_t prov = fixture_place(&f, "白云省", CNKG_TYPE_PROVINCE);
  size_t red = fixture_place(&f, "红山县", CNKG_TYPE_COUNTY);
  size_t black = fixture_place(&f, "黑水县", CNKG_TYPE_COUNTY);
  run(&f);
  const CnkgDocument *d = cnkg_graph_document(f.graph, f.st.doc);
  CHECK(d->issued && !strcmp(d->issued, "2019-03-08"));
  /* 去年底 against the page's date: the year only */
  size_t ex = node_about(&f, CNKG_TYPE_EXIT, village, NULL);
  CHECK(ex != SIZE_MAX);
  CHECK_STR(literal_of(&f, ex, CNKG_REL_DATE), "2018");
  /* a plan is its own kind, with the year it names */
  size_t plan = node_about(&f, CNKG_TYPE_EXIT_PLANNED, county, NULL);
  CHECK(plan != SIZE_MAX);
  CHECK_STR(literal_of(&f, plan, CNKG_REL_DATE), "2020");
  CHECK_EQ(node_about(&f, CNKG_TYPE_EXIT, county, NULL), SIZE_MAX);
  /* the province does not exit because seven of its counties do */
  CHECK_EQ(node_about(&f, CNKG_TYPE_EXIT, prov, NULL), SIZE_MAX);
  /* the head of a group does (红山县等5个贫困县), and so does the place
   * an exit describes (脱贫摘帽的黑水县) */
  CHECK(node_about(&f, CNKG_TYPE_EXIT, red, NULL) != SIZE_MAX);
  CHECK(node_about(&f, CNKG_TYPE_EXIT, black, NULL) != SIZE_MAX);
  /* every event cites its sentence */
  for (size_t i = 0; i < cnkg_graph_relation_count(f.graph); i++) {
    const CnkgRelation *r = cnkg_graph_relation(f.graph, i);
    if (r->rel == CNKG_REL_CONCERNS) CHECK(r->n_evidence == 1 && r->evidence[0].sentence);
  }
  fixture_free(&f);
}

static void test_figures(void) {
  Fixture f;
  fixture_init(&f, "时间:2019/3/8\n"
                   "白杨村位于青石县城东面,全村共210户640人,其中贫困户38户96人。\n"
                   "2018年,青石县减少贫困人口1.7万人。\n"
                   "青石县力争2020年农民人均可支配收入达到1.5万元。\n"
                   "白杨村距青石县城30公里。\n"
                   "2018年13月,白杨村种植茶叶300亩。\n");
  size_t village = fixture_place(&f, "白杨村", CNKG_TYPE_VILLAGE);
  size_t county = fixture_place(&f, "青石县", CNKG_TYPE_COUNTY);
  run(&f);
  /* the sentence's topic, not the landmark before the number */
  size_t people = node_about(&f, CNKG_TYPE_FIGURE, village, "人口");
  CHECK(people != SIZE_MAX);
  CHECK_STR(literal_of(&f, people, CNKG_REL_VALUE), "640");
  CHECK_STR(literal_of(&f, people, CNKG_REL_UNIT), "人");
  CHECK(node_about(&f, CNKG_TYPE_FIGURE, village, "贫困户") != SIZE_MAX);
  CHECK_EQ(node_about(&f, CNKG_TYPE_FIGURE, county, "人口"), SIZE_MAX);
  /* 万 applied, the change keeps its verb, the year of the sentence */
  size_t fewer = node_about(&f, CNKG_TYPE_FIGURE, county, "减少贫困人口");
  CHECK(fewer != SIZE_MAX);
  CHECK_STR(literal_of(&f, fewer, CNKG_REL_VALUE), "17000");
  CHECK_STR(literal_of(&f, fewer, CNKG_REL_DATE), "2018");
  CHECK_EQ(literal_of(&f, fewer, CNKG_REL_IS_TARGET), NULL);
  /* a goal is flagged */
  size_t income = node_about(&f, CNKG_TYPE_FIGURE, county, "农民人均可支配收入");
  CHECK(income != SIZE_MAX);
  CHECK_STR(literal_of(&f, income, CNKG_REL_VALUE), "15000");
  CHECK_STR(literal_of(&f, income, CNKG_REL_IS_TARGET), "true");
  CHECK_STR(literal_of(&f, income, CNKG_REL_DATE), "2020");
  CHECK_STR(cnkg_graph_entity(f.graph, income)->label, "青石县 农民人均可支配收入 15000元 2020 (目标)");
  CHECK_STR(cnkg_graph_entity(f.graph, fewer)->label, "青石县 减少贫困人口 17000人 2018");
  /* 距青石县城30公里 is the village's distance */
  bool distance = false;
  for (size_t i = 0; i < cnkg_graph_entity_count(f.graph); i++) {
    const char *v = literal_of(&f, i, CNKG_REL_VALUE);
    if (v && !strcmp(v, "30")) {
      CHECK(fixture_related(&f, i, CNKG_REL_CONCERNS, village));
      CHECK_STR(literal_of(&f, i, CNKG_REL_UNIT), "公里");
      distance = true;
    }
  }
  CHECK(distance);
  /* an impossible month is no date */
  for (size_t i = 0; i < cnkg_graph_relation_count(f.graph); i++) {
    const CnkgRelation *r = cnkg_graph_relation(f.graph, i);
    if (r->rel == CNKG_REL_DATE) CHECK(strncmp(r->literal, "2018-13", 7) != 0);
  }
  fixture_free(&f);
}

static void test_relative_without_document_date(void) {
  Fixture f;
  fixture_init(&f, "红岭乡的新变化\n今年,红岭乡贫困人口减少到120人。\n去年,红岭乡实现整体脱贫。\n");
  size_t town = fixture_place(&f, "红岭乡", CNKG_TYPE_TOWNSHIP);
  run(&f);
  CHECK_EQ(cnkg_graph_document(f.graph, f.st.doc)->issued, NULL);
  size_t fig = node_about(&f, CNKG_TYPE_FIGURE, town, "贫困人口");
  CHECK(fig != SIZE_MAX);
  CHECK_EQ(literal_of(&f, fig, CNKG_REL_DATE), NULL);
  /* an exit dated only by 去年 with no page date is left out (SPEC: the
   * row is left out), not kept undated */
  CHECK_EQ(node_about(&f, CNKG_TYPE_EXIT, town, NULL), SIZE_MAX);
  fixture_free(&f);
}

/* Exits whose date the page never resolves, the places that exit in an
 * announcement (not the province or agent before the list), and cues
 * that are no exit: a campaign, a slogan, a pledge, a failure, people. */
static void test_exit_dates_and_subjects(void) {
  Fixture f;
  fixture_init(&f, "青山省的好消息\n"
                   "4月11日,青山省发布公告,红河县、白水县退出贫困县序列。\n"
                   "刚刚脱贫摘帽的白水县位于山区。\n"
                   "2019年3月5日,青山省人民政府批准东林县和南岭县退出贫困县序列。\n"
                   "石门县是青山省第一个脱贫摘帽的县。\n"
                   "松林村早已摘掉贫困村帽子,今年又实现整体脱贫。\n"
                   "决胜脱贫摘帽的河口县干劲十足。\n"
                   "河口县开展“沉一线、解难题、助摘帽”行动,立下不脱贫就“脱帽”的军令状。\n"
                   "河口县对不按时完成脱贫任务的干部问责,确保年内脱贫出列300人。\n"
                   "河口县有贫困村12个,确保全县贫困人口减少5000人以上,按期脱贫摘帽。\n");
  size_t prov = fixture_place(&f, "青山省", CNKG_TYPE_PROVINCE);
  size_t red = fixture_place(&f, "红河县", CNKG_TYPE_COUNTY);
  size_t white = fixture_place(&f, "白水县", CNKG_TYPE_COUNTY);
  size_t east = fixture_place(&f, "东林县", CNKG_TYPE_COUNTY);
  size_t south = fixture_place(&f, "南岭县", CNKG_TYPE_COUNTY);
  size_t stone = fixture_place(&f, "石门县", CNKG_TYPE_COUNTY);
  size_t pine = fixture_place(&f, "松林村", CNKG_TYPE_VILLAGE);
  size_t river = fixture_place(&f, "河口县", CNKG_TYPE_COUNTY);
  run(&f);
  /* 4月11日 without a year: no date to give, so no exit, not even from
   * the later undated mention */
  CHECK_EQ(node_about(&f, CNKG_TYPE_EXIT, red, NULL), SIZE_MAX);
  CHECK_EQ(node_about(&f, CNKG_TYPE_EXIT, white, NULL), SIZE_MAX);
  /* the list after the approving government exits, with its date */
  size_t ex = node_about(&f, CNKG_TYPE_EXIT, east, NULL);
  CHECK(ex != SIZE_MAX);
  CHECK_STR(literal_of(&f, ex, CNKG_REL_DATE), "2019-03-05");
  CHECK(node_about(&f, CNKG_TYPE_EXIT, south, NULL) != SIZE_MAX);
  CHECK_EQ(node_about(&f, CNKG_TYPE_EXIT, prov, NULL), SIZE_MAX);
  /* the place that is first exits, not the scope of the rank */
  CHECK(node_about(&f, CNKG_TYPE_EXIT, stone, NULL) != SIZE_MAX);
  /* 今年 without a page date drops that statement only */
  CHECK(node_about(&f, CNKG_TYPE_EXIT, pine, NULL) != SIZE_MAX);
  /* campaign, slogan, pledge, failure and a count of people are no exit;
   * 全县…按期脱贫摘帽 is the county's plan */
  CHECK_EQ(node_about(&f, CNKG_TYPE_EXIT, river, NULL), SIZE_MAX);
  size_t plan = node_about(&f, CNKG_TYPE_EXIT_PLANNED, river, NULL);
  CHECK(plan != SIZE_MAX);
  size_t plans = 0;
  for (size_t i = 0; i < cnkg_graph_entity_count(f.graph); i++)
    plans += cnkg_graph_entity(f.graph, i)->type == CNKG_TYPE_EXIT_PLANNED;
  CHECK_EQ(plans, 1);
  fixture_free(&f);
}

static void test_post_dates(void) {
  Fixture f;
  fixture_init(&f, "2016年,李晓峰被派到白杨村担任第一书记。\n"
                   "1995-2016年,王德明任白杨村支部书记。\n");
  size_t village = fixture_place(&f, "白杨村", CNKG_TYPE_VILLAGE);
  size_t posts[2];
  const char *people[2] = {"李晓峰", "王德明"}, *titles[2] = {"第一书记", "支部书记"};
  for (int k = 0; k < 2; k++) {
    size_t person = fixture_place(&f, people[k], CNKG_TYPE_PERSON);
    char key[32];
    snprintf(key, sizeof key, "post/%d", k);
    CHECK_EQ(cnkg_graph_add_entity(f.graph, key, CNKG_TYPE_POST, titles[k], &posts[k]), 0);
    CHECK_EQ(cnkg_graph_add_relation(f.graph, person, CNKG_REL_HOLDS_POST, posts[k], NULL, NULL), 0);
    CHECK_EQ(cnkg_graph_add_relation(f.graph, posts[k], CNKG_REL_POST_TITLE, SIZE_MAX, titles[k], NULL), 0);
    CHECK_EQ(cnkg_graph_add_relation(f.graph, posts[k], CNKG_REL_POST_AT, village, NULL, NULL), 0);
  }
  run(&f);
  CHECK_STR(literal_of(&f, posts[0], CNKG_REL_START_DATE), "2016");
  CHECK_EQ(literal_of(&f, posts[0], CNKG_REL_END_DATE), NULL);
  /* a range with 任: the start and the end */
  CHECK_STR(literal_of(&f, posts[1], CNKG_REL_START_DATE), "1995");
  CHECK_STR(literal_of(&f, posts[1], CNKG_REL_END_DATE), "2016");
  fixture_free(&f);
}

/* A post for person with title at place (SIZE_MAX: none); its index. */
static size_t add_post(Fixture *f, size_t person, const char *title, size_t at, int n) {
  char key[32];
  size_t post;
  snprintf(key, sizeof key, "post/t%d", n);
  CHECK_EQ(cnkg_graph_add_entity(f->graph, key, CNKG_TYPE_POST, title, &post), 0);
  CHECK_EQ(cnkg_graph_add_relation(f->graph, person, CNKG_REL_HOLDS_POST, post, NULL, NULL), 0);
  CHECK_EQ(cnkg_graph_add_relation(f->graph, post, CNKG_REL_POST_TITLE, SIZE_MAX, title, NULL), 0);
  if (at != SIZE_MAX)
    CHECK_EQ(cnkg_graph_add_relation(f->graph, post, CNKG_REL_POST_AT, at, NULL, NULL), 0);
  return post;
}

/* The date goes to the post taken up, not to the one the person came
 * from, and never to a standing such as 村民. */
static void test_post_taken_up(void) {
  Fixture f;
  fixture_init(&f, "2017年,县农业局干部张明被派到青石村担任第一书记。\n"
                   "2019年6月,县里委派镇林业站站长刘强担任青石村工作队长。\n"
                   "2012年7月,村民王大山一家来到青石村。\n");
  size_t village = fixture_place(&f, "青石村", CNKG_TYPE_VILLAGE);
  size_t zhang = fixture_place(&f, "张明", CNKG_TYPE_PERSON);
  size_t liu = fixture_place(&f, "刘强", CNKG_TYPE_PERSON);
  size_t wang = fixture_place(&f, "王大山", CNKG_TYPE_PERSON);
  size_t cadre = add_post(&f, zhang, "干部", SIZE_MAX, 0);
  size_t first = add_post(&f, zhang, "第一书记", village, 1);
  size_t head = add_post(&f, liu, "站长", SIZE_MAX, 2);
  size_t team = add_post(&f, liu, "工作队长", village, 3);
  size_t villager = add_post(&f, wang, "村民", village, 4);
  run(&f);
  CHECK_STR(literal_of(&f, first, CNKG_REL_START_DATE), "2017");
  CHECK_EQ(literal_of(&f, cadre, CNKG_REL_START_DATE), NULL);
  CHECK_STR(literal_of(&f, team, CNKG_REL_START_DATE), "2019-06");
  CHECK_EQ(literal_of(&f, head, CNKG_REL_START_DATE), NULL);
  CHECK_EQ(literal_of(&f, villager, CNKG_REL_START_DATE), NULL);
  fixture_free(&f);
}

/* An approval of a counted group (批准这3个县摘帽) is that of the places
 * the sentence before named, and its date is the approval's. */
static void test_counted_approval(void) {
  Fixture f;
  fixture_init(&f, "三县摘帽\n"
                   "2019年7月20日,省里通报桃源县、李庄县、杏林县实现脱贫摘帽。"
                   "此前专家对桃源县、李庄县、杏林县进行了评估。"
                   "2019年7月16日,省政府正式行文,批准这3个县摘帽。\n");
  const char *names[3] = {"桃源县", "李庄县", "杏林县"};
  size_t c[3];
  for (int k = 0; k < 3; k++) c[k] = fixture_place(&f, names[k], CNKG_TYPE_COUNTY);
  run(&f);
  for (int k = 0; k < 3; k++) {
    size_t ex = node_about(&f, CNKG_TYPE_EXIT, c[k], NULL);
    CHECK(ex != SIZE_MAX);
    CHECK_STR(literal_of(&f, ex, CNKG_REL_DATE), "2019-07-16");
  }
  fixture_free(&f);
}

/* A clause that names a subject of its own the recognisers do not know
 * (月溪成功脱帽) is not an exit of the sentence's place; a clause without
 * one is (顺利脱帽). Uses the analyser's tags (fakedoc.h). */
static void test_unknown_subject(void) {
  static const char *const a[] = {
      "白杨村/LOC 发展/v 茶叶/n ，/w 2018年/TIME ，/w 月溪/nz 成功/ad 脱帽/v 。/w", NULL};
  static const char *const b[] = {
      "白杨村/LOC 发展/v 茶叶/n ，/w 2018年/TIME ，/w 顺利/ad 脱帽/v 。/w", NULL};
  static const FakePlace places[] = {{"白杨村", CNKG_TYPE_VILLAGE}, {NULL, CNKG_TYPE_COUNT}};
  for (int k = 0; k < 2; k++) {
    FakeDoc *d = fake_doc_new(k ? b : a, places);
    CHECK_EQ(cnkg_facts_run(rec, &d->st), CNKG_SUCCESS);
    size_t v = fake_find(d, CNKG_TYPE_VILLAGE, "白杨村"), exits = 0;
    for (size_t i = 0; i < cnkg_graph_entity_count(d->graph); i++)
      exits += cnkg_graph_entity(d->graph, i)->type == CNKG_TYPE_EXIT &&
               fake_has(d, i, CNKG_REL_CONCERNS, v, NULL);
    CHECK_EQ(exits, (size_t)k);
    fake_doc_free(d);
  }
}

/* The figure node about `about` with value `value`, or SIZE_MAX. */
static size_t figure_valued(const Fixture *f, size_t about, const char *value) {
  for (size_t i = 0; i < cnkg_graph_entity_count(f->graph); i++) {
    if (cnkg_graph_entity(f->graph, i)->type != CNKG_TYPE_FIGURE) continue;
    const char *v = literal_of(f, i, CNKG_REL_VALUE);
    if (v && !strcmp(v, value) && fixture_related(f, i, CNKG_REL_CONCERNS, about)) return i;
  }
  return SIZE_MAX;
}

/* The indicator label of figure fig, or NULL. */
static const char *indicator_of(const Fixture *f, size_t fig) {
  for (size_t i = 0; i < cnkg_graph_relation_count(f->graph); i++) {
    const CnkgRelation *r = cnkg_graph_relation(f->graph, i);
    if (r->subject == fig && r->rel == CNKG_REL_INDICATOR)
      return cnkg_graph_entity(f->graph, r->object)->label;
  }
  return NULL;
}

static void test_figure_words_and_dates(void) {
  Fixture f;
  fixture_init(&f, "红山镇种植苹果3591亩、梨树2681亩。\n"
                   "红山镇有建档立卡户18户。\n"
                   "截至2019年底,红山镇贫困发生率从2014年的30.5%降至0.8%。\n");
  size_t town = fixture_place(&f, "红山镇", CNKG_TYPE_TOWNSHIP);
  fixture_place(&f, "苹果", CNKG_TYPE_INDUSTRY);
  fixture_place(&f, "建档立卡", CNKG_TYPE_POLICY);
  run(&f);
  /* an industry or policy word is part of what is measured, not a name
   * that ends the indicator */
  size_t apples = figure_valued(&f, town, "3591");
  CHECK(apples != SIZE_MAX);
  if (apples != SIZE_MAX) CHECK_STR(indicator_of(&f, apples), "苹果");
  size_t poor = figure_valued(&f, town, "18");
  CHECK(poor != SIZE_MAX);
  if (poor != SIZE_MAX) CHECK_STR(indicator_of(&f, poor), "建档立卡户");
  /* 从2014年的30.5%: of 2014; 降至0.8%: of the report date */
  size_t before = figure_valued(&f, town, "30.5"), after = figure_valued(&f, town, "0.8");
  CHECK(before != SIZE_MAX && after != SIZE_MAX);
  if (before != SIZE_MAX) CHECK_STR(literal_of(&f, before, CNKG_REL_DATE), "2014");
  if (after != SIZE_MAX) CHECK_STR(literal_of(&f, after, CNKG_REL_DATE), "2019");
  fixture_free(&f);
}

/* A counted group as subject (3个县的…均…) spreads the sentence's figures
 * over the places the text listed. */
static void test_figure_group(void) {
  Fixture f;
  fixture_init(&f, "红山县、青石县、白水县通过了专项评估。\n"
                   "评估表明,3个县的贫困发生率均降至1.5%以下。\n");
  size_t ids[3] = {fixture_place(&f, "红山县", CNKG_TYPE_COUNTY),
                   fixture_place(&f, "青石县", CNKG_TYPE_COUNTY),
                   fixture_place(&f, "白水县", CNKG_TYPE_COUNTY)};
  run(&f);
  for (size_t k = 0; k < 3; k++) {
    size_t fig = figure_valued(&f, ids[k], "1.5");
    CHECK(fig != SIZE_MAX);
    if (fig != SIZE_MAX) CHECK_STR(indicator_of(&f, fig), "贫困发生率");
  }
  /* the group's own count is not a figure */
  for (size_t i = 0; i < cnkg_graph_entity_count(f.graph); i++) {
    const char *v = literal_of(&f, i, CNKG_REL_VALUE);
    if (cnkg_graph_entity(f.graph, i)->type == CNKG_TYPE_FIGURE) CHECK(v && strcmp(v, "3"));
  }
  fixture_free(&f);
}

/* A figure is not about a place that only heads a list (红山村、白水村2个
 * 贫困村), nor about the outlet that reports it. */
static void test_figure_subjects(void) {
  Fixture f;
  fixture_init(&f, "青石县今年继续推进脱贫攻坚。\n"
                   "确保红山村、白水村2个贫困村年内出列,全县减少贫困人口800人。\n"
                   "青石县今年还要让白石乡红河村等6个村出列。\n"
                   "红河新闻网讯“每亩能多收2000斤!”\n");
  size_t county = fixture_place(&f, "青石县", CNKG_TYPE_COUNTY);
  size_t red = fixture_place(&f, "红山村", CNKG_TYPE_VILLAGE);
  fixture_place(&f, "白水村", CNKG_TYPE_VILLAGE);
  size_t outlet = fixture_place(&f, "红河新闻网", CNKG_TYPE_ORGANIZATION);
  size_t river = fixture_place(&f, "红河村", CNKG_TYPE_VILLAGE);
  size_t stone = fixture_place(&f, "白石乡", CNKG_TYPE_TOWNSHIP);
  run(&f);
  CHECK(figure_valued(&f, county, "2") != SIZE_MAX);
  CHECK_EQ(figure_valued(&f, red, "2"), SIZE_MAX);
  /* 白石乡红河村等6个村: the head of a counted group, through its chain */
  CHECK(figure_valued(&f, county, "6") != SIZE_MAX);
  CHECK_EQ(figure_valued(&f, river, "6"), SIZE_MAX);
  CHECK_EQ(figure_valued(&f, stone, "6"), SIZE_MAX);
  CHECK_EQ(figure_valued(&f, outlet, "2000"), SIZE_MAX);
  CHECK(figure_valued(&f, county, "2000") != SIZE_MAX);
  fixture_free(&f);
}

/* A figure is not about a body that only reports it (X统计局) nor about
 * an "organisation" whose name holds a clause (X户牵头成立Y合作社): the
 * place the text is about owns it. */
static void test_figure_reporters(void) {
  Fixture f;
  fixture_init(&f, "青石县今年继续推进脱贫攻坚。\n"
                   "青石县统计局发布,农民人均收入达到9000元。\n"
                   "青石县党员大户牵头成立种植合作社,带动农户300户。\n");
  size_t county = fixture_place(&f, "青石县", CNKG_TYPE_COUNTY);
  size_t bureau = fixture_place(&f, "青石县统计局", CNKG_TYPE_ORGANIZATION);
  size_t bad = fixture_place(&f, "党员大户牵头成立种植合作社", CNKG_TYPE_ORGANIZATION);
  run(&f);
  CHECK_EQ(figure_valued(&f, bureau, "9000"), SIZE_MAX);
  CHECK(figure_valued(&f, county, "9000") != SIZE_MAX);
  CHECK_EQ(figure_valued(&f, bad, "300"), SIZE_MAX);
  CHECK(figure_valued(&f, county, "300") != SIZE_MAX);
  fixture_free(&f);
}

/* A number whose clause names a person last (村民王刚种了…) is that
 * person's, not the place's. */
static void test_figure_person_numbers(void) {
  Fixture f;
  fixture_init(&f, "青石县今年继续推进脱贫攻坚。\n"
                   "青石县村民王刚种植茶叶12亩,全县种植茶叶5000亩。\n");
  size_t county = fixture_place(&f, "青石县", CNKG_TYPE_COUNTY);
  fixture_place(&f, "王刚", CNKG_TYPE_PERSON);
  run(&f);
  CHECK_EQ(figure_valued(&f, county, "12"), SIZE_MAX);
  CHECK(figure_valued(&f, county, "5000") != SIZE_MAX);
  fixture_free(&f);
}

/* A setting that opens a sentence (在X村,) is its figures' subject; a
 * body the sentence founds owns the figures after it; a date that belongs
 * to the first number of a change is not the second's. */
static void test_figure_frames_and_founders(void) {
  Fixture f;
  fixture_init(&f, "青石县今年继续推进脱贫攻坚。\n"
                   "在白杨村,村民种植茶叶300亩。\n"
                   "白杨村村民李明回乡创办了青山养殖专业合作社,投入50万元建起鸡舍。\n"
                   "截至2019年底,青石县贫困人口由2014年的500人减少到30人。\n");
  size_t county = fixture_place(&f, "青石县", CNKG_TYPE_COUNTY);
  size_t village = fixture_place(&f, "白杨村", CNKG_TYPE_VILLAGE);
  size_t coop = fixture_place(&f, "青山养殖专业合作社", CNKG_TYPE_ORGANIZATION);
  run(&f);
  CHECK(figure_valued(&f, village, "300") != SIZE_MAX);
  CHECK(figure_valued(&f, coop, "500000") != SIZE_MAX);
  size_t before = figure_valued(&f, county, "500"), after = figure_valued(&f, county, "30");
  CHECK(before != SIZE_MAX && after != SIZE_MAX);
  if (before != SIZE_MAX) CHECK_STR(literal_of(&f, before, CNKG_REL_DATE), "2014");
  if (after != SIZE_MAX) CHECK_STR(literal_of(&f, after, CNKG_REL_DATE), "2019");
  fixture_free(&f);
}

/* In a sentence of items (…；…；…) a place named inside one item is not
 * the subject of the next; the subject that opens the first item is. */
static void test_figure_items(void) {
  Fixture f;
  fixture_init(&f, "青石县今年继续推进基础设施建设。\n"
                   "完成白杨村饮水工程，铺设管道400米；投资20万元修建道路。\n"
                   "白杨村村民种植茶叶。\n"
                   "红山县致贫原因有两个方面:一是因病致贫,占40.5%；二是因学致贫,占20.5%。\n");
  size_t county = fixture_place(&f, "青石县", CNKG_TYPE_COUNTY);
  size_t village = fixture_place(&f, "白杨村", CNKG_TYPE_VILLAGE);
  size_t red = fixture_place(&f, "红山县", CNKG_TYPE_COUNTY);
  run(&f);
  CHECK(figure_valued(&f, village, "400") != SIZE_MAX);
  CHECK(figure_valued(&f, county, "200000") != SIZE_MAX);
  CHECK(figure_valued(&f, red, "40.5") != SIZE_MAX);
  CHECK(figure_valued(&f, red, "20.5") != SIZE_MAX);
  fixture_free(&f);
}

/* A date with a qualifier before its number (2014年建档立卡时的300户) is
 * that number's, and not the next one's. */
static void test_figure_qualified_date(void) {
  Fixture f;
  fixture_init(&f, "2019年,红山镇贫困户由2014年建档立卡时的300户减少到20户。\n");
  size_t town = fixture_place(&f, "红山镇", CNKG_TYPE_TOWNSHIP);
  run(&f);
  size_t before = figure_valued(&f, town, "300"), after = figure_valued(&f, town, "20");
  CHECK(before != SIZE_MAX && after != SIZE_MAX);
  if (before != SIZE_MAX) CHECK_STR(literal_of(&f, before, CNKG_REL_DATE), "2014");
  if (after != SIZE_MAX) CHECK_STR(literal_of(&f, after, CNKG_REL_DATE), "2019");
  fixture_free(&f);
}

/* A hedge between a date and its number (从2016年约30万元) keeps the
 * date on that number. */
static void test_figure_hedged_date(void) {
  Fixture f;
  fixture_init(&f, "白杨村茶叶产值从2016年约30万元提高到2020年的120万元。\n");
  size_t village = fixture_place(&f, "白杨村", CNKG_TYPE_VILLAGE);
  run(&f);
  size_t before = figure_valued(&f, village, "300000"), after = figure_valued(&f, village, "1200000");
  CHECK(before != SIZE_MAX && after != SIZE_MAX);
  if (before != SIZE_MAX) CHECK_STR(literal_of(&f, before, CNKG_REL_DATE), "2016");
  if (after != SIZE_MAX) CHECK_STR(literal_of(&f, after, CNKG_REL_DATE), "2020");
  fixture_free(&f);
}

/* 至此 sums up the sentence before: its figures take that sentence's
 * date when they name none. */
static void test_figure_hence_date(void) {
  Fixture f;
  fixture_init(&f, "2019年6月,白云省公布了青石县等新一批摘帽名单。\n"
                   "至此,白云省摘帽的12个贫困县都已通过验收。\n");
  size_t prov = fixture_place(&f, "白云省", CNKG_TYPE_PROVINCE);
  fixture_place(&f, "青石县", CNKG_TYPE_COUNTY);
  run(&f);
  size_t all = figure_valued(&f, prov, "12");
  CHECK(all != SIZE_MAX);
  if (all != SIZE_MAX) CHECK_STR(literal_of(&f, all, CNKG_REL_DATE), "2019-06");
  fixture_free(&f);
}

/* 全县 long after the county was named (more than 20 sentences) is still
 * that county, not the township the paragraph is about. */
static void test_figure_far_anaphor(void) {
  char text[4096] = "青石县位于山区,下辖红山乡。\n红山乡地处县城以北。";
  for (int k = 0; k < 24; k++) strcat(text, "乡里的工作稳步推进。");
  strcat(text, "全县共有党员900名。\n");
  Fixture f;
  fixture_init(&f, text);
  size_t county = fixture_place(&f, "青石县", CNKG_TYPE_COUNTY);
  size_t town = fixture_place(&f, "红山乡", CNKG_TYPE_TOWNSHIP);
  run(&f);
  CHECK(figure_valued(&f, county, "900") != SIZE_MAX);
  CHECK_EQ(figure_valued(&f, town, "900"), SIZE_MAX);
  fixture_free(&f);
}

/* Of two place anaphors the one that opens its clause is the subject
 * (该县同时考虑到本村缺水…): the later one is an object. */
static void test_figure_opening_anaphor(void) {
  Fixture f;
  fixture_init(&f, "青石县下辖白杨村。\n"
                   "白杨村地处山区。\n"
                   "该县同时考虑到本村缺水,拿出300万元修了水渠。\n");
  size_t county = fixture_place(&f, "青石县", CNKG_TYPE_COUNTY);
  size_t village = fixture_place(&f, "白杨村", CNKG_TYPE_VILLAGE);
  run(&f);
  CHECK(figure_valued(&f, county, "3000000") != SIZE_MAX);
  CHECK_EQ(figure_valued(&f, village, "3000000"), SIZE_MAX);
  fixture_free(&f);
}

/* 今年以来 (since the start of the page's year) dates a figure by that
 * year; 2015年以来 on a later page is a total over years, undated. */
static void test_figure_year_to_date(void) {
  Fixture f;
  fixture_init(&f, "发布时间:2019-06-10\n"
                   "今年以来,青石县新增就业岗位800个。\n"
                   "2015年以来,青石县累计投入资金9000万元。\n");
  size_t county = fixture_place(&f, "青石县", CNKG_TYPE_COUNTY);
  run(&f);
  size_t jobs = figure_valued(&f, county, "800"), money = figure_valued(&f, county, "90000000");
  CHECK(jobs != SIZE_MAX && money != SIZE_MAX);
  if (jobs != SIZE_MAX) CHECK_STR(literal_of(&f, jobs, CNKG_REL_DATE), "2019");
  if (money != SIZE_MAX) CHECK_EQ(literal_of(&f, money, CNKG_REL_DATE), NULL);
  fixture_free(&f);
}

/* A name that opens a relative clause (青石县去年援建的白杨村扶贫车间…) is
 * not the subject of what follows: the head after the 的 is; unless a
 * main verb (成立了…的) makes that head an object. */
static void test_figure_relative_head(void) {
  Fixture f;
  fixture_init(&f, "青石县去年援建的白杨村扶贫车间现已投产,吸纳了96名留守妇女就业。\n"
                   "红山县成立了由县长牵头的黄土村帮扶组,设立8个服务点。\n");
  size_t county = fixture_place(&f, "青石县", CNKG_TYPE_COUNTY);
  size_t village = fixture_place(&f, "白杨村", CNKG_TYPE_VILLAGE);
  size_t red = fixture_place(&f, "红山县", CNKG_TYPE_COUNTY);
  size_t yellow = fixture_place(&f, "黄土村", CNKG_TYPE_VILLAGE);
  run(&f);
  CHECK(figure_valued(&f, village, "96") != SIZE_MAX);
  CHECK_EQ(figure_valued(&f, county, "96"), SIZE_MAX);
  CHECK(figure_valued(&f, red, "8") != SIZE_MAX);
  CHECK_EQ(figure_valued(&f, yellow, "8"), SIZE_MAX);
  fixture_free(&f);
}

/* 当年 after a full date in the same sentence is that date's year: the
 * figure keeps the date's month. */
static void test_figure_same_year(void) {
  Fixture f;
  fixture_init(&f, "白杨村位于山区。\n"
                   "2021年9月,白杨村的茶厂建成投产,当年就卖出茶叶12万元。\n");
  size_t village = fixture_place(&f, "白杨村", CNKG_TYPE_VILLAGE);
  run(&f);
  size_t x = figure_valued(&f, village, "120000");
  CHECK(x != SIZE_MAX);
  if (x != SIZE_MAX) CHECK_STR(literal_of(&f, x, CNKG_REL_DATE), "2021-09");
  fixture_free(&f);
}

/* A kind word with nothing of its kind named before (a quote that opens
 * the story) stands for the first body of the kind named just after. */
static void test_figure_kind_named_after(void) {
  Fixture f;
  fixture_init(&f, "白杨村今年变化很大。\n"
                   "“合作社的羊圈今年又扩了,存栏羊达到300只。”\n"
                   "红岭养殖合作社是白杨村的集体企业。\n");
  size_t village = fixture_place(&f, "白杨村", CNKG_TYPE_VILLAGE);
  size_t coop = fixture_place(&f, "红岭养殖合作社", CNKG_TYPE_ORGANIZATION);
  run(&f);
  CHECK(figure_valued(&f, coop, "300") != SIZE_MAX);
  CHECK_EQ(figure_valued(&f, village, "300"), SIZE_MAX);
  fixture_free(&f);
}

/* The body of a speaker (X乡党委书记Y介绍,…) is not what the figures
 * after the attribution are about. */
static void test_figure_attribution(void) {
  Fixture f;
  fixture_init(&f, "白杨村位于山区。\n"
                   "红山乡党委书记张明介绍,养殖园占地面积250亩。\n");
  size_t village = fixture_place(&f, "白杨村", CNKG_TYPE_VILLAGE);
  size_t town = fixture_place(&f, "红山乡", CNKG_TYPE_TOWNSHIP);
  run(&f);
  CHECK(figure_valued(&f, village, "250") != SIZE_MAX);
  CHECK_EQ(figure_valued(&f, town, "250"), SIZE_MAX);
  fixture_free(&f);
}

/* 学校 and 工作队 stand for the university and the work team named before. */
static void test_figure_kind_anaphors(void) {
  Fixture f;
  fixture_init(&f, "青山农业大学对口帮扶白杨村。\n"
                   "白杨村获得帮扶,学校投入50万元购买农机。\n"
                   "红河驻村工作队进驻白杨村。\n"
                   "白杨村地处山区,工作队筹集资金30万元。\n");
  size_t uni = fixture_place(&f, "青山农业大学", CNKG_TYPE_ORGANIZATION);
  size_t team = fixture_place(&f, "红河驻村工作队", CNKG_TYPE_ORGANIZATION);
  fixture_place(&f, "白杨村", CNKG_TYPE_VILLAGE);
  run(&f);
  CHECK(figure_valued(&f, uni, "500000") != SIZE_MAX);
  CHECK(figure_valued(&f, team, "300000") != SIZE_MAX);
  fixture_free(&f);
}

/* A number of one person (他今年种了300棵) is no figure of
 * a place; 其他 is no person. */
static void test_figure_personal(void) {
  Fixture f;
  fixture_init(&f, "白杨村村民王明很勤劳,他今年种了300棵果树。\n"
                   "白杨村其他农户种植茶叶200亩。\n");
  size_t village = fixture_place(&f, "白杨村", CNKG_TYPE_VILLAGE);
  run(&f);
  CHECK_EQ(figure_valued(&f, village, "300"), SIZE_MAX);
  CHECK(figure_valued(&f, village, "200") != SIZE_MAX);
  fixture_free(&f);
}

/* A person who opens an earlier clause of the sentence (她回到…,每月
 * 能挣…; “我家喂了…,年底换回…”) still owns the numbers after it, unless
 * the clause acts for others (带动…) or hands over to a place (全村…). */
static void test_figure_carried_person(void) {
  Fixture f;
  fixture_init(&f, "白杨村位于山区,村民以种茶为生。\n"
                   "她毕业后回到白杨村的老家开网店,专卖山里的土特产,每月能挣4000元。\n"
                   "“我家喂了6头牛,年底出栏换回3万元。”\n"
                   "他脑子活,带动邻近20户乡亲一起养蜂。\n"
                   "他还说,全村今年种植茶叶500亩。\n");
  size_t village = fixture_place(&f, "白杨村", CNKG_TYPE_VILLAGE);
  run(&f);
  CHECK_EQ(figure_valued(&f, village, "4000"), SIZE_MAX);
  CHECK_EQ(figure_valued(&f, village, "6"), SIZE_MAX);
  CHECK_EQ(figure_valued(&f, village, "30000"), SIZE_MAX);
  CHECK(figure_valued(&f, village, "20") != SIZE_MAX);
  CHECK(figure_valued(&f, village, "500") != SIZE_MAX);
  fixture_free(&f);
}

/* Of two kind anaphors in one clause (公司茶叶基地) the earlier stands for
 * the body when no body is named after the later one. */
static void test_figure_nested_anaphors(void) {
  Fixture f;
  fixture_init(&f, "白杨村位于山区。\n"
                   "青山茶业有限公司由三位返乡青年创办。\n"
                   "白杨村山高雾多,适宜种茶,眼下公司茶叶基地面积已扩大到500亩。\n");
  size_t village = fixture_place(&f, "白杨村", CNKG_TYPE_VILLAGE);
  size_t firm = fixture_place(&f, "青山茶业有限公司", CNKG_TYPE_ORGANIZATION);
  run(&f);
  CHECK(figure_valued(&f, firm, "500") != SIZE_MAX);
  CHECK_EQ(figure_valued(&f, village, "500"), SIZE_MAX);
  fixture_free(&f);
}

/* The name that opens an earlier clause (X党支部组建了…,购置了…) is the
 * subject of the clauses after it that name none, before an anaphor of
 * an earlier clause (为了本村…). */
static void test_figure_clause_opener(void) {
  Fixture f;
  fixture_init(&f, "白杨村地处山区,为了帮助本村贫困户,青石村党支部组建了养殖场,购置了86箱种蜂。\n");
  fixture_place(&f, "白杨村", CNKG_TYPE_VILLAGE);
  size_t body = fixture_place(&f, "青石村党支部", CNKG_TYPE_ORGANIZATION);
  run(&f);
  CHECK(figure_valued(&f, body, "86") != SIZE_MAX);
  fixture_free(&f);
}

int main(void) {
  char err[256] = "";
  CnkgFactsRecognizer *r = NULL;
  CHECK(cnkg_facts_new(NULL, &r, err, sizeof err) == CNKG_SUCCESS);
  rec = r;
  test_document_date_and_exits();
  test_figures();
  test_relative_without_document_date();
  test_exit_dates_and_subjects();
  test_counted_approval();
  test_unknown_subject();
  test_post_dates();
  test_post_taken_up();
  test_figure_words_and_dates();
  test_figure_group();
  test_figure_subjects();
  test_figure_reporters();
  test_figure_person_numbers();
  test_figure_frames_and_founders();
  test_figure_items();
  test_figure_qualified_date();
  test_figure_attribution();
  test_figure_kind_anaphors();
  test_figure_personal();
  test_figure_clause_opener();
  test_figure_carried_person();
  test_figure_nested_anaphors();
  test_figure_hedged_date();
  test_figure_hence_date();
  test_figure_far_anaphor();
  test_figure_opening_anaphor();
  test_figure_year_to_date();
  test_figure_relative_head();
  test_figure_same_year();
  test_figure_kind_named_after();
  cnkg_facts_free(r);
  return check_finish();
}
