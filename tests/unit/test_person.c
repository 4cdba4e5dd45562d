/* SPDX-License-Identifier: Apache-2.0
 * Tests for extractor/person.c on invented news text with a hand-made
 * analysis: compound surnames, glued verbs, bylines, 、-lists, coreference
 * (王书记 -> the one 王; ambiguous surnames left alone) and posts. */
#include "check.h"
#include "fakedoc.h"
#include "extractor/recognizers.h"

static size_t mentions(const FakeDoc *d, size_t e) {
  return e == SIZE_MAX ? 0 : cnkg_graph_entity(d->graph, e)->n_mentions;
}

int main(void) {
  CnkgPersonRecognizer *pr = NULL;
  CnkgOrgRecognizer *or = NULL;
  char err[256] = "";
  CHECK_EQ(cnkg_person_new(NULL, &pr, err, sizeof err), CNKG_SUCCESS);
  CHECK_EQ(cnkg_org_new(NULL, &or, err, sizeof err), CNKG_SUCCESS);
  if (!pr || !or) return check_finish();

  static const char *const doc1[] = {
      "=本报记者 欧阳明辉",
      "清晨/TIME ，/w 红山县/LOC 委/n 书记/n 令狐建国/PER 来到/v 青石镇/LOC 白杨村/LOC 调研/v 。/w",
      "白杨村/LOC 第一书记/n 马晓燕决定/PER 带头/v 养蜂/vn 。/w",
      "白杨村/LOC 贫困户/n 赵德旺/PER 、/w 司马春兰/n 、/w 钱小二/PER 等/u 5户/m 加入/v 合作社/n 。/w",
      "令狐/PER 书记/n 说/v ，/w 要/v 把/p 产业/n 做实/v 。/w",
      "彭说/PER ，/w 今年/TIME 收入/n 翻番/v 。/w",
      "王大明/PER 和/c 王小红/PER 都/d 是/v 党员/n 。/w",
      "王书记/n 来到/v 村里/n 。/w",
      "县长/n 周文涛/PER 到/v 青石镇/LOC 检查/v 。/w",
      "去年/TIME 8月/TIME ，/w 31岁/m 的/u 郑海/PER 担任/v 青石镇/LOC 白杨村/LOC 第一书记/n 。/w",
      "家住/v 青石镇/LOC 白杨村/LOC 的/u 孙秀英/PER 、/w 欧阳小平/PER 参加/v 培训/vn 。/w",
      "=（李 强）",
      NULL};
  static const FakePlace places[] = {{"红山县", CNKG_TYPE_COUNTY},
                                     {"青石镇", CNKG_TYPE_TOWNSHIP},
                                     {"白杨村", CNKG_TYPE_VILLAGE},
                                     {NULL, CNKG_TYPE_COUNT}};
  FakeDoc *d = fake_doc_new(doc1, places);
  CHECK_EQ(cnkg_org_run(or, &d->st), CNKG_SUCCESS);
  CHECK_EQ(cnkg_person_run(pr, &d->st), CNKG_SUCCESS);
  size_t county = fake_find(d, CNKG_TYPE_COUNTY, "红山县");
  size_t village = fake_find(d, CNKG_TYPE_VILLAGE, "白杨村");

  /* byline with a compound surname, and its title */
  size_t p = fake_find(d, CNKG_TYPE_PERSON, "欧阳明辉");
  CHECK(p != SIZE_MAX);
  CHECK(fake_has(d, p, CNKG_REL_TITLE, 0, "记者"));
  /* (李 强): the space inside a two-character name goes */
  CHECK(fake_find(d, CNKG_TYPE_PERSON, "李强") != SIZE_MAX);

  /* county party secretary: title, county and committee */
  p = fake_find(d, CNKG_TYPE_PERSON, "令狐建国");
  CHECK(p != SIZE_MAX);
  CHECK(fake_has(d, p, CNKG_REL_TITLE, 0, "县委书记"));
  CHECK(fake_has(d, p, CNKG_REL_ASSOCIATED_WITH, county, NULL));
  size_t org = fake_find(d, CNKG_TYPE_ORGANIZATION, "红山县委");
  CHECK(org != SIZE_MAX);
  CHECK(fake_has(d, p, CNKG_REL_ASSOCIATED_WITH, org, NULL));
  /* 令狐书记 later on is the same person */
  CHECK_EQ(mentions(d, p), 2);

  /* a verb glued to the name is cut off */
  p = fake_find(d, CNKG_TYPE_PERSON, "马晓燕");
  CHECK(p != SIZE_MAX);
  CHECK(fake_find(d, CNKG_TYPE_PERSON, "马晓燕决定") == SIZE_MAX);
  CHECK(fake_has(d, p, CNKG_REL_TITLE, 0, "第一书记"));
  CHECK(fake_has(d, p, CNKG_REL_ASSOCIATED_WITH, village, NULL));

  /* a 、-list: the member the analyser missed is found, all are placed */
  const char *list[] = {"赵德旺", "司马春兰", "钱小二"};
  for (size_t k = 0; k < 3; k++) {
    p = fake_find(d, CNKG_TYPE_PERSON, list[k]);
    CHECK(p != SIZE_MAX);
    CHECK(fake_has(d, p, CNKG_REL_ASSOCIATED_WITH, village, NULL));
    /* 贫困户 places a person but is no post title */
    CHECK(!fake_has(d, p, CNKG_REL_TITLE, 0, "贫困户"));
  }

  /* bare surnames are no persons; an ambiguous 王书记 stays unresolved */
  CHECK(fake_find(d, CNKG_TYPE_PERSON, "彭") == SIZE_MAX);
  CHECK(fake_find(d, CNKG_TYPE_PERSON, "王书记") == SIZE_MAX);
  CHECK_EQ(mentions(d, fake_find(d, CNKG_TYPE_PERSON, "王大明")), 1);
  CHECK_EQ(mentions(d, fake_find(d, CNKG_TYPE_PERSON, "王小红")), 1);

  /* 县长 without a place: the county the text is about */
  p = fake_find(d, CNKG_TYPE_PERSON, "周文涛");
  CHECK(fake_has(d, p, CNKG_REL_TITLE, 0, "县长"));
  CHECK(fake_has(d, p, CNKG_REL_ASSOCIATED_WITH, county, NULL));

  /* 担任 ... 第一书记, with the post as a node and its time */
  p = fake_find(d, CNKG_TYPE_PERSON, "郑海");
  CHECK(fake_has(d, p, CNKG_REL_TITLE, 0, "第一书记"));
  CHECK(fake_has(d, p, CNKG_REL_ASSOCIATED_WITH, village, NULL));
  size_t posts = 0;
  for (size_t i = 0; i < cnkg_graph_relation_count(d->graph); i++) {
    const CnkgRelation *r = cnkg_graph_relation(d->graph, i);
    if (r->subject == p && r->rel == CNKG_REL_HOLDS_POST) {
      posts++;
      CHECK(fake_has(d, r->object, CNKG_REL_POST_AT, village, NULL));
      CHECK(fake_has(d, r->object, CNKG_REL_POST_TITLE, 0, "第一书记"));
      CHECK(fake_has(d, r->object, CNKG_REL_POST_TIME, 0, "去年"));
    }
  }
  CHECK_EQ(posts, 1);

  /* 家住…村的 X、Y */
  CHECK(fake_has(d, fake_find(d, CNKG_TYPE_PERSON, "孙秀英"), CNKG_REL_ASSOCIATED_WITH,
                 village, NULL));
  CHECK(fake_has(d, fake_find(d, CNKG_TYPE_PERSON, "欧阳小平"), CNKG_REL_ASSOCIATED_WITH,
                 village, NULL));
  fake_doc_free(d);

  /* Same name, different counties: different keys; same county: same key. */
  static const char *const a[] = {"红山县/LOC 县长/n 周文涛/PER 讲话/v 。/w", NULL};
  static const FakePlace pa[] = {{"红山县", CNKG_TYPE_COUNTY}, {NULL, CNKG_TYPE_COUNT}};
  static const char *const b[] = {"黑水县/LOC 县长/n 周文涛/PER 讲话/v 。/w", NULL};
  static const FakePlace pb[] = {{"黑水县", CNKG_TYPE_COUNTY}, {NULL, CNKG_TYPE_COUNT}};
  FakeDoc *da = fake_doc_new(a, pa), *da2 = fake_doc_new(a, pa), *db = fake_doc_new(b, pb);
  CHECK_EQ(cnkg_person_run(pr, &da->st), CNKG_SUCCESS);
  CHECK_EQ(cnkg_person_run(pr, &da2->st), CNKG_SUCCESS);
  CHECK_EQ(cnkg_person_run(pr, &db->st), CNKG_SUCCESS);
  size_t ia = fake_find(da, CNKG_TYPE_PERSON, "周文涛");
  size_t ia2 = fake_find(da2, CNKG_TYPE_PERSON, "周文涛");
  size_t ib = fake_find(db, CNKG_TYPE_PERSON, "周文涛");
  CHECK(ia != SIZE_MAX && ia2 != SIZE_MAX && ib != SIZE_MAX);
  if (ia != SIZE_MAX && ia2 != SIZE_MAX && ib != SIZE_MAX) {
    CHECK_STR(cnkg_graph_entity(da->graph, ia)->key, cnkg_graph_entity(da2->graph, ia2)->key);
    CHECK(strcmp(cnkg_graph_entity(da->graph, ia)->key,
                 cnkg_graph_entity(db->graph, ib)->key) != 0);
  }
  fake_doc_free(da);
  fake_doc_free(da2);
  fake_doc_free(db);

  /* --fast mode: bylines, and names right after a title */
  static const char *const f[] = {"=通讯员 上官文静", "=村民代表座谈时，村主任黄志强说，今年要修路。",
                                  "=彭说，路要修好。", NULL};
  FakeDoc *df = fake_doc_new(f, NULL);
  df->st.lac = NULL;
  CHECK_EQ(cnkg_person_run(pr, &df->st), CNKG_SUCCESS);
  CHECK(fake_find(df, CNKG_TYPE_PERSON, "上官文静") != SIZE_MAX);
  CHECK(fake_has(df, fake_find(df, CNKG_TYPE_PERSON, "黄志强"), CNKG_REL_TITLE, 0, "村主任"));
  CHECK(fake_find(df, CNKG_TYPE_PERSON, "彭说") == SIZE_MAX);
  fake_doc_free(df);

  /* censored titles, 在X村 clauses, founders, chairs of a cooperative */
  static const char *const g[] = {
      "在/p 青石镇/LOC 白杨村/LOC ，/w 村党支部*/n 韩立新/PER 带/v 头/n 干/v 。/w",
      "返乡/v 创业/vn 的/u 曹玉兰/PER ，/w 成立/v 了/u 白杨村/LOC 山货/n 专业合作社/n 。/w",
      "合作社/n 由/p 村民/n 季长河/PER 担任/v 理事长/n 。/w",
      "全村/n 连战/PER 连胜/v ，/w 邵光明/PER 书记/n 说/v 。/w",
      NULL};
  static const FakePlace pg[] = {{"青石镇", CNKG_TYPE_TOWNSHIP},
                                 {"白杨村", CNKG_TYPE_VILLAGE},
                                 {NULL, CNKG_TYPE_COUNT}};
  FakeDoc *dg = fake_doc_new(g, pg);
  CHECK_EQ(cnkg_org_run(or, &dg->st), CNKG_SUCCESS);
  CHECK_EQ(cnkg_person_run(pr, &dg->st), CNKG_SUCCESS);
  size_t gv = fake_find(dg, CNKG_TYPE_VILLAGE, "白杨村");
  size_t coop = fake_find(dg, CNKG_TYPE_ORGANIZATION, "白杨村山货专业合作社");
  CHECK(coop != SIZE_MAX);
  p = fake_find(dg, CNKG_TYPE_PERSON, "韩立新");
  CHECK(fake_has(dg, p, CNKG_REL_TITLE, 0, "村党支部"));
  CHECK(fake_has(dg, p, CNKG_REL_ASSOCIATED_WITH, gv, NULL));
  CHECK(fake_has(dg, fake_find(dg, CNKG_TYPE_PERSON, "曹玉兰"), CNKG_REL_ASSOCIATED_WITH, coop,
                 NULL));
  p = fake_find(dg, CNKG_TYPE_PERSON, "季长河");
  CHECK(fake_has(dg, p, CNKG_REL_TITLE, 0, "理事长"));
  /* an ABAC phrase is no name; a title may follow the name */
  CHECK(fake_find(dg, CNKG_TYPE_PERSON, "连战") == SIZE_MAX);
  CHECK(fake_has(dg, fake_find(dg, CNKG_TYPE_PERSON, "邵光明"), CNKG_REL_TITLE, 0, "书记"));
  fake_doc_free(dg);

  /* Asides and adverbs between a name and what it is (issue 18): an age
   * clause, years in the party, a span of years, 目前/先后 before the
   * post verb; NAME，N岁，[place]人 places the person. */
  static const char *const h[] = {
      "黄石县/LOC 青石镇/LOC 白杨村/LOC 有/v 三任/m 支书/n 。/w",
      "父亲/n 苗长根/PER ，/w 76岁/m ，/w 47年/m 党龄/n ，/w 1971-1989年/TIME 任/v 白杨村/LOC 支部/n 书记/n 。/w",
      "来自/v 县/n 农业局/n 的/u 柯文娟/PER 目前/t 担任/v 白杨村/LOC 第一书记/n 。/w",
      "甘小勇/PER 、/w 甘小军/PER ，/w 先后/d 任/v 白杨村/LOC 党支部/n 书记/n 。/w",
      "房立春/PER ，/w 45岁/m ，/w 青石镇/LOC 白杨村/LOC 人/n 。/w",
      /* transliterated names where a name is expected (issue 18 item 4),
       * but not a list of other things */
      /* the body that sent them, the body they come from */
      "黄石县/LOC 农业局/n 派驻/v 的/u 第一书记/n 钟明远/PER 进/v 了/u 村/n 。/w",
      "来自/v 黄石县/LOC 交通局/n 的/u 邝海峰/PER 也/d 来/v 了/u 。/w",
      "美国/LOC 总统/n 克林顿/PER 说/v ，/w 双方/n 应当/v 对话/v 。/w",
      "以色列/LOC 总理/n 内塔尼亚胡/PER 当天/TIME 会见/v 客人/n 。/w",
      "发展/v 青禾/nz 产业/n 、/w 绿峪驼/PER 产业/n 。/w",
      NULL};
  static const FakePlace ph[] = {{"黄石县", CNKG_TYPE_COUNTY},
                                 {"青石镇", CNKG_TYPE_TOWNSHIP},
                                 {"白杨村", CNKG_TYPE_VILLAGE},
                                 {NULL, CNKG_TYPE_COUNT}};
  FakeDoc *dh = fake_doc_new(h, ph);
  CHECK_EQ(cnkg_org_run(or, &dh->st), CNKG_SUCCESS);
  CHECK_EQ(cnkg_person_run(pr, &dh->st), CNKG_SUCCESS);
  size_t hv = fake_find(dh, CNKG_TYPE_VILLAGE, "白杨村");
  static const char *const placed[] = {"苗长根", "柯文娟", "甘小勇", "甘小军", "房立春", NULL};
  for (size_t k = 0; placed[k]; k++) {
    p = fake_find(dh, CNKG_TYPE_PERSON, placed[k]);
    CHECK(p != SIZE_MAX);
    CHECK(fake_has(dh, p, CNKG_REL_ASSOCIATED_WITH, hv, NULL));
    if (!fake_has(dh, p, CNKG_REL_ASSOCIATED_WITH, hv, NULL)) printf("  not placed: %s\n", placed[k]);
  }
  CHECK(fake_has(dh, fake_find(dh, CNKG_TYPE_PERSON, "柯文娟"), CNKG_REL_TITLE, 0, "第一书记"));
  CHECK(fake_has(dh, fake_find(dh, CNKG_TYPE_PERSON, "克林顿"), CNKG_REL_TITLE, 0, "总统"));
  CHECK(fake_find(dh, CNKG_TYPE_PERSON, "内塔尼亚胡") != SIZE_MAX);
  size_t bureau = fake_find(dh, CNKG_TYPE_ORGANIZATION, "黄石县农业局");
  size_t transport = fake_find(dh, CNKG_TYPE_ORGANIZATION, "黄石县交通局");
  CHECK(bureau != SIZE_MAX && transport != SIZE_MAX);
  CHECK(fake_has(dh, fake_find(dh, CNKG_TYPE_PERSON, "钟明远"), CNKG_REL_ASSOCIATED_WITH, bureau,
                 NULL));
  CHECK(fake_has(dh, fake_find(dh, CNKG_TYPE_PERSON, "邝海峰"), CNKG_REL_ASSOCIATED_WITH,
                 transport, NULL));
  CHECK_EQ(fake_find(dh, CNKG_TYPE_PERSON, "绿峪驼"), SIZE_MAX);
  fake_doc_free(dh);

  /* NAME被派到[place]担任[title]: the post taken up where they were sent */
  static const char *const k[] = {
      "2016年/TIME ，/w 县/n 农业局/n 干部/n 石振华/PER 被/p 派到/v 白杨村/LOC 担任/v 驻村/vn 第一书记/n 。/w",
      NULL};
  static const FakePlace pk[] = {{"白杨村", CNKG_TYPE_VILLAGE}, {NULL, CNKG_TYPE_COUNT}};
  FakeDoc *dk = fake_doc_new(k, pk);
  CHECK_EQ(cnkg_person_run(pr, &dk->st), CNKG_SUCCESS);
  size_t kv = fake_find(dk, CNKG_TYPE_VILLAGE, "白杨村");
  p = fake_find(dk, CNKG_TYPE_PERSON, "石振华");
  CHECK(p != SIZE_MAX);
  bool sent = false;
  for (size_t i = 0; i < cnkg_graph_relation_count(dk->graph); i++) {
    const CnkgRelation *r = cnkg_graph_relation(dk->graph, i);
    if (r->subject == p && r->rel == CNKG_REL_HOLDS_POST &&
        fake_has(dk, r->object, CNKG_REL_POST_AT, kv, NULL) &&
        fake_has(dk, r->object, CNKG_REL_POST_TITLE, 0, "驻村第一书记"))
      sent = true;
  }
  CHECK(sent);
  fake_doc_free(dk);

  /* two titles joined by 、, the second with a modifier (东西协作工作队队长) */
  static const char *const m2[] = {
      "白杨村/LOC 第一书记/n 、/w 东西协作/vn 工作队/n 队长/n 石振海/PER 到任/v 后/f 修/v 了/u 两条/m 路/n 。/w",
      NULL};
  FakeDoc *dm = fake_doc_new(m2, pk);
  CHECK_EQ(cnkg_person_run(pr, &dm->st), CNKG_SUCCESS);
  p = fake_find(dm, CNKG_TYPE_PERSON, "石振海");
  CHECK(fake_has(dm, p, CNKG_REL_TITLE, 0, "第一书记"));
  CHECK(fake_has(dm, p, CNKG_REL_TITLE, 0, "工作队队长"));
  fake_doc_free(dm);

  /* a level character that ends a place's name is not part of the title:
   * 贵州省副省长 is 副省长 (not 州省副省长: 州 and 省 are also modifiers) */
  static const char *const g3[] = {
      "贵州省/LOC 副省长/n 陆文渊/PER 到/v 白杨村/LOC 调研/v 。/w", NULL};
  static const FakePlace pv[] = {{"贵州省", CNKG_TYPE_PROVINCE}, {"白杨村", CNKG_TYPE_VILLAGE},
                                 {NULL, CNKG_TYPE_COUNT}};
  FakeDoc *dv = fake_doc_new(g3, pv);
  CHECK_EQ(cnkg_person_run(pr, &dv->st), CNKG_SUCCESS);
  p = fake_find(dv, CNKG_TYPE_PERSON, "陆文渊");
  CHECK(p != SIZE_MAX);
  CHECK(fake_has(dv, p, CNKG_REL_TITLE, 0, "副省长"));
  CHECK(!fake_has(dv, p, CNKG_REL_TITLE, 0, "州省副省长"));
  fake_doc_free(dv);

  cnkg_person_free(pr);
  cnkg_org_free(or);
  cnkg_person_free(NULL);
  return check_finish();
}
