/* SPDX-License-Identifier: Apache-2.0
 * Tests for extractor/person.c (issue 18, item 5): the credit a byline
 * gives each of its names (通讯员 X Y, 本报记者 X 摄, 责任编辑:X), a title
 * phrase joined to the name by 的, and a village title with no village
 * near (the village the story is about). Invented text with a hand-made
 * analysis. */
#include "check.h"
#include "fakedoc.h"
#include "extractor/recognizers.h"

int main(void) {
  CnkgPersonRecognizer *pr = NULL;
  CnkgOrgRecognizer *or = NULL;
  char err[256] = "";
  CHECK_EQ(cnkg_person_new(NULL, &pr, err, sizeof err), CNKG_SUCCESS);
  CHECK_EQ(cnkg_org_new(NULL, &or, err, sizeof err), CNKG_SUCCESS);
  if (!pr || !or) return check_finish();

  static const char *const doc[] = {
      "=通讯员 钱文斌 李晓梅",
      "=本报记者周海涛摄",
      "黄石县/LOC 青石镇/LOC 白杨村/LOC 地处/v 山区/n 。/w",
      "曾任/v 白杨村/LOC 党支部/n 书记/n 的/u 韩志强/PER 在/p 会上/s 发言/v 。/w",
      "白杨村/LOC 的/u 山货/n 远近闻名/a 。/w",
      "村/n 党支部/n 书记/n 孙立平/PER 说/v ，/w 今年/TIME 收成/n 不错/a 。/w",
      "作者/n :/w 记者/n 林志强/PER 通讯员/n 韩雪松/PER",
      "[/w 责任编辑/n :/w 蔡丽娜/PER ]/w",
      NULL};
  static const FakePlace places[] = {{"黄石县", CNKG_TYPE_COUNTY},
                                     {"青石镇", CNKG_TYPE_TOWNSHIP},
                                     {"白杨村", CNKG_TYPE_VILLAGE},
                                     {NULL, CNKG_TYPE_COUNT}};
  FakeDoc *d = fake_doc_new(doc, places);
  CHECK_EQ(cnkg_org_run(or, &d->st), CNKG_SUCCESS);
  CHECK_EQ(cnkg_person_run(pr, &d->st), CNKG_SUCCESS);
  size_t village = fake_find(d, CNKG_TYPE_VILLAGE, "白杨村");

  /* each name of a byline gets the credit word before them, not 记者 */
  size_t p = fake_find(d, CNKG_TYPE_PERSON, "钱文斌");
  CHECK(fake_has(d, p, CNKG_REL_TITLE, 0, "通讯员"));
  p = fake_find(d, CNKG_TYPE_PERSON, "李晓梅");
  CHECK(fake_has(d, p, CNKG_REL_TITLE, 0, "通讯员"));
  CHECK(!fake_has(d, p, CNKG_REL_TITLE, 0, "记者"));
  /* 摄 after a reporter's name is no part of it */
  CHECK_EQ(fake_find(d, CNKG_TYPE_PERSON, "周海涛摄"), SIZE_MAX);
  CHECK(fake_has(d, fake_find(d, CNKG_TYPE_PERSON, "周海涛"), CNKG_REL_TITLE, 0, "记者"));

  /* [place][title]的NAME */
  p = fake_find(d, CNKG_TYPE_PERSON, "韩志强");
  CHECK(fake_has(d, p, CNKG_REL_TITLE, 0, "村党支部书记"));
  CHECK(fake_has(d, p, CNKG_REL_ASSOCIATED_WITH, village, NULL));

  /* 村党支部书记 with no village in its paragraph: the story's village */
  p = fake_find(d, CNKG_TYPE_PERSON, "孙立平");
  CHECK(fake_has(d, p, CNKG_REL_TITLE, 0, "村党支部书记"));
  CHECK(fake_has(d, p, CNKG_REL_ASSOCIATED_WITH, village, NULL));

  /* a credit word after a name opens the next name's credit */
  p = fake_find(d, CNKG_TYPE_PERSON, "林志强");
  CHECK(fake_has(d, p, CNKG_REL_TITLE, 0, "记者"));
  CHECK(!fake_has(d, p, CNKG_REL_TITLE, 0, "通讯员"));
  CHECK(fake_has(d, fake_find(d, CNKG_TYPE_PERSON, "韩雪松"), CNKG_REL_TITLE, 0, "通讯员"));
  /* TITLE:NAME */
  CHECK(fake_has(d, fake_find(d, CNKG_TYPE_PERSON, "蔡丽娜"), CNKG_REL_TITLE, 0, "责任编辑"));
  fake_doc_free(d);

  /* two villages named as often: a bare 村党支部书记 is placed nowhere */
  static const char *const two[] = {
      "白杨村/LOC 和/c 红石村/LOC 相邻/v 。/w",
      "白杨村/LOC 种/v 果/n ，/w 红石村/LOC 养/v 羊/n 。/w",
      "村/n 党支部/n 书记/n 孙立平/PER 说/v ，/w 今年/TIME 收成/n 不错/a 。/w",
      NULL};
  static const FakePlace ptwo[] = {{"白杨村", CNKG_TYPE_VILLAGE},
                                   {"红石村", CNKG_TYPE_VILLAGE},
                                   {NULL, CNKG_TYPE_COUNT}};
  FakeDoc *d2 = fake_doc_new(two, ptwo);
  CHECK_EQ(cnkg_person_run(pr, &d2->st), CNKG_SUCCESS);
  p = fake_find(d2, CNKG_TYPE_PERSON, "孙立平");
  CHECK(p != SIZE_MAX);
  CHECK(!fake_has(d2, p, CNKG_REL_ASSOCIATED_WITH, fake_find(d2, CNKG_TYPE_VILLAGE, "白杨村"),
                  NULL));
  CHECK(!fake_has(d2, p, CNKG_REL_ASSOCIATED_WITH, fake_find(d2, CNKG_TYPE_VILLAGE, "红石村"),
                  NULL));
  fake_doc_free(d2);

  /* a title closing the phrase before, past words no recogniser took; a
   * later clause opening with a post verb; a village's party branch; a
   * 街道办事处 head */
  static const char *const three[] = {
      "黄石县/LOC 农业局/n 派驻/v 白杨村/LOC 第一书记/n 、/w 东西/n 协作/vn 工作队/n 队长/n 邓国华/PER 介绍/v 。/w",
      "邹建明/PER 是/v 第三代/n ，/w 30岁/m ，/w 现任/v 白杨村/LOC 支部/n 书记/n 。/w",
      "白杨村/LOC 党支部/n 召开/v 会议/n 。/w",
      "村/n 党支部/n 书记/n 马春生/PER 讲话/v 。/w",
      "青石街道/LOC 办事处/n 主任/n 柳明远/PER 介绍/v 。/w",
      NULL};
  static const FakePlace pthree[] = {{"黄石县", CNKG_TYPE_COUNTY},
                                     {"青石街道", CNKG_TYPE_TOWNSHIP},
                                     {"白杨村", CNKG_TYPE_VILLAGE},
                                     {NULL, CNKG_TYPE_COUNT}};
  FakeDoc *d3 = fake_doc_new(three, pthree);
  CHECK_EQ(cnkg_org_run(or, &d3->st), CNKG_SUCCESS);
  CHECK_EQ(cnkg_person_run(pr, &d3->st), CNKG_SUCCESS);
  size_t v3 = fake_find(d3, CNKG_TYPE_VILLAGE, "白杨村");
  p = fake_find(d3, CNKG_TYPE_PERSON, "邓国华");
  CHECK(fake_has(d3, p, CNKG_REL_TITLE, 0, "第一书记"));
  CHECK(fake_has(d3, p, CNKG_REL_ASSOCIATED_WITH, v3, NULL));
  p = fake_find(d3, CNKG_TYPE_PERSON, "邹建明");
  CHECK(fake_has(d3, p, CNKG_REL_TITLE, 0, "村支部书记"));
  CHECK(fake_has(d3, p, CNKG_REL_ASSOCIATED_WITH, v3, NULL));
  size_t branch = fake_find(d3, CNKG_TYPE_ORGANIZATION, "白杨村党支部");
  CHECK(branch != SIZE_MAX);
  p = fake_find(d3, CNKG_TYPE_PERSON, "马春生");
  CHECK(fake_has(d3, p, CNKG_REL_ASSOCIATED_WITH, v3, NULL));
  CHECK(fake_has(d3, p, CNKG_REL_ASSOCIATED_WITH, branch, NULL));
  p = fake_find(d3, CNKG_TYPE_PERSON, "柳明远");
  CHECK(fake_has(d3, p, CNKG_REL_TITLE, 0, "街道办事处主任"));
  CHECK(fake_has(d3, p, CNKG_REL_ASSOCIATED_WITH, fake_find(d3, CNKG_TYPE_TOWNSHIP, "青石街道"),
                 NULL));
  fake_doc_free(d3);

  /* the page's reporter and editor work for the outlet it comes from; a
   * bare photo credit says nothing of whom the photographer works for */
  static const char *const four[] = {
      "来源/n :/w 青山日报/ORG",
      "=记者 沈立言",
      "白杨村/LOC 种植/v 黄桃/n 。/w",
      "=吕安然 摄",
      "[/w 责任编辑/n :/w 蔡丽娜/PER ]/w",
      NULL};
  static const FakePlace pfour[] = {{"白杨村", CNKG_TYPE_VILLAGE}, {NULL, CNKG_TYPE_COUNT}};
  FakeDoc *d4 = fake_doc_new(four, pfour);
  CHECK_EQ(cnkg_org_run(or, &d4->st), CNKG_SUCCESS);
  CHECK_EQ(cnkg_person_run(pr, &d4->st), CNKG_SUCCESS);
  size_t paper = fake_find(d4, CNKG_TYPE_ORGANIZATION, "青山日报");
  CHECK(paper != SIZE_MAX);
  CHECK(fake_has(d4, fake_find(d4, CNKG_TYPE_PERSON, "沈立言"), CNKG_REL_ASSOCIATED_WITH, paper,
                 NULL));
  CHECK(fake_has(d4, fake_find(d4, CNKG_TYPE_PERSON, "蔡丽娜"), CNKG_REL_ASSOCIATED_WITH, paper,
                 NULL));
  p = fake_find(d4, CNKG_TYPE_PERSON, "吕安然");
  CHECK(p != SIZE_MAX);
  CHECK(!fake_has(d4, p, CNKG_REL_ASSOCIATED_WITH, paper, NULL));
  fake_doc_free(d4);

  /* the body that sent them, in an apposition or before the places of the
   * post; a villager named right after the village */
  static const char *const five[] = {
      "黄石县/LOC 青石镇/LOC 白杨村/LOC 有/v 两任/m 第一书记/n 。/w",
      "乔振宇/PER 、/w 岑晓东/PER ，/w 黄石县/LOC 农业局/n 先后/d 派驻/v 的/u 第一书记/n ，/w 如今/t 已/d 回/v 原/a 单位/n 。/w",
      "黄石县/LOC 交通局/n 派驻/v 青石镇/LOC 白杨村/LOC 第一书记/n 、/w 东西/n 协作/vn 工作队/n 队长/n 骆永明/PER 介绍/v 。/w",
      "青石镇/LOC 白杨村/LOC 韦德顺/PER （/w 左/f ）/w 一家/n 。/w",
      NULL};
  static const FakePlace pfive[] = {{"黄石县", CNKG_TYPE_COUNTY},
                                    {"青石镇", CNKG_TYPE_TOWNSHIP},
                                    {"白杨村", CNKG_TYPE_VILLAGE},
                                    {NULL, CNKG_TYPE_COUNT}};
  FakeDoc *d5 = fake_doc_new(five, pfive);
  CHECK_EQ(cnkg_org_run(or, &d5->st), CNKG_SUCCESS);
  CHECK_EQ(cnkg_person_run(pr, &d5->st), CNKG_SUCCESS);
  size_t v5 = fake_find(d5, CNKG_TYPE_VILLAGE, "白杨村");
  size_t agri = fake_find(d5, CNKG_TYPE_ORGANIZATION, "黄石县农业局");
  size_t transport = fake_find(d5, CNKG_TYPE_ORGANIZATION, "黄石县交通局");
  CHECK(agri != SIZE_MAX && transport != SIZE_MAX);
  static const char *const sent[] = {"乔振宇", "岑晓东", NULL};
  for (size_t k = 0; sent[k]; k++) {
    p = fake_find(d5, CNKG_TYPE_PERSON, sent[k]);
    CHECK(fake_has(d5, p, CNKG_REL_TITLE, 0, "第一书记"));
    CHECK(fake_has(d5, p, CNKG_REL_ASSOCIATED_WITH, agri, NULL));
  }
  p = fake_find(d5, CNKG_TYPE_PERSON, "骆永明");
  CHECK(fake_has(d5, p, CNKG_REL_ASSOCIATED_WITH, transport, NULL));
  CHECK(fake_has(d5, p, CNKG_REL_ASSOCIATED_WITH, v5, NULL));
  CHECK(fake_has(d5, fake_find(d5, CNKG_TYPE_PERSON, "韦德顺"), CNKG_REL_ASSOCIATED_WITH, v5,
                 NULL));
  fake_doc_free(d5);

  /* 负责人 and 法人 are post titles, of the body the sentence names */
  static const char *const six[] = {
      "白杨村/LOC 山货/n 专业合作社/n 负责人/n 陶家旺/PER 说/v ，/w 销路/n 不愁/v 。/w",
      NULL};
  static const FakePlace psix[] = {{"白杨村", CNKG_TYPE_VILLAGE}, {NULL, CNKG_TYPE_COUNT}};
  FakeDoc *d6 = fake_doc_new(six, psix);
  CHECK_EQ(cnkg_org_run(or, &d6->st), CNKG_SUCCESS);
  CHECK_EQ(cnkg_person_run(pr, &d6->st), CNKG_SUCCESS);
  p = fake_find(d6, CNKG_TYPE_PERSON, "陶家旺");
  CHECK(fake_has(d6, p, CNKG_REL_TITLE, 0, "专业合作社负责人"));
  CHECK(fake_has(d6, p, CNKG_REL_ASSOCIATED_WITH,
                 fake_find(d6, CNKG_TYPE_ORGANIZATION, "白杨村山货专业合作社"), NULL));
  fake_doc_free(d6);

  /* where a person comes from or lives: 来自, 所在的, 的故乡在 */
  static const char *const seven[] = {
      "卓玛拉姆/PER 来自/v 黄石县/LOC 青石镇/LOC ，/w 前年/TIME 搬/v 到/v 县城/n 。/w",
      "庞晓雯/PER 所在/v 的/u 白杨村/LOC 有/v 三百/m 户/q 。/w",
      "聂文山/PER 的/u 故乡/n 在/p 红石村/LOC 。/w",
      NULL};
  static const FakePlace pseven[] = {{"黄石县", CNKG_TYPE_COUNTY},
                                     {"青石镇", CNKG_TYPE_TOWNSHIP},
                                     {"白杨村", CNKG_TYPE_VILLAGE},
                                     {"红石村", CNKG_TYPE_VILLAGE},
                                     {NULL, CNKG_TYPE_COUNT}};
  FakeDoc *d7 = fake_doc_new(seven, pseven);
  CHECK_EQ(cnkg_person_run(pr, &d7->st), CNKG_SUCCESS);
  CHECK(fake_has(d7, fake_find(d7, CNKG_TYPE_PERSON, "卓玛拉姆"), CNKG_REL_ASSOCIATED_WITH,
                 fake_find(d7, CNKG_TYPE_TOWNSHIP, "青石镇"), NULL));
  CHECK(fake_has(d7, fake_find(d7, CNKG_TYPE_PERSON, "庞晓雯"), CNKG_REL_ASSOCIATED_WITH,
                 fake_find(d7, CNKG_TYPE_VILLAGE, "白杨村"), NULL));
  CHECK(fake_has(d7, fake_find(d7, CNKG_TYPE_PERSON, "聂文山"), CNKG_REL_ASSOCIATED_WITH,
                 fake_find(d7, CNKG_TYPE_VILLAGE, "红石村"), NULL));
  fake_doc_free(d7);

  /* the members a sentence lists after 成员包括 belong to the body named
   * before */
  static const char *const eight[] = {
      "黄石县/LOC 农业局/n 派出/v 工作组/n ，/w 主要/b 成员/n 包括/v 组长/n 龚立言/PER 、/w 祁海燕/PER 和/c 甄浩然/PER 。/w",
      NULL};
  static const FakePlace peight[] = {{"黄石县", CNKG_TYPE_COUNTY}, {NULL, CNKG_TYPE_COUNT}};
  FakeDoc *d8 = fake_doc_new(eight, peight);
  CHECK_EQ(cnkg_org_run(or, &d8->st), CNKG_SUCCESS);
  CHECK_EQ(cnkg_person_run(pr, &d8->st), CNKG_SUCCESS);
  size_t bureau8 = fake_find(d8, CNKG_TYPE_ORGANIZATION, "黄石县农业局");
  CHECK(bureau8 != SIZE_MAX);
  static const char *const members[] = {"龚立言", "祁海燕", "甄浩然", NULL};
  for (size_t k = 0; members[k]; k++)
    CHECK(fake_has(d8, fake_find(d8, CNKG_TYPE_PERSON, members[k]), CNKG_REL_ASSOCIATED_WITH,
                   bureau8, NULL));
  fake_doc_free(d8);
  /* ...and a team named after its place: that place too */
  static const char *const nine[] = {
      "青石镇/LOC 驻镇/v 帮扶/vn 工作队/n 进驻/v ，/w 主要/b 成员/n 包括/v 队长/n 龚立言/PER 和/c 甄浩然/PER 。/w",
      NULL};
  static const FakePlace pnine[] = {{"青石镇", CNKG_TYPE_TOWNSHIP}, {NULL, CNKG_TYPE_COUNT}};
  FakeDoc *d9 = fake_doc_new(nine, pnine);
  CHECK_EQ(cnkg_org_run(or, &d9->st), CNKG_SUCCESS);
  CHECK_EQ(cnkg_person_run(pr, &d9->st), CNKG_SUCCESS);
  size_t team = fake_find(d9, CNKG_TYPE_ORGANIZATION, "青石镇驻镇帮扶工作队");
  CHECK(team != SIZE_MAX);
  for (size_t k = 0; k < 3; k += 2) {
    p = fake_find(d9, CNKG_TYPE_PERSON, members[k]);
    CHECK(fake_has(d9, p, CNKG_REL_ASSOCIATED_WITH, team, NULL));
    CHECK(fake_has(d9, p, CNKG_REL_ASSOCIATED_WITH, fake_find(d9, CNKG_TYPE_TOWNSHIP, "青石镇"),
                   NULL));
  }
  fake_doc_free(d9);

  /* a village title placed only at the body that sent its holder: the
   * one village the story names */
  static const char *const ten[] = {
      "黄石县/LOC 白杨村/LOC 地处/v 山区/n 。/w",
      "这里/r 山高/a 路远/a 。/w",
      "2016年/TIME ，/w 黄石县/LOC 农业局/n 派驻/v 的/u 第一书记/n 邱明亮/PER 进/v 了/u 村/n 。/w",
      NULL};
  static const FakePlace pten[] = {{"黄石县", CNKG_TYPE_COUNTY},
                                   {"白杨村", CNKG_TYPE_VILLAGE},
                                   {NULL, CNKG_TYPE_COUNT}};
  FakeDoc *d10 = fake_doc_new(ten, pten);
  CHECK_EQ(cnkg_org_run(or, &d10->st), CNKG_SUCCESS);
  CHECK_EQ(cnkg_person_run(pr, &d10->st), CNKG_SUCCESS);
  p = fake_find(d10, CNKG_TYPE_PERSON, "邱明亮");
  CHECK(fake_has(d10, p, CNKG_REL_ASSOCIATED_WITH,
                 fake_find(d10, CNKG_TYPE_ORGANIZATION, "黄石县农业局"), NULL));
  CHECK(fake_has(d10, p, CNKG_REL_ASSOCIATED_WITH, fake_find(d10, CNKG_TYPE_VILLAGE, "白杨村"),
                 NULL));
  fake_doc_free(d10);

  /* 助理 is a title, 选调生 a role: 某村党支部书记助理、驻村选调生X */
  static const char *const eleven[] = {
      "白杨村/LOC 党支部/n 书记/n 助理/n 、/w 驻/v 村/n 选调生/n 邝子轩/PER 带/v 我们/r 看/v 了/u 大棚/n 。/w",
      NULL};
  static const FakePlace peleven[] = {{"白杨村", CNKG_TYPE_VILLAGE}, {NULL, CNKG_TYPE_COUNT}};
  FakeDoc *d11 = fake_doc_new(eleven, peleven);
  CHECK_EQ(cnkg_org_run(or, &d11->st), CNKG_SUCCESS);
  CHECK_EQ(cnkg_person_run(pr, &d11->st), CNKG_SUCCESS);
  p = fake_find(d11, CNKG_TYPE_PERSON, "邝子轩");
  CHECK(fake_has(d11, p, CNKG_REL_TITLE, 0, "村党支部书记助理"));
  CHECK(fake_has(d11, p, CNKG_REL_ASSOCIATED_WITH, fake_find(d11, CNKG_TYPE_VILLAGE, "白杨村"),
                 NULL));
  fake_doc_free(d11);

  /* a title in brackets after a name is that name's; the title before the
   * first name of a list that brackets break reaches the names stating
   * none of their own */
  static const char *const twelve[] = {
      "青石镇/LOC 帮扶/vn 工作队/n 成员/n 有/v 队员/n 龚立言/PER (/w 驻/v 白杨村/LOC 第一/m "
      "书记/n )/w 、/w 祁海燕/PER 、/w 甄浩然/PER 和/c 聂文山/PER (/w 金融/n 助理/n )/w 。/w",
      NULL};
  static const FakePlace ptwelve[] = {{"青石镇", CNKG_TYPE_TOWNSHIP},
                                      {"白杨村", CNKG_TYPE_VILLAGE},
                                      {NULL, CNKG_TYPE_COUNT}};
  FakeDoc *d12 = fake_doc_new(twelve, ptwelve);
  CHECK_EQ(cnkg_org_run(or, &d12->st), CNKG_SUCCESS);
  CHECK_EQ(cnkg_person_run(pr, &d12->st), CNKG_SUCCESS);
  p = fake_find(d12, CNKG_TYPE_PERSON, "龚立言");
  CHECK(fake_has(d12, p, CNKG_REL_TITLE, 0, "队员"));
  CHECK(fake_has(d12, p, CNKG_REL_TITLE, 0, "第一书记"));
  CHECK(fake_has(d12, p, CNKG_REL_ASSOCIATED_WITH, fake_find(d12, CNKG_TYPE_VILLAGE, "白杨村"),
                 NULL));
  CHECK(fake_has(d12, fake_find(d12, CNKG_TYPE_PERSON, "祁海燕"), CNKG_REL_TITLE, 0, "队员"));
  CHECK(fake_has(d12, fake_find(d12, CNKG_TYPE_PERSON, "甄浩然"), CNKG_REL_TITLE, 0, "队员"));
  p = fake_find(d12, CNKG_TYPE_PERSON, "聂文山");
  CHECK(fake_has(d12, p, CNKG_REL_TITLE, 0, "金融助理"));
  CHECK(!fake_has(d12, p, CNKG_REL_TITLE, 0, "队员"));
  fake_doc_free(d12);

  /* a second post stated as another identity, or with 还是 */
  static const char *const thirteen[] = {
      "如今/t ，/w 龚立言/PER 有/v 了/u 另一个/r 身份/n ，/w 青石镇/LOC 白杨村/LOC 的/u 第一/m "
      "书记/n 。/w",
      "祁海燕/PER 还是/v 红石村/LOC 的/u 妇联/n 主席/n ，/w 常常/d 进村/v 。/w",
      "甄浩然/PER 还是/v 每天/r 早起/v 。/w",
      NULL};
  static const FakePlace pthirteen[] = {{"青石镇", CNKG_TYPE_TOWNSHIP},
                                        {"白杨村", CNKG_TYPE_VILLAGE},
                                        {"红石村", CNKG_TYPE_VILLAGE},
                                        {NULL, CNKG_TYPE_COUNT}};
  FakeDoc *d13 = fake_doc_new(thirteen, pthirteen);
  CHECK_EQ(cnkg_org_run(or, &d13->st), CNKG_SUCCESS);
  CHECK_EQ(cnkg_person_run(pr, &d13->st), CNKG_SUCCESS);
  p = fake_find(d13, CNKG_TYPE_PERSON, "龚立言");
  CHECK(fake_has(d13, p, CNKG_REL_TITLE, 0, "第一书记"));
  CHECK(fake_has(d13, p, CNKG_REL_ASSOCIATED_WITH, fake_find(d13, CNKG_TYPE_VILLAGE, "白杨村"),
                 NULL));
  p = fake_find(d13, CNKG_TYPE_PERSON, "祁海燕");
  CHECK(fake_has(d13, p, CNKG_REL_TITLE, 0, "妇联主席"));
  CHECK(fake_has(d13, p, CNKG_REL_ASSOCIATED_WITH, fake_find(d13, CNKG_TYPE_VILLAGE, "红石村"),
                 NULL));
  fake_doc_free(d13);

  /* a photo credit split from its caption keeps the credit word that ends
   * the line before */
  static const char *const fourteen[] = {"=村民们在田里插秧。本报记者", "=韩立伟 摄", NULL};
  FakeDoc *d14 = fake_doc_new(fourteen, ptwelve);
  CHECK_EQ(cnkg_person_run(pr, &d14->st), CNKG_SUCCESS);
  CHECK(fake_has(d14, fake_find(d14, CNKG_TYPE_PERSON, "韩立伟"), CNKG_REL_TITLE, 0, "记者"));
  fake_doc_free(d14);

  /* a name closing a line right after a news outlet works for it */
  static const char *const fifteen[] = {"青石晚报/ORG 聂文山/PER", "白杨村/LOC 种/v 果/n 。/w", NULL};
  FakeDoc *d15 = fake_doc_new(fifteen, ptwelve);
  CHECK_EQ(cnkg_org_run(or, &d15->st), CNKG_SUCCESS);
  CHECK_EQ(cnkg_person_run(pr, &d15->st), CNKG_SUCCESS);
  size_t paper15 = fake_find(d15, CNKG_TYPE_ORGANIZATION, "青石晚报");
  CHECK(paper15 != SIZE_MAX);
  CHECK(fake_has(d15, fake_find(d15, CNKG_TYPE_PERSON, "聂文山"), CNKG_REL_ASSOCIATED_WITH,
                 paper15, NULL));
  fake_doc_free(d15);

  cnkg_person_free(pr);
  cnkg_org_free(or);
  return check_finish();
}
