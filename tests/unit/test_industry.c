/* SPDX-License-Identifier: Apache-2.0
 * Tests for extractor/industry.c on text written for the purpose
 * (tests/data/industry_sample.txt): product lists under 发展, sector words,
 * one industry for 养蜂 and 中蜂养殖, the carrying place in the sentence. */
#include "check.h"
#include "extractor/recognizers.h"
#include "fakedoc.h"
#include "recog_fixture.h"

/* Lists with items the word lists do not know (written for the purpose;
 * the analyses are hand-made, lists confuse the real analyser). */
static void test_open_lists(const CnkgIndustryRecognizer *rec) {
  static const char *const doc[] = {
      /* 等 + class noun: every item is a crop */
      "基地/n 培育/v 了/u 桔梗/n 、/w 菊苣/n 、/w 刺五加/nz 等/u 20个/m 经营/vn 品种/n 。/w",
      /* a known product among them, after a producing verb */
      "柳溪村/LOC 种植/v 玉米/n 、/w 苍术/n 、/w 白芨/n ,/w 收成/n 不错/a 。/w",
      /* not lists of products: a list of problems, of tasks, goods without
       * a kind the lists know, people */
      "基层/n 组织/n 涣散/a 、/w 产业/n 基础/n 薄弱/a 等/u 问题/n 突出/a 。/w",
      "帮助/v 建强/v 班子/n 、/w 完善/v 基础设施/n 、/w 发展/v 主导/vn 产业/n 。/w",
      "编织/v 出/v 的/u 手机套/n 、/w 电脑包/n 、/w 挎包/n 等/u 产品/n 热销/v 。/w",
      "给/p 村/n 集体/n 、/w 合作社/n 和/c 村民/n 分红/v 。/w",
      /* a manner of raising is no product */
      "合作社/n 的/u 统一/a 管理/vn 、/w 高效/a 养殖/vn 成为/v 新/a 平台/n 。/w",
      NULL};
  static const FakePlace places[] = {{"柳溪村", CNKG_TYPE_VILLAGE},
                                     {NULL, CNKG_TYPE_COUNT}};
  FakeDoc *d = fake_doc_new(doc, places);
  CHECK_EQ(cnkg_industry_run(rec, &d->st), CNKG_SUCCESS);
  CHECK(fake_find(d, CNKG_TYPE_INDUSTRY, "桔梗种植") != SIZE_MAX);
  CHECK(fake_find(d, CNKG_TYPE_INDUSTRY, "菊苣种植") != SIZE_MAX);
  CHECK(fake_find(d, CNKG_TYPE_INDUSTRY, "刺五加种植") != SIZE_MAX);
  size_t village = fake_find(d, CNKG_TYPE_VILLAGE, "柳溪村");
  size_t herb = fake_find(d, CNKG_TYPE_INDUSTRY, "苍术种植");
  CHECK(herb != SIZE_MAX);
  CHECK(fake_find(d, CNKG_TYPE_INDUSTRY, "白芨种植") != SIZE_MAX);
  CHECK(fake_has(d, village, CNKG_REL_HAS_INDUSTRY, herb, NULL));
  static const char *const none[] = {"涣散", "涣散种植", "产业基础薄弱", "班子",
                                     "完善基础设施", "电脑包", "挎包", "合作社",
                                     "村民", "高效养殖", "统一管理养殖", NULL};
  for (size_t i = 0; none[i]; i++) CHECK_EQ(fake_find(d, CNKG_TYPE_INDUSTRY, none[i]), SIZE_MAX);
  fake_doc_free(d);
}

/* Products the word lists do not know, next to an activity (hand-made
 * analyses). */
static void test_open_activity(const CnkgIndustryRecognizer *rec) {
  static const char *const doc[] = {
      "村民/n 从事/v 人参/n 种植/v ,/w 效益/n 不错/a 。/w",
      "眼下/t 正/d 组织/v 人手/n 加工/v 橡子/n ,/w 忙/v 不/d 过来/v 。/w",
      "他/r 成立/v 了/u 藤椒种植/n 专业合作社/n 。/w",
      "全县/n 大力/d 发展/v 鹿茸/n 产业/n 。/w",
      /* not products: modifiers of 产业, determiners, firms, extents */
      "壮大/v 特色/n 产业/n 和/c 扶贫/vn 产业/n 。/w",
      "全村/n 种植/v 面积/n 扩大/v ,/w 再/d 交给/v 公司/n 加工/v 。/w",
      "今年/t 大面积/n 种植/v ,/w 收成/n 好/a 。/w",
      NULL};
  FakeDoc *d = fake_doc_new(doc, NULL);
  CHECK_EQ(cnkg_industry_run(rec, &d->st), CNKG_SUCCESS);
  CHECK(fake_find(d, CNKG_TYPE_INDUSTRY, "人参种植") != SIZE_MAX);
  CHECK(fake_find(d, CNKG_TYPE_INDUSTRY, "橡子加工") != SIZE_MAX);
  CHECK(fake_find(d, CNKG_TYPE_INDUSTRY, "藤椒种植") != SIZE_MAX);
  CHECK(fake_find(d, CNKG_TYPE_INDUSTRY, "鹿茸种植") != SIZE_MAX);
  static const char *const none[] = {"人手加工", "特色种植", "扶贫种植", "特色产业",
                                     "全村种植", "公司加工", "大面积种植",
                                     "面积种植", NULL};
  for (size_t i = 0; none[i]; i++) CHECK_EQ(fake_find(d, CNKG_TYPE_INDUSTRY, none[i]), SIZE_MAX);
  fake_doc_free(d);
}

/* A co-operative's name says its trade, unless it names its members
 * (hand-made analyses, the names as organisations). */
static void test_coop_names(const CnkgIndustryRecognizer *rec) {
  static const char *const doc[] = {
      "他/r 成立/v 了/u 青禾/nz 银杏/n 种植/v 合作社/n 。/w",
      "她/r 加入/v 了/u 红山/nz 青年/n 养殖/v 合作社/n 。/w",
      NULL};
  static const FakePlace orgs[] = {{"青禾银杏种植合作社", CNKG_TYPE_ORGANIZATION},
                                   {"红山青年养殖合作社", CNKG_TYPE_ORGANIZATION},
                                   {NULL, 0}};
  FakeDoc *d = fake_doc_new(doc, orgs);
  CHECK_EQ(cnkg_industry_run(rec, &d->st), CNKG_SUCCESS);
  CHECK(fake_find(d, CNKG_TYPE_INDUSTRY, "银杏种植") != SIZE_MAX);
  CHECK_EQ(fake_find(d, CNKG_TYPE_INDUSTRY, "青年养殖"), SIZE_MAX);
  fake_doc_free(d);
}

/* 集A、B、C为一体: each item an industry, or one product's activities. */
static void test_integrated(const CnkgIndustryRecognizer *rec) {
  Fixture f;
  fixture_init(&f, "青禾公司是一家集生态养老、文旅研学、休闲农业为一体的企业。"
                   "白云参业公司集鹿茸养殖、加工、销售于一体。\n"
                   "这本手册集政策宣传、解读、操作流程等功能为一体。"
                   "这里曾经集“老、边、山、穷”于一体。\n"
                   "全县牧业和冷链物流发展迅速。");
  CHECK(cnkg_industry_run(rec, &f.st) == CNKG_SUCCESS);
  CHECK(fixture_find(&f, CNKG_TYPE_INDUSTRY, "生态养老") != SIZE_MAX);
  CHECK(fixture_find(&f, CNKG_TYPE_INDUSTRY, "文旅研学") != SIZE_MAX);
  CHECK(fixture_find(&f, CNKG_TYPE_INDUSTRY, "休闲农业") != SIZE_MAX);
  CHECK(fixture_find(&f, CNKG_TYPE_INDUSTRY, "鹿茸养殖") != SIZE_MAX);
  CHECK(fixture_find(&f, CNKG_TYPE_INDUSTRY, "鹿茸加工") != SIZE_MAX);
  CHECK(fixture_find(&f, CNKG_TYPE_INDUSTRY, "鹿茸销售") != SIZE_MAX);
  CHECK(fixture_find(&f, CNKG_TYPE_INDUSTRY, "加工") == SIZE_MAX);
  CHECK(fixture_find(&f, CNKG_TYPE_INDUSTRY, "政策宣传") == SIZE_MAX);
  CHECK(fixture_find(&f, CNKG_TYPE_INDUSTRY, "解读") == SIZE_MAX);
  CHECK(fixture_find(&f, CNKG_TYPE_INDUSTRY, "牧业") != SIZE_MAX);
  CHECK(fixture_find(&f, CNKG_TYPE_INDUSTRY, "冷链物流") != SIZE_MAX);
  CHECK_EQ(fixture_count(&f, CNKG_TYPE_INDUSTRY), 8);
  fixture_free(&f);
}

/* 集A、B、C为一体 where the first item is a product's step and the others
 * include steps the chain table does not distribute (储藏): no bare step
 * becomes an industry of its own. */
static void test_integrated_steps(const CnkgIndustryRecognizer *rec) {
  Fixture f;
  fixture_init(&f, "青川果业公司集蓝莓育苗、种植、冷藏、储藏、销售为一体。");
  CHECK(cnkg_industry_run(rec, &f.st) == CNKG_SUCCESS);
  static const char *const none[] = {"种植", "冷藏", "储藏", "销售", NULL};
  for (size_t i = 0; none[i]; i++)
    CHECK_EQ(fixture_find(&f, CNKG_TYPE_INDUSTRY, none[i]), SIZE_MAX);
  fixture_free(&f);
}

/* 大棚 beside a product (蔬菜大棚, 大棚葡萄) is a name of its industry
 * too, beside the product's own. */
static void test_shed_forms(const CnkgIndustryRecognizer *rec) {
  Fixture f;
  fixture_init(&f, "柳溪村新建的蔬菜大棚让不少农户增收。\n"
                   "石门村的大棚葡萄今年卖上了好价钱，带动农户致富。");
  CHECK(cnkg_industry_run(rec, &f.st) == CNKG_SUCCESS);
  size_t veg = fixture_find(&f, CNKG_TYPE_INDUSTRY, "蔬菜大棚");
  CHECK(veg != SIZE_MAX);
  CHECK_EQ(fixture_find(&f, CNKG_TYPE_INDUSTRY, "蔬菜"), veg);
  size_t grape = fixture_find(&f, CNKG_TYPE_INDUSTRY, "大棚葡萄");
  CHECK(grape != SIZE_MAX);
  CHECK_EQ(fixture_find(&f, CNKG_TYPE_INDUSTRY, "葡萄"), grape);
  fixture_free(&f);
}

int main(void) {
  char err[256] = "";
  CnkgIndustryRecognizer *rec = NULL;
  CHECK(cnkg_industry_new(NULL, &rec, err, sizeof err) == CNKG_SUCCESS);
  char *s = fixture_data("industry_sample.txt");
  Fixture f;
  fixture_init(&f, s);
  size_t county = fixture_place(&f, "青石县", CNKG_TYPE_COUNTY);
  size_t liuxi = fixture_place(&f, "柳溪村", CNKG_TYPE_VILLAGE);
  size_t shimen = fixture_place(&f, "石门村", CNKG_TYPE_VILLAGE);
  /* an empty place span right after a name must not trap the search for
   * the place a paragraph is about (it once looped forever) */
  {
    const char *p = strstr(f.text.norm, "全县");
    size_t b = (size_t)(p - f.text.norm);
    size_t si = cnkg_docstate_sentence_at(&f.st, b);
    CHECK(cnkg_docstate_mention(&f.st, county, si, b, b) == CNKG_SUCCESS);
    CHECK(cnkg_docstate_mention(&f.st, county, si, b, b) == CNKG_SUCCESS);
  }
  size_t zhulin = fixture_place(&f, "竹林村", CNKG_TYPE_VILLAGE);
  CHECK(cnkg_industry_run(rec, &f.st) == CNKG_SUCCESS);

  /* 发展蜜桃、小枣、杨梅等特色种植 -> three industries */
  size_t peach = fixture_find(&f, CNKG_TYPE_INDUSTRY, "蜜桃种植");
  size_t jujube = fixture_find(&f, CNKG_TYPE_INDUSTRY, "小枣种植");
  size_t bayberry = fixture_find(&f, CNKG_TYPE_INDUSTRY, "杨梅种植");
  CHECK(peach != SIZE_MAX && jujube != SIZE_MAX && bayberry != SIZE_MAX);
  CHECK(peach != jujube && jujube != bayberry);
  CHECK(fixture_related(&f, county, CNKG_REL_HAS_INDUSTRY, peach));
  CHECK(fixture_related(&f, county, CNKG_REL_HAS_INDUSTRY, bayberry));

  /* sector words */
  size_t crops = fixture_find(&f, CNKG_TYPE_INDUSTRY, "种植业");
  size_t stock = fixture_find(&f, CNKG_TYPE_INDUSTRY, "养殖业");
  size_t tour = fixture_find(&f, CNKG_TYPE_INDUSTRY, "乡村旅游");
  CHECK(crops != SIZE_MAX && stock != SIZE_MAX && tour != SIZE_MAX);
  CHECK(fixture_find(&f, CNKG_TYPE_INDUSTRY, "电商") != SIZE_MAX);
  /* no place in that sentence: the paragraph's place carries them */
  CHECK(fixture_related(&f, county, CNKG_REL_HAS_INDUSTRY, crops));

  /* 养蜂 and 中蜂养殖: one industry, the other form an alias */
  size_t bees = fixture_find(&f, CNKG_TYPE_INDUSTRY, "中蜂养殖");
  CHECK(bees != SIZE_MAX);
  CHECK_EQ(fixture_find(&f, CNKG_TYPE_INDUSTRY, "养蜂"), bees);
  CHECK(fixture_related(&f, liuxi, CNKG_REL_HAS_INDUSTRY, bees));
  CHECK(!fixture_related(&f, shimen, CNKG_REL_HAS_INDUSTRY, bees));

  /* 种植土豆、荞麦 and X规模化养殖 at the place of the sentence */
  size_t potato = fixture_find(&f, CNKG_TYPE_INDUSTRY, "土豆种植");
  size_t goat = fixture_find(&f, CNKG_TYPE_INDUSTRY, "黑山羊养殖");
  CHECK(potato != SIZE_MAX && goat != SIZE_MAX);
  CHECK(fixture_find(&f, CNKG_TYPE_INDUSTRY, "荞麦种植") != SIZE_MAX);
  CHECK(fixture_related(&f, shimen, CNKG_REL_HAS_INDUSTRY, goat));
  CHECK(fixture_related(&f, shimen, CNKG_REL_HAS_INDUSTRY, potato));
  CHECK(!fixture_related(&f, county, CNKG_REL_HAS_INDUSTRY, goat));
  /* 蜂蜜 and 山区 are not industries of their own */
  CHECK(fixture_find(&f, CNKG_TYPE_INDUSTRY, "蜂蜜") == SIZE_MAX);

  /* crafts made in a workshop */
  size_t embroidery = fixture_find(&f, CNKG_TYPE_INDUSTRY, "刺绣");
  CHECK(embroidery != SIZE_MAX);
  CHECK(fixture_find(&f, CNKG_TYPE_INDUSTRY, "鞋垫") != SIZE_MAX);
  CHECK(fixture_related(&f, zhulin, CNKG_REL_HAS_INDUSTRY, embroidery));

  /* same industry name -> same key across documents */
  char *k1 = cnkg_graph_key_hash(CNKG_TYPE_INDUSTRY, "中蜂养殖", NULL);
  CHECK_STR(cnkg_graph_entity(f.graph, bees)->key, k1);
  free(k1);

  fixture_free(&f);
  free(s);
  test_open_lists(rec);
  test_open_activity(rec);
  test_coop_names(rec);
  test_integrated(rec);
  test_integrated_steps(rec);
  test_shed_forms(rec);
  cnkg_industry_free(rec);
  cnkg_industry_free(NULL);
  return check_finish();
}
