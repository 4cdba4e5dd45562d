/* SPDX-License-Identifier: Apache-2.0
 * Thread pool for work queues (see pool.h). Depends on pool.h, POSIX
 * threads and the C library. */
#include "cnkg/pool.h"

#include <pthread.h>
#include <stdlib.h>

size_t cnkg_pool_run(size_t n, void *(*fn)(void *), void *arg, size_t size) {
  if (n == 0 || !fn) return 0;
  pthread_t *tids = n > 1 ? malloc((n - 1) * sizeof *tids) : NULL;
  size_t started = 0;
  for (size_t i = 1; tids && i < n; i++) {
    void *a = size ? (char *)arg + i * size : arg;
    if (pthread_create(&tids[started], NULL, fn, a) == 0) started++;
  }
  fn(arg);
  for (size_t i = 0; i < started; i++) pthread_join(tids[i], NULL);
  free(tids);
  return started + 1;
}
