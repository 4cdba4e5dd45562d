/* SPDX-License-Identifier: Apache-2.0
 * Static word lists for industries and policies (written for this project:
 * general Chinese agricultural, craft, service and policy vocabulary) and the
 * carrier rule shared by industry.c and policy.c, with its index made once
 * per document (CnkgCarriers) so that each look-up costs the clause, not
 * the document. Depends on lexicon.h, wordlist.h, graph.h and docstate.h;
 * no allocation but the word list's index (wordlist.c, built on first use)
 * and the carrier index. */
#include "extractor/lexicon.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cnkg/grow.h"

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
  {"对口帮扶", P, NULL, NULL, false}, {"组团帮扶", P, NULL, NULL, false},
  {"对口支援", P, NULL, NULL, false}, {"对口协作", P, NULL, NULL, false},
  {"纵向帮扶", P, NULL, NULL, false},
  {"扶贫车间", P, NULL, NULL, false}, {"生态移民搬迁", P, NULL, NULL, false},
  {"扶贫移民搬迁", P, NULL, NULL, false},
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

/* True if e's label ends with one of words (NULL-terminated). */
static bool label_ends_with(const CnkgEntity *e, const char *const *words) {
  size_t len = strlen(e->label);
  for (size_t i = 0; words[i]; i++)
    if (cnkg_wordlist_word_before(e->label, 0, len, words[i])) return true;
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
  return !e || !e->label || label_ends_with(e, media);
}

/* A team sent to carry out a programme (X乡美丽庭院建设工作队): named
 * after the work it does, unlike a body that steers it (X脱贫攻坚指挥部). */
static bool org_is_team(const CnkgGraph *g, size_t entity) {
  static const char *const teams[] = {"工作队", "工作组", "帮扶队", NULL};
  const CnkgEntity *e = cnkg_graph_entity(g, entity);
  return e && e->label && label_ends_with(e, teams);
}

/* An organisation that only borrows a place for its name: an enterprise
 * (白云省旅游集团) or a medium (白云日报), as opposed to a body of the
 * place itself (X县商务局, X村党支部), whose place the text is about. */
static bool org_borrows_place(const CnkgGraph *g, size_t entity) {
  static const char *const media[] = {"报", "网", "台", "社", "刊", "频道",
                                      "客户端", NULL};
  const CnkgEntity *e = cnkg_graph_entity(g, entity);
  if (!e || !e->label) return false;
  return label_has(e, economic_kinds) || label_ends_with(e, media);
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

/* Words of a dateline after which places are where a reporter files
 * from (记者张三发自甲县、乙县), not what the text is about. */
static const char *const filed_words[] = {"发自", NULL};
static CnkgWordList filed_list = CNKG_WORDLIST(filed_words);

/* Words after a thing's name that make it a site (X搬迁安置点, X示范基地). */
static const char *const site_words[] = {
  "安置点", "安置区", "集中安置点", "搬迁点", "点", "基地", "示范基地", "园区", "车间", NULL};
static CnkgWordList site_list = CNKG_WORDLIST(site_words);

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

/* ---- the carrier index ---- */

/* Bits of CnkgCarriers.carries for a place span. */
enum {
  CARRIES = 1,       /* it names where things happen (place_speaks, and not
                        part of an enterprise's or medium's name) */
  CARRIES_NAMED = 2, /* place_speaks: the same, names counted in */
  CARRIES_TOPIC = 4  /* CARRIES, and not inside any organisation's name: it
                        may be what the paragraph is about */
};

/* 该公司, 合作社, 企业, 工作队 ...: a reference to an organisation named
 * before (the kind word is what its name must contain). */
static const char *const org_refs[] = {
  "该合作社", "该公司", "该企业", "该厂", "该工作队", "合作社", "公司", "企业", "工作队",
  NULL};
static CnkgWordList org_ref_list = CNKG_WORDLIST(org_refs);
/* The kind words of org_refs without 该: each word of org_refs is one of
 * these, or 该 and one of these. A team (工作队) carries only policies
 * (CNKG_CARRY_BODIES); the others are economic or party organisations. */
static const char *const org_ref_kinds[] = {"合作社", "公司", "企业", "厂", "工作队"};
#define TEAM_REF_KIND 4
#define N_REF_KINDS (sizeof org_ref_kinds / sizeof org_ref_kinds[0])

struct CnkgCarriers {
  const CnkgDocState *st;
  size_t n_spans;         /* spans when made (all places and organisations) */
  size_t *places;         /* place spans by (begin, end descending, index) */
  size_t *places_by_end;  /* the same by (end, index) */
  size_t n_places;
  size_t *orgs;           /* organisation spans by (begin, index) */
  size_t *orgs_by_end;    /* the same by (end, index) */
  size_t n_orgs;
  size_t longest_org;     /* bytes of the longest organisation span */
  unsigned char *carries; /* per span index < n_spans: CARRIES bits */
  size_t *topical;        /* the places not empty with CARRIES, as places */
  size_t n_topical;
  /* per place type: the places not empty with CARRIES_NAMED, as places */
  size_t *named_of_type[CNKG_TYPE_COUNT];
  size_t n_named_of_type[CNKG_TYPE_COUNT];
  /* per kind of org_ref_kinds: the organisations that can carry whose
   * name contains it, as orgs */
  size_t *ref_orgs[N_REF_KINDS];
  size_t n_ref_orgs[N_REF_KINDS];
  size_t *cuts;           /* where each ; or ； of the text starts, ascending */
  size_t n_cuts;
  size_t *heading_place;  /* per sentence: the place of the nearest heading
                             before it that has one, or SIZE_MAX */
  bool *quoted;           /* per sentence: its paragraph opens with a quotation */
  size_t topic;           /* topic_place, or SIZE_MAX */
};

typedef int SpanCmp(const CnkgDocState *st, size_t x, size_t y);

static int by_begin_end_desc(const CnkgDocState *st, size_t x, size_t y) {
  const CnkgSpan *a = &st->spans[x], *b = &st->spans[y];
  if (a->begin != b->begin) return a->begin < b->begin ? -1 : 1;
  if (a->end != b->end) return a->end > b->end ? -1 : 1;
  return x < y ? -1 : (x > y ? 1 : 0);
}

static int by_begin(const CnkgDocState *st, size_t x, size_t y) {
  const CnkgSpan *a = &st->spans[x], *b = &st->spans[y];
  if (a->begin != b->begin) return a->begin < b->begin ? -1 : 1;
  return x < y ? -1 : (x > y ? 1 : 0);
}

static int by_end(const CnkgDocState *st, size_t x, size_t y) {
  const CnkgSpan *a = &st->spans[x], *b = &st->spans[y];
  if (a->end != b->end) return a->end < b->end ? -1 : 1;
  return x < y ? -1 : (x > y ? 1 : 0);
}

/* Sorts span indices v[0, n) by cmp (qsort takes no context). */
static void sort_spans(const CnkgDocState *st, size_t *v, size_t *tmp, size_t n, SpanCmp *cmp) {
  if (n < 2) return;
  size_t h = n / 2;
  sort_spans(st, v, tmp, h, cmp);
  sort_spans(st, v + h, tmp, n - h, cmp);
  size_t i = 0, j = h, o = 0;
  while (i < h && j < n) tmp[o++] = cmp(st, v[j], v[i]) < 0 ? v[j++] : v[i++];
  while (i < h) tmp[o++] = v[i++];
  while (j < n) tmp[o++] = v[j++];
  memcpy(v, tmp, n * sizeof *v);
}

/* First position in v[0, n) (span indices by begin) whose span begins at
 * or after pos. */
static size_t first_from(const CnkgDocState *st, const size_t *v, size_t n, size_t pos) {
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (st->spans[v[mid]].begin < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/* First position in v[0, n) (span indices by end) whose span ends at or
 * after pos. */
static size_t first_end_from(const CnkgDocState *st, const size_t *v, size_t n, size_t pos) {
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (st->spans[v[mid]].end < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/* First position in ix->cuts at or after pos. */
static size_t first_cut(const CnkgCarriers *ix, size_t pos) {
  size_t lo = 0, hi = ix->n_cuts;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (ix->cuts[mid] < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

static size_t span_index(const CnkgCarriers *ix, const CnkgSpan *sp) {
  return (size_t)(sp - ix->st->spans);
}

static bool carries(const CnkgCarriers *ix, const CnkgSpan *sp, unsigned bit) {
  size_t i = span_index(ix, sp);
  return i < ix->n_spans && (ix->carries[i] & bit);
}

/* The span of sentence si of one of the given kinds (place, or the
 * organisation type) that ends exactly at pos and begins before it (the
 * first added, of several), or NULL. */
static const CnkgSpan *span_ending(const CnkgCarriers *ix, size_t si, size_t pos,
                                   bool places) {
  const CnkgDocState *st = ix->st;
  const size_t *v = places ? ix->places_by_end : ix->orgs_by_end;
  size_t n = places ? ix->n_places : ix->n_orgs;
  for (size_t i = first_end_from(st, v, n, pos); i < n && st->spans[v[i]].end == pos; i++) {
    const CnkgSpan *sp = &st->spans[v[i]];
    if (sp->sentence == si && sp->begin < pos) return sp;
  }
  return NULL;
}

/* The place span of sentence si that begins at pos and ends after it:
 * the last added of several when last, else the first; or NULL. */
static const CnkgSpan *place_starting(const CnkgCarriers *ix, size_t si, size_t pos,
                                      bool last) {
  const CnkgDocState *st = ix->st;
  size_t best = SIZE_MAX;
  for (size_t i = first_from(st, ix->places, ix->n_places, pos);
       i < ix->n_places && st->spans[ix->places[i]].begin == pos; i++) {
    size_t k = ix->places[i];
    if (st->spans[k].sentence != si || st->spans[k].end <= pos) continue;
    if (best == SIZE_MAX || (last ? k > best : k < best)) best = k;
  }
  return best == SIZE_MAX ? NULL : &st->spans[best];
}

/* Whether the rest of a body's name after its place, s[b, e), makes it
 * the place's own government or party committee (吉林省|委, 甲县|人民政府),
 * whose acts are the place's. */
static const char *const own_bodies[] = {
  "委", "省委", "市委", "县委", "区委", "州委", "旗委", "党委", "政府", "人民政府",
  "省政府", "市政府", "县政府", "区政府", "州政府", "旗政府", NULL};
static CnkgWordList own_body_list = CNKG_WORDLIST(own_bodies);
static bool governs_place(const char *s, size_t b, size_t e) {
  return cnkg_wordlist_has(&own_body_list, s + b, e - b);
}

/* Whether place span sp is part of the name of an organisation that only
 * borrows the place (白云省旅游集团, 白云日报), or with any_org of any body
 * but the place's own government (甲省发改委): those that contain it begin
 * at most longest_org bytes before its end. */
static bool in_borrowed_name(const CnkgCarriers *ix, const CnkgSpan *sp, bool any_org) {
  const CnkgDocState *st = ix->st;
  size_t from = sp->end > ix->longest_org ? sp->end - ix->longest_org : 0;
  for (size_t i = first_from(st, ix->orgs, ix->n_orgs, from);
       i < ix->n_orgs && st->spans[ix->orgs[i]].begin <= sp->begin; i++) {
    const CnkgSpan *o = &st->spans[ix->orgs[i]];
    if (o->sentence == sp->sentence && o->end >= sp->end &&
        o->end - o->begin > sp->end - sp->begin &&
        (any_org ? !governs_place(st->text->norm, sp->end, o->end)
                 : org_borrows_place(st->graph, o->entity)))
      return true;
  }
  return false;
}

/* Words of help that close 在X的…下 (在甲县的对口支援下): X helps; what
 * the sentence goes on to say happens at its subject, not at X. */
static const char *const help_words[] = {
  "帮扶", "帮助", "支持", "支援", "援助", "扶持", "资助", "指导", NULL};
static CnkgWordList help_list = CNKG_WORDLIST(help_words);

/* The end of the phrase 在…的<help>下 that span sp of sentence [sb, se)
 * stands in (its 在 before sp with no clause mark between, its 下 after
 * sp, before any), or SIZE_MAX when it stands in none. */
static size_t helper_phrase_end(const char *s, size_t sb, size_t se, const CnkgSpan *sp) {
  static const char marks[] = ",。;:!?\"\u201c\u201d";
  bool opened = false;
  for (size_t k = sp->begin; k > sb && sp->begin - k <= 60;) {
    k = cnkg_lexicon_prev(s, sb, k);
    if (cnkg_utf8_char_in(marks, s, k, se)) break;
    if (cnkg_wordlist_word_at(s, k, se, "在")) {
      opened = true;
      break;
    }
  }
  if (!opened) return SIZE_MAX;
  for (size_t k = sp->end; k < se && k - sp->end <= 60;) {
    if (cnkg_utf8_char_in(marks, s, k, se)) break;
    if (cnkg_wordlist_word_at(s, k, se, "下") && cnkg_wordlist_before(&help_list, s, sp->end, k))
      return k + 3;
    cnkg_utf8_next(s, se, &k);
  }
  return SIZE_MAX;
}

/* Whether place span sp names where things happen, names of organisations
 * aside: not the origin label of a product (砀山酥梨), not where goods are
 * sold to (销往甲市、乙市), not where a reporter files from (发自X), not
 * a neighbour (与X县交界). */
static bool place_speaks(const CnkgCarriers *ix, const CnkgSpan *sp) {
  const CnkgDocState *st = ix->st;
  const char *s = st->text->norm;
  const CnkgSentence *sen = &st->text->sentences[sp->sentence];
  size_t se = sen->end;
  const CnkgLexEntry *prod = cnkg_lexicon_at(s, sp->end, se, 0x7u);
  if (prod && !cnkg_wordlist_word_at(s, sp->end, se, "种") &&
      !cnkg_wordlist_word_at(s, sp->end, se, "养")) {
    size_t q = sp->end + strlen(prod->word);
    if (!cnkg_wordlist_at(&farm_list, s, q, se)) return false;
  }
  /* back over the list this place is in, to the word that governs it */
  size_t j = sp->begin;
  bool with = false; /* 与/同/和 X …: X is what the subject is compared to */
  for (int k = 0; k < 24 && j > sen->begin; k++) {
    if (cnkg_wordlist_before(&destination_list, s, sen->begin, j) ||
        cnkg_wordlist_before(&filed_list, s, sen->begin, j))
      return false;
    if (cnkg_wordlist_word_before(s, sen->begin, j, "同") ||
        cnkg_wordlist_word_before(s, sen->begin, j, "跟") ||
        cnkg_wordlist_word_before(s, sen->begin, j, "与") ||
        cnkg_wordlist_word_before(s, sen->begin, j, "和"))
      with = true;
    size_t sep = cnkg_wordlist_before(&peer_sep_list, s, sen->begin, j);
    if (!sep && j > sen->begin && s[j - 1] == ',') sep = 1;
    if (sep) { j -= sep; continue; }
    const CnkgSpan *o = span_ending(ix, sp->sentence, j, true);
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
    const CnkgSpan *o = place_starting(ix, sp->sentence, j, true);
    if (!o) break;
    j = o->end;
  }
  return true;
}

/* The innermost place of the address chain that starts with sp (平遥县
 * 柳沟村 -> 柳沟村): places that follow each other directly, each of the
 * same level or below, in sp's sentence, ending at or before limit (of
 * several, the first added). */
static const CnkgSpan *chain_inner(const CnkgCarriers *ix, const CnkgSpan *sp, size_t limit) {
  const CnkgDocState *st = ix->st;
  for (;;) {
    size_t best = SIZE_MAX;
    for (size_t i = first_from(st, ix->places, ix->n_places, sp->end);
         i < ix->n_places && st->spans[ix->places[i]].begin == sp->end; i++) {
      const CnkgSpan *o = &st->spans[ix->places[i]];
      if (o->sentence == sp->sentence && o->end > o->begin && o->end <= limit &&
          o->type >= sp->type && ix->places[i] < best)
        best = ix->places[i];
    }
    if (best == SIZE_MAX) return sp;
    sp = &st->spans[best];
  }
}

/* Adds the places listed with sp as peers (在A村、B村和C村建起…; 甲市A县、
 * 乙州B县): places of sp's type joined to it by list separators, either
 * way, each item possibly with its own chain of containers. */
static void add_peers(const CnkgCarriers *ix, const CnkgSpan *sp, size_t *out, size_t *n,
                      size_t max) {
  const CnkgDocState *st = ix->st;
  const char *s = st->text->norm;
  const CnkgSentence *sen = &st->text->sentences[sp->sentence];
  size_t pos = sp->begin;
  for (int k = 0; k < 16; k++) {
    /* back over this item's containers, then the separator */
    for (const CnkgSpan *o; (o = span_ending(ix, sp->sentence, pos, true)) != NULL;)
      pos = o->begin;
    size_t sep = cnkg_wordlist_before(&peer_sep_list, s, sen->begin, pos);
    if (!sep) break;
    const CnkgSpan *o = span_ending(ix, sp->sentence, pos - sep, true);
    if (!o || o->type != sp->type || !carries(ix, o, CARRIES)) break;
    add_unique(out, n, max, o->entity);
    pos = o->begin;
  }
  pos = sp->end;
  for (int k = 0; k < 16; k++) {
    size_t sep = cnkg_wordlist_at(&peer_sep_list, s, pos, sen->end);
    if (!sep) break;
    const CnkgSpan *o = place_starting(ix, sp->sentence, pos + sep, true);
    if (!o) break;
    o = chain_inner(ix, o, sen->end);
    if (o->type != sp->type || !carries(ix, o, CARRIES)) break;
    add_unique(out, n, max, o->entity);
    pos = o->end;
  }
}

/* The place a paragraph is about: the first place named in it that ends
 * at or before limit and carries, followed through its chain of adjacent
 * names (平遥县柳沟村 -> 柳沟村). SIZE_MAX when none. */
static size_t paragraph_place(const CnkgCarriers *ix, size_t para, size_t limit) {
  const CnkgDocState *st = ix->st;
  const CnkgText *t = st->text;
  size_t lo = 0, hi = t->n_sentences;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (t->sentences[mid].paragraph < para) lo = mid + 1;
    else hi = mid;
  }
  if (lo >= t->n_sentences || t->sentences[lo].paragraph != para) return SIZE_MAX;
  /* The earliest place (then the longest, then the first added) that ends
   * by limit: those that begin before limit but end after it are the few
   * the scan passes. */
  const CnkgSpan *first = NULL;
  for (size_t i = first_from(st, ix->topical, ix->n_topical, t->sentences[lo].begin);
       i < ix->n_topical; i++) {
    const CnkgSpan *sp = &st->spans[ix->topical[i]];
    if (sp->begin >= limit || t->sentences[sp->sentence].paragraph != para) break;
    if (sp->end <= limit) {
      first = sp;
      break;
    }
  }
  return first ? chain_inner(ix, first, limit)->entity : SIZE_MAX;
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

/* Allocates v (n + 1 entries, so never 0 bytes); false when out of memory. */
static bool alloc_n(size_t **v, size_t n) {
  *v = malloc((n + 1) * sizeof **v);
  return *v != NULL;
}

/* Sorts and classifies the place and organisation spans, and what each
 * place carries. */
static bool index_spans(CnkgCarriers *ix, size_t *tmp) {
  const CnkgDocState *st = ix->st;
  size_t ns = ix->n_spans;
  for (size_t i = 0; i < ns; i++) {
    const CnkgSpan *sp = &st->spans[i];
    if (cnkg_type_is_place(sp->type)) {
      ix->places[ix->n_places] = ix->places_by_end[ix->n_places] = i;
      ix->n_places++;
    } else if (sp->type == CNKG_TYPE_ORGANIZATION) {
      ix->orgs[ix->n_orgs] = ix->orgs_by_end[ix->n_orgs] = i;
      ix->n_orgs++;
      if (sp->end - sp->begin > ix->longest_org) ix->longest_org = sp->end - sp->begin;
    }
  }
  sort_spans(st, ix->places, tmp, ix->n_places, by_begin_end_desc);
  sort_spans(st, ix->places_by_end, tmp, ix->n_places, by_end);
  sort_spans(st, ix->orgs, tmp, ix->n_orgs, by_begin);
  sort_spans(st, ix->orgs_by_end, tmp, ix->n_orgs, by_end);
  /* what each place carries, then the lists of those that do (in the
   * order of places, so sorted as it is) */
  for (size_t i = 0; i < ix->n_places; i++) {
    size_t k = ix->places[i];
    const CnkgSpan *sp = &st->spans[k];
    if (!place_speaks(ix, sp)) continue;
    ix->carries[k] = CARRIES_NAMED;
    if (!in_borrowed_name(ix, sp, false)) ix->carries[k] |= CARRIES;
    if (sp->end <= sp->begin) continue;
    /* the paragraph is about the places it names, not those that only
     * qualify a body's name (甲省发改委派驻乙村…) or help from outside
     * (在甲县的对口支援下) */
    const CnkgSentence *sen = &st->text->sentences[sp->sentence];
    if ((ix->carries[k] & CARRIES) && !in_borrowed_name(ix, sp, true) &&
        helper_phrase_end(st->text->norm, sen->begin, sen->end, sp) == SIZE_MAX) {
      ix->carries[k] |= CARRIES_TOPIC;
      ix->n_topical++;
    }
    ix->n_named_of_type[sp->type]++;
  }
  if (!alloc_n(&ix->topical, ix->n_topical)) return false;
  for (int t = 0; t < CNKG_TYPE_COUNT; t++) {
    if (!alloc_n(&ix->named_of_type[t], ix->n_named_of_type[t])) return false;
    ix->n_named_of_type[t] = 0;
  }
  ix->n_topical = 0;
  for (size_t i = 0; i < ix->n_places; i++) {
    size_t k = ix->places[i];
    const CnkgSpan *sp = &st->spans[k];
    if (!ix->carries[k] || sp->end <= sp->begin) continue;
    if (ix->carries[k] & CARRIES_TOPIC) ix->topical[ix->n_topical++] = k;
    ix->named_of_type[sp->type][ix->n_named_of_type[sp->type]++] = k;
  }
  /* the organisations a kind word may refer to, by kind */
  for (size_t q = 0; q < N_REF_KINDS; q++) {
    if (!alloc_n(&ix->ref_orgs[q], ix->n_orgs)) return false;
    for (size_t i = 0; i < ix->n_orgs; i++) {
      size_t k = ix->orgs[i];
      const CnkgEntity *en = cnkg_graph_entity(st->graph, st->spans[k].entity);
      bool can = q == TEAM_REF_KIND ? org_is_team(st->graph, st->spans[k].entity)
                                    : org_can_carry(st->graph, st->spans[k].entity);
      if (en && en->label && can && strstr(en->label, org_ref_kinds[q]))
        ix->ref_orgs[q][ix->n_ref_orgs[q]++] = k;
    }
  }
  return true;
}

/* The clause cuts of the whole text, the heading over each sentence and
 * whether its paragraph opens with a quotation. */
static bool index_text(CnkgCarriers *ix) {
  const CnkgText *t = ix->st->text;
  const char *s = t->norm;
  size_t len = t->norm_len, cap = 0;
  for (size_t k = 0; k < len; k++) {
    if (s[k] != ';' && !(k + 3 <= len && memcmp(s + k, "；", 3) == 0)) continue;
    if (CNKG_GROW(ix->cuts, cap, ix->n_cuts + 1, 64)) return false;
    ix->cuts[ix->n_cuts++] = k;
  }
  size_t under = SIZE_MAX, para_first = 0;
  for (size_t si = 0; si < t->n_sentences; si++) {
    ix->heading_place[si] = under;
    const CnkgSentence *h = &t->sentences[si];
    if (si == 0 || t->sentences[si - 1].paragraph != h->paragraph) para_first = si;
    const CnkgSentence *first = &t->sentences[para_first];
    ix->quoted[si] = cnkg_wordlist_word_at(s, first->begin, first->end, "“") ||
                     cnkg_wordlist_word_at(s, first->begin, first->end, "\"");
    if (!h->heading) continue;
    size_t e = paragraph_place(ix, h->paragraph, h->end);
    if (e != SIZE_MAX) under = e;
  }
  return true;
}

CnkgCarriers *cnkg_lexicon_carriers_new(const CnkgDocState *st) {
  if (!st || !st->text) return NULL;
  CnkgCarriers *ix = calloc(1, sizeof *ix);
  if (!ix) return NULL;
  ix->st = st;
  ix->n_spans = st->n_spans;
  size_t ns = st->text->n_sentences, *tmp = NULL;
  bool ok = alloc_n(&ix->places, ix->n_spans) && alloc_n(&ix->places_by_end, ix->n_spans) &&
            alloc_n(&ix->orgs, ix->n_spans) && alloc_n(&ix->orgs_by_end, ix->n_spans) &&
            alloc_n(&tmp, ix->n_spans) && alloc_n(&ix->heading_place, ns) &&
            (ix->carries = calloc(ix->n_spans + 1, 1)) != NULL &&
            (ix->quoted = calloc(ns + 1, sizeof *ix->quoted)) != NULL;
  ok = ok && index_spans(ix, tmp) && index_text(ix);
  free(tmp);
  if (!ok) {
    cnkg_lexicon_carriers_free(ix);
    return NULL;
  }
  ix->topic = topic_place(st);
  return ix;
}

void cnkg_lexicon_carriers_free(CnkgCarriers *ix) {
  if (!ix) return;
  free(ix->places);
  free(ix->places_by_end);
  free(ix->orgs);
  free(ix->orgs_by_end);
  free(ix->carries);
  free(ix->topical);
  for (int t = 0; t < CNKG_TYPE_COUNT; t++) free(ix->named_of_type[t]);
  for (size_t q = 0; q < N_REF_KINDS; q++) free(ix->ref_orgs[q]);
  free(ix->cuts);
  free(ix->heading_place);
  free(ix->quoted);
  free(ix);
}

/* ---- the carrier rule ---- */

/* 该县, 全镇, 本村, 我省, 村里, 省委 ...: the level a reference to "this
 * place" starting at s[i] points at; *len is its length. */
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
  /* the province's own committee and government, named without it */
  static const char *const province_words[] = {"省委", "省政府", "省委省政府", NULL};
  static CnkgWordList province_list = CNKG_WORDLIST(province_words);
  size_t pvl = cnkg_wordlist_at(&province_list, s, i, e);
  if (pvl) {
    *type = CNKG_TYPE_PROVINCE;
    *len = pvl;
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

/* The place a reference of type want at byte pos points at: the last
 * place of that type named before it (in a name too: 村里 after X村合作社
 * is X村), unless it only labels a product or a destination. Of several
 * that begin last, the first added. SIZE_MAX when none. */
static size_t resolve_anaphor(const CnkgCarriers *ix, CnkgType want, size_t pos) {
  const CnkgDocState *st = ix->st;
  const size_t *v = ix->named_of_type[want];
  const CnkgSpan *last = NULL;
  size_t last_i = SIZE_MAX;
  /* going down from pos, past the few that run across it */
  for (size_t i = first_from(st, v, ix->n_named_of_type[want], pos); i-- > 0;) {
    const CnkgSpan *sp = &st->spans[v[i]];
    if (last && sp->begin < last->begin) break;
    if (sp->end <= pos && v[i] < last_i) {
      last = sp;
      last_i = v[i];
    }
  }
  return last ? last->entity : SIZE_MAX;
}

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
 * named before b whose name contains the kind and that can carry (of
 * several that begin last, the first added). */
static size_t resolve_org_ref(const CnkgCarriers *ix, size_t b, size_t e) {
  const CnkgDocState *st = ix->st;
  const char *s = st->text->norm;
  size_t kb = b;
  if (cnkg_wordlist_word_at(s, kb, e, "该")) kb += 3;
  size_t q = 0;
  while (q < N_REF_KINDS &&
         !(strlen(org_ref_kinds[q]) == e - kb && memcmp(org_ref_kinds[q], s + kb, e - kb) == 0))
    q++;
  if (q == N_REF_KINDS) return SIZE_MAX;
  const size_t *v = ix->ref_orgs[q];
  const CnkgSpan *last = NULL;
  size_t last_i = SIZE_MAX;
  for (size_t i = first_from(st, v, ix->n_ref_orgs[q], b + 1); i-- > 0;) {
    const CnkgSpan *sp = &st->spans[v[i]];
    if (last && sp->begin < last->begin) break;
    if (sp->end <= b && v[i] < last_i) {
      last = sp;
      last_i = v[i];
    }
  }
  return last ? last->entity : SIZE_MAX;
}

/* Whether [b, e) of sentence si lies inside a span: a word there is part
 * of a name (村里 in 村里人合作社), not a reference. The sentence's spans,
 * industries and policies added so far included. */
static bool inside_span(const CnkgDocState *st, size_t si, size_t b, size_t e) {
  for (size_t i = cnkg_docstate_first_span(st, si); i != SIZE_MAX;
       i = cnkg_docstate_next_span(st, i)) {
    const CnkgSpan *sp = &st->spans[i];
    if (sp->begin <= b && sp->end >= e && sp->end > sp->begin) return true;
  }
  return false;
}

/* Verbs that say who holds or runs something (由A、B主办的X). */
static const char *const organise_verbs[] = {
  "主办", "承办", "举办", "组织", "发起", "牵头", "联合开展", "共同开展", "实施",
  "推出", NULL};
static CnkgWordList organise_list = CNKG_WORDLIST(organise_verbs);

/* 由A、B和C主办的X: every organisation of the list before the verb
 * carries X, when X follows the verb's 的 within a few characters. */
static void add_organisers(const CnkgCarriers *ix, size_t si, size_t cb, size_t begin,
                           unsigned flags, size_t *out, size_t *n, size_t max) {
  const CnkgDocState *st = ix->st;
  const char *s = st->text->norm;
  for (size_t k = begin; k > cb && begin - k <= 36;) {
    k = cnkg_lexicon_prev(s, cb, k);
    if (!cnkg_wordlist_word_at(s, k, begin, "的")) continue;
    size_t vl = cnkg_wordlist_before(&organise_list, s, cb, k);
    if (!vl) continue;
    size_t pos = k - vl;
    for (int items = 0; items < 12; items++) {
      const CnkgSpan *o = span_ending(ix, si, pos, false);
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

/* A mention [begin, end) of a sentence, its clause [cb, ce) and what the
 * clause names around it: the steps of cnkg_lexicon_carriers share it. */
typedef struct {
  const CnkgCarriers *ix;
  size_t sentence, begin, end;
  unsigned flags;
  size_t cb, ce;
  const CnkgSpan *before, *after, *org, *econ;
  size_t person_begin; /* the last person named before the mention */
} Clause;

/* The clause: the sentence cut at ; around the mention. */
static void clause_bounds(Clause *c) {
  const CnkgCarriers *ix = c->ix;
  const char *s = ix->st->text->norm;
  const CnkgSentence *sen = &ix->st->text->sentences[c->sentence];
  c->cb = sen->begin;
  c->ce = sen->end;
  for (size_t i = first_cut(ix, sen->begin); i < ix->n_cuts && ix->cuts[i] < sen->end; i++) {
    size_t k = ix->cuts[i], cut = s[k] == ';' ? 1 : 3;
    if (k + cut <= c->begin) c->cb = k + cut;
    else if (k >= c->end) {
      c->ce = k;
      break;
    }
  }
}

/* Words after an organisation's name that make it part of a time phrase
 * (自X成立以来, X成立后): the clause that follows has another subject. */
static const char *const founding_words[] = {
  "成立以来", "成立后", "成立之后", "成立之初", "成立至今", "组建以来", "组建后", NULL};
static CnkgWordList founding_list = CNKG_WORDLIST(founding_words);

/* Whether a founding phrase starts at s[pos] and ends by limit. */
static bool founding_phrase(const char *s, size_t pos, size_t limit) {
  return cnkg_wordlist_at(&founding_list, s, pos, limit) > 0;
}

/* The clause's spans: the nearest carrying place before and after the
 * mention, the organisation containing or preceding it, the last economic
 * one before it and the last person before it. */
static void clause_spans(Clause *c) {
  const CnkgCarriers *ix = c->ix;
  const CnkgDocState *st = ix->st;
  size_t begin = c->begin, end = c->end;
  const CnkgSpan *before = NULL, *after = NULL, *org = NULL, *econ = NULL;
  size_t person_begin = SIZE_MAX;
  for (size_t i = cnkg_docstate_first_span(st, c->sentence); i != SIZE_MAX;
       i = cnkg_docstate_next_span(st, i)) {
    const CnkgSpan *sp = &st->spans[i];
    if (sp->sentence != c->sentence || sp->begin < c->cb || sp->end > c->ce) continue;
    /* 在甲县的帮扶下,…: a place that helps from outside is not where
     * what follows happens (a body that helps may still run it) */
    if (sp->end <= begin && cnkg_type_is_place(sp->type)) {
      size_t he = helper_phrase_end(st->text->norm, c->cb, c->ce, sp);
      if (he != SIZE_MAX && he <= begin) continue;
    }
    if (sp->type == CNKG_TYPE_PERSON && sp->end <= begin &&
        (person_begin == SIZE_MAX || sp->begin > person_begin))
      person_begin = sp->begin;
    if (sp->begin < end && sp->end > begin && sp->type != CNKG_TYPE_ORGANIZATION)
      continue; /* a place inside the mention itself */
    if (cnkg_type_is_place(sp->type)) {
      if (!carries(ix, sp, CARRIES)) continue;
      if (sp->end <= begin) {
        if (!before || sp->end > before->end ||
            (sp->end == before->end && sp->begin > before->begin))
          before = sp;
      } else if (sp->begin >= end) {
        if (!after || sp->begin < after->begin) after = sp;
      }
    } else if ((c->flags & CNKG_CARRY_ORGS) && sp->type == CNKG_TYPE_ORGANIZATION &&
               !(sp->end <= begin && founding_phrase(st->text->norm, sp->end, begin)) &&
               (org_can_carry(st->graph, sp->entity) ||
                ((c->flags & CNKG_CARRY_BODIES) && !org_is_medium(st->graph, sp->entity)))) {
      bool contains = sp->begin <= begin && sp->end >= end;
      /* a body named after the thing (X脱贫攻坚指挥部) does not carry it;
       * a team named after its work (X庭院建设工作队) does */
      if (contains && !org_can_carry(st->graph, sp->entity) &&
          !org_is_team(st->graph, sp->entity))
        continue;
      if (contains || sp->end <= begin) {
        if (!org || contains || sp->end > org->end) org = sp;
      }
      if (!contains && sp->end <= begin && org_is_economic(st->graph, sp->entity) &&
          (!econ || sp->end > econ->end))
        econ = sp;
    }
  }
  c->before = before;
  c->after = after;
  c->org = org;
  c->econ = econ;
  c->person_begin = person_begin;
}

/* The place a reference to "this place" (该村, 村里, 全县) points at: the
 * nearest before the mention, if nearer than the nearest place named; else
 * one after it before any place. SIZE_MAX when none. */
static size_t clause_anaphor(const Clause *c) {
  const CnkgDocState *st = c->ix->st;
  const char *s = st->text->norm;
  size_t begin = c->begin;
  size_t ana = SIZE_MAX;
  CnkgType ana_type = CNKG_TYPE_COUNT;
  for (size_t k = c->before ? c->before->end : c->cb; k < begin;) {
    CnkgType ty;
    size_t len;
    if (anaphor_at(s, k, begin, &ty, &len) && !inside_span(st, c->sentence, k, k + len)) {
      ana = k;
      ana_type = ty;
      k += len;
      continue;
    }
    k++;
  }
  if (ana == SIZE_MAX && !c->before) {
    /* 脱贫攻坚以来,我省…: a reference after the mention, before any place */
    size_t lim = c->after ? c->after->begin : c->ce;
    for (size_t k = c->end; k < lim && ana == SIZE_MAX;) {
      CnkgType ty;
      size_t len;
      if (anaphor_at(s, k, lim, &ty, &len) && !inside_span(st, c->sentence, k, k + len)) {
        ana = k;
        ana_type = ty;
      }
      k++;
    }
  }
  return ana != SIZE_MAX ? resolve_anaphor(c->ix, ana_type, ana) : SIZE_MAX;
}

/* Organisations: one that contains the mention or stands just before
 * it, else the economic one the clause names before it, else the one a
 * bare kind word (合作社, 该公司) refers to; then the organisers. Whether
 * the organisation came from a kind word. */
static bool clause_orgs(const Clause *c, size_t *out, size_t *n, size_t max) {
  const CnkgDocState *st = c->ix->st;
  const char *s = st->text->norm;
  size_t begin = c->begin, end = c->end, cb = c->cb;
  const CnkgSpan *org = c->org;
  bool by_ref = false;
  size_t who = SIZE_MAX;
  if (org && (org->end >= end || begin - org->end <= 6)) who = org->entity;
  else if (c->econ) who = c->econ->entity;
  else {
    size_t rb = SIZE_MAX, re = 0;
    for (size_t k = cb; k < begin; k++) {
      size_t l = cnkg_wordlist_at(&org_ref_list, s, k, begin);
      bool team = cnkg_wordlist_word_before(s, k, k + l, org_ref_kinds[TEAM_REF_KIND]);
      if (team && !(c->flags & CNKG_CARRY_BODIES)) l = 0;
      if (l && !inside_span(st, c->sentence, k, k + l) && subject_at(s, cb, k)) {
        rb = k;
        re = k + l;
        k += l - 1;
      }
    }
    if (rb != SIZE_MAX) who = resolve_org_ref(c->ix, rb, re);
    by_ref = who != SIZE_MAX;
  }
  if (who != SIZE_MAX) add_unique(out, n, max, who);
  add_organisers(c->ix, c->sentence, cb, begin, c->flags, out, n, max);
  return by_ref;
}

/* The place named in the clause that carries the mention, or NULL; drops
 * *ana_place when the clause says where the thing lies. */
static const CnkgSpan *clause_place(const Clause *c, size_t *ana_place) {
  const CnkgCarriers *ix = c->ix;
  const char *s = ix->st->text->norm;
  const CnkgSpan *before = c->before, *after = c->after;
  const CnkgSpan *place = NULL;
  if (*ana_place == SIZE_MAX) {
    place = before ? before : after ? chain_inner(ix, after, c->ce) : NULL;
  }
  /* …项目,该项目地处X县Y村: where the clause says the thing lies */
  if (after) {
    for (size_t k = c->end; k < after->begin; k++) {
      size_t l = cnkg_wordlist_at(&located_list, s, k, after->begin);
      if (l && k + l == after->begin) {
        place = chain_inner(ix, after, c->ce);
        *ana_place = SIZE_MAX;
        break;
      }
    }
  }
  return place;
}

/* With no place in the clause: the paragraph's (up to this clause), the
 * quotation's, the heading's, then with CNKG_CARRY_FOCUS the document's.
 * SIZE_MAX when none. */
static size_t fallback_place(const Clause *c) {
  const CnkgCarriers *ix = c->ix;
  const CnkgSentence *sen = &ix->st->text->sentences[c->sentence];
  /* The paragraph (up to this clause), then the nearest heading before. */
  size_t e = paragraph_place(ix, sen->paragraph, c->cb);
  /* a quotation first, then who said it where (“…”X村村民张三说) */
  if (e == SIZE_MAX && ix->quoted[c->sentence])
    e = paragraph_place(ix, sen->paragraph, SIZE_MAX);
  if (e == SIZE_MAX) e = ix->heading_place[c->sentence];
  if (e != SIZE_MAX) return e;
  if (!(c->flags & CNKG_CARRY_FOCUS)) return SIZE_MAX;
  /* the village or township the document is about, else its county */
  size_t topic = ix->topic;
  if (topic == SIZE_MAX) topic = ix->st->focus_place;
  return topic;
}

size_t cnkg_lexicon_carriers(const CnkgCarriers *ix, size_t sentence,
                             size_t begin, size_t end, unsigned flags,
                             size_t *out, size_t max) {
  bool orgs = flags & CNKG_CARRY_ORGS;
  bool local_only = flags & CNKG_CARRY_LOCAL_ONLY;
  size_t n = 0;
  if (!ix || !out || max == 0) return 0;
  const CnkgSentence *sen = &ix->st->text->sentences[sentence];
  Clause c = {.ix = ix, .sentence = sentence, .begin = begin, .end = end, .flags = flags};
  /* In the clause (the sentence cut at ;): the nearest place before
   * the mention, else after. */
  clause_bounds(&c);
  clause_spans(&c);
  size_t ana_place = clause_anaphor(&c);
  /* An enterprise named before the mention is its subject unless a person
   * comes between (…公司董事长张三正在直播草莓: the person's). */
  if (c.econ && c.person_begin != SIZE_MAX && c.person_begin >= c.econ->end) c.econ = NULL;
  bool by_ref = orgs && clause_orgs(&c, out, &n, max);
  const CnkgSpan *place = clause_place(&c, &ana_place);
  /* 率先探索X模式的甲市: the place a clause about the thing describes */
  if ((flags & CNKG_CARRY_TOPIC) && c.after &&
      cnkg_wordlist_word_at(ix->st->text->norm, end, c.ce, "的") &&
      c.after->begin == end + CNKG_HAN_BYTES) {
    const CnkgSpan *described = chain_inner(ix, c.after, c.ce);
    add_unique(out, &n, max, described->entity);
  }
  if (place || ana_place != SIZE_MAX) {
    if (!place) {
      add_unique(out, &n, max, ana_place);
      return n;
    }
    add_unique(out, &n, max, place->entity);
    if (place == c.before) add_peers(ix, place, out, &n, max);
    /* 甲县乙镇丙村易地扶贫搬迁安置点: a site named after the thing, right
     * after the chain of places it lies in, is in each of them */
    if (place == c.before && place->end == begin && (flags & CNKG_CARRY_TOPIC) &&
        cnkg_wordlist_at(&site_list, ix->st->text->norm, end, c.ce)) {
      for (const CnkgSpan *o = place; (o = span_ending(ix, sentence, o->begin, true)) != NULL;)
        if (carries(ix, o, CARRIES)) add_unique(out, &n, max, o->entity);
    }
    /* the place the paragraph is about carries it too */
    if (!local_only && (flags & CNKG_CARRY_TOPIC)) {
      size_t pe = paragraph_place(ix, sen->paragraph, begin);
      if (pe != SIZE_MAX) add_unique(out, &n, max, pe);
    }
    return n;
  }
  /* a clause that names its organisation by kind (合作社种植了…) is about
   * that organisation, not a place to be guessed */
  if (local_only || by_ref) return n;
  size_t e = fallback_place(&c);
  if (e != SIZE_MAX) add_unique(out, &n, max, e);
  return n;
}
