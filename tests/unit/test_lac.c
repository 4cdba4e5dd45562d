/* SPDX-License-Identifier: Apache-2.0
 * Tests for extractor/lac.c: tags identical to lac_reference.py on
 * $CNKG_SHARED/lac/vectors.tsv and on tests/data/lac_own.tsv, emissions
 * within 1e-4 of tests/data/lac_emissions.tsv, margins as brute force finds
 * them (tests/data/lac_margins.tsv), words, offsets,
 * long and bad input, bad model files, every kernel version. Needs
 * build/data/lac.model. */
#include <math.h>

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

/* "=<TAB>sentence" then one "char<TAB>57 scores" row per character. */
static void check_emissions(const char *path) {
  size_t len;
  char *text = check_read_file(path, &len);
  CHECK(text != NULL);
  if (!text) return;
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

int main(void) {
  char *path = NULL, err[1024];
  if (cnkg_data_find(NULL, "lac.model", &path, err, sizeof err) != CNKG_SUCCESS)
    SKIP("lac.model not built");
  CHECK_EQ(cnkg_lac_open(path, &lac, err, sizeof err), CNKG_SUCCESS);
  free(path);
  if (!lac) {
    printf("%s\n", err);
    return check_finish();
  }
  char file[4096];
  const char *shared = check_env("CNKG_SHARED", NULL);
  snprintf(file, sizeof file, "%s/lac/vectors.tsv", shared ? shared : "/nonexistent");
  FILE *f = fopen(file, "r");
  if (f) {
    fclose(f);
    CHECK_EQ(check_tsv(file), 65);
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
    cnkg_lac_use_kernels(lac, kn);
    CHECK(check_tsv(file) >= 40);
  }
  cnkg_lac_use_kernels(lac, NULL);
  snprintf(file, sizeof file, "%s/tests/data/lac_emissions.tsv", src);
  check_emissions(file);
  snprintf(file, sizeof file, "%s/tests/data/lac_margins.tsv", src);
  check_margins(file);
  check_edges();
  check_bad_models();
  cnkg_lac_free(lac);
  return check_finish();
}
