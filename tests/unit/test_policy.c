/* SPDX-License-Identifier: Apache-2.0
 * Tests for extractor/policy.c on text written for the purpose
 * (tests/data/industry_policy.txt): quoted and numbered names, the expansion
 * as an alias, schemes from the word list, relations to the place. */
#include "check.h"
#include "extractor/recognizers.h"
#include "recog_fixture.h"

/* Slogans, ratios, document titles and unquoted names with a method
 * head (text written for the purpose). */
static void test_more_names(const CnkgPolicyRecognizer *rec) {
  Fixture f;
  fixture_init(&f,
               "红山县坚持“产业兴、生态美、百姓富”的目标,按照“3:3:4”比例分红。"
               "干部们说要“凝聚、转变、跃升”。\n"
               "这里“八山一水一分田”,守着“一亩三分地”,正值“十四五”开局,规划“一核两区三基地”。\n"
               "县政府印发《关于推进茶产业发展的实施意见》和《关于批准红山县退出贫困县的通知》。\n"
               "红山县实施对口帮扶,坚持党建引领,推进沿边小康村建设,推行一县一策,"
               "重点实施道路硬化等五大工程。\n"
               "全县加强基础设施建设,开展干部帮扶,坚持示范引领,大家一心一意。\n");
  fixture_place(&f, "红山县", CNKG_TYPE_COUNTY);
  CHECK(cnkg_policy_run(rec, &f.st) == CNKG_SUCCESS);
  static const char *const found[] = {
      "产业兴、生态美、百姓富", "3:3:4", "一核两区三基地", "关于推进茶产业发展的实施意见",
      "对口帮扶", "党建引领", "沿边小康村建设", "一县一策", "五大工程", NULL};
  for (size_t i = 0; found[i]; i++)
    CHECK(fixture_find(&f, CNKG_TYPE_POLICY, found[i]) != SIZE_MAX);
  static const char *const none[] = {
      "凝聚、转变、跃升", "八山一水一分田", "一亩三分地", "十四五",
      "关于批准红山县退出贫困县的通知", "基础设施建设", "干部帮扶", "示范引领",
      "一心一意", NULL};
  for (size_t i = 0; none[i]; i++)
    CHECK_EQ(fixture_find(&f, CNKG_TYPE_POLICY, none[i]), SIZE_MAX);
  fixture_free(&f);

  /* a name found once is the same policy where the text repeats it plainly */
  fixture_init(&f, "红山县推行农超对接,拓宽销路。\n青石镇举办农超对接活动,商户踊跃参加。\n");
  size_t town = fixture_place(&f, "青石镇", CNKG_TYPE_TOWNSHIP);
  fixture_place(&f, "红山县", CNKG_TYPE_COUNTY);
  CHECK(cnkg_policy_run(rec, &f.st) == CNKG_SUCCESS);
  size_t p = fixture_find(&f, CNKG_TYPE_POLICY, "农超对接");
  CHECK(p != SIZE_MAX && fixture_related(&f, town, CNKG_REL_IMPLEMENTS_POLICY, p));
  fixture_free(&f);

  /* units sent to help a county as a team or by fixed pairing, a workshop
   * scheme, a move scheme, and a heading that opens with a method */
  fixture_init(&f, "党建引领聚民心\n省里三家单位派出干部,进入石门县组团帮扶。"
                   "石门县增设扶贫车间,推进生态移民搬迁,纵向帮扶开局良好。\n");
  size_t county = fixture_place(&f, "石门县", CNKG_TYPE_COUNTY);
  CHECK(cnkg_policy_run(rec, &f.st) == CNKG_SUCCESS);
  static const char *const schemes[] = {"党建引领", "组团帮扶", "扶贫车间", "生态移民搬迁",
                                        "纵向帮扶", NULL};
  for (size_t i = 0; schemes[i]; i++)
    CHECK(fixture_find(&f, CNKG_TYPE_POLICY, schemes[i]) != SIZE_MAX);
  p = fixture_find(&f, CNKG_TYPE_POLICY, "组团帮扶");
  CHECK(p != SIZE_MAX && fixture_related(&f, county, CNKG_REL_IMPLEMENTS_POLICY, p));
  CHECK_EQ(fixture_find(&f, CNKG_TYPE_POLICY, "聚民心"), SIZE_MAX);
  fixture_free(&f);

  /* later items of a list that one verb introduces, a count after the last */
  fixture_init(&f, "石门县开展了林权抵押贷款、农村信用体系改革、集体产权制度改革三项试点。\n");
  county = fixture_place(&f, "石门县", CNKG_TYPE_COUNTY);
  CHECK(cnkg_policy_run(rec, &f.st) == CNKG_SUCCESS);
  p = fixture_find(&f, CNKG_TYPE_POLICY, "农村信用体系改革");
  CHECK(p != SIZE_MAX && fixture_related(&f, county, CNKG_REL_IMPLEMENTS_POLICY, p));
  CHECK(fixture_find(&f, CNKG_TYPE_POLICY, "集体产权制度改革") != SIZE_MAX);
  fixture_free(&f);

  /* a byline heading names where the reporter files from: the section
   * under it is not about that place */
  fixture_init(&f, "特约记者周某发自青石县\n"
                   "多家省直单位参与组团帮扶,已满一年。\n");
  county = fixture_place(&f, "青石县", CNKG_TYPE_COUNTY);
  CHECK(cnkg_policy_run(rec, &f.st) == CNKG_SUCCESS);
  p = fixture_find(&f, CNKG_TYPE_POLICY, "组团帮扶");
  CHECK(p != SIZE_MAX && !fixture_related(&f, county, CNKG_REL_IMPLEMENTS_POLICY, p));
  fixture_free(&f);

  /* a team named after its work carries it; a steering body named after
   * a campaign does not */
  fixture_init(&f, "红山县前年启动美丽庭院建设。\n"
                   "县里派来的白石乡美丽庭院建设工作队进驻半年,修通了两条路。\n"
                   "红山县美丽庭院建设指挥部每月开一次会。\n");
  size_t team = fixture_place(&f, "白石乡美丽庭院建设工作队", CNKG_TYPE_ORGANIZATION);
  size_t board = fixture_place(&f, "红山县美丽庭院建设指挥部", CNKG_TYPE_ORGANIZATION);
  CHECK(cnkg_policy_run(rec, &f.st) == CNKG_SUCCESS);
  p = fixture_find(&f, CNKG_TYPE_POLICY, "美丽庭院建设");
  CHECK(p != SIZE_MAX && fixture_related(&f, team, CNKG_REL_IMPLEMENTS_POLICY, p));
  CHECK(!fixture_related(&f, board, CNKG_REL_IMPLEMENTS_POLICY, p));
  fixture_free(&f);

  /* a place that helps from outside (在甲县的对口支援下) is not where what
   * the sentence goes on to say happens */
  fixture_init(&f, "前些年,在东海市的对口支援下,青石村推行“三评两公开”,村务更透明了。\n");
  size_t helper = fixture_place(&f, "东海市", CNKG_TYPE_PREFECTURE);
  size_t vil = fixture_place(&f, "青石村", CNKG_TYPE_VILLAGE);
  CHECK(cnkg_policy_run(rec, &f.st) == CNKG_SUCCESS);
  p = fixture_find(&f, CNKG_TYPE_POLICY, "三评两公开");
  CHECK(p != SIZE_MAX && fixture_related(&f, vil, CNKG_REL_IMPLEMENTS_POLICY, p));
  CHECK(!fixture_related(&f, helper, CNKG_REL_IMPLEMENTS_POLICY, p));
  /* counterpart support is a national scheme, carried by the helper */
  p = fixture_find(&f, CNKG_TYPE_POLICY, "对口支援");
  CHECK(p != SIZE_MAX && fixture_related(&f, helper, CNKG_REL_IMPLEMENTS_POLICY, p));
  fixture_free(&f);

  /* a method name ends before a verb saying what it is for */
  fixture_init(&f, "这两年青石镇以美丽庭院建设助力民宿发展,游客多了起来。\n");
  size_t town2 = fixture_place(&f, "青石镇", CNKG_TYPE_TOWNSHIP);
  CHECK(cnkg_policy_run(rec, &f.st) == CNKG_SUCCESS);
  p = fixture_find(&f, CNKG_TYPE_POLICY, "美丽庭院建设");
  CHECK(p != SIZE_MAX && fixture_related(&f, town2, CNKG_REL_IMPLEMENTS_POLICY, p));
  fixture_free(&f);

  /* a bare 工作队 opening a clause is the team named before */
  fixture_init(&f, "去年春天,省农科院派出的白石村驻村工作队进了村。\n"
                   "一年下来,工作队推行“积分超市”,村民干劲足了。\n");
  size_t crew = fixture_place(&f, "白石村驻村工作队", CNKG_TYPE_ORGANIZATION);
  fixture_place(&f, "白石村", CNKG_TYPE_VILLAGE);
  CHECK(cnkg_policy_run(rec, &f.st) == CNKG_SUCCESS);
  p = fixture_find(&f, CNKG_TYPE_POLICY, "积分超市");
  CHECK(p != SIZE_MAX && fixture_related(&f, crew, CNKG_REL_IMPLEMENTS_POLICY, p));
  fixture_free(&f);

  /* an organisation in a time phrase (自X成立以来) is not the subject of
   * the clause after it */
  fixture_init(&f, "自青石茶叶专业合作社成立以来,党员们推行“订单收购”,茶农心里有了底。\n"
                   "青石茶叶专业合作社推行“统一品牌”。\n");
  size_t coop = fixture_place(&f, "青石茶叶专业合作社", CNKG_TYPE_ORGANIZATION);
  CHECK(cnkg_policy_run(rec, &f.st) == CNKG_SUCCESS);
  p = fixture_find(&f, CNKG_TYPE_POLICY, "订单收购");
  CHECK(p != SIZE_MAX && !fixture_related(&f, coop, CNKG_REL_IMPLEMENTS_POLICY, p));
  p = fixture_find(&f, CNKG_TYPE_POLICY, "统一品牌");
  CHECK(p != SIZE_MAX && fixture_related(&f, coop, CNKG_REL_IMPLEMENTS_POLICY, p));
  fixture_free(&f);

  /* a site named after a scheme right after the chain of places it lies
   * in is in each of them; the scheme alone belongs to the innermost */
  fixture_init(&f, "记者走进红山县青石镇白杨村易地扶贫搬迁安置点,新房一排排。\n"
                   "黄土县石门乡柳树村生态移民搬迁进展顺利。\n");
  size_t cty = fixture_place(&f, "红山县", CNKG_TYPE_COUNTY);
  size_t twn = fixture_place(&f, "青石镇", CNKG_TYPE_TOWNSHIP);
  size_t vlg = fixture_place(&f, "白杨村", CNKG_TYPE_VILLAGE);
  size_t cty2 = fixture_place(&f, "黄土县", CNKG_TYPE_COUNTY);
  size_t vlg2 = fixture_place(&f, "柳树村", CNKG_TYPE_VILLAGE);
  fixture_place(&f, "石门乡", CNKG_TYPE_TOWNSHIP);
  CHECK(cnkg_policy_run(rec, &f.st) == CNKG_SUCCESS);
  p = fixture_find(&f, CNKG_TYPE_POLICY, "易地扶贫搬迁");
  CHECK(p != SIZE_MAX && fixture_related(&f, vlg, CNKG_REL_IMPLEMENTS_POLICY, p));
  CHECK(fixture_related(&f, twn, CNKG_REL_IMPLEMENTS_POLICY, p));
  CHECK(fixture_related(&f, cty, CNKG_REL_IMPLEMENTS_POLICY, p));
  p = fixture_find(&f, CNKG_TYPE_POLICY, "生态移民搬迁");
  CHECK(p != SIZE_MAX && fixture_related(&f, vlg2, CNKG_REL_IMPLEMENTS_POLICY, p));
  CHECK(!fixture_related(&f, cty2, CNKG_REL_IMPLEMENTS_POLICY, p));
  fixture_free(&f);

  /* the place a relative clause about the method describes carries it */
  fixture_init(&f, "在江南省率先推行积分兑换模式的黄土县,去年又有了新做法。\n");
  size_t desc = fixture_place(&f, "黄土县", CNKG_TYPE_COUNTY);
  fixture_place(&f, "江南省", CNKG_TYPE_PROVINCE);
  CHECK(cnkg_policy_run(rec, &f.st) == CNKG_SUCCESS);
  p = fixture_find(&f, CNKG_TYPE_POLICY, "积分兑换模式");
  CHECK(p != SIZE_MAX && fixture_related(&f, desc, CNKG_REL_IMPLEMENTS_POLICY, p));
  fixture_free(&f);

  /* 省委, 省政府 named without their province point at the province */
  fixture_init(&f, "江南省的黄土县这两年变化很大。\n"
                   "在上月召开的省委全会上,会议提出全面推行“积分兑换”。\n");
  size_t prov = fixture_place(&f, "江南省", CNKG_TYPE_PROVINCE);
  size_t cty3 = fixture_place(&f, "黄土县", CNKG_TYPE_COUNTY);
  CHECK(cnkg_policy_run(rec, &f.st) == CNKG_SUCCESS);
  p = fixture_find(&f, CNKG_TYPE_POLICY, "积分兑换");
  CHECK(p != SIZE_MAX && fixture_related(&f, prov, CNKG_REL_IMPLEMENTS_POLICY, p));
  CHECK(!fixture_related(&f, cty3, CNKG_REL_IMPLEMENTS_POLICY, p));
  fixture_free(&f);

  /* 行动 as a verb (行动起来) and 用实际行动 name no campaign */
  fixture_init(&f, "石门县的干部职工行动起来,用实际行动助力脱贫,实施百企帮百村行动。\n");
  fixture_place(&f, "石门县", CNKG_TYPE_COUNTY);
  CHECK(cnkg_policy_run(rec, &f.st) == CNKG_SUCCESS);
  CHECK_EQ(fixture_find(&f, CNKG_TYPE_POLICY, "干部职工行动"), SIZE_MAX);
  CHECK_EQ(fixture_find(&f, CNKG_TYPE_POLICY, "用实际行动"), SIZE_MAX);
  CHECK(fixture_find(&f, CNKG_TYPE_POLICY, "百企帮百村行动") != SIZE_MAX);
  fixture_free(&f);
}

int main(void) {
  char err[256] = "";
  CnkgPolicyRecognizer *rec = NULL;
  CHECK(cnkg_policy_new(NULL, &rec, err, sizeof err) == CNKG_SUCCESS);
  char *s = fixture_data("industry_policy.txt");
  Fixture f;
  fixture_init(&f, s);
  size_t county = fixture_place(&f, "云岭县", CNKG_TYPE_COUNTY);
  size_t village = fixture_place(&f, "花溪村", CNKG_TYPE_VILLAGE);
  CHECK(cnkg_policy_run(rec, &f.st) == CNKG_SUCCESS);

  size_t four = fixture_find(&f, CNKG_TYPE_POLICY, "四个不摘");
  CHECK(four != SIZE_MAX);
  /* the expansion is an alias, not a policy of its own */
  CHECK_EQ(fixture_find(&f, CNKG_TYPE_POLICY, "摘帽不摘责任、不摘政策、不摘帮扶、不摘监管"), four);
  CHECK(fixture_related(&f, county, CNKG_REL_IMPLEMENTS_POLICY, four));

  size_t three = fixture_find(&f, CNKG_TYPE_POLICY, "三单制");
  CHECK(three != SIZE_MAX);
  /* title and body name it the same way: one policy */
  size_t n_three = 0;
  for (size_t i = 0; i < cnkg_graph_entity_count(f.graph); i++) {
    const CnkgEntity *e = cnkg_graph_entity(f.graph, i);
    if (e->type == CNKG_TYPE_POLICY && strstr(e->label, "三单制")) n_three++;
  }
  CHECK_EQ(n_three, 1);
  CHECK(fixture_related(&f, county, CNKG_REL_IMPLEMENTS_POLICY, three));

  size_t lx = fixture_find(&f, CNKG_TYPE_POLICY, "两学一做");
  CHECK(lx != SIZE_MAX);
  CHECK(fixture_related(&f, county, CNKG_REL_IMPLEMENTS_POLICY, lx));
  CHECK(fixture_find(&f, CNKG_TYPE_POLICY, "1+1+N") != SIZE_MAX);

  size_t move = fixture_find(&f, CNKG_TYPE_POLICY, "易地扶贫搬迁");
  size_t loan = fixture_find(&f, CNKG_TYPE_POLICY, "小额扶贫贷款");
  CHECK(move != SIZE_MAX && loan != SIZE_MAX);
  CHECK(fixture_related(&f, village, CNKG_REL_IMPLEMENTS_POLICY, move));
  CHECK(fixture_related(&f, village, CNKG_REL_IMPLEMENTS_POLICY, loan));
  CHECK(!fixture_related(&f, county, CNKG_REL_IMPLEMENTS_POLICY, loan));

  CHECK(fixture_find(&f, CNKG_TYPE_POLICY, "三会一课") != SIZE_MAX);
  /* a name quoted inside a quotation */
  CHECK(fixture_find(&f, CNKG_TYPE_POLICY, "一事一议") != SIZE_MAX);
  /* a component of 五个一批 stays apart from the scheme it names */
  size_t part = fixture_find(&f, CNKG_TYPE_POLICY, "易地扶贫搬迁脱贫一批");
  CHECK(part != SIZE_MAX && part != move);
  /* 该县 points at the county even where the paragraph is about a village */
  size_t visits = fixture_find(&f, CNKG_TYPE_POLICY, "两访一问");
  CHECK(visits != SIZE_MAX);
  CHECK(fixture_related(&f, county, CNKG_REL_IMPLEMENTS_POLICY, visits));
  CHECK(!fixture_related(&f, village, CNKG_REL_IMPLEMENTS_POLICY, visits));
  /* a quoted attitude is not a policy */
  CHECK(fixture_find(&f, CNKG_TYPE_POLICY, "等靠要") == SIZE_MAX);

  fixture_free(&f);
  free(s);
  test_more_names(rec);
  cnkg_policy_free(rec);
  cnkg_policy_free(NULL);
  return check_finish();
}
