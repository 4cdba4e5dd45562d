/* SPDX-License-Identifier: Apache-2.0
 * Benchmark for the division index: open time (open + validate + mmap,
 * and open + first lookup), and lookup rate for hits (every record's
 * official name) and for the mostly-missing 2-4 character windows a
 * recogniser tries, all in process CPU time. Built and run by
 * bench/division.sh; depends on extractor/division.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "extractor/division.h"

/* Process CPU time (user + system), so that other jobs on a busy machine
 * do not count; page faults and syscalls of open() still do. */
static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: division-bench DIVISION.IDX\n");
    return 2;
  }
  char err[512];
  CnkgDivision *d = NULL;
  const int rounds = 200;
  double t0 = now_ms();
  for (int i = 0; i < rounds; i++) {
    if (cnkg_division_open(argv[1], &d, err, sizeof err) != CNKG_SUCCESS) {
      fprintf(stderr, "cnkg: error: %s\n", err);
      return 1;
    }
    cnkg_division_free(d);
  }
  double open_ms = (now_ms() - t0) / rounds;
  const CnkgDivHit *hits;
  t0 = now_ms();
  for (int i = 0; i < rounds; i++) {
    cnkg_division_open(argv[1], &d, err, sizeof err);
    (void)cnkg_division_lookup(d, CNKG_STR("岳西"), &hits);
    cnkg_division_free(d);
  }
  double first_ms = (now_ms() - t0) / rounds;
  if (cnkg_division_open(argv[1], &d, err, sizeof err) != CNKG_SUCCESS) return 1;
  t0 = now_ms();
  CnkgStatus vs = cnkg_division_verify(d, err, sizeof err);
  double verify_ms = now_ms() - t0;

  size_t n = cnkg_division_count(d), found = 0, tries = 0, windows = 0;
  double hit_cold_ms = 0;
  /* Pass 0 takes the page faults of a fresh mapping; pass 1 is warm. */
  for (int pass = 0; pass < 2; pass++) {
    found = tries = 0;
    t0 = now_ms();
    for (CnkgDivId i = 0; i < n; i++) {
      CnkgDivRecord r;
      if (cnkg_division_get(d, i, &r) != CNKG_SUCCESS) continue;
      found += cnkg_division_lookup(d, (CnkgStr){r.name, r.name_len}, &hits) > 0;
      tries++;
    }
    if (pass == 0) hit_cold_ms = now_ms() - t0;
  }
  double hit_ms = now_ms() - t0;
  t0 = now_ms();
  for (CnkgDivId i = 0; i < n; i += 3) {
    CnkgDivRecord r;
    if (cnkg_division_get(d, i, &r) != CNKG_SUCCESS) continue;
    for (size_t s = 0; s + 6 <= r.name_len; s += 3)
      for (size_t w = 6; w <= 12 && s + w <= r.name_len; w += 3) {
        windows++;
        (void)cnkg_division_lookup(d, (CnkgStr){r.name + s, w}, &hits);
      }
  }
  double win_ms = now_ms() - t0;
  printf("records           %zu\n", n);
  printf("open              %.4f ms (mean of %d)\n", open_ms, rounds);
  printf("open+first lookup %.4f ms (mean of %d)\n", first_ms, rounds);
  printf("verify (full)     %.1f ms (%s)\n", verify_ms, vs == CNKG_SUCCESS ? "ok" : err);
  printf("lookup, hits      %.2f M/s cold, %.2f M/s warm (%zu of %zu official names found)\n",
         (double)tries / hit_cold_ms / 1e3, (double)tries / hit_ms / 1e3, found, tries);
  printf("lookup, windows   %.2f M/s (%zu 2-4 char windows)\n", (double)windows / win_ms / 1e3,
         windows);
  cnkg_division_free(d);
  return 0;
}
