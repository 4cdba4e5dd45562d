/* SPDX-License-Identifier: Apache-2.0
 * Surname lexicon: the common single-character surnames (about the first
 * five hundred by frequency, plus the 百家姓 list) and the compound ones.
 * Lookups are linear over short static strings, fast enough for names.
 * Depends on surname.h and text.h. */
#include "extractor/surname.h"

#include <string.h>

#include "cnkg/text.h"

static const char SINGLE[] =
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
    "常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂佟应臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"
    "官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚权强帅屠朴盖练廉禹井祖漆巴丰卿国狄平索宣晋云容敬扈晁芮阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况宿鲜印逯隆茹诸慕玉银亢嵇哈湛宾戎勾茅於呼居揭尉冶斯元束檀衣昝智幸奉植衡富尧闭"
    "习庹侬郗佴俎郄眭邴蒯郇仉贝巢刀晋蔺桓彦夔姒嬴芈钮兀卲沃訾弓拓咸蹇阎郦";

static const char *const COMPOUND[] = {
    "欧阳", "令狐", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙",
    "慕容", "长孙", "宇文", "司徒", "夏侯", "轩辕", "端木", "独孤", "南宫",
    "西门", "百里", "呼延", "万俟", "澹台", "公羊", "闻人", "赫连", "申屠",
    "钟离", "东郭", "左丘", "第五", "太史", "司空", "淳于", "单于", "拓跋",
    "完颜", "爱新觉罗", NULL};

size_t cnkg_surname_prefix(const char *s, size_t len) {
  if (!s || len == 0) return 0;
  for (size_t k = 0; COMPOUND[k]; k++) {
    size_t n = strlen(COMPOUND[k]);
    if (n < len && memcmp(s, COMPOUND[k], n) == 0) return n;
  }
  size_t i = 0;
  uint32_t cp = cnkg_utf8_next(s, len, &i);
  if (!cnkg_is_han(cp)) return 0;
  for (size_t j = 0; j + i <= sizeof SINGLE - 1; j += CNKG_HAN_BYTES)
    if (memcmp(SINGLE + j, s, i) == 0) return i;
  return 0;
}

bool cnkg_surname_is(const char *s, size_t len) {
  if (!s || len == 0) return false;
  for (size_t k = 0; COMPOUND[k]; k++) {
    size_t n = strlen(COMPOUND[k]);
    if (n == len && memcmp(s, COMPOUND[k], n) == 0) return true;
  }
  size_t i = 0;
  uint32_t cp = cnkg_utf8_next(s, len, &i);
  if (i != len || !cnkg_is_han(cp)) return false;
  for (size_t j = 0; j + i <= sizeof SINGLE - 1; j += CNKG_HAN_BYTES)
    if (memcmp(SINGLE + j, s, i) == 0) return true;
  return false;
}

bool cnkg_surname_full_name(const char *s, size_t len) {
  size_t sn = cnkg_surname_prefix(s, len);
  if (sn == 0) return false;
  size_t i = sn, given = 0;
  while (i < len) {
    uint32_t cp = cnkg_utf8_next(s, len, &i);
    if (!cnkg_is_han(cp)) return false;
    given++;
  }
  return given >= 1 && given <= 2;
}
