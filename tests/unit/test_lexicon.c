/* SPDX-License-Identifier: Apache-2.0
 * Tests for the carrier rule of extractor/lexicon.c (which place or
 * organisation carries an industry or policy named in a sentence), on short
 * texts written for the purpose with the named entities marked by hand. */
#include <stdio.h>

#include "check.h"
#include "extractor/lexicon.h"
#include "recog_fixture.h"

typedef struct {
  const char *name;
  CnkgType type;
} Named;

/* The carriers of the first occurrence of mention in text, with the named
 * entities marked at every occurrence, as "|label|label|" in buf. focus
 * (a label of named, or NULL) is the document's focus place. */
static void carriers(const char *text, const Named *named, const char *mention,
                     unsigned flags, const char *focus, char *buf, size_t cap) {
  Fixture f;
  fixture_init(&f, text);
  for (size_t i = 0; named[i].name; i++) {
    size_t e = fixture_place(&f, named[i].name, named[i].type);
    if (focus && strcmp(focus, named[i].name) == 0) f.st.focus_place = e;
  }
  const char *p = strstr(f.text.norm, mention);
  CHECK(p != NULL);
  buf[0] = '\0';
  if (p) {
    size_t b = (size_t)(p - f.text.norm), e = b + strlen(mention);
    size_t si = cnkg_docstate_sentence_at(&f.st, b);
    size_t who[8];
    CnkgCarriers *ix = cnkg_lexicon_carriers_new(&f.st);
    CHECK(ix != NULL);
    size_t n = cnkg_lexicon_carriers(ix, si, b, e, flags, who, 8);
    cnkg_lexicon_carriers_free(ix);
    size_t len = (size_t)snprintf(buf, cap, "|");
    for (size_t k = 0; k < n && len < cap; k++)
      len += (size_t)snprintf(buf + len, cap - len, "%s|",
                              cnkg_graph_entity(f.graph, who[k])->label);
  }
  fixture_free(&f);
}

static bool has(const char *buf, const char *label) {
  char want[128];
  snprintf(want, sizeof want, "|%s|", label);
  return strstr(buf, want) != NULL;
}

#define C CNKG_TYPE_COUNTY
#define T CNKG_TYPE_TOWNSHIP
#define V CNKG_TYPE_VILLAGE
#define O CNKG_TYPE_ORGANIZATION
#define ORGS CNKG_CARRY_ORGS

int main(void) {
  char got[256];

  /* a chain after the mention: its innermost place, not its outer end */
  carriers("发展茶叶种植的红山县青石镇成了全县的示范镇。",
           (Named[]){{"红山县", C}, {"青石镇", T}, {NULL, C}}, "茶叶种植", 0,
           NULL, got, sizeof got);
  CHECK(has(got, "青石镇") && !has(got, "红山县"));

  /* 村里 nearer than the township named: the village named before */
  carriers("柳溪村在山脚下。\n青石镇干部介绍,村里发展了核桃种植。",
           (Named[]){{"柳溪村", V}, {"青石镇", T}, {NULL, C}}, "核桃种植", 0,
           NULL, got, sizeof got);
  CHECK(has(got, "柳溪村") && !has(got, "青石镇"));

  /* a village before a product and its base is where it is farmed ... */
  carriers("红山县柳溪村猕猴桃种植基地今年丰收。",
           (Named[]){{"红山县", C}, {"柳溪村", V}, {NULL, C}}, "猕猴桃种植", 0,
           NULL, got, sizeof got);
  CHECK(has(got, "柳溪村") && !has(got, "红山县"));
  /* ... but before a product alone it only labels where it comes from */
  carriers("柳溪村的村民把青石镇蜜桃卖到了省城。",
           (Named[]){{"柳溪村", V}, {"青石镇", T}, {NULL, C}}, "蜜桃", 0, NULL,
           got, sizeof got);
  CHECK(has(got, "柳溪村") && !has(got, "青石镇"));

  /* a place in an enterprise's name is a name part; the enterprise is the
   * clause's subject */
  carriers("白云省旅游集团投资的民宿很受欢迎。",
           (Named[]){{"白云省", CNKG_TYPE_PROVINCE}, {"白云省旅游集团", O},
                     {NULL, C}},
           "民宿", ORGS, NULL, got, sizeof got);
  CHECK(has(got, "白云省旅游集团") && !has(got, "白云省"));
  /* the place of one of its own bodies is the place the text is about */
  carriers("红山县商务局推动消费扶贫。",
           (Named[]){{"红山县", C}, {"红山县商务局", O}, {NULL, C}}, "消费扶贫",
           ORGS, NULL, got, sizeof got);
  CHECK(has(got, "红山县"));

  /* where goods are sold to, and a neighbour, carry nothing */
  carriers("柳溪村地处山区。\n今年的蜂蜜销往红山县、黑水县。合作社新建了中蜂养殖基地。",
           (Named[]){{"柳溪村", V}, {"红山县", C}, {"黑水县", C}, {NULL, C}},
           "中蜂养殖", 0, NULL, got, sizeof got);
  CHECK(!has(got, "红山县") && !has(got, "黑水县"));
  carriers("柳溪村与黑水县交界,发展核桃种植。",
           (Named[]){{"柳溪村", V}, {"黑水县", C}, {NULL, C}}, "核桃种植", 0,
           NULL, got, sizeof got);
  CHECK(has(got, "柳溪村") && !has(got, "黑水县"));

  /* every member of a list of carriers, items with their own chains too */
  carriers("在柳溪村、石门村和竹林村建起了香菇种植大棚。",
           (Named[]){{"柳溪村", V}, {"石门村", V}, {"竹林村", V}, {NULL, C}},
           "香菇种植", 0, NULL, got, sizeof got);
  CHECK(has(got, "柳溪村") && has(got, "石门村") && has(got, "竹林村"));
  carriers("记者走访了红山县柳溪村、黑水县石门村的香菇种植基地。",
           (Named[]){{"红山县", C}, {"柳溪村", V}, {"黑水县", C}, {"石门村", V},
                     {NULL, C}},
           "香菇种植", 0, NULL, got, sizeof got);
  CHECK(has(got, "柳溪村") && has(got, "石门村") && !has(got, "黑水县"));

  /* 地处/位于: where the clause says the thing lies */
  carriers("白云市援建的中蜂养殖园地处红山县柳溪村。",
           (Named[]){{"白云市", CNKG_TYPE_PREFECTURE}, {"红山县", C},
                     {"柳溪村", V}, {NULL, C}},
           "中蜂养殖", 0, NULL, got, sizeof got);
  CHECK(has(got, "柳溪村") && !has(got, "白云市"));

  /* 合作社 refers to the cooperative named before */
  carriers("青禾种植专业合作社成立于去年。\n目前,合作社种植了羊肚菌。",
           (Named[]){{"青禾种植专业合作社", O}, {NULL, C}}, "羊肚菌", ORGS, NULL,
           got, sizeof got);
  CHECK(has(got, "青禾种植专业合作社"));
  /* ... and the clause is about it, not about the paragraph's place */
  carriers("红山县的青禾种植专业合作社成立于去年。\n红山县地处山区。合作社种植了羊肚菌。",
           (Named[]){{"红山县", C}, {"青禾种植专业合作社", O}, {NULL, C}}, "羊肚菌",
           ORGS, NULL, got, sizeof got);
  CHECK(has(got, "青禾种植专业合作社") && !has(got, "红山县"));
  /* an enterprise the clause names before the mention carries it with
   * the place ... */
  carriers("柳溪村成立了青禾种植专业合作社,流转土地三百亩,种植蓝莓。",
           (Named[]){{"柳溪村", V}, {"青禾种植专业合作社", O}, {NULL, C}},
           "蓝莓", ORGS, NULL, got, sizeof got);
  CHECK(has(got, "柳溪村") && has(got, "青禾种植专业合作社"));
  /* ... unless it only qualifies a person who does the thing */
  carriers("柳溪村青禾种植专业合作社理事长张三正在直播销售草莓。",
           (Named[]){{"柳溪村", V}, {"青禾种植专业合作社", O},
                     {"张三", CNKG_TYPE_PERSON}, {NULL, C}},
           "草莓", ORGS, NULL, got, sizeof got);
  CHECK(!has(got, "青禾种植专业合作社"));

  /* with BODIES, a government body before the mention carries a policy,
   * every organiser of a list does, a body named after it does not */
  carriers("红山县商务局以农超对接为抓手。",
           (Named[]){{"红山县", C}, {"红山县商务局", O}, {NULL, C}}, "农超对接",
           ORGS | CNKG_CARRY_BODIES, NULL, got, sizeof got);
  CHECK(has(got, "红山县商务局") && has(got, "红山县"));
  carriers("红山县商务局以农超对接为抓手。",
           (Named[]){{"红山县", C}, {"红山县商务局", O}, {NULL, C}}, "农超对接",
           ORGS, NULL, got, sizeof got);
  CHECK(!has(got, "红山县商务局"));
  carriers("白云省脱贫攻坚指挥部发布公告。",
           (Named[]){{"白云省", CNKG_TYPE_PROVINCE}, {"白云省脱贫攻坚指挥部", O},
                     {NULL, C}},
           "脱贫攻坚", ORGS | CNKG_CARRY_BODIES, NULL, got, sizeof got);
  CHECK(has(got, "白云省") && !has(got, "白云省脱贫攻坚指挥部"));
  carriers("由红山县商务局、红山县扶贫局和青石镇人民政府主办的农超对接活动在柳溪村启动。",
           (Named[]){{"红山县商务局", O}, {"红山县扶贫局", O}, {"青石镇人民政府", O},
                     {"柳溪村", V}, {NULL, C}},
           "农超对接", ORGS | CNKG_CARRY_BODIES, NULL, got, sizeof got);
  CHECK(has(got, "红山县商务局") && has(got, "红山县扶贫局") && has(got, "青石镇人民政府"));

  /* 我省 after the mention, before any place */
  carriers("白云省召开大会。\n脱贫攻坚以来,我省减贫成效明显,红山县摘帽。",
           (Named[]){{"白云省", CNKG_TYPE_PROVINCE}, {"红山县", C}, {NULL, C}},
           "脱贫攻坚", 0, NULL, got, sizeof got);
  CHECK(has(got, "白云省") && !has(got, "红山县"));

  /* the paragraph is about the places it names, not one that only
   * qualifies a department's name; the place's own party committee or
   * government acts for it */
  carriers("白云省发改委派驻柳溪村的第一书记张三来了。他带领村民推进脱贫攻坚。",
           (Named[]){{"白云省", CNKG_TYPE_PROVINCE}, {"白云省发改委", O}, {"柳溪村", V},
                     {NULL, C}},
           "脱贫攻坚", CNKG_CARRY_TOPIC, NULL, got, sizeof got);
  CHECK(has(got, "柳溪村") && !has(got, "白云省"));
  carriers("白云省委召开会议。会议要求推进脱贫攻坚。",
           (Named[]){{"白云省", CNKG_TYPE_PROVINCE}, {"白云省委", O}, {NULL, C}},
           "脱贫攻坚", CNKG_CARRY_TOPIC, NULL, got, sizeof got);
  CHECK(has(got, "白云省"));

  /* a quotation first, then who said it, where */
  carriers("“今年的核桃卖了好价钱。”\n青石镇柳溪村村民李四说。",
           (Named[]){{"青石镇", T}, {"柳溪村", V}, {NULL, C}}, "核桃", 0, NULL,
           got, sizeof got);
  CHECK_STR(got, "|");
  carriers("“今年的核桃卖了好价钱。”青石镇柳溪村村民李四说。",
           (Named[]){{"青石镇", T}, {"柳溪村", V}, {NULL, C}}, "核桃", 0, NULL,
           got, sizeof got);
  CHECK(has(got, "柳溪村") && !has(got, "青石镇"));

  /* last resort: the village the document is about rather than its
   * county */
  carriers("这是一篇关于山区产业发展的报道,内容很多,篇幅也很长。\n"
           "柳溪村在山脚下。柳溪村有三百户。\n"
           "村民们说日子好过了,香菇种植很红火。",
           (Named[]){{"柳溪村", V}, {"红山县", C}, {NULL, C}}, "香菇种植",
           CNKG_CARRY_FOCUS, "红山县", got, sizeof got);
  CHECK(has(got, "柳溪村") && !has(got, "红山县"));

  return check_finish();
}
