/* SPDX-License-Identifier: Apache-2.0
 * cnkg-mkdivision CSVDIR OUT: reads the five china-division@2.7.0 CSVs
 * (provinces, cities, areas, streets, villages) and writes the division
 * index OUT (layout in extractor/division_int.h) for cnkg_division_open(),
 * with its prefix and key filters.
 * Build-time tool; depends on extractor/division.h and the C library. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cnkg/text.h"
#include "extractor/division.h"
#include "extractor/division_int.h"

typedef struct {
  uint64_t code;
  uint64_t parent_code;   /* 0 for provinces */
  uint64_t province_code; /* for counties under a placeholder prefecture */
  uint32_t name_off;
  uint32_t parent;        /* row index, then new id */
  uint8_t name_len;
  uint8_t level;
  uint8_t flags;
  uint32_t line;          /* for messages */
} Row;

typedef struct {
  const char *file;       /* e.g. "villages.csv" */
  const char *header;
  CnkgLevel level;
  size_t expected;
} Source;

static const Source sources[] = {
  {"provinces.csv", "code,name", CNKG_LEVEL_PROVINCE, 31},
  {"cities.csv", "code,name,provinceCode", CNKG_LEVEL_PREFECTURE, 342},
  {"areas.csv", "code,name,cityCode,provinceCode", CNKG_LEVEL_COUNTY, 2978},
  {"streets.csv", "code,name,areaCode,provinceCode,cityCode", CNKG_LEVEL_TOWNSHIP, 41352},
  {"villages.csv", "code,name,streetCode,provinceCode,cityCode,areaCode", CNKG_LEVEL_VILLAGE,
   620573},
};

/* Prefecture rows of the list that are not places. */
static const char *const placeholders[] = {
  "市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划", NULL};

static Row *rows;
static size_t nrows, cap_rows;
static char *pool;
static size_t pool_len, pool_cap;
static char *arena;            /* composed/folded key bytes not found in names */
static size_t arena_len, arena_cap;

static void die_nomem(void) {
  fprintf(stderr, "cnkg: error: out of memory\n");
  exit(1);
}

static size_t grow(void **p, size_t *cap, size_t need, size_t elem) {
  if (need <= *cap) return *cap;
  size_t n = *cap ? *cap : 1024;
  while (n < need) n *= 2;
  void *q = realloc(*p, n * elem);
  if (!q) die_nomem();
  *p = q;
  *cap = n;
  return n;
}

static uint32_t append(char **buf, size_t *len, size_t *cap, const char *s, size_t n) {
  grow((void **)buf, cap, *len + n, 1);
  memcpy(*buf + *len, s, n);
  uint32_t off = (uint32_t)*len;
  *len += n;
  if (*len > UINT32_MAX) {
    fprintf(stderr, "cnkg: error: string pool exceeds 4 GiB\n");
    exit(1);
  }
  return off;
}

/* Splits one CSV record in place (RFC 4180 quoting: "a,b" and "" inside
 * quotes; no line breaks inside fields). Returns the number of fields, or
 * -1 with *why set. */
static int csv_split(char *line, char **fields, size_t *lens, int max, const char **why) {
  int n = 0;
  char *p = line;
  for (;;) {
    if (n == max) { *why = "too many fields"; return -1; }
    char *start = p, *w = p;
    if (*p == '"') {
      p++;
      for (;;) {
        if (*p == '\0') { *why = "unterminated quoted field"; return -1; }
        if (*p == '"') {
          if (p[1] == '"') { *w++ = '"'; p += 2; continue; }
          p++;
          break;
        }
        *w++ = *p++;
      }
      if (*p != ',' && *p != '\0') { *why = "text after a closing quote"; return -1; }
    } else {
      while (*p != ',' && *p != '\0') {
        if (*p == '"') { *why = "quote inside an unquoted field"; return -1; }
        *w++ = *p++;
      }
    }
    fields[n] = start;
    lens[n] = (size_t)(w - start);
    n++;
    if (*p == '\0') return n;
    p++;  /* the comma */
  }
}

static int parse_code(const char *s, size_t len, unsigned digits, uint64_t *code) {
  if (len != digits) return 0;
  uint64_t v = 0;
  for (size_t i = 0; i < len; i++) {
    if (s[i] < '0' || s[i] > '9') return 0;
    v = v * 10 + (uint64_t)(s[i] - '0');
  }
  *code = v;
  return 1;
}

static void fail_at(const char *path, size_t line, const char *msg) {
  fprintf(stderr, "cnkg: error: %s:%zu: %s\n", path, line, msg);
  exit(1);
}

static void read_source(const char *dir, const Source *src) {
  char path[4096];
  snprintf(path, sizeof path, "%s/%s", dir, src->file);
  FILE *f = fopen(path, "r");
  if (!f) {
    fprintf(stderr, "cnkg: error: %s: %s (run tools/extract-division first)\n", path,
            strerror(errno));
    exit(1);
  }
  char *line = NULL;
  size_t cap = 0, lineno = 0, count = 0;
  ssize_t got;
  int nexpect = 1;
  for (const char *c = src->header; *c; c++) nexpect += *c == ',';
  unsigned digits = cnkg_dividx_digits(src->level);
  unsigned parent_digits = cnkg_dividx_digits(src->level - 1);
  while ((got = getline(&line, &cap, f)) != -1) {
    lineno++;
    size_t len = (size_t)got;
    while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r')) line[--len] = '\0';
    if (strlen(line) != len) fail_at(path, lineno, "NUL byte in line");
    char *text = line;
    if (lineno == 1 && len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) text += 3;
    if (lineno == 1) {
      if (strcmp(text, src->header) != 0) {
        char msg[256];
        snprintf(msg, sizeof msg, "expected the header line \"%s\"", src->header);
        fail_at(path, lineno, msg);
      }
      continue;
    }
    if (len == 0) continue;
    char *fields[8];
    size_t lens[8];
    const char *why = NULL;
    int n = csv_split(text, fields, lens, 8, &why);
    if (n < 0) fail_at(path, lineno, why);
    if (n != nexpect) {
      char msg[128];
      snprintf(msg, sizeof msg, "%d fields, expected %d", n, nexpect);
      fail_at(path, lineno, msg);
    }
    Row r;
    memset(&r, 0, sizeof r);
    r.level = (uint8_t)src->level;
    r.line = (uint32_t)lineno;
    r.parent = UINT32_MAX;
    if (!parse_code(fields[0], lens[0], digits, &r.code)) {
      char msg[128];
      snprintf(msg, sizeof msg, "bad code \"%.*s\" (expected %u digits)", (int)(lens[0] > 20 ? 20 : lens[0]),
               fields[0], digits);
      fail_at(path, lineno, msg);
    }
    if (lens[1] == 0) fail_at(path, lineno, "empty name");
    if (lens[1] > 255) fail_at(path, lineno, "name longer than 255 bytes");
    if (!cnkg_utf8_valid(fields[1], lens[1])) fail_at(path, lineno, "name is not valid UTF-8");
    if (src->level > CNKG_LEVEL_PROVINCE &&
        !parse_code(fields[2], lens[2], parent_digits, &r.parent_code))
      fail_at(path, lineno, "bad parent code");
    if (src->level == CNKG_LEVEL_COUNTY && !parse_code(fields[3], lens[3], 2, &r.province_code))
      fail_at(path, lineno, "bad province code");
    if (src->level == CNKG_LEVEL_PREFECTURE) {
      for (size_t k = 0; placeholders[k]; k++)
        if (strlen(placeholders[k]) == lens[1] && memcmp(placeholders[k], fields[1], lens[1]) == 0)
          r.flags = CNKG_DIVIDX_PLACEHOLDER;
    }
    r.name_len = (uint8_t)lens[1];
    r.name_off = append(&pool, &pool_len, &pool_cap, fields[1], lens[1]);
    grow((void **)&rows, &cap_rows, nrows + 1, sizeof *rows);
    rows[nrows++] = r;
    count++;
  }
  if (ferror(f)) {
    fprintf(stderr, "cnkg: error: %s: read error\n", path);
    exit(1);
  }
  fclose(f);
  free(line);
  if (count != src->expected)
    fprintf(stderr, "cnkg: warning: %s: %zu records, expected %zu for china-division@2.7.0\n",
            path, count, src->expected);
}

static const char *src_file(unsigned level) { return sources[level - 1].file; }

/* ---- sorting helpers ---------------------------------------------------- */

static int cmp_code(const void *a, const void *b) {
  uint64_t x = rows[*(const uint32_t *)a].code, y = rows[*(const uint32_t *)b].code;
  return x < y ? -1 : x > y;
}

static int cmp_child(const void *a, const void *b) {
  const Row *x = &rows[*(const uint32_t *)a], *y = &rows[*(const uint32_t *)b];
  if (x->parent != y->parent) return x->parent < y->parent ? -1 : 1;
  if (x->level != y->level) return x->level < y->level ? -1 : 1;
  return x->code < y->code ? -1 : x->code > y->code;
}

static int cmp_u64(const void *a, const void *b) {
  uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
  return x < y ? -1 : x > y;
}

/* Prefix table slots per distinct two- or three-character prefix (rounded
 * up to a power of two). */
#define PREFIX_SLOTS_PER_PREFIX 4u

static uint32_t *bycode_rows;

static uint32_t find_row(uint64_t code) {
  size_t lo = 0, hi = nrows;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    uint64_t c = rows[bycode_rows[mid]].code;
    if (c == code) return bycode_rows[mid];
    if (c < code) lo = mid + 1; else hi = mid;
  }
  return UINT32_MAX;
}

typedef struct {
  uint64_t hash;
  uint32_t bucket;
  uint32_t id;
  uint32_t kind;
  uint32_t len;
  uint32_t off;
  uint32_t in_pool;  /* 1: off is into pool, 0: into arena */
} Entry;

static const char *entry_bytes(const Entry *e) { return (e->in_pool ? pool : arena) + e->off; }

static int cmp_entry(const void *a, const void *b) {
  const Entry *x = a, *y = b;
  if (x->bucket != y->bucket) return x->bucket < y->bucket ? -1 : 1;
  if (x->len != y->len) return x->len < y->len ? -1 : 1;
  int c = memcmp(entry_bytes(x), entry_bytes(y), x->len);
  if (c) return c;
  if (x->id != y->id) return x->id < y->id ? -1 : 1;
  if (x->kind != y->kind) return x->kind < y->kind ? -1 : 1;
  return x->in_pool > y->in_pool ? -1 : x->in_pool < y->in_pool;
}

static void put(FILE *f, const void *p, size_t n, const char *path) {
  if (n && fwrite(p, 1, n, f) != n) {
    fprintf(stderr, "cnkg: error: %s: write failed: %s\n", path, strerror(errno));
    exit(1);
  }
}

static void pad_to(FILE *f, size_t *pos, size_t target, const char *path) {
  static const char zeros[8] = {0};
  if (target < *pos || target - *pos > 8) {
    fprintf(stderr, "cnkg: error: internal layout error\n");
    exit(1);
  }
  put(f, zeros, target - *pos, path);
  *pos = target;
}

int main(int argc, char **argv) {
  if (argc == 2 && (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0)) {
    printf("usage: cnkg-mkdivision CSVDIR OUT\n"
           "Builds the cnkg division index OUT from the china-division@2.7.0 CSVs in\n"
           "CSVDIR (provinces, cities, areas, streets, villages; see tools/extract-division).\n");
    return 0;
  }
  if (argc != 3) {
    fprintf(stderr, "usage: cnkg-mkdivision CSVDIR OUT\n");
    return 2;
  }
  const char *dir = argv[1], *out = argv[2];
  uint32_t level_count[6] = {0};
  for (size_t s = 0; s < 5; s++) read_source(dir, &sources[s]);
  if (nrows >= UINT32_MAX / 2) die_nomem();
  for (size_t i = 0; i < nrows; i++) level_count[rows[i].level]++;

  /* Codes must be unique; parents must exist. */
  bycode_rows = malloc(nrows * sizeof *bycode_rows);
  if (!bycode_rows) die_nomem();
  for (size_t i = 0; i < nrows; i++) bycode_rows[i] = (uint32_t)i;
  qsort(bycode_rows, nrows, sizeof *bycode_rows, cmp_code);
  for (size_t i = 1; i < nrows; i++) {
    const Row *a = &rows[bycode_rows[i - 1]], *b = &rows[bycode_rows[i]];
    if (a->code == b->code) {
      char msg[160];
      snprintf(msg, sizeof msg, "duplicate code %llu (also in %s line %u)",
               (unsigned long long)b->code, src_file(a->level), (unsigned)a->line);
      char path[4096];
      snprintf(path, sizeof path, "%s/%s", dir, src_file(b->level));
      fail_at(path, b->line, msg);
    }
  }
  for (size_t i = 0; i < nrows; i++) {
    Row *r = &rows[i];
    if (r->level == CNKG_LEVEL_PROVINCE) continue;
    uint32_t p = find_row(r->parent_code);
    if (p != UINT32_MAX && (rows[p].flags & CNKG_DIVIDX_PLACEHOLDER))
      p = r->level == CNKG_LEVEL_COUNTY ? find_row(r->province_code) : UINT32_MAX;
    if (p == UINT32_MAX || rows[p].level >= r->level) {
      char path[4096], msg[128];
      snprintf(path, sizeof path, "%s/%s", dir, src_file(r->level));
      snprintf(msg, sizeof msg, "parent code %llu not found", (unsigned long long)r->parent_code);
      fail_at(path, r->line, msg);
    }
    r->parent = p;
  }

  /* Breadth-first order, so that every record's children are contiguous. */
  uint32_t *kids = malloc(nrows * sizeof *kids);
  uint32_t *start = calloc(nrows + 1, sizeof *start);
  uint32_t *order = malloc(nrows * sizeof *order);
  uint32_t *newid = malloc(nrows * sizeof *newid);
  if (!kids || !start || !order || !newid) die_nomem();
  size_t nkids = 0, nroots = 0;
  for (size_t i = 0; i < nrows; i++) {
    if (rows[i].level == CNKG_LEVEL_PROVINCE) order[nroots++] = (uint32_t)i;
    else kids[nkids++] = (uint32_t)i;
  }
  qsort(order, nroots, sizeof *order, cmp_code);
  qsort(kids, nkids, sizeof *kids, cmp_child);
  for (size_t i = 0; i < nkids; i++) start[rows[kids[i]].parent + 1]++;
  for (size_t i = 0; i < nrows; i++) start[i + 1] += start[i];
  size_t tail = nroots;
  for (size_t i = 0; i < tail; i++) {
    uint32_t r = order[i];
    for (uint32_t k = start[r]; k < start[r + 1]; k++) order[tail++] = kids[k];
  }
  if (tail != nrows) {
    fprintf(stderr, "cnkg: error: %zu records are not reachable from a province\n", nrows - tail);
    return 1;
  }
  for (size_t i = 0; i < nrows; i++) newid[order[i]] = (uint32_t)i;

  /* Keys. */
  Entry *ents = NULL;
  size_t nents = 0, cap_ents = 0;
  for (size_t i = 0; i < nrows; i++) {
    const Row *r = &rows[order[i]];
    if (r->flags & CNKG_DIVIDX_PLACEHOLDER) continue;
    char folded[256], buf[600];
    CnkgStr name = {pool + r->name_off, r->name_len};
    cnkg_division_fold(name, folded, sizeof folded);
    CnkgDivKey keys[CNKG_DIV_MAX_KEYS];
    size_t nk = cnkg_division_keys((CnkgStr){folded, r->name_len}, (CnkgLevel)r->level, keys,
                                   CNKG_DIV_MAX_KEYS, buf, sizeof buf);
    grow((void **)&ents, &cap_ents, nents + nk, sizeof *ents);
    for (size_t k = 0; k < nk; k++) {
      if (keys[k].key.len > 255) continue;  /* cannot happen: keys are no longer than names */
      Entry *e = &ents[nents++];
      e->id = (uint32_t)i;
      e->kind = (uint32_t)keys[k].kind;
      e->len = (uint32_t)keys[k].key.len;
      if (keys[k].key.len <= r->name_len &&
          memcmp(pool + r->name_off, keys[k].key.buf, keys[k].key.len) == 0) {
        e->in_pool = 1;
        e->off = r->name_off;
      } else {
        e->in_pool = 0;
        e->off = append(&arena, &arena_len, &arena_cap, keys[k].key.buf, keys[k].key.len);
      }
      e->hash = cnkg_dividx_hash(keys[k].key.buf, keys[k].key.len);
    }
  }
  uint32_t nbuckets = 1024;
  while (nbuckets < nents / 2) nbuckets *= 2;
  for (size_t i = 0; i < nents; i++) ents[i].bucket = (uint32_t)ents[i].hash & (nbuckets - 1);
  qsort(ents, nents, sizeof *ents, cmp_entry);

  CnkgDivIdxKey *keys = NULL;
  CnkgDivHit *hits = NULL;
  size_t nkeys = 0, cap_keys = 0, nhits = 0, cap_hits = 0;
  uint32_t *buckets = calloc((size_t)nbuckets + 1, sizeof *buckets);
  if (!buckets) die_nomem();
  for (size_t i = 0; i < nents;) {
    size_t j = i;
    int alias = -1;
    while (j < nents && ents[j].bucket == ents[i].bucket && ents[j].len == ents[i].len &&
           memcmp(entry_bytes(&ents[j]), entry_bytes(&ents[i]), ents[i].len) == 0) {
      if (ents[j].in_pool && alias < 0) alias = (int)(j - i);
      j++;
    }
    grow((void **)&keys, &cap_keys, nkeys + 2, sizeof *keys);
    CnkgDivIdxKey *k = &keys[nkeys++];
    k->len_tag = cnkg_dividx_tag(ents[i].hash, ents[i].len);
    k->str_off = alias >= 0 ? ents[i + (size_t)alias].off
                            : append(&pool, &pool_len, &pool_cap, entry_bytes(&ents[i]), ents[i].len);
    k->hit_start = (uint32_t)nhits;
    buckets[ents[i].bucket + 1]++;
    for (size_t e = i; e < j; e++) {
      if (e > i && ents[e].id == ents[e - 1].id) continue;  /* keep the strongest kind */
      grow((void **)&hits, &cap_hits, nhits + 1, sizeof *hits);
      hits[nhits].id = ents[e].id;
      hits[nhits].kind = (CnkgKeyKind)ents[e].kind;
      nhits++;
    }
    i = j;
  }
  grow((void **)&keys, &cap_keys, nkeys + 1, sizeof *keys);
  keys[nkeys].str_off = 0;
  keys[nkeys].len_tag = 0;
  keys[nkeys].hit_start = (uint32_t)nhits;
  for (uint32_t b = 0; b < nbuckets; b++) buckets[b + 1] += buckets[b];

  /* The prefix filter (division_int.h): sized from the number of distinct
   * prefixes so that few slots are shared -- a shared slot only costs the
   * recogniser lookups that miss. */
  uint64_t *phash = malloc((2 * nkeys + 1) * sizeof *phash);
  if (!phash) die_nomem();
  size_t nph = 0;
  for (size_t i = 0; i < nkeys; i++) {
    const char *s = pool + keys[i].str_off;
    for (unsigned c = 2; c <= 3; c++) {
      size_t pb = cnkg_dividx_prefix_bytes(s, keys[i].len_tag & 0xFFu, c);
      if (pb) phash[nph++] = cnkg_dividx_hash(s, pb);
    }
  }
  qsort(phash, nph, sizeof *phash, cmp_u64);
  size_t nprefixes = nph > 0;
  for (size_t i = 1; i < nph; i++) nprefixes += phash[i] != phash[i - 1];
  free(phash);
  uint32_t nprefix = 1024;
  while (nprefix < PREFIX_SLOTS_PER_PREFIX * nprefixes) nprefix *= 2;
  uint32_t *prefix = calloc(nprefix, sizeof *prefix);
  if (!prefix) die_nomem();
  for (size_t i = 0; i < nkeys; i++)
    cnkg_dividx_prefix_add(prefix, nprefix, pool + keys[i].str_off, keys[i].len_tag & 0xFFu);
  /* The key filter (division_int.h), from the keys as written. */
  size_t filter_words = cnkg_dividx_filter_words((uint32_t)nkeys);
  uint64_t *filter = calloc(filter_words, sizeof *filter);
  if (!filter) die_nomem();
  for (size_t i = 0; i < nkeys; i++) {
    size_t bit = cnkg_dividx_filter_bit(
        cnkg_dividx_hash(pool + keys[i].str_off, keys[i].len_tag & 0xFFu), filter_words);
    filter[bit / 64] |= (uint64_t)1 << (bit % 64);
  }

  /* Records and the code table in the new order. */
  CnkgDivIdxRec *recs = calloc(nrows, sizeof *recs);
  uint32_t *bycode = malloc(nrows * sizeof *bycode);
  if (!recs || !bycode) die_nomem();
  for (size_t i = 0; i < nrows; i++) {
    const Row *r = &rows[order[i]];
    CnkgDivIdxRec *o = &recs[i];
    o->name_off = r->name_off;
    o->name_len = r->name_len;
    o->parent = r->level == CNKG_LEVEL_PROVINCE ? UINT32_MAX : newid[r->parent];
    o->code_lo = (uint32_t)(r->code & 0xFFFFFFFFu);
    o->code_hi = (uint8_t)(r->code >> 32);
    o->level = r->level;
    o->flags = r->flags;
  }
  for (size_t i = 0; i < nrows; i++) bycode[i] = newid[bycode_rows[i]];

  CnkgDivIdxHeader h;
  memset(&h, 0, sizeof h);
  memcpy(h.magic, CNKG_DIVIDX_MAGIC, 8);
  h.version = CNKG_DIVIDX_VERSION;
  h.bom = CNKG_DIVIDX_BOM;
  h.nrec = (uint32_t)nrows;
  h.nkeys = (uint32_t)nkeys;
  h.nhits = (uint32_t)nhits;
  h.nbuckets = nbuckets;
  h.pool_size = (uint32_t)pool_len;
  memcpy(h.level_count, level_count, sizeof level_count);
  h.nprefix = nprefix;
  size_t offs[9];
  cnkg_dividx_layout(h.nrec, h.nbuckets, h.nkeys, h.nhits, h.pool_size, h.nprefix, offs);
  h.file_size = offs[8];

  char tmp[4096];
  snprintf(tmp, sizeof tmp, "%s.tmp", out);
  FILE *f = fopen(tmp, "wb");
  if (!f) {
    fprintf(stderr, "cnkg: error: %s: %s\n", tmp, strerror(errno));
    return 1;
  }
  size_t pos = sizeof h;
  put(f, &h, sizeof h, tmp);
  pad_to(f, &pos, offs[0], tmp);
  put(f, recs, nrows * sizeof *recs, tmp);
  pos += nrows * sizeof *recs;
  pad_to(f, &pos, offs[1], tmp);
  put(f, bycode, nrows * sizeof *bycode, tmp);
  pos += nrows * sizeof *bycode;
  pad_to(f, &pos, offs[2], tmp);
  put(f, buckets, ((size_t)nbuckets + 1) * sizeof *buckets, tmp);
  pos += ((size_t)nbuckets + 1) * sizeof *buckets;
  pad_to(f, &pos, offs[3], tmp);
  put(f, keys, (nkeys + 1) * sizeof *keys, tmp);
  pos += (nkeys + 1) * sizeof *keys;
  pad_to(f, &pos, offs[4], tmp);
  put(f, hits, nhits * sizeof *hits, tmp);
  pos += nhits * sizeof *hits;
  pad_to(f, &pos, offs[5], tmp);
  put(f, pool, pool_len, tmp);
  pos += pool_len;
  pad_to(f, &pos, offs[6], tmp);
  put(f, prefix, (size_t)nprefix * sizeof *prefix, tmp);
  pos += (size_t)nprefix * sizeof *prefix;
  pad_to(f, &pos, offs[7], tmp);
  put(f, filter, filter_words * sizeof *filter, tmp);
  pos += filter_words * sizeof *filter;
  if (fclose(f) != 0 || pos != offs[8]) {
    fprintf(stderr, "cnkg: error: %s: write failed\n", tmp);
    remove(tmp);
    return 1;
  }
  if (rename(tmp, out) != 0) {
    fprintf(stderr, "cnkg: error: %s: %s\n", out, strerror(errno));
    remove(tmp);
    return 1;
  }
  free(rows); free(pool); free(arena); free(bycode_rows); free(kids); free(start);
  free(order); free(newid); free(ents); free(keys); free(hits); free(buckets);
  free(recs); free(bycode); free(prefix); free(filter);
  return 0;
}
