/* SPDX-License-Identifier: Apache-2.0
 * Linear work on long documents (issue 15, item 7). The extractor (rules,
 * without the analyser) reads single-line documents built against it, each
 * at two sizes eight times apart: a clause repeated (县委书记张三说，), a
 * 、-list of distinct names, bylines, industries, a chain of place names,
 * sentences dense with names, posts and places, and sentences whose
 * industries and policies are carried by what a kind word (合作社, 该公司)
 * or a bare level (镇党委) refers to. Work is the thread's CPU
 * time, best of a few runs: linear work grows about eightfold, a step that
 * compares everything with everything up to sixty-fourfold; the bound (14)
 * leaves room for fixed costs and a busy machine, and no absolute time is
 * checked. Needs $CNKG_DATA/division.idx (skipped without it). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "check.h"
#include "cnkg/graph.h"
#include "extractor/extract.h"

#define RATIO_BOUND 14.0

static uint32_t seed = 15;

static uint32_t next_rand(void) {
  seed = seed * 1103515245u + 12345u;
  return seed >> 8;
}

static const char *pick(const char *const *v, size_t n) { return v[next_rand() % n]; }

static const char *const SURNAMES[] = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵",
                                       "吴", "周", "徐", "孙", "马", "朱", "胡", "郭",
                                       "何", "高", "林", "罗", "郑", "梁", "谢", "宋"};
static const char *const GIVEN[] = {"建", "国", "海", "燕", "晓", "梅", "立", "新",
                                    "志", "强", "秀", "兰", "德", "胜", "春", "华"};

/* Appends a person's name of two or three characters to buf at *n. */
static void put_name(char *buf, size_t *n) {
  *n += (size_t)sprintf(buf + *n, "%s%s", pick(SURNAMES, 24), pick(GIVEN, 16));
  if (next_rand() % 2) *n += (size_t)sprintf(buf + *n, "%s", pick(GIVEN, 16));
}

/* A one-line document of kind k of about size bytes (caller frees). */
static char *make_doc(int k, size_t size, size_t *len) {
  static const char *const PLACES[] = {"屏南县熙岭乡龙潭村", "岳西县莲云乡腾云村",
                                       "文安县苏桥镇西庄村", "汉阴县城关镇五一村"};
  static const char *const CROPS[] = {"茶叶", "蔬菜", "水稻", "玉米", "花生", "柑橘",
                                      "核桃", "香菇", "生猪", "山羊", "烟叶", "葡萄"};
  char *buf = malloc(size + 512);
  CHECK(buf != NULL);
  size_t n = 0;
  seed = 15;
  while (n < size) {
    switch (k) {
    case 0: n += (size_t)sprintf(buf + n, "县委书记张三说，"); break;
    case 1: put_name(buf, &n); n += (size_t)sprintf(buf + n, "、"); break;
    case 2:
      n += (size_t)sprintf(buf + n, "（记者 ");
      put_name(buf, &n);
      n += (size_t)sprintf(buf + n, "）");
      break;
    case 3: n += (size_t)sprintf(buf + n, "%s种植、", pick(CROPS, 12)); break;
    case 4: n += (size_t)sprintf(buf + n, "福建省宁德市%s", pick(PLACES, 4)); break;
    case 6:
      n += (size_t)sprintf(buf + n, "合作社种植了%s；该公司也种植%s，镇党委推广“一村一品”。",
                           pick(CROPS, 12), pick(CROPS, 12));
      break;
    default:
      n += (size_t)sprintf(buf + n, "%s党支部书记", pick(PLACES, 4));
      put_name(buf, &n);
      n += (size_t)sprintf(buf + n, "介绍，村里发展%s，", pick(CROPS, 12));
      put_name(buf, &n);
      n += (size_t)sprintf(buf + n, "、");
      put_name(buf, &n);
      n += (size_t)sprintf(buf + n, "等村民加入了合作社，");
      break;
    }
  }
  *len = n;
  return buf;
}

static double thread_seconds(void) {
  struct timespec t;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* The least thread CPU time of runs extractions of a document of kind k
 * and about size bytes. */
static double work(CnkgWorker *w, int k, size_t size, int runs) {
  size_t len;
  char *doc = make_doc(k, size, &len);
  double best = 1e30;
  for (int run = 0; run < runs; run++) {
    CnkgGraph *g = cnkg_graph_new();
    CHECK(g != NULL);
    double t0 = thread_seconds();
    CHECK_EQ(cnkg_worker_document(w, "long.txt", doc, len, NULL, g), CNKG_SUCCESS);
    double t = thread_seconds() - t0;
    if (t < best) best = t;
    CHECK(cnkg_graph_entity_count(g) > 0);
    cnkg_graph_free(g);
  }
  free(doc);
  return best;
}

int main(void) {
  const char *data = check_env("CNKG_DATA", NULL);
  if (!data) SKIP("CNKG_DATA not set");
  CnkgExtractorConfig cfg;
  memset(&cfg, 0, sizeof cfg);
  cfg.data_dir = data;
  cfg.fast = true;
  char err[512] = "";
  CnkgExtractor *ex = NULL;
  if (cnkg_extractor_new(&cfg, &ex, err, sizeof err) != CNKG_SUCCESS)
    SKIP("no division index in $CNKG_DATA");
  CnkgWorker *w = NULL;
  CHECK_EQ(cnkg_worker_new(ex, &w, err, sizeof err), CNKG_SUCCESS);
  /* the larger size of each kind: a few hundredths of a second of work
   * (ten times that under AddressSanitizer) */
  static const struct { const char *name; size_t kb; } KINDS[] = {
      {"repeated clause", 256}, {"list of names", 96}, {"bylines", 96},
      {"industries", 96},       {"chain of places", 256}, {"dense sentences", 256},
      {"references", 256}};
  for (int k = 0; k < 7 && w; k++) {
    size_t large_size = KINDS[k].kb * 1024;
    double small = work(w, k, large_size / 8, 3), large = work(w, k, large_size, 2);
    double ratio = large / (small > 1e-6 ? small : 1e-6);
    printf("%-16s %7.3f s for %zu KB, %7.3f s for %zu KB: %.1f times\n", KINDS[k].name,
           small, KINDS[k].kb / 8, large, KINDS[k].kb, ratio);
    CHECK(ratio < RATIO_BOUND);
  }
  cnkg_worker_free(w);
  cnkg_extractor_free(ex);
  return check_finish();
}
