/* SPDX-License-Identifier: Apache-2.0
 * The division index (division.h): maps division.idx read-only and answers
 * name, code and tree queries straight from the mapping; also the key
 * derivation and variant fold the index builder shares with the recogniser.
 * Depends on division.h, division_int.h, text.h, status.h and POSIX mmap. */
#include "extractor/division.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "extractor/division_int.h"

_Static_assert(sizeof(CnkgDivHit) == 8, "CnkgDivHit is stored in the index as is");
_Static_assert(sizeof(CnkgDivIdxRec) == 16, "record layout");
_Static_assert(sizeof(CnkgDivIdxKey) == 12, "key layout");

struct CnkgDivision {
  void *map;
  size_t map_size;
  const CnkgDivIdxHeader *hdr;
  const CnkgDivIdxRec *recs;
  const uint32_t *bycode;
  const uint32_t *buckets;
  const CnkgDivIdxKey *keys;
  const CnkgDivHit *hits;
  const char *pool;
  const uint32_t *prefix;
  const uint64_t *filter;
  size_t filter_words;
  uint32_t nrec, nkeys, nhits, nbuckets, pool_size, nprefix;
  uint32_t deep;  /* ids from here on are townships and villages */
  char *path;
};

/* ---- variant fold ------------------------------------------------------ */

/* Small on purpose: only characters that place names and news text are
 * known to write differently and that are not traditional/simplified pairs
 * (intake converts those). Both sides are 3-byte UTF-8. */
static const char fold_table[][2][4] = {
  {"候", "侯"}, {"冈", "岗"}, {"嘴", "咀"}, {"峯", "峰"}, {"塆", "湾"}, {"垅", "垄"},
};

size_t cnkg_division_fold(CnkgStr in, char *out, size_t outsize) {
  if (outsize < in.len) return 0;
  if (in.len == 0) return 0;
  memcpy(out, in.buf, in.len);
  for (size_t i = 0; i + CNKG_HAN_BYTES <= in.len; i++) {
    unsigned char c = (unsigned char)out[i];
    if (c < 0xE0 || c > 0xEF) continue;
    /* Byte by byte, not memcmp: this runs for every character of every
     * lookup, and many characters share the lead byte of a variant. */
    for (size_t k = 0; k < sizeof fold_table / sizeof fold_table[0]; k++) {
      const char *from = fold_table[k][0];
      if (out[i] == from[0] && out[i + 1] == from[1] && out[i + 2] == from[2]) {
        memcpy(out + i, fold_table[k][1], CNKG_HAN_BYTES);
        break;
      }
    }
    i += 2;
  }
  return in.len;
}

/* ---- key derivation ---------------------------------------------------- */

/* Ethnic group names (without 族). Multi-character ones are also cut bare,
 * as in 新疆维吾尔自治区 or 伊犁哈萨克自治州; single characters only with 族. */
static const char *const ethnic_names[] = {
  "壮", "回", "维吾尔", "藏", "蒙古", "苗", "彝", "土家", "布依", "侗", "瑶",
  "朝鲜", "白", "哈尼", "哈萨克", "黎", "傣", "畲", "傈僳", "仡佬", "东乡",
  "高山", "拉祜", "水", "佤", "纳西", "羌", "土", "仫佬", "锡伯", "柯尔克孜",
  "达斡尔", "景颇", "毛南", "撒拉", "布朗", "塔吉克", "阿昌", "普米", "鄂温克",
  "怒", "京", "基诺", "德昂", "保安", "俄罗斯", "裕固", "乌孜别克", "门巴",
  "鄂伦春", "独龙", "塔塔尔", "赫哲", "珞巴", "满", "汉", "各", "民",
};

static bool ends_with(const char *s, size_t len, const char *suf, size_t *stem) {
  size_t n = strlen(suf);
  if (n > len || memcmp(s + len - n, suf, n) != 0) return false;
  *stem = len - n;
  return true;
}

static size_t chars(const char *s, size_t len) { return cnkg_utf8_count(s, len); }

/* Cuts trailing ethnic names (蒙古族藏族, 维吾尔, 民族) while at least two
 * characters remain; returns the new length. */
static size_t strip_ethnic(const char *s, size_t len) {
  for (;;) {
    size_t best = len;
    size_t base = len, t;
    bool zu = ends_with(s, len, "族", &t);
    if (zu) base = t;
    for (size_t k = 0; k < sizeof ethnic_names / sizeof ethnic_names[0]; k++) {
      const char *e = ethnic_names[k];
      size_t stem;
      if (!zu && chars(e, strlen(e)) < 2) continue;
      if (ends_with(s, base, e, &stem) && stem < best && chars(s, stem) >= 2) best = stem;
    }
    if (best == len) return len;
    len = best;
  }
}

typedef struct {
  CnkgDivKey *keys;
  size_t n, max;
  char *buf;
  size_t used, bufsize;
} KeySet;

static void add_key(KeySet *ks, const char *s, size_t len, CnkgKeyKind kind) {
  if (len == 0 || ks->n >= ks->max) return;
  for (size_t i = 0; i < ks->n; i++)
    if (ks->keys[i].key.len == len && memcmp(ks->keys[i].key.buf, s, len) == 0) return;
  ks->keys[ks->n].key.buf = s;
  ks->keys[ks->n].key.len = len;
  ks->keys[ks->n].kind = kind;
  ks->n++;
}

/* Adds stem + tail (composed in the caller's buffer) as a short key. */
static void add_composed(KeySet *ks, const char *stem, size_t len, const char *tail) {
  size_t tl = strlen(tail);
  if (ks->used + len + tl > ks->bufsize) return;
  char *p = ks->buf + ks->used;
  memcpy(p, stem, len);
  memcpy(p + len, tail, tl);
  ks->used += len + tl;
  add_key(ks, p, len + tl, CNKG_KEY_SHORT);
}

typedef struct {
  const char *suffix;
  bool autonomous;   /* cut ethnic names before the suffix too */
  const char *back;  /* also add stem + back (NULL: no) */
} ShortRule;

static const ShortRule province_rules[] = {
  {"特别行政区", false, NULL}, {"自治区", true, NULL}, {"省", false, NULL},
  {"市", false, NULL}, {NULL, false, NULL}};
static const ShortRule prefecture_rules[] = {
  {"自治州", true, "州"}, {"地区", false, NULL}, {"盟", false, NULL},
  {"市", false, NULL}, {NULL, false, NULL}};
static const ShortRule county_rules[] = {
  {"自治县", true, "县"}, {"自治旗", true, "旗"}, {"林区", false, NULL},
  {"特区", false, NULL}, {"新区", false, NULL}, {"县", false, NULL}, {"市", false, NULL},
  {"旗", false, NULL}, {"区", false, NULL}, {NULL, false, NULL}};
static const ShortRule township_rules[] = {
  {"街道办事处", false, NULL}, {"街道", false, NULL}, {"办事处", false, NULL},
  {"地区", false, NULL},
  {"民族乡", true, "乡"}, {"乡", true, "乡"}, {"民族苏木", true, "苏木"},
  {"苏木", true, "苏木"}, {"镇", false, NULL}, {NULL, false, NULL}};
static const ShortRule village_rules[] = {
  {"社区", false, NULL}, {"嘎查", false, NULL}, {"村", false, NULL},
  {NULL, false, NULL}};

/* Names ending so are zones, not places named by their first characters. */
static const char *const zone_suffixes[] = {
  "开发区", "管理区", "园区", "示范区", "生活区", "试验区", "实验区", "合作区",
  "管委会", "农场", "林场", NULL};

/* Banners and counties named for the left or right wing of a league keep
 * the first character of the league and the wing: 科尔沁左翼中旗 → 科左中旗,
 * 察哈尔右翼前旗 → 察右前旗, 喀喇沁左翼(蒙古族自治)县 → 喀左县. stem is the
 * name before its suffix, tail the suffix to write after the short form. */
static void add_wing_short(KeySet *ks, const char *s, size_t stem, const char *tail) {
  static const char *const wings[] = {"左翼", "右翼"};
  size_t first = 0;
  cnkg_utf8_next(s, stem, &first);
  for (size_t k = 0; k < 2; k++) {
    const char *at = NULL;
    for (size_t i = first; i + strlen(wings[k]) <= stem; i++)
      if (memcmp(s + i, wings[k], strlen(wings[k])) == 0) {
        at = s + i;
        break;
      }
    if (!at || chars(s, (size_t)(at - s)) < 2) continue;
    size_t side = strlen("左"), rest = stem - (size_t)(at - s) - strlen(wings[k]);
    size_t tl = strlen(tail), n = first + side + rest + tl;
    if (ks->used + n > ks->bufsize) return;
    char *p = ks->buf + ks->used;
    memcpy(p, s, first);
    memcpy(p + first, at, side);
    memcpy(p + first + side, at + strlen(wings[k]), rest);
    memcpy(p + first + side + rest, tail, tl);
    ks->used += n;
    add_key(ks, p, n, CNKG_KEY_SHORT);
    return;
  }
}

static void add_shorts(KeySet *ks, const char *s, size_t len, CnkgLevel level) {
  static const ShortRule *const by_level[6] = {
    NULL, province_rules, prefecture_rules, county_rules, township_rules, village_rules};
  size_t stem;
  for (size_t z = 0; zone_suffixes[z]; z++)
    if (ends_with(s, len, zone_suffixes[z], &stem)) return;
  const ShortRule *r = by_level[level];
  for (; r && r->suffix; r++) {
    if (!ends_with(s, len, r->suffix, &stem)) continue;
    size_t cut = r->autonomous ? strip_ethnic(s, stem) : stem, bare;
    /* 鄂温克族自治旗: the whole stem is an ethnic name; keep it, minus 族. */
    if (r->autonomous && cut == stem && ends_with(s, stem, "族", &bare) && chars(s, bare) >= 2)
      cut = bare;
    if (chars(s, cut) < 2) return;
    add_key(ks, s, cut, CNKG_KEY_SHORT);
    if (level == CNKG_LEVEL_COUNTY) add_wing_short(ks, s, cut, r->back ? r->back : r->suffix);
    /* 海西蒙古族藏族自治州 → 海西州; 长哨营满族乡 → 长哨营乡; a plain 乡
     * already is stem + 乡. */
    if (r->back && cut != stem) add_composed(ks, s, cut, r->back);
    else if (r->back && r->autonomous && strcmp(r->suffix, "乡") != 0 &&
             strcmp(r->suffix, "苏木") != 0)
      add_composed(ks, s, cut, r->back);
    return;
  }
}

/* Committee markers at the end of village-level names, longest first. The
 * list writes them many ways (村民委员会, 村委会, 村委, 居民管理委员会,
 * 牧委会, …). Markers starting with 村 leave it in the place name (红河村委会
 * → 红河村), so the place name is always a prefix of the official name. */
static const char *const committee_markers[] = {
  "社区居民管理委员会", "居民管理委员会", "村民委员会", "居民委员会", "牧民委员会",
  "管理委员会", "村民委会", "居民委会", "委员会", "村委会", "居委会", "牧委会",
  "村委", "居委", "委会",
};

/* Length of the place name inside a village-level official name. */
static size_t place_len(const char *s, size_t len) {
  size_t stem, t;
  for (size_t i = 0; i < sizeof committee_markers / sizeof committee_markers[0]; i++) {
    const char *m = committee_markers[i];
    if (!ends_with(s, len, m, &stem) || stem == 0) continue;
    if (strncmp(m, "村", strlen("村")) == 0 && !ends_with(s, stem, "村", &t) &&
        !ends_with(s, stem, "嘎查", &t))
      stem += strlen("村");                    /* 红河|村委会 → 红河村 */
    else if (strncmp(m, "社区", strlen("社区")) == 0)
      stem += strlen("社区");                  /* X|社区居民管理委员会 → X社区 */
    if (ends_with(s, stem, "社区居民", &t)) stem = t + strlen("社区");
    return stem;
  }
  return len;
}

size_t cnkg_division_place_len(CnkgStr name, CnkgLevel level) {
  if (!name.buf || level != CNKG_LEVEL_VILLAGE) return name.buf ? name.len : 0;
  size_t p = place_len(name.buf, name.len);
  /* 第一居委会 → 第一, 第四社区 name no place on their own. */
  bool ordinal = strncmp(name.buf, "第", strlen("第")) == 0 && chars(name.buf, p) <= 4;
  return chars(name.buf, p) >= 2 && !ordinal ? p : name.len;
}

size_t cnkg_division_keys(CnkgStr name, CnkgLevel level, CnkgDivKey *keys,
                          size_t max, char *buf, size_t bufsize) {
  KeySet ks = {keys, 0, max, buf, 0, bufsize};
  if (!name.buf || name.len == 0 || level < CNKG_LEVEL_PROVINCE || level > CNKG_LEVEL_VILLAGE)
    return 0;
  add_key(&ks, name.buf, name.len, CNKG_KEY_OFFICIAL);
  size_t place = name.len;
  if (level == CNKG_LEVEL_VILLAGE) {
    place = cnkg_division_place_len(name, level);
    add_key(&ks, name.buf, place, CNKG_KEY_PLACE);
  }
  add_shorts(&ks, name.buf, place, level);
  return ks.n;
}

/* ---- the mapping ------------------------------------------------------- */

static void set_err(char *err, size_t errsize, const char *path, const char *msg) {
  if (err && errsize) snprintf(err, errsize, "%s: %s", path, msg);
}

void cnkg_division_free(CnkgDivision *div) {
  if (!div) return;
  if (div->map) munmap(div->map, div->map_size);
  free(div->path);
  free(div);
}

/* The first id at or past the roots whose parent is >= p (parents are
 * non-decreasing there), or nrec. */
static uint32_t first_child_at_least(const CnkgDivision *div, uint32_t p) {
  uint32_t nroots = div->hdr->level_count[CNKG_LEVEL_PROVINCE];
  size_t lo = nroots < div->nrec ? nroots : div->nrec, hi = div->nrec;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (div->recs[mid].parent < p) lo = mid + 1; else hi = mid;
  }
  return (uint32_t)lo;
}

CnkgStatus cnkg_division_open(const char *path, CnkgDivision **out, char *err,
                              size_t errsize) {
  *out = NULL;
  if (err && errsize) err[0] = '\0';
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    char msg[256];
    snprintf(msg, sizeof msg, "cannot open the division index: %s", strerror(errno));
    set_err(err, errsize, path, msg);
    return CNKG_ERR_DATA;
  }
  struct stat st;
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    close(fd);
    set_err(err, errsize, path, "not a regular file");
    return CNKG_ERR_DATA;
  }
  size_t size = (size_t)st.st_size;
  if (size < sizeof(CnkgDivIdxHeader)) {
    close(fd);
    set_err(err, errsize, path, "truncated division index (shorter than its header)");
    return CNKG_ERR_DATA;
  }
  void *map = mmap(NULL, size, PROT_READ, MAP_PRIVATE, fd, 0);
  close(fd);
  if (map == MAP_FAILED) {
    set_err(err, errsize, path, "cannot map the division index");
    return CNKG_ERR_DATA;
  }
  CnkgDivision *div = calloc(1, sizeof *div);
  if (!div || !(div->path = cnkg_strndup(path, strlen(path)))) {
    free(div);
    munmap(map, size);
    set_err(err, errsize, path, "out of memory");
    return CNKG_ERR_NOMEM;
  }
  div->map = map;
  div->map_size = size;
  const CnkgDivIdxHeader *h = map;
  const char *why = NULL;
  size_t offs[9];
  uint64_t total = 0;
  if (memcmp(h->magic, CNKG_DIVIDX_MAGIC, 8) != 0)
    why = "not a cnkg division index (bad magic)";
  else if (h->bom != CNKG_DIVIDX_BOM)
    why = "division index made on a machine with another byte order; rebuild it";
  else if (h->version != CNKG_DIVIDX_VERSION)
    why = "division index has an unsupported version; rebuild it with cnkg-mkdivision";
  else if (h->nbuckets == 0 || (h->nbuckets & (h->nbuckets - 1)) != 0 ||
           h->nprefix == 0 || (h->nprefix & (h->nprefix - 1)) != 0 || h->nrec == 0 ||
           h->nrec == UINT32_MAX || h->level_count[0] != 0)
    why = "corrupt division index header";
  else {
    for (int l = 0; l < 6; l++) total += h->level_count[l];
    cnkg_dividx_layout(h->nrec, h->nbuckets, h->nkeys, h->nhits, h->pool_size, h->nprefix,
                       offs);
    if (total != h->nrec || h->level_count[CNKG_LEVEL_PROVINCE] == 0)
      why = "corrupt division index header (level counts)";
    else if (h->file_size != (uint64_t)offs[8] || size != offs[8])
      why = size < offs[8] ? "truncated division index" : "division index has trailing or missing bytes";
  }
  if (why) {
    set_err(err, errsize, path, why);
    cnkg_division_free(div);
    return CNKG_ERR_DATA;
  }
  const char *base = map;
  div->hdr = h;
  div->recs = (const CnkgDivIdxRec *)(const void *)(base + offs[0]);
  div->bycode = (const uint32_t *)(const void *)(base + offs[1]);
  div->buckets = (const uint32_t *)(const void *)(base + offs[2]);
  div->keys = (const CnkgDivIdxKey *)(const void *)(base + offs[3]);
  div->hits = (const CnkgDivHit *)(const void *)(base + offs[4]);
  div->pool = base + offs[5];
  div->prefix = (const uint32_t *)(const void *)(base + offs[6]);
  div->filter = (const uint64_t *)(const void *)(base + offs[7]);
  div->filter_words = cnkg_dividx_filter_words(h->nkeys);
  div->nrec = h->nrec;
  div->nkeys = h->nkeys;
  div->nhits = h->nhits;
  div->nbuckets = h->nbuckets;
  div->pool_size = h->pool_size;
  div->nprefix = h->nprefix;
  /* Breadth-first order: the provinces, their children, then those
   * children's children are the records at depth 1-3; every record past
   * them has three ancestors, each of a higher level, so it is a township
   * or a village. Two binary searches over the parents find the end. */
  uint32_t nroots = h->level_count[CNKG_LEVEL_PROVINCE];
  div->deep = first_child_at_least(div, first_child_at_least(div, nroots));
  *out = div;
  return CNKG_SUCCESS;
}

size_t cnkg_division_count(const CnkgDivision *div) { return div ? div->nrec : 0; }

size_t cnkg_division_count_level(const CnkgDivision *div, CnkgLevel level) {
  if (!div || level > CNKG_LEVEL_VILLAGE) return 0;
  return div->hdr->level_count[level];
}

static uint64_t rec_code(const CnkgDivIdxRec *r) {
  return ((uint64_t)r->code_hi << 32) | r->code_lo;
}

CnkgStatus cnkg_division_get(const CnkgDivision *div, CnkgDivId id, CnkgDivRecord *rec) {
  if (!div || !rec || id >= div->nrec) return CNKG_ERR_ARG;
  const CnkgDivIdxRec *r = &div->recs[id];
  unsigned digits = cnkg_dividx_digits(r->level);
  uint64_t code = rec_code(r);
  if (digits == 0 || r->level == 0 || (uint64_t)r->name_off + r->name_len > div->pool_size ||
      (r->parent != CNKG_DIV_NONE && r->parent >= div->nrec) || code >= 1000000000000ull)
    return CNKG_ERR_DATA;
  rec->name = div->pool + r->name_off;
  rec->name_len = r->name_len;
  /* By hand: snprintf was a tenth of the recogniser's time. code < 10^12
   * and digits <= 12, so it fits, zero-padded on the left. */
  for (unsigned i = digits; i-- > 0; code /= 10) rec->code[i] = (char)('0' + code % 10);
  rec->code[digits] = '\0';
  rec->level = (CnkgLevel)r->level;
  rec->parent = r->parent;
  return CNKG_SUCCESS;
}

CnkgLevel cnkg_division_level(const CnkgDivision *div, CnkgDivId id) {
  if (!div || id >= div->nrec) return CNKG_LEVEL_NONE;
  unsigned level = div->recs[id].level;
  return level >= CNKG_LEVEL_PROVINCE && level <= CNKG_LEVEL_VILLAGE ? (CnkgLevel)level
                                                                     : CNKG_LEVEL_NONE;
}

bool cnkg_division_is_county_or_higher(const CnkgDivision *div, CnkgDivId id) {
  if (!div || id >= div->deep) return false;
  CnkgLevel level = cnkg_division_level(div, id);
  return level != CNKG_LEVEL_NONE && level <= CNKG_LEVEL_COUNTY;
}

bool cnkg_division_is_placeholder(const CnkgDivision *div, CnkgDivId id) {
  return div && id < div->nrec && (div->recs[id].flags & CNKG_DIVIDX_PLACEHOLDER);
}

CnkgDivId cnkg_division_parent(const CnkgDivision *div, CnkgDivId id) {
  if (!div || id >= div->nrec) return CNKG_DIV_NONE;
  CnkgDivId p = div->recs[id].parent;
  return p < div->nrec ? p : CNKG_DIV_NONE;
}

CnkgDivId cnkg_division_ancestor(const CnkgDivision *div, CnkgDivId id, CnkgLevel level) {
  /* At most five levels; the step limit guards against a corrupt cycle. */
  for (int steps = 0; steps < 6 && div && id < div->nrec; steps++) {
    if (div->recs[id].level == level) return id;
    if (div->recs[id].level < level) return CNKG_DIV_NONE;
    id = div->recs[id].parent;
  }
  return CNKG_DIV_NONE;
}

bool cnkg_division_is_within(const CnkgDivision *div, CnkgDivId id, CnkgDivId anc) {
  for (int steps = 0; steps < 6 && div && id < div->nrec; steps++) {
    if (id == anc) return true;
    id = div->recs[id].parent;
  }
  return false;
}

CnkgStatus cnkg_division_children(const CnkgDivision *div, CnkgDivId id,
                                  CnkgDivId *first, size_t *count) {
  *first = 0;
  *count = 0;
  if (!div) return CNKG_ERR_ARG;
  uint32_t nroots = div->hdr->level_count[CNKG_LEVEL_PROVINCE];
  if (nroots > div->nrec) return CNKG_ERR_DATA;
  if (id == CNKG_DIV_NONE) {
    *count = nroots;
    return CNKG_SUCCESS;
  }
  if (id >= div->nrec) return CNKG_ERR_ARG;
  /* Breadth-first order: parents are non-decreasing after the roots. */
  size_t lo = nroots, hi = div->nrec;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (div->recs[mid].parent < id) lo = mid + 1; else hi = mid;
  }
  size_t start = lo;
  hi = div->nrec;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (div->recs[mid].parent <= id) lo = mid + 1; else hi = mid;
  }
  *first = (CnkgDivId)start;
  *count = lo - start;
  return CNKG_SUCCESS;
}

CnkgStatus cnkg_division_find_code(const CnkgDivision *div, const char *code, CnkgDivId *id) {
  *id = CNKG_DIV_NONE;
  if (!div || !code) return CNKG_ERR_ARG;
  size_t n = strlen(code);
  if (n != 2 && n != 4 && n != 6 && n != 9 && n != 12) return CNKG_NOTHING;
  uint64_t want = 0;
  for (size_t i = 0; i < n; i++) {
    if (code[i] < '0' || code[i] > '9') return CNKG_NOTHING;
    want = want * 10 + (uint64_t)(code[i] - '0');
  }
  size_t lo = 0, hi = div->nrec;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    uint32_t r = div->bycode[mid];
    if (r >= div->nrec) return CNKG_ERR_DATA;
    uint64_t c = rec_code(&div->recs[r]);
    if (c == want) {
      if (cnkg_dividx_digits(div->recs[r].level) != n) return CNKG_NOTHING;
      *id = r;
      return CNKG_SUCCESS;
    }
    if (c < want) lo = mid + 1; else hi = mid;
  }
  return CNKG_NOTHING;
}

size_t cnkg_division_lookup(const CnkgDivision *div, CnkgStr name, const CnkgDivHit **hits) {
  *hits = NULL;
  char folded[512];
  if (!div || !name.buf || name.len == 0 || name.len > sizeof folded) return 0;
  cnkg_division_fold(name, folded, sizeof folded);
  if (name.len > 255) return 0;
  uint64_t hash = cnkg_dividx_hash(folded, name.len);
  /* Most queries of the recogniser miss: the key filter answers nearly all
   * of those from 2 MiB, without the cache misses into buckets and keys. */
  size_t bit = cnkg_dividx_filter_bit(hash, div->filter_words);
  if (!(div->filter[bit / 64] >> (bit % 64) & 1)) return 0;
  uint32_t b = (uint32_t)hash & (div->nbuckets - 1), tag = cnkg_dividx_tag(hash, name.len);
  uint32_t k0 = div->buckets[b], k1 = div->buckets[b + 1];
  if (k0 > k1 || k1 > div->nkeys) return 0;
  for (uint32_t k = k0; k < k1; k++) {
    const CnkgDivIdxKey *key = &div->keys[k];
    if (key->len_tag != tag || (uint64_t)key->str_off + name.len > div->pool_size) continue;
    if (memcmp(div->pool + key->str_off, folded, name.len) != 0) continue;
    uint32_t h0 = key->hit_start, h1 = div->keys[k + 1].hit_start;
    if (h0 >= h1 || h1 > div->nhits) return 0;
    *hits = div->hits + h0;
    return h1 - h0;
  }
  return 0;
}

uint32_t cnkg_division_prefix_lengths(const CnkgDivision *div, CnkgStr name) {
  if (!div || !name.buf) return UINT32_MAX;
  size_t p2 = cnkg_dividx_prefix_bytes(name.buf, name.len, 2);
  size_t p3 = cnkg_dividx_prefix_bytes(name.buf, name.len, 3);
  char folded[12];
  if (p2 == 0) return UINT32_MAX;
  cnkg_division_fold((CnkgStr){name.buf, p3 ? p3 : p2}, folded, sizeof folded);
  uint32_t m = div->prefix[cnkg_dividx_prefix_slot(folded, p2, div->nprefix)];
  /* Keys of three or more characters must match the third one too: this
   * second probe clears most of the longer lengths a common pair allows. */
  uint32_t two = cnkg_dividx_len_bit(2);
  if (p3 && (m & ~two))
    m &= div->prefix[cnkg_dividx_prefix_slot(folded, p3, div->nprefix)] | two;
  return m;
}

/* The prefix table and the key filter must be exactly the ones the keys
 * make: a missing bit would hide names, a stray one only costs time, but
 * either means the file is not what mkdivision wrote. Keys are checked
 * before this. */
static CnkgStatus verify_filters(const CnkgDivision *div, char *err, size_t errsize) {
  uint32_t *want = calloc(div->nprefix, sizeof *want);
  uint64_t *bits = calloc(div->filter_words, sizeof *bits);
  if (!want || !bits) {
    free(want);
    free(bits);
    set_err(err, errsize, div->path, "out of memory");
    return CNKG_ERR_NOMEM;
  }
  for (uint32_t k = 0; k < div->nkeys; k++) {
    const char *s = div->pool + div->keys[k].str_off;
    size_t len = div->keys[k].len_tag & 0xFFu;
    cnkg_dividx_prefix_add(want, div->nprefix, s, len);
    size_t bit = cnkg_dividx_filter_bit(cnkg_dividx_hash(s, len), div->filter_words);
    bits[bit / 64] |= (uint64_t)1 << (bit % 64);
  }
  const char *why = NULL;
  if (memcmp(want, div->prefix, (size_t)div->nprefix * sizeof *want) != 0)
    why = "corrupt division index: prefix table";
  else if (memcmp(bits, div->filter, div->filter_words * sizeof *bits) != 0)
    why = "corrupt division index: key filter";
  free(want);
  free(bits);
  if (!why) return CNKG_SUCCESS;
  set_err(err, errsize, div->path, why);
  return CNKG_ERR_DATA;
}

CnkgStatus cnkg_division_verify(const CnkgDivision *div, char *err, size_t errsize) {
  if (!div) return CNKG_ERR_ARG;
  char msg[160];
  uint32_t nroots = div->hdr->level_count[CNKG_LEVEL_PROVINCE];
  uint32_t seen[6] = {0};
  for (uint32_t i = 0; i < div->nrec; i++) {
    const CnkgDivIdxRec *r = &div->recs[i];
    bool ok = r->level >= CNKG_LEVEL_PROVINCE && r->level <= CNKG_LEVEL_VILLAGE &&
              (uint64_t)r->name_off + r->name_len <= div->pool_size && r->name_len > 0;
    if (ok) {
      seen[r->level]++;
      if (i < nroots) ok = r->level == CNKG_LEVEL_PROVINCE && r->parent == CNKG_DIV_NONE;
      else ok = r->parent < div->nrec && div->recs[r->parent].level < r->level &&
                (i == nroots || r->parent >= div->recs[i - 1].parent) &&
                !(div->recs[r->parent].flags & CNKG_DIVIDX_PLACEHOLDER);
    }
    if (!ok) {
      snprintf(msg, sizeof msg, "corrupt division index: record %u", (unsigned)i);
      set_err(err, errsize, div->path, msg);
      return CNKG_ERR_DATA;
    }
  }
  for (int l = 1; l < 6; l++) {
    if (seen[l] != div->hdr->level_count[l]) {
      set_err(err, errsize, div->path, "corrupt division index: level counts");
      return CNKG_ERR_DATA;
    }
  }
  for (uint32_t i = 0; i < div->nrec; i++) {
    uint32_t r = div->bycode[i];
    if (r >= div->nrec || (i > 0 && rec_code(&div->recs[div->bycode[i - 1]]) >= rec_code(&div->recs[r]))) {
      set_err(err, errsize, div->path, "corrupt division index: code table");
      return CNKG_ERR_DATA;
    }
  }
  if (div->buckets[0] != 0 || div->buckets[div->nbuckets] != div->nkeys ||
      div->keys[div->nkeys].hit_start != div->nhits) {
    set_err(err, errsize, div->path, "corrupt division index: key table bounds");
    return CNKG_ERR_DATA;
  }
  for (uint32_t b = 0; b < div->nbuckets; b++) {
    uint32_t k0 = div->buckets[b], k1 = div->buckets[b + 1];
    if (k0 > k1 || k1 > div->nkeys) {
      set_err(err, errsize, div->path, "corrupt division index: buckets");
      return CNKG_ERR_DATA;
    }
    for (uint32_t k = k0; k < k1; k++) {
      const CnkgDivIdxKey *key = &div->keys[k];
      size_t len = key->len_tag & 0xFFu;
      uint64_t hash = len && (uint64_t)key->str_off + len <= div->pool_size
                          ? cnkg_dividx_hash(div->pool + key->str_off, len) : 0;
      if (len == 0 || (uint64_t)key->str_off + len > div->pool_size ||
          ((uint32_t)hash & (div->nbuckets - 1)) != b || cnkg_dividx_tag(hash, len) != key->len_tag ||
          key->hit_start >= div->keys[k + 1].hit_start) {
        snprintf(msg, sizeof msg, "corrupt division index: key %u", (unsigned)k);
        set_err(err, errsize, div->path, msg);
        return CNKG_ERR_DATA;
      }
    }
  }
  for (uint32_t i = 0; i < div->nhits; i++) {
    if (div->hits[i].id >= div->nrec || (unsigned)div->hits[i].kind > CNKG_KEY_SHORT) {
      snprintf(msg, sizeof msg, "corrupt division index: hit %u", (unsigned)i);
      set_err(err, errsize, div->path, msg);
      return CNKG_ERR_DATA;
    }
  }
  return verify_filters(div, err, errsize);
}
