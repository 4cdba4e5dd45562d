/* SPDX-License-Identifier: Apache-2.0
 * Tests for extractor/lac.c: tags identical to lac_reference.py on
 * $CNKG_SHARED/lac/vectors.tsv and on tests/data/lac_own.tsv, emissions
 * within 1e-4 of tests/data/lac_emissions.tsv, margins as brute force finds
 * them (tests/data/lac_margins.tsv), words, offsets,
 * long and bad input, bad model files, every kernel version (products
 * against double-precision sums, tags and emissions against the reference),
 * the fixed-point precision, kernel choice by name and CNKG_LAC_KERNEL.
 * Needs build/data/lac.model. */
#include <math.h>
#include <stdint.h>

#include "check.h"
#include "cnkg/data.h"
#include "extractor/lac.h"
#include "extractor/lac_kernels.h"

static CnkgLac *lac;

/* "a-B b-I ..." of a result, in buf. */
static const char *tag_line(const CnkgLacResult *r, char *buf, size_t size) {
  size_t used = 0;
  buf[0] = '\0';
  for (size_t t = 0; t < r->n_chars && used < size; t++)
    used += (size_t)snprintf(buf + used, size - used, "%s%s", t ? " " : "",
                             cnkg_lac_tag_name(lac, r->tags[t]));
  return buf;
}

/* Words must tile the sentence, agree with the tags (a word starts at "O"
 * or "*-B" and carries its first tag's type) and have sane margins. */
static void check_words(CnkgStr s, const CnkgLacResult *r) {
  size_t b = 0, c = 0;
  for (size_t w = 0; w < r->n_words; w++) {
    const CnkgLacWord *wd = &r->words[w];
    CHECK_EQ(wd->begin, b);
    CHECK_EQ(wd->cbegin, c);
    CHECK(wd->end > wd->begin && wd->cend > wd->cbegin);
    CHECK_EQ(cnkg_utf8_count(s.buf + wd->begin, wd->end - wd->begin), wd->cend - wd->cbegin);
    const char *first = cnkg_lac_tag_name(lac, r->tags[wd->cbegin]);
    CHECK(strncmp(first, wd->tag, strlen(wd->tag)) == 0);
    for (size_t t = wd->cbegin + 1; t < wd->cend; t++) {
      const char *n = cnkg_lac_tag_name(lac, r->tags[t]);
      size_t l = strlen(n);
      CHECK(strcmp(n, "O") != 0 && !(l >= 2 && strcmp(n + l - 2, "-B") == 0));
    }
    b = wd->end;
    c = wd->cend;
  }
  CHECK_EQ(b, s.len);
  CHECK_EQ(c, r->n_chars);
  for (size_t t = 0; t < r->n_chars; t++) CHECK(isfinite(r->margins[t]) && r->margins[t] >= 0);
}

/* Every "sentence<TAB>tags" line of path: single and batched analysis both
 * give exactly the expected tags. Returns the number of lines checked. */
static size_t check_tsv(const char *path) {
  size_t len;
  char *text = check_read_file(path, &len);
  CHECK(text != NULL);
  if (!text) return 0;
  CnkgStr sent[128];
  const char *want[128];
  size_t n = 0;
  for (char *line = strtok(text, "\n"); line && n < 128; line = strtok(NULL, "\n")) {
    char *tab = strchr(line, '\t');
    if (!tab) continue;
    *tab = '\0';
    sent[n] = cnkg_str_of(line);
    want[n++] = tab + 1;
  }
  CnkgLacResult one = {0}, many[128];
  memset(many, 0, sizeof many);
  CHECK_EQ(cnkg_lac_analyze_batch(lac, sent, n, many), CNKG_SUCCESS);
  static char buf[1 << 14];
  for (size_t i = 0; i < n; i++) {
    CHECK_EQ(cnkg_lac_analyze(lac, sent[i], &one), CNKG_SUCCESS);
    CHECK_STR(tag_line(&one, buf, sizeof buf), want[i]);
    check_words(sent[i], &one);
    CHECK_STR(tag_line(&many[i], buf, sizeof buf), want[i]);
    CHECK_EQ(many[i].n_words, one.n_words);
  }
  cnkg_lac_result_clear(&one);
  for (size_t i = 0; i < n; i++) cnkg_lac_result_clear(&many[i]);
  free(text);
  return n;
}

/* "=<TAB>sentence" then one "char<TAB>57 scores" row per character: the
 * largest difference from the analyser's emissions. */
static double worst_emission(const char *path) {
  size_t len;
  char *text = check_read_file(path, &len);
  CHECK(text != NULL);
  if (!text) return INFINITY;
  float *em = NULL;
  size_t n = 0, row = 0, sentences = 0;
  double worst = 0;
  for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
    if (line[0] == '=' && line[1] == '\t') {
      free(em);
      em = NULL;
      CHECK_EQ(cnkg_lac_emissions(lac, cnkg_str_of(line + 2), &em, &n), CNKG_SUCCESS);
      row = 0;
      sentences++;
      continue;
    }
    char *p = strchr(line, '\t');
    CHECK(p && em && row < n);
    if (!p || !em || row >= n) break;
    for (size_t k = 0; k < cnkg_lac_tag_count(lac); k++) {
      double v = strtod(p + 1, &p);
      double d = fabs(v - (double)em[row * cnkg_lac_tag_count(lac) + k]);
      if (d > worst) worst = d;
    }
    row++;
  }
  free(em);
  free(text);
  CHECK(sentences >= 3);
  return worst;
}

static void check_emissions(const char *path) {
  double worst = worst_emission(path);
  /* the file has 5 decimals, so 0.5e-5 of the gap is rounding */
  if (worst > 1e-4) printf("worst emission difference %g\n", worst);
  CHECK(worst <= 1e-4);
}

/* "=<TAB>sentence" then "tag<TAB>margin" per character, the margins found
 * by brute force (best path minus best path with each other tag forced at
 * that position) from the reference's emissions in double precision. */
static void check_margins(const char *path) {
  size_t len;
  char *text = check_read_file(path, &len);
  CHECK(text != NULL);
  if (!text) return;
  CnkgLacResult r = {0};
  size_t t = 0, rows = 0;
  for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
    if (line[0] == '=' && line[1] == '\t') {
      CHECK_EQ(cnkg_lac_analyze(lac, cnkg_str_of(line + 2), &r), CNKG_SUCCESS);
      t = 0;
      continue;
    }
    char *tab = strchr(line, '\t');
    CHECK(tab && t < r.n_chars);
    if (!tab || t >= r.n_chars) break;
    *tab = '\0';
    CHECK_STR(cnkg_lac_tag_name(lac, r.tags[t]), line);
    double want = strtod(tab + 1, NULL);
    CHECK(fabs(want - (double)r.margins[t]) < 1e-3);
    t++;
    rows++;
  }
  CHECK(rows >= 20);
  cnkg_lac_result_clear(&r);
  free(text);
}

/* Characters of path's "sentence<TAB>tags" lines whose tag the analyser
 * gives (in one batch); *total counts all. */
static size_t tag_agreement(const char *path, size_t *total) {
  size_t len, agree = 0;
  *total = 0;
  char *text = check_read_file(path, &len);
  CHECK(text != NULL);
  if (!text) return 0;
  CnkgLacResult r = {0};
  char *save = NULL;
  for (char *line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
    char *tab = strchr(line, '\t');
    if (!tab) continue;
    *tab = '\0';
    CHECK_EQ(cnkg_lac_analyze(lac, cnkg_str_of(line), &r), CNKG_SUCCESS);
    char *tsave = NULL;
    size_t t = 0;
    for (char *tag = strtok_r(tab + 1, " ", &tsave); tag; tag = strtok_r(NULL, " ", &tsave), t++) {
      (*total)++;
      if (t < r.n_chars && strcmp(cnkg_lac_tag_name(lac, r.tags[t]), tag) == 0) agree++;
    }
  }
  cnkg_lac_result_clear(&r);
  free(text);
  return agree;
}

/* Every kernel version's products against double-precision sums, on the
 * model's shapes with row counts around the register blocks: float32
 * within rounding, fixed point within its 12-bit resolution and the same
 * in every version (exact integer sums). */
static void check_products(void) {
  static const size_t shapes[][2] = {{128, 256}, {128, 128}, {256, 768}, {256, 57}};
  uint32_t seed = 12345;
  for (size_t sh = 0; sh < 4; sh++) {
    size_t k = shapes[sh][0], n = shapes[sh][1], m = 21;
    float *w = malloc(k * n * sizeof *w), *a = malloc(m * k * sizeof *a);
    float *bias = malloc(768 * sizeof *bias), *c = malloc(m * 768 * sizeof *c);
    float *c0 = malloc(m * 768 * sizeof *c0);
    CHECK(w && a && bias && c && c0);
    if (!w || !a || !bias || !c || !c0) return;
    for (size_t i = 0; i < k * n; i++) w[i] = (float)((seed = seed * 1103515245u + 12345u) >> 8) / 16777216.0f - 0.5f;
    for (size_t i = 0; i < m * k; i++) a[i] = (float)((seed = seed * 1103515245u + 12345u) >> 8) / 8388608.0f - 1.0f;
    for (size_t i = 0; i < 768; i++) bias[i] = (float)i / 768.0f;
    CnkgLacMat mat;
    CHECK_EQ(cnkg_lac_mat_init(&mat, w, k, n), CNKG_SUCCESS);
    CHECK_EQ(cnkg_lac_mat_quantize(&mat), CNKG_SUCCESS);
    CHECK(mat.np >= n && mat.np % (2 * CNKG_LAC_NR) == 0);
    bool have_fx = false;
    for (size_t v = 0; cnkg_lac_kernel_names[v]; v++) {
      const CnkgLacKernels *kn = cnkg_lac_kernels_named(cnkg_lac_kernel_names[v]);
      if (!kn) continue;
      for (size_t rows = 1; rows <= m; rows += rows < 10 ? 1 : 11) {
        if (kn->gemm) kn->gemm(rows, &mat, a, k, bias, c, mat.np);
        double worst = 0;
        for (size_t i = 0; kn->gemm && i < rows; i++)
          for (size_t j = 0; j < n; j++) {
            double sum = bias[j];
            for (size_t t = 0; t < k; t++) sum += (double)a[i * k + t] * w[t * n + j];
            worst = fmax(worst, fabs(sum - c[i * mat.np + j]));
          }
        if (worst > 1e-4) printf("%s: float product off by %g\n", kn->name, worst);
        CHECK(worst <= 1e-4);
        kn->gemm_fx(rows, &mat, a, k, bias, c, mat.np);
        worst = 0;
        for (size_t i = 0; i < rows; i++)
          for (size_t j = 0; j < n; j++) {
            double sum = bias[j];
            for (size_t t = 0; t < k; t++) sum += (double)a[i * k + t] * w[t * n + j];
            worst = fmax(worst, fabs(sum - c[i * mat.np + j]));
          }
        /* 12-bit rows and columns: each product within about 2^-12 of its size */
        if (worst > 0.02) printf("%s: fixed-point product off by %g\n", kn->name, worst);
        CHECK(worst <= 0.02);
        if (rows == m && !have_fx) {
          memcpy(c0, c, m * mat.np * sizeof *c);
          have_fx = true;
        } else if (rows == m) {
          double d = 0;
          for (size_t i = 0; i < m * mat.np; i++) d = fmax(d, fabs(c0[i] - c[i]) / (1 + fabs(c0[i])));
          if (d > 1e-6) printf("%s: fixed-point product differs from scalar by %g\n", kn->name, d);
          CHECK(d <= 1e-6);
        }
      }
    }
    cnkg_lac_mat_clear(&mat);
    free(w);
    free(a);
    free(bias);
    free(c);
    free(c0);
  }
}

/* Kernel choice by name and through CNKG_LAC_KERNEL, and the description. */
static void check_choice(const char *model) {
  CHECK(cnkg_lac_kernels_named("generic") != NULL);
  CHECK(cnkg_lac_kernels_named("scalar") != NULL);
  CHECK(cnkg_lac_kernels_named("no-such-kernel") == NULL);
  const CnkgLacKernels *best = cnkg_lac_kernels_best();
  CHECK(best && cnkg_lac_kernels_named(best->name) == best);
  char line[512];
  cnkg_lac_describe(lac, line, sizeof line);
  CHECK(strncmp(line, "lac kernel: ", 12) == 0 && strstr(line, "(cpu: ") != NULL);
  CHECK(strstr(line, cnkg_lac_kernels_of(lac)->name) != NULL);
  char err[512] = "";
  CnkgLac *m = NULL;
  setenv("CNKG_LAC_KERNEL", "no-such-kernel", 1);
  CHECK_EQ(cnkg_lac_open(model, &m, err, sizeof err), CNKG_ERR_ARG);
  CHECK(m == NULL && strstr(err, "CNKG_LAC_KERNEL=no-such-kernel") != NULL);
  setenv("CNKG_LAC_KERNEL", "scalar", 1);
  CHECK_EQ(cnkg_lac_open(model, &m, err, sizeof err), CNKG_SUCCESS);
  CHECK(m && strcmp(cnkg_lac_kernels_of(m)->name, "scalar") == 0);
  cnkg_lac_free(m);
  unsetenv("CNKG_LAC_KERNEL");
  /* analysis leaves the caller's floating-point mode as it found it */
  volatile float tiny = 1e-38f;
  CnkgLacResult r = {0};
  CHECK_EQ(cnkg_lac_analyze(lac, CNKG_STR("村民种茶。"), &r), CNKG_SUCCESS);
  CHECK(tiny * 0.5f != 0.0f);
  cnkg_lac_result_clear(&r);
}

static void check_bad_models(void) {
  CnkgLac *m = (CnkgLac *)1;
  char err[512] = "";
  CHECK_EQ(cnkg_lac_open("/nonexistent/lac.model", &m, err, sizeof err), CNKG_ERR_DATA);
  CHECK(m == NULL);
  CHECK(strstr(err, "/nonexistent/lac.model") != NULL);
  char path[] = "/tmp/cnkg-test-lac-XXXXXX";
  int fd = mkstemp(path);
  CHECK(fd >= 0);
  if (fd < 0) return;
  FILE *f = fdopen(fd, "wb");
  for (int i = 0; i < 100; i++) fputs("not a model at all ", f);
  fclose(f);
  CHECK_EQ(cnkg_lac_open(path, &m, err, sizeof err), CNKG_ERR_DATA);
  CHECK(strstr(err, "not a cnkg LAC model") != NULL);
  remove(path);
}

static void check_edges(void) {
  CnkgLacResult r = {0};
  CHECK_EQ(cnkg_lac_analyze(lac, CNKG_STR(""), &r), CNKG_SUCCESS);
  CHECK_EQ(r.n_chars, 0);
  CHECK_EQ(r.n_words, 0);
  CHECK_EQ(cnkg_lac_analyze(lac, CNKG_STR("村\xff"), &r), CNKG_ERR_ARG);
  CHECK_EQ(cnkg_lac_analyze(NULL, CNKG_STR("村"), &r), CNKG_ERR_ARG);
  CHECK(cnkg_lac_tag_name(lac, 9999) == NULL);
  CHECK_EQ(cnkg_lac_tag_count(lac), 57);
  CHECK_STR(cnkg_lac_tag_name(lac, 56), "O");

  CnkgStr s = CNKG_STR("驻村书记王秀兰带领村民种植高山茶。");
  CHECK_EQ(cnkg_lac_analyze(lac, s, &r), CNKG_SUCCESS);
  check_words(s, &r);
  int found = 0;
  for (size_t w = 0; w < r.n_words; w++)
    if (r.words[w].end - r.words[w].begin == strlen("王秀兰") &&
        memcmp(s.buf + r.words[w].begin, "王秀兰", strlen("王秀兰")) == 0) {
      CHECK_STR(r.words[w].tag, "PER");
      found = 1;
    }
  CHECK(found);

  /* A 30,000-character sentence: cut into bounded chunks, every char tagged */
  const char *unit = "合作社带动农户种植猕猴桃增加收入,";
  size_t ul = strlen(unit), reps = 30000 / cnkg_utf8_count(unit, ul) + 1;
  char *big = malloc(ul * reps + 1);
  for (size_t i = 0; i < reps; i++) memcpy(big + i * ul, unit, ul);
  CnkgStr bs = {big, ul * reps};
  CHECK_EQ(cnkg_lac_analyze(lac, bs, &r), CNKG_SUCCESS);
  CHECK_EQ(r.n_chars, cnkg_utf8_count(big, bs.len));
  check_words(bs, &r);
  /* no punctuation at all: hard cuts */
  for (size_t i = 0; i + 3 <= bs.len; i += 3) memcpy(big + i, "村", 3);
  CHECK_EQ(cnkg_lac_analyze(lac, bs, &r), CNKG_SUCCESS);
  check_words(bs, &r);
  free(big);
  cnkg_lac_result_clear(&r);
  cnkg_lac_result_clear(&r);  /* clearing twice is harmless */
}

/* Full-width and CJK punctuation is looked up in the ASCII forms the model
 * was trained on: the names around it are tagged as in the ASCII text, and
 * the words keep the offsets of the text as given. */
static void check_trained_forms(void) {
  static const char wide[] = "他说：“张三、李四和王五都到了。”";
  static const char ascii[] = "他说:\"张三,李四和王五都到了.\"";
  CnkgLacResult r = {0}, a = {0};
  CHECK_EQ(cnkg_lac_analyze(lac, (CnkgStr){wide, strlen(wide)}, &r), CNKG_SUCCESS);
  CHECK_EQ(cnkg_lac_analyze(lac, (CnkgStr){ascii, strlen(ascii)}, &a), CNKG_SUCCESS);
  CHECK_EQ(r.n_chars, a.n_chars);
  for (size_t i = 0; i < r.n_chars && i < a.n_chars; i++) CHECK_EQ(r.tags[i], a.tags[i]);
  size_t persons = 0;
  for (size_t w = 0; w < r.n_words; w++) {
    const CnkgLacWord *wd = &r.words[w];
    if (strcmp(wd->tag, "PER") != 0) continue;
    persons++;
    CHECK(wd->end - wd->begin == 6);  /* two characters, no punctuation glued on */
    CHECK(memcmp(wide + wd->begin, "张三", 6) == 0 || memcmp(wide + wd->begin, "李四", 6) == 0 ||
          memcmp(wide + wd->begin, "王五", 6) == 0);
  }
  CHECK_EQ(persons, 3);
  CHECK_EQ(r.words[r.n_words - 1].end, strlen(wide));
  /* as given (the reference's way), the untrained rows glue marks to names */
  cnkg_lac_set_trained_forms(lac, false);
  CHECK_EQ(cnkg_lac_analyze(lac, (CnkgStr){wide, strlen(wide)}, &r), CNKG_SUCCESS);
  bool differs = false;
  for (size_t i = 0; i < r.n_chars && i < a.n_chars; i++) differs |= r.tags[i] != a.tags[i];
  CHECK(differs);
  cnkg_lac_set_trained_forms(lac, true);
  cnkg_lac_set_trained_forms(NULL, true);  /* harmless */
  cnkg_lac_result_clear(&r);
  cnkg_lac_result_clear(&a);
}

int main(void) {
  char *path = NULL, err[1024];
  if (cnkg_data_find(NULL, "lac.model", &path, err, sizeof err) != CNKG_SUCCESS)
    SKIP("lac.model not built");
  CHECK_EQ(cnkg_lac_open(path, &lac, err, sizeof err), CNKG_SUCCESS);
  if (!lac) {
    printf("%s\n", err);
    free(path);
    return check_finish();
  }
  char file[4096];
  const char *shared = check_env("CNKG_SHARED", NULL);
  snprintf(file, sizeof file, "%s/lac/vectors.tsv", shared ? shared : "/nonexistent");
  FILE *f = fopen(file, "r");
  if (f) {
    fclose(f);
    /* the reference looks characters up as given */
    cnkg_lac_set_trained_forms(lac, false);
    CHECK_EQ(check_tsv(file), 65);
    cnkg_lac_set_trained_forms(lac, true);
  } else {
    printf("note: %s not found; reference vectors skipped\n", file);
  }
  const char *src = check_env("CNKG_SOURCE_DIR", ".");
  snprintf(file, sizeof file, "%s/tests/data/lac_own.tsv", src);
  CHECK(check_tsv(file) >= 40);
  /* every kernel version this CPU runs gives the reference's tags too */
  const char *versions[] = {"scalar", "sse2", "avx2"};
  for (size_t v = 0; v < 3; v++) {
    const CnkgLacKernels *kn = cnkg_lac_kernels_named(versions[v]);
    if (!kn) continue;
    CHECK_EQ(cnkg_lac_use_kernels(lac, kn), CNKG_SUCCESS);
    CHECK(check_tsv(file) >= 40);
  }
  CHECK_EQ(cnkg_lac_use_kernels(lac, NULL), CNKG_SUCCESS);
  snprintf(file, sizeof file, "%s/tests/data/lac_emissions.tsv", src);
  cnkg_lac_set_trained_forms(lac, false);
  check_emissions(file);
  cnkg_lac_set_trained_forms(lac, true);
  /* every version, AVX-512 and OpenBLAS included: tags of the reference
   * vectors and of the own sentences, emissions within 1e-4 */
  char own[4096], emis[4096], vec[4096];
  snprintf(own, sizeof own, "%s/tests/data/lac_own.tsv", src);
  snprintf(emis, sizeof emis, "%s/tests/data/lac_emissions.tsv", src);
  snprintf(vec, sizeof vec, "%s/lac/vectors.tsv", shared ? shared : "/nonexistent");
  FILE *vf = fopen(vec, "r");
  if (vf) fclose(vf);
  for (size_t v = 0; cnkg_lac_kernel_names[v]; v++) {
    const CnkgLacKernels *kn = cnkg_lac_kernels_named(cnkg_lac_kernel_names[v]);
    if (!kn) continue;
    CHECK_EQ(cnkg_lac_use_kernels(lac, kn), CNKG_SUCCESS);
    CHECK(check_tsv(own) >= 40);
    cnkg_lac_set_trained_forms(lac, false);
    if (vf) CHECK_EQ(check_tsv(vec), 65);
    check_emissions(emis);
    cnkg_lac_set_trained_forms(lac, true);
  }
  CHECK_EQ(cnkg_lac_use_kernels(lac, NULL), CNKG_SUCCESS);
  check_products();
  /* the fixed-point path: close to the exact one, in every version */
  CHECK_EQ(cnkg_lac_precision(lac), CNKG_LAC_EXACT);
  CHECK_EQ(cnkg_lac_use_precision(lac, CNKG_LAC_FAST), CNKG_SUCCESS);
  CHECK_EQ(cnkg_lac_precision(lac), CNKG_LAC_FAST);
  for (size_t v = 0; cnkg_lac_kernel_names[v]; v++) {
    const CnkgLacKernels *kn = cnkg_lac_kernels_named(cnkg_lac_kernel_names[v]);
    if (!kn) continue;
    CHECK_EQ(cnkg_lac_use_kernels(lac, kn), CNKG_SUCCESS);
    size_t total, agree = tag_agreement(own, &total);
    CHECK(total >= 1000 && agree >= total - total / 200);  /* >= 99.5% */
    cnkg_lac_set_trained_forms(lac, false);
    double worst = worst_emission(emis);
    cnkg_lac_set_trained_forms(lac, true);
    CHECK(worst > 1e-6 && worst <= 0.05);  /* it does run reduced, and close */
    char line[512];
    cnkg_lac_describe(lac, line, sizeof line);
    CHECK(strstr(line, "int16") != NULL);
  }
  CHECK_EQ(cnkg_lac_use_kernels(lac, NULL), CNKG_SUCCESS);
  CHECK_EQ(cnkg_lac_use_precision(lac, CNKG_LAC_EXACT), CNKG_SUCCESS);
  CHECK_EQ(cnkg_lac_use_precision(lac, (CnkgLacPrecision)7), CNKG_ERR_ARG);
  cnkg_lac_set_trained_forms(lac, false);
  check_emissions(emis);
  cnkg_lac_set_trained_forms(lac, true);
  snprintf(file, sizeof file, "%s/tests/data/lac_margins.tsv", src);
  cnkg_lac_set_trained_forms(lac, false);
  check_margins(file);
  cnkg_lac_set_trained_forms(lac, true);
  check_edges();
  check_trained_forms();
  check_bad_models();
  if (lac) check_choice(path);
  free(path);
  cnkg_lac_free(lac);
  return check_finish();
}
