/* SPDX-License-Identifier: Apache-2.0
 * Tests for extractor/org.c on invented text with a hand-made analysis:
 * place + body (X县扶贫办, X镇党委, X县组织部和Y局), cooperatives and
 * companies named by the words before their suffix, media, and generic
 * bodies (县委, 党支部) that are not entities. */
#include "check.h"
#include "fakedoc.h"
#include "extractor/recognizers.h"

/* Outlets credited as the source (furniture.c finds the credit) and the
 * persons their credit lines name. */
static void test_outlets(const CnkgOrgRecognizer *or) {
  static const char *const doc[] = {
      "=来源:白河在线作者:张立新",
      "=青山日报记者李明通讯员王芳",
      "=中国农科新闻网记者赵强",
      "张立新/PER 在/p 白河县/LOC 采访/v 。/w",
      NULL};
  static const FakePlace named[] = {{"白河县", CNKG_TYPE_COUNTY},
                                    {"张立新", CNKG_TYPE_PERSON},
                                    {"李明", CNKG_TYPE_PERSON},
                                    {"王芳", CNKG_TYPE_PERSON},
                                    {"赵强", CNKG_TYPE_PERSON},
                                    {NULL, CNKG_TYPE_COUNT}};
  FakeDoc *d = fake_doc_new(doc, named);
  /* the source credit as furniture.c records it: all after 来源: */
  const char *src = strstr(d->text.norm, "白河在线");
  CnkgCredit credit = {CNKG_CREDIT_SOURCE, (size_t)(src - d->text.norm),
                       (size_t)(strchr(src, '\n') - d->text.norm)};
  d->text.credits = &credit;
  d->text.n_credits = 1;
  for (size_t i = 0; i < d->text.n_sentences; i++) d->text.sentences[i].credit = i < 3;
  CHECK_EQ(cnkg_org_run(or, &d->st), CNKG_SUCCESS);
  CHECK_EQ(cnkg_org_credits(&d->st), CNKG_SUCCESS);
  size_t web = fake_find(d, CNKG_TYPE_ORGANIZATION, "白河在线");
  size_t paper = fake_find(d, CNKG_TYPE_ORGANIZATION, "青山日报");
  size_t site = fake_find(d, CNKG_TYPE_ORGANIZATION, "中国农科新闻网");
  CHECK(web != SIZE_MAX && paper != SIZE_MAX && site != SIZE_MAX);
  CHECK_EQ(fake_find(d, CNKG_TYPE_ORGANIZATION, "白河在线作者"), SIZE_MAX);
  size_t zhang = fake_find(d, CNKG_TYPE_PERSON, "张立新");
  size_t li = fake_find(d, CNKG_TYPE_PERSON, "李明");
  size_t wang = fake_find(d, CNKG_TYPE_PERSON, "王芳");
  size_t zhao = fake_find(d, CNKG_TYPE_PERSON, "赵强");
  CHECK(fake_has(d, zhang, CNKG_REL_ASSOCIATED_WITH, web, NULL));
  CHECK(fake_has(d, li, CNKG_REL_ASSOCIATED_WITH, paper, NULL));
  CHECK(fake_has(d, zhao, CNKG_REL_ASSOCIATED_WITH, site, NULL));
  /* a correspondent after the reporter writes for no outlet named here */
  CHECK(!fake_has(d, wang, CNKG_REL_ASSOCIATED_WITH, paper, NULL));
  d->text.credits = NULL;
  d->text.n_credits = 0;
  fake_doc_free(d);
}

/* A source line naming the writer before the outlet, with the date and
 * time between (issue 18): the writer is the outlet's; a name before an
 * outlet in running text is not. */
static void test_source_line(const CnkgOrgRecognizer *or) {
  static const char *const doc[] = {
      "=刘大海    2021-03-05 09:12:30    青山日报",
      "马小川/PER 读/v 了/u 青山日报/nz 。/w",
      NULL};
  static const FakePlace named[] = {{"刘大海", CNKG_TYPE_PERSON},
                                    {"马小川", CNKG_TYPE_PERSON},
                                    {NULL, CNKG_TYPE_COUNT}};
  FakeDoc *d = fake_doc_new(doc, named);
  CHECK_EQ(cnkg_org_run(or, &d->st), CNKG_SUCCESS);
  CHECK_EQ(cnkg_org_credits(&d->st), CNKG_SUCCESS);
  size_t paper = fake_find(d, CNKG_TYPE_ORGANIZATION, "青山日报");
  CHECK(paper != SIZE_MAX);
  CHECK(fake_has(d, fake_find(d, CNKG_TYPE_PERSON, "刘大海"), CNKG_REL_ASSOCIATED_WITH, paper,
                 NULL));
  CHECK(!fake_has(d, fake_find(d, CNKG_TYPE_PERSON, "马小川"), CNKG_REL_ASSOCIATED_WITH, paper,
                  NULL));
  fake_doc_free(d);
}

/* Bodies named by a bare level belong to the place of that level just
 * named; a work team after a place is that place's. */
static void test_bare_levels(const CnkgOrgRecognizer *or) {
  static const char *const doc[] = {
      "白云市/LOC 和/c 红河州/LOC 的/u 作家/n 来到/v 青石镇/LOC 白杨村/LOC 。/w",
      "她/r 给/p 镇党委/n 汇报/v ,/w 与/p 村/n “/w 两委/n ”/w 一起/d 制定/v 计划/n 。/w",
      "市作协/n 组织/v 采风/vn 。/w",
      "红山县/LOC 农业农村局/n 驻/v 白杨村/LOC 扶贫工作队/n 进村/v 。/w",
      NULL};
  static const FakePlace places[] = {{"白云市", CNKG_TYPE_PREFECTURE},
                                     {"红河州", CNKG_TYPE_PREFECTURE},
                                     {"青石镇", CNKG_TYPE_TOWNSHIP},
                                     {"白杨村", CNKG_TYPE_VILLAGE},
                                     {"红山县", CNKG_TYPE_COUNTY},
                                     {NULL, CNKG_TYPE_COUNT}};
  FakeDoc *d = fake_doc_new(doc, places);
  CHECK_EQ(cnkg_org_run(or, &d->st), CNKG_SUCCESS);
  size_t town = fake_find(d, CNKG_TYPE_TOWNSHIP, "青石镇");
  size_t o = fake_find(d, CNKG_TYPE_ORGANIZATION, "青石镇党委");
  CHECK(o != SIZE_MAX && fake_has(d, o, CNKG_REL_BASED_IN, town, NULL));
  CHECK(fake_find(d, CNKG_TYPE_ORGANIZATION, "白杨村两委") != SIZE_MAX);
  /* 市: the prefecture whose name ends with 市, not the nearer 州 */
  CHECK(fake_find(d, CNKG_TYPE_ORGANIZATION, "白云市作协") != SIZE_MAX);
  CHECK(fake_find(d, CNKG_TYPE_ORGANIZATION, "白杨村扶贫工作队") != SIZE_MAX);
  CHECK_EQ(fake_find(d, CNKG_TYPE_ORGANIZATION, "镇党委"), SIZE_MAX);
  /* 汇报 ends in 报 but names no paper */
  for (size_t i = 0; i < cnkg_graph_entity_count(d->graph); i++)
    CHECK(strstr(cnkg_graph_entity(d->graph, i)->label, "汇报") == NULL);
  fake_doc_free(d);
}

/* Venues and firms need a name of their own; names do not start with a
 * determiner or a bare level. */
static void test_names(const CnkgOrgRecognizer *or) {
  static const char *const doc[] = {
      "青石镇/LOC 大文山/nz 家庭农场/n 签订/v 协议/n 。/w",
      "建立/v 辣椒/n 加工厂/n ,/w 收购/v 辣椒/n 。/w",
      "各/r 村/n 党支部/n 和/c 临时/a 党支部/n 开展/v 学习/v 。/w",
      "村/n 股份/n 经济/n 合作社/n 成立/v 。/w",
      "白云农业大学/ORG 派出/v 专家/n ,/w 黄山天润/nz 连锁/n 超市/n 收购/v 。/w",
      NULL};
  static const FakePlace places[] = {{"青石镇", CNKG_TYPE_TOWNSHIP},
                                     {NULL, CNKG_TYPE_COUNT}};
  FakeDoc *d = fake_doc_new(doc, places);
  CHECK_EQ(cnkg_org_run(or, &d->st), CNKG_SUCCESS);
  CHECK(fake_find(d, CNKG_TYPE_ORGANIZATION, "青石镇大文山家庭农场") != SIZE_MAX);
  CHECK(fake_find(d, CNKG_TYPE_ORGANIZATION, "白云农业大学") != SIZE_MAX);
  CHECK(fake_find(d, CNKG_TYPE_ORGANIZATION, "黄山天润连锁超市") != SIZE_MAX);
  static const char *const none[] = {"辣椒加工厂", "加工厂", "各村党支部",
                                     "村党支部", "临时党支部", "村股份经济合作社",
                                     "股份经济合作社", NULL};
  for (size_t i = 0; none[i]; i++)
    CHECK_EQ(fake_find(d, CNKG_TYPE_ORGANIZATION, none[i]), SIZE_MAX);
  fake_doc_free(d);
}

/* A co-operative the analyser reads as one organisation word after the
 * places it is registered in takes those places into its name, and a
 * short noun the analyser cut off its start after 的. */
static void test_coop_places(const CnkgOrgRecognizer *or) {
  static const char *const doc[] = {
      "去年/t 青石镇/LOC 白杨村/LOC 核桃加工专业合作社/nt 挂牌/v 。/w",
      "红山县/LOC 海棠种植合作社/ORG 吸纳/v 社员/n 。/w",
      /* the analyser cut the name's first characters off */
      "她/r 牵头/v 成立/v 的/u 青岭/n 坡茶叶种植专业合作社/ORG 分红/v 了/u 。/w",
      NULL};
  static const FakePlace places[] = {{"青石镇", CNKG_TYPE_TOWNSHIP},
                                     {"白杨村", CNKG_TYPE_VILLAGE},
                                     {"红山县", CNKG_TYPE_COUNTY},
                                     {NULL, CNKG_TYPE_COUNT}};
  FakeDoc *d = fake_doc_new(doc, places);
  CHECK_EQ(cnkg_org_run(or, &d->st), CNKG_SUCCESS);
  CHECK(fake_find(d, CNKG_TYPE_ORGANIZATION, "青石镇白杨村核桃加工专业合作社") != SIZE_MAX);
  CHECK(fake_find(d, CNKG_TYPE_ORGANIZATION, "红山县海棠种植合作社") != SIZE_MAX);
  CHECK_EQ(fake_find(d, CNKG_TYPE_ORGANIZATION, "核桃加工专业合作社"), SIZE_MAX);
  CHECK(fake_find(d, CNKG_TYPE_ORGANIZATION, "青岭坡茶叶种植专业合作社") != SIZE_MAX);
  CHECK_EQ(fake_find(d, CNKG_TYPE_ORGANIZATION, "坡茶叶种植专业合作社"), SIZE_MAX);
  fake_doc_free(d);
}

int main(void) {
  CnkgOrgRecognizer *or = NULL;
  char err[256] = "";
  CHECK_EQ(cnkg_org_new(NULL, &or, err, sizeof err), CNKG_SUCCESS);
  if (!or) return check_finish();
  test_coop_places(or);
  static const char *const doc[] = {
      "红山县/LOC 扶贫办/n 主任/n 李文/PER 介绍/v 。/w",
      "青石镇/LOC 党委/n 组织/v 党员/n 学习/v 。/w",
      "村里/n 成立/v 了/u 白杨村/LOC 绿源/nz 养蜂/vn 专业合作社/n 。/w",
      "“/w 金穗/nz ”/w 合作社/n 带动/v 农户/n 。/w",
      "山河农业科技有限公司/ORG 投资/v 建厂/v 。/w",
      "=来源：红山日报、青石新闻网",
      "县委/n 书记/n 到/v 村/n 党支部/n 调研/v 。/w",
      "红山县/LOC 组织部/n 和/c 农业农村局/n 联合/v 开展/v 培训/vn 。/w",
      "红山县/LOC 干部/n 群众/n 齐心/a 协力/v 。/w",
      "=以青禾米业、山泉种猪、云岭茶叶为龙头企业的产业链带动了就业。",
      "青石县组织部/ORG 和/c 交通/n 局/n 派出/v 工作队/n 。/w",
      NULL};
  static const FakePlace places[] = {{"红山县", CNKG_TYPE_COUNTY},
                                     {"青石镇", CNKG_TYPE_TOWNSHIP},
                                     {"白杨村", CNKG_TYPE_VILLAGE},
                                     {NULL, CNKG_TYPE_COUNT}};
  FakeDoc *d = fake_doc_new(doc, places);
  CHECK_EQ(cnkg_org_run(or, &d->st), CNKG_SUCCESS);
  size_t county = fake_find(d, CNKG_TYPE_COUNTY, "红山县");
  size_t town = fake_find(d, CNKG_TYPE_TOWNSHIP, "青石镇");
  size_t village = fake_find(d, CNKG_TYPE_VILLAGE, "白杨村");

  size_t o = fake_find(d, CNKG_TYPE_ORGANIZATION, "红山县扶贫办");
  CHECK(o != SIZE_MAX);
  CHECK(fake_has(d, o, CNKG_REL_BASED_IN, county, NULL));
  o = fake_find(d, CNKG_TYPE_ORGANIZATION, "青石镇党委");
  CHECK(fake_has(d, o, CNKG_REL_BASED_IN, town, NULL));
  o = fake_find(d, CNKG_TYPE_ORGANIZATION, "白杨村绿源养蜂专业合作社");
  CHECK(o != SIZE_MAX);
  CHECK(fake_has(d, o, CNKG_REL_BASED_IN, village, NULL));
  CHECK(fake_find(d, CNKG_TYPE_ORGANIZATION, "金穗合作社") != SIZE_MAX);
  CHECK(fake_find(d, CNKG_TYPE_ORGANIZATION, "山河农业科技有限公司") != SIZE_MAX);
  CHECK(fake_find(d, CNKG_TYPE_ORGANIZATION, "红山日报") != SIZE_MAX);
  CHECK(fake_find(d, CNKG_TYPE_ORGANIZATION, "青石新闻网") != SIZE_MAX);
  CHECK(fake_find(d, CNKG_TYPE_ORGANIZATION, "县委") == SIZE_MAX);
  CHECK(fake_find(d, CNKG_TYPE_ORGANIZATION, "党支部") == SIZE_MAX);
  CHECK(fake_find(d, CNKG_TYPE_ORGANIZATION, "村党支部") == SIZE_MAX);
  o = fake_find(d, CNKG_TYPE_ORGANIZATION, "红山县组织部");
  CHECK(o != SIZE_MAX);
  o = fake_find(d, CNKG_TYPE_ORGANIZATION, "红山县农业农村局");
  CHECK(o != SIZE_MAX);
  CHECK(fake_has(d, o, CNKG_REL_BASED_IN, county, NULL));
  /* a list of enterprises */
  CHECK(fake_find(d, CNKG_TYPE_ORGANIZATION, "青禾米业") != SIZE_MAX);
  CHECK(fake_find(d, CNKG_TYPE_ORGANIZATION, "山泉种猪") != SIZE_MAX);
  CHECK(fake_find(d, CNKG_TYPE_ORGANIZATION, "云岭茶叶") != SIZE_MAX);
  /* a second body after an analyser ORG shares its place */
  CHECK(fake_find(d, CNKG_TYPE_ORGANIZATION, "青石县交通局") != SIZE_MAX);
  /* 干部 is no 部 */
  for (size_t i = 0; i < cnkg_graph_entity_count(d->graph); i++) {
    const CnkgEntity *e = cnkg_graph_entity(d->graph, i);
    CHECK(!(e->type == CNKG_TYPE_ORGANIZATION && strstr(e->label, "干部")));
  }
  fake_doc_free(d);
  test_outlets(or);
  test_source_line(or);
  test_bare_levels(or);
  test_names(or);
  cnkg_org_free(or);
  cnkg_org_free(NULL);
  return check_finish();
}
