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
  {"畜牧", S, "畜牧业", NULL, true},
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

/* Organisations that can carry an industry or a working method: economic
 * units and party organisations, not government offices in general. */
static bool org_can_carry(const CnkgGraph *g, size_t entity) {
  static const char *const kinds[] = {
    "合作社", "公司", "党支部", "总支", "党委", "协会", "农场", "基地",
    "工坊", "企业", "集团", "厂", "联合社", "家庭农场", "旅馆", "酒店",
    "果业", "农牧", "养殖", "种植", "包装", NULL};
  const CnkgEntity *e = cnkg_graph_entity(g, entity);
  if (!e || !e->label || strstr(e->label, "、")) return false;
  for (size_t i = 0; kinds[i]; i++)
    if (strstr(e->label, kinds[i])) return true;
  return false;
}

static bool add_unique(size_t *out, size_t *n, size_t max, size_t v) {
  for (size_t i = 0; i < *n; i++)
    if (out[i] == v) return true;
  if (*n >= max) return false;
  out[(*n)++] = v;
  return true;
}

/* ---- the carrier index ---- */

/* An address chain (省市县乡村 and a natural village or group) is a handful
 * of names; a walk along adjacent names stops after this many, so a run
 * of thousands of place names costs no more per look-up. */
#define CHAIN_STEPS 16

struct CnkgCarriers {
  const CnkgDocState *st;
  size_t *places;      /* span indices of the place spans, by (begin, end
                          descending, index) */
  size_t n_places;
  size_t longest;      /* bytes of the longest place span */
  size_t *of_type[CNKG_TYPE_COUNT]; /* the same, one type each */
  size_t n_of_type[CNKG_TYPE_COUNT];
  size_t *cuts;        /* where each ; or ； of the text starts, ascending */
  size_t n_cuts;
  size_t *heading_place; /* per sentence: the place of the nearest heading
                            before it that has one, or SIZE_MAX */
};

static int place_cmp(const CnkgDocState *st, size_t x, size_t y) {
  const CnkgSpan *a = &st->spans[x], *b = &st->spans[y];
  if (a->begin != b->begin) return a->begin < b->begin ? -1 : 1;
  if (a->end != b->end) return a->end > b->end ? -1 : 1;
  return x < y ? -1 : (x > y ? 1 : 0);
}

/* Sorts v[0, n) by place_cmp (qsort takes no context). */
static void sort_places(const CnkgDocState *st, size_t *v, size_t *tmp, size_t n) {
  if (n < 2) return;
  size_t h = n / 2;
  sort_places(st, v, tmp, h);
  sort_places(st, v + h, tmp, n - h);
  size_t i = 0, j = h, o = 0;
  while (i < h && j < n) tmp[o++] = place_cmp(st, v[j], v[i]) < 0 ? v[j++] : v[i++];
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

/* The place a paragraph is about: the first place named in it before
 * byte limit, followed through a chain of adjacent names (平遥县柳沟村 ->
 * 柳沟村). SIZE_MAX when none. */
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
   * by limit: spans that begin well before limit end before it, so the
   * scan passes only the few that straddle it. */
  const CnkgSpan *first = NULL;
  for (size_t i = first_from(st, ix->places, ix->n_places, t->sentences[lo].begin);
       i < ix->n_places && st->spans[ix->places[i]].begin < limit && !first; i++)
    if (st->spans[ix->places[i]].end <= limit) first = &st->spans[ix->places[i]];
  if (!first) return SIZE_MAX;
  /* Then along the chain of places that follow it directly: of those that
   * begin where it ends, the first added. */
  for (int step = 0; step < CHAIN_STEPS; step++) {
    size_t best = SIZE_MAX;
    for (size_t i = first_from(st, ix->places, ix->n_places, first->end);
         i < ix->n_places && st->spans[ix->places[i]].begin == first->end; i++) {
      const CnkgSpan *sp = &st->spans[ix->places[i]];
      if (sp->end > sp->begin && sp->end <= limit && ix->places[i] < best) best = ix->places[i];
    }
    if (best == SIZE_MAX) break;
    first = &st->spans[best];
  }
  return first->entity;
}

CnkgCarriers *cnkg_lexicon_carriers_new(const CnkgDocState *st) {
  CnkgCarriers *ix = calloc(1, sizeof *ix);
  if (!ix) return NULL;
  ix->st = st;
  size_t ns = st->text->n_sentences;
  ix->places = malloc((st->n_spans + 1) * sizeof *ix->places);
  size_t *tmp = malloc((st->n_spans + 1) * sizeof *tmp);
  ix->heading_place = malloc((ns + 1) * sizeof *ix->heading_place);
  bool ok = ix->places && tmp && ix->heading_place;
  for (size_t i = 0; ok && i < st->n_spans; i++) {
    const CnkgSpan *sp = &st->spans[i];
    if (!cnkg_type_is_place(sp->type)) continue;
    ix->places[ix->n_places++] = i;
    if (sp->end - sp->begin > ix->longest) ix->longest = sp->end - sp->begin;
    ix->n_of_type[sp->type]++;
  }
  if (ok) sort_places(st, ix->places, tmp, ix->n_places);
  for (int k = 0; ok && k < CNKG_TYPE_COUNT; k++) {
    ix->of_type[k] = malloc((ix->n_of_type[k] + 1) * sizeof *ix->of_type[k]);
    ok = ix->of_type[k] != NULL;
    ix->n_of_type[k] = 0;
  }
  for (size_t i = 0; ok && i < ix->n_places; i++) {
    CnkgType k = st->spans[ix->places[i]].type;
    ix->of_type[k][ix->n_of_type[k]++] = ix->places[i];
  }
  free(tmp);
  /* the clause cuts of the whole text, once */
  const char *s = st->text->norm;
  size_t len = st->text->norm_len, cap = 0;
  for (size_t k = 0; ok && k < len; k++) {
    if (s[k] != ';' && !(k + 3 <= len && memcmp(s + k, "；", 3) == 0)) continue;
    if (ix->n_cuts == cap) {
      cap = cap ? cap * 2 : 64;
      size_t *c = realloc(ix->cuts, cap * sizeof *c);
      if (!c) {
        ok = false;
        break;
      }
      ix->cuts = c;
    }
    ix->cuts[ix->n_cuts++] = k;
  }
  /* the heading each sentence falls under (one that names a place) */
  size_t under = SIZE_MAX;
  for (size_t si = 0; ok && si < ns; si++) {
    ix->heading_place[si] = under;
    const CnkgSentence *h = &st->text->sentences[si];
    if (!h->heading) continue;
    size_t e = paragraph_place(ix, h->paragraph, h->end);
    if (e != SIZE_MAX) under = e;
  }
  if (!ok) {
    cnkg_lexicon_carriers_free(ix);
    return NULL;
  }
  return ix;
}

void cnkg_lexicon_carriers_free(CnkgCarriers *ix) {
  if (!ix) return;
  free(ix->places);
  for (int k = 0; k < CNKG_TYPE_COUNT; k++) free(ix->of_type[k]);
  free(ix->cuts);
  free(ix->heading_place);
  free(ix);
}

/* 该县, 全镇, 本村 ...: the level a reference to "this place" points at. */
static bool anaphor_type(const char *s, size_t b, size_t e, CnkgType *type) {
  static const struct { const char *level; CnkgType type; } levels[] = {
    {"县", CNKG_TYPE_COUNTY}, {"旗", CNKG_TYPE_COUNTY}, {"区", CNKG_TYPE_COUNTY},
    {"镇", CNKG_TYPE_TOWNSHIP}, {"乡", CNKG_TYPE_TOWNSHIP},
    {"村", CNKG_TYPE_VILLAGE}, {"嘎查", CNKG_TYPE_VILLAGE},
    {"市", CNKG_TYPE_PREFECTURE}, {"州", CNKG_TYPE_PREFECTURE},
    {"省", CNKG_TYPE_PROVINCE}};
  static const char *const pointers[] = {"该", "全", "本", NULL};
  static CnkgWordList pointer_list = CNKG_WORDLIST(pointers);
  size_t best = SIZE_MAX;
  for (size_t i = b; i < e; i++) {
    size_t pl = cnkg_wordlist_at(&pointer_list, s, i, e);
    if (!pl) continue;
    for (size_t k = 0; k < sizeof levels / sizeof levels[0]; k++) {
      if (cnkg_wordlist_word_at(s, i + pl, e, levels[k].level)) {
        best = k;
        break;
      }
    }
  }
  if (best == SIZE_MAX) return false;
  *type = levels[best].type;
  return true;
}

size_t cnkg_lexicon_carriers(const CnkgCarriers *ix, size_t sentence,
                             size_t begin, size_t end, unsigned flags,
                             size_t *out, size_t max) {
  bool orgs = flags & CNKG_CARRY_ORGS;
  bool local_only = flags & CNKG_CARRY_LOCAL_ONLY;
  bool focus = flags & CNKG_CARRY_FOCUS;
  size_t n = 0;
  if (!ix || !out || max == 0) return 0;
  const CnkgDocState *st = ix->st;
  /* In the clause (the sentence cut at ;): the nearest place before
   * the mention, else after. */
  const char *s = st->text->norm;
  const CnkgSentence *sen = &st->text->sentences[sentence];
  size_t cb = sen->begin, ce = sen->end;
  for (size_t i = first_cut(ix, sen->begin); i < ix->n_cuts && ix->cuts[i] < sen->end; i++) {
    size_t k = ix->cuts[i], cut = s[k] == ';' ? 1 : 3;
    if (k + cut <= begin) cb = k + cut;
    else if (k >= end) {
      ce = k;
      break;
    }
  }
  const CnkgSpan *before = NULL, *after = NULL, *org = NULL;
  for (size_t i = cnkg_docstate_first_span(st, sentence); i != SIZE_MAX;
       i = cnkg_docstate_next_span(st, i)) {
    const CnkgSpan *sp = &st->spans[i];
    if (sp->sentence != sentence || sp->begin < cb || sp->end > ce) continue;
    /* 砀山酥梨: a place naming where a product comes from */
    if (cnkg_type_is_place(sp->type) &&
        cnkg_lexicon_at(s, sp->end, sen->end, 0x7u) &&
        !cnkg_wordlist_word_at(s, sp->end, sen->end, "种") &&
        !cnkg_wordlist_word_at(s, sp->end, sen->end, "养"))
      continue;
    if (sp->begin < end && sp->end > begin && sp->type != CNKG_TYPE_ORGANIZATION)
      continue; /* a place inside the mention itself */
    if (cnkg_type_is_place(sp->type)) {
      if (sp->end <= begin) {
        if (!before || sp->end > before->end ||
            (sp->end == before->end && sp->begin > before->begin))
          before = sp;
      } else if (sp->begin >= end) {
        if (!after || sp->begin < after->begin) after = sp;
      }
    } else if (orgs && sp->type == CNKG_TYPE_ORGANIZATION &&
               org_can_carry(st->graph, sp->entity)) {
      bool contains = sp->begin <= begin && sp->end >= end;
      if (contains || sp->end <= begin) {
        if (!org || contains || sp->end > org->end) org = sp;
      }
    }
  }
  const CnkgSpan *place = before ? before : after;
  if (org && (org->end >= end || begin - org->end <= 6))
    add_unique(out, &n, max, org->entity);
  if (place) {
    add_unique(out, &n, max, place->entity);
    /* the place the paragraph is about carries it too */
    if (!local_only && (flags & CNKG_CARRY_TOPIC)) {
      size_t pe = paragraph_place(ix, sen->paragraph, begin);
      if (pe != SIZE_MAX) add_unique(out, &n, max, pe);
    }
    return n;
  }
  if (local_only) return n;
  /* 该县/全镇 before the mention: the last place of that level named. */
  CnkgType want;
  if (anaphor_type(s, cb, begin, &want)) {
    /* of those that end by begin, the one that begins last (of several,
     * the first added); going down, past the few that straddle begin */
    const CnkgSpan *last = NULL;
    size_t last_i = SIZE_MAX;
    const size_t *v = ix->of_type[want];
    for (size_t i = first_from(st, v, ix->n_of_type[want], begin); i-- > 0;) {
      const CnkgSpan *sp = &st->spans[v[i]];
      if (last && sp->begin < last->begin) break;
      if (sp->end <= begin && v[i] < last_i) {
        last = sp;
        last_i = v[i];
      }
    }
    if (last) {
      add_unique(out, &n, max, last->entity);
      return n;
    }
  }
  /* The paragraph (up to this clause), then the nearest heading before. */
  size_t e = paragraph_place(ix, sen->paragraph, cb);
  if (e == SIZE_MAX) e = ix->heading_place[sentence];
  if (e != SIZE_MAX) {
    add_unique(out, &n, max, e);
    return n;
  }
  if (!focus) return n;
  if (st->focus_place != SIZE_MAX) add_unique(out, &n, max, st->focus_place);
  return n;
}
