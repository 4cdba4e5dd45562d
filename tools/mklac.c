/* SPDX-License-Identifier: Apache-2.0
 * cnkg-mklac LAC_DIR OUT: converts Baidu's LAC "small" model as shipped by
 * python3-jieba (Paddle tensor files, word.dic, tag.dic) into the compact
 * file lac.c maps, precomputing the layer-0 input projection of every vocab
 * row. Depends on extractor/lac_int.h and the C library only. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cnkg/text.h"
#include "extractor/lac_int.h"

#define H CNKG_LAC_H
#define G CNKG_LAC_G

typedef struct {
  float *data;
  size_t dims[4];
  size_t ndims, count;
} Tensor;

static const char *lac_dir;

static void die(const char *what, const char *msg) {
  fprintf(stderr, "cnkg-mklac: error: %s: %s\n", what, msg);
  exit(1);
}

static unsigned char *slurp(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) die(path, "cannot open (is python3-jieba installed?)");
  size_t cap = 1 << 16, n = 0;
  unsigned char *b = malloc(cap);
  for (;;) {
    if (!b) die(path, "out of memory");
    n += fread(b + n, 1, cap - n, f);
    if (n < cap) break;
    cap *= 2;
    b = realloc(b, cap);
  }
  if (ferror(f)) die(path, "read error");
  fclose(f);
  *len = n;
  return b;
}

static uint64_t get_le(const unsigned char *b, size_t n) {
  uint64_t v = 0;
  for (size_t i = n; i-- > 0;) v = (v << 8) | b[i];
  return v;
}

static int varint(const unsigned char *b, size_t len, size_t *i, uint64_t *out) {
  uint64_t r = 0;
  unsigned s = 0;
  while (*i < len && s < 64) {
    unsigned char c = b[(*i)++];
    r |= (uint64_t)(c & 0x7F) << s;
    s += 7;
    if (c < 0x80) {
      *out = r;
      return 1;
    }
  }
  return 0;
}

/* Paddle LoDTensor: u32 version, u64 lod levels (each: u64 bytes + data),
 * u32 tensor version, i32 desc size, TensorDesc protobuf, raw float32. */
static Tensor load_tensor(const char *name) {
  char path[4096];
  snprintf(path, sizeof path, "%s/model_baseline/%s", lac_dir, name);
  size_t len, i = 4;
  unsigned char *b = slurp(path, &len);
  Tensor t = {0};
  if (len < 24) die(path, "truncated tensor file");
  uint64_t lod = get_le(b + i, 8);
  i += 8;
  for (uint64_t l = 0; l < lod; l++) {
    if (i + 8 > len) die(path, "truncated LoD");
    i += 8 + (size_t)get_le(b + i, 8);
  }
  i += 4;
  if (i + 4 > len) die(path, "truncated header");
  size_t ds = (size_t)get_le(b + i, 4);
  i += 4;
  if (i + ds > len) die(path, "truncated descriptor");
  size_t j = i, end = i + ds;
  t.count = 1;
  while (j < end) {
    uint64_t key, val;
    if (!varint(b, end, &j, &key) || !varint(b, end, &j, &val)) die(path, "bad descriptor");
    if (key >> 3 == 1 && val != 5) die(path, "tensor is not float32");
    if (key >> 3 == 2) {
      if (t.ndims == 4) die(path, "too many dimensions");
      t.dims[t.ndims++] = (size_t)val;
      t.count *= (size_t)val;
    }
  }
  i = end;
  if (len - i != t.count * 4) die(path, "data size does not match dimensions");
  t.data = malloc(t.count * sizeof(float));
  if (!t.data) die(path, "out of memory");
  memcpy(t.data, b + i, t.count * sizeof(float));
  free(b);
  return t;
}

static void expect(const Tensor *t, const char *name, size_t n) {
  if (t->count != n) die(name, "unexpected tensor size");
}

typedef struct {
  uint32_t cp, row;
} Pair;
_Static_assert(sizeof(Pair) == 2 * sizeof(uint32_t), "a map pair is two uint32 (lac_int.h)");

static int pair_cmp(const void *a, const void *b) {
  const Pair *x = a, *y = b;
  if (x->cp != y->cp) return x->cp < y->cp ? -1 : 1;
  return x->row < y->row ? -1 : x->row > y->row;
}

/* Lines "id<TAB>key" as the reference reads them: a key that occurs twice
 * keeps its last id; only single-code-point keys can ever match a char. */
static Pair *load_words(size_t *n, uint32_t *oov) {
  char path[4096];
  snprintf(path, sizeof path, "%s/word.dic", lac_dir);
  size_t len;
  unsigned char *b = slurp(path, &len);
  Pair *p = malloc((len / 2 + 1) * sizeof *p);
  if (!p) die(path, "out of memory");
  size_t np = 0;
  int have_oov = 0;
  for (size_t i = 0; i < len;) {
    size_t e = i;
    while (e < len && b[e] != '\n' && b[e] != '\r') e++;
    const char *line = (const char *)b + i;
    size_t ll = e - i;
    const char *tab = memchr(line, '\t', ll);
    if (tab && !memchr(tab + 1, '\t', ll - (size_t)(tab + 1 - line))) {
      uint32_t id = (uint32_t)strtoul(line, NULL, 10);
      const char *key = tab + 1;
      size_t kl = ll - (size_t)(key - line);
      if (kl == 3 && memcmp(key, "OOV", 3) == 0) {
        *oov = id;
        have_oov = 1;
      } else if (kl > 0 && cnkg_utf8_valid(key, kl) && cnkg_utf8_count(key, kl) == 1) {
        size_t k = 0;
        p[np].cp = cnkg_utf8_next(key, kl, &k);
        p[np++].row = id;
      }
    }
    /* \r\n and lone \r end lines too: Python's universal newlines */
    i = e + (e < len && b[e] == '\r' && e + 1 < len && b[e + 1] == '\n' ? 2 : 1);
  }
  free(b);
  if (!have_oov) die(path, "no OOV entry");
  /* "last wins" like a Python dict: sort (code point, input position) and
   * keep the last entry of each run of equal code points */
  Pair *q = malloc((np + 1) * sizeof *q);
  if (!q) die(path, "out of memory");
  for (size_t i = 0; i < np; i++) q[i] = (Pair){p[i].cp, (uint32_t)i};
  qsort(q, np, sizeof *q, pair_cmp);
  Pair *r = malloc((np + 1) * sizeof *r);
  if (!r) die(path, "out of memory");
  size_t out = 0;
  for (size_t i = 0; i < np; i++)
    if (i + 1 == np || q[i + 1].cp != q[i].cp) r[out++] = (Pair){q[i].cp, p[q[i].row].row};
  free(q);
  free(p);
  p = r;
  *n = out;
  return p;
}

static size_t load_tags(char names[][2][CNKG_LAC_TAGNAME], size_t max) {
  char path[4096];
  snprintf(path, sizeof path, "%s/tag.dic", lac_dir);
  size_t len;
  unsigned char *b = slurp(path, &len);
  size_t n = 0;
  for (size_t i = 0; i < len;) {
    size_t e = i;
    while (e < len && b[e] != '\n' && b[e] != '\r') e++;
    const char *line = (const char *)b + i;
    const char *tab = memchr(line, '\t', e - i);
    if (tab) {
      size_t id = (size_t)strtoul(line, NULL, 10);
      size_t kl = e - i - (size_t)(tab + 1 - line);
      if (id != n || id >= max || kl == 0 || kl >= CNKG_LAC_TAGNAME) die(path, "unexpected tag list");
      memset(names[n], 0, sizeof names[n]);
      memcpy(names[n][0], tab + 1, kl);
      const char *dash = memchr(tab + 1, '-', kl);
      memcpy(names[n][1], tab + 1, dash ? (size_t)(dash - tab - 1) : kl);
      n++;
    }
    i = e + 1;
  }
  free(b);
  return n;
}

static size_t align64(size_t x) { return (x + 63) & ~(size_t)63; }

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: cnkg-mklac LAC_DIR OUTPUT\n");
    return 2;
  }
  lac_dir = argv[1];
  static char tags[64][2][CNKG_LAC_TAGNAME];
  size_t K = load_tags(tags, 64);
  size_t n_map;
  uint32_t oov = 0;
  Pair *map = load_words(&n_map, &oov);

  Tensor emb = load_tensor("word_emb");
  if (emb.ndims != 2 || emb.dims[1] != H) die("word_emb", "unexpected shape");
  size_t rows = emb.dims[0];
  if (oov >= rows) die("word.dic", "OOV id outside the embedding");
  for (size_t i = 0; i < n_map; i++)
    if (map[i].row >= rows) die("word.dic", "id outside the embedding");

  Tensor fc[5], fb[5], gw[4], gb[4];
  for (int l = 0; l < 5; l++) {
    char n1[32], n2[32];
    snprintf(n1, sizeof n1, "fc_%d.w_0", l);
    snprintf(n2, sizeof n2, "fc_%d.b_0", l);
    fc[l] = load_tensor(n1);
    fb[l] = load_tensor(n2);
    size_t in = l < 2 ? H : 2 * H, out = l < 4 ? G : K;
    expect(&fc[l], n1, in * out);
    expect(&fb[l], n2, out);
  }
  for (int l = 0; l < 4; l++) {
    char n1[32], n2[32];
    snprintf(n1, sizeof n1, "gru_%d.w_0", l);
    snprintf(n2, sizeof n2, "gru_%d.b_0", l);
    gw[l] = load_tensor(n1);
    gb[l] = load_tensor(n2);
    expect(&gw[l], n1, H * G);
    expect(&gb[l], n2, G);
  }
  Tensor crf = load_tensor("crfw");
  expect(&crf, "crfw", (K + 2) * K);

  CnkgLacHeader hd;
  memset(&hd, 0, sizeof hd);
  memcpy(hd.magic, CNKG_LAC_MAGIC, sizeof CNKG_LAC_MAGIC);
  hd.version = CNKG_LAC_VERSION;
  hd.endian = CNKG_LAC_ENDIAN;
  hd.hidden = H;
  hd.n_tags = (uint32_t)K;
  hd.rows = (uint32_t)rows;
  hd.oov_row = oov;
  hd.n_map = (uint32_t)n_map;
  size_t fsz = sizeof(float);
  uint64_t sizes[LAC_SEC_COUNT];
  cnkg_lac_section_sizes(sizes, n_map, K, rows);
  size_t off = align64(sizeof hd);
  for (int s = 0; s < LAC_SEC_COUNT; s++) {
    hd.offset[s] = off;
    hd.size[s] = sizes[s];
    off = align64(off + sizes[s]);
  }
  hd.file_size = off;
  unsigned char *out = calloc(1, off);
  if (!out) die(argv[2], "out of memory");
  memcpy(out, &hd, sizeof hd);
#define SEC(s) ((void *)(out + hd.offset[s]))
  memcpy(SEC(LAC_SEC_MAP), map, sizes[LAC_SEC_MAP]);
  memcpy(SEC(LAC_SEC_TAGS), tags, sizes[LAC_SEC_TAGS]);

  /* Layer-0 projections in double, rounded once; the reference rounds after
   * each float32 product, so results agree to within float rounding. */
  float *p0 = SEC(LAC_SEC_PROJ0);
  for (size_t r = 0; r < rows; r++) {
    const float *e = emb.data + r * H;
    for (int d = 0; d < 2; d++) {
      for (size_t c = 0; c < G; c++) {
        double acc = 0;
        for (size_t k = 0; k < H; k++) acc += (double)e[k] * fc[d].data[k * G + c];
        acc += fb[d].data[c];
        acc += gb[d].data[c];
        p0[r * 2 * G + (size_t)d * G + c] = (float)acc;
      }
    }
  }
  /* GRU weights are split by memory: first 2H*H floats gates, rest candidate */
  int wg_sec[4] = {LAC_SEC_WG0, LAC_SEC_WG1, LAC_SEC_WG2, LAC_SEC_WG3};
  int wc_sec[4] = {LAC_SEC_WC0, LAC_SEC_WC1, LAC_SEC_WC2, LAC_SEC_WC3};
  for (int l = 0; l < 4; l++) {
    memcpy(SEC(wg_sec[l]), gw[l].data, 2 * H * H * fsz);
    memcpy(SEC(wc_sec[l]), gw[l].data + 2 * H * H, H * H * fsz);
  }
  float *w1 = SEC(LAC_SEC_W1), *b1 = SEC(LAC_SEC_B1);
  for (size_t k = 0; k < 2 * H; k++)
    for (int d = 0; d < 2; d++)
      memcpy(w1 + k * 2 * G + (size_t)d * G, fc[2 + d].data + k * G, G * fsz);
  for (int d = 0; d < 2; d++)
    for (size_t c = 0; c < G; c++)
      b1[(size_t)d * G + c] = fb[2 + d].data[c] + gb[2 + d].data[c];
  memcpy(SEC(LAC_SEC_W4), fc[4].data, sizes[LAC_SEC_W4]);
  memcpy(SEC(LAC_SEC_B4), fb[4].data, sizes[LAC_SEC_B4]);
  memcpy(SEC(LAC_SEC_CRF), crf.data, sizes[LAC_SEC_CRF]);
#undef SEC

  /* write to a temporary name and rename, so a failed build never leaves a
   * truncated model that would be mapped later */
  char tmp[4096];
  snprintf(tmp, sizeof tmp, "%s.tmp", argv[2]);
  FILE *f = fopen(tmp, "wb");
  if (!f) die(tmp, "cannot create");
  if (fwrite(out, 1, off, f) != off || fclose(f) != 0) die(tmp, "write failed");
  if (rename(tmp, argv[2]) != 0) die(argv[2], "cannot rename into place");
  free(out);
  free(map);
  free(emb.data);
  for (int l = 0; l < 5; l++) free(fc[l].data), free(fb[l].data);
  for (int l = 0; l < 4; l++) free(gw[l].data), free(gb[l].data);
  free(crf.data);
  return 0;
}
