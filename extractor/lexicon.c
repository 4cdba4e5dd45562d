/* SPDX-License-Identifier: Apache-2.0
 * Static word lists for industries and policies (written for this project:
 * general Chinese agricultural, craft, service and policy vocabulary) and the
 * carrier rule shared by industry.c and policy.c. Depends on lexicon.h,
 * wordlist.h, graph.h and docstate.h; no allocation but the word list's
 * index (wordlist.c, built on first use). */
#include "extractor/lexicon.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define C CNKG_LEX_CROP
#define A CNKG_LEX_ANIMAL
#define K CNKG_LEX_CRAFT
#define S CNKG_LEX_SECTOR
#define P CNKG_LEX_POLICY

static const CnkgLexEntry entries[] = {
  /* grain, oil and cash crops */
  {"玉米", C, NULL, NULL, false}, {"水稻", C, NULL, NULL, false},
  {"小麦", C, NULL, NULL, false}, {"土豆", C, NULL, NULL, false},
  {"马铃薯", C, NULL, NULL, false}, {"红薯", C, NULL, NULL, false},
  {"甘薯", C, NULL, NULL, false}, {"大豆", C, NULL, NULL, false},
  {"青稞", C, NULL, NULL, false}, {"油菜", C, NULL, NULL, false},
  {"花生", C, NULL, NULL, false}, {"芝麻", C, NULL, NULL, false},
  {"高粱", C, NULL, NULL, false}, {"荞麦", C, NULL, NULL, false},
  {"燕麦", C, NULL, NULL, false}, {"藜麦", C, NULL, NULL, false},
  {"小杂粮", C, NULL, NULL, false}, {"杂粮", C, NULL, NULL, false},
  {"烟叶", C, NULL, NULL, false}, {"烤烟", C, NULL, NULL, false},
  {"甘蔗", C, NULL, NULL, false}, {"棉花", C, NULL, NULL, false},
  {"蔬菜", C, NULL, NULL, false}, {"无公害蔬菜", C, NULL, "蔬菜", false},
  {"有机蔬菜", C, NULL, "蔬菜", false}, {"高山蔬菜", C, NULL, "蔬菜", false},
  {"辣椒", C, NULL, NULL, false}, {"小米辣", C, NULL, "辣椒", false},
  {"朝天椒", C, NULL, "辣椒", false}, {"红椒干", C, NULL, NULL, false},
  {"红干椒", C, NULL, NULL, false}, {"花椒", C, NULL, NULL, false},
  {"生姜", C, NULL, NULL, false}, {"大蒜", C, NULL, NULL, false},
  {"洋葱", C, NULL, NULL, false}, {"白菜", C, NULL, NULL, false},
  {"萝卜", C, NULL, NULL, false}, {"南瓜", C, NULL, NULL, false},
  {"冬瓜", C, NULL, NULL, false}, {"黄瓜", C, NULL, NULL, false},
  {"西红柿", C, NULL, NULL, false}, {"番茄", C, NULL, NULL, false},
  {"茄子", C, NULL, NULL, false}, {"豌豆", C, NULL, NULL, false},
  {"蚕豆", C, NULL, NULL, false}, {"魔芋", C, NULL, NULL, false},
  {"山药", C, NULL, NULL, false}, {"莲藕", C, NULL, NULL, false},
  {"韭菜", C, NULL, NULL, false}, {"芦笋", C, NULL, NULL, false},
  /* fungi and herbs */
  {"食用菌", C, NULL, NULL, false}, {"木耳", C, NULL, NULL, false},
  {"黑木耳", C, NULL, "木耳", false}, {"香菇", C, NULL, NULL, false},
  {"平菇", C, NULL, NULL, false}, {"羊肚菌", C, NULL, NULL, false},
  {"野生菌", C, NULL, NULL, false}, {"灵芝", C, NULL, NULL, false},
  {"天麻", C, NULL, NULL, false}, {"中药材", C, NULL, NULL, false},
  {"药材", C, NULL, NULL, false}, {"党参", C, NULL, NULL, false},
  {"黄芪", C, NULL, NULL, false}, {"当归", C, NULL, NULL, false},
  {"金银花", C, NULL, NULL, false}, {"枸杞", C, NULL, NULL, false},
  {"菊花", C, NULL, NULL, false}, {"皇菊", C, NULL, NULL, false},
  {"杜仲", C, NULL, NULL, false}, {"重楼", C, NULL, NULL, false},
  /* tea, fruit, nuts, trees, grass */
  {"茶叶", C, NULL, NULL, false}, {"茶", C, "茶叶", NULL, true},
  {"白茶", C, NULL, "茶叶", false}, {"红茶", C, NULL, "茶叶", false},
  {"绿茶", C, NULL, "茶叶", false}, {"黄金茶", C, NULL, "茶叶", false},
  {"茶园", C, "茶叶", NULL, true},
  {"苹果", C, NULL, NULL, false}, {"梨", C, NULL, NULL, true},
  {"红梨", C, NULL, "梨", false}, {"香梨", C, NULL, "梨", false},
  {"雪梨", C, NULL, "梨", false}, {"桃", C, NULL, NULL, true},
  {"蜜桃", C, NULL, "桃", false}, {"冬桃", C, NULL, "桃", false},
  {"血桃", C, NULL, "桃", false}, {"油桃", C, NULL, "桃", false},
  {"黄桃", C, NULL, "桃", false}, {"桃李", C, NULL, NULL, false},
  {"李子", C, NULL, NULL, false}, {"杏", C, NULL, NULL, true},
  {"樱桃", C, NULL, NULL, false}, {"葡萄", C, NULL, NULL, false},
  {"草莓", C, NULL, NULL, false}, {"蓝莓", C, NULL, NULL, false},
  {"猕猴桃", C, NULL, NULL, false}, {"柑橘", C, NULL, NULL, false},
  {"脐橙", C, NULL, NULL, false}, {"红橙", C, NULL, NULL, false},
  {"蜜柚", C, NULL, NULL, false}, {"柚子", C, NULL, NULL, false},
  {"柠檬", C, NULL, NULL, false}, {"芒果", C, NULL, NULL, false},
  {"香蕉", C, NULL, NULL, false}, {"荔枝", C, NULL, NULL, false},
  {"龙眼", C, NULL, NULL, false}, {"火龙果", C, NULL, NULL, false},
  {"石榴", C, NULL, NULL, false}, {"枣", C, NULL, NULL, true},
  {"小枣", C, NULL, "枣", false}, {"红枣", C, NULL, "枣", false},
  {"冬枣", C, NULL, "枣", false}, {"杨梅", C, NULL, NULL, false},
  {"柿子", C, NULL, NULL, false}, {"西瓜", C, NULL, NULL, false},
  {"甜瓜", C, NULL, NULL, false}, {"哈密瓜", C, NULL, NULL, false},
  {"核桃", C, NULL, NULL, false}, {"板栗", C, NULL, NULL, false},
  {"榛子", C, NULL, NULL, false}, {"油茶", C, NULL, NULL, false},
  {"林果", C, NULL, NULL, false}, {"水果", C, NULL, NULL, false},
  {"特色水果", C, NULL, "水果", false}, {"干果", C, NULL, NULL, false},
  {"苗木", C, NULL, NULL, false}, {"花卉", C, NULL, NULL, false},
  {"油松", C, NULL, NULL, false}, {"白皮松", C, NULL, NULL, false},
  {"香根草", C, NULL, NULL, false}, {"牧草", C, NULL, NULL, false},
  {"人工牧草", C, NULL, "牧草", false}, {"青贮玉米", C, NULL, NULL, false},
  {"竹子", C, NULL, NULL, false}, {"咖啡", C, NULL, NULL, false},
  {"橡胶", C, NULL, NULL, false}, {"沙棘", C, NULL, NULL, false},
  {"桑", C, NULL, NULL, true},
  /* livestock, poultry, bees, fish */
  {"牛", A, "肉牛", NULL, true}, {"肉牛", A, NULL, "牛", false},
  {"黄牛", A, NULL, "牛", false}, {"奶牛", A, NULL, "牛", false},
  {"牦牛", A, NULL, "牛", false}, {"西门塔尔牛", A, NULL, "牛", false},
  {"羊", A, NULL, NULL, true}, {"山羊", A, NULL, "羊", false},
  {"绵羊", A, NULL, "羊", false}, {"黑山羊", A, NULL, "羊", false},
  {"绒山羊", A, NULL, "羊", false}, {"湖羊", A, NULL, "羊", false},
  {"滩羊", A, NULL, "羊", false}, {"肉羊", A, NULL, "羊", false},
  {"牛羊", A, NULL, NULL, false}, {"猪", A, "生猪", NULL, true},
  {"生猪", A, NULL, "猪", false}, {"黑猪", A, NULL, "猪", false},
  {"种猪", A, NULL, NULL, false}, {"母猪", A, NULL, "猪", false},
  {"鸡", A, NULL, NULL, true}, {"土鸡", A, NULL, "鸡", false},
  {"乌骨鸡", A, NULL, "鸡", false}, {"生态土鸡", A, NULL, "鸡", false},
  {"蛋鸡", A, NULL, "鸡", false}, {"肉鸡", A, NULL, "鸡", false},
  {"鸭", A, NULL, NULL, true}, {"鹅", A, NULL, NULL, true},
  {"兔", A, NULL, NULL, true}, {"肉兔", A, NULL, "兔", false},
  {"驴", A, NULL, NULL, true}, {"骆驼", A, NULL, NULL, false},
  {"驼", A, NULL, NULL, true}, {"鹿", A, NULL, NULL, true},
  {"梅花鹿", A, NULL, "鹿", false}, {"蜂", A, NULL, NULL, true},
  {"中蜂", A, NULL, "蜂", false}, {"蜜蜂", A, NULL, "蜂", false},
  {"蚕", A, NULL, NULL, true}, {"桑蚕", A, NULL, "蚕", false},
  {"大牲畜", A, NULL, NULL, false}, {"畜禽", A, NULL, NULL, false},
  {"家禽", A, NULL, NULL, false}, {"牲畜", A, NULL, NULL, false},
  {"鱼", A, NULL, NULL, true}, {"鱼苗", A, NULL, NULL, false},
  {"冷水鱼", A, NULL, "鱼", false}, {"鲟鱼", A, NULL, "鱼", false},
  {"虾", A, NULL, NULL, true}, {"小龙虾", A, NULL, "虾", false},
  {"螃蟹", A, NULL, NULL, false}, {"大闸蟹", A, NULL, NULL, false},
  {"泥鳅", A, NULL, NULL, false}, {"黄鳝", A, NULL, NULL, false},
  {"甲鱼", A, NULL, NULL, false}, {"水产", A, NULL, NULL, false},
  {"渔业", A, NULL, NULL, false},
  /* crafts and processed goods */
  {"盐雕", K, NULL, NULL, false}, {"刺绣", K, NULL, NULL, false},
  {"蜡染", K, NULL, NULL, false}, {"竹编", K, NULL, NULL, false},
  {"草编", K, NULL, NULL, false}, {"藤编", K, NULL, NULL, false},
  {"羊毛", K, NULL, NULL, true}, {"剪纸", K, NULL, NULL, false},
  {"陶瓷", K, NULL, NULL, false}, {"木雕", K, NULL, NULL, false},
  {"石雕", K, NULL, NULL, false}, {"根雕", K, NULL, NULL, false},
  {"皮纸", K, NULL, NULL, false}, {"手工皮纸", K, NULL, "皮纸", false},
  {"鞋垫", K, NULL, NULL, false}, {"手工鞋垫", K, NULL, "鞋垫", false},
  {"唐卡", K, NULL, NULL, false}, {"银饰", K, NULL, NULL, false},
  {"粉条", K, NULL, NULL, false}, {"粉丝", K, NULL, NULL, true},
  {"豆腐", K, NULL, NULL, false}, {"豆腐皮", K, NULL, NULL, false},
  {"腐竹", K, NULL, NULL, false}, {"挂面", K, NULL, NULL, false},
  {"蜜酒", K, NULL, NULL, false}, {"白酒", K, NULL, NULL, false},
  {"红酒", K, NULL, NULL, false}, {"葡萄酒", K, NULL, NULL, false},
  {"腊肉", K, NULL, NULL, false}, {"有机肥", K, NULL, NULL, false},
  {"饲料", K, NULL, NULL, true}, {"农产品", K, NULL, NULL, true},
  {"服装", K, NULL, NULL, true}, {"箱包", K, NULL, NULL, true},
  {"全羊", K, NULL, NULL, true}, {"种植养殖", S, NULL, NULL, false},
  {"肉制品", K, NULL, NULL, true}, {"茶油", K, NULL, NULL, false},
  {"菜籽油", K, NULL, NULL, false}, {"热敷盐袋", K, NULL, NULL, false},
  {"民族手工艺", K, NULL, NULL, false}, {"手工艺品", K, NULL, NULL, false},
  /* complete sector and service names */
  {"种植业", S, NULL, NULL, false}, {"现代种植业", S, NULL, "种植业", false},
  {"养殖业", S, NULL, NULL, false}, {"畜牧业", S, NULL, NULL, false},
  {"林业", S, NULL, NULL, true}, {"旅游业", S, NULL, NULL, false},
  {"手工业", S, NULL, NULL, false}, {"农产品加工业", S, NULL, NULL, false},
  {"加工业", S, NULL, NULL, true}, {"服务业", S, NULL, NULL, true},
  {"包装业", S, NULL, NULL, false}, {"铸造业", S, NULL, NULL, false},
  {"物流业", S, NULL, NULL, false}, {"商贸物流业", S, NULL, NULL, false},
  {"商贸物流", S, NULL, NULL, false}, {"新能源业", S, NULL, NULL, false},
  {"新能源", S, NULL, NULL, false}, {"矿产业", S, NULL, NULL, false},
  {"制造业", S, NULL, NULL, true}, {"建筑业", S, NULL, NULL, true},
  {"餐饮业", S, NULL, NULL, false}, {"乡村旅游", S, NULL, NULL, false},
  {"生态旅游", S, NULL, NULL, false}, {"农业生态旅游", S, NULL, NULL, false},
  {"全域旅游", S, NULL, NULL, false}, {"红色旅游", S, NULL, NULL, false},
  {"旅游产业", S, NULL, NULL, false}, {"旅游服务", S, NULL, NULL, false},
  {"休闲农业", S, NULL, NULL, false}, {"高效农业", S, NULL, NULL, false},
  {"生态农业", S, NULL, NULL, false}, {"设施农业", S, NULL, NULL, false},
  {"特色农业", S, NULL, NULL, true}, {"高原特色农业", S, NULL, NULL, false},
  {"观光农业", S, NULL, NULL, false}, {"庭院经济", S, NULL, NULL, false},
  {"林下经济", S, NULL, NULL, false}, {"农家乐", S, NULL, NULL, false},
  {"民宿", S, NULL, NULL, false}, {"特色民宿", S, NULL, "民宿", false},
  {"家庭旅馆", S, NULL, NULL, false}, {"家庭酒店", S, NULL, NULL, false},
  {"电子商务", S, NULL, NULL, false}, {"电商", S, NULL, NULL, false},
  {"农村电商", S, NULL, NULL, false}, {"家庭手工", S, NULL, NULL, false},
  {"规模养殖", S, NULL, NULL, false}, {"特色种植", S, NULL, NULL, true},
  {"草畜一体化", S, NULL, NULL, false}, {"家政服务", S, NULL, NULL, false},
  {"光伏发电", S, NULL, NULL, false}, {"光伏", S, NULL, NULL, false},
  {"风电", S, NULL, NULL, false}, {"小水电", S, NULL, NULL, false},
  {"沼气", S, NULL, NULL, true}, {"劳务输出", S, NULL, NULL, false},
  {"采摘", S, NULL, NULL, true}, {"康养", S, NULL, NULL, true},
  {"沙产业", S, NULL, NULL, false}, {"沙草产业", S, NULL, NULL, false},
  {"驼产业", S, NULL, NULL, false}, {"畜牧产业", S, NULL, NULL, false},
  {"畜牧", S, "畜牧业", NULL, true}, {"牧业", S, NULL, NULL, false},
  {"农牧业", S, NULL, NULL, false}, {"种养业", S, NULL, NULL, false},
  {"林果业", S, NULL, NULL, false}, {"劳务经济", S, NULL, NULL, false},
  {"直播带货", S, NULL, NULL, false}, {"直播电商", S, NULL, NULL, false},
  {"研学旅游", S, NULL, NULL, false}, {"文化旅游", S, NULL, NULL, false},
  {"休闲旅游", S, NULL, NULL, false}, {"康养产业", S, NULL, NULL, false},
  {"养老服务", S, NULL, NULL, false}, {"冷链物流", S, NULL, NULL, false},
  /* national schemes, campaigns and numbered working methods */
  {"精准扶贫", P, NULL, NULL, false}, {"精准脱贫", P, "精准扶贫", NULL, false},
  {"脱贫攻坚", P, NULL, NULL, false}, {"脱贫攻坚战", P, "脱贫攻坚", NULL, false},
  {"乡村振兴", P, NULL, NULL, false}, {"乡村振兴战略", P, "乡村振兴", NULL, false},
  {"易地扶贫搬迁", P, NULL, NULL, false}, {"异地扶贫搬迁", P, NULL, NULL, false},
  {"易地搬迁", P, "易地扶贫搬迁", NULL, false}, {"生态移民", P, NULL, NULL, false},
  {"小额扶贫贷款", P, NULL, NULL, false}, {"扶贫小额信贷", P, NULL, NULL, false},
  {"小额信贷", P, NULL, NULL, false}, {"小额金融贷款", P, NULL, NULL, false},
  {"退耕还林", P, NULL, NULL, false}, {"退耕还草", P, NULL, NULL, false},
  {"退牧还草", P, NULL, NULL, false}, {"消费扶贫", P, NULL, NULL, false},
  {"产业扶贫", P, NULL, NULL, true}, {"光伏扶贫", P, NULL, NULL, false},
  {"电商扶贫", P, NULL, NULL, true}, {"旅游扶贫", P, NULL, NULL, true},
  {"教育扶贫", P, NULL, NULL, true}, {"健康扶贫", P, NULL, NULL, true},
  {"金融扶贫", P, NULL, NULL, true}, {"生态扶贫", P, NULL, NULL, true},
  {"就业扶贫", P, NULL, NULL, true}, {"科技扶贫", P, NULL, NULL, true},
  {"精神扶贫", P, NULL, NULL, false}, {"精神脱贫", P, NULL, NULL, false},
  {"扶贫夜校", P, NULL, NULL, false}, {"农民夜校", P, NULL, NULL, false},
  {"东西部扶贫协作", P, NULL, NULL, false}, {"定点扶贫", P, NULL, NULL, false},
  {"定点帮扶", P, NULL, NULL, true}, {"结对帮扶", P, NULL, NULL, true},
  {"驻村帮扶", P, NULL, NULL, true}, {"挂包帮", P, NULL, NULL, false},
  {"转走访", P, NULL, NULL, false}, {"挂图作战", P, NULL, NULL, false},
  {"建档立卡", P, NULL, NULL, false}, {"整村推进", P, NULL, NULL, false},
  {"扶贫整村推进", P, "整村推进", NULL, false}, {"整乡推进", P, NULL, NULL, false},
  {"扶贫整乡推进", P, "整乡推进", NULL, false}, {"危房改造", P, NULL, NULL, false},
  {"农村危房改造", P, "危房改造", NULL, false}, {"农村低保", P, NULL, NULL, false},
  {"低保", P, NULL, NULL, false}, {"五保", P, NULL, NULL, false},
  {"特困供养", P, NULL, NULL, false}, {"大病救助", P, NULL, NULL, false},
  {"大病保险", P, NULL, NULL, false}, {"医疗救助", P, NULL, NULL, false},
  {"临时救助", P, NULL, NULL, false}, {"雨露计划", P, NULL, NULL, false},
  {"资产收益", P, NULL, NULL, false}, {"资产收益扶贫", P, "资产收益", NULL, false},
  {"陡坡地治理", P, NULL, NULL, false}, {"土地银行", P, NULL, NULL, false},
  {"三变改革", P, NULL, NULL, false}, {"河长制", P, NULL, NULL, false},
  {"林长制", P, NULL, NULL, false}, {"生态补偿", P, NULL, NULL, true},
  {"美丽乡村建设", P, NULL, NULL, false}, {"美丽宜居乡村建设", P, NULL, NULL, false},
  {"人居环境整治", P, NULL, NULL, true}, {"厕所革命", P, NULL, NULL, false},
  {"主题党日", P, NULL, NULL, false}, {"党员中心户", P, NULL, NULL, false},
  {"第一书记", P, NULL, NULL, true}, {"智慧党建", P, NULL, NULL, false},
  {"两不愁三保障", P, NULL, NULL, false}, {"两不愁、三保障", P, "两不愁三保障", NULL, false},
  {"一达标两不愁三保障", P, NULL, NULL, false}, {"三会一课", P, NULL, NULL, false},
  {"两学一做", P, NULL, NULL, false}, {"五个一批", P, NULL, NULL, false},
  {"六个精准", P, NULL, NULL, false}, {"四个不摘", P, NULL, NULL, false},
  {"四议两公开", P, NULL, NULL, false}, {"一村一品", P, NULL, NULL, false},
  {"一户一策", P, NULL, NULL, false}, {"一村一策", P, NULL, NULL, false},
  {"三重一大", P, NULL, NULL, false}, {"一肩挑", P, NULL, NULL, false},
  {"回头看", P, NULL, NULL, true}, {"双组长制", P, NULL, NULL, false},
  {"五级书记抓扶贫", P, NULL, NULL, false}, {"三级书记抓扶贫", P, NULL, NULL, false},
  {"抓党建促脱贫攻坚", P, NULL, NULL, false}, {"抓党建促脱贫", P, "抓党建促脱贫攻坚", NULL, false},
  {"发展生产脱贫一批", P, NULL, NULL, false}, {"易地扶贫搬迁脱贫一批", P, NULL, NULL, false},
  {"易地搬迁脱贫一批", P, NULL, NULL, false}, {"生态补偿脱贫一批", P, NULL, NULL, false},
  {"发展教育脱贫一批", P, NULL, NULL, false}, {"社会保障兜底一批", P, NULL, NULL, false},
  {"劳动力转移培训", P, NULL, NULL, false}, {"农村劳动力转移培训", P, "劳动力转移培训", NULL, false},
  {"以工代赈", P, NULL, NULL, false}, {"村村通", P, NULL, NULL, false},
};

#undef C
#undef A
#undef K
#undef S
#undef P

/* The word list is indexed once (wordlist.c), so a lookup tries only the
 * entries that share the text's character; the first of those, in the
 * index's order (longest, then table order), whose class is wanted is the
 * entry a scan of the whole table would pick. */
static CnkgWordList entry_words = CNKG_WORDLIST_FIELD(entries, word);

const CnkgLexEntry *cnkg_lexicon_at(const char *s, size_t pos, size_t limit,
                                    unsigned mask) {
  size_t cursor = 0, i;
  while ((i = cnkg_wordlist_next_at(&entry_words, s, pos, limit, &cursor)) != SIZE_MAX)
    if (mask & (1u << entries[i].cls)) return &entries[i];
  return NULL;
}

const CnkgLexEntry *cnkg_lexicon_before(const char *s, size_t floor,
                                        size_t end, unsigned mask) {
  size_t cursor = 0, i;
  while ((i = cnkg_wordlist_next_before(&entry_words, s, floor, end, &cursor)) != SIZE_MAX)
    if (mask & (1u << entries[i].cls)) return &entries[i];
  return NULL;
}

const CnkgLexEntry *cnkg_lexicon_find(const char *w, size_t len) {
  size_t i = cnkg_wordlist_find(&entry_words, w, len);
  return i == SIZE_MAX ? NULL : &entries[i];
}

size_t cnkg_lexicon_prev(const char *s, size_t floor, size_t end) {
  size_t i = end;
  while (i > floor) {
    i--;
    if (((unsigned char)s[i] & 0xC0u) != 0x80u) break;
  }
  return i;
}

/* ---- the carrier rule ---- */

/* Kinds of organisation that can carry an industry or a working method:
 * economic units and party organisations, not government offices in
 * general. The economic ones (first part) may also carry what a clause
 * names after them with other words between. */
static const char *const economic_kinds[] = {
  "合作社", "公司", "农场", "基地", "工坊", "企业", "集团", "厂", "联合社",
  "家庭农场", "旅馆", "酒店", "果业", "农牧", "养殖", "种植", "包装", "协会",
  NULL};
static const char *const party_kinds[] = {"党支部", "总支", "党委", NULL};

static bool label_has(const CnkgEntity *e, const char *const *kinds) {
  for (size_t i = 0; kinds[i]; i++)
    if (strstr(e->label, kinds[i])) return true;
  return false;
}

static bool org_can_carry(const CnkgGraph *g, size_t entity) {
  const CnkgEntity *e = cnkg_graph_entity(g, entity);
  if (!e || !e->label || strstr(e->label, "、")) return false;
  return label_has(e, economic_kinds) || label_has(e, party_kinds);
}

static bool org_is_economic(const CnkgGraph *g, size_t entity) {
  const CnkgEntity *e = cnkg_graph_entity(g, entity);
  if (!e || !e->label || strstr(e->label, "、")) return false;
  return label_has(e, economic_kinds);
}

/* A news outlet (X日报, X网): it reports policies, it does not carry them. */
static bool org_is_medium(const CnkgGraph *g, size_t entity) {
  static const char *const media[] = {"报", "网", "台", "刊", "频道", "客户端",
                                      "在线", "杂志社", "报社", NULL};
  const CnkgEntity *e = cnkg_graph_entity(g, entity);
  if (!e || !e->label) return true;
  size_t len = strlen(e->label);
  for (size_t i = 0; media[i]; i++)
    if (cnkg_wordlist_word_before(e->label, 0, len, media[i])) return true;
  return false;
}

/* An organisation that only borrows a place for its name: an enterprise
 * (江西省旅游集团) or a medium (湖南日报), as opposed to a body of the
 * place itself (X县商务局, X村党支部), whose place the text is about. */
static bool org_borrows_place(const CnkgGraph *g, size_t entity) {
  static const char *const media[] = {"报", "网", "台", "社", "刊", "频道",
                                      "客户端", NULL};
  const CnkgEntity *e = cnkg_graph_entity(g, entity);
  if (!e || !e->label) return false;
  if (label_has(e, economic_kinds)) return true;
  size_t len = strlen(e->label);
  for (size_t i = 0; media[i]; i++)
    if (cnkg_wordlist_word_before(e->label, 0, len, media[i])) return true;
  return false;
}

static bool add_unique(size_t *out, size_t *n, size_t max, size_t v) {
  for (size_t i = 0; i < *n; i++)
    if (out[i] == v) return true;
  if (*n >= max) return false;
  out[(*n)++] = v;
  return true;
}

/* List separators between peer carriers (A村、B村和C村). */
static const char *const peer_seps[] = {"、", "和", "及", "与", "以及", NULL};
static CnkgWordList peer_sep_list = CNKG_WORDLIST(peer_seps);

/* Words after which places are where goods go, not where they are made. */
static const char *const destination_verbs[] = {
  "销往", "运往", "发往", "远销", "销到", "销售到", "卖到", "运到", "出口到",
  "销至", "辐射", NULL};
static CnkgWordList destination_list = CNKG_WORDLIST(destination_verbs);

/* Words after a place that make it a neighbour (与X县交界). */
static const char *const border_words[] = {
  "交界", "接壤", "毗邻", "相邻", "相连", "相望", NULL};
static CnkgWordList border_list = CNKG_WORDLIST(border_words);

/* Words that say where something lies (位于X村). */
static const char *const located_words[] = {
  "位于", "地处", "坐落于", "坐落在", "落户", "建在", "落地", "设在", NULL};
static CnkgWordList located_list = CNKG_WORDLIST(located_words);

/* What follows a product when the place before it is where it is farmed
 * rather than a label of origin (江西村猕猴桃种植基地, not 砀山酥梨). */
static const char *const farm_words[] = {
  "种植", "养殖", "基地", "产业", "大棚", "加工", "园", "合作社", NULL};
static CnkgWordList farm_list = CNKG_WORDLIST(farm_words);

/* The span of sentence si of one of the given kinds (place, or the
 * organisation type) that ends exactly at pos, or NULL. */
static const CnkgSpan *span_ending(const CnkgDocState *st, size_t si,
                                   size_t pos, bool places) {
  for (size_t i = cnkg_docstate_first_span(st, si); i != SIZE_MAX;
       i = cnkg_docstate_next_span(st, i)) {
    const CnkgSpan *sp = &st->spans[i];
    bool kind = places ? cnkg_type_is_place(sp->type)
                       : sp->type == CNKG_TYPE_ORGANIZATION;
    if (kind && sp->end == pos && sp->begin < pos) return sp;
  }
  return NULL;
}

/* Whether place span sp names where things happen: not the origin label
 * of a product (砀山酥梨), not a part of an organisation's name
 * (江西省旅游集团; unless in_names), not where goods are sold to (销往西安、
 * 成都), not a neighbour (与X县交界). */
static bool place_carries_at(const CnkgDocState *st, const CnkgSpan *sp,
                             bool in_names) {
  const char *s = st->text->norm;
  const CnkgSentence *sen = &st->text->sentences[sp->sentence];
  size_t se = sen->end;
  const CnkgLexEntry *prod = cnkg_lexicon_at(s, sp->end, se, 0x7u);
  if (prod && !cnkg_wordlist_word_at(s, sp->end, se, "种") &&
      !cnkg_wordlist_word_at(s, sp->end, se, "养")) {
    size_t q = sp->end + strlen(prod->word);
    if (!cnkg_wordlist_at(&farm_list, s, q, se)) return false;
  }
  for (size_t i = cnkg_docstate_first_span(st, sp->sentence); i != SIZE_MAX;
       i = cnkg_docstate_next_span(st, i)) {
    const CnkgSpan *o = &st->spans[i];
    if (o->type == CNKG_TYPE_ORGANIZATION && o->begin <= sp->begin &&
        o->end >= sp->end && o->end - o->begin > sp->end - sp->begin &&
        !in_names && org_borrows_place(st->graph, o->entity))
      return false;
  }
  /* back over the list this place is in, to the word that governs it */
  size_t j = sp->begin;
  bool with = false; /* 与/同/和 X …: X is what the subject is compared to */
  for (int k = 0; k < 24 && j > sen->begin; k++) {
    if (cnkg_wordlist_before(&destination_list, s, sen->begin, j)) return false;
    if (cnkg_wordlist_word_before(s, sen->begin, j, "同") ||
        cnkg_wordlist_word_before(s, sen->begin, j, "跟") ||
        cnkg_wordlist_word_before(s, sen->begin, j, "与") ||
        cnkg_wordlist_word_before(s, sen->begin, j, "和"))
      with = true;
    size_t sep = cnkg_wordlist_before(&peer_sep_list, s, sen->begin, j);
    if (!sep && j > sen->begin && s[j - 1] == ',') sep = 1;
    if (sep) { j -= sep; continue; }
    const CnkgSpan *o = span_ending(st, sp->sentence, j, true);
    if (!o) break;
    j = o->begin;
  }
  if (!with) return true;
  /* forward over the chain and list to a border word: a neighbour */
  j = sp->end;
  for (int k = 0; k < 24 && j < se; k++) {
    if (cnkg_wordlist_at(&border_list, s, j, se)) return false;
    if (cnkg_wordlist_word_at(s, j, se, "相") &&
        cnkg_wordlist_at(&border_list, s, j + 3, se))
      return false;
    size_t sep = cnkg_wordlist_at(&peer_sep_list, s, j, se);
    if (sep) { j += sep; continue; }
    const CnkgSpan *o = NULL;
    for (size_t i = cnkg_docstate_first_span(st, sp->sentence); i != SIZE_MAX;
         i = cnkg_docstate_next_span(st, i))
      if (cnkg_type_is_place(st->spans[i].type) && st->spans[i].begin == j &&
          st->spans[i].end > j)
        o = &st->spans[i];
    if (!o) break;
    j = o->end;
  }
  return true;
}

static bool place_carries(const CnkgDocState *st, const CnkgSpan *sp) {
  return place_carries_at(st, sp, false);
}

/* The innermost place of the address chain that starts with sp (平遥县
 * 柳沟村 -> 柳沟村): places that follow each other directly, in sp's
 * sentence, ending at or before limit. */
static const CnkgSpan *chain_inner(const CnkgDocState *st, const CnkgSpan *sp,
                                   size_t limit) {
  for (bool moved = true; moved;) {
    moved = false;
    for (size_t i = cnkg_docstate_first_span(st, sp->sentence); i != SIZE_MAX;
         i = cnkg_docstate_next_span(st, i)) {
      const CnkgSpan *o = &st->spans[i];
      if (cnkg_type_is_place(o->type) && o->begin == sp->end &&
          o->end > o->begin && o->end <= limit && o->type >= sp->type) {
        sp = o;
        moved = true;
        break;
      }
    }
  }
  return sp;
}

/* Adds the places listed with sp as peers (在A村、B村和C村建起…; 甲市A县、
 * 乙州B县): places of sp's type joined to it by list separators, either
 * way, each item possibly with its own chain of containers. */
static void add_peers(const CnkgDocState *st, const CnkgSpan *sp, size_t *out,
                      size_t *n, size_t max) {
  const char *s = st->text->norm;
  const CnkgSentence *sen = &st->text->sentences[sp->sentence];
  size_t pos = sp->begin;
  for (int k = 0; k < 16; k++) {
    /* back over this item's containers, then the separator */
    for (const CnkgSpan *o; (o = span_ending(st, sp->sentence, pos, true)) != NULL;)
      pos = o->begin;
    size_t sep = cnkg_wordlist_before(&peer_sep_list, s, sen->begin, pos);
    if (!sep) break;
    const CnkgSpan *o = span_ending(st, sp->sentence, pos - sep, true);
    if (!o || o->type != sp->type || !place_carries(st, o)) break;
    add_unique(out, n, max, o->entity);
    pos = o->begin;
  }
  pos = sp->end;
  for (int k = 0; k < 16; k++) {
    size_t sep = cnkg_wordlist_at(&peer_sep_list, s, pos, sen->end);
    if (!sep) break;
    const CnkgSpan *o = NULL;
    for (size_t i = cnkg_docstate_first_span(st, sp->sentence); i != SIZE_MAX;
         i = cnkg_docstate_next_span(st, i))
      if (cnkg_type_is_place(st->spans[i].type) &&
          st->spans[i].begin == pos + sep && st->spans[i].end > pos + sep)
        o = &st->spans[i];
    if (!o) break;
    o = chain_inner(st, o, sen->end);
    if (o->type != sp->type || !place_carries(st, o)) break;
    add_unique(out, n, max, o->entity);
    pos = o->end;
  }
}

/* The place a paragraph is about: the first place named in it that ends
 * at or before limit, followed through a chain of adjacent names
 * (平遥县柳沟村 -> 柳沟村). SIZE_MAX when none. */
static size_t paragraph_place(const CnkgDocState *st, size_t para,
                              size_t limit) {
  /* The paragraph's spans through the sentence index (not all spans): its
   * first sentence by binary search, and the earliest place is in the first
   * sentence that has one. */
  const CnkgText *t = st->text;
  size_t lo = 0, hi = t->n_sentences;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (t->sentences[mid].paragraph < para) lo = mid + 1;
    else hi = mid;
  }
  const CnkgSpan *first = NULL;
  for (size_t si = lo; si < t->n_sentences && t->sentences[si].paragraph == para &&
                       t->sentences[si].begin <= limit && !first;
       si++) {
    for (size_t i = cnkg_docstate_first_span(st, si); i != SIZE_MAX;
         i = cnkg_docstate_next_span(st, i)) {
      const CnkgSpan *sp = &st->spans[i];
      if (!cnkg_type_is_place(sp->type) || sp->end > limit ||
          sp->end <= sp->begin)
        continue;
      if (first && (sp->begin > first->begin ||
                    (sp->begin == first->begin && sp->end <= first->end)))
        continue;
      if (!place_carries(st, sp)) continue;
      first = sp;
    }
  }
  if (!first) return SIZE_MAX;
  return chain_inner(st, first, limit)->entity;
}

/* 该县, 全镇, 本村, 我省, 村里 ...: the level a reference to "this place"
 * starting at s[i] points at; *len is its length. */
static bool anaphor_at(const char *s, size_t i, size_t e, CnkgType *type,
                       size_t *len) {
  static const struct { const char *level; CnkgType type; } levels[] = {
    {"县", CNKG_TYPE_COUNTY}, {"旗", CNKG_TYPE_COUNTY}, {"区", CNKG_TYPE_COUNTY},
    {"镇", CNKG_TYPE_TOWNSHIP}, {"乡", CNKG_TYPE_TOWNSHIP},
    {"村", CNKG_TYPE_VILLAGE}, {"嘎查", CNKG_TYPE_VILLAGE},
    {"市", CNKG_TYPE_PREFECTURE}, {"州", CNKG_TYPE_PREFECTURE},
    {"省", CNKG_TYPE_PROVINCE}};
  static const char *const pointers[] = {"该", "全", "本", "我", NULL};
  static CnkgWordList pointer_list = CNKG_WORDLIST(pointers);
  /* the village itself, said without its name */
  static const char *const village_words[] = {"村里", "村内", "村集体", "村级",
                                              NULL};
  static CnkgWordList village_list = CNKG_WORDLIST(village_words);
  size_t vl = cnkg_wordlist_at(&village_list, s, i, e);
  if (vl) {
    *type = CNKG_TYPE_VILLAGE;
    *len = vl;
    return true;
  }
  size_t pl = cnkg_wordlist_at(&pointer_list, s, i, e);
  if (!pl) return false;
  for (size_t k = 0; k < sizeof levels / sizeof levels[0]; k++) {
    if (cnkg_wordlist_word_at(s, i + pl, e, levels[k].level)) {
      *type = levels[k].type;
      *len = pl + strlen(levels[k].level);
      return true;
    }
  }
  return false;
}

/* The place a reference of type at byte pos points at: the last place of
 * that type named before it (in a name too: 村里 after X村合作社 is X村),
 * unless it only labels a product or a destination. SIZE_MAX when none. */
static size_t resolve_anaphor(const CnkgDocState *st, CnkgType want,
                              size_t pos) {
  const CnkgSpan *last = NULL;
  for (size_t i = 0; i < st->n_spans; i++) {
    const CnkgSpan *sp = &st->spans[i];
    if (sp->type != want || sp->end > pos || sp->end <= sp->begin) continue;
    if (last && sp->begin <= last->begin) continue;
    if (!place_carries_at(st, sp, true)) continue;
    last = sp;
  }
  return last ? last->entity : SIZE_MAX;
}

/* 该公司, 合作社, 企业 ...: a reference to an organisation named before
 * (the kind word is what its name must contain). */
static const char *const org_refs[] = {
  "该合作社", "该公司", "该企业", "该厂", "合作社", "公司", "企业", NULL};
static CnkgWordList org_ref_list = CNKG_WORDLIST(org_refs);

/* Whether a word at s[k] opens its clause (after punctuation, or after
 * 在/由/我们): where a bare 合作社 or 公司 names the one the text is
 * about, not firms in general (发展企业和合作社49家). */
static bool subject_at(const char *s, size_t cb, size_t k) {
  static const char *const openers[] = {"在", "由", "我们", "本", "让", "使",
                                        "经", NULL};
  static CnkgWordList opener_list = CNKG_WORDLIST(openers);
  if (k == cb) return true;
  size_t p = cnkg_lexicon_prev(s, cb, k);
  size_t q = p;
  uint32_t cp = cnkg_utf8_next(s, k, &q);
  if (!cnkg_is_han(cp)) return true;
  return cnkg_wordlist_before(&opener_list, s, cb, k) > 0;
}

/* The organisation that a kind word at [b, e) refers to: the last one
 * named before b whose name contains the kind and that can carry. */
static size_t resolve_org_ref(const CnkgDocState *st, size_t b, size_t e) {
  const char *s = st->text->norm;
  size_t kb = b;
  if (cnkg_wordlist_word_at(s, kb, e, "该")) kb += 3;
  size_t klen = e - kb;
  const CnkgSpan *last = NULL;
  for (size_t i = 0; i < st->n_spans; i++) {
    const CnkgSpan *sp = &st->spans[i];
    if (sp->type != CNKG_TYPE_ORGANIZATION || sp->end > b) continue;
    if (last && sp->begin <= last->begin) continue;
    const CnkgEntity *en = cnkg_graph_entity(st->graph, sp->entity);
    if (!en || !en->label || !org_can_carry(st->graph, sp->entity)) continue;
    bool has = false;
    for (const char *p = en->label; *p && !has; p++)
      has = strncmp(p, s + kb, klen) == 0;
    if (has) last = sp;
  }
  return last ? last->entity : SIZE_MAX;
}

/* Whether [b, e) of sentence si lies inside a span: a word there is part
 * of a name (村里 in 村里人合作社), not a reference. */
static bool inside_span(const CnkgDocState *st, size_t si, size_t b, size_t e) {
  for (size_t i = cnkg_docstate_first_span(st, si); i != SIZE_MAX;
       i = cnkg_docstate_next_span(st, i)) {
    const CnkgSpan *sp = &st->spans[i];
    if (sp->begin <= b && sp->end >= e && sp->end > sp->begin) return true;
  }
  return false;
}

/* The lowest place the document is about: of the villages, else the
 * townships, the one named most often, if it is named at least twice
 * and more often than any other of its level. SIZE_MAX when none (or when
 * memory for the count runs out: the caller falls back to the focus). */
static size_t topic_place(const CnkgDocState *st) {
  static const CnkgType levels[] = {CNKG_TYPE_VILLAGE, CNKG_TYPE_TOWNSHIP};
  size_t n_ent = cnkg_graph_entity_count(st->graph);
  size_t *count = calloc(n_ent + 1, sizeof *count);
  if (!count) return SIZE_MAX;
  for (size_t i = 0; i < st->n_spans; i++) {
    const CnkgSpan *sp = &st->spans[i];
    if (sp->end > sp->begin && sp->entity < n_ent) count[sp->entity]++;
  }
  size_t topic = SIZE_MAX;
  for (size_t l = 0; l < sizeof levels / sizeof levels[0] && topic == SIZE_MAX; l++) {
    size_t best = SIZE_MAX, best_n = 0, second = 0;
    for (size_t e = 0; e < n_ent; e++) {
      if (!count[e] || cnkg_graph_entity(st->graph, e)->type != levels[l]) continue;
      if (count[e] > best_n) {
        second = best_n;
        best_n = count[e];
        best = e;
      } else if (count[e] > second) {
        second = count[e];
      }
    }
    if (best != SIZE_MAX && best_n >= 2 && best_n > second) topic = best;
  }
  free(count);
  return topic;
}

/* Verbs that say who holds or runs something (由A、B主办的X). */
static const char *const organise_verbs[] = {
  "主办", "承办", "举办", "组织", "发起", "牵头", "联合开展", "共同开展", "实施",
  "推出", NULL};
static CnkgWordList organise_list = CNKG_WORDLIST(organise_verbs);

/* 由A、B和C主办的X: every organisation of the list before the verb
 * carries X, when X follows the verb's 的 within a few characters. */
static void add_organisers(const CnkgDocState *st, size_t si, size_t cb,
                           size_t begin, unsigned flags, size_t *out, size_t *n,
                           size_t max) {
  const char *s = st->text->norm;
  for (size_t k = begin; k > cb && begin - k <= 36;) {
    k = cnkg_lexicon_prev(s, cb, k);
    if (!cnkg_wordlist_word_at(s, k, begin, "的")) continue;
    size_t vl = cnkg_wordlist_before(&organise_list, s, cb, k);
    if (!vl) continue;
    size_t pos = k - vl;
    for (int items = 0; items < 12; items++) {
      const CnkgSpan *o = span_ending(st, si, pos, false);
      if (!o || !(org_can_carry(st->graph, o->entity) ||
                  ((flags & CNKG_CARRY_BODIES) && !org_is_medium(st->graph, o->entity))))
        break;
      add_unique(out, n, max, o->entity);
      size_t sep = cnkg_wordlist_before(&peer_sep_list, s, cb, o->begin);
      if (!sep && o->begin > cb && s[o->begin - 1] == ',') sep = 1;
      if (!sep) break;
      pos = o->begin - sep;
    }
    return;
  }
}

/* Whether sentence si belongs to a paragraph that opens with a quotation
 * (the speaker and the speaker's place come after it). */
static bool quoted_paragraph(const CnkgDocState *st, size_t si) {
  const CnkgText *t = st->text;
  size_t para = t->sentences[si].paragraph;
  while (si > 0 && t->sentences[si - 1].paragraph == para) si--;
  const CnkgSentence *first = &t->sentences[si];
  return cnkg_wordlist_word_at(t->norm, first->begin, first->end, "“") ||
         cnkg_wordlist_word_at(t->norm, first->begin, first->end, "\"");
}

size_t cnkg_lexicon_carriers(const CnkgDocState *st, size_t sentence,
                             size_t begin, size_t end, unsigned flags,
                             size_t *out, size_t max) {
  bool orgs = flags & CNKG_CARRY_ORGS;
  bool local_only = flags & CNKG_CARRY_LOCAL_ONLY;
  bool focus = flags & CNKG_CARRY_FOCUS;
  size_t n = 0;
  if (!st || !out || max == 0) return 0;
  /* In the clause (the sentence cut at ;): the nearest place before
   * the mention, else after. */
  const char *s = st->text->norm;
  const CnkgSentence *sen = &st->text->sentences[sentence];
  static const char *const cuts[] = {";", "；", NULL};
  static CnkgWordList cut_list = CNKG_WORDLIST(cuts);
  size_t cb = sen->begin, ce = sen->end;
  for (size_t k = sen->begin; k < sen->end; k++) {
    size_t cut = cnkg_wordlist_at(&cut_list, s, k, sen->end);
    if (!cut) continue;
    if (k + cut <= begin) cb = k + cut;
    else if (k >= end && ce == sen->end) ce = k;
  }
  const CnkgSpan *before = NULL, *after = NULL, *org = NULL, *econ = NULL;
  for (size_t i = cnkg_docstate_first_span(st, sentence); i != SIZE_MAX;
       i = cnkg_docstate_next_span(st, i)) {
    const CnkgSpan *sp = &st->spans[i];
    if (sp->sentence != sentence || sp->begin < cb || sp->end > ce) continue;
    if (sp->begin < end && sp->end > begin && sp->type != CNKG_TYPE_ORGANIZATION)
      continue; /* a place inside the mention itself */
    if (cnkg_type_is_place(sp->type)) {
      if (!place_carries(st, sp)) continue;
      if (sp->end <= begin) {
        if (!before || sp->end > before->end ||
            (sp->end == before->end && sp->begin > before->begin))
          before = sp;
      } else if (sp->begin >= end) {
        if (!after || sp->begin < after->begin) after = sp;
      }
    } else if (orgs && sp->type == CNKG_TYPE_ORGANIZATION &&
               (org_can_carry(st->graph, sp->entity) ||
                ((flags & CNKG_CARRY_BODIES) && !org_is_medium(st->graph, sp->entity)))) {
      bool contains = sp->begin <= begin && sp->end >= end;
      /* a body named after the thing (X脱贫攻坚指挥部) does not carry it */
      if (contains && !org_can_carry(st->graph, sp->entity)) continue;
      if (contains || sp->end <= begin) {
        if (!org || contains || sp->end > org->end) org = sp;
      }
      if (!contains && sp->end <= begin && org_is_economic(st->graph, sp->entity) &&
          (!econ || sp->end > econ->end))
        econ = sp;
    }
  }
  /* The nearest reference to "this place" (该村, 村里, 全县) before the
   * mention, if nearer than the nearest place named. */
  size_t ana = SIZE_MAX;
  CnkgType ana_type = CNKG_TYPE_COUNT;
  for (size_t k = before ? before->end : cb; k < begin;) {
    CnkgType ty;
    size_t len;
    if (anaphor_at(s, k, begin, &ty, &len) && !inside_span(st, sentence, k, k + len)) {
      ana = k;
      ana_type = ty;
      k += len;
      continue;
    }
    k++;
  }
  if (ana == SIZE_MAX && !before) {
    /* 脱贫攻坚以来,我省…: a reference after the mention, before any place */
    size_t lim = after ? after->begin : ce;
    for (size_t k = end; k < lim && ana == SIZE_MAX;) {
      CnkgType ty;
      size_t len;
      if (anaphor_at(s, k, lim, &ty, &len) && !inside_span(st, sentence, k, k + len)) {
        ana = k;
        ana_type = ty;
      }
      k++;
    }
  }
  size_t ana_place = ana != SIZE_MAX ? resolve_anaphor(st, ana_type, ana) : SIZE_MAX;
  /* An enterprise named before the mention is its subject unless a person
   * comes between (…公司董事长张三正在直播草莓: the person's). */
  if (econ) {
    for (size_t i = cnkg_docstate_first_span(st, sentence); i != SIZE_MAX;
         i = cnkg_docstate_next_span(st, i)) {
      const CnkgSpan *sp = &st->spans[i];
      if (sp->type == CNKG_TYPE_PERSON && sp->begin >= econ->end && sp->end <= begin) {
        econ = NULL;
        break;
      }
    }
  }
  /* Organisations: one that contains the mention or stands just before
   * it, else the economic one the clause names before it, else the one a
   * bare kind word (合作社, 该公司) refers to. */
  bool by_ref = false;
  if (orgs) {
    size_t who = SIZE_MAX;
    if (org && (org->end >= end || begin - org->end <= 6)) who = org->entity;
    else if (econ) who = econ->entity;
    else {
      size_t rb = SIZE_MAX, re = 0;
      for (size_t k = cb; k < begin; k++) {
        size_t l = cnkg_wordlist_at(&org_ref_list, s, k, begin);
        if (l && !inside_span(st, sentence, k, k + l) && subject_at(s, cb, k)) {
          rb = k;
          re = k + l;
          k += l - 1;
        }
      }
      if (rb != SIZE_MAX) who = resolve_org_ref(st, rb, re);
      by_ref = who != SIZE_MAX;
    }
    if (who != SIZE_MAX) add_unique(out, &n, max, who);
    add_organisers(st, sentence, cb, begin, flags, out, &n, max);
  }
  const CnkgText *t = st->text;
  const CnkgSpan *place = NULL;
  if (ana_place == SIZE_MAX) {
    place = before ? before : after ? chain_inner(st, after, ce) : NULL;
  }
  /* …项目,该项目地处X县Y村: where the clause says the thing lies */
  if (after) {
    for (size_t k = end; k < after->begin; k++) {
      size_t l = cnkg_wordlist_at(&located_list, s, k, after->begin);
      if (l && k + l == after->begin) {
        place = chain_inner(st, after, ce);
        ana_place = SIZE_MAX;
        break;
      }
    }
  }
  if (place || ana_place != SIZE_MAX) {
    if (!place) {
      add_unique(out, &n, max, ana_place);
      return n;
    }
    add_unique(out, &n, max, place->entity);
    if (place == before) add_peers(st, place, out, &n, max);
    /* the place the paragraph is about carries it too */
    if (!local_only && (flags & CNKG_CARRY_TOPIC)) {
      size_t pe = paragraph_place(st, sen->paragraph, begin);
      if (pe != SIZE_MAX) add_unique(out, &n, max, pe);
    }
    return n;
  }
  /* a clause that names its organisation by kind (合作社种植了…) is about
   * that organisation, not a place to be guessed */
  if (local_only || by_ref) return n;
  /* The paragraph (up to this clause), then the nearest heading before. */
  size_t e = paragraph_place(st, sen->paragraph, cb);
  /* a quotation first, then who said it where (“…”X村村民张三说) */
  if (e == SIZE_MAX && quoted_paragraph(st, sentence))
    e = paragraph_place(st, sen->paragraph, SIZE_MAX);
  if (e != SIZE_MAX) {
    add_unique(out, &n, max, e);
    return n;
  }
  for (size_t si = sentence; si-- > 0;) {
    if (!t->sentences[si].heading) continue;
    e = paragraph_place(st, t->sentences[si].paragraph, t->sentences[si].end);
    if (e != SIZE_MAX) {
      add_unique(out, &n, max, e);
      return n;
    }
  }
  if (!focus) return n;
  /* the village or township the document is about, else its county */
  size_t topic = topic_place(st);
  if (topic == SIZE_MAX) topic = st->focus_place;
  if (topic != SIZE_MAX) add_unique(out, &n, max, topic);
  return n;
}
